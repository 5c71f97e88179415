"""What each body line is, before the body is built: the parts every official periodical shares.

One pass per family of parts; each gives a body line a :class:`Role` (kind, data, evidence)
that the body builder (:mod:`convert.reader.logical.body`) turns into TEI, and never re-reads a
line another pass took. The rules are the conventions', not any sample's:

- page labels (newspaper practice: ``第01版：要闻``, ``第一版　要闻``, the 报眉 line ``漳阳报　2022年
  3月11日　星期五　第二版　综合``, the e-paper's page tag ``01　要闻`` where a page begins) →
  ``page-label`` (``pb/@n`` + ``fw type="header"``);
- the credit line that closes a newspaper page (本版责编/本版编辑 … 校对/责任校对 …) → ``page-credit``
  (``fw type="footer"``);
- photo captions, which must name the photographer (``…。　记者 XX 摄``), and numbered figure
  captions (``图一　title``: 图序 and 图题, GB/T 7713.1-2006 §4.6.6) → ``caption``;
- editor's notes (编者按：, 按：, 编后：) → ``editorial``;
- news lead-ins (消息头: ``本报讯（记者 …）``, ``新华社…电``) → ``lead-in``;
- author lines under a title (``文／X``, ``□ X``, ``本报记者 X``, a unit and a name, an office and a
  name ``县政协委员　X`` or offices joined by 、 ``县政协委员、X乡卫生院副院长　X``, a bare name)
  → ``byline``; credits after the text on a line of their own (``（…供稿）``, ``（单位　姓名）``)
  → ``credit``;
- column names (【工作动态】; a 副刊's own name after its page label; a short name over signed
  titles, 委员发言摘编 over speeches) → ``section``;
- numbered sub-headings of GB/T 15834-2011 B.3.8 (一、 （一） 1. （1）) on a line of their own →
  ``subhead`` with the level (a run-in one, ending in 。, is no heading);
- verse (short lines without closing punctuation, under a title and an author line; classical
  verse set line by line under its title and author line: 律诗/绝句 a couplet of equal halves to a
  line, a 词 under a title naming its form or of 词牌 shape) → ``verse``;
- run-in heads of brief items (bold, or after a bullet up to a wide gap) → ``brief``;
- 附件： lines (GB/T 9704-2012 7.3.6) → ``attachment``;
- footnotes at a page's foot (页下注: ``① …`` above the folio, the sign printed in the text above)
  → ``footnote`` (their wrapped lines joined first);
- tables set in plain text (rows of cells apart by wide gaps, a 附表/表N title above) → ``table``
  (TEI P5 §14.1.1).

The passes may touch the :class:`LogicalText`'s ``roles`` and the evidence of its lines, nothing
else.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from convert.reader.body import BYLINE_LINE_RE, BRIEF_RE, CONTINUATION_LEAD_RE, CONTINUATION_RE, SUBHEAD_RE
from convert.reader.layout import (BULLET_CHARS, serial_header, serial_row, ideographic_cells, directory_entry, gap_at_end, tab_cells, thin_cells, thin_figure_row, CASE_PART_RE, unit_label, CELL_MAX, FORM_FIELD_RE, PIPE_RULE_RE, TERMINAL, FIGURE_CELL_RE, brief_by_unit, figure_caption, artwork_caption, figure_row, TABLE_LABEL_RE, TABLE_TITLE_RE, after_clause_mark, cell_spans, colophon_fields, column_row, gap_field, tab_pair,
                                   heading_shape, page_credit, paragraph_shape, table_row, unfinished)
from convert.reader.lines import WS_RE, Line, Milestone, is_mark
from convert.reader.logical.back import is_page_credit, rule_line
from convert.reader.logical.state import LogicalText, Role
from convert.reader.masthead import fields_of, masthead_field_line, numeral
from convert.reader.names import ORG_END_RE, SURNAMES, is_org_name, is_signing_unit, looks_like_person
from convert.reader.physical import DATE_LEAD_RE, HEAD_SIBLING, PHOTO_CREDIT_END_RE, as_wide_as_wrapped, indent_width, contact_line, clause_free, indent_marked_lines, opens_indented, sentence_final, whole_bracket

#: A page label: ``第01版：要闻``, ``第一版要闻`` (whitespace removed), ``第二版``.
PAGE_LABEL_RE = re.compile(r"^第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})版(?:[：:·\-—]?(?P<name>[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})?))?$")
#: A page label printed without 第 (``一版　要闻``, ``二版　经济·三农``): the page's name is set apart
#: from ``N版`` by a space or a separator (read on the line's text, not its key).
BARE_PAGE_LABEL_RE = re.compile(r"^\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})版[\s\u3000：:·\-—]+"
                                r"(?P<name>[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})?)\s*$")
#: A page label printed name first, on a page's outer corner (``综合　第3版``, ``副刊  第4版``): the
#: name, a gap, then 第N版 (the 第 required: a title may end in N版 otherwise).
NAME_FIRST_PAGE_LABEL_RE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})?)(?:\u3000+|[ \t]{2,})"
                                      r"第\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版\s*$")
#: A newspaper's page tag (the e-paper's corner of a page: ``01　要闻``, ``02　综合``): the page
#: number in two digits, a gap, the page's name (see :func:`page_tag` for where it may stand).
PAGE_TAG_RE = re.compile(r"^\s*(?P<n>0[1-9]|[1-9]\d)[ \t\u3000]+(?P<name>[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{1,6})?)\s*$")
#: A page's name in a 报眉's page tag printed beside its number, no 版 (``综合新闻`` of ``2　综合新闻``).
_PAGE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{1,6})?")
#: The page-number field of a 报眉 line: ``第二版``, ``第2版``, ``二版`` (with a date or the paper's
#: title beside it).
PAGE_FIELD_RE = re.compile(r"^第?\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版$")
#: A photographer's name in a photo credit: two or three Han characters, or a two-character name
#: letter-spaced (``俞　岚``: a two-character name is spaced out to the width of three, typesetting
#: practice for names in bylines and credits).
_CREDIT_NAME = r"(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff](?![\u4e00-\u9fff]))"
#: A photo credit ending a caption: ``记者 庞景然 摄``, ``（通讯员 方圆 摄）``, a unit before the name
#: (``县妇联　俞　岚　摄``: a bulletin's photographer is named by the office he works in, as a
#: byline names a unit and a person); or the body that gave the photo, after a gap (``…　供图``).
CAPTION_CREDIT_RE = re.compile(
    r"(?:^|(?<=[\s。！？!?]))(?!(?<=\s\s)\s)(?P<credit>[（(]?\s*(?:(?:本报|特约)?(?:记者|通讯员|摄影记者|摄影|实习生)\s*)?"
    rf"(?:[\u4e00-\u9fff]{{2,10}}[ \u3000]+(?={_CREDIT_NAME}\s*摄))?"
    rf"{_CREDIT_NAME}(?:\s+(?:(?:记者|通讯员)\s*)?{_CREDIT_NAME})*\s*摄\s*[）)]?"
    # a body that gave the photo (``乡农业综合服务中心　供图``): a unit's credit, after a wide gap
    r"|[（(]?[\u4e00-\u9fff]{2,14}[ \u3000]*供图\s*[）)]?"
    # the artist of a drawing or cartoon printed in the paper (``法治漫画：…　　X 作``, 绘), or of a
    # work a journal shows (``《修伞的老周》（2016年）　X　作品``): after a wide gap (find_captions checks it)
    rf"|(?P<artist>{_CREDIT_NAME}[ \u3000]*(?:作品|[作绘])))\s*$")
#: An editor's note: 编者按：, 按：, 编后：, 编后语：, 编者的话：.
EDITORIAL_RE = re.compile(r"^\s*(?P<label>(?:编者按|编后语|编后记|编后|编者的话|按)\s*[：:])")
#: A news lead-in (消息头): ``本报讯（记者 … 通讯员 …）``, ``新华社郑州3月8日电（记者 …）``.
LEAD_IN_RE = re.compile(
    r"^\s*(?P<dateline>本报讯|本刊讯|(?:本报|新华社|中新社)\S{0,10}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电)"
    r"\s*(?P<byline>[（(][^（）()]{1,40}[）)])?")
#: Author lines under a title.
AUTHOR_LINE_RES = (
    re.compile(r"^(?:文|图|文图|图文|作者|撰稿|撰文|整理|口述|采写|执笔|编译|翻译|译)\s*[／/:：]\s*\S.{0,20}$"),
    re.compile(rf"^[{BULLET_CHARS}]\s*[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){{1,5}}$"),
    # the paper's own commentator, unnamed (本报评论员: a 评论员文章's byline, newspaper practice)
    re.compile(r"^(?:本报|本刊|本台)(?:特约)?评论员$"),
    # a team that wrote a report together (``集团党委政策研究室调研组``, 课题组: a 调研报告's byline;
    # two bodies' joint one, ``县委统战部、县工商联联合课题组``)
    re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、]{1,23}(?:调研组|课题组|写作组|编写组)$"),
)
#: The words for what a person did to a text that a byline prints before the name, set off by a
#: space and no separator (``口述　蒋德昌　　整理　苗　青``: an oral history's teller and recorder).
ROLE_WORDS = frozenset(("文", "图", "文图", "图文", "作者", "撰稿", "撰文", "整理", "口述", "采写", "执笔", "编译",
                        "翻译", "译", "记录", "讲述", "摄影"))
#: A person's name of two to four Han characters, maybe letter-spaced (``柳　芸``).
NAME_RE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3}$")
#: A unit and a name on one line: ``区委党史研究室　董立言``.
#: What a person signing for a school class is to it, after the name (``周子墨家长``, ``林小荷老师``).
NAME_ROLES = "家长|老师|同学"
UNIT_NAME_RE = re.compile(r"^(?P<unit>\S.{1,24}?\S)[ \t\u3000]+(?P<name>[\u4e00-\u9fff](?:(?:\u3000| {1,2})?[\u4e00-\u9fff]){1,2}"
                          rf"(?:{NAME_ROLES})?)$")
#: A name and the author's unit after it in round brackets, on one line: ``方晓岚（县总工会办公室）``,
#: ``韩　素（某某纺织有限公司）`` (journal practice: 作者单位 in brackets after the author's name when it
#: is not set on a line of its own under it). The name may be letter-spaced; the unit holds no
#: bracket. One character class per run: linear.
NAME_UNIT_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3})[ \u3000]*"
                          r"(?P<unit>[（(][^（）()]{2,24}[）)])$")
#: The end of a person's office or standing printed before the name on an author line
#: (``县政协委员　X``, ``市人大代表　X``, ``县政协副主席　X``, ``X大学教授　X``): who signs a proposal,
#: a 提案 or a speech in a 人大/政协 bulletin, or an article in a journal.
PERSON_TITLE_END_RE = re.compile(r"(?:委员|代表|常委|主席|主任|书记|[省市州县区镇乡]长|局长|部长|院长|所长|校长|教授|研究员"
                                 r"|董事长|总经理|经理|厂长|行长|会长|医生|医师|园长|教师|老师"
                                 r"|理事长|秘书长|社长|站长|馆长|台长|科长|处长|队长|组长|职工|干部|学员|班长"
                                 # a professional title (职称: 高级农艺师, 畜牧师, 工程师 …)
                                 r"|农艺师|畜牧师|兽医师|工程师|经济师|会计师|审计师|统计师|讲师|律师|规划师)$")  # and a company's posts (国企 speakers), a 商会's or 协会's
#: An office of two characters and a name on an author line (``校长　沈毓华``, ``学员　古月华``).
OFFICE_NAME_RE = re.compile(r"^(?P<office>[\u4e00-\u9fff]{2})[ \t\u3000]+(?P<name>[\u4e00-\u9fff](?:(?:\u3000| {1,2})?[\u4e00-\u9fff]){1,2})$")
#: :data:`NAME_ROLES` after a name of two characters or more, to be set aside before the name is read.
ROLE_AFTER_NAME_RE = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{NAME_ROLES})$")
#: A credit after the text, on a line of its own, in brackets.
CREDIT_LINE_RE = re.compile(r"^[（(]\s*(?P<inner>[^（）()]{2,30}?)\s*[）)]$")
CREDIT_WORD_RE = re.compile(r"供稿|记者|通讯员|撰稿|执笔|整理|摄影|作者|文[／/]|提供")
NOT_CREDIT_RE = re.compile(r"^(?:\d|[一二三四五六七八九十]+[、）)]|上接|下转|转|接|共印|略|注|附|见|详见|摘自|来源|数据来源|资料来源|据)")
#: A working group that wrote a piece, named in brackets at its foot (``（县国资委调研组）``, ``（…课题组）``):
#: a body's name (four characters or more) ending in 组, what a report's 执笔 unit is called.
CREDIT_GROUP_RE = re.compile(r"^[\u4e00-\u9fff]{3,}组$")
#: A credit that names the material a piece was compiled from and the compiling (``据县气象局资料整理``,
#: ``据新华社电讯编写``): 据 opens it, yet it says who stands behind the text, as 供稿 does.
SOURCE_CREDIT_RE = re.compile(r"^据[^，。；：:]{2,24}(?:整理|摘编|编写|编译|改写)$")
#: GB/T 15834-2011 B.3.8 heading numbers, by level (``1、`` is practice for ``1.``).
SUBHEAD_LEVELS = (
    (1, re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})\s*、")),
    (2, re.compile(r"^[（(]\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[）)]")),
    (3, re.compile(r"^(?P<n>\d{1,2})\s*(?:[.．](?!\d)|、)")),
    (4, re.compile(r"^[（(]\s*(?P<n>\d{1,2})\s*[）)]")),
)
COLUMN_RE = re.compile(r"^【[^】]{1,12}】$")
ATTACHMENT_RE = re.compile(r"^\s*附\s*件\s*\d*\s*[：:]")
#: The title of an official document (GB/T 9704-2012 7.3.1: 事由 + 文种; the 文种 of the 党政机关公文处理
#: 工作条例 art. 8): ``关于…的通报``.
DOCUMENT_TITLE_RE = re.compile(r"^关于.{2,60}(?:的)?(?:通报|报告|通知|意见|决定|请示|批复|函|纪要|公告|通告|议案|决议|公报"
                               r"|情况|方案|办法|规定)$")
#: The gap that ends a brief item's run-in head: an ideographic space, a tab, or two spaces.
RUN_IN_GAP_RE = re.compile(r"\u3000+|\t+|[ \t]{2,}")
#: A short word letter-spaced on a line of its own: two to four Han characters, each one apart by
#: one or two spaces (``更　正``, ``通　知``, ``启　事``: a box's or notice's title of two characters
#: spread to the width of three or more, GB/T 9704-2012 practice for a short title). Each space is
#: the spacing between two characters, not the gap after a run-in head of one character.
LETTER_SPACED_RE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]{1,2}[\u4e00-\u9fff]){1,3}$")
#: after a brief's bullet, a first sentence closed by 。 and a space (``■ 县…学习会。 8月3日，…``):
#: the run-in head with its closing stop, its markup gone (no comma, a few words at most)
RUN_IN_STOP_RE = re.compile(r"\s*[^，,。；;：:\s]{4,30}。(?=[ \t\u3000])")


def join_next(doc: LogicalText, i: int, why: str, gap: list[tuple[str, bool]] | None = None) -> None:
    """Join line *i* of *doc* with the line after it, which goes on with it (its segments after
    *gap*, a layout space the round trip ignores, if any): the next line's end becomes line *i*'s,
    ``joined with line N: why`` goes into its evidence, and the body's end moves up by one when the
    next line stood in the body (a page credit's rest may stand in the colophon). The caller
    decides ``cert``/``weak_join``. Characters are moved, never changed."""
    line, nxt = doc.lines[i], doc.lines[i + 1]
    line.segments = line.segments + (gap or []) + nxt.segments
    line.end_no = nxt.end_no
    line.evidence.append(f"joined with line {nxt.no}: {why}")
    del doc.lines[i + 1]
    if i + 1 < doc.colophon_start:
        doc.colophon_start -= 1


def _body(doc: LogicalText):
    """``(index, line)`` of the body lines not yet given a role."""
    for i in range(doc.body_start, doc.colophon_start):
        if i not in doc.roles:
            yield i, doc.lines[i]


def _give(doc: LogicalText, i: int, kind: str, why: str, cert: str | None = None, **data) -> None:
    doc.roles[i] = Role(kind, data, why, cert)


def _prev(doc: LogicalText, i: int) -> Line | None:
    return doc.lines[i - 1] if i - 1 >= doc.body_start else None


def _next(doc: LogicalText, i: int) -> Line | None:
    return doc.lines[i + 1] if i + 1 < doc.colophon_start else None


# ----------------------------------------------------------------------------- page furniture


#: A weekday as a paper's 报眉 prints it after the date (``星期六``, ``周六``).
WEEKDAY_RE = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")


def page_label(line: Line, title: str | None) -> tuple[int, str | None] | None:
    """``(page number, page name)`` when *line* is a printed page label (``第01版：要闻``) or a 报眉
    line (the paper's *title* or a date beside ``第二版`` and the page's name), else ``None``."""
    key = line.key
    m = PAGE_LABEL_RE.match(key) or BARE_PAGE_LABEL_RE.match(line.text) or NAME_FIRST_PAGE_LABEL_RE.match(line.text)
    if m:
        n = numeral(m.group("n"))
        return (n, m.group("name")) if n else None
    fields = fields_of(line.text)
    for k, (kind, a, b) in enumerate(fields):
        m = PAGE_FIELD_RE.match(line.text[a:b].strip())
        if not m:
            continue
        others = [(kd, line.text[x:y].strip()) for j, (kd, x, y) in enumerate(fields) if j != k]
        dated = any(kd in ("date", "date-part", "lunar") for kd, _ in others)
        titled = title is not None and any(re.sub(r"\s+", "", t) == re.sub(r"\s+", "", title) for _, t in others)
        if not (dated or titled):
            return None
        name = line.text[fields[k + 1][1]:fields[k + 1][2]].strip() if k + 1 < len(fields) else None
        n = numeral(m.group("n"))
        return (n, name if name and len(name) <= 6 else None) if n else None
    # a 报眉 whose page tag prints the page number beside the page's name, no 版 (``2　综合新闻``,
    # ``港区生产　3``: the number on the outer side of the page), at one end of the line, the
    # paper's title and the date beside it (the title the paper's own, or a title field when it
    # is not known)
    # (the weekday after the date, ``星期六``, is the date's: set aside)
    kept = [(kd, a, b) for kd, a, b in fields if not WEEKDAY_RE.fullmatch(line.text[a:b].strip())]
    parts = [line.text[a:b].strip() for _, a, b in kept]
    kinds = [kd for kd, _, _ in kept]
    for tag, rest in (((0, 1), slice(2, None)), ((-1, -2), slice(None, -2))):
        if len(parts) != 4 or not re.fullmatch(r"\d{1,2}", parts[tag[0]]) or not _PAGE_NAME_RE.fullmatch(parts[tag[1]]):
            continue
        others = list(zip(kinds[rest], parts[rest]))
        dated = any(kd == "date" for kd, _ in others)
        # (the paper's own title where the masthead gave one: a table's row may hold a number, a
        # name, a title-shaped cell and a date too)
        titled = any((re.sub(r"\s+", "", t) == re.sub(r"\s+", "", title)) if title is not None
                     else (kd == "title" and "\t" not in line.text) for kd, t in others)
        n = int(parts[tag[0]])
        if dated and titled and n:
            return n, parts[tag[1]]
    # the same 报眉 with its parts apart by single spaces (a copy whose runs of spaces were
    # collapsed: ``第2版 综合新闻 苎溪电力 2025年8月15日``): the label first, the date last
    words = line.text.split()
    if 3 <= len(words) <= 5 and (m := PAGE_FIELD_RE.match(words[0])) and re.fullmatch(
            r"\d{4}年\d{1,2}月\d{1,2}日", words[-1]) and all(len(w) <= 8 for w in words[1:-1]):
        n = numeral(m.group("n"))
        return (n, words[1] if len(words[1]) <= 6 else None) if n else None
    return None


def _date_tail(line: Line, nxt: Line) -> bool:
    """*nxt* is the end of *line*'s date the extraction wrapped: with *line* it makes date fields
    only where *nxt* stands (``…2023年4月14日　星`` / ``期五``, ``…2023年4月`` / ``14日　星期五``,
    ``…2023年4月14日`` / ``　星期五``)."""
    if len(nxt.key) > 16:
        return False
    for gap in ("", "\u3000"):  # cut inside a field, or between two
        cut = len(line.text) + len(gap)
        tail = [k for k, a, b in fields_of(line.text + gap + nxt.text) if b > cut - len(gap)]
        if tail and all(k in ("date", "date-part", "lunar") for k in tail):
            return True
    return False


def rejoin_page_labels(doc: LogicalText) -> None:
    """A page label or 报眉 line the extraction hard-wrapped (``漳阳报　2022年3月11日　星期五　第`` /
    ``二版　综合``): a line that is no page label but is one with the next (no blank line between)
    is joined with it."""
    title = doc.masthead.title if doc.masthead else None
    i = doc.body_start
    while i + 1 < doc.colophon_start:
        line, nxt = doc.lines[i], doc.lines[i + 1]
        # a label, or a label whose page name goes on in a short next line (``第二版　综`` / ``合``)
        found = page_label(line, title)
        # a label cut inside its page's name (``第二版　综`` / ``合``), or a 报眉 line cut before it
        short_tail = found is not None and heading_shape(nxt) and (
            (len(found[1] or "") == 1 and len(nxt.key) <= 3)
            or (found[1] is None and len(fields_of(line.text)) >= 3 and len(nxt.key) <= 4)
            or _date_tail(line, nxt))
        # a 报眉 line cut before its page label (the paper's title and date, the label on the next
        # line) or before the title (the date, then title and label)
        head_only = found is None and "date" in {kind for kind, _, _ in fields_of(line.text)} and all(
            kind in ("title", "date", "date-part", "lunar") for kind, _, _ in fields_of(line.text))
        labelled = page_label(nxt, title) is not None
        if (not nxt.blank_before and len(line.key) + len(nxt.key) <= 40 and (not labelled or head_only)
                and (found is None or short_tail)):
            # cut inside a field (``第`` / ``二版``), or between two (``第二版`` / ``综合``): the
            # fields stay apart (the space is no source character: the round trip ignores it)
            joined = next((j for j in (Line(line.no, line.raw, segments=line.segments + gap + nxt.segments)
                                       for gap in ([], [("\u3000", False)])) if page_label(j, title) is not None), None)
            if joined is not None:
                line.segments, line.end_no = joined.segments, nxt.end_no
                line.evidence.append(f"joined with line {nxt.no}: together a page label (hard-wrapped)")
                del doc.lines[i + 1]
                doc.colophon_start -= 1
                continue
        i += 1


#: The start of a page credit's first role, cut off by a wrap: a few ideographs, a colon after them
#: or not (``责任`` / ``责任编辑：``); whether it is one :func:`rejoin_page_credits` asks of the
#: whole line it makes.
CREDIT_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]?")


def rejoin_page_credits(doc: LogicalText) -> None:
    """A page credit the extraction hard-wrapped (``本版责编：韩雪　　校对：吕`` / ``青``; an e-mail
    address cut at its dot): the short piece after it (no blank line between, no sentence, no
    label of its own, twelve characters at most) is joined with it. A credit whose first role the
    wrap cut (``责任`` / ``编辑：…　　校对：…``: :data:`CREDIT_HEAD_RE`, the line under it no credit
    alone, the two a credit) is joined too."""
    i = doc.body_start
    while i + 1 < len(doc.lines):
        line, nxt = doc.lines[i], doc.lines[i + 1]
        credit = is_page_credit(line, doc.family) and not nxt.blank_before
        fields = colophon_fields(line.text) if credit else []
        last_value = re.sub(r"\s+", "", line.text[fields[-1][1]:fields[-1][2]]) if fields else ""
        if credit and (re.fullmatch(r"[\x21-\x7e]{1,12}", nxt.key)  # an e-mail address or URL cut
                       or (len(last_value) < 2 and len(nxt.key) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", nxt.key))):
            join_next(doc, i, "a page credit goes on (hard-wrapped)")
            continue
        if (not credit and not nxt.blank_before and not nxt.form_feed and CREDIT_HEAD_RE.fullmatch(line.key)
                and not is_page_credit(nxt, doc.family)
                and is_page_credit(SimpleNamespace(text=line.text.strip() + nxt.text.strip()), doc.family)):
            # the credit's first role cut by the wrap inside it or after it (``责任`` / ``编辑：邝晓岚
            # 校对：易　彤``, ``责任编辑：`` / ``覃　露　　校对：…``): one credit line
            join_next(doc, i, "a page credit whose first role the wrap cut")
            continue
        i += 1


def page_tag(doc: LogicalText, i: int, expected: int) -> tuple[int, str] | None:
    """``(page number, page name)`` when body line *i* of a newspaper is the e-paper's page tag
    (:data:`PAGE_TAG_RE`: ``01　要闻``, ``02　综合``) where a page begins (the body's first line, a
    line after a form feed, or after the credit line that closed the page before) and its number
    is the page *expected* next; else ``None``. Only the place and the sequence tell such a tag
    from a numbered line of text, so both are asked."""
    line = doc.lines[i]
    m = PAGE_TAG_RE.match(line.text)
    if doc.family != "newspaper" or not m or int(m.group("n")) != expected:
        return None
    prev = _prev(doc, i)
    if not (i == doc.body_start or line.form_feed or (prev is not None and is_page_credit(prev, doc.family))):
        return None
    return expected, m.group("name")


def find_page_labels(doc: LogicalText) -> None:
    """Page labels and 报眉 lines (see :func:`page_label`), and a newspaper's page tags at a page's
    top (see :func:`page_tag`): the start of a newspaper page. The first page's tag may stand
    above the masthead (the e-paper's corner of page 1): the body's first tag is then page 2's."""
    title = doc.masthead.title if doc.masthead else None
    expected = 1
    if any((m := PAGE_TAG_RE.match(line.text)) and int(m.group("n")) == 1 for line in doc.lines[:doc.body_start]):
        expected = 2  # the first page's tag printed above the masthead (``01　要闻`` / ``# 蘅塘周报``)
    for i, line in list(_body(doc)):
        found = page_label(line, title)
        why = "a printed page label"
        if not found:
            found = page_tag(doc, i, expected)
            why = "a page tag (NN　name) where a page begins, numbering the next page"
        if found and len(line.key) <= 40:
            n, name = found
            expected = n + 1
            _give(doc, i, "page-label", f"{why} (page {n}{', ' + name if name else ''})", n=n, name=name)


def find_page_credits(doc: LogicalText) -> None:
    """Page credits: the line of 本版责编/责任编辑/美术编辑/校对 fields that closes a newspaper page
    (in other genres only a line of two such roles or more)."""
    for i, line in list(_body(doc)):
        if is_page_credit(line, doc.family):
            _give(doc, i, "page-credit", f"a page credit ({page_credit(line)} roles: 本版责编, 校对 …)")


#: An ornament line that parts a text (a dinkus): three or more of one ornament, spaced or not
#: (``＊　＊　＊``, ``※※※``, ``* * *``, ``◆◆◆``), or the asterism ``⁂`` alone; matched on a line's
#: key (whitespace removed). Periods, 省略号 and dashes are text, never one.
DINKUS_RE = re.compile(r"^(?:⁂|([＊*※✻✽✱◆◇●○•～~])\1{2,})$")


def separator_line(line: Line) -> bool:
    """*line* holds a printed separator and nothing else: a rule
    (:func:`convert.reader.logical.back.rule_line`: five or more box-drawing horizontals
    ``━━━━━``, or ``★``) or a dinkus (:data:`DINKUS_RE`)."""
    return rule_line(line) or (bool(line.key) and DINKUS_RE.match(line.key) is not None)


def find_separators(doc: LogicalText) -> None:
    """Separators: a body line that is a printed rule or an ornament row and nothing else (a
    ``━━━━`` rule between two reports, a ``＊　＊　＊`` between two parts of an essay) is no heading
    and no text: it is encoded as ``fw type="rule"`` where it stands (TEI P5 §11.6, as the rule of
    the 版头 and the 版记 are), and the line after it may open a new piece."""
    for i, line in list(_body(doc)):
        if separator_line(line):
            _give(doc, i, "separator", "a printed rule or ornament line and nothing else (a separator)")


# ----------------------------------------------------------------------------- notes and credits


def photo_credit_alone(line: Line) -> bool:
    """*line* is a photo credit and nothing else (``本报记者　韦思成　摄``)."""
    text = line.text.strip()
    m = CAPTION_CREDIT_RE.search(text)
    return m is not None and not text[: m.start("credit")].strip()


def rejoin_captions(doc: LogicalText) -> None:
    """A photo credit printed on a line of its own right under its caption (no blank line
    between, or a blank line under a short sentence that a blank line sets apart too, 60
    characters at most: a caption block of its own): ``10月18日，…在田间接续作业。`` /
    ``本报记者　韦思成　摄``. A caption names the
    photographer (news-writing practice), so the sentence or two above the credit is the
    caption: the two lines are one (joined, the unwrapping's way), read by
    :func:`find_captions`. The line above must end a sentence, be short (100 characters at most)
    and not open a story (本报讯)."""
    i = doc.body_start + 1
    while i < doc.colophon_start:
        line, prev = doc.lines[i], doc.lines[i - 1]
        if (photo_credit_alone(line) and (not line.blank_before or (prev.blank_before and len(prev.key) <= 60))
                and (prev.text.rstrip()[-1:] in "。！？!?"
                     # (a caption without a stop, the wrap cut at the gap before its credit: ``烟乡冬晨　　…``)
                     or (not line.blank_before and len(prev.key) <= 30 and clause_free(prev.text)
                         and gap_at_end(prev.raw.rstrip("\r\n\f"))))
                and len(prev.key) <= 100 and not LEAD_IN_RE.match(prev.text) and not CAPTION_CREDIT_RE.search(prev.text)):
            prev.segments = prev.segments + [("\u3000", False)] + line.segments
            prev.end_no = line.end_no
            prev.evidence.append(f"joined with line {line.no}: a photo credit alone under it, so it is the caption")
            del doc.lines[i]
            doc.colophon_start -= 1
            continue
        i += 1


def find_captions(doc: LogicalText) -> None:
    """Photo captions: a line that ends with a photo credit (``记者 XX 摄``), its text a sentence
    or two (a caption names the photographer: news-writing practice)."""
    for i, line in list(_body(doc)):
        if len(line.key) > 150:
            continue
        text = line.text.rstrip()
        m = CAPTION_CREDIT_RE.search(text)
        if not m:
            continue
        before = text[: m.start("credit")].rstrip()
        # (the gap up to the credit's first character: the credit's match may open with a space)
        start = m.start("credit") + len(m.group("credit")) - len(m.group("credit").lstrip())
        gap = text[len(before): start]
        if m.group("artist") is not None:
            # an artwork's credit stands only after a wide gap, under a caption with no sentence end
            # in it (a line ending …工作 or …写作 is none)
            # (a work's name in 《》 — its year or prize in brackets after it — needs no wide gap:
            # ``《修伞的老周》（2016年）　X　作品``)
            if not (("\u3000\u3000" in gap or "   " in gap
                     or (gap.strip() == "" and gap and re.fullmatch(r"《[^《》]{1,30}》(?:[（(][^（）()]{1,12}[）)])?",
                                                                   before.strip())))
                    and before and len(before) <= 60 and not any(c in "。；;！？!?" for c in before)):
                continue
            _give(doc, i, "caption", "an artwork's caption (its title, a wide gap, the artist and 作 or 绘)",
                  credit=m.span("credit"))
            continue
        if (before and before[-1] not in "。！？!?" and not before.startswith("图为") and not figure_caption(before)
                # (a work's title in 《》 alone over its credit, ``《苕溪晨雾》　　X 摄``: a photo's caption)
                and not re.fullmatch(r"《[^《》]{1,24}》", before.strip())
                and not (("\u3000\u3000" in gap or "   " in gap) and len(before.strip()) <= 60 and clause_free(before))):
            # (a caption without a full stop, its credit set apart by a wide gap: ``…温湿度数据　　乡…　供图``)
            continue
        _give(doc, i, "caption", "a photo caption (ends with a photo credit … 摄)", credit=m.span("credit"))


def find_figure_captions(doc: LogicalText) -> None:
    """Numbered figure captions: a line that is a figure's number and title alone
    (:func:`convert.reader.layout.figure_caption`: ``图一<TAB>永济桥全景（由东向西）``, ``图2　…``,
    ``图 3-1：…``; 图序 and 图题 under the figure, GB/T 7713.1-2006 §4.6.6) is the caption of a figure
    the text version dropped, never a heading (TEI P5 §14.4: ``figure/head``), wherever it stands
    (under a running head at a page's top, over a sub-heading). No credit: ``credit`` is ``None``."""
    for i, line in list(_body(doc)):
        if figure_caption(line.text):
            _give(doc, i, "caption", "a numbered figure's caption (图序 and 图题: GB/T 7713.1-2006 §4.6.6)", credit=None)
        elif (span := artwork_caption(line.text)) is not None:
            _give(doc, i, "caption", "an artwork's caption (its form, its title in 《》, the artist): the work set "
                                     "under it, no text", credit=span)


def find_editorial_notes(doc: LogicalText) -> None:
    """Editor's notes (按语): a paragraph that opens with 编者按：, 按：, 编后：."""
    for i, line in list(_body(doc)):
        m = EDITORIAL_RE.match(line.text)
        if m and len(line.key) > len(re.sub(r"\s+", "", m.group("label"))) + 4:
            _give(doc, i, "editorial", f"an editor's note ({m.group('label').strip()})", label=m.span("label"))


def find_lead_ins(doc: LogicalText) -> None:
    """News lead-ins (消息头): a paragraph that opens with 本报讯 (and the reporters in brackets)
    or a news agency's dateline (…电)."""
    for i, line in list(_body(doc)):
        m = LEAD_IN_RE.match(line.text)
        if m and len(line.text) > m.end() + 2:
            spans = {"dateline": m.span("dateline")}
            if m.group("byline"):
                spans["byline"] = m.span("byline")
            _give(doc, i, "lead-in", f"a news lead-in ({m.group('dateline')})", **spans)


#: The longest title with a comma that a marked author line (文／X, 记者 X, an office and a name:
#: no bare name, which is only a guess) makes a title: as long as an author line may be.
SIGNED_TITLE_MAX = 24


def title_like(line: Line, longest: int = 16) -> bool:
    """A line that may be a title when an author line stands under it: of heading shape, or
    short (*longest* characters at most: 16, or :data:`SIGNED_TITLE_MAX` under a marked author
    line) with one comma at most and no sentence punctuation (``秋分，在苇川``: a poem's title;
    ``办好乡村小规模学校，让孩子“留得住”`` over its speaker's office and name)."""
    t = line.text.strip()
    return heading_shape(line) or (0 < len(line.key) <= longest and not any(c in "。；;！？!?：:" for c in t)
                                   and t.count("，") + t.count(",") <= 1 and t[-1:] not in "，,、")


#: Why a line is an author line when a body's name stands before two or three Han characters whose
#: first is no common surname (:data:`convert.reader.names.SURNAMES`): the unit makes it a byline,
#: the name alone would not (weak: ``@cert`` medium).
WEAK_UNIT_NAME = "a unit and a name of two or three characters, its surname no common one"


#: Two Han characters set apart by one or two spaces (``芷　禾``): a two-character name letter-spaced
#: to the width of a three-character one, as newspapers and journals set names in bylines.
SPACED_PAIR_RE = re.compile(r"^[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]$")
#: Why such a line is an author line when its first character is no common surname (a pen name,
#: 笔名): the letter-spacing alone says it is a name; weak (``@cert`` medium). It starts "a bare
#: name" so that it keeps a bare name's guards (no author line in a briefing, none as the tail of
#: a wrapped title).
SPACED_PEN_NAME = "a bare name letter-spaced (two characters set to the width of three), its surname no common one"


#: Why :func:`author_line` reads a line as a bare name.
BARE_NAME = "a bare name (a common surname first)"


def author_line(line: Line) -> str | None:
    """Why *line* reads as an author line under a title (``文／X``, ``□ X``, ``本报记者 X``, a
    unit and a name, a person's office and a name ``县政协委员　X``, a name and the unit in
    brackets after it ``X（县总工会办公室）``, :data:`NAME_UNIT_RE`, a bare name, any of them after a
    country in brackets, :data:`NATIONALITY_RE`), else ``None``.
    The caller checks the place. A 副刊's author mark before the line (``◎ 高一（5）班　柯　雨``,
    ``□ 县文化馆　X``: :data:`convert.reader.layout.BULLET_CHARS`) is set aside and the rest read
    the same way."""
    text, key = line.text.strip(), line.key
    why = _author_text(text, key)
    if why is None and len(text) > 2 and text[0] in BULLET_CHARS and text[1] not in BULLET_CHARS:
        rest = text[1:].strip()
        why = _author_text(rest, WS_RE.sub("", rest))  # the reason unchanged: callers compare it
    if why is None and (m := NATIONALITY_RE.match(text)) and len(text) > m.end():
        # a foreign or overseas author's country in brackets before the name (``［泰国］苏映雪``,
        # ``〔美〕X``: the mark Chinese publishing sets before a foreign author's name, GB/T
        # 7714-2015 8.1.1 and book practice): the rest read the same way
        rest = text[m.end():].strip()
        why = _author_text(rest, WS_RE.sub("", rest))
    return why


#: A country in brackets before an author's name: ``［泰国］``, ``〔美〕``, ``[英]``, ``（新加坡）``.
NATIONALITY_RE = re.compile(r"^[［〔\[【（(][\u4e00-\u9fff]{1,5}[］〕\]】）)]\s*")


#: Why :func:`author_line` reads a line as a unit and a name (``区委党史研究室　董立言``).
UNIT_AND_NAME = "a unit and a name"
#: Why :func:`author_line` reads a line as a person's office and a name (``县政协委员　X``).
OFFICE_AND_NAME = "a person's office and a name (县政协委员　X, 县政协委员、X镇副镇长　X)"


def _author_text(text: str, key: str) -> str | None:
    """:func:`author_line` on a line's stripped *text* and its *key* (whitespace removed)."""
    if len(key) > 24 or any(c in "，,。；;！？!?" for c in text):
        return None
    for rx in AUTHOR_LINE_RES:
        if rx.match(text):
            return "an author line (文／, □ …)"
    if BYLINE_LINE_RE.match(key) and len(key) <= 20:
        return "a reporter line (记者 …)"
    m = OFFICE_NAME_RE.match(text)
    if m and _office(m.group("office")) and looks_like_person(WS_RE.sub("", m.group("name"))):
        # an office of two characters and a name (校长　X, 学员　X): too short for a unit's name
        return OFFICE_AND_NAME
    m = UNIT_NAME_RE.match(text)
    if m and (ORG_END_RE.search(re.sub(r"\s+", "", m.group("unit"))) or is_signing_unit(m.group("unit"))) \
            and looks_like_person(ROLE_AFTER_NAME_RE.sub("", m.group("name"))):
        # (a name may carry what the person is to the class: ``大一班　周子墨家长``, ``中二班　林小荷老师``)
        return UNIT_AND_NAME
    unit_key = re.sub(r"\s+", "", m.group("unit")) if m else ""
    if m and is_signing_unit(unit_key) and not ORG_END_RE.search(m.group("name")) \
            and not looks_like_person(m.group("name")):
        # the body's name says who the person is: the surname may be a rare one (濮, 厍, 隗 …)
        return WEAK_UNIT_NAME
    if m and looks_like_person(m.group("name")) and office_list(m.group("unit")):
        return OFFICE_AND_NAME
    m = NAME_UNIT_RE.match(text)
    if m and looks_like_person(m.group("name")) and is_signing_unit(m.group("unit")):
        return "a name and the author's unit in brackets (X（单位）: 作者单位)"
    if role_names(text):
        return "role words and names (口述　X　整理　Y)"
    if NAME_RE.match(text) and looks_like_person(text):
        return BARE_NAME
    names = _names_of(text.split())
    if (3 <= len(names) <= 4 and (is_signing_unit(names[0]) or ORG_END_RE.search(names[0]))
            and all(2 <= len(n) <= 3 and looks_like_person(n) for n in names[1:])):
        # the authors' unit and two or three names (``莼州市文物保护中心　韦松年　叶晚晴``)
        return UNIT_AND_NAME
    if (len(names) == 3 and (is_signing_unit(names[0]) or ORG_END_RE.search(names[0])) and _office(names[1])
            and looks_like_person(names[2])):
        # the author's unit, office or professional title, and name (``县农业技术推广中心　高级农艺师　X``)
        return "a unit, an office and a name"
    if 2 <= len(names) <= 3 and all(2 <= len(n) <= 3 and looks_like_person(n) for n in names):
        # two or three authors' names set apart by a space (``沈砚秋　陆景行``: a paper's co-authors)
        return "two or three authors' names apart by a space"
    if SPACED_PAIR_RE.match(text):
        return SPACED_PEN_NAME
    return None


def _names_of(tokens: list[str]) -> list[str]:
    """*tokens* (a line's words apart by spaces) with each two-character name letter-spaced to
    a three-character name's width put back together (``林　晓　乔振宇`` → 林晓, 乔振宇: book
    and journal practice pads a two-character name with a space between its characters when
    names stand in a row): a one-character token that is a common surname and the one-character
    token after it are one name. Linear in the tokens."""
    out, k = [], 0
    while k < len(tokens):
        t = tokens[k]
        if len(t) == 1 and t in SURNAMES and k + 1 < len(tokens) and len(tokens[k + 1]) == 1:
            out.append(t + tokens[k + 1])
            k += 2
            continue
        out.append(t)
        k += 1
    return out


def office_list(text: str) -> bool:
    """*text* names a person's offices, one or several joined by 、 (GB/T 15834-2011 4.5: the 顿号
    between coordinate items): ``县政协委员``, ``县政协委员、石坳乡卫生院副院长`` — at most three, each
    2–16 Han characters ending in an office or standing (:data:`PERSON_TITLE_END_RE`: 委员, 代表,
    书记, 院长, 校长 …). What a 人大/政协 bulletin prints before the name of who speaks or signs."""
    parts = text.split("、")
    return len(parts) <= 3 and all(_office(p) for p in parts)


#: An office and, in brackets after it, the one the person holds with it (``县工商联主席（总商会会长）``:
#: a 工商联's chair is its 总商会's 会长, one person, the second office in brackets).
_OFFICE_RE = re.compile(r"(?P<office>[\u4e00-\u9fff]{2,16})(?:[（(](?P<also>[\u4e00-\u9fff]{2,16})[）)])?")


def _office(part: str) -> bool:
    """*part* is an office (2–16 Han characters ending in :data:`PERSON_TITLE_END_RE`), maybe with
    the office held with it in brackets after it (ending so too)."""
    m = _OFFICE_RE.fullmatch(part)
    return bool(m and PERSON_TITLE_END_RE.search(m.group("office"))
                and (m.group("also") is None or PERSON_TITLE_END_RE.search(m.group("also"))))


def role_names(text: str) -> bool:
    """*text* is one or more pairs of a role word (:data:`ROLE_WORDS`: 口述, 整理, 文 …) and a
    personal name (:func:`convert.reader.names.looks_like_person`, maybe letter-spaced), set off by
    spaces: ``口述　蒋德昌　　整理　苗　青``, ``整理　苗青``. The byline of an oral history or a
    translation names each contributor with what they did; the role word comes first, or after
    each name (``韩秀英口述　林晓岚整理``, two or three such). Linear: one split into
    space-separated tokens."""
    tokens = text.split()
    if 2 <= len(tokens) <= 3 and all(_name_then_role(t) for t in tokens):
        return True  # the name first, its role word after it (韩秀英口述　林晓岚整理)
    if len(tokens) < 2 or tokens[0] not in ROLE_WORDS:
        return False
    name: list[str] = []
    for token in tokens[1:] + [None]:
        if token is None or token in ROLE_WORDS:
            if not looks_like_person("".join(name)):
                return False
            name = []
        else:
            name.append(token)
    return True


def _name_then_role(token: str) -> bool:
    """*token* is a personal name with a role word of two characters after it (``韩秀英口述``,
    ``林晓岚整理``: :data:`ROLE_WORDS`), the order an oral history's byline often takes."""
    return len(token) >= 4 and token[-2:] in ROLE_WORDS and looks_like_person(token[:-2])


#: Why a line is an author line when it is a body's name alone (``萩阳县关工委``) under a title with
#: running text after it: a piece the unit wrote, signed at its top (a journal's 通讯 by a unit);
#: weak (``@cert`` medium), the line names no person.
UNIT_ALONE_BYLINE = "a body's name alone: the unit that wrote the piece"


def find_bylines(doc: LogicalText) -> None:
    """Author lines right under a title (the title a line of heading shape, running text or
    verse after the author line), and credits in brackets on a line of their own after running
    text (``（…供稿）``, ``（记者 …）``, ``（单位　姓名）``); signatures at a piece's foot (落款 with
    its date, the editors', a reader's, a 副刊 author's marked ``□ X（单位）``)."""
    for i, line in list(_body(doc)):
        prev, nxt = _prev(doc, i), _next(doc, i)
        why = author_line(line)
        if why is None and len(line.key) <= 20 and not any(c in "，,。；;！？!?：:、" for c in line.text) \
                and is_signing_unit(line.key) and nxt is not None and paragraph_shape(nxt):
            why = UNIT_ALONE_BYLINE
        if why == SPACED_PEN_NAME and (nxt is None or not paragraph_shape(nxt) or _contents_title(doc, line)
                                       or _opens_page(line)):
            # a letter-spaced title of two characters (渡　口) over its author line, or one the
            # contents list names, or one that opens a page (稿　　约: an author line is never
            # printed a page below its title)
            why = None
        if why and why.startswith("a bare name") and prev is not None and (
                doc.family == "briefing" or (as_wide_as_wrapped(prev, doc.wrap_width) and not _whole_title(doc, prev, line))):
            why = None  # a briefing prints no author under a title; a wrapped title's tail is no name
        if (why and not why.startswith("a bare name") and prev is not None and (r := doc.roles.get(i - 1)) is not None
                and r.kind == "editorial" and i - 2 >= doc.body_start and (i - 2) not in doc.roles
                and title_like(doc.lines[i - 2], SIGNED_TITLE_MAX) and nxt is not None and paragraph_shape(nxt)):
            # the editor's note set between the title and its author line (title / 编者按：… /
            # 民一庭　严春华 / the text): the piece's byline all the same
            _give(doc, i, "byline", why + " under a title and its editor's note",
                  "medium" if why in (WEAK_UNIT_NAME, UNIT_ALONE_BYLINE) else None)
            continue
        if why and prev is not None and (title_like(prev, 16 if why.startswith("a bare name") else SIGNED_TITLE_MAX)
                                         or (not why.startswith("a bare name") and column_question(doc, i - 1))) \
                and (i - 1) not in doc.roles \
                and not _author_above(doc, i, why) and nxt is not None and (
                    paragraph_shape(nxt) or (i + 1) in doc.roles or _short(nxt)
                    # (a line as wide as the wrap with no mark in it: running text the wrap cut)
                    or as_wide_as_wrapped(nxt, doc.wrap_width)):
            _give(doc, i, "byline", why + " under a title", "medium" if why in (WEAK_UNIT_NAME, UNIT_ALONE_BYLINE, SPACED_PEN_NAME) else None)
            unit, after = nxt, _next(doc, i + 1)
            # the author's unit (作者单位) on a line of its own under the name, running text after it
            if unit is not None and after is not None and (i + 1) not in doc.roles and is_signing_unit(unit.key) \
                    and paragraph_shape(after):
                _give(doc, i + 1, "byline", "a body's name alone under the author line: the author's unit (作者单位)",
                      unit=True)
            continue
        if i not in doc.roles and signature(doc, i):
            _give(doc, i, "credit", "a signature (编者, 编辑部, a name, a unit and a name, the issuing office) over a date line that ends the piece "
                                    "(落款: GB/T 9704-2012 7.3.5)")
            _give(doc, i + 1, "credit", "the date under a signature (成文日期)", date=True)
            continue
        if i not in doc.roles and editors_signature(doc, i):
            _give(doc, i, "credit", "the editors' signature (本刊编辑部, 编者) alone under the piece's last sentence, "
                                    "no running text after it (署名 at the foot of an 编后记)")
            continue
        if i not in doc.roles and marked_foot_signature(doc, i):
            _give(doc, i, "credit", "an author mark and a name (its unit in brackets) alone under the piece's last "
                                    "sentence, no running text after it: a 副刊 piece signed at its foot")
            continue
        if i not in doc.roles and letter_signature(doc, i):
            _give(doc, i, "credit", "a reader's standing and name under the last sentence: the letter's signature "
                                    "(读者来信, signed at its foot)")
            continue
        m = CREDIT_LINE_RE.match(line.text.strip()) if i not in doc.roles else None  # an author's unit already
        # (a bulleted line above is text too: a data box's last figure, ▲…增长4.9%和6.7%)
        if m and prev is not None and (paragraph_shape(prev) or (i - 1) in doc.roles
                                       or prev.text.lstrip()[:1] in BULLET_CHARS) \
                and (not NOT_CREDIT_RE.match(m.group("inner").strip()) or SOURCE_CREDIT_RE.match(m.group("inner").strip())) \
                and not CONTINUATION_RE.search(line.text) \
                and not CONTINUATION_LEAD_RE.match(line.text):
            inner = re.sub(r"\s+", "", m.group("inner"))
            if CREDIT_WORD_RE.search(inner) or is_org_name(inner) or NAME_RE.match(m.group("inner").strip()) \
                    or UNIT_NAME_RE.match(m.group("inner").strip()) or ORG_END_RE.search(inner) \
                    or CREDIT_GROUP_RE.match(inner):
                _give(doc, i, "credit", "a credit in brackets on a line of its own, after the text")


#: A title asked as one question (newspaper practice: a 读者来信's or 以案说法's title, ``老小区的
#: “飞线充电”何时能管住？``, ``钱花光了，能追回吗？``): at most one comma parting a clause before the
#: question, no other clause or sentence mark, a question mark at the end; short. Linear.
QUESTION_HEAD_RE = re.compile(r"^[^：:。；;！!？?，,]{2,30}(?:[，,][^：:。；;！!？?，,]{2,20})?[？?]$")


def column_question(doc: LogicalText, i: int) -> bool:
    """Body line *i* is a question printed as the title of a column's first piece: shaped by
    :data:`QUESTION_HEAD_RE`, right under a column name (the ``section`` role, 【读者来信】,
    【以案说法】). A question mark ends it, so the heading shape refuses it; its place says it
    is a title. The caller looks at what stands under it (an author line, a letter's salutation)."""
    role = doc.roles.get(i - 1)
    return (i - 1 >= doc.body_start and role is not None and role.kind == "section"
            and len(doc.lines[i].key) <= 32 and QUESTION_HEAD_RE.match(doc.lines[i].key) is not None)


#: A letter writer's signature (读者来信 practice: signed at the letter's foot): the writer's
#: standing, after an optional place or unit (``读者``, ``城东小区居民``, ``浦口村村民``; a service's
#: users writing to its paper: ``乘客``, ``旅客``, ``游客``, ``患者``), a space,
#: and a name of two or three characters (a joint letter's first signer, then how many sign with
#: them: ``上河村三组村民　X等12户``).
LETTER_SIGNER_RE = re.compile(r"^[\u4e00-\u9fff]{0,12}(?:读者|村民|居民|市民|网友|群众|职工|家长|乘客|旅客|游客|患者|家属|台胞|侨胞|港胞|华侨|校友|学员)"
                              r"(?:[：:][ \t\u3000]*|[ \t\u3000]+)"
                              r"(?P<name>[\u4e00-\u9fff](?:(?:\u3000| {1,2})?[\u4e00-\u9fff]){1,2})"
                              # (co-signers after the first name: ``患者X家属：周建华　周建英``)
                              r"(?:[ \t\u3000]+[\u4e00-\u9fff]{2,3}){0,3}"
                              # (a joint letter's first signer and how many sign with them: ``X等12户``)
                              r"(?:等[\d０-９一二三四五六七八九十百]{1,4}(?:户|人|名|位|家))?$")
#: The words of respect that close a letter under 此致/敬祝 (书信 practice, 祝颂语: ``敬礼！``,
#: ``安康！``): the letter's text ends there, its signature follows.
LETTER_SALUTE_RE = re.compile(r"^(?:敬礼|安康|商祺|大安|近安|教安|工作顺利|身体健康)[！!]?$")
#: A letter's closing wish on a line of its own (书信 practice, 祝颂语: ``祝您一路平安！``, ``敬祝安康！``):
#: the letter's text ends there, its signature follows.
LETTER_WISH_RE = re.compile(r"^(?:祝|敬祝|恭祝|顺祝|顺颂|遥祝)[\u4e00-\u9fff，、]{1,14}[！!]$")


def letter_signature(doc: LogicalText, i: int) -> bool:
    """Body line *i* signs the letter above it (读者来信: ``读者　X``, ``某村村民　X`` on a line of
    its own, :data:`LETTER_SIGNER_RE`, the name a person's; or a place or unit and a name under a
    letter whose salutation stands above, :func:`_salutation_above`): right under running text
    that ends a sentence, and no running text right under it (a title, a page credit or the page's
    end; the editors' 编后：… answering the letter may follow, and so may the reply of the body it
    asked, :data:`REPLY_RE`, or a reply addressed to the writer, ``X同志：…``). The reply's own
    signature (an expert's office and name) signs it the same way."""
    line, prev, nxt = doc.lines[i], _prev(doc, i), _next(doc, i)
    if prev is None or not ((paragraph_shape(prev) and prev.text.rstrip()[-1:] in "。！？!?”")
                            or LETTER_SALUTE_RE.match(prev.key)):
        return False
    m = LETTER_SIGNER_RE.match(line.text.strip())
    if m is not None:
        if not looks_like_person(m.group("name")):
            return False
    elif not (author_line(line) in (UNIT_AND_NAME, OFFICE_AND_NAME) and _salutation_above(doc, i)):
        # (or the writer's place and name, ``桃源镇　X``, under a letter that opened with its
        # salutation, 编辑同志：)
        return False
    # (the editors' 编后：… under the signature answers the letter: no running text of it; nor
    # is the reply of the body the letter asked, 县交通运输局答复：…)
    return nxt is None or not paragraph_shape(nxt) or REPLY_RE.match(nxt.key) is not None or opens_salutation(nxt.key) or (
        (role := doc.roles.get(i + 1)) is not None and role.kind == "editorial")


#: The reply printed under a reader's letter (读者来信 practice: the body asked answers, 县交通运输局
#: 答复：…): a body's name and 答复 or 回复, a colon.
REPLY_RE = re.compile(r"^[\u4e00-\u9fff]{1,20}(?:答复|回复)[：:]")
#: How many lines above a signature its letter's salutation may stand (:func:`_salutation_above`).
LETTER_REACH = 12


def _salutation_above(doc: LogicalText, i: int) -> bool:
    """A letter's salutation (称呼：, :data:`convert.reader.physical.SALUTATION_RE`) stands on a
    line of its own at most :data:`LETTER_REACH` lines above line *i*, running text between."""
    from convert.reader.physical import SALUTATION_RE

    for k in range(i - 1, max(doc.body_start, i - LETTER_REACH) - 1, -1):
        line = doc.lines[k]
        if SALUTATION_RE.match(line.key) or opens_salutation(line.key):
            return True
        if not paragraph_shape(line) and (role := doc.roles.get(k)) is not None and role.kind != "editorial":
            return False
    return False


#: A salutation run into its letter's first paragraph (``编辑同志：我家…``, ``蒙秀兰同志：冬季…``,
#: ``尊敬的读者：…``): a form of address (同志, 女士, 先生, 编辑, 读者 …) and a colon before the text.
RUN_IN_SALUTATION_RE = re.compile(r"^(?:尊敬的)?[\u4e00-\u9fff]{0,8}(?:同志|女士|先生|编辑|读者|朋友|老师|师傅|大娘|大爷|阿姨)(?:们)?[：:]"
                                  r"|^(?:《[\u4e00-\u9fff]{1,12}》)?编辑部[：:]")


def opens_salutation(key: str) -> bool:
    """*key* (a line's text, whitespace removed) opens with a letter's salutation run into its
    first sentence (:data:`RUN_IN_SALUTATION_RE`; 书信 practice sets the 称呼 on a line of its own,
    a column of readers' letters runs it in), text after it."""
    m = RUN_IN_SALUTATION_RE.match(key)
    return m is not None and len(key) > m.end()


def marked_foot_signature(doc: LogicalText, i: int) -> bool:
    """Body line *i* signs the piece above it at its foot the way a 副刊 signs its author lines:
    an author mark (:data:`convert.reader.layout.BULLET_CHARS`: ``□``, ``◎``) and a person's name,
    maybe with the author's unit in brackets after it (``□ X（某某供电所）``, :data:`NAME_UNIT_RE`),
    on a line of its own under running text that ends a sentence, with no running text after it
    (a page credit, the next title, the body's end). The mark and the name together: a mark before
    any other words is a list item, no signature."""
    line, prev, nxt = doc.lines[i], _prev(doc, i), _next(doc, i)
    text = line.text.strip()
    if text[:1] not in BULLET_CHARS or prev is None or not paragraph_shape(prev) \
            or prev.text.rstrip()[-1:] not in "。！？!?”":
        return False
    rest = text[1:].strip()
    m = NAME_UNIT_RE.match(rest)
    name = m.group("name") if m else (rest if NAME_RE.match(rest) else None)
    if name is None or not looks_like_person(WS_RE.sub("", name)):
        return False
    return nxt is None or not paragraph_shape(nxt)


#: Who signs a piece for the editors (编后记, 编者的话): 编者, 本刊编辑部, 编委会 (letter-spaced or not).
EDITORS_SIGNATURE_RE = re.compile(r"^(?:本刊|本报)?(?:编者|编辑部|编委会)$")
#: A date line under a signature (成文日期), Arabic or Chinese numerals, the year's 〇 as a digit
#: 0 too (an OCR slip kept as printed): ``二〇二四年五月``, ``2024年5月20日``.
SIGNATURE_DATE_RE = re.compile(r"^[〇○Ｏ零0-9一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月"
                               r"(?:[0-9一二三四五六七八九十]{1,3}日)?$")


#: A family letter's signature: what the writer is to the reader, then the writer's given name
#: (书信 practice between kin: ``妻　阿静``, ``儿　小军``, ``你的女儿：可欣``).
KIN_SIGNER_RE = re.compile(r"^(?:你的|您的)?(?:妻|夫|儿|女|儿子|女儿|爸爸|妈妈|父亲|母亲|孙儿|孙女|外孙|弟|妹|兄|姐)"
                           r"[ \t\u3000：:]*[\u4e00-\u9fff]{1,3}$")
#: A family letter's date without its year (``6月12日夜``), maybe when it was written.
KIN_LETTER_DATE_RE = re.compile(r"[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十廿卅]{1,3}日(?:夜|晨|晚|深夜|凌晨)?")
#: A joint letter's signature: the writers' place or unit, the first signer's name, and how many
#: sign with them and who they are (``龙湾镇河湾村　沈德旺等14名农民工``; 书信 practice).
JOINT_SIGNER_RE = re.compile(r"^[\u4e00-\u9fff]{2,16}[ \t\u3000]+(?P<name>[\u4e00-\u9fff]{2,3})"
                             r"等[\d一二三四五六七八九十百]{1,4}(?:名|位|人|户)[\u4e00-\u9fff]{0,6}$")


#: A letter's signature of the writer's place and name apart by a space (``新西兰奥克兰　X``, a
#: letter from abroad in a 侨刊: where the writer lives, then who writes).
PLACE_SIGNER_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}[ \u3000]{1,4}(?P<name>[\u4e00-\u9fff]{2,3})$")


def signature(doc: LogicalText, i: int) -> bool:
    """Body line *i* signs the piece above it (落款, GB/T 9704-2012 7.3.5; a journal's 编后记 signed
    编　者): the editors (:data:`EDITORS_SIGNATURE_RE`), a bare name, the issuing office's
    name (发文机关署名: ``某县人民政府办公室``, :func:`convert.reader.names.is_org_name`), or a
    letter writer's unit and name or standing and name (``某镇敬老院　X``, :data:`LETTER_SIGNER_RE`), on a
    line of its own after running text that ends a sentence, a date line alone under it
    (:data:`SIGNATURE_DATE_RE`, 成文日期) and no running text after the date."""
    line, prev, nxt = doc.lines[i], _prev(doc, i), _next(doc, i)
    kin = False
    if prev is None or nxt is None:
        return False
    # the piece ends with a sentence, or with a row of its list of names set in columns (a 表彰
    # 决定's 名单 printed under its text, before the 落款: nothing of a name row goes on below it)
    # (or with its table's last row: a 公示 whose attachment, the list of names, is printed as a
    # table under its text and signed below it)
    # (or with its 附件说明, which stands between the text and the 落款: GB/T 9704-2012 7.3.6)
    if not ((paragraph_shape(prev) and prev.text.rstrip()[-1:] in "。！？!?”") or column_row(prev.text)
            or _table_row(doc, i - 1) or ATTACHMENT_RE.match(prev.text) or LETTER_SALUTE_RE.match(prev.key)
            # (or with a notice's contact line: 供水服务热线：0596-6835110 over the issuing body)
            or contact_line(prev.key)):
        return False
    # (a school or a grassroots body signs as its issuing body too: 某县老年大学 over its 决定's date)
    if not (EDITORS_SIGNATURE_RE.match(line.key) or is_org_name(line.key) or is_signing_unit(line.key)
            or (NAME_RE.match(line.text.strip()) and looks_like_person(line.key))
            # a letter signed by its writer with the writer's unit before the name (书信: 署名 over
            # 日期, ``某镇敬老院　X``): the same 落款
            or author_line(line) == UNIT_AND_NAME
            or ((m := LETTER_SIGNER_RE.match(line.text.strip())) is not None and looks_like_person(m.group("name")))
            # a joint letter's first signer and how many sign with them (``某村　X等14名农民工``)
            or ((m := JOINT_SIGNER_RE.match(line.text.strip())) is not None and looks_like_person(m.group("name")))
            # a letter from abroad signed with the writer's place before the name (侨刊 practice:
            # ``新西兰奥克兰　X``)
            or ((m := PLACE_SIGNER_RE.match(line.text.strip())) is not None and looks_like_person(m.group("name")))
            or (kin := KIN_SIGNER_RE.match(line.text.strip()) is not None)):
        return False
    after = _next(doc, i + 1)
    if kin and not SIGNATURE_DATE_RE.match(nxt.key) and KIN_LETTER_DATE_RE.fullmatch(nxt.key):
        # a family letter dated without its year (6月12日夜: 书信 practice between kin)
        return after is None or not paragraph_shape(after)
    # (the editors' 编后：… or 按：… under the signed piece answers it: no running text of it; nor
    # is the reply printed under a letter, 协会答复：…)
    return SIGNATURE_DATE_RE.match(nxt.key) is not None and (
        after is None or not paragraph_shape(after) or REPLY_RE.match(after.key) is not None
        or ((role := doc.roles.get(i + 2)) is not None and role.kind == "editorial"))


def _table_row(doc: LogicalText, k: int) -> bool:
    """Line *k* is a row of a table (the role :func:`find_tables` gave it)."""
    role = doc.roles.get(k)
    return role is not None and role.kind == "table"


def editors_signature(doc: LogicalText, i: int) -> bool:
    """Body line *i* is the editors' signature (:data:`EDITORS_SIGNATURE_RE`: 本刊编辑部, 编者) on a
    line of its own under running text that ends a sentence, with no running text after it (the
    body ends, or a title or a colophon line follows): the foot of an 编后记 signed without a date
    (with one, :func:`signature` reads it)."""
    line, prev, nxt = doc.lines[i], _prev(doc, i), _next(doc, i)
    if not EDITORS_SIGNATURE_RE.match(line.key) or prev is None or not paragraph_shape(prev):
        return False
    if prev.text.rstrip()[-1:] not in "。！？!?”":
        return False
    return nxt is None or not paragraph_shape(nxt)


def _contents_title(doc: LogicalText, line: Line) -> bool:
    """The printed contents list names *line* (whitespace aside) as an entry's title."""
    return doc.contents is not None and any(e.key == line.key for e in doc.contents.entries)


def _whole_title(doc: LogicalText, title: Line, below: Line) -> bool:
    """*title* is a whole title the printed contents list names (an entry's title, whitespace
    aside), and *title* with the line *below* is none: the contents list says where the title
    ends, so the line below is no tail a hard wrap cut from it."""
    keys = {e.key for e in doc.contents.entries} if doc.contents else set()
    return title.key in keys and title.key + below.key not in keys


def _author_above(doc: LogicalText, i: int, why: str) -> bool:
    """The line above line *i* (whose author-line reading is *why*) is itself an author line, so
    line *i* is no author line under a title. A bare name is only a guess (a short title may
    start with a common surname: ``麦浪``, ``石榴``); it yields to a marked author line under it
    (``◇ X``, ``文／X``, ``记者 X``: the mark says which is the author), and where the line above
    it closes running text or is page furniture, a new article opens there: the name-like line
    opens it, a title (newspaper practice: the title first, the author line under it)."""
    above = author_line(doc.lines[i - 1])
    if above is None or above == SPACED_PEN_NAME:
        return False  # (a letter-spaced pair of no common surname over a name: a short title, 渡　口)
    if not above.startswith("a bare name"):
        return True
    if not why.startswith("a bare name"):
        return False
    if i - 2 < doc.body_start:
        return True
    role = doc.roles.get(i - 2)
    if role is not None and role.kind in ("page-label", "page-credit", "caption"):
        return False
    closed = doc.lines[i - 2]
    return not (paragraph_shape(closed) and not unfinished(closed.text))


def _short(line: Line) -> bool:
    """A short line without closing punctuation (a verse line)."""
    t = line.text.strip()
    return 0 < len(line.key) <= 20 and t[-1:] not in "。！？!?"


# ----------------------------------------------------------------------------- divisions


def _after_page_label(line: Line) -> bool:
    """*line* opens a new page whose label the page break took in (its first segments milestones,
    a page break among them and a printed page label, ``第四版　副刊``, kept as a header fw)."""
    marks = []
    for seg, _ in line.segments:
        if not is_mark(seg):
            break
        marks.append(seg)
    return (any(m.kind == "pb" for m in marks)
            and any(m.kind == "fw" and m.fw_type == "header"
                    and PAGE_LABEL_RE.match(WS_RE.sub("", "".join(t for t, _ in m.segments))) for m in marks))


def find_columns(doc: LogicalText) -> None:
    """Column names: 【工作动态】 (journal practice), and a newspaper 副刊's own name, a short line
    right after a page label with a title under it (an author line under it makes it the title;
    a news lead-in under the title, 本报讯…, makes it the story's 引题: a 副刊 prints no news). Where
    the page break took the label in (:func:`_after_page_label`), the title's author line must
    stand under it too (a verse or paragraph line a page break cut is no name)."""
    indents = indent_marked(doc)
    for i, line in list(_body(doc)):
        if COLUMN_RE.match(line.key):
            box = _data_box(doc, i) if indents else []
            if box:
                # the label of a data box inside the article (【数据】 over 全县平均降雨量：118.6毫米 /
                # 最大点雨量：…), not a column: the box's lines are the article's text, each on its own
                doc.box_ids.update(id(doc.lines[k]) for k in [i, *box])
                line.note("paragraph", f"a label in 【】 right after running text, over {len(box)} short label：value "
                                       "lines set flush in a text that indents its paragraphs (段首空两字), the text "
                                       "going on indented under them: a data box of the article, not a column")
                continue
            _give(doc, i, "section", "a column name in 【】", cert="high")
            continue
        prev_role = doc.roles.get(i - 1)
        nxt = _next(doc, i)
        if (doc.family == "newspaper" and ((prev_role is not None and prev_role.kind == "page-label")
                                           or (_after_page_label(line) and i + 2 < doc.colophon_start
                                               and author_line(doc.lines[i + 2])))
                and 2 <= len(line.key) <= 6 and heading_shape(line) and nxt is not None and heading_shape(nxt)
                and not author_line(nxt)
                # (a row of cells apart by gaps under it, 12日（星期五）　晴　-9℃～2℃: a list's or
                # table's first row, no title: the line is the title of that list, 一周天气预报)
                and not len(re.findall(r"\S(?:\u3000+|[ \t]{2,})(?=\S)", nxt.text.strip())) >= 2
                and not BRIEF_RE.search(line.key)
                and not ((after := doc.roles.get(i + 2)) is not None and after.kind == "lead-in")):
            _give(doc, i, "section", "a short name right after a page label, a title under it (a 副刊's name)",
                  cert="medium")


#: A line of a data box: a short label, a colon, a short value (``全县平均降雨量：118.6毫米``,
#: ``超汛限水位小型水库：5座``: GB/T 15834-2011 4.1.3, the colon after a label), no sentence mark.
BOX_FIELD_RE = re.compile(r"^[^：:，,。；;！？!?【】]{2,12}[：:][^：:。；;！？!?【】]{1,30}$")


def _data_box(doc: LogicalText, i: int) -> list[int]:
    """The indexes of the label：value lines (:data:`BOX_FIELD_RE`, two at least, none indented, no
    role, no blank line before) under the 【】 label on line *i*, when the label stands inside an
    open article (the line above is running text with no role) and the article goes on under the
    box (the line after it opens indented, 段首空两字, or is the article's credit); else ``[]``.
    Call only for a text that marks its paragraphs by their indent (a flush line there is no
    paragraph's start). Scans only the box's own lines."""
    prev = _prev(doc, i)
    if prev is None or (i - 1) in doc.roles or not paragraph_shape(prev):
        return []
    box: list[int] = []
    k = i + 1
    while (k < doc.colophon_start and k not in doc.roles and not doc.lines[k].blank_before
           and not indented(doc.lines[k]) and BOX_FIELD_RE.match(doc.lines[k].key)):
        box.append(k)
        k += 1
    if len(box) < 2 or k >= doc.colophon_start:
        return []
    after = doc.roles.get(k)
    if not (indented(doc.lines[k]) or (after is not None and after.kind == "credit")):
        return []
    return box


#: How far on (in logical lines) a second signed piece of a column is looked for.
COLUMN_REACH = 60


def _signed_title(doc: LogicalText, i: int) -> bool:
    """Line *i* is a title with its own author line under it (the byline role on the next line)."""
    role = doc.roles.get(i + 1)
    return (i not in doc.roles and i + 1 < doc.colophon_start and role is not None and role.kind == "byline"
            and not role.data.get("unit") and title_like(doc.lines[i], SIGNED_TITLE_MAX))


def find_signed_columns(doc: LogicalText) -> None:
    """A column name over signed pieces (栏目: ``委员发言摘编`` over speeches, each a title with its
    speaker's line under it): a short line of heading shape (2–12 characters, narrower than a
    wrapped line) right above a title that has its own author line, after the text of the piece
    before (a line of running text that ends a sentence, a credit or byline) or at the body's top,
    with a second signed title further on (within :data:`COLUMN_REACH` lines, no other column
    name between). One signed piece under a short line is a title with a kicker or a title
    printed on two lines; several are a column's pieces. Not in a newspaper (a 引题 over a signed
    story; its columns are its pages), nor where a printed contents list names the columns (the
    body builder reads them there). Runs after :func:`find_bylines`."""
    if doc.family == "newspaper" or doc.contents is not None:
        return
    for i, line in list(_body(doc)):
        if not (2 <= len(line.key) <= 12 and heading_shape(line) and not any(c in "，,、：:" for c in line.text)
                and not as_wide_as_wrapped(line, doc.wrap_width) and _signed_title(doc, i + 1)):
            continue
        prev = _prev(doc, i)
        prev_role = doc.roles.get(i - 1)
        if prev is not None and not ((prev_role is not None and prev_role.kind in ("credit", "byline"))
                                     or (prev_role is None and paragraph_shape(prev) and not unfinished(prev.text))):
            continue
        for j in range(i + 3, min(doc.colophon_start, i + 3 + COLUMN_REACH)):
            role = doc.roles.get(j)
            if role is not None and role.kind == "section":
                break
            if _signed_title(doc, j):
                _give(doc, i, "section", "a short name over a signed title (its author line under it), a second "
                      f"signed title at line {doc.lines[j].no}: a column of signed pieces", cert="medium")
                break


def _numbered_question(doc: LogicalText, i: int) -> tuple[int, int] | None:
    """``(level, number)`` when body line *i* is a numbered question on a line of its own
    (``1.提取公积金租房需要哪些材料？``: GB/T 15834-2011 B.3.8 number, one question, no other
    sentence mark) with its answer under it (``答：…``, or an answer paragraph with no label where a
    numbered question of the same level, the number next to its own, stands near): the heading of
    one item of a 问答 piece (政策解读, 答记者问), a sub-heading of the piece."""
    found = _question_shape(doc.lines[i])
    nxt = _next(doc, i)
    if found is None or nxt is None:
        return None
    if re.match(r"^答\s*[：:]", nxt.key):
        return found
    # (or its answer a paragraph under it, no 答： label, and the next or the last question of the
    # piece a numbered question of the same shape: ``1.离休干部在外地就医，医药费怎么报销？`` /
    # ``离休干部…``, ``2.退休干部的…如何申请？``; at most QUESTION_REACH lines away)
    if not paragraph_shape(nxt) or doc.roles.get(i + 1) is not None:
        return None
    for k in range(max(doc.body_start, i - QUESTION_REACH), min(doc.colophon_start, i + QUESTION_REACH + 1)):
        if k != i and (other := _question_shape(doc.lines[k])) is not None and other[0] == found[0] \
                and abs(other[1] - found[1]) == 1 and (k > i) == (other[1] > found[1]):
            return found
    return None


#: How far (in logical lines) a numbered question's sibling may stand (:func:`_numbered_question`).
QUESTION_REACH = 30


def _question_shape(line: Line) -> tuple[int, int] | None:
    """``(level, number)`` when *line* is a numbered question on a line of its own: a GB/T
    15834-2011 B.3.8 number, one question of at most 40 characters ending in a question mark, no
    other sentence mark (a comma may stand)."""
    found = numbered_parts(line)
    if found is None or found[1] is None:
        return None
    rest = found[2].strip()
    if not rest.endswith(("？", "?")) or len(re.sub(r"\s+", "", rest)) > 40 or any(c in "。；;！!：:" for c in rest) \
            or rest.count("？") + rest.count("?") > 1:
        return None
    return found[0], found[1]


def subhead_level(line: Line) -> tuple[int, int] | None:
    """``(level, number)`` when *line* is a numbered sub-heading on a line of its own (GB/T
    15834-2011 B.3.8: 一、 1, （一） 2, 1. 3, （1） 4): short, no sentence punctuation (a comma may
    stand), not a run-in item (``一是…``, ``（一）…。正文``)."""
    found = numbered_parts(line)
    if found is None:
        return None
    level, n, rest = found
    if not rest or n is None or len(re.sub(r"\s+", "", rest)) > 30:
        return None
    if any(c in "。；;！？!?：:" for c in rest) or rest.count("，") + rest.count(",") > 2:
        return None
    return level, n


def numbered_parts(line: Line) -> tuple[int, int | None, str] | None:
    """``(level, number, the rest of the line)`` for a line opening with a number of one of the
    four levels of GB/T 15834-2011 B.3.8 (:data:`SUBHEAD_LEVELS`, the first that matches), else
    ``None``; the number ``None`` when its numeral does not read."""
    text = line.text.strip()
    for level, rx in SUBHEAD_LEVELS:
        m = rx.match(text)
        if m:
            return level, numeral(m.group("n")), text[m.end():].strip()
    return None


#: The rest of a numbered line that names a speaker and the theme of the speech (``1.棣阳建工集团有
#:限公司：把安全教育落到每一个班组``, ``（一）桦溪镇：…``): a name of three characters or more (a
#: unit's, a town's; no punctuation in it), one colon, a theme opening with a Han character or a
#: quote, no sentence punctuation, the whole within a heading's 30 characters. A meeting report's
#: 交流发言 print it as the sub-heading of each speech; a label and its value (``时间：5月10日``) have
#: a shorter name or no title after the colon, and a list of three-character labels (``联系人：…``)
#: stands over no running text, which :func:`_speaker_heads` wants under each.
SPEAKER_REST_RE = re.compile(r"(?P<name>[^\s，,。；;：:！？!?、“”（）()]{3,20})[：:](?P<theme>[\u4e00-\u9fff“][^。；;：:！？!?]{3,})")


def speaker_level(line: Line) -> tuple[int, int] | None:
    """``(level, number)`` when *line* is a numbered line ``N.单位：主题`` (:data:`SPEAKER_REST_RE`)
    that :func:`subhead_level` refuses for its colon alone: the shape of an exchange speech's
    sub-heading in a meeting report. Alone the shape says little; :func:`find_subheads` takes it
    where a sibling of that shape stands too and running text follows each."""
    found = numbered_parts(line)
    if found is None:
        return None
    level, n, rest = found
    if n is None or len(re.sub(r"\s+", "", rest)) > 30 or rest.count("，") + rest.count(",") > 1:
        return None
    return (level, n) if SPEAKER_REST_RE.fullmatch(rest) else None


def _speaker_heads(doc: LogicalText) -> dict[int, tuple[int, int]]:
    """The numbered speaker lines (:func:`speaker_level`) that stand on a line of their own over
    running text (a blank line between, where the text has blank lines) and have a sibling of
    the same shape — the number before or after at the same level (or the one beyond it, the
    sibling between glued to its text by the extraction): the items of one numbering
    series share their form (GB/T 15834-2011 B.3.8), and a speech under each makes them its
    heads, not the items of a list of fields. A line as wide as a wrapped one stands alone only
    with a blank line under it. One linear pass."""
    blank_separated = _blank_separated(doc)
    shaped: dict[int, tuple[int, int]] = {}
    for i, line in _body(doc):
        found = speaker_level(line)
        nxt = _next(doc, i)
        if (found is None or nxt is None or (i + 1) in doc.roles or not paragraph_shape(nxt)
                or subhead_level(nxt) or speaker_level(nxt) or (blank_separated and not nxt.blank_before)
                or (as_wide_as_wrapped(line, doc.wrap_width) and not nxt.blank_before
                    # (unless the unwrapping ended it by its sibling above: physical.head_sibling)
                    and not any(e.endswith(HEAD_SIBLING) for e in line.evidence))):
            continue
        shaped[i] = found
    order = list(shaped.items())
    out: dict[int, tuple[int, int]] = {}
    for k, (i, (level, n)) in enumerate(order):
        near = [order[j][1] for j in (k - 1, k + 1) if 0 <= j < len(order)]
        # (the number before or after; or one further, the sibling between them run into a
        # paragraph by the extraction: 1. and 3. on lines of their own, 2. glued to its text)
        if (level, n - 1) in near or (level, n + 1) in near \
                or (k > 0 and order[k - 1][1] == (level, n - 2)) or (k + 1 < len(order) and order[k + 1][1] == (level, n + 2)):
            out[i] = (level, n)
    return out


def _prose_cut(line: Line) -> bool:
    """*line* stops mid-sentence, holds an enumeration comma or quotes (、“”) and is not short
    (15 characters or more): running text cut by a hard wrap or an old page break, however much
    narrower than the wrapped lines it is."""
    return unfinished(line.text) and len(line.key) >= 15 and any(c in "、“”" for c in line.text)


def _heads_next(found: tuple[int, int], nxt: Line) -> bool:
    """The numbered line *found* (``(level, number)``) is a heading whose text does not go on in
    *nxt*: the next line is a numbered sub-heading that follows it in the GB/T 15834-2011 B.3.8
    sequence — the first of the level below (``（一）…`` then ``1.…``) or the next at its own level
    (``（一）…`` then ``（二）…``). Such a number can only start a line, so the line above ended
    however wide it is."""
    below = subhead_level(nxt)
    if below is None:
        return False
    return (below[0] > found[0] and below[1] == 1) or (below[0] == found[0] and below[1] == found[1] + 1)


def find_subheads(doc: LogicalText) -> None:
    """Numbered sub-headings (:func:`subhead_level`). ``cert`` is ``high`` where the number
    follows the one before it at its level (or starts at 1), ``medium`` otherwise.

    A numbered line as wide as a wrapped line that stops mid-sentence, with no blank line after
    it, may be a wrapped line that begins with a number; it is a sub-heading all the same (at
    most ``medium``) when a sibling — the number before or after it at its level, with no heading
    of a higher level between — stands on a line of its own: the items of one numbering series
    share their form (GB/T 15834-2011 B.3.8), a heading exactly as wide as the column is no run-in
    paragraph among headings; or when the next line opens with the number that follows it
    (:func:`_heads_next`), also at most ``medium``. In a text that marks its paragraphs by their
    first-line indent (:func:`indent_marked`, or its physical lines do:
    :func:`convert.reader.physical.indent_marked_lines`), a numbered line followed by an indented line is not
    wrapped: the indent opens the next paragraph (段首空两字)."""
    blank_separated = _blank_separated(doc)
    indents = indent_marked(doc) or indent_marked_lines(list(doc.physical.values()))
    # (index, (level, number), whether the line may be a wrapped one that goes on, whether only
    # the number opening the next line says it ended)
    cands: list[tuple[int, tuple[int, int], bool, bool]] = []
    # candidates right after a line ending in a clause mark (``为此建议：``): headings only if a
    # sibling stands on a line of its own
    after_clause: set[int] = set()
    items: dict[int, tuple[int, int]] = {}  # line index → (level, number) of an enumeration's items, run in
    speakers = _speaker_heads(doc)
    for i, line in list(_body(doc)):
        found = subhead_level(line) or speakers.get(i) or _numbered_question(doc, i)
        if found is None:
            continue
        nxt, prev = _next(doc, i), _prev(doc, i)
        if items.get(i - 1) == (found[0], found[1] - 1):
            items[i] = found  # the next item of the enumeration right above: run in like it
            continue
        if nxt is not None and not (paragraph_shape(nxt) or (i + 1) in doc.roles or subhead_level(nxt)
                                    or as_wide_as_wrapped(nxt, doc.wrap_width) or _prose_cut(nxt)
                                    # a sentence that opens a list under the heading (对…予以通报批评：)
                                    or (len(nxt.key) >= 8 and nxt.text.rstrip()[-1:] in "：:"
                                        and not FORM_FIELD_RE.match(nxt.text.strip()))):
            continue
        if prev is not None and after_clause_mark(prev.text):
            # an item of an enumeration the sentence above opens (…：（1）…；（2）…): run in, no
            # heading; unless the line ends bare and running text, not the next item, follows it
            # (现将有关事项通知如下： then 一、… over its text: GB/T 9704 practice), which a
            # sibling on a line of its own confirms below
            # (a deeper-numbered line under it, 一、… over （一）…, is its first sub-heading: a
            # heading with its own, which a sibling confirms below, not a run-in item)
            below = subhead_level(nxt) if nxt is not None else None
            if nxt is None or after_clause_mark(line.text) or (below is not None and below[0] <= found[0]) \
                    or ((i + 1) in doc.roles and below is None) or (below is None and not paragraph_shape(nxt)):
                items[i] = found
                continue
            after_clause.add(len(cands))
        if (nxt is not None and not nxt.blank_before and not _heads_next(found, nxt) and blank_separated
                and _numbered_question(doc, i) is None):
            # a wrapped line that happens to begin with a number: the text goes on (a numbered
            # question ends with its question mark, its 答： under it, no blank line between)
            continue
        full = (nxt is not None and not nxt.blank_before and as_wide_as_wrapped(line, doc.wrap_width)
                and unfinished(line.text))
        # in a text that marks its paragraphs by their indent, an indented next line opens a
        # paragraph: the numbered line above it ended, however wide it is
        wrapped = full and not _heads_next(found, nxt) and not (indents and indented(nxt))
        cands.append((i, found, wrapped, full and not wrapped))
    alone = {k for k, (_, _, wrapped, _) in enumerate(cands) if not wrapped and k not in after_clause}

    def sibling(k: int) -> int | None:
        """The number of a sibling of candidate *k* on a line of its own (a few candidates away
        at most, none of a higher level between), else ``None``."""
        level, n = cands[k][1]
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(cands) and abs(j - k) <= 12:
                other_level, m = cands[j][1]
                if j in alone and other_level < level:
                    break
                if j in alone and other_level == level and m == n + step:
                    return m
                j += step
        return None

    last: dict[int, int] = {}
    for k, (i, (level, n), wrapped, by_next) in enumerate(cands):
        by_sibling = sibling(k) if wrapped or k in after_clause else None
        if (wrapped or k in after_clause) and by_sibling is None:
            continue  # a wrapped line that happens to begin with a number, an enumeration's item
        before = last.get(level)
        # a number out of sequence is still a sub-heading of its level (the number says so): the
        # broken sequence lowers @cert (a number skipped: medium; one going back, 2 printed after
        # 3: low) and is named in the evidence and the document's warning
        if n == 1 or before == n - 1:
            cert, out_of = "high", None
        elif before is not None and n <= before:
            cert, out_of = "low", f"out of sequence: {n} after {before}"
        else:
            cert, out_of = "medium", f"out of sequence: {n} after {before}" if before else f"out of sequence: {n} first"
        why = f"numbered like a level-{level} heading (GB/T 15834 B.3.8), on a line of its own"
        if k in after_clause:
            why += (f"; after a line ending in a clause mark, but running text follows it and its sibling "
                    f"{by_sibling} stands on a line of its own (one numbering series, one form)")
            cert = "low" if cert == "low" else "medium"
        elif by_sibling is not None:
            why += (f"; as wide as a wrapped line and stopping mid-sentence, but its sibling {by_sibling} stands on "
                    "a line of its own (one numbering series, one form)")
            cert = "low" if cert == "low" else "medium"
        elif by_next:
            why += ("; as wide as a wrapped line and stopping mid-sentence, but the next line opens with the "
                    "number that follows it (such a number only starts a line)")
            cert = "low" if cert == "low" else "medium"
        if i in speakers:
            why += ("; a speaker and the theme of the speech (N.单位：主题) over running text, its sibling of the "
                    "same form too: an exchange speech's sub-heading, the colon no label's")
            cert = "low" if cert == "low" else "medium"
        for deeper in [d for d in last if d > level]:
            del last[deeper]
        last[level] = n
        _give(doc, i, "subhead", why + (f"; {out_of}" if out_of else ""), cert=cert, level=level, n=n, sequence=out_of)
    _numbered_pieces(doc)
    _column_items(doc)


def _numbered_pieces(doc: LogicalText) -> None:
    """A briefing's run of numbered pieces: the sub-headings of a second or third level
    (``（一）``, ``1.``) whose first, numbered 1, is the body's first line, followed by 2, 3 … in
    sequence at that level, two at least, each over running text, with no sub-heading of a higher
    level anywhere in the issue. GB/T 15834-2011 B.3.8 sets such a level under a higher one; a
    briefing whose body opens with it has no piece above for it to be a sub-head of, so the run
    is the issue's articles (a 综合 issue's items, each under its numbered title). Their roles
    are marked ``article`` (the body builder opens an article at each), ``cert`` at most
    ``medium``: the evidence is their place and numbering alone. One linear pass over the
    roles."""
    if doc.family != "briefing" or doc.body_start >= doc.colophon_start:
        return
    first = doc.roles.get(doc.body_start)
    if first is None or first.kind != "subhead" or first.data["level"] < 2 or first.data["n"] != 1:
        return
    level = first.data["level"]
    run: list[int] = []
    for i in range(doc.body_start, doc.colophon_start):
        role = doc.roles.get(i)
        if role is None or role.kind != "subhead":
            continue
        if role.data["level"] < level:
            return  # a higher level in the issue: the run is sub-heads under it
        if role.data["level"] == level:
            nxt = _next(doc, i)
            if (role.data["n"] == len(run) + 1 and nxt is not None and (i + 1) not in doc.roles
                    and paragraph_shape(nxt)):
                run.append(i)
            else:
                return  # the numbering breaks off, or a title stands over no running text
    if len(run) < 2:
        return
    for i in run:
        role = doc.roles[i]
        role.data["article"] = True
        role.why += ("; the body opens with this numbered run (1 … " + str(len(run)) + ", no higher level above "
                     "it in the issue): a briefing's numbered pieces, each an article under its own title")
        role.cert = "low" if role.cert == "low" else "medium"


def _column_items(doc: LogicalText) -> None:
    """A column's numbered items: right under a column name in its marks (``【工作动态】``,
    :data:`COLUMN_RE`), numbered title lines 1, 2, 3 … of one level (``1.…``, ``（一）…``), each on a
    line of its own over running text and each item closed by its credit (``（…供稿）``) right
    before the next number. A credit closes a piece (a briefing's 供稿 line, GB/T 9704-2012 practice
    for 信息/简报: each item its own source), so the number after it opens the column's next
    piece, not a sub-heading of the piece above (GB/T 15834-2011 B.3.8 sets a sub-heading inside
    its piece, under its text, before the piece's credit). The run's roles are marked ``article``
    and ``brief`` (the body builder opens a ``div type="brief"`` with the number as the head's
    ``label``), ``cert`` at most ``medium``: the evidence is place, numbering and credits. An item
    may go without a credit when its text runs to the next number, the next column, the 版记 or
    the title of a piece after the column:
    the numbers still have no title above them in the column to be sub-heads of (GB/T 15834-2011
    B.3.8 numbers a piece's parts under the piece's title), so they are the column's items, with
    ``cert`` ``low`` (place and numbering alone). Two items at least. One linear pass over the
    body."""
    body = range(doc.body_start, doc.colophon_start)
    for i in body:
        role = doc.roles.get(i)
        if role is None or role.kind != "section" or not COLUMN_RE.match(doc.lines[i].key):
            continue
        k = i - doc.body_start + 1
        first = doc.roles.get(body[k]) if k < len(body) else None
        if first is None or first.kind != "subhead" or first.data["n"] != 1 or first.data["level"] < 2:
            continue
        level, run, wide, uncredited = first.data["level"], [], set(), 0
        while k < len(body):
            j = body[k]
            head = doc.roles.get(j)
            if head is None and run and subhead_level(doc.lines[j]) == (level, len(run) + 1):
                # the next number right after the item above's credit, as wide as a wrapped line
                # (find_subheads left it to the text): the credit closed that item, so the line
                # opens the next one, no wrapped line of a paragraph
                wide.add(j)
            elif head is None or head.kind != "subhead" or head.data["level"] != level or head.data["n"] != len(run) + 1:
                break
            m = k + 1
            # the item's running text, then its credit
            while m < len(body) and body[m] not in doc.roles and paragraph_shape(doc.lines[body[m]]):
                m += 1
            end = doc.roles.get(body[m]) if m < len(body) else None
            if m == k + 1:
                break
            if end is not None and end.kind == "credit":
                run.append(j)
                k = m + 1
                continue
            # no credit: the item's text runs to the next number, the next column, the 版记 or a
            # title of the next piece (a line of no running text's shape, no role)
            if m < len(body) and end is not None and not (end.kind == "section" or (
                    end.kind == "subhead" and end.data["level"] == level and end.data["n"] == len(run) + 2)):
                break
            run.append(j)
            uncredited += 1
            if m < len(body) and end is None:
                break
            k = m
        if len(run) < 2:
            continue
        for j in run:
            if j in wide:
                _give(doc, j, "subhead", f"numbered like a level-{level} heading (GB/T 15834 B.3.8), as wide as a "
                      "wrapped line but right after the credit that closed the item above", cert="low",
                      level=level, n=subhead_level(doc.lines[j])[1], sequence=None)
            role = doc.roles[j]
            role.data["article"] = role.data["brief"] = True
            if uncredited:
                role.why += (f"; right under the column name at line {doc.lines[i].no}, a numbered run (1 … {len(run)}) "
                             f"of titles, each over its text ({uncredited} not closed by a credit): the column's "
                             "items, the number a label, no sub-heading (no title above them to be sub-heads of)")
                role.cert = "low"
            else:
                role.why += (f"; right under the column name at line {doc.lines[i].no}, a numbered run (1 … {len(run)}) "
                             "of titles, each over its text and closed by its credit: the column's items, the number "
                             "a label, no sub-heading")
                role.cert = "low" if role.cert == "low" else "medium"


def physical_parts(line: Line, physical: dict[int, Line]) -> list[Line]:
    """The physical lines a logical *line* was joined from (the unwrapping pass joined them; a
    part's segments as split), or ``[line]``. The first part is a new :class:`Line` holding what
    the others do not."""
    if line.end_no <= line.no or not physical:
        return [line]
    rest = [physical[no] for no in range(line.no + 1, line.end_no + 1) if no in physical and not physical[no].furniture]
    if not rest:
        return [line]
    first_of_rest = rest[0].segments[0] if rest[0].segments else None
    cut = next((k for k, seg in enumerate(line.segments) if seg is first_of_rest), None)
    if cut is None:
        return [line]
    head = Line(line.no, line.raw, line.level, line.bullet, line.all_bold,
                [s for s in line.segments[:cut] if s[0].strip() or not s[0] == " "], None, line.blank_before,
                line.blanks_before, line.form_feed, line.no)
    # what the logical line gained after its last physical line (the old page break that ends an
    # issue, moved there from the next issue's first line) stays with that line
    last = rest[-1].segments[-1] if rest[-1].segments else None
    end = next((k for k in range(len(line.segments) - 1, cut - 1, -1) if line.segments[k] is last), None)
    if end is not None and end + 1 < len(line.segments):
        tail = rest[-1]
        rest[-1] = Line(tail.no, tail.raw, tail.level, tail.bullet, tail.all_bold, tail.segments + line.segments[end + 1:],
                        tail.page, tail.blank_before, tail.blanks_before, tail.form_feed, tail.end_no)
    return [head] + rest


def _verse_like(parts: list[Line]) -> bool:
    """Every part short (≤ 16 characters), none but the last ending a sentence."""
    return all(0 < len(p.key) <= 16 for p in parts) and not any(
        p.text.rstrip()[-1:] in "。！？!?；;" for p in parts[:-1])


#: A title that names a classical verse form (poetry-journal practice: ``体·题``): a 近体/古体
#: form (七律·…, 五绝·…, 五言律诗…, 古风…), or a 词牌/曲牌 before the poem's own title
#: (``浣溪沙·蕤水春晓``: two to five Han characters, a middle dot, the title).
VERSE_FORM_RE = re.compile(r"^(?:[四五六七]言)?(?:[五六七][律绝古]|律诗|绝句|排律|古风|歌行)")
#: A title in the shape of a 词牌 (or 曲牌) before the poem's own title: two to five Han
#: characters, a middle dot, the title (``浣溪沙·蕤水春晓``). The shape alone names no form for
#: sure (a column may print ``聚焦·…``): verse found under it carries ``@cert="medium"``.
TUNE_TITLE_RE = re.compile(r"^[\u4e00-\u9fff]{2,5}[·•][\u4e00-\u9fff]")
#: The 词牌 most set by today's 诗词学会 (the common tunes of 《钦定词谱》/《白香词谱》): a title
#: opening with one of them names the form, and the verse under it needs no ``@cert``.
COMMON_TUNES = frozenset("""
浣溪沙 鹧鸪天 临江仙 蝶恋花 西江月 清平乐 菩萨蛮 满江红 水调歌头 沁园春 念奴娇 卜算子 如梦令 长相思
忆江南 渔家傲 江城子 青玉案 虞美人 破阵子 踏莎行 定风波 采桑子 点绛唇 浪淘沙 一剪梅 苏幕遮 醉花阴
声声慢 雨霖铃 八声甘州 永遇乐 水龙吟 贺新郎 摸鱼儿 扬州慢 桂枝香 六州歌头 少年游 生查子 南乡子 朝中措
眼儿媚 阮郎归 诉衷情 武陵春 钗头凤 风入松 天仙子 行香子 小重山 玉楼春 木兰花 减字木兰花 鹊桥仙 人月圆
唐多令 太常引 柳梢青 忆秦娥 相见欢 乌夜啼 捣练子 调笑令 渔歌子 望江南 更漏子 酒泉子 好事近 謁金门 谒金门
画堂春 喝火令 南歌子 浪淘沙令 满庭芳 高阳台 解语花 暗香 疏影 凤凰台上忆吹箫 离亭燕 苏武慢 天净沙 山坡羊
""".split())
#: A printed line of classical verse: Han characters and clause punctuation only, each clause
#: closed (the line ends in ，。！？；), at most :data:`CLASSICAL_MAX` characters.
CLASSICAL_LINE_RE = re.compile(r"^[\u4e00-\u9fff，。！？；、]*[\u4e00-\u9fff][，。！？；]$")
#: The longest printed line of a 词 (a 片's lines may run on within one printed line).
CLASSICAL_MAX = 32


def regulated_couplet(part: Line) -> bool:
    """A 近体诗 couplet printed on one line (律诗/绝句: ``五字，五字。`` or ``七字，七字。``): two
    halves of equal length, five or seven Han characters, the first ending in ，, the second in
    。？！ (the 联 is the unit a regulated poem is set by)."""
    t = part.key
    if len(t) not in (12, 16) or t[-1] not in "。！？":
        return False
    half = (len(t) - 2) // 2
    return t[half] == "，" and CLASSICAL_LINE_RE.match(t) is not None and "，" not in t[:half] + t[half + 1:-1]


def classical_line(part: Line) -> bool:
    """A printed line of classical verse (:data:`CLASSICAL_LINE_RE`, :data:`CLASSICAL_MAX`)."""
    return 0 < len(part.key) <= CLASSICAL_MAX and CLASSICAL_LINE_RE.match(part.key) is not None


#: A notice's name alone (征稿启事, 稿约, 更正, 声明): no line of a poem.
NOTICE_NAME_RE = re.compile(r"(?:本刊|本报)?(?:(?:征稿|征文|征订|征集|更正)?启事|稿约|更正|声明)")


def _title_after_verse(doc: LogicalText, run: list[tuple[int, list[Line]]], stop: int) -> bool:
    """The last line of a run of verse lines (*run*, ended at line *stop*) is the title of the
    prose piece that follows the poem, not the poem's last line: a 副刊 sets a poem and then an
    essay, each under its own title, and a poem's lines never run on into prose. It is so when
    the run ended at running text (line *stop*: a paragraph by its shape, no role, no heading
    mark), the last line is one short line of heading shape, and it stands apart as the poem's
    stanzas do: a blank line (or an old page break: the poem ended at a page's foot) above it
    and a blank line above the prose, or the text prints no blank line
    inside the poem at all (blank lines gone: weaker, the line's evidence says so), or the text
    sets blank lines between the stanzas only and the line stands under the poem's closing
    sentence (。) over a paragraph three times as long as any line of the poem. Else a poem's last
    line under its stanza with no blank line between is kept. Notes the evidence on the line."""
    if stop >= doc.colophon_start or stop in doc.roles or doc.lines[stop].level:
        return False
    prose = doc.lines[stop]
    last_i, last_parts = run[-1]
    last = doc.lines[last_i]
    if len(last_parts) != 1 or not heading_shape(last) or not paragraph_shape(prose) or (
            len(run) < 4 and not (len(run) >= 3 and NOTICE_NAME_RE.fullmatch(last.key))):
        # (a notice's name, 征稿启事, under a quatrain of two printed lines is the notice's title)
        return False
    blanks = any(doc.lines[k].blank_before for k, _ in run[1:])
    if not blanks and not sentence_final(prose.text) and stop + 1 >= doc.colophon_start:
        # (no blank lines, and the "prose" a line ending no sentence with nothing of a piece under
        # it, the issue's colophon next: the poem's last, longer line, 我要带女儿来，认一认…的窗口)
        return False
    # an old page break before the line (it opens with the page's milestones: folio, running
    # head) sets it apart from the stanza above as a blank line does
    apart = last.blank_before or (bool(last.segments) and is_mark(last.segments[0][0]))
    above = doc.lines[run[-2][0]]
    longest = max(len(doc.lines[k].key) for k, _ in run[:-1])
    closed = (blanks and not apart and not prose.blank_before and sentence_final(above.text)
              and len(prose.key) >= max(30, 3 * longest))
    # (a text that sets blank lines between the poem's stanzas only, none between its prose
    # paragraphs: the poem's last line closed its sentence, and under the short line a paragraph
    # three times as long as any line of the poem; a poem's lines never run on into prose)
    if blanks and not (apart and prose.blank_before) and not closed:
        return False
    last.note("title after verse", "a short line of heading shape after a poem's lines, running text under it: "
              "the title of the prose piece that follows" + ("" if blanks else
              " (no blank line sets the poem's stanzas apart: weaker evidence)"))
    return True


#: Why a line inside a group of poems is a poem's own title (:func:`poem_title`).
POEM_TITLE = ("a poem's own title (its form or 词牌 and a middle dot: 七绝·…, 浣溪沙·…) inside a group of poems under "
              "one title and author line: the head of that poem")


def poem_title(line: Line) -> bool:
    """*line* is a poem's own title by its shape alone: it names a classical form
    (:data:`VERSE_FORM_RE`: 七绝·…) or opens with a common 词牌 and a middle dot
    (:data:`COMMON_TUNES`: 浣溪沙·…), short (at most 20 characters) and without punctuation but
    the dot (poetry-journal practice: ``体·题``)."""
    key = line.key
    if not 2 < len(key) <= 20 or re.search(r"[，,。；;：:！？!?、]", key):
        return False
    return VERSE_FORM_RE.match(key) is not None or re.split(r"[·•]", key, maxsplit=1)[0] in COMMON_TUNES


#: A title that counts the poems printed under it (``秋天的河滩（外二首）``, ``萸山春行（三首）``): a group
#: of poems by one author, each after the first under its own title.
GROUP_OF_POEMS_RE = re.compile(r"[（(]外?[一二三四五六七八九十\d]{1,3}首[）)]$")


def find_verse(doc: LogicalText) -> None:
    """Verse (a 副刊's poem): under a title and an author line, the lines that follow while each
    is short and ends no sentence (checked on the physical lines: the unwrapping joined a
    stanza's lines where nothing showed their width), three verse lines at least. The run ends
    before the next poem's title: a line the source marks as a heading (``#``), or the line right
    above another author line (a 副刊 prints each poem's title with its author line under it).
    Classical verse is set line by line and ends its clauses: under the author line, two lines
    at least of Han characters and clause punctuation (:func:`classical_line`) are verse when
    each is a regulated couplet (:func:`regulated_couplet`) or the title names the form
    (:data:`VERSE_FORM_RE`, a common 词牌 of :data:`COMMON_TUNES`; a title only of 词牌 shape,
    :data:`TUNE_TITLE_RE`, gives ``@cert="medium"``); running
    prose has unequal clauses and runs past a line, and is not taken. The run ends too at a line
    the printed contents list names, a column name or an entry's title other than the poem's own
    (a poem at a column's end runs on, past the page break, to the next column's name and title:
    no line of a poem is printed as a title the contents list names). Linear: one scan."""
    listed = ({e.key for e in doc.contents.entries} | set(doc.contents.section_keys)
              if doc.contents is not None else set())
    for i in range(doc.body_start, doc.colophon_start):
        role = doc.roles.get(i)
        if role is None or role.kind != "byline":
            continue
        title = doc.lines[i - 1].key if i - 1 >= doc.body_start else ""
        named = VERSE_FORM_RE.match(title) is not None or re.split(r"[·•]", title, maxsplit=1)[0] in COMMON_TUNES
        tune = not named and TUNE_TITLE_RE.match(title) is not None
        run: list[tuple[int, list[Line]]] = []
        titles: set[int] = set()  # the poems' own titles in a group of poems
        modern_run: list[bool] = []  # each line as the free-verse rule takes it
        classical = True  # every line a printed line of classical verse
        j = i + 1
        while j < doc.colophon_start and j not in doc.roles:
            nxt = doc.roles.get(j + 1)
            if doc.lines[j].level or (nxt is not None and nxt.kind == "byline" and not nxt.data.get("unit")):
                break  # the next poem's title
            if doc.lines[j].key in listed and doc.lines[j].key != title:
                break  # a column name or a title the contents list prints: the next piece
            if whole_bracket(doc.lines[j].text):
                break  # a note in brackets after the poem (（作者系…）): the author's note, no verse line
            if j > i + 1 and j + 1 < doc.colophon_start and doc.lines[j].blank_before and len(doc.lines[j].key) <= 20 \
                    and _set_deeper(doc.lines[j - 1], doc.lines[j]) >= 6 \
                    and _set_deeper(doc.lines[j], doc.lines[j + 1]) <= -6 \
                    and abs(_set_deeper(doc.lines[j - 1], doc.lines[j + 1])) <= 1 \
                    and indent_width(doc.lines[j - 1]) >= 4 and not GROUP_OF_POEMS_RE.search(title):
                # a short line set in far deeper (six ideographs or more) than the poem's lines around
                # it, which are set in alike (four ideographs or more), after a stanza's end: the
                # next poem's title (a 副刊 centres each title over its poem's lines); not inside a
                # group of poems under one title (…（外二首）, （三首）), whose poems' titles stay in
                # the group's run
                break
            parts = physical_parts(doc.lines[j], doc.physical)
            if len(parts) == 1 and (j == i + 1 or doc.lines[j].blank_before) and poem_title(doc.lines[j]):
                # a poem's own title inside a group under one title and author (萸山春行（三首）
                # / X / 七绝·萸山桃花 / its lines …): the head of that poem, no verse line
                run.append((j, parts))
                modern_run.append(True)
                titles.add(j)
                j += 1
                continue
            modern = _verse_like(parts) and not (len(parts) == 1 and paragraph_shape(doc.lines[j]) and len(doc.lines[j].key) > 16)
            if not (modern or all(classical_line(p) for p in parts)):
                break
            classical = classical and all(classical_line(p) for p in parts)
            modern_run.append(modern)
            run.append((j, parts))
            j += 1
        lines = [p for j, parts in run if j not in titles for p in parts]
        couplets = bool(lines) and all(regulated_couplet(p) for p in lines)
        if classical and len(lines) >= 2 and (couplets or named or tune):
            # classical verse, set line by line: 律诗/绝句 a couplet to a line, a 词 under its 词牌
            why = ("a couplet line (two equal halves of five or seven characters) under a title and an author line"
                   if couplets else f"a line of classical verse under a title naming its form ({title}) and an author line"
                   if named else f"a line of classical verse under a title of 词牌 shape ({title}) and an author line")
            cert = "medium" if not couplets and tune else None
            for k, (j, parts) in enumerate(run):
                _give(doc, j, "verse", POEM_TITLE if j in titles else why, cert=cert, parts=parts, first=(k == 0),
                      title=j in titles)
            continue
        if not all(modern_run):
            # lines of classical shape that are not taken as classical verse: the free-verse
            # rule's run ends where it did
            j = run[modern_run.index(False)][0]
            del run[modern_run.index(False):]
        if run and _title_after_verse(doc, run, j):
            # the last short line stands over prose: the next piece's title (its evidence is
            # noted there), not the poem's last line
            run.pop()
        while run and run[-1][0] in titles:
            run.pop()  # (a title the run ended on heads no poem here)
        if sum(len(p) for j, p in run if j not in titles) < 3 or all(len(p) == 1 for _, p in run) and len(run) < 3:
            continue
        for k, (j, parts) in enumerate(run):
            _give(doc, j, "verse", POEM_TITLE if j in titles
                  else "a short line without closing punctuation under a title and an author line",
                  parts=parts, first=(k == 0), title=j in titles)
    if doc.family == "newspaper":
        find_unsigned_verse(doc)


#: What no verse line of a poem found without its author line holds: a digit (tables, data,
#: dates), a colon (a ``label：value`` line of a notice), a dot leader (``·····``, ``......``).
NOT_VERSE_RE = re.compile(r"[0-9０-９：:]|·{2,}|\.{3,}")


def _stanza_line(part: Line) -> bool:
    """A physical line that may be a line of free verse: short (16 characters at most), no
    digit, colon or leader (:data:`NOT_VERSE_RE`), no bullet or heading number before it."""
    t = part.text.strip()
    return (0 < len(part.key) <= 16 and not NOT_VERSE_RE.search(t) and t[:1] not in BULLET_CHARS
            and not part.bullet and subhead_level(part) is None)


def find_unsigned_verse(doc: LogicalText) -> None:
    """A newspaper's poem whose author line is missing or not recognised (a 副刊 prints free
    verse in stanzas: short lines, no closing punctuation but at the poem's end, a blank line
    between stanzas): under a title standing apart, two stanzas at least, each of two lines
    at least and six lines in all, every line short (:func:`_stanza_line`), none but the last
    ending a sentence, and the run set apart from what follows. Short prose lines end a
    sentence, brief items and a head's 引题/正题/副题 stand one line to a block, tables and
    notices hold digits or colons: none is taken. The evidence is the shape alone:
    ``@cert="medium"`` on the poem, encoded as ``lg[@type='poem']`` of ``lg[@type='stanza']`` of
    ``l`` (TEI P5 3.13.1, Core Tags for Verse). Linear: a run is scanned once."""
    i = doc.body_start
    while i < doc.colophon_start - 1:
        title, j = doc.lines[i], i + 1
        if i in doc.roles or j in doc.roles or not title_like(title) or not doc.lines[j].blank_before:
            i += 1
            continue
        run: list[tuple[int, list[Line]]] = []
        stanzas: list[int] = []
        while j < doc.colophon_start and j not in doc.roles:
            line = doc.lines[j]
            parts = physical_parts(line, doc.physical)
            if not all(_stanza_line(p) for p in parts):
                break
            if not stanzas or line.blank_before or len(parts) > 1:
                stanzas.append(0)
            stanzas[-1] += len(parts)
            run.append((j, parts))
            j += 1
        lines = [p for _, parts in run for p in parts]
        apart = j >= doc.colophon_start or j in doc.roles or doc.lines[j].blank_before
        if len(stanzas) >= 2 and min(stanzas) >= 2 and len(lines) >= 6 and apart and _verse_like(lines):
            why = ("a short line of a poem without its author line: a title standing apart, then "
                   f"{len(stanzas)} stanzas of short lines without closing punctuation ({len(lines)} lines)")
            for k, (v, parts) in enumerate(run):
                _give(doc, v, "verse", why, cert="medium", parts=parts, first=(k == 0))
        i = max(i + 1, j)


#: A printed line of verse set one clause to a line (a 顺口溜, 快板, 歌谣 or 三字经 a report quotes,
#: a 副刊's 七言 poem set clause by clause): three to nine Han characters and the punctuation
#: closing the clause (，、；。！？). The run's lines hold the same number of characters.
CLAUSE_VERSE_LINE_RE = re.compile(r"^([\u4e00-\u9fff]{3,9})[，、；。！？]$")
#: Why a line is a line of such verse (:func:`find_clause_verse`).
CLAUSE_VERSE = ("a line of verse set a clause to a line: one of {n} lines of {k} Han characters each, each closing "
                "its clause (prose never sets its clauses one to a line at one length)")


def _clause_verse_parts(doc: LogicalText, j: int) -> tuple[int, list[Line]] | None:
    """``(characters per line, physical lines)`` when every physical line of line *j* is a line
    of :data:`CLAUSE_VERSE_LINE_RE` and all hold as many characters, else ``None``."""
    parts = physical_parts(doc.lines[j], doc.physical)
    found = [CLAUSE_VERSE_LINE_RE.match(p.key) for p in parts]
    sizes = {len(m.group(1)) for m in found if m is not None}
    if len(sizes) != 1 or None in found:
        return None
    return sizes.pop(), parts


def find_clause_verse(doc: LogicalText) -> None:
    """Verse set a clause to a line, wherever it stands: a 顺口溜 or 歌谣 a report or a briefing
    quotes (title, author, stanzas under a paragraph of the report), a 三字经 of rules, a 副刊's
    七言 poem printed clause by clause. Four physical lines at least in a row, none with a role,
    each of the same number (three to nine) of Han characters and the punctuation closing the
    clause (:data:`CLAUSE_VERSE_LINE_RE`), a sentence's end (。！？) among them and at the last:
    running prose never sets its clauses one to a line at one length. Over the run, inside an
    article (running text above), a person's bare name alone (:func:`author_line`) is the
    poem's author line and a short line of title shape (:func:`title_like`) over it, or right over
    the run, is the poem's title: encoded ``lg type="poem"`` with its ``head`` and ``byline``
    (TEI P5 §3.13.1 Core Tags for Verse: ``lg`` opens with ``model.divTop``) inside the article,
    whose text goes on after it. Where the lines stand after an author line another pass
    found, only the lines are taken (the title stays the piece's head). The stanzas: where a
    blank line stands between lines, or more blank lines than between the other lines when
    every line stands apart. Linear: each line is looked at once."""
    j = doc.body_start
    while j < doc.colophon_start:
        first = _clause_verse_parts(doc, j) if j not in doc.roles else None
        if first is None:
            j += 1
            continue
        size = first[0]
        run = [(j, first[1])]
        k = j + 1
        while k < doc.colophon_start and k not in doc.roles and (nxt := _clause_verse_parts(doc, k)) and nxt[0] == size:
            run.append((k, nxt[1]))
            k += 1
        lines = [p for _, parts in run for p in parts]
        if len(lines) < 4 or lines[-1].key[-1] not in "。！？" or all(p.key[-1] in "。！？" for p in lines):
            j = k  # (a list of sentences of one length is no verse: a clause ends inside a couplet)
            continue
        author = title = None
        if j - 1 >= doc.body_start and j - 1 not in doc.roles and (author_line(doc.lines[j - 1]) or "").startswith("a bare name"):
            author = j - 1
        t = (author - 1) if author is not None else j - 1
        if (t - 1 >= doc.body_start and t not in doc.roles and t - 1 not in doc.roles and not doc.lines[t].level
                and title_like(doc.lines[t]) and len(doc.lines[t].key) <= 20
                and paragraph_shape(doc.lines[t - 1]) and not doc.lines[t - 1].level):
            title = t  # a title under the report's running text: the poem's own, inside the article
        elif author is not None:
            author = None  # a name with no title over it: not taken on its own
        blanks = [p.blanks_before if p.blank_before else 0 for p in lines[1:]]
        floor = min(blanks) if blanks else 0
        why = CLAUSE_VERSE.format(n=len(lines), k=size)
        if title is not None:
            _give(doc, title, "verse", "the title of verse set a clause to a line, under a report's running text: "
                  "the poem's head", parts=[doc.lines[title]], first=True, title=True)
        if author is not None:
            _give(doc, author, "verse", "a bare name between the title of verse set a clause to a line and its "
                  "lines: the poem's author line", parts=[doc.lines[author]], byline=True)
        seen = 0
        for n, (i, parts) in enumerate(run):
            stanzas = []
            for p in parts:
                b = p.blanks_before if p.blank_before else 0
                stanzas.append(seen > 0 and b > floor)
                seen += 1
            _give(doc, i, "verse", why, parts=parts, first=(n == 0 and title is None), stanzas=stanzas)
        j = k


#: The number of a provision a 法规链接 quotes, ending the label before its text (``《…法》第八十一条第一款``,
#: ``第一百一十八条第一款``, ``第三十三条``: 条, 款, 项 as a law numbers them).
PROVISION_LABEL_RE = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,6}条(?:第[一二三四五六七八九十\d]{1,3}款)?(?:第[（(]?[一二三四五六七八九十\d]{1,3}[）)]?项)?$")


