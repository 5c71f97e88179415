"""Chinese word segmentation for the writers and the variant step: jieba's dictionary and jieba's
own algorithm (its prefix DAG and maximum-probability route, no HMM), without jieba's start-up.

jieba loads its whole dictionary (about 350,000 words and their prefixes, a 9 MB marshal file)
before it segments anything: 0.7 s of CPU in every fresh process, more than the rest of a PDF
conversion's imports together, for a few headings. Here the dictionary jieba would build
(:meth:`jieba.Tokenizer.gen_pfdict` on its own ``dict.txt``) is written once into an SQLite table
in the on-disk cache (:mod:`convert.cache`), and a :class:`jieba.Tokenizer` reads it through a
mapping that looks up only the strings the sentence asks for. The words, and so every output, are
the same as jieba's: the tokenizer is jieba's, only its ``FREQ`` table is read lazily (tested
against ``jieba.tokenize`` itself).

Where the cache cannot be used (``--no-cache``, a read-only home), jieba is used as it ships.

This module reads jieba's dictionary and writes only below the cache folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

#: Version of the table layout; part of the file name.
LAYOUT = "1"


class _LazyFreq:
    """The ``FREQ`` mapping of a :class:`jieba.Tokenizer` (word or word prefix → frequency, 0
    for a prefix that is not itself a word), read from the SQLite table as the tokenizer asks."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    @lru_cache(maxsize=65536)
    def _lookup(self, word: str) -> int | None:
        row = self._conn.execute("SELECT freq FROM freq WHERE word = ?", (word,)).fetchone()
        return None if row is None else row[0]

    def __contains__(self, word: str) -> bool:
        return self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self._lookup(word)
        if value is None:
            raise KeyError(word)
        return value

    def get(self, word: str, default=None):
        value = self._lookup(word)
        return default if value is None else value


def _dictionary() -> tuple[Path, str]:
    """jieba's default dictionary file and the digest naming its table (the file's SHA-256, from
    :func:`convert.cache.file_digest`, which hashes it once per change of the file, + jieba's
    version + :data:`LAYOUT`)."""
    import jieba

    from convert import cache

    path = Path(jieba.__file__).with_name("dict.txt")
    key = f"{cache.file_digest(path)}/{jieba.__version__}/{LAYOUT}"
    return path, hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def _build(target: Path) -> None:
    """Write jieba's prefix dictionary (``gen_pfdict``: the table jieba itself builds) into the
    SQLite file *target*, atomically (a temporary file in the same folder, then ``os.replace``),
    so that concurrent builders and readers never see a partial table."""
    import jieba

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    freq, total = jieba.Tokenizer.gen_pfdict(open(_dictionary()[0], "rb"))
    fd, tmp = tempfile.mkstemp(prefix=".words-", suffix=".partial", dir=target.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        with conn:
            conn.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            conn.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            conn.execute("INSERT INTO meta VALUES (?)", (total,))
        conn.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _open(target: Path):
    """A jieba tokenizer reading its dictionary from *target*, or ``None`` when the file is
    missing or damaged."""
    import jieba

    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        total = conn.execute("SELECT total FROM meta").fetchone()[0]
        conn.execute("SELECT freq FROM freq LIMIT 1").fetchone()
    except (sqlite3.Error, TypeError):
        return None
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = _LazyFreq(conn), total, True
    return tok


@lru_cache(maxsize=1)
def tokenizer():
    """The tokenizer every caller shares: jieba's, reading the cached table where it can, else
    jieba's default one (which loads its whole dictionary)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    from convert import cache

    if cache.enabled():
        try:
            _path, digest = _dictionary()
            target = cache.root() / "jieba" / f"{digest}.sqlite"
            tok = _open(target)
            if tok is None:  # first use on this machine, or a damaged file: build it again
                _build(target)
                tok = _open(target)
            if tok is not None:
                return tok
        except (OSError, sqlite3.Error):
            pass  # the cache is an optimisation: fall back to jieba as it ships
    return jieba.dt


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """jieba's segmentation of *text* (its dictionary, no HMM, so the same text always gives the
    same words): ``[(word, start, end)]``, character offsets, covering *text* in order."""
    return list(tokenizer().tokenize(text, HMM=False))
