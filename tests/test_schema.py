"""The project's own TEI schema (convert/schema/bulletin.rng) and the validators of convert.validators.

Promises: the schema compiles fast; it accepts docs/model-example.xml, a document using every
construct it allows, and the model of every sample (and its Traditional-Chinese variants); every
document it accepts is also valid against the TEI P5 schema tei_all.rng (jing); it rejects
documents outside the model; the external validators give verdicts, never exceptions.
"""

from __future__ import annotations

import functools
import re
import shutil
import time
from pathlib import Path

import pytest
from lxml import etree
from sampledata import SAMPLE_IDS, SAMPLES

from convert import validators as validate
from convert.tei import XML_ID, E, safe_parser, to_bytes
from convert.validators import Verdict, check_tei, own_schema, run_jing
from convert.validators import pdfa as pdfa_validators
from convert.validators import tei as tei_validators

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "model-example.xml"

# Every element, attribute and position bulletin.rng allows, at least once (kept in step with the
# schema: a construct added there is added here, so the subset-of-TEI promise covers it).
KITCHEN_SINK = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="zh-Hant-TW">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">上街時訊 第7期</title>
        <title type="sub" xml:lang="en">Shangjie Newsletter, no. 7</title>
      </titleStmt>
      <publicationStmt>
        <authority><orgName>上街区人民政府办公室</orgName></authority>
        <date when="2020-02-29" type="supplied"/>
        <availability status="restricted"><p>内部资料 免费交流</p><p>Second.</p></availability>
      </publicationStmt>
      <sourceDesc>
        <biblStruct type="newsletter">
          <monogr>
            <title level="j">上街时讯</title>
            <title level="j" type="alt" xml:lang="en">SHANGJIE NEWSLETTER</title>
            <idno type="cumulative">634</idno>
            <title level="j" type="supplied">合订本</title>
            <idno type="registration">河南省连续性内资【审郑州连】00015号</idno>
            <respStmt><resp>主管</resp><orgName>上街区人民政府办公室</orgName></respStmt>
            <respStmt><resp>主编</resp><persName>某某</persName><orgName>编辑部</orgName></respStmt>
            <note>内部资料</note>
            <note type="source">摘自《郑州日报》</note>
            <imprint>
              <pubPlace>郑州市上街区</pubPlace>
              <publisher>中共上街区委宣传部传媒中心</publisher>
              <date when="2020" cert="medium">2020年</date>
              <date when="2020-02-29T08:00:00" type="printed">2020年2月29日</date>
            </imprint>
            <biblScope unit="issue" n="7">第7期</biblScope>
            <biblScope unit="volume" n="3">第3卷</biblScope>
            <extent><measure unit="copies" quantity="130">共印 130 份</measure>, <measure unit="pages" quantity="4">4版</measure></extent>
            <biblScope unit="page">4版</biblScope>
          </monogr>
        </biblStruct>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <appInfo>
        <application ident="convert" version="0.1.0"><label>convert</label></application>
        <application ident="OpenCC" version="1.4.2"><label>OpenCC</label><label>s2twp</label><p>Converted with s2twp.json.</p></application>
      </appInfo>
      <editorialDecl>
        <p>Markup removed.</p>
        <correction method="markup"><p>surplus.</p></correction>
        <normalization method="markup"><p>orig/reg.</p><p>Second.</p></normalization>
        <segmentation><p>Paragraphs.</p></segmentation>
        <hyphenation eol="none"><p>None.</p></hyphenation>
        <interpretation><p>Names.</p></interpretation>
        <correction><p>Again.</p></correction>
        <p>Second.</p>
      </editorialDecl>
      <projectDesc><p>Electronic editions of local bulletins.</p></projectDesc>
    </encodingDesc>
    <profileDesc>
      <langUsage>
        <language ident="zh-Hant-TW">Chinese, Traditional script (Taiwan)</language>
        <language ident="en">English</language>
      </langUsage>
      <calendarDesc>
        <calendar xml:id="chinese-lunar"><p>The Chinese lunisolar calendar.</p></calendar>
      </calendarDesc>
    </profileDesc>
    <revisionDesc>
      <change when="2020-03-01">Converted to zh-Hant-TW.</change>
      <change>Proofread.</change>
    </revisionDesc>
  </teiHeader>
  <text>
    <front>
      <titlePage type="masthead">
        <docTitle>
          <titlePart type="main">上街时讯</titlePart>
          <titlePart type="sub">周刊</titlePart>
          <titlePart type="alt" xml:lang="en">SHANGJIE NEWSLETTER</titlePart>
          <titlePart>无类型</titlePart>
        </docTitle>
        <docImprint><publisher><orgName>中共上街区委宣传部传媒中心</orgName></publisher>出版</docImprint>
        <docDate when="2020-02-29">2020年2月<lb/>29<lb/>星期六</docDate>
        <docDate><date calendar="#chinese-lunar">庚子年二月初七</date></docDate>
        <note type="registration">河南省连续性内资<lb/>【审郑州连】00015号</note>
        <titlePart type="issue">第7期(总第<num type="issue" value="634">634</num>期)</titlePart>
        <imprimatur>准印</imprimatur>
        <docEdition>第二版</docEdition>
        <byline>主编 <persName>某某</persName></byline>
        <byline><orgName>上街区地方史志办公室</orgName>编</byline>
        <docImprint><date when="2020-02-14" type="printed">2020年02月14日</date>印</docImprint>
        <note type="notice">内部资料 免费交流</note>
        <note type="contact">监督电话 67183172</note>
      </titlePage>
      <div type="colophon"><list type="gloss"><label>主　　编：</label><item>邵　岚</item></list><ab type="printRun">印数：500册</ab></div>
      <div type="contents">
        <head>目录</head>
        <list>
          <item><ref target="#s1">本月关注</ref>
            <list>
              <item><ref target="#a1">督导组督查我区工作</ref> <num type="page" value="1">1</num></item>
              <item>未找到的文章 <num type="page" value="2">2</num></item>
            </list>
          </item>
          <item><ref target="#a4"><hi rend="bold">无标题</hi></ref></item>
        </list>
      </div>
    </front>
    <body>
      <pb n="1"/>
      <div type="section" xml:id="s1">
        <head>本月<hi rend="bold">关注</hi></head>
        <div type="article" xml:id="a1">
          <pb n="1" cert="low"/>
          <head>督导组<lb/>督查我区工作</head>
          <byline>(记者 <persName>雷霄</persName>)</byline>
          <note type="source">摘自《郑州日报》</note>
          <p>1月6日，<date when="2020-01-06">1 月 6 日</date>督导<pb/>检查<choice><sic>工工</sic><corr>工</corr></choice>作，<choice><orig>這</orig><reg>这</reg></choice>共<num type="cardinal" value="3.5">3.5</num>天，<measure unit="copies" quantity="130">130份</measure>，见<ref target="https://example.org/x">网站</ref>。</p>
          <note type="continuation">(下转二版)</note>
          <ab type="notice">(注意保存)</ab>
          <ab>一行</ab>
          <p>第二段<choice><sic>的</sic><corr/></choice>。<orgName>区委</orgName>的<pb n="2"/><surplus reason="repeated">的</surplus>工作<surplus>又</surplus>。</p>
          <div type="subsection" xml:id="a1-1">
            <head>一、总体情况</head>
            <p>依照第五百七十七条<ref target="#fn1">①</ref>的规定。</p>
            <note place="foot" n="①" xml:id="fn1"><label>①</label>第五百七十七条：……</note>
            <table cert="medium"><head>附表：主要指标</head><row role="label"><cell>指标</cell><cell>单位</cell><cell>数值</cell></row><row><cell>产值</cell><cell>亿元</cell><cell>5.9</cell></row><fw type="pageNum">- 2 -</fw><pb n="3"/><row><cell>用电</cell><cell>亿千瓦时</cell><cell>6.<pb/>9</cell></row></table>
            <div type="subsection">
              <head>(一)细节</head>
              <byline>(记者 甲)</byline>
              <p>……</p>
              <note>注</note>
            </div>
          </div>
          <note type="continuation">(下转三版)</note>
          <div type="subsection">
            <head>二、下一步</head>
          </div>
          <byline>(记者 雷霄许峰)</byline>
          <note type="source">摘自《河南日报》</note>
          <byline>(通讯员 乙)</byline>
        </div>
        <div type="brief" xml:id="b1"><p>简讯一。</p><byline>(丙)</byline></div>
        <div type="brief" xml:id="b2"><pb n="iii"/><head><label>■</label>简讯二<pc>。</pc></head><p>……</p></div>
        <div type="article" xml:id="a2"><head>只有标题</head></div>
      </div>
      <div type="article" xml:id="a4">
        <div type="subsection"><head>只有小节</head><p>……</p></div>
      </div>
      <pb n="9" cert="medium"/>
      <div type="article" xml:id="a5"/>
      <pb/>
    </body>
    <back>
      <div type="colophon">
        <ab type="notice">(内部资料 注意保存)</ab>
        <list type="gloss">
          <label>主管：</label>
          <item><orgName>上街区人民政府办公室</orgName></item>
          <label>电话：</label>
          <item><num value="68921234">68921234</num></item>
        </list>
        <ab type="printRun">(共印 <num type="copies" value="130">130</num> 份)</ab>
        <ab>其他一行</ab>
      </div>
    </back>
  </text>
