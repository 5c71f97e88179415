"""Round 58 of the reader on series it has never seen (issue 21): heldout-bb's remaining cells.
Each test names the class of text it reads and failed before the change that made it pass. The
texts are written for the tests (invented places 菖溪, 菖州 and 菖川 and their offices)."""

from __future__ import annotations

from reader_doc import (article_heads as _heads, hard_wrap as _wrap, one_document as _doc, paragraphs as _paragraphs,
                        texts as _texts)

TEI = "{http://www.tei-c.org/ns/1.0}"


PAPER = ("# 菖州车务报\n\n中共菖州车务段委员会主办\n\n2025年6月20日　第12期（总第320期）\n\n**本期导读**\n\n"
         "● 防溜不到位问题剖析　　2版\n\n")
NEWS = ["本报讯（通讯员 柯蓝）6月18日，段召开安全生产推进会，总结上半年安全生产工作，部署暑期运输各项重点任务。",
        "会议要求，各车间要严格落实干部现场盯控制度，对查出的违章问题实行“一事一分析”，确保暑运安全有序。"]


def test_a_bold_column_name_over_a_marked_title_after_a_box_of_tips():
    """In a paper's Markdown leftovers, a short bold name (``**安全警示**``) over a ``##`` title,
    standing right after a box of ①–③ tips (no credit ending a piece above it): the column the
    title stands in, a section; before, it was an empty article of its own."""
    text = (PAPER + "## 段召开安全生产推进会\n\n" + "\n\n".join(NEWS) + "\n\n高温作业安全提示\n\n"
            "①合理安排作业时间，尽量避开高温时段进行露天作业。\n\n②作业现场备足饮用水和防暑药品，作业人员要少量多次饮水。\n\n"
            "③发现有人出现中暑症状，要立即转移至阴凉处并及时报告。\n\n**安全警示**\n\n## 防溜不到位问题剖析\n\n"
            "6月3日，菖溪站在调车作业中发生一起因防溜措施不落实导致车辆溜动的问题，教训十分深刻。\n\n"
            "问题发生后，段组织专业人员对全段防溜设备进行了全面检查，对相关责任人作出了处理。\n")
    root = _doc(text)
    assert "安全警示" not in _heads(root)
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["安全警示"]
    assert "防溜不到位问题剖析" in _heads(root)


def test_a_title_the_contents_list_leaves_out_after_a_piece_without_credit_over_a_dated_lead():
    """A 简报 whose 要目 names some pieces: after a piece that ends with its last sentence (no
    credit), a title the 要目 leaves out, over a lead opening with its time (``5月中旬，…``), blank
    lines between all lines: that piece's title; before, it ran into the lead's paragraph."""
    text = ("内部资料\n\n菖溪县计生协工作简报\n\n第5期（总第93期）\n\n菖溪县计划生育协会　　　　　　2025年6月6日\n\n"
            "本期要目\n\n全县计生家庭帮扶工作推进会召开\n\n青春健康教育实现全县中学全覆盖\n\n【工作动态】\n\n"
            "全县计生家庭帮扶工作推进会召开\n\n5月22日，县计生协召开全县计生家庭帮扶工作推进会，总结前一阶段工作，部署下一步任务。\n\n"
            "会上，柳湾镇、龙湾镇计生协作了交流发言。\n\n县计生协开展婴幼儿照护服务需求调研\n\n"
            "5月中旬，县计生协会同县卫生健康委组成调研组，深入8个村（社区），对婴幼儿家庭的照护服务需求开展专题调研。\n\n"
            "调研发现，全县3岁以下婴幼儿主要由祖辈照料，有托育需求的家庭占41.2%。\n\n【青春健康】\n\n"
            "青春健康教育实现全县中学全覆盖\n\n今年以来，县计生协在全县12所中学开展青春健康教育，覆盖学生9800余人。\n\n"
            "（县计生协供稿）\n")
    root = _doc(text)
    assert _heads(root) == ["全县计生家庭帮扶工作推进会召开", "县计生协开展婴幼儿照护服务需求调研",
                            "青春健康教育实现全县中学全覆盖"]
    assert not any(p.startswith("县计生协开展") for p in _paragraphs(root))


