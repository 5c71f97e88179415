"""Round 36 of the reader on series it has never seen (issue 21, on heldout-ak's remaining cells,
measured once after round 35): each test names the class of text it reads and failed before the
change that made it pass."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

LISTS = """护林防火工作通报

第4期

菰川县林业局编　　　　　　　　　　2025年4月20日

关于春季森林防火暗访情况的通报

　　一、总体情况

　　4月上旬，县林业局组织3个暗访组，对全县9个乡镇的森林防火
工作进行了暗访，发现部分乡镇巡查不到位、火源管控不严等问题，现
将有关情况通报如下，请各乡镇认真对照检查，抓好整改落实。

　　二、通报表扬和批评

　　（一）通报表扬

东岭镇：火源收缴措施有力，巡查记录完整
芦湾乡：包山到户，值守人员全部在岗
石门镇：检查站管理规范，登记台账齐全

　　（二）通报批评

北坡乡：劝导点提前撤离，巡查缺位
柳塘乡：检查站整改走过场，无台账
西山乡：上期通报问题整改不到位

　　各乡镇要严格落实野外用火审批制度，受到通报批评的乡镇要于
4月30日前将整改情况书面报县林业局，县林业局将适时组织复查。
"""


def test_a_list_of_bodies_one_to_a_line_keeps_its_lines():
    """A 通报's 表扬 and 批评 lists print each body's name, a colon and what is said of it on a line
    of its own, no stop at its end (东岭镇：…巡查记录完整), in a text hard-wrapped at about the items'
    width: each entry its own paragraph, never run together, nor run into the text after the list."""
    root = _doc(LISTS)
    ps = _texts(root, "//tei:body//tei:div[tei:head='（二）通报批评']/tei:p")
    assert ps[:3] == ["北坡乡：劝导点提前撤离，巡查缺位", "柳塘乡：检查站整改走过场，无台账", "西山乡：上期通报问题整改不到位"]
    assert ps[3].startswith("各乡镇要严格落实") and len(ps) == 4
    assert _texts(root, "//tei:body//tei:div[tei:head='（一）通报表扬']/tei:p") == [
        "东岭镇：火源收缴措施有力，巡查记录完整", "芦湾乡：包山到户，值守人员全部在岗", "石门镇：检查站管理规范，登记台账齐全"]


SPEECHES = """政法工作简报
2025年第7期
菰川县委政法委员会编　　　　2025年7月10日
全县上半年平安建设推进会召开
7月8日，县委政法委召开上半年平安建设推进会，各成员单位负责同志参加会议并作交流发言。发言摘要如下：
1.县公安局：上半年全县公安机关持续推进反诈工作，累计劝阻潜在受害群众860人次，紧急止付涉案资金210万元。
2.县人民法院：县法院在6个乡镇设立“共享法庭”，诉前调解成功412件，诉讼收案数同比下降5.2%。
会议要求，各成员单位要对照全年目标任务，查漏补缺，确保平安建设各项工作落到实处。
"""


def test_a_lead_ending_in_a_colon_over_a_numbered_item_one_paragraph_to_a_line():
    """A text of one paragraph to a line and no blank lines (nothing wrapped): a lead ending in a
    colon (发言摘要如下：) over items 1. 2. each whole on its line is the list's lead; its first item
    opens a paragraph of its own, as the second does."""
    root = _doc(SPEECHES)
    ps = _texts(root, "//tei:body//tei:p")
    assert ps[0].endswith("发言摘要如下：")
    assert ps[1].startswith("1.县公安局：") and ps[2].startswith("2.县人民法院：")
    assert len(ps) == 4


BRIEFS = """卫生健康简报

2025年第6期

菰川县卫生健康局编　　　　2025年6月30日

【工作动态】

　　■县卫生健康局部署汛期医疗保障工作　
6月18日，县卫生健康局召开汛期医疗卫生保障工作调度会，要求各地
组建医疗救治、卫生防疫和心理援助应急队伍。（应急办）
　　■县人民医院胸痛中心通过认证　近日，县人民医院胸痛中心通过
国家标准版认证，成为全县第一家通过国家认证的胸痛中心。（医政科）
　　■第二批健康村名单公布　7月1日，县爱卫办公布第二批健康村名单，
共有11个村入选。
（县爱卫办 谭明）
　　■县疾控中心开展夏季食品安全宣传　6月下旬，县疾控中心在城区
5个社区开展夏季食品安全宣传，发放资料1200余份。（疾控中心）
"""


def test_a_bulleted_items_head_alone_on_its_line_in_a_column_of_gap_headed_items():
    """In a 【工作动态】 column whose items print a bullet, a title and a gap before their text, the
    first item's title left alone on its line by the wrap (its gap at the line's end, ``■…工作　`` /
    ``6月18日，…``) heads a brief item as its siblings' titles do; a credit in brackets alone on the
    line under an item's last sentence (``（县爱卫办 谭明）``) closes that item, no item of its own."""
    root = _doc(BRIEFS)
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == [
        "■县卫生健康局部署汛期医疗保障工作", "■县人民医院胸痛中心通过认证", "■第二批健康村名单公布", "■县疾控中心开展夏季食品安全宣传"]
    assert _texts(root, "//tei:div[@type='brief'][3]/tei:byline") == ["（县爱卫办谭明）"]


