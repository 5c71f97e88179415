"""The OFD package (GB/T 33190-2016): XML parts from recorded pages, subset fonts, the zip.

Touches nothing outside the bytes it returns: :func:`build_package` turns the pages a
:class:`convert.writers.ofd.record.RecordingCanvas` recorded into the parts of one OFD document,
:func:`convert.validators.ofd.validate_parts` checks every XML part against the standard's XSDs
(``convert/schema/ofd/``, GB/T 33190-2016 Annex A) and :func:`zip_package` writes the container.

Package layout (GB/T 33190-2016 §7.2 file structure)::

    OFD.xml                         entry: DocBody → DocInfo, DocRoot (§7.4)
    Doc_0/Document.xml              CommonData (page area, PublicRes, DocumentRes), Pages,
                                    Outlines, Attachments (§7.5)
    Doc_0/PublicRes.xml             Fonts (§11.1), BaseLoc Res
    Doc_0/DocumentRes.xml           document resources (none needed), BaseLoc Res
    Doc_0/Res/font_N.ttf            each font as a TrueType subset of the glyphs drawn in it
    Doc_0/Pages/Page_N/Content.xml  one page (§7.7): a Background layer with the pagination
                                    artifacts (running head, folio, their rule), a Body layer
                                    with the content in reading order (§11 text objects,
                                    §9 path objects); N counts from 0
    Doc_0/Attachs/Attachments.xml   the attachment list (§20) and the TEI source beside it

Units: OFD measures in millimetres from the top left corner (§5.2, y downwards); the recording
is in PDF points from the bottom left, so ``mm = pt × 25.4 / 72`` and ``y_ofd = height − y``.
A text object is one run of glyphs on one baseline in one font, size, colour and link target;
its ``TextCode`` carries the characters, ``X``/``Y`` the first glyph's pen position in the
object's ``Boundary`` and ``DeltaX`` the distance from each glyph to the next (§11.3), so the
layout's justification is kept exactly. A run inside a contents link gets a ``CLICK`` action
going to the article (§14 ``Goto``/``Dest``); the contents list's page-label column is named
``PageLabel`` (``Name``), being navigation the writer adds, not source text.

Determinism: IDs are given in drawing order, numbers are written with at most three decimals,
the fonts are subset without touching their timestamps, and the zip has sorted entries with one
fixed time (:func:`zip_package`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from lxml import etree

from convert.errors import WriterError
from convert.validators.ofd import OFD_NS
from convert.writers.containers import deterministic_zip
from convert.writers.ofd.record import Glyph, Link, Page, Rule

NSMAP = {"ofd": OFD_NS}
MM = 25.4 / 72.0
#: Part of the em above the baseline a text object's Boundary reaches, and its full height.
ASCENT, HEIGHT = 1.0, 1.3
DOC = "Doc_0"


def num(v: float) -> str:
    """*v* with at most three decimals, no trailing zeros, never ``-0`` (ST_Array numbers)."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _q(name: str) -> str:
    return f"{{{OFD_NS}}}{name}"


