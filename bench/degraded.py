"""The reader on degraded text: the table of issue #11 (degradation × sample).

    .venv/bin/python bench/degraded.py [--seeds 5] [--first-seed 0] [--out bench/degraded.md]

Every bulletin of the corpus (``tests/degrade.py`` ``CORPUS``: the samples, the genre samples, the
fixtures, the series bulletins of ``tests/fixtures/series/``) goes through every degradation of
``tests/degrade.py`` with each seed, every ordered pair of samples is concatenated (clean, and
degraded like pdftotext), and the degraded copies made outside the project (``samples/degraded/``,
``tests/fixtures/series/degraded/``) are read as they are. ``--held-out DIR`` measures instead the
bulletins of another folder (``DIR/*.txt`` with gold, and ``DIR/degraded/``: a held-out set). Columns: article heading precision and recall (worst over the seeds),
sub-headings found, gold joins inside one ``<p>``, furniture encoded as ``<fw>``, txt round trip
exact, documents (for a file of several issues), warnings. Prints a Markdown report and writes
it to ``--out``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from degrade import (CORPUS, DEGRADATIONS, SHARED, concatenate, furniture_text, gold, golds, measure, nows, source_furniture,  # noqa: E402
                     shared_furniture, shared_source)
from sampledata import source_content  # noqa: E402

from convert.reader import read_issues  # noqa: E402
from convert.tei import xpath  # noqa: E402
from convert.validators.tei import own_schema  # noqa: E402
from convert.writers.txt import render  # noqa: E402


def run(text: str, golds: list[dict], furniture: list[str], clean: str | None = None) -> dict:
    """Read *text* (made from the clean text *clean*), measure each issue's document against its
    gold; one row's cells."""
    warnings: list[str] = []
    try:
        docs = read_issues(text, "degraded.txt", warnings=warnings)
    except Exception as err:  # a failure is a cell, not a crash of the report
        return {"error": f"{type(err).__name__}: {err}"[:120]}
    cells = [measure(d.root, g, [], xpath, clean, text) for d, g in zip(docs, golds)]
    fws = sum(len(c["fw_list"]) for c in cells)  # the source's own page labels and credits left out
    found_fw = sum(1 for f in furniture if any(furniture_text(f) in c["fw_list"] for c in cells))
    got = "".join(nows(render(d.root)) for d in docs)
    schema = own_schema()
    return {
        "precision": min(c["precision"] for c in cells) if cells else 0.0,
        "recall": min(c["recall"] for c in cells) if cells else 0.0,
        "subheadings": tuple(map(sum, zip(*(c["subheadings"] for c in cells)))),
        "sections": tuple(map(sum, zip(*(c["sections"] for c in cells)))),
        "extra_sections": sum(c["extra_sections"] for c in cells),
        "joins": tuple(map(sum, zip(*(c["joins"] for c in cells)))),
        "fw": (found_fw, len(furniture)),
        "extra_fw": max(0, fws - len(furniture)),
        "roundtrip": got == source_content(text),
        "docs": (len(docs), len(golds)),
        # documents `convert` would refuse to write (not valid against bulletin.rng)
        "invalid": sum(1 for d in docs if not schema.validate(d.root)),
        "warnings": len(warnings),
        "glued": sum(len(c["glued"]) for c in cells),
        "false_joins": sum(len(c["false_joins"]) for c in cells),
        "wrong_heads": sum(len(c["wrong_heads"]) for c in cells),
        "extra_subheadings": sum(c["extra_subheadings"] for c in cells),
        "header": tuple(map(sum, zip(*(c["header"] for c in cells)))) if cells else (0, 0),
        "uncertain": sum(1 for d in docs for h in xpath(d.root, "//tei:body//tei:head") if h.get("cert")),
        "missing": [m for c in cells for m in c["missing"]],
        "extra": [m for c in cells for m in c["extra"]],
    }


