"""The shared state of the logical passes over one issue (:class:`LogicalText`)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from convert.reader.lines import Line
from convert.reader.masthead import Masthead


@dataclass
class LogicalText:
    """The shared state of the logical passes over one issue's logical lines: the parts found
    (``contents``, ``mast_end``, ``body_start``, ``colophon_start``, ``masthead``), the built
    ``front``/``body``/``back`` elements and the ``builder`` that made the body."""

    lines: list[Line]
    contents: object = None
    mast_end: int = 0
    body_start: int = 0
    colophon_start: int = 0
    masthead: Masthead | None = None
    builder: object = None
    body: etree._Element | None = None
    back: etree._Element | None = None
    front: etree._Element | None = None
    structureless: bool = False


