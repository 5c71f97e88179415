"""Rounds 52 to 54 of the reader on series it has never seen (issue 21): the remaining cells of heldout-aw
and heldout-ae, then heldout-ax and heldout-ay after their first measures. Each test names the class of text it
reads and failed before the change that made it pass. The texts are written for the tests
(invented places 菖溪 and 菖州 and their offices); a hard wrap is made by :func:`_wrap`."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.reader import read_issues


def _wrap(paragraph: str, width: int) -> str:
    """*paragraph* cut every *width* characters, as a hard wrap leaves it."""
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


PARAS = [
    "今年以来，菖溪县坚持把信用修复作为优化营商环境的重要抓手，指导经营主体主动纠正失信行为，累计帮助一百二十家企业完成信用修复，企业获得感明显增强。",
    "县信用办建立了修复事项清单，明确办理时限和材料要求，对符合条件的申请一律当场受理，对材料不全的一次性告知，做到企业少跑腿、数据多跑路。",
    "下一步，县信用办将继续开展信用修复进企业活动，编印信用修复操作手册，组织信用服务机构为中小企业提供免费辅导，让守信者处处受益。",
]
MASTHEAD = "内部资料　注意保存\n\n# 菖溪县社会信用体系建设简报\n\n第7期（总第43期）\n\n"


def test_a_bureaus_imprint_with_its_office_in_brackets_gives_the_date():
    """The 编印 line of a bureau that hosts an office under its other name
    (…发展和改革局（县信用办）　　2025年7月21日, 挂牌): the body and the date, the issue's date in the
    header; before, the bracketed name made the line a kicker over the first title."""
    text = (MASTHEAD + "菖溪县发展和改革局（县信用办）　　　　　　　2025年7月21日\n\n---\n\n"
            "## 县里召开信用修复工作推进会\n\n" + "\n\n".join(PARAS) + "\n")
    root = _doc(text)
    assert "2025年7月21日" in _texts(root, "//tei:teiHeader//tei:date")
    assert _heads(root) == ["县里召开信用修复工作推进会"]
    assert _texts(root, "//tei:head[@type='kicker']") == []


PIPE_ROWS = [
    "| 类别 | 认定部门 | 新增数量 | 主要认定依据 |",
    "| --- | --- | --- | --- |",
    "| 红名单 | 县税务局 | 41 | 2024年度纳税信用A级 |",
    "| 红名单 | 县住房城乡建设局 | 9 | 建筑市场信用评价A级且无不良记录 |",
    "| 黑名单 | 县人力资源和社会保障局 | 3 | 拖欠农民工工资失信联合惩戒对象 |",
    "| 黑名单 | 县税务局 | 2 | 重大税收违法失信主体 |",
]


def test_a_pipe_tables_rows_cut_by_a_hard_wrap_are_put_together():
    """A Markdown pipe table hard-wrapped with the text (``| 红名单 | 县税务局 | 41 | 2024`` /
    ``年度纳税信用A级 |``; ``…| 3`` / `` | 拖欠…对象 |``): each row whole, its four cells, no title
    read in it; before, cut rows were titles and two rows ran together."""
    text = (MASTHEAD + "菖溪县发展和改革局　　　　　　　2025年7月21日\n\n---\n\n## 县里召开信用修复工作推进会\n\n"
            + "\n\n".join(_wrap(p, 22) for p in PARAS) + "\n\n" + "\n".join(_wrap(r, 22) for r in PIPE_ROWS)
            + "\n\n" + _wrap(PARAS[2], 22) + "\n")
    root = _doc(text)
    assert _heads(root) == ["县里召开信用修复工作推进会"]
    got = [_texts(row, "tei:cell") for row in root.iterfind(".//{http://www.tei-c.org/ns/1.0}row")]
    assert len(got) == len(PIPE_ROWS)
    assert [len(r) for r in got] == [4] * len(PIPE_ROWS)
    assert got[4] == ["|黑名单|", "县人力资源和社会保障局|", "3|", "拖欠农民工工资失信联合惩戒对象|"]
    assert got[5] == ["|黑名单|", "县税务局|", "2|", "重大税收违法失信主体|"]


def test_a_title_with_one_comma_over_a_news_lead_in_a_text_without_blank_lines():
    """A report's title holding a comma (…完成修订，明确事项136项) between a paragraph that ended and
    a lead that opens with its time (近日，…), in a hard-wrapped text with no blank lines: the
    next report's title (``@cert`` medium); before, it was the first line of a paragraph."""
    text = ("菖溪县机构编制工作简报\n\n第8期\n\n中共菖溪县委机构编制委员会办公室　　　2025年8月20日\n\n"
            "县委编办召开全县机构编制业务培训会\n"
            + _wrap("8月12日，县委编办举办全县机构编制业务培训会，县直各单位分管机构编制工作的负责同志共110余人参加。"
                    "培训围绕机构编制法规、实名制管理等内容进行讲解，并现场演示了系统的操作流程。", 22)
            + "\n乡镇“属地管理”事项清单完成修订，明确事项136项\n"
            + _wrap("近日，县委编办会同县司法局完成全县乡镇（街道）“属地管理”事项责任清单修订工作。修订后的清单共明确事项"
                    "136项，比原清单减少19项，逐项列明县直部门和乡镇的主体责任与配合责任。", 22)
            + "\n" + _wrap("清单经县委编委会审议通过后，已印发各乡镇（街道）和县直有关部门执行。", 22)
            + "\n（县委编办综合股供稿）\n")
    root = _doc(text)
    assert _heads(root) == ["县委编办召开全县机构编制业务培训会", "乡镇“属地管理”事项清单完成修订，明确事项136项"]
    assert _texts(root, "//tei:div[@type='article'][2]/tei:head[@cert='medium']") == [
        "乡镇“属地管理”事项清单完成修订，明确事项136项"]


