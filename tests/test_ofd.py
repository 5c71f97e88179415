"""The OFD writer (convert/writers/ofd/), held to its promises on the three samples.

- every XML part is valid against the XSDs of GB/T 33190-2016 Annex A (lxml, zero findings),
  and the check does find a broken part;
- easyofd (an independent OFD reader, PyPI) reads back the text of the body layers in reading
  order, equal to the content of ``<text>`` (as the PDF round trip: choice → sic/orig, the
  contents list's page-label column after each entry);
- every character easyofd reads is in the cmap of the embedded font its text object names and
  draws ink there: the pages, rasterised from easyofd's parse with the embedded fonts, have no
  missing glyph;
- the pages are the PDF's pages (same page count, same lines);
- DocInfo from the header (title, author, issue date, keywords); outlines = sections → articles;
  contents entries go to their articles' pages, whose folio the page-label column shows;
- the TEI is attached; fonts are TrueType subsets; reruns are byte-identical; a Traditional
  variant and the command line work, with a manifest entry.
"""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from convert.options import WriterOptions
from convert.tei import XML_LANG, to_bytes, xpath
from convert.writers import ofd as ofd_writer
from convert.writers import pdf as pdf_writer
from convert.validators.ofd import OFD_NS, validate_parts
from convert.errors import WriterError
from convert.tei import E
from sampledata import SAMPLE_IDS, SAMPLES, first_difference
from test_pdf import brief_with_closing_stop, expected_text, small_tei

NS = {"ofd": OFD_NS}


def _read(sample: Path):
    from convert.reader import read_bulletin

    return read_bulletin(sample.read_text(encoding="utf-8"), sample.name)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """``{sample id: (root, tei bytes, ofd path)}``, each written once."""
    out = {}
    base = tmp_path_factory.mktemp("ofd")
    for sample, sid in zip(SAMPLES, SAMPLE_IDS):
        root = _read(sample)
        tei = to_bytes(root)
        path = base / f"{sid}.ofd"
        ofd_writer.write(root, WriterOptions(source_name=str(sample), tei_bytes=tei, timestamp=None), path)
        out[sid] = (root, tei, path)
    return out


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def xml(parts, name) -> etree._Element:
    return etree.fromstring(parts[name])


def page_names(parts) -> list[str]:
    doc = xml(parts, "Doc_0/Document.xml")
    return ["Doc_0/" + p.get("BaseLoc") for p in doc.iterfind("ofd:Pages/ofd:Page", NS)]


def page_ids(parts) -> dict[str, int]:
    doc = xml(parts, "Doc_0/Document.xml")
    return {p.get("ID"): k for k, p in enumerate(doc.iterfind("ofd:Pages/ofd:Page", NS))}


def folios(parts) -> list[str]:
    """The folio of each page: the Background layer's text nearest the page foot."""
    out = []
    for name in page_names(parts):
        objs = xml(parts, name).findall(".//ofd:Layer[@Type='Background']/ofd:TextObject", NS)
        if not objs:
            out.append("")
            continue
        low = max(objs, key=lambda o: float(o.get("Boundary").split()[1]))
        out.append(low.findtext("ofd:TextCode", namespaces=NS))
    return out


def artifact_ids(parts) -> set[str]:
    """IDs of the text objects in Background layers (running head, folio)."""
    ids = set()
    for name in page_names(parts):
        for obj in xml(parts, name).iterfind(".//ofd:Layer[@Type='Background']//ofd:TextObject", NS):
            ids.add(obj.get("ID"))
    return ids


def easyofd_read(path: Path, monkeypatch, tmp_path):
    """easyofd's parse of *path* (it unpacks into the working folder, so that is a temp dir)."""
    easyofd = pytest.importorskip("easyofd.parser_ofd")
    monkeypatch.chdir(tmp_path)
    data = base64.b64encode(path.read_bytes()).decode()
    return easyofd.OFDParser(data)()[0]


# -- schema ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_every_xml_part_is_valid_against_the_gbt_33190_schemas(written, sid):
    parts = parts_of(written[sid][2])
    verdicts = validate_parts(parts)
    expected = {"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/DocumentRes.xml",
                "Doc_0/Attachs/Attachments.xml"} | set(page_names(parts))
    assert set(verdicts) == expected
    assert {k: v for k, v in verdicts.items() if v} == {}


