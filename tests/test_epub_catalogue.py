"""Catalogue metadata in the EPUB package document (convert/writers/epub/catalogue.py), as a
catalogue (calibre, a library system) reads it from the OPF:

- ``dc:creator`` is the compiling body, with MARC relator ``role`` refinements (scheme
  ``marc:relators``): 编 → ``com``, 编辑出版 → ``edt``; a body printed only as 出版 is the creator with no role
  (shown as author by catalogues);
- ``dc:subject`` = the section names; ``dc:description`` names every title of the contents list;
- ``belongs-to-collection`` with ``group-position`` = the cumulative number for every numbered
  issue, none for an unnumbered one;
- ``dc:date`` of a full day carries a time (calibre shifts a bare month-end date);
- the printed registration number is an identifier calibre reads (``scheme:value``);
- ``dcterms:modified`` is deterministic and never the zip epoch.

The same package read by calibre's own ``ebook-meta`` is in tests/test_real_readers.py.
"""

from __future__ import annotations

import copy
import re

import pytest
from lxml import etree

from convert.options import WriterOptions
from convert.tei import xpath
from convert.writers import epub as epub_writer
from convert.writers.epub import catalogue
from sampledata import SAMPLES
from test_epub import NS, Package, _read_sample

BY_NAME = {p.stem: p for p in SAMPLES}


@pytest.fixture(scope="module")
def sample():
    cache = {}

    def get(stem):
        if stem not in cache:
            root = _read_sample(BY_NAME[stem])
            cache[stem] = (root, Package(epub_writer.build(root, WriterOptions())))
        return cache[stem]

    return get


def roles(pkg: Package, creator: etree._Element) -> list[tuple[str, str]]:
    return [(m.get("scheme"), m.text) for m in
            pkg.opf.xpath("//opf:meta[@refines=$r][@property='role']", r="#" + creator.get("id"), namespaces=NS)]


def test_monthly_creator_is_the_compiling_office_as_compiler_and_editor(sample):
    _root, pkg = sample("monthly-2020-01-no90")
    creators = pkg.opf.xpath("//dc:creator", namespaces=NS)
    assert [c.text for c in creators] == ["上街区地方史志办公室"]
    # masthead "上街区地方史志办公室编" → compiler; colophon "编辑出版：" → editor
    assert roles(pkg, creators[0]) == [("marc:relators", "com"), ("marc:relators", "edt")]


def test_newsletter_creator_is_the_publishing_body_with_no_role(sample):
    _root, pkg = sample("newsletter-2020-02-29-no634")
    creators = pkg.opf.xpath("//dc:creator", namespaces=NS)
    assert [c.text for c in creators] == ["中共上街区委宣传部传媒中心"]
    assert roles(pkg, creators[0]) == []
    assert pkg.opf.xpath("string(//dc:publisher)", namespaces=NS) == "中共上街区委宣传部传媒中心"


@pytest.mark.parametrize("stem", ["monthly-2020-01-no90", "monthly-2020-02-no91"])
def test_subjects_are_the_section_names_and_description_the_contents(sample, stem):
    root, pkg = sample(stem)
    sections = [re.sub(r"\s+", "", "".join(h.itertext()))
                for h in xpath(root, "tei:text/tei:body/tei:div[@type='section']/tei:head")]
    assert sections and pkg.dc("subject") == sections
    (desc,) = pkg.dc("description")
    titles = [re.sub(r"\s+", "", "".join(r.itertext()))
              for r in xpath(root, "tei:text/tei:front/tei:div[@type='contents']//tei:item/tei:list/tei:item/tei:ref")]
    assert titles and all(t in re.sub(r"\s+", "", desc) for t in titles)


def test_newsletter_description_lists_its_headlines(sample):
    """Every headline, each whole (the two-line headline's lines kept apart by their space), the
    headlines kept apart by ；."""
    root, pkg = sample("newsletter-2020-02-29-no634")
    (desc,) = pkg.dc("description")
    heads = [re.sub(r"\s+", " ", "".join(h.itertext())).strip()
             for h in xpath(root, "tei:text/tei:body//tei:div[@type='article']/tei:head")]
    assert heads and desc == "；".join(heads) + "。"
    assert "宋洁实地督导学校疫情防控和复学准备工作 企业复工复产和重点项目项目建设情况" in heads
    assert pkg.dc("subject") == []  # a newspaper prints no sections