</TEI>
"""


def parse(data: str | bytes) -> etree._Element:
    return etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data, safe_parser())


@functools.cache
def sample_model(path: Path) -> etree._Element:
    from convert.reader import read_bulletin

    return read_bulletin(path.read_text(encoding="utf-8"), path.name)


def variant_models() -> list[tuple[str, etree._Element]]:
    from convert.variant import CONFIGS, make_variant

    return [(f"{p.stem}.{tag}", make_variant(sample_model(p), tag)) for p in SAMPLES for tag in CONFIGS]


# ----------------------------------------------------------------------------- the schema itself


def test_schema_compiles_well_under_a_second():
    started = time.perf_counter()
    schema = etree.RelaxNG(etree.parse(str(tei_validators.SCHEMA_PATH), safe_parser()))
    seconds = time.perf_counter() - started
    assert isinstance(schema, etree.RelaxNG)
    assert seconds < 0.25, f"bulletin.rng took {seconds:.3f} s to compile"
    assert own_schema() is own_schema(), "own_schema() compiles once per process"


def test_every_data_file_of_the_package_is_package_data():
    """Every non-Python file under convert/ (schemas, XSDs, the OpenCC corrections, the Java
    policy) is matched by a package-data pattern, so a non-editable install carries it too."""
    import fnmatch
    import tomllib

    assert tei_validators.SCHEMA_PATH == ROOT / "convert" / "schema" / "bulletin.rng"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["convert"]
    pkg = ROOT / "convert"
    data = [p.relative_to(pkg).as_posix() for p in pkg.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert "schema/bulletin.rng" in data
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pat) and f.count("/") == pat.count("/")
                                          for pat in patterns)]
    assert not missing, f"not package data: {missing}"


# ----------------------------------------------------------------------------- accepted documents


def test_model_example_is_valid():
    assert check_tei(etree.parse(str(EXAMPLE), safe_parser()).getroot()) == []


def test_kitchen_sink_is_valid():
    assert check_tei(parse(KITCHEN_SINK)) == []


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_sample_model_is_valid(path):
    assert check_tei(sample_model(path)) == []


def test_variant_models_are_valid():
    for name, root in variant_models():
        assert check_tei(root) == [], name


def test_accepted_documents_are_valid_tei_p5(tmp_path):
    """The subset promise: what bulletin.rng accepts, tei_all.rng accepts (one jing run)."""
    files = [EXAMPLE, tmp_path / "kitchen-sink.xml"]
    files[1].write_text(KITCHEN_SINK, encoding="utf-8")
    models = [(p.stem, sample_model(p)) for p in SAMPLES] + variant_models()
    for name, root in models:
        assert check_tei(root) == [], name
        files.append(tmp_path / f"{name}.xml")
        files[-1].write_bytes(to_bytes(root))
    verdict = run_jing(*files)
    assert verdict.ok, "\n".join(verdict.messages)
    assert verdict.counts == {"error": 0}


# ----------------------------------------------------------------------------- rejected documents

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")

# (name, [(text in docs/model-example.xml, its replacement), …], whether TEI P5 rejects it too)
MUTATIONS = [
    ("root in no namespace", [('<TEI xmlns="http://www.tei-c.org/ns/1.0"', "<TEI")], True),
    ("wrong root", [("<TEI ", "<teiCorpus "), ("</TEI>", "</teiCorpus>")], True),
    ("no xml:lang on TEI", [(' xml:lang="zh-Hans">', ">")], False),
    ("xml:lang not BCP 47", [('xml:lang="zh-Hans">', 'xml:lang="zh_Hans">')], True),
    ("unknown element", [('<hi rend="bold">到我区</hi>', "<bold>到我区</bold>")], True),
    ("unknown attribute", [('<hi rend="bold">', '<hi rend="bold" colour="red">')], True),
    ("hi without rend", [('<hi rend="bold">', "<hi>")], False),
    ("p outside a div", [("<body>", "<body><p>正文</p>")], False),
    ("text directly in a div", [('<div type="brief" xml:id="a3"><p>', '<div type="brief" xml:id="a3">正文<p>')], True),
    ("p after a subsection", [('<note type="continuation">(下转二版)</note>', "<p>又一段</p>")], True),
    ("byline between paragraphs", [("<p>An article printed with no title has no head.</p>",
                                    "<p>一</p><byline>(记者 甲)</byline><p>二</p>")], True),
    ("two heads", [("<head>本月关注</head>", "<head>本月关注</head><head>又一</head>")], False),
    ("article without xml:id", [('<div type="article" xml:id="a2">', '<div type="article">')], False),
    ("unknown div type", [('<div type="brief" xml:id="a3">', '<div type="column" xml:id="a3">')], False),
    ("section without head", [("<head>要闻简报</head>", "")], False),
    ("article in front", [('<div type="contents">', '<div type="article" xml:id="x1"><p>……</p></div><div type="contents">')], False),
    ("impossible date", [('docDate when="2020-02-29"', 'docDate when="2020-02-30"')], True),
    ("date not ISO 8601", [('<date when="2020-02-29">', '<date when="29/02/2020">')], True),
    ("page number not a number", [('value="1">1</num>', 'value="一">1</num>')], True),
    ("choice with one child", [("<pb/>", "<choice><sic>工工</sic></choice>")], True),
    ("sic with reg", [("<pb/>", "<choice><sic>工工</sic><reg>工</reg></choice>")], False),
    ("unknown note type", [('note type="source"', 'note type="remark"')], False),
    ("gloss label without item", [("<item><orgName>上街区人民政府办公室</orgName></item>", "")], True),
    ("pb cert not a certainty", [('cert="low"', 'cert="maybe"')], True),
    ("availability without status", [('<availability status="restricted">', "<availability>")], False),
    ("publicationStmt as prose", [("<authority><orgName>上街区人民政府办公室</orgName></authority>", "<p>Made by convert.</p>")], True),
    ("sourceDesc as a flat bibl", [("<biblStruct type=\"newsletter\">", "<bibl type=\"newsletter\">"), ("</biblStruct>", "</bibl>")], False),
    ("duplicate xml:id", [('xml:id="a2"', 'xml:id="a1"')], True),
    ("contents link to no article", [('ref target="#a1"', 'ref target="#a9"')], False),
    ("markup in a pc", [("<pc>。</pc>", '<pc><hi rend="bold">。</hi></pc>')], True),
    ("two fronts", [("<body>", "<front><div type=\"contents\"><list><item/></list></div></front><body>")], True),
]


def mutate(changes: list[tuple[str, str]]) -> tuple[str, int]:
    """docs/model-example.xml with the first occurrence of each text replaced, and the line of the
    first change."""
    text, line = EXAMPLE_TEXT, 0
    for old, new in changes:
        assert old in text, f"{old!r} is no longer in docs/model-example.xml"
        at = text.index(old)
        line = line or text[:at].count("\n") + 1
        text = text[:at] + new + text[at + len(old):]
    return text, line


def own_errors(text: str) -> list[str]:
    try:
        root = parse(text)
    except etree.XMLSyntaxError as err:  # the parser itself rejects a duplicate xml:id
        return [f"line {err.lineno}: {err.msg}"]
    return check_tei(root)


@pytest.mark.parametrize("changes", [m[1] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS])
def test_own_schema_rejects(changes):
    errors = own_errors(mutate(changes)[0])
    assert errors, "accepted"
    assert all(re.match(r"line [1-9][0-9]*: ", e) for e in errors), errors


@pytest.mark.parametrize(("changes", "first_error"), [
    ([("<hi rend=\"bold\">到我区</hi>", "<bold>到我区</bold>")], "p/bold: element 'bold' is not part of the model"),
    ([('<hi rend="bold">', '<hi rend="bold" colour="red">')], "p/hi: attribute 'colour' is not allowed on 'hi'"),
    ([("<body>", "<body><p>正文</p>")], "/TEI/text/body/p: element 'p' is not allowed in 'body'"),
    ([('<div type="brief" xml:id="a3"><p>', '<div type="brief" xml:id="a3">正文<p>')],
     "div[@xml:id='a3']: text is not allowed directly in 'div'"),
    ([('note type="source"', 'note type="remark"')], "type='remark' is not one of contact, continuation, editorial, notice, registration, source, weather"),
    ([('ref target="#a1"', 'ref target="#a9"')], "ref: @target '#a9' names no xml:id in this document"),
    ([('<TEI xmlns="http://www.tei-c.org/ns/1.0"', "<TEI")], "the root element is not in the TEI namespace http://www.tei-c.org/ns/1.0"),
], ids=["unknown element", "unknown attribute", "misplaced element", "loose text", "closed value list",
        "dangling pointer", "no namespace"])
def test_first_error_says_what_is_wrong_where(changes, first_error):
    text, line = mutate(changes)
    errors = own_errors(text)
    assert errors[0].startswith(f"line {line}: ") and errors[0].endswith(first_error), errors


def test_error_names_the_line_and_the_element():
    """libxml2 reports a fault inside a <div> at the <div>; check_tei names the element first."""
    text, line = mutate([('<hi rend="bold">', '<hi rend="italic">')])
    errors = own_errors(text)
    assert errors[0] == (f"line {line}: /TEI/text/body/div[@xml:id='s1']/div[@xml:id='a1']/p/hi: "
                         "rend='italic' is not one of bold"), errors


def test_duplicate_id_in_a_built_tree_is_reported():
    root = parse(EXAMPLE_TEXT)
    a2 = root.xpath("//*[@xml:id='a2']")[0]
    a2.set(XML_ID, "a1")  # lxml lets a tree in memory hold duplicate IDs; the check does not
    errors = check_tei(root)
    assert any("xml:id 'a1' is already used on line" in e for e in errors), errors


def test_line_numbers_of_a_tree_built_in_memory_are_those_of_its_serialisation():
    root = E.TEI(E.teiHeader(), E.text(E.body(E.div(E.p("正文", E.foo("未知")), type="article"))))
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "zh-Hans")
    assert root.sourceline is None
    lines = to_bytes(root).decode("utf-8").splitlines()
    foo = next(i for i, ln in enumerate(lines, 1) if "<foo>" in ln)
    errors = check_tei(root)
    assert any(e.startswith(f"line {foo}: /TEI/text/body/div[@type='article']/p") for e in errors), errors
    assert any(e.startswith("line 3: /TEI/teiHeader: ") for e in errors), errors


def test_tei_p5_also_rejects_what_it_should(tmp_path):
    """The mutations marked so break TEI P5 too: bulletin.rng's order rules are TEI's."""
    files = []
    for name, changes, tei_rejects in MUTATIONS:
        if tei_rejects:
            files.append(tmp_path / f"{re.sub(r'[^a-z0-9]+', '-', name)}.xml")
            files[-1].write_text(mutate(changes)[0], encoding="utf-8")
    verdict = run_jing(*files)
    assert not verdict.ok
    failed = {Path(m.split(":", 1)[0]).name for m in verdict.messages if ": error:" in m or ": fatal:" in m}
    assert failed == {f.name for f in files}, sorted({f.name for f in files} - failed)


# ----------------------------------------------------------------------------- external validators


def test_jing_reports_errors_with_lines(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text(mutate([("<body>", "<body><unknown/>")])[0], encoding="utf-8")
    verdict = run_jing(bad)
    assert not verdict.ok
    assert verdict.counts["error"] >= 1
    assert verdict.messages[0].startswith(f"{bad}:"), verdict.messages


def test_missing_tools_give_verdicts_not_exceptions(monkeypatch, tmp_path):
    for name in ("x.xml", "x.epub", "x.pdf"):
        (tmp_path / name).write_bytes(b"x")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    for verdict in (run_jing(tmp_path / "x.xml"), validate.run_epubcheck(tmp_path / "x.epub"),
                    validate.run_preflight(tmp_path / "x.pdf")):
        assert isinstance(verdict, Verdict)
        assert not verdict.ok
        assert "not found" in verdict.messages[0] and "install" in verdict.messages[0], verdict


def test_missing_tei_schema_is_explained(monkeypatch, tmp_path):
    (tmp_path / "x.xml").write_text(EXAMPLE_TEXT, encoding="utf-8")
    monkeypatch.setenv("CONVERT_TEI_ALL", str(tmp_path / "nowhere.rng"))
    verdict = run_jing(tmp_path / "x.xml")
    assert not verdict.ok
    assert "CONVERT_TEI_ALL" in verdict.messages[0]


def test_missing_preflight_jars_are_explained(monkeypatch, tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(pdfa_validators, "PREFLIGHT_JARS", (tmp_path / "preflight.jar",))
    verdict = validate.run_preflight(tmp_path / "x.pdf")
    assert not verdict.ok
    assert "libpdfbox2-java" in verdict.messages[0]


def test_missing_file_is_a_failed_verdict(tmp_path):
    for verdict in (run_jing(tmp_path / "none.xml"), validate.run_epubcheck(tmp_path / "none.epub"),
                    validate.run_preflight(tmp_path / "none.pdf"),
                    validate.run_pdfa_check(tmp_path / "none.pdf", "2b")):
        assert not verdict.ok
        assert "no such file" in verdict.messages[0]


@pytest.fixture(scope="module")
def plain_pdf(tmp_path_factory) -> Path:
    """A PDF that is not PDF/A: no XMP metadata, no output intent, a non-embedded font."""
    from reportlab.pdfgen import canvas

    path = tmp_path_factory.mktemp("pdf") / "plain.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "not PDF/A")
    pdf.save()
    return path


def test_preflight_rejects_a_pdf_that_is_not_pdfa(plain_pdf):
    verdict = validate.run_preflight(plain_pdf)
    assert not verdict.ok
    assert verdict.counts["error"] == len(verdict.messages) >= 1
    codes = {m.split(":", 1)[0] for m in verdict.messages}
    assert "7.1" in codes, verdict.messages  # PDF/A-1 6.7.2: the catalog needs XMP metadata


def test_pikepdf_rejects_a_pdf_that_is_not_pdfa(plain_pdf):
    verdict = validate.run_pdfa_check(plain_pdf, "2b")
    assert not verdict.ok
    assert verdict.counts["violation"] >= 1
    assert any("ISO_19005_2:6.6.2.1" in m for m in verdict.messages), verdict.messages


def test_external_checks_dispatch_by_format(plain_pdf):
    assert [v.validator for v in validate.external_checks("pdf", plain_pdf, "1b")] == [
        "pikepdf.pdfa (1b)", "preflight"]
    assert [v.validator for v in validate.external_checks("pdf", plain_pdf, "3b")] == [
        "pikepdf.pdfa (3b)"]
    assert [v.validator for v in validate.external_checks("tei", EXAMPLE)] == ["bulletin.rng", "jing"]
    assert all(v.ok for v in validate.external_checks("tei", EXAMPLE))
    assert validate.external_checks("txt", EXAMPLE) == []


def test_epubcheck_counts_and_locates_an_error(tmp_path):
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:0b8a7a8e-1c1f-4f0e-9a55-5d5b2b0c7d11")
    book.set_title("测试")
    book.set_language("zh-Hans")
    page = epub.EpubHtml(title="正文", file_name="text.xhtml", lang="zh-Hans")
    page.content = "<html><body><p>正文<unknown/></p></body></html>"
    book.add_item(page)
    book.toc = [page]
    book.spine = ["nav", page]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    path = tmp_path / "bad.epub"
    epub.write_epub(str(path), book)
    verdict = validate.run_epubcheck(path)
    assert not verdict.ok
    assert verdict.counts["fatal"] == 0
    assert verdict.counts["error"] >= 1
    assert any(m.startswith("ERROR RSC-005 EPUB/text.xhtml:") and '"unknown"' in m
               for m in verdict.messages), verdict.messages


def test_validators_pass_the_writers_outputs(tmp_path):
    """The passing side of every external check: the writers' PDF/A-1b and EPUB of a sample."""
    from convert.options import WriterOptions
    from convert.writers import get_writer

    root = sample_model(SAMPLES[-1])
    opts = WriterOptions(pdfa="1b", source_name=SAMPLES[-1].name)
    verdicts = []
    for fmt, name in (("tei", "x.xml"), ("pdf", "x.pdf"), ("epub", "x.epub")):
        get_writer(fmt)(root, opts, tmp_path / name)
        verdicts += validate.external_checks(fmt, tmp_path / name, "1b")
    assert [v.validator for v in verdicts] == [
        "bulletin.rng", "jing", "pikepdf.pdfa (1b)", "preflight", "epubcheck"]
    assert all(v.ok for v in verdicts), "\n".join(map(str, verdicts))
    assert verdicts[3].counts == {"error": 0}
    assert verdicts[4].counts == {"fatal": 0, "error": 0, "warning": 0, "info": 0, "usage": 0}
