"""Back matter: the colophon (版记, 报尾) that ends an issue, into ``<back>``.

The colophon is the run of colophon lines that ends the issue (TEI P5 §4.7 "Back Matter"):

- distribution lines of a 版记 (报：, 送：, 发：, 抄送：, 主送：; GB/T 9704-2012 7.4.2) →
  ``<list type="distribution">`` of ``label`` + ``item`` pairs, the label as printed;
- the 印发 line (GB/T 9704-2012 7.4.3: 印发机关 and 印发日期) → ``<ab type="imprint">`` with the
  body as ``orgName`` and the date as ``date/@when``;
- label：value fields (主办, 主编, 电话, 社址 …; several on one line, letter-spaced labels) →
  ``<list type="gloss">`` of ``label`` + ``item`` pairs (a body's name as ``orgName``), under
  their caption (the editorial committee's name, ``本刊编辑委员会``) → ``<ab type="caption">``;
- a print run (（共印90份）, also at the end of a line of fields) → ``<ab type="printRun">`` with
  ``num type="copies"``; a notice (内部资料 …) → ``<ab type="notice">``;
- a newspaper's page credit after its 报尾 line (责任编辑 … 校对 …) → ``<fw type="footer">``.

A field whose value the extraction hard-wrapped (the next line goes on with it, and is no
colophon line of its own) is joined with it first. A run of nothing but page credits is no
colophon: it closes the paper's last page, in the body.

A journal may print its colophon under the masthead or under its contents list, before the
first article (:func:`find_front_colophon`): the same fields, in a ``<div type="colophon">`` of
``<front>``, where it is printed.

Passes: :func:`find_colophon_lines`, :func:`find_front_colophon` and :func:`build_back`. They may
touch the :class:`LogicalText` they are given (``lines`` where a wrapped field is joined,
``colophon_start``, ``front_colophon``, ``body_start`` after a colophon under the masthead,
``back``, ``front_colophon_div``) and the roles and evidence of its lines; nothing else.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.reader.body import REGULARISE, cut_segments, _strip, emit_marks, inline, lead_marks, trail_marks
from convert.reader.layout import (ISSUED_RE, PRINT_RUN_RE, PRINT_RUN_TAIL_RE, TERMINAL, colophon_fields, colophon_kind,
                                   page_credit, undated_issued)
from convert.reader.lines import Line, is_mark
from convert.reader.logical.state import LogicalText
from convert.reader.masthead import DATE_RE, RULE_MARK_RE, _iso
from convert.reader.names import is_org_name, tag_colophon_orgs
from convert.reader.physical import NO_LINE_START, as_wide_as_wrapped, contact_line
from convert.tei import E, xpath



def _print_run(segs) -> etree._Element:
    """``<ab type="printRun">`` of a print run (共印 N 份), the number as ``num type="copies"``."""
    text = "".join(s for s, _ in segs)
    m = re.search(r"共印\s*(\d+)\s*份", text)
    ab = E.ab(type="printRun")
    if m:
        _wrapped_num(ab, segs, m.span(1), m.group(1))
    else:
        inline(ab, segs)
    return ab


def _wrapped_num(el, segs, span, digits: str) -> None:
    inline(el, cut_segments(segs, 0, span[0]))
    el.append(inline(E.num(type="copies", value=str(int(digits))), cut_segments(segs, span[0], span[1])))
    inline(el, cut_segments(segs, span[1], len("".join(s for s, _ in segs))))


def is_page_credit(line: Line, family: str) -> bool:
    """The credit line that closes a newspaper page (本版责编 …, 责任编辑 … 美术编辑 … 校对 …): in a
    newspaper any line whose first field is such a role, elsewhere one with two roles or more."""
    roles = page_credit(line)
    return roles >= (1 if family == "newspaper" else 2)


def person_field(label: str, value: str) -> bool:
    """A colophon field whose value is one person's name: an editor's or signer's label
    (:data:`convert.reader.logical.header.EDITOR_FIELD_RE`: 主编, 责任编辑, 签发 …) and two to four
    Han characters (a name, letter-spaced or not). Constant time."""
    from convert.reader.logical.header import EDITOR_FIELD_RE

    return (EDITOR_FIELD_RE.match(label) is not None
            and re.fullmatch(r"\s*[\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3}\s*", value) is not None)


def _fields(div: etree._Element, segs, kind: str) -> None:
    """Append a line of labelled fields to *div*: into the ``list`` (gloss or distribution) that
    ends it, or a new one; a print run at the line's end as ``ab type="printRun"`` after it."""
    text = "".join(s for s, _ in segs)
    fields = colophon_fields(text)
    if not fields:
        div.append(inline(E.ab(), segs))
        return
    list_type = "distribution" if kind == "distribution" else "gloss"
    last = div[-1] if len(div) else None
    if last is not None and last.tag.endswith("}list") and last.get("type") == list_type:
        lst = last
    else:
        lst = E.list(type=list_type)
        div.append(lst)
    tail = PRINT_RUN_TAIL_RE.search(text)
    end = tail.start() if tail else len(text)
    for k, (a, v, e) in enumerate(fields):
        stop = fields[k + 1][0] if k + 1 < len(fields) else end
        # the label's bold is its markup; every character (and milestone) of the line goes somewhere
        lst.append(inline(E.label(), [(t, False) for t, _ in _strip(cut_segments(segs, 0 if k == 0 else a, v))]))
        value = _strip(cut_segments(segs, v, stop))
        label = re.sub(r"[：:\s\u3000]", "", text[a:v])
        if person_field(label, "".join(t for t, _ in value if not is_mark(t))):
            # a person's name keeps its characters as printed: a variant in a name is the
            # bearer's own (国家通用语言文字法 第十七条 keeps 异体字 in 姓氏), no stray form
            token = REGULARISE.set(False)
            try:
                lst.append(inline(E.item(), value))
            finally:
                REGULARISE.reset(token)
        else:
            lst.append(inline(E.item(), value))
    if tail:
        div.append(_print_run(_strip(cut_segments(segs, end, len(text)))))


