"""Preservation packages (``--bag``): one BagIt bag (RFC 8493, BagIt 1.0) per issue, made with
the Library of Congress's ``bagit`` library, holding the issue's source file and every output the
run made of it.

Layout of ``DIR/<input stem>.bag/``::

    bagit.txt                       BagIt-Version: 1.0
    bag-info.txt                    metadata from the TEI header (RFC 8493 §2.2.2)
    manifest-sha256.txt             payload fixities (RFC 8493 §2.1.3), and -sha512
    tagmanifest-sha256.txt          fixities of the tag files (RFC 8493 §2.2.1), and -sha512
    data/source/<input file name>   the input, byte for byte
    data/<stem>.xml .pdf .epub .txt the outputs, variants as <stem>.<tag>.<ext>

A bag is built in a temporary folder in the output folder, validated with ``bagit``'s own
validator (structure, completeness, every fixity recomputed), and only then renamed into place,
replacing an earlier bag of the same issue in one step. Two runs give byte-identical bags: the
payload files are the (reproducible) outputs, bag-info.txt has no clock time (Bagging-Date is
``SOURCE_DATE_EPOCH``'s date, else the issue date) and every tag file lists its entries sorted.

May touch: the output folder (the bag, its temporary folder). ``bagit`` is imported only when a
bag is made. ``bagit.make_bag`` changes the process's working folder while it runs (and restores
it): bags are made one at a time, in the process that writes the manifest.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import re
import shutil
import time
from pathlib import Path
from typing import Callable

from convert import __version__
from convert.batch import sha256_file
from convert.errors import ConvertError

#: Fixity algorithms, each with a payload manifest and a tag manifest (RFC 8493 §2.4: SHA-512
#: and SHA-256 are the ones every implementation must support).
ALGORITHMS = ("sha256", "sha512")
#: Name of an issue's bag beside its outputs.
SUFFIX = ".bag"
#: Written over bagit.py's ``BagIt-Version: 0.97``: the version RFC 8493 defines (§2.1.1).
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
#: Payload sub-folder holding the input file as it was given.
SOURCE_DIR = "source"


class BagError(ConvertError):
    """A bag cannot be made: an output is missing or failed, a file changed while it was being
    bagged, or the bag does not pass bagit's validator."""


def bag_path(src: Path, outdir: Path, name: str | None = None) -> Path:
    """``outdir/<name>.bag``: where the bag of a document goes; *name* is its output name
    (:func:`convert.batch.documents_of`: ``issue``, ``a/issue``, ``year.issue02``), by default
    the stem of input *src*."""
    return outdir / f"{name or src.stem}{SUFFIX}"


# ---------------------------------------------------------------------------------- metadata


def _text(node) -> str:
    return re.sub(r"\s+", " ", "".join(node.itertext())).strip() if node is not None else ""


