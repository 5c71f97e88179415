"""The variant step: a Traditional-Chinese TEI model made from the Simplified one with OpenCC.

It runs between the reader and the writers, once per variant; every writer renders its result.
Script, not vocabulary: only OpenCC's character-level configurations with regional forms are used
(``s2t``, ``s2tw``, ``s2hk``), never the phrase-localising ``s2twp``/``s2hkp``; a small project
dictionary (``convert/data/opencc-corrections.txt``) corrects OpenCC's slips on government prose
and is layered on OpenCC's own dictionaries; its class rules (``#particle``) then fix a whole class
of slips with a word segmenter (jieba), and its ``#keep`` lines record the disagreements with an
independent converter (zhconv, MediaWiki tables; scripts/opencc-crosscheck.py) that were reviewed
and keep OpenCC's choice. Writers pass the strings they derive themselves (labels, metadata
assembled from header parts) through :func:`convert_string`. Text is converted, markup never: element names,
attributes and identifiers stay; a phrase that runs across an inline element (``<hi>``) is
converted as one phrase.
"""

from __future__ import annotations

import atexit
import copy
import json
import re
import shutil
import tempfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from convert.errors import ConvertError
from convert.tei import TEI_NS, XML_LANG, E, local, xpath

SOURCE = "zh-Hans"
#: BCP 47 tag → OpenCC configuration (Simplified → variant).
CONFIGS = {"zh-Hant": "s2t", "zh-Hant-TW": "s2tw", "zh-Hant-HK": "s2hk"}
#: BCP 47 tag → OpenCC configuration back to Simplified (for checks and tests).
BACK = {"zh-Hant": "t2s", "zh-Hant-TW": "tw2s", "zh-Hant-HK": "hk2s"}
VARIANTS = (SOURCE, *CONFIGS)
DESCRIPTIONS = {
    SOURCE: "Chinese, Simplified script",
    "zh-Hant": "Chinese, Traditional script (OpenCC standard forms)",
    "zh-Hant-TW": "Chinese, Traditional script, Taiwan forms",
    "zh-Hant-HK": "Chinese, Traditional script, Hong Kong forms",
}
DICTIONARY = Path(__file__).resolve().parent / "data" / "opencc-corrections.txt"
#: Elements whose text is the editor's, not the source's: converted on their own.
EDITORIAL = {"corr", "reg"}


#: The one-to-many characters (one Simplified form, several Traditional ones) whose conversion is
#: cross-checked against an independent converter (scripts/opencc-crosscheck.py): each entry is
#: the Simplified character followed by its Traditional candidates.
CLASSES = ("了瞭", "干幹乾", "后後", "系係繫", "只隻", "云雲", "于於", "发髮發", "面麵", "台臺颱檯",
           "制製", "复復複覆", "余餘", "松鬆", "准準", "钟鐘鍾", "里裡裏", "范範", "几幾", "着著",
           "征徵", "冲衝沖")


def _directives(tag: str) -> dict[str, tuple[str, str]]:
    """``{key: (form, reason)}`` from the project dictionary's ``tag<TAB>key<TAB>form<TAB>reason``
    lines (``#keep``, ``#particle``)."""
    out = {}
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.startswith(tag + "\t"):
            _, key, form, reason = line.split("\t", 3)
            out[key] = (form, reason)
    return out


def reviewed() -> dict[str, tuple[str, str]]:
    """Disagreements with the independent converter that were reviewed and keep OpenCC's choice:
    ``{simplified word: (OpenCC's form, reason)}`` from the ``#keep`` lines of the project
    dictionary (``#keep<TAB>了解<TAB>瞭解<TAB>reason``)."""
    return _directives("#keep")


def convert_string(text: str, tag: str) -> str:
    """A string a writer derives (a label, a metadata value assembled from header parts such as
    ``总第90期``) in variant *tag*, converted as the text is (OpenCC + project dictionary); the
    text itself for ``zh-Hans`` or a tag that is not a Traditional variant."""
    if tag == SOURCE or not tag.startswith("zh-Hant") or not text:
        return text
    return converter(CONFIGS.get(tag, CONFIGS["zh-Hant"])).convert(text)


def parse_variants(value: str) -> list[str]:
    """``"zh-Hant-TW,zh-Hant"`` or ``"all"`` → tags in :data:`VARIANTS` order; raises
    :class:`ConvertError` naming an unknown tag."""
    wanted = set()
    for tag in filter(None, (v.strip() for v in value.split(","))):
        if tag == "all":
            wanted.update(VARIANTS)
        elif tag in VARIANTS:
            wanted.add(tag)
        else:
            raise ConvertError(f"unknown variant {tag!r} (choose from {', '.join(VARIANTS)}, all)")
    return [v for v in VARIANTS if v in wanted]


