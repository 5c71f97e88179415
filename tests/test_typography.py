"""Fonts and regional typography (issue #23), and characters that draw nothing (issue #26, case 13):

1. the fallback order follows the style class: no body (Ming/Song) character of any variant is
   drawn in a Hei face; a heading falls back to a Hei or sans face first;
2. headings set CJK quotation marks full width, and keep the source's spaces;
3. the Taiwan and Hong Kong editions centre ，。、；：！？ in the cell (clreq §3.1.3), in the PDF
   and the OFD alike (the OFD's glyph positions are the PDF's);
4. Latin letters and digits in a proportional companion face (Liberation Serif beside the Ming
   face, Liberation Sans beside the Hei face), a quarter em from Han characters (clreq §3.2);
5. format controls, variation selectors and tag characters: never refused, never drawn, kept in
   the PDF's text layer; an IVS takes its glyph where a face of the block's class has it.

The quotation marks of the variants and the overlaps of OpenCC are in tests/test_variant.py; the
embedded EPUB fonts in tests/test_epub.py.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from sampledata import ROOT, SAMPLES
from test_pdf_typography import _chars as miner_chars

from convert.options import STYLES_DIR, WriterOptions
from convert.reader import read_file
from convert.tei import E, to_bytes
from convert.variant import VARIANTS, make_variant
from convert.writers import pdf as pdf_writer
from convert.writers.ofd.record import RecordingCanvas
from convert.writers.pdf.fonts import FontSet
from convert.writers.pdf.text import Span, TextBlock, normalise_space, to_glyphs
from convert.writers.typography import font_config, is_ignorable

STYLE = json.loads((STYLES_DIR / "pdf.json").read_text(encoding="utf-8"))
GENRES = sorted((ROOT.parent / "shared" / "samples" / "genres").glob("*.txt"))
INPUTS = SAMPLES + GENRES


def fonts_for(lang: str) -> FontSet:
    return FontSet(font_config(STYLE, lang))


def layout(root, flavour: str = "2b"):
    """The built PDF document of *root* (its renderer's story holds the text blocks)."""
    document = pdf_writer._document(root, WriterOptions(pdfa=flavour))
    document.build()
    return document


def small(*paras, lang: str = "zh-Hans"):
    from test_pdf import small_tei

    return small_tei(*paras, lang=lang)


def write(root, tmp_path: Path, name: str = "t.pdf", flavour: str = "2b") -> Path:
    path = tmp_path / name
    pdf_writer.write(root, WriterOptions(pdfa=flavour, tei_bytes=to_bytes(root)), path)
    return path


# -- 1. fallback by style class ------------------------------------------------------------------
@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_no_body_character_of_any_variant_is_drawn_in_a_hei_face(path):
    """AR PL UMing HK has no 閲 or 説: they came from WenQuanYi Zen Hei, bold sans inside Song
    text (查閲, 他説 in the zh-Hant-HK PDF of no. 90). A body character falls back to HanaMin."""
    root = read_file(path)
    for tag in VARIANTS:
        document = layout(make_variant(root, tag))
        fonts = document.fonts
        blocks = [f for f in document.renderer.story if isinstance(f, TextBlock) and f.style.face == "body"]
        assert blocks
        # the body text of every body block (a bold run, <hi rend="bold">, is set in the Hei face
        # on purpose and is left out)
        spans = [s for f in blocks for s in f.spans if s.text != "\n" and s.face == "body"]
        glyphs = to_glyphs(spans, fonts, 10.5)
        hei = {(g.ch, g.font) for g in glyphs if not g.hidden and fonts.spec(g.font).style == "hei"}
        assert hei == set(), f"{tag}: body characters in a Hei face: {sorted(hei)[:10]}"


def test_fallback_order_follows_the_style_class():
    fonts = fonts_for("zh-Hant-HK")
    # 閲 (U+95B2): not in AR PL UMing HK; in WenQuanYi Zen Hei and in HanaMinA
    assert fonts.font_for("閲", "body") == "HanaMinA"
    assert fonts.font_for("閲", "heading") == "WQYZenHei"
    # a symbol in both DejaVu faces and in no CJK face: the serif in body text, the sans in headings
    assert fonts.font_for("Գ", "body") == "DejaVuSerif"
    assert fonts.font_for("Գ", "heading") == "DejaVuSans"
    # U+9FCC only in HanaMinA: a heading tries its Hei and sans faces first, then the Ming ones
    assert fonts.font_for("\u9fcc", "heading") == "HanaMinA"


# -- 2. headings: full-width quotation marks, the source's spaces ----------------------------------
def test_heading_quotes_take_a_full_width_cell_and_its_spaces_are_kept():
    fonts = fonts_for("zh-Hans")
    size = 13.5
    spans = normalise_space([Span("搭建“绿色通道” 打好“组合拳”", "heading")], "article_head")
    assert "".join(s.text for s in spans) == "搭建“绿色通道” 打好“组合拳”"
    glyphs = to_glyphs(spans, fonts, size)
    quotes = [g for g in glyphs if g.ch in "“”"]
    assert quotes and all(g.font == "WQYZenHei" for g in quotes)
    # WenQuanYi Zen Hei draws “ ” 0.33 em wide; the layout gives each a full em, the opening
    # mark's ink at the right of its cell, the closing mark's at the left
    for g in quotes:
        assert g.own_advance() < 0.4 * size
        assert abs(g.width - size) < 0.01 or g.squeeze
    assert all(g.dx > 0.5 * size for g in quotes if g.ch == "“")
    assert all(g.dx == 0 for g in quotes if g.ch == "”")
    # in body text the spaces the extraction left next to punctuation are still dropped
    assert "".join(s.text for s in normalise_space([Span("搭建“绿色通道” 打好")])) == "搭建“绿色通道”打好"


def test_heading_quotes_full_width_in_the_pdf(tmp_path):
    head = "搭建“绿色通道” 打好“组合拳”"
    root = small(E.p("正文。"))
    root.find(".//{http://www.tei-c.org/ns/1.0}div[@type='article']/{http://www.tei-c.org/ns/1.0}head").text = head
    path = write(root, tmp_path)
    chars = [c for c in miner_chars(path) if c[4] == STYLE["blocks"]["article_head"]["size"]]
    text = "".join(c[1] for c in chars)
    assert text.replace(" ", "") == head.replace(" ", "")
    pos = {i: c for i, c in enumerate(chars)}
    size = chars[0][4]
    # the cell of each quotation mark: from the end of the character before to the start of
    # the one after is a full em (the opening mark with the space before it: more)
    for i, c in pos.items():
        if c[1] in "“”" and 0 < i < len(chars) - 1:
            assert chars[i + 1][2] - chars[i - 1][3] >= 0.98 * size, (c[1], chars[i - 1][1], chars[i + 1][1])
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True).stdout
    assert "绿色通道” 打好" in out  # the space after ” is kept


