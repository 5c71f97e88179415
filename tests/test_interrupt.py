"""Interrupted and failed runs leave no partial or temporary files and keep earlier good outputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from sampledata import ROOT, SAMPLES

from convert.cli import main


def strays(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".") or "partial" in p.name or p.suffix == ".tmp"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_batch_leaves_no_partial_files(tmp_path, sig):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        for p in SAMPLES:
            shutil.copy(p, folder / f"{n}-{p.name}")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "convert", str(folder), "--to", "all", "-o", str(out), "-j", "2", "-q"],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not (out.exists() and any(out.glob("*.pdf"))):
        time.sleep(0.1)
    os.killpg(proc.pid, sig)  # as a terminal's Ctrl-C (or a service manager) reaches the whole group
    proc.wait(timeout=120)
    assert proc.returncode != 0
    assert strays(out) == []
    for pdf in out.glob("*.pdf"):  # whatever was renamed into place is whole
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")


def test_failed_run_keeps_the_earlier_good_output(tmp_path, monkeypatch):
    sample = SAMPLES[0]
    assert main([str(sample), "--to", "txt,epub", "-o", str(tmp_path), "-q"]) == 0
    good = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    import convert.writers.epub as epub

    def broken(root, opts, path):
        path.write_bytes(b"PK half an epub")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(epub, "write", broken)
    assert main([str(sample), "--to", "txt,epub", "-o", str(tmp_path), "-q", "-j", "1"]) == 1
    now = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    manifest = json.loads(now.pop("manifest.json"))
    good.pop("manifest.json")
    assert now == good
    entry = manifest["inputs"][0]
    assert "disk on fire" in entry["errors"][0]
    assert sorted(o["format"] for o in entry["outputs"]) == ["epub", "txt"]  # the good epub is still listed
