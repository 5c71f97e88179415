"""--executor dask --scheduler ADDRESS where something listens but is no Dask scheduler (issue 24,
case 7): a server that accepts and stays silent (a wrong port on a busy host, a firewall holding
the connection) made the command wait for ever; one that answers garbage ended after 60 s with a
traceback. Now the whole handshake has Dask's connect timeout (``distributed.comm.timeouts
.connect``, here 3 s through Dask's environment variable), and the command ends with one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sampledata import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def listening(reply: bytes | None):
    """A TCP server on 127.0.0.1 that accepts every connection and sends *reply* (``None``:
    nothing, ever); yields its ``tcp://`` address."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            held.append(conn)
            if reply is not None:
                try:
                    conn.sendall(reply)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        server.close()


def run_convert(address: str, out: Path) -> tuple[int, str, float]:
    """``convert SAMPLE --to txt --executor dask --scheduler ADDRESS`` with a 3 s connect timeout:
    (exit status, standard error, seconds). Fails the test if it has not ended after 90 s."""
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="3s")
    start = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-m", "convert", str(SAMPLES[0]), "--to", "txt", "-o", str(out),
                               "--executor", "dask", "--scheduler", address],
                              capture_output=True, text=True, timeout=90, cwd=ROOT, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"convert still waited for {address} after 90 s")
    return proc.returncode, proc.stderr, time.monotonic() - start


@pytest.mark.parametrize("reply", [None, b"HTTP/1.1 400 Bad Request\r\n\r\n" + b"\x00\xff garbage " * 200,
                                   b"\x01" + b"\x00" * 7 + b"\xff" * 8],
                         ids=["silent", "garbage", "huge frame"])
def test_a_server_that_is_no_dask_scheduler_gives_one_line(tmp_path, reply):
    with listening(reply) as address:
        status, err, seconds = run_convert(address, tmp_path / "out")
    assert status == 1
    assert err.startswith(f"convert: cannot reach the Dask scheduler at {address}: "), err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert ("no answer within 3 s" in err) if reply is None else ("does not speak Dask's protocol" in err), err
    assert seconds < 60
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_the_connect_timeout_is_dasks_setting(monkeypatch):
    import dask

    import convert.executors as executors

    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", None)
    assert executors.connect_timeout() == 30.0  # Dask's default
    with dask.config.set({"distributed.comm.timeouts.connect": "7s"}):
        assert executors.connect_timeout() == 7.0
