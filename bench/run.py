"""Benchmark: per-bulletin and batch wall times, the anchors a user would pick instead (pandoc
Markdown → EPUB 3, WeasyPrint HTML → PDF/A-2b, typst → tagged PDF/A-2b), peak memory as the
corpus doubles, and a profile of one cold conversion. A script with figures, not a timed test.

    .venv/bin/python bench/run.py [--corpus 200] [--single 6] [--rounds 3] [--skip-anchors]
                                  [--before DIR] [--out bench/results.md]

Needs the project's .venv (scripts/install.sh), Debian's pandoc (2.17), WeasyPrint and typst from
PyPI for the anchors (``bench/setup.sh`` installs them). Writes a Markdown report (default
``bench/results.md``) and prints it.

The machine may be shared: cold runs of the commands compared are alternated (one of each, per
bulletin, per round), so that load changes hit them alike, and the report gives ratios of
medians as well as seconds, with CPU time (user + system of the process tree) beside wall time,
and the load average before and after.
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
    wall, _cpu, peak, err = run_cpu(cmd, measure_memory)
    return wall, peak, err


def run_cpu(cmd: list[str], measure_memory: bool = False) -> tuple[float, float, int, str]:
    """As :func:`run`, plus the CPU seconds (user + system) of *cmd* and its waited-for children:
    (wall, cpu, peak RSS, stderr)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = 0
    if measure_memory:
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-2000:]}")
    return wall, cpu, peak, err.decode(errors="replace")


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


TYPST_HEAD = """#set document(title: {title})
#set page(paper: "a4", margin: 25mm, footer: context align(center, counter(page).display()))
#set text(font: ("AR PL UMing", "WenQuanYi Zen Hei", "HanaMinA", "HanaMinB"), size: 10.5pt, lang: "zh", region: "cn")
#set par(first-line-indent: 2em, justify: true)
#show heading: set text(font: "WenQuanYi Zen Hei")
#show heading: set align(center)
"""


def typst_for(src: Path, dst: Path) -> None:
    """The bulletin as Typst markup, as a user would write it: ``#`` lines as headings, every
    other line a paragraph; each text a string literal (no markup in it is interpreted)."""
    import re

    def lit(text: str) -> str:
        return json.dumps(re.sub(r"[\x00-\x1f]", " ", text.replace("**", "")), ensure_ascii=False)

    parts = [TYPST_HEAD.format(title=lit(src.stem))]
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = re.match(r"^(#{1,3})\s+(.*)", line)
        parts.append(f"#heading(level: {len(m.group(1))}, {lit(m.group(2))})\n" if m else f"#{lit(line)}\n")
    dst.write_text("\n".join(parts), encoding="utf-8")


#: typst compiles a .typ file to a tagged PDF/A-2b (its Python package, one process per file).
TYPST = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], pdf_standards=['a-2b'])"


# ---------------------------------------------------------------------------------- cold runs

#: name → (label, argv builder). Ours run with the on-disk cache as a user's second run has it
#: (warmed once before timing), except "pdf --no-cache" (what a first run, or --no-cache, costs).
def cold_commands(src: Path, work: Path) -> dict[str, tuple[str, list[str]]]:
    ours = lambda fmt, *extra: CONVERT + [str(src), "--to", fmt, "-o", str(work / f"cold-{fmt}"), "-q", *extra]
    html, md, typ = work / f"{src.stem}.html", work / f"{src.stem}.md", work / f"{src.stem}.typ"
    return {
        "weasyprint": ("WeasyPrint HTML → PDF/A-2b", [sys.executable, "-m", "weasyprint", "--pdf-variant", "pdf/a-2b",
                                                      str(html), str(work / f"{src.stem}.weasy.pdf")]),
        "typst": ("typst → tagged PDF/A-2b", [sys.executable, "-c", TYPST, str(typ), str(work / f"{src.stem}.typst.pdf")]),
        "pandoc": ("pandoc 2.17 Markdown → EPUB 3", ["pandoc", str(md), "-f", "markdown", "-t", "epub3", "-o",
                                                    str(work / f"{src.stem}.pandoc.epub")]),
        "tei": ("ours `--to tei`", ours("tei")),
        "txt": ("ours `--to txt`", ours("txt")),
        "epub": ("ours `--to epub`", ours("epub")),
        "pdf": ("ours `--to pdf`", ours("pdf")),
        "pdf-nocache": ("ours `--to pdf --no-cache` (a first run)", ours("pdf", "--no-cache")),
        "all": ("ours `--to all` (default `-j`: the PDF in one worker, the rest in another)", ours("all")),
        "all-j1": ("ours `--to all -j 1` (everything in one process)", ours("all", "-j", "1")),
    }


