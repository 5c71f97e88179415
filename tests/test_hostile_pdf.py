"""Issue #12, cases 5, 6 and 7: a decompression bomb in a PDF/A-3b copy, reproducible PDFs of a
bulletin with no printed date, malformed /AF entries; random damage to a 3b copy."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import zlib

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hostile import tiny_bulletin
from sampledata import ROOT

from convert.cli import main
from convert.errors import InputError
from convert.reader import load_input

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def copy_3b(tmp_path_factory):
    """A PDF/A-3b copy of the tiny bulletin (path)."""
    folder = tmp_path_factory.mktemp("made")
    assert main([str(tiny_bulletin(folder)), "--to", "pdf", "--pdfa", "3b", "-o", str(folder), "-q", "-j", "1"]) == 0
    return folder / "tiny.pdf"


def zlib_of_zeros(chunk: int, count: int) -> bytes:
    """A zlib stream (RFC 1950) of *chunk* × *count* zero bytes, made without compressing them
    all: once the window is full of zeros, every further chunk compresses to the same bytes."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = b"\0" * chunk
    first = z.compress(zeros) + z.flush(zlib.Z_SYNC_FLUSH)
    middle = z.compress(zeros) + z.flush(zlib.Z_SYNC_FLUSH)
    last = z.compress(zeros) + z.flush(zlib.Z_FINISH)
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(zeros, adler)
    data = b"\x78\xda" + first + middle * (count - 2) + last + adler.to_bytes(4, "big")
    assert zlib.decompressobj().decompress(data, 3 * chunk)[: 3 * chunk] == b"\0" * (3 * chunk)
    return data


def test_decompression_bomb_is_refused_in_bounded_memory(tmp_path, copy_3b):
    bomb = zlib_of_zeros(2**24, 64)  # 1 GiB inflated
    with pikepdf.open(copy_3b) as pdf:
        pdf.Root.AF[0].EF.F.write(bomb, filter=pikepdf.Name.FlateDecode)
        pdf.save(tmp_path / "bomb.pdf")
    assert (tmp_path / "bomb.pdf").stat().st_size < 2 * 2**20

    def limit():  # 768 MiB of address space: inflating the whole TEI would not fit
        resource.setrlimit(resource.RLIMIT_AS, (768 * 2**20, 768 * 2**20))

    proc = subprocess.run([sys.executable, "-m", "convert", str(tmp_path / "bomb.pdf"), "--to", "tei", "-o",
                           str(tmp_path / "out"), "-j", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, preexec_fn=limit)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"convert: {tmp_path / 'bomb.pdf'}: the embedded TEI inflates to more than "
                                   f"20,971,520 bytes (--max-size)")


def _xmp_date(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode()
        return re.search(r"<xmp:MetadataDate>([^<]*)<", xmp).group(1), bytes(pdf.trailer.ID[0])


def test_bulletin_without_a_date_gives_the_same_pdf_twice(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src = tiny_bulletin(tmp_path)
    runs = []
    for n in (1, 2):
        assert main([str(src), "--to", "pdf", "--pdfa", "3b", "-o", str(tmp_path / f"run{n}"), "-q", "-j", "1"]) == 0
        runs.append(tmp_path / f"run{n}" / "tiny.pdf")
    assert runs[0].read_bytes() == runs[1].read_bytes()
    date, ident = _xmp_date(runs[0])
    # the documented fixed date of a file made from a TEI that records none, in every format
    assert date == "2026-11-22T04:00:00+00:00"
    # the trailer /ID is derived from the content: another text, another /ID
    other = tmp_path / "other.txt"
    other.write_text(src.read_text(encoding="utf-8").replace("本月", "上月"), encoding="utf-8")
    assert main([str(other), "--to", "pdf", "-o", str(tmp_path / "run3"), "-q", "-j", "1"]) == 0
    assert _xmp_date(tmp_path / "run3" / "other.pdf")[1] != ident
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main([str(src), "--to", "pdf", "-o", str(tmp_path / "run4"), "-q", "-j", "1"]) == 0
    assert _xmp_date(tmp_path / "run4" / "tiny.pdf")[0] == "2023-11-14T22:13:20+00:00"


AF_DAMAGE = {
    "name": lambda pdf: pikepdf.Name.Foo,
    "integers": lambda pdf: pikepdf.Array([1, 2, 3]),
    "no-EF": lambda pdf: pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.Filespec)]),
    "EF-F-not-a-stream": lambda pdf: pikepdf.Array([pikepdf.Dictionary(EF=pikepdf.Dictionary(F=7))]),
    "EF-a-string": lambda pdf: pikepdf.Array([pikepdf.Dictionary(EF=pikepdf.String("x"))]),
}


@pytest.mark.parametrize("kind", sorted(AF_DAMAGE))
def test_malformed_af_is_a_one_line_error_and_the_batch_goes_on(tmp_path, capsys, copy_3b, kind):
    with pikepdf.open(copy_3b) as pdf:
        pdf.Root.AF = AF_DAMAGE[kind](pdf)
        if "/Names" in pdf.Root:
            del pdf.Root["/Names"]
        pdf.save(tmp_path / "bad.pdf")
    good = tiny_bulletin(tmp_path, "good.txt")
    out = tmp_path / "out"
    assert main([str(tmp_path / "bad.pdf"), str(good), "--to", "txt", "-o", str(out), "-j", "1", "-q"]) == 1
    err = "\n".join(ln for ln in capsys.readouterr().err.splitlines() if "warning:" not in ln)
    assert len(err.splitlines()) == 1 and err.startswith(f"convert: {tmp_path / 'bad.pdf'}: "), err
    assert "Traceback" not in err and "internal error" not in err
    assert (out / "good.txt").exists() and not (out / "bad.txt").exists()


def test_an_encrypted_pdf_is_one_line(tmp_path, capsys, copy_3b):
    """Issue #26, case 13: a password-protected PDF is refused in one line naming it, never an
    internal error with a memory address."""
    with pikepdf.open(copy_3b) as pdf:
        pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(owner="owner", user="secret"))
    assert main([str(tmp_path / "locked.pdf"), "--to", "txt", "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 1
    err = [ln for ln in capsys.readouterr().err.splitlines() if "warning:" not in ln]
    assert len(err) == 1 and err[0].startswith(f"convert: {tmp_path / 'locked.pdf'}: "), err
    assert "internal error" not in err[0] and "BytesIO" not in err[0] and "encrypted" in err[0]


@FUZZ
@given(damage=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6),
       truncate=st.one_of(st.none(), st.floats(0.05, 1)))
def test_random_damage_to_a_3b_copy_is_read_or_refused_cleanly(tmp_path, copy_3b, damage, truncate):
    data = bytearray(copy_3b.read_bytes())
    for where, junk in damage:
        at = int(where * (len(data) - 1))
        data[at:at + len(junk)] = junk
    if truncate is not None:
        data = data[: int(truncate * len(data))]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        loaded = load_input(path, max_size=2**20)
    except InputError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
    else:
        if not bytes(data).startswith(b"%PDF-"):
            return  # damaged past recognition: read as text, cleanly
        assert "上街区召开安全生产工作会议" in loaded.root.xpath("string(//*[local-name()='text'])")  # read whole
