"""No file is left open by a conversion: an unclosed font file finalised by the garbage collector
while pikepdf checks a content stream is reported by pikepdf as a PDF/A violation (seen in a Dask
worker), so every writer closes what it opens. Every format and a Traditional variant, in a fresh
process with Python's development mode, every ResourceWarning shown."""

from __future__ import annotations

import subprocess
import sys

from sampledata import SAMPLES


def test_a_conversion_leaves_no_file_open(tmp_path):
    monthly = next(p for p in SAMPLES if p.name.startswith("monthly"))
    code = ("import gc, sys\n"
            "from convert.cli import main\n"
            f"status = main([{str(monthly)!r}, '--to', 'all,ofd', '--variant', 'zh-Hans,zh-Hant-HK',"
            f" '--embed-fonts', '-o', {str(tmp_path)!r}, '-j', '1', '-q'])\n"
            "gc.collect()\n"
            "sys.exit(status)\n")
    run = subprocess.run([sys.executable, "-X", "dev", "-W", "always::ResourceWarning", "-c", code],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ResourceWarning" not in run.stderr, run.stderr[-2000:]


def test_garbage_of_the_process_cannot_fail_a_pdf(tmp_path, monkeypatch):
    """A file left open elsewhere in the process, in a reference cycle, is finalised whenever the
    cyclic collector runs; pikepdf counts any warning raised inside its content-stream check as a
    violation. The collector is paused around pikepdf's validation, so such garbage cannot fail a
    valid PDF (writer and ``--check``). Here an automatic collection is made to fall inside that
    check: the checker collects, as the automatic collector would, whenever the collector is on."""
    import gc
    import warnings

    import pikepdf.pdfa._content as content

    from convert.cli import main

    real = content.content_checker

    class Collecting:
        def __init__(self, inner):
            self.inner = inner

        def check(self, stream):
            if gc.isenabled():  # what an automatic collection at this point would do
                gc.collect()
            return self.inner.check(stream)

    monkeypatch.setattr(content, "content_checker", lambda limits: Collecting(real(limits)))

    class Leak:  # an unclosed file in a cycle: only the cyclic collector finalises it
        def __init__(self):
            self.file = open(__file__, "rb")  # noqa: SIM115 - left open on purpose
            self.me = self

    monthly = next(p for p in SAMPLES if p.name.startswith("monthly"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # the leak's own warning, outside pikepdf
        for flavour in ("2b", "2a"):
            Leak()
            assert main([str(monthly), "--to", "pdf", "--pdfa", flavour, "--check", "-o", str(tmp_path / flavour),
                         "-j", "1", "-q"]) == 0
            assert (tmp_path / flavour / f"{monthly.stem}.pdf").exists()
        gc.collect()
