"""EPUB 3 writer: the TEI model → a reflowable EPUB 3.3 publication, built with ebooklib.

Package layout (all under ``EPUB/``)::

    content.opf  nav.xhtml  toc.ncx  cover.xhtml  titlepage.xhtml  contents.xhtml
    cNN-<id>.xhtml (one per section of a monthly, one per article or column of a newspaper)
    back.xhtml  css/epub.css  images/cover.png  [fonts/body.ttf fonts/heading.ttf …]

- Reading order (spine): cover, masthead, printed contents list, ``<body>`` parts, ``<back>``.
  The spine's text is exactly the TEI ``<text>``'s (``sic``/``orig`` chosen, whitespace aside):
  the writer adds no text node to a spine document (see :mod:`.xhtml`).
- Metadata (EPUB 3.3 §5.5): ``dc:identifier`` ``urn:uuid:`` UUIDv5 of the SHA-256 of the
  canonical (C14N) TEI ``<text>`` — same content, same identifier — and the printed registration
  number as a second identifier; ``dc:title``, ``dc:language`` (``/TEI/@xml:lang``),
  ``dc:creator`` (the compiling body, MARC relator ``role``s), ``dc:publisher``, ``dc:subject``
  (section names), ``dc:description`` (the contents), ``dc:date``; ``dcterms:modified``
  (deterministic, never the clock); ``belongs-to-collection`` (``collection-type`` ``series``,
  ``group-position`` = the cumulative issue number) for a numbered issue, as printed in every
  variant (with an ``alternate-script`` refinement in the variant's script); EPUB Accessibility
  1.1 §2 discovery metadata (schema.org ``accessMode`` …) and §3 conformance (``dcterms:
  conformsTo``, ``a11y:certifiedBy``: :func:`.package.check_accessibility`), ``pageBreakSource``.
  The title and the dates follow the rule every format shares (:mod:`convert.writers.issue`);
  each other value comes from one function of :mod:`.catalogue`. The package element carries
  ``xml:lang``.
- Output is byte-identical for identical input: the zip is rewritten with fixed timestamps (the
  issue date), sorted entries and ``mimetype`` first and stored (:mod:`.package`).
- Before returning, the bytes pass :func:`.package.check` (structure, links, well-formedness).

Options read: ``opts.styles_dir`` (``epub.css``; ``pdf.json`` for the faces) and
``opts.embed_fonts`` (default true: subsets of the faces the PDF is set in, the regional AR PL
UMing, WenQuanYi Zen Hei, their Latin companions and HanaMin, each referenced by ``@font-face``
and put first in every font stack; :mod:`.fonts`).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

import convert
from convert.errors import WriterError
from convert.tei import XML_LANG, local, xpath
from convert.writers import issue
from convert.writers.epub import catalogue
from convert.writers.epub import cover as cover_mod
from convert.writers.epub.fonts import IBOOKS_PREFIX, EmbeddedFace, embedded_fonts, font_face_css
from convert.writers.epub.nav import labels, nav_document, ncx_document, toc_entries
from convert.writers.epub.package import check, check_accessibility, package_language, repack
from convert.writers.epub.xhtml import (
    EPUB_TYPE,
    XHTML_NSMAP,
    XhtmlTranslator,
    element_id,
    h,
    render_document,
    serialize,
    split_documents,
    text_of,
)

CSS_HREF = "css/epub.css"
COVER_HREF = "images/cover.png"
#: Identifier scheme of the printed registration number (calibre shows identifiers as scheme:value).
REGISTRATION_SCHEME = "cn-neibu-permit"
#: BCP 47 language tag, the shape RFC 5646 §2.1 allows (language, script, region, variants).
_BCP47_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8}|-\d[A-Za-z0-9]{3})*$")
_WHEN_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: UUIDv5 namespace for identifiers made from TEI content (uuid5(NAMESPACE_URL, this module)).
_UUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://convert.invalid/writers/epub")

#: EPUB Accessibility 1.1 §3.1 conformance statement (``dcterms:conformsTo``).
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
#: Who evaluated it (``a11y:certifiedBy``): the writer's own check, run on every book it writes
#: (:func:`.package.check_accessibility`); Ace by DAISY confirms it in the tests.
CERTIFIED_BY = "convert {version} accessibility self-check"
A11Y_SUMMARY = (
    "Text of a printed bulletin issue, reflowable, with headings for every section and article, "
    "a table of contents, and the printed contents list linked to the articles. The only image "
    "is the cover, which repeats the masthead and has a text alternative.{pages}"
)


@dataclass
class BookMeta:
    """The package metadata, all taken from the TEI header (nothing invented).

    ``title``: :func:`convert.writers.issue.title` (the rule every format shares); ``when``: ISO
    8601 issue date (``2020-02-29`` or ``2020-01``) or ``None``; ``date_text``: the date as printed;
    ``modified``: :func:`.catalogue.modified`; ``creators``, ``subjects``, ``description``,
    ``registration``: :mod:`.catalogue`; ``series``/``position``: :func:`.catalogue.collection`
    (both ``None`` for an unnumbered issue), the series as printed, ``series_alternate`` its form
    in the edition's script when that differs. Values from the header are shown in the edition's
    script, but for identifiers and the series, kept as printed."""

    title: str
    lang: str
    identifier: str
    publisher: str | None
    when: str | None
    modified: _dt.datetime
    series: str | None
    position: str | None
    title_alt: str | None
    edition: str | None
    date_text: str | None
    creators: list = None  # type: ignore[assignment]
    subjects: list = None  # type: ignore[assignment]
    description: str | None = None
    registration: str | None = None
    series_alternate: str | None = None


def _first(node: etree._Element, path: str) -> etree._Element | None:
    found = xpath(node, path)
    return found[0] if found else None


def read_meta(root: etree._Element) -> BookMeta:
    """Collect :class:`BookMeta` from ``<TEI>`` *root* (shape: docs/tei-model.md, "Header").

    Raises :class:`WriterError` when the title, the ``<text>`` or a BCP 47 ``xml:lang`` is missing."""
    if local(root) != "TEI":
        raise WriterError(f"epub: expected a <TEI> root, got <{local(root) or root.tag}>")
    text_el = _first(root, "tei:text")
    if text_el is None:
        raise WriterError("epub: the TEI document has no <text>")
    lang = (root.get(XML_LANG) or "").strip()
    if not _BCP47_RE.match(lang):
        raise WriterError(f"epub: /TEI/@xml:lang {lang!r} is not a BCP 47 language tag")
    title_el = _first(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")
    if title_el is None or not text_of(title_el):
        raise WriterError("epub: teiHeader/fileDesc/titleStmt/title is missing")
    bibl = _first(root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr")

    def get(path: str) -> etree._Element | None:
        """*path* in ``sourceDesc/biblStruct/monogr``, else in its ``imprint``."""
        if bibl is None:
            return None
        found = _first(bibl, path)
        return found if found is not None else _first(bibl, "tei:imprint/" + path)

    publisher = get("tei:publisher")
    date = get("tei:date[not(@type)][@when]")
    if date is None:
        date = get("tei:date[@when]")
    when = date.get("when").strip() if date is not None else None
    m = _WHEN_RE.match(when or "")
    if when and not m:
        raise WriterError(f"epub: sourceDesc/biblStruct/monogr/imprint/date/@when {when!r} is not "
                          "an ISO 8601 date")
    collection = catalogue.collection(root)
    number = get("tei:biblScope[@unit='issue'][@n]")
    c14n = etree.tostring(text_el, method="c14n")
    identifier = "urn:uuid:" + str(uuid.uuid5(_UUID_NS, "sha256:" + hashlib.sha256(c14n).hexdigest()))
    masthead = _first(text_el, "tei:front/tei:titlePage")
    alt = _first(masthead, "tei:docTitle/tei:titlePart[@type='alt']") if masthead is not None else None
    edition = (_first(masthead, "(tei:titlePart[@type='issue'] | tei:docEdition)[1]")
               if masthead is not None else None)
    return BookMeta(
        title=issue.title(root) or text_of(title_el), lang=lang, identifier=identifier,
        publisher=issue.shown(text_of(publisher), root) if publisher is not None else None,
        when=when, modified=catalogue.modified(root),
        series=collection[0] if collection else None, position=collection[1] if collection else None,
        title_alt=text_of(alt) if alt is not None else None,
        edition=(text_of(edition) if edition is not None
                 else issue.shown(text_of(number), root) if number is not None else None),
        date_text=issue.printed_date(root),
        creators=catalogue.creators(root), subjects=catalogue.subjects(root),
        description=catalogue.description(root), registration=catalogue.registration(root),
        series_alternate=catalogue.series_alternate(root) if collection else None,
    )


def _cover_text(root: etree._Element, meta: BookMeta) -> cover_mod.CoverText:
    """What the cover shows, by the rule every format shares (:mod:`convert.writers.issue`): the
    series name leads (the masthead's title, else the body that compiles a monthly), then the
    English title, the issue designation and the date as printed, and the publisher when it is not
    the series name; all from the TEI."""
    series = issue.series(root) or meta.title
    return cover_mod.CoverText(title=series, title_alt=meta.title_alt, edition=issue.designation(root),
                               date=meta.date_text,
                               publisher=meta.publisher if meta.publisher != series else None)


def _cover_document(meta: BookMeta, alt: str) -> bytes:
    """``cover.xhtml``: the cover image alone (``epub:type="cover"``, ``role="doc-cover"``)."""
    html = etree.Element(h("html"), nsmap=XHTML_NSMAP)
    html.set("lang", meta.lang)
    html.set(XML_LANG, meta.lang)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("title")).text = meta.title
    etree.SubElement(head, h("link"), rel="stylesheet", type="text/css", href=CSS_HREF)
    body = etree.SubElement(html, h("body"), {"class": "cover"})
    body.set(EPUB_TYPE, "cover")
    section = etree.SubElement(body, h("section"), {"class": "cover", "id": "cover"})
    section.set(EPUB_TYPE, "cover")
    etree.SubElement(section, h("img"), src=COVER_HREF, alt=alt, role="doc-cover")
    return serialize(html)


def _css(opts, faces: list[EmbeddedFace] | bool, lang: str = "zh-Hans") -> bytes:
    """``epub.css`` from ``opts.styles_dir``; with embedded *faces* (:func:`.fonts.embedded_fonts`),
    their ``@font-face`` rules and the stacks that name them first, after the style sheet's own
    rules (:func:`.fonts.font_face_css`), so that no text depends on a font the reader may lack."""
    path = Path(getattr(opts, "styles_dir", "")) / "epub.css"
    try:
        css = path.read_bytes()
    except OSError as err:
        raise WriterError(f"epub: cannot read the e-book style sheet {path}: {err}") from None
    if not faces:
        return css
    return css + font_face_css(faces, lang).encode()


def build(root: etree._Element, opts) -> bytes:
    """Build the EPUB for TEI *root* and return its bytes (checked, deterministic).

    Raises :class:`WriterError` for an unknown TEI element, missing metadata, a missing font or
    style sheet, or a failed structural check."""
    from ebooklib import epub as eb

    meta = read_meta(root)
    stamp = getattr(opts, "timestamp", None)
    if stamp is not None:  # SOURCE_DATE_EPOCH: the modification time instead of the issue date
        meta.modified = stamp.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    text_el = _first(root, "tei:text")
    docs = split_documents(text_el, meta.title)
    if not docs:
        raise WriterError("epub: <text> has nothing to render")
    targets: dict[str, str] = {}
    for doc in docs:
        for key in sorted(doc.ids):
            targets[key] = f"{doc.name}#{key}"
    translator = XhtmlTranslator(targets, meta.lang)
    embed = bool(getattr(opts, "embed_fonts", True))

    book = eb.EpubBook()
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.lang)
    if meta.registration:
        # calibre reads identifiers as "scheme:value"; the scheme names the Chinese permit for
        # internal continuous publications (连续性内部资料准印证) the number is printed as.
        book.add_metadata("DC", "identifier", f"{REGISTRATION_SCHEME}:{meta.registration}", {"id": "registration"})
    for n, agent in enumerate(meta.creators, 1):
        book.add_metadata("DC", "creator", agent.name, {"id": f"creator{n}"})
        for role in agent.roles:  # EPUB 3.3 §D.3.15: one role refinement per MARC relator code
            book.add_metadata(None, "meta", role, {"refines": f"#creator{n}", "property": "role",
                                                   "scheme": "marc:relators"})
    if meta.publisher:
        book.add_metadata("DC", "publisher", meta.publisher)
    for subject in meta.subjects:
        book.add_metadata("DC", "subject", subject)
    if meta.description:
        book.add_metadata("DC", "description", meta.description)
    if catalogue.publication_date(meta.when):
        book.add_metadata("DC", "date", catalogue.publication_date(meta.when))
    if meta.series:
        # the series as printed in every edition (catalogues match the editions of one issue on
        # it), its form in this edition's script as an alternate-script refinement (EPUB 3.3 §D.3.1)
        attrs = {"property": "belongs-to-collection", "id": "series"}
        if meta.series_alternate:
            attrs[XML_LANG] = issue.SOURCE_LANG
        book.add_metadata(None, "meta", meta.series, attrs)
        book.add_metadata(None, "meta", "series", {"refines": "#series", "property": "collection-type"})
        if meta.position:
            book.add_metadata(None, "meta", meta.position, {"refines": "#series", "property": "group-position"})
        if meta.series_alternate:
            book.add_metadata(None, "meta", meta.series_alternate,
                              {"refines": "#series", "property": "alternate-script", XML_LANG: meta.lang})

    toc = toc_entries(text_el, targets)
    # documents linked from the documents' own directory: everything sits in EPUB/; rendered
    # before the navigation, whose page list links to the page-break markers they hold
    rendered = [render_document(doc, translator, meta.lang, CSS_HREF) for doc in docs]
    pages = translator.page_breaks
    if pages:
        # the page list comes from the printed issue: EPUB 3.3 §D.3.13 "source-of", and the
        # "pageBreakSource" property of W3C "EPUB Accessibility: page source identification"
        source = f"{meta.title} (print)"
        book.add_metadata("DC", "source", source, {"id": "print-source"})
        book.add_metadata(None, "meta", "pagination", {"refines": "#print-source", "property": "source-of"})
        book.add_metadata(None, "meta", source, {"property": "pageBreakSource"})

    # EPUB Accessibility 1.1 §2 "Discovery metadata" (schema.org properties, reserved prefix) and
    # §3 "Conformance reporting" (dcterms:conformsTo, a11y:certifiedBy: the writer's own check,
    # package.check_accessibility, which every book passes before it is written).
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "alternativeText",
                "displayTransformability"] + (["pageNavigation", "pageBreakMarkers"] if pages else [])
    a11y = [("schema:accessMode", "textual"), ("schema:accessMode", "visual"),
            ("schema:accessModeSufficient", "textual")]
    a11y += [("schema:accessibilityFeature", f) for f in features]
    a11y += [("schema:accessibilityHazard", "none"),
             ("schema:accessibilitySummary", A11Y_SUMMARY.format(
                 pages=" Page-break markers and a page list give the pages of the printed issue." if pages else "")),
             ("dcterms:conformsTo", CONFORMS_TO),
             ("a11y:certifiedBy", CERTIFIED_BY.format(version=convert.__version__))]
    for prop, value in a11y:
        book.add_metadata(None, "meta", value, {"property": prop})

    css_item = eb.EpubItem(uid="css", file_name=CSS_HREF, media_type="text/css", content=_css(opts, False, meta.lang))
    book.add_item(css_item)
    cover_text = _cover_text(root, meta)
    book.set_cover(COVER_HREF, cover_mod.cover_png(cover_text), create_page=False)
    spine = []
    cover_doc = eb.EpubItem(uid="cover", file_name="cover.xhtml", media_type="application/xhtml+xml",
                            content=_cover_document(meta, cover_text.alt_text()))
    book.add_item(cover_doc)
    spine.append(cover_doc)
    # OPF 2 <guide> (kept by EPUB 3.3 §5.8 for older reading systems): names cover.xhtml as the
    # cover page. calibre treats the first spine item as the HTML cover only when the guide says
    # so; without it, its conversions print its own cover page from the cover image *and* this
    # page (the cover twice).
    book.guide.append({"type": "cover", "href": "cover.xhtml", "title": labels(meta.lang).get("cover", "Cover")})
    for doc, content in zip(docs, rendered):
        item = eb.EpubItem(uid="d-" + doc.name.rsplit(".", 1)[0], file_name=doc.name,
                           media_type="application/xhtml+xml", content=content)
        book.add_item(item)
        spine.append(item)

    contents = next((d for d in docs if d.kind == "contents"), None)
    first_body = next((d for d in docs if d.kind == "body"), None)
    landmarks = [("cover", "cover.xhtml")]
    if contents is not None:
        landmarks.append(("toc", f"{contents.name}#{element_id(contents.elements[0])}"))
    else:
        landmarks.append(("toc", "nav.xhtml#toc"))
    if first_body is not None:
        landmarks.append(("bodymatter", first_body.name))
    nav = eb.EpubItem(uid="nav", file_name="nav.xhtml", media_type="application/xhtml+xml",
                      content=nav_document(meta.title, meta.lang, CSS_HREF, toc, landmarks, pages))
    nav.properties = ["nav"]
    book.add_item(nav)
    if embed:
        # Every character any XHTML document shows, and those of its headings, from the bytes
        # the reader will get (nav and contents labels included).
        xhtml = [i.content for i in spine[1:]] + [nav.content]
        faces = embedded_fonts(xhtml, meta.lang, getattr(opts, "styles_dir", ""))
        book.add_prefix(*IBOOKS_PREFIX)  # Apple Books sets the book in its own fonts
        book.add_metadata(None, "meta", "true", {"property": "ibooks:specified-fonts"})
        for face in faces:
            book.add_item(eb.EpubItem(uid="font-" + Path(face.href).stem, file_name=face.href,
                                      media_type="font/ttf", content=face.data))
        css_item.content = _css(opts, faces, meta.lang)
    book.add_item(eb.EpubItem(uid="ncx", file_name="toc.ncx", media_type="application/x-dtbncx+xml",
                              content=ncx_document(meta.identifier, meta.title, meta.lang, toc, pages)))
    if contents is None:
        # The toc landmark then points into the navigation document, which must be a spine item
        # for a link to reach it (EPUBCheck RSC-011); it is auxiliary content: linear="no".
        book.spine = spine + [(nav, "no")]
    else:
        book.spine = spine

    buf = io.BytesIO()
    options = {"mtime": meta.modified, "epub2_guide": True, "epub3_landmark": False, "epub3_pages": False,
               "raise_exceptions": True}
    try:
        eb.write_epub(buf, book, options)
    except Exception as err:  # ebooklib raises plain exceptions
        raise WriterError(f"epub: ebooklib could not write the package: {err}") from err
    m = meta.modified
    data = repack(buf.getvalue(), (max(1980, m.year), m.month, m.day, m.hour, m.minute, m.second - m.second % 2),
                  edit={"EPUB/content.opf": lambda opf: package_language(opf, meta.lang)})
    check(data)
    check_accessibility(data)
    return data


def write(root: etree._Element, opts, path: Path) -> None:
    """Write the EPUB 3 rendering of TEI *root* to *path* (the writer signature of
    :mod:`convert.writers`). Raises :class:`WriterError` when the EPUB cannot be made or fails its
    structural check."""
    data = build(root, opts)
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise WriterError(f"epub: cannot write {path}: {err}") from None
