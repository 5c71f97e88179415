"""The reader: bulletin text → TEI P5 model (TEI-CONVENTIONS.md, docs/tei-model.md).

Two stages, each an ordered list of small passes (docutils transforms, ``../shared/STYLE.md``):
the physical stage (:mod:`convert.reader.physical`: lines, page furniture, page breaks,
unwrapping, issue boundaries) and the logical stage (:data:`LOGICAL_PASSES`: masthead, contents
list, colophon, body — headings and sub-headings, paragraphs and page-break joins, bylines,
notes and briefs —, then the header). Every decision is recorded on its line with its evidence
(:func:`explain`); weakly supported ones get ``@cert`` and a warning naming the line.

Public entry points: :func:`read_issues` (text → one document per issue), :func:`read_bulletin`
(text → one ``<TEI>`` root), :func:`explain`, :func:`load_input` and :func:`read_file` (a path →
root(s), with the file's problems reported as :class:`convert.errors.InputError`). This package
may touch only the model it builds; it writes no file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from convert import __version__
from convert.errors import InputError, printable
from convert.reader.body import (REGULARISE, BodyBuilder, _split_segments, _strip, emit_marks, heading_segments,
                                 inline, lead_marks, stray_traditional, trail_marks)
from convert.reader.layout import PRINT_RUN_RE, colophon_kind, find_colophon, find_contents, heading_shape, paragraph_shape
from convert.reader.lines import LINE_END_RE, Line, content_key, form_feeds, split_lines
from convert.reader.physical import run_physical
from convert.reader.source import MAX_SIZE, decode, read_input, remove_non_xml
from convert.reader.masthead import (CONTACT_RE, DATE_RE, IMPRINT_RE, NOTICE_RE, PUBLISHING_VERBS, RESTRICTED_RE,
                                     Masthead, classify, read_masthead)
from convert.reader.names import is_org_name, tag_colophon_orgs
from convert.reader.pages import locate_pages
from convert.tei import E, XML_ID, XML_LANG, local, t, xpath

LANG = "zh-Hans"
LUNAR_CALENDAR_ID = "chinese-lunar"


def _masthead_end(lines: list[Line]) -> int:
    """Without a contents list, the masthead ends at the first line of running text, or before
    the first article's title: a line the masthead patterns do not know (after the periodical's
    own title) with running text within the next two lines (a title with a kicker or subtitle
    takes two)."""
    for i, line in enumerate(lines):
        if paragraph_shape(line):
            return i
        kind = classify(line.text)
        if kind not in ("title", "notice") or (i == 0 and kind == "title"):
            continue  # a date, an issue number, an imprint …: still the masthead
        if NOTICE_RE.search(line.key):
            continue
        if heading_shape(line) and any(paragraph_shape(n) for n in lines[i + 1 : i + 3]):
            return i
    return 0


def _wrapped(el: etree._Element, segs, span: tuple[int, int], wrapper: etree._Element) -> None:
    """Append *segs* to *el*, the characters ``span`` (offsets into their joined text) inside
    *wrapper*; no character is added or dropped."""
    left, rest = _split_segments(segs, span[0])
    mid, right = _split_segments(rest, span[1] - span[0])
    inline(el, left)
    el.append(inline(wrapper, mid))
    inline(el, right)


def _masthead_line(kind: str, lines: list[Line], mh: Masthead) -> etree._Element:
    """The title-page element for one masthead block of *kind* other than a title or a date
    (TEI P5 §4.6): an imprint statement (出版, 编印; a printing date 印) is ``docImprint`` with its
    ``publisher``/``date``; a statement of responsibility (编, 编辑, 主办) a ``byline``; an issue
    or volume number ``titlePart type="issue"``; a registration number and a notice (内部资料 …,
    监督电话 …) ``note`` with ``@type`` ``registration``, ``notice`` or ``contact``. A block of
    several lines keeps them apart with ``<lb/>``."""
    line = lines[0]
    text = line.text
    m = IMPRINT_RE.match(text) if kind == "imprint" else None
    if kind == "printed":
        el = E.docImprint()
    elif kind == "imprint":
        el = E.docImprint() if m and m.group(2) in PUBLISHING_VERBS else E.byline()
    elif kind == "edition":
        el = E.titlePart(type="issue")
    else:
        el = E.note(type="registration" if kind == "registration" else
                    "contact" if CONTACT_RE.search("".join(ln.key for ln in lines)) else "notice")
    if len(lines) > 1:
        for j, ln in enumerate(lines):
            if j:
                el.append(E.lb())
            inline(el, ln.segments)
        return el
    d = DATE_RE.match(text) if kind == "printed" else None
    if d and mh.printed:
        _wrapped(el, line.segments, d.span(), E.date(when=mh.printed, type="printed"))
    elif m:
        wrapper = E.orgName() if is_org_name(m.group(1)) else None
        if local(el) == "docImprint":  # <publisher><orgName>…</orgName></publisher>
            outer = E.publisher()
            _wrapped(el, line.segments, m.span(1), wrapper if wrapper is not None else outer)
            if wrapper is not None:
                tail, wrapper.tail = wrapper.tail, None
                wrapper.addprevious(outer)
                outer.append(wrapper)
                outer.tail = tail
        elif wrapper is not None:
            _wrapped(el, line.segments, m.span(1), wrapper)
        else:
            inline(el, line.segments)
    else:
        inline(el, line.segments)
    return el


def _front(mh: Masthead, mast_lines: list[Line], contents, section_ids) -> etree._Element:
    front = E.front()
    if mast_lines:
        page = E.titlePage(type="masthead")
        title_el = None
        dated = False
        for kind, block in mh.blocks:
            if kind in ("title", "title-en"):
                if title_el is None:
                    title_el = E.docTitle()
                    page.append(title_el)
                part = inline(E.titlePart(type="main" if kind == "title" else "alt"), block[0].segments)
                if kind == "title-en":
                    part.set(XML_LANG, "en")
                title_el.append(part)
                continue
            title_el = None
            if kind == "date":
                el = E.docDate()
                if mh.when and not dated:
                    el.set("when", mh.when)
                    dated = True
            elif kind == "lunar":
                el = E.docDate()
                inner = inline(E.date(calendar=f"#{LUNAR_CALENDAR_ID}"), block[0].segments)
                el.append(inner)
                page.append(el)
                continue
            else:
                page.append(_masthead_line(kind, block, mh))
                continue
            for j, line in enumerate(block):
                if j:
                    el.append(E.lb())
                inline(el, line.segments)
            page.append(el)
        front.append(page)
    if contents is not None:
        outer = E.list()
        div = E.div(outer, type="contents")
        if contents.head is not None:
            div.insert(0, inline(E.head(), heading_segments(contents.head)))

        def item(entry):
            it = E.item()
            ref = E.ref()
            if entry.target:
                ref.set("target", f"#{entry.target}")
            for j, line in enumerate(entry.lines):
                if j:
                    ref.append(E.lb())
                inline(ref, line.segments)
            it.append(ref)
            if entry.page is not None:
                ref.tail = " "
                it.append(E.num(entry.page, type="page", value=str(int(entry.page))))
            return it

        for entry in contents.loose:
            outer.append(item(entry))
        for n, (line, entries) in enumerate(contents.sections):
            ref = inline(E.ref(), heading_segments(line))
            if n in section_ids:
                ref.set("target", f"#{section_ids[n]}")
            it = E.item(ref)
            if entries:
                it.append(E.list(*[item(e) for e in entries]))
            outer.append(it)
        front.append(div)
    return front


def _back(lines: list[Line]) -> etree._Element | None:
    if not lines:
        return None
    div = E.div(type="colophon")
    gloss = None
    # an old page break that ends the text stands after the colophon's last line
    lines[-1].segments, after = trail_marks(lines[-1].segments)
    for line in lines:
        marks, line.segments = lead_marks(line.segments)
        if marks:  # an old page break between colophon lines stands between them
            emit_marks(div, marks)
            gloss = None
        kind = colophon_kind(line)
        if kind == "field":
            if gloss is None:
                gloss = E.list(type="gloss")
                div.append(gloss)
            text = line.text
            m = re.match(r"^\s*[^：:]{1,12}[：:]", text)
            cut = m.end() if m else 0
            # split the segments at the label's end
            label, value = _split_segments(line.segments, cut)
            gloss.append(E.label("".join(s for s, _ in label).strip()))
            gloss.append(inline(E.item(), _strip(value)))
            continue
        gloss = None
        if kind == "print-run":
            m = PRINT_RUN_RE.match(line.key)
            text = line.text
            digits = m.group(1)
            pos = text.find(digits) if digits in text else -1
            ab = E.ab(type="printRun")
            if pos >= 0:
                ab.text = text[:pos]
                num = E.num(digits, type="copies", value=str(int(digits)))
                num.tail = text[pos + len(digits) :]
                ab.append(num)
            else:
                ab.text = text
            div.append(ab)
        else:
            div.append(inline(E.ab(type="notice"), line.segments))
    for gloss in xpath(div, "tei:list[@type='gloss']"):
        tag_colophon_orgs(gloss)
    emit_marks(div, after)
    return E.back(div)


#: Colophon labels that give the place of publication (an address).
PLACE_FIELD_RE = re.compile(r"^(?:地址|社址|通讯地址|编辑部地址)[：:]?$")


def _edition_date() -> tuple[str | None, bool]:
    """The date of this electronic edition: ``SOURCE_DATE_EPOCH``'s day (UTC) when it is set (the
    reproducible-builds convention), else ``None`` (the caller then uses the issue's date,
    marked as supplied). Returns ``(ISO 8601 date or None, taken from SOURCE_DATE_EPOCH)``."""
    import datetime as _dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        day = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        return day, True
    return None, False


def _colophon_fields(back: etree._Element | None) -> list[tuple[str, etree._Element]]:
    """``[(label without its colon, item element), …]`` of the colophon's gloss lists."""
    fields = []
    if back is None:
        return fields
    for label in xpath(back, ".//tei:list[@type='gloss']/tei:label"):
        item = label.getnext()
        if item is not None and local(item) == "item":
            fields.append((re.sub(r"[：:\s]+$", "", "".join(label.itertext()).strip()), item))
    return fields


