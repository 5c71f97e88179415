"""TEI namespace constants and small lxml helpers shared by the reader and the writers.

One namespace constant and one XPath namespace map, used everywhere (STYLE.md, "lxml and TEI").
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}
#: ``E.p("text")`` builds ``<p xmlns="…tei…">text</p>``.
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"


def t(name: str) -> str:
    """Return the Clark name of TEI element *name*: ``t("p") == "{http://www.tei-c.org/ns/1.0}p"``."""
    return f"{{{TEI_NS}}}{name}"


def local(el: etree._Element) -> str:
    """Local name of *el* (``"p"`` for a TEI ``<p>``); ``""`` for comments and processing instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xpath(node: etree._Element, path: str) -> list:
    """Evaluate *path* with the ``tei:`` prefix bound to the TEI namespace."""
    return node.xpath(path, namespaces=NSMAP)


def safe_parser() -> etree.XMLParser:
    """An XML parser for untrusted input: no entity resolution, no DTD, no network, bounded trees.

    ``huge_tree`` stays off, so libxml2's limits on depth and entity expansion apply. Parsing
    with it is safe; *accepting* what it parsed is decided by :func:`parse_untrusted`.
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
    )


class DoctypeError(ValueError):
    """An untrusted document carries a document type declaration or an entity reference."""


def parse_untrusted(data: bytes) -> etree._Element:
    """Parse untrusted XML *data* (bytes in any encoding libxml2 detects: a BOM, UTF-16, an
    encoding declaration such as GB18030) with :func:`safe_parser`, and return its root element.

    The decision is made on the parsed document, not on the bytes, so it holds in every encoding
    and at every offset: a document whose ``docinfo`` records a DOCTYPE (a name, a public or system
    identifier, an internal subset), or that holds an entity reference left unresolved, raises
    :class:`DoctypeError`. Such documents are the only way to external entities (XXE) and entity
    expansion ("billion laughs"; XML 1.0 §2.8, §4.2). Malformed XML raises
    ``lxml.etree.XMLSyntaxError``.
    """
    root = etree.fromstring(data, safe_parser())
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None \
            or info.system_url or info.public_id:
        raise DoctypeError(f"a DOCTYPE ({' '.join(info.doctype.split())[:80] or 'an internal subset'})")
    for node in root.iter(etree.Entity):
        raise DoctypeError(f"an entity reference ({node.text}) on line {node.sourceline}")
    return root


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse TEI bytes with :func:`parse_untrusted`; raises ``lxml.etree.XMLSyntaxError`` or
    :class:`DoctypeError`."""
    return etree.ElementTree(parse_untrusted(data))


def to_bytes(root: etree._Element) -> bytes:
    """Serialise a TEI tree as UTF-8 with an XML declaration, indented where content is element-only."""
    # pretty_print indents only element-only content, so mixed content (paragraphs) stays as built.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def contents_reading_order(lst: etree._Element) -> etree._Element:
    """A contents ``<list>`` as a reader reads it. A list printed in two columns side by side keeps
    its items in source order, row by row, each with ``@sortKey`` its place in reading order (TEI
    P5 att.sortable) and flat; for it, a new list (copies; *lst* is not changed) with the items in
    reading order and each column name's entries nested under it in a ``<list>`` of their own, as
    a one-column list is encoded: a column name is an item holding a ``<ref>`` and no printed page
    (``num``) nor author, whose target (if any) is a ``div type="section"``; an entry wrapped
    within its column (items linked by ``@next``/``@prev``, TEI P5 §16.7) is one item again, its
    parts apart by an ``<lb/>``. Any other list: *lst* itself. Linear in the list's size (and the document's sections, looked up once)."""
    import copy

    items = [c for c in lst if local(c) == "item"]
    if not items or any(c.get("sortKey") is None for c in items):
        return lst
    sections = {el.get(XML_ID) for el in xpath(lst.getroottree().getroot(), "//tei:div[@type='section'][@xml:id]")}
    out = E.list(*(copy.deepcopy(c) for c in lst if local(c) == "head"))
    current = None
    parts: dict[str, etree._Element] = {}  # an entry wrapped within its column: xml:id → its first part's copy
    for item in sorted(items, key=lambda c: c.get("sortKey")):
        own, prev = item.get(XML_ID), (item.get("prev") or "")[1:]
        item = copy.deepcopy(item)
        for name in ("sortKey", XML_ID, "prev", "next"):
            item.attrib.pop(name, None)
        if prev in parts:  # the rest of an entry: one item again, its rows apart by a line break
            whole = parts[prev]
            whole.append(E.lb())
            whole[-1].tail = item.text
            for child in list(item):
                whole.append(child)
            parts[own] = whole
            continue
        if own:
            parts[own] = item
        refs = xpath(item, "tei:ref")
        target = refs[0].get("target", "") if refs else ""
        if refs and not xpath(item, "tei:num | tei:name") and (not target or target[1:] in sections):
            current = E.list()
            item.append(current)
            out.append(item)
        elif current is not None:
            current.append(item)
        else:
            out.append(item)
    for nested in [n for n in out.iter(t("list")) if n is not out and not len(n)]:
        nested.getparent().remove(nested)
    return out
