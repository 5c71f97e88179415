"""The body: sections, articles, sub-headings, paragraphs, bylines, jump lines, briefs.

Headings are found in three ways, strongest first: the printed contents list (a body line that
matches an entry or a section name), the source's own markup (``#``, a line wholly in ``**…**`` or
``<b>…</b>``), and the line's shape (short, no sentence punctuation, followed by running text).
Markdown levels are not trusted: whether a heading names a section or an article comes from the
contents list, or, without one, from a short heading followed directly by another heading.

A paragraph that stops mid-sentence (see :func:`convert.reader.layout.unfinished`) goes on in the
next line: an old page break cut it, and the two parts become one ``<p>`` with a ``<pb/>`` where
the break was (TEI-CONVENTIONS.md point 5). A heading is never joined to anything.
"""

from __future__ import annotations

import difflib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from convert.reader.layout import Contents, heading_shape, paragraph_shape, unfinished
from convert.reader.lines import Line, is_mark
from convert.reader.names import tag_byline
from convert.tei import E, XML_ID

BYLINE_RE = re.compile(
    r"[（(]\s*(?:记者|通讯员|特约记者|本报记者|文\s*[/／]|图\s*[/／]|文图|摄影|撰稿|供稿)[^()（）]{0,40}[）)]\s*$"
)
BYLINE_LINE_RE = re.compile(r"^(?:本报)?(?:记者|通讯员|特约记者)\s*\S.{0,30}$")
CONTINUATION_RE = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*[）)]\s*$")
CONTINUATION_LEAD_RE = re.compile(r"^\s*[（(]\s*(?:上接|接)\s*(?:第\s*)?[\d一二三四五六七八九十]+\s*版\s*[）)]")
SOURCE_RE = re.compile(r"[（(]?\s*(?:摘自|来源[：:]|转自|选自|原载|稿件来源[：:])[^()（）]{1,40}[）)]?\s*$")
SUBHEAD_RE = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、．])")
BRIEF_RE = re.compile(r"简报|简讯|快讯|短讯|速览|一句话新闻|新闻速递")

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
    """The TEI element of one milestone: ``<fw type="header|pageNum">`` holding the furniture
    line's characters, or ``<pb/>`` (``@n`` when a folio gives the page number). TEI P5 §11.6."""
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


def split_specials(segs: list[tuple[str, bool]]) -> tuple[list, list, list]:
    """Split a line's segments into ``(leading notes, text, trailing notes)``.

    Notes are ``(kind, segments)`` with kind ``byline``, ``continuation`` or ``source``; trailing
    ones are found right to left (``… (下转二版)``, ``… (记者 雷霄)``), a leading one is a jump line
    like ``(上接一版)``.
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


def _last_char(el: etree._Element) -> str:
    """The last character of *el*'s text (``"".join(el.itertext())``) that is not whitespace,
    ``""`` when none; read from the end (joining a long paragraph's text for every line appended
    to it took time quadratic in its lines)."""
    for child in reversed(el):
        tail = (child.tail or "").rstrip()
        if tail:
            return tail[-1]
        if child.tag is not etree.Comment and child.tag is not etree.ProcessingInstruction:
            inner = _last_char(child)
            if inner:
                return inner
    text = (el.text or "").rstrip()
    return text[-1] if text else ""


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
    breaks, see :class:`convert.reader.lines.Milestone`) as ``<fw>``/``<pb/>``; returns *el*."""
    for s, bold in segs:
        if is_mark(s):
            el.append(milestone_elements(s))
            continue
        if not s:
            continue
        if bold:
            hi = E.hi(rend="bold")
            _append_regularised(hi, s)
            el.append(hi)
        else:
            _append_regularised(el, s)
    return el


#: Characters OpenCC's t2s maps that are also in the Simplified standard (通用规范汉字表) in some
#: uses (乾坤, the surname 於), so they are no evidence of a stray Traditional character.
_VALID_SIMPLIFIED = set("乾於")
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


@dataclass
class Heading:
    """A heading decision: ``kind`` (``section``, ``article``, ``subsection``), the contents
    entry it matches (index into ``Contents.entries``), the evidence ``why`` and ``cert``
    (``"medium"`` when the evidence is weak, else ``None``)."""

    kind: str
    entry: int | None = None
    why: str = ""
    cert: str | None = None


