"""What every writer calls the issue and its parts: one rule for all formats.

- :func:`title`: the issue's title, from the masthead as printed — the series name, the issue
  designation and the date in the print's own form (``上街区地方史志办公室 总第92期 2020年3月``,
  ``上街时讯 第7期(总第634期) 2020年2月29日``). It is the PDF's and OFD's ``Title`` and running
  head, the EPUB's ``dc:title``; :func:`series` leads every cover (the PDF's cover page, the EPUB's
  cover image).
- :func:`untitled_label`: the navigation label (PDF and OFD bookmarks, EPUB toc and NCX) of a
  division printed without a title: ``（无题）`` and its first whole phrases.
- :func:`issue_date` and :func:`modified`: the dates every format records (creation = the issue
  date, at noon China Standard Time, so it falls on the same day in UTC; modification = the latest
  date the TEI records, or the writer's own date when it records none; ``SOURCE_DATE_EPOCH``
  overrides both in the writers).

This module only reads the TEI tree it is given. Values read from the TEI header describe the
printed issue (a variant's ``sourceDesc`` stays as printed, :func:`convert.variant.make_variant`):
:func:`shown` converts such a value to the script of the edition being written; values from the
``<text>`` (the masthead) are already in it.
"""

from __future__ import annotations

import datetime as _dt
import re

from lxml import etree

from convert.tei import XML_LANG, local, xpath
from convert.variant import convert_string

#: The script the issues are printed in (a variant's header keeps its printed values in it).
SOURCE_LANG = "zh-Hans"
#: The printed issue in the header (TEI-CONVENTIONS 3).
BIBL = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr"
MASTHEAD = "tei:text/tei:front/tei:titlePage"
#: The date this writer's output format was last changed: the modification date of a file made
#: from a TEI that records no date at all (no issue date, no printed date, no edition date) and
#: without ``SOURCE_DATE_EPOCH`` — in every format (EPUB ``dcterms:modified``, PDF ``ModDate``
#: and XMP ``MetadataDate``, OFD ``ModDate``). A file is never older than the writer that made it.
WRITER_DATE = _dt.datetime(2026, 11, 22, 4)
#: The hour (China Standard Time, UTC+8) an issue date is recorded at: noon falls on the same
#: calendar day from UTC−11 to UTC+11, so a tool showing UTC shows the printed day.
ISSUE_HOUR = 12
ISSUE_TZ = _dt.timezone(_dt.timedelta(hours=8))
#: Clause punctuation that ends a phrase (clreq 3.1.2: pause and stop marks).
_PHRASE_END = "，。；：！？、,;:!?"
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_UNTITLED = "（无题）"
#: Characters of a navigation label made from an untitled division's first phrases.
LABEL_LENGTH = 24