def run_in_head(line: Line, gap_ok: bool = False) -> tuple[int, int, int] | None:
    """``(bullet end, head start, head end)`` of a brief item's run-in head: the bold run that
    opens the line (its markup), or after a bullet (or anywhere in a brief column: *gap_ok*) the
    words up to a wide gap; running text after it. ``None`` when the line has none."""
    text = line.text
    segs = [(s, b) for s, b in line.segments if s]
    lead = len(text) - len(text.lstrip())
    bullet = lead + 1 if text[lead : lead + 1] and text[lead] in BULLET_CHARS else lead
    first = 1 if (bullet > lead and segs and not segs[0][1] and not segs[0][0][bullet:].strip()) else 0
    k = first
    while k < len(segs) and segs[k][1]:  # the bold run (two segments where two lines were joined)
        k += 1
    bold = "".join(s for s, _ in segs[first:k])
    if first == 0 and segs and segs[0][1] and not line.all_bold and not segs[0][0].startswith(tuple(BULLET_CHARS)):
        start, end = lead, len(bold.rstrip())
        bullet = lead
    elif first == 1 and bold.strip() and k < len(segs):
        # the bullet, then the bold run-in head (``■ **head。** text``): the bold is its markup
        start = len(segs[0][0]) + len(bold) - len(bold.lstrip())
        end = len(segs[0][0]) + len(bold.rstrip())
    else:
        gap = RUN_IN_GAP_RE.search(text, bullet)
        stop = RUN_IN_STOP_RE.match(text, bullet) if bullet > lead and gap_ok else None
        if stop and (not gap or stop.end() <= gap.start()):
            # after a bullet in a brief column, a first sentence closed by 。 and a space: the head
            start, end = bullet, stop.end()
        elif not gap or (bullet == lead and not gap_ok):
            return None
        else:
            start, end = bullet, gap.start()
    if text[start:end].rstrip()[-1:] in ("。", "：", ":") and text[start:end].strip()[:-1].strip():
        # the head's own closing stop (``县…学习会。``) or the colon after a run-in head (``**马坪基层社：**
        # 9月以来…``, GB/T 15834-2011 4.7: the colon marks what it opens, after the head): printed after
        # it, not part of the title
        end = start + len(text[start:end].rstrip()) - 1
    head = text[start:end].strip()
    rest = text[end:].strip()
    if not head or len(head) > 30 or any(c in "，,。；;" for c in head) or len(rest) < 8:
        return None
    if PROVISION_LABEL_RE.search(head):
        return None  # a quoted provision's number before its text (…法》第八十一条第一款　…): no brief's head
    return bullet, start, end


