#!/usr/bin/env bash
# Regenerate requirements.lock: exact, hash-checked pins of every dependency (transitive ones
# included) of pyproject.toml with the `test` extra, plus setuptools (the build backend, so
# scripts/install.sh can build the editable install without an isolated build environment).
# Needs network access to PyPI; runs pip-tools in a throw-away venv, never in .venv.
#   bash scripts/lock.sh            # newest versions allowed by pyproject.toml
#   bash scripts/lock.sh --upgrade-package lxml
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check pip-tools
CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$tmp/venv/bin/pip-compile" -q \
    --extra test --all-build-deps --allow-unsafe --strip-extras --generate-hashes \
    --no-emit-index-url --no-emit-find-links \
    --output-file requirements.lock "$@" pyproject.toml
# pip-compile rewrites the whole file, so this header is added afresh each time.
{
    echo "# requirements.lock: exact pins (with hashes) of everything scripts/install.sh puts in .venv."
    echo "# Regenerate with \`bash scripts/lock.sh\` (pip-tools' pip-compile over pyproject.toml, extra"
    echo "# \`test\`, plus setuptools; network access to PyPI needed); commit the result."
    cat requirements.lock
} >"$tmp/lock" && mv "$tmp/lock" requirements.lock
