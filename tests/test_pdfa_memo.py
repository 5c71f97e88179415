"""The per-process memo of pikepdf.pdfa's glyph check (convert/validators/pdfa_memo.py) gives the
verdicts pikepdf gives, and never lets a damaged glyph through because an intact copy of it was
checked before."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pikepdf
import pikepdf.pdfa as pdfa
import pytest
from fontTools.ttLib import TTFont
from pikepdf.pdfa._fontprogram import TrueTypeProgram

from convert.options import WriterOptions
from convert.reader import read_file
from convert.validators import pdfa_memo as _pdfa_memo
from convert.writers import pdf as pdf_writer

from sampledata import SAMPLES

SAMPLE = next(p for p in SAMPLES if "monthly" in p.name)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """A PDF/A-2b copy of a sample, written by the writer (which installs the memo)."""
    path = tmp_path_factory.mktemp("memo") / "copy.pdf"
    pdf_writer.write(read_file(SAMPLE), WriterOptions(), path)
    return path


def font_programs(path: Path) -> list[bytes]:
    """The embedded TrueType programs (FontFile2) of *path*."""
    out = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                out.append(obj.FontFile2.read_bytes())
    return out


def simple_glyph_ids(data: bytes) -> list[int]:
    font = TTFont(io.BytesIO(data))
    glyf = font["glyf"]
    order = font.getGlyphOrder()
    return [gid for gid, name in enumerate(order)
            if getattr(glyf.glyphs[name], "data", b"") and not glyf.glyphs[name].data[0] & 0x80]


def damaged(data: bytes, gid: int) -> bytes:
    """*data* with glyph *gid*'s last contour end point set to 0xFFFE: its flags and coordinates
    then run past the record, so the outline cannot be read."""
    font = TTFont(io.BytesIO(data))
    n_tables = struct.unpack(">H", data[4:6])[0]
    entries = {data[12 + 16 * i: 16 + 16 * i].decode("latin-1"): struct.unpack(">LL", data[20 + 16 * i: 28 + 16 * i])
               for i in range(n_tables)}
    glyf_offset = entries["glyf"][0]
    loca = font["loca"]
    start = glyf_offset + loca[gid]
    contours = struct.unpack(">h", data[start:start + 2])[0]
    assert contours > 0
    at = start + 10 + 2 * (contours - 1)
    return data[:at] + b"\xff\xfe" + data[at + 2:]


def test_installed_with_the_pinned_pikepdf(written):
    assert _pdfa_memo.install() is True
    assert getattr(TrueTypeProgram.has_gid, "_memo", False)
    assert _pdfa_memo.stats() > 100  # the written file's glyphs went through the memo


def test_same_verdicts_as_pikepdf_for_every_glyph(written):
    programs = font_programs(written)
    assert programs
    checked = 0
    for data in programs:
        memo, plain = TrueTypeProgram(data), TrueTypeProgram(data)
        for gid in range(plain.num_glyphs + 2):  # and two ids past the end
            assert memo.has_gid(gid) == TrueTypeProgram.has_gid.__wrapped__(plain, gid), gid
            checked += 1
    assert checked > 500


def test_a_damaged_glyph_is_checked_afresh(written):
    data = font_programs(written)[0]
    gid = simple_glyph_ids(data)[3]
    assert TrueTypeProgram(data).has_gid(gid) is True  # the intact record is now in the memo
    bad = damaged(data, gid)
    assert TrueTypeProgram.has_gid.__wrapped__(TrueTypeProgram(bad), gid) is False  # pikepdf's verdict
    assert TrueTypeProgram(bad).has_gid(gid) is False  # and the memo's


def test_a_pdf_with_a_damaged_glyph_fails_validation_after_the_intact_one_passed(written, tmp_path):
    assert pdfa.validate_written(written, "2b").passed
    bad_copy = tmp_path / "bad.pdf"
    with pikepdf.open(written) as pdf:
        for obj in pdf.objects:  # a subset of the body face (drawn on the body pages)
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj and "UMing" in str(obj.FontName):
                data = obj.FontFile2.read_bytes()
                obj.FontFile2.write(damaged(data, simple_glyph_ids(data)[3]))
                break
        pdf.save(bad_copy)
    report = pdfa.validate_written(bad_copy, "2b")
    assert not report.passed
    # ISO 19005-2 6.2.11.4.1: the glyphs a string selects must be in the embedded font program
    assert [str(f) for f in report.findings if "6.2.11.4.1" in str(f)], [str(f) for f in report.findings]


def test_the_check_option_bypasses_the_memo(written):
    """``--check``'s pikepdf.pdfa verdict does not lean on the writer's memo: with the memo
    emptied, the check passes and leaves it empty (it was neither read nor filled)."""
    from convert.validators.pdfa import run_pdfa_check

    saved = dict(_pdfa_memo._VERDICTS)
    _pdfa_memo._VERDICTS.clear()
    try:
        verdict = run_pdfa_check(written, "2b")
        assert verdict.ok, verdict
        assert _pdfa_memo.stats() == 0
        assert pdfa.validate_written(written, "2b").passed
        assert _pdfa_memo.stats() > 100  # outside --check the memo is used
    finally:
        _pdfa_memo._VERDICTS.clear()
        _pdfa_memo._VERDICTS.update(saved)
