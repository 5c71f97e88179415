"""TEI: the project's own schema, and the full TEI P5 schema with jing.

- :func:`own_schema` / :func:`check_tei`: ``convert/schema/bulletin.rng``, the RELAX NG schema of
  exactly the TEI shape of ``docs/tei-model.md`` (a strict subset of TEI P5), compiled once with
  lxml in a few milliseconds. Its content models are deterministic, so that libxml2 checks a
  document in time linear in its size (see the schema's comments). Writers and tests use it to
  check a model in-process.
- :func:`run_jing`: jing (the reference RELAX NG validator, Debian package ``jing``) against the
  full TEI P5 schema ``tei_all.rng`` (``../shared/schema/`` beside the repository, or
  ``$CONVERT_TEI_ALL``).

Hostile input (issue #12): jing never reads a document as the user gave it. A TEI file is parsed
here first (:func:`convert.tei.parse_untrusted`: no DTD, no entities, refused with a DOCTYPE)
and jing is given the tool's own re-serialisation of that tree, in a temporary folder, without
the XInclude parser configuration Debian's ``jing`` script turns on.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from convert.errors import one_line
from convert.tei import TEI_NS, XML_ID, DoctypeError, local, parse_untrusted, safe_parser, to_bytes
from convert.validators.sandbox import INSTALL_HINT, JVM_FAST, missing, run, stderr_lines
from convert.validators.verdict import Verdict

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "bulletin.rng"

#: Where the full TEI P5 schema is looked for when ``$CONVERT_TEI_ALL`` is not set:
#: ``shared/`` beside the repository (``<repo>/../shared/schema/tei_all.rng``).
TEI_ALL_DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "schema" / "tei_all.rng"

#: Debian's jars for jing (package jing and what its ``/usr/bin/jing`` script puts on the class
#: path), run here with ``java`` directly so that this module chooses the JVM options.
JING_JARS = tuple(Path("/usr/share/java") / name for name in
                  ("jing.jar", "xercesImpl.jar", "xml-apis.jar", "xml-resolver.jar", "Saxon-HE.jar"))
JING_CLASS = "com.thaiopensource.relaxng.util.Driver"

#: Attributes whose ``#id`` pointers :func:`check_tei` requires to resolve within the document
#: (``ref/@target``: contents entries link their articles). ``@calendar`` could join once every
#: model that uses it declares ``calendarDesc/calendar/@xml:id`` (docs/model-example.xml does not).
POINTER_ATTRIBUTES = ("target", "next", "prev")


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
        entries = list(schema.error_log)
        # libxml2 names no node for a child its compiled content model rejected ("line 0: ?"):
        # the same fault is reported where it is, so such an entry is left out
        located = [e for e in entries if e.line or e.path] or entries
        for entry in located:
            msg = f"line {entry.line}: {_readable_path(doc, entry.path)}: {entry.message}"
            if msg not in errors:
                errors.append(msg)
    errors.extend(check_heads(doc))
    errors.extend(_check_ids(doc))
    return errors


#: The heads a story (article or brief) may hold, in this order, each at most once: 引题, the
#: title, 副题 (docs/tei-model.md). bulletin.rng allows up to three ``<head>`` of any of these
#: types (one element pattern, so that its content model stays deterministic); this is the order.
HEAD_ORDER = ("kicker", None, "sub")


def check_heads(doc: etree._Element) -> list[str]:
    """The stories (``div`` of type article or brief) whose ``<head>`` children are not in the
    order of :data:`HEAD_ORDER` (each type at most once); one message each."""
    errors = []
    for div in doc.iter(f"{{{TEI_NS}}}div"):
        if div.get("type") not in ("article", "brief"):
            continue
        types = [h.get("type") for h in div.iterchildren(f"{{{TEI_NS}}}head")]
        rank = [HEAD_ORDER.index(t) if t in HEAD_ORDER else -1 for t in types]
        if -1 in rank or rank != sorted(set(rank)):
            where = _readable_path(doc, doc.getroottree().getpath(div))
            errors.append(f"line {div.sourceline}: {where}: heads {types!r} are not in the order kicker, "
                          "title, sub (each at most once)")
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


def tei_all_path() -> Path:
    """The TEI P5 ``tei_all.rng``: ``$CONVERT_TEI_ALL`` when set, else :data:`TEI_ALL_DEFAULT`."""
    env = os.environ.get("CONVERT_TEI_ALL")
    return Path(env) if env else TEI_ALL_DEFAULT


def run_jing(path: str | os.PathLike, *more: str | os.PathLike) -> Verdict:
    """Validate TEI file(s) against the full TEI P5 schema with jing.

    Passing means jing exits 0 and reports no error. Messages are jing's lines
    (``file:line:column: error: message``); ``counts["error"]`` is their number. Several files
    may be given: one JVM start (about 1 s) checks them all.
    """
    name = "jing"
    for p in (path, *more):
        if (bad := missing(name, p)) is not None:
            return bad
    java = shutil.which("java")
    if java is None or not all(j.is_file() for j in JING_JARS[:1]):
        return Verdict(name, False, ["jing not found: " + INSTALL_HINT.format(pkgs="jing")])
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
        proc = run([java, *JVM_FAST, "-cp", cp, JING_CLASS, str(schema), *copies]) if copies else None
    if isinstance(proc, str):
        return Verdict(name, False, [proc, *refused])
    if proc is None:
        return Verdict(name, False, refused, {"error": len(refused)})
    errors = refused + [ln for ln in proc.stdout.splitlines() if ln.strip()]
    for copy, original in copies.items():  # messages name the user's file, not the copy
        errors = [ln.replace(copy, original) for ln in errors]
    messages = errors + stderr_lines(proc)
    ok = proc.returncode == 0 and not messages
    if not ok and not messages:
        messages = [f"jing exited with status {proc.returncode}"]
    return Verdict(name, ok, messages, {"error": len(errors)})