def cold(single: list[Path], work: Path, rounds: int, anchors: bool) -> dict:
    """Every command of :func:`cold_commands` on every bulletin of *single*, one fresh process
    each, alternating (round → bulletin → command). Returns ``{"wall": {name: {src: [s]}}, "cpu":
    …, "subset": {src: bool}, "labels": {name: label}}``; ``subset`` is False where WeasyPrint
    printed "Unable to subset" (it then embeds the whole 10 MB face)."""
    wall: dict = {}
    cpu: dict = {}
    subset: dict = {}
    labels: dict = {}
    for src in single:
        markdown_for_pandoc(src, work / f"{src.stem}.md")
        html_for_weasyprint(src, work / f"{src.stem}.html")
        typst_for(src, work / f"{src.stem}.typ")
        run(cold_commands(src, work)["all-j1"][1])  # fills the on-disk cache (a user's first run)
    for _ in range(rounds):
        for src in single:
            for name, (label, cmd) in cold_commands(src, work).items():
                if not anchors and name in ("weasyprint", "typst", "pandoc"):
                    continue
                labels[name] = label
                w, c, _peak, err = run_cpu(cmd)
                wall.setdefault(name, {}).setdefault(src, []).append(w)
                cpu.setdefault(name, {}).setdefault(src, []).append(c)
                if name == "weasyprint":
                    subset[src] = subset.get(src, True) and "Unable to subset" not in err
    return {"wall": wall, "cpu": cpu, "subset": subset, "labels": labels}


def _med(times: dict, name: str, files: list[Path]) -> float:
    """Mean over *files* of each file's median time for command *name* (NaN for no files)."""
    if not files:
        return float("nan")
    return statistics.mean(statistics.median(times[name][f]) for f in files)