def dictionary_entries() -> list[tuple[str, str]]:
    """The project dictionary as ``[(simplified, traditional)]`` (comments and blanks skipped)."""
    out = []
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t")
            out.append((key, value.split()[0]))
    return out


_workdir: Path | None = None


def _config_dir() -> Path:
    global _workdir
    if _workdir is None:
        _workdir = Path(tempfile.mkdtemp(prefix="convert-opencc-"))
        atexit.register(shutil.rmtree, _workdir, True)
        (_workdir / "corrections.txt").write_text(
            "".join(f"{k}\t{v}\n" for k, v in dictionary_entries()), encoding="utf-8"
        )
    return _workdir


def particles() -> dict[str, tuple[str, str]]:
    """Class rules of the project dictionary (``#particle`` lines): ``{simplified character:
    (form, reason)}`` — the character, when a word segmenter (jieba) finds it standing alone as a
    one-character word right after a word of two or more characters (a grammatical particle
    after its verb), is written in *form* whatever OpenCC chose from a phrase it matched across
    that word boundary. ``#particle<TAB>了<TAB>了<TAB>reason``: the aspect
    particle 了 in 指明了方向 (segmented 指明/了/方向) is never 瞭, which only the words 了解, 明了,
    一目了然 … take."""
    return _directives("#particle")


def _segment(text: str) -> list[tuple[str, int, int]]:
    """jieba's segmentation of *text*: ``[(word, start, end)]`` (character offsets;
    :func:`convert.segment.tokenize`)."""
    from convert.segment import tokenize

    return tokenize(text)


#: A character OpenCC's phrase matching cannot cross: the overlap probes split the text with it.
_SEP = "\n"
#: The runs of characters jieba segments on their own (its ``re_han_default``): a clause's words
#: do not depend on the text around it.
_CLAUSE_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
#: Farthest an OpenCC phrase is probed for on either side of a character (its phrases are short).
_REACH = 8


@dataclass
class Overlap:
    """One overlapping match: OpenCC's phrase *phrase* crossed a boundary of the segmenter's
    word *word* (``context``: the text around it, Simplified) and wrote *char* as *opencc*; the
    variant writes *chosen* (the form of *word* converted alone)."""

    context: str
    phrase: str
    word: str
    char: str
    opencc: str
    chosen: str


@dataclass
class Report:
    """What the variant step decided in one document, for its header and for
    ``scripts/opencc-overlaps.py``: the overlaps found (:class:`Overlap`), the terms made
    consistent (``{word: (forms found, form chosen, occurrences changed)}``), the quotation
    marks converted."""

    overlaps: list = field(default_factory=list)
    terms: dict = field(default_factory=dict)
    quotes: int = 0
    #: words whose form a phrase decided somewhere in the document (checked for consistency)
    words: set = field(default_factory=set)


