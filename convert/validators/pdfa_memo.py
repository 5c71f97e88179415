"""A memo of pikepdf.pdfa's glyph check, kept per process and on disk, so that neither a batch
nor a cold start re-checks glyph outlines that were checked before.

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

The verdicts also persist in the on-disk cache (:mod:`convert.cache`, namespace
:data:`CACHE_NAMESPACE`), keyed by the versions of pikepdf, fontTools and Python (the check's
code): a cold process loads them when the memo is installed, and after each validation that
added verdicts merges its new ones into the stored set (read, union, atomic replace; a damaged
entry is ignored and rewritten). Trust: the verdicts are as trustworthy as the user's own cache
folder; ``--check`` (:func:`bypassed`) and ``--no-cache`` never read them.
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
#: Entries of :mod:`convert.cache` holding verdicts: ``{"digests": 16·n bytes, "verdicts": n
#: bytes (0 or 1)}``.
CACHE_NAMESPACE = "pikepdf-glyph-verdicts"
#: Verdicts computed by this process and not yet stored on disk.
_NEW: dict[bytes, bool] = {}
#: The cache key once the on-disk verdicts were loaded (``None``: not yet, or the cache is off).
_LOADED_KEY: str | None = None
_DIGEST = 16


def _cache_key() -> str:
    import fontTools
    import pikepdf

    from convert import cache

    return "TrueTypeProgram.has_gid;blake2b-128;" + cache.library_versions(pikepdf, fontTools)


def _decode(value) -> dict[bytes, bool]:
    """``{digest: verdict}`` from a stored entry; empty when the entry has another shape."""
    if not isinstance(value, dict):
        return {}
    digests, verdicts = value.get("digests"), value.get("verdicts")
    if (not isinstance(digests, bytes) or not isinstance(verdicts, bytes)
            or len(digests) != _DIGEST * len(verdicts) or set(verdicts) - {0, 1}):
        return {}
    return {digests[i * _DIGEST:(i + 1) * _DIGEST]: bool(v) for i, v in enumerate(verdicts)}


def _encode(verdicts: dict[bytes, bool]) -> dict:
    return {"digests": b"".join(verdicts), "verdicts": bytes(int(v) for v in verdicts.values())}


def load_persistent() -> int:
    """Add the verdicts stored on disk to the memo (once per process, unless the cache is
    disabled). Returns how many were added."""
    global _LOADED_KEY
    from convert import cache

    if not cache.enabled():
        return 0
    key = _cache_key()
    if _LOADED_KEY == key:
        return 0
    _LOADED_KEY = key
    stored = _decode(cache.load(CACHE_NAMESPACE, key))
    added = 0
    for digest, verdict in stored.items():
        if len(_VERDICTS) >= MAX_ENTRIES:
            break
        if digest not in _VERDICTS:
            _VERDICTS[digest] = verdict
            added += 1
    return added


def flush() -> bool:
    """Merge the verdicts this process computed since the last flush into the on-disk set
    (read it again, add, replace atomically). Returns True when something was written."""
    from convert import cache

    if not _NEW or not cache.enabled():
        return False
    key = _cache_key()
    merged = _decode(cache.load(CACHE_NAMESPACE, key))
    for digest, verdict in _NEW.items():
        if len(merged) >= MAX_ENTRIES:
            break
        merged[digest] = verdict
    _NEW.clear()
    return cache.store(CACHE_NAMESPACE, key, _encode(merged))


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
    load_persistent()
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
                _NEW[key] = verdict
        return verdict

    has_gid._memo = True  # type: ignore[attr-defined]
    has_gid.__doc__ = original.__doc__
    has_gid.__wrapped__ = original  # type: ignore[attr-defined]
    cls.has_gid = has_gid
    _flush_after_runs()
    return True


def _flush_after_runs() -> None:
    """Wrap pikepdf.pdfa's validation engine (``_engine.run``, which both ``validate`` and the
    check of ``save`` call) so that the verdicts a validation added are stored when it ends: a
    batch worker never runs ``atexit`` handlers, so the end of a validation is the hook. Without
    that function (another pikepdf) the verdicts are stored at exit."""
    try:
        from pikepdf.pdfa import _engine
    except ImportError:
        _engine = None
    run = getattr(_engine, "run", None)
    if run is None:
        import atexit

        atexit.register(flush)
        return
    if getattr(run, "_memo", False):
        return

    def run_and_flush(*args, **kwargs):
        try:
            return run(*args, **kwargs)
        finally:
            try:
                flush()
            except Exception:  # pylint: disable=broad-except  (a cache never fails a conversion)
                pass

    run_and_flush._memo = True  # type: ignore[attr-defined]
    run_and_flush.__wrapped__ = run  # type: ignore[attr-defined]
    run_and_flush.__doc__ = run.__doc__
    _engine.run = run_and_flush


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
