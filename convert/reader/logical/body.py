"""The body: sections, articles, sub-headings, paragraphs, bylines, notes, verse, briefs.

The role passes (:mod:`convert.reader.logical.roles`) have said which lines are page labels,
page credits, captions, editor's notes, lead-ins, author lines and credits, column names,
numbered sub-headings, verse and brief items; this builder turns each into TEI, in one sweep
(each decision depends on the one before):

- page label → ``<pb n="…"/><fw type="header">…</fw>`` between divisions (it ends the page's
  last article and section); page credit → ``<fw type="footer">``;
- caption → ``<figure><head>…</head><byline>…摄</byline></figure>`` in the article (TEI P5
  §14.4);
- editor's note → ``<note type="editorial">`` in its article (before or after the text), or
  ``<div type="editorial">`` first in the body when no article is open (an issue's 编者按); the
  label (编者按：) a ``<label>``;
- footnote → ``<note place="foot" n="①">`` at its printed place, the sign a ``<label>``, the sign
  in the text above a ``<ref target>`` to it (TEI P5 §3.9.1);
- lead-in → ``<opener><dateline>本报讯</dateline><byline>（记者 …）</byline></opener>`` before the
  first ``<p>`` (TEI P5 §4.2.1 ``opener``);
- author line → ``<byline>`` after the head; a credit after the text → ``<byline>`` ending the
  article (TEI divBottom); names inside as ``persName``/``orgName``; a signature and the date
  under it (落款) → one ``<byline>``, the date a ``<date>`` after ``<lb/>``;
- column name → ``<div type="section">``; numbered sub-heading → nested
  ``<div type="subsection">`` by level (GB/T 15834-2011 B.3.8);
- verse → ``<lg type="poem">`` of ``<lg type="stanza">`` of ``<l>`` (TEI P5 §3.13.1);
- brief item → ``<div type="brief">`` with the run-in head (the bullet as ``<label>`` in it, a
  closing 。 printed after the head as ``<pc>``);
- a title with a 引题 above or a 副题 (——…) below → ``<head type="kicker">``, ``<head>``,
  ``<head type="sub">``;
- a jump (下转第N版 … 上接第N版) → the two parts ``@part`` I and F, linked by ``@next``/``@prev``.

Other lines are headings when the printed contents list names them or the source marks them
(``#``, a wholly bold line), and else by their shape (short, no sentence punctuation) and their
neighbours, scored: a heading so inferred carries ``@cert`` (``high``: a boundary before it — the
body's start, a page label, a credit or jump line, a column name, an attachment note — and
running text with a lead-in, an author line or a subtitle after it; ``medium``: running text
after it; ``low``: less). A paragraph that stops mid-sentence (see
:func:`convert.reader.layout.unfinished`) goes on in the next line: an old page break cut it, and
the two parts become one ``<p>`` with a ``<pb/>`` where the break was (TEI-CONVENTIONS.md point 5).
In a text hard-wrapped at one measure and set again at a narrower one, the short rest of a line
cut right after a sentence end goes on with its paragraph (an issue's editor's note's too), not as
a title (``@cert``, see :meth:`BodyBuilder._line_tail`).
A heading is never joined to anything.

Pass :func:`build_body`: it may touch the :class:`LogicalText`'s ``builder`` and ``body``, the
contents entries' targets and the roles and evidence of the body's lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from convert.reader.body import (cut_segments, BRIEF_RE, BYLINE_LINE_RE, BYLINE_RE, UNIT_ALONE_RE, MATCH_RATIO, REDUPLICATED, SUBHEAD_RE, _last_char, text_end,
                                 _similar,
                                 _strip, balanced_subheading, emit_marks, heading_segments, inline,
                                 lead_marks, split_specials, trail_marks)
from convert.reader.layout import (BULLET_CHARS, COLUMN_ENTRY_RE, _loosely_named, table_title_line, LISTED_PERSON_RE, listed_person, thin_figure_row, COLOPHON_FIELD_RE, Contents, after_clause_mark, clause_title, column_list_lines, column_name, column_row, LIST_LABEL_RE, directory_entry, figure_row, table_row, form_field_lines, unit_label, unit_list_lines, labelled_list_lines, heading_shape, paragraph_shape,
                                   unfinished, without_genre_label)
from convert.reader.lines import Line, is_mark
from convert.reader.masthead import DATE_RE, _iso, arabic_date, numeral
from convert.reader.logical.state import LogicalText, Role
from convert.reader.logical.roles import CREDIT_LINE_RE, LETTER_SALUTE_RE, LETTER_WISH_RE, author_line, numbered_parts, DOCUMENT_TITLE_RE, QUESTION_HEAD_RE, SIGNED_TITLE_MAX, indented, physical_parts, subhead_level, title_like
from convert.reader.names import is_org_name, looks_like_person, tag_byline
from convert.reader.physical import (AFTER_SENTENCE_NOTE_RE, indent_width, LEAD_BREAK, SALUTATION_LINE_RE, counted_entry, ATTACHMENT_MARK_RE, item_number, DATED_ENTRY_RE, DOC_NUMBER_RE, FIELD_GAP_SPLIT_RE, field_row, extent, NO_LINE_START, as_wide_as_wrapped, set_in_centred, display_width, field_text, leading_blanks, contact_line, SALUTATION_RE,
                                     reference_follows, sentence_final, whole_bracket)
from convert.tei import TEI_NS, E, XML_ID, t, xpath

SECTION_NAME_MAX = 8
#: The longest line of Han characters alone (no mark, no digit) that, narrower than a wrapped line,
#: is a label on its own line, not a paragraph's start the page cut (:meth:`BodyBuilder._text_line`).
SHORT_ALONE_MAX = 8
#: The rest of a numbered sub-heading made of a short label, a colon and its theme (``监测：盯住雷达和
#: 加密站``, ``预警：宁可提前，不可滞后``): two to six characters, the colon, then a phrase of at
#: most 20 characters with one comma at most and no sentence punctuation.
LABELLED_SUBHEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,6}[：:](?![\s\d])[^。；;！？!?：:，,]{2,14}(?:[，,][^。；;！？!?：:，,]{2,10})?")
#: Roles after which a heading follows a boundary (the previous article, page or column ended).
BOUNDARY_ROLES = ("page-label", "page-credit", "credit", "caption", "section", "attachment")
#: A date alone in round brackets (``（2025年7月10日）``): the date of a speech or report printed
#: under its title and speaker, a line of its own.
BRACKETED_DATE_RE = re.compile(r"[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]")
#: Marks that part clauses, list words or set an aside apart: a line holding one is running text
#: or a jump line (``（上接第一版）…、…的``), not a caption's or a label's short phrase.
CLAUSE_MARKS = set("，,、；;：:（）()")
#: Roles that open an article right under its title.
OPENING_ROLES = ("lead-in", "byline", "verse", "editorial")
CERT_ORDER = {"low": 0, "medium": 1, "high": 2}
#: The level of a sub-heading without a number (below the four numbered ones).
UNNUMBERED = 9


#: What a schedule item does not hold: a clause or sentence mark (its date, event and place in
#: brackets are set apart by gaps and brackets, not by punctuation).
SCHEDULE_STOPS = set("，,。；;：:！？!?")


def _labelled_level(line: Line) -> tuple[int, int] | None:
    """``(level, number)`` of a numbered sub-heading of a label and its theme
    (:data:`LABELLED_SUBHEAD_RE`: ``一、精准推送：让政策红利“找上门”``, GB/T 15834-2011 B.3.8 levels),
    which :func:`convert.reader.logical.roles.subhead_level` leaves out for its colon; else ``None``."""
    found = numbered_parts(line)
    if found is None or found[1] is None or not LABELLED_SUBHEAD_RE.fullmatch(found[2]):
        return None
    return found[0], found[1]


#: The most characters a label over a group of a programme's items holds (每日固定节目).
SCHEDULE_LABEL_MAX = 10


def schedule_item(line: Line, wrap_width: float | None = None) -> bool:
    """*line* is an item of a printed programme (活动安排, 日程): a dated entry (a day or a span of
    days, a gap, then the event: ``4月19日　健身大会（茶园步道）``, :data:`DATED_ENTRY_RE`, the form
    of a 大事记's entries; or a time and a programme, ``06:30　蔚川新闻``) with no clause or
    sentence mark (one colon between a strand's name and a programme's title at most, never at
    the end: ``20:40　健康蔚川：冬季谨防…``), narrower than a wrapped line. What a
    title never opens with, and complete on its line: each item of a programme is printed on a
    line of its own (the next line is the next item, not the rest of a sentence)."""
    m = DATED_ENTRY_RE.match(line.text)
    # (the marks are looked for after the date: a time in it, ``9月18日10:00—10:03``, holds a colon;
    # a programme's name may hold one between its strand and its title, ``健康蔚川：冬季谨防…``,
    # never at the item's end)
    rest = line.text[m.end() - 1:].rstrip() if m else ""
    return (m is not None and not any(c in SCHEDULE_STOPS for c in rest.replace("：", "").replace(":", ""))
            and rest.count("：") + rest.count(":") <= 1 and rest[-1:] not in "：:"
            and len(line.key) <= 50 and not as_wide_as_wrapped(line, wrap_width))


def field_line(line: Line, wrap_width: float | None = None) -> bool:
    """*line* is one field of a record printed a field a line (:func:`convert.reader.physical.field_text`:
    a label of two to five ideographs, a colon, a short value with no clause or sentence mark), narrower than a wrapped line. Complete on its line: a catalogue entry
    or a notice sets each field on a line of its own (newspaper and library-bulletin practice, the
    书讯's 作者/索书号/馆藏地点; the same lay-out as the 版记's label：value lines, GB/T 9704-2012
    7.4), so the next line is the next field or a new paragraph, not the rest of a sentence."""
    return field_text(line.text) and not as_wide_as_wrapped(line, wrap_width)


#: A note of a list printed right under the piece (``附：芪溪镇…表彰名单``), whitespace removed:
#: one title after 附：, whole on its line (an 附件说明 of several attachments, 附件：1.… / 2.…,
#: GB/T 9704-2012 7.3.6, goes on over its lines and is read apart).
APPENDED_RE = re.compile(r"^附[：:]\S")


def box_field(line: Line, wrap_width: float | None = None) -> bool:
    """*line* is a box's row of fields: one field a line (:func:`field_line`), or a row of
    label：value fields (:func:`convert.reader.physical.field_row`) that sets two fields apart by a
    wide gap or holds a figure (城东营业所：金桥路56号　　城西营业所：西山路27号,
    营业厅办理时间：周一至周五　8:30—17:00（法定节假日除外）): a title may hold a colon, but not
    two fields nor a time or a number after one."""
    if field_line(line, wrap_width):
        return True
    t = line.text.strip()
    return field_row(t) and (FIELD_GAP_SPLIT_RE.search(t) is not None or any(c.isdigit() for c in t))


#: A title that names a collection of pieces printed under it (期刊 practice: a 选/选登/小辑 of
#: members' or pupils' work, a group of poems counted in brackets: ``…学生诗词习作选``,
#: ``萸山春行（三首）``).
COLLECTION_TITLE_RE = re.compile(r"(?:作品选|习作选|诗选|词选|选登|选辑|选萃|小辑|专辑|组诗|（[一二三四五六七八九十\d]{1,3}[首副则篇]）)$")


#: A question of a question-and-answer pair opening a line (问：…？ / 答：…, 问:, Q：): the body of
#: a 问答 piece (政策问答, 答记者问); a run-in label, no heading.
QUESTION_LINE_RE = re.compile(r"^(?:问|Q)\s*[：:]")
#: A question printed as a title (``政策问答：门诊慢特病待遇怎么享受？``, ``新生儿怎么参保？``): an
#: optional column-like label and colon, then one question: no mark that ends or parts clauses
#: (、 and quotes may stand), ending in a question mark. Linear: character classes, no nesting.
QUESTION_TITLE_RE = re.compile(r"^(?:([^：:，,。；;！!？?、\s]{2,8})[：:])?[^：:，,。；;！!？?]{2,40}[？?]$")
#: The label of a box set inside an article (newspaper and bulletin practice: a 温馨提示, 特别提示
#: or 小贴士 box of advice, a 知识链接 or 相关链接 box of background, printed as a short centred
#: line over the box's text): a short name ending in one of these words.
BOX_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:提示|提醒|小贴士|贴士|链接|小知识)$")
#: A news lead's opening time (消息's 导语: when, then who and what): a day, a part of a month,
#: or a word for lately (``8月上旬，``, ``7月12日，``, ``近日，``, ``日前，``).
NEWS_LEAD_RE = re.compile(r"^(?:\d{1,2}月(?:\d{1,2}日|[上中下]旬|初|底|中)|\d{4}年\d{1,2}月|近日|日前|近期|本月|上月)")
#: A work's name in 《》 and its prize or year in brackets (《老把式》（三等奖）, 《修伞的老周》（2016年）).
WORK_CAPTION_RE = re.compile(r"《[^》]{1,30}》[（(][^）)]{1,12}[）)]")
#: A work's maker's credit opening its line: a name (two or three characters, or two spaced out)
#: and 摄, 作品, 作 or 绘, then a gap or the line's end (``黎晓棠　作品　　摄于双桥镇``, ``杨启帆　摄　　拍摄地点：…``).
WORK_CREDIT_RE = re.compile(r"(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff])[ \u3000]*"
                            r"(?:摄|作品|作|绘)(?:[ \u3000]|$)")
#: A date alone on its line, whitespace removed (2025年9月5日), as a signature's second line prints it.
SIGNED_DATE_RE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日")
#: An entry's note that more pieces follow the one it names, unlisted (（外五则）, （外二篇）, （外一首）).
MORE_PIECES_RE = re.compile(r"[（(]外([一二三四五六七八九十两\d]{1,3})[则篇首条]?[）)]$")


def _more_count(note: re.Match | None) -> int:
    """How many unlisted pieces a :data:`MORE_PIECES_RE` match counts (五, 十二, 12, 两: the
    masthead's :func:`convert.reader.masthead.numeral`), 0 without one or when unreadable."""
    return (numeral(note.group(1).replace("两", "二")) or 0) if note is not None else 0


#: The conventional name of a box set beside the stories (温馨提示, 特别提示, 维权提示, 安全知识 —
#: two characters and 提示 or 知识 —, 小贴士, 知识链接, 相关链接, 小知识): standing alone after a piece's end, it
#: heads a ``div type="box"``; a longer label (信访工作提示) titles a notice, an article.
BOX_NAME_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2}(?:提示|知识)|[\u4e00-\u9fff]{0,4}小贴士|(?:知识|相关|政策)链接|小知识)$")
#: A box's name in 【】 (a framed 知识/链接 set beside the stories: 【统计知识】, 【科普小知识】,
#: 【政策链接】, 【名词解释】): over one piece after a piece's end, a box, no column. (A 【健康提示】
#: column prints its notice as an article: no 提示 here.)
BOX_COLUMN_RE = re.compile(r"^【[\u4e00-\u9fff]{0,4}(?:小?知识|链接|小贴士|名词解释)】$")
#: The closing formula of a letter (书信 practice, 祝颂语: ``此致`` on a line of its own over
#: ``敬礼！``, ``顺颂`` over ``商祺``, ``敬祝`` over ``安康``): part of the letter's text, never a title.
LETTER_CLOSING_RE = re.compile(r"^(?:此致|顺致|顺颂|敬颂|敬祝|恭祝|顺祝)$")
#: The label of a paper's reference list or notes, alone on its line (GB/T 7714-2015 文后参考文献;
#: journal practice prints 参考文献 or 注释 over the numbered entries [1] …).
REFERENCE_LABEL_RE = re.compile(r"(?:【|\[)?(?:参考文献|主要参考文献|参考资料|注释|注释与参考文献|注释和参考文献)(?:】|\])?[：:]?")


def next_reference(para: etree._Element, segs) -> bool:
    """The line of *segs* opens the next entry of the numbered reference list that *para* is an
    entry of (:func:`convert.reader.physical.reference_follows`, read on the paragraph's first
    characters): a new paragraph."""
    first = next((s for s, _ in segs if not is_mark(s)), "")
    return reference_follows((para.text or "")[:12], first)


#: A letter's signature or its date on a line of its own (书信 practice: 署名 and 日期 under the
#: text): a name ending in a signing word (叩上, 敬上, 谨上, 拜上, 顿首, 手书), or a date alone —
#: arabic or Chinese numerals (``2025年7月18日``) or a 干支 year with a lunar month and day
#: (``己丑年二月十六日``), maybe with where or when it was written (灯下, 夜, 于…). Bounded runs.
LETTER_SIGN_LINE_RE = re.compile(
    r"[\u4e00-\u9fff]{1,12}(?:叩上|敬上|谨上|拜上|顿首|叩首|手书|手启|敬启|谨启)"
    r"|(?:[〇○零0-9一二三四五六七八九]{4}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年"
    r"[0-9正一二三四五六七八九十冬腊]{1,3}月[0-9初一二三四五六七八九十廿卅]{1,3}日(?:灯下|夜|晨|午|于[\u4e00-\u9fff]{1,8})?")
#: How much wider (ideograph widths) than the title above it a line as wide as a wrapped one is when
#: it opens the text rather than going on with the title (a wrap fills the line it cuts).
WIDER_THAN_TITLE = 3
#: The name of a notice printed alone over its text (应用文 practice: 更正, 勘误, 启事, 声明, 致歉),
#: maybe after the journal or paper that prints it (本刊启事, 本报声明): a journal's or paper's
#: notices at its end, which its contents list does not name.
NOTICE_LABEL_RE = re.compile(r"(?:本刊|本报|编辑部)?(?:重要|郑重)?(?:更正|勘误|启事|声明|致歉|更正启事|(?:征稿|征文|征订|征集)启事|稿约)")
#: A commentary's genre label and a colon before its title on the title's line (newspaper practice:
#: ``短评：颗粒归仓，也要平安归仓``, ``时评：…``), whitespace removed; the title at most 24 characters.
COMMENTARY_TITLE_RE = re.compile(r"^(?:短评|时评|快评|小评|微评|述评|社评|评论|编辑点评|今日谈|一周观察)[：:](?P<title>[^。；;！？!?：:]{4,24})$")
#: Characters no title opens with: the structural particle 的 (it binds what comes before it; 地,
#: 得 and 之 open words too: 地方, 得到, 之江), so a line under a title opening with it is the
#: title's rest.
TITLE_REST_OPENING = "的"
#: The credit a pupil's piece gives the teacher who guided it (指导老师：X, 辅导教师：X).
TUTOR_CREDIT_RE = re.compile(r"^(?:指导|辅导)(?:老师|教师)[：:][\u4e00-\u9fff·、]{2,12}$")
#: The longest letter's signature (a body's or a group's name: ``平安里小区2号楼全体居民``).
SIGNATURE_MAX = 24
#: A part's number printed alone on a line, a Chinese numeral without 、 (fiction and the long
#: 散文 number their parts so, centred: 一 / 二 / 三): it finishes its line, no sentence runs on.
PART_NUMBER_RE = re.compile(r"[一二三四五六七八九十]{1,3}")


def _unpunctuated(key: str) -> str:
    """*key* without its punctuation (Unicode P*: ，？“” …), the words alone."""
    return "".join(c for c in key if not unicodedata.category(c).startswith("P"))


@dataclass
class Heading:
    """A heading decision: ``kind`` (``section``, ``article``, ``subsection``), the contents
    entry it matches (index into ``Contents.entries``), the evidence ``why`` and ``cert``
    (``None`` when the contents list or the source's markup confirms it, else ``high``,
    ``medium`` or ``low``); ``brief``: a section whose items are brief items (the name over them
    says so, or no BRIEF_RE word does)."""

    kind: str
    entry: int | None = None
    why: str = ""
    cert: str | None = None
    brief: bool = False



def _plain(segs):
    """*segs* without their bold (the markup of a run-in head)."""
    return [(s, False) for s, _ in segs]


def caption_head(segs) -> etree._Element:
    """The ``<head>`` of a photo caption (*segs*, its text before the credit): a bullet mark set
    before it (``▲``, ``△``, ``●``: :data:`convert.reader.layout.BULLET_CHARS`; print sets a ▲ or
    ● before a caption, pointing at the photo) as its ``<label>`` (as a heading's bullet is), the
    caption's text after it; the mark is kept, outside the head's text (TEI P5 §3.8: label)."""
    text = "".join(s for s, _ in segs)
    lead = len(text) - len(text.lstrip())
    if text[lead : lead + 1] and text[lead] in BULLET_CHARS and text[lead + 1 :].strip():
        b = lead + 1
        head = E.head(inline(E.label(), _plain(_strip(cut_segments(segs, 0, b)))))
        return inline(head, _strip(cut_segments(segs, b, len(text))))
    return inline(E.head(), segs)


def signed_date(text: str) -> etree._Element:
    """An empty ``<date>`` for the date of a signature (落款, GB/T 9704-2012 7.3.5: 成文日期 in
    arabic numerals, or in Chinese numerals as older documents print it), with ``@when`` in the W3C
    form (TEI P5 §3.6.4, att.datable.w3c: ``2023-05-08``, ``2025-03``) when *text* is a year and a
    month (and a day) and nothing more; without ``@when`` for anything else. The caller fills in
    the text as printed."""
    key = arabic_date(re.sub(r"\s+", "", text))
    m = DATE_RE.match(key)
    date = E.date()
    if m and m.end() == len(key) and 1 <= int(m.group(2)) <= 12 and (not m.group(3) or 1 <= int(m.group(3)) <= 31):
        date.set("when", _iso(*m.group(1, 2, 3)))
    return date


#: The longest rest of a title a wrap carried over to a line of its own over a news lead.
TITLE_TAIL_MAX = 10
#: The longest name of a column a contents list leaves out read over a title it names (工作要闻).
COLUMN_NAME_SHORT = 6
#: The most logical lines of an editor's note looked past between a column's name and its title.
EDITORIAL_NOTE_REACH = 8

#: A line opening with a sentence's last words, one to four ideographs and a full stop (``率不高。…``):
#: the rest of a sentence a wrap cut, for no sentence of a report opens and ends so short.
SENTENCE_TAIL_RE = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}。")


