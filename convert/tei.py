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

    ``huge_tree`` stays off, so libxml2's limits on depth and entity expansion apply.
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse TEI bytes with :func:`safe_parser`; raises ``lxml.etree.XMLSyntaxError``."""
    return etree.ElementTree(etree.fromstring(data, safe_parser()))


def to_bytes(root: etree._Element) -> bytes:
    """Serialise a TEI tree as UTF-8 with an XML declaration, indented where content is element-only."""
    # pretty_print indents only element-only content, so mixed content (paragraphs) stays as built.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
