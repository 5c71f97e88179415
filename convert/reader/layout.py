"""Find the parts of a bulletin (masthead, contents list, body, colophon) and read the contents list.

Everything here works from the text's own evidence: dot leaders and page numbers mark contents
entries, a contents line that reappears as a line of the body is a section name, the colophon is
the run of field lines (主管：, 电话：, 共印 N 份 …) that ends the text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from convert.reader.lines import Line, page_number_span

#: Sentence punctuation (full- and half-width) that a heading does not contain.
SENTENCE_PUNCT = set("。；！？;!?")
CLAUSE_PUNCT = set("，,")
#: A paragraph ending in one of these is finished; anything else was cut (clreq §3.1.7 names
#: the closing punctuation; a cut paragraph ends in an ideograph, a comma or an opening mark).
TERMINAL = set("。！？!?；;：:…”’」』）)】〕]》.")

#: Labels of colophon fields (版记, 报尾, a journal's 版权标识): who issues, edits, prints it,
#: where, how many; the label is followed by a colon (whitespace removed: ``主　　办：``).
COLOPHON_LABELS = (
    "发放范围|发送范围|发送|报送|抄送|抄报|主送|分送|报|送|发|主管|主管单位|主办|主办单位|承办|协办|编辑出版|出版单位|编辑|出版"
    "|编印|印刷|承印|地址|社址|通讯地址|编辑部地址|电话|传真|邮箱|电子邮箱|投稿邮箱|邮编|网址|总编|总编辑|主编|副主编"
    "|执行主编|责任编辑|本版责编|本版编辑|责编|美术编辑|美编|编委|签发|审核|审签|校对|责任校对|印数|准印证号|准印证|总编室|广告部|发行部"
    "|新闻热线|定价|刊号|邮发代号|排版|设计"
    # who made the product (a service bulletin's closing 制作：…　审核：…, 签发 in its 版头 or beside them)
    "|制作"
    # what the rules for 内部资料性出版物 want printed on the back cover or 版权页: 编印单位, 发送对象,
    # 印刷单位, 印刷日期, 印数, 准印证编号
    "|编印单位|发送对象|印刷单位|印刷日期|准印证编号"
    # a journal's 版权页 names its advisers, the calligrapher of its title and its editorial staff
    "|顾问|名誉主编|刊名题字|题字|编务|编辑部主任|编委会主任|编委会副主任|编辑委员会主任|编辑委员会副主任"
    # the members of the 编委会 under its caption (主　　任：…　副 主 任：…　委　　员：…)
    "|主任|副主任|委员"
    # the caption of the cover's picture a journal prints on its 版权页 (封面：《…》　X　摄)
    "|封面|封底|封二|封三")
COLOPHON_FIELD_RE = re.compile(rf"^({COLOPHON_LABELS})\s*[：:]")
#: Distribution lines of a 版记 (GB/T 9704-2012 7.4.2 抄送; briefing practice 报/送/发): the
#: label and its recipients.
DISTRIBUTION_RE = re.compile(r"^(报|送|发|抄送|抄报|主送|分送|报送|发送)\s*[：:]")
#: The 印发 line (GB/T 9704-2012 7.4.3): the issuing body and the date, ``…印发``.
ISSUED_RE = re.compile(r"^(?P<org>.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<verb>印发)\s*$")
COLOPHON_NOTICE_RE = re.compile(r"^[（(]?\s*(内部资料|注意保存|内部刊物|免费交流|内部参阅)[^()（）]*[）)]?$")
#: A journal's or paper's statement in its 版权页 of whose the views are (``本刊所发文章仅代表作者个人
#:观点。``, ``文责自负``, ``版权所有，未经许可不得转载``): one sentence among the colophon's lines, no
#: piece's text (periodical practice: the 版权声明 under the fields).
COLOPHON_STATEMENT_RE = re.compile(r"^(?:(?:本刊|本报)(?:所发|所刊|刊发|刊登|所载)的?(?:文章|稿件|作品)[^。]{0,16}(?:观点|负责|立场)"
                                   r"|文责自负|版权所有[，,]?(?:未经[^。]{0,12}不得[^。]{0,8})?)[。.]?$")
PRINT_RUN_RE = re.compile(r"^[（(]?\s*共印\s*(\d+)\s*份\s*[）)]?$")
#: A print run at the end of a line of fields: ``编辑：冯晓棠　　（共印90份）``, or after a wide gap
#: without brackets (``编辑：韩素云　　　　共印120份``).
PRINT_RUN_TAIL_RE = re.compile(r"(?:[（(]\s*共印\s*(\d+)\s*份\s*[）)]|(?:(?<=[ \t]{2})|(?<=\u3000))共印\s*\d+\s*份)\s*$")
#: A label inside a line of fields: a few characters (maybe letter-spaced) and a colon, at the
#: line's start or after a gap.
FIELD_LABEL_RE = re.compile(r"(?:^|(?<=\s))((?:[\u4e00-\u9fff][ \t\u3000]*){1,8}?)[：:]")
#: Labels of the credits that close a newspaper page (本版责编 … 校对 …).
PAGE_ROLE_RE = re.compile(r"^(?:本版责编|本版编辑|责编|责任编辑|美术编辑|美编|版式|校对|责任校对|审校|组版|图片编辑)$")
SECTION_MAX = 12
#: The printed heading of a contents list: 目录, 目 录, 目次 (GB/T 3179's word for a journal's),
#: 本期目录, 本期要目, 本期导读, and a paper's 今日导读, 要闻导读, 本版导读, Contents.
CONTENTS_HEAD_RE = re.compile(r"^[●○◎◆◇■□▲△★☆]?(本期|今日|要闻|本版|新闻)?(目录|目次|要目|导读|提要|看点)$|^contents$",
                              re.IGNORECASE)
#: A heading that announces a selection, not every article (本期导读, 看点).
PARTIAL_CONTENTS_RE = re.compile(r"导读|看点|提要")
#: A contents line whose leader is followed by the author before the page number:
#: ``续志编纂中大事记条目的取舍与表述………苏明哲　5`` (the leader is then printed text).
#: The shape, as a regular expression (the definition :func:`match_author_leader` follows; on a long
#: leader its nested repetition backtracks for a time that grows with the square of the line's
#: length or worse, so the reader never runs it on its input).
AUTHOR_LEADER_RE = re.compile(
    r"^(?P<title>.+?)(?P<lead>(?:…{2,}|\.{3,}|·{3,}|．{3,})+)\s*(?P<author>[^\d…\.·．\s](?:\s*[^\d…\.·．\s]){0,11})?"
    r"\s*(?P<page>\d{1,3}|（\d{1,3}）|\(\d{1,3}\))\s*$")
#: The characters of a dot leader and the shortest run of each that is one.
LEADER_RUN_MIN = {"…": 2, ".": 3, "·": 3, "．": 3}
LEADER_CHARS = "".join(LEADER_RUN_MIN)


@dataclass(frozen=True)
class LeaderMatch:
    """What :func:`match_author_leader` found: ``spans[name] = (start, end)`` of ``title``,
    ``lead``, ``author`` (absent when none) and ``page`` in the line; a part of the interface of
    :class:`re.Match` (``group``, ``span``, ``end``)."""

    text: str
    spans: dict

    def span(self, name: str) -> tuple[int, int]:
        return self.spans.get(name, (-1, -1))

    def end(self, name: str) -> int:
        return self.span(name)[1]

    def group(self, name: str) -> str | None:
        return self.text[slice(*self.spans[name])] if name in self.spans else None


def match_author_leader(text: str) -> LeaderMatch | None:
    """:data:`AUTHOR_LEADER_RE` ``.match(text)``, found in one pass from the line's end (time
    linear in its length; tests/test_reader_growth.py checks both find the same spans): a page
    number of one to three digits, maybe in round brackets (``（2）``), ends the line; before it, after optional whitespace, an author
    of at most 12 characters, spaces not counted (no digit, no leader character, no space at either end: a letter-spaced
    name ``苗　青`` and a role word, ``口述　蒋德昌　整理　苗　青``, as an oral history's contents entry prints it); before that,
    after optional whitespace, the leader: runs of ``…`` (two or more) or ``.``, ``·``, ``．`` (three
    or more), as short as the title before it (one character at least) allows."""
    end, p, _ = page_number_span(text)
    if p is None:
        return None
    before_end = len(text[:p].rstrip())
    k = before_end - 1  # the last leader character
    while k >= 0 and text[k] not in LEADER_RUN_MIN:
        k -= 1
    if k < 0:
        return None
    author_start = k + 1 + (len(text[k + 1:before_end]) - len(text[k + 1:before_end].lstrip()))
    author = text[author_start:before_end]
    if author and (sum(not c.isspace() for c in author) > 12 or any(c.isdecimal() for c in author)):
        return None
    r = k  # the leader run: text[r:k + 1]
    while r > 0 and text[r - 1] in LEADER_RUN_MIN:
        r -= 1
    runs = []  # maximal runs of one character: [start, end)
    i = r
    while i <= k:
        j = i
        while j <= k and text[j] == text[i]:
            j += 1
        runs.append((i, j))
        i = j
    bad = [n for n, (a, b) in enumerate(runs) if b - a < LEADER_RUN_MIN[text[a]]]
    first = bad[-1] + 1 if bad else 0
    if first >= len(runs):
        return None
    start = runs[first][0]
    if start == 0:  # the title takes one character at least
        start = 1
        if runs[0][1] - 1 < LEADER_RUN_MIN[text[0]]:
            if len(runs) < 2:
                return None
            start = runs[1][0]
        if start > k:
            return None
    if "\n" in text[:start]:
        return None
    spans = {"title": (0, start), "lead": (start, k + 1), "page": (p, end)}
    if author:
        spans["author"] = (author_start, before_end)
    return LeaderMatch(text, spans)
#: A dot leader in a line's text (one the line's end did not take off: the page stood on the
#: next line, or an author between them).
TEXT_LEADER_RE = re.compile(r"…{2,}|\.{3,}|·{3,}|．{3,}")
#: The printed page of a newspaper's contents entry: ``县城第二水厂扩建工程通水试运行　　2版``, or in
#: round brackets after the title (``全县秋粮收购进度过半（3版）``).
PAGE_SUFFIX_RE = re.compile(r"(?<!\s)(?:\s{2,}|\u3000+|\s*)(?P<page>(?P<open>[（(]\s*)?(?:第\s*)?(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})"
                            r"\s*版(?(open)\s*[）)]))\s*$")
#: A printed bullet before an entry or a brief's run-in head (kept: it is content).
BULLET_CHARS = "●○◎◆◇■□▲△▼▽★☆•·▶►◉"
#: A column of news items by its name (各地动态, 工作简讯, 基层传真, 信息快递), as a 要目 may list it
#: among the pieces: no title, whatever line stands under it.
COLUMN_ENTRY_RE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:动态|简讯|快讯|短讯|传真|速递|集锦|短波|扫描|信息)")
#: A 导读 entry's printed page before its title (``2版　title``, ``第4版 title``): the page, then space.
PAGE_PREFIX_RE = re.compile(r"^\s*(?:(?P<page>(?:第\s*)?(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版)(?:\s+|\u3000+)"
                            r"|(?P<bpage>[【\[［]\s*(?:第\s*)?(?P<bn>\d{1,2}|[一二三四五六七八九十]{1,3})\s*版\s*[】\]］])\s*)(?=\S)")


def after_clause_mark(text: str) -> bool:
    """*text* (a line) ends in a clause mark (：；，、 and their ASCII forms): the sentence goes on,
    and a numbered line under it is an item of the enumeration it opens (``…：（1）…；（2）…``, run
    in; GB/T 15834-2011 B.3.8 numbers headings that stand on lines of their own)."""
    return text.rstrip()[-1:] in "：:；;，,、"


#: A note's sign after a sentence's end (``…只有九人。①``, ``…。[3]``): the anchor of an endnote or
#: footnote (GB/T 7714-2015 顺序编码制; a 文史 journal's ①), no word of a sentence going on.
NOTE_SIGN_END_RE = re.compile(r"(?<=[。！？!?…”’」』])(?:[\u2460-\u2473]|\[\d{1,3}\]|〔\d{1,3}〕){1,3}$")


def unfinished(text: str) -> bool:
    """True when *text* stops mid-sentence: its last character is not closing punctuation, or it
    is a closing quote or bracket that follows neither closing punctuation nor another closing
    mark (``…全面落实“六保”`` goes on; ``…工作。”`` and ``…（记者 雷霄）`` end). A note's sign
    after the sentence's end (``…只有九人。①``: :data:`NOTE_SIGN_END_RE`) is set aside."""
    t = NOTE_SIGN_END_RE.sub("", text.rstrip())
    if not t:
        return False
    if t[-1] in "”’」』":
        # a dash before the closing quote (``等一等——”``): speech broken off (GB/T 15834-2011
        # 4.11), the quotation ends there as after 。 or …
        return len(t) > 1 and t[-2] not in TERMINAL and t[-2] != "—"
    return t[-1] not in TERMINAL


#: Exclamation and question marks: inside a heading they may stand (``榜单揭晓！郑州获评…``).
INNER_OK = set("！？!?")


def _ends_sentence(t: str) -> bool:
    t = t.rstrip("”’」』）)】》 ")
    return bool(t) and t[-1] in SENTENCE_PUNCT


def heading_shape(line: Line) -> bool:
    """A line that could be a heading by its shape: short, no comma, no full stop or semicolon,
    an exclamation or question mark only inside (``榜单揭晓！郑州获评“…”``), not ending in a
    comma or colon (a lead-in), not just a number."""
    t = line.text.strip()
    k = line.key
    if not k or len(k) > 50 or k.isdigit():
        return False
    if any((c in SENTENCE_PUNCT and c not in INNER_OK) or c in CLAUSE_PUNCT for c in t) or _ends_sentence(t):
        return False
    return t[-1] not in "、：:—-"


def paragraph_shape(line: Line) -> bool:
    """A line that reads as running text: it has a comma, full stop or semicolon, ends a
    sentence, or is long (an exclamation mark inside a short line is not enough)."""
    t = line.text.strip()
    return (any((c in SENTENCE_PUNCT and c not in INNER_OK) or c in CLAUSE_PUNCT for c in t)
            or _ends_sentence(t) or len(line.key) > 50)


#: An entry of a directory box (便民信息, 服务电话 …): a unit's or service's name, a gap, its telephone
#: number (``社区服务中心　8123 4567``, ``燃气抢修  0736-7522119``, ``双槐、文昌片区　　（0398）7218801``): 7 to 14 digits, grouped by
#: spaces or hyphens, an area code maybe in brackets; the name may end with what the number is for
#: in brackets (``镇卫生院（急诊）``). One character class per run, the number's
#: length bounded: no backtracking beyond a few steps, linear in the line.
DIRECTORY_ENTRY_RE = re.compile(r"^(?P<name>[^\s，。；：:,;！？（）()]{2,24}(?:[（(][^\s，。；：:,;！？（）()]{1,12}[）)])?)(?:[ \t\u3000]+)[（(]?\d[\d \-－（）()]{1,20}\d$")


def directory_entry(line: Line) -> bool:
    """*line* is an entry of a directory box: a name, a gap (an ideographic space, spaces or a
    tab) and a telephone number, nothing else (:data:`DIRECTORY_ENTRY_RE`). No heading: a
    heading names an article, it gives no number to dial (newspaper practice: the 便民信息 or
    服务电话 box lists its entries under one head)."""
    t = line.text.strip()
    if len(t) > 48 or not (m := DIRECTORY_ENTRY_RE.match(t)):
        return False
    # the name holds two Han characters at least (``双槐、文昌片区``, ``24小时供暖服务总热线``: a list of
    # areas or a service's hours may be in it), so a row of figures is none; a service's short
    # number (市民服务热线　12345, 供电服务热线　95598: the special service numbers of the numbering
    # plan) under a name that says it is a line to call
    digits = sum(c.isdigit() for c in t)
    return ((digits >= 7 or (digits >= 3 and SERVICE_LINE_RE.search(m.group("name")) is not None))
            and sum(1 for c in m.group("name") if "\u4e00" <= c <= "\u9fff") >= 2)


#: The end of a directory entry's name that says it is a line to call (热线, 电话, 报警, 急救 …).
SERVICE_LINE_RE = re.compile(r"(?:热线|电话|报警|急救|火警|求助|举报|投诉|咨询|服务台)$")


def titled_item(lines: list[Line], k: int) -> bool:
    """Line *k*, opened by a label of a name's ordinal and a colon (``案例一：``, ``典型案例二：``),
    is the title of a column's item, not a list's entry: the line is a title by its shape
    (:func:`heading_shape`: short, no sentence punctuation) with a title after the colon, and the
    line under it opens a paragraph of running text (:func:`paragraph_shape`, after a blank line
    or set in by a first-line indent). A briefing's 典型案例 column prints each case so, the label
    part of the printed title (GB/T 15834-2011 4.1.3, the colon after a label; GB/T 9704-2012 主体:
    the items of a column, each a title over its text); a list's entry is its line (or the flush
    lines of places, figures … under its label), no paragraph opening under it."""
    from convert.reader.physical import LABEL_ITEM_RE

    m = LABEL_ITEM_RE.match(lines[k].text)
    if m is None or k + 1 >= len(lines) or not lines[k].text[m.end():].strip() or not heading_shape(lines[k]):
        return False
    nxt = lines[k + 1]
    raw = nxt.raw.lstrip("\f")
    # (with its blank lines gone and no indent, a line of prose: clauses and sentences, as a
    # list's place or figure lines under a label never hold)
    return paragraph_shape(nxt) and (nxt.blank_before or raw[:1] in " \t\u3000"
                                     or (len(nxt.key) >= 20 and sum(nxt.text.count(c) for c in "，。；") >= 2))


#: The fewest rows of a list set in columns (:func:`column_list_lines`).
COLUMN_LIST_MIN = 3


#: Where two names set in columns part: a wide gap (:data:`CELL_GAP_RE`), or one space after a name's
#: bracketed unit (``黄　蕾（县卫生健康委员会）　孙志远（…）``: the longer name left one space between the
#: columns). One character class a step: linear.
COLUMN_GAP_RE = re.compile(r"[ \t\u3000]{2,}|\t|(?<=[）)])[ \t\u3000]")


def _column_row(text: str) -> bool:
    """*text* is a row of a list set in columns: two cells or more apart (:data:`COLUMN_GAP_RE`; no
    Markdown pipe row), each short (at most :data:`CELL_MAX` characters) and a name (no sentence,
    clause or label punctuation: 。；！？，：)."""
    if any(c in "。；！？，：:;!?,、" for c in text) or PIPE_ROW_RE.match(text):
        return False
    cells = [c for c in COLUMN_GAP_RE.split(text.strip()) if c.strip()]
    return len(cells) >= 2 and all(len(c.strip()) <= CELL_MAX for c in cells)


#: A row of a list set in columns (:func:`_column_row`), for the passes that ask of one line.
column_row = _column_row


def _wide_row(text: str) -> bool:
    """*text* (a :func:`_column_row`) sets four cells or more apart, three of them of two characters or more."""
    cells = [c.strip() for c in COLUMN_GAP_RE.split(text.strip()) if c.strip()]
    return len(cells) >= 4 and sum(1 for c in cells if len(c) >= 2) >= 3


#: The count of a list's names in brackets ending its label (``“最美家庭”（18户）``, ``（6名）``).
LIST_LABEL_RE = re.compile(r"[（(][\d０-９]{1,4}(?:户|名|人|个|家|位|项|支|所)[）)]$")


def column_list_lines(lines: list[Line]) -> set[int]:
    """The indexes of the lines of lists set in columns: a run of :data:`COLUMN_LIST_MIN` lines
    or more, blank lines between them or not, each two names or more set apart
    (:func:`_column_row`: a 表彰 notice's 名单 printed two to a line, 单位　　单位, 姓名（单位）　　姓名（单位）).
    These are list lines, never titles: a title is one phrase, not names set in columns. One pass
    over the lines."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        # (two rows are enough when each sets four names or more apart, three of them of two
        # characters or more: a 名单's rows, never a title, a letter-spaced one's cells being single;
        # one is enough right under the list's label ending in a colon, ``通报批评单位（2个）：`` over
        # ``县城市管理局　　县交通运输局``: GB/T 15834-2011 4.1.3, the colon announces what follows)
        # (or under a label that counts the names, ``“最美家庭”提名奖（6户）``)
        labelled = bool(run) and run[0] > 0 and (lines[run[0] - 1].text.rstrip()[-1:] in "：:"
                                                 or LIST_LABEL_RE.search(lines[run[0] - 1].key) is not None)
        if len(run) >= COLUMN_LIST_MIN or (len(run) == 2 and all(_wide_row(lines[k].text) for k in run)) or labelled:
            out.update(run)
        run.clear()

    for k, line in enumerate(lines):
        if _column_row(line.text):
            run.append(k)
        else:
            close()
    close()
    return out


#: A field of a form printed a field a line (a 交办单, 登记表, 回执: ``督办编号：DB2024-047``,
#: ``承办单位：县林业局（牵头）…``): a label of two to eight ideographs (a unit's short name: 县国资运营公司：彭　亮, a name list's row) and a colon, then the value.
FORM_FIELD_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]\s*\S")
#: The parts a 典型案例 prints run in, each a label over its paragraph (the case-report practice of
#: the courts' and procuratorates' 典型案例: 基本案情 / 裁判结果 / 典型意义, and a police or
#: mediation case's 处置情况, 化解过程, 警方提示): labels inside the case, never titles or briefs.
CASE_PART_RE = re.compile(r"【?(?:基本案情|案情简介|简要案情|案情回顾|处理结果|处理情况|处置情况|裁判结果|判决结果|化解过程|"
                          r"调解过程|办理过程|典型意义|案例评析|法官说法|检察官说法|律师说法|警方提示|法律提示)】?[：:]?")
#: The fewest fields in a row that make a form (two could be a title with a label and its text).
FORM_FIELDS_MIN = 3


#: The fewest characters of the report after a body's name and a colon that make the line a brief
#: item (:func:`brief_by_unit`) rather than a form's field or a name list's row.
BRIEF_BY_UNIT_MIN = 30


def brief_by_unit(text: str) -> bool:
    """*text* (a line, stripped) is a brief item opened by the name of the body it reports on and a
    colon (``县教育局关工委：7月3日，县教育局关工委联合…。``, an 活动掠影's or 基层动态's item): the
    label a body's name (:func:`convert.reader.names.is_signing_unit`), the rest running text of
    :data:`BRIEF_BY_UNIT_MIN` characters or more ending a sentence inside (or twice as long with two
    clauses at least: a page break cut it before its end). A form's field
    (``承办单位：县林业局（牵头）…``) is labelled by the field, a name list's row
    (``县国资运营公司：彭　亮``) holds a name, not sentences."""
    from convert.reader.names import is_signing_unit

    label, colon, rest = re.sub(r"\*\*", "", text).partition("：")
    if not colon:
        label, colon, rest = text.partition(":")
    label = label.strip()
    # (a body's name of four characters names its level, 县民政局, 白沙镇…; a four-character term
    # that ends like an office, 全程网办 or 帮办代办 defined in a 名词解释 box, names none)
    # (a body's name of up to 16 characters: 县文化市场综合行政执法大队; a copy whose punctuation
    # came out half-width, ``县博物馆:“…”于10月22日开展,展出…,每周一闭馆.``, counts its commas and
    # its final full stop alike)
    return (bool(colon) and 2 <= len(label) <= 16 and is_signing_unit(label)
            and (len(label) >= 5 or re.search(r"[省市县区镇乡村]|街道|社区", label) is not None)
            and len("".join(rest.split())) >= BRIEF_BY_UNIT_MIN
            # (or runs on unfinished with clauses, a page break cutting it: …开展“税务进商圈”宣传活动，为…和)
            and (any(c in "。！？" for c in rest) or re.search(r"[^\d.\s]\.\s*$", rest) is not None
                 or (rest.count("，") + rest.count(",") >= 2 and len("".join(rest.split())) >= 2 * BRIEF_BY_UNIT_MIN)))


def unit_label(text: str) -> bool:
    """*text* (a line, stripped) opens with a body's name (a note in brackets after it or not:
    :func:`unit_line`'s reading) and a colon, words after it: an entry of a list of bodies each
    with what is said of it (a 通报's 批评 list: ``蓼湾区佳和家具有限公司（蓼湾街道）：喷漆房…``)."""
    label, colon, rest = re.sub(r"\*\*", "", text).partition("：")
    if not colon:
        label, colon, rest = re.sub(r"\*\*", "", text).partition(":")  # a half-width colon (县博物馆:…)
    if not colon or len(label) > 30 or len("".join(rest.split())) < 4:
        return False
    return unit_name("".join(label.split()))


def form_field_lines(lines: list[Line]) -> set[int]:
    """The indexes of the lines of forms printed in the text: a run of :data:`FORM_FIELDS_MIN`
    lines or more in a row (blank lines between them or not), each a field (:data:`FORM_FIELD_RE`),
    their labels all different (a 交办单's 督办编号 / 交办事项 / 承办单位 / 办理时限 / 反馈要求, GB/T
    15834-2011 4.1.3: the colon after a label). A form's fields are its lines, never titles,
    whatever their shape. A body's name and a colon over a report of sentences
    (``县教育局关工委：7月3日，…。``: :func:`brief_by_unit`) is a brief item's run-in head, no field.
    One pass over the lines."""
    out: set[int] = set()
    run: list[int] = []
    labels: set[str] = set()

    def close() -> None:
        if len(run) >= FORM_FIELDS_MIN:
            out.update(run)
        run.clear()
        labels.clear()

    for k, line in enumerate(lines):
        text = line.text.strip()
        m = FORM_FIELD_RE.match(text)
        # (a case's part label over its paragraph, 基本案情：…, is no field: the case's text goes on
        # after it, across a page break too)
        label = (re.split(r"[：:]", text, maxsplit=1)[0] if m and not brief_by_unit(text)
                 and not CASE_PART_RE.match(re.sub(r"\*\*", "", text)) else None)
        if label is None or label in labels:
            close()  # (a repeated label opens a new run with it)
        if label is not None:
            run.append(k)
            labels.add(label)
    close()
    return out


#: The fewest bodies' names in a row that make a list of units (a 表彰 决定's 先进集体).
UNIT_LIST_MIN = 3


#: A short note in round brackets after a body's name on a list's line (``（新河街道）``: where it is).
UNIT_NOTE_RE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


#: An entry of a list of names one to a line: a post or a standing, a gap, a person's name (maybe
#: letter-spaced) and the unit in brackets (``净水工　吕晓燕（城北水厂）``, an award list's line).
LISTED_PERSON_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}[ \t\u3000]+(?P<name>[\u4e00-\u9fff](?:(?:\u3000| {1,2})?[\u4e00-\u9fff]){1,2})"
                              r"[（(][\u4e00-\u9fff]{2,16}[）)]$")


