"""Pages: ``<pb n="…"/>`` where the evidence locates a page start (TEI P5 §3.11.3 "Milestone
Elements").

A reader pass over the built ``<text>``; it may only add ``<pb/>`` elements (no characters) and set
``@n``/``@cert`` on ``<pb/>`` elements that have no ``@n`` yet. The evidence is the printed
contents list: each entry gives the page its article starts on (``<num type="page">``), and each
``<pb/>`` the body reader left where an old page break cut a paragraph is a page start whose
number is not printed. Between two articles of the contents list that start on pages *a* and
*b*:

- when *b* > *a* and exactly *b* − *a* unnumbered ``<pb/>`` lie between their starts, they are
  the starts of pages *a* + 1 … *b*, in order, and get ``@n``;
- when *b* > *a* and none lies between them, page *b* begins somewhere in the first article or
  at the second one's start: a ``<pb n="b" cert="low"/>`` is put at the second article's start
  (the article is on page *b* from there on; the page may have begun earlier);
- any other count (or a contents list whose pages go down) is no evidence: nothing is numbered.

The body's first page is the page of the first article when no article precedes it: a
``<pb n="…"/>`` opens ``<body>``.

Folios are stronger evidence than the contents list: where the text still holds its page
furniture (``<pb n="…"/>`` numbered from a folio by the physical passes), the pages are located
by it alone and this pass adds and numbers nothing (the two would disagree where the extracted
text was paginated anew, and a page is never located twice).
"""

from __future__ import annotations

from lxml import etree

from convert.tei import E, XML_ID, local, xpath


def _contents_pages(text_el: etree._Element) -> dict[str, int]:
    """``{xml:id: page}`` from the contents list's entries (``item`` with ``ref/@target`` and
    ``num[@type='page']/@value``)."""
    pages: dict[str, int] = {}
    for item in xpath(text_el, "tei:front/tei:div[@type='contents']//tei:item[tei:num[@type='page']]"):
        target = xpath(item, "string(tei:ref/@target)")
        value = xpath(item, "string(tei:num[@type='page']/@value)")
        if target.startswith("#") and value.isdigit():
            pages.setdefault(target[1:], int(value))
    return pages


def locate_pages(text_el: etree._Element) -> dict[str, int]:
    """Add and number ``<pb/>``s in *text_el* (a TEI ``<text>``) as the module docstring says.

    Returns counts for the header: ``{"numbered": pb given @n here, "added": pb added,
    "uncertain": of those added, how many with cert="low", "unnumbered": pb still without @n}``.
    """
    counts = {"numbered": 0, "added": 0, "uncertain": 0, "unnumbered": 0}
    body = xpath(text_el, "tei:body")
    pages = _contents_pages(text_el)
    if not body or not pages:
        counts["unnumbered"] = len(xpath(text_el, ".//tei:pb[not(@n)]"))
        return counts
    body = body[0]
    known = {pb.get("n") for pb in xpath(body, ".//tei:pb[@n]")}
    if known:  # located by folios already
        counts["unnumbered"] = len(xpath(body, ".//tei:pb[not(@n)]"))
        return counts
    # document order: located article starts and unnumbered page breaks
    events: list[tuple[str, etree._Element, int]] = []
    first_article = True
    for el in body.iter():
        name = local(el)
        if name == "div" and el.get("type") in ("article", "brief"):
            page = pages.get(el.get(XML_ID) or "")
            if page is not None:
                events.append(("start", el, page))
            elif first_article:
                events.append(("unlocated", el, 0))
            first_article = False
        elif name == "pb" and el.get("n") is None:
            events.append(("pb", el, 0))
    starts = [e for e in events if e[0] == "start"]
    if any(b[2] < a[2] for a, b in zip(starts, starts[1:])):
        counts["unnumbered"] = len(xpath(body, ".//tei:pb[not(@n)]"))
        return counts
    if events and events[0][0] == "start" and str(events[0][2]) not in known:
        body.insert(0, E.pb(n=str(events[0][2])))
        counts["added"] += 1
    previous = None
    breaks: list[etree._Element] = []
    for kind, el, page in events:
        if kind == "pb":
            breaks.append(el)
            continue
        if kind != "start":
            continue
        if previous is not None and page > previous:
            wanted = [str(n) for n in range(previous + 1, page + 1)]
            if len(breaks) == len(wanted) and not known.intersection(wanted):
                for pb, n in zip(breaks, wanted):
                    pb.set("n", n)
                    counts["numbered"] += 1
            elif not breaks and str(page) not in known:
                el.insert(0, E.pb(n=str(page), cert="low"))
                counts["added"] += 1
                counts["uncertain"] += 1
        previous, breaks = page, []
    counts["unnumbered"] = len(xpath(body, ".//tei:pb[not(@n)]"))
    return counts
