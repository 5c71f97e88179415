"""Rounds 55 to 57 of the reader on series it has never seen (issue 21): the remaining cells of heldout-ay,
then heldout-az, heldout-ba and heldout-bb after their first measures. Each test names the class of text it reads and failed before the change
that made it pass. The texts are written for the tests (invented places 菖溪, 菖州 and 菖川 and their
offices); a hard wrap is made by :func:`_wrap`."""

from __future__ import annotations

import re

from reader_doc import (article_heads as _heads, hard_wrap as _wrap, one_document as _doc, paragraphs as _paragraphs,
                        texts as _texts)

TEI = "{http://www.tei-c.org/ns/1.0}"


MASTHEAD = "内部资料\n\n菖州市菖溪街道社区工作简报\n\n2025年第9期（总第61期）\n\n菖州市菖溪街道党工委办公室　　　　　　　2025年9月22日\n\n"

RHYME = ["守住钱袋不上当，", "陌生来电先挂断；", "中奖返利全是假，", "转账之前问一问。",
         "养老投资别轻信，", "保健神药是圈套；", "遇事多和儿女说，", "平安晚年乐陶陶。"]


def test_a_rhyme_a_report_quotes_is_verse_with_its_title_and_author():
    """A 顺口溜 a report quotes under its paragraph (its title, the author's bare name, two stanzas
    of seven-character lines each closing its clause, a blank line after every line): one
    ``lg type="poem"`` inside the report with its ``head`` and ``byline``, two stanzas of four
    ``l``; the report's credit after it. Before, the title, the name and the lines ran together
    in paragraphs."""
    lines = RHYME[:4] + [""] + RHYME[4:]
    text = (MASTHEAD + "【平安社区】\n\n菖溪社区开展防范养老诈骗宣传\n\n"
            "9月以来，菖溪社区联合辖区派出所开展防范养老诈骗宣传活动，民警和网格员走进小区，为老年居民讲解常见骗局。\n\n"
            "社区网格员把常见的骗局编成顺口溜，印在宣传单上，教给社区老年合唱队在活动中表演。\n\n"
            "防骗顺口溜\n\n韩小梅\n\n" + "\n\n".join(lines) + "\n\n（菖溪社区供稿）\n\n"
            "菖溪街道召开秋季安全生产工作会议\n\n"
            "9月18日，街道召开秋季安全生产工作会议，部署节前安全隐患排查整治工作，各社区和辖区企业负责人参加会议。\n")
    root = _doc(text)
    assert _heads(root) == ["菖溪社区开展防范养老诈骗宣传", "菖溪街道召开秋季安全生产工作会议"]
    poems = list(root.iter(f"{TEI}lg"))
    poem = [lg for lg in poems if lg.get("type") == "poem"]
    assert len(poem) == 1
    assert _texts(poem[0], "tei:head") == ["防骗顺口溜"]
    assert _texts(poem[0], "tei:byline") == ["韩小梅"]
    assert [_texts(st, "tei:l") for st in poem[0].iterfind(f"{TEI}lg")] == [RHYME[:4], RHYME[4:]]
    assert poem[0].getparent().get("type") == "article"
    assert not any(v in p for v in RHYME + ["防骗顺口溜", "韩小梅"] for p in _paragraphs(root))


def test_a_letters_date_under_its_signature_is_a_line_of_its_own():
    """A letter's signature, a group's name with no punctuation, over its date alone (…全体居民 /
    2025年9月6日: 书信 practice), a blank line between: two lines of the text, never one
    paragraph; before, the date ran into the signature."""
    text = (MASTHEAD + "【居民心声】\n\n一封来自菖溪小区的感谢信\n\n尊敬的菖溪街道党工委、办事处：\n\n"
            "我们是菖溪小区的居民。今年夏天，社区帮我们修好了漏水多年的屋顶，又在楼道里装上了扶手，大家都十分感激。\n\n"
            "此致\n\n敬礼！\n\n菖溪小区3号楼全体居民\n\n2025年9月6日\n")
    root = _doc(text)
    paras = _paragraphs(root)
    assert "菖溪小区3号楼全体居民" in paras
    assert "2025年9月6日" in paras


