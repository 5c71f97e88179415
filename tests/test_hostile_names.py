"""Issue #12, cases 7 and 8: file names with control characters, multi-line parser messages,
FIFOs and other files that are not regular files; what a folder scan skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hostile import TEXT, tiny_bulletin
from sampledata import ROOT

from convert.cli import main


def test_control_characters_in_a_file_name_are_escaped_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    tiny_bulletin(folder, "a\x01.txt")
    (folder / "b\x1b[2J.txt").write_bytes(b"")  # an empty file: an error naming it
    tiny_bulletin(folder, "c.txt")
    out = tmp_path / "out"
    assert main([str(folder), "--to", "tei,txt", "-o", str(out), "-j", "1"]) == 1
    captured = capsys.readouterr()
    both = captured.out + captured.err
    assert "\x01" not in both and "\x1b" not in both
    assert "a\\x01.txt" in both and "b\\x1b[2J.txt: no text" in captured.err
    assert (out / "c.xml").exists() and (out / "a\x01.xml").exists()
    assert "a\\x01.txt" in (out / "a\x01.xml").read_text(encoding="utf-8")  # the header names it, escaped
    assert "3 inputs: 2 converted, 0 skipped, 1 failed" in captured.out


def test_undecodable_file_name_is_printed_escaped(tmp_path, capsys):
    folder = os.fsencode(tmp_path) + b"/\xff\xfe.txt"
    with open(folder, "wb") as f:
        f.write(b"")
    assert main([os.fsdecode(folder), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "\\xff\\xfe.txt: no text" in err


def test_messages_are_one_line_whatever_the_name_or_the_parser_says(tmp_path, capsys):
    src = tmp_path / "bad\nname.xml"  # a line break in a file name
    src.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\xff\xfe</TEI>\n')
    assert main([str(src), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "bad\\x0aname.xml: not well-formed" in err, err
    from convert.errors import one_line

    # libxml2 (older releases) and the Java validators write one finding over several lines
    assert one_line("Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0xFE") == \
        "Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE"


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tiny_bulletin(tmp_path, "good.txt")
    proc = subprocess.run([sys.executable, "-m", "convert", str(fifo), str(good), "--to", "txt", "-o",
                           str(tmp_path / "out"), "-j", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    assert f"{fifo}: not a regular file (a FIFO)" in proc.stderr
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8").strip()


def test_folder_scan_reports_what_it_skipped_in_verbose_mode(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    tiny_bulletin(folder, "issue.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    out = tmp_path / "out"
    assert main([str(folder), "--to", "txt", "-o", str(out), "-j", "1", "-v"]) == 0
    printed = capsys.readouterr().out
    assert f"skipped {folder / 'pipe.txt'}: not a regular file (a FIFO)" in printed
    assert f"skipped {folder / 'gone.txt'}: a dangling symbolic link" in printed
    assert f"skipped {folder / 'sub' / 'loop'}: a symbolic link loop" in printed
    assert f"skipped {folder / 'self.txt'}: a symbolic link loop" in printed
    assert "1 inputs: 1 converted" in printed
    assert main([str(folder), "--to", "txt", "-o", str(out), "-j", "1"]) == 0
    assert "skipped" not in capsys.readouterr().out
    assert (out / "issue.txt").read_text(encoding="utf-8").replace("\n", "") == TEXT.replace("\n", "")


def test_names_that_are_not_utf8_in_a_scan_with_verbose_and_bags(tmp_path):
    """Issue #24, case 4: a file name in GBK bytes (an old archive disk), in a folder scan, with
    -v and --bag: no traceback; names printed escaped; the bag is valid, its payload names UTF-8
    (RFC 8493 §7.2.1) with each undecodable byte as %XX (and % as %25)."""
    import bagit

    folder = tmp_path / "in"
    folder.mkdir()
    raw = "中文".encode("gbk")  # b"\xd6\xd0\xce\xc4": not UTF-8
    src = Path(os.fsdecode(os.fsencode(folder) + b"/" + raw + b"%.txt"))
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "convert", str(folder), "--to", "txt,tei", "--bag", "-o", str(out),
                          "-v", "-j", "1"], cwd=ROOT, capture_output=True, timeout=300,
                         env={**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    stdout, stderr = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
    assert run.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "wrote " + str(out) + "/\\xd6\\xd0\\xce\\xc4%.txt (" in stdout
    stem = os.fsdecode(raw + b"%")
    bag = out / f"{stem}.bag"
    assert bagit.Bag(str(bag)).validate(processes=1, fast=False) is True
    escaped = "%D6%D0%CE%C4%25"
    names = sorted(str(p.relative_to(bag / "data")) for p in (bag / "data").rglob("*") if p.is_file())
    assert names == [f"{escaped}.txt", f"{escaped}.xml", f"source/{escaped}.txt"]
    assert (bag / "data" / "source" / f"{escaped}.txt").read_bytes() == src.read_bytes()
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert f"Internal-Sender-Identifier: {escaped}.txt" in info
    for tag in bag.glob("*.txt"):
        tag.read_bytes().decode("utf-8")  # every tag file is UTF-8
