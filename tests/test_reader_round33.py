"""Round 33 of the reader on series it has never seen (issue 21): each test names the class of
text it reads and failed before the change that made it pass."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.tei import xpath


#: A journal's contents list in two columns side by side as ``pdftotext -layout`` keeps it, each
#: entry's page after a wide gap and no leader, one entry worded unlike its title.
TWO_COLUMN_NO_LEADERS = """
                    柘 溪 县 文 化 馆 馆 讯

                    2025年第4期（总第40期）

      柘溪县文化馆编                                  2025年12月

                          本 期 目 录

      【馆务动态】                          【群文天地】
      乡村文艺队伍覆盖全县   2              在老戏台前读懂乡愁       4
      第五届“柘溪艺术节”闭幕   2            【馆藏珍品】
      【培训辅导】                          清代《柘溪竹枝词》抄本   5
      写给孩子的剪纸课         3            冬夜，去文化馆（诗）     6


      【馆务动态】

                       乡村文艺队伍实现乡镇全覆盖

          11月20日，随着鹤岭乡文艺队完成组建，全县12个乡镇都有了自己的文艺队伍。
      今年以来，县文化馆把基层文艺队伍建设作为重点工作，为各队配备音响设备。

                       第五届“柘溪艺术节”闭幕

          11月22日，第五届“柘溪艺术节”在县文化中心闭幕，共举办演出36场。

      【培训辅导】

                         写给孩子的剪纸课

          县文化馆本月开设少儿剪纸公益课四期，每期二十人，报名很快额满。

      【群文天地】

                         在老戏台前读懂乡愁

          老戏台在村口的槐树下，小时候每逢年节，戏班子就在这里唱上三天。

      【馆藏珍品】

                       清代《柘溪竹枝词》抄本

          这部抄本共收竹枝词一百二十首，写的是清代柘溪的风土人情。

                        冬夜，去文化馆

          灯亮在街角，
          像一本打开的书。
