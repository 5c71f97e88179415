"""Tagged PDF (``--pdfa 2a``, ``3a``): the structure tree made from the TEI, read back by readers
nobody here wrote.

- poppler's ``pdfinfo -struct-text``: the structure, each element with its text, is the TEI's in
  order and text: headings are ``H1``…``H3`` by depth, paragraphs ``P``, notes ``Note``, the
  contents list ``TOC``/``TOCI`` with ``Reference``/``Link`` and ``Lbl``; running heads and
  folios are not in it. ``pdfinfo`` says ``Tagged: yes``.
- The content streams (pikepdf's parser): every painting operator sits in exactly one
  marked-content sequence, an MCID of the parent tree or an artifact.
- Link annotations are tied to ``Link`` elements (``/StructParent``, ``OBJR``, ``/Contents``).
- Nothing a reader sees changes: ``pdftotext`` output and the rendered pages (``pdftoppm``) of
  2a are those of the untagged 2b.
- Validators: pikepdf.pdfa (level B checks of 2a/3a/2u, findings only the level's
  identification), ``pdfua`` (a PDF/UA-1 subset checker) finds nothing.
- Every script variant is tagged with its own ``/Lang``; an element in another language has its
  ``/Lang``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pikepdf.pdfa
import pytest

from convert.options import WriterOptions
from convert.tei import E, XML_LANG, to_bytes, xpath
from convert.writers import pdf as pdf_writer
from sampledata import SAMPLE_IDS, SAMPLES, nows
from test_pdf import brief_with_closing_stop, destination_labels, expected_text, small_tei, write_tei

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"}


# -- fixtures -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    """``{(sample id, flavour): (root, pdf path)}`` for 2a and the untagged 2b."""
    from convert.reader import read_bulletin

    out = {}
    base = tmp_path_factory.mktemp("tagged")
    for sample, sid in zip(SAMPLES, SAMPLE_IDS):
        root = read_bulletin(sample.read_text(encoding="utf-8"), sample.name)
        for fl in ("2a", "2b"):
            path = base / f"{sid}-{fl}.pdf"
            pdf_writer.write(root, WriterOptions(pdfa=fl, source_name=sample.name, tei_bytes=to_bytes(root)), path)
            out[(sid, fl)] = (root, path)
    return out


# -- poppler's reading of the structure -----------------------------------------------------------
class Node:
    """One line of ``pdfinfo -struct-text``: an element (``role``), or a text or object leaf."""

    def __init__(self, role: str, text: str | None = None):
        self.role = role
        self.text = text
        self.kids: list[Node] = []

    def all_text(self) -> str:
        return (self.text or "") + "".join(k.all_text() for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()

    def find(self, role: str) -> list["Node"]:
        return [n for n in self.walk() if n.role == role]


_READ: dict = {}


def struct_tree(path: Path) -> Node:
    """The structure tree as poppler reads it back (``pdfinfo -struct-text``; read once per file:
    poppler takes seconds on a bulletin)."""
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _READ:
        _READ[key] = _read_struct_tree(path)
    return _READ[key]


def _read_struct_tree(path: Path) -> Node:
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    root = Node("(root)")
    stack = [(-1, root)]
    for line in out.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if body.startswith('"') and body.endswith('"') and len(body) >= 2:
            node = Node("#text", body[1:-1])
        elif body.startswith("Object "):
            node = Node("#object")
        else:
            node = Node(body.split()[0])
        while stack[-1][0] >= depth:
            stack.pop()
        stack[-1][1].kids.append(node)
        stack.append((depth, node))
    return root


def _tei_text(el) -> str:
    return expected_text(el, {}, start=el)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pdfinfo_says_tagged(tagged, sid):
    for fl, answer in (("2a", "yes"), ("2b", "no")):
        info = subprocess.run(["pdfinfo", str(tagged[(sid, fl)][1])], capture_output=True, text=True).stdout
        assert re.search(rf"^Tagged:\s+{answer}$", info, re.M), (fl, info)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_structure_reads_back_the_tei_in_order_and_text(tagged, sid):
    """All the text of the structure tree, in its order, is the content of ``<text>`` with the
    contents list's PDF-page labels: nothing missing, nothing added (no running head, no folio),
    nothing out of order."""
    root, path = tagged[(sid, "2a")]
    tree = struct_tree(path)
    assert [k.role for k in tree.kids] == ["Document"]
    got = nows(tree.all_text())
    want = expected_text(root, destination_labels(path), column_heads=False)
    assert got == want, _first_difference(got, want)


def _first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"first difference at {i}: got {a[i:i + 30]!r}, want {b[i:i + 30]!r}"


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_headings_are_h_by_depth_paragraphs_p_notes_and_bylines(tagged, sid):
    root, path = tagged[(sid, "2a")]
    tree = struct_tree(path)
    # the masthead's title (Title, role-mapped to H1) comes first, then the heads by depth
    heads = [("H1", nows(_tei_text(t))) for t in xpath(root, "tei:text/tei:front/tei:titlePage//tei:titlePart[@type='main']")]
    heads += [(f"H{len(xpath(h, 'ancestor::tei:div'))}", nows(_tei_text(h)))
              for h in xpath(root, "tei:text//tei:div/tei:head")]
    got = [(n.role, nows(n.all_text())) for n in tree.walk() if re.fullmatch(r"H[1-6]", n.role)]
    assert got == heads
    assert heads, "the sample has headings"
    # paragraphs: every TEI <p> is a P with its text, in order (P also holds masthead lines, bylines)
    ps = [nows(n.all_text()) for n in tree.find("P")]
    want = [nows(_tei_text(p)) for p in xpath(root, "tei:text//tei:p")]
    it = iter(ps)
    assert all(any(w == p for p in it) for w in want), "a TEI paragraph is missing from the P elements"
    # notes (continuation, source) are Note elements
    assert [nows(n.all_text()) for n in tree.find("Note")] == [
        nows(_tei_text(n)) for n in xpath(root, "tei:text//tei:note")]
    # bylines: structure type Byline (role-mapped to P, as poppler shows it), with their text
    bylines = [nows(_tei_text(b)) for b in xpath(root, "tei:text//tei:byline")]
    with pikepdf.open(path) as pdf:
        assert pdf.Root.StructTreeRoot.RoleMap.Byline == pikepdf.Name.P
        raw = [nows(_elem_text(pdf, e)) for e in _struct_elems(pdf) if e.S == pikepdf.Name("/Byline")]
    assert raw == bylines
    it = iter(ps)
    assert all(any(b == p for p in it) for b in bylines)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_contents_is_toc_of_toci_with_reference_link_and_lbl(tagged, sid):
    root, path = tagged[(sid, "2a")]
    items = xpath(root, "tei:text/tei:front/tei:div[@type='contents']//tei:item")
    tree = struct_tree(path)
    toci = tree.find("TOCI")
    assert len(toci) == len(items)
    if not items:
        return
    labels = destination_labels(path)
    for node, item in zip(toci, items):
        ref = node.kids[0]
        assert ref.role == "Reference" and ref.kids[0].role == "Link"
        assert nows(ref.all_text()) == nows("".join(_tei_text(r) for r in xpath(item, "tei:ref")))
        assert "#object" in [k.role for k in ref.kids[0].kids]  # the link annotation, by OBJR
        lbl = [k for k in node.kids if k.role == "Lbl"]
        printed = "".join(_tei_text(n) for n in xpath(item, "tei:num[@type='page']"))
        target = xpath(item, "tei:ref/@target")[0][1:]
        assert len(lbl) == 1 and nows(lbl[0].all_text()) == nows(printed) + labels[target]
    assert tree.find("TOC")


@pytest.mark.parametrize("sid", [s for s in SAMPLE_IDS if s.startswith("monthly")])
def test_contents_page_numbers_are_said_with_their_column_heads(tagged, sid):
    """The column heads 原刊页 / PDF页 are drawn once, as an artifact; a screen reader reading an
    entry hears its numbers with them: each entry's ``Lbl`` has the ``/Alt`` "原刊页 N，PDF页 M"
    (ISO 32000-1 14.9.3), N the printed page, M the label of the page the PDF link goes to."""
    root, path = tagged[(sid, "2a")]
    labels = destination_labels(path)
    want = []
    for item in xpath(root, "tei:text/tei:front/tei:div[@type='contents']//tei:item"):
        printed = nows("".join(_tei_text(n) for n in xpath(item, "tei:num[@type='page']")))
        target = xpath(item, "tei:ref/@target")[0][1:]
        want.append("，".join(p for p in (f"原刊页 {printed}" if printed else "", f"PDF页 {labels[target]}") if p))
    with pikepdf.open(path) as pdf:
        got = [str(e.Alt) for e in _struct_elems(pdf) if e.S == pikepdf.Name("/Lbl")
               and _parent_role(e) == "/TOCI"]
    assert got == want


def _parent_role(elem) -> str:
    return str(elem.P.S)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_cover_title_is_a_title_mapped_to_h1(tagged, sid):
    """The masthead's title is ``Title``, role-mapped to ``H1`` (PDF/UA-1 rests on ISO 32000-1,
    which has no ``Title``; a screen reader lists it among the headings), never ``P``."""
    _root, path = tagged[(sid, "2a")]
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.StructTreeRoot.RoleMap.Title) == "/H1"
    tree = struct_tree(path)
    titles = xpath(_root, "tei:text/tei:front/tei:titlePage//tei:titlePart[@type='main']")
    assert [nows(n.all_text()) for n in tree.kids[0].kids[0].kids if n.role == "H1"] == [
        nows(_tei_text(t)) for t in titles]


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_cover_is_a_sect_of_the_masthead_lines(tagged, sid):
    root, path = tagged[(sid, "2a")]
    cover = struct_tree(path).kids[0].kids[0]
    assert cover.role == "Sect"
    assert nows(cover.all_text()) == nows(_tei_text(xpath(root, "tei:text/tei:front/tei:titlePage")[0]))
    titles = xpath(root, "tei:text/tei:front/tei:titlePage//tei:titlePart[@type='main']")
    with pikepdf.open(path) as pdf:
        got = [_elem_text(pdf, e) for e in _struct_elems(pdf) if e.S == pikepdf.Name("/Title")]
    assert [nows(t) for t in got] == [nows(_tei_text(t)) for t in titles]


# -- the file itself (pikepdf) --------------------------------------------------------------------
def _struct_elems(pdf):
    """The structure elements of *pdf* in document order (pre-order, as poppler lists them)."""
    out = []

    def visit(e):
        out.append(e)
        k = e.get("/K")
        for kid in (k if isinstance(k, pikepdf.Array) else [k]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in (pikepdf.Name.MCR, pikepdf.Name.OBJR):
                visit(kid)

    visit(pdf.Root.StructTreeRoot.K[0])
    return out


_POPPLER: dict = {}


def _elem_text(pdf, elem) -> str:
    """The text of structure element *elem* as poppler reads it (``pdfinfo -struct-text``; the
    elements are matched in the order both walks visit them, after checking their types agree)."""
    path = str(pdf.filename)
    if path not in _POPPLER:
        elems = _struct_elems(pdf)
        role_map = {str(k)[1:]: str(v)[1:] for k, v in pdf.Root.StructTreeRoot.RoleMap.items()}
        nodes = [n for n in struct_tree(Path(path)).walk() if n.role not in ("(root)", "#text", "#object")]
        assert [role_map.get(str(e.S)[1:], str(e.S)[1:]) for e in elems] == [n.role for n in nodes]
        _POPPLER[path] = {e.objgen: n.all_text() for e, n in zip(elems, nodes)}
    return _POPPLER[path][elem.objgen]


def marked_content_problems(path: Path) -> list[str]:
    """ISO 14289-1 7.1: content is either real content in the structure tree (an MCID of the
    page's ``/ParentTree`` entry, held by that element) or an artifact; never both, never
    neither, never nested. Returns what breaks it, page by page (``[]``: nothing)."""
    problems = []
    with pikepdf.open(path) as pdf:
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for n, page in enumerate(pdf.pages, 1):
            stack: list[str] = []
            mcids = []
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op in ("BDC", "BMC"):
                    if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                        stack.append("mcid")
                        mcids.append(int(operands[1].MCID))
                    else:
                        stack.append(str(operands[0]))
                elif op == "EMC":
                    stack.pop()
                elif op in PAINTING and len([m for m in stack if m in ("mcid", "/Artifact")]) != 1:
                    problems.append(f"page {n}: {op} inside {stack}")
            if sorted(mcids) != list(range(len(mcids))):
                problems.append(f"page {n}: MCIDs are not 0..n-1, once each")
            if "/StructParents" not in page.obj:
                problems.append(f"page {n}: no /StructParents")
                continue
            entry = parent_tree[int(page.obj.StructParents)]
            if len(entry) != len(mcids):
                problems.append(f"page {n}: {len(mcids)} MCIDs, {len(entry)} parent tree entries")
            for mcid, elem in enumerate(entry):
                kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
                direct = [k for k in kids if not isinstance(k, pikepdf.Dictionary) and int(k) == mcid
                          and elem.Pg.objgen == page.obj.objgen]
                mcr = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.MCR
                       and int(k.MCID) == mcid and k.Pg.objgen == page.obj.objgen]
                if len(direct) + len(mcr) != 1:
                    problems.append(f"page {n} MCID {mcid}: its parent tree element does not hold it once")
    return problems


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_every_painting_operator_in_exactly_one_marked_content_sequence(tagged, sid):
    assert marked_content_problems(tagged[(sid, "2a")][1]) == []


def test_marked_content_check_finds_untagged_content(tagged, sid="newsletter-2020-02-29-no634"):
    """The check above can fail: a line drawn outside any marked content, or text marked twice."""
    path = tagged[(sid, "2a")][1]
    with pikepdf.open(path) as pdf:
        page = pdf.pages[1]
        page.contents_add(pdf.make_stream(b"0 0 m 10 10 l S"), prepend=False)
        page.contents_add(pdf.make_stream(b"/Artifact BMC /P <</MCID 0>> BDC BT ET 0 0 m 5 5 l S EMC EMC"),
                          prepend=False)
        bad = path.with_name("bad.pdf")
        pdf.save(bad)
    problems = marked_content_problems(bad)
    assert any("page 2: S inside []" in p for p in problems), problems
    assert any("page 2: S inside ['/Artifact', 'mcid']" in p for p in problems), problems


def test_paragraphs_split_across_pages_stay_one_element(tmp_path):
    """Paragraphs and articles broken over pages (the stress document of test_pdf.py): one ``P``
    each, its lines on two pages (marked-content references to the second page), in order."""
    from test_pdf import _stress_tei

    root = _stress_tei()
    path = write_tei(root, tmp_path, flavour="2a")
    assert marked_content_problems(path) == []
    tree = struct_tree(path)
    assert nows(tree.all_text()) == expected_text(root, destination_labels(path))
    assert [nows(n.all_text()) for n in tree.find("P")] == [nows(_tei_text(p)) for p in xpath(root, "tei:text//tei:p")]
    with pikepdf.open(path) as pdf:
        split = [e for e in _struct_elems(pdf) if isinstance(e.get("/K"), pikepdf.Array)
                 and any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.MCR for k in e.K)]
    assert len(split) >= 3


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_link_annotations_tied_to_link_elements(tagged, sid):
    root, path = tagged[(sid, "2a")]
    with pikepdf.open(path) as pdf:
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        links = [a for p in pdf.pages for a in p.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert bool(links) == bool(xpath(root, "tei:text//tei:ref[@target]"))
        for annot in links:
            elem = parent_tree[int(annot.StructParent)]
            assert elem.S == pikepdf.Name.Link
            objr = [k for k in elem.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
            # a link whose text wraps has one annotation per line, all in its Link element
            assert [o.Obj.objgen for o in objr].count(annot.objgen) == 1
            assert str(annot.Contents).strip()
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert all(p.obj.Tabs == pikepdf.Name.S for p in pdf.pages)
        assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) > max(parent_tree)
        xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp


# -- what readers see does not change ---------------------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pdftotext_and_rendered_pages_unchanged_by_tagging(tagged, sid, tmp_path):
    a, b = tagged[(sid, "2a")][1], tagged[(sid, "2b")][1]
    text = [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, check=True).stdout
            for p in (a, b)]
    assert text[0] == text[1]
    for p, stem in ((a, "a"), (b, "b")):
        subprocess.run(["pdftoppm", "-r", "40", "-gray", str(p), str(tmp_path / stem)], check=True)
    pages_a = sorted(tmp_path.glob("a-*.pgm"))
    assert pages_a and len(pages_a) == len(list(tmp_path.glob("b-*.pgm")))
    for pa in pages_a:
        assert pa.read_bytes() == (tmp_path / pa.name.replace("a-", "b-", 1)).read_bytes(), pa.name


# -- validators -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_validators_on_2a(tagged, sid):
    """pikepdf.pdfa (level B checks) finds only the level A and PDF/UA identification it cannot
    read; the project's check (convert.validators) passes; ``pdfua`` finds nothing."""
    from convert.validators import pdfa as validate

    _root, path = tagged[(sid, "2a")]
    report = pikepdf.pdfa.validate_written(str(path), "2b")
    rules = {f.rule for f in report.findings}
    assert rules == {"ISO_19005_2:6.6.4-3", "ISO_19005_2:6.6.2.3.1-1"}, [str(f) for f in report.findings]
    verdict = validate.run_pdfa_check(path, "2a")
    assert verdict.ok, verdict.messages
    pdfua = pytest.importorskip("pdfua")
    ua = pdfua.validate(str(path))
    assert not ua.findings, [(f.rule_id, f.message) for f in ua.findings]


def test_3a_and_2u(tmp_path):
    """3a: tagged, the TEI embedded, level B checks of part 3 clean; 2u: untagged, level U."""
    from convert.validators import pdfa as validate

    for flavour, tagged_file in (("3a", True), ("2u", False)):
        out = tmp_path / flavour
        assert _cli([str(SAMPLES[-1]), "--to", "pdf", "--pdfa", flavour, "--check", "-o", str(out), "-q"]) == 0
        path = out / f"{SAMPLES[-1].stem}.pdf"
        assert validate.run_pdfa_check(path, flavour).ok
        with pikepdf.open(path) as pdf:
            assert ("/StructTreeRoot" in pdf.Root) is tagged_file
            xmp = pdf.Root.Metadata.read_bytes().decode()
            assert f"<pdfaid:conformance>{flavour[1].upper()}</pdfaid:conformance>" in xmp
            assert ("pdfuaid:part" in xmp) is tagged_file
            assert ("/AF" in pdf.Root) is (flavour == "3a")


def _cli(argv) -> int:
    from convert.cli import main

    return main(argv)


# -- languages --------------------------------------------------------------------------------------
def test_every_variant_tagged_with_its_own_lang(tmp_path):
    sample = next(p for p in SAMPLES if p.stem.startswith("newsletter"))
    assert _cli([str(sample), "--to", "pdf", "--pdfa", "2a", "--variant", "all", "-o", str(tmp_path), "-q"]) == 0
    made = sorted(tmp_path.glob("*.pdf"))
    assert len(made) == 4
    for path in made:
        tag = path.stem.split(".")[-1] if "." in path.stem else "zh-Hans"
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == tag
            assert "/StructTreeRoot" in pdf.Root
            elems = _struct_elems(pdf)
            # the masthead's English title is the only element in another language
            en = [e for e in elems if e.get("/Lang") == "en"]
            assert len(en) == 1 and en[0].S == pikepdf.Name.P and en[0].P.S == pikepdf.Name.Sect
            assert all(e.get("/Lang") in (None, "en") for e in elems)
    # its text, read by poppler, in one of them
    with pikepdf.open(made[0]) as pdf:
        en = [e for e in _struct_elems(pdf) if e.get("/Lang") == "en"]
        assert nows(_elem_text(pdf, en[0])) == "SHANGJIENEWSLETTER"


def test_inline_element_in_another_language_is_a_span_with_lang(tmp_path):
    root = small_tei(E.p("前文", E.seg("Shangjie District", {XML_LANG: "en"}), "后文。"))
    path = write_tei(root, tmp_path, flavour="2a")
    with pikepdf.open(path) as pdf:
        spans = [e for e in _struct_elems(pdf) if e.S == pikepdf.Name.Span]
        assert [str(e.Lang) for e in spans] == ["en"]
        assert nows(_elem_text(pdf, spans[0])) == "ShangjieDistrict"
        parent = spans[0].P
        assert parent.S == pikepdf.Name.P and "/Lang" not in parent
    assert nows(struct_tree(path).all_text()).endswith(nows("前文Shangjie District后文。"))


def test_a_brief_heads_closing_stop_is_in_the_heading_not_a_lbl(tmp_path):
    """The 。 closing a brief's run-in head (``pc``) is shown as printed, inside the heading's
    ``H`` element, with the bullet and the title; nothing in the heading is an ``Lbl``."""
    path = write_tei(brief_with_closing_stop(), tmp_path, flavour="2a")
    tree = struct_tree(path)
    heading = [h for h in tree.walk() if re.fullmatch(r"H[1-6]", h.role) and "学习会" in h.all_text()]
    assert [nows(h.all_text()) for h in heading] == ["■县人大常委会党组召开理论学习中心组学习会。"]
    assert [n.role for n in heading[0].walk() if n.role != "#text"] == [heading[0].role]
    assert tree.find("Lbl") == []
    assert "■县人大常委会党组召开理论学习中心组学习会。" in nows(subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def test_link_in_a_paragraph_is_a_link_element(tmp_path):
    root = small_tei(E.p("见", E.ref("本文", target="#a1"), "。"))
    path = write_tei(root, tmp_path, flavour="2a")
    para = struct_tree(path).find("P")[-1]
    assert [k.role for k in para.kids] == ["#text", "Link", "#text"]
    assert [nows(k.all_text()) for k in para.kids] == ["见", "本文", "。"]
    with pikepdf.open(path) as pdf:
        annots = [a for pg in pdf.pages for a in pg.obj.get("/Annots", [])]
        assert [str(a.Contents) for a in annots] == ["本文"]


def test_same_input_gives_identical_tagged_bytes(tmp_path):
    root = small_tei(E.p("见", E.ref("本文", target="#a1"), "。"), E.note("(下转二版)", type="continuation"))
    a = write_tei(root, tmp_path, flavour="2a", name="a.pdf")
    b = write_tei(root, tmp_path, flavour="2a", name="b.pdf")
    assert a.read_bytes() == b.read_bytes()


def test_a_footnote_is_a_note_set_flush_left_under_its_piece(tmp_path):
    """A footnote (``note place="foot"``, TEI P5 §3.9.1) in a tagged PDF: a ``Note`` element holding
    the note's text, sign first (ISO 14289-1 7.9), set flush left at the text's left edge (the
    页下注 of print), not right-aligned as a jump line or a reprint credit is; the file passes
    ``pikepdf.pdfa`` at 2a."""
    from convert.reader import read_issues
    from test_reader_parts import FOOTNOTE_BRIEFING

    root = read_issues(FOOTNOTE_BRIEFING, "footnote.txt")[0].root
    path = write_tei(root, tmp_path, flavour="2a")
    notes = [n.all_text() for n in struct_tree(path).find("Note")]
    assert any(t.startswith("①《中华人民共和国民法典》") for t in notes), notes
    bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m.group(1)), m.group(2)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)]
    left = min(x for x, _ in words)  # the text block's left edge
    note_x = [x for x, w in words if w.startswith("①《")]
    assert note_x and abs(note_x[0] - left) < 1.0, (note_x, left)
    from convert.validators import pdfa as validate
    verdict = validate.run_pdfa_check(path, "2a")
    assert verdict.ok, verdict.messages