# -- 3. centred punctuation in the Taiwan and Hong Kong editions ---------------------------------
@pytest.mark.parametrize("tag", ["zh-Hant-TW", "zh-Hant-HK"])
def test_pause_and_stop_marks_are_centred_in_taiwan_and_hong_kong(tag):
    fonts = fonts_for(tag)
    size = 10.5
    glyphs = to_glyphs([Span("區委，區政府。部門、鎮辦；社區：好！嗎？")], fonts, size)
    for g in glyphs:
        if g.ch in "，。、；：！？":
            box = fonts.ink_box(g.ch, g.font)
            centre_x = g.dx + (box[0] + box[2]) / 2 * size / 1000
            assert abs(centre_x - size / 2) < 0.01 * size, g.ch
            centre_y = g.dy + (box[1] + box[3]) / 2 * size / 1000
            assert abs(centre_y - fonts.em_centre(g.font) * size / 1000) < 0.01 * size, g.ch
    # the Mainland and standard Traditional editions keep the marks where the face draws them
    for other in ("zh-Hans", "zh-Hant"):
        assert all(g.dx == 0 == g.dy for g in to_glyphs([Span("區委，區政府。")], fonts_for(other), size))


@pytest.mark.parametrize("tag", ["zh-Hant-TW", "zh-Hant-HK"])
def test_centred_marks_in_the_pdf_and_the_ofd_are_where_the_layout_put_them(tmp_path, tag):
    """pdfminer reads each glyph's origin from the PDF; the OFD recorder's glyphs (what the OFD's
    text objects are made from) stand at the same places: compressed and centred marks included."""
    root = small(E.p("區委，區政府。部門、鎮辦（「一窗通辦」）好！"), E.p("第二段：結束。"), lang=tag)
    path = write(root, tmp_path)
    body = [c for c in miner_chars(path) if c[4] == STYLE["blocks"]["body"]["size"]]
    comma = next(k for k, c in enumerate(body) if c[1] == "，")
    # the comma's origin is moved right into the middle of the cell, its baseline raised
    assert body[comma][2] - body[comma - 1][3] > 0.2 * body[comma][4]
    assert body[comma][5] > body[comma - 1][5] + 0.2 * body[comma][4]
    document = pdf_writer.draw(root, WriterOptions(), RecordingCanvas)
    recorded = [(g.ch, g.x, g.y) for page in document.canvas.pages() for g in page.items
                if getattr(g, "size", None) == STYLE["blocks"]["body"]["size"]]
    assert [r[0] for r in recorded] == [c[1] for c in body]
    assert all(abs(r[1] - c[2]) < 0.01 and abs(r[2] - c[5]) < 0.06 for r, c in zip(recorded, body))


