"""Character classes the writers set text by: which characters draw no glyph, which a Latin
companion face sets, how a set of characters is written as a CSS ``unicode-range``.

Shared by the PDF and OFD writers (:mod:`convert.writers.pdf.fonts`, :mod:`.pdf.text`) and the
EPUB writer (which fonts it embeds, and for which characters). Pure functions of characters: no
font is read, nothing is touched.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from typing import Iterable

#: Default_Ignorable_Code_Point (Unicode 15.1, DerivedCoreProperties.txt) as inclusive ranges:
#: format and invisible characters (soft hyphen, U+200B–U+200F, bidi controls U+061C,
#: U+202A–U+202E, U+2066–U+2069, word joiner, BOM), the variation selectors and the tag
#: characters. Unicode §5.21: a renderer shows them as nothing when it does not support them.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_IGNORABLE_STARTS = [a for a, _b in _IGNORABLE]


def is_ignorable(ch: str) -> bool:
    """True for a Default_Ignorable_Code_Point (Unicode 15.1 DerivedCoreProperties.txt; The
    Unicode Standard §5.21): it is kept in the text (TEI, txt, the EPUB's XHTML, a PDF's text
    layer) but drawn as nothing: no glyph, no advance, never a .notdef box."""
    cp = ord(ch)
    k = bisect_right(_IGNORABLE_STARTS, cp) - 1
    return k >= 0 and cp <= _IGNORABLE[k][1]


def is_variation_selector(ch: str) -> bool:
    """True for a variation selector (U+FE00–FE0F, U+E0100–E01EF; also the Mongolian free
    variation selectors U+180B–180D, 180F): with the character before it, it selects a glyph
    where a font's ``cmap`` format 14 subtable lists the sequence (ISO/IEC 10646 §16.4, the
    Ideographic Variation Database, UTS #37)."""
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or cp in (0x180B, 0x180C, 0x180D, 0x180F)


def is_latin(ch: str) -> bool:
    """True for a character the Latin companion face sets (a proportional TrueType face beside
    the CJK one, W3C clreq §3.2 "Mixed text composition"): printable ASCII but the space, the
    Latin-1 Supplement's letters, digits and signs, Latin Extended-A/B and the IPA block. Not
    ``·`` (U+00B7, the Chinese middle dot of names), ``×`` ``÷`` (set full width in Chinese
    text), nor anything CJK, the quotes “ ” ‘ ’ or the dashes (General Punctuation), which the
    CJK face sets full width."""
    cp = ord(ch)
    if 0x21 <= cp <= 0x7E:
        return True
    return 0xA1 <= cp <= 0x2AF and cp not in (0xAD, 0xB7, 0xD7, 0xF7)


def is_latin_word(ch: str) -> bool:
    """True for a Latin letter or a digit (or ``%`` ``@`` ``#`` ``&`` ``$``, which read as part of
    the word or number they stand in): the characters clreq §3.2 puts a quarter em apart from
    an adjacent Han character."""
    return is_latin(ch) and (unicodedata.category(ch)[0] in "LN" or ch in "%@#&$")


def is_ideograph(ch: str) -> bool:
    """True for a CJK ideograph or another CJK letter (kana, hangul): Unicode category ``Lo`` in
    the CJK blocks (U+2E80–U+9FFF, U+AC00–U+D7AF, U+F900–U+FAFF, planes 2 and 3)."""
    cp = ord(ch)
    if not (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF):
        return False
    return unicodedata.category(ch) == "Lo"


def unicode_range(code_points: Iterable[int]) -> str:
    """A CSS ``unicode-range`` value (CSS Fonts 4 §4.5) listing *code_points*, consecutive ones
    merged: ``{0x41, 0x42, 0x43, 0x5E74}`` → ``"U+41-43, U+5E74"``. Empty input → ``""``."""
    points = sorted(set(code_points))
    out = []
    k = 0
    while k < len(points):
        start = end = points[k]
        while k + 1 < len(points) and points[k + 1] == end + 1:
            k += 1
            end = points[k]
        out.append(f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}")
        k += 1
    return ", ".join(out)


