"""The one explicit options record passed to every writer (pandoc's ``WriterOptions``)."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

#: The project's ``styles/`` folder: page and e-book styles are data, looked up by name.
STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"


@dataclass(frozen=True)
class WriterOptions:
    """What a writer may be told besides the TEI tree.

    - ``styles_dir``: folder holding ``pdf.json`` (page size, margins, fonts, sizes, leading) and
      ``epub.css``.
    - ``pdfa``: PDF/A flavour per ISO 19005: ``"1b"``, ``"2b"``, ``"3b"`` (level B), ``"2u"``
      (level U), ``"2a"`` or ``"3a"`` (level A: tagged from the TEI structure, also PDF/UA-1).
    - ``source_name``: the input file's name, for messages.
    - ``tei_bytes``: the serialised TEI document (the PDF/A-3b writer embeds it).
    - ``embed_fonts``: the EPUB carries subsets of its fonts (default; ``--no-embed-fonts``).
    - ``timestamp``: the time writers record as the file's modification time (UTC); ``None``
      means the issue date (never the clock). Set from ``SOURCE_DATE_EPOCH`` when the
      environment has it (reproducible-builds.org specification).
    """

    styles_dir: Path = STYLES_DIR
    pdfa: str = "2b"
    source_name: str = ""
    tei_bytes: bytes = field(default=b"", repr=False)
    embed_fonts: bool = True
    timestamp: _dt.datetime | None = field(default_factory=lambda: source_date_epoch())


def source_date_epoch() -> _dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970-01-01 UTC) as an aware UTC datetime, or ``None``
    when unset or not an integer."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return _dt.datetime.fromtimestamp(int(value), tz=_dt.timezone.utc)
