"""The reader against the samples' expected.json: genre, issue data, sections, article headings,
bylines, jump lines, page-break joins, contents links, colophon (TEI-CONVENTIONS.md)."""

from __future__ import annotations

import re

import pytest
from sampledata import SAMPLE_IDS, SAMPLES, expected, nows

from convert.reader import read_file
from convert.tei import XML_ID, xpath

pytestmark = pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)


def text_of(el) -> str:
    return nows("".join(el.itertext()))


def articles(root):
    return xpath(root, "//tei:body//tei:div[@type='article']")


def head_of(div) -> str:
    heads = xpath(div, "tei:head")
    return text_of(heads[0]) if heads else ""


def test_issue_data_in_header(path):
    """The printed issue as a serial: sourceDesc/biblStruct/monogr (TEI P5 3.12.2)."""
    exp = expected(path)
    struct = xpath(read_file(path), "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct")[0]
    assert struct.get("type") == exp["genre"]
    monogr = xpath(struct, "tei:monogr")[0]
    assert xpath(monogr, "string(tei:imprint/tei:date[not(@type)]/@when)") == exp["date"]
    assert xpath(monogr, "string(tei:idno[@type='cumulative'])") == str(exp["issue_total"])
    assert xpath(monogr, "string(tei:imprint/tei:publisher)") == exp["publisher"]
    if "printed" in exp:
        assert xpath(monogr, "string(tei:imprint/tei:date[@type='printed']/@when)") == exp["printed"]
    if "issue" in exp:
        assert xpath(monogr, "string(tei:biblScope[@unit='issue']/@n)") == str(exp["issue"])
    if "title" in exp:
        assert xpath(monogr, "string(tei:title[@level='j'][not(@type)])") == exp["title"]


def test_sections(path):
    root = read_file(path)
    heads = [text_of(h) for h in xpath(root, "//tei:body/tei:div[@type='section']/tei:head")]
    assert heads == expected(path)["sections"]


def test_article_headings_in_order(path):
    root = read_file(path)
    got = []
    for div in articles(root):
        section = xpath(div, "ancestor::tei:div[@type='section']/tei:head")
        got.append((text_of(section[0]) if section else None, head_of(div)))
    want = [(a.get("section"), nows(a["head"])) for a in expected(path)["articles"]]
    assert got == want


def test_bylines_and_jump_lines(path):
    root = read_file(path)
    by_head = {head_of(div): div for div in articles(root)}
    for art in expected(path)["articles"]:
        div = by_head[nows(art["head"])]
        bylines = [text_of(b) for b in xpath(div, "tei:byline")]
        if "byline" in art:
            assert bylines and nows(art["byline"]) in bylines[-1], (art["head"], bylines)
        else:
            assert bylines == [], (art["head"], bylines)
        notes = [text_of(n) for n in xpath(div, ".//tei:note[@type='continuation']")]
        if "continuation" in art:
            assert any(nows(art["continuation"]) in n for n in notes), (art["head"], notes)
        else:
            assert notes == []


def test_page_break_joins_in_one_paragraph(path):
    paragraphs = [text_of(p) for p in xpath(read_file(path), "//tei:p")]
    for join in expected(path)["joins"]:
        assert any(nows(join) in p for p in paragraphs), f"not inside one <p>: {join}"


def test_no_heading_joined_to_its_paragraph(path):
    root = read_file(path)
    heads = {head_of(div) for div in articles(root)}
    for p in xpath(root, "//tei:p"):
        assert not any(text_of(p).startswith(h) for h in heads if h), text_of(p)[:40]


def test_contents_entries_link_their_articles(path):
    root = read_file(path)
    source = path.read_text(encoding="utf-8")
    leader_lines = len(re.findall(r"(?:\.{2,}|…{2,})\s*\d{1,3}\s*$", source, flags=re.M))
    items = xpath(root, "//tei:div[@type='contents']//tei:item[tei:num[@type='page']]")
    assert len(items) == leader_lines
    ids = {div.get(XML_ID): div for div in articles(root)}
    targets = []
    for item in items:
        target = xpath(item, "string(tei:ref/@target)")
        assert target.startswith("#") and target[1:] in ids, text_of(item)
        targets.append(target)
        printed = text_of(xpath(item, "tei:ref")[0])
        head = head_of(ids[target[1:]])
        assert printed[:4] == head[:4], (printed, head)
    assert len(set(targets)) == len(targets), "two entries link the same article"
    if items:  # every article a contents list names is reached from it
        assert len(targets) == len(expected(path)["articles"])


def test_colophon_in_back(path):
    exp = expected(path).get("colophon")
    root = read_file(path)
    back = xpath(root, "//tei:back/tei:div[@type='colophon']")
    if exp is None:
        assert back == []
        return
    labels = {
        nows(xpath(label, "string(.)")).rstrip("：:"): text_of(label.getnext())
        for label in xpath(back[0], "tei:list[@type='gloss']/tei:label")
    }
    for key, value in exp.items():
        if key == "印数":
            assert xpath(back[0], "string(tei:ab[@type='printRun']/tei:num/@value)") == str(value)
        else:
            assert labels.get(key) == value, (key, labels)
