"""Round 49 of the reader on series it has never seen (issue 21): the remaining cells of the older
held-out sets (y, ad, ag) and, after its first measure, heldout-av. Each test names the class of
text it reads and failed before the change that made it pass. The texts are written for the tests
(invented places 菖江, 菖州, 菖川 and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.reader import read_issues

SCHOOL_PAPER = """菖溪中学报

2025年6月20日　第3期

本报讯　近日，学校举行了同课异构活动，理科教师都参加了。活动结束后，备课组把教学设计汇编成册，供全校理科教师参考。

                           让每一堂课都有“回应”
                 ——访省级骨干教师、高二物理备课组长顾映雪

                            本报学生记者　石小满

    顾映雪老师在我校任教已经十九年，去年被评为省级骨干教师。她的物理课被学生称为最热闹的课，常常下课铃响了还有学生围着她问问题。

                            见习记者　柳青青

    这段话是另一篇稿子的开头，写的是学校的图书馆在暑假期间照常开放，欢迎同学们前来借阅。
"""


def test_a_school_papers_student_reporter_line_is_a_byline():
    """本报学生记者　X under a title and its ——subtitle (a school paper's reporter line: the paper's
    own 学生记者), and a 见习记者 line: bylines, no line of the subtitle."""
    root = _doc(SCHOOL_PAPER)
    assert _texts(root, "//tei:head[@type='sub']") == ["——访省级骨干教师、高二物理备课组长顾映雪"]
    assert "本报学生记者石小满" in _texts(root, "//tei:byline")


DIRECTORY = """菖州镇报

2025年10月24日　第20期

镇里修好了三座便民桥
　　本报讯　入秋以来，镇里组织力量修好了三座便民桥，沿河五个村的群众出行更方便了。

便民信息

镇党政综合办公室　8826 1001
镇便民服务中心　8826 1005
镇派出所　8826 1110
镇卫生院（急诊）　8826 1120
菖州供电所（故障抢修）　8826 1195
镇自来水厂（报修）　8826 1166

停电通知
　　因线路检修，10月28日8:00至17:00，镇东片区停电，请用户提前做好准备。
"""


def test_a_directory_boxs_entries_with_a_bracketed_service_are_no_table():
    """A directory box's entries, a name (with what the number is for in brackets: 镇卫生院（急诊）)
    and a telephone number grouped by a space (8826 1120): one entry a line, no table whose
    cells split the number."""
    root = _doc(DIRECTORY)
    assert not root.xpath("//tei:table", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    assert "镇卫生院（急诊）8826 1120".replace(" ", "") in _texts(root, "//tei:p")
    assert _heads(root) == ["镇里修好了三座便民桥", "便民信息", "停电通知"]


SPEECHES = """菖阳县民族宗教工作简报
第5期
菖阳县民族宗教事务局编　　2025年5月20日
宗教活动场所规范化管理经验交流会召开
5月15日，全县宗教活动场所规范化管理经验交流会召开，各乡镇分管负责同志作了交流发言。现将发言内容摘编如下。
1.菖口镇：网格管理让场所服务“零距离”
我镇有依法登记的宗教活动场所6处，点多面广，分布分散
。去年以来，我们把宗教活动场所全部纳入全镇综合治理网格，
每处场所明确1名网格员和1名驻点联系干部，实行“一月一
走访、一季一检查”。网格员发现场所存在消防器材过期、大
型活动未报备等问题的，当天上报、当天交办，去年共发现
并督促整改问题21个。
（菖口镇人民政府　罗慧敏）
2.东源乡：财务公开让信教群众心里“亮堂堂”
针对个别场所账目不清、群众有议论的情况，我乡指导4处
宗教活动场所统一使用县里印制的财务账簿，聘请乡财政
所退休会计每月上门帮助记账，收支情况每季度在场所公示栏
张贴公示。财务制度理顺后，场所管理组织成员之间的矛盾
少了，信教群众对场所管理的满意度明显提高。
（东源乡人民政府　向立新）
3.石桥镇：“一场所一档案”让管理有据可查
我们按照县局统一模板，为全镇5处宗教活动场所逐一建立档案
，内容包括登记证书、管理组织成员名单、教职人员备案、房
屋安全鉴定、消防检查记录和重大活动报备等12类材料
。档案由镇统战办统一保管、动态更新，县局年度检查时，检查
组调阅档案就能掌握场所的基本情况，减少了重复填报，
基层负担明显减轻。
（石桥镇人民政府　田春燕）
"""


def test_a_numbered_head_with_a_colon_is_no_wrapped_line_of_the_measure():
    """Speakers' points numbered 1. 2. 3. (unit：point, one colon and no other clause mark) over a
    ragged hard wrap without blank lines: the numbered heads are no wrapped lines when the wrap's
    width is estimated, so the third, narrower than the wrap, ends on its line (a sub-heading)."""
    root = _doc(SPEECHES)
    subs = _texts(root, "//tei:div[@type='subsection']/tei:head")
    assert "3.石桥镇：“一场所一档案”让管理有据可查" in subs


RUN_IN_FIRST = """菖阳县民族宗教工作简报

