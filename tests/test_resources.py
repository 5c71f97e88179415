"""No file is left open by a conversion: an unclosed font file finalised by the garbage collector
while pikepdf checks a content stream is reported by pikepdf as a PDF/A violation (seen in a Dask
worker), so every writer closes what it opens. Every format and a Traditional variant, in a fresh
process with Python's development mode, every ResourceWarning shown."""

from __future__ import annotations

import subprocess
import sys

from sampledata import SAMPLES


def test_a_conversion_leaves_no_file_open(tmp_path):
    monthly = next(p for p in SAMPLES if p.name.startswith("monthly"))
    code = ("import gc, sys\n"
            "from convert.cli import main\n"
            f"status = main([{str(monthly)!r}, '--to', 'all,ofd', '--variant', 'zh-Hans,zh-Hant-HK',"
            f" '--embed-fonts', '-o', {str(tmp_path)!r}, '-j', '1', '-q'])\n"
            "gc.collect()\n"
            "sys.exit(status)\n")
    run = subprocess.run([sys.executable, "-X", "dev", "-W", "always::ResourceWarning", "-c", code],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ResourceWarning" not in run.stderr, run.stderr[-2000:]
