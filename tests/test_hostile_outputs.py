"""Issue #12, cases 2 and 4: an output never replaces an input or an earlier output; the manifest
is written under a lock and is the same bytes for the same inputs and options."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

from hostile import TEXT, tiny_bulletin

from convert.cli import main


def test_output_over_its_own_input_is_refused(tmp_path, capsys, monkeypatch):
    src = tiny_bulletin(tmp_path, "m.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["m.txt", "--to", "txt", "-o", "."]) == 1
    err = capsys.readouterr().err.strip()
    assert "m.txt" in err and "would replace" in err and len(err.splitlines()) == 1
    assert src.read_text(encoding="utf-8") == TEXT  # the source is untouched


def test_rerun_on_the_current_folder_does_not_read_its_own_outputs(tmp_path, capsys, monkeypatch):
    tiny_bulletin(tmp_path, "issue.txt")
    monkeypatch.chdir(tmp_path)
    assert main([".", "--to", "txt,tei", "-j", "1"]) == 0
    good = Path("output/issue.xml").read_bytes()
    capsys.readouterr()
    assert main([".", "--to", "txt,tei", "-j", "1", "-v"]) == 0
    out = capsys.readouterr().out
    assert "1 inputs: 1 converted" in out  # output/issue.txt and output/issue.xml are not inputs
    assert Path("output/issue.xml").read_bytes() == good
    assert sorted(p.name for p in Path("output").iterdir()) == ["issue.txt", "issue.xml", "manifest.json"]


def test_outputs_listed_in_the_manifest_are_not_inputs(tmp_path, capsys):
    """Outputs written into the input folder (-o the folder itself) are not read back next time."""
    folder = tmp_path / "in"
    folder.mkdir()
    tiny_bulletin(folder, "issue.txt")
    assert main([str(folder), "--to", "tei", "-o", str(folder), "-j", "1"]) == 0
    good = (folder / "issue.xml").read_bytes()
    assert main([str(folder), "--to", "tei,txt", "-o", str(folder), "-j", "1"]) == 1  # txt would replace the input
    err = capsys.readouterr().err.strip()
    assert err.count("would replace") == 1 and str(folder / "issue.txt") in err
    assert (folder / "issue.xml").read_bytes() == good
    assert (folder / "issue.txt").read_text(encoding="utf-8") == TEXT


def test_same_stem_inputs_get_distinct_outputs_under_their_folders(tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    tiny_bulletin(tmp_path / "in" / "a", "issue.txt")
    (tmp_path / "in" / "b" / "issue.txt").write_text(TEXT.replace("本月", "上月"), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(tmp_path / "in"), "--to", "txt", "-o", str(out), "-j", "1", "-q"]) == 0
    assert "本月" in (out / "a" / "issue.txt").read_text(encoding="utf-8")
    assert "上月" in (out / "b" / "issue.txt").read_text(encoding="utf-8")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(o["path"] for e in manifest["inputs"] for o in e["outputs"]) == ["a/issue.txt", "b/issue.txt"]
    # two files given by name, and a text and a TEI file of the same stem in one folder
    out2 = tmp_path / "out2"
    assert main([str(tmp_path / "in" / "a" / "issue.txt"), str(tmp_path / "in" / "b" / "issue.txt"),
                 "--to", "txt", "-o", str(out2), "-j", "2", "-q"]) == 0
    assert "上月" in (out2 / "b" / "issue.txt").read_text(encoding="utf-8")
    assert "本月" in (out2 / "a" / "issue.txt").read_text(encoding="utf-8")


def test_same_stem_text_and_tei_in_one_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    tiny_bulletin(folder, "issue.txt")
    assert main([str(folder / "issue.txt"), "--to", "tei", "-o", str(folder), "-q", "-j", "1"]) == 0
    out = tmp_path / "out"
    assert main([str(folder / "issue.txt"), str(folder / "issue.xml"), "--to", "txt", "-o", str(out), "-q",
                 "-j", "1"]) == 0
    names = sorted(p.name for p in out.iterdir() if p.name != "manifest.json")
    assert len(names) == 2 and len(set(names)) == 2, names


# ----------------------------------------------------------------------------- case 4: manifest


def _write_entries(outdir: str, prefix: str, count: int) -> None:
    from convert.batch import Result, Settings, write_manifest

    for n in range(count):
        write_manifest(Path(outdir), Settings(("txt",)), [Result(f"{prefix}-{n}.txt", sha256="0" * 64)])


def test_concurrent_runs_keep_every_manifest_entry(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_entries, args=(str(tmp_path), name, 40)) for name in "abc"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["inputs"]) == 120
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_manifest_waits_for_the_lock(tmp_path):
    import fcntl
    import threading

    fd = os.open(tmp_path, os.O_RDONLY)  # another run holds the output folder's lock
    fcntl.flock(fd, fcntl.LOCK_EX)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (_write_entries(str(tmp_path), "x", 1), done.set()))
    worker.start()
    assert not done.wait(0.5)  # blocked while another run holds the lock
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    assert done.wait(10)


def test_manifest_is_the_same_bytes_on_a_rerun(tmp_path):
    src = tiny_bulletin(tmp_path)
    out = tmp_path / "out"
    assert main([str(src), "--to", "txt,tei", "-o", str(out), "-q", "-j", "1"]) == 0
    first = (out / "manifest.json").read_bytes()
    assert main([str(src), "--to", "txt,tei", "-o", str(out), "-q", "-j", "1"]) == 0
    assert (out / "manifest.json").read_bytes() == first
    assert "seconds" not in first.decode()