# Round 53: heldout-ax, after its first measure.

ZHEN_HEAD = "内部资料　注意保存\n\n菖 溪 镇 工 作 简 报\n\n第11期（总第253期）\n\n菖溪镇党政办公室　　　　　　　　2025年6月12日\n\n"
BRIEF_ITEMS = (
    "●镇卫生院开展“健康进万家”义诊活动　6月3日至7日，镇卫生院组织医务人员分5组到各村开展义诊，共服务群众870余人次。\n\n"
    "●镇司法所举办“法律明白人”培训班　6月9日，镇司法所举办培训班，全镇各村“法律明白人”68人参加培训。\n\n"
    "●镇应急办开展防溺水安全宣传　随着气温升高，镇应急办在全镇危险水域增设警示牌42块，并组织网格员开展巡查。\n")


def test_a_brief_columns_letter_spaced_name_over_bulleted_items_under_a_contents_list():
    """简　讯 (a brief column's name, letter-spaced) over ● items whose heads end at an ideographic
    space, in an issue whose 要目 names the main pieces only: the column, each item a brief with its
    head; before, the name was a paragraph and the first item ran into it."""
    text = (ZHEN_HEAD + "本期要目\n\n镇党委召开“三夏”生产工作推进会\n\n---\n\n镇党委召开“三夏”生产工作推进会\n\n"
            + "\n\n".join(PARAS) + "\n\n（镇党政办公室供稿）\n\n— 2 —\n\n简　讯\n\n" + BRIEF_ITEMS)
    root = _doc(text)
    assert "简讯" in _texts(root, "//tei:body/tei:div[@type='section']/tei:head")
    assert _texts(root, "//tei:body/tei:div[@type='section'][tei:head='简　讯']//tei:div/tei:head") == [
        "●镇卫生院开展“健康进万家”义诊活动", "●镇司法所举办“法律明白人”培训班", "●镇应急办开展防溺水安全宣传"]


def test_a_brief_columns_name_at_a_page_top_in_each_of_two_issues_is_no_running_head():
    """The same brief column's name opening a page in each of two issues of one file (its first
    item under it, opened by a bullet), no paragraph cut by either break: the column in each
    issue, no running head."""
    one = (ZHEN_HEAD + "镇党委召开“三夏”生产工作推进会\n\n" + "\n\n".join(PARAS) + "\n\n（镇党政办公室供稿）\n\n— 2 —\n\n简　讯\n\n"
           + BRIEF_ITEMS + "\n报：市委办公室\n送：镇党委委员\n发：各村党支部\n")
    two = one.replace("第11期（总第253期）", "第12期（总第254期）").replace("2025年6月12日", "2025年6月30日")
    docs = read_issues(one + "\n\n" + two, "t.txt", warnings=[])
    assert len(docs) == 2
    for doc in docs:
        assert _texts(doc.root, "//tei:body/tei:div[@type='section']/tei:head") == ["简讯"]
        assert _texts(doc.root, "//tei:fw[@type='header']") == []


