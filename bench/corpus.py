"""Build a benchmark corpus of bulletins from the samples: articles shuffled (within their
section), dates, issue numbers and print runs changed, so that no two bulletins are the same.

    python bench/corpus.py OUT_DIR [N]      # N bulletins (default 200) into OUT_DIR

Article boundaries are found from the samples' expected.json headings (this is test data, not
the converter), so the generated text keeps the samples' markup, contents lists and page breaks.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def strip_marks(line: str) -> str:
    return nows(re.sub(r"^\s*#+\s*|\*\*|</?b>", "", line))


def split_articles(text: str, expected: dict):
    """(prefix lines, [(section or None, [article lines])], suffix lines)."""
    lines = text.split("\n")
    heads = [nows(a["head"]) for a in expected["articles"]]
    sections = set(expected.get("sections", []))
    starts = []
    hi = 0
    for i, line in enumerate(lines):
        key = strip_marks(line)
        if hi < len(heads) and key == heads[hi] and i > 0:
            # skip the contents list: the head must be followed (soon) by running text
            following = [l for l in lines[i + 1 : i + 8] if l.strip()]
            if following and re.search(r"[，,。]", following[0]) and ".." not in following[0]:
                starts.append(i)
                hi += 1
    if len(starts) != len(heads):
        raise SystemExit(f"could not find every article of {expected.get('date')}: {len(starts)}/{len(heads)}")
    # the colophon begins at the first line after the last article that looks like one
    tail = len(lines)
    for i in range(starts[-1], len(lines)):
        if re.match(r"^\s*[（(]?\s*(内部资料|\*\*发放范围|发放范围)", lines[i]):
            tail = i
            break
    arts = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else tail
        # a section heading just before the next article belongs to the next article's section
        body = lines[s:end]
        while body and strip_marks(body[-1]) in sections | {""}:
            body.pop()
        arts.append((expected["articles"][n].get("section"), body))
    return lines[: starts[0]], arts, lines[tail:]


def vary(text: str, i: int, rng: random.Random) -> str:
    year = 2010 + i % 12
    month = 1 + i % 12
    text = re.sub(r"(\d{4})年(0?\d{1,2})月", lambda m: f"{year}年{month}月", text, count=2)
    text = re.sub(r"总第(\d+)期", lambda m: f"总第{int(m.group(1)) + i}期", text)
    text = re.sub(r"共印 ?(\d+) ?份", lambda m: f"共印 {100 + rng.randrange(200)} 份", text)
    return text


def build(out: Path, n: int = 200, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    samples = sorted((ROOT / "samples").glob("*.txt"))
    parsed = []
    for p in samples:
        exp = json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8"))
        parsed.append((p, split_articles(p.read_text(encoding="utf-8"), exp)))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p, (prefix, arts, suffix) = parsed[i % len(parsed)]
        order = list(range(len(arts)))
        groups: dict = {}
        for k in order:
            groups.setdefault(arts[k][0], []).append(k)
        for ks in groups.values():
            rng.shuffle(ks)
        body: list[str] = []
        # the prefix (masthead, contents) ends with the first section's heading
        last_section = arts[0][0]
        for section, ks in groups.items():
            for k in ks:
                if section != last_section and section is not None:
                    body += [f"## {section}", ""]
                    last_section = section
                body += arts[k][1] + [""]
        text = vary("\n".join(prefix + body + suffix), i, rng)
        path = out / f"bench-{i:04d}-{p.stem.split('-')[0]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    print(f"{len(build(target, count))} bulletins in {target}")
