"""Tagged PDF for the PDF writer: the logical structure of the TEI carried into the file (ISO
32000-1 14.7 "Logical structure", 14.8 "Tagged PDF"; ISO 14289-1 PDF/UA-1; ISO 19005-2/-3 level A).

reportlab has no tagging API, so the job is done in two halves:

- While laying out, the walk over the TEI (:mod:`convert.writers.pdf.pages`, one handler per TEI
  element) makes a :class:`StructElement` per structure element in reading order, and the drawing
  code (:mod:`convert.writers.pdf.text`) wraps every run of glyphs it shows in a marked-content
  sequence ``/P <</MCID n>> BDC … EMC`` (:meth:`StructTree.begin`), or, for page furniture (running
  head, folio, rules, contents leaders), in ``/Artifact BMC … EMC`` (:data:`ARTIFACT`). Each run
  belongs to a *content slot*: a leaf of the tree that stands for the marked content of one TEI
  text node, so a paragraph with a link in it reads ``P → [MCID, Link → [MCID, OBJR], MCID]``.
- After layout, :func:`write_structure` writes the tree with pikepdf: ``/StructTreeRoot`` with
  ``/K``, ``/ParentTree`` (number tree: page → its MCIDs' elements; annotation → its ``Link``),
  ``/RoleMap``; ``/StructParents`` and ``/Tabs /S`` on every page; ``/StructParent`` and
  ``/Contents`` on every link annotation (tied to its ``Link`` by an ``OBJR``); ``/MarkInfo
  <</Marked true>>``. ``/Lang`` is set on an element whose ``xml:lang`` differs from the document's.

May touch: the :class:`StructTree` it is given and the opened pikepdf document passed to
:func:`write_structure` (catalog, pages, link annotations); it writes no file.

Sibling order is the order in which elements are *placed* (block elements when their handler
runs, inline content in the order of the block's spans), never the order of drawing; drawing only
gives MCIDs. So the tree follows the TEI even where the layout draws out of order.
"""

from __future__ import annotations

import itertools

from convert.errors import WriterError

#: PDF/A flavours written tagged (ISO 19005-2/-3 level A: the logical structure is kept, 6.8 of
#: 19005-2) and identified as PDF/UA-1 (ISO 14289-1).
TAGGED_FLAVOURS = ("2a", "3a")

#: Content that is not part of the document's content (ISO 32000-1 14.8.2.2): running heads,
#: folios, rules, leaders. Emitted as a bare marked-content sequence (no MCID, not in the tree).
ARTIFACT = "/Artifact BMC"
END = "EMC"

#: Structure types used here that ISO 32000-1 does not define, mapped to standard ones in the
#: ``/RoleMap`` (ISO 32000-1 14.7.3, ISO 14289-1 7.1: every type must map to a standard one).
ROLE_MAP = {
    # the masthead title: ISO 32000-2 has Title, but PDF/UA-1 rests on ISO 32000-1, which does
    # not; mapped to the first-level heading, the document's title for a screen reader's
    # heading navigation
    "Title": "H1",
    "Byline": "P",  # TEI <byline>
}

#: The standard structure types of ISO 32000-1 14.8.4 this writer uses.
STANDARD = {"Document", "Part", "Art", "Sect", "Div", "TOC", "TOCI", "P", "H1", "H2", "H3", "H4", "H5",
            "H6", "L", "LI", "Lbl", "LBody", "Note", "Reference", "Link", "Span", "NonStruct", "Caption",
            "Table", "TR", "TH", "TD"}


