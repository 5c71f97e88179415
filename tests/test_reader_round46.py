"""Round 46 of the reader on series it has never seen (issue 21, on heldout-as's remaining cells):
each test names the class of text it reads and failed before the change that made it pass. The
texts are written for the tests (invented places 菖江, 菖州 and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts


def _wrapped(text: str, width: int) -> str:
    """*text*'s paragraphs (one to a line) hard-wrapped at *width* characters, other lines kept."""
    out = []
    for line in text.split("\n"):
        if len(line) > width and line.endswith("。"):
            out += [line[i:i + width] for i in range(0, len(line), width)]
        else:
            out.append(line)
    return "\n".join(out)


def test_a_lead_formula_cut_at_a_page_break_is_no_salutation():
    """``现将主要问题交`` / folio / ``办如下：``: a lead's formula (…如下：, GB/T 9704 practice) that
    a page break cut is one sentence across the break; its second half is no letter's salutation,
    so the first half is no letter's title."""
    text = """菖江县林长制工作简报

第6期（总第58期）

菖江县林长制办公室　　　　　　　　2025年6月6日

县林长办交办5月份林长制督查发现问题

5月19日至23日，县林长办会同县林业局组成2个督
查组，对9个乡镇林长制工作落实情况进行了督查。
现将主要问题交

— 5 —

办如下：

1.茳口镇部分林长公示牌上的联系电话未及时更新。

2.大坪乡有2处林地内新建简易养殖棚舍，未及时报告。

各乡镇要在6月底前完成整改，整改情况报县林长办。
"""
    root = _doc(text)
    assert _heads(root) == ["县林长办交办5月份林长制督查发现问题"]
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("现将主要问题交") and p.endswith("办如下：") for p in paras)


BOX = """菖阳水务

2025年11月28日

冬季用水温馨提示发布

本报讯　近日，集团供水服务中心发布冬季用水提示，提醒用户提前做好水表和室外管道的防冻措施，发现问题及时报修。

温馨提示
集团24小时供水服务热线：96616
城东营业所：金桥路56号　　城西营业所：西山路27号
营业厅办理时间：周一至周五　8:30—17:00（法定节假日除外）
城西营业厅推出“午间不打烊”服务
本报讯　为方便上班族办理业务，从11月17日起，供水服务中心城西营业厅推出“午间不打烊”服务，工作日中午安排专人轮岗值守，群众可以利用午休时间办理业务。
"""


def test_a_box_of_field_rows_keeps_its_rows():
    """A box's rows of label：value fields (城东营业所：…　　城西营业所：…, a label of seven
    characters, a value closed by a note in brackets) are lines of their own: the title under the
    box is no part of its last row (GB/T 9704-2012 7.4 lay-out of label：value lines)."""
    root = _doc(_wrapped(BOX, 24))
    assert _heads(root) == ["冬季用水温馨提示发布", "城西营业厅推出“午间不打烊”服务"]
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("营业厅办理时间") and p.endswith("（法定节假日除外）") for p in paras)
    assert any(p.startswith("城东营业所") and p.endswith("西山路27号") for p in paras)


def test_the_first_name_of_an_award_list_under_the_leads_colon():
    """A lead ending in a colon (…一等奖获得者是：) over a list of names one to a line (净水工　X
    （unit）): the list's first entry opens its own line, so the second is no title."""
    text = """菖阳水务

2025年11月28日

集团第五届职工职业技能竞赛落幕

本报讯　11月6日至7日，集团第五届职工职业技能竞赛在城北水厂举行。来自各所属单位的86名职工参加了净水工、管道工等4个工种的比赛。

经过两天的角逐，共决出各工种一等奖4名、二等奖8名、三等奖12名。各工种一等奖获得者是：
净水工　吕晓燕（城北水厂）
管道工　邵国栋（管网管理所）
水质检验员　曹雨萌（水质检测中心）
各工种第一名将按有关规定申报“菖阳县技术能手”。
"""
    root = _doc(_wrapped(text, 37).replace("\n\n", "\n").replace("2025年11月28日\n", "2025年11月28日\n\n"))
    assert _heads(root) == ["集团第五届职工职业技能竞赛落幕"]
    paras = [p.replace("\u3000", "") for p in _texts(root, "//tei:body//tei:p")]
    assert paras[-4:] == ["净水工吕晓燕（城北水厂）", "管道工邵国栋（管网管理所）", "水质检验员曹雨萌（水质检测中心）",
                          "各工种第一名将按有关规定申报“菖阳县技术能手”。"]
    assert paras[-5].endswith("一等奖获得者是：")


CAPTION = """菖阳水务

2025年11月28日

抄表路上的“活地图”

本报讯　徐桂芬是集团供水服务中心城东营业所抄表班班长，
二十多年来走遍了辖区的每一个小区，哪个小区的表井盖容易
被车压坏，哪栋楼的水表被杂物堵着，她心里都有一本账。今
年，徐桂芬被评为集团“服务之星”。说起获奖，她有些不好
意思：“我就是把该做的事做好了。”说完，她又骑上电动车
，往下一个小区去了。
徐桂芬（右）在金桥新村核对远传水表读数。　　通讯员 胡一丹 摄
寒潮来临前，给水表穿好“棉衣”
随着气温逐渐下降，水表和室外管道冻裂的情况进入多发期。
去年冬天寒潮期间，集团供水服务热线两天内接到水表冻裂报
修电话400余个，抢修人员连续几天加班加点，才把报修的
水表全部修好。为此，供水服务中心提醒广大用户，提前检查
表箱和表井，用棉絮、旧衣物或者专用保温材料把水表和裸露
的水管包裹严实，做好防冻措施。
"""


