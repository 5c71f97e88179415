"""The PDF/A writer (convert/writers/pdf.py), held to its promises on the three samples.

- PDF/A-1b, -2b, -3b: ``pikepdf.pdfa`` finds nothing (ISO 19005), Apache PDFBox Preflight
  approves the 1b file;
- every font is an embedded TrueType program (``FontFile2``), no standard-14 font anywhere;
- pdftotext and pdfminer.six give back every content character of ``<text>`` (sic/orig chosen)
  in order; the only other characters in the body area are the PDF page labels of the contents
  list, which the test reads from the PDF's named destinations and ``/PageLabels``; running head
  and folio lie outside the body area (cropped away);
- the masthead alone on the cover page, the contents list from page 2, the body from a new
  page; ``/PageLabels`` (roman before the body, arabic from 1) agree with the folio printed on
  every page and with the contents list's PDF-page column, which names the page the article's
  heading is really on;
- no heading is the last line of a page, no page starts or ends with a single line of a
  paragraph (read back with pdfminer.six, and from the writer's own layout log);
- outlines: one per section, article and brief, nested section → article;
- PDF/A-3b: the embedded file is ``opts.tei_bytes`` (``/AFRelationship /Source``);
- no line starts with closing or ends with opening punctuation (W3C clreq 3.1.7), by pdftotext's
  lines and by pdfminer.six's ``LTTextLine`` boxes;
- the same TEI gives byte-identical files; metadata comes from the header, never the clock.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pikepdf.pdfa
import pytest
from lxml import etree

from convert.errors import WriterError
from convert.options import STYLES_DIR, WriterOptions
from convert.tei import E, XML_ID, XML_LANG, local, to_bytes, xpath
from convert.variant import convert_string
from convert.writers import pdf as pdf_writer
from convert.writers.pdf.text import (
    BREAK,
    Glyph,
    Kinsoku,
    Span,
    break_lines,
    normalise_space,
)
from sampledata import SAMPLE_IDS, SAMPLES, first_difference

STYLE = json.loads((STYLES_DIR / "pdf.json").read_text(encoding="utf-8"))
RULES = Kinsoku.from_config(STYLE["kinsoku"])
FLAVOURS = ("1b", "2b", "3b")
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}
PDFBOX_JARS = [Path("/usr/share/java") / f"{n}.jar" for n in
               ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api")]

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


# -- fixtures -------------------------------------------------------------------------------------
def _read(sample: Path):
    from convert.reader import read_bulletin

    return read_bulletin(sample.read_text(encoding="utf-8"), sample.name)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """``{(sample id, flavour): (root, tei bytes, pdf path)}``, each written once."""
    out = {}
    base = tmp_path_factory.mktemp("pdf")
    for sample, sid in zip(SAMPLES, SAMPLE_IDS):
        root = _read(sample)
        tei = to_bytes(root)
        for fl in FLAVOURS:
            path = base / f"{sid}-{fl}.pdf"
            pdf_writer.write(root, WriterOptions(pdfa=fl, source_name=sample.name, tei_bytes=tei), path)
            out[(sid, fl)] = (root, tei, path)
    return out


CASES = [(sid, fl) for sid in SAMPLE_IDS for fl in FLAVOURS]


# -- helpers --------------------------------------------------------------------------------------
def expected_text(root, pages: dict[str, str], start=None, column_heads: bool = True) -> str:
    """Characters the body area must give back: the content of ``<text>`` (no whitespace, choice →
    sic/orig), the heads of the contents list's two page columns (原刊页, PDF页) before its first
    row (with *column_heads*: on the page, not in a tagged PDF's structure tree, where they are an
    artifact) and, after each contents-list item (before its nested list), the PDF page of the item's
    ``ref/@target`` when the PDF names that destination."""
    out: list[str] = []

    def walk(el, in_contents=False):
        name = local(el)
        if not name:
            return
        if name == "choice":
            chosen = xpath(el, "tei:sic") or xpath(el, "tei:orig")
            walk(chosen[0], in_contents)
            return
        if name == "teiHeader":
            return
        if el.text:
            out.append(el.text)
        contents = in_contents or (name == "div" and el.get("type") == "contents")
        if (column_heads and name == "div" and el.get("type") == "contents"
                and xpath(el, ".//tei:num[@type='page']")):
            # the writer's heads of the two page columns (#13), before the first row
            lang = el.getroottree().getroot().get(XML_LANG) or "zh-Hans"
            out.append(convert_string("原刊页", lang) + convert_string("PDF页", lang))
        page_done = False
        for child in el:
            if name == "item" and contents and local(child) == "list" and not page_done:
                out.append(_page_of(el, pages))
                page_done = True
            walk(child, contents)
            if child.tail:
                out.append(child.tail)
        if name == "item" and contents and not page_done:
            out.append(_page_of(el, pages))

    for el in ([start] if start is not None else xpath(root, "tei:text")):
        walk(el, local(el) == "div" and el.get("type") == "contents")
    return re.sub(r"\s+", "", "".join(out))


def _page_of(item, pages) -> str:
    """*pages* maps a destination to its page label."""
    refs = xpath(item, "tei:ref[@target]")
    if refs and refs[0].get("target", "").startswith("#"):
        page = pages.get(refs[0].get("target")[1:])
        if page is not None:
            return str(page)
    return ""


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def page_labels(path: Path) -> list[str]:
    """The label of every page from the catalog's ``/PageLabels`` (ISO 32000-1 12.4.2; styles
    D, r, R, a, A; ``/St`` start, ``/P`` prefix); ``[]`` when the file has none."""
    with pikepdf.open(path) as pdf:
        n = len(pdf.pages)
        if "/PageLabels" not in pdf.Root:
            return []
        nums = list(pdf.Root.PageLabels.Nums)
    ranges = [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    labels = []
    for index in range(n):
        start, d = [r for r in ranges if r[0] <= index][-1]
        k = index - start + int(d.get("/St", 1))
        style = str(d.get("/S", ""))
        num = {"/D": str(k), "/r": _roman(k), "/R": _roman(k).upper(),
               "/a": chr(96 + (k - 1) % 26 + 1) * ((k - 1) // 26 + 1)}.get(style, "")
        if style == "/A":
            num = num.upper()
        labels.append(str(d.get("/P", "")) + num)
    return labels


def destination_labels(path: Path) -> dict[str, str]:
    """``{destination name: label of its page}`` (``/PageLabels``: the folio printed on it)."""
    labels = page_labels(path)
    return {k: labels[v - 1] for k, v in named_destination_indexes(path).items()}


#: The page a reader names is its label (tests/test_variant.py reads destinations through this).
named_destination_pages = destination_labels


def named_destination_indexes(path: Path) -> dict[str, int]:
    """``{name: 1-based physical page}`` of the PDF's ``/Dests`` name tree."""
    with pikepdf.open(path) as pdf:
        index = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
        tree = pikepdf.NameTree(pdf.Root.Names.Dests)
        return {k: index[v[0].objgen] for k, v in tree.items()}