def _header(mh: Masthead, genre: str, back: etree._Element | None, source_name: str,
            counts: dict[str, int]) -> etree._Element:
    """The ``<teiHeader>``: what the printed issue was (``sourceDesc/biblStruct/monogr``, TEI P5
    §3.12.2, §2.2.7), what this electronic edition is (``publicationStmt``, §2.2.4) and how it was
    made (``encodingDesc``: the application and ``editorialDecl``, §2.3.3). Every value comes from
    the masthead or the colophon; nothing is invented (TEI-CONVENTIONS.md point 3). *counts*
    holds ``joins``, ``headings``, ``doubled``, ``regularised``, ``persons``, ``orgs`` and the
    page counts of :func:`convert.reader.pages.locate_pages`."""
    fields = _colophon_fields(back)
    print_run = print_run_text = None
    notices: list[str] = list(mh.notices)
    if back is not None:
        for ab in xpath(back, ".//tei:ab[@type='printRun']"):
            print_run = xpath(ab, "string(tei:num/@value)") or None
            print_run_text = re.sub(r"^[（(]\s*|\s*[）)]$", "", "".join(ab.itertext()))
        notices += ["".join(ab.itertext()).strip() for ab in xpath(back, ".//tei:ab[@type='notice']")]

    monogr = E.monogr()
    if mh.title:
        monogr.append(E.title(mh.title, level="j"))
    if mh.title_en:
        alt = E.title(mh.title_en, level="j", type="alt")
        alt.set(XML_LANG, "en")
        monogr.append(alt)
    if mh.issue_total is not None:
        monogr.append(E.idno(str(mh.issue_total), type="cumulative"))
    if mh.registration:
        monogr.append(E.idno(mh.registration, type="registration"))
    if len(monogr):  # respStmt may only follow a title or idno (TEI P5 monogr)
        if mh.publisher and mh.publisher_verb and mh.publisher_verb not in PUBLISHING_VERBS:
            monogr.append(E.respStmt(E.resp(mh.publisher_verb), E.orgName(mh.publisher)))
        for label, item in fields:
            value = "".join(item.itertext()).strip()
            if xpath(item, "tei:orgName"):
                monogr.append(E.respStmt(E.resp(label), E.orgName(value)))
    publisher = mh.publisher
    if not (mh.publisher_verb in PUBLISHING_VERBS):
        for label, item in fields:
            if label in ("编辑出版", "出版", "出版单位", "编印") and xpath(item, "tei:orgName"):
                publisher = "".join(item.itertext()).strip()
                break
    imprint = E.imprint()
    for label, item in fields:
        if PLACE_FIELD_RE.match(label):
            imprint.append(E.pubPlace("".join(item.itertext()).strip()))
            break
    if publisher:
        imprint.append(E.publisher(publisher))
    if mh.when:
        imprint.append(E.date(mh.date_text or mh.when, when=mh.when))
    if mh.printed:
        imprint.append(E.date(mh.printed_text or mh.printed, when=mh.printed, type="printed"))
    if not len(imprint):
        imprint.append(E.publisher())  # imprint is required; an empty publisher: not known
        monogr.append(E.note(f"The source prints no masthead; file {source_name}."))
    monogr.append(imprint)
    if mh.volume is not None:
        monogr.append(E.biblScope(mh.volume_text or str(mh.volume), unit="volume", n=str(mh.volume)))
    if mh.issue is not None:
        monogr.append(E.biblScope(mh.issue_text or str(mh.issue), unit="issue", n=str(mh.issue)))
    if print_run:
        monogr.append(E.extent(E.measure(print_run_text or print_run, unit="copies", quantity=print_run)))
    bibl = E.biblStruct(monogr, type=genre)

    parts = [mh.title or mh.publisher or source_name]
    if mh.issue_text:
        parts.append(mh.issue_text)
    if mh.issue_total is not None:
        parts.append(f"总第{mh.issue_total}期")
    if mh.when:
        parts.append(mh.when)
    title = E.title(" ".join(parts))
    if not mh.title:
        title.set("type", "supplied")

    # publicationStmt: the body under whose authority the printed issue is distributed (主管,
    # else its publisher), the edition's date, and the availability the source states
    authority = next(("".join(i.itertext()).strip() for label, i in fields
                      if label in ("主管", "主管单位") and xpath(i, "tei:orgName")), None) or publisher
    pub = E.publicationStmt(
        E.authority(E.orgName(authority)) if authority
        else E.authority("Not known: the source names no responsible body")
    )
    day, _ = _edition_date()
    if day:
        pub.append(E.date(day, when=day))
    elif mh.when:
        pub.append(E.date(when=mh.when, type="supplied"))
    restricted = [n for n in notices if RESTRICTED_RE.search(n)]
    if restricted:
        pub.append(E.availability(*[E.p(n) for n in restricted], status="restricted"))
    else:
        pub.append(E.availability(E.p("The source prints no statement of availability."), status="unknown"))

    profile = E.profileDesc(E.langUsage(E.language("Chinese, Simplified script", ident=LANG)))
    if mh.lunar:
        cal = E.calendar(E.p("Chinese lunisolar calendar (农历)"))
        cal.set(XML_ID, LUNAR_CALENDAR_ID)
        profile.append(E.calendarDesc(cal))

    c = counts
    pages_p = (
        "Pages (TEI P5 3.11.3): where the text still holds the old pages' folios, they locate and "
        "number the page starts (pb n from the folio, fw beside it), and nothing else does. "
        "Otherwise the start page each entry of the printed contents list gives, and "
        "the places where an old page break cut a paragraph (the text stops mid-sentence, a blank "
        "line, and it goes on), locate page starts. Where the number of such breaks between two "
        "articles equals the pages between their start pages, the breaks get those numbers "
        f"({c.get('numbered', 0)}); where there is none, a pb with cert=\"low\" opens the later "
        f"article ({c.get('uncertain', 0)}); the body's first page opens the body. pb added: "
        f"{c.get('added', 0)}; pb whose page number is not known (no n): {c.get('unnumbered', 0)}."
    )
    decl = E.editorialDecl(
        E.correction(E.p(
            "Corrections are annotations; the source's characters stay. A character printed twice "
            f"across a page break is surplus with reason=\"repeated\" ({c.get('doubled', 0)}). No "
            "other correction is made."), method="markup"),
        E.normalization(E.p(
            "The markup the text extraction left behind (# heading marks, **, <b>, list bullets, "
            "rules, dot leaders) is removed; every other character of the source is kept in its "
            "order. A stray Traditional character is orig with its Simplified form as reg "
            f"({c.get('regularised', 0)}, found with OpenCC t2s)."), method="markup"),
        E.segmentation(
            E.p("Line breaks and spaces of the source are not content. Paragraphs cut in two by an "
                f"old page break are joined into one p, the break marked with pb ({c.get('joins', 0)} "
                f"joined). Headings found: {c.get('headings', 0)}."),
            E.p(pages_p)),
        E.hyphenation(E.p("Chinese text is not hyphenated; no line-end hyphen is kept or removed."),
                      eol="none"),
        E.interpretation(E.p(
            "Names (TEI P5 13.2) are tagged only where the evidence is unambiguous: reporters of "
            "two or three characters named in a byline after a credit word (记者, 通讯员 …) as "
            f"persName ({c.get('persons', 0)}); the bodies named in the masthead's imprint and the "
            f"colophon's 主管/主办/编辑出版 fields as orgName ({c.get('orgs', 0)}). No character is "
            "changed.")),
    )
    return E.teiHeader(
        E.fileDesc(E.titleStmt(title), pub, E.sourceDesc(bibl)),
        E.encodingDesc(
            E.appInfo(E.application(E.label("convert"), ident="convert", version=__version__)),
            decl,
        ),
        profile,
    )


