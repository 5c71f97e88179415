"""The command line: formats, output names, exit status, one-line errors, no partial files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sampledata import ROOT, SAMPLES, concatenated

from convert import __version__
from convert.cli import main, parse_formats

SAMPLE = SAMPLES[0]


def test_formats_expand_all_lists_and_repeats():
    assert parse_formats(["all"]) == ["tei", "txt", "pdf", "epub"]
    assert parse_formats(["txt,tei", "tei"]) == ["tei", "txt"]


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main([str(SAMPLE), "--to", "docx", "-o", str(tmp_path)])
    assert exc.value.code == 2
    assert "unknown format 'docx'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_names_and_default_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([str(SAMPLE), "--to", "tei,txt"]) == 0
    names = sorted(p.name for p in (tmp_path / "output").iterdir())
    assert names == ["manifest.json", f"{SAMPLE.stem}.txt", f"{SAMPLE.stem}.xml"]


def test_missing_input_names_the_file_and_writes_nothing(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    out = tmp_path / "out"
    assert main([str(missing), "--to", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0] and "cannot read" in err[0]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n", b"---\n**\n"])
def test_empty_input_is_an_error(tmp_path, capsys, content):
    src = tmp_path / "empty.txt"
    src.write_bytes(content)
    assert main([str(src), "--to", "txt,tei", "-o", str(tmp_path / "out")]) == 1
    assert "no text to convert" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_undecodable_bytes_name_the_offset(tmp_path, capsys):
    src = tmp_path / "bad.txt"
    src.write_bytes("上街".encode() + b"\xff\xfe" + "时讯".encode())
    assert main([str(src), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    assert "offset 6" in capsys.readouterr().err


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main([str(bad), str(SAMPLE), "--to", "txt", "-o", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / f"{SAMPLE.stem}.txt").exists()


def test_failed_writer_leaves_no_file(tmp_path, monkeypatch, capsys):
    import convert.writers.txt as txt

    def broken(root, opts, path):
        path.write_text("half")
        raise RuntimeError("boom")

    monkeypatch.setattr(txt, "write", broken)
    assert main([str(SAMPLE), "--to", "txt", "-o", str(tmp_path), "-j", "1"]) == 1
    assert list(tmp_path.iterdir()) == []
    assert "internal error: RuntimeError: boom" in capsys.readouterr().err


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "convert", "--version"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == f"convert {__version__}"


def test_help_documents_every_option():
    out = subprocess.run([sys.executable, "-m", "convert", "--help"], capture_output=True,
                         text=True, cwd=ROOT, check=True).stdout
    for option in ("--to", "-o", "--pdfa", "--check", "--version", "examples:"):
        assert option in out


# --------------------------------------------------------- issues #24 (5, 6, 8) and #26 (10, 13)

BAD_OPTIONS = [
    ["--max-size", "infk"], ["--max-size", "nan"], ["--max-size", "1e999"], ["--max-size", "-1"],
    ["--max-size", "0"], ["--max-size", "k"], ["--encoding", "rot13"], ["--encoding", "base64"],
    ["--encoding", "no-such-codec"], ["-j", "0"], ["-j", "-3"], ["-j", "two"], ["--timeout", "0"],
    ["--timeout", "-5"], ["--timeout", "inf"], ["--timeout", "soon"], ["--pdfa", "9z"],
    ["--variant", "zh-Hant-XX"],
]


@pytest.mark.parametrize("option", BAD_OPTIONS, ids=[" ".join(o) for o in BAD_OPTIONS])
def test_an_option_value_that_cannot_be_used_is_one_usage_line(tmp_path, capsys, option):
    """Every option value gets one line from argparse (exit 2), never a traceback, and nothing is
    written (issue #24, case 6; issue #26, cases 10 and 13)."""
    with pytest.raises(SystemExit) as exc:
        main([str(SAMPLE), "--to", "txt", "-o", str(tmp_path / "out"), *option])
    err = capsys.readouterr().err.strip().splitlines()
    assert exc.value.code == 2
    assert err[-1].startswith("convert: error: ") and option[0] in err[-1] or option[0] in ("--variant", "--to")
    assert not (tmp_path / "out").exists()


def test_bcp47_tags_and_flavours_are_case_insensitive(tmp_path):
    """RFC 5646 §2.1.1: ``zh-hant-tw`` is ``zh-Hant-TW``; outputs take the registered case."""
    out = tmp_path / "out"
    assert main([str(SAMPLE), "--to", "txt", "--variant", "ZH-hans,zh-hant-tw", "--pdfa", "2B", "-o", str(out),
                 "-q", "-j", "1"]) == 0
    assert sorted(p.name for p in out.glob("*.txt")) == [f"{SAMPLE.stem}.txt", f"{SAMPLE.stem}.zh-Hant-TW.txt"]


def test_the_default_max_size_is_the_readers():
    from convert.cli import MAX_SIZE
    from convert.reader.source import MAX_SIZE as READER

    assert MAX_SIZE == READER


def test_workers_are_capped_at_the_work_and_the_cpus(tmp_path, capsys, monkeypatch):
    """``-j 1000`` for 2 inputs starts 2 workers (1 per input; never more than the CPUs), with a
    note saying so (issue #26, case 10)."""
    import concurrent.futures

    real, started = concurrent.futures.ProcessPoolExecutor, []

    def recording(*args, **kwargs):
        started.append(kwargs.get("max_workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    from convert.batch import worker_count

    cpus = len(os.sched_getaffinity(0))
    count, note = worker_count(1000, 2)
    assert count == min(2, cpus) and note.startswith(f"-j 1000: {count} worker process")
    assert "2 work units" in note and (f"{cpus} CPU" in note) == (cpus < 1000)
    assert worker_count(1, 5) == (1, None)
    out = tmp_path / "out"
    assert main([str(SAMPLES[0]), str(SAMPLES[1]), "--to", "txt", "-o", str(out), "-j", "1000"]) == 0
    assert started == ([count] if count > 1 else [])  # one worker process per input at most
    assert capsys.readouterr().out.startswith(f"note: {note}\n")


def test_home_that_is_not_a_folder(tmp_path):
    """``HOME`` set to a file: reportlab's per-user hooks are not looked for; the PDF is made
    (issue #26, case 13; it was a NotADirectoryError from reportlab)."""
    home = tmp_path / "home"
    home.write_text("a file", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    run = subprocess.run([sys.executable, "-m", "convert", str(SAMPLE), "--to", "pdf", "-o", str(tmp_path / "out"),
                          "-q", "-j", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**env, "HOME": str(home)})
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / f"{SAMPLE.stem}.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0",
                                                                 "PYTHONIOENCODING": ""}],
                         ids=["PYTHONIOENCODING=ascii", "LANG=C"])
def test_a_terminal_that_cannot_show_chinese(tmp_path, env):
    """Messages are diagnostics: on a terminal whose encoding has no Chinese, names are written
    as escapes, never a UnicodeEncodeError (issue #24, case 5)."""
    src = tmp_path / "中文名.txt"
    src.write_bytes(SAMPLE.read_bytes())
    bad = tmp_path / "空.txt"
    bad.write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "convert", str(src), str(bad), "--to", "txt", "-o", str(tmp_path / "out"),
                          "-v", "-j", "1"], cwd=ROOT, capture_output=True, timeout=300,
                         env={**os.environ, **env})
    out, err = run.stdout.decode("ascii"), run.stderr.decode("ascii")  # nothing else was written
    assert run.returncode == 1 and "Traceback" not in err
    # the names as the terminal's encoding allows: characters as \\uXXXX, or, where the locale
    # decodes file names as ASCII (LANG=C without UTF-8 mode), their bytes as \\xXX
    name, empty = (("\\u4e2d\\u6587\\u540d.txt", "\\u7a7a.txt") if env.get("PYTHONIOENCODING")
                   else ("\\xe4\\xb8\\xad\\xe6\\x96\\x87\\xe5\\x90\\x8d.txt", "\\xe7\\xa9\\xba.txt"))
    assert "wrote " in out and name in out
    assert f"{empty}: no text to convert" in err
    assert (tmp_path / "out" / "中文名.txt").exists()


