"""The on-disk cache (convert/cache.py) of parsed fonts and PDF/A glyph verdicts: outputs are
byte-identical with and without it, a damaged entry is ignored and rebuilt, concurrent writers
leave whole entries, ``--no-cache`` neither reads nor writes it; and ``--to tei,txt,epub`` does
not import the PDF libraries."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from convert import cache
from convert.validators import pdfa_memo
from convert.writers.pdf import fonts

from sampledata import ROOT, SAMPLES

NEWSLETTER = next(p for p in SAMPLES if "newsletter" in p.name)
UMING = fonts.FontSpec("UMingCN", "/usr/share/fonts/truetype/arphic/uming.ttc", 0)
DEJAVU = fonts.FontSpec("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0)


@pytest.fixture
def xdg(tmp_path, monkeypatch) -> Path:
    """A fresh, empty cache folder for this process (and the processes it starts)."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(cache.ENV, raising=False)
    return home / "bulletin-convert" / cache.FORMAT


def run_convert(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m convert ARGS`` in a fresh process (a cold start), with this test's environment."""
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "convert", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ------------------------------------------------------------------------- the store itself


def test_store_and_load_round_trip(xdg):
    value = {"a": [1, 2.5, "三"], "b": (b"\x00\xff", None, True)}
    assert cache.store("ns", "key 1", value)
    assert cache.load("ns", "key 1") == value
    assert cache.load("ns", "key 2") is None
    (path,) = entries(xdg)
    assert path.parent.name == "ns"
    assert oct(path.parent.stat().st_mode & 0o777) == oct(0o700)


def test_xdg_cache_home_is_used_and_a_relative_one_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.root() == tmp_path / "bulletin-convert" / cache.FORMAT
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    assert cache.root() == Path.home() / ".cache" / "bulletin-convert" / cache.FORMAT


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "other-key"])
def test_a_damaged_entry_is_a_miss(xdg, damage):
    assert cache.store("ns", "k", {"x": list(range(1000))})
    (path,) = entries(xdg)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0x01]) + data[-9:])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # a whole, valid entry of another key copied over this one
        cache.store("ns", "other", {"x": [0]})
        other = next(p for p in entries(xdg) if p != path)
        path.write_bytes(other.read_bytes())
    assert cache.load("ns", "k") is None
    assert cache.store("ns", "k", {"x": [7]})  # rebuilt in place
    assert cache.load("ns", "k") == {"x": [7]}


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.store("ns", "k", 1) is False
    assert cache.load("ns", "k") is None
    assert cache.file_digest(DEJAVU.file) == cache.file_digest(DEJAVU.file)


def _writer(args) -> list:
    """Process body for the concurrency test: write and read one key many times."""
    home, n = args
    os.environ["XDG_CACHE_HOME"] = home
    os.environ.pop(cache.ENV, None)
    seen = []
    for i in range(60):
        cache.store("race", "shared", {"writer": n, "i": i, "payload": bytes([n]) * 50_000})
        got = cache.load("race", "shared")
        seen.append(None if got is None else (got["writer"], got["payload"] == bytes([got["writer"]]) * 50_000))
    return seen


def test_concurrent_writers_leave_whole_entries(xdg):
    home = str(xdg.parent.parent)
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_writer, [(home, n) for n in range(1, 5)])
    for seen in results:
        assert all(s is not None and s[1] for s in seen)  # every read saw one whole entry
    final = cache.load("race", "shared")
    assert final is not None and final["payload"] == bytes([final["writer"]]) * 50_000
    assert [p.name for p in entries(xdg)] == [cache._path("race", "shared").name]  # no temp files left


# ------------------------------------------------------------------------- parsed fonts


def _state(font, keys) -> tuple[dict, dict]:
    """Every attribute a parsed face has (named by *keys*), read from *font*'s face, and the
    font's own attributes."""
    face = {k: getattr(font.face, k) for k in keys if k not in ("_ttf_data", "_pdfScale")}
    return face, {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "encoding")}