def _el(parent, name: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, _q(name), {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _root(name: str, **attrs) -> etree._Element:
    return etree.Element(_q(name), {k: v for k, v in attrs.items() if v is not None}, nsmap=NSMAP)


def to_xml(root: etree._Element) -> bytes:
    """The part's bytes: XML declaration, UTF-8, no indentation (text content stays exact)."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@dataclass
class FontRes:
    """An embedded font: OFD ID, reportlab name, file and TTC index, names, characters used."""

    id: int
    name: str
    file: str
    subfont: int
    family: str
    chars: set
    serif: bool = False
    #: ``{character: glyph id}`` drawn with another glyph than the ``cmap``'s (a variation sequence)
    remap: dict = None  # type: ignore[assignment]


class _Ids:
    """ST_ID allocator: 1, 2, 3 … in the order parts are built (Document ``MaxUnitID``)."""

    def __init__(self):
        self.last = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


def _runs(items: list, links: list[Link]) -> list:
    """Group a page's recorded items into text runs (lists of glyphs) and rules, in order.

    A run ends where the baseline, font, size, colour, artifact flag, form, or link target
    changes, or where the next glyph does not start where the previous one's advance ends."""
    out: list = []
    run: list[Glyph] = []
    run_link: str | None = None

    def link_of(g: Glyph) -> str | None:
        cx = g.x + max(g.advance, 0.0) / 2
        for lk in links:
            x0, y0, x1, y1 = lk.rect
            if x0 - 0.01 <= cx <= x1 + 0.01 and y0 - 0.01 <= g.y <= y1 + 0.01:
                return lk.dest
        return None

    for item in items:
        if isinstance(item, Rule):
            if run:
                out.append((run, run_link))
                run = []
            out.append(item)
            continue
        g = item
        lk = link_of(g)
        if run:
            p = run[-1]
            same = (g.font == p.font and abs(g.size - p.size) < 1e-6 and g.color == p.color
                    and g.artifact == p.artifact and g.form == p.form and lk == run_link
                    and abs(g.y - p.y) < 1e-6 and abs(g.x - (p.x + p.advance)) < 0.01)
            if not same:
                out.append((run, run_link))
                run = []
        if not run:
            run_link = lk
        run.append(g)
    if run:
        out.append((run, run_link))
    return out


class Builder:
    """Builds the XML parts of one OFD document from recorded pages (see the module docstring).

    ``pages``: recorded :class:`Page` list; ``fonts``: ``{reportlab name: (file, subfont,
    family[, {character: glyph id}])}`` (the last for a font drawing variation sequences); ``destinations``: ``{name: (page index, left pt, top pt)}``; ``outline``:
    ``[(title, destination, level)]``; ``meta``: :class:`convert.writers.pdf.Metadata`;
    ``attachment``: ``(file name, bytes)`` of the TEI source; ``creator``: ``"convert X.Y"``.
    """

    def __init__(self, pages: list[Page], fonts: dict, destinations: dict, outline: list, meta,
                 attachment: tuple[str, bytes], version: str, doc_id: str):
        self.pages = pages
        self.font_files = fonts
        self.destinations = destinations
        self.outline = outline
        self.meta = meta
        self.attachment = attachment
        self.version = version
        self.doc_id = doc_id
        self.ids = _Ids()
        self.fonts: dict[str, FontRes] = {}
        self.page_ids: list[int] = []

    # -- resources ------------------------------------------------------------------------------
    def _font(self, name: str) -> FontRes:
        res = self.fonts.get(name)
        if res is None:
            try:
                file, subfont, family, *remap = self.font_files[name]
            except KeyError:
                raise WriterError(f"ofd: the layout used font {name}, which styles/pdf.json does not name") from None
            res = self.fonts[name] = FontRes(0, name, file, subfont, family, set(), remap=remap[0] if remap else {})
        return res

    def _collect_fonts(self) -> None:
        for page in self.pages:
            for item in page.items:
                if isinstance(item, Glyph):
                    self._font(item.font).chars.add(item.ch)
        # IDs in order of first use, so that the same document gives the same numbering
        order = []
        for page in self.pages:
            for item in page.items:
                if isinstance(item, Glyph) and item.font not in order:
                    order.append(item.font)
        for name in order:
            self.fonts[name].id = self.ids()

    # -- pages ----------------------------------------------------------------------------------
    def _dest(self, parent, name: str) -> bool:
        hit = self.destinations.get(name)
        if hit is None or hit[0] >= len(self.page_ids):
            return False
        index, left, top = hit
        height = self.pages[index].height
        _el(parent, "Dest", Type="XYZ", PageID=str(self.page_ids[index]), Left=num(left * MM),
            Top=num((height - top) * MM))
        return True

    def _goto(self, parent, name: str) -> None:
        if name not in self.destinations:
            return
        actions = _el(parent, "Actions")
        action = _el(actions, "Action", Event="CLICK")
        self._dest(_el(action, "Goto"), name)

    def _text(self, layer, run: list[Glyph], link: str | None, height: float) -> None:
        g0 = run[0]
        size = g0.size * MM
        x0 = g0.x * MM
        base = (height - g0.y) * MM
        width = max(sum(g.advance for g in run) * MM, size * 0.1)
        top = base - ASCENT * size
        attrs = {"ID": str(self.ids()), "Boundary": f"{num(x0)} {num(top)} {num(width)} {num(HEIGHT * size)}",
                 "Font": str(self.fonts[g0.font].id), "Size": num(size)}
        if g0.form is not None:
            attrs["Name"] = "PageLabel"
        obj = _el(layer, "TextObject", **attrs)
        if link:
            self._goto(obj, link)
        if g0.color != (0, 0, 0):
            _el(obj, "FillColor", Value=" ".join(str(c) for c in g0.color))
        deltas = [num((b.x - a.x) * MM) for a, b in zip(run, run[1:])]
        code = _el(obj, "TextCode", "".join(g.ch for g in run), X="0", Y=num(ASCENT * size))
        if deltas:
            code.set("DeltaX", " ".join(deltas))

    def _path(self, layer, rule: Rule, height: float) -> None:
        lw = rule.width * MM
        xa, ya = rule.x1 * MM, (height - rule.y1) * MM
        xb, yb = rule.x2 * MM, (height - rule.y2) * MM
        left, top = min(xa, xb) - lw / 2, min(ya, yb) - lw / 2
        w, h = abs(xb - xa) + lw, abs(yb - ya) + lw
        attrs = {"ID": str(self.ids()), "Boundary": f"{num(left)} {num(top)} {num(w)} {num(h)}",
                 "LineWidth": num(lw)}
        if rule.cap == 1:
            attrs["Cap"] = "Round"
        elif rule.cap == 2:
            attrs["Cap"] = "Square"
        if rule.dash:
            attrs["DashPattern"] = " ".join(num(d * MM) for d in rule.dash)
        obj = _el(layer, "PathObject", **attrs)
        _el(obj, "StrokeColor", Value=" ".join(str(c) for c in rule.color))
        _el(obj, "AbbreviatedData",
            f"M {num(xa - left)} {num(ya - top)} L {num(xb - left)} {num(yb - top)}")

    def _page(self, page: Page) -> etree._Element:
        root = _root("Page")
        area = _el(root, "Area")
        _el(area, "PhysicalBox", f"0 0 {num(page.width * MM)} {num(page.height * MM)}")
        content = _el(root, "Content")
        parts = _runs(page.items, page.links)

        def artifact(p) -> bool:
            return p.artifact if isinstance(p, Rule) else p[0][0].artifact

        for kind, wanted in (("Background", True), ("Body", False)):
            chosen = [p for p in parts if artifact(p) == wanted]
            if not chosen:
                continue
            layer = _el(content, "Layer", ID=str(self.ids()), Type=kind)
            for p in chosen:
                if isinstance(p, Rule):
                    self._path(layer, p, page.height)
                else:
                    self._text(layer, p[0], p[1], page.height)
        return root

    # -- document -------------------------------------------------------------------------------
    def _outlines(self, parent) -> None:
        entries = [e for e in self.outline if e[1] in self.destinations]
        if not entries:
            return
        outlines = _el(parent, "Outlines")
        stack: list[tuple[int, etree._Element]] = [(-1, outlines)]
        for title, dest, level in entries:
            while stack[-1][0] >= level:
                stack.pop()
            name = "OutlineElem"
            el = _el(stack[-1][1], name, Title=title)
            # CT_OutlineElem: Actions come before the child elements
            self._goto(el, dest)
            stack.append((level, el))

    def parts(self) -> dict[str, bytes]:
        """``{zip entry name: bytes}`` of the whole package (XML parts, fonts, attachment)."""
        from convert.writers.ofd.fonts import subset_font

        self._collect_fonts()
        self.page_ids = [self.ids() for _ in self.pages]
        out: dict[str, bytes] = {}
        for k, page in enumerate(self.pages):
            out[f"{DOC}/Pages/Page_{k}/Content.xml"] = to_xml(self._page(page))

        # resources
        public = _root("Res", BaseLoc="Res")
        if self.fonts:
            fonts_el = _el(public, "Fonts")
            for res in sorted(self.fonts.values(), key=lambda r: r.id):
                data, full, family, serif = subset_font(res.file, res.subfont, res.chars, res.remap)
                fname = f"font_{res.id}.ttf"
                out[f"{DOC}/Res/{fname}"] = data
                el = _el(fonts_el, "Font", ID=str(res.id), FontName=full or res.name,
                         FamilyName=res.family or family or None, Serif="true" if serif else None)
                _el(el, "FontFile", fname)
        out[f"{DOC}/PublicRes.xml"] = to_xml(public)
        out[f"{DOC}/DocumentRes.xml"] = to_xml(_root("Res", BaseLoc="Res"))

        # attachment: the TEI source (as PDF/A-3b carries it)
        name, data = self.attachment
        atts = _root("Attachments")
        date = self._date_time()
        att = _el(atts, "Attachment", ID="tei", Name=name, Format="xml", CreationDate=date,
                  ModDate=self._date_time("modified"),
                  Size=num(len(data) / 1024), Usage="source")
        _el(att, "FileLoc", name)
        out[f"{DOC}/Attachs/Attachments.xml"] = to_xml(atts)
        out[f"{DOC}/Attachs/{name}"] = data

        # Document.xml
        doc = _root("Document")
        common = _el(doc, "CommonData")
        max_el = _el(common, "MaxUnitID", "0")
        area = _el(common, "PageArea")
        first = self.pages[0] if self.pages else Page(595.2756, 841.8898)
        _el(area, "PhysicalBox", f"0 0 {num(first.width * MM)} {num(first.height * MM)}")
        _el(common, "PublicRes", "PublicRes.xml")
        _el(common, "DocumentRes", "DocumentRes.xml")
        pages_el = _el(doc, "Pages")
        for k, pid in enumerate(self.page_ids):
            _el(pages_el, "Page", ID=str(pid), BaseLoc=f"Pages/Page_{k}/Content.xml")
        self._outlines(doc)
        prefs = _el(doc, "VPreferences")
        _el(prefs, "PageMode", "UseOutlines" if self.outline else "None")
        _el(prefs, "TabDisplay", "DocTitle")
        _el(doc, "Attachments", "Attachs/Attachments.xml")
        max_el.text = str(self.ids.last)
        out[f"{DOC}/Document.xml"] = to_xml(doc)

        out["OFD.xml"] = to_xml(self._ofd())
        return out

    def _date(self, which: str = "date") -> str | None:
        """The metadata's creation (``date``) or modification (``modified``) date as ``xs:date``."""
        d = getattr(self.meta, which, None)
        return d[:10] if d else None

    def _date_time(self, which: str = "date") -> str | None:
        d = getattr(self.meta, which, None)
        return d or None

    def _ofd(self) -> etree._Element:
        root = _root("OFD", Version="1.0", DocType="OFD")
        body = _el(root, "DocBody")
        info = _el(body, "DocInfo")
        m = self.meta
        _el(info, "DocID", self.doc_id)
        if m.title:
            _el(info, "Title", m.title)
        if m.author:
            _el(info, "Author", m.author)
        if m.subject:
            _el(info, "Subject", m.subject)
        if self._date():
            _el(info, "CreationDate", self._date())
        if self._date("modified"):
            _el(info, "ModDate", self._date("modified"))
        _el(info, "DocUsage", "Normal")
        keywords = [k for k in (m.keywords or "").split("; ") if k]
        if keywords:
            kw = _el(info, "Keywords")
            for k in keywords:
                _el(kw, "Keyword", k)
        _el(info, "Creator", "convert")
        _el(info, "CreatorVersion", self.version)
        if m.lang:
            datas = _el(info, "CustomDatas")
            _el(datas, "CustomData", m.lang, Name="Language")
        _el(body, "DocRoot", f"{DOC}/Document.xml")
        return root


def doc_id(data: bytes) -> str:
    """A document identifier (``DocID``, 32 hex digits as OFD producers write a UUID) derived
    from the TEI bytes, so the same source gives the same file."""
    return hashlib.md5(data).hexdigest()


def zip_package(parts: dict[str, bytes], date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The OFD container (GB/T 33190-2016 §7.1: a ZIP file): ``OFD.xml`` first, the other
    entries sorted by name, every timestamp *date_time*, permissions 0644, XML deflated, fonts
    deflated. Same parts in → same bytes out."""
    return deterministic_zip(parts, "OFD.xml", date_time)
