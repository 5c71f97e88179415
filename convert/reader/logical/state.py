"""The shared state of the logical passes over one issue (:class:`LogicalText`, :class:`Role`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from convert.reader.lines import Line
from convert.reader.masthead import Masthead


@dataclass
class Role:
    """What a pass found a body line to be, before the body is built: ``kind`` (``page-label``,
    ``page-credit``, ``caption``, ``editorial``, ``lead-in``, ``byline``, ``credit``,
    ``section``, ``subhead``, ``verse``, ``brief``, ``attachment``), its ``data`` (a page
    number, a level, offsets into the line's text …), the evidence ``why`` and ``cert`` when the
    evidence is weak."""

    kind: str
    data: dict = field(default_factory=dict)
    why: str = ""
    cert: str | None = None


@dataclass
class LogicalText:
    """The shared state of the logical passes over one issue's logical lines: the parts found
    (``contents``, ``mast_end``, ``body_start``, ``colophon_start``, ``front_colophon``, ``masthead``, ``genre``,
    ``roles`` of body lines by index), the built ``front``/``body``/``back``/``header``
    elements and the ``builder`` that made the body. ``physical`` maps a source line number to
    its physical line as split, before unwrapping (a verse line joined to the next is found
    there); ``genre_override`` is ``--genre``."""

    lines: list[Line]
    contents: object = None
    mast_end: int = 0
    body_start: int = 0
    colophon_start: int = 0
    #: ``(start, end)`` of a colophon printed under the masthead, before the first article
    front_colophon: tuple[int, int] | None = None
    #: 报眼 lines printed right under the contents list (the weather): notes of ``<front>``
    front_after: list = field(default_factory=list)
    masthead: Masthead | None = None
    genre: object = None
    genre_override: str | None = None
    physical: dict[int, Line] = field(default_factory=dict)
    roles: dict[int, Role] = field(default_factory=dict)
    #: where a brief item's run-in head ended, for lines the rejoining made (keyed by ``id``)
    run_in_ends: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    #: numbered brief items whose first line a wrap cut, joined again (id of the line → the span of
    #: its number and run-in title, :func:`convert.reader.logical.roles.rejoin_numbered_briefs`)
    numbered_ends: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    builder: object = None
    body: etree._Element | None = None
    back: etree._Element | None = None
    front_colophon_div: etree._Element | None = None
    front: etree._Element | None = None
    header: etree._Element | None = None
    text: etree._Element | None = None
    source_name: str = ""
    wrap_width: float | None = None
    structureless: bool = False
    #: the lines (by ``id``) of an article's data box (:func:`convert.reader.logical.roles.find_columns`:
    #: a 【】 label over label：value lines): running text, each line a block of its own, never a head
    box_ids: set[int] = field(default_factory=set)

    @property
    def family(self) -> str:
        """The genre's family: ``briefing``, ``journal`` or ``newspaper`` (``journal`` before the
        genre is decided)."""
        return getattr(self.genre, "family", "journal")
