"""Round 47 of the reader on series it has never seen (issue 21, on heldout-at, measured once at
99cb6b6 before this round read it): each test names the class of text it reads and failed before
the change that made it pass. The texts are written for the tests (invented places 菖江, 菖州
and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}

PAPER = """菖江开发区报

2025年11月21日

前10月规上工业产值达423.6亿元

　　本报讯　记者从开发区经济发展局获悉，1—10月，开发区完成规模以上工业总产值423.6亿元，同比增长9.6%。
开发区1—10月主要经济指标
指标 单位 1—10月 同比增长（%）
规模以上工业总产值 亿元 423.6 9.6
规模以上工业增加值 亿元 102.8 8.7
固定资产投资 亿元 86.4 11.2
工业用电量 亿千瓦时 19.6 8.4
（数据来源：开发区经济发展局）
停水通知
　　因供水管网改造工程施工需要，定于2025年11月25日8:00至20:00对芗溪路以南区域暂停供水，敬请谅解。
供水服务热线：0596-6835110
菖江开发区供水有限公司
2025年11月20日
开发区开展岁末年初安全生产大排查
　　本报讯　连日来，开发区安委办组织6个检查组，对园区危险化学品企业和建筑工地开展安全隐患大排查。
"""


def test_a_statistics_table_with_a_unit_column():
    """A table a copy set with single spaces, a column of the figures' unit between the name and
    the figures (指标 单位 1—10月 同比增长（%） over 规模以上工业总产值 亿元 423.6 9.6): a table,
    its heads and rows no titles (TEI P5 §14.1.1)."""
    root = _doc(PAPER)
    assert "指标 单位 1—10月 同比增长（%）" not in _heads(root)
    rows = root.xpath("//tei:body//tei:table/tei:row", namespaces=TEI)
    assert len(rows) == 5


def test_a_notices_signature_under_its_contact_line():
    """A notice's issuing body and date (落款, GB/T 9704-2012 7.3.5) under its contact line: the
    notice's byline, no titles, and the next story's title is a title."""
    root = _doc(PAPER)
    assert _heads(root) == ["前10月规上工业产值达423.6亿元", "停水通知", "开发区开展岁末年初安全生产大排查"]
    assert any("菖江开发区供水有限公司" in b for b in _texts(root, "//tei:body//tei:byline"))


JOURNAL = """# 菖阳诗词

2025年第2期

目录

【诗教园地】

实验中学学生诗词习作选……………………………………贺春霖　7

【联苑】

菖阳胜迹联（二副）………………………………………戴文斌　8

【诗教园地】

### 实验中学学生诗词习作选

编者按：今年春天，学会在县实验中学开设格律诗词兴趣课，现选登同学们的两首习作。

七绝·春游菖山

初二（3）班　林小雨

山花烂漫映晴川，结伴登高到顶巅。
回首忽惊来路远，白云一朵在身边。

五绝·雨后

初一（2）班　程一帆

雨过青山净，溪声满石桥。
蜗牛爬上叶，慢慢看云飘。

（指导教师：贺春霖）

【联苑】

菖阳胜迹联（二副）

戴文斌

题文峰塔

塔耸文峰，千载书声穿云去；
江流古邑，一城灯火入诗来。

题青石古渡

古渡无舟，石上苔痕留旧迹；
新桥有路，江头月色照归人。

主　　办：菖阳县诗词学会

刊名题字：罗鸣谦

顾　　问：罗鸣谦　唐素筠

主　　编：石景澄

编　　务：卢　青

地　　址：菖阳县城关镇文昌路36号
"""


def test_the_poems_of_a_selection_are_no_articles():
    """Under a title that names a selection (…习作选) or counts its pieces (（二副）), each poem's
    or couplet's title is a sub-division of that one piece (the contents list names it once), the
    pupil's class and name under it a byline, its lines verse."""
    root = _doc(JOURNAL)
    assert _heads(root) == ["实验中学学生诗词习作选", "菖阳胜迹联（二副）"]
    subs = _texts(root, "//tei:body//tei:div[@type='subsection']/tei:head")
    assert subs == ["七绝·春游菖山", "五绝·雨后", "题文峰塔", "题青石古渡"]
    assert [b.replace("\u3000", "") for b in _texts(root, "//tei:div[@type='subsection']/tei:byline")] == [
        "初二（3）班林小雨", "初一（2）班程一帆"]
    assert "山花烂漫映晴川，结伴登高到顶巅。" in _texts(root, "//tei:div[@type='subsection']//tei:l")


