"""One rule in every format for what the issue is called and when it was made
(:mod:`convert.writers.issue`), read back from the files:

- the title, from the masthead as printed (series, issue designation, date in the print's form):
  PDF ``/Title`` and XMP ``dc:title``, the PDF's running head, the OFD's ``DocInfo/Title``, the
  EPUB's ``dc:title``; the series name leads the PDF's cover page and the EPUB's cover image;
- an article printed without a title: a label of whole phrases (``（无题）`` and its first
  phrases) in the PDF's bookmarks, the OFD's outline and the EPUB's navigation, and a rule that
  sets it apart on the page;
- identifiers and the series name as printed in every variant (the converted series name as an
  ``alternate-script`` refinement);
- dates: creation = the issue date at noon China Standard Time (the same day in UTC); one
  modification date in EPUB, PDF and OFD, also for an undated issue.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from sampledata import ROOT
from test_epub import NS, Package

from convert.options import WriterOptions
from convert.reader import read_bulletin
from convert.variant import make_variant
from convert.writers import epub as epub_writer
from convert.writers import issue
from convert.writers import ofd as ofd_writer
from convert.writers import pdf as pdf_writer
from convert.writers.ofd.record import Glyph, RecordingCanvas, Rule

OFD = {"ofd": "http://www.ofdspec.org/2016"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FILES = {
    "monthly": ROOT / "samples" / "monthly-2020-01-no90.txt",
    "monthly91": ROOT / "samples" / "monthly-2020-02-no91.txt",
    "newsletter": ROOT / "samples" / "newsletter-2020-02-29-no634.txt",
    "undated": ROOT / "tests" / "fixtures" / "newsletter-undated.txt",
}
TITLES = {
    "monthly": "上街区地方史志办公室 总第90期 2020年1月",
    "monthly91": "上街区地方史志办公室 总第91期 2020年2月",
    "newsletter": "上街时讯 第7期(总第634期) 2020年2月29日",
    "undated": "上街时报 第12期(总第703期)",
}
SERIES = {"monthly": "上街区地方史志办公室", "monthly91": "上街区地方史志办公室", "newsletter": "上街时讯",
          "undated": "上街时报"}


def _root(key: str, tag: str = "zh-Hans"):
    path = FILES[key]
    return make_variant(read_bulletin(path.read_text(encoding="utf-8"), path.name), tag)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """``{key: (root, pdf path, epub Package, OFD parts)}``, written once (no SOURCE_DATE_EPOCH)."""
    base = tmp_path_factory.mktemp("issue")
    out = {}
    for key in FILES:
        root = _root(key)
        opts = WriterOptions(timestamp=None)
        pdf = base / f"{key}.pdf"
        pdf_writer.write(root, opts, pdf)
        data, _verdicts = ofd_writer.build(root, opts)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        out[key] = (root, pdf, Package(epub_writer.build(root, opts)), parts)
    return out


def _ofd_info(parts) -> etree._Element:
    return etree.fromstring(parts["OFD.xml"]).find("ofd:DocBody/ofd:DocInfo", OFD)


# -- the title ----------------------------------------------------------------------------------
@pytest.mark.parametrize("key", list(FILES))
def test_one_title_in_every_format_from_the_masthead_as_printed(files, key):
    root, pdf, pkg, parts = files[key]
    want = TITLES[key]
    assert issue.title(root) == want
    with pikepdf.open(pdf) as doc:
        assert str(doc.docinfo.Title) == want
        assert doc.open_metadata()["dc:title"] == want
    assert pkg.dc("title") == [want]
    assert _ofd_info(parts).findtext("ofd:Title", namespaces=OFD) == want
    # the running head of every page but the cover: the title, the date as printed
    drawn = pdf_writer.draw(root, WriterOptions(), RecordingCanvas)
    for page in drawn.canvas.pages()[1:]:
        top = max(g.y for g in page.items if isinstance(g, Glyph) and g.artifact)
        head = "".join(g.ch for g in sorted((g for g in page.items if isinstance(g, Glyph) and g.artifact
                                             and abs(g.y - top) < 1), key=lambda g: g.x))
        assert head == want
    assert not re.search(r"\d{4}-\d{2}", want)


@pytest.mark.parametrize("key", list(FILES))
def test_the_series_name_leads_every_cover(files, key):
    """The PDF's cover sets the line naming the series largest (the masthead's title, or a
    monthly's 上街区地方史志办公室编, not its first line 2020年1月); the EPUB's cover image is drawn
    with the series name as its title."""
    root, _pdf, _pkg, _parts = files[key]
    log = pdf_writer.layout(root, WriterOptions())["log"]
    cover = [e for e in log if e["page"] == 1]
    lead = [e for e in cover if e["kind"] in ("masthead_title", "masthead_lead")]
    assert len(lead) == 1
    drawn = pdf_writer.draw(root, WriterOptions(), RecordingCanvas)
    glyphs = [g for g in drawn.canvas.pages()[0].items if isinstance(g, Glyph)]
    biggest = max(g.size for g in glyphs)
    assert "".join(g.ch for g in glyphs if g.size == biggest).startswith(SERIES[key])
    assert epub_writer._cover_text(root, epub_writer.read_meta(root)).title == SERIES[key]


# -- an article printed without a title ----------------------------------------------------------
UNTITLED = "（无题）11月21日，我区召开安全生产工作推进会…"


def test_untitled_article_label_is_whole_phrases_in_every_format(files):
    root, pdf, pkg, parts = files["undated"]
    with pikepdf.open(pdf) as doc, doc.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert UNTITLED in titles
    doc_xml = etree.fromstring(parts["Doc_0/Document.xml"])
    assert UNTITLED in [e.get("Title") for e in doc_xml.iterfind(".//ofd:OutlineElem", OFD)]
    _href, nav = pkg.nav()
    assert UNTITLED in [a.text for a in nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)]


@pytest.mark.parametrize("text,label", [
    ("11月21日，我区召开安全生产工作推进会，通报近期全区安全生产工作情况。", UNTITLED),
    ("会议强调，各级党组织要认真履行领导责任。", "（无题）会议强调，各级党组织要认真履行领导责任"),
    ("全区上下要坚持项目为王牢固树立抓项目就是抓发展的理念以更大的力度推进项目建设。",
     "（无题）全区上下要坚持项目为王牢固树立抓项目就是抓发展的…"),
])
def test_untitled_label_never_cuts_a_word(text, label):
    from convert.tei import E

    assert issue.untitled_label(E.div(E.p(text), type="article"), E.TEI()) == label


def test_untitled_article_is_set_apart_on_the_page(files):
    """A short centred rule is drawn between the reprint credit 摘自《郑州日报》 and the untitled
    article's first line (PDF; the OFD draws what the PDF draws); the EPUB's article carries the
    class the style sheet sets apart with a rule."""
    root, _pdf, pkg, _parts = files["undated"]
    pages = pdf_writer.draw(root, WriterOptions(), RecordingCanvas).canvas.pages()
    for page in pages:
        lines = {}
        for g in page.items:
            if isinstance(g, Glyph) and not g.artifact:
                lines.setdefault(round(g.y, 1), []).append(g)
        text = {y: "".join(g.ch for g in sorted(row, key=lambda g: g.x)) for y, row in lines.items()}
        start = [y for y, t in text.items() if t.startswith("11月21日")]
        if not start:
            continue
        credit = [y for y, t in text.items() if t == "摘自《郑州日报》"]
        rules = [r for r in page.items if isinstance(r, Rule) and credit and start[0] < r.y1 < credit[0]]
        assert len(rules) == 1 and abs((rules[0].x1 + rules[0].x2) / 2 - page.width / 2) < 1
        break
    else:
        pytest.fail("the untitled article was not drawn")
    css = pkg.zf.read(pkg.path("css/epub.css")).decode()
    assert re.search(r"article\.untitled\s*\{[^}]*border-top", css)
    article = [a for href in pkg.spine() for a in pkg.doc(href).xpath("//x:article", namespaces=NS)
               if "".join(a.itertext()).strip().startswith("11月21日")]
    assert len(article) == 1 and "untitled" in article[0].get("class").split()


# -- identifiers and series in every variant -----------------------------------------------------
@pytest.mark.parametrize("tag", ["zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
def test_identifiers_and_series_stay_as_printed_in_a_variant(tag):
    source = _root("newsletter")
    variant = _root("newsletter", tag)
    printed = issue.xpath(source, "string(//tei:sourceDesc//tei:idno[@type='registration'])")
    assert printed == "河南省连续性内资【审郑州连】00015号"
    for path in ("//tei:sourceDesc//tei:idno", "//tei:sourceDesc//tei:title"):
        assert [e.text for e in issue.xpath(variant, path)] == [e.text for e in issue.xpath(source, path)]
    pkg = Package(epub_writer.build(variant, WriterOptions()))
    ids = [i.text for i in pkg.opf.xpath("//dc:identifier[@id='registration']", namespaces=NS)]
    assert ids == [f"cn-neibu-permit:{printed}"]
    (coll,) = pkg.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    assert (coll.text, coll.get(XML_LANG)) == ("上街时讯", "zh-Hans")
    alt = pkg.opf.xpath("//opf:meta[@refines='#series'][@property='alternate-script']", namespaces=NS)
    assert [(a.text, a.get(XML_LANG)) for a in alt] == [("上街時訊", tag)]
    # what the edition shows is in its script: its title, publisher, creators
    assert pkg.dc("title") == ["上街時訊 第7期(總第634期) 2020年2月29日"]
    assert pkg.dc("publisher") == pkg.dc("creator") == ["中共上街區委宣傳部傳媒中心"]


def test_a_monthly_variant_names_its_series_as_printed():
    pkg = Package(epub_writer.build(_root("monthly", "zh-Hant-TW"), WriterOptions()))
    (coll,) = pkg.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    assert coll.text == "上街区地方史志办公室"
    alt = pkg.opf.xpath("//opf:meta[@refines='#series'][@property='alternate-script']", namespaces=NS)
    assert [a.text for a in alt] == ["上街區地方史志辦公室"]
    assert pkg.dc("creator") == ["上街區地方史志辦公室"]  # one creator, in the edition's script


# -- dates ---------------------------------------------------------------------------------------
def _pdf_dates(path: Path) -> dict:
    with pikepdf.open(path) as doc:
        meta = doc.open_metadata()
        return {"creation": str(doc.docinfo.get("/CreationDate", "")), "mod": str(doc.docinfo.ModDate),
                "xmp_create": meta.get("xmp:CreateDate"), "xmp_modify": meta["xmp:ModifyDate"],
                "xmp_metadata": meta["xmp:MetadataDate"]}


@pytest.mark.parametrize("key,day", [("monthly", "2020-01-01"), ("monthly91", "2020-02-01"),
                                     ("newsletter", "2020-02-29")])
def test_creation_date_is_the_printed_day_in_utc_too(files, key, day):
    """The issue date is recorded at 12:00 China Standard Time: a tool that shows UTC shows the
    same day (00:00+08 showed the day before), in the PDF and the OFD."""
    _root_, pdf, _pkg, parts = files[key]
    dates = _pdf_dates(pdf)
    assert dates["xmp_create"] == f"{day}T12:00:00+08:00"
    assert _dt.datetime.fromisoformat(dates["xmp_create"]).astimezone(_dt.timezone.utc).date().isoformat() == day
    info = _ofd_info(parts)
    assert info.findtext("ofd:CreationDate", namespaces=OFD) == day


@pytest.mark.parametrize("key", list(FILES))
def test_one_modification_date_in_epub_pdf_and_ofd(files, key):
    """EPUB ``dcterms:modified``, PDF ``ModDate``, XMP ``ModifyDate``/``MetadataDate`` and OFD
    ``ModDate`` are one date: the latest the TEI records, else (the undated issue) the writer's
    date, never 1980-01-01 in one format and 2026 in another; never before the creation date."""
    root, pdf, pkg, parts = files[key]
    changed = issue.modified(root)
    (modified,) = pkg.meta("dcterms:modified")
    assert modified == changed.strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = _pdf_dates(pdf)
    iso = changed.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    assert dates["xmp_modify"] == dates["xmp_metadata"] == iso
    assert _ofd_info(parts).findtext("ofd:ModDate", namespaces=OFD) == iso[:10]
    if dates["xmp_create"]:
        assert _dt.datetime.fromisoformat(dates["xmp_create"]) <= _dt.datetime.fromisoformat(iso)
    if key == "undated":
        assert modified == "2026-11-22T04:00:00Z" and not dates["creation"]


def test_source_date_epoch_sets_every_date_of_every_format():
    stamp = _dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=_dt.timezone.utc)
    root = _root("undated")
    opts = WriterOptions(timestamp=stamp)
    pkg = Package(epub_writer.build(root, opts))
    assert pkg.meta("dcterms:modified") == ["2023-11-14T22:13:20Z"]
    data, _verdicts = ofd_writer.build(root, opts)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = etree.fromstring(z.read("OFD.xml")).find("ofd:DocBody/ofd:DocInfo", OFD)
    assert info.findtext("ofd:ModDate", namespaces=OFD) == info.findtext("ofd:CreationDate", namespaces=OFD) == "2023-11-14"
