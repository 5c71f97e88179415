"""TEI ``<text>`` → XHTML content documents for the EPUB writer (docutils style).

One ``visit_<element>`` method per TEI element the model allows (``docs/tei-model.md``); an element
with no method is a :class:`convert.errors.WriterError` naming it. Every content character of the
TEI ``<text>`` is written, in document order, into the ``<body>`` of the content documents; the
writer adds no text node of its own there but one: the visible heading (``目录``) of a printed
contents list that prints none, an ``<h1 class="supplied">`` (TEI's ``<supplied>``: text the
editor adds) that gives the page the heading a reader and an accessibility checker expect. Other
labels live in attributes (``aria-label`` of a page-break marker) or in the navigation document,
which is not in the spine. So the spine's text, supplied headings aside, is exactly the TEI text
(``sic``/``orig`` chosen, whitespace aside).

Accessibility (EPUB Accessibility 1.1, WCAG 2.1 AA, as Ace by DAISY checks it): headings ``h1``…
``h6`` by the number of ``<div>``s around them (a monthly's section and a newspaper's article are
``h1``), every ``epub:type`` that has a DPUB-ARIA role carries it (``toc`` → ``doc-toc``,
``colophon`` → ``doc-colophon``, ``pagebreak`` → ``doc-pagebreak``), and each numbered ``<pb/>``
is a labelled page-break marker the page list points at. Headings may break only between words
(``<wbr>`` at jieba word boundaries, ``word-break: keep-all`` in the style sheet).

XHTML content documents follow EPUB 3.3 §6.1 (XHTML content documents) and use the
``epub:type`` structural semantics vocabulary (EPUB 3 Structural Semantics Vocabulary 1.1).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

from convert.errors import WriterError
from convert.tei import TEI_NS, XML_ID, XML_LANG, contents_reading_order, local
from convert.writers.issue import reading_text
from convert.writers.typography import break_starts


def _contents_label(lang: str) -> str:
    """The contents list's accessible name (目录) in the book's variant."""
    from convert.writers.epub.nav import labels

    return labels(lang)["contents"]


XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XHTML_NSMAP = {None: XHTML_NS, "epub": EPUB_NS}
EPUB_TYPE = f"{{{EPUB_NS}}}type"
#: The longest cell of a table read as a figure or a short name (no wrap); a longer one, or one
#: with clause marks, is words and may wrap (``td class="text"``).
PROSE_CELL = 12
#: The fewest ideographs of a cell with no figure that make it a name that may wrap (``县交通运输局``):
#: a unit (亿千瓦时) or a short head stays on one line.
NAME_CELL = 5

#: Valid HTML ``<time datetime>`` values we pass on: a month string or a date string
#: (HTML Living Standard §2.3.5.1, §2.3.5.2).
_TIME_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
_WS_RE = re.compile(r"\s+")
_ID_SAFE_RE = re.compile(r"[^A-Za-z0-9_-]")
#: Body-level TEI elements that show no text of their own (page breaks, page furniture).
MILESTONES = ("pb", "fw", "milestone", "cb", "lb")


def h(tag: str) -> str:
    """Clark name of XHTML element *tag*."""
    return f"{{{XHTML_NS}}}{tag}"


def text_of(el: etree._Element) -> str:
    """The source characters of TEI *el* as a reader sees them: ``sic``/``orig`` chosen,
    ``corr``/``reg`` dropped, whitespace runs collapsed to one space, ends stripped
    (:func:`convert.writers.issue.reading_text`)."""
    return reading_text(el)


def content_chars(el: etree._Element) -> str:
    """The content characters of TEI *el* in document order, whitespace removed (the promise the
    spine keeps: see the module docstring)."""
    return _WS_RE.sub("", text_of(el))


def element_id(el: etree._Element) -> str:
    """The XHTML ``id`` for a TEI element: its ``xml:id`` or, when it has none, a stable id made
    from its position in the tree (``x-1-2-4``: child indexes from ``<TEI>``)."""
    xml_id = el.get(XML_ID)
    if xml_id:
        return xml_id
    idx: list[str] = []
    node = el
    while node.getparent() is not None:
        parent = node.getparent()
        idx.append(str(list(parent).index(node) + 1))
        node = parent
    return "x-" + "-".join(reversed(idx))


@dataclass
class Doc:
    """One XHTML content document: a file name (relative to the package document), the TEI
    elements it renders, a ``<title>``, a role and the ``epub:type`` of its ``<body>``."""

    name: str
    elements: list[etree._Element]
    title: str
    kind: str  # "titlepage", "contents", "body", "back", "front"
    ids: set[str] = field(default_factory=set)


class XhtmlTranslator:
    """Render TEI elements into XHTML. ``targets`` maps TEI ids to ``file.xhtml#id`` hrefs.

    ``visit_<name>(el, out, inline)`` appends the rendering of TEI element *el* to the XHTML
    element *out*; *inline* says whether *out* holds phrasing content (HTML "phrasing content")
    or flow content. Text of a block container that is only whitespace is indentation and is
    dropped; any other loose text in a block container is kept, wrapped in a ``<p>``.
    """

    def __init__(self, targets: dict[str, str], lang: str) -> None:
        self.targets = targets
        self.lang = lang
        #: the document being rendered (its file name), for the page list
        self.doc_name = ""
        #: ``[(printed page number, "file.xhtml#id")]`` of the page-break markers, in reading order
        self.page_breaks: list[tuple[str, str]] = []
        self._ids: set[str] = set()

    # ------------------------------------------------------------------ dispatch helpers
    def dispatch(self, el: etree._Element, out: etree._Element, inline: bool) -> None:
        """Render *el* (element, comment or PI) into *out*; its tail is the caller's business."""
        name = local(el)
        if not name:  # comment or processing instruction: no content of its own
            return
        method = getattr(self, f"visit_{name}", None)
        if method is None:
            raise WriterError(f"epub: no handler for TEI element <{name}>")
        method(el, out, inline)

    def inline_content(self, el: etree._Element, out: etree._Element) -> None:
        """Render the mixed content of *el* (text, children, tails) into phrasing element *out*."""
        if el.text:
            add_text(out, el.text)
        for child in el:
            self.dispatch(child, out, True)
            if child.tail:
                add_text(out, child.tail)

    def block_content(self, el: etree._Element, out: etree._Element) -> None:
        """Render the element-only content of *el* into flow element *out*."""
        if el.text and el.text.strip():
            add_text(self.sub(out, "p", "loose"), el.text)
        for child in el:
            self.dispatch(child, out, False)
            if child.tail and child.tail.strip():
                add_text(self.sub(out, "p", "loose"), child.tail)

    def sub(self, out: etree._Element, tag: str, cls: str | None = None, src: etree._Element | None = None
            ) -> etree._Element:
        """Append XHTML ``<tag class=cls>`` to *out*, copying ``xml:id``/``xml:lang`` of TEI *src*."""
        node = etree.SubElement(out, h(tag))
        if cls:
            node.set("class", cls)
        if src is not None:
            if src.get(XML_ID):
                node.set("id", src.get(XML_ID))
            lang = src.get(XML_LANG)
            if lang:
                node.set("lang", lang)
                node.set(XML_LANG, lang)
        return node

    def block_or_inline(self, el: etree._Element, out: etree._Element, inline: bool, cls: str
                        ) -> None:
        """A one-block element (``<p class=cls>``), or a ``<span class=cls>`` inside phrasing."""
        node = self.sub(out, "span" if inline else "p", cls, el)
        self.inline_content(el, node)

    def href(self, target: str) -> str | None:
        """Resolve a TEI ``@target``: ``#id`` → ``file.xhtml#id``; absolute http(s) URLs as they are."""
        target = target.strip()
        if target.startswith("#"):
            return self.targets.get(target[1:])
        if re.match(r"^https?://", target):
            return target
        return None

    # ------------------------------------------------------------------ structure
    def visit_titlePage(self, el, out, inline):
        """Masthead → ``<section epub:type="titlepage">`` (TEI P5 §4.6)."""
        self._need_block(el, inline)
        sec = self.sub(out, "section", "titlePage " + (el.get("type") or ""), el)
        sec.set(EPUB_TYPE, "titlepage")
        self.block_content(el, sec)

    def visit_docTitle(self, el, out, inline):
        """``<docTitle>`` → ``<h1>``, one ``<span>`` per ``<titlePart>``."""
        self._need_block(el, inline)
        h1 = self.sub(out, "h1", "docTitle", el)
        for child in el:
            self.dispatch(child, h1, True)
            if child.tail and child.tail.strip():
                add_text(h1, child.tail)

    def visit_titlePart(self, el, out, inline):
        """A part of the title (a ``<span>`` inside ``<docTitle>``'s ``<h1>``), or a title-page
        line of its own such as the issue number (``titlePart type="issue"`` → ``<p>``)."""
        node = self.sub(out, "span" if inline else "p", "titlePart " + (el.get("type") or "main"), el)
        self.inline_content(el, node)

    def visit_docImprint(self, el, out, inline):
        self.block_or_inline(el, out, inline, "docImprint")

    def visit_docDate(self, el, out, inline):
        self.block_or_inline(el, out, inline, "docDate")

    def visit_docEdition(self, el, out, inline):
        self.block_or_inline(el, out, inline, "docEdition")

    def visit_imprimatur(self, el, out, inline):
        self.block_or_inline(el, out, inline, "imprimatur")

    def visit_div(self, el, out, inline):
        """``<div>`` by ``@type``: ``contents`` → ``<nav epub:type="toc" role="doc-toc">`` (with a
        supplied ``<h1>`` when it prints no heading); ``article``/``brief`` → ``<article>`` (class
        ``untitled`` for an article printed without a title: the style sheet sets it apart);
        ``colophon`` → ``<section epub:type="colophon" role="doc-colophon">``; others →
        ``<section>``."""
        self._need_block(el, inline)
        kind = el.get("type") or "div"
        if kind == "contents":
            node = self.sub(out, "nav", "contents", el)
            node.set(EPUB_TYPE, "toc")
            node.set("role", "doc-toc")
            node.set("aria-label", _contents_label(self.lang))
            if el.find("{*}head") is None:
                # the contents page's visible heading (a supplied one: the print has none)
                self.sub(node, "h1", "supplied").text = _contents_label(self.lang)
        elif kind in ("article", "brief"):
            untitled = el.find("{*}head") is None and kind == "article"
            node = self.sub(out, "article", kind + (" untitled" if untitled else ""), el)
        else:
            node = self.sub(out, "section", kind, el)
            if kind == "colophon":
                node.set(EPUB_TYPE, "colophon")
                node.set("role", "doc-colophon")
        node.set("id", element_id(el))
        self.block_content(el, node)
        if kind not in ("contents", "colophon"):
            keep_together(node)

    def visit_head(self, el, out, inline):
        """``<head>`` → ``<hN>``, N = number of enclosing ``<div>``s (1 to 6), one more for a poem's
        title in a group of poems (``lg/head``): a monthly's section and a newspaper's article are
        ``h1``. A ``<wbr>`` marks every boundary between two words
        (:func:`word_breaks`), where alone the heading may break (``word-break: keep-all``). A
        kicker (引题) or subtitle (副题) → ``<p class="kicker|subtitle">`` beside it (one heading
        per division); a figure's caption is rendered by :meth:`visit_figure`."""
        if inline:
            raise WriterError("epub: <head> inside running text is not supported")
        if el.get("type") in ("kicker", "sub"):
            self.inline_content(el, self.sub(out, "p", "kicker" if el.get("type") == "kicker" else "subtitle", el))
            return
        # (a poem's own title in a group of poems, ``lg/head``, one level under its division's)
        depth = sum(1 for a in el.iterancestors() if local(a) == "div") + (local(el.getparent()) == "lg")
        node = self.sub(out, f"h{min(6, max(1, depth))}", "head", el)
        self.inline_content(el, node)
        word_breaks(node)

    def visit_p(self, el, out, inline):
        if inline:
            raise WriterError("epub: <p> inside running text is not supported")
        # the rest of a paragraph a photo was set into (TEI P5 16.7 @prev) goes on unindented
        node = self.sub(out, "p", "continued" if el.get("prev") else None, el)
        self.inline_content(el, node)

    def visit_ab(self, el, out, inline):
        self.block_or_inline(el, out, inline, "ab " + (el.get("type") or ""))

    def visit_byline(self, el, out, inline):
        """A reporter's credit ``(记者 …)``: set right-aligned, as printed."""
        self.block_or_inline(el, out, inline, "byline")

    def visit_note(self, el, out, inline):
        """``note type="continuation"`` (jump line) and ``type="source"`` (reprint credit); in the
        masthead, ``registration``, ``notice`` and ``contact`` lines. A footnote (``place="foot"``,
        TEI P5 §3.9.1) → ``<aside epub:type="footnote" role="doc-footnote">`` (EPUB 3 Structural
        Semantics; DPUB-ARIA 1.0), where the print sets it: a reading system may show it on its
        note reference (:meth:`visit_ref`)."""
        if el.get("place") == "foot" and not inline:
            node = self.sub(out, "aside", "note foot", el)
            node.set(EPUB_TYPE, "footnote")
            node.set("role", "doc-footnote")
            self.inline_content(el, node)
            return
        self.block_or_inline(el, out, inline, " ".join(["note"] + ([el.get("type")] if el.get("type") else [])))

    def visit_opener(self, el, out, inline):
        """A news lead-in (``opener``: dateline 本报讯 and the reporters' byline) → ``<p class="opener">``."""
        self.block_or_inline(el, out, inline, "opener")

    def visit_dateline(self, el, out, inline):
        self.block_or_inline(el, out, inline, "dateline")

    def visit_figure(self, el, out, inline):
        """A photo's caption and credit (``figure``: ``head``, ``byline``) → ``<figure>`` with a
        ``<figcaption>`` (the e-book has the caption, not the photo)."""
        self._need_block(el, inline)
        cap = self.sub(self.sub(out, "figure", "figure", el), "figcaption")
        for child in el:
            if local(child) in ("head", "byline"):
                self.inline_content(child, self.sub(cap, "span", local(child), child))
            else:
                self.dispatch(child, cap, True)
            if child.tail and child.tail.strip():
                add_text(cap, child.tail)

    def visit_lg(self, el, out, inline):
        """Verse: ``lg type="poem"`` → ``<div class="poem">``; a stanza → ``<p class="stanza">``
        with its lines (``l``) one under another."""
        self._need_block(el, inline)
        if any(local(c) == "lg" for c in el):
            self.block_content(el, self.sub(out, "div", "poem", el))
            return
        node = self.sub(out, "p", "stanza", el)
        first = True
        for child in el:
            if local(child) == "l":
                if not first:
                    self.sub(node, "br")
                self.inline_content(child, self.sub(node, "span", "l", child))
                first = False
            else:
                self.dispatch(child, node, True)

    def visit_table(self, el, out, inline):
        """A table (TEI P5 §14.1.1) → ``<table class="table">``: its ``head`` the ``<caption>``, a
        ``row`` a ``<tr>``, a cell ``<th scope="col">`` in a ``role="label"`` row (the column
        heads) and ``<td>`` elsewhere. Page furniture between two rows (``pb``, ``fw``) has no
        place between ``<tr>`` in HTML: it is rendered at the start of the next row's first cell
        (a ``pb`` is an empty page-break marker; an ``fw`` renders nothing there). A cell of words
        (clause marks, longer than :data:`PROSE_CELL` characters, or a name of :data:`NAME_CELL`
        ideographs or more with no figure) gets ``class="text"``: the stylesheet lets it wrap where
        figures stay on one line."""
        self._need_block(el, inline)
        table = self.sub(out, "table", "table", el)
        body = None
        pending: list[etree._Element] = []
        for child in el:
            name = local(child)
            if name == "head":
                self.inline_content(child, self.sub(table, "caption", None, child))
            elif name == "row":
                label = child.get("role") == "label"
                if label:
                    group = self.sub(table, "thead")
                else:
                    if body is None:
                        body = self.sub(table, "tbody")
                    group = body
                tr = self.sub(group, "tr", None, child)
                for cell in child:
                    if local(cell) != "cell":
                        continue
                    words = "".join(cell.itertext())
                    # a cell of words, not a figure (a 问题描述's clauses, a body's name of five
                    # ideographs or more with no figure in it, 县交通运输局): it may wrap (epub.css),
                    # so that a table of such cells fits a phone's screen
                    prose = not label and (len(words.strip()) > PROSE_CELL or any(c in "，。；、" for c in words)
                                           or (sum(1 for c in words if "\u4e00" <= c <= "\u9fff") >= NAME_CELL
                                               and not any(c.isdigit() for c in words)))
                    td = self.sub(tr, "th" if label else "td", "text" if prose else None, cell)
                    if label:
                        td.set("scope", "col")
                    for mark in pending:
                        self.dispatch(mark, td, True)
                    pending = []
                    self.inline_content(cell, td)
            elif name:
                pending.append(child)

    def visit_name(self, el, out, inline):
        """A name (a contents entry's author): ``<span class="name">``."""
        self.inline_content(el, self.sub(out, "span", "name " + (el.get("type") or ""), el))

    def visit_measure(self, el, out, inline):
        self.inline_content(el, self.sub(out, "span", "measure", el))

    def visit_bibl(self, el, out, inline):
        """A reprint credit encoded as ``<bibl>``."""
        self.block_or_inline(el, out, inline, "note source bibl")

    def visit_list(self, el, out, inline):
        """``list[@type='gloss']`` → ``<dl>`` (label/item pairs); in the contents → ``<ol>``;
        any other list → ``<ul>``."""
        if inline:
            raise WriterError("epub: <list> inside running text is not supported")
        if el.get("type") in ("gloss", "distribution"):  # label/item pairs (报：/送：/发：, 主办：)
            node = self.sub(out, "dl", el.get("type"), el)
            for child in el:
                name = local(child)
                if name == "label":
                    self.inline_content(child, self.sub(node, "dt", None, child))
                elif name == "item":
                    self.inline_content(child, self.sub(node, "dd", None, child))
                elif name:
                    raise WriterError(f"epub: <{name}> inside <list type='{el.get('type')}'> is not supported")
            return
        # (a nested list of a two-column list's reading-order copy has no contents div above it)
        in_contents = (getattr(self, "_in_contents", False)
                       or any(a.get("type") == "contents" for a in el.iterancestors()))
        node = self.sub(out, "ol" if in_contents else "ul", "toc" if in_contents else "list", el)
        was, self._in_contents = getattr(self, "_in_contents", False), in_contents
        # a list printed in two columns, kept in source order, read in reading order
        for child in contents_reading_order(el) if in_contents else el:
            name = local(child)
            if name == "item":
                self.visit_item(child, node, False)
            elif name == "head":
                raise WriterError("epub: <head> inside <list> is not supported")
            elif name:
                raise WriterError(f"epub: <{name}> inside <list> is not supported")
        self._in_contents = was
        if in_contents:  # a contents entry is a title: it breaks between words, as headings do
            for title in node.xpath("x:li/x:a | x:li/x:span[@class='ref']", namespaces={"x": XHTML_NS}):
                word_breaks(title)

    def visit_item(self, el, out, inline):
        """``<item>`` → ``<li>``: inline content, nested lists as nested lists."""
        li = self.sub(out, "li", None, el)
        if el.text:
            add_text(li, el.text)
        for child in el:
            self.dispatch(child, li, local(child) != "list")
            if child.tail:
                add_text(li, child.tail)

    def visit_label(self, el, out, inline):
        node = self.sub(out, "span" if inline else "p", "label", el)
        self.inline_content(el, node)

    # ------------------------------------------------------------------ inline
    def visit_hi(self, el, out, inline):
        """``hi rend="bold"`` → ``<b>``; ``italic`` → ``<i>``; other renditions → ``<span>``."""
        rend = (el.get("rend") or "").strip()
        tag = {"bold": "b", "italic": "i"}.get(rend, "span")
        node = self.sub(out, tag, None if tag != "span" else f"hi {rend}".strip(), el)
        self.inline_content(el, node)

    def visit_emph(self, el, out, inline):
        self.inline_content(el, self.sub(out, "em", None, el))

    def visit_lb(self, el, out, inline):
        """``<lb/>`` → ``<br/>``, except inside a ``<ref>``: a contents entry's title that the
        print's narrow column broke in two is one title on a reflowable page, which breaks it
        where its own width needs (a forced break there left a lone character on a phone); and
        in the masthead, whose lines are each one phrase (``2020年2月 29 星期六``): a space."""
        if any(etree.QName(a).localname == "ref" for a in el.iterancestors()):
            return
        if any(etree.QName(a).localname == "titlePage" for a in el.iterancestors()):
            # a masthead line the print broke is one phrase: a word space, none next to punctuation
            prev = el.getprevious()
            before = ((prev.tail if prev is not None else el.getparent().text) or "").rstrip()[-1:]
            after = (el.tail or "").lstrip()[:1]
            if before and after and not any(unicodedata.category(c)[0] == "P" for c in before + after):
                add_text(out, " ")
            return
        self.sub(out, "br")

    def visit_surplus(self, el, out, inline):
        """``<surplus>`` (TEI P5 §12.3.3.1): source text the editor thinks superfluous, such as a
        character printed twice across a page break; shown as the source shows it."""
        self.inline_content(el, self.sub(out, "span", "surplus", el))

    def visit_pc(self, el, out, inline):
        """``<pc>`` (TEI P5 §18.1.2): a punctuation character, the full stop printed after a
        brief's run-in head; plain text inside the heading (no span, no label class)."""
        self.inline_content(el, out)

    def visit_persName(self, el, out, inline):
        """A person's name (TEI P5 §13.2.1): plain text."""
        self.inline_content(el, out)

    def visit_orgName(self, el, out, inline):
        """An office's or body's name (TEI P5 §13.2.2): plain text."""
        self.inline_content(el, out)

    def visit_publisher(self, el, out, inline):
        """The publisher named in a masthead's imprint: plain text."""
        self.inline_content(el, out)

    def visit_idno(self, el, out, inline):
        """An identifier in the title page's imprint (the 发文字号, TEI P5 §2.2.4): plain text."""
        self.inline_content(el, out)

    def visit_pb(self, el, out, inline):
        """``<pb n="7"/>``, where printed page 7 began → an empty page-break marker, ``<span
        epub:type="pagebreak" role="doc-pagebreak" id="page-7" aria-label="7"/>`` (EPUB 3
        Structural Semantics, DPUB-ARIA 1.1): the page list links to it, and its label is an
        attribute, not text. A ``<pb/>`` without a number renders nothing."""
        n = (el.get("n") or "").strip()
        if not n:
            return
        base = "page-" + safe_name(n)
        ident, k = base, 1
        while ident in self._ids:
            k += 1
            ident = f"{base}-{k}"
        self._ids.add(ident)
        node = etree.SubElement(out, h("span"), id=ident)
        node.set(EPUB_TYPE, "pagebreak")
        node.set("role", "doc-pagebreak")
        node.set("aria-label", n)
        self.page_breaks.append((n, f"{self.doc_name}#{ident}"))

    def visit_fw(self, el, out, inline):
        """``<fw>``: the old print layout's running head or folio (TEI P5 §11.6). An e-book has
        no pages of its own to carry it, so it renders nothing; a newspaper's page label and page
        credit (``@subtype`` pageLabel, pageCredit) are the paper's own words about its pages and
        are shown, small (``<p class="fw pageLabel|pageCredit">``), and so is a printed rule
        (``type="rule"``): the star a red rule left in a masthead, a rule or ornament row
        (``━━━━``, ``＊　＊　＊``) between two pieces or two parts of one."""
        if el.get("subtype") in ("pageLabel", "pageCredit") and not inline:
            self.inline_content(el, self.sub(out, "p", "fw " + el.get("subtype"), el))
        elif el.get("type") == "rule" and not inline:  # the star a masthead's red rule carries
            self.inline_content(el, self.sub(out, "p", "fw rule", el))

    def visit_choice(self, el, out, inline):
        """Render the source's form: ``sic``, ``orig`` or ``abbr`` (never ``corr``/``reg``)."""
        for wanted in ("sic", "orig", "abbr"):
            for child in el:
                if local(child) == wanted:
                    self.inline_content(child, out)
                    return
        raise WriterError("epub: <choice> without <sic>, <orig> or <abbr>")

    def visit_num(self, el, out, inline):
        cls = "num " + (el.get("type") or "")
        self.inline_content(el, self.sub(out, "span", cls.strip(), el))

    def visit_date(self, el, out, inline):
        """``<date when>`` → ``<time datetime>`` when the value is a valid HTML date/month string."""
        when = el.get("when") or ""
        if _TIME_RE.match(when):
            node = self.sub(out, "time", "date", el)
            node.set("datetime", when)
        else:
            node = self.sub(out, "span", "date", el)
        self.inline_content(el, node)

    def visit_ref(self, el, out, inline):
        """``<ref target>`` → ``<a href>`` (cross-document links resolved); unresolved → ``<span>``."""
        target = el.get("target") or ""
        href = self.href(target)
        if href is None:
            node = self.sub(out, "span", "ref", el)
        else:
            node = self.sub(out, "a", None, el)
            node.set("href", href)
            if target.strip()[1:] in self._footnotes(el):
                # the sign of a footnote (EPUB 3 Structural Semantics ``noteref``; DPUB-ARIA ``doc-noteref``)
                node.set(EPUB_TYPE, "noteref")
                node.set("role", "doc-noteref")
        self.inline_content(el, node)

    def _footnotes(self, el: etree._Element) -> set[str]:
        """The ``xml:id`` of every footnote (``note place="foot"``) of *el*'s document, read once
        per document (the first reference asks)."""
        root = el.getroottree().getroot()
        if getattr(self, "_footnote_root", None) is not root:
            self._footnote_root = root
            self._footnote_ids = {n.get(XML_ID) for n in root.iter(f"{{{TEI_NS}}}note")
                                  if n.get("place") == "foot" and n.get(XML_ID)}
        return self._footnote_ids

    def visit_title(self, el, out, inline):
        self.inline_content(el, self.sub(out, "cite", None, el))

    def visit_seg(self, el, out, inline):
        self.inline_content(el, self.sub(out, "span", "seg", el))

    def visit_foreign(self, el, out, inline):
        self.inline_content(el, self.sub(out, "span", "foreign", el))

    def _need_block(self, el, inline):
        if inline:
            raise WriterError(f"epub: <{local(el)}> inside running text is not supported")


