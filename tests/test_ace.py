"""Ace by DAISY (npm ``@daisy/ace-cli`` 1.4.6, the EPUB accessibility checker publishers use, run on
Debian's Chromium) finds no violation in any sample EPUB, in any variant, nor in the undated
newsletter fixture: ``epub-lang``, ``epub-pagelist-broken``, ``epub-type-has-matching-role``,
``pagebreak-label`` and the axe-core WCAG 2.1 rules it runs on every content document. Skipped,
saying why, where Ace (scripts/ace, installed by scripts/install.sh) or Chromium is missing.
"""

from __future__ import annotations

import pytest

from realreaders import ACE, CHROMIUM, ace
from sampledata import ROOT, SAMPLES

from convert.options import WriterOptions
from convert.reader import read_bulletin
from convert.variant import VARIANTS, make_variant
from convert.writers import epub as epub_writer

pytestmark = pytest.mark.skipif(not ACE.exists() or CHROMIUM is None,
                                reason="needs Ace by DAISY (scripts/ace: npm ci) and chromium")

CASES = [(p, t) for p in SAMPLES for t in VARIANTS] + [(ROOT / "tests" / "fixtures" / "newsletter-undated.txt", "zh-Hans")] + [
    # footnotes: their signs are links inside running text (noteref), told from it by more than colour
    (ROOT / "tests" / "fixtures" / "series" / "shenpan-dijin-2024-no04.txt", t) for t in ("zh-Hans", "zh-Hant-TW")]


@pytest.mark.parametrize("path,tag", CASES, ids=[f"{p.stem}-{t}" for p, t in CASES])
def test_ace_finds_no_violation(tmp_path, path, tag):
    root = make_variant(read_bulletin(path.read_text(encoding="utf-8"), path.name), tag)
    epub = tmp_path / f"{path.stem}.{tag}.epub"
    epub_writer.write(root, WriterOptions(), epub)
    report = ace(epub, tmp_path / "ace")
    assert report["violations"] == [] and report["outcome"] == "pass", report["by_rule"]
    # the conformance statement and who checked it are declared
    assert "dcterms:conformsTo" in report["a11y"]["present"] and "a11y:certifiedBy" in report["a11y"]["present"]