#: A bare sub-heading of two balanced clauses: ``惠企政策精准送，咨询诉求及时答``.
BALANCED_RE = re.compile(r"^([^，,。；;！？!?：:、]{3,14})[，,]([^，,。；;！？!?：:、]{3,14})$")


def balanced_subheading(key: str) -> bool:
    """True when *key* is two clauses ``X，Y`` of about the same length (±2 characters), with no
    other punctuation and no sentence end: the shape of a bare sub-heading."""
    m = BALANCED_RE.match(key)
    return bool(m) and abs(len(m.group(1)) - len(m.group(2))) <= 2


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


class BodyBuilder:
    """Turns the body lines into ``<body>``; one instance per document.

    ``contents`` is the printed contents list or ``None``. After :meth:`build`, each contents
    entry's ``target`` holds the ``xml:id`` of the article it names (or ``None``).
    """

    def __init__(self, lines: list[Line], contents: Contents | None, structureless: bool = False):
        self.lines = lines
        self.contents = contents
        self.entries = contents.entries if contents else []
        self.section_keys = contents.section_keys if contents else []
        self.section_ids: dict[int, str] = {}
        self.body = E.body()
        self.section: etree._Element | None = None
        self.section_is_brief = False
        self.article: etree._Element | None = None
        self.sub: etree._Element | None = None
        self.para: etree._Element | None = None
        self.para_open = False
        self.article_closed = False
        self.n_section = 0
        self.n_article = 0
        self.headings_found = 0
        self.doubled = 0
        self.names = 0
        #: lines whose heading decision is weakly supported (``@cert`` set)
        self.weak: list[Line] = []
        #: no heading anywhere: two or more blank lines start a new untitled article
        self.structureless = structureless

    # -- classification -------------------------------------------------------------------
    def _entry_match(self, line: Line) -> int | None:
        if len(line.key) > 60 or any(c in "。；，," for c in line.text):
            return None
        if not (line.marked or heading_shape(line) or len(line.key) <= 50):
            return None
        best, best_i = 0.0, None
        for i, e in enumerate(self.entries):
            r = _similar(line.key, e.key)
            # an entry an earlier heading already took is matched again only exactly
            if e.target is not None and r < 1.0:
                continue
            if r > best:
                best, best_i = r, i
        return best_i if best >= MATCH_RATIO else None

    def _next_is_heading(self, i: int) -> bool:
        if i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1]
        return (nxt.marked or heading_shape(nxt)) and not paragraph_shape(nxt)

    def _balanced_siblings(self, i: int) -> bool:
        """Line *i* has the ``X，Y`` sub-heading shape and another line of that shape stands in
        the same article (between the nearest headings of the contents list or markup)."""
        if not balanced_subheading(self.lines[i].key):
            return False
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= 60:
                other = self.lines[j]
                if other.marked or other.key in self.section_keys or (
                        self.entries and self._entry_match(other) is not None):
                    break
                if balanced_subheading(other.key):
                    return True
                j += step
        return False

    def classify(self, i: int) -> Heading | None:
        """Decide whether line *i* is a heading and of what kind (``None``: running text).

        Evidence, strongest first: a section name or an entry of the printed contents list; the
        source's markup (``#`` whatever punctuation the line holds; a wholly bold line unless it
        is a finished sentence); a bare ``X，Y`` sub-heading with a sibling of the same shape;
        the line's shape (short, no sentence punctuation) with running text after it.
        """
        line = self.lines[i]
        if line.key in self.section_keys:
            return Heading("section", why="a section name of the contents list")
        entry = self._entry_match(line)
        if entry is not None:
            return Heading("article", entry, why=f"matches contents entry {entry + 1}")
        if self.para_open:
            return None  # the previous paragraph goes on here
        if self.article is not None and self._balanced_siblings(i):
            return Heading("subsection", why="two balanced clauses X，Y, with a sibling of that shape")
        marked = len(line.key) <= 60 and (line.level > 0 or (
            line.all_bold and not line.text.rstrip()[-1:] in "。；;"))
        shaped = heading_shape(line) and i + 1 < len(self.lines) and (
            paragraph_shape(self.lines[i + 1]) or self._next_is_heading(i)
        )
        if not (marked or shaped):
            return None
        if self.contents and not marked and not SUBHEAD_RE.match(line.key):
            # with a printed contents list, an unmarked line it does not name is no article heading
            return None
        if BYLINE_LINE_RE.match(line.key) or split_specials(line.segments)[2]:
            return None
        why = "markup (# or bold)" if marked else "short, no sentence punctuation, running text follows"
        cert = None if marked else ((None if line.weak_join else line.cert) or ("medium" if any(c in "！？!?" for c in line.text) else None))
        if cert and cert != line.cert:
            why += "; an exclamation or question mark inside"
        if SUBHEAD_RE.match(line.key) and self.article is not None and len(self.article) > 1:
            return Heading("subsection", why=why + "; numbered like a sub-heading", cert=cert)
        if BRIEF_RE.search(line.key) and len(line.key) <= SECTION_NAME_MAX:
            return Heading("section", why=why + "; names a brief-news column", cert=cert)
        if (not self.contents and len(line.key) <= SECTION_NAME_MAX and self._next_is_heading(i)
                and not self.lines[i + 1].key.startswith("—")):  # a title's ——subtitle is no article
            return Heading("section", why=why + "; short and followed by a heading", cert=cert)
        return Heading("article", why=why, cert=cert)

    # -- building ---------------------------------------------------------------------------
    def _container(self) -> etree._Element:
        return self.section if self.section is not None else self.body

    def _head(self, line: Line, cert: str | None = None) -> etree._Element:
        head = inline(E.head(), heading_segments(line))
        if cert:
            head.set("cert", cert)
            self.weak.append(line)
        return head

    def _new_article(self, head: Line | None, entry: int | None, cert: str | None = None) -> None:
        self.n_article += 1
        kind = "brief" if self.section_is_brief else "article"
        div = E.div(type=kind)
        div.set(XML_ID, f"a{self.n_article}")
        if head is not None:
            # an old page break right before the heading stands between the divisions
            marks, rest = lead_marks(head.segments)
            emit_marks(self._container(), marks)
            head.segments = rest
            div.append(self._head(head, cert))
        self._container().append(div)
        self.article, self.sub, self.para, self.para_open = div, None, None, False
        self.article_closed = False
        if entry is not None and self.entries[entry].target is None:
            self.entries[entry].target = div.get(XML_ID)

    def _new_section(self, head: Line, cert: str | None = None) -> None:
        self.n_section += 1
        div = E.div(type="section")
        div.set(XML_ID, f"s{self.n_section}")
        marks, rest = lead_marks(head.segments)
        emit_marks(self.section if self.section is not None else self.body, marks)
        head.segments = rest
        div.append(self._head(head, cert))
        self.body.append(div)
        self.section, self.article, self.sub, self.para, self.para_open = div, None, None, None, False
        self.section_is_brief = bool(BRIEF_RE.search(head.key))
        if head.key in self.section_keys:
            self.section_ids[self.section_keys.index(head.key)] = div.get(XML_ID)

    def _block_parent(self, paragraph: bool = True) -> etree._Element:
        """The div a new block goes into; a new untitled article (or brief) when the current one
        is closed (by a byline or jump line) or, in a brief-news column, for each new paragraph."""
        if self.article is None or (paragraph and self.article_closed):
            self._new_article(None, None)
        elif paragraph and self.section_is_brief and any(c.tag.endswith("}p") for c in self.article):
            self._new_article(None, None)
        return self.sub if self.sub is not None else self.article

    def _note(self, kind: str, segs) -> None:
        parent = self._block_parent(paragraph=False)
        if kind == "byline" and self.sub is not None and self.para is not None:
            # a credit after the last sub-heading's text is the whole article's (TEI divBottom)
            parent, self.sub = self.article, None
        el = E.byline() if kind == "byline" else E.note(type=kind)
        parent.append(inline(el, segs))
        if kind == "byline":
            self.names += tag_byline(el)
        self.para, self.para_open = None, False
        # a credit or jump line after text ends the article; one right under the heading does not
        self.article_closed = any(c.tag.endswith(("}p", "}div")) for c in self.article)

    def _text_line(self, line: Line) -> None:
        if not self.para_open and BYLINE_LINE_RE.match(line.key) and len(line.key) <= 20 and not paragraph_shape(line):
            line.note("byline", "a reporter line (记者 …)")
            self._note("byline", line.segments)
            return
        if self.structureless and line.blanks_before >= 2 and not self.para_open and self.article is not None:
            self.article_closed = True
        lead, segs, trail = split_specials(line.segments)
        for kind, note in lead:
            self._note(kind, note)
        if segs:
            if self.para_open and self.para is not None:
                has_pb = any(is_mark(s) and s.kind == "pb" for s, _ in segs)
                if line.blank_before and not has_pb:
                    self.para.append(E.pb())
                    segs = self._doubled_at_break(segs)
                inline(self.para, segs)
                self._weak_paragraph(line)
                line.note("paragraph (continued)", "the paragraph above stopped mid-sentence: joined"
                          + (" across an old page break" if line.blank_before or has_pb else ""))
            else:
                parent = self._block_parent()
                # a page that broke between paragraphs: the furniture stands between them
                marks, segs = lead_marks(segs)
                emit_marks(parent, marks)
                if segs:
                    self.para = inline(E.p(), segs)
                    parent.append(self.para)
                    self._weak_paragraph(line)
                else:  # the line was only a note after the page break
                    self.para = None
                if not line.role or line.role.startswith("furniture"):
                    line.note("paragraph", "running text")
            self.para_open = self.para is not None and unfinished("".join(s for s, _ in segs)) and not trail
        for kind, note in trail:
            self._note(kind, note)

    def _weak_paragraph(self, line: Line) -> None:
        """A paragraph holding a line whose hard-wrapped parts were joined on weak evidence gets
        ``@cert`` (and the line goes to the warnings)."""
        if line.weak_join and line.cert and self.para is not None and not self.para.get("cert"):
            self.para.set("cert", line.cert)
            self.weak.append(line)

    def _doubled_at_break(self, segs):
        """Mark a character printed twice across a page break (防控 | 控工作) as
        ``<surplus reason="repeated">控</surplus>`` (TEI P5 §12.3.3.1: source text the editor
        believes superfluous; the character stays); returns the segments still to append."""
        first = segs[0][0]
        if is_mark(first) or not first:
            return segs
        c = first[0]
        if _last_char(self.para) != c or not ("\u4e00" <= c <= "\u9fff") or c in REDUPLICATED:
            return segs
        self.para.append(E.surplus(c, reason="repeated"))
        self.doubled += 1
        return [(first[1:], segs[0][1])] + segs[1:]

    def _title_only(self) -> bool:
        """The current article has a heading and nothing else yet."""
        return (self.article is not None and len(self.article) == 1 and self.sub is None
                and self.article[0].tag.endswith("}head") and not self.article_closed)

    def build(self) -> etree._Element:
        """Build and return ``<body>`` (it holds at least one ``<div>``)."""
        for i, line in enumerate(self.lines):
            h = self.classify(i)
            if h is None:
                self._text_line(line)
                continue
            self.headings_found += 1
            self.para, self.para_open = None, False
            line.note(f"heading ({h.kind})", h.why, h.cert)
            if h.kind == "section":
                self._new_section(line, h.cert)
            elif h.kind == "subsection":
                self.sub = E.div(type="subsection")
                self.sub.append(self._head(line, h.cert))
                self.article.append(self.sub)
            elif h.entry is None and self._title_only():
                # a kicker above or a subtitle (——…) below the title: one heading, two lines
                head = self.article[0]
                head.append(E.lb())
                inline(head, heading_segments(line))
                if h.cert and not head.get("cert"):
                    head.set("cert", h.cert)
                    self.weak.append(line)
            else:
                self._new_article(line, h.entry, h.cert)
        if not len(self.body):
            self._new_article(None, None)
            self.article.append(E.p())
        for div in self.body.iter("{*}div"):
            if div.get("type") != "section" and all(c.tag.endswith(("}head", "}fw", "}pb")) for c in div):
                # an article printed as a heading with nothing under it: an empty <p/> (no
                # character added) says so; a section may hold only its heading (TEI P5 §4.1)
                div.append(E.p())
        return self.body


SECTION_NAME_MAX = 8