def test_an_addressee_line_of_bodies_under_a_title_in_a_text_without_blank_lines():
    """A 主送 line naming bodies as 县直有关单位 (GB/T 9704-2012 7.3.3: the bodies addressed, a colon
    after the last) under a document's title, the text hard-wrapped with no blank line: a line of
    its own; before, it ran into the first sentence under it."""
    body = ("8月份，县营商环境投诉举报中心共受理涉企诉求412件，较7月份增加37件，已办结398件，办结率96.6%，"
            "企业满意率98.1%。现将有关情况通报如下。")
    text = ("菖溪县优化营商环境工作简报\n第9期\n菖溪县优化营商环境工作领导小组办公室　　　2025年9月10日\n"
            "关于8月份涉企诉求办理情况的通报\n各乡镇人民政府、街道办事处，县直有关单位：\n" + _wrap(body, 24) + "\n")
    root = _doc(text)
    assert "各乡镇人民政府、街道办事处，县直有关单位：" in [
        "".join(t.split()) for t in _paragraphs(root) + _texts(root, "//tei:opener") + _texts(root, "//tei:salute")]


def test_a_line_wider_than_the_title_above_it_opens_the_text():
    """In a text a scan wrapped again (no blank lines, about 24 wide), a title narrower than the
    measure over a line as wide as a wrapped one and wider than the title, running text under
    it: the line is the text's first, not the title's rest; before, the two were one title."""
    text = ("菖川县卫生健康工作简报\n第12期\n菖川县卫生健康局办公室　　　　2025年12月19日\n"
            "菖川县举办家庭医生签约服务技能竞赛\n"
            "12月10日，县卫生健康局举办家庭医生签约服务技能\n"
            "竞赛，全县各乡镇卫生院的12支代表队参加比赛，竞赛\n"
            "设理论考试和实操考核两个环节。\n"
            + _wrap("竞赛中，各代表队围绕慢性病随访、健康档案管理、家庭病床服务等内容展开比拼，评委现场打分，最终评出团体一等奖2个、"
                    "二等奖3个、三等奖4个。县卫生健康局有关负责人表示，将以竞赛为契机，进一步提升家庭医生团队的服务能力，"
                    "让群众在家门口享受到更加优质的健康服务。", 24) + "\n"
            "2026年度城乡居民医保参保缴费政策解读\n"
            "2026年度城乡居民基本医疗保险集中参保缴费工作已\n"
            "于9月1日启动，集中缴费期将于12月31日结束。\n"
            "截至12月15日，全县已有38.6万人完成缴费，参保\n"
            "率为92.1%。为方便群众及时参保，现将有关政策解读\n"
            "如下。\n")
    root = _doc(text)
    assert _heads(root) == ["菖川县举办家庭医生签约服务技能竞赛", "2026年度城乡居民医保参保缴费政策解读"]


def test_entries_labelled_by_bodies_under_a_leads_colon_are_lines_of_their_own():
    """Under a lead ending in a colon (…门诊安排如下：), the entries of a list each opened by a
    body's name and a colon (县人民医院：…), the text hard-wrapped with no blank lines and the
    lead filling its line: the first entry opens a line; before, it ran into the lead."""
    lead = "2026年元旦假期为1月1日至3日。经县卫生健康局统筹安排，假期期间县级医疗机构门诊安排如下："
    items = ["县人民医院：1月1日普通门诊停诊，开设专家门诊；1月2日、3日门诊正常开诊。",
             "县中医院：假期门诊正常开诊，中医内科、针灸推拿科照常接诊。"]
    text = ("菖川健康报\n2025年12月19日\n\n元旦期间县级医疗机构门诊安排\n" + _wrap(lead, 23) + "\n"
            + "\n".join(_wrap(t, 23) for t in items) + "\n")
    root = _doc(text)
    paras = ["".join(p.split()) for p in _paragraphs(root)]
    assert not any("如下：县人民医院" in p for p in paras)
    assert any(p.startswith("县人民医院：") for p in paras)


# ----------------------------------------------------------------------------- heldout-az (round 55, second part)

JOURNAL = ("内部资料　免费交流\n\n菖 川 年 鉴 工 作 通 讯\n\n2025年第2期（总第46期）\n\n菖川市地方志编纂中心编　　　　　　　　2025年6月\n\n"
           "目　　录\n\n【工作部署】\n\n全市年鉴编纂工作会议召开……………………………… 1\n\n"
           "【编纂业务】\n\n年鉴条目的选题与撰写……………………………………… 2\n\n")