def reading_text(el, lb: str = "") -> str:
    """The characters of TEI *el* as a reader sees them: ``sic``/``orig`` chosen (``corr``,
    ``reg``, ``expan`` left out), each source line break (``<lb/>``) replaced by *lb*, whitespace
    runs one space, ends stripped. ``""`` for ``None``."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node):
        name = local(node) if isinstance(node.tag, str) else ""
        if name in ("corr", "reg", "expan"):
            return
        if name == "lb":
            parts.append(lb)
        elif name and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _text(el) -> str:
    """:func:`reading_text` with a source line break read as a space (a masthead line's phrases)."""
    return re.sub(r"\s+", " ", reading_text(el, " ")).strip()


def _first(root, path: str):
    found = xpath(root, path)
    return found[0] if found else None


def lang(root: etree._Element) -> str:
    """The BCP 47 tag of the edition (``/TEI/@xml:lang``)."""
    return root.get(XML_LANG) or "zh-Hans"


def shown(value: str | None, root: etree._Element) -> str | None:
    """A value read from the TEI header, in the script of the edition *root* is (a
    Traditional variant's header describes the issue as printed)."""
    return convert_string(value, lang(root)) if value else value


def unspaced(text: str) -> str:
    """*text* without letter-spacing: a title printed with a space between every character
    (``工 作 简 报``) is the title ``工作简报``; other spaces stay."""
    parts = text.split()
    if len(parts) > 2 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return text


def series(root: etree._Element) -> str | None:
    """The series name as the issue prints it: the masthead's title (``titlePart`` main), else
    the periodical title of the header (``title[@level='j']``), else, for a bulletin that prints
    no title (a monthly), the body its masthead names as compiling it (``上街区地方史志办公室编``),
    else the publisher. ``None`` when nothing is printed. In the edition's script."""
    main = _first(root, f"{MASTHEAD}/tei:docTitle/tei:titlePart[not(@type) or @type='main']")
    if main is not None and _text(main):
        return unspaced(_text(main))
    journal = _first(root, f"{BIBL}/tei:title[@level='j'][not(@type)]")
    if journal is not None and _text(journal):
        return shown(unspaced(_text(journal)), root)
    body = series_line(root)
    if body is not None:
        return body[1]
    publisher = _first(root, f"{BIBL}/tei:imprint/tei:publisher")
    return shown(_text(publisher), root) or None


#: Verbs of a masthead's statement of responsibility, ``<body><verb>`` (longest first).
_RESP = ("编辑出版", "編輯出版", "编印", "編印", "编辑", "編輯", "主办", "主辦", "出版", "编", "編")


def series_line(root: etree._Element) -> tuple[etree._Element, str] | None:
    """For a masthead without a title: ``(element, body)`` of its first statement of
    responsibility (``byline``/``docImprint``/``docAuthor`` of the form ``<body><verb>``:
    ``上街区地方史志办公室编``), the line that names the series; else ``None``."""
    if _first(root, f"{MASTHEAD}/tei:docTitle") is not None:
        return None
    for el in xpath(root, f"{MASTHEAD}/tei:byline | {MASTHEAD}/tei:docImprint | {MASTHEAD}/tei:docAuthor"):
        text = re.sub(r"\s+", "", _text(el))
        for verb in _RESP:
            if text.endswith(verb) and len(text) > len(verb):
                return el, text[: -len(verb)]
    return None


def designation(root: etree._Element) -> str | None:
    """The issue designation as printed (masthead ``titlePart[@type='issue']``: ``第7期(总第634期)``,
    ``总第90期`` for a printed ``(总第90期)``): the parts naming the issue (期), brackets that
    enclose it all taken off; else the header's issue (``biblScope``) and cumulative number."""
    el = _first(root, f"{MASTHEAD}/tei:titlePart[@type='issue']")
    text = _text(el)
    if text:
        parts = [p for p in re.split(r"\s{2,}|\u3000+", text) if p.strip()]
        named = [p.strip() for p in parts if "期" in p]
        text = " ".join(named or parts)
        m = re.fullmatch(r"[（(](.*)[）)]", text)
        if m and not re.search(r"[（()）]", m.group(1)):
            text = m.group(1)
        return text
    issue = _text(_first(root, f"{BIBL}/tei:biblScope[@unit='issue']"))
    cumulative = _text(_first(root, f"{BIBL}/tei:idno[@type='cumulative']"))
    made = " ".join(p for p in (issue, f"总第{cumulative}期" if cumulative.isdigit() else "") if p)
    return shown(made, root) or None


def printed_date(root: etree._Element) -> str | None:
    """The issue date in the print's form (``2020年3月``, ``2020年2月29日``; never ISO 8601):
    the header's issue date as printed (``imprint/date`` without ``@type``), else the masthead's
    dated ``docDate``. In the edition's script."""
    date = _first(root, f"{BIBL}/tei:imprint/tei:date[not(@type)]")
    if date is not None and _text(date):
        return shown(_text(date), root)
    doc_date = _first(root, f"{MASTHEAD}/tei:docDate[@when]")
    return _text(doc_date) or None


def title(root: etree._Element) -> str:
    """The issue's title in every format: :func:`series`, :func:`designation` and
    :func:`printed_date`, as printed, joined by spaces; a part the issue does not print is left
    out. Without any (no masthead, no header description), ``titleStmt/title``. In the edition's
    script."""
    parts = [p for p in (series(root), designation(root), printed_date(root)) if p]
    if parts:
        return " ".join(parts)
    stmt = _first(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")
    return _text(stmt)


def first_phrases(text: str, limit: int = LABEL_LENGTH) -> str:
    """The first whole phrases of *text* (ended by clause punctuation) that fit in *limit*
    characters, without the last phrase's punctuation, ``…`` after them when text follows; a
    first phrase longer than *limit* is cut after a whole word (jieba) and gets the ``…``."""
    text = re.sub(r"\s+", "", text)
    cut = 0
    for m in re.finditer(f"[^{_PHRASE_END}]+[{_PHRASE_END}]*", text):
        phrase_end = m.end() - len(m.group(0)) + len(m.group(0).rstrip(_PHRASE_END))
        if phrase_end > limit:
            break
        cut = m.end()
    if cut == 0:
        from convert.segment import tokenize

        ends = [e for _w, _s, e in tokenize(text[: limit + 8]) if e <= limit]
        cut = ends[-1] if ends else limit
    head = text[:cut].rstrip(_PHRASE_END)
    return head + ("…" if cut < len(text) else "")


def untitled_label(div: etree._Element, root: etree._Element) -> str:
    """The navigation label of a division printed without a title: ``（无题）`` (in the edition's
    script) followed by the first whole phrases of its first paragraph (:func:`first_phrases`):
    ``（无题）11月21日，我区召开安全生产工作推进会…``. Never a sentence cut inside a word."""
    paras = xpath(div, ".//tei:p")
    body = _text(paras[0]) if paras else _text(div)
    mark = convert_string(_UNTITLED, lang(root))
    return mark + first_phrases(body) if body else mark


def _iso(when: str | None) -> _dt.date | None:
    m = _WHEN.match((when or "").strip()[:10])
    if not m:
        return None
    return _dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def issue_date(root: etree._Element) -> _dt.datetime | None:
    """When the issue appeared: its date (``imprint/date[not(@type)]/@when``, else any dated
    ``imprint/date``; a month or year is its first day) at :data:`ISSUE_HOUR` China Standard
    Time, an aware datetime; ``None`` for an undated issue."""
    when = (xpath(root, f"string({BIBL}/tei:imprint/tei:date[not(@type)]/@when)")
            or xpath(root, f"string({BIBL}/tei:imprint/tei:date[@when][1]/@when)"))
    day = _iso(when)
    if day is None:
        return None
    return _dt.datetime(day.year, day.month, day.day, ISSUE_HOUR, tzinfo=ISSUE_TZ)


def modified(root: etree._Element) -> _dt.datetime:
    """When the edition was last changed, as a naive UTC datetime, never the clock: the latest of
    the dates the header gives the electronic edition (``publicationStmt/date/@when``,
    ``revisionDesc/change/@when``; not a date ``@type="supplied"``, the issue date standing in for
    an edition date the converter does not know); else the latest date the issue prints (issue
    date, printing date: ``sourceDesc//date/@when``); a day at :data:`ISSUE_HOUR` China Standard
    Time (04:00 UTC), as :func:`issue_date`, so it is never before the creation date and falls on
    the same day in UTC and in China; else :data:`WRITER_DATE` (at that hour too).
    EPUB ``dcterms:modified``, PDF ``ModDate``/``MetadataDate`` and OFD ``ModDate`` all record it;
    ``SOURCE_DATE_EPOCH`` overrides it in the writers."""
    def dates(paths: str) -> list[_dt.datetime]:
        out = []
        for value in xpath(root, paths):
            day = _iso(str(value))
            if day is not None:
                out.append(_dt.datetime(day.year, day.month, day.day, ISSUE_HOUR - 8))
        return out

    edition = dates("tei:teiHeader/tei:fileDesc/tei:publicationStmt//tei:date[not(@type='supplied')]/@when"
                    " | tei:teiHeader/tei:revisionDesc//tei:change/@when")
    if edition:
        return max(edition)
    printed = dates("tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@when")
    return max(printed) if printed else WRITER_DATE
