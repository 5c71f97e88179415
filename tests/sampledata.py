"""The samples in ``samples/`` with their ``*.expected.json``, and an oracle for content characters.

The oracle is written independently of the reader (it does not import it): it removes exactly the
markup TEI-CONVENTIONS.md point 7 names and all whitespace, and is what the round trip is held to.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SAMPLE_IDS = [p.stem for p in SAMPLES]


def expected(path: Path) -> dict:
    """The ``expected.json`` beside sample *path*."""
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def nows(s: str) -> str:
    """*s* with all whitespace removed (headings and joins are compared so)."""
    return re.sub(r"\s+", "", s)


def source_content(text: str) -> str:
    """The content characters of bulletin *text*: ``#`` heading marks, ``**``, ``<b>``/``</b>``,
    ``- `` bullets (not the dashes of a folio ``- 3 -``, ``- 3/8 -``), ``---`` rules and dot leaders (before a page number, bare or in round brackets) removed,
    then all whitespace."""
    out = []
    for line in re.split(r"\r\n|\r|\n", text):
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"^\s*-\s+(?!\d{1,4}(?:\s*/\s*\d{1,4})?\s*-\s*$)", "", line)
        line = re.sub(r"\*\*|</?b>|</?strong>", "", line, flags=re.IGNORECASE)
        line = re.sub(r"(?:\.{2,}|…{2,}|·{3,}|．{2,}|。{3,})(?=\s*(?:\d{1,3}|（\d{1,3}）|\(\d{1,3}\))\s*$)", "", line)
        out.append(line)
    return nows("".join(out))


def first_difference(a: str, b: str) -> str:
    """A short message showing where *a* and *b* first differ (for assertion messages)."""
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"first difference at character {i}: {a[max(0, i-10):i+20]!r} vs {b[max(0, i-10):i+20]!r} (lengths {len(a)}, {len(b)})"


def sample_copies(folder: Path, copies: int) -> Path:
    """*folder* (created) holding *copies* copies of every sample, named ``<n>-<name>``."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for p in SAMPLES:
            shutil.copy(p, folder / f"{n}-{p.name}")
    return folder


def concatenated(path: Path, copies: int) -> Path:
    """Write into *path* the samples one after another, *copies* times over (a text of
    ``copies × len(SAMPLES)`` issues, as a year extracted into one file); returns *path*."""
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(copies):
            for p in SAMPLES:
                f.write(p.read_text(encoding="utf-8") + "\n")
    return path


#: The reader's one warning about a document whose headings rest on their line's shape alone (no
#: contents list, no markup confirms them; issue #21): the newsletter sample gets it, rightly.
WEAK_STRUCTURE = "structure rests on weak evidence"


def without_reader_warnings(stderr: str) -> list[str]:
    """The lines of *stderr* but the reader's warnings about its input's structure
    (:data:`WEAK_STRUCTURE`, and the "no structure found" of a tiny made-up input)."""
    return [line for line in stderr.splitlines() if WEAK_STRUCTURE not in line and "no structure found" not in line]

