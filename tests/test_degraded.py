"""The reader on text as extraction leaves it (issues #11, #21).

- the degraded copies made outside the project (``samples/degraded/``, the independent writer's
  ``tests/fixtures/series/degraded/``) against their gold: article headings,
  page-break joins inside one ``<p>``, furniture as ``<fw>``, one document per issue;
- every bulletin with a gold file (``tests/degrade.py`` ``CORPUS``: the samples, the genre samples
  of ``samples/genres/``, the fixtures, the series bulletins of ``tests/fixtures/genres/`` and
  ``tests/fixtures/series/``) through every degradation of ``tests/degrade.py`` (random seeds on a developer's
  machine, fixed ones on CI — ``CI`` set — as the hypothesis tests are derandomized there), and
  every ordered pair of samples concatenated;
- in every case: heading precision and recall 1.0, every gold sub-heading at its level, every
  gold join, no line taken for a sub-heading the gold does not give, no false join (of clean text), no heading glued into a paragraph, no page label,
  credit, caption or colophon line as a heading, every inserted furniture line as ``<fw>``, the
  issue's date and numbers in the header, every heading either confirmed (the contents list
  names it, the source marks it) or carrying ``@cert``, the plain-text round trip exact, valid
  against bulletin.rng; on clean text at most one warning per document, the one that says its
  structure rests on the line's shape.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from degrade import (CORPUS, DEGRADATIONS, SHARED, assert_round_trips, concatenate, furniture_text, gold, golds, measure, source_furniture,
                     shared_furniture, shared_source)
from sampledata import first_difference, nows, source_content

from convert.reader.layout import BULLET_CHARS
from convert.reader import read_issues
from convert.tei import xpath
from convert.validators.tei import own_schema
from convert.writers.txt import render

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [p for p in CORPUS if p.parent.name == "samples"]
#: fixed on CI, new each run elsewhere (a failure message names the seed to replay it with
#: ``DEGRADE_SEED``)
BASE_SEED = int(os.environ.get("DEGRADE_SEED", "0" if os.environ.get("CI") else str(random.randrange(10**6))))


def read(text: str) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return read_issues(text, "degraded.txt", warnings=warnings), warnings


#: a printed bullet before a brief's bold run-in head (``■ **head。** text``): the bold still opens the item
_BULLET = "(?:[" + re.escape(BULLET_CHARS) + "]\\s*)?"
MARKED_RE = re.compile(r"^\s*#{1,6}\s+(.*)$|^\s*" + _BULLET + r"(?:\*\*|<b>)(.*?)(?:\*\*|</b>)", re.IGNORECASE)


def marked_lines(text: str) -> set[str]:
    """What the source marks as headings (a ``#`` line, a bold line or the bold run that opens
    one: a brief's run-in head; a bold run a hard wrap carried over several lines), whitespace
    removed."""
    out = set()
    pending = None  # a bold run a hard wrap carried over to the next line(s)
    for line in re.split(r"\r\n|\r|\n", text):
        if pending is not None:
            pending += line
            if len(re.findall(r"\*\*|</?b>", line)) % 2:
                out.add(nows(re.sub(r"\*\*|</?b>", "", pending)))
                pending = None
            continue
        m = MARKED_RE.match(line)
        if m:
            out.add(nows(re.sub(r"\*\*|</?b>", "", m.group(1) or m.group(2) or "")))
        elif re.match(r"^\s*" + _BULLET + r"(?:\*\*|<b>)", line) and len(re.findall(r"\*\*|</?b>", line)) % 2:
            pending = line
    return out


def unconfirmed(root, text: str) -> list[str]:
    """Headings of the body that carry no ``@cert`` though neither the contents list names them
    (a ``ref`` to their division) nor the source marks them: every inferred heading must say so."""
    targets = {t[1:] for t in xpath(root, "//tei:div[@type='contents']//tei:ref/@target")}
    marked = marked_lines(text)
    out = []
    for head in xpath(root, "//tei:body//tei:head[not(@cert)][not(parent::tei:figure)]"):
        div = head.getparent()
        key = nows("".join(head.itertext()))
        if div.get("{http://www.w3.org/XML/1998/namespace}id") not in targets and not any(
                key in m or m in key for m in marked if m):
            out.append(key)
    return out


def check(docs, golds: list[dict], furniture: list[str], text: str, where: str, clean: str | None = None) -> None:
    """Every promise of the issues, one assertion each, for one read file (*clean*: the clean
    text it was made from, for false joins)."""
    assert len(docs) == len(golds), f"{where}: {len(docs)} documents for {len(golds)} issues"
    schema = own_schema()
    fws = []
    for doc, want in zip(docs, golds):
        m = measure(doc.root, want, [], xpath, clean, text)
        assert m["precision"] == 1.0 and m["recall"] == 1.0, \
            f"{where}: headings missing {m['missing']}, wrongly found {m['extra']}"
        assert m["glued"] == [], f"{where}: a heading glued into a paragraph: {m['glued']}"
        assert m["false_joins"] == [], f"{where}: lines run together: {m['false_joins']}"
        assert m["wrong_heads"] == [], f"{where}: not headings, taken for ones: {m['wrong_heads']}"
        found, total = m["subheadings"]
        assert found == total, f"{where}: sub-headings found {found}/{total}"
        assert m["extra_subheadings"] == 0, f"{where}: {m['extra_subheadings']} line(s) wrongly taken for a sub-heading"
        found, total = m["sections"]
        assert found == total and m["extra_sections"] == 0, \
            f"{where}: columns found as sections {found}/{total}, {m['extra_sections']} section heading(s) too many"
        joined, total = m["joins"]
        assert joined == total, f"{where}: joins in one <p> {joined}/{total}"
        found, total = m["header"]
        assert found == total, f"{where}: issue date and numbers in the header {found}/{total}"
        assert unconfirmed(doc.root, text) == [], f"{where}: inferred headings without @cert"
        assert schema.validate(doc.root), f"{where}: bulletin.rng: {schema.error_log}"
        fws += m["fw_list"]  # the source's own page labels and credits aside
    assert sorted(fws) == sorted(furniture_text(f) for f in furniture), f"{where}: fw {fws} vs {furniture}"
    got = "".join(nows(render(d.root)) for d in docs)
    want_text = source_content(text)
    assert got == want_text, f"{where}: txt round trip: {first_difference(got, want_text)}"


#: Cells known to fall short (issue 21 stays open for them), expected to fail, not hidden: README,
#: Limits. (The scan of a hard-wrapped 督查通报 whose paragraph fragments, 督查组在杨, read as titles
#: is read right since the rest of a line set again narrower goes on with its paragraph.)
_SENTENCE_END_CUT = ("a page break that cuts a paragraph right after a full stop (…不因故障停工。 / \\f据统计…) is "
                     "told from one between paragraphs only by where the form feed stands (on the text's own "
                     "line there, on a blank line of its own at the other breaks); with blank lines gone every "
                     "form feed is on a text line, and nothing tells them apart")
_SHORT_REST_OVER_COLUMN_BREAK = (
    "a hard wrap that ends a letter's line right after a full stop leaves the sentence's first words "
    "(我想借镇报) alone on the next line, over the blank line a column break left inside the sentence: "
    "a short line after a finished sentence reads as a new paragraph's start, so the sentence's two "
    "halves stay one paragraph but the line above is another (one seed of one degradation)")
_SENTENCE_END_NO_SIGNAL = (
    "a page break right after a full stop that the gold reads as inside one paragraph (…饺子和汤圆。 / "
    "第 2 页 共 8 页 / 县总工会把这里…): the folio stands between blank lines as at every break, no form "
    "feed, no first-line indents: nothing in the text tells it from a break between two paragraphs")
_OPEN_QUOTE_TITLE = (
    "a scan that wraps a 30-wide hard-wrapped text again at about 25 leaves a full-width line without "
    "clause punctuation that opens a quotation it does not close (…成了年轻人的“打 / 卡地”), read as a "
    "@cert='low' title; a title never leaves “ open with the next line closing it, not yet a rule")
KNOWN_SHORT: dict[tuple[str, str], str] = {
    ("scan", "wenlv-conghe-2025-05-16"): _OPEN_QUOTE_TITLE,
    **{(name, "gonghui-muyuan-2025-no1"): _SENTENCE_END_NO_SIGNAL for name in DEGRADATIONS},
    ("shared", "gonghui-muyuan-2025-no1.pdftotext"): _SENTENCE_END_NO_SIGNAL,
    **{(name, "nongye-liyu-2024-no07-08.two-issues"): _SENTENCE_END_CUT
       for name in ("blank-removed", "wrap-no-blank", "scan")},
    ("wrap-headings", "zhenbao-qingba-2026-05-22"): _SHORT_REST_OVER_COLUMN_BREAK}

@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_SHORT[("shared", p.stem)], strict=True))
                                  if ("shared", p.stem) in KNOWN_SHORT else p for p in SHARED], ids=[p.stem for p in SHARED])
def test_shared_degraded_sample_matches_its_gold(path):
    want = gold(path)
    text = path.read_text(encoding="utf-8")
    docs, _ = read(text)
    clean = shared_source(path)
    check(docs, want.get("issues", [want]), shared_furniture(want), text, path.name,
          clean.read_text(encoding="utf-8") if clean else None)


def test_furniture_stands_where_the_page_broke():
    """pdftotext sample: a folio, the break (pb/@n = the next page) and the running head inside
    the paragraph the page broke in, in source order."""
    path = ROOT / "samples" / "degraded" / "monthly-2020-01-no90.pdftotext.txt"
    root = read(path.read_text(encoding="utf-8"))[0][0].root
    p = [p for p in xpath(root, "//tei:p") if "区领" in "".join(p.itertext())][0]
    names = [(c.tag.rsplit("}", 1)[1], c.get("type") or c.get("n")) for c in p]
    assert names[:3] == [("fw", "pageNum"), ("pb", "3"), ("fw", "header")]
    assert p[0].text == "第 2 页" and re.sub(r"\s+", "", p.text).endswith("区领")
    assert p[2].tail.startswith("导耿勇军")


def test_two_issues_have_their_own_header_and_masthead():
    path = ROOT / "samples" / "degraded" / "monthly-2020-01-02.two-issues.txt"
    docs, warnings = read(path.read_text(encoding="utf-8"))
    assert [xpath(d.root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") for d in docs] == ["90", "91"]
    assert [len(xpath(d.root, "//tei:titlePage")) for d in docs] == [1, 1]
    assert docs[0].first_line == 1 and docs[1].first_line == docs[0].last_line + 1
    assert docs[1].last_line == len(re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8")))
    assert warnings == []


CASES = [pytest.param(name, path, marks=pytest.mark.xfail(reason=KNOWN_SHORT[(name, path.stem)], strict=False))
         if (name, path.stem) in KNOWN_SHORT else (name, path)
         for name in DEGRADATIONS for path in CORPUS]

#: Seeds the wider sweeps found failing (each failed before the change that made it pass):
#: ``(seed, degradation, file)``, replayed on every run.
REPLAYS = [
    (35739, "wrap-no-blank", "samples/genres/supervision-lanhe-2022-no05-06.two-issues.txt"),  # a word cut by a page break
    (327, "scan", "samples/genres/briefing-qinyuan-2021-no12.txt"),  # 要目 entries run together
    (306, "scan", "samples/genres/newspaper-zhangyang-2022-03-11.txt"),  # 报眉 cut inside 第二版
    (308, "wrap-headings", "samples/genres/newspaper-zhangyang-2022-03-11.txt"),  # 报眉 cut before the page's name
    (360, "scan", "samples/genres/newspaper-zhangyang-2022-03-11.txt"),  # 报尾 value cut after （0377）
    (321, "wrap-no-blank", "samples/genres/supervision-lanhe-2022-no05-06.two-issues.txt"),  # 关于…通报 run into its text
    (325, "wrap-no-blank", "tests/fixtures/newsletter-subheads.txt"),  # a title's closing quote wrapped off
    (5011, "scan", "tests/fixtures/genres/briefing-baichuan-2023-no9.txt"),  # a title after a credit run into its text
    (0, "wrap-no-blank", "tests/fixtures/series/briefing-yuling-2023-no09.txt"),  # a title after 按 run into its text
    (0, "wrap-headings", "tests/fixtures/series/briefing-yuling-2023-no09.txt"),  # a right-aligned credit cut in two
    (0, "wrap-headings", "tests/fixtures/series/newspaper-xiuxi-2023-11-03.txt"),  # kicker, wide title, subtitle
    (2, "wrap-headings", "tests/fixtures/series/newspaper-zhiyang-2023-10-20.txt"),  # 准印证 cut before its 号
    (3, "scan", "tests/fixtures/series/newspaper-zhiyang-2023-10-20.txt"),  # lunar date cut in its month
    (9, "wrap-no-blank", "tests/fixtures/series/wenshi-hongan-2022-no3.txt"),  # 哺 | 哺 across a page break
    (14, "wrap-headings", "samples/genres/newspaper-zhangyang-2022-03-11.txt"),  # CN number cut inside (F)
    (33, "wrap-no-blank", "tests/fixtures/series/briefing-yuling-2023-no09.txt"),  # a news lead's X，Y first line
    (44, "scan", "tests/fixtures/series/briefing-tonggang-2024-no02-03.two-issues.txt"),  # a line of digits cut at the column
    (52, "wrap-headings", "tests/fixtures/series/briefing-tonggang-2024-no02-03.two-issues.txt"),  # a bold title wrapped
    (72, "scan", "tests/fixtures/series/briefing-yuling-2023-no09.txt"),  # a title before an indented paragraph
    (76, "scan", "tests/fixtures/series/newspaper-xiuxi-2023-11-03.txt"),  # a 报眉 line cut after its date
    (2, "wrap-no-blank", "tests/fixtures/series/journal-qingya-dangshi-2022-no3.txt"),  # text opens with its title's words
    (1, "pdftotext", "tests/fixtures/series/journal-qingya-dangshi-2022-no3.txt"),  # the same, a blank line between
    (2, "wrap-headings", "tests/fixtures/series/newspaper-sangchuan-2023-04-14.txt"),  # 报眉 weekday wrapped off
    (0, "wrap-headings", "tests/fixtures/series/journal-qingya-dangshi-2022-no3.txt"),  # 内部资料，免费交流 over wrapped entries
    (1, "scan", "tests/fixtures/series/journal-qingya-dangshi-2022-no3.txt"),  # the same, entries cut before their page
    (5, "wrap-headings", "tests/fixtures/series/newspaper-sangchuan-2023-04-14.txt"),  # 报眉 date cut after its month
    (19, "wrap-headings", "tests/fixtures/series/newspaper-sangchuan-2023-04-14.txt"),  # 报眉 date cut inside its year
    (12, "scan", "tests/fixtures/series/newspaper-sangchuan-2023-04-14.txt"),  # the same in a scan
    (3, "furniture-no-ff", "tests/fixtures/series/journal-qingya-dangshi-2022-no3.txt"),  # two running heads at one break
    (11, "scan", "tests/fixtures/series/briefing-heshan-jiaoyu-2023-no07.txt"),  # （单位　单位供稿） run into the next title
    (0, "wrap-headings", "tests/fixtures/series/briefing-fengling-2023-no4.txt"),  # a title-wide line under a sub-head
    (0, "blank-removed", "tests/fixtures/series/journal-xiushan-2022-no3.txt"),  # X：Y title over a unit and a name
    (0, "furniture-no-ff", "tests/fixtures/series/journal-xiushan-2022-no3.txt"),  # a running head under another
    (0, "wrap-no-blank", "tests/fixtures/series/newspaper-lichuan-2023-04-14.txt"),  # 报眼 weather, （上接）X，Y
    (2, "wrap", "tests/fixtures/series/journal-changxi-2023-no2.txt"),  # a re-wrapped fragment after a full stop
    (2, "pdftotext", "tests/fixtures/series/journal-changxi-2023-no2.txt"),  # the same (据现存)
    (0, "blank-removed", "tests/fixtures/series/journal-zheyuan-2022-no4.txt"),  # a title over its author, no blank
    (0, "scan", "tests/fixtures/series/journal-zheyuan-2022-no4.txt"),  # the same, a leader cut by the wrap
    (0, "furniture-no-ff", "tests/fixtures/series/journal-zheyuan-2022-no4.txt"),  # a running head under another
    (1, "pdftotext", "tests/fixtures/series/nongqing-yutang-2022-no09-10.two-issues.txt"),  # 编印 line under a break
    (0, "blank-removed", "tests/fixtures/series/newspaper-songpi-2023-10-13.txt"),  # 导读 entry over the weather
    (0, "blank-removed", "tests/fixtures/series/briefing-sangting-2023-no5.txt"),  # 主送 line over the text
    (105, "wrap-no-blank", "tests/fixtures/series/newspaper-songpi-2023-10-13.txt"),  # a quotation's speaker cut off
]


@pytest.mark.parametrize("seed,name,rel", REPLAYS, ids=[f"{s}-{n}-{Path(r).stem}" for s, n, r in REPLAYS])
def test_seeds_the_sweeps_found(seed, name, rel):
    path = Path(__file__).resolve().parent.parent / rel
    clean = path.read_text(encoding="utf-8")
    text, furniture = DEGRADATIONS[name](clean, random.Random(f"{seed}:{name}:{path.name}"))
    check(read(text)[0], golds(path), furniture + source_furniture(path), text, f"{name} × {path.stem} (DEGRADE_SEED={seed})", clean)


@pytest.mark.parametrize("name,path", CASES, ids=[f"{n}-{p.stem}" for n in DEGRADATIONS for p in CORPUS])
def test_every_degradation_of_every_sample(name, path):
    seed = f"{BASE_SEED}:{name}:{path.name}"
    clean = path.read_text(encoding="utf-8")
    text, furniture = DEGRADATIONS[name](clean, random.Random(seed))
    docs, warnings = read(text)
    check(docs, golds(path), furniture + source_furniture(path), text, f"{name} × {path.stem} (DEGRADE_SEED={BASE_SEED})", clean)
    if name in ("clean", "crlf", "blank-doubled"):
        assert len(warnings) <= len(docs) and all("structure rests on weak evidence" in w for w in warnings), \
            f"warnings on clean text: {warnings}"


PAIRS = [(a, b) for a in SAMPLES for b in SAMPLES if a != b]


@pytest.mark.parametrize("a,b", PAIRS, ids=[f"{a.stem}+{b.stem}" for a, b in PAIRS])
@pytest.mark.parametrize("name", ["clean", "pdftotext", "scan"])
def test_two_samples_concatenated_give_two_documents(name, a, b):
    rng = random.Random(f"{BASE_SEED}:{name}:{a.name}:{b.name}")
    ta, fa = DEGRADATIONS[name](a.read_text(encoding="utf-8"), rng)
    tb, fb = DEGRADATIONS[name](b.read_text(encoding="utf-8"), rng)
    text = concatenate(ta, tb)
    docs, _ = read(text)
    clean = concatenate(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
    check(docs, golds(a) + golds(b), fa + source_furniture(a) + fb + source_furniture(b), text, f"{name}: {a.stem} + {b.stem} (DEGRADE_SEED={BASE_SEED})", clean)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clean_samples_say_which_headings_rest_on_line_shape(path):
    """A monthly's headings are all confirmed (its contents list, its markup): no @cert, no
    warning. The newspaper prints its titles without markup: each carries @cert and the document
    gets one warning saying its structure rests on the line's shape (issue #21)."""
    text = path.read_text(encoding="utf-8")
    docs, warnings = read(text)
    root = docs[0].root
    # a <pb cert="low"/> is a page start placed from the contents list (the page may begin
    # earlier), not a reading of a line (docs/tei-model.md)
    certs = xpath(root, "//tei:text//*[not(self::tei:pb)][@cert]")
    if path.name.startswith("monthly"):
        assert warnings == [] and certs == []
    else:
        assert len(warnings) == 1 and "structure rests on weak evidence" in warnings[0]
        assert certs and all(el.tag.endswith("}head") for el in certs)
    assert unconfirmed(root, text) == []


def test_form_feeds_of_a_file_are_evidence_not_a_warning():
    """Read from a file, the form feeds (page ends) are taken out before the XML clean-up and
    given to the reader: no warning about U+000C, and each page break gets its pb."""
    from convert.reader import load_input

    path = ROOT / "samples" / "degraded" / "monthly-2020-01-no90.pdftotext.txt"
    warnings: list[str] = []
    root = load_input(path, warnings=warnings).root
    assert not any("U+000C" in w for w in warnings), warnings
    n_feeds = path.read_text(encoding="utf-8").count("\f")
    pbs = xpath(root, "//tei:text//tei:pb[@n]")
    assert len(pbs) == n_feeds and all(pb.getnext() is not None and pb.getnext().get("type") == "header" for pb in pbs)


def test_what_the_reader_makes_of_degraded_text_is_valid_tei_all(tmp_path):
    """fw, pb/@n and @cert where the degraded text gives them: valid against TEI P5 tei_all.rng
    too (one jing run over every shared degraded sample and a pdftotext-like degradation)."""
    from convert.tei import to_bytes
    from convert.validators.tei import run_jing

    files = []
    texts = [p.read_text(encoding="utf-8") for p in SHARED]
    texts.append(DEGRADATIONS["scan"](SAMPLES[-1].read_text(encoding="utf-8"), random.Random(BASE_SEED))[0])
    for k, text in enumerate(texts):
        for j, doc in enumerate(read(text)[0]):
            path = tmp_path / f"d{k}-{j}.xml"
            path.write_bytes(to_bytes(doc.root))
            files.append(path)
    roots = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "<fw " in roots and "<pb n=" in roots and 'cert="medium"' in roots
    verdict = run_jing(*files)
    assert verdict.ok, str(verdict)


# any bulletin-like text with the layout extraction leaves (folios, running heads, form feeds,
# hard wraps, CRLF, issue-number lines) is read without error and round-trips exactly
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CJK = "的区委员会召开工作会议疫情防控我上街镇办社区要求强调指出年月日书记长领导督导检查"
_piece = st.text(alphabet=_CJK + "，。、；：？！“”（）《》,.;:()—…·" + "0123456789 　", min_size=1, max_size=45)
_layout = st.sampled_from(["— {n} —", "- {n} -", "第 {n} 页", "{n}", "\f上街时讯   2020年第{n}期",
                           "\f", "", "第{n}期(总第{n}期)", "(共印 {n} 份)", "## {p}", "**{p}**", "{p}"])


@st.composite
def _extracted(draw):
    lines = []
    for _ in range(draw(st.integers(1, 40))):
        form = draw(st.one_of(_layout, _layout.map(lambda _: "{p}")))
        lines.append(form.format(n=draw(st.integers(1, 99)), p=draw(_piece)))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_extracted())