@pytest.mark.parametrize("spec", [UMING, DEJAVU], ids=["uming-ttc", "dejavu-ttf"])
def test_a_cached_face_is_the_parsed_face(xdg, spec):
    parsed = fonts._cached(spec)  # parses and stores
    assert entries(xdg / fonts.CACHE_NAMESPACE)
    restored = fonts._cached(spec)  # from the cache
    assert isinstance(restored.face, fonts._MappedFace) and not isinstance(parsed.face, fonts._MappedFace)
    keys = list(parsed.face.__dict__)
    assert "charToGlyph" in keys and "glyphToChar" in keys and "hmetrics" in keys
    assert _state(restored, keys) == _state(parsed, keys)
    assert type(restored.face.name) is type(parsed.face.name) and restored.face.name.ustr == parsed.face.name.ustr
    assert restored.face._pdfScale(1234) == parsed.face._pdfScale(1234)
    chars = [ord(c) for c in "　，。、“”《》（）一二三四五六七八九十年月日中国河南省人民政府办公厅abcXYZ019"]
    assert restored.face.makeSubset(chars) == parsed.face.makeSubset(chars)


def test_a_damaged_font_entry_is_rebuilt(xdg):
    fonts._cached(DEJAVU)
    (path,) = entries(xdg / fonts.CACHE_NAMESPACE)
    path.write_bytes(path.read_bytes()[:100])
    font = fonts._cached(DEJAVU)  # parsed again
    assert not isinstance(font.face, fonts._MappedFace)
    assert cache.load(fonts.CACHE_NAMESPACE, fonts._cache_key(DEJAVU)) is not None  # rewritten whole
    assert isinstance(fonts._cached(DEJAVU).face, fonts._MappedFace)


def test_a_font_entry_of_another_shape_is_rebuilt(xdg):
    cache.store(fonts.CACHE_NAMESPACE, fonts._cache_key(DEJAVU), {"face": {}, "names": {}})
    font = fonts._cached(DEJAVU)
    assert not isinstance(font.face, fonts._MappedFace) and font.face.charToGlyph
    assert isinstance(fonts._cached(DEJAVU).face, fonts._MappedFace)


def test_a_changed_font_file_gets_a_new_key(xdg, tmp_path):
    copy = tmp_path / "font.ttf"
    copy.write_bytes(Path(DEJAVU.file).read_bytes())
    spec = fonts.FontSpec("F", str(copy), 0)
    before = fonts._cache_key(spec)
    data = bytearray(copy.read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    os.utime(copy, ns=(1, 1))
    assert fonts._cache_key(spec) != before


# ------------------------------------------------------------------------- glyph verdicts


def test_verdicts_are_stored_and_a_damaged_set_is_ignored(xdg, monkeypatch):
    monkeypatch.setattr(pdfa_memo, "_LOADED_KEY", None)
    key = pdfa_memo._cache_key()
    digest_a, digest_b = b"a" * 16, b"b" * 16
    monkeypatch.setattr(pdfa_memo, "_NEW", {digest_a: True, digest_b: False})
    assert pdfa_memo.flush()
    assert pdfa_memo._decode(cache.load(pdfa_memo.CACHE_NAMESPACE, key)) == {digest_a: True, digest_b: False}
    # a later flush merges rather than replaces
    pdfa_memo._NEW[b"c" * 16] = True
    assert pdfa_memo.flush()
    assert len(pdfa_memo._decode(cache.load(pdfa_memo.CACHE_NAMESPACE, key))) == 3
    # entries of the wrong shape are ignored
    for bad in ({"digests": b"x" * 15, "verdicts": b"\x01"}, {"digests": b"x" * 16, "verdicts": b"\x02"}, [1, 2]):
        assert pdfa_memo._decode(bad) == {}
    monkeypatch.setattr(pdfa_memo, "_VERDICTS", {})
    assert pdfa_memo.load_persistent() == 3


# ------------------------------------------------------------------------- whole conversions


def test_outputs_are_byte_identical_with_and_without_the_cache(xdg, tmp_path):
    """Cold processes: an empty cache (filled by the run), a full one, --no-cache, -j 2 workers
    sharing it; every output the same bytes, the cache holding the faces and the verdicts."""
    runs = {"fill": [], "from-cache": [], "no-cache": ["--no-cache"]}
    outputs = {}
    for name, extra in runs.items():
        out = tmp_path / name
        proc = run_convert(str(NEWSLETTER), "--to", "all", "-o", str(out), "-q", "-j", "1", *extra)
        assert proc.returncode == 0, proc.stderr
        outputs[name] = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "manifest.json"}
        if name == "fill":
            stored = entries(xdg)
            assert entries(xdg / fonts.CACHE_NAMESPACE) and entries(xdg / pdfa_memo.CACHE_NAMESPACE)
    assert len(outputs["fill"]) == 4
    assert outputs["fill"] == outputs["from-cache"] == outputs["no-cache"]
    assert entries(xdg) == stored  # --no-cache and the second run added nothing


