"""Round 40 of the reader on series it has never seen (issue 21, on heldout-ao, measured once after
round 39): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented county 菖溪 and its offices)."""

from __future__ import annotations

from convert.tei import xpath
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

EMERGENCY = """内部资料　注意保存
应急工作简报
第5期（总第188期）
菖溪县应急管理局办公室　　　　　　　　2025年5月16日
本期要目
菖溪县应急管理局深化“除险加固”专项行动　推动隐患
闭环整改
【工作动态】
县应急管理局召开汛前安全生产形势分析会
柳塘镇成功处置一起山洪险情
【基层传真】
一封来自山区群众的感谢信
— 1 —
菖溪县应急管理局深化“除险加固”专项行动
推动隐患闭环整改
　　今年以来，县应急管理局以“除险加固”专项行动为抓手，共排查各类隐患
312处，已整改到位297处，整改率95.2%。
（县应急管理局办公室供稿）
【工作动态】
县应急管理局召开汛前安全生产形势分析会
　　5月9日，县应急管理局召开汛前安全生产形势分析会，通报了4月份全县安全
生产情况，部署了汛期各项准备工作。
（县应急管理局办公室供稿）
柳塘镇成功处置一起山洪险情
转移群众46人无一伤亡
　　5月12日凌晨，柳塘镇突降暴雨，镇村干部连夜转移受威胁群众46人，无一人
伤亡。
（柳塘镇人民政府供稿）
【基层传真】
一封来自山区群众的感谢信
　　“感谢你们在暴雨夜里把我们接到安全的地方。”这是柳塘镇石门村村民写来
的感谢信中的一句话。
（县应急管理局办公室供稿）
"""


def test_a_contents_entry_the_wrap_cut_and_a_title_the_list_shortened():
    """A 要目 entry without a page that the wrap cut over two lines (…推动隐患 / 闭环整改), its
    title printed over two lines cut elsewhere in the body, is one entry and one title; a title
    over two flush lines whose first line alone is the list's (shortened) entry, the article's
    first paragraph indented under them, is one title too (柳塘镇成功处置一起山洪险情 /
    转移群众46人无一伤亡): no paragraph of four words under a title."""
    root = _doc(EMERGENCY)
    assert _heads(root) == ["菖溪县应急管理局深化“除险加固”专项行动推动隐患闭环整改",
                            "县应急管理局召开汛前安全生产形势分析会", "柳塘镇成功处置一起山洪险情转移群众46人无一伤亡",
                            "一封来自山区群众的感谢信"]
    assert "菖溪县应急管理局深化“除险加固”专项行动推动隐患闭环整改" in _texts(root, "//tei:front//tei:list//tei:item")
    assert not any(p in ("闭环整改", "转移群众46人无一伤亡") for p in _texts(root, "//tei:body//tei:p"))


COMMERCE = """商务工作简报
第9期（总第147期）
菖溪县商务局　　　　　　　　　　　　2025年5月20日
本期要目
    全县消费品以旧换新工作推进会召开
    城关街道打造“一刻钟便民生活圈”的做法
【工作动态】
          全县消费品以旧换新工作推进会召开
    5月12日，全县消费品以旧换新工作推进会召开，会议通报了前4个月全县以旧
换新工作进展情况。
    （县商务局办公室供稿）
【经验交流】
          城关街道打造“一刻钟便民生活圈”
                     的主要做法
    城关街道是我县老城区所在地，辖9个社区，常住人口6.8万人。一年多来，街
道按照“缺什么补什么”的思路，新建改造便民商业网点46个。
    （城关街道办事处供稿）
"""


def test_a_centred_title_over_two_lines_the_list_prints_shortened_differently():
    """A title centred over two lines (…生活圈” / 的主要做法) that the 要目 prints shortened in its
    own words (…生活圈”的做法) is one title: the two lines match the entry better than the first
    alone does."""
    root = _doc(COMMERCE)
    assert _heads(root) == ["全县消费品以旧换新工作推进会召开", "城关街道打造“一刻钟便民生活圈”的主要做法"]


