"""Round 59 of the reader on series it has never seen (issue 21): heldout-bc after its first
measure. Each test names the class of text it reads and failed before the change that made it
pass (at c16e6b5). The texts are written for the tests (invented places 菖溪, 菖州 and 菖川 and
their offices)."""

from __future__ import annotations

from reader_doc import (article_heads as _heads, furniture as _fw, layout_column, one_document as _doc,
                        paragraphs as _paragraphs, texts as _texts)


PROSE = ("菖州的秋天来得早，立秋一过，田里的稻子就一天一个颜色，山脚下的柿子林也慢慢红了起来，"
         "摄影人最忙的季节到了，协会的会员们三五成群地往乡下跑，想把这一季的好光线都留在镜头里。")

PAGE = "\n\n".join([PROSE] * 4)

JOURNAL = ("内部资料　免费交流\n\n菖 州 影 像\n\n菖州市摄影家协会会刊\n\n2025年第3期（总第47期）\n\n目　　录\n\n"
           "【卷首语】\n\n秋天的光……………………………………周立衡　3\n\n【会员风采】\n\n守着一条老街……………………林小禾　4\n\n"
           "【本刊启事】\n\n《菖州影像》2025年第4期征稿启事…………………6\n\n")


def test_a_notice_naming_another_issue_opens_no_issue_and_folios_at_one_end_of_running_heads():
    """A journal whose 目录 and last piece name the next issue's notice (《菖州影像》2025年第4期征稿
    启事), its running heads a bare folio and a title apart by a wide gap (``3　　菖州影像`` /
    ``会员风采　　4``), one cutting a paragraph: one document; the running heads are furniture and the
    cut paragraph is one; before, the notice opened a second issue and the heads were text."""
    text = (JOURNAL + "卷首语　　3\n\n【卷首语】\n\n秋天的光\n\n" + PAGE + "\n\n周立衡\n\n4　　菖州影像\n\n【会员风采】\n\n"
            "守着一条老街\n\n文／林小禾\n\n仓前街在菖州老城的东南角，长不过六百米，两边多是上世纪五六十年代盖的两层砖木楼房，"
            "一个背着旧帆布相机包的老人\n\n会员风采　　5\n\n已经在街上走了两个来回。\n\n" + PAGE + "\n\n6　　菖州影像\n\n"
            "【本刊启事】\n\n## 《菖州影像》2025年第4期征稿启事\n\n《菖州影像》每季度出版一期，欢迎会员踊跃投稿。\n\n"
            "《菖州影像》编辑部\n")
    root = _doc(text)
    assert _heads(root) == ["秋天的光", "守着一条老街", "《菖州影像》2025年第4期征稿启事"]
    assert {"卷首语　　3", "4　　菖州影像", "会员风采　　5", "6　　菖州影像"} <= set(_fw(root))
    assert any("一个背着旧帆布相机包的老人" in p and "已经在街上走了两个来回。" in p for p in _paragraphs(root))


def test_running_heads_with_the_folio_between_middle_dots_after_one_gap():
    """Running heads alternating the column's name and the journal's, the folio between middle
    dots after one ideographic space (``建言献策　·3·`` / ``·4·　菖江老科协通讯``), cutting paragraphs:
    furniture, the paragraphs one; before, they were lines of the text."""
    cut = "目前全市柑橘种植面积达到二十六万亩，年产量四十二万吨，产值超过二十亿元，已成为山区农民增收的"
    text = ("菖 江 老 科 协 通 讯\n\n2025年第2期　　总第86期\n\n菖江市老科学技术工作者协会编　　　2025年6月\n\n"
            "【建言献策】\n\n关于推动菖江柑橘产业提质增效的调研与建议\n\n市老科协农业分会课题组\n\n" + cut
            + "\n\n建言献策　·3·\n\n主导产业。\n\n" + PAGE + "\n\n·4·　菖江老科协通讯\n\n" + PAGE
            + "\n\n建言献策　·5·\n\n" + PAGE + "\n\n·6·　菖江老科协通讯\n\n【会员动态】\n\n市老科协召开理事会\n\n"
            + PROSE + "\n")
    root = _doc(text)
    assert {"建言献策　·3·", "·4·　菖江老科协通讯", "建言献策　·5·", "·6·　菖江老科协通讯"} <= set(_fw(root))
    assert any(p.startswith(cut) and p.endswith("主导产业。") for p in _paragraphs(root))


