"""What the PDF layout draws, page by page: a recording reportlab canvas for the OFD writer.

The OFD writer does not set text itself: the PDF writer's layout (:mod:`convert.writers.pdf`:
platypus pages, clreq line breaking in :mod:`convert.writers.pdf.text`) draws on a
:class:`RecordingCanvas`, which keeps every drawing call it receives as positioned items in PDF
default user space (points, origin at the lower left), besides producing the PDF stream as usual:

- :class:`Glyph` — one character: font (reportlab name), size, fill colour, pen position and
  advance (the layout's own: the hmtx advance reportlab measures, plus the character spacing the
  justification gave the line), whether it is a pagination artifact;
- :class:`Rule` — a stroked line segment: ends, width, colour, dash pattern, cap;
- :class:`Link` — a link rectangle and the destination name it goes to;
- destinations (``bookmarkPage``) and outline entries (``addOutlineEntry``), in drawing order.

Pagination artifacts are what the PDF writer wraps in ``/Artifact`` marked content (running
head, folio and their rule; ISO 32000-1 14.8.2.2): the canvas follows the ``BMC``/``BDC`` …
``EMC`` literals it is given. Form XObjects (the contents list's page-label column, defined
after the last page) are recorded as forms and placed where ``doForm`` used them
(:meth:`RecordingCanvas.pages`).

A drawing call the recorder does not know (an image, a rectangle, ``drawString``) raises
:class:`convert.errors.WriterError` naming it, so that nothing the PDF shows is silently missing
from the OFD. This module touches nothing but the canvas it is given to the layout as.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from convert.errors import WriterError

Matrix = tuple[float, float, float, float, float, float]


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix that applies *inner* first, then *outer* (PDF ``cm`` concatenation)."""
    a0, b0, c0, d0, e0, f0 = outer
    a, b, c, d, e, f = inner
    return (a0 * a + c0 * b, b0 * a + d0 * b, a0 * c + c0 * d, b0 * c + d0 * d,
            a0 * e + c0 * f + e0, b0 * e + d0 * f + f0)


def _rgb(color) -> tuple[int, int, int]:
    """A reportlab colour as 0–255 RGB integers (black when none is set)."""
    if color is None:
        return (0, 0, 0)
    r, g, b = color.rgb()
    return (round(r * 255), round(g * 255), round(b * 255))


@dataclass
class Glyph:
    """One drawn character: pen position (x, y) and advance in pt, default user space."""

    ch: str
    font: str
    size: float
    x: float
    y: float
    advance: float
    color: tuple[int, int, int]
    artifact: bool
    #: drawn by a form XObject (the contents list's page-label column), not by the page
    form: str | None = None