第5期

菖阳县民族宗教事务局编　　2025年5月20日

宗教活动场所规范化管理经验交流会召开

5月15日，全县宗教活动场所规范化管理经验交流会召开，各乡镇分管负责同志作了交流发言。现将发言内容摘编如下。

1.菖口镇：网格管理让场所服务零距离。我镇有依法登记的宗教活动场所6处，去年共发现并督促整改问题21个。

（菖口镇人民政府　罗慧敏）

2.东源乡：财务公开让信教群众心里亮堂堂

针对个别场所账目不清的情况，我乡指导4处宗教活动场所统一使用县里印制的财务账簿。

（东源乡人民政府　向立新）

3.石桥镇：一场所一档案让管理有据可查

我们按照县局统一模板，为全镇5处宗教活动场所逐一建立档案，基层负担明显减轻。

（石桥镇人民政府　田春燕）
"""


def test_a_run_in_first_item_closed_by_its_credit_is_a_division_of_its_own():
    """A speech summary whose first item runs its number and title into its paragraph (1.X镇：…。
    我镇…) and is signed by its speaker, the next items headed on lines of their own and signed
    too: one article, the first item a sub-division with no head holding its paragraph and its
    credit (the document had been invalid: the credit stood between the article's text and its
    sub-divisions, and the second item's text opened an article with no title)."""
    root = _doc(RUN_IN_FIRST)
    assert _heads(root) == ["宗教活动场所规范化管理经验交流会召开"]
    subs = root.xpath("//tei:div[@type='subsection']", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    assert len(subs) == 3 and subs[0].find("{http://www.tei-c.org/ns/1.0}head") is None
    assert _texts(subs[0], "tei:byline") == ["（菖口镇人民政府罗慧敏）"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head")[:2] == [
        "2.东源乡：财务公开让信教群众心里亮堂堂", "3.石桥镇：一场所一档案让管理有据可查"]


# Round 50: heldout-av, measured once at daa875c before this round read it.

from degrade import false_joins  # noqa: E402

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}

BRIEFING_CONTENTS = """菖阳财政工作简报
第4期（总第157期）
菖阳县财政局办公室　　　　　　　　2025年5月20日
本期要目
菖阳县1—4月财政预算执行情况
县财政局召开政府采购和国有资产管理工作会议
菖阳县1—4月财政预算执行情况
　　1—4月，全县一般公共预算收入完成3.42亿元，为年初预算的36.1%，同比增
长5.2%。全县一般公共预算支出完成7.86亿元，为年初预算的35.4%。
（县财政局预算股供稿）
县财政局召开2025年政府采购
和国有资产管理工作会议
　　5月8日，县财政局召开2025年全县政府采购和国有资产管理工作会议，县直各预
算单位分管负责同志参加会议。
（县财政局采购办供稿）
"""


def test_a_title_printed_over_two_lines_that_the_contents_list_words_shorter():
    """A title printed over two lines (县财政局召开2025年政府采购 / 和国有资产管理工作会议) that the
    要目 lists without a word of it (…召开政府采购和…): one title, both lines, no paragraph."""
    root = _doc(BRIEFING_CONTENTS)
    assert _heads(root) == ["菖阳县1—4月财政预算执行情况", "县财政局召开2025年政府采购和国有资产管理工作会议"]


JOURNAL = """菖州党校学刊

2025年第4期（总第71期）

中共菖州市委党校编印　　2025年12月

目　　录

【理论研究】

县域培育新质生产力的几点思考………………………林　晓　乔振宇　4

关于菖州市村级集体经济发展情况的调查与思考
……………………………………………………中青班第二调研组　6

·1·

菖州党校学刊　2025年第4期

【理论研究】

县域培育新质生产力的几点思考

林　晓　乔振宇

（中共菖州市委党校　经济学教研室）

新质生产力以科技创新为主导，区别于主要依靠要素大量投入的传统增长方式，县域也能有所作为。

关于菖州市村级集体经济发展情况的调查与思考

中青班第二调研组

全市村级集体经济总体向好，但发展不平衡的问题仍然突出，需要分类施策。

《菖州党校学刊》2025年第4期（总第71期）

主　　办：中共菖州市委党校

主　　编：岳建平

副 主 编：韩雪松　温雅琴

地　　址：菖州市府东路27号

印　　数：600册

本刊所发文章仅代表作者个人观点。

内部资料　免费交流
"""


def test_two_authors_one_with_a_letter_spaced_two_character_name():
    """Two authors on one line, the first a two-character name letter-spaced to a three-character
    name's width (林　晓　乔振宇): the authors' line, no part of the title."""
    root = _doc(JOURNAL)
    assert _heads(root)[0] == "县域培育新质生产力的几点思考"
    assert _texts(root, "//tei:byline")[0].startswith("林晓乔振宇")


def test_a_colophon_closed_by_the_journals_statement_on_views():
    """A journal's 版权页 fields under its title line, closed by its statement (本刊所发文章仅代表
    作者个人观点。) and a notice: the colophon (``back``), no untitled article of fields."""
    root = _doc(JOURNAL)
    labels = _texts(root, "//tei:back//tei:label")
    assert "主编：" in labels and "印数：" in labels
    assert not root.xpath("//tei:body//tei:p[contains(., '岳建平')]", namespaces=TEI_NS)


def test_a_contents_entry_whose_leader_opens_its_second_line_is_no_false_join():
    """The measure: a contents entry printed over two lines, its leader opening the second
    (…的调查与思考 / ……中青班第二调研组　6), read as one entry is no false join."""
    title = "关于菖州市村级集体经济发展情况的调查与思考"
    clean = title + "\n……………………中青班第二调研组　6\n"
    assert false_joins([title + "……………………中青班第二调研组　6"], clean, [], heads={title}) == []


PAPER = """菖川农民报
2025年11月28日　星期五
第46期（总第1287期）　　每周五出版　　今日4版
第一版　要闻
全县冬种面积突破42万亩
本报讯（记者 谭文静）小雪节气刚过，我县各地抢抓晴好天气推进冬种生产，田间地头一派繁忙景象。
【农技课堂】
油菜冬前管理“三抓三防”
菖川县农业技术推广中心　高级农艺师　欧阳春华
油菜从移栽到越冬，是培育壮苗、为来年高产打基础的关键阶段，冬前管理要抓细抓实。
【市场行情】
本周农产品价格行情
采价时间：11月21日—27日　　采价地点：县城农贸市场
品名　单位　本周均价　上周均价　涨跌
生猪（出栏）　元/公斤　13.20　13.60　↓
鸡蛋　元/公斤　8.40　8.20　↑
土鸡（活禽）　元/公斤　36.00　36.00　—
大白菜　元/公斤　1.60　1.80　↓
行情简析：本周生猪价格继续小幅下行，出栏均价每公斤13.20元，比上周下降0.40元。
（县农业农村局市场信息科 何丽萍）
第四版　副刊
冬日安全顺口溜
◎ 菖川县应急管理局

冬天到，风干燥，
防火意识要记牢。
田边地头不烧荒，
秸秆还田是个宝。

烤火取暖要留神，
人走火灭电断掉。
电瓶车辆室外充，
一家平安乐陶陶。
“我家的丰收年”征文启事
为展现我县农民群众在乡村振兴中的新生活、新面貌，本报副刊即日起开展“我家的丰收年”主题征文活动，来稿请注明真实姓名和联系电话。
（本报编辑部）
"""


def test_an_author_line_of_unit_professional_title_and_a_double_surname():
    """An author line of the unit, a professional title and a name with a double surname
    (…推广中心　高级农艺师　欧阳春华): a byline, no title."""
    root = _doc(PAPER)
    assert "油菜冬前管理“三抓三防”" in _heads(root)
    assert "菖川县农业技术推广中心高级农艺师欧阳春华" in _texts(root, "//tei:byline")


def test_a_price_table_with_a_unit_column_and_trend_arrows():
    """A price table set with single ideographic spaces, a unit column (元/公斤) and a 涨跌 column
    of arrows (↑, ↓, —): a table of five cells a row, its title the piece's head."""
    root = _doc(PAPER)
    rows = root.xpath("//tei:table/tei:row", namespaces=TEI_NS)
    assert len(rows) == 5 and all(len(r) == 5 for r in rows)
    assert "本周农产品价格行情" in _heads(root)


def test_a_notices_title_after_a_rhymes_last_stanza():
    """A rhyme whose stanzas a blank line sets apart, in a text with no blank line between its
    paragraphs, closed by its sentence (…乐陶陶。), then a short line over a long paragraph: the
    next piece's title, no verse line."""
    root = _doc(PAPER)
    assert "“我家的丰收年”征文启事" in _heads(root)
    assert "“我家的丰收年”征文启事" not in _texts(root, "//tei:l")


NEWSLETTER = """菖江地名文化通讯

2025年第3期（总第27期）

菖江县民政局地名办公室编印　　2025年9月30日

塘尾村：榕荫下的青砖古村

县地方志编纂中心　黄嘉宁

塘尾村位于石滩镇东南，背靠矮岭，面向一口面积约二十亩的半月形池塘，因村落
建在池塘的尾端而称“塘尾”。村前的禾坪、池塘和村后的风水林，构成了完整的传
统村落格局。

· 4 ·

菖江地名文化通讯　　2025年第3期

塘尾村村前的半月形池塘和禾坪　　何嘉朗　摄

村中现存祠堂3座、书室2间、古井4口和清代至民国时期的民居80余座，其中规模最
大的是邝氏大宗祠。

（县地方志编纂中心供稿）
"""


def test_a_caption_at_a_pages_top_credit_set_apart_by_a_wide_gap():
    """A photo's caption at a page's top, no full stop, its credit set apart by a wide gap
    (…半月形池塘和禾坪　　X　摄): a caption (``figure``), and the paragraph under it opens a
    paragraph of its own, no part of the caption."""
    root = _doc(NEWSLETTER)
    assert _texts(root, "//tei:figure/tei:head") == ["塘尾村村前的半月形池塘和禾坪"]
    assert any(p.startswith("村中现存祠堂3座") for p in _texts(root, "//tei:p"))


NOTES_ONE_LINE = """菖州党校学刊

2025年第4期（总第71期）

中共菖州市委党校编印　　2025年12月

【理论研究】
县域培育新质生产力的几点思考
林　晓　乔振宇
　　新质生产力以科技创新为主导，县域规模以上工业增加值增长较快①，也能有所作为。
　　对县域而言，培育新质生产力是一场“持久战”，需要保持战略定力，一张蓝图绘到底。
注释：
①数据来源于菖州市统计局《2024年菖州市规模以上工业主要指标》。
【党史党建】
抗战时期南坪根据地的群众工作及其启示
罗　静
　　南坪地处菖州东部山区，山高沟深，交通闭塞，党组织在这一带发动群众、建立抗日政权。
"""


def test_an_endnote_in_a_text_of_one_paragraph_a_line_ends_on_its_line():
    """An article's note (①…。) under 注释： in a text that sets each paragraph on one line, no
    blank lines: the note ends with its sentence, and the next column's name and title after it
    are the next piece's, no lines of the note."""
    root = _doc(NOTES_ONE_LINE)
    assert _heads(root) == ["县域培育新质生产力的几点思考", "抗战时期南坪根据地的群众工作及其启示"]
    assert _texts(root, "//tei:div[@type='section']/tei:head") == ["【理论研究】", "【党史党建】"]


SUPERVISION_PLAIN = """耕地保护督查通报

第5期（总第52期）

菖州市耕地保护工作领导小组办公室　　　　2025年7月10日

## 关于2025年第二季度耕地保护专项督查情况的通报
各县（区）人民政府，菖州高新区管委会，市耕地保护工作领导小组各成员单位：
为压紧压实耕地保护党政同责，6月9日至20日，市耕保办会同有关部门组成4个督查组开展了第二季度专项督查。现将督查情况通报如下。
### 一、总体情况
从督查情况看，各县（区）对耕地保护工作的重视程度普遍提高，耕地保护形势总体平稳向好。
"""


def test_an_addressee_line_of_county_governments_and_a_groups_members():
    """A 主送 line naming 各县（区）人民政府 and 市…领导小组各成员单位 (GB/T 9704-2012 7.3.3), one
    paragraph a line: the line ends with its colon, the text under it is a paragraph of its own."""
    root = _doc(SUPERVISION_PLAIN)
    assert any(p.startswith("为压紧压实耕地保护") for p in _texts(root, "//tei:p"))


def test_a_title_wide_as_the_wrap_is_no_line_ending_a_number_the_wrap_cut():
    """A line as wide as the wrap without clause marks whose last digits the wrap cut from the
    number's rest (…缴费期将于2 / 025年12月31日结束，…): running text, no title."""
    from convert.reader.lines import Line
    from convert.reader.physical import decide_break

    a = Line(1, "2026年度城乡居民基本医疗保险集中缴费期将于2", segments=[("2026年度城乡居民基本医疗保险集中缴费期将于2", False)])
    b = Line(2, "025年12月31日结束，个人缴费标准为每人每年40", segments=[("025年12月31日结束，个人缴费标准为每人每年40", False)])
    ends, why, _ = decide_break(a, 1, b, 20.0, 24.0)
    assert not ends, why


NOTE_AFTER_LETTER = """菖江地名文化通讯

2025年第3期（总第27期）

菖江县民政局地名办公室编印　　2025年9月30日

也说“石狗岭”的写法

编辑同志：

贵刊今年第2期刊登的《鹤岭镇山岭地名调查记》一文，说石狗岭原名石岗岭，我有不同看法，特写信说明。

此致

敬礼！

读者　陈伯衡

2025年8月12日

编后：感谢陈伯衡先生的来信。经向县地名办了解，有关地图服务单位已更新标注。关于那只石狗的下落，欢迎知情的读者与我们联系。

菖江地名文化资料征集启事

为做好《菖江县地名志》续编和地名文化保护工作，县民政局地名办公室面向社会长期征集以下资料：一是反映县内地名由来的文献；二是旧地图、老照片。

主　　办：菖江县民政局

发送对象：县地名工作领导小组成员单位，各镇（街道）
，地名文化研究者

印　　数：500册
"""


def test_a_colophon_value_the_wrap_cut_before_a_comma():
    """A colophon field whose value the wrap cut right before a comma (…各镇（街道） / ，地名文化
    研究者): one field, the colophon whole in ``back``."""
    root = _doc(NOTE_AFTER_LETTER)
    assert _texts(root, "//tei:back//tei:label") == ["主办：", "发送对象：", "印数："]



SPEECHES_WIDE = """菖阳县民族宗教工作简报
第5期
菖阳县民族宗教事务局编　　2025年5月20日
宗教活动场所规范化管理经验交流会召开
5月15日，全县宗教活动场所规范化管理经验交流会召
开，各乡镇分管负责同志作了交流发言，现将发言内容摘
编如下。会议要求，各乡镇要进一步提高认识，把宗教活动
场所规范化管理纳入基层治理的重要内容，定期研究部署，
落实属地管理责任，健全县、乡、村三级管理网络，推动
宗教活动场所规范化管理工作再上新台阶，确保全县宗教
领域持续和谐稳定，为经济社会发展营造良好的环境条件
。
1.菖口镇：网格管理让服务“零距离”
我镇有依法登记的宗教活动场所6处，点多面广，分布分
散。去年以来，我们把宗教活动场所全部纳入全镇综合治
理网格，去年共发现并督促整改问题21个，效果明显。
（菖口镇人民政府　罗慧敏）
2.东源乡：财务公开让全乡信教群众心里更加亮堂堂
针对个别场所账目不清、群众有议论的情况，我乡指导4
处宗教活动场所统一使用县里印制的财务账簿，聘请乡财
政所退休会计每月上门帮助记账，群众满意度明显提高。
（东源乡人民政府　向立新）
"""


def test_a_numbered_head_as_wide_as_the_wrap_after_a_sibling_on_its_own_line():
    """Speakers' items (N.unit：theme) in a hard wrap without blank lines, the first narrower than
    the wrap and on a line of its own, the second exactly as wide as the wrap with no clause mark
    but its label's colon: it ends on its line too (one numbering series, one form: GB/T
    15834-2011 B.3.8), a sub-heading, its text no part of it."""
    root = _doc(SPEECHES_WIDE)
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "1.菖口镇：网格管理让服务“零距离”", "2.东源乡：财务公开让全乡信教群众心里更加亮堂堂"]



