"""OFD (GB/T 33190-2016): every XML part of a package against the standard's XSDs
(``convert/schema/ofd/``, Annex A), in-process with lxml. The OFD writer checks the parts it
makes with :func:`validate_parts`; ``--check`` checks a written file with :func:`check_file`."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from lxml import etree

from convert.errors import WriterError
from convert.tei import safe_parser
from convert.validators.verdict import Verdict

OFD_NS = "http://www.ofdspec.org/2016"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema" / "ofd"
#: Root element → XSD of GB/T 33190-2016 Annex A that validates it.
SCHEMAS = {"OFD": "OFD.xsd", "Document": "Document.xsd", "Res": "Res.xsd", "Page": "Page.xsd",
           "Attachments": "Attachments.xsd"}


@functools.lru_cache(maxsize=None)
def _schema(name: str) -> etree.XMLSchema:
    try:
        return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / name)))
    except (OSError, etree.XMLSchemaParseError) as err:
        raise WriterError(f"ofd: cannot load the OFD schema {SCHEMA_DIR / name}: {err}") from None


def validate_parts(parts: dict[str, bytes]) -> dict[str, list[str]]:
    """Validate every XML part of *parts* against its GB/T 33190-2016 XSD (by root element).

    Returns ``{part name: [error messages]}`` (an empty list for a valid part); a part whose root
    element has no schema, or that is not in the OFD namespace, gets an error. Attached files
    (``Doc_N/Attachs/…`` other than ``Attachments.xml``, GB/T 33190-2016 §20) are not parts.
    Raises :class:`WriterError` when a schema of ``convert/schema/ofd/`` cannot be loaded."""
    out: dict[str, list[str]] = {}
    for name in sorted(parts):
        folders = name.split("/")
        if not name.endswith(".xml") or folders[-2:-1] == ["Attachs"] and folders[-1] != "Attachments.xml":
            continue
        try:
            root = etree.fromstring(parts[name], safe_parser())
        except etree.XMLSyntaxError as err:
            out[name] = [f"not well-formed: {err}"]
            continue
        ns, _, local = root.tag[1:].partition("}")
        if ns != OFD_NS or local not in SCHEMAS:
            out[name] = [f"root element {root.tag} has no OFD schema"]
            continue
        schema = _schema(SCHEMAS[local])
        ok = schema.validate(root)
        out[name] = [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
    return out


#: Name of the schema check in ``--check`` verdicts and the manifest.
VALIDATOR = "ofd.xsd (GB/T 33190-2016)"


def check_file(path) -> Verdict:
    """Validate every XML part of the OFD file at *path* against the GB/T 33190-2016 XSDs
    (:func:`validate_parts`) and return a :class:`Verdict` (never raises): not
    ok when the file is not a zip, has no ``OFD.xml``, or a part has findings (one message per
    finding, ``part: line N: message``)."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()
                     if i.filename.endswith(".xml") and i.file_size < 64 * 2**20}
    except (OSError, zipfile.BadZipFile) as err:
        return Verdict(VALIDATOR, False, [f"{path}: not an OFD (zip) file: {err}"], {"error": 1})
    if "OFD.xml" not in parts:
        return Verdict(VALIDATOR, False, [f"{path}: no OFD.xml entry"], {"error": 1})
    messages = [f"{name}: {m}" for name, found in validate_parts(parts).items() for m in found]
    return Verdict(VALIDATOR, not messages, messages, {"error": len(messages)})
