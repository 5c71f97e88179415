"""The logical stage of the reader: one issue's logical lines → ``<TEI>``.

The physical stage (:mod:`convert.reader.physical`) has undone the print layout; this stage finds
what each line is, in ordered passes that each do one job (docutils' transforms, see
``../shared/STYLE.md``), one module per family:

- :mod:`.front`: the contents list and the masthead (版头), then ``<front>``;
- :mod:`.back`: the colophon (版记, 报尾) that ends the issue, then ``<back>``;
- :mod:`.body`: headings, sub-headings, paragraphs and joins, bylines, notes and briefs: ``<body>``;
- :mod:`.header`: the ``<teiHeader>`` from what the others found.

Every pass reads and changes only the :class:`LogicalText` it is given; each decision is recorded
on its line (``Line.note``: a role and its evidence, ``@cert`` when weak) for ``--explain``. No
pass adds, drops or changes a content character.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.errors import InputError
from convert.reader.lines import Line, content_key
from convert.reader.logical.back import build_back, find_colophon_lines
from convert.reader.logical.body import build_body
from convert.reader.logical.front import build_front, find_contents_list, find_masthead
from convert.reader.logical.header import LANG, _header
from convert.reader.logical.state import LogicalText
from convert.reader.pages import locate_pages
from convert.tei import E, XML_LANG, t, xpath


#: The logical passes, in the order they run (each reads what the ones before found).
LOGICAL_PASSES = [find_contents_list, find_masthead, find_colophon_lines, build_body, build_back,
                  build_front]


def read_logical(lines: list[Line], text: str, source_name: str, encoding: str, detected: bool,
                 warnings: list[str], display_name: str) -> etree._Element:
    """One issue's logical *lines* (whose source is *text*) → ``<TEI>``: the passes of
    :data:`LOGICAL_PASSES` in order, then the check that the model keeps exactly the source's
    content characters (:class:`InputError` naming *display_name* when it does not: a defect).
    *warnings* gets the messages about weakly supported decisions."""
    doc = LogicalText(lines)
    for step in LOGICAL_PASSES:
        step(doc)
    mh, builder, body, back, front = doc.masthead, doc.builder, doc.body, doc.back, doc.front
    if doc.structureless:
        warnings.append(
            f"{display_name}: no structure found (no contents list, no headings): converted as "
            f"{len(body)} untitled article(s), every character kept"
        )
    weak = builder.weak
    for line in weak:
        span = f"line {line.no}" if line.end_no <= line.no else f"lines {line.no}–{line.end_no}"
        what = "paragraph" if line.role.startswith("paragraph") else "heading"
        warnings.append(f"{display_name}: {span}: weak evidence for a {what} "
                        f"({'; '.join(e for e in line.evidence if 'weak' in e or 'wrapped line' in e or 'inside' in e) or line.evidence[-1]}): "
                        f"{line.text[:30]!r} (marked @cert=\"{line.cert}\")")
    genre = "newsletter" if mh.is_newsletter else "monthly"

    joins = len(xpath(body, ".//tei:p/tei:pb"))  # a pb between divisions joins nothing
    text_el = E.text()
    if len(front):
        text_el.append(front)
    text_el.append(body)
    if back is not None:
        text_el.append(back)
    counts = locate_pages(text_el)
    counts.update(joins=joins, headings=builder.headings_found, doubled=builder.doubled,
                  regularised=len(xpath(text_el, ".//tei:orig")), persons=builder.names,
                  orgs=len(xpath(text_el, ".//tei:orgName")))
    header = _header(mh, genre, back, source_name, counts)
    decl = xpath(header, "tei:encodingDesc/tei:editorialDecl")[0]
    how = "detected with charset-normalizer" if detected else "as given or marked"
    decl.append(E.p(f"Converted from the text file {source_name}; its character encoding: "
                    f"{encoding} ({how})."))
    fws = len(list(text_el.iter(t("fw"))))
    decl.append(E.p(
        f"Layout of the extracted text undone by the reader: hard-wrapped lines joined "
        f"({sum(1 for line in lines if line.end_no > line.no)} logical lines from several), old "
        f"running heads and folios kept as fw ({fws}), weakly supported decisions marked with "
        f"@cert ({len(weak)})."))
    for message in warnings:
        if message.startswith(display_name):
            decl.append(E.p(f"Warning: {message}"))
    root = E.TEI(header, text_el)
    root.set(XML_LANG, LANG)

    got = content_of(root)
    want = content_key(text)
    if got != want:
        i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        raise InputError(
            f"{display_name}: internal error: the model does not keep the source's characters "
            f"(first difference at content character {i}: model {got[i:i+20]!r}, source {want[i:i+20]!r})"
        )
    return root


def content_of(root: etree._Element) -> str:
    """The content characters of the TEI ``<text>``, in document order, whitespace removed,
    with the source form of every ``<choice>`` (``sic``/``orig``) chosen."""
    out: list[str] = []

    def walk(el):
        name = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if name in ("corr", "reg"):
            return
        if el.text and isinstance(el.tag, str):
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)

    for text_el in xpath(root, "tei:text"):
        walk(text_el)
    return re.sub(r"\s+", "", "".join(out))


