#!/usr/bin/env bash
# Render every sample's TEI to HTML5 with the TEI Consortium's XSLT Stylesheets
# (https://github.com/TEIC/Stylesheets, profiles/default/html/to.xsl) run by Saxon HE, and read the
# HTML back: the share of source characters it gives back, empty brackets, same-document links
# (scripts/tei_html_check.py).
#
#   bash scripts/tei-stylesheets.sh STYLESHEETS_DIR [OUT_DIR] [SAMPLE.txt …]
#   TEI_STYLESHEETS=/path/to/Stylesheets bash scripts/tei-stylesheets.sh
#
# The Stylesheets are not on a package registry and are not part of this repository: give the
# path of a checkout (or an export of one) outside it. Saxon HE comes from Debian's
# libsaxonhe-java (/usr/share/java/Saxon-HE.jar; $SAXON_JAR overrides). Parameters:
# autoToc=false numberHeadings=false pagebreakStyle=none. Writes OUT_DIR/<sample>.xml (our TEI)
# and OUT_DIR/<sample>.html (default OUT_DIR: output/tei-stylesheets). Exit status 1 when a
# source character is lost, an empty bracket appears or a link does not resolve.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STYLESHEETS="${1:-${TEI_STYLESHEETS:-}}"
OUT="${2:-$ROOT/output/tei-stylesheets}"
shift $(( $# > 2 ? 2 : $# ))
SAXON_JAR="${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"

if [[ -z "$STYLESHEETS" ]]; then
    echo "tei-stylesheets.sh: give the TEI Stylesheets directory (argument or \$TEI_STYLESHEETS)" >&2
    exit 2
fi
XSL="$STYLESHEETS/profiles/default/html/to.xsl"
[[ -f "$XSL" ]] || { echo "tei-stylesheets.sh: $XSL: no such file (not a TEI Stylesheets tree?)" >&2; exit 2; }
[[ -f "$SAXON_JAR" ]] || { echo "tei-stylesheets.sh: $SAXON_JAR: no such file (apt-get install libsaxonhe-java)" >&2; exit 2; }
case "$STYLESHEETS" in
    "$ROOT"|"$ROOT"/*) echo "tei-stylesheets.sh: keep the Stylesheets outside the repository ($STYLESHEETS)" >&2; exit 2 ;;
esac

cd "$ROOT"
if (( $# )); then samples=("$@"); else samples=(samples/*.txt); fi
mkdir -p "$OUT"
pairs=()
saxon_version="$(dpkg-query -W -f='${Version}' libsaxonhe-java 2>/dev/null || basename "$(readlink -f "$SAXON_JAR")")"
echo "TEI Stylesheets $(cat "$STYLESHEETS/VERSION" 2>/dev/null || echo '(version unknown)'), Saxon HE $saxon_version" >&2
for src in "${samples[@]}"; do
    stem="$(basename "$src" .txt)"
    .venv/bin/convert "$src" --to tei -o "$OUT" -q
    java -jar "$SAXON_JAR" -s:"$OUT/$stem.xml" -xsl:"$XSL" -o:"$OUT/$stem.html" \
        autoToc=false numberHeadings=false pagebreakStyle=none
    pairs+=("$src" "$OUT/$stem.html")
done
exec .venv/bin/python scripts/tei_html_check.py "${pairs[@]}"