"""


def test_a_two_column_contents_list_without_leaders_is_read_column_by_column():
    """A contents list set in two columns side by side whose entries print their pages after a
    wide gap, no leader (a 目次 without leaders, GB/T 3179-2009, as ``pdftotext -layout`` keeps
    it), under its heading (本期目录): each cell its own entry, the left column read before the
    right one, and each entry names its article, even one the list words unlike its title."""
    root = _doc(TWO_COLUMN_NO_LEADERS)
    items = _texts(root, "//tei:front//tei:div[@type='contents']//tei:item")
    assert "乡村文艺队伍覆盖全县2" in items and "在老戏台前读懂乡愁4" in items and "【群文天地】" in items
    assert not any("【群文天地】" in i and "【馆务动态】" in i for i in items)
    assert _heads(root)[:2] == ["乡村文艺队伍实现乡镇全覆盖", "第五届“柘溪艺术节”闭幕"]
    assert "在老戏台前读懂乡愁" in _heads(root)
    target = xpath(root, "//tei:item/tei:ref[starts-with(., '乡村文艺队伍')]/@target")[0][1:]
    assert _texts(root, f"//tei:div[@xml:id='{target}']/tei:head") == ["乡村文艺队伍实现乡镇全覆盖"]


#: A text whose paragraphs open indented (段首空两字, no blank lines between them), with a column
#: of book records (书名：/作者：/索书号：, each line indented, two fields on some) set between titles.
INDENTED_RECORDS = '柘溪县图书馆馆讯\n\n2025年第9期\n\n柘溪县图书馆编\u3000\u3000\u3000\u30002025年12月1日\n\n\n\n冬修水利工作全面展开一\n\n    本月以来，全县各乡镇按照年初部署，组织开展冬季农田水利基\n本建设，清淤疏浚沟渠一百二十余公里，新修机耕道路十八公里，整\n修山塘水库二十六座，完成投资三千二百万元。\n    各地把项目建设和群众需求结合起来，先由村民代表提出需要整\n修的沟渠和道路，再由乡镇组织技术人员现场勘查，确定工程量和投\n资规模，做到项目公开、资金公开、进度公开，接受群众监督。\n    县农业农村局抽调技术骨干组成三个指导组，分片包干，深入工\n地现场指导，及时解决施工中遇到的技术难题，确保工程质量和施工\n安全，全县没有发生一起安全事故。\n    下一步，全县将继续加大投入，争取在明年春耕前全面完成各项\n建设任务，为粮食生产打下坚实基础，确保全年粮食播种面积稳定在\n六十万亩以上。\n\n\n冬修水利工作全面展开二\n\n    本月以来，全县各乡镇按照年初部署，组织开展冬季农田水利基\n本建设，清淤疏浚沟渠一百二十余公里，新修机耕道路十八公里，整\n修山塘水库二十六座，完成投资三千二百万元。\n    各地把项目建设和群众需求结合起来，先由村民代表提出需要整\n修的沟渠和道路，再由乡镇组织技术人员现场勘查，确定工程量和投\n资规模，做到项目公开、资金公开、进度公开，接受群众监督。\n    县农业农村局抽调技术骨干组成三个指导组，分片包干，深入工\n地现场指导，及时解决施工中遇到的技术难题，确保工程质量和施工\n安全，全县没有发生一起安全事故。\n    下一步，全县将继续加大投入，争取在明年春耕前全面完成各项\n建设任务，为粮食生产打下坚实基础，确保全年粮食播种面积稳定在\n六十万亩以上。\n\n\n冬修水利工作全面展开三\n\n    本月以来，全县各乡镇按照年初部署，组织开展冬季农田水利基\n本建设，清淤疏浚沟渠一百二十余公里，新修机耕道路十八公里，整\n修山塘水库二十六座，完成投资三千二百万元。\n    各地把项目建设和群众需求结合起来，先由村民代表提出需要整\n修的沟渠和道路，再由乡镇组织技术人员现场勘查，确定工程量和投\n资规模，做到项目公开、资金公开、进度公开，接受群众监督。\n    县农业农村局抽调技术骨干组成三个指导组，分片包干，深入工\n地现场指导，及时解决施工中遇到的技术难题，确保工程质量和施工\n安全，全县没有发生一起安全事故。\n    下一步，全县将继续加大投入，争取在明年春耕前全面完成各项\n建设任务，为粮食生产打下坚实基础，确保全年粮食播种面积稳定在\n六十万亩以上。\n\n\n【新书推荐】\n\n\n巷子深处\n\n    书名：《巷子深处》\n    作者：程望舒 著          出版社：江岸文艺出版社\n    索书号：I267/C447         出版时间：2025年6月\n    这是一部散文集，写一座小城的老街。\n\n节气的约定\n\n    书名：《节气的约定》\n    作者：米禾 著          出版社：青苗少年儿童出版社\n    索书号：P462/M52         出版时间：2025年6月\n    绘本以一个乡村女孩和爷爷的一年为线索。\n\n把日子过成手艺\n\n    书名：《把日子过成手艺》\n    作者：韦砚秋 著          出版社：南楼书局\n    索书号：TS97/W421         出版时间：2025年6月\n    一只磕破的瓷碗也能重新变得好用。\n\n河边的学校\n\n    书名：《河边的学校》\n    作者：苏晓 著          出版社：江岸文艺出版社\n    索书号：I247/S12         出版时间：2025年6月\n    小说写一所河边小学的六十年。\n\n\n全县开展农产品质量安全检查一\n\n    各地把项目建设和群众需求结合起来，先由村民代表提出需要整\n修的水渠和道路，再由乡镇组织技术人员现场勘查，确定工程量和投\n资规模，做到项目公开、资金公开、进度公开，接受群众监督。\n    县农业农村局抽调技术骨干组成三个指导组，分片包干，深入工\n地现场指导，及时解决施工中遇到的技术难题，确保工程质量和施工\n安全，全县没有发生一起安全事故。\n    下一步，全县将继续加大投入，争取在明年春耕前全面完成各项\n建设任务，为粮食生产打下坚实基础，确保全年粮食播种面积稳定在\n六十万亩以上。\n    本月以来，全县各乡镇按照年初部署，组织开展冬季农田水利基\n本建设，清淤疏浚水渠一百二十余公里，新修机耕道路十八公里，整\n修山塘水库二十六座，完成投资三千二百万元。\n\n\n全县开展农产品质量安全检查二\n\n    各地把项目建设和群众需求结合起来，先由村民代表提出需要整\n修的水渠和道路，再由乡镇组织技术人员现场勘查，确定工程量和投\n资规模，做到项目公开、资金公开、进度公开，接受群众监督。\n    县农业农村局抽调技术骨干组成三个指导组，分片包干，深入工\n地现场指导，及时解决施工中遇到的技术难题，确保工程质量和施工\n安全，全县没有发生一起安全事故。\n    下一步，全县将继续加大投入，争取在明年春耕前全面完成各项\n建设任务，为粮食生产打下坚实基础，确保全年粮食播种面积稳定在\n六十万亩以上。\n    本月以来，全县各乡镇按照年初部署，组织开展冬季农田水利基\n本建设，清淤疏浚水渠一百二十余公里，新修机耕道路十八公里，整\n修山塘水库二十六座，完成投资三千二百万元。\n'


def test_indented_record_lines_in_a_part_of_an_indent_marked_text_stay_lines():
    """In a text that marks its paragraphs by their first-line indent, a part set off by two blank
    lines whose few paragraphs follow titles (a 新书推荐 column of records, each field line
    indented) is read by the whole text's indent too: each indented line opens its own
    paragraph; a part parts its paragraphs by blank lines only where it shows it."""
    root = _doc(INDENTED_RECORDS)
    paragraphs = _texts(root, "//tei:body//tei:p")
    assert "作者：程望舒著出版社：江岸文艺出版社" in paragraphs
    assert "索书号：I267/C447出版时间：2025年6月" in paragraphs
    assert "这是一部散文集，写一座小城的老街。" in paragraphs


#: A 督查通报's 版头 with its document's number (发文字号) under the issue number and two issuing
#: bodies, hard-wrapped with no blank lines; an enumeration opened by a colon whose last item's
#: first line fills the measure.
DOC_NUMBER_NOTICE = """重点工作督查通报
2025年第2期
柘督通〔2025〕2号
中共柘溪县委督查室
柘溪县人民政府督查室　　　　　　2025年5月20日
关于全县春季植树造林工作的督查通报
4月中旬，县委督查室、县政府督查室组成督查组，对全县各乡镇春
季植树造林工作进行了专项督查。现将有关情况通报如下。
一、总体情况
各乡镇高度重视春季植树造林工作，完成造林面积1.2万亩，占年度任
务的86%。督查中也发现，部分乡镇存在重栽轻管问题，主要有以下情
形：
（1）一些乡镇新造林地块补植不及时，成活率不到八成，个别地块
苗木已经枯死。
（2）部分村护林员巡护不到位，新栽苗木遭到牛羊啃食。
（3）个别乡镇造林档案资料不全，小班图斑与实地位置对不上
号，造林面积无法核实。
（4）部分地块整地质量不高，挖穴深度不够，回填表土时混入石
块，影响苗木生长。
二、下步要求
各乡镇要在6月底前完成补植补造，确保成活率达到九成以上。
"""


def test_a_document_number_in_the_masthead_is_the_issues_identifier_not_a_title():
    """A 发文字号 under the issue number (GB/T 9704-2012 7.2.4) is a line of the 版头: the title
    page's imprint holds it as ``idno type="docNumber"`` and the header's ``monogr`` too; the two
    issuing bodies under it are the masthead's, not the first article's title."""
    root = _doc(DOC_NUMBER_NOTICE)
    assert _texts(root, "//tei:titlePage//tei:idno[@type='docNumber']") == ["柘督通〔2025〕2号"]
    assert _texts(root, "//tei:monogr/tei:idno[@type='docNumber']") == ["柘督通〔2025〕2号"]
    assert _heads(root) == ["关于全县春季植树造林工作的督查通报"]


def test_the_last_item_of_an_enumeration_opened_by_a_colon_is_no_sub_heading():
    """The items （1）…（4） of an enumeration a sentence opens with a colon (…主要有以下情形：) are
    run in, each a paragraph, even the one whose first line fills the measure with no mark in it
    (GB/T 15834-2011 B.3.8: the items of one series share their form)."""
    root = _doc(DOC_NUMBER_NOTICE)
    subs = _texts(root, "//tei:div[@type='subsection']/tei:head")
    assert subs == ["一、总体情况", "二、下步要求"]
    assert any(p.startswith("（4）部分地块整地质量不高") and p.endswith("影响苗木生长。") for p in _texts(root, "//tei:body//tei:p"))


#: A company paper's page 2 opening with a 报眉 whose page tag prints the number beside the page's
#: name, no 版 (``2　综合新闻``), then the paper's title and the date.
PAGE_TAG_NEWSPAPER = """　　　　　　　　　　　　　榆　溪　港　讯