def test_schema_check_finds_a_broken_part(written, tmp_path):
    from convert.validators import external_checks

    parts = parts_of(written[SAMPLE_IDS[0]][2])
    name = page_names(parts)[1]
    parts[name] = parts[name].replace(b' Font="', b' Fnt="', 1)
    bad = validate_parts(parts)[name]
    assert bad and "Font" in " ".join(bad)
    # the --check verdict: ok for the written file, not for the broken one
    [good] = external_checks("ofd", written[SAMPLE_IDS[0]][2])
    assert good.ok and good.messages == []
    broken = tmp_path / "broken.ofd"
    with zipfile.ZipFile(broken, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    [verdict] = external_checks("ofd", broken)
    assert not verdict.ok and verdict.messages[0].startswith(name)


# -- reading back ---------------------------------------------------------------------------------
def _destination_labels(root) -> dict[str, str]:
    lay = pdf_writer.layout(root, WriterOptions(timestamp=None))
    return {k: lay["labels"][v[0] - 1] for k, v in lay["destinations"].items()}


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_easyofd_reads_back_every_content_character_in_order(written, sid, monkeypatch, tmp_path):
    root, _tei, path = written[sid]
    parts = parts_of(path)
    skip = artifact_ids(parts)
    data = easyofd_read(path, monkeypatch, tmp_path)
    pages = data["page_info"]
    got = "".join(cell["text"] for k in sorted(pages) for cell in pages[k]["text_list"] if cell["ID"] not in skip)
    got = re.sub(r"\s+", "", got)
    expected = expected_text(root, _destination_labels(root))
    assert got == expected, first_difference(got, expected)


def _cmap_and_ink(font_bytes: bytes):
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes))
    return font.getBestCmap(), font


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pages_render_with_no_missing_glyph(written, sid, monkeypatch, tmp_path):
    """Rasterise every page from easyofd's parse (positions, sizes, DeltaX) with the fonts the
    OFD embeds (easyofd hands them over as ``font_b64``); every character must map to a glyph
    of its text object's font, and every non-space glyph must put ink on the page."""
    from PIL import Image, ImageDraw, ImageFont

    data = easyofd_read(written[sid][2], monkeypatch, tmp_path)
    fonts = {}
    for fid, spec in data["fonts"].items():
        raw = base64.b64decode(spec["font_b64"])
        fonts[fid] = (raw, *_cmap_and_ink(raw))
    scale = 4  # px per mm (≈ 100 dpi)
    problems = []
    drawn = 0
    for k in sorted(data["page_info"]):
        w, h = 210 * scale, 297 * scale
        img = Image.new("L", (w, h), 255)
        pen = ImageDraw.Draw(img)
        for cell in data["page_info"][k]["text_list"]:
            raw, cmap, _font = fonts[cell["font"]]
            face = ImageFont.truetype(io.BytesIO(raw), max(1, round(cell["size"] * scale)))
            x = cell["pos"][0] + float(cell["X"] or 0)
            y = cell["pos"][1] + float(cell["Y"] or 0)
            deltas = [float(d) for d in cell["DeltaX"].split()] if cell["DeltaX"] else []
            for i, ch in enumerate(cell["text"]):
                if ord(ch) not in cmap:
                    problems.append(f"page {k}: U+{ord(ch):04X} {ch!r} not in font {cell['font']}")
                elif not ch.isspace():
                    if face.getmask(ch).getbbox() is None:
                        problems.append(f"page {k}: {ch!r} draws no ink in font {cell['font']}")
                    pen.text((x * scale, y * scale), ch, font=face, fill=0, anchor="ls")
                    drawn += 1
                if i < len(deltas):
                    x += deltas[i]
        if k == 1:
            img.save(tmp_path / f"{sid}-page{k}.png")
    assert problems == []
    assert drawn > 1000


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_easyofd_renders_every_text_object_where_the_ofd_places_it(written, sid, monkeypatch, tmp_path):
    """easyofd's own renderer (``OFD.to_jpg``: OFD → PDF with reportlab → images with PyMuPDF)
    draws every text object inside its ``Boundary``. That renderer ignores embedded fonts and
    sets all text in a font it calls 宋体 (SimSun), which it only finds on Windows; here 宋体 is
    AR PL UMing, the Song face Debian's fontconfig substitutes for SimSun."""
    pytest.importorskip("easyofd")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from easyofd.ofd import OFD

    song = "/usr/share/fonts/truetype/arphic/uming.ttc"
    if "宋体" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("宋体", song, subfontIndex=0))
    monkeypatch.chdir(tmp_path)
    reader = OFD()
    reader.read(written[sid][2].read_bytes(), fmt="binary")
    images = reader.to_jpg()
    pages = reader.data[0]["page_info"]
    assert len(images) == len(pages) == len(page_names(parts_of(written[sid][2])))
    empty = []
    for k, image in zip(sorted(pages), images):
        gray = image.convert("L")
        scale = gray.width / 210.0  # px per mm (A4)
        for cell in pages[k]["text_list"]:
            if not cell["text"].strip():
                continue
            x, y, w, h = cell["pos"]
            box = tuple(round(v * scale) for v in (x, y, x + w, y + h))
            if gray.crop(box).getextrema()[0] > 128:  # nothing darker than mid-grey in the box
                empty.append((k, cell["text"]))
        if k == 3:
            image.save(tmp_path / f"{sid}-easyofd-page{k}.png")
    assert empty == []


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_pages_are_the_pdf_pages(written, sid):
    """Same layout as the PDF: as many pages, each with the same lines (text per baseline)."""
    root, _tei, path = written[sid]
    parts = parts_of(path)
    lay = pdf_writer.layout(root, WriterOptions(timestamp=None))
    assert len(page_names(parts)) == len(lay["labels"])
    assert folios(parts)[1:] == lay["labels"][1:]  # the cover page has no folio


