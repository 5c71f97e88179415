"""Converting inputs: one input at a time (:func:`convert_one`), or many in a process pool
(:func:`run_batch`), with a manifest an archivist can verify a batch against later.

A conversion never prints: it returns a :class:`Result` with its messages, so that results from
worker processes are reported by the parent in input order.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from convert import __version__
from convert.errors import ConvertError
from convert.options import WriterOptions
from convert.variant import SOURCE, make_variant
from convert.writers import extension, get_writer

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Settings:
    """What a run was asked to do, the same for every input (it goes into the manifest)."""

    formats: tuple[str, ...]
    variants: tuple[str, ...] = (SOURCE,)
    pdfa: str = "2b"
    check: bool = False
    encoding: str | None = None
    max_size: int = 20 * 2**20
    embed_fonts: bool = False

    def options(self) -> dict:
        """The settings that change outputs (for ``--skip-existing`` and the manifest)."""
        d = asdict(self)
        d.pop("max_size")
        d["version"] = __version__
        return json.loads(json.dumps(d))  # the form it has in the manifest (lists, not tuples)


@dataclass
class Output:
    """One written file: ``path``, ``format``, ``variant``, ``sha256`` (hex), ``size`` (bytes),
    ``seconds`` (wall time of the writer), ``verdicts`` (external validators' one-line verdicts),
    ``notes`` (what else a reader of the log should know, e.g. the size an embedded font adds)."""

    path: str
    format: str
    variant: str
    sha256: str
    size: int
    seconds: float
    verdicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    """What converting one input gave: ``errors`` (one line each, naming the input), ``warnings``,
    ``outputs``; ``skipped`` when ``--skip-existing`` found it up to date."""

    input: str
    sha256: str = ""
    outputs: list[Output] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file at *path*, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(2**20), b""):
            h.update(block)
    return h.hexdigest()


def output_names(src: Path, settings: Settings) -> list[tuple[str, str, str]]:
    """``[(variant, format, file name)]`` of every output *src* gives under *settings*."""
    out = []
    for tag in settings.variants:
        stem = src.stem if tag == SOURCE else f"{src.stem}.{tag}"
        out.extend((tag, fmt, f"{stem}{extension(fmt)}") for fmt in settings.formats)
    return out


def convert_one(src: Path, settings: Settings, outdir: Path) -> Result:
    """Convert *src* into every format and variant of *settings*, writing into *outdir*.

    Each output is rendered to a temporary file in *outdir*, checked, then renamed into place;
    a failure leaves no file behind and does not stop the other outputs.
    """
    from convert.reader import load_input
    from convert.tei import to_bytes

    started = time.perf_counter()
    result = Result(str(src))
    try:
        loaded = load_input(src, encoding=settings.encoding, max_size=settings.max_size,
                            warnings=result.warnings)
    except ConvertError as err:
        result.errors.append(str(err))
        return result
    result.sha256 = loaded.sha256
    root = loaded.root
    # a TEI input (or the TEI a PDF/A-3b copy carries) is written back byte for byte
    original = loaded.tei_bytes
    for tag in settings.variants:
        try:
            doc = make_variant(root, tag)
        except ConvertError as err:
            result.errors.append(f"{src}: {tag}: {err}")
            continue
        tei_bytes = original if (tag == SOURCE and original is not None) else to_bytes(doc)
        opts = WriterOptions(pdfa=settings.pdfa, source_name=str(src), tei_bytes=tei_bytes,
                             embed_fonts=settings.embed_fonts)
        stem = src.stem if tag == SOURCE else f"{src.stem}.{tag}"
        for fmt in settings.formats:
            _write_one(doc, opts, src, tag, fmt, outdir / f"{stem}{extension(fmt)}", settings, result)
    result.seconds = time.perf_counter() - started
    return result


def _write_one(doc, opts, src: Path, tag: str, fmt: str, dest: Path, settings: Settings,
               result: Result) -> None:
    tmp = dest.with_name(f".{dest.stem}.{os.getpid()}.partial{dest.suffix}")
    label = fmt if tag == SOURCE else f"{tag} {fmt}"
    try:
        started = time.perf_counter()
        get_writer(fmt)(doc, opts, tmp)
        verdicts = []
        if settings.check:
            from convert.validate import external_checks

            checks = external_checks(fmt, tmp, settings.pdfa)
            verdicts = [str(v).replace(str(tmp), str(dest)) for v in checks]
            bad = [v.validator for v in checks if not v.ok]
            if bad:
                raise ConvertError("failed " + ", ".join(bad) + ": " + " | ".join(verdicts))
        notes = []
        if fmt == "epub" and settings.embed_fonts:
            notes.append(f"embedded font subset: {embedded_font_bytes(tmp):,} bytes")
        os.replace(tmp, dest)
        result.outputs.append(Output(str(dest), fmt, tag, sha256_file(dest), dest.stat().st_size,
                                     round(time.perf_counter() - started, 3), verdicts, notes))
    except ConvertError as err:
        result.errors.append(f"{src}: {label}: {err}")
    except Exception as err:  # a defect: still one line, never a half-written file
        if os.environ.get("CONVERT_DEBUG"):
            raise
        result.errors.append(f"{src}: {label}: internal error: {type(err).__name__}: {err}")
    finally:
        tmp.unlink(missing_ok=True)


def embedded_font_bytes(epub: Path) -> int:
    """Bytes the font files of an EPUB take in the file (compressed): the size ``--embed-fonts``
    adds."""
    import zipfile

    with zipfile.ZipFile(epub) as z:
        return sum(i.compress_size for i in z.infolist()
                   if i.filename.lower().endswith((".ttf", ".otf", ".woff", ".woff2")))


# ---------------------------------------------------------------------------------- manifest


def read_manifest(outdir: Path) -> dict:
    """The manifest in *outdir* as ``{input path: entry}`` (empty when there is none or it is
    unreadable)."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        return {entry["input"]: entry for entry in data.get("inputs", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_manifest(outdir: Path, settings: Settings, results: Iterable[Result]) -> Path:
    """Merge *results* into ``outdir/manifest.json`` (atomically) and return its path.

    Shape: ``{"convert": version, "inputs": [{"input", "sha256", "options", "outputs": [{"path",
    "format", "variant", "sha256", "size", "seconds", "verdicts"}], "errors", "warnings"}]}``.
    """
    entries = read_manifest(outdir)
    for r in results:
        if r.skipped:
            continue
        # outputs of an earlier run that this run did not replace (it failed, or made other
        # formats) are still in the folder: their records stay
        outputs = {o["path"]: o for o in entries.get(r.input, {}).get("outputs", [])
                   if Path(o["path"]).exists()}
        outputs.update({o.path: asdict(o) for o in r.outputs})
        entries[r.input] = {
            "input": r.input,
            "sha256": r.sha256,
            "options": settings.options(),
            "outputs": [outputs[k] for k in sorted(outputs)],
            "errors": r.errors,
            "warnings": r.warnings,
        }
    path = outdir / MANIFEST
    tmp = outdir / f".{MANIFEST}.{os.getpid()}.partial"
    data = {"convert": __version__, "inputs": [entries[k] for k in sorted(entries)]}
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def up_to_date(src: Path, settings: Settings, outdir: Path, manifest: dict) -> bool:
    """True when every output of *src* exists, is newer than *src*, and the manifest records
    the same input bytes, the same options and no error (``--skip-existing``)."""
    entry = manifest.get(str(src))
    if not entry or entry.get("errors") or entry.get("options") != settings.options():
        return False
    try:
        mtime = src.stat().st_mtime
        for _, _, name in output_names(src, settings):
            if (outdir / name).stat().st_mtime < mtime:
                return False
        return entry.get("sha256") == sha256_file(src)
    except OSError:
        return False


# ---------------------------------------------------------------------------------- batch


def _warm_up(settings: Settings) -> None:
    """Load once per worker what every conversion needs: the schema, OpenCC, the writers."""
    from convert.validate import own_schema

    own_schema()
    for fmt in settings.formats:
        get_writer(fmt)
    for tag in settings.variants:
        if tag != SOURCE:
            from convert.variant import CONFIGS, converter

            converter(CONFIGS[tag])


def _job(args: tuple[Path, Settings, Path]) -> Result:
    return convert_one(*args)


def work_units(inputs: list[Path], settings: Settings, jobs: int) -> list[tuple[int, Settings]]:
    """How :func:`run_batch` divides the work: ``[(index into inputs, settings of the unit)]``.

    One unit per input when there are at least as many inputs as *jobs*. With fewer, the cores
    would idle, so each input is divided further: one unit per variant, and within a variant
    the PDF (the slowest output by far) apart from the other formats. Units of one input are
    consecutive.
    """
    if len(inputs) >= jobs:
        return [(i, settings) for i in range(len(inputs))]
    groups = [settings.formats]
    if "pdf" in settings.formats and len(settings.formats) > 1:
        groups = [("pdf",), tuple(f for f in settings.formats if f != "pdf")]
    return [(i, replace(settings, variants=(tag,), formats=formats))
            for i in range(len(inputs)) for tag in settings.variants for formats in groups]


def merge_results(src: Path, parts: list[Result], settings: Settings) -> Result:
    """One :class:`Result` for *src* from the results of its work units: outputs in the order a
    single process writes them (variant, then format, as in *settings*), each error and warning
    once, ``seconds`` the longest unit's."""
    merged = Result(str(src))
    order = {(tag, fmt): n for n, (tag, fmt) in
             enumerate((t, f) for t in settings.variants for f in settings.formats)}
    for part in parts:
        merged.sha256 = merged.sha256 or part.sha256
        merged.outputs += part.outputs
        merged.errors += [e for e in part.errors if e not in merged.errors]
        merged.warnings += [w for w in part.warnings if w not in merged.warnings]
        merged.seconds = max(merged.seconds, part.seconds)
    merged.outputs.sort(key=lambda o: order.get((o.variant, o.format), len(order)))
    return merged


def run_batch(inputs: list[Path], settings: Settings, outdir: Path, jobs: int,
              on_result: Callable[[Result], None]) -> list[Result]:
    """Convert *inputs* with *jobs* worker processes (1: in this process), calling *on_result*
    for each input's result as it completes, in input order; returns the results in input order.
    The work is divided as :func:`work_units` says."""
    units = work_units(inputs, settings, max(jobs, 1))
    if jobs <= 1 or len(units) <= 1:
        results = []
        for src in inputs:
            results.append(convert_one(src, settings, outdir))
            on_result(results[-1])
        return results
    from concurrent.futures import ProcessPoolExecutor  # only with workers: 15–25 ms to import

    results: list[Result] = []
    parts: list[Result] = []
    current = 0
    # warming up pays when each worker converts many inputs; when one input's work is divided,
    # each worker would import and load every format's libraries for the one part it runs
    warm = {"initializer": _warm_up, "initargs": (settings,)} if len(inputs) >= jobs else {}
    with ProcessPoolExecutor(max_workers=jobs, **warm) as pool:
        done = pool.map(_job, [(inputs[i], unit, outdir) for i, unit in units], chunksize=1)
        for (i, _unit), part in zip(units, done):
            if i != current and parts:
                results.append(merge_results(inputs[current], parts, settings))
                on_result(results[-1])
                parts = []
            current = i
            parts.append(part)
        if parts:
            results.append(merge_results(inputs[current], parts, settings))
            on_result(results[-1])
    return results
