"""The physical stage of the reader: from the decoded text to logical lines, one list per issue.

Text as extraction leaves it (pdftotext, OCR) is hard-wrapped at the column width, carries the
old print layout's running heads and folios, marks page ends with form feeds and may hold a year
of issues in one file. This stage undoes the layout, in ordered passes that each do one job
(modelled on docutils' transforms, see ``../shared/STYLE.md``):

1. *decode* is done before, by :func:`convert.reader.source.decode` (bytes → ``str``);
2. :func:`split_into_lines` — lines, with blank lines and form feeds recorded;
3. :func:`find_page_furniture` — running heads, running feet and folios;
4. :func:`mark_page_breaks` — furniture and form feeds become milestones (``<fw>``/``<pb/>``)
   inside the line that follows them;
5. :func:`unwrap` — hard-wrapped lines joined into logical lines;
6. :func:`find_issue_boundaries` — a second masthead starts a second issue.

Every pass reads and changes only the :class:`PhysicalText` it is given; each decision is
recorded on the lines it concerns (``Line.note``: a role and its evidence, ``@cert`` when weak),
so that ``--explain`` can show it. No pass adds, drops or changes a content character: lines
are joined, never edited, and furniture is kept (as milestones).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from convert.reader.layout import (BULLET_CHARS, COLUMN_ENTRY_RE, PIPE_ROW_RE, serial_header, serial_row, table_title_line, pipe_row_cut, TAB_CELL_MAX, TABLE_TITLE_RE, listed_person, directory_entry, thin_cells, thin_figure_row, tab_cells, CONTENTS_HEAD_RE, gap_at_end, unit_line, unit_label, author_before_leader, author_wrapped_off,
                                   COLOPHON_FIELD_RE, colophon_kind, figure_caption, artwork_caption, page_credit, row_cells, column_row, tab_pair, table_row, is_page_label)
from convert.reader.lines import FOLIO_RES, LEADER_RUN_RE, Line, Milestone, is_mark, split_lines
from convert.reader.names import is_org_name
from convert.reader.masthead import (DOC_NUMBER_RE, ISSUE_RE, SPECIAL_ISSUE_RE, TITLE_GENRE_RE, TOTAL_RE, classify, fields_of,
                                     label_first_imprint_line, masthead_field_line)

#: Sentence-final punctuation (clreq §3.1.7): a line ending in one of these ends a paragraph.
SENTENCE_FINAL = set("。！？!?…")
#: Closing quotes and brackets: they end a paragraph only after a sentence-final mark.
CLOSING = set("”’」』）)】〕]》〉")
#: Punctuation that shows a line is running text (a clause or sentence mark).
PROSE_PUNCT = set("，,。；;！？!?：:")
#: Further marks of prose in a line without clause punctuation: enumeration comma, quotes,
#: book-title marks, brackets.
PROSE_HINTS = set("、“”《》（）()")
#: Characters that cannot start a line (clreq §3.1.7, kinsoku): a line starting with one was cut.
NO_LINE_START = set("，,。．.、；;：:！!？?”’」』）)】〕》〉…")

#: Content characters (whitespace aside) that a logical line's end is judged on: a joined line
#: longer than this is running text, not a line of its own by its shape (a colophon, reporter or
#: masthead line), and the evidence that it ends (a sentence end, a credit or jump line, at most
#: about 50 characters) lies in its last TAIL characters (see :class:`_Joining`).
TAIL = 200

BARE_NUMBER_RE = re.compile(r"^(\d{1,4})$")
#: The wide gap between two fields set on one line (``城东营业所：金桥路56号　　城西营业所：…``).
FIELD_GAP_SPLIT_RE = re.compile(r"\u3000{2,}|[ \t]{3,}")
#: A date or a span of dates in brackets ending a line (``（12月15日—12月21日）``, ``（2025年5月）``):
#: how a title or a programme's name ends, never the point where a hard wrap cuts prose.
DATE_SPAN_END_RE = re.compile(r"[（(](?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:[—\-－~～至](?:\d{1,2}月)?\d{1,2}日?)?[）)]$")
#: A news lead's opening date: ``11月18日，``, ``1 月 7 日下午``.
DATE_LEAD_RE = re.compile(r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
#: The evidence of a line ended because the next opens like a news lead (:func:`decide_break`);
#: the logical stage reads a title there (:meth:`convert.reader.logical.body.BodyBuilder.classify`).
LEAD_BREAK = ("the next line opens a sentence like a news lead (近日，, 日前，, 今年以来，) and this line ends with no "
              "punctuation: a line of its own (a title) over the article's first sentence")
#: A sentence that opens like a news lead, its comma after the time it names (近日，, 日前，,
#: 今年以来，): the first sentence of an article, never the rest of one (a date may go on with a
#: sentence: ``…申报窗口延长至`` / ``9月30日，…``).
LEAD_OPENING_RE = re.compile(r"^\s*(?:近日|日前|近期|近年来|今年以来|入冬以来|入夏以来|入汛以来)[，,]")
#: A dated entry's opening (a 大事记, a chronicle): a day, a span of days or a part of a month, then
#: a gap (``5月6日　``, ``5月14日—15日　``, ``5月下旬　``) and the entry's text; what a title never opens with.
#: A time or a span of times may follow the day (a schedule's item: ``9月18日10:00—10:03　预先警报``),
#: the weekday in brackets before it (``12月16日（星期二）20:40　…``), several days may be listed
#: (``12月20日、21日　…``); or the day alone with its weekday (a week's forecast:
#: ``12日（星期五）　晴``) or the time alone opens the item (a programme guide's ``06:30　蔚川新闻``).
DATED_ENTRY_RE = re.compile(r"^\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日(?:[—\-－~～至](?:\d{1,2}\s*月)?\d{1,2}\s*日|(?:、\d{1,2}\s*日)+)?"
                            r"(?:[（(](?:星期|周)[一二三四五六日天][）)])?"
                            r"(?:\d{1,2}[:：]\d{2}(?:[—\-－~～至]\d{1,2}[:：]\d{2})?)?"
                            r"|[上中下]旬|初|底|中)"
                            r"|\d{1,2}\s*日[（(](?:星期|周)[一二三四五六日天][）)]"
                            r"|\d{1,2}[:：]\d{2}(?:[—\-－~～至]\d{1,2}[:：]\d{2})?)[ \t\u3000]+\S")
#: A caption's closing credit: a gap (or an opening bracket), a name of two to four characters or
#: a unit's short name, maybe letter-spaced, and 摄 (``　　秘书处 摄``, ``（祁振东　摄）``) at the line's end.
PHOTO_CREDIT_END_RE = re.compile(r"(?:[\u3000]|\s{2,}|[（(])[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,7}[\u3000 ]*摄[）)]?\s*$")


#: The evidence of a join made because a ``**`` run one line opens closes on the next
#: (:func:`bold_run_cut`): the logical stage splits no such join again.
BOLD_RUN_JOIN = ("a bold run (**) this line opens closes on the next line, which goes on inside it: one bold run "
                 "the wrap cut (CommonMark 0.31 §6.2)")


def bold_run_cut(a: Line, b: Line) -> bool:
    """*a* leaves a ``**`` run open at its end and *b* goes on inside it (its first characters
    bold, no ``**`` before them) and closes it: the run's text was cut by a wrap, as in
    ``芷桥报·特刊　…　**第二版　茶乡`` / ``风采**`` (a bold run is matched across a soft line break,
    CommonMark 0.31 §6.2; :func:`convert.reader.lines.split_lines` reads *b* as bold)."""
    return (a.raw.count("**") % 2 == 1 and b.raw.count("**") % 2 == 1 and not b.blank_before
            and not b.raw.lstrip(" \t\u3000\f").startswith("**") and bool(b.segments) and b.segments[0][1]
            and bool(a.segments) and a.segments[-1][1])


def schedule_end(text: str) -> bool:
    """*text* is a whole item of a printed programme (活动安排, 日程): a dated entry
    (:data:`DATED_ENTRY_RE`) without clause or sentence punctuation (an enumeration comma 、 may
    list its events) that ends with a closing bracket closing the one it opened (the place:
    ``4月21日　茶文化论坛（县会展中心）``). Each item of a programme is printed on a line of its own."""
    t = text.rstrip()
    return (bool(DATED_ENTRY_RE.match(t)) and t[-1:] in "）)" and not any(c in "，,。；;：:" for c in t)
            and max(t.rfind("（"), t.rfind("(")) >= 0)


#: A paragraph's first-line indent (段首缩进: two ideographic spaces, four spaces and more, or a
#: tab: a word processor's first-line indent exported as one tab).
INDENT_RE = re.compile(r"^(?:\u3000{2}|\t|[ \t]{4,})\S")
#: A gap of ideographic spaces between two printed characters inside a line: a title's two halves
#: (``以“网格连心”为抓手　推动…``, a newspaper's 抢晴天　赶农时) are set apart so; wrapped prose is not.
TITLE_GAP_RE = re.compile(r"[^\s]\u3000+[^\s]")
#: A wide gap between two printed characters (an ideographic space, or two spaces and more): what
#: sets a contents entry's author and page, or a table's cells, apart; wrapped prose has none.
INNER_GAP_RE = re.compile(r"\S(?:\u3000|[ \t]{2})")
#: Masthead kinds (see :func:`convert.reader.masthead.classify`) that start a new issue.
ISSUE_ANCHOR_KINDS = {"edition"}
MASTHEAD_KINDS = {"date", "date-part", "printed", "lunar", "edition", "registration", "imprint",
                  "title-en", "notice", "subtitle", "rule"}
#: A handling notice at the top of a briefing's 版头 (GB/T 9704-2012 7.2.1: 密级, 注意保存).
HANDLING_NOTICE_RE = re.compile(r"注意保存|内部参阅|秘密|机密|绝密|内部资料")


def display_width(text: str) -> float:
    """The width of *text* in ideograph widths: wide and fullwidth characters (UAX #11) count 1,
    others (digits, Latin letters, spaces) ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def leading_blanks(raw: str) -> str:
    """The whitespace *raw* (a source line as printed) opens with: its indent, as set."""
    return raw[: len(raw) - len(raw.lstrip())]


def indent_width(line: Line) -> float:
    """The width of *line*'s indent as printed (:func:`leading_blanks` of its raw text, a form feed
    before it and the line end left out), in ideograph widths (:func:`display_width`)."""
    return display_width(leading_blanks(line.raw.lstrip("\f").rstrip("\r\n")))


def next_with_text(lines: list[Line], i: int, reach: int = 3) -> Line | None:
    """The first line after line *i* that holds text, within *reach* lines (blank lines between),
    else ``None``."""
    return next((x for x in lines[i + 1 : i + 1 + reach] if x.key), None)


#: A full stop printed as a dot (``.``, or the fullwidth ``．`` that GB/T 15834-2011 4.1.2 allows
#: in scientific texts) right after an ideograph: Chinese text set with half-width punctuation
#: (``…延长运营时间.``). After a digit or a Latin letter a dot is a decimal point, an item
#: number (``1.``) or an abbreviation, not a sentence end.
_DOT_STOP_RE = re.compile(r"[\u3400-\u9fff][.．]$")


def _ends_in_stop(t: str) -> bool:
    return bool(t) and (t[-1] in SENTENCE_FINAL or bool(_DOT_STOP_RE.search(t[-2:])))


def sentence_final(text: str) -> bool:
    """True when *text* ends a sentence: its last character is 。！？!?…, or a dot (``.`` ``．``)
    right after an ideograph (a full stop set half-width), or a closing quote or bracket that
    follows one of them (``…工作。”``). ``，、；：``, a dot after a digit or letter (``1.``), or a
    closing mark after any other character (``…落实“六保”``) do not end it."""
    t = text.rstrip()
    while t and t[-1] in CLOSING:
        t = t[:-1].rstrip()
        if _ends_in_stop(t):
            return True
        if t and t[-1] not in CLOSING:
            return False
    return _ends_in_stop(t)


@dataclass
class PhysicalText:
    """The shared state of the physical passes.

    - ``text``: the decoded source text;
    - ``lines``: the content lines (after :func:`unwrap`, logical lines);
    - ``issues``: ``[(start, end)]`` index ranges into ``lines``, one per issue (end exclusive);
    - ``wrap_width``: the narrowest width (in ideograph widths) of a hard-wrapped line, when the
      text is hard-wrapped, else ``None``;
    - ``furniture``: every furniture line, in order (they are out of ``lines``);
    - ``physical``: every content line as split, before unwrapping (for ``--explain``);
    - ``run_on``: ``(source line number, width)`` of the lines that run on into the next one,
      before unwrapping (they give ``wrap_width``);
    - ``issue_widths``: the wrap width of each issue's lines (as ``wrap_width``), one per issue;
    - ``head_rests``: the source line numbers of the rests of running heads a hard wrap cut.
    """

    text: str
    lines: list[Line] = field(default_factory=list)
    issues: list[tuple[int, int]] = field(default_factory=list)
    wrap_width: float | None = None
    furniture: list[Line] = field(default_factory=list)
    physical: list[Line] = field(default_factory=list)
    feeds: dict[int, str] | None = None
    issue_widths: list[float | None] = field(default_factory=list)
    run_on: list[tuple[int, float]] = field(default_factory=list)
    #: source line numbers of the rests of running heads a hard wrap cut (:func:`find_page_furniture`)
    head_rests: set[int] = field(default_factory=set)


# --------------------------------------------------------------------------------- passes


def split_into_lines(doc: PhysicalText) -> None:
    """Lines: split the text at LF, CRLF or CR, take off the markup the extraction left (see
    :mod:`convert.reader.lines`), record blank lines and form feeds (from the text, or from
    ``feeds`` when the decode step took them out)."""
    doc.lines = split_lines(doc.text, doc.feeds)
    doc.physical = list(doc.lines)


def _folio(line: Line) -> str | None:
    """The page number a folio-shaped line gives, else ``None``."""
    raw = line.raw.strip().replace("\f", "")
    for rx in FOLIO_RES:
        m = rx.match(raw) or rx.match(line.text.strip())
        if m:
            return m.group(1)
    return None


def _shape_key(line: Line) -> str:
    """A running head's identity: its content with every number replaced (``第3版`` = ``第4版``)."""
    return re.sub(r"\d+", "#", line.key)


#: The indent (in characters) from which a line holding only a number is set in the middle of
#: the line, as a folio is centred, not at the margin where a hard wrap leaves a number.
CENTRED_FOLIO_LEAD = 8


def _lead(line: Line) -> int:
    """The blanks before *line*'s text in its raw form (form feeds aside): its indent."""
    raw = line.raw.replace("\f", "")
    return len(raw) - len(raw.lstrip(" \t\u3000"))


#: The fewest bare numbers in a run of page numbers over running heads (:func:`bare_folio_run`).
BARE_RUN_MIN = 3
#: The fewest lines from one bare folio of such a run to the next: a page holds text between.
BARE_RUN_PAGE = 5


def _label_rest(lines: list[Line], i: int) -> bool:
    """Line *i* is the rest of a page label or 报眉 a hard wrap cut off the line above (no blank
    line between: ``2　综合新闻　　榆岑港讯`` / ``2025年10月24日``): the line above is no page label
    alone, the two together are one (:func:`convert.reader.logical.roles.page_label`)."""
    from convert.reader.logical.roles import page_label

    if i == 0 or lines[i].blank_before or lines[i - 1].furniture:
        return False
    above = lines[i - 1]
    if page_label(above, None) is not None:
        return False
    text = above.text.strip() + "\u3000" + lines[i].text.strip()
    return page_label(Line(above.no, text, segments=[(text, False)]), None) is not None


def bare_folio_run(lines: list[Line], head_shaped, contents_head, bracketed) -> list[tuple[int, int]]:
    """Bare-number folios with nothing else to mark the page break (no form feed, no folio of
    another shape): a run of lines holding only a number, each one more than the last (the
    pages' numbers in order), each some lines below the last (a page of text between), and each
    right over (or right under) a short head-shaped line whose text stands by another number of
    the run too.
    A periodical prints the page number at the foot of a page and the running head at the top
    of the next, the same head on every page or two heads alternating by verso and recto (the
    title on even pages, the issue on odd ones: book and journal practice), so the head's text
    recurs under the run at most two ways, or the title on every second page and the name of the
    column the page prints on the others (a name printed in 【】 in the text). A number a hard wrap set alone, or a numbered list's
    item number, is not one more than a number some lines above with the same line under both.

    An extraction's own furniture at the same break (a folio of another shape, ``· 2 ·``, and a
    head opening with a form feed right under it) may stand between the number and the print's
    head: the head is then the line under those.

    Returns the pairs (number, head) of indices; the heads are then found as at any folio. A run
    where a head stands over its number prints its numbers at the pages' tops: each number's
    line gets ``folio_top`` (the page break before it)."""
    n = len(lines)
    cands: list[tuple[int, int]] = []

    def head_at(j: int) -> bool:
        h = lines[j]
        k = h.key
        return (head_shaped(j) and not contents_head(j) and not bracketed(j) and h.page is None
                and not (k[:1] == "【" and k[-1:] == "】") and not colophon_kind(h)
                and not any(c in "：:" for c in h.text) and len(k) >= 2)

    for i in range(n - 1):
        if not BARE_NUMBER_RE.match(lines[i].key):
            continue
        j = i + 1
        if _folio(lines[j]) is not None and j + 2 < n and (lines[j + 1].form_feed or head_at(j + 2)) and head_at(j + 1):
            # the extraction's folio and head (a form feed opening it, or the print's head under
            # it) over the print's head
            j += 2
        elif lines[j].form_feed:
            continue
        if head_at(j):
            cands.append((i, j))
        elif (i > 2 and not lines[i].form_feed and (lines[i - 1].form_feed or head_at(i - 1))
              and _folio(lines[i - 2]) is not None and not lines[i - 2].form_feed and head_at(i - 3)):
            # the head over the number (a recto prints its head, then the folio, at the page's
            # top: ``2025年第3期`` / ``1``; the verso ``2`` / ``气象服务通讯``), the extraction's own
            # folio and head (a form feed opening it) between them
            cands.append((i, i - 3))
        elif i > 0 and not lines[i].form_feed and head_at(i - 1):
            # the head right over the number
            cands.append((i, i - 1))
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    # the names of the columns (【党史研究】): an odd page's running head may name its column
    columns = {line.key[1:-1] for line in lines if line.key[:1] == "【" and line.key[-1:] == "】"}

    def close() -> None:
        if len(run) < BARE_RUN_MIN:
            return
        keys = Counter(_shape_key(lines[j]) for _, j in run)
        if len(keys) <= 2 and all(c >= 2 for c in keys.values()):
            found.extend(run)
            if any(j < i for i, j in run):
                # a head over a number: the run's numbers stand at the pages' tops
                for i, _ in run:
                    lines[i].folio_top = True
            return
        # the journal's name on every second page, the other pages' heads the names of the
        # columns they print (党史通讯 / 党史研究 / 党史通讯 / 口述历史 …: journal practice)
        for parity in (0, 1):
            same = {_shape_key(lines[j]) for _, j in run[parity::2]}
            others = [lines[j].key for _, j in run[1 - parity::2]]
            if len(same) == 1 and len(run[parity::2]) >= 2 and others and all(k in columns for k in others):
                found.extend(run)
                return

    for i, j in cands:
        if run and int(lines[i].key) == int(lines[run[-1][0]].key) + 1 and i - run[-1][0] >= BARE_RUN_PAGE:
            run.append((i, j))
            continue
        close()
        run = [(i, j)]
    close()
    return found


#: A running foot holding the page number after the journal's name: ``荠川防震减灾　第3页``, also
#: with a middle dot or a bar between (``文旅简报 · 第1页``, ``文旅简报｜第1页``).
TITLED_FOLIO_RE = re.compile(r"^(?P<title>[\u4e00-\u9fff·]{2,16})(?:\s*[·・•|｜]\s*|\u3000+|\s{2,}|\s)第\s*(?P<n>\d{1,4})\s*页$")


#: A running head or foot with the folio between dashes at one end, apart from the rest by a wide
#: gap (GB/T 9704-2012 7.5: the page number ``— 1 —`` at the page's outer edge, the series' name
#: and the issue beside it): ``荠湾县安委办　安全生产督查通报　　　　— 1 —``, ``— 2 —　　　　安全生产督查通报　2025年第9期``;
#: a journal may set the folio between middle dots (``· 2 ·　　　　茛川年鉴工作通讯``), as a bare folio.
_DASHED_FOLIO = r"[—–\-－·•]+\s*(?P<{g}>\d{{1,4}})\s*[—–\-－·•]+"
HEADED_FOLIO_RE = re.compile(rf"^(?:(?P<h1>[^\s。！？，；：:]\S*(?:\s\S+)*?)(?:\u3000{{2,}}|\s{{3,}}|\t+){_DASHED_FOLIO.format(g='n1')}"
                             rf"|{_DASHED_FOLIO.format(g='n2')}(?:\u3000{{2,}}|\s{{3,}}|\t+)(?P<h2>\S+(?:\s\S+)*?))$")


def headed_folio(text: str) -> int | None:
    """The page number of *text* (a line, stripped) when it is a running head or foot with the
    folio between dashes at one end (:data:`HEADED_FOLIO_RE`), the rest a head's words (at most
    40 characters, no sentence punctuation), else ``None``."""
    m = HEADED_FOLIO_RE.match(text)
    if m is None:
        return None
    rest = m.group("h1") or m.group("h2") or ""
    if len("".join(rest.split())) > 40 or any(c in "。！？，；" for c in rest):
        return None
    return int(m.group("n1") or m.group("n2"))


#: A running head of the series' title and the issue number apart by a wide gap, in either order:
#: ``妇联工作简报　　　2025年第9期``, ``2025年第10期　　　妇联工作简报``.
_ISSUE = r"(?:\d{4}\s*年\s*)?第\s*\d{1,3}\s*期"
TITLED_ISSUE_RE = re.compile(rf"^(?:(?P<t1>[\u4e00-\u9fff]{{2,16}})(?:\u3000+|\s{{2,}}|\t+){_ISSUE}"
                             rf"|{_ISSUE}(?:\u3000+|\s{{2,}}|\t+)(?P<t2>[\u4e00-\u9fff]{{2,16}}))$")


#: A running head with a bare folio at its outer end, apart from a short title by a wide gap (a
#: journal's verso ``4　　茺阳影像``, its recto naming the column ``会员风采　　5``), or with the
#: folio between middle dots, apart by a gap (``·2·　莛江老科协通讯``, ``建言献策　·3·``); a verso's title may
#: carry the issue after it (``·2·　荩阳老年体育　2025年第4期``).
BARE_HEADED_FOLIO_RE = re.compile(r"^(?:(?P<h1>[\u4e00-\u9fff]{2,16})(?:(?:\u3000{2,}|\s{3,}|\t+)(?P<n1>\d{1,3})"
                                  r"|(?:\u3000+|\s{2,}|\t+)·\s?(?P<d1>\d{1,3})\s?·)"
                                  r"|(?:(?P<n2>\d{1,3})(?:\u3000{2,}|\s{3,}|\t+)|·\s?(?P<d2>\d{1,3})\s?·(?:\u3000+|\s{2,}|\t+))"
                                  r"(?P<h2>[\u4e00-\u9fff]{2,16}(?:(?:\u3000+|\s{1,4})\d{4}\s*年\s*第\s*\d{1,3}\s*期)?))$")


def bare_headed_folios(lines: list[Line]) -> list[int]:
    """Indexes of the *lines* that are running heads with a bare folio at one end
    (:data:`BARE_HEADED_FOLIO_RE`), recto and verso: three such lines at least, their numbers
    going up through the text one to three at a time, each a page apart from the one before (four
    lines at least between: a table's rows, a name and a figure apart by a gap, stand together).
    One pass over *lines*."""
    found = [(i, int(m.group("n1") or m.group("n2") or m.group("d1") or m.group("d2"))) for i, line in enumerate(lines)
             if len(line.text) <= 40 and (m := BARE_HEADED_FOLIO_RE.match(line.text.strip())) is not None]
    if len(found) < 3 or not all(0 < b[1] - a[1] <= 3 and b[0] - a[0] >= 5 for a, b in zip(found, found[1:])):
        return []
    return [i for i, _ in found]


def find_page_furniture(doc: PhysicalText) -> None:
    """Page furniture: running heads and folios (TEI P5 §11.6 "forme work").

    - A folio is a line shaped like one (``— 3 —``, ``- 3 -``, ``第 3 页``, ``3/8``), or a bare
      number right before or after a form feed or a running head, or a running foot naming the
      journal and the page (``荠川防震减灾　第3页``, the same name at two places at least, the
      numbers going up), or a running head with a bare folio or one between middle dots at its
      outer end (``4　　茺阳影像``, ``建言献策　·3·``: :func:`bare_headed_folios`, three a page
      apart at least, the numbers going up).
    - A running head is a short line without sentence punctuation that opens a page (it stands
      right after a form feed or a folio), at two places at least with the same text (numbers
      aside: ``2020年第1期`` and ``2020年第2期`` are one head). A heading printed once at the
      top of a page is not repeated, so it is not taken. The line under a head-shaped line that
      opens a page (an extraction's running head over the print's own) counts as a place when
      the same text stands at a page's opening elsewhere (a column name in 【】 excepted; and not
      under a contents heading, 目录: the list's first line). A colophon line (label：value) is
      no running head, nor is a title printed once at a page top whose text opens another line
      away from page tops (its 目录 entry).

    The rest of a running head a hard wrap cut inside its issue number or date (the line under it,
    short, the head's last field with it an issue number or a date) is the head's too; the break
    pass makes the two one ``fw``.

    Found lines get ``furniture`` = ``"pageNum"`` or ``"header"``. A running head recurring
    without folios or form feeds is not found (the evidence would be repetition alone, which
    section names also show). Running feet last (:func:`find_running_feet`): the line that
    closes every page, under its credit or above the next page's break or label.
    """
    lines = doc.lines
    n = len(lines)
    folio = [_folio(line) is not None for line in lines]

    def head_shaped(i: int) -> bool:
        k = lines[i].key
        return bool(k) and len(k) <= 40 and not any(c in "。！？，；" for c in lines[i].text) \
            and not BARE_NUMBER_RE.match(k)

    def contents_head(i: int) -> bool:
        """A contents heading (目录, 本期要目) that opens a page: the line under it is the list's
        first line (a column name, an entry), no second running head."""
        return CONTENTS_HEAD_RE.match(lines[i].key) is not None

    def bracketed(i: int) -> bool:
        """A line wholly in round brackets: a credit (（县志办　宋苇）) that a page happened to open
        under a running head, no running head."""
        k = lines[i].key
        return len(k) > 2 and k[0] in "（(" and k[-1] in "）)"

    # the width of the text's hard-wrapped lines (as the unwrapping estimates it), for a line printed
    # once beside a folio: a running head is a title and an issue or a name, not a full measure
    band = _band([w for _, w in _run_on_widths(lines)])

    # a running foot that names the journal and the page (``荠川防震减灾　第3页``): a short title, a
    # gap, 第N页; the same title at two page ends at least, the numbers going up: folios
    feet: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        m = TITLED_FOLIO_RE.match(line.text.strip())
        if m and not folio[i] and line.page is None:
            feet.setdefault(re.sub(r"\s+", "", m.group("title")), []).append((i, int(m.group("n"))))
    for places in feet.values():
        if len(places) >= 2 and all(b[1] > a[1] for a, b in zip(places, places[1:])):
            for i, _ in places:
                folio[i] = True
    # a running head or foot with the folio between dashes at one end (``荠湾县安委办　安全生产督查通报
    # 　　— 1 —``, ``— 2 —　　安全生产督查通报　2025年第9期``): two such lines at least, the numbers
    # going up through the text (recto and verso heads may differ)
    headed = [(i, p) for i, line in enumerate(lines)
              if not folio[i] and line.page is None and (p := headed_folio(line.text.strip())) is not None]
    if len(headed) >= 2 and all(b[1] > a[1] for a, b in zip(headed, headed[1:])):
        for i, _ in headed:
            folio[i] = True
    for i in bare_headed_folios(lines):
        if not folio[i] and lines[i].page is None:
            folio[i] = True

    bare_pairs = bare_folio_run(lines, head_shaped, contents_head, bracketed)
    bare_run = {i for i, _ in bare_pairs}
    for i in bare_run:
        folio[i] = True

    def measure_wide(i: int) -> bool:
        """As wide as a hard-wrapped line, the next line (no blank line between) running text or as
        wide too: the first line of a wrapped paragraph (a brief's run-in head and its first words,
        ``县融媒体中心…系列短片　县融媒体中心团支部策``), no running head printed once."""
        nxt = lines[i + 1] if i + 1 < n else None
        return (as_wide_as_wrapped(lines[i], band) and nxt is not None and not nxt.blank_before
                and not folio[i + 1] and (any(c in "，,、；;。" for c in nxt.text) or as_wide_as_wrapped(nxt, band)))

    # a page's top: after a form feed or a folio, and the line after a head-shaped line there
    # (two running heads at one break: the paper's and a section's, or a head over a head)
    top = [False] * n
    for i in range(n):
        first = lines[i].form_feed or (i > 0 and folio[i - 1])
        # the second head is shaped like one: parts set apart by a wide gap or a middle dot
        # (``青崖党史　2022年第3期``), not a column name or a 版记 line (…印发) that a page happens to open twice
        top[i] = first or (i > 1 and not folio[i - 1] and (lines[i - 1].form_feed or folio[i - 2])
                           and head_shaped(i - 1) and not contents_head(i - 1)
                           and not lines[i].form_feed and not colophon_kind(lines[i])
                           and not bracketed(i)
                           and re.search(r"\S(?:\s{2,}|\u3000|\s*·\s*)\S", lines[i].raw.strip()) is not None)

    for _, j in bare_pairs:
        # the print's head under a bare folio of the run (the extraction's furniture between)
        top[j] = True

    def near_break(i: int) -> bool:
        """The line opens a page: it follows a form feed or a folio (a running head stands at
        the top of the page), or a head-shaped line that does."""
        return top[i]

    for i, line in enumerate(lines):
        if i in bare_run:
            line.furniture = "pageNum"
            line.note("furniture: folio", "a bare number in a run of page numbers (each one more, a page apart), "
                                          "each over a running head whose text recurs under the run")
        elif folio[i]:
            line.furniture = "pageNum"
            line.note("furniture: folio", f"folio shape {line.text.strip()!r}")
    # a column name in 【】 (journal practice: 【理论前沿】) printed also as a line away from any page
    # top (in the contents list, or over an article mid-page) is the column's name where a page
    # opens with it too, no running head (a running head stands at page tops only)
    columns_away = {line.key for i, line in enumerate(lines)
                    if not top[i] and not folio[i] and line.key[:1] == "【" and line.key[-1:] == "】"}
    # running heads: short, no sentence punctuation, beside a page break, repeated there
    groups: dict[str, list[int]] = {}
    # the second line of a page's top (under a head-shaped line that opens the page: the
    # extraction's running head over the print's own, ``党史通讯`` / ``2023年第4期``): a running head
    # when the same text opens a page elsewhere
    second: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        # a line with a dot leader and a printed page number is a contents entry (目录, 导读),
        # whatever page top it stands at: no running head prints a leader (its title may open a
        # page again, after a folio: one more place with the same text, no furniture)
        if folio[i] or line.page is not None:
            continue
        k = line.key
        if not k or len(k) > 40 or any(c in "。！？，；" for c in line.text) or BARE_NUMBER_RE.match(k):
            continue
        if near_break(i) and k in columns_away:
            line.note("no running head", "a column name in 【】 printed also away from any page top")
        elif f"【{k}】" in columns_away and (line.form_feed or (i > 0 and folio[i - 1]) or (
                i > 1 and not folio[i - 1] and (lines[i - 1].form_feed or folio[i - 2]) and head_shaped(i - 1)
                and not contents_head(i - 1) and not line.form_feed)):
            # a column's name without its brackets right at a page's top (or under the page's
            # other head there), the name in 【】 printed away from page tops (journal practice:
            # odd pages carry the column's name as running head, even pages the journal's): a
            # running head, printed once or more
            line.furniture = "header"
            line.note("furniture: running head", f"the name of the column 【{k}】 without its brackets at a page's "
                                                 "top (a journal's running head on odd pages)")
        elif near_break(i):
            groups.setdefault(_shape_key(line), []).append(i)
        elif (i > 0 and top[i - 1] and not folio[i - 1] and head_shaped(i - 1) and not contents_head(i - 1)
              and not line.form_feed and not colophon_kind(line) and not k.startswith("【") and not bracketed(i)  # a column name, a credit
              # under a line of handling notices alone (内部资料) that opens the page: the top
              # line of the next issue's 版头 (GB/T 9704-2012 7.2.1), the title under it (茆 岭 …
              # 通 讯, the running head's text letter-spaced) the masthead's, no second head
              and not notices_only(lines[i - 1].key)):
            second.setdefault(_shape_key(line), []).append(i)
    # a newspaper's 报眉 under each page's label (``第2版　专题`` / ``蓍州农垦报　2025年10月17日　星期五``):
    # the page label opens the page as a folio does; the same head-shaped line under two labels at
    # least, a date in it (a story's title repeated over its continuation holds none), is a running head
    labelled: dict[str, list[int]] = {}
    for i in range(1, n):
        line = lines[i]
        if (not folio[i] and not top[i] and line.page is None and head_shaped(i) and not line.key.startswith("【")
                and not bracketed(i) and is_page_label(lines[i - 1]) and not is_page_label(line)
                and any(k == "date" for k, _, _ in fields_of(line.text))):
            labelled.setdefault(_shape_key(line), []).append(i)
    for members in labelled.values():
        if len(members) >= 2:
            for i in members:
                lines[i].furniture = "header"
                lines[i].note("furniture: running head", "a 报眉 line under a page label (the paper's name and the "
                                                         "date), the same under two labels at least")
    # an issue number or date (a journal's running head: ``2023年第4期``) that stands there at two
    # page breaks at least, and nowhere at a page's first line
    groups.update({key: [] for key, members in second.items()
                   if key not in groups and len(members) >= 2 and all(masthead_field_line(lines[i]) for i in members)})

    def cut_above(i: int) -> bool:
        """The text above line *i*'s page break is prose that stops mid-sentence: the page break
        cut a paragraph, and what opens the next page before its rest is furniture."""
        k = i - 1
        while k >= 0 and (folio[k] or top[k] or not lines[k].key):
            k -= 1
        t = lines[k].text.rstrip() if k >= 0 else ""
        return bool(t) and not sentence_final(t) and any(c in "，、；：" for c in t)

    starts_of = {}  # each line's key's first 6 characters → the lines opening so
    for k, line in enumerate(lines):
        starts_of.setdefault(line.key[:6], []).append(k)

    def named_elsewhere(i: int) -> bool:
        """Line *i*'s text opens another line away from page tops too (a contents entry naming it,
        with its author and page after it): a title printed twice, no running head printed once."""
        key = lines[i].key
        return len(key) >= 4 and any(k != i and not top[k] and not folio[k] and lines[k].key.startswith(key)
                                     for k in starts_of.get(key[:6], ()))

    for key, members in groups.items():
        members = sorted(members + second.get(key, []))
        if len(members) < 2:
            # printed once (a short text, one page break): a head right after a folio, shaped
            # like one (a wide gap, a tab, an ideographic space or a middle dot between its parts:
            # ``title   date``, ``title<TAB>date``, ``岫山党史　2022年第3期``)
            # or under another head there (folio, head, head: two running heads at one break)
            i = members[0]
            raw = lines[i].raw.strip()
            under_head = (i > 1 and folio[i - 2] and head_shaped(i - 1)
                          and lines[i].page is None  # a contents entry's leader is no middle dot
                          and not any(c in "：:" for c in lines[i].text)  # nor is a label：value line
                          and "edition" in (kinds := {k for k, _, _ in fields_of(lines[i].text)})  # title and 期
                          and not kinds & {"imprint", "org"})  # not the 编印 line of a masthead under a break
            # a line of handling notices alone (内部资料　注意保存) printed once after a folio is the
            # top line of the next issue's 版头 (GB/T 9704-2012 7.2.1), no running head (a head that
            # names its title too, 地方志通讯　内部资料, still is one)
            # a bare number that ends a page (before the form feed that opens this one) is its folio;
            # a colophon line (``主　　办：…``, its label spaced out to the others' width) after the
            # last folio is the 版记 (GB/T 9704-2012 7.4), no running head
            after_folio = folio[i - 1] or (lines[i].form_feed and BARE_NUMBER_RE.match(lines[i - 1].key) is not None)
            # (a word letter-spaced to width, one character between gaps, ``稿　　约``, is a title
            # opening the page: a running head's parts are words)
            if i > 0 and (after_folio or under_head) and re.search(r"\S(\s{2,}|\t|\s*·\s*)\S|\S{2}\u3000\S{2}", raw) \
                    and not re.fullmatch(r"\S(?:\s+\S){1,5}", raw) \
                    and not notices_only(lines[i].key) and not colophon_kind(lines[i]) and not measure_wide(i) \
                    and not named_elsewhere(i):  # (a title its 目录 names too: 满江红·贺… / 满江红·贺………孙文海　18)
                lines[i].furniture = "header"
                lines[i].note("furniture: running head", "beside a folio, shaped like a running head")
            continue
        seconds = set(second.get(key, []))
        if (len(members) == 2 and seconds and len(seconds) < 2
                and not any(masthead_field_line(lines[i]) for i in members)  # (an issue number, a date)
                and not any(re.search(r"\S(\s{2,}|\t|\s*·\s*)\S|\S\u3000\S", lines[i].raw.strip()) for i in members)
                and not any(cut_above(i) for i in members)):
            # the same words at two page tops only, first under a folio at one and second under
            # another head at the other, one phrase with no gap in it and no issue number or date,
            # no paragraph cut by either break: a title that opens a page and the same title in a
            # list a page break cut (a 要目's entry), no running head
            for i in members:
                lines[i].note("no running head", "at two page tops only, in two places there, one phrase: a title")
            continue
        if (len(members) == 2 and all((lines[i].key[:1] == "【" and lines[i].key[-1:] == "】") or _brief_column(lines, i)
                                      for i in members)
                and not any(cut_above(i) for i in members)):
            # a column's name in 【】 at two page tops only, neither break cutting a paragraph (a
            # file of two issues whose column opens a page in each): the column, no running head
            # (so is a brief column's name over its bulleted items: 简　讯 / ●…)
            for i in members:
                lines[i].note("no running head", "a column name (in 【】, or a brief column's over its bulleted items) "
                                                 "at two page tops only, no paragraph cut by either break: the column "
                                                 "opens the page")
            continue
        for i in members:
            if _label_rest(lines, i):
                lines[i].note("no running head", "the rest of the page label or 报眉 on the line above (a hard wrap "
                                                 "cut it): the logical stage reads the two lines as one label")
                continue
            lines[i].furniture = "header"
            lines[i].note("furniture: running head",
                          f"beside a page break at {len(members)} places with the same text")
    # the series' title and an issue number on one line, apart by a wide gap, in either order
    # (``妇联工作简报　　　　2025年第9期``), where the title stands alone elsewhere in the file (its
    # masthead, letter-spaced or not): a running head wherever it stands, printed once or more, with
    # no folio or form feed beside it (a page's top the extraction kept without its page break)
    alone = {line.key for line in lines if 2 <= len(line.key) <= 16}
    for i, line in enumerate(lines):
        m = TITLED_ISSUE_RE.match(line.text.strip()) if not line.furniture and line.page is None else None
        cut = False
        if m is None and not line.furniture and line.page is None and i + 1 < n and not lines[i + 1].blank_before \
                and 0 < len(lines[i + 1].key) <= 10 and not lines[i + 1].furniture:
            # the head a hard wrap cut (``妇联工作简报　　…　2025`` / ``年第9期``, ``2025年第10期　…`` /
            # ``妇联工作简报``): read whole, its rest a running head's line too
            m = TITLED_ISSUE_RE.match(line.text.strip() + "\u3000" + lines[i + 1].text.strip())
            cut = m is not None
        if m is None:
            continue
        title = re.sub(r"\s+", "", m.group("t1") or m.group("t2"))
        if title in alone and title != line.key:
            for k in (i, i + 1) if cut else (i,):
                lines[k].furniture = "header"
                lines[k].note("furniture: running head", "the series' title (its masthead's) and an issue number apart "
                                                         "by a wide gap: a page's running head"
                                                         + (" (a hard wrap cut it in two lines)" if cut else ""))
    # a running head under another one (the page's furniture a run of lines: folio, head, head)
    # with the text of a head found at another page break is one too
    heads = {_shape_key(line) for line in lines if line.furniture == "header"}
    for i, line in enumerate(lines):
        if (not line.furniture and i > 0 and lines[i - 1].furniture == "header" and not line.blank_before
                and line.page is None and line.key and len(line.key) <= 40 and not any(c in "。！？，；" for c in line.text)
                and _shape_key(line) in heads):
            line.furniture = "header"
            line.note("furniture: running head", "under a running head, the text of a running head found at "
                                                 "another page break")
    # the rest of a running head a hard wrap cut inside its issue number or date (``榆湾统计信息专报
    # 2`` / ``023年第9期``, ``…2023`` / ``年第9期``, ``…2023年`` / ``第9期``): right under the head, no blank line, short, and
    # the head's last field with it an issue number or a date (GB/T 9704 practice prints them in
    # a running head)
    rests: set[int] = set()
    for i, line in enumerate(lines):
        # (found already or not: a head cut the same way on every page recurs in two pieces)
        # (a running foot with the folio in it, ``— 8 —　　…　　2025年`` / ``第9期``, is cut so too)
        if line.furniture == "pageNum" or not i or line.blank_before or line.form_feed or (i - 1) in rests or not (
                lines[i - 1].furniture == "header"
                or (lines[i - 1].furniture == "pageNum" and (re.search(r"[\u4e00-\u9fff]", lines[i - 1].text)
                                                             or FIELD_GAP_SPLIT_RE.search(lines[i - 1].text.strip())))):
            continue
        head = lines[i - 1].text.rstrip()
        if not line.key or len(line.key) > 12 or any(c in "。！？，；" for c in line.text):
            continue
        field = re.split(r"[ \t\u3000]{2,}|\u3000", head)[-1]
        rest = line.text.strip()
        # the cut fell inside the field: in a number (``2`` / ``023年第9期``), or right after the
        # year (``2023年`` / ``第9期``), or in the gap before it (the head's line ends in that gap); the
        # rest one piece (no gap: no second running head)
        cut = head[-1:].isdigit() or (head.endswith("年") and (rest[:1] == "第" or rest[:1].isdigit()))
        raw = lines[i - 1].raw.rstrip("\r\n\f")
        if not cut and raw != raw.rstrip(" \t\u3000") and len(raw) - len(raw.rstrip(" \t\u3000")) >= 2:
            # cut in the gap before the issue number: the head's line ends in the gap, the issue
            # number or date whole on the next line
            cut, field = True, ""
        if cut and not re.search(r"[ \t\u3000]", rest) and classify(field + rest) in ("edition", "date"):
            line.furniture = "header"
            doc.head_rests.add(line.no)
            rests.add(i)
            line.note("furniture: running head", "the rest of the running head above, a hard wrap cut its issue number or date")
    # a running head cut in the gap before its issue number, its start alone at the page's top
    # (``榆湾统计信息专报`` / ``2023年第9期``): the two together have the text of a head found at
    # another page break (on one line, or in two pieces as above)
    whole = {_shape_key(line) for line in lines if line.furniture == "header"}
    whole |= {re.sub(r"\d+", "#", lines[k - 1].key + lines[k].key) for k in rests}
    for i, line in enumerate(lines):
        if (line.furniture or i + 1 >= n or not top[i] or lines[i + 1].furniture != "header"
                or lines[i + 1].blank_before or (i + 1) in rests or line.page is not None or not line.key
                or len(line.key) > 40 or any(c in "。！？，；" for c in line.text)):
            continue
        if re.sub(r"\d+", "#", line.key + lines[i + 1].key) in whole:
            line.furniture = "header"
            doc.head_rests.add(lines[i + 1].no)
            rests.add(i + 1)
            line.note("furniture: running head", "with the line under it, the text of a running head found at "
                                                 "another page break (a hard wrap cut it)")
    def break_folio(i: int) -> int | None:
        """The number of the folio printed at the page break whose running head is line *i*
        (the folio right above the head), else ``None``."""
        if i < 1 or not folio[i - 1]:
            return None
        value = _folio(lines[i - 1])
        return int(value) if value and value.isdigit() else None

    # bare numbers beside a form feed or a running head are folios
    last_bare: int | None = None  # the number of the last bare-number folio above the line
    # the bare numbers of the text in order: the next one after a line is found by bisection
    bare_at = [k for k, other in enumerate(lines) if BARE_NUMBER_RE.match(other.key)]
    centred_at = [k for k in bare_at if _lead(lines[k]) >= CENTRED_FOLIO_LEAD]

    def at_break(j: int) -> bool:
        """Line *j* stands right before a page break: a form feed, a folio or a running head."""
        return j + 1 < n and (lines[j + 1].form_feed or folio[j + 1] or lines[j + 1].furniture == "header")
    for i, line in enumerate(lines):
        if line.furniture == "pageNum" and BARE_NUMBER_RE.match(line.key):
            last_bare = int(line.key)
        if line.furniture or not BARE_NUMBER_RE.match(line.key):
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < n else None
        printed = break_folio(i - 1) if prev is not None and prev.furniture == "header" else None
        if printed is not None and line.key.isdigit() and abs(int(line.key) - printed) > 1 \
                and (nxt is None or not (nxt.form_feed or nxt.furniture)) \
                and not (last_bare is not None and int(line.key) == last_bare + 1 and nxt is not None
                         and (folio[i + 1] or colophon_kind(nxt))):
            # the page break under a running head already has its folio (above the head), and this
            # number is neither that page's nor the next: one break prints one page number, so it
            # is a number of the text a hard wrap set alone (``…测试，`` / ``136`` / ``名学员…``);
            # unless it is the next step of the run of bare folios right above the colophon or a
            # folio (the print's own numbering, the extraction's folio and head above it)
            continue
        # a folio is set apart from the text (a blank line above it, or centred or right-aligned);
        # a number right under a text line at its margin is the rest a hard wrap cut off (…高出 / 60)
        apart = line.blank_before or line.raw.replace("\f", "")[:1] in (" ", "\t", "\u3000")
        if ((nxt is not None and (nxt.form_feed or nxt.furniture == "header" or (folio[i + 1] and not nxt.blank_before and apart)))
                or (line.form_feed and i > 0)
                or (prev is not None and (prev.furniture == "header" or (folio[i - 1] and not line.blank_before)))):
            # right beside a folio of another shape too (``第 1 页``, no blank line between): two
            # folios at one page break, the print's own and the extraction's
            line.furniture = "pageNum"
            line.note("furniture: folio", "a bare number beside a page break")
        elif (nxt is not None and last_bare is None and folio[i + 1] and not nxt.blank_before
              and (k := bisect.bisect_right(bare_at, i)) < len(bare_at)
              and int(lines[bare_at[k]].key) == int(line.key) + 1 and at_break(bare_at[k])):
            # the first of a run of bare folios (the next bare number in the text, one more, right
            # before a form feed, a folio or a running head), right above the extraction's folio of another shape and number (the
            # print counts its pages apart from the extraction: 1 / 第 2 页)
            line.furniture = "pageNum"
            line.note("furniture: folio", f"a bare number right above a folio, the first of a run of bare folios "
                                          f"(the next, {lines[bare_at[k]].key}, at line {lines[bare_at[k]].no})")
        elif (_lead(line) >= CENTRED_FOLIO_LEAD and (k := bisect.bisect_right(centred_at, i)) < len(centred_at)
              and int(lines[centred_at[k]].key) == int(line.key) + 1
              and abs(_lead(lines[centred_at[k]]) - _lead(line)) <= 2):
            # a bare number set in the middle of the line (a centred folio: a wide indent, not the
            # margin a hard wrap leaves a number at) with the next such number in the text one more
            # and set the same way: a run of folios, though nothing else marks the page break (no
            # form feed, no blank line: an extraction that dropped both)
            line.furniture = "pageNum"
            line.note("furniture: folio", f"a centred bare number, the next ({lines[centred_at[k]].key}, at line "
                                          f"{lines[centred_at[k]].no}) one more and centred alike")
        elif (nxt is not None and last_bare is not None and int(line.key) == last_bare + 1
              and (folio[i + 1] or colophon_kind(nxt))):
            # the next page's number in the run of bare folios, right above a folio of another shape
            # (the extraction's own: two folios at one break) or the 版记 that fills the last page
            # (GB/T 9704-2012 7.4: after the body's last page); a number a hard wrap set alone
            # (…高出 / 60) is no step of that run
            line.furniture = "pageNum"
            line.note("furniture: folio", f"a bare number one more than the last bare folio ({last_bare}), "
                                          "above " + ("a folio" if folio[i + 1] else "the colophon"))
        elif nxt is not None and folio[i + 1] and _folio(nxt) == line.key and not nxt.blank_before:
            # the same page number as the folio right under it (``1`` / ``第 1 页``): the print's folio
            # over the extraction's, two folios of one page break
            line.furniture = "pageNum"
            line.note("furniture: folio", f"a bare number right above a folio of the same page ({nxt.text.strip()!r})")
        elif prev is not None and not line.blank_before and colophon_kind(prev) in ("issued", "print-run"):
            # right under the 印发 line (or the print run under it), no blank line between: the
            # 版记 closes the issue's last page (GB/T 9704-2012 7.4.3: the 印发机关 and 印发日期 its
            # last line), nothing of the text follows it there, so a bare number under it is that
            # page's folio (7.5), though no blank line or form feed sets it apart (an extraction
            # that dropped both; with a blank line between, the rules above and below decide)
            line.furniture = "pageNum"
            line.note("furniture: folio", "a bare number right under the 版记's 印发 line (the last page's folio)")
        elif (nxt is None or nxt.blanks_before >= 2) and prev is not None and not BARE_NUMBER_RE.match(prev.key):
            # the text's last line, or the last before a run of blank lines (where a file of several
            # issues parts one issue from the next), a bare number one more than the last bare-number
            # folio: the last page's folio (no form feed follows the last page)
            before = next((lines[j] for j in range(i - 1, -1, -1)
                           if lines[j].furniture == "pageNum" and BARE_NUMBER_RE.match(lines[j].key)), None) \
                if nxt is None else None
            if before is not None and int(line.key) == int(before.key) + 1:
                line.furniture = "pageNum"
                line.note("furniture: folio", f"a bare number that ends the text, one more than the last bare folio "
                                              f"({before.key}, line {before.no})")
            elif nxt is not None and last_bare is not None and int(line.key) == last_bare + 1:
                line.furniture = "pageNum"
                line.note("furniture: folio", f"a bare number that ends an issue (two blank lines or more under it), "
                                              f"one more than the last bare folio ({last_bare})")
        if line.furniture == "pageNum":
            last_bare = int(line.key)
    find_running_feet(lines)
    doc.furniture = [line for line in lines if line.furniture]


def find_running_feet(lines: list[Line]) -> None:
    """Running feet (页脚: the publication's name and the issue date printed at the foot of every
    page; TEI P5 §11.6, ``fw type="footer"``).

    A short line without sentence punctuation is one when its text stands identically at three
    places at least, and at each it closes a page: right under the page's credit line (本版编辑：…
    校对：…, the line that closes a newspaper page), or right above a page break (a form feed, a
    folio, a running head, the next page's label ``第N版　…``) or at the text's end. A column name
    repeated (it stands under a page label, at a page's top), a credit (label：value), a line in
    brackets (（完）), a page label, a line the source marked as a heading, bold or a bullet, a
    body's name or a date alone (a 落款, GB/T 9704-2012 7.3.5, that ends an article or an issue,
    page after page) is content and never taken; so is a line whose date or number changes (each issue's 落款 date above its last
    folio: the text must be the same, numbers too). The series' name as each issue's title in its
    版头 (an issue number or date under it) is no place away from a page's foot: it stays the
    masthead's, and the name at the page feet is the running foot. Found lines get ``furniture`` = ``"footer"`` (or ``"header"`` when above a page label only: without a form
    feed, credit or folio to place it, the line over a label may as well head the next page).
    Linear: one pass to group the lines, one over the groups.
    """
    n = len(lines)

    def foot_shaped(line: Line) -> bool:
        k = line.key
        return (bool(k) and len(k) <= 40 and not line.furniture and line.page is None
                and not line.level and not line.all_bold and not line.bullet
                and not any(c in "。！？，；：:" for c in line.text) and not BARE_NUMBER_RE.match(k)
                and not (k[0] in "（(【[" and k[-1] in "）)】]") and not colophon_kind(line)
                and not is_page_label(line) and not is_org_name(k) and classify(line.text.strip()) != "date")

    groups: dict[str, list[tuple[int, str]]] = {}
    for i, line in enumerate(lines):
        if line.form_feed or not foot_shaped(line):
            continue  # (a line after a form feed opens a page: a running head, found above)
        nxt = lines[i + 1] if i + 1 < n else None
        under_credit = i > 0 and page_credit(lines[i - 1]) > 0
        above_break = nxt is None or nxt.form_feed or nxt.furniture in ("pageNum", "header") \
            or _folio(nxt) is not None
        above_label = nxt is not None and is_page_label(nxt)
        if under_credit or above_break:
            groups.setdefault(line.key, []).append((i, "footer"))
        elif above_label:
            groups.setdefault(line.key, []).append((i, "header"))
        else:
            groups.setdefault(line.key, []).append((i, ""))

    def masthead_title(i: int) -> bool:
        """Line *i* is an issue's title in its 版头: the next line with text an issue number or a
        date (第7期, 2025年第7期（总第86期）): a file of several issues prints it once an issue."""
        nxt = next_with_text(lines, i)
        return nxt is not None and masthead_field_line(nxt)

    for members in groups.values():
        # (the series' name as the running foot is also each issue's title in its 版头: those
        # places are the masthead's, the others the foot)
        members = [(i, kind) for i, kind in members if kind or not masthead_title(i)]
        if len(members) < 3 or any(not kind for _, kind in members):
            continue  # printed once or twice, or once away from a page's foot: no running foot
        for i, kind in members:
            lines[i].furniture = kind
            lines[i].note("furniture: running foot" if kind == "footer" else "furniture: running head",
                          f"closes a page at {len(members)} places with the same text")


def mark_page_breaks(doc: PhysicalText) -> None:
    """Page breaks: each run of furniture lines, and each form feed, is one old page break.

    The run becomes milestones — ``fw`` for each furniture line, in source order, and one ``pb``
    at the form feed (without one: after the folios that end the old page and before the running
    heads that start the next) — put at the start of the next content line (at the end of the
    last line when the text ends with furniture). ``pb/@n`` is the number of the page that
    follows: the folio after the break, or the folio before it plus one. The furniture lines
    leave ``lines``.
    """
    out: list[Line] = []
    run: list[Line] = []
    pending: list[Milestone] = []
    blank = False

    def flush(next_line: Line | None) -> list[Milestone]:
        marks: list[Milestone] = []
        pb_at = None
        for k, line in enumerate(run):
            if line.form_feed and pb_at is None:
                pb_at = len(marks)
            line.unlead()  # a number after a dot leader is the furniture's too
            prev = run[k - 1] if k else None
            cut = (prev is not None and prev.furniture == line.furniture == "header"
                   and not line.blank_before and not line.form_feed
                   and number_cut(prev.text.rstrip(), line.text.lstrip()))
            if (line.no in doc.head_rests or cut) and marks and marks[-1].kind == "fw" and marks[-1].fw_type == "header":
                # the rest of the running head above, which a hard wrap cut inside or before its
                # number (``荇城教育　　202`` / ``4年第5期``: no break inside a number, clreq): one
                # head, one fw, as printed (no character added)
                head = marks[-1]
                marks[-1] = Milestone("fw", "header", list(head.segments) + list(line.segments), None, head.no)
                line.note("furniture: running head", f"the rest of the running head on line {head.no}, cut "
                                                     "by a hard wrap")
                continue
            marks.append(Milestone("fw", line.furniture, line.segments, None, line.no))
        if next_line is not None and next_line.form_feed and pb_at is None:
            pb_at = len(marks)
        if pb_at is None and run:
            heads = [k for k, m in enumerate(marks) if m.fw_type == "header"]
            pb_at = heads[0] if heads else len(marks)
            # a folio printed at its page's top (:func:`bare_folio_run`): the break before it
            tops = [k for k, line in enumerate(run) if line.folio_top and marks[k].fw_type == "pageNum"] \
                if len(marks) == len(run) else []
            if tops and tops[0] < pb_at:
                pb_at = tops[0]
        if pb_at is None:
            return marks
        before = [m for m in marks[:pb_at] if m.fw_type == "pageNum"]
        after = [m for m in marks[pb_at:] if m.fw_type == "pageNum"]
        n = None
        if after:
            n = _number(after[0])
        elif before and _number(before[-1]) is not None:
            n = str(int(_number(before[-1])) + 1)
        marks.insert(pb_at, Milestone("pb", None, [], n, (run[pb_at].no if pb_at < len(run) else
                                                           (next_line.no if next_line else 0))))
        return marks

    for line in doc.lines:
        if line.furniture:
            if not run:
                blank = line.blank_before
            run.append(line)
            continue
        if run or line.form_feed:
            marks = pending + flush(line)
            pending = []
            if run:
                line.blank_before = line.blank_before or blank
                line.blanks_before = max(line.blanks_before, 1 if blank else 0)
            run = []
            if marks:
                line.segments = [(m, False) for m in marks] + line.segments
                line.evidence.append(
                    "holds an old page break: " + ", ".join(
                        f"pb n={m.n}" if m.kind == "pb" else f"fw {m.fw_type} (line {m.no})" for m in marks))
        out.append(line)
    if run:
        marks = flush(None)
        if out:
            # the text ends with furniture: it goes after the last line (whose page number, if it
            # had a dot leader, comes back into its text first, so that the order holds)
            out[-1].unlead()
            out[-1].segments = out[-1].segments + [(m, False) for m in marks]
        else:  # nothing but furniture: keep it as text
            for line in run:
                line.furniture = None
                out.append(line)
    doc.lines = out


def _number(mark: Milestone) -> str | None:
    line_text = "".join(s for s, _ in mark.segments)
    titled = TITLED_FOLIO_RE.match(line_text.strip())
    if titled:
        return str(int(titled.group("n")))  # a running foot of the journal's name and 第N页
    if (headed := headed_folio(line_text.strip())) is not None:
        return str(headed)  # a running head or foot with its folio at one end
    for rx in FOLIO_RES + (BARE_NUMBER_RE,):
        m = rx.match(line_text.strip())
        if m:
            # a cover page's folio (· 封二 ·) names the page, it numbers none
            return str(int(m.group(1))) if m.group(1).isdigit() else None
    return None


#: A 导读 entry's page (``4版``, ``第4版``) at a line's end or alone on its line.
ENTRY_PAGE_ALONE_RE = re.compile(r"(?:第\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*版\s*$")
#: Two fields on one line, a wide gap between them (two ideographic spaces, three spaces or a tab
#: after the first field's value, a label and its colon after the gap): a colophon's
#: ``主编：韦承恩　　副主编：庞　越``; prose sets none (a label letter-spaced to width, ``主　　办：``,
#: is one field).
FIELD_GAP_RE = re.compile(r"[：:][^\s：:]+(?:\u3000{2,}|[ ]{3,}|\t)[^\s：:]+[：:]")


def _run_on_widths(lines: list[Line], fields: bool = True) -> list[tuple[int, float]]:
    """``[(index, width)]`` of the lines that run on into the next line: a comma, enumeration
    comma, semicolon, colon or full stop inside (prose, not a heading with quotes; a numbered line
    whose one mark is a colon is a head), no sentence end, no blank line after, at least 12
    ideographs wide; unless *fields*, not two fields apart
    by a wide gap (:data:`FIELD_GAP_RE`: a colophon's line, no wrapped prose)."""
    out = []
    for k, (a, b) in enumerate(zip(lines, lines[1:])):
        text = a.text
        if b.blank_before or sentence_final(text) or a.page is not None:
            continue
        if not any(c in "，,、；;：:。" for c in text):  # clause marks: prose, not a heading
            continue
        if not any(c in "，,、；;。" for c in text) and item_number(text) is not None:
            # a numbered head whose one clause mark is the colon after its label (3.石溪镇：“一场所
            # 一档案”让管理有据可查: GB/T 15834-2011 B.3.8 numbers, a speaker's or unit's name and
            # its point), run on in a text without blank lines: no wrapped prose line
            continue
        if not fields and FIELD_GAP_RE.search(text.strip()):
            continue  # fields set apart by a wide gap (主编：…　　地址：…): no wrapped prose
        w = display_width(text.strip())
        if w >= 12:
            out.append((k, w))
    return out


def _band(widths: list[float]) -> float | None:
    """The narrowest width of a hard-wrapped line among *widths* (run-on lines): the 10th
    percentile of the band near the widest ones; ``None`` when fewer than eight, or when they
    vary too widely or are too long for a wrap (one paragraph per line)."""
    if len(widths) < 8:
        return None
    widths = sorted(widths)
    # short lines that run on (a bare sub-heading, a colophon field) are no wrapped lines
    top = widths[len(widths) * 9 // 10]
    widths = [w for w in widths if w >= 0.7 * top]
    mean = sum(widths) / len(widths)
    spread = (sum((w - mean) ** 2 for w in widths) / len(widths)) ** 0.5
    p10 = widths[len(widths) // 10]
    if spread > 0.35 * mean or p10 > 90:
        return None
    return p10


def _local_widths(lines: list[Line], nearest: int = 12):
    """The wrap width around each line, as a function of the line's index: :func:`_band` of the
    *nearest* run-on lines (a file of several issues may be wrapped at several widths; the
    closest lines are the line's own article), the whole text's when fewer lines run on (the
    whole text's band is the function's ``whole``). Computed only for the lines asked about,
    once each."""
    whole = _band([w for _, w in _run_on_widths(lines)])
    # (the nearest lines without a colophon's rows of fields: two of them among a dozen lines of an
    # essay's column made its measure theirs, and the column's first line, 20 characters of 22,
    # read as a title)
    runs = _run_on_widths(lines, fields=False)
    at = [k for k, _ in runs]
    cache: dict[int, float | None] = {}

    def width(i: int) -> float | None:
        if i in cache:
            return cache[i]
        right = bisect.bisect_left(at, i)
        left = right - 1
        near = []
        while len(near) < nearest and (left >= 0 or right < len(runs)):
            if right < len(runs) and (left < 0 or at[right] - i <= i - at[left]):
                near.append(runs[right][1])
                right += 1
            else:
                near.append(runs[left][1])
                left -= 1
        local = _band(near)
        cache[i] = local if local is not None else whole
        return cache[i]

    width.whole = whole  # type: ignore[attr-defined]
    return width


#: A bracketed group closing a line right after sentence-final punctuation: ``…入班。（滨江社区　罗丹）``,
#: ``…。（完）``. The bracket stands after the sentence it comments on, so the sentence ended: a
#: short news item's credit (newspaper practice: 简讯 close with （单位　姓名）). One bounded class
#: run inside the brackets: linear.
AFTER_SENTENCE_NOTE_RE = re.compile(r"[。！？!?][”’」』]?[ \t\u3000]*[（(][^()（）。！？]{1,30}[）)][ \t\u3000]*$")


def _jump_line(line: Line) -> bool:
    """*line* is a jump line alone (``下转第二版``, ``（上接第一版）``), bracketed or bare."""
    from convert.reader.body import JUMP_LINE_RE
    return bool(JUMP_LINE_RE.match(line.text))


def _note_line(line: Line) -> bool:
    """The line ends with a credit or jump line: ``（记者 …）``, ``（下转二版）``, ``（摘自…）``."""
    from convert.reader.body import BYLINE_RE, CONTINUATION_RE, SOURCE_RE

    t = line.text.strip()
    return any(rx.search(t) for rx in (BYLINE_RE, CONTINUATION_RE, SOURCE_RE))


#: One addressee of a 主送 line: a body's name, or 各… after a short name of the body they belong to
#: (县政府各有关部门, 县直各单位, 各乡镇, 县纪委监委各派驻机构, 县直各单位党组, 各县（区）人民政府 —
#: the bracket set aside —, 市耕地保护工作领导小组各成员单位), or 有关… and 县直… in place of 各
#: (有关单位, 县直有关单位).
_ADDRESSEE_RE = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:各|有关|[省市县区州旗]直)[\u4e00-\u9fff]{0,8}?"
                           r"(?:部门|单位|机关|乡镇|街道|镇|乡|村|学校|企业|团体|委|局|办|机构|党组|党委|班|科室|社区|支部|分会"
                           r"|政府|管委会)$")
#: A short qualifier in brackets inside an addressee: 各派驻（派出）机构, 党组（党委）.
_QUALIFIER_RE = re.compile(r"（[^（）()]{1,6}）|\([^（）()]{1,6}\)")


#: Circled numbers that open the items of an enumerated list (①…⑳).
CIRCLED_ITEMS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


#: A letter's or a speech's salutation (称呼) alone on its line, a colon after it (书信 practice):
#: ``尊敬的心内科全体医护人员：``, ``同志们：``, ``各位家长：``.
SALUTATION_LINE_RE = re.compile(r"(?:尊敬的|亲爱的)[\u4e00-\u9fff、]{1,24}[：:]"
                                r"|[\u4e00-\u9fff、]{0,14}(?:同志们|同志|朋友们|先生们|女士们|老师们|家长们|各位[\u4e00-\u9fff]{1,4})[：:]"
                                # a letter's classical salutation with its 提称语 (书信 practice:
                                # 母亲大人膝下：, 某某先生台鉴：, 某兄如晤：)
                                r"|[\u4e00-\u9fff]{1,10}(?:膝下|钧鉴|台鉴|惠鉴|大鉴|如晤|如面|尊前|大人)[：:]")


#: An item's third-level number (GB/T 15834-2011 B.3.8), a short head and a wide gap opening a line
#: (``1.生产普工　30名，…``): a list's item set on a line of its own.
NUMBERED_GAP_ITEM_RE = re.compile(r"\s*\d{1,2}[.．、][^，,。；;：:\s]{2,12}(?:\u3000|\s{2,})\S")
#: A body's name and a colon opening a line, the label of a list's entry (``县人民医院：…``).
BODY_LABEL_RE = re.compile(r"^\s*([\u4e00-\u9fff（）()]{3,16})[：:]\S")


def labelled_by_body(line: Line) -> bool:
    """*line* opens with a body's or a place's name and a colon, text after it (``县人民医院：1月1日普通
    门诊停诊，…``, ``城关镇：凤凰村党总支、…``; :data:`BODY_LABEL_RE`,
    :func:`convert.reader.names.is_org_name`, :func:`convert.reader.names.is_signing_unit`): an entry
    of a list labelled by the bodies or places it is about, one to a line."""
    from convert.reader.names import is_org_name, is_signing_unit

    m = BODY_LABEL_RE.match(line.text)
    return m is not None and (is_org_name(m.group(1)) or is_signing_unit(m.group(1)))


def addressee_line(line: Line) -> bool:
    """*line* is a 主送 line (GB/T 9704-2012 7.3.3: the bodies addressed, under the title, the last
    one followed by a full-width colon; it may run over several lines, 回行时仍顶格): bodies apart
    with ，、 and nothing else, a short qualifier in brackets allowed inside one (各派驻（派出）机构)."""
    text = line.text.strip()
    if not text.endswith(("：", ":")) or len(line.key) > 60 or re.search(r"[。；;！？]", text):
        return False
    from convert.reader.names import is_org_name

    parts = [p for p in re.split(r"[，、,]", "".join(text[:-1].split()))]
    return all(p and (is_org_name(p) or _ADDRESSEE_RE.match(_QUALIFIER_RE.sub("", p))) for p in parts)


def wrap_gap(above: str, below: str, gap: str) -> bool:
    """A gap character *gap* (an ideographic space, a tab) stands where a wrap cut two raw lines:
    at the end of *above* (line ends and trailing spaces aside) or at the start of *below* (its
    leading spaces and form feed aside): the gap the wrap fell in, kept at the join."""
    return above.rstrip(" \r\n\f").endswith(gap) or below.lstrip(" \f").startswith(gap)


def _author_line_cut(a: Line, b: Line) -> bool:
    """*a* and *b* (no blank line between) are the two parts of an author line a wrap cut (a unit
    and a name, ``县供电公司`` / ``　许一帆``, ``苎溪重工铸造车`` / ``间　周立平``): both short (at most 20
    and 12 characters), no punctuation, *a* no author line alone and *b* no unit and name alone, and
    the two together one (:func:`convert.reader.logical.roles.author_line`, a unit and a name)."""
    from types import SimpleNamespace

    from convert.reader.logical.roles import author_line

    if not (0 < len(a.key) <= 20 and 0 < len(b.key) <= 12) or any(c in PROSE_PUNCT or c == "、" for c in a.text + b.text):
        return False
    text = a.text.strip() + ("\u3000" if wrap_gap(a.raw, b.raw, "\u3000") else "") + b.text.strip()
    both = author_line(SimpleNamespace(text=text, key="".join(text.split())))
    return (both is not None and not both.startswith("a bare name") and author_line(a) is None
            and (author_line(b) or "a bare name").startswith("a bare name"))


#: An attachment's mark alone on its line over the attachment's title (GB/T 9704-2012 8.1: 附件
#: 标识 at the top left of the attachment's first page, its number when there are several).
ATTACHMENT_MARK_RE = re.compile(r"附件[\d一二三四五六七八九十]{0,2}[：:]?")


def _field_cut(above: str, below: str) -> bool:
    """A field the wrap cut between *above* and *below*, which goes on whatever line of its own
    *above* is: inside a telephone number, the bracket it opened closing on the next line
    (``联系电话：（0`` / ``390）7231472``) or the number's last digits alone there (``电话：（0390）72``
    / ``63185``); or inside a label, *above* ending after a wide gap with its first characters and
    *below* opening with the rest and the colon (``…联系人：尹女士　　电`` / ``话：（0390）7263185``),
    together a colophon label or a telephone's (…电话)."""
    top = above.rstrip()
    if re.search(r"[（(]\d{0,4}$", top) and closes_bracket(below):
        return True
    if top[-1:].isdigit() and re.fullmatch(r"\d{1,8}", below.strip()):
        return True
    m = re.search(r"(?:\u3000|\s{2,})([\u4e00-\u9fff]{1,3})$", top)
    n = re.match(r"\s*([\u4e00-\u9fff]{1,4})[：:]", below)
    if m is None or n is None:
        return False
    label = m.group(1) + n.group(1)
    return label.endswith("电话") or COLOPHON_FIELD_RE.match(label + "：") is not None


def _own_line(line: Line) -> str | None:
    """Why *line* stands on its own whatever surrounds it (a colophon field, a print run, a
    reporter line, a masthead line), else ``None``."""
    from convert.reader.body import BYLINE_LINE_RE

    k = line.key
    if colophon_kind(line):
        return "a colophon line"
    if addressee_line(line):
        return "a 主送 line (the bodies addressed, a colon after the last: GB/T 9704-2012 7.3.3)"
    if DOC_NUMBER_RE.fullmatch(k):
        return "a document's number (发文字号: GB/T 9704-2012 7.2.4)"
    if ATTACHMENT_MARK_RE.fullmatch(k):
        return "an attachment's mark over its title (附件, 附件2: GB/T 9704-2012 8.1, on a line of its own)"
    if SALUTATION_LINE_RE.fullmatch(k):
        return "a letter's or speech's salutation (称呼, alone on its line: 书信 practice)"
    from convert.reader.logical.roles import PAGE_LABEL_RE

    if PAGE_LABEL_RE.match(k):
        return "a newspaper's page label (第1版：要闻), alone on its line"
    if BYLINE_LINE_RE.match(k) and len(k) <= 20 and not any(c in PROSE_PUNCT for c in line.text):
        return "a reporter line"
    from convert.reader.logical.roles import author_line

    author = author_line(line) if len(k) <= 24 else None
    if author is not None and not author.startswith("a bare name"):
        return author  # a unit and a name under a title (县委党史研究室　柴文博), 文／X
    if len(k) <= 40 and ((len(k) <= 20 and classify(line.text) in ("edition", "date", "printed", "registration", "lunar"))
                         or masthead_field_line(line)):
        return "a masthead line (" + classify(line.text) + ")"
    return None


def extent(text: str) -> float:
    """The most room a printed line of *text* may have taken, in ideograph widths: every
    character one (digits and Latin letters take half in a proportional face, a whole one in a
    monospaced extraction). What a line must fall short of to have ended before the column's end
    (:func:`decide_break`: a line of digits cut at the column is no short line)."""
    return float(len(text.strip()))


#: A field of a record printed one field a line (a book notice's 作者：/索书号：/馆藏地点：, a
#: notice's 时间：/地点：/电话：): a short label of two to five ideographs (letter-spacing
#: allowed), a full-width or ASCII colon, then a value. One character class per step: linear.
FIELD_LINE_RE = re.compile(r"^[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,4}[：:](?=\S)")
#: What a field's value does not hold: a mark that parts clauses or ends a sentence (a value is a
#: name, a number, a place; ``他说：我们要…，…`` is a sentence).
FIELD_STOPS = set("，,。；;！？!?")


def field_text(text: str) -> bool:
    """*text* (one line) is a field of a record printed a field a line: a label of two to five
    ideographs, a colon, a value (:data:`FIELD_LINE_RE`) with no clause or sentence mark
    (:data:`FIELD_STOPS`), at most 30 characters in all (library and newspaper practice: a 书讯's
    作者/索书号/馆藏地点, a notice's 时间/地点; the lay-out of the 版记's label：value lines,
    GB/T 9704-2012 7.4)."""
    t = text.strip()
    return len(t) <= 30 and bool(FIELD_LINE_RE.match(t)) and not any(c in FIELD_STOPS for c in t)


#: A field of a box's row (a notice's 营业厅办理时间：周一至周五　8:30—17:00（法定节假日除外）,
#: a data box's 最大1小时雨强：…): a label of two to ten characters, Han and digits, a Han
#: character first, a colon, a value.
ROW_FIELD_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\d]{1,9}[：:](?=\S)")