class BodyBuilder:
    """Turns the body lines into ``<body>``; one instance per document.

    ``contents`` is the printed contents list or ``None``; ``roles`` maps a line's index to its
    :class:`Role`; ``family`` is the genre's family (``briefing``, ``journal``,
    ``newspaper``); ``wrap_width`` the width of a hard-wrapped line when the text is wrapped;
    ``physical`` the physical lines as split, by source line number.
    After :meth:`build`, each contents entry's ``target`` holds the ``xml:id`` of the article it
    names (or ``None``), and ``weak`` lists ``(line, what, cert)`` for the decisions that carry
    ``@cert``.
    """

    def __init__(self, lines: list[Line], contents: Contents | None, structureless: bool = False,
                 roles: dict[int, Role] | None = None, family: str = "journal", wrap_width: float | None = None,
                 physical: dict[int, Line] | None = None, box_ids: set[int] | None = None):
        self.lines = lines
        #: the physical lines as split, by source line number (a joined line's last one: its width)
        self.physical = physical or {}
        #: the line lengths of a text set again narrower (``()``: none; see :meth:`_old_measure`)
        self._measure: tuple[int, int] | tuple[()] | None = None
        self.contents = contents
        self.entries = contents.entries if contents else []
        #: the entries after the contents list's columns, in none (编后记)
        self.after = getattr(contents, "after", []) if contents else []
        self.section_keys = contents.section_keys if contents else []
        self.exhaustive = bool(contents) and getattr(contents, "exhaustive", True)
        self._line_keys: set[str] | None = None  # the keys of the text's lines (_entry_tail), gathered once
        self.roles = roles or {}
        self.family = family
        #: the text sets its blocks apart with blank lines (a line without one goes on a block):
        #: most lines have one, or most lines after a finished one do (a hard wrap the unwrapping
        #: left in pieces puts many lines after one that stops mid-sentence: they say nothing)
        after_finished = [b for a, b in zip(lines, lines[1:]) if not unfinished(a.text)]
        self.blank_separated = bool(lines) and (
            sum(1 for line in lines if line.blank_before) >= 0.8 * len(lines)
            or (len(after_finished) >= 10 and sum(1 for b in after_finished if b.blank_before) >= 0.8 * len(after_finished)))
        self.wrap_width = wrap_width
        #: the contents entries some line of the text is like (see :meth:`_unprinted_next_entry`)
        self._printed: set[int] | None = None
        #: the lines of labelled lists (:func:`convert.reader.layout.labelled_list_lines`), found once
        self._listed: set[int] = labelled_list_lines(lines)
        self._listed_ids = {id(lines[k]) for k in self._listed}
        #: the lines of lists set in columns (:func:`convert.reader.layout.column_list_lines`)
        self._column_listed: set[int] = column_list_lines(lines)
        self._column_ids = {id(lines[k]) for k in self._column_listed}
        #: the lines of lists of units one to a line (:func:`convert.reader.layout.unit_list_lines`)
        self._unit_listed: set[int] = unit_list_lines(lines)
        self._column_ids |= {id(lines[k]) for k in self._unit_listed}
        #: the fields of forms printed a field a line (:func:`convert.reader.layout.form_field_lines`)
        self._form_fields: set[int] = form_field_lines(lines)
        self._form_ids = {id(lines[k]) for k in self._form_fields}
        #: lines read as running text that end their block whatever their last character (a box's
        #: label, a letter's 此致): the next line opens a new paragraph
        self._alone_ids: set[int] = set(box_ids or ())
        #: the lines that title a box under its 【】 name (:meth:`_box_column`)
        self._box_titles: set[int] = set()
        #: the lines of an article's data box (:attr:`LogicalText.box_ids`): running text, never a head
        self._box_ids: set[int] = set(box_ids or ())
        self.section_ids: dict[int, str] = {}
        self.body = E.body()
        self.section: etree._Element | None = None
        self.section_is_brief = False
        #: the open brief column's items have run-in heads (a title of its own ends it)
        self.run_in_column = False
        #: the open column holds numbered items (roles._column_items): a title without a number ends it
        self.numbered_column = False
        self.article: etree._Element | None = None
        self.sub: etree._Element | None = None
        #: numbered sub-headings open in the article: ``[(level, div)]``, outermost first
        self.subs: list[tuple[int, etree._Element]] = []
        self.para: etree._Element | None = None
        self.para_open = False
        #: the paragraph of the issue's editor's note just set (``div type="editorial"``), while the
        #: note is the last block: the rest of its last line may go on in it (:meth:`_line_tail`)
        self._note_p: etree._Element | None = None
        #: the line whose paragraph is open (its last line so far)
        self._para_line: Line | None = None
        self.article_closed = False
        #: a paragraph a page's end cut mid-sentence and the state it stood in (:meth:`_resume_cut`)
        self._cut = None
        self.poem: etree._Element | None = None
        self.stanza: etree._Element | None = None
        #: the next heading follows a boundary: the body's start, a page, a credit, a column …
        self.boundary = True
        self.n_section = 0
        self.n_article = 0
        #: the contents entry the open article matched, and how many more pieces its title says
        #: follow it unlisted (``…理事会（外五则）``: five)
        self._entry_open: int | None = None
        self._more_unlisted = 0
        self.n_other = 0
        self.headings_found = 0
        self.doubled = 0
        self.names = 0
        #: decisions that carry ``@cert``: ``(line, what, cert)``
        self.weak: list[tuple[Line, str, str]] = []
        #: no heading anywhere: two or more blank lines start a new untitled article
        self.structureless = structureless

    # -- classification -------------------------------------------------------------------
    def _entry_match(self, line: Line) -> int | None:
        """The contents entry *line* prints (its index), or ``None``. A line with a comma matches
        only an entry that holds one too, nearly letter for letter: a title of clauses
        (:func:`convert.reader.layout.clause_title`, ``拒不支付劳动报酬，包工头获刑一年``) as the list
        prints it; running text never."""
        if len(line.key) > 60 or any(c in "。；" for c in line.text):
            return None
        if line.key.startswith("——"):
            # a line led by a dash is a 副题 (GB/T 15834-2011 4.11, 破折号: it stands before a
            # subtitle), under its title: it matches only an entry printed so, letter for letter,
            # not another entry's title however alike (``——在县…会议上的讲话`` is no ``县…召开…会议``)
            return next((k for k, e in enumerate(self.entries) if e.target is None and e.key == line.key), None)
        if any(c in "，," for c in line.text):
            if len(bare := _unpunctuated(line.key)) >= 6 and len(line.key) <= 30:
                # the entry prints the same words without the comma and question mark (a 导读 drops
                # them, its column's name before the title or not: ``法律信箱：老人口头许诺的房子算不算数``)
                same = [i for i, e in enumerate(self.entries) if e.target is None and bare in (
                    _unpunctuated(e.key), _unpunctuated(re.sub(r"^[\u4e00-\u9fff]{2,6}[：:]", "", e.key)))]
                if same:
                    return same[0]
            if not clause_title(line.key):
                return None
            hits = [i for i, e in enumerate(self.entries)
                    if e.target is None and any(c in "，," for c in e.key) and abs(len(e.key) - len(line.key)) <= 3
                    and _similar(line.key, e.key) >= MATCH_RATIO]
            return hits[0] if hits else None
        if not (line.marked or heading_shape(line) or len(line.key) <= 50):
            return None
        best, best_i = 0.0, None
        for i, e in enumerate(self.entries):
            r = _similar(line.key, e.key)
            # a 导读 entry naming the 副刊 column before the title (``松风亭：父亲的菜园``, ``【青梓】秋夜听雨``)
            column = re.match(r"^(?:[\u4e00-\u9fff]{2,6}[：:]|【[^】]{1,12}】)(?=.{2})", e.key)
            if column:
                r = max(r, _similar(line.key, e.key[column.end():]))
            # an entry with a genre label in brackets after its title (``夜班的灯（诗歌）``): the head
            # prints the title without it
            if (bare := without_genre_label(e.key)) != e.key:
                r = max(r, _similar(line.key, bare))
            # an entry an earlier heading already took is matched again only exactly, and not by a
            # longer line that opens with it (the title's words opening the text under it; a jump
            # head is the title again or shortened)
            if e.target is not None and (r < 1.0 or (len(line.key) > len(e.key) and line.key.startswith(e.key))):
                continue
            if r > best:
                best, best_i = r, i
        return best_i if best >= MATCH_RATIO else None

    def _entry_tail(self, line: Line) -> bool:
        """*line* is the rest of a contents entry a wrap carried to a line of its own: some entry's
        title and *line* together are a line of the text (``…“个体工商户服务月”`` / ``七项举措``, the
        title printed whole in the body). The text's line keys are gathered once."""
        if self._line_keys is None:
            self._line_keys = {other.key for other in self.lines}
        return any(e.key + line.key in self._line_keys for e in self.entries)

    def _column_title_below(self, i: int, name: str) -> bool:
        """Under line *i* (an editor's note between or not) stands the title of a piece the
        contents list prints as ``name：title`` (``以案释法：许可证到期了还能卖烟吗``): the title
        the entry names, or, worded differently there (a 导读 retells a title), a title-shaped line
        with no role and no other entry's, a line of running text under it."""
        k = self._past_editorial(i + 1)
        if k >= len(self.lines):
            return False
        column = re.escape(name) + r"[：:]"
        found = self._entry_match(self.lines[k])
        if found is not None:
            return re.match(column, self.entries[found].key) is not None
        # the title as the entry prints it after the column's name, its punctuation left out (a
        # 导读 drops the title's comma and question mark: ``法律信箱：老人口头许诺的房子算不算数``)
        bare = _unpunctuated(self.lines[k].key)
        if self._role(k) is None and len(bare) >= 6 and any(
                (m := re.match(column, e.key)) and _unpunctuated(e.key[m.end():]) == bare for e in self.entries):
            return True
        return (self._role(k) is None and heading_shape(self.lines[k]) and k + 1 < len(self.lines)
                and self._role(k + 1) is None and paragraph_shape(self.lines[k + 1]))

    def _listed_person(self, i: int) -> bool:
        """Line *i* is an entry of a list of names one to a line (:data:`LISTED_PERSON_RE`: a post
        or a standing, a person's name, the unit in brackets: ``净水工　吕晓燕（城北水厂）``), under a
        line ending in a colon (…获得者是：) or under another such entry."""
        if i == 0 or not listed_person(self.lines[i].text):
            return False
        above = self.lines[i - 1]
        return above.text.rstrip()[-1:] in "：:" or LISTED_PERSON_RE.match(above.text.strip()) is not None

    #: The most characters the tail of a title the wrap cut before its last words holds
    #: (:meth:`_listed_title_tail`).
    TITLE_TAIL_MAX = 6

    def _listed_title_tail(self, i: int) -> bool:
        """Line *i* is the last words of the open article's title, which the wrap carried to a
        line of its own (…社会实践活动圆满 / 收官): right under the title's last line, a few words
        (:attr:`TITLE_TAIL_MAX`) with no punctuation, no role, and the contents entry the title
        matched ends with them while the title does not. Reads the article's head and its entry."""
        line = self.lines[i]
        if (i == 0 or self.article is None or self.lines[i - 1] is not self._last_head_line
                or not self._title_only() or self._role(i) is not None
                or not 2 <= len(line.key) <= self.TITLE_TAIL_MAX
                or any(c in CLAUSE_MARKS or c in "。！？!?" for c in line.key)):
            return False
        ident = self.article.get(XML_ID)
        entry = next((e for e in self.entries if e.target == ident), None)
        if entry is None:
            return False
        head = re.sub(r"\s+", "", "".join(self.article[-1].itertext()))
        return entry.key.endswith(line.key) and not head.endswith(line.key)

    def _centred(self, line: Line) -> bool:
        """*line* is set in centred (:func:`convert.reader.physical.set_in_centred`) with room to
        spare on its right: its indent and text fall short of the wrap's width (a paragraph's
        first line set in by a scan's skew reaches it)."""
        if not set_in_centred(line):
            return False
        indent = display_width(leading_blanks(line.raw.lstrip("\f")))
        return self.wrap_width is None or indent + extent(line.text) < self.wrap_width - 1

    def _in_collection(self) -> bool:
        """The open article's title names a collection of pieces (:data:`COLLECTION_TITLE_RE`:
        ``…学生诗词习作选``, ``萸山春行（三首）``, ``…作品小辑``): the pieces it gathers follow."""
        if self.article is None or not len(self.article) or not self.article[0].tag.endswith("}head"):
            return False
        # (the title is among the article's first children, after a kicker at most: a bounded look)
        head = next((h for h in self.article[:3] if h.tag.endswith("}head") and h.get("type") is None), None)
        return head is not None and COLLECTION_TITLE_RE.search(re.sub(r"\s+", "", "".join(head.itertext()))) is not None

    #: The longest title read with a comma in it where nothing but its place says title (:meth:`_comma_title`).
    COMMA_TITLE_MAX = 16

    def _comma_title(self, i: int) -> bool:
        """Line *i* is a short title with one comma in it (``听，职工这样说``: a box of quotes, a
        feature's part): :attr:`COMMA_TITLE_MAX` characters at most, one comma inside and no other
        punctuation, flush left or centred with room to its right (:meth:`_centred`) in a text whose
        paragraphs open indented (the line under it opens one: ``indent_opens``) or set apart by
        blank lines over a paragraph that ends its sentence (or, with no blank lines, over one at
        least twice as long or as wide as the wrap), right after a photo caption or a credit (a
        piece or a photo ended there, so it is no paragraph's last line; flush, it is no
        paragraph's first)."""
        line = self.lines[i]
        t = line.text.strip()
        if not (0 < len(line.key) <= self.COMMA_TITLE_MAX and t.count("，") == 1 and not t.endswith("，")
                and not any(c in "。；;：:,！？!?、" for c in t) and (not indented(line) or self._centred(line))):
            return False
        prev = self._role(i - 1) if i > 0 else None
        if not (i + 1 < len(self.lines) and self._role(i + 1) is None and prev is not None
                and prev.kind in ("caption", "credit")):
            return False
        nxt = self.lines[i + 1]
        # a paragraph opening indented under it, or (blocks set apart by blank lines) a blank line
        # on each side of it and running text under it
        return nxt.indent_opens or (paragraph_shape(nxt) and any(c in "。！？!?" for c in nxt.text) and (
            (self._blank_separated() and line.blank_before and nxt.blank_before)
            # (no blank lines: a line narrower than a wrapped one, less than half as long as the
            # paragraph under it or over one that reaches the wrap's width, no page's furniture
            # before it)
            or (not as_wide_as_wrapped(line, self.wrap_width)
                and not line.blank_before and not nxt.blank_before and not lead_marks(line.segments)[0]
                and (len(nxt.key) >= 2 * len(line.key) or as_wide_as_wrapped(nxt, self.wrap_width)))))

    #: The longest letter's title read with a comma in it (:meth:`_letter_title`).
    LETTER_TITLE_MAX = 24

    def _unnumbered_subs(self) -> bool:
        """The open article holds a sub-heading without a number (a part's head: 练前准备)."""
        return self.article is not None and any(
            not SUBHEAD_RE.match(re.sub(r"\s+", "", "".join(h.itertext())))
            for h in xpath(self.article, "tei:div[@type='subsection']/tei:head"))

    def _work_caption_sibling(self, line: Line) -> bool:
        """*line* names a work and its prize or year (``《老把式》（三等奖）``: a picture's or a
        poem's caption in a piece that shows several, :data:`WORK_CAPTION_RE`) and the open piece
        already holds a paragraph of that form: the works the piece shows, no title of its own."""
        if not WORK_CAPTION_RE.fullmatch(line.key) or self.article is None:
            return False
        return any(c.tag.endswith("}p") and WORK_CAPTION_RE.fullmatch(re.sub(r"\s+", "", "".join(c.itertext())))
                   for c in self.article.iter())

    def _letter_title(self, i: int) -> bool:
        """Line *i* is the title of a letter the paper prints: short (:attr:`LETTER_TITLE_MAX`), no
        role, no sentence end, a comma at most (楼下的油烟散了，心里的疙瘩也解开了), the writer's
        salutation (称呼：) under it, an editor's note between or not, then the letter's text. It may
        ask a question (楼道里的灯什么时候能亮？)."""
        if i + 2 >= len(self.lines) or self._role(i) is not None:
            return False
        line = self.lines[i]
        t = line.text.strip()
        if (not 0 < len(line.key) <= self.LETTER_TITLE_MAX or t.count("，") > 1 or any(c in "。；;：:" for c in t)
                or (sentence_final(t) and not t.endswith(("？", "?")))  # (a question may be the title)
                or t[-1:] in "，,、"):  # (no title ends with a comma: a clause the wrap cut)
            return False
        k = self._past_editorial(i + 1, ragged=True)
        return (k + 1 < len(self.lines) and SALUTATION_RE.match(self.lines[k].key) is not None
                and self._role(k) is None and self._role(k + 1) is None and paragraph_shape(self.lines[k + 1]))

    def _note_names_column(self, i: int) -> bool:
        """The editor's note under line *i* names the line as a column: its words in quotes, then
        栏目, 专栏 or 专版 (本报开设“基层治理看蔺川”专栏)."""
        note = "".join(self.lines[i + 1].text.split()) if i + 1 < len(self.lines) else ""
        return re.search("“" + re.escape(self.lines[i].key) + "”(?:栏目|专栏|专版)", note) is not None

    def _ended_over_editorial(self, i: int) -> bool:
        """The text above line *i* ended its sentence (a piece without a credit ended there), or a
        credit closed the article, or a boundary (a caption, a column's name) stands above it, and an
        editor's note stands right under the line: a line between a finished piece and an editor's
        note is no 引题 nor a title's rest (the note stands between a column's name and its first
        title: **支部在一线** / 编者按：… / the title)."""
        return (i > 0 and (self.article_closed or self.boundary or sentence_final(self.lines[i - 1].text))
                and i + 1 < len(self.lines)
                and (r := self._role(i + 1)) is not None and r.kind == "editorial")

    def _bulleted(self, k: int) -> bool:
        """Line *k* opens with a bullet (●, ■, ◆ …)."""
        return k < len(self.lines) and (self.lines[k].bullet or self.lines[k].text.lstrip()[:1] in BULLET_CHARS)

    def _listed_title_below(self, i: int) -> bool:
        """The line under line *i* (after an editor's note, :data:`EDITORIAL_NOTE_REACH` lines at
        most) is a title the contents list names (:meth:`_entry_match`) or the next entry not yet
        found, printed a little differently (:meth:`_next_unmatched`)."""
        k = self._past_editorial(i + 1, ragged=True)
        if k >= len(self.lines) or self._role(k) is not None or not heading_shape(self.lines[k]):
            return False
        return self._entry_match(self.lines[k]) is not None or self._next_unmatched(self.lines[k]) is not None

    def _next_entry(self) -> int | None:
        """The first contents entry after the last one matched, when no article took it yet, else
        ``None``."""
        taken = [k for k, e in enumerate(self.entries) if e.target is not None]
        k = taken[-1] + 1 if taken else 0
        return k if k < len(self.entries) and self.entries[k].target is None else None

    def _next_unmatched(self, line: Line) -> int | None:
        """The first contents entry after the last one matched (:meth:`_next_entry`), when it is
        like *line* (half its characters at least, in order: difflib's ratio ≥ 0.5)."""
        import difflib

        k = self._next_entry()
        if k is not None and difflib.SequenceMatcher(None, line.key, self.entries[k].key, autojunk=False).ratio() >= 0.5:
            return k
        return None

    def _next_loosely_named(self, line: Line) -> int | None:
        """The first contents entry after the last one matched (:meth:`_next_entry`), when it names
        *line* loosely (:func:`convert.reader.layout._loosely_named`: alike, or sharing one run of
        half the entry's characters, six at least), else ``None``."""
        k = self._next_entry()
        return k if k is not None and _loosely_named(self.entries[k].key, line.key) else None

    def _unprinted_next_entry(self, i: int) -> int | None:
        """The next contents entry no article took yet, when line *i* stands where its article
        would begin though worded differently (a contents list may shorten or reword a title):
        the article above ended with its credit, running text follows the line, the entry belongs
        to the column of the entry before it, and no line of the text is like the entry's title
        (:data:`MATCH_RATIO`; computed once for all entries)."""
        if not (self.boundary and self.article_closed) or i + 1 >= len(self.lines):
            return None
        if not paragraph_shape(self.lines[i + 1]) or self._role(i + 1) is not None:
            return None
        taken = [k for k, e in enumerate(self.entries) if e.target is not None]
        if not taken or taken[-1] + 1 >= len(self.entries):
            return None
        k = taken[-1] + 1
        if self.entries[k].section != self.entries[k - 1].section:
            return None
        if self._printed is None:
            shorts = [line.key for line in self.lines if len(line.key) <= 60 and not any(c in "。；，," for c in line.text)]
            self._printed = {n for n, e in enumerate(self.entries)
                             if any(_similar(key, e.key) >= MATCH_RATIO for key in shorts)}
        return None if k in self._printed else k

    def _role(self, i: int) -> Role | None:
        return self.roles.get(i)

    def _subtitle_then_author(self, i: int) -> bool:
        """Under line *i* its 副题, led by a dash (GB/T 15834-2011 4.11: the 破折号 stands before a
        subtitle; short, no sentence end), and under that an author line or lead-in (a role the
        passes gave): the head of an article in three lines (正题, ——副题, author), as a journal
        sets an interview or a feature. Two lines looked at."""
        if i + 2 >= len(self.lines) or self._role(i + 1) is not None:
            return False
        sub, role = self.lines[i + 1], self._role(i + 2)
        return (sub.key.startswith("——") and len(sub.key) <= 50 and sub.text.rstrip()[-1:] not in "。；;！？!?"
                and role is not None and role.kind in ("byline", "lead-in"))

    def _only_captions_after(self, i: int) -> bool:
        """The lines after line *i* are photo captions, up to a page credit, a page label or the
        body's end (a photo column's content: newspaper practice, 图片新闻). Scans the run of
        captions once."""
        j = i + 1
        while j < len(self.lines):
            role = self._role(j)
            if role is None or role.kind not in ("caption", "page-credit", "page-label"):
                return False
            if role.kind != "caption":
                return j > i + 1
            j += 1
        return j > i + 1

    def _next_is_heading(self, i: int) -> bool:
        """The line under line *i* (no role) has a heading's shape or markup and is no paragraph,
        directory entry, form field, row of a list set in columns, item of a bulleted list (● …
        with a sibling of the same mark: a data box's figures) nor the rest of a line a page
        break cut."""
        if i + 1 >= len(self.lines) or self._role(i + 1) is not None:
            return False
        nxt = self.lines[i + 1]
        return ((nxt.marked or heading_shape(nxt)) and not paragraph_shape(nxt) and not directory_entry(nxt)
                and not (not nxt.marked and self._bullet_run(i + 1))
                and not DATED_ENTRY_RE.match(nxt.text)  # (a dated item opens no title)
                and not contact_line(nxt.key)  # (nor a contact line: 服务热线：96616)
                and (i + 1) not in self._form_fields and (i + 1) not in self._column_listed
                and (i + 1) not in self._unit_listed and self._cut_open_by_break(i + 1) is None)

    def _same_bullet(self, i: int, j: int) -> bool:
        """Line *i* opens with a bullet mark (:data:`convert.reader.layout.BULLET_CHARS`) and line
        *j* (in range, no role) opens with the same mark."""
        mark = self.lines[i].text.lstrip()[:1]
        return (bool(mark) and mark in BULLET_CHARS and 0 <= j < len(self.lines) and self._role(j) is None
                and self.lines[j].text.lstrip()[:1] == mark)

    def _bullet_run(self, i: int) -> bool:
        """Line *i* opens with a bullet mark and so does the line right before or after it (no
        role on either): two items or more of one bulleted list (a data box's lines of figures),
        none of them a title."""
        if not 0 <= i < len(self.lines) or self._role(i) is not None:
            return False
        return self._same_bullet(i, i - 1) or self._same_bullet(i, i + 1)

    def _bullet_next(self, i: int) -> bool:
        """Line *i* opens with a bullet mark and the line after it (no role) opens with the same."""
        return self._same_bullet(i, i + 1)

    def _table_piece(self, i: int) -> bool:
        """Line *i* is the title of a piece whose body is a table (TEI P5 §14.1.1; a results list,
        a medal table, a schedule printed as an item of its own): the line right under it is the
        first row of a table that has no title of its own (:func:`roles.find_tables` found none),
        and the line stands apart as a title does: after the article above closed (its credit)
        or a column's name, or after a brief column's last item closed by its credit (the line
        has no run-in head of its own, 12月社区活动预告); or centred (set in deeper than a paragraph's first-line indent,
        段首空两字, as the titles of a text laid out so are) after a blank line, under a line that
        ends a sentence, with a blank line between it and the rows too. A caption set flush over
        its table inside an article (…整改要求 / prose / 交办清单 / rows), or after a clause mark
        (…如下：), is the table's or the paragraph's, no piece's title."""
        if i + 1 >= len(self.lines):
            return False
        role = self._role(i + 1)
        if role is None or role.kind != "table" or role.data.get("part") != "row":
            return False
        if self.boundary and (self.article is None or self.article_closed):
            return True
        line, first = self.lines[i], self.lines[i + 1]
        if i > 0 and self._in_brief() and not self.para_open and (above := self._role(i - 1)) is not None \
                and above.kind == "brief" and not whole_bracket(line.text):
            # after a column's last brief item (its run-in head, its text closed by its credit), a
            # line with no run-in head of its own right over the rows: no item of the column (the
            # items share their form) but the title of the piece the table is (活动预告)
            return True
        if not (line.blank_before and first.blank_before) or i == 0:
            return False
        if indent_width(line) <= 2:
            return False
        above = self.lines[i - 1]
        return self._role(i - 1) is None and sentence_final(above.text)

    def _opens(self, i: int) -> str | None:
        """What after line *i* opens an article under it (a lead-in, an author line, verse, a
        subtitle ——…), else ``None``."""
        role = self._role(i + 1)
        if role is not None and role.kind in OPENING_ROLES:
            return {"lead-in": "a lead-in (本报讯)", "byline": "an author line", "verse": "verse",
                    "editorial": "an editor's note"}[role.kind]
        if i + 1 < len(self.lines) and self.lines[i + 1].key.startswith("—") and role is None:
            return "a subtitle (——…)"
        return None

    def _balanced_siblings(self, i: int) -> bool:
        """Line *i* has the ``X，Y`` sub-heading shape and another line of that shape stands in
        the same article (between the nearest headings of the contents list or markup). A line of
        that shape right after running text that stopped mid-sentence is no sibling: a sub-heading
        stands between paragraphs, so that line is the middle of a paragraph the wrap cut
        (``…召开2023年度收`` / ``益中的12.6万元，按股向全村分``)."""
        if not balanced_subheading(self.lines[i].key):
            return False
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= 60:
                other = self.lines[j]
                if self._heads_another_piece(other):
                    break
                if balanced_subheading(other.key) and not self._inside_paragraph(j):
                    return True
                j += step
        return False

    def _heads_another_piece(self, line: Line) -> bool:
        """*line* is marked (# or bold), a column's name or a contents entry's title: the search for
        a sub-heading's sibling stops there (another piece or column begins)."""
        return line.marked or line.key in self.section_keys or (
            bool(self.entries) and self._entry_match(line) is not None)

    def _past_editorial(self, k: int, ragged: bool = False) -> int:
        """Line *k*, or the first line after the editor's note that starts there (the ``editorial``
        role, :data:`EDITORIAL_NOTE_REACH` lines at most; the text's last line at most). With
        *ragged*, the note's lines a ragged wrap left apart (no role, no heading's shape, no letter's
        salutation) go with it."""
        j, note = k, False
        while j < len(self.lines) - 1 and j - k < EDITORIAL_NOTE_REACH:
            r = self._role(j)
            if r is not None and r.kind == "editorial":
                note = True
            elif not (ragged and note and r is None and not heading_shape(self.lines[j])
                      and not SALUTATION_RE.match(self.lines[j].key)):  # (编辑同志： opens a letter)
                break
            j += 1
        return j

    def _column_listed_in_contents(self, line: Line) -> bool:
        """The contents list names the column *line* heads (its name, brackets or not)."""
        names = {k for key in self.section_keys for k in (key, column_name(key))}
        return line.key in names or column_name(line.key) in names

    def _labelled_siblings(self, i: int) -> bool:
        """Line *i* is a numbered sub-heading of a label and its theme (GB/T 15834-2011 B.3.8
        numbers, :data:`LABELLED_SUBHEAD_RE`: ``三、预警：宁可提前，不可滞后``) and a sibling of the
        same form, the number before or after it at its level, stands within 40 lines of the same
        article, none of a higher level between, on a line of its own: the series' headings share
        their form (the theme's comma does not make the line a sentence)."""
        found = _labelled_level(self.lines[i])
        if found is None:
            return False
        level, n = found
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= 40:
                other = self.lines[j]
                if self._heads_another_piece(other):
                    break
                o = numbered_parts(other)
                if o is not None and o[0] < level:
                    break
                if o is not None and o[0] == level and o[1] == n + step:
                    return bool(LABELLED_SUBHEAD_RE.fullmatch(o[2])) and not self._inside_paragraph(j)
                j += step
        return False

    def _inside_paragraph(self, j: int) -> bool:
        """Line *j* follows, with no blank line between, a line of running text that stops
        mid-sentence (:func:`convert.reader.layout.unfinished`) and is no ``X，Y`` line itself:
        it goes on with that text."""
        if j == 0 or self.lines[j].blank_before:
            return False
        prev = self.lines[j - 1]
        return paragraph_shape(prev) and unfinished(prev.text) and not balanced_subheading(prev.key)

    def _continued_title(self, first: Line | None, second: Line) -> bool:
        """*second* goes on with the title *first* began (the extraction wrapped it), rather
        than being the title under a kicker: *first* leaves a quote or bracket open, is marked
        as a heading while *second* is not, the two together are a title the contents list names
        whole, *first* is as wide as a hard-wrapped line, or (in hard-wrapped text) *second* is a
        short tail right under it."""
        if first is None:
            return False
        if self._open_mark(first):
            return True
        if first.marked and not second.marked:
            return True
        joined = first.key + second.key
        if any(_similar(joined, e.key) >= MATCH_RATIO > _similar(second.key, e.key) for e in self.entries):
            # the two lines together are a title the contents list names whole (第三季度安全隐患 /
            # 排查整治情况通报 for 三季度安全隐患排查整治情况通报): a title a narrow column wrapped
            return True
        # in hard-wrapped text, a short tail on the very next line (a headline wraps narrower than
        # the body text, at its larger type: ``…研究部署`` / ``防汛工作``); a 引题 is shorter than its title
        if (self.wrap_width is not None and not second.blank_before and not second.key.startswith("—")
                and len(second.key) <= 0.6 * len(first.key)):
            return True
        if second.blank_before:
            return False  # a wrap leaves no blank line inside a title (a 引题 set in smaller type over its title may)
        if len([p for p in re.split(r"\u3000+| {2,}", first.text.strip()) if len(p) >= 4]) == 2:
            # two phrases set apart by a wide gap (收购烟叶4.86万担　上等烟比例62.3%): a 引题's or
            # a couplet title's halves, whole; the wrap cuts a title at the column's end, not at its gap
            return False
        # as wide as the wrapped lines around it (the unwrapping's local measure) or as the text's
        return as_wide_as_wrapped(first, self.wrap_width) or any("as wide as a wrapped line" in e for e in first.evidence)

    #: A 引题 of two parallel phrases (even in length) set apart by a wide gap (an ideographic space or two spaces:
    #: ``守护文化根脉　共享非遗成果``), as a head's first line is set over its main title (newspaper
    #: and journal practice: 引题 often a couplet of even phrases); a wrapped title has no gap.
    COUPLET_RE = re.compile(r"^[\u4e00-\u9fff“”‘’]{3,12}(?:\u3000+| {2,})[\u4e00-\u9fff“”‘’]{3,12}$")

    def _kicker_shape(self, first: Line, second: Line) -> bool:
        """*first* (a title line read as the article's heading) is the 引题 over *second*, not the
        first piece of a title *second* goes on: the source marks *second* as a heading and not
        *first* (``守护文化根脉`` / ``## 我县举办…``), or *first* is two parallel phrases set apart by a
        wide gap (:attr:`COUPLET_RE`) and *second* no dash-led subtitle, *first* leaving no quote or
        bracket open."""
        if self._open_mark(first) or second.key.startswith("—"):
            return False
        if second.marked and not first.marked:
            return True
        # (a short tail right under it, no blank line between, is the rest of a title the wrap cut:
        # ``田径比赛收官　城关镇代表队`` / ``获团体总分第一``)
        if not second.blank_before and len(second.key) <= 0.6 * len(first.key):
            return False
        # (a couplet's phrases are even, 对仗: ``守护文化根脉　共享非遗成果``; a title the wrap cut
        # inside its second phrase, ``田径比赛收官　城关镇`` / ``代表队获团体总分第一``, is not)
        parts = first.text.split()
        return (bool(self.COUPLET_RE.match(first.text.strip())) and len(second.key) >= 6
                and len(parts) == 2 and abs(len(parts[0]) - len(parts[1])) <= 1)

    def _cut_open_by_break(self, i: int) -> str | None:
        """Line *i* (15 characters or more) leaves a mark open right before an old page break and
        the line after the break closes it, going on as running text: the mark (a paragraph the
        break cut), else ``None``."""
        line = self.lines[i]
        if len(line.key) < 15 or not self._open_mark(line) or not self._page_breaks_after(i):
            return None
        return self._closes_open_mark(line, self.lines[i + 1])

    @staticmethod
    def _closes_open_mark(line: Line, nxt: Line) -> str | None:
        """The opening mark *line* leaves open (``“``, ``（`` …) when *nxt* closes it and goes on as
        running text after it, else ``None``."""
        t, u = line.text, nxt.text
        for a, b in ("“”", "‘’", "（）", "()", "《》", "「」"):
            if t.count(a) > t.count(b) and b in u and u.count(b) > u.count(a) and paragraph_shape(nxt):
                return a
        return None

    @staticmethod
    def _open_mark(line: Line) -> bool:
        """*line* leaves a quote or bracket open (a title wrapped inside it)."""
        t = line.text
        return any(t.count(a) > t.count(b) for a, b in ("“”", "‘’", "（）", "()", "《》", "【】", "「」"))

    def _line_tail(self, i: int) -> str | None:
        """Why line *i* is the rest of the printed line above it rather than a title, else
        ``None``: a text hard-wrapped at one measure and set again at a narrower one (a scan, a
        PDF of text typed with hard line ends) breaks each printed line in two, a line as wide as
        the new measure and a short rest. When the cut falls right after a sentence end, the rest
        stands alone, short and unpunctuated, like a title. It is that rest when the line above is
        running text that ends a sentence and fills the measure (a paragraph's last line seldom
        does: a paragraph ends where its words end), no blank line stands before or after it, and
        running text follows with nothing that opens an article (an author line, a lead-in, a
        subtitle, a first-line indent: 段首缩进) and no boundary before it (a credit, a page). The
        line above may be an issue's editor's note set as a division of its own (编者按：…, running
        text too: :meth:`_note_above`)."""
        if self.wrap_width is None or i == 0 or i + 1 >= len(self.lines):
            return None
        note = self._note_above(i)
        if not note and (self.boundary or self.para is None):
            return None
        prev, line, nxt = self.lines[i - 1], self.lines[i], self.lines[i + 1]
        if (line.blank_before or nxt.blank_before or (self._role(i - 1) is not None and not note)
                or self._role(i + 1) is not None
                or self._opens(i) or not paragraph_shape(nxt) or indented(nxt) or line.key.startswith("—")
                or SUBHEAD_RE.match(line.key) or DOCUMENT_TITLE_RE.match(line.key)
                or as_wide_as_wrapped(line, self.wrap_width)):
            return None
        last = self.physical.get(prev.end_no, prev) if prev.end_no > prev.no else prev
        if not (sentence_final(prev.text) and paragraph_shape(prev) and as_wide_as_wrapped(last, self.wrap_width)):
            return None
        found = self._old_measure()
        if found is None:
            return None
        measure, full = found
        if len(last.key) < full or abs(len(last.key) + len(line.key) - measure) > 1:
            return None
        return (f"short, after a sentence end that fills the measure, the two as long as a line of the text set before "
                f"({measure} characters), running text after it and no blank line: the rest of the printed line above, "
                "set again narrower (weak: it could be a title)")

    def _leaves_column(self, i: int, entry: int | None = None) -> str | None:
        """Why the article whose title is line *i* stands after the open column (栏目, a 【】 name)
        rather than in it, else ``None``. A column gathers pieces of one kind under its name; in a
        briefing or journal (not a newspaper) whose column so far holds only pieces signed under
        their titles (a unit and a name: an 经验交流 piece written by its author) and no credit
        after their text, a piece with no author line under its title whose text (no line of a
        title's shape in it, photo captions aside) ends with a bracketed credit (（…供稿）: an item
        the office edited, as those before the column) is of the other kind: the column has ended.
        Weak (``@cert``, the warning names the line): a printed contents list that names the piece
        (its *entry*) under the open column's name is stronger, and keeps it in the column. An
        editors' piece (:data:`EDITORS_PIECE_RE`)
        ends any open column: it speaks of the issue. Linear: the lines ahead are read once, in
        one backward pass (:meth:`_ahead`)."""
        if self.section is not None and EDITORS_PIECE_RE.match(self.lines[i].key):
            return ("an editors' piece (编后记, 编者的话, 卷首语: the editors speak of the whole issue), no piece of "
                    "the open column: the column has ended")
        if self.section is None or self.section_is_brief or self.family == "newspaper" or i + 2 >= len(self.lines):
            return None
        if entry is not None and self.entries[entry].section is not None \
                and self.section_ids.get(self.entries[entry].section) == self.section.get(XML_ID):
            return None  # the contents list prints the piece under the open column
        pieces = xpath(self.section, "tei:div[@type='article']")
        if not pieces or not all(
                xpath(d, "tei:byline[not(preceding-sibling::tei:p or preceding-sibling::tei:div)]")
                and not xpath(d, "tei:byline[preceding-sibling::tei:p or preceding-sibling::tei:div]") for d in pieces):
            return None
        next_role, titles = self._ahead()
        j = next_role[i + 1]
        if j is None or j == i + 1 or self._role(j).kind != "credit" or titles[i + 1] != titles[j]:
            return None
        return ("a piece not signed under its title, its text ending with a credit (" + self.lines[j].key[:16]
                + "), after a column of pieces signed under their titles: the column has ended (weak)")

    def _ahead(self) -> tuple[list[int | None], list[int]]:
        """``(next_role, titles)`` over the body's lines, computed once: ``next_role[j]`` the first
        line from *j* on with a role other than a photo caption (``None``: none), ``titles[j]``
        how many lines from *j* on have no role and a title's shape (:func:`heading_shape`)."""
        if getattr(self, "_ahead_cache", None) is None:
            n = len(self.lines)
            next_role: list[int | None] = [None] * (n + 1)
            titles = [0] * (n + 1)
            for j in range(n - 1, -1, -1):
                role = self._role(j)
                next_role[j] = j if role is not None and role.kind != "caption" else next_role[j + 1]
                titles[j] = titles[j + 1] + (1 if role is None and heading_shape(self.lines[j]) else 0)
            self._ahead_cache = (next_role, titles)
        return self._ahead_cache

    def _note_above(self, i: int) -> bool:
        """Line *i* comes right after an issue's editor's note set as a division of its own (an
        ``editorial`` line, its paragraph the last block built: ``_note_p``)."""
        role = self._role(i - 1)
        return (role is not None and role.kind == "editorial" and self._note_p is not None
                and self._note_p.getparent() is not None and self._note_p.getparent() is self._container()[-1])

    def _old_measure(self) -> tuple[int, int] | None:
        """``(old, full)`` when the text was hard-wrapped and set again at a narrower measure:
        *old* the number of characters of a line as it was first set, *full* the fewest a line
        of the new measure holds (the median of the wide lines of the pairs below, less three:
        digits and a line end before a mark no line may start with make a line a little
        shorter); else ``None``. CJK text is set on a grid, every full line the same number of
        characters (GB/T 9704-2012 5.2.3: 28 to a line); set again narrower, each such line gives
        a line as wide as the new measure and a short rest, the two together as long as the old
        line, pair after pair. Found when the most common length of such pairs (a line as wide as
        the wrap, a narrower one right under it) holds five of them at least and half of them
        (±1 character); computed once, in one pass over the body's physical lines."""
        if self._measure is not None:
            return self._measure or None
        self._measure = ()
        if self.wrap_width is None or not self.lines or not self.physical:
            return None
        parts = [part for line in self.lines for part in physical_parts(line, self.physical)]
        pairs: list[tuple[int, int]] = []
        sums: dict[int, int] = {}
        for a, b in zip(parts, parts[1:]):
            if b.blank_before or not a.key or not b.key:
                continue
            if as_wide_as_wrapped(a, self.wrap_width) and not as_wide_as_wrapped(b, self.wrap_width):
                n = len(a.key) + len(b.key)
                pairs.append((n, len(a.key)))
                sums[n] = sums.get(n, 0) + 1
        if sums:
            best = max(sums, key=lambda n: (sums.get(n - 1, 0) + sums[n] + sums.get(n + 1, 0), sums[n]))
            wide = sorted(w for n, w in pairs if abs(n - best) <= 1)
            if len(wide) >= 5 and 2 * len(wide) >= len(pairs):
                self._measure = (best, wide[len(wide) // 2] - 3)
        return self._measure or None

    def _box_column(self, i: int) -> bool | None:
        """Line *i*, a name in 【】 (a ``section`` role), names a box (:data:`BOX_COLUMN_RE`:
        【统计知识】, 【政策链接】) standing after a piece's end (a boundary: its credit; at the
        body's start such a name is a column's) over one titled piece only: ``True`` when a short
        title-shaped line stands under it over running text (the box's title), no second title
        follows a finished text before the next column or page label, and no credit signs the text
        (:meth:`_signed_piece`: a signed piece is the column's article); ``"untitled"`` for a notice's
        name in 【】 (【温馨提示】: :data:`BOX_LABEL_RE`, :data:`BOX_NAME_RE`) over untitled items (①…,
        1.…, ●…) and no titled piece after it; else ``None`` (a column)."""
        line = self.lines[i]
        inner = line.key[1:-1] if line.key[:1] == "【" and line.key[-1:] == "】" else ""
        if (inner and not BOX_COLUMN_RE.match(line.key) and (BOX_LABEL_RE.match(inner) or BOX_NAME_RE.match(inner))
                and self.article is not None and i + 1 < len(self.lines) and self._role(i + 1) is None
                and re.match(r"\s*(?:[①-⑳]|\d{1,2}[.．、]|[" + BULLET_CHARS + "])", self.lines[i + 1].text)
                and not self._titled_piece_after(i + 1)):
            # a notice's name in 【】 (【温馨提示】) over untitled advice in items (①…②…, 1.…) and no
            # titled piece after it before the next column: a box set beside the stories, untitled
            # (one paragraph under such a name, 【工作提示】, is the column's notice)
            return "untitled"
        if not BOX_COLUMN_RE.match(line.key) or not self.boundary or self.article is None:
            return None
        j = i + 1
        if not (j + 1 < len(self.lines) and self._role(j) is None and heading_shape(self.lines[j])
                and paragraph_shape(self.lines[j + 1]) and self._role(j + 1) is None):
            return None  # (an untitled one, 【名词解释】 over term：definition lines, stays a column)
        j += 1
        if self._titled_piece_after(j + 1):
            return None  # a second piece (a title after a finished text): a column
        if self._signed_piece(j + 1):
            return None  # a signed piece (its credit closing it, （县…站　X）): the column's article
        return True

    def _signed_piece(self, start: int) -> bool:
        """From line *start* to the next column name or page label, a credit (the ``credit`` role:
        ``（县粮油质量监测站　葛晓岚）``) closes the text: a signed piece, as a column's articles are;
        a box's text set beside the stories is unsigned."""
        for k in range(start, len(self.lines)):
            role = self._role(k)
            if role is not None and role.kind in ("section", "page-label"):
                return False
            if role is not None and role.kind == "credit":
                return True
        return False

    def _titled_piece_after(self, start: int) -> bool:
        """From line *start* to the next column name or page label, a title stands after a
        finished text (a title-shaped line over running text, the line above it ending a
        sentence): a piece of its own."""
        for k in range(start, len(self.lines)):
            role = self._role(k)
            if role is not None and role.kind in ("section", "page-label"):
                return False
            if (role is None and k > 0 and heading_shape(self.lines[k]) and k + 1 < len(self.lines)
                    and paragraph_shape(self.lines[k + 1]) and self._role(k + 1) is None
                    and self.lines[k - 1].text.rstrip()[-1:] in "。！？!?”）)"):
                return True
        return False

    def _feature_subhead(self, i: int, any_family: bool = False) -> bool:
        """In a newspaper (or any bulletin, *any_family*: the caller knows the line is no title the
        printed contents list names), a short heading inside a signed article (after its running
        text, no boundary before it, plain running text after it) with a sibling of that shape
        before it or further on before the article ends: a feature's sub-heading, not a new
        article."""
        if (self.family != "newspaper" and not any_family) or self.article is None or self.article_closed:
            return False
        if self.boundary and not (self.family != "newspaper" and len(self.article)
                                  and self.article[-1].tag.endswith("}figure")):
            # (a photo's caption and credit inside a journal's piece are no boundary of it; a
            # newspaper's story often ends with its photo, the next title a story of its own)
            return False
        # (the article's text has begun: a paragraph, or the 编者按 that opens a profile's body)
        if not xpath(self.article, "tei:p|tei:note[@type='editorial']") or self._opens(i) or len(self.lines[i].key) > 14:
            return False
        nxt_role = self._role(i + 1) if i + 1 < len(self.lines) else None
        if i + 1 >= len(self.lines) or not (
                (nxt_role is None and paragraph_shape(self.lines[i + 1]))
                # (a bold one over numbered points, **动作要领** / 1.转头望肩: the points are its own)
                or (self.lines[i].all_bold and nxt_role is not None and nxt_role.kind == "subhead")):
            return False  # a column's name over a title (基层传真 over its first item), no sub-heading
        if not xpath(self.article, "tei:opener|tei:byline[not(preceding-sibling::tei:p)]"):
            return False  # a signed story (a lead-in, an author line under its title) has sub-heads
        numbered = bool(SUBHEAD_RE.match(self.lines[i].key))
        if any(bool(SUBHEAD_RE.match(re.sub(r"\s+", "", "".join(h.itertext())))) == numbered
               for h in xpath(self.article, "tei:div[@type='subsection']/tei:head")):
            # a sibling before it, of its form: numbered sub-heads (一、 …, GB/T 15834-2011 B.3.8)
            # are no siblings of an unnumbered line (a notice's 五、温馨提示 over a piece of its own)
            return True
        for j in range(i + 2, min(len(self.lines), i + 40)):
            role = self._role(j)
            if role is not None and role.kind == "caption":
                continue  # (a photo's caption inside the piece: no end of it)
            if role is not None and role.kind in BOUNDARY_ROLES + ("lead-in", "byline", "brief"):
                return False
            other = self.lines[j]
            if (heading_shape(other) and len(other.key) <= 14 and role is None and j + 1 < len(self.lines)
                    and paragraph_shape(self.lines[j + 1]) and self._role(j + 1) is None):
                return True
        return False

    def _question_title(self, i: int) -> tuple[str, str] | None:
        """``(evidence, cert)`` when line *i* is the title of a question-and-answer piece (政策问答,
        答记者问), else ``None``: one question (:data:`QUESTION_TITLE_RE`, a label and a colon before
        it or not), not itself a question of a pair, not indented where the body's paragraphs
        open indented, with the first question of the pairs (:data:`QUESTION_LINE_RE`, 问：…) right
        under it, and a boundary before it (a credit, a column name, the body's start) or the
        label. A question mark ends the line, so the heading shape refuses it; its place (at a
        piece's start) and what follows (the piece's 问：/答： pairs, run-in labels, no heads) make
        it the piece's title. ``@cert`` high with both the boundary and the label, else medium."""
        line = self.lines[i]
        m = QUESTION_TITLE_RE.match(line.key)
        if (m is None or QUESTION_LINE_RE.match(line.key) or i + 1 >= len(self.lines)
                or not QUESTION_LINE_RE.match(self.lines[i + 1].key) or self._role(i + 1) is not None
                or (indented(line) and self._paragraphs_indented() and not set_in_centred(line))):
            return None
        if not (self.boundary or m.group(1)):
            return None
        why = "one question, the first question of a 问：/答： piece under it"
        why += "; a label and a colon before the question" if m.group(1) else ""
        why += "; a boundary before it" if self.boundary else ""
        return why, "high" if (self.boundary and m.group(1)) else "medium"

    def _right_under_title(self, i: int) -> bool:
        """Line *i* stands right under the last heading line, no blank line between, and the source
        marks it as no heading of its own."""
        line = self.lines[i]
        return i > 0 and self.lines[i - 1] is self._last_head_line and not line.blank_before and not line.marked

    def _column_question(self, i: int) -> bool:
        """Line *i* is a question printed as the title of a column's first piece
        (:func:`convert.reader.logical.roles.column_question`: :data:`QUESTION_HEAD_RE`, right under
        a column name)."""
        role = self._role(i - 1)
        return (i > 0 and role is not None and role.kind == "section" and len(self.lines[i].key) <= 32
                and QUESTION_HEAD_RE.match(self.lines[i].key) is not None)

    def _titles_addressees(self, i: int) -> bool:
        """Line *i* is a document's title (关于…的通报: GB/T 9704-2012 7.3.1) and the next line its
        主送 line (7.3.3: the bodies addressed, under the title, a colon after the last): a title,
        wherever the page broke."""
        from convert.reader.physical import addressee_line

        return (bool(DOCUMENT_TITLE_RE.match(self.lines[i].key)) and i + 1 < len(self.lines)
                and addressee_line(self.lines[i + 1]))

    def _page_breaks_after(self, i: int) -> bool:
        """An old page break (furniture, a form feed) stands right after line *i*: the next line
        opens with its milestones."""
        if i + 1 >= len(self.lines):
            return False
        segs = self.lines[i + 1].segments
        return bool(segs) and is_mark(segs[0][0])

    def _shape_cert(self, i: int, line: Line) -> tuple[str, str]:
        """``(cert, evidence)`` of a heading inferred from line *i*'s shape (module docstring)."""
        score, why = 1, []
        if self.boundary:
            score += 1
            why.append("a boundary before it")
        opens = self._opens(i)
        if opens:
            score += 1
            why.append(opens + " after it")
        elif DOCUMENT_TITLE_RE.match(line.key):
            score += 1
            why.append("shaped like a document's title (关于…的通报: GB/T 9704-2012 7.3.1)")
        if (line.cert and not line.weak_join) or any(c in "！？!?" for c in line.text):
            score -= 1
            why.append("an exclamation or question mark inside, or as wide as a wrapped line")
        if len(line.key) < 4:
            score -= 1
            why.append("very short")
        cert = "high" if score >= 3 else "medium" if score == 2 else "low"
        return cert, "; ".join(why)

    def classify(self, i: int) -> Heading | None:
        """Decide whether line *i* (with no role) is a heading and of what kind (``None``: running
        text).

        Evidence, strongest first: a section name or an entry of the printed contents list; the
        source's markup (``#`` whatever punctuation the line holds; a wholly bold line unless it
        is a finished sentence); a bare ``X，Y`` sub-heading with a sibling of the same shape;
        the line's shape (short, no sentence punctuation) with running text (or a lead-in, an
        author line …) after it, scored by :meth:`_shape_cert`.
        """
        line = self.lines[i]
        if line.key in self.section_keys:
            return Heading("section", why="a section name of the contents list")
        if (len(line.key) <= 6 and i + 1 < len(self.lines) and any(
                e.key.startswith(line.key + "：") or e.key.startswith(line.key + ":") for e in self.entries)
                and self._column_title_below(i, line.key)):
            # the column's name the 导读 entry prints before the title (``一线故事：铁塔上的…``), alone
            # over that title (an editor's note may stand between: **读者来信** / 编者按：… / the
            # letter's title): the column the piece stands in (a newspaper's 栏目 tag over a feature)
            return Heading("section", why="the column's name a contents entry prints before its title, over that "
                                          "title", cert="medium")
        if (WORK_CAPTION_RE.fullmatch(line.key) and i + 1 < len(self.lines)
                and WORK_CREDIT_RE.match(self.lines[i + 1].text.strip())):
            # a work's name and its prize or year (《老把式》（三等奖）) over its maker's credit (黎晓棠
            # 作品, 杨启帆　摄): the caption of a work a piece shows, no title
            line.note("paragraph", "a work's name and prize over its maker's credit: the work's caption, not a title")
            self._alone_ids.add(id(line))
            return None
        if (i > 0 and WORK_CREDIT_RE.match(line.text.strip()) and WORK_CAPTION_RE.fullmatch(self.lines[i - 1].key)
                and len(line.key) <= 40):
            line.note("paragraph", "a work's maker's credit under its name and prize: the work's caption, not a title")
            self._alone_ids.add(id(line))
            return None
        entry = self._entry_match(line)
        if (entry is not None and COLUMN_ENTRY_RE.fullmatch(line.key) and i + 2 < len(self.lines)
                and self._role(i + 1) is None and self._entry_match(self.lines[i + 1]) is None
                and heading_shape(self.lines[i + 1]) and not any(c in "，,。；;：:" for c in self.lines[i + 1].text)
                and self._role(i + 2) is None and paragraph_shape(self.lines[i + 2])):
            # a 要目 entry naming a column of news items (各地动态, 工作简讯), over an item's title
            # the list does not name and its text: the column, its items pieces of it
            return Heading("section", entry, why=f"matches contents entry {entry + 1}, a column of news items over "
                                                 "a title the list does not name", cert="medium")
        if entry is not None:
            return Heading("article", entry, why=f"matches contents entry {entry + 1}")
        if (self._right_under_title(i) and line.key[:1] in TITLE_REST_OPENING and heading_shape(line)
                and self._title_only()):
            # right under the title, a line opening with a particle no title opens with (…防范应对工作 /
            # 的紧急通知（摘要）): the title's rest a wrap carried over, never the next title
            return Heading("article", why="opens with a particle no title opens with (的): the rest of the title "
                                          "right above it", cert="medium")
        if (not self.para_open and self._right_under_title(i) and as_wide_as_wrapped(line, self.wrap_width)
                and display_width(line.text.strip()) >= display_width(self.lines[i - 1].text.strip()) + WIDER_THAN_TITLE
                and i + 1 < len(self.lines) and self._role(i + 1) is None and not self.lines[i + 1].blank_before
                and not self.lines[i + 1].marked and paragraph_shape(self.lines[i + 1])
                # (not under a 引题 of two phrases apart by a gap, nor over a ——subtitle: a title)
                and "\u3000" not in self.lines[i - 1].text.strip() and not self.lines[i + 1].key.startswith("—")
                and not line.key.startswith("—")
                # (nor under a column's name, nor over a line its indent opens as a paragraph)
                and self.lines[i - 1] is not self._last_section_line and not self.lines[i + 1].indent_opens
                and not indented(self.lines[i + 1])):
            # under a title narrower than the measure, a line as wide as a wrapped one and wider than
            # the title, running text right under it, no blank line between: the first line of the
            # piece's text (2026年度…政策解读 / 2026年度…集中参保缴费工作已 / 于9月1日启动，…): a wrap
            # fills a title's first line before it cuts, so a wider line is no wrapped title's rest
            line.note("paragraph", "as wide as a wrapped line and wider than the title above it, running text under "
                                   "it: the text's first line, no rest of the title (a wrap fills a line before it cuts)")
            return None
        if (self.para_open and self.para is not None and item_number(line.text) is not None
                and "".join(self.para.itertext()).rstrip()[-1:] in "：:"):
            # a lead's colon ends the open paragraph and the line (which the unwrapping left apart)
            # opens with an item's number (…招聘以下人员： / 1.生产普工　30名，…): the list's first item,
            # a paragraph of its own (GB/T 15834-2011 B.3.8 numbers open their items)
            line.note("paragraph", "an item's number after a lead's colon on a line of its own: the list's first item")
            self.para_open = False
            return None
        if self.para_open:
            return None  # the previous paragraph goes on here
        if not line.marked and LETTER_SIGN_LINE_RE.fullmatch(line.key) and i > 0 and not self._title_only():
            # a letter's signature or its date inside a piece (儿　树棠　叩上 / 己丑年二月十六日灯下:
            # a letter quoted in a memoir, 书信 practice): lines of the text, no title
            line.note("paragraph", "a letter's signature or date (a signing word, 叩上 敬上; a date alone) inside "
                                   "a piece: its own line of the text, not a title")
            self._alone_ids.add(id(line))
            return None
        if (not line.marked and BOX_NAME_RE.match(line.key) and not BOX_LABEL_RE.match(line.key) and i > 0
                and sentence_final(self.lines[i - 1].text) and i + 2 < len(self.lines)
                and self._role(i + 1) is None and (heading_shape(self.lines[i + 1]) or self.lines[i + 1].marked)
                and self._role(i + 2) is None and paragraph_shape(self.lines[i + 2])):
            # a box's name (方志知识, 安全知识) after a finished text, over its own title and its text:
            # the box set beside the stories (its title its second head), whatever the contents list
            return Heading("article", why="a box's name after a finished text, over its own title and text: a box "
                                          "set beside the stories", cert="medium")
        if id(line) in self._box_ids:
            # a line of a data box inside the article (roles.find_columns: its 【】 label, its
            # label：value lines): running text, each line a block of its own
            line.note("paragraph", "a line of the article's data box (a 【】 label over label：value lines): "
                                   "its own line, not a title")
            return None
        if i in self._listed:
            # an entry of a labelled list (线路一：…, 线路二：…) or the text under its label: a list
            # line, never a title
            line.note("paragraph", "a labelled list's entry (a name's ordinal and a colon: 线路一：, 线路二：) or "
                                   "the text under its label: a list line, not a title")
            return None
        if (not (line.level > 0 or line.all_bold) and i > 0 and unit_label(line.text.strip())
                and unit_label(self.lines[i - 1].text.strip())):
            # a body's name and a colon opening the line, as the line above opens: the next entry
            # of a list of bodies each with what is said of it (a 通报's 批评 list), not a title
            line.note("paragraph", "opens with a body's name and a colon, as the line above does: the next entry of "
                                   "a list of bodies, not a title")
            return None
        if (not SUBHEAD_RE.match(line.key) and LIST_LABEL_RE.search(line.key) and i + 1 < len(self.lines)
                and ((i + 1) in self._column_listed or column_row(self.lines[i + 1].text))):
            # a label with the count of the names under it (“最美家庭”（18户）) over rows of names
            # set in columns: the list's label, a line of the article, not a title (a numbered
            # one, （一）“最美退役军人”（10名）, is a sub-heading by its number)
            line.note("paragraph", "a list's label with its count in brackets over rows of names: not a title")
            self._alone_ids.add(id(line))
            return None
        if BRACKETED_DATE_RE.fullmatch(line.key):
            # a date alone in brackets (（2025年7月10日）): the date a speech or report was given,
            # printed under its title and speaker (讲话稿), never a title
            line.note("paragraph", "a date alone in brackets: the date of the speech or report above, not a title")
            self._alone_ids.add(id(line))
            return None
        if i in self._unit_listed:
            # one of three or more bodies' names in a row, each alone on its line (a 决定's 先进集体):
            # a list's line, never a title
            line.note("paragraph", "a body's name alone on its line, in a run of three or more such lines: a list of "
                                   "units (a 表彰 决定's 先进集体), not a title")
            return None
        if i in self._form_fields and not (line.level > 0 or line.all_bold):
            # one of three or more label：value lines in a row (a 交办单's 督办编号：…, 办理时限：…): a
            # form's field, never a title
            line.note("paragraph", "a form's field (a label, a colon and its value, in a run of such lines with "
                                   "different labels): its own line, not a title")
            return None
        if i in self._column_listed and not (line.level > 0 or line.all_bold):
            # names set in columns, two or more to a line, in a run of such lines (a 表彰 notice's
            # 名单: 单位　　单位): a list's rows, never a title
            line.note("paragraph", "names set in columns (two or more to a line apart by wide gaps), in a run of "
                                   "such lines: a list's row, not a title")
            return None
        if directory_entry(line):
            # a name and a telephone number (a 便民信息 box's entry): no title, whatever its shape
            line.note("paragraph", "a name and a telephone number: an entry of a directory box, not a title")
            return None
        if not (line.level > 0 or line.all_bold) and DATED_ENTRY_RE.match(line.text):
            # a day (or span of days), a gap, then the event: an item of a programme (日程) or of a
            # chronicle (大事记), whatever its shape; a title does not open with a date and a gap
            line.note("paragraph", "a date, a gap and an event: an item of a programme or chronicle, not a title")
            return None
        if (self._title_only() and line.key.startswith("——") and len(line.key) <= 50
                and not line.text.rstrip()[-1:] in "。；;"):
            # a 副题 under its title, led by a dash (GB/T 15834-2011 4.11, 破折号: it stands before a
            # subtitle), clauses and all: ``——全县划分网格1860个，配备专兼职网格员4200余名``
            return Heading("article", why="a subtitle (——…) right under the title", cert="high")
        nxt_role = self._role(i + 1)
        if (self.family == "newspaper" and self._title_only() and len(self.article) == 2
                and self.article[0].get("type") == "kicker" and len(line.key) <= 40
                and not line.text.rstrip()[-1:] in "。！？；;!?" and not line.key.startswith("—")
                and nxt_role is not None and nxt_role.kind in ("lead-in", "byline")):
            # 引题, 正题, then a third line right above the lead-in (本报讯) or the reporter line: the
            # 副题 (newspaper practice: a head of three lines), clauses and all, printed without a dash
            return Heading("article", why="a third title line under 引题 and 正题, the lead-in or byline under it: "
                                          "the 副题", cert="medium")
        if (not (line.level > 0 or line.all_bold) and i + 1 < len(self.lines) and nxt_role is None
                and not self.lines[i + 1].blank_before and unfinished(line.text)
                and SENTENCE_TAIL_RE.match(self.lines[i + 1].text)
                # (not a line well short of the wrap after a sentence's end: no wrapped line of prose,
                # 记住“三不一多” over 不轻信。…, a heading over a list of run-in points)
                and not (self.wrap_width is not None and i > 0 and sentence_final(self.lines[i - 1].text)
                         and display_width(line.text.strip()) <= 0.5 * self.wrap_width)):
            # the next line opens with a sentence's last few words (``…对野外用火禁令知晓`` /
            # ``率不高。暗访组…``): no sentence opens so, the wrap cut this line's sentence there
            line.note("paragraph", "the next line opens with the last few words of a sentence (…。): this line's "
                                   "sentence goes on there, not a title")
            return None
        if self.article is not None and not (nxt_role is not None and nxt_role.kind in ("editorial", "byline")) \
                and self._balanced_siblings(i):
            # (a line over an editor's note, 编者按：…, heads a piece: the note stands before a
            # piece's text, never under a sub-heading inside one; so does one over its author
            # line, 县人民医院心内科主任医师　X: a signed piece)
            return Heading("subsection", why="two balanced clauses X，Y, with a sibling of that shape",
                           cert="medium")
        if self.article is not None and not self.article_closed and self._labelled_siblings(i):
            return Heading("subsection", why="numbered, a label and its theme (X：Y), with a sibling of that form on "
                                             "a line of its own", cert="medium")
        marked = len(line.key) <= 60 and (line.level > 0 or (
            line.all_bold and not line.text.rstrip()[-1:] in "。；;"
            # a question of a 问/答 pair set bold (``**问：…？**``): the pair's label, no heading
            and not QUESTION_LINE_RE.match(line.key)))
        nxt_role = self._role(i + 1)
        if split_specials(line.segments)[0]:
            return None  # a line that opens with a jump line (上接第一版) goes on with a story
        if not heading_shape(line) and nxt_role is not None and nxt_role.kind == "byline" and (
                title_like(line, SIGNED_TITLE_MAX) or self._column_question(i)):
            marked = marked or False
            cert, context = self._shape_cert(i, line)
            return Heading("article", why=f"a short title with an author line under it; {context}", cert=cert)
        if (not marked and not heading_shape(line) and len(line.key) <= 40 and self._subtitle_then_author(i)
                and line.text.rstrip()[-1:] not in "。；;：:，,、"
                and not any(c in "。；;" for c in line.text)):
            # a line with a comma or in quotes (``“工匠之路，没有捷径可走”``), its 副题 (——…) under it and
            # an author line or lead-in under that: the head of a feature or interview in three lines
            # (a question may end it: ``有了矛盾纠纷，到哪里“说理”？``; a sentence's end may not)
            cert, context = self._shape_cert(i, line)
            return Heading("article", why="a title with its ——subtitle and an author line under it"
                                          + (f"; {context}" if context else ""), cert=cert)
        if (not marked and heading_shape(line) and len(line.key) <= SECTION_NAME_MAX and nxt_role is not None
                and nxt_role.kind == "caption" and not BYLINE_LINE_RE.match(line.key) and self._only_captions_after(i)):
            # (a reporter line, 通讯员　X, closes the story above it: no column's name)
            # a short name over nothing but photo captions up to the page's end: a column of photos
            # (newspaper practice: 图片新闻), a section holding figures, no article
            return Heading("section", why="a short name over nothing but photo captions up to the page's end: "
                                          "a photo column (图片新闻)", cert="medium")
        if (not marked and not self.exhaustive and (asked := self._question_title(i))):
            return Heading("article", why=asked[0], cert=asked[1])
        if (not marked and self._column_question(i) and nxt_role is None and i + 1 < len(self.lines)
                and paragraph_shape(self.lines[i + 1]) and not QUESTION_LINE_RE.match(self.lines[i + 1].key)):
            # a question right under a column's name (【审计小课堂】 over 经济责任审计“审”什么？), running
            # text under it: the title of the column's first piece, which answers it
            return Heading("article", why="a question right under a column's name, running text under it: the "
                                          "title of the column's first piece", cert="medium")
        if not marked and heading_shape(line) and self._bullet_run(i):
            # one of two or more lines in a row opening with the same bullet mark (▲, ●, ◆: a data
            # box's figures, 规模以上工业增加值同比增长7.6% / 固定资产投资同比增长5.2%): the items of
            # one bulleted list; a title is followed by its text, not by a sibling of the same mark
            line.note("paragraph", "opens with a bullet mark, as the line next to it does: an item of a bulleted "
                                   "list (a data box's figures), not a title")
            return None
        if (not marked and heading_shape(line) and 2 <= len(line.key) <= COLUMN_NAME_SHORT and i + 3 < len(self.lines)
                and nxt_role is None and self._letter_title(i + 1)):
            # a short name right over a letter's title and its salutation
            # (民声回音 / “家门口的路灯终于亮了” / 编辑同志：): the column the letter stands in
            return Heading("section", why="a short name over a letter's title and its salutation "
                                          "(称呼：): the column of readers' letters", cert="medium")
        if (not marked and i + 2 < len(self.lines) and nxt_role is None
                and (self._column_question(i) or (heading_shape(line) and len(line.key) <= 20)
                     or (title_like(line) and self.boundary))
                and (SALUTATION_RE.match(self.lines[i + 1].key) or SALUTATION_LINE_RE.fullmatch(self.lines[i + 1].key))
                and self._role(i + 2) is None
                and paragraph_shape(self.lines[i + 2])) or (not marked and self._letter_title(i)):
            # (a long salutation too: 尊敬的县人民医院心内科全体医护人员：)
            # a letter the paper prints (读者来信, 校友来信, 致…的一封信): its title (a short line, or a
            # question under a column name), the writer's salutation (称呼：) under it, then the letter
            return Heading("article", why="a short line, a letter's salutation (称呼：) under it: the letter's title",
                           cert="medium")
        if (not marked and not heading_shape(line) and 8 <= len(line.key) <= 30
                and line.text.count("，") + line.text.count(",") == 1
                and line.text.rstrip()[-1:] not in "。；;！？!?：:，,、" and i > 0 and i + 1 < len(self.lines)
                and self._role(i - 1) is None and sentence_final(self.lines[i - 1].text)
                and nxt_role is None and paragraph_shape(self.lines[i + 1])
                and NEWS_LEAD_RE.match(self.lines[i + 1].key)
                and ((self.blank_separated and line.blank_before and self.lines[i + 1].blank_before)
                     # (no blank lines: the unwrapping ended the line over the lead, ``近日，…``)
                     or any(LEAD_BREAK in e for e in line.evidence))):
            # a line of two clauses apart by a comma, no sentence end, set apart by blank lines
            # between a finished paragraph and a news lead opening with its time (…完成修订，明确
            # 事项136项 / 近日，…): the title of the next report (a 消息's 标题 may hold a comma)
            context = self._shape_cert(i, line)[1]
            return Heading("article", why="two clauses set apart as a line of their own, over a news lead opening with "
                                          "its time: the next report's title" + (f"; {context}" if context else ""),
                           cert="medium")
        if (not marked and LETTER_CLOSING_RE.match(line.key) and not self.boundary and self.article is not None
                and i + 1 < len(self.lines) and self._role(i + 1) is None and 0 < len(self.lines[i + 1].key) <= 8):
            # 此致 over 敬礼！ (书信 practice, 祝颂语): the letter's closing words, on lines of their own
            line.note("paragraph", "a letter's closing formula (此致 over 敬礼！) inside the piece: the letter's "
                                   "text, on a line of its own, not a title")
            self._alone_ids.add(id(line))
            return None
        if (not marked and i > 0 and (LETTER_SALUTE_RE.match(self.lines[i - 1].key) or LETTER_WISH_RE.match(self.lines[i - 1].key))
                and self.article is not None and len(line.key) <= SIGNATURE_MAX and not sentence_final(line.text)
                and not any(c in "，,。；;" for c in line.text)
                and (i + 1 >= len(self.lines) or LETTER_SIGN_LINE_RE.fullmatch(self.lines[i + 1].key))):
            # under the letter's words of respect (此致 / 敬礼！) or its closing wish (祝您一路平安！), a
            # short line over a date alone: the signature (书信 practice, 署名 and 日期 each on a line:
            # 菖溪小区3号楼全体居民 / 2025年9月6日; 您的女儿：可欣 / 2025年11月26日)
            line.note("paragraph", "a letter's signature under its words of respect (敬礼！), over its date: the "
                                   "letter's text, on a line of its own, not a title")
            self._alone_ids.add(id(line))
            return None
        if (not marked and heading_shape(line) and i > 0 and directory_entry(self.lines[i - 1])
                and i + 1 < len(self.lines) and (r := self._role(i + 1)) is not None and r.kind == "table"):
            # a title over a table right after a directory box's last entry (便民服务电话 / …95598 /
            # 6月13日…零售价格 / 品名　单位　价格): a box lists entries only, so the table is a piece of
            # its own and the line its title (a paper's 服务 page sets such boxes one under another)
            return Heading("article", why="a title over a table, right after a directory box's last entry: a piece of "
                                          "its own", cert="medium")
        if not marked and TUTOR_CREDIT_RE.match(line.key):
            # the teacher who guided a pupil's piece (指导老师：X), under it: a credit, never a title
            line.note("paragraph", "a pupil's piece's credit to the teacher who guided it (指导老师：X): no title")
            self._alone_ids.add(id(line))
            return None
        if (not marked and (m := COMMENTARY_TITLE_RE.match(line.key)) and i + 1 < len(self.lines)
                and (self.boundary or i == 0 or sentence_final(self.lines[i - 1].text))
                and self._role(i + 1) is None and paragraph_shape(self.lines[i + 1])
                and not sentence_final(line.text) and m.group("title").count("，") <= 1):
            # a commentary's label and its title on one line (短评：颗粒归仓，也要平安归仓: newspaper
            # practice names the genre before a 评论's title), after a finished piece, over its text
            return Heading("article", why="a commentary's label and a colon before its title (短评：, 时评：), after a "
                                          "finished piece, over running text", cert="medium")
        shaped = heading_shape(line) and i + 1 < len(self.lines) and (
            (paragraph_shape(self.lines[i + 1]) and (nxt_role is None or nxt_role.kind in OPENING_ROLES + ("brief",)))
            or self._next_is_heading(i) or (nxt_role is not None and nxt_role.kind in OPENING_ROLES + ("subhead",))
            # over a brief item (its run-in head read by its role, whatever width a wrap left its
            # first line: ``■ 校园快讯`` over ``我校开展…活动　5月13日至17``): a column's name
            or (nxt_role is not None and nxt_role.kind == "brief")
            # the title of a programme or a forecast over its dated or timed items (…主要节目 /
            # 06:00　开始曲 …; 一周天气预报 / 12日（星期五）　晴 …)
            or (nxt_role is None and DATED_ENTRY_RE.match(self.lines[i + 1].text) is not None)
            # the label of a box of contact lines (温馨提示 / 服务热线：96616 / …)
            or (nxt_role is None and contact_line(self.lines[i + 1].key))
            # the head of a directory box (便民信息) over its entries (a name and a telephone number),
            # read as a table's rows or not
            or ((nxt_role is None or (nxt_role.kind == "table" and nxt_role.data.get("part") == "row"))
                and directory_entry(self.lines[i + 1]))
            # a title over a table with no title of its own, a boundary before it (a column name, a
            # credit): the piece the table stands in (【数据速览】 / …情况 / the table / its source)
            or (self.boundary and nxt_role is not None and nxt_role.kind == "table"
                and nxt_role.data.get("part") == "row")
            # the title of a data box over its bulleted lines of figures (▲…增长7.6% / ▲…): the box
            or (nxt_role is None and self._bullet_run(i + 1))
            # the title of a piece that is a table (成绩公告, 奖牌榜, 赛程安排 set apart over its rows)
            or self._table_piece(i)
            # the title of a form printed a field a line (督办事项交办单 over 督办编号：…), or of a
            # list of names set in columns (（一）“最美退役军人”（10名） over its rows)
            or (nxt_role is None and (i + 1) in self._form_fields and i not in self._form_fields)
            or (nxt_role is None and (i + 1) in self._column_listed and i not in self._column_listed)
            or (nxt_role is None and (i + 1) in self._unit_listed and i not in self._unit_listed)
            # a document's title over its 主送 line (关于…的决定 over 各教学班：, GB/T 9704-2012 7.3.3)
            or (nxt_role is None and self._titles_addressees(i))
            # over running text an old page break cut inside a quote (…一文中“排 / 查桥梁126座”应为…)
            or (nxt_role is None and i + 1 < len(self.lines) and self._cut_open_by_break(i + 1) is not None)
        )
        if not marked and self._listed_person(i):
            # 净水工　吕晓燕（城北水厂） under …获得者是： (or under a line of that form): a list of
            # names, one to a line, no title
            line.note("paragraph", "a post, a name and the unit in brackets under a lead ending in a colon (or under "
                                   "another such line): an entry of a list of names, no title")
            self._alone_ids.add(id(line))
            return None
        if not marked and counted_entry(line):
            # 传统音乐（2项）：金竹山歌、… (a list's entry counting its items, the items after the
            # colon): a list line, no title
            line.note("paragraph", "an entry of a counted list (a label counting its items, a colon, the items): a "
                                   "list line, not a title")
            self._alone_ids.add(id(line))
            return None
        if not marked and thin_figure_row(line.text, True):
            # a name and figures one space apart (武术　1金　2铜: a row a table of its rows left out,
            # a count missing from it): a line of figures, no title
            line.note("paragraph", "a name and figures one space apart: a row of figures, no title")
            return None
        if not (marked or shaped) and self._comma_title(i):
            return Heading("article", why="a short line with one comma, flush left after a caption or a credit, a "
                                          "paragraph opening indented under it in a text marked by first-line "
                                          "indents: a title (听，职工这样说), no paragraph", cert="medium")
        if not (marked or shaped):
            return None
        if (not marked and 2 <= len(line.key) <= 12 and not any(c in "，,。：:；;！？!?、" for c in line.text)
                and self._ended_over_editorial(i) and self._note_names_column(i)):
            # the editor's note under it names it as a column (即日起，本报开设“基层治理看蔺川”专栏):
            # the column the note opens
            return Heading("section", why="a short name over an editor's note that names it as a column (开设“…”专栏)",
                           cert="medium")
        if (not marked and 2 <= len(line.key) <= COLUMN_NAME_SHORT and not any(c in "，,。：:；;！？!?、" for c in line.text)
                and self._ended_over_editorial(i) and self._listed_title_below(i) and not self._entry_tail(line)):
            # a short name after a finished piece, over an editor's note and a title the list
            # names (支部在一线 / 编者按：… / 烟稻轮作田里的“支部课堂”): the column the note opens, a
            # 导读 that lists the pieces only leaving it out
            return Heading("section", why="a short name after a finished piece, over an editor's note and a title the "
                                          "contents list names: the column's name", cert="medium")
        # (before the contents list's say: a label the list never names is no title either way)
        if (not marked and BOX_LABEL_RE.match(line.key) and not self.boundary and self.article is not None
                and not self._title_only() and not self._centred(line)
                # (a table's 注 ends the piece it closes: a box after it stands beside the piece)
                and not (i > 0 and re.match(r"注[：:]", self.lines[i - 1].key)
                         and any(c.tag.endswith("}table") for c in self.article))
                # (nor where the article is set in parts under unnumbered sub-heads: 练前准备 / … /
                # 练习提示, the last part's head)
                and not (self._unnumbered_subs() and self._feature_subhead(i, any_family=True))):
            # a box's label (温馨提示 over its advice) right after the text of an open article, no
            # credit or column before it: the box is part of the article (its label a line of its own;
            # one set centred, as a page sets a box's head over the box, is the box's)
            line.note("paragraph", "a box's label (温馨提示, 小贴士, 知识链接) inside an article, no credit "
                                   "closing the article above it: part of the article, not a title")
            self._alone_ids.add(id(line))
            return None
        if (not marked and self._title_only() and i > 0 and self.lines[i - 1] is self._last_head_line
                and len(self.article) and self.article[-1].get("type") == "sub"
                and self.article[-1].tag.endswith("}head") and heading_shape(line) and len(line.key) <= 20
                and not BYLINE_RE.search(line.text) and not line.key.startswith(("本报讯", "本刊讯"))
                and self._role(i) is None and author_line(line) is None
                and (lead_marks(line.segments)[0]
                     or (not line.blank_before and as_wide_as_wrapped(self.lines[i - 1], self.wrap_width)))
                and "".join(self.article[-1].itertext()).rstrip()[-1:] not in "。！？）)”"):
            # the rest of the ——subtitle right above, an old page break between or the subtitle as
            # wide as the wrap (``——在…暑期`` / folio / ``会议上的讲话（摘要）``): the subtitle's, no
            # title of its own
            return Heading("article", why="the rest of the ——subtitle above, which a page break or the wrap cut",
                           cert="medium")
        if (not marked and BRIEF_RE.search(line.key) and len(line.key) <= 8 and heading_shape(line)
                and nxt_role is not None and nxt_role.kind == "brief"):
            # a brief column's name (简讯, 快讯, letter-spaced or not) over its run-in items: their
            # column, which a 要目 naming the main pieces leaves out
            return Heading("section", why="names a brief-news column, over its run-in items", cert="medium")
        if self.exhaustive and not marked and not SUBHEAD_RE.match(line.key):
            # with a printed contents list, an unmarked line it does not name is no article
            # heading, unless it stands where the next entry not yet found would (printed a
            # little differently in the list)
            entry = self._next_unmatched(line) if shaped else None
            if entry is None and shaped and (k := self._unprinted_next_entry(i)) is not None:
                return Heading("article", k, why=f"where contents entry {k + 1} would stand, worded differently there: "
                                                 "the article above ended with its credit, running text follows, and the "
                                                 "entry's title is printed nowhere in the text", cert="medium")
            if entry is None and self._in_collection() and (
                    (nxt_role is not None and nxt_role.kind == "byline"
                     and (verse := self._role(i + 2) if i + 2 < len(self.lines) else None) is not None
                     and verse.kind == "verse")
                    # (or a short title over its text, after the piece above ended its sentence or
                    # under the collection's byline: 题文峰塔 over its 联)
                    or (shaped and nxt_role is None and i + 1 < len(self.lines) and len(line.key) <= 16
                        and any(c in "，,；;。" for c in self.lines[i + 1].text)
                        and ((r := self._role(i - 1)) is not None and r.kind == "byline"
                             or sentence_final(self.lines[i - 1].text)))):
                # a poem's title and its author over its lines, inside a piece the list names whose
                # title says it gathers several (…习作选, （三首）: a selection, a group of poems):
                # one of the pieces it gathers, no article of its own
                return Heading("subsection", why="a piece's title (a poem's, a couplet's) inside a piece whose title "
                                                 "names a collection (…选, （N首）, （N副）), which the contents list "
                                                 "names as one piece: one piece of it", cert="medium")
            if (entry is None and nxt_role is not None and nxt_role.kind in ("byline", "lead-in")
                    and not self._work_caption_sibling(line)):
                return Heading("article", why="a title with an author line or lead-in under it, which the contents "
                                              "list does not name", cert="medium")
            if (entry is None and shaped and i > 0
                    and (((above := self._role(i - 1)) is not None and above.kind == "section")
                         or self.lines[i - 1] is self._last_section_line)
                    and not self._column_listed_in_contents(self.lines[i - 1])
                    and nxt_role is None and paragraph_shape(self.lines[i + 1])):
                # right under the name of a column the contents list leaves out (a 补白 column,
                # 【救护小常识】), over running text: the title of its piece, which no entry names
                return Heading("article", why="a title right under the name of a column the contents list does not "
                                              "name, running text under it", cert="medium")
            if (entry is None and heading_shape(line) and i > 0 and i + 1 < len(self.lines)
                    and self.lines[i + 1].key.startswith("——") and len(self.lines[i + 1].key) > 4
                    and (self.boundary or ((above := self._role(i - 1)) is not None and above.kind == "section")
                         or self.lines[i - 1] is self._last_section_line)):
                # a title over its ——subtitle (副题, GB/T 15834-2011 4.11: the dash before a subtitle),
                # after a piece's end or under a column's name, which the contents list words
                # otherwise or leaves out: a subtitle stands under a title only
                return Heading("article", why="a title over its ——subtitle after a piece's end or under a column's "
                                              "name, which the contents list does not name as printed", cert="medium")
            if (entry is None and shaped and i > 0 and not marked
                    and (((above := self._role(i - 1)) is not None and above.kind == "section")
                         or self.lines[i - 1] is self._last_section_line)
                    and nxt_role is not None and nxt_role.kind == "subhead"
                    and (k := self._next_loosely_named(line)) is not None):
                # right under a column's name, over its first numbered sub-heading (一、基本案情),
                # where the next contents entry would stand, worded differently there (欠薪企业清偿后
                # 完成信用修复 for 拖欠农民工工资被列入失信名单　一劳务公司清偿欠薪后完成信用修复)
                return Heading("article", k, why=f"right under a column's name, over a numbered sub-heading, where "
                                                 f"contents entry {k + 1} would stand, worded differently there",
                               cert="medium")
            apart = i + 1 < len(self.lines) and (
                (line.blank_before and self.lines[i + 1].blank_before)
                # in a text marked by first-line indents without blank lines: flush left after a
                # sentence's end, the line under it opening a paragraph by its indent
                or (self.lines[i + 1].indent_opens and not indented(line) and i > 0
                    and self.lines[i - 1].text.rstrip()[-1:] in "。！？!?”"))
            if (entry is None and shaped and not REFERENCE_LABEL_RE.fullmatch(line.key)
                    and not PART_NUMBER_RE.fullmatch(line.key) and len(line.key) >= 4 and apart
                    and self._feature_subhead(i, any_family=True)):
                # inside a signed article, a short line the list does not name set apart by blank
                # lines over running text, with a sibling of that shape: the article's unnumbered
                # sub-heading (a journal's 散文 or 故事 set in parts under short heads; a line a
                # wrap cut from its paragraph has no blank line around it)
                return Heading("subsection", why="a short line inside a signed article, which the contents list does "
                                                 "not name, with a sibling of that shape: its sub-heading",
                               cert="medium")
            if entry is None and line.role == "title after verse":
                # (roles.find_verse: a short line of heading shape after a poem's lines, prose under
                # it) the title of the piece after the poem, which the list does not name (a box)
                return Heading("article", why="the title of the prose piece after a poem, which the contents list "
                                              "does not name", cert="medium")
            if (entry is None and len(line.key) <= 30
                    and i + 1 < len(self.lines) and nxt_role is None and paragraph_shape(self.lines[i + 1])
                    and ((self.boundary and self.article_closed)
                         # (or, no credit closing the piece above, after its last sentence: a line
                         # of title shape without a clause mark over a lead opening with its time,
                         # no sub-heading of a feature set in parts)
                         or (shaped and i > 0 and sentence_final(self.lines[i - 1].text)
                             and not any(c in "，,、；;：:。！？!?" for c in line.text)
                             and NEWS_LEAD_RE.match(self.lines[i + 1].key)
                             and not self._feature_subhead(i, any_family=True)))
                    and (NEWS_LEAD_RE.match(self.lines[i + 1].key)
                         # (or over any running text, blank lines setting the title apart, or in
                         # a text without them a line narrower than a wrapped one)
                         or (shaped and ((line.blank_before and self.lines[i + 1].blank_before)
                                         or (not self._blank_separated()
                                             and (not as_wide_as_wrapped(line, self.wrap_width)
                                                  # (or as wide, with no clause mark at all, right
                                                  # under a credit in brackets: a title, which a
                                                  # narrow column fills)
                                                  or (not any(c in "，,、；;：:" for c in line.text)
                                                      and CREDIT_LINE_RE.match(self.lines[i - 1].text.strip())))))
                             and any(c in "。！？，；" for c in self.lines[i + 1].text)))):
                # after a piece closed by its credit, a short title over a news lead that opens with
                # its time (8月上旬，…; 消息's 导语): a report the contents list leaves out (a 要目 is
                # a selection of the issue's pieces)
                after = "a piece's credit" if self.boundary and self.article_closed else "a piece's last sentence"
                return Heading("article", why=f"a short title after {after}, over a news lead opening with its time, "
                                              "which the contents list does not name", cert="medium")
            if entry is None and self._titles_addressees(i):
                return Heading("article", why="a document's title (关于…的决定) over its 主送 line (GB/T 9704-2012 7.3.3), "
                                              "which the contents list does not name", cert="medium")
            if entry is None and self._subtitle_then_author(i):
                return Heading("article", why="a title with its ——subtitle and an author line under it, which the "
                                              "contents list does not name", cert="medium")
            if (entry is None and len(line.key) <= TITLE_TAIL_MAX and self._title_only()
                    and i > 0 and self.lines[i - 1] is self._last_head_line and i + 1 < len(self.lines)
                    and ((shaped and nxt_role is None and NEWS_LEAD_RE.match(self.lines[i + 1].key))
                         # (or over the piece's 按 or 编者按: no text of the piece stands before it)
                         or (nxt_role is not None and nxt_role.kind == "editorial" and not line.blank_before))
                    and not any(c in "，,。：:；;！？!?、" for c in line.text)):
                # a few words without clause marks between the title and a news lead opening with
                # its time (``…主题宣讲活动走进青溪`` / ``县侨乡村落`` / ``8月6日至8日，…``), or the
                # piece's 按 (``…牢牢守住耕地保护红`` / ``线`` / ``按：…``): the title's rest the wrap
                # carried over (a lead or a note opens the text, no words stand alone before it)
                return Heading("article", why="a few words between the title and a news lead opening with its time: "
                                              "the title's wrapped rest", cert="medium")
            if (entry is None and shaped and 2 <= len(line.key) <= COLUMN_NAME_SHORT and not any(c in "，,。：:；;！？!?、" for c in line.text)
                    and (self.article is None or self.article_closed or self._ended_over_editorial(i))
                    and self._listed_title_below(i) and not self._entry_tail(line)):
                # a short name where a piece ended (or the body begins) right over a title the list
                # names (an editor's note between or not): the name of the column the title stands
                # in, which a 目录 listing only the pieces leaves out (工作要闻, 景区动态)
                return Heading("section", why="a short name after a piece's end, right over a title the contents list "
                                              "names: the column's name (the list names the pieces only)",
                               cert="medium")
            if (entry is None and shaped and re.fullmatch(rf"[\u4e00-\u9fff]{{2,{COLUMN_NAME_SHORT}}}", line.key)
                    and self.entries and all(e.target is not None for e in self.entries)
                    and (self.article_closed or self.boundary or (i > 0 and sentence_final(self.lines[i - 1].text)))
                    and self._next_is_heading(i) and i + 2 < len(self.lines) and self._role(i + 2) is None
                    and paragraph_shape(self.lines[i + 2])
                    # (the text under the title opens a paragraph of its own: a blank line or its
                    # indent; a line the wrap cut from its paragraph goes on flush; where no blank
                    # line sets anything apart, the title is well short of the wrap)
                    and (self.lines[i + 2].blank_before or self.lines[i + 2].indent_opens
                         or (not self._blank_separated() and (
                             self.wrap_width is None
                             or display_width(self.lines[i + 1].text.strip()) <= 0.8 * self.wrap_width)))):
                # every piece the list names found, a short name where a piece ended over a title
                # and running text: a column the list leaves out (a 要目 names the main pieces, not
                # the 基层动态 items after them)
                return Heading("section", why="a short name after a piece's end, over a title and running text, every "
                                              "piece the contents list names already found: a column the list leaves "
                                              "out", cert="medium")
            if (entry is None and NOTICE_LABEL_RE.fullmatch(line.key) and i > 0 and sentence_final(self.lines[i - 1].text)
                    and i + 1 < len(self.lines) and self._role(i + 1) is None and paragraph_shape(self.lines[i + 1])):
                # a notice's name alone after a finished piece, over its text (更正, 本刊启事: the
                # notices a journal prints at its end, which its 目录 does not list)
                return Heading("article", why="a notice's name (更正, 启事, 声明) alone after a finished piece, over its "
                                              "text: a notice the contents list does not name", cert="medium")
            if (entry is None and shaped and self._entry_open is not None and self._title_only() and i > 0
                    and self.lines[i - 1] is self._last_head_line and len(self.article) == 1
                    and not any(c in "，,。：:；;！？!?、" for c in line.text)
                    and _similar(self.lines[i - 1].key + line.key, self.entries[self._entry_open].key)
                    > _similar(self.lines[i - 1].key, self.entries[self._entry_open].key) + 0.05):
                # right under a title the list names shortened or reworded, a line that brings the
                # two closer (…开展重要经济目标 / 防护和人防工程安全专项检查 for …开展重要经济目标和
                # 人防工程检查): the title's rest, a title wrapped narrower than the text
                return Heading("article", why="the rest of the title right above: with it the title is closer to its "
                                              "contents entry", cert="medium")
            if (entry is None and self._more_unlisted > 0 and shaped and self.article is not None
                    and i + 1 < len(self.lines) and nxt_role is None
                    and (paragraph_shape(self.lines[i + 1]) or any(c in "，,、。；;" for c in self.lines[i + 1].text)
                         or as_wide_as_wrapped(self.lines[i + 1], self.wrap_width))
                    and ((line.text.lstrip()[:1] in BULLET_CHARS
                          and line.text.lstrip()[:1] == "".join(self.article[0].itertext()).lstrip()[:1])
                         or (i > 0 and (sentence_final(self.lines[i - 1].text)
                                        or AFTER_SENTENCE_NOTE_RE.search(self.lines[i - 1].text) is not None)
                             and line.blank_before and self.lines[i + 1].blank_before))):
                # the entry of the piece above names how many more follow it unlisted (…理事会
                # （外五则）): a title of their form (the same bullet, or after a finished sentence,
                # blank lines around it) over running text is one of them (the count goes down as the pieces open)
                return Heading("article", why="one of the pieces the contents entry above counts as following it "
                                              "unlisted (（外N则）), of their form", cert="medium")
            if entry is None:
                return None
            return Heading("article", entry, why=f"where contents entry {entry + 1} would stand, printed a little "
                                                 "differently there", cert="medium")
        if line.text.lstrip()[:1] in NO_LINE_START:
            return None  # no heading starts with a closing mark (clreq 3.1.7)
        if (not marked and i > 0 and i + 1 < len(self.lines) and self.lines[i - 1].text.rstrip()[-1:] in "”」"
                and SPEAKER_RE.match(self.lines[i + 1].key)):
            # between a quotation and ``…说。``: the speaker of the quotation (…。”正在公园里散步的居民 /
            # 黄秀英说。), the words a page break or a wrap cut off, not a title
            line.note("paragraph", "between a closing quote and the verb of saying (…说。): the quotation's speaker")
            return None
        if (not marked and self.sub is not None and len(self.sub) == 1 and i > 0
                and self._role(i - 1) is not None and self._role(i - 1).kind == "subhead"
                and not SUBHEAD_RE.match(line.key)):
            # right under a numbered sub-heading, before any text of it: the sub-heading's text
            # (a division is not left empty for a title inferred from the line's shape alone)
            line.note("paragraph", "right under a numbered sub-heading: its text, not a title")
            return None
        if (not marked and SUBHEAD_RE.match(line.key) and i > 0 and self._role(i - 1) is None
                and after_clause_mark(self.lines[i - 1].text)):
            # a number after a clause mark: an item of the enumeration the sentence above opens
            # (…：（1）…；（2）…；（3）…), run in, no sub-heading (as :func:`roles.find_subheads` says)
            line.note("paragraph", "numbered, after a line ending in a clause mark: an enumeration's item, run in")
            return None
        if (not marked and self.blank_separated and not line.blank_before and i > 0 and self._role(i - 1) is None
                and paragraph_shape(self.lines[i - 1]) and not self.boundary):
            line.note("paragraph", "no blank line before it where the text sets its blocks apart with blank lines: "
                                   "the block above goes on (a wrapped line), not a title")
            return None
        if (not marked and self._title_only() and self._document_title_done() and unfinished(line.text)
                and any(c in "、，," for c in line.text) and not line.key.startswith("—")):
            # the title above is a document's whole title (关于…的通报: GB/T 9704-2012 7.3.1, its 文种
            # ends it), and this line stops mid-sentence with clause marks in it: the text's first
            # line (a wrap cut it short), no more of the title
            line.note("paragraph", "under a document's whole title (关于…的通报, GB/T 9704-2012 7.3.1), a line with "
                                   "clause marks that stops mid-sentence: the text, not more of the title")
            return None
        if not marked and "、" in line.text and unfinished(line.text) and not line.key.startswith("—") \
                and len(line.key) >= 15 and self._page_breaks_after(i) and not self._titles_addressees(i):
            # stops mid-sentence right before an old page break, an enumeration comma inside: the
            # first part of a paragraph the break cut (no heading is set as a page's last line)
            line.note("paragraph", "stops mid-sentence right before an old page break, with an enumeration comma (、): "
                                   "a paragraph the break cut, not a title")
            return None
        if (not marked and not self.boundary and "、" in line.text and unfinished(line.text)
                and not line.key.startswith("—") and not self._title_only() and as_wide_as_wrapped(line, self.wrap_width)
                and not self._titles_addressees(i)):
            # as wide as a wrapped line, an enumeration comma inside, no boundary before it: the
            # first line of a paragraph an old page break cut, not a title (weak: marked @cert)
            line.cert, line.weak_join = "medium", True
            line.note("paragraph", "as wide as a wrapped line, with an enumeration comma (、), no boundary before it: "
                                   "the first line of a paragraph, not a title", "medium")
            return None
        if not marked and (closer := self._cut_open_by_break(i)):
            # leaves a quote or bracket open right before an old page break, the line after the break
            # closing it and going on as prose (``…一文中“排`` / ``查桥梁126座”应为…``): a paragraph the
            # break cut, not a title (a title leaves no mark open over a page break)
            line.note("paragraph", f"leaves {closer} open right before an old page break, the text after the break "
                                   "closing it: a paragraph the break cut, not a title")
            return None
        if not marked and (why_tail := self._line_tail(i)):
            # the rest of the printed line above, set again at a narrower measure: the paragraph
            # above goes on in it (weak: it could be a title; marked @cert, named in the warning)
            line.cert, line.weak_join = "medium", True
            line.note("paragraph", why_tail, "medium")
            if self._note_above(i):  # the editor's note above goes on
                self.para, self.boundary = self._note_p, False
            self.para_open = self.para is not None
            return None
        if (not marked and not line.blank_before and i > 0 and whole_bracket(line.text)
                and self._role(i - 1) is None and sentence_final(self.lines[i - 1].text)):
            # one bracketed aside on a line of its own right under a finished sentence, no blank
            # line between (``…65台套。`` / ``（汽车工程学院 杨帆）``): the piece's credit or note the
            # wrap set apart (GB/T 15834-2011 4.9: brackets mark a note), no title
            line.note("paragraph", "a bracketed note alone right under a finished sentence: the piece's credit or "
                                   "note, the paragraph's end, not a title")
            self.para_open = self.para is not None
            return None
        if (not marked and i > 0 and i + 1 < len(self.lines) and sentence_final(self.lines[i - 1].text)
                and is_org_name(line.key) and SIGNED_DATE_RE.fullmatch(self.lines[i + 1].key)):
            # a body's name under a finished text, over a date alone: the text's signature (落款,
            # GB/T 9704-2012 7.3.5; a reply letter signed by the office), never a title
            line.note("paragraph", "a body's name under a finished text, over a date alone: its signature (落款)")
            self._alone_ids.add(id(line))
            self._alone_ids.add(id(self.lines[i + 1]))
            return None
        if BYLINE_LINE_RE.match(line.key) or split_specials(line.segments)[2] or COLOPHON_FIELD_RE.match(line.key) \
                or contact_line(line.key) or (whole_bracket(line.text) and not marked) \
                or (not marked and AFTER_SENTENCE_NOTE_RE.search(line.text) is not None) \
                or (not marked and APPENDED_RE.match(line.key) is not None) \
                or (not marked and box_field(line, self.wrap_width) and i > 0
                    and (contact_line(self.lines[i - 1].key) or box_field(self.lines[i - 1], self.wrap_width)
                         or (i + 1 < len(self.lines) and box_field(self.lines[i + 1], self.wrap_width)
                             and not self.lines[i + 1].blank_before))):
            # (a field under a contact line or another field, 微信公众号：…, or over another one,
            # 全县平均降雨量：118.6毫米 under a data box's 【数据】: a box's line of fields)
            # (a line wholly in brackets, （数据来源：…）, （完）, is a note: no title is bracketed whole;
            # nor does a title end with a note in brackets after its sentence, …吗？（读者　X）; nor
            # is 附：…名单 a title, the note of a list printed under the piece)
            # a reporter line, a line ending in a credit, a colophon field, a line of phone numbers: no heading
            return None
        if marked:
            # a marked line the unwrapping joined on weak evidence (a heading's wrapped tail) keeps
            # that join's @cert
            why, cert = "markup (# or bold)", (line.cert if line.weak_join else None)
        else:
            cert, context = self._shape_cert(i, line)
            why = "short, no sentence punctuation, running text follows" + (f"; {context}" if context else "")
            if self._table_piece(i):
                why = ("short, no sentence punctuation, set apart over a table with no title of its own: the title "
                       "of the piece the table is (TEI P5 §14.1.1)" + (f"; {context}" if context else ""))
        if SUBHEAD_RE.match(line.key) and self.article is not None and len(self.article) > 1:
            return Heading("subsection", why=why + "; numbered like a sub-heading", cert=cert)
        if (SUBHEAD_RE.match(line.key) and self._title_only() and self.family != "newspaper"
                and i > 0 and self.lines[i - 1] is self._last_head_line and not self._open_mark(self.lines[i - 1])):
            # right under the article's title, a line opening with a sub-heading number (GB/T
            # 15834-2011 B.3.8: 一、 （一） 1. （1）): such a number only starts a heading of its own
            # (a wrapped title's second line goes on with words, not a new number), so the line is
            # the title's first sub-heading (a speaker's 交流发言, a list's group), not its second line
            return Heading("subsection", why=why + "; numbered like a sub-heading, right under the title: its first "
                                                   "sub-heading (a number opens a heading, never a wrapped title's "
                                                   "second line)", cert=cert)
        if BRIEF_RE.search(line.key) and len(line.key) <= SECTION_NAME_MAX:
            return Heading("section", why=why + "; names a brief-news column", cert=cert)
        if self.boundary and len(line.key) <= SECTION_NAME_MAX and self._bullets_after(i):
            # a short name after a piece's end (its credit, a column's end) over items each opened
            # by a bullet (●, ■ …) and no head: the column the items stand in (a 工作简报's 工作动态
            # of ● items), no article of its own
            return Heading("section", why=why + "; a short name after a boundary over items opened by a bullet: "
                                                "their column", cert="medium")
        if (not marked and len(line.key) <= SECTION_NAME_MAX and nxt_role is not None and nxt_role.kind == "brief"
                and nxt_role.data.get("numbered")):
            # a short plain name over a numbered run of brief items (roles.find_numbered_briefs): the
            # column the items stand in (工作动态 over 1.…　2.…), no article of its own
            return Heading("section", why=why + "; a short name over numbered brief items: their column",
                           cert="medium")
        if ((marked or self.boundary or (i > 0 and sentence_final(self.lines[i - 1].text)
                                         and self._bulleted(i + 1)))
                and len(line.key) <= SECTION_NAME_MAX
                and not any(c in "，,。：:；;！？!?" for c in line.text) and self._briefs_after(i)):
            # a short name, marked (bold or #) or after a piece's end, over two or more items each
            # opened by its own run-in head (**马坪基层社：**9月以来…): the column the items stand
            # in, no article of its own
            return Heading("section", why=why + "; a short name over brief items with run-in heads: their column",
                           cert="medium", brief=True)
        if (self._feature_subhead(i)
                # (in any bulletin, a bold line where the article already holds unnumbered
                # sub-headings, the markup of a sub-head the conversion kept: **把照片还给街坊**)
                or (line.level == 0 and line.all_bold and self._unnumbered_subs()
                    and self._feature_subhead(i, any_family=True))) \
                and not (nxt_role is not None and nxt_role.kind == "byline"):
            # (one over its own author line heads a signed piece, no part of the article above)
            return Heading("subsection", why=why + "; inside a signed article (a newspaper's, or one holding "
                                                   "unnumbered sub-headings), with a sibling of that shape",
                           cert="medium")
        if (not marked and self.article is not None and len(line.key) <= SCHEDULE_LABEL_MAX and i > 0
                # (right under the piece's title, or after the items of the group before it)
                and (self.lines[i - 1] is self._last_head_line or DATED_ENTRY_RE.match(self.lines[i - 1].text))
                and all(k < len(self.lines) and self._role(k) is None and DATED_ENTRY_RE.match(self.lines[k].text)
                        for k in (i + 1, i + 2))):
            # a short label over two or more items of a programme (每日固定节目 / 06:30　… / 07:00　…)
            # inside a piece: a group of the programme, no piece of its own
            return Heading("subsection", why=why + "; a short label over a programme's dated or timed items: a "
                                                   "group of them in the piece", cert="medium")
        if ((not self.contents
             # (a paper's 导读 names some stories, no column: a short name after a piece's end over
             # a title is a column's all the same)
             or (self.family == "newspaper" and self.boundary and not self.exhaustive)
             # (nor does it name the column a short bold name sets over a # title: **安全警示** /
             # ## “6·3”…剖析, the box of tips above it being no piece's end)
             or (self.family == "newspaper" and line.level == 0 and line.all_bold
                 and i + 1 < len(self.lines) and self.lines[i + 1].level > 0)
             or (self.family == "newspaper" and i + 2 < len(self.lines)
                 and (BYLINE_LINE_RE.match(self.lines[i + 2].key)
                      # (a 副刊's name over a piece signed at its top: □ 郁南枝)
                      or ((r2 := self._role(i + 2)) is not None and r2.kind == "byline"))))
                and len(line.key) <= SECTION_NAME_MAX and self._next_is_heading(i)
                and not self.lines[i + 1].key.startswith("—")  # a title's ——subtitle is no article
                and not (self.family == "newspaper" and (len(line.key) > 6 or self._lead_in_at(i + 2)))):
            # (in a newspaper a short line over a title with a news lead-in under it, 本报讯…, is the
            # story's 引题, no column: a 副刊 prints no news)
            return Heading("section", why=why + "; short and followed by a heading", cert=cert)
        if marked and self.exhaustive and (entry := self._next_unmatched(line)) is not None:
            # a title the source marks, where the next contents entry not yet found would stand: the
            # list printed it shortened or reworded (开展河道管理执法检查 for 对《…条例》贯彻实施情况
            # 开展执法检查); the entry links to it
            return Heading("article", entry, why=why + f"; where contents entry {entry + 1} would stand, "
                                                       "worded differently there", cert=cert)
        return Heading("article", why=why, cert=cert)

    def _briefs_after(self, i: int) -> bool:
        """The line after line *i* and another of the three after it are brief items (the brief role,
        a run-in head each: an item's text a page break cut stands between two)."""
        def brief(k: int) -> bool:
            return k < len(self.lines) and (r := self._role(k)) is not None and r.kind == "brief"

        return brief(i + 1) and any(brief(k) for k in (i + 2, i + 3, i + 4))

    def _bullets_after(self, i: int) -> bool:
        """The two lines after line *i* each open with a bullet (:data:`BULLET_CHARS`) and run on
        (ten characters or more), no role given to either but a brief's: the items of a column."""
        for k in (i + 1, i + 2):
            if k >= len(self.lines):
                return False
            role, text = self._role(k), self.lines[k].text.lstrip()
            if (role is not None and role.kind != "brief") or text[:1] not in BULLET_CHARS or len(self.lines[k].key) < 10:
                return False
        return True

    # -- building ---------------------------------------------------------------------------
    def _container(self) -> etree._Element:
        return self.section if self.section is not None else self.body

    def _head(self, line: Line, cert: str | None = None, segs=None, bullet: bool = True) -> etree._Element:
        segs = heading_segments(line) if segs is None else segs
        text = "".join(s for s, _ in segs)
        lead = len(text) - len(text.lstrip())
        if bullet and text[lead : lead + 1] and text[lead] in BULLET_CHARS and text[lead + 1 :].strip() \
                and text[lead + 1 :].strip()[0] not in BULLET_CHARS and text.rstrip()[-1] not in BULLET_CHARS \
                and not lead_marks(segs)[0]:
            # a printed bullet before a title (``◎ 县…开工``, ``▲ …``: a brief item's mark): a
            # ``label`` in the head, outside the title's text, as a run-in brief's bullet is; a
            # name set between two marks (``·工作动态·``, ◆…◆) is decorated, its marks its own; a
            # column name's mark (``■校园快讯``) is part of the name (*bullet* False)
            b = lead + 1
            head = E.head(inline(E.label(), _plain(_strip(cut_segments(segs, 0, b)))))
            head = inline(head, _strip(cut_segments(segs, b, len(text))))
        else:
            head = inline(E.head(), segs)
        if cert:
            head.set("cert", cert)
            self.weak.append((line, "heading", cert))
        return head

    def _numbered_head(self, line: Line, cert: str | None = None) -> etree._Element:
        """The head of a numbered item on a line of its own (``1.县…工作``): its number (GB/T
        15834-2011 B.3.8, ``1.``, ``（一）``) a ``label`` in the head, as a brief's printed bullet
        is; the title after it. A line without such a number: the plain head."""
        from convert.reader.logical.roles import SUBHEAD_LEVELS

        segs = lead_marks(heading_segments(line))[1]  # (an old page break before it goes before the div)
        text = "".join(s for s, _ in segs)
        lead = len(text) - len(text.lstrip())
        m = next((m for _, rx in SUBHEAD_LEVELS if (m := rx.match(text[lead:]))), None)
        if m is None:
            return self._head(line, cert)
        b = lead + m.end()
        head = E.head(inline(E.label(), _strip(cut_segments(segs, 0, b))))
        inline(head, _strip(cut_segments(segs, b, len(text))))
        if cert:
            head.set("cert", cert)
            self.weak.append((line, "heading", cert))
        return head

    def _close(self) -> None:
        """End the open paragraph, sub-headings and poem."""
        self.para, self.para_open = None, False
        self.poem = self.stanza = None

    def _new_article(self, head: Line | None, entry: int | None, cert: str | None = None, kind: str | None = None,
                     head_el: etree._Element | None = None) -> None:
        self.n_article += 1
        self._cut = None
        if self.section_is_brief and head is not None and kind is None and self.run_in_column:
            # a title of its own after a column of run-in items: the column has ended
            self.section, self.section_is_brief = None, False
        if self.numbered_column and head is not None and kind is None:
            # a title without a number after a column of numbered items: no item of it, the
            # column has ended (its items are numbered as one series, GB/T 15834-2011 B.3.8)
            self.section, self.numbered_column = None, False
        if entry is not None and self.section is not None and any(e is self.entries[entry] for e in self.after):
            # an entry the contents list puts after its columns (编后记): the column has ended
            self.section, self.section_is_brief = None, False
        kind = kind or ("brief" if self.section_is_brief else "article")
        div = E.div(type=kind)
        div.set(XML_ID, f"a{self.n_article}")
        if head is not None:
            # an old page break right before the heading stands between the divisions
            marks, rest = lead_marks(head.segments)
            emit_marks(self._container(), marks)
            head.segments = rest
            div.append(self._head(head, cert) if head_el is None else head_el)
        self._container().append(div)
        self.article, self.sub, self.subs = div, None, []
        self._close()
        self.article_closed = False
        self.boundary = False
        if entry is not None and self.entries[entry].target is None:
            self.entries[entry].target = div.get(XML_ID)
        self._count_piece(head, entry)

    def _count_piece(self, head: Line | None, entry: int | None) -> None:
        """Keep count of the pieces a contents entry says follow its own unlisted (…理事会（外五则）):
        the count starts at the piece the entry names (matched, or opened by another path, a brief
        item run in, under that title) and goes down as each titled piece after it opens."""
        if entry is not None:
            more = MORE_PIECES_RE.search(self.entries[entry].key)
            self._entry_open, self._more_unlisted = entry, _more_count(more)
        elif head is not None and (counted := self._counting_entry(head)) is not None:
            self._entry_open, self._more_unlisted = counted
        elif self._more_unlisted > 0 and head is not None:
            self._more_unlisted -= 1

    def _no_cut_above(self, line: Line, segs) -> bool:
        """The open paragraph, one line of its own, is no sentence a page break cut, though it ends
        without a stop, so *line* (its segments *segs*) opens a paragraph of its own:
        - a diary's date (and weather) alone (一九六四年七月十八日　晴，闷热), over its entry, an old
          page break between or not;
        - set apart by blank lines (or in a text not hard-wrapped, by the line's end) with nothing
          between: a few words without any clause mark (a short line a title's shape,
          暗房里走出来的电工, that nothing read as a heading), or a line of fields ending in a
          label's value (…拍摄地点：茺阳市青螺湾湿地) over a line opening with a label and its
          colon (点评：…).
        An item's number opening the paragraph keeps it open (an enumeration's item a wrap cut)."""
        first = self._para_line
        if first is None or len(self.para) or item_number(first.text) is not None:
            return False
        above = "".join(self.para.itertext()).strip()
        if (len(above) <= 30 and SIGNED_DATE_RE.match(re.sub(r"\s+", "", above)) is not None
                and not any(c in "。；;！？!?" for c in above)):
            return True
        if is_mark(segs[0][0]) or not ((line.blank_before and first.blank_before) or self.wrap_width is None):
            return False
        return ((len(above) <= 20 and not any(c in "，,、；;：:。！？!?" for c in above))
                or (re.match(r"[\u4e00-\u9fff]{2,4}[：:]", line.key) is not None and len(above) <= 60
                    and re.search(r"[\u4e00-\u9fff]{2,4}[：:][^，,。；;！？!?：:]+$", above) is not None))

    def _counting_entry(self, head: Line) -> tuple[int, int] | None:
        """``(entry, N)`` when *head* (a piece's title line, its bullet aside) is the title a
        contents entry names with a note that N more pieces follow it unlisted (…理事会（外五则）)."""
        if getattr(self, "_counting", None) is None:
            self._counting = {}
            for k, e in enumerate(self.entries):
                if (m := MORE_PIECES_RE.search(e.key)) is not None and (n := _more_count(m)) > 0:
                    self._counting[e.key[: m.start()]] = (k, n)
        if not self._counting:
            return None
        key = head.key.lstrip("".join(BULLET_CHARS))
        return next((v for t, v in self._counting.items() if key.startswith(t) and t), None)

    def _new_section(self, head: Line, cert: str | None = None) -> None:
        self.n_section += 1
        div = E.div(type="section")
        div.set(XML_ID, f"s{self.n_section}")
        marks, rest = lead_marks(head.segments)
        emit_marks(self.section if self.section is not None else self.body, marks)
        head.segments = rest
        div.append(self._head(head, cert, bullet=False))
        self.body.append(div)
        self.section, self.article, self.sub, self.subs = div, None, None, []
        self._close()
        self.section_is_brief = bool(BRIEF_RE.search(head.key))
        self.run_in_column = self.numbered_column = False
        self.boundary = True
        names = [column_name(key) for key in self.section_keys]
        if column_name(head.key) in names:
            # the list's column, printed in the body in its marks or bare (【职工之家】, 职工之家)
            self.section_ids[names.index(column_name(head.key))] = div.get(XML_ID)
        else:
            # an entry of the list that names the column, maybe with the count of its items
            # (``工作动态（五则）`` for 【工作动态】): it points at the column, no article
            for e in self.entries:
                if e.target is None and column_name(without_genre_label(e.key)) == column_name(head.key):
                    e.target = div.get(XML_ID)
                    break

    def _block_parent(self, paragraph: bool = True) -> etree._Element:
        """The div a new block goes into; a new untitled article (or brief) when the current one
        is closed (by a byline or jump line) or, in a brief-news column, for each new paragraph."""
        if self.article is None or (paragraph and self.article_closed):
            self._new_article(None, None)
        elif paragraph and self.section_is_brief and any(c.tag.endswith("}p") for c in self.article):
            self._new_article(None, None)
        return self.sub if self.sub is not None else self.article

    def _note(self, kind: str, segs, cert: str | None = None) -> None:
        parent = self._block_parent(paragraph=False)
        if kind == "byline" and self.sub is not None and (self.para is not None or (
                len(self.sub) and self.sub[-1].tag.endswith(("}table", "}list", "}lg")))):
            # a credit after the last sub-heading's text (a paragraph, or a table, list or verse
            # closing it) is the whole article's (TEI divBottom)
            parent, self.sub, self.subs = self.article, None, []
        el = E.byline() if kind == "byline" else E.note(type=kind)
        if cert:  # a byline read on weak evidence (a unit's name alone under a title)
            el.set("cert", cert)
        under_sub_head = kind == "byline" and self._sub_title_only()
        parent.append(inline(el, segs))
        if kind == "byline":
            self.names += tag_byline(el)
        if under_sub_head:
            # the author of one piece a collection gathers, under its title (a poem of a 习作选):
            # the article goes on
            return
        self._close()
        # a credit or jump line after text (a table too: its note, （裁判组提供）) ends the article;
        # one right under the heading does not
        self.article_closed = any(c.tag.endswith(("}p", "}div", "}lg", "}table")) for c in self.article)
        if self.article_closed:
            self.boundary = True

    def _text_line(self, line: Line, i: int | None = None) -> None:
        """A line of running text (*i* its index, when known): a reporter line, or a paragraph
        (new or going on the open one) with its leading and trailing notes (credits, jumps)."""
        if not self.para_open and BYLINE_LINE_RE.match(line.key) and len(line.key) <= 20 and not paragraph_shape(line):
            line.note("byline", "a reporter line (记者 …)")
            self._note("byline", line.segments)
            return
        if self.structureless and line.blanks_before >= 2 and not self.para_open and self.article is not None:
            self.article_closed = True
        if (not self.para_open and self.para is not None and not line.blank_before
                and line.text.lstrip()[:1] in NO_LINE_START and self.para.getparent() is not None):
            self.para_open = True  # a closing mark no line may start with: the paragraph's last line
        resumed = self._resume_cut(line)
        lead, segs, trail = split_specials(line.segments, unit_alone=self._in_brief() or (
            i is not None and UNIT_ALONE_RE.search(line.text) is not None and self._ends_listed_article(i)))
        for kind, note in lead:
            self._note(kind, note)
        if segs:
            if (self.para_open and self.para is not None and indented(line)
                    and not is_mark(segs[0][0]) and self._ends_short(self._para_line)):
                self.para_open = False
            if (self.para_open and line.indent_opens and not line.blank_before and not resumed
                    and not any(is_mark(s) for s, _ in segs)):
                # the physical stage ended the line above at this one's first-line indent, no page
                # break between (段首空两字 in a text marked so): a new paragraph though the one above
                # ends in a colon (…启事如下： over 一、征文主题。…)
                self.para_open = False
            if not self.para_open and (self._page_goes_on(line, segs) or self._clause_goes_on(line, segs)):
                self.para_open = True
            if self.para_open and self.para is not None and next_reference(self.para, segs):
                self.para_open = False  # the next entry of a numbered reference list
            if self.para_open and line.blank_before and not resumed and DATED_ENTRY_RE.match(line.text):
                # after a blank line, a date or a time, a gap and an event (12月18日（星期四）20:40　…):
                # a programme's or chronicle's next item, no sentence a page cut
                self.para_open = False
            if self.para_open and (figure_row(line.text) or table_row(line.text) or thin_figure_row(line.text, True)):
                # a data box's row (a label, a gap, a figure) or a table's (three cells or more apart
                # by wide gaps, TEI P5 §14.1.1): a line of its own, never the rest of a paragraph
                self.para_open = False
            if (self.para_open and len(line.key) <= 24 and line.key[-1:] in "：:"
                    and LIST_LABEL_RE.search(line.key[:-1]) is not None):
                # a list's label that counts its names, a colon after it (石桥镇（６人）：): the next
                # group of a name list, not the rest of the row of names above
                self.para_open = False
            joined = self.para_open and self.para is not None
            if joined and not resumed and self._no_cut_above(line, segs):
                joined = False
            if joined:
                has_pb = any(is_mark(s) and s.kind == "pb" for s, _ in segs)
                if line.blank_before and not has_pb and not resumed:
                    self.para.append(E.pb())
                    segs = self._doubled_at_break(segs)
                inline(self.para, segs)
                self._weak_paragraph(line)
                line.note("paragraph (continued)", "the paragraph above stopped mid-sentence: joined"
                          + (" across an old page break" if line.blank_before or has_pb else ""))
                if BYLINE_RE.search(text_end(self.para, 45)):
                    # a credit the extraction wrapped over two lines ends the paragraph: the story ends
                    self.article_closed = self.boundary = True
            else:
                self._paragraph(line, segs)
            # the line that opened the paragraph, while it is the paragraph's only line
            self._para_line = line if not joined else None
            # a directory entry (name, telephone number) ends with its number: the next line is
            # the next entry, not the rest of a sentence
            # a programme's item (date, gap, event) ends on its line too, and so does a line of
            # label：phone-number fields (投诉举报电话：12315)
            self.para_open = (self.para is not None and unfinished("".join(s for s, _ in segs)) and not trail
                              and id(line) not in self._listed_ids  # a labelled list's line ends its entry
                              and id(line) not in self._column_ids  # a row of names set in columns too
                              and id(line) not in self._form_ids  # a form's field: the next line is the next field
                              and not figure_row(line.text)  # a data box's row ends on its line
                              and not thin_figure_row(line.text, True)  # so does a row of figures one space apart
                              and not DOC_NUMBER_RE.fullmatch(line.key)  # 发文字号 (GB/T 9704-2012 7.2.4)
                              # a letter's signature and its date, quoted in a piece (儿　树棠　叩上 /
                              # 己丑年二月十六日灯下): lines of their own (书信 practice: 署名, 日期)
                              and not (line.end_no == line.no and LETTER_SIGN_LINE_RE.fullmatch(line.key))
                              # an entry of a counted list (传统音乐（2项）：金竹山歌、…), whole on its line
                              and not counted_entry(line)
                              # a table's numbered title (表1　…: TEI P5 §14.1.1 head), whole on its line
                              and not table_title_line(line)
                              # an attachment's mark over its title (附件: GB/T 9704-2012 8.1)
                              and not ATTACHMENT_MARK_RE.fullmatch(line.key)
                              # a note of the list printed under the piece (附：…表彰名单): whole
                              # on its line
                              and not (APPENDED_RE.match(line.key) and len(line.key) <= 60)
                              and not directory_entry(line) and not schedule_item(line, self.wrap_width)
                              and not box_field(line, self.wrap_width) and not contact_line(line.key)
                              # a bulleted list's item ends on its line when the next opens with the
                              # same mark (▲…增长6.1% / ▲…): the next item, not the rest of a sentence
                              and not (i is not None and self._bullet_next(i))
                              # and so does the list's last short item (● 聘用…护路员1160名), the item
                              # above it opened by the same mark: no sentence the page cut
                              and not (i is not None and not joined and len(line.key) <= 30
                                       and self._same_bullet(i, i - 1))
                              and id(line) not in self._alone_ids
                              # a reference list's label alone (参考文献, 注释: GB/T 7714-2015, a paper's
                              # 参考文献 under its text) is finished: its entries ([1] …) follow
                              and not (not joined and REFERENCE_LABEL_RE.fullmatch(line.key))
                              # a part's number alone on its line (a story set in parts numbered
                              # 一 / 二 / 三, no 、 after them): the text of the part follows
                              and not (not joined and PART_NUMBER_RE.fullmatch(line.key))
                              # a short line of a few words alone, no mark in it, that the hard wrap
                              # did not end (narrower than a wrapped line), over a short line that
                              # ends a sentence (a box's or list's label, 气象谚语 over its sayings):
                              # no paragraph the page cut
                              and not (not joined and i is not None and self._label_over_short(i, line)))
        for kind, note in trail:
            self._note(kind, note)

    def _label_over_short(self, i: int, line: Line) -> bool:
        """Line *i* (*line*) is a label alone: at most :data:`SHORT_ALONE_MAX` Han characters, no
        mark, one physical line narrower than a wrapped one (where the wrap width is known), over a
        line of its own that is as narrow (20 characters at most where no width is known) and ends
        a sentence (气象谚语 over 春寒多雨水，夏寒断滴水。: a box's
        sayings), not over the rest of a sentence the wrap cut (``三要优化好力量配`` / ``置。…``)."""
        if (len(line.key) > SHORT_ALONE_MAX or line.end_no != line.no
                or re.search(r"[^\u4e00-\u9fff\s]", line.text)
                or (self.wrap_width is not None and as_wide_as_wrapped(line, self.wrap_width))
                or i + 1 >= len(self.lines) or self._role(i + 1) is not None):
            return False
        below = self.lines[i + 1]
        # (with no wrap width known, a saying is short: 20 characters at most)
        narrow = (not as_wide_as_wrapped(below, self.wrap_width) if self.wrap_width is not None
                  else len(below.key) <= 20)
        return sentence_final(below.text) and narrow and below.end_no == below.no

    def _page_goes_on(self, line: Line, segs) -> bool:
        """*line* opens a page with running text that follows the page's form feed on the same
        line (``\f据统计，…``), right after a paragraph that ended the page before at a sentence
        end, in a text that sets its paragraphs apart with blank lines: no blank line stands
        between the break and the text, so no new paragraph starts there; the paragraph the page
        break cut goes on (TEI-CONVENTIONS.md point 5), when somewhere in the file a page that
        starts a new paragraph shows the blank line after its form feed (:meth:`_pages_open_blank`).
        Weak evidence: the join is marked ``@cert`` medium and the warning names the line."""
        if (self.para is None or self.para.getparent() is None or not segs or not is_mark(segs[0][0])
                or not line.feed_here or not paragraph_shape(line)
                or not self._blank_separated() or not self._pages_open_blank()):
            return False
        if self.para.getparent()[-1] is not self.para:
            return False  # a heading, a credit or a note stands after the paragraph
        line.cert, line.weak_join = "medium", True
        line.note("paragraph (continued)", "follows the page's form feed on its line (no blank line after the "
                  "break, where blank lines set the paragraphs apart): the paragraph the page break cut goes on "
                  "(weak)", "medium")
        return True

    def _clause_goes_on(self, line: Line, segs) -> bool:
        """*line* opens a page (page furniture or a page break stands before its text) not
        indented, running text, right after a paragraph that ended the page before at a semicolon
        (；), in a body that opens its paragraphs indented (:meth:`_paragraphs_indented`): the
        semicolon is a mark inside a sentence (GB/T 15834-2011 4.1.2, 4.6: 句内点号, between the
        clauses of one sentence), so no sentence ended there, and the page's first line is no new
        paragraph, which would open indented (段首缩进): the paragraph the page break cut goes on
        (TEI-CONVENTIONS.md point 5). Weak evidence: the join is marked ``@cert`` medium and the
        warning names the line."""
        if (self.para is None or self.para.getparent() is None or not segs or not is_mark(segs[0][0])
                or indented(line) or not paragraph_shape(line) or SUBHEAD_RE.match(line.key)
                or text_end(self.para, 1) not in ("；", ";")
                or self.para.getparent()[-1] is not self.para or not self._paragraphs_indented()):
            return False
        line.cert, line.weak_join = "medium", True
        line.note("paragraph (continued)", "opens a page not indented where paragraphs open indented, after a "
                  "paragraph that ended the page before at a semicolon (a mark inside a sentence): the paragraph "
                  "the page break cut goes on (weak)", "medium")
        return True

    def _paragraphs_indented(self) -> bool:
        """The body opens its paragraphs with a first-line indent (段首缩进): of its lines of running
        text that open no page (a page's first line may be the rest of a cut paragraph, the
        question asked) and have no role (verse, a sub-heading, a caption), three at least and four
        in five open indented. Computed once."""
        if getattr(self, "_indented", None) is None:
            # (lines with a role, verse, sub-headings, captions, set as they are, are no paragraphs)
            prose = [x for k, x in enumerate(self.lines) if self._role(k) is None and paragraph_shape(x)
                     and not (x.segments and is_mark(x.segments[0][0]))]
            starts = sum(1 for x in prose if indented(x))
            self._indented = starts >= 3 and starts >= 0.8 * len(prose)
        return self._indented

    def _pages_open_blank(self) -> bool:
        """Somewhere in the file a page's form feed stands on a blank line of its own before the
        page's first text: the extraction marks a page that opens a new paragraph with a blank
        line, so one that does not goes on with the paragraph before (without that contrast, a
        form feed right before the text says nothing: pdftotext puts every page's first line
        there). Computed once over the file's physical lines."""
        if getattr(self, "_open_blank", None) is None:
            self._open_blank = any(x.form_feed and not x.feed_here and x.blanks_before >= 1
                                   for x in self.physical.values())
        return self._open_blank

    def _blank_separated(self) -> bool:
        """The body sets its blocks apart with blank lines (four in five lines have one before
        them); computed once."""
        if getattr(self, "_blanks", None) is None:
            body = self.lines
            self._blanks = bool(body) and sum(1 for x in body if x.blank_before) >= 0.8 * len(body)
        return self._blanks

    def _ends_short(self, line: Line | None) -> bool:
        """In a hard-wrapped text, *line* (a block of one physical line, unfinished, the line after
        it opening with a paragraph's first-line indent, 段首缩进, no page furniture between) is
        narrower than the wrap and shaped like a title (short, no punctuation that parts clauses or
        words: :func:`heading_shape`, :data:`CLAUSE_MARKS`): its words ended there, so no page break
        cut it (a break cuts a paragraph at a full line: TEI-CONVENTIONS.md point 5), and the indent
        opens a new paragraph (the rest of a cut paragraph is never indented). Such a block between
        paragraphs (a photo caption with no credit, a label) stands alone and the text after it is
        no continuation. (Without the indent the short block may be the first part of a paragraph
        a column break cut, and proportional widths in a PDF's text make such a part look short:
        left to the join.)"""
        if (self.wrap_width is None or line is None or line.end_no > line.no or not heading_shape(line)
                or any(c in CLAUSE_MARKS for c in line.text)):
            return False
        if as_wide_as_wrapped(line, self.wrap_width) or any("as wide as a wrapped line" in e for e in line.evidence):
            return False
        segs = line.segments
        if segs and is_mark(segs[-1][0]):
            return False  # furniture after its last characters: a page break follows
        line.note("paragraph", "one line narrower than the wrap, shaped like a title, stopping mid-sentence: "
                  "its words ended there, no page break cut it")
        return True

    def _paragraph(self, line: Line, segs, parent: etree._Element | None = None) -> None:
        """A new ``<p>`` of *segs* (page furniture that opens it stands before it)."""
        parent = self._block_parent() if parent is None else parent
        self.poem = self.stanza = None
        # a page that broke between paragraphs: the furniture stands between them
        marks, segs = lead_marks(segs)
        emit_marks(parent, marks)
        if segs:
            self.para = inline(E.p(), segs)
            parent.append(self.para)
            self._weak_paragraph(line)
        else:  # the line was only a note after the page break
            self.para = None
        if not line.role or line.role.startswith("furniture"):
            line.note("paragraph", "running text")
        self.boundary = False

    def _weak_paragraph(self, line: Line) -> None:
        """A paragraph holding a line whose hard-wrapped parts were joined on weak evidence gets
        ``@cert`` (and the line goes to the warnings)."""
        if line.weak_join and line.cert and self.para is not None and not self.para.get("cert"):
            self.para.set("cert", line.cert)
            self.weak.append((line, "paragraph join", line.cert))

    def _doubled_at_break(self, segs):
        """Mark a character printed twice across a page break (防控 | 控工作) as
        ``<surplus reason="repeated">控</surplus>`` (TEI P5 §12.3.3.1: source text the editor
        believes superfluous; the character stays); returns the segments still to append."""
        first = segs[0][0]
        if is_mark(first) or not first:
            return segs
        c = first[0]
        if _last_char(self.para) != c or not ("\u4e00" <= c <= "\u9fff") or c in REDUPLICATED:
            return segs
        self.para.append(E.surplus(c, reason="repeated"))
        self.doubled += 1
        return [(first[1:], segs[0][1])] + segs[1:]

    def _title_only(self, bylines: bool = False) -> bool:
        """The current article has its heading(s) and nothing else yet (with *bylines*: maybe
        the author lines under them too, a name, then the author's unit, and an editor's note
        set between the title and its author line)."""
        tags = ("}head", "}byline") if bylines else ("}head",)
        return (self.article is not None and len(self.article) >= 1 and self.sub is None
                and self.article[0].tag.endswith("}head")
                and all(c.tag.endswith(tags) or (bylines and c.tag.endswith("}note") and c.get("type") == "editorial")
                        for c in self.article) and not self.article_closed)

    def _sub_title_only(self) -> bool:
        """The open sub-division has its heading and nothing else yet."""
        return (self.sub is not None and len(self.sub) == 1 and self.sub[0].tag.endswith("}head")
                and not self.article_closed)

    def _document_title_done(self) -> bool:
        """The open article's heads so far make a document's whole title (:data:`DOCUMENT_TITLE_RE`:
        关于…的通报, its 文种 last: GB/T 9704-2012 7.3.1)."""
        if self.article is None:
            return False
        title = "".join("".join(h.itertext()) for h in self.article if h.tag.endswith("}head") and h.get("type") is None)
        return DOCUMENT_TITLE_RE.match(re.sub(r"\s+", "", title)) is not None

    def _lead_in_at(self, i: int) -> bool:
        """Line *i* is a news lead-in (本报讯…; :func:`convert.reader.logical.roles.find_lead_ins`)."""
        role = self._role(i)
        return role is not None and role.kind == "lead-in"

    def _kicker_above(self, line: Line) -> bool:
        """In a newspaper, the open article holds one inferred heading and nothing else, and
        *line* (a title the contents list names) is no wrapped piece of it: that heading is
        *line*'s 引题."""
        return (self.family == "newspaper" and self._title_only() and len(self.article) == 1
                and self.article[0].get("cert") is not None and self.article[0].get("type") is None
                and not self._continued_title(self._last_head_line, line))

    def _second_title_line(self, line: Line, h: Heading, nxt: Line | None = None) -> None:
        """A title line right under the article's heading: a subtitle (——…, ``head type="sub"``);
        in a newspaper, the title under its 引题 (the first becomes ``head type="kicker"``); else
        (a title the extraction wrapped, a title printed on two lines) the same heading. *nxt* is
        the line after *line* (a ——subtitle there is the head's 副题, so *line* is no 副题)."""
        heads = list(self.article)
        main = next((h_ for h_ in heads if h_.get("type") is None), heads[-1])
        cert = h.cert if h.cert else None
        if line.key.startswith("—") and not any(h_.get("type") == "sub" for h_ in heads) and len(heads) < 3:
            self.article.append(self._head(line, cert))
            self.article[-1].set("type", "sub")
            return
        if line.key.startswith("—"):
            # a ——subtitle under a head that already holds a 副题 (or three lines: a wrapped 引题
            # read as two): it goes on with the last head, a story has one 副题 (at most three heads)
            self._continue_head(heads[-1], line, "low", "a ——subtitle under a head that already has three lines "
                                                        "or a subtitle: part of the last one", named=True)
            return
        kicked = any(h_.get("type") == "kicker" for h_ in heads)
        if (self.family == "newspaper" and len(heads) == 1 and not kicked
                and not self._continued_title(self._last_head_line, line)):
            main.set("type", "kicker")
            self.article.append(self._head(line, cert))
            return
        first = self._last_head_line
        if not kicked and len(heads) == 1 and first is not None and self._kicker_shape(first, line):
            # any family: the line above is the 引题, this the 正题 (a 专题's head in a journal)
            main.set("type", "kicker")
            self.article.append(self._head(line, cert or "medium"))
            line.note("heading (article)", "the title under its 引题 (the line above is marked as no heading "
                      "while this one is, or is two parallel phrases set apart by a wide gap)", cert or "medium")
            return
        tail = first is not None and len(line.key) <= 0.6 * len(first.key)  # what a wrapped title leaves
        if (self.family == "newspaper" and kicked and len(heads) == 2 and heads[-1] is main
                and not (self._continued_title(first, line) and (tail or self._open_mark(first)))
                # (a ——subtitle right under it is the 副题: this line is the main title's second,
                # a title centred over two lines: 段召开“安全生产月” / 暨暑运动员大会 / ——部署…)
                and not (nxt is not None and nxt.key.startswith("——") and not line.blank_before
                         and not nxt.blank_before and self._centred(line) and self._centred(first))):
            # 引题, 正题, then a third title line: the 副题 (newspaper practice: a head of three
            # lines is kicker, main title and subtitle), with or without its dash; a title the
            # extraction wrapped leaves a short tail or an open quote or bracket instead
            self.article.append(self._head(line, cert))
            self.article[-1].set("type", "sub")
            return
        # the line goes on with the head right above it (source order)
        self._continue_head(heads[-1], line, cert, "goes on with the title right above it (a title the extraction "
                                                   "wrapped, or printed on two lines)")

    def _continue_head(self, last: etree._Element, line: Line, cert: str | None, why: str,
                       named: bool = False) -> None:
        """*line* goes on with the head *last* after an ``<lb/>`` (one head printed over two lines);
        *cert* becomes the head's ``@cert`` when it has none, and the line is named in the warning
        then (or always, *named*)."""
        line.note("heading (continued)", why, cert)
        last.append(E.lb())
        inline(last, heading_segments(line))
        if cert and not last.get("cert"):
            last.set("cert", cert)
            named = True
        if named:
            self.weak.append((line, "heading", cert))

    # -- roles -----------------------------------------------------------------------------------
    def _subhead(self, line: Line, level: int, cert: str | None, sequence: str | None = None) -> None:
        """A numbered sub-heading: a ``div type="subsection"`` nested by *level* (GB/T 15834
        B.3.8: a level may be skipped; a lower number closes the deeper ones). *sequence* names a
        broken numbering (``out of sequence: 2 after 3``) for the warning.

        A credit that closed the article right after a sub-division (a speech's speaker in
        brackets, ``（槐湾镇党委副书记　宋立群）``) and a sibling sub-heading after it: the credit
        closed that sub-division, not the article (it moves to the sub-division's end, TEI
        ``divBottom``), and the article goes on; so it does after a source note (a table's
        ``（数据来源：…）``)."""
        if self.article is not None and self.article_closed and len(self.article):
            credits = []
            last = self.article[-1]
            while last is not None and last.tag in (f"{{{TEI_NS}}}byline", f"{{{TEI_NS}}}pb", f"{{{TEI_NS}}}fw"):
                credits.insert(0, last)
                last = last.getprevious()
            if (last is not None and last.tag == f"{{{TEI_NS}}}div" and last.get("type") == "subsection"
                    and any(c.tag == f"{{{TEI_NS}}}byline" for c in credits)):
                for c in credits:
                    last.append(c)
                self.article_closed = self.boundary = False
        if self.article is not None and self.article_closed and len(self.article):
            last = self.article[-1]
            while last.tag == f"{{{TEI_NS}}}div" and last.get("type") == "subsection" and len(last):
                last = last[-1]  # (the source line closing a sub-division's table: its last element)
            if last.tag == f"{{{TEI_NS}}}note" and last.get("type") == "source":
                # a source line (（数据来源：…）, under a table) and a numbered sub-heading after it:
                # the source was the table's, the article goes on
                self.article_closed = self.boundary = False
        if self.article is not None and self.article_closed and not self.subs:
            self._run_in_item_division(line)
        while self.subs and self.subs[-1][0] >= level:
            self.subs.pop()
        parent = self.subs[-1][1] if self.subs else self.article
        # an old page break right before the sub-heading stands between the divisions
        marks, rest = lead_marks(line.segments)
        if marks:
            emit_marks(parent, marks)
            line.segments = rest
        div = E.div(type="subsection")
        # an old page break right before the sub-heading stands before its division
        marks, line.segments = lead_marks(line.segments)
        emit_marks(parent, marks)
        head = inline(E.head(), heading_segments(line))
        if cert:
            head.set("cert", cert)
            self.weak.append((line, f"sub-heading, {sequence}" if sequence else "sub-heading", cert))
        div.append(head)
        parent.append(div)
        self.subs.append((level, div))
        self.sub = div
        self._close()

    def _run_in_item_division(self, line: Line) -> None:
        """A credit closed the article, with no sub-division in it yet, and numbered sub-heading
        *line* comes after: the credit closed the item above, whose number and title the print
        ran into its first paragraph (``1.X镇：…。我镇…`` / ``（X镇人民政府　Y）`` / ``2.X乡：…``, a
        speech's items each signed by its speaker). That item is a sub-division of its own, with
        no head (its head is run in: TEI P5 §4.1, a ``div`` may open without one): the paragraphs
        from the one opening with a lower number of *line*'s level (else the paragraphs right
        above the credit) to the credit. The article goes on. Without it the credit would stand
        between the article's text and the sub-divisions, where TEI allows none (``byline`` is
        ``model.divTop`` or ``model.divBottom``, §4.2)."""
        kids = list(self.article)
        end = len(kids)
        while end > 0 and kids[end - 1].tag in (f"{{{TEI_NS}}}byline", f"{{{TEI_NS}}}pb", f"{{{TEI_NS}}}fw"):
            end -= 1
        if end == len(kids) or not any(k.tag == f"{{{TEI_NS}}}byline" for k in kids[end:]):
            return
        own = item_number(line.text)
        blocks = (f"{{{TEI_NS}}}p", f"{{{TEI_NS}}}lg", f"{{{TEI_NS}}}ab")
        between = blocks + (f"{{{TEI_NS}}}note", f"{{{TEI_NS}}}pb", f"{{{TEI_NS}}}fw", f"{{{TEI_NS}}}figure")
        start, k = None, end - 1
        # (the run of blocks right above the credit, notes and page furniture between them; the
        # numbered paragraph nearest the credit among them opens the item)
        while k >= 0 and kids[k].tag in between:
            if kids[k].tag in blocks:
                start = k
                got = item_number("".join(kids[k].itertext())) if kids[k].tag == f"{{{TEI_NS}}}p" else None
                if own is not None and got is not None and got[0] == own[0] and got[1] < own[1]:
                    break
            k -= 1
        if start is None:
            return
        div = E.div(type="subsection")
        kids[start].addprevious(div)
        for kid in kids[start:]:
            div.append(kid)
        self.article_closed = self.boundary = False
        line.note(line.role or "subhead", "a credit closed the item above, its number and title run into its first paragraph: "
                                 "that item is a sub-division with no head of its own, the article goes on")

    def _page_label(self, line: Line, role: Role) -> None:
        """``<pb n="…"/><fw type="header">…</fw>``: a new page; its article and column end. A
        paragraph the page's end cut mid-sentence with no page credit under it (a spread's pages,
        2版 and 3版, run one story across) is kept (:meth:`_resume_cut`): the page may go on with it."""
        if self._cut is None and self.para_open and self.para is not None and self.para.getparent() is not None:
            self._cut = self._open_state()
        self._close()
        self.article, self.sub, self.subs = None, None, []
        self.section, self.section_is_brief = None, False
        marks, segs = lead_marks(line.segments)
        emit_marks(self.body, marks)
        # the page break the source printed right before the label (a form feed, a folio; only
        # furniture between): the label numbers it, no second break
        n = str(role.data["n"])
        k = len(self.body)
        while k > 0 and self.body[k - 1].tag == f"{{{TEI_NS}}}fw":
            k -= 1
        before = self.body[k - 1] if k > 0 and self.body[k - 1].tag == f"{{{TEI_NS}}}pb" else None
        if before is not None and before.get("n") in (None, n):
            before.set("n", n)
        else:
            self.body.append(E.pb(n=n))
        self.body.append(inline(E.fw(type="header", subtype="pageLabel"), _strip(segs)))
        self.boundary = True

    def _open_state(self) -> tuple:
        """The open paragraph and where it stands (article, column, sub-divisions), kept when a page
        ends mid-sentence so that :meth:`_resume_cut` can open them again."""
        return self.para, self.article, self.section, self.section_is_brief, self.sub, list(self.subs)

    def _resume_cut(self, line: Line) -> bool:
        """The first line of running text after a page's credit and the next page's label goes on
        with the paragraph the page's end cut mid-sentence (a story a newspaper runs on across its
        pages without a jump line): nothing but furniture stands between them, and the line opens
        no paragraph (flush where the text's paragraphs open indented, or starting with a sentence's
        last words: ``实。目前…``). The furniture between (the credit, the break, the label) moves
        into the paragraph, in source order (TEI P5 §11.6: ``fw`` and ``pb`` stand where printed),
        and the story's article and column are open again. ``True`` when it resumed."""
        cut, self._cut = self._cut, None
        if cut is None or self.para_open or self.article is not None or not line.segments:
            return False
        para = cut[0]
        text = line.text.lstrip()
        opens_mid = re.match(r"^[\u4e00-\u9fff]{1,4}[。，；、！？”’）」]", text) is not None
        if not opens_mid:
            # a quote the cut paragraph left open (…她说：“…咱这山沟沟里还能), closed by the line's
            # first sentence (来这么多城里人。”): the quote's rest
            before = "".join(para.itertext())
            opens_mid = (before.count("“") > before.count("”")
                         and re.match(r"^[^“”。！？\s]{1,20}[。！？!?]?”", text) is not None)
        if not (opens_mid or (self._paragraphs_indented() and not indented(line) and paragraph_shape(line))):
            return False  # (a flush title-shaped line opens the next story)
        if para.xpath("following::tei:note[@type='continuation']", namespaces={"tei": TEI_NS}):
            return False  # a jump line (下转…) sent the story on: its continuation says where
        after = para.xpath("following::*")
        ids = {id(e) for e in after}
        top = [e for e in after if id(e.getparent()) not in ids]
        if not top or any(e.tag not in (f"{{{TEI_NS}}}fw", f"{{{TEI_NS}}}pb") for e in top):
            return False
        for e in top:
            e.tail = None
            para.append(e)
        self.para, self.article, self.section, self.section_is_brief, self.sub, self.subs = cut
        self.para_open, self.boundary, self.article_closed = True, False, False
        line.note("paragraph (continued)", "the paragraph the page's end cut mid-sentence goes on after the next page's "
                  "label (no jump line; the line opens no paragraph): the page's furniture moves into it")
        return True

    def _page_credit(self, line: Line) -> None:
        """``<fw type="footer">``: the page ends (its article with it). A paragraph the page's
        end cut mid-sentence is kept (:meth:`_resume_cut`): the next page may go on with it."""
        self._cut = (self._open_state()
                     if self.para_open and self.para is not None and self.para.getparent() is not None else None)
        self._close()
        marks, segs = lead_marks(line.segments)
        # an old page break after the credit (a running foot under it that ends the text) stands
        # after the credit's fw, not inside it
        segs, after = trail_marks(segs)
        container = self._container()
        emit_marks(container, marks)
        container.append(inline(E.fw(type="footer", subtype="pageCredit"), _strip(segs)))
        emit_marks(container, after)
        self.article, self.sub, self.subs = None, None, []
        self.boundary = True

    def _separator(self, line: Line) -> None:
        """``<fw type="rule">``: a printed rule or ornament row (``━━━━``, ``＊　＊　＊``) where it
        stands: in the open piece (under its open sub-heading) until a credit or jump line closed
        it, else between pieces. It ends the paragraph, and a title may follow it."""
        self._close()
        marks, segs = lead_marks(line.segments)
        segs, after = trail_marks(segs)
        if self.article is not None and not self.article_closed:
            parent = self.sub if self.sub is not None else self.article
        else:
            parent = self._container()
        emit_marks(parent, marks)
        parent.append(inline(E.fw(type="rule"), _strip(segs)))
        emit_marks(parent, after)
        self.boundary = True

    def _caption(self, line: Line, role: Role) -> None:
        """``<figure>``: the caption as its ``head``, the photo credit as its ``byline`` (none for a
        numbered figure's caption without a credit: ``credit`` ``None``)."""
        self._close()
        marks, segs = lead_marks(line.segments)
        if self.article is None and self.section is None:
            # a photo standing alone at the body's level (at a page's top, under its label, before
            # any story): an untitled division holds it, as a body holds divisions only
            self._new_article(None, None)
        parent = self.article if self.article is not None else self._container()
        if self.article is not None and self.sub is not None:
            parent = self.sub  # in source order: under the open sub-heading, as its text goes
        emit_marks(parent, marks)
        figure = E.figure()
        if role.data.get("credit") is None:
            figure.append(caption_head(_strip(segs)))
            parent.append(figure)
            self.boundary = True
            return
        shift = len(line.text) - len("".join(s for s, _ in segs))
        a, b = (x - shift for x in role.data["credit"])
        caption = _strip(cut_segments(segs, 0, a))
        start = a
        if "".join(s for s, _ in caption).strip():
            figure.append(caption_head(caption))
        else:  # a credit alone: what stands before it (milestones) goes with it
            start = 0
        credit = E.byline()
        inline(credit, _strip(cut_segments(segs, start, len(line.text))))
        self.names += tag_byline(credit)
        figure.append(credit)
        parent.append(figure)
        self.boundary = True

    def _editorial_div(self, parent: etree._Element, marks, label: etree._Element, rest) -> None:
        """An editor's note of no article: ``div type="editorial"`` (its *label* and the *rest*
        of its text one ``p``) appended to *parent* after the milestones *marks*; no article is
        open after it."""
        emit_marks(parent, marks)
        self.n_other += 1
        div = E.div(type="editorial")
        div.set(XML_ID, f"e{self.n_other}")
        p = E.p(label)
        inline(p, rest)
        div.append(p)
        parent.append(div)
        self.article, self.sub, self.subs = None, None, []
        self.boundary = True
        self._note_p = p
        if unfinished("".join(s for s, _ in rest if not is_mark(s))):
            # a note an old page break cut mid-sentence (…对照检查本地实践站的运 / — 1 — / 行情况，…):
            # the running text after the page's furniture goes on in it, as in a note of an article
            self.para, self.para_open, self.boundary = p, True, False

    def _editorial(self, line: Line, role: Role, last: bool = False) -> None:
        """An editor's note: ``note type="editorial"`` in the open article (after its head, or
        after its text: 编后; after the text of its last numbered part and ending the body
        (*last*): on the whole article), else ``div type="editorial"`` at the level of the articles."""
        self._close()
        self._note_p = None
        a, b = role.data["label"]
        marks, segs = lead_marks(line.segments)
        text = "".join(s for s, _ in segs)
        shift = len(line.text) - len(text)
        label = E.label()
        inline(label, _strip(cut_segments(segs, 0, b - shift)))
        rest = _strip(cut_segments(segs, b - shift, len(text)))
        after = re.sub(r"[\s：:]", "", text[: b - shift]) in ("按", "编后", "编后语", "编后记")
        if after and self.article is not None and self.article_closed and self.article.get("type") == "article":
            # 按 or 编后 right after an article's credit: the editor's word on that article (an
            # 按语 stands before, inside or after its article; 编后 after it)
            emit_marks(self.article, marks)
            note = E.note(label, type="editorial")
            inline(note, rest)
            self.article.append(note)
            self.boundary = True
            # a note the physical stage ended mid-sentence (a line narrower than the wrap in a text
            # wrapped twice) goes on in the running text under it; the piece stays closed
            self.para, self.para_open = note, unfinished("".join(t for t, _ in rest))
            return
        if after and last and ISSUE_WORD_RE.search("".join(s for s, _ in rest)[:12]):
            # 编后 ending the body that speaks of the issue (本期…, 本刊…): the editors' word on the
            # whole issue, at the level of the columns, no note of the piece above it
            self._editorial_div(self.body, marks, label, rest)
            self.section = None
            return
        if self.section is not None and (self.article is None or self.article_closed and not self._title_only()):
            self._new_article(None, None)  # in a column: the note opens an untitled division of it
        if self.article is None or self.article_closed and not self._title_only():
            self._editorial_div(self._container(), marks, label, rest)
            return
        parent = self.sub if self.sub is not None else self.article  # in source order
        if after and last and self.sub is not None and self.article is not None:
            # 按 or 编后 after the last part's text, nothing after it but the 版记: the editor's word
            # on the whole report, not on its last numbered part
            self.sub, self.subs, parent = None, [], self.article
        emit_marks(parent, marks)
        note = E.note(label, type="editorial")
        inline(note, rest)
        parent.append(note)
        if unfinished("".join(s for s, _ in rest if not is_mark(s))):
            # a note an old page break cut mid-sentence (编者按：…办 / — 1 — / 理了一批…): the
            # running text after the page's furniture goes on in it, as a paragraph's would
            self.para, self.para_open = note, True

    def _footnote(self, line: Line, role: Role) -> None:
        """A footnote at the page's foot (页下注): ``note place="foot" n="①"`` (TEI P5 §3.9.1), its
        sign a ``<label>``, at its printed place in the open division (the sub-division whose text
        it follows, else the article, else the column or body), in source order. The marker in the
        text above stays where it is printed; ``@n`` names it. A paragraph still open (cut by the
        page break the note stands before) ends here: the note is never run into it."""
        marks, segs = lead_marks(line.segments)
        parent = self.sub if self.sub is not None and not self.article_closed else self.article
        if parent is None:
            parent = self._container()
        emit_marks(parent, marks)
        shift = len(line.text) - len("".join(s for s, _ in segs))
        b = role.data["marker"][1] - shift
        note = E.note(place="foot", n=role.data["n"])
        note.append(inline(E.label(), _strip(cut_segments(segs, 0, b))))
        inline(note, _strip(cut_segments(segs, b, len("".join(s for s, _ in segs)))))
        anchor = _note_anchor(self.article if self.article is not None else parent, role.data["n"])
        if anchor is not None:
            self.n_footnote = getattr(self, "n_footnote", 0) + 1
            note.set(XML_ID, f"fn{self.n_footnote}")
            _anchor_ref(*anchor, role.data["n"], f"#fn{self.n_footnote}")
        parent.append(note)
        self._close()

    def _lead_in(self, line: Line, role: Role) -> None:
        """``<opener>`` (dateline, byline) and the ``<p>`` it opens."""
        if self.article is not None and (self.article_closed or xpath(self.article, "tei:p|tei:div|tei:lg")):
            self._new_article(None, None)  # a lead-in opens a news item: the one before has ended
        parent = self._block_parent(paragraph=False)
        self._close()
        marks, segs = lead_marks(line.segments)
        emit_marks(parent, marks)
        shift = len(line.text) - len("".join(s for s, _ in segs))
        db = role.data["dateline"][1] - shift
        end = db
        opener = E.opener()
        opener.append(inline(E.dateline(), cut_segments(segs, 0, db)))
        if "byline" in role.data:
            ba, bb = (x - shift for x in role.data["byline"])
            by = inline(E.byline(), cut_segments(segs, ba, bb))
            self.names += tag_byline(by)
            inline(opener, cut_segments(segs, db, ba))
            opener.append(by)
            end = bb
        parent.append(opener)
        self._text_after(line, _strip(cut_segments(segs, end, len("".join(s for s, _ in segs)))), parent)
        self.boundary = False

    def _in_brief(self) -> bool:
        """The open division is a brief item (its closing credit may name a unit alone)."""
        return self.article is not None and self.article.get("type") == "brief"

    def _ends_listed_article(self, i: int) -> bool:
        """Line *i* is the last of its article as the printed contents list shows it: an article
        is open and the line after it is a title the list names (:meth:`_entry_match`) or one of
        its column names, or the body ends there. Where a news item ends so, a unit's name alone in
        brackets after its last sentence (``…召开。（县侨联办公室）``) is its closing credit (署名 at
        a 动态 item's end, as in a brief, :meth:`_in_brief`); mid-article such a bracket may be an
        aside. Reads one line."""
        if self.article is None or not self.entries:
            return False
        if i + 1 >= len(self.lines):
            return True
        nxt = self.lines[i + 1]
        if nxt.key in self.section_keys or column_name(nxt.key) in self.section_keys:
            return True
        return self._role(i + 1) is None and self._entry_match(nxt) is not None

    def _text_after(self, line: Line, rest: list, parent) -> None:
        """The text of *line* after an opener or a run-in head: its leading and trailing notes
        (jump lines, sources) and the paragraph between, left open when it stops mid-sentence."""
        lead, rest, trail = split_specials(rest, unit_alone=self._in_brief())
        for kind, note in lead:
            self._note(kind, note)
        if rest:
            self._paragraph(line, rest, parent)
            self.para_open = self.para is not None and unfinished("".join(s for s, _ in rest)) and not trail
            self._para_line = None  # a paragraph after a run-in head or an opener: no block of its own
        for kind, note in trail:
            self._note(kind, note)

    def _verse(self, line: Line, role: Role) -> None:
        """Verse lines: a stanza (``lg type="stanza"``) per run of physical lines between blank
        lines (the unwrapping may have joined a stanza's lines into several logical ones: a
        quatrain's couplets, each ending a sentence); the poem one ``lg type="poem"``. In a group
        of poems under one title, each poem's own title opens a poem of its own, the title its
        ``head``."""
        parent = self._block_parent(paragraph=False)
        self.para, self.para_open = None, False
        parts = role.data["parts"]
        if role.data.get("byline") and self.poem is not None:
            # the poem's author line between its title and its lines (a 顺口溜 a report quotes:
            # TEI P5 §3.13.1, lg opens with model.divTop, byline among it)
            by = inline(E.byline(), _strip(parts[0].segments))
            self.names += tag_byline(by)
            self.poem.append(by)
            self.boundary = False
            return
        if role.data.get("title"):
            # a poem's own title inside a group of poems: a poem of its own, the title its head
            # (TEI P5 §3.13.1: lg may open with a head)
            self.poem = E.lg(type="poem")
            if role.cert:
                self.poem.set("cert", role.cert)
            marks, segs = lead_marks(parts[0].segments)  # a page's furniture before the title: before the poem
            emit_marks(parent, marks)
            self.poem.append(inline(E.head(), _strip(segs)))
            parent.append(self.poem)
            self.stanza = None
            self.boundary = False
            return
        if self.poem is None or role.data.get("first"):
            self.poem = E.lg(type="poem")
            if role.cert:  # found by its shape alone (no author line under its title)
                self.poem.set("cert", role.cert)
                self.weak.append((line, "verse", role.cert))
            parent.append(self.poem)
            self.stanza = None
        stanzas = role.data.get("stanzas")  # where a stanza begins, when the role says (blank lines
        # between every line: a stanza where more of them stand)
        for n, part in enumerate(parts):
            if self.stanza is None or (stanzas[n] if stanzas is not None else part.blank_before):
                self.stanza = E.lg(type="stanza")
                self.poem.append(self.stanza)
            marks, segs = lead_marks(part.segments)
            emit_marks(self.stanza, marks)
            self.stanza.append(inline(E.l(), _strip(segs)))
        self.boundary = False

    def _brief(self, line: Line, role: Role) -> bool:
        """A brief item with a run-in head: ``div type="brief"`` (its bullet a ``label`` in the
        head, the full stop closing the head a ``pc``), the rest a paragraph. Only in a brief
        column, a column whose items share its form (``column`` in the role's data:
        :func:`convert.reader.logical.roles.find_briefs`), or a newspaper."""
        # a numbered run of briefs (roles.find_numbered_briefs) is one with or without a column name
        column = bool(role.data.get("column")) and (self.section is not None or bool(role.data.get("numbered")))
        if not (self.section_is_brief or column or self.family == "newspaper"):
            return False
        bullet, a, b = role.data["span"]
        marks, segs = lead_marks(line.segments)
        shift = len(line.text) - len("".join(s for s, _ in segs))
        bullet, a, b = bullet - shift, a - shift, b - shift
        head = E.head()
        if not any(b for s, b in segs if s.strip()):  # a bold run-in head is the source's markup
            # (a numbered run's items carry the run's own weaker judgement: the number is no bullet
            # the source set apart, the title's end is only a gap)
            head.set("cert", (role.cert or "medium") if role.data.get("numbered")
                     else "high" if bullet > 0 else "medium")
            self.weak.append((line, "heading", head.get("cert")))
        lead = len("".join(s for s, _ in segs)) - len("".join(s for s, _ in segs).lstrip())
        if bullet > lead:
            head.append(inline(E.label(), _plain(cut_segments(segs, 0, bullet))))
        inline(head, _plain(_strip(cut_segments(segs, 0 if bullet <= lead else a, b))))
        whole = "".join(s for s, _ in segs)
        if whole[b : b + 1] == "。":
            # the head's closing stop (``**县…学习会。** 8月3日…``): printed, not part of the title;
            # a punctuation character (``pc``, TEI P5 §18.1.2), not a label as the bullet is;
            # pc holds the character alone (no page break in it), so a milestone there goes first
            stop = cut_segments(segs, b, b + 1)
            inline(head, [(s, False) for s, _ in stop if is_mark(s)])
            head.append(E.pc("".join(s for s, _ in stop if not is_mark(s))))
            b += 1
        if not self.section_is_brief and not column and self.section is not None:
            self.section = None
        emit_marks(self._container(), marks)
        self.n_article += 1
        self.run_in_column = self.section_is_brief
        div = E.div(head, type="brief")
        div.set(XML_ID, f"a{self.n_article}")
        self._container().append(div)
        self._count_piece(line, None)
        self.article, self.sub, self.subs = div, None, []
        self.article_closed = False
        self._close()
        self._text_after(line, _strip(cut_segments(segs, b, len("".join(s for s, _ in segs)))), div)
        self.headings_found += 1
        self.boundary = False
        return True

    def _cells(self, row: etree._Element, segs, new: bool = True) -> None:
        """Append the cells of *segs* (a row's line, or the rest of one a wrap cut off) to *row*:
        one ``<cell>`` per run between wide gaps; unless *new*, the first run goes on the row's
        last cell (a cell the wrap cut)."""
        from convert.reader.layout import cell_spans

        text = "".join(s for s, _ in segs)
        spans = cell_spans(text)
        for k, (a, b) in enumerate(spans):
            # the gap before a cell (and the line's outer whitespace) goes with the cell before it
            # in the segments (whitespace only: the source's characters stay in order)
            start = 0 if k == 0 else a
            stop = spans[k + 1][0] if k + 1 < len(spans) else len(text)
            piece = cut_segments(segs, start, stop)
            if k == 0 and not new and len(row):
                inline(row[-1], _strip(piece))
            else:
                row.append(inline(E.cell(), _strip(piece)))

    def _aligned_cells(self, row: etree._Element, segs, cells: list[tuple[int, int, int]]) -> None:
        """Fill the new *row* with the runs of *segs* by the column each stands under (*cells*:
        ``[(start, end, column)]`` offsets in the line's text, :func:`convert.reader.physical.aligned_tables`):
        a cell per column up to the last one used, empty ones where the line prints nothing. The
        whitespace between runs goes with the run before it (the source's characters in order)."""
        text_len = len("".join(s for s, _ in segs))
        for _ in range(max(c for _, _, c in cells) + 1):
            row.append(E.cell())
        for k, (a, _, col) in enumerate(cells):
            start = 0 if k == 0 else a
            stop = cells[k + 1][0] if k + 1 < len(cells) else text_len
            inline(row[col], _strip(cut_segments(segs, start, stop)))

    def _table(self, line: Line, role: Role) -> None:
        """A table (TEI P5 §14.1.1): its title as ``<head>``, each row a ``<row>`` of ``<cell>``
        (the column heads ``role="label"``), the rest of a row a wrap cut off added to it; an old
        page break between two rows stays between them (``<pb/>``/``<fw>``, TEI model.global in a
        table), one between a row and its rest inside the cell the rest goes on. ``@cert`` when a
        row was put together from a wrapped line."""
        part, n = role.data["part"], role.data["table"]
        marks, segs = lead_marks(line.segments)
        if part == "more" and self.table is not None and self.table_n == n and self.row is not None:
            # an old page break between a row and its wrapped rest stays where it was: inside the
            # cell the rest goes on (a cell holds text and milestones), so the order holds
            marks, segs = [], line.segments
        if self.table is None or self.table_n != n:
            self._close()
            parent = self._block_parent()
            emit_marks(parent, marks)
            marks = []
            self.table, self.table_n, self.row = E.table(), n, None
            if role.cert:
                self.table.set("cert", role.cert)
            parent.append(self.table)
            self.boundary = False
        emit_marks(self.table, marks)
        if part == "head" and role.data.get("line_break") and len(self.table) and self.table[-1].tag == f"{{{TEI_NS}}}head":
            # the title printed under the table's label alone (附表 / …清单): the same head, a line apart
            self.table[-1].append(E.lb())
            inline(self.table[-1], _strip(segs))
        elif part == "head" and role.data.get("rest") and len(self.table) and self.table[-1].tag == f"{{{TEI_NS}}}head":
            # the rest of a title a hard wrap cut: the same head, less sure
            inline(self.table[-1], _strip(segs)).set("cert", "medium")
        elif part == "head" and role.data.get("caption"):
            # a caption with no 表 label over the rows (roles._table_caption): its place alone says
            # so, so it is less sure and the warning names it
            self.table.append(inline(E.head(cert="medium"), _strip(segs)))
            if not role.cert:
                self.weak.append((line, "table title", "medium"))
        elif part == "head":
            # found by its shape (附表/表N over rows): inferred, so it says how sure (high: the
            # pattern and the rows under it)
            self.table.append(inline(E.head(cert="high"), _strip(segs)))
        elif role.data.get("cells") is not None:
            # a table set by its column heads' positions: each printed line a row, one cell per
            # head up to the last it fills, empty where it prints nothing under a head; a row's
            # wrapped rest (part "more") is a line of the same kind, its cells under their heads
            # (put into the cells above, it would change the source's order)
            row = E.row(role="label") if role.data.get("label") else E.row()
            self.table.append(row)
            self._aligned_cells(row, segs, role.data["cells"])
            if part == "row" or self.row is None:
                self.row = row
        elif part == "row" or self.row is None:
            self.row = E.row(role="label") if role.data.get("label") else E.row()
            self._cells(self.row, segs)
            self.table.append(self.row)
        else:
            self._cells(self.row, segs, new=role.data.get("new", True))
        if role.cert:
            self.weak.append((line, "table title" if part == "head" else "table row", role.cert))
        line.role = f"table ({part})"  # its evidence was noted when the role was given

    def _apply_role(self, i: int, line: Line, role: Role) -> bool:
        """Build the TEI of a line with a role; ``False`` when the role does not apply here (the
        line is then read as any other)."""
        kind = role.kind
        if kind == "page-label":
            self._page_label(line, role)
        elif kind == "page-credit":
            self._page_credit(line)
        elif kind == "caption":
            self._caption(line, role)
        elif kind == "editorial":
            self._editorial(line, role, last=i + 1 >= len(self.lines))
        elif kind == "lead-in":
            self._lead_in(line, role)
        elif kind in ("byline", "credit"):
            if kind == "byline" and not self._title_only(bylines=True) and not self._sub_title_only():
                return False
            if (role.data.get("unit") or role.data.get("date")) and self.article is not None and len(self.article) \
                    and self.article[-1].tag.endswith("}byline"):
                # the author's unit under the name, the date under a signature (落款): the same
                # byline, on a line of its own
                last = self.article[-1]
                last.append(E.lb())
                segs = _strip(line.segments)
                last.append(inline(E.orgName() if role.data.get("unit") else signed_date("".join(t for t, _ in segs if not is_mark(t))), segs))
                return True
            self._note("byline", _strip(line.segments), role.cert)
            if role.cert:
                self.weak.append((line, "byline", role.cert))
            if kind == "credit":
                self.boundary = True
        elif kind == "section" and self._box_column(i):
            # a box in 【】 (【统计知识】, 【政策链接】) after a piece's end over one short title and
            # its text: a box set beside the stories (``div type="box"``), its label the head, its
            # title a second head (``type="sub"``), no column
            self.headings_found += 1
            self._close()
            self.section, self.section_is_brief = None, False
            self._new_article(line, None, role.cert)
            self.article.set("type", "box")
            if self._box_column(i) == "untitled":
                line.note("heading (box)", "a notice's name in 【】 (…提示) over untitled advice, no titled piece after "
                                           "it: a box set beside the stories, not a column")
            else:
                line.note("heading (box)", "a box's name in 【】 (…知识, …链接) after a piece's end over one titled "
                                           "text: a box set beside the stories, not a column")
                self._box_titles.add(id(self.lines[i + 1]))
        elif kind == "section":
            self.headings_found += 1
            self._new_section(line, role.cert)
        elif kind == "subhead" and role.data.get("article"):
            # a briefing's numbered pieces (roles._numbered_pieces): each opens an article; a
            # column's numbered items (roles._column_items) each a brief, the number its label
            self.headings_found += 1
            self._close()
            line.role, line.cert = "heading (article)", role.cert  # its evidence was noted when the role was given
            if role.data.get("brief"):
                self._new_article(line, None, role.cert, kind="brief", head_el=self._numbered_head(line, role.cert))
                self.numbered_column = self.section is not None
            else:
                self._new_article(line, None, role.cert)
            self._last_head_line = line
        elif kind == "subhead":
            if self.article is None:
                return False
            self.headings_found += 1
            self._subhead(line, role.data["level"], role.cert, role.data.get("sequence"))
        elif kind == "verse":
            self._verse(line, role)
        elif kind == "brief":
            return self._brief(line, role)
        elif kind == "table":
            self._table(line, role)
        elif kind == "footnote":
            self._footnote(line, role)
        elif kind == "separator":
            self._separator(line)
        elif kind == "attachment":
            self._text_line(line, i)
            self.para_open = False
            self.boundary = True
        else:
            return False
        return True

    def build(self) -> etree._Element:
        """Build and return ``<body>`` (it holds at least one ``<div>``)."""
        self._last_head_line: Line | None = None
        self._last_section_line: Line | None = None  # the line a column's name read by its shape stands on
        self.table: etree._Element | None = None
        self.table_n, self.row = 0, None
        for i, line in enumerate(self.lines):
            role = self._role(i)
            if role is None or role.kind != "table":
                self.table = self.row = None  # any other line ends the table
            if role is not None and not (self.para_open and role.kind in ("verse",)) and self._apply_role(i, line, role):
                continue
            if id(line) in self._box_titles:
                if lead_marks(line.segments)[0]:
                    # a page break between the box's name and its title: a line of the box's text
                    # (no furniture stands between a division's heads)
                    line.note("paragraph", "a box's title with a page break before it: a line of the box's text")
                    self._text_line(line, i)
                else:
                    # the title of a box under its name: the box's second head
                    head = self._head(line, "medium")
                    head.set("type", "sub")
                    self.article.append(head)
                    line.note("heading (box title)", "a short line under a box's name: the box's title", "medium")
                continue
            if self._listed_title_tail(i):
                self._continue_head(self.article[-1], line, "medium",
                                    "a few words under the title, no punctuation: the list's entry for the title "
                                    "ends with them, the title above does not (a title the wrap cut before its "
                                    "last words)")
                continue
            h = self.classify(i)
            if h is None:
                self._text_line(line, i)
                continue
            self.headings_found += 1
            self._close()
            line.note(f"heading ({h.kind})", h.why, h.cert)
            if h.kind == "section":
                self._new_section(line, h.cert)
                self._last_section_line = line
                self.section_is_brief = self.section_is_brief or h.brief
            elif h.kind == "subsection" and (numbered := subhead_level(line) or _labelled_level(line)) is not None:
                # a numbered line read as a sub-heading by its shape (no role: a list, not running
                # text, under it): nested by its number's level like the others (GB/T 15834 B.3.8),
                # a sibling of the 一、 above, not a division inside it
                self._subhead(line, numbered[0], h.cert)
            elif h.kind == "subsection":  # unnumbered: under the open numbered one, if any
                while self.subs and self.subs[-1][0] >= UNNUMBERED:
                    self.subs.pop()
                # an old page break right before the sub-heading stands before its division
                marks, line.segments = lead_marks(line.segments)
                emit_marks(self.subs[-1][1] if self.subs else self.article, marks)
                self.sub = E.div(type="subsection")
                self.sub.append(self._head(line, h.cert))
                (self.subs[-1][1] if self.subs else self.article).append(self.sub)
                self.subs.append((UNNUMBERED, self.sub))
            elif h.entry is None and self._title_only():
                self._second_title_line(line, h, self.lines[i + 1] if i + 1 < len(self.lines) else None)
            elif self._kicker_above(line):
                # the contents list names this line; the inferred line above it is its 引题
                heads = list(self.article)
                heads[0].set("type", "kicker")
                self.article.append(self._head(line, h.cert))
                if self.entries[h.entry].target is None:
                    self.entries[h.entry].target = self.article.get(XML_ID)
            else:
                if why_out := self._leaves_column(i, h.entry):
                    # a piece of another kind than the column's: the column has ended (weak)
                    self.section, self.section_is_brief = None, False
                    line.note("heading (article)", why_out, "medium")
                    self.weak.append((line, "column end", "medium"))
                self._new_article(line, h.entry, h.cert)
                if h.entry is None and BOX_NAME_RE.match(line.key) and not line.marked:
                    # a box's label standing after a piece's end (温馨提示, 知识链接): the
                    # box the page sets beside the stories, no story of its own (``div type="box"``)
                    self.article.set("type", "box")
                    line.note("heading (box)", "a box's label (温馨提示, 小贴士, 知识链接) after a piece's "
                                               "end: a box set beside the stories, not an article")
                    if (i + 2 < len(self.lines) and self._role(i + 1) is None
                            and (heading_shape(self.lines[i + 1]) or self.lines[i + 1].marked)
                            and self._role(i + 2) is None and not heading_shape(self.lines[i + 2])):
                        # its own title under the label (安全知识 / 雷雨天气家庭用电“六不要”): a second head
                        self._box_titles.add(id(self.lines[i + 1]))
            self._last_head_line = line
        if not len(self.body) or not xpath(self.body, ".//tei:div"):
            self._new_article(None, None)
            self.article.append(E.p())
        for div in self.body.iter("{*}div"):
            if div.get("type") not in ("section", "editorial") and all(
                    c.tag.endswith(("}head", "}fw", "}pb", "}byline", "}note", "}figure", "}opener")) for c in div) \
                    and not any(c.tag.endswith(("}p", "}lg", "}div", "}ab")) for c in div):
                # an article printed as a heading with nothing under it: an empty <p/> (no
                # character added) says so; a section may hold only its heading (TEI P5 §4.1)
                _insert_empty_p(div)
        link_jumps(self.body)
        link_split_paragraphs(self.body)
        return self.body


def _note_anchor(div: etree._Element, sign: str) -> tuple[etree._Element, str] | None:
    """Where the footnote sign *sign* (①) stands last in the text of *div* before its end: ``(element,
    "text" | "tail")`` of the text node holding it, or ``None``. Read backwards through the
    paragraphs and sub-divisions, never into a heading, a note, a label or page furniture, and no
    further back than the last footnote already there (the page's notes before: the text above them
    is an earlier page's), so each page's text is read a bounded number of times."""
    def back(el: etree._Element):
        for child in reversed(el):
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if child.tail and sign in child.tail:
                return child, "tail"
            if name == "note" and child.get("place") == "foot":
                return False
            if name in ("p", "div", "hi", "persName", "orgName", "q", "quote", "seg"):
                found = back(child)
                if found is not None:
                    return found
        if el is not div and etree.QName(el).localname != "div" and el.text and sign in el.text:
            return el, "text"
        return None

    found = back(div)
    return found or None


def _anchor_ref(el: etree._Element, where: str, sign: str, target: str) -> None:
    """Wrap the last *sign* of *el*'s text or tail (*where*) in ``<ref target>``: the footnote's
    anchor, the printed sign kept as the reference's text (TEI P5 §3.9.1, §16.1: a pointer from
    the place of the sign to the note)."""
    text = el.text if where == "text" else el.tail
    k = text.rindex(sign)
    ref = E.ref(sign, target=target)
    ref.tail = text[k + 1 :]
    if where == "text":
        el.text = text[:k]
        el.insert(0, ref)
    else:
        el.tail = text[:k]
        parent = el.getparent()
        parent.insert(parent.index(el) + 1, ref)


def _insert_empty_p(div: etree._Element) -> None:
    """Put an empty ``<p/>`` where TEI's div allows it: after the heads, openers and author
    lines (divTop) and before what ends the division."""
    k = 0
    while k < len(div) and div[k].tag.endswith(("}head", "}opener", "}fw", "}pb")) or (
            k < len(div) and div[k].tag.endswith("}byline") and k + 1 < len(div)):
        k += 1
    div.insert(k, E.p())


#: A line that opens with the speaker's verb of a quotation right above (``黄秀英说。``, ``他表示，``).
SPEAKER_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:说|表示|介绍|告诉记者|感慨|笑着说)[。，：:]")


#: A jump line that sends the reader on (下转第二版) or back (上接第一版).
#: Words by which an editor's note speaks of the whole issue (本期 this issue, 本刊 this journal, 本辑).
ISSUE_WORD_RE = re.compile(r"本期|本刊|本辑")
JUMP_ON_RE = re.compile(r"下转|转第|转\s*[\d一二三四五六七八九十]+\s*版")
JUMP_BACK_RE = re.compile(r"上接|接第|接\s*[\d一二三四五六七八九十]+\s*版")


#: The title of the editors' own piece about the whole issue (编后记, 编后语, 编者的话, 卷首语, 编辑手记,
#: 写在前面): printed after (or before) the columns, no piece of one of them
EDITORS_PIECE_RE = re.compile(r"^(?:编后记|编后语|编后|编者的话|卷首语|编辑手记|写在前面|刊首语)$")


def in_order(short: str, long: str) -> bool:
    """Every character of *short* stands in *long*, in the same order (a subsequence: an
    abbreviation of *long*, 缩略 keeping characters of its words, 茶文化旅游节 → 茶旅节). Linear in
    the two lengths."""
    it = iter(long)
    return all(c in it for c in short)


def link_jumps(body: etree._Element) -> None:
    """A story continued on another page (TEI P5 §16.7 "Aggregation", ``att.fragmentable``): the
    article ending with a jump line ``下转…`` is ``@part="I"``, the one opening with ``上接…`` is
    ``@part="F"``; each F is linked (``@prev``/``@next``) to the nearest I before it with the
    same head (or a shortened one, or a similar one; or with any head, when the continued part
    prints none)."""
    initial: list[etree._Element] = []
    for div in xpath(body, ".//tei:div[@type='article' or @type='brief']"):
        notes = xpath(div, "tei:note[@type='continuation']")
        texts = ["".join(n.itertext()) for n in notes]
        head = re.sub(r"\s+", "", "".join(xpath(div, "string(tei:head[not(@type)])")))
        if texts and JUMP_BACK_RE.search(texts[0]):
            first_block = next((c for c in div if not c.tag.endswith(("}head", "}fw", "}pb"))), None)
            if first_block is notes[0]:
                div.set("part", "F")
                open_parts = [c for c in reversed(initial) if c.get("next") is None]
                heads = [re.sub(r"\s+", "", "".join(xpath(c, "string(tei:head[not(@type)])"))) for c in open_parts]
                # the same head, else one the continued part shortened (秋收秋种有序推进 of
                # 全县秋收秋种有序推进) or printed a little differently, else none printed
                cand = next((c for c, h in zip(open_parts, heads) if not head or head == h), None)
                if cand is None:
                    cand = next((c for c, h in zip(open_parts, heads)
                                 if h and (head in h or h in head or _similar(head, h) >= MATCH_RATIO)), None)
                if cand is None and len(head) >= 4:
                    # a head abbreviated over the jump (茶旅节开幕 of 第五届芷桥茶文化旅游节开幕: an
                    # abbreviation keeps its words' characters in their order, 茶文化旅游节 → 茶旅节)
                    cand = next((c for c, h in zip(open_parts, heads) if h and in_order(head, h)), None)
                if cand is None and head:
                    # the continued part carries the story's 引题 as its head (newspaper practice
                    # prints the shorter line over the jump)
                    cand = next((c for c in open_parts if head == re.sub(
                        r"\s+", "", xpath(c, "string(tei:head[@type='kicker'])"))), None)
                if cand is not None:
                    cand.set("next", "#" + div.get(XML_ID))
                    div.set("prev", "#" + cand.get(XML_ID))
        if texts and JUMP_ON_RE.search(texts[-1]):
            div.set("part", "I") if div.get("part") is None else div.set("part", "M")
            initial.append(div)


#: Running text: a paragraph half the make-up cut holds a clause mark or a sentence end before its
#: cut (a heading, a label, a name has none)
RUNNING_TEXT_RE = re.compile(r"[，,。；;：:]")
#: A cut inside a clause: the part above ends in a word that opens a phrase it does not finish
#: (a modifier's 的/地 before its head, a conjunction 和/与/及/或/并 before the second conjunct, a
#: preposition 由/把/被/对/向/从/在/将/给/跟/同/为 before its object), and shows a mark of prose
#: (、“”《》（）: an enumeration, a quotation, a title) or runs twenty characters: a sentence the
#: make-up cut before its first clause mark (``这个项目由高二（3）班的魏子航、宁诗雨和高二（6）班的``).
#: A heading, a label, a name ends in none of these words.
_CUT_CLAUSE_END = frozenset("的地和与及或并由把被对向从在将给跟同为")
_PROSE_MARK_RE = re.compile(r"[、“”《》（）]")


def running_text(text: str) -> bool:
    """*text* (one part of a paragraph the make-up cut, stripped) is running text: it holds a
    clause mark or a sentence end (:data:`RUNNING_TEXT_RE`), or it was cut inside its first clause
    (:data:`_CUT_CLAUSE_END`: it ends in a word that cannot close a phrase, and shows a mark of prose
    or runs twenty characters). What tells half a paragraph from a heading or a label over a
    photo (news make-up: a photo set between two halves of a paragraph)."""
    if RUNNING_TEXT_RE.search(text):
        return True
    return bool(text) and text[-1] in _CUT_CLAUSE_END and (len(text) >= 20 or _PROSE_MARK_RE.search(text) is not None)


def link_split_paragraphs(body: etree._Element) -> list[etree._Element]:
    """A paragraph printed in two parts with photos set between them (a page's make-up: the
    first part stops mid-sentence over the figure, the second goes on under its caption and
    credit), or with the page's footnotes between them (页下注 at the foot of the page the
    paragraph runs off, ``note place="foot"``, TEI P5 §3.9.1): the two ``<p>`` become one paragraph
    by aggregation (TEI P5 §16.7, ``@next`` on the
    first, ``@prev`` on the second, an ``xml:id`` on each), the figures and notes stay where they were
    printed (``figure`` and ``note`` are ``model.global``, TEI P5 §14.4). Only where the part above is running
    text (:func:`running_text`, ten characters or more) that stops mid-sentence
    (:func:`convert.reader.layout.unfinished`, or after a clause's semicolon over a part that opens
    no numbered or bulleted item) and the part below is a paragraph of the same
    division. Returns the second parts, in document order; linear in the body's size."""
    linked = []
    n = 0
    furniture = (t("fw"), t("pb"))
    between = [e for e in body.iter(t("figure"), t("note")) if e.tag == t("figure") or e.get("place") == "foot"]
    for fig in between:
        prev = fig.getprevious()
        while prev is not None and prev.tag in furniture:  # a page break may stand between them
            prev = prev.getprevious()
        if prev is None or prev.tag != t("p") or prev.get("next"):
            continue  # not the first of a run of figures (or notes) after a paragraph
        nxt = fig.getnext()
        while nxt is not None and (nxt.tag in (t("figure"),) + furniture
                                   or (nxt.tag == t("note") and nxt.get("place") == "foot")):
            nxt = nxt.getnext()
        if nxt is None or nxt.tag != t("p"):
            continue
        above = "".join(xpath(prev, ".//text()[not(ancestor::tei:fw)]")).strip()
        below = "".join(xpath(nxt, ".//text()[not(ancestor::tei:fw)]")).strip()
        # (a clause ended by a semicolon goes on too, unless the part below opens an item of its own,
        # numbered or bulleted: a paragraph ends a sentence, not a clause)
        clause = above[-1:] in "；;" and not re.match(r"[（(]?[\d一二三四五六七八九十①-⑳]{1,2}[）)、.．]|[●■◆▲★◎·]", below)
        if len(above) < 10 or not below or not running_text(above) or not (unfinished(above) or clause):
            continue
        n += 1
        for el, suffix in ((prev, "a"), (nxt, "b")):
            if el.get(XML_ID) is None:
                el.set(XML_ID, f"p{n}{suffix}")
        prev.set("next", "#" + nxt.get(XML_ID))
        nxt.set("prev", "#" + prev.get(XML_ID))
        linked.append(nxt)
    return linked


def build_body(doc: LogicalText) -> None:
    """Body: headings and sub-headings, paragraphs and page-break joins, bylines, notes, verse and
    briefs, in one sweep of :class:`BodyBuilder` over the body's lines and their roles. Without a
    contents list or any heading, the text is read again as untitled articles."""
    body_lines = doc.lines[doc.body_start : doc.colophon_start]
    roles = {i - doc.body_start: r for i, r in doc.roles.items() if doc.body_start <= i < doc.colophon_start}
    doc.builder = BodyBuilder(body_lines, doc.contents, roles=roles, family=doc.family,
                              wrap_width=getattr(doc, "wrap_width", None), physical=doc.physical,
                              box_ids=doc.box_ids)
    doc.body = doc.builder.build()
    if not doc.builder.headings_found and doc.contents is None and not roles:
        doc.builder = BodyBuilder(body_lines, None, structureless=True, family=doc.family)
        doc.body = doc.builder.build()
        doc.structureless = True
