"""What the writers of ZIP-container formats (EPUB, OFD) share: the deterministic ZIP file and the
embedded font subsets. Touches no TEI and writes no file: bytes in, bytes out (font files are read).

- :func:`deterministic_zip`: EPUB 3.3 OCF §4.2 (``mimetype`` first and stored) and
  GB/T 33190-2016 §7.1 (``OFD.xml`` first) containers, the same entries always giving the same
  bytes.
- :func:`subset_font`: a font subset made with HarfBuzz's subsetter (PyPI ``uharfbuzz``), 20–50
  times faster than fontTools' on a CJK face; :func:`remap_cmap` (fontTools) for what it
  cannot do; :func:`font_unicodes`, :func:`font_names`: what a face maps and is called.
"""

from __future__ import annotations

import io
import os
import zipfile
from typing import Iterable


def deterministic_zip(parts: dict[str, bytes], first: str,
                      date_time: tuple[int, int, int, int, int, int], stored: frozenset[str] = frozenset()) -> bytes:
    """A ZIP file of *parts* (entry name → bytes): *first* as the first entry, the others sorted
    by name; every timestamp *date_time* (a zip DOS time, year ≥ 1980), Unix permissions 0644,
    no extra fields; the entries in *stored* stored, the others deflated at level 9. Same parts
    in → same bytes out. Raises ``KeyError`` when *first* is not among *parts*."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in [first] + sorted(n for n in parts if n != first):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
                z.writestr(info, parts[name])
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, parts[name], compresslevel=9)
    return out.getvalue()


#: Tables no reader of an embedded subset uses: embedded bitmaps and FontForge/BDF leftovers.
DROP_TABLES = ("BDF ", "FFTM", "EBDT", "EBLC", "EBSC", "PCLT")
#: OpenType layout tables (shaping): of no use where every glyph is placed by the writer (OFD).
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF")

_BLOBS: dict[str, object] = {}


def _face(path: str, index: int):
    """HarfBuzz face *index* of the font file *path* (the file mapped once per process)."""
    import uharfbuzz as hb

    blob = _BLOBS.get(path)
    if blob is None:
        blob = _BLOBS[path] = hb.Blob.from_file_path(path)
    return hb.Face(blob, index)


def font_unicodes(path: str, index: int = 0) -> set[int]:
    """The code points face *index* of the TrueType/OpenType file (or collection) *path* maps
    to a glyph (its ``cmap``, through HarfBuzz). Raises ``OSError`` when the file is missing."""
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return set(_face(path, index).unicodes)


def font_advance(path: str, index: int, char: str) -> float:
    """The advance of *char* in face *index* of *path*, in em (0.0 when the face lacks it)."""
    import uharfbuzz as hb

    face = _face(path, index)
    font = hb.Font(face)
    gid = font.get_nominal_glyph(ord(char))
    return font.get_glyph_h_advance(gid) / face.upem if gid else 0.0


def font_names(path: str, index: int = 0) -> tuple[str, str, bool]:
    """``(PostScript name, family name, serif)`` of face *index* of *path*: ``name`` IDs 6 and
    1 (ID 4, the full name, when there is no PostScript name), *serif* from the ``OS/2`` panose
    (Latin text, serif styles 2–10)."""
    import uharfbuzz as hb

    face = _face(path, index)
    ps = face.get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or face.get_name(hb.OTNameIdPredefined.FULL_NAME) or ""
    family = face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) or ""
    os2 = face.reference_table("OS/2").data
    serif = len(os2) > 34 and os2[32] == 2 and 2 <= os2[33] <= 10
    return ps, family, serif


def subset_font(path: str, index: int, chars: Iterable[str], *, glyphs: Iterable[int] = (),
                drop: Iterable[str] = (), layout: bool = True, retain_gids: bool = False) -> bytes:
    """A subset of face *index* of the TrueType file (or collection) *path*, as TrueType bytes,
    made with HarfBuzz's subsetter (hb-subset, the one browsers and Google Fonts use): the glyphs
    of *chars* (and the glyph ids *glyphs*), ``.notdef`` with its outline, the ``cmap`` of those
    characters (a ``cmap`` format 14 subtable too when *chars* hold variation selectors), every
    ``name`` record (the licence among them), ``head.modified`` as in the source (same input,
    same bytes). Embedded bitmaps and FontForge/BDF tables are dropped (:data:`DROP_TABLES`), and
    the tables in *drop*; OpenType layout (GSUB/GPOS) is kept with the glyphs its features reach
    when *layout*, dropped otherwise; *retain_gids* keeps every glyph id as in the source.

    Raises ``OSError`` when the file is missing, ``ValueError`` when HarfBuzz cannot subset it."""
    import uharfbuzz as hb

    if not os.path.exists(path):
        raise FileNotFoundError(path)
    inp = hb.SubsetInput()
    inp.unicode_set.update(ord(c) for c in chars)
    if glyphs:
        inp.glyph_set.update(glyphs)
    for ids in (inp.name_id_set, inp.name_lang_id_set):
        ids.clear()
        ids.invert()
    for tag in (*DROP_TABLES, *drop, *(() if layout else LAYOUT_TABLES)):
        inp.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    flags = hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NAME_LEGACY
    if retain_gids:
        flags |= hb.SubsetFlags.RETAIN_GIDS
    inp.flags = flags
    result = hb.subset(_face(path, index), inp)
    if result is None:
        raise ValueError(f"HarfBuzz could not subset {path} (face {index})")
    return result.blob.data


def remap_cmap(data: bytes, remap: dict[str, int]) -> bytes:
    """*data* (TrueType bytes) with each character of *remap* mapped to the glyph id given
    (what hb-subset cannot do: a variation sequence's glyph reached from its base character, for
    a format that has no ``cmap`` format 14 lookup, such as an OFD text object). fontTools
    rewrites the ``cmap`` only; the other tables are kept as they are."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False)
    order = font.getGlyphOrder()
    for table in font["cmap"].tables:
        if table.isUnicode():
            for ch, gid in remap.items():
                if table.format != 4 or ord(ch) <= 0xFFFF:
                    table.cmap[ord(ch)] = order[gid]
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()