def run_in_start(line: Line, nxt: Line | None = None) -> bool:
    """*line* opens like a brief item whose run-in head a gap ends, the line maybe cut by a
    hard wrap after the item's first words: a bold run that opens the line and running text after
    it, or (the markup gone) a title-shaped run of 4–30 characters (no clause punctuation, no
    label's colon, no bracket or digit opening it, not indented), a wide gap and words (no second
    gap among them: no table row or line of fields) that are running text: clause punctuation
    among them, or the next line *nxt* (no blank line between, not indented, no author line)
    goes on with them as prose. A title printed in two halves (``织密…服务网　当好…贴心人``) and
    the author line under it (``白沙镇妇联　滕晓霞``) are none. The evidence
    :func:`rejoin_run_ins` counts in a column."""
    text = line.text
    segs = [(s, b) for s, b in line.segments if s and not is_mark(s) and s.strip()]
    if segs and segs[0][1] and len(segs) > 1 and not line.all_bold:
        return True
    if text[:1].isspace() or text[:1] in BULLET_CHARS:
        return False
    gap = RUN_IN_GAP_RE.search(text)
    if gap is None:
        return False
    head, tail = text[: gap.start()].strip(), text[gap.end():].strip()
    if not (4 <= len(head) <= 30 and not any(c in "，,。；;：:" for c in head)
            and not re.search(r"[）)】]$|^[\d０-９（(【]", head) and bool(tail) and tail[0] not in TERMINAL
            and tail[0] not in "，,、" and not RUN_IN_GAP_RE.search(tail)):
        return False
    if any(c in "，,。；;、" for c in tail):
        return True
    return (nxt is not None and not nxt.blank_before and not nxt.text[:1].isspace() and author_line(nxt) is None
            and any(c in "，,。；;、" for c in nxt.text) and not RUN_IN_GAP_RE.search(nxt.text.strip()))


