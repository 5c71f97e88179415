"""Trustworthy on any input: encodings, line ends, odd whitespace, controls, non-text files,
structureless text, size limit, awkward file names, TEI as input (safely parsed)."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from sampledata import SAMPLES, concatenated, first_difference, nows, source_content

from convert.cli import main
from convert.reader.source import decode

TEXT = (
    "上街时讯\n\n2021年3月\n\n15\n\n星期一\n\n第9期(总第700期)\n\n"
    "我区召开春季植树工作会议\n\n3月12日，区领导强调，要抓好植树造林工作，确保取得实效。（记者 王明）\n"
)


def run(tmp_path, data: bytes, *extra, name="in.txt", to="txt"):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    code = main(["--to", to, "-o", str(out), *extra, "--", str(src)])
    return code, out, src


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_encodings_are_detected_and_recorded(tmp_path, encoded):
    code, out, _ = run(tmp_path, encoded, to="txt,tei")
    assert code == 0
    assert nows((out / "in.txt").read_text(encoding="utf-8")) == nows(TEXT)
    assert "character encoding" in (out / "in.xml").read_text(encoding="utf-8")


def test_big5_traditional_text_is_zh_hant(tmp_path):
    text = "上街區地方史志辦公室編\n\n會議召開了，區委書記強調要進一步提高認識。\n"
    code, out, _ = run(tmp_path, text.encode("big5"), to="txt,tei")
    assert code == 0
    assert nows((out / "in.txt").read_text(encoding="utf-8")) == nows(text)
    tei = (out / "in.xml").read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hant"' in tei and "<orig>" not in tei


def test_encoding_option_overrides_detection(tmp_path):
    code, out, _ = run(tmp_path, TEXT.encode("gb18030"), "--encoding", "gb18030")
    assert code == 0 and nows((out / "in.txt").read_text(encoding="utf-8")) == nows(TEXT)


def test_undecodable_byte_names_its_offset(tmp_path, capsys):
    data = TEXT.encode("utf-8")
    data = data[:30] + b"\xff" + data[30:]
    code, out, _ = run(tmp_path, data)
    assert code == 1 and "offset 30" in capsys.readouterr().err
    assert not list(out.iterdir())


def test_wrong_encoding_option_is_an_error_with_offset(tmp_path, capsys):
    code, _, _ = run(tmp_path, TEXT.encode("gb18030"), "--encoding", "utf-8")
    assert code == 1 and "at offset" in capsys.readouterr().err


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(tmp_path, newline):
    code, out, _ = run(tmp_path, TEXT.replace("\n", newline).encode())
    assert code == 0
    assert nows((out / "in.txt").read_text(encoding="utf-8")) == nows(TEXT)


def test_odd_whitespace_zero_width_and_non_nfc_are_kept(tmp_path):
    odd = TEXT.replace("区领导", "区\t领导\u3000").replace("植树", "植\u00a0树\u200b") + "Cafe\u0301 e\u0301\n"
    assert unicodedata.normalize("NFC", odd) != odd
    code, out, _ = run(tmp_path, odd.encode())
    assert code == 0
    got = nows((out / "in.txt").read_text(encoding="utf-8"))
    assert got == source_content(odd), first_difference(got, source_content(odd))
    assert "\u200b" in got and "e\u0301" in got


def test_control_characters_are_left_out_with_a_warning(tmp_path, capsys):
    code, out, _ = run(tmp_path, TEXT.replace("区领导", "区\x07领导\x1b").encode(), to="txt,tei")
    assert code == 0
    err = capsys.readouterr().err
    assert "U+0007" in err and "U+001B" in err and "line 13" in err
    assert "U+0007" in (out / "in.xml").read_text(encoding="utf-8")  # recorded in the header
    assert nows((out / "in.txt").read_text(encoding="utf-8")) == nows(TEXT)


@pytest.mark.parametrize(
    "data,what",
    [
        (b"", "no text"),
        (b" \n\t\r\n  \n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "cannot read as PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe", "not text"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "zip", "binary"],
)
def test_not_a_bulletin_is_a_clear_error_and_writes_nothing(tmp_path, capsys, data, what):
    code, out, src = run(tmp_path, data, to="all")
    err = capsys.readouterr().err
    assert code == 1 and what in err and str(src) in err
    assert " at 0x" not in err and err.count("\n") == 1  # one line, no memory address
    assert not list(out.iterdir())


def test_plain_prose_without_structure_is_converted_with_a_warning(tmp_path, capsys):
    prose = "今天天气很好，我们去公园散步。\n\n公园里人很多，大家都很开心。\n\n\n第二天下雨了，我们在家读书。\n"
    code, out, _ = run(tmp_path, prose.encode(), to="txt,tei")
    assert code == 0
    assert "no structure found" in capsys.readouterr().err
    assert nows((out / "in.txt").read_text(encoding="utf-8")) == nows(prose)
    tei = (out / "in.xml").read_text(encoding="utf-8")
    assert tei.count('type="article"') == 2  # two runs of paragraphs (split at 2+ blank lines)


def test_size_limit(tmp_path, capsys):
    code, out, _ = run(tmp_path, TEXT.encode() * 10, "--max-size", "1k")
    assert code == 1 and "--max-size" in capsys.readouterr().err
    assert not list(out.iterdir())


@pytest.mark.parametrize("name", ["with space.txt", "上街时讯 第7期.txt", "-dash.txt"])
def test_awkward_file_names(tmp_path, name):
    code, out, _ = run(tmp_path, TEXT.encode(), name=name)
    assert code == 0 and (out / (name[:-4] + ".txt")).exists()


def test_output_folder_is_created_or_refused(tmp_path, capsys):
    src = SAMPLES[0]
    deep = tmp_path / "a" / "b" / "c"
    assert main([str(src), "--to", "txt", "-o", str(deep)]) == 0 and (deep / f"{src.stem}.txt").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([str(src), "--to", "txt", "-o", str(blocker / "sub")]) == 1
    assert "cannot create the output folder" in capsys.readouterr().err


def test_decode_reports_utf16_without_bom_as_text_or_error():
    data = TEXT.encode("utf-16-le")
    try:
        assert decode(data, "x").text == TEXT
    except Exception as err:  # refused clearly, never mojibake
        assert "x:" in str(err)


def test_a_year_of_issues_concatenated_is_converted_whole(tmp_path):
    """About 10 MB (140 × the samples): converted (TEI valid, every character kept); time and
    peak memory are measured in bench/, not here."""
    big = concatenated(tmp_path / "year.txt", 140)
    out = tmp_path / "out"
    assert main([str(big), "--to", "tei,txt", "-o", str(out), "-q"]) == 0
    # one document per issue (#11), names in issue order: year.issue001 … year.issue420
    txts = sorted(out.glob("year.issue*.txt"))
    assert len(txts) == 140 * len(SAMPLES)
    got = "".join(nows(p.read_text(encoding="utf-8")) for p in txts)
    assert got == source_content(big.read_text(encoding="utf-8"))
    articles = sum(p.read_text(encoding="utf-8").count('<div type="article"') for p in out.glob("year.issue*.xml"))
    assert articles > 140 * 30  # the articles of every issue, not one blob
