"""Find the parts of a bulletin (masthead, contents list, body, colophon) and read the contents list.

Everything here works from the text's own evidence: dot leaders and page numbers mark contents
entries, a contents line that reappears as a line of the body is a section name, the colophon is
the run of field lines (主管：, 电话：, 共印 N 份 …) that ends the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from convert.reader.lines import Line

#: Sentence punctuation (full- and half-width) that a heading does not contain.
SENTENCE_PUNCT = set("。；！？;!?")
CLAUSE_PUNCT = set("，,")
#: A paragraph ending in one of these is finished; anything else was cut (clreq §3.1.7 names
#: the closing punctuation; a cut paragraph ends in an ideograph, a comma or an opening mark).
TERMINAL = set("。！？!?；;：:…”’」』）)】〕]》.")

COLOPHON_FIELD_RE = re.compile(
    r"^(发放范围|发送范围|发送|报送|抄送|分送|主管|主办|承办|协办|编辑出版|编辑|出版|编印|印刷|承印"
    r"|地址|电话|传真|邮箱|电子邮箱|邮编|网址|总编|主编|副主编|责任编辑|编委|签发|审核|校对)\s*[：:]"
)
COLOPHON_NOTICE_RE = re.compile(r"^[（(]?\s*(内部资料|注意保存|内部刊物|免费交流)[^()（）]*[）)]?$")
PRINT_RUN_RE = re.compile(r"^[（(]?\s*共印\s*(\d+)\s*份\s*[）)]?$")
SECTION_MAX = 12
#: The printed heading of a contents list: 目录, 目 录, 本期目录, Contents.
CONTENTS_HEAD_RE = re.compile(r"^(本期)?目录$|^contents$", re.IGNORECASE)


def unfinished(text: str) -> bool:
    """True when *text* stops mid-sentence: its last character is not closing punctuation, or it
    is a closing quote or bracket that follows neither closing punctuation nor another closing
    mark (``…全面落实“六保”`` goes on; ``…工作。”`` and ``…（记者 雷霄）`` end)."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in "”’」』":
        return len(t) > 1 and t[-2] not in TERMINAL
    return t[-1] not in TERMINAL


#: Exclamation and question marks: inside a heading they may stand (``榜单揭晓！郑州获评…``).
INNER_OK = set("！？!?")


def _ends_sentence(t: str) -> bool:
    t = t.rstrip("”’」』）)】》 ")
    return bool(t) and t[-1] in SENTENCE_PUNCT


def heading_shape(line: Line) -> bool:
    """A line that could be a heading by its shape: short, no comma, no full stop or semicolon,
    an exclamation or question mark only inside (``榜单揭晓！郑州获评“…”``), not ending in a
    comma or colon (a lead-in), not just a number."""
    t = line.text.strip()
    k = line.key
    if not k or len(k) > 50 or k.isdigit():
        return False
    if any((c in SENTENCE_PUNCT and c not in INNER_OK) or c in CLAUSE_PUNCT for c in t) or _ends_sentence(t):
        return False
    return t[-1] not in "、：:—-"


def paragraph_shape(line: Line) -> bool:
    """A line that reads as running text: it has a comma, full stop or semicolon, ends a
    sentence, or is long (an exclamation mark inside a short line is not enough)."""
    t = line.text.strip()
    return (any((c in SENTENCE_PUNCT and c not in INNER_OK) or c in CLAUSE_PUNCT for c in t)
            or _ends_sentence(t) or len(line.key) > 50)


def colophon_kind(line: Line) -> str | None:
    """``field``, ``notice``, ``print-run`` for a colophon line, else ``None``."""
    k = line.key
    if PRINT_RUN_RE.match(k):
        return "print-run"
    if COLOPHON_NOTICE_RE.match(k):
        return "notice"
    if COLOPHON_FIELD_RE.match(k):
        return "field"
    return None


def find_colophon(lines: list[Line], start: int) -> int:
    """Index of the first colophon line in ``lines[start:]`` (``len(lines)`` when there is none).

    The colophon is the longest run of colophon lines that ends the text and holds at least one
    field or print-run line.
    """
    i = len(lines)
    found = False
    while i > start and (kind := colophon_kind(lines[i - 1])):
        found = found or kind != "notice"
        i -= 1
    return i if found else len(lines)


@dataclass
class Entry:
    """One printed contents entry: its lines (a wrapped entry has several), its printed page."""

    lines: list[Line]
    page: str | None
    section: int | None = None
    target: str | None = None

    @property
    def key(self) -> str:
        return "".join(line.key for line in self.lines)


@dataclass
class Contents:
    """The printed contents list: ``start``/``end`` line indexes (end exclusive), the section
    names in order (``sections``: ``[(Line, [Entry…])]``) and entries outside any section."""

    start: int
    end: int
    sections: list[tuple[Line, list[Entry]]] = field(default_factory=list)
    head: Line | None = None
    loose: list[Entry] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return self.loose + [e for _, es in self.sections for e in es]

    @property
    def section_keys(self) -> list[str]:
        return [line.key for line, _ in self.sections]


def find_contents(lines: list[Line]) -> Contents | None:
    """Find and read the printed contents list, or ``None`` when there are fewer than two lines
    with a dot leader and a page number.

    Lines between the first and the last leader line that have no leader are section names when
    the source marks them (bold, ``#``) or prints them again as a line of the body; otherwise they
    are the first part of an entry that wrapped onto the next line.
    """
    leaders = [i for i, line in enumerate(lines) if line.page is not None]
    if len(leaders) < 2:
        return None
    first = leaders[0]
    # the list is one block: it ends at the last leader line before the first line of running
    # text (a file of several issues has several lists; the first one is this issue's)
    stop = next((i for i in range(first, len(lines)) if lines[i].page is None and paragraph_shape(lines[i])),
                len(lines))
    leaders = [i for i in leaders if i < stop]
    if len(leaders) < 2:
        return None
    last = leaders[-1]
    body_keys = {line.key for line in lines[last + 1 :]}

    def is_section(line: Line) -> bool:
        return (
            not line.bullet
            and line.page is None
            and len(line.key) <= SECTION_MAX
            and (line.marked or line.key in body_keys)
        )

    start = first
    while start > 0 and is_section(lines[start - 1]):
        start -= 1
    head = None
    if start > 0 and CONTENTS_HEAD_RE.match(lines[start - 1].key):
        start -= 1
        head = lines[start]
    toc = Contents(start, last + 1, head=head)
    pending: list[Line] = []
    current: list[Entry] | None = None
    for line in lines[start + (head is not None) : last + 1]:
        if line.page is None and not pending and is_section(line):
            current = []
            toc.sections.append((line, current))
            continue
        pending.append(line)
        if line.page is not None:
            entry = Entry(pending, line.page, len(toc.sections) - 1 if current is not None else None)
            (current if current is not None else toc.loose).append(entry)
            pending = []
    return toc
