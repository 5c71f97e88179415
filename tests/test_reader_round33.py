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