def test_any_extracted_looking_text_round_trips(text):
    if not source_content(text):
        return
    assert_round_trips(read(text)[0], text)


def test_a_folio_shaped_like_a_list_bullet_keeps_its_dashes():
    """``- 3 -`` is a folio, not a ``- `` bulleted line: kept whole as ``<fw type="pageNum">``
    and given back by the plain text (TEI-CONVENTIONS.md point 7)."""
    text = ("上街时讯\n\n## 标题一\n\n第一段文字，这是很长的一段话，说的是防控\n\n- 3 -\n\n"
            "工作的安排。\n\n- 市领导督导检查\n")
    root = read(text)[0][0].root
    assert ["".join(f.itertext()) for f in xpath(root, "//tei:fw")] == ["- 3 -"]
    assert "- 3 -" in render(root) and "- 市领导" not in render(root)  # the real bullet's markup goes


def test_a_wrapped_line_ending_in_a_book_title_stops_mid_sentence():
    """A hard-wrapped line that ends with a title's closing 》 (GB/T 15834-2011 4.15) goes on in
    the line under it: running the two together is no false join."""
    import degrade

    assert degrade.mid_sentence("全县完成了《某某年鉴（2023）》", "编纂出版，另有初稿。")
    assert not degrade.mid_sentence("全县完成了年鉴编纂。”", "另有初稿。")
    clean = ("　　去年全县各地的方志系统完成了《某某年鉴（2023）》\n编纂出版，新编村志三部，地方志工作位列第二。\n\n"
             "　　另一段的文字，说的是别的事情，写得比较长一些。\n")
    blocks = ["去年全县各地的方志系统完成了《某某年鉴（2023）》编纂出版，新编村志三部，地方志工作位列第二。",
              "另一段的文字，说的是别的事情，写得比较长一些。"]
    assert degrade.false_joins(blocks, clean, []) == []


