"""manifest.json (convert/manifest.py): it never claims a file another run replaced (issue #26,
case 6), a damaged one is kept aside with one warning (#26 case 7, #24 case 2), its paths are
relative to its own folder (#24 case 3), and --skip-existing checks the outputs' digests
(#26 case 13)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hostile import TEXT
from sampledata import SAMPLES, without_reader_warnings

from convert.cli import main


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs(tmp_path: Path, *names: str) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    out = []
    for n, name in enumerate(names):
        path = folder / name
        path.write_text(TEXT.replace("本月", f"第{n}月"), encoding="utf-8")
        out.append(path)
    return out


def errors(capsys) -> list[str]:
    """The stderr lines of the last run, without the reader's warnings about its inputs' structure."""
    return without_reader_warnings(capsys.readouterr().err)


# ------------------------------------------------------------------------------ #26, case 6


def test_the_manifest_never_claims_a_file_another_run_replaced(tmp_path):
    """Run A (PDF/A-2b) renames its PDF into place; run B (PDF/A-1b) of the same input replaces
    it and writes its manifest; A writes its manifest last. The manifest records the PDF on disk:
    B's digest and B's options (1b), read back from the file's own XMP."""
    import pikepdf

    from convert.batch import Settings, convert_one, write_manifest

    src, out = SAMPLES[0], tmp_path / "out"
    out.mkdir()
    a_settings = Settings(("txt", "pdf"), pdfa="2b")
    a = convert_one(src, a_settings, out)
    assert a.ok
    assert main([str(src), "--to", "pdf", "--pdfa", "1b", "-o", str(out), "-q", "-j", "1"]) == 0
    write_manifest(out, a_settings, [a])
    pdf = out / f"{src.stem}.pdf"
    with pikepdf.open(pdf) as doc, doc.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "1"  # B's file is the one in place
    (entry,) = manifest(out)["inputs"]
    records = {o["format"]: o for o in entry["outputs"]}
    assert records["pdf"]["sha256"] == sha256(pdf)
    assert records["pdf"]["options"]["pdfa"] == "1b"  # made with other options than the entry's
    assert entry["options"]["pdfa"] == "2b" and "options" not in records["txt"]
    assert records["txt"]["sha256"] == sha256(out / f"{src.stem}.txt")


def test_a_record_is_taken_from_the_bytes_renamed(tmp_path, monkeypatch):
    """The digest recorded is that of the bytes renamed into place, read before the rename: a
    file that replaces it right after (here: as soon as os.rename returns) does not lend it
    its digest."""
    import convert.outdir as outdir
    from convert.batch import Settings, convert_one

    src, out = inputs(tmp_path, "m.txt")[0], tmp_path / "out"
    out.mkdir()
    real, renamed = os.rename, {}

    def rename_then_replaced(a, b, *, src_dir_fd=None, dst_dir_fd=None):
        with open(os.open(a, os.O_RDONLY, dir_fd=src_dir_fd), "rb") as f:
            renamed[b] = hashlib.sha256(f.read()).hexdigest()
        real(a, b, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)
        (out / b).write_text("replaced by someone else", encoding="utf-8")

    monkeypatch.setattr(outdir.os, "rename", rename_then_replaced)
    (record,) = convert_one(src, Settings(("txt",)), out).outputs
    assert record.sha256 == renamed["m.txt"] != sha256(out / "m.txt")


# ------------------------------------------------------------------- #26 case 7, #24 case 2


DAMAGED = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "a JSON list": lambda p: p.write_text("[]", encoding="utf-8"),
    "numbers as paths": lambda p: p.write_text(json.dumps({"inputs": [{"input": 5, "outputs": [{"path": 7}]}]}),
                                               encoding="utf-8"),
    "no list of inputs": lambda p: p.write_text('{"inputs": "x"}', encoding="utf-8"),
    "not UTF-8": lambda p: p.write_bytes(b'{"inputs": ["\xff"]}'),
    "a folder": lambda p: (p.unlink(), p.mkdir(), (p / "inside.txt").write_text("mine", encoding="utf-8")),
    "a link": lambda p: (p.unlink(), p.symlink_to(p.parent.parent / "elsewhere.json")),
}


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_manifest_is_kept_with_one_warning_and_a_new_one_started(tmp_path, capsys, damage):
    first, second = inputs(tmp_path, "a.txt", "b.txt")
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("someone's file", encoding="utf-8")
    assert main([str(first), "--to", "txt", "-o", str(out), "-q", "-j", "1"]) == 0
    path = out / "manifest.json"
    DAMAGED[damage](path)
    kept = {p.name: p.read_bytes() for p in path.rglob("*")} if path.is_dir() and not path.is_symlink() \
        else (os.readlink(path) if path.is_symlink() else path.read_bytes())
    capsys.readouterr()
    assert main([str(second), "--to", "txt", "-o", str(out), "-q", "-j", "1", "--skip-existing"]) == 0
    lines = errors(capsys)
    aside = out / "manifest.json.damaged-1"
    assert len(lines) == 1 and re.fullmatch(
        re.escape(f"convert: warning: {path}: not a manifest this tool wrote (") + r"[^()]+"
        + re.escape(f"); kept as {aside}, and a new one started"), lines[0]), lines
    again = {p.name: p.read_bytes() for p in aside.rglob("*")} if aside.is_dir() and not aside.is_symlink() \
        else (os.readlink(aside) if aside.is_symlink() else aside.read_bytes())
    assert again == kept  # kept as it was, not overwritten
    assert elsewhere.read_text(encoding="utf-8") == "someone's file"
    assert [e["input"] for e in manifest(out)["inputs"]] == [str(second)]
    # a second damaged manifest does not replace the first one kept aside
    DAMAGED["a JSON list"](path)
    assert main([str(first), "--to", "txt", "-o", str(out), "-q", "-j", "1"]) == 0
    assert "manifest.json.damaged-2" in " ".join(errors(capsys))
    assert (out / "manifest.json.damaged-2").read_text(encoding="utf-8") == "[]"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt", "manifest.json", "manifest.json.damaged-1",
                                                     "manifest.json.damaged-2"]


