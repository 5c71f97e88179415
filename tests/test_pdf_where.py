"""The PDF writer names where an element is (``where()``, in its error messages) with each parent's
children indexed once per document (issue 26, case 12: scanning all siblings for each element made
12,500 contents entries take 226 s; the figures are in bench/growth.md)."""

from __future__ import annotations

import copy

from lxml import etree
from sampledata import SAMPLES

from convert.reader import read_bulletin
from convert.tei import XML_ID, local, xpath
from convert.writers.pdf import pages


def scanned(el: etree._Element) -> str:
    """The location as where() gave it before: every sibling scanned for every ancestor."""
    parts, node, anchor = [], el, None
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            parts.append(f"{local(node)}[{same.index(node) + 1}]" if len(same) > 1 else local(node))
        else:
            parts.append(local(node))
        anchor = anchor or node.get(XML_ID)
        node = parent
    extra = ([f"in #{anchor}"] if anchor else []) + ([f"line {el.sourceline}"] if el.sourceline else [])
    return "/" + "/".join(reversed(parts)) + (f" ({', '.join(extra)})" if extra else "")


def test_where_names_every_element_as_the_scan_did():
    root = read_bulletin(SAMPLES[0].read_text(encoding="utf-8"), SAMPLES[0].name)
    parsed = etree.fromstring(etree.tostring(root))  # with line numbers, and a comment
    parsed.insert(0, etree.Comment("a comment is not counted"))
    for tree in (root, parsed):
        elements = list(tree.iter(etree.Element))
        assert len(elements) > 100
        for el in elements:
            assert pages.where(el) == scanned(el)


def test_each_parent_is_indexed_once(monkeypatch):
    root = read_bulletin(SAMPLES[0].read_text(encoding="utf-8"), SAMPLES[0].name)
    entries = xpath(root, "//tei:div[@type='contents']//tei:list")[0]
    for _ in range(2000):
        entries.append(copy.deepcopy(entries[0]))
    indexed = []
    original = pages._steps_of_children
    monkeypatch.setattr(pages, "_steps_of_children", lambda parent: indexed.append(parent) or original(parent))
    elements = list(root.iter(etree.Element))
    for el in elements:
        pages.where(el)
    parents = {id(el) for el in elements if len(el)}
    assert len(indexed) == len({id(p) for p in indexed}) <= len(parents)
    assert f"/item[{len(entries)}]" in pages.where(entries[-1])