@dataclass
class Document:
    """One issue read from a text: ``root`` (the ``<TEI>`` element), ``first_line`` and
    ``last_line`` (1-based source line numbers, inclusive, of the text it was read from), and
    ``lines`` (its logical lines, with each one's role and evidence, for :func:`explain`)."""

    root: etree._Element
    first_line: int
    last_line: int
    lines: list[Line] = field(default_factory=list)


def read_bulletin(text: str, source_name: str = "<text>", *, encoding: str = "utf-8",
                  detected: bool = False, warnings: list[str] | None = None,
                  display_name: str | None = None) -> etree._Element:
    """Build the TEI model of one bulletin, the whole *text* as one document (a file of several
    issues: see :func:`read_issues`).

    *text* is the whole bulletin (str, any line ends); *source_name* names it in the header and
    in errors; *encoding* (and whether it was *detected*) is recorded in the header; messages
    about what could not be kept as it was, and about weakly supported decisions, are appended
    to *warnings* and recorded in the header; *display_name* (default *source_name*) names the
    input in errors and warnings (the header keeps *source_name*, a bare file name, so that the
    model does not depend on the folder). Returns the ``<TEI>`` root element (xml:lang
    ``zh-Hans``).

    Raises :class:`InputError` when the text has no content, or (a defect of this reader, never
    expected) when the model does not give back exactly the source's content characters
    (TEI-CONVENTIONS.md point 7).
    """
    return read_issues(text, source_name, encoding=encoding, detected=detected, warnings=warnings,
                       display_name=display_name, split=False)[0].root