def run_in_columns(doc: LogicalText) -> set[int]:
    """The lines (indices) of the columns whose items share the form of a brief item
    (:func:`run_in_start` on two lines at least): a column opens at its name (【基层动态】, or a
    brief column's: 简讯, 快讯 …) and ends at the next one or at a page label or credit."""
    title = doc.masthead.title if doc.masthead else None
    out: set[int] = set()
    region: list[int] | None = None
    count = 0

    def close() -> None:
        if region is not None and count >= 2:
            out.update(region)

    for i in range(doc.body_start, doc.colophon_start):
        line = doc.lines[i]
        if COLUMN_RE.match(line.key) or (BRIEF_RE.search(line.key) and len(line.key) <= 8 and heading_shape(line)):
            close()
            region, count = [], 0
            continue
        if page_credit(line) or page_label(line, title) is not None:
            close()
            region, count = None, 0
            continue
        if region is not None:
            region.append(i)
            count += run_in_start(line, doc.lines[i + 1] if i + 1 < doc.colophon_start else None)
    close()
    return out


#: The number of a provision (条) of a law or regulation, and of its chapter, section or clause
#: (第十二条, 第三章, 第二款): printed before the provision's text after a gap (立法技术规范), it is
#: no title or run-in head of a story.
PROVISION_RE = re.compile(r"^第[一二三四五六七八九十百零〇两]{1,6}[条章节款项]$")


