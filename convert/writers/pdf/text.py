"""Chinese text setting for the PDF writer: whitespace, line breaking (clreq), the text flowable.

reportlab's ``Paragraph(wordWrap='CJK')`` does not follow the Chinese prohibition rules: its
splitter (``reportlab.platypus.paragraph.cjkFragSplit``) only keeps one character of a short
Japanese list off the line start (the list lacks ``，；：？！》”’``), never keeps an opening bracket
off the line end, splits numbers and Latin words anywhere, and cannot justify CJK lines (it
justifies by word space). So this module sets text itself:

- :func:`normalise_space` drops the whitespace the extraction left between Chinese and
  digits/Latin (``1 月 30 日`` → ``1月30日``) and keeps one space between Latin words;
- :func:`break_lines` fills lines greedily and moves the break point back ("push out",
  W3C clreq 3.1.7 "Prohibition rules for line start and line end") so that no line starts with
  closing punctuation, no line ends with opening punctuation, ``……``/``——`` and Latin words or
  numbers are not split;
- :func:`break_heading` breaks headings only between words (jieba) and balances their lines;
- :func:`compress_punctuation` takes the blank half out of adjacent full-width punctuation
  (clreq §3.1.6);
- :class:`TextBlock` draws the lines, justified by inter-character spacing (PDF ``Tc``), with
  named destinations, outline entries and link annotations; in a tagged PDF every run of glyphs
  of one content slot is a marked-content sequence with an MCID, and rules and leaders are
  artifacts (:mod:`convert.writers.pdf.tagging`).
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field, replace

from reportlab.platypus import Flowable

from convert.writers.pdf.fonts import FontSet
from convert.writers.pdf.tagging import ARTIFACT, END
from convert.writers.typography import break_starts, is_ideograph, is_ignorable, is_latin_word, is_variation_selector


@dataclass(frozen=True)
class Span:
    """A run of inline text: ``face`` is ``"body"`` or ``"heading"``; ``link`` a destination name;
    ``tag``: the content slot (:class:`convert.writers.pdf.tagging.StructElement`) its marked
    content belongs to in a tagged PDF (``None`` when untagged)."""

    text: str
    face: str = "body"
    link: str | None = None
    where: str = ""
    tag: object = None


#: A hard line break (TEI ``<lb/>``) inside a block's span list.
BREAK = Span("\n", "body")


def is_cjk(ch: str) -> bool:
    """True for Han ideographs, CJK symbols/punctuation, fullwidth forms and the quotes, dashes
    and ellipsis Chinese text uses (U+2018–201D, U+2014, U+2026, U+00B7)."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3FFFF
        or ch in "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
    )


def is_han(ch: str) -> bool:
    """True for CJK ideographs (letters, not punctuation): Unicode category ``Lo`` in CJK blocks."""
    return is_cjk(ch) and unicodedata.category(ch) == "Lo"


def _trailing_word(chars: list, k: int) -> bool:
    """True when a number or Latin word starts at *chars[k]* and nothing but whitespace follows
    it up to the block's end or a hard break: a value set apart from its Chinese label
    (``监督电话 67183172``, ``总第90期 2020-01``), not a number inside a sentence (``我区 2019 年``)."""
    n = len(chars)
    j = k
    if j >= n or chars[j][0] is None or is_cjk(chars[j][0]):
        return False
    while j < n and chars[j][0] is not None and not chars[j][0].isspace() and not is_cjk(chars[j][0]):
        j += 1
    while j < n and chars[j][0] is not None and chars[j][0].isspace():
        j += 1
    return j >= n or chars[j][0] is None


def normalise_space(spans: list[Span], kind: str = "") -> list[Span]:
    """Return *spans* with whitespace decided by its neighbours (docs/tei-model.md: whitespace in
    text nodes is not content).

    A run of whitespace is dropped at the start and end of the block and next to a line break;
    between two non-CJK characters (Latin words, numbers) or two Han ideographs it becomes one
    U+0020, and so between a Han ideograph and a number or Latin word that ends the block or
    line (:func:`_trailing_word`: ``监督电话 67183172``); anywhere else (CJK next to Latin/digits
    inside a sentence, next to CJK punctuation) it is dropped: the layout puts clreq §3.2's
    quarter em between Han and Latin itself (:func:`to_glyphs`).

    In a heading (*kind*, the block's style name, in :data:`HEADING_KINDS`) every run inside
    the text is kept, as one U+3000 when it holds one (an
    ideographic space), else one U+0020: a space the source sets in a title separates its
    phrases (``搭建“绿色通道” 打好“组合拳”``, ``高标准严要求 筑牢安全防线``).
    Empty spans are removed. ``BREAK`` entries are kept.
    """
    heading = kind in HEADING_KINDS
    # Flatten to (char, span index) to see neighbours across span boundaries; None = hard break.
    chars: list[tuple[str | None, int]] = []
    for i, sp in enumerate(spans):
        if sp is BREAK:
            chars.append((None, i))
        else:
            chars.extend((c, i) for c in sp.text)
    keep: list[tuple[str | None, int]] = []
    n = len(chars)
    j = 0
    while j < n:
        c, i = chars[j]
        if c is not None and c.isspace():
            k = j
            while k < n and chars[k][0] is not None and chars[k][0].isspace():
                k += 1
            prev = keep[-1][0] if keep else None
            nxt = chars[k][0] if k < n else None
            if prev is not None and nxt is not None and heading:
                run = [chars[m][0] for m in range(j, k)]
                keep.append(("\u3000" if "\u3000" in run else " ", i))
            elif prev is not None and nxt is not None:
                both_latin = not is_cjk(prev) and not is_cjk(nxt)
                both_han = is_han(prev) and is_han(nxt)
                if both_latin or both_han or (is_han(prev) and _trailing_word(chars, k)):
                    keep.append((" ", i))
            j = k
            continue
        keep.append((c, i))
        j += 1
    out: list[Span] = []
    cur_i = None
    buf: list[str] = []
    for c, i in keep:
        if c is None or i != cur_i:
            if buf:
                out.append(replace(spans[cur_i], text="".join(buf)))
            buf = []
            cur_i = None
        if c is None:
            out.append(BREAK)
            continue
        cur_i = i
        buf.append(c)
    if buf:
        out.append(replace(spans[cur_i], text="".join(buf)))
    return out