　　　　　　榆溪港务集团主办　　　　　　　　　　　2025年9月12日　星期五
　　　　　　　　　　　　　　　　　　　　　　　　总第600期　　今日2版

　　　　　　　　　　集团召开安全生产工作会议

　　本报讯（记者 江河）9月10日，集团召开安全生产工作会议，部署下一阶段重点工作。会议要求，各单位要紧盯重点环节，落实安全责任。

本版责编：林一　　校对：王二

\f2　综合新闻                       榆溪港讯                        2025年9月12日

　　　　　　　　　　北港码头完成设备检修

　　本报讯（通讯员 宋远）9月上旬，北港码头利用生产间隙完成门机设备年度检修，共更换零部件86件。

本版责编：林一　　校对：王二
"""


def test_a_page_tag_of_number_and_name_in_a_running_head_with_title_and_date_is_a_page_label():
    """A 报眉 that prints the page's number beside its name, no 版 (``2　综合新闻``), with the paper's
    title and the date: the page's label (``pb@n`` 2, ``fw``), never a heading."""
    root = _doc(PAGE_TAG_NEWSPAPER)
    assert _heads(root) == ["集团召开安全生产工作会议", "北港码头完成设备检修"]
    assert xpath(root, "//tei:body//tei:pb/@n") == ["2"]
    assert any(t.startswith("2综合新闻") for t in _texts(root, "//tei:body//tei:fw"))


