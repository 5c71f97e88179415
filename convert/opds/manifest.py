"""What ``manifest.json`` says about the files in an output folder, for the catalogue.

One function, :func:`recorded_outputs`, reads the manifest the batch writes
(:mod:`convert.batch`) and returns its output records by real path. It accepts both forms an
output's ``path`` has had: relative to the manifest's own folder (the current form), and relative
to the working folder of the run that wrote it, or absolute (earlier runs). A manifest that cannot
be read or is not this tool's (not JSON, a list, entries of the wrong types) gives no records and
one warning; the catalogue then rests on the outputs' own metadata alone. Reads only
``DIR/manifest.json``; never writes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Record:
    """One output as the manifest records it: ``format`` (``epub``, ``pdf``, ``ofd``, ``tei``,
    ``txt``, ``bag``), ``variant`` (BCP 47 tag), ``sha256`` (hex, as written)."""

    format: str
    variant: str
    sha256: str


def _resolve(outdir: Path, recorded: str) -> str | None:
    """The real path of the output recorded as *recorded*, if it is inside *outdir*: an absolute
    path as it is; a relative one against *outdir* (the manifest's folder) first, then against the
    working folder (the form of earlier runs). ``None`` when neither names a file in *outdir*."""
    base = os.path.realpath(outdir)
    p = Path(recorded)
    candidates = [p] if p.is_absolute() else [outdir / p, Path.cwd() / p]
    for c in candidates:
        real = os.path.realpath(c)
        if real.startswith(base.rstrip("/") + "/") and os.path.isfile(real):
            return real
    return None


def recorded_outputs(outdir: Path, warn: Callable[[str], None]) -> dict[str, Record]:
    """``{real path: Record}`` for every output ``outdir/manifest.json`` lists that is still a
    file inside *outdir*. No manifest: ``{}``. An unreadable or foreign manifest: ``{}`` and one
    call of *warn* naming the file and the problem (the whole manifest is set aside: a file whose
    shape is wrong in one place is not trusted in the others)."""
    path = outdir / MANIFEST
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        warn(f"{path}: not read ({type(err).__name__}: {str(err)[:120]}); "
             "the catalogue rests on the outputs' own metadata")
        return {}
    problem = _shape_problem(data)
    if problem:
        warn(f"{path}: not a manifest of this tool ({problem}); "
             "the catalogue rests on the outputs' own metadata")
        return {}
    out: dict[str, Record] = {}
    for entry in data["inputs"]:
        for o in entry.get("outputs", []):
            real = _resolve(outdir, o["path"])
            if real is not None:
                out[real] = Record(o["format"], o["variant"], o.get("sha256") or "")
    return out


def _shape_problem(data) -> str | None:
    """What makes *data* not this tool's manifest, or ``None``."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    inputs = data.get("inputs")
    if not isinstance(inputs, list):
        return '"inputs" is not a list'
    for n, entry in enumerate(inputs):
        if not isinstance(entry, dict):
            return f"inputs[{n}] is not an object"
        outputs = entry.get("outputs", [])
        if not isinstance(outputs, list):
            return f"inputs[{n}].outputs is not a list"
        for k, o in enumerate(outputs):
            if not isinstance(o, dict):
                return f"inputs[{n}].outputs[{k}] is not an object"
            for key in ("path", "format", "variant"):
                if not isinstance(o.get(key), str):
                    return f"inputs[{n}].outputs[{k}].{key} is not a string"
            if not isinstance(o.get("sha256", ""), (str, type(None))):
                return f"inputs[{n}].outputs[{k}].sha256 is not a string"
    return None