def test_timeout_gives_up_one_input_and_the_batch_goes_on(tmp_path, capsys):
    """``--timeout SECONDS``: an input that takes longer is reported failed in one line (issue
    #24, case 8), nothing of it is half-written, and the other inputs are converted."""
    # the sample takes a tenth of the limit alone (0.04 s to read here); with a loaded machine's
    # margin the limit is 2 s, and the big input, 150 issues, takes several times that
    big = concatenated(tmp_path / "big.txt", 150)
    out = tmp_path / "out"
    for jobs in ("1", "2"):
        status = main([str(big), str(SAMPLE), "--to", "txt", "-o", str(out / jobs), "-q", "-j", jobs, "--timeout", "2"])
        err = [line for line in capsys.readouterr().err.splitlines() if "warning:" not in line]
        assert status == 1
        assert err == [f"convert: {big}: stopped after 2 s (--timeout); no output was written"], err
        assert sorted(p.name for p in (out / jobs).iterdir()) == ["manifest.json", f"{SAMPLE.stem}.txt"]


def test_full_disk_while_writing_is_one_line(tmp_path):
    """A full disk during OFD (a tmpfs of 100 KB in a private mount namespace): one line naming
    the output and the reason, exit 1, nothing left (issue #26, case 13)."""
    if os.geteuid() != 0:
        pytest.skip("not root: cannot mount a small file system")
    full = tmp_path / "full"
    full.mkdir()
    script = 'mount -t tmpfs -o size=100k tmpfs "$1" && shift && "$@"; status=$?; ls -A "$OUT"; exit $status'
    run = subprocess.run(["unshare", "--mount", "sh", "-c", script, "sh", str(full), sys.executable, "-m", "convert",
                          str(SAMPLE), "--to", "ofd", "-o", str(full), "-j", "1", "-q"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, env={**os.environ, "OUT": str(full)})
    if "mount:" in run.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    err = [line for line in run.stderr.splitlines() if "warning:" not in line]
    assert run.returncode == 1
    assert err == [f"convert: {SAMPLE}: ofd: cannot write {full / SAMPLE.stem}.ofd: No space left on device"], err
    assert run.stdout == ""  # the folder was empty afterwards


def test_an_unreadable_subfolder_in_a_scan_fails_the_run(tmp_path):
    """A sub-folder the user cannot read is not skipped silently with exit 0: one line names it,
    the rest is converted, exit 1 (issue #26, case 13). Run as an ordinary user: root reads
    every folder."""
    import shutil

    import accounts

    why = accounts.why_not()
    if why:
        pytest.skip(why)
    base = accounts.shared_base(tmp_path)
    try:
        scan = accounts.owned(base / "scan", accounts.VICTIM, 0o755)
        (scan / "a.txt").write_bytes(SAMPLE.read_bytes())
        locked = scan / "locked"
        locked.mkdir()
        (locked / "b.txt").write_bytes(SAMPLE.read_bytes())
        out = accounts.owned(base / "out", accounts.VICTIM, 0o755)
        accounts.owned(locked, accounts.VICTIM, 0o755)
        for p in (scan / "a.txt", locked / "b.txt"):
            shutil.chown(p, accounts.VICTIM, accounts.VICTIM)
        locked.chmod(0)
        run = accounts.convert_as(accounts.VICTIM, [str(scan), "--to", "txt", "-o", str(out), "-q", "-j", "1"])
        err = [line for line in run.stderr.splitlines() if "warning:" not in line]
        assert run.returncode == 1
        assert err == [f"convert: {locked}: cannot read the folder: Permission denied; what it holds is not converted"]
        assert (out / "a.txt").exists()
    finally:
        locked.chmod(0o755)
        shutil.rmtree(base)


def test_timeout_in_a_thread_that_is_not_the_main_one():
    """A Dask worker converts in a thread of its own, where no signal can be set: the deadline
    raises there too (asynchronously), and not after the block ends."""
    import threading
    import time

    from convert.stopping import InputTimeout, deadline

    seen = []

    def work(seconds, spin):
        try:
            with deadline(seconds):
                end = time.monotonic() + spin
                while time.monotonic() < end:
                    sum(range(100))
            seen.append("finished")
            time.sleep(0.3)
            seen.append("after")
        except InputTimeout:
            seen.append("timed out")

    for seconds, spin in ((0.1, 5), (1.0, 0.05)):
        thread = threading.Thread(target=work, args=(seconds, spin))
        thread.start()
        thread.join(10)
    assert seen == ["timed out", "finished", "after"]
