"""Round 37 of the reader on series it has never seen (issue 21, on heldout-al, measured once after
round 36): each test names the class of text it reads and failed before the change that made it
pass (the last guards one of this round's rules against the case it first broke)."""

from __future__ import annotations

from convert.reader import read_issues
from convert.tei import xpath
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

BRIEFING = """内部资料　注意保存
文化和旅游工作简报
2025年第11期（总第119期）
菖溪县文化和旅游局　　　　　　　　　　　2025年11月28日
本期目录
全县冬季旅游推介会在古镇举行                                  1
菖溪古镇入选省级旅游休闲街区                                  1
文旅资讯                                                      2
工作要闻
全县冬季旅游推介会在古镇举行
　　11月20日，全县冬季旅游推介会在菖溪古镇举行，发布冰雪温泉、
民俗年俗、非遗研学等5条冬季精品线路，现场签约文旅项目3个，签约
金额1.2亿元。推介会还邀请了周边城市的40余家旅行社参加，组织了
古镇夜游、温泉体验等考察活动，旅行社代表对冬季线路的产品设计和
                          文旅简报 · 第1页
市场前景给予了积极评价。（县文化和旅游局产业发展股供稿）
景区动态
菖溪古镇入选省级旅游休闲街区
　　11月25日，省文化和旅游厅公布第三批省级旅游休闲街区名单，菖
溪古镇名列其中。古镇现有非遗工坊12家、特色民宿36家，全年接待游
客180万人次，今年以来古镇累计举办非遗展演、民俗巡游等活动46场，带动
                          文旅简报 · 第2页
周边农家乐和民宿增收。
【文旅资讯】
　　县图书馆：11月18日，县图书馆在南街社区开设第9家城市书房，配
置图书5000余册，实行自助借还，全年365天开放。
　　县博物馆:“菖溪竹编艺术展”于11月22日开展,展出竹编器物及制作
工具130余件,展期至明年2月28日,每周一闭馆.
　　县文化市场综合行政执法大队：11月份共检查网吧、歌舞娱乐场所、
旅行社等经营单位58家次，责令整改问题9个。
"""


def test_columns_a_contents_list_leaves_out_running_feet_and_briefs_by_unit():
    """A 简报 whose 目录 lists its pieces, not its columns: a short plain name where a piece ended
    (or the body begins) right over a listed title is the column's name (工作要闻, 景区动态); a
    running foot of the series' name and the page with a middle dot between (文旅简报 · 第1页) is
    furniture inside the paragraph it cuts, and numbers the page after it; a brief column's items opened by a body's name of
    up to sixteen characters, or by one whose colon and commas came out half-width, are brief items."""
    root = _doc(BRIEFING)
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["工作要闻", "景区动态", "【文旅资讯】"]
    assert _texts(root, "//tei:body//tei:fw[@type='pageNum']") == ["文旅简报·第1页", "文旅简报·第2页"]
    assert [pb.get("n") for pb in xpath(root, "//tei:body//tei:pb")] == ["2", "3"]  # numbered by the feet
    ps = _texts(root, "//tei:body//tei:p")
    assert any("旅行社代表对冬季线路的产品设计和文旅简报·第1页市场前景给予了积极评价" in p for p in ps)
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["县图书馆", "县博物馆", "县文化市场综合行政执法大队"]


NEWSLETTER = """内部资料　免费交流
侨 联 工 作 通 讯
（季刊）
2025年第4期（总第88期）
菖州市归国华侨联合会编                        2025年12月20日
【侨务动态】
市侨联召开四季度工作推进会
12月2日，菖州市侨联召开四季度工作推进会，总结前三季度工作，部署年底
各项任务。市侨联党组书记、主席韦秋实出席会议并讲话，各县（区）侨联主席
参加会议。
（市侨联办公室）
“侨心向党·同心筑梦”主题宣讲活动走进南岭
县侨乡村落
11月6日至8日，市侨联联合市委党史研究室在南岭县开展主题宣讲活动，宣讲
团先后来到3个侨乡村，开展宣讲5场，听众800余人次。老归侨讲述了自己回国
后在华侨农场垦荒种茶的经历，老人的讲述几次被掌声打断，引得在场的宗亲
· 1 ·
侨务动态
宣讲团成员在侨史陈列室前合影。　周明远　摄
连连称赞。宣讲团还向村里的侨史陈列室赠送了书籍30册。
（南岭县侨联　吴雅琴）
【侨界风采】
守好“侨”的根脉　讲好“侨”的故事
——访市侨联党组书记、主席韦秋实
本刊记者　林晓岚
记者：市侨联今年做了哪些工作？
答：我们重点做了三件事，一是办好夏令营，二是建设侨情数据库，三是推动
“侨胞之家”进社区，让归侨侨眷在家门口就能找到组织。
【侨乡文苑】
榕树下的信
［泰国］苏映雪
阿嬷总坐在老榕树下
等一封从湄南河来的信
信封上的邮票褪了色
像她鬓边的白发
后来信不来了
榕树的气根垂到了地上
（作者系泰国菖州同乡会理事）
"""