def read_issues(text: str, source_name: str = "<text>", *, encoding: str = "utf-8",
                detected: bool = False, warnings: list[str] | None = None,
                display_name: str | None = None, split: bool = True,
                feeds: dict[int, str] | None = None) -> list[Document]:
    """Build one TEI document per issue the text holds (:class:`Document` list, in issue order).

    An issue boundary is a second masthead (:func:`convert.reader.physical.find_issue_boundaries`);
    each document has its own header and masthead. With *split* false the whole text is one
    document. *feeds* gives the form feeds when they were taken out of *text* (:func:`prepare`). Other arguments and errors as :func:`read_bulletin`; warnings name the issue
    (``issue 2``) when there are several.
    """
    warnings = warnings if warnings is not None else []
    display_name = display_name or source_name
    lang = script_of(text)
    token = REGULARISE.set(lang == LANG)
    try:
        phys = run_physical(text, feeds)
        if not phys.lines:
            raise InputError(f"{display_name}: no text to convert (the file is empty or only whitespace)")
        ranges = phys.issues if split and phys.issues else [(0, len(phys.lines))]
        source_lines = LINE_END_RE.split(text)
        docs = []
        for k, (start, end) in enumerate(ranges):
            first = 1 if k == 0 else _first_no(phys.lines[start])
            last = len(source_lines) if k == len(ranges) - 1 else _first_no(phys.lines[ranges[k + 1][0]]) - 1
            name = display_name if len(ranges) == 1 else f"{display_name}: issue {k + 1} (lines {first}–{last})"
            own_text = "\n".join(source_lines[first - 1 : last])
            lines = phys.lines[start:end]
            root = _read(lines, own_text, source_name, encoding, detected, warnings, name)
            root.set(XML_LANG, lang)
            for language in xpath(root, "tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language"):
                language.set("ident", lang)
                if lang != LANG:
                    language.text = "Chinese, Traditional script"
            docs.append(Document(root, first, last, lines))
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


