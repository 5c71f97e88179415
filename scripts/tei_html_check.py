#!/usr/bin/env python3
"""Read back HTML that an independent TEI renderer made from our TEI, and compare it with the source.

Used by scripts/tei-stylesheets.sh (TEI Consortium Stylesheets, Saxon HE) and
scripts/ceteicean.sh (CETEIcean in headless Chromium). This script only reads files and prints.

    tei_html_check.py [--json] [--scope body|tei-text] SOURCE.txt RENDERED.html [SOURCE.txt RENDERED.html …]

RENDERED.html is read as UTF-8 (both renderers write UTF-8).

For each pair it reports:

- ``share``: the fraction of the source's content characters (whitespace and the extraction's
  markup aside, as ``convert.reader.lines.content_key`` defines them; TEI-CONVENTIONS.md point 7)
  that the rendered text gives back in order (the matching blocks of a sequence alignment), and
  ``lost``: the source characters it does not give back, with their context;
- ``added``: characters the renderer added (labels, note markers, header text), as snippets;
- ``empty brackets``: ``[]``, ``()``, ``（）``, ``【】``, ``［］`` in the rendered text beyond those
  the source itself prints;
- ``links``: same-document links (``href="#…"``), how many resolve to an element with that id.

Exit status 1 when a source character is lost, an empty bracket appears or a link does not
resolve; 0 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from convert.reader.lines import content_key  # noqa: E402
from convert.reader.source import decode  # noqa: E402

EMPTY_BRACKETS_RE = re.compile(r"\[\s*\]|\(\s*\)|（\s*）|【\s*】|［\s*］")
WS_RE = re.compile(r"\s+")


def rendered_text(doc, scope: str) -> str:
    """The text a reader sees: the ``<body>`` (or CETEIcean's ``tei-text``) without scripts,
    styles and elements hidden with the ``hidden`` attribute."""
    for bad in doc.xpath("//script | //style | //*[@hidden]"):
        bad.drop_tree()
    roots = doc.xpath("//tei-text") if scope == "tei-text" else doc.xpath("//body")
    return "".join("".join(r.itertext()) for r in roots)


def check(source: Path, rendered: Path, scope: str) -> dict:
    """Compare one rendered HTML file with its source text; returns the report as a dict."""
    src = content_key(decode(source.read_bytes(), str(source), None).text)
    doc = lxml_html.fromstring(rendered.read_bytes(), parser=lxml_html.HTMLParser(encoding="utf-8"))
    text = rendered_text(doc, scope)
    got = WS_RE.sub("", text)
    matcher = difflib.SequenceMatcher(None, src, got, autojunk=False)
    matched = sum(b.size for b in matcher.get_matching_blocks())
    lost, added = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            lost.append(f"{src[max(0, i1 - 6):i1]}[{src[i1:i2]}]{src[i2:i2 + 6]}")
        if op in ("insert", "replace"):
            added.append(got[j1:j2])
    source_brackets = len(EMPTY_BRACKETS_RE.findall(src))
    brackets = EMPTY_BRACKETS_RE.findall(WS_RE.sub("", text))
    ids = set(doc.xpath("//@id"))
    hrefs = [h for h in doc.xpath("//a/@href") if h.startswith("#") and len(h) > 1]
    unresolved = sorted({h for h in hrefs if h[1:] not in ids})
    return {
        "source": source.name, "rendered": rendered.name,
        "source_chars": len(src), "matched": matched,
        "share": matched / len(src) if src else 1.0,
        "lost": lost, "added": added,
        "empty_brackets": max(0, len(brackets) - source_brackets),
        "links": len(hrefs), "unresolved": unresolved,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--scope", choices=("body", "tei-text"), default="body",
                    help="which part of the HTML is the text (tei-text: CETEIcean's <tei-text>)")
    ap.add_argument("pairs", nargs="+", metavar="SOURCE.txt RENDERED.html")
    args = ap.parse_args(argv)
    if len(args.pairs) % 2:
        ap.error("give SOURCE.txt RENDERED.html pairs")
    reports = [check(Path(a), Path(b), args.scope) for a, b in zip(args.pairs[::2], args.pairs[1::2])]
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    else:
        print(f"{'sample':34} {'source chars':>12} {'given back':>10} {'share':>8} "
              f"{'empty []':>8} {'links ok':>9}  added by the renderer")
        for r in reports:
            added = "".join(r["added"])
            print(f"{Path(r['source']).stem:34} {r['source_chars']:12d} {r['matched']:10d} "
                  f"{r['share']:8.2%} {r['empty_brackets']:8d} "
                  f"{r['links'] - len(r['unresolved']):4d}/{r['links']:<4d}  "
                  f"{len(added)} chars: {added[:60]!r}")
            for lost in r["lost"][:10]:
                print(f"    lost: {lost}")
            for href in r["unresolved"][:10]:
                print(f"    unresolved link: {href}")
    bad = any(r["lost"] or r["empty_brackets"] or r["unresolved"] for r in reports)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
