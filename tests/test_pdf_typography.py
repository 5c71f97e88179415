"""PDF typography and the contents page as a reader sees them (issue #13, points 5 and 6):

- the contents list labels its two page columns (原刊页 over the printed page numbers, PDF页 over
  the page labels of this file), right-aligned over them, above the first row;
- adjacent full-width punctuation is compressed (clreq §3.1.6): ``，“`` ``”（`` ``。”`` take 1.5 em;
- a space between a Chinese label and the value that ends its line is kept (the running head
  ``总第90期 2020-01``, the cover line ``监督电话 67183172``); a number inside a sentence takes none;
- headings break only between words (jieba) and their lines are balanced.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from convert.options import STYLES_DIR, WriterOptions
from convert.reader import read_file
from convert.writers import pdf as pdf_writer
from convert.writers.pdf.fonts import FontSet
from convert.writers.pdf.text import (BREAK, Glyph, Kinsoku, Span, break_heading, break_lines, compress_punctuation,
                                      normalise_space, to_glyphs, word_starts)
from sampledata import SAMPLES

STYLE = json.loads((STYLES_DIR / "pdf.json").read_text(encoding="utf-8"))
RULES = Kinsoku.from_config(STYLE["kinsoku"])
BY_NAME = {p.stem: p for p in SAMPLES}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    base = tmp_path_factory.mktemp("typo")
    out = {}
    for stem in ("monthly-2020-01-no90", "monthly-2020-02-no91", "newsletter-2020-02-29-no634"):
        path = base / f"{stem}.pdf"
        pdf_writer.write(read_file(BY_NAME[stem]), WriterOptions(), path)
        out[stem] = path
    return out


def _pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")


def _chars(path: Path):
    """``[(page index, char, x0, x1, size, baseline y, font name)]`` from pdfminer, content-stream
    order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(obj):
        if isinstance(obj, LTChar):
            yield obj
        elif hasattr(obj, "__iter__"):
            for o in obj:
                yield from walk(o)

    return [(n, c.get_text(), c.x0, c.x1, round(c.size, 2), round(c.matrix[5], 1), c.fontname)
            for n, page in enumerate(extract_pages(str(path))) for c in walk(page)]


# -- point 5: the contents page's two columns are labelled ---------------------------------------
@pytest.mark.parametrize("stem", ["monthly-2020-01-no90", "monthly-2020-02-no91"])
def test_contents_columns_are_labelled_over_their_numbers(pdfs, stem):
    chars = _chars(pdfs[stem])
    size_head = STYLE["blocks"]["contents_column_head"]["size"]
    size_printed = STYLE["blocks"]["contents_page"]["size"]
    size_pdf = STYLE["blocks"]["contents_pdfpage"]["size"]
    heads = [c for c in chars if c[0] == 1 and c[4] == size_head]
    text = "".join(c[1] for c in heads)
    assert text == "原刊页PDF页"
    printed_head = [c for c in heads if c[1] in "原刊页"][:3]
    pdf_head = heads[3:]
    # right edges: the printed column's numbers end where 原刊页 ends, the PDF labels where PDF页 ends
    printed_right = max(c[3] for c in chars if c[0] == 1 and c[4] == size_printed and c[1].isdigit())
    pdf_right = max(c[3] for c in chars if c[0] == 1 and c[4] == size_pdf and c[1].isdigit())
    assert abs(printed_head[-1][3] - printed_right) < 1.5 and abs(pdf_head[-1][3] - pdf_right) < 1.5
    # above every row of the list
    first_row_y = max(c[5] for c in chars if c[0] == 1 and c[4] == size_printed)
    assert heads[0][5] > first_row_y


# -- point 6: punctuation compression --------------------------------------------------------------
def _g(text, size=10.0, width=None):
    return [Glyph(c, "f", size, size if width is None else width) for c in text]


@pytest.mark.parametrize("text,squeezed", [
    ("甲，“乙", [1]), ("甲”（乙", [1]), ("甲。”乙", [1]), ("（“甲", [0]), ("甲）。", [1]),
    ("甲，乙", []), ("“甲”", []), ("甲”。”", [1, 2]), ("甲（）乙", []),
])
def test_adjacent_punctuation_loses_its_blank_half(text, squeezed):
    glyphs = compress_punctuation(_g(text))
    assert [i for i, g in enumerate(glyphs) if g.squeeze] == squeezed
    assert all(g.width == (5.0 if i in squeezed else 10.0) for i, g in enumerate(glyphs))


def test_proportional_quotes_are_not_compressed():
    """WenQuanYi Zen Hei's quotes are a third of an em: nothing to take away."""
    glyphs = compress_punctuation(_g("，“", width=None)[:1] + [Glyph("“", "f", 10.0, 3.3)])
    assert not any(g.squeeze for g in glyphs)


