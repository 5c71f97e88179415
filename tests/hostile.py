"""Helpers for the hostile-input tests (issue #12): a tiny bulletin, its TEI, a local HTTP server
that records every request (bound to 127.0.0.1 only)."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager

TEXT = ("上街区召开安全生产工作会议\n\n"
        "本月，区政府召开安全生产工作会议，部署下一阶段的工作。会议要求各单位压实责任。\n")


def tiny_bulletin(folder, name="tiny.txt"):
    """Write a small bulletin with no printed date into *folder*; return its path."""
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    return path


def tiny_tei(tmp_path) -> bytes:
    """The TEI this tool makes of :func:`tiny_bulletin` (bytes, UTF-8)."""
    from convert.cli import main

    src = tiny_bulletin(tmp_path, "tei-source.txt")
    out = tmp_path / "tei-made"
    assert main([str(src), "--to", "tei", "-o", str(out), "-q", "-j", "1"]) == 0
    return (out / "tei-source.xml").read_bytes()


@contextmanager
def recording_server():
    """An HTTP server on 127.0.0.1 (a free port) that answers every GET with a DTD and records
    the request paths; yields ``(base_url, requests)``."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/xml-dtd")
            self.end_headers()
            self.wfile.write(b'<!ENTITY % leak SYSTEM "file:///etc/hostname">')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