PAPER = """菰川职院报

第10期（总第160期）

菰川职业技术学院党委宣传部主办　　　　2025年11月28日

第1版　要闻

学院与五家企业共建产业学院

　　本报讯（通讯员 何晴）11月20日，学院与五家企业签订共建产业学院协议，
双方将在专业共建、师资互聘、实习就业等方面深度合作，首批开设两个订单
班，招收学生120名。

    11月20日，学院领导与企业代表共同为产业学院揭牌。　　宣传部　
周　航　摄

学院召开期中教学工作推进会

　　本报讯（通讯员 宁嘉禾）11月24日下午，学院召开期中教学工作推进会，
分析前半学期教学运行情况，部署后半学期重点工作。

责任
编辑：邝晓岚　　校对：易　彤
"""


def test_a_captions_credit_cut_at_its_gap_and_a_page_credit_cut_inside_its_role():
    """A college paper: a photo caption whose credit the wrap cut right after the unit's gap
    (``…揭牌。　　宣传部　`` / ``周　航　摄``) is the photo's caption with its credit, and the title
    after it opens the next article; the page credit cut inside its first role (``责任`` /
    ``编辑：…　　校对：…``) is one credit line (fw), no paragraph ``责任``."""
    root = _doc(PAPER)
    assert _heads(root) == ["学院与五家企业共建产业学院", "学院召开期中教学工作推进会"]
    assert _texts(root, "//tei:figure/tei:head") == ["11月20日，学院领导与企业代表共同为产业学院揭牌。"]
    assert _texts(root, "//tei:figure/tei:byline") == ["宣传部周航摄"]
    assert _texts(root, "//tei:figure/tei:byline/tei:persName") == ["周航"]
    assert _texts(root, "//tei:fw[@subtype='pageCredit']") == ["责任编辑：邝晓岚校对：易彤"]
    assert "责任" not in _texts(root, "//tei:body//tei:p")


TAIL = """护林防火工作通报

第5期

菰川县林业局编　　　　　　　　　　2025年5月20日

关于森林防火宣传教育情况的通报

　　一、总体情况

　　4月上旬，县林业局组织3个暗访组，采取不发通知、
不打招呼、直奔现场的方式，对全县9个乡镇和2个国有林
场的森林防火宣传教育工作进行了暗访，共走访村组36个
、农户210户，查看宣传栏、标语和广播设施58处，随
机询问群众150余人。从暗访情况看，各乡镇普遍重视森
林防火宣传，通过村村响广播、宣传车巡回播放、发放明白
纸等方式，营造了浓厚的防火氛围，群众的防火意识明显增
强，但也存在一些不容忽视的问题，需要在下一阶段认真加
以解决，现将有关情况通报如下，请各乡镇和有关单位认真
对照检查，举一反三，切实抓好整改落实，确保不发生森林
火灾。

　　二、存在的问题

　　（一）宣传教育还有薄弱环节

　　部分偏远村组仍以张贴标语为主，留守老人对野外用火
禁令知晓
率不高。暗访组随机询问的11名老人中，有7人不清楚禁止燃放鞭炮的
规定。

巡查记录不够规范，轨迹记录不符

　　部分护林员巡查记录填写随意，个别村存在补记、代记的情况，巡
查轨迹与记录不一致。

　　三、通报表扬

东岭镇：火源收缴措施有力，巡查记录完整
芦湾乡：包山到户，值守人员全部在岗
石门镇：检查站管理规范，登记台账齐全
"""


def test_a_line_whose_sentence_ends_a_few_words_into_the_next_is_no_title():
    """A paragraph's first line of two balanced clauses (a bare sub-heading's shape, a sibling of
    that shape below: 巡查记录不够规范，轨迹记录不符) whose next line, after a short one, opens with the sentence's
    last words and a stop (``禁令知晓`` / ``率不高。暗访组…``): the paragraph's text, no sub-heading."""
    root = _doc(TAIL)
    assert _texts(root, "//tei:body//tei:div[@type='subsection']/tei:head") == [
        "一、总体情况", "二、存在的问题", "（一）宣传教育还有薄弱环节", "巡查记录不够规范，轨迹记录不符", "三、通报表扬"]
    assert any(p.startswith("部分偏远村组仍以张贴标语为主，留守老人对野外用火禁令知晓率不高。") for p in _texts(root, "//tei:body//tei:p"))