def _journal_page(n: int, lines: list[str]) -> list[str]:
    """A page of a journal hard-wrapped with no blank lines whose running heads stand at the page's
    top beside the folio: a recto (odd) prints the issue over its number, a verso (even) its
    number over the journal's name."""
    top = ["2025年第2期", str(n)] if n % 2 else [str(n), "气象工作通讯"]
    return top + lines


FOLIOS_AT_TOP = "\n".join(
    ["气象工作通讯", "2025年第2期（总第60期）", "柘溪县气象局编　　　　　　2025年6月30日"]
    + _journal_page(1, ["【工作动态】", "全县气象工作会议召开",
                        "6月20日，全县气象工作会议召开，会议总结上半年工作，部署下半年重点任",
                        "务。县气象局主要负责人作工作报告，各乡镇气象信息员代表参加会议。",
                        "会议要求，各地要做好汛期气象服务，加密天气会商，及时发布预警信号；"])
    + _journal_page(2, ["加强与应急、水利等部门的联动，确保预警信息直达基层责任人。",
                        "县气象台开展汛前业务培训",
                        "6月上旬，县气象台组织汛前业务培训，全台预报员参加培训。培训围绕短时",
                        "临近预报、雷达资料应用和预警信号发布流程展开，并进行了业务考核，全部",
                        "预报员考核合格。"])
    + _journal_page(3, ["【科普园地】", "夏季怎样防范雷击",
                        "雷雨天气要尽量留在室内，关好门窗，不要使用太阳能热水器洗澡。在户外",
                        "要远离大树、电线杆和高塔，不要在空旷的田野中奔跑或撑伞。"])
    + _journal_page(4, ["雷雨过后要注意检查家用电器是否受损。"])) + "\n"


