"""Benchmark of issue #23: what embedded fonts cost, before and after, side by side in one run.

    .venv/bin/python bench/fonts.py [--before 72388f0] [--rounds 3] [--out bench/results-fonts.md]

The *before* tree is the commit given (unpacked with ``git archive`` into a temporary folder and
run with this interpreter, its own ``convert`` package first on ``sys.path``); the *after* tree
is this checkout. For each, the same commands:

- ``epub``: ``--to epub`` without fonts (before: the default; after: ``--no-embed-fonts``);
- ``epub+fonts``: ``--to epub`` with embedded fonts (before: ``--embed-fonts``, fontTools'
  subsetter; after: the default, HarfBuzz's hb-subset);
- ``ofd``: ``--to ofd``; ``pdf``: ``--to pdf`` (for the OFD/PDF ratio).

*Cold*: one fresh process per command and bulletin (the three samples), commands and trees
alternated round after round, so that the load of the shared machine falls on all alike;
figures are medians per bulletin, then the mean over the bulletins. *Batch*: one process (``-j
1``) converting every input of the corpus (samples and the genre samples: 10 documents) with
each command; CPU seconds per document. CPU = user + system of the process tree (what the
targets are about: the machine is shared, wall time follows its load). The sizes are those of
the EPUBs with fonts of the samples, every variant. Targets (issue #23): embedding adds ≤ 0.15 s
CPU per bulletin; ``--to ofd`` ≤ 1.1 × ``--to pdf``; an EPUB with fonts ≤ 400 KB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import run_cpu  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GENRES = sorted((ROOT.parent / "shared" / "samples" / "genres").glob("*.txt"))
ENTRY = "import sys; sys.path.insert(0, sys.argv.pop(1)); from convert.cli import entry; sys.argv[0] = 'convert'; entry()"
COMMANDS = {  # name: (before's arguments, after's arguments)
    "epub": (["--to", "epub"], ["--to", "epub", "--no-embed-fonts"]),
    "epub+fonts": (["--to", "epub", "--embed-fonts"], ["--to", "epub"]),
    "ofd": (["--to", "ofd"], ["--to", "ofd"]),
    "pdf": (["--to", "pdf"], ["--to", "pdf"]),
}


def unpack(commit: str, into: Path) -> Path:
    """The tree of *commit* unpacked into *into* (``git archive``); returns its folder."""
    tree = into / commit
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def convert(tree: Path, args: list[str], inputs: list[Path], out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one ``convert`` process of *tree* over *inputs*."""
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-c", ENTRY, str(tree), *map(str, inputs), *args, "-o", str(out), "-j", "1", "-q"]
    wall, cpu, _peak, _err = run_cpu(cmd)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default="72388f0")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results-fonts.md")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="convert-bench-fonts-"))
    try:
        trees = {"before": unpack(args.before, work), "after": ROOT}
        load0 = os.getloadavg()
        started = time.time()
        # warm the on-disk cache (parsed fonts, glyph verdicts, jieba's table) for both trees
        for name, tree in trees.items():
            for k, (cmd_before, cmd_after) in COMMANDS.items():
                convert(tree, cmd_before if name == "before" else cmd_after, SAMPLES, work / "warm")
        cold: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        for _round in range(args.rounds):
            for sample in SAMPLES:
                for k, (cmd_before, cmd_after) in COMMANDS.items():
                    for name, tree in trees.items():
                        cmd = cmd_before if name == "before" else cmd_after
                        cold.setdefault((name, k, sample.stem), []).append(
                            convert(tree, cmd, [sample], work / "cold"))
        batch: dict[tuple[str, str], tuple[float, float]] = {}
        corpus = SAMPLES + GENRES
        for k, (cmd_before, cmd_after) in COMMANDS.items():
            for name, tree in trees.items():
                cmd = cmd_before if name == "before" else cmd_after
                batch[(name, k)] = convert(tree, cmd, corpus, work / f"batch-{name}-{k}")
        documents = sum(1 for _ in (work / "batch-after-epub").glob("*.epub"))
        sizes = {}
        out = work / "sizes"
        convert(ROOT, ["--to", "epub", "--variant", "all"], SAMPLES, out)
        for f in sorted(out.glob("*.epub")):
            sizes[f.name] = f.stat().st_size
        load1 = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def cold_mean(name: str, k: str, which: int) -> float:
        return statistics.mean(statistics.median(v[which] for v in cold[(name, k, s.stem)]) for s in SAMPLES)

    lines = [f"# Fonts benchmark (issue #23): before ({args.before}) and after, side by side",
             "",
             f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}, {os.cpu_count()} cores, "
             f"Python {sys.version.split()[0]}; load average {load0[0]:.1f} (1 min) before, {load1[0]:.1f} after. "
             f"Made by `bench/fonts.py` (its docstring says how).",
             "",
             f"## Cold: one process per bulletin ({len(SAMPLES)} samples, {args.rounds} rounds, alternated)",
             "",
             "| command | before: CPU s | after: CPU s | before: wall s | after: wall s |",
             "| --- | --- | --- | --- | --- |"]
    for k in COMMANDS:
        lines.append(f"| {k} | {cold_mean('before', k, 1):.3f} | {cold_mean('after', k, 1):.3f} | "
                     f"{cold_mean('before', k, 0):.3f} | {cold_mean('after', k, 0):.3f} |")
    lines += ["", f"## Batch: one process, `-j 1`, {documents} documents (samples and genre samples)", "",
              "| command | before: CPU s per document | after: CPU s per document | before: wall s | after: wall s |",
              "| --- | --- | --- | --- | --- |"]
    for k in COMMANDS:
        b, a = batch[("before", k)], batch[("after", k)]
        lines.append(f"| {k} | {b[1] / documents:.3f} | {a[1] / documents:.3f} | {b[0]:.2f} | {a[0]:.2f} |")

    def added(name: str, mode: str) -> float:
        if mode == "cold":
            return cold_mean(name, "epub+fonts", 1) - cold_mean(name, "epub", 1)
        return (batch[(name, "epub+fonts")][1] - batch[(name, "epub")][1]) / documents

    def ratio(name: str, mode: str) -> float:
        if mode == "cold":
            return cold_mean(name, "ofd", 1) / cold_mean(name, "pdf", 1)
        return batch[(name, "ofd")][1] / batch[(name, "pdf")][1]

    biggest = max(sizes.values())
    lines += ["", "## Targets", "",
              "| measure | before | after | target |", "| --- | --- | --- | --- |",
              f"| CPU s embedding adds to `--to epub`, cold | {added('before', 'cold'):.3f} | {added('after', 'cold'):.3f} | ≤ 0.15 |",
              f"| CPU s embedding adds per bulletin, batch | {added('before', 'batch'):.3f} | {added('after', 'batch'):.3f} | ≤ 0.15 |",
              f"| `--to ofd` / `--to pdf`, CPU, cold | {ratio('before', 'cold'):.2f} | {ratio('after', 'cold'):.2f} | ≤ 1.1 |",
              f"| `--to ofd` / `--to pdf`, CPU, batch | {ratio('before', 'batch'):.2f} | {ratio('after', 'batch'):.2f} | ≤ 1.1 |",
              f"| largest EPUB with fonts of the samples (every variant) | | {biggest / 1000:.0f} KB | ≤ 400 KB |",
              "", "EPUB with fonts, after (bytes):", ""]
    lines += [f"- {name}: {size:,}" for name, size in sizes.items()]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