@dataclass
class Glyph:
    """One character to set: its font (reportlab name), size (pt), the advance it takes on the
    line (``width``, pt), link, content slot of a tagged PDF (``tag``, from its :class:`Span`).

    ``width`` is the glyph's own advance (``natural``) adjusted by the layout: less ``squeeze``
    (adjacent punctuation), more ``gap`` (clreq §3.2's quarter em before Latin), or a full em
    cell for a narrow CJK mark (a Hei face's quotes); ``dx``/``dy`` place the glyph in that
    cell (pt right/up of the pen). A ``hidden`` glyph (a default-ignorable character: a format
    control, a variation selector) takes no room and is not drawn: the text layer keeps it
    (ActualText, :func:`text_out`)."""

    ch: str
    font: str
    size: float
    width: float
    link: str | None = None
    tag: object = None
    #: pt taken off the glyph's own advance (adjacent punctuation, :func:`compress_punctuation`);
    #: ``width`` is already reduced by it.
    squeeze: float = 0.0
    #: the font's own advance (pt); ``None``: ``width + squeeze`` (no other adjustment)
    natural: float | None = None
    dx: float = 0.0
    dy: float = 0.0
    #: pt after the glyph (clreq §3.2: a quarter em between Han and Latin), included in ``width``;
    #: dropped at a line end
    gap: float = 0.0
    hidden: bool = False

    def own_advance(self) -> float:
        """The advance the PDF text pen moves by when the glyph is shown (pt, before ``Tc``)."""
        return self.natural if self.natural is not None else self.width + self.squeeze


@dataclass
class Line:
    """One set line: glyphs, natural width (pt), whether to justify, x offset of its start (pt)."""

    glyphs: list[Glyph]
    width: float
    justify: bool
    indent: float = 0.0


@dataclass(frozen=True)
class Kinsoku:
    """Prohibition rules (clreq 3.1.7), from ``styles/pdf.json`` ``kinsoku``."""

    not_start: str
    not_end: str
    inseparable: str
    max_push_out: int = 4

    @classmethod
    def from_config(cls, cfg: dict) -> "Kinsoku":
        return cls(cfg["not_at_line_start"], cfg["not_at_line_end"], cfg["inseparable"], int(cfg.get("max_push_out", 4)))


def _wordish(ch: str) -> bool:
    """A character of a Latin word or number (no break inside ``2019``, ``sjqdfzbg@126.com``)."""
    return not is_cjk(ch) and not ch.isspace()


def can_break_before(prev: str, cur: str, rules: Kinsoku) -> bool:
    """True if a line may end after *prev* and the next start with *cur* (clreq 3.1.7). Never
    before a default-ignorable character (a variation selector stays with its base character,
    a format control with what it precedes)."""
    if is_ignorable(cur):
        return False
    if cur.isspace():
        return False  # break after the space instead; it is dropped at the line end
    if prev.isspace():
        return True
    if cur in rules.not_start or prev in rules.not_end:
        return False
    if prev == cur and cur in rules.inseparable:
        return False
    if _wordish(prev) and _wordish(cur):
        return False
    return True


def break_lines(glyphs: list[Glyph], width: float, first_indent: float, rules: Kinsoku) -> list[Line]:
    """Fill lines of *width* pt (the first indented by *first_indent* pt) with *glyphs*.

    ``"\\n"`` glyphs are hard breaks. When a glyph overflows, the line ends at the nearest earlier
    break opportunity (:func:`can_break_before`): within ``rules.max_push_out`` characters for
    CJK text, anywhere on the line for a long Latin word; a line with no opportunity at all is cut
    at the overflow (the only case that can break a rule). Spaces at a line end or start are
    dropped. Every line but a block's last and those ended by a hard break is justified.
    """
    lines: list[Line] = []
    start = 0
    n = len(glyphs)
    indent = first_indent

    def natural(a: int, b: int) -> float:
        return sum(g.width for g in glyphs[a:b])

    def emit(a: int, b: int, justify: bool) -> None:
        nonlocal indent
        e = b
        while e > a and glyphs[e - 1].ch == " ":
            e -= 1
        width = natural(a, e)
        last = next((g for g in reversed(glyphs[a:e]) if not g.hidden), None)
        if last is not None and last.gap:  # clreq §3.2: no Han–Latin space at a line end
            width -= last.gap
        lines.append(Line(glyphs[a:e], width, justify, indent))
        indent = 0.0

    def before(b: int) -> str:
        """The last drawn character before *glyphs[b]* (hidden ones skipped)."""
        k = b - 1
        while k > start and glyphs[k].hidden:
            k -= 1
        return glyphs[k].ch

    while start < n:
        while start < n and glyphs[start].ch == " ":
            start += 1
        if start >= n:
            break
        avail = width - indent
        used = 0.0
        i = start
        brk = None
        while i < n:
            g = glyphs[i]
            if g.ch == "\n":
                emit(start, i, False)
                start = i + 1
                brk = "hard"
                break
            if g.ch != " " and used + g.width - g.gap > avail + 0.01 and i > start:
                # Find the break point: the last opportunity at or before i.
                b = i
                while b > start and not can_break_before(before(b), glyphs[b].ch, rules):
                    b -= 1
                if b == start:
                    b = i  # no opportunity on the whole line: emergency break
                emit(start, b, True)
                start = b
                brk = "soft"
                break
            used += g.width
            i += 1
        if brk is None:
            emit(start, n, False)
            start = n
    return lines


#: Full-width punctuation whose ink sits in the left half of its em box (pause and stop marks as
#: set in Simplified Chinese, closing brackets and quotes) and in the right half (opening ones).
#: ？！：； are left out: many Simplified faces centre them.
PUNCT_CLOSING = "，。、”’）》」』】〕〉"
PUNCT_OPENING = "“‘（《「『【〔〈"