def test_a_contents_entry_counting_more_pieces_after_it_and_a_call_for_papers_after_a_poem():
    """A 目录 whose entry for a column's first item counts the items after it (…理事会（外二则）), each
    item a ■ title over its paragraph, and a 征稿启事 printed after the last poem, which no entry names:
    the items and the notice are pieces with their titles; before, the items after the first and the
    notice ran into paragraphs."""
    text = ("菖江老科协通讯\n\n2025年第2期　　总第86期\n\n目　　录\n\n【诗词园地】\n\n五绝·观稻田……………………林　彬　17\n\n"
            "【会员动态】\n\n市老科协召开理事会（外二则）……………………19\n\n【诗词园地】\n\n五绝·观稻田\n\n林　彬\n\n"
            "银翼掠平畴，轻烟布细流。\n老农抬望眼，一笑不言愁。\n\n征稿启事\n\n本刊每季度出版一期，欢迎广大会员踊跃投稿，来稿请注明作者姓名和联系电话。\n\n"
            "本刊编辑部\n\n【会员动态】\n\n■市老科协召开理事会\n\n4月18日，市老科协理事会在市科技馆召开，会议审议通过了增补理事的议案。\n\n"
            "■医卫分会义诊进社区\n\n5月10日，市老科协医卫分会组织12名退休医务人员到社区开展义诊，共接待群众300余人次。\n\n"
            "■科普报告团走进乡村学校\n\n4月至5月，市老科协科普报告团先后到7所中小学开展科普讲座，受到师生欢迎。\n")
    root = _doc(text)
    heads = [h.lstrip("■") for h in _heads(root)]
    assert heads == ["五绝·观稻田", "征稿启事", "市老科协召开理事会", "医卫分会义诊进社区", "科普报告团走进乡村学校"]


def test_a_lectures_author_line_of_a_touring_group_under_its_subtitle():
    """A lecture's ——subtitle over its author line of a body's touring group and a name
    (``市老科协科普报告团　周慧敏``) over the salutation (各位老朋友：): the subtitle and a byline;
    before, the author line went on with the subtitle as a letter's title."""
    text = ("菖江老科协通讯\n\n2025年第2期　　总第86期\n\n【科普讲座】\n\n老年朋友如何识破电信网络诈骗\n\n"
            "——在市老年大学的科普讲座（摘要）\n\n市老科协科普报告团　周慧敏\n\n各位老朋友：\n\n"
            "今天想和大家拉拉家常，说一说电信网络诈骗这件事，希望大家回去以后也讲给老伴、讲给邻居听。\n")
    root = _doc(text)
    assert _texts(root, "//tei:body//tei:byline") == ["市老科协科普报告团周慧敏"]
    assert _texts(root, "//tei:div[@type='article']/tei:head[@type='sub']") == ["——在市老年大学的科普讲座（摘要）"]


BRIEFING = ("内部资料　注意保存\n\n经济普查工作简报\n\n2025年第4期（总第31期）\n\n菖州区经济普查领导小组办公室　　　　2025年4月18日\n\n"
            "本期要目\n\n县普查办开展普查档案专项检查\n\n各地动态\n\n")