def test_a_joint_units_byline_ending_in_a_task_group_under_a_title():
    """Two bodies apart by a gap, the second a joint task group (…镇农村经济管理站联合调研组),
    under a report's title: the report's byline; before, it was joined to the text under it."""
    text = (ZHEN_HEAD + "镇党委召开“三夏”生产工作推进会\n\n" + PARAS[0] + "\n\n（镇党政办公室供稿）\n\n"
            "编者按：发展壮大村级集体经济，是推动乡村振兴的重要基础。现将调研报告刊发，请各村结合实际认真研究。\n\n"
            "关于全镇村级集体经济发展情况的调研报告\n\n镇党政办公室　镇农村经济管理站联合调研组\n\n"
            + "\n\n".join(PARAS[1:]) + "\n")
    root = _doc(text)
    assert "镇党政办公室镇农村经济管理站联合调研组" in _texts(root, "//tei:byline")
    assert _heads(root) == ["镇党委召开“三夏”生产工作推进会", "关于全镇村级集体经济发展情况的调研报告"]


PAPER_HEAD = "菖溪法治报\n\n菖溪县司法局编印\n\n2025年12月12日　星期五\n\n第23期（总第306期）　　今日4版\n\n本期导读\n\n"


def test_a_question_title_with_its_subtitle_and_author_line():
    """A title of two clauses ending in a question mark (有了矛盾纠纷，到哪里“说理”？) over its
    ——subtitle and a unit's author line: the article's title; before, the subtitle was."""
    text = (PAPER_HEAD + "● 调解室里的“老娘舅”　　2版\n\n● 矛盾纠纷到哪里“说理”？《办法》解读来了　　3版\n\n"
            "第2版　要闻\n\n调解室里的“老娘舅”\n\n" + "\n\n".join(PARAS) + "\n\n第3版　普法\n\n"
            "有了矛盾纠纷，到哪里“说理”？\n\n——《菖溪县矛盾纠纷多元化解工作办法》解读\n\n县司法局人民参与和促进法治股\n\n"
            + "\n\n".join(PARAS[::-1]) + "\n")
    root = _doc(text)
    assert _heads(root) == ["调解室里的“老娘舅”", "有了矛盾纠纷，到哪里“说理”？"]
    assert _texts(root, "//tei:head[@type='sub']") == ["——《菖溪县矛盾纠纷多元化解工作办法》解读"]


def test_a_columns_question_title_the_guide_prints_without_its_punctuation():
    """法律信箱 over 老人口头许诺的房子，算不算数？, the 导读 printing the entry as 法律信箱：老人口头
    许诺的房子算不算数 (comma and question mark dropped): the column and the article's title;
    before, the column's name was the article's title and the question a paragraph."""
    text = (PAPER_HEAD + "● 调解室里的“老娘舅”　　2版\n\n● 法律信箱：老人口头许诺的房子算不算数　　3版\n\n"
            "第2版　要闻\n\n调解室里的“老娘舅”\n\n" + "\n\n".join(PARAS) + "\n\n第3版　普法\n\n法律信箱\n\n"
            "老人口头许诺的房子，算不算数？\n\n菖溪乡读者钟女士来信问：我父亲生前多次说房子留给我，但没有写过遗嘱，这算不算数？\n\n"
            "律师解答：钟女士您好。根据您反映的情况，您父亲生前的口头表示很难被认定为有效遗嘱。\n")
    root = _doc(text)
    assert _heads(root) == ["调解室里的“老娘舅”", "老人口头许诺的房子，算不算数？"]
    assert "法律信箱" in _texts(root, "//tei:div[@type='section']/tei:head")


def test_a_quoted_letters_signature_and_date_stay_lines_of_their_own():
    """A martyr's letter quoted in a memoir, signed 儿　树棠　叩上 over a 干支 date
    (己丑年二月十六日灯下), the memoir going on under it: the signature and the date are lines of
    their own; before, they and the next paragraph ran together."""
    text = ("菖溪老区建设\n\n2025年第3期　总第79期\n\n菖溪县老区建设促进会编　　2025年9月\n\n一封家书\n\n"
            + PARAS[0] + "\n\n母亲大人膝下：\n\n儿离家已近半载，未能在堂前尽孝，心中常觉不安。待天下太平，儿即回家侍奉母亲。\n\n"
            "儿　树棠　叩上\n\n己丑年二月十六日灯下\n\n信末所署的“己丑年二月十六日”，是1949年3月中旬。写下这封信不到一个月，他就牺牲了。\n")
    root = _doc(text)
    paras = _texts(root, "//tei:body//tei:p")
    assert "儿树棠叩上" in paras and "己丑年二月十六日灯下" in paras


