"""The PDF/A writer: renders a TEI bulletin to an A4 PDF/A file (1b, 2b, 3b, 2u; tagged 2a, 3a).

``write(root, opts, path)``: reportlab (platypus) sets the whole ``<text>`` in source order; pikepdf
then records the metadata, makes the file PDF/A (ISO 19005) and validates the bytes it writes
(:func:`pikepdf.pdfa.save`). Page size, margins, fonts, sizes and leading come from
``styles/pdf.json`` (data, not code). The package, one module per job (docutils keeps a larger
writer in its own package the same way):

- :mod:`~convert.writers.pdf.pages`: the TEI walked into flowables, one handler per TEI element,
  and laid out on A4 pages (cover, contents, body; ``/PageLabels`` labels; page breaks);
- :mod:`~convert.writers.pdf.text`: Chinese text setting, line breaking by W3C clreq 3.1.7;
- :mod:`~convert.writers.pdf.fonts`: every glyph in an embedded TrueType subset (ISO 19005-1
  6.3.4, 19005-2 6.2.11.4.1): AR PL UMing CN (body), WenQuanYi Zen Hei (headings, bold), fallbacks;
- :mod:`~convert.writers.pdf.tagging`: the structure tree of a tagged PDF (2a, 3a; PDF/UA-1),
  marked content emitted while drawing, the tree written with pikepdf after layout;
- :mod:`~convert.writers.pdf.pdfa`: metadata, the TEI embedded in PDF/A-3b/-3a, PDF/A made and
  validated with pikepdf; :mod:`convert.validators.pdfa_memo`: glyph verdicts shared in a batch.

This module may touch only the output path given to :func:`write` (through the finishing step).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import XML_LANG
from convert.stopping import import_deferred
from convert.writers.pdf.fonts import FontSet
from convert.writers.pdf.pages import _Document, load_style, page_label  # noqa: F401
from convert.writers.pdf.pdfa import Metadata, _finish
from convert.writers.typography import font_config

#: PDF/A flavours (ISO 19005-1/-2/-3, conformance levels A, B, U); the level A ones are tagged
#: and identified as PDF/UA-1 (:data:`convert.writers.pdf.tagging.TAGGED_FLAVOURS`).
FLAVOURS = ("1b", "2b", "3b", "2a", "3a", "2u")


def _document(root: etree._Element, opts: WriterOptions) -> "_Document":
    """The reportlab document for *root*: the style of ``opts.styles_dir``, its fonts with the
    body face of the document's region (``regional_fonts`` by ``xml:lang``), the metadata."""
    style = load_style(opts.styles_dir)
    lang = root.get(XML_LANG) or "zh-Hans"
    try:
        fonts = FontSet(font_config(style, lang))
    except (OSError, KeyError) as err:
        raise WriterError(f"pdf: cannot load the fonts of styles/pdf.json: {err}") from err
    return _Document(root, style, fonts, opts, Metadata(root))


def write(root: etree._Element, opts: WriterOptions, path: Path) -> None:
    """Render the TEI document *root* to a PDF/A file at *path*.

    ``opts.pdfa`` is the flavour: ``"1b"``, ``"2b"``, ``"3b"`` (ISO 19005-1/-2/-3 level B,
    untagged), ``"2u"`` (19005-2 level U, untagged), ``"2a"``, ``"3a"`` (level A: tagged, the
    structure tree made from the TEI, also PDF/UA-1, ISO 14289-1; see :mod:`.tagging`);
    ``opts.styles_dir`` holds ``pdf.json``; for 3b and 3a ``opts.tei_bytes`` is embedded (the TEI
    is serialised from *root* when empty). The same *root* and options give a byte-identical file.

    Raises :class:`WriterError` for an unknown flavour, a TEI element without handler, a
    character no font has (naming it as ``U+XXXX`` and where it is), a missing font file, or
    output that fails PDF/A validation.
    """
    flavour = (opts.pdfa or "2b").lower()
    if flavour not in FLAVOURS:
        raise WriterError(f"pdf: unknown PDF/A flavour {opts.pdfa!r} (use {', '.join(FLAVOURS)})")
    for module in ("pikepdf", "pikepdf.pdfa"):  # first imported with stop signals deferred (stopping.py)
        import_deferred(module)
    document = _document(root, opts)
    meta = document.meta
    if getattr(opts, "timestamp", None) is not None:
        meta.use_timestamp(opts.timestamp)
    data = document.build()
    _finish(data, meta, opts, root, flavour, Path(path), document.destinations, document.page_labels(),
            tree=document.tree)


def layout(root: etree._Element, opts: WriterOptions) -> dict:
    """Lay *root* out as :func:`write` does, without writing a file; for tests and measurements.

    Returns ``{"destinations": {xml:id: (page, x, y)}, "body_start": physical page (1-based) of
    the body's first page, "labels": [page label of each page], "log": [per drawn text-block part:
    {"page", "block", "kind", "first", "count", "total"}] in drawing order}``. Raises
    :class:`WriterError` as :func:`write` does.
    """
    document = _document(root, opts)
    document.build()
    pages = max([e["page"] for e in document.log] + [1])
    return {"destinations": document.destinations, "body_start": document.body_start,
            "labels": [page_label(n, document.body_start) for n in range(1, pages + 1)], "log": document.log}


def draw(root: etree._Element, opts: WriterOptions, canvasmaker) -> "_Document":
    """Lay *root* out exactly as :func:`write` does, drawing on a canvas of class *canvasmaker*
    (a ``reportlab.pdfgen.canvas.Canvas`` subclass that may record what is drawn: the OFD writer
    sets its pages from it). Returns the built document: ``.canvas`` the canvas, ``.meta`` the
    :class:`Metadata`, ``.fonts`` the :class:`FontSet`, ``.body_start``, ``.destinations``.
    Raises :class:`WriterError` as :func:`write` does."""
    document = _document(root, opts)
    if getattr(opts, "timestamp", None) is not None:
        document.meta.use_timestamp(opts.timestamp)
    document.build(canvasmaker)
    return document