def listed_person(text: str) -> bool:
    """*text* (one line) is an entry of a list of names one to a line (:data:`LISTED_PERSON_RE`: a
    post or a standing, a gap, a person's name, the unit in brackets: ``净水工　吕晓燕（城北水厂）``),
    the name one a person bears (:func:`convert.reader.names.looks_like_person`)."""
    from convert.reader.names import looks_like_person

    m = LISTED_PERSON_RE.match(text.strip())
    return m is not None and looks_like_person(re.sub(r"\s+", "", m.group("name")))


def unit_line(line: Line) -> bool:
    """*line* is a body's name alone (:func:`convert.reader.names.is_signing_unit`), perhaps with a
    short note in brackets after it (:data:`UNIT_NOTE_RE`: ``…有限公司（新河街道）``, the street it
    stands in; then a place in brackets inside the name is allowed too), no markup and no clause or
    sentence punctuation: a line of a list of units (:func:`unit_name`)."""
    if line.level or line.all_bold or re.search(r"[，,。；;：:！？!?、]", line.text):
        return False
    return unit_name(line.key)


def unit_name(key: str) -> bool:
    """*key* (whitespace removed) is a body's name (:func:`convert.reader.names.is_signing_unit`),
    perhaps with a short note in brackets after it (:data:`UNIT_NOTE_RE`), and then a place in
    brackets inside the name allowed too (a company registered so: ``江沅新材料科技（蓼湾）有限公司``)."""
    from convert.reader.names import is_signing_unit

    if is_signing_unit(key):
        return True
    bare = UNIT_NOTE_RE.sub("", key)
    return bare != key and is_signing_unit(re.sub(r"[（(][^（）()]{1,6}[）)]", "", bare))


