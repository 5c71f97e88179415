"""Cover images of the catalogue: each edition's EPUB cover as it is, and a thumbnail of it.

Both go to ``catalog/covers/``. A cover is named by the first 16 hex digits of its SHA-256
(``3f2a….png``): the same cover is one file however many feeds show it, a changed cover gets a new
name (no stale copy in a reader's cache). Its thumbnail is named after the cover
(``3f2a….thumb.png``), :data:`THUMB_WIDTH` pixels wide, scaled with Pillow's Lanczos filter and
written as PNG without a timestamp, so the same cover gives the same bytes; it is made only when
it is not in place already (a rebuild of a large folder does not scale every cover again). Sizes
are read from the PNG header (``IHDR``, ISO/IEC 15948 §11.2.2). Pure: returns names and bytes.
"""

from __future__ import annotations

import hashlib
import io
import struct

from convert.opds.links import COVERS

#: Width of a thumbnail in pixels (OPDS 1.2 §5.2.2: "suitable for presentation at a small size").
THUMB_WIDTH = 200
_PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """``(width, height)`` of the PNG *data* from its ``IHDR`` chunk; raises ``ValueError`` when
    *data* does not start like a PNG."""
    if data[:8] != _PNG or data[12:16] != b"IHDR" or len(data) < 24:
        raise ValueError("not a PNG image")
    w, h = struct.unpack(">II", data[16:24])
    if not w or not h:
        raise ValueError("a PNG image of no size")
    return w, h


def cover_names(png: bytes) -> tuple[str, str, tuple[int, int], tuple[int, int]]:
    """``(cover path, thumbnail path, cover size, thumbnail size)`` of the cover *png*, paths
    relative to the output folder. Raises ``ValueError`` when *png* is not a PNG."""
    w, h = png_size(png)
    stem = f"{COVERS}/{hashlib.sha256(png).hexdigest()[:16]}"
    tw = min(THUMB_WIDTH, w)
    return f"{stem}.png", f"{stem}.thumb.png", (w, h), (tw, max(1, round(h * tw / w)))


def thumbnail(png: bytes) -> bytes:
    """The thumbnail of the cover *png* (size as :func:`cover_names` gives). Raises ``OSError``
    or ``ValueError`` (Pillow) when *png* cannot be decoded."""
    from PIL import Image

    _, _, _, size = cover_names(png)
    with Image.open(io.BytesIO(png)) as img:
        small = img.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
