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
import json
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


def run(cmd: list[str], measure_memory: bool = False) -> tuple[float, int, str]:
    """Run *cmd*; returns (wall seconds, peak RSS of its process tree in bytes, sampled every
    50 ms when *measure_memory*, its standard error). Raises on a non-zero exit."""
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
    return wall, peak, err.decode(errors="replace")


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


# ---------------------------------------------------------------------------------- anchor runs

#: Runs in a fresh interpreter: warms up on the first file, then prints one line per file,
#: "<seconds> <name>", for our four outputs in-process (convert.batch.convert_one).
OURS_WARM = """
import sys, time
from pathlib import Path
from convert.batch import Settings, convert_one
files, out = [Path(a) for a in sys.argv[2:]], Path(sys.argv[1])
settings = Settings(("tei", "txt", "pdf", "epub"))
convert_one(files[0], settings, out / "warm-up")
for f in files:
    t = time.perf_counter()
    r = convert_one(f, settings, out)
    assert not r.errors, r.errors
    print(f"{time.perf_counter() - t:.4f} {f.name}")
"""

#: The same for WeasyPrint, HTML → PDF/A-2b through its Python API (weasyprint.HTML.write_pdf).
WEASY_WARM = """
import sys, time
from pathlib import Path
from weasyprint import HTML
files, out = [Path(a) for a in sys.argv[2:]], Path(sys.argv[1])
HTML(files[0]).write_pdf(out / "warm-up.pdf", pdf_variant="pdf/a-2b")
for f in files:
    t = time.perf_counter()
    HTML(f).write_pdf(out / (f.stem + ".pdf"), pdf_variant="pdf/a-2b")
    print(f"{time.perf_counter() - t:.4f} {f.name}")
"""


def warm_times(script: str, out: Path, files: list[Path]) -> list[float]:
    """Seconds per file of *script* (OURS_WARM or WEASY_WARM) after a warm-up, in one process."""
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, "-c", script, str(out)] + [str(f) for f in files],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise RuntimeError(f"warm run failed: {proc.stderr[-2000:]}")
    return [float(line.split()[0]) for line in proc.stdout.splitlines() if line.strip()]


def anchors(single: list[Path], per: dict, fresh: dict, work: Path) -> list[str]:
    """pandoc and WeasyPrint on the *single* bulletins, one process each, then warm in-process;
    the report's lines."""
    pandoc, weasy, subset_failed = [], [], {}
    htmls = []
    for src in single:
        md, epub = work / f"{src.stem}.md", work / f"{src.stem}.pandoc.epub"
        markdown_for_pandoc(src, md)
        pandoc.append(run(["pandoc", str(md), "-f", "markdown", "-t", "epub3", "-o", str(epub)])[0])
        html, pdf = work / f"{src.stem}.html", work / f"{src.stem}.weasy.pdf"
        html_for_weasyprint(src, html)
        htmls.append(html)
        wall, _peak, err = run([sys.executable, "-m", "weasyprint", "--pdf-variant", "pdf/a-2b", str(html), str(pdf)])
        weasy.append(wall)
        subset_failed[src] = "Unable to subset" in err
    p, w = statistics.mean(pandoc), statistics.mean(weasy)
    lines = ["## Anchors (same bulletins, one process each, mean wall time, s)", "",
             "| tool | mean | ours | ours/theirs |", "| --- | --- | --- | --- |",
             f"| pandoc 2.17 Markdown → EPUB 3 | {p:.2f} | {per['epub']:.2f} (`--to epub`) | {per['epub'] / p:.2f} |",
             f"| WeasyPrint HTML → PDF/A-2b | {w:.2f} | {per['pdf']:.2f} (`--to pdf`) | {per['pdf'] / w:.2f} |",
             f"| WeasyPrint PDF alone vs our four outputs | {w:.2f} | {per['all']:.2f} (`--to all`) | {per['all'] / w:.2f} |",
             "", "Per bulletin (one process each, s): WeasyPrint's PDF, our `--to pdf` and our four outputs (`--to all`).",
             "WeasyPrint prints \"Unable to subset AR PL UMing CN with HarfBuzz\" on some bulletins and then",
             "embeds the whole 10 MB face; those runs are marked.", "",
             "| bulletin | WeasyPrint PDF | could subset | ours `--to pdf` | ours `--to all` | all/WeasyPrint |",
             "| --- | --- | --- | --- | --- | --- |"]
    for src, wt in zip(single, weasy):
        ours = fresh["all"][src]
        lines.append(f"| {src.name} | {wt:.2f} | {'no' if subset_failed[src] else 'yes'} | "
                     f"{fresh['pdf'][src]:.2f} | {ours:.2f} | {ours / wt:.2f} |")
    ok = [s for s in single if not subset_failed[s]]
    lines.append("")
    verdict = "met" if per["all"] < w / 2 else "NOT met"
    lines.append(f"Target (all four outputs in less than half WeasyPrint's PDF time), mean over the bulletins: "
                 f"{verdict} ({per['all']:.2f} s vs {w / 2:.2f} s).")
    if ok:
        wo = statistics.mean(weasy[single.index(s)] for s in ok)
        oo = statistics.mean(fresh["all"][s] for s in ok)
        lines.append(f"On the {len(ok)} bulletins WeasyPrint subsets normally: ours {oo:.2f} s vs WeasyPrint "
                     f"{wo:.2f} s, ratio {oo / wo:.2f} ({'met' if oo < wo / 2 else 'NOT met'}).")
    lines.append("")
    lines += warm_rows(single, work, weasyprint=True, htmls=htmls, subset_failed=subset_failed)
    return lines


