"""Converting inputs: one input at a time (:func:`convert_one`), or many in a process pool
(:func:`run_batch`), with a manifest an archivist can verify a batch against later.

A conversion never prints: it returns a :class:`Result` with its messages, so that results from
worker processes are reported by the parent in input order.

What it may touch (issue #12): it reads its inputs and writes only into the output folder: a
temporary file per output, named ``.convert-<pid>-<name>.partial<ext>`` (:func:`temp_path`), renamed
over the final name only when whole and checked, never after a stop signal, and never over an
input (:func:`refusals`); ``manifest.json``, merged under an ``fcntl`` lock on the folder. Workers
die with the parent (a parent-death signal) and on a stop signal remove their temporary files
before they exit; a run removes the temporary files earlier runs left when they were killed
(:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from convert import __version__
from convert.errors import ConvertError, Interrupted
from convert.options import WriterOptions
from convert.variant import SOURCE, make_variant
from convert.writers import extension, get_writer

MANIFEST = "manifest.json"
#: Signals that stop a run: Ctrl-C and a service manager's stop.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
#: Temporary files of this tool: ``.convert-<pid>-<stem>.partial<ext>`` (:func:`temp_path`) and the
#: ``.<stem>.<pid>.partial<ext>`` of earlier versions, bare or as pikepdf's atomic writer wraps
#: them (``.pikepdf.<name>.<12 hex digits>``, or ``tempfile``'s random letters and digits);
#: ``<ext>`` one this tool writes.
TEMP_RE = re.compile(r"^(?:\.pikepdf\.)?(?:\.convert-(\d+)-.+|\..+\.(\d+))\.partial"
                     r"(?:\.(?:xml|txt|pdf|epub|ofd|json))?(?:\.?[0-9a-z_]{8,12})?$")


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
    genre: str | None = None

    def options(self) -> dict:
        """The settings that change outputs (for ``--skip-existing`` and the manifest)."""
        d = asdict(self)
        d.pop("max_size")
        if d["genre"] is None:  # the reader's own decision: as before --genre existed
            d.pop("genre")
        d["version"] = __version__
        return json.loads(json.dumps(d))  # the form it has in the manifest (lists, not tuples)


@dataclass
class Output:
    """One written file: ``path``, ``format``, ``variant``, ``sha256`` (hex), ``size`` (bytes),
    ``seconds`` (wall time of the writer), ``verdicts`` (external validators' one-line verdicts),
    ``notes`` (what else a reader of the log should know, e.g. the size an embedded font adds),
    ``source_lines`` (``[first, last]``, 1-based, inclusive: the input lines an issue's document
    was read from, when the input holds several issues; else ``None``)."""

    path: str
    format: str
    variant: str
    sha256: str
    size: int
    seconds: float
    verdicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source_lines: list[int] | None = None


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


def output_names(src: Path, settings: Settings, name: str | None = None) -> list[tuple[str, str, str]]:
    """``[(variant, format, file name)]`` of every output *src* gives under *settings*; *name*
    (from :func:`plan_names`, default the input's stem) may hold folders (``a/issue``)."""
    base = name or src.stem
    out = []
    for tag in settings.variants:
        stem = base if tag == SOURCE else f"{base}.{tag}"
        out.extend((tag, fmt, f"{stem}{extension(fmt)}") for fmt in settings.formats)
    return out


def plan_names(inputs: list[Path]) -> dict[Path, str]:
    """The output name of each input (a ``/``-separated relative path without extension):
    its stem, unless another input has the same stem (compared case-insensitively). Inputs that
    share a stem keep their folders relative to the folder they have in common (``a/issue``,
    ``b/issue``), and, when that does not tell them apart (``issue.txt`` and ``issue.xml`` in
    one folder), their extension too (``issue.txt``, ``issue.xml``). Two inputs never get one
    name silently: :func:`refusals` reports what is still alike."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for p in inputs:
        groups[p.stem.casefold()].append(p)
    names: dict[Path, str] = {}
    for members in groups.values():
        if len(members) == 1:
            names[members[0]] = members[0].stem
            continue
        absolute = [Path(os.path.abspath(p)) for p in members]
        common = os.path.commonpath([str(a.parent) for a in absolute])
        for p, a in zip(members, absolute):
            names[p] = (a.parent.relative_to(common) / a.stem).as_posix()
        alike = Counter(names[p].casefold() for p in members)
        for p in members:
            if alike[names[p].casefold()] > 1:
                names[p] += p.suffix
    return names


def _identity(path: Path) -> tuple:
    """What makes two paths one file: the real path, and device and inode where it exists."""
    real = os.path.realpath(path)
    try:
        st = os.stat(path)
        return (real, (st.st_dev, st.st_ino))
    except OSError:
        return (real, None)


def refusals(inputs: list[Path], settings: Settings, outdir: Path,
             names: dict[Path, str] | None = None) -> dict[Path, str]:
    """``{input: one-line error}`` for the inputs that must not be converted because an output
    would replace an input of this run (``convert m.txt --to txt -o .``) or take the output name
    of an earlier input. Checked before anything is written."""
    names = names or {}
    taken_paths, taken_inodes = {}, {}
    for p in inputs:
        real, inode = _identity(p)
        taken_paths.setdefault(real, p)
        if inode:
            taken_inodes.setdefault(inode, p)
    refused: dict[Path, str] = {}
    claimed: dict[str, Path] = {}
    for src in inputs:
        for _tag, fmt, fname in output_names(src, settings, names.get(src)):
            dest = outdir / fname
            real, inode = _identity(dest)
            victim = taken_paths.get(real) or (taken_inodes.get(inode) if inode else None)
            if victim is not None:
                what = "this input" if victim == src else f"the input {victim}"
                refused[src] = (f"{src}: its {fmt} output {dest} would replace {what}; "
                                "choose another output folder (-o)")
                break
            owner = claimed.get(real.casefold())
            if owner is not None and owner != src:
                refused[src] = f"{src}: its {fmt} output {dest} would replace the output of {owner}"
                break
        else:
            for _tag, _fmt, fname in output_names(src, settings, names.get(src)):
                claimed[os.path.realpath(outdir / fname).casefold()] = src
    return refused


def convert_one(src: Path, settings: Settings, outdir: Path, name: str | None = None) -> Result:
    """Convert *src* into every format and variant of *settings*, writing into *outdir* under
    *name* (from :func:`plan_names`; default the input's stem).

    Each output is rendered to a temporary file in *outdir*, checked, then renamed into place;
    a failure leaves no file behind and does not stop the other outputs. An output that would
    replace *src* itself is refused before anything is read. Raises only
    :class:`convert.errors.Interrupted` (a stop signal); every other failure is in the result.
    """
    from convert.reader import load_input
    from convert.tei import to_bytes

    started = time.perf_counter()
    result = Result(str(src))
    refused = refusals([src], settings, outdir, {src: name} if name else None)
    if refused:
        result.errors.append(refused[src])
        return result
    try:
        loaded = load_input(src, encoding=settings.encoding, max_size=settings.max_size, genre=settings.genre,
                            warnings=result.warnings)
    except ConvertError as err:
        result.errors.append(str(err))
        return result
    except Exception as err:  # a defect: one line, and the batch goes on
        if os.environ.get("CONVERT_DEBUG"):
            raise
        result.errors.append(f"{src}: internal error: {type(err).__name__}: {err}")
        return result
    result.sha256 = loaded.sha256
    # a TEI input (or the TEI a PDF/A-3b copy carries) is written back byte for byte
    original = loaded.tei_bytes
    for base, root, lines in documents_of(loaded, name or src.stem):
        for tag in settings.variants:
            try:
                doc = make_variant(root, tag)
            except ConvertError as err:
                result.errors.append(f"{src}: {tag}: {err}")
                continue
            tei_bytes = original if (tag == SOURCE and original is not None) else to_bytes(doc)
            opts = WriterOptions(pdfa=settings.pdfa, source_name=str(src), tei_bytes=tei_bytes,
                                 embed_fonts=settings.embed_fonts)
            stem = base if tag == SOURCE else f"{base}.{tag}"
            for fmt in settings.formats:
                written = len(result.outputs)
                check_stop()
                _write_one(doc, opts, src, tag, fmt, outdir / f"{stem}{extension(fmt)}", settings, result)
                if lines and len(result.outputs) > written:
                    result.outputs[-1].source_lines = lines
    result.seconds = time.perf_counter() - started
    return result


def _write_one(doc, opts, src: Path, tag: str, fmt: str, dest: Path, settings: Settings,
               result: Result) -> None:
    tmp = temp_path(dest)
    label = fmt if tag == SOURCE else f"{tag} {fmt}"
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
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
        install(tmp, dest)
        result.outputs.append(Output(str(dest), fmt, tag, sha256_file(dest), dest.stat().st_size,
                                     round(time.perf_counter() - started, 3), verdicts, notes))
    except ConvertError as err:  # the writers' messages may name their format already
        result.errors.append(f"{src}: {label}: {str(err).removeprefix(f'{fmt}: ')}")
    except Exception as err:  # a defect: still one line, never a half-written file
        if os.environ.get("CONVERT_DEBUG"):
            raise
        result.errors.append(f"{src}: {label}: internal error: {type(err).__name__}: {err}")
    finally:
        tmp.unlink(missing_ok=True)


def temp_path(dest: Path) -> Path:
    """The temporary file *dest* is written to before it is checked and renamed into place:
    ``.convert-<pid>-<stem>.partial<ext>`` beside it (hidden, recognisable by :data:`TEMP_RE`)."""
    return dest.with_name(f".convert-{os.getpid()}-{dest.stem}.partial{dest.suffix}")


#: The stop signal this process received (0: none), set by the stop handlers before they raise
#: :class:`Interrupted`: a library that catches every exception (a bare ``except:``) may swallow
#: the exception, but not this record, which :func:`check_stop` and :func:`install` read.
_STOP = 0


def request_stop(signum: int) -> None:
    """Record that stop signal *signum* arrived (the first one counts); 0 clears the record
    (a new run in the same process, :func:`convert.cli.main`)."""
    global _STOP
    _STOP = (_STOP or int(signum)) if signum else 0


def stopped_by() -> int:
    """The stop signal recorded in this process (:func:`request_stop`), or 0 if none arrived."""
    return _STOP


def check_stop() -> None:
    """Raise :class:`Interrupted` if a stop signal arrived in this process: called between
    outputs and between inputs, so a run stops even if the handler's exception was swallowed."""
    if _STOP:
        raise Interrupted(_STOP)


def install(tmp: Path, dest: Path) -> None:
    """Rename *tmp* over *dest* (atomic, ``os.replace``) unless a stop signal has arrived.

    The stop signals are blocked from the check to the rename, so a signal either comes first
    (nothing is renamed: :class:`Interrupted` is raised, or the signal's handler raises once
    unblocked) or after the rename is complete."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        pending = signal.sigpending() & set(STOP_SIGNALS)
        if not pending and not _STOP:
            os.replace(tmp, dest)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
    if pending or _STOP:
        raise Interrupted(_STOP or min(pending))


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Block the stop signals within (a signal that comes meanwhile is delivered at the end):
    for steps that must not be cut in two, such as writing the manifest or starting workers
    (which inherit the mask, and unblock once their own handlers are set)."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _alive(pid: int) -> bool:
    """Whether process *pid* exists (on this machine)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(outdir: Path) -> list[Path]:
    """Remove from *outdir* (and the folders below it) the temporary files of runs that are no
    longer running (:data:`TEMP_RE`; the process id in the name is not a live process): what a
    run killed with SIGKILL, or a power cut, left; a bag's temporary folder too. Returns the paths removed."""
    removed = []
    for folder, dirs, files in os.walk(outdir):
        for fname in files + dirs:  # a bag is built in a temporary folder (convert.bag)
            m = TEMP_RE.match(fname)
            if m and not _alive(int(m.group(1) or m.group(2))):
                path = Path(folder) / fname
                try:
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed


def embedded_font_bytes(epub: Path) -> int:
    """Bytes the font files of an EPUB take in the file (compressed): the size ``--embed-fonts``
    adds."""
    import zipfile

    with zipfile.ZipFile(epub) as z:
        return sum(i.compress_size for i in z.infolist()
                   if i.filename.lower().endswith((".ttf", ".otf", ".woff", ".woff2")))


# ---------------------------------------------------------------------------------- manifest


@contextmanager
def manifest_lock(outdir: Path) -> Iterator[None]:
    """Hold an exclusive ``fcntl.flock`` lock on the folder *outdir* itself (no lock file is
    left behind): runs writing into one folder merge their manifest entries one at a time."""
    import fcntl

    fd = os.open(outdir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def manifest_outputs(outdir: Path) -> set[str]:
    """Real paths of every output the manifest in *outdir* lists (a folder scan skips them)."""
    return {os.path.realpath(o["path"]) for entry in read_manifest(outdir).values()
            for o in entry.get("outputs", []) if isinstance(o, dict) and "path" in o}


def _record(output: Output | dict) -> dict:
    """An output's manifest record: everything but the wall time, which goes to the log only, so
    that the manifest is the same bytes for the same inputs and options."""
    d = asdict(output) if isinstance(output, Output) else dict(output)
    d.pop("seconds", None)
    return d


def read_manifest(outdir: Path) -> dict:
    """The manifest in *outdir* as ``{input path: entry}`` (empty when there is none or it is
    unreadable)."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        return {entry["input"]: entry for entry in data.get("inputs", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_manifest(outdir: Path, settings: Settings, results: Iterable[Result]) -> Path:
    """Merge *results* into ``outdir/manifest.json`` (atomically, under :func:`manifest_lock`)
    and return its path.

    Shape: ``{"convert": version, "inputs": [{"input", "sha256", "options", "outputs": [{"path",
    "format", "variant", "sha256", "size", "verdicts", "notes"}], "errors", "warnings"}]}``, entries
    sorted by input and outputs by path: the same inputs and options give the same bytes (wall
    times go to the log, not here).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with signals_deferred(), manifest_lock(outdir):
        return _merge_manifest(outdir, settings, results)


def _merge_manifest(outdir: Path, settings: Settings, results: Iterable[Result]) -> Path:
    entries = read_manifest(outdir)
    for r in results:
        if r.skipped:
            continue
        # outputs of an earlier run that this run did not replace (it failed, or made other
        # formats) are still in the folder: their records stay
        outputs = {o["path"]: _record(o) for o in entries.get(r.input, {}).get("outputs", [])
                   if Path(o["path"]).exists()}
        outputs.update({o.path: _record(o) for o in r.outputs})
        entries[r.input] = {
            "input": r.input,
            "sha256": r.sha256,
            "options": settings.options(),
            "outputs": [outputs[k] for k in sorted(outputs)],
            "errors": r.errors,
            "warnings": r.warnings,
        }
    path = outdir / MANIFEST
    tmp = temp_path(outdir / MANIFEST)
    data = {"convert": __version__, "inputs": [entries[k] for k in sorted(entries)]}
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def documents_of(loaded, base: str) -> list[tuple[str, "etree._Element", list[int] | None]]:
    """The documents an input gives, ``[(output name, <TEI> root, source lines or None)]``: the
    input's own name and model, or, for a text of several issues, one per issue, named so that
    name order is issue order (``X.issue01``, ``X.issue02``, …; two digits at least) with
    ``[first, last]``, the input lines (1-based, inclusive) it was read from."""
    if not loaded.documents:
        return [(base, loaded.root, None)]
    width = max(2, len(str(len(loaded.documents))))
    return [(f"{base}.issue{k:0{width}d}", d.root, [d.first_line, d.last_line])
            for k, d in enumerate(loaded.documents, start=1)]


def up_to_date(src: Path, settings: Settings, outdir: Path, manifest: dict, name: str | None = None) -> bool:
    """True when every output of *src* exists, is newer than *src*, and the manifest records
    the same input bytes, the same options and no error (``--skip-existing``)."""
    entry = manifest.get(str(src))
    if not entry or entry.get("errors") or entry.get("options") != settings.options():
        return False
    # a file of several issues: its outputs are the ones the manifest records per issue
    files = ([Path(o["path"]) for o in entry.get("outputs", []) if o.get("source_lines")]
             or [outdir / fname for _, _, fname in output_names(src, settings, name)])
    try:
        mtime = src.stat().st_mtime
        for path in files:
            if path.stat().st_mtime < mtime:
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


_IN_JOB = False


def _worker_signal(signum, frame) -> None:
    """A worker's stop signal: inside a conversion, unwind it (``finally`` clauses remove the
    temporary files, :func:`install` renames nothing), then :func:`_job` exits; idle, exit now.
    Further stop signals are ignored from here on: Ctrl-C reaches the whole process group and
    the parent then sends SIGTERM to every worker (:func:`_stop_workers`), which must not cut
    the unwinding short inside a ``finally`` clause."""
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    if _IN_JOB:
        request_stop(signum)
        raise Interrupted(signum)
    os._exit(128 + signum)


def _init_worker(settings: Settings, parent: int, warm: bool = True) -> None:
    """A worker's start: die with the parent (Linux ``PR_SET_PDEATHSIG``: SIGTERM when the
    parent ends, even by SIGKILL), stop on SIGINT/SIGTERM (:func:`_worker_signal`), and, when
    *warm*, load what every conversion needs (:func:`_warm_up`)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass
    for signum in STOP_SIGNALS:
        signal.signal(signum, _worker_signal)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked by the parent across the fork
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(128 + signal.SIGTERM)
    if warm:
        _warm_up(settings)


def _job(args: tuple) -> Result:
    global _IN_JOB
    _IN_JOB = True
    try:
        return convert_one(*args)
    except Interrupted as stop:
        # temporary files are gone; never report or rename. The recorded signal first: the
        # exception may have been rebuilt by a library without its number (errors.Interrupted).
        os._exit(128 + (_STOP or stop.signum or signal.SIGTERM))
    finally:
        _IN_JOB = False


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop *pool* now: SIGTERM to every worker (each removes its temporary files and exits),
    queued work cancelled, workers reaped (SIGKILL after 10 s)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
            proc.join(5)


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


#: An executor runs the per-input task elsewhere: ``executor(task, items)`` calls
#: ``task(item)`` for each ``(input, Settings, output folder)`` of *items* and returns an iterator
#: of the :class:`Result` s in the order of *items*. The local one is a process pool's ``map``;
#: :class:`convert.executors.DaskExecutor` sends the tasks to a Dask cluster.
Executor = Callable[[Callable[[tuple], Result], list[tuple]], Iterable[Result]]


def run_batch(inputs: list[Path], settings: Settings, outdir: Path, jobs: int,
              on_result: Callable[[Result], None], names: dict[Path, str] | None = None,
              executor: Executor | None = None) -> list[Result]:
    """Convert *inputs* with *jobs* worker processes (1: in this process), calling *on_result*
    for each input's result as it completes, in input order; returns the results in input order.
    *names* are the output names (:func:`plan_names`). The work is divided as :func:`work_units`
    says. *executor* (default: a local process pool of *jobs* workers) runs the work units; *jobs*
    is then the number of workers it has. On a stop signal (:class:`Interrupted`,
    ``KeyboardInterrupt``) or a worker's death the local workers are stopped at once
    (:func:`_stop_workers`), the temporary files of stopped workers removed
    (:func:`remove_stale_temporaries`), and the exception goes on up."""
    names = names or {}
    units = work_units(inputs, settings, max(jobs, 1))
    if executor is None and (jobs <= 1 or len(units) <= 1):
        results = []
        for src in inputs:
            check_stop()
            results.append(convert_one(src, settings, outdir, names.get(src)))
            on_result(results[-1])
        return results
    from concurrent.futures import ProcessPoolExecutor  # only with workers: 15–25 ms to import

    results: list[Result] = []
    parts: list[Result] = []
    current = 0
    pool = None
    items = [(inputs[i], unit, outdir, names.get(inputs[i])) for i, unit in units]
    try:
        if executor is None:
            # warming up pays when each worker converts many inputs; when one input's work is
            # divided, each worker would import and load every format's libraries for the one
            # part it runs
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                       initargs=(settings, os.getpid(), len(inputs) >= jobs))
            with signals_deferred():  # the workers start with the parent's handlers until _init_worker
                done = pool.map(_job, items, chunksize=1)
        else:
            done = executor(_job, items)
        for (i, _unit), part in zip(units, done):
            if i != current and parts:
                results.append(merge_results(inputs[current], parts, settings))
                on_result(results[-1])
                parts = []
            current = i
            parts.append(part)
            check_stop()
        if parts:
            results.append(merge_results(inputs[current], parts, settings))
            on_result(results[-1])
    except BaseException:
        if pool is not None:
            _stop_workers(pool)
            # A worker that could not unwind (killed after the grace period, or ended inside a
            # library's C++ code) leaves its temporary files; its process is gone now.
            remove_stale_temporaries(outdir)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return results