WORK = ["5月16日，全市年鉴编纂工作会议在市行政中心召开，副市长出席会议并讲话，市直各供稿单位分管负责同志和年鉴撰稿人共120余人参加会议。",
        "会议通报了上一卷年鉴的编纂情况，部署了新一卷年鉴的组稿工作，要求各单位按时报送稿件，确保资料真实准确、条目规范完整。"]
ENTRY = ["条目是年鉴的基本单元，选题要紧扣年度特点，突出新情况、新成就和新经验，避免把工作总结改头换面写成条目。",
         "撰写条目要做到一事一条、要素齐全，时间、地点、人物、事件、结果和数据缺一不可，语言力求简洁平实。"]


def test_running_heads_with_the_folio_between_middle_dots_are_furniture():
    """A journal's running heads set the folio between middle dots, at the outer edge of each page
    (``· 2 ·　　　　菖川年鉴工作通讯`` on an even page, ``2025年第2期　　　　· 3 ·`` on an odd one),
    each cutting a paragraph: ``fw``, the cut paragraphs one each; before, the lines ran into
    the text."""
    text = (JOURNAL + "【工作部署】\n\n全市年鉴编纂工作会议召开\n\n" + WORK[0][:40] + "\n\n· 2 ·　　　　　　菖川年鉴工作通讯\n\n"
            + WORK[0][40:] + "\n\n" + WORK[1] + "\n\n【编纂业务】\n\n年鉴条目的选题与撰写\n\n" + ENTRY[0][:30]
            + "\n\n2025年第2期　　　　　　· 3 ·\n\n" + ENTRY[0][30:] + "\n\n" + ENTRY[1] + "\n")
    root = _doc(text)
    fws = ["".join(t.split()) for t in _texts(root, "//tei:body//tei:fw")]
    assert "·2·菖川年鉴工作通讯" in fws
    assert "2025年第2期·3·" in fws
    paras = ["".join(p.split()) for p in _paragraphs(root)]
    assert "".join(WORK[0].split()) in [re.sub(r"·\d·|菖川年鉴工作通讯", "", p) for p in paras]


def test_a_notice_after_the_last_piece_of_a_journal_with_a_full_contents_list():
    """Under a 目录 that names every piece, a notice's name alone after the last piece (更正, 本刊启事,
    each over its text): a notice of its own, ``@cert`` medium; before, each name ran into its
    text."""
    text = (JOURNAL + "【工作部署】\n\n全市年鉴编纂工作会议召开\n\n" + "\n\n".join(WORK) + "\n\n【编纂业务】\n\n年鉴条目的选题与撰写\n\n"
            + "\n\n".join(ENTRY) + "\n\n更正\n\n本刊2025年第1期第6页“全市共有供稿单位168家”误印为“186家”，特此更正。\n\n"
            "本刊启事\n\n本刊为内部资料，免费赠阅各供稿单位和年鉴工作者，欢迎来稿交流年鉴编纂经验。\n")
    root = _doc(text)
    assert _heads(root)[-2:] == ["更正", "本刊启事"]


def test_a_letter_from_abroad_signed_with_the_writers_place_over_its_date():
    """A letter signed with the writer's place and name (``新西兰奥克兰　甄丽芬``) over its date alone,
    after its last sentence: the signature (落款), its date a ``date``; before, the two lines ran
    together in one paragraph."""
    text = ("菖江乡讯\n\n2025年第3期（总第147期）\n\n菖江县人民政府侨务办公室编　　　　2025年9月\n\n【读者来信】\n\n来自奥克兰的问候\n\n"
            "编辑部的各位老师：\n\n你们好！我叫甄丽芬，住在新西兰奥克兰，祖籍菖江县塘尾村。父亲生前每期都要把乡讯从头读到尾。\n\n"
            "我想继续收到乡讯，我的新地址写在信封背面，请你们以后寄到这个地址。谢谢你们！\n\n新西兰奥克兰　甄丽芬\n\n2025年7月2日\n\n"
            "【诗词】\n\n秋日还乡\n\n邝文远\n\n" + "\n".join(["稻浪翻金映晚霞，", "归来犹认旧时家。", "村前古榕浓荫在，", "满树秋蝉唱物华。"]) + "\n")
    root = _doc(text)
    bylines = ["".join(b.itertext()) for b in root.iter(f"{TEI}byline")]
    assert any(b.startswith("新西兰奥克兰") and b.endswith("2025年7月2日") for b in bylines)
    assert not any("甄丽芬2025年7月2日" in "".join(p.split()) for p in _paragraphs(root))


