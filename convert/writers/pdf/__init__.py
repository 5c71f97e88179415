"""The PDF/A writer: renders a TEI bulletin to an A4 PDF/A-1b, -2b or -3b file.

``write(root, opts, path)``: reportlab (platypus) sets the whole ``<text>`` in source order; pikepdf
then records the metadata, makes the file PDF/A (ISO 19005) and validates the bytes it writes
(:func:`pikepdf.pdfa.save`). Page size, margins, fonts, sizes and leading come from
``styles/pdf.json`` (data, not code).

- Fonts (ISO 19005-1 6.3.4, 19005-2 6.2.11.4.1): every glyph is drawn in an embedded TrueType
  subset: AR PL UMing CN (body), WenQuanYi Zen Hei (headings, bold); characters neither has come
  from the fallback fonts (:mod:`convert.writers.pdf.fonts`). No standard-14 font is referenced:
  the canvas' initial font is the body face.
- Line breaking follows W3C clreq 3.1.7 (:mod:`convert.writers.pdf.text`).
- Metadata (ISO 19005-1 6.7, 19005-2 6.6): title (``titleStmt/title``), author (``publisher``),
  subject (periodical, issue, date), keywords (section heads), creation date = the issue date
  (``sourceDesc/bibl/date/@when``, 00:00 China Standard Time) — never the clock, so the same TEI
  gives a byte-identical PDF — ``/Lang`` from ``/TEI/@xml:lang``, creator tool ``convert <version>``.
- PDF/A-3b (ISO 19005-3 6.8): the TEI document (``opts.tei_bytes``) is embedded as an associated
  file of the document (``/AF``, ``/AFRelationship /Source``, MIME ``application/tei+xml``).
- Pages: the masthead (``titlePage``, source order, nothing added) alone on a cover page; the
  contents list from a new page; the body from a new page. ``/PageLabels`` (ISO 32000-1 12.4.2):
  lowercase roman for the cover and contents pages, arabic from 1 for the body; the folio and the
  contents list's PDF-page column print the same labels (:func:`page_label`); that column is a
  form XObject per entry, defined after the layout, so one reportlab pass lays the document out.
- Page breaks: headings (and a contents section row, and the colophon as a whole) are kept with
  the first lines of what follows (:func:`keep_with_next`); a paragraph is split only with at
  least two lines at the page foot and two at the next page top (:class:`TextBlock`).
- Navigation: outlines (section → article/brief), named destinations, links from the contents
  list (which also shows the page label each entry begins on beside the printed page number),
  running head (title) and folio on every page but the cover, drawn as ``/Artifact`` marked
  content.

One handler per TEI element (``_block_<name>`` for block context, ``_inline_<name>`` for inline
context); an element without a handler is a :class:`convert.errors.WriterError` naming it.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import re
from pathlib import Path

from lxml import etree
from reportlab.lib import colors, pagesizes
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable

import convert
from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import TEI_NS, XML_ID, XML_LANG, local, to_bytes, xpath
from convert.writers.pdf.fonts import FontSet, MissingGlyph
from convert.writers.pdf.text import (
    BREAK,
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
    to_glyphs,
)

FLAVOURS = ("1b", "2b", "3b")
#: Time zone of the issue dates (the bulletins are printed in Henan, China Standard Time).
ISSUE_TZ = "+08:00"
TEI_MIME = "application/tei+xml"


def load_style(styles_dir: Path) -> dict:
    """Read ``styles_dir/pdf.json``; raises :class:`WriterError` when missing or malformed."""
    path = Path(styles_dir) / "pdf.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise WriterError(f"pdf: cannot read the page style {path}: {err}") from err


def where(el: etree._Element) -> str:
    """A reader-facing location of *el*: ``/TEI/text/body/div[2]/p[3] (in #a5, line 120)``."""
    parts = []
    node = el
    anchor = None
    while node is not None and isinstance(node.tag, str):
        name = local(node)
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            parts.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        else:
            parts.append(name)
        if anchor is None and node.get(XML_ID):
            anchor = node.get(XML_ID)
        node = parent
    extra = []
    if anchor:
        extra.append(f"in #{anchor}")
    if el.sourceline:
        extra.append(f"line {el.sourceline}")
    return "/" + "/".join(reversed(parts)) + (f" ({', '.join(extra)})" if extra else "")


def _first_text(root, path: str) -> str:
    hits = xpath(root, path)
    if not hits:
        return ""
    node = hits[0]
    text = node if isinstance(node, str) else "".join(node.itertext())
    return re.sub(r"\s+", " ", str(text)).strip()


class Metadata:
    """Document information from the TEI header (docs/tei-model.md, "Header").

    ``title``, ``author`` (publisher), ``subject``, ``keywords`` (section heads joined by ``; ``),
    ``lang`` (BCP 47), ``date`` (ISO 8601 date-time with the China time zone, from the issue date;
    ``None`` when the header has none), ``running_head``.
    """

    def __init__(self, root: etree._Element):
        self.title = _first_text(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")
        bibl = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"
        self.author = _first_text(root, f"{bibl}/tei:publisher")
        journal = _first_text(root, f"{bibl}/tei:title[@level='j'][not(@type)]")
        issue = _first_text(root, f"{bibl}/tei:biblScope[@unit='issue']")
        cumulative = _first_text(root, f"{bibl}/tei:idno[@type='cumulative']")
        when = _first_text(root, f"{bibl}/tei:date[not(@type)]/@when") or _first_text(root, f"{bibl}/tei:date/@when")
        date_text = _first_text(root, f"{bibl}/tei:date[not(@type)]")
        subject = [journal or self.author, issue]
        if cumulative:
            subject.append(f"总第{cumulative}期")
        subject.append(date_text or when)
        self.subject = " ".join(s for s in subject if s)
        heads = [re.sub(r"\s+", "", "".join(h.itertext()))
                 for h in xpath(root, "tei:text/tei:body//tei:div[@type='section']/tei:head")]
        self.keywords = "; ".join(h for h in heads if h)
        self.lang = root.get(XML_LANG) or "zh-Hans"
        self.date = self._iso(when)
        self.running_head = self.title

    @staticmethod
    def _iso(when: str) -> str | None:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when or "")
        if not m:
            return None
        y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
        return f"{y}-{mo}-{d}T00:00:00{ISSUE_TZ}"

    def pdf_date(self) -> str | None:
        """:attr:`date` as a PDF date string (ISO 32000-1 §7.9.4): ``D:20200229000000+08'00'``."""
        if not self.date:
            return None
        d = self.date
        return f"D:{d[0:4]}{d[5:7]}{d[8:10]}{d[11:13]}{d[14:16]}{d[17:19]}{d[19:22]}'{d[23:25]}'"

    def use_timestamp(self, stamp) -> None:
        """Record *stamp* (an aware datetime: ``SOURCE_DATE_EPOCH``) instead of the issue date."""
        self.date = stamp.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


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
        self.anchored: set[str] = set()
        #: ``{dest: form name}`` of the contents list's PDF-page column (:class:`Tail`).
        self.forms: dict = {}
        self.record: dict = {}
        #: Layout log of the drawn text blocks (:class:`TextBlock` ``log``).
        self.log: list = []

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
        return handler(el, ctx)

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
            out.append(Span(el.text, face, link, loc))
        for child in el:
            if isinstance(child.tag, str):
                if child.tag.split("}")[0][1:] != TEI_NS:
                    raise WriterError(f"pdf: element {child.tag} is not in the TEI namespace at {where(child)}")
                handler = getattr(self, f"_inline_{local(child)}", None)
                if handler is None:
                    raise WriterError(
                        f"pdf: no handler for TEI element <{local(child)}> in inline context at {where(child)}")
                out.extend(handler(child, face, link))
            if child.tail:
                out.append(Span(child.tail, face, link, loc))
        return out

    def text_block(self, spans: list[Span], style_name: str, el, **kw) -> TextBlock:
        """A :class:`TextBlock` of *spans*; checks every character has a glyph (else WriterError)."""
        style = self.bstyle(style_name)
        spans = normalise_space(spans)
        try:
            glyphs = to_glyphs(spans, self.fonts, style.size)
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
        return [CoverSpace(inner, float(cover.get("position", 0.38)))] + inner

    def _block_docTitle(self, el, ctx):
        return self.children(el, "titlePage")

    def _block_titlePart(self, el, ctx):
        kind = el.get("type", "main")
        name = {"main": "masthead_title", "alt": "masthead_alt"}.get(kind, "masthead_line")
        face = "heading" if kind == "main" else "body"
        return [self.text_block(self.inline(el, face), name, el)]

    def _masthead_line(self, el, ctx):
        """One masthead line. When the masthead prints no title (a monthly bulletin), its first
        line leads in the larger ``masthead_lead`` style; no title is made up."""
        page = el.getparent()
        first = next((c for c in page if isinstance(c.tag, str)), None) if page is not None else None
        no_title = page is not None and not xpath(page, "tei:docTitle")
        name = "masthead_lead" if no_title and first is el else "masthead_line"
        face = "heading" if name == "masthead_lead" else "body"
        return [self.text_block(self.inline(el, face), name, el)]

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
        if inner in ("section", "article", "brief"):
            level = 0
            if inner != "section" and ctx == "section":
                level = 1
            self._anchor(el, out, xml_id, self._outline_title(el), level)
        elif xml_id:
            self._anchor(el, out, xml_id, None, 0)
        return out

    def _outline_title(self, el) -> str:
        heads = xpath(el, "tei:head")
        if heads:
            text = "".join(self._plain(heads[0]))
        else:
            ps = xpath(el, ".//tei:p")
            text = "".join(self._plain(ps[0])) if ps else (el.get(XML_ID) or local(el))
            if len(text) > 24:
                text = text[:24] + "…"
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
        name = {
            "section": "section_head",
            "article": "article_head",
            "brief": "brief_head",
            "contents": "contents_section",
            "colophon": "colophon",
        }.get(ctx, "subsection_head")
        return [self.text_block(self.inline(el, "heading"), name, el, keep_with_next=True)]

    def _block_p(self, el, ctx):
        name = "colophon" if ctx == "colophon" else "body"
        return [self.text_block(self.inline(el), name, el)]

    def _block_byline(self, el, ctx):
        return [self.text_block(self.inline(el), "byline", el)]

    def _block_note(self, el, ctx):
        """``note[@type='continuation']`` (jump line) and ``note[@type='source']`` (reprint credit)
        are set apart: smaller, grey, right-aligned."""
        return [self.text_block(self.inline(el), "note", el)]

    _block_bibl = _block_note

    def _block_ab(self, el, ctx):
        name = "colophon" if ctx == "colophon" else "body"
        return [self.text_block(self.inline(el), name, el)]

    def _block_pb(self, el, ctx):
        return []

    def _block_fw(self, el, ctx):
        """The old print layout's running head or folio (TEI P5 §11.6): this PDF has its own."""
        return []

    # lists ------------------------------------------------------------------------------------
    def _block_list(self, el, ctx):
        if ctx == "contents":
            return self._contents_list(el, 0)
        if el.get("type") == "gloss":
            out = []
            label = None
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                name = local(child)
                if name == "label":
                    label = child
                elif name == "item":
                    spans = (self.inline(label) if label is not None else []) + self.inline(child)
                    out.append(self.text_block(spans, "colophon" if ctx == "colophon" else "body", child))
                    label = None
                elif name == "head":
                    out.extend(self.block(child, ctx))
                else:
                    raise WriterError(f"pdf: no handler for TEI element <{name}> in a gloss list at {where(child)}")
            if label is not None:
                out.append(self.text_block(self.inline(label), "colophon", label))
            return out
        out = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if local(child) == "item":
                out.append(self.text_block(self.inline(child), "colophon" if ctx == "colophon" else "body", child))
            else:
                out.extend(self.block(child, ctx))
        return out

    def _contents_list(self, el, depth: int) -> list[Flowable]:
        """The printed table of contents: one row per ``item`` (title linked to its article,
        printed page number, then the PDF page the article begins on)."""
        out: list[Flowable] = []
        for item in el:
            if not isinstance(item.tag, str):
                continue
            name = local(item)
            if name == "head":
                out.extend(self.block(item, "contents"))
                continue
            if name != "item":
                raise WriterError(f"pdf: no handler for TEI element <{name}> in the contents list at {where(item)}")
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
                spans = [Span(s.text, "heading", s.link, s.where) if s is not BREAK else s for s in spans]
            tail = Tail(normalise_space(printed), target, self.bstyle("contents_page"),
                        self.bstyle("contents_pdfpage"), leader=not nested and bool(printed), forms=self.forms)
            if spans and any(s.text.strip() for s in spans if s is not BREAK):
                out.append(self.text_block(spans, style, item, tail=tail, keep_with_next=bool(nested)))
            elif printed:
                out.append(self.text_block(printed, style, item))
            for lst in nested:
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

    def _inline_fw(self, el, face, link):
        """Old page furniture inside a paragraph: left out (its tail, the text after it, stays)."""
        return []

    def _inline_ref(self, el, face, link):
        target = el.get("target", "")
        if target.startswith("#") and target[1:] in self.ids:
            link = target[1:]
        return self.inline(el, face, link)

    def _inline_choice(self, el, face, link):
        """The source's form: ``sic`` (of sic/corr) or ``orig`` (of orig/reg)."""
        for name in ("sic", "orig"):
            hits = xpath(el, f"tei:{name}")
            if hits:
                return self.inline(hits[0], face, link)
        raise WriterError(f"pdf: <choice> without <sic> or <orig> at {where(el)}")

    def _plain_inline(self, el, face, link):
        return self.inline(el, face, link)

    _inline_num = _plain_inline
    _inline_date = _plain_inline
    _inline_title = _plain_inline
    _inline_measure = _plain_inline
    _inline_seg = _plain_inline
    _inline_name = _plain_inline
    _inline_persName = _plain_inline
    _inline_orgName = _plain_inline
    _inline_placeName = _plain_inline


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
            glyphs = to_glyphs(normalise_space([Span(text, st.face)]), self.fonts, st.size)
            w = sum(g.width for g in glyphs)
            tx = canv.beginText((width - w) / 2, y)
            tx.setFillColor(st.color)
            cur = None
            for g in glyphs:
                if g.font != cur:
                    tx.setFont(g.font, g.size)
                    cur = g.font
                tx.textOut(g.ch)
            canv.drawText(tx)
        canv.setStrokeColor(r.colors["rule"])
        canv.setLineWidth(0.4)
        canv.line(pg["margin_left"], height - pg["header_offset"] - 5, width - pg["margin_right"],
                  height - pg["header_offset"] - 5)
        canv.addLiteral("EMC")
        canv.restoreState()

    def build(self) -> bytes:
        """Lay the document out in one reportlab pass and return the PDF bytes. The contents
        list's PDF-page column is drawn as forward-referenced form XObjects, defined here once
        every article has fallen on its page (:func:`define_label_forms`).

        Afterwards ``self.destinations`` is ``{xml:id: (page, x, y)}`` (1-based physical page,
        point in default user space), ``self.body_start`` the physical page the body begins on
        (``None`` without a body page), ``self.log`` the layout log."""
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
        doc.build(story)
        labels = {t: page_label(r.record[t][0], self.body_start) for t in r.forms if t in r.record}
        pdf_style = r.bstyle("contents_pdfpage")
        define_label_forms(doc.canv, r.forms, labels, self.fonts, pdf_style, Tail.pdf_width)
        doc.canv.save()
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


def _finish(data: bytes, meta: Metadata, opts: WriterOptions, root, flavour: str, path: Path,
            destinations: dict, labels: list[tuple[int, str]] | None = None) -> None:
    """Record metadata, embed the TEI (3b), make and validate PDF/A, write *path*."""
    import pikepdf
    import pikepdf.pdfa as pdfa

    from convert.writers.pdf import pdfa_memo as _pdfa_memo

    _pdfa_memo.install()  # glyph verdicts shared by the documents of a batch (same checks)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        for key in list(info.keys()):
            del info[key]
        fields = {
            "/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject,
            "/Keywords": meta.keywords, "/Creator": f"convert {convert.__version__}",
        }
        for key, value in fields.items():
            if value:
                info[key] = pikepdf.String(value)
        if meta.pdf_date():
            info["/CreationDate"] = pikepdf.String(meta.pdf_date())
            info["/ModDate"] = pikepdf.String(meta.pdf_date())
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.Root.Lang = pikepdf.String(meta.lang)
        for page in pdf.pages:
            # reportlab writes an empty page transition (/Trans <<>>): presentation-only, which
            # the validator does not accept unchecked; dropping it changes nothing on paper.
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        _fix_tounicode(pdf)
        _fix_widths(pdf)
        _named_destinations(pdf, destinations)
        _page_labels(pdf, labels or [(0, "D")])
        if flavour == "3b":
            _attach_tei(pdf, opts, root, meta)
        pdfa.prepare(pdf, flavour)
        _fix_metadata_date(pdf, meta)
        # save validates the bytes it writes (the only check that promises anything); a
        # separate pdfa.check first would walk the document a second time for nothing
        try:
            pdfa.save(pdf, path, flavour, repair=False, deterministic_id=True)
        except pdfa.PdfaError as err:
            raise WriterError(f"pdf: the written file is not PDF/A-{flavour}: {err}") from err


_BFCHAR_WIDE = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def _fix_tounicode(pdf) -> int:
    """Write supplementary-plane characters of reportlab's ToUnicode CMaps as UTF-16BE surrogate
    pairs (ISO 32000-1 9.10.3: the destination of a ``bfchar`` is UTF-16BE); reportlab writes the
    bare code point (``<05> <20021>``), which text extraction cannot read. Returns the number of
    entries rewritten."""
    import pikepdf

    def pair(m: re.Match) -> bytes:
        cp = int(m.group(2), 16)
        hi = 0xD800 + ((cp - 0x10000) >> 10)
        lo = 0xDC00 + ((cp - 0x10000) & 0x3FF)
        return b"<%s> <%04X%04X>" % (m.group(1), hi, lo)

    done = 0
    seen = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
            continue
        cmap = obj.get("/ToUnicode")
        if cmap is None or cmap.objgen in seen:
            continue
        seen.add(cmap.objgen)
        data = cmap.read_bytes()
        new, n = _BFCHAR_WIDE.subn(pair, data)
        if n:
            cmap.write(new)
            done += n
    return done


def _fix_widths(pdf) -> int:
    """Make each simple TrueType font's ``/Widths`` agree with its embedded program (ISO 19005-1
    6.3.6, 19005-2 6.2.11.5). reportlab's subsetter writes a wrong advance for glyphs past a
    font's ``numberOfHMetrics`` (seen with HanaMinA/B: 1000 units instead of 1024); the width the
    program gives is taken. Returns the number of widths changed."""
    import pikepdf
    from fontTools.ttLib import TTFont as FTFont

    changed = 0
    for obj in pdf.objects:
        if (not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font
                or obj.get("/Subtype") != pikepdf.Name.TrueType or "/Widths" not in obj):
            continue
        fd = obj.get("/FontDescriptor")
        if fd is None or "/FontFile2" not in fd:
            continue
        font = FTFont(io.BytesIO(fd.FontFile2.read_bytes()), lazy=True)
        upem = font["head"].unitsPerEm
        tables = font["cmap"].tables
        if not tables:
            continue
        cmap = tables[0].cmap
        hmtx = font["hmtx"]
        first = int(obj.FirstChar)
        widths = [float(w) for w in obj.Widths]
        new = list(widths)
        for i, w in enumerate(widths):
            code = first + i
            glyph = cmap.get(code) or cmap.get(0xF000 + code)
            if glyph is None:
                continue
            program = hmtx[glyph][0] * 1000.0 / upem
            if abs(program - w) > 0.5:
                new[i] = round(program, 3)
        if new != widths:
            changed += sum(1 for a, b in zip(new, widths) if a != b)
            obj.Widths = pikepdf.Array(new)
    return changed


def _named_destinations(pdf, destinations: dict) -> None:
    """A ``/Dests`` name tree (ISO 32000-1 12.3.2.3) naming every division by its ``xml:id``, so
    ``file.pdf#a3`` opens at the article."""
    import pikepdf

    if not destinations:
        return
    names = pikepdf.Array()
    for key in sorted(destinations):
        page, x, y = destinations[key]
        names.append(pikepdf.String(key))
        names.append(pikepdf.Array([pdf.pages[page - 1].obj, pikepdf.Name.XYZ, 0, y, 0]))
    pdf.Root.Names = pdf.Root.get("/Names", pikepdf.Dictionary())
    pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=names))


