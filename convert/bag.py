"""Preservation packages (``--bag``): one BagIt bag (RFC 8493, BagIt 1.0) per issue, made with
the Library of Congress's ``bagit`` library, holding the issue's source and every output the run
made of it.

Layout of ``DIR/<input stem>.bag/``::

    bagit.txt                       BagIt-Version: 1.0
    bag-info.txt                    metadata from the TEI header (RFC 8493 §2.2.2)
    manifest-sha256.txt             payload fixities (RFC 8493 §2.1.3), and -sha512
    tagmanifest-sha256.txt          fixities of the tag files (RFC 8493 §2.2.1), and -sha512
    data/source/<input file name>   the input, byte for byte
    data/<stem>.xml .pdf .epub .txt the outputs, variants as <stem>.<tag>.<ext>

A file holding several issues gives one bag per issue, and each bag holds only the source
lines of its own issue (``data/source/<stem>.lines-<first>-<last><ext>``, the bytes of those
lines exactly as in the file; ``Source-Lines`` and ``Source-Byte-Range`` in bag-info.txt say
where they were, ``Source-SHA256`` names the whole file), so N issues do not make N copies of
the file (issue #26, case 9). Where the lines cannot be cut out byte for byte, the whole file
is bagged, as for a single issue.

Payload names are UTF-8 (RFC 8493 §7.2.1): a file name that is not (bytes of a GBK system,
read as PEP 383 surrogates) is written with each undecodable byte as ``%XX`` and ``%`` as
``%25`` (issue #24, case 4).

A bag is built in a private workspace of the output folder (:mod:`convert.outdir`), each file
copied and checked against the SHA-256 recorded when it was written, validated with ``bagit``'s
own validator (structure, completeness, every fixity recomputed), and only then renamed into
place. A folder already at the bag's name is replaced only if it is a bag this tool wrote of
the same source (its ``Bag-Software-Agent`` names convert and its source digest is the
input's; issue #26, case 4); anything else is refused in one line and left as it is. The old
bag is swapped out in one step (``renameat2(RENAME_EXCHANGE)``) and then only the files its own
manifests list are removed; anything else found in it is kept, the folder renamed
``<name>.bag.replaced-<n>``, with a warning. Two runs give byte-identical bags: the payload
files are the (reproducible) outputs, bag-info.txt has no clock time (Bagging-Date is
``SOURCE_DATE_EPOCH``'s date, else the issue date) and every tag file lists its entries sorted.
No file of a bag is more readable than the source (issue #26, case 11).

May touch: the output folder (the bag, its workspace, an old bag of this tool of the same
source). ``bagit`` is imported only when a bag is made. ``bagit.make_bag`` changes the process's
working folder while it runs (and restores it): bags are made one at a time, in the process that
writes the manifest.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
import time
from pathlib import Path, PurePosixPath
from typing import Callable

from convert import __version__
from convert.errors import ConvertError
from convert.outdir import (FolderError, OutputFolder, exchange, folder_mode, mode_cap, open_folder_at,
                            rename_noreplace, sha256_fd)
from convert.stopping import signals_deferred

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
    file_name = payload_name(source.name)
    title = _text(root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", ns)) or file_name
    info: dict[str, str] = {}
    if publisher:
        info["Source-Organization"] = publisher
    ident = [p for p in (serial, f"总第{cumulative}期" if cumulative else "", when) if p]
    info["External-Identifier"] = " ".join(ident) if (cumulative or when) else file_name
    if serial:
        info["Bag-Group-Identifier"] = serial
    info["External-Description"] = (f"{title}: the source text of the printed issue and its "
                                    f"conversions ({', '.join(formats)}) made by convert")
    info["Internal-Sender-Identifier"] = file_name
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


def payload_name(name: str) -> str:
    """*name* as a payload file name, which RFC 8493 §7.2.1 wants in UTF-8: unchanged when it
    is valid Unicode; else (the undecodable bytes of a file name, PEP 383 surrogates) each such
    byte as ``%XX`` and ``%`` as ``%25``, so that the original bytes can be read back."""
    if not re.search("[\udc80-\udcff]", name):
        return name
    return re.sub("[\udc80-\udcff]", lambda m: f"%{ord(m.group()) - 0xDC00:02X}", name.replace("%", "%25"))


def issue_byte_ranges(data: bytes, codec: str) -> list[int] | None:
    """Where each line of the text *data* (decoded with *codec*, as the reader decoded it)
    starts, in bytes: ``starts[k]`` is the offset of line *k + 1*, and ``starts[-1] ==
    len(data)``; lines end at CR LF, CR or LF as the reader counts them
    (:data:`convert.reader.lines.LINE_END_RE`), a byte-order mark belongs to line 1. ``None``
    when the bytes cannot be cut so (the lines re-encoded do not give *data* back)."""
    from convert.reader.source import BOMS

    name = codecs.lookup(codec).name
    bom = 0
    for mark, bom_codec in BOMS:
        if data.startswith(mark) and (name == bom_codec or name in ("utf-8-sig", "utf-16", "utf-32")
                                      and bom_codec.startswith(name.removesuffix("-sig"))):
            bom, name = len(mark), bom_codec
            break
    try:
        text = data[bom:].decode(name)
        encoder = codecs.getincrementalencoder(name)()
    except (UnicodeDecodeError, LookupError):
        return None
    starts, pos = [0], bom
    pieces = re.split(r"(\r\n|\r|\n)", text)
    for k in range(0, len(pieces), 2):
        pos += len(encoder.encode(pieces[k]))
        if k + 1 < len(pieces):
            pos += len(encoder.encode(pieces[k + 1]))
            starts.append(pos)
    pos += len(encoder.encode("", final=True))
    if pos != len(data):
        return None
    return starts + [len(data)]


def source_payload(src: Path, data: bytes, codec: str | None, lines: list[int] | None
                   ) -> tuple[str, bytes, dict[str, str]]:
    """What a bag holds of its source: ``(payload name, bytes, bag-info fields)``. The whole
    file for a single issue; for one issue of several (*lines* ``[first, last]``), the bytes of
    those lines only, when they can be cut out exactly (:func:`issue_byte_ranges`)."""
    whole = hashlib.sha256(data).hexdigest()
    info = {"Source-SHA256": whole}
    name = payload_name(src.name)
    if lines and codec:
        starts = issue_byte_ranges(data, codec)
        first, last = lines
        if starts is not None and 1 <= first <= last < len(starts):
            begin, end = starts[first - 1], starts[last]
            stem, suffix = os.path.splitext(name)
            info["Source-Lines"] = f"{first}-{last}"
            info["Source-Byte-Range"] = f"{begin}-{end}"
            return f"{stem}.lines-{first}-{last}{suffix}", data[begin:end], info
    return name, data, info


def _write_new(dir_fd: int, name: str, data: bytes, cap: int) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, cap & 0o666,
                 dir_fd=dir_fd)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _read_output(folder: OutputFolder, rel: str) -> bytes:
    """The bytes of the output *rel* (relative to *folder*), never through a link."""
    parts = PurePosixPath(rel).parts
    fds = [os.dup(folder.fd)]
    try:
        for part in parts[:-1]:
            fds.append(open_folder_at(fds[-1], part))
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fds[-1])
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise OSError(f"{rel} is not a regular file")
            return f.read()
    finally:
        for fd in fds:
            os.close(fd)


def _sort_tag_manifests(folder: Path) -> None:
    """bagit.py lists tag files in directory order; sort the lines so two runs are identical."""
    for alg in ALGORITHMS:
        path = folder / f"tagmanifest-{alg}.txt"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(sorted(lines, key=lambda l: l.split(None, 1)[1])), encoding="utf-8")


def _cap_modes(dir_fd: int, cap: int) -> None:
    """No file of the bag below folder *dir_fd* more readable or writable than *cap*; its folders
    the same, with search where read is allowed, and always writable by their owner (so that a
    later run can replace the bag)."""
    os.fchmod(dir_fd, folder_mode(cap) | 0o700)  # writable by its owner while it is built
    for name in os.listdir(dir_fd):
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if stat.S_ISDIR(st.st_mode):
            sub = open_folder_at(dir_fd, name)
            try:
                _cap_modes(sub, cap)
                os.fchmod(sub, folder_mode(cap) | 0o700)
            finally:
                os.close(sub)
        elif stat.S_ISREG(st.st_mode):
            os.chmod(name, stat.S_IMODE(st.st_mode) & cap, dir_fd=dir_fd)


def _read_small(dir_fd: int, name: str, limit: int = 2**20) -> str | None:
    """The text of the regular file *name* in *dir_fd* (at most *limit* bytes), never through a
    link; ``None`` when it is missing, not a regular file or too large."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        return f.read().decode("utf-8", "replace")


