"""Putting the catalogue's files in place, touching only what this tool can prove it wrote.

The files are written through :mod:`convert.outdir`, as every output is: the output folder is
opened once, each file is written (``O_CREAT|O_EXCL|O_NOFOLLOW``) into the run's private workspace
there, given the permissions the umask allows (a web server must read it), then renamed over its
final name in a folder opened without following links (:meth:`convert.outdir.Workspace.install`:
never after a stop signal). A file whose bytes would not change is left as it is, so a rebuild
keeps its modification time (and the ETags of a web server).

Ownership. ``catalog/files.sha256`` (``sha256sum`` format, paths relative to the output folder:
``cd OUT && sha256sum -c catalog/files.sha256`` checks the catalogue) records every file the last
build wrote. A file already at a name the catalogue writes is replaced only when it is provably
this tool's: its digest is recorded there, or it carries the tool's mark (an Atom feed whose
``generator`` is convert, an OpenSearch description whose ``Developer`` is convert, a page whose
``<meta name="generator">`` names convert, a cover whose name is its own digest). Anything else
(``catalog.xml`` made as the TEI of an input named ``catalog``, a hand-written ``index.html``) is
refused before anything is written: one line, nothing replaced. A file of the previous build that
the new one no longer has (an issue removed) is deleted only when its digest is the recorded one;
the record is rewritten to cover old and new files before the first rename and to the new files
only at the end, so an interrupted build leaves nothing this rule cannot account for. The folders
``catalog/`` and ``catalog/covers/`` are made if missing and refused if they are symbolic links.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
from pathlib import Path

from lxml import etree

from convert.errors import ConvertError
from convert.opds.links import COVERS, FOLDER, TOP

RECORD = f"{FOLDER}/files.sha256"
_LINE = re.compile(r"^([0-9a-f]{64}) [ *](\S.*)$")


class CatalogueError(ConvertError):
    """The catalogue cannot be written (one line, naming the file)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ours_by_path(rel: str) -> bool:
    """Whether *rel* is a name the catalogue writes (never a path outside its files)."""
    return rel in TOP or rel == RECORD or (rel.startswith(FOLDER + "/") and ".." not in rel.split("/"))


def read_record(outdir: Path) -> dict[str, set[str]]:
    """``{path: {sha256, …}}`` from ``catalog/files.sha256``; ``{}`` when it is missing, is not a
    regular file, or has a line of another shape (then it is not this tool's and proves nothing)."""
    path = outdir / RECORD
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return {}
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m or not _ours_by_path(m.group(2)):
            return {}
        out.setdefault(m.group(2), set()).add(m.group(1))
    return out


def catalogue_files(outdir: Path) -> set[str]:
    """Real paths of the files the catalogue of *outdir* consists of (its record, and the record
    itself): a folder scan for inputs leaves them out."""
    record = read_record(outdir)
    return {os.path.realpath(outdir / rel) for rel in (*record, RECORD)} if record else set()


def _record_bytes(entries: dict[str, set[str]]) -> bytes:
    return "".join(f"{sha}  {rel}\n" for rel in sorted(entries) for sha in sorted(entries[rel])).encode()


def _marked(rel: str, data: bytes) -> bool:
    """Whether *data*, found at *rel*, carries this tool's mark (see the module docstring)."""
    from convert.tei import parse_untrusted

    if rel.startswith(COVERS + "/") and rel.endswith(".png"):
        return Path(rel).stem == _digest(data)[:16]
    if rel.endswith(".html"):
        return b'<meta name="generator" content="convert ' in data[:4096]
    if rel.endswith(".xml"):
        try:
            root = parse_untrusted(data)
        except (ValueError, etree.XMLSyntaxError):
            return False
        if root.tag == "{http://www.w3.org/2005/Atom}feed":
            return root.findtext("{http://www.w3.org/2005/Atom}generator") == "convert"
        if root.tag == "{http://a9.com/-/spec/opensearch/1.1/}OpenSearchDescription":
            return root.findtext("{http://a9.com/-/spec/opensearch/1.1/}Developer") == "convert"
    return False


