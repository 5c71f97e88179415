"""Round 41 of the reader on series it has never seen (issue 21, on heldout-ap, measured once after
round 40): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented county 菖溪 and its offices)."""

from __future__ import annotations

from convert.tei import xpath
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

COURT = """内部资料　免费交流

菖　溪　法　苑

2025年第10期（总第118期）

菖溪县人民法院编印　　　　　　　　2025年10月

目　　录

【审判实务】

农村土地经营权流转纠纷的审理思路　严春华……………………………………3

【以案说法】

父亲赠房后反悔，能否撤销赠与？　叶知秋……………………………………5

【法苑文苑】

巡回路上（诗歌）　苗青禾…………………………………………………6

· 1 ·

【审判实务】

农村土地经营权流转纠纷的审理思路

编者按：土地经营权流转纠纷关系农民切身利益，政策性强。本期刊发民一庭严春华同志的文章，供全院干警参考。

民一庭　严春华

近三年来，我院受理的农村土地经营权流转纠纷总体呈上升趋势，笔者结合近年来审理的案件，谈谈几个问题。

【以案说法】

父亲赠房后反悔，能否撤销赠与？

石门坳人民法庭　叶知秋

原告邓某将一套房屋赠与儿子，儿子取得房屋后拒不履行赡养义务，邓某诉至法院，请求撤销赠与。

法条链接

《中华人民共和国民法典》第六百六十三条　受赠人对赠与人有扶养义务而不履行的，赠与人可以撤销赠与。

【法苑文苑】

巡回路上

桃溪人民法庭　苗青禾

天还没亮透，我们就出发了
车里装着卷宗、国徽和一壶热茶
盘山路一弯接着一弯
雾从山脚一直漫到车窗

晒谷坪就是今天的法庭
条凳摆成两排，乡亲们围拢过来
听法官把道理一条一条讲清
"""


def test_a_courts_bylines_after_an_editors_note_and_a_box_label():
    """An author line signed by a court's division (民一庭　X) under the title and its editor's note
    is the article's byline, no paragraph run into the text; a tribunal (…人民法庭　X) signs a
    poem's author line, so its stanzas are verse, and a line of the poem ending in 法庭 is no
    body's name; a box's label (法条链接) inside the case is a line of its own, the provision under
    it no part of it."""
    root = _doc(COURT)
    assert _texts(root, "//tei:byline") == ["民一庭严春华", "石门坳人民法庭叶知秋", "桃溪人民法庭苗青禾"]
    assert _heads(root) == ["农村土地经营权流转纠纷的审理思路", "父亲赠房后反悔，能否撤销赠与？", "巡回路上"]
    assert len(xpath(root, "//tei:lg[@type='stanza']/tei:l")) == 7
    ps = _texts(root, "//tei:body//tei:p")
    assert "法条链接" in ps and not any(p.startswith("法条链接《") for p in ps)


PROCURATORATE = """内部资料　注意保存
检察工作简报
2025年第7期（总第214期）
菖溪县人民检察院办公室　　　　　　　　2025年7月21日

我院“检护民生”专项行动取得阶段性成效

编者按：今年3月以来，我院把“检护民生”专项行动作为具体抓手，围绕群众反映强烈的问题集中发力，办

— 1 —

检察工作简报　　2025年第7期

理了一批群众可感可知的案件。现将上半年开展情况刊发。

今年3月，我院印发专项行动实施方案，截至6月30日，全院共办理涉民生案件217件。

（案件管理部供稿）

我院召开上半年检察业务数据分析会

7月10日，我院召开2025年上半年检察业务数据分析会，案件管理部通报了全院上半年主要业务数据。

表1　2025年1—6月主要业务数据

项目 数量 同比
受理审查逮捕 71件102人 -8.9%
受理审查起诉 238件317人 -3.2%
民事检察案件 52件 +18.2%
行政检察案件 37件 +12.1%

会议指出，上半年全院各项业务总体平稳。

（案件管理部供稿）
"""


def test_an_editors_note_a_page_break_cut_and_a_table_set_with_single_spaces():
    """An editor's note an old page break cut mid-sentence (…集中发力，办 / — 1 — / 理了一批…) goes on
    after the page's furniture, in the note; a table whose cells a copy set one space apart, its
    figures with their units (71件102人, -8.9%), under its labelled title (a blank line between),
    is a table with its head, its rows no paragraph."""
    root = _doc(PROCURATORATE)
    notes = _texts(root, "//tei:note[@type='editorial']")
    assert len(notes) == 1 and notes[0].endswith("理了一批群众可感可知的案件。现将上半年开展情况刊发。")
    assert _texts(root, "//tei:table/tei:head") == ["表12025年1—6月主要业务数据"]
    rows = xpath(root, "//tei:table/tei:row")
    assert len(rows) == 5 and rows[0].get("role") == "label"
    assert _texts(root, "//tei:table/tei:row[2]/tei:cell") == ["受理审查逮捕", "71件102人", "-8.9%"]
    assert not any("71件102人" in p for p in _texts(root, "//tei:body//tei:p"))


