"""The genre of an issue, decided first, from weighed evidence.

Chinese official periodicals share their parts but not their conventions, and the passes after
this one read a line differently by genre (a ``责任编辑：`` line closes a newspaper's page but is a
field of a journal's colophon; two title lines in a row are a newspaper's 引题 and 正题). Three
families, each with its sources:

- **briefing** (工作简报, 信息, 督查通报; ``biblStruct/@type="briefing"``): a 版头 with the 编印
  unit and the date on one line under the issue number, a red rule, the 报/送/发 or 抄送 lines
  and the 印发 line of the 版记 (GB/T 9704-2012 7.2, 7.4), 编者按/按, （…供稿） credits;
- **journal** (史志工作通讯, ``journal``; a monthly named by its month, ``monthly``): a contents
  list with leaders and pages (or with authors and pages, GB/T 3179-2009 目次), 【】 columns, author lines, a colophon of 主办/主编/印数/准印证号
  (内部资料性出版物管理规定);
- **newspaper** (``newsletter``): weekday, lunar date and page count in the masthead, page labels
  (第N版), 本报讯, 本版责编 lines, photo credits (摄), jump lines (下转第N版).

Each piece of evidence has a weight; the family with the largest sum wins. ``cert`` is ``None``
when it leads by 3 or more and has 4 or more, else ``medium`` (``low`` when nothing speaks for
any). The decision and its evidence are kept for ``--explain`` and the header; ``--genre``
overrides it (:data:`GENRES`).

Pass :func:`decide_genre`: it may set the :class:`LogicalText`'s ``genre``; it reads the lines
and the masthead found before, and changes neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from convert.reader.body import CONTINUATION_RE
from convert.reader.lines import Line
from convert.reader.logical.state import LogicalText
from convert.reader.masthead import Masthead, fields_of

#: The values of ``biblStruct/@type`` (and of ``--genre``).
GENRES = ("briefing", "journal", "monthly", "newsletter")
FAMILIES = ("briefing", "journal", "newspaper")
FAMILY_OF = {"briefing": "briefing", "journal": "journal", "monthly": "journal", "newsletter": "newspaper"}

BRIEFING_TITLE_RE = re.compile(r"简报|通报|专报|快报|要情|信息|动态|参阅|督查|情况反映|内参|工作交流")
JOURNAL_TITLE_RE = re.compile(r"通讯|史志|方志|地方志|志鉴|党史|文史|年鉴|月刊|季刊|研究|学刊")
NEWSPAPER_TITLE_RE = re.compile(r"(?<![简通专快情学年])报$|时讯$|新闻$")
#: A page label: ``第01版：要闻``, ``第一版　要闻``, ``第二版``.
PAGE_LABEL_HINT_RE = re.compile(r"^第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:[：:\s\u3000]|$)")
LEAD_IN_HINT_RE = re.compile(r"^本报讯|^(?:新华社|中新社|本报)\S{0,12}\d{1,2}\s*月\s*\d{1,2}\s*日\s*电")
PAGE_CREDIT_HINT_RE = re.compile(r"^(?:本版)?(?:责编|责任编辑|编辑|美编|美术编辑|版式|校对)\s*[：:].*(?:校对|美编|版式)\s*[：:]"
                                 r"|^本版(?:责编|编辑)\s*[：:]")
CAPTION_HINT_RE = re.compile(r"(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff]{2,3}\s*摄\s*[）)]?$")
DISTRIBUTION_HINT_RE = re.compile(r"^(?:报|送|发|抄送|主送|分送|抄报)\s*[：:]")
ISSUED_HINT_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
EDITORIAL_HINT_RE = re.compile(r"^(?:编者按|编后|按)\s*[：:]")
SUPPLIED_HINT_RE = re.compile(r"^[（(][^（）()]{2,30}供稿[）)]$")
COLUMN_HINT_RE = re.compile(r"^【[^】]{2,10}】$")
AUTHOR_HINT_RE = re.compile(r"^文\s*[/／]\s*\S")
JOURNAL_COLOPHON_RE = re.compile(r"^(?:主编|副主编|准印证号|印数|主办)\s*[：:]")


@dataclass
class Evidence:
    """One piece of evidence: the ``family`` it speaks for, its ``weight``, ``why`` in words and
    the source ``line`` number (``None`` for the masthead as a whole)."""

    family: str
    weight: float
    why: str
    line: int | None = None


@dataclass
class GenreDecision:
    """What :func:`weigh` decided: ``genre`` (a value of :data:`GENRES`), its ``family``,
    ``cert`` (``None``, ``medium`` or ``low``), the ``scores`` per family, the ``evidence``, and
    ``forced`` when ``--genre`` gave it."""

    genre: str
    family: str
    cert: str | None
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    forced: bool = False
    decided: str = ""

    def describe(self) -> list[str]:
        """The decision and its evidence in words, one line each (``--explain``, the header)."""
        if self.forced:
            head = (f"genre {self.genre} ({self.family}): given with --genre (the evidence below would have "
                    f"decided {self.decided})")
        else:
            score = ", ".join(f"{f} {self.scores.get(f, 0):g}" for f in FAMILIES)
            head = (f"genre {self.genre} ({self.family}), from weighed evidence: {score}"
                    + (f" [@cert={self.cert}]" if self.cert else ""))
        out = [head]
        for e in sorted(self.evidence, key=lambda e: (-e.weight, e.line or 0)):
            where = f"line {e.line}: " if e.line else "masthead: "
            out.append(f"+{e.weight:g} {e.family}: {where}{e.why}")
        return out


def _masthead_evidence(mh: Masthead, mast: list[Line]) -> list[Evidence]:
    out: list[Evidence] = []
    title = re.sub(r"\s+", "", mh.title or "")
    if title:
        if BRIEFING_TITLE_RE.search(title):
            out.append(Evidence("briefing", 3, f"the title {title!r} names a briefing (简报, 通报, 信息 …)"))
        if JOURNAL_TITLE_RE.search(title + (mh.title_sub or "")):
            out.append(Evidence("journal", 3, f"the title {title + (mh.title_sub or '')!r} names a journal "
                                              "(通讯, 史志, 方志 …)"))
        if NEWSPAPER_TITLE_RE.search(title):
            out.append(Evidence("newspaper", 3, f"the title {title!r} names a newspaper (…报, …时讯)"))
    if mh.weekday:
        out.append(Evidence("newspaper", 2, f"a weekday beside the date ({mh.weekday})"))
    if mh.lunar:
        out.append(Evidence("newspaper", 1, "a lunar date beside the date"))
    if mh.pages is not None:
        out.append(Evidence("newspaper", 3, f"a page count ({mh.pages_text})"))
    if mh.cn or mh.postal:
        out.append(Evidence("newspaper", 1, "a CN number or 邮发代号 (GB/T 9999)"))
    if mh.sponsor:
        out.append(Evidence("newspaper", 1, f"a sponsoring body ({mh.sponsor} 主办 / 机关报)"))
    if mh.title_en:
        out.append(Evidence("newspaper", 1, "an English title line"))
    if mh.rule_marks:
        out.append(Evidence("briefing", 1, "a mark of the red rule under the 版头 (★, or the rule typed ━━━; GB/T 9704 7.2.6)"))
    if mh.issue is not None and mh.when and len(mh.when) == 7:
        out.append(Evidence("journal", 1, "a per-year issue number and a month (a periodical's 期)"))
    if mh.issue is None and mh.when and len(mh.when) == 7 and not mh.title:
        out.append(Evidence("journal", 2, "no title, the issue named by its month (a monthly)"))
    for note in mh.notices:
        if re.search(r"注意保存|内部参阅|秘密|机密|绝密", note):
            out.append(Evidence("briefing", 1, f"a handling notice in the 版头 ({note})"))
        elif "免费交流" in note:
            out.append(Evidence("journal", 0.5, f"内部资料，免费交流 in the masthead ({note})"))
    for kind, block in mh.blocks:
        line = block[0]
        kinds = [k for k, _, _ in fields_of(line.text)]
        if kind in ("fields", "date") and len(kinds) > 1 and kinds[0] in ("org", "imprint") and "date" in kinds \
                and mh.when and len(mh.when) == 10:
            out.append(Evidence("briefing", 2, "the 编印 unit and the date on one line under the issue number "
                                               "(a 版头, GB/T 9704 7.2)", line.no))
    return out


def _line_evidence(lines: list[Line], contents) -> list[Evidence]:
    out: list[Evidence] = []
    counts: dict[str, list[int]] = {}

    def seen(key: str, line: Line) -> None:
        counts.setdefault(key, []).append(line.no)

    for line in lines:
        k, text = line.key, line.text.strip()
        if PAGE_LABEL_HINT_RE.match(k) and len(k) <= 16:
            seen("page-label", line)
        if LEAD_IN_HINT_RE.match(k):
            seen("lead-in", line)
        if PAGE_CREDIT_HINT_RE.match(k):
            seen("page-credit", line)
        if CAPTION_HINT_RE.search(text):
            seen("caption", line)
        if CONTINUATION_RE.search(text) or re.match(r"^[（(]\s*上接", text):
            seen("jump", line)
        if DISTRIBUTION_HINT_RE.match(k):
            seen("distribution", line)
        if ISSUED_HINT_RE.search(k):
            seen("issued", line)
        if EDITORIAL_HINT_RE.match(k):
            seen("editorial", line)
        if SUPPLIED_HINT_RE.match(k):
            seen("supplied", line)
        if COLUMN_HINT_RE.match(k):
            seen("column", line)
        if AUTHOR_HINT_RE.match(k) and len(k) <= 12:
            seen("author", line)
        if JOURNAL_COLOPHON_RE.match(k):
            seen("journal-colophon", line)
    table = [
        ("page-label", "newspaper", 3, "page labels (第N版)"),
        ("lead-in", "newspaper", 2, "本报讯 lead-ins"),
        ("page-credit", "newspaper", 2, "per-page credit lines (本版责编, 校对)"),
        ("caption", "newspaper", 1, "photo credits (… 摄)"),
        ("jump", "newspaper", 1, "jump lines (下转/上接第N版)"),
        ("distribution", "briefing", 3, "distribution lines of a 版记 (报/送/发, 抄送; GB/T 9704 7.4.2)"),
        ("issued", "briefing", 2, "an 印发 line (GB/T 9704 7.4.3)"),
        ("editorial", "briefing", 1, "an editor's note (编者按, 按)"),
        ("supplied", "briefing", 1, "（…供稿） credits"),
        ("column", "journal", 2, "【】 columns"),
        ("author", "journal", 1, "author lines (文／…)"),
        ("journal-colophon", "journal", 1, "a colophon of 主办/主编/印数/准印证号"),
    ]
    for key, family, weight, why in table:
        where = counts.get(key)
        if where:
            extra = 1 if key in ("lead-in", "page-label") and len(where) >= 3 else 0
            out.append(Evidence(family, weight + extra, f"{why}: {len(where)}", where[0]))
    if contents is not None:
        if contents.head is not None and re.search(r"导读|看点", contents.head.key):
            out.append(Evidence("newspaper", 1, "a 本期导读 list", contents.head.no))
        elif contents.head is not None and "要目" in contents.head.key:
            out.append(Evidence("briefing", 1, "a 本期要目 list", contents.head.no))
        elif any(e.page is not None and not e.spans.get("page") for e in contents.entries):
            out.append(Evidence("journal", 2, "a contents list with leaders and page numbers",
                                (contents.head or contents.entries[0].lines[0]).no))
        elif sum(1 for e in contents.entries if e.page is not None and "author" in e.spans) >= 2:
            # a 目次 that prints title, author and page (GB/T 3179-2009), no leaders: a journal's
            out.append(Evidence("journal", 2, "a contents list of titles, authors and pages (目次)",
                                (contents.head or contents.entries[0].lines[0]).no))
    return out


def weigh(lines: list[Line], mh: Masthead, mast: list[Line], contents) -> GenreDecision:
    """Weigh the evidence of an issue's *lines* (its masthead *mh* read from the lines *mast*,
    its *contents* list or ``None``) and decide its genre (see the module docstring)."""
    evidence = _masthead_evidence(mh, mast) + _line_evidence(lines, contents)
    scores = {f: sum(e.weight for e in evidence if e.family == f) for f in FAMILIES}
    ranked = sorted(FAMILIES, key=lambda f: (-scores[f], FAMILIES.index(f)))
    best, second = ranked[0], ranked[1]
    if scores[best] == 0:
        family, cert = ("newspaper" if mh.is_newsletter else "journal"), "low"
    else:
        family = best
        cert = None if scores[best] >= 4 and scores[best] - scores[second] >= 3 else "medium"
    genre = {"briefing": "briefing", "newspaper": "newsletter"}.get(family)
    if genre is None:  # a journal named by its month, with no per-year number, is a monthly
        monthly = mh.issue is None and mh.when is not None and len(mh.when) == 7 and not mh.title
        genre = "monthly" if monthly or "月刊" in (mh.title or "") else "journal"
    return GenreDecision(genre, family, cert, scores, evidence)


def decide_genre(doc: LogicalText) -> None:
    """Genre: briefing, journal (or monthly) or newspaper, from the weighed evidence of the
    masthead and the lines (:func:`weigh`), unless ``--genre`` gave it."""
    assert doc.masthead is not None
    decision = weigh(doc.lines, doc.masthead, doc.lines[: doc.mast_end], doc.contents)
    if doc.genre_override:
        decision.decided = decision.genre
        decision.genre, decision.family = doc.genre_override, FAMILY_OF[doc.genre_override]
        decision.forced, decision.cert = True, None
    doc.genre = decision