def shared_run_in(line: Line) -> tuple[int, int, int] | None:
    """``(bullet end, head start, head end)`` when *line* opens with a title-shaped run (no bold
    left to mark it) that a gap ends, running text after it: ``荦城镇“青年夜校”开课受欢迎　荦城镇
    团委联合…``, the form of a brief item whose run-in head lost its markup. Stricter than
    :func:`run_in_head` with *gap_ok*: the head 4–30 characters, not indented, no label (no colon)
    and no bracket closing it, no digit opening it; the text after the gap is running text (clause
    punctuation in it: no title printed in two halves), opens with no punctuation and holds no
    second wide gap before its first clause (a table row, a line of fields). Alone the shape says little; :func:`find_briefs` takes it where the column's other
    items share it."""
    text = line.text
    if text[:1].isspace() or text[:1] in BULLET_CHARS or line.all_bold:
        return None
    found = run_in_head(line, gap_ok=True)
    if found is None:
        return None
    _, a, b = found
    head = text[a:b].strip()
    rest = text[b:].lstrip().lstrip("。")
    first = re.search(r"[，,。；;]", rest)
    return found if (4 <= len(head) <= 30 and not re.search(r"[：:）)】]$|^[\d０-９（(【]", head)
                     # (a provision's number, 第十二条　…: a law's article quoted, no brief's head)
                     and not PROVISION_RE.match(head)
                     and rest[:1] and rest[0] not in TERMINAL and rest[0] not in "，,、" and first is not None
                     and not RUN_IN_GAP_RE.search(rest[: first.start()])) else None


#: Longest speaker label of a dialogue turn (a person's name, a post or 记者, 主持人): a name
#: with its post stays within this; a brief item's run-in head is most often longer.
SPEAKER_LABEL_MAX = 10


def _speaker_label(line: Line) -> str | None:
    """The speaker label opening *line*: a bold run that opens it (its markup), short
    (:data:`SPEAKER_LABEL_MAX`), no punctuation or space in it, closed by a colon
    (``**记者：**…``, GB/T 15834-2011 4.7: the colon after a speaker's name opens what was said),
    speech after it. ``None`` when it opens otherwise."""
    segs = [(s, b) for s, b in line.segments if s and not is_mark(s)]
    if not segs or not segs[0][1] or line.all_bold or len(segs) < 2:
        return None
    bold = segs[0][0].strip()
    label = bold[:-1]
    if bold[-1:] not in "：:" or not 1 <= len(label) <= SPEAKER_LABEL_MAX \
            or re.search(r"[\s，,。；;：:、！？!?（）()【】“”《》]", label):
        return None
    return label


def dialogue_turns(doc: LogicalText) -> set[int]:
    """The lines (indices) that open a speaker's turn in a dialogue (an interview's 问答 set as
    ``**记者：**…`` / ``**沈某：**…``, a 对话 or 访谈): among consecutive paragraphs opening with a
    speaker label (:func:`_speaker_label`; an answer's further paragraphs unlabelled between them),
    a label that comes back after another one (A, B, A: the turns alternate). A column of brief
    items never repeats a run-in head, so the labels are the speakers', running text of one
    article, no heads. A run ends at a line with a role already (a page label, a column name, a
    credit) or a line of heading markup. Linear: one pass, each label's last place in a dict."""
    out: set[int] = set()
    run: list[int] = []
    last: dict[str, int] = {}  # label → its last position in the run
    alternate = False

    def close() -> None:
        if alternate:
            out.update(run)

    for i in range(doc.body_start, doc.colophon_start):
        line = doc.lines[i]
        if (role := doc.roles.get(i)) is not None or line.level or line.all_bold:
            close()
            run, last, alternate = [], {}, False
            continue
        label = _speaker_label(line)
        if label is None:
            continue
        k = len(run)
        if label in last and last[label] < k - 1:
            alternate = True  # the label comes back after another speaker's turn
        last[label] = k
        run.append(i)
    close()
    return out


def _label_span(line: Line) -> tuple[int, int, int]:
    """``(bullet end, head start, head end)`` of the label that opens *line* before its colon
    (``柳湾村：…``): the run-in head of a brief item opened by a body's name, the colon after it
    (GB/T 15834-2011 4.7) left to the text."""
    a = len(line.text) - len(line.text.lstrip())
    return a, a, a + len(re.split(r"[：:]", line.text.strip(), maxsplit=1)[0])




#: The longest plain line read as the name of a column of unit-labelled items (:func:`_plain_unit_column`).
PLAIN_COLUMN_MAX = 8


def _plain_unit_column(doc: LogicalText, i: int) -> bool:
    """Line *i* is the name of a column of items each opened by a body's name and a colon, the
    name printed plain (``夏粮收购一线`` over ``槐店镇：…``, ``马集乡：…``): heading-shaped, two to
    :data:`PLAIN_COLUMN_MAX` characters, no punctuation, right where a piece ended (a credit's line
    above it, or a finished sentence), and the line under it such an item (:func:`_unit_item`).
    The column holds only where a second item shares the form (the caller counts them)."""
    line = doc.lines[i]
    if not (heading_shape(line) and 2 <= len(line.key) <= PLAIN_COLUMN_MAX
            and not any(c in "，,。：:；;！？!?、" for c in line.text)) or i - 1 < doc.body_start:
        return False
    above, above_role = doc.lines[i - 1], doc.roles.get(i - 1)
    ended = (above_role is not None and above_role.kind == "credit") or (
        above_role is None and above.text.rstrip()[-1:] in "。！？”")
    nxt = _next(doc, i)
    return ended and nxt is not None and i + 1 not in doc.roles and _unit_item(nxt)


def _unit_item(line: Line) -> bool:
    """*line* (a logical line) has the form of a column's item opened by a body's name and a colon
    over its report: :func:`brief_by_unit`, or, opening a paragraph by its indent, a body's name and
    a colon over words with a comma that a ragged wrap cut short (``　　县博物馆:“…”于10月22日开展,
    展出竹编器物及制作``; a name list's row, ``县城投集团：李　蓉　周文斌``, holds names, no clause)."""
    text = line.text.strip()
    return brief_by_unit(text) or (opens_indented(line) and unit_label(text)
                                   and any(c in "，," for c in re.split(r"[：:]", line.text, maxsplit=1)[-1]))


#: The label of a question or an answer run in at a paragraph's start (a 问答 piece: 问：/答：, Q/A).
QA_LABEL_RE = re.compile(r"^(?:问|答|Q|A)[：:]?$")
#: The label of a comment or a note run in at a paragraph's start (a judge's 点评：… under a work
#: shown, 评语：, 简评：; a table's **注**：…): the comment's or the note's text, no brief item's head.
COMMENT_LABEL_RE = re.compile(r"^(?:点评|评语|简评|专家点评|评委点评|注|备注|说明)[：:]?$")