class Converter:
    """OpenCC with the project dictionary, then the overlap rule, then the dictionary's class
    rules (:func:`particles`).

    ``convert(text, report=None) -> str``: the same length as OpenCC's result; the rules change
    only characters OpenCC changed, and only when OpenCC kept the length (character-aligned).

    The overlap rule: OpenCC converts by the longest match in its phrase tables, scanning from
    the left. Where a phrase straddles a true word boundary (负责人参加: 人参 "ginseng" matched
    across 负责人/参加, giving 人蔘加; 没有采取: 有采 across 没有/采取; 对冲锋舟: 对冲 "hedge"
    across 对/冲锋舟), it picks the wrong character. Every character OpenCC wrote in another
    form than the character's own (a phrase decided it) is checked: the phrase is found by
    splitting the text before and after it (a split inside the phrase changes the character
    back), and the words by jieba (:func:`convert.segment.tokenize`) over the character's clause.
    A phrase that begins or ends inside a word crossed a word boundary: the character then takes
    the form its word has converted alone. A phrase made of whole words, or one of the project
    dictionary (习近平复信, 十几里), stands."""

    def __init__(self, opencc_converter, rules: dict[str, tuple[str, str]], ours: frozenset[str] = frozenset()):
        self.opencc = opencc_converter
        self.rules = rules
        #: the Simplified phrases of the project dictionary, which the overlap rule never overrides
        self.ours = ours

    def convert(self, text: str, report: Report | None = None) -> str:
        out = self.opencc.convert(text)
        if len(out) != len(text):
            return out
        out = self._overlaps(text, out, report)
        if not self.rules:
            return out
        spots = [i for i, ch in enumerate(text) if ch in self.rules and out[i] != self.rules[ch][0]]
        if not spots:
            return out
        chars = list(out)
        tokens = _segment(text)
        # a particle: a one-character word right after a word of two or more characters
        alone = {tokens[k][1] for k in range(1, len(tokens))
                 if tokens[k][2] - tokens[k][1] == 1 and tokens[k - 1][2] - tokens[k - 1][1] >= 2}
        for i in spots:
            if i in alone:
                chars[i] = self.rules[text[i]][0]
        return "".join(chars)

    def _overlaps(self, text: str, out: str, report: Report | None) -> str:
        """*out* (OpenCC's conversion of *text*) with the overlap rule applied (class docstring)."""
        own = self.opencc.convert(_SEP.join(text))[::2]  # every character converted alone
        if len(own) != len(text):
            return out
        decided = [i for i in range(len(text)) if out[i] != own[i]]
        if not decided:
            return out
        chars = list(out)
        spans = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(text)]
        starts = [a for a, _b in spans]
        clauses: dict[tuple[int, int], list] = {}
        for i in decided:
            k = bisect_right(starts, i) - 1
            if k < 0 or i >= spans[k][1]:
                continue
            key = spans[k]
            if key not in clauses:
                clauses[key] = [(w, key[0] + a, key[0] + b) for w, a, b in _segment(text[key[0]:key[1]])]
            words = clauses[key]
            bounds = {a for _w, a, _b in words} | {key[1]}
            word, ws, we = next(t for t in words if t[1] <= i < t[2])
            if report is not None and we - ws > 1:
                report.words.add(word)

            # the probes convert a window around the character (a fixed length, so the rule stays
            # linear in the text), or the whole text where the window alone converts it otherwise
            lo, hi = max(0, i - 3 * _REACH), min(len(text), i + 1 + 3 * _REACH)
            if self.opencc.convert(text[lo:hi])[i - lo:i - lo + 1] != out[i]:
                lo, hi = 0, len(text)

            def kept(j: int) -> bool:  # a split at j leaves the character as OpenCC wrote it
                split = self.opencc.convert(text[lo:j] + _SEP + text[j:hi])
                return split[i - lo + (j <= i)] == out[i]

            start = i
            while start > max(0, i - _REACH) and not kept(start):
                start -= 1
            end = i + 1
            while end < min(len(text), i + 1 + _REACH) and not kept(end):
                end += 1
            if start in bounds and end in bounds or text[start:end] in self.ours:
                continue  # whole words, or a phrase of the project dictionary: it stands
            alone = self.opencc.convert(word)
            if len(alone) != len(word) or alone[i - ws] == out[i]:
                continue
            chars[i] = alone[i - ws]
            if report is not None:
                report.overlaps.append(Overlap(text[max(0, i - 6):i + 7], text[start:end], word, text[i], out[i],
                                               chars[i]))
        return "".join(chars)


@lru_cache(maxsize=None)
def converter(config: str, with_dictionary: bool = True):
    """A converter for *config* (``"s2tw"`` …) with ``convert(text) -> str``: OpenCC with the
    project dictionary layered first in its segmentation and in its first conversion step, and
    the dictionary's class rules after it (:class:`Converter`), when *with_dictionary*; plain
    ``opencc.OpenCC`` otherwise."""
    import opencc

    if not with_dictionary:
        return opencc.OpenCC(config)
    share = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
    spec = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))

    def absolute(node):
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                node["file"] = str(share / node["file"])
            for v in node.values():
                absolute(v)
        elif isinstance(node, list):
            for v in node:
                absolute(v)

    absolute(spec)
    ours = {"type": "text", "file": str(_config_dir() / "corrections.txt")}
    first = spec["conversion_chain"][0]["dict"]
    phrases = copy.deepcopy(first["dicts"][0])
    segmentation = spec.get("segmentation", {"type": "mmseg", "dict": phrases})
    seg = segmentation["dict"]
    segmentation["dict"] = {
        "type": "group",
        "match_policy": "union",
        "dicts": [ours] + (seg["dicts"] if seg.get("type") == "group" else [seg]),
    }
    spec["segmentation"] = segmentation
    first["dicts"] = [ours] + first["dicts"]
    path = _config_dir() / f"{config}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return Converter(opencc.OpenCC(str(path)), particles(), frozenset(k for k, _v in dictionary_entries()))