def _issued(segs) -> etree._Element:
    """``<ab type="imprint">`` of an 印发 line: the body as ``orgName``, the date ``@when`` (an
    印发 line printed without a date: the body alone, see :func:`convert.reader.layout.undated_issued`)."""
    text = "".join(s for s, _ in segs)
    m = ISSUED_RE.match(text)
    ab = E.ab(type="imprint")
    if not m:
        # printed without a date (the body's name alone, the print run after it): the body only
        name = undated_issued(text + "（共印0份）")
        if name is None:
            return inline(ab, segs)
        inline(ab, cut_segments(segs, 0, name[0]))
        ab.append(inline(E.orgName(), cut_segments(segs, name[0], name[1])))
        return inline(ab, cut_segments(segs, name[1], len(text)))
    org_a, org_b = m.span("org")
    d = DATE_RE.match(re.sub(r"\s+", "", m.group("date")))
    pos = 0
    if m.group("org").strip():
        org_text = m.group("org")
        lead = len(org_text) - len(org_text.lstrip())
        name_a, name_b = org_a + lead, org_a + len(org_text.rstrip())
        inline(ab, cut_segments(segs, 0, name_a))
        wrapper = E.orgName() if is_org_name(text[name_a:name_b]) else None
        if wrapper is not None:
            ab.append(inline(wrapper, cut_segments(segs, name_a, name_b)))
        else:
            inline(ab, cut_segments(segs, name_a, name_b))
        pos = name_b
    da, db = m.span("date")
    inline(ab, cut_segments(segs, pos, da))
    ab.append(inline(E.date(when=_iso(*d.group(1, 2, 3))), cut_segments(segs, da, db)))
    inline(ab, cut_segments(segs, db, len(text)))
    return ab


def _back(lines: list[Line], family: str) -> etree._Element | None:
    div = _colophon(lines, family)
    return None if div is None else E.back(div)


