"""Our TEI as the TEI community's own renderers show it (issue #18).

- CETEIcean (npm ``CETEIcean``, scripts/ceteicean/) in headless Chromium: every sample's TEI is
  loaded as a CETEIcean user loads it, the rendered DOM is read back, and every source character
  is there, in order; no empty bracket appears; every contents link lands on an element; the
  masthead, articles, bylines and colophon are where a reader expects them. Skipped, saying why,
  when node, Chromium or the npm packages (scripts/install.sh) are missing.
- The TEI Consortium's XSLT Stylesheets (profiles/default/html/to.xsl, Saxon HE): the same checks.
  The Stylesheets are not on a package registry and not in this repository, so this test runs
  only when ``$TEI_STYLESHEETS`` names a checkout (scripts/tei-stylesheets.sh documents it).
- The read-back itself (scripts/tei_html_check.py) finds a lost character, an empty bracket and
  a dead link in HTML made to have them.
"""

from __future__ import annotations

import difflib
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html
from sampledata import SAMPLE_IDS, SAMPLES

from convert.reader import read_bulletin
from convert.tei import to_bytes, xpath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import tei_html_check  # noqa: E402

CETEI_DIR = ROOT / "scripts" / "ceteicean"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SAXON_JAR = Path(os.environ.get("SAXON_JAR", "/usr/share/java/Saxon-HE.jar"))


@functools.cache
def model(path: Path):
    return read_bulletin(path.read_text(encoding="utf-8"), path.name)


def write_models(folder: Path) -> list[Path]:
    out = []
    for path in SAMPLES:
        target = folder / f"{path.stem}.xml"
        target.write_bytes(to_bytes(model(path)))
        out.append(target)
    return out