def unit_list_lines(lines: list[Line]) -> set[int]:
    """The indexes of the lines of lists of units printed one to a line: a run of
    :data:`UNIT_LIST_MIN` lines or more in a row (blank lines between them or not), each a body's
    name alone (:func:`unit_line`: ``县水务集团有限公司城北水厂``, ``…有限公司（新河街道）``), as a
    表彰 决定 prints its 先进集体. A title is not a body's bare name over more of them: these are a
    list's lines, never titles. One pass over the lines."""
    out: set[int] = set()
    run: list[int] = []
    for k, line in enumerate(lines + [None]):
        if line is not None and unit_line(line):
            run.append(k)
            continue
        if len(run) >= UNIT_LIST_MIN:
            out.update(run)
        run = []
    return out


def labelled_list_lines(lines: list[Line]) -> set[int]:
    """The indexes of the lines of labelled lists: a run of entries each opened by a label of a
    short name, its ordinal and a colon (``线路一：山林康养游``, ``线路二：…``: GB/T 15834-2011 4.1.3,
    the colon after a label), two entries at least with consecutive ordinals, and the lines set
    flush under each label before the next one (the entry's own text: a route of places joined by
    —); under the last label, as many such lines as the entry before it held at most, none
    indented (a paragraph opens there) and none after a blank line. These are list lines, never
    titles: a title is not numbered by a name's ordinal and a colon. A run whose every label line
    is a title standing alone (:func:`titled_item`: ``案例一：一场宅基地纠纷的“三次调解”`` over an
    indented paragraph) is no list but a column's titled items, its lines left out. One pass over
    the lines."""
    from convert.reader.physical import LABEL_ITEM_RE
    from convert.reader.masthead import numeral

    labels: list[tuple[int, str, int]] = []
    for k, line in enumerate(lines):
        m = LABEL_ITEM_RE.match(line.text)
        if m is not None and (n := numeral(m.group("n"))) is not None:
            labels.append((k, m.group("stem"), n))
    out: set[int] = set()
    run: list[int] = []  # label line indexes of the current run of one name's ordinals

    def close() -> None:
        if len(run) < 2 or all(titled_item(lines, k) for k in run):
            return
        below = 0
        for a, b in zip(run, run[1:]):
            out.update(range(a, b))
            below = b - a - 1
        k = run[-1]
        out.add(k)
        for j in range(k + 1, min(len(lines), k + 1 + below)):
            raw = lines[j].raw.lstrip("\f")
            if lines[j].blank_before or raw[:1] in " \t\u3000" or LABEL_ITEM_RE.match(lines[j].text):
                break
            out.add(j)

    prev: tuple[int, str, int] | None = None
    for k, stem, n in labels:
        if prev is not None and stem == prev[1] and n == prev[2] + 1:
            run.append(k)
        else:
            close()
            run = [k]
        prev = (k, stem, n)
    close()
    return out


#: The gap between two cells of a table row set in plain text: two or more spaces (ideographic,
#: ASCII or both) or a tab. One ideographic space is letter-spacing (``指　标　名　称``), no gap. A
#: single character class repeated: no backtracking, linear in the line.
CELL_GAP_RE = re.compile(r"[ \t\u3000]{2,}|\t")
#: The most characters a table cell may hold (a statistical table's names, units and figures).
CELL_MAX = 20
#: The title of a table printed above it: ``附表：…``, ``附表1 …``, ``表2　…``, ``续表`` (a table cut by a
#: page and printed again with its title).
TABLE_TITLE_RE = re.compile(r"^(?:附\s*表\s*\d{0,2}|续\s*表|表\s*\d{1,2}(?:[-—.．]\d{1,2})?)(?:\s*[：:]|[ \t\u3000]|$)")


def table_title_line(line: Line) -> bool:
    """*line* is a table's numbered title on a line of its own (``表1　2025年全县…情况``: a 表N
    label, then a gap or a colon; TEI P5 §14.1.1 ``head``): at most 50 characters, no sentence end
    (a wrapped sentence's ``表1所示`` runs on with no gap)."""
    t = line.text.lstrip()
    return (TABLE_TITLE_RE.match(t) is not None and re.match(r"\S+[ \t\u3000：:]", t) is not None
            and len(line.key) <= 50 and not any(c in "。；！？" for c in line.text))


#: A table's label printed alone on its line, its title on the next one (``附表`` / ``第二批反馈问题整改清单``,
#: ``附件2`` / ``某某统计表``; GB/T 9704-2012 7.3.6 and 8.1: an attachment is labelled 附件 (N), and a
#: table printed with the text as 附表): the label of the table the title names, no heading.
TABLE_LABEL_RE = re.compile(r"^(?:附\s*[表件]\s*\d{0,2}|续\s*表|表\s*\d{1,2})\s*[：:]?$")
#: A figure's caption (图序 and 图题 under the figure: GB/T 7713.1-2006 §4.6.6, GB 7713-87): ``图``
#: (or ``附图``), the figure's number (一, 2, 3-1), a colon or a gap (spaces, a TAB, an ideographic
#: space), then the title (``图一<TAB>永济桥全景``, ``图 2：铭文拓片``). One character class a step: linear.
FIGURE_CAPTION_RE = re.compile(r"^(?:附\s*)?图\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3}(?:[-—.．]\d{1,3})?)"
                               r"(?:[ \t\u3000]*[：:][ \t\u3000]*|[ \t\u3000]+)(?P<title>[^\s：:].*)$")
#: The longest numbered figure caption's title (characters, whitespace aside): a title, not a note.
FIGURE_TITLE_MAX = 40


#: An artwork's caption in an exhibition report or a 书画 page: the form or script (行书, 国画,
#: 摄影) and a gap or none, the work's title in 《》, a part of it in brackets or none ((局部)),
#: a gap, then the artist's name or names (several with 等 after them), or the artist's unit or
#: standing, the name and what the artist did (…学员 X 作). The caption set under a
#: work (书画 exhibition practice), no sentence. One pass, no nested repetition: linear.
ARTWORK_CAPTION_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}[ \t\u3000]*)?《[^《》\s]{1,24}》(?:[（(][\u4e00-\u9fff]{1,6}[）)])?"
                                # (the artist's unit or standing, the name, and what the artist
                                # did: ``县老年大学学员 杨秀兰 作``; or the name or names alone)
                                r"[ \t\u3000]+(?:(?P<made>[\u4e00-\u9fff]{2,16}[ \t\u3000]+"
                                r"(?P<name>[\u4e00-\u9fff](?:(?:\u3000| {1,2})?[\u4e00-\u9fff]){1,2})[ \t\u3000]+[作书画绘刻])"
                                r"|(?P<credit>[\u4e00-\u9fff](?:[ \u3000·]?[\u4e00-\u9fff]){1,11}(?<!等)等?))")


def artwork_caption(text: str) -> tuple[int, int] | None:
    """The span of the artist's name in *text* (a line's text) when the line is an artwork's
    caption alone (:data:`ARTWORK_CAPTION_RE`: ``行书　《芷川赋》（局部）　卢文彬等``), the name a
    person's (:func:`convert.reader.names.looks_like_person`, the first of several), else ``None``."""
    t = text.rstrip()
    lead = len(t) - len(t.lstrip())
    m = ARTWORK_CAPTION_RE.fullmatch(t.lstrip())
    if m is None:
        return None
    from convert.reader.names import looks_like_person

    group = "made" if m.group("made") else "credit"
    names = re.sub(r"[ \u3000·]", "", m.group("credit") or m.group("name"))
    if not looks_like_person(names[:-1] if names.endswith("等") else names):
        return None
    return m.start(group) + lead, m.end(group) + lead


def figure_caption(text: str) -> bool:
    """*text* (a line's text) is a numbered figure's caption alone (:data:`FIGURE_CAPTION_RE`):
    the number, a gap or colon, a title of :data:`FIGURE_TITLE_MAX` characters at most that is no
    sentence (no 。！？；, no clause comma or 、 list; ending in none of ，、：): figures are numbered
    and titled under the figure (GB/T 7713.1-2006 §4.6.6), their title a phrase. ``图3　显示了…，…。``,
    a sentence that opens with a figure's number, is none."""
    m = FIGURE_CAPTION_RE.match(text.strip())
    if m is None:
        return False
    title = m.group("title")
    return 0 < len("".join(title.split())) <= FIGURE_TITLE_MAX and not re.search(r"[。！？!?；;，,、]", title) \
        and title.rstrip()[-1:] not in "：:"


#: A cell that is a figure: digits with a decimal point, a sign, a percent sign, or a dash
#: standing for no figure (—); or a trend's arrow (↑, ↓: a price table's 涨跌 column), alone or
#: before the figure.
FIGURE_CELL_RE = re.compile(r"^[-+－—↑↓]?\d[\d.,，．]*%?$|^[—–-]{1,2}$|^[↑↓→]$")


#: A row of a Markdown pipe table left in the text (``| 指标 | 本季度 | 同比 |``, its delimiter row
#: ``| --- | :---: |``): a line that opens and closes with ``|``, two cells or more between. The
#: pipes are the source's characters (content, kept in the cells); the cells are the runs between
#: them. One character class a step: linear in the line.
PIPE_ROW_RE = re.compile(r"^[ \t\u3000]*\|(?:[^|\n]*\|){2,}[ \t\u3000]*$")
#: A Markdown table's delimiter row (``| --- | :---: |``): under the column heads.
PIPE_RULE_RE = re.compile(r"^[ \t\u3000]*\|(?:[ \t\u3000]*:?-{3,}:?[ \t\u3000]*\|)+[ \t\u3000]*$")