def _colophon(lines: list[Line], family: str) -> etree._Element | None:
    """``<div type="colophon">`` of the colophon *lines* (module docstring), ``None`` for none."""
    if not lines:
        return None
    div = E.div(type="colophon")
    # an old page break that ends the text stands after the colophon's last line
    lines[-1].segments, after = trail_marks(lines[-1].segments)
    # the lines before the first field or rule: the colophon's caption (本刊编辑委员会, or the
    # periodical's title and issue line printed again over a back cover's fields)
    heading = next((n for n, line in enumerate(lines) if colophon_kind(line) is not None or rule_line(line)), len(lines))
    for n, line in enumerate(lines):
        marks, segs = lead_marks(line.segments)
        if marks:  # an old page break between colophon lines stands between them
            emit_marks(div, marks)
        kind = colophon_kind(line)
        if kind is None and rule_line(line):
            # the 版记's 分隔线 (GB/T 9704-2012 7.4.1), kept as the rule mark it is
            div.append(inline(E.fw(type="rule"), _strip(segs)))
        elif kind is None and n < heading and (colophon_caption(line) or n + 1 < len(lines)):
            # the caption over the fields (本刊编辑委员会): a block of the colophon, no heading of the text
            div.append(inline(E.ab(type="caption"), _strip(segs)))
        elif is_page_credit(line, family):
            div.append(inline(E.fw(type="footer", subtype="pageCredit"), _strip(segs)))
        elif kind in ("field", "distribution"):
            _fields(div, _strip(segs), kind)
        elif kind == "print-run":
            div.append(_print_run(_strip(segs)))
        elif kind == "issued":
            segs = _strip(segs)
            text = "".join(s for s, _ in segs)
            tail = PRINT_RUN_TAIL_RE.search(text)
            end = len(text[: tail.start()].rstrip()) if tail else len(text)
            div.append(_issued(cut_segments(segs, 0, end)))
            if tail:  # a print run closing the 印发 line: its own ab after the imprint
                div.append(_print_run(cut_segments(segs, end, len(text))))
        else:
            div.append(inline(E.ab(type="notice"), _strip(segs)))
    for gloss in xpath(div, "tei:list[@type='gloss']"):
        tag_colophon_orgs(gloss)
    emit_marks(div, after)
    return div


def _continues(field: Line, nxt: Line) -> bool:
    """*nxt* goes on with the value of the colophon *field* line (the extraction hard-wrapped
    it): the field stops mid-value (no closing punctuation), *nxt* is no colophon line, opens
    with no label, holds no sentence end but at its end, and is no longer than the field."""
    from convert.reader.logical.roles import centred_under, starts_line

    t = field.text.rstrip()
    body = nxt.text.strip()
    if starts_line(nxt):  # a column name, a page label, a numbered sub-head … never goes on with a value
        return False
    if centred_under(field, nxt):  # a signature centred under the last field (本刊编辑部)
        return False
    # a value cut after an area code (``（0377）`` / ``6215301``) goes on too, and so does one the
    # next line goes on with a mark no line may start with (``…各镇（街道）`` / ``，地名…``: kinsoku),
    # and a list of bodies cut after a bracket (``发送对象：…成员单位，各县（市、区）`` / ``地方志工作机构，…``)
    return (bool(t) and (t[-1] not in TERMINAL or t[-1] in "：:"
                         or (t[-1] in "）)" and (body[:1].isdigit() or any(c in "，、" for c in t)))
                         or (body[:1] in NO_LINE_START and body[:1] not in "）)"))
            and colophon_kind(nxt) is None and not any(c in "。！？" for c in body[:-1]) and len(nxt.key) <= 80
            and not re.match(r"^[\u4e00-\u9fff]{1,6}[：:]", body))


def _wrapped_colophon_line(a: Line, b: Line) -> bool:
    """*a* and *b*, neither a colophon line, together are one (an 印发 line the extraction
    wrapped: ``中共岚河县委督查室　　2022年5`` / ``月20日印发``), *a* ending no sentence."""
    if colophon_kind(a) is not None or len(a.key) + len(b.key) > 60 or not a.text.strip() \
            or a.text.rstrip()[-1] in TERMINAL:
        return False
    joined = Line(a.no, a.raw, segments=a.segments + b.segments)
    return colophon_kind(joined) in ("issued", "print-run", "notice")


def _join(a: Line, b: Line) -> None:
    a.segments = a.segments + b.segments
    a.end_no = b.end_no
    a.evidence.append(f"joined with line {b.no}: a colophon field's value goes on (hard-wrapped)")


