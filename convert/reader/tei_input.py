"""TEI as input: a TEI document a person corrected by hand, read safely and validated first.

Parsing resolves no entities, loads no DTD and touches no network (STYLE.md, "lxml and TEI"); a
document whose parsed form holds a DOCTYPE or an entity reference is refused outright
(:func:`convert.tei.parse_untrusted`), in any encoding and wherever the declaration stands, which
rules out external entities (XXE) and entity expansion ("billion laughs"). Touches only the bytes
it is given.
"""

from __future__ import annotations

from lxml import etree

from convert.errors import InputError, one_line
from convert.reader.migrate import migrate
from convert.tei import DoctypeError, parse_untrusted


def read_tei(data: bytes, name: str, warnings: list[str] | None = None) -> etree._Element:
    """Parse TEI *data* from file *name* and validate it against the project's schema.

    A document of the previous model is migrated first (:func:`convert.reader.migrate.migrate`;
    its message is appended to *warnings*). Returns the ``<TEI>`` root. Raises
    :class:`InputError` (one line) for a DOCTYPE or entity reference, malformed XML (with the
    parser's line and column; libxml2's multi-line messages folded) or a schema violation (with
    the validator's messages and line numbers).
    """
    try:
        root = parse_untrusted(data)
    except DoctypeError as err:
        raise InputError(f"{name}: {err} is not accepted in TEI input (no DTD, no entities)") from None
    except etree.XMLSyntaxError as err:
        raise InputError(f"{name}: not well-formed XML: {one_line(str(err))}") from None
    except (ValueError, TypeError) as err:  # lxml's refusal of what it cannot even start on
        raise InputError(f"{name}: not well-formed XML: {one_line(str(err))}") from None
    from convert.validators.tei import check_tei

    (warnings if warnings is not None else []).extend(filter(None, [migrate(root, name)]))  # old model

    errors = check_tei(root)
    if errors:
        shown = "; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else "")
        raise InputError(f"{name}: not valid against convert/schema/bulletin.rng: {one_line(shown)}")
    return root