def test_a_title_in_two_halves_over_a_line_opening_with_its_last_character():
    """A title of two phrases apart by an ideographic space (…过半　夏种夏管同步推进) over a lead
    that opens with the character the title ends with (进入6月，…), hard-wrapped with no blank
    lines: the title; before, it was read as a character printed twice across a page break and
    joined to the lead."""
    lead = "进入6月，全镇6.2万亩小麦陆续成熟，镇里抢抓晴好天气，组织农机跨村作业，麦收工作进展顺利。"
    text = (ZHEN_HEAD.replace("\n\n", "\n") + "镇党委召开“三夏”生产工作推进会\n" + _wrap(PARAS[0], 22) + "\n（镇党政办公室供稿）\n"
            + "全镇小麦机收进度过半　夏种夏管同步推进\n" + _wrap(lead, 22) + "\n" + _wrap(PARAS[1], 22) + "\n")
    root = _doc(text)
    assert _heads(root) == ["镇党委召开“三夏”生产工作推进会", "全镇小麦机收进度过半夏种夏管同步推进"]


def test_a_wrapped_pipe_tables_last_row_takes_no_text_after_it():
    """A pipe table hard-wrapped with the text, a row cut right before a pipe (``| 1 | … | 阎秋禾研究员``
    / ``| 县农机推广站 | 建成示范片1200亩 |``: the rest looks like a row of two cells) and the
    report going on under the table with no blank line: each row whole, the text under it a
    paragraph of its own (before, the cut row was two rows of three and two cells)."""
    rows = ["| 序号 | 项目 | 专家 | 合作单位 | 进展 |", "| --- | --- | --- | --- | --- |",
            "| 1 | 苦荞机械化收获技术示范 | 阎秋禾研究员 | 县农机推广站 | 建成示范片1200亩 |",
            "| 2 | 荞麦病虫害绿色防控 | 蓝海澄副研究员 | 县植保植检站 | 布设监测点8个，暂未发现大面积病虫害 |"]
    text = ("菖溪科协通讯\n2025年第2期（总第47期）\n菖溪县科学技术协会编　　2025年6月\n"
            "苦荞产业院士专家工作站上半年工作综述\n" + _wrap(PARAS[0], 26) + "\n" + "\n".join(_wrap(r, 26) for r in rows)
            + "\n" + _wrap("工作站运行中也存在一些问题：一是依托企业研发力量较弱；二是成果转化渠道不多。下半年，县科协将建立专家联络员制度。", 26)
            + "\n（县科协学会部）\n把论文写在荞麦地里\n——访省农业科学院研究员阎秋禾\n" + _wrap(PARAS[1], 26) + "\n")
    root = _doc(text)
    assert _heads(root) == ["苦荞产业院士专家工作站上半年工作综述", "把论文写在荞麦地里"]
    assert any(p.startswith("工作站运行中也存在一些问题") for p in _texts(root, "//tei:body//tei:p"))
    assert [len(_texts(row, "tei:cell")) for row in root.iterfind(".//{http://www.tei-c.org/ns/1.0}row")][:3] == [5] * 3


# Round 54: heldout-ay, after its first measure.



def test_the_series_name_at_every_page_foot_of_two_issues_is_a_running_foot():
    """The series' name printed at every page's foot over its folio, in a file of two issues whose
    版头 prints the same name over the issue number: the page feet are running feet (``fw``), the
    版头's the title; before, every foot was a paragraph, and one ran into the next page's text."""
    def issue(n, total, date):
        pages = [PARAS[0], PARAS[1], PARAS[2], PARAS[0]]
        body = "".join(f"{p}\n\n菖溪街道社区治理简报\n\n— {k + 1} —\n\n" for k, p in enumerate(pages))
        return (f"内部资料\n\n菖溪街道社区治理简报\n\n2025年第{n}期（总第{total}期）\n\n菖溪街道党工委办公室　　　　{date}\n\n"
                "街道召开社区治理工作推进会\n\n" + body + "报：区委办公室\n\n送：区政府办公室\n\n发：各社区党委\n")
    text = issue(7, 86, "2025年7月21日") + "\f" + issue(8, 87, "2025年8月19日")
    docs = read_issues(text, "t.txt", warnings=[])
    assert len(docs) == 2
    for doc in docs:
        assert _texts(doc.root, "//tei:fw[@type='footer']") == ["菖溪街道社区治理简报"] * 4
        assert _texts(doc.root, "//tei:titlePart[@type='main']") == ["菖溪街道社区治理简报"]


