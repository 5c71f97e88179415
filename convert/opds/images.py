"""Cover images of the catalogue: each edition's EPUB cover as it is, and a thumbnail of it.

Both go to ``catalog/covers/`` under a name made of the first 16 hex digits of their SHA-256
(``3f2a….png``): the same cover is one file however many feeds show it, a changed cover gets a new
name (no stale copy in a reader's cache), and a file there whose name is not its own digest is
provably not one this tool wrote (:mod:`convert.opds.files` never removes such a file). The
thumbnail is :data:`THUMB_WIDTH` pixels wide, scaled with Pillow's Lanczos filter and written as
PNG without a timestamp, so the same cover gives the same bytes. Pure: returns bytes and names.
"""

from __future__ import annotations

import hashlib
import io

from convert.opds.links import COVERS

#: Width of a thumbnail in pixels (OPDS 1.2 §5.2.2: "suitable for presentation at a small size").
THUMB_WIDTH = 200


def content_name(data: bytes, ext: str = ".png") -> str:
    """``catalog/covers/<16 hex digits of SHA-256>.png`` for *data*."""
    return f"{COVERS}/{hashlib.sha256(data).hexdigest()[:16]}{ext}"


def cover_files(png: bytes) -> list[tuple[str, bytes, int, int]]:
    """``[(path, bytes, width, height)]`` of the cover *png* and its thumbnail. Raises
    ``OSError``/``ValueError`` (Pillow) when *png* is not a readable image."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        img.load()
        w, h = img.size
        tw = min(THUMB_WIDTH, w)
        th = max(1, round(h * tw / w))
        thumb = img.convert("RGB").resize((tw, th), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    thumb.save(buf, format="PNG", optimize=True)
    small = buf.getvalue()
    return [(content_name(png), png, w, h), (content_name(small), small, tw, th)]
