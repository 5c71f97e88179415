#!/usr/bin/env bash
# Show the e-books as software nobody here wrote shows them (issues #13, #22, #23, #25), for a person to read:
# calibre's ebook-meta for every sample EPUB (and its zh-Hant-HK variant), side by side for the
# zh-Hans and zh-Hant-TW editions of each issue; calibre's EPUB → PDF page count, where the cover
# image falls, and any page that begins with a byline; Ace by DAISY's summary for every sample EPUB
# in every variant; Chromium screenshots of the printed contents page at 320, 360, 480 and 768 CSS
# px, of every body document at 320, 360 and 480 px (headings break only between words: the count
# of breaks inside a word is printed), plus the font check on a reader without Chinese fonts (and a
# 360 px screenshot of every document of the books with their embedded fonts, every variant); and
# the PDF pages of the undated newsletter fixture as PNGs (pdftoppm), where a blank page once was.
# And the catalogue (--catalogue) in Chromium at 360 px and in Foliate (see the end).
# Needs the Debian packages calibre, chromium, poppler-utils (not installed by scripts/install.sh:
# calibre is large; tests/test_real_readers.py skips without them) and Ace (scripts/ace, npm ci).
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
.venv/bin/convert samples/*.txt --to epub --variant all -o "$out/variants" >/dev/null
for f in "$out"/*.epub; do
    echo "== ebook-meta $(basename "$f")"
    ebook-meta "$f" | grep -v '^$'
done
for f in "$out"/variants/*.zh-Hant-TW.epub; do
    stem=$(basename "$f" .zh-Hant-TW.epub)
    echo "== ebook-meta, the zh-Hans and zh-Hant-TW editions of $stem side by side"
    PYTHONPATH=tests .venv/bin/python - "$out/variants/$stem.epub" "$f" <<'PY'
import sys
from pathlib import Path
from realreaders import ebook_meta
a, b = (ebook_meta(Path(p)) for p in sys.argv[1:3])
for key in dict.fromkeys([*a, *b]):
    left, right = a.get(key, "—"), b.get(key, "—")
    print(f"{key:12} | {left[:40]:40} | {right[:40]}")
PY
done
for f in "$out"/variants/*.epub; do
    PYTHONPATH=tests .venv/bin/python -c '
import sys
from pathlib import Path
from realreaders import ace
r = ace(Path(sys.argv[1]), Path(sys.argv[2]))
name = Path(sys.argv[1]).name
print(f"== Ace by DAISY {name}:", r["outcome"] + ",", len(r["violations"]), "violations", r["by_impact"], r["by_rule"])
' "$f" "$out/ace/$(basename "$f" .epub)"
done
for f in "$out"/newsletter-*.zh-Hans.epub "$out"/newsletter-2020-02-29-no634.epub; do
    [[ -f $f ]] || continue
    pdf="$out/$(basename "$f" .epub).calibre.pdf"
    ebook-convert "$f" "$pdf" >/dev/null 2>&1
    echo "== ebook-convert $(basename "$f") → PDF: $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages;" \
         "cover image (1200×1800) on page(s): $(pdfimages -list "$pdf" | awk 'NR>2 && $4==1200 && $5==1800 {printf "%s ", $1}')"
    n=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
    for p in $(seq 2 "$n"); do
        first=$(pdftotext -f "$p" -l "$p" "$pdf" - | grep -v '^\s*$' | head -1)
        case "$first" in *记者*|*通讯员*) echo "   page $p begins with a byline: $first";; esac
    done
done
.venv/bin/convert tests/fixtures/newsletter-undated.txt --to pdf -o "$out" >/dev/null
pdftoppm -r 60 -png "$out/newsletter-undated.pdf" "$out/newsletter-undated.page"
echo "== PDF pages of tests/fixtures/newsletter-undated.txt: $(ls "$out"/newsletter-undated.page-*.png | tr '\n' ' ')"
PYTHONPATH=tests .venv/bin/python - "$out" <<'PY'
import sys
from pathlib import Path
from realreaders import Chromium, contents_rows, font_coverage, heading_lines, no_cjk_fontconfig, screenshot, unpack
sys.path.insert(0, "tests")
from test_real_readers import _inside_word

out = Path(sys.argv[1])
for epub in sorted(out.glob("monthly-*.epub")):
    if ".zh-Hant" in epub.name:
        continue
    opf, hrefs = unpack(epub, out / "unpacked" / epub.stem)
    url = (opf.parent / "contents.xhtml").as_uri()
    with Chromium() as b:
        for w in (320, 360, 480, 768):
            png = out / f"{epub.stem}.contents-{w}.png"
            png.write_bytes(screenshot(b, url, w))
            rows = contents_rows(b, url, w)
            off = [r["title"] for r in rows if not (r["num_top"] < r["title_bottom"] and r["num_bottom"] > r["title_top"])]
            print(f"== contents {epub.name} at {w}px: {len(rows)} entries, {len(off)} page numbers off their line; {png}")
for epub in sorted((out / "variants").glob("*.epub")):
    opf, hrefs = unpack(epub, out / "unpacked" / ("variants-" + epub.stem))
    with Chromium() as b:
        for w in (320, 360, 480):
            wrapped = broken = 0
            for href in hrefs:
                if href in ("cover.xhtml", "nav.xhtml"):
                    continue
                url = (opf.parent / href).as_uri()
                for h in heading_lines(b, url, w):
                    wrapped += len(h["lines"]) > 1
                    broken += len(_inside_word(h["text"], h["lines"]))
                if href.startswith("c0") and epub.name.count(".") == 1:
                    (out / f"{epub.stem}.{href[:-6]}-{w}.png").write_bytes(screenshot(b, url, w))
            print(f"== headings of {epub.name} at {w}px: {wrapped} set on several lines, {broken} breaks inside a word")
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

# The catalogue (--catalogue, issue 25): the samples and their zh-Hant-TW editions; index.html in
# headless Chromium at 360 px (a phone), and, where Debian's foliate (an OPDS 1.x reader) and
# xvfb-run, xdotool, imagemagick are installed, Foliate browsing the catalogue served on 127.0.0.1:
# the root navigation feed, "最新各期" with the covers, and one entry opened (title, author, cover,
# its acquisition button, contents, sections, publisher, date).
#   apt-get install foliate xvfb xdotool imagemagick     (not installed by scripts/install.sh)
lib="$out/library"
.venv/bin/convert samples/*.txt --to epub,pdf,ofd,tei,txt --variant zh-Hans,zh-Hant-TW -o "$lib" \
    --catalogue --check -v | grep -E '^catalogue|opds.rnc'
PYTHONPATH=tests .venv/bin/python - "$lib" "$out" <<'PY'
import sys
from pathlib import Path
from realreaders import Chromium, screenshot

lib, out = Path(sys.argv[1]), Path(sys.argv[2])
with Chromium() as b:
    png = out / "catalogue-index-360.png"
    png.write_bytes(screenshot(b, (lib / "index.html").as_uri(), 360))
    s = b.open((lib / "index.html").as_uri(), 360, 740)
    wide = b.evaluate(s, "document.documentElement.scrollWidth")
    issues = b.evaluate(s, "document.querySelectorAll('article.issue').length")
    print(f"== index.html at 360 px: page {wide} px wide, {issues} issues; {png}")
PY
if command -v foliate >/dev/null && command -v xvfb-run >/dev/null && command -v xdotool >/dev/null \
        && command -v import >/dev/null; then
    port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    .venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$lib" >"$out/http.log" 2>&1 &
    httpd=$!
    shot="$out/foliate-shot.sh"
    cat >"$shot" <<'SH'
#!/bin/bash
# $1 opds:// URL, $2 PNG, $3 click (x,y) or empty
export NO_AT_BRIDGE=1 GDK_BACKEND=x11 WEBKIT_DISABLE_COMPOSITING_MODE=1 LANG=C.UTF-8
foliate "$1" >/dev/null 2>&1 &
pid=$!
sleep 20
if [[ -n ${3:-} ]]; then xdotool mousemove ${3%,*} ${3#*,} click 1; sleep 8; fi
import -window root "$2"
kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
SH
    chmod +x "$shot"
    for view in "catalog.xml root" "catalog/new.xml new" "catalog/new.xml entry 250,160"; do
        set -- $view
        timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" "$shot" "opds://127.0.0.1:$port/$1" \
            "$out/foliate-$2.png" "${3:-}" || true
        echo "== Foliate $(dpkg-query -W -f '${Version}' foliate) on $1: $out/foliate-$2.png"
    done
    kill "$httpd"
    echo "== requests Foliate made: $(grep -c '" \(200\|304\) ' "$out/http.log") answered 200 or 304," \
         "$(grep -c '" [45][0-9][0-9] ' "$out/http.log" || true) failed"
else
    echo "== Foliate not run: apt-get install foliate xvfb xdotool imagemagick"
fi
