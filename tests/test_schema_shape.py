"""bulletin.rng's content models are written deterministically (each child decides its branch), so
that libxml2 checks a division's children with a compiled automaton, in time linear in their
number (issue 26, case 12). The rewriting must not change what the schema accepts: these tests
give the same documents to the schema and to the same schema with the ambiguous form it replaced,
and compare the verdicts (the figures are in bench/growth.md)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from convert.tei import safe_parser
from convert.validators.tei import SCHEMA_PATH, check_heads, check_tei

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "docs" / "model-example.xml").read_text(encoding="utf-8")

#: The definitions in their natural, ambiguous form: an article or brief is milestone* heads
#: div.content (heads: a kicker, the title, a subtitle, each optional, in that order), with
#: div.content (byline | opener | GLOBAL)* (((BLOCK | milestone) GLOBAL*)+ (subsection GLOBAL*)* |
#: (subsection GLOBAL*)+)? (byline GLOBAL*)*, GLOBAL = note | figure | milestone: the same
#: language, ambiguous (a milestone, a note or a byline may belong to two repetitions; three
#: patterns of one name, head, stand side by side).
AMBIGUOUS = """
  <define name="body"><element name="body"><zeroOrMore><ref name="milestone"/></zeroOrMore>
    <oneOrMore><choice><ref name="div.section"/><ref name="div.article"/><ref name="div.brief"/>
      <ref name="div.editorial"/></choice>
      <zeroOrMore><ref name="milestone"/></zeroOrMore></oneOrMore></element></define>
  <define name="div.section"><element name="div"><attribute name="type"><value>section</value></attribute>
    <ref name="att.id"/><ref name="head"/>
    <zeroOrMore><choice><ref name="div.article"/><ref name="div.brief"/><ref name="milestone"/></choice></zeroOrMore>
    </element></define>
  <define name="div.article"><element name="div"><attribute name="type"><value>article</value></attribute>
    <ref name="att.id"/><ref name="att.fragment"/><zeroOrMore><ref name="milestone"/></zeroOrMore>
    <ref name="heads"/><ref name="div.content"/></element></define>
  <define name="div.brief"><element name="div"><attribute name="type"><value>brief</value></attribute>
    <ref name="att.id"/><ref name="att.fragment"/><zeroOrMore><ref name="milestone"/></zeroOrMore>
    <ref name="heads"/><ref name="div.content"/></element></define>
  <define name="heads"><optional><ref name="head.kicker"/></optional><optional><ref name="head"/></optional>
    <optional><ref name="head.sub"/></optional></define>
  <define name="head.kicker"><element name="head"><attribute name="type"><value>kicker</value></attribute>
    <ref name="att.cert"/><ref name="inline.para"/></element></define>
  <define name="head.sub"><element name="head"><attribute name="type"><value>sub</value></attribute>
    <ref name="att.cert"/><ref name="inline.para"/></element></define>
  <define name="div.subsection"><element name="div"><attribute name="type"><value>subsection</value></attribute>
    <optional><ref name="att.id"/></optional><optional><ref name="head"/></optional><ref name="div.content"/></element></define>
  <define name="div.content">
    <zeroOrMore><choice><ref name="byline"/><ref name="opener"/><ref name="div.global"/></choice></zeroOrMore>
    <optional><choice>
      <group>
        <oneOrMore><ref name="div.block"/><zeroOrMore><ref name="div.global"/></zeroOrMore></oneOrMore>
        <zeroOrMore><ref name="div.subsection"/><zeroOrMore><ref name="div.global"/></zeroOrMore></zeroOrMore>
      </group>
      <oneOrMore><ref name="div.subsection"/><zeroOrMore><ref name="div.global"/></zeroOrMore></oneOrMore>
    </choice></optional>
    <zeroOrMore><ref name="byline"/><zeroOrMore><ref name="div.global"/></zeroOrMore></zeroOrMore>
  </define>
  <define name="div.global"><choice><ref name="note"/><ref name="figure"/><ref name="milestone"/></choice></define>
  <define name="div.block"><choice><ref name="p"/><ref name="ab"/><ref name="lg.poem"/><ref name="milestone"/></choice>
  </define>