def body_text(path: Path) -> str:
    """pdftotext of the body area only (the page minus the running head and folio bands), in
    content-stream order (``-raw``): poppler's physical-layout mode takes a contents row whose
    title has a source line break (``…推进<lb/>会 …… 8``) for two columns and reads the page
    numbers first."""
    page = STYLE["page"]
    w, h = 595, 842
    top = page["header_offset"] + 8
    bottom = page["footer_offset"] + 14
    res = subprocess.run(
        ["pdftotext", "-raw", "-r", "72", "-x", "0", "-y", str(top), "-W", str(w), "-H", str(h - top - bottom),
         "-enc", "UTF-8", str(path), "-"],
        check=True, capture_output=True)
    return res.stdout.decode("utf-8")


def text_lines(path: Path) -> list[str]:
    """Every visual line of the body area, from ``pdftotext -bbox-layout`` (words joined)."""
    res = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True)
    doc = etree.fromstring(res.stdout, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    page = STYLE["page"]
    lines = []
    for line in doc.iter("{*}line"):
        y = float(line.get("yMin"))
        if y < page["header_offset"] + 8 or y > 842 - page["footer_offset"] - 14:
            continue
        lines.append("".join(w.text or "" for w in line.iter("{*}word")))
    return lines


def kinsoku_violations(lines: list[str]) -> list[str]:
    """Lines that start with a character clreq forbids at line start or end with one forbidden at
    line end (the rules of styles/pdf.json, W3C clreq 3.1.7)."""
    return [ln for ln in lines if ln and (ln[0] in RULES.not_start or ln[-1] in RULES.not_end)]


# -- reading the PDF back with pdfminer.six ---------------------------------------------------------
PAGE_W, PAGE_H = 595.2756, 841.8898
#: Baselines inside this band are the body area; above it the running head, below it the folio.
BAND = (STYLE["page"]["footer_offset"] + 14, PAGE_H - STYLE["page"]["header_offset"] - 8)
LEFT = STYLE["page"]["margin_left"]
RIGHT = PAGE_W - STYLE["page"]["margin_right"]
HEADING_SIZES = {b["size"] for k, b in STYLE["blocks"].items()
                 if (k.endswith("_head") or k == "contents_section") and b.get("face") == "heading"}
HEADING_FONT = STYLE["fonts"]["heading"]["name"]
#: Baseline-to-baseline distances inside one block, by font size (the styles' leadings).
LEADINGS: dict[float, set[float]] = {}
for _b in STYLE["blocks"].values():
    if isinstance(_b, dict) and "size" in _b:
        LEADINGS.setdefault(float(_b["size"]), set()).add(float(_b["leading"]))


def miner_pages(path: Path, laparams=None):
    """pdfminer.six's layout of every page; with ``laparams=None`` the page holds the ``LTChar``
    objects in content-stream order (no layout analysis)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=laparams)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as fh:
        for page in PDFPage.get_pages(fh):
            interpreter.process_page(page)
            yield device.get_result()


def _chars(page):
    from pdfminer.layout import LTChar

    for obj in page:
        if isinstance(obj, LTChar):
            yield obj
        elif hasattr(obj, "__iter__"):
            yield from _chars(obj)


def page_chars(page, band=BAND) -> str:
    """The text of the characters whose baseline lies in *band*, in content-stream order."""
    return "".join(c.get_text() for c in _chars(page) if band[0] < c.matrix[5] < band[1])


def folio(page) -> str:
    """The characters below the body area (the folio), whitespace removed."""
    return re.sub(r"\s+", "", page_chars(page, (0, BAND[0])))


def miner_text_lines(path: Path) -> list[str]:
    """The text of every ``LTTextLine`` pdfminer.six's layout analysis finds in the body area."""
    from pdfminer.layout import LAParams, LTTextLine

    out = []

    def walk(obj):
        if isinstance(obj, LTTextLine):
            if BAND[0] < obj.y0 and obj.y1 < BAND[1] + 12:
                out.append(re.sub(r"\s+", "", obj.get_text()))
        elif hasattr(obj, "__iter__"):
            for o in obj:
                walk(o)

    for page in miner_pages(path, LAParams()):
        walk(page)
    return [ln for ln in out if ln]


def visual_lines(page) -> list[dict]:
    """The lines of the body area, top to bottom: characters grouped by baseline. Each line:
    ``y`` (baseline, pt from the page foot), ``x0``, ``x1``, ``size`` (largest font size),
    ``heading`` (every character in the heading face at a heading size), ``text``."""
    rows: dict[float, list] = {}
    for c in _chars(page):
        y = round(c.matrix[5], 1)
        if BAND[0] < y < BAND[1]:
            rows.setdefault(y, []).append(c)
    out = []
    for y in sorted(rows, reverse=True):
        cs = [c for c in rows[y] if c.get_text().strip()]
        if not cs:
            continue
        size = max(round(c.size, 2) for c in cs)
        out.append({
            "y": y, "x0": min(c.x0 for c in cs), "x1": max(c.x1 for c in cs), "size": size,
            "heading": size in HEADING_SIZES and all(HEADING_FONT in c.fontname for c in cs),
            "text": "".join(c.get_text() for c in cs),
        })
    return out


def blocks_of(lines: list[dict]) -> list[list[dict]]:
    """*lines* grouped into blocks: a line belongs to the block above it when it has the same
    size and lies exactly one leading of that size below (paragraphs are set apart by their
    space before/after, so a wider distance starts a new block)."""
    out: list[list[dict]] = []
    for ln in lines:
        if out:
            prev = out[-1][-1]
            pitch = prev["y"] - ln["y"]
            if ln["size"] == prev["size"] and any(abs(pitch - lead) < 0.3 for lead in LEADINGS.get(ln["size"], ())):
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def page_breaks(path: Path) -> dict:
    """What every page break does to the text, read back with pdfminer.six: ``pages`` (count),
    ``heading_at_foot`` (pages whose last body line is a heading), ``orphans`` (a paragraph's
    single first line at a page foot), ``widows`` (its single last line at the next page top),
    ``split`` (paragraphs split across a page break). A paragraph continues on the next page when
    the first line at the top has the size of the last line at the foot and starts at the left
    margin (no first-line indent: body paragraphs begin indented 2 em), and the foot line nearly
    reaches the right margin (within 2 em: pdfminer.six drops the character spacing ``Tc`` at
    the end of every ``Tj`` string, so justified lines read back a few points short)."""
    pages = [blocks_of(visual_lines(p)) for p in miner_pages(path)]
    found = {"pages": len(pages), "heading_at_foot": [], "orphans": [], "widows": [], "split": 0}
    for n, blocks in enumerate(pages, 1):
        if not blocks:
            continue
        if blocks[-1][-1]["heading"]:
            found["heading_at_foot"].append((n, blocks[-1][-1]["text"]))
        if n == len(pages) or not pages[n]:
            continue
        foot, top = blocks[-1], pages[n][0]
        continues = (foot[-1]["size"] == top[0]["size"] and not foot[-1]["heading"]
                     and foot[-1]["x1"] >= RIGHT - 2 * foot[-1]["size"] and abs(top[0]["x0"] - LEFT) < 0.5)
        if continues:
            found["split"] += 1
            if len(foot) == 1:
                found["orphans"].append((n, foot[0]["text"]))
            if len(top) == 1:
                found["widows"].append((n + 1, top[0]["text"]))
    return found


def write_tei(root, tmp_path: Path, flavour="2b", name="t.pdf") -> Path:
    path = tmp_path / name
    pdf_writer.write(root, WriterOptions(pdfa=flavour, source_name="t.txt", tei_bytes=to_bytes(root)), path)
    return path


def small_tei(*paras, lang="zh-Hans"):
    """A minimal bulletin following docs/tei-model.md: one section, one article, *paras*."""
    header = E.teiHeader(E.fileDesc(
        E.titleStmt(E.title("测试简报 第1期")),
        E.publicationStmt(E.authority("测试出版社"), E.availability(E.p("test"), status="unknown")),
        E.sourceDesc(E.biblStruct(E.monogr(
            E.title("测试简报", level="j"),
            E.imprint(E.publisher("测试出版社"), E.date("2020年3月1日", when="2020-03-01"))),
            type="newsletter")),
    ))
    article = E.div(E.head("测试文章"), *paras, type="article")
    article.set(XML_ID, "a1")
    section = E.div(E.head("本月关注"), article, type="section")
    section.set(XML_ID, "s1")
    root = E.TEI(header, E.text(E.body(section)))
    root.set(XML_LANG, lang)
    return root


def brief_with_closing_stop():
    """:func:`small_tei` with a brief after its article: ``<head><label>■</label>…学习会<pc>。</pc></head>``."""
    root = small_tei(E.p("正文。"))
    brief = E.div(E.head(E.label("■"), "县人大常委会党组召开理论学习中心组学习会", E.pc("。")),
                  E.p("8月3日，县人大常委会党组召开学习会。"), type="brief")
    brief.set(XML_ID, "a2")
    xpath(root, "//tei:div[@type='section']")[0].append(brief)
    return root


# -- PDF/A ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("sid,flavour", CASES)
def test_pdfa_validator_finds_nothing(rendered, sid, flavour):
    _root, _tei, path = rendered[(sid, flavour)]
    report = pikepdf.pdfa.validate_written(path, flavour)
    assert report.findings == [], "\n".join(map(str, report.findings))
    with pikepdf.open(path) as pdf:
        again = pikepdf.pdfa.check(pdf, flavour)
    assert again.findings == [], "\n".join(map(str, again.findings))


@pytest.mark.parametrize("sid", SAMPLE_IDS)
@pytest.mark.skipif(not all(p.exists() for p in PDFBOX_JARS) or shutil.which("java") is None,
                    reason="Apache PDFBox Preflight (libpdfbox2-java) or java not installed")
def test_pdfbox_preflight_approves_1b(rendered, sid):
    _root, _tei, path = rendered[(sid, "1b")]
    cp = ":".join(str(p) for p in PDFBOX_JARS)
    res = subprocess.run(["java", "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert "is a valid PDF/A-1b file" in res.stdout, res.stdout + res.stderr


# -- fonts ---------------------------------------------------------------------------------------
def _fonts_of(resources, seen):
    fonts = resources.get("/Font", {}) if resources is not None else {}
    for _key, font in fonts.items():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        yield font
    for _key, xobj in (resources.get("/XObject", {}) if resources is not None else {}).items():
        if xobj.get("/Resources") is not None:
            yield from _fonts_of(xobj.Resources, seen)


@pytest.mark.parametrize("sid,flavour", CASES)
def test_every_font_embedded_no_standard_14(rendered, sid, flavour):
    _root, _tei, path = rendered[(sid, flavour)]
    problems = []
    count = 0
    with pikepdf.open(path) as pdf:
        seen: set = set()
        for n, page in enumerate(pdf.pages, 1):
            for font in _fonts_of(page.obj.get("/Resources"), seen):
                count += 1
                descendants = list(font.get("/DescendantFonts", [])) or [font]
                for f in descendants:
                    base = str(f.get("/BaseFont", ""))[1:]
                    if base.split("+")[-1] in STANDARD_14:
                        problems.append(f"page {n}: standard-14 font {base}")
                    fd = f.get("/FontDescriptor")
                    if fd is None or "/FontFile2" not in fd:
                        problems.append(f"page {n}: {base} has no embedded TrueType program (FontFile2)")
        # and no font object anywhere in the file names a standard-14 font
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
                base = str(obj.get("/BaseFont", ""))[1:]
                if base.split("+")[-1] in STANDARD_14:
                    problems.append(f"object {obj.objgen}: standard-14 font {base}")
    assert count > 0
    assert problems == []


# -- text ----------------------------------------------------------------------------------------
@needs_pdftotext
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pdftotext_gives_back_every_content_character_in_order(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    expected = expected_text(root, destination_labels(path))
    got = re.sub(r"\s+", "", body_text(path))
    assert got == expected, first_difference(got, expected)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pdfminer_gives_back_every_content_character_in_order(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    expected = expected_text(root, destination_labels(path))
    got = re.sub(r"\s+", "", "".join(page_chars(p) for p in miner_pages(path)))
    assert got == expected, first_difference(got, expected)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_no_kinsoku_violation_in_pdfminer_text_lines(rendered, sid):
    _root, _tei, path = rendered[(sid, "2b")]
    lines = miner_text_lines(path)
    assert len(lines) > 100
    assert kinsoku_violations(lines) == []


@needs_pdftotext
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_no_kinsoku_violation(rendered, sid):
    _root, _tei, path = rendered[(sid, "2b")]
    lines = text_lines(path)
    assert len(lines) > 100
    assert kinsoku_violations(lines) == []


# -- navigation ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_outlines_are_sections_then_articles(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]

    def tree(parent):
        out = []
        for div in xpath(parent, "tei:div"):
            kind = div.get("type")
            if kind == "section":
                out.append(("section", tree(div)))
            elif kind in ("article", "brief"):
                out.append((kind, []))
        return out

    expected = tree(xpath(root, "tei:text/tei:body")[0])
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        got = [[len(item.children)] for item in outline.root]
    assert got == [[len(children)] for _kind, children in expected]
    n_divs = len(xpath(root, "tei:text/tei:body//tei:div[@type='section' or @type='article' or @type='brief']"))
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        total = sum(1 + len(item.children) for item in outline.root)
    assert total == n_divs


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_contents_entries_link_to_their_articles(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    targets = {r.get("target")[1:] for r in xpath(root, "tei:text/tei:front/tei:div[@type='contents']//tei:ref")
               if r.get("target", "").startswith("#")}
    pages = named_destination_pages(path)
    assert targets <= set(pages)
    with pikepdf.open(path) as pdf:
        links = [a for p in pdf.pages for a in p.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
    assert len(links) >= len(targets)


# -- PDF/A-3 attachment, metadata, reproducibility ---------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_3b_embeds_the_tei_source(rendered, sid):
    _root, tei, path = rendered[(sid, "3b")]
    with pikepdf.open(path) as pdf:
        af = pdf.Root.AF
        assert len(af) == 1
        spec = af[0]
        assert spec.AFRelationship == pikepdf.Name.Source
        assert str(spec.UF).endswith(".xml")
        stream = spec.EF.F
        assert stream.Subtype == pikepdf.Name("/application/tei+xml")
        assert stream.read_bytes() == tei
    for fl in ("1b", "2b"):
        with pikepdf.open(rendered[(sid, fl)][2]) as pdf:
            assert "/AF" not in pdf.Root


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_metadata_from_the_header(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    from convert.writers import issue

    title = issue.title(root)  # the rule every format shares (tests/test_titles.py)
    imprint = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr/tei:imprint"
    publisher = xpath(root, f"string({imprint}/tei:publisher)").strip()
    when = xpath(root, f"string({imprint}/tei:date[not(@type)]/@when)")
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo.Title) == title
        assert str(pdf.docinfo.Author) == publisher
        assert str(pdf.Root.Lang) == root.get(XML_LANG)
        meta = pdf.open_metadata()
        assert meta["xmp:CreatorTool"].startswith("convert ")
        y, m = when[:4], when[5:7]
        assert str(pdf.docinfo.CreationDate).startswith(f"D:{y}{m}")
        assert meta["xmp:CreateDate"].startswith(f"{y}-{m}") and meta["xmp:CreateDate"].endswith("T12:00:00+08:00")
        changed = issue.modified(root).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        assert meta["xmp:ModifyDate"] == meta["xmp:MetadataDate"] == changed


def test_same_input_gives_identical_bytes(tmp_path):
    root = _read(SAMPLES[0])
    for fl in FLAVOURS:
        a = write_tei(root, tmp_path, fl, f"a-{fl}.pdf").read_bytes()
        b = write_tei(root, tmp_path, fl, f"b-{fl}.pdf").read_bytes()
        assert a == b, fl


# -- hand-built TEI: errors, fallback fonts, supplementary plane, inline elements -----------------------
def test_unknown_element_is_an_error_naming_it(tmp_path):
    root = small_tei(E.p("正文", E.mystery("怪")))
    with pytest.raises(WriterError, match=r"<mystery>"):
        write_tei(root, tmp_path)


def test_character_no_font_has_is_an_error_naming_it(tmp_path):
    root = small_tei(E.p("正文\u0378字"))
    with pytest.raises(WriterError, match=r"U\+0378.*p"):
        write_tei(root, tmp_path)


def test_unknown_flavour_is_an_error(tmp_path):
    with pytest.raises(WriterError, match="flavour"):
        write_tei(small_tei(E.p("正文")), tmp_path, "4u")


@needs_pdftotext
@pytest.mark.parametrize("char", ["\U00020021", "\U00020BB7"])
def test_supplementary_plane_character_survives(tmp_path, char):
    """U+20021 is in AR PL UMing; U+20BB7 (𠮷) is in no body/heading font: it comes from the
    fallback HanaMinB (Debian fonts-hanazono) — the test needs that font."""
    if char == "\U00020BB7" and not Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf").exists():
        pytest.skip("fonts-hanazono not installed")
    root = small_tei(E.p(f"吉野家的{char}字。"))
    for fl in FLAVOURS:
        path = write_tei(root, tmp_path, fl, f"smp-{fl}.pdf")
        assert char in re.sub(r"\s+", "", body_text(path))
        assert char in "".join(page_chars(p) for p in miner_pages(path))
        assert pikepdf.pdfa.validate_written(path, fl).findings == []


@needs_pdftotext
def test_inline_elements(tmp_path):
    choice = E.choice(E.sic("抓抓"), E.corr("抓"))
    para = E.p("1 月 30 日，", E.hi("粗体", rend="bold"), "与", choice, E.pb(n="2"),
               E.surplus("与", reason="repeated"), "续", E.orgName("区委"), E.persName("张三"), E.lb(),
               "SHANGJIE NEWS letter")
    path = write_tei(small_tei(E.pb(n="1"), para), tmp_path)
    text = body_text(path)
    # surplus shown as printed; the quarter em between Han and digits (clreq §3.2) reads as a space
    assert "1月30日，粗体与抓抓与续区委张三" in re.sub(r"\s", "", text)
    assert "SHANGJIE NEWS letter" in text
    with pikepdf.open(path) as pdf:
        fonts = {str(f.BaseFont).split("+")[-1] for p in pdf.pages for f in p.Resources.Font.values()}
    assert any("ZenHei" in f for f in fonts) and any("UMing" in f for f in fonts)


# -- the line breaker, in isolation ---------------------------------------------------------------------
def _glyphs(text):
    return [Glyph(c, "x", 10, 10.0 if c != " " else 3.0) for c in text]


def _lines(text, width):
    return ["".join(g.ch for g in ln.glyphs) for ln in break_lines(_glyphs(text), width, 0, RULES)]


def test_break_lines_pushes_out_before_closing_punctuation():
    # 10 ideographs fit; the 11th character is "，" which may not start a line.
    lines = _lines("一二三四五六七八九十，甲乙丙", 100)
    assert lines == ["一二三四五六七八九", "十，甲乙丙"]


def test_break_lines_keeps_opening_punctuation_off_the_line_end():
    lines = _lines("一二三四五六七八九“甲乙”丙", 100)
    assert lines[0] == "一二三四五六七八九" and lines[1].startswith("“")


def test_break_lines_keeps_numbers_ellipsis_and_latin_words_whole():
    assert _lines("一二三四五六七2019年", 100) == ["一二三四五六七", "2019年"]
    assert _lines("一二三四五六七八九……", 100) == ["一二三四五六七八九", "……"]
    assert _lines("ab cdefgh ij", 60) == ["ab", "cdefgh", "ij"]


def test_reportlab_cjk_wrap_breaks_the_rules_we_fix():
    """Why the writer sets lines itself: reportlab's own CJK splitter puts "，" at a line start."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph

    from convert.writers.pdf.fonts import FontSet

    fonts = FontSet(STYLE["fonts"])
    name = fonts.name("body")
    size = 10
    w = pdfmetrics.stringWidth("一", name, size)
    para = Paragraph("一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸“子丑”寅卯",
                     ParagraphStyle("t", fontName=name, fontSize=size, wordWrap="CJK"))
    para.wrap(w * 10 + 0.5, 1000)
    blpara = para.blPara  # kind 0 (one style run): lines are (space, [words]) tuples
    theirs = ["".join(line[1]) if isinstance(line, tuple) else "".join(f.text for f in line.words)
              for line in blpara.lines]
    assert kinsoku_violations(theirs) != [], theirs
    ours = _lines("一二三四五六七八九十，甲乙丙丁戊己庚辛壬癸“子丑”寅卯", 100)
    assert kinsoku_violations(ours) == []


def test_normalise_space():
    spans = normalise_space([Span(" 1 月 30 日 ，"), Span("SHANGJIE  NEWSLETTER "), BREAK, Span(" 记者 雷霄")])
    assert [s.text for s in spans] == ["1月30日，", "SHANGJIE NEWSLETTER", "\n", "记者 雷霄"]


# -- cover, contents, page labels ---------------------------------------------------------------------
def _page_texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page_chars(p)) for p in miner_pages(path)]


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_cover_then_contents_then_body_each_from_a_new_page(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    texts = _page_texts(path)
    labels = page_labels(path)
    body = labels.index("1")
    masthead = xpath(root, "tei:text/tei:front/tei:titlePage")[0]
    assert texts[0] == expected_text(root, {}, masthead)  # the masthead alone, nothing added
    contents = xpath(root, "tei:text/tei:front/tei:div[@type='contents']")
    pages = destination_labels(path)
    if contents:
        assert body >= 2
        assert "".join(texts[1:body]) == expected_text(root, pages, contents[0])
    else:
        assert body == 1
    rest = "".join(expected_text(root, pages, el) for el in xpath(root, "tei:text/tei:body | tei:text/tei:back"))
    assert "".join(texts[body:]) == rest


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_page_labels_agree_with_folios(rendered, sid):
    _root, _tei, path = rendered[(sid, "2b")]
    labels = page_labels(path)
    folios = [folio(p) for p in miner_pages(path)]
    assert len(labels) == len(folios)
    body = labels.index("1")
    assert labels[:body] == [_roman(n) for n in range(1, body + 1)]
    assert labels[body:] == [str(n) for n in range(1, len(labels) - body + 1)]
    assert folios[0] == ""  # the cover has no folio
    assert folios[1:] == labels[1:]


def _contents_column(path: Path, body: int) -> list[str]:
    """The PDF-page column of the contents pages (the text in the ``contents_pdfpage`` size), one
    entry per row, top to bottom."""
    size = STYLE["blocks"]["contents_pdfpage"]["size"]
    out = []
    for n, page in enumerate(miner_pages(path)):
        if 1 <= n < body:
            for ln in visual_lines(page):
                cells = "".join(c.get_text() for c in _chars(page)
                                if round(c.matrix[5], 1) == ln["y"] and round(c.size, 2) == size)
                if cells.strip():
                    out.append(cells.strip())
    return out


@pytest.mark.parametrize("sid", [s for s in SAMPLE_IDS if not s.startswith("newsletter")])
def test_contents_column_names_the_page_the_heading_is_printed_on(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    labels = page_labels(path)
    body = labels.index("1")
    texts = _page_texts(path)
    ids = {d.get(XML_ID): d for d in xpath(root, "tei:text/tei:body//tei:div[@xml:id]")}
    want = []
    at = body
    for ref in xpath(root, "tei:text/tei:front/tei:div[@type='contents']//tei:item/tei:ref[@target]"):
        div = ids[ref.get("target")[1:]]
        heads = xpath(div, "tei:head")
        probe = re.sub(r"\s+", "", "".join((heads or xpath(div, ".//tei:p"))[0].itertext()))[:40]
        while probe not in texts[at]:  # a heading is never split across pages
            at += 1
        want.append(labels[at])
    assert _contents_column(path, body) == want


# -- page breaks: headings kept with their text, widow/orphan control ------------------------------------
@pytest.mark.parametrize("sid,flavour", [(s, "2b") for s in SAMPLE_IDS])
def test_no_heading_at_a_page_foot_no_widow_no_orphan(rendered, sid, flavour):
    _root, _tei, path = rendered[(sid, flavour)]
    found = page_breaks(path)
    assert found["split"] >= 1  # the check sees paragraphs that go on over a page break
    assert (found["heading_at_foot"], found["orphans"], found["widows"]) == ([], [], [])


HEADS = {"section_head", "article_head", "brief_head", "subsection_head", "contents_section"}


def _log_problems(log: list[dict]) -> list:
    """Problems in the writer's layout log: a split part under two lines, a heading last on a page."""
    problems = [e for e in log if e["count"] < e["total"] and e["count"] < 2]
    last: dict[int, dict] = {}
    for e in log:
        last[e["page"]] = e
    problems += [e for e in last.values() if e["kind"] in HEADS]
    return problems


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_layout_log_agrees_no_short_split_no_heading_last(rendered, sid):
    root, _tei, path = rendered[(sid, "2b")]
    lay = pdf_writer.layout(root, WriterOptions(pdfa="2b"))
    assert _log_problems(lay["log"]) == []
    splits = {e["block"] for e in lay["log"] if e["count"] < e["total"]}
    assert len(splits) == page_breaks(path)["split"]  # the read-back sees every split the writer made
    assert lay["labels"] == page_labels(path)[:len(lay["labels"])]


def _stress_tei():
    """Articles of many paragraph lengths and subsection heads: headings fall at every height."""
    lengths = [1, 2, 3, 4, 5, 7, 2, 1, 3, 6, 2, 4, 1, 3, 5, 2, 8, 1]
    divs = []
    for k in range(14):
        paras = [E.p("测试" * (30 * lengths[(k + j) % len(lengths)]) + "。") for j in range(3 + k % 3)]
        sub = E.div(E.head(f"小标题{k}"), *paras[:2], type="subsection")
        art = E.div(E.head(f"第{k}篇文章"), *paras[2:], sub, type="article")
        art.set(XML_ID, f"a{k}")
        divs.append(art)
    root = small_tei(E.p("导语。"))
    xpath(root, "tei:text/tei:body/tei:div")[0].extend(divs)
    return root


def test_page_breaks_in_a_stress_document(tmp_path):
    path = write_tei(_stress_tei(), tmp_path)
    found = page_breaks(path)
    assert found["pages"] > 8 and found["split"] >= 3
    assert (found["heading_at_foot"], found["orphans"], found["widows"]) == ([], [], [])
    assert kinsoku_violations(miner_text_lines(path)) == []


def test_page_break_check_finds_what_the_writer_prevents(tmp_path, monkeypatch):
    """Without keep-with-next and with single lines allowed at page foot and top, the same
    document has headings at page feet and widows or orphans: the check above can fail."""
    from convert.writers.pdf import pages as _pdf_layout
    from convert.writers.pdf import text as _pdf_text

    monkeypatch.setattr(_pdf_layout, "keep_with_next", lambda story: story)
    monkeypatch.setattr(_pdf_text.TextBlock, "MIN_LINES", 1)
    path = write_tei(_stress_tei(), tmp_path)
    found = page_breaks(path)
    assert found["heading_at_foot"] or found["orphans"] or found["widows"]


@pytest.mark.parametrize("tag", ["zh-Hant-TW", "zh-Hant-HK"])
def test_variant_page_breaks_and_kinsoku(tmp_path, tag):
    from convert.variant import make_variant

    root = make_variant(_read(SAMPLES[1]), tag)
    path = write_tei(root, tmp_path, "2b", f"{tag}.pdf")
    found = page_breaks(path)
    assert (found["heading_at_foot"], found["orphans"], found["widows"]) == ([], [], [])
    assert kinsoku_violations(miner_text_lines(path)) == []
    labels = page_labels(path)
    assert [folio(p) for p in miner_pages(path)][1:] == labels[1:]


@needs_pdftotext
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_no_byline_alone_at_a_page_top(rendered, sid):
    """A reporter's credit never starts a page: it goes over with the last lines of its article
    (read back page by page with pdftotext, and in the writer's own record)."""
    root, _tei, path = rendered[(sid, "2b")]
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    page = STYLE["page"]
    top = page["header_offset"] + 8
    bottom = page["footer_offset"] + 14
    starts = []
    for n in range(1, pages + 1):
        out = subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), "-r", "72", "-x", "0", "-y", str(top),
                              "-W", "595", "-H", str(842 - top - bottom), "-enc", "UTF-8", str(path), "-"],
                             check=True, capture_output=True).stdout.decode("utf-8")
        first = next((ln.strip() for ln in out.splitlines() if ln.strip()), "")
        starts.append(first)
    assert [s for s in starts if re.match(r"^[（(]\s*(记者|通讯员)", s)] == []
    log = pdf_writer.layout(root, WriterOptions())["log"]
    first_kind = {}
    for entry in log:
        first_kind.setdefault(entry["page"], entry["kind"])
    assert "byline" not in first_kind.values()


@needs_pdftotext
def test_a_poems_stanza_is_set_flush_left_and_centred_as_a_block(tmp_path):
    """A stanza (``lg``) is set as a journal sets a poem: its lines start at one x, and the block
    stands centred on the measure by its longest line (the gap left of it equals the gap right
    of its longest line), not flush against the left margin."""
    from convert.reader import read_bulletin

    text = ("测试诗刊\n\n2025年第1期\n\n会员新作\n\n七绝·春日登山\n\n王某某\n\n"
            "石径萦回入翠微，山花照眼鸟声稀。\n云低古寺钟初歇，风过平畴麦正肥。\n\n"
            "五绝·晚渡\n\n李某某\n\n落日下平沙，孤舟系古槎。\n渡头人唤急，一桨入芦花。\n")
    root = read_bulletin(text, "t.txt")
    assert xpath(root, "//tei:lg[@type='stanza']"), "the sample must hold verse"
    path = write_tei(root, tmp_path)
    res = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True)
    doc = etree.fromstring(res.stdout, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    rows = {}
    for line in doc.iter("{*}line"):
        words = "".join(w.text or "" for w in line.iter("{*}word"))
        rows[words] = (float(line.get("xMin")), float(line.get("xMax")))
    for stanza in (["石径萦回入翠微，山花照眼鸟声稀。", "云低古寺钟初歇，风过平畴麦正肥。"],
                   ["落日下平沙，孤舟系古槎。", "渡头人唤急，一桨入芦花。"]):
        found = [rows[k] for k in rows if any(k.startswith(s[:5]) for s in stanza)]
        assert len(found) == 2, rows.keys()
        (x0, x1), (y0, y1) = found
        assert abs(x0 - y0) < 0.5
        assert x0 > LEFT + 20
        assert abs((x0 - LEFT) - (RIGHT - max(x1, y1))) < 3