@dataclass
class LogicalText:
    """The shared state of the logical passes over one issue's logical lines: the parts found
    (``contents``, ``mast_end``, ``body_start``, ``colophon_start``, ``masthead``), the built
    ``front``/``body``/``back`` elements and the ``builder`` that made the body."""

    lines: list[Line]
    contents: object = None
    mast_end: int = 0
    body_start: int = 0
    colophon_start: int = 0
    masthead: Masthead | None = None
    builder: BodyBuilder | None = None
    body: etree._Element | None = None
    back: etree._Element | None = None
    front: etree._Element | None = None
    structureless: bool = False


def find_contents_list(doc: LogicalText) -> None:
    """Contents list: the printed table of contents (dot leaders and page numbers, section
    names), see :func:`convert.reader.layout.find_contents`."""
    doc.contents = find_contents(doc.lines)
    for line in doc.lines[doc.contents.start : doc.contents.end] if doc.contents else []:
        line.note("contents list", "between the first and last line with a dot leader and page number")


def find_masthead(doc: LogicalText) -> None:
    """Masthead: the lines above the contents list, or above the first article (see
    :func:`_masthead_end`); a leader line outside the contents list gets its page number back
    as text."""
    if doc.contents is not None:
        doc.mast_end, doc.body_start = doc.contents.start, doc.contents.end
    else:
        doc.mast_end = doc.body_start = _masthead_end(doc.lines)
    for k, line in enumerate(doc.lines):
        if doc.contents is None or not doc.contents.start <= k < doc.contents.end:
            line.unlead()
    for line in doc.lines[: doc.mast_end]:
        line.note("masthead", "above the contents list or the first article: " + classify(line.text))
    doc.masthead = read_masthead(doc.lines[: doc.mast_end])