def _page_labels(pdf, ranges: list[tuple[int, str]]) -> None:
    """The catalog's ``/PageLabels`` number tree (ISO 32000-1 12.4.2): for each range its first
    page index and numbering style (``/S /r`` lowercase roman, ``/S /D`` arabic, both from 1)."""
    import pikepdf

    nums = pikepdf.Array()
    for index, style in ranges:
        nums.append(index)
        nums.append(pikepdf.Dictionary(S=pikepdf.Name("/" + style)))
    pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))


def _attach_tei(pdf, opts: WriterOptions, root, meta: Metadata) -> None:
    """Embed the TEI source as the document's associated file (ISO 19005-3 6.8: ``/AF`` on the
    catalog, ``/AFRelationship /Source``, ``/Subtype /application#2Ftei+xml``)."""
    import pikepdf

    data = opts.tei_bytes or to_bytes(root)
    stem = Path(opts.source_name).stem if opts.source_name else "bulletin"
    name = f"{stem}.tei.xml"
    stream = pikepdf.Stream(pdf, data)
    stream.Type = pikepdf.Name.EmbeddedFile
    stream.Subtype = pikepdf.Name("/" + TEI_MIME)
    params = pikepdf.Dictionary(Size=len(data))
    if meta.pdf_date():
        params.ModDate = pikepdf.String(meta.pdf_date())
        params.CreationDate = pikepdf.String(meta.pdf_date())
    stream.Params = params
    spec = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String(name),
        UF=pikepdf.String(name),
        Desc=pikepdf.String("TEI P5 source of this document"),
        AFRelationship=pikepdf.Name.Source,
        EF=pikepdf.Dictionary(F=stream, UF=stream),
    ))
    pdf.Root.Names = pdf.Root.get("/Names", pikepdf.Dictionary())
    pdf.Root.Names.EmbeddedFiles = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String(name), spec]))
    pdf.Root.AF = pikepdf.Array([spec])