def compress_punctuation(glyphs: list[Glyph], centred: str = "") -> list[Glyph]:
    """Adjust the width of adjacent full-width punctuation (W3C clreq §3.1.6 "Punctuation
    adjustment", consecutive marks; as JLREQ 3.1.4): when a closing or pause/stop mark is
    followed by another closing mark or by an opening mark (``，“`` ``”（`` ``。”``), or an
    opening mark by an opening mark (``（“``), the blank half of the first mark is taken away,
    so the pair takes 1.5 em instead of 2 em: a closing mark loses its right half, an opening
    mark its left half (its ink moves left with it, ``dx``). Only marks set full width (advance
    = the size, as in AR PL UMing, or a Hei face's narrow quotes in their full-width cell) and of
    one size are paired; the marks in *centred* (the Taiwan and Hong Kong style, ink in the
    middle of the cell with blank on both sides) are left whole. Returns *glyphs* with ``width``
    reduced and ``squeeze`` set on the first of each pair."""
    shown = [g for g in glyphs if not g.hidden]
    for a, b in zip(shown, shown[1:]):
        if a.size != b.size or abs(a.width - a.size) > 0.01 or abs(b.width - b.size) > 0.01:
            continue
        if a.ch in centred:
            continue
        if (a.ch in PUNCT_CLOSING and (b.ch in PUNCT_CLOSING or b.ch in PUNCT_OPENING)) or (
                a.ch in PUNCT_OPENING and b.ch in PUNCT_OPENING):
            a.squeeze = a.size / 2
            a.width -= a.squeeze
            if a.ch in PUNCT_OPENING:
                a.dx -= a.squeeze
    return glyphs


#: Quotation marks a CJK face may set proportional (WenQuanYi Zen Hei: “ ” 0.33 em, ‘ ’ 0.22 em,
#: as in Latin text) where Chinese text sets them full width; the opening ones stand at the
#: right of their cell, the closing ones at the left.
NARROW_QUOTES_OPENING = "“‘"
NARROW_QUOTES_CLOSING = "”’"


def _full_width_cells(glyphs: list[Glyph], fonts: FontSet) -> None:
    """Set every CJK quotation mark that its font draws narrower than the em in a full-width
    cell (clreq §3.1: Chinese punctuation takes a full cell), except ’ between two Latin letters
    (an apostrophe). Opening marks are placed at the right of the cell, closing marks at the
    left, as a full-width face draws them."""
    for k, g in enumerate(glyphs):
        if g.hidden or g.ch not in NARROW_QUOTES_OPENING + NARROW_QUOTES_CLOSING or g.width > 0.9 * g.size:
            continue
        if g.ch == "’" and 0 < k < len(glyphs) - 1 and is_latin_word(glyphs[k - 1].ch) and is_latin_word(glyphs[k + 1].ch):
            continue
        own = g.width
        g.width = g.size
        if g.ch in NARROW_QUOTES_OPENING:
            g.dx = g.size - own


def _centre_punctuation(glyphs: list[Glyph], fonts: FontSet) -> None:
    """Place the marks of ``fonts.centred`` (，。、；：！？ in the Taiwan and Hong Kong editions) in
    the middle of their full-width cell (clreq §3.1.3): their ink centred across the cell and in
    the height of the ideographic em box (:meth:`FontSet.em_centre`; ！？ barely move, ，。、；：
    rise from the baseline corner)."""
    for g in glyphs:
        if g.hidden or g.ch not in fonts.centred or abs(g.own_advance() - g.size) > 0.01:
            continue
        box = fonts.ink_box(g.ch, g.font)
        if box is None:
            continue
        x0, y0, x1, y1 = box
        g.dx = (500.0 - (x0 + x1) / 2) * g.size / 1000.0
        g.dy = (fonts.em_centre(g.font) - (y0 + y1) / 2) * g.size / 1000.0


def _latin_spacing(glyphs: list[Glyph]) -> None:
    """A quarter em between a Han character and an adjacent Latin letter or digit (W3C clreq
    §3.2 "Mixed text composition in horizontal writing mode": "…up to one quarter of a Han
    character width"), as ``gap`` on the first of the two. Where the source put a space there
    (kept in a heading), the space is the gap and none is added; none at a line end
    (:func:`break_lines`)."""
    shown = [g for g in glyphs if not g.hidden]
    for a, b in zip(shown, shown[1:]):
        if a.ch == "\n" or b.ch == "\n":
            continue
        if (is_ideograph(a.ch) and is_latin_word(b.ch)) or (is_latin_word(a.ch) and is_ideograph(b.ch)):
            a.gap = max(a.size, b.size) / 4
            a.width += a.gap


#: Block kinds (style names) set as headings: broken at word boundaries and balanced
#: (:func:`break_heading`).
HEADING_KINDS = frozenset({"section_head", "article_head", "brief_head", "subsection_head",
                           "masthead_title", "masthead_lead"})


def word_starts(text: str) -> set[int]:
    """Offsets in *text* where a heading may break: where a word begins, by the jieba segmenter
    (its dictionary, no HMM, so the same text always gives the same words), one-ideograph words
    kept with their neighbours (:func:`convert.writers.typography.break_starts`), plus 0 and ``len(text)``."""
    return {0, len(text), *break_starts(text)}


def break_heading(glyphs: list[Glyph], width: float, rules: Kinsoku) -> list[Line]:
    """Lines of a heading: as few as :func:`break_lines` needs, but broken only between words
    (:func:`word_starts`, and the prohibition rules of :func:`can_break_before`) and balanced,
    so a headline never breaks inside a word ("…项目建 / 设情况") and its lines are of like
    length. Among the breaks that give that number of lines, the one with the least squared
    difference from the mean line width wins, a break at a space or after punctuation (a phrase
    boundary) counting as a gain of two characters' width. Hard breaks (``"\n"``) are kept;
    when no word-boundary breaking fits, the greedy lines are returned. No line is justified."""
    out: list[Line] = []
    seg: list[Glyph] = []
    for g in glyphs + [Glyph("\n", "", 0.0, 0.0)]:
        if g.ch != "\n":
            seg.append(g)
            continue
        out.extend(_balance(seg, width, rules))
        seg = []
    for ln in out:
        ln.justify = False
    return out


