"""Inline content and the line patterns both stages of the reader share.

- Segments (``[(text, bold)]``, milestones among them) into TEI inline content: :func:`inline`
  (bold as ``<hi>``, a stray Traditional character as ``<choice><orig>…<reg>…``), the
  milestones of an old page break (:func:`milestone_elements`, :func:`emit_marks`).
- The patterns of a credit, a jump line, a reprint credit, a numbered sub-heading, a brief-news
  column, and the similarity of two titles (:func:`_similar`): the physical stage uses them to
  decide where a line ends, the logical stage (:mod:`convert.reader.logical.body`) to build
  the body.

Nothing here keeps state between documents but :data:`REGULARISE` (a context variable).
"""

from __future__ import annotations

import difflib
import re
from contextvars import ContextVar
from functools import lru_cache

from lxml import etree

from convert.reader.lines import Line, is_mark
from convert.reader.names import is_signing_unit, looks_like_person
from convert.tei import E

#: A credit in brackets closing an item: ``（记者 X）``, ``（通讯员 X）``, a school paper's student
#: reporter ``（学生记者 X）`` / ``（小记者 X）`` (its 学生记者团, a newspaper's 小记者), a unit's
#: ``（…供稿）``.
BYLINE_RE = re.compile(
    r"[（(]\s*(?:(?:学生|小)?记者|通讯员|特约记者|本报记者|文\s*[/／]|图\s*[/／]|文图|摄影|撰稿|供稿)[^()（）]{0,40}[）)]\s*$"
    r"|[（(][^()（）]{2,40}?(?:供稿|供图)\s*[）)]\s*$"  # a unit's credit: （县疾控中心　县教育局体卫艺股供稿）
    # the publication signs an item its editors wrote, after the last sentence: …交流发言。（本刊）
    r"|(?<=[。！？!?”’])[（(]\s*(?:本刊|本报)\s*[）)]\s*$"
)
#: A reporter line: a paper's 本报记者, a journal's own 本刊记者 (内部资料性出版物 practice), a school's
#: 学生记者 / 小记者 (本报学生记者 too), a 见习记者 or 实习记者, an 通讯员.
#: (``记者手记：…``, ``记者追踪：…``, ``记者调查``: a column's label, a word after 记者 and a colon or
#: none, is no reporter line)
BYLINE_LINE_RE = re.compile(r"^(?:本报|本刊)?(?:学生|小|见习|实习|特约)?(?:记者|通讯员)"
                            r"(?![\u4e00-\u9fff]{2}[：:]|(?:手记|调查|追踪|观察|探访|札记|随笔|体验|视点))\s*\S.{0,30}$")
#: A jump line (转版): ``（下转二版）`` in brackets at a line's end, or printed bare on a line of its
#: own (``下转第二版``: newspaper practice sets the jump as a line by itself under the cut text)
CONTINUATION_RE = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*[）)]\s*$"
                             r"|^\s*(?:下转|上接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*$")
#: A jump line back (``（上接第一版）``) opening a continued story, in brackets, or bare on its own line
CONTINUATION_LEAD_RE = re.compile(r"^\s*[（(]\s*(?:上接|接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*[）)]"
                                  r"|^\s*上接\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*$")
#: A jump line alone on its line, bracketed or bare (``下转第二版``, ``（上接第一版）``): a line of its own
JUMP_LINE_RE = re.compile(r"^\s*[（(]?\s*(?:下转|上接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*[）)]?\s*$")
#: A run-in credit of a unit and a person after the story's last sentence, in brackets and set
#: apart by a space (``…全部入班。（滨江社区　罗丹）``): the closing credit of a newspaper's short
#: item (署名 at the item's end); checked by :func:`unit_credit` (the unit names a body or a place's
#: community, the name reads as a person's)
UNIT_CREDIT_RE = re.compile(
    r"(?<=[。！？!?”’])[（(](?P<unit>[^\s（）()]{2,20}?)[ \u3000]+(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})[）)]\s*$")



#: A writer's name alone in brackets after the item's last full stop (``…再来一次。（谭若溪）``):
#: a journal's or paper's news item signed at its end (署名) by who wrote it; checked by
#: :func:`unit_credit` (the name reads as a person's: a common surname first).
NAME_CREDIT_RE = re.compile(r"(?<=[。！？!?])[（(](?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})[）)]\s*$")


