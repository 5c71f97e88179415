"""Front matter: the masthead (版头) and the printed contents list, into ``<front>``.

Passes (see :data:`convert.reader.logical.LOGICAL_PASSES`): :func:`find_contents_list`,
:func:`find_masthead` and :func:`build_front`. They may touch the :class:`LogicalText` they are
given (its ``contents``, ``mast_end``, ``body_start``, ``masthead`` and ``front``) and the
roles and evidence of its lines; nothing else.
"""

from __future__ import annotations

from lxml import etree

from convert.reader.body import _split_segments, heading_segments, inline
from convert.reader.layout import find_contents, heading_shape, paragraph_shape
from convert.reader.lines import Line
from convert.reader.masthead import (CONTACT_RE, DATE_RE, IMPRINT_RE, NOTICE_RE, PUBLISHING_VERBS, Masthead,
                                     classify, read_masthead)
from convert.reader.names import is_org_name
from convert.reader.logical.state import LogicalText
from convert.tei import E, XML_LANG, local

LUNAR_CALENDAR_ID = "chinese-lunar"


def _masthead_end(lines: list[Line]) -> int:
    """Without a contents list, the masthead ends at the first line of running text, or before
    the first article's title: a line the masthead patterns do not know (after the periodical's
    own title) with running text within the next two lines (a title with a kicker or subtitle
    takes two)."""
    for i, line in enumerate(lines):
        if paragraph_shape(line):
            return i
        kind = classify(line.text)
        if kind not in ("title", "notice") or (i == 0 and kind == "title"):
            continue  # a date, an issue number, an imprint …: still the masthead
        if NOTICE_RE.search(line.key):
            continue
        if heading_shape(line) and any(paragraph_shape(n) for n in lines[i + 1 : i + 3]):
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


def _masthead_line(kind: str, lines: list[Line], mh: Masthead) -> etree._Element:
    """The title-page element for one masthead block of *kind* other than a title or a date
    (TEI P5 §4.6): an imprint statement (出版, 编印; a printing date 印) is ``docImprint`` with its
    ``publisher``/``date``; a statement of responsibility (编, 编辑, 主办) a ``byline``; an issue
    or volume number ``titlePart type="issue"``; a registration number and a notice (内部资料 …,
    监督电话 …) ``note`` with ``@type`` ``registration``, ``notice`` or ``contact``. A block of
    several lines keeps them apart with ``<lb/>``."""
    line = lines[0]
    text = line.text
    m = IMPRINT_RE.match(text) if kind == "imprint" else None
    if kind == "printed":
        el = E.docImprint()
    elif kind == "imprint":
        el = E.docImprint() if m and m.group(2) in PUBLISHING_VERBS else E.byline()
    elif kind == "edition":
        el = E.titlePart(type="issue")
    else:
        el = E.note(type="registration" if kind == "registration" else
                    "contact" if CONTACT_RE.search("".join(ln.key for ln in lines)) else "notice")
    if len(lines) > 1:
        for j, ln in enumerate(lines):
            if j:
                el.append(E.lb())
            inline(el, ln.segments)
        return el
    d = DATE_RE.match(text) if kind == "printed" else None
    if d and mh.printed:
        _wrapped(el, line.segments, d.span(), E.date(when=mh.printed, type="printed"))
    elif m:
        wrapper = E.orgName() if is_org_name(m.group(1)) else None
        if local(el) == "docImprint":  # <publisher><orgName>…</orgName></publisher>
            outer = E.publisher()
            _wrapped(el, line.segments, m.span(1), wrapper if wrapper is not None else outer)
            if wrapper is not None:
                tail, wrapper.tail = wrapper.tail, None
                wrapper.addprevious(outer)
                outer.append(wrapper)
                outer.tail = tail
        elif wrapper is not None:
            _wrapped(el, line.segments, m.span(1), wrapper)
        else:
            inline(el, line.segments)
    else:
        inline(el, line.segments)
    return el


def _front(mh: Masthead, mast_lines: list[Line], contents, section_ids) -> etree._Element:
    front = E.front()
    if mast_lines:
        page = E.titlePage(type="masthead")
        title_el = None
        dated = False
        for kind, block in mh.blocks:
            if kind in ("title", "title-en"):
                if title_el is None:
                    title_el = E.docTitle()
                    page.append(title_el)
                part = inline(E.titlePart(type="main" if kind == "title" else "alt"), block[0].segments)
                if kind == "title-en":
                    part.set(XML_LANG, "en")
                title_el.append(part)
                continue
            title_el = None
            if kind == "date":
                el = E.docDate()
                if mh.when and not dated:
                    el.set("when", mh.when)
                    dated = True
            elif kind == "lunar":
                el = E.docDate()
                inner = inline(E.date(calendar=f"#{LUNAR_CALENDAR_ID}"), block[0].segments)
                el.append(inner)
                page.append(el)
                continue
            else:
                page.append(_masthead_line(kind, block, mh))
                continue
            for j, line in enumerate(block):
                if j:
                    el.append(E.lb())
                inline(el, line.segments)
            page.append(el)
        front.append(page)
    if contents is not None:
        outer = E.list()
        div = E.div(outer, type="contents")
        if contents.head is not None:
            div.insert(0, inline(E.head(), heading_segments(contents.head)))

        def item(entry):
            it = E.item()
            ref = E.ref()
            if entry.target:
                ref.set("target", f"#{entry.target}")
            for j, line in enumerate(entry.lines):
                if j:
                    ref.append(E.lb())
                inline(ref, line.segments)
            it.append(ref)
            if entry.page is not None:
                ref.tail = " "
                it.append(E.num(entry.page, type="page", value=str(int(entry.page))))
            return it

        for entry in contents.loose:
            outer.append(item(entry))
        for n, (line, entries) in enumerate(contents.sections):
            ref = inline(E.ref(), heading_segments(line))
            if n in section_ids:
                ref.set("target", f"#{section_ids[n]}")
            it = E.item(ref)
            if entries:
                it.append(E.list(*[item(e) for e in entries]))
            outer.append(it)
        front.append(div)
    return front


def find_contents_list(doc: LogicalText) -> None:
    """Contents list: the printed table of contents (dot leaders and page numbers, section
    names), see :func:`convert.reader.layout.find_contents`."""
    doc.contents = find_contents(doc.lines)
    for line in doc.lines[doc.contents.start : doc.contents.end] if doc.contents else []:
        line.note("contents list", "between the first and last line with a dot leader and page number")


def find_masthead(doc: LogicalText) -> None:
    """Masthead: the lines above the contents list, or above the first article (see
    :func:`_masthead_end`); a leader line outside the contents list gets its page number back
    as text."""
    if doc.contents is not None:
        doc.mast_end, doc.body_start = doc.contents.start, doc.contents.end
    else:
        doc.mast_end = doc.body_start = _masthead_end(doc.lines)
    for k, line in enumerate(doc.lines):
        if doc.contents is None or not doc.contents.start <= k < doc.contents.end:
            line.unlead()
    for line in doc.lines[: doc.mast_end]:
        line.note("masthead", "above the contents list or the first article: " + classify(line.text))
    doc.masthead = read_masthead(doc.lines[: doc.mast_end])


def build_front(doc: LogicalText) -> None:
    """Masthead and contents list into ``<front>`` (:func:`_front`)."""
    assert doc.masthead is not None and doc.builder is not None
    doc.front = _front(doc.masthead, doc.lines[: doc.mast_end], doc.contents, doc.builder.section_ids)