def test_compressed_pair_is_drawn_half_an_em_closer(pdfs):
    """In the PDF itself: 实。”正 (monthly no. 91): the closing quote starts half an em after the
    full stop starts, not a whole em."""
    chars = _chars(pdfs["monthly-2020-02-no91"])
    seen = 0
    for a, b in zip(chars, chars[1:]):
        if a[1] == "。" and b[1] == "”" and a[0] == b[0] and a[5] == b[5]:
            assert abs((b[2] - a[2]) - a[4] / 2) < 0.6, (a, b)
            seen += 1
    assert seen >= 1


# -- point 6: spaces the source sets between a label and its value -------------------------------
@pytest.mark.parametrize("source,expected", [
    ("监督电话 67183172", "监督电话 67183172"),
    ("上街区地方史志办公室 总第90期 2020-01", "上街区地方史志办公室 总第90期 2020-01"),
    ("邮箱 sjqdfzbg@126.com", "邮箱 sjqdfzbg@126.com"),
    ("市考核组考核我区 2019 年消防工作", "市考核组考核我区2019年消防工作"),
    (" 1 月 30 日 ，", "1月30日，"),
    ("邮箱： sjqdfzbg@126.com", "邮箱：sjqdfzbg@126.com"),
])
def test_space_before_a_line_ending_value_is_kept(source, expected):
    assert "".join(s.text for s in normalise_space([Span(source)])) == expected


def test_space_kept_before_a_hard_break():
    spans = normalise_space([Span("监督电话 67183172 "), BREAK, Span("内部资料")])
    assert [s.text for s in spans] == ["监督电话 67183172", "\n", "内部资料"]


def test_running_head_and_cover_keep_the_sources_spaces(pdfs):
    pages = _pages(pdfs["newsletter-2020-02-29-no634"])
    assert "监督电话 67183172" in pages[0]
    # the running head is the title, its parts apart, the date as printed; the quarter em
    # clreq §3.2 puts between Han and digits (总第 634 期) reads as a space too
    assert re.search(r"上街时讯 第 ?7 ?期\(总第 ?634 ?期\) 2020 ?年 ?2 ?月 ?29 ?日", pages[1])
    assert re.search(r"总第 ?90 ?期 2020 ?年 ?1 ?月", _pages(pdfs["monthly-2020-01-no90"])[1])


# -- point 6: headings break between words, balanced --------------------------------------------
def _heading_lines(text: str, width_chars: float, size: float = 13.5):
    fonts = FontSet(STYLE["fonts"])
    glyphs = to_glyphs(normalise_space([Span(text, "heading")]), fonts, size)
    return break_heading(glyphs, width_chars * size, RULES)


def test_headline_breaks_at_the_phrase_boundary_not_inside_a_word():
    text = "宋洁实地督导学校疫情防控和复学准备工作 企业复工复产和重点项目项目建设情况"
    lines = ["".join(g.ch for g in ln.glyphs) for ln in _heading_lines(text, 33)]
    assert lines == ["宋洁实地督导学校疫情防控和复学准备工作", "企业复工复产和重点项目项目建设情况"]


@pytest.mark.parametrize("width", [8, 11, 14, 19])
def test_every_sample_heading_breaks_between_words_and_is_balanced(width):
    from convert.tei import xpath

    for path in SAMPLES:
        root = read_file(path)
        for head in xpath(root, "tei:text/tei:body//tei:head"):
            text = re.sub(r"\s+", " ", "".join(head.itertext())).strip()
            lines = _heading_lines(text, width)
            if len(lines) < 2:
                continue
            joined = "".join("".join(g.ch for g in ln.glyphs) for ln in lines)
            compact = text.replace(" ", "")
            starts = word_starts(compact)
            pos = 0
            for ln in lines[:-1]:
                pos += len("".join(g.ch for g in ln.glyphs).replace(" ", ""))
                assert pos in starts, f"{text!r} broken inside a word at {pos}: {[''.join(g.ch for g in l.glyphs) for l in lines]}"
            assert joined.replace(" ", "") == compact
            widths = [ln.width for ln in lines]
            greedy = break_lines(to_glyphs(normalise_space([Span(text, "heading")]), FontSet(STYLE["fonts"]), 13.5),
                                 width * 13.5, 0, RULES)
            assert len(lines) <= len(greedy) + 1
            # balanced: the shortest line is at least a third of the longest (greedy leaves 1 char)
            assert min(widths) >= max(widths) / 3, (text, [''.join(g.ch for g in l.glyphs) for l in lines])