"""

#: The defines of bulletin.rng that :data:`AMBIGUOUS` replaces.
REPLACED = ("body", "div.section", "div.story.element", "head.story", "div.subsection", "div.story", "div.top",
            "div.content", "div.rest", "div.subsections", "div.bottom", "div.global", "div.block")

#: Children a division may (or may not) hold, one of each kind.
TOKENS = {
    "head": "<head>标题</head>",
    "byline": "<byline>（记者 甲）</byline>",
    "note": '<note type="source">摘自《郑州日报》</note>',
    "pb": "<pb/>",
    "fw": '<fw type="pageNum">3</fw>',
    "p": "<p>正文。</p>",
    "ab": "<ab>正文</ab>",
    "sub": '<div type="subsection"><head>一、小标题</head><p>正文。</p></div>',
    "sub-run-in": '<div type="subsection"><p>1.甲镇：要点。正文。</p><byline>（甲镇　乙）</byline></div>',
    "kicker": '<head type="kicker">引题</head>',
    "subtitle": '<head type="sub">——副题</head>',
    "opener": "<opener><dateline>本报讯</dateline><byline>（记者 甲）</byline></opener>",
    "figure": "<figure><head>图为现场。</head><byline>记者 甲 摄</byline></figure>",
    "lg": '<lg type="poem"><lg type="stanza"><l>诗句一</l><l>诗句二</l></lg></lg>',
    "editorial": '<div type="editorial"><p><label>编者按：</label>按语。</p></div>',
    "list": "<list><item>不在模型中</item></list>",
}


@functools.cache
def schemas() -> tuple[etree.RelaxNG, etree.RelaxNG]:
    """(bulletin.rng as shipped, the same with the defines :data:`REPLACED` by :data:`AMBIGUOUS`)."""
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    old = text
    for name in REPLACED:
        old, n = re.subn(rf'<define name="{re.escape(name)}">.*?</define>', "", old, count=1, flags=re.S)
        assert n == 1, name
    old = old.replace("</grammar>", AMBIGUOUS + "</grammar>")
    compile_ = lambda t: etree.RelaxNG(etree.fromstring(t.encode("utf-8"), safe_parser()))  # noqa: E731
    return compile_(text), compile_(old)


def document(article: list[str], subsection: list[str], brief: list[str],
             body: list[str] | None = None, section: list[str] | None = None) -> etree._Element:
    """docs/model-example.xml with article a2 holding *article* (a subsection in it holding
    *subsection*) and brief a3 holding *brief* (token names of :data:`TOKENS`); with *body*, the
    body holds that sequence instead (``sec``: a section holding *section*, ``art``: article a2,
    ``brief``: brief a3, other tokens as above)."""
    def xml(tokens):
        return "".join(TOKENS[t] if t != "sub" else
                       '<div type="subsection"><head>小标题</head>'
                       + "".join(TOKENS[s] for s in subsection) + "</div>" for t in tokens)
    text = re.sub(r'(<div type="article" xml:id="a2">).*?(\n        </div>)',
                  lambda m: m.group(1) + xml(article) + m.group(2), EXAMPLE, count=1, flags=re.S)
    text = text.replace('<div type="brief" xml:id="a3"><p>……</p></div>',
                        f'<div type="brief" xml:id="a3">{xml(brief)}</div>')
    if body is not None:
        art = re.search(r'<div type="article" xml:id="a2">.*?\n        </div>', text, flags=re.S).group(0)
        brf = f'<div type="brief" xml:id="a3">{xml(brief)}</div>'
        ids = iter(range(1000))

        def division(t, inner):
            if t == "sec":  # a section in a section holds only its head
                inside = "".join(division(u, False) for u in section) if inner else TOKENS["head"]
                return f'<div type="section" xml:id="s{next(ids)}">' + inside + "</div>"
            if t in ("art", "brief"):
                return re.sub(r'xml:id="a[23]"', f'xml:id="d{next(ids)}"', art if t == "art" else brf, count=1)
            return TOKENS[t] if t in TOKENS else ""

        start, end = text.index("<body>") + len("<body>"), text.index("</body>")
        text = text[:start] + "".join(division(t, True) for t in body) + text[end:]
        text = re.sub(r'<ref target="#[as][0-9]+">', "<ref>", text)  # contents links: not the point here
    return etree.fromstring(text.encode("utf-8"), safe_parser())


def accepted(schema: etree.RelaxNG, doc: etree._Element) -> bool:
    """The verdict of bulletin.rng together with the order of a story's heads, which
    :func:`convert.validators.tei.check_heads` checks beside it."""
    return schema.validate(doc) and not check_heads(doc)


children = st.lists(st.sampled_from(sorted(TOKENS)), max_size=7)


@settings(max_examples=1500, deadline=None)
@given(children, children, children)
def test_the_deterministic_schema_gives_the_verdicts_of_the_ambiguous_one(article, subsection, brief):
    new, old = schemas()
    doc = document(article, subsection, brief)
    assert accepted(new, doc) == old.validate(doc), (article, subsection, brief)


divisions = st.lists(st.sampled_from(["sec", "art", "brief", "editorial", "pb", "p", "head"]), max_size=6)


@settings(max_examples=800, deadline=None)
@given(divisions, divisions, children)
def test_the_same_verdicts_for_sections_and_articles_in_the_body(body, section, article):
    new, old = schemas()
    doc = document(article, ["p"], ["p"], body, section)
    assert accepted(new, doc) == old.validate(doc), (body, section, article)


def test_both_verdicts_occur_and_the_example_is_valid():
    """The comparison above means something: some of its documents are valid, some are not."""
    new, old = schemas()
    assert new.validate(document(["pb", "head", "p", "pb", "p", "note", "sub", "byline"], ["p", "p"], ["p"]))
    assert not new.validate(document(["p", "byline", "p"], [], ["p"]))
    assert not old.validate(document(["p", "byline", "p"], [], ["p"]))
    assert not new.validate(document(["sub", "p"], ["p"], []))
    assert not new.validate(document(["head", "sub"], ["pb", "head"], []))
    assert new.validate(document(["p"], [], ["p"], ["pb", "sec", "art", "pb"], ["head", "art", "brief", "pb"]))
    # a brief stands in the body too (a newspaper's column items with no column heading)
    assert new.validate(document(["p"], [], ["p"], ["brief"], [])) and old.validate(document(["p"], [], ["p"], ["brief"], []))
    # a story's heads: kicker, title, subtitle, in that order; a lead-in, a figure and a poem
    full = document(["kicker", "head", "subtitle", "opener", "p", "figure", "lg", "p", "byline"], [], ["p"])
    assert accepted(new, full) and old.validate(full)
    backwards = document(["subtitle", "kicker", "p"], [], ["p"])
    assert new.validate(backwards) and not accepted(new, backwards) and not old.validate(backwards)
    assert not new.validate(document(["p"], [], ["p"], ["sec"], ["art"]))
    assert not old.validate(document(["p"], [], ["p"], ["sec"], ["art"]))
    assert check_tei(etree.fromstring(EXAMPLE.encode("utf-8"), safe_parser())) == []