def test_a_contents_entry_naming_a_column_of_items_is_the_column():
    """A 要目 that names the last column (各地动态) among the pieces, the column's items titled under
    it with their bracketed credits: the column a section, its items pieces; before, the column's
    name was a piece whose first item's title ran into it."""
    text = (BRIEFING + "县普查办开展普查档案专项检查\n\n4月上旬，区普查办组织对各街道普查档案进行了专项检查，共抽查档案312卷。\n\n"
            "各地动态\n\n菖水街道开展普查数据“回头看”\n\n4月上旬，菖水街道普查办组织各社区对辖区企业开展普查数据复核。\n\n"
            "（菖水街道普查办）\n\n城西街道举办档案整理业务培训\n\n4月2日，城西街道举办普查档案整理业务培训班，50余人参加。\n\n（城西街道普查办）\n")
    for t in (text, text.replace("\n\n", "\n")):
        root = _doc(t)
        assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["各地动态"]
        assert _heads(root) == ["县普查办开展普查档案专项检查", "菖水街道开展普查数据“回头看”", "城西街道举办档案整理业务培训"]


PAPER = ("菖溪燃气\n\n菖溪县燃气有限责任公司主办\n\n2025年9月18日　第9期（总第86期）\n\n● 本期导读\n\n"
         "◆ 阶梯气价一览　　3版\n\n第三版　服务\n\n")


def test_a_box_after_a_tables_note_a_contact_line_and_a_reply_signed_by_an_office():
    """A paper's service page: a price table closed by its 注 line, a 小贴士 box of ①–③ tips with a
    contact line (``24小时抢修电话：5216119　　服务热线：5216688``), then a reply letter signed by an
    office over its date: the box set beside the pieces (``div type="box"``), the contact line and
    the signature no titles; before, the box was a line of the table's piece, the contact line the
    next piece's 引题 and the signature a title."""
    text = (PAPER + "阶梯气价一览\n\n我县居民用气实行阶梯价格，以户为单位、按年度累计用气量计价。\n\n"
            "档次        年用气量（立方米）    价格（元/立方米）\n第一档        0—360（含）           2.96\n"
            "第二档        360—600（含）         3.55\n第三档        600以上               4.44\n注：学校、养老服务机构不实行阶梯计价。\n\n"
            "安全用气小贴士\n\n①用气时人不离开，防止汤水溢出浇灭火焰。\n②连接灶具的胶管使用不超过18个月。\n③闻到燃气异味，立即关闭阀门，打开门窗通风。\n"
            "24小时抢修电话：5216119　　服务热线：5216688\n\n致聂秀英阿姨的回信\n\n尊敬的聂秀英阿姨：\n"
            "您好！您的来信我们收到了，中心的同志都传看了，以后家里遇到用气方面的事，请随时给我们打电话。\n"
            "菖溪县燃气有限责任公司客户服务中心\n2025年9月5日\n")
    root = _doc(text)
    assert _heads(root)[-2:] == ["阶梯气价一览", "致聂秀英阿姨的回信"]
    assert _texts(root, "//tei:body//tei:div[@type='box']/tei:head") == ["安全用气小贴士"]
    assert not any("抢修电话" in h for h in _texts(root, "//tei:body//tei:head"))
    assert not any(p.startswith("菖溪县燃气有限责任公司客户服务中心2025") for p in _paragraphs(root))


WORKS = ("菖州影像\n\n2025年第3期（总第47期）\n\n【佳作欣赏】\n\n## 摄影大赛获奖作品选登\n\n"
         "**编者按：**本期选登摄影大赛部分获奖作品，并请评委会主任逐幅作简要点评。\n\n"
         "《晨雾漫过青螺湾》（一等奖）\n\n杨启帆　摄　　拍摄地点：菖州市青螺湾湿地\n\n"
         "**点评：**作者抓住了日出前后雾气最浓的十几分钟，画面色调素净，层次分明。\n\n"
         "《老把式》（三等奖）\n\n黎晓棠　作品　　摄于双桥镇\n\n点评：一位老农蹲在田埂上，用粗糙的手指捻开一粒稻谷查看成色。\n\n"
         "（点评：卢秉章）\n")


