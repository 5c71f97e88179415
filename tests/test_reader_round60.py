"""Round 60 of the reader on series it has never seen (issue 21): heldout-bd after its first
measure. Each test names the class of text it reads and failed before the change that made it
pass (at f83d6f0). The texts are written for the tests (invented places 菖溪, 菖州 and 菖川 and
their offices)."""

from __future__ import annotations

from reader_doc import (article_heads as _heads, furniture as _fw, layout_column, one_document as _doc,
                        paragraphs as _paragraphs, texts as _texts)

TEI = "{http://www.tei-c.org/ns/1.0}"

PROSE = ("冬天一到，不少老年朋友减少了户外活动，其实只要方法得当，在家里也能把身体活动开，"
         "关键是量力而行、循序渐进，练完以后身上微微发热就好，不必追求出汗，更不能勉强自己。")
PAGE = "\n\n".join([PROSE] * 4)


def test_running_heads_whose_verso_carries_the_issue_beside_the_folio():
    """A journal's running heads, the verso's folio between middle dots before the title and the
    issue (``·4·　菖州老年体育　2025年第4期``), the recto's after the column's name (``健身指导　·5·``),
    one cutting a paragraph: furniture, the paragraph one; before, the versos were text."""
    cut = "选一把四腿稳固、没有轮子的靠背椅，椅面高度以坐下后大腿与地面平行为宜，练习时"
    text = ("# 菖州老年体育\n\n2025年第4期　总第76期\n\n菖州市老年人体育协会　主办\n\n【健身指导】\n\n寒冬居家坐姿操\n\n"
            "市老年体协健身指导站　甘立新\n\n" + PAGE + "\n\n·2·　菖州老年体育　2025年第4期\n\n" + PAGE + "\n\n健身指导　·3·\n\n"
            + PAGE + "\n\n" + cut + "\n\n·4·　菖州老年体育　2025年第4期\n\n只坐椅面的前三分之一。\n\n" + PAGE + "\n\n健身指导　·5·\n\n" + PAGE + "\n")
    root = _doc(text)
    assert {"·2·　菖州老年体育　2025年第4期", "健身指导　·3·", "·4·　菖州老年体育　2025年第4期", "健身指导　·5·"} <= set(_fw(root))
    assert any(p.startswith(cut) and p.endswith("只坐椅面的前三分之一。") for p in _paragraphs(root))


def test_a_profiles_sub_heads_under_its_editors_note_and_a_bold_one_over_numbered_points():
    """A 会刊's profile whose first unnumbered sub-head stands right under its 编者按 (“六十岁才摸球
    杆”), the next set bold, and a fitness piece's bold sub-head over its numbered movements
    (``**动作要领**`` / 1.转头望肩 …): sub-headings of their pieces; before, the first ran into the
    text and the bold ones were pieces of their own."""
    text = ("菖州老年体育\n\n2025年第4期　总第76期\n\n目　　录\n\n【健身指导】\n\n寒冬居家坐姿操……………………甘立新　7\n\n"
            "【人物风采】\n\n一根球杆　三十春秋……………………冉秀芝　9\n\n【健身指导】\n\n# 寒冬居家坐姿操\n\n"
            "市老年体协健身指导站　甘立新\n\n" + PROSE + "\n\n练前准备\n\n" + PROSE + "\n\n**动作要领**\n\n1.转头望肩\n\n"
            "上身坐直，头慢慢转向左侧，眼睛看左肩，停留两三秒后还原，再转向右侧，左右各做8次。\n\n2.耸肩绕环\n\n"
            "两手自然放在大腿上，双肩同时向上耸起，再向后、向下绕环，做8次后反方向再做8次。\n\n练习提示\n\n" + PROSE
            + "\n\n【人物风采】\n\n# 一根球杆　三十春秋\n\n——记市老年人体育协会会员龚守田\n\n文／冉秀芝\n\n"
            "**编者按：**九十岁的龚守田打了三十年门球，他的故事告诉我们，运动从什么时候开始都不晚。\n\n"
            "“六十岁才摸球杆”\n\n" + PROSE + "\n\n**“记分本上有三十年”**\n\n" + PROSE + "\n")
    root = _doc(text)
    assert _heads(root) == ["寒冬居家坐姿操", "一根球杆　三十春秋"] or _heads(root) == ["寒冬居家坐姿操", "一根球杆三十春秋"]
    subs = _texts(root, "//tei:div[@type='subsection']/tei:head")
    assert {"练前准备", "动作要领", "练习提示", "“六十岁才摸球杆”", "“记分本上有三十年”"} <= set(subs)