def find_briefs(doc: LogicalText) -> None:
    """Brief items with a run-in head (:func:`run_in_head`); inside a brief column (after a line
    naming one: 简讯, 快讯 …, until a page ends) a wide gap alone ends the head.

    A column of another name (【基层动态】) whose items share the form of a brief item — two
    paragraphs at least opening with a bold run-in head, or (the markup gone) with a title-shaped
    run and a gap (:func:`shared_run_in`), and no paragraph opening otherwise between them — is a
    column of brief items too (``column`` in the role's data: each item a ``div type="brief"``
    in the column, as a 工作简报's 动态 column prints its 信息 one to a paragraph, head run in);
    a lone line of that shape is no brief."""
    column = False
    in_column = False  # a column is open (its name seen): its items may share the run-in form
    plain = False  # the open column's name is a plain short line (:func:`_plain_unit_column`)
    # the open column's run-in items: (line, span, True for a bold head, False for one up to a
    # gap, "colon" for a body's name and a colon)
    region: list[tuple[int, tuple[int, int, int], bool | str]] = []

    def close() -> None:
        if len(region) >= 2:
            for k, span, b in region:
                why = ("a brief item: a run-in head " + ("(bold)" if b is True else "up to its colon, a body's name"
                                                         if b == "colon" else "up to a wide gap, no markup")
                       + f", in a column whose items share the form ({len(region)})")
                _give(doc, k, "brief", why, cert=None if b is True else "medium", span=span, column=True)
        region.clear()

    turns = dialogue_turns(doc)
    under_subhead = False  # a sub-heading stands between the column's name and here
    lead_list = False  # in a run of body-labelled lines a lead's colon announced
    column_bullet = False  # the open brief column's items open with a bullet
    for i in range(doc.body_start, doc.colophon_start):
        line, role = doc.lines[i], doc.roles.get(i)
        if lead_list and not _unit_item(line):
            lead_list = False
        if i in turns:
            line.note("paragraph", "a speaker's turn in a dialogue (a short bold label and a colon, the labels "
                                   "alternating: 记者：/ 沈某：): running text of the article, no brief item")
            continue
        if role is not None:
            if role.kind in ("page-label", "page-credit", "section"):
                # a column name (【工作简讯】) opens a brief column; any other ends it
                column = role.kind == "section" and bool(BRIEF_RE.search(line.key)) and len(line.key) <= 12
                in_column, plain = role.kind == "section", False
                under_subhead = False
                close()
            elif role.kind in ("subhead",):
                under_subhead = True
                close()
            continue
        if BRIEF_RE.search(line.key) and len(line.key) <= 8 and heading_shape(line):
            column, column_bullet = True, False
            close()
            continue
        if not in_column and _plain_unit_column(doc, i):
            # a short plain name where a piece ended, over a body's name and a colon opening its
            # report (夏粮收购一线 / ``槐店镇：…``): a column of such items whose name lost its 【】;
            # it holds as a column only if two items share the form (``close``)
            close()
            column, in_column, plain = False, True, True
            continue
        found = run_in_head(line, gap_ok=column)
        head = re.sub(r"\s+", "", line.text[found[1]:found[2]]) if found is not None else ""
        if found is not None and COMMENT_LABEL_RE.fullmatch(head):
            line.note("paragraph", "a comment's label run in (点评：): the comment's text, no brief item")
            continue
        if found is not None and QA_LABEL_RE.fullmatch(head):
            # a question's or an answer's label run in (**问：**…, **答：**…): a Q&A piece's turn,
            # no brief item
            line.note("paragraph", "a question's or an answer's label run in (问：, 答：): the Q&A's text, no brief item")
            continue
        if found is not None and CASE_PART_RE.fullmatch(head):
            # a case's part label run in (**基本案情**　…, 典型意义): a label inside the case, no
            # brief item of its own
            line.note("paragraph", "a case's part label run in (基本案情, 典型意义 …): part of the case, no brief item")
            found = None
            continue
        if found is None and column and (brief_by_unit(line.text.strip()) or unit_label(line.text.strip())):
            # in a brief column (村情速递), a body's name and a colon over its report (``柳湾村：10月
            # 18日，…``): the item's run-in head, the colon after it (GB/T 15834-2011 4.7)
            found = _label_span(line)
        nxt = _next(doc, i)
        if id(line) in doc.run_in_ends:
            _give(doc, i, "brief", "a brief item: a bullet, its run-in head up to where the printed line ended",
                  span=doc.run_in_ends[id(line)])
            if in_column and not column:
                # a bulleted item whose head the wrap left alone on its line (``■县…部署会`` / ``6月
                # 18日，…``) shares the form of the column's items headed up to a gap
                region.append((i, doc.run_in_ends[id(line)], False))
        elif found and under_subhead and not column and SUBHEAD_RE.match(
                re.sub(r"\s+", "", line.text[found[1]:found[2]])):
            # a run-in head numbered as a level, under a sub-heading (### 一、… / **（一）整合闲置
            # 资源。**…): the article's numbered points run into their paragraphs (GB/T
            # 15834-2011 B.3.8), no column's brief items
            line.note("paragraph", "a numbered run-in head under a sub-heading: a point of the article run into its "
                                   "paragraph, no brief item")
        elif (found and column and column_bullet and found[0] == len(line.text) - len(line.text.lstrip())
              and not any(b for t, b in line.segments if t.strip())):
            # in a brief column whose items open with a bullet (▲), a line without one whose head
            # ends only at a gap (以案为鉴　警钟长鸣, a story's 引题): the column has ended
            column = column_bullet = False
            close()
        elif found:
            if column and found[0] > len(line.text) - len(line.text.lstrip()):
                column_bullet = True  # the column's items open with a bullet
            _give(doc, i, "brief", "a brief item: a run-in head (bold, or after a bullet or in a brief column "
                                   "up to a wide gap)", span=found)
            opening = next(((t, b) for t, b in line.segments if t and not is_mark(t) and t.strip()), ("", False))
            if in_column and not column and found[0] == found[1] and opening[1]:
                region.append((i, found, True))  # a bold run-in head: in a column, the items' form
            elif in_column and not column and found[0] > len(line.text) - len(line.text.lstrip()) \
                    and not opening[1]:
                # a bullet, then a title up to a wide gap (``■县…部署会　5月6日，…``): the form a
                # 工作简报's 动态 column prints its 信息 in, the head's markup gone; counted as the
                # column's items when two share it, as a bold head is
                region.append((i, found, False))
        elif in_column and not column and (shape := shared_run_in(line)) is not None:
            if CASE_PART_RE.fullmatch(re.sub(r"\s+", "", line.text[shape[1]:shape[2]])):
                line.note("paragraph", "a case's part label run in (基本案情, 典型意义 …): part of the case, no brief item")
                continue
            region.append((i, shape, False))
        elif in_column and not column and _unit_item(line):
            # a body's name and a colon over its report (``石榴坪镇关工委：7月8日至9日，…``): the
            # form of a column's item whose head lost its bold (two such items make the column's);
            # under a sub-heading, a run of them after a lead's colon (予以督促提醒： / 马鞍乡：…；)
            # is the list that lead announces, lines of the article, no column's items
            if under_subhead and (lead_list or (i > 0 and doc.lines[i - 1].text.rstrip()[-1:] in "：:")):
                lead_list = True
                continue
            region.append((i, _label_span(line), "colon"))
        elif (heading_shape(line) and len(line.key) >= 6 and line.text.rstrip()[-1:] not in "）)"
              and nxt is not None and (paragraph_shape(nxt) or nxt.key.startswith("—"))):
            column = False  # a title of its own: the column has ended
            if plain:
                in_column = plain = False  # (a column named by a plain line ends at the next title)
            close()
        elif region and line.blank_before and not (_opens_page(line) and i > 0 and unfinished(doc.lines[i - 1].text)):
            # a paragraph opening otherwise: the column's items do not share one form (the rest
            # of an item a page break cut, after the page's furniture, is that item's)
            close()
    close()


#: A numbered item's opening in the run-in form of a brief (GB/T 15834-2011 B.3.8 third-level
#: number 1. / 1、, then the item's title run in): the number, a title-shaped run of 4–30
#: characters (no clause punctuation, no whitespace), a wide gap (an ideographic space, or two
#: spaces), then running text (no punctuation opening it). Anchored, bounded: linear.
NUMBERED_RUN_IN_RE = re.compile(r"\s*(?P<n>\d{1,2})\s?(?:[.．](?!\d)|、)(?P<head>[^，,。；;：:！？!?\s]{4,30})"
                                r"(?:\u3000+|[ \t]{2,})(?=[^\s，,。；;：:、！？!?）)”’])"
                                # (not a job advertisement's post and how many it wants, 叉车司机　4名，…)
                                r"(?!\d{1,4}\s*[名人位][，,、；;\s])")
#: A line opening with a third-level number (1. / 1、), whatever follows.
NUMBER_OPENING_RE = re.compile(r"\s*(?P<n>\d{1,2})\s?(?:[.．](?!\d)|、)")
#: The same opening whose line the wrap cut at the gap: the number, the title-shaped run, and the
#: gap ending the line (``9.…惠及112名儿童　``), or nothing after the run (the gap opens the next line).
NUMBERED_HEAD_END_RE = re.compile(r"\s*(?P<n>\d{1,2})\s?(?:[.．](?!\d)|、)(?P<head>[^，,。；;：:！？!?\s]{4,30})"
                                  r"(?P<gap>\u3000+|[ \t]{2,})?$")
#: The next line holding a cut title's last words (at most {k} characters), the gap and running text.
HEAD_TAIL_PATTERN = r"[^\s，,。；;：:！？!?]{{1,{k}}}(?:\u3000+|[ \t]{{2,}})[^\s，,。；;：:、！？!?）)”’]"
#: A line that goes on after an item's title: the gap (when the line above did not end with it),
#: then running text, no second number.
RUN_ON_RE = re.compile(r"(?:\u3000+|[ \t]{2,})?[^\s，,。；;：:、！？!?）)”’]")


def numbered_run_ins(lines: list[Line], known: dict[int, tuple[int, int, int]] | None = None
                     ) -> dict[int, tuple[int, int, int]]:
    """``{index: (bullet end, head start, head end)}`` for the *lines* (logical lines, as the
    unwrapping joined them) that are items of a numbered run of brief items: lines opening with
    consecutive third-level numbers (1. 2. 3. …, GB/T 15834-2011 B.3.8), two at least, every one
    of them the number, a title-shaped run, a wide gap and running text after it
    (:data:`NUMBERED_RUN_IN_RE`: ``1.县…推进会　6月5日，县残联…``) — the 简讯 practice of
    printing each item's title run in before its one paragraph; where a wrap cut the line at the
    gap, the gap ends it or opens the next line, which goes on in running text. One numbered line
    of another shape in the run (a sub-heading on a line of its own with no gap, an item run into
    its text after 。) and the run is no run of briefs: a numbered sub-heading keeps its reading.
    A number out of sequence starts a new run. Numbered lines under a second-level sub-head
    (``（一）…`` on a line of its own, no first-level one nor a title-shaped line between) are no
    run of briefs: in the B.3.8 order 一、 > （一） > 1. > （1） they are that part's third-level
    sub-headings, whatever the blank lines (furniture lines do not end the part). *known* gives
    the spans of items already joined again (id of the line → span:
    :func:`rejoin_numbered_briefs`). One pass over *lines*."""
    out: dict[int, tuple[int, int, int]] = {}
    run: list[tuple[int, tuple[int, int, int] | None]] = []
    last = 0
    nested = False  # under a （一） sub-head of the same article (GB/T 15834-2011 B.3.8)

    def close() -> None:
        if len(run) >= 2 and all(span is not None for _, span in run):
            out.update((k, span) for k, span in run)
        run.clear()

    for i, line in enumerate(lines):
        if line.furniture:
            continue
        text = line.text
        m = NUMBER_OPENING_RE.match(text)
        if m is None:
            level = subhead_level(line)
            if level is not None and level[0] <= 2:
                nested = level[0] == 2  # 一、 opens a part of its own; （一） nests what follows
            elif level is None and heading_shape(line):
                nested = False  # a title, a column name or a credit: the part may have ended
            continue
        n = int(m.group("n"))
        if n != last + 1:
            close()
        last = n
        if nested and not (known and id(line) in known):
            run.append((i, None))  # a third-level sub-heading of the part above it
            continue
        if known and id(line) in known:
            run.append((i, known[id(line)]))
            continue
        full = NUMBERED_RUN_IN_RE.match(text)
        if full is None and (cut := NUMBERED_HEAD_END_RE.match(text)) is not None and i + 1 < len(lines):
            # the wrap cut the line at the gap: the gap ends it (kept in the raw line) or opens the
            # next line, and the next line (no blank line, no indent, no number of its own) goes
            # on in running text
            nxt = lines[i + 1].raw.lstrip("\f").rstrip("\r\n")
            on = RUN_ON_RE.match(nxt)
            raw = line.raw.rstrip("\r\n")
            trail = raw[len(raw.rstrip(" \t\u3000")):]  # a wide gap ending the raw line
            gap_ends = ("\u3000" in trail or len(trail) >= 2) and line.end_no == line.no
            # or the cut fell inside the title: its last words, the gap and the text open the next line
            tail = re.compile(HEAD_TAIL_PATTERN.format(k=30 - len(cut.group("head")))).match(nxt) \
                if len(cut.group("head")) < 30 and not gap_ends else None
            if ((on is not None or tail is not None) and not lines[i + 1].blank_before
                    and not opens_indented(lines[i + 1])
                    and (gap_ends or tail is not None or on.end() > 1) and NUMBER_OPENING_RE.match(nxt) is None
                    # running text after the gap: clause punctuation, or words enough for no title
                    and (any(c in "，,。；;、" for c in nxt)
                         or len(nxt[(tail or on).end() - 1 :].strip()) >= 8)):
                # the title's end: the line's, or past the last words the next line holds
                # (the tail match: the title's last words, the gap, one character of text)
                words = len(tail.group()[:-1].rstrip(" \t\u3000")) if tail is not None else 0
                run.append((i, (m.end(), m.end(), cut.end("head") + words)))
                continue
        run.append((i, (m.end(), m.end(), full.end("head")) if full else None))
    close()
    return out


def rejoin_numbered_briefs(doc: LogicalText) -> None:
    """A numbered brief item (:func:`numbered_run_ins`) whose first line a wrap cut at its title's
    gap or inside its title, left apart by the unwrapping (a short line without clause
    punctuation): the next line goes on with it (segments kept, evidence noted), so the item's
    title, gap and text stand on one logical line as printed."""
    body = doc.lines[doc.body_start : doc.colophon_start]
    found = numbered_run_ins(body)
    cut = sorted(k for k in found if NUMBERED_RUN_IN_RE.match(body[k].text) is None and k + 1 < len(body))
    for k in reversed(cut):  # from the end: the indices before stay valid
        i = doc.body_start + k
        line, nxt = doc.lines[i], doc.lines[i + 1]
        doc.numbered_ends[id(line)] = found[k]
        line.cert, line.weak_join = None, False
        join_next(doc, i, "a numbered brief item's title, cut by the wrap, goes on")


def find_numbered_briefs(doc: LogicalText) -> None:
    """Numbered brief items (:func:`numbered_run_ins`): each a ``brief`` whose number is its
    label (as a bullet is) and whose run-in title, up to the gap, its head; ``column`` and
    ``numbered`` in the role's data (a ``div type="brief"`` with or without a column name over
    it). The form is shared by every item of the run, yet no markup marks the head: @cert medium.
    Runs before :func:`find_subheads` (the items' number has a sub-heading's shape)."""
    body = doc.lines[doc.body_start : doc.colophon_start]
    found = numbered_run_ins(body, doc.numbered_ends)
    for k, span in found.items():
        i = doc.body_start + k
        if i in doc.roles:
            continue
        _give(doc, i, "brief", f"a numbered brief item: the number, its run-in title up to a wide gap, then its "
                               f"text, as every item of the run of {len(found)} numbered items is printed",
              cert="medium", span=span, column=True, numbered=True)


def _lead(line: Line) -> int:
    """The blanks *line* opens with in the source (form feeds aside): its indent, as set."""
    raw = line.raw.replace("\f", "")
    return len(raw) - len(raw.lstrip(" \t\u3000"))


def _under_title(above: Line) -> bool:
    """*above* is a title-shaped line (:func:`heading_shape`), no column's name in 【】 and no
    item of a list (a bullet): a line under it is what comes under a title (its byline)."""
    k = above.key
    return heading_shape(above) and not (k[:1] == "【" and k[-1:] == "】") and k[:1] not in BULLET_CHARS


def rejoin_run_ins(doc: LogicalText) -> None:
    """A brief item whose line the extraction wrapped right after its run-in head (bold, or after
    a bullet: ``**县图书馆新添…借阅点**　9月1`` / ``0日，县图书馆…``; ``▲县人社局…2600个`` /
    ``3月5日，…``) was left apart by the unwrapping on weak evidence (a line without clause
    punctuation as wide as a wrapped one): its run-in head opens a paragraph, so the next line
    (no blank line between, no bullet of its own) goes on with it. Joins them (the unwrapping's
    way: segments kept, evidence noted); where no gap after a bullet shows the head's end, the
    line's end did: the brief's head ends there. In a column whose items share the run-in form
    (:func:`run_in_columns`: 【基层动态】 of a 工作简报, its 信息 one to a paragraph) an item's
    first line, head, gap and first words, goes on the same way, its markup gone or not."""
    title = doc.masthead.title if doc.masthead else None
    shared = {id(doc.lines[k]) for k in run_in_columns(doc)}
    indents = bool(shared) and (indent_marked(doc) or indent_marked_lines(list(doc.physical.values())))
    i = doc.body_start
    column = column_bullet = False
    while i + 1 < doc.colophon_start:
        line, nxt = doc.lines[i], doc.lines[i + 1]
        segs = [(s, b) for s, b in line.segments if s]
        text = line.text.strip()
        if BRIEF_RE.search(line.key) and len(line.key) <= 8 and heading_shape(line):
            column, column_bullet = True, False  # a brief column's name: in it, a wide gap ends an item's run-in head
            i += 1
            continue
        if page_credit(line) or page_label(line, title) is not None:
            column = False  # a page credit or the next page's label (a 报眉 line too): the column's page ended
        if len(line.key) <= 12 and line.key[:1] == "【" and line.key[-1:] == "】":
            column = False  # another column's name in 【】 (【民政文苑】): the brief column ended
        bold = bool(segs) and segs[0][1] and not line.all_bold and len(segs) > 1
        if column and text[:1] in BULLET_CHARS:
            column_bullet = True  # the column's items open with a bullet
        elif column and column_bullet and not bold and text:
            # a line without the bullet its column's items open with (以案为鉴　警钟长鸣, the next
            # story's 引题): the column has ended
            column = column_bullet = False
        gap = RUN_IN_GAP_RE.search(text)
        tail = text[gap.end():].strip() if gap else ""
        bullet = (text[:1] in BULLET_CHARS and len(line.key) <= 40 and (gap is None or len(tail) < 8)
                  and not author_line(line))
        in_column = column and gap is not None and 0 < len(tail) < 8 and len(line.key) <= 40
        # in a column whose items share the run-in form (【基层动态】), one of them: its head and
        # first words, cut by the wrap
        # (not an author line set apart from the text's indent, over a line that opens indented in
        # a text marking its paragraphs so: 段首空两字, the indent opens the next paragraph; the line
        # is the byline under a title, ``商会秘书处　许文博`` centred, no item the wrap cut)
        # (nor one right under a title, which no item of the column is: ``市气象台　周若岚`` under
        # the title of a signed piece, its byline)
        in_column = in_column or (id(line) in shared and gap is not None and run_in_start(line, nxt) and not bold
                                  and not (indents and indented(nxt) and _lead(line) != _lead(nxt)
                                           and author_line(line) is not None)
                                  and not (author_line(line) is not None and i > doc.body_start
                                           and _under_title(doc.lines[i - 1])))
        # a bullet or a bold head (or, in a brief column, any head), a gap and the first words of
        # the text: the item goes on for sure
        if LETTER_SPACED_RE.match(text):
            # a short word letter-spaced on its line (更　正): its spaces part its characters, no
            # run-in head of one character and its text; the line stands on its own
            bullet = bold = in_column = False
        started = (bullet or bold or in_column) and gap is not None and tail != "" and unfinished(text)
        # a bulleted item's head alone on its line, its text on the next: the item goes on too
        if ((bold and unfinished(line.text)) or bullet or in_column) and (line.cert or started or (bullet and gap is None)) \
                and not line.weak_join and not nxt.blank_before and not nxt.marked \
                and nxt.text.strip()[:1] not in BULLET_CHARS and (paragraph_shape(nxt) or started) \
                and not starts_line(nxt) and not PHOTO_CREDIT_END_RE.search(line.text) \
                and not nxt.text.lstrip().startswith("——") \
                and not (sentence_final(line.text) and sum(c in "。！？!?" for c in line.text) >= 2) \
                and not (bullet and sentence_final(line.text) and i > doc.body_start
                         and not next((b for t, b in segs if t.strip() and t.strip() not in BULLET_CHARS), False)
                         and doc.lines[i - 1].text.lstrip()[:1] == text[:1]
                         and doc.lines[i - 1].end_no == doc.lines[i - 1].no) \
                and not (author_line(line) is not None and centred_under(nxt, line)) \
                and not (in_column and not bullet and not bold and _contents_title(doc, line)):
            # (a title the contents list prints whole, in two phrases set apart by a gap,
            # ``健身会所突然闭店　会员预付费用获退还``, is no run-in head of a column's item;
            # a photo's caption after its mark, ``▲ …现场　　秘书处 摄``, ends with its credit; a
            # centred author line, ``芡塘中学　许明达``, is none of the paragraph under it; a line
            # led by a dash is a title's 副题, GB/T 15834-2011 4.11, no text of a run-in item: the
            # line over it is a title printed in two phrases, 守好…根脉　讲好…故事; an item whose
            # head's stop and text's sentences all stand on its line, ``◆ 注意保留凭证。…便于维权。``,
            # is whole; so is one ending its sentence, no bold head in it, under an item of the
            # same mark whole on its line: the list's last item, ``◆“云上书房”…专栏。`` under
            # ``◆“名家进蘋州”…6场；``; an item whose text ran on is a brief's head and text)
            end = len(line.text)
            line.cert = None
            join_next(doc, i, "a run-in head opens a paragraph that goes on")
            joined_gap = RUN_IN_GAP_RE.search(line.text.strip())
            if bullet and not bold and gap is None and not (joined_gap and not any(
                    c in "，,。；" for c in line.text.strip()[: joined_gap.start()])):
                lead = len(line.text) - len(line.text.lstrip())
                if line.text[:end].rstrip()[-1:] == "。":  # the head's closing stop, not part of it
                    end = len(line.text[:end].rstrip()) - 1
                if re.search(r"[，,；;]", line.text[lead:end]):
                    # clause punctuation in the printed line (``●10月8日，县人防办…开展``): running text
                    # the wrap cut, no head (a title is a phrase, not a clause); the item is headless
                    continue
                # the joined line's own head (``■ **…学习`` / ``会。** 8月3日…``: the bold) wins
                # over the printed line's end; find_briefs gives the role
                doc.run_in_ends[id(line)] = run_in_head(line, gap_ok=column) or (lead + 1, lead + 1, end)
            continue
        i += 1


def _ends_story(line: Line) -> bool:
    """*line* ends a story or a page (a credit, a jump line, an attachment note, a caption, a page
    label or credit, a column name): what follows may be a title."""
    from convert.reader.body import BYLINE_RE, SOURCE_RE

    text = line.text.strip()
    return bool(CREDIT_LINE_RE.match(text) or BYLINE_RE.search(text) or CONTINUATION_RE.search(text)
                or SOURCE_RE.search(text) or ATTACHMENT_RE.match(text) or PAGE_LABEL_RE.match(line.key)
                or page_credit(line) or CAPTION_CREDIT_RE.search(text) or COLUMN_RE.match(line.key))


def rejoin_wide_lines(doc: LogicalText) -> None:
    """A line the unwrapping left on its own on weak evidence (no clause punctuation, but as wide
    as a wrapped line), with running text right after it (no blank line between), under a
    numbered sub-heading or a marked heading, or after running text that ended no story: a
    column-wide stretch without a comma is a line of prose far more often than a title exactly as
    wide as the column (titles are set shorter), so it is the first line of that text (not where
    the text above ended its sentence and the next line opens like a news lead, with a date: an
    item's title over its 导语; not after an issue-level editor's note, 按：…, that opens the body
    and ends its sentence: the report it introduces begins with its title). Joins
    them; the paragraph keeps ``@cert="medium"`` (the join is weak) and the warning names it."""
    blank_separated = _blank_separated(doc)
    text = "".join(line.key for line in doc.lines)
    i = doc.body_start + 1
    while i + 1 < doc.colophon_start:
        prev, line, nxt = doc.lines[i - 1], doc.lines[i], doc.lines[i + 1]
        why, cert = None, "medium"
        joinable = (not nxt.blank_before and not nxt.marked and not line.marked and paragraph_shape(nxt)
                    and not starts_line(nxt) and not starts_line(line)
                    and not (indented(nxt) and not indented(line)))  # 段首缩进: the next line opens a paragraph
        # a story ended right before (a credit …), or before an editor's note that follows it (编后,
        # 按; its paragraph may be cut in several lines: a few lines back at most)
        j = i - 1
        while j > doc.body_start and j > i - 8 and paragraph_shape(doc.lines[j]) \
                and not EDITORIAL_RE.match(doc.lines[j].text) and not _ends_story(doc.lines[j]):
            j -= 1
        # or an issue-level editor's note (按：) that opens the body and has ended its sentence: a
        # briefing prints it over the text it introduces, whose title comes next
        note = EDITORIAL_RE.match(doc.lines[j].text) is not None
        ended = _ends_story(prev) or (note and j - 1 >= doc.body_start and _ends_story(doc.lines[j - 1])) \
            or (note and j == doc.body_start and not unfinished(prev.text))
        across = line.key[-3:] + nxt.key[:3]
        if (joinable and len(across) == 6 and all("\u4e00" <= c <= "\u9fff" for c in across)
                and unfinished(line.text) and not any("names a contents entry" in e for e in line.evidence)
                and paragraph_shape(prev) and not ended and not subhead_level(line)
                and not DOCUMENT_TITLE_RE.match(line.key) and text.count(across) >= 2):
            # the words across the line end stand elsewhere in the text (``大排查大`` / ``整治工作``):
            # a word cut by the line end (a page break the extraction kept), not a title ending there
            why = (f"the words across the line end ({across!r}) stand elsewhere in the text: a word cut at the "
                   "line end (weak: it could be a title)")
        elif (joinable and any("two balanced clauses" in e for e in line.evidence) and not line.weak_join
              and (blank_separated or as_wide_as_wrapped(line, doc.wrap_width)) and not ended):
            # two clauses X，Y ended the line only by their shape: with no blank line after it (where
            # the text sets blocks apart with them) or as wide as a wrapped line, it goes on
            why = "two clauses X，Y, but the text goes on without a blank line (weak: it could be a sub-heading)"
        elif (joinable and line.cert and not line.weak_join
              and any("as wide as a wrapped line" in e for e in line.evidence)
              and (subhead_level(prev) or prev.marked or (paragraph_shape(prev) and not ended))
              and not DOCUMENT_TITLE_RE.match(line.key)
              # after a finished sentence, over a line that opens like a news lead (a date): the
              # next item's title (its 导语 begins with the date), no prose line cut by the wrap
              and not (DATE_LEAD_RE.match(nxt.text) and not unfinished(prev.text))):
            why = ("as wide as a wrapped line, running text after it and no story ended before it: the text's "
                   "first line (weak: it could be a title)")
            cert = line.cert
        elif (joinable and line.cert and not line.weak_join and line.blank_before
              and any("taken as a line of its own" in e for e in line.evidence)
              and heading_shape(prev) and not paragraph_shape(prev)
              and not DOCUMENT_TITLE_RE.match(line.key) and not DATE_LEAD_RE.match(nxt.text)):
            # under a title line set apart by a blank line (a title's wrapped tail follows it with
            # none, and is narrower than the wrap): a block whose first line is as wide as the wrap,
            # with no clause punctuation, and running text under it is a paragraph (its first line)
            why = ("as wide as a wrapped line under a title and a blank line, running text after it: the "
                   "paragraph's first line, not the title's tail (weak: it could be a second title line)")
            cert = line.cert
        if why is None:
            i += 1
            continue
        line.weak_join, line.cert = True, cert
        join_next(doc, i, why)



def indent_marked(doc: LogicalText) -> bool:
    """The text marks its paragraphs only by their first-line indent (段首空两字, ordinary
    typesetting; clreq: indentation): no blank lines set its blocks apart, and of the body's lines
    of running text that follow no blank line, three at least and four in five open indented."""
    if _blank_separated(doc):
        return False
    prose = [line for line in doc.lines[doc.body_start : doc.colophon_start]
             if paragraph_shape(line) and not line.blank_before]
    starts = sum(1 for line in prose if indented(line))
    return starts >= 3 and starts >= 0.8 * len(prose)