def test_works_shown_with_their_prizes_and_a_judges_comments_are_one_piece():
    """A piece showing prize-winning works, each its 《title》（prize） over its credit line and the
    judge's 点评：…, blank lines between: one piece, the works no titles and each comment a paragraph
    of its own; before, a work credited 作品 was a piece and the comments ran into the credit lines."""
    for t in (WORKS, WORKS.replace("\n\n", "\n")):
        root = _doc(t)
        assert _heads(root) == ["摄影大赛获奖作品选登"]
        paras = _paragraphs(root)
        assert not any("拍摄地点" in p and "点评" in p for p in paras)


def test_a_profiles_unnumbered_sub_heads_after_a_photo_caption_and_in_bold():
    """A member's profile, the one piece its 目录 names, with unnumbered sub-heads, the first right
    under a photo's caption and credit, the last set bold, two works' captions credited 作品 between: sub-headings of the piece,
    the captions apart; before, the first ran into its paragraph, the last was a piece of its own and
    the captions ran together."""
    text = ("菖州影像\n\n2025年第3期（总第47期）\n\n目　　录\n\n【会员风采】\n\n守着一条老街，拍了十二年……………林小禾　4\n\n"
            "【会员风采】\n\n守着一条老街，拍了十二年\n\n——记市摄影家协会会员贺昭明\n\n"
            "文／林小禾\n\n" + PROSE + "\n\n贺昭明在仓前街的一家裁缝铺里拍摄。　林小禾　摄\n\n暗房里走出来的电工\n\n" + PROSE
            + "\n\n一条街，十二年\n\n" + PROSE + "\n\n《修伞的老周》（2016年）　贺昭明　作品\n\n"
            "《月亮底下的豆腐担子》（2019年）　贺昭明　作品\n\n“拍的是人，不是景”\n\n" + PROSE + "\n\n**把照片还给街坊**\n\n" + PROSE + "\n")
    root = _doc(text)
    assert _heads(root) == ["守着一条老街，拍了十二年"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "暗房里走出来的电工", "一条街，十二年", "“拍的是人，不是景”", "把照片还给街坊"]


def test_a_diarys_date_and_weather_over_its_entry_and_a_cover_caption_in_the_colophon():
    """A memoir quoting a diary's date and weather line over the entry, blank lines between, and a
    journal's 版权页 closed by the back cover's caption (封底：《…》　X　摄): the date line its own,
    the colophon found with the caption as a field; before, the entry ran into the date line and
    the colophon's fields ran together in paragraphs."""
    text = ("菖江老科协通讯\n\n2025年第2期　　总第86期\n\n【往事回眸】\n\n我在农科所的那些年\n\n许伯钧\n\n"
            "1964年夏天，早稻抽穗前后，菖江一带稻瘟病大发生。我翻出那年的工作日记，还能看到这样一段：\n\n"
            "一九六四年七月十八日　晴，闷热\n\n上午查田，三队的穗颈瘟病株率已达三成以上，社员心急如焚。\n\n"
            "主　　办：菖江市老科学技术工作者协会\n\n主　　编：周立衡\n\n印　　数：800册\n\n封底：《柿子红了》　郁风来　摄\n")
    root = _doc(text)
    assert "一九六四年七月十八日　晴，闷热" in _paragraphs(root)
    back = _texts(root, "//tei:back//tei:label")
    assert "主办：" in back and "封底：" in back


def test_a_bulleted_contents_heading_over_entries_with_their_pages():
    """A company paper's 导读 whose heading carries a bullet (``● 本期导读``) over ◆ entries each
    ending in its page (``◆ 阶梯气价一览　3版``): the contents list; before, the heading was a
    column and its entries paragraphs."""
    text = ("菖溪燃气\n\n菖溪县燃气有限责任公司主办\n\n2025年9月18日　第9期（总第86期）\n\n● 本期导读\n\n"
            "◆ 公司启动供气保障百日攻坚　1版\n◆ 阶梯气价一览　3版\n\n第一版　要闻\n\n公司启动供气保障百日攻坚\n\n"
            "本报讯（通讯员 戚晓岚）9月12日，公司召开今冬明春天然气保供工作动员会，正式启动为期一百天的供气保障攻坚行动。\n\n"
            "第三版　服务\n\n阶梯气价一览\n\n我县居民用气实行阶梯价格，以户为单位、按年度累计用气量计价。\n")
    root = _doc(text)
    assert _texts(root, "//tei:front//tei:div[@type='contents']/tei:head") == ["●本期导读"]
    assert _heads(root) == ["公司启动供气保障百日攻坚", "阶梯气价一览"]