def field_row(text: str) -> bool:
    """*text* (one line) is a box's row of record fields: one field or several set apart by a wide
    gap (:data:`FIELD_GAP_SPLIT_RE`), each a label (:data:`ROW_FIELD_RE`), a colon and a value
    with no clause or sentence mark (:data:`FIELD_STOPS`), at most 60 characters in all (a notice's
    or a 温馨提示's 城东营业所：金桥路56号　　城西营业所：西山路27号; the 版记's label：value
    lay-out, GB/T 9704-2012 7.4). One pass over the line."""
    t = text.strip()
    if len(t) > 60 or any(c in FIELD_STOPS for c in t):
        return False
    return all(ROW_FIELD_RE.match(part) for part in FIELD_GAP_SPLIT_RE.split(t) if part)


#: A phone number as a contact line prints it: a service number (12315, 12345), a number with its
#: area code (0739-8276315, （0739）8276315), a mobile number.
PHONE = r"(?:[（(]\d{3,4}[）)])?\d[\d\-－—]{3,18}\d"
#: A line of label：phone fields, whitespace removed (``投诉举报电话：12315县局消费者权益保护股：0739-8276315``;
#: a label may open with the hours it answers, ``24小时抢修电话：5216119``).
PHONE_FIELDS_RE = re.compile(rf"(?:(?:\d{{1,2}}(?=小时))?[\u4e00-\u9fff（）()][\u4e00-\u9fff（）()\d]{{1,15}}[：:]{PHONE}[，,、；;]?)+")


