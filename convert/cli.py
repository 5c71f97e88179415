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
from convert.options import WriterOptions
from convert.reader.source import MAX_SIZE
from convert.variant import SOURCE, make_variant, parse_variants
from convert.writers import FORMATS, extension, get_writer

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
                   help="bulletin text files or TEI files, e.g. samples/monthly-2020-01-no90.txt "
                   "(a name beginning with a dash: put -- before it, or write ./-name.txt)")
    p.add_argument("--to", action="append", required=True, metavar="FORMATS",
                   help="comma-separated formats: tei, pdf, epub, txt, or all; may be repeated "
                   "(e.g. --to tei,txt --to pdf)")
    p.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="DIR",
                   help="output folder, created if missing (default: output/); outputs are named "
                   "DIR/<input stem>.xml, .pdf, .epub, .txt")
    p.add_argument("--pdfa", choices=("1b", "2b", "3b"), default="2b",
                   help="PDF/A flavour (ISO 19005) of the PDF (default: 2b; e.g. --pdfa 1b)")
    p.add_argument("--variant", default="zh-Hans", metavar="TAGS",
                   help="script variants (BCP 47), comma-separated: zh-Hans (the source, default), "
                   "zh-Hant, zh-Hant-TW, zh-Hant-HK, or all; a variant's outputs are named "
                   "DIR/<stem>.<tag>.<ext> (e.g. --variant zh-Hant-TW gives issue.zh-Hant-TW.pdf)")
    p.add_argument("--check", action="store_true",
                   help="also run the external validators (jing with tei_all.rng, EPUBCheck, PDFBox "
                   "Preflight for PDF/A-1b, pikepdf.pdfa.check) on each output and print their verdicts")
    p.add_argument("--encoding", metavar="NAME",
                   help="character encoding of the input text (default: detected: a BOM, UTF-8, "
                   "else GB18030, Big5 or UTF-16; e.g. --encoding gb18030)")
    p.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="BYTES",
                   help=f"refuse inputs larger than this (default {MAX_SIZE // 2**20}M; e.g. --max-size 50M)")
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


def convert_one(src: Path, formats: list[str], outdir: Path, args) -> int:
    """Convert one input into every format; returns the number of failures (0 = all written).

    Failures are reported on stderr, one line each, naming *src* and the reason.
    """
    from convert.reader import load
    from convert.tei import to_bytes

    warnings: list[str] = []
    try:
        root = load(src, encoding=args.encoding, max_size=args.max_size, warnings=warnings)
    except ConvertError as err:
        _err(str(err))
        return len(formats)
    for message in warnings:
        _err(f"warning: {message}")
    failures = 0
    for tag in args.variants:
        try:
            doc = make_variant(root, tag)
        except ConvertError as err:
            _err(f"{src}: {tag}: {err}")
            failures += len(formats)
            continue
        opts = WriterOptions(pdfa=args.pdfa, source_name=str(src), tei_bytes=to_bytes(doc))
        stem = src.stem if tag == SOURCE else f"{src.stem}.{tag}"
        failures += write_formats(doc, opts, src, stem, formats, outdir, args)
    return failures


def write_formats(doc, opts: WriterOptions, src: Path, stem: str, formats: list[str], outdir: Path,
                  args) -> int:
    """Render TEI *doc* into each format as ``outdir/<stem><ext>``; returns the failures."""
    failures = 0
    for fmt in formats:
        ext = extension(fmt)
        dest = outdir / f"{stem}{ext}"
        tmp = outdir / f".{stem}.{os.getpid()}.partial{ext}"
        try:
            started = time.perf_counter()
            get_writer(fmt)(doc, opts, tmp)
            if args.check:
                from convert.validate import external_checks

                verdicts = external_checks(fmt, tmp, args.pdfa)
                for v in verdicts:
                    print(f"  {dest}: {v.summary()}")
                bad = [v for v in verdicts if not v.ok]
                if bad:
                    raise ConvertError(f"{fmt}: failed {', '.join(v.name for v in bad)}")
            os.replace(tmp, dest)
            print(f"wrote {dest} ({dest.stat().st_size:,} bytes, {time.perf_counter() - started:.2f} s)")
        except ConvertError as err:
            failures += 1
            _err(f"{src}: {fmt}: {err}")
        except Exception as err:  # a defect: still one line, never a half-written file
            failures += 1
            _err(f"{src}: {fmt}: internal error: {type(err).__name__}: {err}")
            if os.environ.get("CONVERT_DEBUG"):
                raise
        finally:
            tmp.unlink(missing_ok=True)
    return failures


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0: every output written and checked)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        formats = parse_formats(args.to)
    except argparse.ArgumentTypeError as err:
        parser.error(str(err))
    if not formats:
        parser.error("--to names no format")
    try:
        args.variants = parse_variants(args.variant)
    except ConvertError as err:
        parser.error(str(err))
    if not args.variants:
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
    results = []
    for src in args.inputs:
        results.append((src, convert_one(src, formats, args.output, args)))
    failed = [src for src, n in results if n]
    if len(results) > 1:
        print(f"{len(results)} inputs: {len(results) - len(failed)} converted, {len(failed)} failed"
              + (": " + ", ".join(map(str, failed)) if failed else ""))
    return 1 if failed else 0


def _terminate(signum, frame):
    """SIGTERM ends the run like Ctrl-C: the ``finally`` clauses remove temporary files."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