def test_folios_at_the_pages_top_beside_running_heads_open_their_pages():
    """Bare folios with a running head over them on rectos (``2025年第2期`` / ``3``) and under them on
    versos (``2`` / ``气象工作通讯``), at the top of each page of a text hard-wrapped with no blank
    lines: each folio and head is the page's furniture (``fw``), the page break stands before
    them (``pb@n`` the page's own number), and a paragraph the break cut is one paragraph."""
    root = _doc(FOLIOS_AT_TOP)
    assert xpath(root, "//tei:body//tei:pb/@n") == ["1", "2", "3", "4"]
    assert _texts(root, "//tei:body//tei:fw[@type='pageNum']") == ["1", "2", "3", "4"]
    assert _texts(root, "//tei:body//tei:fw[@type='header']") == ["2025年第2期", "气象工作通讯", "2025年第2期", "气象工作通讯"]
    assert _heads(root) == ["全县气象工作会议召开", "县气象台开展汛前业务培训", "夏季怎样防范雷击"]
    for pb in xpath(root, "//tei:body//tei:pb"):
        assert pb.getnext() is not None and pb.getnext().tag.endswith("fw")
    assert any(p.endswith("直达基层责任人。") and p.startswith("会议要求") for p in _texts(root, "//tei:body//tei:p"))


#: A journal hard-wrapped with no blank lines: a signed piece (unit and name under its title), a
#: paragraph cut by the page's foot after a semicolon with a footnote between its halves, a
#: second footnote run together with the text above it by the unwrapping, a box of sayings under
#: its label, labelled sub-headings (一、监测：…), and a column whose first piece's title is a
#: question.
SIGNED_JOURNAL = """气象工作通讯
2025年第2期（总第60期）
柘溪县气象局编　　　　　　2025年6月30日
2025年第2期
1
【业务交流】
汛期短时临近预报的几点做法
县气象台　梁　远
一、监测：盯住雷达回波
汛期每天8时至20时，值班预报员每6分钟调看一次雷达回波，发现强回波
及时加密观测。去年全县出现短时强降水①天气14次，均提前发布了预警；
① 短时强降水：1小时降水量达到20毫米以上的降水。
2
气象工作通讯
今年以来又出现9次，提前量平均达到40分钟。
二、识别：用好概念模型
我们整理了近十年本地强降水过程的雷达资料，归纳出三类概念模型。
三、预警：宁可提前，不可滞后
对照预警信号发布标准，把发布时间的判断前移到“可能达到”。
四、叫应：确认到人
预警发布后，值班人员逐一电话叫应乡镇责任人，确认收到为止。
【科普园地】
雷雨天气为什么要关窗？
雷雨天气关好门窗，可以防止球形雷窜入室内，也能减少大风带来的危害。
老人们常说的谚语里，也有不少讲雷雨的道理。
看天谚语
雷声大，雨点小。
东闪日头西闪雨。
早雷不过午，夜雷十日雨。
这些谚语有的有道理，有的并不可靠，要学会用科学的眼光来看待，不能一概
而论，更不能用它代替天气预报。专家提醒，家中要注意检查电器的接地②情
况，雷雨时拔掉电源插头，不要靠近窗户和金属管道，确保人身安全。平时还
要多关注气象部门通过电视、广播和手机发布的各类预警信息，提前做好
② 接地：电器外壳与大地相连，把漏电引入地下。
2025年第2期
3
防范准备，减少雷电带来的损失。
【工作动态】
县气象局开展防雷安全检查
6月中旬，县气象局联合县应急管理局，对全县加油站、学校和易燃易爆场所的防
雷装置进行了安全检查，共检查单位32家，发现隐患6处，已督促整改到位。检查
4
气象工作通讯
中还向各单位发放了防雷安全宣传资料。
"""


def test_a_unit_and_a_name_under_a_title_is_its_byline_with_an_observatory_as_the_unit():
    """An author line of a unit and a name (``县气象台　梁　远``: 气象台 names a body) right under a
    title, in a text with no blank lines: the piece's ``byline``, not the start of its first
    paragraph."""
    root = _doc(SIGNED_JOURNAL)
    assert _texts(root, "//tei:div[@type='article']/tei:byline") == ["县气象台梁远"]


