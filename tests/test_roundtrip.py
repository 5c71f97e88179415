"""The plain-text round trip: whitespace and the listed markup aside, ``convert X.txt --to txt``
gives exactly the characters of ``X.txt`` (TEI-CONVENTIONS.md point 7)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sampledata import SAMPLE_IDS, SAMPLES, first_difference, nows, source_content

from convert.cli import main
from convert.reader import read_bulletin
from convert.writers.txt import render


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_txt_round_trip_is_exact(path, tmp_path):
    assert main([str(path), "--to", "txt", "-o", str(tmp_path)]) == 0
    got = nows((tmp_path / f"{path.stem}.txt").read_text(encoding="utf-8"))
    want = source_content(path.read_text(encoding="utf-8"))
    assert got == want, first_difference(got, want)


def test_a_brief_heads_closing_stop_comes_back_where_it_was_printed(tmp_path):
    """``<pc>`` is content: the heading line reads ``■title。`` as printed, and a brief column of
    ``■ **head。** text`` items (renda-tongze no. 7) round trips with each closing 。 a ``pc``."""
    from test_pdf import brief_with_closing_stop

    assert "■县人大常委会党组召开理论学习中心组学习会。" in render(brief_with_closing_stop()).splitlines()
    path = Path(__file__).parent / "fixtures" / "series" / "renda-tongze-2023-no07.txt"
    assert main([str(path), "--to", "tei,txt", "-o", str(tmp_path)]) == 0
    tei = (tmp_path / f"{path.stem}.xml").read_text(encoding="utf-8")
    assert tei.count("学习会<pc>。</pc></head>") == 1 and tei.count("<pc>。</pc></head>") == 3
    got = nows((tmp_path / f"{path.stem}.txt").read_text(encoding="utf-8"))
    want = source_content(path.read_text(encoding="utf-8"))
    assert got == want, first_difference(got, want)


# bulletin-like text: CJK runs, digits, mixed punctuation, Latin, and the markup forms the
# extraction leaves (headings, bold, bullets, rules, dot leaders), with page-break blank lines.
CJK = "的区委员会召开工作会议疫情防控我上街镇办社区要求强调指出年月日书记长领导督导检查"
PUNCT = "，。、；：？！“”（）《》,.;:?!()【】—…·%+-/"
piece = st.text(alphabet=CJK + PUNCT + string.digits + string.ascii_letters + " 　\t", min_size=1, max_size=40)


@st.composite
def bulletin_line(draw):
    body = draw(piece)
    form = draw(st.sampled_from(["plain", "plain", "plain", "hash", "bold", "b", "bullet", "leader",
                                 "rule", "blank", "inline-bold"]))
    if form == "hash":
        return "#" * draw(st.integers(1, 4)) + " " + body
    if form == "bold":
        return f"**{body}**"
    if form == "b":
        return f"<b>{body}</b>"
    if form == "bullet":
        return "- " + body
    if form == "leader":
        return body + "." * draw(st.integers(2, 6)) + draw(st.sampled_from([" ", "\t", ""])) + str(draw(st.integers(1, 40)))
    if form == "rule":
        return "---"
    if form == "blank":
        return ""
    if form == "inline-bold":
        return f"{body}**{draw(piece)}**{draw(piece)}"
    return body


bulletin = st.lists(bulletin_line(), min_size=1, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bulletin)
def test_any_bulletin_like_text_round_trips(text):
    if not source_content(text):
        return  # nothing but markup and whitespace: the reader refuses it (tested in test_cli)
    got = nows(render(read_bulletin(text, "generated.txt")))
    want = source_content(text)
    assert got == want, first_difference(got, want)