def _tags(text: str) -> dict[str, str]:
    """bag-info.txt's ``Label: value`` lines (continuation lines start with white space)."""
    tags: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and last:
            tags[last] += " " + line.strip()
        elif ":" in line:
            last, value = line.split(":", 1)
            last = last.strip()
            tags.setdefault(last, value.strip())
    return tags


def not_ours(parent_fd: int, name: str, source_sha256: str) -> str | None:
    """Why the entry *name* in folder *parent_fd* is not a bag this tool may replace with a new
    bag of the source whose SHA-256 is *source_sha256* (a phrase), or ``None`` when it is one:
    a folder (not a link) whose bag-info.txt has a ``Bag-Software-Agent`` naming convert and
    whose source digest (``Source-SHA256``, or, in bags of earlier versions, the digest its
    manifest-sha256.txt lists for its one ``data/source/`` file) is *source_sha256*."""
    st = os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    fd = open_folder_at(parent_fd, name)
    try:
        info = _read_small(fd, "bag-info.txt")
        if info is None:
            return "is not a bag this tool wrote (no bag-info.txt)"
        agent = _tags(info).get("Bag-Software-Agent", "")
        if not agent.startswith("convert "):
            return (f"is a bag another tool wrote (Bag-Software-Agent: {agent})" if agent
                    else "is not a bag this tool wrote (no Bag-Software-Agent)")
        digest = _tags(info).get("Source-SHA256")
        if digest is None:
            listed = [line.split(None, 1) for line in (_read_small(fd, "manifest-sha256.txt") or "").splitlines()]
            sources = [h for h, p in (x for x in listed if len(x) == 2) if p.startswith("data/source/")]
            digest = sources[0] if len(sources) == 1 else None
        if digest != source_sha256:
            return "is a bag of another source (its source SHA-256 differs)"
        return None
    finally:
        os.close(fd)


