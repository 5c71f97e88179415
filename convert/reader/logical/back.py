"""Back matter: the colophon (版记, 报尾) that ends an issue, into ``<back>``.

Passes: :func:`find_colophon_lines` and :func:`build_back`. They may touch the
:class:`LogicalText` they are given (``colophon_start``, ``back``) and the roles and evidence of
its lines; nothing else.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.reader.body import _split_segments, _strip, emit_marks, inline, lead_marks, trail_marks
from convert.reader.layout import PRINT_RUN_RE, colophon_kind, find_colophon
from convert.reader.lines import Line
from convert.reader.names import tag_colophon_orgs
from convert.reader.logical.state import LogicalText
from convert.tei import E, xpath


def _back(lines: list[Line]) -> etree._Element | None:
    if not lines:
        return None
    div = E.div(type="colophon")
    gloss = None
    # an old page break that ends the text stands after the colophon's last line
    lines[-1].segments, after = trail_marks(lines[-1].segments)
    for line in lines:
        marks, line.segments = lead_marks(line.segments)
        if marks:  # an old page break between colophon lines stands between them
            emit_marks(div, marks)
            gloss = None
        kind = colophon_kind(line)
        if kind == "field":
            if gloss is None:
                gloss = E.list(type="gloss")
                div.append(gloss)
            text = line.text
            m = re.match(r"^\s*[^：:]{1,12}[：:]", text)
            cut = m.end() if m else 0
            # split the segments at the label's end
            label, value = _split_segments(line.segments, cut)
            gloss.append(E.label("".join(s for s, _ in label).strip()))
            gloss.append(inline(E.item(), _strip(value)))
            continue
        gloss = None
        if kind == "print-run":
            m = PRINT_RUN_RE.match(line.key)
            text = line.text
            digits = m.group(1)
            pos = text.find(digits) if digits in text else -1
            ab = E.ab(type="printRun")
            if pos >= 0:
                ab.text = text[:pos]
                num = E.num(digits, type="copies", value=str(int(digits)))
                num.tail = text[pos + len(digits) :]
                ab.append(num)
            else:
                ab.text = text
            div.append(ab)
        else:
            div.append(inline(E.ab(type="notice"), line.segments))
    for gloss in xpath(div, "tei:list[@type='gloss']"):
        tag_colophon_orgs(gloss)
    emit_marks(div, after)
    return E.back(div)


def find_colophon_lines(doc: LogicalText) -> None:
    """Colophon: the run of field lines (主管：, 电话：, 共印 N 份 …) that ends the issue."""
    doc.colophon_start = find_colophon(doc.lines, doc.body_start)
    for line in doc.lines[doc.colophon_start :]:
        line.note("colophon", f"a colophon line ({colophon_kind(line)}) in the run that ends the issue")


def build_back(doc: LogicalText) -> None:
    """Colophon into ``<back>`` (:func:`_back`)."""
    doc.back = _back(doc.lines[doc.colophon_start :])


