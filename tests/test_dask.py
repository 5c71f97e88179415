"""--executor dask: the per-input task on a Dask distributed cluster on 127.0.0.1 (a scheduler and
two worker processes started here, always stopped), compared with -j 1: the same bytes, the same
manifest, the same failures; a worker killed while it writes costs nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sampledata import SAMPLES

from convert.cli import main

BIN = Path(sys.executable).parent
#: No test waits longer than this for a process (seconds).
LIMIT = 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A Dask scheduler and *workers* single-threaded worker processes (no nanny, so that killing
    a worker's process kills the worker) on 127.0.0.1, run from *home* (not the tests' working
    folder, so that the client's paths must be resolved the client's way)."""

    def __init__(self, home: Path, workers: int = 2):
        home.mkdir(parents=True, exist_ok=True)
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.procs: list[subprocess.Popen] = []
        log = open(home / "dask.log", "wb")
        self._log = log
        self.scheduler = self._start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                      "--port", self.address.rsplit(":", 1)[1], "--no-dashboard"], home)
        self.workers = [self._start([str(BIN / "dask"), "worker", self.address, "--nthreads", "1",
                                     "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                                     "--name", f"w{n}", "--local-directory", str(home / f"w{n}")],
                                    home) for n in range(workers)]
        from distributed import Client

        with Client(self.address, timeout=120) as client:
            client.wait_for_workers(workers, timeout=120)

    def _start(self, cmd: list[str], cwd: Path) -> subprocess.Popen:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)
        self._log.close()


@pytest.fixture
def cluster(tmp_path):
    c = Cluster(tmp_path / "cluster")
    try:
        yield c
    finally:
        c.stop()


def corpus(folder: Path, copies: int = 1) -> list[Path]:
    """The samples in *folder* (``copies`` of each, under different names)."""
    folder.mkdir(parents=True)
    out = []
    for n in range(copies):
        for p in SAMPLES:
            dest = folder / (p.name if n == 0 else f"{p.stem}-copy{n}{p.suffix}")
            shutil.copy(p, dest)
            out.append(dest)
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name != "manifest.json"}


def manifest(folder: Path) -> dict:
    """The manifest without the writers' wall times (which no two runs share)."""
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in data["inputs"]:
        for o in entry["outputs"]:
            o.pop("seconds", None)  # written to the log only since #12; older manifests had it
    return data


def run_in(folder: Path, args: list[str], monkeypatch, capsys) -> tuple[int, str]:
    """``convert ARGS`` in-process with *folder* as working folder; (status, stderr)."""
    monkeypatch.chdir(folder)
    capsys.readouterr()
    status = main(args)
    return status, capsys.readouterr().err


def test_dask_cluster_gives_the_bytes_manifest_and_failures_of_one_process(
        tmp_path, cluster, monkeypatch, capsys):
    """Relative paths, a folder of inputs with one that cannot be converted (only whitespace): the
    outputs byte for byte, the manifest and the error lines are those of -j 1."""
    for side in ("local", "dask"):
        corpus(tmp_path / side / "in")
        (tmp_path / side / "in" / "blank.txt").write_bytes(b" \r\n\t\n")
    args = ["in", "--to", "all", "--variant", "zh-Hans,zh-Hant", "-o", "out", "-q"]
    local = run_in(tmp_path / "local", args + ["-j", "1"], monkeypatch, capsys)
    dask = run_in(tmp_path / "dask", args + ["--executor", "dask", "--scheduler", cluster.address],
                  monkeypatch, capsys)
    assert local[0] == dask[0] == 1  # the blank file failed, in both
    assert "in/blank.txt" in local[1] and dask[1] == local[1]
    a, b = files(tmp_path / "local" / "out"), files(tmp_path / "dask" / "out")
    assert len(a) == 2 * 4 * len(SAMPLES)
    assert a.keys() == b.keys()
    assert [n for n in a if a[n] != b[n]] == []
    assert manifest(tmp_path / "local" / "out") == manifest(tmp_path / "dask" / "out")


def writing(out: Path, pid: int) -> list[str]:
    """The files process *pid* is writing in its workspaces in *out* (convert.outdir: a
    ``.convert-<hex>.partial`` folder whose owner record names the process)."""
    found = []
    for ws in out.glob(".convert-*.partial"):
        try:
            if f"\npid={pid}\n" in (ws / "owner").read_text(encoding="utf-8"):
                found += [p.name for p in ws.iterdir() if p.name != "owner"]
        except OSError:  # the workspace went away meanwhile
            pass
    return found


