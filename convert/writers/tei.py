"""TEI writer: the model itself, serialised as UTF-8 XML and checked against the project's own
RELAX NG schema (``convert/schema/bulletin.rng``, a strict subset of TEI P5) before it is written."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import to_bytes


def write(root: etree._Element, opts: WriterOptions, path: Path) -> None:
    """Write *root* to *path*; raises :class:`WriterError` listing the schema errors if invalid."""
    from convert.validators.tei import check_tei

    errors = check_tei(root)
    if errors:
        raise WriterError("TEI not valid against convert/schema/bulletin.rng: " + "; ".join(errors[:5]))
    path.write_bytes(opts.tei_bytes or to_bytes(root))
