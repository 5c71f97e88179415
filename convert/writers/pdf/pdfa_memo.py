"""A per-process memo of pikepdf.pdfa's glyph check, so that a batch does not re-check the same
glyph outlines in every bulletin.

:func:`pikepdf.pdfa.save` validates the file it writes. Part of that is ISO 19005-2/-3 6.2.11.4.1
(ISO 19005-1 6.3.5): every glyph a text string uses must be present in the embedded font
program, which pikepdf checks by decompiling each used glyph's outline
(``TrueTypeProgram.has_gid``). For the UMing and Zen Hei subsets of a bulletin that is about a
thousand glyphs and the largest single cost of writing a PDF (≈0.15–0.3 s). Across a batch the
same glyphs recur bulletin after bulletin: the subset fonts reportlab embeds copy each glyph's
``glyf`` record byte for byte from the same system fonts.

For a simple glyph (numberOfContours ≥ 0) the check is a function of the record's bytes alone
(fontTools ``Glyph.expand`` → ``decompileCoordinates`` reads nothing else), so its verdict can be
memoised by a digest of those bytes without changing what is checked: a record that differs in
one byte is checked afresh. Composite glyphs, empty glyphs, CFF outlines and glyph ids out of
range always go to pikepdf's own check. veraPDF caches glyphs for the same reason
(veraPDF-validation pull request 244, "Added glyph caching").

The memo wraps a private method of the pinned pikepdf (``requirements.lock``); when that method
is not there (another pikepdf), :func:`install` leaves pikepdf alone and validation is only
slower.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager

#: ``{BLAKE2b-128 digest of a simple glyph's glyf record: verdict}``; bounded, shared by all the
#: documents of the process.
_VERDICTS: dict[bytes, bool] = {}
#: At most this many verdicts are kept (≈60 bytes each; the fonts in use have ≈60,000 glyphs).
MAX_ENTRIES = 200_000
#: False inside :func:`bypassed`: every glyph goes to pikepdf's own check.
_ENABLED = True


def _glyph_record(program, gid: int) -> bytes | None:
    """The raw ``glyf`` record of *gid* in a ``TrueTypeProgram`` if it is a simple glyph not yet
    decompiled, else ``None``."""
    if program._cff is not None or not 0 <= gid < program._num_glyphs:
        return None
    glyph = program._font["glyf"].glyphs.get(program._order[gid])
    data = getattr(glyph, "data", None)
    if not data or len(data) < 10 or data[0] & 0x80:  # empty, short, or numberOfContours < 0
        return None
    return bytes(data)


def install() -> bool:
    """Wrap ``pikepdf.pdfa._fontprogram.TrueTypeProgram.has_gid`` with the memo (once per
    process). Returns True when the memo is in place, False when this pikepdf has no such method
    (nothing is changed then)."""
    try:
        from pikepdf.pdfa import _fontprogram
    except ImportError:
        return False
    cls = getattr(_fontprogram, "TrueTypeProgram", None)
    original = getattr(cls, "has_gid", None)
    if original is None:
        return False
    if getattr(original, "_memo", False):
        return True

    def has_gid(self, gid: int) -> bool:
        if not _ENABLED:
            return original(self, gid)
        try:
            record = _glyph_record(self, gid)
        except Exception:  # pylint: disable=broad-except  (pikepdf's own check reports it)
            record = None
        if record is None:
            return original(self, gid)
        key = hashlib.blake2b(record, digest_size=16).digest()
        verdict = _VERDICTS.get(key)
        if verdict is None:
            verdict = original(self, gid)
            if len(_VERDICTS) < MAX_ENTRIES:
                _VERDICTS[key] = verdict
        return verdict

    has_gid._memo = True  # type: ignore[attr-defined]
    has_gid.__doc__ = original.__doc__
    has_gid.__wrapped__ = original  # type: ignore[attr-defined]
    cls.has_gid = has_gid
    return True


@contextmanager
def bypassed():
    """Within this block pikepdf checks every glyph itself and the memo is neither read nor
    filled: for ``--check``, whose pikepdf.pdfa verdict is meant to be independent of the
    writer's."""
    global _ENABLED
    before, _ENABLED = _ENABLED, False
    try:
        yield
    finally:
        _ENABLED = before


def stats() -> int:
    """Number of glyph verdicts held (for tests and the benchmark)."""
    return len(_VERDICTS)
