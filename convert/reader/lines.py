"""Split bulletin text into lines and take off the markup the extraction left behind.

TEI-CONVENTIONS.md point 7 names the only characters that are not content: ``#`` heading marks,
``**``, ``<b>``/``</b>``, ``- `` list bullets, ``---`` rules and dot leaders. Everything else on a
line is content and is kept, in order, in :attr:`Line.segments`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A thematic break (``---``, ``***``, ``___``): markup only.
RULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
#: ATX heading marks: ``## 本月关注``.
HASH_RE = re.compile(r"^\s*(#{1,6})\s+")
#: Folio (page number) shapes: ``— 3 —``, ``- 3 -``, ``- 3/8 -``, ``第 3 页``, ``第3页 共8页``, ``3/8``,
#: ``Page 3`` (used by :mod:`convert.reader.physical`). A line of one of these shapes is never a
#: bulleted line, though ``- 3 -`` starts like one. Between the marks a journal's cover page may
#: stand for the number (``· 封二 ·``: 封一/封二/封三/封四 name the front cover, inside front cover,
#: inside back cover and back cover, printed where the other pages print their number); its group
#: is then the page's name, not a number.
FOLIO_RES = (
    re.compile(r"^[—–\-－~～·•]+\s*(\d{1,4}|封[一二三四])\s*[—–\-－~～·•]+$"),
    # the page and the page count between dashes (``- 1/2 -``: page N of M, as ``第1页 共2页``)
    re.compile(r"^[—–\-－~～·•]+\s*(\d{1,4})\s*/\s*\d{1,4}\s*[—–\-－~～·•]+$"),
    re.compile(r"^第\s*(\d{1,4})\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?$"),
    re.compile(r"^(\d{1,4})\s*/\s*\d{1,4}$"),
    re.compile(r"^(?:page|p\.)\s*(\d{1,4})$", re.IGNORECASE),
)
#: A list bullet at the start of a line: ``- 市领导督导…``.
BULLET_RE = re.compile(r"^\s*-\s+")
#: Dot leaders before a printed page number at the end of a contents line: ``…工作..... 1``
#: (the pattern :func:`find_leader` finds, in time linear in the line's length).
#: A run of one leader character, as many as :data:`LEADER_MIN` asks at least.
LEADER_RUN_RE = re.compile(r"\.{2,}|…{2,}|·{3,}|．{2,}|。{3,}")
LEADER_RE = re.compile(rf"(?:{LEADER_RUN_RE.pattern})\s*(?=(?:\d{{1,3}}|（\d{{1,3}}）|\(\d{{1,3}}\))\s*$)")
#: Leader characters and how many of one make a leader.
LEADER_MIN = {".": 2, "…": 2, "·": 3, "．": 2, "。": 3}
#: Inline bold markup: ``**``, ``<b>``, ``</b>`` (also ``<strong>``).
BOLD_TOKEN_RE = re.compile(r"\*\*|</?b>|</?strong>", re.IGNORECASE)
WS_RE = re.compile(r"\s+")
#: U+FEFF, the byte-order mark (ZERO WIDTH NO-BREAK SPACE).
BOM = "\ufeff"
#: Line ends: LF, CRLF, CR (not ``str.splitlines``, which also splits at U+2028, U+001C …).
LINE_END_RE = re.compile(r"\r\n|\r|\n")


class Milestone(str):
    """A place in a line's segments where the old print layout broke the page: an empty string
    (so it adds nothing to :attr:`Line.text`) carrying what stood there in the source.

    ``kind`` is ``"fw"`` (a running head or folio, TEI P5 §11.6 "forme work"), ``"pb"`` (the
    page break itself) or ``"lb"`` (a line the print keeps apart inside one block: an 附件 note's
    second attachment aligned under the first, GB/T 9704-2012 7.3.6; ``<lb/>``, TEI P5 §3.11.3); ``fw_type`` is ``"header"``, ``"footer"`` (a running foot) or ``"pageNum"``; ``segments`` the fw line's
    content (source characters, kept); ``n`` the page number a folio gives (``pb/@n``) or
    ``None``; ``no`` the source line number. :func:`convert.reader.body.inline` turns it into
    ``<fw>`` / ``<pb/>``.
    """

    kind: str
    fw_type: str | None
    segments: list
    n: str | None
    no: int

    def __new__(cls, kind: str, fw_type: str | None = None, segments=None, n: str | None = None,
                no: int = 0):
        obj = super().__new__(cls, "")
        obj.kind, obj.fw_type, obj.segments, obj.n, obj.no = kind, fw_type, segments or [], n, no
        return obj

    def __repr__(self) -> str:
        text = "".join(s for s, _ in self.segments)
        return f"Milestone({self.kind}, {self.fw_type or ''}, {text!r}, n={self.n})"


def is_mark(s) -> bool:
    """True for a :class:`Milestone` segment text."""
    return isinstance(s, Milestone)


@dataclass
class Line:
    """One non-blank source line with its markup taken off.

    - ``no``: 1-based line number in the source file.
    - ``raw``: the line as in the source (no line end).
    - ``level``: number of ``#`` marks (0 when none).
    - ``bullet``: the line began with a ``- `` bullet.
    - ``all_bold``: every content character is inside ``**…**`` or ``<b>…</b>``.
    - ``segments``: ``[(text, bold), …]``, the content in order, outer whitespace stripped.
    - ``page``: the printed page number after a dot leader, as printed (``"12"``), or ``None``
      when the line has no leader; it is content but kept out of ``segments``.
    - ``blank_before``: a blank line (or the start of the file) precedes this line.
    - ``blanks_before``: how many blank lines precede it.
    - ``form_feed``: a form feed (U+000C, a page end in pdftotext output) stands in this line or
      in a blank line right before it.
    - ``feed_here``: the form feed stands on this line itself, before its content (``\f据统计…``:
      the page's first text follows the page break with no blank line between).
    - ``end_no``: the source line number of the last physical line this logical line holds
      (the unwrapping pass joins hard-wrapped lines; ``no`` is the first).
    - ``furniture``: ``"header"``, ``"footer"`` or ``"pageNum"`` when the page-furniture pass found
      this line to be a running head, a running foot or a folio, else ``None``.
    - ``role``/``evidence``: what the passes decided the line is and why (``--explain``);
      ``cert``: ``"medium"``/``"low"`` when that decision is weakly supported (TEI ``@cert``);
      ``weak_join``: the weak decision was to join a line into this one.
    - ``margin``: the spaces of a left margin every line of prose in the file keeps (a
      ``pdftotext -layout`` copy sets its body six spaces in), read before a first-line indent.
    - ``indent_opens``: the physical stage ended the line above because this one opens with the
      first-line indent of a text that marks its paragraphs so (段首空两字, no page break between):
      a new paragraph, whatever the line above ends with.
    - ``column``: in a contents list set in two columns side by side (one source line holding
      an entry of each), 1 or 2 for the column this cell of the line stands in; 0 elsewhere.
    - ``folio_top``: a folio printed at its page's top (a recto's running head over it, a verso's
      under it), so the page break stands before it, not after.
    """

    no: int
    raw: str
    level: int = 0
    bullet: bool = False
    all_bold: bool = False
    segments: list[tuple[str, bool]] = field(default_factory=list)
    page: str | None = None
    blank_before: bool = False
    blanks_before: int = 0
    form_feed: bool = False
    end_no: int = 0
    furniture: str | None = None
    role: str = ""
    evidence: list[str] = field(default_factory=list)
    cert: str | None = None
    weak_join: bool = False
    indent_opens: bool = False
    margin: int = 0
    feed_here: bool = False
    column: int = 0
    folio_top: bool = False
    aligned: tuple | None = None

    def note(self, role: str, why: str, cert: str | None = None) -> None:
        """Record a decision about this line: its *role*, the evidence *why*, and ``@cert``
        (``"medium"``/``"low"``) when the evidence is weak."""
        self.role = role
        self.evidence.append(why)
        if cert is not None:
            self.cert = cert

    @property
    def marks(self) -> list:
        """The milestones (old page breaks and furniture) this line holds, in order."""
        return [s for s, _ in self.segments if is_mark(s)]

    @property
    def text(self) -> str:
        """The content of the line: markup removed, inner whitespace as in the source."""
        return "".join(s for s, _ in self.segments)

    @property
    def key(self) -> str:
        """The content with all whitespace removed (used to compare headings), and a byte-order
        mark that opens it (U+FEFF: a file's first character, left inside a text where files were
        run together, ``cat a.txt b.txt``): an encoding's mark, layout only (it stays in
        :attr:`segments`)."""
        return WS_RE.sub("", self.text).lstrip(BOM)

    def unlead(self) -> None:
        """Fold the page number back into the text: a leader line outside a contents list."""
        if self.page is not None:
            # the number stood at the end of the line's text, before any milestone that follows it
            texts = [j for j, (s, _) in enumerate(self.segments) if not is_mark(s)]
            k = texts[-1] + 1 if texts else len(self.segments)
            page = [((" " if texts else "") + self.page, False)]
            self.segments = self.segments[:k] + page + self.segments[k:]
            self.page = None

    @property
    def marked(self) -> bool:
        """The source marks the line as a heading (``#`` or the whole line bold)."""
        return self.level > 0 or self.all_bold


def _segments(body: str, bold: bool = False) -> tuple[list[tuple[str, bool]], bool]:
    """Split *body* at bold tokens into ``[(text, bold)]`` and say whether all content is bold;
    *bold*: the line starts inside a bold run the line above opened."""
    segs: list[tuple[str, bool]] = []
    pos = 0
    for m in BOLD_TOKEN_RE.finditer(body):
        if m.start() > pos:
            segs.append((body[pos : m.start()], bold))
        tok = m.group(0).lower()
        if tok == "**":
            bold = not bold
        else:
            bold = not tok.startswith("</")
        pos = m.end()
    if pos < len(body):
        segs.append((body[pos:], bold))
    # strip outer whitespace, drop empty pieces, merge neighbours of equal weight
    merged: list[tuple[str, bool]] = []
    for s, b in segs:
        if not s:
            continue
        if merged and merged[-1][1] == b:
            merged[-1] = (merged[-1][0] + s, b)
        else:
            merged.append((s, b))
    while merged and not merged[0][0].strip():
        merged.pop(0)
    while merged and not merged[-1][0].strip():
        merged.pop()
    if merged:
        merged[0] = (merged[0][0].lstrip(), merged[0][1])
        merged[-1] = (merged[-1][0].rstrip(), merged[-1][1])
    all_bold = bool(merged) and all(b or not s.strip() for s, b in merged)
    return merged, all_bold


#: Brackets a contents list may print its page numbers in (``……（12）``, ``……(3)``).
PAGE_BRACKETS = {"）": "（", ")": "("}


def page_number_span(text: str) -> tuple[int, int | None, bool]:
    """``(end, start, bracketed)`` of the printed page number that ends *text*: one to three
    digits, or one to three digits in round brackets (``（12）``: the page number of many a
    journal's contents list, GB/T 15834-2011 4.5 brackets as printed); ``start`` is ``None``
    when the line does not end in one."""
    end = len(text.rstrip())
    close = end
    if end and text[end - 1] in PAGE_BRACKETS:
        close = end - 1
    digits = close
    while digits > 0 and text[digits - 1].isdecimal():
        digits -= 1
    if not 1 <= close - digits <= 3:
        return end, None, False
    if close < end:
        if digits == 0 or text[digits - 1] != PAGE_BRACKETS[text[end - 1]]:
            return end, None, False
        return end, digits - 1, True
    return end, digits, False


def page_value(page: str) -> int:
    """The number of a printed page (``"12"``, ``"（12）"``)."""
    return int("".join(c for c in page if c.isdecimal()))


def find_leader(text: str) -> tuple[int, int] | None:
    """Where *text* ends with a dot leader and a printed page number: ``(start, end)`` of the
    leader (its run of dots and the spaces after it; the number follows *end*), else ``None``.

    The same span as ``LEADER_RE.search(text)``, found from the end of the line in one pass: a
    number of one to three digits (Unicode ``Nd``), spaces, then a run of one leader character
    (:data:`LEADER_MIN` of them at least). The regular expression, searched from every start,
    backtracks over a long run of dots that no number follows (64,000 dots took 145 s). The number
    may stand in round brackets (:func:`page_number_span`)."""
    end, digits, opened = page_number_span(text)
    if digits is None:
        return None
    run_end = digits
    while run_end > 0 and text[run_end - 1].isspace():
        run_end -= 1
    mark = text[run_end - 1] if run_end else ""
    if mark not in LEADER_MIN:
        return None
    start = run_end
    while start > 0 and text[start - 1] == mark:
        start -= 1
    return (start, digits) if run_end - start >= LEADER_MIN[mark] else None


def parse_line(no: int, raw: str, blank_before: bool, bold: bool = False) -> Line | None:
    """Parse one source line; ``None`` for a blank line or a rule (markup only). *bold*: the
    line starts inside a ``**`` run the line above left open (see :func:`split_lines`)."""
    if not raw.strip() or RULE_RE.match(raw):
        return None
    body = raw
    level = 0
    m = HASH_RE.match(body)
    if m:
        level = len(m.group(1))
        body = body[m.end() :]
    bullet = False
    m = BULLET_RE.match(body)
    if m and not any(rx.match(body.strip()) for rx in FOLIO_RES):
        bullet = True
        body = body[m.end() :]
    page = None
    # dot leaders are found in the text without bold tokens (``**title.....3**`` is a leader line)
    plain, where = [], []
    pos = 0
    for tok in BOLD_TOKEN_RE.finditer(body):
        plain.append(body[pos : tok.start()])
        where.extend(range(pos, tok.start()))
        pos = tok.end()
    plain.append(body[pos:])
    where.extend(range(pos, len(body)))
    plain_text = "".join(plain)
    leader = find_leader(plain_text)
    if leader:
        page = plain_text[leader[1] :].strip()
        body = body[: where[leader[0]]]
    segments, all_bold = _segments(body, bold)
    if not segments and page is None:
        return None
    return Line(no, raw, level, bullet, all_bold, segments, page, blank_before, end_no=no)


def form_feeds(text: str) -> dict[int, str]:
    """Where *text* holds form feeds (U+000C, a page end in pdftotext output): ``{line number:
    "before" | "after"}`` — before the line's content (or on a blank line), or after it."""
    out = {}
    for no, raw in enumerate(LINE_END_RE.split(text), start=1):
        if "\f" in raw:
            after = bool(raw.strip()) and "\f" in raw[len(raw.rstrip()) :] and "\f" not in raw[: len(raw) - len(raw.lstrip())]
            out[no] = "after" if after else "before"
    return out


def split_lines(text: str, feeds: dict[int, str] | None = None) -> list[Line]:
    """All content lines of *text* in order (blank lines and rules dropped, ``blank_before`` kept).

    Line ends may be LF, CRLF or CR. Form feeds are read from *text*, or from *feeds* (see
    :func:`form_feeds`) when the caller took them out of the text.
    """
    feeds = feeds if feeds is not None else form_feeds(text)
    out: list[Line] = []
    blanks = 1
    feed = False
    left_open = False  # the line above left a ``**`` run open
    for no, raw in enumerate(LINE_END_RE.split(text), start=1):
        # a form feed before the line's content starts its page; one after it ends the page
        before = feeds.get(no) == "before"
        after = feeds.get(no) == "after"
        # a ``**`` left open at a line end and closed on the next line (no blank line between) is
        # one bold run across the soft line break (CommonMark 0.31 §6.2: emphasis is matched in
        # the inline content of one paragraph, its line breaks included): ``■ **head。`` /
        # ``** 8月3日…`` (a wrap cut before the closing mark); a ``**`` that nothing closes
        # stays as before (bold to the line end)
        odd = raw.count("**") % 2 == 1
        carried = left_open and blanks == 0 and odd
        line = parse_line(no, raw, blanks > 0, bold=carried)
        left_open = odd and not carried and line is not None
        if line is None:
            blanks += 1
            feed = feed or no in feeds
            continue
        line.blanks_before = blanks
        line.form_feed = feed or before
        line.feed_here = before
        out.append(line)
        blanks = 0
        feed = after
    return out


def content_key(text: str) -> str:
    """The content characters of bulletin *text*: markup removed as :func:`parse_line` does,
    then all whitespace removed (a byte-order mark kept: :attr:`Line.key` leaves it out). The
    reader's output must give back exactly this string."""
    return "".join(WS_RE.sub("", line.text) + (line.page or "") for line in split_lines(text))
