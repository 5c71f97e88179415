"""Chinese word segmentation for the writers and the variant step: jieba's dictionary and jieba's
own algorithm (its prefix DAG and maximum-probability route, no HMM), without jieba's start-up.

jieba loads its whole dictionary (about 350,000 words and their prefixes, a 9 MB marshal file)
before it segments anything: 0.7 s of CPU in every fresh process, more than the rest of a PDF
conversion's imports together, for a few headings. Here the dictionary jieba would build
(:meth:`jieba.Tokenizer.gen_pfdict` on its own ``dict.txt``) is written once into an SQLite table,
kept in the on-disk cache (:mod:`convert.cache`) as one sealed entry (the SQLite file's bytes,
with the cache's digest over key and content), and a :class:`jieba.Tokenizer` reads it through a
mapping that looks up only the strings the sentence asks for. The words, and so every output, are
the same as jieba's: the tokenizer is jieba's, only its ``FREQ`` table is read lazily (tested
against ``jieba.tokenize`` itself).

The seal is checked each time the table is opened (about 10 ms for its 9 MB): one flipped bit in
a key or a frequency made a different, valid-looking table (查明瞭原因 for 查明了原因 in zh-Hant, or
``math domain error`` in every PDF, issue #26, case 8); now a table whose bytes do not match
its seal is a miss and is built again. The bytes checked are the bytes used: the table is opened
from memory (``sqlite3`` deserialisation), not from the file again.

Where the cache cannot be used (``--no-cache``, a read-only home), jieba is used as it ships.

This module reads jieba's dictionary and writes only below the cache folder.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import lru_cache
from pathlib import Path

#: Version of the table layout; part of the cache key (1: a bare SQLite file, unsealed).
LAYOUT = "2"
#: The cache namespace of the table.
NAMESPACE = "jieba"


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
    """jieba's default dictionary file and the cache key of its table (the file's SHA-256, from
    :func:`convert.cache.file_digest`, which hashes it once per change of the file, + jieba's
    version + :data:`LAYOUT`)."""
    import jieba

    from convert import cache

    path = Path(jieba.__file__).with_name("dict.txt")
    return path, f"{cache.file_digest(path)}/{jieba.__version__}/{LAYOUT}"


def _build() -> bytes:
    """jieba's prefix dictionary (``gen_pfdict``: the table jieba itself builds) as the bytes of
    an SQLite database: tables ``freq (word, freq)`` and ``meta (total)``."""
    import jieba

    with open(_dictionary()[0], "rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)
    conn = sqlite3.connect(":memory:")
    try:
        with conn:
            conn.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            conn.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            conn.execute("INSERT INTO meta VALUES (?)", (total,))
        return conn.serialize()
    finally:
        conn.close()


def _open(data: bytes):
    """A jieba tokenizer reading its dictionary from the SQLite database *data* (in memory), or
    ``None`` when *data* is not such a database."""
    import jieba

    try:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.deserialize(data)
        total = conn.execute("SELECT total FROM meta").fetchone()[0]
        conn.execute("SELECT freq FROM freq LIMIT 1").fetchone()
    except (sqlite3.Error, TypeError):
        return None
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = _LazyFreq(conn), total, True
    return tok


@lru_cache(maxsize=1)
def tokenizer():
    """The tokenizer every caller shares: jieba's, reading the cached, sealed table where it can
    (built and stored on a miss: first use, or a table whose seal does not match), else jieba's
    default one (which loads its whole dictionary)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    from convert import cache

    if cache.enabled():
        try:
            _path, key = _dictionary()
            data = cache.load(NAMESPACE, key)
            tok = _open(data) if isinstance(data, bytes) else None
            if tok is None:  # first use on this machine, or a damaged table: build it again
                data = _build()
                cache.store(NAMESPACE, key, data)  # a cache that cannot be written: this run only
                tok = _open(data)
            if tok is not None:
                return tok
        except (OSError, sqlite3.Error):
            pass  # the cache is an optimisation: fall back to jieba as it ships
    return jieba.dt


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """jieba's segmentation of *text* (its dictionary, no HMM, so the same text always gives the
    same words): ``[(word, start, end)]``, character offsets, covering *text* in order."""
    return list(tokenizer().tokenize(text, HMM=False))

