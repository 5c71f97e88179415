#!/usr/bin/env bash
# Install everything the project needs, idempotently; sourced or run by scripts/samples.sh and
# scripts/test.sh (and usable alone: `bash scripts/install.sh`).
#
#  1. Debian packages (apt-get, as root; skipped when all are already installed):
#     fonts-arphic-uming fonts-wqy-zenhei  CJK fonts the PDF and EPUB writers embed
#     fonts-hanazono                       HanaMin A/B: the body text's fallback (Ming) for characters
#                                          AR PL UMing lacks (閲 説 in the HK face, 𠮷), IVS glyphs
#     fonts-liberation2                    Liberation Serif/Sans: Latin letters and digits beside the
#                                          Ming and Hei faces (PDF, OFD, EPUB)
#     fonts-dejavu-core                    DejaVu Serif/Sans: symbols no CJK face has
#     jing                                 RELAX NG validator (TEI against tei_all.rng)
#     poppler-utils                        pdftotext / pdftoppm, used by tests to read PDFs back
#     libpdfbox2-java                      Apache PDFBox 2, whose preflight.jar holds the PDF/A-1b
#                                          validator org.apache.pdfbox.preflight.Validator_A1b
#     libactivation-java libjaxb-api-java  javax.activation / JAXB, needed by PDFBox Preflight on Java 11+
#     default-jre-headless                 Java for jing, PDFBox Preflight and EPUBCheck
#  2. .venv (python3 -m venv), the exact versions pinned in requirements.lock (hash-checked),
#     then this package, editable and without dependencies (console script .venv/bin/convert).
#     Skipped when .venv already holds what requirements.lock and pyproject.toml ask for.
#
# Environment: CONVERT_SKIP_APT=1 skips step 1 (a machine where someone else manages packages).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(
    fonts-arphic-uming fonts-wqy-zenhei fonts-hanazono fonts-liberation2 fonts-dejavu-core
    jing poppler-utils
    libpdfbox2-java libactivation-java libjaxb-api-java
    default-jre-headless
    chromium nodejs
)

log() { printf '[install] %s\n' "$*" >&2; }

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

install_apt() {
    local missing=() pkg
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
        missing+=(python3-venv)     # Debian's own python3 ships venv without ensurepip
    fi
    for pkg in "${APT_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        log "Debian packages: all present"
        return
    fi
    log "Debian packages to install: ${missing[*]}"
    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null; then
            sudo=(sudo -n)
        else
            log "not root and no sudo: install these by hand: apt-get install ${missing[*]}"
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

# The venv is current when this stamp matches the lock file, pyproject.toml and the interpreter.
stamp() {
    cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1
    .venv/bin/python -c 'import sys; print(sys.version)' 2>/dev/null || echo "no python"
}

# pip in .venv, quiet; drops the warnings about local package mirrors named in this machine's
# pip configuration that do not hold a given package (one line per package, not errors).
pip_quiet() {
    .venv/bin/python -m pip -q "$@" 2> >(grep -v "^WARNING: Location 'file://.*' is ignored" >&2)
}

install_venv() {
    if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import sys' 2>/dev/null; then
        log "creating .venv with $(python3 --version 2>&1)"
        rm -rf .venv
        python3 -m venv .venv
    fi
    if [[ -f .venv/.convert-installed ]] && [[ "$(stamp)" == "$(cat .venv/.convert-installed)" ]] \
        && [[ -x .venv/bin/convert ]]; then
        log "Python packages: up to date with requirements.lock"
        return
    fi
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    log "installing requirements.lock into .venv"
    pip_quiet install --require-hashes -r requirements.lock
    log "installing convert (editable, --no-deps)"
    # setuptools comes from the lock file, so the build needs no isolated environment.
    pip_quiet install --no-deps --no-build-isolation -e .
    stamp >.venv/.convert-installed
}

# npm packages of the checks that run in a browser, each pinned in its package-lock.json:
# CETEIcean and playwright-core (scripts/ceteicean: scripts/ceteicean.sh, tests/test_tei_renderers.py)
# and Ace by DAISY (scripts/ace: tests/test_ace.py, scripts/real-readers.sh; its bundled Chromium is
# not downloaded, PUPPETEER_SKIP_DOWNLOAD: it runs on Debian's chromium). Not needed to convert: a
# failure is a warning, and those tests then say they were skipped and why.
install_npm() {
    if ! command -v npm >/dev/null; then
        log "npm not found: the CETEIcean and Ace checks will be skipped"
        return
    fi
    local dir
    for dir in scripts/ceteicean scripts/ace; do
        if [[ -f $dir/node_modules/.package-lock.json ]] \
            && cmp -s <(sha256sum <"$dir/package-lock.json") "$dir/node_modules/.convert-installed"; then
            log "npm packages: $dir up to date with its package-lock.json"
            continue
        fi
        log "installing $dir/package-lock.json (npm ci)"
        if (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null 2>&1); then
            sha256sum <"$dir/package-lock.json" >"$dir/node_modules/.convert-installed"
        else
            log "warning: npm ci failed in $dir: its check will be skipped"
        fi
    done
}

if [[ "${CONVERT_SKIP_APT:-}" != 1 ]]; then
    install_apt
fi
install_venv
install_npm