def test_a_paragraph_cut_after_a_semicolon_over_a_footnote_is_linked_to_its_rest():
    """A paragraph that runs off a page after a clause's semicolon (…均提前发布了预警；), the page's
    footnote (①) below it and the rest on the next page: one paragraph by aggregation, ``@next``
    on the first part and ``@prev`` on the second (TEI P5 §16.7); the note stays ``note
    place="foot"`` between them."""
    root = _doc(SIGNED_JOURNAL)
    first = xpath(root, "//tei:p[contains(., '均提前发布了预警；')]")[0]
    second = xpath(root, "//tei:p[starts-with(., '今年以来又出现9次')]")[0]
    assert first.get("next") == "#" + second.get("{http://www.w3.org/XML/1998/namespace}id")
    assert second.get("prev") == "#" + first.get("{http://www.w3.org/XML/1998/namespace}id")
    assert len(xpath(root, "//tei:note[@place='foot']")) == 2


def test_a_footnote_the_unwrapping_ran_into_the_text_above_it_is_a_note_again():
    """A footnote at a page's foot (② …, its sign printed in the text above: 接地②) that the
    unwrapping joined to the paragraph over it (the paragraph stops mid-sentence there): split
    again, a ``note place="foot"``, and the paragraph goes on over the page break."""
    root = _doc(SIGNED_JOURNAL)
    assert _texts(root, "//tei:note[@place='foot']")[1] == "②接地：电器外壳与大地相连，把漏电引入地下。"
    first = xpath(root, "//tei:p[contains(., '提前做好')]")[0]
    second = xpath(root, "//tei:p[starts-with(., '防范准备')]")[0]
    assert "电器外壳" not in "".join(first.itertext())
    assert first.get("next") == "#" + second.get("{http://www.w3.org/XML/1998/namespace}id")


def test_numbered_sub_headings_of_a_label_and_its_theme_share_their_form():
    """Sub-headings of a label, a colon and a theme (一、监测：盯住雷达回波); one whose theme holds a
    comma (三、预警：宁可提前，不可滞后) is a sub-heading like its siblings, no paragraph."""
    root = _doc(SIGNED_JOURNAL)
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "一、监测：盯住雷达回波", "二、识别：用好概念模型", "三、预警：宁可提前，不可滞后", "四、叫应：确认到人"]


def test_a_question_right_under_a_column_name_over_running_text_titles_the_columns_piece():
    """A question right under a column's name (【科普园地】 over 雷雨天气为什么要关窗？), running text
    under it: the title of the column's first piece (``@cert`` medium)."""
    root = _doc(SIGNED_JOURNAL)
    assert "雷雨天气为什么要关窗？" in _heads(root)


#: A journal whose contents list names every piece, hard-wrapped with no blank lines: a label
#: alone over a box of sayings inside a piece.
SAYINGS_BOX = """气象工作通讯
2025年第2期（总第60期）
柘溪县气象局编　　　　　　2025年6月30日
目　　录
雷雨天气为什么要关窗…………………………………（1）
县气象局开展防雷安全检查…………………………（1）
雷雨天气为什么要关窗
雷雨天气关好门窗，可以防止球形雷窜入室内，也能减少大风带来的危害。
老人们常说的谚语里，也有不少讲雷雨的道理。
看天谚语
雷声大，雨点小。
东闪日头西闪雨。
早雷不过午，夜雷十日雨。
这些谚语有的有道理，有的并不可靠，要学会用科学的眼光来看待。
县气象局开展防雷安全检查
6月中旬，县气象局联合县应急管理局，对全县加油站、学校和易燃易爆场所的防
雷装置进行了安全检查，共检查单位32家，发现隐患6处，已督促整改到位。
"""


def test_a_short_label_over_short_sayings_is_no_paragraph_cut_by_a_page():
    """A short label alone (看天谚语: no mark, narrower than a wrapped line) over sayings each a
    short sentence on its line, inside a piece of a journal whose contents list names its titles:
    a line of its own, not joined to the first saying as the start of a paragraph the page cut."""
    root = _doc(SAYINGS_BOX)
    paragraphs = _texts(root, "//tei:body//tei:p")
    assert "看天谚语" in paragraphs and "雷声大，雨点小。" in paragraphs


