#!/usr/bin/env bash
# Show the e-books as software nobody here wrote shows them (issue #13), for a person to read:
# calibre's ebook-meta for every sample EPUB (and its zh-Hant-HK variant), calibre's EPUB → PDF
# page count and where the cover image falls, and Chromium screenshots of the printed contents
# page at 320, 480 and 768 CSS px plus the font check on a reader without Chinese fonts (and a
# 360 px screenshot of every document of the books with their embedded fonts, every variant).
# Needs the Debian packages calibre, chromium, poppler-utils (not installed by scripts/install.sh:
# calibre is large; tests/test_real_readers.py skips without them).
#
#   bash scripts/real-readers.sh [OUTDIR]     (default: output/real-readers; screenshots go there)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-output/real-readers}
mkdir -p "$out"
export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox"
for tool in ebook-meta ebook-convert chromium pdfimages; do
    command -v "$tool" >/dev/null || { echo "real-readers: $tool is not installed" >&2; exit 1; }
done
.venv/bin/convert samples/*.txt --to epub --no-embed-fonts --variant zh-Hans,zh-Hant-HK -o "$out" >/dev/null
.venv/bin/convert samples/*.txt --to epub --variant zh-Hans,zh-Hant-TW,zh-Hant-HK -o "$out/embedded" >/dev/null
for f in "$out"/*.epub; do
    echo "== ebook-meta $(basename "$f")"
    ebook-meta "$f" | grep -v '^$'
done
for f in "$out"/newsletter-*.zh-Hans.epub "$out"/newsletter-2020-02-29-no634.epub; do
    [[ -f $f ]] || continue
    pdf="$out/$(basename "$f" .epub).calibre.pdf"
    ebook-convert "$f" "$pdf" >/dev/null 2>&1
    echo "== ebook-convert $(basename "$f") → PDF: $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages;" \
         "cover image (1200×1800) on page(s): $(pdfimages -list "$pdf" | awk 'NR>2 && $4==1200 && $5==1800 {printf "%s ", $1}')"
done
PYTHONPATH=tests .venv/bin/python - "$out" <<'PY'
import sys
from pathlib import Path
from realreaders import Chromium, contents_rows, font_coverage, no_cjk_fontconfig, screenshot, unpack

out = Path(sys.argv[1])
for epub in sorted(out.glob("monthly-*.epub")):
    if ".zh-Hant" in epub.name:
        continue
    opf, hrefs = unpack(epub, out / "unpacked" / epub.stem)
    url = (opf.parent / "contents.xhtml").as_uri()
    with Chromium() as b:
        for w in (320, 480, 768):
            png = out / f"{epub.stem}.contents-{w}.png"
            png.write_bytes(screenshot(b, url, w))
            rows = contents_rows(b, url, w)
            off = [r["title"] for r in rows if not (r["num_top"] < r["title_bottom"] and r["num_bottom"] > r["title_top"])]
            print(f"== contents {epub.name} at {w}px: {len(rows)} entries, {len(off)} page numbers off their line; {png}")
for epub in sorted((out / "embedded").glob("*.epub")):
    opf, hrefs = unpack(epub, out / "unpacked" / ("embedded-" + epub.stem))
    used = {}
    with Chromium(no_cjk_fontconfig(out / "fc")) as b:
        for href in hrefs:
            for el in font_coverage(b, (opf.parent / href).as_uri()):
                for fam, n in el["used"].items():
                    used[fam] = used.get(fam, 0) + n
        # a phone-sized view (360 CSS px) of every spine document, as a reader without Chinese fonts sees it
        for href in hrefs:
            png = out / "phone" / f"{epub.stem}.{Path(href).stem}-360.png"
            png.parent.mkdir(exist_ok=True)
            png.write_bytes(screenshot(b, (opf.parent / href).as_uri(), 360, 640))
    print(f"== {epub.name} (fonts embedded), no CJK font installed: glyphs drawn per face {used}; "
          f"360 px screenshots in {out / 'phone'}")
PY
