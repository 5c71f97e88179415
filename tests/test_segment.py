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


def test_same_words_as_jieba_on_every_line_of_the_samples(fresh):
    tok = segment.tokenizer()
    assert tok is not jieba.dt, "the cached table was not used"
    assert list((fresh / "bulletin-convert").rglob("*.sqlite")), "no table written"
    jieba.setLogLevel(60)
    lines = sample_texts()
    assert len(lines) > 100
    for line in lines:
        assert segment.tokenize(line) == list(jieba.tokenize(line, HMM=False)), line


def test_a_damaged_table_is_built_again(fresh):
    segment.tokenizer()
    table = next((fresh / "bulletin-convert").rglob("*.sqlite"))
    table.write_bytes(b"not a database" * 100)
    segment.tokenizer.cache_clear()
    tok = segment.tokenizer()
    assert tok is not jieba.dt
    assert segment.tokenize("指明了方向") == list(jieba.tokenize("指明了方向", HMM=False))
    assert table.read_bytes().startswith(b"SQLite format 3")


def test_no_cache_uses_jieba_as_it_ships_and_writes_nothing(fresh):
    cache.disable()
    try:
        assert segment.tokenizer() is jieba.dt
        assert not list(fresh.rglob("*.sqlite"))
    finally:
        cache.enable()
