"""Validating the catalogue against the schemas of its standards, vendored in
``convert/schema/opds/`` (origin and licences in its README).

- OPDS 2.0 feeds: the JSON Schemas of opds-community/specs (``opds2/``) and of the Readium Web
  Publication Manifest they refer to (``webpub/``), with ``jsonschema`` (draft 7) and its format
  checks (``uri``, ``uri-reference``, ``uri-template``, ``date``, ``date-time``). JSON Schema
  patterns are ECMA-262 regular expressions (JSON Schema Validation §6.3.3) and the Readium
  schemas use ECMA's named groups ``(?<name>…)``, which Python's ``re`` does not read: ``pattern``,
  ``patternProperties`` and ``additionalProperties`` are evaluated with ``regress`` (Rust's ECMA
  regular expressions). :func:`check_json` runs in-process before a feed is written.
- OPDS 1.2 feeds: the RELAX NG compact schema of the OPDS 1.2 specification, Appendix B
  (``opds.rnc``), which includes RFC 4287 Appendix B (``atom.rnc``), with jing (:func:`run_jing`:
  ``--check`` and the tests). The published ``opds.rnc`` writes the characters its IRI pattern
  excludes as ``\\nrt`` where ``\\n\\r\\t`` is meant, so that every IRI holding an ``r`` or a ``t``
  fails (opds-community/specs issue #3, open): jing is given a copy with that one pattern
  corrected (:data:`RNC_FIX`), the vendored file stays as published. Atom's two Schematron rules,
  which jing does not run, are checked by :func:`check_atom` in-process.

Writes only a temporary folder (the corrected schema) that it removes.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema" / "opds"
#: The OPDS 1.2 schema's IRI pattern as published, and as corrected for jing.
RNC_FIX = (r"""'.*[ <>{}|^`"\nrt].*'""", r"""'.*[ <>{}|^`"\n\r\t].*'""")
#: The Readium link schema refers to the OPDS link properties under their former address.
_ALIASES = {"https://drafts.opds.io/schema/properties.schema.json":
            "https://specs.opds.io/schema/properties.schema.json"}
ATOM = "http://www.w3.org/2005/Atom"


@functools.cache
def _regex(pattern: str):
    import regress

    return regress.Regex(pattern)


def _matches(pattern: str, text: str) -> bool:
    return _regex(pattern).find(text) is not None


@functools.cache
def feed_validator():
    """A draft-7 validator of OPDS 2.0 feeds (``opds2/feed.schema.json``) with every schema it
    refers to loaded from the vendored files (no network) and ECMA-262 patterns."""
    from jsonschema import Draft7Validator, ValidationError, validators
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    def pattern(validator, patrn, instance, schema):
        if validator.is_type(instance, "string") and not _matches(patrn, instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    def pattern_properties(validator, patterns, instance, schema):
        if validator.is_type(instance, "object"):
            for patrn, subschema in patterns.items():
                for k, v in instance.items():
                    if _matches(patrn, k):
                        yield from validator.descend(v, subschema, path=k, schema_path=patrn)

    def additional_properties(validator, extra, instance, schema):
        if not validator.is_type(instance, "object"):
            return
        props, patterns = schema.get("properties", {}), schema.get("patternProperties", {})
        others = [k for k in instance if k not in props and not any(_matches(p, k) for p in patterns)]
        if validator.is_type(extra, "object"):
            for k in others:
                yield from validator.descend(instance[k], extra, path=k)
        elif extra is False and others:
            yield ValidationError(f"additional properties are not allowed ({', '.join(map(repr, others))})")

    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        # without "$schema", jsonschema keeps this validator (and its ECMA patterns) across $ref
        # instead of taking its own draft-7 validator for the referenced schema
        doc.pop("$schema", None)
        resources.append((doc["$id"], Resource(contents=doc, specification=DRAFT7)))
    registry = Registry().with_resources(resources)
    registry = registry.with_resources((alias, registry[target]) for alias, target in _ALIASES.items())
    ecma = validators.extend(Draft7Validator, {"pattern": pattern, "patternProperties": pattern_properties,
                                               "additionalProperties": additional_properties})
    root = registry["https://specs.opds.io/schema/feed.schema.json"].contents
    return ecma(root, registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)


def check_json(data: bytes) -> list[str]:
    """Findings of the OPDS 2.0 feed schema on the JSON *data*, one line each
    (``publications/0/metadata/published: '2020-01' is not a 'date'``); ``[]`` when valid."""
    try:
        doc = json.loads(data)
    except ValueError as err:
        return [f"not JSON: {err}"]
    out = []
    for e in sorted(feed_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(map(str, e.absolute_path)) or "(document)"
        out.append(f"{where}: {e.message[:300]}")
    return out


def check_atom(data: bytes) -> list[str]:
    """Findings of the rules RFC 4287 states in Schematron (Appendix B), which a RELAX NG validator
    does not run: a feed has an author unless every entry has one (§4.1.1); an entry has an
    ``alternate`` link or content (§4.1.1.2, §4.1.2); and of OPDS 1.2 §5.3: every acquisition
    link has a ``type``. ``[]`` when none."""
    from convert.tei import parse_untrusted

    try:
        root = parse_untrusted(data)
    except (ValueError, etree.XMLSyntaxError) as err:
        return [f"not well-formed: {err}"]
    ns = {"a": ATOM}
    out = []
    if not root.xpath("a:author", namespaces=ns) and root.xpath("a:entry[not(a:author)]", namespaces=ns):
        out.append("the feed has no author and an entry has none either")
    for n, entry in enumerate(root.xpath("a:entry", namespaces=ns), start=1):
        if not entry.xpath("a:link[@rel='alternate' or not(@rel)] | a:content", namespaces=ns):
            out.append(f"entry {n}: neither an alternate link nor content")
        for link in entry.xpath("a:link[starts-with(@rel, 'http://opds-spec.org/acquisition')]", namespaces=ns):
            if not link.get("type"):
                out.append(f"entry {n}: acquisition link {link.get('href')} has no type")
    return out


def run_jing(paths: list[Path]):
    """Validate OPDS 1.2 feed files with jing against ``opds.rnc`` (with :data:`RNC_FIX`) and
    ``atom.rnc``; returns a :class:`convert.validators.verdict.Verdict` (``jing (opds.rnc)``),
    passing when jing exits 0 with no message. One JVM start checks every file; no network (as
    every Java validator here, :func:`convert.validators.sandbox.sandboxed`)."""
    from convert.validators.sandbox import sandboxed, stderr_lines
    from convert.validators.tei import JING_CLASS, JING_JARS
    from convert.validators.verdict import Verdict

    name = "jing (opds.rnc)"
    java = shutil.which("java")
    if java is None or not JING_JARS[0].is_file():
        return Verdict(name, False, ["jing not found: run scripts/install.sh (or: apt-get install jing)"])
    text = (SCHEMA_DIR / "opds.rnc").read_text(encoding="utf-8")
    if text.count(RNC_FIX[0]) != 1:
        return Verdict(name, False, ["convert/schema/opds/opds.rnc is not the published file (its IRI pattern was not found)"])
    with tempfile.TemporaryDirectory(prefix="convert-opds-rnc-") as tmp:
        (Path(tmp) / "opds.rnc").write_text(text.replace(*RNC_FIX), encoding="utf-8")
        shutil.copyfile(SCHEMA_DIR / "atom.rnc", Path(tmp) / "atom.rnc")
        cp = ":".join(str(j) for j in JING_JARS if j.is_file())
        try:
            proc = subprocess.run(sandboxed([java, "-cp", cp, JING_CLASS, "-c", str(Path(tmp) / "opds.rnc"),
                                             *map(str, paths)]),
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
                                  check=False)
        except (OSError, subprocess.SubprocessError) as err:
            return Verdict(name, False, [f"cannot run jing: {err}"])
    errors = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    messages = errors + stderr_lines(proc)
    ok = proc.returncode == 0 and not messages
    return Verdict(name, ok, messages or ([] if ok else [f"jing exited with status {proc.returncode}"]),
                   {"error": len(errors)})