#: The caption a journal prints over its colophon fields: the editorial committee's name, maybe
#: after 本刊 or the journal's name (``本刊编辑委员会``, ``《X》编委会``), nothing else on the line.
COLOPHON_CAPTION_RE = re.compile(r"^(?:本刊|《[^《》]{1,16}》|[\u4e00-\u9fff]{0,12})(?:编辑委员会|编委会)$")


def colophon_caption(line: Line) -> bool:
    """*line* is the caption of a journal's colophon (:data:`COLOPHON_CAPTION_RE`): the name of
    its editorial committee alone on the line (``本刊编辑委员会``). Only right over a colophon
    field does :func:`find_colophon_lines` read it so."""
    return bool(COLOPHON_CAPTION_RE.match(line.key))


def rule_line(line: Line) -> bool:
    """*line* is a printed rule and nothing else (:data:`convert.reader.masthead.RULE_MARK_RE` on
    its content, whitespace removed: ``━━━━━━``, ``★``): the 版记's 分隔线 above, between or
    under its lines (GB/T 9704-2012 7.4.1) when it stands in the colophon's run."""
    return bool(line.key) and RULE_MARK_RE.match(line.key) is not None


def find_colophon_lines(doc: LogicalText) -> None:
    """Colophon: the run of colophon lines that ends the issue (distribution lines, the 印发
    line, label：value fields, a print run, notices, a page credit after a newspaper's 报尾
    line; a line of phone fields between two of them), at least one of them not a notice; a field's hard-wrapped value joined first (see
    :func:`_continues`). A run of page credits alone closes the last page: no colophon. The
    caption over the fields is the colophon's too: an editorial committee's name, or the
    periodical's title, frequency and issue line printed again over a back cover's fields
    (:func:`_masthead_repeat`)."""
    lines = doc.lines
    i = len(lines)
    found = False
    while i > doc.body_start:
        line = lines[i - 1]
        kind = colophon_kind(line)
        if kind is None and rule_line(line):
            # the 版记's rules (GB/T 9704-2012 7.4.1: a 分隔线 over its first line, between its
            # lines, under its last) belong to it; a run of rules alone is no colophon (``found``)
            i -= 1
            continue
        if kind is None and not line.blank_before and i - 2 >= doc.body_start:
            # an 印发 line, or a field whose value, the extraction wrapped (over up to four lines)
            j = i - 2
            if not _wrapped_colophon_line(lines[j], line):
                while j >= doc.body_start and j >= i - 4 and colophon_kind(lines[j]) is None \
                        and not lines[j].blank_before and _continues(lines[j], lines[j + 1]):
                    j -= 1
            if j >= doc.body_start and (
                    (j == i - 2 and _wrapped_colophon_line(lines[j], line))
                    or (colophon_kind(lines[j]) in ("field", "distribution")
                        and all(_continues(lines[k], lines[k + 1]) for k in range(j, i - 1)))):
                for k in range(i - 1, j, -1):
                    _join(lines[j], lines[j + 1])
                    del lines[j + 1]
                i = j + 1
                continue
        if (kind is None and found and i - 2 >= doc.body_start and contact_line(line.key)
                and colophon_kind(lines[i - 2]) is not None):
            # a line of phone fields between the colophon's fields (投诉热线：12315 between
            # 电　　话：… and 邮　　箱：…): one of them, whatever its label
            i -= 1
            continue
        if kind is None:
            break
        found = found or kind != "notice"
        i -= 1
    run = lines[i:]
    if not found or all(is_page_credit(line, doc.family) for line in run):
        doc.colophon_start = len(lines)
        return
    if i - 1 >= doc.body_start and colophon_caption(lines[i - 1]) and colophon_kind(lines[i]) == "field":
        i -= 1  # the caption over a journal's colophon fields (本刊编辑委员会)
        run = lines[i:]
    title = re.sub(r"\s+", "", doc.masthead.title) if doc.masthead and doc.masthead.title else None
    k = i
    while (k - 1 >= doc.body_start and i - k < MASTHEAD_REPEAT_MAX and colophon_kind(lines[i]) == "field"
           and _masthead_repeat(lines[k - 1], title)):
        k -= 1
    if k < i and (k == doc.body_start or lines[k].blank_before or lead_marks(lines[k].segments)[0]):
        # the periodical's title, frequency and issue line again over the fields (a back cover's
        # 版权页: 藜川方志 / （季刊） / 2025年第4期): the colophon's caption, no untitled article
        i = k
        run = lines[i:]
    doc.colophon_start = i
    n_caption = next((n for n, line in enumerate(run) if colophon_kind(line) is not None or rule_line(line)), len(run))
    for line in run:
        if rule_line(line):
            line.note("colophon", "a printed rule of the 版记 (GB/T 9704-2012 7.4.1) in the run that ends the issue")
            continue
        if any(line is x for x in run[: max(1, n_caption)]) and colophon_kind(line) is None:
            line.note("colophon", "the caption of the colophon: an editorial committee's name (编辑委员会, 编委会) alone "
                                  "right over the label：value fields (a journal's 版权页 lists its 编委会 under that caption)")
            continue
        what = "a page credit after the 报尾 line" if is_page_credit(line, doc.family) else f"a colophon line ({colophon_kind(line)})"
        line.note("colophon", f"{what} in the run that ends the issue")