def unit_credit(text: str) -> re.Match | None:
    """The run-in closing credit (:data:`UNIT_CREDIT_RE`, or a name alone: :data:`NAME_CREDIT_RE`)
    at the end of *text*, ``None`` when there
    is none or its unit signs for no one (:func:`convert.reader.names.is_signing_unit`)
    or its name no person's (:func:`convert.reader.names.looks_like_person`)."""
    m = UNIT_CREDIT_RE.search(text)
    if m and looks_like_person(m.group("name")) and is_signing_unit(m.group("unit")):
        return m
    m = NAME_CREDIT_RE.search(text)
    if m and looks_like_person(m.group("name")):
        return m  # a writer's name alone (…。（谭若溪）)
    return None


#: (a table's data source, ``（数据来源：…）``, ``资料来源：…``, is one note with its words before 来源)
SOURCE_RE = re.compile(r"[（(]?\s*(?:摘自|(?:数据|资料)?来源[：:]|转自|选自|原载|稿件来源[：:])[^()（）]{1,40}[）)]?\s*$")
SUBHEAD_RE = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、．])")
BRIEF_RE = re.compile(r"简报|简讯|快讯|短讯|速览|一句话新闻|速递")

MATCH_RATIO = 0.75


def _split_segments(segs: list[tuple[str, bool]], offset: int):
    """Split ``[(text, bold)]`` at character *offset* of their concatenation."""
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    pos = 0
    for s, b in segs:
        if pos + len(s) <= offset:
            left.append((s, b))
        elif pos >= offset:
            right.append((s, b))
        else:
            cut = offset - pos
            left.append((s[:cut], b))
            right.append((s[cut:], b))
        pos += len(s)
    return left, right


def cut_segments(segs: list[tuple[str, bool]], a: int, b: int) -> list[tuple[str, bool]]:
    """The segments of characters *a* to *b* of *segs*' joined text, split where needed. A
    milestone (zero characters) at offset *p* goes with the cut that starts there (``a <= p <
    b``), or with the last cut when it stands at the very end; so cutting a line at consecutive
    offsets keeps every milestone once, in order."""
    total = sum(len(s) for s, _ in segs)
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, bold in segs:
        n = len(s)
        if n == 0:
            if a <= pos < b or (pos == b == total and a < b) or (pos == a == b == total):
                out.append((s, bold))
            continue
        lo, hi = max(pos, a), min(pos + n, b)
        if lo < hi:
            out.append((s[lo - pos : hi - pos], bold))
        pos += n
    return out