# ------------------------------------------------------------------------------ the read-back
def test_read_back_finds_loss_empty_brackets_and_dead_links(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("# 标题\n\n防控控工作（记者 甲）\n", encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text('<html><body><h1 id="a1">标题</h1><p>防控控工作（记者 甲）</p>'
                    '<a href="#a1">标题</a><div hidden>隐藏</div></body></html>', encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><h1>标题</h1><p>防控<span>[]</span>工作（记者 甲）</p>'
                   '<a href="#a9">x</a></body></html>', encoding="utf-8")
    ok = tei_html_check.check(src, good, "body")
    assert (ok["share"], ok["lost"], ok["empty_brackets"], ok["unresolved"]) == (1.0, [], 0, [])
    assert ok["added"] == ["标题"]  # the link text; the hidden div is not read
    broken = tei_html_check.check(src, bad, "body")
    assert broken["lost"] == ["标题防控[控]工作（记者甲"]  # six characters of context each side
    assert broken["share"] == (len("标题防控控工作（记者甲）") - 1) / len("标题防控控工作（记者甲）")
    assert broken["empty_brackets"] == 1
    assert broken["unresolved"] == ["#a9"]
    assert tei_html_check.main([str(src), str(good)]) == 0
    assert tei_html_check.main([str(src), str(bad)]) == 1


# ------------------------------------------------------------------------------ CETEIcean
def _ceteicean_missing() -> str | None:
    if not shutil.which("node"):
        return "node is not installed"
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}"
    if not (CETEI_DIR / "node_modules" / "CETEIcean" / "dist" / "CETEI.js").exists():
        return "CETEIcean not installed (scripts/install.sh runs npm ci in scripts/ceteicean)"
    return None


@pytest.fixture(scope="module")
def ceteicean(tmp_path_factory):
    """``{sample stem: path of the DOM CETEIcean rendered}``, all samples in one browser run."""
    missing = _ceteicean_missing()
    if missing:
        pytest.skip(f"CETEIcean check skipped: {missing}")
    folder = tmp_path_factory.mktemp("ceteicean")
    xmls = write_models(folder)
    run = subprocess.run(["node", str(CETEI_DIR / "render.mjs"), str(folder), *map(str, xmls)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return {p.stem: folder / f"{p.stem}.html" for p in xmls}


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_ceteicean_gives_back_every_source_character(ceteicean, path):
    report = tei_html_check.check(path, ceteicean[path.stem], "tei-text")
    assert report["lost"] == [] and report["share"] == 1.0
    assert report["empty_brackets"] == 0
    assert report["unresolved"] == []
    targets = xpath(model(path), "//tei:div[@type='contents']//tei:ref/@target")
    assert report["links"] == len(targets)


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_ceteicean_shows_masthead_articles_bylines_colophon(ceteicean, path):
    root = model(path)
    doc = lxml_html.fromstring(ceteicean[path.stem].read_bytes())
    for hidden in doc.xpath("//*[@hidden]"):
        hidden.drop_tree()
    text = doc.xpath("//tei-text")[0]

    def shown(el):
        return "".join("".join(el.itertext()).split())

    def gives_back(tei_el, el) -> bool:
        """Every character of TEI *tei_el* is in HTML *el*, in order (the renderer may add some,
        such as CETEIcean's brackets around a note)."""
        want = "".join("".join(tei_el.itertext()).split())
        got = shown(el)
        blocks = difflib.SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks()
        return sum(b.size for b in blocks) == len(want)

    page = text.xpath(".//tei-titlepage")
    assert len(page) == 1
    assert gives_back(xpath(root, "//tei:titlePage")[0], page[0])
    articles = xpath(root, "//tei:div[@type='article' or @type='brief']/@xml:id")
    assert [d.get("id") for d in text.xpath(".//tei-div[@type='article' or @type='brief']")] == articles
    bylines = ["".join("".join(b.itertext()).split()) for b in xpath(root, "//tei:body//tei:byline")]
    assert [shown(b) for b in text.xpath(".//tei-body//tei-byline")] == bylines
    colophon = text.xpath(".//tei-back/tei-div[@type='colophon']")
    assert len(colophon) == len(xpath(root, "//tei:back/tei:div[@type='colophon']"))
    # a character printed twice across a page break is shown twice, as printed
    for surplus in xpath(root, "//tei:surplus"):
        before = "".join(surplus.xpath("preceding::text()"))[-3:].strip()
        assert before[-1] + surplus.text in shown(text)


# ------------------------------------------------------------------------------ TEI Stylesheets
@pytest.fixture(scope="module")
def stylesheets(tmp_path_factory):
    """``{sample stem: HTML the TEI Stylesheets made}``; needs ``$TEI_STYLESHEETS``."""
    home = os.environ.get("TEI_STYLESHEETS")
    if not home:
        pytest.skip("TEI Stylesheets check skipped: $TEI_STYLESHEETS names no checkout "
                    "(they are not on a package registry; see scripts/tei-stylesheets.sh)")
    xsl = Path(home) / "profiles" / "default" / "html" / "to.xsl"
    if not xsl.exists() or not SAXON_JAR.exists() or not shutil.which("java"):
        pytest.skip(f"TEI Stylesheets check skipped: {xsl} or {SAXON_JAR} or java missing")
    folder = tmp_path_factory.mktemp("stylesheets")
    out = {}
    for xml in write_models(folder):
        html = folder / f"{xml.stem}.html"
        run = subprocess.run(["java", "-jar", str(SAXON_JAR), f"-s:{xml}", f"-xsl:{xsl}", f"-o:{html}",
                              "autoToc=false", "numberHeadings=false", "pagebreakStyle=none"],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        out[xml.stem] = html
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=SAMPLE_IDS)
def test_stylesheets_give_back_every_source_character(stylesheets, path):
    """Every source character but the stray Traditional ones: the Stylesheets' reading view
    shows the regularised form (reg) of ``<choice><orig>強</orig><reg>强</reg></choice>``."""
    report = tei_html_check.check(path, stylesheets[path.stem], "body")
    origs = {o.text for o in xpath(model(path), "//tei:orig")}
    lost = [c for item in report["lost"] for c in item.split("[", 1)[1].split("]", 1)[0]]
    assert set(lost) <= origs, report["lost"]
    assert report["empty_brackets"] == 0
    assert report["unresolved"] == []
    assert report["links"] == len(xpath(model(path), "//tei:div[@type='contents']//tei:ref/@target"))
