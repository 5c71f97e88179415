"""Round 42 of the reader on series it has never seen (issue 21, on heldout-aq, measured once after
round 41): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented city 菖州 and its offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

YOUTH = """内部资料　注意保存
菖　州　团　讯
第7期（总第146期）
共青团菖州市委　　　　　　　　　　　　2025年7月15日
本期要目
我市32名大学生志愿者奔赴西部服务岗位
团市委“青年夜校”暑期班开课
城东街道团工委：“青年议事会”让青年成为社区治理生力军
【工作动态】
我市2025年大学生志愿服务西部计划志愿者出征
　　7月8日上午，我市2025年大学生志愿服务西部计划志愿者出征仪式在团市委
举行，32名志愿者将分赴基层教育、卫生健康、乡村建设等岗位开展志愿服务。
（团市委青年发展部供稿）
团市委“青年夜校”暑期班开课
　　7月10日，团市委“青年夜校”暑期班在市青年之家开课，首期开设摄影、茶艺等
6门课程，300余名青年报名参加。
（团市委宣传部供稿）
【基层来信】
城东街道团工委：“青年议事会”让青年成为社区治理生力军
　　今年以来，城东街道团工委在辖区7个社区推行“青年议事会”，引导青年参与社
区治理，共收集青年意见建议86条，推动解决停车难等问题21个。
（城东街道团工委供稿）
"""


def test_a_pageless_list_whose_first_entry_the_body_words_otherwise():
    """A 要目 without pages whose first entry the body prints in other words (…奔赴西部服务岗位 for
    …西部计划志愿者出征), the entries under it printed again, and one entry a unit and its title
    with a colon inside (城东街道团工委：…): every line is an entry, and the articles keep their
    titles; the column name after the list is no entry."""
    root = _doc(YOUTH)
    assert len(_texts(root, "//tei:front//tei:list//tei:item")) == 3
    assert _heads(root) == ["我市2025年大学生志愿服务西部计划志愿者出征", "团市委“青年夜校”暑期班开课",
                            "城东街道团工委：“青年议事会”让青年成为社区治理生力军"]


COMMUNITY = """菖州社区报
主办：菖州市青屿区菖塘街道办事处
2025年11月28日　星期五
第11期（总第86期）
本期导读
◆ 楼下的油烟散了　　3版
第三版　民生服务
政策问答：加装电梯的费用能提取公积金吗？

问：我家所在的单元正在申请加装电梯，出资的钱可以用住房公积金吗？

答：可以。出资人本人及配偶可以申请提取住房公积金。（街道城市管理办公室）

居民来信

楼下的油烟散了，心里的疙瘩也解开了

编者按：柳岸花园小区一家烧烤店的油烟扰民问题，居民反映了一年多。问题解决后，居民冯淑琴给本报写来一封信。

编辑同志：

我家住在柳岸花园5号楼二楼，楼下的烧烤店开了三年，油烟一直往我家窗户里钻。今年9月，社区把这件事搬上了居民议事会，店主装上了油烟净化器。

居民　冯淑琴

第四版　邻里·文艺
洪德海（右）在楼道口为邻居修理台灯。　葛明轩 摄

薇　园

巷口那棵老桂树

□ 郁南枝

巷口有一棵老桂树，比巷子里最老的房子还老。每年秋天，整条巷子都是桂花的香味。

我们小区的“变形记”

荷风小学四年级（3）班　林小满