def _unquote(path: str) -> str:
    """A manifest's file path decoded (RFC 8493 §2.1.3: ``%0A``, ``%0D``, ``%25``)."""
    return re.sub(r"%(0[AaDd]|25)", lambda m: chr(int(m.group(1), 16)), path)


def remove_bag(parent_fd: int, name: str) -> list[str]:
    """Remove the bag *name* in folder *parent_fd* file by file: its tag files and the payload
    files its manifests list (regular files only, never through a link), then its folders that
    are left empty. Returns what is left in it (then the bag folder stays)."""
    fd = open_folder_at(parent_fd, name)
    try:
        tops = [n for n in os.listdir(fd) if n in ("bagit.txt", "bag-info.txt", "fetch.txt")
                or re.fullmatch(r"(tag)?manifest-[a-z0-9]+\.txt", n)]
        listed: set[str] = set()
        for n in tops:
            if re.fullmatch(r"(tag)?manifest-[a-z0-9]+\.txt", n):
                for line in (_read_small(fd, n, 2**26) or "").splitlines():
                    parts = line.split(None, 1)
                    if len(parts) == 2:
                        listed.add(_unquote(parts[1].strip()))
        folders: set[tuple[str, ...]] = set()
        for rel in sorted(listed | set(tops)):
            parts = PurePosixPath(rel).parts
            if not parts or ".." in parts or PurePosixPath(rel).is_absolute():
                continue
            fds = [os.dup(fd)]
            try:
                for k, part in enumerate(parts[:-1]):
                    fds.append(open_folder_at(fds[-1], part))
                    folders.add(parts[: k + 1])
                st = os.stat(parts[-1], dir_fd=fds[-1], follow_symlinks=False)
                if stat.S_ISREG(st.st_mode):
                    os.unlink(parts[-1], dir_fd=fds[-1])
            except OSError:
                pass
            finally:
                for f in fds:
                    os.close(f)
        for parts in sorted(folders, key=len, reverse=True):
            try:
                os.rmdir(str(PurePosixPath(*parts)), dir_fd=fd)
            except OSError:
                pass
        left = sorted(os.listdir(fd))
    finally:
        os.close(fd)
    if not left:
        os.rmdir(name, dir_fd=parent_fd)
    return left