SCIENCE = """# 科技工作通讯

2025年第4期（总第88期）

菖溪县科学技术局编

## 目　　录

《菖溪县企业研发投入奖补办法》解读……………县科技局创新发展股　3

关于我县规模以上工业企业研发活动情况的调研…………县科技局调研组　5

## 【政策解读】

### 《菖溪县企业研发投入奖补办法》解读
县科技局创新发展股
今年6月，县人民政府办公室印发《菖溪县企业研发投入奖补办法》，自2025年7月1日起施行。为
便于企业了解和用好这项政策，现就有关内容解读如下。

## 【调研与思考】

## 关于我县规模以上工业企业研发活动情况的调研
菖溪县科学技术局调研组
今年4月至6月，县科技局会同县统计局、县工信局组成调研组，采取问卷调查、实地走访等方
式，对全县规上企业研发活动情况进行了调研。

### 一、基本情况

**（一）研发投入持续增长**

全县规上企业研发投入情况表

| 指标 | 2023年 | 2024年 |
| --- | --- | --- |
| 研发经费（亿元） | 1.63 | 2.27 |
| 有效发明专利（件） | 87 | 104 |

资料来源：县统计局、县市场监管局。

**（二）创新平台逐步壮大**

至2024年底，全县规上企业共建有省级企业技术中心2家、市级创新平台11家。

青溪乡种植户通过手机查看大棚温湿度数据　　乡农业综合服务中心　供图

（县科技局办公室）
"""


def test_a_contents_entry_whose_author_follows_its_leader_and_a_source_line_in_a_subsection():
    """A contents entry whose author follows the leader (…解读……………县科技局创新发展股　3) names
    the title before the leader only: the author line under the title (a unit alone) is no part
    of it. A source line under a table inside a sub-division, then the next sub-heading: the
    article goes on (no empty paragraph, no article without a title). A caption whose credit,
    after a wide gap, names the body that gave the photo (…　供图) is a caption, no paragraph,
    and the credit in brackets under it closes the article, no part of the caption."""
    root = _doc(SCIENCE)
    assert _heads(root) == ["《菖溪县企业研发投入奖补办法》解读", "关于我县规模以上工业企业研发活动情况的调研"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、基本情况", "（一）研发投入持续增长",
                                                                     "（二）创新平台逐步壮大"]
    assert not xpath(root, "//tei:body//tei:p[not(node())]")
    assert len(xpath(root, "//tei:body//tei:div[@type='article']")) == 2
    assert _texts(root, "//tei:figure/tei:head") == ["青溪乡种植户通过手机查看大棚温湿度数据"]
    assert not any("供图" in p or "县科技局办公室" in p for p in _texts(root, "//tei:body//tei:p"))


SCIENCE_WRAPPED = SCIENCE.replace("青溪乡种植户通过手机查看大棚温湿度数据　　乡农业综合服务中心　供图",
                                  "青溪乡种植户通过手机查看大棚温湿度数据　　乡农业\n综合服务中心　供图")


def test_a_caption_whose_credit_the_wrap_cut():
    """The same caption with its credit cut by the wrap after its first characters (…数据　　乡农业
    / 综合服务中心　供图): one caption, no title over an author line."""
    root = _doc(SCIENCE_WRAPPED)
    assert _heads(root) == ["《菖溪县企业研发投入奖补办法》解读", "关于我县规模以上工业企业研发活动情况的调研"]
    assert _texts(root, "//tei:figure/tei:head") == ["青溪乡种植户通过手机查看大棚温湿度数据"]


