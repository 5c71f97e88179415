"""How the cost grows with the input, in the shapes that made it quadratic (issues 24 case 8 and 26
case 12). A script with figures, not a test.

    .venv/bin/python bench/growth.py [--tree DIR] [--shapes folio,wrapped,…] [--timeout 600]
    .venv/bin/python bench/growth.py --before DIR --out bench/growth.md   # side by side

Each shape is made at three sizes, ×4 apart, and timed in a fresh process of its own, after a
small warm-up run of the same stage (median of ``--runs``; ``--before-runs`` for the
``--before`` checkout); a size that runs past ``--timeout`` seconds is stopped and shown as
``> T s`` (larger sizes of that shape are then not tried). The table gives the seconds and the
ratio between one size and the one before it: linear growth is ×4, the target is ×4.5 at most.
``--tree`` measures another checkout of the project with this interpreter (the commit before a
change, unpacked with ``git archive``); ``--before`` measures it and this checkout, one size of
one shape at a time, alternately, so that load on a shared machine hits both alike.

Shapes (n = 1,250 / 5,000 / 20,000 unless said):

- ``folio``: n paragraph lines that stop mid-sentence, each followed by a folio line
  (``— 3 —``): 2n lines; the reader (text → TEI);
- ``wrapped``: n hard-wrapped lines, none with a sentence end; the reader;
- ``wrapped-blank``: the same lines with a blank line between each two (the logical stage joins
  them into one paragraph); the reader;
- ``table``: a table of n rows of short cells apart by wide gaps under its column heads; the
  reader (each row was tried as the head of a table aligned by its heads: quadratic before 608a407);
- ``leader``: one line of 3.2 n dots (64,000 at n = 20,000) after a title, no page number; the
  reader;
- ``rng-p``: an article of n ``<p>`` followed by a subsection, a note and a byline (12,500 /
  50,000 / 200,000); the TEI check against bulletin.rng (``convert.validate.check_tei``);
- ``rng-div``: a section of n articles (3,125 / 12,500 / 50,000); the same check;
- ``rng-body``: n articles directly in the body (3,125 / 12,500 / 50,000); the same check;
- ``pdf-contents``: a contents list of n entries (800 / 3,200 / 12,800) before 8 articles; the
  PDF writer's layout (:func:`convert.writers.pdf.layout`: everything but the PDF/A save).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Running text that never ends a sentence (a comma at most).
PROSE = "区委常委会召开会议，传达学习中央政治局常委会会议精神以及工作领导小组会议上的讲话要点"


def folio_shape(n: int) -> str:
    """n paragraph lines cut mid-sentence, each followed by a folio of a 16-page issue."""
    return "".join(f"{PROSE}，\n— {k % 16 + 1} —\n" for k in range(n))


def _wrapped_lines(n: int) -> list[str]:
    return [PROSE[k % 7:][:28] + "，" for k in range(n)]


def wrapped_shape(n: int) -> str:
    """n hard-wrapped lines of 29 characters, none ending a sentence."""
    return "\n".join(_wrapped_lines(n)) + "\n"


def wrapped_blank_shape(n: int) -> str:
    """The lines of :func:`wrapped_shape` with a blank line between each two."""
    return "\n\n".join(_wrapped_lines(n)) + "\n"


def leader_shape(n: int) -> str:
    """A title and one dot leader of 3.2 n dots, no page number after it."""
    return "标题" + "." * (n * 16 // 5) + "\n"


def gap_shape(n: int) -> str:
    """A contents list whose one title line holds a gap of n spaces before its last character,
    an author's leader line under it (the shape of a contents entry wrapped in its author gap)."""
    return "目　录\n\n县志编纂工作" + " " * n + "甲\n　　王建华······3\n\n正文第一段。\n"