def test_a_journals_advisers_and_calligrapher_in_its_colophon():
    """A 版权页 that names the title's calligrapher (刊名题字), the advisers (顾问) and the
    editorial assistant (编务) among its label：value lines: all of them the colophon's."""
    root = _doc(JOURNAL)
    labels = [t.replace("\u3000", "").rstrip("：") for t in _texts(root, "//tei:back//tei:label")]
    assert labels == ["主办", "刊名题字", "顾问", "主编", "编务", "地址"]


def test_a_contents_entry_cut_by_the_wrap_and_its_title_cut_elsewhere():
    """A 要目 entry the hard wrap cut (…“一案双查” / 情况的通报) whose title the body prints over
    two lines cut elsewhere (…“一案双查”情况 / 的通报): one entry, one title."""
    text = """道路交通安全工作督查通报

第8期（总第61期）

菖州市道路交通安全工作领导小组办公室　　　　2025年8月26日

本期要目

关于暑期道路交通安全暗访情况的通报

关于石湍县白沙乡“7·19”道路交通事故“一案双查”
情况的通报

关于暑期道路交通安全暗访情况的通报

7月下旬，市道安办组织4个暗访组，对全市重点路段开展暗访，发现问题37个，已交办各地整改。

关于石湍县白沙乡“7·19”道路交通事故“一案双查”情况
的通报

7月19日，石湍县白沙乡发生一起农用车违法载人道路交通事故。市道安办会同有关部门开展了“一案双查”。
"""
    root = _doc(text)
    assert _heads(root) == ["关于暑期道路交通安全暗访情况的通报",
                            "关于石湍县白沙乡“7·19”道路交通事故“一案双查”情况的通报"]


def test_a_title_at_a_page_top_and_in_the_list_a_page_break_cut():
    """A 要目 that a page break cuts (folio, running head, then the list goes on), one of its
    entries the first line after the break, and the same title opening a later page after a folio:
    twice at a page top, in two places there, one phrase: a title, no running head."""
    text = """菖川县政务服务工作简报

2025年第12期（总第164期）

菖川县政务服务中心办公室　　　　2025年6月27日

本期要目
县政务服务中心召开上半年工作推进会
双河镇推行村级“就近办”服务点
第 5 页
政务信息   2025年第12期
县医保局实现异地就医备案“掌上办”
县政务服务中心召开上半年工作推进会
　　6月24日，县政务服务中心召开上半年工作推进会，总结上半年工作，部署下半年重点任务。
双河镇推行村级“就近办”服务点
　　今年以来，双河镇在12个村设立“就近办”服务点，已为群众办理业务620余件。
— 9 —
县医保局实现异地就医备案“掌上办”
　　自6月1日起，参保群众可通过小程序办理异地就医备案，最快10分钟即可完成。
"""
    root = _doc(text)
    assert _heads(root) == ["县政务服务中心召开上半年工作推进会", "双河镇推行村级“就近办”服务点",
                            "县医保局实现异地就医备案“掌上办”"]
    assert "县医保局实现异地就医备案“掌上办”" not in _texts(root, "//tei:fw")


def test_a_tables_numbered_title_after_a_leads_colon():
    """A hard-wrapped text without blank lines: a lead ending in a colon (…获奖情况如下：) over
    the table's numbered title (表1　…): the title opens its own line, no part of the lead."""
    text = """茆溪教研通讯

2025年第6期

全县青年教师优质课评比结果揭晓

5月下旬，县教师发展中心组织开展2025年全县青年教师优质课评比，共评出一等
奖27人、二等奖41人、三等奖54人。各学段获奖情况如下：
表1　2025年全县青年教师优质课评比获奖情况（单位：人）
学段　　参赛人数　　一等奖　　二等奖　　三等奖
小学　　62　　12　　19　　25
初中　　48　　10　　15　　20
高中　　20　　5　　7　　9
"""
    root = _doc(text)
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.endswith("各学段获奖情况如下：") for p in paras)
    assert not any("表1" in p for p in paras)