def find_colophon_lines(doc: LogicalText) -> None:
    """Colophon: the run of field lines (主管：, 电话：, 共印 N 份 …) that ends the issue."""
    doc.colophon_start = find_colophon(doc.lines, doc.body_start)
    for line in doc.lines[doc.colophon_start :]:
        line.note("colophon", f"a colophon line ({colophon_kind(line)}) in the run that ends the issue")


def build_body(doc: LogicalText) -> None:
    """Body: headings and sub-headings, paragraphs and page-break joins, bylines, notes and
    briefs, in one sweep of :class:`convert.reader.body.BodyBuilder` (each decision depends on
    the one before: a paragraph that stopped mid-sentence goes on in the next line). Without a
    contents list or any heading, the text is read again as untitled articles."""
    body_lines = doc.lines[doc.body_start : doc.colophon_start]
    doc.builder = BodyBuilder(body_lines, doc.contents)
    doc.body = doc.builder.build()
    if not doc.builder.headings_found and doc.contents is None:
        doc.builder = BodyBuilder(body_lines, None, structureless=True)
        doc.body = doc.builder.build()
        doc.structureless = True


def build_back(doc: LogicalText) -> None:
    """Colophon into ``<back>`` (:func:`_back`)."""
    doc.back = _back(doc.lines[doc.colophon_start :])


def build_front(doc: LogicalText) -> None:
    """Masthead and contents list into ``<front>`` (:func:`_front`)."""
    assert doc.masthead is not None and doc.builder is not None
    doc.front = _front(doc.masthead, doc.lines[: doc.mast_end], doc.contents, doc.builder.section_ids)


#: The logical passes, in the order they run (each reads what the ones before found).
LOGICAL_PASSES = [find_contents_list, find_masthead, find_colophon_lines, build_body, build_back,
                  build_front]


