"""Tables set in plain text (TEI P5 §14.1.1 ``table``/``row``/``cell``) through every writer: a small
invented 统计 bulletin with a 附表 (title, column heads, data rows, a page break between two rows)
read by the reader and written as TEI (valid against bulletin.rng and tei_all.rng), plain text (the
source's characters back), EPUB (an HTML table, the column heads ``th``), PDF (the cells in the
text; tagged: ``Table`` → ``Caption``, ``TR`` → ``TH``/``TD``, the rules artifacts) and OFD (the
cells as text objects)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest

from convert.cli import main
from sampledata import nows, source_content

from test_pdf_tagged import marked_content_problems
from test_reader_parts import TABLE_ROWS

TEXT = """统计快报

2024年第3期

某县统计局　　　　　　　　　　　　2024年4月20日

## 一季度全县经济运行情况

一季度，全县经济运行开局平稳，主要指标好于预期。

附表：2024年一季度某县主要指标

""" + TABLE_ROWS + """
说明：增长速度按可比价格计算。
"""
CELLS = ["指　标", "单位", "一季度", "增长（%）", "地区生产总值", "亿元", "52.31", "5.6", "工业增加值", "18.07", "6.2",
         "社会消费品零售总额", "21.45", "7.1", "城镇居民人均收入", "12860", "5.3"]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    src = tmp_path_factory.mktemp("source") / "stats.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main([str(src), "--to", "tei,txt,epub,pdf,ofd", "-o", str(out), "-q", "-j", "1", "--check"]) == 0
    assert main([str(src), "--to", "pdf", "--pdfa", "2a", "-o", str(out / "2a"), "-q", "-j", "1", "--check"]) == 0
    return out


def test_tei_holds_the_table_and_is_valid(written):
    """--check ran bulletin.rng and jing with tei_all.rng (an output that fails is not written)."""
    tei = (written / "stats.xml").read_text(encoding="utf-8")
    assert tei.count("<table") == 1 and tei.count("<row") == 5 and '<row role="label">' in tei
    assert "<head cert=\"high\">附表：2024年一季度某县主要指标</head>" in tei


def test_txt_gives_the_sources_characters_back(written):
    txt = (written / "stats.txt").read_text(encoding="utf-8")
    assert nows(txt) == source_content(TEXT)
    assert "地区生产总值　　亿元　　52.31　　5.6" in txt


def test_epub_has_an_html_table_with_column_heads(written):
    with zipfile.ZipFile(written / "stats.epub") as z:
        pages = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
    assert '<table class="table">' in pages and "<caption>附表：2024年一季度某县主要指标</caption>" in pages
    assert '<th scope="col">增长（%）</th>' in pages and "<td>12860</td>" in pages


def test_epub_lets_a_cell_of_words_wrap_and_keeps_figures_and_units_on_one_line(written):
    """A cell that names something in five ideographs or more with no figure (城镇居民人均收入, a
    body's name 县交通运输局 in a 问题清单) is words: ``td class="text"`` wraps on a phone's narrow
    screen; a figure (12860) and a unit (亿元) stay on one line (epub.css ``white-space: nowrap``)."""
    with zipfile.ZipFile(written / "stats.epub") as z:
        pages = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
    assert '<td class="text">城镇居民人均收入</td>' in pages
    assert "<td>亿元</td>" in pages and "<td>12860</td>" in pages


def test_pdf_text_holds_every_cell(written):
    text = subprocess.run(["pdftotext", str(written / "stats.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for cell in CELLS:
        assert nows(cell) in nows(text), cell


def test_tagged_pdf_has_a_table_of_rows_and_cells(written):
    path = written / "2a" / "stats.pdf"
    roles: list[str] = []

    def walk(k):
        if isinstance(k, pikepdf.Array):
            for x in k:
                walk(x)
        elif isinstance(k, pikepdf.Dictionary):
            if "/S" in k:
                roles.append(str(k.S)[1:])
            if "/K" in k:
                walk(k.K)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot.K)
    assert roles.count("Table") == 1 and roles.count("Caption") == 1
    assert roles.count("TR") == 5 and roles.count("TH") == 4 and roles.count("TD") == 16
    assert marked_content_problems(path) == []


def test_ofd_sets_every_cell_as_text(written):
    from lxml import etree

    with zipfile.ZipFile(written / "stats.ofd") as z:
        pages = "".join("".join(etree.fromstring(z.read(n)).xpath("//*[local-name()='TextCode']/text()"))
                        for n in sorted(z.namelist()) if n.endswith("Content.xml"))
    for cell in CELLS:
        assert nows(cell) in nows(pages), cell
