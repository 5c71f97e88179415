"""Round 48 of the reader on series it has never seen (issue 21, on heldout-au, measured once at
615423d before this round read it): each test names the class of text it reads and failed before
the change that made it pass. The texts are written for the tests (invented places 菖江, 菖州,
菖川 and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.reader import read_issues

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}

PAPER = """第1版：要闻
2025年10月17日　星期五　　　　第1版　要闻
菖川老年报
菖川县老龄工作委员会办公室编印
第41期（总第862期）　　本期4版
2025年10月17日　星期五　农历乙巳年八月廿六
我县2025年“敬老月”活动启动
　　本报讯（记者 钟岚）10月9日上午，我县2025年“敬老月”活动启动仪式在县老年活动中心广场举行，300余名老年人代表参加启动仪式。
10月9日，县老年大学艺术团在启动仪式上表演腰鼓。　　通讯员 覃立新 摄
本版责编：莫小棠　　校对：黄立群
第2版：综合新闻
读者来信
社区食堂办到了我们心坎上
　　编辑同志：
　　我是城关镇南街社区的一名退休教师，今年74岁。今年5月，社区办起了老年食堂，一荤两素一个汤，每顿只要8块钱。借贵报一角，向社区表示感谢。
城关镇南街社区　蒋秀英
公交站台能否添几把座椅
　　编辑同志：
　　我家住桃源镇，老伴有慢性肾病，每个月要坐公交车到县医院复查两三次。县城的公交站台大多没有座椅，希望有关部门考虑。
桃源镇　田德厚
　　县交通运输局答复：田德厚同志反映的情况属实。我局将在年底前为城区30个站台加装座椅。
本版责编：杨楚凡　　校对：黄立群
第4版：副刊
父亲的那台缝纫机
□ 邓美华
　　父亲的那台缝纫机，是他年轻时用三个月的工资买的。如今父亲不在了，缝纫机还摆在老屋的窗前。
剪纸《百寿图》　　县老年大学学员 杨秀兰 作
本版责编：陆小禾　　校对：庞慧
"""


def test_a_paper_that_opens_with_its_page_label_is_one_issue():
    """A paper whose text opens with the first 版's label and 报眉 over the masthead (第1版：要闻 /
    the date and 第1版 / title / 编印 line / issue line): one issue, the label alone on its line,
    the date and the issue number in the header."""
    docs = read_issues(PAPER, "t.txt", warnings=[])
    assert len(docs) == 1
    root = docs[0].root
    assert _heads(root)[0] == "我县2025年“敬老月”活动启动"
    assert root.xpath("string(//tei:teiHeader//tei:biblScope[@unit='issue']/@n)", namespaces=TEI) == "41"


def test_a_readers_letter_signed_with_place_and_name():
    """Letters opening with their salutation (编辑同志：) and signed at the foot with the writer's
    place and name (城关镇南街社区　X), one of them answered by the body it asked (…答复：):
    the signatures are the letters' credits, no titles."""
    root = _doc(PAPER)
    heads = _heads(root)
    assert "城关镇南街社区\u3000蒋秀英" not in heads and "桃源镇\u3000田德厚" not in heads
    assert heads[1:3] == ["社区食堂办到了我们心坎上", "公交站台能否添几把座椅"]


def test_an_artworks_caption_with_the_artists_standing():
    """An artwork's caption naming the artist's standing and what they did (剪纸《百寿图》　　县老年大学
    学员 杨秀兰 作): a figure's caption, no title."""
    root = _doc(PAPER)
    assert not any("百寿图" in h for h in _texts(root, "//tei:body//tei:head[not(ancestor::tei:figure)]"))
    assert any("百寿图" in c for c in _texts(root, "//tei:figure"))


BRIEFING = """决策参考

2025年第9期（总第213期）

中共菖州市委政策研究室编印　　　　2025年5月16日

本期要目
【调研报告】县域特色产业集群：从“有说头”到“有看头”还有多远
【他山之石】溧川市“亩均论英雄”改革倒逼资源要素高效配置
【调研报告】
县域特色产业集群：从“有说头”
到“有看头”还有多远
　　今年3月至4月，市委政策研究室会同有关部门组成联合调研组，对全市6个县域特色产业集群进行了专题调研。
（市委政策研究室经济研究科）
【他山之石】
溧川市“亩均论英雄”改革
倒逼资源要素高效配置
　　溧川市是我省中部的一个工业大市，近年来推行“亩均论英雄”改革，资源要素配置效率明显提高。
（市委政策研究室综合科）
"""


def test_a_contents_entry_after_its_columns_name_and_a_title_on_two_lines():
    """A 要目 that prints each entry after its column's name (【调研报告】县域…), the title printed
    in the body over two lines: the title is the entry's, one heading."""
    root = _doc(BRIEFING)
    assert _heads(root) == ["县域特色产业集群：从“有说头”到“有看头”还有多远",
                            "溧川市“亩均论英雄”改革倒逼资源要素高效配置"]


