"""What an output folder holds, issue by issue: the files of each edition and the facts a
catalogue shows, read from the outputs themselves.

:func:`collect` walks the folder (never following a symbolic link, leaving out hidden names, the
catalogue's own folder and BagIt bags, whose ``data/`` holds copies of the outputs), keeps the
files this tool wrote and groups them: an *issue* is one output name (``monthly-2020-01-no90``,
``a/issue``, ``year.issue02``), an *edition* one variant of it (``zh-Hans``, ``zh-Hant-TW``), with
its EPUB, PDF, OFD, TEI and plain text.

Which files are this tool's: those ``manifest.json`` lists with the SHA-256 they have now
(:mod:`convert.opds.manifest`); otherwise those whose own metadata names it (the PDF's
``/Creator`` and XMP ``CreatorTool``, the OFD's ``DocInfo/Creator``, the TEI's ``appInfo``), and
an EPUB or a plain text whose edition has such a file (an EPUB's title must then agree with it).
A file that cannot be read (a truncated ZIP, a PDF pikepdf cannot open, malformed XML) is
*damaged*, one that is not this tool's *foreign*: both are left out with one line each.

The facts of an edition come from the best source it has, in this order: the TEI beside it
(through the EPUB writer's own catalogue functions, :func:`convert.writers.epub.read_meta`, so
the catalogue says what the e-book says), the EPUB's package document, the PDF's document
information and XMP, the OFD's ``DocInfo``. Only reads.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from lxml import etree

from convert.batch import sha256_file
from convert.opds.manifest import Record, recorded_outputs
from convert.variant import SOURCE, VARIANTS

#: File extension → format name (as in ``convert.writers.FORMATS``).
FORMAT_OF = {".epub": "epub", ".pdf": "pdf", ".ofd": "ofd", ".xml": "tei", ".txt": "txt"}
#: Formats a reader acquires through the catalogue, in the order they are offered.
ACQUIRED = ("epub", "pdf", "ofd")
#: Every format the HTML index links, in its order.
LINKED = ("epub", "pdf", "ofd", "tei", "txt")
#: Media types (RFC 6838; OFD has no registered type: ``application/ofd`` is the one its
#: readers and the GB/T 33190 tools use; TEI's is RFC 6129's).
MEDIA_TYPE = {"epub": "application/epub+zip", "pdf": "application/pdf", "ofd": "application/ofd",
              "tei": "application/tei+xml", "txt": "text/plain"}
#: The catalogue's own folder in the output folder (never scanned as outputs).
CATALOGUE_DIR = "catalog"

_OPF = "http://www.idpf.org/2007/opf"
_DC = "http://purl.org/dc/elements/1.1/"
_OFD = "http://www.ofdspec.org/2016"
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class FileRef:
    """One output file: ``path`` (absolute), ``rel`` (POSIX path relative to the output folder),
    ``format``, ``size`` in bytes."""

    path: Path
    rel: str
    format: str
    size: int


@dataclass
class Edition:
    """One variant of an issue and what the catalogue says of it.

    ``tag``: the variant (BCP 47, ``zh-Hans`` for the source); ``files``: format → :class:`FileRef`;
    ``lang``: the language its metadata records; ``issued``: the print's date as ISO 8601 at the
    precision printed (``2020-01``, ``2020-02-29``) or ``None``; ``updated``: when the edition's
    metadata says it was last changed (naive UTC; from the printed dates, never the clock);
    ``position``: the number in its series (``"634"``) or ``None``; ``summary``: the contents in
    one paragraph; ``sections``: section names; ``cover``: the EPUB's cover image (PNG bytes)."""

    tag: str
    files: dict[str, FileRef] = field(default_factory=dict)
    title: str = ""
    lang: str = ""
    creators: list[str] = field(default_factory=list)
    publisher: str | None = None
    issued: str | None = None
    updated: _dt.datetime | None = None
    series: str | None = None
    position: str | None = None
    summary: str | None = None
    sections: list[str] = field(default_factory=list)
    cover: bytes | None = None
    #: ``[(path relative to the folder, width, height)]`` of the cover and its thumbnail in the
    #: catalogue's folder, once written (:mod:`convert.opds.images`); empty without a cover.
    images: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class Issue:
    """One issue: ``key`` (its output name relative to the folder, POSIX, without variant or
    extension) and its editions, the source first, then in :data:`convert.variant.VARIANTS`
    order (other tags after them, sorted)."""

    key: str
    editions: list[Edition]

    @property
    def main(self) -> Edition:
        """The edition whose facts stand for the issue (the source edition when there is one)."""
        return self.editions[0]