def test_a_wrapped_line_ending_a_sentence_inside_an_indented_blank_separated_paragraph_goes_on():
    """A clean text hard-wrapped with blank lines between its paragraphs and a first-line indent
    opening each: a line right under another, not indented, is the same paragraph even when the
    line above ends a sentence, so one <p> of the two is no false join."""
    import degrade

    clean = ("　　第一段的文字写得比较长一些，说的是一件事情，这件事情说完了。\n"
             "接着还是第一段的文字，这一段到这里才算真正地结束了。\n\n"
             "　　第二段的文字，说的是别的事情，写得也比较长一些。\n\n"
             "　　第三段的文字，说的是另外的事情，写得也比较长一些。\n")
    blocks = ["第一段的文字写得比较长一些，说的是一件事情，这件事情说完了。接着还是第一段的文字，这一段到这里才算真正地结束了。",
              "第二段的文字，说的是别的事情，写得也比较长一些。", "第三段的文字，说的是另外的事情，写得也比较长一些。"]
    assert degrade.false_joins(blocks, clean, []) == []


def test_a_short_last_line_under_a_line_ending_in_a_quote_mid_sentence_goes_on_in_an_indented_text():
    """In a text hard-wrapped with no blank lines, each paragraph opened by its first-line indent,
    a paragraph's short last line (flush, ending a sentence) under a line that ends with a closing
    quote after no sentence mark (``…由“点上美”向“面上美”`` / ``延伸。``) is the same paragraph:
    one block of the two is no false join."""
    import degrade

    clean = "".join(f"　　第{n}段的文字写得比较长一些，说的是一件事情，要让它从“点上好”向“面上好”\n延伸。\n"
                    for n in range(4))
    blocks = [f"第{n}段的文字写得比较长一些，说的是一件事情，要让它从“点上好”向“面上好”延伸。" for n in range(4)]
    assert degrade.false_joins(blocks, clean, []) == []


