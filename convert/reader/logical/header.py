"""The ``<teiHeader>``: what the printed issue was, what this edition is, how it was made.

Pass :func:`build_header` (the last): it puts ``<front>``, ``<body>`` and ``<back>`` into
``<text>``, lets :func:`convert.reader.pages.locate_pages` number the pages, and builds the
header from what the passes before found (masthead, colophon, genre decision). It may set the
:class:`LogicalText`'s ``text`` and ``header`` and add ``<pb/>``s; it changes no line.
"""

from __future__ import annotations

import re

from lxml import etree

from convert import __version__
from convert.reader.logical.state import LogicalText
from convert.reader.masthead import (DATE_RE, PUBLISHING_VERBS, RESTRICTED_RE, SPONSOR_VERBS, Masthead, _iso,
                                     arabic_date)
from convert.reader.pages import locate_pages
from convert.tei import E, XML_ID, XML_LANG, local, xpath

LANG = "zh-Hans"
LUNAR_CALENDAR_ID = "chinese-lunar"


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


def _colophon_fields(colophons: list[etree._Element]) -> list[tuple[str, etree._Element]]:
    """``[(label without its colon, item element), …]`` of the colophons' gloss lists."""
    fields = []
    for label in (lab for back in colophons for lab in xpath(back, ".//tei:list[@type='gloss']/tei:label")):
        item = label.getnext()
        if item is not None and local(item) == "item":
            fields.append((re.sub(r"[：:\s]+", "", _printed(label)), item))
    return fields


#: Colophon labels that give the issue's printing date (the 印刷日期 the rules for 内部资料性出版物
#: want printed on the back cover or the 版权页).
PRINTING_DATE_FIELD_RE = re.compile(r"^(?:印刷日期|印制日期|印刷时间)$")


def colophon_printing_date(fields: list[tuple[str, etree._Element]]) -> tuple[str, str] | None:
    """``(ISO date, text as printed)`` of the colophon's printing-date field (:data:`PRINTING_DATE_FIELD_RE`)
    whose value is a date and nothing else (``2023年9月``, ``2023年9月15日``, ``二〇二三年九月``), else
    ``None``."""
    for label, item in fields:
        if not PRINTING_DATE_FIELD_RE.match(label):
            continue
        value = _printed(item).strip()
        m = DATE_RE.match(arabic_date(re.sub(r"\s+", "", value)))
        if m and m.end() == len(arabic_date(re.sub(r"\s+", "", value))) and 1 <= int(m.group(2)) <= 12:
            return _iso(*m.group(1, 2, 3)), value
    return None


#: The year a masthead prints with the issue number (``2024年第5期``): the year of the issue.
EDITION_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年\s*第")
#: A year in Chinese numerals with the digit 0 for 〇 (an OCR slip, ``二0二四``): read as 〇.
SLIPPED_CN_YEAR_RE = re.compile(r"^(?=[〇○Ｏ零0一二三四五六七八九]{4}年)(?=[^0]{0,3}0)")


def signed_issue_date(mh: Masthead, signed: list[str]) -> tuple[str, str] | None:
    """``(ISO date, text as printed)`` of the last date signed in the body (the 落款 under a
    signature, :func:`convert.reader.logical.roles.signature`: a journal's 编后记 signed by the
    editors and dated) when it is a year and month and nothing more, in the year the masthead
    prints with the issue number (``2024年第5期``); else ``None``. A year of Chinese numerals with the
    digit 0 for 〇 is read as 〇 (the text stays as printed)."""
    years = {m.group(1) for _, lines in mh.blocks for line in lines for m in EDITION_YEAR_RE.finditer(line.text)}
    if not signed or len(years) != 1:
        return None
    text = signed[-1].strip()
    key = re.sub(r"\s+", "", text)
    if SLIPPED_CN_YEAR_RE.match(key):
        key = key[:4].replace("0", "〇") + key[4:]
    key = arabic_date(key)
    m = DATE_RE.match(key)
    if not m or m.end() != len(key) or not 1 <= int(m.group(2)) <= 12 or m.group(1) not in years:
        return None
    return _iso(*m.group(1, 2, 3)), text


