"""The fonts an EPUB embeds (by default; ``--no-embed-fonts`` leaves them out) and the style
sheet rules that use them.

A reader with no Chinese font shows an EPUB without embedded fonts as tofu: only the PNG cover
survives. So the book carries subsets of the faces the PDF is set in (``styles/pdf.json``
``fonts``, the regional body face of the variant): every character of every XHTML document gets
the face the PDF would give it, by the same style-class order
(:func:`convert.writers.typography.face_order`): body text the Ming face (AR PL UMing) with
Liberation Serif for Latin letters and digits, HanaMin for what UMing lacks; headings the Hei face
(WenQuanYi Zen Hei) with Liberation Sans. Each subset is made with HarfBuzz's subsetter
(:func:`convert.writers.containers.subset_font`; 5–10 ms a face, where fontTools took 0.3–0.5 s)
and is byte-reproducible.

The style sheet rules follow what Apple Books and Readium ask of embedded fonts:

- each face an ``@font-face`` rule (``format("truetype")``), its family named **first** in the
  ``font-family`` of the elements it sets (``body``, the headings), before any system font;
- ``unicode-range`` where it matters (CSS Fonts 4 §4.5): the Latin companions take only Latin
  characters, so CJK punctuation never falls into a Latin face; the Hei face leaves out the
  quotation marks it draws proportional (“ ” 0.33 em), which the Ming face after it draws full
  width (clreq §3.1); a fallback only the characters it was embedded for;
- the rules set ``font-family`` on elements (``body``, ``h1``–``h6``), not on ``html``/``:root``,
  which Readium CSS's user settings own;
- Apple Books uses a book's fonts only when the package says so (``ibooks:specified-fonts``,
  set by the writer when it embeds fonts).

Reads the font files; writes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from convert.errors import WriterError
from convert.writers.containers import font_advance, font_names, font_unicodes, subset_font
from convert.writers.typography import face_order, font_config, is_ignorable, is_latin, unicode_range

XHTML = "{http://www.w3.org/1999/xhtml}"
#: Elements set in the heading (Hei) stack; everything else is body text.
HEADING_ELEMENTS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Quotation marks a face may draw proportional; such a face leaves them to the next one.
QUOTES = "“”‘’"
#: Package paths of the faces by role; fallbacks are ``fonts/<family>.ttf``.
HREFS = {"body": "fonts/body.ttf", "heading": "fonts/heading.ttf", "latin-body": "fonts/latin-serif.ttf",
         "latin-heading": "fonts/latin-sans.ttf"}
#: The Latin companions' ``unicode-range``: the space and every character :func:`is_latin` takes.
LATIN_RANGE = unicode_range([0x20] + [cp for cp in range(0x21, 0x2B0) if is_latin(chr(cp))])
#: Apple Books' vocabulary (its Asset Guide, "Fonts"): ``ibooks:specified-fonts`` true makes it
#: set the book in its embedded fonts.
IBOOKS_PREFIX = ("ibooks", "http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/")


@dataclass
class EmbeddedFace:
    """One embedded font subset: ``family`` (the ``@font-face`` name), ``href`` (package path
    under ``EPUB/``), ``data`` (TrueType bytes), ``role`` (``"body"``, ``"heading"``,
    ``"latin-body"``, ``"latin-heading"`` or ``"fallback"``), ``stacks`` (its place in each
    ``font-family`` stack it is in: ``{"body": 1, "heading": 2}``), ``unicode_range`` (``""``:
    none)."""

    family: str
    href: str
    data: bytes
    role: str
    stacks: dict = field(default_factory=dict)
    unicode_range: str = ""


def _texts(xhtml: list[bytes]) -> dict[str, set[str]]:
    """``{"body": characters, "heading": characters}`` the documents show: the text of each
    ``<body>``, the headings' apart (default-ignorable characters need no glyph)."""
    out: dict[str, set[str]] = {"body": set(), "heading": set()}
    for data in xhtml:
        body = etree.fromstring(data).find(f"{XHTML}body")
        if body is None:
            continue
        heading_nodes = {el for name in HEADING_ELEMENTS for el in body.iter(f"{XHTML}{name}")}

        def walk(el, stack: str) -> None:
            if el in heading_nodes:
                stack = "heading"
            if el.text:
                out[stack].update(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    walk(child, stack)
                if child.tail:
                    out[stack].update(child.tail)

        walk(body, "body")
    for chars in out.values():
        chars.difference_update({c for c in chars if c.isspace() and c != " " or is_ignorable(c)})
    return out


def embedded_fonts(xhtml: list[bytes], lang: str, styles_dir: Path) -> list[EmbeddedFace]:
    """The font subsets the EPUB carries, so that every character of every element has a face
    its ``font-family`` stack reaches on a reader with no Chinese font at all: each character of
    the documents *xhtml* (``<body>`` text; the headings in the heading stack) goes to the first
    face of its stack's order (``styles_dir/pdf.json``, the variant *lang*'s regional faces) that
    has it, as in the PDF; a CJK quotation mark skips a face that draws it narrow. Faces that get
    no character are left out.

    Raises :class:`WriterError` when the page style cannot be read, a font file is missing, or a
    character is in none of the faces."""
    try:
        config = font_config(json.loads((Path(styles_dir) / "pdf.json").read_text(encoding="utf-8")), lang)
    except (OSError, ValueError, KeyError) as err:
        raise WriterError(f"epub: cannot read the fonts of {Path(styles_dir) / 'pdf.json'}: {err}") from None
    texts = _texts(xhtml)
    assigned: dict[str, set[str]] = {}
    entries: dict[str, tuple[dict, str]] = {}  # name → (entry, role)
    stacks: dict[str, list[str]] = {"body": [], "heading": []}
    cmaps: dict[str, set[int]] = {}
    skipped: dict[str, set[str]] = {}
    for stack in ("body", "heading"):
        order = face_order(config, stack)
        missing = set(texts[stack])
        for entry, latin_only in order:
            name = entry["name"]
            role = (f"latin-{stack}" if latin_only else "body" if entry is config["body"]
                    else "heading" if entry is config["heading"] else "fallback")
            if name not in cmaps:
                try:
                    cmaps[name] = font_unicodes(entry["file"], entry.get("subfont", 0))
                except OSError:
                    if role in ("body", "heading"):
                        raise WriterError(f"epub: font {entry['file']} is missing") from None
                    cmaps[name] = set()
            have = {c for c in missing if ord(c) in cmaps[name] and (not latin_only or is_latin(c) or c == " ")}
            narrow = {c for c in have if c in QUOTES and font_advance(entry["file"], entry.get("subfont", 0), c) < 0.9}
            have -= narrow
            skipped.setdefault(name, set()).update(narrow)
            if have or name in assigned:
                entries.setdefault(name, (entry, role))
                assigned.setdefault(name, set()).update(have)
                stacks[stack].append(name)
            missing -= have
        missing = {c for c in missing if c != " "}
        if missing:
            raise WriterError("epub: no font to embed has " + ", ".join(f"U+{ord(c):04X}" for c in sorted(missing)))
    out = []
    for name, chars in assigned.items():
        entry, role = entries[name]
        path, index = entry["file"], entry.get("subfont", 0)
        family = font_names(path, index)[1] or name
        href = HREFS.get(role) or f"fonts/{family.lower().replace(' ', '')}.ttf"
        if role.startswith("latin"):
            urange = LATIN_RANGE
        elif role == "fallback":
            urange = unicode_range(ord(c) for c in chars)
        elif skipped.get(name):
            outside = sorted(ord(c) for c in skipped[name])
            gaps, lo = [], 0
            for cp in outside:
                if cp > lo:
                    gaps.append((lo, cp - 1))
                lo = cp + 1
            gaps.append((lo, 0x10FFFF))
            urange = ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in gaps)
        else:
            urange = ""
        try:
            data = subset_font(path, index, chars)
        except (OSError, ValueError) as err:
            raise WriterError(f"epub: cannot subset {path}: {err}") from None
        places = {s: stacks[s].index(name) for s in ("body", "heading") if name in stacks[s]}
        out.append(EmbeddedFace(f"{family} embedded", href, data, role, places, urange))
    return out


