"""What the writers of ZIP-container formats (EPUB, OFD) share: the deterministic ZIP file and the
fontTools settings of an embedded font subset. Touches no TEI and no file: bytes in, bytes out.

- :func:`deterministic_zip`: EPUB 3.3 OCF §4.2 (``mimetype`` first and stored) and
  GB/T 33190-2016 §7.1 (``OFD.xml`` first) containers, the same entries always giving the same
  bytes.
- :func:`subset_in_place`: a fontTools subset of a loaded font to a set of characters.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Iterable


def deterministic_zip(parts: dict[str, bytes], first: str,
                      date_time: tuple[int, int, int, int, int, int], stored: frozenset[str] = frozenset()) -> bytes:
    """A ZIP file of *parts* (entry name → bytes): *first* as the first entry, the others sorted
    by name; every timestamp *date_time* (a zip DOS time, year ≥ 1980), Unix permissions 0644,
    no extra fields; the entries in *stored* stored, the others deflated at level 9. Same parts
    in → same bytes out. Raises ``KeyError`` when *first* is not among *parts*."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in [first] + sorted(n for n in parts if n != first):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
                z.writestr(info, parts[name])
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, parts[name], compresslevel=9)
    return out.getvalue()


def subset_in_place(font, chars: Iterable[str], *, drop: tuple[str, ...] = (), layout: bool = True) -> None:
    """Subset the fontTools ``TTFont`` *font* in place to the characters of *chars*: embedded
    bitmaps and FontForge/BDF tables dropped (and the tables in *drop*), every name record kept,
    a ``.notdef`` outline, the source font's timestamps kept (same input, same bytes); OpenType
    layout features all kept when *layout*, none otherwise."""
    from fontTools import subset

    options = subset.Options()
    options.drop_tables += ["BDF ", "FFTM", "EBDT", "EBLC", "EBSC", *drop]
    options.layout_features = ["*"] if layout else []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted({ord(c) for c in chars}))
    subsetter.subset(font)