#: Colophon labels that name an editor (a person) of the issue.
def _printed(el: etree._Element) -> str:
    """The text of *el* as the source prints it (``"".join(el.itertext())`` without the added
    forms of a ``<choice>``: ``reg``, ``corr``, ``expan``, TEI P5 §3.5.1), so that a header value
    read from the colophon or the masthead gives no character twice."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and local(child) not in ("reg", "corr", "expan"):
            out.append(_printed(child))
        out.append(child.tail or "")
    return "".join(out)


EDITOR_FIELD_RE = re.compile(r"^(?:主编|副主编|执行主编|总编|总编辑|责任编辑|编辑|签发|审核|制作)$")


def _header(mh: Masthead, genre, colophons: list[etree._Element], source_name: str,
            counts: dict[str, int], signed: list[str] = ()) -> etree._Element:
    """The ``<teiHeader>``: what the printed issue was (``sourceDesc/biblStruct/monogr``, TEI P5
    §3.12.2, §2.2.7), what this electronic edition is (``publicationStmt``, §2.2.4) and how it was
    made (``encodingDesc``: the application and ``editorialDecl``, §2.3.3). Every value comes from
    the masthead or the *colophons* (the one under the masthead, the one in ``<back>``); nothing
    is invented (TEI-CONVENTIONS.md point 3). *counts*
    holds ``joins``, ``headings``, ``doubled``, ``regularised``, ``persons``, ``orgs`` and the
    page counts of :func:`convert.reader.pages.locate_pages`; *genre* is the
    :class:`convert.reader.logical.genre.GenreDecision` (``biblStruct/@type``, and ``@cert``
    when weakly supported); *signed* the dates signed in the body (落款), in order: the last one
    dates an issue that prints no other date (:func:`signed_issue_date`)."""
    fields = _colophon_fields(colophons)
    print_run = print_run_text = None
    notices: list[str] = list(mh.notices)
    issued = issued_text = None
    for back in colophons:
        for ab in xpath(back, ".//tei:ab[@type='printRun']"):
            print_run = xpath(ab, "string(tei:num/@value)") or None
            print_run_text = re.sub(r"^[（(]\s*|\s*[）)]$", "", _printed(ab))
        notices += [_printed(ab).strip() for ab in xpath(back, ".//tei:ab[@type='notice']")]
        for date in xpath(back, ".//tei:ab[@type='imprint']/tei:date[@when]"):
            issued, issued_text = date.get("when"), _printed(date)
    if print_run is None:
        for label, item in fields:
            m = re.match(r"^\s*(\d+)\s*(?:份|册|本)\s*$", _printed(item))
            if label == "印数" and m:
                print_run, print_run_text = m.group(1), _printed(item).strip()

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
    if mh.doc_number:
        monogr.append(E.idno(mh.doc_number, type="docNumber"))
    if mh.cn:
        monogr.append(E.idno(mh.cn, type="CN"))
    if mh.postal:
        monogr.append(E.idno(mh.postal, type="postal"))
    if len(monogr):  # respStmt may only follow a title or idno (TEI P5 monogr)
        if mh.sponsor:
            monogr.append(E.respStmt(E.resp("主办"), *(E.orgName(o) for o in [mh.sponsor, *mh.co_sponsors])))
        if mh.publisher and mh.publisher_verb and mh.publisher_verb not in PUBLISHING_VERBS + SPONSOR_VERBS:
            monogr.append(E.respStmt(E.resp(mh.publisher_verb), E.orgName(mh.publisher)))
        for verb, body in mh.supporters:  # 承办, 协办: who runs it for the sponsor
            monogr.append(E.respStmt(E.resp(verb), E.orgName(body)))
        signed_off = {re.sub(r"\s+", "", _printed(item)) for label, item in fields if label == "签发"}
        for name in mh.signers:  # the 版头's 签发 (GB/T 9704-2012 7.2.5), as the colophon's 签发 is read
            if name not in signed_off:
                monogr.append(E.respStmt(E.resp("签发"), E.persName(name)))
        for label, item in fields:
            value = _printed(item).strip()
            if xpath(item, "tei:orgName"):
                monogr.append(E.respStmt(E.resp(label), E.orgName(value)))
            elif EDITOR_FIELD_RE.match(label) and re.fullmatch(r"[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}", value):
                monogr.append(E.respStmt(E.resp(label), E.persName(value)))
    publishers = list(mh.publishers)
    if not (mh.publisher_verb in PUBLISHING_VERBS) or not publishers:
        for label, item in fields:
            if label in ("编辑出版", "出版", "出版单位", "编印") and xpath(item, "tei:orgName"):
                value = _printed(item).strip()
                publishers = [value] + [p for p in publishers if p != value]
                break
    if not publishers:
        # no body states that it publishes: the 主办 body of a 内部资料 (its 编印单位 in practice)
        for label, item in fields:
            if label in ("主办", "主办单位") and _printed(item).strip():
                publishers = [_printed(item).strip()]
                break
    if not publishers and mh.sponsor:
        # the same on the masthead's 主办 line (``蓍山县第一中学主办``: a school paper or a county
        # paper names no 编印 or 出版 body apart from the one that sponsors it)
        publishers = [mh.sponsor]
    imprint = E.imprint()
    for label, item in fields:
        if PLACE_FIELD_RE.match(label):
            imprint.append(E.pubPlace(_printed(item).strip()))
            break
    for publisher in publishers:
        imprint.append(E.publisher(publisher))
    when, when_text = mh.when, mh.date_text
    if when is None and issued:  # a briefing dated only by its 印发 line
        when, when_text = issued, issued_text
    colophon_printed = colophon_printing_date(fields) if when is None and not mh.printed else None
    if when:
        imprint.append(E.date(when_text or when, when=when))
    elif colophon_printed:
        # a journal whose masthead prints only 年第N期: the issue is dated by the colophon's 印刷日期,
        # the nearest date the issue gives (printed for it); a reading, so @cert and a note say so
        when, when_text = colophon_printed
        imprint.append(E.date(when_text, when=when, cert="medium"))
        imprint.append(E.date(when_text, when=when, type="printed"))
        monogr.append(E.note("The issue date is the colophon's printing date (印刷日期): the masthead "
                             "prints none."))
    elif not mh.printed and (signed_date := signed_issue_date(mh, list(signed))) is not None:
        # nothing dates the issue but the editors' signed date at its end (编后记: 编者 + date), in
        # the year the masthead prints: the issue's month read from it, a weak reading
        when, when_text = signed_date
        imprint.append(E.date(when_text, when=when, cert="low"))
        monogr.append(E.note("The issue date is the date signed at the end of the issue (编者 and a date, "
                             "in the year of the masthead's issue number): the masthead and colophon print none."))
    if mh.printed:
        imprint.append(E.date(mh.printed_text or mh.printed, when=mh.printed, type="printed"))
    elif issued:
        imprint.append(E.date(issued_text, when=issued, type="printed"))
    if not len(imprint):
        imprint.append(E.publisher())  # imprint is required; an empty publisher: not known
        monogr.append(E.note(f"The source prints no masthead; file {source_name}."))
    monogr.append(imprint)
    if mh.volume is not None:
        monogr.append(E.biblScope(mh.volume_text or str(mh.volume), unit="volume", n=str(mh.volume)))
    if (mh.special is not None and mh.special_alone and mh.issue is not None
            and mh.special.startswith(("特刊", "专刊"))):
        # a 特刊 or 专刊 label on a line of its own in a masthead whose issue line prints the issue's
        # own number (第15期（总第1462期） over 特　　刊): the numbered issue of the run given over
        # to one theme (newspaper practice; a 增刊 is printed outside the run), so its number is the
        # issue's, the label named beside it as printed
        monogr.append(E.biblScope((mh.issue_text or "") + mh.special_text, unit="issue", n=str(mh.issue)))
    elif mh.special is not None:
        # a special issue (增刊, 特刊, 专刊: no number of the year's run, or its own), named as printed;
        # printed beside a number (第6期增刊), the supplement of that issue
        number = (mh.issue_text or "") if mh.issue is not None else ""
        monogr.append(E.biblScope(number + mh.special_text, unit="issue",
                                  n=(str(mh.issue) if mh.issue is not None else "") + mh.special))
    elif mh.issue is not None:
        monogr.append(E.biblScope(mh.issue_text or str(mh.issue), unit="issue", n=str(mh.issue)))
    if print_run or mh.pages is not None:
        extent = E.extent()
        if print_run:
            extent.append(E.measure(print_run_text or print_run, unit="copies", quantity=print_run))
        if mh.pages is not None:
            extent.append(E.measure(mh.pages_text or str(mh.pages), unit="pages", quantity=str(mh.pages)))
        monogr.append(extent)
    bibl = E.biblStruct(monogr, type=genre.genre)
    if genre.cert:
        bibl.set("cert", genre.cert)
    publisher = publishers[0] if publishers else None

    parts = [mh.title or publisher or source_name]
    if mh.issue_text or mh.special_text:
        parts.append((mh.issue_text or "") + (mh.special_text or ""))
    if mh.issue_total is not None:
        parts.append(f"总第{mh.issue_total}期")
    if when:
        parts.append(when)
    title = E.title(" ".join(parts))
    if not mh.title:
        title.set("type", "supplied")

    # publicationStmt: the body under whose authority the printed issue is distributed (主管,
    # else its publisher), the edition's date, and the availability the source states
    authority = next((_printed(i).strip() for label, i in fields
                      if label in ("主管", "主管单位") and xpath(i, "tei:orgName")), None) or publisher
    pub = E.publicationStmt(
        E.authority(E.orgName(authority)) if authority
        else E.authority("Not known: the source names no responsible body")
    )
    day, _ = _edition_date()
    if day:
        pub.append(E.date(day, when=day))
    elif when:
        pub.append(E.date(when=when, type="supplied"))
    restricted = [n for n in notices if RESTRICTED_RE.search(n)]
    if restricted:  # the notices as printed (内部资料 with 免费交流 or 注意保存 beside it)
        shown = [n for n in notices if RESTRICTED_RE.search(n) or "交流" in n]
        pub.append(E.availability(*[E.p(n) for n in shown], status="restricted"))
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
            "changed."),
            E.p("Genre (biblStruct/@type): " + "; ".join(genre.describe()) + "."),
            E.p(f"Headings (TEI P5 4.1): {c.get('confirmed', 0)} confirmed by the printed contents list or "
                f"the source's markup; {c.get('inferred', 0)} inferred from the line's shape and its "
                "neighbours, each with @cert (high: a boundary before it and running text, a lead-in "
                "or a byline after it; medium: running text after it; low: weaker).")),
    )
    return E.teiHeader(
        E.fileDesc(E.titleStmt(title), pub, E.sourceDesc(bibl)),
        E.encodingDesc(
            E.appInfo(E.application(E.label("convert"), ident="convert", version=__version__)),
            decl,
        ),
        profile,
    )




def build_header(doc: LogicalText) -> None:
    """Header: ``<text>`` assembled (front, body, back), its pages located
    (:func:`convert.reader.pages.locate_pages`), then the ``<teiHeader>`` (:func:`_header`)."""
    assert doc.masthead is not None and doc.builder is not None and doc.body is not None
    text_el = E.text()
    if doc.front is not None and len(doc.front):
        text_el.append(doc.front)
    text_el.append(doc.body)
    if doc.back is not None:
        text_el.append(doc.back)
    counts = locate_pages(text_el)
    builder = doc.builder
    counts.update(joins=len(xpath(doc.body, ".//tei:p/tei:pb")),  # a pb between divisions joins nothing
                  headings=builder.headings_found, doubled=builder.doubled,
                  regularised=len(xpath(text_el, ".//tei:orig")), persons=builder.names,
                  orgs=len(xpath(text_el, ".//tei:orgName")),
                  inferred=len(xpath(doc.body, ".//tei:head[@cert]")),
                  confirmed=len(xpath(doc.body, ".//tei:head[not(@cert)]")))
    doc.text = text_el
    colophons = [c for c in (doc.front_colophon_div, doc.back) if c is not None]
    signed = [_printed(d) for d in xpath(doc.body, ".//tei:byline/tei:date")]
    doc.header = _header(doc.masthead, doc.genre, colophons, doc.source_name, counts, signed)