# -- 4. Latin letters and digits ------------------------------------------------------------------
def test_latin_and_digits_in_the_companion_face_a_quarter_em_from_han(tmp_path):
    root = small(E.p("我区2019年共有sjqdfzbg@126.com等 3 个邮箱。"))
    path = write(root, tmp_path)
    chars = [c for c in miner_chars(path) if c[4] == STYLE["blocks"]["body"]["size"]]
    fonts = {c[1]: c[6].split("+")[-1] for c in chars}
    assert all(fonts[ch].startswith("LiberationSerif") for ch in "2019sjqdfzbg@126.com3")
    assert fonts["我"].startswith("UMingCN")
    size = chars[0][4]
    k = next(i for i, c in enumerate(chars) if c[1] == "2")
    assert abs((chars[k][2] - chars[k - 1][3]) - size / 4) < 0.05 * size  # 区 | 2019
    k = next(i for i, c in enumerate(chars) if c[1] == "年")
    assert abs((chars[k][2] - chars[k - 1][3]) - size / 4) < 0.05 * size  # 2019 | 年
    # inside a Latin word, and between the Latin letters and the @, no extra space
    k = next(i for i, c in enumerate(chars) if c[1] == "@")
    assert abs(chars[k][2] - chars[k - 1][3]) < 0.02 * size


def test_headings_set_latin_in_the_sans_companion():
    glyphs = to_glyphs([Span("我区 2020 年第一批", "heading")], fonts_for("zh-Hans"), 13.5)
    assert {g.font for g in glyphs if g.ch.isdigit()} == {"LiberationSans"}
    assert {g.font for g in glyphs if g.ch == " "} == {"LiberationSans"}  # the source's space: the gap
    assert all(g.gap == 0 for g in glyphs)  # no quarter em added where the source has a space


def test_no_quarter_em_at_a_line_end():
    from convert.writers.pdf.text import Kinsoku, break_lines

    rules = Kinsoku.from_config(STYLE["kinsoku"])
    glyphs = to_glyphs([Span("汉字汉字汉字2019年")], fonts_for("zh-Hans"), 10)
    lines = break_lines(glyphs, 60.0, 0.0, rules)
    assert len(lines) == 2 and lines[0].glyphs[-1].ch == "字" and lines[0].glyphs[-1].gap
    assert abs(lines[0].width - sum(g.width for g in lines[0].glyphs) + lines[0].glyphs[-1].gap) < 1e-6


# -- 5. characters that draw nothing (issue #26, case 13) -----------------------------------------
INVISIBLE = ["\u200b", "\u2066", "\u2069", "\u061c", "\u200d", "\u00ad", "\ufe00", "\U000e0100", "\U000e0041"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize("flavour", ["1b", "2b", "2a", "2u"])
def test_invisible_characters_are_kept_in_the_text_layer_and_drawn_as_nothing(tmp_path, char, flavour):
    """A format control, a variation selector or a tag character is a source character: the
    PDF is written (never refused), shows no glyph for it (no .notdef box, no visible glyph a
    face maps it to), and gives it back to text extraction (``/ActualText``)."""
    assert is_ignorable(char)
    root = small(E.head("标题" + char + "文字"), E.p(f"第一段文字{char}内容。葛{char}字。"))
    path = write(root, tmp_path, flavour=flavour)  # validated by pikepdf.pdfa as it is written
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    if char == "\u061c":  # poppler puts the right-to-left mark in an embedding of its own
        text = text.replace("\u202b\u061c\u202c", "\u061c")
    assert f"第一段文字{char}内容。葛{char}字。" in text.replace("\n", "")
    assert "标题" + char + "文字" in text.replace("\n", "")
    if flavour == "2a":  # the structure's text goes on past the glyph that carries the ActualText
        struct = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True,
                                check=True).stdout
        assert "第一段文字内容。葛字。" in re.sub(r'[\s"]', "", struct)
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                cmap = font.get("/ToUnicode")
                if cmap is not None:
                    assert f"<{ord(char):04X}>".encode() not in cmap.read_bytes().upper() or ord(char) > 0xFFFF
                    assert char.encode("utf-16-be").hex().upper().encode() not in cmap.read_bytes().upper()