# Round 51: heldout-aw, measured once at a48e457 before this round read it.

SCIENCE_PAPER = """
                           菖   江   科   普   报

                           菖江县科学技术协会编印

2025年12月5日  星期五                                            第23期（总第412期）
内部资料  免费交流                                                   今日4版

  本期导读
  ● 冬季取暖，当心“隐形杀手”一氧化碳                                2版
  ● 科技小院里的“柑橘课堂”                                          2版

第2版    科普惠民

                          冬季取暖，谨防一氧化碳中毒
                              县疾控中心    施景岚
    入冬以来，不少家庭开始使用炭火盆、燃气热水器取暖，一氧化碳中毒的风险随之增加。
一氧化碳无色无味，人很难察觉，轻度中毒会出现头痛、头晕、恶心等症状。

                                  知识链接
    不少家庭备有指夹式血氧仪。需要注意的是，一氧化碳中毒时，血氧仪显示的数值往往偏
高甚至“正常”，并不能说明没有中毒。

  【农技信箱】
                           天冷了鸡不下蛋怎么办？
    编辑同志：我家散养了60多只蛋鸡，入冬以后产蛋越来越少，请问有什么办法吗？
                                                      白沙洲乡瓦窑村  蒙秀兰
    蒙秀兰同志：冬季蛋鸡产蛋减少，主要是天气寒冷、光照不足。鸡舍要做好防风保暖，每天
保证光照16个小时左右，换羽结束后产蛋会逐步恢复。
                                            县畜牧水产事务中心兽医师  卢秋实

                           科技小院里的“柑橘课堂”
    本报讯（记者 黎书宁）青梓镇柑子坪村的科技小院里，研究生们把课堂开到了果园里，果
农们边看边学。
科技小院研究生龙思琪（左）在柑子坪村果园调查柑橘病害。  记者 黎书宁 摄

                             冬季柑橘园管理要点
  时  段        作业项目    技术要点
  12月上中旬    采后施肥    株施腐熟有机肥15至25公斤，配合少量磷钾肥，开沟深
                            施后覆土
  12月中下旬    清园修剪    剪除病虫枝、枯枝和交叉枝，清扫落叶、烂果，带出园
                            外集中处理
  12月下旬      树干涂白    用生石灰、硫黄粉、食盐加水调成涂白剂，涂刷主干
                                                        （县农技推广中心供稿）

第4版    副刊

                          大雪日，致山村气象信息员
                                 ◎ 聂远帆
                你把雨量筒擦得发亮
                把温度计挂回百叶箱
                一个人站在山坳的风里
                替全村人守着天上的消息

                大雪这天，山里没有下雪
                你照旧在本子上写下
                气温、风向、湿度
                像给远方的亲人写信

                               冬季防火安全歌
                冬来天干北风急，
                防火安全要牢记；
                电热毯子勤检查，
                人走断电莫大意。
                                                      （县消防救援大队供稿）
"""


