"""The masthead (版头): the lines above the contents list or the first article.

A masthead line may hold several fields, set apart by a wide gap (two spaces or more, or an
ideographic space): ``溱源县人民政府办公室　　　2021年6月25日`` (the 编印 unit left, the date right,
GB/T 9704-2012 7.2 and briefing practice), ``2021年9月17日　星期五　农历辛丑年八月十一``,
``第37期（总第1186期）　　今日4版``. Each field is classified by its own shape (:func:`classify_field`:
a date, an issue number, an imprint, a body's name, a registration number, a notice …), and a
line by its fields (:func:`classify`). Each field group becomes one child of
``<titlePage type="masthead">`` (TEI P5 §4.6 "Title Pages", built in
:mod:`convert.reader.logical.front`); the values that describe the printed issue also go to
``sourceDesc/biblStruct/monogr`` (TEI P5 §2.2.7, §3.12.2). This module only reads lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from convert.reader.lines import Line
from convert.reader.names import is_org_name

DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
PRINTED_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(印|印刷|印发)$")
ISSUE_DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(出版)?$")
DAY_RE = re.compile(r"^(\d{1,2})$")
WEEKDAY_RE = re.compile(r"^(星期|礼拜|周)[一二三四五六日天]$")
#: The solar term a newspaper prints beside its date (二十四节气: ``今日立冬``, ``明日小雪``): the
#: traditional calendar's note, read with the lunar date.
SOLAR_TERM_RE = re.compile(r"^(?:今日|明日|今天)?(?:立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑"
                           r"|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒)$")
#: A lunar date: the sexagenary year and maybe the month and day, in their own numerals
#: (``农历辛丑年八月十一``, ``癸卯年九月初六``; cut anywhere after the year by a hard wrap).
LUNAR_RE = re.compile(r"^(农历)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[闰正一二三四五六七八九十冬腊初廿卅月日]*$")
ISSUE_RE = re.compile(r"第\s*(\d+)\s*期")
#: A quarterly's issue named by its season (季刊: 春季号, 夏季号, 秋季号, 冬季号), maybe after the year:
#: an issue-number field of its masthead, beside or instead of 第N期.
SEASON_ISSUE_RE = re.compile(r"^(?:\d{4}年)?[春夏秋冬]季号$")
VOLUME_RE = re.compile(r"第\s*(\d+)\s*卷")
#: Imprint verbs that state publication (an imprint, ``docImprint``); the others (编, 编辑, 主办)
#: state responsibility for the content (a ``byline``).
PUBLISHING_VERBS = ("编辑出版", "出版", "编印")
#: Verbs (and the word 机关报) that name the sponsoring body (主办单位) of a paper or bulletin.
SPONSOR_VERBS = ("主办", "机关报")
#: Verbs that name a body running the periodical for its sponsor (承办单位) or helping (协办): a
#: responsibility (``respStmt``), neither sponsor nor publisher.
SUPPORT_VERBS = ("承办", "协办")
#: Notices that restrict a printed issue's distribution (内部资料: internal material); they make
#: the header's ``availability`` ``restricted``.
RESTRICTED_RE = re.compile(r"内部资料|内部刊物|内部发行|注意保存|内部参阅|秘密|机密|绝密")
#: A masthead notice that gives a telephone number or address (``监督电话 67183172``).
CONTACT_RE = re.compile(r"电话|热线|邮箱|地址|传真")
TOTAL_RE = re.compile(r"总\s*第\s*(\d+)\s*期")
#: A special issue printed in place of (or beside) a numbered one: 增刊 (a supplement), 特刊, 专刊,
#: alone or with its year, its own number, the number of the issue it goes with and a cumulative
#: number (``增　刊``, ``2024年增刊``, ``增刊第2期``, ``增刊（二）``, ``第6期增刊``, ``增刊（总第119期）``). The
#: whole line is the issue line, nothing else in it (a page label ``教育专刊`` names a page).
SPECIAL_ISSUE_RE = re.compile(r"^(?:\d{4}年)?(?:第\d+期)?(?P<special>(?P<name>增刊|特刊|专刊)"
                              r"(?:第?(?P<n>\d+)期?|[（(](?P<cn>[一二三四五六七八九十\d]{1,3})[）)])?)"
                              r"(?:[（(]总第\d+期[）)])?$")
def special_issue_title(label: str, key: str) -> bool:
    """*key* (a line, whitespace removed) is the title of the special issue whose label *label*
    (the line above, :data:`SPECIAL_ISSUE_RE`: ``特　　刊``) names: it ends with that name
    (``第五届某某节开幕特刊``, newspaper practice: a 特刊's 版头 names its occasion), is longer than
    the name, short (up to 40 characters) and holds no clause or sentence punctuation."""
    m = SPECIAL_ISSUE_RE.match(label)
    return (m is not None and key.endswith(m.group("name")) and len(m.group("name")) < len(key) <= 40
            and not any(c in "，,。；;：:！？!?" for c in key))


#: An imprint: a body's name, then its verb (the compound 编辑出版, ``…融媒体中心编辑出版``, is one verb:
#: the body edits and publishes; read first, so that 编辑 does not stay in the body's name).
IMPRINT_RE = re.compile(r"^(.{2,40}?)\s*(编辑出版|出版|编印|编辑|主办|承办|协办|机关报|编)$")
#: The same responsibility printed label first (``主办：中共某某街道工作委员会``, ``编印：县委办公室``): the
#: label, its colon, the body (GB/T 9704-2012 7.2 puts the 发文机关 in the 版头; a paper's 版头 names
#: its 主办单位 so).
IMPRINT_LABEL_RE = re.compile(r"^(编辑出版|出版|编印|编辑|主办|承办|协办)(?:单位)?[：:](.{2,40})$")


#: The verb of an imprint alone (printed apart from its body by a gap).
IMPRINT_VERB_RE = re.compile(r"编辑出版|出版|编印|编辑|主办|承办|协办|机关报|编")


def imprint_parts(key: str) -> tuple[str, str, int] | None:
    """``(body, verb, body_start)`` of an imprint field *key* (whitespace removed), printed as
    ``body + verb`` (:data:`IMPRINT_RE`, body_start 0) or as ``verb：body``
    (:data:`IMPRINT_LABEL_RE`, body_start after the colon); ``None`` for neither."""
    m = IMPRINT_RE.match(key)
    if m:
        return m.group(1), m.group(2), 0
    m = IMPRINT_LABEL_RE.match(key)
    if m:
        return m.group(2), m.group(1), m.start(2)
    return None


REGISTRATION_RE = re.compile(r"内资|准印|刊号|【[^】]+】\s*\d+\s*号|^[（(]?[^()（）]{1,12}[）)]?\d{3,}号$")
#: 国内统一连续出版物号 (GB/T 9999-2001): ``CN 41-0628/(F)``.
CN_RE = re.compile(r"(?:国内统一连续出版物号\s*)?CN\s*\d{2}\s*-\s*\d{4}\S*")
#: The label of a masthead number alone (its number in the next field): 国内统一连续出版物号, 国内统一刊号,
#: 邮发代号, 准印证号.
NUMBER_LABEL_RE = re.compile(r"^(?:国内)?(?:统一)?(?:连续出版物号|刊号)[:：]?$|^邮发代号[:：]?$|^准印证号?[:：]?$")
#: 邮发代号 (the postal distribution code): ``邮发代号 35-62``.
POSTAL_RE = re.compile(r"邮发代号\s*[:：]?\s*(\d{1,2}\s*-\s*\d{1,4})")
#: The page count a paper prints beside its number: ``今日4版``, ``本期8版``, ``共4版``.
PAGES_RE = re.compile(r"^(?:今日|本期|共|今天)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*版$")
#: The weather a paper prints in its 报眼 beside the masthead (the 报眼 holds contents, calendar,
#: weather): ``今日天气：多云转晴`` (or the label 今日天气 and the sky apart: ``多云转晴``, ``小雨``), a
#: temperature ``12℃～24℃``, a wind ``东南风3级``.
WEATHER_RE = re.compile(r"^(?:今日|今天|明日|明天|本地|当地)?天气(?:预报)?(?:[：:]|$)"
                        r"|^[晴阴多云转间有小中大到暴阵雷雨雪雾霾]{1,8}$(?<=[晴阴云雨雪雾霾])"
                        r"|^-?\d{1,2}\s*(?:℃|°C?)(?:\s*[～~\-—－至]\s*-?\d{1,2}\s*(?:℃|°C?))?$"
                        r"|^[东南西北]{0,2}风\s*\d{1,2}(?:\s*[～~\-—－至]\s*\d{1,2})?\s*级$")
ENGLISH_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .,&'’-]*$")
#: The 签发人 field of a 版头 (GB/T 9704-2012 7.2.5: an upward document prints ``签发人：`` and the
#: signing official's name in its 版头; a briefing's 版头 line prints it between the 编印 unit and
#: the date, ``…气象局　　签发：某某某　　2025年6月18日``): the label, its colon and one to three names
#: of two to four Han characters (whitespace removed; 、 between names).
SIGNER_RE = re.compile(r"^签发人?[：:]((?:[\u4e00-\u9fff]{2,4})(?:、[\u4e00-\u9fff]{2,4}){0,2})$")
NOTICE_RE = re.compile(r"内部资料|免费交流|免费赠阅|注意保存|内部刊物|内部参阅|监督电话|电话|热线|^(?:秘密|机密|绝密)\b")
#: A subtitle under the title, in brackets, between dashes or led by a dash alone: ``（史志工作通讯）``,
#: ``——文史资料工作通讯——``, ``——地方志工作通讯`` (GB/T 15834-2011 4.11: the 破折号 stands before a
#: subtitle). No clause punctuation in it: a dash before a clause is an attribution or a note.
SUBTITLE_RE = re.compile(r"^(?:[（(][^（）()]{2,20}[）)]|[—－]{1,2}[^—－\-]{2,20}[—－]{1,2}"
                         r"|[—－]{2}[^—－\-，,。；;：:！!？?]{2,20})$")
#: What a printed rule leaves in extracted text: the star in a party body's red rule, or the rule
#: itself typed as a run of five or more line characters (box-drawing horizontals ``━ ─ ═ ┅``,
#: ``▬``): the 版头's 分隔线 (GB/T 9704-2012 7.2.6) or the line above the 版记 (7.4.1). Matched
#: against a field with its whitespace removed, so a spaced run (``━ ━ ━ ━ ━``) is one too.
RULE_MARK_RE = re.compile(r"^(?:[★☆✩✪]+|[\u2500\u2501\u2504-\u250b\u254c-\u254f\u2550\u25ac]{5,})$")
#: A wide gap between the fields of one masthead line: two spaces or more, ideographic spaces, or
#: a tab (a tab stop sets the next field in its column: the 编印 unit left and the date right on
#: one line, GB/T 9704-2012 7.2, typed ``箬X县妇女联合会<TAB>2024年4月30日``; no tab stands inside a field).
FIELD_GAP_RE = re.compile(r"[ \t]{2,}|[ \t]*[\u3000\t][\u3000 \t]*")

#: Field kinds (see :func:`classify_field`) that may stand in a masthead; ``title`` too, once.
#: A document's number (发文字号, GB/T 9704-2012 7.2.4): the issuing body's short name, the year
#: in 〔〕 (or square brackets as extracted) and the serial number with 号 (``椿关工委〔2025〕9号``),
#: a line of its own in the 版头 (under the issue number) or under a notice's title.
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")

MASTHEAD_KINDS = {"docnumber", "date", "date-part", "printed", "lunar", "edition", "pages", "registration", "cn",
                  "postal", "imprint", "org", "title-en", "notice", "subtitle", "rule", "weather", "signer"}
#: The kind a line is known by (:func:`classify`) when its fields are of several kinds: the
#: first of these that occurs.
LINE_KIND_ORDER = ("edition", "printed", "date", "imprint", "registration", "notice", "lunar",
                   "date-part", "title-en", "subtitle", "rule", "weather")
#: Fine field kinds reported under a coarser one by :func:`classify` (the physical stage and
#: the issue boundaries know the coarse ones).
COARSE = {"cn": "registration", "postal": "registration", "org": "imprint", "pages": "notice", "weather": "notice",
          "signer": "imprint", "docnumber": "registration"}


#: A date in Chinese numerals, the year digit by digit with 〇 for zero (``二〇二三年六月``,
#: ``二〇二二年十二月二十日``): the ordinary form of a date in official documents before GB/T
#: 9704-2012 7.3.5 asked for arabic numerals, and still a masthead's practice.
CN_DATE_RE = re.compile(r"^([〇○Ｏ零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                        r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")
_CN_DIGIT = {c: str(k) for k, cs in enumerate(("〇○Ｏ零", "一", "二", "三", "四", "五", "六", "七", "八", "九"))
             for c in cs}


def arabic_date(text: str) -> str:
    """*text* with a leading date in Chinese numerals (:data:`CN_DATE_RE`) written in arabic ones
    (``二〇二三年六月`` → ``2023年6月``), so that the date patterns read it; any other text as it is.
    Only the shape is read: a month over 12 or a day over 31 is no date."""
    m = CN_DATE_RE.match(text)
    if not m:
        return text
    month, day = numeral(m.group(2)), numeral(m.group(3)) if m.group(3) else None
    if month is None or not 1 <= month <= 12 or (m.group(3) and (day is None or not 1 <= day <= 31)):
        return text
    year = "".join(_CN_DIGIT[c] for c in m.group(1))
    return f"{year}年{month}月" + (f"{day}日" if day else "") + text[m.end():]


def _iso(y: str, m: str, d: str | None) -> str:
    return f"{int(y):04d}-{int(m):02d}" + (f"-{int(d):02d}" if d else "")


#: U+FEFF, the byte-order mark (ZERO WIDTH NO-BREAK SPACE), layout only at a line's start.
from convert.reader.lines import BOM  # noqa: E402


#: A body's name, one space, and a full date (``杞原县消防救援大队 2025年5月30日``).
_UNIT_SPACE_DATE_RE = re.compile(r"(?P<unit>[\u4e00-\u9fff（）()]{4,30}) (?P<date>\d{4}年\d{1,2}月\d{1,2}日)")


def split_fields(text: str) -> list[tuple[int, int]]:
    """``[(start, end)]`` of the fields of a line's *text*: runs between wide gaps
    (:data:`FIELD_GAP_RE`). A letter-spaced word (``目　　录``, ``主　　办``: every run one
    character) is one field."""
    spans: list[tuple[int, int]] = []
    # a byte-order mark opening the line (a file's first, left where files were run together:
    # ``cat a.txt b.txt``) is an encoding's mark, no character of a field: it stays in the text
    pos = len(text) - len(text.lstrip(BOM))
    for m in FIELD_GAP_RE.finditer(text, pos):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text.rstrip()):
        spans.append((pos, len(text.rstrip())))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    if len(spans) > 1 and all(len(text[a:b].strip()) == 1 for a, b in spans):
        return [(spans[0][0], spans[-1][1])]
    # a body's name and the full date after one space (``杞原县消防救援大队 2025年5月30日``: a copy
    # that turned the gap into a single space) are two fields, the 编印 unit and the date
    if len(spans) == 1:
        a, b = spans[0]
        m = _UNIT_SPACE_DATE_RE.fullmatch(text[a:b])
        if m and is_org_name(m.group("unit")):
            spans = [(a, a + m.end("unit")), (a + m.start("date"), b)]
    # a number's label printed apart from its number (``国内统一连续出版物号　CN 41-0752/(G)``) is one
    # field with it; so is a verb printed apart from its body (``某县文学艺术界联合会　主办``)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (NUMBER_LABEL_RE.match(re.sub(r"\s+", "", text[out[-1][0]:out[-1][1]]))
                    or (IMPRINT_VERB_RE.fullmatch(text[a:b].strip()) and is_org_name(text[out[-1][0]:out[-1][1]]))):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def classify_field(text: str) -> str:
    """The kind of one masthead field, from its shape alone: ``printed`` (a printing date, 印),
    ``date``, ``date-part`` (a day, a weekday), ``lunar``, ``edition`` (issue or volume number),
    ``pages`` (今日4版), ``weather`` (the 报眼's 今日天气, a temperature, a wind), ``cn``, ``postal``, ``registration``, ``imprint`` (a body and a verb: 编,
    编印, 出版, 主办, 机关报), ``org`` (a body's name alone: the 编印 unit of a briefing), ``title-en``,
    ``notice``, ``subtitle`` (（史志工作通讯）, ——文史资料工作通讯——), ``rule`` (★), ``signer`` (签发：某某某,
    :data:`SIGNER_RE`), ``docnumber`` (发文字号, :data:`DOC_NUMBER_RE`), else ``title``."""
    t = arabic_date(re.sub(r"\s+", "", text))
    if not t:
        return "title"
    if PRINTED_RE.match(t):
        return "printed"
    if ISSUE_DATE_RE.match(t):
        return "date"
    if DAY_RE.match(t) or WEEKDAY_RE.match(t):
        return "date-part"
    if LUNAR_RE.match(t) or SOLAR_TERM_RE.match(t):
        return "lunar"
    if (ISSUE_RE.search(t) or VOLUME_RE.search(t) or TOTAL_RE.search(t) or SPECIAL_ISSUE_RE.match(t)
            or SEASON_ISSUE_RE.match(t)) and len(t) <= 20:
        return "edition"
    if PAGES_RE.match(t):
        return "pages"
    if DOC_NUMBER_RE.fullmatch(t):
        return "docnumber"
    if SIGNER_RE.match(t):
        return "signer"
    if WEATHER_RE.match(t):
        return "weather"
    if CN_RE.search(text):
        return "cn"
    if POSTAL_RE.search(t):
        return "postal"
    if REGISTRATION_RE.search(t):
        return "registration"
    if imprint_parts(t) and not NOTICE_RE.search(t):
        return "imprint"
    if ENGLISH_RE.match(text.strip()):
        return "title-en"
    if NOTICE_RE.search(t):
        return "notice"
    if RULE_MARK_RE.match(t):
        return "rule"
    if SUBTITLE_RE.match(t):
        return "subtitle"
    if is_org_name(t):
        return "org"
    return "title"


def fields_of(text: str) -> list[tuple[str, int, int]]:
    """``[(kind, start, end)]`` of the fields of a line's *text* (:func:`split_fields`,
    :func:`classify_field`)."""
    return [(classify_field(text[a:b]), a, b) for a, b in split_fields(text)]


def classify(text: str) -> str:
    """The kind of one line, from its fields: the field's kind for a line of one field; for a
    line of several, ``title`` when all are titles, ``mixed`` when titles stand among other
    fields (no masthead line), else the first kind of :data:`LINE_KIND_ORDER` among them. Fine
    kinds are reported as the coarse ones the physical stage knows (:data:`COARSE`)."""
    kinds = [COARSE.get(k, k) for k, _, _ in fields_of(text)] or ["title"]
    if len(kinds) == 1:
        return kinds[0]
    if all(k == "title" for k in kinds):
        return "title"
    if "title" in kinds:
        return "mixed"
    return next(k for k in LINE_KIND_ORDER if k in kinds)


def masthead_line(line: Line) -> bool:
    """True when every field of *line* is of a masthead kind (a title excepted)."""
    kinds = [k for k, _, _ in fields_of(line.text)]
    return bool(kinds) and all(k in MASTHEAD_KINDS for k in kinds)


#: Field kinds that only a masthead prints (a date, an issue number, a registration number …).
NUMBERED_KINDS = {"docnumber", "date", "edition", "printed", "registration", "cn", "postal", "lunar"}


def masthead_field_line(line: Line) -> bool:
    """*line* is a masthead line (40 characters at most, every field of a masthead kind) with a
    date, an issue number or a registration number in it: a line of its own wherever it stands
    (``国内统一刊号：CN37-0836　　邮发代号：23-117``, ``2023年11月3日　农历癸卯年九月二十　星期五``)."""
    if len(line.key) > 40:
        return False
    kinds = {k for k, _, _ in fields_of(line.text)}
    # the 报眼's weather with its temperature (今日天气：晴　12℃～24℃) is numbered too
    weather = "weather" in kinds and any(WEATHER_RE.match(re.sub(r"\s+", "", line.text[a:b])) and re.search(r"\d", line.text[a:b])
                                         for _, a, b in fields_of(line.text))
    return bool(kinds) and kinds <= MASTHEAD_KINDS and (bool(kinds & NUMBERED_KINDS) or weather)


def label_first_imprint_line(line: Line) -> bool:
    """*line* (40 characters at most) is a masthead line of responsibilities printed label first
    and nothing else (``主办：某某县农村商业银行股份有限公司　　编印：某某银行党建工作部``): every field
    an imprint (:data:`IMPRINT_LABEL_RE`, 主办/编印/出版/承办/协办 + colon + body) or of another
    masthead kind, at least one printed label first, and no clause or sentence punctuation but
    the labels' colons. GB/T 9704-2012 7.2 puts the 发文机关 in the 版头, and a paper's 报头 names
    its 主办 and 编印/出版 bodies so: the colon is a label's, no clause's, and the line is no
    running text (a prose sentence with a colon names no body after a label alone)."""
    if len(line.key) > 40:
        return False
    labelled = False
    for kind, a, b in fields_of(line.text):
        key = re.sub(r"\s+", "", line.text[a:b])
        if kind not in MASTHEAD_KINDS:
            return False
        m = IMPRINT_LABEL_RE.match(key) if kind == "imprint" else None
        if m:
            labelled = True
            key = m.group(2)
        if any(c in "，,。；;：:！？!?" for c in key):
            return False
    return labelled


@dataclass
class Masthead:
    """What the masthead says; every value comes from the source (nothing invented).

    ``blocks`` is the ordered list of ``(kind, [Line, …])`` for ``<front>``: a line of several
    fields is its own block of kind ``fields`` (its fields from :func:`fields_of`); consecutive
    lines of one kind (a two-line registration number, a date printed over three lines) form one
    block. Kinds are those of :func:`classify_field`. ``when`` is the issue date (ISO 8601:
    ``2020-02-29`` or ``2020-01``); ``printed`` the printing date; numbers are ``int`` or
    ``None``; ``publishers`` the bodies that issue it (编印, 出版; a joint briefing has two),
    ``sponsor`` the body a paper is the organ of (主办, 机关报), ``supporters`` the bodies that run
    it for the sponsor (承办, 协办); ``special`` a special issue's name and its own number
    (``增刊``, ``增刊2``: :data:`SPECIAL_ISSUE_RE`) and ``special_text`` its words as printed,
    whitespace removed.
    """

    blocks: list[tuple[str, list[Line]]] = field(default_factory=list)
    title: str | None = None
    title_sub: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    publisher_verb: str | None = None
    publishers: list[str] = field(default_factory=list)
    sponsor: str | None = None
    #: the bodies printed after the sponsor on its 主办 line, set apart by gaps (``主办：中共…工作委员会　
    #: …办事处``): sponsors with it (each is still read as any body the masthead names)
    co_sponsors: list[str] = field(default_factory=list)
    #: ``(verb, body)`` of the bodies that run or help run it (承办, 协办: :data:`SUPPORT_VERBS`)
    supporters: list[tuple[str, str]] = field(default_factory=list)
    when: str | None = None
    date_text: str | None = None
    printed: str | None = None
    printed_text: str | None = None
    issue: int | None = None
    issue_text: str | None = None
    special: str | None = None
    special_text: str | None = None
    #: the special issue's name stands on a line of its own, no issue number beside it (``特　　刊``
    #: under the masthead's ``第15期（总第1462期）``), not ``第6期增刊``
    special_alone: bool = False
    issue_total: int | None = None
    volume: int | None = None
    volume_text: str | None = None
    pages: int | None = None
    pages_text: str | None = None
    notices: list[str] = field(default_factory=list)
    registration: str | None = None
    cn: str | None = None
    postal: str | None = None
    weekday: str | None = None
    lunar: str | None = None
    rule_marks: list[str] = field(default_factory=list)
    #: the names the 版头's 签发 field prints (GB/T 9704-2012 7.2.5 签发人), whitespace removed
    signers: list[str] = field(default_factory=list)
    #: the 版头's document number (发文字号, GB/T 9704-2012 7.2.4), whitespace removed
    doc_number: str | None = None

    @property
    def is_newsletter(self) -> bool:
        """A newspaper prints a day, a weekday, a lunar date or a per-year issue number."""
        return bool(self.weekday or self.lunar or self.issue is not None or self.title_en) and bool(
            self.title
        )


#: A periodical has at most this many issues a year (a daily); a lone ``第N期`` above it is the
#: running (cumulative) number a paper prints alone.
MAX_ISSUES_A_YEAR = 366

CN_NUMERALS = {c: k for k, c in enumerate("一二三四五六七八九十", start=1)}


def numeral(text: str) -> int | None:
    """An arabic (``12``) or Chinese (``十二``, ``二十``) number up to 99, else ``None``."""
    t = text.strip()
    if t.isdigit():
        return int(t)
    if not t or any(c not in CN_NUMERALS for c in t) or len(t) > 3:
        return None
    if t == "十":
        return 10
    if "十" in t:
        tens, _, ones = t.partition("十")
        return (CN_NUMERALS[tens] if tens else 1) * 10 + (CN_NUMERALS[ones] if ones else 0)
    return CN_NUMERALS[t] if len(t) == 1 else None


def _take(mh: Masthead, kind: str, text: str) -> None:
    """Record the value of one field of *kind* (its *text*, whitespace as printed)."""
    key = re.sub(r"\s+", "", text)
    if kind == "title" and mh.title is None:
        # a letter-spaced title (工 作 简 报: the spacing is the print's, not the name's)
        mh.title = key if re.fullmatch(r"\S(?:[ \t\u3000]+\S){1,}", text.strip()) and all(
            len(w) == 1 for w in text.split()) else text.strip()
    elif kind == "subtitle" and mh.title_sub is None:
        mh.title_sub = key
    elif kind == "title-en" and mh.title_en is None:
        mh.title_en = text.strip()
    elif kind == "date" and mh.when is None:
        m = DATE_RE.match(arabic_date(key))
        assert m is not None
        mh.when = _iso(*m.group(1, 2, 3))
        mh.date_text = m.group(0) if DATE_RE.match(key) else CN_DATE_RE.match(key).group(0)
    elif kind == "date-part":
        if DAY_RE.match(key) and mh.when and len(mh.when) == 7:
            mh.when = f"{mh.when}-{int(key):02d}"
            mh.date_text = (mh.date_text or "") + f"{int(key)}日"
        elif WEEKDAY_RE.match(key):
            mh.weekday = key
    elif kind == "printed":
        m = PRINTED_RE.match(arabic_date(key))
        assert m is not None
        mh.printed = _iso(*m.group(1, 2, 3))
        mh.printed_text = key[: -len(m.group(4))]
    elif kind == "lunar":
        mh.lunar = key
    elif kind == "edition":
        dated = DATE_RE.match(arabic_date(key))
        if dated and mh.when is None:
            # the issue's date opens its number field (2024年5月（总第29期）: a monthly dated by the
            # month it covers, its running number in brackets after it): the date of the issue
            _take(mh, "date", key[:len(dated.group(0))] if DATE_RE.match(key) else CN_DATE_RE.match(key).group(0))
        special = SPECIAL_ISSUE_RE.match(key)
        if special and mh.special is None:
            own = numeral(special.group("n") or special.group("cn") or "")
            mh.special = special.group("name") + (str(own) if own is not None else "")
            mh.special_text = special.group("special")
            mh.special_alone = special.start("special") == 0 and special.end("special") == len(key)
        if special:  # the numbers beside it (第6期增刊, 增刊（总第119期）) are read as usual
            key = key[:special.start("special")] + key[special.end("special"):]
        m = ISSUE_RE.search(re.sub(TOTAL_RE, "", key))
        if m and int(m.group(1)) > MAX_ISSUES_A_YEAR and not TOTAL_RE.search(key) and mh.issue_total is None:
            mh.issue_total = int(m.group(1))  # no year has so many issues: a running number
        elif m and mh.issue is None:
            mh.issue = int(m.group(1))
            mh.issue_text = m.group(0)
        m = TOTAL_RE.search(key)
        if m and mh.issue_total is None:
            mh.issue_total = int(m.group(1))
        m = VOLUME_RE.search(key)
        if m and mh.volume is None:
            mh.volume = int(m.group(1))
            mh.volume_text = m.group(0)
    elif kind == "pages":
        m = PAGES_RE.match(key)
        assert m is not None
        mh.pages, mh.pages_text = numeral(m.group(1)), key
    elif kind == "notice":
        mh.notices.append(text.strip())
    elif kind == "registration":
        # a labelled number (准印证号：（冀）内资准字…): the identifier is the value, not its label; a
        # label naming the certificate itself (内部资料准印证：（豫）…, no 号) stays, as the unlabelled
        # 河南省连续性内部资料准印证（豫）… keeps its name
        label = re.match(r"^[^\d：:（）()]{1,9}号[：:]", key) if mh.registration is None else None
        mh.registration = (mh.registration or "") + (key[label.end():] if label and len(key) > label.end() else key)
    elif kind == "cn":
        mh.cn = CN_RE.search(text).group(0).replace("国内统一连续出版物号", "").strip()
    elif kind == "postal":
        mh.postal = re.sub(r"\s+", "", POSTAL_RE.search(key).group(1))
    elif kind == "rule":
        mh.rule_marks.append(key)
    elif kind == "signer":
        mh.signers += SIGNER_RE.match(key).group(1).split("、")
    elif kind == "docnumber":
        mh.doc_number = mh.doc_number or key
    elif kind in ("imprint", "org"):
        m = imprint_parts(key) if kind == "imprint" else None
        body, verb = (m[0], m[1]) if m else (key, None)
        if verb in SPONSOR_VERBS:
            mh.sponsor = mh.sponsor or body
            return
        if verb in SUPPORT_VERBS:
            mh.supporters.append((verb, body))
            return
        if body not in mh.publishers:  # the body named twice (letter-spaced over the title, again on
            mh.publishers.append(body)  # the 编印 line) is one publisher
        if mh.publisher is None:
            mh.publisher, mh.publisher_verb = body, verb


#: a masthead line that names the kind of bulletin alone (工作简报, 信息专报, 督查通报 …): printed
#: under the body's or place's name, it is the second line of one title
TITLE_GENRE_RE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:简报|简讯|快讯|通报|专报|快报|信息|通讯|动态|要情)")


def _page_label(line) -> bool:
    """*line* is a newspaper's page label (``第1版·要闻``, ``一版　要闻``) or a 报眉 line (the page
    label beside the date: ``第1版　要闻　萍垸报　2025年10月24日``)."""
    from convert.reader.layout import is_page_label

    return is_page_label(line)


def read_masthead(lines: list[Line]) -> Masthead:
    """Classify masthead *lines* and collect the issue's data (see :class:`Masthead`).

    Consecutive lines of one kind (a two-line registration notice; a date, its day and weekday
    printed on separate lines) form one block; a line of several fields is a block of its own.
    """
    mh = Masthead()
    for line in lines:
        fields = fields_of(line.text)
        prev = mh.blocks[-1] if mh.blocks else None
        if mh.title is None and all(kind == "page-label" for kind, _ in mh.blocks) and _page_label(line):
            # (the label's 报眉 under it too: ``第1版：要闻`` / ``2025年10月17日　星期五　第1版　要闻``)
            # the front page's label printed above the masthead (第1版·要闻, or the 报眉 with the
            # paper's name and date: the e-paper's page label first): the page's furniture, not the
            # periodical's title
            mh.blocks.append(("page-label", [line]))
            continue
        if len(fields) > 1:
            mh.blocks.append(("fields", [line]))
            sponsoring = False  # the fields go on a 主办 field: the bodies it names
            for kind, a, b in fields:
                if kind == "title" and mh.title is not None:
                    kind = "notice"
                if sponsoring and kind == "org":
                    mh.co_sponsors.append(line.text[a:b].strip())
                else:
                    m = imprint_parts(line.text[a:b].strip()) if kind == "imprint" else None
                    sponsoring = bool(m) and m[1] in SPONSOR_VERBS
                _take(mh, kind, line.text[a:b])
            continue
        kind = fields[0][0] if fields else "title"
        key = line.key
        if kind == "date-part" and prev and prev[0] == "date":
            prev[1].append(line)
            _take(mh, kind, key)
            continue
        if kind == "date-part":
            kind = "notice"
        if kind == "registration" and prev and prev[0] == "registration":
            prev[1].append(line)
            _take(mh, kind, key)
            continue
        if (kind == "title" and mh.title is not None and prev is not None and prev[0] == "title"
                and len(prev[1]) == 1 and prev is mh.blocks[-1] and not TITLE_GENRE_RE.search(prev[1][0].key)
                and TITLE_GENRE_RE.fullmatch(key)):
            # the name over two lines (桐 泽 人 大 / 工 作 简 报): the second line names the kind
            # of bulletin only, the first the body or place: one title
            prev[1].append(line)
            mh.title += key
            continue
        if (kind == "title" and mh.title is not None and prev is not None and prev[0] == "edition"
                and special_issue_title(prev[1][-1].key, key)):
            # the special issue's own title under its 特刊 label: a subtitle of the title page (no
            # subtitle of the periodical's name: mh.title_sub stays as it was)
            mh.blocks.append(("subtitle", [line]))
            continue
        if kind == "title" and mh.title is not None:
            kind = "notice"
        mh.blocks.append((kind, [line]))
        _take(mh, kind, line.text)
    return mh
