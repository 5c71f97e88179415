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
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
    """Parse and register *spec* with reportlab (once per process); raises ``OSError``/``TTFError``."""
    key = (spec.file, spec.subfont)
    font = _LOADED.get(key)
    if font is None:
        font = TTFont(spec.name, spec.file, subfontIndex=spec.subfont)
        _LOADED[key] = font
    if spec.name not in pdfmetrics.getRegisteredFontNames() or pdfmetrics.getFont(spec.name) is not font:
        pdfmetrics.registerFont(font)
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