def test_a_worker_killed_while_writing_costs_nothing(tmp_path, cluster):
    """SIGKILL one of the two workers while it writes an output (its temporary file is there):
    its tasks go to the other worker; every output is present and byte-identical to -j 1, no
    temporary file is left, the run succeeds."""
    inputs = corpus(tmp_path / "in", copies=2)
    ref = tmp_path / "ref"
    subprocess.run([str(BIN / "convert"), str(tmp_path / "in"), "--to", "all", "-o", str(ref),
                    "-j", "1", "-q"], check=True, timeout=LIMIT, capture_output=True)
    out = tmp_path / "out"
    out.mkdir()
    victim = cluster.workers[0]
    proc = subprocess.Popen([str(BIN / "convert"), str(tmp_path / "in"), "--to", "all", "-o",
                             str(out), "-q", "--executor", "dask", "--scheduler", cluster.address],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed_at = None
    try:
        deadline = time.monotonic() + LIMIT
        while proc.poll() is None and time.monotonic() < deadline:
            partial = writing(out, victim.pid)
            if partial:
                victim.send_signal(signal.SIGKILL)
                victim.wait(timeout=30)
                killed_at = partial
                break
            time.sleep(0.005)
        stdout, stderr = proc.communicate(timeout=LIMIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert killed_at, "the worker was never caught writing; the batch ended first"
    assert proc.returncode == 0, stderr.decode()
    # nothing but the reader's warnings (a sample whose headings rest on their shape: issue 21)
    assert all(line.startswith("convert: warning: ") for line in stderr.decode().splitlines())
    left = sorted(p.name for p in out.iterdir() if ".partial" in p.name or p.name.startswith("."))
    assert left == []
    assert files(out) == files(ref)
    assert len(files(out)) == 4 * len(inputs)
    expected = manifest(ref)
    for entry in expected["inputs"]:
        for o in entry["outputs"]:
            o["path"] = o["path"].replace(str(ref), str(out))
    assert manifest(out) == expected


def test_without_scheduler_a_local_cluster(tmp_path, monkeypatch, capsys):
    corpus(tmp_path / "a" / "in")
    corpus(tmp_path / "b" / "in")
    args = ["in", "--to", "tei,txt,epub", "-o", "out", "-q"]
    assert run_in(tmp_path / "a", args + ["-j", "1"], monkeypatch, capsys)[0] == 0
    assert run_in(tmp_path / "b", args + ["--executor", "dask", "-j", "2"], monkeypatch, capsys)[0] == 0
    assert files(tmp_path / "a" / "out") == files(tmp_path / "b" / "out")
    assert manifest(tmp_path / "a" / "out") == manifest(tmp_path / "b" / "out")


def test_no_scheduler_at_the_address_is_one_line(tmp_path, monkeypatch, capsys):
    import convert.executors

    monkeypatch.setattr(convert.executors, "CONNECT_TIMEOUT", 3)
    address = f"tcp://127.0.0.1:{free_port()}"
    status = main([str(SAMPLES[0]), "--to", "txt", "-o", str(tmp_path), "--executor", "dask",
                   "--scheduler", address])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith(f"convert: cannot reach the Dask scheduler at {address}")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_scheduler_needs_the_dask_executor(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([str(SAMPLES[0]), "--to", "txt", "-o", str(tmp_path), "--scheduler", "tcp://x:8786"])
    assert exit_.value.code == 2
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


def test_a_task_that_fails_on_every_try_is_one_line_naming_the_input():
    """What the client makes of a future that raised (after Dask's retries) or whose workers all
    died: a failed Result naming the input, as a local failure is."""
    from distributed import KilledWorker

    from convert.batch import Result, Settings
    from convert.executors import DaskExecutor

    class Failed:
        def __init__(self, err):
            self.err = err

        def result(self):
            raise self.err

    item = (Path("in/issue.txt"), Settings(("txt",)), Path("out"))
    r = DaskExecutor._gather(item, Failed(MemoryError("no room")), Result, KilledWorker)
    assert (r.input, r.ok, r.errors) == (
        "in/issue.txt", False, ["in/issue.txt: internal error on a Dask worker: MemoryError: no room"])
    r = DaskExecutor._gather(item, Failed(KilledWorker("convert-0", None, 3)), Result, KilledWorker)
    assert r.errors[0].startswith("in/issue.txt: the Dask workers converting it died each time")


def test_a_worker_that_does_not_see_the_output_folder_says_so(tmp_path):
    from convert.batch import Settings
    from convert.executors import run_task

    r = run_task((Path("in/issue.txt"), Settings(("txt",)), Path("out"), None), str(tmp_path))
    assert not r.ok and r.input == "in/issue.txt"
    assert r.errors[0].startswith("out: the output folder is not there on Dask worker ")
    assert "mounts at the same path" in r.errors[0]