def font_face_css(faces: list[EmbeddedFace], lang: str) -> str:
    """The style sheet rules for the embedded *faces* (module docstring): an ``@font-face`` for
    each, then the body and heading ``font-family`` stacks with the embedded families first.
    Appended after the style sheet's own rules, so they win over its system font stacks."""
    rules = ["\n/* Embedded font subsets (the default; --no-embed-fonts leaves them out): first in every font stack. */"]
    for face in faces:
        rule = f'@font-face {{\n  font-family: "{face.family}";\n  src: url("../{face.href}") format("truetype");'
        if face.unicode_range:
            rule += f"\n  unicode-range: {face.unicode_range};"
        rules.append(rule + "\n}")

    def stack(name: str) -> str:
        return ", ".join(f'"{f.family}"' for f in sorted((f for f in faces if name in f.stacks),
                                                           key=lambda f: f.stacks[name]))

    rules.append(f"body, body:lang({lang}), :lang(zh-Hant) body, body:lang(zh-Hant) "
                 f"{{ font-family: {stack('body')}, serif; }}")
    rules.append(f"{', '.join(HEADING_ELEMENTS)}, h1.docTitle span.titlePart.alt "
                 f"{{ font-family: {stack('heading')}, sans-serif; }}")
    return "\n".join(rules) + "\n"
