"""A PDF/A-3b preservation copy as input: the TEI document it carries as its associated source
file (ISO 19005-3 §6.8, ``/AF`` with ``/AFRelationship /Source``) is taken out again, byte for byte.

The PDF is untrusted: every object is type-checked before use (a malformed ``/AF`` is a one-line
error), and the embedded file is inflated here, in bounded memory, with a cap (``--max-size``), so
a small PDF cannot inflate into gigabytes (a decompression bomb). Touches only the bytes given.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from convert.errors import InputError
from convert.reader.source import MAX_SIZE

TEI_MIME = "application/tei+xml"
#: Bytes of compressed data given to the inflater at a time.
_CHUNK = 2**16


def _kind(obj) -> str:
    """What a PDF object is, for messages: ``"a name"``, ``"an integer"`` …"""
    import pikepdf

    for cls, what in ((pikepdf.Name, "a name"), (pikepdf.Array, "an array"), (pikepdf.Stream, "a stream"),
                      (pikepdf.Dictionary, "a dictionary"), (pikepdf.String, "a string"),
                      (int, "an integer"), (bool, "a boolean")):
        if isinstance(obj, cls):
            return what
    return f"a {type(obj).__name__}"


def _filters(stream) -> list[str]:
    import pikepdf

    f = stream.get("/Filter")
    if f is None:
        return []
    items = list(f) if isinstance(f, pikepdf.Array) else [f]
    return [str(x) for x in items]


def bounded_stream_bytes(stream, limit: int, where: str) -> bytes:
    """The decoded bytes of PDF *stream*, at most *limit* bytes, inflated here in blocks.

    Only the encodings this tool writes are decoded: none, or ``/FlateDecode`` without a predictor
    (ISO 32000-1 §7.4.4); anything else, damaged compressed data, or more than *limit* bytes
    raises :class:`InputError` naming *where*. Memory: the compressed bytes plus at most *limit*.
    """
    import pikepdf

    filters = _filters(stream)
    parms = stream.get("/DecodeParms")
    raw = stream.read_raw_bytes()
    if not filters:
        data = raw
    elif filters == ["/FlateDecode"] and (parms is None or (isinstance(parms, pikepdf.Dictionary)
                                                            and int(parms.get("/Predictor", 1)) == 1)):
        inflater = zlib.decompressobj()
        parts, total = [], 0
        view = memoryview(raw)
        try:
            for start in range(0, len(view), _CHUNK):
                chunk = view[start:start + _CHUNK]
                while chunk:
                    part = inflater.decompress(chunk, limit + 1 - total)
                    parts.append(part)
                    total += len(part)
                    if total > limit:
                        raise InputError(f"{where}: the embedded TEI inflates to more than {limit:,} bytes "
                                         "(--max-size)")
                    chunk = inflater.unconsumed_tail
                    if not part and chunk:  # no progress with output room left: stop
                        break
            parts.append(inflater.flush())
        except zlib.error as err:
            raise InputError(f"{where}: the embedded TEI's compressed data is damaged ({err})") from None
        data = b"".join(parts)
    else:
        raise InputError(f"{where}: the embedded TEI is encoded with {' '.join(filters)}, which this tool "
                         "does not decode (it writes /FlateDecode)")
    if len(data) > limit:
        raise InputError(f"{where}: the embedded TEI inflates to more than {limit:,} bytes (--max-size)")
    return data


def _tei_stream(pdf, where: str):
    """The embedded-file stream holding the TEI, or None; raises :class:`InputError` for an
    ``/AF`` or file specification of the wrong type."""
    import pikepdf

    af = pdf.Root.get("/AF")
    if af is not None:
        if not isinstance(af, pikepdf.Array):
            raise InputError(f"{where}: malformed /AF ({_kind(af)} where an array of file "
                             "specifications belongs, ISO 32000-2 §14.13)")
        for n, spec in enumerate(af):
            if not isinstance(spec, pikepdf.Dictionary):
                raise InputError(f"{where}: malformed /AF: entry {n} is {_kind(spec)}, not a file "
                                 "specification dictionary")
            ef = spec.get("/EF")
            if ef is None:
                continue  # a reference to an external file: nothing embedded
            if not isinstance(ef, pikepdf.Dictionary):
                raise InputError(f"{where}: malformed /AF: entry {n}'s /EF is {_kind(ef)}, not a dictionary")
            stream = ef.get("/F")
            if stream is None:
                continue
            if not isinstance(stream, pikepdf.Stream):
                raise InputError(f"{where}: malformed /AF: entry {n}'s embedded file is {_kind(stream)}, "
                                 "not a stream")
            subtype = stream.get("/Subtype")
            if isinstance(subtype, pikepdf.Name) and str(subtype).lstrip("/").replace("#2F", "/") == TEI_MIME:
                return stream
    for name, attachment in pdf.attachments.items():
        if str(name).endswith(".xml"):
            stream = attachment.get_file().obj
            if isinstance(stream, pikepdf.Stream):
                return stream
    return None


def embedded_tei(path: Path, data: bytes, max_size: int = MAX_SIZE) -> bytes:
    """The bytes of the TEI file embedded in the PDF *data* read from *path* (named in errors),
    at most *max_size* bytes once inflated.

    Raises :class:`InputError` (one line) when the file cannot be opened as a PDF, is encrypted,
    its ``/AF`` is malformed, the TEI is larger than *max_size* inflated, or it carries no TEI (only copies made
    with ``--pdfa 3b`` do).
    """
    import io

    from convert.stopping import import_deferred

    pikepdf = import_deferred("pikepdf")  # first import with stop signals deferred (stopping.py)
    where = str(path)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            stream = _tei_stream(pdf, where)
            if stream is not None:
                return bounded_stream_bytes(stream, max_size, where)
    except InputError:
        raise
    except pikepdf.PasswordError:
        raise InputError(f"{where}: the PDF is encrypted (it needs a password): not a PDF/A-3b copy "
                         "this tool made (PDF/A forbids encryption, ISO 19005-3 §6.1.3)") from None
    except pikepdf.PdfError as err:
        # qpdf names the buffer it read by its repr ("stream <_io.BytesIO object at 0x…>: …"):
        # the file is already named, and a memory address tells the user nothing
        reason = re.sub(r"^(stream )?<[^<>]* at 0x[0-9a-fA-F]+>:\s*", "", " ".join(str(err).split()))
        raise InputError(f"{where}: cannot read as PDF: {reason}") from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RuntimeError) as err:
        raise InputError(f"{where}: malformed PDF structure ({type(err).__name__}: "
                         f"{' '.join(str(err).split())})") from None
    raise InputError(
        f"{where}: this PDF carries no TEI source (only PDF/A-3b copies made with --pdfa 3b do)"
    )