def warm_rows(single: list[Path], work: Path, weasyprint: bool, htmls: list[Path] | None = None,
              subset_failed: dict | None = None) -> list[str]:
    """Per-bulletin time in a warm process (imports done, fonts parsed): our four outputs, and
    WeasyPrint's PDF when *weasyprint*."""
    ours = warm_times(OURS_WARM, work / "warm-ours", single)
    lines = ["## Warm, in-process (one process converts the bulletins one after another; s per bulletin)", "",
             "This is what each bulletin costs once the process has started (imports, fonts, schemas loaded):",
             "the batch workers' situation, and a library call's.", ""]
    if weasyprint and htmls:
        theirs = warm_times(WEASY_WARM, work / "warm-weasy", htmls)
        lines += ["| bulletin | WeasyPrint PDF | could subset | ours, four outputs | ours/theirs |",
                  "| --- | --- | --- | --- | --- |"]
        for src, o, t in zip(single, ours, theirs):
            lines.append(f"| {src.name} | {t:.3f} | {'no' if subset_failed[src] else 'yes'} | {o:.3f} | {o / t:.2f} |")
        lines.append(f"| mean | {statistics.mean(theirs):.3f} | | {statistics.mean(ours):.3f} | "
                     f"{statistics.mean(ours) / statistics.mean(theirs):.2f} |")
    else:
        lines += ["| bulletin | ours, four outputs |", "| --- | --- |"]
        lines += [f"| {src.name} | {o:.3f} |" for src, o in zip(single, ours)]
    lines.append("")
    return lines


# ---------------------------------------------------------------------------------- profile


#: (label, module, attribute path): functions timed by wrapping them (wall time, inclusive).
PHASES = [
    ("reading the text (reader)", "convert.reader", "read_bulletin"),
    ("TEI validation (own schema)", "convert.validate", "check_tei"),
    ("PDF writer, all of it", "convert.writers.pdf", "write"),
    ("  fonts (parsing the TrueType faces; once per process)", "convert.writers.pdf", "_document"),
    ("  layout (reportlab, one pass)", "convert.writers.pdf", "_Document.build"),
    ("  PDF/A: metadata, prepare, save and validate (pikepdf)", "convert.writers.pdf", "_finish"),
    ("    of which validating the written file (pikepdf.pdfa)", "pikepdf.pdfa._api", "validate_written"),
    ("EPUB writer (build, pack, self-check)", "convert.writers.epub", "write"),
]


def profile_one(sample: Path, outdir: Path, warm: bool = True) -> list[tuple[str, float]]:
    """Wall seconds per phase for one bulletin, ``--to all``, in-process: after a warm-up run
    (fonts parsed, schema compiled) when *warm*, else the first conversion of this process
    (call it in a fresh interpreter: ``--profile-cold``; imports are then a phase of their own).
    Each phase's function is wrapped with a timer."""
    import importlib

    started = time.perf_counter()
    from convert.batch import Settings, convert_one

    imports = 0.0
    if not warm:
        import convert.writers.epub  # noqa: F401  (what convert_one would import on its way)
        import convert.writers.pdf  # noqa: F401
        import pikepdf.pdfa  # noqa: F401
        imports = time.perf_counter() - started
    settings = Settings(("tei", "txt", "pdf", "epub"))
    outdir.mkdir(parents=True, exist_ok=True)
    if warm:
        first = convert_one(sample, settings, outdir)
        if first.errors:
            raise RuntimeError(f"profile: {first.errors}")
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
        result = convert_one(sample, settings, outdir)
        total = time.perf_counter() - start
        if result.errors:
            raise RuntimeError(f"profile: {result.errors}")
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    rows = [("total, --to all", total)]
    if not warm:
        rows = [("imports (convert, reportlab, pikepdf.pdfa, ebooklib …)", imports)] + rows
    return rows + [(label, spent[label]) for label, _, _ in PHASES]