def pipe_row_cut(a: str, b: str) -> bool:
    """*b* goes on with the Markdown pipe table's row that *a* opens, a hard wrap having cut it
    (``| 红名单 | 县税务局 | 41 | 2024`` / ``年度纳税信用A级 |``; ``…| 3`` / `` | 拖欠…对象 |``): *a*
    opens with ``|`` and holds another, and either *a* does not close with ``|`` and *b* is no row
    opened and left open (the next row of a table whose rows keep no closing pipe; a *b* that opens
    and closes with pipes is the rest, the cut having fallen at a pipe), or *a* closes with one and
    *b* closes a row it did not open (a row never starts without its pipe, so *b* is the rest of
    *a*'s last cell). Reads each line once."""
    a, b = a.strip(), b.strip()
    if not (a.startswith("|") and a.count("|") >= 2 and b):
        return False
    if not a.endswith("|"):
        # (the rest may itself look like a row of fewer cells: ``…| 阎秋禾研究员`` / ``| 县农机推广站 |
        # 建成示范片1200亩 |``, the cut at a pipe)
        return not (b.startswith("|") and not b.endswith("|"))
    return b.endswith("|") and not b.startswith("|")


def pipe_spans(text: str) -> list[tuple[int, int]] | None:
    """``[(start, end)]`` of the cells of *text* when it is a Markdown pipe table's row
    (:data:`PIPE_ROW_RE`): the runs between the pipes, outer whitespace left out (an empty cell
    is none); else ``None``."""
    if "|" not in text or not PIPE_ROW_RE.match(text):
        return None
    out: list[tuple[int, int]] = []
    bars = [k for k, c in enumerate(text) if c == "|"]
    for a, b in zip(bars, bars[1:]):
        a += 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def cell_spans(text: str) -> list[tuple[int, int]]:
    """``[(start, end)]`` of the cells of *text* (a line of a table set in plain text): the runs
    between wide gaps (:data:`CELL_GAP_RE`), outer whitespace left out; in a Markdown pipe
    table's row, the runs between the pipes (:func:`pipe_spans`)."""
    piped = pipe_spans(text)
    if piped is not None:
        return piped
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in CELL_GAP_RE.finditer(text):
        if m.start() > pos and text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    # a single space or ideographic space at a cell's ends (not a gap) is no part of it
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def table_row(text: str) -> list[tuple[int, int]] | None:
    """The cells of *text* when it is shaped like a row of a table set in plain text, else
    ``None``: three cells or more apart by wide gaps (:func:`cell_spans`), each short (at most
    :data:`CELL_MAX` characters) and none holding a sentence or a clause (。；！？，: a cell holds a
    name, a unit or a figure; a line of three columns of prose is no row), at most one with a
    label and a colon (two or more: a line of fields, a 版记's 签发：…　审核：… or a page's
    本版责编：…　校对：…). A Markdown pipe table's row (:func:`pipe_spans`, two cells or more,
    the delimiter row too) is a row whatever its cells hold: the pipes set them apart. TEI P5
    §14.1.1: a table is rows of cells."""
    piped = pipe_spans(text)
    if piped is not None:
        return piped if len(piped) >= 2 or PIPE_RULE_RE.match(text) else None
    spans = cell_spans(text)
    if len(spans) < 3 or any(b - a > CELL_MAX for a, b in spans):
        return None
    if any(c in "。；！？，" for c in text):
        # a remark cell with a clause mark (备注: ``东仓房维修中，``, its rest wrapped under it) in a
        # row of figures: the one cell holding it is the last, and two cells at least are figures
        # (a line of prose set apart by gaps holds no column of figures)
        *first, (a, b) = spans
        if (any(c in "。；！？，" for x, y in first for c in text[x:y]) or any(c in "。；！？" for c in text[a:b])
                or sum(1 for x, y in first if FIGURE_CELL_RE.match(text[x:y].replace(" ", ""))) < 2):
            return None
    if sum(1 for a, b in spans if "：" in text[a:b] or ":" in text[a:b]) >= 2:
        return None  # a line of labelled fields (签发：…　审核：…, 本版责编：…　校对：…)
    if len(spans) <= 4 and _spaced_name_tail(text, spans):
        return None  # a speaker's line: a post and a letter-spaced name (…董事长  陆  衡)
    return spans


def _spaced_name_tail(text: str, spans: list[tuple[int, int]]) -> bool:
    """The last two or three of *spans* (cells of *text*) are single ideographs that together
    spell a person's name (:func:`convert.reader.names.looks_like_person`) and one cell at most
    stands before them: a post and a letter-spaced name (``集团党委书记、董事长  陆  衡``), no
    table's row."""
    from convert.reader.names import looks_like_person

    for n in (3, 2):
        tail = spans[-n:]
        if (len(spans) - n <= 1 and all(b - a == 1 and "\u4e00" <= text[a] <= "\u9fff" for a, b in tail)
                and looks_like_person("".join(text[a] for a, _ in tail))):
            return True
    return False


#: A gap between two cells of a table set with single ideographic spaces (or a tab, or two spaces).
THIN_GAP_RE = re.compile(r"\u3000+|\t+| {2,}")


#: One space at least between two cells (a table whose tabs a copy turned into single spaces:
#: ``受理审查逮捕 71件102人 -8.9%``).
SPACE_GAP_RE = re.compile(r"[\u3000\t ]+")
#: A cell of figures with its units between and after them (``71件102人``, ``-8.9%``, ``52件``,
#: ``+18.2%``): digits, one or two Han characters of a unit, more digits, a unit or a percent sign.
#: (A year or a month, ``2021年``, ``10月份``, is a column's head, no figure.)
FIGURE_UNIT_CELL_RE = re.compile(r"^(?!\d{4}年度?$|\d{1,2}月份?$)[-+－]?\d[\d.]*(?:[\u4e00-\u9fff]{1,2}\d[\d.]*)*"
                                 r"(?:[\u4e00-\u9fff]{1,2}|%)?$")


#: A table's row numbered in its first column (序号), its cells one ideographic space apart: the
#: row's number, then the cells (``1　11月3日22时15分　环城东路…　浙M·3××57　醉酒驾驶…　吊销驾驶证，…``).
SERIAL_ROW_RE = re.compile(r"^(\d{1,3})\u3000(?!\u3000)")


def ideographic_cells(text: str) -> list[tuple[int, int]] | None:
    """``[(start, end)]`` of the cells of *text* apart by single ideographic spaces, four cells
    or more, none empty (no wider gap) and none longer than 40 characters; else ``None``."""
    t = text.rstrip()
    start = len(t) - len(t.lstrip())
    if "\u3000\u3000" in t[start:] or "\t" in t:
        return None
    spans, pos = [], start
    for k, c in enumerate(t):
        if k >= start and c == "\u3000":
            spans.append((pos, k))
            pos = k + 1
    spans.append((pos, len(t)))
    if len(spans) < 4 or any(not 0 < b - a <= 40 for a, b in spans):
        return None
    return spans


def serial_header(text: str) -> int | None:
    """How many cells *text* holds when it is the column heads of a table numbered in its first
    column (``序号　违法时间　违法地点　…``: 序号 first, cells one ideographic space apart, no
    punctuation); else ``None``."""
    spans = ideographic_cells(text)
    if spans is None or not text.strip().startswith(("序号\u3000", "编号\u3000")) or re.search(r"[。；！？，,、：:]", text):
        return None
    return len(spans)


def serial_row(text: str) -> tuple[int, int] | None:
    """``(number, cells)`` when *text* is a row of a table numbered in its first column
    (:data:`SERIAL_ROW_RE`, :func:`ideographic_cells`); else ``None``."""
    m = SERIAL_ROW_RE.match(text.strip())
    spans = ideographic_cells(text) if m else None
    return (int(m.group(1)), len(spans)) if spans else None


def thin_cells(text: str, spaces: bool = False) -> list[tuple[int, int]] | None:
    """``[(start, end)]`` of the cells of *text* when it is a row of a table whose cells stand one
    ideographic space apart (``水稻平均亩产（公斤）　604　651``), or with *spaces* one space of any
    kind (:data:`SPACE_GAP_RE`: a copy that turned the table's tabs into single spaces): three
    cells or more, none longer than :data:`CELL_MAX`, no sentence or clause punctuation; else
    ``None``. Weak alone: a title may hold such spaces too; the callers ask for rows of figures
    under it."""
    if any(c in "。；！？，,;" for c in text):
        return None
    spans, pos = [], 0
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    for m in (SPACE_GAP_RE if spaces else THIN_GAP_RE).finditer(text, start if spaces else 0):
        if m.start() >= stripped_end:
            break
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:stripped_end].strip():
        spans.append((pos, stripped_end))
    spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans]
    if len(spans) < 3 or any(b - a > CELL_MAX for a, b in spans):
        return None
    return spans


#: A cell naming the unit of a row's figures (a statistics table's 单位 column: 亿元, 万人, 亿千瓦时,
#: 亿美元, %): up to two Han multipliers, then a unit of money, count, weight, energy or area, maybe
#: per another unit (a price table's 元/公斤, 元/吨).
MEASURE_UNIT_RE = re.compile(r"^(?:[十百千万亿]{0,2})(?:元|美元|人|人次|户|家|个|件|吨|千瓦时|度|平方米|亩|公里|千米|米|项|台|辆|套|次|立方米|公顷)"
                             r"(?:/(?:公斤|千克|斤|吨|亩|头|只|个|件|人|平方米|立方米))?$|^%$")


#: A cell of words between a row's name and its figures (:func:`thin_figure_row`): Han characters
#: and enumeration commas, at most 12, no clause mark.
_LABEL_CELL_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]{1,11}")


def thin_figure_row(text: str, spaces: bool = False) -> list[tuple[int, int]] | None:
    """The cells of *text* when it is a row of figures of a table set with single ideographic
    spaces (:func:`thin_cells`): a name, then figures only (:data:`FIGURE_CELL_RE`); with
    *spaces*, a table set with single spaces of any kind, its name holding a Han character and
    its figures maybe their units (:data:`FIGURE_UNIT_CELL_RE`), a column of their unit between
    the name and the figures or not (:data:`MEASURE_UNIT_RE`: ``规模以上工业总产值 亿元 423.6 9.6``),
    or a column of words (:data:`_LABEL_CELL_RE`) before two figures or more; a telephone number
    grouped by spaces (groups of three digits or more) makes a directory's entry, no row."""
    spans = thin_cells(text, spaces)
    if spans is None:
        return None
    if spaces:
        if len(spans) >= 4 and re.fullmatch(r"\d{1,3}", text[spans[0][0]:spans[0][1]]) and any(
                "\u4e00" <= c <= "\u9fff" for c in text[spans[1][0]:spans[1][1]]):
            # a row numbered in its first column (序号: ``3 城关镇 3 9.8 3.6 88.5``): the name is the
            # second cell, the number no figure of the row
            rest = thin_figure_row(text[spans[1][0]:], spaces)
            return spans if rest is not None else None
        name = text[spans[0][0]:spans[0][1]]
        if DIRECTORY_ENTRY_RE.match(text.strip()) and sum(c.isdigit() for c in text) >= 7 and all(
                len(g) >= 3 for g in re.findall(r"\d+", text[spans[1][0]:])):
            return None  # a name and a telephone number grouped by a space (镇派出所　8826 1110): a directory's entry
        figures = spans[1:]
        if len(spans) >= 4 and MEASURE_UNIT_RE.match(text[spans[1][0]:spans[1][1]]):
            figures = spans[2:]  # a column of the figures' unit (指标 单位 …: 亿元, 亿千瓦时)
        elif len(spans) >= 4 and _LABEL_CELL_RE.fullmatch(text[spans[1][0]:spans[1][1]]):
            # a second column of words before the figures (第一组 城关镇、凤鸣街道 30 86 1: the places a
            # group covered), two figures at least after it (checked below)
            figures = spans[2:]
        if (not any("\u4e00" <= c <= "\u9fff" for c in name) or FIGURE_UNIT_CELL_RE.match(name)
                or not all(FIGURE_UNIT_CELL_RE.match(text[a:b]) for a, b in figures)):
            return None
        return spans
    figures = spans[1:]
    if len(spans) >= 4 and MEASURE_UNIT_RE.match(text[spans[1][0]:spans[1][1]]):
        figures = spans[2:]  # a column of the figures' unit (品名　单位　本周均价 …: 元/公斤)
    if not all(FIGURE_CELL_RE.match(text[a:b].replace(" ", "")) for a, b in figures):
        return None
    return spans


#: The longest cell of a table set with tabs (:func:`tab_cells`): a clause of a 问题清单's 问题描述.
TAB_CELL_MAX = 40


