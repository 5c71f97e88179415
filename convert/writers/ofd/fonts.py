"""Embedded fonts of the OFD writer: each font the layout drew with, as a TrueType subset.

GB/T 33190-2016 §11.1 (``CT_Font``/``FontFile``) lets a document carry its font programs; an
archive file must not depend on the fonts of the machine that opens it, so every font is
embedded, reduced with HarfBuzz's subsetter (:func:`convert.writers.containers.subset_font`) to
the glyphs of the characters drawn in it (plus ``.notdef``), keeping its ``cmap`` so that a
reader maps each ``TextCode`` character to its glyph. OpenType layout tables are dropped: an OFD
text object places every glyph itself (``TextCode``, ``DeltaX``), no shaping happens. A glyph of
a variation sequence (an IVS the PDF layout drew, :meth:`convert.writers.pdf.fonts.FontSet.variant`)
is reached from its base character through the subset's ``cmap`` (fontTools,
:func:`~convert.writers.containers.remap_cmap`), since an OFD reader does no ``cmap`` format 14
lookup. Reads the font files named in ``styles/pdf.json``; writes nothing.
"""

from __future__ import annotations

from convert.errors import WriterError
from convert.writers.containers import LAYOUT_TABLES, font_names, font_unicodes, remap_cmap
from convert.writers.containers import subset_font as _subset


def subset_font(path: str, subfont: int, chars: set[str],
                remap: dict[str, int] | None = None) -> tuple[bytes, str, str, bool]:
    """Subset face *subfont* of the TrueType file (or collection) *path* to *chars*.

    *remap* (``{character: glyph id}``) draws those characters with the glyph given instead of
    the ``cmap``'s (the glyph ids of the subset then stay those of the source font).
    Returns ``(TrueType bytes, font name, family name, serif)``: the PostScript name and the
    family name from the ``name`` table (IDs 6 and 1; ID 4, the full name, when a font has no
    PostScript name), *serif* from the OS/2 panose family (Latin text, serif styles 2–10).
    Deterministic: ``head.modified`` is kept as in the source font. Raises
    :class:`WriterError` when the file is missing or is not a TrueType (``glyf``) font, or when a
    character is not in the font's ``cmap``.
    """
    remap = remap or {}
    try:
        have = font_unicodes(path, subfont)
        ps, family, serif = font_names(path, subfont)
    except Exception as err:  # noqa: BLE001 — a missing file, or not a font HarfBuzz reads
        raise WriterError(f"ofd: cannot read font {path} (face {subfont}): {err}") from None
    missing = sorted(c for c in chars if ord(c) not in have)
    if missing:
        listed = ", ".join(f"U+{ord(c):04X}" for c in missing[:5])
        raise WriterError(f"ofd: font {path} (face {subfont}) has no glyph for {listed}")
    try:
        data = _subset(path, subfont, chars, glyphs=remap.values(),
                       drop=LAYOUT_TABLES, layout=False, retain_gids=bool(remap))
    except ValueError as err:
        raise WriterError(f"ofd: {err}") from None
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise WriterError(f"ofd: font {path} (face {subfont}) has no TrueType outlines (glyf)")
    if remap:
        data = remap_cmap(data, remap)
    return data, ps, family, serif
