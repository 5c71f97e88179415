"""The EPUB navigation document (``nav.xhtml``) and the NCX for EPUB 2 reading systems.

- ``toc`` nav: the TEI structure, sections → articles/briefs (EPUB 3.3 §7.4 "EPUB navigation
  document", the ``toc`` nav);
- ``landmarks`` nav: cover, toc, bodymatter (EPUB 3.3 §7.4.2.3);
- ``page-list`` nav (``role="doc-pagelist"``): every printed page the TEI numbers
  (``<pb n="…"/>``), in reading order, each linked to its page-break marker
  (``epub:type="pagebreak"``, :meth:`.xhtml.XhtmlTranslator.visit_pb`; EPUB 3.3 §7.4.2.2).
- ``toc.ncx``: the same tree as an NCX ``navMap`` (OPF 2.0.1 §2.4.1, ANSI/NISO Z39.86-2005 §8).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from convert.tei import local, xpath
from convert.writers import issue
from convert.writers.epub.xhtml import (
    EPUB_TYPE,
    XHTML_NSMAP,
    element_id,
    h,
    serialize,
    text_of,
)
from convert.tei import XML_LANG

NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"

_LABELS = {"toc": "目录", "landmarks": "导航", "page-list": "页码", "cover": "封面",
           "bodymatter": "正文", "contents": "目录"}


def labels(lang: str) -> dict[str, str]:
    """Navigation labels in the book's variant: the Simplified labels converted as the text is
    (:func:`convert.variant.convert_string`; ``zh-Hant-HK`` → 目錄, 導航 …)."""
    from convert.variant import convert_string

    return {key: convert_string(value, lang) for key, value in _LABELS.items()}


@dataclass
class Entry:
    """One toc entry: label text, href relative to the package document, children."""

    label: str
    href: str
    children: list["Entry"] = field(default_factory=list)


def _contents_titles(text_el: etree._Element) -> dict[str, str]:
    """xml:id → the title the printed contents list gives it (``ref`` text)."""
    out: dict[str, str] = {}
    for ref in xpath(text_el, "tei:front/tei:div[@type='contents']//tei:ref[@target]"):
        target = ref.get("target").strip()
        if target.startswith("#"):
            out.setdefault(target[1:], text_of(ref))
    return out


def _label(div: etree._Element, printed: dict[str, str], root: etree._Element) -> str:
    """A toc label: the ``<head>`` (the title itself, not its kicker, 引题, or subtitle, 副题),
    else the title the printed contents list gives the division, else the label of an untitled
    division (:func:`convert.writers.issue.untitled_label`: ``（无题）`` and its first whole
    phrases)."""
    heads = div.findall("{*}head")
    head = next((h for h in heads if h.get("type") is None), heads[0] if heads else None)
    if head is not None and text_of(head):
        return text_of(head)
    if printed.get(element_id(div)):
        return printed[element_id(div)]
    return issue.untitled_label(div, root) or element_id(div)


def toc_entries(text_el: etree._Element, targets: dict[str, str]) -> list[Entry]:
    """The toc tree: every ``div[@type='section']`` of ``<body>`` with the articles and briefs it
    holds, and every article or brief standing directly in ``<body>``, in document order.

    Labels: :func:`_label`."""
    printed = _contents_titles(text_el)
    root = text_el.getroottree().getroot()
    entries: list[Entry] = []
    leaf_types = ("article", "brief")

    def collect(container: etree._Element, into: list[Entry]) -> None:
        for div in container:
            if local(div) != "div":
                continue
            kind = div.get("type")
            if kind in leaf_types:
                into.append(Entry(_label(div, printed, root), targets[element_id(div)]))
            elif kind == "section":
                entry = Entry(_label(div, printed, root), targets[element_id(div)])
                collect(div, entry.children)
                into.append(entry)
            else:
                collect(div, into)

    for body in xpath(text_el, "tei:body"):
        collect(body, entries)
    return entries


def nav_document(title: str, lang: str, css_href: str, toc: list[Entry], landmarks: list[tuple[str, str]],
                 pages: list[tuple[str, str]]) -> bytes:
    """Serialise the EPUB navigation document. *landmarks*: ``[(epub:type, href)]``."""
    lab = labels(lang)
    html = etree.Element(h("html"), nsmap=XHTML_NSMAP)
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("title")).text = title
    link = etree.SubElement(head, h("link"), rel="stylesheet", type="text/css", href=css_href)
    del link  # attributes set above
    body = etree.SubElement(html, h("body"))

    nav = etree.SubElement(body, h("nav"), id="toc")
    nav.set(EPUB_TYPE, "toc")
    nav.set("role", "doc-toc")
    etree.SubElement(nav, h("h1")).text = lab["toc"]

    def build(parent: etree._Element, items: list[Entry]) -> None:
        ol = etree.SubElement(parent, h("ol"))
        for e in items:
            li = etree.SubElement(ol, h("li"))
            a = etree.SubElement(li, h("a"), href=e.href)
            a.text = e.label
            if e.children:
                build(li, e.children)

    build(nav, toc)

    nav = etree.SubElement(body, h("nav"), id="landmarks", hidden="hidden")
    nav.set(EPUB_TYPE, "landmarks")
    etree.SubElement(nav, h("h2")).text = lab["landmarks"]
    ol = etree.SubElement(nav, h("ol"))
    for kind, href in landmarks:
        a = etree.SubElement(etree.SubElement(ol, h("li")), h("a"), href=href)
        a.set(EPUB_TYPE, kind)
        a.text = lab[kind]

    if pages:
        nav = etree.SubElement(body, h("nav"), id="page-list", hidden="hidden")
        nav.set(EPUB_TYPE, "page-list")
        nav.set("role", "doc-pagelist")
        etree.SubElement(nav, h("h2")).text = lab["page-list"]
        ol = etree.SubElement(nav, h("ol"))
        for page, href in pages:
            etree.SubElement(etree.SubElement(ol, h("li")), h("a"), href=href).text = page
    return serialize(html)


def ncx_document(uid: str, title: str, lang: str, toc: list[Entry], pages: list[tuple[str, str]]) -> bytes:
    """Serialise ``toc.ncx``: ``dtb:uid`` = the package's unique identifier, a ``navMap`` with
    the toc tree (``playOrder`` in reading order) and a ``pageList`` when pages are known."""
    ncx = etree.Element(f"{{{NCX_NS}}}ncx", nsmap={None: NCX_NS}, version="2005-1")
    ncx.set(XML_LANG, lang)
    head = etree.SubElement(ncx, f"{{{NCX_NS}}}head")

    def depth(items: list[Entry]) -> int:
        return 1 + max((depth(e.children) for e in items if e.children), default=0) if items else 0

    maxpage = max((int(p) for p, _ in pages if p.isdigit()), default=0)
    for name, content in (("dtb:uid", uid), ("dtb:depth", str(max(1, depth(toc)))),
                          ("dtb:totalPageCount", str(len(pages))), ("dtb:maxPageNumber", str(maxpage))):
        etree.SubElement(head, f"{{{NCX_NS}}}meta", name=name, content=content)
    etree.SubElement(etree.SubElement(ncx, f"{{{NCX_NS}}}docTitle"), f"{{{NCX_NS}}}text").text = title
    nav_map = etree.SubElement(ncx, f"{{{NCX_NS}}}navMap")
    counter = [0]
    play: dict[str, int] = {}  # same target → same playOrder (NCX §8.4.1)

    def order(href: str) -> str:
        return str(play.setdefault(href, len(play) + 1))

    def build(parent: etree._Element, items: list[Entry]) -> None:
        for e in items:
            counter[0] += 1
            point = etree.SubElement(parent, f"{{{NCX_NS}}}navPoint", id=f"np-{counter[0]}",
                                     playOrder=order(e.href))
            label = etree.SubElement(point, f"{{{NCX_NS}}}navLabel")
            etree.SubElement(label, f"{{{NCX_NS}}}text").text = e.label
            etree.SubElement(point, f"{{{NCX_NS}}}content", src=e.href)
            build(point, e.children)

    build(nav_map, toc)
    if pages:
        plist = etree.SubElement(ncx, f"{{{NCX_NS}}}pageList")
        for i, (page, href) in enumerate(pages, 1):
            target = etree.SubElement(plist, f"{{{NCX_NS}}}pageTarget", id=f"page-{i}", type="normal",
                                      value=page if page.isdigit() else "0", playOrder=order(href))
            label = etree.SubElement(target, f"{{{NCX_NS}}}navLabel")
            etree.SubElement(label, f"{{{NCX_NS}}}text").text = page
            etree.SubElement(target, f"{{{NCX_NS}}}content", src=href)
    return etree.tostring(ncx, xml_declaration=True, encoding="UTF-8", pretty_print=True)
