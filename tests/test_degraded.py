"""The reader on text as extraction leaves it (issue #11).

- the shared degraded samples (``samples/degraded/``) against their gold: article headings,
  page-break joins inside one ``<p>``, furniture as ``<fw>``, one document per issue;
- every bulletin with a gold file through every degradation of ``tests/degrade.py`` (random
  seeds on a developer's machine, fixed ones on CI — ``CI`` set — as the hypothesis tests are
  derandomized there), and every ordered pair of samples concatenated;
- in every case: heading precision and recall 1.0, every gold sub-heading, every gold join, every
  inserted furniture line as ``<fw>``, no heading glued into a paragraph, the plain-text round
  trip exact, valid against bulletin.rng; no warning on clean text.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from degrade import CORPUS, DEGRADATIONS, concatenate, furniture_text, gold, measure
from sampledata import first_difference, nows, source_content

from convert.reader import read_issues
from convert.tei import xpath
from convert.validators.tei import own_schema
from convert.writers.txt import render

ROOT = Path(__file__).resolve().parent.parent
DEGRADED = sorted((ROOT / "samples" / "degraded").glob("*.txt"))
SAMPLES = [p for p in CORPUS if p.parent.name == "samples"]
#: fixed on CI, new each run elsewhere (a failure message names the seed to replay it with
#: ``DEGRADE_SEED``)
BASE_SEED = int(os.environ.get("DEGRADE_SEED", "0" if os.environ.get("CI") else str(random.randrange(10**6))))


def read(text: str) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return read_issues(text, "degraded.txt", warnings=warnings), warnings


def check(docs, golds: list[dict], furniture: list[str], text: str, where: str) -> None:
    """Every promise of the issue, one assertion each, for one read file."""
    assert len(docs) == len(golds), f"{where}: {len(docs)} documents for {len(golds)} issues"
    schema = own_schema()
    fws = []
    for doc, want in zip(docs, golds):
        m = measure(doc.root, want, [], xpath)
        assert m["precision"] == 1.0 and m["recall"] == 1.0, \
            f"{where}: headings missing {m['missing']}, wrongly found {m['extra']}"
        assert m["glued"] == [], f"{where}: a heading glued into a paragraph: {m['glued']}"
        found, total = m["subheadings"]
        assert found == total, f"{where}: sub-headings found {found}/{total}"
        joined, total = m["joins"]
        assert joined == total, f"{where}: joins in one <p> {joined}/{total}"
        assert schema.validate(doc.root), f"{where}: bulletin.rng: {schema.error_log}"
        fws += [nows("".join(f.itertext())) for f in xpath(doc.root, "//tei:text//tei:fw")]
    assert sorted(fws) == sorted(furniture_text(f) for f in furniture), f"{where}: fw {fws} vs {furniture}"
    got = "".join(nows(render(d.root)) for d in docs)
    want_text = source_content(text)
    assert got == want_text, f"{where}: txt round trip: {first_difference(got, want_text)}"


@pytest.mark.parametrize("path", DEGRADED, ids=[p.stem for p in DEGRADED])
def test_shared_degraded_sample_matches_its_gold(path):
    want = gold(path)
    text = path.read_text(encoding="utf-8")
    docs, _ = read(text)
    check(docs, want.get("issues", [want]), want.get("furniture", []), text, path.name)


def test_furniture_stands_where_the_page_broke():
    """pdftotext sample: a folio, the break (pb/@n = the next page) and the running head inside
    the paragraph the page broke in, in source order."""
    path = ROOT / "samples" / "degraded" / "monthly-2020-01-no90.pdftotext.txt"
    root = read(path.read_text(encoding="utf-8"))[0][0].root
    p = [p for p in xpath(root, "//tei:p") if "区领" in "".join(p.itertext())][0]
    names = [(c.tag.rsplit("}", 1)[1], c.get("type") or c.get("n")) for c in p]
    assert names[:3] == [("fw", "pageNum"), ("pb", "3"), ("fw", "header")]
    assert p[0].text == "第 2 页" and re.sub(r"\s+", "", p.text).endswith("区领")
    assert p[2].tail.startswith("导耿勇军")


def test_two_issues_have_their_own_header_and_masthead():
    path = ROOT / "samples" / "degraded" / "monthly-2020-01-02.two-issues.txt"
    docs, warnings = read(path.read_text(encoding="utf-8"))
    assert [xpath(d.root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") for d in docs] == ["90", "91"]
    assert [len(xpath(d.root, "//tei:titlePage")) for d in docs] == [1, 1]
    assert docs[0].first_line == 1 and docs[1].first_line == docs[0].last_line + 1
    assert docs[1].last_line == len(re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8")))
    assert warnings == []


CASES = [(name, path) for name in DEGRADATIONS for path in CORPUS]


@pytest.mark.parametrize("name,path", CASES, ids=[f"{n}-{p.stem}" for n, p in CASES])
def test_every_degradation_of_every_sample(name, path):
    seed = f"{BASE_SEED}:{name}:{path.name}"
    text, furniture = DEGRADATIONS[name](path.read_text(encoding="utf-8"), random.Random(seed))
    docs, warnings = read(text)
    check(docs, [gold(path)], furniture, text, f"{name} × {path.stem} (DEGRADE_SEED={BASE_SEED})")
    if name in ("clean", "crlf", "blank-doubled"):
        assert warnings == [], f"warnings on clean text: {warnings}"


PAIRS = [(a, b) for a in SAMPLES for b in SAMPLES if a != b]


@pytest.mark.parametrize("a,b", PAIRS, ids=[f"{a.stem}+{b.stem}" for a, b in PAIRS])
@pytest.mark.parametrize("name", ["clean", "pdftotext", "scan"])
def test_two_samples_concatenated_give_two_documents(name, a, b):
    rng = random.Random(f"{BASE_SEED}:{name}:{a.name}:{b.name}")
    ta, fa = DEGRADATIONS[name](a.read_text(encoding="utf-8"), rng)
    tb, fb = DEGRADATIONS[name](b.read_text(encoding="utf-8"), rng)
    text = concatenate(ta, tb)
    docs, _ = read(text)
    check(docs, [gold(a), gold(b)], fa + fb, text, f"{name}: {a.stem} + {b.stem} (DEGRADE_SEED={BASE_SEED})")


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clean_samples_give_no_warning_and_no_cert(path):
    docs, warnings = read(path.read_text(encoding="utf-8"))
    assert warnings == []
    # no heading or paragraph rests on weak evidence; a <pb cert="low"/> is a page start placed
    # from the contents list (the page may begin earlier), not a reading of a line (docs/tei-model.md)
    assert xpath(docs[0].root, "//tei:text//*[not(self::tei:pb)]/@cert") == []


def test_form_feeds_of_a_file_are_evidence_not_a_warning():
    """Read from a file, the form feeds (page ends) are taken out before the XML clean-up and
    given to the reader: no warning about U+000C, and each page break gets its pb."""
    from convert.reader import load_input

    path = ROOT / "samples" / "degraded" / "monthly-2020-01-no90.pdftotext.txt"
    warnings: list[str] = []
    root = load_input(path, warnings=warnings).root
    assert not any("U+000C" in w for w in warnings), warnings
    n_feeds = path.read_text(encoding="utf-8").count("\f")
    pbs = xpath(root, "//tei:text//tei:pb[@n]")
    assert len(pbs) == n_feeds and all(pb.getnext() is not None and pb.getnext().get("type") == "header" for pb in pbs)


def test_what_the_reader_makes_of_degraded_text_is_valid_tei_all(tmp_path):
    """fw, pb/@n and @cert where the degraded text gives them: valid against TEI P5 tei_all.rng
    too (one jing run over every shared degraded sample and a pdftotext-like degradation)."""
    from convert.tei import to_bytes
    from convert.validators.tei import run_jing

    files = []
    texts = [p.read_text(encoding="utf-8") for p in DEGRADED]
    texts.append(DEGRADATIONS["scan"](SAMPLES[-1].read_text(encoding="utf-8"), random.Random(BASE_SEED))[0])
    for k, text in enumerate(texts):
        for j, doc in enumerate(read(text)[0]):
            path = tmp_path / f"d{k}-{j}.xml"
            path.write_bytes(to_bytes(doc.root))
            files.append(path)
    roots = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "<fw " in roots and "<pb n=" in roots and 'cert="medium"' in roots
    verdict = run_jing(*files)
    assert verdict.ok, str(verdict)


# any bulletin-like text with the layout extraction leaves (folios, running heads, form feeds,
# hard wraps, CRLF, issue-number lines) is read without error and round-trips exactly
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CJK = "的区委员会召开工作会议疫情防控我上街镇办社区要求强调指出年月日书记长领导督导检查"
_piece = st.text(alphabet=_CJK + "，。、；：？！“”（）《》,.;:()—…·" + "0123456789 　", min_size=1, max_size=45)
_layout = st.sampled_from(["— {n} —", "- {n} -", "第 {n} 页", "{n}", "\f上街时讯   2020年第{n}期",
                           "\f", "", "第{n}期(总第{n}期)", "(共印 {n} 份)", "## {p}", "**{p}**", "{p}"])


@st.composite
def _extracted(draw):
    lines = []
    for _ in range(draw(st.integers(1, 40))):
        form = draw(st.one_of(_layout, _layout.map(lambda _: "{p}")))
        lines.append(form.format(n=draw(st.integers(1, 99)), p=draw(_piece)))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_extracted())
def test_any_extracted_looking_text_round_trips(text):
    if not source_content(text):
        return
    docs, _ = read(text)
    got = "".join(nows(render(d.root)) for d in docs)
    want = source_content(text)
    assert got == want, first_difference(got, want)
    schema = own_schema()
    for d in docs:
        assert schema.validate(d.root), str(schema.error_log)


def test_a_folio_shaped_like_a_list_bullet_keeps_its_dashes():
    """``- 3 -`` is a folio, not a ``- `` bulleted line: kept whole as ``<fw type="pageNum">``
    and given back by the plain text (TEI-CONVENTIONS.md point 7)."""
    text = ("上街时讯\n\n## 标题一\n\n第一段文字，这是很长的一段话，说的是防控\n\n- 3 -\n\n"
            "工作的安排。\n\n- 市领导督导检查\n")
    root = read(text)[0][0].root
    assert ["".join(f.itertext()) for f in xpath(root, "//tei:fw")] == ["- 3 -"]
    assert "- 3 -" in render(root) and "- 市领导" not in render(root)  # the real bullet's markup goes