def test_a_hard_wrapped_newsletter_title_tail_page_top_caption_subtitle_and_a_foreign_poets_verse():
    """A 通讯 hard-wrapped with no blank lines or indents: a title's last words the wrap left alone
    over a news lead (…走进南岭 / 县侨乡村落 / 11月6日至8日，…) finish the title; a caption and its
    credit on a page's first line sit between the halves of the paragraph the page cut, which stay
    linked; a title of two phrases over its ——subtitle and author line is no run-in item; a poem
    under a title and a foreign author (［泰国］苏映雪) is verse, its author's note in brackets
    after it no verse line."""
    root = _doc(NEWSLETTER)
    assert _heads(root) == ["市侨联召开四季度工作推进会", "“侨心向党·同心筑梦”主题宣讲活动走进南岭县侨乡村落",
                            "守好“侨”的根脉讲好“侨”的故事", "榕树下的信"]
    assert _texts(root, "//tei:figure/tei:head") == ["宣讲团成员在侨史陈列室前合影。"]
    assert _texts(root, "//tei:p[@next]")[0].endswith("引得在场的宗亲")
    assert _texts(root, "//tei:p[@prev]")[0].startswith("连连称赞。")
    assert _texts(root, "//tei:head[@type='sub']") == ["——访市侨联党组书记、主席韦秋实"]
    assert len(_texts(root, "//tei:lg//tei:l")) == 6
    assert not any("作者系" in l for l in _texts(root, "//tei:l"))


NOTICE = """生态环境保护督查通报

第7期

菖溪县生态环境保护委员会办公室          2025年7月20日

　　　　　关于第三季度突出生态环境问题整改情况的督查通报

　　一、总体情况

　　7月上旬，县生态环境保护委员会办公室对各乡镇（街道）和县直有
关部门突出生态环境问题整改情况开展了集中督查，整改工作总体有序
推进，但少数单位仍存在整改不到位的问题。

　　二、典型问题清单

　　现将督查发现的典型问题列出如下，其余问题见附件：
　　　　　　　　　督查发现典型问题清单
序号　责任单位　　问题描述　　　　　　　　　　整改时限
　1 　东岭镇　　　金石石材加工厂沉淀池破损，　8月10日前
　　　　　　　　　废水经边沟流入菖水河
　2 　芦湾乡　　　生猪养殖合作社私设阀门，　　8月15日前
　　　　　　　　　雨天粪污外排
　3 　县住建局　　城东污水处理厂提标改造滞后　9月30日前
　　三、整改要求
　　请各乡镇（街道）和县直有关部门对照问题清单，逐项明确责任人、
整改措施和完成时限，于7月31日前将整改方案报县生态环境保护委员会
办公室。
"""


def test_a_table_set_by_its_column_heads_positions_whose_cells_hold_clauses():
    """A 督查通报's 问题清单 set with ideographic spaces, its 问题描述 cells clauses that wrap to the
    next line under their head: a table whose rows and wrapped rests are read by the heads'
    positions (TEI P5 §14.1.1), its caption centred under a lead ending in a colon, and the next
    sub-heading after it no row."""
    root = _doc(NOTICE)
    assert _texts(root, "//tei:table/tei:head") == ["督查发现典型问题清单"]
    assert _texts(root, "//tei:table/tei:row[@role='label']/tei:cell") == ["序号", "责任单位", "问题描述", "整改时限"]
    rows = xpath(root, "//tei:table/tei:row[not(@role)]")
    assert [["".join(c.itertext()) for c in r] for r in rows][:2] == [
        ["1", "东岭镇", "金石石材加工厂沉淀池破损，", "8月10日前"], ["", "", "废水经边沟流入菖水河"]]
    assert len(rows) == 5
    assert "三、整改要求" in _texts(root, "//tei:div[@type='subsection']/tei:head")
    assert any(p.endswith("其余问题见附件：") for p in _texts(root, "//tei:body//tei:p"))


