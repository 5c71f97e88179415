"""Layout of the PDF writer: walks the TEI ``<text>`` (one handler per TEI element) into
platypus flowables and lays them out with reportlab in one pass (:class:`_Document`).

May touch: the TEI tree (read only), ``styles/pdf.json`` (read), the reportlab canvas it draws on.
It writes no file; :mod:`convert.writers.pdf.pdfa` finishes the bytes it returns.

- Pages: the masthead (``titlePage``, source order, nothing added) alone on a cover page; the
  contents list from a new page; the body from a new page. The folio and the contents list's
  PDF-page column print the ``/PageLabels`` labels (:func:`page_label`); that column is a form
  XObject per entry, defined after the layout, so one reportlab pass lays the document out.
- Page breaks: headings (and a contents section row, and the colophon as a whole) are kept with
  the first lines of what follows (:func:`keep_with_next`); a paragraph is split only with at
  least two lines at the page foot and two at the next page top (:class:`TextBlock`).
- Navigation: outlines (section → article/brief), named destinations, links from the contents
  list, running head (title) and folio on every page but the cover, drawn as ``/Artifact``
  marked content.

- Tagged PDF (level A flavours): each handler also makes its structure element in the
  :class:`convert.writers.pdf.tagging.StructTree` (``Sect``/``Art`` by :meth:`_Renderer.within`,
  ``P``, ``H1``…, ``Note``, ``TOCI`` … by :meth:`_Renderer.text_block`, ``Link``, ``Lbl``,
  ``Span`` by :meth:`_Renderer.wrap`), in reading order.

One handler per TEI element (``_block_<name>`` for block context, ``_inline_<name>`` for inline
context); an element without a handler is a :class:`convert.errors.WriterError` naming it.
"""

from __future__ import annotations

import functools
import io
import json
import unicodedata
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from lxml import etree
from reportlab.lib import colors, pagesizes
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

import convert
from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import TEI_NS, XML_ID, XML_LANG, contents_reading_order, local, xpath
from convert.variant import convert_string
from convert.writers import issue
from convert.writers.pdf.fonts import FontSet, MissingGlyph
from convert.writers.pdf.pdfa import Metadata
from convert.writers.pdf.tagging import ARTIFACT, END, TAGGED_FLAVOURS, StructTree
from convert.writers.pdf.text import (
    BREAK,
    Glyph,
    is_cjk,
    ColumnHeads,
    Anchor,
    BlockStyle,
    CoverSpace,
    KeepWithNext,
    keep_with_previous,
    Kinsoku,
    RuleBlock,
    Span,
    Tail,
    TextBlock,
    define_label_forms,
    normalise_space,
    text_out,
    to_glyphs,
)


def load_style(styles_dir: Path) -> dict:
    """Read ``styles_dir/pdf.json``; raises :class:`WriterError` when missing or malformed."""
    path = Path(styles_dir) / "pdf.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise WriterError(f"pdf: cannot read the page style {path}: {err}") from err


def where(el: etree._Element) -> str:
    """A reader-facing location of *el*: ``/TEI/text/body/div[2]/p[3] (in #a5, line 120)``.

    Each parent's children are indexed once per document (:func:`_sibling_steps`), so that
    locating every element of a document takes time linear in its size (scanning all siblings for
    each element made 12,500 contents entries take 226 s; issue 26, case 12). The document must
    not change while it is written."""
    parts = []
    node = el
    anchor = None
    steps = _sibling_steps(el.getroottree().getroot())
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        if parent is not None:
            index = steps.get(parent)
            if index is None or node not in index:
                index = steps[parent] = _steps_of_children(parent)
            parts.append(index[node])
        else:
            parts.append(local(node))
        if anchor is None and node.get(XML_ID):
            anchor = node.get(XML_ID)
        node = parent
    extra = []
    if anchor:
        extra.append(f"in #{anchor}")
    if el.sourceline:
        extra.append(f"line {el.sourceline}")
    return "/" + "/".join(reversed(parts)) + (f" ({', '.join(extra)})" if extra else "")


@functools.lru_cache(maxsize=4)
def _sibling_steps(root: etree._Element) -> dict:
    """``{parent: {child: step}}`` for the document whose root is *root*, filled as :func:`where`
    meets parents; kept for the last few documents (threads of one process may write several)."""
    return {}


def _steps_of_children(parent: etree._Element) -> dict:
    """``{child element: its step in a path}``: ``p[3]`` for the third ``p`` among siblings of that
    name, ``head`` for the only one."""
    counts: dict = {}
    for child in parent:
        if isinstance(child.tag, str):
            counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict = {}
    steps = {}
    for child in parent:
        if isinstance(child.tag, str):
            seen[child.tag] = seen.get(child.tag, 0) + 1
            steps[child] = f"{local(child)}[{seen[child.tag]}]" if counts[child.tag] > 1 else local(child)
    return steps


