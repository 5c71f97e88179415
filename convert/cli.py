"""The ``convert`` command: ``convert INPUT... --to FORMATS [-o DIR]``.

Each input is read once into the TEI model; each requested writer renders that model into a
temporary file in the output folder, the file is checked, and only then renamed into place, so no
partial or unchecked output is ever left under the final name.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from convert import __version__
from convert.errors import ConvertError
from convert.reader.source import MAX_SIZE
from convert.variant import parse_variants
from convert.writers import FORMATS

EPILOG = """\
examples:
  convert samples/monthly-2020-01-no90.txt --to pdf
      writes output/monthly-2020-01-no90.pdf (PDF/A-2b)
  convert samples/*.txt --to all -o output/
      TEI, PDF, EPUB and plain text for every sample
  convert issue.txt --to tei,txt --to epub --check
      also runs jing (tei_all.rng), EPUBCheck and PDF/A validators and prints their verdicts
  convert issue.txt --to pdf --pdfa 3b
      PDF/A-3b with the TEI document embedded as its source
  convert back-issues/ --to all -j 2 --skip-existing
      a whole folder in two worker processes, skipping what is already up to date;
      DIR/manifest.json lists every input and output with SHA-256, size and verdicts
  convert issue.txt --to txt,pdf --variant zh-Hant-TW,zh-Hant-HK
      Traditional-Chinese variants: output/issue.zh-Hant-TW.txt, output/issue.zh-Hant-HK.pdf …

formats: tei (.xml), txt (.txt), pdf (.pdf), epub (.epub), all
exit status: 0 when every requested output was written and passed its checks, 1 otherwise
"""


def parse_formats(values: list[str]) -> list[str]:
    """Expand ``--to`` values (comma lists, ``all``, repeated) into format names in table order.

    Raises ``argparse.ArgumentTypeError`` naming an unknown format.
    """
    wanted: set[str] = set()
    for value in values:
        for name in filter(None, (v.strip().lower() for v in value.split(","))):
            if name == "all":
                wanted.update(FORMATS)
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
    p.add_argument("inputs", nargs="+", metavar="INPUT", type=Path,
                   help="bulletin text files, TEI files, or folders of them (every .txt and .xml "
                   "below), e.g. samples/monthly-2020-01-no90.txt or samples/ "
                   "(a name beginning with a dash: put -- before it, or write ./-name.txt)")
    p.add_argument("--to", action="append", required=True, metavar="FORMATS",
                   help="comma-separated formats: tei, pdf, epub, txt, or all; may be repeated "
                   "(e.g. --to tei,txt --to pdf)")
    p.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="DIR",
                   help="output folder, created if missing (default: output/); outputs are named "
                   "DIR/<input stem>.xml, .pdf, .epub, .txt; e.g. -o archive/2020/")
    p.add_argument("--pdfa", choices=("1b", "2b", "3b"), default="2b",
                   help="PDF/A flavour (ISO 19005) of the PDF (default: 2b; e.g. --pdfa 1b)")
    p.add_argument("--variant", default="zh-Hans", metavar="TAGS",
                   help="script variants (BCP 47), comma-separated: zh-Hans (the source, default), "
                   "zh-Hant, zh-Hant-TW, zh-Hant-HK, or all; a variant's outputs are named "
                   "DIR/<stem>.<tag>.<ext> (e.g. --variant zh-Hant-TW gives issue.zh-Hant-TW.pdf)")
    p.add_argument("--embed-fonts", action="store_true",
                   help="EPUB: embed a subset of the body font (AR PL UMing, the variant's regional "
                   "face) so that a reader without Chinese fonts renders the book; adds about 230 KB; "
                   "e.g. --to epub --embed-fonts")
    p.add_argument("--check", action="store_true",
                   help="also run the external validators (jing with tei_all.rng, EPUBCheck, PDFBox "
                   "Preflight for PDF/A-1b, pikepdf.pdfa.check) on each output and print their verdicts; "
                   "an output that fails one is not written (e.g. --to all --check)")
    p.add_argument("--encoding", metavar="NAME",
                   help="character encoding of the input text (default: detected: a BOM, UTF-8, "
                   "else GB18030, Big5 or UTF-16; e.g. --encoding gb18030)")
    p.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="BYTES",
                   help=f"refuse inputs larger than this (default {MAX_SIZE // 2**20}M; e.g. --max-size 50M)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="convert in N worker processes (default: the number of cores): N inputs at "
                   "once, or, with fewer inputs than N, an input's variants and its PDF side by "
                   "side; e.g. -j 1 for everything in this process, one at a time")
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
    p.add_argument("--version", action="version", version=f"convert {__version__}")
    return p


def _size(value: str) -> int:
    """``"20M"``, ``"512k"``, ``"1000"`` → bytes."""
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    v = value.strip().lower().rstrip("b")
    try:
        if v and v[-1] in units:
            return int(float(v[:-1]) * units[v[-1]])
        return int(v)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 20M)") from None


def _err(msg: str) -> None:
    print(f"convert: {msg}", file=sys.stderr)


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the ``*.txt`` and ``*.xml`` files below it, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".xml")
                              and p.is_file() and not p.name.startswith(".")))
        else:
            out.append(path)
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
                    self._out(f"  {verdict}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0: every output written and checked)."""
    from convert.batch import Settings, read_manifest, run_batch, up_to_date, write_manifest

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.no_cache:
        from convert import cache

        cache.disable()  # this process and its workers (CONVERT_NO_CACHE)
    try:
        formats = parse_formats(args.to)
    except argparse.ArgumentTypeError as err:
        parser.error(str(err))
    if not formats:
        parser.error("--to names no format")
    try:
        variants = parse_variants(args.variant)
    except ConvertError as err:
        parser.error(str(err))
    if not variants:
        parser.error("--variant names no variant")
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        _err(f"{args.output}: cannot create the output folder: {err.strerror}")
        return 1
    if not os.access(args.output, os.W_OK):
        _err(f"{args.output}: the output folder is not writable")
        return 1
    signal.signal(signal.SIGTERM, _terminate)
    settings = Settings(tuple(formats), tuple(variants), args.pdfa, args.check, args.encoding,
                        args.max_size, args.embed_fonts)
    inputs = expand_inputs(args.inputs)
    if len(inputs) == 1:
        _tune_gc()
    if not inputs:
        _err("no input files (a folder holds no .txt or .xml files)")
        return 1
    started = time.perf_counter()
    todo, skipped = inputs, []
    if args.skip_existing:
        manifest = read_manifest(args.output)
        skipped = [p for p in inputs if up_to_date(p, settings, args.output, manifest)]
        todo = [p for p in inputs if p not in skipped]
    report = Reporter(len(todo), args.quiet, args.verbose)
    for p in skipped:
        from convert.batch import Result

        report(Result(str(p), skipped=True))
    try:
        results = run_batch(todo, settings, args.output, args.jobs, report)
    finally:
        report.close()
    if any(r.outputs for r in results):
        write_manifest(args.output, settings, results)
    failed = [r for r in results if not r.ok]
    if len(inputs) > 1 or args.verbose:
        outputs = sum(len(r.outputs) for r in results)
        print(f"{len(inputs)} inputs: {len(results) - len(failed)} converted, {len(skipped)} "
              f"skipped, {len(failed)} failed; {outputs} outputs in {time.perf_counter() - started:.1f} s"
              + (" (failed: " + ", ".join(r.input for r in failed) + ")" if failed else ""))
    return 1 if failed else 0


def entry() -> None:
    """The ``convert`` command and ``python -m convert``: :func:`main`, then leave the process
    without tearing the interpreter down. Freeing every object of a conversion module by module
    (the parsed fonts, reportlab, pikepdf, lxml trees) takes longer than a cold conversion's
    layout (0.1–0.4 s); the outputs are already written, closed and renamed into place by then.
    Standard output and error are flushed and the ``atexit`` handlers run (temporary folders
    are removed) before ``os._exit`` with :func:`main`'s status."""
    try:
        status = main()
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


def _terminate(signum, frame):
    """SIGTERM ends the run like Ctrl-C: the ``finally`` clauses remove temporary files."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    entry()