class Unreadable(Exception):
    """A file that cannot be read as what its name says (damaged)."""


def collect(outdir: Path, warn: Callable[[str], None]) -> list[Issue]:
    """The issues in *outdir* that have at least one EPUB, PDF or OFD of this tool, sorted by key.

    *warn* is called once for each file left out (damaged, foreign, a symbolic link) and once for
    an unreadable or foreign manifest. Linear in the number and size of the files (each listed
    file is hashed once; unlisted ones are opened)."""
    records = recorded_outputs(outdir, warn)
    groups: dict[tuple[str, str], dict[str, tuple[FileRef, Record | None]]] = {}
    for ref in _scan(outdir, warn):
        rec = records.get(os.path.realpath(ref.path))
        if rec is not None and rec.format != ref.format:
            rec = None
        key, tag = _name_and_variant(ref.rel, rec)
        groups.setdefault((key, tag), {})[ref.format] = (ref, rec)
    by_key: dict[str, list[Edition]] = {}
    for (key, tag), files in sorted(groups.items()):
        edition = _edition(tag, files, warn)
        if edition is not None and any(f in edition.files for f in ACQUIRED):
            by_key.setdefault(key, []).append(edition)
    order = {t: n for n, t in enumerate(VARIANTS)}
    return [Issue(key, sorted(eds, key=lambda e: (order.get(e.tag, len(order)), e.tag)))
            for key, eds in sorted(by_key.items())]


def _scan(outdir: Path, warn: Callable[[str], None]) -> list[FileRef]:
    """Regular files with a format's extension below *outdir*, sorted; symbolic links are not
    followed (a linked file is named in one line, a linked folder silently left out, like hidden
    names, the catalogue's folder and bags)."""
    found: list[FileRef] = []
    for folder, dirs, files in os.walk(outdir):  # os.walk does not follow links to folders
        here = Path(folder)
        top = here == outdir
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (top and d == CATALOGUE_DIR)
                         and not (here / d / "bagit.txt").exists())
        for name in sorted(files):
            fmt = FORMAT_OF.get(Path(name).suffix.lower())
            if fmt is None or name.startswith("."):
                continue
            path = here / name
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                warn(f"{path}: skipped: a symbolic link (the catalogue follows none)")
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            rel = path.relative_to(outdir).as_posix()
            if top and name in ("catalog.xml",):
                continue  # the catalogue's own root feed
            found.append(FileRef(path, rel, fmt, st.st_size))
    return found


def _name_and_variant(rel: str, rec: Record | None) -> tuple[str, str]:
    """``(issue key, variant tag)`` of the output at *rel*: the variant the manifest records, else
    the one its name carries (``x.zh-Hant-TW.pdf``), else the source."""
    stem = str(PurePosixPath(rel).with_suffix(""))
    tags = [rec.variant] if rec is not None else sorted(VARIANTS, key=len, reverse=True)
    for tag in tags:
        if tag != SOURCE and stem.endswith("." + tag):
            return stem[: -len(tag) - 1], tag
    return stem, (rec.variant if rec is not None else SOURCE)


# ------------------------------------------------------------------------- one edition

