"""Traditional-Chinese variants made with OpenCC on the TEI model (convert.variant)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from sampledata import SAMPLE_IDS, SAMPLES, first_difference, nows

from convert.reader import read_file
from convert.tei import XML_LANG, xpath
from convert.variant import (BACK, CONFIGS, CORNER_QUOTES, Report, converter, dictionary_entries, make_variant,
                             regional_quotes)
from convert.writers.txt import render

TAGS = list(CONFIGS)
ROOT = Path(__file__).resolve().parent.parent
#: Every place on the samples where converting a variant back to Simplified does not give the
#: source, and why: the source prints a stray Traditional character (強 for 强), which is
#: converted back to its Simplified form.
BACK_DIFFERENCES = {"monthly-2020-02-no91": [("強", "强")]}


@pytest.fixture(scope="module", params=SAMPLES, ids=SAMPLE_IDS)
def sample(request):
    return request.param, read_file(request.param)


@pytest.mark.parametrize("tag", TAGS)
def test_txt_is_the_conversion_of_the_source_content(sample, tag):
    """The variant's text is the source's converted as one string, but for the document-wide
    rules: the regional quotation marks (zh-Hant-TW/HK) and the terms made one form (each
    difference is one of the report's terms)."""
    _, root = sample
    report = Report()
    got = nows(render(make_variant(root, tag, report=report)))
    want = nows(converter(CONFIGS[tag]).convert(render(root)))
    if tag in CORNER_QUOTES:
        want = regional_quotes(want)[0]
    unified = {(a, b) for forms, chosen, _n in report.terms.values() for form in forms
               for a, b in zip(form, chosen) if a != b}
    assert len(got) == len(want)
    diffs = {(w, g) for g, w in zip(got, want) if g != w}
    assert diffs <= unified, first_difference(got, want)


#: Quotation marks of either style as one sign (for the back conversion: the corner brackets go
#: by nesting depth, so a source's ‘ ’ at the outer level comes back as “ ”; regional_quotes' own
#: tests check the nesting).
ANY_QUOTE = str.maketrans("「」『』“”‘’", '""""""""')


@pytest.mark.parametrize("tag", TAGS)
def test_back_conversion_gives_the_source(sample, tag):
    path, root = sample
    source = nows(render(root))
    back = converter(BACK[tag], False).convert(nows(render(make_variant(root, tag))))
    assert len(back) == len(source)
    diffs = [(a, b) for a, b in zip(source.translate(ANY_QUOTE), back.translate(ANY_QUOTE)) if a != b]
    assert diffs == BACK_DIFFERENCES.get(path.stem, [])


@pytest.mark.parametrize("tag", TAGS)
def test_markup_is_untouched_and_language_recorded(sample, tag):
    _, root = sample
    variant = make_variant(root, tag)
    assert variant.get(XML_LANG) == tag
    assert xpath(variant, "string(//tei:langUsage/tei:language/@ident)") == tag
    assert xpath(variant, "string(//tei:appInfo/tei:application[@ident='OpenCC']/@version)")
    shape = lambda r: [(el.tag, dict(el.attrib)) for el in xpath(r, "tei:text")[0].iter()]
    assert shape(variant) == shape(root)
    assert root.get(XML_LANG) == "zh-Hans"  # the source model is not modified


@pytest.mark.parametrize("simplified,traditional", dictionary_entries())
@pytest.mark.parametrize("tag", TAGS)
def test_project_dictionary_entry(tag, simplified, traditional):
    got = converter(CONFIGS[tag]).convert(f"在{simplified}方面")
    # the regional step after the dictionary may only change characters to regional forms
    regional = converter(CONFIGS[tag], False).convert(traditional) if tag != "zh-Hant" else traditional
    assert got == f"在{converter(CONFIGS[tag]).convert(simplified)}方面"
    assert converter(CONFIGS[tag]).convert(simplified) in (traditional, regional)
    assert converter(CONFIGS[tag], False).convert(simplified) != traditional  # OpenCC alone errs


@pytest.mark.parametrize(
    "tag,source,expected",
    [
        ("zh-Hant-TW", "我区召开疫情防控工作调度会", "我區召開疫情防控工作調度會"),  # not 排程會 (s2twp)
        ("zh-Hant-TW", "三湾街社区", "三灣街社區"),  # not 社群
        ("zh-Hant", "对表现突出的干部要给予表彰", "對表現突出的幹部要給予表彰"),
        ("zh-Hant-TW", "传统制造业等方面", "傳統製造業等方面"),
        ("zh-Hant-HK", "传统制造业等方面", "傳統製造業等方面"),
        ("zh-Hant", "虎荣鑫陪同", "虎榮鑫陪同"),  # a name: script only
    ],
)
def test_script_not_vocabulary(tag, source, expected):
    assert converter(CONFIGS[tag]).convert(source) == expected


def test_phrase_across_inline_element_is_converted_as_a_phrase():
    from convert.tei import E

    root = read_file(SAMPLES[0])
    p = xpath(root, "//tei:body//tei:p")[0]
    p.text, p[:] = "对", []
    p.append(E.hi("表现", rend="bold"))
    p[-1].tail = "突出"
    variant = make_variant(root, "zh-Hant")
    vp = xpath(variant, "//tei:body//tei:p")[0]
    assert (vp.text, vp[0].text, vp[0].tail) == ("對", "表現", "突出")


# -- every writer renders the variant --------------------------------------------------------

REGIONAL_FACE = {"zh-Hant": "UMingTW", "zh-Hant-TW": "UMingTW", "zh-Hant-HK": "UMingHK"}


@pytest.fixture(scope="module")
def variant_pdfs(tmp_path_factory):
    """``{(sample stem, tag): (variant root, pdf path)}`` written through the CLI."""
    from convert.cli import main

    out = tmp_path_factory.mktemp("variant-pdf")
    assert main([*map(str, SAMPLES), "--to", "pdf", "--variant", ",".join(TAGS), "-o", str(out), "-q"]) == 0
    return {(p.stem, tag): (make_variant(read_file(p), tag), out / f"{p.stem}.{tag}.pdf")
            for p in SAMPLES for tag in TAGS}


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("stem", SAMPLE_IDS)
def test_variant_pdf_is_valid_regional_and_gives_back_the_variant_text(variant_pdfs, stem, tag):
    import pikepdf
    import pikepdf.pdfa
    from test_pdf import body_text, expected_text, named_destination_pages

    root, path = variant_pdfs[(stem, tag)]
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == tag
        assert not pikepdf.pdfa.check(pdf, "2b").findings
        faces = {str(f.BaseFont).split("+")[-1].rsplit("-", 1)[0]
                 for page in pdf.pages for f in page.Resources.Font.values()}
    assert REGIONAL_FACE[tag] in faces and "UMingCN" not in faces
    got = nows(body_text(path))
    want = expected_text(root, named_destination_pages(path))
    assert got == want, first_difference(got, want)


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("stem", SAMPLE_IDS)
def test_variant_epub_declares_the_tag_and_gives_back_the_variant_text(stem, tag):
    from test_epub import Package, body_text, tei_content

    from convert.options import WriterOptions
    from convert.writers import epub as epub_writer

    variant = make_variant(read_file(next(p for p in SAMPLES if p.stem == stem)), tag)
    pkg = Package(epub_writer.build(variant, WriterOptions()))
    assert pkg.dc("language") == [tag]
    for href in pkg.spine():
        doc = pkg.doc(href)
        assert doc.get("{http://www.w3.org/XML/1998/namespace}lang") == tag
    got = "".join(body_text(pkg.doc(href)) for href in pkg.spine())
    want = tei_content(variant)
    assert got == want, first_difference(got, want)


@pytest.mark.parametrize("tag", TAGS)
def test_variant_epub_passes_epubcheck_with_regional_embedded_font(tag, tmp_path):
    import io
    import shutil

    from fontTools.ttLib import TTFont
    from test_epub import EPUBCHECK_JAR, Package, assert_epubcheck_clean

    from convert.options import WriterOptions
    from convert.writers import epub as epub_writer

    if EPUBCHECK_JAR is None or shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java")
    variant = make_variant(read_file(SAMPLES[-1]), tag)
    data = epub_writer.build(variant, WriterOptions(embed_fonts=True))
    pkg = Package(data)
    font = next(i for i in pkg.items.values() if i.get("href") == "fonts/body.ttf")
    family = TTFont(io.BytesIO(pkg.zf.read(pkg.path(font.get("href")))))["name"].getDebugName(4)
    assert family == {"zh-Hant": "AR PL UMing TW", "zh-Hant-TW": "AR PL UMing TW",
                      "zh-Hant-HK": "AR PL UMing HK"}[tag]
    path = tmp_path / "v.epub"
    path.write_bytes(data)
    assert_epubcheck_clean(path)


# -- issue #13: class rules, reviewed disagreements, writer-derived strings ----------------------
from convert.variant import CLASSES, convert_string, particles, reviewed  # noqa: E402

#: The verb + 明 + aspect-particle class the issue reports (指明了方向 → 指明瞭方向), and members it
#: does not name: the rule is the class, not these phrases.
PARTICLE_CASES = ["指明了方向", "查明了原因", "阐明了立场", "标明了位置", "写明了要求", "讲明了道理",
                  "申明了纪律", "载明了条款", "探明了储量", "点明了主题", "声明了立场", "表明了态度"]


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("source", PARTICLE_CASES)
def test_aspect_particle_le_is_never_liao(tag, source):
    got = converter(CONFIGS[tag]).convert(source)
    assert "瞭" not in got and got[source.index("了")] == "了", got
    assert len(got) == len(source)


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("source,word", [("简单明了", "明瞭"), ("一目了然", "一目瞭然"), ("了解情况", "瞭解"),
                                         ("明了情况", "明瞭"), ("登高瞭望", "瞭望")])
def test_liao_stays_in_its_own_words(tag, source, word):
    """The rule reaches the particle only: 瞭 (understand, clear, look afar) is kept as OpenCC writes it."""
    assert word in converter(CONFIGS[tag]).convert(source)


def test_particle_rule_is_in_the_project_dictionary():
    assert particles()["了"][0] == "了"


@pytest.mark.parametrize("word,form", sorted((w, f) for w, (f, _r) in reviewed().items()))
def test_reviewed_disagreement_keeps_opencc_and_really_disagrees(word, form):
    """Each #keep decision: our zh-Hant conversion gives OpenCC's form, and the independent
    converter (zhconv, MediaWiki tables) gives another (else there was nothing to decide)."""
    zhconv = pytest.importorskip("zhconv")
    assert converter("s2t").convert(word) == form
    assert zhconv.convert(word, "zh-hant") != form
    assert any(ch in word for cls in CLASSES for ch in cls[:1])


def test_crosscheck_over_the_samples_leaves_no_disagreement_undecided(capsys):
    pytest.importorskip("zhconv")
    import importlib.util

    spec = importlib.util.spec_from_file_location("crosscheck", ROOT / "scripts" / "opencc-crosscheck.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([str(ROOT / "samples")]) == 0
    out = capsys.readouterr().out
    assert "without a decision: 0" in out
    assert int(re.search(r"total disagreements on watched characters: (\d+)", out).group(1)) > 0


@pytest.mark.parametrize("tag,expected", [("zh-Hans", "总第92期"), ("zh-Hant", "總第92期"),
                                          ("zh-Hant-TW", "總第92期"), ("zh-Hant-HK", "總第92期")])
def test_writer_derived_strings_follow_the_variant(tag, expected):
    assert convert_string("总第92期", tag) == expected


@pytest.mark.parametrize("tag", ["zh-Hant-HK", "zh-Hant-TW"])
def test_every_writer_string_of_a_variant_is_in_its_script(tag):
    """PDF Info (title, author, subject, keywords), EPUB OPF metadata and navigation labels of
    a Traditional variant hold no character OpenCC would still convert, but for what catalogues
    match the editions of one issue on, which stays as printed: identifiers and the series name
    (``xml:lang="zh-Hans"``, with its converted form as an ``alternate-script`` refinement)."""
    from convert.options import WriterOptions
    from convert.reader import read_bulletin
    from convert.writers import epub as epub_writer
    from convert.writers.epub.nav import labels
    from convert.writers.pdf import Metadata

    path = ROOT / "samples" / "monthly-2020-01-no90.txt"
    root = make_variant(read_bulletin(path.read_text(encoding="utf-8"), path.name), tag)
    meta = Metadata(root)
    strings = [meta.title, meta.author, meta.subject, meta.keywords, meta.running_head, *labels(tag).values()]
    data = epub_writer.build(root, WriterOptions())
    import io
    import zipfile

    zf = zipfile.ZipFile(io.BytesIO(data))
    opf = etree.fromstring(zf.read("EPUB/content.opf"))
    printed = [e for e in opf.iter() if isinstance(e.tag, str) and (
        e.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
        or e.tag == "{http://purl.org/dc/elements/1.1/}identifier")]
    assert any(e.get("property") == "belongs-to-collection" for e in printed)
    strings += [e.text for e in opf.iter() if isinstance(e.tag, str) and e.text and e.text.strip()
                and e not in printed]
    nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
    strings += [t for t in nav.itertext() if t.strip()]
    conv = converter(CONFIGS[tag])
    unconverted = [s for s in strings if conv.convert(s) != s]
    assert unconverted == []
    assert "總第90期" in meta.subject


# -- issue #23: quotation marks of the Taiwan and Hong Kong editions -------------------------------
@pytest.mark.parametrize("source,expected", [
    ("他说：“要落实‘四早’原则。”", "他说：「要落实『四早』原则。」"),            # nesting kept
    ("“甲‘乙“丙”乙’甲”", "「甲『乙「丙」乙』甲」"),                              # three levels
    ("推进例会和‘红黑旗’等工作机制", "推进例会和「红黑旗」等工作机制"),            # depth, not shape
    ("“第一段没有收尾", "「第一段没有收尾"),                                       # continued quotation
    ("接着上一段。”", "接着上一段。」"),
    ("Xi’an 与 “西安”", "Xi’an 与 「西安」"),                                       # an apostrophe
])
def test_regional_quotes(source, expected):
    out, count = regional_quotes(source)
    assert out == expected and len(out) == len(source)
    assert count == sum(a != b for a, b in zip(source, out))


@pytest.mark.parametrize("tag", TAGS)
def test_taiwan_and_hong_kong_editions_set_corner_brackets_and_say_so(sample, tag):
    _, root = sample
    variant = make_variant(root, tag)
    text = render(variant)
    notes = xpath(variant, "//tei:editorialDecl/tei:normalization[@method='silent']/tei:p")
    if tag in CORNER_QUOTES:
        assert not set("“”‘’") & set(text) and set("「」") <= set(text)
        assert len(notes) == 1 and "「 」" in notes[0].text and "--keep-quotes" in notes[0].text
    else:
        assert not set("「」") & set(text) - set(render(root)) and not notes
    kept = make_variant(root, tag, quotes=False)
    assert not set("「」『』") & set(render(kept)) - set(render(root))
    if tag in CORNER_QUOTES:
        note = xpath(kept, "//tei:editorialDecl/tei:normalization[@method='silent']/tei:p")[0].text
        assert "kept as printed" in note
    from convert.validate import check_tei

    assert check_tei(variant) == [] and check_tei(kept) == []


def test_keep_quotes_option(tmp_path):
    from convert.cli import main

    sample = SAMPLES[0]
    assert main([str(sample), "--to", "txt", "--variant", "zh-Hant-TW", "-o", str(tmp_path / "a"), "-q"]) == 0
    assert main([str(sample), "--to", "txt", "--variant", "zh-Hant-TW", "--keep-quotes", "-o",
                 str(tmp_path / "b"), "-q"]) == 0
    a = (tmp_path / "a" / f"{sample.stem}.zh-Hant-TW.txt").read_text(encoding="utf-8")
    b = (tmp_path / "b" / f"{sample.stem}.zh-Hant-TW.txt").read_text(encoding="utf-8")
    assert "「" in a and "“" not in a and "“" in b and "「" not in b


# -- issue #23: overlapping words (OpenCC's longest match across a true word boundary) -------------
@pytest.mark.parametrize("tag,source,expected", [
    ("zh-Hant", "负责人参加了会议", "負責人參加了會議"),          # 人参 (ginseng, 人蔘) across 负责人/参加
    ("zh-Hant-HK", "负责人参加了会议", "負責人參加了會議"),
    ("zh-Hant-TW", "参演人员对冲锋舟操作", "參演人員對衝鋒舟操作"),  # 对冲 (hedge, 對沖) across 对/冲锋舟
    ("zh-Hant", "也没有采取有效的督促", "也沒有採取有效的督促"),      # 有采 across 没有/采取
    ("zh-Hant-TW", "建立操作台账并更新", "建立操作臺賬並更新"),      # 操作台 (檯) across 操作/台账
    ("zh-Hant-HK", "建立操作台账并更新", "建立操作台賬並更新"),      # not 枱賬
    ("zh-Hant", "在太溪湖公园", "在太溪湖公園"),                  # 太溪 (an acupoint, 太谿) across 太/溪湖
    ("zh-Hant", "窗口统一出件", "窗口統一出件"),                  # 一出 (a play, 一齣) across 统一/出件
    ("zh-Hant", "群众步行十几里路", "羣衆步行十幾里路"),          # 里 the unit: the project dictionary's 十几里
    ("zh-Hant", "习近平复信", "習近平覆信"),                      # a dictionary phrase of whole words stands
])
def test_overlapping_matches_are_decided_by_the_segmenters_words(tag, source, expected):
    assert converter(CONFIGS[tag]).convert(source) == expected
    # OpenCC alone errs, but where its phrase was right and the word alone would not be (十几里路:
    # 十几里 converted alone gives 裏, inside) or the phrase is the project dictionary's own
    assert converter(CONFIGS[tag], False).convert(source) != expected or source in ("群众步行十几里路", "习近平复信")


def test_every_term_takes_one_form_in_a_document():
    """台账 (ledger) written 臺賬 in one sentence and 檯賬 in another (an OpenCC phrase across
    the word in one of them): one form, the word's own, in the whole document."""
    from convert.tei import E

    root = read_file(SAMPLES[0])
    paras = xpath(root, "//tei:body//tei:p")
    paras[0].text = "各单位要建立操作台账。"
    paras[1].text = "台账要及时更新，做到了解情况。"
    paras[2].text = "据了解，工作已经完成。"
    report = Report()
    variant = make_variant(root, "zh-Hant-TW", report=report)
    vparas = xpath(variant, "//tei:body//tei:p")
    assert "操作臺賬" in vparas[0].text and vparas[1].text.startswith("臺賬")
    assert [(o.phrase, o.word, o.opencc, o.chosen) for o in report.overlaps][:1] == [("操作台", "台账", "檯", "臺")]
    # 了解: 瞭解 alone, but 据了 (a phrase of OpenCC's) gives 了解 in the third paragraph
    forms = {vparas[1].text[-5:-3], vparas[2].text[1:3]}
    assert forms == {"瞭解"}, forms
    assert report.terms["了解"][1] == "瞭解"
    record = xpath(variant, "string(//tei:application[@ident='OpenCC']/tei:p[2])")
    assert "操作台 crossed 台账" in record and "了解: 了解/瞭解 → 瞭解" in record
