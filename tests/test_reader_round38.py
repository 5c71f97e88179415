"""Round 38 of the reader on series it has never seen (issue 21, on heldout-am, measured once after
round 37): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented county 菖溪 and its offices)."""

from __future__ import annotations

from convert.tei import xpath
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

GRAIN = """内部资料
粮食工作简报
2025年第7期（总第88期）
菖溪县粮食和物资储备局　　　　　　　　　2025年7月10日
县局开展汛期储粮安全检查
　　7月上旬，县局组成检查组，对全县14个粮库的汛期储粮安全开展专项
检查，查看仓房屋面、排水设施和应急物资储备情况，现场下达整改通知书
5份，要求各库点在7月20日前整改到位。
（局仓储科供稿）
秋粮收购一线
　　东坪镇：东坪粮库开通“绿色售粮通道”，6月以来累计接待售粮农户
1200户次，收购小麦5400吨，并派出流动收购车上门服务。（东坪镇人民政府　邵明）
　　北岭乡：乡政府组织“售粮服务队”，帮助农户晾晒、整理小麦，今年
入库小麦水分合格率达到98%以上。
　　南湖街道：辖区内3家种粮合作社与县粮食收储公司签订订单收购合同，
订单面积1.2万亩，收购价格每斤高出当地市场价0.03元。
县局举办粮食仓储企业安全生产培训班
　　7月2日，县局举办全县粮食仓储企业安全生产培训班，各国有粮食购销
企业的保管员、安全员共62人参加培训，培训结束后进行了闭卷考试。
　　部分库点收购进度见下表。
　　表1　部分收购库点收购进度
库点名称　　　　　收购量　　　　　仓容　　　　　备注
县直属库城关库区　9620　　　　　24000　　　　 最低收购价库点
南坪中心粮库　　　4410　　　　　12000　　　　 东仓房维修中，
　　　　　　　　　　　　　　　　　　　　　　　暂停使用
其他10个库点　　　15150　　　　 59000
（局调控科供稿）
【储粮知识】
高温季节储粮“三低”技术要点
　　“三低”储粮是指低温、低氧、低药量相结合的储粮技术。进入夏季后，
仓温、粮温逐步升高，做好“三低”管理尤为重要。
（县粮油质量监测站　葛晓岚）
"""


def test_a_column_of_unit_items_under_a_plain_name_and_a_remark_cell_with_a_comma():
    """A column whose name lost its 【】 (秋粮收购一线, a short plain line where a piece ended) over
    items each opened by a body's name and a colon is a section of brief items, not an article;
    a table row whose last cell (备注) ends in a comma, its rest wrapped under it, is a row, and
    the next row is never run into that rest as a paragraph; a signed piece under a box-like name
    in 【】 (its credit closing it) is that column's article, not a box."""
    root = _doc(GRAIN)
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["秋粮收购一线", "【储粮知识】"]
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["东坪镇", "北岭乡", "南湖街道"]
    assert "秋粮收购一线" not in _heads(root)
    rows = [[("".join(c.itertext())).strip() for c in xpath(r, "tei:cell")] for r in xpath(root, "//tei:table/tei:row")]
    assert ["其他10个库点", "15150", "59000"] in rows
    assert not any("暂停使用其他" in "".join(p.itertext()) for p in xpath(root, "//tei:p"))
    assert "高温季节储粮“三低”技术要点" in _heads(root)


INSPECTION = """安全生产督查通报
2025年第4期（总第31期）
菖溪县安全生产委员会办公室　　　　　　　2025年9月26日
关于第三季度安全生产明查暗访情况的通报
一、总体情况
　　从检查情况看，全县安全生产形势总体平稳。1月至8月，全县共发生生
产安全事故9起、

菖溪县安委办　安全生产督查通报　　　　　　　　— 1 —

死亡6人，同比分别下降25%和33.3%，未发生较大及以上生产安全事故。
二、问题隐患清单
　　本季度督查发现的重点问题隐患清单如下（节选）：
第三季度重点问题隐患清单
序号\t被查单位\t问题隐患\t整改要求\t责任单位
1\t东坪港三号码头\t危险货物堆场与办公区防火间距不足，且未设置隔离设施\t10月15日前完成隔离改造\t县交通运输局
2\t北岭镇民宿\t自建房改作民宿，疏散楼梯仅一部\t停业整改，验收合格后方可经营\t北岭镇人民政府
3\t南湖木业有限公司\t除尘风管积尘超标，自查记录与现场不符\t立即清理，约谈企业负责人\t县应急管理局
三、工作要求
　　各地要对照清单逐项整改，整改情况于10月20日前报县安委办，逾期

— 2 —　　　　　　　　安全生产督查通报　2025年第4期

未报的予以通报。
"""