SPORTS = """体育工作动态
2025年第11期（总第91期）
菖溪县文化广电体育和旅游局　　　　2025年6月20日

我县运动员在市运动会上获11金

6月6日至12日，市第七届运动会竞技组比赛在市体育中心举行，我县共获得11金9银14铜。各项目获奖情况如下：

举重　5金　2银　3铜
田径　3金　3银　4铜
游泳　1金　1银　2铜
武术　1金　2铜
乒乓球　1银　1铜

（县业余体校供稿）
"""


def test_rows_of_medals_one_space_apart_are_never_run_together():
    """Rows of a name and medal counts one ideographic space apart are a table where three rows or
    more hold as many cells; the shorter rows after them (a count left out) stay a line each, never
    run together as one paragraph."""
    root = _doc(SPORTS)
    assert len(xpath(root, "//tei:table/tei:row")) == 3
    ps = _texts(root, "//tei:body//tei:p")
    assert "武术1金2铜" in ps and "乒乓球1银1铜" in ps


AGRICULTURE = """内部资料　免费交流
农业农村工作通讯
2025年第5期（总第119期）
菖溪市农业农村局编印　　　　　　　2025年10月

秋收时节

王秋实

金黄一担担挑进粮仓
收割机唱完最后一支歌
田埂上只剩下风的脚印
把今天的汗水酿成糖

·12·


稿　　约

本刊是菖溪市农业农村局编印的内部交流资料，双月出版，欢迎全市农业农村系统干部职工踊跃投稿。

本刊编辑部

主　　办：菖溪市农业农村局
主　　编：周明远
"""


def test_a_letter_spaced_title_at_a_pages_top():
    """A two-character title letter-spaced to width (稿　　约) opening the last page, right after the
    folio, is the call for papers' title: no running head (a running head's parts are words) and no
    author line under the poem above (an author line never stands a page below its title)."""
    root = _doc(AGRICULTURE)
    assert _heads(root) == ["秋收时节", "稿约"]
    assert _texts(root, "//tei:byline")[0] == "王秋实" and "稿约" not in _texts(root, "//tei:byline")
    assert "稿约" not in _texts(root, "//tei:fw")


WEEKLY = """菖溪区报
中共菖溪区委主办　　菖溪区融媒体中心编印
2025年11月14日　星期五　农历乙巳年九月廿五
第44期（总第412期）　　今日4版
本期导读
◆ 城区新添5处“口袋公园”　　3版
第三版　民生
工人在柳湾镇食品产业园一家企业的生产线上分拣核桃仁。　　通讯员 蒲俊 摄

基层治理看菖溪

编者按：基层治理连着千家万户。即日起，本报开设“基层治理看菖溪”专栏，集中报道各地的经验做法，敬请关注。

双槐街道：“网格+楼栋长”让小事不出小区

本报记者 詹晓禾

11月初的一个傍晚，双槐街道纺机小区3号楼楼栋长秦桂兰刚吃过晚饭，就在楼道里转了一圈。

冬季供暖服务热线

双槐、文昌片区　　（0398）7218801
东关、城北片区　　（0398）7218802
24小时供暖服务总热线　　（0398）7218800

民声回音

“家门口的路灯终于亮了”

编辑同志：

我是东关街道纸坊巷的一名居民。反映后不到一个月，区城市管理局就派人来装好了路灯。

东关街道居民　邢德顺
"""


def test_a_weeklys_columns_named_by_a_note_or_over_a_letter_and_a_hotline_box():
    """A short name over an editor's note that names it a column (开设“基层治理看菖溪”专栏), after a
    photo caption, is that column; so is a short name over a letter's title and its salutation
    (民声回音 / “家门口的路灯终于亮了” / 编辑同志：); a hotline box's entries (an area list or a
    service's hours in the name, a telephone number after a gap) are entries, none a title."""
    root = _doc(WEEKLY)
    assert _texts(root, "//tei:div[@type='section']/tei:head") == ["基层治理看菖溪", "民声回音"]
    heads = _heads(root)
    assert "双槐街道：“网格+楼栋长”让小事不出小区" in heads and "“家门口的路灯终于亮了”" in heads
    assert not any("7218801" in h or "7218800" in h for h in heads)
