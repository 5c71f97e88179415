"""Embedded fonts of the OFD writer: each font the layout drew with, as a TrueType subset.

GB/T 33190-2016 §11.1 (``CT_Font``/``FontFile``) lets a document carry its font programs; an
archive file must not depend on the fonts of the machine that opens it, so every font is
embedded, reduced with the fontTools subsetter to the glyphs of the characters drawn in it (plus
``.notdef``), keeping its ``cmap`` so that a reader maps each ``TextCode`` character to its glyph.
Outline bounding boxes are not recomputed (the kept glyphs' boxes do not change), which keeps
the glyph programs as they are in the source font.
Reads the font files named in ``styles/pdf.json``; writes nothing.
"""

from __future__ import annotations

import io

from convert.errors import WriterError
from convert.writers.containers import subset_in_place


def subset_font(path: str, subfont: int, chars: set[str]) -> tuple[bytes, str, str, bool]:
    """:func:`_subset` with the font file closed afterwards, whatever happens (fontTools reads
    its tables lazily from the open file)."""
    with open(path, "rb") as handle:
        return _subset(handle, path, subfont, chars)


def _subset(handle, path: str, subfont: int, chars: set[str]) -> tuple[bytes, str, str, bool]:
    """Subset face *subfont* of the TrueType file (or collection) *path* to *chars*.

    Returns ``(TrueType bytes, font name, family name, serif)``: the PostScript name and the
    family name from the ``name`` table (IDs 6 and 1; ID 4, the full name, when a font has no
    PostScript name), *serif* from the OS/2 panose family (Latin text, serif styles 2–10).
    Deterministic: ``head.modified`` is kept as in the source font. Raises
    :class:`WriterError` when the file is missing or is not a TrueType (``glyf``) font, or when a
    character is not in the subset's ``cmap``.
    """
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(handle, fontNumber=subfont, recalcTimestamp=False, recalcBBoxes=False)
    except Exception as err:  # noqa: BLE001 — fontTools raises many kinds
        raise WriterError(f"ofd: cannot read font {path} (face {subfont}): {err}") from None
    if "glyf" not in font:
        raise WriterError(f"ofd: font {path} (face {subfont}) has no TrueType outlines (glyf)")
    name = font["name"]
    full = str(name.getDebugName(6) or name.getDebugName(4) or "")
    family = str(name.getDebugName(1) or "")
    serif = False
    if "OS/2" in font:
        panose = font["OS/2"].panose
        serif = panose.bFamilyType == 2 and 2 <= panose.bSerifStyle <= 10
    # Bitmaps are of no use to a renderer of outlines; OpenType layout (GSUB/GPOS) neither: an
    # OFD text object places every glyph itself (TextCode, DeltaX), no shaping happens.
    subset_in_place(font, chars, drop=("GSUB", "GPOS", "GDEF", "BASE", "JSTF"), layout=False)
    cmap = font.getBestCmap() or {}
    missing = sorted(c for c in chars if ord(c) not in cmap)
    if missing:
        listed = ", ".join(f"U+{ord(c):04X}" for c in missing[:5])
        raise WriterError(f"ofd: font {path} (face {subfont}) has no glyph for {listed}")
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue(), full, family, serif