我家住在纺织新村。以前我们小区的路坑坑洼洼的，一下雨就变成了一个个小水塘。
"""


def test_a_community_papers_letter_column_supplement_and_pupil():
    """A column of readers' letters (居民来信) over a letter's title with a comma in it and an
    editor's note before the salutation is that column, the title the letter's; a 副刊's name
    letter-spaced (薇　园) over a signed piece is its column; a pupil's author line, the school's
    name before the class (荷风小学四年级（3）班　林小满), is a byline, no title."""
    root = _doc(COMMUNITY)
    assert _texts(root, "//tei:div[@type='section']/tei:head") == ["居民来信", "薇园"]
    heads = _heads(root)
    assert "楼下的油烟散了，心里的疙瘩也解开了" in heads and "我们小区的“变形记”" in heads
    assert "荷风小学四年级（3）班林小满" in _texts(root, "//tei:byline")
    assert "荷风小学四年级（3）班林小满" not in heads


UNITED_FRONT = """# 统战工作简报

2025年第6期（总第93期）

中共菖州县委统战部编　　　　　　2025年6月20日

**【调研与思考】**

## 关于我县非公有制经济人士理想信念教育情况的调研报告

县委统战部、县工商联联合课题组

为了解全县非公有制经济人士理想信念教育的开展情况，今年3月至5月，县委统战部、县工商联组成联合课题组开展专题调研。

**【来信选登】**

**一封来自台胞的感谢信**

5月下旬，县委统战部收到台胞郑明远寄来的一封感谢信。现将来信摘登如下：

尊敬的菖州县委统战部（县台办）：

我是来自台湾彰化的郑明远，去年公司新建的二号厂房在消防验收时未能通过，县台办的同志帮我们理清了整改思路。

此致

敬礼！

台胞　郑明远

2025年5月26日

（县台办供稿）
"""


def test_a_joint_teams_byline_and_a_compatriots_signature():
    """Two bodies' joint team (县委统战部、县工商联联合课题组) signs the report under its title; a
    letter signed by a compatriot from Taiwan (台胞　郑明远) ends at its signature, the date under it
    no part of a paragraph."""
    root = _doc(UNITED_FRONT)
    assert "县委统战部、县工商联联合课题组" in _texts(root, "//tei:byline")
    assert not any("郑明远2025年5月26日" in p for p in _texts(root, "//tei:body//tei:p"))


LAYOUT = """                              菖  州  社  区  报

    2025年11月28日　星期五　　　　第11期（总第86期）

    第三版　民生服务
    居民冯德顺家的老房子今年完成了改造，他说，现在住得踏实多了。大家都说好
事办到了心坎上。
                政策问答：加装电梯的费用能提取公积金吗？
    问：我是桂香苑小区的居民，我家所在的单元正在申请加装电梯，听说出资的
钱可以用住房公积金，是真的吗？
    答：可以。出资人本人及配偶可以申请提取住房公积金，提取金额不超过本人实
际分摊的费用。
"""


def test_a_centred_question_title_in_pdftotext_layout():
    """A question set centred as a title (政策问答：…？) over the first 问： line, in a copy that marks
    its paragraphs by their first-line indent: the piece's title, though set in like a paragraph
    (it is set in deeper: centred)."""
    root = _doc(LAYOUT)
    assert "政策问答：加装电梯的费用能提取公积金吗？" in _heads(root)



FIRE = """消防工作简报
2025年第3期
菖州县消防救援大队　　　　2025年4月10日
一季度全县火灾情况
一季度，全县共接报火灾42起，同比下降8.7%。各月情况如下：
月份 火灾起数 亡人 直接损失
1月 18 0 35.6
2月 14 0 21.2
3月 10 0 12.4
（县消防救援大队供稿）
"""


def test_a_table_a_copy_set_with_single_spaces_one_paragraph_a_line():
    """In a copy with one paragraph a line, a table whose tabs became single spaces (a month and its
    figures) is a table, its column heads under the lead's colon its first row: no row run into
    the lead or into each other."""
    root = _doc(FIRE)
    assert _texts(root, "//tei:table/tei:row[1]/tei:cell") == ["月份", "火灾起数", "亡人", "直接损失"]
    assert len(_texts(root, "//tei:table/tei:row")) == 4
    assert _texts(root, "//tei:body//tei:p") == ["一季度，全县共接报火灾42起，同比下降8.7%。各月情况如下："]
