"""Round 30 of the reader on series it has never seen (issue 21): each test names the class of
text it reads and failed before the change that made it pass."""

from __future__ import annotations

from degrade import assert_round_trips
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.reader import read_issues
from convert.tei import xpath


MENU_COLUMN = """# 蓁河幼儿园园报

2025年第3期（总第20期）

蓁河县实验幼儿园编　　　　　　2025年5月30日

**【园务动态】**

## 我园开展消防疏散演练

5月20日上午，我园开展消防安全疏散演练，全园幼儿在老师带领下有序撤离到操场。

**【一周食谱】**

5月26日—5月30日幼儿一周食谱

| 星期 | 早餐 | 午餐 |
| --- | --- | --- |
| 星期一 | 小米粥、鸡蛋饼 | 米饭、番茄炒蛋 |
| 星期二 | 牛奶、花卷 | 米饭、土豆烧鸡块 |
| 星期三 | 豆浆、菜包 | 水饺、凉拌黄瓜 |

温馨提示

端午节放假三天，请家长看护好孩子，注意出行安全。
"""


def test_a_caption_under_a_column_name_over_the_table_the_column_holds_is_the_tables_head():
    """A caption right under a column's name (【一周食谱】) over a table that is all the column holds
    (a box's name or the end after it) names the table: its head (TEI P5 §14.1.1), not an
    article's title."""
    root = _doc(MENU_COLUMN)
    assert _heads(root) == ["我园开展消防疏散演练"]
    assert _texts(root, "//tei:table/tei:head") == ["5月26日—5月30日幼儿一周食谱"]
    assert xpath(root, "//tei:table/tei:head/@cert") == ["medium"]


INDENTED_WITH_TITLE_BLANKS = """菰川社科工作通讯
2025年第1期（总第50期）
菰川县社会科学界联合会编　　　　　　2025年3月

【学术动态】

县社科联召开年度课题评审会

　　3月12日，县社科联召开2025年度社科研究课题评审会，评审专家对申报的42项课
题逐一评议，确定立项课题18项，其中重点课题4项、一般课题14项。会议要求各课题组
按计划推进研究，确保按期结项。（县社科联办公室供稿）

关于开展2025年度全县社科普及周活动的启事

　　为普及社会科学知识，提升全民人文素养，县社科联决定于5月开展全县社科普及
周活动，活动由县社科联主办，各乡镇和县直单位承办。现将有关事项启事如下：
　　一、活动主题。社科普及进万家，助力县域高质量发展，各单位结合实际组织开
展宣讲、展览、咨询等活动。
　　二、活动时间。2025年5月12日至18日，各单位于5月30日前报送活动总结。
　　三、联系方式。县社科联普及部，联系电话：0735-6632181。
　　县社科联热忱欢迎各单位和广大社科工作者积极参与，共同办好普及周活动，让社
会科学知识走进千家万户。

【社科人物】

潜心地方文献整理的退休教师

　　今年七十三岁的邓远山是县一中退休教师，退休后十余年如一日整理地方文献，先
后点校整理县内旧志、家谱和碑刻资料40余种，累计200余万字。他说，地方文献是一方
水土的记忆，能为后人留下一些可靠的资料，是自己最大的心愿。
"""


def test_an_indented_item_under_a_sentence_ending_in_a_colon_opens_a_paragraph_where_blank_lines_stand_around_titles():
    """A hard-wrapped text that marks its paragraphs by the first-line indent (段首空两字) and sets
    blank lines only around its titles and column names (the paragraph under a title the only
    one after a blank line) is still indent-marked: the indented 一、活动主题。… under a sentence
    ending in a colon opens a paragraph of its own, not the rest of the one above."""
    root = _doc(INDENTED_WITH_TITLE_BLANKS)
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.endswith("现将有关事项启事如下：") for p in paras)
    assert any(p.startswith("一、活动主题。") for p in paras)
    assert _heads(root) == ["县社科联召开年度课题评审会", "关于开展2025年度全县社科普及周活动的启事",
                            "潜心地方文献整理的退休教师"]


