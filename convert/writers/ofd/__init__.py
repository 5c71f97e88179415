"""The OFD writer: renders a TEI bulletin to an OFD file (GB/T 33190-2016 《电子文件存储与交换格式
版式文档》), the fixed-layout format of Chinese archives and e-government.

``write(root, opts, path)``. The pages are the PDF writer's pages: the same reportlab layout
(:func:`convert.writers.pdf.draw`, clreq line breaking, widow/orphan and keep-with-next rules,
fonts from ``styles/pdf.json``) draws on a :class:`~convert.writers.ofd.record.RecordingCanvas`,
and the OFD is set from what was drawn (:mod:`convert.writers.ofd.package`), so both formats show
the same lines on the same pages. No second typesetter.

- ``OFD.xml``: ``DocInfo`` with the title (:func:`convert.writers.issue.title`, as every format),
  author (``publisher``), subject, creation date = the issue date, modification date by the rule
  every format shares (:func:`convert.writers.issue.modified`; both the ``SOURCE_DATE_EPOCH``
  time when set; never the clock; the zip entries carry the modification time), keywords (section heads), creator
  ``convert`` and its version, the language as ``CustomData``; ``DocID`` is derived from the TEI.
- ``Document.xml``: ``CommonData`` (A4 page area, ``PublicRes``, ``DocumentRes``), the pages,
  ``Outlines`` (section → article/brief, as the PDF's bookmarks) with ``Goto`` actions, the
  attachment list.
- Fonts: every font drawn with is embedded as a TrueType subset of the glyphs used
  (:mod:`convert.writers.ofd.fonts`).
- Pages: text objects in reading order with ``DeltaX`` per glyph; contents entries carry
  ``CLICK``/``Goto`` actions to their articles; running head and folio in a ``Background`` layer.
- The TEI document (``opts.tei_bytes``) is attached (``Attachments.xml``), as PDF/A-3b embeds it.

Every XML part is validated against the XSDs of GB/T 33190-2016 Annex A (``convert/schema/ofd/``)
before the file is written; a part that fails is a :class:`WriterError` naming it. The same TEI
and options give a byte-identical file. Writes only *path*.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from lxml import etree

import convert
from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import to_bytes
from convert.validators.ofd import validate_parts
from convert.writers.ofd.package import Builder, doc_id, zip_package
from convert.writers.ofd.record import RecordingCanvas


def _zip_time(date: str | None) -> tuple[int, int, int, int, int, int]:
    """The zip entries' DOS time from an ISO 8601 date-time (its local clock time), ≥ 1980."""
    if not date:
        return (1980, 1, 1, 0, 0, 0)
    try:
        t = _dt.datetime.fromisoformat(date)
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    if t.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def build(root: etree._Element, opts: WriterOptions) -> tuple[bytes, dict[str, list[str]]]:
    """The OFD bytes of *root* and the schema verdicts of its XML parts (``{part: [errors]}``).

    Raises :class:`WriterError` as the PDF layout does (unknown element, character no font has,
    missing font file) and when the layout draws something the recorder cannot carry over."""
    from convert.writers import pdf

    try:
        document = pdf.draw(root, opts, RecordingCanvas)
    except WriterError as err:  # the layout's messages name the format: this is the OFD
        message = str(err)
        raise WriterError("ofd: " + message[5:] if message.startswith("pdf: ") else message) from None
    canvas = document.canvas
    pages = canvas.pages()
    fonts = {}
    for spec in document.fonts.specs():
        fonts.setdefault(spec.name, (spec.file, spec.subfont, spec.family))
    for name in {g.font for page in pages for g in page.items if "~" in getattr(g, "font", "")}:
        spec = document.fonts.spec(name)  # a font drawing variation sequences (FontSet.variant)
        fonts[name] = (spec.file, spec.subfont, spec.family, document.fonts.variant_glyphs(name))
    tei = opts.tei_bytes or to_bytes(root)
    stem = Path(opts.source_name).stem if opts.source_name else "bulletin"
    builder = Builder(pages, fonts, canvas.destinations, canvas.outline, document.meta,
                      (f"{stem}.tei.xml", tei), convert.__version__, doc_id(tei))
    parts = builder.parts()
    verdicts = validate_parts(parts)
    return zip_package(parts, _zip_time(document.meta.modified)), verdicts


def write(root: etree._Element, opts: WriterOptions, path: Path) -> None:
    """Render the TEI document *root* to an OFD file at *path* (see the module docstring).

    Raises :class:`WriterError` for a TEI element without handler, a character no font has
    (naming it and where it is), a missing font file, or an XML part that fails its GB/T 33190
    schema (naming the part and the schema's first finding)."""
    data, verdicts = build(root, opts)
    bad = {name: errors for name, errors in verdicts.items() if errors}
    if bad:
        name = sorted(bad)[0]
        raise WriterError(f"ofd: {name} is not valid against the GB/T 33190 schema: {bad[name][0]}"
                          + (f" (and {len(bad) - 1} more parts)" if len(bad) > 1 else ""))
    Path(path).write_bytes(data)