def opencc_version() -> str:
    """The OpenCC library version (``"1.4.2"``)."""
    import opencc

    return opencc.__version__


def _slots(el: etree._Element, out: list, skip_editorial: bool) -> None:
    """Text slots ``(element, "text"|"tail")`` of *el*'s subtree in document order."""
    if el.text is not None:
        out.append((el, "text"))
    for child in el:
        if isinstance(child.tag, str) and (not skip_editorial or local(child) not in EDITORIAL):
            _slots(child, out, skip_editorial)
        if child.tail is not None:
            out.append((child, "tail"))


def _has_own_text(el: etree._Element) -> bool:
    return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)


#: The variants that set quotation marks as corner brackets: Taiwan (教育部《重訂標點符號手冊》,
#: 引號: 「」 first, 『』 inside) and Hong Kong practice. clreq §3.1 lists both for Traditional
#: Chinese; Mainland text (and OpenCC's standard zh-Hant) keeps “ ” ‘ ’.
CORNER_QUOTES = frozenset({"zh-Hant-TW", "zh-Hant-HK"})
_OPENING = {"“": "”", "‘": "’"}
_CLOSING = {"”": "“", "’": "‘"}
#: Corner brackets by nesting depth: 「」 for the outer quotation, 『』 inside it, and so on.
_CORNERS = (("「", "」"), ("『", "』"))


def regional_quotes(text: str) -> tuple[str, int]:
    """*text* with its quotation marks “ ” ‘ ’ set as corner brackets, nesting preserved: a
    quotation at depth 0 takes 「 」, one inside it 『 』, one inside that 「 」 again (Taiwan's
    教育部《重訂標點符號手冊》 and Hong Kong practice). Marks are paired as they open and close; a
    closing mark with no opening one before it (a quotation continued from an earlier
    paragraph) takes the bracket of its own kind (” → 」, ’ → 』), as does an opening one left
    unclosed; ’ between two Latin letters (an apostrophe: Xi’an) is not a quotation mark and is
    kept. Returns ``(text, number of marks converted)``; the length never changes."""
    out = list(text)
    stack: list[tuple[str, int]] = []  # (opening mark, depth)
    count = 0
    for k, ch in enumerate(text):
        if ch in _OPENING:
            depth = len(stack)
            stack.append((ch, depth))
            out[k] = _CORNERS[depth % 2][0]
            count += 1
        elif ch in _CLOSING:
            if ch == "’" and 0 < k < len(text) - 1 and text[k - 1].isascii() and text[k - 1].isalpha() \
                    and text[k + 1].isascii() and text[k + 1].isalpha():
                continue
            if stack and stack[-1][0] == _CLOSING[ch]:
                _open, depth = stack.pop()
                out[k] = _CORNERS[depth % 2][1]
            else:
                out[k] = "」" if ch == "”" else "』"
            count += 1
    return "".join(out), count


def _runs(el: etree._Element, out: list, skip_editorial: bool = True) -> None:
    """The runs of mixed content below *el* (a run is the subtree of an element that holds text
    of its own; the editor's ``corr``/``reg`` text is a run of its own), each as its list of
    text slots (:func:`_slots`), in document order."""
    if not isinstance(el.tag, str):
        return
    if local(el) in EDITORIAL:
        slots: list = []
        _slots(el, slots, False)
        out.append(slots)
        return
    if _has_own_text(el):
        slots = []
        _slots(el, slots, True)
        out.append(slots)
        for editorial in el.iter():
            if isinstance(editorial.tag, str) and local(editorial) in EDITORIAL:
                slots = []
                _slots(editorial, slots, False)
                out.append(slots)
        return
    for child in el:
        _runs(child, out, skip_editorial)


