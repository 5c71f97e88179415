"""The body: sections, articles, sub-headings, paragraphs, bylines, jump lines, briefs.

Headings are found in three ways, strongest first: the printed contents list (a body line that
matches an entry or a section name), the source's own markup (``#``, a line wholly in ``**…**`` or
``<b>…</b>``), and the line's shape (short, no sentence punctuation, followed by running text).
Markdown levels are not trusted: whether a heading names a section or an article comes from the
contents list, or, without one, from a short heading followed directly by another heading.

A paragraph that stops mid-sentence (see :func:`convert.reader.layout.unfinished`) goes on in the
next line: an old page break cut it, and the two parts become one ``<p>`` with a ``<pb/>`` where
the break was (TEI-CONVENTIONS.md point 5). A heading is never joined to anything.

Pass :func:`build_body`: it may touch the :class:`LogicalText`'s ``builder`` and ``body``, the
contents entries' targets and the roles and evidence of the body's lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from convert.reader.body import (BRIEF_RE, BYLINE_LINE_RE, REDUPLICATED, SUBHEAD_RE, _similar, balanced_subheading,
                                 emit_marks, heading_segments, inline, lead_marks, split_specials, MATCH_RATIO)
from convert.reader.layout import Contents, heading_shape, paragraph_shape, unfinished
from convert.reader.lines import Line, is_mark
from convert.reader.names import tag_byline
from convert.reader.logical.state import LogicalText
from convert.tei import E, XML_ID


@dataclass
class Heading:
    """A heading decision: ``kind`` (``section``, ``article``, ``subsection``), the contents
    entry it matches (index into ``Contents.entries``), the evidence ``why`` and ``cert``
    (``"medium"`` when the evidence is weak, else ``None``)."""

    kind: str
    entry: int | None = None
    why: str = ""
    cert: str | None = None


class BodyBuilder:
    """Turns the body lines into ``<body>``; one instance per document.

    ``contents`` is the printed contents list or ``None``. After :meth:`build`, each contents
    entry's ``target`` holds the ``xml:id`` of the article it names (or ``None``).
    """

    def __init__(self, lines: list[Line], contents: Contents | None, structureless: bool = False):
        self.lines = lines
        self.contents = contents
        self.entries = contents.entries if contents else []
        self.section_keys = contents.section_keys if contents else []
        self.section_ids: dict[int, str] = {}
        self.body = E.body()
        self.section: etree._Element | None = None
        self.section_is_brief = False
        self.article: etree._Element | None = None
        self.sub: etree._Element | None = None
        self.para: etree._Element | None = None
        self.para_open = False
        self.article_closed = False
        self.n_section = 0
        self.n_article = 0
        self.headings_found = 0
        self.doubled = 0
        self.names = 0
        #: lines whose heading decision is weakly supported (``@cert`` set)
        self.weak: list[Line] = []
        #: no heading anywhere: two or more blank lines start a new untitled article
        self.structureless = structureless

    # -- classification -------------------------------------------------------------------
    def _entry_match(self, line: Line) -> int | None:
        if len(line.key) > 60 or any(c in "。；，," for c in line.text):
            return None
        if not (line.marked or heading_shape(line) or len(line.key) <= 50):
            return None
        best, best_i = 0.0, None
        for i, e in enumerate(self.entries):
            r = _similar(line.key, e.key)
            # an entry an earlier heading already took is matched again only exactly
            if e.target is not None and r < 1.0:
                continue
            if r > best:
                best, best_i = r, i
        return best_i if best >= MATCH_RATIO else None

    def _next_is_heading(self, i: int) -> bool:
        if i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1]
        return (nxt.marked or heading_shape(nxt)) and not paragraph_shape(nxt)

    def _balanced_siblings(self, i: int) -> bool:
        """Line *i* has the ``X，Y`` sub-heading shape and another line of that shape stands in
        the same article (between the nearest headings of the contents list or markup)."""
        if not balanced_subheading(self.lines[i].key):
            return False
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= 60:
                other = self.lines[j]
                if other.marked or other.key in self.section_keys or (
                        self.entries and self._entry_match(other) is not None):
                    break
                if balanced_subheading(other.key):
                    return True
                j += step
        return False

    def classify(self, i: int) -> Heading | None:
        """Decide whether line *i* is a heading and of what kind (``None``: running text).

        Evidence, strongest first: a section name or an entry of the printed contents list; the
        source's markup (``#`` whatever punctuation the line holds; a wholly bold line unless it
        is a finished sentence); a bare ``X，Y`` sub-heading with a sibling of the same shape;
        the line's shape (short, no sentence punctuation) with running text after it.
        """
        line = self.lines[i]
        if line.key in self.section_keys:
            return Heading("section", why="a section name of the contents list")
        entry = self._entry_match(line)
        if entry is not None:
            return Heading("article", entry, why=f"matches contents entry {entry + 1}")
        if self.para_open:
            return None  # the previous paragraph goes on here
        if self.article is not None and self._balanced_siblings(i):
            return Heading("subsection", why="two balanced clauses X，Y, with a sibling of that shape")
        marked = len(line.key) <= 60 and (line.level > 0 or (
            line.all_bold and not line.text.rstrip()[-1:] in "。；;"))
        shaped = heading_shape(line) and i + 1 < len(self.lines) and (
            paragraph_shape(self.lines[i + 1]) or self._next_is_heading(i)
        )
        if not (marked or shaped):
            return None
        if self.contents and not marked and not SUBHEAD_RE.match(line.key):
            # with a printed contents list, an unmarked line it does not name is no article heading
            return None
        if BYLINE_LINE_RE.match(line.key) or split_specials(line.segments)[2]:
            return None
        why = "markup (# or bold)" if marked else "short, no sentence punctuation, running text follows"
        cert = None if marked else ((None if line.weak_join else line.cert) or ("medium" if any(c in "！？!?" for c in line.text) else None))
        if cert and cert != line.cert:
            why += "; an exclamation or question mark inside"
        if SUBHEAD_RE.match(line.key) and self.article is not None and len(self.article) > 1:
            return Heading("subsection", why=why + "; numbered like a sub-heading", cert=cert)
        if BRIEF_RE.search(line.key) and len(line.key) <= SECTION_NAME_MAX:
            return Heading("section", why=why + "; names a brief-news column", cert=cert)
        if (not self.contents and len(line.key) <= SECTION_NAME_MAX and self._next_is_heading(i)
                and not self.lines[i + 1].key.startswith("—")):  # a title's ——subtitle is no article
            return Heading("section", why=why + "; short and followed by a heading", cert=cert)
        return Heading("article", why=why, cert=cert)

    # -- building ---------------------------------------------------------------------------
    def _container(self) -> etree._Element:
        return self.section if self.section is not None else self.body

    def _head(self, line: Line, cert: str | None = None) -> etree._Element:
        head = inline(E.head(), heading_segments(line))
        if cert:
            head.set("cert", cert)
            self.weak.append(line)
        return head

    def _new_article(self, head: Line | None, entry: int | None, cert: str | None = None) -> None:
        self.n_article += 1
        kind = "brief" if self.section_is_brief else "article"
        div = E.div(type=kind)
        div.set(XML_ID, f"a{self.n_article}")
        if head is not None:
            # an old page break right before the heading stands between the divisions
            marks, rest = lead_marks(head.segments)
            emit_marks(self._container(), marks)
            head.segments = rest
            div.append(self._head(head, cert))
        self._container().append(div)
        self.article, self.sub, self.para, self.para_open = div, None, None, False
        self.article_closed = False
        if entry is not None and self.entries[entry].target is None:
            self.entries[entry].target = div.get(XML_ID)

    def _new_section(self, head: Line, cert: str | None = None) -> None:
        self.n_section += 1
        div = E.div(type="section")
        div.set(XML_ID, f"s{self.n_section}")
        marks, rest = lead_marks(head.segments)
        emit_marks(self.section if self.section is not None else self.body, marks)
        head.segments = rest
        div.append(self._head(head, cert))
        self.body.append(div)
        self.section, self.article, self.sub, self.para, self.para_open = div, None, None, None, False
        self.section_is_brief = bool(BRIEF_RE.search(head.key))
        if head.key in self.section_keys:
            self.section_ids[self.section_keys.index(head.key)] = div.get(XML_ID)

    def _block_parent(self, paragraph: bool = True) -> etree._Element:
        """The div a new block goes into; a new untitled article (or brief) when the current one
        is closed (by a byline or jump line) or, in a brief-news column, for each new paragraph."""
        if self.article is None or (paragraph and self.article_closed):
            self._new_article(None, None)
        elif paragraph and self.section_is_brief and any(c.tag.endswith("}p") for c in self.article):
            self._new_article(None, None)
        return self.sub if self.sub is not None else self.article

    def _note(self, kind: str, segs) -> None:
        parent = self._block_parent(paragraph=False)
        if kind == "byline" and self.sub is not None and self.para is not None:
            # a credit after the last sub-heading's text is the whole article's (TEI divBottom)
            parent, self.sub = self.article, None
        el = E.byline() if kind == "byline" else E.note(type=kind)
        parent.append(inline(el, segs))
        if kind == "byline":
            self.names += tag_byline(el)
        self.para, self.para_open = None, False
        # a credit or jump line after text ends the article; one right under the heading does not
        self.article_closed = any(c.tag.endswith(("}p", "}div")) for c in self.article)

    def _text_line(self, line: Line) -> None:
        if not self.para_open and BYLINE_LINE_RE.match(line.key) and len(line.key) <= 20 and not paragraph_shape(line):
            line.note("byline", "a reporter line (记者 …)")
            self._note("byline", line.segments)
            return
        if self.structureless and line.blanks_before >= 2 and not self.para_open and self.article is not None:
            self.article_closed = True
        lead, segs, trail = split_specials(line.segments)
        for kind, note in lead:
            self._note(kind, note)
        if segs:
            if self.para_open and self.para is not None:
                has_pb = any(is_mark(s) and s.kind == "pb" for s, _ in segs)
                if line.blank_before and not has_pb:
                    self.para.append(E.pb())
                    segs = self._doubled_at_break(segs)
                inline(self.para, segs)
                self._weak_paragraph(line)
                line.note("paragraph (continued)", "the paragraph above stopped mid-sentence: joined"
                          + (" across an old page break" if line.blank_before or has_pb else ""))
            else:
                parent = self._block_parent()
                # a page that broke between paragraphs: the furniture stands between them
                marks, segs = lead_marks(segs)
                emit_marks(parent, marks)
                if segs:
                    self.para = inline(E.p(), segs)
                    parent.append(self.para)
                    self._weak_paragraph(line)
                else:  # the line was only a note after the page break
                    self.para = None
                if not line.role or line.role.startswith("furniture"):
                    line.note("paragraph", "running text")
            self.para_open = self.para is not None and unfinished("".join(s for s, _ in segs)) and not trail
        for kind, note in trail:
            self._note(kind, note)

    def _weak_paragraph(self, line: Line) -> None:
        """A paragraph holding a line whose hard-wrapped parts were joined on weak evidence gets
        ``@cert`` (and the line goes to the warnings)."""
        if line.weak_join and line.cert and self.para is not None and not self.para.get("cert"):
            self.para.set("cert", line.cert)
            self.weak.append(line)

    def _doubled_at_break(self, segs):
        """Mark a character printed twice across a page break (防控 | 控工作) as
        ``<surplus reason="repeated">控</surplus>`` (TEI P5 §12.3.3.1: source text the editor
        believes superfluous; the character stays); returns the segments still to append."""
        before = "".join(self.para.itertext()).rstrip()
        first = segs[0][0]
        if is_mark(first) or not first:
            return segs
        c = first[0]
        if not before or before[-1] != c or not ("\u4e00" <= c <= "\u9fff") or c in REDUPLICATED:
            return segs
        self.para.append(E.surplus(c, reason="repeated"))
        self.doubled += 1
        return [(first[1:], segs[0][1])] + segs[1:]

    def _title_only(self) -> bool:
        """The current article has a heading and nothing else yet."""
        return (self.article is not None and len(self.article) == 1 and self.sub is None
                and self.article[0].tag.endswith("}head") and not self.article_closed)

    def build(self) -> etree._Element:
        """Build and return ``<body>`` (it holds at least one ``<div>``)."""
        for i, line in enumerate(self.lines):
            h = self.classify(i)
            if h is None:
                self._text_line(line)
                continue
            self.headings_found += 1
            self.para, self.para_open = None, False
            line.note(f"heading ({h.kind})", h.why, h.cert)
            if h.kind == "section":
                self._new_section(line, h.cert)
            elif h.kind == "subsection":
                self.sub = E.div(type="subsection")
                self.sub.append(self._head(line, h.cert))
                self.article.append(self.sub)
            elif h.entry is None and self._title_only():
                # a kicker above or a subtitle (——…) below the title: one heading, two lines
                head = self.article[0]
                head.append(E.lb())
                inline(head, heading_segments(line))
                if h.cert and not head.get("cert"):
                    head.set("cert", h.cert)
                    self.weak.append(line)
            else:
                self._new_article(line, h.entry, h.cert)
        if not len(self.body):
            self._new_article(None, None)
            self.article.append(E.p())
        for div in self.body.iter("{*}div"):
            if div.get("type") != "section" and all(c.tag.endswith(("}head", "}fw", "}pb")) for c in div):
                # an article printed as a heading with nothing under it: an empty <p/> (no
                # character added) says so; a section may hold only its heading (TEI P5 §4.1)
                div.append(E.p())
        return self.body


SECTION_NAME_MAX = 8


def build_body(doc: LogicalText) -> None:
    """Body: headings and sub-headings, paragraphs and page-break joins, bylines, notes and
    briefs, in one sweep of :class:`convert.reader.body.BodyBuilder` (each decision depends on
    the one before: a paragraph that stopped mid-sentence goes on in the next line). Without a
    contents list or any heading, the text is read again as untitled articles."""
    body_lines = doc.lines[doc.body_start : doc.colophon_start]
    doc.builder = BodyBuilder(body_lines, doc.contents)
    doc.body = doc.builder.build()
    if not doc.builder.headings_found and doc.contents is None:
        doc.builder = BodyBuilder(body_lines, None, structureless=True)
        doc.body = doc.builder.build()
        doc.structureless = True