def test_a_guide_entry_of_clauses_with_its_bullet_and_page():
    """A 导读 whose first entry is a title of clauses (冬季取暖，当心…) worded otherwise than its
    story's head, printed with its bullet and page (``● …　　2版``): the contents list, both
    entries, no column of the body."""
    root = _doc(SCIENCE_PAPER)
    assert len(root.xpath("//tei:front//tei:list/tei:item", namespaces=TEI_NS)) == 2
    assert "本期导读" not in _texts(root, "//tei:body//tei:head")


def test_a_letter_signed_right_under_its_run_in_salutation_and_the_experts_reply():
    """A reader's letter whose salutation is run into its text (编辑同志：我家…), signed with a
    place and a name, and the expert's reply addressed to the writer (X同志：…), signed with an
    office and a name: two signatures, no titles."""
    root = _doc(SCIENCE_PAPER)
    heads = _heads(root)
    assert "白沙洲乡瓦窑村蒙秀兰" not in heads and "县畜牧水产事务中心兽医师卢秋实" not in heads
    assert "天冷了鸡不下蛋怎么办？" in heads


def test_a_box_label_set_centred_inside_an_article():
    """A box's label (知识链接) set centred over its text inside an article, no credit above: the
    box (``div type="box"``), no line of the article's text."""
    root = _doc(SCIENCE_PAPER)
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["知识链接"]


