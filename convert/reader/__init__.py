"""The reader: bulletin text → TEI P5 model (TEI-CONVENTIONS.md, docs/tei-model.md).

Two stages, each an ordered list of small passes (docutils transforms, ``../shared/STYLE.md``):
the physical stage (:mod:`convert.reader.physical`: lines, page furniture, page breaks,
unwrapping, issue boundaries) and the logical stage (:mod:`convert.reader.logical`, its
:data:`LOGICAL_PASSES`: masthead, contents list, colophon, body — headings and sub-headings,
paragraphs and page-break joins, bylines, notes and briefs —, then the header). Every decision is recorded on its line with its evidence
(:func:`explain`); weakly supported ones get ``@cert`` and a warning naming the line.

Public entry points: :func:`read_issues` (text → one document per issue), :func:`read_bulletin`
(text → one ``<TEI>`` root), :func:`explain`, :func:`load_input` and :func:`read_file` (a path →
root(s), with the file's problems reported as :class:`convert.errors.InputError`). This module
keeps only these entry points; the passes are in the stages' modules. The package may touch
only the model it builds; it writes no file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from convert.errors import InputError, printable
from convert.reader.body import REGULARISE, stray_traditional
from convert.reader.lines import LINE_END_RE, Line, form_feeds
from convert.reader.logical import LANG, LOGICAL_PASSES, content_of, read_logical
from convert.reader.physical import run_physical
from convert.reader.source import MAX_SIZE, decode, read_input, remove_non_xml, shorten_blank_runs
from convert.tei import XML_LANG, xpath

__all__ = ["LOGICAL_PASSES", "Document", "Loaded", "content_of", "explain", "load", "load_input", "prepare",
           "read_bulletin", "read_file", "read_issues", "script_of", "tei_bytes_of"]


@dataclass
class Document:
    """One issue read from a text: ``root`` (the ``<TEI>`` element), ``first_line`` and
    ``last_line`` (1-based source line numbers, inclusive, of the text it was read from), and
    ``lines`` (its logical lines, with each one's role and evidence, for :func:`explain`), and
    ``genre`` (the :class:`convert.reader.logical.genre.GenreDecision` with its evidence)."""

    root: etree._Element
    first_line: int
    last_line: int
    lines: list[Line] = field(default_factory=list)
    genre: object = None


def read_bulletin(text: str, source_name: str = "<text>", *, encoding: str = "utf-8",
                  detected: bool = False, warnings: list[str] | None = None,
                  display_name: str | None = None, genre: str | None = None) -> etree._Element:
    """Build the TEI model of one bulletin, the whole *text* as one document (a file of several
    issues: see :func:`read_issues`).

    *text* is the whole bulletin (str, any line ends); *source_name* names it in the header and
    in errors; *encoding* (and whether it was *detected*) is recorded in the header; messages
    about what could not be kept as it was, and about weakly supported decisions, are appended
    to *warnings* and recorded in the header; *display_name* (default *source_name*) names the
    input in errors and warnings (the header keeps *source_name*, a bare file name, so that the
    model does not depend on the folder); *genre* overrides the genre decision (``--genre``).
    Returns the ``<TEI>`` root element (xml:lang ``zh-Hans``).

    Raises :class:`InputError` when the text has no content, or (a defect of this reader, never
    expected) when the model does not give back exactly the source's content characters
    (TEI-CONVENTIONS.md point 7).
    """
    return read_issues(text, source_name, encoding=encoding, detected=detected, warnings=warnings,
                       display_name=display_name, split=False, genre=genre)[0].root


def read_issues(text: str, source_name: str = "<text>", *, encoding: str = "utf-8",
                detected: bool = False, warnings: list[str] | None = None,
                display_name: str | None = None, split: bool = True,
                feeds: dict[int, str] | None = None, genre: str | None = None) -> list[Document]:
    """Build one TEI document per issue the text holds (:class:`Document` list, in issue order).

    An issue boundary is a second masthead (:func:`convert.reader.physical.find_issue_boundaries`);
    each document has its own header and masthead. With *split* false the whole text is one
    document. *feeds* gives the form feeds when they were taken out of *text* (:func:`prepare`);
    *genre* (``briefing``, ``journal``, ``monthly``, ``newsletter``) overrides the genre decision
    of every issue. Other arguments and errors as :func:`read_bulletin`; warnings name the issue
    (``issue 2``) when there are several.
    """
    warnings = warnings if warnings is not None else []
    display_name = display_name or source_name
    if feeds is None and "\f" in text:
        # form feeds left in the text (a caller that did not :func:`prepare` it) are taken out as
        # :func:`prepare` takes them, wherever they stand on their line: XML cannot carry them
        text, feeds = take_out_form_feeds(text)
    text = shorten_blank_runs(text, display_name, warnings)
    lang = script_of(text)
    token = REGULARISE.set(lang == LANG)
    try:
        phys = run_physical(text, feeds)
        if not phys.lines:
            raise InputError(f"{display_name}: no text to convert (the file is empty or only whitespace)")
        ranges = phys.issues if split and phys.issues else [(0, len(phys.lines))]
        physical = {line.no: line for line in phys.physical}
        source_lines = LINE_END_RE.split(text)
        docs = []
        for k, (start, end) in enumerate(ranges):
            first = 1 if k == 0 else _first_no(phys.lines[start])
            last = len(source_lines) if k == len(ranges) - 1 else _first_no(phys.lines[ranges[k + 1][0]]) - 1
            name = display_name if len(ranges) == 1 else f"{display_name}: issue {k + 1} (lines {first}–{last})"
            own_text = "\n".join(source_lines[first - 1 : last])
            lines = phys.lines[start:end]
            width = phys.issue_widths[k] if split and phys.issues else phys.wrap_width
            root, decision = read_logical(lines, own_text, source_name, encoding, detected, warnings, name,
                                          physical=physical, wrap_width=width, genre=genre)
            root.set(XML_LANG, lang)
            for language in xpath(root, "tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language"):
                language.set("ident", lang)
                if lang != LANG:
                    language.text = "Chinese, Traditional script"
            docs.append(Document(root, first, last, lines, decision))
    finally:
        REGULARISE.reset(token)
    return docs


def _first_no(line: Line) -> int:
    """The first source line a logical line holds, its leading furniture included."""
    return min([line.no] + [m.no for m in line.marks if m.no])


def script_of(text: str, sample: int = 20000) -> str:
    """``zh-Hant`` when more than 5 % of the first *sample* CJK ideographs are Traditional-only
    (OpenCC ``t2s`` changes them), else ``zh-Hans``."""
    cjk = [c for c in text[: sample * 2] if "\u4e00" <= c <= "\u9fff"][:sample]
    if not cjk:
        return LANG
    traditional = sum(1 for c in set(cjk) if stray_traditional(c))
    return "zh-Hant" if traditional > 0.05 * len(set(cjk)) else LANG


def _compact(evidence: list[str]) -> list[str]:
    """*evidence* for reading: runs of joins for the same reason as one item, the obvious (a
    blank line ends the line) and the page-break notes (shown as furniture) left out."""
    out: list[str] = []
    run: list[str] = []
    reason = ""

    def flush():
        if run:
            lines = run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}"
            out.append(f"joined with line{'s' if len(run) > 1 else ''} {lines}: {reason}")

    for why in evidence:
        m = re.match(r"joined with line (\d+): (.*)", why)
        if m and (not run or m.group(2) == reason):
            run.append(m.group(1))
            reason = m.group(2)
            continue
        flush()
        run = []
        if m:
            run, reason = [m.group(1)], m.group(2)
            continue
        if why.startswith("holds an old page break") or why == "line ends: a blank line follows":
            continue
        out.append(why)
    flush()
    return out


def prepare(data: bytes, name: str, encoding: str | None = None):
    """Decode *data* (:func:`convert.reader.source.decode`) and take out what XML cannot carry;
    form feeds (page ends, not content) are taken out first and returned apart, so that they
    are evidence for the reader and no warning: ``(SourceText, feeds)``."""
    source = decode(data, name, encoding)
    source.text, feeds = take_out_form_feeds(source.text)
    return remove_non_xml(source, name), feeds


def take_out_form_feeds(text: str) -> tuple[str, dict[int, str]]:
    """*text* without its form feeds (U+000C, page ends in pdftotext output: no content, and no
    character XML can carry), and where they stood (:func:`convert.reader.lines.form_feeds`:
    ``{line number: "before" | "after"}``, empty when there were none)."""
    feeds = form_feeds(text)
    return (text.replace("\f", "") if feeds else text), feeds


def explain(text: str, split: bool = True, feeds: dict[int, str] | None = None,
            genre: str | None = None) -> str:
    """Why each line became what it became: for each issue the genre decision and its evidence
    first (or that ``--genre`` gave it), then one line per logical line of *text* (its source
    lines, its role, the evidence, ``@cert`` when weak), furniture included, in source order.
    Read-only: builds the model and reports what the passes recorded."""
    docs = read_issues(text, "<explain>", split=split, feeds=feeds, genre=genre)
    out = []
    for k, doc in enumerate(docs, start=1):
        if len(docs) > 1:
            out.append(f"== issue {k}: lines {doc.first_line}–{doc.last_line}")
        if doc.genre is not None:
            first, *rest = doc.genre.describe()
            out.append(first)
            out += [f"{'':>13}{why}" for why in rest]
        for line in doc.lines:
            for mark in line.marks:
                if mark.kind == "fw":
                    fw_text = "".join(s for s, _ in mark.segments).strip()
                    out.append(f"{mark.no:>5}        furniture ({mark.fw_type}): {fw_text!r}")
                else:
                    out.append(f"{'':>5}        page break (pb{' n=' + mark.n if mark.n else ''})")
            span = f"{line.no}" if line.end_no <= line.no else f"{line.no}-{line.end_no}"
            cert = f" [@cert={line.cert}]" if line.cert else ""
            out.append(f"{span:>11}  {line.role or 'text'}{cert}: {line.text[:24]!r}")
            for why in _compact(line.evidence):
                out.append(f"{'':>13}- {why}")
    return "\n".join(out) + "\n"


@dataclass
class Loaded:
    """An input file read once: ``root`` (the ``<TEI>`` element), ``tei_bytes`` (the TEI
    document the file holds as it holds it, for a TEI file or a PDF/A-3b copy; ``None`` for
    bulletin text) and ``sha256`` (hex digest of the file's bytes); ``documents`` holds one
    :class:`Document` per issue when bulletin text holds several (``root`` is the first), else
    is empty."""

    root: etree._Element
    tei_bytes: bytes | None
    sha256: str
    documents: list[Document] = field(default_factory=list)


def load_input(path: Path, *, encoding: str | None = None, max_size: int = MAX_SIZE,
               warnings: list[str] | None = None, genre: str | None = None) -> Loaded:
    """Read an input file into the TEI model: bulletin text (any encoding :func:`decode` knows),
    a TEI document (``.xml``; see :func:`convert.reader.tei_input.read_tei`), or the TEI a
    PDF/A-3b copy made by this tool carries.

    *max_size* is the largest file accepted, in bytes; *genre* overrides the reader's genre
    decision for bulletin text (``--genre``). Every problem is an :class:`InputError` naming
    *path*; messages about characters left out are appended to *warnings*.
    """
    data = read_input(path, max_size)  # a regular file only, within the limit (issue #12)
    digest = hashlib.sha256(data).hexdigest()
    tei = tei_bytes_of(path, data, max_size)
    if tei is not None:
        from convert.reader.tei_input import read_tei

        warnings = warnings if warnings is not None else []
        before = len(warnings)
        root = read_tei(tei, str(path), warnings)
        # a migrated document is written (--to tei, PDF/A-3b) as migrated, not as it was read
        return Loaded(root, tei if len(warnings) == before else None, digest)
    source, feeds = prepare(data, str(path), encoding)
    warnings = warnings if warnings is not None else []
    warnings.extend(source.warnings)
    docs = read_issues(source.text, printable(path.name), encoding=source.encoding,
                       detected=source.detected, warnings=warnings, display_name=printable(path), feeds=feeds,
                       genre=genre)
    return Loaded(docs[0].root, None, digest, docs if len(docs) > 1 else [])


def load(path: Path, *, encoding: str | None = None, max_size: int = MAX_SIZE,
         warnings: list[str] | None = None, genre: str | None = None) -> etree._Element:
    """The TEI root of an input file (:func:`load_input`)."""
    return load_input(path, encoding=encoding, max_size=max_size, warnings=warnings, genre=genre).root


def tei_bytes_of(path: Path, data: bytes, max_size: int = MAX_SIZE) -> bytes | None:
    """The TEI document the input file *path* with bytes *data* holds: *data* itself for a TEI
    file (``.xml``), the embedded source for a PDF/A-3b copy made by this tool (at most
    *max_size* bytes inflated); ``None`` for bulletin text."""
    if path.suffix.lower() == ".xml" or data.lstrip()[:5] in (b"<?xml", b"<TEI ", b"<TEI>"):
        return data
    if data.startswith(b"%PDF-"):
        from convert.reader.pdf_input import embedded_tei

        return embedded_tei(path, data, max_size)
    return None


def read_file(path: Path) -> etree._Element:
    """Read a bulletin (or TEI) file and return its TEI root; problems are :class:`InputError`."""
    return load(path)
