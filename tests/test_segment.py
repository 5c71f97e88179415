"""convert.segment: jieba's words with the dictionary read lazily from the on-disk cache, the same
as jieba's own tokenizer gives, for every heading and paragraph of the samples; the cache
survives damage and is bypassed by --no-cache."""

from __future__ import annotations

import importlib
import re

import jieba
import pytest
from sampledata import SAMPLES

from convert import cache, segment


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no tokenizer chosen yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.enable()
    segment.tokenizer.cache_clear()
    yield tmp_path
    segment.tokenizer.cache_clear()


def sample_texts() -> list[str]:
    out = []
    for path in SAMPLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"[#*<>/b]", "", line).strip()
            if line:
                out.append(line)
    return out


def table(folder):
    """The cached segmentation table below the cache folder *folder* (one file)."""
    (path,) = [p for p in (folder / "bulletin-convert").rglob("*") if p.is_file() and p.parent.name == "jieba"]
    return path


def test_same_words_as_jieba_on_every_line_of_the_samples(fresh):
    tok = segment.tokenizer()
    assert tok is not jieba.dt, "the cached table was not used"
    assert table(fresh).stat().st_size > 1_000_000, "no table written"
    jieba.setLogLevel(60)
    lines = sample_texts()
    assert len(lines) > 100
    for line in lines:
        assert segment.tokenize(line) == list(jieba.tokenize(line, HMM=False)), line


def test_a_damaged_table_is_built_again(fresh):
    segment.tokenizer()
    path = table(fresh)
    good = path.read_bytes()
    path.write_bytes(b"not a database" * 100)
    segment.tokenizer.cache_clear()
    tok = segment.tokenizer()
    assert tok is not jieba.dt
    assert segment.tokenize("指明了方向") == list(jieba.tokenize("指明了方向", HMM=False))
    assert path.read_bytes() == good


def test_a_flipped_bit_in_a_key_is_caught_and_the_table_built_again(fresh):
    """Issue #26, case 8: one bit flipped in the key 查明 (every copy of it in the table's pages)
    made a valid-looking table in which 查明了原因 is 查 / 明了 / 原因, and zh-Hant 查明瞭原因, in every
    later run. The table is sealed: the damage is caught when it is opened, and it is rebuilt."""
    segment.tokenizer()
    path = table(fresh)
    data = path.read_bytes()
    key = "查明".encode()
    flipped = key[:-1] + bytes([key[-1] ^ 0x01])
    assert data.count(key) > 0
    path.write_bytes(data.replace(key, flipped))
    segment.tokenizer.cache_clear()
    jieba.setLogLevel(60)
    assert segment.tokenize("查明了原因") == list(jieba.tokenize("查明了原因", HMM=False)) == [
        ("查明", 0, 2), ("了", 2, 3), ("原因", 3, 5)]
    assert path.read_bytes() == data


@pytest.mark.parametrize("seed", range(4))
def test_random_bit_flips_in_the_table_never_change_the_words(fresh, seed):
    """A bit flipped anywhere in the table (a frequency made 0 gave ``math domain error`` in every
    PDF): the seal catches it; the words are jieba's."""
    import random

    segment.tokenizer()
    path = table(fresh)
    data = bytearray(path.read_bytes())
    at = random.Random(seed).randrange(len(data))
    data[at] ^= 1 << random.Random(seed).randrange(8)
    path.write_bytes(bytes(data))
    segment.tokenizer.cache_clear()
    for line in sample_texts()[:200]:
        assert segment.tokenize(line) == list(jieba.tokenize(line, HMM=False)), (at, line)


def test_no_cache_uses_jieba_as_it_ships_and_writes_nothing(fresh):
    cache.disable()
    try:
        assert segment.tokenizer() is jieba.dt
        assert not [p for p in fresh.rglob("*") if p.is_file()]
    finally:
        cache.enable()