def cold_rows(c: dict, single: list[Path], rounds: int) -> tuple[list[str], dict]:
    """The report's cold section and the ratios ``{"pdf": r, "all": r, "typst_pdf": r, …}``
    (means of per-bulletin medians, over the bulletins WeasyPrint subsets)."""
    wall, cpu = c["wall"], c["cpu"]
    ok = [s for s in single if c["subset"].get(s, True)]
    lines = ["## Cold: one bulletin, one fresh process per command (alternating)", "",
             f"Each command ran {rounds} times on each of {len(single)} bulletins, alternating (round → bulletin → "
             "command), so that the load of the shared machine falls on all alike. Figures: mean over the bulletins "
             "of each one's median, in seconds; CPU = user + system of the process tree. Ours use the on-disk cache "
             "as a second run finds it (`--no-cache`: as a first run).", "",
             "| command | wall, all bulletins | wall, bulletins WeasyPrint subsets | CPU, those bulletins |",
             "| --- | --- | --- | --- |"]
    for name in wall:
        lines.append(f"| {c['labels'][name]} | {_med(wall, name, single):.3f} | {_med(wall, name, ok):.3f} | "
                     f"{_med(cpu, name, ok):.3f} |")
    ratios = {}
    if "weasyprint" in wall:
        lines += ["", "Per bulletin (median wall, s). WeasyPrint prints \"Unable to subset AR PL UMing CN with HarfBuzz\" "
                  "on some bulletins and then embeds the whole 10 MB face; those are marked and left out of the ratios.", "",
                  "| bulletin | WeasyPrint | subsets | typst | ours `--to pdf` | ours `--to all` | pdf/WeasyPrint | all/WeasyPrint |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for src in single:
            w = statistics.median(wall["weasyprint"][src])
            t = statistics.median(wall["typst"][src])
            p = statistics.median(wall["pdf"][src])
            a = statistics.median(wall["all"][src])
            lines.append(f"| {src.name} | {w:.2f} | {'yes' if c['subset'].get(src, True) else 'no'} | {t:.2f} | "
                         f"{p:.2f} | {a:.2f} | {p / w:.2f} | {a / w:.2f} |")
        if ok:
            w, t = _med(wall, "weasyprint", ok), _med(wall, "typst", ok)
            wc, tc = _med(cpu, "weasyprint", ok), _med(cpu, "typst", ok)
            ratios = {"weasy": w, "weasy_cpu": wc, "typst": t}
            for key in ("pdf", "pdf-nocache", "all", "all-j1", "tei", "txt", "epub"):
                ratios[key] = _med(wall, key, ok) / w
                ratios[key + "_cpu"] = _med(cpu, key, ok) / wc
                ratios[key + "_typst"] = _med(wall, key, ok) / t
            ratios["epub_pandoc"] = _med(wall, "epub", ok) / _med(wall, "pandoc", ok)
            verdict = lambda r, target: f"{r:.2f} ({'met' if r <= target else 'NOT met'}, target ≤ {target})"
            lines += ["", f"Ratios on the {len(ok)} bulletins WeasyPrint subsets (wall; CPU in brackets):", "",
                      "| ours / anchor | ratio | target |", "| --- | --- | --- |",
                      f"| `--to pdf` / WeasyPrint PDF/A-2b | {ratios['pdf']:.2f} ({ratios['pdf_cpu']:.2f}) | "
                      f"{verdict(ratios['pdf'], 0.5)} |",
                      f"| `--to all` / WeasyPrint PDF/A-2b | {ratios['all']:.2f} ({ratios['all_cpu']:.2f}) | "
                      f"{verdict(ratios['all'], 0.7)} |",
                      f"| `--to all -j 1` / WeasyPrint | {ratios['all-j1']:.2f} ({ratios['all-j1_cpu']:.2f}) | |",
                      f"| `--to pdf --no-cache` / WeasyPrint | {ratios['pdf-nocache']:.2f} ({ratios['pdf-nocache_cpu']:.2f}) | |",
                      f"| `--to pdf` / typst (far anchor) | {ratios['pdf_typst']:.2f} | |",
                      f"| `--to all` / typst | {ratios['all_typst']:.2f} | |",
                      f"| `--to epub` / pandoc EPUB 3 | {ratios['epub_pandoc']:.2f} | |"]
    lines.append("")
    return lines, ratios


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


def profile_rows(before: Path | None, sample: Path, runs: int = 3) -> list[str]:
    """The profile of one cold ``--to pdf`` (bench/coldprofile.py), largest part first, with the
    checkout *before* beside it when given, and each side's top functions under cProfile."""
    from coldprofile import cprofile_top, profile, table  # bench/coldprofile.py

    after = profile(ROOT, sample, runs)
    prior = profile(before.resolve(), sample, runs) if before else None
    lines = table(prior, after)
    for label, tree in (("before", before), ("after", ROOT)):
        if tree is None:
            continue
        lines += ["", f"Most own time under cProfile, {label} (s; cProfile about doubles Python-level time):", ""]
        lines += [f"- {tt:.3f} `{name}`" for name, tt in cprofile_top(Path(tree).resolve(), sample, 8)]
    return lines


# ---------------------------------------------------------------------------------- main


class _Done(Exception):
    """The requested part of the report is complete (``--cold-only``)."""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=int, default=200, help="bulletins in the batch corpus (default 200)")
    ap.add_argument("--single", type=int, default=6, help="bulletins timed one process each (default 6)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of the cold runs (default 3)")
    ap.add_argument("--skip-anchors", action="store_true", help="do not run pandoc, WeasyPrint and typst")
    ap.add_argument("--skip-doubling", action="store_true", help="do not run the 2x corpus for memory")
    ap.add_argument("--before", type=Path, metavar="DIR",
                    help="another checkout (e.g. `git archive` of an older commit) profiled beside this one")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    ap.add_argument("--profile-only", action="store_true", help="only the profile of one cold conversion")
    ap.add_argument("--cold-only", action="store_true", help="only the alternating cold runs (no batch, no profile)")
    args = ap.parse_args()
    sample = ROOT / "samples" / "newsletter-2020-02-29-no634.txt"

    if args.profile_only:
        print("\n".join(profile_rows(args.before, sample)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="convert-bench-"))
    load = os.getloadavg()
    lines = [f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {CORES} cores, Python {sys.version.split()[0]})", ""]
    try:
        corpus = build(work / "corpus", args.corpus)
        single = corpus[: args.single]
        lines += [f"Corpus: {len(corpus)} bulletins built from the samples (bench/corpus.py); "
                  f"{len(single)} of them timed one process per bulletin. Load average when the run began: "
                  f"{load[0]:.1f} (1 min), {load[1]:.1f} (5 min) on {CORES} cores.", ""]
        c = cold(single, work, args.rounds, not args.skip_anchors)
        cold_lines, ratios = cold_rows(c, single, args.rounds)
        lines += cold_lines
        if args.cold_only:
            end = os.getloadavg()
            lines.append(f"Load average when the run ended: {end[0]:.1f} (1 min), {end[1]:.1f} (5 min).")
            raise _Done
        subset_failed = {s: not c["subset"].get(s, True) for s in single}
        lines += warm_rows(single, work, weasyprint=not args.skip_anchors,
                           htmls=[work / f"{s.stem}.html" for s in single], subset_failed=subset_failed)

        # batch mode
        lines += ["## Batch mode (one `convert` over the corpus folder, `-j` = cores)", "",
                  "| outputs | bulletins | wall s | s per bulletin per core | bulletins/s | per core | target | peak RSS of the process tree |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        batch_rows = [(fmt, corpus) for fmt in ("tei", "txt", "epub", "pdf", "tei,txt,epub", "all")]
        if not args.skip_doubling:
            double = build(work / "corpus2", 2 * len(corpus))
            batch_rows += [("tei,txt,epub", double), ("all", double)]
        peaks, per_core = {}, {}
        for fmt, files in batch_rows:
            folder = files[0].parent
            wall, peak, _err = run(CONVERT + [str(folder), "--to", fmt, "-o", str(work / f"batch-{fmt}-{len(files)}"),
                                              "-j", str(CORES), "-q"], measure_memory=True)
            rate = len(files) / wall
            peaks[(fmt, len(files))] = peak
            per_core[(fmt, len(files))] = CORES / rate
            target = ""
            if fmt == "all" and len(files) == len(corpus) and ratios.get("weasy"):
                limit = 0.2 * ratios["weasy"]
                target = (f"≤ 0.2 × WeasyPrint's cold PDF = {limit:.3f} s: {CORES / rate / ratios['weasy']:.2f}× "
                          f"({'met' if CORES / rate <= limit else 'NOT met'})")
            lines.append(f"| `--to {fmt}` | {len(files)} | {wall:.1f} | {CORES / rate:.3f} | {rate:.2f} | {rate / CORES:.2f} | "
                         f"{target} | {peak / 2**20:.0f} MiB |")
        lines.append("")
        if not args.skip_doubling:
            for fmt in ("tei,txt,epub", "all"):
                a, b = peaks[(fmt, len(corpus))], peaks[(fmt, 2 * len(corpus))]
                lines.append(f"Memory as the corpus doubles, `--to {fmt}`: {a / 2**20:.0f} → {b / 2**20:.0f} MiB "
                             f"(×{b / a:.2f}; {'flat' if b / a <= 1.1 else 'NOT flat'}).")
            lines.append("")

        # profile
        lines += [f"## Where the time goes: one cold `convert {sample.name} --to pdf -j 1` (bench/coldprofile.py; wall s, median of 3)",
                  ""]
        lines += profile_rows(args.before, sample)
        lines.append("")
        end = os.getloadavg()
        lines.append(f"Load average when the run ended: {end[0]:.1f} (1 min), {end[1]:.1f} (5 min).")
        if ratios:
            lines += ["", "RATIOS " + json.dumps({k: round(v, 3) for k, v in ratios.items()})]
    except _Done:
        pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
