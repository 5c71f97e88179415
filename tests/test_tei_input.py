"""TEI as input: a hand-corrected TEI file renders like the text it came from; invalid or hostile
XML is refused with the parser's or validator's messages and line numbers."""

from __future__ import annotations

import pytest
from sampledata import SAMPLE_IDS, SAMPLES

from convert.cli import main


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_tei_file_renders_like_its_text(path, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert main([str(path), "--to", "tei,txt", "-o", str(first)]) == 0
    assert main([str(first / f"{path.stem}.xml"), "--to", "txt,tei", "-o", str(second)]) == 0
    assert (second / f"{path.stem}.txt").read_bytes() == (first / f"{path.stem}.txt").read_bytes()
    assert (second / f"{path.stem}.xml").read_bytes() == (first / f"{path.stem}.xml").read_bytes()


def test_hand_edit_is_rendered(tmp_path):
    path = SAMPLES[0]
    assert main([str(path), "--to", "tei", "-o", str(tmp_path)]) == 0
    tei = tmp_path / f"{path.stem}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("城市书房落成启用仪式举行<", "城市书房落成启用仪式隆重举行<", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(tei), "--to", "txt", "-o", str(out)]) == 0
    assert "城市书房落成启用仪式隆重举行" in (out / f"{path.stem}.txt").read_text(encoding="utf-8")


def test_invalid_tei_is_refused_with_line_numbers(tmp_path, capsys):
    path = SAMPLES[0]
    assert main([str(path), "--to", "tei", "-o", str(tmp_path)]) == 0
    tei = tmp_path / f"{path.stem}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<byline>", "<bogus>").replace("</byline>", "</bogus>")
                   .replace("<head>本月关注</head>", "<head>本月关注</head><bogus>x</bogus>", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(tei), "--to", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "not valid" in err and "line " in err and "bogus" in err
    assert not list(out.iterdir())


@pytest.mark.parametrize(
    "doc",
    [
        # external entity (XXE)
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>',
        # billion laughs
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol4;</p></body></text></TEI>',
    ],
    ids=["xxe", "billion-laughs"],
)
def test_hostile_xml_is_refused(tmp_path, capsys, doc):
    src = tmp_path / "evil.xml"
    src.write_text(doc, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--to", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "DOCTYPE" in err and "root:" not in err
    assert not list(out.iterdir())


def test_malformed_xml_names_line(tmp_path, capsys):
    src = tmp_path / "broken.xml"
    src.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>\n', encoding="utf-8")
    assert main([str(src), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "not well-formed" in err and "line 4" in err


def test_tei_comes_back_byte_identical_from_a_pdfa_3b_copy(tmp_path):
    path = SAMPLES[-1]
    made, back = tmp_path / "made", tmp_path / "back"
    assert main([str(path), "--to", "tei,pdf", "--pdfa", "3b", "-o", str(made), "-q"]) == 0
    assert main([str(made / f"{path.stem}.pdf"), "--to", "tei", "-o", str(back), "-q"]) == 0
    assert (back / f"{path.stem}.xml").read_bytes() == (made / f"{path.stem}.xml").read_bytes()


def test_pdf_without_tei_is_a_clear_error(tmp_path, capsys):
    path = SAMPLES[-1]
    assert main([str(path), "--to", "pdf", "--pdfa", "2b", "-o", str(tmp_path), "-q"]) == 0
    out = tmp_path / "out"
    assert main([str(tmp_path / f"{path.stem}.pdf"), "--to", "tei", "-o", str(out)]) == 1
    assert "carries no TEI source" in capsys.readouterr().err
    assert not list(out.iterdir())