def test_no_cache_neither_reads_nor_writes(xdg, tmp_path):
    proc = run_convert(str(NEWSLETTER), "--to", "pdf", "-o", str(tmp_path / "a"), "-q", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert not xdg.exists()  # nothing written
    # a cache of garbage entries everywhere is not read either
    assert run_convert(str(NEWSLETTER), "--to", "pdf", "-o", str(tmp_path / "b"), "-q").returncode == 0
    for path in entries(xdg):
        path.write_bytes(b"BCCACHE1" + os.urandom(200))
    damaged = {p: p.read_bytes() for p in entries(xdg)}
    proc = run_convert(str(NEWSLETTER), "--to", "pdf", "-o", str(tmp_path / "c"), "-q", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert {p: p.read_bytes() for p in entries(xdg)} == damaged
    pdf = NEWSLETTER.with_suffix(".pdf").name
    assert (tmp_path / "a" / pdf).read_bytes() == (tmp_path / "b" / pdf).read_bytes() == (tmp_path / "c" / pdf).read_bytes()
    # and a run with the cache on repairs every damaged entry, giving the same file
    proc = run_convert(str(NEWSLETTER), "--to", "pdf", "-o", str(tmp_path / "d"), "-q")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "d" / pdf).read_bytes() == (tmp_path / "a" / pdf).read_bytes()
    assert all(p.read_bytes() != old for p, old in damaged.items())  # every entry rewritten


def test_concurrent_cold_conversions_share_an_empty_cache(xdg, tmp_path):
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-m", "convert", str(NEWSLETTER), "--to", "pdf", "-o",
                               str(tmp_path / f"run{i}"), "-q", "-j", "1"], cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, text=True) for i in range(3)]
    for p in procs:
        _out, err = p.communicate(timeout=600)  # reads and closes the pipe
        assert p.returncode == 0, err
    pdf = NEWSLETTER.with_suffix(".pdf").name
    data = {(tmp_path / f"run{i}" / pdf).read_bytes() for i in range(3)}
    assert len(data) == 1
    assert not [p for p in entries(xdg) if p.name.endswith(".tmp")]
    key = pdfa_memo._cache_key()
    assert len(pdfa_memo._decode(cache.load(pdfa_memo.CACHE_NAMESPACE, key))) > 100
    assert run_convert(str(NEWSLETTER), "--to", "pdf", "-o", str(tmp_path / "after"), "-q").returncode == 0
    assert (tmp_path / "after" / pdf).read_bytes() in data


# ------------------------------------------------------------------------- lazy imports

PROBE = """
import sys
from convert.cli import main
status = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("reportlab", "pikepdf", "jsonschema")
               or m == "concurrent.futures.process")
print(status, " ".join(heavy))
"""


def test_text_formats_do_not_import_the_pdf_libraries(tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(NEWSLETTER), "--to", "tei,txt,epub", "-o",
                           str(tmp_path), "-q", "-j", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["0"], proc.stdout  # converted, and none of them imported
    assert sorted(p.suffix for p in tmp_path.iterdir() if p.name != "manifest.json") == [".epub", ".txt", ".xml"]


def test_the_pdf_imports_them_when_asked(tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(NEWSLETTER), "--to", "pdf", "-o",
                           str(tmp_path), "-q", "-j", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    status, *heavy = proc.stdout.split()
    assert status == "0" and "pikepdf.pdfa" in heavy and "reportlab.pdfgen.canvas" in heavy
    assert "concurrent.futures.process" not in heavy  # one process: no pool