class _Renderer:
    """Walks ``<text>`` and returns platypus flowables; one method per TEI element."""

    def __init__(self, root, style: dict, fonts: FontSet, opts: WriterOptions):
        self.root = root
        self.style = style
        self.fonts = fonts
        self.opts = opts
        self.rules = Kinsoku.from_config(style["kinsoku"])
        self.colors = {k: colors.HexColor(v) for k, v in style["colors"].items() if not k.startswith("_")}
        #: ids that get a named destination: every ``div`` with ``xml:id`` (links go only there).
        self.ids = {el.get(XML_ID) for el in xpath(root, "tei:text//tei:div[@xml:id]")}
        self._lang = root.get(XML_LANG) or "zh-Hans"
        self.anchored: set[str] = set()
        #: ``{dest: form name}`` of the contents list's PDF-page column (:class:`Tail`).
        self.forms: dict = {}
        self.record: dict = {}
        #: Layout log of the drawn text blocks (:class:`TextBlock` ``log``).
        self.log: list = []
        #: Tagged PDF (level A flavours): the structure tree made while walking, else ``None``;
        #: ``node`` the element new ones go into, ``lang`` the language there (BCP 47).
        self.lang = root.get(XML_LANG) or "zh-Hans"
        tagged = (opts.pdfa or "2b").lower() in TAGGED_FLAVOURS
        self.tree = StructTree(self.lang) if tagged else None
        self.node = self.tree.root if tagged else None
        #: ``[(target, Link element)]`` of the contents list's PDF-page column (text set after layout)
        self.label_links: list = []
        #: ``[(Lbl element, printed page, target)]`` of the contents entries: each Lbl's /Alt
        #: names the two columns (:attr:`column_heads`), set once the PDF page labels are known
        self.label_alts: list = []
        #: the heads of the contents list's two page columns, in the document's variant
        self.column_heads = (convert_string("原刊页", self._lang), convert_string("PDF页", self._lang))

    # -- styles ---------------------------------------------------------------------------------
    def bstyle(self, name: str) -> BlockStyle:
        s = self.style["blocks"][name]
        size = float(s["size"])
        return BlockStyle(
            face=s.get("face", "body"),
            size=size,
            leading=float(s["leading"]),
            align=s.get("align", "left"),
            first_indent=float(s.get("first_indent_em", 0)) * size,
            left_indent=float(s.get("left_indent_em", 0)) * size,
            space_before=float(s.get("space_before", 0)),
            space_after=float(s.get("space_after", 0)),
            color=self.colors[s.get("color", "text")],
            rule_below=bool(s.get("rule_below", False)),
            rule_above=bool(s.get("rule_above", False)),
            rule_color=self.colors["rule"],
        )

    # -- dispatch -------------------------------------------------------------------------------
    def block(self, el, ctx: str = "") -> list[Flowable]:
        """Flowables for block element *el*; raises WriterError for an element without handler."""
        if not isinstance(el.tag, str):
            return []  # comments, processing instructions
        if el.tag.split("}")[0][1:] != TEI_NS:
            raise WriterError(f"pdf: element {el.tag} is not in the TEI namespace at {where(el)}")
        handler = getattr(self, f"_block_{local(el)}", None)
        if handler is None:
            raise WriterError(f"pdf: no handler for TEI element <{local(el)}> in block context at {where(el)}")
        with self.within(self._container_role(el, ctx), el):
            return handler(el, ctx)

    # -- tagging (convert.writers.pdf.tagging) ---------------------------------------------------
    @staticmethod
    def _container_role(el, ctx: str) -> str | None:
        """The grouping structure type of a TEI block element (ISO 32000-1 14.8.4.2), or ``None``
        when its children go straight into the enclosing element: ``titlePage`` (the cover) →
        ``Sect``; ``div`` → ``Art`` for an article or brief, ``Sect`` otherwise (section, contents,
        colophon, subsection); ``list`` → ``TOC`` in the contents, ``L`` elsewhere."""
        name = local(el)
        if name == "titlePage":
            return "Sect"
        if name == "div":
            return "Art" if el.get("type") in ("article", "brief") else "Sect"
        if name == "list":
            return "TOC" if ctx == "contents" else "L"
        return None

    def _lang_of(self, el) -> str | None:
        """*el*'s ``xml:lang`` when it differs from the language around it, else ``None``."""
        lang = el.get(XML_LANG) if el is not None else None
        return lang if lang and lang != self.lang else None

    @contextmanager
    def within(self, role: str | None, el=None):
        """Make the structure element *role* for *el* (placed now, in reading order) the one new
        elements go into while the block runs; nothing when untagged or *role* is ``None``."""
        if self.tree is None or role is None:
            yield None
            return
        lang = self._lang_of(el)
        node = self.tree.element(role, self.node, lang)
        saved = (self.node, self.lang)
        self.node, self.lang = node, lang or self.lang
        try:
            yield node
        finally:
            self.node, self.lang = saved

    def _slots(self, spans: list[Span]) -> list[Span]:
        """*spans* each with a content slot (tagged PDF); unchanged when untagged."""
        if self.tree is None:
            return spans
        return [s if s is BREAK or s.tag is not None else replace(s, tag=self.tree.inline(None)) for s in spans]

    def wrap(self, role: str, spans: list[Span], lang: str | None = None) -> list[Span]:
        """*spans* put inside a new inline structure element *role* (``Link``, ``Reference``,
        ``Lbl``, ``LBody``, ``Span``); unchanged when untagged."""
        if self.tree is None:
            return spans
        spans = self._slots(spans)
        node = self.tree.inline(role, lang)
        for s in spans:
            if s is not BREAK:
                top = s.tag.chain()[-1]
                if top.parent is None and top is not node:
                    top.parent = node
        return spans

    def _heading_role(self) -> str:
        """``H1``…``H6`` by the number of ``Sect``/``Art`` elements around the heading."""
        depth = 0
        node = self.node
        while node is not None:
            depth += node.role in ("Sect", "Art")
            node = node.parent
        return f"H{min(max(depth, 1), 6)}"

    def children(self, el, ctx: str = "") -> list[Flowable]:
        out: list[Flowable] = []
        for child in el:
            out.extend(self.block(child, ctx))
        return out

    def inline(self, el, face: str = "body", link: str | None = None) -> list[Span]:
        """Spans of *el*'s content (its text, its children's, their tails), in document order."""
        out: list[Span] = []
        loc = where(el)
        if el.text:
            out.extend(self._slots([Span(el.text, face, link, loc)]))
        for child in el:
            if isinstance(child.tag, str):
                if child.tag.split("}")[0][1:] != TEI_NS:
                    raise WriterError(f"pdf: element {child.tag} is not in the TEI namespace at {where(child)}")
                handler = getattr(self, f"_inline_{local(child)}", None)
                if handler is None:
                    raise WriterError(
                        f"pdf: no handler for TEI element <{local(child)}> in inline context at {where(child)}")
                lang = self._lang_of(child)
                spans = handler(child, face, link)
                out.extend(self.wrap("Span", spans, lang) if lang else spans)
            if child.tail:
                out.extend(self._slots([Span(child.tail, face, link, loc)]))
        return out

    def text_block(self, spans: list[Span], style_name: str, el, role: str = "P", node=None, extra=(),
                   breaks: str = "keep", style: BlockStyle | None = None, **kw) -> TextBlock:
        """A :class:`TextBlock` of *spans*; checks every character has a glyph (else WriterError).

        *breaks*: what a line break of the source (``<lb/>``, :data:`BREAK`) becomes: ``"keep"``
        a line break; ``"reflow"`` nothing (a space between two Latin words or numbers): the
        text is set to this page's measure (a contents entry whose title the print's narrow
        column broke); ``"phrase"`` a word space (a masthead line the print broke, such as
        ``2020年2月 / 29 / 星期六``, set on one line; see :func:`join_breaks`).

        Tagged PDF: the block is the structure element *role* (``"H"``: the heading level by
        depth) made now in the current element, or the given *node*; its spans' content slots,
        then the slots of *extra* (a contents entry's page columns), are placed in it."""
        style = style or self.bstyle(style_name)
        if self.tree is not None:
            spans = self._slots(spans)
            if node is None:
                node = self.tree.element(self._heading_role() if role == "H" else role, self.node,
                                         self._lang_of(el))
            self.tree.place(node, [s.tag for s in spans if s is not BREAK] + list(extra))
            kw["tag"] = node
        spans = normalise_space(spans, style_name)
        try:
            glyphs = to_glyphs(spans, self.fonts, style.size)
            if breaks != "keep":
                glyphs = join_breaks(glyphs, self.fonts, gap=breaks == "phrase")
        except MissingGlyph as err:
            raise WriterError(
                f"pdf: no font has a glyph for {err} at {getattr(err, 'where', '') or where(el)}") from None
        return TextBlock(spans, style, self.fonts, self.rules, record=self.record, kind=style_name, log=self.log,
                         glyphs=glyphs, **kw)

    # -- structure ------------------------------------------------------------------------------
    def render(self) -> tuple[str, list[Flowable]]:
        """``(first page template, flowables)`` of ``<text>``: the masthead (``titlePage``) alone
        on the cover page (template ``"cover"``), the rest of ``<front>`` (the contents list) from
        a new page (``"front"``), then ``<body>`` and ``<back>`` from a new page (``"body"``)."""
        texts = xpath(self.root, "tei:text")
        if len(texts) != 1:
            raise WriterError("pdf: the TEI document has no <text> (or more than one)")
        self.template = None
        self.story: list[Flowable] = []
        self.block(texts[0])
        first = self.first_template or "body"
        return first, keep_with_next(keep_with_previous(self.story))

    first_template: str | None = None

    def _enter(self, template: str) -> None:
        """Continue the story on a new page of *template* (nothing to do at the very start)."""
        if self.template == template and template != "cover":
            return
        if self.template is None:
            self.first_template = template
        else:
            self.story += [NextPageTemplate(template), PageBreak()]
        self.template = template

    def _block_text(self, el, ctx):
        for child in el:
            if isinstance(child.tag, str) and local(child) != "front":
                self._enter("body")
            self.story.extend(self.block(child))
        return []

    def _block_front(self, el, ctx):
        for child in el:
            if isinstance(child.tag, str):
                self._enter("cover" if local(child) == "titlePage" else "front")
            self.story.extend(self.block(child, "front"))
        return []

    def _block_body(self, el, ctx):
        return self.children(el, "body")

    def _block_back(self, el, ctx):
        return self.children(el, "back")

    # masthead --------------------------------------------------------------------------------
    def _block_titlePage(self, el, ctx):
        """The masthead on the cover page: its lines in source order between two rules, a
        little above the middle of the page (nothing added: a monthly prints no title)."""
        lines = self.children(el, "titlePage")
        cover = self.style.get("cover", {})
        rule = (self.colors["rule"], float(cover.get("rule_space", 14)), float(cover.get("rule_fraction", 0.6)))
        inner = [RuleBlock(*rule, weight=float(cover.get("rule_weight", 1.2)))] + lines + [
            RuleBlock(*rule, weight=float(cover.get("rule_weight", 1.2)))]
        for f in (inner[0], inner[-1]):
            f.artifact = self.tree is not None
        return [CoverSpace(inner, float(cover.get("position", 0.38)))] + inner

    def _block_docTitle(self, el, ctx):
        return self.children(el, "titlePage")

    def _block_titlePart(self, el, ctx):
        kind = el.get("type", "main")
        name = {"main": "masthead_title", "alt": "masthead_alt"}.get(kind, "masthead_line")
        face = "heading" if kind == "main" else "body"
        return [self.text_block(self.inline(el, face), name, el, role="Title" if kind == "main" else "P",
                                breaks="phrase")]

    def _masthead_line(self, el, ctx, role: str | None = None):
        """One masthead line. When the masthead prints no title (a monthly bulletin), the line
        naming the series (the compiling body, ``上街区地方史志办公室编``:
        :func:`convert.writers.issue.series_line`), else its first line, leads in the larger
        ``masthead_lead`` style, as the series name leads every cover; no title is made up.
        *role*: its structure type in a tagged PDF when not ``P`` (a ``byline`` or ``note``)."""
        page = el.getparent()
        first = next((c for c in page if isinstance(c.tag, str)), None) if page is not None else None
        no_title = page is not None and not xpath(page, "tei:docTitle")
        named = issue.series_line(self.root) if no_title else None
        lead = named[0] if named else first
        name = "masthead_lead" if no_title and lead is el else "masthead_line"
        face = "heading" if name == "masthead_lead" else "body"
        return [self.text_block(self.inline(el, face), name, el, role=role or "P", breaks="phrase")]

    _block_docImprint = _masthead_line
    _block_docDate = _masthead_line
    _block_docEdition = _masthead_line
    _block_imprimatur = _masthead_line
    _block_docAuthor = _masthead_line

    # divisions -------------------------------------------------------------------------------
    def _block_div(self, el, ctx):
        kind = el.get("type")
        if kind == "contents":
            out = self.children(el, "contents")
            if xpath(el, ".//tei:num[@type='page']"):
                # label both page columns (#13): printed page vs this file's page label
                heads = sum((self.block(h, "contents") for h in xpath(el, "tei:head")), [])
                column_heads = ColumnHeads(*self.column_heads, self.bstyle("contents_column_head"), self.fonts,
                                           Tail.pdf_width)
                column_heads.artifact = self.tree is not None
                out[len(heads):len(heads)] = [column_heads]
        elif kind == "colophon":
            out = self.children(el, "colophon")
            for f in out:
                if isinstance(f, TextBlock):
                    f.style = self.bstyle("colophon_first")
                    f.spaceBefore = f.style.space_before
                    break
            # The colophon is a short box of one-line entries: kept on one page as a whole.
            blocks = [f for f in out if isinstance(f, TextBlock)]
            for f in blocks[:-1]:
                f.keep_next = True
        xml_id = el.get(XML_ID)
        if kind in ("contents", "colophon"):
            if xml_id:
                self._anchor(el, out, xml_id, None, 0)
            return out
        inner = {"section": "section", "article": "article", "brief": "brief"}.get(kind, "subsection")
        out = self.children(el, inner)
        if kind == "article" and not xpath(el, "tei:head") and self._follows_text(el):
            out.insert(0, self._untitled_rule())
        if inner in ("section", "article", "brief"):
            level = 0
            if inner != "section" and ctx == "section":
                level = 1
            self._anchor(el, out, xml_id, self._outline_title(el), level)
        elif xml_id:
            self._anchor(el, out, xml_id, None, 0)
        return out

    @staticmethod
    def _follows_text(el) -> bool:
        """Whether body or back text comes before division *el* (an untitled article that opens
        the body needs no separation)."""
        return any(local(p) in ("div", "p", "ab", "note", "byline", "table") for p in el.itersiblings(preceding=True)
                   if isinstance(p.tag, str)) or any(
            isinstance(a.tag, str) and local(a) == "div" and any(
                isinstance(p.tag, str) and local(p) != "head" for p in a.itersiblings(preceding=True))
            for a in el.iterancestors())

    def _untitled_rule(self) -> RuleBlock:
        """The short centred rule that sets an article printed without a title apart from the one
        before (``styles/pdf.json`` ``untitled``), kept with the article's first lines; an
        artifact in a tagged PDF."""
        cfg = self.style.get("untitled", {})
        rule = RuleBlock(self.colors["rule"], float(cfg.get("rule_space", 8)), float(cfg.get("rule_fraction", 0.25)),
                         weight=float(cfg.get("rule_weight", 0.6)))
        rule.artifact = self.tree is not None
        rule.keep_next = True
        return rule

    def _outline_title(self, el) -> str:
        """The bookmark of a division: its heading (the title itself, not its kicker, 引题), else
        the label of an untitled division (:func:`convert.writers.issue.untitled_label`:
        ``（无题）`` and its first phrases)."""
        heads = xpath(el, "tei:head[not(@type)]") or xpath(el, "tei:head")
        if heads:
            text = "".join(self._plain(heads[0]))
        else:
            text = issue.untitled_label(el, self.root)
        return text or (el.get(XML_ID) or "")

    def _plain(self, el) -> list[str]:
        return [s.text for s in normalise_space(self.inline(el)) if s is not BREAK]

    def _anchor(self, el, out, xml_id, title, level):
        dest = xml_id if xml_id else None
        if dest is None and title is None:
            return
        if dest is None:
            dest = f"_pdf_{len(self.anchored)}"
        self.anchored.add(dest)
        anchor = Anchor(dest, title, level)
        for f in out:
            if isinstance(f, TextBlock):
                if f.anchor is None:
                    f.anchor = anchor
                    return
                break
        marker = TextBlock([], self.bstyle("body"), self.fonts, self.rules, anchor=anchor, record=self.record,
                           keep_with_next=True, kind="anchor", log=self.log)
        marker.spaceAfter = 0
        marker.wrap = lambda w, h, m=marker: (w, 0)  # zero-height anchor
        out.insert(0, marker)

    def _block_head(self, el, ctx):
        if el.get("type") in ("kicker", "sub"):  # 引题 above, 副题 below the title: no heading of their own
            title, small = self.bstyle("article_head"), self.bstyle("subsection_head")
            style = replace(title, size=small.size, leading=small.leading, space_before=2.0, space_after=2.0)
            return [self.text_block(self.inline(el, "heading"), "subsection_head", el, role="P", keep_with_next=True,
                                    style=style)]
        name = {
            "section": "section_head",
            "article": "article_head",
            "brief": "brief_head",
            "contents": "contents_section",
            "colophon": "colophon",
        }.get(ctx, "subsection_head")
        return [self.text_block(self.inline(el, "heading"), name, el, role="H", keep_with_next=True)]

    def _block_p(self, el, ctx):
        name = "colophon" if ctx == "colophon" else "body"
        spans = self.inline(el)
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None and local(prev) == "opener":  # 本报讯（记者 …） runs into its paragraph
            spans = self.inline(prev, "heading") + [Span("\u3000", "body", None, where(el))] + spans
        if el.get("prev"):
            # the rest of a paragraph a photo was set into (TEI P5 16.7 @prev): it goes on, flush
            # left under the figure, no new paragraph's first-line indent
            return [self.text_block(spans, name, el, style=replace(self.bstyle(name), first_indent=0.0))]
        return [self.text_block(spans, name, el)]

    def _block_opener(self, el, ctx):
        """A news lead-in (``opener``: 本报讯 and the reporters): set in bold at the start of the
        paragraph it opens (:meth:`_block_p`), as printed; alone when no paragraph follows."""
        nxt = el.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None and local(nxt) == "p":
            return []
        return [self.text_block(self.inline(el, "heading"), "body", el)]

    def _block_figure(self, el, ctx):
        """A photo's caption (``head``) and credit (``byline``): one small line, as a caption
        under the photo the text no longer has."""
        spans: list[Span] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if spans and local(child) == "byline":
                spans.append(Span("\u3000", "body", None, where(child)))
            spans += self.inline(child)
        return [self.text_block(spans, "note", el, role="Caption")] if spans else []

    def _block_lg(self, el, ctx):
        """Verse (``lg``): a stanza is one block, its lines (``l``) one under another, not
        justified and not indented, flush left among themselves and the block centred on the
        measure by its longest line, as a journal sets a poem (a line wider than the measure
        wraps, and the stanza is then flush left); a poem is its stanzas."""
        if any(isinstance(c.tag, str) and local(c) == "lg" for c in el):
            # (a poem's own title, ``head``, in a group of poems: a sub-heading's style)
            return self.children(el, "poem")
        spans: list[Span] = []
        for child in el:
            if isinstance(child.tag, str) and local(child) == "l":
                if spans:
                    spans.append(BREAK)
                spans += self.inline(child)
            elif isinstance(child.tag, str):
                spans += self._inline_fw(child, "body", None) if local(child) == "fw" else []
        return [self.text_block(spans, "byline", el, style=replace(self.bstyle("body"), first_indent=0.0,
                                                                   align="block"))] if spans else []

    def _block_fw(self, el, ctx):
        """The old print layout's running head or folio (TEI P5 §11.6): this PDF has its own. A
        newspaper's page label and page credit (``@subtype`` pageLabel, pageCredit) are its own
        words about its pages: shown small, set apart."""
        if el.get("subtype") in ("pageLabel", "pageCredit"):
            return [self.text_block(self.inline(el), "note", el, role="P")]
        if el.get("type") == "rule" and ctx == "titlePage":  # the star a masthead's red rule carries
            return self._masthead_line(el, ctx)
        if el.get("type") == "rule" and ctx not in ("colophon", "back"):
            # a rule or ornament row the print set between two pieces or two parts of one
            # (``━━━━``, ``＊　＊　＊``): the reader sees the break where the page showed it, centred
            return [self.text_block(self.inline(el), "body", el, role="P",
                                    style=replace(self.bstyle("body"), first_indent=0.0, align="center"))]
        return []

    def _block_byline(self, el, ctx):
        if ctx == "titlePage":  # a statement of responsibility in the masthead (…编)
            return self._masthead_line(el, ctx, role="Byline")
        return [self.text_block(self.inline(el), "byline", el, role="Byline")]

    def _block_note(self, el, ctx):
        """``note[@type='continuation']`` (jump line) and ``note[@type='source']`` (reprint credit)
        are set apart: smaller, grey, right-aligned; a masthead note (registration number,
        notice, contact line) is a masthead line. A footnote (``place="foot"``, TEI P5 §3.9.1)
        stands where the print set it (under its piece), small and flush left under a short rule
        (the 页下注 of print), tagged ``Note`` (ISO 32000-1 14.8.4.6, ISO 14289-1 7.9)."""
        if ctx == "titlePage":
            return self._masthead_line(el, ctx, role="Note")
        return [self.text_block(self.inline(el), "footnote" if el.get("place") == "foot" else "note", el, role="Note")]

    _block_bibl = _block_note

    _block_ab = _block_p  # an anonymous block (the colophon's notice, print run) sets as a paragraph

    def _block_pb(self, el, ctx):
        return []

    def _block_table(self, el, ctx):
        """A table (TEI P5 §14.1.1): its ``head`` a caption line above it, its rows a reportlab
        Table of text blocks (one per cell, set small, left-aligned, not indented), ruled; the
        column heads (``row[@role='label']``) bold and repeated at the top of a page the table
        runs onto; columns as wide as their longest cell, in proportion. Old page furniture
        between rows (``pb``, ``fw``) is left out: this PDF has its own pages. Tagged PDF
        (ISO 32000-1 14.8.4.3.4): ``Table`` → ``Caption``, ``TR`` → ``TH``/``TD``; the rules are
        artifacts."""
        cell_style = replace(self.bstyle("note"), first_indent=0.0, left_indent=0.0, align="left",
                             space_before=0.0, space_after=0.0, color=self.bstyle("body").color)
        out: list[Flowable] = []
        rows: list[list[Flowable]] = []
        widths: list[int] = []
        heads = 0
        with self.within("Table", el):
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                name = local(child)
                if name == "head":
                    out.append(self.text_block(self.inline(child), "note", child, role="Caption",
                                               style=replace(cell_style, face="heading", align="center")))
                elif name == "row":
                    label = child.get("role") == "label"
                    heads += label and len(rows) == heads
                    cells = [c for c in child if isinstance(c.tag, str) and local(c) == "cell"]
                    style = replace(cell_style, face="heading") if label else cell_style
                    with self.within("TR", child):
                        rows.append([self.text_block(self.inline(c), "note", c, role="TH" if label else "TD",
                                                     style=style) for c in cells])
                    for k, c in enumerate(cells):
                        n = len("".join("".join(c.itertext()).split()))
                        if k < len(widths):
                            widths[k] = max(widths[k], n)
                        else:
                            widths.append(n)
        if not rows:
            return out
        width = max(len(r) for r in rows)
        # a short row is filled with empty flowables (a string cell would be set in reportlab's
        # own font, which is not embedded)
        rows = [r + [Spacer(0, 0) for _ in range(width - len(r))] for r in rows]
        weights = [max(w, 2) for w in widths]
        total = sum(weights)
        table = RuledTable(rows, colWidths=[f"{100.0 * w / total:.2f}%" for w in weights], repeatRows=heads)
        table.artifact = self.tree is not None
        table.setStyle(TableStyle([
            # reportlab sets a cell's font even for a flowable cell: the body face, embedded anyway
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.primary["body"].name),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        table.spaceBefore = table.spaceAfter = 4
        return out + [table]

    # lists ------------------------------------------------------------------------------------
    def _block_list(self, el, ctx):
        if ctx == "contents":
            return self._contents_list(el, 0)
        if el.get("type") in ("gloss", "distribution"):  # label/item pairs (主办：, 报：/送：/发：)
            out = []
            label = None
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                name = local(child)
                if name == "label":
                    label = child
                elif name == "item":
                    spans = (self.wrap("Lbl", self.inline(label)) if label is not None else []) + self.wrap(
                        "LBody", self.inline(child))
                    out.append(self.text_block(spans, "colophon" if ctx == "colophon" else "body", child, role="LI"))
                    label = None
                elif name == "head":
                    out.extend(self.block(child, ctx))
                else:
                    raise WriterError(f"pdf: no handler for TEI element <{name}> in a gloss list at {where(child)}")
            if label is not None:
                out.append(self.text_block(self.wrap("Lbl", self.inline(label)), "colophon", label, role="LI"))
            return out
        out = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if local(child) == "item":
                out.append(self.text_block(self.wrap("LBody", self.inline(child)),
                                           "colophon" if ctx == "colophon" else "body", child, role="LI"))
            else:
                out.extend(self.block(child, ctx))
        return out

    def _contents_list(self, el, depth: int) -> list[Flowable]:
        """The printed table of contents: one row per ``item`` (title linked to its article,
        printed page number, then the PDF page the article begins on), in reading order
        (:func:`convert.tei.contents_reading_order`: a list printed in two columns)."""
        out: list[Flowable] = []
        for item in contents_reading_order(el) if depth == 0 else el:
            if not isinstance(item.tag, str):
                continue
            name = local(item)
            if name == "head":
                out.extend(self.block(item, "contents"))
                continue
            if name != "item":
                raise WriterError(f"pdf: no handler for TEI element <{name}> in the contents list at {where(item)}")
            with self.within("TOCI", item) as toci:
                out.extend(self._contents_item(item, toci, depth))
        return out

    def _contents_item(self, item, toci, depth: int) -> list[Flowable]:
        """One contents row (``TOCI`` *toci* when tagged: ``Reference`` → ``Link`` for the title,
        ``Lbl`` for the printed page number and the PDF page label, itself a ``Link``), then its
        nested list (a ``TOC`` inside the ``TOCI``)."""
        out: list[Flowable] = []
        nested = [c for c in item if isinstance(c.tag, str) and local(c) == "list"]
        spans: list[Span] = []
        printed: list[Span] = []
        loc = where(item)
        if item.text:
            spans.append(Span(item.text, "body", None, loc))
        for child in item:
            if isinstance(child.tag, str) and local(child) == "list":
                pass
            elif isinstance(child.tag, str) and local(child) == "num" and child.get("type") == "page":
                printed.extend(self._inline_num(child, "body", None))
            elif isinstance(child.tag, str):
                handler = getattr(self, f"_inline_{local(child)}", None)
                if handler is None:
                    raise WriterError(f"pdf: no handler for TEI element <{local(child)}> at {where(child)}")
                spans.extend(handler(child, "body", None))
            if child.tail and not (isinstance(child.tag, str) and local(child) == "list"):
                (printed if printed else spans).append(Span(child.tail, "body", None, loc))
            elif child.tail:
                spans.append(Span(child.tail, "body", None, loc))
        targets = [r.get("target", "") for r in xpath(item, "tei:ref[@target]")]
        target = targets[0][1:] if targets and targets[0].startswith("#") and targets[0][1:] in self.ids else None
        style = "contents_section" if nested else "contents_entry"
        if nested:
            spans = [replace(s, face="heading") if s is not BREAK else s for s in spans]
        spans = self.wrap("Reference", spans)
        printed = self.wrap("Lbl", printed)
        label_tag = None
        lbl = None
        if self.tree is not None and (printed or target):
            lbl = printed[0].tag.chain()[-1] if printed else self.tree.inline("Lbl")
            # the column heads are drawn once, as an artifact: each entry's Lbl says them (/Alt)
            self.label_alts.append((lbl, "".join(s.text for s in normalise_space(printed) if s is not BREAK),
                                    target))
        if self.tree is not None and target:
            link = self.tree.inline("Link")
            link.parent = lbl
            label_tag = self.tree.inline(None)
            label_tag.parent = link
            self.label_links.append((target, link))
        tail = Tail(normalise_space(printed), target, self.bstyle("contents_page"),
                    self.bstyle("contents_pdfpage"), leader=not nested and bool(printed), forms=self.forms,
                    label_tag=label_tag)
        extra = [s.tag for s in printed if s is not BREAK] + [label_tag]
        if spans and any(s.text.strip() for s in spans if s is not BREAK):
            out.append(self.text_block(spans, style, item, tail=tail, keep_with_next=bool(nested), node=toci,
                                       extra=extra, breaks="reflow"))
        elif printed:
            out.append(self.text_block(printed, style, item, node=toci))
        for lst in nested:
            with self.within("TOC", lst):
                out.extend(self._contents_list(lst, depth + 1))
        return out

    def _block_item(self, el, ctx):
        return [self.text_block(self.inline(el), "body", el)]

    def _block_label(self, el, ctx):
        return [self.text_block(self.inline(el), "body", el)]

    # -- inline ---------------------------------------------------------------------------------
    def _inline_hi(self, el, face, link):
        """``<hi rend="bold">`` is set in the Hei face; other renditions in the current face."""
        return self.inline(el, "heading" if "bold" in (el.get("rend") or "") else face, link)

    def _inline_lb(self, el, face, link):
        return [BREAK]

    def _inline_pb(self, el, face, link):
        return []

    def _inline_ref(self, el, face, link):
        """A reference; one that leads to a division of this document is a link (tagged: a
        ``Link`` element holding its text and, once drawn, its link annotation)."""
        target = el.get("target", "")
        if target.startswith("#") and target[1:] in self.ids:
            return self.wrap("Link", self.inline(el, face, target[1:]))
        return self.inline(el, face, link)

    def _inline_choice(self, el, face, link):
        """The source's form: ``sic`` (of sic/corr) or ``orig`` (of orig/reg)."""
        for name in ("sic", "orig"):
            hits = xpath(el, f"tei:{name}")
            if hits:
                return self.inline(hits[0], face, link)
        raise WriterError(f"pdf: <choice> without <sic> or <orig> at {where(el)}")

    def _inline_fw(self, el, face, link):
        """Old page furniture inside a paragraph: left out (its tail, the text after it, stays)."""
        return []

    def _plain_inline(self, el, face, link):
        return self.inline(el, face, link)

    _inline_num = _plain_inline
    _inline_label = _plain_inline  # 编者按：, a brief's bullet, a contents entry's bullet
    _inline_dateline = _plain_inline  # 本报讯 (in an opener)
    _inline_byline = _plain_inline  # the reporters (in an opener)
    _inline_docDate = _plain_inline  # the date of a 编印 unit (in a docImprint)
    _inline_date = _plain_inline
    _inline_title = _plain_inline
    _inline_measure = _plain_inline
    _inline_seg = _plain_inline
    _inline_name = _plain_inline
    _inline_persName = _plain_inline
    _inline_orgName = _plain_inline
    _inline_placeName = _plain_inline
    _inline_publisher = _plain_inline
    _inline_idno = _plain_inline  # a 发文字号 in the title page's docImprint
    #: ``<surplus>`` (TEI P5 §12.3.3.1, a character printed twice across a page break): shown
    #: as the source shows it.
    _inline_surplus = _plain_inline
    #: ``<pc>`` (TEI P5 §18.1.2, the full stop printed after a brief's run-in head): shown as
    #: printed, in the face and structure element of what holds it (the heading's ``H``), not
    #: an ``Lbl``: it is punctuation, not a label.
    _inline_pc = _plain_inline


class RuledTable(Table):
    """A reportlab Table whose rules are drawn as an ``/Artifact`` marked-content sequence in a
    tagged PDF (*artifact*): they are layout, not content (ISO 32000-1 14.8.2.2)."""

    artifact = False

    def _drawLines(self):
        if self.artifact:
            self.canv.addLiteral(ARTIFACT)
        super()._drawLines()
        if self.artifact:
            self.canv.addLiteral(END)


def join_breaks(glyphs: list[Glyph], fonts: FontSet, gap: bool) -> list[Glyph]:
    """*glyphs* with every hard break (``"\n"``) taken out. It becomes a space (U+0020 of the
    body face, in the size, link and content slot of the glyph before it) between two Latin
    letters or digits, and, when *gap* is set, wherever no punctuation mark stands on either side
    (``2020年2月 29 星期六``, but ``河南省连续性内资【审郑州连】00015号``); else nothing (between
    Chinese characters a line break of the source is not a word space)."""
    out: list[Glyph] = []
    for k, g in enumerate(glyphs):
        if g.ch != "\n":
            out.append(g)
            continue
        prev = out[-1] if out else None
        nxt = next((h for h in glyphs[k + 1:] if h.ch != "\n"), None)
        if prev is None or nxt is None or prev.ch == " ":
            continue
        punct = unicodedata.category(prev.ch)[0] == "P" or unicodedata.category(nxt.ch)[0] == "P"
        if (gap and not punct) or (not is_cjk(prev.ch) and not is_cjk(nxt.ch)):
            out.extend(to_glyphs([Span(" ", "body", prev.link, tag=prev.tag)], fonts, prev.size))
    return out


def keep_with_next(story: list[Flowable]) -> list[Flowable]:
    """*story* with a :class:`KeepWithNext` before every run of ``keep_next`` blocks (section,
    article, brief and subsection heads, a contents section row, zero-height anchors): the run
    and the first lines of the block after it go to the next page together when they do not fit
    (no heading alone at a page foot)."""
    out: list[Flowable] = []
    i = 0
    n = len(story)
    while i < n:
        f = story[i]
        if getattr(f, "keep_next", False):
            j = i
            while j < n and getattr(story[j], "keep_next", False):
                j += 1
            group = story[i:j + 1] if j < n and isinstance(story[j], TextBlock) else story[i:j]
            out.append(KeepWithNext(group))
            out.extend(story[i:j])
            i = j
            continue
        out.append(f)
        i += 1
    return out


def roman(n: int) -> str:
    """*n* (≥ 1) in lowercase roman numerals (``/PageLabels`` style ``/r``, ISO 32000-1 12.4.2)."""
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def page_label(page: int, body_start: int | None) -> str:
    """The label of 1-based physical *page*: lowercase roman before the body (cover, contents),
    arabic from 1 on the body's first page *body_start* (the ``/PageLabels`` the file carries,
    the folio printed on the page and the contents list's PDF-page column all use it)."""
    if body_start is None or page < body_start:
        return roman(page)
    return str(page - body_start + 1)


class _Document:
    """reportlab document: A4 pages of three templates — ``cover`` (masthead, undecorated),
    ``front`` (contents; running head, roman folio) and ``body`` (running head, arabic folio
    from 1) — laid out in one pass (the contents list's page labels are form XObjects filled in
    afterwards)."""

    def __init__(self, root, style: dict, fonts: FontSet, opts: WriterOptions, meta: Metadata):
        self.root = root
        self.style = style
        self.fonts = fonts
        self.opts = opts
        self.meta = meta
        self.body_start: int | None = None
        #: the structure tree made while laying out (tagged flavours), else ``None``
        self.tree = None

    def _on_body(self, canv, doc) -> None:
        if self.body_start is None:
            self.body_start = canv.getPageNumber()
        self._decorate(canv, doc)

    def _decorate(self, canv, doc) -> None:
        """Running head and folio (the page label) as ``/Artifact`` marked content (ISO 32000-1
        14.8.2.2: pagination artifacts are not part of the content)."""
        page = canv.getPageNumber()
        pg = self.style["page"]
        width, height = self.pagesize
        r = self.renderer
        canv.saveState()
        canv.addLiteral("/Artifact BMC")
        for text, name, y in (
            (self.meta.running_head, "running_head", height - pg["header_offset"]),
            (page_label(page, self.body_start), "folio", pg["footer_offset"]),
        ):
            st = r.bstyle(name)
            # the running head's spaces are the writer's (between the parts of the title): kept
            glyphs = to_glyphs([Span(text, st.face)], self.fonts, st.size)
            text_out(canv, glyphs, (width - sum(g.width for g in glyphs)) / 2, y, 0.0, st.color, st.leading)
        canv.setStrokeColor(r.colors["rule"])
        canv.setLineWidth(0.4)
        canv.line(pg["margin_left"], height - pg["header_offset"] - 5, width - pg["margin_right"],
                  height - pg["header_offset"] - 5)
        canv.addLiteral("EMC")
        canv.restoreState()

    def build(self, canvasmaker=None) -> bytes:
        """Lay the document out in one reportlab pass and return the PDF bytes. The contents
        list's PDF-page column is drawn as forward-referenced form XObjects, defined here once
        every article has fallen on its page (:func:`define_label_forms`).

        Afterwards ``self.destinations`` is ``{xml:id: (page, x, y)}`` (1-based physical page,
        point in default user space), ``self.body_start`` the physical page the body begins on
        (``None`` without a body page), ``self.log`` the layout log, ``self.canvas`` the canvas
        drawn on (made by *canvasmaker*, a reportlab ``Canvas`` subclass; default ``Canvas``)."""
        pg = self.style["page"]
        self.pagesize = getattr(pagesizes, pg.get("size", "A4"))
        self.body_start = None
        r = _Renderer(self.root, self.style, self.fonts, self.opts)
        self.renderer = r
        first, story = r.render()
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf,
            pagesize=self.pagesize,
            leftMargin=pg["margin_left"], rightMargin=pg["margin_right"],
            topMargin=pg["margin_top"], bottomMargin=pg["margin_bottom"],
            invariant=1,
            initialFontName=self.fonts.name("body"),
            lang=self.meta.lang,
            title=self.meta.title, author=self.meta.author, subject=self.meta.subject,
            keywords=self.meta.keywords, creator=f"convert {convert.__version__}",
        )
        fw = self.pagesize[0] - pg["margin_left"] - pg["margin_right"]
        fh = self.pagesize[1] - pg["margin_top"] - pg["margin_bottom"]

        def frame():
            return Frame(pg["margin_left"], pg["margin_bottom"], fw, fh, id="body",
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        templates = {
            "cover": PageTemplate(id="cover", frames=[frame()]),
            "front": PageTemplate(id="front", frames=[frame()], onPage=self._decorate),
            "body": PageTemplate(id="body", frames=[frame()], onPage=self._on_body),
        }
        doc.addPageTemplates([templates[first]] + [t for k, t in templates.items() if k != first])
        doc._doSave = 0  # reportlab saves at the end of build(); the label forms come first
        if canvasmaker is not None:
            doc.build(story, canvasmaker=canvasmaker)
        else:
            doc.build(story)
        self.canvas = doc.canv
        labels = {t: page_label(r.record[t][0], self.body_start) for t in r.forms if t in r.record}
        pdf_style = r.bstyle("contents_pdfpage")
        define_label_forms(doc.canv, r.forms, labels, self.fonts, pdf_style, Tail.pdf_width)
        doc.canv.save()
        for target, link in r.label_links:  # the label a form shows is the Link's description
            link.text = labels.get(target, "")
        for lbl, printed, target in r.label_alts:  # "原刊页 8，PDF页 4" (ISO 32000-1 14.9.3)
            said = [f"{r.column_heads[0]} {printed}" if printed else "",
                    f"{r.column_heads[1]} {labels[target]}" if labels.get(target) else ""]
            lbl.alt = "，".join(p for p in said if p)
        self.tree = r.tree
        self.log = r.log
        self.destinations = dict(r.record)
        return buf.getvalue()

    def page_labels(self) -> list[tuple[int, str]]:
        """``/PageLabels`` ranges: ``[(first page index (0-based), style)]`` with style ``"r"``
        (lowercase roman) or ``"D"`` (arabic, from 1)."""
        if self.body_start is None:
            return [(0, "r")]
        if self.body_start == 1:
            return [(0, "D")]
        return [(0, "r"), (self.body_start - 1, "D")]
