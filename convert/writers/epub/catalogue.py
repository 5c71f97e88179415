"""Catalogue metadata for the EPUB package document: who made the issue, what it is about, which
series it belongs to, its dates and identifiers, each read from the TEI by one small function.

This module only reads the TEI tree it is given (never modifies it) and returns plain values; the
package writer (:mod:`convert.writers.epub`) turns them into OPF ``<metadata>``. Every function
reads one header place first and falls back to what the issue itself prints, so a change in where
the header records a fact (``bibl`` → ``biblStruct``, ``respStmt``) is a change in one function.

Sources of the rules:

- EPUB 3.3 §5.5.3 (``dc:creator``, ``dc:subject``, ``dc:description``, ``dc:date``), §D.3 (the
  ``role``, ``belongs-to-collection``, ``collection-type``, ``group-position`` properties);
- MARC Code List for Relators (scheme ``marc:relators``): ``com`` Compiler, ``edt`` Editor,
  ``isb`` Issuing body, ``pbl`` Publisher;
- W3CDTF / ISO 8601 for dates (``dcterms:modified`` is ``CCYY-MM-DDThh:mm:ssZ``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from lxml import etree

from convert.tei import xpath
from convert.writers import issue
from convert.writers.issue import WRITER_DATE  # noqa: F401  (the date of a file that records none)

#: The printed issue in the header (TEI-CONVENTIONS 3: ``sourceDesc/biblStruct/monogr``; files of
#: the earlier ``bibl`` model are migrated on input, :mod:`convert.reader.migrate`).
BIBL = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr"
#: A printed statement of responsibility, "<body><verb>" (masthead ``docImprint``: ``上街区地方史志办公室编``)
#: or "<verb>：<body>" (colophon ``label``/``item``: ``编辑出版：`` ``上街区地方史志办公室``), verb → MARC
#: relator codes. Longest verbs first. 编 (compiled by) is ``com``; 编辑 (edited by) ``edt``; 出版
#: (published by) ``pbl``; 主办 (sponsored, i.e. issued by) ``isb``.
VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("编辑出版", ("edt", "pbl")), ("編輯出版", ("edt", "pbl")),
    ("编印", ("com", "pbl")), ("編印", ("com", "pbl")),
    ("编辑", ("edt",)), ("編輯", ("edt",)),
    ("主办", ("isb",)), ("主辦", ("isb",)),
    ("出版", ("pbl",)),
    ("编", ("com",)), ("編", ("com",)),
)
#: Relator codes that make a body a ``dc:creator`` (``pbl`` alone is ``dc:publisher``).
CREATOR_ROLES = ("com", "edt", "isb")


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def _first(root, path: str):
    found = xpath(root, path)
    return found[0] if found else None


@dataclass
class Agent:
    """A body responsible for the issue: its printed name and MARC relator codes, in the order
    first found (``("com", "edt")``)."""

    name: str
    roles: tuple[str, ...]


def _statement(text: str, prefix: bool) -> tuple[str, tuple[str, ...]] | None:
    """Split a printed statement into ``(body, roles)``: ``"X编"`` when not *prefix*, or the verb
    alone (``"编辑出版："``) when *prefix*. ``None`` when no verb of :data:`VERBS` is there."""
    t = re.sub(r"\s+", "", text).rstrip("：:")
    for verb, roles in VERBS:
        if prefix and t == verb:
            return "", roles
        if not prefix and t.endswith(verb) and len(t) > len(verb):
            return t[: -len(verb)], roles
    return None


def responsibility(root: etree._Element) -> list[Agent]:
    """The bodies the issue prints as responsible for it, with MARC relator codes, merged by name,
    in the edition's script (header values shown converted: :func:`convert.writers.issue.shown`).

    Read from, in order: header ``respStmt`` (``resp`` + ``name``/``orgName``) and ``editor``
    under the source description; the masthead's ``docImprint``/``docAuthor`` lines of the form
    "<body><verb>" (``上街区地方史志办公室编``); the colophon's gloss list "<verb>：" + body
    (``编辑出版：`` ``上街区地方史志办公室``). Returns ``[]`` when nothing is printed."""
    found: dict[str, list[str]] = {}

    def add(name: str, roles) -> None:
        name = re.sub(r"\s+", " ", name).strip()
        if name:
            have = found.setdefault(name, [])
            have.extend(r for r in roles if r not in have)

    for resp in xpath(root, f"{BIBL}//tei:respStmt"):
        verb = _statement(_text(_first(resp, "tei:resp")), True)
        for name in xpath(resp, "tei:name | tei:orgName | tei:persName"):
            add(issue.shown(_text(name), root), verb[1] if verb else ())
    for ed in xpath(root, f"{BIBL}//tei:editor"):
        add(issue.shown(_text(ed), root), ("edt",))
    for line in xpath(root, "tei:text/tei:front/tei:titlePage/tei:docImprint | tei:text/tei:front/tei:titlePage/tei:docAuthor"):
        hit = _statement(_text(line), False)
        if hit:
            add(*hit)
    for label in xpath(root, "tei:text/tei:back//tei:list/tei:label"):
        hit = _statement(_text(label), True)
        item = label.getnext()
        if hit and item is not None and etree.QName(item).localname == "item":
            add(_text(item), hit[1])
    return [Agent(name, tuple(roles)) for name, roles in found.items()]


def creators(root: etree._Element) -> list[Agent]:
    """The agents of :func:`responsibility` that are creators (a role in :data:`CREATOR_ROLES`),
    with only those roles. When the issue prints no responsible body but a publisher (出版, as a
    newspaper's masthead does), that body is the creator with no role: a ``dc:creator`` without
    a role refinement is the entity "primarily responsible for making the resource" (DCMI
    Metadata Terms), which reading systems and catalogues show as the author (calibre reads only
    ``aut`` and, failing that, ``edt`` among refined roles: an ``isb`` refinement showed
    "Unknown"); its part as publisher stays in ``dc:publisher``."""
    agents = responsibility(root)
    out = [Agent(a.name, tuple(r for r in a.roles if r in CREATOR_ROLES)) for a in agents]
    out = [a for a in out if a.roles]
    if not out:
        out = [Agent(a.name, ()) for a in agents if "pbl" in a.roles][:1]
    return out


def subjects(root: etree._Element) -> list[str]:
    """The section names (``div[@type='section']/head``), in order, without repeats."""
    out: list[str] = []
    for head in xpath(root, "tei:text/tei:body//tei:div[@type='section']/tei:head"):
        t = re.sub(r"\s+", "", _text(head))
        if t and t not in out:
            out.append(t)
    return out


def description(root: etree._Element) -> str | None:
    """The issue's contents in one paragraph: from the printed contents list, each section name
    followed by its titles (``本月关注：甲；乙。重要会议：丙。``); without a contents list, the
    article headings in order (``甲；乙。``). Titles are kept apart by ``；`` and keep the spaces
    printed inside them (``高标准严要求 筑牢安全防线 中心路街道…``, a two-line headline's lines):
    :func:`title_text`. ``None`` when the issue has neither."""
    def clean(el) -> str:
        return title_text(el, column=True)

    parts: list[str] = []
    top = _first(root, "tei:text/tei:front/tei:div[@type='contents']/tei:list")
    if top is not None:
        for item in xpath(top, "tei:item"):
            head = _first(item, "tei:ref | tei:label")
            titles = [clean(r) for r in xpath(item, "tei:list/tei:item/tei:ref")]
            if titles:
                parts.append((clean(head) + "：" if head is not None else "") + "；".join(titles) + "。")
            elif head is not None:
                parts.append(clean(head) + "。")
    else:
        heads = [title_text(h) for h in xpath(root, "tei:text/tei:body//tei:div[@type='article' or @type='brief']/tei:head")]
        heads = [h for h in heads if h]
        if heads:
            parts.append("；".join(heads) + "。")
    return "".join(parts) or None


_HAN = r"[\u3400-\u9fff\U00020000-\U0003ffff]"


def title_text(el, column: bool = False) -> str:
    """A title's text for a catalogue. A source line break (``<lb/>``) is a space (a headline
    printed on two lines), but with *column* (a contents entry, whose line the print's narrow
    column cut, often inside a word) nothing between two Chinese characters; whitespace between two
    Chinese characters, or two Latin letters or digits, is one space (the spaces a title prints
    between its phrases); between Chinese and Latin or digits, and next to punctuation, it is
    left out (``我区 2019 年`` → ``我区2019年``), as the PDF sets it."""
    text = issue.reading_text(el, "\x00")
    if column:
        text = re.sub(rf"(?<={_HAN})\s*\x00\s*(?={_HAN})", "", text)
    text = text.replace("\x00", " ")
    text = re.sub(r"\s+", " ", text).strip()

    out = []
    for k, ch in enumerate(text):
        if ch == " ":
            a, b = text[k - 1], text[k + 1]
            han = re.match(_HAN, a) and re.match(_HAN, b)
            latin = a.isascii() and a.isalnum() and b.isascii() and b.isalnum()
            if not (han or latin):
                continue
        out.append(ch)
    return "".join(out)


def registration(root: etree._Element) -> str | None:
    """The printed registration (permit) number of an internal publication
    (``idno[@type='registration']``: ``河南省连续性内资【审郑州连】00015号``), else ``None``."""
    el = _first(root, f"{BIBL}//tei:idno[@type='registration']")
    return _text(el) or None


def series_position(root: etree._Element) -> str | None:
    """The issue's place in its series: the cumulative number (``idno[@type='cumulative']``,
    总第90期 → ``"90"``), else the issue number (``biblScope[@unit='issue']/@n``); ``None`` for an
    unnumbered issue (no series position is invented)."""
    cumulative = _first(root, f"{BIBL}//tei:idno[@type='cumulative']")
    if cumulative is not None and _text(cumulative).isdigit():
        return str(int(_text(cumulative)))
    issue = _first(root, f"{BIBL}//tei:biblScope[@unit='issue'][@n]")
    n = issue.get("n", "").strip() if issue is not None else ""
    return n if n.isdigit() else None


def journal_title(root: etree._Element) -> str | None:
    """The periodical title the issue prints (``title[@level='j']`` without ``@type``), else ``None``."""
    j = _first(root, f"{BIBL}//tei:title[@level='j'][not(@type)]")
    return _text(j) or None


def series_name(root: etree._Element) -> str | None:
    """The series an issue belongs to, as printed (a Traditional variant's header keeps the
    printed forms, so every edition of an issue names one series): the periodical title printed
    (``title[@level='j']``, letter-spacing taken off), else, for a bulletin that prints no title (a
    monthly), the body the header records as compiling it (``respStmt`` with a creator's role:
    the name its masthead and cover lead with), else the first creator, else the publisher.
    ``None`` when none is printed."""
    j = journal_title(root)
    if j:
        return issue.unspaced(j)
    for resp in xpath(root, f"{BIBL}//tei:respStmt"):
        verb = _statement(_text(_first(resp, "tei:resp")), True)
        if verb and any(r in CREATOR_ROLES for r in verb[1]):
            names = [_text(n) for n in xpath(resp, "tei:name | tei:orgName") if _text(n)]
            if names:
                return names[0]
    agents = creators(root)
    if agents:
        return agents[0].name
    pub = _first(root, f"{BIBL}/tei:imprint/tei:publisher")
    return _text(pub) or None


def series_alternate(root: etree._Element) -> str | None:
    """The series name in the script of the edition when it differs from the printed one (a
    Traditional variant: ``上街時訊`` for ``上街时讯``), for the ``alternate-script`` refinement of
    ``belongs-to-collection`` (EPUB 3.3 §D.3.1); else ``None``."""
    name = series_name(root)
    shown = issue.shown(name, root)
    return shown if name and shown != name else None


def collection(root: etree._Element) -> tuple[str, str] | None:
    """``(series name, group position)`` for ``belongs-to-collection``: only for an issue that
    prints its number (:func:`series_position`) and whose series has a name. An unnumbered
    issue gets no collection, so a catalogue never shows a made-up "#1"."""
    pos = series_position(root)
    name = series_name(root) if pos else None
    return (name, pos) if name and pos else None


_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def publication_date(when: str | None) -> str | None:
    """``dc:date`` for the ISO 8601 issue date *when*. A month (``2020-01``) or a year is written as
    is. A full day is written as that day at 12:00 UTC (``2020-02-29T12:00:00Z``): a bare date is
    read by calibre as midnight and, on the first or last day of a month, deliberately moved one
    day inwards (``calibre.utils.date.fix_only_date``: 2020-02-29 shows as 2020-02-28); midday UTC
    falls on the same calendar day from UTC−11 to UTC+11 (China Standard Time: 20:00)."""
    m = _WHEN.match(when or "")
    if not m:
        return None
    if m.group(3):
        return f"{when}T12:00:00Z"
    return when


def modified(root: etree._Element) -> _dt.datetime:
    """``dcterms:modified`` (naive UTC): :func:`convert.writers.issue.modified`, the rule every
    format shares. ``SOURCE_DATE_EPOCH`` overrides it in the writer."""
    return issue.modified(root)
