"""Batch conversion: folders as input, worker processes, the manifest, --skip-existing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

from sampledata import SAMPLES

from convert.cli import main


def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SAMPLES:
        shutil.copy(p, folder / p.name)
    return folder


def test_folder_in_worker_processes_with_manifest(tmp_path, capsys):
    folder, out = corpus(tmp_path), tmp_path / "out"
    assert main([str(folder), "--to", "tei,txt", "-o", str(out), "-j", "2"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith(f"{len(SAMPLES)} inputs: {len(SAMPLES)} converted, 0 skipped, 0 failed; {2 * len(SAMPLES)} outputs")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [e["input"] for e in manifest["inputs"]] == sorted(str(folder / p.name) for p in SAMPLES)
    for entry in manifest["inputs"]:
        assert entry["sha256"] == hashlib.sha256(open(entry["input"], "rb").read()).hexdigest()
        assert entry["options"]["formats"] == ["tei", "txt"]
        assert len(entry["outputs"]) == 2
        for o in entry["outputs"]:
            data = (out / o["path"]).read_bytes()  # relative to the manifest's folder
            assert (o["sha256"], o["size"]) == (hashlib.sha256(data).hexdigest(), len(data))


def test_parallel_and_serial_give_identical_outputs(tmp_path):
    folder = corpus(tmp_path)
    assert main([str(folder), "--to", "tei,txt", "-o", str(tmp_path / "a"), "-j", "2", "-q"]) == 0
    assert main([str(folder), "--to", "tei,txt", "-o", str(tmp_path / "b"), "-j", "1", "-q"]) == 0
    for p in SAMPLES:
        for ext in (".xml", ".txt"):
            name = p.stem + ext
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_skip_existing(tmp_path, capsys):
    folder, out = corpus(tmp_path), tmp_path / "out"
    args = [str(folder), "--to", "txt", "-o", str(out), "-j", "1"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args + ["--skip-existing"]) == 0
    assert capsys.readouterr().out.count("skipped ") == len(SAMPLES)
    touched = folder / SAMPLES[0].name
    os.utime(touched, (os.path.getmtime(touched) + 100,) * 2)
    assert main(args + ["--skip-existing"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("skipped ") == len(SAMPLES) - 1 and f"{SAMPLES[0].stem}.txt" in printed
    assert main(args + ["--skip-existing", "--variant", "zh-Hans,zh-Hant"]) == 0  # other options
    assert capsys.readouterr().out.count("skipped ") == 0


def test_embed_fonts_reports_the_size_added(tmp_path, capsys):
    sample = SAMPLES[0]
    assert main([str(sample), "--to", "epub", "--embed-fonts", "-o", str(tmp_path), "-j", "1"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[0]
    added = int(line.split("embedded font subset: ")[1].split(" bytes")[0].replace(",", ""))
    assert 50_000 < added < 1_000_000
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["outputs"][0]["notes"] == [f"embedded font subset: {added:,} bytes"]


def test_one_input_is_divided_among_the_workers(tmp_path, capsys):
    """Fewer inputs than workers: the variants, and the PDF apart from the other formats, run in
    separate workers; the outputs, the manifest entry and the log are those of one process."""
    from convert.batch import Settings, work_units

    settings = Settings(("tei", "txt", "pdf", "epub"), ("zh-Hans", "zh-Hant-TW"))
    units = work_units([SAMPLES[0]], settings, 2)
    assert [u.variants for _, u in units] == [("zh-Hans",), ("zh-Hans",), ("zh-Hant-TW",), ("zh-Hant-TW",)]
    assert [u.formats for _, u in units] == [("pdf",), ("tei", "txt", "epub")] * 2
    assert work_units(list(SAMPLES), Settings(("tei", "pdf")), 2) == [(i, Settings(("tei", "pdf")))
                                                                     for i in range(len(SAMPLES))]

    src = SAMPLES[0]
    args = [str(src), "--to", "all", "--variant", "zh-Hans,zh-Hant-TW"]
    assert main(args + ["-o", str(tmp_path / "a"), "-j", "2"]) == 0
    log = capsys.readouterr().out
    wrote = [line.split()[1] for line in log.splitlines() if line.startswith("wrote ")]
    stem = str(tmp_path / "a" / src.stem)
    assert wrote == [f"{stem}{tag}{ext}" for tag in ("", ".zh-Hant-TW") for ext in (".xml", ".txt", ".pdf", ".epub")]
    assert main(args + ["-o", str(tmp_path / "b"), "-j", "1", "-q"]) == 0
    entries = [json.loads((tmp_path / d / "manifest.json").read_text(encoding="utf-8"))["inputs"] for d in "ab"]
    assert len(entries[0]) == len(entries[1]) == 1
    a, b = entries[0][0], entries[1][0]
    assert (a["errors"], a["warnings"], a["sha256"]) == (b["errors"], b["warnings"], b["sha256"])
    assert [(o["variant"], o["format"], o["sha256"]) for o in a["outputs"]] == \
           [(o["variant"], o["format"], o["sha256"]) for o in b["outputs"]]
    assert len(a["outputs"]) == 8