def test_the_measure_reads_a_wrap_right_after_a_sentence_as_one_paragraph():
    """The bench's false-join measure (tests/degrade.py): in a clean text hard-wrapped at a fixed
    measure with blank lines between paragraphs, a line that fills the measure and ends a sentence
    goes on in the prose line under it (one paragraph: joining them is no false join); under a
    numbered item's line the next item is still apart."""
    from degrade import false_joins

    rows = ["县教师发展中心组织召开本年度县级教研课题开题论证会议。",
            "今年全县共申报县级教研课题近百项，经初评确定立项五十项。",
            "课题涵盖学科教学、作业设计、课后服务等多个方向，各校要",
            "按计划推进研究，确保按期结题，并及时总结推广研究成果。"]
    assert max(map(len, rows)) - min(map(len, rows)) <= 1  # the measure filled
    items = ["一、各校要在七月底前完成课题开题工作，报送开题报告。",
             "二、课题组要按季度报送研究进展，县中心适时组织检查。"]
    clean = "\n".join(rows) + "\n\n" + "\n".join(items) + "\n"
    assert false_joins(["".join(rows)] + items, clean, []) == []
    assert false_joins(["".join(rows), "".join(items)], clean, []) != []


def test_a_group_of_poems_under_one_title_gives_each_poem_its_head():
    """Three poems under one title and author (菖山春行（三首）), each under its own title naming
    its form (七绝·…): each a poem (``lg type="poem"``) headed by its title (TEI P5 §3.13.1), no
    title a line of verse."""
    text = """菖阳诗词

2025年第2期

【菖阳风物】

菖山春行（三首）

汪启明

七绝·菖山桃花

东风昨夜过山家，万树桃开烂若霞。
最是溪桥三两户，柴门斜掩一枝花。

七绝·山寺听钟

古寺云深不见门，疏钟一杵落前村。
松风吹散烟岚尽，独立溪桥到日昏。

七绝·茶园

雨后新芽翠欲流，采茶歌起白云头。
竹篮装得春光满，笑语声声下碧丘。
"""
    root = _doc(text)
    assert _heads(root) == ["菖山春行（三首）"]
    assert _texts(root, "//tei:lg[@type='poem']/tei:head") == ["七绝·菖山桃花", "七绝·山寺听钟", "七绝·茶园"]
    assert not any(l.startswith("七绝") for l in _texts(root, "//tei:l"))
    assert len(_texts(root, "//tei:l")) == 6


def test_a_data_boxs_rows_under_its_name_are_no_title():
    """A data box under its name in 【】 (【数据】), its rows label：value fields one a line, a
    label with a figure in it (最大1小时雨强：…): the box's lines, the first no title."""
    text = """菖川水利

2024年第7期

菖川县遭遇今年入汛以来最强降雨

7月8日，菖川县普降暴雨到大暴雨，各地及时转移避险群众，没有发生人员伤亡。

【数据】
全县平均降雨量：118.6毫米
最大点雨量：柳坪乡马鞍岭站246.5毫米
最大1小时雨强：大坳镇44.2毫米（8日2时至3时）
转移避险群众：1326人

县水利局部署汛后水毁工程修复工作

7月10日，县水利局召开会议，部署汛后水毁工程修复工作，要求各地在8月底前完成修复。
"""
    root = _doc(text)
    assert _heads(root) == ["菖川县遭遇今年入汛以来最强降雨", "县水利局部署汛后水毁工程修复工作"]
    paras = _texts(root, "//tei:body//tei:p")
    assert "全县平均降雨量：118.6毫米" in paras and "转移避险群众：1326人" in paras


def test_a_journals_own_running_head_at_two_page_tops_stays_furniture():
    """The journal's own running head (鹿溪方志) printed at two page tops only, once under the
    extraction's head after a folio and once right after a folio, each time between the halves of
    a paragraph the page break cut: furniture, and each paragraph joined across its break (the
    rule that reads such a pair as a title does not apply where a break cut prose)."""
    import random

    from degrade import DEGRADATIONS, FIXTURES, false_joins, golds, measure
    from convert.reader import read_issues
    from convert.tei import xpath

    path = FIXTURES / "series" / "journal-luxi-2023-no4.txt"
    text = path.read_text(encoding="utf-8")
    for seed in (2, 4):
        t, furn = DEGRADATIONS["furniture-ff"](text, random.Random(f"{seed}:furniture-ff:{path.name}"))
        docs = read_issues(t, path.name, warnings=[])
        c = measure(docs[0].root, golds(path)[0], furn, xpath, text, t)
        assert c["false_joins"] == [] and c["joins"][0] == c["joins"][1] and c["fw"][0] == c["fw"][1]