def add_text(out: etree._Element, text: str) -> None:
    """Append *text* to XHTML element *out* after its last child (lxml text/tail model)."""
    if len(out):
        last = out[-1]
        last.tail = (last.tail or "") + text
    else:
        out.text = (out.text or "") + text


def _wordish(ch: str) -> bool:
    """A letter or digit (a Han ideograph among them): a break between two is inside a line."""
    return unicodedata.category(ch)[0] in "LN"


def word_breaks(node: etree._Element) -> None:
    """Put a ``<wbr/>`` at every word boundary (jieba, one-ideograph words kept with their
    neighbours: :func:`convert.writers.typography.break_starts`) of the text directly in XHTML element
    *node* (its text and its children's tails), where a letter or digit meets a letter or digit:
    the places a heading may break when the style sheet keeps words whole (``word-break:
    keep-all``); next to punctuation the line-breaking rules decide. Adds no character."""
    def split(text: str) -> list[str]:
        pieces, last = [], 0
        for start in break_starts(text):  # never 0
            if _wordish(text[start - 1]) and _wordish(text[start]):
                pieces.append(text[last:start])
                last = start
        pieces.append(text[last:])
        return pieces

    def wbrs(pieces: list[str]) -> list[etree._Element]:
        out = []
        for piece in pieces[1:]:
            wbr = etree.Element(h("wbr"))
            wbr.tail = piece
            out.append(wbr)
        return out

    if node.text:
        pieces = split(node.text)
        node.text = pieces[0]
        for k, wbr in enumerate(wbrs(pieces)):
            node.insert(k, wbr)
    for child in list(node):
        if child.tag == h("wbr"):
            continue
        if child.tail:
            pieces = split(child.tail)
            child.tail = pieces[0]
            at = node.index(child) + 1
            for k, wbr in enumerate(wbrs(pieces)):
                node.insert(at + k, wbr)
        if len(child) or child.text:
            word_breaks(child)


