"""Round 45 of the reader on series it has never seen (issue 21, on heldout-as, measured once after
round 44): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented places 菖江, 菖州 and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

FOREST = """内部资料　注意保存

林 长 制 工 作 简 报

第10期（总第57期）

菖江县林长制办公室　　　　　　　　2025年5月16日

本期要目

樟溪镇“三员联动”织密森林资源保护网

县林长办通报4月份各级林长巡林履职情况

樟溪镇“三员联动”织密森林资源保护网

樟溪镇地处菖江县西南部，全镇林地面积18.6万亩，森林覆盖率76.3%。去年以来，镇里推行林长、护林员、网格员“三员联动”巡护机制，推动林长制从“挂牌子”向“管山头”转变。

（樟溪镇林长办供稿）

县林长办通报4月份各级林长巡林履职情况

4月份，全县各级林长共巡林1260人次，发现并处置问题87个。各乡镇要对照通报问题，督促相关林长于5月底前完成整改。

基层动态

白沙镇把林长制宣传送到农家院坝

近日，白沙镇组织镇村林长、护林员和志愿者，利用赶集日和村民小组会，开展林长制进村入户宣传活动，发放明白纸3000余份。

（白沙镇林长办供稿）

枫坪镇开展古树名木保护“回头看”

近日，枫坪镇对辖区内32株古树名木逐株开展“回头看”，更新了保护牌和档案信息。

（枫坪镇林长办供稿）

报：县总林长、副总林长

送：县林长制成员单位

发：各乡镇人民政府

茳川县林长制办公室　　　　　　　　2025年5月16日印发
"""


def test_a_column_the_selected_contents_leave_out():
    """A 本期要目 names the issue's main pieces only: after every piece it names is found, a
    short name after a piece's end over a title and running text (基层动态) is a column the list
    leaves out, and its items are pieces with their titles."""
    root = _doc(FOREST)
    assert _heads(root) == ["樟溪镇“三员联动”织密森林资源保护网", "县林长办通报4月份各级林长巡林履职情况",
                            "白沙镇把林长制宣传送到农家院坝", "枫坪镇开展古树名木保护“回头看”"]
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["基层动态"]


JUSTICE = """司法行政工作简报

第5期（总第147期）

菖州市司法局编　　　　　　　　　　2025年5月26日

本期要目

全市“八五”普法中期评估推进会召开

市法律援助中心为14名农民工讨回欠薪

全市“八五”普法中期评估推进会召开

5月20日，全市“八五”普法中期评估推进会召开，会议通报了中期评估的有关情况。

（普法与依法治理科供稿）

我市开展矛盾纠纷排查化解专项行动

为做好“五一”假期和夏季农忙期间的社会稳定工作，4月下旬起，市司法局在全市部署开展为期3个月的矛盾纠纷排查化解专项行动。

（人民参与和促进法治科供稿）

市法律援助中心为14名农民工讨回欠薪

菖州市法律援助中心：

我们是龙湾镇河湾村等地的14名农民工。今年2月，我们拨打了12348公共法律服务热线，法律援助中心免费为我们办理了法律援助，帮我们讨回了工资。

此致

敬礼！

龙湾镇河湾村　沈德旺等14名农民工

2025年4月30日
"""


def test_an_unlisted_piece_after_a_credit_and_a_joint_letters_signature():
    """A piece the 要目 does not name, between two it names, set apart by blank lines after the
    piece above closed with its credit: a piece with its title; a letter signed by its first
    writer and how many sign with them (…　X等14名农民工) over its date: the signature, no text."""
    root = _doc(JUSTICE)
    assert _heads(root) == ["全市“八五”普法中期评估推进会召开", "我市开展矛盾纠纷排查化解专项行动",
                            "市法律援助中心为14名农民工讨回欠薪"]
    assert not any("农民工2025年" in p for p in _texts(root, "//tei:body//tei:p"))


WATER = """菖阳水务

菖阳县水务集团有限公司主办

2025年11月28日　星期五　第22期（总第296期）

第2版　综合

集团第五届职工职业技能竞赛落幕

本报讯（通讯员 姚佳琪）11月6日至7日，集团第五届职工职业技能竞赛举行，来自各所属单位的86名职工参加了4个工种的比赛。经过两天的角逐，各工种一等奖获得者是：

净水工　吕晓燕（城北水厂）

管道工　邵国栋（管网管理所）

水质检验员　曹雨萌（水质检测中心）

各工种第一名将按有关规定申报“菖阳县技术能手”。

本版编辑：钱晓岑

第3版　服务

徐桂芬（右）在金桥新村核对远传水表读数。　　通讯员 胡一丹 摄

寒潮来临前，给水表穿好“棉衣”

随着气温逐渐下降，水表和室外管道冻裂的情况进入多发期。供水服务中心提醒广大用户，提前做好防冻措施。（供水服务中心供稿）

温馨提示

集团24小时供水服务热线：96616
微信公众号：菖阳水务
城东营业所：金桥路56号　　城西营业所：西山路27号

城西营业厅推出“午间不打烊”服务

本报讯（通讯员 胡一丹）从11月17日起，供水服务中心城西营业厅推出“午间不打烊”服务，方便上班族办理业务。

本版编辑：钱晓岑

第4版　副刊

荷花缸

沈若岚

奶奶去世好几年了，那口缸还在院子里。我拧开院子里的水龙头，给荷花缸添了半缸水。

《菖溪晨雾》　　排水公司 严嘉树 摄
"""


def test_an_enterprise_papers_award_list_contact_box_and_photo_titles():
    """A company paper: the award list under …获得者是： (a post, a name, the unit in brackets) is
    lines of the story, no titles; a comma title of 15 characters after a photo caption; a box's
    label over contact lines (温馨提示 / 热线：96616 / 微信公众号：…), its lines no titles and the
    next story's title its own; a photo's title in 《》 over its credit is a caption."""
    root = _doc(WATER)
    assert _heads(root) == ["集团第五届职工职业技能竞赛落幕", "寒潮来临前，给水表穿好“棉衣”",
                            "城西营业厅推出“午间不打烊”服务", "荷花缸"]
    assert "《菖溪晨雾》" in _texts(root, "//tei:figure/tei:head")


HERITAGE = """# 菖州文物工作通讯

2025年第2期（总第63期）

菖州市文物局编印　　　　　　2025年6月

【考古发现】

鸬鹚湾窑址第三次发掘的主要收获

菖州市文物保护中心　韦松年　叶晚晴

2024年9月至2025年1月，菖州市文物保护中心对鸬鹚湾窑址进行了第三次考古发掘，发掘面积600平方米，出土瓷器、窑具标本1.2万余件（片）。

【文物安全】

田野文物安全巡查中的几个问题

傅承泽

田野文物点多、面广、线长，大多地处偏僻，看护力量薄弱，是文物安全工作的难点。全市现有文物保护员112名，承担着全市大部分田野文物的日常巡查任务。
"""


def test_bylines_of_a_unit_and_two_names_and_of_a_surname_the_list_lacked():
    """A journal's author lines under their titles: a unit and two names, and a bare name whose
    surname (傅, one of the commonest) the reader's list of surnames lacked."""
    root = _doc(HERITAGE)
    assert _heads(root) == ["鸬鹚湾窑址第三次发掘的主要收获", "田野文物安全巡查中的几个问题"]
    assert _texts(root, "//tei:body//tei:byline") == ["菖州市文物保护中心韦松年叶晚晴", "傅承泽"]
