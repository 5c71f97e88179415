#!/usr/bin/env python3
"""Cross-check OpenCC (with the project dictionary) against an independent converter built on
other tables: zhconv (the MediaWiki ZhConversion tables), over Simplified government prose.

For every character of the corpus that is one of the one-to-many characters of issue #13
(了/瞭, 干/幹/乾, 后/後, …), compare the two converters' outputs at that position, configuration
by configuration (OpenCC s2t ↔ zhconv zh-hant, s2tw ↔ zh-tw, s2hk ↔ zh-hk). Where they differ,
print the character, both choices, the word around it and how often; then the count of
disagreements per class and whether each is settled in convert/data/opencc-corrections.txt
(``REVIEWED`` below records the decisions that keep OpenCC's choice).

    .venv/bin/python scripts/opencc-crosscheck.py [FILE_OR_DIR ...]   (default: samples/)

Reads text files only; writes nothing. The exit status is 1 when a disagreement has no decision.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert.variant import CLASSES, converter, reviewed  # noqa: E402

PAIRS = (("s2t", "zh-hant"), ("s2tw", "zh-tw"), ("s2hk", "zh-hk"))
WATCHED = {ch for cls in CLASSES for ch in cls[:1]}


def corpus(paths: list[Path]) -> list[tuple[str, str]]:
    """``[(name, text)]`` of the text files in *paths* (a folder: its own ``*.txt``, not its
    subfolders: ``samples/degraded/`` holds the same texts hard-wrapped, whose line ends the reader
    joins before any conversion), each paragraph kept on its own line."""
    out = []
    for p in paths:
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for f in files:
            out.append((str(f), unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))))
    return out


def disagreements(text: str, config: str, table: str) -> list[tuple[int, str, str, str]]:
    """``[(index, source char, OpenCC char, zhconv char)]`` at the watched characters of *text*
    where the two differ (lines whose conversions change length are compared no further)."""
    import zhconv

    conv = converter(config)
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        a, b = conv.convert(line), zhconv.convert(line, table)
        if len(a) == len(b) == len(line):
            for i, ch in enumerate(line):
                if ch in WATCHED and a[i] != b[i]:
                    out.append((offset + i, ch, a[i], b[i]))
        offset += len(line)
    return out


REVIEWED = reviewed()


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / "samples"]
    texts = corpus(paths)
    chars = sum(len(t) for _, t in texts)
    print(f"corpus: {len(texts)} files, {chars} characters; "
          f"watched characters in it: {sum(t.count(c) for _, t in texts for c in WATCHED)}")
    total = 0
    unsettled = 0
    by_class: dict[str, Counter] = defaultdict(Counter)
    for config, table in PAIRS:
        seen: Counter = Counter()
        for name, text in texts:
            for i, ch, ours, theirs in disagreements(text, config, table):
                word = text[max(0, i - 3): i + 4].replace("\n", " ")
                decision = next((f"{w}→{form}" for w, (form, _why) in sorted(REVIEWED.items())
                                 if any(text.startswith(w, i - k) for k in range(len(w)) if w[k] == ch and i >= k)),
                                None)
                seen[(ch, ours, theirs, word, decision)] += 1
        print(f"\n== OpenCC {config} (+ project dictionary) vs zhconv {table}: {sum(seen.values())} disagreements")
        for (ch, ours, theirs, word, decision), n in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][3])):
            status = f"kept OpenCC: {decision}" if decision else "NO DECISION"
            if not decision:
                unsettled += n
            print(f"  {ch}: OpenCC {ours} / zhconv {theirs}  ×{n}  …{word}…  [{status}]")
            by_class[ch][status.split(":")[0]] += n
            total += n
    print(f"\ntotal disagreements on watched characters: {total}; without a decision: {unsettled}")
    for ch, counts in sorted(by_class.items()):
        print(f"  {ch}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if unsettled else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
