"""Fuzzing: arbitrary bytes and arbitrary text never raise an unhandled exception; for text the
plain-text round trip stays exact (characters XML cannot carry aside, which are left out with a
warning)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sampledata import first_difference, source_content

from convert.errors import InputError
from convert.reader import load
from convert.reader.source import NOT_XML_RE
from convert.writers.txt import render

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_converted_or_refused_cleanly(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        root = load(path)
    except InputError as err:
        assert str(err).startswith(str(path))
        return
    render(root)


@FUZZ
@given(st.text(max_size=600))
def test_arbitrary_text_round_trips(tmp_path, text):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(text.encode("utf-8"))
    want = source_content(NOT_XML_RE.sub("", text))
    try:
        root = load(path)
    except InputError as err:
        assert not want or "encoding" in str(err) or "binary" in str(err) or "not text" in str(err), str(err)
        return
    got = re.sub(r"\s+", "", render(root))
    assert got == want, first_difference(got, want)