CONSUMER = """# 菖阳消费维权

第4期（总第58期）

目录

【典型案例】

健身会所突然闭店　会员预付费用获退还……………………………5

二手车里程表被调　经营者退车并补偿………………………………6

【消费课堂】

店堂告示不是“免责金牌”………………………………………………7

【典型案例】
健身会所突然闭店　会员预付费用获退还
【案情】2025年3月，消费者张女士在县城某健身会所办理年卡一张，支付3600元，会所于5月突然闭店。
（县消委会投诉部）
二手车里程表被调　经营者退车并补偿
【案情】3月，消费者刘先生在县城某二手车经销公司购买一辆二手轿车，后发现里程表被调。
（莘城镇消费维权服务站）
【消费课堂】
店堂告示不是“免责金牌”
**问：**商店贴出“商品售出，概不退换”的告示，消费者买到有质量问题的商品还能退换吗？
**答：**可以。经营者不得以格式条款排除或者限制消费者的权利。
**问：**饭店规定“谢绝自带酒水”，这样做合理吗？
**答：**不合理。这是排除消费者权利的格式条款。
主　　办：菖阳县消费者权益保护委员会
主　　编：章维清
电　　话：（0376）6251315
投诉热线：12315
邮　　箱：syxxwh315@163.com
印　　数：500册
"""


def test_a_title_in_two_phrases_the_contents_names_is_no_run_in_head():
    """A case's title in two phrases set apart by an ideographic space (健身会所突然闭店　会员预付
    费用获退还), printed whole in the contents, over its 【案情】: a title, no brief item's run-in
    head; the Q&A's bold 问：/答： labels open no brief items either."""
    root = _doc(CONSUMER)
    assert _heads(root) == ["健身会所突然闭店会员预付费用获退还", "二手车里程表被调经营者退车并补偿",
                            "店堂告示不是“免责金牌”"]
    assert not root.xpath("//tei:div[@type='brief']", namespaces=TEI)


def test_a_complaints_line_among_the_colophons_fields():
    """A line of phone fields (投诉热线：12315) between the colophon's label：value fields: the
    colophon's, whose run starts at its first field."""
    root = _doc(CONSUMER)
    labels = [t.replace("\u3000", "").rstrip("：") for t in _texts(root, "//tei:back//tei:label")]
    assert labels[:2] == ["主办", "主编"] and "邮箱" in labels


ASSOCIATION = """菖江建筑业通讯
2025年第5期（双月刊）　总第143期
菖江市建筑业协会编印　　2025年10月
【会员之声】
关于工程款结算难的几点呼吁
菖江市建筑业协会：
　　近年来，部分建设单位拖延工程款结算，给施工企业带来很大压力。据我们了解，会员企业中有类似情况的并不在少数。为此，恳请协会向有关部门反映。
此致
敬礼！
菖江市永安建筑安装有限公司
2025年9月8日
协会答复：感谢贵公司对协会工作的信任。协会已将有关情况向市住建局作了书面反映。
【建设者之歌】
塔吊上的秋天
◎ 刘　涛
清晨六点，我爬上四十米的铁梯
城市还在薄雾里慢慢醒来
对讲机里传来信号工的口令
一捆钢筋，稳稳落进楼层的怀里
秋风从江面上吹过来
吹黄了工地边上的梧桐
我在半空中数着楼层
二十七，二十八，二十九
等这栋楼封顶的那一天
我要带女儿来，认一认爸爸送上云端的窗口
主　　办：菖江市建筑业协会
主　　编：蒋立诚
"""


def test_a_letters_signature_and_date_over_the_reply():
    """A letter's 落款 (the company, the date under it) over the association's reply (协会答复：…):
    the signature and date are the letter's credit, the reply no part of the date."""
    root = _doc(ASSOCIATION)
    credits = _texts(root, "//tei:body//tei:byline")
    assert any("永安建筑安装有限公司" in c and "2025年9月8日" in c for c in credits)
    assert any(p.startswith("协会答复：") for p in _texts(root, "//tei:body//tei:p"))


def test_free_verse_a_line_each_in_text_of_one_paragraph_a_line():
    """A poem of free verse in a text that sets each paragraph on one line (no wrap of its own):
    its short lines are verse lines, one each, none run into the next; none a title (the last,
    longer line after a short one is no prose piece's first line under a title)."""
    root = _doc(ASSOCIATION)
    lines = _texts(root, "//tei:lg//tei:l")
    assert lines[:9] == ["清晨六点，我爬上四十米的铁梯", "城市还在薄雾里慢慢醒来", "对讲机里传来信号工的口令",
                         "一捆钢筋，稳稳落进楼层的怀里", "秋风从江面上吹过来", "吹黄了工地边上的梧桐",
                         "我在半空中数着楼层", "二十七，二十八，二十九", "等这栋楼封顶的那一天"]
    assert _heads(root) == ["关于工程款结算难的几点呼吁", "塔吊上的秋天"]