def test_a_poems_author_line_of_a_works_unit_and_a_table_caption_over_its_unit_line():
    """A company paper: a table's caption over its unit line (``交通量单位：辆/日``) and rows, its
    bold **注**：… under it, and on the 副刊 a modern poem whose author line names a road company's
    field unit (``◎ 石门养护工区　孔维``): the caption the table's head, the note no brief and the
    poem verse with its byline; before, the caption and 注 were pieces and the poem ran together."""
    text = ("菖州高速\n\n菖州高速公路运营管理有限公司主办\n\n2025年10月24日　第10期（总第158期）\n\n"
            "## 前三季度路网交通量稳中有升\n\n本报讯（通讯员 欧阳青禾）据监控调度中心统计，今年1月至9月，公司所辖3条高速公路全线平均日交通量同比增长3.5%。\n\n"
            "2025年1—9月公司所辖路段交通量统计\n\n交通量单位：辆/日\n\n"
            "路段            里程（公里）    日均交通量    同比\n菖州绕城高速    56              48260         +5.2%\n"
            "S26菖安高速     79              36410         +3.9%\nS31菖临高速     53              21870         -1.4%\n\n"
            "**注**：交通量为断面交通量；同比为与2024年1—9月相比。\n\n分路段看，菖州绕城高速受城市东扩带动，交通量增幅最大。\n\n"
            "菖　路\n\n秋晨，在养护路上\n\n◎ 石门养护工区　孔维\n\n天还没亮透，我们就出发了\n橘黄的工作服，是这条路上\n最早醒来的颜色\n"
            "锥形桶一只只排开，像一行标点\n\n我们给路面补上秋天的裂缝\n给护栏拧紧松动的螺丝\n把落叶和碎石扫进簸箕\n也把一夜的露水\n轻轻扫进晨光里\n")
    root = _doc(text)
    assert "2025年1—9月公司所辖路段交通量统计" not in _heads(root) and "注" not in _heads(root)
    assert _texts(root, "//tei:table/tei:head")[0].startswith("2025年1—9月公司所辖路段交通量统计")
    poem = [lg for lg in root.iter(f"{TEI}lg") if lg.get("type") == "poem"]
    assert poem and "".join(poem[0].itertext()).count("我们给路面补上秋天的裂缝") == 1
    assert not any("天还没亮透，我们就出发了橘黄" in p for p in _paragraphs(root))


def test_a_line_without_the_bullet_of_a_brief_columns_items_ends_the_column():
    """A paper's ▲ 快讯 column of items with run-in heads, then the next story's 引题 of two phrases
    apart by a gap (``以案为鉴　警钟长鸣``) over its title and 本报讯, no blank lines: the 引题 and
    the title of that story; before, the 引题's first phrase was a brief item's head and the title its
    text."""
    text = ("菖州高速\n菖州高速公路运营管理有限公司主办\n2025年10月24日　第10期（总第158期）\n第二版　综合\n"
            "快　讯\n▲石门养护工区开展隧道火灾应急演练　10月16日，石门养护工区联合消防救援站开展隧道火灾应急演练。（通讯员 孔维）\n"
            "▲公司开展冬季除冰融雪物资储备专项检查　10月21日至23日，公司对各养护工区除冰融雪物资储备情况进行了检查。（通讯员 黎小满）\n"
            "以案为鉴　警钟长鸣\n公司组织干部职工观看安全生产警示教育片\n"
            "本报讯（通讯员 单一鸣）10月22日，公司组织机关各部门和各收费站的180余名干部职工，集中观看安全生产警示教育片。\n")
    root = _doc(text)
    assert "公司组织干部职工观看安全生产警示教育片" in _heads(root)
    assert _texts(root, "//tei:div[@type='article']/tei:head[@type='kicker']") == ["以案为鉴警钟长鸣"]


def test_a_layout_copys_titles_centred_over_two_lines_and_an_entry_cut_inside_its_bracket():
    """A pdftotext copy of a 简报: a 要目 entry cut inside its bracket, the rest set in (``…讲话（摘`` /
    ``要）``); a speech's ——subtitle as wide as the measure, its rest set in under it; a title
    centred over two lines after a place and a colon (``菖塘村：`` / ``“三议两公开”…``); a 通报's
    title centred over two lines (``关于…试点`` / ``工作督导情况的通报``): one entry, one subtitle and
    two titles; before, the entry's rest ended the list and each second line was a piece."""
    speech = ("我县承担农村宅基地制度改革试点任务以来，各乡镇、各部门按照省、市统一部署，坚持边试点、边总结、边完善，"
              "完成了基础信息调查，建立了资格权认定、有偿使用和自愿退出等制度，试点工作取得了阶段性成效。")
    case = ("菖塘镇菖塘村地处丘陵，全村412户1536人，常年外出务工人员占六成以上，闲置宅基地和房屋较多，"
            "村里通过村民议事会商议、村民代表大会审议、党员大会评议，做到方案公开、结果公开。")
    notice = ("各乡镇按照县宅改办的部署，认真开展了5月份试点工作，现将督导情况通报如下。总体看，各乡镇工作推进有序，"
              "但也有个别乡镇进度偏慢，资格权认定工作还不够扎实，需要在下一步工作中切实加以改进。")
    text = ("                内部资料\n          农村宅基地制度改革试点工作简报\n              2025年第6期（总第21期）\n"
            "  菖溪县农村宅基地制度改革试点工作领导小组办公室     2025年6月16日\n\n"
            "                本 期 要 目\n◆何砚秋在全县宅基地制度改革试点工作推进会上的讲话（摘\n    要）\n"
            "◆菖塘村“三议两公开”推动闲置宅基地有序退出\n◆县宅改办通报5月份试点工作督导情况\n\n"
            "【领导讲话】\n\n            稳慎推进改革试点　守牢底线激发活力\n"
            "    ——县委副书记何砚秋在全县农村宅基地制度改革试点\n          工作推进会上的讲话（摘要）\n\n" + layout_column(speech, 26)
            + "\n\n【典型经验】\n\n                       菖塘村：\n         “三议两公开”让闲置宅基地退得出用得活\n\n" + layout_column(case, 26)
            + "\n\n【督导通报】\n\n          关于5月份全县农村宅基地制度改革试点\n                   工作督导情况的通报\n\n" + layout_column(notice, 26) + "\n")
    root = _doc(text)
    assert _texts(root, "//tei:front//tei:div[@type='contents']//tei:item")[0].endswith("（摘要）")
    assert _heads(root)[-2:] == ["菖塘村：“三议两公开”让闲置宅基地退得出用得活", "关于5月份全县农村宅基地制度改革试点工作督导情况的通报"]
    assert _texts(root, "//tei:div[@type='article']/tei:head[@type='sub']") == [
        "——县委副书记何砚秋在全县农村宅基地制度改革试点工作推进会上的讲话（摘要）"]