def phone_fields(key: str) -> bool:
    """*key* (a line's text, whitespace removed) is a line of label：value fields whose values are
    phone numbers: a notice's or a 消费提示's 投诉举报电话：12315 closing a piece, the same
    lay-out as the 版记's label：value lines (GB/T 9704-2012 7.4), never a title (no title is a
    phone number). At most 80 characters."""
    return len(key) <= 80 and PHONE_FIELDS_RE.fullmatch(key) is not None


#: A contact line: label：phone fields, the office answering in brackets after them
#: (``咨询电话：86213375（街道社区服务中心医保窗口）``), or the person to contact before them
#: (``联系人：苏芮联系电话：（0790）8216457``) and the address before that (``地址：…路9号联系电话：…``),
#: whitespace removed.
CONTACT_LINE_RE = re.compile(rf"(?:地址[：:][^：:。；;，,]{{2,40}}?)?(?:联系人[：:][\u4e00-\u9fff·]{{2,5}}[，,、；;]?)?"
                             rf"{PHONE_FIELDS_RE.pattern}"
                             rf"(?:[（(][^（）()]{{2,30}}[）)])?")


#: A letter's salutation (称呼) on a line of its own, whitespace removed: a few words, a book's
#: or paper's name in 《》 or a body's short name in brackets among them, and a colon
#: (``编辑同志：``, ``《澜溪水务》编辑部：``, ``尊敬的蕙阳县委统战部（县台办）：``; 书信 practice).
#: A lead's formula (…如下：, 现将…通报如下： in GB/T 9704 practice) is no salutation: such a
#: line is the rest of a sentence a break cut (``办如下：``).
SALUTATION_RE = re.compile(r"^(?:[\u4e00-\u9fff]|《[\u4e00-\u9fff]{1,12}》|（[\u4e00-\u9fff]{2,8}）){2,16}(?<!如下)(?<!如次)[：:]$")