def test_a_question_with_its_readers_name_is_no_title():
    """A health column's question whose last words the wrap set on a line of their own after the
    sentence's end, the asker in brackets after it (今年还有必要再打吗？（读者　韦大娘）): no title."""
    text = """菖川老年报

2025年10月17日

健康问答
打了流感疫苗还会得流感吗
　　问：我今年68岁，去年秋天打过流感疫苗，可冬天还是得了一次流感，在家躺了一个星期。
今年还有必要再打吗？（读者　韦大娘）
　　答：有必要，而且最好每年都打。流感病毒变异很快，每年流行的毒株不完全一样。
"""
    root = _doc(text)
    assert _heads(root) == ["打了流感疫苗还会得流感吗"]


def test_a_running_heads_weekday_cut_by_the_wrap():
    """A 报眉 under a page's label that a scan's wrap cut inside its weekday (…2025年10月17日　星 /
    期五　　蕻川老年报): one line, no title."""
    text = PAPER.replace("本版责编：莫小棠　　校对：黄立群\n第2版：综合新闻\n",
                         "本版责编：莫小棠　　校对：黄立群\n第2版：综合新闻\n第2版　综合新闻　　　　2025年10月17日　星\n"
                         "期五　　　　菖川老年报\n")
    root = _doc(text)
    assert not any("期五" in h for h in _heads(root))
    assert _heads(root)[1] == "社区食堂办到了我们心坎上"


def test_a_running_foot_with_its_folio_cut_inside_the_issue_number():
    """A running foot that prints the folio and the issue (— 8 —　　…　　2025年第9期), which a
    scan's wrap cut inside it (…2025年 / 第9期, …2025 / 年第9期): its rest is the foot's too, no
    issue line of a new issue."""
    body = "　　" + "今年3月至4月，市委政策研究室会同有关部门组成联合调研组，对全市县域特色产业集群进行了专题调研。" * 2
    text = ("决策参考\n\n2025年第9期（总第213期）\n\n中共菖州市委政策研究室编印　　　　2025年5月16日\n\n"
            "县域特色产业集群发展情况的调研报告\n" + body + "\n三是服务队伍“招留两难”。全市持证养老护理员不足3000人，四是农村养老“短\n"
            "— 8 —　　　　　　　　　　　　　　　　　　　　2025年\n第9期\n"
            "板明显”。农村老人居住分散，子女大多外出务工，村级互助养老点覆盖面不到四成。\n"
            "报：省委政策研究室。\n发：各县（市、区）委，市直各单位。\n"
            "签发：祁文澜　　　　责任编辑：滕若溪　　　　　　（共印120份）\n"
            "— 10 —　　　　　　　　　　　　　　　　　　　　2025\n年第9期\n")
    docs = read_issues(text, "t.txt", warnings=[])
    assert len(docs) == 1
    fws = _texts(docs[0].root, "//tei:fw")
    assert "第9期" in fws and "年第9期" in fws


def test_a_note_of_the_list_printed_under_the_piece_ends_its_line():
    """``附：芪溪镇2025年度“两优一先”表彰名单`` under a report, then (across a page break) the
    list's first numbered group ``一、先进基层党组织（6个）``: the note ends on its line, the group's
    label is a sub-heading, no part of the note."""
    text = """芪溪镇党建工作简报

第7期（总第71期）

中共菖溪镇委员会办公室　　　　2025年7月8日

镇党委召开庆祝建党104周年暨表彰大会

7月1日，镇党委召开庆祝中国共产党成立104周年暨表彰大会，表彰了一批先进基层党组织和优秀共产党员。

会议要求，各村（社区）党组织要把学习先进典型与当前工作结合起来，抓好各项工作落实。

附：菖溪镇2025年度“两优一先”表彰名单

— 3 —

一、先进基层党组织（6个）

上芪村党总支　　柳湾村党总支　　龙塘村党支部　　白沙村党支部　　东坪村党支部　　镇中心校党支部

二、优秀共产党员（2名）

马春燕　　宁秀英
"""
    root = _doc(text)
    assert _texts(root, "//tei:div[@type='subsection']/tei:head")[:2] == ["一、先进基层党组织（6个）",
                                                                          "二、优秀共产党员（2名）"]
    assert any(p.endswith("表彰名单") for p in _texts(root, "//tei:body//tei:p"))


def test_free_distribution_is_a_handling_notice():
    """``内部资料　免费赠阅`` after the registration number: the masthead's handling notice, no
    second title of the paper."""
    text = PAPER.replace("2025年10月17日　星期五　农历乙巳年八月廿六\n",
                         "2025年10月17日　星期五　农历乙巳年八月廿六\n准印证号：（豫）内资连字第0583号　　内部资料　免费赠阅\n")
    root = _doc(text)
    assert _texts(root, "//tei:titlePage/tei:docTitle/tei:titlePart") == ["菖川老年报"]
    assert "内部资料免费赠阅" in _texts(root, "//tei:titlePage/tei:note[@type='notice']")
