"""Fonts of the PDF writer: loading TrueType faces, and choosing a face for every character.

Every font in the PDF is a TrueType program that reportlab embeds as subsets (ISO 19005-1 6.3.4,
ISO 19005-2/-3 6.2.11.4: every font used for rendering is embedded). No standard-14 font is ever
set: the canvas' initial font is the body face, and every string drawn goes through
:meth:`FontSet.runs`, which names a face for every character.

Face order for a character (``styles/pdf.json`` ``fonts``): the block's own face (``body`` =
AR PL UMing CN, ``heading`` = WenQuanYi Zen Hei), then the other of the two, then each
``fallback`` font in turn (HanaMinA/B for rare and supplementary-plane ideographs, DejaVu Sans
for symbols). A fallback font is parsed only when a character needs it; one that is not installed
is skipped. A character no font has raises :class:`MissingGlyph`.

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

#: Parsed fonts, shared by all documents of the process: ``(file, subfont) -> TTFont``.
_LOADED: dict[tuple[str, int], TTFont] = {}


class MissingGlyph(Exception):
    """No configured font has a glyph for ``char``; ``str(err)`` names it as ``U+XXXX``."""

    def __init__(self, char: str):
        super().__init__(f"U+{ord(char):04X} {char!r}")
        self.char = char


@dataclass(frozen=True)
class FontSpec:
    """One font of ``styles/pdf.json``: reportlab name, file, TTC subfont index, family name."""

    name: str
    file: str
    subfont: int = 0
    family: str = ""


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


class FontSet:
    """The faces of one document.

    ``config`` is the ``fonts`` object of ``styles/pdf.json``: ``{"body": spec, "heading": spec,
    "fallback": [spec, …]}`` with spec ``{"name", "file", "subfont", "family"}``.
    Raises ``OSError`` when the body or heading font file is missing.
    """

    def __init__(self, config: dict):
        self.primary = {
            face: FontSpec(**{k: v for k, v in config[face].items() if k in FontSpec.__dataclass_fields__})
            for face in ("body", "heading")
        }
        self.fallback = [
            FontSpec(**{k: v for k, v in spec.items() if k in FontSpec.__dataclass_fields__})
            for spec in config.get("fallback", [])
        ]
        self._fonts = {face: _load(spec) for face, spec in self.primary.items()}
        self._fallback_loaded: list[tuple[str, TTFont]] | None = None
        self._cache: dict[tuple[str, str], str] = {}
        self._advances: dict[tuple[str, str], int] = {}

    def name(self, face: str) -> str:
        """reportlab font name of *face* (``"body"`` or ``"heading"``)."""
        return self.primary[face].name

    def _fallbacks(self) -> list[tuple[str, TTFont]]:
        if self._fallback_loaded is None:
            self._fallback_loaded = [
                (spec.name, _load(spec)) for spec in self.fallback if os.path.exists(spec.file)
            ]
        return self._fallback_loaded

    def font_for(self, char: str, face: str) -> str:
        """reportlab font name to draw *char* in *face*; raises :class:`MissingGlyph`."""
        key = (char, face)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        other = "heading" if face == "body" else "body"
        chosen = None
        for f in (face, other):
            if _covers(self._fonts[f], char):
                chosen = self.primary[f].name
                break
        else:
            for name, font in self._fallbacks():
                if _covers(font, char):
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

        Spaces take the font of the run they are in (every face has U+0020).
        Raises :class:`MissingGlyph` for the first character no font has.
        """
        out: list[tuple[str, str]] = []
        for ch in text:
            if ch == " " and out and _covers(pdfmetrics.getFont(out[-1][1]), " "):
                fname = out[-1][1]
            else:
                fname = self.font_for(ch, face)
            if out and out[-1][1] == fname:
                out[-1] = (out[-1][0] + ch, fname)
            else:
                out.append((ch, fname))
        return out