def merge(rows: list[dict]) -> dict:
    """The worst of several seeds' cells."""
    errors = [r["error"] for r in rows if "error" in r]
    if errors:
        return {"error": errors[0]}
    out = dict(rows[0])
    out["precision"] = min(r["precision"] for r in rows)
    out["recall"] = min(r["recall"] for r in rows)
    for key in ("subheadings", "sections", "joins", "fw", "header"):
        out[key] = tuple(map(sum, zip(*(r[key] for r in rows))))
    # documents: the worst run's (made / issues in the file)
    out["docs"] = next((r["docs"] for r in rows if r["docs"][0] != r["docs"][1]), rows[0]["docs"])
    out["roundtrip"] = all(r["roundtrip"] for r in rows)
    out["warnings"] = sum(r["warnings"] for r in rows)
    out["extra_fw"] = sum(r["extra_fw"] for r in rows)
    for key in ("glued", "false_joins", "wrong_heads", "extra_subheadings", "extra_sections", "uncertain", "invalid"):
        out[key] = sum(r[key] for r in rows)
    out["missing"] = sorted({m for r in rows for m in r["missing"]})
    out["extra"] = sorted({m for r in rows for m in r["extra"]})
    return out


def frac(pair) -> str:
    a, b = pair
    return "–" if b == 0 else f"{a}/{b}"


def row(name: str, sample: str, c: dict) -> str:
    if "error" in c:
        return f"| {name} | {sample} | ERROR: {c['error']} ||||||||||||"
    docs = frac(c["docs"]) + (f" ({c['invalid']} invalid)" if c["invalid"] else "")
    extra_sub = f" (+{c['extra_subheadings']})" if c["extra_subheadings"] else ""
    extra_sec = f" (+{c['extra_sections']})" if c["extra_sections"] else ""
    return (f"| {name} | {sample} | {c['precision']:.2f} | {c['recall']:.2f} | {frac(c['subheadings'])}{extra_sub} | "
            f"{frac(c['sections'])}{extra_sec} | "
            f"{frac(c['joins'])} | {c['false_joins']} | {c['glued']} | {c['wrong_heads']} | "
            f"{frac(c['fw'])}{' (+' + str(c['extra_fw']) + ')' if c['extra_fw'] else ''} | "
            f"{'yes' if c['roundtrip'] else 'NO'} | {docs} | {c['warnings']} | {c['uncertain']} | {frac(c['header'])} |")


