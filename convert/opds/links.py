"""Where each catalogue file lives in the output folder, and the relative link from one to another.

Every link in the catalogue is relative (RFC 3986 §4.2), so the folder can be moved or served
by any static server under any path; path segments are percent-encoded as UTF-8 (RFC 3987 §3.1),
so a file name with spaces, ``#``, ``?``, ``:`` or Chinese characters links correctly. Pure.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

#: The catalogue's folder (feeds, covers, the OpenSearch description) and the files at the top.
FOLDER = "catalog"
OPENSEARCH = f"{FOLDER}/opensearch.xml"
COVERS = f"{FOLDER}/covers"
TOP = ("catalog.xml", "catalog.json", "index.html")


def feed_path(name: str, ext: str) -> str:
    """Path (relative to the output folder) of feed *name* (``""``: the root) in format *ext*
    (``xml`` for OPDS 1.2, ``json`` for OPDS 2.0)."""
    return f"catalog.{ext}" if not name else f"{FOLDER}/{name}.{ext}"


def href(here: str, target: str, fragment: str | None = None) -> str:
    """The relative reference from the file at *here* to the file at *target* (both relative to
    the output folder, POSIX; a ``#`` in them is part of a file name), percent-encoded, with
    *fragment* appended."""
    rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
    out = quote(rel, safe="/")  # ":" too, so a first segment is never read as a scheme
    return out + (f"#{quote(fragment, safe='')}" if fragment else "")