def rejoin_indented_paragraphs(doc: LogicalText) -> None:
    """In a text that marks its paragraphs by their first-line indent (:func:`indent_marked`), a
    line of running text whose last physical line is as wide as a wrapped line and ends a sentence
    (。！？) goes on in the next line when that one follows with no blank line, is not indented,
    is running text and no line of its own by its shape (:func:`starts_line`), and is itself
    wrapped (several physical lines, or one as wide as the wrap): the wrap fell right after the
    sentence end, and the next paragraph would open indented. A head (never indented, set
    shorter than the measure and not wrapped) is not joined, nor a footnote (① …: it ends at its
    page's foot, the text after the break goes on the paragraph above it), nor a photo's caption
    ending with its credit (…摄)."""
    if doc.wrap_width is None or not indent_marked(doc):
        return
    body: list[Line] = []  # the body's lines rebuilt in one pass (no deletion inside the list)
    for nxt in doc.lines[doc.body_start : doc.colophon_start]:
        line = body[-1] if body else None
        if line is not None and (
                paragraph_shape(line) and sentence_final(line.text) and not FOOTNOTE_RE.match(line.text)
                and as_wide_as_wrapped(physical_parts(line, doc.physical)[-1], doc.wrap_width)
                and not nxt.blank_before and not nxt.marked and not indented(nxt) and paragraph_shape(nxt)
                and not starts_line(nxt) and not subhead_level(nxt)
                and not PHOTO_CREDIT_END_RE.search(nxt.text)  # (a photo's caption, ending with its credit)
                and (nxt.end_no > nxt.no or as_wide_as_wrapped(physical_parts(nxt, doc.physical)[0], doc.wrap_width))):
            line.segments = line.segments + nxt.segments
            line.end_no = nxt.end_no
            line.evidence.append(f"joined with line {nxt.no}: the text marks its paragraphs by their indent, and "
                                 "this wrapped line of prose is not indented: the wrap fell after a sentence end")
            continue
        body.append(nxt)
    removed = doc.colophon_start - doc.body_start - len(body)
    doc.lines[doc.body_start : doc.colophon_start] = body
    doc.colophon_start -= removed


#: *line* opens with a paragraph's first-line indent (two ideographic spaces, or four spaces and
#: more): in a text that indents its paragraphs, it starts one, and no line above goes on into it.
#: The physical stage's own test (:func:`convert.reader.physical.opens_indented`), one pattern.
indented = opens_indented


def _blank_separated(doc: LogicalText) -> bool:
    """The text sets its blocks apart with blank lines (four in five body lines have one before
    them): a line with none after it goes on."""
    body = doc.lines[doc.body_start : doc.colophon_start]
    return bool(body) and sum(1 for line in body if line.blank_before) >= 0.8 * len(body)


#: The number of an attachment in an 附件 note: ``1.``, ``2、`` (GB/T 9704-2012 7.3.6).
ATTACHMENT_ITEM_RE = re.compile(r"^\d{1,2}\s*[.．、]")


def last_attachment_item(line: Line) -> int:
    """The number of the last attachment an 附件 note's *line* (``附件：1.…``) already holds: 1,
    or more where the unwrapping ran the lines aligned under it on (each physical line one
    segment: ``附件：1.…表`` + ``2.…表``), counting on only in order (GB/T 9704-2012 7.3.6: the
    attachments are numbered 1. 2. 3., each on a line of its own under the first). A number
    inside a line (``2.5万亩``) is no attachment's. One pass over the line's segments."""
    n = 1
    for seg, _ in line.segments:
        if is_mark(seg):
            continue
        item = ATTACHMENT_ITEM_RE.match(seg.strip())
        if item and int(re.sub(r"\D", "", item.group(0))) == n + 1:
            n += 1
    return n


def rejoin_attachments(doc: LogicalText) -> None:
    """An attachment note of several attachments (GB/T 9704-2012 7.3.6: ``附件：1.…`` and, aligned
    under it, ``2.…``): the numbered lines under the note (the numbers in order) are its own, not
    sub-headings (the 附件说明 ends the text: no heading follows it); joined with it, each
    attachment's printed line kept apart by an ``<lb/>`` (TEI P5 §3.11.3)."""
    i = doc.body_start
    while i < doc.colophon_start:
        line = doc.lines[i]
        m = ATTACHMENT_RE.match(line.text)
        first = ATTACHMENT_ITEM_RE.match(line.text[m.end():].strip()) if m else None
        n = last_attachment_item(line) if first else 1
        while first and i + 1 < doc.colophon_start and len(line.key) <= 120:
            nxt = doc.lines[i + 1]
            item = ATTACHMENT_ITEM_RE.match(nxt.text.strip())
            if not item or re.sub(r"\D", "", item.group(0)) != str(n + 1) or len(nxt.key) > 60:
                break
            # (its own printed line kept: ``<lb/>`` between the attachments)
            join_next(doc, i, f"attachment {n + 1} of the 附件 note above (GB/T 9704-2012 7.3.6)",
                      [(Milestone("lb", no=nxt.no), False)])
            n += 1
        i += 1


def find_attachments(doc: LogicalText) -> None:
    """Attachment notes (附件：…, GB/T 9704-2012 7.3.6): they end an article's text."""
    for i, line in list(_body(doc)):
        if ATTACHMENT_RE.match(line.text) and len(line.key) <= 60:
            _give(doc, i, "attachment", "an attachment note (附件：)")


# ----------------------------------------------------------------------------- footnotes

#: A footnote's marker opening its line: a circled number (① … ⑳, ❶ … ❿), as Chinese books and
#: periodicals number notes printed at the page's foot (页下注, 脚注), the same sign standing after
#: the word the note explains.
FOOTNOTE_RE = re.compile(r"^\s*(?P<n>[\u2460-\u2473\u2776-\u277f])[ \t\u3000]*(?=\S)")


def _opens_page(line: Line) -> bool:
    """*line* opens with an old page break: its first segments are milestones (a folio, a running
    head), or a form feed stands before it."""
    return bool(line.segments) and is_mark(line.segments[0][0]) or line.feed_here


#: What may stand right before a list item's number in running text (``措施：①…；②…``): a sign
#: after one of these, or at a line's start, is an item, not a note's sign.
ITEM_BEFORE = set("：:；;，,、（(")


def _note_signs(text: str) -> set[str]:
    """The circled numbers *text* prints as note signs: right after the word or sentence they
    explain (``第五百七十七条①的规定``, ``…之一。②``), not at the line's start or after a colon, a
    semicolon, a comma, a 顿号 or an opening bracket (an enumeration: ``措施：①…；②…``)."""
    out = set()
    for k, c in enumerate(text):
        if ("\u2460" <= c <= "\u2473" or "\u2776" <= c <= "\u277f") and k and not text[k - 1].isspace() \
                and text[k - 1] not in ITEM_BEFORE:
            out.add(c)
    return out


def _note_ended(doc: LogicalText, line: Line) -> bool:
    """*line* (a footnote or its last wrapped line) ended where it stops: at a sentence mark,
    narrower than a wrapped line in a hard-wrapped text (a wrap width known), or anywhere in a
    text that sets a paragraph on one line (no wrap width: no line is wrapped). The line under it,
    no blank line between, is no more of the note (a text with no blank lines, whose notes stand
    right after the text they explain)."""
    return sentence_final(line.text) and (doc.wrap_width is None or not as_wide_as_wrapped(line, doc.wrap_width))


def _set_deeper(above: Line, line: Line) -> float:
    """How much deeper *line* is set in than *above* (ideograph widths of their leading blanks:
    :func:`convert.reader.physical.indent_width`)."""
    return indent_width(line) - indent_width(above)


def centred_under(above: Line, line: Line) -> bool:
    """*line* is set in far deeper than the line *above* it (eight columns or more: a centred
    title or author line of a ``pdftotext -layout`` copy) and short: no wrapped line of a note
    or paragraph above, which goes on flush."""
    return len(line.key) <= 30 and _set_deeper(above, line) >= 8


def _footnote_runs(doc: LogicalText):
    """``(first, last)`` index ranges of the footnotes at a page's foot (see
    :func:`find_footnotes`), each note with the lines that go on from it (no blank line between),
    in order; one pass over the body's lines, the markers seen so far kept in a set."""
    seen: set[str] = set()
    i, end = doc.body_start, doc.colophon_start
    while i < end:
        line = doc.lines[i]
        m = FOOTNOTE_RE.match(line.text)
        if not (m and m.group("n") in seen and len(line.key) > 4):
            seen.update(_note_signs(line.text))
            i += 1
            continue
        run, j, ended = [], i, False
        while j < end and not (j > i and _opens_page(doc.lines[j])):
            nxt = doc.lines[j]
            mk = FOOTNOTE_RE.match(nxt.text)
            if mk and mk.group("n") in seen:
                run.append([j, j])
            elif nxt.blank_before or not run:
                break
            elif _note_ended(doc, doc.lines[j - 1]) or centred_under(doc.lines[j - 1], nxt) \
                    or (sentence_final(doc.lines[j - 1].text) and starts_line(nxt)):
                # (or a note that ended its sentence over a line that only starts a line: a column's
                # name in 【】, a page label, an editor's note)
                # a text hard-wrapped with no blank lines: the last note ended on its line (it
                # stops at a sentence mark short of the wrap), what follows is no more of it
                ended = True
                break
            else:
                run[-1][1] = j  # the note's wrapped lines
            j += 1
        if run and (ended or j >= end or _opens_page(doc.lines[j])):
            yield from run
            for a, _ in run:
                seen.discard(FOOTNOTE_RE.match(doc.lines[a].text).group("n"))
        else:
            for k in range(i, max(j, i + 1)):
                seen.update(_note_signs(doc.lines[k].text))
        i = max(j, i + 1)


def rejoin_footnotes(doc: LogicalText) -> None:
    """A footnote the hard wrap cut (its second line with no blank line before it, up to the
    page's end) is one line again (:func:`find_footnotes` says which lines are footnotes)."""
    for a, b in reversed(list(_footnote_runs(doc))):
        if b > a:
            line = doc.lines[a]
            for nxt in doc.lines[a + 1 : b + 1]:
                line.segments = line.segments + nxt.segments
                line.end_no = nxt.end_no
                line.evidence.append(f"joined with line {nxt.no}: a footnote goes on to the page's foot")
            del doc.lines[a + 1 : b + 1]
            doc.colophon_start -= b - a


def find_footnotes(doc: LogicalText) -> None:
    """Footnotes (页下注): a line that opens with a circled number (``① 《…》第五百七十七条：…``)
    whose sign the text printed earlier (the note's anchor, ``…第五百七十七条①的规定``), standing at
    a page's foot: the footnotes of that page run on to the next page break (a folio, a running
    head, a form feed) or to the end of the text. Each is a ``footnote`` (TEI P5 §3.9.1: ``note
    place="foot"`` with ``@n``), never a heading and never joined into the running text."""
    for a, _ in _footnote_runs(doc):
        m = FOOTNOTE_RE.match(doc.lines[a].text)
        _give(doc, a, "footnote", f"a footnote ({m.group('n')}) at the page's foot, its sign printed in the text "
                                  "above", n=m.group("n"), marker=m.span("n"))


# ----------------------------------------------------------------------------- tables

#: The most characters the wrapped rest of a table row may hold (a cell or two the column cut off).
FRAGMENT_MAX = 12


def _opens_with_break(line: Line) -> bool:
    """*line* opens with an old page break (its milestones come first): a blank line before it is
    the page's end, not the end of a block."""
    return bool(line.segments) and not line.segments[0][0] and line.marks != []


def table_fragment(line: Line, row: Line, columns: int, width: float | None, again: bool = False,
                   first: bool = False) -> bool:
    """*line* may be the rest of the table *row* above it that a hard wrap cut off: no blank line
    before it, short (at most :data:`FRAGMENT_MAX` characters), at most two cells, no sentence or
    clause punctuation, no heading number (一、 （一） 1. （1）: a sub-heading right under a table is
    no part of it), no credit in brackets (``（…供稿）``: the item's bottom credit under its table);
    and the row shows the cut: a gap at its end or at the start of *line* (the
    next cell went over), a cell cut inside (a bracket the row leaves open, *line* starting with a
    mark no line may start with, a number cut between its digits, the row ending in a clause mark
    ，or 、 its remark cell's clause goes on after), fewer cells than the table's
    first row (*columns*), or the row as wide as a line of the text hard-wrapped at *width*
    (in ideograph widths, or counting each character one: :func:`_reaches_column`).

    Where the row shows a cell cut inside or reaches the wrap column (the cut is sure), the rest
    may be longer: two cells of a row's size (:data:`convert.reader.layout.CELL_MAX` each:
    ``累计降水量（`` / ``毫米）　　日最大降水量（毫米）``, a column head cut in its unit). With *again*
    (*row* itself the rest of a row), only that sure cut counts: a row wider than two lines of
    the text is cut twice (``东山水库　　42.00　　4`` / ``3.15　　42.6`` / ``0``)."""
    from convert.reader.physical import NO_LINE_START, bracket_open, display_width, item_number, leading_blanks

    if line.blank_before or not line.key or len(cell_spans(line.text)) > 2 \
            or any(c in "。；！？，" for c in line.text) or item_number(line.text):
        return False
    credit = CREDIT_LINE_RE.match(line.text.strip())
    if credit and CREDIT_WORD_RE.search(credit.group("inner")):
        return False  # a credit in brackets (（…供稿）) closes the item under its table: no cell's rest
    end, start = row.text.rstrip()[-1:], line.text.lstrip()[:1]
    # (a remark cell ending in a clause mark, ``东仓房维修中，`` / ``暂停使用``: its clause goes on)
    cut = (bracket_open(row.text) or start in NO_LINE_START or (end in "0123456789." and start in "0123456789.%")
           or end in "，、")
    sure = cut or as_wide_as_wrapped(row, width) or _reaches_column(row, width)
    if len(line.key) > FRAGMENT_MAX and not (sure and all(b - a <= CELL_MAX for a, b in cell_spans(line.text))):
        return False
    if again:
        return sure
    if (not first and not cut and row.raw == row.raw.rstrip() and len(cell_spans(row.text)) >= columns
            and len(cell_spans(line.text)) == 1 and display_width(leading_blanks(line.raw.lstrip("\f"))) > 2
            and sum(1 for c in line.key if "\u4e00" <= c <= "\u9fff") >= 2):
        # a row under the first that holds all the table's cells and ends in none cut, and a line
        # of one cell set in deeper than a paragraph's indent (段首空两字): a new cell would make
        # the row wider than the table, so the line is no rest of it (a title centred under the
        # table: the next piece's)
        return False
    return (sure or row.raw != row.raw.rstrip() or line.raw[:1].isspace()
            or len(cell_spans(row.text)) < columns)


def _reaches_column(row: Line, width: float | None) -> bool:
    """*row* may have been cut at the column of a text hard-wrapped at *width*: the most room it
    may have taken (:func:`convert.reader.physical.extent`, the gaps between its cells counted
    as a wrap counts them, one a character) reaches that width, within its tolerance."""
    from convert.reader.physical import _tolerance, extent

    return width is not None and extent(row.text) >= width - _tolerance(width)


#: A table's unit printed alone over it (计量单位: ``单位：%``, ``单位：万元``, ``单位：亿元、%``).
TABLE_UNIT_RE = re.compile(r"(?:计量|[\u4e00-\u9fff]{1,6})?单位[：:][^\s，,。；;]{1,12}")


def _table_title_line(doc: LogicalText, k: int) -> bool:
    """Line *k* is a table's labelled title (附表, 表N …: :data:`convert.reader.layout.TABLE_TITLE_RE`)
    with no role yet and no sentence punctuation."""
    return (k >= doc.body_start and k not in doc.roles and TABLE_TITLE_RE.match(doc.lines[k].text.strip()) is not None
            and not any(c in "。；！？" for c in doc.lines[k].text))


def _wrapped_table_title(doc: LogicalText, k: int, width: float | None) -> bool:
    """Lines *k* and *k* + 1 are a table's title (:data:`convert.reader.layout.TABLE_TITLE_RE`)
    a hard wrap cut in two: neither has a role yet nor sentence punctuation, no blank line between
    them, the first reaches the wrap column (:func:`_reaches_column`) and the rest is short (a
    title's tail: :data:`FRAGMENT_MAX` characters at most) and no table row."""
    if k < doc.body_start or k in doc.roles or (k + 1) in doc.roles:
        return False
    first, rest = doc.lines[k], doc.lines[k + 1]
    return (TABLE_TITLE_RE.match(first.text.strip()) is not None and not rest.blank_before
            and 0 < len(rest.key) <= FRAGMENT_MAX and table_row(rest.text) is None
            and not any(c in "。；！？" for c in first.text + rest.text) and _reaches_column(first, width))


#: The most characters a table's title printed under its label may hold.
LABELLED_TITLE_MAX = 30


def _labelled_table_title(doc: LogicalText, k: int) -> bool:
    """Lines *k* and *k* + 1 are a table's label alone (:data:`convert.reader.layout.TABLE_LABEL_RE`:
    ``附表``, ``附件2``, ``表3``) and its title under it (``第二批反馈问题整改清单``), right above the
    first row: neither has a role yet, the title is short (:data:`LABELLED_TITLE_MAX`), no table
    row and holds no sentence or clause punctuation. The label names the table, so it is the
    table's (its head), never a column (栏目) heading."""
    if k < doc.body_start or k in doc.roles or (k + 1) in doc.roles:
        return False
    label, title = doc.lines[k], doc.lines[k + 1]
    return (TABLE_LABEL_RE.match(label.text.strip()) is not None and 0 < len(title.key) <= LABELLED_TITLE_MAX
            and table_row(title.text) is None and TABLE_LABEL_RE.match(title.text.strip()) is None
            and not any(c in "。；！？，,;" for c in title.text))


def split_row(a: Line, b: Line) -> bool:
    """*a* and *b* are one table row a hard wrap cut in two, neither a row by itself (two cells at
    most each): no blank line between, no sentence or clause punctuation, a gap at *a*'s end (the
    cut fell in a gap) or a cell cut inside (digits either side, a bracket left open), and the two
    together a row (:func:`convert.reader.layout.table_row`)."""
    from convert.reader.physical import bracket_open

    if b.blank_before or len(cell_spans(a.text)) > 2 or len(cell_spans(b.text)) > 2 or not a.key or not b.key:
        return False
    if a.raw != a.raw.rstrip() or b.raw[:1].isspace():
        joined = a.text + "\u3000\u3000" + b.text
    elif (a.text[-1:] in "0123456789." and b.text[:1] in "0123456789.") or bracket_open(a.text):
        joined = a.text + b.text
    else:
        return False
    return table_row(joined) is not None


def _table_caption(doc: LogicalText, i: int, lead: bool = False) -> bool:
    """Line *i* - 1 is the caption of the table whose first row is line *i*, printed with no 表
    label (``上半年全县主要指标``): right above that row (no blank line between, or only an old page
    break), no role yet, short (:data:`LABELLED_TITLE_MAX`), one cell (no wide gap), no sentence,
    clause or colon punctuation (``…见下表：`` is prose), no heading number (GB/T 15834-2011 B.3.8),
    no column name (【…】), not wholly in brackets (a credit); and the line above it ends a
    sentence (:func:`convert.reader.physical.sentence_final`): prose of the same item, so the line
    names the table under it and opens no new item. No label says so: the caller marks it
    ``@cert`` medium. TEI P5 §14.1.1: a table's title is its ``<head>``. With *lead* (a table whose
    rows are sure by their form, set with tabs) the line above may end a lead's colon
    (``…清单如下（节选）：``), and in a text that sets every line apart by a blank line (the caption
    too) a blank line may stand between caption and first row (a table set by its heads' positions
    asks for none: the caller checks)."""
    k = i - 1
    if k - 1 < doc.body_start or k in doc.roles:
        return False
    cap, first, prev = doc.lines[k], doc.lines[i], doc.lines[k - 1]
    if first.blank_before and not _opens_with_break(first) and not (lead and cap.blank_before):
        return False
    ends = sentence_final(prev.text) or (lead and prev.text.rstrip()[-1:] in "：:")
    return _caption_shape(cap) and ends and not COLUMN_RE.match(prev.key)


def _give_unlabelled_caption(doc: LogicalText, k: int, n: int) -> None:
    """Line *k* is the head of table *n*: a caption printed with no 表 label right above its first
    row (:func:`_table_caption`; TEI P5 §14.1.1), ``@cert`` medium."""
    _give(doc, k, "table", "a table's caption printed with no 表 label, right above its first row "
          "(TEI P5 §14.1.1: its head)", "medium", part="head", table=n, caption=True)


def _caption_shape(cap: Line) -> bool:
    """*cap* is shaped like a table's caption printed with no 表 label: short
    (:data:`LABELLED_TITLE_MAX`), one cell (no wide gap), no sentence, clause or colon punctuation
    (``…见下表：`` is prose), no heading number (GB/T 15834-2011 B.3.8), no bracket opening it (a
    column name, a credit), no table label nor a figure's caption."""
    from convert.reader.physical import item_number

    text = cap.text.strip()
    return not (not 0 < len(cap.key) <= LABELLED_TITLE_MAX or len(cell_spans(cap.text)) != 1
                or any(c in "。；！？，,;：:!?" for c in text) or text[:1] in "（(【〔[<《" or item_number(text)
                or TABLE_LABEL_RE.match(text) or figure_caption(text))


#: Why a line is the caption of the table under it that a column holds alone (:func:`_column_table_caption`).
COLUMN_CAPTION = ("the caption of the table under it, right under a column's name in a column that holds nothing "
                  "else (TEI P5 §14.1.1)")


def _tab_row(line: Line) -> bool:
    """*line* is a two-column table's row as extracted: two short cells apart by a tab, no field."""
    return tab_pair(line.text) and gap_field(line.text) is None


def _row_run(doc: LogicalText, i: int, end: int, row) -> int:
    """The end (exclusive) of the run of lines from *i* (a row itself) that are rows by *row* (a
    predicate on a line), with no role and no blank line before them, before line *end*."""
    j = i + 1
    while j < end and j not in doc.roles and not doc.lines[j].blank_before and row(doc.lines[j]):
        j += 1
    return j


def _column_table_caption(doc: LogicalText, i: int, j: int) -> bool:
    """Line *i* - 1 is the caption of the table whose rows are lines *i* … *j* - 1, printed right
    under a column's name (【一周食谱】, 【数据看板】) in a column that holds nothing but that table:
    the caption is short (:data:`LABELLED_TITLE_MAX`), one cell, no sentence, clause or colon
    punctuation, no heading number, no bracket opening it; the line above it a column name
    (:data:`COLUMN_RE`) and the line after the table another column name, a conventional box's
    name (温馨提示, 小贴士: :data:`convert.reader.logical.body.BOX_NAME_RE`) or the body's end. A
    blank line may stand between the caption and the table (a Markdown copy sets one everywhere).
    The line names the table, not an article (nothing but the table follows it); no label says
    so: the caller marks it ``@cert`` medium. TEI P5 §14.1.1: a table's title is its ``<head>``."""
    from convert.reader.logical.body import BOX_NAME_RE

    k = i - 1
    if k - 1 < doc.body_start or k in doc.roles:
        return False
    if not _caption_shape(doc.lines[k]) or not COLUMN_RE.match(doc.lines[k - 1].key):
        return False
    while j < doc.colophon_start and doc.roles.get(j) is not None and doc.roles[j].kind in ("page-label", "page-credit"):
        j += 1  # a page's furniture between the table and what follows it
    return j >= doc.colophon_start or COLUMN_RE.match(doc.lines[j].key) is not None \
        or BOX_NAME_RE.match(doc.lines[j].key) is not None


def _split_row_cells(a: Line, b: Line) -> int:
    """How many cells the row *a* and *b* make together (:func:`split_row`), 0 when they are none."""
    if not split_row(a, b):
        return 0
    if a.raw != a.raw.rstrip() or b.raw[:1].isspace():
        return len(cell_spans(a.text)) + len(cell_spans(b.text))
    return len(cell_spans(a.text)) + len(cell_spans(b.text)) - 1  # a cell cut inside


def _figures(line: Line) -> int:
    text = line.text
    return sum(1 for a, b in cell_spans(text) if FIGURE_CELL_RE.match("".join(text[a:b].split())))


def _thin_header(text: str, columns: int) -> bool:
    """*text* is a table's row of column heads whose cells stand apart by one ideographic space
    each (no wide gap): *columns* cells (the rows' count), each short, none a figure, no sentence
    or clause punctuation."""
    cells = text.strip().split("\u3000")
    return (columns >= 3 and len(cells) == columns and all(0 < len(c) <= CELL_MAX and " " not in c for c in cells)
            and not any(FIGURE_CELL_RE.match(c) for c in cells) and not re.search(r"[。；！？，,、]", text))