def table(corpus: list[Path], seeds: range, names: list[str], pairs: list[tuple[Path, Path]],
          shared: list[Path]) -> tuple[list[str], list[str]]:
    """The table's rows and the notes (headings missed or wrongly found) for *corpus* under the
    degradations *names*, the concatenated *pairs*, and the *shared* degraded copies as they are."""
    lines, notes = [], []

    def note(where: str, c: dict) -> None:
        if "error" not in c and (c["missing"] or c["extra"]):
            notes.append(f"- {where}: missing {c['missing']}, extra {c['extra']}")

    for name in names:
        step = DEGRADATIONS[name]
        for path in corpus:
            text = path.read_text(encoding="utf-8")
            rows = []
            for seed in seeds:
                rng = random.Random(f"{seed}:{name}:{path.name}")
                degraded, furniture = step(text, rng)
                rows.append(run(degraded, golds(path), furniture + source_furniture(path), text))
                if name == "clean":
                    break
            c = merge(rows)
            lines.append(row(name, path.stem, c))
            note(f"{name} × {path.stem}", c)
    for name, step in (("concatenated", DEGRADATIONS["clean"]), ("concatenated+pdftotext", DEGRADATIONS["pdftotext"])):
        for a, b in pairs:
            rows = []
            for seed in seeds:
                rng = random.Random(f"{seed}:{name}:{a.name}:{b.name}")
                ta, fa = step(a.read_text(encoding="utf-8"), rng)
                tb, fb = step(b.read_text(encoding="utf-8"), rng)
                clean = concatenate(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
                rows.append(run(concatenate(ta, tb), golds(a) + golds(b), fa + source_furniture(a) + fb + source_furniture(b), clean))
                if name == "concatenated":
                    break
            c = merge(rows)
            lines.append(row(name, f"{a.stem} + {b.stem}", c))
            note(f"{name} × {a.stem}+{b.stem}", c)
    for path in shared:
        g = gold(path)
        clean_path = shared_source(path)
        clean = clean_path.read_text(encoding="utf-8") if clean_path else None
        c = run(path.read_text(encoding="utf-8"), g.get("issues", [g]), shared_furniture(g), clean)
        lines.append(row("shared", path.stem, c))
        note(f"shared × {path.stem}", c)
    return lines, notes


def concatenation_pairs(corpus: list[Path]) -> list[tuple[Path, Path]]:
    """Every ordered pair of the real samples, and each single-issue genre sample followed by the
    next one (a file of two different series)."""
    real = [p for p in corpus if p.parent.name == "samples"]
    genres = [p for p in corpus if p.parent.name != "samples" and "issues" not in gold(p)]
    pairs = [(a, b) for a in real for b in real if a != b]
    pairs += [(a, genres[(k + 1) % len(genres)]) for k, a in enumerate(genres)] if len(genres) > 1 else []
    return pairs


HEADER = [
    "| degradation | sample | P | R | sub | sec | joins | false joins | glued | non-heads | fw | txt | docs | warn | cert | header |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]
LEGEND = (
    "each cell is the worst (precision, recall; documents) or the sum (counts) over the seeds. P/R: article "
    "heading precision/recall; sub: gold sub-headings found at their level (+ lines wrongly taken for one); sec: the gold's "
    "columns (栏目) found as section headings (+ section headings the gold does not name); "
    "joins: gold page-break joins inside one block; false joins: two source lines run together that the gold "
    "keeps apart; glued: paragraphs that start with a gold heading or sub-heading; non-heads: headings made of "
    "a line the gold says is never one (page label, 本版责编 line, caption, credit, colophon line, 按语); fw: "
    "inserted furniture lines encoded as `<fw>` (+ lines wrongly taken for furniture); txt: plain-text round "
    "trip exact; docs: documents made / issues in the file (with how many, summed over the seeds, are not "
    "valid against bulletin.rng, which `convert` refuses to write); warn: warnings; cert: headings carrying `@cert`; "
    "header: issue date, issue number and cumulative number in the header / those the gold gives."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None,
                    help="report file (default bench/degraded.md for the whole corpus; none otherwise)")
    ap.add_argument("--held-out", type=Path, default=None, metavar="DIR",
                    help="measure the bulletins of DIR (*.txt with *.expected.json; DIR/degraded/ read as they "
                         "are) instead of the corpus")
    ap.add_argument("--only", default="", help="only samples whose name holds this text (a quick look; no --out)")
    ap.add_argument("--degradations", default="", help="comma list of degradations (default all)")
    args = ap.parse_args()
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    if args.held_out:
        corpus = sorted(p for p in args.held_out.glob("*.txt") if p.with_suffix(".expected.json").exists())
        shared = sorted(p for p in (args.held_out / "degraded").glob("*.txt") if p.with_suffix(".expected.json").exists())
    else:
        corpus, shared = CORPUS, SHARED
    if args.only:
        corpus = [p for p in corpus if args.only in p.name]
        shared = [p for p in shared if args.only in p.name]
    names = [n for n in args.degradations.split(",") if n] or list(DEGRADATIONS)
    pairs = [] if args.only or args.degradations or args.held_out else concatenation_pairs(corpus)
    rows, notes = table(corpus, seeds, names, pairs, shared=[] if args.degradations else shared)
    what = f"held-out bulletins ({args.held_out})" if args.held_out else "corpus"
    lines = ["# The reader on degraded text (issues #11, #21)" + (": held-out bulletins" if args.held_out else ""), "",
             f"`bench/degraded.py --seeds {args.seeds} --first-seed {args.first_seed}"
             f"{' --held-out ' + str(args.held_out) if args.held_out else ''}` ({what}): {LEGEND}", ""] + HEADER + rows
    if notes:
        lines += ["", "Headings missed or wrongly found:", ""] + notes
    report = "\n".join(lines) + "\n"
    out = args.out or (None if (args.only or args.degradations or args.held_out) else ROOT / "bench" / "degraded.md")
    if out is not None:
        out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