def test_a_table_with_a_letter_spaced_column_head_and_cells_wrapped_under_their_heads():
    """A table set by its column heads' positions, its first head letter-spaced (时  段), its last
    cells wrapped under their head: a table under its title (the column heads its label row), no
    heading made of the column heads."""
    root = _doc(SCIENCE_PAPER)
    assert "冬季柑橘园管理要点" in _heads(root)
    assert "时段作业项目技术要点" not in _heads(root)
    # (three rows, and the two wrapped rests each a printed line of the table: bulletin model)
    assert len(root.xpath("//tei:table/tei:row[@role='label']", namespaces=TEI_NS)) == 1
    assert len(root.xpath("//tei:table/tei:row[not(@role)]", namespaces=TEI_NS)) == 5


def test_the_next_poems_title_set_deeper_than_the_poem_above():
    """A 副刊's second poem, its title set centred far deeper than the first poem's lines after a
    stanza's end, no author line under it: the next piece's title, no verse line of the first."""
    root = _doc(SCIENCE_PAPER)
    assert "冬季防火安全歌" in _heads(root)
    assert "冬季防火安全歌" not in _texts(root, "//tei:l")


HISTORY = """芩阳文史

2025年第3期（总第118期）

政协芩阳县委员会文化文史和学习委员会编印　　2025年9月

【史海钩沉】

芩阳县立中学创办始末

罗　明

清末废科举以后，芩阳县城先后办起了两所高等小学堂，但县内一直没有中学，据县档案馆所藏的一份呈文记载，一九三三年升入外地中学的只有九人。①

一九三四年春，县参议会几位议员联名提议筹办县立中学，经县政府呈报省教育厅核准，以城内文庙作为临时校舍。

注释：

①芩阳县政府《呈报本县升学情况文》（1934年），芩阳县档案馆藏。
"""


