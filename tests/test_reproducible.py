"""Reproducible outputs: the same input and options give byte-identical files; times come from the
issue date, or from SOURCE_DATE_EPOCH when it is set, never from the clock."""

from __future__ import annotations

import re
import zipfile

import pytest
from sampledata import SAMPLES

from convert.cli import main

SAMPLE = SAMPLES[-1]  # the newspaper: a full date (2020-02-29)


def convert_twice(tmp_path, *extra):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}"
        assert main([str(SAMPLE), "--to", "all", "-o", str(out), "-j", "1", "-q", *extra]) == 0
        outs.append(out)
    return outs


def test_same_input_same_bytes_for_every_format(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = convert_twice(tmp_path, "--pdfa", "3b")
    for ext in (".xml", ".txt", ".pdf", ".epub"):
        name = SAMPLE.stem + ext
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def opf_modified(path):
    with zipfile.ZipFile(path) as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        return re.search(r'property="dcterms:modified">([^<]+)<', z.read(opf).decode()).group(1)


def test_times_come_from_the_issue_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out, _ = convert_twice(tmp_path)
    assert opf_modified(out / f"{SAMPLE.stem}.epub") == "2020-02-29T04:00:00Z"
    with zipfile.ZipFile(out / f"{SAMPLE.stem}.epub") as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2020, 2, 29)}


@pytest.mark.parametrize("epoch,iso", [("1700000000", "2023-11-14T22:13:20Z")])
def test_source_date_epoch_is_honoured(tmp_path, monkeypatch, epoch, iso):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    first, second = convert_twice(tmp_path)
    assert opf_modified(first / f"{SAMPLE.stem}.epub") == iso
    import pikepdf

    with pikepdf.open(first / f"{SAMPLE.stem}.pdf") as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode()
    assert f"<xmp:ModifyDate>{iso[:-1]}+00:00</xmp:ModifyDate>" in xmp
    for ext in (".pdf", ".epub"):
        assert (first / (SAMPLE.stem + ext)).read_bytes() == (second / (SAMPLE.stem + ext)).read_bytes()