# ------------------------------------------------------------------------------ #24, case 3


def test_paths_are_relative_to_the_manifests_folder_and_travel_with_it(tmp_path, monkeypatch, capsys):
    """Outputs are recorded relative to the folder holding manifest.json, whether -o was given
    relative (from another working folder) or absolute; the folder moved elsewhere still
    verifies; the input keeps the path as given, with its digest."""
    src = inputs(tmp_path, "m.txt")[0]
    monkeypatch.chdir(tmp_path)
    assert main(["in/m.txt", "--to", "txt,tei", "--bag", "-o", "rr/r1", "-q", "-j", "1"]) == 0
    assert main([str(src), "--to", "txt", "-o", str(tmp_path / "abs"), "-q", "-j", "1"]) == 0
    for folder, given in ((tmp_path / "rr" / "r1", "in/m.txt"), (tmp_path / "abs", str(src))):
        moved = tmp_path / "archive" / folder.name
        shutil.move(folder, moved)
        (entry,) = manifest(moved)["inputs"]
        assert entry["input"] == given and entry["sha256"] == sha256(src)
        for o in entry["outputs"]:
            assert not os.path.isabs(o["path"]) and "/" not in o["path"], o["path"]
            target = moved / o["path"]
            if o["format"] == "bag":
                assert sha256(target / "tagmanifest-sha256.txt") == o["sha256"]
            else:
                assert sha256(target) == o["sha256"]


def test_a_manifest_of_the_first_layout_is_read_and_its_paths_made_relative(tmp_path):
    """Version 1 recorded paths as given on the command line (absolute here): read, and the
    paths of the entries it keeps made relative to the folder."""
    first, second = inputs(tmp_path, "a.txt", "b.txt")
    out = tmp_path / "out"
    assert main([str(first), "--to", "txt", "-o", str(out), "-q", "-j", "1"]) == 0
    data = manifest(out)
    data.pop("manifest")
    for entry in data["inputs"]:
        for o in entry["outputs"]:
            o["path"] = str(out / o["path"])
    (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    assert main([str(second), "--to", "txt", "-o", str(out), "-q", "-j", "1"]) == 0
    entries = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
    assert [o["path"] for o in entries["a.txt"]["outputs"]] == ["a.txt"]
    assert [o["path"] for o in entries["b.txt"]["outputs"]] == ["b.txt"]


# ----------------------------------------------------------------------------- #26, case 13


def test_skip_existing_checks_each_outputs_digest(tmp_path, capsys):
    """An output damaged after it was written (same size, still newer than the input) is made
    again, not trusted because the manifest lists it."""
    src = inputs(tmp_path, "m.txt")[0]
    out = tmp_path / "out"
    args = [str(src), "--to", "txt,tei", "-o", str(out), "-j", "1", "--skip-existing"]
    assert main(args) == 0
    good = (out / "m.xml").read_bytes()
    assert main(args) == 0
    assert "skipped" in capsys.readouterr().out
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0x20
    stamp = os.stat(out / "m.xml")
    (out / "m.xml").write_bytes(bytes(damaged))
    os.utime(out / "m.xml", ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert main(args) == 0
    assert "skipped" not in capsys.readouterr().out
    assert (out / "m.xml").read_bytes() == good


def test_manifest_with_names_that_are_not_utf8(tmp_path):
    """A file name that is not UTF-8 (PEP 383 surrogates) is written as a JSON \\udcXX escape:
    the manifest is UTF-8, and reads back to the same bytes (issue #24, case 4)."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"a\xff.txt")
    (folder / name).write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(folder), "--to", "txt", "-o", str(out), "-q", "-j", "1"]) == 0
    raw = (out / "manifest.json").read_bytes()
    raw.decode("utf-8")  # valid UTF-8
    assert b"\\udcff" in raw
    (entry,) = json.loads(raw)["inputs"]
    assert os.fsencode(entry["input"]).endswith(b"/a\xff.txt")
    assert os.fsencode(entry["outputs"][0]["path"]) == b"a\xff.txt"