def test_a_paragraph_ending_with_a_notes_sign_after_its_full_stop_ends_there():
    """A paragraph whose last sentence carries an endnote's sign after its full stop (…只有九人。①),
    a blank line under it: it ended, the next paragraph is one of its own."""
    root = _doc(HISTORY)
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.endswith("只有九人。①") for p in paras)
    assert any(p.startswith("一九三四年春") for p in paras)


def _credit_issue(n: int, total: int, date: str, case: str, entry: str) -> str:
    return f"""内部资料　注意保存

菖川县社会信用体系建设工作简报

第{n}期（总第{total}期）

菖川县发展和改革局（县信用办）　　　　　　　{date}

本期要目

菖川县召开社会信用体系建设工作推进会

{entry}

菖川县召开社会信用体系建设工作推进会

近日，全县社会信用体系建设工作推进会召开，会议通报了上半年工作情况，部署了下半年重点任务。

（县信用办供稿）

— 1 —

【典型案例】

{case}

一、基本案情

2024年11月，菖川县某劳务公司拖欠37名农民工工资共计68.4万元，被列入失信联合惩戒对象名单。

二、修复过程

该公司全额清偿欠薪后提出信用修复申请，县信用办审核后同意移出名单。

（县信用办供稿）

— 2 —
"""


