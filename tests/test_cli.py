"""The command line: formats, output names, exit status, one-line errors, no partial files."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sampledata import ROOT, SAMPLES

from convert import __version__
from convert.cli import main, parse_formats

SAMPLE = SAMPLES[0]


def test_formats_expand_all_lists_and_repeats():
    assert parse_formats(["all"]) == ["tei", "txt", "pdf", "epub"]
    assert parse_formats(["txt,tei", "tei"]) == ["tei", "txt"]


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main([str(SAMPLE), "--to", "docx", "-o", str(tmp_path)])
    assert exc.value.code == 2
    assert "unknown format 'docx'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_names_and_default_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([str(SAMPLE), "--to", "tei,txt"]) == 0
    names = sorted(p.name for p in (tmp_path / "output").iterdir())
    assert names == ["manifest.json", f"{SAMPLE.stem}.txt", f"{SAMPLE.stem}.xml"]


def test_missing_input_names_the_file_and_writes_nothing(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    out = tmp_path / "out"
    assert main([str(missing), "--to", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0] and "cannot read" in err[0]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n", b"---\n**\n"])
def test_empty_input_is_an_error(tmp_path, capsys, content):
    src = tmp_path / "empty.txt"
    src.write_bytes(content)
    assert main([str(src), "--to", "txt,tei", "-o", str(tmp_path / "out")]) == 1
    assert "no text to convert" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_undecodable_bytes_name_the_offset(tmp_path, capsys):
    src = tmp_path / "bad.txt"
    src.write_bytes("上街".encode() + b"\xff\xfe" + "时讯".encode())
    assert main([str(src), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    assert "offset 6" in capsys.readouterr().err


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main([str(bad), str(SAMPLE), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / f"{SAMPLE.stem}.txt").exists()


def test_failed_writer_leaves_no_file(tmp_path, monkeypatch, capsys):
    import convert.writers.txt as txt

    def broken(root, opts, path):
        path.write_text("half")
        raise RuntimeError("boom")

    monkeypatch.setattr(txt, "write", broken)
    assert main([str(SAMPLE), "--to", "txt", "-o", str(tmp_path), "-j", "1"]) == 1
    assert list(tmp_path.iterdir()) == []
    assert "internal error: RuntimeError: boom" in capsys.readouterr().err


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "convert", "--version"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == f"convert {__version__}"


def test_help_documents_every_option():
    out = subprocess.run([sys.executable, "-m", "convert", "--help"], capture_output=True,
                         text=True, cwd=ROOT, check=True).stdout
    for option in ("--to", "-o", "--pdfa", "--check", "--version", "examples:"):
        assert option in out