#: The most lines of the periodical's title, frequency and issue line printed again over its
#: colophon fields (:func:`_masthead_repeat`).
MASTHEAD_REPEAT_MAX = 4


def _masthead_repeat(line: Line, title: str | None) -> bool:
    """*line* prints the periodical's masthead again: its title (*title*, whitespace removed), its
    frequency in brackets (:data:`FREQUENCY_RE`: （季刊）), or an issue line (2025年第4期（总第88期）)."""
    from convert.reader.masthead import classify

    key = line.key
    if not key or len(key) > 24:
        return False
    return (title is not None and key == title) or FREQUENCY_RE.fullmatch(key) is not None or classify(line.text) == "edition"


#: A periodical's frequency in brackets, as its masthead prints it under the title (（季刊）, （双月刊）).
FREQUENCY_RE = re.compile(r"[（(][半双]?[周旬月季年]刊[）)]")


def find_front_colophon(doc: LogicalText) -> None:
    """A colophon printed under the masthead, before the first article (a journal's 版权标识 on
    its cover: 主办, 主编, 地址, 印数, 准印证号 …, which the rules for 内部资料性出版物 want on the
    cover, the back cover or a 版权页): the run of colophon lines right after the masthead,
    two label：value fields at least, a field's value joined first where the extraction wrapped it
    (the field as wide as a hard-wrapped line, see :func:`_continues`: before the body, a short
    line after a complete value is the first heading). The body then starts after it.

    With a printed contents list the masthead ends where the list starts, so the run is looked
    for right under the list (the same rules place a journal's colophon under its contents,
    on the inside front cover): it stays there, a ``<div type="colophon">`` of ``<front>`` after
    the contents division, in source order."""
    lines, i = doc.lines, doc.body_start
    j, fields = i, 0
    while j < doc.colophon_start:
        kind = colophon_kind(lines[j])
        if kind not in ("field", "print-run", "notice") or is_page_credit(lines[j], doc.family):
            break
        fields += kind == "field"
        # a value the extraction wrapped: the next line goes on with it
        while (kind == "field" and j + 1 < doc.colophon_start and not lines[j + 1].blank_before
               and as_wide_as_wrapped(lines[j], doc.wrap_width) and _continues(lines[j], lines[j + 1])):
            _join(lines[j], lines[j + 1])
            del lines[j + 1]
            doc.colophon_start -= 1
        j += 1
    if fields < 2:
        return
    doc.front_colophon = (i, j)
    doc.body_start = j
    for line in lines[i:j]:
        where = "the contents list" if doc.contents is not None else "the masthead"
        line.note("colophon", f"a colophon line ({colophon_kind(line)}) under {where}, before the first article")


def build_back(doc: LogicalText) -> None:
    """Colophon into ``<back>`` (:func:`_back`); a colophon printed under the masthead into its
    own ``<div type="colophon">`` for ``<front>`` (``front_colophon_div``)."""
    doc.back = _back(doc.lines[doc.colophon_start :], doc.family)
    if doc.front_colophon is not None:
        a, b = doc.front_colophon
        doc.front_colophon_div = _colophon(doc.lines[a:b], doc.family)


__all__ = ["PRINT_RUN_RE", "build_back", "find_colophon_lines", "find_front_colophon", "is_page_credit", "rule_line"]
