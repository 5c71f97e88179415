"""The masthead: the lines above the contents list or the first article.

Each masthead line is classified by its own shape (a date, an issue number, an imprint …) and
becomes one child of ``<titlePage type="masthead">`` (TEI P5 §4.6 "Title Pages"); the values
that describe the printed issue also go to ``sourceDesc/biblStruct/monogr`` (TEI P5 §2.2.7,
§3.12.2). This module only reads lines; the elements are built in :mod:`convert.reader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from convert.reader.lines import Line

DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
PRINTED_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(印|印刷|印发)$")
ISSUE_DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(出版)?$")
DAY_RE = re.compile(r"^(\d{1,2})$")
WEEKDAY_RE = re.compile(r"^(星期|礼拜|周)[一二三四五六日天]$")
LUNAR_RE = re.compile(r"^(农历)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S*$")
ISSUE_RE = re.compile(r"第\s*(\d+)\s*期")
VOLUME_RE = re.compile(r"第\s*(\d+)\s*卷")
#: Imprint verbs that state publication (an imprint, ``docImprint``); the others (编, 编辑, 主办)
#: state responsibility for the content (a ``byline``).
PUBLISHING_VERBS = ("出版", "编印")
#: Notices that restrict a printed issue's distribution (内部资料: internal material); they make
#: the header's ``availability`` ``restricted``.
RESTRICTED_RE = re.compile(r"内部资料|内部刊物|内部发行|注意保存")
#: A masthead notice that gives a telephone number or address (``监督电话 67183172``).
CONTACT_RE = re.compile(r"电话|热线|邮箱|地址|传真")
TOTAL_RE = re.compile(r"总\s*第\s*(\d+)\s*期")
IMPRINT_RE = re.compile(r"^(.{2,40}?)\s*(出版|编印|编辑|主办|编)$")
REGISTRATION_RE = re.compile(r"内资|准印|刊号|【[^】]+】\s*\d+\s*号|^[（(]?[^()（）]{1,12}[）)]?\d{3,}号$")
ENGLISH_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .,&'’-]*$")
NOTICE_RE = re.compile(r"内部资料|免费交流|注意保存|内部刊物|监督电话|电话|热线")


@dataclass
class Masthead:
    """What the masthead says; every value comes from the source (nothing invented).

    ``blocks`` is the ordered list of ``(kind, [Line, …])`` for ``<front>``; kinds are
    ``title``, ``title-en``, ``date``, ``lunar``, ``printed``, ``imprint``, ``edition``,
    ``registration``, ``notice``. ``when`` is the issue date (ISO 8601: ``2020-02-29`` or
    ``2020-01``); ``printed`` the printing date; numbers are ``int`` or ``None``.
    """

    blocks: list[tuple[str, list[Line]]] = field(default_factory=list)
    title: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    when: str | None = None
    date_text: str | None = None
    printed: str | None = None
    printed_text: str | None = None
    issue: int | None = None
    issue_text: str | None = None
    issue_total: int | None = None
    volume: int | None = None
    volume_text: str | None = None
    publisher_verb: str | None = None
    notices: list[str] = field(default_factory=list)
    registration: str | None = None
    weekday: str | None = None
    lunar: str | None = None

    @property
    def is_newsletter(self) -> bool:
        """A newspaper prints a day, a weekday, a lunar date or a per-year issue number."""
        return bool(self.weekday or self.lunar or self.issue is not None or self.title_en) and bool(
            self.title
        )


def _iso(y: str, m: str, d: str | None) -> str:
    return f"{int(y):04d}-{int(m):02d}" + (f"-{int(d):02d}" if d else "")


def classify(text: str) -> str:
    """The kind of one masthead line (see :class:`Masthead`), from its shape alone."""
    t = re.sub(r"\s+", "", text)
    if PRINTED_RE.match(t):
        return "printed"
    if ISSUE_DATE_RE.match(t):
        return "date"
    if DAY_RE.match(t) or WEEKDAY_RE.match(t):
        return "date-part"
    if LUNAR_RE.match(t):
        return "lunar"
    if (ISSUE_RE.search(t) or VOLUME_RE.search(t)) and len(t) <= 20:
        return "edition"
    if REGISTRATION_RE.search(t):
        return "registration"
    if IMPRINT_RE.match(t) and not NOTICE_RE.search(t):
        return "imprint"
    if ENGLISH_RE.match(text.strip()):
        return "title-en"
    if NOTICE_RE.search(t):
        return "notice"
    return "title"


def read_masthead(lines: list[Line]) -> Masthead:
    """Classify masthead *lines* and collect the issue's data.

    Consecutive lines of one kind (a two-line registration notice; a date, its day and weekday
    printed on separate lines) form one block.
    """
    mh = Masthead()
    for line in lines:
        kind = classify(line.text)
        key = line.key
        prev = mh.blocks[-1] if mh.blocks else None
        if kind == "date-part" and prev and prev[0] == "date":
            prev[1].append(line)
            if DAY_RE.match(key) and mh.when and len(mh.when) == 7:
                mh.when = f"{mh.when}-{int(key):02d}"
                mh.date_text = (mh.date_text or "") + f"{int(key)}日"
            elif WEEKDAY_RE.match(key):
                mh.weekday = key
            continue
        if kind == "date-part":
            kind = "notice"
        if kind == "registration" and prev and prev[0] == "registration":
            prev[1].append(line)
            mh.registration = (mh.registration or "") + key
            continue
        if kind == "title" and mh.title is not None:
            kind = "notice"
        mh.blocks.append((kind, [line]))
        if kind == "title":
            mh.title = line.text.strip()
        elif kind == "title-en" and mh.title_en is None:
            mh.title_en = line.text.strip()
        elif kind == "date" and mh.when is None:
            m = DATE_RE.match(key)
            assert m is not None
            mh.when = _iso(*m.group(1, 2, 3))
            mh.date_text = m.group(0)
        elif kind == "printed":
            m = PRINTED_RE.match(key)
            assert m is not None
            mh.printed = _iso(*m.group(1, 2, 3))
            mh.printed_text = key[: -len(m.group(4))]
        elif kind == "lunar":
            mh.lunar = key
        elif kind == "edition":
            m = ISSUE_RE.search(re.sub(TOTAL_RE, "", key))
            if m:
                mh.issue = int(m.group(1))
                mh.issue_text = m.group(0)
            m = TOTAL_RE.search(key)
            if m:
                mh.issue_total = int(m.group(1))
            m = VOLUME_RE.search(key)
            if m:
                mh.volume = int(m.group(1))
                mh.volume_text = m.group(0)
        elif kind == "notice":
            mh.notices.append(line.text.strip())
        elif kind == "registration":
            mh.registration = key
        elif kind == "imprint" and mh.publisher is None:
            m = IMPRINT_RE.match(key)
            assert m is not None
            mh.publisher = m.group(1)
            mh.publisher_verb = m.group(2)
    return mh