def _consistent(pairs: list[list[str]], conv, report: Report) -> None:
    """Make every term of ``report.words`` (a word of the segmenter's whose form a phrase decided
    somewhere) take one form in the whole document: each occurrence of the word that the
    segmenter also finds as a word (in its clause) is collected with its form; a word found in
    several forms takes the form it has converted alone (when that is one of them, else its most
    frequent form), recorded in ``report.terms``. *pairs*: ``[source text, converted text]`` of
    every run, the second changed in place."""
    if not report.words:
        return
    lengths = sorted({len(w) for w in report.words})
    found: dict[str, list[tuple[int, int]]] = {}  # word → [(run index, offset)]
    for r, (src, _dst) in enumerate(pairs):  # one pass over the text, each clause once
        for m in _CLAUSE_RE.finditer(src):
            a, b = m.span()
            hits = [(p, n) for p in range(a, b) for n in lengths if p + n <= b and src[p:p + n] in report.words]
            if not hits:
                continue
            starts = {a + x for _w, x, _e in _segment(src[a:b])} | {b}
            for p, n in hits:
                if p in starts and p + n in starts:
                    found.setdefault(src[p:p + n], []).append((r, p))
    edited: dict[int, list[str]] = {}  # run index → its converted text as a list, once changed
    for word, places in sorted(found.items()):
        forms = Counter(pairs[r][1][p:p + len(word)] for r, p in places)
        if len(forms) < 2:
            continue
        alone = conv.convert(word)
        chosen = alone if alone in forms else forms.most_common(1)[0][0]
        changed = 0
        for r, p in places:
            if pairs[r][1][p:p + len(word)] != chosen:
                edited.setdefault(r, list(pairs[r][1]))[p:p + len(word)] = chosen
                changed += 1
        report.terms[word] = (sorted(forms), chosen, changed)
    for r, chars in edited.items():
        pairs[r][1] = "".join(chars)


def _convert_document(doc: etree._Element, header: etree._Element, conv, quotes: bool) -> tuple[int, Report]:
    """Convert every run of ``<text>`` and of the header parts a reader sees (title, authority,
    availability; never ``sourceDesc``, the issue as printed) with *conv*; then the document-wide
    rules: every term in one form (:func:`_consistent`) and, when *quotes*, the regional quotation marks
    (:func:`regional_quotes`). Returns (characters of ``<text>`` changed, :class:`Report`)."""
    report = Report()
    runs: list[list] = []
    for text in xpath(doc, "tei:text"):
        _runs(text, runs)
    body = len(runs)
    for part in xpath(header, "tei:fileDesc/tei:titleStmt"
                              " | tei:fileDesc/tei:publicationStmt/tei:authority"
                              " | tei:fileDesc/tei:publicationStmt/tei:availability"):
        _runs(part, runs)
    pairs: list[list[str]] = []
    split: list[bool] = []  # the run was converted slot by slot (a length-changing mapping)
    for slots in runs:
        joined = "".join(getattr(el, which) for el, which in slots)
        converted = conv.convert(joined, report)
        split.append(len(converted) != len(joined))
        if split[-1]:
            converted = "".join(conv.convert(getattr(el, which), report) for el, which in slots)
        pairs.append([joined, converted])
    _consistent([p for p, cut in zip(pairs, split) if not cut], conv, report)
    changed = 0
    for n, (slots, (joined, converted)) in enumerate(zip(runs, pairs)):
        if quotes:
            converted, count = regional_quotes(converted)
            report.quotes += count
        values = [getattr(el, which) for el, which in slots]
        if split[n]:
            parts = [conv.convert(v) for v in values]
            if quotes:
                parts = [regional_quotes(v)[0] for v in parts]
        else:
            parts, pos = [], 0
            for v in values:
                parts.append(converted[pos:pos + len(v)])
                pos += len(v)
        for (el, which), old, new in zip(slots, values, parts):
            if n < body:
                changed += sum(a != b for a, b in zip(old, new)) + abs(len(old) - len(new))
            setattr(el, which, new)
    return changed, report