_HEADINGS = {h(f"h{n}") for n in range(1, 7)}
#: Classes of a block that closes what comes before it (a byline, a jump line, a reprint credit).
_CLOSING = {"byline", "note", "bibl"}


def keep_together(node: etree._Element) -> None:
    """Wrap, among the children of XHTML container *node*, each heading with the first block
    after it, and each closing block (byline, jump line, reprint credit) with the block before it,
    in a ``<div class="keep">`` the style sheet keeps on one page (``break-inside: avoid``): no
    heading at a page foot, no byline alone at a page top. ``break-after: avoid`` and
    ``break-before: avoid`` say the same, but the Chromium of calibre 6 (Qt WebEngine 6.4) does
    not honour them between blocks; it does honour ``break-inside: avoid``. A page-break marker
    between them goes into the group. Adds no text."""
    groups: list[list[etree._Element]] = []
    current: list[etree._Element] | None = None
    open_heading = False
    for child in list(node):
        if not isinstance(child.tag, str):
            continue
        classes = set((child.get("class") or "").split())
        marker = child.tag == h("span") and child.get("role") == "doc-pagebreak"
        heading = child.tag in _HEADINGS
        closing = child.tag == h("p") and bool(classes & _CLOSING)
        if marker and current is not None:
            current.append(child)
        elif heading:
            if not open_heading:
                current = [child]
                groups.append(current)
            else:
                current.append(child)
            open_heading = True
        elif closing and current is not None:
            current.append(child)
        elif open_heading and child.tag in (h("p"), h("ul"), h("ol"), h("dl")):
            current.append(child)
            open_heading = False
        else:
            current = [child] if child.tag in (h("p"), h("ul"), h("ol"), h("dl")) and not marker else None
            if current is not None:
                groups.append(current)
            open_heading = False
    for group in groups:
        while group and group[-1].tag == h("span"):  # a trailing marker opens what follows
            group.pop()
        if len(group) < 2:
            continue
        wrapper = etree.Element(h("div"), {"class": "keep"})
        group[0].addprevious(wrapper)
        for child in group:
            wrapper.append(child)  # moves it, with its tail