def _fix_metadata_date(pdf, meta: Metadata) -> None:
    """``pikepdf.pdfa.prepare`` stamps xmp:MetadataDate with the clock; use the issue date so the
    output is reproducible."""
    import pikepdf

    if not meta.date or "/Metadata" not in pdf.Root:
        return
    packet = pdf.Root.Metadata.read_bytes()
    new, n = re.subn(rb"(<xmp:MetadataDate>)[^<]*(</xmp:MetadataDate>)",
                     rb"\g<1>" + meta.date.encode() + rb"\g<2>", packet)
    if n == 0:
        new, n = re.subn(rb'(xmp:MetadataDate=")[^"]*(")', rb"\g<1>" + meta.date.encode() + rb"\g<2>", packet)
    if n:
        pdf.Root.Metadata = pdf.make_stream(new, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def _document(root: etree._Element, opts: WriterOptions) -> "_Document":
    """The reportlab document for *root*: the style of ``opts.styles_dir``, its fonts with the
    body face of the document's region (``regional_fonts`` by ``xml:lang``), the metadata."""
    style = load_style(opts.styles_dir)
    lang = root.get(XML_LANG) or "zh-Hans"
    font_config = {**style["fonts"], **style.get("regional_fonts", {}).get(lang, {})}
    try:
        fonts = FontSet(font_config)
    except (OSError, KeyError) as err:
        raise WriterError(f"pdf: cannot load the fonts of styles/pdf.json: {err}") from err
    return _Document(root, style, fonts, opts, Metadata(root))


def write(root: etree._Element, opts: WriterOptions, path: Path) -> None:
    """Render the TEI document *root* to a PDF/A file at *path*.

    ``opts.pdfa`` is the flavour (``"1b"``, ``"2b"`` default, ``"3b"``; ISO 19005-1/-2/-3 level B);
    ``opts.styles_dir`` holds ``pdf.json``; for 3b ``opts.tei_bytes`` is embedded (the TEI is
    serialised from *root* when empty). The same *root* and options give a byte-identical file.

    Raises :class:`WriterError` for an unknown flavour, a TEI element without handler, a
    character no font has (naming it as ``U+XXXX`` and where it is), a missing font file, or
    output that fails PDF/A validation.
    """
    flavour = (opts.pdfa or "2b").lower()
    if flavour not in FLAVOURS:
        raise WriterError(f"pdf: unknown PDF/A flavour {opts.pdfa!r} (use 1b, 2b or 3b)")
    document = _document(root, opts)
    meta = document.meta
    if getattr(opts, "timestamp", None) is not None:
        meta.use_timestamp(opts.timestamp)
    data = document.build()
    _finish(data, meta, opts, root, flavour, Path(path), document.destinations, document.page_labels())


def layout(root: etree._Element, opts: WriterOptions) -> dict:
    """Lay *root* out as :func:`write` does, without writing a file; for tests and measurements.

    Returns ``{"destinations": {xml:id: (page, x, y)}, "body_start": physical page (1-based) of
    the body's first page, "labels": [page label of each page], "log": [per drawn text-block part:
    {"page", "block", "kind", "first", "count", "total"}] in drawing order}``. Raises
    :class:`WriterError` as :func:`write` does.
    """
    document = _document(root, opts)
    document.build()
    pages = max([e["page"] for e in document.log] + [1])
    return {"destinations": document.destinations, "body_start": document.body_start,
            "labels": [page_label(n, document.body_start) for n in range(1, pages + 1)], "log": document.log}
