"""What tagging costs: the PDF writer's time and file size, tagged (PDF/A-2a, -3a) against untagged
(PDF/A-2b, -3b), on the samples.

Usage: ``.venv/bin/python bench/pdf_tagging.py [--runs N] [--out FILE]`` (default 5 runs; prints a
Markdown table, also written to FILE when given). In one process, after a warm-up write of each
flavour (fonts parsed, validator loaded), each sample is written N times per flavour, the
flavours alternating; the table gives the median CPU seconds of the process (less disturbed by
other work on the machine than wall time, which is given too) and the file size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert.options import WriterOptions  # noqa: E402
from convert.reader import read_bulletin  # noqa: E402
from convert.tei import to_bytes  # noqa: E402
from convert.writers import pdf as pdf_writer  # noqa: E402

PAIRS = (("2b", "2a"), ("3b", "3a"))


def measure(runs: int) -> list[str]:
    """The Markdown table (lines) of the measurement."""
    samples = sorted((ROOT / "samples").glob("*.txt"))
    lines = ["| bulletin | untagged → tagged | CPU s (median) | wall s (median) | size (bytes) |",
             "| --- | --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for sample in samples:
            root = read_bulletin(sample.read_text(encoding="utf-8"), sample.name)
            tei = to_bytes(root)
            for pair in PAIRS:
                cpu = {fl: [] for fl in pair}
                wall = {fl: [] for fl in pair}
                size = {}
                for k in range(runs + 1):
                    for fl in pair:
                        path = out / f"{sample.stem}-{fl}.pdf"
                        c0, w0 = time.process_time(), time.perf_counter()
                        pdf_writer.write(root, WriterOptions(pdfa=fl, source_name=sample.name, tei_bytes=tei), path)
                        if k:  # the first round is the warm-up
                            cpu[fl].append(time.process_time() - c0)
                            wall[fl].append(time.perf_counter() - w0)
                        size[fl] = path.stat().st_size
                b, a = pair
                mc = {fl: statistics.median(cpu[fl]) for fl in pair}
                mw = {fl: statistics.median(wall[fl]) for fl in pair}
                lines.append(
                    f"| {sample.stem} | {b} → {a} | {mc[b]:.2f} → {mc[a]:.2f} ({(mc[a] / mc[b] - 1) * 100:+.0f} %) "
                    f"| {mw[b]:.2f} → {mw[a]:.2f} ({(mw[a] / mw[b] - 1) * 100:+.0f} %) "
                    f"| {size[b]:,} → {size[a]:,} ({(size[a] / size[b] - 1) * 100:+.1f} %) |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    lines = measure(args.runs)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
