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
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from convert.errors import ConvertError
from convert.tei import XML_LANG, local, xpath, E

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


class Converter:
    """OpenCC with the project dictionary, then the dictionary's class rules (:func:`particles`).

    ``convert(text) -> str``: the same length as OpenCC's result; the class rules change only
    characters OpenCC changed, and only when OpenCC kept the length (character-aligned)."""

    def __init__(self, opencc_converter, rules: dict[str, tuple[str, str]]):
        self.opencc = opencc_converter
        self.rules = rules

    def convert(self, text: str) -> str:
        out = self.opencc.convert(text)
        if not self.rules or len(out) != len(text):
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
    return Converter(opencc.OpenCC(str(path)), particles())


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


def _convert_run(root: etree._Element, conv, skip_editorial: bool = True) -> int:
    """Convert the text slots under *root* as one string; returns the characters changed."""
    slots: list = []
    _slots(root, slots, skip_editorial)
    values = [getattr(el, which) for el, which in slots]
    joined = "".join(values)
    converted = conv.convert(joined)
    if len(converted) != len(joined):  # a length-changing mapping: convert slot by slot
        parts = [conv.convert(v) for v in values]
    else:
        parts, pos = [], 0
        for v in values:
            parts.append(converted[pos : pos + len(v)])
            pos += len(v)
    changed = 0
    for (el, which), old, new in zip(slots, values, parts):
        changed += sum(a != b for a, b in zip(old, new)) + abs(len(old) - len(new))
        setattr(el, which, new)
    return changed


def _convert_tree(el: etree._Element, conv) -> int:
    """Convert every run of mixed content below *el* (a run is the subtree of an element that
    holds text of its own); the editor's ``corr``/``reg`` text is converted as its own run."""
    changed = 0
    if not isinstance(el.tag, str):
        return 0
    if local(el) in EDITORIAL:
        return _convert_run(el, conv, skip_editorial=False)
    if _has_own_text(el):
        changed += _convert_run(el, conv)
        for editorial in el.iter():
            if isinstance(editorial.tag, str) and local(editorial) in EDITORIAL:
                changed += _convert_run(editorial, conv, skip_editorial=False)
        return changed
    for child in el:
        changed += _convert_tree(child, conv)
    return changed


def make_variant(root: etree._Element, tag: str) -> etree._Element:
    """A copy of the TEI document *root* (``zh-Hans``) in variant *tag* (``zh-Hant``,
    ``zh-Hant-TW``, ``zh-Hant-HK``); *root* is not modified.

    ``xml:lang`` on ``<TEI>`` and ``langUsage`` take the tag; the header's ``sourceDesc``, which
    describes the issue as printed, is not converted; ``encodingDesc`` records OpenCC's
    configuration and version, the project dictionary and the count of characters changed.
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
    changed = 0
    for text in xpath(doc, "tei:text"):
        changed += _convert_tree(text, conv)
    # the source description stays as printed (identifiers, the series title, the bodies the
    # issue names: catalogues match the editions of one issue on them); writers show its values
    # in the variant's script (convert.writers.issue.shown)
    for part in xpath(header, "tei:fileDesc/tei:titleStmt"
                              " | tei:fileDesc/tei:publicationStmt/tei:authority"
                              " | tei:fileDesc/tei:publicationStmt/tei:availability"):
        _convert_tree(part, conv)
    doc.set(XML_LANG, tag)
    for language in xpath(header, "tei:profileDesc/tei:langUsage/tei:language"):
        language.set("ident", tag)
        language.text = DESCRIPTIONS[tag]
    app_info = xpath(header, "tei:encodingDesc/tei:appInfo")[0]
    app_info.append(
        E.application(
            E.label("OpenCC"),
            E.p(
                f"Converted from zh-Hans to {tag} with OpenCC {opencc_version()}, configuration "
                f"{config}.json (character-level, regional forms), with the project dictionary "
                f"convert/data/opencc-corrections.txt ({len(dictionary_entries())} entries) layered "
                f"first; {changed} characters of the text changed."
            ),
            ident="OpenCC",
            version=opencc_version(),
        )
    )
    return doc