def test_a_wrapped_line_ending_in_a_quote_mid_sentence_goes_on_whatever_the_layout():
    """A text hard-wrapped with no blank lines inside its paragraphs, many other lines set apart
    by blank lines (masthead, column names, folios): a line of prose that ends with a closing quote
    after no sentence mark (``…镇首个“便民驿站”``) and the flush prose line under it are one
    paragraph's wrapped lines, so one block of the two is no false join. (Failed before: the text
    was neither wrapped-with-blanks nor indent-marked by the measure's counts.)"""
    import degrade

    item = "    {n}.某镇驿站挂牌　某月某日，某镇首个“便民驿站”\n在镇文化站挂牌，驿站设有康复训练室和咨询台。\n"
    clean = "".join(f"第{c}栏\n\n" + "".join(item.format(n=3 * c + k) for k in range(3)) + "\n" for c in range(4))
    blocks = [f"第{c}栏" for c in range(4)] + [
        f"{n}.某镇驿站挂牌　某月某日，某镇首个“便民驿站”在镇文化站挂牌，驿站设有康复训练室和咨询台。" for n in range(12)]
    assert degrade.false_joins(blocks, clean, []) == []


def test_the_layout_of_each_part_of_a_concatenation_is_decided_on_its_own():
    """Two files run together (:func:`degrade.concatenate`): a journal hard-wrapped with no blank
    lines, each paragraph opened by its first-line indent, then a briefing that sets its
    paragraphs apart with blank lines. A wrapped line of the journal that ends a sentence goes on
    in the unindented line under it: one block of the two is no false join, though the whole
    text, the briefing's blank lines counted, is no indent-marked text."""
    import degrade

    journal = "".join(f"　　第{n}段的文字写得比较长一些，说的是一件事情，这件事情说完了。\n"
                      f"接着还是第{n}段的文字，这一段到这里才算真正地结束了，没有别的。\n" for n in range(30))
    briefing = "".join(f"第{n}条简讯的文字，说的是别的事情，写得也比较长一些。\n\n" for n in range(20))
    clean = degrade.concatenate(journal, briefing)
    blocks = [f"第{n}段的文字写得比较长一些，说的是一件事情，这件事情说完了。接着还是第{n}段的文字，这一段到这里才算真正地结束了，没有别的。"
              for n in range(30)] + [f"第{n}条简讯的文字，说的是别的事情，写得也比较长一些。" for n in range(20)]
    assert degrade.false_joins(blocks, journal, []) == []
    assert degrade.false_joins(blocks, clean, []) == []


def test_the_measure_counts_a_join_inside_an_editors_note():
    """A page break that cut an editor's note (编后：…, set as ``<note>``) and was mended inside it
    is a join as one inside a paragraph is: the measure looks for the gold's joins in notes too."""
    from lxml import etree
    tei = ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><div type='article'><head>甲</head>"
           "<p>正文一句。</p><note type='editorial'><label>编后：</label>本期两篇，一写山，一写"
           "<fw type='pageNum'>· 2 ·</fw><pb n='3'/>水，都好。</note></div></body></text></TEI>")
    root = etree.fromstring(tei)
    want = {"articles": [{"head": "甲"}], "joins": ["一写山，一写水"]}
    assert measure(root, want, [], xpath)["joins"] == (1, 1)
