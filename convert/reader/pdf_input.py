"""A PDF/A-3b preservation copy as input: the TEI document it carries as its associated source
file (ISO 19005-3 §6.8, ``/AF`` with ``/AFRelationship /Source``) is taken out again, byte for byte."""

from __future__ import annotations

from pathlib import Path

from convert.errors import InputError

TEI_MIME = "application/tei+xml"


def embedded_tei(path: Path, data: bytes) -> bytes:
    """The bytes of the TEI file embedded in the PDF *data* read from *path* (named in errors).

    Raises :class:`InputError` when the file cannot be opened as a PDF or carries no TEI (only
    copies made with ``--pdfa 3b`` do).
    """
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for spec in pdf.Root.get("/AF", []):
                stream = spec.get("/EF", {}).get("/F")
                subtype = str(stream.get("/Subtype", "")) if stream is not None else ""
                if stream is not None and subtype.lstrip("/").replace("#2F", "/") == TEI_MIME:
                    return stream.read_bytes()
            for name, attachment in pdf.attachments.items():
                if name.endswith(".xml"):
                    return attachment.get_file().read_bytes()
    except pikepdf.PdfError as err:
        raise InputError(f"{path}: cannot read as PDF: {err}") from None
    raise InputError(
        f"{path}: this PDF carries no TEI source (only PDF/A-3b copies made with --pdfa 3b do)"
    )
