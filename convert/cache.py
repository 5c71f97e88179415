"""A persistent, versioned on-disk cache for what a cold start would otherwise compute again:
the parsed data of the PDF writer's TrueType faces (:mod:`convert.writers.pdf.fonts`) and
pikepdf's glyph verdicts (:mod:`convert.validators.pdfa_memo`).

Where: ``$XDG_CACHE_HOME/bulletin-convert`` (``~/.cache/bulletin-convert`` when the variable is
unset or not absolute; XDG Base Directory Specification 0.8), in a folder named by
:data:`FORMAT`, so that a new layout never reads an old one. The folder is created with mode
0700. This module touches nothing else: it reads and writes files below that folder only.

An entry is one file: ``MAGIC``, a 32-byte BLAKE2b digest of (key, payload), then the payload
(:mod:`marshal` data: only plain types, so loading an entry runs no code). The key that names
the entry is part of what the digest covers, so an entry read under another key, a truncated
file, a flipped byte or a file from another format is a miss: the caller computes the value
again and :func:`store` replaces the damaged entry. A writer writes a temporary file in the same
folder and renames it into place (``os.replace``, atomic on POSIX), so concurrent writers and
readers see a whole old entry or a whole new one, never a mix; when two write the same entry,
the last one wins (each wrote a complete, valid value).

Callers key their entries by what the value depends on: a font file's content digest
(:func:`file_digest`), the library versions that computed it (:func:`library_versions`) and
whatever else (a subfont index). The cache is an optimisation: every failure to read or write
it (read-only home, full disk, damaged entry) falls back silently to computing the value.

``--no-cache`` (:func:`disable`) bypasses it: nothing is read or written, for this process and
the worker processes it starts (through the ``CONVERT_NO_CACHE`` environment variable).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

#: Layout version of the cache folder; bump it when the entry format changes.
FORMAT = "v1"
#: First bytes of every entry.
MAGIC = b"BCCACHE1"
#: Environment variable that disables the cache (any non-empty value): set by ``--no-cache``.
ENV = "CONVERT_NO_CACHE"
_DIGEST = 32


def enabled() -> bool:
    """False when ``--no-cache`` was given (``CONVERT_NO_CACHE`` set)."""
    return not os.environ.get(ENV)


def disable() -> None:
    """Bypass the cache in this process and in the processes it starts from now on."""
    os.environ[ENV] = "1"


def enable() -> None:
    """Undo :func:`disable` (for tests)."""
    os.environ.pop(ENV, None)


def root() -> Path:
    """The cache folder: ``$XDG_CACHE_HOME/bulletin-convert/<FORMAT>``, or under ``~/.cache``
    when ``XDG_CACHE_HOME`` is unset, empty or relative (the XDG specification says to ignore a
    relative path). Not created here."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    home = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return home / "bulletin-convert" / FORMAT


def _safe(part: str) -> str:
    """*part* as a file-name component: characters outside ``[A-Za-z0-9._-]`` become ``_``."""
    return "".join(c if c.isalnum() and c.isascii() or c in "._-" else "_" for c in part)


def _path(namespace: str, key: str) -> Path:
    # the key may be long or hold any character: the file is named by its digest
    name = hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    return root() / _safe(namespace) / name


def _seal(key: str, payload) -> bytes:
    """The digest of an entry: BLAKE2b over the key, a NUL and the *payload* (bytes-like; hashed
    in place, not copied: the segmentation table is 9 MB)."""
    h = hashlib.blake2b(key.encode("utf-8") + b"\0", digest_size=_DIGEST)
    h.update(payload)
    return h.digest()


def load(namespace: str, key: str):
    """The value stored under (*namespace*, *key*), or ``None`` when there is none, it is
    damaged (wrong magic, digest or marshal data), the cache is disabled or unreadable.
    Values are what :func:`store` accepts: plain Python types."""
    if not enabled():
        return None
    try:
        data = _path(namespace, key).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _DIGEST
    if len(data) < head or not data.startswith(MAGIC):
        return None
    payload = memoryview(data)[head:]
    if data[len(MAGIC):head] != _seal(key, payload):
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def store(namespace: str, key: str, value) -> bool:
    """Store *value* (``None``, bool, int, float, str, bytes, and tuples, lists, dicts, sets of
    them) under (*namespace*, *key*), replacing any entry atomically. Returns False (and leaves
    the old entry) when the cache is disabled, the value has another type, or the folder cannot
    be written."""
    if not enabled():
        return False
    try:
        payload = marshal.dumps(value, 4)
    except ValueError:
        return False
    path = _path(namespace, key)
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + _seal(key, payload) + payload)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def file_digest(path: str | os.PathLike) -> str:
    """Hex SHA-256 of the file at *path*; raises ``OSError`` when it cannot be read.

    Hashing a 20 MB font takes longer than using its cached data, so the digest is itself
    cached, keyed by the file's path and ``stat`` signature (device, inode, size, modification
    and change times in ns), as ``git`` and ``ccache`` do: a file replaced or modified in any
    way gets a new signature and is hashed again."""
    st = os.stat(path)
    signature = f"{os.fspath(path)}\0{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    hit = load("digest", signature)
    if isinstance(hit, str) and len(hit) == 64:
        return hit
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(2**20), b""):
            h.update(block)
    digest = h.hexdigest()
    store("digest", signature, digest)
    return digest


def library_versions(*modules) -> str:
    """``"python=3.11.7;name=version;…"`` for the imported *modules* (their ``__version__``, or
    reportlab's ``Version``): part of every key, so that upgrading a library that computed a
    value, or Python (whose :mod:`marshal` format the entries use), makes the old entries
    unreachable."""
    import sys

    parts = ["python=" + ".".join(map(str, sys.version_info[:3]))]
    for module in modules:
        version = getattr(module, "__version__", None) or getattr(module, "Version", None) or "unknown"
        parts.append(f"{module.__name__}={version}")
    return ";".join(parts)