def test_running_feet_with_the_folio_at_one_end_and_a_table_set_with_tabs():
    """A running foot of the unit and the series' name with the folio between dashes at its end
    (菖溪县安委办　安全生产督查通报　　— 1 —), or at its start before the series' name and the issue,
    is furniture inside the paragraph it cuts and numbers the next page; a table set with tabs
    whose cells hold clauses is a table (its caption, under a lead's colon, the table's head), not a
    title and a paragraph."""
    root = _doc(INSPECTION)
    assert len(xpath(root, "//tei:body//tei:fw[@type='pageNum']")) == 2
    assert [pb.get("n") for pb in xpath(root, "//tei:body//tei:pb")] == ["2", "3"]
    ps = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("从检查情况看") and p.endswith("未发生较大及以上生产安全事故。") for p in ps)
    assert any(p.startswith("各地要对照清单") and p.endswith("未报的予以通报。") for p in ps)
    assert _texts(root, "//tei:table/tei:head") == ["第三季度重点问题隐患清单"]
    rows = xpath(root, "//tei:table/tei:row")
    assert len(rows) == 4 and rows[0].get("role") == "label"
    assert [len(xpath(r, "tei:cell")) for r in rows] == [5, 5, 5, 5]
    assert _heads(root) == ["关于第三季度安全生产明查暗访情况的通报"]


def test_a_table_set_with_tabs_whose_rows_a_wrap_cut():
    """The same table hard-wrapped: a row the wrap cut inside a cell, at a tab, or before the last
    cell's last characters (…\\t北岭镇人民政 / 府) is one row again, as many cells as the heads."""
    wrapped = INSPECTION.replace("且未设置隔离设施\t10月", "且未设置隔离设施\t\n10月").replace(
        "疏散楼梯仅一部\t停业整改", "疏散楼梯\n仅一部\t停业整改").replace("北岭镇人民政府", "北岭镇人民政\n府")
    root = _doc(wrapped)
    rows = xpath(root, "//tei:table/tei:row")
    assert [len(xpath(r, "tei:cell")) for r in rows] == [5, 5, 5, 5]
    assert "".join(xpath(rows[2], "tei:cell")[-1].itertext()) == "北岭镇人民政府"
    assert _heads(root) == ["关于第三季度安全生产明查暗访情况的通报"]


WEEKLY = """01　要闻

# 菖溪周报

中共菖溪县委宣传部主办　　菖溪县融媒体中心出版

2025年11月14日　星期五

第45期　总第1532期

本期看点

▶ 县政府常务会议部署冬春水利建设（1版）

▶ 读者来信：小区门前的路灯何时能亮（2版）

## 县政府常务会议部署冬春水利建设

本报讯（记者 顾清和）11月10日，县政府召开常务会议，研究部署今冬明春水利建设工作，确定新建和整修塘坝62座。

本版责编：柯蔓　　校对：汪一帆

02　民生

**读者来信**

编者按：11月上旬，本报读者热线接到桂花苑小区多位居民反映，小区门前道路的路灯长期不亮。现将来信刊发。

## 小区门前的路灯何时能亮？

编辑同志：

我是菖溪镇桂花苑小区的居民。小区门前的桂花路东段有十几盏路灯，从今年9月起就一直不亮。希望有关部门能尽快修好。

桂花苑小区居民　刘文娟

本版责编：冯知远　　校对：孙砚

03　副刊

## 夜班的铁水

菖溪重工铸造车间　周立平

炉门打开的时候
整个车间都亮了
铁水从浇包里流出来
像一条刚醒来的河

本版责编：宁素　　校对：孙砚
"""


def test_a_weeklys_page_tags_when_the_first_stands_above_the_masthead_and_a_column_over_a_note():
    """An e-paper's page tags (02　民生) are page labels when page 1's tag stands above the masthead,
    never titles; a column's name in bold that the 导读 entry prints before the title
    (读者来信：…), an editor's note between it and the title, is the column's section; a poem signed
    by a workshop and a name (菖溪重工铸造车间　周立平) is verse under its author line."""
    root = _doc(WEEKLY)
    heads = _heads(root)
    assert not any(h.startswith(("02", "03")) for h in heads)
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["读者来信"]
    assert "小区门前的路灯何时能亮？" in heads and "读者来信" not in heads
    assert [pb.get("n") for pb in xpath(root, "//tei:body//tei:pb[@n]")] == ["2", "3"]
    assert _texts(root, "//tei:lg/tei:l") == ["炉门打开的时候", "整个车间都亮了", "铁水从浇包里流出来", "像一条刚醒来的河"]


def test_an_author_line_the_wrap_cut_is_one_author_line():
    """An author line a wrap cut at its gap (菖溪县供电公司 / 　许一帆) or inside the unit's name
    (菖溪重工铸造车 / 间　周立平), or one set in (centred) whose first character the wrap left alone
    on its line, is one author line: the title above it stays whole and the poem under it is verse."""
    for cut in ("菖溪重工铸造车\n间　周立平", "菖溪重工铸造车间\n　周立平", "　　　　菖\n溪重工铸造车间　周立平"):
        root = _doc(WEEKLY.replace("菖溪重工铸造车间　周立平", cut))
        assert "夜班的铁水" in _heads(root)
        assert _texts(root, "//tei:lg/tei:l")[:1] == ["炉门打开的时候"]
