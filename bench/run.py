"""Benchmark: per-bulletin and batch wall times, the anchors a user would pick instead (pandoc
Markdown → EPUB 3, WeasyPrint HTML → PDF/A-2b), peak memory as the corpus doubles, and a profile
of one bulletin. A script with figures, not a timed test.

    .venv/bin/python bench/run.py [--corpus 200] [--single 6] [--skip-anchors] [--out bench/results.md]

Needs the project's .venv (scripts/install.sh), Debian's pandoc (2.17) and WeasyPrint from PyPI for
the anchors (``bench/setup.sh`` installs both). Writes a Markdown report (default
``bench/results.md``) and prints it.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build  # noqa: E402

CONVERT = [sys.executable, "-m", "convert"]
CORES = os.cpu_count() or 1


def tree_rss(pid: int) -> int:
    """Resident set size (bytes) of process *pid* and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def run(cmd: list[str], measure_memory: bool = False) -> tuple[float, int]:
    """Run *cmd*; returns (wall seconds, peak RSS of its process tree in bytes, sampled every
    50 ms when *measure_memory*). Raises on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = 0
    if measure_memory:
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-2000:]}")
    return wall, peak


# ---------------------------------------------------------------------------------- anchors


def markdown_for_pandoc(src: Path, dst: Path) -> None:
    """The bulletin text as pandoc Markdown: it already is (headings, bold, lists); only the
    title metadata is added so that pandoc makes a valid EPUB."""
    dst.write_text(f"---\ntitle: {src.stem}\nlang: zh-Hans\n---\n\n" + src.read_text(encoding="utf-8"),
                   encoding="utf-8")


HTML_STYLE = """
@font-face { font-family: "UMing"; src: url("file:///usr/share/fonts/truetype/arphic/uming.ttc"); }
@page { size: A4; margin: 25mm 25mm; @bottom-center { content: counter(page); } }
body { font-family: "AR PL UMing CN", "UMing", serif; font-size: 10.5pt; line-height: 1.7; }
p { text-indent: 2em; text-align: justify; margin: 0 0 4pt; }
h1, h2, h3 { font-family: "WenQuanYi Zen Hei", sans-serif; text-align: center; }
"""


def html_for_weasyprint(src: Path, dst: Path) -> None:
    """The bulletin as simple HTML (one <p> per line, # lines as headings), as a user would make it."""
    import html
    import re

    parts = []
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = re.match(r"^(#{1,3})\s+(.*)", line)
        if m:
            n = len(m.group(1))
            parts.append(f"<h{n}>{html.escape(m.group(2).replace('**', ''))}</h{n}>")
        else:
            parts.append(f"<p>{html.escape(line.replace('**', ''))}</p>")
    dst.write_text(f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{src.stem}</title>'
                   f"<style>{HTML_STYLE}</style></head><body>{''.join(parts)}</body></html>", encoding="utf-8")


# ---------------------------------------------------------------------------------- profile


#: (label, module, attribute path): functions timed by wrapping them (wall time, inclusive).
PHASES = [
    ("reading the text (reader)", "convert.reader", "read_bulletin"),
    ("TEI validation (own schema)", "convert.validate", "check_tei"),
    ("PDF writer, all of it", "convert.writers.pdf", "write"),
    ("  layout (reportlab; two passes for the contents' page numbers)", "convert.writers.pdf", "_Document.build"),
    ("  PDF/A: metadata, prepare, save and validate (pikepdf)", "convert.writers.pdf", "_finish"),
    ("    of which validating the written file (pikepdf.pdfa)", "pikepdf.pdfa._api", "validate_written"),
    ("EPUB writer (build, pack, self-check)", "convert.writers.epub", "write"),
]


def profile_one(sample: Path, outdir: Path) -> list[tuple[str, float]]:
    """Wall seconds per phase for one bulletin, ``--to all``, in-process after a warm-up run
    (fonts parsed, schema compiled): each phase's function is wrapped with a timer."""
    import importlib

    from convert.batch import Settings, convert_one

    settings = Settings(("tei", "txt", "pdf", "epub"))
    convert_one(sample, settings, outdir)
    spent = {label: 0.0 for label, _, _ in PHASES}
    undo = []
    for label, module, attr in PHASES:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def timed(*a, __f=original, __label=label, **k):
            t0 = time.perf_counter()
            try:
                return __f(*a, **k)
            finally:
                spent[__label] += time.perf_counter() - t0

        setattr(owner, name, timed)
        undo.append((owner, name, original))
    try:
        start = time.perf_counter()
        convert_one(sample, settings, outdir)
        total = time.perf_counter() - start
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    return [("total, --to all", total)] + [(label, spent[label]) for label, _, _ in PHASES]


# ---------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=int, default=200, help="bulletins in the batch corpus (default 200)")
    ap.add_argument("--single", type=int, default=6, help="bulletins timed one process each (default 6)")
    ap.add_argument("--skip-anchors", action="store_true", help="do not run pandoc and WeasyPrint")
    ap.add_argument("--skip-doubling", action="store_true", help="do not run the 2x corpus for memory")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    ap.add_argument("--profile-only", action="store_true", help="only the profile of one bulletin")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="convert-bench-"))
    if args.profile_only:
        for label, secs in profile_one(ROOT / "samples" / "monthly-2020-01-no90.txt", work):
            print(f"| {label} | {secs:.2f} |")
        shutil.rmtree(work, ignore_errors=True)
        return 0
    lines = [f"# Benchmark ({time.strftime('%Y-%m-%d')}, {CORES} cores, Python {sys.version.split()[0]})", ""]
    try:
        corpus = build(work / "corpus", args.corpus)
        single = corpus[: args.single]
        lines += [f"Corpus: {len(corpus)} bulletins built from the samples (bench/corpus.py); "
                  f"{len(single)} of them timed one process per bulletin.", ""]

        # one process per bulletin, each format
        lines += ["## One process per bulletin (mean wall time, s)", "",
                  "| output | mean | min | max |", "| --- | --- | --- | --- |"]
        per = {}
        for fmt in ["tei", "txt", "epub", "pdf", "all"]:
            times = []
            for src in single:
                out = work / f"single-{fmt}"
                times.append(run(CONVERT + [str(src), "--to", fmt, "-o", str(out), "-j", "1", "-q"])[0])
            per[fmt] = statistics.mean(times)
            lines.append(f"| `--to {fmt}` | {per[fmt]:.2f} | {min(times):.2f} | {max(times):.2f} |")
        lines.append("")

        # anchors
        if not args.skip_anchors:
            lines += ["## Anchors (same bulletins, one process each, mean wall time, s)", "",
                      "| tool | mean | ours | ours/theirs |", "| --- | --- | --- | --- |"]
            pandoc, weasy = [], []
            for src in single:
                md, epub = work / f"{src.stem}.md", work / f"{src.stem}.pandoc.epub"
                markdown_for_pandoc(src, md)
                pandoc.append(run(["pandoc", str(md), "-f", "markdown", "-t", "epub3", "-o", str(epub)])[0])
                html, pdf = work / f"{src.stem}.html", work / f"{src.stem}.weasy.pdf"
                html_for_weasyprint(src, html)
                weasy.append(run([sys.executable, "-m", "weasyprint", "--pdf-variant", "pdf/a-2b",
                                  str(html), str(pdf)])[0])
            p, w = statistics.mean(pandoc), statistics.mean(weasy)
            lines.append(f"| pandoc 2.17 Markdown → EPUB 3 | {p:.2f} | {per['epub']:.2f} (`--to epub`) | {per['epub'] / p:.2f} |")
            lines.append(f"| WeasyPrint HTML → PDF/A-2b | {w:.2f} | {per['pdf']:.2f} (`--to pdf`) | {per['pdf'] / w:.2f} |")
            lines.append(f"| WeasyPrint PDF alone vs our four outputs | {w:.2f} | {per['all']:.2f} (`--to all`) | {per['all'] / w:.2f} |")
            lines += ["", f"Target: all four outputs in less than half WeasyPrint's PDF time: "
                      f"{'met' if per['all'] < w / 2 else 'NOT met'} ({per['all']:.2f} s vs {w / 2:.2f} s).", ""]

        # batch mode
        lines += ["## Batch mode (one `convert` over the corpus folder, `-j` = cores)", "",
                  "| outputs | bulletins | wall s | bulletins/s | per core | target/core | peak RSS of the process tree |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        batch_rows = [("tei,txt,epub", corpus, 5.0), ("all", corpus, 2.0)]
        if not args.skip_doubling:
            double = build(work / "corpus2", 2 * len(corpus))
            batch_rows.append(("tei,txt,epub", double, None))
        for fmt, files, target in batch_rows:
            folder = files[0].parent
            wall, peak = run(CONVERT + [str(folder), "--to", fmt, "-o", str(work / f"batch-{fmt}-{len(files)}"),
                                        "-j", str(CORES), "-q"], measure_memory=True)
            rate = len(files) / wall
            verdict = "" if target is None else f"{target:g} ({'met' if rate / CORES >= target else 'NOT met'})"
            lines.append(f"| `--to {fmt}` | {len(files)} | {wall:.1f} | {rate:.2f} | {rate / CORES:.2f} | {verdict} | {peak / 2**20:.0f} MiB |")
        lines.append("")

        # profile
        lines += ["## Where the time goes (one monthly bulletin, `--to all`, in-process, wall s)", "",
                  "| phase | seconds |", "| --- | --- |"]
        for label, secs in profile_one(ROOT / "samples" / "monthly-2020-01-no90.txt", work / "profile"):
            lines.append(f"| {label} | {secs:.2f} |")
        lines.append("")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
