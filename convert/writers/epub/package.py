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


def repack(data: bytes, date_time: tuple[int, int, int, int, int, int], edit: dict | None = None) -> bytes:
    """Rewrite the zip *data* deterministically: ``mimetype`` first and stored, the other
    entries sorted by name, deflated at level 9, every timestamp *date_time* (a zip DOS time,
    year ≥ 1980), Unix permissions 0644, no extra fields. Same entries in → same bytes out.
    *edit*: ``{entry name: function(bytes) -> bytes}`` applied to those entries on the way."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {info.filename: src.read(info) for info in src.infolist()}
    for name, change in (edit or {}).items():
        if name not in entries:
            raise WriterError(f"epub: the package has no {name} to edit")
        entries[name] = change(entries[name])
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


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC_NS = "http://purl.org/dc/elements/1.1/"
#: ``epub:type`` values that have a DPUB-ARIA 1.1 role, and the role an element carrying one must
#: also have (Ace by DAISY's ``epub-type-has-matching-role``, from the EPUB Type to ARIA Role
#: Authoring Guide).
MATCHING_ROLES = {"toc": "doc-toc", "colophon": "doc-colophon", "pagebreak": "doc-pagebreak",
                  "page-list": "doc-pagelist", "endnotes": "doc-endnotes", "footnote": "doc-footnote",
                  "abstract": "doc-abstract", "preface": "doc-preface", "chapter": "doc-chapter"}


def package_language(opf: bytes, lang: str) -> bytes:
    """The package document *opf* with ``xml:lang`` (and ``dir="ltr"``) on its ``package``
    element: the language of its metadata (EPUB 3.3 §5.4.1.1; Ace by DAISY's ``epub-lang``)."""
    root = etree.fromstring(opf, safe_parser())
    root.set(XML_LANG, lang)
    root.set("dir", "ltr")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def check_accessibility(data: bytes) -> None:
    """The accessibility rules this writer keeps, checked on EPUB *data* (the check the package
    names in ``a11y:certifiedBy``; Ace by DAISY checks the same and more in the tests). Raises
    :class:`WriterError` naming the first fault:

    - the ``package`` element has ``xml:lang``, the ``dc:language``; ``dcterms:conformsTo`` and
      ``a11y:certifiedBy`` are declared (EPUB Accessibility 1.1 §3);
    - no linear spine document is empty: each shows text or an image;
    - the publication has an ``h1``; every element whose ``epub:type`` has a DPUB-ARIA role
      carries that role (:data:`MATCHING_ROLES`);
    - every page-break marker has a label (``aria-label`` or ``title``); every link of the page
      list lands on a page-break marker (``epub:type="pagebreak"``).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        container = _parse(zf, "META-INF/container.xml")
        opf_path = container.find(f".//{{{CONTAINER_NS}}}rootfile").get("full-path")
        opf = _parse(zf, opf_path)
        base = posixpath.dirname(opf_path)
        languages = [e.text for e in opf.iter(f"{{{DC_NS}}}language")]
        if not opf.get(XML_LANG) or opf.get(XML_LANG) not in languages:
            raise WriterError("epub accessibility: the package element has no xml:lang naming its dc:language")
        props = {m.get("property") for m in opf.iter(f"{{{OPF_NS}}}meta")}
        for prop in ("dcterms:conformsTo", "a11y:certifiedBy"):
            if prop not in props:
                raise WriterError(f"epub accessibility: the package declares no {prop}")
        items = {i.get("id"): i for i in opf.iter(f"{{{OPF_NS}}}item")}
        docs: dict[str, etree._Element] = {}
        for item in items.values():
            if item.get("media-type") == "application/xhtml+xml":
                path = posixpath.normpath(posixpath.join(base, unquote(item.get("href"))))
                docs[path] = _parse(zf, path)
    spine = [posixpath.normpath(posixpath.join(base, unquote(items[r.get("idref")].get("href"))))
             for r in opf.iter(f"{{{OPF_NS}}}itemref") if r.get("linear", "yes") != "no"]
    x = f"{{{XHTML_NS}}}"
    for path in spine:
        body = docs[path].find(f"{x}body")
        if body is None or not ("".join(body.itertext()).strip() or any(True for _ in body.iter(f"{x}img"))):
            raise WriterError(f"epub accessibility: spine document {path} is empty")
    if not any(True for d in docs.values() for _ in d.iter(f"{x}h1")):
        raise WriterError("epub accessibility: no document has an h1")
    markers: set[tuple[str, str]] = set()
    for path, doc in docs.items():
        for el in doc.iter():
            if not isinstance(el.tag, str) or any(  # a landmark link names a type, is none
                    a.get(f"{{{EPUB_NS}}}type") == "landmarks" for a in el.iterancestors(f"{x}nav")):
                continue
            types = (el.get(f"{{{EPUB_NS}}}type") or "").split()
            roles = (el.get("role") or "").split()
            for t in types:
                if t in MATCHING_ROLES and MATCHING_ROLES[t] not in roles:
                    raise WriterError(f"epub accessibility: <{etree.QName(el).localname} epub:type=\"{t}\"> in "
                                      f"{path} has no role {MATCHING_ROLES[t]}")
            if "pagebreak" in types:
                if not (el.get("aria-label") or el.get("title") or "").strip():
                    raise WriterError(f"epub accessibility: a page-break marker in {path} has no label")
                markers.add((path, el.get("id", "")))
    for path, doc in docs.items():
        for nav in doc.iter(f"{x}nav"):
            if nav.get(f"{{{EPUB_NS}}}type") != "page-list":
                continue
            for a in nav.iter(f"{x}a"):
                href, frag = urldefrag(a.get("href", ""))
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(href)))
                if (target, frag) not in markers:
                    raise WriterError(f"epub accessibility: page list entry {a.get('href')} is no page-break marker")
