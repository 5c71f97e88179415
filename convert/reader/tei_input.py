"""TEI as input: a TEI document a person corrected by hand, read safely and validated first.

Parsing resolves no entities, loads no DTD and touches no network (STYLE.md, "lxml and TEI"); a
document with a DOCTYPE is refused outright, which also rules out entity-expansion attacks
("billion laughs") and external entities (XXE).
"""

from __future__ import annotations

from lxml import etree

from convert.errors import InputError
from convert.reader.migrate import migrate
from convert.tei import safe_parser


def read_tei(data: bytes, name: str, warnings: list[str] | None = None) -> etree._Element:
    """Parse TEI *data* from file *name* and validate it against the project's schema.

    A document of the previous model is migrated first (:func:`convert.reader.migrate.migrate`;
    its message is appended to *warnings*). Returns the ``<TEI>`` root. Raises
    :class:`InputError` for a DOCTYPE, malformed XML (with the parser's line and column) or a
    schema violation (with the validator's messages and line numbers).
    """
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise InputError(f"{name}: a DOCTYPE or entity declaration is not accepted in TEI input")
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        raise InputError(f"{name}: not well-formed XML: {err}") from None
    from convert.validate import check_tei

    (warnings if warnings is not None else []).extend(filter(None, [migrate(root, name)]))  # old model

    errors = check_tei(root)
    if errors:
        shown = "; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else "")
        raise InputError(f"{name}: not valid against convert/schema/bulletin.rng: {shown}")
    return root
