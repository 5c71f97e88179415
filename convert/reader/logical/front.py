"""Front matter: the masthead (版头) and the printed contents list, into ``<front>``.

- The masthead (TEI P5 §4.6 "Title Pages"): every line above the contents list or the first
  article whose fields are all of masthead kinds (:mod:`convert.reader.masthead`: dates, issue
  numbers, imprints, registration numbers, notices, a bracketed subtitle, the star a red rule
  leaves), with one title. Each field group is one ``titlePage`` child: ``docTitle/titlePart``
  (``main``, ``sub``, ``alt``), ``docDate`` (``@when``; a weekday and a lunar date in it),
  ``docImprint`` (``publisher``/``orgName``, the 编印 unit's date as its ``docDate``), ``byline``
  (编, 主办: responsibility), ``titlePart type="issue"`` (with the page count as ``measure``),
  ``note`` (registration, CN, 邮发代号, notices), ``fw type="rule"`` (★).
- The contents list (``div type="contents"``): a list with dot leaders and page numbers
  (:func:`convert.reader.layout.find_contents`), or a list under a heading (本期要目, 本期导读:
  :func:`convert.reader.layout.find_headed_contents`); each entry an ``item`` with the printed
  title in ``ref target="#…"``, a bullet in ``label``, an author in ``name type="author"``, the
  printed page in ``num type="page"``.

Passes (see :data:`convert.reader.logical.LOGICAL_PASSES`): :func:`find_contents_list`,
:func:`find_masthead` and :func:`build_front`. They may touch the :class:`LogicalText` they are
given (its ``contents``, ``mast_end``, ``body_start``, ``masthead`` and ``front``) and the
roles and evidence of its lines; nothing else.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.reader.body import cut_segments, _split_segments, _strip, heading_segments, inline
from convert.reader.layout import (CONTENTS_HEAD_RE, question_title, Entry, is_page_label, match_author_leader, TEXT_LEADER_RE, find_contents, find_headed_contents,
                                   split_column_rows, row_cells,
                                   paragraph_shape)
from convert.reader.lines import Line, page_value
from convert.reader.logical.state import LogicalText
from convert.reader.masthead import (imprint_parts, CN_DATE_RE, CONTACT_RE, DATE_RE, IMPRINT_RE, LUNAR_RE, MASTHEAD_KINDS, PAGES_RE,
                                     PUBLISHING_VERBS, Masthead, fields_of, masthead_line, numeral, read_masthead,
                                     special_issue_title)
from convert.reader.names import is_org_name
from convert.reader.physical import bracket_open, closes_bracket
from convert.tei import E, XML_ID, XML_LANG

LUNAR_CALENDAR_ID = "chinese-lunar"
#: The rest of a lunar date cut inside its month or day (``九月初六``, ``月初六``, ``六``).
LUNAR_DAY_RE = re.compile(r"^[闰正一二三四五六七八九十冬腊初廿卅月日]{1,6}$")


#: A page's label inside a 报眉 line (``2025年10月17日　星期五　　第1版　要闻``).
PAGE_IN_LINE_RE = re.compile(r"第(?:\d{1,2}|[一二三四五六七八九十]{1,3})版")


def _masthead_end(lines: list[Line]) -> int:
    """Without a contents list, the masthead ends at the first line that is not a masthead line:
    a line of running text, a second title (the first article's title, or its kicker), a line
    of other kinds (a page label, a column name …). A title followed by running text is the
    first article's title, not the periodical's; so is a body's name (``…推进会``) followed by
    running text. A short line that stands above the issue-number line (``第4期``, within two
    lines, before any running text) is the masthead's all the same, whatever its shape: the issue
    number is printed in the 版头 (GB/T 9704-2012 7.2), and no article starts above it. Returns
    the index of the first line after the masthead (0: none)."""
    from convert.reader.logical.roles import author_line

    def issue_line_below(i: int) -> bool:
        for j in range(i + 1, min(len(lines), i + 3)):
            if paragraph_shape(lines[j]) or len(lines[j].key) > 40:
                return False
            kinds = {k for k, _, _ in fields_of(lines[j].text)}
            if "edition" in kinds and kinds <= MASTHEAD_KINDS:
                return True
        return False

    title_seen = False
    for i, line in enumerate(lines):
        if paragraph_shape(line):
            return i
        if i == 0 and is_page_label(line) and any(
                {"edition", "date"} & {k for k, _, _ in fields_of(below.text)} for below in lines[1:7]):
            # the front page's label above the masthead (第1版·要闻): the 版头 follows it (an issue
            # number or a date within a few lines)
            continue
        if (i == 1 and is_page_label(lines[0]) and "date" in {k for k, _, _ in fields_of(line.text)}
                and PAGE_IN_LINE_RE.search(line.text)):
            # and the page's 报眉 under that label (the date and 第1版　要闻): the 版头 follows
            continue
        kinds = [k for k, _, _ in fields_of(line.text)] or ["title"]
        # running text, or an author line (文／…) and then running text: an article's title
        prose_next = i + 1 < len(lines) and (paragraph_shape(lines[i + 1]) or (
            author_line(lines[i + 1]) is not None and i + 2 < len(lines) and paragraph_shape(lines[i + 2])))
        if all(k in MASTHEAD_KINDS for k in kinds):
            if set(kinds) <= {"org", "title-en"} and prose_next:
                return i
            continue
        if all(k == "title" for k in kinds) and not title_seen and i <= 4 and not prose_next:
            title_seen = True
            continue
        if title_seen and i <= 6 and len(line.key) <= 20 and not prose_next and issue_line_below(i):
            line.note("masthead", "above the issue-number line: the 版头's")
            continue
        if title_seen and i > 0 and not prose_next and special_issue_title(lines[i - 1].key, line.key):
            line.note("masthead", "under the special issue's label (特刊), ending with its name: the special "
                                  "issue's own title, the 版头's")
            continue
        return i
    return 0


def _wrapped(el: etree._Element, segs, span: tuple[int, int], wrapper: etree._Element) -> None:
    """Append *segs* to *el*, the characters ``span`` (offsets into their joined text) inside
    *wrapper*; no character is added or dropped."""
    left, rest = _split_segments(segs, span[0])
    mid, right = _split_segments(rest, span[1] - span[0])
    inline(el, left)
    el.append(inline(wrapper, mid))
    inline(el, right)



def _groups(line: Line) -> list[tuple[str, int, int]]:
    """The field groups of a masthead line, ``[(kind, start, end)]``: a date with its weekday and
    lunar date is one (``date``), an issue number with the page count one (``edition``), two
    notices one, a publishing body with its date one (``imprint`` holding the date)."""
    groups: list[list] = []
    for kind, a, b in fields_of(line.text):
        g = groups[-1] if groups else None
        joins = g is not None and (
            (g[0] == "date" and kind in ("date-part", "lunar"))
            or (g[0] == "edition" and kind in ("edition", "pages"))
            or (g[0] == "notice" and kind == "notice")
            or (g[0] == "weather" and kind == "weather")
            or (g[0] in ("org", "imprint") and kind == "date" and _publishing(line.text[g[1]:g[2]], g[0])))
        if joins:
            g[2] = b
            g.append(kind)
        else:
            groups.append([kind, a, b])
    return [(g[0], g[1], g[2]) for g in groups]


def _publishing(text: str, kind: str) -> bool:
    """An org field, or an imprint whose verb states publication (出版, 编印): a ``docImprint``."""
    if kind == "org":
        return True
    m = imprint_parts("".join(text.split()))
    return bool(m) and m[1] in PUBLISHING_VERBS


class _Page:
    """Builds ``<titlePage>`` one block at a time (keeps the open ``docTitle`` and whether the
    issue date has been given its ``@when``)."""

    def __init__(self, mh: Masthead):
        self.mh = mh
        self.page = E.titlePage(type="masthead")
        self.title_el: etree._Element | None = None
        self.dated = False
        self.printed = False

    def _title_part(self, kind: str, segs) -> None:
        if self.title_el is None:
            self.title_el = E.docTitle()
            self.page.append(self.title_el)
        part = inline(E.titlePart(type={"title": "main", "subtitle": "sub"}.get(kind, "alt")), segs)
        if kind == "title-en":
            part.set(XML_LANG, "en")
        self.title_el.append(part)

    def _date(self, segs, el: etree._Element | None = None) -> etree._Element:
        """A ``docDate`` of *segs* (date, weekday, lunar date), ``@when`` on the first one."""
        el = E.docDate() if el is None else el
        if self.mh.when and not self.dated:
            el.set("when", self.mh.when)
            self.dated = True
        text = "".join(s for s, _ in segs)
        lunar = [(a, b) for k, a, b in fields_of(text) if k == "lunar"]
        if lunar:
            _wrapped(el, segs, lunar[0], E.date(calendar=f"#{LUNAR_CALENDAR_ID}"))
        else:
            inline(el, segs)
        return el

    def _imprint(self, kind: str, segs) -> list[etree._Element]:
        """An imprint group (a body, its verb, maybe its date): ``docImprint`` for a publishing
        body (出版, 编印, or a name alone: the 编印 unit of a briefing) with the date as its
        ``docDate``; ``byline`` for responsibility (编, 编辑, 主办, 机关报), the date apart."""
        text = "".join(s for s, _ in segs)
        fields = fields_of(text)
        date = next(((a, b) for k, a, b in fields if k == "date"), None)
        body_end = date[0] if date else len(text)
        head, tail = _strip(cut_segments(segs, 0, body_end)), cut_segments(segs, body_end, len(text))
        head_text = "".join(s for s, _ in head)
        m = imprint_parts("".join(head_text.split()))
        name_start = 0
        if m and m[2]:  # label first (主办：…): the name after the colon
            name_start = max(head_text.find("："), head_text.find(":")) + 1
            while name_start < len(head_text) and head_text[name_start].isspace():
                name_start += 1
            name_end = len(head_text.rstrip())
        else:
            name_end = len(head_text.rstrip()) - (len(m[1]) if m else 0)
        while name_end > 0 and head_text[name_end - 1].isspace():
            name_end -= 1
        publishing = kind == "org" or (m and m[1] in PUBLISHING_VERBS)
        el = E.docImprint() if publishing else E.byline()
        name = head_text[name_start:name_end]
        wrapper = E.orgName() if is_org_name(name) else (E.publisher() if publishing else None)
        if wrapper is not None:
            _wrapped(el, head, (name_start + len(name) - len(name.lstrip()), name_end), wrapper)
            if publishing and wrapper.tag.endswith("orgName"):  # <publisher><orgName>…</orgName></publisher>
                outer = E.publisher()
                tail_text, wrapper.tail = wrapper.tail, None
                wrapper.addprevious(outer)
                outer.append(wrapper)
                outer.tail = tail_text
        else:
            inline(el, head)
        out = [el]
        if date:
            if publishing:
                el.append(self._date(_strip(tail)))
            else:
                out.append(self._date(_strip(tail)))
        return out

    def _signer(self, segs) -> etree._Element:
        """The 签发 field (GB/T 9704-2012 7.2.5 签发人: the official who signs the issue off): a
        statement of responsibility, ``byline`` as the 编 of a body is (TEI P5 §4.6), each name
        a ``persName``: ``<byline>签发：<persName>某某某</persName></byline>``."""
        el = E.byline()
        text = "".join(s for s, _ in segs)
        colon = max(text.find("："), text.find(":")) + 1
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^、\s](?:\s*[^、\s])*", text[colon:])]
        pos = 0
        for a, b in spans:
            inline(el, cut_segments(segs, pos, colon + a))
            el.append(inline(E.persName(), cut_segments(segs, colon + a, colon + b)))
            pos = colon + b
        inline(el, cut_segments(segs, pos, len(text)))
        return el

    def group(self, kind: str, segs) -> None:
        """Append the element(s) of one field group of *kind* and segments *segs*."""
        if kind in ("title", "subtitle", "title-en"):
            self._title_part(kind, segs)
            return
        self.title_el = None
        text = "".join(s for s, _ in segs)
        if kind in ("date", "lunar"):
            self.page.append(self._date(segs))
        elif kind == "printed":
            el = E.docImprint()
            d = DATE_RE.match(text.strip()) or CN_DATE_RE.match(text.strip())
            if d and self.mh.printed and not self.printed:
                lead = len(text) - len(text.lstrip())
                _wrapped(el, segs, (lead + d.start(), lead + d.end()), E.date(when=self.mh.printed, type="printed"))
                self.printed = True
            else:
                inline(el, segs)
            self.page.append(el)
        elif kind in ("imprint", "org"):
            for el in self._imprint(kind, segs):
                self.page.append(el)
        elif kind in ("edition", "pages"):
            el = E.titlePart(type="issue")
            pages = [(a, b) for k, a, b in fields_of(text) if k == "pages"]
            n = numeral(PAGES_RE.match("".join(text[pages[0][0]:pages[0][1]].split())).group(1)) if pages else None
            if pages and n is not None:
                _wrapped(el, segs, pages[0], E.measure(unit="pages", quantity=str(n)))
            else:
                inline(el, segs)
            self.page.append(el)
        elif kind == "rule":
            self.page.append(inline(E.fw(type="rule"), segs))
        elif kind == "page-label":
            # the front page's label above the masthead: the page's furniture (TEI P5 §11.6)
            self.page.append(inline(E.fw(type="header", subtype="pageLabel"), segs))
        elif kind == "signer":
            self.page.append(self._signer(segs))
        elif kind == "docnumber":
            # the 发文字号 (GB/T 9704-2012 7.2.4: the issuing body's short name, year and serial
            # number), an identifier the issuer gives: ``idno`` (TEI P5 §2.2.4) in the imprint
            # statement of the title page (TEI P5 §4.6), as the header's monogr holds it too
            self.page.append(E.docImprint(inline(E.idno(type="docNumber"), segs)))
        else:
            note_type = ("registration" if kind in ("registration", "cn", "postal") else "weather" if kind == "weather" else
                         "contact" if CONTACT_RE.search("".join(text.split())) else "notice")
            self.page.append(inline(E.note(type=note_type), segs))

    def block(self, kind: str, lines: list[Line]) -> None:
        """Append the element(s) of one masthead block (see :class:`Masthead`)."""
        if kind == "fields":
            line = lines[0]
            groups = _groups(line)
            for k, (gkind, a, b) in enumerate(groups):
                # a group runs to the next one (the gap is whitespace, and any milestone in it)
                stop = groups[k + 1][1] if k + 1 < len(groups) else len(line.text)
                self.group(gkind, _strip(cut_segments(line.segments, 0 if k == 0 else a, stop)))
            return
        if kind == "title" and len(lines) > 1:
            # one title printed over two lines (see read_masthead): one titlePart, <lb/> between
            self.group(kind, lines[0].segments)
            part = self.title_el[-1]
            for line in lines[1:]:
                lb = E.lb()
                part.append(lb)
                holder = inline(E.titlePart(), line.segments)
                lb.tail = holder.text
                for child in list(holder):
                    part.append(child)
            return
        if len(lines) == 1 or kind in ("title", "subtitle", "title-en"):
            self.group(kind, lines[0].segments)
            for line in lines[1:]:
                self.group(kind, line.segments)
            return
        # a block of several lines of one kind (a date over three lines, a two-line registration
        # number): one element, its lines apart with <lb/>
        self.title_el = None
        if kind == "date":
            el = E.docDate()
            if self.mh.when and not self.dated:
                el.set("when", self.mh.when)
                self.dated = True
        else:
            el = E.note(type="registration" if kind == "registration" else "notice")
        for j, line in enumerate(lines):
            if j:
                el.append(E.lb())
            inline(el, line.segments)
        self.page.append(el)


def _contents_item(entry) -> etree._Element:
    """One contents entry: ``<item>`` holding the bullet (``label``), the printed title in
    ``<ref target="#…">``, what stands between (a leader printed before an author), the author
    (``name type="author"``) and the printed page (``num type="page"``), in print order; a
    subtitle printed on its own line under the entry (``——记…``) after a ``<lb/>`` as
    ``<title type="sub">`` (TEI P5 §3.12.2.2: the subordinate part of a title)."""
    it = _contents_item_main(entry)
    for line in getattr(entry, "subtitle", []):
        it.append(E.lb())
        it.append(inline(E.title(type="sub"), _strip(line.segments)))
    return it


def _contents_item_main(entry) -> etree._Element:
    """The ``<item>`` of :func:`_contents_item` without the subtitle under it."""
    it = E.item()
    ref = E.ref()
    if entry.target:
        ref.set("target", f"#{entry.target}")
    spans = entry.spans
    for j, line in enumerate(entry.lines):
        if j:
            ref.append(E.lb())
        segs = line.segments
        if j < len(entry.lines) - 1 or not spans:
            inline(ref, segs)
            continue
        text = line.text
        title_end = spans.get("title", len(text))
        if "bullet" in spans:
            it.append(inline(E.label(), cut_segments(segs, 0, spans["bullet"])))
        start = spans.get("bullet", 0)
        if "start" in spans:  # the page printed before the title (``2版　title``)
            a, b = spans["page"]
            inline(it, cut_segments(segs, 0, a))
            it.append(inline(E.num(type="page", value=str(page_value(entry.page))), cut_segments(segs, a, b)))
            inline(it, cut_segments(segs, b, spans["start"]))
            start = spans["start"]
        inline(ref, _strip(cut_segments(segs, start, title_end)))
        it.append(ref)
        pos = title_end
        if "author" in spans:  # the leader printed before an author is text between them
            a, b = spans["author"]
            inline(it, cut_segments(segs, pos, a))
            it.append(inline(E.name(type="author"), cut_segments(segs, a, b)))
            pos = b
        if "page" in spans and "start" not in spans:
            a, b = spans["page"]
            inline(it, cut_segments(segs, pos, a))
            it.append(inline(E.num(type="page", value=str(page_value(entry.page))), cut_segments(segs, a, len(text))))
        else:
            inline(it, cut_segments(segs, pos, len(text)))
        if "page" not in spans and line.page is not None:  # the page after a leader the line parsing took off
            last = it[-1]
            last.tail = (last.tail or "") + " "
            it.append(E.num(entry.page, type="page", value=str(page_value(entry.page))))
        return it
    it.append(ref)
    if entry.page is not None:
        ref.tail = " "
        it.append(E.num(entry.page, type="page", value=str(page_value(entry.page))))
    return it


def _columns_list(outer: etree._Element, contents, section_ids) -> None:
    """A contents list set in two columns side by side (``contents.columns``) into *outer*: one
    ``<item>`` per entry and per column name, flat, in source order (row by row: the text keeps the
    source's order), each with ``@sortKey`` its place in reading order (the left column top to
    bottom, then the right one), zero-padded so that sorting the keys as strings gives it (TEI P5
    att.sortable: "the sort key for this element in an index, list or group which contains it").
    A column name's item holds its ``<ref>`` to the section; its entries follow it in reading order."""
    pieces = []  # (source place, item), in reading order

    def add(entry) -> None:
        # an entry wrapped within its column: its lines stand in rows apart, the other column's
        # cells between; one item per row, linked as the parts of one (TEI P5 §16.7, @next/@prev)
        place = contents.places
        runs = [[entry.lines[0]]]
        for line in entry.lines[1:]:
            if place[id(line)] == place[id(runs[-1][-1])] + 1:
                runs[-1].append(line)
            else:
                runs.append([line])
        if len(runs) == 1:
            pieces.append((contents.places[id(entry.lines[0])], _contents_item(entry)))
            return
        n = len(pieces)
        ids = [f"toc{n + 1}-{k + 1}" for k in range(len(runs))]
        for k, run in enumerate(runs):
            if k < len(runs) - 1:
                item = _contents_item_main(Entry(run, None, target=entry.target if k == 0 else None))
            else:
                item = _contents_item(Entry(run, entry.page, spans=entry.spans, subtitle=entry.subtitle))
            item.set(XML_ID, ids[k])
            if k:
                item.set("prev", f"#{ids[k - 1]}")
            if k < len(runs) - 1:
                item.set("next", f"#{ids[k + 1]}")
            pieces.append((place[id(run[0])], item))

    for entry in contents.loose:
        add(entry)
    for n, (line, entries) in enumerate(contents.sections):
        ref = inline(E.ref(), heading_segments(line))
        if n in section_ids:
            ref.set("target", f"#{section_ids[n]}")
        pieces.append((contents.places[id(line)], E.item(ref)))
        for entry in entries:
            add(entry)
    for entry in contents.after:
        add(entry)
    width = len(str(len(pieces)))
    for reading, (_, item) in enumerate(pieces):
        item.set("sortKey", str(reading + 1).zfill(width))
    for _, item in sorted(pieces, key=lambda piece: piece[0]):
        outer.append(item)


def _front(mh: Masthead, mast_lines: list[Line], contents, section_ids,
           colophon: etree._Element | None = None) -> etree._Element:
    front = E.front()
    if mast_lines:
        page = _Page(mh)
        for kind, block in mh.blocks:
            page.block(kind, block)
        front.append(page.page)
    if colophon is not None and contents is None:  # under the masthead (TEI P5 §4.6: a front division)
        front.append(colophon)
    if contents is not None:
        outer = E.list()
        div = E.div(outer, type="contents")
        if contents.head is not None:
            div.insert(0, inline(E.head(), heading_segments(contents.head)))
        if contents.columns:
            _columns_list(outer, contents, section_ids)
        for entry in [] if contents.columns else contents.loose:
            outer.append(_contents_item(entry))
        for n, (line, entries) in enumerate([] if contents.columns else contents.sections):
            ref = inline(E.ref(), heading_segments(line))
            if n in section_ids:
                ref.set("target", f"#{section_ids[n]}")
            it = E.item(ref)
            if entries:
                it.append(E.list(*[_contents_item(e) for e in entries]))
            outer.append(it)
        for entry in [] if contents.columns else contents.after:  # after the columns, in none (编后记)
            outer.append(_contents_item(entry))
        front.append(div)
        if colophon is not None:  # printed under the contents list (its inside front cover)
            front.append(colophon)
    return front


def _notice_line(line: Line) -> bool:
    """A short masthead line of notices only (``内部资料，免费交流``: GB/T 15834 allows the comma
    between them), which running text is not."""
    kinds = [k for k, _, _ in fields_of(line.text)]
    return len(line.key) <= 16 and bool(kinds) and all(k == "notice" for k in kinds)


#: a day of the month alone in Chinese numerals (十五日: the 成文日期 as GB/T 9704-1999 wrote it, and many a
#: masthead still prints it)
CN_DAY_RE = re.compile(r"[〇一二三]?十?[〇一二三四五六七八九十]日")
#: a day of the month in Arabic numerals opening a line (``17日``), a date's end cut from its month
DAY_START_RE = re.compile(r"\d{1,2}日")


def _number_cut(line: Line, nxt: Line) -> bool:
    """*line* is a number alone (four digits at most) that *nxt* goes on: a right-aligned date the
    extraction wrapped inside its year (``202`` / ``4年4月12日``) or after it (``2024`` / ``年4月12日``)."""
    return (line.key.isdigit() and len(line.key) <= 4
            and (nxt.key[:1].isdigit() or (len(line.key) == 4 and nxt.key[:1] == "年")))


def rejoin_masthead_lines(doc: LogicalText) -> None:
    """A masthead line or a contents line the extraction hard-wrapped (``国内统一连续出版物号 CN
    41-0628/(F)　　邮发`` / ``代号 35-62``; ``续志编纂中…表述………苏明`` / ``哲　5``): above the first line
    of running text, a line that is no masthead line but is one with the next (no blank line
    between), or a line with a dot leader and no page that with the next one ends in its page,
    is joined with it."""
    lines = doc.lines
    i = 0
    # a short notice with a comma (``内部资料，免费交流``) is a masthead line, not running text
    while i + 1 < len(lines) and (not paragraph_shape(lines[i]) or TEXT_LEADER_RE.search(lines[i].text)
                                  or _notice_line(lines[i])):
        line, nxt = lines[i], lines[i + 1]
        partial = any(k in MASTHEAD_KINDS for k, _, _ in fields_of(line.text))  # a masthead field begins it
        # or a number alone that the next line's digits go on (a right-aligned date cut inside its
        # year: ``　　…　202`` / ``4年4月12日``; or after it: ``　　…　2024`` / ``年4月12日``)
        partial = partial or _number_cut(line, nxt)
        leader = (TEXT_LEADER_RE.search(line.text) is not None and line.page is None and len(nxt.key) <= 12
                  and not match_author_leader(line.text)
                  # a row of a contents list in two columns ends where its right cell does
                  and row_cells(line) is None)
        # a masthead line itself only when it stops inside a number (``CN 41-0628/``) or the next
        # line is a short piece of it (``2021年6月`` / ``25日``)
        fields = fields_of(line.text)
        last = line.text[fields[-1][1]:fields[-1][2]] if fields else ""
        # a field cut inside: a lunar date in its month or day (``农历癸卯年九`` / ``月初六``), a
        # registration number before its 号 (``…内资连`` / ``字第0519号``)
        cut_inside = bool(fields) and (
            (fields[-1][0] == "lunar" and LUNAR_DAY_RE.match(nxt.key) is not None)
            or (fields[-1][0] == "registration" and not last.rstrip().endswith("号") and "号" in nxt.key[:12]
                and nxt.key[:1] not in "【〔[（("))  # a bracket opens a part of its own (``【审郑州连】00015号``)
        cut_short = (not masthead_line(line) or line.text.rstrip()[-1:] in "/-－(（"
                     or (len(nxt.key) <= 4 and nxt.key[:1] in "0123456789）)-－/")
                     # a date in Chinese numerals cut before its day (``二〇二三年八月`` / ``十五日``)
                     or (line.text.rstrip()[-1:] == "月" and CN_DAY_RE.fullmatch(nxt.key) is not None)
                     # a date cut before its day, more fields after it (``…2024年5月`` / ``17日　星期五　本期2版``)
                     or (line.text.rstrip()[-1:] == "月" and DAY_START_RE.match(nxt.key) is not None)
                     or (line.text.rstrip()[-1:].isdigit() and nxt.key[:1].isdigit())  # a number cut
                     or (bracket_open(line.text) and closes_bracket(nxt.text))  # ``CN 41-0628/(F`` / ``)…``
                     or cut_inside)
        # a number alone under it that the line after goes on is that line's start, not this one's end
        nxt_cut = i + 2 < len(lines) and not lines[i + 2].blank_before and _number_cut(nxt, lines[i + 2])
        if ((partial and cut_short or leader) and not nxt_cut and not nxt.blank_before and line.page is None
                and len(line.key) + len(nxt.key) <= 60):
            joined = Line(line.no, line.raw, segments=line.segments + nxt.segments, page=nxt.page)
            if (masthead_line(joined) and (cut_inside or not (masthead_line(nxt) and masthead_line(line)))) or (
                    leader and (nxt.page is not None or match_author_leader(joined.text))):
                line.page = nxt.page
                line.segments, line.end_no = joined.segments, nxt.end_no
                line.evidence.append(f"joined with line {nxt.no}: together one masthead or contents line (hard-wrapped)")
                del lines[i + 1]
                continue
        i += 1


def _split_entries(doc: LogicalText, head: int) -> None:
    """Entries of a headed contents list (its heading at line *head*) the unwrapping ran together
    (titles as wide as a wrapped line, with quotes in them, or stopping with no punctuation): a
    line under the heading whose physical lines each name a later line of the text (or the start
    of one: a title run together with its text; or the end of one: a title run into the line
    above it) is split into them; the first line that does
    not name one ends the list, and so does a line that repeats an entry above it (a list names
    each title once: the first article's title printed right under the list, which the unwrapping
    may have run into the last entry: split off, no entry)."""
    import difflib

    from convert.reader.body import MATCH_RATIO
    from convert.reader.logical.roles import _group, physical_parts

    def named(key: str, k: int) -> bool:
        return any((abs(len(other.key) - len(key)) <= 10
                    and difflib.SequenceMatcher(None, key, other.key, autojunk=False).ratio() >= MATCH_RATIO)
                   or (len(key) >= 8 and (other.key.startswith(key) or other.key.endswith(key)))
                   for other in doc.lines[k + 1 :])

    k = head + 1
    seen: set[str] = set()
    # two consecutive lines of the text run together: a title the body prints over two lines, cut
    # elsewhere than the list's wrap cut it
    pairs = {a.key + b.key: j for j, (a, b) in enumerate(zip(doc.lines[head:], doc.lines[head + 1:]), head)
             if a.key and b.key and len(a.key) + len(b.key) <= 60}
    while k < len(doc.lines):
        line = doc.lines[k]
        parts = physical_parts(line, doc.physical)
        # a list names each title once: a line that repeats one of its entries is the first
        # article's own title under the list (the 要目's first entry), and the list ends before it
        cut = next((j for j, p in enumerate(parts) if p.key and p.key in seen), len(parts))
        if not cut or not all(named(p.key, k) for p in parts[:cut]):
            break
        if cut == len(parts) == 2 and pairs.get(line.key, -1) > k:
            # the entry whole is a title the body prints over two lines cut elsewhere
            # (…“一案双查”情况 / 的通报): one entry the list's wrap cut, no two
            seen.add(line.key)
            k += 1
            continue
        if len(parts) > 1:
            for part in parts[1:cut]:
                part.evidence.append("a contents entry of its own again: each line names a later title")
            rest = []
            if cut < len(parts):
                parts[cut].evidence.append("the list's own entry printed again: the first article's title under the "
                                           "list, no entry (a list names each title once)")
                rest = [_group(parts[cut:], parts[cut])]
            doc.lines[k : k + 1] = [_group([p], line) for p in parts[:cut]] + rest
        seen.update(p.key for p in parts[:cut])
        k += cut
        if cut < len(parts):
            break


def _two_column_contents(doc: LogicalText):
    """A contents list set in two columns side by side (:func:`convert.reader.layout.split_column_rows`):
    its rows cut into cells in ``doc.lines`` and the list read column by column, or ``None``
    (``doc.lines`` as it was) when there is none, or when an entry of the list read so would hold
    lines of both columns, or a subtitle apart from its entry."""
    headed = False  # under a contents heading (目录), a row of two entries without leaders is no prose

    def prose(line) -> bool:
        nonlocal headed
        headed = headed or bool(CONTENTS_HEAD_RE.match(line.key))
        return (line.page is None and paragraph_shape(line) and not match_author_leader(line.text)
                and not (headed and row_cells(line, gap_pages=True)))

    first_prose = next((i for i, line in enumerate(doc.lines) if prose(line)), len(doc.lines))
    cut = split_column_rows(doc.lines, first_prose)
    if cut is None:
        return None
    contents = find_contents(cut)
    if contents is None:
        return None
    where = {id(line): i for i, line in enumerate(cut)}
    for entry in contents.entries:
        # an entry wrapped within its column is one in parts (:func:`_columns_list`); its subtitle
        # must follow it
        at = [where[id(line)] for line in entry.lines[-1:] + entry.subtitle]
        if at != list(range(at[0], at[0] + len(at))) or any(line.column != entry.lines[0].column for line in entry.lines):
            return None
    if not any(line.column == 2 for line in cut[contents.start:contents.end]):
        return None
    contents.columns, contents.places = True, where
    doc.lines[:] = cut
    return contents


def find_contents_list(doc: LogicalText) -> None:
    """Contents list: the printed table of contents (dot leaders and page numbers, section
    names: :func:`convert.reader.layout.find_contents`), else a list under a heading (本期要目,
    目录, 本期导读) before the first line of running text
    (:func:`convert.reader.layout.find_headed_contents`; entries the unwrapping ran together
    split again first)."""
    doc.contents = _two_column_contents(doc) or find_contents(doc.lines)
    why = "between the first and last line with a dot leader and page number"
    if doc.contents is None:
        head = next((i for i, line in enumerate(doc.lines[:60]) if CONTENTS_HEAD_RE.match(line.key)), None)
        if head is not None:
            _split_entries(doc, head)
        # (a title asking a question, 直补期满后政策怎么衔接？, ends a sentence but is no running text:
        # a 政策问答's title the list names)
        first_prose = next((i for i, line in enumerate(doc.lines) if paragraph_shape(line) and not question_title(line)),
                           len(doc.lines))
        doc.contents = find_headed_contents(doc.lines, stop=first_prose)
        why = "under a contents heading, each entry naming a later title, or with a bullet or page (N版)"
    for line in doc.lines[doc.contents.start : doc.contents.end] if doc.contents else []:
        line.note("contents list", why)


#: The 报眼's weather printed as a line: its label (今日天气) set apart by a space or a colon, then
#: the sky, a temperature (14℃～24℃) or a wind (东北风3级).
WEATHER_LINE_RE = re.compile(r"^\s*(?:今日|今天|明日|明天|本地|当地)?天气(?:预报)?[：:\s\u3000]\S.*(?:℃|°|风\s*\d{1,2}\s*级)")


def weather_line(line: Line) -> bool:
    """*line* is the 报眼's weather (``今日天气　多云转晴　14℃～24℃　东北风3级``), no sentence in it."""
    return len(line.key) <= 40 and WEATHER_LINE_RE.match(line.text) is not None and not re.search(r"[。；！？]", line.text)


def find_masthead(doc: LogicalText) -> None:
    """Masthead: the lines above the contents list, or above the first article (see
    :func:`_masthead_end`); a leader line outside the contents list gets its page number back
    as text."""
    if doc.contents is not None:
        doc.mast_end, doc.body_start = doc.contents.start, doc.contents.end
        # the 报眼 holds contents, calendar and weather: a weather line right under the list is its
        while doc.body_start < len(doc.lines) and weather_line(doc.lines[doc.body_start]):
            doc.lines[doc.body_start].note("masthead", "the 报眼's weather (a label 天气 and a temperature or "
                                           "wind), under the contents list: weather")
            doc.front_after.append(doc.lines[doc.body_start])
            doc.body_start += 1
    else:
        doc.mast_end = doc.body_start = _masthead_end(doc.lines)
    for k, line in enumerate(doc.lines):
        if doc.contents is None or not doc.contents.start <= k < doc.contents.end:
            line.unlead()
    for line in doc.lines[: doc.mast_end]:
        kinds = ", ".join(k for k, _, _ in fields_of(line.text))
        line.note("masthead", "above the contents list or the first article: " + kinds)
    doc.masthead = read_masthead(doc.lines[: doc.mast_end])


def build_front(doc: LogicalText) -> None:
    """Masthead, a colophon printed under it (built by :func:`convert.reader.logical.back.build_back`)
    and contents list into ``<front>`` (:func:`_front`)."""
    assert doc.masthead is not None and doc.builder is not None
    doc.front = _front(doc.masthead, doc.lines[: doc.mast_end], doc.contents, doc.builder.section_ids,
                       doc.front_colophon_div)
    for line in doc.front_after:  # the 报眼's weather under the contents list (TEI P5 §3.9.1: note)
        doc.front.append(inline(E.note(type="weather"), _strip(line.segments)))


__all__ = ["LUNAR_CALENDAR_ID", "LUNAR_RE", "build_front", "find_contents_list", "find_masthead",
           "rejoin_masthead_lines"]
