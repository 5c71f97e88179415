"""Converting inputs: one input at a time (:func:`convert_one`), or many in a process pool
(:func:`run_batch`), with a manifest an archivist can verify a batch against later.

A conversion never prints: it returns a :class:`Result` with its messages, so that results from
worker processes are reported by the parent in input order.

This module holds the naming of outputs (:func:`output_names`, :func:`plan_names`,
:func:`refusals`), the conversion of one input, and the pool. What it may touch is what
:mod:`convert.outdir` may touch: it reads its inputs, writes each output into a private
workspace in the output folder and renames it into place from there, never over an input
(:func:`refusals`), never after a stop signal; the manifest is :mod:`convert.manifest`'s, the
stop signals and ``--timeout`` are :mod:`convert.stopping`'s (their public names are imported
here too, where callers found them before). Workers die with the parent (a parent-death
signal); on a stop signal they remove their workspaces before they exit; the parent removes
the workspaces of workers that could not (:func:`convert.outdir.remove_stale_workspaces`).
"""

from __future__ import annotations

import errno
import json
import os
import signal
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from convert import __version__
from convert.errors import ConvertError, Interrupted
from convert.manifest import (MANIFEST, manifest_outputs, output_path, read_manifest,  # noqa: F401
                              write_manifest)
from convert.options import WriterOptions
from convert.outdir import FolderError, OutputFolder, mode_cap, remove_stale_workspaces, sha256_fd
from convert.stopping import (STOP_SIGNALS, InputTimeout, check_stop, deadline,  # noqa: F401
                              guard_unraisable, hard_exit, latching_handler, request_stop, reset_latch,
                              signals_deferred, stopped_by)
from convert.variant import SOURCE, make_variant
from convert.writers import extension, get_writer

#: Public names, including those that moved to :mod:`convert.manifest` and
#: :mod:`convert.stopping` and are imported here for the callers that found them here.
__all__ = [
    "Settings", "Output", "Result", "Executor", "sha256_file", "output_names", "plan_names", "refusals",
    "convert_one", "documents_of", "up_to_date", "worker_count", "work_units", "merge_results", "run_batch",
    "remove_stale_temporaries", "embedded_font_bytes",
    "MANIFEST", "manifest_outputs", "output_path", "read_manifest", "write_manifest",
    "STOP_SIGNALS", "check_stop", "request_stop", "signals_deferred", "stopped_by",
]