TWO_ISSUES = (_credit_issue(7, 43, "2025年7月21日", "拖欠农民工工资被列入失信名单　一劳务公司清偿欠薪后完成信用修复",
                            "欠薪企业清偿后完成信用修复")
              + "\n" + _credit_issue(8, 44, "2025年8月19日", "一家餐饮店主动纠错提前修复信用　重新获得示范店申报资格",
                                     "餐饮店主动纠错提前完成信用修复"))


def test_a_column_name_at_a_page_top_in_each_of_two_issues_is_the_column():
    """A file of two issues whose 【典型案例】 column opens a page in each, right under the folio, no
    paragraph cut by either break: the column (a section), no running head; and the case's title
    under it, which the 要目's last entry words otherwise (…清偿后完成信用修复), is the piece's
    title, over its numbered sub-headings."""
    docs = read_issues(TWO_ISSUES, "t.txt", warnings=[])
    assert len(docs) == 2
    for doc, case in zip(docs, ("拖欠农民工工资被列入失信名单一劳务公司清偿欠薪后完成信用修复",
                                "一家餐饮店主动纠错提前修复信用重新获得示范店申报资格")):
        assert _texts(doc.root, "//tei:div[@type='section']/tei:head") == ["【典型案例】"]
        assert case in _heads(doc.root)