def _iso_day(when: str) -> str | None:
    """``2020-02-29`` → itself; ``2020-01`` → ``2020-01-01``; ``2020`` → ``2020-01-01``; else None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when or "")
    return m and f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


def bag_info(root, source: Path, formats: list[str]) -> dict[str, str]:
    """The bag-info.txt fields (RFC 8493 §2.2.2) of the issue whose TEI model is *root*.

    - ``Source-Organization``: the publisher the masthead names
      (``sourceDesc/biblStruct/monogr/imprint/publisher``);
      left out when it names none.
    - ``External-Identifier``: the serial's title (or publisher), cumulative issue number and
      issue date, as the masthead prints them: ``上街时讯 总第634期 2020-02-29``; the file name
      when the masthead gives neither number nor date.
    - ``Bag-Group-Identifier``: the serial (every issue of one bulletin in one group).
    - ``External-Description``: what the bag holds (*formats*: ``"TEI P5"``, ``"PDF/A-2b"`` …).
    - ``Internal-Sender-Identifier``: the source file's name.
    - ``Bagging-Date``: ``SOURCE_DATE_EPOCH``'s date (UTC) when set, else the issue date
      (``2020-01`` → ``2020-01-01``), never the clock; left out when there is neither.
    - ``Bag-Software-Agent``: this converter and the bagit library, with their versions.

    ``Payload-Oxum`` is added by bagit when the bag is made.
    """
    import bagit

    from convert.options import source_date_epoch

    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    bibl = root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr", ns)

    def first(path: str) -> str:
        return _text(bibl.find(path, ns)) if bibl is not None else ""

    publisher = first("tei:imprint/tei:publisher")
    serial = first("tei:title[@level='j']") or publisher
    cumulative = first("tei:idno[@type='cumulative']")
    when = ""
    if bibl is not None:
        dates = [d for d in bibl.findall("tei:imprint/tei:date", ns) if d.get("when")]
        plain = [d for d in dates if not d.get("type")]
        when = (plain or dates or [None])[0].get("when") if dates else ""
    title = _text(root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", ns)) or source.name
    info: dict[str, str] = {}
    if publisher:
        info["Source-Organization"] = publisher
    ident = [p for p in (serial, f"总第{cumulative}期" if cumulative else "", when) if p]
    info["External-Identifier"] = " ".join(ident) if (cumulative or when) else source.name
    if serial:
        info["Bag-Group-Identifier"] = serial
    info["External-Description"] = (f"{title}: the source text of the printed issue and its "
                                    f"conversions ({', '.join(formats)}) made by convert")
    info["Internal-Sender-Identifier"] = source.name
    stamp = source_date_epoch()
    day = stamp.date().isoformat() if stamp is not None else _iso_day(when)
    if day:
        info["Bagging-Date"] = day
    info["Bag-Software-Agent"] = (f"convert {__version__} (bulletin-convert) "
                                  f"with bagit.py {bagit.VERSION}")
    return info


def _describe(outputs, pdfa: str) -> list[str]:
    """``["TEI P5", "PDF/A-2b", "EPUB 3", "plain text", "zh-Hant-TW variants"]`` for *outputs*."""
    names = {"tei": "TEI P5", "pdf": f"PDF/A-{pdfa}", "epub": "EPUB 3", "txt": "plain text"}
    kinds = list(dict.fromkeys(names.get(o.format, o.format) for o in outputs))
    tags = list(dict.fromkeys(o.variant for o in outputs if o.variant != "zh-Hans"))
    return kinds + ([f"{', '.join(tags)} variants"] if tags else [])


# ---------------------------------------------------------------------------------- building


def _copy_checked(src: Path, dest: Path, sha256: str, what: str) -> None:
    """Copy *src* to *dest* and check the copy's SHA-256 is *sha256* (the file has not changed
    since it was written or read). Raises :class:`BagError`."""
    try:
        shutil.copyfile(src, dest)
    except OSError as err:
        raise BagError(f"cannot copy {what} {src} into the bag: {err.strerror or err}") from None
    if sha256_file(dest) != sha256:
        raise BagError(f"{what} {src} changed after it was converted (its SHA-256 differs "
                       "from the one recorded): convert it again")


def _sort_tag_manifests(folder: Path) -> None:
    """bagit.py lists tag files in directory order; sort the lines so two runs are identical."""
    for alg in ALGORITHMS:
        path = folder / f"tagmanifest-{alg}.txt"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(sorted(lines, key=lambda l: l.split(None, 1)[1])), encoding="utf-8")


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders *a* and *b* in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False
    where the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _put_in_place(tmp: Path, dest: Path) -> None:
    """Rename the finished bag *tmp* to *dest*, replacing an earlier bag there in one step.
    Refuses to replace anything at *dest* that is not a bag."""
    if dest.is_symlink() or (dest.exists() and not (dest.is_dir() and (dest / "bagit.txt").is_file())):
        raise BagError(f"{dest} exists and is not a bag: not replaced (move it away)")
    if not dest.exists():
        os.rename(tmp, dest)
        return
    if not _exchange(tmp, dest):  # no atomic swap: the old bag steps aside for a moment
        old = tmp.with_name(tmp.name + ".old")
        os.rename(dest, old)
        os.rename(tmp, dest)
        tmp = old
    shutil.rmtree(tmp)


def make_issue_bag(result, settings, outdir: Path, root, name: str | None = None,
                   lines: list[int] | None = None) -> "Output":  # noqa: F821
    """Make the bag of one converted input and return its :class:`convert.batch.Output` record
    (``format`` ``"bag"``, ``sha256`` of its ``tagmanifest-sha256.txt``, ``size`` the payload's
    bytes, ``verdicts`` bagit's validation verdict).

    *result* is the input's :class:`convert.batch.Result`; *root* the TEI model of the document
    bagged (for bag-info); *name* its output name and *lines* its source lines when the input
    holds several issues (:func:`convert.batch.documents_of`): the bag then holds that issue's
    outputs only, beside the whole source file.
    Raises :class:`BagError` naming the reason when the bag would be incomplete (an output failed
    or is missing), a file changed, or bagit's validator rejects the bag; nothing is left behind
    then and an earlier bag stays as it was.
    """
    import bagit

    from convert.batch import Output, output_names

    started = time.perf_counter()
    src = Path(result.input)
    made = {Path(o.path).name: o for o in result.outputs
            if o.format != "bag" and (lines is None or o.source_lines == lines)}
    missing = [Path(f).name for _tag, _fmt, f in output_names(src, settings, name)
               if Path(f).name not in made]
    if result.errors or missing:
        why = f"{len(missing)} of its outputs failed ({', '.join(missing)})" if missing else \
            "its conversion reported an error"
        raise BagError(f"{src}: bag not written: {why}; a bag holds every requested output")
    dest = bag_path(src, outdir, name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".convert-{os.getpid()}-{dest.name}.partial"  # convert.batch.TEMP_RE
    _quiet_bagit()
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        (tmp / SOURCE_DIR).mkdir(parents=True)
        _copy_checked(src, tmp / SOURCE_DIR / src.name, result.sha256, "the input")
        for name, o in made.items():
            _copy_checked(Path(o.path), tmp / name, o.sha256, "the output")
        info = bag_info(root, src, _describe(made.values(), settings.pdfa))
        dated = "Bagging-Date" in info
        bagit.make_bag(str(tmp), dict(info), processes=1, checksums=list(ALGORITHMS))
        (tmp / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
        bag = bagit.Bag(str(tmp))
        if not dated:  # bagit.py puts today's date: no clock time in a reproducible bag
            bag.info.pop("Bagging-Date", None)
        bag.save()  # rewrites bag-info.txt and the tag manifests (bagit.txt changed)
        _sort_tag_manifests(tmp)
        bag = bagit.Bag(str(tmp))
        try:
            bag.validate(processes=1, fast=False)
        except bagit.BagError as err:
            raise BagError(f"{src}: bag not written: bagit's validator: {err}") from None
        recorded = {f"data/{n}": o.sha256 for n, o in made.items()}
        listed = {p: h["sha256"] for p, h in bag.entries.items() if p.startswith("data/")}
        wrong = [p for p, h in recorded.items() if listed.get(p) != h]
        if wrong:
            raise BagError(f"{src}: bag not written: its manifest disagrees with the outputs "
                           f"written ({', '.join(wrong)})")
        oxum = bag.info.get("Payload-Oxum", "")
        size = int(oxum.split(".")[0]) if oxum else 0
        version = ".".join(map(str, bag.version_info))
        verdict = (f"bagit.py {bagit.VERSION}: valid (BagIt {version}, Payload-Oxum {oxum}, "
                   f"{' and '.join(ALGORITHMS)} fixities of every file recomputed)")
        tag_sha = sha256_file(tmp / "tagmanifest-sha256.txt")
        _put_in_place(tmp, dest)
    except BagError:
        raise
    except (OSError, bagit.BagError, RuntimeError) as err:
        raise BagError(f"{src}: bag not written: {err}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return Output(str(dest), "bag", "zh-Hans", tag_sha, size, round(time.perf_counter() - started, 3),
                  [verdict], [f"{len(made) + 1} payload files"])


def _quiet_bagit() -> None:
    """bagit logs every file it moves and hashes, and logs errors with tracebacks; the command
    reports a failed bag itself, in one line."""
    log = logging.getLogger("bagit")
    log.propagate = False
    if not log.handlers:
        log.addHandler(logging.NullHandler())


class Bagger:
    """Wraps the command's per-result callback: bags each converted input (:func:`make_issue_bag`)
    before reporting it, adding the bag to the result's outputs or its failure to its errors."""

    def __init__(self, settings, outdir: Path, report: Callable, names: dict[Path, str] | None = None):
        #: output names of the inputs (:func:`convert.batch.plan_names`)
        self.settings, self.outdir, self.report, self.names = settings, outdir, report, names or {}

    def __call__(self, result) -> None:
        if not result.skipped:
            src = Path(result.input)
            documents = [(self.names.get(src), None, None)]
            try:
                if not result.errors:
                    from convert.batch import documents_of
                    from convert.reader import load_input

                    loaded = load_input(src, encoding=self.settings.encoding, genre=self.settings.genre,
                                        max_size=self.settings.max_size)
                    documents = documents_of(loaded, self.names.get(src) or src.stem)
            except ConvertError as err:
                result.errors.append(str(err))
            for name, root, lines in documents:  # one bag per issue
                try:
                    result.outputs.append(make_issue_bag(result, self.settings, self.outdir, root,
                                                         name, lines))
                except ConvertError as err:
                    result.errors.append(str(err))
        self.report(result)
