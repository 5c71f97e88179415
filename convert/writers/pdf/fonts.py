"""Fonts of the PDF writer: loading TrueType faces, and choosing a face for every character.

Every font in the PDF is a TrueType program that reportlab embeds as subsets (ISO 19005-1 6.3.4,
ISO 19005-2/-3 6.2.11.4: every font used for rendering is embedded). No standard-14 font is ever
set: the canvas' initial font is the body face, and every string drawn goes through
:meth:`FontSet.runs`, which names a face for every character.

Face order for a character (``styles/pdf.json`` ``fonts``, :class:`FontSet`) follows the style
class of its block: body text (Ming/Song: AR PL UMing, the regional face for a variant) falls
back to the Ming faces HanaMin A/B before any Hei face; a heading (WenQuanYi Zen Hei) to a Hei
or sans face first. Latin letters and digits are set in a proportional companion face
(Liberation Serif beside the Ming face, Liberation Sans beside the Hei face; W3C clreq §3.2). A
fallback font is parsed only when a character needs it; one that is not installed is skipped.
A character no font has raises :class:`MissingGlyph`. Characters that draw nothing (Unicode's
default ignorables: format controls, variation selectors, tag characters) never come here
(:mod:`convert.writers.pdf.text` keeps them in the text layer only); a variation sequence a face
of the block's style class lists (``cmap`` format 14) is drawn with its glyph
(:meth:`FontSet.variant`).

Parsing a CJK face (reportlab's ``TTFontFile.extractInfo``: names, metrics, the whole cmap,
hmtx and loca) takes 0.1 s per face; a cold process would pay it for every face it uses. The
parsed data is kept in the on-disk cache (:mod:`convert.cache`), keyed by the font file's SHA-256,
the subfont index and the versions of reportlab and Python; a cached face is the same object
state as a parsed one (tested), so the PDF is byte-identical. This module reads the font files
and, through :mod:`convert.cache`, the cache folder; it writes nothing else.
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from convert import cache
from convert.writers.typography import face_order, is_latin

#: Parsed fonts, shared by all documents of the process: ``(file, subfont) -> TTFont``.
_LOADED: dict[tuple[str, int], TTFont] = {}


class MissingGlyph(Exception):
    """No configured font has a glyph for ``char``; ``str(err)`` names it as ``U+XXXX``."""

    def __init__(self, char: str):
        super().__init__(f"U+{ord(char):04X} {char!r}")
        self.char = char


@dataclass(frozen=True)
class FontSpec:
    """One font of ``styles/pdf.json``: reportlab name, file, TTC subfont index, family name,
    style class (``"ming"`` Ming/Song, ``"hei"`` Hei, ``"serif"``, ``"sans"``; the fallback
    order and the choice of a variation sequence's glyph go by it)."""

    name: str
    file: str
    subfont: int = 0
    family: str = ""
    style: str = ""


def _load(spec: FontSpec) -> TTFont:
    """Parse and register *spec* with reportlab (once per process; from the on-disk cache when
    it holds the face); raises ``OSError``/``TTFError``."""
    key = (spec.file, spec.subfont)
    font = _LOADED.get(key)
    if font is None:
        font = _cached(spec)
        _LOADED[key] = font
    if spec.name not in pdfmetrics.getRegisteredFontNames() or pdfmetrics.getFont(spec.name) is not font:
        pdfmetrics.registerFont(font)
    return font


#: State of a parsed face that is not data: the font program's bytes (mapped from the file
#: again), a function, the per-document subsetting state.
_FACE_SKIP = frozenset({"_ttf_data", "_pdfScale"})
_FONT_SKIP = frozenset({"face", "encoding", "state"})
#: Entries of :mod:`convert.cache` holding parsed faces.
CACHE_NAMESPACE = "reportlab-ttf"


def _cache_key(spec: FontSpec) -> str | None:
    import reportlab

    try:
        digest = cache.file_digest(spec.file)
    except OSError:
        return None  # the parser reports the missing file
    return f"{digest}:{spec.subfont}:{cache.library_versions(reportlab)}"


class _Window:
    """Read-only slices of ``data[start:start + length]`` as bytes, without copying the rest:
    what :class:`_MappedFace` gives for the ``glyf`` table, of which subsetting reads only the
    used glyphs (reportlab copies the whole table, 10–20 MB for a CJK face, for every subset)."""

    def __init__(self, data, start: int, length: int):
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index):
        if isinstance(index, slice):
            lo, hi, step = index.indices(self.length)
            if step != 1:
                raise ValueError("only contiguous slices")
            return bytes(self.data[self.start + lo:self.start + max(lo, hi)])
        lo, _hi, _ = slice(index, index + 1).indices(self.length)
        if not 0 <= index < self.length and not -self.length <= index < 0:
            raise IndexError(index)
        return self.data[self.start + lo]