def contact_line(key: str) -> bool:
    """*key* (a line's text, whitespace removed) is a line of phone fields (:func:`phone_fields`),
    with or without the office that answers in brackets after them: a notice's closing contact
    line, whole on its line (a phone number ends it; no sentence goes on after the bracket). At
    most 80 characters."""
    return phone_fields(key) or (len(key) <= 80 and CONTACT_LINE_RE.fullmatch(key) is not None)


def as_wide_as_wrapped(line: Line, width: float | None) -> bool:
    """*line* is as wide as a hard-wrapped line of a text wrapped at *width* (ideograph widths,
    ``None``: the text is not hard-wrapped), within the tolerance of :func:`_tolerance`: the line
    after it may go on with it."""
    return width is not None and display_width(line.text.strip()) >= width - _tolerance(width)


def centred_cut(first: Line, second: Line, width: float | None) -> bool:
    """*first* is a centred line a hard wrap cut, *second* its rest: *first* is set in from the
    left deeper than a paragraph's first-line indent (段首空两字: more than two ideograph widths of
    leading space, a centred title's), and its leading space and text together, counted a
    character a column as a monospaced extraction sets them (:func:`extent`), reach the column's
    end (*width*, the wrap's estimate, within :func:`_tolerance`), which a centred line that ended
    on its own never does (its right margin is its left); *second* opens flush left, no blank line,
    form feed or markup between, and neither holds clause punctuation (two pieces of one title).
    ``False`` in a text with no wrap width."""
    raw = first.raw.lstrip("\f").rstrip("\r\n")
    lead = leading_blanks(raw)
    return (width is not None and display_width(lead) > 2 and first.text.strip() != ""
            and len(lead) + extent(first.text) >= width - _tolerance(width)
            and not second.blank_before and not second.form_feed and not second.marked and not first.marked
            and second.raw.lstrip("\f")[:1] not in " \t\u3000" and second.text.strip() != ""
            and clause_free(first.text) and clause_free(second.text)
            and not INNER_GAP_RE.search(first.text.strip()) and not INNER_GAP_RE.search(second.text.strip()))


#: The fewest characters of each line of a title printed centred in two lines (:func:`centred_pair`).
CENTRED_PAIR_MIN = 6


def centred_pair(first: Line, second: Line) -> bool:
    """*first* and *second* are one title printed centred in two lines of about the same length
    (标题回行: a long title set in two balanced lines, each centred): both set in from the left
    deeper than a paragraph's first-line indent (more than four ideograph widths of leading
    space), their centres within one ideograph width and their lengths within two characters of
    each other, :data:`CENTRED_PAIR_MIN` characters each at least, neither holding clause
    punctuation or a wide gap inside, no blank line, form feed or markup between, *first*
    quoting nothing (“”《》: a 引题 names its event so) and *second* no subtitle (——…), bracketed
    note, author line or masthead line. A 引题 over its title is mostly shorter, an author line
    shorter still. Weak: the caller marks it ``@cert`` medium."""
    if second.blank_before or second.form_feed or first.marked or second.marked:
        return False
    a, b = first.text.strip(), second.text.strip()
    if min(len(a), len(b)) < CENTRED_PAIR_MIN or abs(len(a) - len(b)) > 2 or not _same_axis(first, second):
        return False
    if not (clause_free(a) and clause_free(b)) or INNER_GAP_RE.search(a) or INNER_GAP_RE.search(b):
        return False
    # (a first line quoting a name, ``“檐下读书会”第四十二期``, is a 引题's shape: no half of a title)
    return (b[:1] not in "—（(【〔[" and not any(c in "“”《》" for c in a)
            and _own_line(second) is None and _own_line(first) is None)


def _doubled(a: str, b: str) -> bool:
    """*a* ends with the ideograph *b* starts with, one not often doubled on purpose (人人, 天天):
    a character printed twice across an old page break (防控 | 控工作)."""
    from convert.reader.body import REDUPLICATED

    end, start = a.rstrip()[-1:], b.lstrip()[:1]
    return bool(end) and end == start and "\u4e00" <= end <= "\u9fff" and end not in REDUPLICATED


def bracket_open(text: str) -> bool:
    """*text* ends inside a bracket it opened: its last （ or ( has no ） or ) after it."""
    k = max(text.rfind("（"), text.rfind("("))
    return k >= 0 and "）" not in text[k:] and ")" not in text[k:]


#: The most content characters of a bracketed note on a line of its own (:func:`whole_bracket`).
NOTE_MAX = 80


def whole_bracket(text: str) -> bool:
    """*text* is one bracketed aside from its first character to its last (``（作者系县水利局退休
    干部）``, ``（本文有删节）``, ``（县关工委办公室供稿）``): it opens with （ or (, the bracket it opens
    closes only at its end (brackets inside it balanced), at most :data:`NOTE_MAX` characters.
    Brackets mark an aside, a note (注释内容, GB/T 15834-2011 4.9); a note printed on a line of
    its own after a piece (an author's note, a credit) is a paragraph of its own, which the text
    under it never goes on. One pass over the text."""
    t = text.strip()
    if not t or t[0] not in "（(" or t[-1] not in "）)" or len(t) > NOTE_MAX:
        return False
    depth = 0
    for k, ch in enumerate(t):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth <= 0:
                return k == len(t) - 1
    return False


def closes_bracket(text: str) -> bool:
    """*text* closes a bracket opened before it: a ） or ) stands before any （ or (, within its
    first 30 characters (a wrapped credit or aside, not a paragraph of its own)."""
    head = text[:30]
    close = min((k for k in (head.find("）"), head.find(")")) if k >= 0), default=-1)
    opens = [k for k in (head.find("（"), head.find("(")) if k >= 0]
    return close >= 0 and not any(k < close for k in opens)


def _tolerance(width: float) -> float:
    """How much narrower than the estimated wrap width a wrapped line may be (digits and Latin
    letters are narrower than ideographs; lines end before a character that may not start one)."""
    return max(2.0, 0.1 * width)


def clause_free(text: str) -> bool:
    """No clause or sentence punctuation (，。；：), no sentence end; an exclamation or question
    mark inside is allowed (``榜单揭晓！郑州获评…``)."""
    return not any(c in PROSE_PUNCT and c not in "！？!?" for c in text) and not sentence_final(text)


#: The most titles a contents list without page numbers is read for (an issue's 要目)
PAGELESS_MAX = 40
#: A page number after a gap at a line's end (``…培训班　　1``: a contents line without leaders)
PAGE_AFTER_GAP_RE = re.compile(r"\S(?:\s{2,}|[\u3000\t])[\d０-９]{1,3}\s*$")


#: A column's name in 【】 printed before an entry's title in a contents list (``【调研报告】…``).
COLUMN_PREFIX_RE = re.compile(r"^【[^【】]{1,12}】")


def pageless_entries(lines: list[Line]) -> list[tuple[int, str]]:
    """The titles of a contents list printed without page numbers (``本期要目`` over one title a
    line, a briefing's or a journal's; GB/T 9704 has no contents, the series' own practice): for
    each line whose text is a contents heading (:data:`convert.reader.layout.CONTENTS_HEAD_RE`),
    the lines after it, ``(index, key)``, while each is a title's shape: 2 to 60 characters, two
    Han characters at least, no sentence or clause punctuation (。，；, a colon only inside a title: ``单位：题``). The run stops at the first
    other line, or after :data:`PAGELESS_MAX` lines. The first body title, printed right after the
    list, may be taken with it: it names a title all the same. A run that comes to a line with a page
    number (after a leader or a gap: :data:`PAGE_AFTER_GAP_RE`) is no such list: a list with pages,
    read otherwise, whose lines without one are column names.
    Linear in the lines."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(lines):
        if not CONTENTS_HEAD_RE.match(lines[k].key):
            k += 1
            continue
        j = k + 1
        run: list[tuple[int, str]] = []
        while j < len(lines) and j - k <= PAGELESS_MAX:
            line = lines[j]
            key = line.key
            if line.page is not None or PAGE_AFTER_GAP_RE.search(line.text) or ENTRY_PAGE_ALONE_RE.search(line.text):
                run = []  # a list with pages (leaders or a gap before them, or a 导读's N版): read otherwise
                break
            if run and run[-1][0] == j - 1 and len(run[-1][1]) >= 12 and re.fullmatch(r"[\u4e00-\u9fff]{1,2}", key):
                # one or two characters under a long entry: its rest the wrap carried over (…情况的通 /
                # 报), put back by rejoin_wrapped_entries
                run.append((j, key))
                j += 1
                continue
            if (not 2 <= len(key) <= 60 or any(c in "。，,；;" for c in line.text) or line.text.rstrip()[-1:] in "：:"
                    or sum(1 for c in key if "\u4e00" <= c <= "\u9fff") < 2):
                break  # (a colon inside a title stands: 城东街道团工委：“青年议事会”…; one ending a line is a lead's)
            run.append((j, key))
            j += 1
        out += run
        k = j
    return out


def rejoin_wrapped_entries(lines: list[Line], run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The titles of a contents list without page numbers (*run*, :func:`pageless_entries`), an
    entry the wrap cut over two of its lines put back together: two lines of the list, one right
    under the other, whose keys run together are a title printed later in the issue (on one line,
    or on two lines one right under the other, cut elsewhere), where the first line alone is no
    later line's text. Two titles the list prints one under the other never stand one right under
    the other in the body (an article's text parts them), and a column's name the body prints on
    its own line; a 【】 name and a ——subtitle are never a title's part.
    ``(index, key)`` as in *run*, the joined entry at its first line's index. Linear in the lines
    (a set of the later lines' keys, and of two consecutive lines' keys run together)."""
    if len(run) < 2:
        return run
    # each key's last line, and each two consecutive lines' keys run together (the list's run
    # may take in the first body title: "later" is after the two lines)
    last_line: dict[str, int] = {}
    last_pair: dict[str, int] = {}
    for m, line in enumerate(lines):
        if line.key:
            last_line[line.key] = m
            if m and lines[m - 1].key and len(lines[m - 1].key) + len(line.key) <= 60:
                last_pair[lines[m - 1].key + line.key] = m - 1
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(run):
        k, key = run[n]
        if n + 1 < len(run):
            k2, key2 = run[n + 1]
            joined = key + key2
            # (the first line printed later only as the start of the same two lines, the title cut
            # where the list's wrap cut it: ``…提升涉企案件审判`` / ``执行质效`` in both places)
            # (a line as long as a wrapped one over a shorter rest: a column's name over the
            # section's first title is printed one over the other in the body too)
            same_cut = (last_pair.get(joined, -1) > k2 and last_pair[joined] == last_line.get(key)
                        and len(key) >= 16 and len(key) > len(key2))
            if (k2 == k + 1 and len(joined) <= 60 and (last_line.get(key, -1) == k or same_cut)
                    and not any(x[:1] == "【" and x[-1:] == "】" for x in (key, key2))
                    and not key2.startswith("—")
                    and (last_line.get(joined, -1) > k2 or last_pair.get(joined, -1) > k2)):
                out.append((k, joined))
                n += 2
                continue
        out.append((k, key))
        n += 1
    return out


def _same_axis(a: Line, b: Line) -> bool:
    """*a* and *b* are both set in deeper than a paragraph's indent (more than four ideograph
    widths), centred on one axis (their centres within one ideograph width): two lines of a
    centred title, however long each."""
    a_raw, b_raw = a.raw.lstrip("\f").rstrip("\r\n"), b.raw.lstrip("\f").rstrip("\r\n")
    a_lead, b_lead = display_width(leading_blanks(a_raw)), display_width(leading_blanks(b_raw))
    if a_lead <= 4 or b_lead <= 4:
        return False
    return abs((a_lead + display_width(a.text.strip()) / 2) - (b_lead + display_width(b.text.strip()) / 2)) <= 1


def _signs(line: Line) -> bool:
    """*line* may be an author line under a title: a person's name alone (沈知微), or a body's
    (县科技局创新发展股), :mod:`convert.reader.names`."""
    from convert.reader.names import is_signing_unit, looks_like_person

    return looks_like_person(line.key) or is_org_name(line.key) or is_signing_unit(line.key) or unit_line(line)


def title_tails(lines: list[Line], listed_keys: set[str], indents: list[bool]) -> list[bool]:
    """For each physical line, whether it is the second line of a title printed over two lines
    whose first line alone is a contents entry (the list shortened the title to it): right under a
    line whose key is an entry (*listed_keys*), flush left or centred on its axis (:func:`_same_axis`), 2 to 20 characters with no clause or
    sentence punctuation, no gap, bracket or dash (no author line, credit or ——subtitle), no
    person's or body's name alone (:func:`_signs`: an author line), no entry itself, and the line under it opening a paragraph by its first-line indent in a text
    marked so (*indents*, :func:`indent_marked_parts`): a title is set flush or centred, its
    article's first paragraph indented under it, so a flush line between the two is the title's
    rest, no paragraph. Weak (the line's shape and place only): the caller marks it. One pass."""
    out = [False] * len(lines)
    for k in range(1, len(lines) - 1):
        line, above, below = lines[k], lines[k - 1], lines[k + 1]
        text = line.text.strip()
        if (indents[k] and indents[k + 1] and above.key in listed_keys and not above.form_feed
                and not (above.key[:1] == "【" and above.key[-1:] == "】")
                and not COLUMN_ENTRY_RE.fullmatch(above.key)  # (各地动态: a column's name, its item's title under it)
                and not line.blank_before and not below.blank_before and not line.form_feed
                and (line.raw.lstrip("\f")[:1] not in " \t\u3000" or _same_axis(above, line)) and 2 <= len(line.key) <= 20
                and clause_free(text) and not re.search(r"[\s（）()【】〔〕［］—/／·]", text)
                and line.key not in listed_keys and opens_indented(below) and not _signs(line)):
            out[k] = True
    return out


#: The most lines under a contents heading read for entries whose page ends them after a gap.
GAP_PAGED_REACH = 80


def gap_paged_entries(lines: list[Line]) -> list[bool]:
    """For each line, whether it is an entry of a contents list printed under its heading
    (:data:`convert.reader.layout.CONTENTS_HEAD_RE`, 目录) without leaders, its page a bare number
    that ends the line after a wide gap (:data:`PAGE_AFTER_GAP_RE`: ``渡口与船工：…　柯远帆　3``).
    A 目次 prints each entry's title, author and page in that order on one line (GB/T 3179-2009,
    期刊编排格式: 目次表), so the page closes the entry whatever its title holds (a colon, a comma):
    the line under it (a column name, the next entry) is no part of it. The run under a heading
    goes on while its lines are no running text (no sentence end, at most 60 characters), for at
    most :data:`GAP_PAGED_REACH` lines. Linear in the lines."""
    out = [False] * len(lines)
    k = 0
    while k < len(lines):
        if not CONTENTS_HEAD_RE.match(lines[k].key):
            k += 1
            continue
        j = k + 1
        while j < len(lines) and j - k <= GAP_PAGED_REACH:
            line = lines[j]
            if len(line.key) > 60 or sentence_final(line.text) or any(c in "。！？" for c in line.text):
                break
            out[j] = line.page is None and PAGE_AFTER_GAP_RE.search(line.text) is not None
            j += 1
        k = j
    return out


def _names_entry(line: Line, entries: list[tuple[str, Counter]]) -> bool:
    """*line* is (the start of) a title the contents list prints (*entries*: each title with
    the multiset of its characters, for a cheap upper bound before the similarity)."""
    from convert.reader.body import MATCH_RATIO, _similar

    k = line.key
    if len(k) > 60 or not k or any(c in "。；，," for c in line.text):
        return False
    chars = Counter(k)
    for e, e_chars in entries:
        if k == e or (len(k) >= 6 and e.startswith(k)):
            return True
        # difflib's quick_ratio bound: shared characters, counted with repeats
        if 2 * sum((chars & e_chars).values()) < MATCH_RATIO * (len(k) + len(e)):
            continue
        if _similar(k, e) >= MATCH_RATIO:
            return True
    return False


def _ratio(a: str, b: str) -> float:
    """difflib's ratio of two keys (no prefix shortcut: a title's start is no whole title here)."""
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _completes_entry(a: Line, b: Line, entries: list[tuple[str, Counter]]) -> bool:
    """*a* and *b* together are a title the contents list prints, *a* alone only its start: a
    title longer than the column, wrapped (neither line may hold a comma or full stop)."""
    from convert.reader.body import MATCH_RATIO, _similar

    if any(c in "。；，," for c in a.text + b.text) or b.page is not None or b.text.lstrip().startswith("—") \
            or (a.key[:1] == "【" and a.key[-1:] == "】"):
        return False  # (a subtitle's dash opens a line of its own: 副题, under the title; a column's name in 【】 too)
    ka, kab = a.key, a.key + b.key
    if not ka or len(kab) > 60:
        return False
    if any(e.lstrip(BULLET_CHARS).startswith((ka + "：", ka + ":")) for e, _ in entries):
        return False  # the column's name a 导读 entry prints before its title (居民说事：…), over that title
    for e, _ in entries:
        if len(e) > len(ka) and (e.startswith(kab) or kab == e):
            return True
        # printed a little differently: the line still begins the title, the two lines match it
        # (the list's entry shortened by a few words: 纪念抗战胜利… for 纪念中国人民抗日战争胜利…;
        # 县财政局召开政府采购… for 县财政局召开2025年政府采购 / 和…: six characters in common at the start)
        if (len(e) > len(ka) and len(kab) <= len(e) + 8
                and (_similar(ka, e[: len(ka)]) >= MATCH_RATIO or len(os.path.commonprefix([ka, e])) >= 6)
                and _similar(kab, e) >= MATCH_RATIO and _ratio(kab, e) > _ratio(ka, e)):
            return True
    return False


#: The name of a brief-news column (简讯, 快讯 …; not 简报, a series' own name).
BRIEF_COLUMN_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4})(?:简讯|快讯|短讯|速览|速递|一句话新闻)$")


def _brief_column(lines: list[Line], i: int) -> bool:
    """Line *i* names a brief-news column (:data:`BRIEF_COLUMN_RE`, letter-spaced or not) and the
    next line with text opens with a bullet: the column's first item (``●镇卫生院开展…``)."""
    if not BRIEF_COLUMN_RE.match(lines[i].key):
        return False
    nxt = next_with_text(lines, i)
    return nxt is not None and nxt.text.lstrip()[:1] in BULLET_CHARS


def _open_quote(t: str) -> bool:
    """*t* leaves a quotation, a book title or a bracket open (``…重新获得“``)."""
    return t.count("“") != t.count("”") or t.count("《") != t.count("》") or t.count("（") != t.count("）")


def _outrun(a: Line, b: Line, width: float) -> bool:
    """*b*, a line of running text (clause punctuation in it), is wider than *a* (its indent
    counted) by more than twice the tolerance of a wrap at *width* (:func:`_tolerance`), counting
    every character one and counting digits and Latin letters half: a hard wrap cuts every line
    of a paragraph at about one width,
    so *a* stopped short of the column's end and was not cut by the wrap, whatever the estimate
    of the wrap width says (it runs low where lines were wrapped twice, at two widths). Not when
    *a* leaves a quotation, a book title or a bracket open (``…区政府《关于提请审议``): a title
    quotes whole names, a line cut inside a quotation is prose the wrap cut (in a PDF's text,
    proportional widths let the next line hold many more characters), nor when it holds an
    enumeration comma (、: a list, what a line of prose without a comma often is)."""
    tol = 2 * _tolerance(width)  # the wrap's own play, line to line, is about one tolerance
    t = a.text
    if "、" in t or _open_quote(t):
        return False
    # a paragraph's first line is narrower by its indent (段首缩进): counted as printed
    raw = a.raw.rstrip()
    indent = display_width(leading_blanks(raw))
    return (any(c in PROSE_PUNCT for c in b.text) and not b.marks and not b.form_feed
            and extent(b.text) > extent(t) + indent + tol
            and display_width(b.text.strip()) > display_width(t.strip()) + indent + tol)


def _heading_tail(a: Line, parts: int, b: Line, width: float | None) -> bool:
    """*b* is the rest of the ``#`` heading *a* that a hard wrap cut (``## 县…情况开`` / ``展执法检查``):
    an ATX heading is one source line (CommonMark 0.31 §4.2), so a line under it with no blank
    line between is either the next block or the heading's own words the wrap carried over. The
    latter when the text is hard-wrapped, *a* (markup included: the wrap counted it) is as wide
    as a wrapped line, and *b* is a few words (at most half the width; two thirds when *a* breaks
    off inside a quotation or bracket, or holds a gap that sets a title's two printed lines on one,
    ``主题　副题…``) without markup, clause punctuation, digits, an inner gap or a subtitle's dash,
    and no line of its own by its shape (a reporter, author or masthead line, a body's name alone:
    the heading's author line)."""
    if parts != 1 or a.level == 0 or b.marked or width is None or b.page is not None:
        return False
    tail, head = b.text.strip(), a.text.strip()
    most = width * 2 / 3 if (_open_quote(head) or INNER_GAP_RE.search(head)) else width / 2
    return (extent(a.raw) >= width - _tolerance(width) and clause_free(a.text) and clause_free(tail)
            and 0 < len(b.key) <= most and len(b.key) == len(tail) and not tail.startswith("—")
            and not any(ch.isdigit() for ch in tail) and tail[:1] not in BULLET_CHARS and _own_line(b) is None
            # (a body's name alone under the heading is its author line: ``县科技局创新发展股``)
            and not is_org_name(tail))


#: A sentence inside an item's text after its number: the item is a paragraph, not a title.
_ITEM_SENTENCE = set("。；;！？!?")
#: How many physical lines below a numbered line its next sibling is looked for.
_SIBLING_REACH = 60
#: The evidence of a join made because the line is an item of a run-in series (:func:`decide_break`).
RUN_IN_JOIN = "it opens with an item number"


def item_number(text: str) -> tuple[int, int, str] | None:
    """``(level, number, rest)`` when *text* opens with a number of the GB/T 15834-2011 B.3.8
    series (一、 level 1, （一） 2, 1. 3, （1） 4; the numbers of headings and of list items
    alike), *rest* the text after it; else ``None``."""
    from convert.reader.logical.roles import SUBHEAD_LEVELS
    from convert.reader.masthead import numeral

    t = text.strip()
    for level, rx in SUBHEAD_LEVELS:
        m = rx.match(t)
        if m:
            n = numeral(m.group("n"))
            return None if n is None else (level, n, t[m.end():])
    return None


def run_in_item(rest: str) -> bool:
    """The text *rest* after an item's number holds a sentence (。；！？): the item is a paragraph
    that opens with a run-in lead (a 通报's 典型问题 item ``1.…问题。2022年…``), not a title."""
    return any(c in _ITEM_SENTENCE for c in rest)