TABBED_BRIEFING = "\n\n".join([
    "内部资料\t注意保存",
    "老 龄 工 作 简 报",
    "2025年第2期（总第31期）",
    "蓟川县老龄工作委员会办公室\t\t\t2025年4月18日",
    "本期要目",
    "\t邹明远在全县老龄工作会议上的讲话\t1",
    "\t基层动态（三则）\t3",
    "\t关于开展2025年“敬老月”活动的通知\t4",
    "【重要讲话】",
    "守正创新强服务　用心用情暖夕阳",
    "——在全县老龄工作会议上的讲话",
    "县老龄委主任\t邹明远",
    "（2025年4月2日）",
    "同志们：",
    "\t今天召开全县老龄工作会议，主要任务是总结去年工作，部署今年任务。",
    "一、去年工作回顾",
    "\t去年以来，全县新建农村幸福院12所，改造提升居家养老服务站20个，老年人满意度明显提高。",
    "二、今年重点任务",
    "\t今年要抓好三件实事：一是新建助餐点15个，二是开展老年人健康体检，三是推进适老化改造。",
    "【基层动态】",
    "**城关镇老龄办**：4月8日，城关镇老龄办组织志愿者走访辖区独居老人86户，为老人检修电器、清理杂物。",
    "东岭乡老龄办：4月10日，东岭乡老龄办联合乡卫生院开展义诊活动，为120余名老人测量血压血糖。",
    "**县民政局**：4月12日，县民政局对全县32家养老机构开展消防安全检查，督促整改隐患9处。",
    "【通知公告】",
    "关于开展2025年“敬老月”活动的通知",
    "蓟老龄办〔2025〕5号",
    "各乡镇（街道）老龄办，县直有关单位：",
    "\t为弘扬中华民族孝亲敬老传统美德，经研究，决定在全县开展2025年“敬老月”活动。请各单位结合实际认真组织实施。",
    "附件：1.2025年“敬老月”活动安排表\n\t\t2.“敬老月”活动情况统计表",
    "\t\t\t\t蓟川县老龄工作委员会办公室\n\t\t\t\t2025年4月15日",
    "报：市老龄办，县委、县政府主要领导同志。",
    "送：县委办、县人大办、县政府办、县政协办。",
    "发：各乡镇（街道）老龄办，县老龄委各成员单位。",
]) + "\n"


def test_a_bulletin_set_with_tabs_and_blank_lines_between_all_its_lines():
    """A 简报 extracted with tabs for indents and between fields and a blank line under every line:
    a contents entry's page after a tab is its page (the list holds every entry); the speaker's
    office and name apart by a tab is an author line, so the title over the ——subtitle is the
    speech's; the speech's date alone in brackets is no title; in a column whose items open with a
    body's name and a colon, the one that lost its bold is an item too; a document's number
    (发文字号, GB/T 9704-2012 7.2.4) is a line of its own, no part of the 主送 line; the 落款 under
    the 附件说明 (GB/T 9704-2012 7.3.6) signs the notice, its unit and date not run together."""
    root = _doc(TABBED_BRIEFING)
    assert xpath(root, "//tei:front/tei:div[@type='contents']//tei:item/tei:num/@value") == ["1", "3", "4"]
    assert _heads(root) == ["守正创新强服务用心用情暖夕阳", "关于开展2025年“敬老月”活动的通知"]
    briefs = _texts(root, "//tei:div[@type='brief']/tei:head")
    assert briefs == ["城关镇老龄办", "东岭乡老龄办", "县民政局"]
    paras = _texts(root, "//tei:body//tei:p")
    assert "蓟老龄办〔2025〕5号" in paras
    assert "（2025年4月2日）" not in _texts(root, "//tei:head")
    assert not [p for p in paras if "蓟川县老龄工作委员会办公室2025年4月15日" in p]


LAYOUT_JOURNAL = """                              蓟  岭  档  案

                          2025年第2期（总第40期）

      蓟岭县档案馆编                                          2025年6月

                                  目    录

      【工作动态】
        县档案馆开展馆藏档案安全检查……………………………………………… 1
      【档案故事】
        一张老地契的来历……………………………………………………… 邝　明　2

                              县档案馆开展馆藏
                              档案安全检查工作

          6月上旬，县档案馆组织人员对馆藏档案开展安全检查，重点检查库房温湿度、消
      防设施和档案装具，发现并整改问题3处，确保馆藏档案安全。
                                                              （县档案馆　陆　琴）


                                     1
      蓟岭档案　2025年第2期

                              一张老地契的来历

                                  文／邝　明

          去年秋天，石桥镇一位村民把一张老地契送到县档案馆，说是整理老屋时从墙缝里找
      到的。地契用毛笔写在棉纸上，落款是光绪年间，纸已经发黄变脆。

                                  墙缝里的纸包

          这位村民姓陈，今年六十多岁。他说，老屋是祖上传下来的，拆旧墙时发现一个油纸
      包，打开一看是几张写满字的旧纸，其中就有这张地契。他想了好几天，决定交给档案①

      ① 据《蓟岭县志》记载，该村清代属石桥里。


                                     2
                                                        蓟岭档案　2025年第2期

      馆保存，让更多的人看到。

                                  地契上的人家

          馆里的工作人员查阅了县志和族谱，弄清了地契上写的几户人家的来历，还把地契和
      族谱放在一起整理，编入了家族档案专题。


                                     3
"""


