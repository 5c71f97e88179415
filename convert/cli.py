"""The ``convert`` command: ``convert INPUT... --to FORMATS [-o DIR]``.

Each input is read once into the TEI model; each requested writer renders that model into a
temporary file in the output folder, the file is checked, and only then renamed into place, so no
partial or unchecked output is ever left under the final name.

Safety (issues #12, #24, #26): no output replaces an input; a folder scan reads only regular
files and skips the output folder and the outputs the manifest lists; every printed line is one
line with control characters escaped, on any terminal (characters it cannot show are written
as ``\\uXXXX``); every option value that cannot be used is a usage error of one line; SIGINT
and SIGTERM end the run with one line and status 130 or 143, whenever they come, and the
worker processes with it. What the run may touch in the output folder is
:mod:`convert.outdir`'s to say.

The module imports little at the top, so that :func:`entry` sets the stop handlers before the
reader and the writers are imported.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import stat
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from convert import __version__
from convert.errors import ConvertError, Interrupted, one_line, printable
from convert.writers import FORMATS, OPT_IN

#: Default largest input, bytes (``--max-size``; :data:`convert.reader.source.MAX_SIZE`, which
#: is not imported here: that would import the whole reader before the stop handlers are set).
MAX_SIZE = 20 * 1024 * 1024

EPILOG = """\
examples:
  convert samples/monthly-2020-01-no90.txt --to pdf
      writes output/monthly-2020-01-no90.pdf (PDF/A-2b)
  convert samples/*.txt --to all -o output/
      TEI, PDF, EPUB and plain text for every sample
  convert issue.txt --to tei,txt --to epub --check
      also runs jing (tei_all.rng), EPUBCheck and PDF/A validators and prints their verdicts
  convert issue.txt --to all,ofd
      also OFD (GB/T 33190), the fixed-layout format of Chinese archives, with the PDF's pages
  convert issue.txt --to pdf --pdfa 3b
      PDF/A-3b with the TEI document embedded as its source
  convert back-issues/ --to all -j 2 --skip-existing
      a whole folder in two worker processes, skipping what is already up to date;
      DIR/manifest.json lists every input and output with SHA-256, size and verdicts
  convert /archive/in/ --to all -o /archive/out/ --executor dask --scheduler tcp://head:8786
      on a Dask cluster (inputs and outputs on a filesystem every worker mounts at the same path)
  convert back-issues/ --to all --bag
      also one BagIt bag (RFC 8493) per issue: DIR/<stem>.bag/ with the source and every output
  convert back-issues/ --to all -o library/ --catalogue
      also the catalogue of library/: catalog.xml (OPDS 1.2), catalog.json (OPDS 2.0), index.html;
      convert --catalogue -o library/ rebuilds it alone
  convert issue.txt --to txt,pdf --variant zh-Hant-TW,zh-Hant-HK
      Traditional-Chinese variants: output/issue.zh-Hant-TW.txt, output/issue.zh-Hant-HK.pdf …

formats: tei (.xml), txt (.txt), pdf (.pdf), epub (.epub), ofd (.ofd, GB/T 33190), all (all but ofd)
exit status: 0 when every requested output was written and passed its checks, 1 otherwise,
2 for a usage error, 130 when stopped by Ctrl-C (SIGINT), 143 by SIGTERM
"""


def parse_formats(values: list[str]) -> list[str]:
    """Expand ``--to`` values (comma lists, ``all``, repeated) into format names in table order.

    Raises ``argparse.ArgumentTypeError`` naming an unknown format.
    """
    wanted: set[str] = set()
    for value in values:
        for name in filter(None, (v.strip().lower() for v in value.split(","))):
            if name == "all":
                wanted.update(f for f in FORMATS if f not in OPT_IN)
            elif name in FORMATS:
                wanted.add(name)
            else:
                raise argparse.ArgumentTypeError(
                    f"unknown format {name!r} (choose from {', '.join(FORMATS)}, all)"
                )
    return [name for name in FORMATS if name in wanted]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every option documented with an example in ``--help``."""
    p = argparse.ArgumentParser(
        prog="convert",
        description="Convert bulletin text into a TEI P5 model and render it as "
        "PDF/A, EPUB 3 and plain text. A TEI file (.xml) made by this tool, perhaps corrected by "
        "hand, is accepted as input too.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", type=Path,
                   help="bulletin text files, TEI files, or folders of them (every .txt and .xml "
                   "below), e.g. samples/monthly-2020-01-no90.txt or samples/ "
                   "(a name beginning with a dash: put -- before it, or write ./-name.txt)")
    p.add_argument("--to", action="append", metavar="FORMATS",
                   help="comma-separated formats: tei, pdf, epub, txt, ofd, or all (all but ofd); may be repeated "
                   "(e.g. --to tei,txt --to pdf)")
    p.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="DIR",
                   help="output folder, created if missing (default: output/); outputs are named "
                   "DIR/<input stem>.xml, .pdf, .epub, .txt; e.g. -o archive/2020/")
    p.add_argument("--pdfa", choices=("1b", "2b", "3b", "2a", "3a", "2u"), default="2b", type=str.lower,
                   help="PDF/A flavour (ISO 19005) of the PDF (default: 2b; e.g. --pdfa 1b); 2a and 3a "
                   "(level A) are tagged PDFs, their structure made from the TEI, and PDF/UA-1 "
                   "(ISO 14289-1) for screen readers and reflow; 2u is level U (Unicode only)")
    p.add_argument("--variant", default="zh-Hans", metavar="TAGS",
                   help="script variants (BCP 47), comma-separated: zh-Hans (the source, default), "
                   "zh-Hant, zh-Hant-TW, zh-Hant-HK, or all; a variant's outputs are named "
                   "DIR/<stem>.<tag>.<ext> (e.g. --variant zh-Hant-TW gives issue.zh-Hant-TW.pdf)")
    p.add_argument("--embed-fonts", action=argparse.BooleanOptionalAction, default=True,
                   help="EPUB: embed subsets of the body face (AR PL UMing, the variant's regional "
                   "face), the heading face (WenQuanYi Zen Hei), their Latin companions (Liberation "
                   "Serif, Sans) and, for characters UMing lacks, HanaMin, so that a reader without "
                   "Chinese fonts renders every text of the book (default); --no-embed-fonts leaves "
                   "them out (a smaller book that relies on the reader's fonts)")
    p.add_argument("--keep-quotes", action="store_true",
                   help="zh-Hant-TW and zh-Hant-HK variants: keep the source's quotation marks “ ” ‘ ’ "
                   "instead of setting them as 「 」 『 』 (e.g. --variant zh-Hant-TW --keep-quotes)")
    p.add_argument("--check", action="store_true",
                   help="also run the external validators (jing with tei_all.rng, EPUBCheck, PDFBox "
                   "Preflight for PDF/A-1b, pikepdf.pdfa.check, the OFD XSDs) on each output and print their verdicts; "
                   "an output that fails one is not written (e.g. --to all --check)")
    p.add_argument("--encoding", metavar="NAME", type=_encoding,
                   help="character encoding of the input text (default: detected: a BOM, UTF-8, "
                   "else GB18030, Big5 or UTF-16; e.g. --encoding gb18030)")
    p.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="BYTES",
                   help=f"refuse inputs larger than this (default {MAX_SIZE // 2**20}M; e.g. --max-size 50M)")
    p.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                   help="convert in N worker processes (default: the number of CPUs): N inputs at "
                   "once, or, with fewer inputs than N, an input's variants and its PDF side by "
                   "side; never more than the work units and the CPUs this process may use (a note "
                   "says so); e.g. -j 1 for everything in this process, one at a time")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="give up an input that takes longer than this (wall time): it is reported as "
                   "failed in one line and the batch goes on; its outputs already written stay; "
                   "e.g. --timeout 300")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where the work runs: local (default: -j N worker processes on this "
                   "machine) or dask (a Dask distributed cluster: the one --scheduler names, else "
                   "a LocalCluster of -j N workers); e.g. --executor dask --scheduler tcp://head:8786")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="address of a running Dask scheduler, with --executor dask; inputs and "
                   "the output folder must be on a filesystem every worker mounts at the same "
                   "path (e.g. --scheduler tcp://10.0.0.5:8786)")
    p.add_argument("--bag", action="store_true",
                   help="also make a BagIt bag (RFC 8493) of each issue, DIR/<stem>.bag/, holding "
                   "the source file and every output, with SHA-256 and SHA-512 manifests, validated "
                   "before it is put in place; e.g. --to all --bag")
    p.add_argument("--catalogue", action="store_true",
                   help="also (re)build the catalogue of everything in the output folder: "
                   "DIR/catalog.xml (OPDS 1.2), DIR/catalog.json (OPDS 2.0) and DIR/index.html, for "
                   "reading apps and browsers; without inputs it only rebuilds the catalogue "
                   "(e.g. convert --catalogue -o output/)")
    p.add_argument("--skip-existing", action="store_true",
                   help="skip inputs whose outputs are newer than the input and were made with the "
                   "same options (as recorded in DIR/manifest.json); e.g. convert back-issues/ --to all "
                   "--skip-existing")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the on-disk cache of parsed fonts and PDF/A glyph "
                   "verdicts ($XDG_CACHE_HOME/bulletin-convert, default ~/.cache/bulletin-convert); "
                   "outputs are the same, a cold start is slower; e.g. --to pdf --no-cache")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors and warnings (e.g. in a cron job)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print every output with its size, time and validator verdicts (e.g. -v --check)")
    p.add_argument("--explain", action="store_true",
                   help="print, for each line of each text input, what the reader made of it "
                   "(heading, paragraph, furniture, …) and the evidence, the genre decision first, "
                   "then stop (no --to needed)")
    p.add_argument("--genre", choices=("briefing", "journal", "monthly", "newsletter"),
                   help="the kind of bulletin, instead of the reader's decision from the evidence: "
                   "briefing (简报, 通报), journal (史志工作通讯), monthly, newsletter (a newspaper); "
                   "recorded as biblStruct/@type, e.g. --genre briefing")
    p.add_argument("--version", action="version", version=f"convert {__version__}")
    return p


def _size(value: str) -> int:
    """``"20M"``, ``"512k"``, ``"1000"`` → bytes; a size that is not a positive, finite number
    of bytes is an ``argparse.ArgumentTypeError`` (one usage line, never a traceback)."""
    import math

    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    v = value.strip().lower().removesuffix("b")
    try:
        number = float(v[:-1]) * units[v[-1]] if v and v[-1] in units else float(v)
    except (ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number) or number < 1 or number > 2**62:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (a positive number of bytes, "
                                         "e.g. 20M, 512k or 1000)")
    return int(number)


def _positive_int(value: str) -> int:
    """``-j``: a whole number of at least 1; else an ``argparse.ArgumentTypeError``."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a number of worker processes: {value!r} (1 or more)")
    return number


def _seconds(value: str) -> float:
    """``--timeout``: a positive, finite number of seconds; else an ``argparse.ArgumentTypeError``."""
    import math

    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number <= 0 or number > 10**9:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r} (e.g. 300)")
    return number


def _encoding(value: str) -> str:
    """``--encoding``: the name of a text encoding Python knows (``gb18030``, ``big5``, ``utf-8``);
    a codec that is not a text encoding (``rot13``, ``base64``) or an unknown name is an
    ``argparse.ArgumentTypeError``."""
    import codecs

    try:
        info = codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r} (e.g. gb18030, big5, utf-8)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise argparse.ArgumentTypeError(f"{value!r} is not a text encoding (e.g. gb18030, big5, utf-8)")
    return value


def canonical_variants(value: str) -> str:
    """``--variant`` with each tag in its registered case (``zh-hant-tw`` → ``zh-Hant-TW``): BCP 47
    tags are case-insensitive (RFC 5646 §2.1.1). Tags it does not know are left as given."""
    from convert.variant import VARIANTS

    known = {tag.casefold(): tag for tag in (*VARIANTS, "all")}
    return ",".join(known.get(t.strip().casefold(), t.strip()) for t in value.split(","))


def _err(msg: str) -> None:
    print(f"convert: {printable(msg)}", file=sys.stderr, flush=True)


#: What a folder scan reads.
SCANNED_SUFFIXES = (".txt", ".xml")


def scan_folder(folder: Path, outdir: Path | None = None, skipped: list[tuple[Path, str]] | None = None
                ) -> list[Path]:
    """The ``*.txt`` and ``*.xml`` regular files below *folder*, sorted, following symbolic
    links. Left out, with ``(path, reason)`` appended to *skipped*: the output folder *outdir*
    and the outputs its manifest lists and the catalogue's files (a rerun never reads its own
    outputs), files that are not
    regular files (FIFOs, sockets, devices), dangling symbolic links, symbolic link loops and
    links to a folder already scanned. Hidden files and folders (``.name``) are left out silently."""
    from convert.batch import manifest_outputs
    from convert.opds.files import catalogue_files
    from convert.reader.source import file_kind

    skipped = skipped if skipped is not None else []
    out_real = os.path.realpath(outdir) if outdir is not None else None
    produced = (manifest_outputs(outdir) | catalogue_files(outdir)
                if outdir is not None and outdir.is_dir() else set())
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def walk(d: Path) -> None:
        try:
            st = os.stat(d)
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as err:
            skipped.append((d, f"cannot read the folder: {err.strerror or err}"))
            return
        seen.add((st.st_dev, st.st_ino))
        for entry in entries:
            path = d / entry.name
            if entry.name.startswith("."):
                continue
            try:
                target = os.stat(path)  # follows links
            except OSError as err:
                if Path(entry.name).suffix.lower() not in SCANNED_SUFFIXES and not entry.is_symlink():
                    continue
                if err.errno == errno.ELOOP:
                    skipped.append((path, "a symbolic link loop"))
                elif entry.is_symlink():
                    skipped.append((path, "a dangling symbolic link"))
                else:
                    skipped.append((path, f"cannot read: {err.strerror or err}"))
                continue
            if stat.S_ISDIR(target.st_mode):
                real = os.path.realpath(path)
                if out_real is not None and real == out_real:
                    skipped.append((path, "the output folder"))
                elif (target.st_dev, target.st_ino) in seen:
                    here = os.path.realpath(d)
                    loop = here == real or here.startswith(real.rstrip("/") + "/")
                    skipped.append((path, "a symbolic link loop" if loop else "a folder already scanned"))
                else:
                    walk(path)
                continue
            if Path(entry.name).suffix.lower() not in SCANNED_SUFFIXES:
                continue
            if not stat.S_ISREG(target.st_mode):
                skipped.append((path, f"not a regular file ({file_kind(target.st_mode)})"))
            elif produced and os.path.realpath(path) in produced:
                skipped.append((path, "an output of an earlier run (manifest.json, catalog/files.sha256)"))
            else:
                found.append(path)

    walk(folder)
    return found


def expand_inputs(paths: list[Path], outdir: Path | None = None,
                  skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Files as given; a folder stands for the files :func:`scan_folder` finds below it. The same
    file named twice is converted once. What a scan left out is appended to *skipped*."""
    out: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        found = scan_folder(path, outdir, skipped) if path.is_dir() else [path]
        for p in found:
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


class Reporter:
    """Prints results as they come: a progress bar on a terminal (tqdm), else one line per
    input; errors and warnings always go to stderr, one line each."""

    def __init__(self, total: int, quiet: bool, verbose: bool):
        self.quiet, self.verbose = quiet, verbose
        self.bar = None
        if total > 1 and not quiet and sys.stderr.isatty():
            try:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="file", file=sys.stderr)
            except ImportError:
                pass

    def _out(self, line: str) -> None:
        line = printable(line)
        if self.bar is not None:
            self.bar.write(line)
        else:
            print(line, flush=True)

    def __call__(self, result) -> None:
        for message in result.warnings:
            _err(f"warning: {message}")
        for message in result.errors:
            _err(message)
        if self.bar is not None:
            self.bar.update(1)
        if self.quiet:
            return
        if result.skipped:
            self._out(f"skipped {result.input} (outputs up to date)")
        elif self.verbose or self.bar is None:
            for o in result.outputs:
                notes = "".join(f"; {n}" for n in o.notes)
                self._out(f"wrote {o.path} ({o.size:,} bytes, {o.seconds:.2f} s{notes})")
                for verdict in o.verdicts:
                    for line in str(verdict).splitlines():
                        self._out(f"  {line}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 every output written and checked, 1 a
    failure (one line each on stderr), 2 a usage error, 130 stopped by SIGINT (Ctrl-C), 143 by
    SIGTERM (128 + the signal number, as a shell reports it), with one line saying so."""
    from convert.stopping import guard_unraisable, reset_latch, stopped_by

    reset_latch()  # a new run: no stop signal yet
    guard_unraisable()
    _tolerant_streams()
    with _stop_signals():
        try:
            return run(argv)
        except (Interrupted, KeyboardInterrupt) as stop:
            return _stopped(stop)
        except Exception as err:
            # imported only here: a run without worker processes never loads the module
            from concurrent.futures.process import BrokenProcessPool

            if not isinstance(err, BrokenProcessPool):
                raise
            if stopped_by():  # the workers ended because of the stop signal
                return _stopped(Interrupted(stopped_by()))
            _err(f"a worker process ended unexpectedly ({err}); outputs already in place are whole")
            return 1


def _stopped(stop: BaseException) -> int:
    """One line for a run that a stop signal ended; returns 128 + the signal's number."""
    from convert.stopping import stopped_by

    # The recorded signal first: a library may re-raise the exception rebuilt from a message
    # (reportlab's annotateException does), which loses its signal number.
    signum = stopped_by() or getattr(stop, "signum", None)
    if not isinstance(signum, int) or signum not in set(signal.Signals):
        signum = signal.SIGINT
    _err(f"interrupted ({signal.Signals(signum).name}): stopped; outputs already in place are "
         "whole, nothing half-written is left")
    return 128 + signum


def _tolerant_streams() -> None:
    """Messages are diagnostics: on a terminal or pipe whose encoding cannot show a character
    (``PYTHONIOENCODING=ascii``, ``LANG=C`` without UTF-8 mode), write it as a ``\\uXXXX``
    escape instead of failing (issue #24, case 5)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


@contextmanager
def _stop_signals():
    """While running: SIGINT and SIGTERM raise :class:`Interrupted` (so ``finally`` clauses
    remove temporaries), once; later ones are ignored while the run stops
    (:func:`convert.stopping.latching_handler`). The previous handlers come back after. Only
    the main thread can set handlers; elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    from convert.stopping import STOP_SIGNALS

    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum in STOP_SIGNALS:
        signal.signal(signum, _interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise_interrupted(signum: int) -> None:
    raise Interrupted(signum)


def _interrupt(signum, frame):
    """The stop handler of the command: the first stop signal unwinds the run (workers stopped,
    the manifest of what is in place written); later ones are ignored, so a second Ctrl-C, or
    Ctrl-C and SIGTERM together, print no traceback. Its latch is
    :func:`convert.stopping.latching_handler`'s."""
    from convert.stopping import latching_handler

    global _INTERRUPT
    if _LEAVING:  # the run is over (entry): nothing to stop
        return
    if _INTERRUPT is None:
        _INTERRUPT = latching_handler(_raise_interrupted)
    _INTERRUPT(signum, frame)


_INTERRUPT = None
#: Set by :func:`entry` once :func:`main` has returned.
_LEAVING = False


def _neutral_reportlab() -> None:
    """reportlab runs ``~/.reportlab_mods`` (Python code) and ``~/.reportlab_settings`` from the
    user's home when it is imported: outputs would depend on them, and a ``HOME`` that is not a
    folder made every PDF fail (``NotADirectoryError``, issue #26, case 13). Empty modules of
    those names are registered first, so reportlab finds them and looks no further."""
    import types

    for name in ("reportlab_mods", "reportlab_settings"):
        sys.modules.setdefault(name, types.ModuleType(name))


def run(argv: list[str] | None = None) -> int:
    """The command line's work (:func:`main` adds the handling of stop signals)."""
    from convert.batch import (Result, Settings, plan_names, read_manifest, refusals, run_batch,
                               up_to_date, work_units, worker_count, write_manifest)
    from convert.stopping import check_stop
    from convert.variant import parse_variants

    parser = build_parser()
    args = parser.parse_args(argv)
    _neutral_reportlab()
    if args.no_cache:
        from convert import cache

        cache.disable()  # this process and its workers (CONVERT_NO_CACHE)
    if not args.inputs and not args.catalogue:
        parser.error("the following arguments are required: INPUT")
    if args.explain:
        return _explain(expand_inputs(args.inputs), args.encoding, args.max_size, args.genre)
    if not args.inputs:  # --catalogue alone: rebuild the catalogue of the output folder
        return _catalogue(args.output, args.quiet, args.verbose, args.check)
    if not args.to:
        parser.error("the following arguments are required: --to")
    try:
        formats = parse_formats(args.to)
    except argparse.ArgumentTypeError as err:
        parser.error(str(err))
    if not formats:
        parser.error("--to names no format")
    try:
        variants = parse_variants(canonical_variants(args.variant))
    except ConvertError as err:
        parser.error(str(err))
    if not variants:
        parser.error("--variant names no variant")
    if args.scheduler and args.executor != "dask":
        parser.error("--scheduler needs --executor dask")
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        _err(f"{args.output}: cannot create the output folder: {err.strerror}")
        return 1
    if not os.access(args.output, os.W_OK):
        _err(f"{args.output}: the output folder is not writable")
        return 1
    settings = Settings(tuple(formats), tuple(variants), args.pdfa, args.check, args.encoding,
                        args.max_size, embed_fonts=args.embed_fonts, timeout=args.timeout,
                        keep_quotes=args.keep_quotes, genre=args.genre)
    _remove_stale(args.output, args.verbose)
    scan_skipped: list[tuple[Path, str]] = []
    inputs = expand_inputs(args.inputs, args.output, scan_skipped)
    unreadable = [(p, why) for p, why in scan_skipped if why.startswith("cannot read")]
    for path, reason in scan_skipped:
        if (path, reason) in unreadable:
            _err(f"{path}: {reason}; what it holds is not converted")
        elif args.verbose:
            print(printable(f"skipped {path}: {reason}"))
    if len(inputs) == 1:
        _tune_gc()
    if not inputs:
        _err("no input files (a folder holds no .txt or .xml files)")
        return 1
    started = time.perf_counter()
    names = plan_names(inputs)
    refused = refusals(inputs, settings, args.output, names)
    todo, skipped = [p for p in inputs if p not in refused], []
    if args.skip_existing:
        manifest = read_manifest(args.output)
        skipped = [p for p in todo if up_to_date(p, settings, args.output, manifest, names.get(p))
                   and (not args.bag or _bagged(manifest.get(str(p), {}), args.output))]
        todo = [p for p in todo if p not in skipped]
    report = Reporter(len(todo), args.quiet, args.verbose)
    deliver = report
    if args.bag:
        from convert.bag import Bagger

        deliver = Bagger(settings, args.output, report, names)
    for p in skipped:
        report(Result(str(p), skipped=True))
    results = [Result(str(p), errors=[message]) for p, message in refused.items()]
    for r in results:
        report(r)
    done: list[Result] = []

    def on_result(result: Result) -> None:
        done.append(result)
        deliver(result)

    def record(results: list[Result]) -> None:
        warning = write_manifest(args.output, settings, results).warning()
        if warning:
            _err(f"warning: {warning}")

    try:
        if args.executor == "dask" and todo:
            from convert.executors import DaskExecutor

            workers = args.jobs or _cpus()
            with DaskExecutor(args.scheduler, workers) as dask:
                results += run_batch(todo, settings, args.output, dask.slots, on_result, names,
                                     executor=dask)
        else:
            requested = args.jobs or _cpus()
            jobs, note = worker_count(requested, len(work_units(todo, settings, requested)))
            if note and args.jobs and not args.quiet:
                print(printable(f"note: {note}"))
            results += run_batch(todo, settings, args.output, jobs, on_result, names)
        check_stop()  # a stop signal whose exception a library swallowed still stops the run
    except (Interrupted, KeyboardInterrupt):
        if any(r.outputs for r in done):  # the outputs already in place are recorded
            record(done)
        raise
    except ConvertError as err:  # the Dask cluster cannot be used
        _err(str(err))
        return 1
    finally:
        report.close()
    if any(r.outputs for r in results):
        record(results)
    failed = [r for r in results if not r.ok]
    if args.catalogue and _catalogue(args.output, args.quiet, args.verbose, args.check):
        failed.append(Result(str(args.output)))
    if len(inputs) > 1 or args.verbose:
        outputs = sum(len(r.outputs) for r in results)
        print(printable(f"{len(inputs)} inputs: {len(results) - len(failed)} converted, {len(skipped)} "
              f"skipped, {len(failed)} failed; {outputs} outputs in {time.perf_counter() - started:.1f} s"
              + (" (failed: " + ", ".join(r.input for r in failed) + ")" if failed else "")))
    return 1 if failed or unreadable else 0


def _cpus() -> int:
    """The default ``-j``: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _remove_stale(outdir: Path, verbose: bool) -> None:
    """Remove the workspaces runs that were killed left in *outdir* (proven dead on this
    machine, :func:`convert.outdir.remove_stale_workspaces`); with *verbose*, say what was
    removed and what was left and why."""
    from convert.outdir import FolderError, OutputFolder, remove_stale_workspaces

    try:
        with OutputFolder(outdir) as folder:
            stale = remove_stale_workspaces(folder)
    except (FolderError, OSError):
        return
    if verbose:
        for name in stale.removed:
            print(printable(f"removed {outdir / name} (the temporary folder of a run that was killed)"))
        for name, why in stale.left:
            print(printable(f"left {outdir / name}: {why}"))


def _catalogue(outdir: Path, quiet: bool, verbose: bool, check: bool) -> int:
    """``--catalogue``: (re)build the catalogue of *outdir* (:func:`convert.opds.build`); one line
    per file left out, one line saying what was made; returns the exit status (1: not written or,
    with ``--check``, not valid)."""
    from convert.opds import CatalogueError, build

    try:
        built = build(outdir, lambda msg: _err(f"warning: catalogue: {msg}"), check)
    except CatalogueError as err:
        _err(f"catalogue: {err}")
        return 1
    if not quiet:
        print(printable(f"catalogue: {built.issues} issues, {built.editions} editions in "
                        f"{outdir / 'catalog.xml'}, catalog.json, index.html ({len(built.written)} files "
                        f"written, {len(built.removed)} removed)"))
    for verdict in built.verdicts:
        if verbose or not verdict.ok:
            for line in str(verdict).splitlines():
                print(printable(f"  {line}"))
    return 0 if all(v.ok for v in built.verdicts) else 1


def _bagged(entry: dict, outdir: Path) -> bool:
    """True when the manifest *entry* of an input records its bags (one per issue) and every one
    is still in place (``--skip-existing --bag``); paths are relative to *outdir*."""
    from convert.manifest import in_place

    from convert.outdir import OutputFolder

    bags = [o for o in entry.get("outputs", []) if o.get("format") == "bag"]
    if not bags:
        return False
    with OutputFolder(outdir) as folder:
        return all(in_place(folder, o) for o in bags)


def _explain(inputs: list[Path], encoding: str | None, max_size: int, genre: str | None = None) -> int:
    """``--explain``: print the reader's decisions for each text input (see
    :func:`convert.reader.explain`); 1 when an input cannot be read (one line naming it)."""
    from convert.reader import explain, prepare, tei_bytes_of
    from convert.reader.source import read_input

    status = 0
    for path in inputs:
        try:
            data = read_input(path, max_size)  # a regular file only, within the limit
            if tei_bytes_of(path, data) is not None:
                raise ConvertError(f"{path}: --explain reads bulletin text; this is a TEI document")
            source, feeds = prepare(data, str(path), encoding)
            print(f"# {printable(path)}")
            print(explain(source.text, feeds=feeds, genre=genre), end="")
        except OSError as err:
            _err(f"{path}: cannot read: {err.strerror or err}")
            status = 1
        except ConvertError as err:
            _err(str(err))
            status = 1
    return status


def entry() -> None:
    """The ``convert`` command and ``python -m convert``: :func:`main`, then leave the process
    without tearing the interpreter down. Freeing every object of a conversion module by module
    (the parsed fonts, reportlab, pikepdf, lxml trees) takes longer than a cold conversion's
    layout (0.1–0.4 s); the outputs are already written, closed and renamed into place by then.
    Standard output and error are flushed and the ``atexit`` handlers run (temporary folders
    are removed) before ``os._exit`` with :func:`main`'s status."""
    from convert.stopping import STOP_SIGNALS

    global _LEAVING
    # the stop handlers before anything heavy is imported (main imports the reader and the
    # writers), so that a Ctrl-C at any moment is one line; they stay set while the process
    # leaves, and then ignore a late signal rather than show it as a traceback
    for signum in STOP_SIGNALS:
        signal.signal(signum, _interrupt)
    try:
        try:
            status = main()
        finally:
            _LEAVING = True
    except (Interrupted, KeyboardInterrupt) as stop:  # outside main's own handling
        status = _stopped(stop)
    except SystemExit as exc:  # argparse's usage errors, --help, --version, SIGTERM
        status = exc.code
    if status is None:
        status = 0
    elif not isinstance(status, int):
        print(status, file=sys.stderr)
        status = 1
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(status)


def _tune_gc() -> None:
    """For a single input: collect cyclic garbage less often. With CPython's default
    first-generation threshold (700 allocations) a cold conversion spends about 0.15 s in ≈280
    collections that find almost nothing (the parsed fonts, the TEI tree and the layout are live
    until the end); at 200,000 one bulletin runs without one (its worker processes, with ``-j``,
    inherit the setting). A batch of many inputs keeps the default, under which its memory
    stays flat as the corpus grows (with this setting it grew by a fifth from 200 to 400
    bulletins, bench/results.md)."""
    import gc

    gc.set_threshold(200_000, 20, 20)


if __name__ == "__main__":
    entry()