class _MappedFace(TTFontFace):
    """A ``TTFontFace`` restored from the cache: the same attributes as a parsed face (its
    ``glyphToChar``, used only by reportlab's HarfBuzz shaping, rebuilt when first read), the
    font program mapped read-only from the file."""

    @property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802  (reportlab's name)
        table = self.__dict__.get("_glyph_to_char")
        if table is None:
            keys, counts, chars = self.__dict__.pop("_glyph_to_char_packed")
            it = iter(chars)
            table = {}
            for key, n in zip(keys, counts):
                table[key] = [next(it)] if n == 1 else [next(it) for _ in range(n)]
            self.__dict__["_glyph_to_char"] = table
        return table

    @glyphToChar.setter
    def glyphToChar(self, value) -> None:  # noqa: N802
        self.__dict__.pop("_glyph_to_char_packed", None)
        self.__dict__["_glyph_to_char"] = value

    def get_table(self, tag):
        if tag == "glyf":
            return _Window(self._ttf_data, *self.get_table_pos(tag))
        return TTFontFace.get_table(self, tag)


def _int_array(values) -> bytes:
    from array import array

    return array("L", values).tobytes()


def _ints(data: bytes):
    from array import array

    out = array("L")
    out.frombytes(data)
    return out


def snapshot(font: TTFont) -> dict | None:
    """The parsed data of *font* as plain types: ``{"face": {attr: value}, "names": {attr:
    (bytes, str)}, "font": {attr: value}, "cmap": (chars, glyphs), "g2c": (glyphs, counts,
    chars)}`` (the last two as arrays of unsigned 32-bit integers, machine byte order), or
    ``None`` when an attribute has a type the cache cannot hold (the face is then parsed each
    time)."""
    import marshal

    face, names = {}, {}
    for attr, value in font.face.__dict__.items():
        if attr in _FACE_SKIP or attr in ("charToGlyph", "glyphToChar"):
            continue
        if isinstance(value, TTFNameBytes):
            names[attr] = (bytes(value), value.ustr)
        else:
            face[attr] = value
    cmap = font.face.charToGlyph
    g2c = font.face.glyphToChar
    try:
        value = {"face": face, "names": names,
                 "font": {k: v for k, v in font.__dict__.items() if k not in _FONT_SKIP},
                 "cmap": (_int_array(cmap.keys()), _int_array(cmap.values())),
                 "g2c": (_int_array(g2c.keys()), _int_array(len(v) for v in g2c.values()),
                         _int_array(c for v in g2c.values() for c in v))}
        marshal.dumps(value, 4)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return value


def restore(spec: FontSpec, value: dict) -> TTFont:
    """A ``TTFont`` named ``spec.name`` with the state :func:`snapshot` took, its font program
    mapped from ``spec.file`` (read-only; only the pages subsetting touches are read). Raises
    ``OSError`` when the file cannot be opened, ``KeyError``/``TypeError``/``ValueError`` when
    *value* does not have the snapshot's shape."""
    from weakref import WeakKeyDictionary

    face = _MappedFace.__new__(_MappedFace)
    face.__dict__.update(value["face"])
    for attr, (raw, text) in value["names"].items():
        name = TTFNameBytes(text.encode("utf-8"), "utf-8")
        if bytes(name) != raw:
            raise ValueError(f"name {attr} does not round-trip")
        setattr(face, attr, name)
    chars, glyphs = value["cmap"]
    face.charToGlyph = dict(zip(_ints(chars), _ints(glyphs)))
    keys, counts, flat = value["g2c"]
    face.__dict__["_glyph_to_char_packed"] = (_ints(keys), _ints(counts), _ints(flat))
    per_em = face.unitsPerEm
    if per_em == 1000:
        face._pdfScale = lambda x: x
    else:
        factor = 1000 / per_em
        face._pdfScale = lambda x: x * factor
    with open(spec.file, "rb") as f:
        face._ttf_data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    face.filename = spec.file
    font = TTFont.__new__(TTFont)
    font.__dict__.update(value["font"])
    font.fontName = spec.name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    return font


def _cached(spec: FontSpec) -> TTFont:
    """*spec* from the on-disk cache, else parsed (and stored). An entry that is damaged or of
    another shape is ignored and replaced."""
    key = _cache_key(spec) if cache.enabled() else None
    if key is not None:
        value = cache.load(CACHE_NAMESPACE, key)
        if isinstance(value, dict):
            try:
                return restore(spec, value)
            except (KeyError, TypeError, ValueError, AttributeError, UnicodeError):
                pass
    font = TTFont(spec.name, spec.file, subfontIndex=spec.subfont)
    if key is not None:
        value = snapshot(font)
        if value is not None:
            cache.store(CACHE_NAMESPACE, key, value)
    return font


def _covers(font: TTFont, char: str) -> bool:
    """True if *font*'s cmap maps *char* to a real glyph (not ``.notdef``)."""
    return font.face.charToGlyph.get(ord(char), 0) != 0


def _spec(entry: dict) -> FontSpec:
    return FontSpec(**{k: v for k, v in entry.items() if k in FontSpec.__dataclass_fields__})


class FontSet:
    """The faces of one document, and the face of every character.

    ``config`` is the ``fonts`` object of ``styles/pdf.json`` (with the regional entries of
    ``regional_fonts`` merged in): ``{"body": spec, "heading": spec, "latin": {"body": spec,
    "heading": spec}, "fallback": [spec, …], "order": {"body": [...], "heading": [...]},
    "punctuation": "centred"}``, spec ``{"name", "file", "subfont", "family", "style"}``.

    - **Fallback by style class.** A character of a ``body`` (Ming/Song) block falls back to
      the Ming faces (HanaMin A/B) before any Hei face; a ``heading`` character to a Hei (or
      sans) face first. ``order`` lists, per block face, the faces tried in turn: ``"body"``,
      ``"heading"``, ``"latin"`` (the block's Latin companion), a fallback's ``name``, or a
      style class (``"ming"``, ``"hei"``, ``"serif"``, ``"sans"``: every fallback of that class
      not yet listed); :data:`DEFAULT_ORDER` when absent.
    - **Latin companion** (W3C clreq §3.2): Latin letters, digits and ASCII signs
      (:func:`convert.writers.typography.is_latin`) are set in a proportional TrueType face beside
      the CJK one: a serif (Liberation Serif) in body text, a sans (Liberation Sans) in headings.
    - ``punctuation``: ``"centred"`` for the Taiwan and Hong Kong editions, whose ，。、；：！？
      stand in the middle of the character cell (clreq §3.1.3, 教育部《重訂標點符號手冊》);
      :attr:`centred` then holds those marks.

    Raises ``OSError`` when the body or heading font file is missing; a fallback or companion
    that is not installed is skipped.
    """

    #: Punctuation set in the middle of its cell in the ``"centred"`` style (clreq §3.1.3).
    CENTRED = "，。、；：！？"

    def __init__(self, config: dict):
        self.primary = {face: _spec(config[face]) for face in ("body", "heading")}
        latin = config.get("latin", {})
        self.latin = {face: _spec(latin[face]) for face in ("body", "heading") if face in latin}
        self.fallback = [_spec(entry) for entry in config.get("fallback", [])]
        self.centred = self.CENTRED if config.get("punctuation") == "centred" else ""
        self._fonts = {spec.name: _load(spec) for spec in self.primary.values()}
        self._specs = {spec.name: spec for spec in [*self.primary.values(), *self.latin.values(), *self.fallback]}
        self._order = {face: [(entry["name"], latin_only) for entry, latin_only in face_order(config, face)]
                       for face in ("body", "heading")}
        self._cache: dict[tuple[str, str], str] = {}
        self._advances: dict[tuple[str, str], int] = {}
        self._hb: dict[str, object] = {}
        self._variants: dict[tuple[str, str], str] = {}

    def name(self, face: str) -> str:
        """reportlab font name of *face* (``"body"`` or ``"heading"``)."""
        return self.primary[face].name

    def specs(self) -> list[FontSpec]:
        """Every font this set may draw with (primary faces, companions, fallbacks)."""
        return list(self._specs.values())

    def spec(self, font: str) -> FontSpec:
        """The :class:`FontSpec` of the registered font *font* (a font made for a variation
        sequence, :meth:`variant`, gives the spec of the font it was made from)."""
        return self._specs[font.split("~", 1)[0]]

    def _font(self, name: str) -> TTFont | None:
        """The parsed font *name*, loaded when first needed; ``None`` when its file is missing."""
        if name not in self._fonts:
            spec = self._specs[name]
            self._fonts[name] = _load(spec) if os.path.exists(spec.file) else None
        return self._fonts[name]

    def font_for(self, char: str, face: str) -> str:
        """reportlab font name to draw *char* in *face* (``"body"``/``"heading"``), the first of
        the face's order that has it (:class:`FontSet`); raises :class:`MissingGlyph`."""
        key = (char, face)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        chosen = None
        latin = is_latin(char)
        for name, latin_only in self._order[face]:
            if latin_only and not latin:
                continue
            font = self._font(name)
            if font is not None and _covers(font, char):
                chosen = name
                break
        if chosen is None:
            raise MissingGlyph(char)
        self._cache[key] = chosen
        return chosen

    def advance(self, char: str, font: str, size: float) -> float:
        """Advance width (pt) of *char* in the registered font *font* at *size* pt: the hmtx
        width in 1/1000 em, as reportlab's ``stringWidth`` computes it (same arithmetic, so the
        same line breaks), looked up once per character and font."""
        key = (char, font)
        units = self._advances.get(key)
        if units is None:
            face = pdfmetrics.getFont(font).face
            units = self._advances[key] = face.charWidths.get(ord(char), face.defaultWidth)
        return 0.001 * size * units

    def runs(self, text: str, face: str) -> list[tuple[str, str]]:
        """Split *text* into ``[(substring, font name), …]`` of maximal runs drawn in one font.

        A space next to a Latin character takes the Latin companion's font (its space is the
        quarter em clreq §3.2 puts between Han and Latin); any other space takes the font of the
        run it is in (every face has U+0020). Raises :class:`MissingGlyph` for the first
        character no font has."""
        out: list[tuple[str, str]] = []
        for k, ch in enumerate(text):
            fname = None
            if ch == " ":
                nxt = next((c for c in text[k + 1:] if c != " "), "")
                if out and is_latin(out[-1][0][-1]):
                    fname = out[-1][1]
                elif nxt and is_latin(nxt):
                    fname = self.font_for(nxt, face)
                elif out and _covers(pdfmetrics.getFont(out[-1][1]), " "):
                    fname = out[-1][1]
            if fname is None:
                fname = self.font_for(ch, face)
            if out and out[-1][1] == fname:
                out[-1] = (out[-1][0] + ch, fname)
            else:
                out.append((ch, fname))
        return out

    # -- glyph geometry and variation sequences (uharfbuzz, loaded when first needed) ----------
    def _hb_font(self, font: str):
        hb_font = self._hb.get(font)
        if hb_font is None:
            import uharfbuzz as hb

            spec = self.spec(font)
            hb_font = self._hb[font] = hb.Font(hb.Face(hb.Blob.from_file_path(spec.file), spec.subfont))
        return hb_font

    def ink_box(self, char: str, font: str) -> tuple[float, float, float, float] | None:
        """The ink box of *char*'s glyph in *font*: ``(x0, y0, x1, y1)`` in 1/1000 em from the
        glyph origin (y up), or ``None`` for a glyph without ink."""
        hb_font = self._hb_font(font)
        gid = hb_font.get_nominal_glyph(ord(char))
        extents = hb_font.get_glyph_extents(gid) if gid else None
        if not extents or not extents.width:
            return None
        scale = 1000.0 / hb_font.face.upem
        x0, y1 = extents.x_bearing, extents.y_bearing
        return (x0 * scale, (y1 + extents.height) * scale, (x0 + extents.width) * scale, y1 * scale)

    def em_centre(self, font: str) -> float:
        """Height (1/1000 em above the baseline) of the centre of *font*'s ideographic em box:
        the middle of ``OS/2`` sTypoAscender/sTypoDescender (they span one em in CJK faces:
        UMing 900/−124, WenQuanYi Zen Hei 819/−205), else 0.38 em, the usual CJK box."""
        face = pdfmetrics.getFont(font).face
        try:
            import struct

            ascender, descender = struct.unpack(">hh", face.get_table("OS/2")[68:72])
        except (KeyError, struct.error):
            return 380.0
        scale = 1000.0 / face.unitsPerEm
        if ascender - descender != face.unitsPerEm:
            return 380.0
        return (ascender + descender) / 2 * scale

    def variant(self, base: str, selector: str, font: str, face: str) -> str | None:
        """The font to draw the variation sequence *base* + *selector* (an IVS or a standardized
        variation sequence) in, or ``None`` when no face of the block's own style class has the
        sequence (the selector is then ignored visually; the text layer keeps it).

        The faces of *face*'s order that share the style class of *font* (the base character's
        font) are asked in turn (``cmap`` format 14, through HarfBuzz); the first that lists the
        sequence gives its glyph. reportlab reaches glyphs only through a ``cmap``, so the glyph
        is drawn with a font registered for it, ``"<font>~<selector>"``: the same face with
        *base* mapped to the variant glyph (its ``ToUnicode`` still gives *base*)."""
        style = self.spec(font).style
        for name, latin_only in self._order[face]:
            spec = self._specs[name]
            if latin_only or spec.style != style or self._font(name) is None:
                continue
            gid = self._hb_font(name).get_variation_glyph(ord(base), ord(selector))
            if gid:
                return self._register_variant(name, base, selector, gid)
        return None

    def _register_variant(self, name: str, base: str, selector: str, gid: int) -> str:
        """The font ``name~XXXX`` (XXXX the selector's code point) drawing *base* with glyph
        *gid*; registered with reportlab once per document."""
        import copy
        from weakref import WeakKeyDictionary

        derived = f"{name}~{ord(selector):04X}"
        font = self._fonts.get(derived)
        if font is None:
            source = self._font(name)
            face = copy.copy(source.face)
            face.charToGlyph = dict(source.face.charToGlyph)
            face.charWidths = dict(source.face.charWidths)
            face.name = TTFNameBytes(bytes(source.face.name) + f"-VS{ord(selector):X}".encode("ascii"))
            font = copy.copy(source)
            font.fontName = derived
            font.face = face
            font.state = WeakKeyDictionary()
            self._fonts[derived] = font
            self._specs[derived] = self._specs[name]
            pdfmetrics.registerFont(font)
        hb_font = self._hb_font(name)
        font.face.charToGlyph[ord(base)] = gid
        font.face.charWidths[ord(base)] = round(hb_font.get_glyph_h_advance(gid) * 1000.0 / hb_font.face.upem)
        self._variants[(derived, base)] = gid
        self._advances.pop((base, derived), None)
        return derived

    def variant_glyphs(self, font: str) -> dict[str, int]:
        """``{base character: glyph id}`` of the variation sequences drawn with the derived font
        *font* (:meth:`variant`); ``{}`` for any other font."""
        return {base: gid for (name, base), gid in self._variants.items() if name == font}