@pytest.mark.parametrize("stem,title", [
    ("monthly-2020-01-no90", "高标准严要求 筑牢安全防线 中心路街道开展春节前安全大检 查"),
    ("monthly-2020-02-no91", "峡窝镇“硬核”防控出新招：人防+技防 织密疫情防控网"),
    ("monthly-2020-01-no90", "我区召开新型冠状病毒感染的肺炎疫情防控工作推进会"),
    ("monthly-2020-01-no90", "我区召开2020年土地供应计划编制研讨会"),
])
def test_description_keeps_each_title_whole_and_apart(sample, stem, title):
    """A title keeps the spaces printed between its phrases (not 高标准严要求筑牢安全防线…); a
    print column's line break inside a word (推进/会) and the extraction's spaces between Chinese
    and digits are not kept; titles are kept apart by ；, sections by 。"""
    _root, pkg = sample(stem)
    (desc,) = pkg.dc("description")
    assert re.search(f"[：；]{re.escape(title)}[；。]", desc), desc


@pytest.mark.parametrize("stem,series,position", [
    ("monthly-2020-01-no90", "上街区地方史志办公室", "90"),
    ("monthly-2020-02-no91", "上街区地方史志办公室", "91"),
    ("newsletter-2020-02-29-no634", "上街时讯", "634"),
])
def test_every_numbered_issue_is_in_its_series(sample, stem, series, position):
    _root, pkg = sample(stem)
    (coll,) = pkg.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    assert coll.text == series
    refines = {m.get("property"): m.text for m in pkg.opf.xpath("//opf:meta[@refines=$r]", r="#" + coll.get("id"), namespaces=NS)}
    assert refines == {"collection-type": "series", "group-position": position}


def _unnumbered(root: etree._Element) -> etree._Element:
    doc = copy.deepcopy(root)
    for el in xpath(doc, "tei:teiHeader//tei:sourceDesc//tei:idno[@type='cumulative'] | "
                         "tei:teiHeader//tei:sourceDesc//tei:biblScope | tei:teiHeader//tei:sourceDesc//tei:date"):
        el.getparent().remove(el)
    return doc


def test_unnumbered_undated_newsletter_has_no_series_and_a_sensible_modified_date(sample):
    root, _pkg = sample("newsletter-2020-02-29-no634")
    pkg = Package(epub_writer.build(_unnumbered(root), WriterOptions()))
    assert pkg.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS) == []
    assert pkg.dc("date") == []
    (modified,) = pkg.meta("dcterms:modified")
    assert modified == catalogue.WRITER_DATE.strftime("%Y-%m-%dT%H:%M:%SZ") and not modified.startswith("1980")


def test_registration_number_is_an_identifier_calibre_reads(sample):
    root, pkg = sample("newsletter-2020-02-29-no634")
    printed = xpath(root, "string(tei:teiHeader//tei:sourceDesc//tei:idno[@type='registration'])")
    assert "【审郑州连】00015号" in printed
    ids = [i.text for i in pkg.opf.xpath("//dc:identifier[@id='registration']", namespaces=NS)]
    assert ids == [f"{epub_writer.REGISTRATION_SCHEME}:{printed}"]
    scheme, value = ids[0].split(":", 1)  # calibre: scheme before the first colon
    assert scheme.isascii() and value == printed
    # the monthly prints none
    assert sample("monthly-2020-01-no90")[1].opf.xpath("//dc:identifier[@id='registration']", namespaces=NS) == []


@pytest.mark.parametrize("when,expected", [
    ("2020-02-29", "2020-02-29T12:00:00Z"), ("2020-03-01", "2020-03-01T12:00:00Z"),
    ("2020-01", "2020-01"), ("2020", "2020"), (None, None), ("29/02/2020", None),
])
def test_publication_date_form(when, expected):
    assert catalogue.publication_date(when) == expected


def test_modified_is_the_latest_printed_date(sample):
    _root, pkg = sample("monthly-2020-01-no90")
    # issue 2020-01, printed (印) 2020-02-14
    assert pkg.meta("dcterms:modified") == ["2020-02-14T04:00:00Z"]


@pytest.mark.parametrize("text,expected", [
    ("上街区地方史志办公室编", ("上街区地方史志办公室", ("com",))),
    ("中共上街区委宣传部传媒中心出版", ("中共上街区委宣传部传媒中心", ("pbl",))),
    ("某某报社主办", ("某某报社", ("isb",))),
    ("内部资料 免费交流", None),
    ("编", None),
])
def test_printed_statement_of_responsibility(text, expected):
    assert catalogue._statement(text, prefix=False) == expected