class StructElement:
    """One structure element (``role`` a structure type) or, with ``role`` ``None``, a content
    slot: the marked content of one text run, inlined into its parent when written.

    ``parent``: the element it sits in (``None`` until placed); ``lang``: BCP 47 tag written as
    ``/Lang`` (only where it differs from the surrounding language); ``key``: placement order
    among siblings; ``mcids``: ``[(page, mcid)]`` drawn for a slot; ``annots``: link annotations
    (page, index in drawing order) of a ``Link``; ``text``: characters drawn in a slot, and for a
    ``Link`` whose text is drawn in a form XObject, its description (``/Contents``); ``alt``: an
    alternate description (``/Alt``), e.g. a contents entry's page numbers with their column heads.
    """

    __slots__ = ("role", "parent", "lang", "key", "tree", "mcids", "annots", "text", "note_id", "alt")

    def __init__(self, tree: "StructTree", role: str | None, parent=None, lang: str | None = None):
        self.tree = tree
        self.role = role
        self.parent = parent
        self.lang = lang
        self.key: int | None = None
        self.mcids: list[tuple[int, int]] = []
        self.annots: list[tuple[int, int]] = []
        self.text = ""
        self.note_id: str | None = None
        #: alternate description (``/Alt``, ISO 32000-1 14.9.3) read instead of the content
        self.alt: str | None = None
        tree.elements.append(self)
        if parent is not None:
            self.key = next(tree.counter)

    def owner(self) -> "StructElement":
        """The structure element a slot's content belongs to (itself for an element)."""
        node = self
        while node.role is None:
            node = node.parent
        return node

    def chain(self) -> list["StructElement"]:
        """This node and its ancestors, innermost first, up to the first one not yet placed."""
        out = [self]
        node = self
        while node.parent is not None and node.key is None:
            node = node.parent
            out.append(node)
        return out


class StructTree:
    """The structure tree of one document, filled while laying out.

    ``lang``: the document's language (the catalog's ``/Lang``). ``root`` is the ``Document``
    element. Per page (1-based physical number) ``pages[page]`` lists the slot of each MCID
    (index = MCID) and ``links[page]`` the ``Link`` of each link annotation, in drawing order.
    """

    def __init__(self, lang: str):
        self.lang = lang
        self.counter = itertools.count()
        self.elements: list[StructElement] = []
        self.pages: dict[int, list[StructElement]] = {}
        self.links: dict[int, list[StructElement]] = {}
        self.root = StructElement(self, "Document")
        self.root.key = next(self.counter)
        self._note_ids = itertools.count(1)

    def element(self, role: str, parent: StructElement, lang: str | None = None) -> StructElement:
        """A new element of structure type *role*, placed now as the last child of *parent*."""
        el = StructElement(self, role, parent, lang)
        if role == "Note":  # ISO 14289-1 7.9: a Note has an /ID
            el.note_id = f"note{next(self._note_ids)}"
        return el

    def inline(self, role: str | None, lang: str | None = None) -> StructElement:
        """A new inline element (or slot, *role* ``None``) placed later by :meth:`place`."""
        el = StructElement(self, role, None, lang)
        if role == "Note":
            el.note_id = f"note{next(self._note_ids)}"
        return el

    def place(self, block: StructElement, tags) -> None:
        """Place the inline chains of *tags* (content slots, in reading order) under *block*:
        each chain's outermost unplaced node becomes a child of *block*, and every node gets its
        sibling order from its first appearance."""
        for tag in tags:
            if tag is None:
                continue
            chain = tag.chain()
            top = chain[-1]
            if top.parent is None and top is not block:
                top.parent = block
            for node in reversed(chain):
                if node.key is None and node is not block:
                    node.key = next(self.counter)

    def begin(self, page: int, slot: StructElement, text: str = "") -> str:
        """The ``BDC`` operator opening marked content for *slot* on *page* (a new MCID); *text*
        is the characters it shows (kept for link descriptions)."""
        mcids = self.pages.setdefault(page, [])
        mcid = len(mcids)
        mcids.append(slot)
        slot.mcids.append((page, mcid))
        slot.text += text
        return f"/{slot.owner().role} <</MCID {mcid}>> BDC"

    def link(self, page: int, slot: StructElement) -> None:
        """Record that the next link annotation drawn on *page* belongs to *slot*'s ``Link``."""
        node = slot
        while node is not None and node.role != "Link":
            node = node.parent
        if node is None:
            raise WriterError("pdf: a link annotation is drawn outside a Link structure element")
        self.links.setdefault(page, []).append(node)


def _children(tree: StructTree) -> dict[int, list[StructElement]]:
    kids: dict[int, list[StructElement]] = {}
    for el in tree.elements:
        if el.parent is not None and el.key is not None:
            kids.setdefault(id(el.parent), []).append(el)
    for v in kids.values():
        v.sort(key=lambda e: e.key)
    return kids