@dataclass(frozen=True)
class Settings:
    """What a run was asked to do, the same for every input (it goes into the manifest)."""

    formats: tuple[str, ...]
    variants: tuple[str, ...] = (SOURCE,)
    pdfa: str = "2b"
    check: bool = False
    encoding: str | None = None
    max_size: int = 20 * 2**20
    embed_fonts: bool = True
    #: seconds one input may take (``--timeout``), or None
    timeout: float | None = None
    keep_quotes: bool = False
    genre: str | None = None

    def options(self) -> dict:
        """The settings that change outputs (for ``--skip-existing`` and the manifest)."""
        d = asdict(self)
        d.pop("max_size")
        d.pop("timeout")
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
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return sha256_fd(fd)
    finally:
        os.close(fd)


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

    Each output is rendered into a private workspace in *outdir* (:mod:`convert.outdir`),
    checked, then renamed into place, its mode never wider than the source's; a failure leaves
    no file behind and does not stop the other outputs. An output that would replace *src*
    itself is refused before anything is read. With ``settings.timeout`` the conversion stops
    after that many seconds (the outputs already in place stay; an error says so). Raises only
    :class:`convert.errors.Interrupted` (a stop signal); every other failure is in the result.
    """
    started = time.perf_counter()
    result = Result(str(src))
    refused = refusals([src], settings, outdir, {src: name} if name else None)
    if refused:
        result.errors.append(refused[src])
        return result
    try:
        with OutputFolder(outdir) as folder, folder.workspace() as ws:
            try:
                with deadline(settings.timeout):
                    _convert(src, settings, folder, ws, name, result)
            except InputTimeout:
                result.errors.append(
                    f"{src}: stopped after {settings.timeout:g} s (--timeout); "
                    + (f"only {len(result.outputs)} of its outputs were written" if result.outputs
                       else "no output was written"))
    except FolderError as err:
        result.errors.append(f"{src}: {err}")
    result.seconds = time.perf_counter() - started
    return result


def _convert(src: Path, settings: Settings, folder: OutputFolder, ws, name: str | None,
             result: Result) -> None:
    from convert.reader import load_input
    from convert.tei import to_bytes

    try:
        loaded = load_input(src, encoding=settings.encoding, max_size=settings.max_size, genre=settings.genre,
                            warnings=result.warnings)
        cap = mode_cap(os.stat(src).st_mode)
    except ConvertError as err:
        result.errors.append(str(err))
        return
    except Exception as err:  # a defect: one line, and the batch goes on
        if os.environ.get("CONVERT_DEBUG"):
            raise
        result.errors.append(f"{src}: internal error: {type(err).__name__}: {err}")
        return
    result.sha256 = loaded.sha256
    # a TEI input (or the TEI a PDF/A-3b copy carries) is written back byte for byte
    original = loaded.tei_bytes
    for base, root, lines in documents_of(loaded, name or src.stem):
        for tag in settings.variants:
            try:
                doc = make_variant(root, tag, quotes=not settings.keep_quotes)
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
                _write_one(doc, opts, src, tag, fmt, folder, ws, f"{stem}{extension(fmt)}", settings,
                           result, cap)
                if lines and len(result.outputs) > written:
                    result.outputs[-1].source_lines = lines


def _write_one(doc, opts, src: Path, tag: str, fmt: str, folder: OutputFolder, ws, fname: str,
               settings: Settings, result: Result, cap: int) -> None:
    """Write one output: *fname* (``/``-separated, relative to the output folder) rendered into
    the workspace *ws* under its own base name, checked, renamed into place."""
    dest = folder.path / fname
    where = PurePosixPath(fname)
    tmp = ws.file(where.name)
    label = fmt if tag == SOURCE else f"{tag} {fmt}"

    def tidy(text: str) -> str:
        return ws.tidy(str(text).replace(str(tmp), str(dest)))

    try:
        started = time.perf_counter()
        get_writer(fmt)(doc, opts, tmp)
        verdicts = []
        if settings.check:
            from convert.validators import external_checks

            checks = external_checks(fmt, tmp, settings.pdfa)
            verdicts = [tidy(v) for v in checks]
            bad = [v.validator for v in checks if not v.ok]
            if bad:
                raise ConvertError("failed " + ", ".join(bad) + ": " + " | ".join(verdicts))
        notes = []
        if fmt == "epub" and settings.embed_fonts:
            notes.append(f"embedded font subset: {embedded_font_bytes(tmp):,} bytes")
        with folder.subfolder(str(where.parent)) as dest_fd:
            done = ws.install(where.name, dest_fd, where.name, str(dest), cap)
        result.outputs.append(Output(str(dest), fmt, tag, done.sha256, done.size,
                                     round(time.perf_counter() - started, 3), verdicts, notes))
    except ConvertError as err:  # the writers' messages may name their format already
        result.errors.append(f"{src}: {label}: {tidy(err).removeprefix(f'{fmt}: ')}")
    except OSError as err:
        if err.errno in _WRITE_ERRORS or str(err.filename or "").startswith(str(ws.base)):
            # a full disk, a quota, a read-only folder: one line naming the output
            result.errors.append(f"{src}: {label}: cannot write {dest}: {err.strerror or tidy(err)}")
        else:
            result.errors.append(f"{src}: {label}: internal error: {type(err).__name__}: {tidy(err)}")
    except Exception as err:  # a defect: still one line, never a half-written file
        if os.environ.get("CONVERT_DEBUG"):
            raise
        result.errors.append(f"{src}: {label}: internal error: {type(err).__name__}: {tidy(err)}")
    finally:
        try:
            os.unlink(where.name, dir_fd=ws.fd)
        except FileNotFoundError:
            pass


#: Errors of writing a file (whatever file a writer was writing when they came).
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def remove_stale_temporaries(outdir: Path) -> list[Path]:
    """Remove from *outdir* the workspaces of runs proven dead on this machine
    (:func:`convert.outdir.remove_stale_workspaces`: the folder itself, never below it); returns
    the paths removed."""
    try:
        with OutputFolder(outdir) as folder:
            return [Path(outdir) / n for n in remove_stale_workspaces(folder).removed]
    except (FolderError, OSError):
        return []


def embedded_font_bytes(epub: Path) -> int:
    """Bytes the font files of an EPUB take in the file (compressed): the size ``--embed-fonts``
    adds."""
    import zipfile

    with zipfile.ZipFile(epub) as z:
        return sum(i.compress_size for i in z.infolist()
                   if i.filename.lower().endswith((".ttf", ".otf", ".woff", ".woff2")))


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
    """True when the manifest records the same input bytes, no error, and every output of *src*
    made with the same options, in place with its recorded SHA-256 and newer than *src*
    (``--skip-existing``): a damaged or replaced output is made again (issue #26, case 13).
    *manifest* is :func:`read_manifest`'s (paths relative to *outdir*)."""
    from convert.manifest import in_place

    entry = manifest.get(str(src))
    if not entry or entry.get("errors") or entry.get("options") != settings.options():
        return False
    records = {o["path"]: o for o in entry.get("outputs", []) if o.get("format") != "bag"}
    # a file of several issues: its outputs are the ones the manifest records per issue
    wanted = ([p for p, o in records.items() if o.get("source_lines")]
              or [PurePosixPath(fname).as_posix() for _, _, fname in output_names(src, settings, name)])
    try:
        mtime = src.stat().st_mtime
        with OutputFolder(outdir) as folder:
            for path in wanted:
                record = records.get(path)
                if (record is None or record.get("options", entry["options"]) != entry["options"]
                        or output_path(outdir, record).stat().st_mtime < mtime
                        or not in_place(folder, record)):
                    return False
        return entry.get("sha256") == sha256_file(src)
    except (OSError, FolderError):
        return False


def worker_count(requested: int, units: int) -> tuple[int, str | None]:
    """How many worker processes to start for *units* work units when ``-j`` asked for
    *requested*: at most one per unit and one per CPU this process may run on
    (``os.process_cpu_count`` where Python has it, else the scheduler affinity, else
    ``os.cpu_count``). Returns ``(count, note)``, *note* a line saying why *requested* was
    lowered, or ``None``."""
    cpus = getattr(os, "process_cpu_count", None)
    if cpus is not None:
        available = cpus() or 1
    else:
        try:
            available = len(os.sched_getaffinity(0)) or 1
        except (AttributeError, OSError):
            available = os.cpu_count() or 1
    count = max(1, min(requested, units, available))
    if count >= requested:
        return count, None
    why = [f"{units} work unit{'s' if units != 1 else ''}"] if units < requested else []
    if available < requested:
        why.append(f"{available} CPU{'s' if available != 1 else ''} available")
    return count, f"-j {requested}: {count} worker process{'es' if count != 1 else ''} ({', '.join(why)})"


# ---------------------------------------------------------------------------------- batch


def _warm_up(settings: Settings) -> None:
    """Load once per worker what every conversion needs: the schema, OpenCC, the writers."""
    from convert.validators.tei import own_schema

    own_schema()
    for fmt in settings.formats:
        get_writer(fmt)
    for tag in settings.variants:
        if tag != SOURCE:
            from convert.variant import CONFIGS, converter

            converter(CONFIGS[tag])


_IN_JOB = False


def _worker_stop(signum: int) -> None:
    """What a worker does with its first stop signal: inside a conversion, unwind it
    (``finally`` clauses remove the workspace, nothing is renamed), then :func:`_job` exits;
    idle, exit now."""
    if _IN_JOB:
        raise Interrupted(signum)
    hard_exit(signum)


#: A worker's stop handler (:func:`convert.stopping.latching_handler`): the first stop signal
#: stops it; later ones (Ctrl-C reaches the whole process group, then the parent sends SIGTERM
#: to every worker, :func:`_stop_workers`) are ignored, so they neither cut the unwinding short
#: inside a ``finally`` clause nor make CPython report a signal "ignored due to race condition".
_worker_signal = latching_handler(_worker_stop)


def _init_worker(settings: Settings, parent: int, warm: bool = True) -> None:
    """A worker's start: die with the parent (Linux ``PR_SET_PDEATHSIG``: SIGTERM when the
    parent ends, even by SIGKILL), stop on SIGINT/SIGTERM (:data:`_worker_signal`), and, when
    *warm*, load what every conversion needs (:func:`_warm_up`)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass
    reset_latch()  # a fresh process: the parent's record (if any) is not this worker's
    guard_unraisable()
    for signum in STOP_SIGNALS:
        signal.signal(signum, _worker_signal)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked by the parent across the fork
    if os.getppid() != parent:  # the parent died before the signal was armed
        hard_exit(signal.SIGTERM)
    if warm:
        _warm_up(settings)


def _job(args: tuple) -> Result:
    global _IN_JOB
    _IN_JOB = True
    try:
        return convert_one(*args)
    except Interrupted as stop:
        # the workspace is gone; never report or rename. The recorded signal first: the
        # exception may have been rebuilt by a library without its number (errors.Interrupted).
        hard_exit(stopped_by() or stop.signum or signal.SIGTERM)
    finally:
        _IN_JOB = False


def _stop_workers(pool) -> None:
    """Stop the ``ProcessPoolExecutor`` *pool* now: SIGTERM to every worker (each removes its
    workspace and exits), queued work failed by the pool, workers reaped (SIGKILL after 10 s)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    # queued work is failed by the pool's own thread once its workers are gone; cancelling it
    # here as well would race with that thread (see run_batch)
    pool.shutdown(wait=False, cancel_futures=False)
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
    (:func:`_stop_workers`), the workspaces of stopped workers removed
    (:func:`remove_stale_temporaries`), and the exception goes on up. *jobs* is used as given:
    :func:`worker_count` is the caller's to apply."""
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
                futures = [pool.submit(_job, item) for item in items]
            # not pool.map: its iterator cancels the pending futures when it is closed, which
            # races with the pool's own thread failing them once the workers are stopped
            # (CPython 3.11 then prints an InvalidStateError traceback from that thread)
            done = (future.result() for future in futures)
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
            # not cut short by a stop signal (it comes after, as Interrupted)
            with signals_deferred():
                _stop_workers(pool)
                # A worker that could not unwind (killed after the grace period, or ended inside
                # a library's C++ code) leaves its workspace; its process is gone now, and so is
                # its lock: the workspace is proven dead and removed.
                remove_stale_temporaries(outdir)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return results
