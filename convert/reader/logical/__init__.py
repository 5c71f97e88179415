"""The logical stage of the reader: one issue's logical lines → ``<TEI>``.

The physical stage (:mod:`convert.reader.physical`) has undone the print layout; this stage finds
what each line is, in ordered passes that each do one job (docutils' transforms, see
``../shared/STYLE.md``), one module per family:

- :mod:`.front`: the contents list and the masthead (版头), then ``<front>``;
- :mod:`.genre`: the genre (briefing, journal, newspaper), decided first from weighed evidence;
- :mod:`.back`: the colophon (版记, 报尾) that ends the issue, then ``<back>`` (and one printed
  under the masthead, for ``<front>``);
- :mod:`.roles` and :mod:`.body`: what each body line is (page labels, captions, editor's notes,
  lead-ins, author lines, numbered sub-headings, verse …), then headings, paragraphs and joins:
  ``<body>``;
- :mod:`.header`: ``<text>`` assembled and the ``<teiHeader>`` from what the others found.

Every pass reads and changes only the :class:`LogicalText` it is given; each decision is recorded
on its line (``Line.note``: a role and its evidence, ``@cert`` when weak) for ``--explain``. No
pass adds, drops or changes a content character.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.errors import InputError
from convert.reader.lines import Line, content_key
from convert.reader.logical.back import build_back, find_colophon_lines, find_front_colophon
from convert.reader.logical.body import build_body
from convert.reader.logical.front import build_front, find_contents_list, find_masthead, rejoin_masthead_lines
from convert.reader.logical.genre import decide_genre
from convert.reader.logical.header import LANG, build_header
from convert.reader.logical.roles import find_roles, split_named_titles, split_run_together
from convert.reader.logical.state import LogicalText
from convert.tei import E, XML_LANG, t, xpath

#: The logical passes, in the order they run (each reads what the ones before found).
LOGICAL_PASSES = [split_run_together, rejoin_masthead_lines, find_contents_list, find_masthead, split_named_titles,
                  decide_genre, find_colophon_lines, find_front_colophon, find_roles, build_body,
                  build_back, build_front, build_header]


def read_logical(lines: list[Line], text: str, source_name: str, encoding: str, detected: bool,
                 warnings: list[str], display_name: str, *, physical: dict[int, Line] | None = None,
                 wrap_width: float | None = None, genre: str | None = None):
    """One issue's logical *lines* (whose source is *text*) → ``(<TEI>, genre decision)``: the passes of
    :data:`LOGICAL_PASSES` in order, then the check that the model keeps exactly the source's
    content characters (:class:`InputError` naming *display_name* when it does not: a defect).

    *physical* maps source line numbers to the physical lines as split (verse lines the
    unwrapping joined are found there), *wrap_width* is the physical stage's estimate of a
    hard-wrapped line's width (``None``: not wrapped), *genre* a value of
    :data:`convert.reader.logical.genre.GENRES` that overrides the genre decision (``--genre``).
    *warnings* gets one line per weakly structured document (:func:`confidence_warning`) and the
    note that no structure was found."""
    doc = LogicalText(lines, physical=physical or {}, genre_override=genre, source_name=source_name)
    doc.wrap_width = wrap_width
    for step in LOGICAL_PASSES:
        step(doc)
    if doc.structureless:
        warnings.append(
            f"{display_name}: no structure found (no contents list, no headings): converted as "
            f"{len(doc.body)} untitled article(s), every character kept"
        )
    message = confidence_warning(doc, display_name)
    if message:
        warnings.append(message)
    header, text_el = doc.header, doc.text
    decl = xpath(header, "tei:encodingDesc/tei:editorialDecl")[0]
    how = "detected with charset-normalizer" if detected else "as given or marked"
    decl.append(E.p(f"Converted from the text file {source_name}; its character encoding: "
                    f"{encoding} ({how})."))
    fws = len(list(text_el.iter(t("fw"))))
    decl.append(E.p(
        f"Layout of the extracted text undone by the reader: hard-wrapped lines joined "
        f"({sum(1 for line in lines if line.end_no > line.no)} logical lines from several), old "
        f"running heads, folios, page labels and page credits kept as fw ({fws}), decisions "
        f"resting on the line's shape or on weak evidence marked with @cert ({len(doc.builder.weak)})."))
    for message in warnings:
        if message.startswith(display_name):  # the file's name, not the path it was given by
            decl.append(E.p(f"Warning: {source_name}{message[len(display_name):]}"))
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
    return root, doc.genre


def confidence_warning(doc: LogicalText, display_name: str, show: int = 3) -> str | None:
    """One warning for a weakly structured document, or ``None``: when most of its headings rest
    on the line's shape (they carry ``@cert``), or some decision rests on weak evidence
    (``@cert`` medium or low: a heading, a paragraph joined from hard-wrapped lines). It says so
    and names the *show* weakest lines (lowest ``@cert`` first, then source order); where the
    masthead gave the header no issue date or no issue number (``biblStruct/monogr``), it says that
    too, since a masthead line then was likely read as something else; an issue date read on weak
    evidence (``@cert="low"``: the date signed at the issue's end) is named too."""
    weak = doc.builder.weak
    heads = xpath(doc.body, ".//tei:head")
    inferred = [h for h in heads if h.get("cert")]
    shaky = [w for w in weak if w[2] in ("medium", "low")]
    mostly = len(inferred) * 2 > len(heads) and inferred
    # an issue date read on weak evidence (the date signed at the end: @cert low)
    dated = xpath(doc.header, ".//tei:sourceDesc/tei:biblStruct/tei:monogr/tei:imprint/tei:date[@cert='low']")
    if not (mostly or shaky or dated):
        return None
    order = {"low": 0, "medium": 1, "high": 2}
    weakest = sorted(weak, key=lambda w: (order.get(w[2], 3), w[0].no))[:show]
    named = ", ".join(f"line {line.no} {line.text.strip()[:20]!r} ({what}, {cert})" for line, what, cert in weakest)
    parts = []
    if dated:
        parts.append(f"the issue date {dated[0].get('when')} read from the date signed at the issue's end "
                     f"({''.join(dated[0].itertext()).strip()!r})")
    if inferred:
        parts.append(f"{len(inferred)} of {len(heads)} headings inferred from the line's shape")
    joins = sum(1 for w in weak if w[1] == "paragraph join")
    if joins:
        parts.append(f"{joins} paragraph(s) joined from hard-wrapped lines on weak evidence")
    # the other kinds of decision on weak evidence (a byline, verse, a table's rows, a column's end
    # …), each counted, so that the warning never says "weak" without saying what
    other: dict[str, int] = {}
    for _, what, cert in shaky:
        kind = what.split(",")[0]
        if kind not in ("heading", "paragraph join", "sub-heading"):
            other[kind] = other.get(kind, 0) + 1
    if other:
        parts.append("; ".join(f"{n} {kind}{'s' if n > 1 and not kind.endswith('s') else ''} read on weak evidence"
                               for kind, n in other.items()))
    missing = [what for what, path in (("issue date", "tei:imprint/tei:date"), ("issue number", "tei:biblScope"))
               if not xpath(doc.header, f".//tei:sourceDesc/tei:biblStruct/tei:monogr/{path}")]
    header = (f"; the masthead gave the header no {' and no '.join(missing)}: check the masthead lines"
              if missing and len(heads) else "")
    check = f": check the weakest: {named}" if named else ""
    return (f"{display_name}: structure rests on weak evidence ({'; '.join(parts)}; all marked @cert)"
            f"{check}{header}")


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