def _balance(glyphs: list[Glyph], width: float, rules: Kinsoku) -> list[Line]:
    greedy = break_lines(glyphs, width, 0.0, rules)
    if len(greedy) <= 1:
        return greedy
    text = "".join(g.ch for g in glyphs)
    starts = word_starts(text)
    n = len(glyphs)
    cands = [i for i in range(1, n) if i in starts and can_break_before(glyphs[i - 1].ch, glyphs[i].ch, rules)
             or glyphs[i - 1].ch == " "]
    size = max(g.size for g in glyphs)

    def span(a: int, b: int) -> tuple[int, int, float]:
        while a < b and glyphs[a].ch == " ":
            a += 1
        e = b
        while e > a and glyphs[e - 1].ch == " ":
            e -= 1
        return a, e, sum(g.width for g in glyphs[a:e])

    total = span(0, n)[2]
    for lines in range(len(greedy), len(greedy) + 2):
        mean = total / lines
        points = [0] + cands + [n]
        # best[k][j]: least cost of setting glyphs[:points[j]] in k lines ending at points[j]
        best = [{0: (0.0, None)}] + [{} for _ in range(lines)]
        for k in range(1, lines + 1):
            for j in range(1, len(points)):
                for i, (cost, _prev) in best[k - 1].items():
                    if i >= j:
                        continue
                    a, e, w = span(points[i], points[j])
                    if w > width + 0.01 or a == e:
                        continue
                    c = cost + (w - mean) ** 2
                    if j < len(points) - 1:
                        before = glyphs[points[j] - 1].ch
                        if not (before == " " or before in rules.not_start or before in "，、。；：！？"):
                            c += (2 * size) ** 2
                    if j not in best[k] or c < best[k][j][0]:
                        best[k][j] = (c, i)
        end = len(points) - 1
        if end in best[lines]:
            cuts = []
            j, k = end, lines
            while j:
                cuts.append(points[j])
                j = best[k][j][1]
                k -= 1
            cuts = sorted(cuts)
            out, a = [], 0
            for b in cuts:
                s0, e0, w = span(a, b)
                out.append(Line(glyphs[s0:e0], w, False, 0.0))
                a = b
            return out
    return greedy


def to_glyphs(spans: list[Span], fonts: FontSet, size: float, face_override: str | None = None) -> list[Glyph]:
    """Glyphs of *spans* at *size* pt, each in the font :meth:`FontSet.runs` chooses, set as
    Chinese text is (W3C clreq):

    - default-ignorable characters (:func:`convert.writers.typography.is_ignorable`: format
      controls such as U+200B, U+2066, U+061C, variation selectors, tag characters) are
      ``hidden`` glyphs: no room, nothing drawn, kept in the text layer; a variation selector
      after a character selects its glyph where a face of the block's style class has the
      sequence (:meth:`FontSet.variant`), and is otherwise ignored visually;
    - a narrow CJK quotation mark takes a full-width cell (:func:`_full_width_cells`);
    - in the Taiwan and Hong Kong editions ，。、；：！？ stand in the middle of the cell
      (:func:`_centre_punctuation`, clreq §3.1.3);
    - a quarter em between Han and Latin (:func:`_latin_spacing`, clreq §3.2);
    - adjacent punctuation compressed (:func:`compress_punctuation`, clreq §3.1.6).

    Raises :class:`convert.writers.pdf.fonts.MissingGlyph` (with ``.where`` set to the span's
    ``where``) for a character no font has.
    """
    out: list[Glyph] = []
    for sp in spans:
        if sp is BREAK:
            out.append(Glyph("\n", fonts.name("body"), size, 0.0))
            continue
        face = face_override or sp.face
        text = sp.text
        start = 0
        for k in range(len(text) + 1):
            if k < len(text) and not is_ignorable(text[k]):
                continue
            if k > start:
                try:
                    runs = fonts.runs(text[start:k], face)
                except Exception as err:  # MissingGlyph: add the place
                    err.where = sp.where  # type: ignore[attr-defined]
                    raise
                for run, fname in runs:
                    for ch in run:
                        width = fonts.advance(ch, fname, size)
                        out.append(Glyph(ch, fname, size, width, sp.link, sp.tag, natural=width))
            if k < len(text):
                ch = text[k]
                prev = out[-1] if out and not out[-1].hidden and out[-1].ch != "\n" else None
                if prev is not None and is_variation_selector(ch) and k > 0 and not is_ignorable(text[k - 1]):
                    font = fonts.variant(prev.ch, ch, prev.font, face)
                    if font is not None:
                        prev.font = font
                        prev.width = prev.natural = fonts.advance(prev.ch, font, size)
                out.append(Glyph(ch, prev.font if prev is not None else fonts.name(face), size, 0.0, sp.link,
                                 sp.tag, natural=0.0, hidden=True))
            start = k + 1
    _full_width_cells(out, fonts)
    if fonts.centred:
        _centre_punctuation(out, fonts)
    _latin_spacing(out)
    return compress_punctuation(out, fonts.centred)


@dataclass
class BlockStyle:
    """Resolved style of a block: sizes and lengths in pt, colour as a reportlab Color."""

    face: str
    size: float
    leading: float
    #: ``justify``, ``left``, ``center``, ``right``, or ``block``: lines flush left, the block
    #: centred on the measure by its longest line (verse)
    align: str = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    color: object = None
    rule_below: bool = False
    rule_above: bool = False
    rule_color: object = None


@dataclass
class Anchor:
    """What a block marks: a named destination and an outline entry (title, level)."""

    dest: str | None = None
    outline_title: str | None = None
    outline_level: int = 0


@dataclass
class Tail:
    """Right-hand columns of a contents entry, set on the block's last line.

    ``printed``: the printed page number (source content, ``"12"``); ``target``: destination
    name whose PDF page label is shown in small type after it (navigation added by the writer).

    The label is not known while the contents list is set (the article comes later), so it is
    drawn as a forward-referenced form XObject (ISO 32000-1 8.10): ``forms`` is the document's
    ``{target: form name}`` registry, filled here and defined once the layout is done
    (:func:`define_label_forms`). The column has a fixed width, so the layout never depends on
    the label and one pass suffices.
    """

    printed: list[Span]
    target: str | None
    printed_style: BlockStyle
    pdf_style: BlockStyle
    printed_width: float = 24.0
    pdf_width: float = 22.0
    leader: bool = True
    forms: dict = field(default_factory=dict)
    #: tagged PDF: the content slot of the PDF page label (in a ``Link``), else ``None``
    label_tag: object = None