# -- document -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_docinfo_from_the_header(written, sid):
    root, _tei, path = written[sid]
    info = xml(parts_of(path), "OFD.xml").find("ofd:DocBody/ofd:DocInfo", NS)
    meta = pdf_writer.Metadata(root)
    assert info.findtext("ofd:Title", namespaces=NS) == meta.title
    assert info.findtext("ofd:Author", namespaces=NS) == meta.author
    when = xpath(root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr/tei:imprint/tei:date/@when")[0]
    assert info.findtext("ofd:CreationDate", namespaces=NS) == meta.date[:10]
    assert meta.date[:len(when)] == when
    heads = [re.sub(r"\s+", "", "".join(h.itertext()))
             for h in xpath(root, "tei:text/tei:body//tei:div[@type='section']/tei:head")]
    assert [k.text for k in info.iterfind("ofd:Keywords/ofd:Keyword", NS)] == heads
    assert info.find("ofd:CustomDatas/ofd:CustomData[@Name='Language']", NS).text == root.get(XML_LANG)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_outlines_are_sections_then_articles(written, sid):
    """Outlines as the PDF's bookmarks: one per section (its head as title), article and brief,
    nested section → article; each goes to a page of the document."""
    root, _tei, path = written[sid]
    parts = parts_of(path)
    doc = xml(parts, "Doc_0/Document.xml")
    ids = page_ids(parts)

    def tree(parent):
        out = []
        for div in xpath(parent, "tei:div"):
            kind = div.get("type")
            if kind == "section":
                head = re.sub(r"\s+", "", "".join(xpath(div, "tei:head")[0].itertext()))
                out.append((head, len(tree(div))))
            elif kind in ("article", "brief"):
                out.append((None, 0))
        return out

    expected = tree(xpath(root, "tei:text/tei:body")[0])
    top = doc.findall("ofd:Outlines/ofd:OutlineElem", NS)
    assert [len(o.findall("ofd:OutlineElem", NS)) for o in top] == [n for _h, n in expected]
    assert [o.get("Title") for o, (h, _n) in zip(top, expected) if h] == [h for h, _n in expected if h]
    total = len(doc.findall(".//ofd:OutlineElem", NS))
    assert total == len(xpath(root, "tei:text/tei:body//tei:div[@type='section' or @type='article' or @type='brief']"))
    for elem in doc.iterfind(".//ofd:OutlineElem", NS):
        dest = elem.find("ofd:Actions/ofd:Action[@Event='CLICK']/ofd:Goto/ofd:Dest", NS)
        assert dest is not None and dest.get("PageID") in ids


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_contents_links_go_to_the_page_their_label_names(written, sid):
    root, _tei, path = written[sid]
    parts = parts_of(path)
    entries = len(xpath(root, "tei:text//tei:div[@type='contents']//tei:item[tei:ref[starts-with(@target, '#')]]"))
    ids = page_ids(parts)
    folio = folios(parts)
    labels = links = 0
    for name in page_names(parts):
        for obj in xml(parts, name).iterfind(".//ofd:TextObject", NS):
            dest = obj.find("ofd:Actions/ofd:Action/ofd:Goto/ofd:Dest", NS)
            if dest is None:
                assert obj.get("Name") != "PageLabel"
                continue
            links += 1
            target = ids[dest.get("PageID")]
            if obj.get("Name") == "PageLabel":
                labels += 1
                assert obj.findtext("ofd:TextCode", namespaces=NS) == folio[target]
    assert labels == entries
    assert links >= 2 * entries


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_the_tei_source_is_attached(written, sid):
    _root, tei, path = written[sid]
    parts = parts_of(path)
    atts = xml(parts, "Doc_0/Attachs/Attachments.xml").findall("ofd:Attachment", NS)
    assert len(atts) == 1
    loc = atts[0].findtext("ofd:FileLoc", namespaces=NS)
    assert parts[f"Doc_0/Attachs/{loc}"] == tei
    assert xml(parts, "Doc_0/Document.xml").findtext("ofd:Attachments", namespaces=NS) == "Attachs/Attachments.xml"


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_fonts_are_embedded_truetype_subsets_covering_every_character(written, sid):
    parts = parts_of(written[sid][2])
    res = xml(parts, "Doc_0/PublicRes.xml")
    fonts = {}
    for f in res.iterfind("ofd:Fonts/ofd:Font", NS):
        raw = parts["Doc_0/Res/" + f.findtext("ofd:FontFile", namespaces=NS)]
        cmap, font = _cmap_and_ink(raw)
        assert "glyf" in font and len(font.getGlyphOrder()) < 4000  # a subset, not the whole face
        fonts[f.get("ID")] = cmap
    for name in page_names(parts):
        for obj in xml(parts, name).iterfind(".//ofd:TextObject", NS):
            text = "".join(c.text or "" for c in obj.iterfind("ofd:TextCode", NS))
            assert all(ord(ch) in fonts[obj.get("Font")] for ch in text), text
            code = obj.find("ofd:TextCode", NS)
            deltas = code.get("DeltaX", "").split()
            assert len(deltas) == len(code.text) - 1


def test_same_input_gives_identical_bytes(tmp_path, monkeypatch):
    root = _read(SAMPLES[0])
    opts = WriterOptions(tei_bytes=to_bytes(root), timestamp=None)
    ofd_writer.write(root, opts, tmp_path / "a.ofd")
    ofd_writer.write(root, opts, tmp_path / "b.ofd")
    assert (tmp_path / "a.ofd").read_bytes() == (tmp_path / "b.ofd").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ofd_writer.write(root, WriterOptions(tei_bytes=to_bytes(root)), tmp_path / "c.ofd")
    info = xml(parts_of(tmp_path / "c.ofd"), "OFD.xml").find("ofd:DocBody/ofd:DocInfo", NS)
    assert info.findtext("ofd:CreationDate", namespaces=NS) == "2023-11-14"
    with zipfile.ZipFile(tmp_path / "c.ofd") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert z.namelist()[0] == "OFD.xml" and z.namelist()[1:] == sorted(z.namelist()[1:])


def test_separate_processes_give_identical_bytes(tmp_path):
    """No set or dict order leaks into the file: two processes with different hash seeds."""
    import os
    import subprocess
    import sys

    sample = SAMPLES[-1]
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([sys.executable, "-m", "convert", str(sample), "--to", "ofd", "-o", str(out), "-q", "-j", "1"],
                       check=True, env=env)
        outs.append((out / f"{sample.stem}.ofd").read_bytes())
    assert outs[0] == outs[1]


def test_command_line_writes_ofd_and_a_traditional_variant_with_manifest(tmp_path):
    from convert.cli import main

    out = tmp_path / "out"
    sample = SAMPLES[0]
    assert main([str(sample), "--to", "ofd", "--variant", "zh-Hans,zh-Hant-TW", "-o", str(out), "-j", "1", "-q"]) == 0
    plain, variant = out / f"{sample.stem}.ofd", out / f"{sample.stem}.zh-Hant-TW.ofd"
    assert plain.exists() and variant.exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    paths = {Path(o["path"]).name for e in manifest["inputs"] for o in e["outputs"]}
    assert {plain.name, variant.name} <= paths
    parts = parts_of(variant)
    assert {v for v in validate_parts(parts).values() if v} == set()
    info = xml(parts, "OFD.xml").find("ofd:DocBody/ofd:DocInfo", NS)
    assert info.find("ofd:CustomDatas/ofd:CustomData", NS).text == "zh-Hant-TW"
    names = {f.get("FontName") for f in xml(parts, "Doc_0/PublicRes.xml").iterfind("ofd:Fonts/ofd:Font", NS)}
    assert "UMingTW" in names


def test_ofd_is_asked_for_by_name_not_by_all():
    from convert.cli import parse_formats

    assert "ofd" not in parse_formats(["all"])
    assert parse_formats(["all,ofd"]) == ["tei", "txt", "pdf", "epub", "ofd"]
    assert parse_formats(["ofd"]) == ["ofd"]


def test_bad_input_is_a_clear_error_and_no_file(tmp_path, capsys):
    from convert.cli import main

    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>x", encoding="utf-8")
    assert main([str(bad), "--to", "ofd", "-o", str(tmp_path / "o"), "-j", "1", "-q"]) != 0
    err = capsys.readouterr().err
    assert "bad.xml" in err and "Traceback" not in err
    assert not list((tmp_path / "o").glob("*.ofd")) if (tmp_path / "o").exists() else True


def test_a_brief_heads_closing_stop_is_drawn_after_its_title(tmp_path):
    """``<head><label>■</label>…学习会<pc>。</pc></head>``: the OFD page shows the heading as
    printed, the closing 。 right after the title (the PDF writer's layout, drawn on the OFD)."""
    path = tmp_path / "brief.ofd"
    ofd_writer.write(brief_with_closing_stop(), WriterOptions(timestamp=None), path)
    parts = parts_of(path)
    assert {k: v for k, v in validate_parts(parts).items() if v} == {}
    codes = "".join(o.findtext("ofd:TextCode", namespaces=NS) for name in page_names(parts)
                    for o in xml(parts, name).iterfind(".//ofd:TextObject", NS))
    assert "■县人大常委会党组召开理论学习中心组学习会。8月3日" in re.sub(r"\s+", "", codes)


def test_unknown_element_and_missing_glyph_are_errors_naming_them(tmp_path):
    with pytest.raises(WriterError, match=r"^ofd: .*<mystery>"):
        ofd_writer.write(small_tei(E.p("正文", E.mystery("怪"))), WriterOptions(timestamp=None), tmp_path / "a.ofd")
    with pytest.raises(WriterError, match=r"^ofd: .*U\+0378"):
        ofd_writer.write(small_tei(E.p("正文\u0378字")), WriterOptions(timestamp=None), tmp_path / "b.ofd")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("char", ["\U00020021", "\U00020BB7"])
def test_supplementary_plane_character_is_set_in_an_embedded_font(tmp_path, char, monkeypatch):
    """U+20021 is in AR PL UMing; U+20BB7 (𠮷) only in the fallback HanaMinB (fonts-hanazono):
    the OFD embeds the font the layout chose, and easyofd reads the character back."""
    if char == "\U00020BB7" and not Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf").exists():
        pytest.skip("fonts-hanazono not installed")
    path = tmp_path / "smp.ofd"
    ofd_writer.write(small_tei(E.p(f"吉野家的{char}字。")), WriterOptions(timestamp=None), path)
    parts = parts_of(path)
    assert {v for v in validate_parts(parts).values() if v} == set()
    fonts = {f.get("ID"): f for f in xml(parts, "Doc_0/PublicRes.xml").iterfind("ofd:Fonts/ofd:Font", NS)}
    hits = [o for name in page_names(parts) for o in xml(parts, name).iterfind(".//ofd:TextObject", NS)
            if char in o.findtext("ofd:TextCode", namespaces=NS)]
    assert len(hits) == 1
    font = fonts[hits[0].get("Font")]
    cmap, _ = _cmap_and_ink(parts["Doc_0/Res/" + font.findtext("ofd:FontFile", namespaces=NS)])
    assert ord(char) in cmap
    if char == "\U00020BB7":
        assert font.get("FontName") == "HanaMinB"
    data = easyofd_read(path, monkeypatch, tmp_path)
    assert char in "".join(c["text"] for p in data["page_info"].values() for c in p["text_list"])