@pytest.mark.parametrize("char", ["\u2066", "\U000e0100", "\u200d"])
def test_invisible_characters_in_ofd_epub_txt_tei(tmp_path, char):
    from convert.writers import epub as epub_writer
    from convert.writers import ofd as ofd_writer
    from convert.writers import tei as tei_writer
    from convert.writers import txt as txt_writer

    root = small(E.p(f"第一段文字{char}内容。"))
    ofd_writer.write(root, WriterOptions(), tmp_path / "t.ofd")  # no refusal
    import zipfile

    with zipfile.ZipFile(tmp_path / "t.ofd") as z:
        codes = "".join(re.findall(r"<ofd:TextCode[^>]*>([^<]*)<", "".join(
            z.read(n).decode() for n in z.namelist() if n.endswith("Content.xml"))))
    assert "第一段文字内容" in codes and char not in codes  # no TextCode a font has no glyph for
    epub_writer.write(root, WriterOptions(), tmp_path / "t.epub")
    with zipfile.ZipFile(tmp_path / "t.epub") as z:
        assert any(f"文字{char}内容" in z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    txt_writer.write(root, WriterOptions(), tmp_path / "t.txt")
    assert f"文字{char}内容" in (tmp_path / "t.txt").read_text(encoding="utf-8")
    tei_writer.write(root, WriterOptions(), tmp_path / "t.xml")
    assert f"文字{char}内容" in (tmp_path / "t.xml").read_text(encoding="utf-8")


def test_an_ivs_selects_its_glyph_where_a_ming_face_has_the_sequence(tmp_path):
    """葛 U+E0100 is in HanaMinA's cmap format 14 (Hanyo-Denshi/Adobe-Japan1 IVD): the PDF draws
    that glyph (a font registered for the sequence, its ToUnicode still 葛), the OFD embeds it
    reached from 葛; 葛 alone stays in AR PL UMing. A sequence no face of the class has (葛
    U+E01EE) is drawn as plain 葛."""
    import uharfbuzz as hb

    hana = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
    font = hb.Font(hb.Face(hb.Blob.from_file_path(hana)))
    variant_gid = font.get_variation_glyph(0x845B, 0xE0100)
    assert variant_gid and variant_gid != font.get_nominal_glyph(0x845B)
    fonts = fonts_for("zh-Hans")
    glyphs = to_glyphs([Span("葛\U000e0100字葛字葛\U000e01ee")], fonts, 10)
    drawn = [(g.ch, g.font) for g in glyphs if not g.hidden]
    assert drawn == [("葛", "HanaMinA~E0100"), ("字", "UMingCN"), ("葛", "UMingCN"), ("字", "UMingCN"),
                     ("葛", "UMingCN")]
    assert fonts.variant_glyphs("HanaMinA~E0100") == {"葛": variant_gid}
    root = small(E.p("葛\U000e0100城与葛城。"))
    path = write(root, tmp_path)
    with pikepdf.open(path) as pdf:
        names = {str(f.BaseFont).split("+")[-1] for p in pdf.pages for f in p.Resources.Font.values()}
    assert any(n.startswith("HanaMinA-VSE0100") for n in names)
    # the OFD: the subset maps 葛 to the variant glyph's outline
    import io
    import zipfile

    from fontTools.ttLib import TTFont

    from convert.writers import ofd as ofd_writer

    ofd_writer.write(root, WriterOptions(), tmp_path / "t.ofd")
    with zipfile.ZipFile(tmp_path / "t.ofd") as z:
        res = z.read("Doc_0/PublicRes.xml").decode()
        files = re.findall(r'FontName="([^"]+)"[^>]*>\s*<ofd:FontFile>([^<]+)<', res)
        data = {name: z.read("Doc_0/Res/" + f) for name, f in files}
    hana_ft = TTFont(hana)
    want = hana_ft["glyf"][hana_ft.getGlyphName(variant_gid)].getCoordinates(hana_ft["glyf"])[0]
    sub = TTFont(io.BytesIO(data["HanaMinA"]))
    got = sub["glyf"][sub.getBestCmap()[0x845B]].getCoordinates(sub["glyf"])[0]
    assert list(got) == list(want)