def make_variant(root: etree._Element, tag: str, quotes: bool = True,
                 report: Report | None = None) -> etree._Element:
    """A copy of the TEI document *root* (``zh-Hans``) in variant *tag* (``zh-Hant``,
    ``zh-Hant-TW``, ``zh-Hant-HK``); *root* is not modified.

    ``xml:lang`` on ``<TEI>`` and ``langUsage`` take the tag; the header's ``sourceDesc``, which
    describes the issue as printed, is not converted (catalogues match the editions of one issue on
    its identifiers and series title; writers show its values in the variant's script,
    :func:`convert.writers.issue.shown`); ``encodingDesc`` records OpenCC's
    configuration and version, the project dictionary, the count of characters changed, the
    overlapping matches decided by the segmenter's words and the terms made consistent
    (:class:`Converter`, :func:`_consistent`). In ``zh-Hant-TW`` and ``zh-Hant-HK`` the quotation
    marks become corner brackets (:func:`regional_quotes`) unless *quotes* is false (the
    source's “ ” ‘ ’ kept, ``--keep-quotes``); ``editorialDecl`` records which, as a
    ``normalization``. *report*, when given, receives what was decided (:class:`Report`).
    Returns *root* itself for ``zh-Hans``. Raises :class:`ConvertError` for an unknown tag.
    """
    if tag == SOURCE:
        return root
    if tag not in CONFIGS:
        raise ConvertError(f"unknown variant {tag!r}")
    if root.get(XML_LANG) != SOURCE:
        raise ConvertError(f"a {tag} variant is made from a zh-Hans source; this one is {root.get(XML_LANG)}")
    config = CONFIGS[tag]
    conv = converter(config)
    doc = copy.deepcopy(root)
    header = xpath(doc, "tei:teiHeader")[0]
    corners = quotes and tag in CORNER_QUOTES
    changed, found = _convert_document(doc, header, conv, corners)
    if report is not None:
        report.overlaps, report.terms, report.quotes, report.words = (found.overlaps, found.terms, found.quotes,
                                                                      found.words)
    doc.set(XML_LANG, tag)
    for language in xpath(header, "tei:profileDesc/tei:langUsage/tei:language"):
        language.set("ident", tag)
        language.text = DESCRIPTIONS[tag]
    app_info = _child(_child(header, "encodingDesc", after="fileDesc"), "appInfo")
    overlaps = "; ".join(f"{o.context.strip()}: {o.phrase} crossed {o.word}, {o.char} → {o.chosen} (not {o.opencc})"
                         for o in found.overlaps)
    terms = "; ".join(f"{word}: {'/'.join(forms)} → {chosen}" for word, (forms, chosen, _n) in found.terms.items())
    app_info.append(
        E.application(
            E.label("OpenCC"),
            E.p(
                f"Converted from zh-Hans to {tag} with OpenCC {opencc_version()}, configuration "
                f"{config}.json (character-level, regional forms), with the project dictionary "
                f"convert/data/opencc-corrections.txt ({len(dictionary_entries())} entries) layered "
                f"first; {changed} characters of the text changed."
            ),
            E.p(
                f"Where a phrase OpenCC matched crossed a word boundary of the jieba segmenter, the "
                f"word's own form was taken: {len(found.overlaps)}"
                + (f" ({overlaps})." if overlaps else ".")
                + f" Terms found in more than one form and made one: {len(found.terms)}"
                + (f" ({terms})." if terms else ".")
            ),
            ident="OpenCC",
            version=opencc_version(),
        )
    )
    if tag in CORNER_QUOTES:
        _record_quotes(header, tag, corners, found.quotes)
    return doc


def _child(parent: etree._Element, name: str, after: str | None = None) -> etree._Element:
    """*parent*'s TEI child *name*, made (first, or right after its child *after*) when missing."""
    found = xpath(parent, f"tei:{name}")
    if found:
        return found[0]
    el = etree.Element(f"{{{TEI_NS}}}{name}")
    anchor = xpath(parent, f"tei:{after}") if after else []
    if anchor:
        anchor[0].addnext(el)
    else:
        parent.insert(0, el)
    return el


def _record_quotes(header: etree._Element, tag: str, converted: bool, count: int) -> None:
    """An ``editorialDecl/normalization`` (TEI P5 §2.3.3) saying how the quotation marks of a
    Taiwan or Hong Kong edition were set."""
    encoding = _child(header, "encodingDesc", after="fileDesc")
    decl = xpath(encoding, "tei:editorialDecl")
    decl = decl[0] if decl else etree.SubElement(encoding, f"{{{TEI_NS}}}editorialDecl")
    region = "Taiwan" if tag == "zh-Hant-TW" else "Hong Kong"
    if converted:
        text = (f"Quotation marks of the {tag} edition: the source's “ ” ‘ ’ are set as {region} sets them, "
                f"「 」 for a quotation and 『 』 for one inside it (nesting kept: depth, not the mark's "
                f"shape, decides; 教育部《重訂標點符號手冊》, W3C clreq §3.1); {count} marks converted. "
                f"convert --keep-quotes keeps the source's marks.")
    else:
        text = f"Quotation marks of the {tag} edition: the source's “ ” ‘ ’ are kept as printed (--keep-quotes)."
    note = E.normalization(E.p(text), method="silent")
    existing = [c for c in decl if isinstance(c.tag, str) and local(c) == "normalization"]
    if existing:
        existing[-1].addnext(note)
    else:
        decl.insert(0, note)