def _put_in_place(ws, name: str, dest_fd: int, dest: Path, source_sha256: str, src: Path,
                  warnings: list[str]) -> None:
    """Rename the finished bag *name* from the workspace *ws* to the same name in folder
    *dest_fd* (*dest* for messages). An existing entry there is replaced only when it is a bag
    of this tool of the same source (:func:`not_ours`); else :class:`BagError`."""
    with signals_deferred():  # a stop signal waits until the old bag is dealt with
        try:
            rename_noreplace(ws.fd, name, dest_fd, name)
            return
        except FileExistsError:
            pass
        why = not_ours(dest_fd, name, source_sha256)
        if why:
            raise BagError(f"{src}: bag not written: {dest} {why}; not replaced (move it away)")
        ws.mark(f"replacing {name}")  # a stale-workspace cleaner leaves this workspace alone
        old = f"old-{name}"
        if exchange(ws.fd, name, dest_fd, name):
            os.rename(name, old, src_dir_fd=ws.fd, dst_dir_fd=ws.fd)
        else:  # no atomic swap: the old bag steps aside for a moment
            os.rename(name, old, src_dir_fd=dest_fd, dst_dir_fd=ws.fd)
            rename_noreplace(ws.fd, name, dest_fd, name)
        left = remove_bag(ws.fd, old)
        if left:
            for n in range(1, 10_000):
                kept = f"{name}.replaced-{n}"
                try:
                    rename_noreplace(ws.fd, old, dest_fd, kept)
                    break
                except FileExistsError:
                    continue
            warnings.append(f"{src}: the replaced bag held files its manifests do not list "
                            f"({', '.join(left[:3])}): kept as {dest.parent / kept}")


