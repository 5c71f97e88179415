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
#: A list bullet at the start of a line: ``- 市领导督导…``.
BULLET_RE = re.compile(r"^\s*-\s+")
#: Dot leaders before a printed page number at the end of a contents line: ``…工作..... 1``.
LEADER_RE = re.compile(r"(?:\.{2,}|…{2,}|·{3,}|．{2,}|。{3,})\s*(?=\d{1,3}\s*$)")
#: Inline bold markup: ``**``, ``<b>``, ``</b>`` (also ``<strong>``).
BOLD_TOKEN_RE = re.compile(r"\*\*|</?b>|</?strong>", re.IGNORECASE)
WS_RE = re.compile(r"\s+")
#: Line ends: LF, CRLF, CR (not ``str.splitlines``, which also splits at U+2028, U+001C …).
LINE_END_RE = re.compile(r"\r\n|\r|\n")


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

    @property
    def text(self) -> str:
        """The content of the line: markup removed, inner whitespace as in the source."""
        return "".join(s for s, _ in self.segments)

    @property
    def key(self) -> str:
        """The content with all whitespace removed (used to compare headings)."""
        return WS_RE.sub("", self.text)

    def unlead(self) -> None:
        """Fold the page number back into the text: a leader line outside a contents list."""
        if self.page is not None:
            self.segments = self.segments + [((" " if self.segments else "") + self.page, False)]
            self.page = None

    @property
    def marked(self) -> bool:
        """The source marks the line as a heading (``#`` or the whole line bold)."""
        return self.level > 0 or self.all_bold


def _segments(body: str) -> tuple[list[tuple[str, bool]], bool]:
    """Split *body* at bold tokens into ``[(text, bold)]`` and say whether all content is bold."""
    segs: list[tuple[str, bool]] = []
    bold = False
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


def parse_line(no: int, raw: str, blank_before: bool) -> Line | None:
    """Parse one source line; ``None`` for a blank line or a rule (markup only)."""
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
    if m:
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
    m = LEADER_RE.search(plain_text)
    if m:
        page = plain_text[m.end() :].strip()
        body = body[: where[m.start()]]
    segments, all_bold = _segments(body)
    if not segments and page is None:
        return None
    return Line(no, raw, level, bullet, all_bold, segments, page, blank_before)


def split_lines(text: str) -> list[Line]:
    """All content lines of *text* in order (blank lines and rules dropped, ``blank_before`` kept).

    Line ends may be LF, CRLF or CR.
    """
    out: list[Line] = []
    blanks = 1
    for no, raw in enumerate(LINE_END_RE.split(text), start=1):
        line = parse_line(no, raw, blanks > 0)
        if line is None:
            blanks += 1
            continue
        line.blanks_before = blanks
        out.append(line)
        blanks = 0
    return out


def content_key(text: str) -> str:
    """The content characters of bulletin *text*: markup removed as :func:`parse_line` does,
    then all whitespace removed. The reader's output must give back exactly this string."""
    return "".join(line.key + (line.page or "") for line in split_lines(text))
