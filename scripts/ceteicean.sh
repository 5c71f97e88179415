#!/usr/bin/env bash
# Render every sample's TEI with CETEIcean (the TEI-in-the-browser library, npm CETEIcean) in
# headless Chromium and read the rendered DOM back (scripts/tei_html_check.py --scope tei-text):
# the share of source characters it gives back, empty brackets, same-document links.
#
#   bash scripts/ceteicean.sh [OUT_DIR] [SAMPLE.txt …]
#
# Needs node and the packages of scripts/ceteicean/package-lock.json (scripts/install.sh runs
# `npm ci` there) and Chromium ($CHROMIUM, default /usr/bin/chromium). Writes OUT_DIR/<sample>.xml
# (our TEI), .html (the DOM after CETEIcean ran) and .png (a phone-size screenshot); default
# OUT_DIR: output/ceteicean. Exit status 1 when a source character is lost, an empty bracket
# appears or a link does not resolve.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/output/ceteicean}"
shift $(( $# > 1 ? 1 : $# ))
cd "$ROOT"
[[ -d scripts/ceteicean/node_modules/CETEIcean ]] || {
    echo "ceteicean.sh: CETEIcean is not installed: run scripts/install.sh (npm ci in scripts/ceteicean)" >&2
    exit 2
}
if (( $# )); then samples=("$@"); else samples=(samples/*.txt); fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
xmls=() pairs=()
for src in "${samples[@]}"; do
    stem="$(basename "$src" .txt)"
    .venv/bin/convert "$src" --to tei -o "$OUT" -q
    xmls+=("$OUT/$stem.xml")
    pairs+=("$src" "$OUT/$stem.html")
done
node scripts/ceteicean/render.mjs "$OUT" --screenshot "${xmls[@]}"
exec .venv/bin/python scripts/tei_html_check.py --scope tei-text "${pairs[@]}"