def _edition(tag: str, files: dict[str, tuple[FileRef, Record | None]],
             warn: Callable[[str], None]) -> Edition | None:
    """The edition *tag* of one issue from its candidate files, or ``None`` when none is kept."""
    ed = Edition(tag)
    facts: dict[str, dict] = {}
    vouched: dict[str, bool] = {}
    for fmt in ("tei", "pdf", "ofd", "epub", "txt"):
        if fmt not in files:
            continue
        ref, rec = files[fmt]
        listed = bool(rec is not None and rec.sha256 and sha256_file(ref.path) == rec.sha256)
        # a listed file is whole (its digest is the one written): it is read for its facts only
        # where no better source (TEI, EPUB) is there
        needed = not listed or fmt in ("tei", "epub") or not {"tei", "epub"} & files.keys()
        try:
            got = _READERS[fmt](ref.path, listed) if needed else {}
        except Unreadable as err:
            warn(f"{ref.path}: skipped: damaged ({err})")
            continue
        if fmt in ("tei", "pdf", "ofd") and not listed and not got.get("ours"):
            warn(f"{ref.path}: skipped: foreign (not listed in manifest.json, and its metadata "
                 "does not name convert as its maker)")
            continue
        if fmt in ("epub", "txt") and not listed:
            sure = [f for f in ("tei", "pdf", "ofd") if vouched.get(f)]
            titles = {facts[f].get("title") for f in sure if facts.get(f, {}).get("title")}
            if not sure or (fmt == "epub" and titles and got.get("title") not in titles):
                warn(f"{ref.path}: skipped: foreign (not listed in manifest.json, and no TEI, PDF "
                     "or OFD of this tool with the same name and title beside it)")
                continue
        vouched[fmt] = True
        facts[fmt] = got
        ed.files[fmt] = ref
    if not ed.files:
        return None
    for fmt in ("pdf", "ofd", "epub", "tei"):  # later sources win
        for k, v in facts.get(fmt, {}).items():
            if v not in (None, "", []) and k != "ours":
                setattr(ed, k, v)
    if not ed.title:
        ed.title = PurePosixPath(next(iter(ed.files.values())).rel).stem
    ed.lang = ed.lang or tag
    return ed


def _when(value: str | None) -> str | None:
    """The ISO 8601 date at the start of *value* (``2020-02-29T12:00:00Z`` → ``2020-02-29``)."""
    m = _WHEN.match((value or "").strip())
    return m.group(0) if m else None


def _datetime(value: str | None) -> _dt.datetime | None:
    """A naive UTC datetime from an ISO 8601 date or date-time (``Z`` or an offset), else ``None``."""
    v = (value or "").strip()
    if not v:
        return None
    try:
        d = _dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        w = _when(v)
        if not w:
            return None
        parts = [int(x) for x in w.split("-")] + [1, 1]
        return _dt.datetime(parts[0], parts[1], parts[2])
    if d.tzinfo is not None:
        d = d.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return d


def _read_tei(path: Path, listed: bool = False) -> dict:
    from convert.errors import ConvertError
    from convert.tei import parse_untrusted, xpath
    from convert.writers.epub import read_meta

    try:
        root = parse_untrusted(path.read_bytes())
    except (OSError, ValueError, etree.XMLSyntaxError) as err:
        raise Unreadable(f"not well-formed XML: {str(err)[:100]}") from None
    ours = bool(xpath(root, "tei:teiHeader//tei:appInfo/tei:application[@ident='convert']"))
    if not ours and not listed:
        return {"ours": False}
    try:
        meta = read_meta(root)
    except ConvertError as err:
        raise Unreadable(str(err)[:120]) from None
    return {"ours": True, "title": meta.title, "lang": meta.lang,
            "creators": [a.name for a in meta.creators], "publisher": meta.publisher,
            "issued": _when(meta.when), "updated": meta.modified, "series": meta.series,
            "position": meta.position, "summary": meta.description, "sections": list(meta.subjects)}


def _whole_zip(path: Path) -> zipfile.ZipFile:
    """*path* opened as a ZIP whose every entry passes its CRC check (raises :class:`Unreadable`,
    ``zipfile.BadZipFile`` or ``OSError``)."""
    z = zipfile.ZipFile(path)
    bad = z.testzip()
    if bad is not None:
        z.close()
        raise Unreadable(f"ZIP entry {bad} fails its CRC check")
    return z


def _zip_xml(z: zipfile.ZipFile, name: str) -> etree._Element:
    """Entry *name* of *z* parsed as untrusted XML (no DTD, no entities, no network)."""
    from convert.tei import safe_parser

    return etree.fromstring(z.read(name), safe_parser())