#: Face order when ``styles/pdf.json`` gives none (``fonts.order``): the block's own face (with
#: its Latin companion first), then faces of its own style class, the other class last.
DEFAULT_ORDER = {
    "body": ("latin", "body", "ming", "serif", "sans", "heading", "*"),
    "heading": ("latin", "heading", "hei", "sans", "body", "ming", "serif", "*"),
}


def font_config(style: dict, lang: str) -> dict:
    """The ``fonts`` object of a page style (``styles/pdf.json``) for a document in *lang*
    (BCP 47): the entries of ``regional_fonts`` for the tag (or its longest listed prefix,
    ``zh-Hant-MO`` → ``zh-Hant``) laid over it, e.g. the Taiwan face of AR PL UMing as the body
    face and ``"punctuation": "centred"`` for ``zh-Hant-TW``. Raises ``KeyError`` when the style
    has no ``fonts``."""
    regional = style.get("regional_fonts", {})
    tag = lang
    while tag and tag not in regional:
        tag = tag.rpartition("-")[0]
    return {**style["fonts"], **(regional.get(tag, {}) if tag else {})}


def face_order(config: dict, face: str) -> list[tuple[dict, bool]]:
    """The fonts a character of a *face* block (``"body"`` or ``"heading"``) is looked up in, in
    turn: ``[(font entry of the config, Latin characters only)]``. *config*: :func:`font_config`;
    its ``order[face]`` lists ``"body"``, ``"heading"``, ``"latin"`` (the block's companion, for
    :func:`is_latin` characters only), a fallback's ``name``, a style class (every fallback of
    that ``style`` not yet listed) or ``"*"`` (every fallback); :data:`DEFAULT_ORDER` when absent.
    Each font comes once."""
    fallback = config.get("fallback", [])
    out: list[tuple[dict, bool]] = []
    seen: set[str] = set()

    def add(entry: dict | None, latin: bool = False) -> None:
        if entry is not None and entry["name"] not in seen:
            seen.add(entry["name"])
            out.append((entry, latin))

    for item in config.get("order", {}).get(face, DEFAULT_ORDER[face]):
        if item in ("body", "heading"):
            add(config[item])
        elif item == "latin":
            add(config.get("latin", {}).get(face), True)
        else:
            for entry in fallback:
                if item in ("*", entry["name"], entry.get("style")):
                    add(entry)
    return out


#: A run of one-ideograph words put together stops at this many characters, so that a heading
#: of such words still has places to break.
MAX_RUN = 4


def break_starts(text: str) -> list[int]:
    """Offsets in *text* (ascending, 0 excluded) where a heading may begin a new line: jieba's
    word boundaries (:func:`convert.segment.tokenize`), less those that would leave a one-ideograph word alone
    at a line's end or start. The segmenter's dictionary splits place and body names into a word
    and a one-character suffix (中心/路/街道, 卫健/委) and cuts pronoun and noun pairs apart
    (我/区), and a break there splits what a reader takes as one word (clreq §3.1.7 keeps such
    units together in headings). So consecutive one-ideograph words stand together (up to
    :data:`MAX_RUN` characters: 我区), and a lone one joins the word before it (中心路, 卫健委,
    2019年) or, at the start, the word after it. Adds or removes no character; linear in
    *text*."""
    from convert.segment import tokenize

    units: list[list[int]] = []  # [start, end, single?]
    for _w, start, end in tokenize(text):
        single = end - start == 1 and (is_ideograph(text[start]) or text[start] == "\u3007")  # 〇 (Nl)
        if single and units and units[-1][2] and units[-1][1] - units[-1][0] < MAX_RUN:
            units[-1][1] = end
            continue
        units.append([start, end, single])
    merged: list[list[int]] = []
    for unit in units:
        lone = unit[2] and unit[1] - unit[0] == 1
        if lone and merged and text[merged[-1][1] - 1].isalnum():  # an ideograph, a letter or a digit
            merged[-1][1] = unit[1]
        elif merged and merged[-1][2] and merged[-1][1] - merged[-1][0] == 1 and len(merged) == 1:
            merged[-1][1], merged[-1][2] = unit[1], unit[2]  # a lone first word joins the next
        else:
            merged.append(list(unit))
    return [u[0] for u in merged[1:]]