def safe_name(value: str) -> str:
    """A file-name-safe token (ASCII letters, digits, ``_``, ``-``) from an ``xml:id``."""
    return _ID_SAFE_RE.sub("_", value)[:40]


def split_documents(text_el: etree._Element, book_title: str) -> list[Doc]:
    """Split TEI ``<text>`` into content documents, in source order.

    - each child of ``<front>``: the masthead → ``titlepage.xhtml``, the contents list →
      ``contents.xhtml``, anything else → ``front-N.xhtml``;
    - each child of ``<body>`` (a monthly's section, a newspaper's article or brief column) →
      ``cNN-<id>.xhtml``; consecutive non-``div`` children of ``<body>`` share one document;
      a milestone (:data:`MILESTONES`: ``<pb/>``, ``<fw>``), which shows no text, is never a
      document of its own: it opens the next document (or closes the last), so that no spine
      document is empty;
    - ``<back>`` → ``back.xhtml``.

    Raises :class:`WriterError` for a ``<text>`` child other than front/body/back.
    """
    docs: list[Doc] = []
    for part in text_el:
        name = local(part)
        if not name:
            continue
        if name == "front":
            n = 0
            for child in part:
                cname = local(child)
                if not cname:
                    continue
                if cname == "titlePage" and not any(d.kind == "titlepage" for d in docs):
                    docs.append(Doc("titlepage.xhtml", [child], book_title, "titlepage"))
                elif cname == "div" and child.get("type") == "contents" and not any(
                        d.kind == "contents" for d in docs):
                    docs.append(Doc("contents.xhtml", [child], book_title, "contents"))
                else:
                    n += 1
                    docs.append(Doc(f"front-{n}.xhtml", [child], book_title, "front"))
        elif name == "body":
            n = 0
            loose: Doc | None = None
            pending: list[etree._Element] = []  # milestones waiting for the next document
            for child in part:
                cname = local(child)
                if not cname:
                    continue
                if cname in MILESTONES:
                    # a page break or page furniture shows no text: never a document of its own
                    pending.append(child)
                elif cname == "div":
                    n += 1
                    heads = [h for h in child.findall("{*}head") if h.get("type") is None] or child.findall("{*}head")
                    label = text_of(heads[0]) if heads else ""
                    docs.append(Doc(f"c{n:02d}-{safe_name(element_id(child))}.xhtml", pending + [child],
                                    label or book_title, "body"))
                    pending = []
                    loose = None
                else:
                    if loose is None:
                        n += 1
                        loose = Doc(f"c{n:02d}-text.xhtml", [], book_title, "body")
                        docs.append(loose)
                    loose.elements.extend(pending + [child])
                    pending = []
            if pending:  # milestones at the end of the body go with the last body document
                last = next((d for d in reversed(docs) if d.kind == "body"), None)
                if last is None:
                    n += 1
                    last = Doc(f"c{n:02d}-text.xhtml", [], book_title, "body")
                    docs.append(last)
                last.elements.extend(pending)
        elif name == "back":
            docs.append(Doc("back.xhtml", list(c for c in part if local(c)), book_title, "back"))
        else:
            raise WriterError(f"epub: no handler for TEI element <{name}> in <text>")
    for doc in docs:
        for el in doc.elements:
            for node in el.iter():
                if not isinstance(node.tag, str):
                    continue
                if node.get(XML_ID):
                    doc.ids.add(node.get(XML_ID))
                if local(node) == "div":
                    doc.ids.add(element_id(node))
    return docs


