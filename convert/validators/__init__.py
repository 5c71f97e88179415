"""Validators: the project's own TEI schema, the writers' format checks, and the external
checkers behind ``--check``. One module per format:

- :mod:`.tei`: ``convert/schema/bulletin.rng`` in-process (:func:`check_tei`), and jing with the
  full TEI P5 schema (:func:`run_jing`);
- :mod:`.epub`: EPUBCheck (:func:`run_epubcheck`);
- :mod:`.pdfa`: PDFBox Preflight (:func:`run_preflight`) and pikepdf's PDF/A validator
  (:func:`run_pdfa_check`), with the rules the PDF writer shares for reading pikepdf's findings;
  :mod:`.pdfa_memo`, the memo of pikepdf's glyph check that the PDF writer installs;
- :mod:`.ofd`: the GB/T 33190-2016 XSDs (:func:`convert.validators.ofd.check_file`);
- :mod:`.sandbox`: running an external tool without network access, and :mod:`.verdict`
  (:class:`Verdict`).

Layering: data and imports flow one way, reader → model (:mod:`convert.tei`) → writers; the
validators sit below the writers. They import the model's helpers (:mod:`convert.tei`,
:mod:`convert.errors`, :mod:`convert.cache`) and never a reader or a writer; the writers import
them (the TEI writer checks with :func:`check_tei`, the OFD writer with
:func:`convert.validators.ofd.validate_parts`, the PDF writer reads pikepdf's findings with
:mod:`.pdfa`). ``tests/test_validators.py`` checks this on the import graph.

Every external check returns a :class:`Verdict` and never raises: a missing tool gives a verdict
with ``ok=False`` whose message says what is missing and how to install it. Hostile input (issue
#12): an external validator never reads a document as the user gave it, and runs without network
access (:func:`convert.validators.sandbox.sandboxed`). This package writes only temporary files,
under the system's temporary folder.
"""

from __future__ import annotations

import os

from convert.validators.epub import run_epubcheck
from convert.validators.ofd import check_file
from convert.validators.pdfa import run_pdfa_check, run_preflight
from convert.validators.tei import check_tei, check_tei_file, own_schema, run_jing
from convert.validators.verdict import Verdict


def external_checks(fmt: str, path: str | os.PathLike, pdfa_flavour: str = "2b") -> list[Verdict]:
    """The validators for output format *fmt* (a ``--to`` name) run on *path*.

    - ``tei``: the own schema (:func:`check_tei_file`) and jing with ``tei_all.rng``;
    - ``epub``: EPUBCheck;
    - ``pdf``: pikepdf's PDF/A check for *pdfa_flavour*, plus PDFBox Preflight when the flavour is
      ``1b`` (the only part Preflight validates);
    - ``ofd``: every XML part against the GB/T 33190-2016 XSDs (in-process, lxml);
    - ``txt`` and any other format: nothing to check (``[]``).
    """
    if fmt == "tei":
        return [check_tei_file(path), run_jing(path)]
    if fmt == "epub":
        return [run_epubcheck(path)]
    if fmt == "pdf":
        verdicts = [run_pdfa_check(path, pdfa_flavour)]
        if pdfa_flavour == "1b":
            verdicts.append(run_preflight(path))
        return verdicts
    if fmt == "ofd":
        return [check_file(path)]
    return []


__all__ = ["Verdict", "check_tei", "check_tei_file", "external_checks", "own_schema", "run_epubcheck", "run_jing",
           "run_pdfa_check", "run_preflight"]