PAPER = ("菖州日报\n\nCHANGZHOU DAILY\n\n中共菖州市委机关报　　菖州日报社出版\n\n2025年6月14日　星期六　　总第5736期　　今日4版\n\n"
         "● 今日导读\n\n夏粮收购全面展开　　2版\n\n")
NEWS = ["本报讯（记者 苗一禾）6月13日，全市夏粮收购工作全面展开，各收储企业开足马力收购新麦，确保农民卖粮不难。",
        "据了解，今年全市小麦种植面积达86万亩，预计总产量超过40万吨，各地已启用收购网点112个。"]


def test_a_page_head_line_with_the_weekday_after_the_date_is_the_pages_label():
    """A paper's 报眉 printing the page's number and name with the paper's title, the date and
    the weekday (``02　综合　　　　菖州日报　2025年6月14日　星期六``; on an odd page the number
    last, ``…星期六　　　　副刊　03``): the page's label (``pb`` and ``fw``), no heading; before,
    the weekday made the line a title."""
    text = (PAPER + "夏粮收购全面展开\n\n" + "\n\n".join(NEWS) + "\n\n本版责编：祁雯\n\n"
            "02　综合　　　　菖州日报　2025年6月14日　星期六\n\n菖州开通城区至高铁站公交专线\n\n"
            "本报讯（记者 蒋一帆）记者从市交通运输局获悉，城区至高铁站公交专线将于6月16日开通运营，全程票价2元。\n\n本版责编：祁雯\n\n"
            "菖州日报　2025年6月14日　星期六　　　　副刊　03\n\n荷塘夜色\n\n□ 柯　雨\n\n"
            "夏夜的荷塘是最安静的，月光落在荷叶上，像撒了一层细细的盐，远处偶尔传来几声蛙鸣。\n")
    root = _doc(text)
    assert "02　综合　　　　菖州日报　2025年6月14日　星期六" not in _heads(root)
    assert not any("星期六" in h for h in _heads(root))
    assert {pb.get("n") for pb in root.iter(f"{TEI}pb")} >= {"2", "3"}


def test_a_service_directory_then_a_price_table_then_a_notice_signed_by_a_liquidation_group():
    """A paper's 服务 page: a 便民服务电话 box whose entries give short service numbers (市民服务热线
    12345), a price table's title right under the box, and a 注销公告 signed by the company's
    清算组 over its date: three pieces with those titles, the entries no titles and the signature
    a byline; before, an entry was a title, the table's title a line of the box and the 清算组
    a title."""
    text = (PAPER + "夏粮收购全面展开\n\n" + "\n\n".join(NEWS) + "\n\n本版责编：祁雯\n\n便民服务电话\n\n"
            "市民服务热线　12345\n供电服务热线　95598\n燃气抢修热线　（0390）7213110\n\n"
            "6月13日城区农贸市场部分商品零售价格\n\n品名　　单位　　价格（元）\n西红柿　　500克　　2.60\n黄瓜　　500克　　2.00\n"
            "鸡蛋　　500克　　3.90\n\n注销公告\n\n菖州市瑞达商贸有限公司经股东会决议，拟向公司登记机关申请注销登记，现已成立清算组，"
            "请债权人自本公告见报之日起四十五日内向清算组申报债权。\n\n特此公告。\n\n菖州市瑞达商贸有限公司清算组\n\n2025年6月14日\n")
    root = _doc(text)
    heads = _heads(root)
    assert heads[-3:] == ["便民服务电话", "6月13日城区农贸市场部分商品零售价格", "注销公告"]
    assert any("".join(b.itertext()).startswith("菖州市瑞达商贸有限公司清算组") for b in root.iter(f"{TEI}byline"))


def test_a_commentarys_label_and_title_on_one_line():
    """A commentary's label, a colon and its title with a comma (``短评：颗粒归仓，也要平安归仓``)
    after a finished story, over its text: the commentary's title; before, it ran into its first
    paragraph."""
    text = (PAPER + "夏粮收购全面展开\n\n" + "\n\n".join(NEWS) + "\n\n短评：颗粒归仓，也要平安归仓\n\n"
            "麦收季节，田间地头机械多、人员多、车辆多，又逢高温天气，安全生产这根弦一刻也不能放松。\n\n本版责编：祁雯\n")
    root = _doc(text)
    assert _heads(root) == ["夏粮收购全面展开", "短评：颗粒归仓，也要平安归仓"]


