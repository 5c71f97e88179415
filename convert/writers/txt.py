"""Plain-text writer: the source's content characters back, in source order.

One block (a masthead line, a contents entry, a heading, a paragraph, a byline, a colophon line;
a table's rows, one line each, cells apart by a wide gap) per line, a blank line between blocks;
``<lb/>`` is a line break, ``<pb/>`` nothing, and a ``<choice>`` gives its source form
(``sic``/``orig``), ``<surplus>`` its characters as printed, ``<pc>`` (a brief's head's closing
。) its character where it stands.
An old running head or folio (``<fw>``, TEI P5 §11.6) is given back at its place, in source
order, on a line of its own (inside a paragraph the page broke in, too). No markup is added, so,
whitespace aside, the output is exactly the content of the source (TEI-CONVENTIONS.md point 7).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import local, xpath

#: Elements whose children are blocks (a photo's caption and credit: ``figure``).
CONTAINERS = {"text", "front", "body", "back", "div", "titlePage", "list", "group", "figure"}
#: Elements rendered as one block of inline content (a lead-in: ``opener``; a verse line ``l``).
BLOCKS = {"head", "p", "ab", "byline", "note", "docImprint", "docDate", "docEdition", "imprimatur",
          "titlePart", "docAuthor", "argument", "epigraph", "trailer", "label", "opener", "l"}
#: Inline elements whose text is content (``byline`` and ``dateline`` inside an ``opener``,
#: ``docDate`` inside a ``docImprint``).
INLINE = {"hi", "num", "ref", "date", "publisher", "title", "measure", "name", "persName",
          "orgName", "placeName", "sic", "orig", "seg", "foreign", "emph", "q", "quote", "label",
          "idno", "time", "rs", "term", "mentioned", "soCalled", "abbr", "expan", "unclear", "add",
          "surplus", "byline", "dateline", "docDate", "pc"}
#: Elements that hold no source characters (the editor's side of a choice).
SKIP = {"corr", "reg"}
_BREAK = "\u2028"  # stands for <lb/> while whitespace is folded
_FW = "\u2029"  # stands for the line ends around an <fw> inside a block


def _inline(el: etree._Element, out: list[str]) -> None:
    for child in el:
        name = local(child)
        if not name:  # comment or processing instruction
            pass
        elif name == "lb":
            out.append(_BREAK)
        elif name == "pb":
            pass
        elif name == "fw":  # old page furniture: its own line, where it stood
            fw = [child.text or ""]
            _inline(child, fw)
            out.append(_FW + re.sub(r"[ \t]*[\r\n][\s]*", "", "".join(fw)).strip() + _FW)
        elif name == "choice":
            for alt in child:
                if local(alt) in ("sic", "orig"):
                    out.append(alt.text or "")
                    _inline(alt, out)
        elif name in SKIP:
            pass
        elif name in INLINE:
            out.append(child.text or "")
            _inline(child, out)
        elif name == "list":  # a nested list inside an item is rendered as blocks by the caller
            pass
        else:
            raise WriterError(f"txt writer: unexpected element <{name}> inside <{local(el)}>")
        if child.tail:
            out.append(child.tail)


def inline_text(el: etree._Element) -> str:
    """The inline content of block *el* as one string: whitespace runs that hold a line end (the
    indentation of a pretty-printed file) dropped, ``<lb/>`` as ``\\n``."""
    out = [el.text or ""]
    _inline(el, out)
    text = re.sub(r"[ \t]*[\r\n][\s]*", "", "".join(out))
    # around old furniture: one line end, none at the block's ends
    text = re.sub(f"[ \t{_BREAK}]*{_FW}[ \t{_BREAK}{_FW}]*", _FW, text).strip(_FW)
    return text.replace(_BREAK, "\n").replace(_FW, "\n").strip()


def blocks(el: etree._Element) -> list[str]:
    """The text blocks of *el* (a ``<text>`` or any part of it) in document order."""
    name = local(el)
    if not name:
        return []
    if name == "pb":
        return []
    if name == "docTitle":
        return [b for child in el for b in blocks(child)]
    if name == "item":
        own = inline_text(el)
        nested = [b for child in el if local(child) == "list" for b in blocks(child)]
        return ([own] if own else []) + nested
    if name == "lg":  # a stanza's lines one under the other; stanzas (nested lg) and furniture apart
        out: list[str] = []
        run: list[str] = []
        for child in el:
            if local(child) == "l":
                text = inline_text(child)
                if text:
                    run.append(text)
                continue
            if run:
                out.append("\n".join(run))
                run = []
            out += blocks(child)
        if run:
            out.append("\n".join(run))
        return out
    if name == "list" and el.get("type") in ("gloss", "distribution"):
        out, label = [], ""
        for child in el:
            if local(child) == "label":
                label = inline_text(child)
            elif local(child) == "item":
                out.append(label + inline_text(child))
                label = ""
        if label:
            out.append(label)
        return out
    if name == "table":
        return table_blocks(el)
    if name in CONTAINERS:
        return [b for child in el for b in blocks(child)]
    if name == "fw":
        text = inline_text(el)
        return [text] if text else []
    if name in BLOCKS:
        text = inline_text(el)
        return [text] if text else []
    raise WriterError(f"txt writer: unexpected element <{name}>")


#: What stands between two cells of a row in plain text: a wide gap, as a table set in text
#: has it (two ideographic spaces).
CELL_GAP = "\u3000\u3000"


def table_blocks(el: etree._Element) -> list[str]:
    """The blocks of a ``<table>`` (TEI P5 §14.1.1): its ``<head>``, then each run of rows as one
    block, a row a line, its cells apart by :data:`CELL_GAP`; old furniture between two rows
    (``<fw>``) a block of its own at its place, ``<pb/>`` nothing."""
    out: list[str] = []
    run: list[str] = []
    for child in el:
        name = local(child)
        if name == "row":
            run.append(CELL_GAP.join(inline_text(cell) for cell in child if local(cell) == "cell"))
            continue
        if run:
            out.append("\n".join(run))
            run = []
        if name:
            out += blocks(child)
    if run:
        out.append("\n".join(run))
    return out


def render(root: etree._Element) -> str:
    """The plain text of the TEI document *root*: blocks separated by a blank line, ending in a
    line end. Raises :class:`WriterError` for an element it does not know."""
    text_els = xpath(root, "tei:text")
    if not text_els:
        raise WriterError("txt writer: the TEI document has no <text>")
    return "\n\n".join(blocks(text_els[0])) + "\n"


def write(root: etree._Element, opts: WriterOptions, path: Path) -> None:
    """Write the plain text of *root* to *path* (UTF-8, LF line ends)."""
    path.write_text(render(root), encoding="utf-8", newline="\n")
