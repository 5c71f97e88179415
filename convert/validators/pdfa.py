"""PDF/A: Apache PDFBox Preflight (PDF/A-1b, run with ``java`` without network access) and
pikepdf's PDF/A validator (in-process), with the rules both this module and the PDF writer use to
read pikepdf's findings: :func:`level_b`, :func:`identification_only`, :func:`collector_paused`.

pikepdf's glyph check is memoised by :mod:`convert.validators.pdfa_memo`, which the PDF writer
installs; :func:`run_pdfa_check` bypasses it, so that its verdict is pikepdf's own.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from convert.tei import safe_parser
from convert.validators.sandbox import INSTALL_HINT, JVM_FAST, java_for, missing, run
from convert.validators.verdict import Verdict

#: Debian's jars for PDFBox Preflight (package libpdfbox2-java and its dependencies
#: libfontbox2-java, libcommons-logging-java; javax.activation and JAXB from libactivation-java
#: and libjaxb-api-java, which Java 11+ no longer ships and Preflight's XMP code needs).
PREFLIGHT_JARS = tuple(
    Path("/usr/share/java") / name
    for name in (
        "preflight.jar",
        "pdfbox2.jar",
        "fontbox2.jar",
        "xmpbox.jar",
        "commons-logging.jar",
        "jaxb-api.jar",
        "javax.activation.jar",
    )
)
PREFLIGHT_CLASS = "org.apache.pdfbox.preflight.Validator_A1b"


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector within (restored after, if it was on) around
    pikepdf's PDF/A validation. pikepdf records every warning raised while it parses a content
    stream or a CMap (``warnings.catch_warnings(record=True)``) and counts it against the file
    (``pikepdf:content-parse``); a collection that happened to run there would finalise garbage
    of the whole process, and an unclosed file's ResourceWarning from code unrelated to the PDF
    would fail a valid PDF. Paused, nothing but pikepdf's own code runs in those blocks."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def level_b(flavour: str) -> str:
    """The level B flavour of the same ISO 19005 part (``"2a"`` → ``"2b"``): level A and U add
    requirements to level B (ISO 19005-2 6.8, 6.2.11.7.2) and relax none."""
    return flavour[0] + "b"


def identification_only(finding, flavour: str) -> bool:
    """True for a pikepdf.pdfa finding that only reports what level A/U and PDF/UA declare and
    its level B checker does not know: ``pdfaid:conformance`` not ``B`` (6.6.4-3), and the
    PDF/UA identification with its extension schema (6.6.2.3.1-1; pikepdf reads no extension
    schema)."""
    rule = finding.rule
    message = finding.message
    if rule.endswith(":6.6.4-3"):
        return f"pdfaid:conformance is '{flavour[1].upper()}'" in message
    if rule.endswith(":6.6.2.3.1-1"):
        return any(f"{p}" in message for p in ("pdfuaid", "pdfaExtension", "pdfaSchema", "pdfaProperty"))
    return False


def run_preflight(path: str | os.PathLike) -> Verdict:
    """Check a PDF against PDF/A-1b (ISO 19005-1:2005, level B) with Apache PDFBox Preflight.

    Runs ``java -cp <Debian jars> org.apache.pdfbox.preflight.Validator_A1b xml FILE`` and reads
    its XML report. Passing means ``<isValid>true</isValid>``. Messages read
    ``CODE: details`` (PDFBox's error codes, e.g. ``2.4.3`` colour space, ``7.1`` XMP metadata);
    ``counts["error"]`` is their number. Only PDF/A-1b: PDFBox 2 has no validator for parts 2/3.
    """
    name = "preflight"
    java = java_for(name, path)
    if isinstance(java, Verdict):
        return java
    absent = [str(j) for j in PREFLIGHT_JARS if not j.is_file()]
    if absent:
        return Verdict(name, False, [
            f"PDFBox Preflight jars missing ({', '.join(absent)}): "
            + INSTALL_HINT.format(pkgs="libpdfbox2-java libactivation-java libjaxb-api-java")])
    cp = ":".join(str(j) for j in PREFLIGHT_JARS)
    proc = run([java, *JVM_FAST, "-Djava.awt.headless=true", "-cp", cp, PREFLIGHT_CLASS, "xml", str(path)])
    if isinstance(proc, str):
        return Verdict(name, False, [proc])
    start = proc.stdout.find("<?xml")
    try:
        report = etree.fromstring(proc.stdout[start:].encode("utf-8"), safe_parser())
    except (ValueError, etree.XMLSyntaxError):
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
        return Verdict(name, False, [f"Preflight gave no report (exit {proc.returncode})", *tail])
    messages = []
    for err in report.iterfind("errors/error"):
        msg = f"{err.findtext('code', '?')}: {' '.join(err.findtext('details', '').split())}"
        if err.findtext("page") is not None:
            msg += f" (page {int(err.findtext('page')) + 1})"
        messages.append(msg)
    ok = report.findtext("isValid", "").strip() == "true"
    if not ok and not messages:
        messages = [" ".join(t.strip() for t in report.itertext() if t.strip())[:500]]
    return Verdict(name, ok, messages, {"error": len(messages) if not ok else 0})


def run_pdfa_check(path: str | os.PathLike, flavour: str = "2b") -> Verdict:
    """Check a written PDF with pikepdf's PDF/A validator (``pikepdf.pdfa.validate_written``),
    as it ships: the glyph memo the PDF writer installs (:mod:`convert.validators.pdfa_memo`) is
    bypassed.

    *flavour* is ``"1b"``, ``"2b"`` or ``"3b"`` (ISO 19005-1, -2, -3, conformance level B), or
    ``"2a"``, ``"3a"``, ``"2u"``: pikepdf checks only level B, so these are checked against the
    level B flavour of their part, and the findings that only report their identification
    (``pdfaid:conformance`` A or U, the PDF/UA-1 ``pdfuaid:part`` and its extension schema, which
    pikepdf does not read) are not counted (:func:`identification_only`);
    the level A/U requirements themselves are not checked by it.
    ``counts`` has ``violation`` (breaks PDF/A) and ``unsupported`` (a construct pikepdf does not
    check, so it cannot approve the file). Passing means neither: pikepdf's verdict ``pass``.
    Messages read ``[kind] rule at where: message`` (rule ids are veraPDF's, e.g.
    ``ISO_19005_2:6.2.8-3``).
    """
    name = f"pikepdf.pdfa ({flavour})"
    if (bad := missing(name, path)) is not None:
        return bad
    try:
        from pikepdf import pdfa  # noqa: PLC0415 (needs the pikepdf[pdfa] extra)
    except ImportError as err:
        return Verdict(name, False, [
            f"pikepdf's PDF/A validator is unavailable ({err}): run scripts/install.sh, "
            "or pip install 'pikepdf[pdfa]'"])
    from convert.validators.pdfa_memo import bypassed

    base = level_b(flavour) if flavour in ("2a", "3a", "2u") else flavour
    try:
        # independent of the writer's glyph memo: pikepdf checks every glyph
        with bypassed(), collector_paused():
            report = pdfa.validate_written(str(path), base)
    except ValueError as err:
        return Verdict(name, False, [str(err)])
    if base != flavour:
        rest = [f for f in report.findings if not identification_only(f, flavour)]
        counts = {"violation": sum(f.kind == "violation" for f in rest),
                  "unsupported": sum(f.kind != "violation" for f in rest)}
        return Verdict(name, not rest, [str(f) for f in rest], counts)
    messages = [str(f) for f in report.findings]
    counts = {"violation": len(report.violations), "unsupported": len(report.unsupported)}
    return Verdict(name, report.passed, messages, counts)