def profile_rows(sample: Path, work: Path) -> list[str]:
    """The profile table: the first bulletin of a fresh process, and a bulletin in a warm one."""
    proc = subprocess.run([sys.executable, str(Path(__file__)), "--profile-cold", str(sample)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise RuntimeError(f"cold profile failed: {proc.stderr[-2000:]}")
    cold = dict(json.loads(proc.stdout))
    warm = dict(profile_one(sample, work / "profile"))
    lines = ["| phase | first bulletin of a process | warm process |", "| --- | --- | --- |"]
    for label in list(cold):
        w = f"{warm[label]:.3f}" if label in warm else ""
        lines.append(f"| {label} | {cold[label]:.3f} | {w} |")
    return lines


# ---------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=int, default=200, help="bulletins in the batch corpus (default 200)")
    ap.add_argument("--single", type=int, default=6, help="bulletins timed one process each (default 6)")
    ap.add_argument("--skip-anchors", action="store_true", help="do not run pandoc and WeasyPrint")
    ap.add_argument("--skip-doubling", action="store_true", help="do not run the 2x corpus for memory")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    ap.add_argument("--profile-only", action="store_true", help="only the profile of one bulletin")
    ap.add_argument("--profile-cold", type=Path, help=argparse.SUPPRESS)  # internal: JSON of a fresh process
    args = ap.parse_args()

    if args.profile_cold:
        with tempfile.TemporaryDirectory(prefix="convert-profile-") as tmp:
            print(json.dumps(profile_one(args.profile_cold, Path(tmp), warm=False)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="convert-bench-"))
    if args.profile_only:
        print("\n".join(profile_rows(ROOT / "samples" / "monthly-2020-01-no90.txt", work)))
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
        per, fresh = {}, {}
        for fmt in ["tei", "txt", "epub", "pdf", "all"]:
            times = []
            for src in single:
                out = work / f"single-{fmt}"
                times.append(run(CONVERT + [str(src), "--to", fmt, "-o", str(out), "-j", "1", "-q"])[0])
            per[fmt] = statistics.mean(times)
            fresh[fmt] = dict(zip(single, times))
            lines.append(f"| `--to {fmt}` | {per[fmt]:.2f} | {min(times):.2f} | {max(times):.2f} |")
        times = [run(CONVERT + [str(src), "--to", "all", "-o", str(work / "single-all-j"), "-q"])[0] for src in single]
        lines.append(f"| `--to all`, default `-j` ({CORES}: the PDF in one worker, the rest in another) | "
                     f"{statistics.mean(times):.2f} | {min(times):.2f} | {max(times):.2f} |")
        lines += ["", "`-j 1` above: everything in the one process, as WeasyPrint and pandoc run.", ""]

        # anchors
        if not args.skip_anchors:
            lines += anchors(single, per, fresh, work)
        else:
            lines += warm_rows(single, work, weasyprint=False)

        # batch mode
        lines += ["## Batch mode (one `convert` over the corpus folder, `-j` = cores)", "",
                  "| outputs | bulletins | wall s | s per bulletin per core | bulletins/s | per core | target/core | peak RSS of the process tree |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        batch_rows = [(fmt, corpus, None) for fmt in ("tei", "txt", "epub", "pdf")]
        batch_rows += [("tei,txt,epub", corpus, 5.0), ("all", corpus, 2.0)]
        if not args.skip_doubling:
            double = build(work / "corpus2", 2 * len(corpus))
            batch_rows += [("tei,txt,epub", double, None), ("all", double, None)]
        for fmt, files, target in batch_rows:
            folder = files[0].parent
            wall, peak, _err = run(CONVERT + [str(folder), "--to", fmt, "-o", str(work / f"batch-{fmt}-{len(files)}"),
                                        "-j", str(CORES), "-q"], measure_memory=True)
            rate = len(files) / wall
            verdict = "" if target is None else f"{target:g} ({'met' if rate / CORES >= target else 'NOT met'})"
            lines.append(f"| `--to {fmt}` | {len(files)} | {wall:.1f} | {CORES / rate:.3f} | {rate:.2f} | {rate / CORES:.2f} | "
                         f"{verdict} | {peak / 2**20:.0f} MiB |")
        lines.append("")

        # profile
        lines += ["## Where the time goes (one monthly bulletin, `--to all`, in-process, wall s)", ""]
        lines += profile_rows(ROOT / "samples" / "monthly-2020-01-no90.txt", work)
        lines.append("")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