def test_body_labelled_lines_under_a_leads_colon_in_an_indented_layout_are_no_brief_items():
    """A 通报 in a pdftotext copy (every paragraph indented, no blank lines) whose sub-heading
    ``（二）督促提醒`` opens a lead ending in a colon over three lines each labelled by a township
    (``马坪乡：签约项目1个，…；``): the lead's list, lines of the article; before, they were brief
    items with the townships as heads."""
    text = ("    内部资料\n    菖川县招商引资工作简报\n    第7期（总第93期）\n"
            "    菖川县招商引资工作领导小组办公室              2025年7月28日\n"
            "    【工作通报】\n    关于2025年上半年招商引资工作情况的通报\n    各乡镇人民政府，县直有关单位：\n"
            "    现将2025年上半年全县招商引资工作情况通报如下。\n    一、总体情况\n"
            "    上半年，全县新签约项目26个，合同投资38.6亿元，完成年度任务的55.1%，各项指标均好于去年同期。\n"
            "    二、表扬和督促\n    （一）通报表扬\n    对综合得分前三名的单位予以通报表扬：城关镇、白鹭镇、菖川经济开发区。\n"
            "    （二）督促提醒\n    对以下综合得分排名靠后、任务完成明显滞后的单位予以督促提醒：\n"
            "    马坪乡：签约项目1个，合同投资0.8亿元，完成年度任务的10.0%；\n"
            "    花溪乡：签约项目1个，合同投资0.4亿元，完成年度任务的5.0%；\n"
            "    松林乡：签约项目0个，到位资金为零。\n"
            "    请以上3个乡主要负责同志高度重视，认真查找原因，于8月10日前书面报告下半年工作措施。\n"
            "    菖川县招商引资工作领导小组办公室\n    2025年7月28日\n")
    root = _doc(text)
    assert not list(root.iter(f"{TEI}div[@type='brief']")) and not [
        d for d in root.iter(f"{TEI}div") if d.get("type") == "brief"]
    assert not any(h in ("马坪乡", "花溪乡", "松林乡") for h in _texts(root, "//tei:body//tei:head"))
    assert any(p.startswith("马坪乡：签约项目1个") for p in _paragraphs(root))


def test_a_newspaper_title_centred_over_two_lines_between_its_kicker_and_its_dash_subtitle():
    """A pdftotext copy of a paper's front page: a 引题, the title centred over two lines
    (``段召开“安全生产月”`` / ``暨暑运动员大会``) and its ——副题 under them: the kicker, one title
    of the two lines and the subtitle; before, the title's second line began the subtitle."""
    text = ("                              菖州车务报\n"
            "           中共菖州车务段委员会主办              2025年6月20日\n"
            "                   压紧压实安全责任  全力保障暑期运输\n"
            "                           段召开“安全生产月”\n"
            "                             暨暑运动员大会\n"
            "                ——部署12项重点措施  确保暑期运输安全有序\n"
            "    本报讯（通讯员 路晓彤）6月18日，段召开“安全生产月”推进暨暑期运输动员大会，总结上半年安全生\n"
            "产工作，分析当前安全形势，部署暑运期间各项重点任务。\n"
            "    会议要求，各车间要严格落实干部现场盯控制度，持续推进违章整治，确保暑运安全有序。\n")
    root = _doc(text)
    assert _heads(root) == ["段召开“安全生产月”暨暑运动员大会"]
    assert _texts(root, "//tei:body//tei:div[@type='article']/tei:head[@type='kicker']") == ["压紧压实安全责任全力保障暑期运输"]
    assert _texts(root, "//tei:body//tei:div[@type='article']/tei:head[@type='sub']") == ["——部署12项重点措施确保暑期运输安全有序"]


def test_a_wrapped_line_of_prose_ending_where_a_listed_titles_start_is_quoted():
    """Hard-wrapped prose whose line stops mid-clause (``…学会举办``) over a line that holds only the
    start of a title the 目录 lists (``第十二届“菖州杯”征``, the prose quoting it, the rest after
    an old page break): one paragraph; before, that start was taken for the title itself, a piece
    of its own."""
    council = ("8月2日，市楹联学会召开三届五次理事会，审议通过了下半年工作安排，研究了第十二届“菖州杯”征对活动方案，"
               "部署了楹联进校园、进乡村等重点工作，要求各分会认真抓好落实。会议还通报了上半年会员发展情况，"
               "上半年学会新发展会员36名，其中青年会员21名，会员总数达到418名，会员结构进一步优化。会议强调，"
               "各分会要把培养青年作者作为一项长期任务，每季度至少组织一次创作交流活动，推出更多反映菖州新风貌的佳作。")
    text = ("菖州楹联\n\n2025年第3期（总第58期）\n\n菖州市楹联学会主办\n\n目　录\n\n"
            "【会务动态】\n\n市楹联学会召开三届五次理事会……………………………………2\n\n"
            "【征联天地】\n\n第十二届“菖州杯”征对启事………………………………………………3\n\n"
            "【会务动态】\n\n市楹联学会召开三届五次理事会\n\n" + _wrap(council, 24) + "\n\n"
            "【征联天地】\n\n第十二届“菖州杯”征对启事\n\n"
            "为繁荣楹联创作，展示菖州风貌，菖州市楹联学会举办\n第十二届“菖州杯”征\n\n· 3 ·\n\n菖州楹联　　2025年第3期\n\n"
            "对活动。现将有关事项公告如下：\n\n一、征对出句\n\n本届出句为：“菖水悠悠，半城烟柳半城月”。\n\n"
            "二、来稿要求\n\n每位作者限投两副，须原创，未在任何报刊和网络发表。\n")
    root = _doc(text)
    assert _heads(root) == ["市楹联学会召开三届五次理事会", "第十二届“菖州杯”征对启事"]
    assert any("学会举办第十二届“菖州杯”征" in p for p in _paragraphs(root))
