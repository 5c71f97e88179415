"""The catalogue (``--catalogue``, issue 25): OPDS 1.2 and 2.0 feeds and an HTML index of an
output folder, checked with real clients and the standards' own schemas.

- The three samples and their zh-Hant-TW editions (EPUB, PDF, OFD, TEI, text): every OPDS 1.2
  feed valid against the OPDS 1.2 RELAX NG schema (jing, zero findings), every OPDS 2.0 document
  against the official JSON Schemas (zero findings); served on 127.0.0.1, every link from
  ``catalog.xml``, ``catalog.json`` and ``index.html`` (and from the feeds they lead to) answers
  200; feedparser (a real Atom/OPDS client library) reads the entries back.
- Reproducible (a rebuild writes nothing; the folder copied elsewhere gives the same bytes) and
  incremental (an added issue joins, the others' entries unchanged; an issue whose files are
  removed drops out, its covers with it, and the catalogue is the one of the folder without it).
- Damaged and foreign files, a foreign manifest, both forms of manifest paths, files in the way.
- Paging beyond 50 entries.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from lxml import etree

from convert.opds.manifest import recorded_outputs
from convert.opds.schema import RNC_FIX, SCHEMA_DIR, check_json, run_jing
from sampledata import SAMPLES, without_reader_warnings

CONVERT = [sys.executable, "-m", "convert"]
ATOM = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/terms/",
        "schema": "http://schema.org", "os": "http://a9.com/-/spec/opensearch/1.1/"}
OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
TOP = ("catalog.xml", "catalog.json", "index.html")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CONVERT, *args], capture_output=True, text=True, cwd=cwd, timeout=900,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parent.parent)})


def catalogue_files(out: Path) -> dict[str, bytes]:
    """Every catalogue file of *out* by path relative to it."""
    files = {name: (out / name).read_bytes() for name in TOP if (out / name).exists()}
    for p in sorted((out / "catalog").rglob("*")):
        if p.is_file():
            files[p.relative_to(out).as_posix()] = p.read_bytes()
    return files


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """The three samples and their zh-Hant-TW editions in every format, with the catalogue."""
    out = tmp_path_factory.mktemp("library") / "out"
    proc = run(*map(str, SAMPLES), "--to", "epub,pdf,ofd,tei,txt", "--variant", "zh-Hans,zh-Hant-TW",
               "-o", str(out), "--catalogue", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    assert "catalogue: 3 issues, 6 editions" in proc.stdout
    assert without_reader_warnings(proc.stderr) == []
    return out


def entries(feed: Path) -> list[etree._Element]:
    return etree.parse(str(feed)).getroot().findall("a:entry", ATOM)


# ----------------------------------------------------------------------------------- schemas

def test_samples_valid_against_the_opds_schemas(library):
    feeds = [p for p in sorted(library.rglob("*.xml"))
             if p.name == "catalog.xml" or (p.parent.name == "catalog" and p.name != "opensearch.xml")]
    assert len(feeds) == 7  # root, new, series, years, 2 series, 1 year
    verdict = run_jing(feeds)
    assert verdict.ok, verdict.messages
    assert verdict.counts == {"error": 0}
    documents = [library / "catalog.json", *sorted((library / "catalog").glob("*.json"))]
    assert len(documents) == len(feeds)
    for doc in documents:
        assert check_json(doc.read_bytes()) == [], doc


def test_samples_catalogue_content(library):
    new = entries(library / "catalog" / "new.xml")
    assert [e.findtext("a:title", namespaces=ATOM) for e in new] == [
        "上街时讯 第7期(总第634期) 2020年2月29日", "上街区地方史志办公室 总第91期 2020年2月",
        "上街区地方史志办公室 总第90期 2020年1月"]
    paper, no91 = new[0], new[1]
    assert paper.findtext("dc:issued", namespaces=ATOM) == "2020-02-29"
    assert no91.findtext("dc:issued", namespaces=ATOM) == "2020-02"
    assert [x.text for x in no91.findall("dc:language", ATOM)] == ["zh-Hans", "zh-Hant-TW"]
    assert no91.findtext("a:author/a:name", namespaces=ATOM) == "上街区地方史志办公室"
    assert no91.findtext("dc:publisher", namespaces=ATOM) == "上街区地方史志办公室"
    series = no91.find("schema:Series", ATOM)
    assert series.get(f"{{{ATOM['schema']}}}name") == "上街区地方史志办公室"
    assert series.get(f"{{{ATOM['schema']}}}position") == "91"
    assert [c.get("term") for c in no91.findall("a:category", ATOM)] == ["本月关注", "重要会议", "工作动态", "基层实录"]
    assert no91.findtext("a:summary", namespaces=ATOM).startswith("本月关注：市领导督导我区疫情防控工作；")
    links = no91.findall("a:link", ATOM)
    acquired = [(ln.get("href"), ln.get("type"), ln.get("hreflang")) for ln in links if ln.get("rel") == OPEN_ACCESS]
    assert acquired == [
        (f"../monthly-2020-02-no91{tag}.{ext}", mime, lang)
        for tag, lang in (("", "zh-Hans"), (".zh-Hant-TW", "zh-Hant-TW"))
        for ext, mime in (("epub", "application/epub+zip"), ("pdf", "application/pdf"), ("ofd", "application/ofd"))]
    rels = {ln.get("rel"): ln.get("href") for ln in links}
    assert rels["http://opds-spec.org/image"].startswith("covers/")
    assert rels["http://opds-spec.org/image/thumbnail"].startswith("covers/")
    # the root is a navigation feed; the OpenSearch description is linked from every feed
    root = etree.parse(str(library / "catalog.xml")).getroot()
    assert [e.findtext("a:title", namespaces=ATOM) for e in root.findall("a:entry", ATOM)] == ["最新各期", "按系列", "按年份"]
    assert root.find("a:link[@rel='search']", ATOM).get("type") == "application/opensearchdescription+xml"
    # OPDS 2.0: one title per edition, each acquisition link with its language
    pub = json.loads((library / "catalog" / "new.json").read_bytes())["publications"][1]
    assert pub["metadata"]["title"] == {"zh-Hans": "上街区地方史志办公室 总第91期 2020年2月",
                                        "zh-Hant-TW": "上街區地方史志辦公室 總第91期 2020年2月"}
    assert pub["metadata"]["belongsTo"]["series"]["position"] == 91
    assert "published" not in pub["metadata"]  # 2020-02 is not a full date; never invented
    assert [ln["language"] for ln in pub["links"]] == ["zh-Hans"] * 3 + ["zh-Hant-TW"] * 3


def test_rnc_as_published_rejects_every_iri_with_r_or_t(tmp_path):
    """Why jing is given a corrected copy: the published pattern reads ``\\nrt`` literally."""
    text = (SCHEMA_DIR / "opds.rnc").read_text(encoding="utf-8")
    assert text.count(RNC_FIX[0]) == 1
    feed = tmp_path / "f.xml"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:1</id><title>t</title>'
                    '<updated>2020-01-01T00:00:00Z</updated><author><name>a</name></author>'
                    '<link rel="self" href="catalog.xml" type="application/atom+xml"/></feed>')
    assert run_jing([feed]).ok
    (tmp_path / "published").mkdir()
    shutil.copy(SCHEMA_DIR / "opds.rnc", tmp_path / "published")
    shutil.copy(SCHEMA_DIR / "atom.rnc", tmp_path / "published")
    proc = subprocess.run(["jing", "-c", str(tmp_path / "published" / "opds.rnc"), str(feed)],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and 'element "id" invalid' in proc.stdout and '"href" is invalid' in proc.stdout


def test_json_schema_findings_are_real(library):
    """The OPDS 2.0 check is not vacuous: a feed without ``self``, a BCP 47 tag with an
    underscore (the Readium pattern with ECMA named groups), a month as ``published`` and a
    publication without an acquisition link are each found."""
    doc = json.loads((library / "catalog" / "new.json").read_bytes())
    doc["links"] = [ln for ln in doc["links"] if ln["rel"] != "self"]
    pub = doc["publications"][0]
    pub["metadata"]["language"] = ["zh_Hans"]
    pub["metadata"]["published"] = "2020-02"
    doc["publications"][1]["links"] = [{"rel": "alternate", "href": "x.html", "type": "text/html"}]
    found = "\n".join(check_json(json.dumps(doc).encode()))
    assert "links: None of [" in found  # "contains" a self link: none does
    assert "publications/0/metadata/language/0" in found
    assert "publications/0/metadata/published" in found
    assert "publications/1/links" in found


# ----------------------------------------------------------------------------- real clients

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def served(library):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(library)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [v for k, v in attrs if k in ("href", "src") and v]


def _links_of(url: str, data: bytes, ctype: str) -> list[str]:
    if "json" in ctype:
        out = []

        def walk(x):
            if isinstance(x, dict):
                out.extend([x["href"]] if isinstance(x.get("href"), str) else [])
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(json.loads(data))
        return out
    if "html" in ctype:
        p = _Links()
        p.feed(data.decode("utf-8"))
        return p.found
    root = etree.fromstring(data)
    return ([*root.xpath("//a:link/@href", namespaces=ATOM), *root.xpath("//schema:Series/@schema:url", namespaces=ATOM)]
            + [t.replace("{searchTerms}", "634") for t in root.xpath("//os:Url/@template", namespaces=ATOM)])


def test_every_link_resolves_over_http(served):
    """Walk every link from the three entry points, following the feeds and pages they lead to."""
    todo = [urljoin(served, name) for name in TOP]
    seen: dict[str, int] = {}
    while todo:
        url = todo.pop()
        key = url.split("#")[0]
        if key in seen:
            continue
        with urlopen(key) as resp:  # raises HTTPError on 404
            seen[key] = resp.status
            data, ctype = resp.read(), resp.headers.get("Content-Type", "")
        assert urlsplit(key).netloc == urlsplit(served).netloc  # never outside the folder
        if key.split("?")[0].endswith((".xml", ".json", ".html")) and "/covers/" not in key:
            for link in _links_of(key, data, "json" if key.split("?")[0].endswith(".json") else
                                  "html" if key.split("?")[0].endswith(".html") else "xml"):
                assert not urlsplit(link).scheme and not link.startswith("/"), link  # relative
                todo.append(urljoin(key, link))
    assert set(seen.values()) == {200}
    names = {unquote(urlsplit(u).path) for u in seen}
    for tag in ("", ".zh-Hant-TW"):
        for ext in ("epub", "pdf", "ofd", "xml", "txt"):
            assert f"/newsletter-2020-02-29-no634{tag}.{ext}" in names
    assert len([n for n in names if n.startswith("/catalog/covers/")]) == 12
    # 30 outputs, 12 images, 7 + 7 feeds, the OpenSearch description, the page, its 2 search URLs
    assert len(seen) == 30 + 12 + 14 + 1 + 1 + 2


def test_feedparser_reads_the_entries(served):
    """feedparser (PyPI), the Atom/RSS client library, reads the acquisition feed as a client
    over HTTP does: no parse problem, three entries with titles, authors, categories, summaries,
    publication dates and every acquisition link with its type and language."""
    import feedparser

    d = feedparser.parse(urljoin(served, "catalog/new.xml"))
    assert d.bozo == 0, d.get("bozo_exception")
    assert d.version == "atom10"
    assert d.feed.title == "最新各期"
    assert len(d.entries) == 3
    e = d.entries[2]
    assert e.title == "上街区地方史志办公室 总第90期 2020年1月"
    assert e.author == "上街区地方史志办公室"
    assert [t.term for t in e.tags] == ["本月关注", "重要会议", "工作动态", "基层实录"]
    assert e.summary.startswith("本月关注：省安全生产专项督导组")
    assert e.published.startswith("2020-01")  # dcterms:issued
    acq = [ln for ln in e.links if ln.rel == OPEN_ACCESS]
    assert [(ln.type, ln.hreflang) for ln in acq] == [
        (t, lang) for lang in ("zh-Hans", "zh-Hant-TW")
        for t in ("application/epub+zip", "application/pdf", "application/ofd")]
    for ln in acq:  # the links resolve against the feed's URL to the files beside it
        assert ln.href.startswith(served) and int(ln.length) > 10_000
    nav = feedparser.parse(urljoin(served, "catalog.xml"))
    assert [x.title for x in nav.entries] == ["最新各期", "按系列", "按年份"]


# --------------------------------------------------------------------- reproducible, incremental

def test_reproducible(library, tmp_path):
    before = catalogue_files(library)
    proc = run("--catalogue", "-o", str(library), "--check", "-v")
    assert proc.returncode == 0 and "(0 files written, 0 removed)" in proc.stdout
    assert "jing (opds.rnc): ok (0 error)" in proc.stdout
    assert catalogue_files(library) == before
    # a thumbnail and a cover deleted: made again, the same bytes
    for p in sorted((library / "catalog" / "covers").iterdir())[:2]:
        p.unlink()
    proc = run("--catalogue", "-o", str(library))
    assert proc.returncode == 0 and "(2 files written, 0 removed)" in proc.stdout
    assert catalogue_files(library) == before
    # the folder moved elsewhere (manifest paths then name the old place) and rebuilt from
    # scratch, from another working folder: the same bytes
    copy = tmp_path / "moved"
    shutil.copytree(library, copy)
    for name in TOP:
        (copy / name).unlink()
    shutil.rmtree(copy / "catalog")
    proc = run("--catalogue", "-o", "moved", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert catalogue_files(copy) == before


def _convert(out: Path, *samples: Path) -> subprocess.CompletedProcess:
    proc = run(*map(str, samples), "--to", "epub,tei", "-o", str(out), "--catalogue", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    return proc


def _entries_by_id(out: Path) -> dict[str, bytes]:
    return {e.findtext("a:id", namespaces=ATOM): etree.tostring(e, method="c14n")
            for e in entries(out / "catalog" / "new.xml")}


def test_incremental(tmp_path):
    two, three = sorted(SAMPLES)[:2], sorted(SAMPLES)[2]
    out = tmp_path / "out"
    _convert(out, *two)
    first = _entries_by_id(out)
    state_two = catalogue_files(out)
    assert len(first) == 2
    _convert(out, three)  # a later run adds an issue
    after = _entries_by_id(out)
    assert len(after) == 3
    assert {k: after[k] for k in first} == first  # the others' entries are unchanged
    covers = {p.name for p in (out / "catalog" / "covers").iterdir()}
    for p in out.glob(f"{three.stem}.*"):  # its files removed: it drops out
        p.unlink()
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 0 and without_reader_warnings(proc.stderr) == [], proc.stderr
    assert "catalogue: 2 issues, 2 editions" in proc.stdout
    assert _entries_by_id(out) == first
    assert len({p.name for p in (out / "catalog" / "covers").iterdir()}) == len(covers) - 2
    assert catalogue_files(out) == state_two  # exactly the catalogue of the folder without it
    listed = (out / "catalog" / "files.sha256").read_text()
    assert subprocess.run(["sha256sum", "-c", "--quiet", "catalog/files.sha256"], cwd=out).returncode == 0
    assert len(listed.splitlines()) == len(state_two) - 1  # every file but the record itself


# ------------------------------------------------------------------ damaged and foreign files

def test_damaged_and_foreign_files_are_skipped_with_one_line(library, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(library, out)
    good = out / "monthly-2020-01-no90.epub"
    (out / "truncated.epub").write_bytes(good.read_bytes()[:5000])          # damaged, unlisted
    (out / "monthly-2020-02-no91.zh-Hant-TW.pdf").write_bytes(b"%PDF-1.7\n")  # damaged, listed
    import pikepdf
    with pikepdf.new() as pdf:                                              # foreign PDF
        pdf.add_blank_page()
        pdf.docinfo["/Title"] = "会议纪要"
        pdf.save(out / "minutes.pdf")
    with zipfile.ZipFile(out / "novel.epub", "w") as z:                     # foreign EPUB
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                   '<rootfiles><rootfile full-path="a.opf"/></rootfiles></container>')
        z.writestr("a.opf", '<package xmlns="http://www.idpf.org/2007/opf"><metadata '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>小说</dc:title></metadata></package>')
    (out / "notes.xml").write_text("<notes/>")                              # foreign XML
    (out / "linked.epub").symlink_to(good)                                  # never followed
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 6, lines
    expect = {"truncated.epub": "damaged", "monthly-2020-02-no91.zh-Hant-TW.pdf": "damaged",
              "minutes.pdf": "foreign", "novel.epub": "foreign", "notes.xml": "foreign",
              "linked.epub": "a symbolic link"}
    for name, why in expect.items():
        [line] = [ln for ln in lines if f"/{name}: " in ln]
        assert line.startswith("convert: warning: catalogue: ") and f"skipped: {why}" in line
    assert "catalogue: 3 issues, 6 editions" in proc.stdout
    hrefs = b"".join((out / "catalog" / "new.xml").read_bytes().split())
    assert b"no91.zh-Hant-TW.pdf" not in hrefs and b"no91.zh-Hant-TW.epub" in hrefs
    for name in ("truncated", "minutes", "novel", "linked"):
        assert name.encode() not in (out / "index.html").read_bytes()


@pytest.mark.parametrize("manifest", [b"not json{", b"[]", b'{"inputs": [{"outputs": [{"path": 1}]}]}'])
def test_foreign_manifest_means_no_entries_and_one_line(library, tmp_path, manifest):
    """An unreadable or foreign manifest: one warning, and the catalogue rests on the outputs'
    own metadata (PDF and OFD name convert, the TEI its appInfo; the EPUBs are vouched for by
    the TEI beside them): the same catalogue."""
    out = tmp_path / "out"
    shutil.copytree(library, out)
    (out / "manifest.json").write_bytes(manifest)
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.splitlines()
    assert "manifest.json: not" in line and "the catalogue rests on the outputs' own metadata" in line
    assert catalogue_files(out) == catalogue_files(library)


def test_manifest_path_forms(tmp_path, monkeypatch):
    """Output paths relative to the manifest's folder (the current form), relative to the
    working folder of the run that wrote it, and absolute, all name the same files."""
    out = tmp_path / "work" / "out"
    out.mkdir(parents=True)
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (out / name).write_bytes(name.encode())
    monkeypatch.chdir(tmp_path / "work")
    rec = {"format": "pdf", "variant": "zh-Hans", "sha256": "0" * 64}
    (out / "manifest.json").write_text(json.dumps({"convert": "0.1.0", "inputs": [{"input": "x", "outputs": [
        {**rec, "path": "a.pdf"}, {**rec, "path": "out/b.pdf"}, {**rec, "path": str(out / "c.pdf")},
        {**rec, "path": "../../elsewhere.pdf"}, {**rec, "path": "gone.pdf"}]}]}))
    warnings = []
    got = recorded_outputs(out, warnings.append)
    assert sorted(Path(p).name for p in got) == ["a.pdf", "b.pdf", "c.pdf"]
    assert warnings == []


def test_files_in_the_way_are_never_replaced(library, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(library, out)
    for name in TOP:
        (out / name).unlink()
    (out / "index.html").write_text("<p>our own page</p>")
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith("convert: catalogue: ") and "index.html: not replaced" in line
    assert (out / "index.html").read_text() == "<p>our own page</p>"
    assert not (out / "catalog.xml").exists() and not (out / "catalog.json").exists()
    # a catalogue folder that is a symbolic link is not written through
    (out / "index.html").unlink()
    shutil.rmtree(out / "catalog")
    (tmp_path / "elsewhere").mkdir()
    (out / "catalog").symlink_to(tmp_path / "elsewhere")
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 1 and "catalog: a symbolic link; not followed" in proc.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_folder_scan_never_reads_the_catalogue(tmp_path):
    """Converting a folder into itself: the catalogue's feeds (XML files) are not taken as inputs."""
    lib = tmp_path / "lib"
    lib.mkdir()
    sample = sorted(SAMPLES)[0]
    shutil.copy(sample, lib / sample.name)
    for _ in range(2):
        proc = run(str(lib), "--to", "epub,tei", "-o", str(lib), "--catalogue", "-v")
        assert proc.returncode == 0, proc.stderr
        assert "1 inputs: 1 converted" in proc.stdout
    assert f"skipped {lib / 'catalog.xml'}: an output of an earlier run" in proc.stdout
    assert f"skipped {lib / 'catalog' / 'new.xml'}: an output of an earlier run" in proc.stdout