def poem_shape(n: int) -> str:
    """A newspaper's 副刊 poem without an author line: a title, then n stanzas of two short lines."""
    stanzas = "\n\n".join("风从南坡上下来\n把麦子推向天边" for _ in range(n))
    return "青山日报\n2023年10月20日\n\n第四版　副刊\n\n麦浪\n\n" + stanzas + "\n\n本版责编：李明\n"


def table_shape(n: int) -> str:
    """A table of n rows of short cells set apart by wide gaps under its column heads (read by the
    gaps; each row a candidate head of a table aligned by its heads' positions, stop 39)."""
    rows = "\n".join(f"第{k}组　　　甲类　　　{k % 97}" for k in range(n))
    return "统计简报\n\n第1期\n\n某县统计局编　　2025年1月1日\n\n全县情况\n\n地区　　　类别　　　数量\n" + rows + "\n"


#: Text shapes the reader reads: ``{name: n → text}``.
SHAPES = {"folio": folio_shape, "wrapped": wrapped_shape, "wrapped-blank": wrapped_blank_shape,
          "leader": leader_shape, "gap": gap_shape, "poem": poem_shape, "table": table_shape}

#: ``{shape: (sizes, what is timed)}``.
PLAN = {
    "folio": ((1250, 5000, 20000), "reader"),
    "wrapped": ((1250, 5000, 20000), "reader"),
    "wrapped-blank": ((1250, 5000, 20000), "reader"),
    "leader": ((1250, 5000, 20000), "reader"),
    "gap": ((1250, 5000, 20000), "reader"),
    "poem": ((1250, 5000, 20000), "reader"),
    "table": ((1250, 5000, 20000), "reader"),
    "rng-p": ((12500, 50000, 200000), "TEI check"),
    "rng-div": ((3125, 12500, 50000), "TEI check"),
    "rng-body": ((3125, 12500, 50000), "TEI check"),
    "pdf-contents": ((800, 3200, 12800), "PDF layout"),
}

#: Run in a fresh interpreter: build the input of one shape and size, time its stage, print JSON.
MEASURE = r"""
import copy, json, sys, time
tree, bench, shape, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sys.path.insert(0, tree)
sys.path.insert(0, bench)
from lxml import etree
from growth import SHAPES
def check():
    from convert.validate import check_tei  # in every checkout (a module of it left out of an older
    return check_tei                        # one would be found in the installed one)
def model():
    from convert.tei import safe_parser
    return etree.parse(tree + "/docs/model-example.xml", safe_parser()).getroot()
if shape in SHAPES:
    from convert.reader import read_issues
    read_issues(SHAPES[shape](8), "warm-up.txt")  # start-up costs (OpenCC's tables) aside
    text = SHAPES[shape](n)
    t0 = time.perf_counter()
    docs = read_issues(text, shape + ".txt")
    spent = time.perf_counter() - t0
elif shape in ("rng-p", "rng-div", "rng-body"):
    from convert.tei import XML_ID, xpath
    root, check_tei = model(), check()
    check_tei(model())  # the schema compiled first
    article = xpath(root, "//tei:div[@xml:id='a2']")[0]
    if shape == "rng-p":  # in a1, whose paragraphs a subsection, a note and a byline follow
        last = xpath(root, "//tei:div[@xml:id='a1']/tei:p")[-1]
        for k in range(n - 1):
            p = copy.deepcopy(last); p.text = f"第{k}段正文。"; last.addnext(p); last = p
    else:
        last = article if shape == "rng-div" else xpath(root, "//tei:body/tei:div")[-1]
        for k in range(n - 1):
            div = copy.deepcopy(article); div.set(XML_ID, f"x{k}"); last.addnext(div); last = div
    t0 = time.perf_counter()
    errors = check_tei(root)
    spent = time.perf_counter() - t0
    assert errors == [], errors[:3]
elif shape == "pdf-contents":
    from convert.tei import xpath
    from convert.options import WriterOptions
    from convert.writers.pdf import layout
    opts = WriterOptions(styles_dir=__import__("pathlib").Path(tree) / "styles")
    layout(model(), opts)  # the fonts loaded first
    root = model()
    listed = xpath(root, "//tei:div[@type='contents']/tei:list/tei:item/tei:list")[0]
    items = list(listed)
    for k in range(n - len(items)):
        listed.append(copy.deepcopy(items[k % len(items)]))
    t0 = time.perf_counter()
    layout(root, opts)
    spent = time.perf_counter() - t0
print(json.dumps({"seconds": spent}))
"""