def test_a_diarys_date_line_over_a_page_break():
    """A memoir's quoted diary: the date and weather line (一九六四年七月十八日　晴，闷热) ends a page,
    the entry opens the next under its folio and running head: the date line a paragraph of its own;
    before, the entry was read as the rest of a sentence the page break cut."""
    prose = "1964年夏天，早稻抽穗前后，菖江一带稻瘟病大发生。我翻出那年的工作日记，还能看到这样一段："
    text = ("菖江老科协通讯\n\n2025年第2期　　总第86期\n\n【往事回眸】\n\n我在农科所的那些年\n\n许伯钧\n\n" + prose
            + "\n\n一九六四年七月十八日　晴，闷热\n\n- 8 -\n\f菖江老科协通讯　　2025年第2期\n\n"
            "上午查田，三队的穗颈瘟病株率已达三成以上，社员心急如焚。\n\n后来的调查证实了老周的判断。\n\n- 9 -\n")
    root = _doc(text)
    assert "一九六四年七月十八日　晴，闷热" in [p.strip() for p in _paragraphs(root)]


def test_a_narrow_columns_title_and_sub_heading_the_wrap_cut():
    """A pdftotext copy of a paper's narrow column (about 13 characters): a title the column cut in
    two halves of one width, which its 导读 entry names whole, and numbered sub-headings whose last
    words the column carried to a line of their own (``（一）户内设施隐患占比仍然`` / ``较高``): one title
    and whole sub-headings; before, the title's first half was its 引题 and each tail a piece."""
    text = ("                 菖溪燃气\n     菖溪县燃气有限责任公司主办     2025年9月18日\n"
            "● 本期导读\n◆ 三季度安全隐患排查整治情况通报                2版\n\f"
            "第二版　综合\n"
            "第三季度安全隐患\n排查整治情况通报\n"
            + layout_column("7月至9月，公司按照全县城镇燃气安全专项整治工作部署，组织开展了第三季度安全隐患排查整治，"
                      "共组织综合检查4次、专项检查11次，检查门站、调压站等场站26座，入户安检1.8万户。", 13)
            + "\n    现将有关情况通报如下。\n一、存在的主要问题\n（一）户内设施隐患占比仍然\n较高\n"
            + layout_column("居民户内隐患共发现812处，占隐患总数的79%，主要是燃气胶管超期使用、灶具没有熄火保护装置、"
                      "燃气热水器安装在卫生间内和私自改装移动燃气设施。", 13)
            + "\n（二）餐饮场所安全管理不到\n位\n"
            + layout_column("部分餐饮商户没有按要求安装燃气泄漏报警装置，个别商户把液化气钢瓶和天然气管道混用，"
                      "后厨员工不会正确关闭阀门，应急处置能力不足。", 13)
            + "\n二、下一步工作\n"
            + layout_column("公司将针对排查发现的问题建立隐患整改台账，实行销号管理，对户内设施隐患逐户上门督促整改，"
                      "对餐饮场所开展联合执法检查，确保今冬明春全县燃气安全形势平稳有序。", 13) + "\n")
    root = _doc(text)
    assert _heads(root) == ["第三季度安全隐患排查整治情况通报"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "一、存在的主要问题", "（一）户内设施隐患占比仍然较高", "（二）餐饮场所安全管理不到位", "二、下一步工作"]
