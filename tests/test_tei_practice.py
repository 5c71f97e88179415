"""The TEI as TEI practice reads it (issue #18; TEI-CONVENTIONS.md points 3, 4, 7, 8).

- a character printed twice across a page break is ``<surplus reason="repeated">`` (TEI P5
  §12.3.3.1), never a ``sic`` with an empty ``corr``;
- the header: ``publicationStmt`` with authority, date and availability (§2.2.4),
  ``editorialDecl`` with correction, normalization, segmentation … (§2.3.3),
  ``sourceDesc/biblStruct/monogr`` (§3.12.2);
- masthead lines in the elements §4.6 gives (no notice in ``docImprint``, no issue number in
  ``docEdition``);
- ``<pb n="…"/>`` where the contents list locates a page start (§3.11.3);
- reporters in bylines as ``persName``, offices as ``orgName`` (§13.2), no character changed;
- a TEI file of the previous model is migrated on input, with a message.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree
from sampledata import SAMPLES, first_difference, nows, source_content

from convert.cli import main
from convert.reader import content_of, load_input, read_bulletin
from convert.reader.names import tag_byline
from convert.reader.pages import locate_pages
from convert.tei import E, XML_ID, local, parse_bytes, xpath
from convert.validators.tei import check_tei
from convert.writers.txt import render

FIXTURES = Path(__file__).parent / "fixtures"
BY_NAME = {p.stem: p for p in SAMPLES}
MONTHLY = BY_NAME["monthly-2020-01-no90"]
NEWSLETTER = BY_NAME["newsletter-2020-02-29-no634"]


@functools.cache
def model(path: Path) -> etree._Element:
    return read_bulletin(path.read_text(encoding="utf-8"), path.name)


def texts(root, path):
    return [nows("".join(el.itertext())) for el in xpath(root, path)]


# ------------------------------------------------------------------------------ surplus
def test_doubled_character_at_a_page_break_is_surplus():
    root = model(MONTHLY)
    surplus = xpath(root, "//tei:text//tei:surplus")
    assert [(s.text, s.get("reason")) for s in surplus] == [("控", "repeated")]
    assert "".join(surplus[0].xpath("preceding::text()")).rstrip().endswith("防控")
    assert local(surplus[0].getprevious()) == "pb"  # at the page break
    assert not xpath(root, "//tei:choice[tei:corr[not(node())]]")
    assert "防控控工作" in nows(render(root))  # every output shows it as printed
    correction = texts(root, "//tei:editorialDecl/tei:correction")
    assert correction and "surplus" in correction[0] and "(1)" in correction[0]


# ------------------------------------------------------------------------------ header
def test_publication_stmt_has_authority_date_availability(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = read_bulletin(MONTHLY.read_text(encoding="utf-8"), MONTHLY.name)
    stmt = xpath(root, "//tei:publicationStmt")[0]
    assert not xpath(stmt, "tei:p")
    assert texts(stmt, "tei:authority/tei:orgName") == ["上街区人民政府办公室"]  # the colophon's 主管
    date = xpath(stmt, "tei:date")[0]
    assert (date.get("when"), date.get("type")) == ("2020-01", "supplied")
    availability = xpath(stmt, "tei:availability")[0]
    assert availability.get("status") == "restricted"
    assert texts(availability, "tei:p") == ["(内部资料注意保存)"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = read_bulletin(MONTHLY.read_text(encoding="utf-8"), MONTHLY.name)
    date = xpath(root, "//tei:publicationStmt/tei:date")[0]
    assert (date.get("when"), date.get("type")) == ("2023-11-14", None)


def test_newsletter_availability_from_its_masthead_notice():
    stmt = xpath(model(NEWSLETTER), "//tei:publicationStmt")[0]
    assert texts(stmt, "tei:authority/tei:orgName") == ["中共上街区委宣传部传媒中心"]
    assert xpath(stmt, "string(tei:availability/@status)") == "restricted"
    assert texts(stmt, "tei:availability/tei:p") == ["内部资料免费交流"]


def test_editorial_decl_in_its_parts():
    decl = xpath(model(MONTHLY), "//tei:encodingDesc/tei:editorialDecl")[0]
    parts = [local(c) for c in decl if local(c) != "p"]
    assert parts == ["correction", "normalization", "segmentation", "hyphenation", "interpretation"]
    segmentation = texts(decl, "tei:segmentation/tei:p")
    assert any(p.startswith("Pages(TEIP53.11.3)") for p in segmentation)


def test_source_desc_is_a_serial_bibl_struct():
    monogr = xpath(model(NEWSLETTER), "//tei:sourceDesc/tei:biblStruct[@type='newsletter']/tei:monogr")[0]
    assert [local(c) for c in monogr] == ["title", "title", "idno", "idno", "imprint", "biblScope"]
    assert xpath(monogr, "string(tei:title[@level='j'][not(@type)])") == "上街时讯"
    assert xpath(monogr, "string(tei:idno[@type='cumulative'])") == "634"
    assert xpath(monogr, "string(tei:idno[@type='registration'])") == "河南省连续性内资【审郑州连】00015号"
    assert xpath(monogr, "string(tei:imprint/tei:publisher)") == "中共上街区委宣传部传媒中心"
    assert xpath(monogr, "string(tei:imprint/tei:date/@when)") == "2020-02-29"
    assert xpath(monogr, "string(tei:biblScope[@unit='issue']/@n)") == "7"

    monogr = xpath(model(MONTHLY), "//tei:sourceDesc/tei:biblStruct[@type='monthly']/tei:monogr")[0]
    assert [(texts(r, "tei:resp")[0], texts(r, "tei:orgName")[0]) for r in xpath(monogr, "tei:respStmt")] == [
        ("编", "上街区地方史志办公室"), ("主管", "上街区人民政府办公室"), ("编辑出版", "上街区地方史志办公室")]
    assert xpath(monogr, "string(tei:imprint/tei:date[@type='printed']/@when)") == "2020-02-14"
    measure = xpath(monogr, "tei:extent/tei:measure")[0]
    assert (measure.get("unit"), measure.get("quantity"), measure.text) == ("copies", "130", "共印 130 份")


# ------------------------------------------------------------------------------ masthead
def _masthead(root):
    return [(local(c), c.get("type")) for c in xpath(root, "//tei:titlePage[@type='masthead']/*")]


def test_newsletter_masthead_lines_in_their_elements():
    root = model(NEWSLETTER)
    assert _masthead(root) == [
        ("docTitle", None), ("docImprint", None), ("docDate", None), ("docDate", None),
        ("note", "registration"), ("titlePart", "issue"), ("note", "notice"), ("note", "contact")]
    assert texts(root, "//tei:titlePage/tei:docImprint/tei:publisher/tei:orgName") == ["中共上街区委宣传部传媒中心"]
    assert texts(root, "//tei:titlePage/tei:docImprint") == ["中共上街区委宣传部传媒中心出版"]
    assert texts(root, "//tei:titlePage/tei:titlePart[@type='issue']") == ["第7期(总第634期)"]
    assert texts(root, "//tei:titlePage/tei:note[@type='contact']") == ["监督电话67183172"]


def test_monthly_masthead_lines_in_their_elements():
    root = model(MONTHLY)
    assert _masthead(root) == [("docDate", None), ("titlePart", "issue"), ("byline", None), ("docImprint", None)]
    assert texts(root, "//tei:titlePage/tei:byline/tei:orgName") == ["上街区地方史志办公室"]
    printed = xpath(root, "//tei:titlePage/tei:docImprint/tei:date")[0]
    assert (printed.get("type"), printed.get("when"), printed.text) == ("printed", "2020-02-14", "2020年02月14日")


# ------------------------------------------------------------------------------ names
def test_reporters_in_bylines_are_pers_names():
    root = model(NEWSLETTER)
    tagged = {nows("".join(b.itertext())): [p.text for p in xpath(b, "tei:persName")]
              for b in xpath(root, "//tei:body//tei:byline")}
    assert tagged["(记者刘丽军李立营)"] == ["刘丽军", "李立营"]
    assert tagged["(记者崔玉琳)"] == ["崔玉琳"]
    assert tagged["(记者雷霄许峰)"] == []  # two names without a space: ambiguous, untagged


@pytest.mark.parametrize("text,names", [
    ("(记者 张三 通讯员 李四)", ["张三", "李四"]),
    ("（文/王五）", ["王五"]),
    ("(通讯员赵亮)", ["赵亮"]),
    ("(记者 欧阳明华)", []),
    ("(本报讯)", []),
])
def test_tag_byline(text, names):
    byline = E.byline(text)
    assert tag_byline(byline) == len(names)
    assert [p.text for p in xpath(byline, "tei:persName")] == names
    assert "".join(byline.itertext()) == text  # no character changed


def test_offices_in_the_colophon_are_org_names():
    root = model(MONTHLY)
    items = {nows("".join(i.getprevious().itertext())): i for i in xpath(root, "//tei:back//tei:list/tei:item")}
    assert texts(items["主管："], "tei:orgName") == ["上街区人民政府办公室"]
    assert texts(items["编辑出版："], "tei:orgName") == ["上街区地方史志办公室"]
    assert not xpath(items["电话："], "tei:orgName") and not xpath(items["发放范围："], "tei:orgName")


# ------------------------------------------------------------------------------ pages
def test_pages_located_by_the_contents_list():
    root = model(MONTHLY)
    body = xpath(root, "//tei:body")[0]
    assert local(body[0]) == "pb" and body[0].get("n") == "1"
    numbered = [int(pb.get("n")) for pb in xpath(body, ".//tei:pb[@n]")]
    assert numbered == sorted(set(numbered)) and numbered[0] == 1
    page_of = {i.get("target")[1:]: int(i.getnext().get("value"))
               for i in xpath(root, "//tei:div[@type='contents']//tei:ref[@target][following-sibling::tei:num]")}
    for article in xpath(body, ".//tei:div[@type='article']"):
        page = page_of.get(article.get(XML_ID))
        if page is None:
            continue
        first = article[0]
        if local(first) == "pb":  # a page start put at the article: the page the contents give
            assert first.get("n") == str(page) and first.get("cert") == "low"
        before = [int(n) for n in article.xpath("preceding::tei:pb/@n", namespaces={"tei": first.nsmap[None]})]
        assert max(before, default=1) <= page
    surplus = xpath(body, ".//tei:surplus")[0]
    assert surplus.getprevious().get("n") == "9"  # the doubled character opens page 9
    assert not xpath(model(NEWSLETTER), "//tei:pb[@n]")  # no contents list: no page numbers


def _paged(*articles):
    """A <text> with a contents list giving each (id, page) and a body of articles holding the
    given numbers of unnumbered <pb/>s."""
    items = [E.item(E.ref(a, target=f"#{a}"), " ", E.num(str(p), type="page", value=str(p)))
             for a, p, _ in articles]
    divs = []
    for a, _, breaks in articles:
        div = E.div(E.head(a), E.p("甲", *[E.pb() for _ in range(breaks)]), type="article")
        div.set(XML_ID, a)
        divs.append(div)
    return E.text(E.front(E.div(E.list(*items), type="contents")), E.body(*divs))


def test_locate_pages_rules():
    text = _paged(("a1", 1, 2), ("a2", 3, 0), ("a3", 3, 0), ("a4", 5, 1), ("a5", 7, 0))
    counts = locate_pages(text)
    pbs = [(pb.getparent().getparent().get(XML_ID) if local(pb.getparent()) == "p" else pb.getparent().get(XML_ID)
            or "body", pb.get("n"), pb.get("cert")) for pb in xpath(text, ".//tei:pb")]
    assert pbs == [("body", "1", None),
                   ("a1", "2", None), ("a1", "3", None),  # two breaks for pages 2 and 3
                   ("a4", "5", "low"),  # no break between pages 3 and 5: the article opens page 5
                   ("a4", None, None)]  # one break for pages 6 and 7: no evidence, nothing at a5
    assert counts == {"numbered": 2, "added": 2, "uncertain": 1, "unnumbered": 1}
    backwards = _paged(("a1", 3, 0), ("a2", 2, 0))
    assert locate_pages(backwards)["added"] == 0 and not xpath(backwards, ".//tei:pb")


# ------------------------------------------------------------------------------ old model
def test_old_model_tei_is_migrated_with_a_message(tmp_path):
    old = FIXTURES / "old-model.xml"
    old_root = parse_bytes(old.read_bytes()).getroot()
    assert check_tei(old_root)  # the old model is not the current one
    warnings: list[str] = []
    loaded = load_input(old, warnings=warnings)
    assert len(warnings) == 1 and warnings[0].startswith(f"{old}: TEI written by the previous model")
    assert "surplus" in warnings[0] and "biblStruct" in warnings[0]
    assert check_tei(loaded.root) == []
    assert loaded.tei_bytes is None  # written as migrated, not as read
    assert [(s.text, s.get("reason")) for s in xpath(loaded.root, "//tei:surplus")] == [("全", "repeated")]
    assert xpath(loaded.root, "string(//tei:biblStruct/tei:monogr/tei:imprint/tei:publisher)") == "中共上街区委宣传部传媒中心"
    assert _masthead(loaded.root)[-2:] == [("titlePart", "issue"), ("note", "notice")]
    assert texts(loaded.root, "//tei:titlePage/tei:note[@type='registration']") == ["河南省连续性内资【审郑州连】00015号"]
    assert xpath(loaded.root, "string(//tei:publicationStmt/tei:availability/@status)") == "restricted"
    assert content_of(loaded.root) == content_of(old_root)  # not a character changed
    # the CLI says so and writes the migrated model, which reads back without a message
    out = tmp_path / "out"
    assert main([str(old), "--to", "tei,txt", "-o", str(out), "-q"]) == 0
    again: list[str] = []
    assert check_tei(load_input(out / "old-model.xml", warnings=again).root) == [] and again == []
    got = nows((out / "old-model.txt").read_text(encoding="utf-8"))
    assert got == content_of(old_root), first_difference(got, content_of(old_root))


def test_a_brief_heads_closing_stop_label_is_migrated_to_pc(tmp_path):
    """TEI written while a brief head's closing 。 was a second ``<label>`` (``<head><label>■</label>
    …学习会<label>。</label></head>``) reads as the current model, ``<pc>。</pc>``, with a message;
    the bullet stays a label and not a character changes."""
    src = FIXTURES / "series" / "renda-tongze-2023-no07.txt"
    assert main([str(src), "--to", "tei", "-o", str(tmp_path), "-q"]) == 0
    current = (tmp_path / f"{src.stem}.xml").read_text(encoding="utf-8")
    assert current.count("<pc>。</pc></head>") == 3
    old = tmp_path / "old-stop.xml"
    old.write_text(current.replace("<pc>。</pc></head>", "<label>。</label></head>"), encoding="utf-8")
    warnings: list[str] = []
    loaded = load_input(old, warnings=warnings)
    assert len(warnings) == 1 and "3 brief head's closing 。 label → pc" in warnings[0], warnings
    heads = xpath(loaded.root, "//tei:div[@type='brief']/tei:head")
    assert [([l.text for l in xpath(h, "tei:label")], [p.text for p in xpath(h, "tei:pc")]) for h in heads] == \
        [(["■"], ["。"])] * 3
    assert check_tei(loaded.root) == []
    assert content_of(loaded.root) == content_of(parse_bytes(old.read_bytes()).getroot())


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_current_model_is_not_migrated(path, tmp_path):
    out = tmp_path / "o"
    assert main([str(path), "--to", "tei", "-o", str(out), "-q"]) == 0
    warnings: list[str] = []
    root = load_input(out / f"{path.stem}.xml", warnings=warnings).root
    assert warnings == []
    assert nows(render(root)) == source_content(path.read_text(encoding="utf-8"))