#: A 简报 with a blank line after every line: a piece signed by a post and a name apart by a tab
#: under its title, and a list of names in groups under labels that count them in full-width
#: digits.
COUNTED_GROUPS = """残联工作简报

２０２５年第３期

柘溪县残疾人联合会编　　　　２０２５年６月３０日

用好专职委员　做实助残服务

城关镇残联理事长\t周　明

城关镇有持证残疾人１２００名，我们把专职委员作为做好基层残疾人工作的重要力量。

柘溪县２０２５年度优秀助残志愿者名单

经各乡镇残联推荐，确定以下同志为优秀助残志愿者。名单如下：

城关镇（４人）：

王　芳　叶婷婷　刘海峰　孙建英

石门镇（３人）：

何晓东　吴春兰　周德明
"""


def test_a_post_and_a_name_apart_by_a_tab_under_a_title_is_its_byline():
    """A post (理事长) and a name apart by a tab right under a title: the piece's ``byline``."""
    root = _doc(COUNTED_GROUPS)
    assert [t.replace("\t", "") for t in _texts(root, "//tei:div[@type='article']/tei:byline")] == ["城关镇残联理事长周明"]


def test_a_label_that_counts_its_names_in_full_width_digits_opens_its_group():
    """A group's label that counts its names in full-width digits (石门镇（３人）：) under a row of
    names: the next group's label, a line of its own, not the rest of the row above."""
    root = _doc(COUNTED_GROUPS)
    paragraphs = _texts(root, "//tei:body//tei:p")
    assert "石门镇（３人）：" in paragraphs
    assert not any("孙建英石门镇" in p for p in paragraphs)


def test_a_line_with_clause_marks_under_a_documents_whole_title_is_its_text():
    """Under a document's whole title (关于…的督查通报: GB/T 9704-2012 7.3.1, its 文种 last), a short
    line with enumeration commas that stops mid-sentence (a wrap cut it) is the text's first
    line, not a third line of the title."""
    text = DOC_NUMBER_NOTICE.replace(
        "4月中旬，县委督查室、县政府督查室组成督查组，对全县各乡镇春\n",
        "为推动县委、县政府关于春季植树造林的决\n策部署落地，4月中旬，县委督查室、县政府督查室组成督查组，对全县各乡镇春\n")
    root = _doc(text)
    assert _heads(root) == ["关于全县春季植树造林工作的督查通报"]
    assert _texts(root, "//tei:body//tei:p")[0].startswith("为推动县委、县政府")


def test_labels_that_count_their_names_each_open_a_line_with_no_blank_lines():
    """With no blank lines at all, a list's labels that count their names (城关镇（４人）：) stand on
    lines of their own under the sentence that announces the list (…名单如下：): no label is run
    into that sentence or into the names above it."""
    text = "\n".join(line for line in COUNTED_GROUPS.split("\n") if line.strip()) + "\n"
    root = _doc(text)
    paragraphs = _texts(root, "//tei:body//tei:p")
    assert "城关镇（４人）：" in paragraphs and "石门镇（３人）：" in paragraphs
    assert any(p.endswith("名单如下：") for p in paragraphs)


def test_a_page_label_a_hard_wrap_cut_over_two_lines_is_one_label():
    """A 报眉 a hard wrap cut before its date (``2　综合新闻　　榆溪港讯`` / ``2025年9月12日``): the
    date is no running head of its own; the two lines are one page label, never a heading."""
    page3 = ("\f3　港区生产                       榆溪港讯\n              2025年9月12日\n\n"
             "　　　　　　　　　　南港码头开通新航线\n\n"
             "　　本报讯（通讯员 宋远）9月8日，南港码头开通至东南亚的集装箱航线，每周一班。\n\n"
             "本版责编：林一　　校对：王二\n")
    text = PAGE_TAG_NEWSPAPER.replace("榆溪港讯                        2025年9月12日",
                                      "榆溪港讯\n              2025年9月12日") + page3
    root = _doc(text)
    assert _heads(root) == ["集团召开安全生产工作会议", "北港码头完成设备检修", "南港码头开通新航线"]
    assert xpath(root, "//tei:body//tei:pb/@n") == ["2", "3"]