def test_catalogue_needs_an_existing_folder_and_inputs_or_the_option(tmp_path):
    proc = run("--catalogue", "-o", str(tmp_path / "missing"))
    assert proc.returncode == 1 and proc.stderr.strip().endswith("missing: no such folder")
    proc = run("-o", str(tmp_path))
    assert proc.returncode == 2 and "required: INPUT" in proc.stderr


# -------------------------------------------------------------------------------------- paging

def test_paging_beyond_fifty(library, tmp_path):
    """51 issues (copies of one issue's EPUB and TEI under other names, no manifest: recognised
    by their own metadata): "最新各期" is two pages linked by RFC 5005 next/previous/first/last,
    in both formats, valid."""
    out = tmp_path / "out"
    out.mkdir()
    for n in range(51):
        for ext in ("epub", "xml"):
            shutil.copy(library / f"monthly-2020-01-no90.{ext}", out / f"copy{n:02d}.{ext}")
    proc = run("--catalogue", "-o", str(out))
    assert proc.returncode == 0 and without_reader_warnings(proc.stderr) == [], proc.stderr
    first, second = out / "catalog" / "new.xml", out / "catalog" / "new-2.xml"
    assert len(entries(first)) == 50 and len(entries(second)) == 1

    def rels(p: Path) -> dict[str, str]:
        return {ln.get("rel"): ln.get("href") for ln in etree.parse(str(p)).getroot().findall("a:link", ATOM)}
    assert rels(first)["next"] == "new-2.xml" and rels(first)["last"] == "new-2.xml"
    assert rels(second)["previous"] == "new.xml" and rels(second)["first"] == "new.xml"
    assert "next" not in rels(second)
    page2 = json.loads((out / "catalog" / "new-2.json").read_bytes())
    assert page2["metadata"]["currentPage"] == 2 and page2["metadata"]["numberOfItems"] == 51
    assert {ln["rel"]: ln["href"] for ln in page2["links"]}["previous"] == "new.json"
    assert run_jing([first, second]).ok
    assert check_json(page2 and (out / "catalog" / "new-2.json").read_bytes()) == []


# --------------------------------------------------------------------------------- the HTML page

def test_index_is_self_contained(library):
    page = (library / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and 'name="viewport"' in page
    for url in re.findall(r'(?:href|src)="([^"]+)"', page):
        assert not urlsplit(url).scheme and not url.startswith("//"), url
    # styles and script are in the page: nothing else is loaded but the covers beside it
    assert "<script src" not in page and 'rel="stylesheet"' not in page
    assert "@import" not in page and "url(" not in page
    assert "筛选" in page and "简体中文" in page and "繁体中文（台湾）" in page
    assert page.count('<article class="issue"') == 3
    assert page.count('class="edition"') == 6