def run_in_sibling(lines: list[Line], i: int, series: dict[int, tuple[int, bool, bool]]) -> str | None:
    """Whether physical line *i* opens with an item number whose sibling is a run-in paragraph
    (:func:`run_in_item`): the number before it at its level, as the unwrapping pass last saw it
    (*series*: level → (number, run in) of the last numbered logical line, none of a higher level
    after it), or else the number after it, on a line at most :data:`_SIBLING_REACH` lines below
    with none of a higher level between. The items of one series share their form (GB/T
    15834-2011 B.3.8 numbers list items as well as headings): the evidence as a phrase, else
    ``None``."""
    found = item_number(lines[i].text)
    if found is None or run_in_item(found[2]):
        return None
    level, n, _ = found
    if (before := series.get(level)) is not None and before[0] == n - 1 and before[1]:
        return f"the item before it ({n - 1}) is a paragraph"
    for j in range(i + 1, min(len(lines), i + 1 + _SIBLING_REACH)):
        other = item_number(lines[j].text)
        if other is None:
            continue
        if other[0] < level:
            break
        if other[0] == level and other[1] == n + 1:
            return f"the item after it ({n + 1}) is a paragraph" if run_in_item(other[2]) else None
    return None


#: The end of the evidence :func:`head_sibling` gives (the logical stage reads the line's end by it).
HEAD_SIBLING = "a heading like it (one numbering series, one form)"


def _head_marks_free(text: str) -> bool:
    """*text* holds no clause or sentence mark (a numbered item's label's colon aside): a head's
    shape among numbered items (:func:`head_sibling`, :func:`note_item`)."""
    return not any(c in "，,。；;、！？!?" for c in text)


def head_sibling(line: Line, series: dict[int, tuple[int, bool, bool]]) -> str | None:
    """Why physical *line* ends on its own: it opens with an item number (``2.``) whose sibling
    before it at its level (*series*, see :func:`run_in_sibling`) was a line of its own, not run
    in, and it holds no clause mark but a label's colon (``2.东源乡：财务公开让…“亮堂堂”``): the items
    of one series share their form (GB/T 15834-2011 B.3.8), a heading like the one before it.
    Else ``None``."""
    found = item_number(line.text)
    if found is None or not _head_marks_free(line.text):
        return None
    level, n, _ = found
    if n > 1 and (before := series.get(level)) is not None and before[0] == n - 1 and before[2]:
        return (f"numbered {n}, no clause mark but its label's colon, its sibling {n - 1} a line of its own: "
                + HEAD_SIBLING)
    return None


def note_item(line: Line, series: dict[int, tuple[int, bool, bool]]) -> None:
    """Record logical *line* in *series* (see :func:`run_in_sibling`) when it opens with an item
    number: its number, whether it is run in, and whether it is a head (no clause mark but a
    label's colon: :func:`head_sibling`); the levels below it start again."""
    found = item_number(line.text[:8])
    if found is None:
        return
    level, n, _ = found
    for deeper in [d for d in series if d > level]:
        del series[deeper]
    # (run in; or a head: no clause mark but a label's colon, whole on its line)
    series[level] = (n, run_in_item(line.text), _head_marks_free(line.text))


def opens_indented(line: Line) -> bool:
    """Physical *line* opens with a paragraph's first-line indent (:data:`INDENT_RE`, 段首空两字).
    In a file whose prose keeps a left margin (``line.margin`` spaces, :func:`left_margin`), the
    indent is read after the margin: two spaces or more beyond it (a line set at the margin alone
    is a paragraph's wrapped line)."""
    raw = line.raw.lstrip("\f")
    if line.margin and raw[: line.margin] == " " * line.margin:
        rest = raw[line.margin:]
        lead = len(rest) - len(rest.lstrip(" "))
        return lead >= 2 and rest[lead:lead + 1] not in ("", "\t", "\u3000")
    return INDENT_RE.match(raw) is not None


#: The fewest lines of prose that show a left margin (:func:`left_margin`).
MARGIN_LINES_MIN = 12


def left_margin(lines: list[Line]) -> int:
    """The spaces of a left margin every line of prose keeps (more than 20 characters, whitespace
    aside): a ``pdftotext -layout`` copy sets its body some spaces in and a paragraph's first line
    some more, so the first-line indent (段首空两字) is read after the margin. The fewest leading
    spaces of those lines, when there are :data:`MARGIN_LINES_MIN` of them at least and a third
    at least open with exactly that many (the wrapped lines of paragraphs) and three at least open
    two to eight spaces deeper (paragraphs' first lines); else 0. A file where any line of prose
    is flush left has none. One pass over the lines."""
    counts: dict[int, int] = {}
    for line in lines:
        if len(line.key) > 20:
            raw = line.raw.lstrip("\f")
            n = len(raw) - len(raw.lstrip(" "))
            counts[n] = counts.get(n, 0) + 1
    total = sum(counts.values())
    if total < MARGIN_LINES_MIN:
        return 0
    m = min(counts)
    # (and three paragraphs at least open a few spaces deeper: a margin with first-line indents
    # beyond it; a margin over blank-separated paragraphs marks nothing)
    opened = sum(c for n, c in counts.items() if m + 2 <= n <= m + 8)
    return m if m >= 2 and counts[m] * 3 >= total and opened >= 3 else 0


def indent_marked_lines(lines: list[Line]) -> bool:
    """The physical *lines* mark their paragraphs only by the first-line indent (段首空两字,
    ordinary typesetting; clreq: indentation): three lines at least open indented, and at most
    half of them (so the indent is no page margin every line shares), and either hardly a line
    follows a blank one (fewer than one in five) or, of the indented openings right under a
    line that ends a sentence (a paragraph under a paragraph), two at least and fewer than a
    third follow a blank line (blank lines set around titles and column names only: where blank
    lines part the paragraphs, nearly every such opening follows one). One pass over the lines."""
    text = [line for line in lines if line.key and not line.furniture]
    if not text:
        return False
    blanks = sum(1 for line in text if line.blank_before)
    starts = under = under_blank = 0
    for prev, line in zip([None] + text, text):
        if opens_indented(line):
            starts += 1
            if prev is not None and sentence_final(prev.text):
                under += 1
                under_blank += line.blank_before
    return starts >= 3 and starts * 2 <= len(text) and (blanks * 5 < len(text) or 2 <= under > under_blank * 3)


def blank_marked_lines(lines: list[Line]) -> bool:
    """The physical *lines* part their paragraphs by blank lines, whatever their indents: three
    at least of the lines opening indented right under a line that ends a sentence, and two
    thirds of those at least, follow a blank line. One pass over the lines."""
    text = [line for line in lines if line.key and not line.furniture]
    under = under_blank = 0
    for prev, line in zip([None] + text, text):
        if prev is not None and opens_indented(line) and sentence_final(prev.text):
            under += 1
            under_blank += line.blank_before
    return under_blank >= 3 and under_blank * 3 >= under * 2


#: The fewest text lines of a part of the file (between runs of two blank lines or more) that is
#: judged by its own paragraph marks; a smaller part takes the whole file's judgement.
INDENT_PART_MIN = 20


def indent_marked_parts(lines: list[Line]) -> list[bool]:
    """For each physical line, whether the part of the file it stands in marks its paragraphs only
    by the first-line indent (:func:`indent_marked_lines`): a file may hold issues of several
    series (``cat a.txt b.txt``, the issues apart by two blank lines or more), one set with blank
    lines between its paragraphs, the next indented without them. A part of fewer than
    :data:`INDENT_PART_MIN` text lines takes the whole file's judgement. In a file whose whole
    marks its paragraphs by their indent, a part does not only where it shows blank lines parting
    its paragraphs (:func:`blank_marked_lines`): a part of a notice's paragraphs of a line each
    opens more than half its lines indented, one of records and titles has few openings under a
    sentence. Two passes over the lines."""
    whole = indent_marked_lines(lines)
    out = [whole] * len(lines)
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and lines[end].blanks_before < 2:
            continue
        part = lines[start:end]
        if sum(1 for line in part if line.key and not line.furniture) >= INDENT_PART_MIN:
            marked = not blank_marked_lines(part) if whole else indent_marked_lines(part)
            out[start:end] = [marked] * (end - start)
        start = end
    return out


#: A numbered entry of a reference list opening a line (GB/T 7714-2015 顺序编码制: ``[1]``, ``［2］``).
REFERENCE_ENTRY_RE = re.compile(r"^\s*[\[［](\d{1,3})[\]］]")


def reference_follows(above: str, text: str) -> bool:
    """*text* opens the next entry of the numbered reference list whose entry *above* is (GB/T
    7714-2015 顺序编码制: *above* opens with ``[n]``, *text* with ``[n+1]``), though the entry above
    ends in no sentence mark (a page range, an ASCII full stop after a digit). A citation mark at a
    wrapped line's start inside running text does not follow its paragraph's own opening number.
    Reads the two openings only."""
    m = REFERENCE_ENTRY_RE.match(text)
    if not m:
        return False
    p = REFERENCE_ENTRY_RE.match(above)
    return p is not None and int(m.group(1)) == int(p.group(1)) + 1


#: The longest photo caption (characters, whitespace aside) :func:`caption_lines` takes over a
#: credit: a sentence or two (news-writing practice)
CAPTION_MAX = 60
#: The most lines a wrap may carry a caption that opens as captions open (图为…) over, under its
#: first line, the last of them holding its credit.
CAPTION_WRAP_MAX = 3
#: The most characters of a photo credit a wrap may leave at a caption line's end or carry over.
CREDIT_CUT_MAX = 12
#: A caption's sentence end, a gap, and the start of its photo credit that a wrap cut off at the
#: line's end (``…在调试装置的控制器。　方`` / ``晓岚　摄``); bounded: linear.
#: How a photo caption opens (news practice: ``图为…`` "pictured is", ``上图：…``, ``左图为…``).
CAPTION_OPEN_RE = re.compile(r"^(?:[上下左右]?图为|[上下左右]图[：:]|图[：:])")
CREDIT_CUT_RE = re.compile(r"[。！？!?][ \u3000]+(?P<start>[^\s。！？!?][^。！？!?]{0,11})$")


def wrapped_caption_end(lines: list[Line], k: int) -> int | None:
    """The index of the line that ends the photo caption line *k* opens, when the wrap cut it:
    line *k* opens as captions open (:data:`CAPTION_OPEN_RE`: ``图为…``) and ends no sentence,
    and one of the next :data:`CAPTION_WRAP_MAX` lines (no blank line between, the caption short)
    ends the caption's sentence with its photo credit after it (``图为7月9日，…开展`` / ``红外测温。
    通讯员 X 摄``: a caption names the photographer, news practice). ``None`` otherwise. Bounded:
    a few lines looked at."""
    from convert.reader.logical.roles import CAPTION_CREDIT_RE

    text = lines[k].text.strip()
    if not CAPTION_OPEN_RE.match(text) or CAPTION_CREDIT_RE.search(text) is not None or text[-1:] in "。！？!?":
        return None
    size = len(lines[k].key)
    for j in range(k + 1, min(k + 1 + CAPTION_WRAP_MAX, len(lines))):
        below = lines[j]
        size += len(below.key)
        if below.blank_before or size > CAPTION_MAX + CREDIT_CUT_MAX:
            return None
        t = below.text.strip()
        m = CAPTION_CREDIT_RE.search(t)
        if m is not None:
            return j if t[: m.start("credit")].rstrip()[-1:] in "。！？!?" else None
        if t[-1:] in "。！？!?":
            return None
    return None


#: A labelled list item: a short name, its ordinal and a colon (``线路二：``, ``方案三：``), the label
#: of one entry of a list that numbers its entries so (GB/T 15834-2011 4.1.3: the colon after a
#: label that introduces what follows)
LABEL_ITEM_RE = re.compile(r"^[ \t\u3000]*(?P<stem>(?:(?![一二三四五六七八九十])[\u4e00-\u9fff]){1,4})"
                           r"(?P<n>[一二三四五六七八九十]{1,3})[：:]")


def labelled_items(lines: list[Line]) -> list[bool]:
    """For each line, whether it opens a labelled list item: a body's name and a colon right under
    another such line (:func:`convert.reader.layout.unit_label`), or a label of
    :data:`LABEL_ITEM_RE` (``线路二：…``) whose predecessor (``线路一：``, the same name and the ordinal one less) opened an
    earlier line: the list's next entry (or a column's next titled item, ``案例二：…``), which opens
    a line of its own and is no part of the line above it (the route under 线路一 has no sentence
    mark, yet ends there). The first entry is left to the other evidence. One pass, the last
    ordinal per name kept."""
    from convert.reader.masthead import numeral

    out = [False] * len(lines)
    last: dict[str, int] = {}
    units = [unit_label(line.text.strip()) for line in lines]
    for k, line in enumerate(lines):
        if k and units[k] and units[k - 1] and not line.blank_before and not line.form_feed:
            # a list of bodies, each with what is said of it, one to a line (a 通报's 表扬/批评
            # list: ``马鞍山乡：…巡查缺位`` over ``板栗坪乡：…无台账无器具``): the entry under another
            # opens its own line, whatever the one above ends with
            out[k] = True
            continue
        m = LABEL_ITEM_RE.match(line.text)
        if m is None:
            continue
        n = numeral(m.group("n"))
        if n is None:
            continue
        stem = m.group("stem")
        out[k] = n > 1 and last.get(stem) == n - 1
        last[stem] = n
    return out


#: A caption's credit set after a wide gap, the wrap cutting it after its first characters
#: (``…查看大棚温湿度数据　　乡农业`` over ``综合服务中心　供图``): the gap, then the credit's start.
CREDIT_GAP_CUT_RE = re.compile(r"(?:\u3000{2,}|[ ]{3,})(?P<start>[^\s。！？!?，,；;：:]{1,12})$")


def credit_gap_rests(lines: list[Line]) -> list[bool]:
    """For each line, whether it is the rest of a photo credit the wrap cut off the caption line
    above: that line, a caption of :data:`CAPTION_MAX` characters at most with no clause
    punctuation, ends with a wide gap and the credit's first characters
    (:data:`CREDIT_GAP_CUT_RE`), and those characters with this line, short and right under it,
    are a photo credit alone (:func:`convert.reader.logical.roles.photo_credit_alone`: ``乡农业综合
    服务中心　供图``). The caller joins the two. One pass."""
    from convert.reader.logical.roles import photo_credit_alone

    out = [False] * len(lines)
    for k in range(len(lines) - 1):
        line, rest = lines[k], lines[k + 1]
        text = line.text.rstrip()
        if (not rest.blank_before and not rest.form_feed and 0 < len(rest.key) <= CREDIT_CUT_MAX
                and len(line.key) <= CAPTION_MAX + CREDIT_CUT_MAX and (m := CREDIT_GAP_CUT_RE.search(text)) is not None
                and clause_free(text[: m.start()]) and photo_credit_alone(split_lines(m.group("start") + rest.text.strip())[0])):
            out[k + 1] = True
    return out


#: The most characters a line of verse in a run of them holds (a 新诗 line; a 七言 line with its
#: marks is 8).
VERSE_LINE_MAX = 16
#: How many short lines in a row, no blank line between, make a run of verse lines.
VERSE_RUN_MIN = 4


def verse_runs(lines: list[Line], widths: Callable[[int], float | None]) -> list[bool]:
    """For each physical line of *lines*, whether it stands in a run of :data:`VERSE_RUN_MIN` or
    more consecutive short lines (2 to :data:`VERSE_LINE_MAX` characters, no blank line, page
    break or milestone between them, each set in as far as the first: a stanza's lines align,
    a centred title and its wrapped rest do not): none opening with a list number or a bullet,
    none a field, contact line or table row, none wholly in brackets (a credit, a column's name
    in 【】), none ending in a colon, in a stretch the extraction did not
    hard-wrap (*widths*: the line's index → the wrap width near it in ideograph widths, ``None``
    where there is none; where there is one, a line narrower than the wrap ends already, and a
    centred title the wrap cut makes short lines too). Such a run, one paragraph to a line
    elsewhere, is verse set a line each (a 新诗's stanza with its blank lines lost, 门一开，老人
    探出身子 / 她说终于可以下楼): each line ends on its own, whatever mark it stops at. Reads
    each line once: linear."""
    # (the cheap tests first: a wrap width is asked for short lines only, the patterns read only
    # the lines left)
    ok = [2 <= len(line.key) <= VERSE_LINE_MAX and line.key[-1] not in "：:" and line.aligned is None
          and widths(k) is None and item_number(line.text) is None and line.text.lstrip()[:1] not in BULLET_CHARS
          and not field_text(line.text) and not contact_line(line.key) and not table_row(line.text)
          and not (line.key[:1] in "（(【[" and line.key[-1:] in "）)】]")
          for k, line in enumerate(lines)]
    out = [False] * len(lines)
    lead = [indent_width(line) if ok[k] else None
            for k, line in enumerate(lines)]
    k = 0
    while k < len(lines):
        j = k
        while ok[k] and j + 1 < len(lines) and ok[j + 1] and lead[j + 1] == lead[k] and not (
                lines[j + 1].blank_before or lines[j + 1].form_feed or lines[j + 1].marks):
            j += 1
        if ok[k] and j - k + 1 >= VERSE_RUN_MIN:
            out[k : j + 1] = [True] * (j - k + 1)
        k = j + 1
    return out


def caption_lines(lines: list[Line]) -> list[bool]:
    """For each line, whether it is a photo's caption over its credit: a sentence of
    :data:`CAPTION_MAX` characters at most, ended (。！？), right over a line that is a photo credit
    and nothing else (``记者　韦晓棠　摄``: a caption names the photographer, news-writing
    practice; :func:`convert.reader.logical.roles.photo_credit_alone`), or a caption whose credit,
    set after it on its line, the wrap cut (:data:`CREDIT_CUT_RE`: ``…控制器。　方`` over ``晓岚　摄``,
    the two parts together a credit alone), or a whole caption and its credit on one line that opens
    as a caption does (:data:`CAPTION_OPEN_RE`: ``图为…。　方晓岚　摄``), or the first line of such
    a caption the wrap cut, its sentence's end and credit on one of the next few lines
    (:data:`CAPTION_WRAP_MAX`; ``图为…开展`` / ``红外测温。　通讯员 X 摄``). Linear in the lines."""
    from convert.reader.logical.roles import CAPTION_CREDIT_RE, photo_credit_alone

    out = [False] * len(lines)
    for k in range(len(lines) - 1):
        line, credit = lines[k], lines[k + 1]
        text = line.text.rstrip()
        if (0 < len(line.key) <= CAPTION_MAX and text[-1:] in "。！？!?" and not credit.blank_before
                and photo_credit_alone(credit)):
            out[k] = True
        elif (0 < len(line.key) <= CAPTION_MAX and clause_free(text) and gap_at_end(line.raw.rstrip("\r\n\f"))
              and not credit.blank_before and photo_credit_alone(credit)):
            out[k] = True  # a caption without a stop, the wrap cut at the gap before its credit (烟乡冬晨　… / X　摄)
        elif not credit.blank_before and 0 < len(line.key) <= CAPTION_MAX + CREDIT_CUT_MAX \
                and 0 < len(credit.key) <= CREDIT_CUT_MAX and (m := CREDIT_CUT_RE.search(text)) is not None \
                and photo_credit_alone(split_lines(m.group("start") + credit.text.strip())[0]):
            out[k] = True  # the credit set after the caption on its line, cut by the wrap (…。　方 / 晓岚　摄)
    for k, line in enumerate(lines):
        text = line.text.strip()
        if not out[k] and CAPTION_OPEN_RE.match(text) and (m := CAPTION_CREDIT_RE.search(text)) is not None \
                and 0 < len(text[: m.start("credit")].strip()) <= CAPTION_MAX and text[: m.start("credit")].rstrip()[-1:] in "。！？!?":
            out[k] = True  # a whole caption and its credit on one line, opened as captions open (图为…)
        elif not out[k] and wrapped_caption_end(lines, k) is not None:
            out[k] = True  # a caption opened as captions open, cut by the wrap (图为…开展 / 红外测温。　X 摄)
        elif (not out[k] and (line.form_feed or any(is_mark(s) for s, _ in line.segments[:1]))
              and (m := CAPTION_CREDIT_RE.search(text)) is not None
              and 0 < len(text[: m.start("credit")].strip()) <= CAPTION_MAX
              and text[: m.start("credit")].rstrip()[-1:] in "。！？!?"):
            # a whole caption and its credit on the first line of a page (…实物。　陈嘉明　摄): the
            # make-up set the photo at the page's top, between the halves of the paragraph the
            # page break cut
            out[k] = True
    return out


#: A byline line ending in a reporter's role word with no name after it (``本报记者 唐沁　通讯员``).
REPORTER_CUT_RE = re.compile(r"(?:记者|通讯员|实习生)\s*$")
#: A personal name alone (two to four Han characters, maybe letter-spaced), a few at most.
PERSON_TAIL_RE = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}(?:[ \u3000]+[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}){0,2}")


def counted_entry(line: Line) -> bool:
    """*line* opens with a list's label that counts the items after it, a colon, and the items on
    the same line (``传统音乐（2项）：金竹山歌、白沙唢呐吹打``: :data:`convert.reader.layout.LIST_LABEL_RE`
    on a label of at most 12 characters), no sentence end inside."""
    from convert.reader.layout import LIST_LABEL_RE

    k = line.key
    m = re.match(r"([^：:，。；]{2,12})[：:](?=.)", k)
    return m is not None and LIST_LABEL_RE.search(m.group(1)) is not None and not any(c in "。；！？" for c in k[:-1])


def counted_label(line: Line) -> bool:
    """*line* is a list's label that counts the names under it and ends in a colon (``石桥镇（６人）：``,
    ``“最美家庭”（18户）：``: :data:`convert.reader.layout.LIST_LABEL_RE`), short, nothing after it."""
    from convert.reader.layout import LIST_LABEL_RE

    k = line.key
    return 3 <= len(k) <= 24 and k[-1:] in "：:" and LIST_LABEL_RE.search(k[:-1]) is not None


def _row_halves(a: Line, b: Line) -> bool:
    """*a* and *b* are the two halves of one table row a wrap cut
    (:func:`convert.reader.logical.roles.split_row`)."""
    from convert.reader.logical.roles import split_row

    return split_row(a, b)


#: The evidence for a break before a line opening with a paragraph's first-line indent in a text
#: that marks its paragraphs so (:func:`decide_break`; the line gets ``indent_opens``).
INDENT_OPENS = ("the next line opens indented, and the text marks its paragraphs by their first-line indent "
                "(段首空两字): a new paragraph")


#: How deep (in ideograph widths, past the margin) a line is set in to be read as centred in a text
#: that marks its paragraphs by a two-character indent, and the longest such line.
CENTRED_INDENT = 4
CENTRED_LINE_MAX = 30


def set_in_centred(line: Line) -> bool:
    """*line* is set in deeper than a paragraph's first-line indent: :data:`CENTRED_INDENT` or
    more past the left margin (half the margin counted, as its raw line prints it): a centred
    line (a title, a caption), no paragraph's opening."""
    return display_width(leading_blanks(line.raw.lstrip("\f"))) - 0.5 * line.margin >= CENTRED_INDENT


#: A weekday cut by a wrap, the two lines' ends joined by ``|``: ``…星|期五``, ``…星期|五``.
WEEKDAY_CUT_RE = re.compile(r"(?:星\|期[一二三四五六日天]|星期\|[一二三四五六日天])")


#: The most characters a printed line holds (ideograph widths): GB/T 9704-2012 5.2.2 sets 28 a line
#: on A4, a book's or a journal's widest measure holds about 40. A line longer than this is a
#: paragraph an extraction left on one line, no line a wrap made.
PRINTED_LINE_MAX = 48


