"""The classes of issue #21, each on a small text made for it (no sample's sentences): what the
reader built confidently wrong before, and what it builds now.

1 报头 · 2 按语 · 3 sub-heads with a comma · 4 credits · 5 报尾 · 6 a journal's colophon ·
7 newspaper pages (labels, 本版责编, 导读, feature sub-heads, verse, captions) · 8 header (genre,
two bodies) · 9 issue boundaries · 10 two series in one file; then the honest confidence
(@cert, one warning, --explain, --genre) and the writers on the new elements.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from degrade import assert_round_trips
from sampledata import nows, source_content

from convert.cli import main
from convert.reader import explain, read_bulletin, read_issues
from convert.reader.body import balanced_subheading
from convert.reader.layout import colophon_fields
from convert.reader.physical import run_physical
from convert.reader.logical.genre import weigh
from convert.reader.masthead import classify, fields_of, read_masthead
from convert.reader.lines import split_lines
from convert.tei import XML_ID, local, xpath
from convert.validators.tei import own_schema
from convert.writers.txt import render

ROOT = Path(__file__).resolve().parent.parent

BRIEFING = """内部资料　注意保存

# 信 息 专 报

第3期（总第41期）

沙河县人民政府办公室　　　　　　　2022年3月8日

编者按：这期刊发的做法具体实在，请各乡镇结合实际参考借鉴。

## 白杨镇推行“一村一员”代办服务

白杨镇在全镇22个村设立便民代办员，群众办事不出村就能提交材料，去年共代办事项1300余件。

### 一、建强队伍，定岗定责

代办员由村干部和大学生村官担任，镇便民服务中心每月组织一次业务培训。

### 二、规范流程，限时办结

代办事项实行登记、流转、反馈三个环节闭环管理，一般事项三个工作日内办结。

（白杨镇人民政府供稿）

## 县林业局开展春季森林防火督查

按：春季是森林火灾易发期，各地要压紧压实责任，这里刊登的做法值得借鉴。

3月以来，县林业局组织三个督查组，对全县重点林区开展防火督查，发现并整改隐患17处。

（县林业局　邓志远）

---

报：市政府办公室。

送：县委、县人大、县政协领导。

发：各乡镇人民政府，县直各单位。

---

签发：吴长青　　　审核：魏敏　　　　（共印80份）
"""


def read(text: str, **kw):
    warnings: list[str] = []
    docs = read_issues(text, "t.txt", warnings=warnings, **kw)
    return docs, warnings


def texts(root, path: str) -> list[str]:
    return [nows("".join(el.itertext())) for el in xpath(root, path)]


round_trips = assert_round_trips


def issue_fields(root) -> tuple[str, str, str]:
    """The header's issue date (``@when``), issue number (``biblScope/@n``) and cumulative number."""
    monogr = xpath(root, "//tei:biblStruct/tei:monogr")[0]
    return (xpath(monogr, "string(tei:imprint/tei:date/@when)"), xpath(monogr, "string(tei:biblScope/@n)"),
            xpath(monogr, "string(tei:idno[@type='cumulative'])"))


# ----------------------------------------------------------------------------- 1 报头, 8 header


def test_masthead_fields_are_classified_one_by_one():
    assert [k for k, _, _ in fields_of("沙河县人民政府办公室　　　2022年3月8日")] == ["org", "date"]
    assert [k for k, _, _ in fields_of("2021年9月17日　星期五　农历辛丑年八月十一")] == ["date", "date-part", "lunar"]
    assert [k for k, _, _ in fields_of("第37期（总第1186期）　　今日4版")] == ["edition", "pages"]
    assert [k for k, _, _ in fields_of("国内统一连续出版物号 CN 41-0628/(F)　　邮发代号 35-62")] == ["cn", "postal"]
    assert classify("第6期（总第64期）") == "edition" and classify("春灌时节引水忙　麦田返青长势旺") == "title"
    mh = read_masthead(split_lines("督 查 通 报\n第5期（总第63期）\n中共沙河县委督查室\n沙河县人民政府督查室　　2022年5月20日\n★"))
    assert (mh.title, mh.issue, mh.issue_total, mh.when) == ("督查通报", 5, 63, "2022-05-20")
    assert mh.publishers == ["中共沙河县委督查室", "沙河县人民政府督查室"] and mh.rule_marks == ["★"]
    mh = read_masthead(split_lines("某某报\n第1523期　今日2版"))
    assert (mh.issue, mh.issue_total, mh.pages) == (None, 1523, 2)  # no year has 1523 issues


def test_a_typed_rule_line_under_the_masthead_is_the_title_pages_rule_mark_and_the_title_stands_alone():
    """The 版头's 分隔线 (GB/T 9704-2012 7.2.6) typed as a run of box-drawing characters, here
    spaced, is a rule mark of the titlePage like a ★ line, never a heading or part of the title."""
    src = ("农业信息简报\n\n第7期\n\n青石县农业农村局　　　　　　2023年5月8日\n\n━ ━ ━ ━ ━ ━ ━ ━ ━ ━\n\n"
           "青石县启动春季农机安全检查\n\n\t5月上旬，县农业农村局召开会议，部署全县春季农机安全检查工作。会议要求各乡镇"
           "逐户排查，建立台账，限期整改。\n\n\t检查从5月10日开始，到6月10日结束，共分三个阶段进行。\n\n"
           "（县农机站供稿）\n\n抄送：县委办、县政府办。\n青石县农业农村局办公室　　2023年5月8日印发\n")
    docs, _ = read(src)
    root = docs[0].root
    assert texts(root, "//tei:titlePage/tei:fw[@type='rule']") == ["━━━━━━━━━━"]
    assert texts(root, "//tei:body//tei:head") == ["青石县启动春季农机安全检查"]
    assert read_masthead(split_lines("某某简报\n第3期\n═══════")).rule_marks == ["═══════"]
    assert classify("━━━━") == "title"  # four marks are no rule
    round_trips(docs, src)


def test_a_bare_number_right_under_the_yinfa_line_is_the_last_pages_folio_and_the_next_masthead_opens_the_next_issue():
    """GB/T 9704-2012 7.4.3 and 7.5: the 印发 line closes the 版记 on an issue's last page; a bare
    number right under it is that page's folio, though no blank line or form feed sets it apart,
    and the next issue's title under it opens the next issue (no line run into the folio)."""
    def issue(n, day):
        return (f"农业信息简报\n第{n}期\n青石县农业农村局　　　　　　2023年5月{day}日\n"
                f"青石县第{n}次农机安全检查完成\n\t县农业农村局召开会议，部署全县春季农机安全检查工作，要求各乡镇逐户排查，"
                f"建立台账，限期整改，确保按期完成。\n\t检查共分三个阶段进行，目前第一阶段已经结束，发现隐患一百余处。\n"
                f"抄送：县委办、县政府办。\n青石县农业农村局办公室　　2023年5月{day}日印发\n2\n")
    src = issue(7, 8) + issue(8, 22)
    docs, _ = read(src)
    assert len(docs) == 2
    for d in docs:
        assert texts(d.root, "//tei:docTitle/tei:titlePart[@type='main']") == ["农业信息简报"]
        assert texts(d.root, "//tei:fw[@type='pageNum']") == ["2"]
        assert not [p for p in texts(d.root, "//tei:p") if p.startswith("2") or p.endswith("2")]
    round_trips(docs, src)


def test_the_typed_rules_of_a_banji_are_rule_marks_of_the_colophon_no_article():
    """GB/T 9704-2012 7.4.1: the 版记 prints a 分隔线 over its first line, between its lines and
    under its last; typed as runs of box-drawing characters they are ``fw type="rule"`` in the
    colophon, with or without blank lines, never a paragraph or an article of the body."""
    rule = "─────────────────"
    body = ("农业信息简报\n\n第7期\n\n青石县农业农村局　　　　　　2023年5月8日\n\n"
            "青石县启动春季农机安全检查\n\n\t5月上旬，县农业农村局召开会议，部署全县春季农机安全检查工作。会议要求各乡镇"
            "逐户排查，建立台账，限期整改。\n\n（县农机站供稿）\n\n")
    for gap in ("\n", ""):
        src = body + f"{rule}\n{gap}抄送：县委办、县政府办。\n{rule}\n青石县农业农村局办公室　　2023年5月8日印发\n{rule}\n"
        docs, _ = read(src)
        root = docs[0].root
        assert texts(root, "//tei:back//tei:fw[@type='rule']") == [rule] * 3
        assert not [p for p in texts(root, "//tei:body//tei:p") if "─" in p]
        assert len(xpath(root, "//tei:body/tei:div")) == 1
        round_trips(docs, src)
    # a rule line with no 版记 under it stays in the body
    docs, _ = read(body + rule + "\n")
    assert not xpath(docs[0].root, "//tei:back")


def test_an_imprint_of_the_compound_verb_bianji_chuban_names_the_body_alone():
    """``…中心编辑出版`` (edits and publishes) is one publishing verb: the publisher is the body
    without 编辑, and the imprint is a ``docImprint``."""
    mh = read_masthead(split_lines("某某报\n中共某某县委主办　　某某县新闻中心编辑出版\n第1523期　今日2版"))
    assert (mh.sponsor, mh.publisher, mh.publisher_verb) == ("中共某某县委", "某某县新闻中心", "编辑出版")


def test_a_sponsor_printed_label_first_is_a_masthead_imprint_and_the_issue_line_below_reaches_the_header():
    """``主办：中共某某街道工作委员会　某某街道办事处`` (the 主办 body printed label first, as a 版头
    names it, GB/T 9704-2012 7.2) is a masthead line: the masthead does not end above it, so the
    issue number and date under it reach the header; before, it read as running text and the
    issue line ran on into it."""
    text = ("某 湖 社 区 报\n\n内部资料　免费交流\n\n主办：中共某湖街道工作委员会　某湖街道办事处\n\n"
            "第3期（总第21期）　　　　2024年3月8日　星期五　　　　本期2版\n\n第一版　社区要闻\n\n"
            "某湖街道开展义诊活动\n\n本报讯（通讯员 林风）3月6日，街道在社区广场开展义诊活动，为居民量血压。\n")
    mh = read_masthead(split_lines("某湖社区报\n主办：中共某湖街道工作委员会"))
    assert mh.sponsor == "中共某湖街道工作委员会"
    docs, _ = read(text)
    assert len(docs) == 1
    monogr = xpath(docs[0].root, "//tei:biblStruct/tei:monogr")[0]
    assert xpath(monogr, "string(tei:imprint/tei:date/@when)") == "2024-03-08"
    assert (xpath(monogr, "string(tei:biblScope/@n)"), xpath(monogr, "string(tei:idno[@type='cumulative'])")) \
        == ("3", "21")
    assert texts(docs[0].root, "//tei:titlePage/tei:byline/tei:orgName") == ["中共某湖街道工作委员会"]
    # both bodies the 主办 line names sponsor the paper: one respStmt, an orgName each
    assert texts(monogr, "tei:respStmt[tei:resp='主办']/tei:orgName") == ["中共某湖街道工作委员会", "某湖街道办事处"]
    round_trips(docs, text)


def test_a_masthead_line_of_two_bodies_printed_label_first_is_no_running_text_and_opens_no_second_issue():
    """A paper's 报头 line naming two bodies label first (``主办：…　　编印：…``, GB/T 9704-2012 7.2:
    the 版头 names the 发文机关; a paper names its 主办 and 编印 bodies so), over 30 characters with
    its colons: the colons are labels', the line no running text, so the issue line under it is
    the same masthead's, not a second issue's; the header has the issue's date and numbers."""
    text = ("# 某 岭 信 合\n\n内部资料　免费交流\n"
            "主办：某岭县农村信用合作联社股份有限公司　　编印：某岭信合党群工作办公室\n"
            "2024年6月7日　星期五　　第9期（总第88期）　　今日2版\n\n"
            "## 第一版　要闻\n\n# 某岭信合召开半年工作会议\n\n"
            "本报讯（记者 林风） 6月3日，某岭信合召开半年工作会议，总结上半年工作，部署下半年任务。\n")
    docs, _ = read(text)
    assert len(docs) == 1
    assert issue_fields(docs[0].root) == ("2024-06-07", "9", "88")
    assert texts(docs[0].root, "//tei:body//tei:head") == ["某岭信合召开半年工作会议"]
    round_trips(docs, text)


def test_a_directory_box_of_names_and_telephone_numbers_is_one_article_under_its_head_no_titles():
    """A 便民信息 box: a head, then lines of a name, a gap and a telephone number. An entry is no
    heading (a heading names an article, it gives no number to dial) and no entry runs on into the
    next (it ends with its number); the head over the entries heads the box's article."""
    text = ("某河社区报\n\n第2期（总第9期）　　2024年4月1日\n\n"
            "社区开展春季植树活动\n\n本报讯（通讯员 林风）3月29日，社区组织居民在河堤种下树苗。\n\n"
            "服务电话\n\n社区服务站　6123 4500\n\n物业服务中心　6123 4511\n\n供电抢修　6130 9955\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:head") == ["社区开展春季植树活动", "服务电话"]
    assert texts(root, "//tei:div[tei:head='服务电话']/tei:p") == ["社区服务站61234500",
                                                                  "物业服务中心61234511", "供电抢修61309955"]
    assert xpath(root, "//tei:body//tei:head[.='服务电话']/@cert")
    round_trips(docs, text)


def test_a_bracketed_credit_after_a_sentence_end_ends_the_line_without_blank_lines():
    """Without blank lines, a brief that ends ``…。（某某社区　林风）`` (its credit in brackets after
    the last sentence) ends there: the next item's head is not run into it."""
    text = ("某河社区报\n第2期（总第9期）　　2024年4月1日\n社区动态\n"
            "东湖社区开设托管班\n放学后孩子没人看管，社区开设托管班，首批报名的20名学生已全部入班。（东湖社区　林风）\n"
            "西街社区为老人安装扶手\n近日，西街社区为辖区30户老人免费安装了楼道扶手，并上门讲解防跌倒常识。\n")
    docs, _ = read(text)
    assert texts(docs[0].root, "//tei:body//tei:div[@type!='section']/tei:head") == ["东湖社区开设托管班",
                                                                                     "西街社区为老人安装扶手"]
    round_trips(docs, text)


def test_a_masthead_date_cut_before_its_day_with_fields_after_it_is_rejoined():
    """A masthead line the extraction cut after the month (``…2024年3月`` / ``8日　星期五　　本期2版``):
    the day goes with its month, the header has the full issue date."""
    text = ("某湖社区报\n第3期（总第21期）　　　　2024年3月\n8日　星期五　　　　本期2版\n第一版　社区要闻\n"
            "某湖街道开展义诊活动\n本报讯（通讯员 林风）3月6日，街道在社区广场开展义诊活动，为居民量血压。\n")
    docs, _ = read(text)
    monogr = xpath(docs[0].root, "//tei:biblStruct/tei:monogr")[0]
    assert xpath(monogr, "string(tei:imprint/tei:date/@when)") == "2024-03-08"
    round_trips(docs, text)


def test_briefing_masthead_imprint_line_is_no_heading_and_its_date_is_the_issue_date():
    docs, _ = read(BRIEFING)
    root = docs[0].root
    assert texts(root, "//tei:titlePage/tei:docImprint/tei:publisher") == ["沙河县人民政府办公室"]
    assert texts(root, "//tei:titlePage/tei:docImprint/tei:docDate") == ["2022年3月8日"]
    monogr = xpath(root, "//tei:biblStruct")[0]
    assert monogr.get("type") == "briefing"
    assert xpath(monogr, "string(.//tei:imprint/tei:date/@when)") == "2022-03-08"
    assert (xpath(monogr, "string(.//tei:biblScope/@n)"), xpath(monogr, "string(.//tei:idno[@type='cumulative'])")) \
        == ("3", "41")
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["白杨镇推行“一村一员”代办服务",
                                                                 "县林业局开展春季森林防火督查"]
    round_trips(docs, BRIEFING)


SIGNED_BRIEFING = """某　山　县　水　文　站

汛情专报

2024年第5期（总第33期）

某山县水文站　　　　签发：柯明远　　　　2024年7月2日


主汛期首轮洪水过程平稳结束　下游水位持续回落

    7月1日以来，全县主要河流出现一次涨水过程，各站水位均在警戒水位以下，目前下游水位持续
回落，请各有关单位继续做好防范。

一、雨水情况

    1日08时至2日08时，全县平均降雨量42.6毫米。
"""


def test_a_banner_line_of_unit_signer_and_date_is_the_masthead_not_a_heading():
    """A 版头 line of the 编印 unit, ``签发：name`` (GB/T 9704-2012 7.2.5 签发人) and the date apart
    by wide gaps is a masthead line: the date is the issue date, 签发 a ``byline`` with the name a
    ``persName`` (and a ``respStmt`` in the header, as a colophon's 签发 is), and the report's title
    under it stands alone. Failed before: the line was glued onto the title as one heading."""
    docs, _ = read(SIGNED_BRIEFING)
    root = docs[0].root
    assert issue_fields(root) == ("2024-07-02", "5", "33")
    assert texts(root, "//tei:titlePage/tei:byline") == ["签发：柯明远"]
    assert texts(root, "//tei:titlePage/tei:byline/tei:persName") == ["柯明远"]
    assert texts(root, "//tei:biblStruct//tei:respStmt[tei:resp='签发']/tei:persName") == ["柯明远"]
    assert texts(root, "//tei:titlePage//tei:publisher") == ["某山县水文站", "某山县水文站"]
    assert texts(root, "//tei:biblStruct//tei:imprint/tei:publisher") == ["某山县水文站"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["主汛期首轮洪水过程平稳结束下游水位持续回落"]
    assert classify("某山县水文站　　签发：柯明远　　2024年7月2日") == "date"
    round_trips(docs, SIGNED_BRIEFING)


def test_a_closing_line_of_zhizuo_and_shenhe_fields_is_the_colophons():
    """A service bulletin's closing ``制作：name　　审核：name`` line under its 报/送 lines is a
    colophon line of label：value fields (制作, who made the product, beside 审核), so the 版记 is
    the colophon, not paragraphs; 制作 and 审核 are the header's respStmt. Failed before: 制作 was no
    colophon label, the run ended at that line and no colophon was found."""
    text = SIGNED_BRIEFING + "\n报：县委、县政府。\n\n送：各乡镇人民政府。\n\n制作：邵清和　　　　审核：严若松\n"
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:back/tei:div[@type='colophon']/tei:list[@type='gloss']/tei:label") == ["制作：", "审核："]
    assert texts(root, "//tei:back//tei:list[@type='distribution']/tei:label") == ["报：", "送："]
    assert texts(root, "//tei:biblStruct//tei:respStmt[tei:resp='制作']/tei:persName") == ["邵清和"]
    round_trips(docs, text)


def test_masthead_lines_of_numbered_fields_stand_on_their_own():
    """A paper's masthead printed line under line without blank lines: a line of registration
    numbers (CN, 邮发代号) or of the date, lunar date and weekday never runs on into the next one
    (it ended no sentence, but every field is a masthead's); before, the unwrapping ran them
    together, the run read as running text and the issue number under it started a second issue."""
    text = ("某溪报\nMOUXI WEEKLY\n中共某溪县委主办　　某溪县融媒体中心出版\n国内统一刊号：CN37-0836　　邮发代号：23-117\n"
            "2023年11月3日　农历癸卯年九月二十　星期五\n第44期　总第2218期　　今日2版\n\n第1版　要闻\n\n"
            "县城新建公园开放\n\n本报讯（记者 林风）11月1日，县城滨河公园正式开放，市民可沿河步道散步健身。\n")
    docs, _ = read(text)
    assert len(docs) == 1
    monogr = xpath(docs[0].root, "//tei:biblStruct/tei:monogr")[0]
    assert xpath(monogr, "string(tei:imprint/tei:date/@when)") == "2023-11-03"
    assert (xpath(monogr, "string(tei:biblScope/@n)"), xpath(monogr, "string(tei:idno[@type='cumulative'])")) \
        == ("44", "2218")
    assert xpath(monogr, "string(tei:idno[@type='CN'])") == "CN37-0836"
    assert texts(docs[0].root, "//tei:body//tei:head") == ["县城新建公园开放"]
    round_trips(docs, text)


def test_masthead_fields_cut_by_a_hard_wrap_are_joined():
    """A lunar date cut inside its month (``农历癸卯年九`` / ``月初六``), a CN number cut inside its
    brackets and a 准印证 number cut before its 号 (``…内资连`` / ``字第0519号``) are one masthead
    line each again, not headings; a
    registration notice whose second line opens a bracket of its own stays two lines."""
    text = ("芷阳新闻\n2023年10月20日　星期五　　农历癸卯年九\n月初六\n中共芷阳县委宣传部主办　　芷阳县融媒体中心编印\n"
            "国内统一连续出版物号 CN 41-0628/(F\n)　　邮发代号 35-62\n"
            "第40期（总第1032期）　　本期四版\n河南省连续性内部资料出版物准印证（豫）内资连\n字第0519号　　内部资料　免费交流\n"
            "第一版　要闻\n全县秋收秋种有序推进\n本报讯（记者 韦思成）寒露过后，我县广大农民抢抓晴好天气，一边收获玉米，一边整地播种小麦。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:head") == ["全县秋收秋种有序推进"]
    assert texts(root, "//tei:titlePage/tei:docDate/tei:date[@calendar]") == ["农历癸卯年九月初六"]
    assert xpath(root, "string(//tei:idno[@type='registration'])") == "河南省连续性内部资料出版物准印证（豫）内资连字第0519号"
    assert (xpath(root, "string(//tei:idno[@type='CN'])"), xpath(root, "string(//tei:idno[@type='postal'])")) \
        == ("CN 41-0628/(F)", "35-62")
    round_trips(docs, text)


def test_the_second_issues_imprint_unit_above_its_title_starts_it():
    """A briefing that prints its 编印 unit above the title (some 版头 do): in a file of two
    issues the unit and the title open the second one; before, they ended the first issue's
    back and the second had no title."""
    issue = ("桐溪县森林防灭火指挥部办公室\n\n# 森林防火工作简报\n\n第{n}期\n\n2024年3月{d}日\n\n---\n\n"
             "## 全县开展野外火源专项治理\n\n各乡镇组织林区农户签订防火责任书，相互监督野外用火，发现火情苗头及时报告和处置。\n\n---\n\n"
             "报：市森林防灭火指挥部办公室。\n\n发：各乡镇人民政府。\n\n（共印50份）\n")
    text = issue.format(n=2, d=8) + "\n\n\n" + issue.format(n=3, d=22)
    docs, _ = read(text)
    assert len(docs) == 2
    for doc, n in zip(docs, ("2", "3")):
        assert texts(doc.root, "//tei:titlePage/tei:docTitle/tei:titlePart") == ["森林防火工作简报"]
        assert xpath(doc.root, "string(//tei:biblScope[@unit='issue']/@n)") == n
        assert xpath(doc.root, "string(//tei:monogr/tei:imprint/tei:publisher)") == "桐溪县森林防灭火指挥部办公室"
    assert "桐溪县" not in nows("".join(xpath(docs[0].root, "//tei:back//text()")))
    round_trips(docs, text)


def test_genre_is_weighed_from_the_evidence():
    lines = split_lines(BRIEFING)
    decision = weigh(lines, read_masthead(lines[:4]), lines[:4], None)
    assert (decision.genre, decision.cert) == ("briefing", None)
    assert any("版记" in e.why for e in decision.evidence) and decision.scores["newspaper"] == 0


# ----------------------------------------------------------------------------- 2 按语, 4 credits


def test_editors_notes_are_notes_not_articles():
    root = read(BRIEFING)[0][0].root
    assert texts(root, "//tei:body/tei:div[@type='editorial']/tei:p/tei:label") == ["编者按："]
    second = xpath(root, "//tei:div[@type='article']")[1]
    assert texts(second, "tei:note[@type='editorial']/tei:label") == ["按："]
    assert len(xpath(root, "//tei:div[@type='article']")) == 2


def test_a_note_after_an_articles_credit_is_that_articles():
    """按： after an article's credit (an 按语 stands before, inside or after its article): a note
    of that article, not an editorial division of the issue."""
    text = BRIEFING.replace("（白杨镇人民政府供稿）\n", "（白杨镇人民政府供稿）\n\n按：这种做法让群众少跑腿，各乡镇可结合实际推广。\n")
    root = read(text)[0][0].root
    first = xpath(root, "//tei:div[@type='article']")[0]
    assert texts(first, "tei:note[@type='editorial']") == ["按：这种做法让群众少跑腿，各乡镇可结合实际推广。"]
    assert texts(root, "//tei:body/tei:div[@type='editorial']/tei:p/tei:label") == ["编者按："]


def test_credits_in_brackets_end_their_article():
    root = read(BRIEFING)[0][0].root
    first, second = xpath(root, "//tei:div[@type='article']")
    assert texts(first, "tei:byline") == ["（白杨镇人民政府供稿）"]
    assert texts(second, "tei:byline/tei:persName") == ["邓志远"]
    assert texts(second, "tei:byline/tei:orgName") == ["县林业局"]


def test_a_credit_naming_a_section_of_an_office_ends_its_article():
    """（县档案局业务股）, （研究一科）: the 股 and 科 inside a county office are bodies as much as the
    office is; the credit in brackets after running text ends its article, no heading of it."""
    text = ("县里召开档案工作会议\n\n3月以来，村里组织人员上门征集老照片，共收集两百余张。\n\n（县档案局业务股）\n\n"
            "县里举办档案开放日\n\n6月9日，县档案馆举办开放日活动，接待群众三百余人次。\n\n（研究一科）\n")
    docs, _ = read(text)
    root = docs[0].root
    first, second = xpath(root, "//tei:div[@type='article']")
    assert texts(first, "tei:byline") == ["（县档案局业务股）"]
    assert texts(second, "tei:byline") == ["（研究一科）"]
    assert texts(root, "//tei:body//tei:head") == ["县里召开档案工作会议", "县里举办档案开放日"]
    round_trips(docs, text)


def test_author_lines_under_a_title_and_lead_ins():
    text = ("## 梨花又开\n\n文／韩　晴\n\n春风一到，村口的梨树就开了花，远看像一片云。\n\n"
            "## 县里举办农民丰收节\n\n本报讯（记者 田野 通讯员 方圆）9月22日，县里举办农民丰收节，展销农产品两百余种。\n")
    root = read(text)[0][0].root
    first, second = xpath(root, "//tei:div[@type='article']")
    assert texts(first, "tei:byline") == ["文／韩晴"] and xpath(first, "tei:byline/following-sibling::tei:p")
    assert texts(second, "tei:opener/tei:dateline") == ["本报讯"]
    assert texts(second, "tei:opener/tei:byline/tei:persName") == ["田野", "方圆"]
    assert texts(second, "tei:p") == ["9月22日，县里举办农民丰收节，展销农产品两百余种。"]


# ----------------------------------------------------------------------------- 3 sub-heads


def test_numbered_sub_heads_with_a_comma_are_not_glued_to_their_text():
    root = read(BRIEFING)[0][0].root
    subs = xpath(root, "//tei:div[@type='article'][1]/tei:div[@type='subsection']")
    assert [nows("".join(xpath(s, "string(tei:head)"))) for s in subs] == ["一、建强队伍，定岗定责", "二、规范流程，限时办结"]
    assert all(len(xpath(s, "tei:p")) == 1 for s in subs)
    assert all(h.get("cert") == "high" for s in subs for h in xpath(s, "tei:head"))


def test_a_numbered_sub_head_right_under_the_title_is_one():
    """一、 right under a document's title (关于…的通报, GB/T 9704-2012 7.3: the text's first
    heading may follow the title): a sub-heading, not a second line of the title."""
    text = BRIEFING.replace("## 县林业局开展春季森林防火督查\n\n",
                            "**关于县林业局春季森林防火督查情况的通报**\n\n一、督查情况\n\n")
    root = read(text)[0][0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["白杨镇推行“一村一员”代办服务",
                                                                 "关于县林业局春季森林防火督查情况的通报"]
    assert texts(root, "//tei:div[@type='article'][2]/tei:div[@type='subsection']/tei:head") == ["一、督查情况"]
    round_trips(read(text)[0], text)


def test_an_attachment_note_of_several_attachments_is_one_note():
    """附件：1.… with 2.… aligned under it (GB/T 9704-2012 7.3.6): one attachment note that ends
    the article, not a level-3 sub-heading 2."""
    text = BRIEFING.replace("（县林业局　邓志远）\n", "附件：1.督查发现问题清单（略）\n　　　2.整改责任分工表（略）\n\n（县林业局　邓志远）\n")
    root = read(text)[0][0].root
    second = xpath(root, "//tei:div[@type='article']")[1]
    assert texts(second, "tei:p")[-1] == "附件：1.督查发现问题清单（略）2.整改责任分工表（略）"
    assert not xpath(second, "tei:div[@type='subsection']")
    round_trips(read(text)[0], text)


WRAPPED_ATTACHMENTS = """内部资料　注意保存
信 息 专 报
第3期（总第41期）
沙河县人民政府办公室　　　　　　　　2022年3月8日
县林业局开展春季森林防火督查
    3月以来，县林业局组织三个督查组，对全县重点林
区开展防火督查，发现并整改隐患17处。督查组逐乡逐村检
查了防火物资储备和值班值守情况，对发现的问题当场反
馈，限期整改到位，整改情况纳入年度考核，各乡镇要举
一反三，压紧压实责任。
    县林业局要求各乡镇在清明节前后加强巡山护林，在重
点路口设立检查站，严禁携带火种进山，发现火情及时报
告，确保不发生重大森林火灾，保护好全县的森林资源。
    各乡镇要组织半专业扑火队伍开展一次实战演练，检
验队伍的集结速度和扑救能力，对演练中暴露的问题，要
及时研究解决，切实提高森林火灾的应急处置水平。
附件：1.2022年春季森林防火督查发现问题清单
　　　2.2022年森林防火责任分工表
　　　3.2022年防火物资储备情况统计表
（县林业局供稿）
抄送：县委办公室，县政府办公室。
沙河县人民政府办公室　　　　　2022年3月8日印发
"""


def test_an_attachment_the_unwrapping_left_alone_under_two_it_ran_on_is_the_notes():
    """A hard-wrapped text without blank lines: the 附件 line as wide as a wrapped line runs on
    into attachment 2 (no sentence end), the narrower 2 ends, and 3 stands alone. GB/T 9704-2012
    7.3.6: the attachments numbered in order under 附件： are the note's, never a heading; the
    count goes on from the last one the note already holds (each physical line its own segment).
    Failed before: 3.2022年防火物资储备情况统计表 was an article heading."""
    root = read(WRAPPED_ATTACHMENTS)[0][0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县林业局开展春季森林防火督查"]
    assert "附件：1.2022年春季森林防火督查发现问题清单2.2022年森林防火责任分工表3.2022年防火物资储备情况统计表" in texts(
        root, "//tei:body//tei:p")
    round_trips(read(WRAPPED_ATTACHMENTS)[0], WRAPPED_ATTACHMENTS)


def test_a_news_leads_first_line_is_no_balanced_sub_head():
    """``7月10日至12日，县农机推广站在县职业``: two clauses of one length, but a news lead's date
    opens it: the first line of running text, hard-wrapped, no sub-heading."""
    assert balanced_subheading("惠企政策精准送，咨询诉求及时答")
    assert not balanced_subheading("7月10日至12日，县农机推广站在县职业")


def test_each_issue_of_a_file_has_its_own_wrap_width():
    """Two issues wrapped at different widths (a year's extraction from several sources): each
    issue's lines are measured against its own column."""
    prose = "区委常委会召开会议，传达学习中央政治局常委会会议精神以及工作领导小组会议上的讲话要点，研究部署下一步工作。" * 12

    def issue(n, width):
        lines = [prose[k:k + width] for k in range(0, len(prose), width)]
        return f"工作简报\n\n第{n}期（总第{n + 40}期）\n\n某某县人民政府办公室　　2022年3月{n}日\n\n## 标题\n\n" + "\n".join(lines) + "\n"

    phys = run_physical(issue(3, 20) + "\n\n\n" + issue(4, 34))
    assert len(phys.issues) == 2
    narrow, wide = phys.issue_widths
    assert narrow is not None and wide is not None and narrow < 22 <= 30 < wide


# ----------------------------------------------------------------------------- 5 报尾, 6 colophon


def test_the_distribution_lines_and_sign_off_are_the_back():
    root = read(BRIEFING)[0][0].root
    back = xpath(root, "//tei:back/tei:div[@type='colophon']")[0]
    assert texts(back, "tei:list[@type='distribution']/tei:label") == ["报：", "送：", "发："]
    assert texts(back, "tei:list[@type='gloss']/tei:label") == ["签发：", "审核："]
    assert xpath(back, "string(tei:ab[@type='printRun']/tei:num/@value)") == "80"
    assert not xpath(root, "//tei:body//*[contains(., '市政府办公室。')]")


def test_a_journals_colophon_with_letter_spaced_labels():
    assert [("".join("主　　编：陶然"[a:v].split()), "主　　编：陶然"[v:e]) for a, v, e in colophon_fields("主　　编：陶然")] \
        == [("主编：", "陶然")]
    text = ("某某史志\n\n（地方志工作通讯）\n\n2023年第1期　总第12期\n\n某某区地方志办公室编　　2023年3月\n\n"
            "【工作动态】\n\n区志办召开年度工作会议\n\n3月2日，区志办召开会议，部署全年工作。\n\n"
            "主　　办：某某区地方志办公室\n\n主　　编：陶然\n\n印　　数：200册\n\n内部资料　免费交流\n")
    docs, _ = read(text)
    root = docs[0].root
    assert xpath(root, "string(//tei:biblStruct/@type)") == "journal"
    assert texts(root, "//tei:back//tei:list[@type='gloss']/tei:label") == ["主办：", "主编：", "印数："]
    assert xpath(root, "string(//tei:extent/tei:measure[@unit='copies']/@quantity)") == "200"
    assert texts(root, "//tei:respStmt[tei:resp='主编']/tei:persName") == ["陶然"]
    round_trips(docs, text)


def test_a_journals_colophon_under_its_masthead_is_front_matter():
    """A 文史通讯 without contents: a subtitle between dashes, the 编 unit and the month on one
    line, then its colophon right under the masthead (the cover's 版权标识): the masthead is the
    title page, the colophon a division of the front, not the first article's heading and
    paragraph; 口述／ and 整理／ under a title are its byline."""
    text = ("内部资料　免费交流\n\n某　安　文　史\n\n——文史资料工作通讯——\n\n2022年第3期（总第27期）\n\n"
            "政协某安区委员会文史和学习委员会编　　　　　　　2022年9月\n\n\n"
            "主　　　　办：政协某安区委员会\n主　　　　编：邵　岚\n印　　　　数：500册\n"
            "准 印 证 号：（豫）内资准字（2022）第0418号\n\n\n【口述历史】\n\n我在纱厂的三十年\n\n"
            "口述／周桂英　　整理／林向东\n\n我是1958年秋天进的纱厂，那年我刚满十七岁，厂子是前一年才建起来的。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert issue_fields(root) == ("2022-09", "3", "27")
    assert texts(root, "//tei:titlePage/tei:docTitle/tei:titlePart") == ["某安文史", "——文史资料工作通讯——"]
    assert texts(root, "//tei:front/tei:div[@type='colophon']/tei:list/tei:label") == ["主办：", "主编：", "印数：", "准印证号："]
    assert xpath(root, "string(//tei:biblStruct/tei:monogr/tei:extent/tei:measure[@unit='copies']/@quantity)") == "500"
    assert texts(root, "//tei:body//tei:head") == ["【口述历史】", "我在纱厂的三十年"]
    assert texts(root, "//tei:div[@type='article']/tei:byline") == ["口述／周桂英整理／林向东"]
    round_trips(docs, text)


#: A journal's 版头: a notice, the title, a line under it, the issue line; then one column's item.
JOURNAL_UNDER_TITLE = ("内部资料\n\n{title}\n\n{line}\n\n2022年第2期（总第30期）　　　　二〇二二年六月\n\n"
                       "【工作动态】\n\n县里召开修志工作会议\n\n5月9日，县里召开修志工作会议，部署年度编纂任务。\n")


def test_a_masthead_subtitle_led_by_a_dash_alone_is_the_masthead_s():
    """——X under a journal's title (the 破折号 before a subtitle, GB/T 15834-2011 4.11, without a
    closing dash): the masthead's subtitle, so the issue and date line under it is the masthead's
    too and the header has the date, issue and cumulative numbers; neither line is a heading
    (issue 21: such a line ended the masthead and both were read as one two-line heading)."""
    assert classify("——史志工作通讯") == "subtitle"
    assert classify("——摘自《某某日报》，2023年") == "title"  # a dash before a clause: no subtitle
    text = JOURNAL_UNDER_TITLE.format(title="某　川　史　志", line="——史志工作通讯")
    docs, _ = read(text)
    root = docs[0].root
    assert issue_fields(root) == ("2022-06", "2", "30")
    assert texts(root, "//tei:titlePage/tei:docTitle/tei:titlePart[@type='sub']") == ["——史志工作通讯"]
    assert texts(root, "//tei:body//tei:head") == ["【工作动态】", "县里召开修志工作会议"]
    round_trips(docs, text)


def test_a_short_line_above_the_issue_number_is_the_mastheads_whatever_its_shape():
    """A line under the title that no masthead kind describes (``·史志工作通讯·``) but stands above
    the issue-number line: the issue number is printed in the 版头 (GB/T 9704-2012 7.2) and no
    article starts above it, so the line and the issue line are the masthead's (the header has
    the date and numbers), neither a heading nor running text."""
    text = JOURNAL_UNDER_TITLE.format(title="某 川 史 志", line="·史志工作通讯·")
    docs, _ = read(text)
    root = docs[0].root
    assert issue_fields(root) == ("2022-06", "2", "30")
    assert texts(root, "//tei:body//tei:head") == ["【工作动态】", "县里召开修志工作会议"]
    assert "·史志工作通讯·" in "".join(texts(root, "//tei:titlePage"))
    round_trips(docs, text)


# ----------------------------------------------------------------------------- 7 newspaper pages

PAPER = """某某报

2023年6月2日　星期五

第22期（总第980期）　　今日2版

本期导读

● 新建公园开放　　2版

第1版　要闻

县城新建公园开放

本报讯（记者 林风）6月1日，县城滨河公园正式开放，市民可沿河步道散步健身。

公园建有儿童游乐区和健身广场，每天早晚都有不少市民前来锻炼。

市民在滨河公园散步。　　记者 林风 摄

责任编辑：周敏　　校对：白冰

第2版　副刊

故乡的河

文／田禾

故乡有一条小河，夏天我们在河边捉鱼，一直玩到天黑才回家。

回乡路上

□ 秦川

山路弯弯
绕过村口的老槐
母亲站在门前
等我回家

责任编辑：苏禾　　校对：白冰
"""


BAOYAN = """内部资料

# 某川周报

中共某川县委主办　　某川县融媒体中心编印

2023年4月14日　星期五　总第862期　本期2版

今日天气：多云转晴　12℃～24℃　东南风3级

一版　要闻

县城新建公园开放

本报讯（记者 林风）4月11日，县城滨河公园正式开放，市民可沿河步道散步健身。（下转第2版）

本版责编：苗青　版式：蒋帆

二版　经济·三农

县城新建公园开放

（上接第1版）公园共建设步道6公里，
配套建设停车场和公共卫生间，节假日延长开放时间。

本版责编：邬家宁　版式：蒋帆
"""


def test_baoyan_weather_bare_page_labels_and_a_continued_storys_first_line():
    """The 报眼's weather line is a masthead note, no article heading; page labels printed
    without 第 (``一版　要闻``, ``二版　经济·三农``) are page labels; a continued story's first line
    (``（上接第1版）X，Y``) is running text, never a sub-heading of two balanced clauses."""
    docs, _ = read(BAOYAN)
    root = docs[0].root
    assert texts(root, "//tei:titlePage/tei:note[@type='weather']") == ["今日天气：多云转晴12℃～24℃东南风3级"]
    assert texts(root, "//tei:fw[@subtype='pageLabel']") == ["一版要闻", "二版经济·三农"]
    assert [pb.get("n") for pb in xpath(root, "//tei:fw[@subtype='pageLabel']/preceding-sibling::tei:pb[1]")] \
        == ["1", "2"]
    heads = texts(root, "//tei:body//tei:head")
    assert not [h for h in heads if "天气" in h or "版" in h]
    assert not xpath(root, "//tei:div[@type='subsection']")
    assert [k for k, _, _ in fields_of("今日天气：多云转晴　12℃～24℃　东南风3级")] == ["weather"] * 3
    # hard-wrapped without blank lines: the weather line still stands on its own
    docs, _ = read(re.sub(r"\n\n+", "\n", BAOYAN))
    heads = texts(docs[0].root, "//tei:body//tei:head")
    assert not [h for h in heads if "天气" in h or "版" in h]
    round_trips(docs, re.sub(r"\n\n+", "\n", BAOYAN))


TONGBAO = """督 查 通 报

第4期（总第31期）

某县人民政府督查室　　　　　　　　　　2023年5月8日

关于全县农村供水保障工程推进情况的督查通报

4月17日至21日，县政府督查室组成2个督查组，对全县13个乡镇农村供水保障工程推进情况进
行了专项督查。现将督查情况通报如下。

一、总体情况

1.项目开工率较高

今年全县计划实施农村供水保障工程项目27个，总投资2.36亿元，其中新建规模化水厂3座。截
至4月20日，已开工项目24个，开工率88.9%。

3.工程质量总体可控

各项目均落实了项目法人责任制、招标投标制、建设监理制和合同管理制，合格率98.4%，不合格
的1批次管材已全部退场。

2.资金保障基本到位

县财政统筹中央和省级补助资金、地方政府专项债券和县级配

— 1 —

套资金1.71亿
元，已拨付到项目单位1.02亿元。县水利局对项目资金实行专账管理、按进度拨付，督查中未发现
挤占挪用问题。

— 2 —

二、存在的主要问题

部分乡镇对项目资金的申请和报账不够重视，资料报送迟缓，导致资金拨付周期偏长，施工单位出
现垫资施工的苗头。
"""


def test_a_sub_head_out_of_sequence_and_a_paragraph_cut_before_a_folio():
    """``2.`` printed after ``3.`` is still a level-3 sub-heading (GB/T 15834 B.3.8): @cert low,
    the broken sequence named in the warning; the line that stops mid-sentence with 、 before the
    folio goes on after it, however short the next line; the folio before ``二、`` stands before
    that division, not in its head."""
    docs, warnings = read(TONGBAO)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["关于全县农村供水保障工程推进情况的督查通报"]
    subs = {nows("".join(h.itertext())): h for h in xpath(root, "//tei:div[@type='subsection']/tei:head")}
    assert set(subs) == {"一、总体情况", "1.项目开工率较高", "3.工程质量总体可控", "2.资金保障基本到位", "二、存在的主要问题"}
    assert subs["2.资金保障基本到位"].get("cert") == "low"
    assert len(xpath(subs["2.资金保障基本到位"], "ancestor::tei:div[@type='subsection']")) == 2
    assert any("out of sequence: 2 after 3" in w for w in warnings)
    paras = texts(root, "//tei:p")
    assert any("县级配—1—套资金1.71亿元，已拨付" in p for p in paras)
    assert not xpath(root, "//tei:head//tei:fw")
    round_trips(docs, TONGBAO)


def test_a_contents_entry_under_a_running_head_is_no_running_head():
    """A page break (folio, form feed, running head) falls inside the contents list: the entry
    under the running head, its leader a run of middle dots, is a contents entry, not a second
    running head; and its title, opening a later page after a folio, is that article's heading,
    not a running head found at two page breaks."""
    filler = "".join(f"第{k}项工作按计划推进，群众反映良好。\n\n" for k in range(1, 4))
    text = ("某某工作简报\n\n第4期\n\n某某县人民政府办公室　　2023年5月6日\n\n本期目录\n\n"
            "东关镇推行“院坝议事”··········1\n\n— 1 —\n\f工作简报　2023年第4期\n"
            "西岭乡“菜园管家”帮农户··········2\n\n"
            "## 东关镇推行“院坝议事”\n\n" + filler + "— 2 —\n\n"
            "## 西岭乡“菜园管家”帮农户\n\n" + filler + "（西岭乡人民政府供稿）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["东关镇推行“院坝议事”", "西岭乡“菜园管家”帮农户"]
    assert texts(root, "//tei:fw[@type='header']") == ["工作简报2023年第4期"]
    assert len(xpath(root, "//tei:div[@type='contents']//tei:item")) == 2
    round_trips(docs, text)


def test_an_author_line_under_a_title_and_a_running_head_under_another():
    """Without blank lines, a title ``X：Y`` is not run into the unit and name under it
    (``县委党史研究室　柴文博``: a line of its own); a running head printed under another running
    head, with the text of a head found at another page break, is furniture."""
    text = ("岫山党史\n\n2022年第3期（总第47期）\n\n【党史人物】\n\n赵嵩年：把病床搬到工地上的水利专家\n\n"
            "县委党史研究室　柴文博\n\n赵嵩年，1926年生，岫山县柏台镇人。1951年毕业于省立农学院，先后参与了县内多座水库的勘测设计。\n\n"
            "· 12 ·\n\n岫山党史　2022年第3期\n\n他一生修水利，工地就是他的家，群众都叫他“水利老赵”。\n\n"
            "· 13 ·\n工作通讯 · 第13期\n岫山党史　2022年第3期\n\n卧龙水库建成后，灌溉农田八万余亩，至今仍在发挥效益。\n")
    flat = re.sub(r"\n\n+", "\n", text)
    docs, _ = read(flat)
    root = docs[0].root
    assert "赵嵩年：把病床搬到工地上的水利专家" in texts(root, "//tei:div[@type='article']/tei:head")
    assert texts(root, "//tei:byline") == ["县委党史研究室柴文博"]
    docs, _ = read(text)
    assert texts(docs[0].root, "//tei:fw[@type='header']").count("岫山党史2022年第3期") == 2
    round_trips(docs, text)


def test_newspaper_pages_labels_credits_captions_verse():
    docs, _ = read(PAPER)
    root = docs[0].root
    assert xpath(root, "string(//tei:biblStruct/@type)") == "newsletter"
    assert texts(root, "//tei:fw[@subtype='pageLabel']") == ["第1版要闻", "第2版副刊"]
    assert [pb.get("n") for pb in xpath(root, "//tei:fw[@subtype='pageLabel']/preceding-sibling::tei:pb[1]")] \
        == ["1", "2"]
    assert texts(root, "//tei:fw[@subtype='pageCredit']") == ["责任编辑：周敏校对：白冰", "责任编辑：苏禾校对：白冰"]
    assert texts(root, "//tei:div[@type='contents']//tei:ref") == ["新建公园开放"]
    assert texts(root, "//tei:figure/tei:byline") == ["记者林风摄"]
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [4]
    heads = texts(root, "//tei:body//tei:head[not(parent::tei:figure)]")
    assert "责任编辑：周敏校对：白冰" not in heads and "第1版要闻" not in heads
    # a short title right after the page label with an author line under it is a title, no 副刊 name
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县城新建公园开放", "故乡的河", "回乡路上"]
    round_trips(docs, PAPER)


def test_a_verse_line_with_a_comma_stays_a_line():
    """A stanza whose first line holds a comma: the unwrapping joins it with the lines under it
    (it stops mid-sentence); the verse pass finds the physical lines again (the merge of the
    linear unwrapping had lost them: the stanza was one line)."""
    text = PAPER.replace("山路弯弯\n绕过村口的老槐", "山路弯弯\n绕过村口的老槐\n\n黄昏，炊烟起了\n飘过屋后的竹林")
    docs, _ = read(text)
    stanzas = xpath(docs[0].root, "//tei:lg[@type='stanza']")
    assert [texts(lg, "tei:l") for lg in stanzas] == [["山路弯弯", "绕过村口的老槐"],
                                                       ["黄昏，炊烟起了", "飘过屋后的竹林", "母亲站在门前", "等我回家"]]
    round_trips(docs, text)


def test_a_short_poem_title_that_reads_as_a_name_keeps_its_author_line():
    """A poem's two-character title whose first character is a common surname (``杨花``, ``白露``)
    reads as a bare name too: a marked author line under it (``◇ X``) says which is the author,
    and a bare name under a name-like line that opens a new article (running text closed above
    it) is the author under its title; the short free-verse lines after it are verse, not titles."""
    text = PAPER.replace("回乡路上\n\n□ 秦川\n\n山路弯弯\n绕过村口的老槐\n母亲站在门前\n等我回家",
                         "杨花\n\n◇ 岳川\n\n风从河湾上来\n一阵一阵地\n把杨花吹过堤岸\n\n"
                         "祖母坐在门口\n不说话\n她看杨花的样子\n像看一场旧雪")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县城新建公园开放", "故乡的河", "杨花"]
    assert texts(root, "//tei:div[@type='article'][tei:lg]/tei:byline") == ["◇岳川"]
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [3, 4]
    round_trips(docs, text)
    bare = text.replace("◇ 岳川", "尚　禾")
    docs, _ = read(bare)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县城新建公园开放", "故乡的河", "杨花"]
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [3, 4]
    round_trips(docs, bare)


def test_a_poem_without_its_author_line_is_verse_by_its_stanzas():
    """A 副刊 poem printed without an author line (or with one the reader does not know): a title
    standing apart, then two stanzas of short lines without closing punctuation, is verse, its
    ``lg`` with ``@cert="medium"`` (the shape alone) and named in the warning; short prose lines
    (each ending a sentence) and short lines holding digits or colons stay paragraphs."""
    poem = ("风从河湾上来\n一阵一阵地\n把杨花吹过堤岸\n\n"
            "祖母坐在门口\n不说话\n她看杨花的样子\n像看一场旧雪")
    text = PAPER.replace("回乡路上\n\n□ 秦川\n\n山路弯弯\n绕过村口的老槐\n母亲站在门前\n等我回家",
                         "杨花\n\n" + poem)
    docs, warnings = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县城新建公园开放", "故乡的河", "杨花"]
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [3, 4]
    assert xpath(root, "string(//tei:lg[@type='poem']/@cert)") == "medium"
    assert any("(verse, medium)" in w for w in warnings)
    round_trips(docs, text)
    for prose in ("雨停了。\n天晴了。\n路干了。\n\n鸟回来了。\n人出门了。\n花也开了。",
                  "时间：上午九点\n地点：文化广场\n\n主办：县文化馆\n承办：城关镇",
                  # a list of figures set as short lines (a 数说 box): digits make no verse line
                  "全县新增绿地12处\n修复河道8公里\n一年种树3万株\n\n建成口袋公园6个\n改造老旧小区30个\n新增停车位900个"):
        other = text.replace(poem, prose)
        docs, _ = read(other)
        assert not xpath(docs[0].root, "//tei:lg"), prose
        round_trips(docs, other)


def test_kicker_title_and_subtitle_with_or_without_its_dash():
    """A newspaper's head of three lines is 引题, 正题, 副题 (the last with or without its dash,
    clauses and all); a credit alone under a caption makes it one; a continued part whose head is
    shortened is linked to the first part."""
    text = PAPER.replace("县城新建公园开放\n\n本报讯", "聚力城市更新　提升人居环境\n县城新建公园开放\n总投资3亿元　面积120公顷\n\n本报讯") \
        .replace("市民在滨河公园散步。　　记者 林风 摄", "市民在滨河公园散步。\n记者 林风 摄") \
        .replace("故乡的河\n\n文／田禾", "城区治理见实效\n——划分网格60个，配备网格员300名\n\n本报讯（记者 林风）网格员每天走街入户。"
                 "（下转第2版）\n\n第2版　综合\n\n治理见实效\n\n（上接第1版）群众的大事小情在家门口就能办好。\n\n故乡的河\n\n文／田禾")
    docs, _ = read(text)
    root = docs[0].root
    first = xpath(root, "//tei:div[@type='article']")[0]
    assert [(h.get("type"), nows(h.text)) for h in xpath(first, "tei:head")] == [
        ("kicker", "聚力城市更新提升人居环境"), (None, "县城新建公园开放"), ("sub", "总投资3亿元面积120公顷")]
    assert texts(root, "//tei:head[@type='sub']") == ["总投资3亿元面积120公顷", "——划分网格60个，配备网格员300名"]
    assert [texts(f, "tei:head") + texts(f, "tei:byline") for f in xpath(root, "//tei:figure")] == [
        ["市民在滨河公园散步。", "记者林风摄"]]
    part_i, part_f = xpath(root, "//tei:div[@part='I']")[0], xpath(root, "//tei:div[@part='F']")[0]
    assert (part_i.get("next"), part_f.get("prev")) == ("#" + part_f.get(XML_ID), "#" + part_i.get(XML_ID))
    round_trips(docs, text)


def test_hard_wrapped_credits_subtitles_and_wide_titles():
    """Hard-wrapped without blank lines: a right-aligned credit cut inside its brackets is one
    credit again (the bracket it opens closes on the next line), not two headings; a title as
    wide as a wrapped line is no paragraph's first line when its ——subtitle follows; a full
    third title line under kicker and title is the 副题, not the title's tail (a title after an
    article's 按 read as running text: the replayed seeds of tests/test_degraded.py)."""
    text = ("某某报\n2023年6月2日　星期五\n第22期（总第980期）\n\n第1版　要闻\n\n"
            "聚力城市更新　提升人居环境\n我县城乡社区“网格+”服务模式全面推开\n总投资3亿元　新增公园面积120公顷\n"
            "本报讯（记者 林风）今年以来，我县把城市更新作为惠民\n工程，新建改建公园12个，新增绿地面积120公顷，\n"
            "市民出门就能走进公园。\n　　　　　　　　　　　　　　　（县住房和城乡\n建设局供稿）\n"
            "按：城市更新要把群众的期盼放在前头，这些做法值得推广。\n"
            "小网格撬动大治理\n全县城乡社区网格服务模式全面推开并实现全覆盖\n——全县划分网格1860个，配备专兼职网格员\n"
            "4200余名\n本报讯（记者 龚雪）近日，随着最后一批农村社区完成网格划分，我县城乡社区网格服务\n"
            "模式实现全覆盖，共划分城乡网格1860个。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head[not(@type)]") == [
        "我县城乡社区“网格+”服务模式全面推开", "全县城乡社区网格服务模式全面推开并实现全覆盖"]
    assert texts(root, "//tei:head[@type='sub']") == ["总投资3亿元新增公园面积120公顷", "——全县划分网格1860个，配备专兼职网格员4200余名"]
    assert texts(root, "//tei:div[@type='article'][1]/tei:byline") == ["（县住房和城乡建设局供稿）"]
    round_trips(docs, text)


def test_a_paragraph_cut_at_a_page_break_with_its_character_printed_twice():
    """Without blank lines, a paragraph's last piece before an old page break, short and with no
    punctuation (``厂里后来办起了托儿所和哺``), then ``哺乳室，…``: the character printed twice joins
    them (weakly: @cert on the paragraph); a poem's line that starts with the word the one above
    ends with (顶真) stays a line."""
    text = PAPER.replace("故乡有一条小河，夏天我们在河边捉鱼，一直玩到天黑才回家。",
                         "故乡有一条小河，夏天我们在河边捉鱼，一直玩到天黑才回家。\n村里后来办起了托儿所和哺\n哺乳室，上早班的把孩子往托儿所一送就去上工。") \
        .replace("山路弯弯\n绕过村口的老槐", "山路弯弯\n弯过村口的老槐")
    docs, _ = read(text)
    root = docs[0].root
    assert "村里后来办起了托儿所和哺" not in texts(root, "//tei:head")
    assert any(p.startswith("村里后来办起了托儿所和哺哺乳室") for p in texts(root, "//tei:p[@cert]"))
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [4]
    round_trips(docs, text)


def test_a_running_head_cut_after_its_date_and_an_indented_paragraph():
    """Without blank lines: a page's 报眉 line cut after its date (``2023年11月3日　星期五`` /
    ``某某报　　第2版　综合``) is one page label; a paragraph that opens with its indent (段首缩进)
    has no line above it run into it (a title as wide as the column: the replayed seed 72 of
    tests/test_degraded.py)."""
    from convert.reader.logical.roles import indented

    assert indented(split_lines("　　6月中旬至7月上旬，…")[0]) and not indented(split_lines("县农产品质量安全")[0])
    prose = "　　6月中旬至7月上旬，县农产品质量安全检测中心对全县蔬菜\n生产基地和城区农贸市场的夏季上市蔬菜开展专项抽检。\n"
    text = PAPER.replace("责任编辑：周敏　　校对：白冰\n\n第2版　副刊\n",
                         "公园建有儿童游乐区和健身广场，每天早晚都有不少市民前来锻炼，周末\n还有文艺团体在广场演出。\n"
                         "县农产品质量安全检测中心开展夏季蔬菜抽\n" + prose +
                         "责任编辑：周敏　　校对：白冰\n2023年6月2日　星期五\n某某报　　　　第2版　副刊\n")
    docs, _ = read(text, genre="newsletter")
    root = docs[0].root
    assert "县农产品质量安全检测中心开展夏季蔬菜抽" in texts(root, "//tei:div[@type='article']/tei:head")
    assert texts(root, "//tei:fw[@subtype='pageLabel']") == ["第1版要闻", "2023年6月2日星期五某某报第2版副刊"]
    round_trips(docs, text)


def test_a_features_sub_heads_are_sub_divisions():
    text = ("某某报\n\n2023年6月2日　星期五\n\n第22期\n\n一位老党员的三十年\n\n——记某某村党支部书记张青\n\n本报记者 林风\n\n"
            "张青今年六十岁，在村里当了三十年支部书记，村里的大事小事他都放在心上。\n\n修路\n\n"
            "村里原来只有一条土路，一下雨就没法走，他带着村民修起了水泥路。\n\n种果\n\n"
            "路通了，他又带着大家种起了桃树，如今桃园有四百多亩，家家都有收入。\n")
    root = read(text)[0][0].root
    assert texts(root, "//tei:div[@type='article']/tei:head[not(@type)]") == ["一位老党员的三十年"]
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["修路", "种果"]


# ----------------------------------------------------------------------------- 9, 10 issues


def test_a_handling_notice_above_the_second_masthead_belongs_to_it():
    text = BRIEFING + "\n\n" + BRIEFING.replace("第3期（总第41期）", "第4期（总第42期）")
    docs, _ = read(text)
    assert len(docs) == 2
    assert "注意保存" not in nows("".join(xpath(docs[0].root, "//tei:back//text()")))
    assert texts(docs[1].root, "//tei:titlePage/tei:note[@type='notice']") == ["内部资料注意保存"]
    round_trips(docs, text)


def test_two_series_in_one_file_give_two_documents_with_their_own_titles():
    text = BRIEFING + "\n\n\n" + PAPER
    docs, _ = read(text)
    assert [xpath(d.root, "string(//tei:biblStruct/@type)") for d in docs] == ["briefing", "newsletter"]
    assert [xpath(d.root, "string(//tei:monogr/tei:title[@level='j'])") for d in docs] == ["信息专报", "某某报"]
    round_trips(docs, text)


# ----------------------------------------------------------------------------- confidence


def test_explain_shows_the_genre_decision_and_genre_overrides_it(tmp_path, capsys):
    assert explain(BRIEFING).startswith("genre briefing (briefing), from weighed evidence: briefing ")
    root = read(BRIEFING, genre="journal")[0][0].root
    assert xpath(root, "string(//tei:biblStruct/@type)") == "journal"
    src = tmp_path / "b.txt"
    src.write_text(BRIEFING, encoding="utf-8")
    assert main(["--explain", "--genre", "newsletter", str(src)]) == 0
    out = capsys.readouterr().out
    assert "genre newsletter (newspaper): given with --genre (the evidence below would have decided briefing)" in out
    assert main([str(src), "--to", "tei", "--genre", "briefing", "-o", str(tmp_path), "-q"]) == 0
    assert 'type="briefing"' in (tmp_path / "b.xml").read_text(encoding="utf-8")


def test_inferred_headings_carry_cert_and_one_warning_names_the_weakest():
    docs, warnings = read(BRIEFING.replace("## ", "").replace("### ", ""))
    heads = xpath(docs[0].root, "//tei:body//tei:head")
    assert heads and all(h.get("cert") for h in heads)
    assert len(warnings) == 1 and re.search(r"check the weakest: line \d+ ", warnings[0])
    marked, _ = read(BRIEFING)  # the markup confirms the article titles
    assert all(h.get("cert") is None for h in xpath(marked[0].root, "//tei:div[@type='article']/tei:head"))


# ----------------------------------------------------------------------------- writers


def test_txt_gives_every_new_element_back_in_source_order():
    root = read_bulletin(PAPER)
    out = render(root)
    assert "山路弯弯\n绕过村口的老槐\n母亲站在门前\n等我回家" in out  # a stanza line by line
    assert nows(out) == source_content(PAPER)


def test_pdf_and_epub_show_the_new_elements(tmp_path):
    src = tmp_path / "paper.txt"
    src.write_text(PAPER, encoding="utf-8")
    assert main([str(src), "--to", "pdf,epub", "-o", str(tmp_path), "-q", "-j", "1"]) == 0
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "paper.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    for shown in ("本报讯（记者 林风）", "绕过村口的老槐", "记者 林风 摄", "第2版", "责任编辑：苏禾"):
        assert nows(shown) in nows(pdf), shown
    with zipfile.ZipFile(tmp_path / "paper.epub") as z:
        xhtml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
    assert '<p class="stanza">' in xhtml and '<p class="opener">' in xhtml and "<figcaption>" in xhtml
    assert '<p class="fw pageLabel">' in xhtml


# ----------------------------------------------------------------------------- issue 21, heldout-f

JOURNAL_BRACKETED = """内部资料，免费交流

柳 溪 方 志

（地方志工作通讯）

2021年第2期（总第18期）

柳溪县地方志办公室编印　　　　　　2021年6月

本期目录

【工作动态】

县志办召开年度工作会议…………………………（1）

【学术园地】

明清柳溪县城的街巷格局………………………周明远（2）

【工作动态】

县志办召开年度工作会议

3月2日，县志办召开年度工作会议，总结去年工作，部署今年任务。

（综合科）

【学术园地】

明清柳溪县城的街巷格局

周明远

柳溪县档案馆

柳溪县城始建于明代，城内街巷格局至今大体可辨。本文据旧志与舆图略作考察。

城内以十字大街为骨架，东西南北各有小巷相连。
"""


def test_contents_page_numbers_in_brackets_make_a_contents_list_and_a_masthead():
    # a journal's contents list prints its page numbers in round brackets (……（2）): the
    # leader and the page are the entry's, the lines above it the masthead (title, issue, date)
    docs, _ = read(JOURNAL_BRACKETED)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "县志办召开年度工作会议", "明清柳溪县城的街巷格局"]
    assert xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']/@value") == ["1", "2"]
    assert texts(root, "//tei:div[@type='contents']//tei:name[@type='author']") == ["周明远"]
    assert texts(root, "//tei:titlePage//tei:titlePart[@type='main']") == ["柳溪方志"]
    assert xpath(root, "//tei:titlePage//tei:docDate/@when") == ["2021-06"]
    round_trips(docs, JOURNAL_BRACKETED)


def test_a_journals_contents_entries_with_a_bare_page_after_a_gap_are_one_list():
    """本期要目 without leaders, each entry's page a bare number after an ideographic space, one
    entry worded unlike its article's head: the whole list is the contents (the page is the
    entry's printed page), so the title standing where that entry would (after the credit that
    ends the article above) is a heading, not glued to its text."""
    text = ("某川党史\n\n2024年第2期　　总第33期\n\n本期要目\n\n县里召开党史工作会议　1\n\n县宣讲团走进社区　2\n\n"
            "老交通站旧址　3\n\n【工作动态】\n\n县里召开党史工作会议\n\n"
            "4月8日，县委党史研究室召开党史工作会议，总结去年工作，安排今年任务。\n\n（办公室　陶然）\n\n"
            "县委党史研究室开展“红色故事进社区”活动\n\n"
            "5月以来，县委党史研究室组织宣讲团走进社区，为居民讲述本地的革命故事。\n\n（宣教科　柴文）\n\n"
            "【红色足迹】\n\n老交通站旧址\n\n老交通站旧址位于县城西街，是一座两进小院，曾是地下组织的秘密联络点。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']/@value") == ["1", "2", "3"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "县里召开党史工作会议", "县委党史研究室开展“红色故事进社区”活动", "老交通站旧址"]
    assert not any(p.startswith("县委党史研究室开展") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, text)


def test_the_authors_unit_under_the_name_is_a_byline_not_the_first_paragraph():
    docs, _ = read(JOURNAL_BRACKETED)
    second = xpath(docs[0].root, "//tei:div[@type='article']")[-1]
    assert texts(second, "tei:byline") == ["周明远柳溪县档案馆"]
    assert texts(second, "tei:byline/tei:orgName") == ["柳溪县档案馆"]
    assert texts(second, "tei:p")[0].startswith("柳溪县城始建于明代")


PAPER_BARE_LABELS = """沙 洲 报

中共沙洲县委机关报

国内统一连续出版物号　CN 43-0911/(G)　　邮发代号：41-22

2022年5月6日　星期五　农历壬寅年四月初六

第18期（总第1990期）　　今日2版　　沙洲县融媒体中心出版

沙洲港二期码头开工建设

本报讯（记者 韦明）5月5日，沙洲港二期码头开工建设，计划明年底建成投用。

本版责编：江河　　校对：田禾

二版　综合新闻　　　　　　　　　　　　　　2022年5月6日　星
期五

县城新增三处口袋公园

本报讯（记者 韦明）近日，县城新增三处口袋公园，方便市民就近休闲。

本版责编：江河　　校对：田禾
"""


def test_a_number_label_printed_apart_from_its_number_and_a_bare_page_number_in_the_baomei():
    # 国内统一连续出版物号　CN …: the label and its number are one masthead field, so the masthead
    # goes on to the date and issue lines; 二版 (without 第) beside the date is a 报眉 line, and its
    # weekday the extraction wrapped is joined back to it
    docs, _ = read(PAPER_BARE_LABELS)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["沙洲港二期码头开工建设", "县城新增三处口袋公园"]
    assert xpath(root, "//tei:titlePage//tei:docDate/@when") == ["2022-05-06"]
    assert xpath(root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") == "1990"
    assert "二版综合新闻2022年5月6日星期五" in texts(root, "//tei:body//tei:fw")
    round_trips(docs, PAPER_BARE_LABELS)


HARD_WRAPPED_PAPER = """青 岗 报

2023年8月4日　星期五

第31期（总第700期）

县委常委会会议研究部署
秋粮生产工作

本报讯（记者 方舟）8月2日，县委书记主持召开县委
常委会会议，传达学习全市农业工作会议精神，研究
部署我县秋粮生产工作。会议要求各地抓好田间管理。

全县中小学暑期安全检查结束

本报讯（记者 方舟）近日，县教育局完成全县中小学
暑期安全检查，共排查隐患十二处，已全部整改到位，
确保开学前校园安全。检查组逐校查看了消防设施、
食堂后厨、校舍围墙和周边道路，对发现的问题当场
交办，要求各校建立台账、限期整改，并在开学前完
成复查。县教育局还将联合公安、市场监管等部门，
对校园周边的小卖部、网吧开展专项整治，为学生营
造安全有序的学习环境。会议还通报了检查中的问题。
"""


def test_a_headline_wrapped_narrower_than_the_body_is_one_title_not_kicker_and_title():
    # hard-wrapped text: a short tail right under a title line (no blank between) goes on with it
    docs, _ = read(HARD_WRAPPED_PAPER)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head[not(@type)]") == [
        "县委常委会会议研究部署秋粮生产工作", "全县中小学暑期安全检查结束"]
    assert not xpath(root, "//tei:head[@type='kicker']")
    round_trips(docs, HARD_WRAPPED_PAPER)



def test_a_second_issue_whose_issue_line_holds_several_fields_starts_a_document():
    # 第18期（总第1990期）　　今日2版　　…出版: wider than an issue number alone, still its anchor
    text = BRIEFING.rstrip("\n") + "\n\n\n" + PAPER_BARE_LABELS
    docs, _ = read(text)
    assert len(docs) == 2
    assert xpath(docs[1].root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") == "1990"
    round_trips(docs, text)


def test_a_number_of_chinese_text_cut_by_a_hard_wrap_is_joined_without_a_space():
    """A hard wrap inside a number of Chinese running text (受众24 / 00余人) is the column's end,
    not a word space: the number is one again; between Latin words and numbers the break is a
    space."""
    para = ("截至目前，宣讲团已开展宣讲16场，直接受众24\n00余人，宣讲视频的播放量超过5万次，反响很好，\n"
            "下一步还将走进中小学。The team met 2023\n45 people in all.\n")
    text = "某川党史\n\n2024年第2期\n\n宣讲活动走进社区\n\n" + para
    docs, _ = read(text)
    raw = ["".join(p.itertext()) for p in xpath(docs[0].root, "//tei:body//tei:p")]
    assert any("直接受众2400余人" in r for r in raw), raw
    assert any("2023 45 people" in r for r in raw), raw
    round_trips(docs, text)


def test_the_page_break_that_ends_an_issue_stays_when_its_last_line_is_split_again():
    """The old page break before a second masthead ends the first issue (on its last line); when
    that line, joined from two physical lines, is split again (a bulleted item: a line of its
    own), the break stays with the last part: no character is lost (before, the model dropped
    the folio and the conversion failed)."""
    one = ("某川简报\n\n第3期\n\n县里召开防汛工作会议\n\n县里召开防汛工作会议，部署今年的防汛工作任务，要求各乡镇，\n"
           "● 落实防汛责任。\n— 2 —\n")
    two = "某川简报\n\n第4期\n\n县里召开春耕工作会议\n\n县里召开春耕工作会议，部署今年的春耕生产工作任务。\n"
    docs, _ = read(one + two)
    assert len(docs) == 2
    assert texts(docs[0].root, "//tei:fw[@type='pageNum']") == ["—2—"]
    round_trips(docs, one + two)


def test_the_prints_running_head_under_the_extractions_at_page_breaks():
    """Under the extraction's own running head at a page break: the print's running head printed
    once, a blank line above it (``某川史志　2022年第4期``: a wide gap, an issue number), and an issue
    number alone (``2023年第4期``) at two breaks and nowhere at a page's first line are furniture too,
    so the paragraphs the breaks cut are joined; a credit in brackets there is none."""
    para = "县志办组织业务人员深入各乡镇开展资料征集工作，重点征集反映本地发展变化的老照片和"
    once = ("某川史志\n\n2022年第4期（总第54期）\n\n县里开展资料征集\n\n" + para + "\n\n· 5 ·\n— 3 —\n\f政务信息   2021年第3期\n\n"
            "某川史志　2022年第4期\n\n老物件，共收集两百余件，并为捐赠人颁发了收藏证书。\n")
    docs, _ = read(once)
    assert texts(docs[0].root, "//tei:fw[@type='header']") == ["政务信息2021年第3期", "某川史志2022年第4期"]
    assert any(p.startswith("县志办") and "老物件" in p for p in texts(docs[0].root, "//tei:p"))
    round_trips(docs, once)
    twice = ("某川史志\n\n2023年第4期（总第55期）\n\n县里开展资料征集\n\n" + para + "\n\n·2·\n- 3 -\n县区动态  2019年12月\n\n"
             "2023年第4期\n\n老物件，共收集两百余件。\n\n县里召开修志工作会议\n\n" + para + "\n\n·4·\n\n- 4 -\n县区动态  2019年12月\n"
             "2023年第4期\n\n老物件，会议要求各单位按时报送资料长编。\n")
    docs, _ = read(twice)
    assert len(docs) == 1
    assert texts(docs[0].root, "//tei:fw[@type='header']").count("2023年第4期") == 2
    assert len([p for p in texts(docs[0].root, "//tei:p") if p.startswith("县志办") and "老物件" in p]) == 2
    round_trips(docs, twice)
    # a credit in brackets that a page happened to open under the running head, twice: no furniture
    story = "县里召开修志工作会议\n\n" + para + "老物件，共收集两百余件。\n\n- {n} -\n县区动态  2019年12月\n（县志办　宋苇）\n\n"
    credits = "某川史志\n\n2023年第4期（总第55期）\n\n" + story.format(n=1) + story.format(n=2)
    docs, _ = read(credits)
    assert [b[-7:] for b in texts(docs[0].root, "//tei:byline")] == ["（县志办宋苇）", "（县志办宋苇）"]
    assert texts(docs[0].root, "//tei:fw[@type='header']") == ["县区动态2019年12月", "县区动态2019年12月"]
    round_trips(docs, credits)


def test_the_issues_own_number_again_starts_no_issue():
    """An issue-number line alone after running text whose numbers are those of the issue it
    stands in (a running head ``2023年第4期`` the furniture pass left): a second issue prints
    another number, so no second document; another issue's number still starts one, and so does
    another series' issue of the same number under its own title."""
    def issue(n: int, repeat: str) -> str:
        return (f"某川史志\n\n2023年第{n}期（总第{50 + n}期）\n\n县里召开修志工作会议\n\n"
                "5月9日，县里召开修志工作会议，部署年度编纂任务，会议要求各单位按时报送资料长编。\n\n"
                f"{repeat}\n\n6月3日，县志办组织业务人员到各乡镇开展资料征集，共收集老照片两百余张。\n")
    assert len(run_physical(issue(4, "2023年第4期")).issues) == 1
    assert len(run_physical(issue(4, "（总第54期）")).issues) == 1
    assert len(run_physical(issue(4, "2023年第4期") + "\n\n\n" + issue(5, "2023年第5期")).issues) == 2
    # another series' issue of the same number, under its own title: a second issue still
    other = issue(4, "2023年第4期").replace("某川史志", "某山党史")
    assert len(run_physical(issue(4, "2023年第4期") + "\n\n\n" + other).issues) == 2


def test_the_second_line_of_a_pages_top_with_a_running_heads_text_is_one():
    """Folio, the extraction's own running head after the form feed, then the print's running
    head (``2023年第4期``) without a wide gap in it: furniture when the same text opens a page
    elsewhere (after a folio), so the paragraph cut by the break is joined and no issue starts."""
    para = "县志办组织业务人员深入各乡镇开展资料征集工作，重点征集反映本地发展变化的老照片和"
    text = ("某川史志\n\n2023年第4期（总第54期）\n\n县里开展资料征集\n\n" + para + "\n\n- 1 -\n\f史志通讯   内部资料\n"
            "2023年第4期\n\n老物件，共收集两百余件，并为捐赠人颁发了收藏证书。\n\n县里召开修志工作会议\n\n" + para +
            "\n\n·2·\n\n2023年第4期\n\n老物件，会议要求各单位按时报送资料长编。\n")
    docs, _ = read(text)
    assert len(docs) == 1
    root = docs[0].root
    assert texts(root, "//tei:fw[@type='header']").count("2023年第4期") == 2
    assert len([p for p in texts(root, "//tei:p") if p.startswith("县志办组织") and "老物件" in p]) == 2
    round_trips(docs, text)


# ------------------------------------------------------------- heldout-g journals (issue 21)

JOURNAL_CN_DATE = """桐川文史

（文史资料工作通讯）

2024年第3期（总第51期）　　　　二〇二四年九月

主　办：桐川县政协文史委
主　编：宋青禾
地　址：桐川县河滨路3号
准印证号：（皖）内资准字（2024）第0127号

【史海钩沉】

桐川古渡口的变迁

文／宋青禾

桐川古渡口位于县城西门外，明清两代是往来客商的必经之地。民国年间，渡口设有渡船三只，昼夜摆渡。

二十世纪七十年代，县里在渡口上游修建了公路桥，渡船随之停航，渡口只留下一段石阶。
"""


def test_a_masthead_date_in_chinese_numerals_is_the_issue_date():
    # 二〇二四年九月 (〇 for zero): the ordinary form of a date in official documents before GB/T
    # 9704-2012 7.3.5, still a masthead's; the line of issue numbers and date is a masthead line
    assert classify("二〇二四年九月") == "date"
    assert classify("二〇二四年九月二十日") == "date"
    assert classify("二〇二四年十三月") == "title"  # no month 13: no date
    docs, _ = read(JOURNAL_CN_DATE)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["桐川古渡口的变迁"]
    assert xpath(root, "//tei:titlePage//tei:docDate/@when") == ["2024-09"]
    assert xpath(root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") == "51"
    # the colophon printed under the masthead is no paragraph of an article
    assert not any("主编" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, JOURNAL_CN_DATE)


JOURNAL_DOT_LEADERS = """史志简讯

2023年第2期

沙溪县地方志办公室编印　　　　　　　　2023年6月

本期目录

【工作动态】

县地方志办公室召开年度编纂工作会议························1

12个乡镇签订志书编修责任书························2

【方志论坛】

地名志编写中的资料考证　　　　　　　　　孟绍华···············3

【工作动态】

县地方志办公室召开年度编纂工作会议

6月2日，县地方志办公室召开年度编纂工作会议，部署全年任务。各乡镇联络员30余人参加会议。

（综合科）

全县乡镇志编修工作动员会召开

6月9日，全县乡镇志编修工作动员会召开，12个乡镇签订了编修责任书。会议要求年底前完成资料长编。

（编研科）

【方志论坛】

地名志编写中的资料考证

孟绍华

地名的由来往往众说纷纭，编写地名志时应当以档案、碑刻和旧志为据，相互参证，不宜轻信传说。

印　　数：300册
发送对象：县直各单位，各乡镇
印刷日期：2023年6月20日
"""


def test_middle_dot_leaders_an_author_after_a_wide_gap_and_a_reworded_entry():
    # ····· leaders (U+00B7); 地名志编写中的资料考证　　　孟绍华···3: the author set off by a wide
    # gap before the leader is the entry's author, not part of its title; the second entry is
    # worded differently from its article's title: a heading still, from its shape (@cert)
    docs, warnings = read(JOURNAL_DOT_LEADERS)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "县地方志办公室召开年度编纂工作会议", "全县乡镇志编修工作动员会召开", "地名志编写中的资料考证"]
    assert xpath(root, "//tei:div[@type='article']/tei:head[.='全县乡镇志编修工作动员会召开']/@cert") == ["medium"]
    assert xpath(root, "//tei:div[@type='contents']//tei:ref/@target")[2] == "#" + xpath(
        root, "//tei:div[@type='article'][tei:head='全县乡镇志编修工作动员会召开']/@xml:id")[0]
    assert texts(root, "//tei:div[@type='contents']//tei:name[@type='author']") == ["孟绍华"]
    assert xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']/@value") == ["1", "2", "3"]
    # the colophon labels 内部资料性出版物 print (印数, 发送对象, 印刷日期) end the issue in <back>
    assert texts(root, "//tei:back//tei:label") == ["印数：", "发送对象：", "印刷日期："]
    assert not any("发送对象" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, JOURNAL_DOT_LEADERS)


def test_a_title_over_its_author_line_without_blank_lines_is_not_run_together():
    # the same journal as extraction leaves it without blank lines: the title the contents list
    # prints (its author set apart) and the name under it stay apart
    text = "\n".join(line for line in JOURNAL_DOT_LEADERS.splitlines() if line.strip()) + "\n"
    docs, _ = read(text)
    root = docs[0].root
    assert "地名志编写中的资料考证" in texts(root, "//tei:div[@type='article']/tei:head")
    assert texts(root, "//tei:div[@type='article'][tei:head='地名志编写中的资料考证']/tei:byline") == ["孟绍华"]
    round_trips(docs, text)


PAPER_GUIDE_PAGE_FIRST = """松 原 报

2023年10月13日　星期五　　总第1342期　　今日四版

本期导读

2版　小杂粮“走出去”记
4版　松风亭：父亲的菜园

第一版　要闻

县委常委会研究部署冬春水利建设

本报讯（记者 邢雨桐）10月10日，县委常委会召开会议，研究部署今冬明春农田水利基本建设工作。

第二版　经济

小杂粮“走出去”记

本报讯（记者 柴文静）这几年，随着一批合作社的兴起，小杂粮走向了全国。

第四版　副刊

松风亭

父亲的菜园

□ 谷雨青

父亲退休以后，在老屋后面开了一块菜园。
"""


def test_a_guide_entry_with_its_page_printed_first_stays_in_the_guide():
    # 本期导读 entries printed 'N版　title' (the page first): an entry whose title is a 副刊
    # column's name and the title (松风亭：父亲的菜园) names no later line exactly, but its printed
    # page makes it an entry all the same, not an article heading
    docs, _ = read(PAPER_GUIDE_PAGE_FIRST)
    root = docs[0].root
    assert xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']/@value") == ["2", "4"]
    assert texts(root, "//tei:div[@type='contents']//tei:ref") == ["小杂粮“走出去”记", "松风亭：父亲的菜园"]
    heads = texts(root, "//tei:div[@type='article']/tei:head")
    assert not any("版" in h for h in heads)
    assert "父亲的菜园" in heads
    round_trips(docs, PAPER_GUIDE_PAGE_FIRST)



def test_a_paragraphs_first_line_as_wide_as_the_wrap_under_a_title_is_not_the_titles_tail():
    # a 政务信息 hard-wrapped at 23 characters: under a title and a blank line, a first line exactly
    # as wide as the wrap with no comma (…能力提升 / 行动，重点…), running text right under it,
    # opens the paragraph; it is not the title's wrapped tail
    path = Path(__file__).parent / "fixtures/series/degraded/briefing-puyuan-2024-no6.pdftotext.txt"
    text = path.read_text(encoding="utf-8")
    docs, warnings = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:div[@type='article']/tei:head")
    assert "县卫健委启动基层医疗服务能力提升行动" in heads
    assert not any(h.startswith("县卫健委启动") and h != "县卫健委启动基层医疗服务能力提升行动" for h in heads)
    assert any(p.startswith("县卫健委近日启动为期两年的基层医疗服务能力提升行动，")
               for p in texts(root, "//tei:div[@type='article']/tei:p"))
    round_trips(docs, text)


PAPER_THREE_LINE_HEAD = """松 原 报

2023年10月13日　星期五　　总第1342期　　今日四版

本期导读

3版　县城新增三处口袋公园

今日天气　多云转晴　14℃～24℃　东北风3级

第一版　要闻

金秋时节收获忙
全县秋粮丰收在望
秋粮收购点达到76个，新粮收购价格稳中有升

本报讯（记者 卫晨阳）国庆节后，我县秋收进入高峰期。为确保颗粒归仓，县里组织联合收获机投入秋收，各乡镇协调利用村（下转第三版）

本版责编：董小曼　　校对：樊露

第三版　社会

金秋时节收获忙

（上接第一版）委会广场作为临时晒场。目前新玉米收购价格每斤1.28元左右。

县城新增三处口袋公园

本报讯（记者 柴文静）这几天，县城建设路口的一块空地变成了一座小游园。
"""


def test_a_three_line_head_a_jump_under_the_kicker_and_the_weather_under_the_guide():
    # newspaper practice: 引题, 正题, then a 副题 without a dash right above the lead-in (clauses
    # and all); the continued part prints the 引题 over the jump; the 报眼's weather under the 导读
    docs, _ = read(PAPER_THREE_LINE_HEAD)
    root = docs[0].root
    first = xpath(root, "//tei:body//tei:div[@type='article']")[0]
    assert texts(first, "tei:head[@type='kicker']") == ["金秋时节收获忙"]
    assert texts(first, "tei:head[not(@type)]") == ["全县秋粮丰收在望"]
    assert texts(first, "tei:head[@type='sub']") == ["秋粮收购点达到76个，新粮收购价格稳中有升"]
    assert texts(first, "tei:opener/tei:dateline") == ["本报讯"]
    cont = xpath(root, "//tei:body//tei:div[@part='F']")[0]
    assert first.get("part") == "I" and first.get("next") == "#" + cont.get(XML_ID)
    assert texts(root, "//tei:front/tei:note[@type='weather']") == ["今日天气多云转晴14℃～24℃东北风3级"]
    assert len(xpath(root, "//tei:body//tei:div[@type='article']")) == 3
    round_trips(docs, PAPER_THREE_LINE_HEAD)


def test_the_warning_says_when_the_masthead_gave_no_issue_date():
    """A masthead line the reader took for something else leaves the header without its issue date
    or number: the one warning of a weakly structured document says so (issue 21: the 方志 journal of
    the last held-out set had its ——subtitle line run into the issue and date line, read as a
    heading, and a header with neither, while the warning named only the weak headings)."""
    body = ("县里召开修志推进会\n\n12月5日，县地方志编纂委员会召开会议，部署第三轮修志工作。\n\n"
            "老渡口的变迁\n\n鹿溪老渡口在县城东门外，曾是全县最热闹的地方。\n")
    _docs, warnings = read("鹿溪方志\n\n" + body)
    assert len(warnings) == 1 and "no issue date and no issue number" in warnings[0], warnings
    _docs, warnings = read("鹿溪方志\n\n2023年第4期（总第57期）　　　　2023年12月\n\n" + body)
    assert len(warnings) <= 1 and not any("no issue date" in w or "no issue number" in w for w in warnings), warnings


# a 督查通报 hard-wrapped at 22 characters, no blank lines (a scan): its 版头 and opening (issue
# number, cumulative number and day of June to fill in), a paragraph of its first part and one
# of its second, shared by the tests of wrap-wide numbered heads below
TONGBAO_OPENING = """督 查 通 报
第{n}期（总第{total}期）
某县人民政府督查室　　　　　　　　2023年6月{day}日
关于全县农田水利设施管护情况的督查通报
5月中旬，县政府督查室会同县水利局、县农业农
村局组成联合督查组，对全县9个乡镇的农田水利
设施管护情况进行了督查，共抽查灌渠、塘坝、泵
站等设施41处。现将督查情况通报如下。
一、存在的主要问题
"""
TONGBAO_PROBLEM = """抽查的12座小型塘坝中，有5座没有巡查记录，
有的管护员由村干部兼任，汛期也很少到坝上查看
，坝体渗水、溢洪道堵塞等问题没有及时发现。
"""
TONGBAO_REMEDY = """各乡镇要在6月底前完成自查整改，建立设施管护
台账，明确每处设施的管护责任人，整改情况报县
政府督查室。
"""
# the level-2 head X，Y as wide as the wrap, then the level-3 head 1. under it
WRAPPED_TONGBAO = (TONGBAO_OPENING.format(n=2, total=18, day=2) + "（一）管护责任落实不到位，日常巡查普遍缺位\n"
                   "1.塘坝巡查记录缺失\n" + TONGBAO_PROBLEM + """2.泵站设备带病运行
部分泵站的电机、水泵多年没有检修，有2座泵站
的配电柜锈蚀严重，存在安全隐患，乡镇和村组对
此都不掌握。
二、整改要求
""" + TONGBAO_REMEDY)


def test_a_wrap_wide_numbered_head_over_the_first_head_of_the_level_below_is_a_sub_head():
    """（一）X，Y as wide as the wrap and stopping mid-sentence might be a wrapped line that begins
    with a number, but the next line is ``1.…``, the first number of the level below (GB/T 15834
    B.3.8), which can only start a line: the line above ended, a level-2 sub-heading."""
    docs, _ = read(WRAPPED_TONGBAO)
    root = docs[0].root
    heads = [(nows("".join(h.itertext())), len(xpath(h, "ancestor::tei:div[@type='subsection']")))
             for h in xpath(root, "//tei:div[@type='subsection']/tei:head")]
    assert heads == [("一、存在的主要问题", 1), ("（一）管护责任落实不到位，日常巡查普遍缺位", 2), ("1.塘坝巡查记录缺失", 3),
                     ("2.泵站设备带病运行", 3), ("二、整改要求", 1)]
    # resting on the next line's number alone (the line is as wide as a wrapped one and stops
    # mid-sentence), it is weakly supported: @cert medium, like a sub-heading told by its sibling
    cert = xpath(root, "string(//tei:div[@type='subsection']/tei:head[starts-with(normalize-space(), '（一）')]/@cert)")
    assert cert == "medium"
    assert xpath(root, "string(//tei:div[@type='subsection']/tei:head[starts-with(normalize-space(), '1.')]/@cert)") == "high"
    round_trips(docs, WRAPPED_TONGBAO)


def test_a_wrap_wide_numbered_head_whose_sibling_stands_alone_is_a_sub_head():
    """（一）X，Y as wide as the wrap, stopping mid-sentence, running text under it without a
    blank line: a wrapped line beginning with a number, or a heading exactly as wide as the
    column? Its sibling （二） stands on a line of its own, and the items of one numbering series
    share their form (GB/T 15834 B.3.8): a sub-heading, @cert medium."""
    text = (TONGBAO_OPENING.format(n=3, total=19, day=9) + TONGBAO_PROBLEM + "二、整改要求\n"
            "（一）立即组织自查自纠，逐项建立整改台账\n" + TONGBAO_REMEDY + """（二）落实管护经费
县财政局要把小型水利设施管护经费列入年度预算
，按设施数量和类别核定标准，按季度拨付到乡镇
。
""")
    docs, _ = read(text)
    root = docs[0].root
    heads = {nows("".join(h.itertext())): h for h in xpath(root, "//tei:div[@type='subsection']/tei:head")}
    assert set(heads) == {"一、存在的主要问题", "二、整改要求", "（一）立即组织自查自纠，逐项建立整改台账", "（二）落实管护经费"}
    assert heads["（一）立即组织自查自纠，逐项建立整改台账"].get("cert") == "medium"
    assert not any(p.startswith("（一）") for p in texts(root, "//tei:p"))
    round_trips(docs, text)



# a 纪委 通报 of typical cases hard-wrapped at 24 characters, no blank lines: each item 1.–3. is one
# paragraph opening with a run-in lead (person + problem); the wrap cuts items 1 and 3 before the
# lead's full stop, leaving a first line shaped like a numbered sub-heading
TYPICAL_CASES = """纪 检 通 报
第3期（总第27期）
某县纪委办公室　　　　　　　　　　2023年5月6日
关于三起违反中央八项规定精神问题的通报
今年以来，县纪委监委紧盯节假日等重要节点，查处
了一批违反中央八项规定精神问题，现将其中3起典
型问题通报如下。
1.某镇农机站站长钱某某违规收受农机经销商礼金问
题。2022年春节期间，钱某某收受辖区2家农机经销
商所送礼金共计1.2万元。2023年3月，钱某某受到
党内警告处分。
2.某乡财政所所长李某违规公款吃喝问题。2022年11
月，李某以检查工作为名在乡区饭店安排宴请，费用
共计3100元。2023年4月，李某受到政务警告处分。
3.县交通运输局路政大队副大队长孙某某公车私用问
题。2022年8月至10月，孙某某多次驾驶公务用车
办理私事，累计行驶约900公里。2023年2月，孙某
某受到诫勉处理。
各单位要以案为鉴，举一反三，在本单位开展一次警
示教育，坚决防止“四风”问题反弹回潮。
"""


def test_a_wrap_wide_numbered_item_whose_sibling_is_a_paragraph_is_run_in():
    """``1.…问`` / ``题。2022年…``: a numbered line as wide as the wrap, without clause punctuation,
    shaped like a sub-heading; but its sibling (the item after it, for 1.; the one before it,
    for 3.) is a paragraph whose number opens a sentence, and the items of one series share
    their form (GB/T 15834 B.3.8 numbers list items too): the line was wrapped, the item is one
    paragraph, joined @cert medium, named in the warning."""
    docs, warnings = read(TYPICAL_CASES)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:head") == ["关于三起违反中央八项规定精神问题的通报"]
    paras = texts(root, "//tei:body//tei:p")
    assert [p[:2] for p in paras[1:4]] == ["1.", "2.", "3."]
    assert paras[1].startswith("1.某镇农机站站长钱某某违规收受农机经销商礼金问题。2022年")
    assert paras[3].startswith("3.县交通运输局路政大队副大队长孙某某公车私用问题。2022年")
    assert len(warnings) == 1 and "line 8 " in warnings[0] and "line 15 " in warnings[0], warnings
    round_trips(docs, TYPICAL_CASES)



def test_a_wrapped_zhusong_line_with_bracketed_qualifiers_ends_before_the_text():
    """A 主送 line (GB/T 9704-2012 7.3.3: the bodies addressed, a colon after the last) as wide as
    the wrap, no blank line under it, its bodies 各… after the name of the body they belong to and
    with a short qualifier in brackets (县纪委监委各派驻（派出）机构, 县直各单位党组（党委）): it ends at
    its colon, not run into the paragraph under it."""
    text = TYPICAL_CASES.replace("今年以来，", "各镇纪委，县直各单位党组（党委），县纪委监委各派驻（派出）机构：\n今年以来，", 1)
    docs, _ = read(text)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    assert paras[0] == "各镇纪委，县直各单位党组（党委），县纪委监委各派驻（派出）机构："
    assert paras[1].startswith("今年以来，")
    round_trips(docs, text)


def test_a_document_title_with_an_enumeration_comma_right_before_a_page_break_is_a_title():
    """关于…、…的通报 as a page's last line (a title holds 、 and no stop) and its 主送 line at the top
    of the next page: the title of a document (GB/T 9704-2012 7.3.1) over its 主送 line (7.3.3),
    not the first part of a paragraph the page break cut."""
    text = (TYPICAL_CASES + "关于两起形式主义、官僚主义问题的通报\n　　　　　　　　　　- 1 -\n\f"
            "各镇党委，县直各单位：\n近期，县纪委监委查处了一批形式主义、官僚主义问题，现将其中2起通报如下。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head")[-1] == "关于两起形式主义、官僚主义问题的通报"
    assert "各镇党委，县直各单位：" in texts(root, "//tei:p")
    round_trips(docs, text)


def test_a_wrap_wide_document_title_with_an_enumeration_comma_over_its_zhusong_line_is_a_title():
    """关于…、…的情况通报 as wide as the wrap, right under the text above (no blank line, no page
    break), its 主送 line under it: a document's title (GB/T 9704-2012 7.3.1, 7.3.3), not the first
    line of a paragraph for its width and its 、."""
    text = (TYPICAL_CASES + "关于两起形式主义、官僚主义典型问题的情况通报\n"
            "各镇党委，县直各单位：\n近期，县纪委监委查处了一批形式主义、官僚主义问题，现将其中2起通报如下。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head")[-1] == "关于两起形式主义、官僚主义典型问题的情况通报"
    assert "各镇党委，县直各单位：" in texts(root, "//tei:p")
    round_trips(docs, text)

# a 统计 bulletin with a 附表: a title line, the column heads, data rows with columns aligned by
# runs of ideographic spaces, cut by a page break (folio, form feed, running head) between rows,
# then a 说明 line
STATS_TABLE = """统计快报

2024年第3期

某县统计局　　　　　　　　　　　　2024年4月20日

## 一季度全县经济运行情况

一季度，全县经济运行开局平稳，主要指标好于预期。

### 一、工业生产平稳增长

一季度，全县规模以上工业增加值同比增长6.2%，比上年同期加快0.8个百分点。

附表：2024年一季度某县主要指标

{rows}
说明：增长速度按可比价格计算。
"""
TABLE_ROWS = """指　标　　　　　　　单位　　　　一季度　　　增长（%）
地区生产总值　　　　亿元　　　　52.31　　　　5.6
工业增加值　　　　　亿元　　　　18.07　　　　6.2

　　　　　　　　　　- 2 -
\f统计快报　　　　　　　　　　　　2024年第3期

社会消费品零售总额　　亿元　　　21.45　　　　7.1
城镇居民人均收入　　元　　　　　12860　　　　5.3
"""
# the same rows as pdftotext gives them from a narrow column: a row's last cell, or the cell after
# a gap, carried to the next line
WRAPPED_ROWS = """指　标　　　　　　　单位　　　　一季度　　　增长（
%）
地区生产总值　　　　亿元　　　　52.31　　　　
5.6
工业增加值　　　　　亿元　　　　18.07　　　　6.
2

　　　　　　　　　　- 2 -
\f统计快报　　　　　　　　　　　　2024年第3期

社会消费品零售总额　　亿元　　　21.45　　　　7.1
城镇居民人均收入　　元　　　　　12860　　　　5.3
"""


def _table_rows(root) -> list[list[str]]:
    return [[nows("".join(c.itertext())) for c in xpath(row, "tei:cell")] for row in xpath(root, "//tei:table/tei:row")]


@pytest.mark.parametrize("rows", [TABLE_ROWS, WRAPPED_ROWS], ids=["aligned", "wrapped"])
def test_a_table_set_in_text_is_a_table_of_rows_and_cells(rows):
    """Rows of three cells or more apart by wide gaps under a 附表 title are a TEI table (P5
    14.1.1): the title its head (no heading of the article), the column heads a label row, rows
    never joined to each other or to the text around, the page break between two rows kept
    between them; a row's rest that a wrap carried to the next line goes back to its row, the
    table then @cert medium and named in the warning."""
    text = STATS_TABLE.format(rows=rows)
    docs, warnings = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div/tei:head") == ["一季度全县经济运行情况", "一、工业生产平稳增长"]
    assert texts(root, "//tei:table/tei:head") == ["附表：2024年一季度某县主要指标"]
    assert _table_rows(root) == [["指标", "单位", "一季度", "增长（%）"], ["地区生产总值", "亿元", "52.31", "5.6"],
                                 ["工业增加值", "亿元", "18.07", "6.2"], ["社会消费品零售总额", "亿元", "21.45", "7.1"],
                                 ["城镇居民人均收入", "元", "12860", "5.3"]]
    assert xpath(root, "string(//tei:table/tei:row[1]/@role)") == "label"
    assert [nows(t) for t in xpath(root, "//tei:table/tei:fw/text()")] == ["-2-", "统计快报2024年第3期"]
    assert xpath(root, "count(//tei:table/tei:pb)") == 1
    assert texts(root, "//tei:p")[-1] == "说明：增长速度按可比价格计算。"
    if rows is WRAPPED_ROWS:
        assert xpath(root, "string(//tei:table/@cert)") == "medium"
        assert len(warnings) == 1 and "table row" in warnings[0], warnings
    else:
        assert not xpath(root, "//tei:table/@cert")
    round_trips(docs, text)
    assert "地区生产总值　　亿元　　52.31　　5.6" in render(root)


def test_a_writers_credit_zhibi_after_the_text_is_the_articles_byline():
    """（执笔：X　审核：Y） on a line of its own after the text: the credit of a report's writer
    (执笔, the usual credit of a 统计分析 or 调研报告) and checker, the article's bottom byline as a
    whole, not a paragraph."""
    text = STATS_TABLE.format(rows=TABLE_ROWS) + "\n（执笔：秦某某　审核：韦某）\n"
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:byline[preceding-sibling::*]") == ["（执笔：秦某某审核：韦某）"]
    assert not any("执笔" in p for p in texts(root, "//tei:p"))
    round_trips(docs, text)


def test_a_sub_heading_right_under_a_table_is_no_part_of_it():
    """A table's last row, then at once (no blank line) a short numbered line: a sub-heading (GB/T
    15834 B.3.8), not the rest of the row a wrap cut off (the row shows no cut: no gap at its end,
    all its cells, no number or bracket cut)."""
    text = STATS_TABLE.format(rows=TABLE_ROWS).replace("说明：增长速度按可比价格计算。\n", "") \
        + "二、消费市场回暖\n一季度，全县社会消费品零售总额增长7.1%。\n"
    text = text.replace("5.3\n\n二、", "5.3\n二、")
    docs, _ = read(text)
    root = docs[0].root
    assert "二、消费市场回暖" in texts(root, "//tei:div[@type='subsection']/tei:head")
    assert _table_rows(root)[-1] == ["城镇居民人均收入", "元", "12860", "5.3"]
    round_trips(docs, text)


LABELLED_TABLE = """内部资料

治理工作简报

第2期（总第12期）

某县治理办公室编印　　　　2024年5月6日

全县河道清障工作进展情况

今年以来，全县累计清理河道障碍物3200余处，整治工作总体顺利。现将有关情况通报如下。

一、主要进展

各乡镇按计划推进清障任务，已完成年度任务的八成。

附表

河道清障任务清单

序号\t河段\t责任单位\t完成时限
1\t东河上游\t东河镇\t2024年6月
2\t西河下游\t西河乡\t2024年7月

某镇完成河岸绿化

某镇沿河栽植树木1200株，河岸绿化全线贯通。
"""


def test_a_tables_label_alone_over_its_title_is_the_tables_head_not_a_column_heading():
    """``附表`` alone on its line, the table's title under it and the rows under that: the label
    and the title are one table ``<head>`` (``<lb/>`` between), never a section (栏目) heading
    wrapping the next article (GB/T 9704-2012 附件/附表 label a table). Failed before: 附表 became
    a section heading (cert low) holding the next article, the title a paragraph."""
    docs, _ = read(LABELLED_TABLE)
    root = docs[0].root
    assert xpath(root, "//tei:body//tei:div[@type='section']") == []
    assert texts(root, "//tei:table/tei:head") == ["附表河道清障任务清单"]
    assert len(xpath(root, "//tei:table/tei:head/tei:lb")) == 1
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["全县河道清障工作进展情况", "某镇完成河岸绿化"]
    round_trips(docs, LABELLED_TABLE)


def test_a_credit_after_a_table_closing_the_last_sub_division_is_the_articles():
    """（…供稿） right after a table that closes the last numbered sub-division: the whole article's
    credit (TEI divBottom: a byline after the article's last div), as it is after a paragraph.
    Failed before: the byline stayed inside the sub-division."""
    docs, _ = read(LABELLED_TABLE.replace("\n\n某镇完成河岸绿化", "\n\n（县治理办供稿）\n\n某镇完成河岸绿化"))
    root = docs[0].root
    art = xpath(root, "//tei:div[@type='article']")[0]
    assert texts(art, "tei:byline[preceding-sibling::tei:div]") == ["（县治理办供稿）"]
    assert xpath(art, ".//tei:div[@type='subsection']//tei:byline") == []


def test_a_tables_first_row_holding_figures_is_no_column_head_row():
    """Three rows without a title (a table's part after a page, or one printed bare): the first row
    holds figures, so it is data, not the column heads, though the row under it holds more (dashes
    for no figure)."""
    rows = "工业用电量　　　亿千瓦时　　　5.86　　　6.9\n固定资产投资　　　—　　　—　　　4.1\n城镇居民　　　元　　　32410　　　4.9\n"
    text = STATS_TABLE.format(rows=rows).replace("附表：2024年一季度某县主要指标\n\n", "")
    docs, _ = read(text)
    root = docs[0].root
    assert _table_rows(root)[0] == ["工业用电量", "亿千瓦时", "5.86", "6.9"]
    assert not xpath(root, "//tei:row[@role='label']") and not xpath(root, "//tei:table/tei:head")
    round_trips(docs, text)


def test_a_page_break_between_a_row_and_its_wrapped_rest_stays_in_place():
    """A row cut by the wrap, and the page broken right after the cut (folio, form feed, running
    head, then the row's rest): the rest goes back into its row, and the old page break stays
    where it stood, inside the cell the rest goes on (a cell holds milestones too): the source's
    characters in their order."""
    rows = WRAPPED_ROWS.replace("18.07　　　　6.\n2\n\n　　　　　　　　　　- 2 -\n\f统计快报　　　　　　　　　　　　2024年第3期\n\n",
                                "18.\n　　　　　　　　　　- 2 -\n\f统计快报　　　　　　　　　　　　2024年第3期\n07　　　　6.2\n")
    assert rows != WRAPPED_ROWS
    text = STATS_TABLE.format(rows=rows)
    docs, _ = read(text)
    root = docs[0].root
    assert _table_rows(root)[2] == ["工业增加值", "亿元", "18.-2-统计快报2024年第3期07", "6.2"]
    assert xpath(root, "count(//tei:table/tei:row[3]/tei:cell[3]/tei:pb)") == 1
    assert [r[0] for r in _table_rows(root)[3:]] == ["社会消费品零售总额", "城镇居民人均收入"]
    round_trips(docs, text)


def test_a_table_row_cut_into_two_halves_that_are_no_rows_is_one_row():
    """A wrap cut a row in a gap (两 cells, a gap at the end / two cells) or inside a number (亿元
    　61 / .23　　6.8): neither half is a row by itself, together they are one, so the table goes on
    and neither half is taken for a heading."""
    rows = TABLE_ROWS.replace("社会消费品零售总额　　亿元　　　21.45　　　　7.1\n",
                              "社会消费品零售总额　　亿元　　　\n21.45　　　　7.1\n").replace(
        "城镇居民人均收入　　元　　　　　12860　　　　5.3\n", "城镇居民人均收入　　元　　　　　128\n60　　　　5.3\n")
    text = STATS_TABLE.format(rows=rows)
    docs, _ = read(text)
    root = docs[0].root
    assert _table_rows(root)[-2:] == [["社会消费品零售总额", "亿元", "21.45", "7.1"], ["城镇居民人均收入", "元", "12860", "5.3"]]
    assert texts(root, "//tei:div/tei:head") == ["一季度全县经济运行情况", "一、工业生产平稳增长"]
    assert xpath(root, "string(//tei:table/@cert)") == "medium"
    round_trips(docs, text)


@pytest.mark.parametrize("cut", ["2\n024年第3期", "2024年\n第3期", "\n2024年第3期"],
                         ids=["in-the-number", "after-the-year", "in-the-gap"])
def test_a_running_head_cut_inside_its_issue_number_is_one_fw(cut):
    """A running head the extraction wrapped inside its issue number (``某县统计快报　　2`` /
    ``024年第3期``, ``…2024年`` / ``第3期``) or in the gap before it (the head's line ends in the
    gap) at every page break: the line under the head, short, one piece, completes the head's
    last field to an issue number, so it is the head's rest: one ``fw`` as printed, no heading,
    nothing joined to a paragraph."""
    para = "一季度，全县经济运行开局平稳，主要指标好于预期，工业、投资、消费三大指标均好于全市平均水平。\n\n"
    brk = "　　　　　　　　　　- {n} -\n\f某县统计快报　　　　　　　　　　　　" + cut + "\n\n"
    text = ("统计快报\n\n2024年第3期\n\n某县统计局　　　　　　　　　　　　2024年4月20日\n\n## 一季度全县经济运行情况\n\n"
            + para * 3 + brk.format(n=1) + para * 3 + brk.format(n=2) + para)
    docs, _ = read(text)
    root = docs[0].root
    assert [nows(t) for t in xpath(root, "//tei:fw[@type='header']/text()")] == ["某县统计快报2024年第3期"] * 2
    assert texts(root, "//tei:div/tei:head") == ["一季度全县经济运行情况"]
    round_trips(docs, text)


def test_a_running_head_cut_in_the_gap_before_its_issue_number_is_one_fw():
    """The same running head cut in the gap before its issue number on the last page (its title
    alone at the page's top, the issue number under it): the two together have the text of the
    head found at the other page breaks, so the title line is the head's start, one ``fw``, no
    paragraph."""
    para = "一季度，全县经济运行开局平稳，主要指标好于预期，工业、投资、消费三大指标均好于全市平均水平。\n\n"
    brk = "　　　　　　　　　　- {n} -\n\f某县统计快报　　　　　　　　　　　　2\n024年第3期\n\n"
    last = "　　　　　　　　　　- 3 -\n\f某县统计快报　　　　　　　　　　　　\n2024年第3期\n\n"
    text = ("统计快报\n\n2024年第3期\n\n某县统计局　　　　　　　　　　　　2024年4月20日\n\n## 一季度全县经济运行情况\n\n"
            + para * 3 + brk.format(n=1) + para * 3 + brk.format(n=2) + para * 3 + last + para)
    docs, _ = read(text)
    root = docs[0].root
    assert [nows(t) for t in xpath(root, "//tei:fw[@type='header']/text()")] == ["某县统计快报2024年第3期"] * 3
    assert not any("某县统计快报" in p for p in texts(root, "//tei:p"))
    round_trips(docs, text)

# a briefing hard-wrapped at 24 characters a line and set again at 17 (a scan, a PDF of text typed
# with hard line ends): each line of 24 gives a line of 17 and a rest of 7; one cut falls right
# after 。 (…阅读桌椅。 / 专区每周六上午 / 安排志愿者…)
RESET_BRIEFING = """县 区 动 态
第9期（总第120期）
某县人民政府办公室　　　　　　　2023年9月20日
县城新建三处便民菜市场投入使用
为解决城区居民买菜难问题，县商务局
今年在城东、城
西和城南新建了三处便民菜市场，总面
积4200平方
米，设摊位260个。菜市场于9月1
日起陆续投入使
用。市场实行统一管理、明码标价，每
天早晚各开展一
次卫生保洁，周边居民步行十分钟就能
买到新鲜蔬菜。
开业以来，三处菜市场日均客流量超过
五千人次。县商
务局还组织本地种植合作社进场直销，
蔬菜价格比超市
低一成左右，很受附近居民和上班族的
欢迎。
县图书馆开设少儿阅读专区
县图书馆利用一楼闲置库房，改建少儿
阅读专区，新购
少儿图书八千册和低矮书架阅读桌椅。
专区每周六上午
安排志愿者为低龄儿童讲读绘本，暑假
期间共举办亲子
阅读活动二十场。
"""
# the same items wrapped once at 17: the last line of a paragraph fills the measure (…的欢迎。)
# and the next item's title follows it
DIRECT_BRIEFING = """县 区 动 态
第9期（总第120期）
某县人民政府办公室　　　　　　　2023年9月20日
县城新建三处便民菜市场投入使用
为解决城区居民买菜难问题，县商务局
今年在城东、城西和城南新建了三处便
民菜市场，总面积4200平方米，设
摊位260个。菜市场于9月1日起陆
续投入使用。市场实行统一管理、明码
标价，每天早晚各开展一次卫生保洁，
周边居民步行十分钟就能买到新鲜蔬菜
。
开业以来，三处菜市场日均客流量超过
五千人次。县商务局还组织本地种植合
作社进场直销，蔬菜价格比超市低一成
左右，很受附近居民和上班族的欢迎。
县图书馆开设少儿阅读专区
县图书馆利用一楼闲置库房，改建少儿
阅读专区，新购少儿图书八千册和低矮
书架阅读桌椅。专区每周六上午安排志
愿者为低龄儿童讲读绘本，暑假期间共
举办亲子阅读活动二十场。
"""


def test_the_rest_of_a_line_set_again_narrower_is_no_title():
    """A text hard-wrapped at one measure and set again narrower breaks each printed line into a
    full line and a short rest, the two as long as the old line (a grid of so many characters a
    line, GB/T 9704-2012 5.2.3). A rest after a full line that ends a sentence is short and
    unpunctuated like a title: it goes on with the paragraph above (@cert medium, named in the
    warning). Where the text shows no such pairs, a title after a full last line stays a title."""
    docs, warnings = read(RESET_BRIEFING)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县城新建三处便民菜市场投入使用", "县图书馆开设少儿阅读专区"]
    para = [p for p in xpath(root, "//tei:body//tei:p") if "专区每周六上午" in nows("".join(p.itertext()))]
    assert len(para) == 1 and para[0].get("cert") == "medium"
    assert "桌椅。专区每周六上午安排志愿者" in nows("".join(para[0].itertext()))
    assert any("专区每周六上午" in w for w in warnings)
    round_trips(docs, RESET_BRIEFING)
    docs, _ = read(DIRECT_BRIEFING)
    assert texts(docs[0].root, "//tei:div[@type='article']/tei:head") == ["县城新建三处便民菜市场投入使用", "县图书馆开设少儿阅读专区"]
    round_trips(docs, DIRECT_BRIEFING)


# a journal's contents list whose entries a narrow wrap cut inside the wide gap between title and
# author (the author alone on the leader line; once the page too wrapped off the leader)
AUTHOR_WRAPPED_CONTENTS = """史志通讯

2023年第2期

某县史志办公室编印　　　　　　2023年6月

本期目录
【工作动态】
县志办召开年度工作会议··················1
【史志论坛】
谈谈乡镇志编纂中的资料收集　　　　　　　
　　王建华··················3
【地情资料】
老城的古桥　　　　　　　　　　　　　　　　
李秀英··················5
【读志札记】
读旧志艺文志札记　　　　　　　　　　
　　赵明远··················
7

【工作动态】

县志办召开年度工作会议

3月8日，县志办召开年度工作会议，总结去年工作，部署今年任务。会议要求，全年完成两部乡镇志的评审。

（县志办）

【史志论坛】

谈谈乡镇志编纂中的资料收集

王建华

乡镇志的资料，一靠档案，二靠口述，三靠实物。编纂人员要沉下去，到村组、到农户家中走访，才能把资料收全。

【地情资料】

老城的古桥

李秀英

老城原有石桥七座，现存三座，其中通济桥建于清代乾隆年间，桥面石板上的车辙至今清晰可见。

【读志札记】

读旧志艺文志札记

赵明远

旧志中的艺文志，多收诗文而少录书目，使用时要与其他文献相互参证。
"""


def test_a_contents_entry_wrapped_before_its_author_keeps_title_and_author_apart():
    """The wide gap that sets an author apart from the title ends the title's line (or opens the
    author's): the leader line's text is the author (a personal name), not the title's end, and a
    short title above it is the entry's, no section name. The body's titles match the entries;
    the author names are name type="author" in the contents list."""
    docs, _ = read(AUTHOR_WRAPPED_CONTENTS)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == [
        "县志办召开年度工作会议", "谈谈乡镇志编纂中的资料收集", "老城的古桥", "读旧志艺文志札记"]
    assert [t for t in texts(root, "//tei:front//tei:item/tei:ref") if not t.startswith("【")] == [
        "县志办召开年度工作会议", "谈谈乡镇志编纂中的资料收集", "老城的古桥", "读旧志艺文志札记"]
    assert texts(root, "//tei:front//tei:name[@type='author']") == ["王建华", "李秀英", "赵明远"]
    round_trips(docs, AUTHOR_WRAPPED_CONTENTS)


# a run-in enumeration （1）…；（2）…；（3）… hard-wrapped without blank lines, （3） on a short line
ENUMERATION_TONGBAO = """督 查 通 报
第5期（总第21期）
某县人民政府督查室　　　　　　　　2023年7月3日
关于全县农村饮水安全工程建设情况的督查通报
6月下旬，县政府督查室会同县水利局组成督查组
，对全县8个乡镇的农村饮水安全工程建设情况进
行了督查，共抽查在建工地12处。现将督查情况通
报如下。
一、存在的问题
督查组在抽查中发现：（1）个别工地管沟开挖深
度不足；
（2）部分管材进场检验记录不全；
（3）有的工地监理
人员长期不在岗，旁站记录由施工单位代填。上述
问题已现场交办，但反映出部分乡镇监管不到位。
二、整改要求
各乡镇要在7月底前完成整改，整改情况报县政府
督查室，县水利局要加强日常巡查和质量抽检。
"""


def test_a_numbered_item_after_a_clause_mark_is_run_in_not_a_sub_head():
    """（3） after a line ending in ； is an item of the enumeration the sentence above opens
    (…发现：（1）…；（2）…；), run in, however short its line: no sub-heading from its shape
    either (the role pass says so, and the body builder agrees)."""
    docs, _ = read(ENUMERATION_TONGBAO)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、存在的问题", "二、整改要求"]
    assert any(p.startswith("（3）有的工地监理人员长期不在岗") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, ENUMERATION_TONGBAO)


# a briefing's right-aligned date line wrapped inside its year (the indent filled the column)
CUT_DATE_TONGBAO = """某县人民政府督查室

督 查 通 报

2023年第6期（总第22期）

　　　　　　　　　　　　　　　　　　　　202
3年7月10日

关于全县汛前准备工作落实情况的督查通报

各乡镇人民政府，县直有关单位：
7月上旬，县政府督查室对全县9个乡镇的汛前准备工作进行了督查。现将督查情况通报如下。

一、基本情况

各乡镇均已修订防汛预案，储备了编织袋、救生衣等防汛物资，落实了山洪灾害危险区的转移责任人。
"""


def test_a_right_aligned_masthead_date_cut_inside_its_year_is_one_line():
    """　…　202 / 3年7月10日: a number alone whose digits the next line goes on with is
    one masthead line with it (the issue date); the document's title under it stays a title,
    not running text after a paragraph ``202``."""
    docs, _ = read(CUT_DATE_TONGBAO)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["关于全县汛前准备工作落实情况的督查通报"]
    assert xpath(root, "string(//tei:sourceDesc//tei:imprint/tei:date/@when)") == "2023-07-10"
    round_trips(docs, CUT_DATE_TONGBAO)


def test_a_right_aligned_masthead_date_cut_after_its_year_is_one_line():
    """　…　2023 / 年7月10日: a year alone whose 年 opens the next line is one masthead line with
    it; the remainder ``年7月10日`` is no column heading over the document (a section headed by a
    date's tail) and the header has the issue date."""
    text = CUT_DATE_TONGBAO.replace("202\n3年7月10日", "2023\n年7月10日")
    assert "2023\n年7月10日" in text
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["关于全县汛前准备工作落实情况的督查通报"]
    assert xpath(root, "//tei:body//tei:div[@type='section']") == []
    assert xpath(root, "string(//tei:sourceDesc//tei:imprint/tei:date/@when)") == "2023-07-10"
    round_trips(docs, text)


def test_a_masthead_date_cut_in_its_year_right_under_the_issue_line_is_not_that_lines_end():
    """With no blank lines (a scan's text), the issue line 2023年第6期（总第22期） stands right over the
    cut date (``202`` / ``3年7月10日``, ``2023`` / ``年7月10日``): the number alone goes with the
    line after it, whose start it is, not with the issue line as a short last piece of it."""
    for cut in ("202\n3年7月10日", "2023\n年7月10日"):
        text = re.sub(r"\n\n+", "\n", CUT_DATE_TONGBAO.replace("202\n3年7月10日", cut))
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["关于全县汛前准备工作落实情况的督查通报"], cut
        assert xpath(root, "//tei:body//tei:div[@type='section']") == [], cut
        assert xpath(root, "string(//tei:sourceDesc//tei:imprint/tei:date/@when)") == "2023-07-10", cut
        round_trips(docs, text)


PAPER_ISSUE = """{date}

{title}

中共{county}县委主办　　{county}县融媒体中心编辑出版

总第{total}期　　本期4版

{county}县召开春季农业生产推进会

本报讯（记者 钟立群）4月12日，{county}县召开春季农业生产推进会，部署全县春耕备播、农资供应和
农技服务等工作。会议要求各乡镇抓住有利天气，确保粮食播种面积稳中有增。

本版责编：沈若溪　版式：梁一舟
"""


def test_a_papers_date_line_over_the_next_issues_title_opens_that_issue():
    """Two papers in one file: the date line with its weekday and lunar date printed over the
    second title (a paper's 报头) belongs to the second issue, not to the first issue's last page
    (a dated signature, 落款, prints neither): its header gets the date."""
    first = PAPER_ISSUE.format(date="2023年4月14日　星期五　　农历癸卯年闰二月廿四", title="石 泉 报", county="石泉",
                               total=861)
    second = PAPER_ISSUE.format(date="2024年5月17日　星期五　　农历甲辰年四月初十", title="柳 塘 报", county="柳塘",
                                total=2206)
    docs, _ = read(first + "\n\n" + second)
    assert len(docs) == 2
    dates = [xpath(d.root, "string(//tei:sourceDesc//tei:imprint/tei:date/@when)") for d in docs]
    assert dates == ["2023-04-14", "2024-05-17"]
    assert docs[1].first_line == first.count("\n") + 3
    round_trips(docs, first + "\n\n" + second)


@pytest.mark.parametrize("notice", ["内部资料　注意保存", "内部资料　免费交流"])
def test_a_handling_notice_after_the_last_folio_opens_the_next_issue(notice):
    """A handling notice printed once after a folio (内部资料　注意保存) is the top line of the next
    issue's 版头 (GB/T 9704-2012 7.2.1), not a running head of the page the folio ends."""
    issue = notice + """

{title}

第{n}期

{org}　　　　　　　2023年{m}月5日

{org}开展安全生产专项检查

近日，{org}组织专项检查组，对辖区内的加油站、液化气站和危险化学品仓库开展安全生产检查，
共排查隐患十二处，已全部交由有关单位限期整改。

报：县委办公室，县政府办公室。
发：各乡镇人民政府，县直各单位。
（共印80份）

— 2 —
"""
    a = issue.format(title="安 全 简 报", n=3, org="县应急管理局", m=3)
    b = issue.format(title="政 务 信 息", n=9, org="县政务服务中心", m=4)
    text = a + "\n" + b
    docs, _ = read(text)
    assert len(docs) == 2
    assert texts(docs[0].root, "//tei:fw") == ["—2—"]
    found = texts(docs[1].root, "//tei:front//tei:note[@type='notice']")
    assert found == [nows(notice)], found
    round_trips(docs, text)


PROPOSAL = """工 作 简 报

第4期

沙河县人民代表大会常务委员会办公室　　　　2023年5月6日

关于改善城区学校周边交通秩序的建议

市人大代表　韩立新

城区几所中小学上下学时段车辆拥堵，学生过街存在安全隐患。为此建议：

一、增设临时停车泊位

在学校周边开辟临时停车区域，引导接送车辆即停即走。

二、加强护学岗力量

由交警、学校和家长志愿者共同值守，维护上下学秩序。

---

报：市人大常委会办公室。

（共印60份）
"""


def test_a_persons_office_and_name_under_a_proposals_title_is_its_byline():
    """An author line naming the author's office (县政协委员, 市人大代表, 常委 …) and a name under
    a proposal's title is its byline, never the title's second line (with blank lines or without)."""
    for text in (PROPOSAL, re.sub(r"\n\n+", "\n", PROPOSAL)):
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='article']/tei:head") == ["关于改善城区学校周边交通秩序的建议"]
        assert texts(root, "//tei:div[@type='article']/tei:byline") == ["市人大代表韩立新"]
        assert texts(root, "//tei:div[@type='article']/tei:byline/tei:persName") == ["韩立新"]
        round_trips(docs, text)


def test_numbered_heads_after_a_sentence_ending_in_a_colon_are_sub_heads_when_text_follows_each():
    """``为此建议：`` and then ``一、…`` on a line of its own with running text under it, its sibling
    ``二、…`` likewise: sub-headings (GB/T 15834-2011 B.3.8, the form 现将有关事项通知如下： then
    一、… takes in GB/T 9704 documents), not an enumeration run in; items that follow each other
    with no text between stay the enumeration's (run in)."""
    for text in (PROPOSAL, re.sub(r"\n\n+", "\n", PROPOSAL)):
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、增设临时停车泊位", "二、加强护学岗力量"]
        assert not [p for p in texts(root, "//tei:p") if p.startswith("一、")]
        round_trips(docs, text)
    listed = PROPOSAL.replace("一、增设临时停车泊位\n\n在学校周边开辟临时停车区域，引导接送车辆即停即走。\n\n二、加强护学岗力量\n\n",
                              "一、增设临时停车泊位\n\n二、加强护学岗力量\n\n三、完善交通标志\n\n")
    docs, _ = read(listed)
    assert texts(docs[0].root, "//tei:div[@type='subsection']/tei:head") == []
    round_trips(docs, listed)


def test_a_column_wide_title_over_a_dated_news_lead_after_a_finished_sentence_stays_a_title():
    """Hard-wrapped without blank lines: a line without clause punctuation, as wide as the wrapped
    lines, after a paragraph that ended its sentence (。) and over a line that opens like a news
    lead (``9月12日至14日，…``: the 导语 of a briefing's or paper's item begins with its date) is the
    next item's title, not the first line of that text."""
    body1 = ("8月下旬，县教育局召开全县秋季学期开学工作部署会议，要求各学校做好校舍安全排查、教材发放和食堂卫生等准备"
             "工作，对校园周边交通、消防设施和学生饮用水逐项检查，发现问题立即整改，确保秋季学期平稳开学。")
    body2 = ("9月12日至14日，县农业农村局组织农技人员分赴全县8个乡镇，指导农户抢抓晴好天气收获晾晒秋粮，并现场讲解"
             "粮食烘干和安全储存知识，发放技术资料两千余份，帮助种粮大户解决机械调度难题。")
    lines = ["工 作 简 报", "第7期", "县人民政府办公室　　　　2023年9月20日", "县教育局部署秋季开学工作"]
    lines += [body1[k:k + 20] for k in range(0, len(body1), 20)] + ["县农业农村局组织农技人员指导秋收秋种"]
    lines += [body2[k:k + 20] for k in range(0, len(body2), 20)] + ["报：市政府办公室。"]
    text = "\n".join(lines) + "\n"
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县教育局部署秋季开学工作", "县农业农村局组织农技人员指导秋收秋种"]
    assert [p[:7] for p in texts(root, "//tei:body//tei:p")] == ["8月下旬，县教", "9月12日至1"]
    round_trips(docs, text)


JOURNAL_BYLINES = """柳 溪 史 志

2024年第2期　总第30期

目　　次

·史事钩沉·

柳溪县城老街的变迁……………………县图书馆　孔令文　3

·亲历记·

我当赤脚医生的日子………………………口述　曹秀英　整理　韦　岚　6

县志办完成乡镇志稿评审………………………………………9

·史事钩沉·

柳溪县城老街的变迁

县图书馆　孔令文

老街始建于明代中叶，旧称十字街，东西长约八百米，街面铺着青石板，两侧多为前店后宅的木构房屋

·亲历记·

我当赤脚医生的日子

口述　曹秀英　　整理　韦　岚

我是一九七〇年到大队卫生室当赤脚医生的，那时候药箱里只有几样常用药

县志办完成乡镇志稿评审

五月中旬，县志办组织专家对六部乡镇志稿进行评审，提出修改意见四十余条。
"""


def test_a_contents_author_counts_no_spaces_and_a_role_word_byline_is_no_paragraph():
    """A contents entry's author after the leader is at most 12 characters, spaces not counted: a
    letter-spaced name (``韦　岚``) and role words (``口述　X　整理　Y``, an oral history's teller and
    recorder) take more room, and the entry still gets its page (the section name and the next
    entry are not glued to it). In the body, an author line under a title that names a unit ending
    in 馆 (作者单位: an archive, a library) or pairs of role word and name is a byline, and the
    running text under it, cut mid-sentence at the end of its line, is not joined into it."""
    docs, _ = read(JOURNAL_BYLINES)
    root = docs[0].root
    items = texts(root, "//tei:front//tei:div[@type='contents']//tei:item[tei:num]")
    assert len(items) == 3, items
    assert texts(root, "//tei:front//tei:div[@type='contents']//tei:item/tei:num[@type='page']") == ["3", "6", "9"]
    assert texts(root, "//tei:front//tei:item/tei:name[@type='author']") == ["县图书馆孔令文", "口述曹秀英整理韦岚"]
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert heads == ["柳溪县城老街的变迁", "我当赤脚医生的日子", "县志办完成乡镇志稿评审"], heads
    bylines = texts(root, "//tei:body//tei:byline")
    assert bylines == ["县图书馆孔令文", "口述曹秀英整理韦岚"], bylines
    paras = texts(root, "//tei:body//tei:p")
    assert paras[0].startswith("老街始建于明代中叶") and paras[1].startswith("我是一九七〇年"), paras
    round_trips(docs, JOURNAL_BYLINES)


def test_a_journal_dated_only_by_its_colophons_printing_date_gets_it_in_the_header_with_cert():
    """A journal whose masthead prints only 年第N期 is dated by the colophon's 印刷日期 (the date the
    rules for 内部资料性出版物 want printed): the header's issue date, ``@cert="medium"`` and a note
    saying where it comes from; a masthead date still wins over it."""
    colophon = "\n主办：柳溪县地方志办公室　　　主编：孔令文\n\n印数：300册　　　　　　　　印刷日期：二〇二四年六月\n"
    docs, _ = read(JOURNAL_BYLINES + colophon)
    monogr = xpath(docs[0].root, "//tei:sourceDesc//tei:monogr")[0]
    dates = [(d.get("when"), d.get("type"), d.get("cert")) for d in xpath(monogr, "tei:imprint/tei:date")]
    assert dates == [("2024-06", None, "medium"), ("2024-06", "printed", None)], dates
    assert "印刷日期" in "".join(xpath(monogr, "tei:note/text()"))
    round_trips(docs, JOURNAL_BYLINES + colophon)
    dated = JOURNAL_BYLINES.replace("2024年第2期　总第30期", "2024年5月　第2期　总第30期") + colophon
    docs, _ = read(dated)
    assert xpath(docs[0].root, "string(//tei:sourceDesc//tei:imprint/tei:date[not(@type)]/@when)") == "2024-05"


PAPER_GUIDE = """# 石 渠 报

2024年3月8日　星期五

第9期（总第702期）　　今日四版

**今日导读**

▲ 石渠至西坪公路改造完工（2版）

▲ 全县春耕备耕有序推进（3版）

▲ 【望川】晒秋（4版）

第一版　要闻

## 县政府召开常务会议

本报讯（记者 白云起）3月6日，县政府召开常务会议，研究部署春季森林防火和春耕生产等工作。

本版责编：杜　衡

第二版　综合

## 石渠至西坪公路改造完工

本报讯（记者 白云起）日前，石渠至西坪公路改造工程完工，全线路面拓宽至八米。

第三版　经济

## 全县春耕备耕有序推进

本报讯（通讯员 郑秋禾）连日来，全县各乡镇组织农户整地育秧，农资供应充足。

第四版　副刊

**望　川**

## 晒秋

文／韩　笛

竹匾里摊开的是一整个秋天，辣椒红了，玉米黄了，屋顶上的日头慢慢地走。
"""


def test_a_papers_guide_with_bracketed_pages_is_a_contents_list_not_headings():
    """A paper's 导读 under its heading (今日导读, 要闻导读 as well as 本期导读) whose entries print
    their page in round brackets after the title (``▲ …（2版）``) is a contents list in
    ``<front>``, each entry linked to its article and with its page; no entry is a heading. An
    entry that names its column in 【】 before the title (``【望川】晒秋``) links to that title."""
    docs, _ = read(PAPER_GUIDE)
    root = docs[0].root
    items = xpath(root, "//tei:front//tei:div[@type='contents']//tei:item")
    assert [xpath(i, "string(tei:num[@type='page']/@value)") for i in items] == ["2", "3", "4"]
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert heads == ["县政府召开常务会议", "石渠至西坪公路改造完工", "全县春耕备耕有序推进", "晒秋"], heads
    # an entry naming its column in 【】 before the title links to the article under that title
    target = xpath(items[2], "string(tei:ref/@target)")[1:]
    assert texts(root, f"//tei:div[@xml:id='{target}']/tei:head") == ["晒秋"]
    round_trips(docs, PAPER_GUIDE)


PAPER_POEMS = """第四版　副刊

晒秋

◇ 韩　笛

竹匾里摊开的
是一整个秋天
辣椒红了
玉米黄了

屋顶上的日头
慢慢地走

河湾

◇ 郑远帆

芦苇把影子
放进水里
水把影子
带到下游

晚风吹过来
一只白鹭飞走了

本版责编：宋　禾
"""


def test_a_second_poems_title_over_its_author_line_ends_the_first_poem():
    """A 副刊 prints each poem's title with its author line (◇ X) under it: the line right above
    another author line is the next poem's title and its author line a byline, not a verse line
    of the poem before and a heading (with the source's ``#`` marks or without)."""
    for text in (PAPER_POEMS, PAPER_POEMS.replace("晒秋\n", "## 晒秋\n").replace("河湾\n", "## 河湾\n")):
        docs, _ = read(text)
        root = docs[0].root
        heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
        assert heads == ["晒秋", "河湾"], heads
        assert texts(root, "//tei:body//tei:div[@type='article']/tei:byline") == ["◇韩笛", "◇郑远帆"]
        assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:body//tei:lg[@type='stanza']")] == [4, 2, 4, 2]
        round_trips(docs, text)


WRAPPED_JOURNAL = """柳 溪 史 志

2024年第3期　总第31期

目　　次

抓好地方志工作　推动修志编鉴用志协调发展……………………孔令文　1

县志办完成乡镇志稿评审………………………………………………3

抓好地方志工作　推动修志编鉴用志协调发展

孔令文

今年全县地方志工作的重点是三件事。第一件
是续修县志，总纂稿年内要完成，明年送市里
评审。第二件是年鉴编纂，要压缩出版周期，
做到当年编纂次年出版。第三件是用志，要把
志书里的材料用到县情教育和招商宣传上去。

各乡镇要明确一名分管领导和一名专职人员，
保证修志工作有人管、有人干，材料按时报送
，质量逐级把关，不能把担子全压在县志办身
上，也不能等到验收时才临时抱佛脚，那样编
出来的东西经不起推敲，也对不起后人。

县志办完成乡镇志稿评审

五月中旬，县志办组织专家对六部乡镇志稿进行评审，提
出修改意见四十余条，要求各乡镇在九月底前修改完毕。
"""


def test_a_name_under_a_title_the_contents_list_names_whole_is_its_byline_in_wrapped_text():
    """In a hard-wrapped text a short line under a title as wide as a wrapped line may be the
    title's tail; where the printed contents list names that title whole (and not with the line
    under it), the title ends there: a bare name under it is its author line, and the running
    text below is not joined into it."""
    docs, _ = read(WRAPPED_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:byline") == ["孔令文"]
    assert texts(root, "//tei:body//tei:p")[0].startswith("今年全县地方志工作")
    round_trips(docs, WRAPPED_JOURNAL)


# ----------------------------------------------------------------------------- brief items: bullet, bold, closing 。

BRIEF_COLUMN = BRIEFING.split("---")[0] + """【工作简讯】

■ **县农技站举办小麦病虫害防治培训班。** 4月2日，县农技站在北关村举办培训班，讲解条锈病和蚜虫的识别与防治方法。

■ **县水利局检查汛前水库安全。** 4月6日，县水利局组成检查组，对全县5座小型水库的坝体和溢洪道进行了检查。

---

""" + BRIEFING.split("---", 1)[1]


def _brief_heads(root):
    """The brief heads' text without the bullet (``label``) and the closing stop (``pc``)."""
    out = []
    for h in xpath(root, "//tei:div[@type='brief']/tei:head"):
        out.append(nows((h.text or "") + "".join(
            ("" if c.tag.endswith(("}label", "}pc")) else "".join(c.itertext())) + (c.tail or "") for c in h)))
    return out


def test_a_bulleted_bold_run_in_head_closed_by_a_full_stop_is_a_brief_head():
    """``■ **head。** text`` in a 【…简讯】 column: the bullet, then the bold run-in head (its
    markup); the head's closing 。 is printed after the title, not part of it: a punctuation
    character ``pc`` (TEI P5 §18.1.2), not a second ``label`` (a label is the bullet's), last
    in the head; the text goes on in the brief's paragraph."""
    docs, _ = read(BRIEF_COLUMN)
    root = docs[0].root
    heads = _brief_heads(root)
    assert heads == ["县农技站举办小麦病虫害防治培训班", "县水利局检查汛前水库安全"], heads
    brief_heads = xpath(root, "//tei:div[@type='brief']/tei:head")
    assert [[nows("".join(l.itertext())) for l in xpath(h, "tei:label")] for h in brief_heads] == [["■"], ["■"]]
    assert [[(p.text, p.tail) for p in xpath(h, "tei:pc")] for h in brief_heads] == [[("。", None)], [("。", None)]]
    assert all(local(h[-1]) == "pc" for h in brief_heads)
    assert texts(root, "//tei:div[@type='brief']/tei:p")[0].startswith("4月2日，县农技站")
    round_trips(docs, BRIEF_COLUMN)


def test_a_page_break_before_a_run_in_heads_closing_stop_stands_before_its_pc():
    """``■ **head`` / a page break and its folio / ``。** text``: the ``pb`` and ``fw`` are kept in
    the head before the ``pc``, which holds the 。 alone (TEI's pc takes no pb), and the document
    is valid."""
    from convert.validators.tei import check_tei

    text = BRIEF_COLUMN.replace("防治培训班。** 4月2日", "防治培训班\n\f- 2 -\n。** 4月2日")
    docs, _ = read(text)
    head = xpath(docs[0].root, "//tei:div[@type='brief']/tei:head")[0]
    assert [local(c) for c in head] == ["label", "pb", "fw", "pc"]
    assert head[-1].text == "。" and len(head[-1]) == 0
    assert check_tei(docs[0].root) == []
    round_trips(docs, text)


def test_without_its_bold_a_bulleted_first_sentence_closed_by_a_stop_and_a_space_is_the_head():
    """The markup gone (``■ head。 text``): in a column named by 【…简讯】, after a bullet, a first
    sentence of a few words with no comma, closed by 。 and a space, is the run-in head."""
    text = BRIEF_COLUMN.replace("**", "")
    docs, _ = read(text)
    assert _brief_heads(docs[0].root) == ["县农技站举办小麦病虫害防治培训班", "县水利局检查汛前水库安全"]
    round_trips(docs, text)


def test_a_bold_run_left_open_at_a_line_end_and_closed_on_the_next_line_is_one_run():
    """CommonMark §6.2: emphasis is matched across a soft line break; ``■ **head。`` / ``** 4月2日…``
    (a wrap cut before the closing mark) does not make the next line bold; a ``**`` that nothing
    closes stays bold to its line end."""
    lines = split_lines("■ **县农技站举办培训班。\n** 4月2日，县农技站在北关村举办培训班。\n")
    assert [b for s, b in lines[1].segments if s.strip()] == [False] and not lines[1].all_bold
    lines = split_lines("**县农技站举办培训班\n4月2日，县农技站在北关村举办培训班。\n")
    assert lines[0].all_bold and not lines[1].all_bold
    for text in (BRIEF_COLUMN.replace("培训班。** 4月2日", "培训班。\n** 4月2日"),
                 BRIEF_COLUMN.replace("防治培训班。**", "防治培\n训班。**")):
        docs, _ = read(text)
        assert _brief_heads(docs[0].root)[0] == "县农技站举办小麦病虫害防治培训班", text
        round_trips(docs, text)


def test_a_hash_heading_cut_by_a_hard_wrap_keeps_its_tail():
    """An ATX heading is one source line (CommonMark §4.2): in a hard-wrapped text, a ``##`` line
    as wide as the wrap with a few words without clause punctuation right under it is the
    heading cut by the wrap (``## 县…森林防`` / ``火督查``), with @cert, even where a contents list
    (whose entry prints the title shorter) leaves unlisted short lines to the text."""
    prose = "3月以来，县林业局组织三个督查组，对全县重点林区开展防火督查，发现并整改隐患17处，督促责任单位限期整改到位。"
    wrapped = "\n\n".join(["\n".join(prose[k : k + 24] for k in range(0, len(prose), 24))] * 4)
    text = (BRIEFING.split("编者按")[0] + "本期要目\n\n◆ 县林业局开展春季防火督查\n\n◆ 县林业局开展森林防火督查\n\n"
            "## 县林业局开展春季防火督查\n\n" + wrapped + "\n\n（县林业局　邓志远）\n\n"
            "## 县林业局对全县十二个重点林区开展春季森林防\n火督查\n\n" + wrapped + "\n\n（县林业局　邓志远）\n")
    docs, _ = read(text)
    heads = xpath(docs[0].root, "//tei:div[@type='article']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == ["县林业局开展春季防火督查", "县林业局对全县十二个重点林区开展春季森林防火督查"]
    assert heads[1].get("cert") in ("low", "medium")  # inferred on weak evidence: flagged
    round_trips(docs, text)


def test_a_masthead_date_in_chinese_numerals_cut_before_its_day_is_one_line():
    """``沙河县人民政府办公室　　二〇二二年三月`` / ``十八日``: a right-aligned date in Chinese
    numerals that the extraction cut before its day is one masthead line: the header has the
    full date."""
    text = BRIEFING.replace("沙河县人民政府办公室　　　　　　　2022年3月8日", "沙河县人民政府办公室　　　　　　　二〇二二年三月\n十八日")
    docs, _ = read(text)
    assert xpath(docs[0].root, "//tei:sourceDesc//tei:imprint/tei:date/@when") == ["2022-03-18"]
    round_trips(docs, text)


def test_a_letter_spaced_name_before_the_next_colophon_label_stays_in_its_value():
    """``编辑：滕　雪　　审核：韦守成``: a two-character name letter-spaced to three, then a wider gap
    and the next label. A letter-spaced label has a gap between every character (``编　　辑：``);
    words either side of a gap are a value's end and the next label."""
    t = "编辑：柯　岚　　审核：庞向东　　　　（共印60份）"
    assert [(t[a:v], t[v:e]) for a, v, e in colophon_fields(t)] == [("编辑：", "柯　岚"), ("审核：", "庞向东")]
    t = "编　　辑：柯岚　　审　核：庞向东"
    assert [(t[a:v], t[v:e]) for a, v, e in colophon_fields(t)] == [("编　　辑：", "柯岚"), ("审　核：", "庞向东")]


def test_a_masthead_name_over_two_lines_is_one_title():
    """``沙　河　人　大`` / ``工　作　简　报``: the 报头 name set over two lines, the second naming
    the kind of bulletin only: one title (header and one ``titlePart`` with ``<lb/>``)."""
    text = BRIEFING.replace("# 信 息 专 报", "沙　河　人　大\n\n工　作　简　报")
    docs, _ = read(text)
    root = docs[0].root
    assert xpath(root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "沙河人大工作简报"
    parts = xpath(root, "//tei:titlePage/tei:docTitle/tei:titlePart[@type='main']")
    assert len(parts) == 1 and nows("".join(parts[0].itertext())) == "沙河人大工作简报"
    round_trips(docs, text)


def test_a_marked_title_the_contents_list_shortened_is_linked_from_its_entry():
    """A contents list may shorten a title (``县林业局开展防火督查`` for ``县林业局对全县重点林区开展
    春季森林防火专项督查``): a ``##`` title where the next entry not yet found would stand, like it
    by half its characters in order, is that entry's target."""
    text = BRIEFING.replace("编者按：", "本期要目\n\n◆ 白杨镇推行“一村一员”代办服务\n\n◆ 县林业局开展防火督查\n\n编者按：").replace(
        "## 县林业局开展春季森林防火督查", "## 县林业局对全县重点林区开展春季森林防火专项督查")
    docs, _ = read(text)
    root = docs[0].root
    targets = xpath(root, "//tei:div[@type='contents']//tei:ref/@target")
    heads = {d.get(XML_ID): nows("".join(d.find("{http://www.tei-c.org/ns/1.0}head").itertext()))
             for d in xpath(root, "//tei:div[@type='article']")}
    assert [heads.get(t[1:]) for t in targets] == ["白杨镇推行“一村一员”代办服务", "县林业局对全县重点林区开展春季森林防火专项督查"]
    round_trips(docs, text)


def test_a_next_issue_whose_name_is_over_two_lines_starts_at_its_notice_line():
    """Two issues in one file, the second's 版头 name over two lines (沙 河 人 大 / 工 作 简 报)
    under its handling notice: the issue starts at the notice, the name whole in its header."""
    second = BRIEFING.replace("# 信 息 专 报", "沙　河　人　大\n\n工　作　简　报").replace("第3期（总第41期）", "第4期（总第42期）")
    text = BRIEFING.rstrip("\n") + "\n\n\n" + second
    docs, _ = read(text)
    assert len(docs) == 2
    assert xpath(docs[1].root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "沙河人大工作简报"
    assert not any("注意保存" in t or "沙河人大" in t for t in texts(docs[0].root, "//tei:body//tei:head"))
    assert "内部资料" in nows("".join(xpath(docs[1].root, "//tei:titlePage")[0].itertext()))
    round_trips(docs, text)


# ------------------------------------------------------- heldout-j county paper (issue 21, round 8)

#: A county paper: the e-paper's page tag ``01　要闻`` under the masthead, 报眉 lines
#: ``日期　星期　第N版　名`` after form feeds, 本版编辑/责任校对 credit lines, a brief column, a 副刊
#: with its letter-spaced name, a prose piece and a 七言绝句.
CREEK = """某　溪　报

中共某溪县委主办　　某溪县融媒体中心编印

2024年3月8日　星期五

第10期（总第520期）　　今日3版

01　要闻

县城新建三座停车场

本报讯（记者 方圆）3月6日，县城新建的三座公共停车场投入使用，新增停车位860个，市民停车难问题有所缓解。

停车场实行智能收费，前半小时免费，夜间实行优惠价格，方便周边居民停放车辆。

本版编辑：柯一　　责任校对：麦禾

\f2024年3月8日　星期五　第2版　综合

**简　讯**

**县文化馆开设公益课堂**　3月4日，县文化馆公益课堂开课，设书法、舞蹈、声乐等课程12门。（通讯员 于帆）

**东岭乡修缮村级道路**　连日来，东岭乡组织施工队对三个村的村级道路进行修缮，方便群众出行。（通讯员 莫青）

本版编辑：柯二　　责任校对：麦禾

\f2024年3月8日　星期五　第3版　副刊

**溪　风**

春到河湾

□ 顾小川

河湾的柳树又绿了，燕子在水面上飞来飞去。

清晨的河边，有人钓鱼，有人散步，还有孩子追着风筝跑过草地。

早春即景

◎ 林一舟

东风拂岸柳丝新，
细雨初晴燕语频。
最是一年春好处，
田间处处种花人。

责任编辑：柯三　　美术编辑：麦穗
"""


def test_a_page_credit_of_beban_bianji_and_zeren_jiaodui_is_page_furniture():
    """本版编辑 and 责任校对 label a newspaper page's credit line as 本版责编 and 校对 do (the line of
    editors that closes the page): ``fw type="footer"``, no paragraph of the article above."""
    docs, _ = read(CREEK)
    root = docs[0].root
    credits = texts(root, "//tei:fw[@subtype='pageCredit']")
    assert "本版编辑：柯一责任校对：麦禾" in credits and "本版编辑：柯二责任校对：麦禾" in credits
    assert not [p for p in texts(root, "//tei:p") if "本版编辑" in p]
    round_trips(docs, CREEK)


def test_a_brief_column_ends_at_the_next_pages_label():
    """A brief column (简讯) stays on its page: after the next page's 报眉 line (date, 第N版, name) a
    letter-spaced 副刊 name is no run-in head whose text goes on in the title under it, even with
    no blank lines and no page credit between."""
    text = re.sub(r"\n\n+", "\n", CREEK.replace("本版编辑：柯二　　责任校对：麦禾\n\n", ""))
    docs, _ = read(text)
    root = docs[0].root
    assert "春到河湾" in texts(root, "//tei:div[@type='article']/tei:head")
    assert not [h for h in texts(root, "//tei:head") if "溪风春" in h]
    round_trips(docs, text)


def test_a_newspapers_page_tag_at_a_page_top_is_a_page_label():
    """The e-paper's page tag, a two-digit page number and the page's name (``01　要闻``), printed
    where a page begins (under the masthead, after a form feed, after the page credit that closed
    the page before) and numbering the next page, is that page's label (``pb/@n`` + ``fw``), not a
    column heading; the same shape elsewhere, or out of sequence, stays text."""
    docs, _ = read(CREEK)
    root = docs[0].root
    assert texts(root, "//tei:fw[@subtype='pageLabel']")[0] == "01要闻"
    assert [pb.get("n") for pb in xpath(root, "//tei:fw[@subtype='pageLabel']/preceding-sibling::tei:pb[1]")] \
        == ["1", "2", "3"]
    assert not [h for h in texts(root, "//tei:body//tei:head") if "要闻" in h]
    round_trips(docs, CREEK)
    # the short tag on the later pages too (``02　综合``), blank lines gone
    tagged = re.sub(r"\n\n+", "\n", CREEK.replace("2024年3月8日　星期五　第2版　综合", "02　综合")
                    .replace("2024年3月8日　星期五　第3版　副刊", "03　副刊"))
    docs, _ = read(tagged)
    root = docs[0].root
    assert texts(root, "//tei:fw[@subtype='pageLabel']") == ["01要闻", "02综合", "03副刊"]
    round_trips(docs, tagged)
    # out of sequence (page 5 on page 1): no page label
    docs, _ = read(CREEK.replace("01　要闻", "05　要闻"))
    assert "05要闻" not in texts(docs[0].root, "//tei:fw")


def test_a_quatrain_printed_without_blank_lines_is_one_stanza():
    """A 七言绝句 (four lines of seven characters, a comma after the first and third, a full stop
    after the second and fourth) printed as one block is one stanza of four lines: the unwrapping
    joined its couplets (each ends a sentence), but a stanza is the run of verse lines between
    blank lines, not a logical line."""
    docs, _ = read(CREEK)
    root = docs[0].root
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [4]
    assert texts(root, "//tei:l") == ["东风拂岸柳丝新，", "细雨初晴燕语频。", "最是一年春好处，", "田间处处种花人。"]
    round_trips(docs, CREEK)
    # two stanzas of free verse set apart by a blank line stay two
    two = CREEK.replace("最是一年春好处，", "\n最是一年春好处，")
    docs, _ = read(two)
    assert [len(xpath(lg, "tei:l")) for lg in xpath(docs[0].root, "//tei:lg[@type='stanza']")] == [2, 2]


def test_a_registration_labelled_by_its_certificates_name_keeps_the_name():
    """``内部资料准印证：（豫）…``: the label names the certificate, as the unlabelled
    ``河南省连续性内部资料准印证（豫）…`` does, and stays in the header's registration; a label that
    only says "number" (``准印证号：``) is left out, the identifier being its value."""
    text = CREEK.replace("第10期（总第520期）　　今日3版\n",
                         "第10期（总第520期）　　今日3版\n\n内部资料准印证：（豫）内资连字第0123号\n")
    docs, _ = read(text)
    monogr = xpath(docs[0].root, "//tei:sourceDesc/tei:biblStruct/tei:monogr")[0]
    assert nows(xpath(monogr, "string(tei:idno[@type='registration'])")) == "内部资料准印证：（豫）内资连字第0123号"
    docs, _ = read(text.replace("内部资料准印证：", "准印证号："))
    monogr = xpath(docs[0].root, "//tei:sourceDesc/tei:biblStruct/tei:monogr")[0]
    assert nows(xpath(monogr, "string(tei:idno[@type='registration'])")) == "（豫）内资连字第0123号"


def test_a_page_label_after_a_form_feed_numbers_that_page_break():
    """A form feed, then the next page's label: one page break (``<pb n="2"/>``), the label's
    number on the break the form feed made, not a second, empty page before it."""
    docs, _ = read(CREEK)
    root = docs[0].root
    assert [pb.get("n") for pb in xpath(root, "//tei:body//tei:pb")] == ["1", "2", "3"]
    round_trips(docs, CREEK)


# ------------------------------------------- a hard-wrapped journal with columns (heldout-j, round 8)

#: A monthly set like a printed page: hard-wrapped, no blank lines inside the pages, a paragraph
#: opened by two ideographic spaces; contents page of column names and entries (title, gap,
#: author, page; no leaders); each article under its column name; colophon on the last page.
INDENTED_JOURNAL = (
    "\n桐 溪 教 研\n\n2025年第3期（总第27期）\n\n桐溪县教研室主办\n\n"
    "\f目　　录\n\n"
    "刊首寄语\n"
    "春天的课堂　　　　　　　　　　　　　　　　　　柏青舟　1\n"
    "教学探索\n"
    "作业设计的三个误区　　　　　　　　　　　　　　江一苇　1\n"
    "杏坛漫笔\n"
    "我的第一块黑板　　　　　　　　　　　　　　　　沈知秋　2\n\n"
    "\f刊首寄语\n"
    "春天的课堂\n"
    "◎柏青舟\n"
    "　　三月里，操场边的柳树发了新芽，孩子们的脸上也多了笑容。老\n"
    "师们把课堂搬到了校园里，让学生看一看、摸一摸、说一说。\n"
    "教学探索\n"
    "作业设计的三个误区\n"
    "□ 江一苇\n"
    "　　作业是课堂的延伸。不少教师布置作业时只看数量，不看质量，结\n"
    "果学生做得辛苦，效果却不理想。本文结合几所学校的调查谈三点看法\n"
    "。\n"
    "\n　　　　　　　　　　　　　　·1·\n"
    "\f杏坛漫笔\n"
    "我的第一块黑板\n"
    "□ 沈知秋\n"
    "　　那是一块刷了墨汁的木板，挂在土墙上，一擦就掉渣。我在上面写\n"
    "下的第一个字是“人”，孩子们跟着我一遍遍地念。\n"
    "编　者\n"
    "二〇二五年三月\n"
    "\n　　　　　　　　　　　　　　·2·\n"
    "\f主　　办：桐溪县教研室\n"
    "主　　编：柏青舟\n"
    "印　　数：800册\n"
)


def test_a_contents_pages_column_name_and_a_colophon_label_at_a_page_top_are_no_running_heads():
    """A column name under the contents heading (目　　录) that opens a page again over its first
    article is printed twice near page breaks, yet it is no running head: the line under a
    contents heading is the list's first line. A colophon line (``主　　办：…``: a label spaced out
    to the width of the others) after the last folio is the 版记, no running head either."""
    docs, _ = read(INDENTED_JOURNAL)
    root = docs[0].root
    fws = texts(root, "//tei:fw")
    assert "刊首寄语" not in fws and not any(f.startswith("主办") for f in fws), fws
    assert fws.count("·1·") == 1 and fws.count("·2·") == 1
    round_trips(docs, INDENTED_JOURNAL)


def test_column_names_of_a_contents_list_without_leaders_are_sections_and_entries_keep_their_authors():
    """A 目录 without leaders: a short line with no page above an entry with one, printed again
    alone over its first article, is a column name (栏目) — a section of the list and a
    ``div type="section"`` of the body, no article heading; an entry's author, set apart by a
    gap before the page, is its author, not part of its title."""
    docs, _ = read(INDENTED_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["刊首寄语", "教学探索", "杏坛漫笔"]
    assert texts(root, "//tei:div[@type='article']/tei:head[not(@type)]") == ["春天的课堂", "作业设计的三个误区", "我的第一块黑板"]
    assert texts(root, "//tei:div[@type='contents']//tei:name[@type='author']") == ["柏青舟", "江一苇", "沈知秋"]
    assert texts(root, "//tei:div[@type='contents']/tei:list/tei:item/tei:ref") == ["刊首寄语", "教学探索", "杏坛漫笔"]
    round_trips(docs, INDENTED_JOURNAL)


def test_a_signature_over_a_date_line_that_ends_a_piece_is_its_byline_with_the_date():
    """编　者 on a line of its own after the last paragraph, the date under it (落款: who signs and
    when, GB/T 9704-2012 7.3.5 in a journal's 编后记): the piece's byline at its foot, the date a
    ``<date>`` on the byline's second line; neither is run into a paragraph, nor opens an article,
    though the name ends in no punctuation."""
    docs, _ = read(INDENTED_JOURNAL)
    root = docs[0].root
    last = xpath(root, "//tei:div[@type='article']")[-1]
    assert texts(last, "tei:byline") == ["□沈知秋", "编者二〇二五年三月"]
    assert not any("编者" in p for p in texts(root, "//tei:body//tei:p"))
    assert texts(last, "tei:byline/tei:date") == ["二〇二五年三月"]
    assert [d.get("when") for d in xpath(last, "tei:byline/tei:date")] == ["2025-03"]
    round_trips(docs, INDENTED_JOURNAL)


def test_a_journal_dated_by_nothing_but_its_editors_signed_date_gets_it_with_cert():
    """The masthead prints only 2025年第3期 and the colophon no 印刷日期: the date the editors sign
    at the issue's end (编　者 / 二〇二五年三月), in the masthead's year, dates the issue in the
    header, ``@cert="low"``, a note saying where it comes from and the warning naming it; a year printed with the digit 0
    for 〇 (an OCR slip, kept as printed) is read as 〇; a signed date of another year is none."""
    def header_date(text):
        docs, _ = read(text)
        monogr = xpath(docs[0].root, "//tei:sourceDesc//tei:monogr")[0]
        round_trips(docs, text)
        return ([(d.get("when"), d.get("cert")) for d in xpath(monogr, "tei:imprint/tei:date")],
                "".join(xpath(monogr, "tei:note/text()")))
    dates, note = header_date(INDENTED_JOURNAL)
    assert dates == [("2025-03", "low")] and "signed" in note, (dates, note)
    assert header_date(INDENTED_JOURNAL.replace("二〇二五年三月", "二0二五年三月"))[0] == [("2025-03", "low")]
    assert header_date(INDENTED_JOURNAL.replace("二〇二五年三月", "二〇二四年十二月"))[0] == []
    docs, warnings = read(INDENTED_JOURNAL)
    assert any("issue date 2025-03" in w and "二〇二五年三月" in w for w in warnings), warnings


def test_a_contents_list_of_titles_authors_and_pages_without_leaders_speaks_for_a_journal():
    """A 目次 that prints each title's author and page (GB/T 3179-2009), leaders or not, is a
    journal's: with it the hard-wrapped monthly is a journal though its masthead has an English
    title line and a 主办 body (evidence a newspaper's masthead gives too)."""
    docs, _ = read(INDENTED_JOURNAL.replace("桐溪县教研室主办\n", "TONGXI JIAOYAN\n\n桐溪县教研室主办\n"))
    assert xpath(docs[0].root, "string(//tei:sourceDesc/tei:biblStruct/@type)") == "journal"


def test_a_body_that_runs_a_journal_for_its_sponsor_is_a_responsibility_not_the_publisher():
    """``X承办`` under ``Y主办`` in the masthead: X runs the journal for its sponsor Y (承办单位), a
    ``respStmt`` with 承办 — neither the publisher nor a name with its verb glued on; the publisher
    is the 主办 body."""
    text = INDENTED_JOURNAL.replace("桐溪县教研室主办\n", "桐溪县教研室主办\n桐溪县教师发展中心承办\n")
    docs, _ = read(text)
    monogr = xpath(docs[0].root, "//tei:sourceDesc//tei:monogr")[0]
    assert xpath(monogr, "tei:imprint/tei:publisher/text()") == ["桐溪县教研室"]
    assert [(xpath(r, "string(tei:resp)"), xpath(r, "string(tei:orgName)")) for r in xpath(monogr, "tei:respStmt")][:2] == [
        ("主办", "桐溪县教研室"), ("承办", "桐溪县教师发展中心")]
    round_trips(docs, text)


def test_the_editors_afterword_listed_last_in_the_contents_belongs_to_no_column():
    """编后记 listed after the last column's entries, with a page but no column line of its own:
    the editors' afterword is the issue's, not the column's (its entry closes the column), so
    the contents list keeps it after the columns and the body's last section ends before it."""
    text = INDENTED_JOURNAL.replace(
        "沈知秋　2\n\n", "沈知秋　2\n编后记　　　　　　　　　　　　　　　　　　　　　　　2\n\n").replace(
        "编　者\n", "编后记\n　　本期稿件多来自一线教师，在此一并致谢。\n编　者\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body/tei:div[@type='article']/tei:head") == ["编后记"]
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["刊首寄语", "教学探索", "杏坛漫笔"]
    items = [nows("".join(i.itertext())) for i in xpath(root, "//tei:div[@type='contents']/tei:list/tei:item")]
    assert items[-1] == "编后记2" and len(items) == 4
    assert xpath(root, "string(//tei:div[@type='contents']/tei:list/tei:item[last()]/tei:ref/@target)") == \
        "#" + xpath(root, "string(//tei:body/tei:div[@type='article']/@xml:id)")
    round_trips(docs, text)


def _wrap30(paragraph: str) -> str:
    """*paragraph* set as a page sets it: two ideographic spaces first, then hard-wrapped at 30."""
    text = "\u3000\u3000" + paragraph
    return "".join(text[k : k + 30] + "\n" for k in range(0, len(text), 30))


def test_in_a_text_that_indents_its_paragraphs_a_wrap_right_after_a_full_stop_does_not_end_one():
    """Paragraphs marked only by their first-line indent (段首空两字), no blank lines: a line as wide
    as the wrap that happens to end with 。 goes on in the next line when that line is not
    indented and is itself a wrapped line of prose; an indented line still opens a paragraph, and a
    short line under a finished one (a head) is not joined."""
    text = INDENTED_JOURNAL.replace(
        "　　作业是课堂的延伸。不少教师布置作业时只看数量，不看质量，结\n果学生做得辛苦，效果却不理想。本文结合几所学校的调查谈三点看法\n。\n",
        "　　作业是课堂的延伸。不少教师布置作业时只看数量，不看质量。结果\n"
        "学生做得辛苦，效果却不理想，家长也常常为此发愁，教师也很无奈。\n"
        "本文结合几所学校的调查，谈一谈作业设计中常见的三个误区和改进的\n办法。\n"
        "一、只看数量\n"
        "　　有的教师认为作业越多越好。\n").replace(
        "　　那是一块刷了墨汁的木板，挂在土墙上，一擦就掉渣。我在上面写\n下的第一个字是“人”，孩子们跟着我一遍遍地念。\n",
        _wrap30("那是一块刷了墨汁的木板，挂在土墙上，一擦就掉渣，写字的时候要轻轻地落笔，慢慢地写，我在上面写下"
                "的第一个字是“人”，孩子们跟着我一遍遍地念，声音从教室里传出去，一直传到村口那棵老槐树下面，后来村里"
                "通了电，学校换了新的黑板，又换成了电子白板，可我总记得那块木板上歪歪扭扭的粉笔字，记得孩子们仰着脸"
                "念书的样子，也记得冬天里那一双双冻得通红的小手和明亮的眼睛。"))
    docs, _ = read(text)
    root = docs[0].root
    paras = texts(root, "(//tei:div[@type='article'])[2]/tei:p")
    assert paras[0].startswith("作业是课堂的延伸") and paras[0].endswith("改进的办法。"), paras
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、只看数量"]
    round_trips(docs, text)


def test_a_running_head_a_hard_wrap_cut_inside_its_number_is_one_fw():
    """The running head ``桐溪教研　　…　2025年第3期`` wider than the wrap, cut inside its year
    (``…202`` / ``5年第3期``) at every page top: one ``<fw type="header">`` each time (no break
    inside a number), not two."""
    head = "桐溪教研" + "\u3000" * 24 + "202\n5年第3期\n"
    text = INDENTED_JOURNAL.replace("\f杏坛漫笔\n", "\f" + head + "杏坛漫笔\n").replace("\f主　　办", "\f" + head + "主　　办")
    docs, _ = read(text)
    assert texts(docs[0].root, "//tei:fw[@type='header']") == ["桐溪教研2025年第3期"] * 2
    round_trips(docs, text)


def test_a_column_name_after_the_editors_afterword_in_the_contents_keeps_the_printed_order():
    """A column line listed after the 编后记 entry (unusual, but printed): the list keeps the
    printed order (every character in its place), the line after the afterword in no column."""
    text = INDENTED_JOURNAL.replace("沈知秋　2\n\n", "沈知秋　2\n编后记　　　　　　　　　　　　　　　　　　　　　　　2\n"
                                    "教学探索\n再谈作业设计　　　　　　　　　　　　　　　江一苇　2\n\n")
    docs, _ = read(text)


SPECIAL_FIRST = """桐 溪 政 协

简　　讯

2023年第3期（总第51期）

政协桐溪县委员会办公室　　　　　　2023年4月10日

县政协开展春耕生产专题视察

4月6日，县政协组织部分委员视察全县春耕备耕工作，先后察看了三个乡镇的育秧基地和农资市场，听取了县农业农村局的情况汇报。

视察组认为，今年春耕准备工作启动早、措施实，建议进一步加强农资质量监管，做好农机调度和技术指导服务。

报：市政协办公室，县委办公室。
发：县政协委员，县政协各参加单位。
（共印120份）

3
"""
SPECIAL_SECOND = """\f桐 溪 政 协

简　　讯

增　刊

政协桐溪县委员会办公室　　　　　　2023年4月18日

县政协召开乡村教育专题协商会

4月16日，县政协召开乡村教育专题协商会，县教育局等部门负责同志和部分委员参加会议，围绕乡村学校布局调整提出意见建议。

会议认为，要统筹学校布局和教师配置，改善乡村学校办学条件，让农村孩子就近上好学。

报：市政协办公室，县委办公室。
发：县政协委员，县政协各参加单位。
（共印90份）
"""


def test_a_special_issue_line_without_a_number_opens_an_issue_and_names_it():
    """A masthead whose issue line is 增刊 / 特刊 / 专刊 (with or without a number) in place of
    第N期 opens an issue like any issue-number line; the header records the issue as printed
    (``biblScope/@n`` 增刊), and the letter-spaced two-character kind under the name (简　　讯)
    is the title's second line, in the new issue."""
    assert classify("增　刊") == "edition" and classify("2024年增刊") == "edition"
    assert classify("教育专刊") != "edition"
    mh = read_masthead(split_lines("某某简报\n增刊第2期（总第60期）"))
    assert (mh.special, mh.special_text, mh.issue, mh.issue_total) == ("增刊2", "增刊第2期", None, 60)
    text = SPECIAL_FIRST + SPECIAL_SECOND
    docs, _ = read(text)
    assert len(docs) == 2
    assert xpath(docs[1].root, "string(//tei:monogr/tei:biblScope[@unit='issue']/@n)") == "增刊"
    assert xpath(docs[1].root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "桐溪政协简讯"
    assert xpath(docs[0].root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "桐溪政协简讯"
    assert not any("桐溪政协" in t or "简讯" in t for t in texts(docs[0].root, "//tei:body//tei:head"))
    assert texts(docs[1].root, "//tei:body//tei:head") == ["县政协召开乡村教育专题协商会"]
    round_trips(docs, text)
    # the word alone, no number and no masthead around it (a banner over a page): no new issue
    text = SPECIAL_FIRST.replace("视察组认为", "特　刊\n\n视察组认为")
    docs, _ = read(text)
    assert len(docs) == 1
    round_trips(docs, text)


def test_a_running_head_printed_once_after_a_bare_folio_and_the_last_bare_folio_are_furniture():
    """Folios that are bare numbers (a number alone before the form feed that opens the next page)
    and a running head printed at one page top only (``桐溪政协简讯·增刊`` under the folio of a
    two-page issue) are page furniture; so is the bare number that ends the text, set apart, where
    the folios are bare numbers, one more than the last of them (the last page's folio: no form
    feed follows the last page), with a blank line before it or not."""
    text = SPECIAL_SECOND.replace(
        "\n会议认为", "\n\n                                              1\n\f桐溪政协简讯·增刊\n\n会议认为") + "\n2\n"
    for text in (text, re.sub(r"\n\n+", "\n", text)):
        docs, _ = read(text)
        assert [(f.get("type"), "".join(f.itertext()).strip()) for f in xpath(docs[0].root, "//tei:text//tei:fw")] \
            == [("pageNum", "1"), ("header", "桐溪政协简讯·增刊"), ("pageNum", "2")]
        assert not [p for p in texts(docs[0].root, "//tei:p") if p in ("2", "桐溪政协简讯·增刊")]
        round_trips(docs, text)


SPEECHES = """县政协召开乡村教育专题协商会

4月16日，县政协召开乡村教育专题协商会，县教育局等部门负责同志和部分委员参加会议。

会上，5位委员围绕议题作了发言。

委员发言选登

办好乡村小规模学校，让孩子“留得住”

县政协委员、沙湾镇中心小学校长　柏青禾

乡村小规模学校是农村教育的短板。建议统筹师资配置，推行音体美教师走教，改善寄宿条件。

稳住乡村教师队伍

县政协常委、县教育局副局长　阎立秋

乡村教师流失较多。建议落实乡村教师生活补助，优先安排周转宿舍，畅通职称晋升渠道。
"""


def test_an_office_list_and_a_name_under_a_title_is_its_byline():
    """An author line of offices joined by 、 and a name (县政协委员、X镇中心小学校长　X: GB/T 15834-2011
    4.5, the 顿号 between coordinate offices) under a title is its byline, never the title's second
    line nor a paragraph; the title may hold a comma and run to 24 characters under such a line."""
    one = SPEECHES.replace("委员发言选登\n\n", "")
    for text in (one, re.sub(r"\n\n+", "\n", one)):
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='article']/tei:byline") == [
            "县政协委员、沙湾镇中心小学校长柏青禾", "县政协常委、县教育局副局长阎立秋"]
        assert texts(root, "//tei:div[@type='article']/tei:head") == [
            "县政协召开乡村教育专题协商会", "办好乡村小规模学校，让孩子“留得住”", "稳住乡村教师队伍"]
        round_trips(docs, text)


def test_a_short_line_over_signed_titles_is_a_columns_name():
    """A short line right above a title with its own author line, with a second signed title
    further on, is the name of a column of signed pieces (a section over them), not the first
    title's first line nor an article of its own."""
    for text in (SPEECHES, re.sub(r"\n\n+", "\n", SPEECHES)):
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='section']/tei:head") == ["委员发言选登"]
        assert texts(root, "//tei:div[@type='section']/tei:div[@type='article']/tei:head") == [
            "办好乡村小规模学校，让孩子“留得住”", "稳住乡村教师队伍"]
        round_trips(docs, text)


def test_a_short_title_over_a_long_paragraph_line_in_text_not_hard_wrapped_ends():
    """In text with a paragraph to a line and no blank lines (no wrap width to tell), a short line
    much narrower than the line after it is no line a wrap cut (a wrapped line is as wide as the
    one after it, or wider): a title with a colon (``柏青禾：把课堂搬进田野``) stays a line of its own."""
    text = re.sub(r"\n\n+", "\n", SPECIAL_FIRST.replace(
        "视察组认为", "柏青禾：把课堂搬进田野\n\n柏青禾是县政协委员、沙湾镇中心小学校长，十多年来带着学生走进田间地头，开设了一门劳动实践课程。\n\n视察组认为"))
    docs, _ = read(text)
    assert "柏青禾：把课堂搬进田野" in texts(docs[0].root, "//tei:div[@type='article']/tei:head")
    round_trips(docs, text)



CHRONICLE = """县政协开展春耕生产专题视察
4月6日，县政协组织部分委员视察全县春耕备耕工作，先后察看了三个乡镇的育秧基地和农资市场，听取了县农业农村局的情况汇报，对做好农资供应、农机调度和技术服务提出了意见建议。
视察组认为，今年春耕准备工作启动早、措施实，建议进一步加强农资质量监管，做好农机调度和技术指导服务，确保不误农时。
4月县政协工作大事记
4月3日　县政协主席带领部分委员到沙湾镇调研油茶产业发展情况。
4月9日　县政协召开主席会议，研究部署乡村教育专题调研工作。
4月12日—13日　县政协组织委员走进社区开展法律宣讲活动，听众共计300余人次。
4月下旬　县政协各专门委员会分别召开委员座谈会，收集委员对协商议题的意见建议。
"""


def test_a_dated_entry_as_wide_as_a_wrapped_line_goes_on_and_is_no_title():
    """Hard-wrapped without blank lines: a chronicle's (大事记) entry opens with a date and a gap
    (``4月3日　…``, ``4月12日—13日　…``, ``4月下旬　…``) and is running text; its first line, as wide
    as a wrapped line and without clause punctuation, goes on in the next (weak: @cert), and is
    never a title glued to the chronicle's own title."""
    wrapped = []
    for line in CHRONICLE.splitlines():
        step = 20 if "。" in line else len(line)
        wrapped += [line[k:k + step] for k in range(0, len(line), step)]
    text = "\n".join(wrapped) + "\n"
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县政协开展春耕生产专题视察", "4月县政协工作大事记"]
    assert [p for p in texts(root, "//tei:p") if p.startswith("4月3日")] == ["4月3日县政协主席带领部分委员到沙湾镇调研油茶产业发展情况。"]
    round_trips(docs, text)


def test_a_bare_number_beside_a_folio_of_another_shape_is_a_folio_too():
    """The print's bare page number right above the extraction's own folio (``第 1 页``), with no
    form feed: two folios at one page break; the paragraph the page cut goes on across both."""
    text = SPECIAL_FIRST.replace("，先后察看了三个乡镇", "，先后察看\n\n\n                                   1\n第 1 页\n\n了三个乡镇")
    docs, _ = read(text)
    root = docs[0].root
    assert [(f.get("type"), "".join(f.itertext()).strip()) for f in xpath(root, "//tei:text//tei:fw")][:2] \
        == [("pageNum", "1"), ("pageNum", "第 1 页")]
    cut = [p for p in texts(root, "//tei:p") if "先后察看" in p]
    assert len(cut) == 1 and "先后察看1第1页了三个乡镇" in cut[0]  # one <p>, the folios inside it
    round_trips(docs, text)
    # a number the extraction cut off the line above (a table cell 7.6 wrapped), a blank line
    # between it and the folio: no folio
    text = SPECIAL_FIRST.replace("听取了县农业农村局的情况汇报。", "听取了县农业农村局的情况汇报。\n\n规模以上工业增加值　　　　7.\n6\n\n\n第 1 页\n")
    docs, _ = read(text)
    assert [("".join(f.itertext()).strip()) for f in xpath(docs[0].root, "//tei:text//tei:fw")] == ["第 1 页"]
    round_trips(docs, text)


def test_a_short_kicker_under_a_news_pages_label_over_a_story_with_its_lead_in_is_no_column_name():
    """A newspaper: a short line right under a page label with a title under it is a 副刊's name
    (its column) when a piece follows — but when the title is followed by a news lead-in (本报讯),
    the short line is the story's 引题 (newspaper practice: a 副刊 prints no news story), and the
    page holds no column: the kicker is ``head type="kicker"`` of the story."""
    text = CREEK.replace("01　要闻\n\n县城新建三座停车场\n", "01　要闻\n\n治堵　便民\n\n县城新建三座停车场\n")
    docs, _ = read(text)
    root = docs[0].root
    story = xpath(root, "//tei:div[tei:head[not(@type)]='县城新建三座停车场']")
    assert story, texts(root, "//tei:body//tei:head")
    assert [(h.get("type"), nows("".join(h.itertext()))) for h in xpath(story[0], "tei:head")] == [
        ("kicker", "治堵便民"), (None, "县城新建三座停车场")]
    assert "治堵便民" not in [nows("".join(h.itertext())) for h in xpath(root, "//tei:div[@type='section']/tei:head")]
    # the 副刊's own name under its page label stays its column
    assert "溪风" in [nows("".join(h.itertext())) for h in xpath(root, "//tei:div[@type='section']/tei:head")]
    round_trips(docs, text)


# a county 督查通报 hard-wrapped at 24 characters with no blank lines, its paragraphs opened by
# two ideographic spaces (段首空两字); a sentence ending in ： at the wrap over an indented run-in
# item; the office and the date right-aligned under 特此通报。, the 版记 after them
INDENTED_TONGBAO = """督　查　通　报
第2期
某县人民政府办公室　　　　　　　2023年5月8日
关于全县汛前安全检查情况的通报
各乡镇人民政府，县直有关单位：
　　4月下旬，县政府办公室组织督查组对全县汛前安全
检查工作进行了督查，现将有关情况通报如下：
　　一、总体情况
　　各乡镇均已修订防汛预案，储备了编织袋、救生衣等
防汛物资，落实了山洪灾害危险区的转移责任人，各
项准备工作基本到位。
　　二、存在的问题
　　督查中也发现部分工作落实不够到位，主要有以下
几个方面的问题，需要引起各乡镇的重视和关注：
　　（一）隐患排查不彻底。个别乡镇对病险水库的排查
流于形式，台账记录不全，整改措施没有落实。
　　（二）物资储备不足。部分村的防汛物资数量不够，
有的存放地点离危险区较远，难以及时调用。
　　特此通报。
　　　　　　　　　　　　　　某县人民政府办公室
　　　　　　　　　　　　　　　2023年5月8日
抄送：县委办公室，县人大常委会办公室，县政协办
公室。
　某县人民政府办公室　　　　　　2023年5月8日印发
"""


def test_a_signing_office_over_the_date_under_the_last_paragraph_is_a_signature_not_a_heading():
    """The issuing office right-aligned on a line of its own under 特此通报。, the date alone under
    it (发文机关署名 and 成文日期, GB/T 9704-2012 7.3.5): the document's signature (落款), encoded
    as the journal's 编者 signature is (a byline with the date), never an article heading."""
    docs, _ = read(INDENTED_TONGBAO)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["关于全县汛前安全检查情况的通报"]
    last = xpath(root, "//tei:div[@type='article']")[-1]
    assert texts(last, "tei:byline") == ["某县人民政府办公室2023年5月8日"]
    assert texts(last, "tei:byline/tei:date") == ["2023年5月8日"]
    assert [d.get("when") for d in xpath(last, "tei:byline/tei:date")] == ["2023-05-08"]
    round_trips(docs, INDENTED_TONGBAO)


def test_an_indented_line_opens_a_paragraph_even_after_a_colon_at_the_wrap():
    """In a text hard-wrapped with no blank lines whose paragraphs open with two ideographic
    spaces (段首空两字), a line ending in ： at the wrap's width is followed by an indented
    （一）… item: the indent opens a new paragraph, the colon line is not run into it."""
    docs, _ = read(INDENTED_TONGBAO)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    assert any(p.endswith("重视和关注：") for p in paras), paras
    assert any(p.startswith("（一）隐患排查不彻底。") for p in paras), paras
    round_trips(docs, INDENTED_TONGBAO)


# a 党建 briefing with its markup gone and every line hard-wrapped at 24, no blank lines: the lead
# head, printed in two halves set apart by an ideographic space, is as wide as the wrap and holds
# quotation marks (prose marks) but no clause punctuation
GAPPED_TITLE_BRIEFING = """党建工作简报
第4期
中共某镇委员会党建办公室编印　　　　2024年4月20日
以“红色驿站”为阵地　推动党员服务群众常态长效
今年以来，镇党委依托各村党群服务中心建设“红色驿
站”18个，组织党员轮流值守，为群众代办事项、调解
纠纷、宣传政策，把服务送到群众家门口。截至4月中
旬，各驿站共接待群众2300余人次，代办事项410件。
一、建强阵地，让党员“有处去”
各村按照“有场地、有标识、有制度、有台账”的标准
改造提升驿站，配齐桌椅、饮水机和常用药品，方便群
众歇脚办事。
二、健全机制，让服务“有人管”
镇里建立党员“轮值认岗”制度，每个驿站每天安排两
名党员值守，值守情况纳入党员积分管理，每月公示。
"""


def test_a_wrap_wide_title_in_two_halves_set_apart_by_a_space_is_not_run_into_the_text():
    """A line as wide as the wrap with no clause punctuation but quotation marks could be wrapped
    prose; a gap of ideographic spaces inside it between two phrases is how a title is printed in
    two halves (以“…”为阵地　推动…), never wrapped prose: the line ends there and is the article's
    head (@cert, the evidence weak), not glued to the paragraph under it."""
    docs, _ = read(GAPPED_TITLE_BRIEFING)
    root = docs[0].root
    heads = xpath(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == ["以“红色驿站”为阵地推动党员服务群众常态长效"]
    assert heads[0].get("cert")
    assert any(p.startswith("今年以来，镇党委") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, GAPPED_TITLE_BRIEFING)


def test_the_measure_takes_an_unindented_wrapped_line_of_prose_for_the_same_paragraph():
    """The bench's false-join measure (tests/degrade.py) on a clean indent-marked text: a wrapped
    line not indented, whose only clause marks are enumeration commas (、), goes on with the
    sentence-final line above it (the same paragraph), so joining them is no false join."""
    from degrade import false_joins

    clean = ("\u3000\u3000第一句话写在这里，说明情况比较清楚，工作也到位了。\n"
             "各地通过广播、宣传车巡回播放、发放明白纸等多种方式开展宣传\n"
             "活动，效果明显。\n"
             "\u3000\u3000第二段开头的这一行也比较长，写满了一整行的文字。\n"
             "\u3000\u3000第三段开头的这一行同样较长，写满了一整行的文字。\n"
             "\u3000\u3000第四段开头的这一行同样较长，写满了一整行的文字。\n")
    block = "".join(line.strip() for line in clean.splitlines()[:3])
    assert false_joins([block, "第二段", "第三段", "第四段"], clean, []) == []


# an indent-marked 通报 hard-wrapped at 20 characters with no blank lines, whose two 一、 heads are
# each exactly as wide as the wrap (and stop without a sentence end), the first after a colon
WIDE_HEADS_TONGBAO = """督　查　通　报
第4期
某县人民政府办公室　　2023年9月6日
关于全县秋季防火工作督查情况的通报
　　9月上旬，县政府办公室组织督查组对各乡镇秋
季防火工作进行了督查，共检查了十二个村和三个
林场，询问护林员和村民八十余人，现将督查的情
况通报如下：
　　一、工作总体有序，各项责任基本落到实处
　　各乡镇都召开了专题会议，层层签订了责任书，
落实了包村干部和护林员的巡查责任，重点林区的
山头地块都明确了责任人，宣传工作也比较扎实。
　　二、部分问题不容忽视，整改还要加大力度
　　部分村的巡查记录不全，有的护林员长期不在岗
，宣传牌损坏后没有及时修复和更换，个别林场的
灭火工具被挪作他用，物资储备的数量也还不够。
　　特此通报。
"""


def test_numbered_lines_as_wide_as_the_wrap_over_indented_lines_are_sub_heads():
    """In a text whose paragraphs open with two ideographic spaces, a numbered line as wide as
    the wrap that stops mid-sentence is no wrapped line when the next line opens indented: the
    indent opens the next paragraph, so the numbered line ended — a sub-heading (GB/T 15834
    B.3.8), even the first one after a line ending in ：, its sibling ending so too."""
    docs, _ = read(WIDE_HEADS_TONGBAO)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "一、工作总体有序，各项责任基本落到实处", "二、部分问题不容忽视，整改还要加大力度"]
    assert any(p.startswith("各乡镇都召开了专题会议") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, WIDE_HEADS_TONGBAO)


# a 史志 journal hard-wrapped at 24 characters, blank lines between paragraphs, its contents naming
# every article: under a 文/图 byline
# a photo caption with no credit stands between two paragraphs, short and unpunctuated
WRAPPED_ESSAY_WITH_CAPTION = """石　溪　史　志

2023年第2期（总第18期）

石溪县地方志办公室编　　　　2023年6月

目　　录

【工作动态】

县志办召开年度工作会议……………………………………1

【乡土记忆】

溪头老街的古井……………………………………林某某　1

【工作动态】

县志办召开年度工作会议

　　5月8日，县志办召开年度工作会议，总结去年工
作，部署今年任务，全体干部职工参加会议，各科室负
责人分别作了发言。

（县志办）

【乡土记忆】

溪头老街的古井

文/图　林某某

　　溪头老街长不过两百米，街的北头有一口古井，当
地人都叫它“龙眼井”。井口用整块青石凿成，井壁砌
着卵石，井水清冽，常年不干，街坊们世世代代都在这
里挑水。

　　老人们说，从前每到大旱之年，附近几个村子的人
都挑着水桶来这里取水，街坊们从不阻拦，还常常帮着
打水，这口井因此在乡间颇有名气，被人们称作“救命
井”。

修缮后的溪头老街古井

　　如今，古井周围铺上了石板，砌起了护栏，街坊们
傍晚常来井边乘凉、聊天，说的多是老街上的旧事，井
水也还有人挑回家去煮茶，说是比自来水泡的茶好喝。
"""


def test_a_short_unpunctuated_line_between_wrapped_paragraphs_is_not_cut_by_a_page_break():
    """In a hard-wrapped text a paragraph cut by an old page break stops at a full line, and its
    rest is not indented; a line narrower than the wrap that stops mid-sentence (a caption with no
    credit), a paragraph opened by its first-line indent under it and no furniture between, ended
    where its words ended: the paragraph under it is its own, and no page break is invented
    between them (TEI-CONVENTIONS.md point 5)."""
    docs, warnings = read(WRAPPED_ESSAY_WITH_CAPTION)
    root = docs[0].root
    paras = texts(root, "//tei:div[@type='article']//tei:p")
    assert not any(p.startswith("修缮后的溪头老街古井如今") for p in paras), paras
    assert any(p.startswith("如今，古井周围") for p in paras), paras
    assert not xpath(root, "//tei:p//tei:pb")
    round_trips(docs, WRAPPED_ESSAY_WITH_CAPTION)
    # the blank lines gone, the first-line indent of the paragraph under the caption opens it
    text = re.sub(r"\n\n+", "\n", WRAPPED_ESSAY_WITH_CAPTION)
    docs, warnings = read(text)
    paras = texts(docs[0].root, "//tei:div[@type='article']//tei:p")
    assert not any("修缮后的溪头老街古井如今" in p for p in paras), paras
    round_trips(docs, text)


def test_a_byte_order_mark_opening_the_second_issue_of_a_run_together_file_is_layout():
    """Two files run together (``cat a.txt b.txt``): the second's byte-order mark (U+FEFF) opens
    its first line, 内部资料 over its title. The mark is kept (no source character is lost) but
    read as layout: the notice and the title open the second issue, they are no paragraph of the
    first, whose 报尾 line stays its colophon."""
    second = (BRIEFING.replace("第3期（总第41期）", "第4期（总第42期）").replace("2022年3月8日", "2022年4月8日")
              .replace("内部资料　注意保存", "内部资料").replace("# 信 息 专 报", "# 信息专报"))
    text = BRIEFING.rstrip("\n") + "\n\n\n" + "\ufeff" + second
    docs, warnings = read(text)
    assert len(docs) == 2
    first, other = docs[0].root, docs[1].root
    assert not any("信息专报" in p or "内部资料" in p for p in texts(first, "//tei:body//tei:p"))
    assert any("内部资料" in n for n in texts(other, "//tei:front//tei:note"))
    assert "信息专报" in texts(other, "//tei:titlePart[@type='main']")
    round_trips(docs, text)


# a 工作简报 that sets its paragraphs apart with blank lines, a folio ending each page: the page break
# after 。 falls inside a paragraph (the next page's text follows its form feed on the same line) and
# once between paragraphs (a blank line after the form feed)
PAGED_BRIEFING = """工作简报

第5期

某某县农业农村局　　　　　　　　2024年5月20日

县农业农村局部署春耕生产工作

5月8日，县农业农村局召开全县春耕生产工作会议，安排部署春耕备耕各项工作，各乡镇分管负责同志参加会议。

会议要求，各乡镇要抓住有利天气，组织农机手和播种机械及时下田，确保农时不误；要提前做好种子化肥调运，保障农资供应。

— 1 —
\f据统计，全县可投入春耕的播种机有210台、旋耕机330台，基本能够满足生产需要。

（种植业科供稿）

县农田水利设施建设加快推进

今年以来，县农业农村局统筹资金1200万元，新建和修复灌溉渠道46公里、塘坝11座，全县有效灌溉面积进一步扩大。

— 2 —
\f
各乡镇同步开展渠道清淤和泵站检修，确保春灌用水需求，目前已清淤渠道120公里、检修泵站38座。

（水利科供稿）

报：市农业农村局。

签发：某某某　　编辑：某某某　　共印50份
"""


def test_a_page_whose_text_follows_its_form_feed_on_the_same_line_goes_on_with_the_paragraph():
    """In a text that sets its paragraphs apart with blank lines, a page whose first text follows
    the page's form feed on the same line (no blank line after the break) goes on with the
    paragraph the page break cut, even after a sentence end (TEI-CONVENTIONS.md point 5; weak:
    ``@cert``, the warning names the line); a page whose form feed stands on a blank line of its
    own starts a new paragraph; without such a page in the file a form feed right before the text
    says nothing (pdftotext puts every page's first line there). Also when the form feeds are taken
    out of the text and given apart (the command line's way)."""
    from convert.reader import prepare

    for text, feeds in ((PAGED_BRIEFING, None), (PAGED_BRIEFING.replace("\f", ""), prepare(PAGED_BRIEFING.encode(), "t.txt")[1])):
        docs, warnings = read(text, **({"feeds": feeds} if feeds else {}))
        root = docs[0].root
        paras = texts(root, "//tei:body//tei:p")
        joined = [p for p in paras if "保障农资供应。" in p]
        assert joined and "据统计，全县可投入春耕" in joined[0], paras
        assert xpath(root, "//tei:p[contains(., '保障农资供应')]/@cert") == ["medium"]
        assert any("据统计" in w for w in warnings), warnings
        assert not any("全县有效灌溉面积进一步扩大。各乡镇" in p for p in paras), paras
        round_trips(docs, PAGED_BRIEFING)
    # no page in the file opens with a blank line after its form feed: no contrast, no join
    text = PAGED_BRIEFING.replace("— 2 —\n\f\n", "— 2 —\n\f")
    docs, warnings = read(text)
    assert not any("保障农资供应。据统计" in p for p in texts(docs[0].root, "//tei:body//tei:p"))
    round_trips(docs, text)


def test_a_masthead_whose_body_line_is_label_first_opens_the_next_issue_at_its_letter_spaced_title():
    """Two issues in one file, the second a community paper whose 版头 prints, under its
    letter-spaced title, a notice line and a 主办：… line (label first, as a colophon prints it)
    before the issue line: the second issue opens at the title (GB/T 9704-2012 7.2: the 版头 is
    title, notices, the body, then the issue line), not at the issue line; the first issue keeps
    its own 版记 (报/送, 编辑) as colophon, no brief or paragraph of its body."""
    first = (
        "某县工作简报\n\n第3期\n\n某县人民政府办公室编　　　　2024年3月1日\n\n"
        "全县春耕生产有序推进\n\n"
        "今年以来，全县各乡镇抓早动快，组织农机具检修一千二百台，储备化肥种子充足，春耕生产有序推进。\n\n"
        "各乡镇还组织农技人员进村入户，指导农户做好育秧和田间管理，确保不误农时。\n\n"
        "---\n\n报：市政府办公室。\n\n送：县委办公室，县人大常委会办公室。\n\n---\n\n"
        "编辑：李　明　　审核：王　强　　　　　　　（共印60份）\n\n— 2 —\n\n")
    second = (
        "某 溪 社 区 报\n\n内部资料　免费交流\n\n主办：中共某溪街道工作委员会　某溪街道办事处\n\n"
        "第5期（总第40期）　　　　2024年3月8日　星期五　　　　本期2版\n\n"
        "第一版　社区要闻\n\n社区食堂开门迎客\n\n"
        "本报讯（通讯员 林风）3月5日，某溪社区长者食堂正式开门，每天为辖区老人提供午餐和晚餐，老人就餐可享受补贴。\n\n"
        "食堂由社区闲置用房改造而成，设有六十个座位，菜品每周更新，受到居民欢迎。\n\n"
        "责任编辑：周一　　校对：吴二\n")
    text = first + second
    docs, _ = read(text)
    assert len(docs) == 2
    second_titles = texts(docs[1].root, "//tei:front//tei:titlePart")
    assert any("某溪社区报" in t_ for t_ in second_titles), second_titles
    assert not xpath(docs[0].root, "//tei:body//tei:div[@type='brief']")
    assert texts(docs[0].root, "//tei:back//tei:list[@type='distribution']/tei:item")[:1] == ["市政府办公室。"]
    assert xpath(docs[1].root, "string(//tei:sourceDesc//tei:biblScope[@unit='issue']/@n)") == "5"
    round_trips(docs, text)


def test_a_next_issues_title_not_letter_spaced_over_its_label_first_bodies_line_opens_that_issue():
    """Two issues of a paper in one file, the second's 版头 a title not letter-spaced, a notice line
    and its bodies printed label first (``主办：…　　编印：…``, as a 版记 prints its fields) over
    the issue line: the title stands above, so the second issue opens at it (GB/T 9704-2012 7.2:
    title, notices, body, issue line), not at the issue line, and the first issue takes none of
    its masthead."""
    def issue(n: int, total: int) -> str:
        return ("某岭信合报\n\n内部资料　免费交流\n\n"
                "主办：某岭县农村信用合作联社股份有限公司　　编印：某岭信合党群工作办公室\n\n"
                f"2024年6月{n}日　星期五　　第{n}期（总第{total}期）　　今日2版\n\n"
                "第一版　要闻\n\n某岭信合召开半年工作会议\n\n"
                "本报讯（记者 林风） 6月3日，某岭信合召开半年工作会议，总结上半年工作，部署下半年任务。\n\n"
                "本版责编：周一　　校对：吴二\n\n地址：某岭县人民路8号　邮编：410000　印数：2000份\n\n")
    text = issue(7, 86) + issue(8, 87)
    docs, _ = read(text)
    assert len(docs) == 2
    assert [issue_fields(d.root)[1:] for d in docs] == [("7", "86"), ("8", "87")]
    assert any("某岭信合报" in t_ for t_ in texts(docs[1].root, "//tei:front//tei:titlePart"))
    assert not any("某岭信合报" in t_ or "党群工作办公室" in t_ for t_ in texts(docs[0].root, "//tei:body|//tei:back"))
    round_trips(docs, text)


#: An invented quarterly whose last page is its 版权页 set as two columns, the extraction leaving a
#: tab between each label and its value(s) (no colon), after the last folio.
TAB_COLOPHON_JOURNAL = (
    "青苇\n\n（文学季刊）\n\n2023年第1期　总第9期\n\n青苇县作家协会　主办\n\n"
    "【散文】\n\n桥\n\n文／林小舟\n\n"
    "\t村口有一座石桥，桥下的水一年四季都不干，孩子们夏天在桥下摸鱼，冬天在桥上看雪。\n\n"
    "\t后来桥边修了公路，石桥就很少有人走了，只有放牛的老人还每天从桥上过。\n\n"
    "· 1 ·\n"
    "主　　办\t青苇县作家协会\n"
    "主　　编\t方怀远\n"
    "编　　辑\t林小舟\t柳如眉\n"
    "地　　址\t青苇县文化路8号\n"
    "投稿邮箱\tqingwei@example.com\n"
    "印　　数\t500册\n"
    "准印证号\t（皖）内资准字（2023）第0012号\n"
)


def test_a_colophon_of_labels_and_values_apart_by_tabs_is_the_colophon_not_a_running_head_nor_one_paragraph():
    """A journal's 版权页 printed as two columns, label and value apart by a tab (no colon), after
    the last folio: its first line (``主　　办\\t…``, a letter-spaced label) is a colophon field, no
    running head printed once after a folio; a line of two cells (``投稿邮箱\\t…``) is no paragraph
    that the lines under it are run into; each line is a field of the colophon (label, item)."""
    docs, _ = read(TAB_COLOPHON_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:fw") == ["·1·"]
    assert texts(root, "//tei:div[@type='colophon']//tei:label") == ["主办", "主编", "编辑", "地址", "投稿邮箱", "印数", "准印证号"]
    assert not any("印数" in p or "邮箱" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, TAB_COLOPHON_JOURNAL)


#: An invented briefing as a scan gives it: no markup, no blank lines, the 本期要目 entries bare
#: (no bullet, no page), the first article's title printed right under the list.
BARE_HEADED_LIST = (
    "内部资料　注意保存\n工 作 简 报\n第3期（总第20期）\n青川县水利局编　　　　　　2024年5月6日\n"
    "本期要目\n春灌用水保障有力\n经验交流：石桥镇管好小型水库\n春灌用水保障有力\n"
    "今年以来，全县各灌区提前检修渠系，春灌用水比上年提前十天供上，灌溉面积达到三万亩。\n"
    "各乡镇落实专人巡渠，确保用水有序。\n"
    "石桥镇管好小型水库\n"
    "石桥镇辖小型水库六座，镇里为每座水库配备巡查员，汛前全部完成除险加固。\n"
)


def test_a_bare_contents_entry_run_into_the_first_title_repeating_the_first_entry_is_split_off():
    """Under 本期要目, bare entries (no bullet, no page) with no blank lines: the unwrapping runs the
    last entry and the first article's title under it together. A list names each title once, so
    the line repeating its first entry is that article's title: split off, the list ends before
    it, and it heads the first article (the entry it repeats found at the end of that line)."""
    docs, _ = read(BARE_HEADED_LIST)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]") == ["春灌用水保障有力", "石桥镇管好小型水库"]
    assert len(xpath(root, "//tei:div[@type='contents']//tei:item")) == 2
    round_trips(docs, BARE_HEADED_LIST)


#: An invented journal article whose author line names a unit and a person with a rare surname (厍),
#: a page break right under it.
RARE_SURNAME_BYLINE = (
    "青溪档案\n\n2024年第2期（总第30期）\n\n青溪县档案馆编\n\n"
    "一张老照片的来历\n\n县档案馆　厍明远\n\n"
    "　　今年春天，一位老人把珍藏多年的照片捐给了档案馆，照片上是七十年前的县城街景。\n\n"
    "　　档案馆对照片进行了修复，并请老人讲述了照片背后的故事，整理成口述档案。\n"
)


def test_a_unit_and_a_name_with_a_rare_surname_under_a_title_is_its_byline_with_cert():
    """Under a title, a body's name (县档案馆) and two or three characters after a space: the unit
    makes the line an author line even when the surname is no common one (厍); weak evidence,
    ``@cert`` medium. It is no paragraph (which a page break below it would let run on into the text)."""
    docs, _ = read(RARE_SURNAME_BYLINE)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:byline") == ["县档案馆厍明远"]
    assert xpath(root, "string(//tei:div[@type='article']/tei:byline/@cert)") == "medium"
    assert not any("厍明远" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, RARE_SURNAME_BYLINE)


#: An invented briefing, then (as a year's extraction runs files together) an invented quarterly whose
#: issue line names its season beside the number: ``2023年第3期　秋季号　总第12期``.
BRIEFING_THEN_QUARTERLY = (
    "工 作 简 报\n\n第4期（总第40期）\n\n青川县水利局办公室编　　　　2023年9月1日\n\n"
    "春灌用水保障有力\n\n今年以来，全县各灌区提前检修渠系，春灌用水比上年提前十天供上，灌溉面积达到三万亩。\n\n"
    "抄送：县委办公室，县政府办公室。\n\n青川县水利局办公室　　　　2023年9月1日印发\n\n\n"
    "青　苇\n\n（文学季刊）\n\n2023年第3期　秋季号　总第12期\n\n青川县作家协会　主办\n\n内部资料　免费交流\n\n"
    "村口的石桥\n\n文／林小舟\n\n\t村口有一座石桥，桥下的水一年四季都不干，孩子们夏天在桥下摸鱼，冬天在桥上看雪。\n"
)


def test_a_quarterlys_issue_line_with_its_season_opens_a_new_issue_after_another():
    """A quarterly names its issue by its season too (季刊: 秋季号) on the issue line: the line is an
    issue-number line of a masthead, so after another issue's 印发 line it opens a second issue
    (with its letter-spaced title above it), not a line of the first issue's text."""
    docs, _ = read(BRIEFING_THEN_QUARTERLY)
    assert len(docs) == 2
    heads = texts(docs[1].root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]")
    assert "村口的石桥" in heads
    assert not any("石桥" in t for t in texts(docs[0].root, "//tei:body//tei:head"))


#: An invented bulletin hard-wrapped with no blank lines, folios · N · each followed by a running
#: head; a wrap set a number of the text (128, of 128名学员) alone right under the second head.
NUMBER_UNDER_HEAD = (
    "青溪通讯\n2024年第2期（总第20期）\n青溪县档案馆编\n培训班举办\n"
    "　　5月7日，全县档案业务培训班在县委党校举办，各单位档案员参加培训，\n"
    "学员们听取了专题讲座。\n· 1 ·\n青溪通讯　　内部资料\n"
    "　　培训期间，学员们参观了档案库房和整理成果。培训结束时进行了闭卷测试，\n"
    "· 2 ·\n青溪通讯　　内部资料\n128\n名学员全部合格。\n"
    "　　县档案馆要求各单位对照培训内容及时整改。\n"
)


def test_a_number_under_a_running_head_whose_break_has_its_folio_is_text_not_a_folio():
    """A page break prints one page number: a bare number under a running head, when the folio
    above that head (· 2 ·) already numbers the break and the number is neither that page's nor the
    next (128), is a number of the text a hard wrap set alone, no folio."""
    docs, _ = read(NUMBER_UNDER_HEAD)
    root = docs[0].root
    assert "128" not in texts(root, "//tei:fw")
    assert any("128名学员" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, NUMBER_UNDER_HEAD)


def test_column_names_of_a_leader_contents_list_are_sections_when_the_body_prints_them_in_brackets():
    """A journal's 目录 with dot leaders groups its entries under column names on lines of their
    own (小说 / 散文, no blank line before the entries), and the body prints each column as 【散文】
    (journal practice): the names are the list's sections, no part of the entry under them."""
    text = (
        "某　水\n\n（文学季刊）\n\n2024年第1期　春季号　总第40期\n\n某水县文学艺术界联合会　主办\n\n"
        "目　录\n\n小说\n远　山……………………………………王一　1\n\n散文\n"
        "外婆的菜园……………………………李二　3\n河边的石阶……………………………张三　4\n\n\n"
        "【小说】\n\n远　山\n\n王一\n\n山那边有一所学校，每天早上，孩子们翻过山梁去上学，太阳刚刚照到山顶。\n\n"
        "后来山里修了公路，孩子们坐上了校车，山梁上的小路慢慢长满了草。\n\n"
        "【散文】\n\n外婆的菜园\n\n李二\n\n外婆的菜园在屋后，种着青菜、萝卜和几垄豆角，一年四季都不空着。\n\n"
        "每到傍晚，外婆就提着水桶去浇菜，我跟在后面，捉菜叶上的虫子。\n\n"
        "河边的石阶\n\n张三\n\n河边有一道石阶，一级一级伸到水里，镇上的人都在这里洗衣服、挑水。\n\n"
        "如今家家通了自来水，石阶上的人少了，只有几个老人还坐在那里说话。\n")
    docs, _ = read(text)
    root = docs[0].root
    contents = xpath(root, "//tei:div[@type='contents']")[0]
    refs = texts(contents, ".//tei:ref")
    # the column names are the list's sections (linked to the body's columns), the entries their own
    assert refs == ["小说", "远山", "散文", "外婆的菜园", "河边的石阶"], refs
    assert texts(root, "//tei:body/tei:div[@type='section']/tei:head") == ["【小说】", "【散文】"]
    round_trips(docs, text)


def test_an_editors_afterword_on_the_issue_ending_the_body_is_the_issues_not_the_last_pieces():
    """编后：本期… ending the body after a column's last piece (a poem, no credit after it): the
    editors' word on the whole issue (it names 本期), a div type="editorial" at the level of the
    columns, not a note of the poem; 编后 on one piece (no 本期) stays that piece's note."""
    poem = ("【诗歌】\n\n河　灯\n\n王一\n\n夜里的河没有边\n只有一盏灯\n在水面晃\n\n"
            "我们都是过河的人\n有的上了岸\n有的还在船上\n\n")
    issue_note = "编后：本期刊发小说一篇、诗歌一首，都写水边的日子。下期拟编“乡村教师”小辑，欢迎赐稿。\n"
    text = ("某　水\n\n（文学季刊）\n\n2024年第1期　总第40期\n\n目　录\n\n"
            "远　山……………………………………王一　1\n河　灯……………………………………王一　2\n\n"
            "【小说】\n\n远　山\n\n王一\n\n山那边有一所学校，每天早上，孩子们翻过山梁去上学。\n\n"
            "后来山里修了公路，孩子们坐上了校车，小路慢慢长满了草。\n\n" + poem + issue_note)
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body/tei:div[@type='editorial']/tei:p") == [nows(issue_note)]
    assert not xpath(root, "//tei:div[@type='article']/tei:note[@type='editorial']")
    round_trips(docs, text)
    piece_note = "编后：这首诗写得朴素，读来有味。\n"
    docs, _ = read(text.replace(issue_note, piece_note))
    assert texts(docs[0].root, "//tei:div[@type='article']/tei:note[@type='editorial']") == [nows(piece_note)]


def test_a_number_a_wrap_cut_off_right_above_a_folio_is_text_not_a_second_folio():
    """A hard wrap leaves a number alone on a line (…亩产比农户自种高出 / 60 / 多斤) right above the
    extraction's folio (— 2 —): at the text's margin with no blank line above it, it is the rest of
    the line above, not a second folio of that page break (a folio is set apart: a blank line
    above it, or centred); the paragraph goes on across the folio."""
    text = SPECIAL_FIRST.replace("，先后察看了三个乡镇", "，先后察看了\n60\n— 2 —\n个乡镇")
    docs, _ = read(text)
    root = docs[0].root
    assert ["".join(f.itertext()).strip() for f in xpath(root, "//tei:text//tei:fw")][:1] == ["— 2 —"]
    cut = [p for p in texts(root, "//tei:p") if "先后察看" in p]
    assert len(cut) == 1 and "先后察看了60—2—个乡镇" in cut[0], cut
    round_trips(docs, text)


def test_an_indented_issue_after_a_blank_separated_one_in_the_same_file_keeps_its_paragraph_marks():
    """A file of two series' issues (``cat a.txt b.txt``): a briefing that sets its paragraphs
    apart with blank lines, two blank lines, then a 通报 hard-wrapped with no blank lines whose
    paragraphs open with two ideographic spaces. Each part is read by its own paragraph marks:
    in the second, the colon line still ends before the indented （一）… item (the whole file,
    mostly blank-separated, is not indent-marked)."""
    text = BRIEFING.rstrip("\n") + "\n\n\n" + INDENTED_TONGBAO
    docs, _ = read(text)
    assert len(docs) == 2
    paras = texts(docs[1].root, "//tei:body//tei:p")
    assert any(p.endswith("重视和关注：") for p in paras), paras
    assert any(p.startswith("（一）隐患排查不彻底。") for p in paras), paras
    round_trips(docs, text)


def test_a_run_in_closing_credit_of_a_unit_and_a_person_is_the_items_byline():
    """A newspaper's short item signed at its end in the last line, ``…全部入班。（某江社区　罗丹）``
    (the unit, a space, the person: 署名 at an item's end): the credit is the item's byline after its
    paragraph, not text of it; the unit may be an office (街道党政办), a place's community, village
    or school, or a library (the units :func:`convert.reader.names.is_signing_unit` reads as an
    author's unit under a byline too). A bracket after the sentence that is no unit and person (a remark, two bare names, a
    unit and no name) stays in the paragraph."""
    def last_article(closing):
        text = ("某河社区报\n\n第2期（总第9期）　　2024年4月1日\n\n"
                "社区开设“四点半课堂”\n\n5月6日起，社区利用活动室开设“四点半课堂”，首批报名的32名小学生已全部入班。"
                + closing + "\n\n社区举办邻里节\n\n5月11日，街道在公园举办邻里节，吸引居民参加。\n")
        docs, _ = read(text)
        round_trips(docs, text)
        div = xpath(docs[0].root, "//tei:body//tei:div[tei:head[contains(., '四点半')]]")[0]
        return texts(div, "tei:byline[preceding-sibling::tei:p]"), texts(div, "tei:p")[-1][-12:]
    for credit in ("（某江社区　罗丹）", "（街道党政办 马骁）", "（实验小学　钱　敏）", "（县图书馆　罗丹）",
                   "（南塘村委会　马骁）"):
        bylines, para_end = last_article(credit)
        assert bylines == [re.sub(r"\s+", "", credit)], (credit, bylines)
        assert para_end.endswith("已全部入班。"), para_end
    for remark in ("（张三　李四）", "（详见　附件）", "（某江社区　二楼）"):
        bylines, para_end = last_article(remark)
        assert bylines == [] and para_end.endswith(re.sub(r"\s+", "", remark)), (remark, bylines, para_end)


# a literary quarterly whose masthead prints its sponsor as the body, a gap, then the verb
SPONSOR_VERB_APART = """汀 花

2024年第2期（总第18期）

某县文学艺术界联合会　主办

内部资料　免费交流

目　录

渡口……………………………………符远　2
河边的柳树……………………………林青　4

渡　口

符　远

那年春天，河水涨得很快，渡口的老艄公每天天不亮就起来看水。他说，水涨三分，船要慢七分。

河边的柳树

林　青

村口的河边有一排柳树，是爷爷年轻时种下的。每到春天，柳絮飞得满村都是。
"""


def test_a_masthead_body_printed_apart_from_its_verb_is_one_imprint_field():
    """``某县文学艺术界联合会　主办``: the verb set apart from its body by a gap is one imprint field
    with it (as ``主办：…`` and ``…主办`` are), so the masthead does not end above it: the line is
    the sponsor in the header, not an article's title, and the notice under it stays in the
    masthead."""
    docs, _ = read(SPONSOR_VERB_APART)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["渡口", "河边的柳树"]
    assert texts(root, "//tei:sourceDesc//tei:respStmt[tei:resp='主办']/tei:orgName") == ["某县文学艺术界联合会"]
    assert xpath(root, "//tei:body//tei:div[@type='section']") == []
    round_trips(docs, SPONSOR_VERB_APART)

def test_a_half_width_full_stop_after_an_ideograph_ends_the_line_without_blank_lines():
    """Text set with half-width punctuation (``…延长开放时间.``), no blank lines: a dot right after
    an ideograph is a full stop (GB/T 15834-2011 4.1), so the next line (a photo caption, the next
    item's head) is not run into the paragraph; a dot after a digit (``1.``) ends nothing."""
    from convert.reader.physical import sentence_final

    assert sentence_final("逐步延长开放时间.") and sentence_final("延长开放时间．”")
    assert not sentence_final("苗木2.") and not sentence_final("1.") and not sentence_final("见www.")
    text = ("某河社区报\n第2期（总第9期）　　2024年4月1日\n"
            "社区图书室延长开放时间\n本报讯（通讯员 林风）社区图书室表示,将根据居民需求,逐步延长开放时间.\n"
            "4月1日，居民在社区图书室阅读。　　通讯员 林风 摄\n"
            "西街社区为老人安装扶手\n近日，西街社区为辖区30户老人免费安装了楼道扶手，并上门讲解防跌倒常识。\n")
    docs, _ = read(text)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    assert any(p.endswith("逐步延长开放时间.") for p in paras), paras
    assert not any("时间.4月1日" in p for p in paras)
    round_trips(docs, text)


# hard-wrapped at 26, no blank lines; two run-on lines full of digits (half as wide) pull the
# estimate of the wrap width down to about the width of the titles
NARROW_ESTIMATE_BRIEFING = """某镇工作信息
第7期（总第52期）
中共某镇委员会办公室　　　　2024年4月12日
某镇春季植树造林任务全面完成
今年以来，某镇围绕河道两岸生态廊道建设，组织机关干
部、村组党员和志愿者开展义务植树活动，在沿河堤岸、村
2024年3月12日至2024年4月10日，新栽苗木
一万余株，新增造林面积四百余亩，春季植树任务已全部
完成。镇林业站对新植苗木逐地块登记造册，明确管护责任
人，落实浇水、补植等措施，确保栽一棵、活一棵。
东坪村“红白理事会”刹住大操大办之风
东坪村将移风易俗写入村规民约，由村里威望高、热心公益
的老党员、老教师组成理事会，对婚丧事宴席桌数、菜品标
准和随礼金额提出指导意见。今年一季度，全村办理红白事
十一起，平均每起节约开支一万余元，没有一户超标操办。
镇农业服务中心抓紧做好小麦条锈病防控
近期气温回升，雨水偏多，小麦条锈病进入易发期。镇农业
服务中心抽调八名农技人员分片包村，深入麦田开展病情监
测，截至2024年4月10日，全镇58000亩小麦均
未发现条锈病发病中心。中心已储备防治药剂两吨，组建了
应急防治队，一旦发现病情，将在三天内完成统防统治。
"""


def test_a_title_as_wide_as_a_low_wrap_estimate_with_a_wider_line_of_prose_under_it_ends():
    """A title without clause punctuation but with quotation marks (prose marks), as wide as the
    estimate of the wrap width, over a line of running text wider than it by more than the wrap's
    tolerance: the wrap cuts every line of a paragraph at about one width, so the title stopped
    short of the column (no wrapped prose): it is a heading, with @cert, and the paragraph under
    it is not run into it."""
    docs, _ = read(NARROW_ESTIMATE_BRIEFING)
    heads = xpath(docs[0].root, "//tei:body//tei:div[@type='article']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == [
        "某镇春季植树造林任务全面完成", "东坪村“红白理事会”刹住大操大办之风", "镇农业服务中心抓紧做好小麦条锈病防控"]
    assert all(h.get("cert") for h in heads[1:])
    round_trips(docs, NARROW_ESTIMATE_BRIEFING)


# hard-wrapped twice (at 34, then some lines cut again at about 10), blank lines between blocks
TWICE_WRAPPED_BRIEFING = """某镇工作信息

第7期（总第52期）

中共某镇委员会办公室　　　　2024年4月12日

镇人大代表视察农村公路建设

4月8日，镇人大主席团组织部分县、镇人大代表，对全镇在建的四条
农村公路项目进行集中视察，代表们先后来到枫林至柿园道路拓宽工程、
大堰村组道路硬化工程等施工现场，查看工程进度，听取施工方介绍。
代表们建议，要加强施工过
程监管，严把材料进场关，确保工程质量；要合理安排施工时段，减少
对群众出行和春耕生产的影响。镇政府有关负责同志表示，将认真梳理
代表意见，逐条抓好落实，确保群众满意。

大堰村集体经济合作社首次分红

4月6日，大堰村股份经济合作社召开年度收益分配大会，拿出村集体
经营性
收入中的十二万元，按股向全村股民分
红，这是该村成立合作社以来的第一次分红。近年来，大堰村盘活闲置
厂房和村小学旧校舍，引进一家食用菌加工企业，每年租金收入十八万
元；又流转土地六百亩统一种植优质稻，村集体经营性收入由不足三万
元增加到去年的三十一万元，村民的日子越过越红火，干劲越来越足。
"""


def test_a_balanced_line_inside_a_cut_paragraph_is_no_sibling_of_a_sub_heading():
    """Two lines of the ``X，Y`` shape of a bare sub-heading (``代表们建议，要加强施工过``, one
    after a finished sentence): the second stands right after running text that stopped
    mid-sentence (``…拿出村集体`` / ``经营性`` / ``收入中的十二万元，按股向全村股民分``), the
    middle of a paragraph, no sub-heading; without a sibling the first is no sub-heading either,
    and both go on with their paragraphs. Two such lines each after a finished sentence are still
    sub-headings."""
    docs, _ = read(TWICE_WRAPPED_BRIEFING)
    root = docs[0].root
    assert not xpath(root, "//tei:div[@type='subsection']")
    paras = texts(root, "//tei:body//tei:p")
    assert any(p.startswith("代表们建议，要加强施工过程监管") for p in paras)
    assert any("拿出村集体经营性收入中的十二万元，按股向全村股民分红" in p for p in paras)
    round_trips(docs, TWICE_WRAPPED_BRIEFING)
    text = ("某镇工作信息\n\n第7期（总第52期）\n\n中共某镇委员会办公室　　　　2024年4月12日\n\n"
            "某镇扎实推进营商环境优化\n\n今年以来，我镇围绕企业所需，推出一批便企举措。\n\n"
            "惠企政策精准送，咨询诉求及时答\n\n镇里组建服务专班，逐户上门宣讲政策，收集企业诉求二十余条。\n\n"
            "审批事项提速办，涉企服务暖心办\n\n便民服务中心开设企业服务专窗，实行容缺受理，办理时限压缩一半。\n")
    docs, _ = read(text)
    assert texts(docs[0].root, "//tei:div[@type='subsection']/tei:head") == [
        "惠企政策精准送，咨询诉求及时答", "审批事项提速办，涉企服务暖心办"]


def test_a_line_outrun_by_the_next_is_no_title_when_it_leaves_a_quote_open_or_is_an_indented_first_line():
    """The next line wider by more than twice the wrap's tolerance shows a line stopped short of
    the column, except where the line leaves a book title open (``…区政府《关于提请审议``: prose
    cut inside a quotation, the next line of a PDF's text holding more characters), lists with
    、, or is a paragraph's first line, narrower by its indent (段首缩进)."""
    from convert.reader.lines import Line
    from convert.reader.physical import _outrun

    def line(raw):
        return Line(1, raw, segments=[(raw.strip(), False)])

    prose = line("东坪村将移风易俗写入村规民约，由村里威望高、热心公益")
    assert _outrun(line("东坪村“红白理事会”刹住大操大办之风"), prose, 20.0)
    assert not _outrun(line("会议听取审议并表决通过了区政府《关于提"), prose, 20.0)
    assert not _outrun(line("组织机关干部、村组党员开展植树"), prose, 20.0)
    assert not _outrun(line("\u3000\u3000培训采取理论讲解与实际操作相结合的"), line("行。授课老师围绕植保无人机的结构原理、飞行安"), 20.0)


#: An invented briefing without markup: a 本期要目 whose third entry is a title of two clauses (X，Y),
#: each entry printed again over its article.
CLAUSE_TITLE_LIST = (
    "内部资料\n\n工 作 简 报\n\n第2期（总第15期）\n\n青川县水利局办公室　　　　　　2024年4月8日\n\n"
    "本期要目\n\n春灌用水保障有力\n石桥镇管好小型水库\n偷排污水入河，养殖户被罚五万\n县局开展河道“清四乱”行动\n\n"
    "春灌用水保障有力\n\n今年以来，全县各灌区提前检修渠系，春灌用水比上年提前十天供上。\n\n"
    "石桥镇管好小型水库\n\n石桥镇辖小型水库六座，镇里为每座水库配备巡查员。\n\n"
    "偷排污水入河，养殖户被罚五万\n\n3月间，某养殖户将未经处理的污水排入河道，县局依法作出处罚。\n\n"
    "县局开展河道“清四乱”行动\n\n4月起，县局组织人员沿河排查乱占、乱采、乱堆、乱建问题。\n"
)


def test_a_contents_entry_of_two_clauses_printed_again_as_a_title_is_an_entry_and_a_heading():
    """Under 本期要目, an entry that is a title of two clauses (偷排污水入河，养殖户被罚五万: a headline
    may hold a comma) is an entry when the text prints it again; it does not end the list as running
    text would, and the line printing it again heads its article (not a paragraph the next title is
    joined into). A line of running text under the list (with a sentence end) still ends it."""
    docs, _ = read(CLAUSE_TITLE_LIST)
    root = docs[0].root
    heads = ["春灌用水保障有力", "石桥镇管好小型水库", "偷排污水入河，养殖户被罚五万", "县局开展河道“清四乱”行动"]
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]") == heads
    assert len(xpath(root, "//tei:div[@type='contents']//tei:item")) == 4
    assert not any(p.startswith(("偷排", "县局开展")) for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, CLAUSE_TITLE_LIST)
    text = CLAUSE_TITLE_LIST.replace("偷排污水入河，养殖户被罚五万\n县局", "全县春灌顺利，用水有序。\n县局", 1)
    root = read(text)[0][0].root
    assert len(xpath(root, "//tei:div[@type='contents']//tei:item")) == 2
    round_trips(read(text)[0], text)


#: An invented court briefing without markup: a sign ① after a statute in the text, the note printed at
#: the page's foot above the folio (its second line wrapped), then the next article on the next page.
FOOTNOTE_BRIEFING = (
    "工 作 简 报\n\n第5期（总第30期）\n\n青川县人民法院办公室　　　　　　2024年6月3日\n\n"
    "一起借款纠纷的调解\n\n"
    "法官依照《中华人民共和国民法典》第六百七十五条①的规定，引导双方约定分期还款，当日达成调解协议。\n\n"
    "（民事审判庭供稿）\n\n"
    "① 《中华人民共和国民法典》第六百七十五条：借款人应当按照约定的期限\n返还借款。\n"
    "　　　　　　　　　　　　- 1 -\n"
    "县法院开展巡回审判\n\n"
    "5月间，县法院在三个乡镇开展巡回审判，就地审结案件十二件，旁听群众二百余人。做法有二：①就地开庭；②以案释法。\n\n"
    "①组织旁听；②现场说法。\n"
)


def test_a_footnote_at_the_page_foot_is_a_foot_note_anchored_at_its_sign():
    """A line opening with a circled number (①) whose sign the text printed above, standing at the
    page's foot (the folio follows), is a footnote: ``note place="foot" n="①"`` at its place (TEI
    P5 §3.9.1), its wrapped second line in it, the sign a label; the sign in the text a ``ref`` to
    it. It is no heading and not run into any paragraph. A line of running text opening with ① at
    the text's end stays text when the text printed ① above only as an item's number (after a
    colon or semicolon: ``做法有二：①…；②…``), not as a note's sign after a word."""
    docs, _ = read(FOOTNOTE_BRIEFING)
    root = docs[0].root
    notes = xpath(root, "//tei:body//tei:note[@place='foot']")
    assert len(notes) == 1 and notes[0].get("n") == "①"
    assert texts(root, "//tei:body//tei:note[@place='foot']") == ["①《中华人民共和国民法典》第六百七十五条：借款人应当按照约定的期限返还借款。"]
    assert texts(notes[0], "tei:label") == ["①"]
    refs = xpath(root, "//tei:body//tei:p/tei:ref")
    assert [r.text for r in refs] == ["①"] and refs[0].get("target") == "#" + notes[0].get(XML_ID)
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head") == ["一起借款纠纷的调解", "县法院开展巡回审判"]
    assert not any("借款人应当" in p for p in texts(root, "//tei:body//tei:p"))
    assert "①组织旁听；②现场说法。" in texts(root, "//tei:body//tei:p")
    round_trips(docs, FOOTNOTE_BRIEFING)


#: An invented court briefing hard-wrapped without blank lines inside paragraphs; a paragraph's first
#: line is two clauses of about the same length, the second cut inside a year (…至20 / 22年…).
NUMBER_CUT_CLAUSES = (
    "工 作 简 报\n\n第6期（总第31期）\n\n青川县人民法院办公室　　　　　　2024年7月1日\n\n"
    "拖欠工资，包工头被判刑\n\n一、基本案情\n\n"
    "被告人某某系个体包工头，2021年3月至20\n22年5月承包某小区外墙工程，完工后拖欠\n工人工资八万元，经责令仍不支付。\n\n"
    "二、裁判结果\n\n"
    "法院认为，被告人的行为已构成犯罪，判处\n有期徒刑八个月，并处罚金一万元。\n"
)


def test_two_clauses_cut_inside_a_number_are_a_wrapped_line_not_a_sub_heading():
    """A line shaped like a bare sub-heading of two balanced clauses (X，Y) whose last clause ends in
    digits that the next line goes on with (``…2021年3月至20`` / ``22年5月…``): a heading's clause
    does not end inside a number, so the hard wrap cut it; the paragraph goes on (one ``p``), joined
    on that evidence, not as a weak guess (no ``@cert``: before, the line ended by its shape and a
    later pass ran it on only as "it could be a sub-heading"; with a sibling of that shape it became
    one), and no sub-heading is made of it."""
    docs, _ = read(NUMBER_CUT_CLAUSES)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、基本案情", "二、裁判结果"]
    cut = [p for p in xpath(root, "//tei:body//tei:p") if "2021年3月至2022年5月承包" in nows("".join(p.itertext()))]
    assert len(cut) == 1 and cut[0].get("cert") is None
    round_trips(docs, NUMBER_CUT_CLAUSES)


def test_two_clauses_cut_between_a_number_and_its_unit_are_a_wrapped_line_not_a_sub_heading():
    """The same line cut after the number's digits and before its unit (``…至2022`` / ``年5月…``), in
    a scan's text with no blank lines: a clause does not end between a number and its 年 (or 万, 元,
    名 …), so the paragraph goes on and no sub-heading is made of it."""
    text = re.sub(r"\n\n+", "\n", NUMBER_CUT_CLAUSES.replace("至20\n22年5月", "至2022\n年5月"))
    assert text != NUMBER_CUT_CLAUSES
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、基本案情", "二、裁判结果"]
    assert len([p for p in texts(root, "//tei:body//tei:p") if "2021年3月至2022年5月承包" in p]) == 1
    round_trips(docs, text)


#: A quarterly of invented columns whose 目录 prints no leaders: column names flush left, entries
#: indented by half-width spaces, the last one's title too long for the line and wrapped, its page
#: on the second line.
WRAPPED_ENTRY_JOURNAL = (
    "桐 林 夕 照\n\n2025年第1期（总第12期）\n\n桐林县老年大学　编\n\n"
    "目　　录\n\n"
    "校园新闻\n"
    "    老年大学春季学期开学　　1\n"
    "学员天地\n"
    "    书法班学员走进敬老院为老人写春联送\n"
    "    祝福　　2\n\n"
    "校园新闻\n\n"
    "老年大学春季学期开学\n"
    "    3月4日，老年大学春季学期开学，今年共开设书法、摄影等12个班。\n"
    "    开学第一天，学员们早早来到教室，互相问候。\n\n"
    "学员天地\n\n"
    "书法班学员走进敬老院为老人写春联送祝福\n"
    "    春节前，书法班20名学员来到镇敬老院，为老人们写了60多副春联。\n"
    "    老人们拿着春联，笑得合不拢嘴。\n"
)


def test_a_contents_entry_wrapped_over_two_lines_under_a_column_name_is_one_entry():
    """A 目录 without leaders whose entry is too long for the line: its title wraps, the page on
    the second line (a 目次 prints title, author, page in that order, GB/T 3179-2009). The two
    lines are one entry, linked to its article, and the column name above them (学员天地, printed
    again alone over the article) is a column, a ``div type="section"``, not an article of its
    own."""
    docs, _ = read(WRAPPED_ENTRY_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["校园新闻", "学员天地"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "老年大学春季学期开学", "书法班学员走进敬老院为老人写春联送祝福"]
    refs = xpath(root, "//tei:div[@type='contents']//tei:item//tei:item/tei:ref")
    assert [nows("".join(r.itertext())) for r in refs] == ["老年大学春季学期开学", "书法班学员走进敬老院为老人写春联送祝福"]
    ids = [a.get(XML_ID) for a in xpath(root, "//tei:div[@type='article']")]
    assert [r.get("target") for r in refs] == ["#" + i for i in ids]
    round_trips(docs, WRAPPED_ENTRY_JOURNAL)


def test_a_bracketed_note_on_a_line_of_its_own_is_never_run_into_the_line_under_it():
    """An author's note in brackets on a line of its own after a piece (``（作者系…）``: brackets
    mark a note, GB/T 15834-2011 4.9), as wide as the hard wrap and ending in no sentence mark, in
    a text that marks paragraphs by their first-line indent: the note is a paragraph of its own;
    the column name on the line under it (no indent, no blank line between) is not run into it."""
    text = (
        "桐林夕照\n\n2025年第1期（总第12期）\n\n"
        "往事回眸\n\n"
        "那年冬天修水渠\n"
        "    那年冬天，全村的劳力都上了\n"
        "工地，大家推车挑土，天不亮就\n"
        "上工，收工时月亮已经上了树梢\n"
        "。水渠修成后，下游的地再也不\n"
        "怕旱了。\n"
        "    （作者系县农业局退休干部，曾在乡里工作多年）\n"
        "书画园地\n\n"
        "秋日山居图\n"
        "    这幅画画的是老家的山，山脚下\n"
        "有一条小河，河边是几间瓦房。\n"
    )
    docs, _ = read(text)
    root = docs[0].root
    paras = texts(root, "//tei:body//tei:p")
    assert not any("书画园地" in p for p in paras), paras
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["那年冬天修水渠", "秋日山居图"]
    round_trips(docs, text)


def test_the_next_bare_folio_right_above_the_colophon_or_another_folio_is_furniture():
    """Bare-number folios (1, 2 before the form feeds that open the next pages); the last page's
    number (3) at the text's margin with no blank line or form feed around it, right above the
    版记 (主办：…, which fills the last page: GB/T 9704-2012 7.4) or right above the extraction's
    own folio (— 3 —): one more than the last bare folio, it is that page's folio, no paragraph.
    A number that is no step of the run (7) stays text."""
    def read_end(end):
        text = ("桐林夕照\n\n2025年第1期\n\n老年大学春季学期开学\n"
                "3月4日，老年大学春季学期开学，今年共开设书法、摄影等12个班。\n1\n"
                "\f桐林夕照　2025年第1期\n开学第一天，学员们早早来到教室，互相问候。\n2\n"
                "\f桐林夕照　2025年第1期\n老人们拿着春联，笑得合不拢嘴。\n"
                + end + "主办：桐林县老年大学\n主编：柏青舟\n印数：500册\n")
        docs, _ = read(text)
        round_trips(docs, text)
        root = docs[0].root
        return ([(f.get("type"), "".join(f.itertext()).strip()) for f in xpath(root, "//tei:text//tei:fw[@type='pageNum']")],
                texts(root, "//tei:body//tei:p"))
    fws, paras = read_end("3\n")
    assert fws == [("pageNum", "1"), ("pageNum", "2"), ("pageNum", "3")], fws
    assert not any(p.endswith("3") for p in paras), paras
    fws, paras = read_end("3\n— 3 —\n")
    assert fws == [("pageNum", "1"), ("pageNum", "2"), ("pageNum", "3"), ("pageNum", "— 3 —")], fws
    fws, paras = read_end("7\n")
    assert ("pageNum", "7") not in fws, fws


@pytest.mark.parametrize("cut", ["    老年大学春季学期开\n学　　1\n", "    老年大学春季学期开学\n　　1\n",
                                 "    老年大学春季学期开学　　\n1\n"])
def test_a_contents_entry_a_wrap_cut_before_its_last_character_or_its_page_is_one_entry(cut):
    """A 目录 entry (title, gap, page) that a hard wrap cut at its end: the title's last character
    and the page on the next line (``…开`` / ``学　　1``), or the page alone after its gap (``…开学`` /
    ``　　1``, or ``…开学　　`` / ``1``: the gap at the line's end). The piece under it is no text that ends the list: with the line above it, it is one
    entry, linked to its article, and the columns below it are still the list's."""
    text = WRAPPED_ENTRY_JOURNAL.replace("    老年大学春季学期开学　　1\n", cut)
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["校园新闻", "学员天地"]
    refs = xpath(root, "//tei:div[@type='contents']//tei:item//tei:item/tei:ref")
    assert [nows("".join(r.itertext())) for r in refs] == ["老年大学春季学期开学", "书法班学员走进敬老院为老人写春联送祝福"]
    assert texts(root, "//tei:div[@type='contents']//tei:num[@type='page']") == ["1", "2"]
    round_trips(docs, text)


def test_a_bare_number_right_above_a_folio_of_the_same_page_is_a_folio_though_not_set_apart():
    """The print's bare page number at the text's margin (no blank line, no indent) right above the
    extraction's folio of the same page (``1`` / ``第 1 页``): two folios of one page break, both
    furniture, and the paragraph the page cut goes on across them; a number of another value there
    (``60`` / ``第 1 页``: the rest of a wrapped line) stays text."""
    def fws(number):
        text = ("桐林夕照\n\n2025年第1期\n\n老年大学春季学期开学\n"
                "3月4日，老年大学春季学期开学，今年共开设书法、摄影\n" + number + "\n第 1 页\n"
                "\f等12个班。开学第一天，学员们早早来到教室，互相问候。\n")
        docs, _ = read(text)
        round_trips(docs, text)
        return ["".join(f.itertext()).strip() for f in xpath(docs[0].root, "//tei:text//tei:fw[@type='pageNum']")]
    assert fws("1") == ["1", "第 1 页"]
    assert fws("60") == ["第 1 页"]


#: A paragraph of an invented 老年大学 journal hard-wrapped at 19, its first line indented by four
#: half-width spaces (段首缩进), shared by the two indented-first-line tests below.
EXHIBITION_PARAGRAPH = (
    "    3月4日，老年大学在县文化馆举办学员\n"
    "作品展，展出作品两百余件，吸引了不少市\n"
    "民前来参观。展览分为书法、国画、摄影、\n"
    "剪纸四个展区，每个展区都有学员现场讲解\n"
    "创作过程，参观的市民不时驻足询问，有的\n"
    "还当场拜师学艺，展厅里十分热闹。一位参\n"
    "观的老人说，没想到老年大学的学员水平这\n"
    "么高，自己也想报名学习书法，让晚年生活\n"
    "更加充实，过得更有意思，更有精气神。\n"
)


def test_an_indented_line_as_wide_as_the_column_goes_on_in_the_flush_left_line_under_it():
    """A hard-wrapped text that marks its paragraphs only by the first-line indent (段首空两字):
    a paragraph's first line, indented and as wide as the column, without clause punctuation
    (``    学员们的作品有书法和国画还有剪纸和摄影``) or shaped like a sub-head X，Y, is cut by the wrap
    when the line under it is flush left: it goes on there, one paragraph, no weak join (a title
    is centred or flush, never indented to the column's full width)."""
    text = (
        "桐林夕照\n\n2025年第1期（总第12期）\n\n"
        "老年大学举办学员作品展\n"
        + EXHIBITION_PARAGRAPH +
        "    学员们的作品有书法和国画还有剪纸摄影\n"
        "等多个门类，不少作品出自八旬老人之手。\n"
        "    县老年大学负责同志介绍，下一步将组织\n"
        "优秀作品到各乡镇巡回展出，让更多群众看到。\n"
    )
    docs, warnings = read(text)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    assert paras[1:] == ["学员们的作品有书法和国画还有剪纸摄影等多个门类，不少作品出自八旬老人之手。",
                         "县老年大学负责同志介绍，下一步将组织优秀作品到各乡镇巡回展出，让更多群众看到。"], paras
    assert not xpath(docs[0].root, "//tei:body//tei:p[@cert]"), warnings
    round_trips(docs, text)


def test_an_indented_contents_entry_as_wide_as_the_wrap_is_not_run_into_the_column_name_under_it():
    """The first-line-indent rule above does not reach a 目录: an entry indented like a paragraph
    and as wide as the wrap, its page after a wide gap (``    …开展的系列活动举行　　2``), or cut
    in the gap (``…　`` / ``　1``), is no prose; the column name flush left under it stays a line
    of its own, a column."""
    body = (
        "老年大学学员作品展在县文化馆开展的系列活动举行\n"
        + EXHIBITION_PARAGRAPH +
        "学员天地\n"
        "书法班学员走进县敬老院为老人写春联\n"
        "    春节前，书法班20名学员来到镇敬老院，\n"
        "为老人们写了60多副春联，老人们拿着春联\n"
        "，笑得合不拢嘴。\n"
    )
    for entry in ("    老年大学学员作品展在县文化馆开展的系列活动举行　　1\n",
                  "    老年大学学员作品展在县文化馆开展的系列活动举行　\n　1\n"):
        text = ("桐林夕照\n2025年第1期（总第12期）\n目　　录\n校园新闻\n" + entry + "学员天地\n"
                "    书法班学员走进县敬老院为老人写春联　　2\n校园新闻\n" + body)
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='section']/tei:head") == ["校园新闻", "学员天地"], entry
        round_trips(docs, text)


def test_the_first_bare_folio_right_above_the_extractions_folio_of_another_number_is_furniture():
    """The print numbers its pages apart from the extraction (the cover uncounted): its bare ``1``
    at the margin right above the extraction's ``第 2 页``, and its ``2`` before the next form feed.
    The first of the run of bare folios (the next bare number, one more, stands at a page break)
    is a folio, no paragraph; a number above the folio that no bare folio follows stays text."""
    def fws(number, second):
        text = ("桐林夕照\n\n2025年第1期\n\n老年大学春季学期开学\n"
                "3月4日，老年大学春季学期开学，今年共开设书法、摄影等12个班。\n" + number + "\n第 2 页\n"
                "\f开学第一天，学员们早早来到教室，互相问候。\n" + second + "\n"
                "\f老人们拿着春联，笑得合不拢嘴。\n")
        docs, _ = read(text)
        round_trips(docs, text)
        return ["".join(f.itertext()).strip() for f in xpath(docs[0].root, "//tei:text//tei:fw[@type='pageNum']")]
    assert fws("1", "2") == ["1", "第 2 页", "2"]
    assert "60" not in fws("60", "2")


def test_the_next_bare_folio_under_the_extractions_folio_and_head_above_the_colophon_is_furniture():
    """The extraction's folio and running head (``· 5 ·`` / ``工作通讯 · 第5期``) at the last break, then
    the print's own bare ``3`` (one more than its last bare folio, 2) right above the 版记: though
    that break has a folio of another number already, the print counts its own pages; ``3`` is
    its folio, no text."""
    text = ("桐林夕照\n\n2025年第1期\n\n老年大学春季学期开学\n"
            "3月4日，老年大学春季学期开学，今年共开设书法、摄影等12个班。\n1\n"
            "\f桐林夕照　2025年第1期\n开学第一天，学员们早早来到教室，互相问候。\n2\n"
            "\f桐林夕照　2025年第1期\n老人们拿着春联，笑得合不拢嘴。\n"
            "· 5 ·\n工作通讯 · 第5期\n3\n主办：桐林县老年大学\n主编：柏青舟\n印数：500册\n")
    docs, _ = read(text)
    round_trips(docs, text)
    fws = ["".join(f.itertext()).strip() for f in xpath(docs[0].root, "//tei:text//tei:fw[@type='pageNum']")]
    assert fws == ["1", "2", "· 5 ·", "3"], fws


# ------------------------------------------------- heldout-m session briefing (issue 21, round 11)

def _session_issue(number: int, day: int) -> str:
    """One issue of an invented 会议简报: the session's name (longer than a short title) over a
    letter-spaced 简　　报, 第N期 with no cumulative number, the 编 unit and date on one line, body
    wrapped with no blank lines, a 版记 of 送 and the print run, a folio."""
    return (
        "中国人民政治协商会议某岭县第九届委员会第二次会议\n"
        "简　　报\n"
        f"第{number}期\n"
        f"大会秘书处编　　　　　　　　2025年2月{day}日\n"
        "\n"
        "委员们分组讨论常委会工作报告\n"
        "2月6日上午，出席会议的委员分成八个组，讨论了常委会工作报告。委员\n"
        "们认为，报告实事求是，重点突出，同意提请大会审议。\n"
        "\n"
        "送：大会主席团成员，县委、县人大常委会、县政府领导。\n"
        "　　　　　　　　　　　　　　　　　（共印90份）\n"
        "1/1\n")


def test_a_session_name_over_a_letter_spaced_briefing_title_opens_the_next_issue():
    """A 会议简报's 版头 names the session on a line of its own (中国人民政治协商会议某岭县第九届委员会
    第二次会议, longer than a short title) over the kind of bulletin letter-spaced (简　　报): in a
    file of two issues that line, after the 版记 that ends the first issue (GB/T 9704-2012 7.4),
    opens the second with the title under it: the first keeps its colophon and no body paragraph
    of the name, the second's header has the name whole."""
    text = _session_issue(2, 6) + "\n" + _session_issue(3, 7)
    docs, _ = read(text)
    assert len(docs) == 2
    for root in (d.root for d in docs):
        assert xpath(root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == \
            "中国人民政治协商会议某岭县第九届委员会第二次会议简报"
    first = docs[0].root
    assert not any("政治协商会议" in t for t in texts(first, "//tei:text//tei:p") + texts(first, "//tei:body//tei:head"))
    assert not any("共印" in t for t in texts(first, "//tei:body//tei:head"))
    assert any("送：" in t for t in texts(first, "//tei:back//*"))
    round_trips(docs, text)


def test_the_dated_items_of_a_programme_are_no_titles_and_each_ends_on_its_line():
    """A programme (活动安排) under its head: lines of a day or a span of days, a gap, then the
    event and its place in brackets. No item is a title (a title does not open with a date and a
    gap), none runs on into the next, and the head over them is the article's head alone; the
    poem's title after the last item is a title of its own."""
    text = ("某溪报\n\n第4期（总第88期）　　2024年5月10日\n\n"
            "**桃花节活动安排**\n\n"
            "5月11日　开幕式、赏花巡游（桃林广场、沿河步道）\n\n"
            "5月12日　桃林摄影比赛（北山桃园）\n\n"
            "5月14日至16日　农特产品集市（镇文化站）\n\n"
            "### 桃花辞\n\n◎ 林　风\n\n河边的桃花开了\n风把香味送进村口\n放学的孩子跑过桥\n一路笑声落满河\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:head") == ["桃花节活动安排", "桃花辞"]
    assert texts(root, "//tei:div[tei:head='桃花节活动安排']/tei:p") == [
        "5月11日开幕式、赏花巡游（桃林广场、沿河步道）", "5月12日桃林摄影比赛（北山桃园）",
        "5月14日至16日农特产品集市（镇文化站）"]
    round_trips(docs, text)


def test_a_programmes_dated_items_are_not_run_together_in_a_wrapped_text_without_blank_lines():
    """Hard-wrapped, no blank lines: a programme's items (date, gap, event, place in brackets),
    one as wide as a wrapped line, are each a line of their own (the next opens with a date and a
    gap, which prose never sets; an item closing its bracket has ended), and the poem's title
    under the last item is not run into it."""
    text = ("某溪报\n第4期（总第88期）　　2024年5月10日\n"
            "桃花节开幕\n"
            "本报讯（记者 林风）5月9日上午，第三届桃\n"
            "花节在北山桃园开幕，来自各地的游客三千余\n"
            "人到桃园赏花踏青，镇里还安排了民俗表演和\n"
            "农产品展示，吸引了不少市民带着孩子前来。\n"
            "镇文化站负责人介绍，今年的桃花节为期一周\n"
            "，除赏花之外，还安排了摄影比赛、健身徒步\n"
            "和农特产品集市等活动，游客可以在桃园里品\n"
            "尝当地的土特产，也可以参加采摘体验，在山\n"
            "间步道上感受春天的气息。镇里在桃园周边设\n"
            "置了三处临时停车场，并安排志愿者引导游客\n"
            "有序游览，保障节会期间的交通和安全工作。\n"
            "桃花节活动安排\n"
            "5月11日　“桃林徒步”健身大会（北山步道）\n"
            "5月12日　桃林摄影比赛（北山桃园）\n"
            "5月14日至16日　农特产品集市（镇文化站）\n"
            "桃花辞\n◎ 林　风\n河边的桃花开了\n风把香味送进村口\n放学的孩子跑过桥\n一路笑声落满河\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[tei:head='桃花节活动安排']/tei:p") == [
        "5月11日“桃林徒步”健身大会（北山步道）", "5月12日桃林摄影比赛（北山桃园）",
        "5月14日至16日农特产品集市（镇文化站）"]
    assert "桃花辞" in texts(root, "//tei:body//tei:head")
    round_trips(docs, text)


def test_a_special_issue_label_on_its_own_line_under_a_numbered_issue_line_keeps_the_issues_number():
    """A paper's 特刊 (or 专刊): its masthead prints the issue line with its own number and the
    cumulative one (第7期（总第300期）), and a letter-spaced 特　　刊 on a line of its own under it.
    The numbered issue of the run is itself the special edition: ``biblScope/@n`` is its number
    (a 增刊 printed beside a number, 第6期增刊, stays that issue's supplement)."""
    text = ("# 某 溪 报\n\n2024年5月10日　星期五\n\n第7期（总第300期）　　今日2版\n\n特　　刊\n\n"
            "**第一版　要闻**\n\n桃花节开幕\n\n本报讯（记者 林风）5月9日上午，第三届桃花节在北山桃园开幕。\n")
    docs, _ = read(text)
    monogr = "//tei:sourceDesc/tei:biblStruct/tei:monogr"
    assert xpath(docs[0].root, f"string({monogr}/tei:biblScope[@unit='issue']/@n)") == "7"
    assert xpath(docs[0].root, f"string({monogr}/tei:idno[@type='cumulative'])") == "300"
    assert "特刊" in xpath(docs[0].root, f"string({monogr}/tei:biblScope[@unit='issue'])")
    round_trips(docs, text)
    mh = read_masthead(split_lines("某某简报\n第6期增刊"))
    assert (mh.special, mh.issue, mh.special_alone) == ("增刊", 6, False)


def test_a_bold_run_a_wrap_cut_is_one_line_though_the_line_has_wide_gaps():
    """A 报眉 line with its page field in bold, cut by a wrap inside the bold run (``…　**第二版　
    社会`` / ``新闻**``): the bold run opened on the line closes on the next, so the two are one line
    (the gaps in it make no table row) and the page label names its page whole, no column."""
    text = ("某溪报\n\n第4期（总第88期）　　2024年5月10日\n\n**第一版　要闻**\n\n桃花节开幕\n\n"
            "本报讯（记者 林风）5月9日上午，第三届桃花节在北山桃园开幕。\n\n"
            "本版责编：林　风\n\n\f某溪报　　2024年5月10日　　**第二版　社会\n新闻**\n\n"
            "### 小镇集市人气旺\n\n本报讯（通讯员 方圆）5月9日，镇上的周末集市迎来不少游客。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert not xpath(root, "//tei:body//tei:div[@type='section']")
    assert texts(root, "//tei:body//tei:head") == ["桃花节开幕", "小镇集市人气旺"]
    assert xpath(root, "//tei:pb[@n='2']")
    round_trips(docs, text)


def test_a_special_issues_title_under_its_label_is_the_mastheads_not_a_paragraph():
    """A 特刊's 版头: under the letter-spaced 特　　刊 label the special issue's own title (its
    occasion, ending with 特刊) is a title-page subtitle, not the body's first paragraph; the
    periodical's title stays its own."""
    text = ("# 某 溪 报\n\n2024年5月10日　星期五\n\n第7期（总第300期）　　今日2版\n\n特　　刊\n\n"
            "第三届某溪桃花节开幕特刊\n\n**第一版　要闻**\n\n桃花节开幕\n\n"
            "本报讯（记者 林风）5月9日上午，第三届桃花节在北山桃园开幕。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert xpath(root, "string(//tei:front//tei:titlePart[@type='sub'])") == "第三届某溪桃花节开幕特刊"
    assert not [p for p in texts(root, "//tei:body//tei:p") if "特刊" in p]
    assert xpath(root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "某溪报"
    round_trips(docs, text)


def test_a_jump_head_abbreviated_over_the_continued_part_links_the_two_parts():
    """The continued part of a jumped story under a head the paper abbreviated (桃旅节开幕 for
    第三届某溪桃花文化旅游节开幕: the abbreviation keeps characters of the words in their order):
    the two parts are @part I and F, linked by @next/@prev."""
    text = ("某溪报\n\n第4期（总第88期）　　2024年5月10日\n\n**第一版　要闻**\n\n"
            "## 第三届某溪桃花文化旅游节开幕\n\n"
            "本报讯（记者 林风）5月9日上午，第三届桃花节在北山桃园开幕，来自各地的游客到桃园赏花。"
            "（下转第2版）\n\n本版责编：林　风\n\n\f**第二版　综合**\n\n### 桃旅节开幕\n\n"
            "（上接第1版）开幕式后，游客们沿着步道登上观景台。\n")
    docs, _ = read(text)
    root = docs[0].root
    first = xpath(root, "//tei:div[tei:head='第三届某溪桃花文化旅游节开幕']")[0]
    rest = xpath(root, "//tei:div[tei:head='桃旅节开幕']")[0]
    assert (first.get("part"), rest.get("part")) == ("I", "F")
    assert rest.get("prev") == "#" + first.get(XML_ID) and first.get("next") == "#" + rest.get(XML_ID)
    round_trips(docs, text)


# ------------------------------------------------- heldout-n 工作信息 of a 妇联 (issue 21, round 12)

def test_a_masthead_unit_and_date_set_apart_by_one_tab_are_two_fields():
    """The 编印 unit left and the date right on one line of the 版头 (GB/T 9704-2012 7.2), typed
    with a tab stop between them (``某某县妇女联合会<TAB>2024年5月6日``): a tab sets the next field
    in its column, so the line is the masthead's imprint and date (the issue date in the header),
    not the first article's heading."""
    assert [k for k, _, _ in fields_of("某某县妇女联合会\t2024年5月6日")] == ["org", "date"]
    text = ("某某妇联工作信息\n第2期（总第50期）\n某某县妇女联合会\t2024年5月6日\n"
            "县妇联召开春季工作推进会\n"
            "　　5月6日，县妇联召开春季工作推进会，各乡镇妇联主席参加。\n"
            "（县妇联办公室供稿）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert issue_fields(root) == ("2024-05-06", "2", "50")
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["县妇联召开春季工作推进会"]
    round_trips(docs, text)


def test_a_photo_credit_of_a_unit_and_a_letter_spaced_name_makes_a_caption():
    """A bulletin's photo caption names the photographer by unit and name, the two-character name
    letter-spaced (``…。　县妇联　俞　平　摄``): a caption (a figure), and the indented paragraph
    under it, in a text with no blank lines, opens a paragraph of its own (not run into the caption)."""
    text = ("某某妇联工作信息\n第2期（总第50期）\n某某县妇女联合会　　2024年5月6日\n"
            "县妇联召开春季工作推进会\n"
            "　　5月6日，县妇联召开春季工作推进会，各乡镇妇联主席参加。\n"
            "与会人员参观巾帼示范基地。　县妇联　俞　平　摄\n"
            "　　会议要求各乡镇抓好春季各项工作落实。\n"
            "（县妇联办公室供稿）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:figure/tei:head") == ["与会人员参观巾帼示范基地。"]
    assert texts(root, "//tei:figure/tei:byline") == ["县妇联俞平摄"]
    assert texts(root, "//tei:figure/tei:byline/tei:persName") == ["俞平"]
    assert texts(root, "//tei:div[@type='article']/tei:p")[-1] == "会议要求各乡镇抓好春季各项工作落实。"
    round_trips(docs, text)


def test_a_unit_named_by_a_peoples_organisations_short_name_and_a_name_under_a_title_is_a_byline():
    """An article's top byline of unit and name where the unit ends in the short name of a
    people's organisation (``某山镇妇联　邹明霞``: 妇联 for 妇女联合会, as 文联, 科协 …) is a byline,
    not the second line of the title above it."""
    text = ("某某妇联工作信息\n第2期（总第50期）\n某某县妇女联合会　　2024年5月6日\n"
            "【经验交流】\n"
            "建好妇女之家　服务基层妇女\n"
            "某山镇妇联　邹明霞\n"
            "　　某山镇有十个行政村，镇妇联把服务阵地建到村里。\n"
            "（一）阵地建在家门口\n"
            "　　各村都建成了妇女之家，由村妇联主席轮流值班。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["建好妇女之家服务基层妇女"]
    assert texts(root, "//tei:div[@type='article']/tei:byline") == ["某山镇妇联邹明霞"]
    round_trips(docs, text)


# a briefing hard-wrapped at 24 characters a line and set again at 17: the issue's editor's note
# is cut right after its first sentence (…切身利益。 / 本期刊发的几篇)
RESET_NOTE_BRIEFING = """某某便民服务信息
第9期（总第120期）
某县人民政府办公室　　　　　　　2023年9月20日
编者按：便民服务关系群众切身利益。
本期刊发的几篇
稿件，介绍了几个乡镇推进便民服务的
做法，供各地结
合实际参考借鉴。
""" + RESET_BRIEFING.split("2023年9月20日\n", 1)[1].replace("县城新建三处", "三处")


def test_the_rest_of_an_editors_notes_line_set_again_narrower_goes_on_in_the_note():
    """The rest of a line set again at a narrower measure (:func:`test_the_rest_of_a_line_set_again_narrower_is_no_title`)
    after the first line of an issue's editor's note (编者按：…。, running text set as a division of
    its own) is no title: the note goes on in it (@cert medium, named in the warning)."""
    docs, warnings = read(RESET_NOTE_BRIEFING)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["三处便民菜市场投入使用", "县图书馆开设少儿阅读专区"]
    note = texts(root, "//tei:div[@type='editorial']")
    assert len(note) == 1 and note[0].endswith("利益。本期刊发的几篇稿件，介绍了几个乡镇推进便民服务的做法，供各地结合实际参考借鉴。")
    assert any("本期刊发的几篇" in w for w in warnings)
    round_trips(docs, RESET_NOTE_BRIEFING)


def test_an_item_credited_after_its_text_after_a_column_of_signed_pieces_is_no_part_of_the_column():
    """A column (【经验交流】) gathers pieces of one kind: its piece is signed under its title (a
    unit and a name). The next title, with no author line under it and its text ending with a
    bracketed credit (（…供稿）, as the items before the column), is an item of the other kind: the
    column has ended there (weak: @cert, named in the warning). A column of items credited so
    keeps the next one."""
    head = ("某某妇联工作信息\n第2期（总第50期）\n某某县妇女联合会　　2024年5月6日\n"
            "县妇联召开春季工作推进会\n"
            "　　5月6日，县妇联召开春季工作推进会，各乡镇妇联主席参加。\n"
            "（县妇联办公室供稿）\n")
    signed = ("【经验交流】\n建好妇女之家　服务基层妇女\n某山镇妇联　邹明霞\n"
              "　　某山镇有十个行政村，镇妇联把服务阵地建到村里，办了不少实事。\n")
    item = ("县妇联开展家庭教育宣传周活动\n"
            "　　5月中旬，县妇联在全县开展家庭教育宣传周活动，发放资料两千份。\n"
            "（县妇联家庭工作部供稿）\n")
    text = head + signed + item
    docs, warnings = read(text)
    root = docs[0].root
    got = [(texts(d, "ancestor::tei:div[@type='section']/tei:head") or [None])[0] for d in
           xpath(root, "//tei:div[@type='article']")]
    assert got == [None, "【经验交流】", None]
    assert any("县妇联开展家庭教育宣传周活动" in w for w in warnings)
    round_trips(docs, text)
    plain = head + "【工作动态】\n" + item.replace("家庭教育宣传周", "普法宣传") + item
    docs, _ = read(plain)
    got = [(texts(d, "ancestor::tei:div[@type='section']/tei:head") or [None])[0] for d in
           xpath(docs[0].root, "//tei:div[@type='article']")]
    assert got == [None, "【工作动态】", "【工作动态】"]


# ------------------------------------------------- heldout-n 科普通讯, 专报 with tables, 年鉴 通讯 (issue 21, round 12)

KEPU_COMMUNITY_BYLINE = """石门科普
2025年第3期（总第15期）
石门县科学技术协会　　　　　　2025年6月10日

【科普进社区】

东风社区“周末科学营”受欢迎

东风社区　杜　兰

    每逢周末下午，东风社区的科学营里都坐满了孩子，志愿者带着他们做浮力和静电小实验，已开课二十多次。

    科学营由社区和县青少年活动中心合办，孩子们在动手中学到了知识。

（县科协供稿）
"""


def test_a_community_and_a_letter_spaced_name_under_a_title_is_its_author_line():
    """A 社区 (like a 村委会 or 居委会, a grassroots body: 基层群众性自治组织), a village or a
    kindergarten is an author's unit as an office is: ``东风社区　杜　兰`` under a title is the byline, not a paragraph that runs on
    into the text under it."""
    for unit in ("东风社区", "南塘村", "县实验幼儿园"):
        text = KEPU_COMMUNITY_BYLINE.replace("东风社区　杜　兰", unit + "　杜　兰")
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:div[@type='article'][tei:head]/tei:byline[1]")[:1] == [unit + "杜兰"], unit
        assert not any(t.startswith(unit + "杜兰") for t in texts(root, "//tei:body//tei:p"))
        round_trips(docs, text)


def _annals_issue(number: int, total: int, month: int) -> str:
    """One issue of an invented 方志 通讯 over four pages: 内部资料 over the title letter-spaced
    (the running head's text), the issue line, body; bare-number folios, the running heads
    alternating title and issue (after a form feed), a colophon at the end; the next issue's
    内部资料 opens a page."""
    return (
        ("\f" if number > 1 else "") + "内部资料\n\n"
        "石 泉 方 志 通 讯\n\n"
        f"2024年第{number}期（总第{total}期）\n\n"
        f"石泉县地方志编纂委员会办公室编　　　　2024年{month}月\n\n"
        "【工作动态】\n\n"
        "县志办召开志书编纂推进会\n\n"
        "会上，各编纂单位汇报了资料收集进度，县志办对下一步工作作了安排，要求各单位按期报送初稿。\n\n"
        "会议还通报了上一阶段的审读情况，对资料长编中存在的问题逐条作了说明，请各单位对照整改。\n\n"
        "1\n"
        "\f石泉方志通讯\n"
        "【业务交流】\n\n"
        "志稿审读的几点体会\n\n"
        "文／范志远\n\n"
        "审读志稿要先看篇目，再看资料，最后看文字，三者缺一不可，这是多年来大家共同的经验。\n\n"
        "审读中发现的问题要及时反馈给编写人员，并跟踪修改结果，做到件件有着落。\n\n"
        "2\n"
        f"\f2024年第{number}期\n"
        "审读工作做细了，志稿质量才有保证，这一点在今后的工作中还要继续坚持下去。\n\n"
        "主办：石泉县地方志编纂委员会办公室\n"
        "印数：200份\n"
        "3\n")


def test_a_title_under_a_notice_that_opens_a_page_is_the_next_issues_masthead_not_a_running_head():
    """内部资料 opening a page (GB/T 9704-2012 7.2.1: the 版头's top line) over the series title
    letter-spaced, which the running heads print too: the title is the next issue's masthead,
    not a second running head under the notice; the next issue starts at the notice, and the
    first keeps only its own folios and heads as ``fw``."""
    text = _annals_issue(1, 9, 3) + _annals_issue(2, 10, 6)
    docs, _ = read(text)
    assert len(docs) == 2
    fws = [texts(d.root, "//tei:text//tei:fw") for d in docs]
    assert fws[0] == ["1", "石泉方志通讯", "2", "2024年第1期", "3"]
    assert docs[1].first_line == text.split("\f内部资料")[0].count("\n") + 1
    for d in docs:
        assert xpath(d.root, "string(//tei:monogr/tei:title[@level='j'][not(@type)])") == "石泉方志通讯"
    round_trips(docs, text)


#: The 版头 of the invented 防汛 专报 the two wrapped-table texts below share (title, issue, 编印
#: unit and date, a column name).
FLOOD_MASTHEAD = "石源县防汛工作专报\n第5期\n石源县水利局　　　　2024年6月20日\n\n全县雨情水情\n\n"


# an invented 防汛 专报 hard-wrapped at 24 characters, its table's rows too: the column heads cut
# inside a cell (no bracket open), each row cut once or twice, the last figure's digits apart
FLOOD_TABLE_WRAPPED = FLOOD_MASTHEAD + """　　6月18日以来，全县普降大到暴雨，各水库水位
上涨较快，现将主要水库水位情况报告如下。

表1　6月20日8时主要水库水位
水库名称      设计水位（米）      实测水位（
米）      超设计（米）
东山水库      42.00      4
3.15      1.1
5
西岭水库      37.50      3
8.02      0.5
2
　　各水库管理单位已按调度方案开闸泄洪，县水利局
派出技术人员驻库值守。

（县水利局办公室供稿）
"""


def test_a_table_wrapped_with_its_rows_cut_once_or_twice_keeps_its_title_and_rows():
    """A table set in text (TEI P5 §14.1.1) in a hard-wrapped text: a row cut where it reaches
    the wrap column, its rest two cells long (``…实测水位（`` / ``米）　超设计（米）``), and a row
    cut twice (its figure's digits apart): the title stays the table's head and each row a row,
    no heading made of the title and the column heads."""
    docs, _ = read(FLOOD_TABLE_WRAPPED)
    root = docs[0].root
    assert texts(root, "//tei:table/tei:head") == ["表16月20日8时主要水库水位"]
    assert len(xpath(root, "//tei:table/tei:row")) == 3
    assert not any(h.startswith("表1") for h in texts(root, "//tei:body//tei:div/tei:head"))
    round_trips(docs, FLOOD_TABLE_WRAPPED)


# the same 专报 hard-wrapped at 24 characters, its table's title cut by the wrap
FLOOD_TABLE_TITLE_WRAPPED = FLOOD_MASTHEAD + """　　6月18日以来，全县普降大到暴雨，北部山区降
雨尤为集中，各水库水位上涨较快，部分小型水库超过
汛限水位。县防汛办及时启动应急响应，组织各乡镇和
水库管理单位加强巡查值守，现将主要水库水位情况报
告如下。

表1　6月20日8时全县主要大中型水库水位及超设
计水位情况
水库名称      设计水位（米）      实测水位（米）
东山水库      42.00      43.15      1.15
西岭水库      37.50      38.02      0.52

　　各水库管理单位已按调度方案开闸泄洪，县水利局
派出技术人员驻库值守，对大坝、溢洪道和放水设施逐
一检查，发现险情及时处置，确保水库安全度汛。下一
步，县水利局将继续密切关注雨情水情变化，滚动会商
研判，及时发布预警信息。

（县水利局办公室供稿）
"""


def test_a_table_title_cut_by_the_wrap_is_the_tables_head_whole():
    """A table's title (表N …) whose first line reaches the wrap column and whose short rest stands
    right above the first row is one ``<head>`` of the table (@cert medium), no article heading
    over a paragraph of its tail."""
    docs, warnings = read(FLOOD_TABLE_TITLE_WRAPPED)
    root = docs[0].root
    assert texts(root, "//tei:table/tei:head") == ["表16月20日8时全县主要大中型水库水位及超设计水位情况"]
    assert xpath(root, "string(//tei:table/tei:head/@cert)") == "medium"
    assert not any(h.startswith("表1") for h in texts(root, "//tei:body//tei:div/tei:head"))
    assert "计水位情况" not in texts(root, "//tei:body//tei:p")
    round_trips(docs, FLOOD_TABLE_TITLE_WRAPPED)


KEPU_SOURCE_CREDIT = """石门科普
2025年第3期（总第15期）
石门县科学技术协会　　　　　　2025年6月10日

【科学小知识】

地震来了怎么办

    地震发生时，如果身在室内，应迅速躲到坚固的桌子下或承重墙的墙角，用软物护住头部，不要乘坐电梯。

    如果身在室外，要避开高楼、广告牌和电线杆，跑到空旷的地方蹲下或趴下。

（据县地震局资料整理）

主办：石门县科学技术协会
印数：300份
"""


def test_a_bracketed_source_credit_after_the_text_is_a_byline():
    """（据…资料整理）on a line of its own after the text names what the piece was compiled from and
    who compiled it, as （…供稿） does: a byline at the article's foot (TEI divBottom), not a
    paragraph; 据 alone (据统计, 据了解) still opens no credit."""
    docs, _ = read(KEPU_SOURCE_CREDIT)
    root = docs[0].root
    assert "（据县地震局资料整理）" in texts(root, "//tei:div[@type='article']/tei:byline[preceding-sibling::tei:p]")
    assert "（据县地震局资料整理）" not in texts(root, "//tei:body//tei:p")
    round_trips(docs, KEPU_SOURCE_CREDIT)


#: The same kind of quarterly, an interview's entry wrapped in the 目录: title and subtitle on one
#: line there (正题——副题), too long for it, the page on the second line; the text prints the
#: subtitle on a line of its own under the title.
WRAPPED_SUBTITLE_ENTRY_JOURNAL = (
    "桐 林 夕 照\n\n2025年第2期（总第13期）\n\n桐林县老年大学　编\n\n"
    "目　　录\n\n"
    "校园新闻\n"
    "老年大学夏季学期开学　　　　　　　　　1\n"
    "人物访谈\n"
    "把课堂搬进敬老院——访书法班学员代表邱\n"
    "德厚　　　　　　　　　　　　　　　　　2\n\n"
    "校园新闻\n\n"
    "老年大学夏季学期开学\n\n"
    "    6月3日，老年大学夏季学期开学，今年共开设书法、摄影等14个班。\n\n"
    "人物访谈\n\n"
    "把课堂搬进敬老院\n"
    "——访书法班学员代表邱德厚\n\n"
    "文／本刊记者\n\n"
    "    问：您为什么想到去敬老院上课？\n\n"
    "    答：那里的老人也想学写字，我们就去了。\n"
)


def test_a_contents_entry_of_a_title_and_subtitle_wrapped_is_one_entry():
    """A 目录 entry of a title and its subtitle (正题——副题) too long for the line: the two lines
    are one entry when they are the text's title over its subtitle line (——…), so the entry
    names the whole title and links to the article."""
    docs, _ = read(WRAPPED_SUBTITLE_ENTRY_JOURNAL)
    root = docs[0].root
    refs = xpath(root, "//tei:div[@type='contents']//tei:item//tei:item/tei:ref")
    assert [nows("".join(r.itertext())) for r in refs] == [
        "老年大学夏季学期开学", "把课堂搬进敬老院——访书法班学员代表邱德厚"]
    ids = [a.get(XML_ID) for a in xpath(root, "//tei:div[@type='article']")]
    assert [r.get("target") for r in refs] == ["#" + i for i in ids]
    round_trips(docs, WRAPPED_SUBTITLE_ENTRY_JOURNAL)


def test_a_book_notices_label_value_fields_are_lines_of_their_own_in_a_wrapped_text():
    """Hard-wrapped, no blank lines, paragraphs opened by four half-width spaces: a new-book
    notice's fields (作者：/索书号：/馆藏地点：, a short label, a colon, a value with no clause
    mark, narrower than the wrap) each end on their line, so neither the next field nor the
    indented blurb under them is run into them."""
    text = ("某 河 图 书 馆 馆 讯\n内部资料　免费交流\n第2期（总第15期）\n某河县图书馆编　2025年4月\n"
            "本期目录\n【馆务动态】\n分馆流动书车开进山村　1\n【新书推荐】\n《河边的风》　2\n《田里的虫》　2\n"
            "馆务动态\n分馆流动书车开进山村\n"
            "    3月中旬，县图书馆的流动书车先后开进东岭、石门等六个山村，\n"
            "为村里的老人和孩子送去图书两千余册。每到一村，馆员们就在村\n"
            "委会门前摆开书架，现场办理借书证，讲解借还办法，还给孩子们\n"
            "讲了绘本故事。东岭村的一位老人说，过去借书要跑三十里路，现\n"
            "在书送到了家门口，农闲时能多看几本种养殖方面的书。馆里计划\n"
            "今年每月安排一次流动书车下乡，并在各村设立图书流通点，让山\n"
            "里的群众也能方便地借到新书、好书，把阅读推广做到村村户户。\n"
            "新书推荐\n《河边的风》\n作者：钟远山\n索书号：I247.7/Z611\n馆藏地点：三楼文学借阅室\n"
            "    中篇小说。作品写一个河边村庄里几户人家的日常生活，文字平实\n"
            "，人物鲜活，把村里几十年的变化写得细致可感，适合喜欢乡土题材\n"
            "的读者在闲暇时慢慢翻读，也适合中学生课外阅读时参考。\n"
            "《田里的虫》\n作者：柯小禾\n索书号：Q96-49/K212\n馆藏地点：一楼少儿借阅区\n"
            "    科普绘本。以一只瓢虫的眼睛看一季稻田，讲述田间常见昆虫的习性\n"
            "和它们与庄稼的关系，画面明亮，文字浅显，适合亲子共读。\n")
    docs, _ = read(text)
    root = docs[0].root
    ps = texts(root, "//tei:body//tei:p")
    assert "索书号：I247.7/Z611" in ps and "馆藏地点：三楼文学借阅室" in ps
    assert "馆藏地点：一楼少儿借阅区" in ps
    assert any(p.startswith("中篇小说。") for p in ps) and any(p.startswith("科普绘本。") for p in ps)
    round_trips(docs, text)


def test_two_record_field_lines_one_under_the_other_are_not_joined_when_the_wrap_is_narrow():
    """Hard-wrapped narrow (18), no blank lines: a 索书号：… line nearly as wide as the wrap over a
    馆藏地点：… line. Two lines each a record's field (label：value, no clause mark) are one field a
    line, not a sentence the wrap cut: the physical stage keeps them apart."""
    prose1 = ("3月中旬，县图书馆的流动书车先后开进东岭、石门等六个山村，为村里的老人和孩子送去图书两千余册。"
              "每到一村，馆员们就在村委会门前摆开书架，现场办理借书证，讲解借还办法，还给孩子们讲了绘本故事。"
              "东岭村的一位老人说，过去借书要跑三十里路，现在书送到了家门口。")
    prose2 = "中篇小说。作品写一个河边村庄里几户人家的日常生活，文字平实，人物鲜活，把村里几十年的变化写得细致可感。"

    def wrap(p):
        return "\n".join(p[i:i + 18] for i in range(0, len(p), 18))
    text = ("某 河 图 书 馆 馆 讯\n内部资料　免费交流\n第2期（总第15期）\n某河县图书馆编　2025年4月\n"
            "本期目录\n【馆务动态】\n流动书车开进山村　1\n【新书推荐】\n《河边的风》　2\n"
            "馆务动态\n流动书车开进山村\n    " + wrap(prose1) + "\n新书推荐\n《河边的风》\n作者：钟远山\n"
            "索书号：I247.57/Z611-23\n馆藏地点：三楼文学借阅室\n    " + wrap(prose2) + "\n")
    docs, _ = read(text)
    ps = texts(docs[0].root, "//tei:body//tei:p")
    assert "索书号：I247.57/Z611-23" in ps and "馆藏地点：三楼文学借阅室" in ps


def test_a_contents_entry_wrapped_at_its_subtitle_dash_opens_the_list():
    """The first 目次 entry of title and ——subtitle, wrapped at the dash (the title alone on a
    line, ``——副题……author page`` under it, no blank line between: GB/T 15834-2011 4.11, the dash
    stands before a subtitle): the title line is the entry's, not the masthead's, so the article
    under it takes the title as its head and the ——subtitle as its 副题."""
    filler = "".join(f"第{k}个方面的做法取得了明显成效，群众普遍认可。\n\n" for k in range(1, 4))
    text = ("某溪党校\n\n2025年第2期（总第20期）\n\n中共某溪县委党校编　　2025年6月\n\n目　　录\n\n"
            "【理论视野】\n\n推动乡村集体经济提质增效的路径\n——以某溪县竹产业为例…………………………林远山　1\n\n"
            "【教学园地】\n\n案例教学在主体班中的运用…………………………何　平　3\n\n"
            "【理论视野】\n\n推动乡村集体经济提质增效的路径\n\n——以某溪县竹产业为例\n\n某溪县委党校　林远山\n\n"
            + filler + "【教学园地】\n\n案例教学在主体班中的运用\n\n某溪县委党校　何　平\n\n" + filler)
    docs, _ = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:div[@type='article']/tei:head")
    assert heads[0] == "推动乡村集体经济提质增效的路径", heads
    assert "——以某溪县竹产业为例" not in heads[:1]
    assert len(xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']")) == 2
    assert not any("推动乡村" in t for t in texts(root, "//tei:titlePage//tei:titlePart"))
    round_trips(docs, text)


def test_a_column_name_in_brackets_opening_two_pages_is_no_running_head():
    """A column name in 【】 (journal practice) that opens a page after a form feed in two issues,
    and is printed too in each contents list (away from any page top), is the column's name over
    its article, not a running head repeated at two page breaks."""
    filler = "".join(f"第{k}个方面的做法取得了明显成效，群众普遍认可。\n\n" for k in range(1, 4))

    def issue(no: int) -> str:
        return (f"某溪党校\n\n2025年第{no}期\n\n中共某溪县委党校编　　2025年{no + 3}月\n\n目　　录\n\n"
                f"【理论视野】\n\n集体经济的第{no}条路径…………………………林远山　1\n\n"
                f"【教学园地】\n\n案例教学的第{no}点体会…………………………何　平　2\n"
                f"\f【理论视野】\n\n集体经济的第{no}条路径\n\n某溪县委党校　林远山\n\n" + filler
                + f"· 1 ·\n\f某溪党校　2025年第{no}期\n\n【教学园地】\n\n案例教学的第{no}点体会\n\n某溪县委党校　何　平\n\n"
                + filler + "\f")
    text = issue(1) + issue(2)
    docs, _ = read(text)
    for doc in docs:
        assert "【理论视野】" not in texts(doc.root, "//tei:fw[@type='header']")
        assert "【理论视野】" in texts(doc.root, "//tei:div[@type='section']/tei:head")
    round_trips(docs, text)


def test_a_reference_list_label_is_not_run_into_its_first_entry():
    """A paper's 参考文献 label alone on its line (GB/T 7714-2015: the numbered list after the
    text) ends there: its first entry ``[1]…`` under it is a paragraph of its own, not the rest
    of a label that stopped without a full stop."""
    para = ("近年来，各村集体经济发展较快，群众普遍认可，村里的\n道路、水渠和活动场所都有了明显改善，干部群众干事\n"
            "创业的劲头更足了，集体收入逐年增加。\n\n")
    text = ("某溪党校\n\n2025年第2期\n\n中共某溪县委党校编　　2025年6月\n\n目　　录\n\n"
            "集体经济的发展路径…………………………林远山　1\n\n案例教学的几点体会…………………………何　平　3\n\n"
            "【理论视野】\n\n集体经济的发展路径\n\n某溪县委党校　林远山\n\n一、问题的提出\n\n" + para + "二、主要做法\n\n" + para + para
            + "参考文献\n\n[1]林远山.集体经济发展路径研究[J].某溪社会科学,2024(3):1-9.\n\n"
            "[2]何平.乡村治理的实践[M].某地:某出版社,2023.\n\n案例教学的几点体会\n\n何　平\n\n" + para)
    docs, _ = read(text)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    assert not any(p.startswith("参考文献[") for p in paras), paras
    assert any(p.startswith("[1]") for p in paras), paras
    round_trips(docs, text)


def test_a_notice_line_over_the_next_issues_title_opens_its_masthead():
    """Two issues in one file with no form feed between them: the handling notice (内部资料　免费
    交流) that opened the first issue's masthead over its title stands again under the first
    issue's colophon, right over the same title: it opens the second issue's masthead (the series
    prints it there in every issue), not the end of the first issue's colophon."""
    filler = "".join(f"第{k}个方面的做法取得了明显成效，群众普遍认可，各方面反映良好。\n\n" for k in range(1, 4))

    def issue(no: int) -> str:
        return (f"内部资料　免费交流\n\n某 溪 党 校\n\n2025年第{no}期（总第{no + 20}期）\n\n"
                f"中共某溪县委党校编　　2025年{no + 3}月\n\n【理论视野】\n\n集体经济的第{no}条路径\n\n"
                "某溪县委党校　林远山\n\n" + filler
                + "主　　办：中共某溪县委党校\n\n主　　编：林远山\n\n印　　数：200册\n\n")
    text = issue(1) + issue(2)
    docs, _ = read(text)
    assert len(docs) == 2
    assert "内部资料" in "".join(xpath(docs[1].root, "//tei:front//text()"))
    round_trips(docs, text)


# an invented theory journal's paper ending in a numbered reference list, no blank lines (as an
# extraction leaves it): each entry ends with a page range or an ASCII full stop, no 。
REFERENCE_LIST_JOURNAL = (
    "理 论 学 习\n2026年第1期（总第9期）\n某县委党校　编\n"
    "发展县域特色产业的几点思考\n"
    "张　明\n"
    "县域特色产业是县域经济的重要支撑，近年来全县茶叶种植面积稳步扩大，带动农户增收，\n"
    "[2]一文也指出了这一点，产业链条仍需延伸。\n"
    "参考文献\n"
    "[1]刘文博.新质生产力的理论内涵与实践路径[J].经济研究参考,2024(5):12-21.\n"
    "[2]何晓燕,陈立群.县域特色产业高质量发展的困境与对策[J].农业经济,2023(9):31-33\n"
    "[3]某县统计局.某县2025年国民经济和社会发展统计公报[R].2026.\n"
)


def test_each_entry_of_a_numbered_reference_list_is_its_own_paragraph():
    """A paper's 参考文献 in the numbered style (GB/T 7714-2015 顺序编码制), entries ending with a page
    range or an ASCII full stop, no blank lines: each [n+1] line under the [n] entry opens a new
    paragraph (the entries are not run together), while a citation mark [2] at a wrapped line's
    start inside running text goes on with its paragraph."""
    docs, _ = read(REFERENCE_LIST_JOURNAL)
    paras = texts(docs[0].root, "//tei:body//tei:p")
    entries = [p for p in paras if p.startswith("[")]
    assert [p[:3] for p in entries] == ["[1]", "[2]", "[3]"], paras
    assert any(p.endswith("产业链条仍需延伸。") and "[2]一文" in p for p in paras), paras
    round_trips(docs, REFERENCE_LIST_JOURNAL)


PAPER_LETTERS = """松 原 报

2023年10月13日　星期五　　总第1342期　　今日二版

第一版　要闻

县委常委会研究部署冬春水利建设

本报讯（记者 邢雨桐）10月10日，县委常委会召开会议，研究部署今冬明春农田水利基本建设工作。

第二版　民生

群众来信

小区门口的积水排干了

编辑同志：我家住在城东小区，门口的路一下雨就积水。上个月反映以后，社区很快就疏通了下水道，现在雨天出门方便多了。

城东小区居民　柴文静

希望公交站加装座椅

编辑同志：城北公交站候车的老人很多，站台却没有一把座椅。希望有关部门考虑加装几把。

读者　谷雨青

本版编辑：邢雨桐
"""


def test_a_readers_standing_and_name_under_a_letters_last_sentence_signs_it_and_is_no_heading():
    """读者来信 practice: a letter to the paper is signed at its foot, the writer's standing and
    name on a line of their own (``读者　X``, ``某小区居民　X``) right under the last sentence: the
    letter's closing byline, never a heading of a new article."""
    docs, _ = read(PAPER_LETTERS)
    root = docs[0].root
    heads = texts(root, "//tei:div[@type='article']/tei:head")
    assert "读者谷雨青" not in heads and "城东小区居民柴文静" not in heads, heads
    assert "希望公交站加装座椅" in heads
    bylines = [b for a in xpath(root, "//tei:div[@type='article']") for b in texts(a, "tei:byline")]
    assert "城东小区居民柴文静" in bylines and "读者谷雨青" in bylines, bylines
    round_trips(docs, PAPER_LETTERS)


def test_a_photo_credit_alone_a_blank_line_under_a_short_sentence_set_apart_is_that_captions_credit():
    """A photo credit alone (``记者　X　摄``) a blank line under a short sentence that is itself set
    apart by a blank line: the sentence is the photo's caption (a caption names the photographer:
    news-writing practice), one ``<figure>``; the short line over the photos is no article heading."""
    text = PAPER_LETTERS.replace("第二版　民生\n", "图片新闻\n\n10月9日，城东小区居民在广场排练节目。\n\n记者　邢雨桐　摄\n\n"
                                 "本版编辑：邢雨桐\n\f第二版　民生\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:figure/tei:head") == ["10月9日，城东小区居民在广场排练节目。"], texts(root, "//tei:figure/tei:head")
    assert "图片新闻" not in texts(root, "//tei:div[@type='article']/tei:head")
    round_trips(docs, text)


def test_a_short_name_over_nothing_but_photo_captions_up_to_the_page_end_is_a_photo_column():
    """Newspaper practice: a 图片新闻 block is a column of photos, its name over captions only up
    to the page's credit line: a ``<div type="section">`` (``@cert``) holding the figures, no
    article, and the name no paragraph of the story above."""
    text = PAPER_LETTERS.replace("第二版　民生\n", "图片新闻\n\n10月9日，城东小区居民在广场排练节目。\n\n记者　邢雨桐　摄\n\n"
                                 "本版编辑：邢雨桐\n\f第二版　民生\n")
    docs, _ = read(text)
    root = docs[0].root
    secs = xpath(root, "//tei:div[@type='section'][tei:head[.='图片新闻']]")
    assert len(secs) == 1 and secs[0].get("cert") or xpath(secs[0], "tei:head/@cert"), texts(root, "//tei:div[@type='section']/tei:head")
    assert texts(secs[0], ".//tei:figure/tei:head") == ["10月9日，城东小区居民在广场排练节目。"]
    assert "图片新闻" not in texts(root, "//tei:p")
    round_trips(docs, text)


# ------------------------------------------------- a photo set between a paragraph's halves (stop 32)

PAPER_PHOTO_BETWEEN = """松 原 报

2023年10月13日　星期五　　总第1342期　　今日二版

第一版　要闻

城西农贸市场改造完工

本报讯（记者 邢雨桐）10月10日，改造后的城西农贸市场重新开业。市场按照蔬菜、肉类、水产三个区域划分摊位，地面全部硬化，排水沟也重新
改造后的农贸市场干净整洁。
记者　邢雨桐　摄
进行了疏通。摊主们说，下雨天再也不用踩着泥水做生意了。

县里启动冬春水利建设

本报讯（记者 邢雨桐）10月11日，县里召开会议，部署今冬明春农田水利基本建设工作。

本版编辑：邢雨桐
"""


def test_a_photo_set_between_a_paragraphs_halves_keeps_them_one_paragraph():
    """A page's make-up may set a photo between the two halves of a paragraph: the first half
    stops mid-sentence (…排水沟也重新), the caption and its credit follow, the second half goes on
    (进行了疏通。…). Without blank lines the caption is no part of the first half (it ends a
    sentence over a photo credit alone), it is a ``<figure>``, and the halves are one paragraph by
    aggregation (TEI P5 §16.7: ``@next`` on the first ``p``, ``@prev`` on the second)."""
    for text in (PAPER_PHOTO_BETWEEN, PAPER_PHOTO_BETWEEN.replace("重新\n改造后", "重新\n\n改造后")
                 .replace("摄\n进行", "摄\n\n进行")):
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:figure/tei:head") == ["改造后的农贸市场干净整洁。"], texts(root, "//tei:figure/tei:head")
        first = xpath(root, "//tei:p[following-sibling::*[1][self::tei:figure]]")
        assert len(first) == 1 and "".join(first[0].itertext()).endswith("排水沟也重新"), texts(root, "//tei:p")
        second = xpath(root, "//tei:p[preceding-sibling::*[1][self::tei:figure]]")[0]
        assert first[0].get("next") == "#" + second.get(XML_ID) and second.get("prev") == "#" + first[0].get(XML_ID)
        assert "".join(second.itertext()).startswith("进行了疏通。")
        rng = own_schema()
        assert rng.validate(root), rng.error_log
        round_trips(docs, text)


def test_a_paragraph_ended_over_a_photo_is_not_linked_to_the_next():
    """A paragraph that ends its sentence over a photo, and a heading-like line over one, are not
    linked to the paragraph under the photo: only a half cut mid-sentence goes on."""
    text = PAPER_PHOTO_BETWEEN.replace("排水沟也重新\n", "排水沟也重新疏通。\n").replace("进行了疏通。摊主们说", "摊主们说")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:figure/tei:head") == ["改造后的农贸市场干净整洁。"]
    assert xpath(root, "//tei:p[@next or @prev]") == []
    round_trips(docs, text)


def test_a_wrapped_lead_in_line_with_its_credits_spaces_is_no_title():
    """A story's first line as wide as the wrap, opening with 本报讯 and its credit (``本报讯（记者　X
    通讯员　Y）连日``): the ideographic spaces inside the credit are no gap between a title's two
    halves; the line goes on with the text under it (an opener, no heading)."""
    text = ("松 原 报\n\n2023年10月13日　星期五　　总第1342期　　今日二版\n\n第一版　要闻\n\n全县早稻完成机插\n\n"
            "——机插率首次超过八成\n\n本报讯（记者　韦晓棠　通讯员　蒙家树）连日\n来，各村的田垄上，插秧机来回穿梭，一行行秧\n"
            "苗整齐地铺展开来。截至5月20日，全县早稻全\n部完成插秧，机插率达到81.3%，比去年提高\n了12个百分点，是历年来机插率最高的一年。\n\n"
            "本版编辑：邢雨桐\n")
    docs, _ = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:head")
    assert not any("本报讯" in h for h in heads), heads
    assert texts(root, "//tei:opener/tei:dateline") == ["本报讯"]
    assert texts(root, "//tei:div[@type='article']/tei:p")[0].startswith("连日来，各村"), texts(root, "//tei:p")
    round_trips(docs, text)


def test_a_title_a_contents_list_without_pages_names_is_a_line_of_its_own_in_wrapped_text():
    """A 本期要目 without page numbers, one title a line, names each item's title: in a text
    hard-wrapped with no blank lines and no markup, a title as wide as the wrap with prose marks
    (“网格化”) under its 【N】 number is still a line of its own, not the first line of the
    paragraph under it."""
    text = ("税收工作动态\n第6期（总第118期）\n某县税务局办公室编　　　　2026年7月10日\n本期要目\n"
            "上半年全县税收收入运行情况\n第三分局“网格化”服务破解偏远乡镇办税难题\n县局召开纳税服务工作座谈会\n"
            "【1】上半年全县税收收入运行情况\n上半年，全县累计组织税收收入近十亿元，同\n"
            "比增长四个百分点，完成年度计划的一半以上，\n分税种看，国内增值税增长六个百分点，企业\n"
            "所得税增长三个百分点，个人所得税有所下降，\n主要受汇算清缴退税增加影响，地方税种合计\n增长五个百分点。\n"
            "【2】第三分局“网格化”服务破解偏远乡镇办税难题\n第三税务分局辖区包括潆口、竹坞、上寨三个\n"
            "偏远乡镇，纳税人居住分散，距县城最远的有\n七十多公里，分局将辖区划分为九个服务网格\n，每个网格配备一名税务干部。\n"
            "【3】县局召开纳税服务工作座谈会\n七月三日，县局邀请县内二十户重点企业财务\n负责人座谈，听取对纳税服务的意见和建议，\n"
            "与会企业代表围绕出口退税、发票管理等提出\n意见建议十二条，县局逐条建立台账。\n")
    docs, _ = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert heads == ["【1】上半年全县税收收入运行情况", "【2】第三分局“网格化”服务破解偏远乡镇办税难题",
                     "【3】县局召开纳税服务工作座谈会"], heads
    assert any(p.startswith("第三税务分局辖区") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, text)


def test_an_issued_line_closed_by_a_print_run_ends_the_colophon():
    """GB/T 9704-2012 7.4.3: the 印发 line (the issuing office and the date, 印发); a series may
    close it with its print run (``…2025年6月9日印发　　　（共印120份）``). Its three parts apart by
    wide gaps are no table row: the line is the colophon's imprint (the date ``@when``), the print
    run its own ``ab``, and the 报/送 lines above are the distribution list, not paragraphs."""
    text = ("某县组工信息\n2025年第11期（总第203期）\n中共某县委组织部办公室　　　　2025年6月9日\n"
            "县委组织部选派年轻干部到基层一线锻炼\n"
            "近日，县委组织部从县直单位选派42名年轻干部，到乡镇和重点项目一线进行为期一年的实践锻炼。\n"
            "（县委组织部干部一科供稿）\n报：市委组织部。\n送：县委常委，县人大常委会党组书记，县政府党组书记。\n"
            "中共某县委组织部办公室　　　　2025年6月9日印发　　　（共印120份）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:back//tei:list[@type='distribution']/tei:label") == ["报：", "送："]
    assert xpath(root, "string(//tei:back//tei:ab[@type='imprint']/tei:date/@when)") == "2025-06-09"
    assert xpath(root, "string(//tei:back//tei:ab[@type='printRun']/tei:num/@value)") == "120"
    assert not any(p.startswith(("报：", "送：")) for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, text)


UNION_JOURNAL = """职 工 之 友

2024年第3期（总第40期）

某川县总工会编　　　　　　2024年9月

目　　录

县总工会召开基层工会主席培训会　　1
河湾的秋天（诗歌）　　2

【工作动态】

县总工会召开基层工会主席培训会

柯文涛（县总工会组织部）

9月5日，县总工会举办基层工会主席培训班，全县六十多名基层工会主席参加培训。

【文苑】

河湾的秋天

宁小禾（某川县第二中学）

芦苇白了头
风从堤上走过
一群麻雀
落在晒场边上

父亲把镰刀磨亮
说明天割稻
"""


def test_a_name_with_the_authors_unit_in_brackets_under_a_title_is_its_byline_and_a_poem_under_it_verse():
    """An author line printing the author's unit in round brackets after the name (作者单位:
    ``柯文涛（县总工会组织部）``, a body's or a school's name, :func:`convert.reader.names.is_signing_unit`)
    is the byline under its title, not the first paragraph; under a poem's title it opens the verse,
    so the short lines below are ``l`` in ``lg``, not one paragraph run together with title and
    author, nor a sub-heading. A title in brackets after a name that is no unit stays none."""
    docs, _ = read(UNION_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:byline") == ["柯文涛（县总工会组织部）", "宁小禾（某川县第二中学）"]
    assert texts(root, "//tei:body//tei:p")[0].startswith("9月5日")
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:body//tei:lg[@type='stanza']")] == [4, 2]
    assert not xpath(root, "//tei:body//tei:div[@type='subsection']")
    round_trips(docs, UNION_JOURNAL)
    from convert.reader.logical.roles import author_line
    for not_author in ("王家坝（续）", "李家村（二）", "张军（1923—1998）"):
        assert author_line(split_lines(not_author)[0]) is None, not_author


def test_a_contents_entry_with_a_genre_label_in_brackets_names_the_title_without_it():
    """A contents list prints a 文苑 piece's literary form in brackets after its title (``河湾的秋天
    （诗歌）``, ``（散文）``, ``（外一首）``); the head over the piece does not: the entry names that
    head (its ``ref`` points at the poem's division) and the head is taken on the list's word, no
    ``@cert``. A bracketed part that is no genre label (``（续）``) is still the title's."""
    for label in ("诗歌", "散文", "外一首"):
        text = UNION_JOURNAL.replace("河湾的秋天（诗歌）", f"河湾的秋天（{label}）")
        docs, _ = read(text)
        root = docs[0].root
        head = xpath(root, "//tei:body//tei:div[@type='article'][tei:lg]/tei:head")[0]
        assert nows(head.text) == "河湾的秋天" and head.get("cert") is None, label
        poem_id = head.getparent().get(XML_ID)
        refs = xpath(root, "//tei:div[@type='contents']//tei:ref/@target")
        assert f"#{poem_id}" in refs, (label, refs)
        round_trips(docs, text)
    from convert.reader.layout import without_genre_label
    assert without_genre_label("王家坝（续）") == "王家坝（续）"
    assert without_genre_label("（诗歌）") == "（诗歌）"


def test_bare_column_names_in_a_contents_list_name_the_columns_the_body_prints_in_brackets():
    """A journal's contents list groups its entries under the column names printed bare (``工作动态``),
    the body prints the same columns in 【】 (``【工作动态】``): each bare name is the list's column (its
    entries nested under it, its ``ref`` pointing at the body's section), not the first line of a
    wrapped entry glued to the title under it."""
    text = UNION_JOURNAL.replace("县总工会召开基层工会主席培训会　　1\n", "工作动态\n县总工会召开基层工会主席培训会　　1\n") \
        .replace("河湾的秋天（诗歌）　　2\n", "文苑\n河湾的秋天（诗歌）　　2\n")
    docs, _ = read(text)
    root = docs[0].root
    columns = xpath(root, "//tei:div[@type='contents']/tei:list/tei:item")
    assert [nows(xpath(c, "string(tei:ref)")) for c in columns] == ["工作动态", "文苑"]
    sections = xpath(root, "//tei:body/tei:div[@type='section']")
    assert [c.xpath("string(*[local-name()='ref']/@target)") for c in columns] == [f"#{s.get(XML_ID)}" for s in sections]
    assert texts(root, "//tei:div[@type='contents']/tei:list/tei:item/tei:list/tei:item/tei:ref") == [
        "县总工会召开基层工会主席培训会", "河湾的秋天（诗歌）"]
    round_trips(docs, text)


def test_a_name_with_the_authors_unit_in_brackets_tags_the_person_and_the_body():
    """In a byline ``柯文涛（县总工会组织部）`` the name (a common surname first) is a ``persName``
    and the unit in brackets, a body's name, an ``orgName`` (TEI P5 13.2); a school that is no
    office's name keeps its text untagged; no character moves."""
    docs, _ = read(UNION_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:byline/tei:persName") == ["柯文涛", "宁小禾"]
    assert texts(root, "//tei:body//tei:byline/tei:orgName") == ["县总工会组织部"]
    round_trips(docs, UNION_JOURNAL)


SCHOOL_PAPER = """# 荷　风

青石县实验中学主办　　　　内部资料　免费交流

2023年11月10日　星期五　　第5期（总第21期）　　本期2版

第一版　校园要闻

# 我校举行秋季田径运动会

本报讯（学生记者 陶一帆）11月2日至3日，我校第二十届秋季田径运动会在学校操场举行，全校四十个班的一千二百余名学生参加了比赛。

本次运动会共设二十六个项目，高一（2）班获团体总分第一名。

本版责编：陶一帆　　校对：卢晓

第二版　副刊

## 学生园地

# 一棵老槐树

初二（4）班　钟小雁

学校门口有一棵老槐树，听门卫说，它比学校的年纪还要大。每天上学，我都要从它下面走过。

夏天，它撑开一把绿伞；冬天，它落光了叶子，枝条在风里轻轻摇晃。

# 晚自习

◎ 高三（1）班　俞　帆

窗外的灯一盏一盏亮了
教室里只剩下翻书的声音
我抬起头
看见黑板上的倒计时

同桌递来一块橡皮
上面写着两个字
加油
我把它放进了笔袋

下课铃还没有响
月亮已经爬上了树梢
我们低下头
继续做完最后一道题

本版责编：卢晓　　校对：陶一帆
"""


def test_a_class_and_a_name_under_a_title_is_its_byline_and_an_author_mark_before_it_too():
    """A school paper signs a pupil's essay or poem with the class and the name (``初二（4）班　钟小雁``:
    the class, 班级, is the unit the pupil signs for, :data:`convert.reader.names.SCHOOL_CLASS_RE`);
    in a 副刊 the author line may carry the paper's author mark before it (``◎ 高三（1）班　俞　帆``).
    Either is the byline under its title: the title stays the article's head (not a section over
    an author line read as a head), and the poem's short lines are ``l`` in three ``lg``."""
    docs, _ = read(SCHOOL_PAPER)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:byline")[-2:] == ["初二（4）班钟小雁", "◎高三（1）班俞帆"]
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert "一棵老槐树" in heads and "晚自习" in heads
    assert not any("班" in h for h in texts(root, "//tei:body//tei:head"))
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:body//tei:lg[@type='stanza']")] == [4, 4, 4]
    round_trips(docs, SCHOOL_PAPER)
    from convert.reader.names import is_signing_unit
    for unit in ("高二（3）班", "初一3班", "七年级（2）班", "2022级（5）班"):
        assert is_signing_unit(unit), unit
    for not_unit in ("值班", "培训班", "高二"):
        assert not is_signing_unit(not_unit), not_unit


def test_a_paragraph_cut_before_its_first_clause_mark_by_a_photo_is_linked_across_it():
    """The make-up may set a photo between two halves of a paragraph cut before the first clause
    mark (``…由高一（2）班的陶然、卢青和初三（1）班的`` / caption / ``钟毅同学获得。…``): the half above
    holds no comma, but it ends in a word that cannot close a phrase (的, 和, 由 …) and shows a mark
    of prose (、), so it is running text and the two ``<p>`` are one paragraph by aggregation
    (``@next``/``@prev``, TEI P5 §16.7). A heading-like line ending so is not linked when it shows
    neither a prose mark nor twenty characters."""
    text = SCHOOL_PAPER.replace(
        "本次运动会共设二十六个项目，高一（2）班获团体总分第一名。",
        "本次运动会的男子三千米冠军由高一（2）班的陶然、卢青和初三（1）班的\n\n"
        "图为男子三千米比赛现场。　卢晓　摄\n\n"
        "钟毅三人并列获得。高一（2）班获团体总分第一名。")
    docs, _ = read(text)
    root = docs[0].root
    first = xpath(root, "//tei:body//tei:p[@next]")
    assert len(first) == 1 and nows("".join(first[0].itertext())).endswith("初三（1）班的")
    second = xpath(root, "//tei:body//tei:p[@prev]")
    assert len(second) == 1 and nows("".join(second[0].itertext())).startswith("钟毅三人")
    round_trips(docs, text)
    from convert.reader.logical.body import running_text
    assert not running_text("春天的") and not running_text("走进新时代的")


def test_a_masthead_sponsor_with_no_publishing_body_is_the_publisher_too():
    """A school paper's masthead names only the body that sponsors it (``青石县实验中学主办``), no 编印
    or 出版 body: that body issues the paper (内部资料 practice, as a colophon's 主办 with no 编印), so
    it is the imprint's ``publisher`` as well as the 主办 ``respStmt``."""
    docs, _ = read(SCHOOL_PAPER)
    monogr = xpath(docs[0].root, "//tei:sourceDesc/tei:biblStruct/tei:monogr")[0]
    assert [nows(p) for p in xpath(monogr, "tei:imprint/tei:publisher/text()")] == ["青石县实验中学"]
    assert texts(monogr, "tei:respStmt[tei:resp='主办']/tei:orgName") == ["青石县实验中学"]


def test_a_student_reporters_closing_credit_is_the_briefs_byline():
    """A school paper's briefs close with the credit of a student reporter (``（学生记者 卢青）``, of
    its 学生记者团; a newspaper's ``（小记者 X）``) as a news item closes with ``（记者 X）``: the
    credit is the brief's byline, the name a ``persName``, not the tail of its paragraph."""
    for word in ("学生记者", "小记者"):
        text = SCHOOL_PAPER.replace(
            "本版责编：陶一帆　　校对：卢晓",
            "■ 校园快讯\n\n"
            f"**高二年级举行诗歌朗诵会**　11月6日晚，高二年级在学校礼堂举行诗歌朗诵会，十六个班的同学登台朗诵。（{word} 卢青）\n\n"
            "**校园书屋开放**　本周起，学校在图书馆一楼开设校园书屋，每天中午向全校学生开放。（通讯员 陶一帆）\n\n"
            "本版责编：陶一帆　　校对：卢晓")
        docs, _ = read(text)
        root = docs[0].root
        brief = [d for d in xpath(root, "//tei:div[@type='brief']") if texts(d, "tei:head") == ["高二年级举行诗歌朗诵会"]]
        assert brief and texts(brief[0], "tei:byline") == [f"（{word}卢青）"], word
        assert texts(brief[0], "tei:byline/tei:persName") == ["卢青"]
        round_trips(docs, text)


def test_a_brief_columns_name_over_a_wrapped_brief_after_a_page_break_is_a_section():
    """A brief-news column's name (``■ 校园快讯``) opens a page of a hard-wrapped copy, right under the
    running head, and the wrap left its first brief's first line without a clause mark (the run-in head, a
    gap, a date cut: ``高二年级举行诗歌朗诵会　11月6日至10``, which the unwrapping ends: two phrases
    apart by a gap): the line under the name is read as a
    brief by its role, whatever its width, so the name is the column's section heading, as in the
    unwrapped text, not a paragraph."""
    text = (SCHOOL_PAPER.split("第一版")[0] +
            "我校举行秋季田径运动会\n\n"
            "本报讯（学生记者 陶一帆）11月2日至3日，我校第二十届秋季田径运动会在学校操\n"
            "场举行，全校四十个班的一千二百余名学生参加了比赛。\n\n"
            "本次运动会共设二十六个项目，高一（2）班获团体总分第一名。\n\n"
            "— 1 —\n\f荷风　2023年11月10日\n"
            "■ 校园快讯\n\n"
            "高二年级举行诗歌朗诵会　11月6日至10\n"
            "日，高二年级在学校礼堂举行诗歌朗诵会，十六个班\n的同学登台朗诵。（通讯员 卢青）\n\n"
            "校园书屋开放　本周起，学校在图书馆一楼开设校园书屋，每\n天中午向全校学生开放。（通讯员 陶一帆）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["■校园快讯"]
    assert texts(root, "//tei:div[@type='section']/tei:div[@type='brief']/tei:head") == ["高二年级举行诗歌朗诵会", "校园书屋开放"]
    round_trips(docs, text)


_WRAPPED_PHOTO_STORY = (
    "县融媒体中心　主办\n2023年9月8日　星期五　第12期（总第88期）\n"
    "第一版　要闻\n"
    "县农机推广站开展秋收机具检修服务\n"
    "本报讯（记者 卢青）9月5日，县农机推广站组织技术人员深入各\n"
    "乡镇，为农户免费检修收割机、拖拉机等秋收机具，确保秋收\n"
    "顺利进行。\n"
    "这次检修服务由站里的老技师陶然、钟毅和刚参加工作的\n"
    "{caption}"
    "年轻技术员共同承担。他们走村入户，逐台检查机具的发动机、\n"
    "传动系统和割台，当场更换磨损零件，并向农户讲解日常保养\n"
    "要点。截至目前，已检修各类农机具三百余台。\n"
    "本版责编：卢青\n")


def test_a_photo_caption_with_its_credit_wrapped_or_on_one_line_stands_between_the_paragraphs_halves():
    """In a hard-wrapped copy without blank lines, a photo's caption set between two halves of a
    paragraph is told from the text around it when its credit stands on its line, though the
    wrap cut it (``…机具。　记者`` / ``卢青　摄``: the two parts together a credit alone), or when
    the whole caption and its credit are one line that opens as captions open (``图为…。　记者 卢青 摄``):
    the half above ends before the caption (not joined into it), the caption is a ``figure``, and
    the two halves are one paragraph by aggregation (``@next``/``@prev``)."""
    for caption in ("图为技术人员在检修收割机的割台和传动机具。　记者\n卢青　摄\n",
                    "图为技术人员在检修收割机。　记者 卢青 摄\n"):
        text = _WRAPPED_PHOTO_STORY.format(caption=caption)
        docs, _ = read(text)
        root = docs[0].root
        assert [nows("".join(h.itertext())) for h in xpath(root, "//tei:figure/tei:head")][:1] == [
            nows(caption.split("。")[0] + "。")], caption
        first = xpath(root, "//tei:body//tei:p[@next]")
        assert len(first) == 1 and nows("".join(first[0].itertext())).endswith("刚参加工作的"), caption
        round_trips(docs, text)


def test_an_editors_afterword_stands_outside_the_last_column_and_its_signature_is_its_byline():
    """An 编后记 (the editors on the whole issue) after the last column's pieces is no piece of
    that column, and its signature 本刊编辑部 alone under its last sentence, no date under it, is its
    closing byline, not a paragraph."""
    text = ("某岭文史资料\n\n2023年第2期（总第31期）\n\n【往事钩沉】\n\n老渡口\n\n文／郑如兰\n\n"
            "    老渡口在城东，清末就有了渡船。一九五八年修了桥，渡口才废。\n\n"
            "    如今渡口旧址还能看到几级石阶。\n\n编后记\n\n"
            "    本期编发的稿件，两篇是亲历者的回忆，一篇是对一处老渡口的追记。\n\n"
            "    欢迎各界人士继续向本刊提供线索和稿件。\n\n\n本刊编辑部\n\n主　　办：政协某岭县委员会\n"
            "印　　数：800册\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='section']//tei:div[@type='article']/tei:head") == ["老渡口"]
    after = xpath(root, "//tei:body/tei:div[@type='article'][tei:head='编后记']")
    assert len(after) == 1, texts(root, "//tei:body//tei:head")
    assert texts(after[0], "tei:byline") == ["本刊编辑部"]
    assert "本刊编辑部" not in texts(root, "//tei:p")
    round_trips(docs, text)


YOUTH_BRIEFING = """内部资料
注意保存

妇 联 工 作 简 报

第3期（总第41期）

某岭县妇女联合会　　　　　　　　2025年4月10日

【工作安排】

**县妇联部署春季家庭教育宣传周活动**

\t4月2日，县妇联召开家庭教育宣传周工作会，各乡镇妇联主席参加。会议要求各地在4月底前完成宣传活动，5月上旬报送总结。

【各地信息】

**东坪镇开办“巧手课堂”**　东坪镇妇联联合镇文化站开办“巧手课堂”，每周三晚教授编织、刺绣等手艺，首期学员达52人。（东坪镇妇联）

**西川乡组建巾帼志愿服务队**　西川乡妇联组建巾帼志愿服务队2支，帮助留守老人打扫庭院、代购生活用品，累计服务46户。（西川乡妇联）

**县医院妇委会开展健康义诊**　县医院妇委会组织女医生到3个村开展义诊，为妇女免费测量血压、讲解保健知识，服务群众210人次。（县医院妇委会）

---

报：市妇联，县委、县政府分管领导。
送：县委办公室，县政府办公室。
发：各乡镇妇联，县直各妇委会。

---

某岭县妇女联合会办公室　　　　　　　　（共印40份）
"""


def test_an_issued_line_without_a_date_closed_by_a_print_run_is_the_colophons_imprint():
    """GB/T 9704-2012 7.4.3: the 印发 line names the issuing office (and the date); a briefing
    that leaves the date out closes it with the print run (``某岭县妇女联合会办公室　　（共印40份）``).
    Under the 报/送/发 lines it is the colophon's imprint (the office an ``orgName``), the print
    run its own ``ab``; never a heading, and the distribution lines are no paragraphs. (Failed
    before: the line was an article heading, and the colophon was not found.)"""
    docs, _ = read(YOUTH_BRIEFING)
    root = docs[0].root
    assert texts(root, "//tei:back//tei:ab[@type='imprint']/tei:orgName") == ["某岭县妇女联合会办公室"]
    assert xpath(root, "string(//tei:back//tei:ab[@type='printRun']/tei:num/@value)") == "40"
    assert texts(root, "//tei:back//tei:list[@type='distribution']/tei:label") == ["报：", "送：", "发："]
    assert not any("办公室" in h for h in texts(root, "//tei:body//tei:head"))
    round_trips(docs, YOUTH_BRIEFING)


def _column_briefs(root) -> list[str]:
    return texts(root, "//tei:div[@type='section']/tei:div[@type='brief']/tei:head")


def test_bold_run_in_heads_in_a_column_whose_items_share_the_form_are_brief_items():
    """A column not named as a brief column (【各地信息】) whose paragraphs each open with a bold
    run-in head, an ideographic space and running text: each is an item with its own head
    (``div type="brief"`` inside the column), the column kept.
    (Failed before: the items were paragraphs of one untitled article.)"""
    docs, _ = read(YOUTH_BRIEFING)
    root = docs[0].root
    assert _column_briefs(root) == ["东坪镇开办“巧手课堂”", "西川乡组建巾帼志愿服务队", "县医院妇委会开展健康义诊"]
    assert texts(root, "//tei:div[@type='brief']/tei:p")[0].startswith("东坪镇妇联联合镇文化站")
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["【工作安排】", "【各地信息】"]
    round_trips(docs, YOUTH_BRIEFING)


def test_without_markup_title_shaped_runs_before_a_gap_in_a_column_sharing_them_are_brief_heads_with_cert():
    """The bold gone: a title-shaped run (no clause punctuation), an ideographic space, running
    text, opening two paragraphs or more of one column: brief items, their heads ``@cert="medium"``
    (the shape is the only evidence). One paragraph of that shape alone in its column is no
    brief. (Failed before: no brief was found.)"""
    text = YOUTH_BRIEFING.replace("**", "")
    docs, _ = read(text)
    root = docs[0].root
    assert _column_briefs(root) == ["东坪镇开办“巧手课堂”", "西川乡组建巾帼志愿服务队", "县医院妇委会开展健康义诊"]
    assert [h.get("cert") for h in xpath(root, "//tei:div[@type='brief']/tei:head")] == ["medium"] * 3
    round_trips(docs, text)
    lone = re.sub(r"\n\n西川乡组建.*?\n\n县医院.*?（县医院妇委会）", "", text, flags=re.S)
    assert "西川乡" not in lone
    docs, _ = read(lone)
    assert _column_briefs(docs[0].root) == []
    round_trips(docs, lone)


def test_a_brief_item_wrapped_after_its_head_and_first_words_goes_on_and_is_no_running_head_after_a_folio():
    """Hard-wrapped without markup: an item's first line (head, gap, first words) stops without
    clause punctuation, which alone reads like a title in two halves; in a column whose items
    share the run-in form the next line goes on with it. After a folio and a page break, that
    first line as wide as a wrapped line, running text under it, is no running head printed once
    (a running head is a title and an issue, not a full measure). (Failed before: the first line
    was a heading, or furniture.)"""
    items = [
        "东坪镇开办“巧手课堂”　东坪镇妇联联合镇文化站开办“巧手课堂”，每周三晚教授编织、刺绣等手艺，首期学员达52人，反响很好。（东坪镇妇联）",
        "西川乡组建巾帼志愿服务队　西川乡妇联组建巾帼志愿服务队2支，帮助留守老人打扫庭院、代购生活用品，累计服务46户，受到好评。（西川乡妇联）",
        "县医院妇委会开展健康义诊活动　县医院妇委会组织女医生到3个村开展义诊活动，为妇女免费测量血压、讲解保健知识，服务群众210人次。（县医院妇委会）",
    ]
    width = 22

    def wrap(par: str) -> list[str]:
        return [par[k : k + width] for k in range(0, len(par), width)]

    lead = ("\t4月2日，县妇联召开家庭教育宣传周工作会，各乡镇妇联主席参加。会议要求各地在4月底前完成宣传活动，"
            "5月上旬报送总结；各乡镇要结合实际，制定方案，抓好落实，确保实效，并及时报送活动信息和图片资料。")
    body = wrap(items[0]) + wrap(items[1]) + ["- 1 -", "\f" + wrap(items[2])[0]] + wrap(items[2])[1:]
    head = YOUTH_BRIEFING.split("【工作安排】")[0].replace("**", "")
    text = (head + "【工作安排】\n\n县妇联部署春季家庭教育宣传周活动\n\n" + "\n".join(wrap(lead)) + "\n\n【各地信息】\n\n"
            + "\n".join(body) + "\n\n报：市妇联，县委、县政府分管领导。\n发：各乡镇妇联，县直各妇委会。\n\n"
            "某岭县妇女联合会办公室　　　　（共印40份）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert _column_briefs(root) == ["东坪镇开办“巧手课堂”", "西川乡组建巾帼志愿服务队", "县医院妇委会开展健康义诊活动"]
    assert not xpath(root, "//tei:fw[@type='header']")
    round_trips(docs, text)


def test_a_line_of_label_and_phone_number_fields_is_no_heading():
    """``投诉举报电话：12315　　县局某某股：0739-8270000`` closing a piece: a line of label：value
    fields whose values are phone numbers (the 版记's label：value lay-out, GB/T 9704-2012 7.4)
    is never a title, even hard-wrapped inside a number. (Failed before: an article heading.)"""
    text = ("市场监管信息\n第5期（总第30期）\n某水县市场监督管理局　　　　2025年3月20日\n"
            "春季消费提示\n"
            "近期，我局接到多起关于预付卡消费的投诉。提醒广大消费者理性消费，保存好票据，\n"
            "发现问题及时投诉。\n"
            "投诉举报电话：12315　　县局消费者权益保护股：0739-8\n270000\n"
            "县局开展春季食品安全检查\n"
            "3月以来，县局组织执法人员对全县农贸市场、超市开展食品安全检查，共检查经营户86户。\n"
            "报：市市场监管局。\n送：县委办公室，县政府办公室。\n某水县市场监督管理局办公室　　　　2025年3月20日印发\n")
    docs, _ = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:body//tei:head")
    assert heads == ["春季消费提示", "县局开展春季食品安全检查"], heads
    round_trips(docs, text)


def test_two_notice_lines_over_the_next_issues_title_open_that_issue():
    """GB/T 9704-2012 7.2.1: the 版头's notices (密级, 注意保存 …) stand one under another at its
    top; where a file holds two issues, both lines (``内部资料`` / ``注意保存``) over the second
    issue's title open that issue, not only the lower one. (Failed before: ``内部资料`` stayed at
    the end of the first issue.)"""
    second = YOUTH_BRIEFING.replace("第3期（总第41期）", "第4期（总第42期）").replace("2025年4月10日", "2025年4月25日")
    text = YOUTH_BRIEFING + "\n- 2 -\n\f" + second
    docs, _ = read(text)
    assert len(docs) == 2
    notices = [texts(d.root, "//tei:front//tei:note[@type='notice']") for d in docs]
    assert notices == [["内部资料", "注意保存"], ["内部资料", "注意保存"]], notices
    assert not xpath(docs[0].root, "//tei:back//tei:ab[@type='notice']")
    round_trips(docs, text)


def test_a_brief_items_closing_credit_of_a_unit_alone_is_its_byline():
    """A 动态 item signed by the unit that sent it, in brackets after its last sentence
    (``…首期学员达52人。（东坪镇妇联）``, 署名 at the item's end): in a brief item the credit is
    a ``byline`` after the paragraph (TEI divBottom), not the paragraph's text. (Failed before: no
    brief item, and the credit stayed in the paragraph.)"""
    docs, _ = read(YOUTH_BRIEFING)
    root = docs[0].root
    bylines = texts(root, "//tei:div[@type='brief']/tei:byline[preceding-sibling::tei:p]")
    assert bylines == ["（东坪镇妇联）", "（西川乡妇联）", "（县医院妇委会）"], bylines
    assert all(p.endswith("。") for p in texts(root, "//tei:div[@type='brief']/tei:p"))
    round_trips(docs, YOUTH_BRIEFING)


def test_a_folio_naming_a_cover_page_is_furniture():
    """A journal prints its contents on the inside front cover, whose folio names the cover page
    in the folio's marks (``· 封二 ·``: 封一/封二/封三/封四 are a journal's cover pages) where the
    other pages print a number (``· 1 ·``): a folio, furniture like ``· 1 ·``, not a heading or a
    paragraph. (Failed before: ``· 封二 ·`` stayed a line of text.)"""
    text = ("某溪文艺\n\n2025年第1期（总第9期）\n\n目　　录\n\n春耕图……………………1\n\n"
            "· 封二 ·\n某溪文艺　2025年第1期\n\n春耕图\n\n文／林　木\n\n"
            "三月的田野刚刚醒来，村里的人们已经赶着耕牛下地了。\n\n"
            "· 1 ·\n2025年第1期　某溪文艺\n\n傍晚收工的时候，田埂上响起了一阵阵笑声。\n")
    docs, _ = read(text)
    root = docs[0].root
    fws = [(f.get("type"), "".join(f.itertext()).strip()) for f in xpath(root, "//tei:text//tei:fw")]
    assert ("pageNum", "· 封二 ·") in fws and ("pageNum", "· 1 ·") in fws, fws
    assert "·封二·" not in texts(root, "//tei:p") + texts(root, "//tei:head")
    round_trips(docs, text)


VERSE_THEN_ESSAY = """某溪电力

2025年3月7日　星期五

第5期（总第120期）　今日2版

第1版　要闻

变电站完成春检

本报讯（通讯员 何川）3月5日，某溪变电站完成春季检修，消除设备缺陷12处。

本版编辑：林木　校对：白沙

第2版　副刊

春　汛

灯火
◎ 石青

山那边起了风
河水漫过石桥
他提着马灯
走进雨里

屋檐下的人们
等着那一盏光
从坡上亮起
一直亮到天明

老屋的门槛

老屋的门槛是一块青石，被几代人的脚磨得发亮。小时候我常坐在上面等父亲下班回家。

后来老屋翻修，青石被搬到了院子里，我每次回去都要在上面坐一会儿。

□ 许明（某南供电所）

本版编辑：方舟　校对：白沙
"""


def test_a_short_line_after_a_poem_with_prose_under_it_is_the_next_pieces_title():
    """A 副刊 prints a poem (title, author line, stanzas) and then an essay under its own title:
    the short line of heading shape that stands apart after the last stanza, with running text
    under it, is the essay's title (a heading with ``@cert``), not the poem's last line; blank
    lines gone, the same holds on weaker evidence. A poem's last line under its stanza stays a
    line. (Failed before: ``老屋的门槛`` was the poem's ninth line.)"""
    for text in (VERSE_THEN_ESSAY, re.sub(r"\n\n+", "\n", VERSE_THEN_ESSAY)):
        docs, _ = read(text)
        root = docs[0].root
        heads = xpath(root, "//tei:div[@type='article']/tei:head")
        assert [nows("".join(h.itertext())) for h in heads][-2:] == ["灯火", "老屋的门槛"], texts(root, "//tei:head")
        assert heads[-1].get("cert") in ("low", "medium")
        lines = texts(root, "//tei:lg[@type='poem']//tei:l")
        assert len(lines) == 8 and lines[-1] == "一直亮到天明", lines
        round_trips(docs, text)


def _wrap_at(text: str, width: int = 20) -> str:
    return "\n".join(text[k : k + width] for k in range(0, len(text), width))


def test_a_title_as_wide_as_the_wrap_after_an_issue_level_editors_note_is_no_first_line():
    """A briefing's issue-level editor's note (按：…, GB/T 9704 主体 before the report it
    introduces) opens the body and ends its sentence; the report's title follows it. Hard-wrapped
    with no blank lines, a title exactly as wide as the wrap is no prose line cut by the wrap: it
    stays a heading (``@cert``), not run into the text under it. (Failed before: the title was
    joined to the report's first paragraph.)"""
    note = ("按：今年以来，县统计局把农村住户调查作为重点工作，对全县七个乡镇的调查户开展了全面复核，"
            "发现的问题已交有关乡镇整改。现将情况刊发，请各乡镇对照检查，认真做好下一阶段工作。")
    title = "某川县农村住户调查数据质量专项核查情况"
    first = ("今年三月至四月，县统计局组成核查组，采取查阅台账、入户走访和电话回访相结合的方式，"
             "对全县七个乡镇的调查户记账情况进行了核查，共走访农户一百二十户。")
    second = ("全县共有调查户三百六十户，其中按时记账的有三百二十户，记账规范的有二百九十户，"
              "少数调查户存在补记、漏记的情况，个别调查员对记账要求讲解不够。")
    text = ("内部资料\n统 计 工 作 简 报\n第2期（总第18期）\n某川县统计局编印　　　　2025年5月6日\n"
            + _wrap_at(note) + "\n" + title + "\n" + _wrap_at(first) + "\n一、基本情况\n" + _wrap_at(second) + "\n")
    docs, _ = read(text)
    root = docs[0].root
    heads = xpath(root, "//tei:div[@type='article']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == [title]
    assert heads[0].get("cert") in ("low", "medium")
    assert not any(p.startswith(title) for p in texts(root, "//tei:p"))
    round_trips(docs, text)


def test_a_副刊_piece_signed_at_its_foot_with_an_author_mark_has_its_byline_there():
    """The essay of a 副刊 signed under its last sentence as its author lines are marked
    (``□ 许明（某南供电所）``: mark, name, the author's unit in brackets), nothing but the page
    credit after it: the piece's closing byline (署名 at the foot, TEI divBottom), not a paragraph.
    (Failed before: it stayed a paragraph of the essay.)"""
    docs, _ = read(VERSE_THEN_ESSAY)
    root = docs[0].root
    essay = xpath(root, "//tei:div[@type='article'][tei:head[contains(., '老屋的门槛')]]")[0]
    assert texts(essay, "tei:byline[preceding-sibling::tei:p]") == ["□许明（某南供电所）"]
    assert not any("许明" in p for p in texts(essay, "tei:p"))
    round_trips(docs, VERSE_THEN_ESSAY)


def test_a_photo_caption_cut_by_the_wrap_before_its_sentence_ends_stands_between_the_paragraphs_halves():
    """A caption that opens as captions open (``图为…``) cut by the wrap before its sentence ends,
    its end and its credit on the next line (``图为…为农户检修`` / ``收割机的割台。　记者 卢青 摄``):
    the paragraph's half above ends before it (not joined into it), the caption is a ``figure`` and
    the two halves one paragraph by aggregation. (Failed before: the caption's first line was run
    into the half above.)"""
    caption = "图为县农机推广站的技术人员正在田间地头为农户检修\n收割机的割台。　记者 卢青 摄\n"
    text = _WRAPPED_PHOTO_STORY.format(caption=caption)
    docs, _ = read(text)
    root = docs[0].root
    assert [nows("".join(h.itertext())) for h in xpath(root, "//tei:figure/tei:head")][:1] == ["图为县农机推广站的技术人员正在田间地头为农户检修收割机的割台。"]
    first = xpath(root, "//tei:body//tei:p[@next]")
    assert len(first) == 1 and nows("".join(first[0].itertext())).endswith("刚参加工作的")


NUMBERED_BRIEFING = """        内部资料

        农机工作简讯

        第3期（总第21期）

        某川县农业机械服务中心            2023年4月10日


              春耕动态

    1.县农机中心召开春耕农机保障会　4月3日，县农机中心召开春
耕农机保障会，部署全县农机检修和作业调度工作，各乡镇农机站站
长参加会议。
    2.农机检修服务队下乡　3月下旬起，县农机中心组建3支检修服
务队，深入12个乡镇为农户检修拖拉机、插秧机等机具260台，现场
更换零配件400余件。
    3.新型育秧设备投入使用　县农机合作社引进的2套育秧流水线
已投入使用，每天可播种育秧盘8000张，满足周边3个村的育秧需求。

              安全生产

    4.农机安全生产检查全面开展　4月以来，县农机中心联合交警部
门开展农机安全检查，检查拖拉机310台，纠正违章行为27起。
    5.驾驶人培训班开班　4月8日，县农机中心举办拖拉机驾驶人培训
班，45名驾驶人参加学习。


报：市农机服务中心，县委、县政府分管领导。
发：各乡镇农机站。

编辑：某某　　　　（共印60份）
"""


def test_a_numbered_run_of_items_with_run_in_titles_is_a_run_of_brief_items_under_their_columns():
    """A 简讯 whose items each open with a number (1. 2. …, GB/T 15834 B.3.8 third level), a
    title-shaped run, an ideographic space and the item's one paragraph, in every item of the run:
    each a ``div type="brief"`` whose label is the number and whose head is the run-in title
    (@cert), not a sub-heading nor a plain paragraph; the short plain lines over them (春耕动态)
    are their columns. Hard-wrapped without blank lines, the item's text goes on past its first
    line. (Failed before: the items were paragraphs, one of them a heading, the column names
    article headings.)"""
    docs, _ = read(NUMBERED_BRIEFING)
    root = docs[0].root
    heads = xpath(root, "//tei:div[@type='section']/tei:div[@type='brief']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == [
        "1.县农机中心召开春耕农机保障会", "2.农机检修服务队下乡", "3.新型育秧设备投入使用",
        "4.农机安全生产检查全面开展", "5.驾驶人培训班开班"]
    assert texts(root, "//tei:div[@type='brief']/tei:head/tei:label") == ["1.", "2.", "3.", "4.", "5."]
    assert all(h.get("cert") for h in heads)
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["春耕动态", "安全生产"]
    assert texts(root, "//tei:div[@type='brief']/tei:p")[0].endswith("各乡镇农机站站长参加会议。")
    assert not xpath(root, "//tei:div[@type='subsection']")
    round_trips(docs, NUMBERED_BRIEFING)


def test_a_numbered_run_with_one_item_of_another_shape_is_no_run_of_briefs():
    """The run-in form must hold in every item of the numbered run: one item run into its text
    after 。 (``3.新型育秧设备投入使用。县…``) and no item of the run is read as a brief."""
    text = NUMBERED_BRIEFING.replace("新型育秧设备投入使用　", "新型育秧设备投入使用。")
    docs, _ = read(text)
    root = docs[0].root
    assert not [h for h in texts(root, "//tei:div[@type='brief']/tei:head") if h[:2] in ("1.", "2.", "3.")]
    round_trips(docs, text)


def test_a_numbered_brief_item_whose_first_line_a_wrap_cut_at_or_inside_its_title_is_joined_again():
    """Narrowly re-wrapped, an item's first line may end at its title's gap (``2.农机检修服务队下乡　``),
    or inside its title, the title's last words, the gap and the text opening the next line
    (``3.新型育秧设备投`` / ``入使用　县农机…``): the next line goes on with the item, and the run
    keeps its form in every item (no item left a sub-heading or a heading). (Failed before: the
    cut items broke the run; no item was a brief.)"""
    text = NUMBERED_BRIEFING.replace(
        "    2.农机检修服务队下乡　3月下旬起，县农机中心组建3支检修服\n",
        "    2.农机检修服务队下乡　\n3月下旬起，县农机中心组建3支检修服\n").replace(
        "    3.新型育秧设备投入使用　县农机合作社引进的2套育秧流水线\n",
        "    3.新型育秧设备投\n入使用　县农机合作社引进的2套育秧流水线\n")
    docs, _ = read(text)
    root = docs[0].root
    assert _column_briefs(root) == [
        "1.县农机中心召开春耕农机保障会", "2.农机检修服务队下乡", "3.新型育秧设备投入使用",
        "4.农机安全生产检查全面开展", "5.驾驶人培训班开班"]
    assert texts(root, "//tei:div[@type='brief']/tei:p")[2].startswith("县农机合作社引进")
    round_trips(docs, text)


def test_a_folio_of_page_and_page_count_between_dashes_centred_by_tabs_is_furniture():
    """A folio printing the page and the page count between dashes (``- 1/2 -``, as ``第1页 共2页``),
    centred by tabs at the page foot, is page furniture (TEI P5 §11.6 ``fw``), not a bulleted line
    whose ``1/2 -`` goes on the paragraph cut above it; the running head with a tab inside after
    the form feed is furniture too, and the cut paragraph goes on across both. (Failed before:
    ``1/2 -`` ran on in the paragraph, the dash lost as a bullet.)"""
    text = ("某某信息\n\n第3期\n\n某某县农业农村局　　　　　　2024年3月5日\n\n"
            "全县春耕备耕工作有序推进\n\t近日，县农业农村局组织技术人员深入各乡镇指导春耕，"
            "共发放良种两百吨、化肥三百吨，培训农民一千余人次，\n\n\t\t\t\t- 1/2 -\n"
            "\f某某信息\t2024年第3期\n\n各乡镇春耕生产进度总体快于上年。\n（县农业农村局供稿）\n\n"
            "抄送：县委办公室，县政府办公室。\n某某县农业农村局办公室　　　　2024年3月5日印发\n\t\t\t\t- 2/2 -\n")
    docs, _ = read(text)
    root = docs[0].root
    fws = texts(root, "//tei:fw")
    assert "-1/2-" in fws and "-2/2-" in fws and "某某信息2024年第3期" in fws, fws
    paras = texts(root, "//tei:body//tei:p")
    assert any("一千余人次，" in p and "-1/2-" in p and p.endswith("各乡镇春耕生产进度总体快于上年。") for p in paras), paras
    round_trips(docs, text)


def test_a_paragraph_cut_after_a_semicolon_goes_on_where_the_next_page_opens_unindented():
    """A semicolon is a mark inside a sentence (GB/T 15834-2011 4.6, 句内点号); in a body whose
    paragraphs open with a first-line indent (here one tab, a word processor's indent), a page
    that opens with running text not indented after a paragraph ending in ``；`` goes on with
    that paragraph (weak: ``@cert`` medium, the warning names the line); a page that opens
    indented starts a new paragraph. (Failed before: a tab was no indent, and the cut paragraph
    ended at the semicolon.)"""
    def text(indent: str) -> str:
        return ("某某信息\n\n第5期\n\n某某县农业农村局　　　　　　2024年5月6日\n\n"
                "全县夏粮收购工作启动\n\t今年全县夏粮收购工作于5月20日启动，县里设立收购网点十二个。\n"
                "\t收购价格执行国家最低收购价，各网点不得压级压价。\n"
                "\t各网点收购时间为每天早八点至晚六点，农户可以就近交售；\n\n\t\t\t\t- 1/2 -\n"
                f"\f某某信息\t2024年第5期\n\n{indent}交售数量较大的，可提前预约上门收购。\n（县粮食服务中心供稿）\n\n"
                "抄送：县委办公室，县政府办公室。\n某某县农业农村局办公室　　　　2024年5月6日印发\n\t\t\t\t- 2/2 -\n")
    joined, warnings = read(text(""))
    paras = texts(joined[0].root, "//tei:body//tei:p")
    assert len(paras) == 3 and paras[-1].startswith("各网点") and paras[-1].endswith("上门收购。"), paras
    assert xpath(joined[0].root, "//tei:body//tei:p[@cert='medium']")
    assert any("交售数量较大的" in w for w in warnings), warnings
    round_trips(joined, text(""))
    apart, _ = read(text("\t"))
    paras = texts(apart[0].root, "//tei:body//tei:p")
    assert len(paras) == 4 and paras[2].endswith("就近交售；"), paras
    round_trips(apart, text("\t"))


def test_a_question_over_the_pairs_of_a_question_and_answer_piece_is_its_title():
    """A 问答 piece (政策问答) titled by a label, a colon and one question
    (``政策答疑：医保卡丢了怎么办？``, a question mark at its end, an enumeration comma inside)
    over its 问：/答： pairs (half-width ``问:`` too) is an article with that title (``@cert``),
    its pairs paragraphs; a question asked in running text, with no boundary and no label
    before it, is no title. (Failed before: the question mark made the line running text.)"""
    text = ("某某信息\n\n第2期\n\n某某县医疗保障局　　　　　　2024年2月6日\n\n【政策解读】\n\n"
            "县医保局推行医保业务网上办\n\t近日，县医保局开通网上办事大厅，参保登记等十项业务可以在网上办理。\n"
            "\t开通首月，网上共办理各类业务三百余件。\n（县医疗保障局办公室供稿）\n\n"
            "政策答疑：医保卡丢了、坏了怎么办？\n\t问：医保卡丢了怎么办？\n\t答：可以先打电话挂失，再到医保服务站补办。\n"
            "\t问:补办要花钱吗？\n\t答:不收费，当场就能领卡。\n\n"
            "抄送：县委办公室，县政府办公室。\n某某县医疗保障局办公室　　　　2024年2月6日印发\n")
    docs, warnings = read(text)
    root = docs[0].root
    heads = xpath(root, "//tei:div[@type='article']/tei:head")
    assert [nows("".join(h.itertext())) for h in heads] == ["县医保局推行医保业务网上办", "政策答疑：医保卡丢了、坏了怎么办？"]
    assert heads[1].get("cert") == "high"
    paras = texts(root, "//tei:div[@type='article'][2]//tei:p")
    assert paras[0] == "问：医保卡丢了怎么办？" and len(paras) == 4, paras
    round_trips(docs, text)
    asked = text.replace("\t开通首月，网上共办理各类业务三百余件。\n", "\t开通首月，网上共办理各类业务三百余件。\n群众最关心哪些业务？\n\t问：能办哪些业务？\n\t答：参保登记、异地就医备案等。\n")
    docs, _ = read(asked)
    heads = texts(docs[0].root, "//tei:div[@type='article']/tei:head")
    assert "群众最关心哪些业务？" not in heads, heads
    round_trips(docs, asked)


# a paper hard-wrapped at 24, no blank lines, paragraphs opened by 段首空两字, pages apart by bare
# form feeds; its jump lines printed bare on lines of their own (下转第二版 / 上接第一版)
PAPER_BARE_JUMP = (
    "某溪周报\n第7期（总第90期）　　2024年6月3日　星期一　　本期4版\n"
    "第一版　要闻\n"
    "全县夏粮收购有序推进\n"
    "　　本报讯（记者 林风）6月1日，全县夏粮收购工作全面启\n"
    "动。县粮食服务中心在各乡镇设立收购点，开秤首日共\n"
    "下转第二版\n"
    "本版编辑：林风　校对：石岚\n"
    "\f第二版　综合\n"
    "全县夏粮收购有序推进\n"
    "上接第一版\n"
    "　　收购小麦三百余吨。各收购点实行预约交售，农户可\n"
    "以就近交售。\n"
    "本版编辑：林风　校对：石岚\n")


def test_a_bare_jump_line_is_a_continuation_note_never_joined_nor_a_heading():
    """A jump line printed bare on a line of its own (``下转第二版`` under the cut text,
    ``上接第一版`` under the continued part's repeated head; newspaper practice, 转版) is a
    continuation note: the text above it stopped mid-sentence yet does not run on into it, the
    head above the back jump is the continued part's head alone, and the two parts are @part I
    and F, linked. (Failed before: the bare lines were neither notes nor line ends — 下转第二版 ran
    into the paragraph, and the repeated head and 上接第一版 were read as one heading.)"""
    docs, _ = read(PAPER_BARE_JUMP)
    root = docs[0].root
    notes = texts(root, "//tei:body//tei:note[@type='continuation']")
    assert notes == ["下转第二版", "上接第一版"], notes
    parts = xpath(root, "//tei:body//tei:div[@type='article']")
    assert [d.get("part") for d in parts] == ["I", "F"]
    assert parts[1].get("prev") == "#" + parts[0].get(XML_ID)
    assert texts(parts[1], "tei:head") == ["全县夏粮收购有序推进"]
    assert not any("下转" in p or "上接" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, PAPER_BARE_JUMP)


# a column of routes: labels 路线一：/路线二：/路线三： each over a line of places joined by —, no
# sentence mark on any of them; hard-wrapped at 24, no blank lines, paragraphs opened by 段首空两字
def _indented_24(paragraph: str) -> str:
    return _wrap_at("\u3000\u3000" + paragraph, 24) + "\n"


PAPER_ROUTES = (
    "某溪周报\n第8期（总第91期）　　2024年6月10日　星期一　　本期4版\n"
    "第二版　综合\n"
    "县里开展夏季文旅消费月活动\n"
    + _indented_24("本报讯（通讯员 石岚）6月8日，县文旅局启动夏季文旅消费月活动，全县各景区推出门票优惠，"
                   "县内旅行社推出一日游和两日游产品十余个，活动持续到八月底。")
    + _indented_24("活动期间，游客凭景区门票可在古镇指定商户享受餐饮优惠，县里还将举办夜市、"
                   "广场演出和农产品展销等活动二十余场，方便群众就近游玩。")
    + "周末去哪儿\n"
    + _indented_24("入夏以来，某溪山水草木正盛，城里人周末多往乡下走走，县内几处景区的客流比上月多了两成。"
                   "本报选出三条线路，供读者周末出行参考。")
    + "路线一：溪谷漫步游\n"
    "县城—北山步道（观景台、竹林小径）—石桥村古樟园（古树科普）\n"
    "路线二：古村寻访游\n"
    "南塘古村（祠堂、老戏台）—柳湾渡口—东岭梯田\n"
    "路线三：农事体验游\n"
    "县农科园—西畈稻田（插秧体验）—果蔬采摘园\n"
    + _indented_24("出行提示：北山步道雨天暂停开放，出行前请留意景区公告；南塘古村的老戏台每周六上午有戏曲演出，"
                   "游客可以免费观看，停车场设在村口。")
    + "本版编辑：林风　校对：石岚\n")


def test_a_labelled_route_list_is_list_lines_never_headings():
    """A list whose entries open with a name's ordinal and a colon (``路线一：``, ``路线二：``: GB/T
    15834-2011 4.1.3, the colon after a label) over lines of places joined by — (no sentence mark)
    is list lines: no label and no route line is a heading, and a route line never runs on into
    the next entry's label. (Failed before: each route line was run together with the next
    label and the two read as a heading, the labels too.)"""
    docs, _ = read(PAPER_ROUTES)
    root = docs[0].root
    heads = [nows(h) for h in texts(root, "//tei:body//tei:head")]
    assert heads == ["县里开展夏季文旅消费月活动", "周末去哪儿"], heads
    paras = texts(root, "//tei:body//tei:p")
    assert "路线二：古村寻访游" in paras and "南塘古村（祠堂、老戏台）—柳湾渡口—东岭梯田" in paras, paras
    round_trips(docs, PAPER_ROUTES)


# a briefing's column of cases: each case titled ``案例N：title`` on a line of its own, tab-indented
# paragraphs under it, its own credit; the cases' titles are the column's items, not a list's entries
BRIEFING_CASES = (
    "某某工作简报\n\n第2期（总第15期）\n\n中共某某县委政法委员会　　　　　　2024年3月20日\n\n"
    "【典型案例】\n\n"
    "案例一：一笔拖了三年的货款\n\n"
    "\t去年冬天，某乡个体户赵某找到乡调解室，说一笔货款被拖了三年。调解员先后四次上门，双方最终达成还款协议。\n"
    "\t协议签订后，欠款人按期还清了全部货款。\n\n"
    "（某乡调解室供稿）\n\n"
    "案例二：“和事佬”调好一桩邻里账\n\n"
    "\t今年1月，某村两户村民因排水沟走向争执不下。村里的“和事佬”请来双方亲友一起商量，当天就把沟改了道。\n\n"
    "（某村调委会供稿）\n\n"
    "【工作动态】\n\n"
    "县里召开调解工作推进会\n\n"
    "\t3月12日，县里召开调解工作推进会，部署下一阶段任务。\n\n"
    "（县委政法委供稿）\n")


def test_a_columns_case_titled_with_a_label_and_colon_is_a_heading():
    """A column of cases prints each as ``案例一：title`` on a line of its own, no sentence mark,
    indented paragraphs of running text under it and a credit after them (GB/T 9704-2012 主体; the
    label and its colon, GB/T 15834-2011 4.1.3, are part of the printed title): each is an article
    heading with @cert, not a labelled list's entry. (Failed before: the two titles, label and
    ordinals consecutive, were read as a labelled list's lines and left as paragraphs.)"""
    docs, _ = read(BRIEFING_CASES)
    root = docs[0].root
    heads = [nows(h) for h in texts(root, "//tei:body//tei:head")]
    assert heads == ["【典型案例】", "案例一：一笔拖了三年的货款", "案例二：“和事佬”调好一桩邻里账", "【工作动态】",
                     "县里召开调解工作推进会"], heads
    certs = xpath(root, "//tei:body//tei:head[starts-with(., '案例')]/@cert")
    assert list(certs) == ["medium", "medium"], certs
    round_trips(docs, BRIEFING_CASES)
    # hard-wrapped at 16 with no blank lines: the wrap cuts the second title, which is still found
    wrapped = "".join(_wrap_at(line, 16) + "\n" for line in BRIEFING_CASES.split("\n") if line)
    docs, _ = read(wrapped)
    assert [nows(h) for h in texts(docs[0].root, "//tei:body//tei:head")] == heads
    round_trips(docs, wrapped)
    # the route list (label over flush lines of places, no paragraph under a label) stays list lines
    docs, _ = read(PAPER_ROUTES)
    assert "路线一：溪谷漫步游" in texts(docs[0].root, "//tei:body//tei:p")


def test_a_bare_folio_that_ends_an_issue_before_the_next_one_is_furniture():
    """Two briefings in one file (``cat a.txt b.txt``, two blank lines between): the first prints
    bare-number folios (``1``, ``2`` at the page foot, a form feed and the running head after
    each), its last page's folio ``3`` right under the 版记 (GB/T 9704-2012 7.4: the 版记 on the
    last page). That ``3``, one more than the last bare folio and the issue's last line, is the
    last page's folio: the 版记 above it is the issue's colophon, its 印发 line no heading.
    (Failed before: only the file's last line was taken so; the ``3`` read as text, the 版记 above
    it was no closing run and its 印发 line became an article heading.)"""
    first = ("某某工作简报\n\n第2期（总第15期）\n\n中共某某县委政法委员会　　　　　　2024年3月20日\n\n"
             "县里召开调解工作推进会\n\n"
             "\t3月12日，县里召开调解工作推进会，部署下一阶段任务。会议要求各乡镇把矛盾纠纷化解在基层。\n\n"
             "（县委政法委供稿）\n1\n\f某某工作简报\n"
             "县里开展平安村创建活动\n\n"
             "\t3月中旬，县里在各村开展平安村创建活动，全县已有四十个村达到创建标准。\n\n"
             "（县委政法委供稿）\n2\n\f某某工作简报\n"
             "县里组织调解员集中培训\n\n"
             "\t3月下旬，县里组织全县调解员集中培训两天，邀请法官讲授调解实务。\n\n"
             "（县委政法委供稿）\n\n\n\n"
             "报：市委政法委。\n送：县委、县政府领导。\n发：各乡镇党委。\n"
             "中共某某县委政法委员会办公室　　　　　2024年3月20日印发\n（共印60份）\n3\n")
    second = ("某某工作简报\n\n第3期（总第16期）\n\n中共某某县委政法委员会　　　　　　2024年4月20日\n\n"
              "县里召开春季综治工作会\n\n\t4月10日，县里召开春季综治工作会，部署重点任务。\n\n（县委政法委供稿）\n")
    text = first + "\n\n" + second
    docs, _ = read(text)
    assert len(docs) == 2
    root = docs[0].root
    assert [nows(h) for h in texts(root, "//tei:body//tei:head")] == [
        "县里召开调解工作推进会", "县里开展平安村创建活动", "县里组织调解员集中培训"]
    assert texts(root, "//tei:fw[@type='pageNum']") == ["1", "2", "3"]
    assert texts(root, "//tei:back/tei:div[@type='colophon']/tei:list[@type='distribution']/tei:label") == ["报：", "送：", "发："]
    round_trips(docs, text)


def test_a_journals_own_reporter_line_under_a_title_is_a_byline():
    """A journal names its own reporter ``本刊记者　X`` (as a paper prints ``本报记者　X``): the line
    under an interview's title and ——访… subtitle is its byline, not running text joined to the
    first paragraph. (Failed before: only 本报/学生/小 were read before 记者.)"""
    text = ("内部资料　免费交流\n\n# 某某通讯\n\n某某县关工委　编　　　　　2025年3月\n\n2025年第1期（总第8期）\n\n---\n\n"
            "## 县关工委召开工作会议\n\n2月26日，县关工委召开工作会议，部署今年任务。\n\n"
            "## 把课堂办在孩子家门口\n\n——访某某社区关工委主任李松年\n\n本刊记者　姚晴川\n\n"
            "某某社区是县城人口最多的社区，有常住人口一万余人。\n\n记者：课堂是怎么办起来的？\n\n李松年：说起来也简单。\n")
    docs, _ = read(text)
    root = docs[0].root
    paras = texts(root, "//tei:body//tei:p")
    assert not any(p.startswith("本刊记者") for p in paras), paras
    assert "本刊记者姚晴川" in texts(root, "//tei:body//tei:byline"), texts(root, "//tei:body//tei:byline")
    round_trips(docs, text)


def test_an_editorial_committee_over_the_colophon_fields_is_its_caption():
    """A journal prints its 版权页 fields under the name of its editorial committee
    (``本刊编辑委员会`` alone on a line, bold): the caption of the colophon (``<ab type="caption">``
    first in the colophon ``div``), not an article heading; the committee named in running text is no caption.
    (Failed before: the line was taken for an article's title.)"""
    text = ("内部资料　免费交流\n\n# 某某通讯\n\n某某县关工委　编　　　　　2025年3月\n\n2025年第1期（总第8期）\n\n---\n\n"
            "## 县关工委召开工作会议\n\n2月26日，县关工委召开工作会议，部署今年任务。（本刊）\n\n---\n\n"
            "**本刊编辑委员会**\n\n主办：某某县关心下一代工作委员会\n\n主编：柯静远\n\n电话：0745-3217650\n\n印数：400册\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:head") == ["县关工委召开工作会议"], texts(root, "//tei:body//tei:head")
    assert texts(root, "//tei:back/tei:div[@type='colophon']/tei:ab[@type='caption']") == ["本刊编辑委员会"]
    rng = own_schema()
    assert rng.validate(root), rng.error_log
    round_trips(docs, text)


def test_the_journal_itself_in_brackets_after_the_last_sentence_is_the_items_credit():
    """A news item its editors wrote closes with the publication in brackets after its last
    sentence (``…作了交流发言。（本刊）``, a paper's ``（本报）``): a byline split off the paragraph;
    the word inside a sentence stays text. (Failed before: （本刊） stayed in the paragraph.)"""
    text = ("内部资料　免费交流\n\n# 某某通讯\n\n某某县关工委　编　　　　　2025年3月\n\n2025年第1期（总第8期）\n\n---\n\n"
            "## 县关工委召开工作会议\n\n2月26日，县关工委召开工作会议，部署今年任务。\n\n"
            "会上，两个乡镇作了交流发言（本刊）。会议要求抓好三件事。（本刊）\n\n"
            "## 宣讲团走进乡村学校\n\n寒假前后，宣讲团分赴12所乡村学校开展宣讲。\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:byline") == ["（本刊）"], texts(root, "//tei:body//tei:byline")
    assert "会上，两个乡镇作了交流发言（本刊）。会议要求抓好三件事。" in texts(root, "//tei:body//tei:p")
    round_trips(docs, text)


def test_a_writers_name_alone_in_brackets_after_the_last_full_stop_is_the_items_credit():
    """A news item signed at its end by its writer's name alone in brackets after the last full
    stop (``…再来一次。（谭若溪）``): a byline split off the paragraph; a bracketed word that is no
    person's name (``（附件）``) stays text. (Failed before: only a unit and a name were read.)"""
    text = ("内部资料　免费交流\n\n# 某某通讯\n\n某某县关工委　编　　　　　2025年3月\n\n2025年第1期（总第8期）\n\n---\n\n"
            "## 宣讲团走进乡村学校\n\n寒假前后，宣讲团分赴12所乡村学校开展宣讲。\n\n"
            "宣讲团还和学校约定，每学期至少再来一次。（谭若溪）\n\n"
            "## 县关工委召开工作会议\n\n2月26日，县关工委召开工作会议，部署今年任务。（附件）\n")
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:byline") == ["（谭若溪）"], texts(root, "//tei:body//tei:byline")
    assert "2月26日，县关工委召开工作会议，部署今年任务。（附件）" in texts(root, "//tei:body//tei:p")
    round_trips(docs, text)


def test_a_units_name_alone_under_a_title_is_the_pieces_byline():
    """A profile a unit wrote, signed at its top by the unit's name alone (``萩阳县关工委``)
    between its title and its running text: a byline marked ``@cert`` medium (no person named),
    not a paragraph joined to the first one. (Failed before: the name, ending in no full stop,
    was joined with the paragraph under it.)"""
    text = ("内部资料　免费交流\n\n# 某某通讯\n\n某某县关工委　编　　　　　2025年3月\n\n2025年第1期（总第8期）\n\n---\n\n"
            "## 县关工委召开工作会议\n\n2月26日，县关工委召开工作会议，部署今年任务。\n\n"
            "## 退休不褪色　余热暖童心\n\n某某县关工委\n\n今年68岁的蒋秀英，退休前是中心学校的语文教师。\n\n"
            "七年多来，她没有收过一分钱。\n")
    docs, warnings = read(text)
    root = docs[0].root
    bylines = xpath(root, "//tei:body//tei:byline")
    assert [nows("".join(b.itertext())) for b in bylines] == ["某某县关工委"]
    assert texts(root, "//tei:div[@type='article'][2]//tei:p")[0].startswith("今年68岁"), texts(root, "//tei:p")
    # the weak evidence is on the byline itself and in the document's one warning, by its line
    assert bylines[0].get("cert") == "medium"
    assert len(warnings) == 1 and "(1 byline read on weak evidence; all marked @cert): check the weakest: line 17 '某某县关工委' (byline, medium)" in warnings[0], warnings
    own_schema().assertValid(root)
    round_trips(docs, text)


def test_a_contents_entry_credited_to_the_journal_or_a_unit_keeps_the_author_out_of_the_title():
    """A 目次 with no leaders prints title, author and page set apart by wide gaps; the author may
    be the journal itself (``本刊``, ``本刊记者``) or a unit (``某某县关工委``) as well as a person: the
    last field before the page is the author, a gap inside the title stays in it. (Failed before:
    only personal names were read as authors.)"""
    from convert.reader.layout import author_before_leader
    for line, title, author in (("县关工委召开工作会议　本刊", "县关工委召开工作会议", "本刊"),
                                ("退休不褪色　余热暖童心　某某县关工委", "退休不褪色　余热暖童心", "某某县关工委"),
                                ("把课堂办在孩子家门口　本刊记者", "把课堂办在孩子家门口", "本刊记者")):
        found = author_before_leader(line)
        assert found is not None, line
        assert line[: found[0]] == title and line[found[1][0]: found[1][1]] == author, (line, found)
    assert author_before_leader("退休不褪色　余热暖童心") is None


NUMBERED_PIECES = """农　业　信　息

第3期（总第40期）

某川县农业农村局办公室编　　　　　　2024年5月6日

1.全县夏粮收购工作有序开展

    今年全县夏粮收购点共设12个，目前已收购小麦3.2万吨，收购价格总体平稳。

    县农业农村局要求各收购点做好服务，不得压级压价。

2.高标准农田建设项目通过验收

    某川镇高标准农田建设项目共建成农田1.5万亩，日前通过市级验收。

3.农技人员下乡开展病虫害防治指导

    5月以来，县农技中心组织技术人员30余人深入各乡镇，指导农户防治小麦条锈病。

报：市农业农村局。
"""


def test_a_numbered_run_of_titles_opening_a_briefing_body_is_its_articles_not_sub_headings():
    # a briefing whose body opens with 1. has no piece above it for 1. 2. 3. to be sub-heads of
    # (GB/T 15834-2011 B.3.8: a third level sits under a first or second): they are its articles
    docs, warnings = read(NUMBERED_PIECES)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "1.全县夏粮收购工作有序开展", "2.高标准农田建设项目通过验收", "3.农技人员下乡开展病虫害防治指导"]
    assert not xpath(root, "//tei:div[@type='subsection']")
    assert all(h.get("cert") for h in xpath(root, "//tei:div[@type='article']/tei:head"))
    round_trips(docs, NUMBERED_PIECES)


TAB_PAIRS = """农　业　信　息

第4期（总第41期）

某川县农业农村局办公室编　　　　　　2024年5月20日

1.小麦条锈病监测工作全面开展

    县农技中心5月中旬在各乡镇设立监测点20个，对小麦条锈病开展系统调查。各乡镇发生程度如下。

乡镇\t条锈病发生程度
东坪镇\t中度
西岭乡\t轻度
南湾乡\t中度
北川镇\t轻度

    县农技中心要求各乡镇抓住晴好天气及时开展统防统治。

2.夏季农机安全检查启动

    县农机中心5月18日起开展夏季农机安全检查，为期一个月。
"""


def test_a_run_of_tab_separated_two_cell_lines_is_a_table_its_lines_no_headings():
    # a tab between two short cells, line after line (a table's text extraction, TEI P5 §14.1.1):
    # its column heads and rows, never headings
    docs, _ = read(TAB_PAIRS)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["1.小麦条锈病监测工作全面开展", "2.夏季农机安全检查启动"]
    assert not xpath(root, "//tei:div[@type='section']")
    assert len(xpath(root, "//tei:table/tei:row")) == 5
    round_trips(docs, TAB_PAIRS)


def test_a_tab_separated_two_cell_line_ends_the_line_above_without_blank_lines():
    # no blank lines: a row of two short cells apart by a tab is never run into the prose above it
    # nor into the next row (a two-column table as extracted, TEI P5 §14.1.1)
    text = "\n".join(line for line in TAB_PAIRS.replace("各乡镇发生程度如下。", "各乡镇发生程度如下：").split("\n")
                     if line.strip())
    docs, _ = read(text)
    root = docs[0].root
    assert len(xpath(root, "//tei:table/tei:row")) == 5
    assert not any("乡镇条锈病" in p for p in texts(root, "//tei:p"))
    round_trips(docs, text)


INDENTED_OPENER = """农　业　信　息

第5期（总第42期）

某川县农业农村局办公室编　　　　　　2024年6月3日

1.夏粮收购工作有序开展

    今年全县夏粮收购点共设12个，目前已收
购小麦3.2万吨，收购价格总体平稳，农户售粮
积极性较高，各收购点秩序良好，未发生压级
压价现象。

    县农业农村局已于本月下旬正式启动夏粮收购
巡查机制，要求全县各收购点严格落实“先检后收、优质优价、
现金结算”的收购要求，对巡查中发现的问题
立即整改，确保农民利益不受损害。

2.农机安全检查启动

    县农机中心5月18日起开展夏季农机安全检
查，为期一个月，重点检查收割机和拖拉机
的制动、灯光和防护装置。

    检查采取乡镇自查和县级抽查相结合的方式
进行，县农机中心组成三个检查组分赴各乡镇，对
检查中发现的隐患当场下达整改通知书，限期整
改到位，逾期未整改的一律停止作业。

    截至5月底，全县已检查收割机320台、拖拉
机1150台，发现并整改安全隐患86处，为夏收
夏种顺利进行提供了有力保障。
"""


def test_an_indented_first_line_over_a_wider_flush_line_of_prose_is_a_paragraph_not_a_title():
    # 段首空两字: an indented line reaching the wrap (its indent counted) over a flush line of running
    # text, no blank line between, is the paragraph's first line, however much wider the next runs
    docs, _ = read(INDENTED_OPENER)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["1.夏粮收购工作有序开展", "2.农机安全检查启动"]
    assert any(p.startswith("县农业农村局已于本月下旬正式启动夏粮收购巡查机制") for p in texts(root, "//tei:p"))
    round_trips(docs, INDENTED_OPENER)


def test_a_paper_whose_masthead_prints_its_notice_under_the_title_starts_at_the_title():
    """Two files run together: the first ends with its colophon (地址：… 印数：…), the second
    opens title / 内部资料　免费交流 / …主办 / date and issue line. The notice under the title is
    the new masthead's (GB/T 9704-2012 7.2.1 notices stand in the 版头), so the title over it
    opens the second issue: before, the title and the notice were read as a paragraph of the
    first issue joined across a page break."""
    first = ("某县人民医院院报\n\n第3期（总第40期）\n\n某县人民医院主办　　2025年3月1日\n\n"
             "查房记\n\n晨光里，主任带着年轻医生走过病区，一床一床地问，一项一项地看。\n\n"
             "本版编辑：张　山　　校对：李河\n\n地址：某县健康路9号　　邮编：233500　　印数：1500份\n")
    second = ("禾丰镇报\n\n内部资料　免费交流\n\n中共禾丰镇委员会　禾丰镇人民政府主办\n\n"
              "2026年5月22日　星期五　第5期（总第62期）　本期4版\n\n"
              "春耕正忙\n\n本报讯　连日来，全镇各村抢抓农时，机耕机插有序推进，田间一派繁忙。\n")
    text = first + "\n\n" + second
    docs, _ = read(text)
    assert len(docs) == 2
    assert xpath(docs[1].root, "string(//tei:monogr/tei:title[@level='j'])") == "禾丰镇报"
    assert "禾丰镇报" not in "".join(xpath(docs[0].root, "//tei:text//text()"))
    round_trips(docs, text)


GAP_PAGED_JOURNAL = """          桐 川 乡 讯

          2024年第2期（总第15期）

目　录

乡村动态
县里召开春耕生产会议　2
乡贤风采
渡口与船工：桐川旧时的“水上驿站”　柯远帆　3
文苑
老井　季如舟　4

乡村动态
县里召开春耕生产会议
    3月2日，县里召开春耕生产会议，部署今年的春耕备耕工作。
乡贤风采
渡口与船工：桐川旧时的“水上驿站”
文／柯远帆
    旧时桐川河上有七个渡口，船工多是沿河村落的农户，农闲时摆渡，农忙时种田。
文苑
老井
文/季如舟
    村口有一口老井，井沿的石头被绳子磨出了一道道深槽。
"""


def test_a_leaderless_contents_entry_with_a_colon_and_its_page_after_a_gap_ends_its_line():
    """A 目录 without leaders prints each entry as title, author, page on one line (GB/T
    3179-2009 目次表), the page after a wide gap: the line ends there, though the title holds a
    colon (``渡口与船工：…　柯远帆　3``), and the column name under it is no part of it; the column
    stays a section of the body and the next entry's title a heading."""
    docs, _ = read(GAP_PAGED_JOURNAL)
    root = docs[0].root
    assert xpath(root, "//tei:div[@type='contents']//tei:num[@type='page']/@value") == ["2", "3", "4"]
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["乡村动态", "乡贤风采", "文苑"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "县里召开春耕生产会议", "渡口与船工：桐川旧时的“水上驿站”", "老井"]
    round_trips(docs, GAP_PAGED_JOURNAL)


NEWS_ITEMS_JOURNAL = """          桐 川 乡 讯

          2024年第2期（总第15期）

目　录

乡村动态
县里召开春耕生产会议　2
桐川镇举办农民丰收节　2
文苑
老井　季如舟　3

乡村动态
县里召开春耕生产会议
    3月2日，县里召开春耕生产会议，部署今年的春耕备耕工作。
    会议要求各乡镇抓好农资供应。全县今年计划播种粮食作物十二万亩。（县统计局）
    会议还通报了去年的粮食生产情况。（县农业农村局办公室）
桐川镇举办农民丰收节
    9月23日，桐川镇在河滩公园举办农民丰收节，四百多户农户带着新米、山货参加展销。（桐川镇农业服务中心）
文苑
老井
文/季如舟
    村口有一口老井，井沿的石头被绳子磨出了一道道深槽。
"""


def test_a_units_name_alone_closing_a_news_item_the_contents_list_ends_is_its_credit():
    """A news item (动态) signed by the unit that sent it, its name alone in brackets after the last
    sentence (``…参加展销。（桐川镇农业服务中心）``): where the contents list shows the item ends there
    (the next line is a title it names, or a column name), the bracket is the item's closing credit,
    a byline after the text (署名 at the item's end, TEI divBottom), as in a brief. Mid-article the
    same shape (``…十二万亩。（县统计局）``, a paragraph follows) stays in its paragraph."""
    docs, _ = read(NEWS_ITEMS_JOURNAL)
    root = docs[0].root
    arts = xpath(root, "//tei:div[@type='article']")
    assert texts(arts[0], "tei:byline[preceding-sibling::tei:p]") == ["（县农业农村局办公室）"]
    assert texts(arts[1], "tei:byline[preceding-sibling::tei:p]") == ["（桐川镇农业服务中心）"]
    assert texts(arts[0], "tei:p")[1].endswith("十二万亩。（县统计局）")
    assert texts(arts[0], "tei:p")[2] == "会议还通报了去年的粮食生产情况。"
    round_trips(docs, NEWS_ITEMS_JOURNAL)


def test_the_last_bare_folio_of_an_issue_before_the_next_issue_in_one_file_is_furniture():
    """A file of two issues: the first ends with its 版记 and then its last page's bare folio (one
    more than the bare folio before the form feed), two blank lines parting it from the next
    issue's masthead. That number is the last page's folio (no form feed follows the last page),
    as at the text's end, so the 版记 still ends the first issue (its 印发 line no heading)."""
    first = ("平 安 通 讯\n\n第2期\n\n县平安办　　　　2025年3月2日\n\n县里开展春季平安巡查\n\n"
             "3月1日，县平安办组织三个巡查组，分赴各乡镇开展春季平安巡查。\n1\n"
             "\f巡查组共检查重点场所二十处，发现隐患七处，已全部整改到位。\n\n"
             "报：县委、县政府领导。\n发：各乡镇，县直各单位。\n县平安建设领导小组办公室　　　　2025年3月2日印发\n（共印60份）\n2\n")
    second = ("\n\n\n          桐 川 乡 讯\n\n          2024年第2期（总第15期）\n\n县里召开春耕生产会议\n\n"
              "3月2日，县里召开春耕生产会议，部署今年的春耕备耕工作。\n")
    text = first + second
    docs, _ = read(text)
    assert len(docs) == 2
    assert [("".join(f.itertext()).strip()) for f in xpath(docs[0].root, "//tei:text//tei:fw[@type='pageNum']")] == ["1", "2"]
    assert not any("印发" in h for h in texts(docs[0].root, "//tei:head"))
    round_trips(docs, text)


def test_a_numbered_figure_caption_is_a_figure_never_a_heading():
    """A figure's number and title under it (图序 and 图题: ``图一<TAB>…``, ``图2　…``, ``图 3-1：…``;
    GB/T 7713.1-2006 §4.6.6, TEI P5 §14.4 ``figure/head``) is a caption, whatever gap parts the
    number from the title and wherever on the page it stands (at a page's top under its running
    head, over a sub-heading): a ``<figure>`` with that ``<head>``, never an article heading nor a
    paragraph; a number without a title, or a sentence that opens with 图N, is none."""
    text = ("某县文史通讯\n\n2023年第1期（总第12期）\n\n【田野调查】\n\n城南古井的调查\n\n县文化馆　陈立言\n\n"
            "    城南古井位于老街东段，井口为整石凿成，井栏外侧刻有铭文，记载了开凿的年代。\n\n"
            "    井台用青石铺砌，四周原有排水沟，现已部分淤塞，井水仍可饮用。\n\n"
            "图一\t城南古井井栏（由南向北）\n\n一、形制\n\n"
            "    井深约九米，井壁以条石错缝砌筑，上部收分，下部略宽，保存较好。\n\n"
            "图 2：井栏铭文拓片\n\n"
            "    铭文共四行，可辨者二十余字，字体为楷书，内容为捐资者的姓名。\n\n"
            "图3　显示了井台四周排水沟的走向，沟底铺有青砖。\n\n"
            "    据老人回忆，古井在上世纪七十年代以前一直是街坊的主要水源。\n")
    docs, _ = read(text)
    root = docs[0].root
    heads = texts(root, "//tei:figure/tei:head")
    assert heads == ["图一城南古井井栏（由南向北）", "图2：井栏铭文拓片"], heads
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["城南古井的调查"], texts(root, "//tei:div/tei:head")
    assert "图3显示了井台四周排水沟的走向，沟底铺有青砖。" in texts(root, "//tei:p")
    round_trips(docs, text)


def test_a_numbered_figure_caption_between_a_paragraphs_halves_is_no_part_of_them():
    """In a hard-wrapped copy without blank lines, a numbered figure's caption (``图2　…``: 图序 and
    图题, GB/T 7713.1-2006 §4.6.6) set between two halves of a paragraph the make-up cut is no part
    of either: the half above ends before it though it stops mid-sentence, the caption is a
    ``figure`` and the two halves are one paragraph by aggregation (``@next``/``@prev``)."""
    for caption in ("图2　井栏铭文拓片\n", "图二：井栏铭文拓片（局部）\n"):
        text = ("某县文史通讯\n2023年第1期（总第12期）\n【田野调查】\n城南古井的调查\n县文化馆　陈立言\n"
                "城南古井位于老街东段，井口为整石凿成，井栏外侧刻有铭\n"
                "文，记载了开凿的年代和捐资者的姓名，共四行，可辨者二十\n"
                + caption +
                "余字，字体为楷书。井台用青石铺砌，四周原有排水沟，现已\n"
                "部分淤塞，井水仍可饮用。\n")
        docs, _ = read(text)
        root = docs[0].root
        assert texts(root, "//tei:figure/tei:head") == [nows(caption)], (caption, texts(root, "//tei:p"))
        first = xpath(root, "//tei:body//tei:p[@next]")
        assert len(first) == 1 and nows("".join(first[0].itertext())).endswith("可辨者二十"), texts(root, "//tei:p")
        round_trips(docs, text)


#: An invented county journal: masthead, contents list with 【】 columns and leaders, then its
#: colophon printed right under the contents (内部资料性出版物 practice: on the inside front cover
#: or under the contents), hard-wrapped with no blank lines, then the first column.
JOURNAL_COLOPHON_UNDER_CONTENTS = """青 川 农 技 通 讯

2024年第3期（总第41期）

青川县农业农村局编　　　　　　　　2024年3月20日

目　　录

【工作动态】
县农业农村局部署春耕备耕工作……………………………………2
【技术推广】
水稻集中育秧技术要点……………………………………………3

主办：青川县农业农村局
主编：方晓岚
责任编辑：罗志远
电话：（0812）5551234
印数：300份
内部资料　免费交流

【工作动态】

县农业农村局部署春耕备耕工作

　　3月12日，县农业农村局召开春耕备耕工作会议，安排全县春耕生产各项工作。

【技术推广】

水稻集中育秧技术要点

　　集中育秧要选好秧田，适时播种，加强秧田水肥管理，培育壮秧。
"""


def test_a_colophon_printed_under_the_contents_list_is_a_front_division():
    # a journal's colophon (主办/主编/责任编辑/电话/印数, 内部资料　免费交流) printed right under
    # its contents list is a div type="colophon" of front, after the contents, not an untitled
    # article at the body's start; the header reads its fields and notices as from a back colophon
    docs, _ = read(JOURNAL_COLOPHON_UNDER_CONTENTS)
    root = docs[0].root
    front_divs = [d.get("type") for d in xpath(root, "//tei:front/tei:div")]
    assert front_divs == ["contents", "colophon"]
    assert not xpath(root, "//tei:back//tei:div[@type='colophon']")
    colophon = xpath(root, "//tei:front/tei:div[@type='colophon']")[0]
    assert "免费交流" in nows("".join(colophon.itertext()))
    assert xpath(colophon, "string(tei:list[@type='gloss']/tei:label[1])") == "主办："
    assert not any("主编" in p for p in texts(root, "//tei:body//tei:p"))
    assert texts(root, "//tei:body/tei:div/tei:head")[0] == "【工作动态】"
    availability = nows("".join(xpath(root, "//tei:publicationStmt/tei:availability//text()")))
    assert "内部资料" in availability and "免费交流" in availability
    assert "方晓岚" in nows("".join(xpath(root, "//tei:sourceDesc//tei:respStmt//text()")))
    round_trips(docs, JOURNAL_COLOPHON_UNDER_CONTENTS)


def test_an_item_the_contents_list_puts_in_the_open_column_stays_in_it():
    """The column-end rule (:func:`test_an_item_credited_after_its_text_after_a_column_of_signed_pieces_is_no_part_of_the_column`)
    is weak; a printed contents list that names the item under the open column's name is
    stronger: the item stays in the column."""
    masthead = "某某妇联工作信息\n第2期（总第50期）\n某某县妇女联合会　　2024年5月6日\n"
    contents = ("目　　录\n"
                "【经验交流】\n"
                "建好妇女之家　服务基层妇女………………………………1\n"
                "县妇联开展家庭教育宣传周活动……………………………2\n")
    body = ("【经验交流】\n建好妇女之家　服务基层妇女\n某山镇妇联　邹明霞\n"
            "　　某山镇有十个行政村，镇妇联把服务阵地建到村里，办了不少实事。\n"
            "县妇联开展家庭教育宣传周活动\n"
            "　　5月中旬，县妇联在全县开展家庭教育宣传周活动，发放资料两千份。\n"
            "（县妇联家庭工作部供稿）\n")
    text = masthead + contents + body
    docs, _ = read(text)
    root = docs[0].root
    got = [(texts(d, "ancestor::tei:div[@type='section']/tei:head") or [None])[0] for d in
           xpath(root, "//tei:div[@type='article']")]
    assert got == ["【经验交流】", "【经验交流】"]


RUNNING_FOOT_PAPER = ("青禾厂讯\n\n2024年3月8日　星期五　第9期（总第120期）\n\n"
                      "第1版　要闻\n\n春耕备耕有序推进\n\n"
                      "本报讯（记者 方远）3月以来，全厂组织设备检修，保障一季度生产。\n\n"
                      "简讯\n\n厂图书室新增阅览座位80个。（工会 林夏）\n\n"
                      "本版编辑：宁可　校对：石川\n青禾厂讯　2024.03.08\n"
                      "\f第2版　经济\n\n简讯\n\n二车间完成月度检修任务。（二车间 周宇）\n\n"
                      "本版编辑：宁可　校对：石川\n青禾厂讯　2024.03.08\n"
                      "\f第3版　副刊\n\n窗前的树\n\n□ 田禾\n\n窗前有一棵老槐树，春天开满白花，香气飘进屋里。\n\n"
                      "本版编辑：宁可　校对：石川\n青禾厂讯　2024.03.08\n")


@pytest.mark.parametrize("text", [RUNNING_FOOT_PAPER, RUNNING_FOOT_PAPER.replace("\f", "")],
                         ids=["form-feeds", "no-form-feeds"])
def test_a_running_foot_after_each_pages_credit_is_furniture(text):
    """A running foot (页脚: the paper's name and the date, TEI fw type="footer", P5 §11.6) printed
    identically at the foot of every page, after the page's 本版编辑 line and before the next
    page's label (or a form feed, or the text's end), is furniture; the credit repeated as
    identically is the page's credit, and the column name 简讯 repeated at page tops is content."""
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:fw[@type='footer'][not(@subtype)]") == ["青禾厂讯2024.03.08"] * 3
    assert "青禾厂讯2024.03.08" not in texts(root, "//tei:p")
    assert texts(root, "//tei:fw[@subtype='pageCredit']") == ["本版编辑：宁可校对：石川"] * 3
    assert "简讯" not in texts(root, "//tei:fw")
    assert texts(root, "//tei:fw[@subtype='pageLabel']") == ["第1版要闻", "第2版经济", "第3版副刊"]
    round_trips(docs, text)


@pytest.mark.parametrize("sign_off", ["县农业农村局", "县农业农村局\n2023年5月6日"], ids=["body", "body-and-date"])
def test_a_sign_off_repeated_above_each_folio_is_no_running_foot(sign_off):
    """Three notices, each closed by the same 落款 (the issuing body, its date: GB/T 9704-2012
    7.3.5) right above the page's folio: the sign-off is the notices' text, no running foot,
    though it stands identically above a page break three times."""
    notice = "## 关于做好{}工作的通知\n\n各乡镇：请按要求认真做好相关工作，按时报送情况。\n\n" + sign_off + "\n\n— {} —\n"
    text = ("某某工作简报\n\n第4期\n\n某某县人民政府办公室　　2023年5月6日\n\n"
            + notice.format("春耕", 1) + "\f" + notice.format("防汛", 2) + "\f" + notice.format("秸秆禁烧", 3))
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:fw[@type='footer' or @type='header']") == []
    assert len(texts(root, "//tei:fw[@type='pageNum']")) == 3
    round_trips(docs, text)


def test_a_next_issues_title_after_the_last_folio_and_blank_lines_opens_it():
    """Two files run together: the first ends with a credit and its last folio (``— 3 —``), two
    blank lines, then the second's masthead: a two-character title (no letter-spacing of three
    characters, a Markdown ``#``), a 主办 line with its notice, the date and issue line. The
    folio with the blank lines under it ends the first issue (where a file of several issues
    parts one from the next), so the title opens the second. (Failed before: the title stayed
    in the first issue as its last article heading.)"""
    first = ("某县文物通讯\n\n2024年第2期（总第30期）\n\n某县文物局编　　　　2024年6月30日\n\n"
             "古桥调查记\n\n县里的古桥多建于清代，石拱居多，桥面宽窄不一，桥头多有碑记，记着修桥的年月和捐资的人家。\n"
             "\n— 1 —\n\f"
             "今年春天，调查组走遍了全县的古桥，逐一登记了形制和现状，拍了照片，拓了碑文。\n"
             "\n— 2 —\n\f"
             "文物保护员培训班开班\n\n6月13日，县文物局举办基层文物保护员培训班，四十人参加，学了巡查和登记的办法。\n\n"
             "（县文物保护中心）\n\n— 3 —\n")
    second = ("# 禾　园\n\n禾山县第一中学主办　　　　内部资料　免费交流\n\n"
              "2024年5月24日　星期五　　第3期（总第46期）\n\n第一版　校园要闻\n\n"
              "春季运动会开幕\n\n5月20日，学校春季运动会开幕，全校师生一千余人参加开幕式。\n")
    text = first + "\n\n" + second
    docs, _ = read(text)
    assert len(docs) == 2
    assert xpath(docs[1].root, "string(//tei:monogr/tei:title[@level='j'])") == "禾园"
    assert "禾" not in "".join(texts(docs[0].root, "//tei:body//tei:head"))


# ------------------------------------------- a space-aligned table under a caption with no 表 label (round 20)

#: An invented 县局 briefing: a 【】 column, an item whose figures follow as a table set with half-width
#: spaces under a caption line that names it without a 表 label, then the item's bottom credit.
CAPTION_TABLE = """内部资料

农经信息

2024年第3期（总第40期）

某县农业农村局　　　　　　　　　2024年4月10日

【产业动态】

一季度全县农业生产开局良好

　　一季度，全县农业生产总体平稳，春播准备充分，畜牧业生产稳定。

一季度全县农业主要数据
项目                  数量        增长(%)
{rows}
（规划股供稿）

某镇建成蔬菜育苗中心

　　某镇投资建成蔬菜育苗中心一座，年可育苗两千万株。

（某镇人民政府供稿）
"""
CAPTION_ROWS = """粮食播种面积(万亩)    12.5        1.2
生猪出栏(万头)        8.1         3.4
蔬菜产量(万吨)        6.6         5.0"""


def test_a_caption_right_above_a_space_aligned_table_is_its_head_not_a_heading():
    """A short line with no 表 label, no punctuation and no heading number, right above (no blank
    line between) a table's first row: the table's caption, its ``<head>`` (TEI P5 §14.1.1) with
    @cert medium (no label says so) and named in the warning, never an article heading; the rows
    set with half-width spaces are rows. Failed before: the caption was a paragraph."""
    text = CAPTION_TABLE.format(rows=CAPTION_ROWS)
    docs, warnings = read(text)
    root = docs[0].root
    assert texts(root, "//tei:table/tei:head") == ["一季度全县农业主要数据"]
    assert xpath(root, "string(//tei:table/tei:head/@cert)") == "medium"
    assert any("一季度全县农业主要数据" in w for w in warnings), warnings
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["一季度全县农业生产开局良好", "某镇建成蔬菜育苗中心"]
    assert _table_rows(root)[0] == ["项目", "数量", "增长(%)"]
    assert len(_table_rows(root)) == 4
    round_trips(docs, text)


@pytest.mark.parametrize("cut", ["项目                  数量      \n  增长(%)", "项目                  \n 数量        增长(%)",
                                 "项目                  数量\n        增长(%)"],
                         ids=["gap-at-the-end", "one-cell-then-two", "gap-on-the-next-line"])
def test_a_tables_first_row_cut_in_two_halves_still_opens_the_table(cut):
    """The column heads' row a hard wrap cut in a gap into two lines that are no rows alone (two
    cells and one, one and two): together they are the first row, so the table opens there; its
    caption is its head and neither half is a heading (TEI P5 §14.1.1; a row is never a heading).
    Failed before: the table began at the second row, the caption and the halves were headings."""
    text = CAPTION_TABLE.format(rows=CAPTION_ROWS).replace("项目                  数量        增长(%)", cut)
    assert text != CAPTION_TABLE.format(rows=CAPTION_ROWS)
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["一季度全县农业生产开局良好", "某镇建成蔬菜育苗中心"]
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["【产业动态】"]
    assert texts(root, "//tei:table/tei:head") == ["一季度全县农业主要数据"]
    assert _table_rows(root)[0] == ["项目", "数量", "增长(%)"]
    assert len(_table_rows(root)) == 4
    round_trips(docs, text)


#: The same briefing hard-wrapped at 22 characters, every row cut in its last gap at that column.
NARROW_CAPTION_TABLE = """内部资料

农经信息

2024年第3期（总第40期）

某县农业农村局　　2024年4月10日

【产业动态】

一季度全县农业生产开局良好

　　一季度，全县农业生产总体平稳，春播准备
充分，畜牧业生产稳定，蔬菜和水果供应充足，农
产品价格总体平稳，农民收入继续较快增长，农村
各项事业全面发展。

　　下一步，局里将抓好春耕生产物资供应，加强
农业技术指导服务，组织农技人员深入田间地头，
帮助农户解决生产中的实际困难，确保全年粮食
播种面积稳定在十二万亩以上，畜禽生产稳中有
增，为全年农业农村工作打下坚实基础。

一季度全县农业主要数据
项目                  
 数量        增长(%)
全县粮食作物播种面积(万亩)    12.5  
      1.2
全县生猪出栏数量(万头)        8.1   
      3.4
全县蔬菜产量合计(万吨)        6.6   
      5.0

（规划股供稿）

某镇建成蔬菜育苗中心

　　某镇投资建成蔬菜育苗中心一座，年可育苗两
千万株，带动周边农户种植蔬菜三千余亩，户均增
收五千元以上。

（某镇人民政府供稿）
"""


def test_rows_cut_at_the_wrap_column_in_a_gap_are_not_run_together_as_lines():
    """Each row a hard wrap cut in its last gap, the first half as wide as a wrapped line (a
    figure, a gap, then the next line the last cell): the physical stage leaves the two halves
    apart (neither a row alone, together a row: TEI P5 §14.1.1) so the table puts each row back
    together; no half joined to the other as a wrapped title, no row a heading. Failed before: the
    halves were joined as a wrapped line and the rows read as one heading."""
    docs, _ = read(NARROW_CAPTION_TABLE)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["一季度全县农业生产开局良好", "某镇建成蔬菜育苗中心"]
    assert texts(root, "//tei:table/tei:head") == ["一季度全县农业主要数据"]
    assert _table_rows(root) == [["项目", "数量", "增长(%)"], ["全县粮食作物播种面积(万亩)", "12.5", "1.2"],
                                 ["全县生猪出栏数量(万头)", "8.1", "3.4"], ["全县蔬菜产量合计(万吨)", "6.6", "5.0"]]
    round_trips(docs, NARROW_CAPTION_TABLE)


def test_a_credit_right_under_a_wide_tables_last_row_is_no_rest_of_the_row():
    """（…供稿） right under a table's last row with no blank line between, the row as wide as a
    wrapped line of the text: the item's bottom credit (a byline), not the rest of the row a wrap
    cut off (a credit word in brackets is no cell). Failed before: it was read as the row's last
    cell going on."""
    text = NARROW_CAPTION_TABLE.replace("6.6   \n      5.0\n\n（规划股供稿）", "6.6   5.0\n（规划股供稿）")
    assert text != NARROW_CAPTION_TABLE
    docs, _ = read(text)
    root = docs[0].root
    assert _table_rows(root)[-1] == ["全县蔬菜产量合计(万吨)", "6.6", "5.0"]
    assert "（规划股供稿）" in texts(root, "//tei:byline")
    round_trips(docs, text)


NESTED_NUMBERED_REPORT = """某某县农业农村工作简报

第2期（总第30期）

某某县农业农村局编　　　　　　　　　　2024年3月12日

全县春季农业生产工作情况报告
  今年以来，县农业农村局紧扣粮食安全这一首要任务，扎实推进春耕备耕各项工作，全县春季农业生产总体平稳。现将有关情况报告如下。
一、主要工作举措
（一）抓好农资保障，稳定生产供给
1.加强农资调度
  县农业农村局会同县供销社建立农资储备调度机制，一季度共调运化肥一千二百吨、种子三百吨，保障了全县春耕用种用肥需求。
2.强化市场监管
  县里组织农资打假专项行动，检查农资经营门店八十六家，查处违法案件五起，没有发生坑农害农事件。
（二）抓好技术服务，提升种植水平
  县农技中心组织农技人员深入田间地头，开展技术指导二百余场次，培训农民三千余人次。
二、存在的主要问题
  一是部分乡镇春耕进度偏慢，二是农业社会化服务覆盖面不广，三是农资价格波动较大。
（县农业农村局供稿）

报：市农业农村局，县委、县政府分管领导。
发：各乡镇人民政府，县直有关单位。

某某县农业农村局办公室　　　　　　　　2024年3月12日印发
"""


def test_numbered_lines_under_a_second_level_subhead_are_its_sub_headings_not_run_in_briefs():
    """GB/T 15834-2011 B.3.8 orders heading numbers 一、 > （一） > 1. > （1）: a ``1.`` line standing
    under a ``（一）`` sub-head of the same article is that article's third-level sub-heading, not a
    numbered brief item whose title runs into the next line, however the blank lines went (here
    none, the paragraphs opening with two half-width spaces). (Failed before: ``1.加强农资调度``
    and ``2.强化市场监管`` were joined with the paragraph under them and read as numbered brief
    items, their titles headings without their numbers.)"""
    docs, _ = read(NESTED_NUMBERED_REPORT)
    root = docs[0].root
    assert not xpath(root, "//tei:div[@type='brief']")
    heads = texts(root, "//tei:body//tei:head")
    assert "1.加强农资调度" in heads and "2.强化市场监管" in heads, heads
    assert not [h for h in heads if h in ("加强农资调度", "强化市场监管")], heads
    assert any(p.startswith("县农业农村局会同县供销社") for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, NESTED_NUMBERED_REPORT)


COLUMN_ITEMS = """水利信息

2024年第5期（总第61期）

某河县水利局编　　　　　　　　2024年6月3日

本期要目
水利要闻（三则）
某河县推进小型水库除险加固
某川镇开展河道清障行动

【水利要闻】

1.县水利局召开防汛工作会议

5月28日,县水利局召开全县防汛工作会议,部署汛期各项工作。

（防汛办供稿）

2.县水文站完成汛前设备检修

县水文站对全县雨量站和水位站设备逐一检修,确保汛期数据传输正常。

（水文站供稿）

3.农村饮水安全专项检查启动

县水利局组织技术人员对全县集中供水工程开展专项检查,重点检查水质和设施运行。

（农村水利股供稿）

某河县推进小型水库除险加固

今年以来,某河县统筹资金推进小型水库除险加固工作,进展顺利。

一、主要做法

（一）加强统筹

1.整合资金

县里整合各类资金集中投入除险加固项目。

2.压实责任

各乡镇明确水库安全管理责任人。

（水库管理站供稿）

某川镇开展河道清障行动

某川镇组织干部群众对镇内河道开展清障行动,清理河道垃圾和阻水障碍物。

（某川镇人民政府供稿）

报：市水利局。
"""


def test_a_contents_entry_naming_a_column_with_its_count_is_an_entry_and_points_at_the_column():
    # 本期要目 without pages whose first entry names a column and its count (水利要闻（三则）): the count
    # is no part of the name, so the entry names the body's 【水利要闻】; the list is a contents list,
    # not headings run together, and the entry points at the column's division
    docs, _ = read(COLUMN_ITEMS)
    root = docs[0].root
    items = xpath(root, "//tei:div[@type='contents']//tei:item")
    assert [nows("".join(i.itertext())) for i in items] == ["水利要闻（三则）", "某河县推进小型水库除险加固", "某川镇开展河道清障行动"]
    section = xpath(root, "//tei:div[@type='section']")[0]
    assert xpath(items[0], "string(tei:ref/@target)") == "#" + section.get(XML_ID)
    round_trips(docs, COLUMN_ITEMS)


def test_numbered_titles_under_a_column_each_closed_by_a_credit_are_its_briefs_with_the_number_a_label():
    # 1. 2. 3. right under 【水利要闻】, each over its text and closed by its （…供稿）: the column's items
    # (div type="brief", the number a label in the head), while 1. 2. under （一） inside the report
    # stay level-3 sub-headings (GB/T 15834-2011 B.3.8); the report after the run is in no column
    docs, _ = read(COLUMN_ITEMS)
    root = docs[0].root
    briefs = xpath(root, "//tei:div[@type='section']/tei:div[@type='brief']")
    assert [nows("".join(xpath(b, "tei:head/text()"))) for b in briefs] == [
        "县水利局召开防汛工作会议", "县水文站完成汛前设备检修", "农村饮水安全专项检查启动"]
    assert texts(root, "//tei:div[@type='brief']/tei:head/tei:label") == ["1.", "2.", "3."]
    assert all(b.get("cert") for b in xpath(root, "//tei:div[@type='brief']/tei:head"))
    articles = xpath(root, "//tei:body/tei:div[@type='article']")
    assert texts(root, "//tei:body/tei:div[@type='article']/tei:head") == ["某河县推进小型水库除险加固", "某川镇开展河道清障行动"]
    assert texts(articles[0], ".//tei:div[@type='subsection']/tei:div[@type='subsection']/tei:div[@type='subsection']/tei:head") == [
        "1.整合资金", "2.压实责任"]
    round_trips(docs, COLUMN_ITEMS)


def test_a_column_item_number_as_wide_as_a_wrapped_line_after_the_credit_above_opens_the_next_item():
    # hard-wrapped at 20 characters without blank lines: the second and third items' titles are as
    # wide as the wrapped lines (the third has no sibling on a narrower line next to it), but each
    # stands right after the credit that closed the item above, so it opens the next item
    width = 20
    longer = COLUMN_ITEMS.replace("3.农村饮水安全专项检查启动", "3.全县农村饮水安全工程专项检查全面启动").replace(
        "2.县水文站完成汛前设备检修", "2.县水文站完成全县雨量站水位站汛前检修")
    for a in ("部署汛期各项工作。", "确保汛期数据传输正常。", "重点检查水质和设施运行。", "进展顺利。"):
        longer = longer.replace(a, a + "会议要求各乡镇压实责任,加强值班值守,确保信息畅通,遇到险情及时报告并妥善处置。")
    out = []
    for line in longer.splitlines():
        if line.endswith("。") and len(line) > width:
            out += [line[k : k + width] for k in range(0, len(line), width)]
        elif line:
            out.append(line)
    text = "\n".join(out) + "\n"
    docs, _ = read(text)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='brief']/tei:head/tei:label") == ["1.", "2.", "3."]
    round_trips(docs, text)


def test_classical_verse_is_set_line_by_line_under_its_title_and_author_line():
    """Classical verse printed one line to a 联 (``五字，五字。``/``七字，七字。``: a 绝句 of two such
    lines, each ending a sentence) or a 词 under a 词牌·title (lines of unequal length ending in ，
    or 。, its 片 apart by a blank line) is verse under its title and author line: one ``l`` per
    printed line, a stanza per block (TEI P5 §3.13.1). A 词 found by the 词牌 shape of its title
    carries ``@cert="medium"`` (a tune the reader does not know); two prose sentences under a
    plain title stay paragraphs."""
    old = "回乡路上\n\n□ 秦川\n\n山路弯弯\n绕过村口的老槐\n母亲站在门前\n等我回家"
    quatrain = PAPER.replace(old, "河湾晚归\n\n□ 秦川\n\n落日照寒沙，归舟系古槎。\n渔歌声渐远，一棹入芦花。")
    docs, _ = read(quatrain)
    root = docs[0].root
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [2]
    assert texts(root, "//tei:l") == ["落日照寒沙，归舟系古槎。", "渔歌声渐远，一棹入芦花。"]
    assert not xpath(root, "//tei:lg[@type='poem']/@cert")
    round_trips(docs, quatrain)
    ci = PAPER.replace(old, "溪桥月·河湾春早\n\n□ 秦川\n\n柳岸风轻燕子斜，一湾春水浸人家。\n桥头新绿映窗纱。\n\n"
                            "几处炊烟连野树，谁家稚子采山茶，\n归来衣上满晴霞。")
    docs, warnings = read(ci)
    root = docs[0].root
    assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [2, 2]
    assert xpath(root, "string(//tei:lg[@type='poem']/@cert)") == "medium"
    round_trips(docs, ci)
    prose = PAPER.replace(old, "回乡路上\n\n□ 秦川\n\n今年春天回乡，村口的路已经修好了。\n母亲早早站在门前，等我们一家回来。")
    docs, _ = read(prose)
    assert not xpath(docs[0].root, "//tei:l")
    round_trips(docs, prose)


def test_a_ci_under_a_common_tune_is_verse_without_cert():
    """A 词 whose title opens with a common 词牌 (浣溪沙, 临江仙: the tunes of the 词谱 most set
    today) names its form: its lines are verse with no ``@cert`` and no warning about them; the
    same lines under a title only of 词牌 shape keep ``@cert="medium"``."""
    old = "回乡路上\n\n□ 秦川\n\n山路弯弯\n绕过村口的老槐\n母亲站在门前\n等我回家"
    poem = "\n\n□ 秦川\n\n柳岸风轻燕子斜，一湾春水浸人家。\n桥头新绿映窗纱。\n\n几处炊烟连野树，谁家稚子采山茶，\n归来衣上满晴霞。"
    for title in ("浣溪沙·河湾春早", "临江仙·河湾"):
        text = PAPER.replace(old, title + poem)
        docs, warnings = read(text)
        root = docs[0].root
        assert [len(xpath(lg, "tei:l")) for lg in xpath(root, "//tei:lg[@type='stanza']")] == [2, 2]
        assert not xpath(root, "//tei:lg[@type='poem']/@cert")
        assert not any("(verse," in w for w in warnings)
        round_trips(docs, text)


def test_centred_bare_numbers_counting_up_are_folios_without_a_page_break_mark():
    """A briefing's folios printed as bare numbers in the middle of the line (``　…　1``: a wide
    indent), in a text that lost its blank lines and form feeds: each is a folio when the next
    centred number in the text is one more and set alike, though nothing else marks the break;
    a number a hard wrap left alone at the margin (``40``) between them stays text. (Failed
    before: the centred 1 and 2 were read as paragraphs.)"""
    pad = " " * 17
    text = ("商务信息\n第7期（总第88期）\n某县商务局办公室编　　　　2025年7月15日\n"
            "县商务局开展成品油市场专项检查\n"
            "7月上旬，县商务局会同市场监管部门对全县加油站开展专项检查，对其余8处下达限期整改通知书。\n"
            f"{pad}1\n（市场运行股供稿）\n"
            "电商进村带动农产品上行\n"
            "上半年，全镇农产品网络销售额达到21\n40\n万元，同比增长37%，带动600余户农户增收。\n"
            f"{pad}2\n"
            "外贸企业订单稳中有增\n"
            "上半年，全县外贸企业新接订单同比增长一成，重点企业满负荷生产。\n"
            f"{pad}3\n")
    docs, _ = read(text)
    root = docs[0].root
    assert [nows(t) for t in texts(root, "//tei:fw[@type='pageNum']")] == ["1", "2", "3"]
    assert any("2140万元" in nows(p) for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, text)


VERSE_THEN_ESSAY_OVER_A_PAGE = """内部资料

# 某 溪 职 工

2025年第3期（总第40期）

某溪县供电公司　主办　　　　　2025年3月

## 文苑

**灯火**

石青

山那边起了风
河水漫过石桥
他提着马灯
走进雨里

屋檐下的人们
等着那一盏光
从坡上亮起
一直亮到天明
· 6 ·
某溪职工·2025年第3期
**老屋的门槛**

老屋的门槛是一块青石，被几代人的脚磨得发亮。小时候我常坐在上面等父亲下班回家，看他推着自行车从巷口拐进来。

后来老屋翻修，青石被搬到了院子里，我每次回去都要在上面坐一会儿，想起那些等人的黄昏。

· 7 ·
"""


def test_a_short_line_after_a_poem_across_a_page_break_with_prose_under_it_is_the_next_pieces_title():
    """A magazine sets a poem at a page's foot and the essay after it at the head of the next
    page (folio and running head between them, no blank line): the page break sets the short
    line of heading shape apart as a blank line would, and with running text under it the line
    is the essay's title, not the poem's last line. (Failed before: ``老屋的门槛`` was the poem's
    ninth line.)"""
    docs, _ = read(VERSE_THEN_ESSAY_OVER_A_PAGE)
    root = docs[0].root
    heads = [nows("".join(h.itertext())) for h in xpath(root, "//tei:div[@type='article']/tei:head")]
    assert heads[-2:] == ["灯火", "老屋的门槛"], texts(root, "//tei:head")
    lines = texts(root, "//tei:lg[@type='poem']//tei:l")
    assert len(lines) == 8 and lines[-1] == "一直亮到天明", lines
    round_trips(docs, VERSE_THEN_ESSAY_OVER_A_PAGE)


CONTENTS_WITH_A_SUBTITLE = """内部资料

# 某 溪 职 工

2025年第3期（总第40期）

某溪县供电公司　主办　　　　　2025年3月

## 目　录

**要闻**

县公司召开安全生产工作会议　　1

**人物**

大山里的“电力保姆”　　2

——记某岭供电所抄表员周德安

## 要闻

**县公司召开安全生产工作会议**

3月4日，县公司召开安全生产工作会议，总结去年安全生产工作，部署今年重点任务。各部门和各供电所负责人参加会议。

（办公室供稿）

## 人物

**大山里的“电力保姆”**

——记某岭供电所抄表员周德安

周德安在某岭供电所当抄表员已经十五年，负责的线路跨过三座山，沿线有九个自然村。

（通讯员　林　木）
"""


def test_a_dash_line_under_a_contents_entry_is_the_entrys_subtitle():
    """A 目次 prints a feature's subtitle (``——记…``, GB/T 15834-2011 4.11: the dash before a
    副题) on its own line under the entry, which printed its page: it is that entry's subtitle
    (``<title type="sub">`` in the entry's item), not an entry of its own, and in the body the
    same line under the title is the article's subtitle, not its title. (Failed before: the
    ``——记…`` line was a contents entry, and in the body the article's title.)"""
    docs, _ = read(CONTENTS_WITH_A_SUBTITLE)
    root = docs[0].root
    items = xpath(root, "//tei:div[@type='contents']//tei:item[tei:ref[@target]][not(tei:list)]")
    assert [nows("".join(x.itertext())) for x in (xpath(i, "tei:ref")[0] for i in items)] == [
        "县公司召开安全生产工作会议", "大山里的“电力保姆”"]
    assert texts(root, "//tei:div[@type='contents']//tei:title[@type='sub']") == ["——记某岭供电所抄表员周德安"]
    heads = xpath(root, "//tei:div[@type='article']/tei:head[not(@type='sub')]")
    assert [nows("".join(h.itertext())) for h in heads] == ["县公司召开安全生产工作会议", "大山里的“电力保姆”"]
    assert texts(root, "//tei:div[@type='article']/tei:head[@type='sub']") == ["——记某岭供电所抄表员周德安"]
    round_trips(docs, CONTENTS_WITH_A_SUBTITLE)


def test_a_persons_name_in_the_colophon_keeps_its_variant_character():
    """A colophon's editor field holds a person's name, whose characters are the bearer's own
    (a variant such as 樑 in a name is no stray Traditional form: 国家通用语言文字法 第十七条 keeps
    异体字 in names): the item and the header's persName give it as printed, no
    ``<choice>``; a stray form in running text is still regularised. (Failed before: the item
    held ``<choice><orig>樑</orig><reg>梁</reg></choice>`` and the header ``许国樑梁``.)"""
    text = CONTENTS_WITH_A_SUBTITLE.replace("（通讯员　林　木）\n", "（通讯员　林　木）\n\n---\n\n主编：许国樑\n\n责任编辑：苏映荷\n\n印数：500册\n")
    text = text.replace("负责的线路跨过三座山", "負责的线路跨过三座山")
    docs, _ = read(text)
    root = docs[0].root
    items = xpath(root, "//tei:div[@type='colophon']//tei:item")
    assert "许国樑" in ["".join(i.itertext()) for i in items]
    assert not xpath(root, "//tei:div[@type='colophon']//tei:choice")
    assert "许国樑" in [p.text for p in xpath(root, "//tei:teiHeader//tei:respStmt/tei:persName")]
    assert xpath(root, "//tei:body//tei:choice/tei:orig[.='負']")
    round_trips(docs, text)


def test_a_header_value_from_the_colophon_gives_a_regularised_character_once():
    """A colophon value holding a stray Traditional form keeps it as ``<choice><orig>…</orig>
    <reg>…</reg></choice>``; the header's value read from it is the text as printed, each
    character once. (Failed before: the header's 地址 held ``某溪县電电力路8号``.)"""
    text = CONTENTS_WITH_A_SUBTITLE.replace("（通讯员　林　木）\n", "（通讯员　林　木）\n\n---\n\n主办：某溪县供电公司\n\n地址：某溪县電力路8号\n\n印数：500册\n")
    docs, _ = read(text)
    root = docs[0].root
    header = "".join(xpath(root, "//tei:teiHeader")[0].itertext())
    assert "電力路" in header and "電电" not in header, header
    round_trips(docs, text)


def test_a_bullet_mark_before_a_photo_caption_is_the_captions_label():
    """Print sets a ▲ before a photo caption, pointing at the photo: the mark is the caption
    head's ``<label>`` (as a heading's bullet is), kept, outside the caption's text; the credit
    (…摄) is the figure's byline. (Failed before: the head's text opened with ▲.)"""
    text = CONTENTS_WITH_A_SUBTITLE.replace(
        "（办公室供稿）\n", "（办公室供稿）\n\n▲ 3月4日，县公司安全生产工作会议现场。（林木　摄）\n")
    docs, _ = read(text)
    root = docs[0].root
    figures = xpath(root, "//tei:figure")
    assert len(figures) == 1
    head = xpath(figures[0], "tei:head")[0]
    assert texts(head, "tei:label") == ["▲"]
    assert nows("".join(t for c in head for t in [("" if c.tag.endswith("}label") else "".join(c.itertext())), c.tail or ""])
                + (head.text or "")) == "3月4日，县公司安全生产工作会议现场。"
    assert texts(figures[0], "tei:byline") == ["（林木摄）"]
    round_trips(docs, text)


def test_a_dash_line_under_a_leader_contents_entry_is_the_entrys_subtitle():
    """In a 目次 with dot leaders, a feature's ``——记…`` line printed under its entry (which
    printed its leader and page) is that entry's subtitle, not the first line of the next entry.
    (Failed before: the next entry's title began with the subtitle.)"""
    text = CONTENTS_WITH_A_SUBTITLE.replace("县公司召开安全生产工作会议　　1", "县公司召开安全生产工作会议……………1").replace(
        "大山里的“电力保姆”　　2", "大山里的“电力保姆”……………2").replace(
        "**人物**\n", "**人物**\n\n安全生产月活动启动……………3\n").replace(
        "（通讯员　林　木）\n", "（通讯员　林　木）\n\n**安全生产月活动启动**\n\n3月10日，县公司启动安全生产月活动，各供电所同步开展隐患排查。\n")
    text = text.replace("大山里的“电力保姆”……………2\n\n——记某岭供电所抄表员周德安\n",
                        "大山里的“电力保姆”……………2\n\n——记某岭供电所抄表员周德安\n\n电力服务进万家……………4\n")
    text += "\n**电力服务进万家**\n\n3月12日，县公司组织党员服务队走进社区，为居民检修家用电器。\n"
    docs, _ = read(text)
    root = docs[0].root
    refs = [nows("".join(r.itertext())) for r in xpath(root, "//tei:div[@type='contents']//tei:item/tei:ref")]
    assert "电力服务进万家" in refs and not any(r.startswith("——") for r in refs), refs
    assert texts(root, "//tei:div[@type='contents']//tei:title[@type='sub']") == ["——记某岭供电所抄表员周德安"]
    round_trips(docs, text)


#: An invented 会讯: after a folio and a page break, a column label, a title, and under it a pen
#: name of two characters letter-spaced to the width of three (``芷　禾``), its first character no
#: common surname; the story's first paragraph, opening indented, starts mid-phrase (在…).
LETTER_SPACED_PEN_NAME = (
    "青溪会讯\n\n2024年第2期（总第20期）\n\n青溪县红十字会编\n\n"
    "博爱周活动启动\n\n　　5月8日，县红十字会在城区广场设置咨询台，向群众宣传应急救护知识。\n\n"
    "· 2 ·\n\f【志愿者风采】\n\n"
    "二十年守护一方平安\n\n芷　禾\n\n"
    "　　在县救护站的志愿者名册上，他的名字排在第一位。二十年来他参加救护培训四十多次。\n\n"
    "　　他说，能帮上别人就是最大的快乐。\n"
)


def test_a_letter_spaced_two_character_name_under_a_title_is_its_byline_with_cert():
    """Under a title, two Han characters set apart by one space (``芷　禾``: a two-character name
    letter-spaced to the width of three, newspaper and journal practice) with running text after
    it is the author line, though its first character is no common surname (a pen name); weak,
    ``@cert`` medium. It is no paragraph the text below runs on into."""
    docs, _ = read(LETTER_SPACED_PEN_NAME)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:byline") == ["芷禾"]
    assert xpath(root, "string(//tei:div[@type='article']/tei:byline/@cert)") == "medium"
    assert not any("芷" in p for p in texts(root, "//tei:body//tei:p"))
    round_trips(docs, LETTER_SPACED_PEN_NAME)


#: An invented 简报 hard-wrapped at 24 characters (a monospaced extraction), its second title centred
#: by spaces and cut by the same wrap: the first piece reaches the column's end, the rest flush left.
CENTRED_TITLE_CUT = (
    "青溪司法工作简报\n第3期\n\n调解工作扎实推进\n\n"
    "    今年以来，县司法局把矛盾纠纷排查化解作为\n基层治理的重点，组织各司法所和调解委员会深入村组\n"
    "、社区逐户走访，建立纠纷台账，实行销号管理，做到\n早发现、早介入、早化解，全年共排查各类纠纷三百余\n"
    "件，调解成功率达到百分之九十五以上，群众满意度明\n显提高。\n\n"
    "                县人民调解中心开\n展矛盾纠纷排查活动\n\n"
    "    八月以来，中心组织调解员分三批进村入户，\n宣讲婚姻家庭、土地承包、邻里纠纷等方面的法律知识\n"
    "，现场受理群众咨询，对排查出的纠纷逐件登记，明确\n责任人和办结时限，做到件件有着落、事事有回音，受\n"
    "到群众欢迎。\n"
)


def test_a_centred_title_the_wrap_cut_at_the_columns_end_is_one_heading():
    """A line set in from the left by more than a paragraph's indent (a centred title), without
    clause punctuation, whose indent and text together reach the column's end, over a short flush
    line without clause punctuation: the hard wrap cut the title (a centred line otherwise ends
    short of the column's end), and the two lines are one heading (weak: ``@cert``)."""
    docs, _ = read(CENTRED_TITLE_CUT)
    heads = texts(docs[0].root, "//tei:body//tei:div[@type='article']/tei:head")
    assert "县人民调解中心开展矛盾纠纷排查活动" in heads
    assert not any(h in ("县人民调解中心开", "展矛盾纠纷排查活动") for h in heads)
    assert texts(docs[0].root, "//tei:body/tei:div[@type='section']/tei:head") == []
    round_trips(docs, CENTRED_TITLE_CUT)


#: An invented 文艺 quarterly: under a column's name (小说), a title of two characters letter-spaced
#: (``晨　渡``) over its author's name.
LETTER_SPACED_TITLE = (
    "青溪文艺\n\n2024年第2期（总第20期）\n\n青溪县文学艺术界联合会编\n\n"
    "小说\n\n晨　渡\n\n柳青禾\n\n"
    "　　江面上起了雾，渡船从对岸慢慢开过来，船头挂着一盏昏黄的灯。\n\n"
    "　　老人把缆绳系在木桩上，招呼我们上船。\n"
)


def test_a_letter_spaced_two_character_title_over_its_authors_name_stays_the_title():
    """Two Han characters set one space apart over an author line (a name), not over running text:
    the letter-spaced line is a short title, the name under it the byline."""
    docs, _ = read(LETTER_SPACED_TITLE)
    root = docs[0].root
    assert texts(root, "//tei:div[@type='article']/tei:byline") == ["柳青禾"]
    assert "晨渡" in [h.replace(" ", "").replace("\u3000", "") for h in texts(root, "//tei:body//tei:head")]
    round_trips(docs, LETTER_SPACED_TITLE)


#: An invented 水务 briefing: a typed rule ━━━ between two reports and an ornament row ＊　＊　＊
#: between two more; then a 文艺 page whose essay is parted in two by ※　※　※.
SEPARATOR_BRIEFING = (
    "内部资料\n\n水 务 工 作 简 报\n\n第3期\n\n某某县水务局　　　　　　　　2025年3月10日\n\n"
    "县水务局召开春季水利建设推进会\n\n"
    "　　3月5日，县水务局召开春季水利建设推进会，总结去年工作，部署今年任务。\n\n"
    "　　会议指出，今年全县计划实施水利项目二十个，各单位要倒排工期，确保汛前完工。\n\n"
    "（县水务局办公室供稿）\n\n━━━━━━━━━━━━━━━━━━━━\n\n"
    "长岭镇完成山塘清淤十二座\n\n"
    "　　今年以来，长岭镇组织力量对辖区内十二座山塘进行清淤整治，新增蓄水能力三万立方米。\n\n"
    "（长岭镇水利站供稿）\n\n＊　　＊　　＊\n\n"
    "县河长办开展河道巡查\n\n"
    "　　近日，县河长办组织人员对全县主要河道开展巡查，发现问题六处，均已交办整改。\n\n"
    "　　巡查中，工作人员逐段查看河岸垃圾、排污口和涉河建筑，现场拍照登记。\n\n"
    "※　※　※\n\n"
    "　　巡查结束后，县河长办召开碰头会，对发现的问题逐一研究，明确整改时限。\n\n"
    "（县河长办供稿）\n\n"
    "报：市水务局。\n送：县委办、县政府办。\n某某县水务局办公室　　　　2025年3月10日印发\n"
)


def test_a_printed_rule_or_ornament_row_in_the_body_is_a_separator_not_a_heading():
    """A line of ━ (a typed rule) or a row of one ornament (＊　＊　＊, ※　※　※) standing alone in
    the body is neither a heading nor glued to the title under it: ``fw type="rule"`` where it
    stands, between two reports after a credit, inside the report it parts; the heads are the three
    titles alone; the same once the blank lines are gone."""
    for text in (SEPARATOR_BRIEFING, SEPARATOR_BRIEFING.replace("\n\n", "\n")):
        docs, _ = read(text)
        root = docs[0].root
        heads = texts(root, "//tei:body//tei:head")
        assert heads == ["县水务局召开春季水利建设推进会", "长岭镇完成山塘清淤十二座", "县河长办开展河道巡查"]
        assert texts(root, "//tei:body//tei:fw[@type='rule']") == ["━" * 20, "＊＊＊", "※※※"]
        last = xpath(root, "//tei:body//tei:div[@type='article']")[-1]
        assert [local(c) for c in last if local(c) in ("p", "fw")] == ["p", "p", "fw", "p"]
        own_schema().assertValid(root)
        round_trips(docs, text)


#: An invented 体育 briefing: a 【工作动态】 column of three numbered items (1.…, 2.…, 3.…), each a
#: title line over its text, none closed by a credit; then a report of its own after the column.
UNCREDITED_COLUMN_ITEMS = (
    "内部资料\n\n体 育 工 作 简 报\n\n第5期\n\n某某县文化广电体育局　　　　　　　　2025年6月10日\n\n"
    "全县全民健身运动会开幕\n\n"
    "　　6月8日，某某县第五届全民健身运动会在县体育中心开幕，二千余名运动员参加开幕式。\n\n"
    "　　本届运动会设篮球、乒乓球、广场舞等十二个大项，赛期一个月。\n\n"
    "（县全民健身中心供稿）\n\n【工作动态】\n\n"
    "1.县体育中心游泳馆恢复开放\n\n"
    "　　经过两个月的维修改造，县体育中心游泳馆于6月1日恢复对外开放，新增恒温设备。\n\n"
    "2.青少年足球夏令营开始报名\n\n"
    "　　县青少年足球夏令营将于7月中旬开营，面向全县八至十四岁青少年招收学员一百二十名。\n\n"
    "3.社会体育指导员培训班结业\n\n"
    "　　由县体育总会举办的社会体育指导员培训班日前结业，六十名学员通过考核。\n\n"
    "报：市文化广电体育局。\n送：县委办、县政府办。\n某某县文化广电体育局办公室　　　　2025年6月10日印发\n"
)


def test_numbered_items_right_under_a_column_name_are_its_items_without_credits_too():
    """Numbered title lines right under a column name, each over its text, none closed by a credit:
    there is no title above them in the column to be sub-heads of (GB/T 15834-2011 B.3.8), so each
    is an item of the column (``div type="brief"``, the number a ``label``, ``@cert`` low), not the
    first an article with the others its sub-heads; the same once the blank lines are gone."""
    for text in (UNCREDITED_COLUMN_ITEMS, UNCREDITED_COLUMN_ITEMS.replace("\n\n", "\n")):
        docs, warnings = read(text)
        root = docs[0].root
        items = xpath(root, "//tei:div[@type='section']/tei:div[@type='brief']")
        assert [texts(d, "tei:head")[0] for d in items] == [
            "1.县体育中心游泳馆恢复开放", "2.青少年足球夏令营开始报名", "3.社会体育指导员培训班结业"]
        assert [xpath(d, "tei:head")[0].get("cert") for d in items] == ["low"] * 3
        assert xpath(root, "//tei:div[@type='subsection']") == []
        own_schema().assertValid(root)
        round_trips(docs, text)


#: An invented 水利 briefing with leftover Markdown: a 表彰 notice whose 名单 is printed two names to
#: a line under 一、/二、 sub-heads (one line's columns one space apart after a bracketed unit), a
#: 【数字看板】 box holding a title line over a Markdown pipe table, and a bold 要闻速递 over ● items
#: with no head and no credit.
H22B_MARKDOWN_BRIEFING = (
    "内部资料\n\n# 水 利 工 作 简 报\n\n第3期\n\n某某县水利局　　　　　　　　2025年4月8日\n\n---\n\n"
    "## 县水利局通报表扬2024年度防汛工作先进集体和个人\n\n"
    "　　2024年，全县水利系统圆满完成防汛任务。经研究，决定对下列集体和个人予以通报表扬。名单如下：\n\n"
    "### 一、先进集体（6个）\n\n"
    "青石镇水利站　　　　　　　白沙镇水利站\n\n"
    "县水文站　　　　　　　　　县河道管理所\n\n"
    "东湖水库管理处　　　　　　西岭灌区管理处\n\n"
    "### 二、先进个人（6名）\n\n"
    "李　明（青石镇水利站）　　王建华（县水文站）\n\n"
    "陈晓燕（县河道管理所）　赵　刚（东湖水库管理处）\n\n"
    "周文斌（白沙镇水利站）　　吴　芳（西岭灌区管理处）\n\n"
    "　　希望受到表扬的集体和个人再接再厉，为全县水利事业作出新的贡献。\n\n"
    "（县水利局办公室供稿）\n\n"
    "**【数字看板】**\n\n"
    "一季度全县水利投资完成情况\n\n"
    "| 项目 | 完成额 | 同比 |\n| --- | --- | --- |\n| 水库除险加固（万元） | 820 | 12.5% |\n"
    "| 灌区改造（万元） | 460 | -3.1% |\n| 河道整治（万元） | 1130 | 8.4% |\n\n"
    "　　一季度，全县水利投资总体平稳，河道整治投资增幅较大。\n\n"
    "（数据来源：县水利局规划科）\n\n"
    "**要闻速递**\n\n"
    "●4月1日，县水利局组织开展汛前水库安全检查，排查隐患十二处。\n\n"
    "●4月3日，县河道管理所完成城区段河道清淤，清理淤泥三千立方米。\n\n"
    "●4月6日，县水文站更新自动雨量站十座，实现全县乡镇全覆盖。\n\n"
    "---\n\n报：市水利局。\n\n送：县委办、县政府办。\n\n某某县水利局办公室　　　　2025年4月8日印发\n"
)


def test_h22b_names_in_columns_a_pipe_table_and_a_bullet_column_are_no_article_headings():
    """Names printed two to a line under 一、/二、 sub-heads are list rows (paragraphs), never a
    heading, and the second sub-head stays one; a Markdown pipe table is a ``<table>`` (the pipes
    kept in its cells), its title line the head of the box's piece, never glued to the rows; a bold
    short name after a credit over ● items is a column (section), not an article."""
    for text in (H22B_MARKDOWN_BRIEFING, H22B_MARKDOWN_BRIEFING.replace("\n\n", "\n")):
        docs, _ = read(text)
        root = docs[0].root
        heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
        assert heads == ["县水利局通报表扬2024年度防汛工作先进集体和个人", "一季度全县水利投资完成情况"]
        assert texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、先进集体（6个）", "二、先进个人（6名）"]
        assert texts(root, "//tei:div[@type='section']/tei:head") == ["【数字看板】", "要闻速递"]
        rows = xpath(root, "//tei:table/tei:row")
        assert len(rows) == 5 and rows[0].get("role") == "label"
        assert [len(r) for r in rows] == [3] * 5
        listed = texts(root, "//tei:div[@type='subsection'][2]/tei:p")
        assert listed[0].startswith("李明（青石镇水利站）") and len(listed) == 4
        own_schema().assertValid(root)
        round_trips(docs, text)


#: An invented 林业协会 会刊, hard-wrapped at 20 columns with no blank lines (a paragraph opens only
#: at its first-line indent): an article whose notes ①② stand right under its text, each ended on
#: its line, then a column with an interview the contents list does not name (title, ——subtitle,
#: reporter line).
H22A_NO_BLANK_JOURNAL = (
    "内部资料\u3000免费交流\n青\u3000溪\u3000林\u3000业\n2025年第1期（总第9期）\n"
    "青溪县林业协会编\u3000\u3000\u3000\u30002025年3月\n目\u3000\u3000录\n【会务动态】\n"
    "县林业协会召开年度会员大会…………2\n城南古樟考略……………………3\n【会务动态】\n县林业协会召开年度会员大会\n"
    "\u3000\u30003月2日，县林业协会在县林业局会议室\n召开年度会员大会，会员代表六十余人参加会\n"
    "议，审议通过了年度工作报告和财务报告。\n\u3000\u3000会议提出，今年协会将组织会员开展古树\n"
    "名木普查，配合林业部门做好森林防火宣传，\n推动林下经济发展。\n（协会秘书处）\n城南古樟考略\n"
    "县林业局\u3000陈守义\n\u3000\u3000县境古树以银杏、香樟为多，旧志称城南\n有古樟一株“荫可数亩”①，至今犹存。民间\n"
    "相传此树为宋人所植，但未见确切记载。\n\u3000\u3000据上世纪八十年代的调查，全县树龄在三\n"
    "百年以上的古树共四百余株②，其中以白石乡\n的银杏群最为集中，每到深秋满山金黄。\n"
    "①光绪《青溪县志》卷二。\n②据县林业局古树名录。\n【林人访谈】\n“守着这片林子就够了”\n——访护林员张大山\n"
    "本刊记者\u3000李小禾\n\u3000\u3000在白石乡的护林站里，六十岁的张大山已\n经守了三十年林子，每天要沿着山路巡查十几\n"
    "里地。我们问他苦不苦。\n\u3000\u3000张大山：不苦，这片林子就是我的家，守\n着它就够了。年轻人愿意来，我就把这些年的\n"
    "经验都教给他们。\n"
)


def test_h22a_no_blank_journal_notes_end_on_their_line_and_unlisted_interview_is_an_article():
    """In a text hard-wrapped with no blank lines, a footnote that ends on its line (a sentence
    mark, short of the wrap) takes no line under it: the column name and the interview after the
    notes are not run into note ②. The interview's title, over its ——subtitle and reporter line,
    is an article heading (@cert medium) though the contents list does not name it."""
    docs, _ = read(H22A_NO_BLANK_JOURNAL)
    root = docs[0].root
    assert texts(root, "//tei:note[@place='foot']") == ["①光绪《青溪县志》卷二。", "②据县林业局古树名录。"]
    assert "【林人访谈】" in texts(root, "//tei:div[@type='section']/tei:head")
    heads = xpath(root, "//tei:div[@type='article']/tei:head[not(@type)]")
    assert [h.text for h in heads][-1] == "“守着这片林子就够了”"
    assert heads[-1].get("cert") == "medium"
    assert texts(root, "//tei:div[@type='article']/tei:head[@type='sub']") == ["——访护林员张大山"]
    own_schema().assertValid(root)
    round_trips(docs, H22A_NO_BLANK_JOURNAL)


#: An invented 运动会简报 in a pdftotext -layout look: centred titles, indented paragraphs; a report
#: closed by its credit, then a results table and a medal table each under its own centred title
#: (the first with a note in brackets under it, its credit), a report without credit, a schedule
#: under a centred title, and a data box of ▲ lines of figures under its title in a 【】 column.
TABLE_PIECES = (
    "                 某 某 县 第 三 届 职 工 运 动 会\n"
    "                          简　　报\n"
    "                          第 2 期\n"
    "某某县职工运动会组委会办公室            2025年5月12日\n\n"
    "                    职工运动会拔河比赛圆满结束\n\n"
    "    5月11日，县职工运动会拔河比赛在县体育馆举行，全县二十支职工队伍参加比赛。\n\n"
    "    经过一天的角逐，县供电公司代表队获得冠军。\n\n"
    "                                              （竞赛组　张　林）\n\n"
    "                        拔河比赛成绩公告\n\n"
    "名次      代表队            领队\n"
    "第一名    县供电公司        王　强\n"
    "第二名    县人民医院        李　华\n"
    "第三名    县自来水公司      赵　明\n\n"
    "                                        （裁判组提供）\n\n"
    "                       奖牌榜（截至5月11日）\n\n"
    "名次   代表队        金牌   银牌   铜牌\n"
    " 1     县供电公司      6      4      3\n"
    " 2     县人民医院      5      5      2\n"
    " 3     县税务局        3      2      6\n\n"
    "                     乒乓球比赛进入半决赛\n\n"
    "    5月11日，县职工运动会乒乓球团体比赛小组赛结束，四支队伍晋级半决赛。\n\n"
    "    半决赛将于5月13日在县全民健身中心举行，欢迎职工群众到场观看。\n\n"
    "                         5月13日赛程安排\n\n"
    "时间          项目                地点\n"
    "08:30—11:30   乒乓球半决赛        县全民健身中心\n"
    "14:30—17:00   乒乓球决赛          县全民健身中心\n"
    "15:00—17:00   象棋决赛            县老干部活动中心\n\n"
    "【数说运动会】\n\n"
    "本届职工运动会主要数据\n\n"
    "▲参赛职工二千一百人\n\n"
    "▲设比赛项目十二个\n\n"
    "▲志愿者服务时长三千小时\n\n"
    "（组委会办公室提供）\n\n"
    "报：市总工会。\n送：县委办、县政府办。\n"
)


def test_h22d_a_table_or_data_box_under_its_own_title_is_a_piece_of_its_own():
    """A table set apart under a title of its own (after a report's credit, or centred under a
    finished sentence, a blank line between it and the rows) is the body of a piece: the title is
    the piece's head (not a paragraph, not the table's own head), a bracketed note under the table
    (（裁判组提供）) its credit; a centred title right under the last row (no blank line) is the
    next report's, no rest of a row; a data box's ▲ lines of figures are its text (paragraphs),
    none of them a head, its （…提供） note its credit."""
    heads_all = ["职工运动会拔河比赛圆满结束", "拔河比赛成绩公告", "奖牌榜（截至5月11日）", "乒乓球比赛进入半决赛",
                 "5月13日赛程安排", "本届职工运动会主要数据"]
    for text, heads in ((TABLE_PIECES, heads_all),
                        (TABLE_PIECES.replace("\n\n", "\n"), heads_all[:4] + heads_all[5:])):
        docs, _ = read(text)
        root = docs[0].root
        got = [h for h in texts(root, "//tei:body//tei:div[@type='article']/tei:head")]
        for head in heads:
            assert head in got, (head, got)
        assert not any(h.startswith("▲") for h in texts(root, "//tei:body//tei:head")), got
        tables = xpath(root, "//tei:body//tei:div[@type='article']/tei:table")
        assert len(tables) == 3
        assert texts(xpath(root, "//tei:div[tei:head='拔河比赛成绩公告']")[0], "tei:byline") == ["（裁判组提供）"]
        box = xpath(root, "//tei:div[tei:head='本届职工运动会主要数据']")[0]
        assert len(xpath(box, "tei:p")) == 3
        assert texts(box, "tei:byline") == ["（组委会办公室提供）"]


#: An invented 社区 briefing: a report with a 安全提示 box inside it (the label over ■ lines, then
#: the report's credit); a 【群众来信】 column with a letter asked as a question, its salutation,
#: 此致 / 敬礼！, the writer's unit and name over the date; a 【以案释法】 column whose title is a
#: question with a comma, the court and the judge's name under it.
H22C_LETTER_BRIEFING = (
    "社 区 工 作 简 报\n\n第2期\n\n某某县民政局办公室　　　　　　　2025年4月15日\n\n"
    "南湖社区开展燃气安全入户检查\n\n"
    "　　4月上旬，南湖社区联合燃气公司对辖区八百余户居民开展燃气安全入户检查，更换老化软管六十余根。\n\n"
    "　　检查中，工作人员向居民发放宣传资料，讲解燃气泄漏的处置方法。\n\n"
    "安全提示\n\n"
    "■ 使用燃气时要有人看管，人走火灭。\n\n"
    "■ 闻到燃气异味，先关阀门再开窗通风。\n\n"
    "（南湖社区供稿）\n\n"
    "【群众来信】\n\n"
    "楼道里的杂物谁来清？\n\n"
    "社区居委会：\n\n"
    "　　我住在南湖社区三号楼，楼道里堆满了旧家具和纸箱，老人上下楼很不方便，希望社区帮忙清理。\n\n"
    "　　上周社区派人清走了杂物，还在楼道装了感应灯，我们全楼居民都很感激。\n\n"
    "此致\n\n敬礼！\n\n"
    "南湖社区老年协会　蒋文华\n\n2025年4月8日\n\n"
    "【以案释法】\n\n"
    "邻居装修漏水，损失该谁赔？\n\n"
    "县人民法院　宁思远\n\n"
    "　　去年冬天，居民甲家装修时水管破裂，楼下居民乙家的吊顶被泡坏，双方协商不成诉至法院。\n\n"
    "　　法院审理认为，甲对装修中的漏水负有过错，判决甲赔偿乙的维修费用。\n\n"
    "报：县民政局。\n送：各乡镇人民政府。\n某某县民政局办公室　　　　2025年4月15日印发\n"
)


def test_h22c_box_label_letter_closing_signature_and_question_titles():
    """A box's label (安全提示) inside a report, after its text and before its credit, is a line of the
    report, no article; a letter's 此致 / 敬礼！ are its text, its writer's unit and name over a date
    its signature (one ``byline`` with the date); a question right under a column name is the
    title of the column's piece, over a salutation or over an author line (the court and the judge,
    a ``byline``); the same once the blank lines are gone."""
    for text in (H22C_LETTER_BRIEFING, H22C_LETTER_BRIEFING.replace("\n\n", "\n")):
        docs, _ = read(text)
        root = docs[0].root
        heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
        assert heads == ["南湖社区开展燃气安全入户检查", "楼道里的杂物谁来清？", "邻居装修漏水，损失该谁赔？"]
        first = xpath(root, "//tei:body//tei:div[@type='article']")[0]
        assert "安全提示" in texts(first, "tei:p")
        assert texts(first, "tei:byline") == ["（南湖社区供稿）"]
        letter, case = xpath(root, "//tei:body//tei:div[@type='article']")[1:]
        assert texts(letter, "tei:p")[-2:] == ["此致", "敬礼！"]
        signed = xpath(letter, "tei:byline")
        assert len(signed) == 1 and xpath(signed[0], "tei:date")[0].get("when") == "2025-04-08"
        assert texts(signed[0], "tei:persName") == ["蒋文华"]
        assert texts(case, "tei:byline") == ["县人民法院宁思远"]
        own_schema().assertValid(root)
        round_trips(docs, text)


#: An invented 馆讯 quarterly: bare-number folios (no form feed, no other folio shape) at the foot
#: of each page, running heads alternating by page (the title on even pages, the issue on odd
#: ones), and a 注释 block whose first note cites a volume (第12卷).
H23A_QUARTERLY = (
    "桐 溪 图 书 馆 馆 讯\n\n（季刊）\n\n2025年第3期　　总第18期\n\n桐溪市图书馆编　　　　　　2025年9月\n\n"
    "【馆务动态】\n\n"
    "我馆召开年度读者服务工作会议\n\n"
    "　　7月10日，市图书馆召开年度读者服务工作会议，总结上半年工作，部署下半年任务。\n\n"
    "　　会议通报了上半年各项服务数据，全馆接待读者十二万人次，外借图书九万册次，举办讲座二十场。\n\n"
    "1\n\n桐溪图书馆馆讯\n\n"
    "　　会议要求各部门改进服务方式，延长周末开放时间。\n\n"
    "（办公室）\n\n"
    "我馆新增一批地方文献\n\n"
    "　　8月初，市民方远山先生将家藏的一批旧方志和家谱捐赠给市图书馆，共计四十余册。\n\n"
    "　　这批文献年代较早，保存完好，对研究本地历史很有价值。\n\n"
    "2\n\n2025年第3期\n\n"
    "（地方文献部）\n\n"
    "【读书札记】\n\n"
    "旧方志里的桐溪物产\n\n"
    "　　翻检馆藏旧方志，可以看到桐溪过去出产茶叶、桐油和竹器①，这些物产曾远销外地。\n\n"
    "　　其中桐油一项，志书记载尤详，可见其在当时经济中的地位。\n\n"
    "3\n\n桐溪图书馆馆讯\n\n"
    "　　今天的桐溪，茶叶仍是重要产业，桐油和竹器则多已少见。\n\n"
    "注释：\n\n"
    "①参见《桐溪县志》第12卷物产条。\n\n"
    "【读者来信】\n\n"
    "　　希望图书馆多开展一些面向老年读者的活动，比如智能手机使用培训，谢谢。\n\n"
    "4\n\n2025年第3期\n\n"
    "　　建议阅览室增加一些座位，周末时常常一座难求，很多人只能站着看书。\n\n"
    "主　　办：桐溪市图书馆\n\n主　　编：方一鸣\n\n内部资料　免费交流\n\n5\n"
)


def test_h23a_bare_folios_with_alternating_running_heads_one_issue():
    """A run of bare numbers each one more than the last, a page of text apart, each over a short
    line whose text recurs under the run (two heads alternating by page, as a journal prints its
    title and its issue): folios and running heads, no text and no second masthead; a note that
    opens with its number and cites a volume (①…第12卷…) is no issue line either. The same with
    the blank lines gone."""
    for text in (H23A_QUARTERLY, H23A_QUARTERLY.replace("\n\n", "\n")):
        docs, _ = read(text)
        assert len(docs) == 1
        root = docs[0].root
        assert texts(root, "//tei:fw[@type='pageNum']") == ["1", "2", "3", "4", "5"]
        assert texts(root, "//tei:fw[@type='header']") == ["桐溪图书馆馆讯", "2025年第3期"] * 2
        body = "".join(texts(root, "//tei:body//tei:p"))
        assert "桐溪图书馆馆讯" not in body and "2025年第3期" not in body


#: An invented 校报 of two pages: a 本期导读 contents list, news with 本报讯 lead-ins, then on its
#: second page a news item, then a short column name (人物剪影) centred over a feature's title, the reporter's line
#: under the title and no news lead-in.
H23D_SCHOOL_PAPER = (
    "                               青 禾 校 报\n\n"
    "                            青禾县实验中学主办\n"
    "2025年5月16日  星期五                 第3期（总第41期）  本期2版\n\n"
    "第1版    要闻\n\n"
    "                                  本期导读\n"
    "      ▲ 我校举行春季田径运动会 ……………………………………  1版\n"
    "      ▲ 图书馆延长周末开放时间 …………………………………  2版\n\n"
    "                          我校举行春季田径运动会\n\n"
    "    本报讯（通讯员　方一鸣）5月9日，我校春季田径运动会在学校操场开幕，全校\n"
    "二千余名师生参加开幕式。两天的比赛中，共有三项校纪录被刷新。\n\n"
    "本版编辑：方一鸣    学生编辑：周小禾\n"
    "\f第2版    校园生活                                   青禾校报    2025年5月16日\n\n"
    "                          图书馆延长周末开放时间\n\n"
    "    本报讯（学生记者　周小禾）从5月10日起，学校图书馆周六、周日开放到晚上九点，\n"
    "方便住校生借阅和自习。\n\n"
    "                                  人物剪影\n\n"
    "                            食堂里的“老陈师傅”\n\n"
    "                              学生记者　周小禾\n\n"
    "    在学校食堂，提起掌勺的陈师傅，几乎没有人不认识。他在这里做了十五年饭，\n"
    "学生们都叫他“老陈师傅”。每天清晨五点，他就到后厨准备早餐。\n"
    "    他说：“孩子们吃得好，我心里就踏实。”\n\n"
    "本版编辑：宋雨桐    学生编辑：周小禾\n"
)


def test_h23d_newspaper_column_name_over_title_with_contents_list():
    """In a newspaper with a 本期导读 contents list, a short centred name over a feature's title
    (a reporter's line under the title, no 本报讯 lead-in) is the column (栏目) the feature stands
    in, a section, not an article with no text of its own."""
    for text in (H23D_SCHOOL_PAPER, H23D_SCHOOL_PAPER.replace("\n\n", "\n")):
        docs, _ = read(text)
        root = docs[0].root
        sections = texts(root, "//tei:body//tei:div[@type='section']/tei:head")
        assert sections == ["人物剪影"], sections
        heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
        assert "人物剪影" not in heads and heads[-1] == "食堂里的“老陈师傅”", heads
        own_schema().assertValid(root)
        round_trips(docs, text)


H23B_SPEECH_BRIEFING = (
    "# 工 业 信 息\n\n第4期\n\n某某县工业和信息化局　　　　2025年3月20日\n\n"
    "**经验交流**\n\n"
    "### 抓好技改投入　推动产业升级\n\n"
    "县机械集团党委书记、董事长　林志国\n\n"
    "今年以来，集团围绕主业实施技术改造项目五个，完成投资一亿二千万元，生产效率明显提高。\n\n"
    "下一步，集团将继续加大研发投入，推动产品向中高端迈进。\n\n"
    "### 以精细管理降低生产成本\n\n"
    "县纺织公司党委副书记、总经理　方建明\n\n"
    "公司从原料采购、能源消耗和库存管理三个环节入手，全面推行精细化管理，单位成本下降百分之六。\n\n"
    "## 全县工业企业用工情况调查（摘要）\n\n"
    "县工信局对全县规模以上工业企业用工情况进行了调查，总体用工稳定，技能人才仍然紧缺。\n\n"
    "（县工信局调研组）\n\n"
    "## 县工信局关于做好春季安全生产工作的通知（摘要）\n\n"
    "各企业要认真开展安全隐患排查，落实安全生产主体责任，确保春季生产安全平稳。\n\n"
    "**企业动态**\n\n"
    "### ◎ 县机械集团新厂房投入使用\n\n"
    "3月上旬，县机械集团新建的装配车间投入使用，新增生产线两条。（县机械集团供稿）\n\n"
    "### ◎ 县纺织公司获评省级专精特新企业\n\n"
    "近日，县纺织公司经省工信厅认定，被评为省级专精特新中小企业。（县纺织公司供稿）\n\n"
    "---\n\n报：市工信局。\n\n发：各工业企业。\n\n---\n\n某某县工业和信息化局办公室　　　　2025年3月20日印发\n"
)


def test_h23b_speaker_lines_group_credit_and_bulleted_brief_heads():
    """A speech's head over its speaker line (a company's posts and a name: 党委书记、董事长　X) is
    the head, the speaker line a ``byline`` (no second title line); a report's working group in
    brackets at its foot (（…调研组）) is its credit, the next ## title a head of its own; a printed
    bullet before a brief's title (### ◎ …) is a ``label`` in the head, outside the title."""
    docs, _ = read(H23B_SPEECH_BRIEFING)
    root = docs[0].root
    arts = xpath(root, "//tei:body//tei:div[@type='article']")
    heads = [("".join(xpath(a, "tei:head[1]/text()"))).strip() for a in arts]
    assert heads == ["抓好技改投入　推动产业升级", "以精细管理降低生产成本", "全县工业企业用工情况调查（摘要）",
                     "县工信局关于做好春季安全生产工作的通知（摘要）", "县机械集团新厂房投入使用",
                     "县纺织公司获评省级专精特新企业"]
    assert [t.replace("\u3000", "") for t in texts(arts[0], "tei:byline")] == ["县机械集团党委书记、董事长林志国"]
    assert [t.replace("\u3000", "") for t in texts(arts[1], "tei:byline")] == ["县纺织公司党委副书记、总经理方建明"]
    assert texts(arts[2], "tei:byline") == ["（县工信局调研组）"]
    assert [texts(a, "tei:head/tei:label") for a in arts[4:]] == [["◎"], ["◎"]]
    assert all(not xpath(a, "tei:head/tei:label") for a in arts[:4])
    own_schema().assertValid(root)
    round_trips(docs, H23B_SPEECH_BRIEFING)


# A two-issue briefing hard-wrapped with no blank lines: a wrapped line of a 批示 opens with the
# issue number it cites (刊第3期《…), and the brief items are cut mid-clause by the wrap.
H23C_TWO_ISSUES = (
    '内部资料\n'
    '\u3000\u3000\u3000\u3000\u3000林业工作简报\n'
    '\u3000\u3000\u3000\u3000\u3000\u3000第3期（总第21期）\n'
    '青石县林业局办公室\u3000\u3000\u3000\u3000\u30002024年5月6日\n'
    '县林业局部署春季森林防火检查工作\n'
    '\u3000\u30005月2日，县林业局召开春季森林防火工作会议，各乡\n'
    '镇林业站站长和护林员代表参加会议。会议通报了今年以来\n'
    '全县森林火情的处置情况，对下一阶段的巡山护林、野外用\n'
    '火管理和物资储备作出了具体安排。\n'
    '\u3000\u3000会议要求，各乡镇要落实网格化管护责任，在清明、五\n'
    '一等重点时段加密巡护频次，严防野外违规用火，发现火情\n'
    '立即报告并组织扑救。\n'
    '（县林业局防火股供稿）\n'
    '全县完成春季植树造林任务\n'
    '\u3000\u3000截至4月底，全县共完成植树造林1.2万亩，完成年\n'
    '度计划的百分之八十，义务植树参加人数达到三万余人次，\n'
    '栽植苗木四十余万株。\n'
    '（县林业局造林股供稿）\n'
    '报：市林业局，县委、县政府领导。\n'
    '送：县委办、县政府办。\n'
    '发：各乡镇人民政府。\n'
    '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（共印60份）\n'
    '- 2 -\n'
    '内部资料\n'
    '\u3000\u3000\u3000\u3000\u3000林业工作简报\n'
    '\u3000\u3000\u3000\u3000\u3000\u3000第4期（总第22期）\n'
    '青石县林业局办公室\u3000\u3000\u3000\u3000\u30002024年6月8日\n'
    '【领导批示】\n'
    '\u3000\u30005月10日，副县长、县森林防火指挥部总指挥周明远在县林业局报送的本\n'
    '刊第3期《县林业局部署春季\n'
    '森林防火检查工作》上批示：请县林业局抓好落实，确保全\n'
    '年不发生较大森林火灾。\n'
    '\u3000\u30005月12日，县长、县防火指挥部政委许文杰在本刊第\n'
    '3期《全县完成春季植树造林任务》一文上批示：成绩可喜，要\n'
    '抓好管护，提高成活率。\n'
    '【工作动态】\n'
    '县林业局开展林木病虫害普查\n'
    '\u3000\u30005月中旬，县林业局组织技术人员对全县松林开展病虫\n'
    '害普查，共设置监测点四十个，采集样本三百余份，未发现\n'
    '新的疫情。\n'
    '（县林业局森防站供稿）\n'
    '【简讯】\n'
    '\u3000\u3000●5月20日，县林业局组织全县护林员参加市林业局举\n'
    '办的业务培训，培训结束后全部通过考核。\n'
    '\u3000\u3000●5月下旬，县林业局对城区三处公园的古树名木挂牌进\n'
    '行了更新，共更新标牌八十块。\n'
    '\u3000\u3000●截至5月末，全县今年共查处滥伐林木案件三起，罚款合\n'
    '计2.\n'
    '1万元。\n'
    '\u3000\u3000●5月28日，县林业局与县消防救援大队联合对城区两处\n'
    '林场开展\n'
    '防火检查，督促整改隐患五处。\n'
    '报：市林业局，县委、县政府领导。\n'
    '送：县委办、县政府办。\n'
    '发：各乡镇人民政府。\n'
    '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（共印60份）\n'
    '- 2 -\n'
)


def test_h23c_cited_issue_number_and_bulleted_briefs_cut_by_the_wrap():
    """A wrapped line that opens with an issue number cited in a sentence the line above leaves
    open (``…在县林业局报送的本`` / ``刊第3期《…``) starts no new issue; a bulleted brief item whose
    first printed line is running text (a date and a comma) has no run-in head, however the wrap
    cut it: the items stay headless, their text whole."""
    docs, _ = read(H23C_TWO_ISSUES)
    assert len(docs) == 2
    heads = [texts(d.root, "//tei:body//tei:div[@type='article' or @type='brief']/tei:head") for d in docs]
    assert heads == [["县林业局部署春季森林防火检查工作", "全县完成春季植树造林任务"], ["县林业局开展林木病虫害普查"]]
    paras = texts(docs[1].root, "//tei:body//tei:p")
    assert "●截至5月末，全县今年共查处滥伐林木案件三起，罚款合计2.1万元。" in paras
    assert "●5月28日，县林业局与县消防救援大队联合对城区两处林场开展防火检查，督促整改隐患五处。" in paras
    assert any(p.startswith("5月10日，") and "本刊第3期《县林业局部署春季森林防火检查工作》" in p for p in paras)
    for d in docs:
        own_schema().assertValid(d.root)
    round_trips(docs, H23C_TWO_ISSUES)


H24D_JOURNAL = (
    '青\u3000苇\n\n'
    '溪口县作家协会\u3000主办\n\n'
    '2025年第2期（总第18期）\n\n'
    '目\u3000\u3000录\n\n'
    '小\u3000说\n'
    '石桥（小说节选）\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000林向南\u30001\n'
    '诗\u3000歌\n'
    '井台\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000钱晚舟\u30002\n'
    '评\u3000论\n'
    '泥土里长出的句子\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000郑一苇\u30003\n\n'
    '\f小\u3000说\n\n'
    '石桥（小说节选）\n\n'
    '林向南\n\n'
    '一\n\n'
    '\u3000\u3000溪口的石桥有三百年了，桥头有一棵老樟树，树下常坐着几个晒太阳的老人。\n\n'
    '\u3000\u3000阿福每天从桥上走过，挑着两筐豆腐，远远地就听见有人喊他。\n\n'
    '\u3000\u3000“阿福，慢一点——”\n\n'
    '\u3000\u3000阿福放下担子，回头看了一眼，桥那头站着他的女儿。\n\n'
    '二\n\n'
    '\u3000\u3000那年冬天雪下得很大，石桥上结了一层冰，阿福就再也没有挑着担子过桥。\n\n'
    '诗\u3000歌\n\n'
    '井台\n\n'
    '◎ 钱晚舟\n\n'
    '井台上的青苔\n'
    '是祖母留下的脚印\n'
    '一层一层\n\n'
    '绳子磨出的沟\n'
    '比我的年纪还深\n'
    '水还是甜的\n\n'
    '1\n\n'
    '\f青苇·评论\n\n'
    '评\u3000论\n\n'
    '泥土里长出的句子\n\n'
    '——读钱晚舟诗集《井台》\n\n'
    '郑一苇\n\n'
    '\u3000\u3000钱晚舟的诗大多写村里的旧物，井台、石磨、晒场，句子短，意思却不浅。这是一本值得细读的诗集。\n\n'
    '\u3000\u3000她不急于说出结论，而是把看见的东西写准确，让读者自己去体会其中的分量。\n'
)


def test_h24d_poem_ends_at_listed_column_and_title_and_part_numbers_stand_alone():
    """A poem at a column's end runs, past the page break, up to the next column's name and the
    title the contents list names: neither is a verse line, the title is the criticism's head
    with its ——subtitle under it. A story's part numbers printed alone (一 / 二) and a quotation
    broken off by a dash (``慢一点——”``) end their paragraphs: the next paragraph is not run on."""
    docs, _ = read(H24D_JOURNAL)
    assert len(docs) == 1
    root = docs[0].root
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]")
    assert heads == ["石桥（小说节选）", "井台", "泥土里长出的句子"]
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head[@type='sub']") == ["——读钱晚舟诗集《井台》"]
    assert texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["小说", "诗歌", "评论"]
    verse = texts(root, "//tei:body//tei:l")
    assert verse[-1] == "水还是甜的" and "泥土里长出的句子" not in verse and "评论" not in verse
    paras = texts(root, "//tei:body//tei:p")
    assert "一" in paras and "二" in paras
    assert "“阿福，慢一点——”" in paras
    assert any(p.startswith("溪口的石桥有三百年了") for p in paras)
    assert any(p.startswith("阿福放下担子") for p in paras)
    own_schema().assertValid(root)
    round_trips(docs, H24D_JOURNAL)


H24A_MEETING_AND_BULLETED_COLUMN = (
    "水利工作简报\n\n"
    "第3期\n\n"
    "青峰县水利局办公室　　　　　　　　2024年4月12日\n\n"
    "全县水利工程建设推进会召开\n\n"
    "4月8日，县水利局召开全县水利工程建设推进会，总结一季度工程建设情况，部署下一阶段任务。各项目法人单位、施工单位负责人共80余人参加。\n\n"
    "会议通报，一季度全县水利工程完成投资1.2亿元，占年度计划的26%，渠道衬砌、泵站改造等项目进展顺利。\n\n"
    "会上，两家单位作了交流发言，现将发言摘要刊发如下：\n\n"
    "1.青峰水务建设有限公司：抓住春季施工的黄金时段\n\n"
    "公司在渠道衬砌项目上实行两班倒作业，提前备足水泥、砂石等材料，确保灌溉期前完成主体工程。\n\n"
    "2.县灌区管理中心：把工程质量关口前移\n\n"
    "中心在开工前组织设计、监理单位联合审查施工方案，对隐蔽工程实行影像留存，发现问题当场整改。\n\n"
    "会议要求，各单位要倒排工期、挂图作战，确保汛前完成在建工程的度汛措施。\n\n"
    "（县水利局建设股供稿）\n\n"
    "【基层信息】\n\n"
    "■石桥镇完成山塘清淤12座　3月以来，石桥镇组织劳力对辖区山塘开展清淤整治，共清淤12座，新增蓄水能力3万立方米。（石桥镇人民政府）\n\n"
    "■县水文站更新雨量监测设备　近日，县水文站对全县28个雨量站的监测设备进行了更新，数据实时传输到县防汛指挥平台。\n\n"
    "抄送：市水利局，县委办公室，县政府办公室。\n"
    "青峰县水利局办公室　　　　　　2024年4月12日印发\n"
)


def test_h24a_numbered_speaker_heads_and_a_column_of_bulleted_run_in_items():
    """In a meeting report the exchange speeches stand under numbered lines ``N.单位：主题`` (a
    speaker's unit, a colon, the theme), two of one series, each over running text: the report's
    sub-headings (level 3, GB/T 15834 B.3.8), not pieces of their own. A column (【…】) whose items
    each open with a bullet and a title up to an ideographic space is a column of briefs: each item
    a ``div type="brief"`` headed by its title, the bullet its label."""
    docs, warnings = read(H24A_MEETING_AND_BULLETED_COLUMN)
    assert len(docs) == 1
    root = docs[0].root
    heads = [nows("".join(h.itertext())) for h in xpath(
        root, "//tei:body//tei:div[@type='article' or @type='brief']/tei:head")]
    assert heads == ["全县水利工程建设推进会召开", "■石桥镇完成山塘清淤12座", "■县水文站更新雨量监测设备"]
    subs = xpath(root, "//tei:div[@type='article']/tei:div[@type='subsection']/tei:head")
    assert [nows("".join(h.itertext())) for h in subs] == [
        "1.青峰水务建设有限公司：抓住春季施工的黄金时段", "2.县灌区管理中心：把工程质量关口前移"]
    assert all(h.get("cert") == "medium" for h in subs)
    assert texts(root, "//tei:div[@type='section']/tei:head") == ["【基层信息】"]
    briefs = xpath(root, "//tei:div[@type='section']/tei:div[@type='brief']")
    assert [texts(b, "tei:head/tei:label") for b in briefs] == [["■"], ["■"]]
    assert texts(briefs[1], "tei:p") == ["近日，县水文站对全县28个雨量站的监测设备进行了更新，数据实时传输到县防汛指挥平台。"]
    own_schema().assertValid(root)
    round_trips(docs, H24A_MEETING_AND_BULLETED_COLUMN)


def _h24c_page(n, head):
    return ("\n\n                          \n"
            f"       - {n} -\n"
            "枫桥镇老年学校校刊              \n" + head + "\n")

H24C_SCHOOL_PAPER = (
    "                              红        叶\n"
    "\n"
    "                           枫桥镇老年学校校刊\n"
    "\n"
    "                 2023年第3期（总第21期）\n"
    "\n"
    "枫桥镇老年学校编印                                        2023年9月\n"
    "\n"
    "【学校新闻】\n"
    "\n"
    "                      镇老年学校秋季学期开课\n"
    "\n"
    "    9月5日，镇老年学校秋季学期正式开课。今年学校新开设葫芦丝和剪纸两个\n"
    "专业，共有学员460人报名参加学习，比上学期增加了五十多人。\n"
    "    开课当天，学校组织全体教师召开教学工作会议，对本学期的课程安排和安全\n"
    "管理作了部署，要求各班认真做好学员考勤和课后辅导工作。\n"
    + _h24c_page(1, "                        红\n叶·2023年第3期") +
    "\n"
    "                        剪纸班学员作品进社区\n"
    "\n"
    "    9月16日，剪纸班的十余名学员来到枫桥社区文化活动室，举办剪纸作品展示\n"
    "活动，现场展出作品五十余幅，吸引了不少居民驻足观看。\n"
    "    活动中，学员们还手把手教小朋友剪窗花，社区里洋溢着欢声笑语。\n"
    + _h24c_page(2, "                        红叶·\n2023年第3期") +
    "\n"
    "                 关于表彰2022—2023学年度优秀学员的决定\n"
    "\n"
    "    各教学班：\n"
    "    经各班推荐、学校研究，决定授予以下同志“优秀学员”称号。希望受到表彰\n"
    "的同志珍惜荣誉、再接再厉。\n"
    "\n"
    "陶春明  吕秀英  葛长青  方  平  夏丽萍\n"
    "汤建国  范  明  俞桂芝  温德才  骆  红\n"
    "\n"
    "                                                枫桥镇老年学校\n"
    "                                                2023年9月20日\n"
    + _h24c_page(3, "                        红\n叶·2023年第3期") +
    "\n"
    "                        葫芦丝班举行汇报演出\n"
    "\n"
    "    9月28日，葫芦丝班在学校多功能厅举行汇报演出，二十多名学员演奏了\n"
    "《月光下的凤尾竹》等六首乐曲，赢得阵阵掌声。\n"
    "\n"
    "                                                    （教务组  金  岚）\n"
    "\n                          \n"
    "                                 - 4 -\n"
)


def test_h24c_running_head_cut_by_the_wrap_and_a_decision_signed_under_its_name_rows():
    """A journal's running head (刊名 and 期号 on one line) that a wrap cut into pieces at the top
    of a page (``红`` / ``叶·2023年第3期``, ``红叶·`` / ``2023年第3期``) names the open issue again:
    no new issue starts there, the text is one document. A 表彰决定 whose 名单 (two rows of names
    set in columns) ends it is signed under the rows (落款: the school's name over the date): the
    rows stay apart and the signature is a credit, not running text joined to the last row."""
    docs, _ = read(H24C_SCHOOL_PAPER)
    assert len(docs) == 1
    root = docs[0].root
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert "镇老年学校秋季学期开课" in heads and "关于表彰2022—2023学年度优秀学员的决定" in heads
    paras = texts(root, "//tei:body//tei:p")
    assert "陶春明吕秀英葛长青方平夏丽萍" in paras and "汤建国范明俞桂芝温德才骆红" in paras
    assert "枫桥镇老年学校2023年9月20日" in texts(root, "//tei:body//tei:byline")
    own_schema().assertValid(root)
    round_trips(docs, H24C_SCHOOL_PAPER)


H24B_PAPER = (
    '**第一版　要闻**\n\n'
    '# 溪桥农讯\n\n'
    '溪桥县农业农村局主办\n\n'
    '2024年5月10日　星期五　　农历甲辰年四月初三\n\n'
    '第5期（总第41期）　　　　本期2版\n\n'
    '## 全县早稻插秧基本结束\n\n'
    '本报讯（记者 林远）截至5月8日，全县早稻插秧面积达到四万二千亩，比去年同期多出一千五百亩，'
    '秧苗长势总体良好。\n\n'
    '**乡镇动态**\n\n'
    '**石门镇：**5月上旬，石门镇组织农技人员到田间指导病虫害防治，发放技术资料六百余份。\n\n'
    '**东坪乡：**东坪乡新建高标准农田示范片两处，目前沟渠配套工程已完成八成以上。\n\n'
    '## 县里召开春耕生产调度会\n\n'
    '本报讯（记者 林远）5月6日，县农业农村局召开春耕生产调度会，通报各乡镇春耕进度，部署下一阶段工作。\n\n'
    '本版责编：周青　　校对：何平\n\n'
    '1/2\n\n'
    '---\n\n'
    '**第二版　副刊**\n\n'
    '**稻　香**\n\n'
    '## 田埂上的春天\n\n'
    '□ 许安\n\n'
    '清早出门，田埂上的露水还没有干，远处的秧田一块连着一块，像是有人铺开了一张绿色的大棋盘。\n\n'
    '本版责编：周青　　校对：何平\n\n'
    '2/2\n'
)


def test_h24b_run_in_head_colon_and_columns_over_briefs_and_after_a_page_break():
    """A bold run-in head closed by a full-width colon (``**石门镇：**5月上旬…``) is encoded without
    the colon, which stays in the text right after the head; a short bold name over two such items
    is their column (a section, not an article); a short bold name opening a new 副刊 page (its
    page label taken in by the page break) over a signed title is the 副刊's own name, a section."""
    docs, _ = read(H24B_PAPER)
    root = docs[0].root
    briefs = texts(root, "//tei:body//tei:div[@type='brief']/tei:head")
    assert briefs == ["石门镇", "东坪乡"]
    sections = texts(root, "//tei:body//tei:div[@type='section']/tei:head")
    assert {"乡镇动态", "稻香"} <= {re.sub(r"\s", "", s) for s in sections}
    assert "乡镇动态" not in texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    own_schema().assertValid(root)
    round_trips(docs, H24B_PAPER)


H25A_PAPER = (
    '# 青川水务\n\n'
    '青川市水务集团有限公司主办\n\n'
    '2024年7月5日　星期五\n\n'
    '第7期（总第90期）　　今日2版\n\n'
    '---\n\n'
    '**第1版　要闻**\n\n'
    '## 城北水厂扩建工程完工\n\n'
    '本报讯（记者 方远）7月3日，城北水厂扩建工程通过验收，日供水能力由十万吨提高到十五万吨，'
    '可满足城北片区今后十年的用水需要。\n\n'
    '## 把好每一滴水的质量关\n\n'
    '——访集团水质检测中心主任韦明\n\n'
    '本报记者　方远\n\n'
    '入夏以来，用水量明显增加，围绕供水水质保障，记者采访了集团水质检测中心主任韦明。\n\n'
    '**记者：**夏季水质检测有哪些新的安排？\n\n'
    '**韦明：**我们把出厂水的检测频次从每天两次增加到每天四次，管网末梢水每周抽检一遍。\n\n'
    '**记者：**市民怎样了解自家的水质情况？\n\n'
    '**韦明：**检测结果每月在集团网站公布，市民也可以打电话预约上门取样。\n\n'
    '本版责编：高岚　　校对：邹平\n\n'
    '**第2版　服务**\n\n'
    '**【用户来信】**\n\n'
    '## 抢修队员雨夜送水到家\n\n'
    '编辑同志：\n\n'
    '7月1日夜里我家门前的水管突然爆裂，抢修队员冒着大雨赶来，连夜修好了水管，还给我们送来了两桶饮用水。'
    '我想通过贵报向他们表示感谢。\n\n'
    '乘客　周小梅\n'
    '2024年7月2日\n\n'
    '本版责编：高岚　　校对：邹平\n'
)


def test_h25a_interview_speaker_turns_and_a_letter_signed_over_its_date():
    """An interview set as alternating turns, each opening with a short bold speaker label closed
    by a colon (``**记者：**…`` / ``**韦明：**…``), is running text of one article: no turn is a
    brief item or a heading, the labels stay in their paragraphs. A reader's letter signed with
    the writer's standing and name (``乘客　X``) over a date line ends with its signature (落款):
    one byline holding the date, no heading."""
    docs, _ = read(H25A_PAPER)
    root = docs[0].root
    assert texts(root, "//tei:body//tei:div[@type='brief']") == []
    heads = texts(root, "//tei:body//tei:head")
    assert not any(h.startswith(("记者", "韦明", "2024年")) for h in heads)
    assert "把好每一滴水的质量关" in heads and "抢修队员雨夜送水到家" in heads
    paras = texts(root, "//tei:body//tei:p")
    assert "记者：夏季水质检测有哪些新的安排？" in paras
    assert any(p.startswith("韦明：检测结果每月") for p in paras)
    bylines = texts(root, "//tei:body//tei:byline")
    assert "乘客周小梅2024年7月2日" in bylines
    own_schema().assertValid(root)
    round_trips(docs, H25A_PAPER)


def _h25b_wrap(paragraph: str, width: int = 30) -> str:
    """A paragraph opened by 段首空两字, hard-wrapped at *width* characters, no blank line."""
    text = "\u3000\u3000" + paragraph
    return "\n".join(text[k : k + width] for k in range(0, len(text), width)) + "\n"


H25B_BRIEFING = (
    "              水利工作简报\n"
    "            第6期（总第58期）\n"
    "某某县水利局编　　　　　　　　　　2024年6月20日\n"
    "          全县召开农田水利建设推进会\n"
    + _h25b_wrap("6月18日，县水利局召开全县农田水利建设推进会，通报上半年小型水利工程建设进度，"
                 "安排部署下一阶段的渠道清淤和山塘整治工作，各乡镇分管负责同志参加会议。")
    + "                       （县水利局办公室供稿）\n"
    "          推进会交流发言摘登\n"
    "　　（一）石门乡：把山塘整治放在汛前完成\n"
    + _h25b_wrap("石门乡分管负责同志介绍，乡里今年共有山塘十四座需要整治，已经完成九座，"
                 "其余五座将在月底前完工，每座山塘都明确了一名乡干部负责质量和进度。")
    + "　　（二）东岭镇：让渠道清淤跟着农时走\n"
    + _h25b_wrap("东岭镇分管负责同志介绍，镇里按照春灌和夏灌的用水时间安排清淤，先清干渠后清支渠，"
                 "今年已清理渠道三十多公里，保证了早稻灌溉用水。")
    + "               【简讯】\n"
    + _h25b_wrap("●6月12日，县水利局组织开展水利工程安全生产检查，查出隐患六处，已全部整改到位。（县水利局）")
    + _h25b_wrap("●6月15日，县水利局举办基层水管员业务培训，六十余名水管员参加了培训。（县水利局）")
    + "               更　正\n"
    + _h25b_wrap("本简报2024年第5期《全县启动汛前检查》一文中“检查水库二十座”，应为“检查水库二十二座”。"
                 "特此更正。")
    + "报：县委、县政府主要领导。\n"
    "送：县防汛抗旱指挥部各成员单位。\n"
    "某某县水利局　　　　　　　　　　2024年6月20日印发\n"
)


def test_h25b_numbered_line_under_a_title_and_a_letter_spaced_box_title():
    """Hard-wrapped, no blank lines, paragraphs opened by 段首空两字. An article title
    (``推进会交流发言摘登``) with a line opening with a sub-heading number right under it
    (``（一）石门乡：…``, GB/T 15834-2011 B.3.8) is two headings: the number opens the title's first
    sub-heading, never a wrapped title's second line. A short word letter-spaced on a line of its
    own after a brief column's items (``更　正``) is the correction notice's title, not a run-in head
    of one character (``更``) whose text (``正本简报…``) goes on."""
    docs, _ = read(H25B_BRIEFING)
    assert len(docs) == 1
    root = docs[0].root
    heads = [nows(h) for h in texts(root, "//tei:body//tei:div[@type='article']/tei:head")]
    assert "推进会交流发言摘登" in heads, heads
    assert not any(h.startswith("推进会交流发言摘登（") for h in heads), heads
    assert "更正" in [nows(h) for h in texts(root, "//tei:body//tei:div/tei:head")]
    subs = [nows(h) for h in texts(root, "//tei:body//tei:div[@type='subsection']/tei:head")]
    assert "（一）石门乡：把山塘整治放在汛前完成" in subs and "（二）东岭镇：让渠道清淤跟着农时走" in subs, subs
    paras = texts(root, "//tei:body//tei:p")
    assert any(p.startswith("本简报2024年第5期") for p in paras), paras
    own_schema().assertValid(root)
    round_trips(docs, H25B_BRIEFING)


def _h25d_wrap(text: str, width: int = 30) -> str:
    """*text* hard-wrapped every *width* characters (a paragraph's two-space indent counted)."""
    return "\n".join(text[k:k + width] for k in range(0, len(text), width))


H25D_BRIEFING = "".join((
    "桐溪县农业简报\n",
    "2024年6月（总第41期）\n",
    "桐溪县农业农村局编　　　　　　　2024年7月3日印\n",
    "全县夏粮收购工作进展顺利\n",
    _h25d_wrap("　　六月以来，全县各收购网点按照应收尽收的要求，开足秤门敞开收购，农户售粮秩序良好，"
               "没有出现压级压价和排长队的情况，粮款当天结清到户，群众普遍反映满意，收购工作平稳有序。"), "\n",
    "　　一、收购进度\n",
    _h25d_wrap("　　截至六月底，全县累计收购小麦四万余吨，比去年同期有所增加，其中按最低收购价收购的"
               "占三成左右，收购质量总体好于去年，各网点库容充足，没有出现农户卖粮难的情况。"), "\n",
    "【数据】\n",
    "累计收购小麦：4.1万吨\n",
    "开秤收购网点：23个\n",
    "兑付售粮款：1.02亿元\n",
    "　　二、下步打算\n",
    _h25d_wrap("　　县农业农村局将继续加强市场监测，督促各网点规范收购行为，严格执行质价政策，"
               "及时兑付售粮款，确保农民种粮收益落到实处，切实保护农民种粮积极性。"), "\n",
    "（县农业农村局粮食科供稿）\n",
    "村里的烘干中心派上了用场\n",
    _h25d_wrap("　　连日阴雨，新塘村的烘干中心二十四小时运转，每天烘干稻谷六十余吨，解决了农户晒粮"
               "难的问题，群众十分满意。村干部轮流值守，帮助农户排队登记，做到随到随烘、当天出仓。"), "\n",
    "（新塘村供稿）\n",
))


def test_h25d_month_date_before_cumulative_number_and_data_box_inside_article():
    """A masthead field ``2024年6月（总第41期）`` dates the issue by its month (a monthly) and
    numbers it: both are read. A 【数据】 label right after running text, over short flush
    label：value lines, in a text that indents its paragraphs, with the text going on indented
    under it, is a data box of the article: no section, no head, each of its lines its own."""
    docs, _ = read(H25D_BRIEFING)
    root = docs[0].root
    imprint = "//tei:sourceDesc//tei:imprint"
    assert xpath(root, f"string({imprint}/tei:date[not(@type)]/@when)") == "2024-06"
    assert xpath(root, "string(//tei:sourceDesc//tei:idno[@type='cumulative'])") == "41"
    heads = [re.sub(r"\s", "", h) for h in texts(root, "//tei:body//tei:head")]
    assert not any("数据" in h or "：" in h for h in heads), heads
    assert not xpath(root, "//tei:body//tei:div[@type='section']")
    assert {"全县夏粮收购工作进展顺利", "村里的烘干中心派上了用场"} <= set(heads)
    paras = [re.sub(r"\s", "", p) for p in texts(root, "//tei:body//tei:p")]
    for box_line in ("【数据】", "累计收购小麦：4.1万吨", "开秤收购网点：23个", "兑付售粮款：1.02亿元"):
        assert box_line in paras, paras
    own_schema().assertValid(root)
    round_trips(docs, H25D_BRIEFING)


H25C_CHAMBER_JOURNAL = (
    '                               枫 溪 商 会\n'
    '                              （县工商联会刊）\n'
    '                       2023年第4期（总第15期）\n'
    '枫溪县工商业联合会（总商会）编                      2023年12月\n'
    '\n'
    '                                  目\u3000\u3000录\n'
    '【特\u3000稿】\n'
    '勠力同心谋发展\u3000奋楫笃行开新局…………………… 1\n'
    '【商会动态】\n'
    '县工商联（总商会）召开九届五次执委会议………… 2\n'
    '【会员风采】\n'
    '一块豆腐的“老味道”…………………………………… 3\n'
    '小作坊走出的“智造”工厂……………………………… 3\n'
    '\x0c                                                                    枫溪商会\n'
    '\n'
    '                                 【特\u3000稿】\n'
    '\n'
    '                       勠力同心谋发展\u3000奋楫笃行开新局\n'
    '              ——在县工商联（总商会）九届五次执委会议上的讲话\n'
    '                     县工商联主席（总商会会长）\u3000栾立群\n'
    '                         （2023年11月16日）\n'
    '    各位执委，同志们：\n'
    '    今天召开这次会议，主要是回顾今年以来的商会工作，分析当前民营经济面临的形\n'
    '势，安排明年的重点任务。刚才几位会员企业负责人作了发言，讲得很实在，我都很赞\n'
    '成。下面，我讲两点意见。\n'
    '    一、看清形势，稳住发展预期\n'
    '    今年以来，全县民营企业顶住压力、稳中求进，民营经济增加值同比增长百分之六\n'
    '点二，新增规模以上民营企业十九家，全县会员企业新吸纳就业两千一百余人。成绩来\n'
    '之不易，要倍加珍惜。\n'
    '    二、办好实事，增强商会凝聚力\n'
    '    商会要当好会员企业的贴心人。明年要继续办好企业家讲堂，用好政企恳谈会，推\n'
    '动企业诉求件件有回音、事事有着落，让会员企业真正感受到商会这个大家庭的温暖。\n'
    '\n'
    '                                     1\n'
    '\x0c2023年第4期\n'
    '\n'
    '                                【商会动态】\n'
    '\n'
    '                   县工商联（总商会）召开九届五次执委会议\n'
    '    11月16日，县工商联（总商会）召开九届五次执委会议，审议通过了年度工作\n'
    '报告和明年工作要点，增补了两名执委。会议由常务副会长主持，四十余名执委参加了\n'
    '会议。\n'
    '                                           商会秘书处\u3000柏文涛\n'
    '\n'
    '                                     2\n'
    '\x0c                                                                    枫溪商会\n'
    '\n'
    '                                【会员风采】\n'
    '\n'
    '                            一块豆腐的“老味道”\n'
    '                 ——记枫溪县清泉豆制品有限公司总经理宓春燕\n'
    '                             商会秘书处\u3000柏文涛\n'
    '    清晨五点，宓春燕的豆腐坊已经热气腾腾。石磨转动，豆浆飘香，工人们把一板板\n'
    '刚压好的豆腐码上货车，送往县城的二十多家超市和农贸市场。\n'
    '    宓春燕说，做豆腐没有捷径，泡豆、磨浆、点卤，每一道工序都马虎不得。这些年\n'
    '公司添了新设备，可老手艺一直没丢，回头客也越来越多。\n'
    '\n'
    '                          小作坊走出的“智造”工厂\n'
    '                      ——记枫溪县长兴五金制品有限公司\n'
    '                             本刊通讯员\u3000苏晓岚\n'
    '    走进长兴五金的新厂区，自动冲压线正在有序运转，机械手把一个个零件送到传送\n'
    '带上。十年前，这家企业还只是城郊一间租来的小作坊，只有七八个工人。\n'
    '    公司负责人介绍，近三年企业累计投入技术改造资金一千二百万元，产品合格率提\n'
    '高到百分之九十九以上，订单已经排到了明年三月。\n'
    '\n'
    '                                     3\n'
)


def test_h25c_speech_title_over_dash_subtitle_and_centred_bylines_stand_alone():
    """A 会刊 in a pdftotext -layout look (centred titles, paragraphs marked by a four-space
    first-line indent). A 会长's speech: its title, a ——subtitle (GB/T 15834-2011 4.11) that reads
    much like another entry of the contents list, then the speaker's office with the office held
    with it in brackets and his name, a bare date line, the salutation: the title is the head, the
    ——line its ``head type="sub"`` (never an article of its own), the office-and-name line a byline
    (not run together with the date). In a column of profiles, the centred ``单位　姓名`` byline
    under a ——记 subtitle stands alone: the indented line under it opens the first paragraph."""
    docs, _ = read(H25C_CHAMBER_JOURNAL)
    assert len(docs) == 1
    root = docs[0].root
    heads = texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]")
    assert heads == ["勠力同心谋发展奋楫笃行开新局", "县工商联（总商会）召开九届五次执委会议",
                     "一块豆腐的“老味道”", "小作坊走出的“智造”工厂"]
    assert texts(root, "//tei:body//tei:div[@type='article']/tei:head[@type='sub']") == [
        "——在县工商联（总商会）九届五次执委会议上的讲话", "——记枫溪县清泉豆制品有限公司总经理宓春燕",
        "——记枫溪县长兴五金制品有限公司"]
    bylines = texts(root, "//tei:body//tei:div[@type='article']/tei:byline")
    assert "县工商联主席（总商会会长）栾立群" in bylines
    assert "商会秘书处柏文涛" in bylines and "本刊通讯员苏晓岚" in bylines
    paras = texts(root, "//tei:body//tei:p")
    assert "（2023年11月16日）" in paras
    assert any(p.startswith("清晨五点") for p in paras) and any(p.startswith("走进长兴五金") for p in paras)
    assert not any("柏文涛清晨" in p or "苏晓岚走进" in p or "栾立群（" in p for p in paras)
    own_schema().assertValid(root)
    round_trips(docs, H25C_CHAMBER_JOURNAL)


def test_speaker_lines_with_three_character_town_names_are_sub_headings():
    """A meeting report's exchange speeches headed ``1.镇名：主题`` where the town's name has three
    characters (a 镇 or 乡 of two characters and its suffix): sub-headings of the report, not
    articles; field lines of a notice (``地点：…``) stay text."""
    text = """# 河长制工作简报

第3期

县河长制办公室　　　　2024年4月2日

## 全县河长制工作推进会交流发言摘登

3月28日，全县河长制工作推进会召开，四个乡镇作交流发言。现将发言摘登如下。

1.柳塘镇：把巡河责任落到每一段岸线

柳塘镇建立镇村两级巡河台账，全年巡河一千二百余次，发现问题当天交办。

2.石门乡：小流域治理靠群众

石门乡聘请十二名民间河长，组织村民清理河道垃圾，小流域水质稳定达标。

3.白沙镇：用好河长公示牌

白沙镇更新河长公示牌四十块，公开投诉电话，群众反映问题件件有回音。

## 县河长办开展春季河道巡查

4月1日，县河长办组织对城区河段开展巡查，督促整改问题五处。
"""
    doc = read_issues(text, "hezhang.txt", warnings=[])[0]
    heads = ["".join(h.itertext()).strip() for h in xpath(doc.root, "//tei:body//tei:div[@type='article']/tei:head")]
    assert heads == ["全县河长制工作推进会交流发言摘登", "县河长办开展春季河道巡查"]
    subs = ["".join(h.itertext()).strip() for h in xpath(doc.root, "//tei:div[@type='article']//tei:div/tei:head")]
    assert subs == ["1.柳塘镇：把巡河责任落到每一段岸线", "2.石门乡：小流域治理靠群众", "3.白沙镇：用好河长公示牌"]
    assert_round_trips([doc], text)