def write_structure(pdf, tree: StructTree) -> dict:
    """Write *tree* into the opened pikepdf document *pdf* (the bytes the layout produced).

    Elements with no marked content and no annotation below them are left out. Returns counts:
    ``{"elements", "mcids", "links"}``. Raises :class:`WriterError` when the annotations on a page
    do not match the links recorded while drawing (a drawing path that bypassed the tree).
    """
    import pikepdf

    kids = _children(tree)
    pages = list(pdf.pages)
    page_obj = {n: pages[n - 1].obj for n in range(1, len(pages) + 1)}
    annots_of: dict[int, list] = {}
    for n, page in enumerate(pages, 1):
        annots_of[n] = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == pikepdf.Name.Link]
        if len(annots_of[n]) != len(tree.links.get(n, [])):
            raise WriterError(f"pdf: page {n} has {len(annots_of[n])} link annotations but "
                              f"{len(tree.links.get(n, []))} were tagged")
    link_annots: dict[int, list] = {}
    for n, links in tree.links.items():
        for node, annot in zip(links, annots_of[n]):
            link_annots.setdefault(id(node), []).append((n, annot))

    has_content: dict[int, bool] = {}

    def content(el) -> bool:
        if id(el) not in has_content:
            has_content[id(el)] = bool(el.mcids) or id(el) in link_annots or any(
                content(k) for k in kids.get(id(el), []))
        return has_content[id(el)]

    def text_of(el) -> str:
        """The characters drawn under *el* (a form's label: its ``text``), in placement order."""
        return el.text + "".join(text_of(k) for k in kids.get(id(el), []))

    made: dict[int, pikepdf.Dictionary] = {}
    counts = {"elements": 0, "mcids": 0, "links": 0}
    next_key = len(pages)
    parent_tree: dict[int, object] = {}

    def build(el, parent_obj) -> pikepdf.Dictionary:
        nonlocal next_key
        d = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + el.role),
                                                 P=parent_obj))
        made[id(el)] = d
        counts["elements"] += 1
        if el.lang:
            d.Lang = pikepdf.String(el.lang)
        if el.note_id:
            d.ID = pikepdf.String(el.note_id)
        if el.alt:
            d.Alt = pikepdf.String(el.alt)
        k = pikepdf.Array()
        first_page = None

        def add_mcids(slot):
            nonlocal first_page
            for page, mcid in slot.mcids:
                if first_page is None:
                    first_page = page
                    d.Pg = page_obj[page]
                if page == first_page:
                    k.append(mcid)
                else:
                    k.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page_obj[page], MCID=mcid))
                counts["mcids"] += 1

        for kid in kids.get(id(el), []):
            if not content(kid):
                continue
            if kid.role is None:
                add_mcids(kid)
                # a slot's own children (none are made) are not expected
            else:
                k.append(build(kid, d))
        for page, annot in link_annots.get(id(el), []):
            annot.StructParent = next_key
            parent_tree[next_key] = d
            next_key += 1
            annot.Contents = pikepdf.String(text_of(el) or "link")
            k.append(pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot, Pg=page_obj[page]))
            counts["links"] += 1
        d.K = k
        return d

    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = build(tree.root, root)
    # the parent tree: one array per page, indexed by MCID
    for n in range(1, len(pages) + 1):
        slots = tree.pages.get(n, [])
        owners = [made.get(id(s.owner())) for s in slots]
        if any(o is None for o in owners):
            raise WriterError(f"pdf: page {n} has marked content outside the structure tree")
        arr = pikepdf.Array(owners)
        parent_tree[n - 1] = pdf.make_indirect(arr)
        pages[n - 1].obj.StructParents = n - 1
        pages[n - 1].obj.Tabs = pikepdf.Name.S  # ISO 14289-1 7.18.3
    nums = pikepdf.Array()
    for key in sorted(parent_tree):
        nums.append(key)
        nums.append(parent_tree[key])
    root.K = pikepdf.Array([document])
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = next_key
    root.RoleMap = pikepdf.Dictionary({"/" + k: pikepdf.Name("/" + v) for k, v in ROLE_MAP.items()})
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    return counts