def decide_break(a: Line, parts: int, b: Line, width: float | None,
                 last_width: float | None = None,
                 entries: list[tuple[str, Counter]] | None = None,
                 run_in: str | None = None, indents: bool = False,
                 caption: bool = False, paged_entry: bool = False) -> tuple[bool, str, str | None]:
    """Whether logical line *a* (made of *parts* physical lines so far) ends before the next
    physical line *b*: ``(ends, evidence, cert)``; *width* is the wrap width near the line,
    *last_width* the :func:`extent` of *a*'s last physical line.

    Evidence, strongest first: a blank line; a contents entry's page number (after a leader, or
    after a wide gap in a list under a contents heading: *paged_entry*, :func:`gap_paged_entries`); a
    Markdown pipe row the wrap cut goes on until it closes, and a closed one ends
    (:func:`convert.reader.layout.pipe_row_cut`); a table row on either
    line (:func:`convert.reader.layout.table_row`: a row's line ends, its wrapped rest is left to
    the logical stage), or the two lines the two halves of a row a wrap cut, neither a row alone
    (:func:`convert.reader.logical.roles.split_row`: left to the logical stage too); sentence-final
    punctuation (。！？, or a closing mark after one); a credit or jump line; a title that
    *entries* (the contents list's titles) name; the source's markup
    (``#``, a wholly bold line) on either line; a line that is a colophon, reporter or masthead
    line by its shape; *b* starting with a mark no line may start with (kinsoku: *a* was cut),
    or closing a bracket *a* left open (a wrapped credit ``（县农业农村局种植`` / ``业股供稿）``), or
    starting with the ideograph *a* ends with and going on as prose (printed twice across an old
    page break, weak; a verse line may start with the word the one above ends with: 顶真);
    *a* two balanced clauses X，Y (a bare sub-heading's shape) ends, unless the wrap cut a number
    there (:func:`number_cut`: ``…至20`` / ``23年…``; a heading's clause does not end inside one);
    *a* a line of label：phone-number fields (:func:`contact_line`: the office answering in
    brackets after it or not) ends unless *b* goes on with the number; *a* a letter's salutation
    (:data:`SALUTATION_RE`) ends, and so does *a* over one; *a* a single line without clause punctuation (a heading, a masthead line, a section name):
    it ends, unless it is as wide as a wrapped line and shows marks of prose (、“”《》) while
    the next line does not open like a news lead (``11月18日``) or with a subtitle's dash (——)
    — then it was wrapped, or when it opens with an item number whose sibling is a run-in
    paragraph (*run_in*, the evidence of :func:`run_in_sibling`: a 通报's items ``1.…问题。…``,
    one cut before its first sentence ends). In a text that marks its paragraphs by their
    first-line indent (*indents*, :func:`indent_marked_lines`), *b* opening indented opens a
    paragraph, whatever *a* ends with (a colon before a list of indented items too), except where
    *b* only closes a bracket *a* left open (``…讲话（摘`` / ``要）``), where *a* is a ——subtitle nearly as
    wide as the measure over its short rest (no gap, no author), or where *a* and *b*, set in
    centred under a blank line, are a title over two lines (a label ending in a colon over its
    rest, or 关于…的通报: GB/T 9704-2012 7.3.1) — weak (``cert`` medium). With no wrap near (one
    paragraph to a line), a lead ending in a colon over a line opening with a label and its colon
    ends. *b* a photo's
    caption (*caption*: a short sentence right over a photo credit alone, ``…干净整洁。`` /
    ``记者　X　摄``) is no part of *a*, though *a* stops mid-sentence: the page's make-up set the
    photo between the two halves of *a*'s paragraph (the logical stage links them). Otherwise the
    line stops mid-sentence and goes on in *b*. ``cert`` is ``"medium"`` where the evidence is weak: a line without clause
    punctuation as wide as a wrapped line.
    """
    if b.blank_before:
        return True, "a blank line follows", None
    if a.page is not None:
        return True, "ends with a contents entry's page number", None
    if (parts == 1 and not b.form_feed and ENTRY_PAGE_ALONE_RE.fullmatch(b.text.strip())
            and a.text.lstrip()[:1] in BULLET_CHARS and not ENTRY_PAGE_ALONE_RE.search(a.text.rstrip())):
        return False, ("the next line a 导读 entry's page alone (4版), this line a bulleted entry without its page: the "
                       "entry the wrap cut before its page"), None
    if paged_entry and parts == 1:
        return True, ("ends with a contents entry's page after a wide gap, under a contents heading (a 目次 without "
                      "leaders prints title, author and page on one line: GB/T 3179-2009)"), None
    if pipe_row_cut(a.text, b.text):
        return False, ("a Markdown pipe table's row this line opens goes on in the next line: the row the wrap "
                       "cut (a row opens and closes with its pipes, GFM 0.29 §4.10)"), None
    if PIPE_ROW_RE.match(a.text):
        return True, ("a Markdown pipe table's row closed on this line (GFM 0.29 §4.10): the next line is the next "
                      "row or what follows the table, rows are never run together"), None
    if bold_run_cut(a, b) and not sentence_final(a.text):
        return False, BOLD_RUN_JOIN, None
    row, above = serial_row(b.text), serial_row(a.text)
    if row is not None and ((row[0] == 1 and parts == 1 and serial_header(a.text) is not None)
                            or (above is not None and above[0] == row[0] - 1)):
        # (the row above may be one a wrap cut and the unwrapping put together: its cells counted
        # whole by the logical stage)
        return True, ("the next line a row of a table numbered in its first column (序号), as many cells one ideographic "
                      "space apart as the line above: rows are never run together (TEI P5 §14.1.1)"), None
    if (above is not None and row is None and not b.blank_before and width is not None
            and last_width is not None and last_width >= width - _tolerance(width)):
        return False, ("a row of a table numbered in its first column whose last line fills the measure: the wrap "
                       "carried its rest to the next line"), "medium"
    if table_title_line(b):
        return True, "the next line a table's numbered title (表1　…: TEI P5 §14.1.1 head): a line of its own", None
    if parts == 1 and table_row(a.text):
        return True, "a table row (three cells or more apart by wide gaps: TEI P5 §14.1.1): rows are never run together", None
    if table_row(b.text):
        return True, "the next line is a table row (three cells or more apart by wide gaps)", None
    if (a_lead(a) and (heads := thin_cells(b.text, True)) is not None
            and all(k - j <= 6 and not any(c.isdigit() for c in b.text[j:k]) for j, k in heads)):
        return True, ("the next line a row of short words one space apart under a lead's colon (月份 火灾起数 亡人 "
                      "直接损失: a table's column heads a copy set with single spaces, TEI P5 §14.1.1)"), None
    if (here := parts == 1 and thin_figure_row(a.text, True) is not None) or thin_figure_row(b.text, True):
        return True, ("a name and figures one space apart on " + ("this" if here else "the next") + " line (a "
                      "table's row a copy set with single spaces: TEI P5 §14.1.1): rows are never run together"), None
    if (here := parts == 1 and directory_entry(a)) or directory_entry(b):
        return True, ("a directory box's entry (a name, a gap and a telephone number) on "
                      + ("this" if here else "the next") + " line: one entry a line"), None
    if parts == 1 and (k := tab_cells(a.text)) is not None and tab_cells(b.text) == k:
        return True, ("this line and the next are rows of a table set with tabs (as many cells apart by tabs on "
                      "each: TEI P5 §14.1.1): rows are never run together"), None
    if parts == 1 and _row_halves(a, b):
        return True, ("this line and the next are the two halves of a table row a wrap cut (neither a row alone, "
                      "together three cells or more: TEI P5 §14.1.1): the logical stage puts the row together"), None
    if a_lead(a) and listed_person(b.text):
        return True, ("the next line a post, a name and the unit in brackets (净水工　吕晓燕（城北水厂）) under a "
                      "lead's colon: the first entry of a list of names, one to a line"), None
    if unit_line(b) and (a_lead(a) or (parts == 1 and unit_line(a))):
        return True, ("the next line a body's name alone (a note in brackets after it or not), under a label ending "
                      "in a colon or another such line: a list of units, one to a line"), None
    if a_lead(a) and NUMBERED_GAP_ITEM_RE.match(b.text):
        return True, ("the next line opens with an item's number, a short head and a wide gap (1.生产普工　30名，…) "
                      "under a lead's colon: the first item of a list set one to a line"), None
    if (a_lead(a) or (parts == 1 and labelled_by_body(a))) and labelled_by_body(b):
        return True, ("the next line opens with a body's name and a colon (县人民医院：1月1日…) under a lead's "
                      "colon: the first of a list's entries labelled by the bodies they are about, one to a line"), None
    if a_lead(a) and counted_entry(b):
        return True, ("the next line a list's entry that counts its items, a colon and the items after it "
                      "(民间文学（1项）：龙潭溪传说) under a lead's colon: one entry a line"), None
    if parts == 1 and counted_entry(a) and counted_entry(b):
        return True, "this line and the next entries of a counted list (…（2项）：…): one entry a line", None
    if (parts == 1 and counted_label(a)) or counted_label(b):
        return True, ("a list's label that counts its names, a colon after it (石桥镇（６人）：), on "
                      + ("this" if parts == 1 and counted_label(a) else "the next") + " line: its group's names "
                      "follow on their own line"), None
    if a_lead(a) and column_row(b.text) and not sentence_final(a.text):
        return True, ("a label ending in a colon over a row of names set in columns (通报批评单位（2个）： over "
                      "县城市管理局　　县交通运输局): the list's row is a line of its own"), None
    if PHOTO_CREDIT_END_RE.search(a.text) and len(b.key) <= 40:
        return True, ("ends with a photo credit (a name and 摄 after a gap: a caption's end; newspaper practice, "
                      "captions name the photographer)"), None
    if (parts == 1 and row_cells(a) is not None) or row_cells(b) is not None:
        return True, ("a row of a contents list set in two columns side by side (an entry with its leader or a "
                      "column's name in each cell, apart by a wide gap): rows are never run together"), None
    if (parts == 1 and tab_pair(a.text)) or tab_pair(b.text):
        return True, ("a tab between two short cells on " + ("this" if parts == 1 and tab_pair(a.text) else "the next")
                      + " line (a two-column table's row as extracted: TEI P5 §14.1.1): rows are never run together"), None
    if sentence_final(a.text):
        return True, "ends with sentence-final punctuation", None
    if a.text.rstrip()[-1:] in "；;" and b.text.lstrip()[:1] in CIRCLED_ITEMS:
        return True, ("ends a clause with a semicolon, the next line opening with a circled number (①②③…): the "
                      "next item of an enumerated list"), None
    if caption:
        return True, ("the next line is a photo's caption (a short sentence right over a photo credit alone, "
                      "…摄): set between the halves of a paragraph, no part of it"), None
    if reference_follows(a.text, b.text):
        return True, ("the next line opens the next entry of a numbered reference list ([n] under [n-1]: GB/T "
                      "7714-2015 顺序编码制)"), None
    if _note_line(a):
        return True, "ends with a credit or jump line", None
    if _jump_line(b):
        return True, ("the next line is a jump line on its own (下转第二版, 上接第一版): set under or over the "
                      "story's cut text, never a part of it"), None
    if AFTER_SENTENCE_NOTE_RE.search(a.text):
        return True, ("ends with a bracketed note after a finished sentence (…。（单位　姓名）: a brief's credit, "
                      "（完）)"), None
    if whole_bracket(a.text) and b.text[:1] not in NO_LINE_START:
        # (unless the next line opens with a mark no line starts with, ``（详见本期《…》）`` / ``。``: the
        # note closes the sentence the break cut, clreq 3.1.7)
        return True, "a bracketed note on a line of its own (（作者系…）, （…供稿）): a paragraph of its own", None
    if parts == 1 and centred_pair(a, b):
        return False, ("set in centred, the next line centred on the same axis and as long, neither with clause "
                       "punctuation: one title printed in two balanced lines (标题回行)"), "medium"
    if entries is not None and _completes_entry(a, b, entries):
        # (before the indent: a title centred over two lines sets its second line in too)
        return False, "the contents list prints the title this line begins and the next one ends", None
    if (indents and opens_indented(b) and bracket_open(a.text) and len(b.key) <= 6 and closes_bracket(b.text)
            and b.text.rstrip()[-1:] in "）)"):
        # a line cut inside the bracket it opened, its rest a few words closing it set in (``…讲话（摘`` /
        # ``　　要）``): the bracket's rest, no paragraph (a paragraph opens with no bracket's close)
        return False, "the next line, set in, only closes the bracket this line left open: its rest", "medium"
    if (parts == 1 and a.blank_before and not b.blank_before and set_in_centred(a) and set_in_centred(b)
            and not b.form_feed and len(a.key) <= 30 and len(b.key) <= 30
            and not any(c in "，,。；;！？!?" for c in a.text) and a.text.rstrip()[-1:] not in "）)"
            and not any(c in "。；;！？!?" for c in b.text) and not b.text.strip().startswith("—")
            # (a 引题 of two phrases apart by a gap over its title is a head of its own)
            and not re.search(r"\S(?:\u3000|\s{2,})\S", a.text.strip())
            # only a title's shapes: a place or body and a colon over the rest (樟树湾村：), or a
            # document's title 关于…的通报 (GB/T 9704-2012 7.3.1) whose genre ends the second line
            # (a poem's centred lines, a title over its centred author line, are no one line)
            and (a.text.rstrip()[-1:] in "：:"
                 or (a.key.startswith("关于") and re.search(r"(?:通报|通知|决定|意见|报告|办法|方案|请示|批复|函|纪要)$", b.key)))):
        # two lines set in centred under a blank line, no sentence in either (``樟树湾村：`` /
        # ``“三议两公开”让…用得活``, ``关于…试点`` / ``工作督导情况的通报``): one title printed over
        # two lines (标题回行), whatever their lengths
        return False, ("set in centred under a blank line, the next line centred too, neither a sentence: one "
                       "title printed over two lines (标题回行)"), "medium"
    if (indents and opens_indented(b) and parts == 1 and a.text.strip().startswith("——") and width is not None
            and last_width is not None and last_width >= 0.85 * width and len(b.key) <= 16
            and not any(c in "，,。；;！？!?" for c in b.text)
            # (not the author line set in under the subtitle, 县工商联主席　龚振东, 本报记者 韩亦舟: a
            # gap parts it, or it names a reporter)
            and not re.search(r"\s", b.text.strip()) and not _signs(b)
            and not re.match(r"(?:本报|本刊)?(?:特约)?(?:记者|通讯员)", b.key)):
        # a ——subtitle (nearly) as wide as the wrap, its rest set in under it (``——县委副书记…试点`` /
        # ``　　工作推进会上的讲话（摘要）``, a layout centring both): the subtitle's rest
        return False, "a ——subtitle as wide as the wrap, the next line set in and short: the subtitle's rest", "medium"
    if indents and opens_indented(b):
        return True, INDENT_OPENS, None
    if ((indents or a_lead(a)) and not b.form_feed and clause_free(b.text) and len(b.key) <= CENTRED_LINE_MAX
            and set_in_centred(b)):
        # in a text that marks its paragraphs by a two-character indent (or under a lead's colon),
        # a line set in twice as deep or more, with no clause marks, is centred: a title or a
        # table's caption (…见附件： / ``　　　　　　　　　督查发现典型问题清单``), never a wrapped
        # line of the paragraph above
        return True, (f"the next line is set in deeper than a paragraph's indent ({CENTRED_INDENT:g} ideograph "
                      "widths or more) with no clause marks, in a text marked by first-line indents or under a "
                      "colon: a centred line, no part of this paragraph"), None
    if _heading_tail(a, parts, b, width):
        return False, ("a # heading as wide as a wrapped line, a few words without clause punctuation under it: "
                       "the heading's wrapped tail (weak: it could be a line of its own)"), "medium"
    if a.marked or b.marked:
        return True, "markup (# or bold) on " + ("this line" if a.marked else "the next line"), None
    if REPORTER_CUT_RE.search(a.text) and PERSON_TAIL_RE.fullmatch(b.text.strip()) and len(a.key) <= 30:
        return False, ("ends with a reporter's role word (记者, 通讯员) and the next line is a name alone: the "
                       "byline the wrap cut before its name"), None
    if parts == 1 and _author_line_cut(a, b):
        return False, ("this line and the next together an author line (a unit and a name: 县供电公司　许一帆), "
                       "neither one alone: the wrap cut it"), "medium"
    if (parts == 1 and len(a.key) == 1 and "\u4e00" <= a.key <= "\u9fff" and b.raw[:1].strip()
            and b.text[:1] not in BULLET_CHARS and display_width(leading_blanks(a.raw.lstrip("\f"))) >= 2
            and b.no == a.end_no + 1):
        # one ideograph alone on its line, set in (a centred line's start), the next line, right
        # under it, going on flush left (``　　　苎`` / ``溪重工铸造车间　周立平``): the wrap cut the line
        # after its first character; no line of prose or of a title is one character long (a flush
        # one is the cut tail of the line above, ``…2024年5月17`` / ``日``)
        return False, ("one ideograph alone on its line, the next going on flush left: a line the wrap cut after "
                       "its first character"), "medium"
    why = (_own_line(a) if parts == 1 or len(a.key) <= TAIL else None) or _own_line(b)
    if why and not _field_cut(a.text, b.text):
        return True, why, None
    if b.text[:1] in NO_LINE_START:
        return False, f"the next line starts with {b.text[:1]!r}, which cannot start a line", None
    if WEEKDAY_CUT_RE.search(a.text.rstrip() + "|" + b.text.lstrip()[:2]):
        return False, "a weekday the wrap cut (星 / 期五, 星期 / 五): one word across the two lines", None
    if parts > 1 and len(a.key) <= 60 and is_page_label(a):
        # (a 报眉 put back together, 第2版　综合新闻　2025年10月17日　星 / 期五　报名: whole now)
        return True, "a page's label or 报眉 put back together from the lines a wrap cut: whole", None
    if bracket_open(a.text) and closes_bracket(b.text):
        return False, "a bracket this line opens closes on the next line (（…供稿） wrapped)", None
    if DATED_ENTRY_RE.match(b.text):
        return True, ("the next line opens with a date and a gap (a programme's or chronicle's next dated "
                      "item, 日程/大事记: prose sets no gap after a date)"), None
    if parts == 1 and field_text(a.text) and field_text(FIELD_GAP_SPLIT_RE.split(b.text.strip(), maxsplit=1)[0]):
        return True, ("this line and the next each a record's field (label：value, no clause mark: 作者：, "
                      "索书号：, 馆藏地点：): one field a line, no sentence the wrap cut"), None
    if parts == 1 and field_row(a.text) and not re.match(r"[\d\-－—）)]", b.text.lstrip()) and (
            field_row(b.text) or (FIELD_GAP_SPLIT_RE.search(a.text.strip())
                                  and (width is None or extent(a.text) < width - _tolerance(width)))):
        # a box's rows of fields, one row a line (two fields set apart by a wide gap: no prose;
        # the row short of the wrap, which may have cut its last value; the next line no rest
        # of a number or a bracket)
        return True, ("a row of label：value fields (城东营业所：金桥路56号), "
                      + ("the next line another" if field_row(b.text) else "two of them apart by a wide gap")
                      + ": a box's line, whole"), None
    if (parts == 1 and field_row(a.text) and a.text.rstrip()[-1:] in "）)" and not bracket_open(a.text)
            and b.text[:1] not in NO_LINE_START
            and not a.text.lstrip().startswith("附件")):  # (an attachment note's items go on: GB/T 9704-2012 7.3.6)
        # a field's value closed by a note in brackets (8:30—17:00（法定节假日除外）): the value is
        # whole (weak: a wrap may have cut a longer value right after a bracket)
        return True, ("a row of label：value fields ending with a note in brackets that closes on it: the "
                      "value whole, a line of its own"), "medium"
    if contact_line(a.key) and not re.match(r"[\d\-－—）)]", b.text.lstrip()):
        return True, ("this line a line of label：phone-number fields (投诉举报电话：12315, the office answering "
                      "in brackets after them or not), the next one no rest of a number: complete (a number "
                      "ends no sentence the wrap cut)"), None
    if parts == 1 and not b.marks and not b.form_feed:
        # a letter's salutation (称呼：, 书信 practice) stands on a line of its own, under a lead
        # ending in a colon (现将来信摘登如下：) and over the letter's first line
        salute_b = SALUTATION_RE.match(b.key) is not None
        salute = (b if salute_b and a.text.rstrip()[-1:] in "：:。！!"
                  else a if not salute_b and SALUTATION_RE.match(a.key) else None)
        if salute is not None and (width is None or extent(salute.text) < width - _tolerance(width)):
            return True, (("the next line" if salute is b else "this line")
                          + " a letter's salutation (称呼：, a few words and a colon): a line of its own"), None
    if schedule_end(a.text):
        return True, ("a dated item without clause punctuation that ends closing its bracket (a programme's "
                      "item: date, gap, event, its place in brackets): the item ended"), None
    if (_doubled(a.text, b.text) and any(c in PROSE_PUNCT for c in b.text)  # 顶真 in verse aside
            # (not after a line of two phrases set apart by an ideographic space and no clause
            # marks: a title's two halves, ``…过半　夏种夏管同步推进`` / ``进入6月，…``)
            and not (parts == 1 and clause_free(a.text) and TITLE_GAP_RE.search(a.text.strip()))):
        return False, (f"the next line starts with the character this one ends with ({b.text.lstrip()[0]}): "
                       "printed twice across an old page break"), "medium"
    if (indents and parts == 1 and opens_indented(a) and b.raw.lstrip("\f")[:1] not in " \t\u3000"
            and not b.form_feed and not b.marks and not gap_at_end(a.raw.rstrip("\r\n\f"))
            and not INNER_GAP_RE.search(a.text.strip()) and width is not None and extent(a.text) >= width - _tolerance(width)):
        # the paragraph's first-line indent and the column's width after it: the line fills the
        # column (a title is centred or flush, never indented as wide as the column), and the line
        # under it, flush left where each paragraph opens indented, is that paragraph's next line
        # (a line with a wide gap inside or at its end, or one under it that opens with one, is a
        # contents entry's or a table's: its author, page or cell set apart, no prose)
        return False, (f"as wide as a wrapped line ({extent(a.text):g} ≥ {width - _tolerance(width):g}) after a "
                       "paragraph's first-line indent (段首空两字) in a text marked so, the next line flush left: a "
                       "paragraph's first line the wrap cut"), None
    from convert.reader.body import balanced_subheading

    if (parts == 1 and balanced_subheading(a.key) and not number_cut(a.text.rstrip(), b.text.lstrip())
            and not unit_cut(a.text.rstrip(), b.text.lstrip())):
        # (a number the hard wrap cut, ``…至20`` / ``23年…``, or cut from its unit, ``…至2023`` /
        # ``年1月…``, is running text: a heading's clause does not end inside a number)
        return True, "two balanced clauses X，Y without a sentence end (a sub-heading's shape)", None
    if (parts == 1 and LEAD_OPENING_RE.match(b.text) and a.text.rstrip()[-1:] not in PROSE_PUNCT | set("、“‘《（(—")
            and any(c in "，," for c in a.text) and not any(c in "。；;：:！？!?" for c in a.text)):
        # (``乡镇“属地管理”事项清单完成修订，明确事项136项`` / ``近日，县委编办会同…``: a sentence
        # that opens 近日， follows a sentence's end, and this line ends with none; a line without
        # a comma is weighed by its shape below)
        return True, LEAD_BREAK, "medium"
    if parts == 1 and centred_cut(a, b, width):
        return False, (f"set in deeper than a paragraph's indent (a centred line), its leading space and text "
                       f"reaching the wrap ({width - _tolerance(width):g}), the next line flush left, neither with "
                       "clause punctuation: a centred title the wrap cut"), "medium"
    if width is not None and last_width is not None and last_width < width - _tolerance(width):
        return True, f"narrower than a wrapped line ({last_width:g} < {width - _tolerance(width):g}): the line ended", None
    if (width is None and last_width is not None and not b.marks and not b.form_feed
            and last_width < 0.6 * extent(b.text) and a.text.rstrip()[-1:] not in "，,、；;：:“‘《（(—"
            and any(c in PROSE_PUNCT for c in b.text) and not re.search(r"\S[ \t\u3000]{2,}\S", b.text)):
        # no wrap width here (one paragraph to a line, or too few lines run on to tell): a line
        # a hard wrap cut is as wide as the line after it, or wider; one much narrower ended
        # (the next line running text, no row of aligned columns)
        return True, (f"much narrower than the next line ({last_width:g} < 0.6 × {extent(b.text):g}), no page "
                      "break between: no wrapped line"), None
    if ((width is None or width > PRINTED_LINE_MAX) and last_width is not None and a_lead(a)
            and not b.form_feed and item_number(b.text) is not None
            and (sentence_final(b.text) or AFTER_SENTENCE_NOTE_RE.search(b.text))
            and (last_width <= extent(b.text) or last_width > PRINTED_LINE_MAX)):
        # no wrap width here, or one wider than a printed line (one paragraph to a line,
        # :data:`PRINTED_LINE_MAX`): a lead ending in a colon (发言摘要如下：,
        # 可以把握以下几点：) over a numbered item that ends its sentence on the same line (a cited
        # article in brackets after it or not) is the list's lead, its first item a paragraph of
        # its own (GB/T 15834-2011 B.3.8 numbers), no wrap between
        return True, ("a lead ending in a colon over a numbered item whole on its line, no wrapped line near: "
                      "the list's first item opens its own paragraph"), None
    if ((width is None or width > PRINTED_LINE_MAX) and a_lead(a) and not b.form_feed
            and re.match(r"[\u4e00-\u9fff]{2,8}[：:]", b.key) and not re.match(r"[\u4e00-\u9fff]{2,8}[：:]$", b.key)):
        # no wrap here (one paragraph to a line): a lead ending in a colon (…对下列区域暂停供气：)
        # over a line opening with a label and its colon (城西片区：青石路、…) is the list's lead,
        # the label's line an entry of its own
        return True, ("a lead ending in a colon over a labelled line, no wrapped line near: the list's first "
                      "entry opens its own line"), None
    if entries is not None:
        for line, where in ((a, "this line"), (b, "the next line")):
            if ((line is b or parts == 1) and _names_entry(line, entries) and not whole_bracket(line.text)
                    and not (line is b and bracket_open(a.text))
                    # (nor does a title's start alone under a wrapped line of prose that stops
                    # mid-clause, …学会举办 / 第十二届“藁州杯”征: the wrap cut the prose there,
                    # quoting the title's words)
                    and not (line is b and width is not None and last_width is not None
                             and last_width >= width - 2 and any(c in "，、" for c in a.text)
                             and a.text.rstrip()[-1:] not in "。！？!?；;：:”」）)"
                             and not any(b.key == e for e, _ in entries))):
                # (a note in brackets that names an entry, （详见本期《…》）, refers to it: no title,
                # nor is the rest of one this line opened, …依据（详见本 / 期《…》）。)
                return True, f"{where} names a contents entry", None
    if parts == 1 and a.text and clause_free(a.text) and len(a.key) <= 60 \
            and a.text.rstrip()[-1:] not in "、“《（(":
        from convert.reader.logical.roles import LEAD_IN_RE

        lead = LEAD_IN_RE.match(a.text)
        if lead and lead.group("byline") and a.text.strip() != lead.group(0).strip() and not b.marks:
            return False, ("no clause punctuation, but opening with a news lead-in and its credit, words after it "
                           "(本报讯（记者 …）连日: a story's first line the wrap cut, no title)"), None
        w = extent(a.text)
        raw_a = a.raw.rstrip("\r\n\f")
        indent = display_width(leading_blanks(raw_a))
        if (width is not None and opens_indented(a) and w + indent >= width - _tolerance(width)
                and b.raw.lstrip("\f")[:1] not in " \t\u3000" and not b.form_feed and not b.marks
                and any(c in PROSE_PUNCT for c in b.text) and not gap_at_end(raw_a)
                and not INNER_GAP_RE.search(a.text.strip())):
            # a paragraph's first-line indent (段首空两字) and the column's width after it (the indent
            # counted), over a flush line of running text with no blank line between: the
            # paragraph's first line, however much wider the next line runs (a title is centred or
            # flush, and the paragraph under a title opens indented)
            return False, (f"no clause punctuation, {w:g} wide and a paragraph's first-line indent (段首空两字, "
                           f"{indent:g}) reaching the wrap ({width - _tolerance(width):g}), the next line flush left "
                           "and running text: a paragraph's first line the wrap cut"), "medium"
        if width is not None and w >= width - _tolerance(width):
            wide = f"as wide as a wrapped line ({w:g} ≥ {width - _tolerance(width):g})"
            if DATED_ENTRY_RE.match(a.text) and not b.text.lstrip().startswith("——"):
                return False, (f"no clause punctuation, but {wide} and opening with a date and a gap (a dated "
                               "entry of a chronicle, 大事记: running text)"), "medium"
            if DATE_LEAD_RE.match(b.text):
                return True, (f"no clause punctuation, {wide}, and the next line opens like a news "
                              "lead (a date)"), "medium"
            if b.text.lstrip().startswith("——"):
                return True, f"no clause punctuation, {wide}, and the next line opens with a dash (a ——subtitle)", None
            if TITLE_GAP_RE.search(a.text.strip()):
                return True, (f"no clause punctuation, {wide}, but two phrases set apart by an ideographic space "
                              "inside it (a title printed in two halves, 抓手　推动: no wrapped prose)"), "medium"
            if _outrun(a, b, width):
                # (no "as wide as a wrapped line" in the evidence: the next line shows it is not)
                return True, (f"no clause punctuation, {w:g} wide (the wrap's estimate {width - _tolerance(width):g}), "
                              "but the next line, running text, is wider by more than twice the wrap's tolerance: "
                              "this line stopped short of the column's end (a title)"), "medium"
            if DATE_SPAN_END_RE.search(a.text.rstrip()):
                return True, (f"no clause punctuation, {wide}, ending with a date or a span of dates in brackets "
                              "(…节目预告（12月15日—12月21日）: a title's or a programme's end)"), "medium"
            if any(c in PROSE_HINTS for c in a.text):
                return False, f"no clause punctuation, but {wide} and prose marks (、“”《》)", "medium"
            if run_in:
                return False, (f"no clause punctuation, but {wide} and {RUN_IN_JOIN}: {run_in} "
                               "(one series, one form: an item cut by the wrap)"), "medium"
            if number_cut(a.text.rstrip(), b.text.lstrip()) and any(c in PROSE_PUNCT for c in b.text):
                # (a title ends no number halfway: ``…将于2`` / ``025年12月31日结束，…``)
                return False, (f"no clause punctuation, but {wide} and the wrap cut a number (digits at its end, "
                               "the number's rest opening the next line of running text)"), "medium"
            return True, f"no clause punctuation, {wide}: taken as a line of its own", "medium"
        return True, "no clause punctuation, narrower than a wrapped line: a line of its own", None
    return False, "stops mid-sentence", None


