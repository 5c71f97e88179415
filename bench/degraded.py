"""The reader on degraded text: the table of issue #11 (degradation × sample).

    .venv/bin/python bench/degraded.py [--seeds 5] [--first-seed 0] [--out bench/degraded.md]

Every bulletin with a gold file (``samples/*.txt``, ``tests/fixtures/*.txt``) goes through every
degradation of ``tests/degrade.py`` with each seed, every ordered pair of samples is concatenated
(clean, and degraded like pdftotext), and the shared degraded samples (``samples/degraded/``) are
read as they are. Columns: article heading precision and recall (worst over the seeds),
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

from degrade import CORPUS, DEGRADATIONS, concatenate, furniture_text, gold, measure, nows  # noqa: E402
from sampledata import source_content  # noqa: E402

from convert.reader import read_issues  # noqa: E402
from convert.tei import xpath  # noqa: E402
from convert.writers.txt import render  # noqa: E402


def run(text: str, golds: list[dict], furniture: list[str]) -> dict:
    """Read *text*, measure each issue's document against its gold; one row's cells."""
    warnings: list[str] = []
    try:
        docs = read_issues(text, "degraded.txt", warnings=warnings)
    except Exception as err:  # a failure is a cell, not a crash of the report
        return {"error": f"{type(err).__name__}: {err}"[:120]}
    cells = [measure(d.root, g, [], xpath) for d, g in zip(docs, golds)]
    fws = sum(len(xpath(d.root, "//tei:text//tei:fw")) for d in docs)
    found_fw = sum(1 for f in furniture if any(
        furniture_text(f) in [nows("".join(x.itertext())) for x in xpath(d.root, "//tei:text//tei:fw")] for d in docs))
    got = "".join(nows(render(d.root)) for d in docs)
    return {
        "precision": min(c["precision"] for c in cells) if cells else 0.0,
        "recall": min(c["recall"] for c in cells) if cells else 0.0,
        "subheadings": tuple(map(sum, zip(*(c["subheadings"] for c in cells)))),
        "joins": tuple(map(sum, zip(*(c["joins"] for c in cells)))),
        "fw": (found_fw, len(furniture)),
        "extra_fw": max(0, fws - len(furniture)),
        "roundtrip": got == source_content(text),
        "docs": (len(docs), len(golds)),
        "warnings": len(warnings),
        "glued": sum(len(c["glued"]) for c in cells),
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
    for key in ("subheadings", "joins", "fw"):
        out[key] = tuple(map(sum, zip(*(r[key] for r in rows))))
    # documents: the worst run's (made / issues in the file)
    out["docs"] = next((r["docs"] for r in rows if r["docs"][0] != r["docs"][1]), rows[0]["docs"])
    out["roundtrip"] = all(r["roundtrip"] for r in rows)
    out["warnings"] = sum(r["warnings"] for r in rows)
    out["extra_fw"] = sum(r["extra_fw"] for r in rows)
    out["glued"] = sum(r["glued"] for r in rows)
    out["missing"] = sorted({m for r in rows for m in r["missing"]})
    out["extra"] = sorted({m for r in rows for m in r["extra"]})
    return out


def frac(pair) -> str:
    a, b = pair
    return "–" if b == 0 else f"{a}/{b}"


def row(name: str, sample: str, c: dict) -> str:
    if "error" in c:
        return f"| {name} | {sample} | ERROR: {c['error']} |||||||"
    docs = frac(c["docs"])
    return (f"| {name} | {sample} | {c['precision']:.2f} | {c['recall']:.2f} | {frac(c['subheadings'])} | "
            f"{frac(c['joins'])} | {frac(c['fw'])}{' (+' + str(c['extra_fw']) + ')' if c['extra_fw'] else ''} | "
            f"{'yes' if c['roundtrip'] else 'NO'} | {docs} | {c['warnings']} | {c['glued']} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "degraded.md")
    args = ap.parse_args()
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    lines = [
        "# The reader on degraded text (issue #11)",
        "",
        f"`bench/degraded.py --seeds {args.seeds} --first-seed {args.first_seed}`: each cell is the worst "
        "(precision, recall; documents) or the sum (counts) over the seeds. P/R: article heading precision/recall; "
        "sub: gold sub-headings found; joins: gold page-break joins inside one `<p>`; fw: inserted "
        "furniture lines encoded as `<fw>` (+ lines wrongly taken for furniture); txt: plain-text round "
        "trip exact; docs: documents made / issues in the file; warn: warnings; glued: paragraphs that "
        "start with a gold heading (a heading glued into a paragraph).",
        "",
        "| degradation | sample | P | R | sub | joins | fw | txt | docs | warn | glued |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    notes = []
    for name, step in DEGRADATIONS.items():
        for path in CORPUS:
            text = path.read_text(encoding="utf-8")
            rows = []
            for seed in seeds:
                rng = random.Random(f"{seed}:{name}:{path.name}")
                degraded, furniture = step(text, rng)
                rows.append(run(degraded, [gold(path)], furniture))
                if name == "clean":
                    break
            c = merge(rows)
            lines.append(row(name, path.stem, c))
            if "error" not in c and (c["missing"] or c["extra"]):
                notes.append(f"- {name} × {path.stem}: missing {c['missing']}, extra {c['extra']}")
    samples = [p for p in CORPUS if p.parent.name == "samples"]
    for name, step in (("concatenated", DEGRADATIONS["clean"]), ("concatenated+pdftotext", DEGRADATIONS["pdftotext"])):
        for a in samples:
            for b in samples:
                if a == b:
                    continue
                rows = []
                for seed in seeds:
                    rng = random.Random(f"{seed}:{name}:{a.name}:{b.name}")
                    ta, fa = step(a.read_text(encoding="utf-8"), rng)
                    tb, fb = step(b.read_text(encoding="utf-8"), rng)
                    rows.append(run(concatenate(ta, tb), [gold(a), gold(b)], fa + fb))
                    if name == "concatenated":
                        break
                c = merge(rows)
                lines.append(row(name, f"{a.stem} + {b.stem}", c))
                if "error" not in c and (c["missing"] or c["extra"]):
                    notes.append(f"- {name} × {a.stem}+{b.stem}: missing {c['missing']}, extra {c['extra']}")
    for path in sorted((ROOT / "samples" / "degraded").glob("*.txt")):
        g = gold(path)
        c = run(path.read_text(encoding="utf-8"), g.get("issues", [g]), g.get("furniture", []))
        lines.append(row("shared", path.stem, c))
        if "error" not in c and (c["missing"] or c["extra"]):
            notes.append(f"- shared × {path.stem}: missing {c['missing']}, extra {c['extra']}")
    if notes:
        lines += ["", "Headings missed or wrongly found:", ""] + notes
    report = "\n".join(lines) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