class TextBlock(Flowable):
    """A block of Chinese text set by :func:`break_lines` and drawn with per-glyph fonts.

    ``spans``: the normalised inline content; ``style``: a :class:`BlockStyle`; ``fonts``: the
    document's :class:`FontSet`; ``anchor``: destination/outline written where the block starts;
    ``tail``: contents-entry page columns; ``record``: a ``{dest: (page, x, y)}`` dict the block
    writes its destination into when drawn; ``kind``: the style name (``"body"``,
    ``"section_head"`` …); ``keep_next``: the block is kept with the first lines of the next one
    (headings; see :class:`KeepWithNext`); ``log``: a list the block appends one entry per drawn
    part to: ``{"page", "block", "kind", "first", "count", "total"}`` (physical page, block
    serial, style name, index of its first line, lines drawn here, lines of the block);
    ``glyphs``: :func:`to_glyphs` of *spans* at the style's size when the caller already has them.

    Widow/orphan control (clreq 3.4 is silent on it; the common book rule): a block is split
    between pages only when it has four lines or more, and then at least two lines stay at the
    page foot and at least two go to the next page top. A shorter block moves whole.
    """

    #: Fewest lines of a split block on either page.
    MIN_LINES = 2
    _serial = 0

    def __init__(self, spans, style: BlockStyle, fonts: FontSet, rules: Kinsoku, *, anchor: Anchor | None = None,
                 tail: Tail | None = None, record: dict | None = None, keep_with_next: bool = False,
                 kind: str = "body", log: list | None = None, _lines: list[Line] | None = None,
                 _first: bool = True, _last: bool = True, _offset: int = 0, _total: int | None = None,
                 _block: int | None = None, glyphs: list[Glyph] | None = None, tag=None):
        super().__init__()
        self.spans = spans
        self.style = style
        self.fonts = fonts
        self.rules = rules
        self.anchor = anchor
        self.tail = tail
        self.record = record
        self.keep_next = keep_with_next
        self.keepWithNext = False  # reportlab's own keep-with-next is replaced by KeepWithNext
        #: a short block (a byline) that must not start a page alone: it goes with this block's
        #: last lines (see :func:`keep_with_previous`)
        self.reserve_next: Flowable | None = None
        self.kind = kind
        self.log = log
        self._lines = _lines
        self._first = _first
        self._last = _last
        self._offset = _offset
        self._total = _total
        if _block is None:
            TextBlock._serial += 1
            _block = TextBlock._serial
        self._block = _block
        self._glyphs = glyphs
        #: tagged PDF: the block's structure element (its glyphs carry their content slots);
        #: when set, rules are drawn as artifacts
        self.tag = tag
        self._wrapped_width = None
        self.spaceBefore = style.space_before if _first else 0
        self.spaceAfter = style.space_after if _last else 0

    # -- layout ---------------------------------------------------------------------------------
    def _text_width(self, avail: float) -> float:
        w = avail - self.style.left_indent
        if self.tail is not None:
            w -= self.tail.printed_width + self.tail.pdf_width + 6
        return w

    def _layout(self, avail: float) -> list[Line]:
        if self._lines is not None:
            return self._lines
        if self._wrapped_width == avail and self._cached is not None:
            return self._cached
        if self._glyphs is None:
            self._glyphs = to_glyphs(self.spans, self.fonts, self.style.size)
        if self.kind in HEADING_KINDS and not self.style.first_indent:
            lines = break_heading(self._glyphs, self._text_width(avail), self.rules)
        else:
            lines = break_lines(self._glyphs, self._text_width(avail), self.style.first_indent, self.rules)
        if not lines:
            lines = [Line([], 0.0, False, 0.0)]
        self._wrapped_width = avail
        self._cached = lines
        return lines

    _cached = None

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        lines = self._layout(availWidth)
        self.height = len(lines) * self.style.leading
        extra = 0.0
        if self.style.rule_below and self._last:
            extra += 4
        if self.style.rule_above and self._first:
            extra += 6
        self.height += extra
        if self.height <= availHeight + 1e-6 < self.height + self._reserve(availWidth):
            # the block fits but the byline after it would start the next page alone: ask the
            # frame to split this block (split() sends its last lines over with the byline)
            return availWidth, self.height + self._reserve(availWidth)
        return availWidth, self.height

    def _reserve(self, availWidth: float) -> float:
        """Height (pt) the block after it needs on the same page (0 when none is reserved)."""
        nxt = self.reserve_next
        if nxt is None:
            return 0.0
        _w, h = nxt.wrap(availWidth, 1e6)
        return h + max(nxt.getSpaceBefore(), self.getSpaceAfter())

    def line_count(self, availWidth: float) -> int:
        """Number of lines of this block (part) at *availWidth* pt."""
        return len(self._layout(availWidth))

    def min_head_height(self, availWidth: float) -> float:
        """Height (pt) the block needs at a page foot: all of it, with the byline it keeps
        (:func:`keep_with_previous`), when it cannot be split (fewer than four lines), else its
        first two lines."""
        lines = self._layout(availWidth)
        n = len(lines) if len(lines) < 2 * self.MIN_LINES else self.MIN_LINES
        extra = 6.0 if self.style.rule_above and self._first else 0.0
        if n == len(lines) and self.style.rule_below and self._last:
            extra += 4.0
        if n == len(lines):  # moved whole: the byline it keeps (reserve_next) goes with it
            extra += self._reserve(availWidth)
        return n * self.style.leading + extra

    def split(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        lead = self.style.leading
        room = availHeight - (6.0 if self.style.rule_above and self._first else 0.0)
        fit = int((room + 1e-6) // lead)
        total = len(lines)
        if fit >= total and self._reserve(availWidth) and total >= 2 * self.MIN_LINES:
            fit = total - self.MIN_LINES  # the last lines go over with the byline
        if fit >= total or total < 2 * self.MIN_LINES:
            return []
        fit = min(fit, total - self.MIN_LINES)
        if fit < self.MIN_LINES:
            return []
        common = dict(record=self.record, kind=self.kind, log=self.log, _block=self._block,
                      _total=self._total or total, tag=self.tag)
        first = TextBlock(self.spans, self.style, self.fonts, self.rules, _lines=lines[:fit], _first=self._first,
                          _last=False, anchor=self.anchor, tail=None, keep_with_next=False,
                          _offset=self._offset, **common)
        rest = TextBlock(self.spans, self.style, self.fonts, self.rules, _lines=lines[fit:], _first=False,
                         _last=self._last, anchor=None, tail=self.tail, keep_with_next=self.keep_next,
                         _offset=self._offset + fit, **common)
        rest.reserve_next = self.reserve_next
        return [first, rest]

    # -- drawing --------------------------------------------------------------------------------
    def draw(self):
        canv = self.canv
        st = self.style
        lines = self._layout(self.width)
        top = self.height
        if st.rule_above and self._first:
            canv.saveState()
            self._artifact(True)
            canv.setStrokeColor(st.rule_color)
            canv.setLineWidth(0.5)
            canv.line(0, top - 1, self.width, top - 1)
            self._artifact(False)
            canv.restoreState()
            top -= 6
        if self.anchor is not None and self._first:
            if self.anchor.dest:
                canv.bookmarkHorizontal(self.anchor.dest, 0, top + st.space_before)
                if self.record is not None:
                    x, y = canv.absolutePosition(0, top + st.space_before)
                    self.record[self.anchor.dest] = (canv.getPageNumber(), round(x, 2), round(y, 2))
            if self.anchor.outline_title:
                canv.addOutlineEntry(self.anchor.outline_title, self.anchor.dest, level=self.anchor.outline_level,
                                     closed=False)
        if self.log is not None and (lines and lines[0].glyphs or len(lines) > 1):
            self.log.append({"page": canv.getPageNumber(), "block": self._block, "kind": self.kind,
                             "first": self._offset, "count": len(lines), "total": self._total or len(lines)})
        text_w = self._text_width(self.width)
        for k, line in enumerate(lines):
            base_y = top - k * st.leading - (st.leading - st.size) / 2 - st.size * 0.86
            x0 = st.left_indent + line.indent
            room = text_w - line.indent
            cs = 0.0
            shown = sum(1 for g in line.glyphs if not g.hidden)
            if st.align == "justify" and line.justify and shown > 1:
                cs = (room - line.width) / (shown - 1)
                if cs > st.size * 0.5 or cs < -st.size * 0.2:
                    cs = 0.0
            elif st.align == "center":
                x0 += (room - line.width) / 2
            elif st.align == "block":
                # verse: the lines flush left among themselves, the block centred on the
                # measure by its longest line (none wider than the measure: then flush left)
                x0 += max(0.0, (text_w - max(ln.width for ln in lines)) / 2)
            elif st.align == "right":
                x0 += room - line.width
            end_x = self._draw_glyphs(line.glyphs, x0, base_y, cs, st.color, st.size)
            if self.tail is not None and k == len(lines) - 1 and self._last:
                self._draw_tail(end_x, base_y)
        if st.rule_below and self._last:
            y = top - len(lines) * st.leading - 2
            canv.saveState()
            self._artifact(True)
            canv.setStrokeColor(st.rule_color)
            canv.setLineWidth(0.6)
            canv.line(0, y, self.width, y)
            self._artifact(False)
            canv.restoreState()

    def _artifact(self, begin: bool) -> None:
        """Open (*begin*) or close an ``/Artifact`` marked-content sequence in a tagged PDF."""
        if self.tag is not None:
            self.canv.addLiteral(ARTIFACT if begin else END)

    def _draw_glyphs(self, glyphs: list[Glyph], x0: float, y: float, cs: float, color, size: float) -> float:
        """Draw *glyphs* from (x0, y) with char spacing *cs*; link runs get link annotations.

        Returns the x where the last glyph ends."""
        canv = self.canv
        if not glyphs:
            return x0
        x, links = text_out(canv, glyphs, x0, y, cs, color, self.style.leading, tagged=self.tag is not None)
        for name, a, b, tag in links:
            if tag is not None:
                tag.tree.link(canv.getPageNumber(), tag)
            canv.linkRect("", name, (a, y - size * 0.25, b, y + size * 0.9), relative=1, thickness=0)
        return x

    def _draw_tail(self, end_x: float, y: float) -> None:
        tail = self.tail
        canv = self.canv
        right = self.width
        pdf_x1 = right
        pr_x1 = right - tail.pdf_width - 2
        ps = tail.printed_style
        glyphs = to_glyphs(tail.printed, self.fonts, ps.size)
        w = sum(g.width for g in glyphs)
        start = pr_x1 - w
        if tail.leader and start - end_x > 12:
            canv.saveState()
            self._artifact(True)
            canv.setStrokeColor(self.style.rule_color)
            canv.setLineWidth(0.8)
            canv.setDash(0.8, 3)
            canv.setLineCap(1)
            canv.line(end_x + 6, y + 1.5, start - 4, y + 1.5)
            self._artifact(False)
            canv.restoreState()
        self._draw_glyphs(glyphs, start, y, 0.0, ps.color, ps.size)
        if tail.target:
            name = tail.forms.setdefault(tail.target, f"PageLabel{len(tail.forms) + 1}")
            qs = tail.pdf_style
            canv.saveState()
            canv.translate(pdf_x1, y)
            label = tail.label_tag
            if label is not None:  # the form's content is the marked content around its Do
                canv.addLiteral(label.tree.begin(canv.getPageNumber(), label))
            canv.doForm(name)
            if label is not None:
                canv.addLiteral(END)
                label.tree.link(canv.getPageNumber(), label)
            canv.restoreState()
            canv.linkRect("", tail.target, (pdf_x1 - tail.pdf_width, y - qs.size * 0.25, pdf_x1, y + qs.size * 0.9),
                          relative=1, thickness=0)


def actual_text(text: str, opening: str = "/Span <<>> BDC") -> str:
    """*opening* (a ``BDC`` operator with a property list) with ``/ActualText`` (ISO 32000-1
    14.9.4) *text* added to its properties, as a UTF-16BE text string with its byte order mark;
    close it with ``EMC``. By default a ``/Span`` of its own."""
    value = f"/ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>"
    head, sep, tail = opening.rpartition(">>")
    if not sep:
        raise ValueError(f"actual_text: {opening!r} has no property list")
    return f"{head.rstrip()} {value}>>{tail}".replace("<< /", "<</")


def _actual_texts(glyphs: list[Glyph]) -> dict[int, str]:
    """``{index of a shown glyph: its /ActualText}`` for the glyphs hidden ones attach to: each
    hidden glyph to the shown glyph before it, those at the start of the line to the first one."""
    out: dict[int, str] = {}
    shown = [k for k, g in enumerate(glyphs) if not g.hidden]
    if not shown:
        return out
    for n, k in enumerate(shown):
        end = shown[n + 1] if n + 1 < len(shown) else len(glyphs)
        text = "".join(g.ch for g in glyphs[(0 if n == 0 else k):end])
        if text != glyphs[k].ch:
            out[k] = text
    return out


def text_out(canv, glyphs: list[Glyph], x0: float, y: float, cs: float, color, leading: float,
             tagged: bool = False) -> tuple[float, list[tuple[str, float, float, object]]]:
    """Draw *glyphs* as one text object from (x0, y) (points, current user space) with char
    spacing *cs*; a new ``Tf`` wherever the font or size changes, a new text origin (``Tm``)
    wherever a glyph does not start where the one before ended (compressed punctuation, a mark
    placed in its cell, the Han–Latin quarter em). When *tagged*, every run of glyphs of one
    content slot (``Glyph.tag``) is a marked-content sequence with its own MCID (ISO 32000-1
    14.7.4; ``BDC``/``EMC`` inside the text object).

    Hidden glyphs (default-ignorable characters) are not shown: each goes into the
    ``/ActualText`` of the glyph before it (the one after it at the start of the line), so text
    extraction and a tagged PDF's reader give the source's characters back; nothing is drawn for
    them. That glyph is a ``/Span`` marked-content sequence of its own; tagged, an MCID sequence
    of its slot that carries the ``/ActualText`` (not a sequence nested in the slot's: poppler's
    structure reader stops at the inner ``EMC``; and ``/Span``, the tag poppler's text layer takes
    an ActualText from; ISO 32000-1 14.7.4.2 does not tie the tag to the structure type). A line
    of hidden glyphs only draws nothing.

    Returns (x where the last glyph ends, [(link destination, x start, x end, content slot of
    its first glyph)] of the runs that carry a link)."""
    tx = canv.beginText(x0, y)
    tx.setCharSpace(cs)
    tx.setFillColor(color)
    cur_font = None
    buf: list[str] = []
    x = x0
    pen = (x0, y)  # where the PDF text pen stands (after the last shown glyph)
    link_start = None
    link_name = None
    link_tag = None
    links = []
    mark = None  # the content slot whose marked content is open
    page = canv.getPageNumber()
    actuals = _actual_texts(glyphs)

    def flush():
        if buf:
            tx.textOut("".join(buf))
            buf.clear()

    for k, g in enumerate(glyphs):
        if g.hidden:
            continue
        actual = actuals.get(k)
        if tagged and (g.tag is not mark or actual is not None):
            flush()
            if mark is not None:
                tx._code.append(END)
            mark = g.tag
            if mark is None:
                raise ValueError("text_out: a glyph without a content slot in a tagged PDF")
            if actual is not None:  # tagged /Span: poppler's text layer takes ActualText from a Span only
                opening = mark.tree.begin(page, mark, actual)
                tx._code.append(actual_text(actual, "/Span " + opening.split(" ", 1)[1]))
            else:
                run = "".join(h.ch for j, h in itertools.takewhile(lambda jh: jh[1].tag is mark and jh[0] not in actuals,
                                                                   enumerate(glyphs[k:], start=k)) if not h.hidden)
                tx._code.append(mark.tree.begin(page, mark, run))
        elif actual is not None:
            flush()
            tx._code.append(actual_text(actual))
        if (g.font, g.size) != cur_font:
            flush()
            tx.setFont(g.font, g.size, leading)
            cur_font = (g.font, g.size)
        if g.link != link_name:
            if link_name is not None:
                links.append((link_name, link_start, x - cs, link_tag))
            link_name, link_start, link_tag = g.link, x, g.tag
        where = (x + g.dx, y + g.dy)
        if abs(where[0] - pen[0]) > 1e-6 or abs(where[1] - pen[1]) > 1e-6:
            flush()
            tx.setTextOrigin(*where)
        buf.append(g.ch)
        pen = (where[0] + g.own_advance() + cs, where[1])
        if actual is not None:
            flush()
            tx._code.append(END)
            mark = None  # the slot's next glyphs open a sequence of their own
        x += g.width + cs
    flush()
    if mark is not None:
        tx._code.append(END)
    if link_name is not None:
        links.append((link_name, link_start, x - cs, link_tag))
    canv.drawText(tx)
    return x - cs, links


def define_label_forms(canv, forms: dict, labels: dict, fonts: FontSet, style: BlockStyle, width: float) -> None:
    """Define the form XObjects :class:`Tail` referenced: for each ``{target: form name}`` of
    *forms*, the page label ``labels[target]`` (nothing when the target was never drawn) set
    right-aligned to the form's origin in *style*. Call after the last page, before
    ``canv.save()``; *width* (pt) is the column width, the form's BBox."""
    for target, name in forms.items():
        canv.beginForm(name, lowerx=-width - style.size, lowery=-style.size, upperx=style.size,
                       uppery=style.size * 1.5)
        label = labels.get(target)
        if label:
            glyphs = to_glyphs([Span(label, "body")], fonts, style.size)
            text_out(canv, glyphs, -sum(g.width for g in glyphs), 0.0, 0.0, style.color, style.leading)
        canv.endForm()


class ColumnHeads(Flowable):
    """The heads of a contents list's two page columns, drawn once above its first row, so a
    reader never takes one number for the other: *printed_label* (``原刊页``, the page of the
    printed issue) right-aligned over the printed page numbers and *pdf_label* (``PDF页``, the
    page label of this file, as its folios print it) over the PDF-page column (:class:`Tail`
    geometry: *printed_width*/*pdf_width* pt from the right edge). *style*: size and colour;
    ``keep_next``: kept with the first row. Height: one line of *style*'s leading. In a tagged
    PDF (``artifact``) the heads are an ``/Artifact``: labels the writer adds for the eye, not
    text of the issue; each contents entry's page numbers are its ``Lbl`` and ``Link``."""

    keep_next = True
    #: tagged PDF: drawn as an ``/Artifact`` marked-content sequence
    artifact = False

    def __init__(self, printed_label: str, pdf_label: str, style: BlockStyle, fonts: FontSet,
                 pdf_width: float = 22.0):
        super().__init__()
        self.labels = (printed_label, pdf_label)
        self.style = style
        self.fonts = fonts
        self.pdf_width = pdf_width

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.style.leading
        return self.width, self.height

    def draw(self):
        st = self.style
        y = self.height - st.size
        if self.artifact:
            self.canv.addLiteral(ARTIFACT)
        for label, right in ((self.labels[0], self.width - self.pdf_width - 2), (self.labels[1], self.width)):
            glyphs = to_glyphs(normalise_space([Span(label, st.face)]), self.fonts, st.size)
            text_out(self.canv, glyphs, right - sum(g.width for g in glyphs), y, 0.0, st.color, st.leading)
        if self.artifact:
            self.canv.addLiteral(END)


class RuleBlock(Flowable):
    """A thin horizontal rule (no text), centred, *width_fraction* of the frame wide, with
    *space* pt above and below, *weight* pt thick."""

    def __init__(self, color=None, space: float = 6.0, width_fraction: float = 1.0, weight: float = 0.8):
        super().__init__()
        self.color = color
        self.space = space
        self.width_fraction = width_fraction
        self.weight = weight
        self._w = 0.0
        #: tagged PDF: drawn as an ``/Artifact`` marked-content sequence
        self.artifact = False

    def wrap(self, availWidth, availHeight):
        self._w = availWidth
        return availWidth, self.space * 2

    def draw(self):
        self.canv.saveState()
        if self.artifact:
            self.canv.addLiteral(ARTIFACT)
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.weight)
        inset = self._w * (1 - self.width_fraction) / 2
        self.canv.line(inset, self.space, self._w - inset, self.space)
        if self.artifact:
            self.canv.addLiteral(END)
        self.canv.restoreState()


class CoverSpace(Flowable):
    """Blank space at the top of the cover page that puts the masthead *blocks* (the flowables
    after it) at *position* of the free height: 0 = top of the frame, 0.5 = centred."""

    def __init__(self, blocks: list, position: float = 0.38):
        super().__init__()
        self.blocks = blocks
        self.position = position

    def wrap(self, availWidth, availHeight):
        used = 0.0
        for k, f in enumerate(self.blocks):
            _w, h = f.wrap(availWidth, availHeight)
            used += h + f.getSpaceAfter() + (f.getSpaceBefore() if k else 0.0)
        self.height = max(0.0, (availHeight - used) * self.position)
        return availWidth, self.height

    def draw(self):
        pass


class KeepWithNext(Flowable):
    """A zero-size conditional page break placed before a run of headings (``keep_next``
    blocks): when the rest of the frame cannot hold the headings and the first lines of the
    block after them (:meth:`TextBlock.min_head_height`), the frame is ended here, so that no
    heading stands alone at a page foot.

    ``blocks``: the headings in order, then the block they belong to (the last entry).
    """

    def __init__(self, blocks: list):
        super().__init__()
        self.blocks = blocks
        self.width = self.height = 0

    _ZEROSIZE = True  # the frame asks it to wrap even when no room is left
    _SPACETRANSFER = True  # it passes the space after the previous block on unchanged

    def needed(self, availWidth: float, prev_after: float = 0.0) -> float:
        """Height (pt) the headings and the next block's first lines take, spacing included;
        *prev_after* is the space after the block before (merged with the first space before,
        as reportlab's frame does)."""
        total = 0.0
        for k, f in enumerate(self.blocks):
            _w, h = f.wrap(availWidth, 1e6)
            if k == len(self.blocks) - 1 and isinstance(f, TextBlock):
                h = f.min_head_height(availWidth)
            total += max(f.getSpaceBefore() - prev_after, 0) + h
            prev_after = f.getSpaceAfter()
            total += prev_after if k < len(self.blocks) - 1 else 0.0
        return total

    def wrap(self, availWidth, availHeight):
        frame = getattr(self, "_frame", None)
        if frame is None or getattr(frame, "_atTop", False):
            return 0, 0
        from reportlab import rl_config

        if availHeight < -rl_config._FUZZ:
            # the block before ran, with its space after, past the frame foot: the frame turns
            # this flowable away and the page ends anyway. A break asked for now would stay with
            # the frame and be taken on the next page, leaving that page blank.
            return 0, 0
        prev = frame._prevASpace if getattr(frame, "_oASpace", False) else 0.0
        if availHeight + 1e-6 < self.needed(availWidth, prev):
            from reportlab.platypus.doctemplate import FrameBreak

            frame.add_generated_content(FrameBreak)
        return 0, 0

    def draw(self):
        pass


def keep_with_previous(story: list[Flowable], kinds: tuple[str, ...] = ("byline",)) -> list[Flowable]:
    """Mark every text block followed by a block of *kinds* (a byline) so that the two are not
    parted by a page break with the byline alone at the top: the block reserves the byline's
    height, and when that is not left it is split so that its last two lines go over with the
    byline (or, shorter than four lines, goes over whole). Returns *story*."""
    for prev, nxt in zip(story, story[1:]):
        if isinstance(prev, TextBlock) and isinstance(nxt, TextBlock) and nxt.kind in kinds:
            prev.reserve_next = nxt
    return story
