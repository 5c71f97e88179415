"""Deterministic OCF zip and an in-process structural check of an EPUB.

OCF rules (EPUB 3.3 §4 "Open Container Format"): the ``mimetype`` file is the first entry,
stored (not compressed), with no extra field, and holds ``application/epub+zip`` in ASCII;
``META-INF/container.xml`` names the package document.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote, urldefrag

from lxml import etree

from convert.errors import WriterError
from convert.tei import safe_parser
from convert.writers.containers import deterministic_zip

MIMETYPE = b"application/epub+zip"
OPF_NS = "http://www.idpf.org/2007/opf"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"


def repack(data: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """Rewrite the zip *data* deterministically: ``mimetype`` first and stored, the other
    entries sorted by name, deflated at level 9, every timestamp *date_time* (a zip DOS time,
    year ≥ 1980), Unix permissions 0644, no extra fields. Same entries in → same bytes out."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {info.filename: src.read(info) for info in src.infolist()}
    if entries.get("mimetype") != MIMETYPE:
        raise WriterError("epub: the package has no valid mimetype entry")
    return deterministic_zip(entries, "mimetype", date_time, stored=frozenset({"mimetype"}))


def _parse(zf: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(zf.read(name), safe_parser())
    except KeyError:
        raise WriterError(f"epub check: {name} is missing from the zip") from None
    except etree.XMLSyntaxError as err:
        raise WriterError(f"epub check: {name} is not well-formed XML: {err}") from None


def check(data: bytes) -> None:
    """Structural self-check of EPUB bytes (cheap, no Java). Raises :class:`WriterError` naming
    the first fault:

    - ``mimetype`` first, stored, no extra field, exact content (EPUB 3.3 §4.2.6.2);
    - ``META-INF/container.xml`` → a package document that exists and parses;
    - every manifest item exists; every file in the zip (besides ``mimetype`` and ``META-INF/``)
      is in the manifest; every spine ``itemref`` names a manifest item;
    - exactly one item has ``properties="nav"``; every ``href`` in it resolves to an existing
      file and, with a fragment, to an existing ``id``;
    - every XHTML, NCX and SVG item is well-formed XML.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise WriterError(f"epub check: not a zip file ({err})") from None
    with zf:
        infos = zf.infolist()
        first = infos[0] if infos else None
        if first is None or first.filename != "mimetype":
            raise WriterError("epub check: mimetype is not the first zip entry")
        if first.compress_type != zipfile.ZIP_STORED or first.extra:
            raise WriterError("epub check: mimetype entry must be stored, with no extra field")
        if zf.read(first) != MIMETYPE:
            raise WriterError("epub check: mimetype content is not application/epub+zip")
        names = {i.filename for i in infos}
        container = _parse(zf, "META-INF/container.xml")
        rootfiles = container.findall(f".//{{{CONTAINER_NS}}}rootfile")
        if not rootfiles or not rootfiles[0].get("full-path"):
            raise WriterError("epub check: container.xml names no package document")
        opf_path = rootfiles[0].get("full-path")
        opf = _parse(zf, opf_path)
        base = posixpath.dirname(opf_path)
        manifest: dict[str, tuple[str, str, str]] = {}
        for item in opf.iterfind(f"{{{OPF_NS}}}manifest/{{{OPF_NS}}}item"):
            path = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
            if path not in names:
                raise WriterError(f"epub check: manifest item {item.get('href')} is missing from the zip")
            manifest[item.get("id")] = (path, item.get("media-type", ""), item.get("properties", ""))
        listed = {p for p, _, _ in manifest.values()} | {opf_path, "mimetype"}
        for name in names:
            if not name.startswith("META-INF/") and not name.endswith("/") and name not in listed:
                raise WriterError(f"epub check: {name} is in the zip but not in the manifest")
        spine = opf.findall(f"{{{OPF_NS}}}spine/{{{OPF_NS}}}itemref")
        if not spine:
            raise WriterError("epub check: the spine is empty")
        for ref in spine:
            if ref.get("idref") not in manifest:
                raise WriterError(f"epub check: spine itemref {ref.get('idref')} is not in the manifest")
        docs: dict[str, etree._Element] = {}
        for path, media_type, _props in manifest.values():
            if media_type in ("application/xhtml+xml", "application/x-dtbncx+xml", "image/svg+xml"):
                docs[path] = _parse(zf, path)
        navs = [p for p, _m, props in manifest.values() if "nav" in props.split()]
        if len(navs) != 1:
            raise WriterError(f"epub check: {len(navs)} navigation documents (need exactly one)")
        nav_path = navs[0]
        nav = docs[nav_path]
        if not nav.findall(f".//{{{XHTML_NS}}}nav[@{{{EPUB_NS}}}type='toc']"):
            raise WriterError("epub check: the navigation document has no toc nav")
        for a in nav.iter(f"{{{XHTML_NS}}}a"):
            href, frag = urldefrag(a.get("href", ""))
            target = posixpath.normpath(posixpath.join(posixpath.dirname(nav_path), unquote(href))) \
                if href else nav_path
            if target not in docs:
                raise WriterError(f"epub check: nav link {a.get('href')} points to no content document")
            if frag and not docs[target].xpath("//*[@id=$f]", f=frag):
                raise WriterError(f"epub check: nav link {a.get('href')} points to no element")