#: A gap between the cells of a table aligned by its column heads: any ideographic space, two
#: ASCII spaces or more, a tab (a cell's words never hold one; its clauses run on after a comma).
ALIGNED_GAP_RE = re.compile(r"[\u3000\t]+[ \u3000\t]*|[ ]{2,}[ \u3000\t]*|[ ](?=[\u3000\t])[ \u3000\t]*")
#: How far (in ideograph widths) a cell may start from its column head's start.
ALIGN_SLACK = 1.0
#: The longest column head of a table aligned by its heads.
ALIGNED_HEAD_MAX = 8


def _runs(line: Line) -> list[tuple[int, int, float, float]]:
    """``[(start, end, from, to)]``: the runs of *line*'s text between gaps (:data:`ALIGNED_GAP_RE`),
    as offsets in :attr:`Line.text` and as columns (ideograph widths from the raw line's start:
    its indent counted). Linear in the line."""
    text = line.text
    base = display_width(leading_blanks(line.raw.lstrip("\f")))
    out, pos, col = [], 0, base
    for m in list(ALIGNED_GAP_RE.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if end > pos and text[pos:end].strip():
            w = display_width(text[pos:end])
            out.append((pos, end, col, col + w))
        if m is None:
            break
        col += display_width(text[pos:m.end()])
        pos = m.end()
    return out


def _spaced_heads(runs: list[tuple[int, int, float, float]]) -> list[tuple[int, int, float, float]]:
    """*runs* (:func:`_runs` of a column heads' line) with a head of two characters letter-spaced
    to a wider column's width put back together (``时  段``: two runs of one character, a gap of
    at most one ideograph's width between): one head. Linear."""
    out: list[tuple[int, int, float, float]] = []
    for run in runs:
        if (out and out[-1][1] - out[-1][0] == 1 and run[1] - run[0] == 1 and run[2] - out[-1][3] <= 1
                and (len(out) < 2 or out[-2][1] - out[-2][0] != 1 or out[-2][3] < out[-1][2] - 1)):
            out[-1] = (out[-1][0], run[1], out[-1][2], run[3])
            continue
        out.append(run)
    return out


def aligned_tables(lines: list[Line]) -> None:
    """Tables set by their column heads' positions (TEI P5 §14.1.1): a line of three column heads
    or more (a table's row by :func:`convert.reader.layout.table_row`, each head a short word,
    :data:`ALIGNED_HEAD_MAX`, no punctuation), then, with no blank line between, lines whose every
    run of text starts under a head (within :data:`ALIGN_SLACK`) and ends before the next head's
    start: a row when its first run stands under the first head, else the rest of the row above
    that the cell's wrap carried to the next line (a 问题清单's 问题描述 of clauses:
    ``　1 　青石镇　　　鑫源…沉淀池破损，　7月10日前`` / ``　　　　　　　　　废水经边沟流入芷水河``).
    The first cell's wrapped rest alone under the first head (``苘阳县鑫源粮油购　　玉米…`` /
    ``销有限公司``) is a rest too where a row follows it.
    A row fills every head but one at least (three cells or more); the heads are words of two to
    :data:`ALIGNED_HEAD_MAX` characters, no figures. Two rows at least, and one line at least the
    gaps alone would not read as a row (a wrapped
    rest, a cell of clauses): a table of short cells wide apart is left to
    :func:`convert.reader.logical.roles.find_tables`. Sets :attr:`Line.aligned` to ``(table, part, [(start, end, column)])``,
    ``part`` ``head``, ``row`` or ``more``. Linear in the lines (each line read at most once as a
    head and once as a row: the search goes on after the lines a head took)."""
    n, k, tables = len(lines), 0, 0
    while k < n:
        head = lines[k]
        if head.aligned is not None or not table_row(head.text):
            k += 1
            continue
        heads = _spaced_heads(_runs(head))
        if len(heads) < 3 or any(not 2 <= b - a <= ALIGNED_HEAD_MAX or re.search(r"[，。；：、,.;:\d]", head.text[a:b])
                                 for a, b, _, _ in heads):
            k += 1
            continue
        starts = [c for _, _, c, _ in heads]
        parts: list[tuple[int, str, list[tuple[int, int, int]]]] = []
        j = k + 1
        while j < n and not lines[j].blank_before and lines[j].page is None:
            cells = []
            for a, b, c0, c1 in _runs(lines[j]):
                col = max((q for q, s in enumerate(starts) if s - ALIGN_SLACK <= c0), default=None)
                if col is None or (col + 1 < len(starts) and c1 > starts[col + 1] + ALIGN_SLACK / 2):
                    cells = None
                    break
                if cells and cells[-1][2] == col:
                    cells[-1] = (cells[-1][0], b, col)  # a cell's words apart by a space: one cell
                elif cells and cells[-1][2] > col:
                    cells = None
                    break
                else:
                    cells.append((a, b, col))
            if not cells:
                break
            # a row fills every head but one at least (three cells or more); a wrapped rest stands
            # under the heads after the first
            full = len(cells) >= max(3, len(starts) - 1)
            part = "row" if cells[0][2] == 0 and full else "more" if cells[0][2] > 0 and parts else None
            # the first cell's wrapped rest under the first head alone (``苘阳县鑫源粮油购　　玉米…`` /
            # ``销有限公司``): a rest only where a row follows it (else the text after the table)
            # (a name's rest, two ideographs at least: figures alone there, ``4.2%``, are the last
            # cell's rest the wrap carried to the line's start, which the gap reader reads)
            first_rest = (part is None and cells[0][2] == 0 and len(cells) == 1 and bool(parts)
                          and parts[-1][1] == "row" and not any(c in "，。；：！？,;:" for c in lines[j].text)
                          and sum(1 for c in lines[j].key if "\u4e00" <= c <= "\u9fff") >= 2)
            if first_rest:
                part = "more"
            if part == "more" and ((INDENT_RE.match(lines[j].raw.lstrip("\f"))
                                    and (display_width(leading_blanks(lines[j].raw.lstrip("\f"))) <= 4
                                         # (set in deep under a later head: a rest only of a cell
                                         # long enough to wrap in the line above, not of a name)
                                         or not any(col == cells[0][2] and b - a >= 6
                                                    for a, b, col in parts[-1][2])))
                                   or item_number(lines[j].text)
                                   # (a credit in brackets, （…供稿）: the piece's credit under the
                                   # table, set flush right, no cell's rest; a note in brackets,
                                   # （准低温）, may be one)
                                   or (whole_bracket(lines[j].text) and _note_line(lines[j]))):
                # a paragraph's indent (段首空两字: a few columns, not set in under a later head) or
                # a heading's number (三、整改要求): the text after the table
                part = None
            if part is None:
                break
            if parts and parts[-1][1] == "first-rest" and part != "row":
                break  # the line read as a first cell's rest is no rest: no row under it
            parts.append((j, "first-rest" if first_rest else part, cells))
            j += 1
        if parts and parts[-1][1] == "first-rest":
            j = parts.pop()[0]  # the table ends above it: the text after the table
        parts = [(j2, "more" if p == "first-rest" else p, cells) for j2, p, cells in parts]
        # (only where the gaps alone do not read it: a row the wrap carried on, or one whose cells
        # hold clauses or stand a single space apart; else the gap-read table is left as it was)
        if sum(1 for _, p, _ in parts if p == "row") >= 2 and any(
                p == "more" or not table_row(lines[j2].text) for j2, p, _ in parts):
            tables += 1
            head.aligned = (tables, "head", [(a, b, q) for q, (a, b, _, _) in enumerate(heads)])
            for j2, part, cells in parts:
                lines[j2].aligned = (tables, part, cells)
        # the lines read as this head's rows are no head of another table (a gap-read table's rows
        # are not read again, one per row: linear)
        k = max(k + 1, j)


#: A row of a table set with tabs opening with its number (``2\t沙洲镇“渔光”民宿\t…``).
TAB_ROW_START_RE = re.compile(r"^\s*\d{1,3}\t")


#: The longest rest of a table's last cell the wrap may carry alone to the next line.
LAST_CELL_REST_MAX = 10


def _last_cell_rest(lines: list[Line], k: int) -> bool:
    """Line *k* may be the rest of the last cell of the table row above it (a table set with tabs,
    the row holding all its cells: ``…\t沙洲镇人民政`` / ``府``): at most :data:`LAST_CELL_REST_MAX`
    characters, no tab, no punctuation, no heading number, and the next row (its number and a tab)
    or a blank line or the text's end right under it (a title after the table has its text under it)."""
    line = lines[k]
    text = line.text.strip()
    if not text or len(line.key) > LAST_CELL_REST_MAX or "\t" in line.text or item_number(text) \
            or any(c in "，,。；;：:！？!?、（）()【】《》“”" for c in text):
        return False
    return k + 1 >= len(lines) or lines[k + 1].blank_before or TAB_ROW_START_RE.match(lines[k + 1].text) is not None


def tab_gaps(text: str) -> int:
    """How many gaps of tabs *text* holds (a run of tabs one gap; one at the line's end counts: the
    next cell went over to the next line)."""
    return len(re.findall(r"\t+", text.lstrip().rstrip(" \u3000\r\n")))


def a_lead(line: Line) -> bool:
    """*line* ends in a colon: a lead (``…清单如下（节选）：``) over what it introduces."""
    return line.text.rstrip()[-1:] in "：:"


def table_caption_lines(lines: list[Line]) -> list[bool]:
    """For each physical line, whether it may be a table's caption: at most 30 characters, no
    punctuation but brackets and quotes, no blank line under it, and the line under it a row of
    cells (:func:`convert.reader.layout.table_row`, or three cells or more apart by tabs:
    :func:`convert.reader.layout.tab_cells`). The caller asks for a lead's colon above it too.
    One pass."""
    out = [False] * len(lines)
    for k in range(len(lines) - 1):
        line, nxt = lines[k], lines[k + 1]
        out[k] = (0 < len(line.key) <= 30 and not any(c in "，,。；;：:！？!?、" for c in line.text)
                  and "\t" not in line.text and not nxt.blank_before
                  and (table_row(nxt.text) is not None or tab_cells(nxt.text) is not None))
    return out


def unwrap(doc: PhysicalText) -> None:
    """Unwrapping: join hard-wrapped lines into logical lines (see :func:`decide_break`).

    Uses the text's own evidence only — punctuation, the line's markup and shape, and the spread
    of line widths near each line (:func:`_local_widths`), never a fixed width. Joined lines keep every segment
    (milestones included) in order; ``end_no`` is the last physical line. Lines separated by a
    blank line are not joined here: a paragraph that an old page break cut in two is joined by
    the logical stage (``<pb/>`` between the parts).
    """
    lines = doc.lines
    doc.run_on = [(lines[k].no, w) for k, w in _run_on_widths(lines)]  # before any line is joined
    doc.wrap_width = _band([w for _, w in doc.run_on])
    widths = _local_widths(lines)  # a function: computed for the lines that need it
    # the printed contents list's titles (lines with a dot leader and a page number; an entry
    # wrapped before its leader is the leader line with the line above it)
    listed: list[tuple[int, str, Counter]] = []
    for k, line in enumerate(lines):
        if line.page is not None:
            # an author set off by a wide gap before the leader is no part of the title
            gap = author_before_leader(line.text)
            title = line.key if gap is None else "".join(line.text[: gap[0]].split())
            listed.append((k, title, Counter(title)))
            if k and lines[k - 1].page is None and len(line.key) < 8:
                text = lines[k - 1].text + line.text
                gap = author_before_leader(text)
                key = "".join((text if gap is None else text[: gap[0]]).split())
                if gap is None and author_wrapped_off(lines[k - 1], line):
                    key = lines[k - 1].key  # the author alone on the leader line, the gap at the wrap
                listed.append((k, key, Counter(key)))

    for k, key in rejoin_wrapped_entries(lines, pageless_entries(lines)):
        listed.append((k, key, Counter(key)))
        if (m := COLUMN_PREFIX_RE.match(key)) and len(key) > m.end() + 1:
            # the entry's column before its title (【调研报告】县域…: a 要目 that prints each
            # piece after its column's name): the title alone too
            listed.append((k, key[m.end():], Counter(key[m.end():])))
    paged = gap_paged_entries(lines)
    for k, entry in enumerate(paged):
        if entry:
            # an entry whose page ends the line after a gap (``关于…的通报\t6``): its title too
            # (the title alone: an author set off by a gap before the page is no part of it)
            m = PAGE_AFTER_GAP_RE.search(lines[k].text)
            title = re.split(r"\s{2,}|[\u3000\t]", lines[k].text[: m.start() + 1].strip(), maxsplit=1)[0]
            # (a leader before the author, ``…解读……………县科技局创新发展股　3``: the title ends there)
            title = LEADER_RUN_RE.split(title, maxsplit=1)[0]
            key = "".join(title.split())
            listed.append((k, key, Counter(key)))
    listed.sort(key=lambda e: e[0])
    listed_at = [k for k, _, _ in listed]

    def entries_near(i: int) -> list[tuple[str, Counter]] | None:
        """The titles of the contents lists printed before line *i* in its issue's reach (the
        last 1,000 lines: a file of a year's issues has a list per issue)."""
        lo = bisect.bisect_left(listed_at, i - 1000)
        hi = bisect.bisect_right(listed_at, i + 1)
        return [(key, chars) for _, key, chars in listed[lo:hi]] or None

    out: list[Line] = []
    series: dict[int, tuple[int, bool, bool]] = {}  # level → (number, run in, head) of the last numbered line
    margin = left_margin(lines)
    if margin:
        for line in lines:
            line.margin = margin
    indents = indent_marked_parts(lines)
    aligned_tables(lines)
    captions = caption_lines(lines)
    # 图一　title: a numbered figure's caption; 行书　《…》　X: an artwork's
    figures = [figure_caption(line.text) or artwork_caption(line.text) is not None for line in lines]
    labelled = labelled_items(lines)
    table_caption = table_caption_lines(lines)
    tails = title_tails(lines, {key for _, key, _ in listed}, indents) if listed else [False] * len(lines)
    # (in a text with no wrap of its own, one paragraph to a line, or wrapped far wider, a band the
    # short lines of a poem make among themselves is no wrap: verse set a line each)
    whole = getattr(widths, "whole", None)
    verse = verse_runs(lines, lambda k: None if (w := widths(k)) is None or whole is None or w < 0.6 * whole else w)
    # the lines that go on a caption the wrap cut (its first line opens it, the last holds its credit)
    caption_rest = [False] * len(lines)
    for k, opens in enumerate(captions):
        end = wrapped_caption_end(lines, k) if opens else None
        for j in range(k + 1, (end or k) + 1):
            caption_rest[j] = True
    for k, rest in enumerate(credit_gap_rests(lines)):
        caption_rest[k] = caption_rest[k] or rest
    i = 0
    tab_table: int | None = None  # in a table set with tabs: the gaps between its column heads
    while i < len(lines):
        cur = lines[i]
        parts = 1
        last_width = extent(cur.text)
        joining = _Joining(cur)
        run_in = run_in_sibling(lines, i, series)
        if tab_table is not None and (cur.blank_before or "\t" not in cur.text):
            tab_table = None  # the table set with tabs has ended
        if (tab_table is None and tab_cells(cur.text) is not None and i + 1 < len(lines)
                and not lines[i + 1].blank_before and TAB_ROW_START_RE.match(lines[i + 1].text)
                and not TAB_ROW_START_RE.match(cur.text)):
            # the column heads of a table set with tabs, its numbered rows under them: each row
            # holds as many cells (the wrap may cut one over two lines)
            tab_table = tab_gaps(cur.text)
        while i + 1 < len(lines):
            nxt = lines[i + 1]
            if caption_rest[i + 1]:
                ends, why, cert = False, ("a photo caption the wrap cut goes on: its sentence ends, its credit after "
                                          "it, on a line below"), None
            elif figures[i + 1] or (parts == 1 and figures[i]):
                # 图序 and 图题 set under the figure, a line of their own (GB/T 7713.1-2006 §4.6.6):
                # no part of the paragraph the make-up cut around the figure (the logical stage
                # links its halves), nor of the text under it
                ends, why, cert = True, ((("the next line is" if figures[i + 1] else "this line is")
                                          + " a numbered figure's caption (图序 and 图题, GB/T 7713.1-2006 §4.6.6): a "
                                          "line of its own, set between a paragraph's halves, no part of them")), None
            elif cur.aligned is not None or nxt.aligned is not None:
                ends, why, cert = True, ("a line of a table set by its column heads' positions (its cells start "
                                         "under the heads: TEI P5 §14.1.1): its rows and their wrapped rests are "
                                         "lines of their own"), None
            elif (tab_table is not None and not nxt.blank_before and TAB_ROW_START_RE.match(cur.text)
                  and tab_gaps(joining.view().text) == tab_table and _last_cell_rest(lines, i + 1)):
                ends, why, cert = False, ("a row of a table set with tabs holds all its cells, and the next line, "
                                          "a few characters with no tab or punctuation, stands between it and the next "
                                          "row (or the table's end): the last cell the wrap cut goes on (TEI P5 "
                                          "§14.1.1)"), "medium"
            elif tab_table is not None and not nxt.blank_before and (
                    TAB_ROW_START_RE.match(nxt.text) or tab_gaps(joining.view().text) >= tab_table):
                ends, why, cert = True, ("a row of a table set with tabs holds all its cells (as many as the column "
                                         "heads'), or the next line opens the next row with its number: TEI P5 "
                                         "§14.1.1, rows are never run together"), None
            elif (tab_table is not None and not nxt.blank_before and TAB_ROW_START_RE.match(cur.text)
                  and tab_gaps(joining.view().text) + tab_gaps(nxt.text) <= tab_table
                  # (a cell's rest: no paragraph's first-line indent (a tab before it is a cell's
                  # gap), no longer than a cell, a few lines at most: the text under the table is
                  # no row's)
                  and (nxt.raw.lstrip("\f")[:1] == "\t" or not INDENT_RE.match(nxt.raw.lstrip("\f")))
                  and len(nxt.key) <= TAB_CELL_MAX and parts <= 6):
                ends, why, cert = False, ("a row of a table set with tabs holds fewer cells than its column heads, "
                                          "and the next line holds no more than the rest: a cell the wrap cut goes on "
                                          "(TEI P5 §14.1.1)"), "medium"
            elif table_caption[i + 1] and a_lead(joining.view()):
                ends, why, cert = True, ("the next line is a table's caption (short, no punctuation, right over a "
                                         "row of cells), under a lead ending in a colon: TEI P5 §14.1.1, the "
                                         "table's head, no part of the lead"), None
            elif TAB_ROW_START_RE.match(nxt.text) and joining.view().text.count("\t") >= 2:
                ends, why, cert = True, ("the next line opens with a row number and a tab, under a line of cells "
                                         "apart by tabs: the next row of a table set with tabs (TEI P5 §14.1.1)"), None
            elif tails[i + 1] and parts == 1:
                ends, why, cert = False, ("this line is a contents entry, the next a few words flush left with no "
                                          "punctuation, a paragraph opening indented under them: the title's second "
                                          "line (the list printed the title shortened)"), "medium"
            elif labelled[i + 1]:
                ends, why, cert = True, ("the next line opens a labelled list item whose predecessor opened a line "
                                         f"above ({nxt.text.strip()[:4]}…; or a body's name and a colon right under "
                                         "another): the list's next entry or the column's next titled item"), None
            else:
                ends, why, cert = decide_break(joining.view(), parts, nxt, widths(i), last_width,
                                               entries_near(i) if listed else None, run_in if parts == 1 else None,
                                               indents[i + 1], captions[i + 1], paged[i] and parts == 1)
                if not ends and parts == 1 and verse[i] and verse[i + 1]:
                    ends, why, cert = True, ("a line of verse: one of a run of short lines set a line each (a "
                                             "stanza, no wrapped prose line that short), ending on its own "
                                             "whatever mark it stops at"), "medium"
            if (not ends and parts == 1 and (head_sib := head_sibling(cur, series)) is not None
                    and any(c in PROSE_PUNCT for c in nxt.text)):
                ends, why, cert = True, head_sib, "medium"
            if ends:
                if why is INDENT_OPENS and not nxt.form_feed:
                    nxt.indent_opens = True
                cur.evidence.append(f"line ends: {why}")
                if cert:
                    cur.cert = cert
                break
            cur.evidence.append(f"joined with line {nxt.no}: {why}")
            if cert:
                cur.cert = cert
                cur.weak_join = True
            joining.add(nxt)
            last_width = extent(nxt.text)
            parts += 1
            i += 1
        joining.finish()
        note_item(cur, series)
        out.append(cur)
        i += 1
    doc.lines = out


def _wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


def _digits_start(text: str) -> int:
    """Where the run of ASCII digits that ends *text* starts (``len(text)`` when none ends it);
    reads that run only."""
    i = len(text)
    while i > 0 and text[i - 1].isascii() and text[i - 1].isdigit():
        i -= 1
    return i


def number_cut(before: str, after: str) -> bool:
    """A hard wrap cut one number of Chinese running text: *before* ends and *after* starts with
    ASCII digits, and the digits stand between wide characters (an ideograph, fullwidth
    punctuation) on one side at least (``直接受众24`` / ``00余人``): the column's end, no word space
    (clreq: no space inside a number; between Latin words, ``in 2023`` / ``45 people``, the break is
    one). Reads only the digit runs at the two ends."""
    if not (before[-1:].isdigit() and before[-1:].isascii() and after[:1].isdigit() and after[:1].isascii()):
        return False
    i = _digits_start(before)
    j = 0
    while j < len(after) and after[j].isascii() and after[j].isdigit():
        j += 1
    return _wide(before[i - 1 : i]) or _wide(after[j : j + 1])


#: The units, measure words and date words that follow a number in Chinese running text (年, 月,
#: 日, 万, 元, 个, 名 …): a line that opens with one after a line that ends in digits goes on with
#: that number.
UNIT_START_RE = re.compile(r"[年月日时号万亿元角个名人户家次项件条份台辆亩吨米岁天周倍%％]")


def unit_cut(before: str, after: str) -> bool:
    """A hard wrap cut a number of Chinese running text from its unit: *before* ends with ASCII
    digits that follow a wide character (``…至2023``), *after* opens with a unit, measure word or
    date word (:data:`UNIT_START_RE`: ``年1月…``). Reads only the two ends."""
    if not (before[-1:].isdigit() and before[-1:].isascii() and UNIT_START_RE.match(after[:1])):
        return False
    i = _digits_start(before)
    return _wide(before[i - 1 : i])


class _Joining:
    """A logical line being joined from physical lines, in time linear in their length.

    The joined line's segments are collected and put together once (:meth:`finish`); what
    :func:`decide_break` asks of the line so far is given by :meth:`view`, a line holding its
    text — all of it while the line holds at most :data:`TAIL` content characters, else only
    its end (the shortest end holding more than :data:`TAIL` of them): the evidence that a
    logical line ends (a sentence end, a credit or jump line) lies in its last characters, and a
    line that long is running text, not a line of its own by its shape. Rebuilding the whole
    text for every line joined took time quadratic in a paragraph's lines (issue 24, case 8)."""

    def __init__(self, first: Line):
        self.line = first
        self.segments: list[tuple[str, bool]] | None = None
        self.text = first.text
        self.last_raw = first.raw

    def add(self, nxt: Line) -> None:
        """Join physical line *nxt* to the end of the line (a space between two letters or
        digits of Latin script, nothing between ideographs, nor inside a number of Chinese
        running text: :func:`number_cut`; an ideographic space printed at the line's end or at
        the next line's start, a gap the wrap left there, ``…揭牌。　　宣传部　`` / ``周　航　摄``,
        is kept as one; so is a tab there in a line of cells apart by tabs, the gap between two
        cells of a table set with tabs)."""
        cur = self.line
        if self.segments is None:
            self.segments = list(cur.segments)
        end, start = self.text[-1:], nxt.text[:1]
        sep = " " if (end.isascii() and start.isascii() and end.isalnum() and start.isalnum()
                      and not number_cut(self.text, nxt.text)) else ""
        if not sep and end and "\t" in self.text.strip() and wrap_gap(self.last_raw, nxt.raw, "\t"):
            sep = "\t"  # (a table's cells apart by tabs, the wrap at the gap: the gap kept)
        elif not sep and end and wrap_gap(self.last_raw, nxt.raw, "\u3000"):
            sep = "\u3000"
        self.last_raw = nxt.raw
        if sep:
            self.segments.append((sep, False))
        self.segments.extend(nxt.segments)
        cur.page = nxt.page
        cur.end_no = nxt.end_no
        cur.all_bold = cur.all_bold and nxt.all_bold
        self.text = _last_content(self.text + sep + nxt.text, TAIL + 1)

    def view(self) -> Line:
        """The line so far as :func:`decide_break` reads it: its text (or its end, see the class
        docstring), page number, heading level and weight."""
        if self.segments is None:
            return self.line
        cur = self.line
        return Line(cur.no, cur.raw, cur.level, cur.bullet, cur.all_bold, [(self.text, False)], cur.page,
                    cur.blank_before, cur.blanks_before, cur.form_feed, cur.end_no)

    def finish(self) -> None:
        """Put the joined segments on the line: every physical line's segments, the very tuples
        as split, in order (the logical stage finds the physical lines a logical line holds by
        them: :func:`convert.reader.logical.roles.physical_parts`; :func:`convert.reader.body.inline`
        builds a run of plain segments in one step)."""
        if self.segments is not None:
            self.line.segments = self.segments


def _last_content(text: str, n: int) -> str:
    """The shortest end of *text* that holds *n* content characters (all of *text* when it holds
    fewer); time linear in the part dropped and the part kept."""
    count = 0
    for k in range(len(text) - 1, -1, -1):
        if not text[k].isspace():
            count += 1
            if count == n:
                return text[k:]
    return text


_YEAR_RE = re.compile(r"(\d{4})\s*年")


#: The most lines of a back cover's colophon read after a repeated issue line (:func:`_colophon_after`).
BACK_COVER_MAX = 40


def _colophon_after(lines: list[Line], i: int) -> bool:
    """The lines after line *i* up to the end of the text (at most :data:`BACK_COVER_MAX`) are
    colophon fields, masthead lines (the title, its frequency, the notices) and page furniture
    only, one colophon field at least: the back cover's 版权页 under the issue's title and number."""
    rest = lines[i + 1:]
    if not rest or len(rest) > BACK_COVER_MAX:
        return False
    fields = 0
    for b in rest:
        if colophon_kind(b):
            fields += 1
        elif not (b.furniture or notices_only(b.key) or classify(b.text) in MASTHEAD_KINDS):
            return False
    return fields > 0


def issue_numbers(text: str) -> tuple[int | None, int | None, int | None]:
    """``(year, issue, cumulative)`` an issue-number line prints (``2023年第4期（总第57期）`` → ``(2023, 4,
    57)``), ``None`` for each it leaves out."""
    key = re.sub(r"\s+", "", text)
    total = TOTAL_RE.search(key)
    issue = ISSUE_RE.search(TOTAL_RE.sub("", key))
    year = _YEAR_RE.search(key)
    return (int(year.group(1)) if year else None, int(issue.group(1)) if issue else None,
            int(total.group(1)) if total else None)


def same_issue(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> bool:
    """Two issue-number lines (:func:`issue_numbers`) name one issue: every number both print is
    the same, and they share one at least (the year alone names no issue)."""
    shared = [(x, y) for x, y in zip(a[1:], b[1:]) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared) and (a[0] is None or b[0] is None or a[0] == b[0])


#: The words of a handling notice line: :data:`HANDLING_NOTICE_RE`'s and 免费交流 (the 内部资料 rules).
NOTICE_WORDS_RE = re.compile(HANDLING_NOTICE_RE.pattern + "|免费交流")


def notices_only(key: str) -> bool:
    """*key* (a line's content, whitespace removed) holds handling notices alone (内部资料, 注意保存,
    免费交流, a 密级; GB/T 9704-2012 7.2.1 and the 内部资料 rules), no title or number beside them."""
    return bool(key) and NOTICE_WORDS_RE.sub("", key).strip("★·，,、") == ""


def _paper_date_line(line: Line) -> bool:
    """*line* is a newspaper's date line (报眼 or the line over the title): a date with its
    weekday or its lunar date beside it and nothing else (``2024年5月17日　星期五　农历甲辰年四月初十``),
    which a paper prints in its 报头 and a letter's or notice's dated signature (落款) never does."""
    if len(line.key) > 40:
        return False
    kinds = {k for k, _, _ in fields_of(line.text)}
    return "date" in kinds and bool(kinds & {"date-part", "lunar"}) and kinds <= {"date", "date-part", "lunar"}


def _name_over_title(lines: list[Line], k: int, floor: int) -> bool:
    """``lines[k]``, over a bulletin's kind alone (``简　　报``), may be the first line of the
    报头 name (its caller checks the shape: a title, no punctuation): short (16 characters), or
    up to 30 — a session's or a body's full name (某县第某届人民代表大会第某次会议 over the
    会议简报's 简　　报, GB/T 9704-2012 7.2) — when what stands before it ends the previous issue
    (a 版记 line, a finished sentence, a credit; *floor* is the open issue's first line) or an
    old page break opens it."""
    name = lines[k]
    if len(name.key) <= 16:
        return True
    if len(name.key) > 30:
        return False
    if any(isinstance(s, Milestone) and s.kind == "pb" for s in name.marks) or name.form_feed:
        return True
    before = lines[k - 1] if k - 1 > floor else None
    return before is not None and bool(colophon_kind(before) or sentence_final(before.text) or _note_line(before))


#: A note's number opening a line: a circled number (①, ⑩, ❶), as a journal prints a note's mark
#: in the text and again before the note in the 注释 block under the article.
NOTE_MARK_RE = re.compile(r"^[\u2460-\u2473\u2776-\u277f\u2780-\u2793]")


#: A notice's name right after an issue's number (…2025年第4期征稿启事, 第5期目录预告): a notice
#: about that issue, its title, never a masthead's issue line.
NAMED_ISSUE_NOTICE_RE = re.compile(r"第\d{1,4}期(?:[\u4e00-\u9fff]{0,4}?)(?:征稿|征文|出版|休刊|更正)?(?:启事|通知|公告|说明|预告)$")


def find_issue_boundaries(doc: PhysicalText) -> None:
    """Issue boundaries: a second masthead starts a second issue.

    An anchor is an issue-number line (``第7期(总第634期)``, ``(总第91期)``) after the first
    line of running text; the issue starts at the first line of the masthead block around it:
    the masthead lines right above it (dates, imprints, registration notices, an English title,
    a bracketed subtitle, a page count), and the line above those when it is a short title and
    what stands before it ends the previous issue (a colophon line, a finished sentence, a
    credit, the end of an 印发 line) or the title is letter-spaced (``督 查 通 报``: a masthead's
    own); a name over the kind of bulletin alone (``简　　报``) goes with it (:func:`_name_over_title`);
    with the title, the 编印 unit printed above it (one or two lines of a body's name)
    when what stands before that ends the previous issue. A handling notice right above that title (注意保存, 内部参阅, a 密级: the top line of a
    briefing's 版头, GB/T 9704-2012 7.2.1) starts the issue too, and so does a paper's date line
    right above it (:func:`_paper_date_line`); 内部资料，免费交流 stays with the colophon before it
    unless a page break stands between them (the notice then opens the next issue's first page). An issue-number line alone (no masthead line or title taken with it)
    that repeats the open issue's own numbers (:func:`same_issue`: a running head left in the
    text) is no anchor: a second issue of the series prints another number, another series its
    own masthead. A special issue's line (增刊, 特刊, 专刊: :data:`convert.reader.masthead.SPECIAL_ISSUE_RE`)
    is an issue-number line too, but alone, without a number and with no masthead line or title
    taken with it, it is no anchor (a banner over a page). A masthead line of bodies printed label
    first (``主办：…　　编印：…``, :func:`convert.reader.masthead.label_first_imprint_line`) is no running
    text, however long; over the next issue's issue line, under its title with only masthead lines
    between, it opens that issue at the title even when the title is not letter-spaced (a 版记
    prints such fields but never under a title). ``issues`` is filled, and
    ``issue_widths``: each issue's own wrap width.
    """
    lines = doc.lines
    starts = [0]
    running = False
    numbers: tuple[int | None, ...] | None = None  # the open issue's own number, from its masthead
    titles: set[str] = set()  # the open issue's title lines (its masthead's), whitespace removed
    head: list[str] = []  # the open issue's first lines (its masthead), whitespace removed
    for i, line in enumerate(lines):
        if not running:
            if numbers is None and len(line.key) <= 40 and classify(line.text) in ISSUE_ANCHOR_KINDS:
                numbers = issue_numbers(line.text)
            if i - starts[-1] < 12 and len(line.key) <= 40:
                # (the masthead's first lines only: a bounded set, each anchor's test stays short)
                head.append(line.key)
                if classify(line.text) == "title" and len(line.key) >= 2 and len(line.key) <= 16 and not line.furniture:
                    titles.add(line.key)
            # running text; a masthead line of numbered fields is none (``…CN 41-0752/(G)　　邮发代号：35-71``),
            # nor one of bodies printed label first (``主办：…　　编印：…``: the colons are labels')
            running = (any(c in PROSE_PUNCT for c in line.text) and len(line.key) > 30 and not masthead_field_line(line)
                       and not label_first_imprint_line(line))
            if running and head and (numbers is None or None in numbers[1:]):
                # a wrap may cut the issue line (2024年第 / 2期（总第46期）): the masthead's lines read
                # together give the issue and cumulative numbers its own lines left out
                whole = issue_numbers("".join(head))
                numbers = whole if numbers is None else (numbers[0],) + tuple(
                    a if a is not None else b for a, b in zip(numbers[1:], whole[1:]))
            continue
        # a line of several masthead fields may be wider (``第16期（总第2208期）　　今日4版　　…出版``)
        if len(line.key) > 40 or (len(line.key) > 24 and len(fields_of(line.text)) < 2) \
                or classify(line.text) not in ISSUE_ANCHOR_KINDS:
            continue
        if (LEADER_RUN_RE.search(line.raw) and re.search(r"\d{1,3}\s*$", line.raw)) or NAMED_ISSUE_NOTICE_RE.search(line.key):
            # a notice about another issue (《…》2025年第4期征稿启事), its title or its contents
            # entry (a leader and a page number): no issue line of a masthead, which prints no
            # notice's name after the number
            line.note("no new issue", "a notice's title or contents entry naming another issue")
            continue
        if NOTE_MARK_RE.match(line.key):
            # a note opening with its number (①参见《…》第75卷…。): an annotation under an
            # article (its number repeats the mark in the text), citing a volume or issue of a
            # work, no issue line of a masthead (which never opens with a note's mark)
            line.note("no new issue", "a note opening with its number, citing a volume or issue")
            continue
        start = i
        while start > starts[-1] + 1 and len(lines[start - 1].key) <= 40 \
                and classify(lines[start - 1].text) in MASTHEAD_KINDS \
                and not colophon_kind(lines[start - 1]):
            start -= 1
        prev = lines[start - 1] if start > 0 else None
        if prev is not None and classify(prev.text) == "title" and len(prev.key) <= 16 \
                and not any(c in PROSE_PUNCT for c in prev.text) and start - 2 >= 0:
            # a letter-spaced title is a masthead's own (督 查 通 报); so is the kind of bulletin
            # alone letter-spaced over two characters (简　　讯, under the body's name)
            spaced = re.fullmatch(r"\S(?:[ \t\u3000]+\S){2,}", prev.text.strip()) is not None or (
                TITLE_GENRE_RE.fullmatch(prev.key) is not None
                and re.fullmatch(r"\S(?:[ \t\u3000]+\S)+", prev.text.strip()) is not None)
            # the 编印 unit may stand above the title (桐岗县森林防灭火指挥部办公室 / 森林防火工作简报):
            # up to two lines of a body's name, no credit
            top = start - 1
            while top - 1 > starts[-1] + 1 and top > start - 3 and len(lines[top - 1].key) <= 40 \
                    and classify(lines[top - 1].text) == "imprint" and not colophon_kind(lines[top - 1]) \
                    and not _note_line(lines[top - 1]):
                top -= 1
            for cand in range(top, start):
                before = lines[cand - 1]
                if (classify(before.text) == "registration" and len(before.key) <= 40 and not colophon_kind(before)
                        and cand - 2 > starts[-1] and (colophon_kind(lines[cand - 2]) or sentence_final(lines[cand - 2].text))):
                    # a paper's top line above its title (the 准印证 number, 内部资料) opens the
                    # masthead when what stands before it ends the previous issue
                    start = cand - 1
                    break
                # the previous issue's last folio (a milestone opening this line) with two blank lines
                # or more under it, where a file of several issues parts one from the next
                # (find_page_furniture), ends that issue too
                if (colophon_kind(before) or sentence_final(before.text) or _note_line(before)
                        or before.text.rstrip().endswith("印发") or (spaced and cand == start - 1)
                        or (lines[cand].blanks_before >= 2 and any(
                            isinstance(t, Milestone) and t.fw_type == "pageNum" for t, _ in lines[cand].segments[:3]))):
                    start = cand
                    above = lines[start - 1] if start - 1 > starts[-1] else None
                    if (above is not None and TITLE_GENRE_RE.fullmatch(lines[start].key)
                            and classify(above.text) == "title" and _name_over_title(lines, start - 1, starts[-1])
                            and not TITLE_GENRE_RE.search(above.key) and not any(c in PROSE_PUNCT for c in above.text)
                            and not colophon_kind(above) and not above.furniture):
                        # the name over two lines (桐 泽 人 大 / 工 作 简 报: read_masthead's one title)
                        start -= 1
                    notice = lines[start - 1] if start - 1 > starts[-1] else None
                    # (内部资料　免费交流 may end a colophon too: it opens this masthead when it
                    # breaks a page, or when the previous issue's masthead opened with the same line
                    # over its title: the series prints it there in every issue)
                    if notice is not None and HANDLING_NOTICE_RE.search(notice.key) \
                            and ("免费交流" not in notice.key or notice.form_feed or notice.marks
                                 or notice.key in {p.key for p in lines[starts[-1] : starts[-1] + 2]}):
                        start -= 1
                        # GB/T 9704-2012 7.2.1: the 版头's notices (份号, 密级, 紧急程度 …) stand one
                        # under another; another right above (内部资料 / 注意保存) opens the issue
                        # too when a page starts at it or the open issue's masthead opened with it
                        first = {p.key for p in lines[starts[-1] : starts[-1] + 3]}
                        for _ in range(2):
                            upper = lines[start - 1] if start - 1 > starts[-1] else None
                            if not (upper is not None and len(upper.key) <= 12 and HANDLING_NOTICE_RE.search(upper.key)
                                    and (upper.form_feed or upper.marks or upper.key in first)):
                                break
                            start -= 1
                    elif start - 1 > starts[-1] and _paper_date_line(lines[start - 1]):
                        start -= 1
                    break
        if (prev is not None and start - 3 > starts[-1] and classify(prev.text) == "notice"
                and len(prev.key) <= 12 and HANDLING_NOTICE_RE.search(prev.key)):
            # a paper's masthead printed title / notice / body / issue line (苘坝镇报 /
            # 内部资料　免费交流 / …主办 / 2026年5月22日　第5期): the title over the notice opens it
            # when what stands above the title ends the previous issue (a colophon line, a
            # finished sentence, a credit)
            title, before = lines[start - 2], lines[start - 3]
            if (classify(title.text) == "title" and len(title.key) <= 16 and not title.furniture
                    and not any(c in PROSE_PUNCT for c in title.text) and not colophon_kind(title)
                    and (colophon_kind(before) or sentence_final(before.text) or _note_line(before))):
                start -= 2
        if start == i or colophon_kind(lines[start - 1]):
            # a 版头 whose body line is printed label first, as a colophon's is (主办：…), with a
            # notice line (内部资料　免费交流) between it and the title: up to three such lines
            # under a letter-spaced title (a masthead's own) after what ends the previous issue
            # are the new issue's masthead (GB/T 9704-2012 7.2: title, notices, body, issue line)
            t = start - 1
            while t > starts[-1] + 1 and start - t <= 3 and len(lines[t].key) <= 40 and (
                    colophon_kind(lines[t]) or classify(lines[t].text) in MASTHEAD_KINDS):
                t -= 1
            title, before = lines[t], lines[t - 1]
            # a title not letter-spaced opens it too when every line under it is a masthead line,
            # one of them its bodies printed label first (主办：…　　编印：…): a 版记 prints its
            # fields so but never under a title
            between = lines[t + 1 : start]
            plain = (any(label_first_imprint_line(b) for b in between) and not title.furniture
                     and not any(c in PROSE_PUNCT for c in title.text)
                     and all(classify(b.text) in MASTHEAD_KINDS for b in between))
            if (t < start - 1 and t > starts[-1] and classify(title.text) == "title" and len(title.key) <= 16
                    and (re.fullmatch(r"\S(?:[ \t\u3000]+\S){2,}", title.text.strip()) is not None or plain)
                    and (colophon_kind(before) or sentence_final(before.text) or _note_line(before))):
                start = t
        if start == i and SPECIAL_ISSUE_RE.match(line.key) and issue_numbers(line.text)[1:] == (None, None):
            # a special issue's word alone (增刊, 特刊: no number), no masthead line or title around
            # it: a banner over a page or a page's running head, no issue line
            line.note("no new issue", "a special issue's word with no number and no masthead around it")
            continue
        if (start == i and i > 0 and any(c in PROSE_PUNCT or c in "《》" for c in line.text)
                and any(c in PROSE_PUNCT for c in lines[i - 1].text) and not sentence_final(lines[i - 1].text)
                and not colophon_kind(lines[i - 1]) and not _note_line(lines[i - 1])
                and not lines[i - 1].text.rstrip().endswith("印发")):
            # a piece of a sentence (…在本 / 刊第8期《…》一文上批示): the line above is running text
            # left open mid-sentence, and this one goes on with prose punctuation or a book-title
            # mark (GB/T 15834 4.15), no masthead line or title around it: a cited issue, no new issue
            line.note("no new issue", "an issue number inside a sentence the line above leaves open")
            continue
        if (start < i and numbers is not None and same_issue(numbers, issue_numbers(line.text))
                and any(is_mark(s) for b in lines[start : i + 1] for s, _ in b.segments)
                and any(t in "".join(b.key for b in lines[start : i + 1]) for t in titles)):
            # the open issue's title and number again at the top of a page, on lines a wrap cut
            # (金 / 秋·2024年第2期): the page's running head (书眉, title and issue) the furniture pass
            # could not take whole, no masthead of a new issue (that prints another number)
            line.note("no new issue", "the open issue's title and number at a page break: a running head a wrap cut")
            continue
        above = i - 1  # the first line above that is no page furniture nor digits a wrap cut off
        while above >= start and (lines[above].furniture or re.fullmatch(r"\d{1,4}年?", lines[above].key)):
            above -= 1
        if (numbers is not None and same_issue(numbers, issue_numbers(line.text))
                and (above < start or (any(is_mark(s_) for b in lines[above + 1 : i + 1] for s_, _ in b.segments[:3])
                                       and (whole_bracket(lines[above].text) or sentence_final(lines[above].text))))):
            # the open issue's own number again, alone (no masthead line or title around it, only
            # page furniture or the digits a wrap cut off it, 20 / 25年第4期, between it and the
            # text above, a credit or a finished sentence: a running head
            # the furniture pass left): a second issue of the series prints another
            # number, and another series its own masthead (two series' 第7期 follow each other)
            line.note("no new issue", "the issue number of the issue it stands in, with no masthead around it")
            continue
        if numbers is not None and same_issue(numbers, issue_numbers(line.text)) and _colophon_after(lines, i):
            # the open issue's title and number again over its colophon on the back cover (封底:
            # 主办, 主编, 地址, 印数 …, and nothing else after it): the issue's 版权页, no new issue
            line.note("no new issue", "the issue number of the issue it stands in, over the issue's colophon and "
                                      "nothing else (its back cover)")
            continue
        lines[start].note("masthead of a new issue", f"an issue number at line {line.no} after running text")
        starts.append(start)
        running = False
        numbers = issue_numbers(line.text)
        titles = {b.key for b in lines[start:i] if classify(b.text) == "title" and 2 <= len(b.key) <= 16}
        head = [b.key for b in lines[start : i + 1] if len(b.key) <= 40]
    doc.issues = [(s, e) for s, e in zip(starts, starts[1:] + [len(lines)]) if e > s]
    # the furniture of the page break before a new masthead (the previous issue's last folio)
    # ends the previous issue: it is no part of the new issue's title
    for s_ in starts[1:]:
        segs = lines[s_].segments
        k = 0
        while k < len(segs) and isinstance(segs[k][0], Milestone):
            k += 1
        if k and s_ > 0:
            lines[s_ - 1].unlead()
            lines[s_ - 1].segments = lines[s_ - 1].segments + segs[:k]
            lines[s_].segments = segs[k:]
    # each issue's own wrap width (a file of several issues may be wrapped at several widths)
    nos = [no for no, _ in doc.run_on]
    doc.issue_widths = []
    for s_, e in doc.issues:
        lo = bisect.bisect_left(nos, lines[s_].no)
        hi = bisect.bisect_right(nos, max(lines[e - 1].end_no, lines[e - 1].no))
        doc.issue_widths.append(_band([w for _, w in doc.run_on[lo:hi]]) if len(doc.issues) > 1 else doc.wrap_width)


#: The physical passes, in the order they run.
PHYSICAL_PASSES: list[Callable[[PhysicalText], None]] = [
    split_into_lines,
    find_page_furniture,
    mark_page_breaks,
    unwrap,
    find_issue_boundaries,
]


def run_physical(text: str, feeds: dict[int, str] | None = None) -> PhysicalText:
    """Run :data:`PHYSICAL_PASSES` over decoded *text* (its form feeds in *feeds* when they were
    taken out of it, see :func:`convert.reader.lines.form_feeds`) and return the result."""
    doc = PhysicalText(text, feeds=feeds)
    for step in PHYSICAL_PASSES:
        step(doc)
    return doc


__all__ = ["PHYSICAL_PASSES", "PhysicalText", "as_wide_as_wrapped", "extent", "bracket_open", "closes_bracket", "run_physical", "sentence_final", "decide_break",
           "display_width", "clause_free"]