def tab_cells(text: str) -> int | None:
    """How many cells *text* holds when it is a row of a table set with tabs (a word processor's
    table as extracted: ``1\t荠湾港三号码头\t危险货物堆场…，且未设置隔离设施\t10月15日前…\t县交通运输局``):
    three cells or more apart by tabs (a run of tabs one gap), none empty nor longer than :data:`TAB_CELL_MAX`, no cell
    ending a sentence inside (a cell may hold clauses), else ``None``. One line alone is weak: the
    callers ask for rows of the same count next to each other. TEI P5 §14.1.1."""
    if text.count("\t") < 2:
        return None
    cells = [c.strip() for c in re.split(r"\t+", text.strip())]
    if len(cells) < 3 or any(not c or len(c) > TAB_CELL_MAX or any(m in c[:-1] for m in "。！？") for c in cells):
        return None
    return len(cells)


def tab_pair(text: str) -> list[tuple[int, int]] | None:
    """The two cells of *text* when it is two short cells apart by a tab (a two-column table's
    row as a text extraction prints it: ``乡镇\t火险等级``), else ``None``: each cell at most
    :data:`CELL_MAX` characters, no sentence or clause punctuation, no colon (a labelled field).
    A tab alone is weak for one line; :func:`convert.reader.logical.roles.find_tables` asks for
    three such lines in a row. TEI P5 §14.1.1."""
    if "\t" not in text or any(c in "。；！？，：:" for c in text):
        return None
    spans = cell_spans(text)
    if len(spans) != 2 or any(b - a > CELL_MAX for a, b in spans) or "\t" not in text[spans[0][1]:spans[1][0]]:
        return None
    return spans


#: A row of a data box (数据看板, 数据速览): a label, a wide gap, a figure and its unit
#: (``各级河湖长巡河　　　　　　18640人次``, ``县控以上断面水质优良比例　100%``).
FIGURE_ROW_RE = re.compile(r"^\s*[\u4e00-\u9fff“”（）()、]{2,20}(?:\u3000+| {2,}|\t)[\d.,，]+\s*[\u4e00-\u9fff%‰]{0,4}\s*$")


def figure_row(text: str) -> bool:
    """*text* is one row of a data box: a label and, apart by a wide gap, a figure with its unit
    (:data:`FIGURE_ROW_RE`). A row ends on its line: it goes on no sentence and none goes on in it."""
    return FIGURE_ROW_RE.match(text) is not None


def gap_field(text: str) -> tuple[int, int] | None:
    """``(label end, value start)`` of a colophon field set as two columns, the label and its value
    apart by a tab or a wide gap instead of a colon (a journal's 版权页 printed as a table, its
    extraction: ``主　　办\t汀源县…``, ``副 主 编\t闻韶\t柯晓岚``), else ``None``. The label is a known
    one (:data:`COLOPHON_LABELS`, letter-spacing removed: the longest such prefix of up to 8
    characters that a tab or a gap of two spaces or more follows), the value a name, an address, a
    number (no sentence or clause punctuation, at most 60 characters). One pass over the line."""
    if any(c in "。！？；，" for c in text):
        return None
    pos = len(text) - len(text.lstrip())
    label, best, n = "", None, len(text)
    while pos < n and len(label) < 8 and "\u4e00" <= text[pos] <= "\u9fff":
        label += text[pos]
        end = pos + 1
        ws = end
        while ws < n and text[ws] in " \t\u3000":
            ws += 1
        gap = text[end:ws]
        if ws < n and ("\t" in gap or len(gap) >= 2) and re.fullmatch(COLOPHON_LABELS, label):
            best = (end, ws)
        if "\t" in gap or ws >= n:
            break
        pos = ws
    if best is None or text[best[1]] in "：:" or len(text[best[1]:].strip()) > 60:
        return None
    return best


def colophon_kind(line: Line) -> str | None:
    """``field``, ``distribution`` (报/送/发, 抄送), ``issued`` (the 印发 line), ``notice``,
    ``print-run`` for a colophon line, else ``None``."""
    k = line.key
    if PRINT_RUN_RE.match(k):
        return "print-run"
    if COLOPHON_NOTICE_RE.match(k) or (len(k) <= 40 and COLOPHON_STATEMENT_RE.match(k)):
        return "notice"
    if DISTRIBUTION_RE.match(k):
        return "distribution"
    if COLOPHON_FIELD_RE.match(k) or gap_field(line.text):
        return "field"
    if ISSUED_RE.match(PRINT_RUN_TAIL_RE.sub("", k)) and len(k) <= 60:
        return "issued"  # (a print run may close the 印发 line: …6月9日印发　（共印120份）)
    if undated_issued(line.text):
        return "issued"
    return None