# ----------------------------------------------------------------------------- heldout-ba (round 56)


def test_a_question_title_in_a_pageless_contents_list_is_an_entry():
    """A 要目 whose entry asks a question (``直补期满后政策怎么衔接？``) under a 【】 column: the entry
    names the piece's title, which is found as a title with its ——subtitle; before, the question
    ended the list as running text and the title was lost in a paragraph."""
    text = ("内部资料\n\n菖溪县水库移民工作简报\n\n第5期（总第96期）\n\n菖溪县水库移民工作中心　　　　2025年8月22日\n\n本期要目\n\n"
            "【工作动态】\n\n全县水库移民后期扶持工作推进会召开\n\n【政策问答】\n\n直补期满后政策怎么衔接？\n\n"
            "【工作动态】\n\n全县水库移民后期扶持工作推进会召开\n\n"
            "8月15日，全县水库移民后期扶持工作推进会召开，总结上半年工作，部署下半年重点任务，各乡镇分管负责同志参加会议。\n\n"
            "【政策问答】\n\n直补期满后政策怎么衔接？\n\n——移民群众关心的几个问题\n\n"
            "近期，不少移民群众通过来电、来访等方式，咨询后期扶持直补期满后的有关政策。现将群众关心的几个问题整理解答如下。\n")
    root = _doc(text)
    assert _heads(root) == ["全县水库移民后期扶持工作推进会召开", "直补期满后政策怎么衔接？"]


def test_a_table_numbered_in_its_first_column_with_cells_one_ideographic_space_apart():
    """A 曝光台's table set with one ideographic space between cells, its heads 序号 first and its
    rows numbered 1, 2, 3 (a cell may hold a comma: 罚款2000元，记12分), hard-wrapped so that a row's
    last cell runs to the next line: a ``table`` of a label row and three rows of six cells; before,
    the rows ran together into a paragraph and a title."""
    rows = ["序号　违法时间　违法地点　号牌号码　违法行为　处理情况",
            "1　11月3日22时15分　环城东路与菖山路交叉口　浙M·3××57　醉酒驾驶小型汽车　吊销驾驶证，移送审查起诉",
            "2　11月6日8时40分　菖东公路柯岙段　浙M·D2××8　驾驶公路客运汽车超员40%　罚款2000元，记12分",
            "3　11月9日14时05分　双涧乡双柯线　浙M·7××3A　无证驾驶三轮摩托车　罚款1500元，行政拘留5日"]
    para = ("为警示广大交通参与者自觉遵守道路交通安全法律法规，现将11月查处的部分严重交通违法行为予以曝光，"
            "请广大驾驶人引以为戒，自觉做到文明驾驶、安全出行。今年以来，市交警大队持续开展酒驾醉驾、超员超载、"
            "无证驾驶等严重交通违法行为专项整治，全市共查处各类交通违法行为三万余起，其中酒驾醉驾四百余起，"
            "道路交通事故起数和伤亡人数同比均有下降，全市道路交通安全形势总体平稳。")
    text = ("菖州交通安全报\n\n2025年12月5日　　第12期（总第186期）\n\n菖州市道路交通安全委员会办公室主办\n\n【曝光台】\n\n"
            "11月部分严重交通违法行为曝光\n\n" + _wrap(para, 34) + "\n\n" + "\n".join(_wrap(r, 34) for r in rows) + "\n\n"
            "逾期未检验重点车辆所属单位名单\n\n" + _wrap("截至11月30日，以下单位所属重点车辆逾期未检验，存在较大安全隐患，请相关单位于12月31日前"
                                            "到机动车检验机构办理检验手续。", 34) + "\n")
    root = _doc(text)
    tables = list(root.iter(f"{TEI}table"))
    assert len(tables) == 1
    got = [["".join(c.itertext()) for c in row.iterfind(f"{TEI}cell")] for row in tables[0].iterfind(f"{TEI}row")]
    assert got == [r.split("　") for r in rows]
    assert _heads(root) == ["11月部分严重交通违法行为曝光", "逾期未检验重点车辆所属单位名单"]