PAPER = """菖山矿工报

2025年10月24日　第12期（总第340期）

菖山煤业集团主办

第2版　安全生产

四矿开展井下透水事故应急演练

    10月18日上午，四矿在2105掘进工作面开展井下透水事故应急演练，井下212名作业人员全部安全升井。

    演练结束后，矿领导对演练中暴露出的问题进行了点评，要求相关科室限期整改。

                                                                 通讯员　武晓东

    图为演练中，四矿救护队员将“受伤”人员抬上担架。　　　　　　通讯员 武晓东 摄

                                                      本版责编：石磊　　校对：梁晨
"""


def test_a_reporter_line_over_a_photo_caption_closes_the_story():
    """An enterprise paper: a reporter line (通讯员　X) set right under the story's last paragraph,
    over a photo's caption, is the story's byline, no photo column's name."""
    root = _doc(PAPER)
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == []
    assert _texts(root, "//tei:div[@type='article']/tei:byline") == ["通讯员武晓东"]


CASES = """市场监管工作简报

2025年第12期（总第147期）

菖溪县市场监督管理局编　　　　2025年6月27日

【消费提示】

夏季饮食安全提示

◆ 注意生熟分开。处理生肉的刀具、砧板要与熟食分开使用。
◆ 注意保留凭证。外出就餐要索要发票或保存订单截图，发生纠纷时便于维权。
如发现食品安全问题，可拨打12315投诉举报。

【典型案例】

菖溪县鑫禾副食店销售超过保质期食品案

基本案情：2025年3月12日，县局执法人员发现菖溪县鑫禾副食店货架上的2种饮料已超过保质期，共计47件。

处理结果：县局依法责令其改正，没收超过保质期食品，并处罚款5万元。

典型意义：超过保质期食品多见于农村小超市。本案警示食品经营者，必须落实进

进货查验记录和定期检查库存食品制度，及时清理超过保质期的食品。
"""


def test_a_cases_part_labels_are_no_form_fields_and_a_whole_bulleted_item_ends():
    """A 典型案例's parts run in after their labels (基本案情：…, 典型意义：…) are no form's fields: a
    part a page break cut goes on after the break (必须落实进 / 进货查验…); a bulleted item whose head
    and text end on its line (◆ 注意保留凭证。…便于维权。) does not run into the line under it."""
    root = _doc(CASES)
    ps = _texts(root, "//tei:body//tei:p")
    assert any(p.startswith("典型意义：") and p.endswith("及时清理超过保质期的食品。") for p in ps)
    assert "如发现食品安全问题，可拨打12315投诉举报。" in ps


def test_a_form_feed_inside_a_line_is_taken_out_as_the_command_line_takes_it():
    """A text handed to the reader with a form feed in the middle of a line (a folio, the page's
    end, then the next page's running head: ``— 1 —\\f市场监管工作简报…``), not prepared by the
    command line: the form feed is a page end, not a character the model could not hold (lxml
    refuses U+000C), and the round trip is exact."""
    text = CASES.replace("处理结果：", "— 1 —\f市场监管工作简报\n\n处理结果：")
    docs = read_issues(text, "t.txt")
    assert len(docs) == 1
    assert "".join(_texts(docs[0].root, "//tei:body//tei:p")).count("处理结果：") == 1


HONOURS = """国资国企信息

2024年第6期

菖塘县国资委编　　　　2024年6月28日

【表彰通报】

关于表彰县属国有企业改革先进集体和个人的决定

    各县属国有企业：

    为激励先进，县国资委决定对在改革深化提升行动中表现突出的先进集体和个人予以表彰。

    一、先进个人

    县城投集团：李　蓉　周文斌　邹海燕

    县交投集团：陶　然　梁志远

    县水务集团：黄晓东　孙　莉　吕建华

    希望受到表彰的先进集体和个人珍惜荣誉、再接再厉。
"""


def test_a_name_lists_rows_in_a_column_are_no_brief_items():
    """In a column (【表彰通报】), a 表彰 决定's rows of a body's name, a colon and people's names
    (``县城投集团：李　蓉　周文斌``), each opening indented: names, no clause, so no brief items of a
    column of unit：text reports (the rows stay paragraphs of the 决定). This guards round 37's own
    rule (an indented unit：text line with a comma after the colon counts among a column's items):
    without its comma test the three rows became brief items (heldout-y's 国资 pdftotext copy)."""
    root = _doc(HONOURS)
    assert _texts(root, "//tei:div[@type='brief']") == []
    assert "县城投集团：李蓉周文斌邹海燕" in _texts(root, "//tei:body//tei:p")
