#!/usr/bin/env python3
"""List the overlapping matches of OpenCC over a corpus and how the variant step decided each,
and the terms it made consistent (issue #23, point 6).

OpenCC converts by the longest match in its phrase tables; where a phrase straddles a true word
boundary (负责人参加: 人参 matched across 负责人/参加) it picks the wrong character, and one term may
come out two ways in one document. ``convert.variant.make_variant`` decides such overlaps with the
jieba segmenter's words and makes every term take one form in a document; this script runs it on
every document of every input, for every Traditional variant, and prints what it found:

    .venv/bin/python scripts/opencc-overlaps.py [FILE_OR_DIR ...]   (default: samples/ and ../shared/samples/genres/)

Reads the inputs only; writes nothing.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert.reader import load_input  # noqa: E402
from convert.variant import CONFIGS, Report, make_variant  # noqa: E402


def inputs(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [ROOT / "samples", ROOT.parent / "shared" / "samples" / "genres"]
    out = []
    for p in paths:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def main(argv: list[str]) -> int:
    overlaps: Counter = Counter()
    terms: Counter = Counter()
    documents = 0
    for path in inputs(argv):
        loaded = load_input(path)
        roots = [d.root for d in loaded.documents] or [loaded.root]
        for k, root in enumerate(roots, 1):
            documents += 1
            name = path.name + (f" (issue {k})" if len(roots) > 1 else "")
            for tag in CONFIGS:
                report = Report()
                make_variant(root, tag, report=report)
                for o in report.overlaps:
                    overlaps[(o.phrase, o.word, o.char, o.opencc, o.chosen, tag)] += 1
                    print(f"{name}\t{tag}\toverlap\t…{o.context.strip()}…\tOpenCC's phrase {o.phrase} crosses "
                          f"the word {o.word}: {o.char} → {o.chosen} (OpenCC: {o.opencc})")
                for word, (forms, chosen, changed) in report.terms.items():
                    terms[(word, "/".join(forms), chosen, tag)] += changed
                    print(f"{name}\t{tag}\tterm\t{word}\tfound as {' and '.join(forms)}: {chosen} everywhere "
                          f"({changed} occurrence{'s' if changed != 1 else ''} changed)")
    print(f"\n{documents} documents, {len(CONFIGS)} variants each: {sum(overlaps.values())} overlapping matches "
          f"({len(overlaps)} distinct by variant), {len(terms)} terms made one form")
    for (phrase, word, char, opencc, chosen, tag), n in sorted(overlaps.items()):
        print(f"  {tag}\t{phrase} × {word}\t{char}: {opencc} → {chosen}\t×{n}")
    for (word, forms, chosen, tag), n in sorted(terms.items()):
        print(f"  {tag}\t{word}\t{forms} → {chosen}\t{n} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