def test_a_pupils_letter_signed_under_its_closing_wish_with_the_teachers_credit():
    """A pupil's letter under its title and the author line of school, class and name (…小学五（3）班
    　俞可欣), closing with a wish (祝您一路平安！), signed (您的女儿：可欣) over its date, the teacher
    credited under it (指导老师：沈丽华): one piece, its author line a byline, no line of the close a
    title; before, the author line was the title's second line and the signature, the date and
    the credit were titles."""
    text = ("菖州交通安全报\n\n2025年12月5日　　第12期（总第186期）\n\n菖州市道路交通安全委员会办公室主办\n\n【小手拉大手】\n\n写给开货车的爸爸\n\n"
            "菖州市城南小学五（3）班　俞可欣\n\n亲爱的爸爸：\n\n您好！这个月，您又开着大货车出远门了。每次您出车前，妈妈都要叮嘱您别开疲劳车。\n\n"
            "爸爸，我和妈妈不盼着您多挣钱，只盼着您每次都平平安安地回家。\n\n祝您一路平安！\n\n您的女儿：可欣\n\n2025年11月26日\n\n指导老师：沈丽华\n")
    root = _doc(text)
    assert _heads(root) == ["写给开货车的爸爸"]
    assert any("俞可欣" in "".join(b.itertext()) for b in root.iter(f"{TEI}byline"))


# ----------------------------------------------------------------------------- heldout-bb (round 57)


def test_a_space_set_table_numbered_in_its_first_column():
    """A 通报's ranking table a copy set with single spaces, each row numbered in its first column
    (``3 城关镇 3 9.8 3.6 88.5``) under its column heads: a table of those rows, none run into
    another; before, the number made no row of figures and the rows ran together."""
    rows = ["1 菖溪经济开发区 8 42.5 15.2 96.5", "2 白鹭镇 3 12.1 4.3 91.0", "3 城关镇 3 9.8 3.6 88.5",
            "4 石桥镇 2 8.0 2.1 84.0", "5 龙潭镇 2 7.3 1.4 80.5"]
    text = ("内部资料\n\n菖溪县招商引资工作简报\n\n第7期（总第93期）\n\n菖溪县投资促进中心　　　　2025年7月28日\n\n"
            "关于上半年各乡镇招商引资工作考核情况的通报\n\n"
            "各乡镇人民政府：\n\n现将上半年各乡镇（园区）招商引资工作考核情况通报如下，考核结果按综合得分排序。\n\n"
            "序号 乡镇 签约项目 合同投资 到位资金 综合得分\n" + "\n".join(rows) + "\n\n"
            "希望各乡镇对照考核结果，查找差距，补齐短板，确保完成全年招商引资目标任务。\n")
    root = _doc(text)
    tables = list(root.iter(f"{TEI}table"))
    assert len(tables) == 1
    got = ["".join("".join(c.itertext()).split()) for c in tables[0].iter(f"{TEI}cell")]
    assert "城关镇" in got and "88.5" in got
    assert len(list(tables[0].iter(f"{TEI}row"))) >= len(rows)


def test_a_quoted_provisions_number_is_no_brief_head():
    """A 法规链接 box quoting provisions, each opened by the law's name and the article's number
    and a gap (``《…法》第八十一条第一款　…``, ``第一百一十八条第一款　…``): lines of the box, no brief
    items with run-in heads; before, each number was a brief's head."""
    text = ("内部资料\n\n菖溪县综合行政执法工作简报\n\n第7期（总第64期）\n\n菖溪县综合行政执法局　　　　2025年7月15日\n\n"
            "城区餐饮油烟专项整治取得阶段性成效\n\n6月以来，县综合行政执法局在城区开展餐饮油烟专项整治，检查餐饮服务单位312家，"
            "督促安装油烟净化设施47家。\n\n【法规链接】\n\n餐饮油烟治理有关法律条款\n\n"
            "《中华人民共和国大气污染防治法》第八十一条第一款　排放油烟的餐饮服务业经营者应当安装油烟净化设施并保持正常使用。\n\n"
            "第一百一十八条第一款　违反本法规定，排放油烟的餐饮服务业经营者未安装油烟净化设施的，责令改正，处五千元以上五万元以下的罚款。\n")
    root = _doc(text)
    assert _heads(root) == ["城区餐饮油烟专项整治取得阶段性成效", "餐饮油烟治理有关法律条款"]
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == []
