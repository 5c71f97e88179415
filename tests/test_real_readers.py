"""The EPUB as software nobody here wrote shows it (issue #13): headless Chromium with and without
Chinese fonts, calibre's ``ebook-meta`` and ``ebook-convert``. Each test is skipped when that
program is not installed (Debian ``chromium``, ``calibre``); scripts/real-readers.sh prints the
same views for a person to read.

- With ``--embed-fonts``, on a reader whose fontconfig holds no CJK font, every character of
  every element with text (headings, the contents page, the title page, the navigation document)
  is in a face that element's computed ``font-family`` stack reaches, and Chromium draws Chinese
  text with the embedded faces only.
- The printed contents page keeps each page number on its entry's (last) line at 320, 480 and
  768 CSS px.
- calibre's metadata view shows the compiling office, the series with the issue number, the
  issue date, tags, a description and the registration number; the zh-Hans and zh-Hant-TW
  editions of one issue show one series and one identifier.
- calibre's EPUB → PDF conversion shows the cover once and no blank page, no byline alone at a
  page top and no heading at a page foot.
- At 320, 360 and 480 CSS px Chromium breaks headings only between words.
- At 320 and 390 CSS px a table's figures, units and column heads stay on one line, and the table
  fits the screen.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from convert.options import WriterOptions
from convert.variant import make_variant
from convert.writers import epub as epub_writer
from realreaders import (CHROMIUM, LATIN_FONT_DIRS, Chromium, contents_rows, ebook_meta, font_coverage,
                         heading_lines, no_cjk_fontconfig, unpack)
from sampledata import SAMPLES
from test_epub import _read_sample

BY_NAME = {p.stem: p for p in SAMPLES}
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian chromium)")
needs_calibre = pytest.mark.skipif(shutil.which("ebook-meta") is None or shutil.which("ebook-convert") is None,
                                   reason="needs calibre (Debian calibre)")
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}


def _epub(tmp_path: Path, stem: str, variant: str = "zh-Hans", embed: bool = False) -> Path:
    root = make_variant(_read_sample(BY_NAME[stem]), variant)
    path = tmp_path / f"{stem}.{variant}.epub"
    epub_writer.write(root, WriterOptions(embed_fonts=embed), path)
    return path


def _latin_cmap() -> set[int]:
    out: set[int] = set()
    for d in LATIN_FONT_DIRS:
        for f in Path(d).glob("*.ttf"):
            with TTFont(str(f), lazy=True) as font:  # closed: a file left open and finalised
                out |= set(font.getBestCmap())      # later is a "violation" in pikepdf's check
    return out


@needs_chromium
@pytest.mark.parametrize("stem,variant", [("monthly-2020-01-no90", "zh-Hans"),
                                          ("newsletter-2020-02-29-no634", "zh-Hant-HK")])
def test_embedded_faces_reach_every_character_on_a_reader_without_chinese_fonts(tmp_path, stem, variant):
    epub = _epub(tmp_path, stem, variant, embed=True)
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    css = (opf.parent / "css" / "epub.css").read_text(encoding="utf-8")
    faces = dict(re.findall(r'font-family: "([^"]+)";\s*src: url\("\.\./([^"]+)"\)', css))
    assert {"fonts/body.ttf", "fonts/heading.ttf"} <= set(faces.values())
    cmaps, internal = {}, set()
    for fam, href in faces.items():
        with TTFont(str(opf.parent / href)) as font:
            cmaps[fam] = set(font.getBestCmap())
            # every family name, any language
            internal |= {rec.toUnicode() for rec in font["name"].names if rec.nameID in (1, 16)}
    latin = _latin_cmap()
    checked: dict[str, int] = {}
    with Chromium(no_cjk_fontconfig(tmp_path / "fc")) as browser:
        for href in hrefs:
            for el in font_coverage(browser, (opf.parent / href).as_uri()):
                reach = [cmaps[f] for f in el["stack"] if f in cmaps]
                system = latin if any(f in GENERIC or f.startswith("DejaVu") for f in el["stack"]) else set()
                lost = {c for c in el["text"] if not c.isspace()
                        and not any(ord(c) in m for m in reach) and ord(c) not in system}
                assert not lost, f"{href} <{el['tag']}> {el['text'][:30]!r}: no face of {el['stack']} has {sorted(lost)}"
                strangers = set(el["used"]) - internal - {f for f in el["used"] if f.startswith("DejaVu")}
                assert not strangers, f"{href} <{el['tag']}> drawn with {strangers}"
                if el["used"] and any("\u4e00" <= c <= "\u9fff" for c in el["text"]):  # {}: not displayed
                    assert set(el["used"]) & internal, f"{href} <{el['tag']}> Chinese text drawn with {el['used']}"
                checked[el["tag"]] = checked.get(el["tag"], 0) + 1
    # headings, title page lines, contents entries and nav links were all looked at
    assert {"h1", "h2", "p", "a"} <= set(checked) or {"h2", "p", "a"} <= set(checked), checked


@needs_chromium
def test_without_embedding_the_reader_lacks_faces(tmp_path):
    """The check above can fail: the same EPUB without embedded fonts leaves Chinese text with no
    face on a reader that has no Chinese font."""
    epub = _epub(tmp_path, "monthly-2020-01-no90")
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    with Chromium(no_cjk_fontconfig(tmp_path / "fc")) as browser:
        used = [el["used"] for el in font_coverage(browser, (opf.parent / "titlepage.xhtml").as_uri())]
    assert used and all(set(u) <= {f for f in u if f.startswith("DejaVu")} for u in used)


@needs_chromium
@pytest.mark.parametrize("width", [320, 480, 768])
@pytest.mark.parametrize("stem", ["monthly-2020-01-no90", "monthly-2020-02-no91"])
def test_contents_page_numbers_stay_on_their_entrys_line(tmp_path, stem, width):
    epub = _epub(tmp_path, stem)
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    with Chromium() as browser:
        rows = contents_rows(browser, (opf.parent / "contents.xhtml").as_uri(), width)
    assert rows
    for r in rows:
        where = f"{r['title']!r} {r['num']} at {width}px"
        assert r["num_top"] < r["title_bottom"] and r["num_bottom"] > r["title_top"], f"number off the title's last line: {where}"
        assert r["num_left"] >= r["title_right"] - 0.5 and r["num_right"] <= width, f"number not at the right: {where}"
        if r["next_top"] is not None:
            assert r["num_bottom"] <= r["next_top"] + 0.5, f"number runs into the next entry: {where}"


def _inside_word(text: str, lines: list[str]) -> list[str]:
    """The line breaks of heading *text* (set on *lines*, whitespace left out) that fall inside a
    jieba word between two letters or digits, as ``"前|后"`` strings."""
    from convert.segment import tokenize

    flat = re.sub(r"\s+", "", text)
    starts = set()
    for node in text.split():
        base = flat.index(node, sum(len(x) for x in text.split()[: text.split().index(node)]))
        starts |= {base + s for _w, s, _e in tokenize(node)}
    bad, pos = [], 0
    for line in lines[:-1]:
        pos += len(line)
        a, b = flat[pos - 1], flat[pos]
        if a.isalnum() and b.isalnum() and pos not in starts:
            bad.append(f"{flat[max(0, pos - 3):pos]}|{flat[pos:pos + 3]}")
    return bad


@needs_chromium
@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
@pytest.mark.parametrize("stem", ["monthly-2020-01-no90", "monthly-2020-02-no91", "newsletter-2020-02-29-no634"])
def test_headings_break_only_between_words_at_phone_widths(tmp_path, stem, variant):
    """At 320, 360 and 480 CSS px Chromium (the engine of calibre's viewer) breaks a heading only
    at a word boundary (no 三送/一强, 常委/会, 生/產), and every heading fits the width."""
    epub = _epub(tmp_path, stem, variant)
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    broken, wrapped = [], 0
    with Chromium() as browser:
        for width in (320, 360, 480):
            for href in hrefs:
                if href in ("cover.xhtml", "nav.xhtml"):
                    continue
                for h in heading_lines(browser, (opf.parent / href).as_uri(), width):
                    wrapped += len(h["lines"]) > 1
                    broken += [f"{width}px {href} {b}" for b in _inside_word(h["text"], h["lines"])]
    assert wrapped, "no heading wraps at these widths: the check saw nothing"
    assert broken == []


@needs_calibre
@pytest.mark.parametrize("stem", ["newsletter-2020-02-29-no634", "monthly-2020-01-no90"])
def test_calibre_sees_one_series_and_one_identifier_for_both_editions(tmp_path, stem):
    """calibre's metadata view of the zh-Hans and the zh-Hant-TW edition of one issue: the same
    series (as printed) and the same identifiers (the registration number as printed), so a
    library matches the editions; title, author, tags and comments in each edition's script."""
    simplified = ebook_meta(_epub(tmp_path, stem, "zh-Hans"))
    traditional = ebook_meta(_epub(tmp_path, stem, "zh-Hant-TW"))
    assert simplified["Series"] == traditional["Series"]
    assert simplified.get("Identifiers") == traditional.get("Identifiers")
    assert simplified["Published"] == traditional["Published"]
    assert simplified["Title"] != traditional["Title"] and simplified["Author(s)"] != traditional["Author(s)"]


@needs_calibre
@pytest.mark.parametrize("stem,author,series,published", [
    # dc:date is the month the issue prints (2020-01); calibre fills the missing day with the 15th
    # (calibre.utils.date.parse_only_date) in ebook-meta, while its library view shows "Jan 2020"
    # (default tweak gui_pubdate_display_format = "MMM yyyy")
    ("monthly-2020-01-no90", "上街区地方史志办公室", "上街区地方史志办公室 #90", "2020-01-15"),
    ("newsletter-2020-02-29-no634", "中共上街区委宣传部传媒中心", "上街时讯 #634", "2020-02-29"),
])
def test_calibre_catalogue_view(tmp_path, stem, author, series, published):
    meta = ebook_meta(_epub(tmp_path, stem))
    assert meta["Author(s)"] == author
    assert meta["Series"] == series
    assert meta["Published"].startswith(published)
    assert meta.get("Comments")
    if stem.startswith("monthly"):
        assert meta["Tags"] == "本月关注, 重要会议, 工作动态, 基层实录"
    else:
        assert meta["Identifiers"].endswith("【审郑州连】00015号")


@needs_calibre
def test_calibre_pdf_shows_the_cover_once_and_no_blank_page(tmp_path):
    epub = _epub(tmp_path, "newsletter-2020-02-29-no634")
    pdf = tmp_path / "out.pdf"
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox", "PATH": "/usr/bin:/bin"}
    subprocess.run(["ebook-convert", str(epub), str(pdf)], check=True, capture_output=True, timeout=300,
                   env={**__import__("os").environ, **env})
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    cover_pages = [int(line.split()[0]) for line in listing.splitlines()[2:] if line.split()[3:5] == ["1200", "1800"]]
    assert cover_pages == [1], listing
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    image_pages = {int(line.split()[0]) for line in listing.splitlines()[2:]}
    for n in range(2, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True).stdout
        assert text.strip() or n in image_pages, f"page {n} is blank"
    # the page after the cover is the masthead as text
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "上街时讯" in second


def _calibre_pdf(epub: Path, pdf: Path) -> list[str]:
    """calibre's EPUB → PDF conversion of *epub*: the text of each page."""
    env = {**__import__("os").environ, "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    subprocess.run(["ebook-convert", str(epub), str(pdf)], check=True, capture_output=True, timeout=300, env=env)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                            text=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True).stdout for n in range(1, pages + 1)]


@needs_calibre
@pytest.mark.parametrize("stem", ["newsletter-2020-02-29-no634", "monthly-2020-01-no90"])
def test_calibre_pages_keep_bylines_and_headings_with_their_text(tmp_path, stem):
    """In calibre's paginated conversion no page begins with a byline, a jump line or a reprint
    credit, and no page ends with an article's heading (calibre 6.13 ignored break-before/
    break-after: avoid and left (记者 雷霄许峰) alone at a page top; the writer's div.keep groups
    are kept)."""
    from convert.tei import xpath

    root = _read_sample(BY_NAME[stem])
    heads = {re.sub(r"\s+", "", "".join(h.itertext())) for h in xpath(root, "tei:text/tei:body//tei:div/tei:head")}
    closing = {re.sub(r"\s+", "", "".join(e.itertext())) for e in xpath(root, "tei:text/tei:body//tei:byline | "
                                                                           "tei:text/tei:body//tei:note")}
    pages = _calibre_pdf(_epub(tmp_path, stem), tmp_path / "out.pdf")
    starts, feet = [], []
    for n, text in enumerate(pages[1:], 2):
        lines = [re.sub(r"\s+", "", ln) for ln in text.splitlines() if ln.strip()]
        if not lines or lines[0] == "目录":  # the contents and navigation pages: lists of titles
            continue
        if lines[0] in closing:
            starts.append((n, lines[0]))
        if lines[-1] in heads:
            feet.append((n, lines[-1]))
    assert starts == [] and feet == []


def test_opf_guide_names_the_first_spine_item_as_the_cover(tmp_path):
    """What calibre keys on (no calibre needed): the OPF 2 guide's cover reference is the first
    spine item, the HTML cover page."""
    from test_epub import NS, Package

    pkg = Package(_epub(tmp_path, "monthly-2020-01-no90").read_bytes())
    refs = pkg.opf.xpath("//opf:guide/opf:reference[@type='cover']/@href", namespaces=NS)
    assert refs == [pkg.spine()[0]] == ["cover.xhtml"]


@needs_chromium
def test_a_quarter_em_between_han_and_digits_in_the_reader(tmp_path):
    """clreq §3.2 in the e-book (CSS text-autospace): in 1月6日 Chromium leaves a space between the
    digit and the Han character after it (CSS Text 4 fixes its width at 1/8 em, within clreq's
    "up to one quarter"; the PDF sets the quarter)."""
    epub = _epub(tmp_path, "monthly-2020-01-no90", embed=True)
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    doc = next(h for h in hrefs if "1月6日" in (opf.parent / h).read_text(encoding="utf-8"))
    js = """(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let node; while ((node = walker.nextNode()) && !node.data.includes('1月6日')) {}
      const at = node.data.indexOf('1月6日');
      const rect = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                          return r.getBoundingClientRect(); };
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      const spaced = rect(at + 1).left - rect(at).left;   // 1 to 月, as the style sheet sets it
      document.body.style.textAutospace = 'no-autospace';
      const solid = rect(at + 1).left - rect(at).left;
      return {size, spaced, solid, autospace: getComputedStyle(node.parentElement).textAutospace};
    })()"""
    with Chromium(no_cjk_fontconfig(tmp_path / "fc")) as browser:
        session = browser.open((opf.parent / doc).as_uri(), 360, 640)
        got = browser.evaluate(session, js)
    gap = got["spaced"] - got["solid"]
    assert 0.1 * got["size"] <= gap <= 0.3 * got["size"], got


@needs_chromium
def test_heading_quotation_marks_are_full_width_in_the_reader(tmp_path):
    """The Hei face draws “ ” 0.33 em wide; the e-book leaves them to the Ming face (its
    unicode-range), so in no. 91's 峡窝镇“硬核”防控出新招 they take a full em as the Han characters
    do, on a reader without Chinese fonts."""
    epub = _epub(tmp_path, "monthly-2020-02-no91", embed=True)
    opf, hrefs = unpack(epub, tmp_path / "unpacked")
    doc = next(h for h in hrefs if re.search(r"<h[1-6][^>]*>(?:[^<]|<wbr/>)*“(?:<wbr/>)?硬核", (opf.parent / h).read_text(encoding="utf-8")))
    js = """(() => { const h = Array.from(document.querySelectorAll('h1,h2,h3,h4')).find(e => e.textContent.includes('硬核'));
      const nodes = []; const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) nodes.push(n);  // <wbr> splits the heading into words
      const w = ch => { const node = nodes.find(n => n.data.includes(ch)); const i = node.data.indexOf(ch);
                        const r = document.createRange();
                        r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().width; };
      return {open: w('“'), close: w('”'), han: w('硬')}; })()"""
    with Chromium(no_cjk_fontconfig(tmp_path / "fc")) as browser:
        session = browser.open((opf.parent / doc).as_uri(), 360, 640)
        got = browser.evaluate(session, js)
    assert abs(got["open"] - got["han"]) < 0.05 * got["han"] and abs(got["close"] - got["han"]) < 0.05 * got["han"], got


#: JavaScript: for every table, its right edge, and per cell after a row's first the number of
#: lines Chromium sets its text on (distinct line-box tops of a Range over the cell's contents).
_TABLE_JS = """JSON.stringify([...document.querySelectorAll('table.table')].map(t => ({
  right: t.getBoundingClientRect().right,
  cells: [...t.querySelectorAll('td + td, th + th')].map(c => {
    const r = document.createRange(); r.selectNodeContents(c);
    return [c.textContent.trim(), new Set([...r.getClientRects()].map(x => Math.round(x.top))).size];
  })})))"""


@needs_chromium
@pytest.mark.parametrize("width", [320, 390])
def test_a_tables_figures_and_units_stay_on_one_line_at_phone_widths(tmp_path, width):
    """A 附表 in the EPUB at phone widths: every cell after a row's first (a figure, a unit, the
    short head over them: 1—9月, 亿千瓦时, 168.42) is set on one line, only the rows' names wrap,
    and the table fits the screen (no sideways scrolling)."""
    import json

    from convert.reader import read_issues

    src = Path(__file__).parent / "fixtures" / "series" / "tongji-yuwan-2023-no09.txt"
    root = read_issues(src.read_text(encoding="utf-8"), src.name)[0].root
    path = tmp_path / "table.epub"
    epub_writer.write(root, WriterOptions(), path)
    opf, hrefs = unpack(path, tmp_path / "unpacked")
    tables = []
    with Chromium() as browser:
        for href in hrefs:
            session = browser.open((opf.parent / href).as_uri(), width, 800)
            tables += json.loads(browser.evaluate(session, _TABLE_JS))
    assert tables, "no table in the EPUB: the check saw nothing"
    for t in tables:
        assert t["right"] <= width, f"the table runs off a {width}px screen ({t['right']:.0f}px)"
        wrapped = [text for text, lines in t["cells"] if lines > 1]
        assert t["cells"] and wrapped == [], f"cells broken over lines at {width}px: {wrapped}"