def in_place(outdir: Path, rel: str, record: dict[str, set[str]], expected: bytes | None = None) -> bool:
    """Whether the file at *rel* is already what the catalogue wants there: a regular file whose
    bytes are *expected*, or, without *expected*, whose digest the record holds (a thumbnail,
    made from its cover, whose name says which)."""
    try:
        have = _current(outdir / rel)
    except CatalogueError:
        return False
    if have is None:
        return False
    return have == expected if expected is not None else _digest(have) in record.get(rel, ())


def _current(path: Path) -> bytes | None:
    """The bytes at *path*: ``None`` if nothing is there; raises :class:`CatalogueError` for a
    symbolic link or anything but a regular file (never followed, never replaced)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise CatalogueError(f"{path}: not replaced: not a regular file (a catalogue file is never "
                             "written through a symbolic link)")
    return path.read_bytes()


def _write(folder, ws, rel: str, data: bytes) -> None:
    """Write *data* to *rel* (relative to the output folder *folder*, an
    :class:`convert.outdir.OutputFolder`) through an exclusive file in the run's workspace *ws*,
    renamed into place in a folder opened without following links."""
    parent, name = posixpath.split(rel)
    tmp = f"catalogue-{hashlib.sha256(rel.encode()).hexdigest()[:16]}"
    umask = os.umask(0)
    os.umask(umask)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666 & ~umask,
                 dir_fd=ws.fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    with folder.subfolder(parent) as dest:
        ws.install(tmp, dest, name, str(folder.path / rel))


def _unlink(folder, rel: str) -> None:
    """Remove the file *rel* of the output folder *folder* (never through a link)."""
    parent, name = posixpath.split(rel)
    with folder.subfolder(parent, create=False) as dest:
        try:
            os.unlink(name, dir_fd=dest)
        except FileNotFoundError:
            pass


def put(outdir: Path, files: dict[str, bytes | None]) -> tuple[list[str], list[str]]:
    """Put *files* (``{path relative to outdir: bytes}``; ``None``: the file in place is kept, see
    :func:`in_place`) in place and remove the files of the
    previous build that are no longer part of the catalogue (rules in the module docstring).
    Returns ``(written, removed)``: the paths whose bytes changed, the paths removed. Raises
    :class:`CatalogueError` before writing anything when a file or folder in the way is not
    provably this tool's."""
    from convert.outdir import FolderError, OutputFolder

    with OutputFolder(outdir) as folder, folder.workspace("catalogue") as ws:
        try:
            return _put(outdir, folder, ws, files)
        except FolderError as err:
            raise CatalogueError(str(err)) from None


def _put(outdir: Path, folder, ws, files: dict[str, bytes | None]) -> tuple[list[str], list[str]]:
    record = read_record(outdir)
    with folder.subfolder(COVERS):  # catalog/ and catalog/covers/, made if missing, never links
        pass
    if _current(outdir / RECORD) and not record:
        raise CatalogueError(f"{outdir / RECORD}: not replaced: not a record of this tool "
                             "(lines of another shape); move it away")
    kept = {rel: _digest(_current(outdir / rel) or b"") for rel, data in files.items() if data is None}
    files = {rel: data for rel, data in files.items() if data is not None}
    for rel, data in sorted(files.items()):
        have = _current(outdir / rel)
        if have is None or have == data:
            continue
        if _digest(have) not in record.get(rel, ()) and not _marked(rel, have):
            raise CatalogueError(f"{outdir / rel}: not replaced: it is not a catalogue file this "
                                 "tool wrote (not in catalog/files.sha256, no mark of convert); "
                                 "move it away, or choose another output folder")
    stale = {}
    for rel, shas in record.items():
        if rel in files or rel in kept or rel == RECORD:
            continue
        try:
            have = _current(outdir / rel)
        except CatalogueError:
            continue
        if have is not None and _digest(have) in shas:
            stale[rel] = shas
    new = {rel: {_digest(data)} for rel, data in files.items()} | {rel: {sha} for rel, sha in kept.items()}
    both = {rel: new.get(rel, set()) | record.get(rel, set()) for rel in {*new, *record} if rel != RECORD}
    _write(folder, ws, RECORD, _record_bytes(both))
    written = []
    for rel, data in sorted(files.items()):
        if _current(outdir / rel) != data:
            _write(folder, ws, rel, data)
            written.append(rel)
    removed = []
    for rel in sorted(stale):
        _unlink(folder, rel)
        removed.append(rel)
    _write(folder, ws, RECORD, _record_bytes(new))
    return written, removed
