"""The reader's cost grows linearly with its input in the shapes that made it quadratic (issue 24,
case 8): a paragraph cut by a folio on every other line, hard-wrapped lines without a sentence end,
one dot-leader line of 64,000 characters. Times are in the benchmark (bench/growth.py,
bench/growth.md); these tests count the work instead, and check the outcome."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.reader import physical, read_issues
from convert.reader.lines import LEADER_RE, find_leader, split_lines
from convert.tei import xpath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from growth import SHAPES  # noqa: E402  (the benchmark's own generators)


def characters_judged(text: str, monkeypatch) -> int:
    """How many characters of the line so far :func:`physical.decide_break` is given, in all."""
    seen = [0]
    original = physical.decide_break

    def counting(a, *args, **kw):
        seen[0] += len(a.text)
        return original(a, *args, **kw)

    monkeypatch.setattr(physical, "decide_break", counting)
    physical.run_physical(text)
    return seen[0]


def test_unwrapping_looks_at_each_character_a_bounded_number_of_times(monkeypatch):
    """Before, every line joined to a paragraph made the next decision read the whole paragraph so
    far (×16 work for ×4 lines); now it reads the paragraph's end."""
    for shape in ("folio", "wrapped"):
        small = characters_judged(SHAPES[shape](400), monkeypatch)
        large = characters_judged(SHAPES[shape](1600), monkeypatch)
        assert large <= 4.5 * small, (shape, small, large)


def test_a_paragraph_cut_by_folios_is_one_paragraph_with_its_page_breaks():
    n = 600
    docs = read_issues(SHAPES["folio"](n), "folio.txt")
    paras = xpath(docs[0].root, "//tei:body//tei:p")
    assert len(paras) == 1
    assert len(xpath(paras[0], "tei:fw[@type='pageNum']")) == n and len(xpath(paras[0], "tei:pb")) == n


def test_hard_wrapped_lines_without_a_sentence_end_are_one_paragraph():
    n = 600
    text = SHAPES["wrapped"](n)
    docs = read_issues(text, "wrapped.txt")
    paras = xpath(docs[0].root, "//tei:body//tei:p")
    assert len(paras) == 1
    assert "".join(paras[0].itertext()) == "".join(line.strip() for line in text.splitlines())


def test_a_dot_leader_line_without_a_page_number_keeps_its_dots():
    text = SHAPES["leader"](64000)
    line = split_lines(text)[0]
    assert line.page is None and line.text == text.strip()
    docs = read_issues(text, "leader.txt")
    assert "".join(xpath(docs[0].root, "//tei:body")[0].itertext()).count(".") == text.count(".")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=list(".…·．。 \t１234567890a\u3000"), max_size=24))
def test_find_leader_finds_what_the_regular_expression_found(text):
    m = LEADER_RE.search(text)
    assert find_leader(text) == ((m.start(), m.end()) if m else None)


def test_a_contents_line_still_gives_its_page_number():
    line = split_lines("我区召开全区安全稳定工作会议..... 12\n")[0]
    assert (line.text, line.page) == ("我区召开全区安全稳定工作会议", "12")
    assert re.fullmatch(r"\d+", split_lines("标题。。。 ３\n")[0].page)


@settings(max_examples=4000, deadline=None)
@given(st.text(alphabet=list("标题甲乙 \u3000.…·．１2345670") , max_size=22))
def test_match_author_leader_finds_what_the_regular_expression_found(text):
    """The contents line with a leader and an author (``续志编纂……苏明哲　5``) is found in one pass
    from the end: the same spans as the regular expression, whose nested repetition backtracks
    for a time that grows with the square of a long leader or worse."""
    from convert.reader.layout import AUTHOR_LEADER_RE, match_author_leader

    m, got = AUTHOR_LEADER_RE.match(text), match_author_leader(text)
    assert (m is None) == (got is None), (text, m, got)
    if m:
        for name in ("title", "lead", "author", "page"):
            assert m.span(name) == got.span(name), (text, name)


