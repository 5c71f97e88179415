"""The writers: one module per output format, one table from format name to writer.

Every writer has the same signature (STYLE.md, pandoc's ``getWriter``)::

    write(root: lxml.etree._Element, opts: WriterOptions, path: pathlib.Path) -> None

``root`` is the TEI ``<TEI>`` element (never modified by a writer); ``path`` is a temporary file in the
output folder that the caller renames into place once ``write`` returns, so a writer just writes
``path`` and raises :class:`convert.errors.WriterError` when it cannot produce a valid output.
A writer checks its own output before returning (schema, PDF/A, EPUB structure).
"""

from __future__ import annotations

import importlib
from typing import Callable

#: ``--to`` name → (module, file extension). Adding a format is one module and one line.
FORMATS: dict[str, tuple[str, str]] = {
    "tei": ("convert.writers.tei", ".xml"),
    "txt": ("convert.writers.txt", ".txt"),
    "pdf": ("convert.writers.pdf", ".pdf"),
    "epub": ("convert.writers.epub", ".epub"),
    "ofd": ("convert.writers.ofd", ".ofd"),
}


#: Formats ``--to all`` leaves out: asked for by name only. OFD takes seconds a bulletin (two CJK
#: font subsets), which would cut the batch throughput of ``all`` by about five.
OPT_IN: frozenset[str] = frozenset({"ofd"})


def get_writer(name: str) -> Callable:
    """Return the ``write`` function of format *name*; raises ``KeyError("Unknown writer: NAME")``."""
    try:
        module, _ext = FORMATS[name]
    except KeyError:
        raise KeyError(f"Unknown writer: {name}") from None
    return importlib.import_module(module).write


def extension(name: str) -> str:
    """File extension (with the dot) of format *name*: ``extension("tei") == ".xml"``."""
    return FORMATS[name][1]