def _read_epub(path: Path, listed: bool = False) -> dict:
    try:
        with _whole_zip(path) as z:
            container = _zip_xml(z, "META-INF/container.xml")
            opf_name = container.xpath("string(//*[local-name()='rootfile']/@full-path)")
            opf = _zip_xml(z, opf_name)
            ns = {"opf": _OPF, "dc": _DC}
            meta = opf.find(f"{{{_OPF}}}metadata")
            if meta is None:
                raise Unreadable("its package document has no <metadata>")

            def texts(path: str) -> list[str]:
                return [" ".join("".join(e.itertext()).split()) for e in meta.xpath(path, namespaces=ns)]

            cover = None
            href = opf.xpath("string(opf:manifest/opf:item[contains(concat(' ', @properties, ' '), "
                             "' cover-image ')][@media-type='image/png']/@href)", namespaces=ns)
            if href:
                cover = z.read(str(PurePosixPath(opf_name).parent / href))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as err:
        raise Unreadable(f"not a readable EPUB: {str(err)[:100]}") from None
    series = texts("opf:meta[@property='belongs-to-collection']")
    sid = meta.xpath("string(opf:meta[@property='belongs-to-collection']/@id)", namespaces=ns)
    position = texts(f"opf:meta[@refines='#{sid}'][@property='group-position']") if sid else []
    return {"title": (texts("dc:title") or [""])[0], "lang": (texts("dc:language") or [""])[0],
            "creators": texts("dc:creator"), "publisher": (texts("dc:publisher") or [None])[0],
            "issued": _when((texts("dc:date") or [None])[0]),
            "updated": _datetime((texts("opf:meta[@property='dcterms:modified']") or [None])[0]),
            "series": (series or [None])[0], "position": (position or [None])[0],
            "summary": (texts("dc:description") or [None])[0], "sections": texts("dc:subject"),
            "cover": cover}


def _read_pdf(path: Path, listed: bool = False) -> dict:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            info = {k: str(v) for k, v in pdf.docinfo.items()} if pdf.trailer.get("/Info") else {}
            lang = str(pdf.Root.get("/Lang", ""))
            try:
                xmp = pdf.open_metadata()
                tool, created = xmp.get("xmp:CreatorTool", ""), xmp.get("xmp:CreateDate", "")
            except Exception:  # a damaged XMP stream: the document information still counts
                tool, created = "", ""
    except (pikepdf.PdfError, OSError, ValueError) as err:
        raise Unreadable(f"not a readable PDF: {str(err)[:100]}") from None
    ours = any(str(v).startswith("convert ") for v in (info.get("/Creator", ""), tool))
    keywords = [k.strip() for k in info.get("/Keywords", "").split(";") if k.strip()]
    return {"ours": ours, "title": info.get("/Title", ""), "lang": lang,
            "creators": [info["/Author"]] if info.get("/Author") else [],
            "issued": _when(str(created)), "updated": _datetime(str(created)), "sections": keywords}


def _read_ofd(path: Path, listed: bool = False) -> dict:
    try:
        with _whole_zip(path) as z:
            root = _zip_xml(z, "OFD.xml")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as err:
        raise Unreadable(f"not a readable OFD: {str(err)[:100]}") from None
    ns = {"ofd": _OFD}

    def get(p: str) -> str:
        return " ".join(root.xpath(f"string(ofd:DocBody/ofd:DocInfo/{p})", namespaces=ns).split())

    created = get("ofd:CreationDate")
    return {"ours": get("ofd:Creator") == "convert", "title": get("ofd:Title"),
            "lang": get("ofd:CustomDatas/ofd:CustomData[@Name='Language']"),
            "creators": [get("ofd:Author")] if get("ofd:Author") else [],
            "issued": _when(created), "updated": _datetime(created),
            "sections": [" ".join(k.text.split()) for k in
                         root.xpath("ofd:DocBody/ofd:DocInfo/ofd:Keywords/ofd:Keyword", namespaces=ns)
                         if k.text and k.text.strip()]}


def _read_txt(path: Path, listed: bool = False) -> dict:
    return {}


#: Format → reader of a file's facts: ``reader(path, listed) -> dict`` of :class:`Edition` fields
#: plus ``"ours"`` (its metadata names this tool); raises :class:`Unreadable`.
_READERS: dict[str, Callable[[Path, bool], dict]] = {
    "tei": _read_tei, "epub": _read_epub, "pdf": _read_pdf, "ofd": _read_ofd, "txt": _read_txt}