def measure(tree: Path, shape: str, n: int, timeout: float) -> float | None:
    """Seconds the stage of *shape* at size *n* takes in checkout *tree* (a fresh process);
    ``None`` when it ran past *timeout*."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1600000000")
    try:
        proc = subprocess.run([sys.executable, "-c", MEASURE, str(tree), str(ROOT / "bench"), shape, str(n)],
                              capture_output=True, text=True, timeout=timeout, env=env, cwd=tree)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode:
        raise RuntimeError(f"{shape} {n} in {tree}: {proc.stderr.strip()[-1500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]


def series(trees: list[Path], shape: str, runs: list[int], timeout: float) -> list[list[float | None]]:
    """``[[seconds per size] per tree]``, the trees measured alternately size by size, *runs*
    times each (one count per tree)."""
    out: list[list[float | None]] = [[] for _ in trees]
    stopped = [False] * len(trees)
    for n in PLAN[shape][0]:
        samples: list[list[float]] = [[] for _ in trees]
        for r in range(max(runs)):
            for k, tree in enumerate(trees):
                if stopped[k] or r >= runs[k]:
                    continue
                seconds = measure(tree, shape, n, timeout)
                if seconds is None:
                    stopped[k] = True
                    samples[k] = []
                else:
                    samples[k].append(seconds)
        for k in range(len(trees)):
            out[k].append(statistics.median(samples[k]) if samples[k] else None)
    return out


def _cell(seconds: float | None, previous: float | None, timeout: float, done: bool) -> str:
    if seconds is None:
        return f"> {timeout:g} s" if not done else "(not run)"
    ratio = f" (×{seconds / previous:.1f})" if previous else ""
    return f"{seconds:.2f} s{ratio}"


def table(names: list[str], results: dict[str, list[list[float | None]]], timeout: float) -> list[str]:
    """Markdown rows: one per shape and size, a column per checkout."""
    lines = ["| shape | timed | size | " + " | ".join(names) + " |", "|---|---|---|" + "---|" * len(names)]
    for shape, per_tree in results.items():
        sizes, what = PLAN[shape]
        for i, n in enumerate(sizes):
            cells = []
            for values in per_tree:
                previous = values[i - 1] if i else None
                stopped_before = any(v is None for v in values[:i])
                cells.append(_cell(values[i], previous, timeout, stopped_before))
            lines.append(f"| {shape} | {what} | {n:,} | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", type=Path, default=ROOT, help="checkout to measure (default: this one)")
    ap.add_argument("--before", type=Path, help="also measure this checkout, side by side")
    ap.add_argument("--shapes", default=",".join(PLAN), help="comma-separated, of: " + ", ".join(PLAN))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--before-runs", type=int, default=1, help="runs of the --before checkout (its sizes are slow)")
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    args = ap.parse_args()
    trees = ([args.before.resolve()] if args.before else []) + [args.tree.resolve()]
    names = (["before", "after"] if args.before else [str(args.tree)])
    results = {}
    for shape in args.shapes.split(","):
        runs = ([args.before_runs] if args.before else []) + [args.runs]
        results[shape] = series(trees, shape, runs, args.timeout)
        print(f"{shape}: done", file=sys.stderr, flush=True)
    rows = table(names, results, args.timeout)
    load = os.getloadavg()
    text = ("\n".join(rows) + f"\n\n`bench/growth.py {' '.join(sys.argv[1:])}`; load average at the end: "
            f"{load[0]:.1f} ({os.cpu_count()} cores, shared); {time.strftime('%Y-%m-%d')}.\n")
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