def find_tables(doc: LogicalText) -> None:
    """Tables set in plain text (TEI P5 §14.1.1): two or more consecutive rows
    (:func:`convert.reader.layout.table_row`: three cells or more apart by wide gaps) under a
    title line (附表：…, 表N …, 续表: :data:`convert.reader.layout.TABLE_TITLE_RE`), or three rows or
    more without one, or under a caption with no label right above the first row
    (:func:`_table_caption`: its head, ``@cert`` medium) or right under a column's name in a column
    that holds nothing else (:func:`_column_table_caption`), or a two-column table: three lines or
    more of a name and a figure apart by a wide gap (:func:`convert.reader.layout.figure_row`, a
    data box's rows, ``@cert`` medium). The first row may itself be two halves a
    wrap cut that are no rows alone (:func:`split_row`). A blank line between two rows ends the table unless the lower row opens
    with an old page break (a table cut by a page). The rest of a row that a hard wrap carried to
    the next line (:func:`table_fragment`) goes with that row, and so does the second half of a row
    cut in two halves that are no rows alone (:func:`split_row`) (``@cert`` medium: its cells are
    told by the gaps left at the cut). The first row is the column heads (``role="label"``) when
    it holds no figure and the row under it does. Roles: ``table`` with ``part`` ``head``,
    ``row`` or ``more`` (a fragment; ``new``: it starts a new cell, the row's line ended in a
    gap or the fragment starts with one), ``table`` (the table's number), ``label``. A line the
    printed contents list names is a title, no row's rest."""
    i, end, n = doc.body_start, doc.colophon_start, 0
    listed = {e.key for e in doc.contents.entries} if doc.contents is not None else set()
    while i < end:
        first = doc.lines[i]
        if first.aligned is not None and first.aligned[1] == "head" and i not in doc.roles:
            # a table set by its column heads' positions (physical.aligned_tables): the heads, its
            # rows and each row's wrapped rests, cell by cell under the heads
            j = i + 1
            while j < end and j not in doc.roles and doc.lines[j].aligned is not None \
                    and doc.lines[j].aligned[0] == first.aligned[0] and doc.lines[j].aligned[1] != "head":
                j += 1
            n += 1
            # (the caption right above the heads, no blank line between, under a finished sentence
            # or a lead's colon: ``…列出如下：``)
            if not first.blank_before and _table_caption(doc, i, lead=True):
                _give(doc, i - 1, "table", "a table's caption printed with no 表 label, right above its column heads "
                      "(TEI P5 §14.1.1: its head)", "medium", part="head", table=n, caption=True)
            for k in range(i, j):
                _, part, cells = doc.lines[k].aligned
                _give(doc, k, "table", "a table set by its column heads' positions: " + (
                    "the column heads" if part == "head" else "a row, its cells under the heads" if part == "row"
                    else "the rest of the row above, its cell's wrap carried to the next line") + " (TEI P5 §14.1.1)",
                    None, part="row" if part != "more" else "more", table=n, label=part == "head", cells=cells)
            i = j
            continue
        spaced = False
        if i not in doc.roles and not table_row(first.text) and not directory_entry(first) and (
                (spans := thin_figure_row(first.text)) is not None
                or (spaced := (spans := thin_figure_row(first.text, spaces=True)) is not None)):
            # rows of a name and figures, their cells one ideographic space apart (no wide gap), or
            # one space of any kind (a copy that turned the table's tabs into single spaces), three
            # lines or more of as many cells, the column heads right above (as many cells, no
            # figures needed) and the caption over them: TEI P5 §14.1.1
            count = len(spans)
            j = _row_run(doc, i, end, lambda line: (r := thin_figure_row(line.text, spaced)) is not None
                         and len(r) == count)
            if j - i >= 3:
                n += 1
                head = i - 1 if (i - 1 >= doc.body_start and i - 1 not in doc.roles and not first.blank_before
                                 and (h := thin_cells(doc.lines[i - 1].text, spaced)) is not None
                                 and len(h) == count) else None
                top = i if head is None else head
                if _table_title_line(doc, top - 1):
                    # its labelled title right above (表1　…), a blank line between or not
                    _give(doc, top - 1, "table", "the title of the table under it (附表/表N)", None, part="head", table=n)
                elif _table_caption(doc, top):
                    _give_unlabelled_caption(doc, top - 1, n)
                for k in range(top, j):
                    cells = [(a, b, q) for q, (a, b) in enumerate(thin_cells(doc.lines[k].text, spaced))]
                    _give(doc, k, "table", "a table row: a name and figures one " + ("space" if spaced else "ideographic space")
                          + " apart, three such rows or more of as many cells" + ("; the column heads" if k == head else "")
                          + " (TEI P5 §14.1.1)", "medium", part="row", table=n, label=k == head, cells=cells)
                i = j
                continue
        if i not in doc.roles and (count := serial_header(first.text)) is not None:
            # the column heads of a table numbered in its first column (序号), its cells one
            # ideographic space apart, over rows numbered 1, 2, 3 … of as many cells (their cells may
            # hold clauses: 罚款2000元，记12分): TEI P5 §14.1.1
            j, want = i + 1, 1
            while j < end and j not in doc.roles and serial_row(doc.lines[j].text) == (want, count):
                j, want = j + 1, want + 1
            if j - i >= 3:
                n += 1
                if _table_title_line(doc, i - 1):
                    _give(doc, i - 1, "table", "the title of the table under it (附表/表N)", None, part="head", table=n)
                elif _table_caption(doc, i):
                    _give_unlabelled_caption(doc, i - 1, n)
                for k in range(i, j):
                    cells = [(a, b, q) for q, (a, b) in enumerate(ideographic_cells(doc.lines[k].text))]
                    _give(doc, k, "table", ("the column heads, 序号 first" if k == i else "a row numbered in the first "
                          "column") + ", cells one ideographic space apart, as many as the heads (TEI P5 §14.1.1)",
                          "medium", part="row", table=n, label=k == i, cells=cells)
                i = j
                continue
        if i not in doc.roles and (count := tab_cells(first.text)) is not None:
            # rows of as many cells apart by tabs, three lines or more in a row with no blank line
            # between (a word processor's table as extracted, its cells clauses: a 问题清单), the
            # caption right above the first: TEI P5 §14.1.1
            j = _row_run(doc, i, end, lambda line: tab_cells(line.text) == count)
            # (only where the gaps alone do not read it, a row's cells holding clauses: else the
            # gap reader below reads the table, its title and label as before)
            if j - i >= 3 and not all(table_row(doc.lines[k].text) for k in range(i, j)):
                n += 1
                if _table_caption(doc, i, lead=True):
                    _give_unlabelled_caption(doc, i - 1, n)
                label = _figures(first) == 0 < _figures(doc.lines[i + 1])
                for k in range(i, j):
                    _give(doc, k, "table", "a table row: as many cells apart by tabs as the rows next to it, three "
                          "such lines or more in a row (TEI P5 §14.1.1)", "medium", part="row", table=n,
                          label=k == i and label)
                i = j
                continue
        # the first row itself cut in two halves that are no rows alone (the column heads a wrap cut
        # in a gap: ``指标　　绝对值　　`` / ``　同比增长(%)``): the table opens there all the same
        halves = 0
        if i not in doc.roles and i + 1 < end and i + 1 not in doc.roles and not table_row(doc.lines[i].text):
            halves = _split_row_cells(doc.lines[i], doc.lines[i + 1])
        if not halves and (i in doc.roles or not table_row(doc.lines[i].text)):
            if i not in doc.roles and _tab_row(doc.lines[i]):
                # two cells apart by a tab, three lines or more in a row with no blank line between
                # (a two-column table as extracted: TEI P5 §14.1.1): its rows, never headings
                j = _row_run(doc, i, end, _tab_row)
                if j - i >= 3:
                    n += 1
                    label = _figures(doc.lines[i]) == 0 < _figures(doc.lines[i + 1])
                    for k in range(i, j):
                        _give(doc, k, "table", "a table row: two short cells apart by a tab, three such lines or "
                              "more in a row (a two-column table as extracted; TEI P5 §14.1.1)", "medium",
                              part="row", table=n, label=k == i and label)
                i = j
                continue
            if i not in doc.roles and figure_row(doc.lines[i].text):
                # a name and a figure apart by a wide gap, three lines or more in a row with no blank
                # line between (a data box's two-column table: ``清理河道垃圾　　　1.27万吨``)
                j = _row_run(doc, i, end, lambda line: figure_row(line.text))
                if j - i >= 3:
                    n += 1
                    if _column_table_caption(doc, i, j):
                        _give(doc, i - 1, "table", COLUMN_CAPTION, "medium", part="head", table=n, caption=True)
                    for k in range(i, j):
                        _give(doc, k, "table", "a table row: a name and a figure apart by a wide gap, three such "
                              "lines or more in a row (a data box's two-column table; TEI P5 §14.1.1)", "medium",
                              part="row", table=n, label=False)
                i = j
                continue
            i += 1
            continue
        members: list[tuple[int, str]] = [(i, "row")] + ([(i + 1, "more")] if halves else [])
        columns = halves or len(cell_spans(doc.lines[i].text))
        j = i + 2 if halves else i + 1
        while j < end and j not in doc.roles:
            nxt = doc.lines[j]
            if table_row(nxt.text) and (not nxt.blank_before or _opens_with_break(nxt)
                                        # a double-spaced extraction (pdftotext): every row set apart by a
                                        # blank line, as the first one is, the same number of cells
                                        or (doc.lines[i].blank_before and not halves
                                            and len(cell_spans(nxt.text)) == columns)):
                members.append((j, "row"))
            elif nxt.key not in listed and table_fragment(nxt, doc.lines[j - 1], columns, doc.wrap_width,
                                                          again=members[-1][1] == "more", first=j - 1 == i):
                members.append((j, "more"))
            elif ((not nxt.blank_before or _opens_with_break(nxt)) and j + 1 < end and j + 1 not in doc.roles
                  and split_row(nxt, doc.lines[j + 1])):
                members += [(j, "row"), (j + 1, "more")]  # a row cut in two, neither half a row alone
                j += 1
            else:
                break
            j += 1
        # the column heads right above the first row, their cells apart by one ideographic space
        # only (``乡镇（街道）　缴存单位（家）　…``: no wide gap, so no row by its gaps), as many as
        # the rows' cells: the table's first row
        if (not halves and i - 1 >= doc.body_start and i - 1 not in doc.roles and not doc.lines[i].blank_before
                and _thin_header(doc.lines[i - 1].text, columns)):
            members.insert(0, (i - 1, "row"))
            i -= 1
        rows = [k for k, part in members if part == "row"]
        title = i - 1 if _table_title_line(doc, i - 1) else None
        # the table's unit set alone between its title and its first row (``表1　…`` / ``单位：%``,
        # 计量单位 over the table's right edge): both are its head
        unit = (title is None and i - 1 not in doc.roles and TABLE_UNIT_RE.fullmatch(doc.lines[i - 1].key) is not None
                and _table_title_line(doc, i - 2))
        # or a caption with no 表 label over the unit line, prose ending a sentence above it
        # (``2025年1—9月公司所辖路段交通量统计`` / ``交通量单位：辆/日``): the table's head too
        unit_caption = (title is None and not unit and i - 3 >= doc.body_start and i - 1 not in doc.roles
                        and i - 2 not in doc.roles
                        and TABLE_UNIT_RE.fullmatch(doc.lines[i - 1].key) is not None
                        and heading_shape(doc.lines[i - 2]) and len(doc.lines[i - 2].key) <= 40
                        and not any(c in "，,。；;：:！？!?" for c in doc.lines[i - 2].text)
                        and sentence_final(doc.lines[i - 3].text))
        if unit or unit_caption:
            title = i - 2
        # a title the wrap cut (``表2　…大中型水库水位及超设`` / ``计水位情况``): its first line reaches the
        # wrap column, its rest short with no sentence punctuation, right above the first row
        wrapped = title is None and _wrapped_table_title(doc, i - 2, doc.wrap_width)
        if wrapped:
            title = i - 2
        # the table's label alone over its title (``附表`` / ``…整改清单``): both are its head
        labelled = title is None and _labelled_table_title(doc, i - 2)
        if labelled:
            title = i - 2
        # a caption with no 表 label right above the first row, prose ending a sentence above it
        # (``上半年全县主要商贸指标``): the table's head, less sure (three rows or more, as for no title)
        captioned = title is None and len(rows) >= 3 and _table_caption(doc, i)
        column_caption = title is None and not captioned and len(rows) >= 3 and _column_table_caption(doc, i, j)
        if column_caption:
            captioned, title = True, i - 1
        if captioned:
            title = i - 1
        if len(rows) < (2 if title is not None else 3):
            i = j
            continue
        n += 1
        weak = any(part == "more" for _, part in members)
        cert = "medium" if weak else None
        if unit_caption:
            _give(doc, title, "table", "the caption of the table under it, over the table's unit line (…单位：…), "
                  "prose ending a sentence above it (TEI P5 §14.1.1)", "medium", part="head", table=n, caption=True)
        elif column_caption:
            _give(doc, title, "table", COLUMN_CAPTION, "medium", part="head", table=n, caption=True)
        elif captioned:
            _give(doc, title, "table", "the caption of the table under it: a short line with no label, no "
                  "punctuation and no heading number right above its first row, prose ending a sentence above "
                  "it (TEI P5 §14.1.1)", cert, part="head", table=n, caption=True)
        elif title is not None:
            _give(doc, title, "table", "the title of the table under it (附表/表N)", cert, part="head", table=n)
        if wrapped:
            _give(doc, i - 1, "table", "the rest of the table's title, cut by a hard wrap (its first line reaches "
                                       "the wrap column)", "medium", part="head", table=n, rest=True)
        if labelled:
            _give(doc, i - 1, "table", "the table's title under its label (附表/附件/表N alone on the line above)",
                  None, part="head", table=n, rest=True, line_break=True)
        if unit or unit_caption:
            _give(doc, i - 1, "table", "the table's unit (单位：…) alone between its title and its first row",
                  None, part="head", table=n, rest=True, line_break=True)
        label = len(rows) >= 2 and (_figures(doc.lines[rows[0]]) == 0 < _figures(doc.lines[rows[1]])
                                    # a Markdown table's column heads: its delimiter row under them
                                    or bool(PIPE_RULE_RE.match(doc.lines[rows[1]].text)))
        for k, part in members:
            line = doc.lines[k]
            if part == "row":
                why = "a table row: three cells or more apart by wide gaps (TEI P5 §14.1.1)"
                if k == rows[0] and label:
                    why += "; the column heads (no figure in it, figures in the row under it)"
                _give(doc, k, "table", why, cert, part="row", table=n, label=k == rows[0] and label)
            else:
                above = doc.lines[k - 1]
                new = above.raw != above.raw.rstrip() or line.raw[:1].isspace()
                _give(doc, k, "table", "the rest of the table row above, cut by a hard wrap: "
                      + ("a new cell (a gap at the cut)" if new else "its last cell goes on"), "medium",
                      part="more", table=n, new=new)
        i = j


#: Why a physical line stands on its own: a numbered sub-heading's shape (:func:`subhead_level`).
NUMBERED = "a numbered sub-heading (GB/T 15834 B.3.8)"


def starts_line(part: Line) -> str | None:
    """Why a physical line can only start a line of its own (a page label, a lead-in, an
    editor's note, a bulleted item, a page credit, a column name, a contents heading)."""
    from convert.reader.layout import CONTENTS_HEAD_RE

    text, key = part.text.strip(), part.key
    if PAGE_LABEL_RE.match(key):
        return "a page label"
    if LEAD_IN_RE.match(text):
        return "a news lead-in (本报讯)"
    if EDITORIAL_RE.match(text):
        return "an editor's note"
    if CONTINUATION_LEAD_RE.match(text):
        return "a jump line (上接…) opening a continued story"
    if ATTACHMENT_RE.match(text):
        return "an attachment note (附件：)"
    if subhead_level(part):
        return NUMBERED
    if text[:1] in BULLET_CHARS:
        return "a bulleted item"
    if page_credit(part):
        return "a page credit"
    if COLUMN_RE.match(key) or CONTENTS_HEAD_RE.match(key):
        return "a column name or contents heading"
    if masthead_field_line(part):
        return "a masthead line (a date, an issue number, a registration number …)"
    return None


def _ends_line(part: Line) -> str | None:
    """Why a physical line can only end a line (a contents entry's page ``2版``, a photo
    credit ``… 摄``, a page label)."""
    from convert.reader.layout import PAGE_SUFFIX_RE

    text = part.text.strip()
    if PAGE_LABEL_RE.match(part.key):
        return "a page label"
    if len(part.key) <= 40 and PAGE_SUFFIX_RE.search(text) and re.search(r"(?:[\s\u3000]\S*版|[（(]\s*\S*版\s*[）)])$", text):
        return "a contents entry's page (N版)"
    if CAPTION_CREDIT_RE.search(text):
        return "a photo credit (… 摄)"
    if ATTACHMENT_RE.match(text) and text[-1:] in "）)":
        return "an attachment note (附件：…（略）)"
    if subhead_level(part):
        return NUMBERED
    if masthead_field_line(part):
        return "a masthead line (a date, an issue number, a registration number …)"
    return None


def _group(parts: list[Line], first: Line) -> Line:
    """One logical line of the consecutive physical *parts* (the first keeps *first*'s
    evidence)."""
    segs = []
    for k, part in enumerate(parts):
        if k and segs and part.segments:
            a, b = "".join(s for s, _ in segs)[-1:], part.text[:1]
            if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
                segs.append((" ", False))
        segs += part.segments
    head = parts[0]
    line = Line(head.no, head.raw, head.level, head.bullet, head.all_bold and all(p.all_bold for p in parts), segs,
                parts[-1].page, head.blank_before, head.blanks_before, head.form_feed, parts[-1].no)
    if head is first or head.no == first.no:
        line.evidence, line.cert, line.weak_join = list(first.evidence), first.cert, first.weak_join
        # the joins past its last line are undone: their evidence goes, and a weak join's doubt with it
        undone = [e for e in first.evidence
                  if (m := re.match(r"joined with lines? (\d+)", e)) and int(m.group(1)) > parts[-1].no]
        if undone:
            line.evidence = [e for e in first.evidence if e not in undone and not e.startswith("line ends:")]
            line.evidence.append(f"split again after line {parts[-1].no}: the next line stands on its own")
            weak = [e for e in line.evidence if e.startswith("joined with") and ("weak" in e or "as wide as" in e)]
            if first.weak_join and not weak:
                line.cert, line.weak_join = None, False
    return line


#: How many logical lines above a numbered line its sibling is looked for (:func:`_run_in_above`).
SIBLING_ABOVE_REACH = 8


def _run_in_above(lines: list[Line], k: int) -> bool:
    """Logical line *k* opens with an item number (GB/T 15834-2011 B.3.8) of a series whose first
    item follows a line ending in a clause mark (``…主要有以下情形：`` over ``（1）…``): the items of an
    enumeration the sentence above opens, run in like their first (the siblings found going back
    number by number, each within :data:`SIBLING_ABOVE_REACH` lines of the next, none of a higher
    level between); so this one is an item the wrap cut too, whatever its first line's shape."""
    from convert.reader.layout import after_clause_mark
    from convert.reader.physical import item_number

    found = item_number(lines[k].text)
    if found is None:
        return False
    level, n, _ = found
    at = k
    mark = lines[k].text.strip()[: len(lines[k].text.strip()) - len(found[2])].strip()
    while n > 1:
        for j in range(at - 1, max(-1, at - 1 - SIBLING_ABOVE_REACH), -1):
            other = item_number(lines[j].text)
            if other is None:
                # the sibling run in after a clause mark inside the line (…情形：（1）一些…): the
                # series opens so
                prior = _sibling_mark(mark, n - 1)
                if prior and re.search(rf"[：:；;，,]\s*{re.escape(prior)}", lines[j].text):
                    return True
                continue
            if other[0] < level or (other[0] == level and other[1] != n - 1):
                return False
            if other[0] == level:
                at, n = j, n - 1
                break
        else:
            return False
    return at > 0 and at < k and after_clause_mark(lines[at - 1].text)


def _sibling_mark(mark: str, n: int) -> str | None:
    """The item mark of number *n* printed as *mark* is (``（4）`` → ``（3）``, ``4.`` → ``3.``), for
    arabic numbers; ``None`` for others."""
    m = re.fullmatch(r"(\D*)(\d{1,2})(\D*)", mark)
    return f"{m.group(1)}{n}{m.group(3)}" if m and n > 0 else None


def _title_tail(part: Line) -> bool:
    """Physical *part* may be the tail a wrap cut off a long title: a few words (eight characters at
    most), no punctuation, no gap inside (no cells, no running text)."""
    t = part.text.strip()
    return 0 < len(part.key) <= 8 and not re.search(r"\s", t) and not any(c in "，,。；;：:、！？!?" for c in t)


def split_run_together(doc: LogicalText) -> None:
    """Lines the unwrapping ran together (no blank line between, no sentence end) where one of
    them can only stand on a line of its own (:func:`starts_line`, :func:`_ends_line`: a page
    label, a lead-in, a bulleted item, a contents entry's page, a photo credit …) are split
    again at the physical lines (never before a character no line may start with), but a line
    shaped like a numbered sub-heading that the unwrapping joined as an item of a run-in series
    (its sibling a paragraph: :func:`convert.reader.physical.run_in_sibling`) stays joined. Runs
    first: every other pass sees the lines as printed."""
    from convert.reader.physical import BOLD_RUN_JOIN, NO_LINE_START, RUN_IN_JOIN, decide_break, extent

    out: list[Line] = []
    briefs = numbered_run_ins(doc.lines)  # items of a numbered run of briefs: their text goes on
    signs: set[str] = set()  # the note signs (①) the text printed so far
    for n_line, line in enumerate(doc.lines):
        parts = physical_parts(line, doc.physical)
        # the logical line ends a page (the next one opens the next page, or the text ends), or the
        # one or two lines under it (no blank line between: a note's wrapped rest) do
        page_foot = False
        for k in range(n_line + 1, min(len(doc.lines), n_line + 3) + 1):
            if k >= len(doc.lines) or _opens_page(doc.lines[k]):
                page_foot = True
                break
            if doc.lines[k].blank_before:
                break
        if len(parts) < 2:
            signs |= _note_signs(line.text)
            out.append(line)
            continue
        groups: list[list[Line]] = [[parts[0]]]
        split = False
        for prev, part in zip(parts, parts[1:]):
            why = None if part.text[:1] in NO_LINE_START else (_ends_line(prev) or starts_line(part))
            if why == NUMBERED and prev is parts[0] and any(
                    e.startswith(f"joined with line {part.no}:") and RUN_IN_JOIN in e for e in line.evidence):
                why = None  # an item of a run-in series the wrap cut: its siblings are paragraphs
            if why is not None and any(e.startswith(f"joined with line {part.no}:") and BOLD_RUN_JOIN in e
                                       for e in line.evidence):
                why = None  # one bold run the wrap cut (**（一）…变“等项目”为“跑项`` / ``目”**): one line
            if why == NUMBERED and prev is parts[0] and n_line in briefs:
                why = None  # a numbered brief item, its title run in: its one paragraph goes on
            if (why == NUMBERED and prev is parts[0] and len(parts) == 2 and _title_tail(part)
                    and any(e.startswith(f"joined with line {part.no}:") and "as wide as a wrapped line" in e
                            for e in line.evidence)):
                # a numbered sub-heading as wide as a narrow column, its last words alone under it
                # (``（一）户内设施隐患占比仍然`` / ``较高``): the wrap cut the sub-heading there
                why = None
            if why == NUMBERED and prev is parts[0] and _run_in_above(doc.lines, n_line):
                why = None  # its sibling above is a run-in paragraph: an item of that series the wrap cut
            if why is None and prev is parts[0] and DOCUMENT_TITLE_RE.match(prev.key) and heading_shape(prev) \
                    and part.text[:1] not in NO_LINE_START:
                why = "the line above is a document's title (关于…的通报: GB/T 9704-2012 7.3.1)"
            if why is None and prev is parts[0] and out and _ends_story(out[-1]) and heading_shape(prev) \
                    and not _title_tail(part) \
                    and any(e.startswith(f"joined with line {part.no}: no clause punctuation") for e in line.evidence):
                # (a title's own wrapped tail, ``…活动圆满`` / ``收官``, stays)
                why = "the line above, after a story's end, has a title's shape and was joined on weak evidence"
            if (why is None and page_foot and (m := FOOTNOTE_RE.match(part.text)) and m.group("n") in signs
                    and len(part.key) > 4):
                why = "a footnote at the page's foot (its sign printed in the text above)"
            signs |= _note_signs(prev.text)
            if why is None and split and len(groups[-1]) == 1:
                # a line split off again: the next one is weighed anew, as the unwrapping would
                ends, reason, _ = decide_break(prev, 1, part, doc.wrap_width, extent(prev.text))
                why = reason if ends else None
            if why:
                groups.append([part])
                part.evidence.append(f"a line of its own again: {why}")
                split = True
            else:
                groups[-1].append(part)
        signs |= _note_signs(parts[-1].text)
        if len(groups) == 1:
            out.append(line)
            continue
        out += [_group(g, line) for g in groups]
    # a line of closing marks only (``”`` the extraction wrapped off a marked title) ends the line above
    for k in range(len(out) - 1, 0, -1):
        line = out[k]
        if line.key and all(c in NO_LINE_START for c in line.key) and not line.blank_before \
                and out[k - 1].page is None and line.page is None:
            out[k - 1].segments = out[k - 1].segments + line.segments
            out[k - 1].end_no = line.end_no
            out[k - 1].evidence.append(f"joined with line {line.no}: it holds only marks no line may start with")
            del out[k]
    doc.lines[:] = out


def split_named_titles(doc: LogicalText) -> None:
    """A title the printed contents list names, run together with the text under it by the
    unwrapping (a title as wide as a wrapped line, with quotes in it): split again after the
    physical line(s) that make the title (one or two: a long title may be wrapped)."""
    import difflib

    from convert.reader.body import MATCH_RATIO

    if doc.contents is None:
        return
    keys = [e.key for e in doc.contents.entries]

    def names(title: str) -> bool:  # the whole title, not only its start (a wrapped title's first line)
        return any(difflib.SequenceMatcher(None, title, e, autojunk=False).ratio() >= MATCH_RATIO for e in keys)

    out: list[Line] = []
    for k, line in enumerate(doc.lines):
        parts = physical_parts(line, doc.physical) if k >= doc.body_start and line.end_no > line.no else [line]
        cut = None
        for n in (1, 2):
            if len(parts) > n and not any("the contents list prints the title" in e for e in line.evidence):
                title = "".join(p.key for p in parts[:n])
                rest = _group(parts[n:], parts[n])
                if names(title) and paragraph_shape(rest) and not any(
                        c in "。；" for p in parts[:n] for c in p.text):
                    cut = n
                    break
        if cut is None:
            out.append(line)
            continue
        parts[cut].evidence.append("a line of its own again: the title above it is named by the contents list")
        out += [_group(parts[:cut], line), _group(parts[cut:], line)]
    doc.lines[:] = out


#: The role passes, in the order they run: the most specific shapes first.
ROLE_PASSES = [rejoin_numbered_briefs, rejoin_run_ins, rejoin_indented_paragraphs, rejoin_wide_lines, rejoin_page_labels, rejoin_page_credits, rejoin_captions, rejoin_attachments, rejoin_footnotes, find_separators, find_footnotes, find_page_labels, find_page_credits, find_captions, find_figure_captions, find_editorial_notes, find_lead_ins,
               find_attachments, find_tables, find_columns, find_bylines, find_signed_columns, find_numbered_briefs, find_subheads, find_verse, find_clause_verse, find_briefs]


def find_roles(doc: LogicalText) -> None:
    """Body lines: run-in heads the extraction wrapped joined again, then page labels, page credits, captions, editor's notes, lead-ins, attachment notes,
    column names, author lines and credits, numbered sub-headings, verse, brief items (the
    passes of :data:`ROLE_PASSES`, each a function of this module)."""
    for step in ROLE_PASSES:
        step(doc)
    for i, role in doc.roles.items():
        doc.lines[i].note(role.kind, role.why, role.cert)


__all__ = ["ROLE_PASSES", "colophon_fields", "find_roles", "page_label", "physical_parts", "starts_line", "subhead_level"]