EDUCATION = """菖阳教育信息

第11期（总第247期）

菖阳县教育局办公室编　　2025年7月10日

本期要目

【领导讲话】

在全县教育系统上半年工作总结会议上的讲话

【工作动态】

县教育局部署暑期校园安全工作

【领导讲话】

坚持稳中求进　奋力推动全县教育高质量发展
——在全县教育系统2025年上半年工作总结暨暑期工作部署
会议上的讲话（摘要）
县教育局党组书记、局长　沈立川
今年上半年，全县教育系统围绕办好人民满意教育这一目标，各项工作稳步推进，有的方面还取得了新的突破。
【工作动态】
县教育局部署暑期校园安全工作
7月5日，县教育局召开暑期校园安全工作会议，对防溺水、防火、防食物中毒等工作作出部署。
（县教育局安全股供稿）
"""


def test_a_titles_subtitle_the_wrap_cut_and_the_title_the_list_words_otherwise():
    """A speech's title, which the 要目 words otherwise, over its ——subtitle under the column's
    name, the subtitle cut by the wrap (——在…部署 / 会议上的讲话（摘要）): one title, one subtitle,
    no second title made of the subtitle's rest."""
    root = _doc(EDUCATION)
    assert _heads(root) == ["坚持稳中求进奋力推动全县教育高质量发展", "县教育局部署暑期校园安全工作"]
    assert _texts(root, "//tei:head[@type='sub']") == ["——在全县教育系统2025年上半年工作总结暨暑期工作部署会议上的讲话（摘要）"]


SCORES = """城乡环境综合整治督查通报
第9期（总第71期）
菖溪县城乡环境综合整治工作领导小组办公室　　　2025年9月18日
八月份城乡环境综合整治督查情况通报
　　8月下旬，县整治办组织4个督查组对全县12个乡镇（街道）城乡环境综合整
治工作进行了督查，现将有关情况通报如下。
序号\t乡镇（街道）\t城镇区域\t农村区域\t长效管理\t总分
1\t菖园街道\t38\t27\t22\t87
2\t白沙镇\t37\t26\t21\t84
3\t金竹乡\t31\t20
　　从分项看，城镇区域得分率最高的是菖园街道，农村区域得分率最高的是白沙镇，
长效管理得分普遍偏低，反映出部分乡镇重突击、轻常态的问题仍然存在。
　　各乡镇（街道）要对照督查发现的问题立即整改，整改情况于9月30日前报县整治
办。
附件
2025年8月份城乡环境综合整治督查重点问题整改清单
序号\t乡镇（街道）\t问题点位\t存在问题\t整改时限
1\t金竹乡\t集镇老街\t积存生活垃圾\t9月30日前
2\t白沙镇\t河道沿线\t漂浮垃圾较多\t9月30日前
"""


def test_a_tab_tables_short_row_takes_no_paragraphs_and_an_attachment_mark_stands_alone():
    """A table set with tabs whose last row holds fewer cells than its heads, paragraphs opened by
    their first-line indent under it: the row takes none of them (a cell's rest is short and not
    indented); an attachment's mark (附件, GB/T 9704-2012 8.1) stands alone over its title (here the
    table's label over its caption, as 附表 is)."""
    root = _doc(SCORES)
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("从分项看") for p in paras)
    assert not any("附件" in p for p in paras)
    heads = root.xpath("//tei:table/tei:head", namespaces=TEI_NS)
    assert heads and heads[0].text == "附件" and heads[0].find("{http://www.tei-c.org/ns/1.0}lb") is not None