@dataclass
class Rule:
    """A stroked segment from (x1, y1) to (x2, y2), pt in default user space."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    color: tuple[int, int, int]
    dash: tuple[float, ...]
    cap: int
    artifact: bool


@dataclass
class Link:
    """A link rectangle ``(x0, y0, x1, y1)`` (pt, default user space) to destination *dest*."""

    rect: tuple[float, float, float, float]
    dest: str


@dataclass
class Page:
    """Everything drawn on one page, in drawing order (``items``), and its size in pt."""

    width: float
    height: float
    items: list = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class FormUse:
    """A ``doForm`` call: form *name* drawn with matrix *ctm*."""

    name: str
    ctm: Matrix
    artifact: bool


class _RecordingText(PDFTextObject):
    """A reportlab text object that also tells its canvas each character it sets and where."""

    def __init__(self, canvas, x=0, y=0, direction=None):
        super().__init__(canvas, x, y, direction=direction)
        self._pen = [x, y]
        self._glyphs: list[Glyph] = []

    def textOut(self, text):
        canv = self._canvas
        font = pdfmetrics.getFont(self._fontname)
        face = getattr(font, "face", None)
        if face is None or not hasattr(face, "charWidths"):
            raise WriterError(f"ofd: the layout set text in {self._fontname}, which is not an embedded TrueType font")
        if (getattr(self, "_horizScale", 100) or 100) != 100 or getattr(self, "_wordSpace", 0) or self._rise:
            raise WriterError("ofd: the layout set text with horizontal scaling, word spacing or rise, "
                              "which the OFD recorder does not follow")
        color = _rgb(getattr(self, "_fillColorObj", None))
        cs = getattr(self, "_charSpace", 0.0) or 0.0
        for ch in text:
            advance = 0.001 * self._fontsize * face.charWidths.get(ord(ch), face.defaultWidth)
            self._glyphs.append(Glyph(ch, self._fontname, self._fontsize, self._pen[0], self._pen[1],
                                      advance + cs, color, canv._artifact_depth > 0))
            self._pen[0] += advance + cs
        return super().textOut(text)

    def setTextOrigin(self, x, y):
        """Start the next glyph at (x, y): compressed punctuation, a mark placed in its cell."""
        self._pen = [x, y]
        return super().setTextOrigin(x, y)

    def textLine(self, text=""):
        raise WriterError("ofd: the layout used textLine, which the OFD recorder does not follow")

    textLines = textLine

    def moveCursor(self, dx, dy):
        raise WriterError("ofd: the layout moved the text cursor, which the OFD recorder does not follow")


class RecordingCanvas(Canvas):
    """A reportlab canvas that records what is drawn (see the module docstring).

    After the document is built: :meth:`pages` gives the recorded pages (forms placed),
    ``destinations`` is ``{name: (page index (0-based), left, top)}`` (pt, default user space) and
    ``outline`` the list of ``(title, destination name, level)`` in drawing order.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[Page] = []
        self._current = Page(*self._pagesize)
        self._forms: dict[str, list] = {}
        self._form_name: str | None = None
        self._saved_current: Page | None = None
        self._artifact_depth = 0
        self._marks: list[bool] = []
        self.destinations: dict[str, tuple[int, float, float]] = {}
        self.outline: list[tuple[str, str, int]] = []

    # -- sinks ----------------------------------------------------------------------------------
    def _items(self) -> list:
        if self._form_name is not None:
            return self._forms[self._form_name]
        return self._current.items

    def showPage(self):
        self._current.width, self._current.height = self._pagesize
        self._pages.append(self._current)
        self._current = Page(*self._pagesize)
        self._artifact_depth = 0
        self._marks = []
        return super().showPage()

    def beginForm(self, name, lowerx=0, lowery=0, upperx=None, uppery=None):
        super().beginForm(name, lowerx, lowery, upperx, uppery)
        self._form_name = name
        self._forms[name] = []

    def endForm(self, **extra):
        self._form_name = None
        return super().endForm(**extra)

    # -- marked content -------------------------------------------------------------------------
    def addLiteral(self, s, escaped=1):
        for line in str(s).splitlines():
            op = line.strip().split()[-1] if line.strip() else ""
            if op in ("BMC", "BDC"):
                artifact = line.strip().startswith("/Artifact")
                self._marks.append(artifact)
                self._artifact_depth += 1 if artifact else 0
            elif op == "EMC" and self._marks:
                if self._marks.pop():
                    self._artifact_depth -= 1
        return super().addLiteral(s, escaped)

    # -- text -----------------------------------------------------------------------------------
    def beginText(self, x=0, y=0, direction=None):
        return _RecordingText(self, x, y, direction=direction)

    def drawText(self, aTextObject):
        glyphs = getattr(aTextObject, "_glyphs", None)
        if glyphs is None:
            raise WriterError("ofd: the layout drew a text object the OFD recorder did not make")
        m = self._currentMatrix
        if m[1] or m[2] or m[0] <= 0 or m[3] <= 0:
            raise WriterError("ofd: the layout drew rotated or mirrored text, which the OFD writer does not set")
        for g in glyphs:
            x, y = _apply(m, g.x, g.y)
            g.x, g.y = x, y
            g.size *= m[3]
            g.advance *= m[0]
            g.artifact = g.artifact or self._artifact_depth > 0
            self._items().append(g)
        aTextObject._glyphs = []
        return super().drawText(aTextObject)

    # -- lines ----------------------------------------------------------------------------------
    def line(self, x1, y1, x2, y2):
        m = self._currentMatrix
        ax1, ay1 = _apply(m, x1, y1)
        ax2, ay2 = _apply(m, x2, y2)
        dash = tuple(float(v) for v in self._lineDash) if isinstance(self._lineDash, (list, tuple)) else ()
        self._items().append(Rule(ax1, ay1, ax2, ay2, self._lineWidth * abs(m[3] or 1.0),
                                  _rgb(self._strokeColorObj), dash, self._lineCap, self._artifact_depth > 0))
        return super().line(x1, y1, x2, y2)

    def setDash(self, array=[], phase=0):
        super().setDash(array, phase)
        # reportlab writes the operator but keeps no state; the state stack saves _lineDash
        self._lineDash = (array, phase) if isinstance(array, (int, float)) else tuple(array)

    # -- forms ----------------------------------------------------------------------------------
    def doForm(self, name):
        self._items().append(FormUse(name, self._currentMatrix, self._artifact_depth > 0))
        return super().doForm(name)

    # -- navigation -----------------------------------------------------------------------------
    def bookmarkPage(self, key, fit="Fit", left=None, top=None, bottom=None, right=None, zoom=None):
        self.destinations[key] = (len(self._pages), float(left or 0), float(top if top is not None else self._pagesize[1]))
        return super().bookmarkPage(key, fit=fit, left=left, top=top, bottom=bottom, right=right, zoom=zoom)

    def addOutlineEntry(self, title, key, level=0, closed=None):
        self.outline.append((title, key, level))
        return super().addOutlineEntry(title, key, level=level, closed=closed)

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, relative=1, **kw):
        rect = self._absRect(Rect, relative)
        self._current.links.append(Link(tuple(float(v) for v in rect), destinationname))
        return super().linkRect(contents, destinationname, Rect, addtopage, name, relative, **kw)

    def linkAbsolute(self, contents, destinationname, Rect=None, addtopage=1, name=None, **kw):
        return self.linkRect(contents, destinationname, Rect, addtopage, name, relative=0, **kw)

    # -- what the recorder does not follow --------------------------------------------------------
    def _unsupported(self, what: str):
        raise WriterError(f"ofd: the layout drew {what}, which the OFD writer does not record")

    def drawString(self, *a, **k):
        self._unsupported("a string with drawString")

    drawRightString = drawCentredString = drawAlignedString = drawString

    def rect(self, *a, **k):
        self._unsupported("a rectangle")

    roundRect = rect

    def drawImage(self, *a, **k):
        self._unsupported("an image")

    drawInlineImage = drawImage

    def drawPath(self, *a, **k):
        self._unsupported("a path")

    def lines(self, *a, **k):
        self._unsupported("a polyline")

    def bezier(self, *a, **k):
        self._unsupported("a curve")

    arc = circle = ellipse = wedge = grid = bezier

    # -- result ---------------------------------------------------------------------------------
    def pages(self) -> list[Page]:
        """The recorded pages, with every form use replaced by the form's glyphs and rules placed
        by the matrix it was drawn with (glyphs keep ``form`` = the form's name). Call after the
        document is saved."""
        out = []
        for page in self._pages:
            items = []
            for item in page.items:
                if not isinstance(item, FormUse):
                    items.append(item)
                    continue
                for sub in self._forms.get(item.name, []):
                    if isinstance(sub, Glyph):
                        x, y = _apply(item.ctm, sub.x, sub.y)
                        items.append(Glyph(sub.ch, sub.font, sub.size * item.ctm[3], x, y, sub.advance * item.ctm[0],
                                           sub.color, sub.artifact or item.artifact, form=item.name))
                    elif isinstance(sub, Rule):
                        x1, y1 = _apply(item.ctm, sub.x1, sub.y1)
                        x2, y2 = _apply(item.ctm, sub.x2, sub.y2)
                        items.append(Rule(x1, y1, x2, y2, sub.width, sub.color, sub.dash, sub.cap,
                                          sub.artifact or item.artifact))
                    else:
                        raise WriterError(f"ofd: form {item.name} uses another form, which the OFD writer does not place")
            out.append(Page(page.width, page.height, items, page.links))
        return out