def make_issue_bag(result, settings, outdir: Path, root, name: str | None = None,
                   lines: list[int] | None = None, data: bytes | None = None,
                   codec: str | None = None) -> "Output":  # noqa: F821
    """Make the bag of one converted input and return its :class:`convert.batch.Output` record
    (``format`` ``"bag"``, ``sha256`` of its ``tagmanifest-sha256.txt``, ``size`` the payload's
    bytes, ``verdicts`` bagit's validation verdict).

    *result* is the input's :class:`convert.batch.Result`; *root* the TEI model of the document
    bagged (for bag-info); *name* its output name and *lines* its source lines when the input
    holds several issues (:func:`convert.batch.documents_of`): the bag then holds that issue's
    outputs and source lines only (:func:`source_payload`; *codec* is the encoding the reader
    decoded the input with). *data* is the input's bytes (read again when ``None``).
    Raises :class:`BagError` naming the reason when the bag would be incomplete (an output failed
    or is missing), a file changed, bagit's validator rejects the bag, or something that is not
    a bag of this tool of the same source is at the bag's name; nothing is left behind then and
    what was there stays as it was.
    """
    import bagit

    from convert.batch import Output, output_names
    from convert.reader.source import read_input

    started = time.perf_counter()
    src = Path(result.input)
    made = {PurePosixPath(Path(o.path).name).name: o for o in result.outputs
            if o.format != "bag" and (lines is None or o.source_lines == lines)}
    missing = [Path(f).name for _tag, _fmt, f in output_names(src, settings, name)
               if Path(f).name not in made]
    if result.errors or missing:
        why = f"{len(missing)} of its outputs failed ({', '.join(missing)})" if missing else \
            "its conversion reported an error"
        raise BagError(f"{src}: bag not written: {why}; a bag holds every requested output")
    dest = bag_path(src, outdir, name)
    where = PurePosixPath(dest.relative_to(outdir).as_posix())
    _quiet_bagit()
    try:
        if data is None:
            data = read_input(src, settings.max_size)
        if hashlib.sha256(data).hexdigest() != result.sha256:
            raise BagError(f"the input {src} changed after it was converted (its SHA-256 differs "
                           "from the one recorded): convert it again")
        cap = mode_cap(os.stat(src).st_mode)
        with OutputFolder(outdir) as folder, folder.workspace("bag") as ws:
            os.mkdir(where.name, 0o700, dir_fd=ws.fd)
            bag_fd = open_folder_at(ws.fd, where.name)
            try:
                os.mkdir(SOURCE_DIR, 0o700, dir_fd=bag_fd)
                source_fd = open_folder_at(bag_fd, SOURCE_DIR)
                try:
                    source_name, source_bytes, source_info = source_payload(src, data, codec, lines)
                    _write_new(source_fd, source_name, source_bytes, cap)
                finally:
                    os.close(source_fd)
                for fname, o in made.items():
                    rel = Path(o.path).relative_to(outdir).as_posix()
                    try:
                        content = _read_output(folder, rel)
                    except OSError as err:
                        raise BagError(f"cannot copy the output {o.path} into the bag: "
                                       f"{getattr(err, 'strerror', None) or err}") from None
                    if hashlib.sha256(content).hexdigest() != o.sha256:
                        raise BagError(f"the output {o.path} changed after it was converted (its "
                                       "SHA-256 differs from the one recorded): convert it again")
                    _write_new(bag_fd, payload_name(fname), content, cap)
            finally:
                os.close(bag_fd)
            tmp = ws.file(where.name)
            info = bag_info(root, src, _describe(made.values(), settings.pdfa)) | source_info
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
                raise BagError(f"{src}: bag not written: bagit's validator: {ws.tidy(str(err))}") from None
            recorded = {f"data/{payload_name(n)}": o.sha256 for n, o in made.items()}
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
            bag_fd = open_folder_at(ws.fd, where.name)
            try:
                fd = os.open("tagmanifest-sha256.txt", os.O_RDONLY | os.O_NOFOLLOW, dir_fd=bag_fd)
                try:
                    tag_sha = sha256_fd(fd)
                finally:
                    os.close(fd)
                _cap_modes(bag_fd, cap)
            finally:
                os.close(bag_fd)
            with folder.subfolder(str(where.parent)) as dest_fd:
                # the bag's mode last (its owner may always write it, so a later run can replace it)
                bag_fd = open_folder_at(ws.fd, where.name)
                try:
                    os.fchmod(bag_fd, folder_mode(cap) | 0o700)
                finally:
                    os.close(bag_fd)
                _put_in_place(ws, where.name, dest_fd, dest, result.sha256, src, result.warnings)
    except BagError as err:
        message = str(err)
        raise BagError(message if message.startswith(f"{src}: ") else f"{src}: bag not written: {message}") from None
    except (OSError, FolderError, bagit.BagError, RuntimeError, ValueError) as err:
        raise BagError(f"{src}: bag not written: {getattr(err, 'strerror', None) or err}") from None
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
            data = codec = None
            try:
                if not result.errors:
                    from convert.batch import documents_of
                    from convert.reader import load_input
                    from convert.reader.source import decode, read_input

                    loaded = load_input(src, encoding=self.settings.encoding, genre=self.settings.genre,
                                        max_size=self.settings.max_size)
                    documents = documents_of(loaded, self.names.get(src) or src.stem)
                    data = read_input(src, self.settings.max_size)
                    if len(documents) > 1:  # one bag per issue, each with its own lines
                        codec = decode(data, str(src), self.settings.encoding).encoding
            except ConvertError as err:
                result.errors.append(str(err))
            for name, root, lines in documents:  # one bag per issue
                try:
                    result.outputs.append(make_issue_bag(result, self.settings, self.outdir, root,
                                                         name, lines, data, codec))
                except ConvertError as err:
                    result.errors.append(str(err))
        self.report(result)