PAPER = """                                                              第1版  要闻


                              菖  溪  烟  草

                        菖溪县烟草专卖局（分公司）主办

    2025年11月21日　星期五　农历乙巳年十月初二          第22期（总第347期）
    准印证号：（湘）内资连准字第0417号         内部资料　免费交流         本期4版

    本期导读

    ● 以案释法：许可证到期了还能卖烟吗          2版
    ● 烟稻轮作田里的“支部课堂”                  2版
    ● 副刊：外婆的烤烟房
   4版


                 收购烟叶4.86万担　上等烟比例62.3%

                   我县2025年烟叶收购工作圆满收官

                 ——438户烟农户均售烟收入近18万元

        本报讯（通讯员 覃晓岚）11月15日，随
    着最后一车烤烟在白沙烟叶收购站完成定级、
    过磅和入库，我县2025年烟叶收购工作圆满收
    官。今年全县共收购烟叶4.86万担，完成计划
    的100.2%。

        会议要求，各单位要紧盯年度目标不放松，
    确保全年工作圆满收官。

    本版责编：莫采薇　　校对：黎　佳

    菖溪烟草  2025年11月21日                                     专卖  第2版

                  以案释法

    许可证到期未延续　继续卖烟属无证经营

        【案情】今年10月，县烟草专卖局执
    法人员在高桥镇集市开展检查时发现，村
    民刘某在自家经营的小卖部内销售卷烟。

                                              （专卖管理所 鲁一鸣）

                   支部在一线

        编者按：为展示基层党组织的作用，本报
    从本期起开设“支部在一线”栏目，敬请关注。

           烟稻轮作田里的“支部课堂”

             通讯员　蔡文溪　谭　宇

        初冬时节，白沙镇石门村的田野上，晚稻
    刚刚收割完毕，稻茬间已经翻出了新土。

        据悉，县局（分公司）将在12月底前完成
    冬季安全隐患排查，确保安全生产形势平稳。

                  基层动态

    ◆城区专卖管理中队开展校园周边市场检
    查　11月以来，城区专卖管理中队对全县23
    所中小学校周边的卷烟零售点开展专项检查。
    （通讯员 鲁一鸣）

    ◆高桥烟叶收购站完成烟叶调运　11月18
    日，高桥烟叶收购站最后一批烟叶装车调运
    至复烤企业。（通讯员 谭宇）

    本版责编：唐若溪　　校对：黎　佳
"""


def test_a_papers_kicker_column_names_and_page_labels_in_pdftotext_layout():
    """In an enterprise paper as pdftotext -layout leaves it: a 引题 set apart from its title by a
    blank line (two phrases apart by a gap, figures in them) is the title's kicker, not its first
    line; a 导读 entry the wrap cut before its page (● 副刊：外婆的烤烟房 / 4版) is one entry, no
    title 4版; a page label printed name first (专卖  第2版) is a page label; a column's name the
    导读 prints before a title it words differently (以案释法：…) is that column; a short name after
    a finished piece over an editor's note and a listed title is the column the note opens
    (支部在一线); a short name after a finished piece over bulleted brief items is their column
    (基层动态)."""
    root = _doc(PAPER)
    assert _heads(root) == ["我县2025年烟叶收购工作圆满收官", "许可证到期未延续继续卖烟属无证经营",
                            "烟稻轮作田里的“支部课堂”"]
    assert _texts(root, "//tei:head[@type='kicker']") == ["收购烟叶4.86万担上等烟比例62.3%"]
    assert _texts(root, "//tei:div[@type='section']/tei:head") == ["以案释法", "支部在一线", "基层动态"]
    assert "4版" not in _texts(root, "//tei:body//tei:head")
    assert len(xpath(root, "//tei:front//tei:list//tei:item")) == 3
    assert xpath(root, "//tei:body//tei:pb[@n='2']")
    assert _texts(root, "//tei:div[@type='brief']/tei:head") == ["◆城区专卖管理中队开展校园周边市场检查", "◆高桥烟叶收购站完成烟叶调运"]


ESSAY = PAPER.replace("""                  基层动态
""", """                  基层动态
""") + """
    第4版  副刊

                      窗口的灯

                     □ 沈听澜

        县局（分公司）政务服务窗口在一楼大厅的东
    头，不大，一张柜台，两台电脑，墙上挂着办事指
    南。我在这里办了三年许可证业务，见得最多的，
    是一张张着急的脸。

        有一回快下班了，一位老人拎着一个布袋子进
    来，说是从四十多里外的山里赶来，给儿子的小店
    办许可证延续。材料翻出来一看，少了一份房屋租
    赁证明。老人急得直搓手，说来一趟不容易。我给
    他儿子打了电话，请他把证明拍照发过来，先按容
    缺受理办了，再约好原件下次赶集时顺路补上。老
    人临走时，一个劲地说谢谢。

    主办：菖溪县烟草专卖局（分公司）　　主编：韦承恩　　副主编：庞　越
    地址：菖溪县城南路18号烟草大楼五楼　　邮编：418300　　电话：6218047
    投稿邮箱：zxycbjb@163.com　　印刷：菖溪县新华印刷有限责任公司
    印刷日期：2025年11月20日　　印数：800份
"""