def _read(lines: list[Line], text: str, source_name: str, encoding: str, detected: bool,
          warnings: list[str], display_name: str):
    """One issue's logical *lines* (whose source is *text*) → ``<TEI>``."""
    doc = LogicalText(lines)
    for step in LOGICAL_PASSES:
        step(doc)
    mh, builder, body, back, front = doc.masthead, doc.builder, doc.body, doc.back, doc.front
    if doc.structureless:
        warnings.append(
            f"{display_name}: no structure found (no contents list, no headings): converted as "
            f"{len(body)} untitled article(s), every character kept"
        )
    weak = builder.weak
    for line in weak:
        span = f"line {line.no}" if line.end_no <= line.no else f"lines {line.no}–{line.end_no}"
        what = "paragraph" if line.role.startswith("paragraph") else "heading"
        warnings.append(f"{display_name}: {span}: weak evidence for a {what} "
                        f"({'; '.join(e for e in line.evidence if 'weak' in e or 'wrapped line' in e or 'inside' in e) or line.evidence[-1]}): "
                        f"{line.text[:30]!r} (marked @cert=\"{line.cert}\")")
    genre = "newsletter" if mh.is_newsletter else "monthly"

    joins = len(xpath(body, ".//tei:p/tei:pb"))  # a pb between divisions joins nothing
    text_el = E.text()
    if len(front):
        text_el.append(front)
    text_el.append(body)
    if back is not None:
        text_el.append(back)
    counts = locate_pages(text_el)
    counts.update(joins=joins, headings=builder.headings_found, doubled=builder.doubled,
                  regularised=len(xpath(text_el, ".//tei:orig")), persons=builder.names,
                  orgs=len(xpath(text_el, ".//tei:orgName")))
    header = _header(mh, genre, back, source_name, counts)
    decl = xpath(header, "tei:encodingDesc/tei:editorialDecl")[0]
    how = "detected with charset-normalizer" if detected else "as given or marked"
    decl.append(E.p(f"Converted from the text file {source_name}; its character encoding: "
                    f"{encoding} ({how})."))
    fws = len(list(text_el.iter(t("fw"))))
    decl.append(E.p(
        f"Layout of the extracted text undone by the reader: hard-wrapped lines joined "
        f"({sum(1 for line in lines if line.end_no > line.no)} logical lines from several), old "
        f"running heads and folios kept as fw ({fws}), weakly supported decisions marked with "
        f"@cert ({len(weak)})."))
    for message in warnings:
        if message.startswith(display_name):
            decl.append(E.p(f"Warning: {message}"))
    root = E.TEI(header, text_el)
    root.set(XML_LANG, LANG)

    got = content_of(root)
    want = content_key(text)
    if got != want:
        i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        raise InputError(
            f"{display_name}: internal error: the model does not keep the source's characters "
            f"(first difference at content character {i}: model {got[i:i+20]!r}, source {want[i:i+20]!r})"
        )
    return root


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
    feeds = form_feeds(source.text)
    if feeds:
        source.text = source.text.replace("\f", "")
    return remove_non_xml(source, name), feeds


def explain(text: str, split: bool = True, feeds: dict[int, str] | None = None) -> str:
    """Why each line became what it became: one line per logical line of *text* (its source
    lines, its role, the evidence, ``@cert`` when weak), furniture included, in source order,
    issue by issue. Read-only: builds the model and reports what the passes recorded."""
    docs = read_issues(text, "<explain>", split=split, feeds=feeds)
    out = []
    for k, doc in enumerate(docs, start=1):
        if len(docs) > 1:
            out.append(f"== issue {k}: lines {doc.first_line}–{doc.last_line}")
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


def content_of(root: etree._Element) -> str:
    """The content characters of the TEI ``<text>``, in document order, whitespace removed,
    with the source form of every ``<choice>`` (``sic``/``orig``) chosen."""
    out: list[str] = []

    def walk(el):
        name = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if name in ("corr", "reg"):
            return
        if el.text and isinstance(el.tag, str):
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)

    for text_el in xpath(root, "tei:text"):
        walk(text_el)
    return re.sub(r"\s+", "", "".join(out))


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
               warnings: list[str] | None = None) -> Loaded:
    """Read an input file into the TEI model: bulletin text (any encoding :func:`decode` knows),
    a TEI document (``.xml``; see :func:`convert.reader.tei_input.read_tei`), or the TEI a
    PDF/A-3b copy made by this tool carries.

    *max_size* is the largest file accepted, in bytes. Every problem is an :class:`InputError`
    naming *path*; messages about characters left out are appended to *warnings*.
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
                       detected=source.detected, warnings=warnings, display_name=printable(path), feeds=feeds)
    return Loaded(docs[0].root, None, digest, docs if len(docs) > 1 else [])


def load(path: Path, *, encoding: str | None = None, max_size: int = MAX_SIZE,
         warnings: list[str] | None = None) -> etree._Element:
    """The TEI root of an input file (:func:`load_input`)."""
    return load_input(path, encoding=encoding, max_size=max_size, warnings=warnings).root


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