def render_document(doc: Doc, translator: XhtmlTranslator, lang: str, css_href: str) -> bytes:
    """Serialise *doc* as an XHTML5 content document (UTF-8, ``<!DOCTYPE html>``), with
    ``lang`` and ``xml:lang`` set to the BCP 47 tag *lang* (EPUB 3.3 §6.1.4)."""
    html = etree.Element(h("html"), nsmap=XHTML_NSMAP)
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("title")).text = doc.title
    link = etree.SubElement(head, h("link"))
    link.set("rel", "stylesheet")
    link.set("type", "text/css")
    link.set("href", css_href)
    body = etree.SubElement(html, h("body"))
    body.set(EPUB_TYPE, {"titlepage": "frontmatter", "contents": "frontmatter", "front": "frontmatter",
                         "body": "bodymatter", "back": "backmatter"}[doc.kind])
    translator.doc_name = doc.name
    for el in doc.elements:
        translator.dispatch(el, body, False)
    return serialize(html)


def serialize(html: etree._Element) -> bytes:
    """XHTML bytes: XML declaration, HTML5 doctype, indentation only in element-only content."""
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8", doctype="<!DOCTYPE html>",
                          pretty_print=True)


__all__ = ["Doc", "XhtmlTranslator", "split_documents", "render_document", "text_of", "content_chars",
           "element_id"]