def test_a_colophons_fields_are_no_measure_of_the_wrap():
    """The colophon's lines of fields set apart by wide gaps (主编：…　　地址：…) are no wrapped
    prose: the essay's first line above them, as wide as its column, is that paragraph's first
    line, not a title."""
    root = _doc(ESSAY)
    assert "县局（分公司）政务服务窗口在一楼大厅的东" not in _heads(root)
    assert "窗口的灯" in _heads(root)
    assert any(p.startswith("县局（分公司）政务服务窗口在一楼大厅的东头，不大，") for p in _texts(root, "//tei:body//tei:p"))


FARM_QUOTES = """第2版　专题
菖溪农垦报　2025年10月17日　星期五
让数据“长”进田里
本报记者　苗思远
　　三年来，青山农场“数字农场”建设取得了明显成效，职工种地越来越有
底气。
服务中心技术员在查看田间监测数据。　通讯员 温卓然 摄
听，职工这样说
　　“以前种地靠经验，现在种地靠数据，心里更有底了。”——第二作业区职
工 符长庚
　　“无人机打药又快又匀，一亩地能省十几块钱。”——第四作业区职工 黎满仓
（本报记者 苗思远 整理）
本版责编：许曼青　校对：龙淑芬
"""


def test_a_short_title_with_a_comma_after_a_caption():
    """A short title with one comma in it (听，职工这样说), flush left right after a photo caption,
    the quotes under it opening indented, is the box's title, no paragraph of the story above."""
    root = _doc(FARM_QUOTES)
    assert _heads(root) == ["让数据“长”进田里", "听，职工这样说"]


PETITIONS = """信访工作通报
2025年第10期（总第157期）
菖溪县信访局　　　　　　　　　　　　2025年10月24日
\t\t\t本期要目
关于第三季度县级领导干部包案化解信访积案情况的通报\t1
柳湾镇推行“信访代办”让群众少跑腿\t3
\t\t\t关于第三季度县级领导干部包案化解信访积案情况的通报
\t今年4月，县信访工作联席会议对排查出的23件信访积案实行县级领导干部包案化解，逐
案明确包案领导、责任单位和化解时限。各包案领导坚持亲自阅卷、亲自接访、亲自研究化
解方案，深入一线了解情况，面对面听取信访人诉求，推动一批群众反映强烈的问题得到解
决。截至9月底，23件积案中已化解16件，化解率69.6%；其余7件已明确化解路径，正在
按计划推进。从化解情况看，有的包案领导能够深入一线、主动作为，推动问题在短时间内
得到解决；也有个别单位存在等靠思想，工作进展缓慢，有的积案因政策界限不清、历史
遗留问题复杂等原因化解难度较大。下一步，各包案领导要切实担负起化解责任，对未化
解的积案逐件研究，集中力量攻坚，坚持依法依规与解决实际困难相结合，能解决的一次
性解决到位，一时解决不了的要讲清政策、做好教育疏导和帮扶救助。县信访工作联席会
议办公室每月对未化解积案进展情况进行调度，对在规定时限内未能化解的，提请约谈。
\t对已化解的16件积案，责任单位要在11月底前完成一轮回访，巩固化解成果，防止问
题反弹。
\t\t未化解信访积案责任清单
序号\t责任单位\t反映问题\t包案领导\t化解时限
1\t城南街道\t锦岸华庭项目逾期交房\t韩立秋\t2025年12月底
2\t马营镇\t河道采砂场关停补偿\t陶振宇\t2025年11月底
3\t县人力资源和社会保障局\t原县造纸厂改制职工工龄认定\t苗海燕\t2025年12月底
\t\t\t柳湾镇推行“信访代办”让群众少跑腿
\t按：信访工作的根基在基层，化解矛盾的最好时机在初始阶段。各乡镇（街道）可结合实
际学习借鉴。
\t今年以来，柳湾镇在全镇16个行政村各配备1名信访代办员，全镇信访量同比下降
31.2%。
"""


def test_a_listed_title_right_under_a_table_is_no_rest_of_its_row():
    """A title the contents list names, set in by tabs right under the last row of a table set
    with tabs, is the next article's title, no cell of that row the wrap carried over."""
    root = _doc(PETITIONS)
    assert _heads(root) == ["关于第三季度县级领导干部包案化解信访积案情况的通报", "柳湾镇推行“信访代办”让群众少跑腿"]
