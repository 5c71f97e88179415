"""What an EPUB reader and an accessibility checker find in every book (convert/writers/epub),
over the samples, the degraded files, the hand-made unseen bulletins and every variant:

- no spine document is empty (a monthly's body once began with a document holding only
  ``<body epub:type="bodymatter"/>``: a blank screen between the contents and 本月关注);
- headings start at ``h1``; the printed contents page has a visible heading; every
  ``epub:type`` with a DPUB-ARIA role carries it; every numbered page of the TEI is a labelled
  page-break marker the page list points at; the package names its language; the conformance
  statement is declared (the writer's own check, :func:`convert.writers.epub.package.
  check_accessibility`, which the tests below also show failing on broken books; Ace by DAISY
  checks the same books in tests/test_ace.py);
- a heading breaks only between words: ``<wbr>`` between jieba words, ``word-break: keep-all``
  (Chromium's lines at phone widths: tests/test_real_readers.py);
- a masthead line the print broke is one phrase (no ``<br>``); bylines are kept with the text
  before them and headings with the text after them in paginated readers.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from sampledata import ROOT
from test_epub import EPUB, NS, XHTML, Package

from convert.errors import WriterError
from convert.options import WriterOptions
from convert.reader import read_issues
from convert.writers.typography import break_starts
from convert.variant import VARIANTS, make_variant
from convert.writers import epub as epub_writer
from convert.writers.epub.package import check_accessibility

FILES = sorted((ROOT / "samples").rglob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))


def _books(path: Path, tag: str):
    for doc in read_issues(path.read_text(encoding="utf-8"), path.name):
        root = make_variant(doc.root, tag)
        yield root, Package(epub_writer.build(root, WriterOptions()))


CASES = [(p, t) for p in FILES for t in VARIANTS]


@pytest.mark.parametrize("path,tag", CASES, ids=[f"{p.stem}-{t}" for p, t in CASES])
def test_every_spine_document_shows_something_and_headings_start_at_h1(path, tag):
    for root, pkg in _books(path, tag):
        for href in pkg.spine():
            body = pkg.doc(href).find(f"{{{XHTML}}}body")
            assert "".join(body.itertext()).strip() or body.find(f".//{{{XHTML}}}img") is not None, \
                f"{path.name} ({tag}): {href} is empty"
        levels = [int(h.tag[-1]) for href in pkg.spine() for h in pkg.doc(href).iter()
                  if isinstance(h.tag, str) and re.fullmatch(rf"\{{{XHTML}\}}h[1-6]", h.tag)]
        assert levels and min(levels) == 1
        pages = [pb.get("n") for pb in root.iter("{*}pb") if pb.get("n")]
        _href, nav = pkg.nav()
        assert [a.text for a in nav.xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=NS)] == pages


def test_a_monthly_body_opens_with_its_first_section():
    """The page break that opens a monthly's body goes into the first section's document."""
    _root, pkg = next(_books(ROOT / "samples" / "monthly-2020-01-no90.txt", "zh-Hans"))
    assert not any("text" in href for href in pkg.spine())
    first = pkg.doc("c01-s1.xhtml").find(f"{{{XHTML}}}body")
    assert first[0].get(f"{{{EPUB}}}type") == "pagebreak" and first[0].get("aria-label") == "1"
    assert first[1].get("class") == "section"


def test_contents_page_has_a_visible_heading_and_its_role():
    root, pkg = next(_books(ROOT / "samples" / "monthly-2020-01-no90.txt", "zh-Hant-TW"))
    page = pkg.doc("contents.xhtml")
    (nav,) = page.xpath("//x:nav[@epub:type='toc']", namespaces=NS)
    assert nav.get("role") == "doc-toc"
    assert nav[0].tag == f"{{{XHTML}}}h1" and nav[0].text == "目錄" and nav[0].get("class") == "supplied"
    (colophon,) = pkg.doc("back.xhtml").xpath("//x:section[@epub:type='colophon']", namespaces=NS)
    assert colophon.get("role") == "doc-colophon"


# -- the writer's own check fails on what it guards against --------------------------------------
def _edit(data: bytes, name: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, change(body) if info.filename == name else body)
    return out.getvalue()


@pytest.fixture(scope="module")
def monthly() -> bytes:
    path = ROOT / "samples" / "monthly-2020-01-no90.txt"
    return epub_writer.build(read_issues(path.read_text(encoding="utf-8"), path.name)[0].root, WriterOptions())


@pytest.mark.parametrize("name,change,message", [
    ("EPUB/content.opf", lambda b: b.replace(b' xml:lang="zh-Hans"', b"", 1), "xml:lang"),
    ("EPUB/content.opf", lambda b: re.sub(rb'<meta property="dcterms:conformsTo">[^<]*</meta>', b"", b),
     "conformsTo"),
    ("EPUB/contents.xhtml", lambda b: b.replace(b' role="doc-toc"', b""), "doc-toc"),
    ("EPUB/c01-s1.xhtml", lambda b: b.replace(b' aria-label="1"', b""), "no label"),
    ("EPUB/nav.xhtml", lambda b: b.replace(b'c01-s1.xhtml#page-1"', b'c01-s1.xhtml#s1"'), "no page-break"),
    ("EPUB/back.xhtml", lambda b: re.sub(rb"<body([^>]*)>.*</body>", rb"<body\1/>", b, flags=re.S), "empty"),
])
def test_the_accessibility_self_check_finds_each_fault(monthly, name, change, message):
    check_accessibility(monthly)
    with pytest.raises(WriterError, match=message):
        check_accessibility(_edit(monthly, name, change))


# -- headings break only between words -----------------------------------------------------------
def _pieces(h: etree._Element) -> list[str]:
    """The text of heading *h* cut at its ``<wbr/>`` elements."""
    out = [""]
    for node in h.iter():
        if node is not h and node.tag == f"{{{XHTML}}}wbr":
            out.append("")
        if node is not h and node.tag != f"{{{XHTML}}}wbr" and node.text:
            out[-1] += node.text
        if node is h and node.text:
            out[-1] += node.text
        if node is not h and node.tail:
            out[-1] += node.tail
    return out


@pytest.mark.parametrize("stem", ["monthly-2020-01-no90", "monthly-2020-02-no91", "newsletter-2020-02-29-no634"])
def test_heading_wbr_marks_exactly_the_word_boundaries(stem):
    """Between two letters or digits, a heading, and a title in the printed contents, has a
    <wbr/> at every jieba word boundary (one-ideograph words kept with their neighbours) and nowhere else (三送|一强, 常委会 kept whole); none next
    to punctuation."""
    _root, pkg = next(_books(ROOT / "samples" / f"{stem}.txt", "zh-Hans"))
    seen = 0
    for href in pkg.spine():
        for h in pkg.doc(href).xpath("//x:h1 | //x:h2 | //x:h3 | //x:h4 | //x:nav[@epub:type='toc']//x:a",
                                     namespaces=NS):
            if h.get("class") in ("docTitle", "supplied"):
                continue
            text = "".join(_pieces(h))
            want = [start for start in break_starts(text)
                    if text[start - 1].isalnum() and text[start].isalnum()]
            got, pos = [], 0
            for piece in _pieces(h)[:-1]:
                pos += len(piece)
                got.append(pos)
            assert got == want, (text, _pieces(h))
            seen += 1
    assert seen > 5


def test_style_sheet_keeps_words_headings_and_bylines_together():
    css = (ROOT / "styles" / "epub.css").read_text(encoding="utf-8")
    rules: dict[str, str] = {}
    for sels, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        for sel in sels.split(","):
            rules[sel.strip()] = rules.get(sel.strip(), "") + body
    for h in ("h1", "h2", "h3", "h4", "h5", "h6"):
        assert "word-break: keep-all" in rules[h] and "break-after: avoid" in rules[h]
    assert "break-before: avoid" in rules["p.byline"]


def test_masthead_phrases_are_one_line_in_the_epub():
    _root, pkg = next(_books(ROOT / "samples" / "newsletter-2020-02-29-no634.txt", "zh-Hans"))
    page = pkg.doc("titlepage.xhtml")
    assert page.xpath("//x:br", namespaces=NS) == []
    lines = [re.sub(r"\s+", " ", "".join(p.itertext())).strip() for p in page.xpath("//x:p", namespaces=NS)]
    assert "2020年2月 29 星期六" in lines and "河南省连续性内资【审郑州连】00015号" in lines


@pytest.mark.parametrize("text, whole", [
    ("中心路街道开展春节前安全大检查", ["中心路"]),
    ("市考核组考核我区2019年消防工作", ["我区", "2019年"]),
    ("区卫健委召开疫情防控工作会议", ["卫健委"]),
])
def test_heading_keeps_one_ideograph_words_with_their_neighbours(text, whole):
    """jieba splits 中心/路/街道, 我/区, 卫健/委: a heading at 320 px broke there (中心 / 路街道,
    考核我 / 区2019年). Neither the EPUB's <wbr/> nor the PDF's heading breaks fall inside these
    words."""
    from convert.writers.epub.xhtml import word_breaks
    from convert.writers.pdf.text import word_starts

    node = etree.Element(f"{{{XHTML}}}h2")
    node.text = text
    word_breaks(node)
    pieces = _pieces(node)
    assert "".join(pieces) == text and len(pieces) > 2
    cuts, pos = set(), 0
    for piece in pieces[:-1]:
        pos += len(piece)
        cuts.add(pos)
    for word in whole:
        at = text.index(word)
        assert not any(at < c < at + len(word) for c in cuts), (word, pieces)
        assert not any(at < c < at + len(word) for c in word_starts(text)), (word, sorted(word_starts(text)))