def _strip(segs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop empty segments and the outer whitespace of the text (milestones are kept)."""
    segs = [(s, b) for s, b in segs if s or is_mark(s)]
    texts = [k for k, (s, _) in enumerate(segs) if not is_mark(s)]
    if texts:
        first, last = texts[0], texts[-1]
        segs[first] = (segs[first][0].lstrip(), segs[first][1])
        segs[last] = (segs[last][0].rstrip(), segs[last][1])
    return [(s, b) for s, b in segs if s or is_mark(s)]


def lead_marks(segs: list[tuple[str, bool]]) -> tuple[list, list[tuple[str, bool]]]:
    """Split the milestones that open *segs* off: ``(milestones, rest)``."""
    k = 0
    while k < len(segs) and (is_mark(segs[k][0]) or not segs[k][0].strip()):
        k += 1
    marks = [s for s, _ in segs[:k] if is_mark(s)]
    return marks, segs[k:]


def milestone_elements(mark) -> etree._Element:
    """The TEI element of one milestone: ``<fw type="header|footer|pageNum">`` holding the furniture
    line's characters, or ``<pb/>`` (``@n`` when a folio gives the page number). TEI P5 §11.6."""
    if mark.kind == "lb":
        return E.lb()
    if mark.kind == "pb":
        el = E.pb()
        if mark.n is not None:
            el.set("n", mark.n)
        return el
    return inline(E.fw(type=mark.fw_type), _strip(list(mark.segments)))


def trail_marks(segs: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list]:
    """Split the milestones that close *segs* off: ``(rest, milestones)``."""
    k = len(segs)
    while k > 0 and (is_mark(segs[k - 1][0]) or not segs[k - 1][0].strip()):
        k -= 1
    return segs[:k], [s for s, _ in segs[k:] if is_mark(s)]


def emit_marks(parent: etree._Element, marks) -> None:
    """Append the elements of *marks* to *parent* (block level: between divisions)."""
    for mark in marks:
        parent.append(milestone_elements(mark))


#: A brief item's closing credit of a unit alone, after its last sentence: ``…有了去处”。（荦城镇团委）``
#: (a 工作简报's 动态 item signed by the unit that sent it, 署名 at the item's end)
UNIT_ALONE_RE = re.compile(r"(?<=[。！？!?”’])[（(](?P<unit>[^\s（）()]{2,24})[）)]\s*$")


def split_specials(segs: list[tuple[str, bool]], unit_alone: bool = False) -> tuple[list, list, list]:
    """Split a line's segments into ``(leading notes, text, trailing notes)``.

    Notes are ``(kind, segments)`` with kind ``byline``, ``continuation`` or ``source``; trailing
    ones are found right to left (``… (下转二版)``, ``… (记者 雷霄)``), a leading one is a jump line
    like ``(上接一版)``. With *unit_alone* (the text of a brief item), a unit's name alone in
    brackets after the last sentence (:data:`UNIT_ALONE_RE`, a signing unit:
    :func:`convert.reader.names.is_signing_unit`) is the item's closing credit too.
    """
    text = "".join(s for s, _ in segs)
    lead = []
    m = CONTINUATION_LEAD_RE.match(text)
    if m and m.end() < len(text.rstrip()):
        note, segs = _split_segments(segs, m.end())
        lead.append(("continuation", _strip(note)))
        segs = _strip(segs)
        text = "".join(s for s, _ in segs)
    trail = []
    while True:
        for kind, rx in (("byline", BYLINE_RE), ("continuation", CONTINUATION_RE), ("source", SOURCE_RE)):
            m = rx.search(text)
            if m:
                break
        else:
            m, kind = unit_credit(text), "byline"
            if m is None and unit_alone:
                m = UNIT_ALONE_RE.search(text)
                m = m if m and is_signing_unit(m.group("unit")) else None
            if m is None:
                break
        segs, note = _split_segments(segs, m.start())
        trail.insert(0, (kind, _strip(note)))
        segs = _strip(segs)
        text = "".join(s for s, _ in segs)
        if not text:
            break
    return lead, segs, trail


def _append_text(el: etree._Element, s: str) -> None:
    try:
        last = el[-1]  # not len(el), which counts every child (a paragraph of many milestones)
    except IndexError:
        el.text = (el.text or "") + s
    else:
        last.tail = (last.tail or "") + s


def _pieces_from_end(el: etree._Element):
    """The pieces of *el*'s text (``el.itertext()``) in reverse order: its last child's tail
    first, its own text last (comments and processing instructions give none)."""
    for child in reversed(el):
        if child.tail:
            yield child.tail
        if child.tag is not etree.Comment and child.tag is not etree.ProcessingInstruction:
            yield from _pieces_from_end(child)
    if el.text:
        yield el.text


def text_end(el: etree._Element, n: int) -> str:
    """``"".join(el.itertext()).rstrip()[-n:]``, read from the end: time bounded by the pieces
    that hold those characters, not by the length of *el*'s text (a paragraph a line is added to
    read this way for every line would take time quadratic in its lines)."""
    got: list[str] = []
    kept = 0  # characters gathered, the trailing whitespace aside
    for piece in _pieces_from_end(el):
        got.append(piece)
        kept += len(piece.rstrip()) if not kept else len(piece)
        if kept >= n:
            break
    return "".join(reversed(got)).rstrip()[-n:] if n > 0 else ""


def _last_char(el: etree._Element) -> str:
    """The last character of *el*'s text (``"".join(el.itertext())``) that is not whitespace,
    ``""`` when none; read from the end (:func:`text_end`)."""
    return text_end(el, 1)


def _append_regularised(el: etree._Element, s: str) -> None:
    """Append *s* to *el*; a stray Traditional character becomes ``<choice><orig>強</orig>
    <reg>强</reg></choice>`` (TEI P5 §3.5.2): the source form stays, the regular one is added."""
    start = 0
    for i, c in enumerate(s):
        reg = stray_traditional(c)
        if reg:
            if i > start:
                _append_text(el, s[start:i])
            el.append(E.choice(E.orig(c), E.reg(reg)))
            start = i + 1
    if start < len(s):
        _append_text(el, s[start:])


def inline(el: etree._Element, segs: list[tuple[str, bool]]) -> etree._Element:
    """Append text segments to *el*, bold ones as ``<hi rend="bold">``, milestones (old page
    breaks, see :class:`convert.reader.lines.Milestone`) as ``<fw>``/``<pb/>``; returns *el*.
    A run of plain segments (a line joined from many physical lines) is appended as one string:
    appending them one by one copies the growing text each time (time quadratic in the run)."""
    run: list[str] = []
    for s, bold in segs:
        if not bold and not is_mark(s):
            run.append(s)
            continue
        if run:
            _append_regularised(el, "".join(run))
            run = []
        if is_mark(s):
            el.append(milestone_elements(s))
        elif s:
            hi = E.hi(rend="bold")
            _append_regularised(hi, s)
            el.append(hi)
    if run:
        _append_regularised(el, "".join(run))
    return el


#: Characters OpenCC's t2s maps that are also in the Simplified standard (通用规范汉字表, 2013) in
#: some uses: 乾 (乾坤), the surname 於, 蘋 (pín: 白蘋, and names of places), 徵 (zhǐ: 宫商角徵羽),
#: all kept as standard characters there; they are no evidence of a stray Traditional character.
#: (麽 is standard only in 幺麽, and a 什麽 for 什么 is the common slip: it stays flagged.)
_VALID_SIMPLIFIED = set("乾於蘋徵")
_t2s = None
#: Off while reading a text in Traditional script, where no Traditional character is stray.
REGULARISE: ContextVar[bool] = ContextVar("REGULARISE", default=True)


def stray_traditional(c: str) -> str | None:
    """The Simplified form of *c* when *c* is a Traditional-only CJK ideograph in Simplified text
    (OpenCC's character-level ``t2s``), else ``None``."""
    if not ("\u4e00" <= c <= "\u9fff") or c in _VALID_SIMPLIFIED or not REGULARISE.get():
        return None
    return _t2s_char(c)


@lru_cache(maxsize=65536)
def _t2s_char(c: str) -> str | None:
    global _t2s
    if _t2s is None:
        import opencc

        _t2s = opencc.OpenCC("t2s")
    reg = _t2s.convert(c)
    return reg if reg != c else None


#: Characters often doubled on purpose (人人, 天天, 常常 …): a repeat of one of them across a
#: page break is not taken for a slip.
REDUPLICATED = set("人天常渐谢看想试听说走年月日家户个层步步处时事样种条位件项次回遍声点些")


def heading_segments(line: Line) -> list[tuple[str, bool]]:
    """The segments of a heading line: when the whole line is bold, the bold is the heading's
    markup, not emphasis, and is dropped."""
    return [(s, False) for s, _ in line.segments] if line.all_bold else line.segments


#: A bare sub-heading of two balanced clauses: ``惠企政策精准送，咨询诉求及时答``.
BALANCED_RE = re.compile(r"^([^，,。；;！？!?：:、]{3,14})[，,]([^，,。；;！？!?：:、]{3,14})$")


#: A news lead's opening date (``7月10日至12日，…``): running text, no sub-heading.
DATE_OPENING_RE = re.compile(r"^\d{1,2}月\d{1,2}日")


def balanced_subheading(key: str) -> bool:
    """True when *key* is two clauses ``X，Y`` of about the same length (±2 characters), with no
    other punctuation and no sentence end: the shape of a bare sub-heading; not when it opens
    with a date (a news lead's first line, hard-wrapped) or with a jump line (``（上接第1版）``: a
    continued story's running text)."""
    m = BALANCED_RE.match(key)
    return (bool(m) and abs(len(m.group(1)) - len(m.group(2))) <= 2 and not DATE_OPENING_RE.match(key)
            and not CONTINUATION_LEAD_RE.match(key))


def _similar(a: str, b: str) -> float:
    """Similarity of two headings (0…1): 1 for a title printed truncated (one a prefix of the
    other, six characters at least), else difflib's ratio; cheap upper bounds first."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) >= 6 and (a.startswith(b) or b.startswith(a)):
        return 1.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < MATCH_RATIO or sm.quick_ratio() < MATCH_RATIO:
        return 0.0
    return sm.ratio()