def test_lines_after_blank_lines_that_go_on_one_sentence_are_one_paragraph():
    """The logical stage joins a paragraph's lines across blank lines (old page breaks); for each
    line it reads the paragraph's end (a credit wrapped over two lines ends it), no longer its
    whole text (time quadratic in its lines: 20,000 lines took 171 s, bench/growth.md)."""
    n = 600
    text = SHAPES["wrapped-blank"](n)
    paras = xpath(read_issues(text, "wrapped-blank.txt")[0].root, "//tei:body//tei:p")
    assert len(paras) == 1 and len(xpath(paras[0], "tei:pb")) == n - 1


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["text", "fw", "pb", "hi"]), st.text(alphabet="甲乙 \n。）", max_size=5)),
                max_size=8), st.text(alphabet="甲 ", max_size=3), st.integers(0, 12))
def test_text_end_reads_what_the_whole_text_ends_with(parts, first, n):
    from convert.reader.body import text_end
    from convert.tei import E

    p = E.p(first)
    for kind, s in parts:
        if kind == "text":
            if len(p):
                p[-1].tail = (p[-1].tail or "") + s
            else:
                p.text = (p.text or "") + s
        else:
            p.append(E.pb() if kind == "pb" else E.fw(s) if kind == "fw" else E.hi(s, rend="bold"))
    whole = "".join(p.itertext()).rstrip()
    assert text_end(p, n) == (whole[-n:] if n else "")


def test_a_line_pushed_right_by_the_layout_is_shortened_without_a_warning():
    """pdftotext ``-layout`` pushes a 版记's print run to the right margin with one run of spaces
    as wide as the page (70 here): more than :data:`convert.reader.source.MAX_BLANK_RUN`, so cut
    to it, but no more than :data:`~convert.reader.source.LAYOUT_BLANK_RUN` (a layout's widest),
    so no warning; the run of 513 beside it is named."""
    from convert.reader.source import LAYOUT_BLANK_RUN, MAX_BLANK_RUN, shorten_blank_runs

    text = "抄送：县委办公室。\n" + " " * 70 + "（共印65份）\n"
    warnings: list[str] = []
    out = shorten_blank_runs(text, "a.txt", warnings)
    assert warnings == [] and out == "抄送：县委办公室。\n" + " " * MAX_BLANK_RUN + "（共印65份）\n"
    warnings = []
    shorten_blank_runs(text + "字" + " " * (LAYOUT_BLANK_RUN + 1) + "字\n", "a.txt", warnings)
    assert len(warnings) == 1 and "from line 3" in warnings[0], warnings


def test_a_gap_of_64000_blanks_is_read_as_a_gap_and_named():
    """A run of blanks inside a line is cut to 64 (:data:`convert.reader.source.MAX_BLANK_RUN`)
    before any pass reads it: the patterns that read a gap before a line end (``\\s*…$``) tried
    every start in the run, time growing with its square (the ``gap`` shape of bench/growth.py:
    20,000 blanks took minutes). Whitespace only: every character is kept, and a warning names
    the line."""
    from convert.reader.source import MAX_BLANK_RUN
    from convert.writers.txt import render
    from sampledata import nows, source_content

    text = SHAPES["gap"](64000)
    warnings: list[str] = []
    docs = read_issues(text, "gap.txt", warnings=warnings)
    assert any("from line 3" in w and "shortened" in w for w in warnings), warnings
    assert nows(render(docs[0].root)) == source_content(text)
    body = "".join(xpath(docs[0].root, "//tei:text")[0].itertext())
    assert " " * MAX_BLANK_RUN in body and " " * (MAX_BLANK_RUN + 1) not in body


def test_a_long_gap_read_table_is_looked_at_for_column_heads_a_bounded_number_of_times(monkeypatch):
    """:func:`physical.aligned_tables` reads each line's runs at most twice: once as a candidate
    head, once as a row (before, each row of a gap-read table was tried as a head over all the rows
    under it: ×16 work for ×4 rows)."""
    calls = [0]
    original = physical._runs

    def counting(line):
        calls[0] += 1
        return original(line)

    monkeypatch.setattr(physical, "_runs", counting)
    counts = []
    for n in (200, 800):
        calls[0] = 0
        physical.aligned_tables(split_lines(SHAPES["table"](n)))
        counts.append(calls[0])
    assert counts[1] <= 4.5 * counts[0], counts