def test_a_layout_journal_two_line_centred_title_unnumbered_sub_heads_and_a_paragraph_run_on_past_its_footnote():
    """In a pdftotext -layout copy of a journal: a title printed centred in two balanced lines is
    one title, though the contents list prints it shortened; a signed story's unnumbered heads,
    set apart by blank lines, which the list does not name, are its sub-headings (nested
    divisions); a paragraph the page's end cut mid-sentence over the page's footnote goes on on
    the next page, its two parts one paragraph by aggregation (@next/@prev, TEI P5 §16.7) with
    the note between them."""
    root = _doc(LAYOUT_JOURNAL)
    assert _heads(root) == ["县档案馆开展馆藏档案安全检查工作", "一张老地契的来历"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == ["墙缝里的纸包", "地契上的人家"]
    first = xpath(root, "//tei:p[@next]")
    assert len(first) == 1 and "".join(first[0].itertext()).rstrip().endswith("决定交给档案①")
    second = xpath(root, "//tei:p[@prev]")
    assert len(second) == 1 and "".join(second[0].itertext()).startswith("馆保存")
    assert xpath(root, "//tei:note[@place='foot']/following-sibling::tei:p[1]/@prev")


SUPERVISION_REPORT = """内部资料　注意保存

安 全 生 产 督 查 通 报

2025年第3期（总第20期）

苕塘区安全生产委员会办公室　　　　　　2025年4月10日

关于一季度安全生产督查情况的通报

各街道办事处，区安委会各成员单位：

一、督查的基本情况

3月下旬，区安委办组成3个督查组，对全区6个街道的40家企业开展了安全生产督查，共发现隐患86处，已整改61处。

二、表扬和批评

督查中，以下4家企业安全生产主体责任落实较好，予以通报表扬：
苕塘恒达精密机械有限公司（新桥街道）
苕塘区云溪物业服务有限公司（云溪街道）
江苕新材料科技（苕塘）有限公司（苕塘街道）
苕塘区芦湾冷链物流有限公司（芦湾街道）

以下3家企业隐患整改不力，予以通报批评：
苕塘区宏顺五金加工厂（新桥街道）：抛光车间除尘系统未设置防爆泄压装置，积尘未及时清扫。
苕塘区佳和家具有限公司（云溪街道）：喷漆房使用非防爆电气设备，车间内油漆存放量超标。
苕塘区联运仓储有限公司（芦湾街道）：仓库内违规设置员工宿舍，喷淋系统压力不足。

表1　各街道隐患整改情况
　　　　　　　　　　　　　　　　　　　　单位：处
街道        发现隐患    已整改    整改率
新桥街道    18          14        77.8%
云溪街道    15          11        73.3%
芦湾街道    12          9         75.0%

三、整改要求

各街道要督促企业于4月30日前完成全部隐患整改，逾期未完成的依法处理。（区安委办供稿）

【安全小知识】

什么是重大事故隐患

重大事故隐患是指危害和整改难度较大，应当全部或者局部停产停业，并经过一定时间整改治理方能排除的隐患。

抄送：区委办、区人大办、区政府办、区政协办。
苕塘区安全生产委员会办公室　　　　　　2025年4月10日印发
"""


def test_a_supervision_reports_unit_lists_table_unit_and_a_knowledge_box():
    """In a 督查通报: bodies' names one to a line under a label ending in a colon, a note of the
    street in brackets after each (a place in brackets inside a company's name too), are a list's
    lines, never run together nor a title; the 批评 entries (a body's name, a colon, what is wrong)
    are paragraphs, no titles; a table's unit (单位：处) alone between its 表1 title and its
    first row goes with the title into the table's head; a 【安全小知识】 after a piece's credit
    over one titled text is a box (its title a second head), no column and no article."""
    root = _doc(SUPERVISION_REPORT)
    assert _heads(root) == ["关于一季度安全生产督查情况的通报"]
    paras = _texts(root, "//tei:body//tei:p")
    for name in ("苕塘恒达精密机械有限公司（新桥街道）", "江苕新材料科技（苕塘）有限公司（苕塘街道）",
                 "苕塘区芦湾冷链物流有限公司（芦湾街道）"):
        assert name in paras
    assert any(p.startswith("苕塘区佳和家具有限公司（云溪街道）：") for p in paras)
    assert _texts(root, "//tei:table/tei:head") == ["表1各街道隐患整改情况单位：处"]
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["【安全小知识】", "什么是重大事故隐患"]
    assert xpath(root, "//tei:div[@type='box']/tei:head[2]/@type") == ["sub"]
    assert not _texts(root, "//tei:div[@type='section']/tei:head")


HOSPITAL_LETTER = """# 芡川县人民医院院报

第5期（总第120期）　　2025年5月20日

## 感谢信

尊敬的心内科全体医护人员：

今年4月，我父亲突发心梗被送到医院，心内科医护人员连夜抢救，让父亲转危为安。千言万语难以表达我们全家的感激之情，特写此信表示衷心的感谢！

此致

敬礼！

患者周守田家属：周建华　周建英

2025年5月6日

## 写给夜班的你

◎ 程晓岚

走廊的灯亮到天明
你的脚步比钟声还轻
一间一间推开病房的门
把每一声咳嗽都听清

窗外的月亮换了方向
你手里的记录又添一行
天亮时你摘下口罩
笑着说一夜平安
"""


def test_a_letter_signed_by_a_patients_family_under_its_closing_words():
    """A 感谢信 signed by the patient's family (``患者X家属：A　B``, a label, a colon and two names)
    over its date, right under its closing words (此致 / 敬礼！, 书信 practice): a signature and its
    date at the letter's foot, neither a title; the poem after it keeps its title."""
    root = _doc(HOSPITAL_LETTER)
    assert _heads(root) == ["感谢信", "写给夜班的你"]
    bylines = _texts(root, "//tei:div[@type='article']/tei:byline")
    assert any(b.startswith("患者周守田家属：周建华周建英") and b.endswith("2025年5月6日") for b in bylines)


def test_a_column_of_unit_items_without_bold_and_a_salutation_without_blank_lines():
    """With its markup gone, a column's items each opened by a body's name and a colon over a
    report of sentences are still its brief items (two share the form), while a 名词解释 box's
    terms (全程网办：…, a four-character term ending like an office) are no bodies; and with blank
    lines gone, a letter's salutation (尊敬的…：, 称呼) stays a line of its own, not run into the
    letter's first paragraph."""
    text = TABBED_BRIEFING.replace("**", "")
    root = _doc(text)
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["城关镇老龄办", "东岭乡老龄办", "县民政局"]
    terms = _doc("【名词解释】\n\n全程网办：申请人从提交申请到领取结果的全部环节均可在网上完成，无需到现场。\n"
                 "帮办代办：乡镇、村（社区）工作人员为群众提供政策咨询和材料填报指导的服务方式。\n")
    assert not xpath(terms, "//tei:div[@type='brief']")
    letter = "\n".join(line for line in HOSPITAL_LETTER.splitlines() if line.strip()) + "\n"
    paras = _texts(_doc(letter), "//tei:body//tei:p")
    assert "尊敬的心内科全体医护人员：" in paras


WOMEN_BRIEFING = """内部资料　注意保存

# 妇 联 工 作 简 报

第3期（总第141期）

蓁岙县妇女联合会　　　　　　　　　　2025年3月14日

蓁岙县2024年度“最美家庭”评选结果揭晓

为弘扬新时代家庭观，县妇联在全县开展“最美家庭”评选活动，经推荐、评审和公示，评出以下家庭。

“最美家庭”（6户）

周素芬家庭（蓁岙镇后岙村）　林彩霞家庭（城关镇东街社区）　王丽君家庭（溪头镇溪头村）

陈海燕家庭（溪头镇上垟村）　叶美娟家庭（石梁镇枫林村）　吴仙菊家庭（青塘乡青塘村）

“最美家庭”提名奖（3户）

钱月娥家庭（城关镇东街社区）　孙美芳家庭（石梁镇枫林村）　黄晓燕家庭（溪头镇上垟村）

这些家庭有的孝老爱亲，有的热心公益，在全县形成了崇德向善的良好风尚。县妇联将通过多种形式宣传她们的事迹，

妇联工作简报　　　　　　　　　　　　　　2025年第3期

引导更多家庭见贤思齐。（县妇联家庭和儿童工作部供稿）

维权提示

按照反家庭暴力法的规定，家庭成员之间的殴打、捆绑、残害等行为都属于家庭暴力。遇到家庭暴力时，请第一时间拨打110报警，也可拨打12338妇女维权热线求助。

报：市妇联，县委、县政府主要领导同志。
送：县委办、县人大办、县政府办、县政协办。
发：各乡镇（街道）妇联。
"""


def test_a_running_head_printed_once_list_labels_with_counts_and_a_rights_box():
    """The series' title and the issue number on one line apart by a wide gap (妇联工作简报　…
    2025年第3期), the title standing alone in the masthead: a running head though printed once with
    no folio or form feed beside it, the paragraph it cuts going on after it; a label counting
    the names under it (“最美家庭”（6户）) over rows of names set in columns, two rows or more: a
    list's label and rows, no titles; 维权提示 alone after a piece's credit: a box, no article."""
    root = _doc(WOMEN_BRIEFING)
    assert _heads(root) == ["蓁岙县2024年度“最美家庭”评选结果揭晓"]
    assert _texts(root, "//tei:fw[@type='header']") == ["妇联工作简报2025年第3期"]
    assert any(p.endswith("引导更多家庭见贤思齐。") and p.startswith("这些家庭")
               for p in _texts(root, "//tei:body//tei:p"))
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["维权提示"]


TOWN_PAPER = """第1版　要闻　芷垸报　2025年9月26日

芷垸报

中共芷垸镇委员会主办　　芷垸镇宣传统战办公室编印

2025年9月26日　星期五　农历乙巳年八月初五

第18期（总第284期）　　今日4版

本期导读

◆ 一线故事：巡堤人的二十年 …… 2版

# 全镇早稻收购工作圆满结束

本报讯（记者 伍思源）9月中旬，芷垸镇早稻收购工作圆满结束，全镇共收购早稻1.2万吨，农户售粮款全部按时兑付到位。

本版责编：卜雁　　校对：田甜

第2版　综合　芷垸报　2025年9月26日

## 村情速递

柳湾村：9月18日，柳湾村组织党员志愿者和村民清理沟渠杂草，疏通排水沟1200米，为秋冬种做好准备。

石矶村：石矶村日前完成村级综合服务中心“一站式”改造，群众办理社保、医保等事项不用再跑镇里。

一线故事

巡堤人的二十年

本报讯（通讯员 严小蔓）二十年来，老周每天都要沿着芷垸大堤走上一圈，哪里有渗水，哪里有蚁穴，他心里都有一本账。

安全知识

秋季用电安全“四不要”

①不要在电线上晾晒衣物；
②不要用湿手触碰开关和插座；
③不要私拉乱接电线；
④不要让儿童靠近变压器。

（镇供电所供稿）

本版责编：卜雁　　校对：田甜

第3版　副刊　芷垸报　2025年9月26日

## 七律·秋分登芷山

萧守诚

晓雾初消旭日来，登高遥望雁南回。
千畦稻浪收金粟，十里残荷印绿苔。
铁马耕云翻沃壤，长堤护垸柳新栽。
乡亲莫道秋光老，且把丰年入酒杯。

本版责编：卜雁　　校对：田甜
"""


def test_a_town_paper_with_its_page_label_above_the_masthead_a_news_column_and_a_titled_box():
    """The front page's 报眉 (page label, paper, date) above the masthead is the title page's page
    label and the masthead is read under it (date and issue in the header); items of a 速递 column
    opened by a village's name and a colon are its briefs; the column's name the 导读 prints before
    a title (一线故事：…) alone over that title is the column; 安全知识 after a piece's end heads a
    box with its own title under it, its ①②③ items each on its line; a poem's title keeps its
    author under it (萧, a common surname), no title of two lines."""
    root = _doc(TOWN_PAPER)
    assert xpath(root, "string(//tei:titlePage/tei:fw[@subtype='pageLabel'])").startswith("第1版")
    assert xpath(root, "string(//tei:titlePage//tei:titlePart[@type='main'])") == "芷垸报"
    assert _heads(root) == ["全镇早稻收购工作圆满结束", "巡堤人的二十年", "七律·秋分登芷山"]
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["柳湾村", "石矶村"]
    assert "一线故事" in _texts(root, "//tei:div[@type='section']/tei:head")
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["安全知识", "秋季用电安全“四不要”"]
    assert [p[:1] for p in _texts(root, "//tei:div[@type='box']/tei:p")] == ["①", "②", "③", "④"]
    # the same paper wrapped narrow with no blank lines: the ① items still one to a line
    wrapped = "\n".join(line for line in TOWN_PAPER.splitlines() if line.strip()) + "\n"
    assert [p[:1] for p in _texts(_doc(wrapped), "//tei:div[@type='box']/tei:p")] == ["①", "②", "③", "④"]


def test_a_running_head_a_wrap_cut_in_two_and_a_fourth_title_line_stay_furniture_and_valid():
    """The series' title and issue number a hard wrap cut in two (``妇联工作简报　…　2025`` /
    ``年第3期``) are still a running head, the two lines furniture, no second document; a ——subtitle
    under a head of three lines already (a 引题 the wrap cut read as two) goes on with the last head
    (a story's head has three lines at most and one 副题: bulletin.rng), the document valid."""
    cut = WOMEN_BRIEFING.replace("妇联工作简报　　　　　　　　　　　　　　2025年第3期",
                                 "妇联工作简报　　　　　　　　　　　　　　2025\n年第3期")
    docs = read_issues(cut, "t.txt", warnings=[])
    assert len(docs) == 1
    assert _texts(docs[0].root, "//tei:fw[@type='header']") == ["妇联工作简报2025年第3期"]
    paper = """苎川电力

2025年8月15日　星期五

第15期（总第386期）

迎峰度夏保供电
守护万家清凉
全县电网最高负荷连续三次刷新纪录
——主网设备零跳闸　居民用电零拉闸

本报讯（通讯员 钱书苑）8月以来，受持续高温天气影响，我县用电负荷快速攀升，电网运行总体平稳有序。

全县供电所开展夏季安全检查

本报讯（通讯员 邵一鸣）8月上旬，公司组织各供电所对辖区配电设备开展夏季安全检查，消除缺陷23处。
"""
    root = _doc(paper)
    heads = xpath(root, "//tei:body/tei:div[1]/tei:head")
    assert len(heads) <= 3 and len(xpath(root, "//tei:body/tei:div[1]/tei:head[@type='sub']")) <= 1


MEDICARE_BRIEFING = """内部资料\t注意保存

医保工作简报

2025年第5期（总第47期）

蓟洲县医疗保障局编\t\t\t\t2025年5月16日

本期要目

\t城乡居民医保2025年度待遇调整政策问答

\t一季度全县医保基金监管工作情况

\t县医保局召开一季度医保基金运行分析会

【政策解读】

城乡居民医保2025年度待遇调整政策问答

\t我县自2025年1月1日起对城乡居民医保部分待遇政策进行了调整，现将群众关心的问题解答如下。

\t1.今年城乡居民医保个人缴费标准是多少？
\t答：2025年度个人缴费标准为每人每年400元，财政补助标准为每人每年不低于700元。

\t2.在乡镇卫生院住院，报销比例有没有变化？
\t答：有变化。参保居民在乡镇卫生院住院，政策范围内报销比例提高到90%。

【基金监管】

蓟洲县2025年一季度医保基金监管工作情况报告

\t一季度，县医保局对全县46家定点医药机构开展全覆盖检查，追回违规使用的医保基金38.6万元。

【工作动态】

县医保局召开一季度医保基金运行分析会

\t4月18日，县医保局召开一季度医保基金运行分析会，通报一季度全县医保基金收支情况。

●桐溪镇\t在全镇19个行政村卫生室开展医保政策宣传，发放明白纸2000余份。

●县人民医院\t在门诊大厅设立医保服务窗口，为参保群众提供异地就医备案等服务。

报：市医保局，县委、县政府主要领导同志。
送：县委办、县人大办、县政府办、县政协办。
发：各乡镇（街道），县直有关单位。
"""


def test_a_briefing_with_a_pageless_contents_list_numbered_questions_and_tabbed_items():
    """A 要目 without pages whose second entry the text prints longer (一季度全县…情况 for
    蓟洲县2025年一季度…情况报告), between entries it names plainly, is one list of three; numbered
    questions ending ？ with 答： right under them (no blank line between) are the 问答's
    sub-headings; ● items whose unit name a tab ends are brief items headed by the unit."""
    root = _doc(MEDICARE_BRIEFING)
    assert len(xpath(root, "//tei:front/tei:div[@type='contents']//tei:item")) == 3
    assert _heads(root)[:3] == ["城乡居民医保2025年度待遇调整政策问答", "蓟洲县2025年一季度医保基金监管工作情况报告",
                                "县医保局召开一季度医保基金运行分析会"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "1.今年城乡居民医保个人缴费标准是多少？", "2.在乡镇卫生院住院，报销比例有没有变化？"]
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["●桐溪镇", "●县人民医院"]
    assert _texts(root, "//tei:div[@type='brief']/tei:head/tei:label") == ["●", "●"]


PARTY_HISTORY = """党　史　通　讯
2025年第3期（总第86期）
中共蓟岭县委党史研究室编　　　　　　2025年9月
目　　录
【工作动态】
县委党史研究室启动红色地名普查工作……………………………………1
【红色地名】
红沙峪：伏击战打响的地方…………………………………石　岚　1
【工作动态】
县委党史研究室启动红色地名普查工作
　　7月8日，县委党史研究室召开全县红色地名普查工作部署会，对普查的范围、方法、步骤和时间安
排作出部署，各乡镇分管负责同志和普查联络员共40余人参加会议。
（县委党史研究室　贺晓东）
1
党史通讯
【红色地名】
红沙峪：伏击战打响的地方
文／石　岚
　　红沙峪位于蓟岭县马坊乡东北约六公里处，是一条长约两公里的山谷，两侧山崖陡峭，谷底有一条季
节性小河从中穿过。
地名由来
　　关于红沙峪名称的来历，当地有两种说法。一种说法认为峪中岩层多为红色砂岩，风化后谷底积满红
色细沙，因而得名；另一种说法认为明代有洪姓人家在此屯田，后来讹为今名。
2
红色地名
一场伏击战
　　1939年9月，蓟岭抗日游击大队得到情报，日军一支运输队将经红沙峪向据点运送给养。游击大队事先
在峪中最窄处的两侧山坡上埋伏，以土造地雷和步枪同时开火，战斗持续约一个小时。
红沙峪的今天
　　1985年，马坊乡在峪口修建了红沙峪战斗纪念碑，2019年又对纪念碑进行了修缮，新建了一条通往烈
士墓的石阶步道。如今，这里已成为全县党员干部和青少年接受革命传统教育的常去之处。
3
党史通讯
"""


def test_a_journal_without_blank_lines_its_folios_over_alternating_heads_and_flush_sub_heads():
    """A journal hard-wrapped without blank lines: a bare page number over the journal's name on
    one page and the column's name (printed in 【】 in the text) on the next is the pages' folio and
    running head, alternating (journal practice), no text; in a signed story whose paragraphs open
    indented, a short flush line after a sentence's end over an indented paragraph is its
    unnumbered sub-heading, which the contents list does not name."""
    root = _doc(PARTY_HISTORY)
    assert _texts(root, "//tei:fw[@type='header']") == ["党史通讯", "红色地名", "党史通讯"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == ["地名由来", "一场伏击战", "红沙峪的今天"]


WATER_PAPER = """第一版　要闻

蓟溪水务

蓟溪县水务集团有限公司主办　　蓟溪县水务集团党群工作部编印

2025年11月7日　星期五　农历乙巳年九月十八　今日立冬

第21期（总第356期）　　本期4版

城乡供水一体化二期工程主管网全线贯通

本报讯（通讯员 邹启航）11月3日上午，随着最后一段管道焊接完成，城乡供水一体化二期工程主管网全线贯通。

11月3日，施工人员在焊接最后一段管道。　　通讯员　邹启航　摄

节水小贴士

1.洗菜水可以用来浇花、冲厕所。
2.发现公共供水设施漏水，请拨打24小时服务热线。

读者来信

雨夜抢修暖人心

《蓟溪水务》编辑部：

10月18日晚上九点多，我们小区门口的供水管突然爆裂，抢修队员冒雨连夜抢修，第二天一早就恢复了供水。

锦绣花园小区居民　周明

本版责编：邹启航　　校对：田甜
"""


def test_a_company_paper_with_a_solar_term_in_its_masthead_a_tips_box_and_a_readers_letter():
    """The solar term beside the date (今日立冬, 二十四节气) is part of the masthead's date line, so
    the masthead is read whole (date and issue in the header, no article of it); 节水小贴士 after
    a story's photo is a box; a letter's title over its salutation to the paper (《蓟溪水务》编辑部：) is the
    letter's title, the salutation its text."""
    root = _doc(WATER_PAPER)
    assert _heads(root) == ["城乡供水一体化二期工程主管网全线贯通", "雨夜抢修暖人心"]
    assert "第21期（总第356期）" in "".join(xpath(root, "//tei:titlePage//text()"))
    assert xpath(root, "string(//tei:titlePage//tei:docDate/@when)") == "2025-11-07"
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["节水小贴士"]
    assert "《蓟溪水务》编辑部：" in _texts(root, "//tei:body//tei:p")


def test_a_layout_copy_with_a_left_margin_reads_first_line_indents_after_it():
    """A pdftotext -layout copy sets every line of prose 6 spaces in and a paragraph's first line 4
    more, no blank line between paragraphs: the indent is read after the margin, so an entry
    opening indented under a sentence ending in a colon opens its own paragraph, while the wrapped
    lines at the margin go on with theirs."""
    body = "\n".join([
        "                           安 全 生 产 通 报",
        "                        2025年第4期（总第30期）",
        "      蓟浦县交通运输局                                    2025年8月20日",
        "",
        "                      关于汛期道路运输安全检查情况的通报",
        "",
        "          8月上旬，局安全监督股对全县12家道路运输企业开展了汛期安全检查，共发现",
        "      隐患27处，已督促企业整改22处，其余5处正在整改之中。检查采取查阅台账、",
        "      现场查看、随机抽查车辆等方式进行，重点检查企业安全生产责任制落实、车辆",
        "      动态监控、驾驶员管理和应急预案演练等情况，检查结果已书面反馈各企业。",
        "          从检查情况看，多数企业能够落实汛期安全防范措施，出车前安全检查、驾驶",
        "      员安全教育等制度执行较好。以下2家企业问题较为突出，予以通报批评：",
        "          蓟浦县通达客运有限公司（桐溪镇）：动态监控平台7月份有9天未安排专人值",
        "      守，应急演练记录与实际开展情况不符。",
        "          蓟浦县鑫程物流有限公司（新渡镇）：抽查的12辆货车中有3辆未按期进行二",
        "      级维护，部分车辆卫星定位装置长期不在线。",
        "          各企业要在8月底前完成全部隐患整改，逾期未完成的依法依规处理。各乡镇",
        "      交通管理站要加强日常巡查，督促企业落实安全生产主体责任，确保汛期道路运",
        "      输安全形势平稳。",
        "          下一步，局安全监督股将对整改情况开展“回头看”，对整改不到位的企业约谈",
        "      其主要负责人，并在全县范围内通报，推动企业把安全措施落到实处。",
        "          同时，各企业要严格执行恶劣天气停运制度，遇暴雨、大雾等天气及时调整班",
        "      次，确保不发生因天气原因导致的道路运输安全事故，保障群众出行安全。",
        "          局安全监督股将定期汇总各企业整改台账，每月通报一次整改进展情况，对",
        "      整改进度滞后的企业实行挂牌督办，直至隐患全部整改到位为止。对屡查屡犯、",
        "      拒不整改的企业，将依法依规从严处罚，并纳入道路运输企业信用评价，在评优",
        "      评先、运力投放等方面予以限制，形成有力震慑。",
        "          各乡镇交通管理站要结合本次检查，建立辖区道路运输企业隐患清单，明确",
        "      整改责任人和整改时限，做到隐患不消除不销号，整改不到位不放过。",
        "          局办公室要及时收集汇总各单位贯彻落实情况，重要情况随时报告，确保各",
        "      项安全措施落到实处，全力保障全县汛期道路运输安全稳定。",
    ]) + "\n"
    paras = _texts(_doc(body), "//tei:body//tei:p")
    assert any(p.endswith("予以通报批评：") for p in paras)
    assert any(p.startswith("蓟浦县通达客运有限公司（桐溪镇）：") and p.endswith("实际开展情况不符。") for p in paras)


def test_a_box_title_after_a_page_break_keeps_the_document_valid():
    """heldout-ag's power paper with a page's furniture inserted between its 安全知识 box's name and
    the box's title (furniture-ff, seed 0): the title is then a line of the box's text, never a
    second head after the page break (furniture between heads is not valid against bulletin.rng,
    which convert refuses to write)."""
    import random
    from pathlib import Path

    from degrade import DEGRADATIONS

    path = Path(__file__).resolve().parent.parent / "bench/heldout/ag/dianli-zhuxi-2025-08-15.txt"
    text, _ = DEGRADATIONS["furniture-ff"](path.read_text(encoding="utf-8"),
                                           random.Random(f"0:furniture-ff:{path.name}"))
    root = _doc(text, path.name)
    assert _texts(root, "//tei:div[@type='box']/tei:head[not(@type)]") == ["安全知识"]


def test_an_issue_number_running_head_a_wrap_cut_opens_no_second_issue():
    """heldout-ah's library 馆讯 in scan (seed 0): the odd pages' running head 2025年第4期 cut by the
    wrap into 20 / 25年第4期, with an extraction's furniture above it, repeats the open issue's own
    number: no masthead of a second issue, one document."""
    import random
    from pathlib import Path

    from degrade import DEGRADATIONS

    path = Path(__file__).resolve().parent.parent / "bench/heldout/ah/tushuguan-yanshan-2025-no4.txt"
    text, _ = DEGRADATIONS["scan"](path.read_text(encoding="utf-8"), random.Random(f"0:scan:{path.name}"))
    docs = read_issues(text, path.name, warnings=[])
    assert len(docs) == 1
    assert_round_trips(docs, text)