def test_a_comma_title_after_a_caption_over_one_wrapped_line():
    """A short title with one comma, right after a photo's caption, over a paragraph whose line
    reaches the wrap's width (no blank lines, no indents): a title, though the paragraph under it
    is one sentence long."""
    root = _doc(CAPTION)
    assert _heads(root) == ["抄表路上的“活地图”", "寒潮来临前，给水表穿好“棉衣”"]


def test_a_centred_comma_title_in_a_pdftotext_copy():
    """The same title centred in a copy set with first-line indents (pdftotext -layout): a title."""
    text = """                              菖阳水务

2025年11月28日

                        抄表路上的“活地图”
    本报讯　徐桂芬是集团供水服务中心城东营业所抄表班班长，二十多年来走遍
了辖区的每一个小区。说起获奖，她有些不好意思：“我就是把该做的事做好了。
”说完，她又骑上电动车，往下一个小区去了。
徐桂芬（右）在金桥新村核对远传水表读数。    通讯员 胡一丹 摄
                        寒潮来临前，给水表穿好“棉衣”
    随着气温逐渐下降，水表和室外管道冻裂的情况进入多发期。去年冬天寒潮期间，
集团供水服务热线两天内接到水表冻裂报修电话400余个。为此，供水服务中心提醒广
大用户，提前做好防冻措施。
"""
    root = _doc(text)
    assert _heads(root) == ["抄表路上的“活地图”", "寒潮来临前，给水表穿好“棉衣”"]


def test_a_speakers_line_with_a_letter_spaced_name_in_a_pdftotext_copy():
    """A speech's speaker line under its ——subtitle, the name letter-spaced with two spaces as
    pdftotext sets an ideographic space (集团党委书记、董事长  陆  衡): a byline, no table row and
    no part of the title."""
    text = """                              菖阳水务

2025年11月28日

                以“时时放心不下”的责任感打好冬季保供水攻坚战
          ——在集团冬季供水保障工作动员会上的讲话（摘要）
                        集团党委书记、董事长  陆  衡
    同志们：今天召开动员会，主要任务是部署今冬明春供水保障和安全生产工作。
    冬季保供水，关键在于把工作做在前面，各单位要抓好水源保障和管网防冻。
"""
    root = _doc(text)
    heads = _texts(root, "//tei:body//tei:div[@type='article']/tei:head")
    assert heads[0] == "以“时时放心不下”的责任感打好冬季保供水攻坚战"
    assert not any("陆" in h for h in heads)
    assert [b.replace(" ", "") for b in _texts(root, "//tei:body//tei:byline")] == ["集团党委书记、董事长陆衡"]
    assert not root.xpath("//tei:body//tei:table", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})


def test_a_lead_over_its_first_item_in_text_of_one_paragraph_a_line():
    """A text that sets each paragraph on one line (no hard wrap: lines far wider than any printed
    column, GB/T 9704-2012 5.2.2's 28 a line): a lead ending in a colon is its own paragraph, its
    first numbered item another, though the lead's line is longer than the item's."""
    text = """菖阳水务
2025年11月28日
寒潮来临前，给水表穿好“棉衣”
随着气温逐渐下降，水表和室外管道冻裂的情况进入多发期。去年冬天寒潮期间，集团供水服务热线两天内接到水表冻裂报修电话400余个。为此，供水服务中心提醒广大用户，提前做好以下防冻措施：
1.检查表箱和表井。安装在室外的水表，请检查表箱、表井盖是否完好，发现破损的可拨打服务热线报修。
2.做好保温包扎。可用棉絮、旧衣物或者专用保温材料把水表和裸露的水管包裹严实，外面再套一层塑料布防潮。
3.发生冻裂及时报修。水表冻裂后，请先关闭表前阀门，再拨打服务热线，不要自行拆卸。
"""
    paras = _texts(_doc(text), "//tei:body//tei:p")
    assert any(p.endswith("提前做好以下防冻措施：") for p in paras)
    assert any(p.startswith("1.检查表箱和表井。") for p in paras)


def test_a_columns_name_as_running_head_under_the_pages_other_head():
    """A journal's running head naming the column (调研报告, the column 【调研报告】 printed in
    the contents and over the piece) under the page's other head after a folio: furniture, and
    the paragraph the page break cut goes on across it."""
    text = """菖江乡村振兴

2025年第4期

【调研报告】

关于全县村级集体经济发展情况的调研报告

今年上半年，县委农办组织调研组深入全县13个乡镇，对村级集体经济发展情况进行了专题调研。

从区域看，县城周边村区位优势明显，物业经营收入稳定，而西部山区村交通不便，收入最高的村达到386万元，

· 6 ·

- 7 -
乡村振兴  2025年第4期
调研报告

最低的村仅11.2万元，相差30多倍。

【乡镇传真】

白沙镇开展人居环境整治

近日，白沙镇组织开展人居环境整治行动，清理垃圾120吨。
"""
    root = _doc(text)
    assert "调研报告" in _texts(root, "//tei:body//tei:fw")
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("从区域看") and p.endswith("相差30多倍。") for p in paras)