def undated_issued(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the body's name in an 印发 line printed without a date, closed by a
    print run (``共青团荦原县委员会办公室　　　　（共印65份）``: GB/T 9704-2012 7.4.3 puts the
    印发机关 at the 版记's foot; a briefing that leaves out the 印发日期 closes the line with the
    number of copies instead), else ``None``: the line is a body's name
    (:func:`convert.reader.names.is_org_name`) and the print run (:data:`PRINT_RUN_TAIL_RE`), nothing else."""
    from convert.reader.names import is_org_name

    if len(text) > 80:
        return None
    tail = PRINT_RUN_TAIL_RE.search(text)
    if tail is None:
        return None
    head = text[: tail.start()]
    start = len(head) - len(head.lstrip())
    end = len(head.rstrip())
    return (start, end) if end > start and is_org_name(head[start:end]) else None


def colophon_fields(text: str) -> list[tuple[int, int, int]]:
    """The labelled fields of a colophon line's *text*: ``[(label start, value start, value
    end)]`` (the value starts after the colon). A label is a known one (:data:`COLOPHON_LABELS`),
    or any short one after a gap in a line that begins with a known one
    (``副刊投稿邮箱：…``); a print run that ends the line (``（共印90份）``) is left out of the
    last value (see :data:`PRINT_RUN_TAIL_RE`)."""
    end = len(text.rstrip())
    gap = gap_field(text)
    if gap is not None:  # a label and its value apart by a tab or a wide gap, no colon
        return [(len(text) - len(text.lstrip()), gap[1], end)]
    tail = PRINT_RUN_TAIL_RE.search(text)
    if tail:
        end = len(text[: tail.start()].rstrip())
    starts = []
    for m in FIELD_LABEL_RE.finditer(text, 0, end):
        a = m.start(1)
        pieces = list(re.finditer(r"\S+", m.group(1)))
        if len(pieces) > 1 and any(len(p.group()) > 1 for p in pieces):
            # not letter-spaced throughout (``编　　辑``): a gap inside, words either side of it; the
            # label is the words after the last gap, before it the end of the value before
            # (``编辑：滕　雪　　审核：``: a letter-spaced name, then 审核)
            a += pieces[-1].start()
        label = re.sub(r"\s+", "", text[a : m.end(1)])
        known = re.fullmatch(COLOPHON_LABELS, label) is not None
        if known or (starts and len(label) <= 8):
            starts.append((a, m.end()))
    if not starts or starts[0][0] != len(text) - len(text.lstrip()):
        return []
    out = []
    for k, (a, v) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else end
        value_end = len(text[:stop].rstrip())
        out.append((a, v, max(v, value_end)))
    return out


def page_credit(line: Line) -> int:
    """How many page-credit roles (本版责编, 责任编辑, 美术编辑, 校对 …) label the fields of *line*
    when its first field is one (0 otherwise): the line that closes a newspaper page."""
    fields = colophon_fields(line.text)
    roles = [re.sub(r"[\s：:]+", "", line.text[a:v]) for a, v, _ in fields]
    if not roles or not PAGE_ROLE_RE.match(roles[0]):
        return 0
    return sum(1 for r in roles if PAGE_ROLE_RE.match(r))


def find_colophon(lines: list[Line], start: int) -> int:
    """Index of the first colophon line in ``lines[start:]`` (``len(lines)`` when there is none).

    The colophon is the longest run of colophon lines that ends the text and holds at least one
    field or print-run line.
    """
    i = len(lines)
    found = False
    while i > start and (kind := colophon_kind(lines[i - 1])):
        found = found or kind != "notice"
        i -= 1
    return i if found else len(lines)


@dataclass
class Entry:
    """One printed contents entry: its lines (a wrapped entry has several), its printed page.

    For an entry whose page (``2版``), author (``………苏明哲　5``) or bullet (``●``) is printed
    in the line's text, ``spans`` gives where (offsets into the last line's text): ``title``
    (the title's end), ``author`` (start, end) and ``page`` (start, end), ``bullet`` (its end)."""

    lines: list[Line]
    page: str | None
    section: int | None = None
    target: str | None = None
    spans: dict = field(default_factory=dict)
    #: the entry's subtitle printed on its own line under it (``——记…``, no page of its own)
    subtitle: list[Line] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The title as printed, whitespace removed (without bullet, leader, author and page)."""
        if not self.spans:
            return "".join(line.key for line in self.lines)
        last = self.lines[-1].text
        title = last[self.spans.get("start", self.spans.get("bullet", 0)) : self.spans.get("title", len(last))]
        return "".join(line.key for line in self.lines[:-1]) + re.sub(r"\s+", "", title)


@dataclass
class Contents:
    """The printed contents list: ``start``/``end`` line indexes (end exclusive), the section
    names in order (``sections``: ``[(Line, [Entry…])]``) and entries outside any section."""

    start: int
    end: int
    sections: list[tuple[Line, list[Entry]]] = field(default_factory=list)
    head: Line | None = None
    loose: list[Entry] = field(default_factory=list)
    #: the list names every article (a contents list, 要目); a newspaper's 本期导读 names some
    exhaustive: bool = True
    #: entries after the last column that belong to none (the editors' afterword, 编后记)
    after: list[Entry] = field(default_factory=list)
    #: set in two columns side by side (:func:`split_column_rows`): entries and column names are
    #: in reading order here, their lines in source order in the text
    columns: bool = False
    #: for a list in two columns, each of its lines' place in the text (``id(line)`` → index)
    places: dict = field(default_factory=dict)

    @property
    def entries(self) -> list[Entry]:
        return self.loose + [e for _, es in self.sections for e in es] + self.after

    @property
    def section_keys(self) -> list[str]:
        return [line.key for line, _ in self.sections]


#: The wide gap that sets an author apart from the title in a contents entry (two spaces or more,
#: or ideographic spaces): ``县级年鉴条目编写中的几个常见问题　　　刘振宇··········4``.
AUTHOR_GAP_RE = re.compile(r"(?:[ \t]{2,}|[ \t]*\u3000[\u3000 \t]*)(?P<author>[^\s]{2,}(?:[ \t\u3000、，,][^\s]{2,}){0,2})[ \t\u3000]*$")


#: The last field of a contents entry after a wide gap: one token, the author when it is no
#: person's name (:data:`PUBLICATION_AUTHOR_RE`, a body's name).
LAST_GAP_FIELD_RE = re.compile(r"(?:[ \t]{2,}|[ \t]*\u3000[\u3000 \t]*)(?P<author>[^\s]{2,24})[ \t\u3000]*$")
#: The publication as an author (a journal's 目次 credits its own pieces to ``本刊``, ``本刊记者``,
#: ``本刊评论员``, a paper's to ``本报记者``).
PUBLICATION_AUTHOR_RE = re.compile(r"^(?:本刊|本报)(?:特约)?(?:记者|评论员|通讯员|编辑部)?$")


def author_before_leader(text: str) -> tuple[int, tuple[int, int]] | None:
    """In the text of a contents entry before its leader, an author set off from the title by a
    wide gap (one to three personal names, :func:`convert.reader.names.looks_like_person`; or, as
    the entry's last field, the publication itself, :data:`PUBLICATION_AUTHOR_RE`, or a body's
    name, :func:`convert.reader.names.is_signing_unit`):
    ``(title end, (author start, author end))``, else ``None``."""
    from convert.reader.names import NAME_SEP_RE, is_signing_unit, looks_like_person

    # the part of a leader a hard wrap left on this line (``刘振宇·········`` / ``····4``)
    text = re.sub(r"(?:…|·|．|\.|。)+\s*$", "", text)
    m = AUTHOR_GAP_RE.search(text)
    if m is None or not text[: m.start()].strip():
        return None
    names = [n for n in NAME_SEP_RE.split(m.group("author")) if n]
    if not names or len(m.group("author")) > 12 or not all(looks_like_person(n) for n in names):
        last = LAST_GAP_FIELD_RE.search(text)
        if last is None or not text[: last.start()].strip() or not (
                PUBLICATION_AUTHOR_RE.match(last.group("author")) or is_signing_unit(last.group("author"))):
            return None
        return last.start(), last.span("author")
    return m.start(), m.span("author")


#: A wide gap at a raw line's start (two spaces or more, or an ideographic space); at its end see
#: :func:`gap_at_end` (a regex anchored at ``$`` after a quantified run backtracks at every start).
_GAP_START_RE = re.compile(r"^\f?(?:[ \t]{2,}|\u3000)")


def gap_at_end(raw: str) -> bool:
    """*raw* ends in a wide gap (two spaces or more, or an ideographic space, among the trailing
    blanks). Linear: one ``rstrip``."""
    tail = raw[len(raw.rstrip(" \t\u3000")):]
    return "\u3000" in tail or len(tail) >= 2


def author_wrapped_off(prev: Line, line: Line, end: int | None = None) -> tuple[int, int] | None:
    """A contents entry wrapped between its title and its author: *line* (the line with the
    leader) holds before its leader (at *end* in its text when the leader is in it) only an
    author, one to three personal names (:func:`convert.reader.names.looks_like_person`), and the
    wide gap that sets an author apart from the title (as in :data:`AUTHOR_GAP_RE`) ends the line
    above, *prev*, or opens *line* (the wrap fell inside it). A 目次 entry prints title, author
    and page in that order on one line (GB/T 3179-2009, 期刊编排格式: 目次表), so a narrower wrap
    can only cut it in the gap or the leader. Returns ``(start, end)`` of the author in *line*'s
    text, else ``None``."""
    from convert.reader.names import NAME_SEP_RE, looks_like_person

    text = line.text if end is None else line.text[:end]
    author = text.strip()
    if not author or len(author) > 12 or prev.page is not None or not prev.key:
        return None
    # (the raw text is a joined line's first physical line's: its end is the line's only when single)
    gap_end = prev.end_no <= prev.no and gap_at_end(prev.raw.rstrip("\r\n\f"))
    if not (gap_end or _GAP_START_RE.match(line.raw)):
        return None
    names = [n for n in NAME_SEP_RE.split(author) if n]
    if not names or not all(looks_like_person(n) for n in names):
        return None
    start = len(text) - len(text.lstrip())
    return start, start + len(author)


def _wrapped_author_below(line: Line, nxt: Line) -> bool:
    """*nxt* is a contents line with its leader whose text before the leader is the author of the
    title on *line* (:func:`author_wrapped_off`)."""
    if nxt.page is not None:
        return author_wrapped_off(line, nxt) is not None
    m = match_author_leader(nxt.text)
    return m is not None and not m.group("author") and author_wrapped_off(line, nxt, m.end("title")) is not None


def _title_over_subtitle(above: Line, below: Line) -> bool:
    """*above* is the first line of the contents entry on *below*: *below* opens with a dash (a
    副题, GB/T 15834-2011 4.11: the 破折号 stands before a subtitle) right under *above* (no blank
    line between), and *above* is a title line (no leader, page, bullet or sentence end), so the
    entry ``正题——副题……author page`` was wrapped at its dash (GB/T 3179-2009: a 目次 entry prints
    title, author, page). Two lines looked at: constant time."""
    return (below.key.startswith("——") and not below.blank_before and above.page is None and not above.bullet
            and not match_author_leader(above.text) and 2 <= len(above.key) <= 40
            and above.text.rstrip()[-1:] not in "。；！？;!?")


#: The gap between the two columns of a contents list set side by side, as ``pdftotext -layout``
#: keeps them on one line: three spaces or more, two ideographic spaces, or four blanks of both.
COLUMN_GAP_ROW_RE = re.compile(r"[ \t]{3,}|\u3000{2,}|[ \t\u3000]{4,}")
#: Rows holding an entry with its leader in each column that make a contents list two columns.
TWO_COLUMN_MIN_ROWS = 2


def _leader_entry_cell(text: str) -> bool:
    """*text* (one cell of a row) is a contents entry printed with its dot leader and page:
    ``七律·柽川春早…………………周启明  5``, or with a leader squeezed to one character by a long title
    (``七绝·观“楸韵杯”书法展 … 宋梅村  6``, :data:`_SHORT_LEADER_RE`)."""
    return (bool(TEXT_LEADER_RE.search(text)) and match_author_leader(text) is not None) or (
        _SHORT_LEADER_RE.search(text.rstrip()) is not None)


def _name_cell(text: str) -> bool:
    """*text* (one cell of a row) is a column's name in a contents list: in 【】 or 〔〕, or short
    with no punctuation, digit or leader (``诗　歌``)."""
    key = re.sub(r"\s+", "", text)
    if not 2 <= len(key) <= SECTION_MAX:
        return False
    if key[0] in "【〔" and key[-1] in "】〕":
        return True
    return not re.search(r"[\d，。；：！？、,.;:!?…·．（）()《》“”]", key)


def _gap_entry_cell(text: str) -> bool:
    """*text* (one cell of a row) is a contents entry printed without a leader, its page a bare
    number after a wide gap (``听见老街的声音   4``: :func:`_gap_page`), its title no sentence."""
    gap = _gap_page(text.rstrip(), 0)
    return gap is not None and not re.search(r"[。；！？;!?]", text[: gap[2]])


def row_cells(line: Line, gap_pages: bool = False) -> tuple[int, int, bool] | None:
    """Where one source *line* of a contents list set in two columns parts into its two cells:
    ``(end of the left cell, start of the right cell, both cells are entries with their leader)``
    offsets into its text, or ``None``. The left cell is an entry ending in its page number or a
    column's name, the right one an entry (its page may be the line's :attr:`Line.page`, the
    leader taken off) or a column's name; the cells stand apart by a wide gap
    (:data:`COLUMN_GAP_ROW_RE`); two names alone on a line only when both are in 【】/〔〕. With
    *gap_pages* (the list stands under its heading, 目录), an entry may print its page after a
    wide gap instead of a leader (:func:`_gap_entry_cell`: a 目次 without leaders, GB/T
    3179-2009)."""
    if line.end_no > line.no or any(not isinstance(s, str) for s, _ in line.segments):
        return None
    text = line.text

    def entry(cell: str) -> bool:
        return _leader_entry_cell(cell) or (gap_pages and _gap_entry_cell(cell))

    for m in COLUMN_GAP_ROW_RE.finditer(text):
        a, b = m.span()
        if a == 0 or b >= len(text):
            continue
        left, right = text[:a], text[b:]
        if re.match(r"\d{1,3}[ \t\u3000]", right):
            continue  # the left cell's page after its gap (``写给孩子的节气书   4   冬夜…  8``)
        left_entry = left[-1].isdigit() and entry(left)
        if line.page is not None:  # the right cell's leader and page the line parsing took off
            right_entry, right_name = bool(right.strip()), False
        else:
            right_entry, right_name = entry(right), _name_cell(right)
        left_name = not left_entry and _name_cell(left)
        bracketed = all(re.sub(r"\s+", "", c)[:1] in "【〔" for c in (left, right))
        if (left_entry or left_name) and (right_entry or right_name) and (left_entry or right_entry or bracketed):
            return a, b, left_entry and right_entry
    return None


def split_column_rows(lines: list[Line], stop: int) -> list[Line] | None:
    """A contents list set in two columns side by side (a journal's 目录 in two columns; ``pdftotext
    -layout`` keeps each printed row on one line, the left column's entry and the right one's):
    the lines before *stop* with each two-column row cut in two cells, one :class:`Line` each
    (``column`` 1 and 2, same ``no``), in source order; a line of one cell set in as far as the
    right column's cells is the right column's (``column`` 2, the left slot empty), other lines
    of the list the left one's. ``None`` when fewer than :data:`TWO_COLUMN_MIN_ROWS` rows hold an
    entry with its leader in each column. No character is moved: the cells of a row follow each
    other as in the source; :func:`find_contents` reads the left column before the right one.
    Linear in the lines' length."""
    stop = min(stop, len(lines))
    # a list under its heading (目录) may print its pages after a wide gap, no leader
    gap_pages = any(CONTENTS_HEAD_RE.match(lines[k].key) for k in range(stop))
    cells = {k: c for k in range(stop) if (c := row_cells(lines[k], gap_pages)) is not None}
    if sum(1 for _, _, both in cells.values() if both) < TWO_COLUMN_MIN_ROWS:
        return None
    first = min(cells)
    # the list ends at its last line with a leader or a page (a column's last entries may stand
    # alone under the last row of two)
    end = max([max(cells)] + [k for k in range(first, stop) if lines[k].page is not None or match_author_leader(lines[k].text)
                              or (gap_pages and _gap_entry_cell(lines[k].text))])

    # the right column's left edge: where its cells start in their source lines (the median), in
    # characters (pdftotext -layout pads to a column of characters) and in display width (a
    # Han character two columns: a text set by eye)
    at = [_offsets(lines[k], b) for k, (_, b, _) in cells.items()]
    edge = tuple(sorted(o[n] for o in at)[len(at) // 2] for n in (0, 1))
    out = list(lines[:first])
    for k in range(first, end + 1):
        line = lines[k]
        if k in cells:
            out += _cells(line, *cells[k][:2], "")
            continue
        at = _cut_at_edge(line, edge) if line.end_no <= line.no else None
        if at is not None:  # a row whose cells the entry shapes above do not tell: cut where the columns part
            out += _cells(line, *at, " (cut at the right column's edge)")
            continue
        column = 2 if any(o >= max(8, e - 6) for o, e in zip(_offsets(line, 0), edge)) else 1
        # a copy: the lines stay as they were when the list is not read so after all
        out.append(replace(line, column=column, evidence=line.evidence + [
            f"in a contents list of two columns: the {'right' if column == 2 else 'left'} column's (where the line "
            "is set in)"]))
    return out + lines[end + 1:]


def _cells(line: Line, a: int, b: int, how: str) -> list[Line]:
    """The two cells of a two-column contents row *line*: its text up to offset *a* (``column``
    1) and from *b* (``column`` 2, with the line's page: the leader the line parsing took off ends
    the right cell), each a :class:`Line` of the same source line; *how* is added to their evidence."""
    from convert.reader.body import cut_segments

    return [Line(line.no, line.raw, line.level, line.bullet, line.all_bold, cut_segments(line.segments, 0, a),
                 None, line.blank_before, line.blanks_before, line.form_feed, line.end_no,
                 evidence=[f"a contents row of two columns side by side: its left cell{how}"], column=1),
            Line(line.no, line.raw, line.level, line.bullet, line.all_bold,
                 cut_segments(line.segments, b, len(line.text)), line.page, False, 0, False, line.end_no,
                 evidence=[f"a contents row of two columns side by side: its right cell{how}"], column=2)]


def _width(text: str) -> int:
    """Display width of *text*: two columns for a wide or ambiguous East Asian character (Han,
    full-width punctuation, the ellipsis ``…`` in a Chinese text), one for others (UAX #11)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def _offsets(line: Line, b: int) -> tuple[int, int]:
    """Where offset *b* of *line*'s text stands in its source line: ``(characters, display
    width)`` from the line's start (its indent counted)."""
    raw = line.raw.expandtabs()
    lead = raw[: len(raw) - len(raw.lstrip())]
    return len(lead) + b, _width(lead) + _width(line.text[:b])


def _cut_at_edge(line: Line, edge: tuple[int, int]) -> tuple[int, int] | None:
    """In a contents list of two columns whose right column's cells start at *edge* (characters,
    display width: :func:`_offsets`; the rows of two entries tell where), a wide gap
    (:data:`COLUMN_GAP_ROW_RE`) that ends there, give or take a few columns, parts *line* into its
    two cells (a wrapped entry's title part, a leader that goes on from the row above): ``(end of
    the left cell, start of the right one)`` offsets into its text, or ``None``."""
    if any(not isinstance(s, str) for s, _ in line.segments):
        return None
    text = line.text
    for m in COLUMN_GAP_ROW_RE.finditer(text):
        a, b = m.span()
        if 0 < a and b < len(text) and any(e - 4 <= o <= e + 6 for o, e in zip(_offsets(line, b), edge)):
            return a, b
    return None


#: A cell of a two-column contents row ending in one leader character and its page (``开幕…3``:
#: a narrow column leaves a long title room for one).
_SHORT_LEADER_RE = re.compile(r"(?<=[^\s…·．.])\s*(?P<lead>[…·．])\s*"
                              r"(?:(?P<author>[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,3})\s+)?(?P<page>\d{1,3})\s*$")


def _cell_short_leader(line: Line) -> LeaderMatch | None:
    """In a contents list of two columns only (``line.column``), a cell whose title is followed by
    one leader character, maybe its author (``七绝·观…书法展 … 宋梅村  6``: the leader squeezed to one
    character by a long title) and its page, or by its page alone after a wide gap (a list with
    no leaders: :func:`_gap_entry_cell`): the spans of :func:`match_author_leader`."""
    m = _SHORT_LEADER_RE.search(line.text) if line.column else None
    if m is None:
        if line.column and _gap_entry_cell(line.text):
            a, b, g = _gap_page(line.text.rstrip(), 0)
            return LeaderMatch(line.text, {"title": (0, g), "lead": (g, g), "page": (a, b)})
        return None
    spans = {"title": (0, m.start("lead")), "lead": m.span("lead"), "page": m.span("page")}
    if m.group("author"):
        spans["author"] = m.span("author")
    return LeaderMatch(line.text, spans)


def reading_order(lines: list[Line], start: int, end: int) -> list[int]:
    """The indexes *start* to *end* (exclusive) of *lines* in reading order: a contents list set
    in two columns (:func:`split_column_rows`) is read column by column, the left one first;
    any other list as it stands."""
    return sorted(range(start, end), key=lambda k: lines[k].column == 2)


def find_contents(lines: list[Line]) -> Contents | None:
    """Find and read the printed contents list, or ``None`` when there are fewer than two lines
    with a dot leader and a page number.

    Lines between the first and the last leader line that have no leader are section names when
    the source marks them (bold, ``#``) or prints them again as a line of the body (alone or in
    【】); otherwise they are the first part of an entry that wrapped onto the next line.
    """
    leaders = [i for i, line in enumerate(lines) if line.page is not None or match_author_leader(line.text)
               or _cell_short_leader(line)]
    if len(leaders) < 2:
        return None
    first = leaders[0]
    # the list is one block: it ends at the last leader line before the first line of running
    # text (a file of several issues has several lists; the first one is this issue's)
    stop = next((i for i in range(first, len(lines)) if lines[i].page is None and paragraph_shape(lines[i])
                 and not match_author_leader(lines[i].text) and not _cell_short_leader(lines[i])), len(lines))
    leaders = [i for i in leaders if i < stop]
    if len(leaders) < 2:
        return None
    last = leaders[-1]
    # a column name printed again in the body, alone or in 【】 (【散文】: journal practice)
    body_keys = {line.key for line in lines[last + 1 :]}
    body_keys |= {k[1:-1] for k in body_keys if k[:1] == "【" and k[-1:] == "】"}

    def is_section(line: Line) -> bool:
        return (
            not line.bullet
            and line.page is None
            and not match_author_leader(line.text)
            and len(line.key) <= SECTION_MAX
            and (line.marked or line.key in body_keys)
        )

    start = first
    # in a list of two columns, the row of the first leader: its left cell (a wrapped entry's
    # title, whose leader the row below holds) is the list's too
    while start > 0 and lines[start].column and lines[start - 1].column and lines[start - 1].no == lines[start].no:
        start -= 1
    # an entry of title and ——subtitle wrapped at the dash: its title line opens the list
    if start > 0 and _title_over_subtitle(lines[start - 1], lines[start]):
        start -= 1
    while start > 0 and is_section(lines[start - 1]):
        start -= 1
    head = None
    if start > 0 and CONTENTS_HEAD_RE.match(lines[start - 1].key):
        start -= 1
        head = lines[start]
    toc = Contents(start, last + 1, head=head)
    pending: list[Line] = []
    current: list[Entry] | None = None
    entry: Entry | None = None  # the last entry read
    order = reading_order(lines, start + (head is not None), last + 1)
    for n, k in enumerate(order):
        line = lines[k]
        nxt = lines[order[n + 1]] if n + 1 < len(order) else None
        if not pending and entry_subtitle(entry, line):
            line.evidence.append("a line opening with a dash under a contents entry that printed its page: "
                                 "the entry's subtitle (副题), not an entry")
            entry.subtitle.append(line)
            continue
        # a title whose author the wrap put on the leader line below is an entry's, no section name
        if line.page is None and not pending and is_section(line) and not (
                nxt is not None and (_wrapped_author_below(line, nxt) or _title_over_subtitle(line, nxt))):
            current = []
            toc.sections.append((line, current))
            continue
        pending.append(line)
        m = (match_author_leader(line.text) or _cell_short_leader(line)) if line.page is None else None
        if line.page is not None or m:
            entry = Entry(pending, line.page if m is None else m.group("page"),
                          len(toc.sections) - 1 if current is not None else None)
            if m:
                entry.spans = {"title": m.end("title"), "page": m.span("page")}
                if len(pending) > 1 and not line.text[: m.end("title")].strip(LEADER_CHARS + " \t\u3000"):
                    # a wrapped entry's last line holds its leader only: the title is on the lines above
                    entry.spans["title"] = 0
                if m.group("author"):
                    entry.spans["author"] = m.span("author")
                elif len(pending) > 1 and (name := author_wrapped_off(pending[-2], line, m.end("title"))) is not None:
                    entry.spans.update(title=name[0], author=name)
            elif (gap := author_before_leader(line.text)) is not None:
                entry.spans = {"title": gap[0], "author": gap[1]}
            elif len(pending) > 1 and (name := author_wrapped_off(pending[-2], line)) is not None:
                # the title on the line above, the author alone before the leader
                entry.spans = {"title": name[0], "author": name}
            (current if current is not None else toc.loose).append(entry)
            pending = []
    return toc


def is_page_label(line: Line) -> bool:
    """*line* is a printed page label (``第一版　要闻``, ``二版　经济·三农``), or a 报眉 line that
    holds one beside the date (``第1版　要闻　萍垸报　2025年10月24日``:
    :func:`convert.reader.logical.roles.page_label`)."""
    from convert.reader.logical.roles import BARE_PAGE_LABEL_RE, PAGE_LABEL_RE, page_label

    return bool(PAGE_LABEL_RE.match(line.key) or BARE_PAGE_LABEL_RE.match(line.text)) \
        or page_label(line, None) is not None


_TAIL_NUMBER_RE = re.compile(r"\d{1,3}$")


def _gap_page(text: str, start: int, shortest: int = 2) -> tuple[int, int, int] | None:
    """``(page start, page end, title end)`` when *text* (right-stripped) ends in a bare page
    number (1–3 digits) set apart from a title of *shortest* characters at least (from *start*;
    two, but none for the rest of a title the wrap carried over) by a
    wide gap (two spaces or more, an ideographic space or a tab): a journal's contents entry without
    leaders. ``None`` otherwise. Linear: the gap is read backwards from the number."""
    m = _TAIL_NUMBER_RE.search(text)
    if not m:
        return None
    a = m.start()
    g = a
    while g > start and text[g - 1] in " \t\u3000":
        g -= 1
    gap = text[g:a]
    if not ("\u3000" in gap or "\t" in gap or len(gap) >= 2) or len(text[start:g].strip()) < shortest:
        return None
    return a, m.end(), g


def _entry_spans(line: Line) -> tuple[str | None, dict]:
    """The printed page (``"2"``) and :attr:`Entry.spans` of a line of a headed list."""
    text = line.text.rstrip()
    spans: dict = {}
    k = len(text) - len(text.lstrip())
    if text[k : k + 1] and text[k] in BULLET_CHARS:
        spans["bullet"] = k + 1
    m = PAGE_SUFFIX_RE.search(text)
    page = None
    from convert.reader.masthead import numeral

    if m and m.start("page") > spans.get("bullet", 0) + 2:
        n = numeral(m.group("n"))
        if n is not None:
            page = str(n)
            spans["page"] = m.span("page")
            spans["title"] = m.start()
    elif (gap := _gap_page(text, spans.get("bullet", 0))) is not None:
        # a journal's 要目: the bare page after a wide gap (``我在槐塬修水库　4``)
        a, b, title_end = gap
        page = str(int(text[a:b]))
        spans["page"] = (a, b)
        spans["title"] = title_end
        # the author before the page, set apart from the title by a gap too (``春天的课堂　　柏舟　1``:
        # a 目次 prints title, author, page in that order, GB/T 3179-2009)
        if (named := author_before_leader(text[:title_end])) is not None and named[0] > spans.get("bullet", 0):
            spans["title"], spans["author"] = named
    elif not spans and (m := PAGE_PREFIX_RE.match(text)) and len(text) - m.end() >= 2 and not is_page_label(line):
        # the page printed first (``4版　松风亭：父亲的菜园``): the title starts after the space;
        # a page label (``第一版　要闻``, ``二版　经济``: the page's short name) is none
        # (or in brackets before it, ``【2版】金融服务跟着茶季走``)
        which = "page" if m.group("page") else "bpage"
        n = numeral(m.group("n") or m.group("bn"))
        if n is not None:
            page = str(n)
            spans["page"] = m.span(which)
            spans["start"] = m.end()
    return page, spans


#: A column name set off by marks (journal practice: ``【工作动态】``, ``·史事钩沉·``), the name inside.
MARKED_COLUMN_RE = re.compile(r"^(?:【(?P<a>[^【】]{1,12})】|·(?P<b>[^·]{1,12})·)$")


def column_name(key: str) -> str:
    """*key* (a line without whitespace) without the marks that set off a column name
    (:data:`MARKED_COLUMN_RE`: ``【职工之家】`` → ``职工之家``); *key* itself when it has none. A
    journal's contents list may print its columns bare where the body prints them in 【】, or the
    other way round: the name is the same column's."""
    m = MARKED_COLUMN_RE.match(key)
    return (m.group("a") or m.group("b")) if m else key


#: A genre label in round brackets after a title in a contents list (``夜班的灯（诗歌）``, ``河湾（外一首）``,
#: ``故乡的井（散文）``): the literary form a 副刊/文苑 piece is, or how much of it is printed (外一首: one
#: more poem under the same title, 节选: an excerpt), or how many items a column holds (``工作动态（五则）``,
#: ``（3条）``, ``（二篇）``: a 要目 naming a column of briefs by its count). The list prints it to say what
#: the piece is; the piece's own head (or the column's name, 【工作动态】) does not carry it, so it is
#: no part of the title.
GENRE_LABEL_RE = re.compile(r"[（(](?:诗歌|诗|新诗|组诗|诗词|诗二首|诗三首|词|散文|散文诗|随笔|杂文|小说|小小说|微小说|故事|童话|寓言"
                            r"|报告文学|纪实文学|小品|书法|国画|绘画|摄影|剪纸|外[一二三四五六七八九十]首|外[一二三]章|节选|选登"
                            r"|[一二三四五六七八九十两\d]{1,3}[则条篇])[）)]$")


def without_genre_label(key: str) -> str:
    """*key* (a contents entry's title, whitespace removed) without a genre label in brackets at
    its end (:data:`GENRE_LABEL_RE`: ``夜班的灯（诗歌）`` → ``夜班的灯``); *key* itself when it has
    none or nothing would be left but the label."""
    m = GENRE_LABEL_RE.search(key)
    return key[: m.start()] if m and m.start() >= 2 else key


#: The most characters of a title printed as clauses (``拒不支付劳动报酬，包工头获刑一年``).
CLAUSE_TITLE_MAX = 40


def clause_title(key: str) -> bool:
    """*key* (a line without whitespace) may be a title although it holds commas: one to three
    clauses apart by a comma (``拒不支付劳动报酬，包工头获刑一年``; a headline may hold clause
    punctuation, GB/T 15834-2011 4.3: the comma between the parts of a sentence), no sentence
    punctuation (。；！？) and no colon inside or at the end, at most :data:`CLAUSE_TITLE_MAX`
    characters. The shape alone decides nothing: a contents list takes such a line only when the
    text prints the title again (:func:`find_headed_contents`)."""
    body = key.rstrip("”’」』）)】》")
    return (0 < len(key) <= CLAUSE_TITLE_MAX and sum(c in CLAUSE_PUNCT for c in key) <= 2
            and not any(c in SENTENCE_PUNCT or c in "：:" for c in key) and body[-1:] not in "，,、")


def entry_subtitle(above: Entry | None, line: Line) -> bool:
    """*line* is the subtitle of the contents entry *above*, not an entry: it opens with a dash
    (a 副题 under its 正题, GB/T 15834-2011 4.11: the 破折号 stands before a subtitle; a 目次 prints
    a feature's ``——记…`` under its title), it prints no page, bullet or leader of its own, and
    the entry above is complete (its page printed: the subtitle cannot be a wrapped title's first
    line) and has no subtitle yet. Constant time."""
    return (above is not None and above.page is not None and not above.subtitle
            and line.key.startswith("——") and len(line.key) > 2 and line.page is None and not line.bullet
            and match_author_leader(line.text) is None and _entry_spans(line)[0] is None
            and not re.search(r"[。；！？]$", line.key))


#: How alike a 要目 entry and a later title must be (difflib's ratio) for an entry the list words
#: differently to be read as one between entries it names plainly.
LOOSE_MATCH = 0.6


def _loosely_named(title: str, other: str) -> bool:
    """*other* (a later line's key) may be the title a contents entry *title* words differently: the
    two alike by :data:`LOOSE_MATCH`, or sharing one run of at least half the entry's characters
    and six at least (``县人大常委会调研全县农村供水保障工作`` / ``关于全县农村供水保障工作情况的调研报告``:
    the subject kept, the frame reworded)."""
    matcher = difflib.SequenceMatcher(None, title, other, autojunk=False)
    if matcher.ratio() >= LOOSE_MATCH:
        return True
    block = matcher.find_longest_match(0, len(title), 0, len(other))
    return block.size >= max(6, len(title) // 2)


#: A news lead's opening day and its comma (``7月11日，``): a story's first words, never a title's.
_DAY_LEAD_RE = re.compile(r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*日[，,]")


def question_title(line: Line) -> bool:
    """*line* is a title that asks a question: at most 32 characters, a question mark at its end and
    no other sentence or clause punctuation (``直补期满后政策怎么衔接？``)."""
    t = line.text.strip()
    return 0 < len(line.key) <= 32 and t[-1:] in "？?" and not re.search(r"[。，,；;！!：:？?]", t[:-1])


def find_headed_contents(lines: list[Line], start: int = 0, reach: int = 60, stop: int | None = None) -> Contents | None:
    """A contents list printed under a heading (本期要目, 目录, 本期导读) without dot leaders:
    the heading within *reach* lines of *start*, then the entries, each a line without sentence
    punctuation that carries a bullet or a printed page (``2版``) or names a later line of the
    text (a title it matches, :func:`convert.reader.body._similar`, or a column name the body
    prints in its marks, :func:`column_name`), or ends in a bare page set
    apart by a wide gap (a journal's 要目 without leaders); at least two. A title of clauses
    (:func:`clause_title`: ``拒不支付劳动报酬，包工头获刑一年``) is an entry when it names a later line;
    without that it is the running text that ends the list. The heading
    is looked for before line *stop* (the first line of running text). ``None`` when there is no
    such list. A 导读 (a selection) is not :attr:`Contents.exhaustive`."""
    from convert.reader.body import MATCH_RATIO, _similar

    for h in range(start, min(len(lines) if stop is None else stop, start + reach)):
        if CONTENTS_HEAD_RE.match(lines[h].key):
            break
    else:
        return None
    head = lines[h]
    entries: list[Entry] = []
    last_named = False  # the last entry names a later line of the text
    k = h + 1
    while k < len(lines):
        line = lines[k]
        if entry_subtitle(entries[-1] if entries else None, line):
            line.evidence.append("a line opening with a dash under a contents entry that printed its page: "
                                 "the entry's subtitle (副题), not an entry")
            entries[-1].subtitle.append(line)
            k += 1
            continue
        page, spans = _entry_spans(line)
        prose = paragraph_shape(line) and not question_title(line)
        if prose and len(line.key) <= 40 and {"bullet", "page"} <= set(spans):
            # (a 导读's entry with its bullet and its page, 版, whatever its title's commas: ``● 副刊：
            # 雪夜，那一盏闪烁的警灯　　4版``)
            prose = False
        if (prose and not clause_title(line.key)) or line.page is not None or len(line.key) > 50:
            break
        if (MARKED_COLUMN_RE.match(line.key) and len(entries) >= 2
                and not any(MARKED_COLUMN_RE.match(e.key) or e.page or e.spans for e in entries)):
            # a column's name in 【】 after plain entries that grouped none under such a name: the
            # body's first column (a list labels all its groups or none)
            break
        title = line.key
        if "title" in spans or "bullet" in spans or "start" in spans:
            title = re.sub(r"\s+", "", line.text[spans.get("start", spans.get("bullet", 0)) : spans.get("title", len(line.text))])
        # (no news lead opening with its day, 7月11日，…: a story's first line, which may hold its
        # title's words, names no entry)
        later = [other.key for other in lines[k + 1 :] if not CONTENTS_HEAD_RE.match(other.key)
                 and not _DAY_LEAD_RE.match(other.text)]
        title = without_genre_label(title)
        # (a column name the body prints in its marks, 【文苑】, is named whatever its length)
        named = any(_similar(title, other) >= MATCH_RATIO or (len(title) >= 4 and title in other and len(other) <= len(title) + 8)
                    or column_name(other) == title for other in later)
        above = entries[-1].lines[-1] if entries and not entries[-1].page and not entries[-1].spans else None
        if (not (page or "bullet" in spans or named) and above is not None
                and ((gap := _gap_page(line.raw.rstrip("\r\n").lstrip("\f").rstrip(), 0, shortest=0)) is not None
                     or (re.fullmatch(r"\d{1,3}", line.text.strip()) and above.end_no <= above.no
                         and gap_at_end(above.raw.rstrip("\r\n\f"))))):
            # the last character of the title above (or none) and its page after the gap, a wrap
            # cut the entry (``县委…书记培训`` / ``班　　1``, ``…活动举行`` / ``　　2``, ``…活动举行　　`` / ``2``):
            # an entry line with its page, joined to the line above below
            # (:func:`_rejoin_wrapped_entries`); the gap is read in the raw lines (the text starts
            # after its indent, and ends before its trailing blanks)
            b = len(line.text.rstrip())
            tail = _TAIL_NUMBER_RE.search(line.text[:b])
            if tail is not None:  # (the raw line's number may be furniture the text no longer holds)
                a = b - len(tail.group())
                page, spans = str(int(line.text[a:b])), {"page": (a, b), "title": len(line.text[:a].rstrip())}
        # (the list's first line over two entries the text prints: an entry as one between them is)
        first = (not entries and heading_shape(line) and k + 2 < len(lines) and not paragraph_shape(lines[k + 2])
                 and any(_similar(lines[k + 2].key, other) >= MATCH_RATIO for other in later[2:]))
        if (not (page or "bullet" in spans or named or prose) and (entries or first) and k + 1 < len(lines)
                and not paragraph_shape(lines[k + 1]) and len(lines[k + 1].key) <= 50 and not line.marked
                and not title.startswith("—") and (first or (not entries[-1].page and not entries[-1].spans))
                and any(_similar(lines[k + 1].key, other) >= MATCH_RATIO for other in later[1:])
                and (((last_named or first) and heading_shape(line) and line.key[:1] != "【"
                      # (only in a list that prints no page and no bullet: in one that does, a line
                      # with neither after its entries is the body's, a 引题 or a title)
                      and not any(e.page or "bullet" in e.spans for e in entries))
                     or any(_loosely_named(title, other) for other in later[1:] if abs(len(other) - len(title)) <= 12))):
            # a title the list words differently from the text (一季度全县…情况 for 莘洲县2025年一季度…
            # 情况报告, 县人大常委会调研全县农村供水保障工作 for 关于全县农村供水保障工作情况的调研报告)
            # between entries it names: an entry all the same (one of a title's shape between two
            # entries the text prints is, whatever its words: 我市32名大学生志愿者奔赴西部服务岗位
            # for 我市2025年大学生志愿服务西部计划志愿者出征)
            named = True
        if (not (page or "bullet" in spans or named or prose) and entries and not line.marked
                and heading_shape(line) and k + 1 < len(lines) and entries[0].key
                and (_similar(lines[k + 1].key, entries[0].key) >= MATCH_RATIO
                     # (or the body's first column name in 【】 over that title)
                     or (MARKED_COLUMN_RE.match(lines[k + 1].key) is not None and k + 2 < len(lines)
                         and _similar(lines[k + 2].key, entries[0].key) >= MATCH_RATIO))
                and any(_loosely_named(title, other) for other in later[1:])):
            # the list's last line, right over the body's first title (the first entry printed
            # again), naming a later title loosely: the list's last entry, worded otherwise there
            # (欠薪企业清偿后完成信用修复 for 拖欠农民工工资被列入失信名单　一劳务公司清偿欠薪后完成信用修复)
            named = True
        if not (page or "bullet" in spans or named) or (prose and not named and not (page and "bullet" in spans)):
            # a title of clauses (X，Y) is an entry only when the text prints it again, or when the
            # list prints its bullet and page (``● 冬季取暖，当心…　　2版``: a 导读 entry worded
            # otherwise than its story's head)
            break
        entries.append(Entry([line], page, spans=spans))
        last_named = named
        k += 1
    if not entries or (len(entries) < 2 and not (entries[0].page or "bullet" in entries[0].spans)):
        return None  # one entry only with its bullet or printed page
    toc = Contents(h, k, head=head, exhaustive=not PARTIAL_CONTENTS_RE.search(head.key))
    _headed_sections(toc, _rejoin_wrapped_entries(entries, lines, k), lines)
    return toc


def _rejoin_wrapped_entries(entries: list[Entry], lines: list[Line], end: int) -> list[Entry]:
    """A 目次 entry whose title is too long for the line wraps, its page on the last line (GB/T
    3179-2009, 期刊编排格式: a 目次 prints title, author, page in that order): an entry line with
    no page, bullet or author (no :attr:`Entry.spans`) right above an entry with a page is that
    entry's first line when the two titles together are a later line of the text (its title,
    :func:`convert.reader.body._similar`), or a later line with the subtitle under it (``正题`` /
    ``——副题``, one line in the 目次), and the first line is no column name (short and
    printed again alone below the list, at or after line *end*), or when the entry below is its
    page alone (the wrap cut in the gap before it). Returns the entries, each
    wrapped one as one :class:`Entry` of its lines. Only the lines a candidate may name are
    compared: linear in the list's length times the text's."""
    from convert.reader.body import MATCH_RATIO, _similar

    if sum(1 for e in entries if e.page) < 2:
        return entries
    later = [line.key for line in lines[end:]]
    # a column name printed again alone below the list, maybe in its marks there (【职工之家】)
    alone = set(later) | {column_name(key) for key in later}
    # a title over its subtitle (正题 / ——副题: the 目次 prints them on one line, the text on two)
    later += [a.key + b.key for a, b in zip(lines[end:], lines[end + 1:]) if b.key.startswith("—") and a.key]
    out: list[Entry] = []
    n = 0
    while n < len(entries):
        e = entries[n]
        nxt = entries[n + 1] if n + 1 < len(entries) else None
        # (a page alone after its gap, no title before it, is the line above's whatever that is:
        # a column name prints no page)
        if (nxt is not None and not e.page and not e.spans and nxt.page and len(nxt.lines) == 1
                and (not nxt.key or not (len(e.key) <= SECTION_MAX and e.key in alone))):
            joined = e.key + nxt.key
            if any(_similar(joined, other) >= MATCH_RATIO for other in later if len(other) >= len(e.key)):
                e.lines[-1].evidence.append("the first line of a contents entry the wrap cut: its title goes on "
                                            "on the next line, with the page")
                out.append(Entry(e.lines + nxt.lines, nxt.page, spans=nxt.spans))
                n += 2
                continue
        out.append(e)
        n += 1
    return out


#: The editors' own piece of an issue (编后记, 编后语, 编者的话, 编辑手记, 致读者): printed last, in no
#: column.
EDITORS_PIECE_RE = re.compile(r"^(?:编后记|编后语|编后|编者的话|编辑手记|致读者)$")


def _headed_sections(toc: Contents, entries: list[Entry], lines: list[Line]) -> None:
    """Sort the *entries* of a headed list into *toc*: column names, and the entries under each.

    In a list whose entries print their pages, an entry line with no page, no bullet and no
    author, short (:data:`SECTION_MAX`), right above an entry with a page and printed again, the
    same words alone, as a later line of the text (the column's name over its first article), is a
    column name (栏目: a journal's 目次 groups its entries under them, GB/T 3179-2009), as
    :func:`find_contents` reads one between leader lines; the entries below it are its own, up to
    the editors' afterword (:data:`EDITORS_PIECE_RE`, 编后记), which is in no column
    (:attr:`Contents.after`). One pass over the lines for where each text last stands."""
    if sum(1 for e in entries if e.page) < 2:
        toc.loose = entries
        return
    last_at: dict[str, int] = {}
    for n, line in enumerate(lines):
        # a column's name in its marks below the list (【职工之家】) names the list's bare one
        last_at[line.key] = last_at[column_name(line.key)] = n
    current: list[Entry] | None = None
    for n, e in enumerate(entries):
        line = e.lines[-1]
        if toc.after or (toc.sections and e.page and EDITORS_PIECE_RE.match(e.key)):
            # the editors' afterword (编后记) after the columns: the issue's, no column's; any line
            # after it (none, as a rule) with it, so that the list keeps its printed order
            toc.after.append(e)
            continue
        if (not e.page and not e.spans and len(line.key) <= SECTION_MAX and n + 1 < len(entries)
                and entries[n + 1].page and last_at.get(line.key, -1) >= toc.end):
            current = []
            toc.sections.append((line, current))
            continue
        if current is not None:
            e.section = len(toc.sections) - 1
        (current if current is not None else toc.loose).append(e)