def test_a_title_the_list_and_the_body_cut_at_the_same_place_is_one_title():
    """A title longer than the column, printed over two lines cut at the same place in the 要目
    and over the article (``…多措并举提升涉企案件审判`` / ``执行质效``): one entry and one title;
    before, its two lines were two titles."""
    cut = "县人民法院推行“诉前调解+速裁快审”多措并举提升涉企案件审判\n执行质效"
    text = ("菖溪营商环境工作简报\n\n2025年第8期（总第68期）\n\n菖溪县营商环境建设办公室　　　　2025年8月22日\n\n本期要目\n\n"
            "县营商办开展营商环境体验官走流程活动\n\n" + cut + "\n\n---\n\n县营商办开展营商环境体验官走流程活动\n\n"
            + "\n\n".join(_wrap(p, 30) for p in PARAS[:2]) + "\n\n" + cut + "\n\n" + _wrap(PARAS[2], 30) + "\n")
    root = _doc(text)
    assert _heads(root) == ["县营商办开展营商环境体验官走流程活动",
                            "县人民法院推行“诉前调解+速裁快审”多措并举提升涉企案件审判执行质效"]


def test_a_letters_title_over_a_long_salutation():
    """A letter's title (一封写给心内科的感谢信) after an essay's end, over a salutation of seventeen
    characters (尊敬的县人民医院心内科全体医护人员：): the letter's title; before, it ran into the
    salutation as a paragraph."""
    text = ("# 菖溪健康报\n\n2025年12月19日　第12期（总第186期）\n\n**第4版　副刊**\n\n## 夜班\n\n" + PARAS[0]
            + "\n\n一晃十几年过去了，那个带着体温的橘子，我一直记得。\n\n一封写给心内科的感谢信\n\n"
            "尊敬的县人民医院心内科全体医护人员：\n\n你们好！\n\n" + PARAS[1] + "\n\n此致\n\n敬礼！\n\n患者家属　刘春梅\n")
    root = _doc(text)
    assert _heads(root) == ["夜班", "一封写给心内科的感谢信"]


def test_a_counted_lists_entries_are_lines_of_their_own():
    """Entries of a list that counts each group's items (民间文学（1项）：龙潭溪传说) under a lead's
    colon, flush in a text whose paragraphs open indented: each entry a line of its own; before,
    they ran together."""
    text = ("菖溪群众文化\n\n2025年第5期　总第128期\n\n菖溪县文化馆编印　　2025年10月\n\n县第六批非物质文化遗产代表性项目名录公布\n\n"
            "　　近日，县人民政府公布了第六批县级非物质文化遗产代表性项目名录，共5个项目入选，名单如下：\n"
            "民间文学（1项）：龙潭溪传说\n传统音乐（2项）：金竹山歌、白沙唢呐吹打\n传统舞蹈（2项）：白沙草龙舞、石门摆手舞\n"
            "　　至此，全县共有县级非遗代表性项目58项。\n")
    root = _doc(text)
    paras = _texts(root, "//tei:body//tei:p")
    assert "传统音乐（2项）：金竹山歌、白沙唢呐吹打" in paras


def test_a_bold_numbered_subhead_cut_inside_its_run_stays_one_line():
    """``**（一）前移服务关口，变“等项目”为“跑项`` / ``目”**`` (a bold sub-heading the wrap cut inside
    its run): one sub-heading; before, its rest was split off as a title."""
    text = ("菖溪营商环境工作简报\n\n2025年第8期（总第68期）\n\n菖溪县营商环境建设办公室　　　　2025年8月22日\n\n"
            "## 开发区推行项目全程代办服务\n\n" + _wrap(PARAS[0], 24) + "\n\n**一、主要做法**\n\n"
            "**（一）前移服务关口，变“等项目”为“跑项\n目”**\n\n" + _wrap(PARAS[1], 24) + "\n\n"
            "**（二）实行承诺制审批，变“先审后建”为“先建\n后验”**\n\n" + _wrap(PARAS[2], 24) + "\n")
    root = _doc(text)
    assert _heads(root) == ["开发区推行项目全程代办服务"]
    assert "（一）前移服务关口，变“等项目”为“跑项目”" in _texts(root, "//tei:head")
