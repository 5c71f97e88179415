"""Round 39 of the reader on series it has never seen (issue 21, on heldout-an, measured once after
round 38): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented county 菖溪 and its offices)."""

from __future__ import annotations

from convert.tei import xpath
from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

CONGRESS = """内部资料　注意保存

人大工作简报

第6期（总第213期）

菖溪县人大常委会办公室　　　　　　　　2025年6月20日

本期目录

县人大常委会召开第三十一次主任会议

县人大常委会调研全县农村供水保障工作

县人大常委会开展安全生产法执法检查

县人大常委会召开第三十一次主任会议

6月10日，县人大常委会主任主持召开第三十一次主任会议，研究了常委会下半年工作安排。

（县人大常委会办公室供稿）

关于全县农村供水保障工作情况的调研报告

5月下旬，县人大常委会调研组深入6个乡镇，实地察看了12处集中供水工程，召开座谈会4场。

（县人大农业农村委员会供稿）

县人大常委会开展安全生产法执法检查

6月上旬，县人大常委会执法检查组对全县贯彻实施安全生产法情况开展了检查。

（县人大常委会办公室供稿）
"""


def test_a_pageless_contents_entry_worded_differently_from_its_title():
    """A 目录 without pages whose middle entry words its title differently (县人大常委会调研全县农村
    供水保障工作 for 关于全县农村供水保障工作情况的调研报告, the subject kept, the frame reworded)
    is an entry all the same: the list keeps its three entries, the articles their titles."""
    root = _doc(CONGRESS)
    assert len(xpath(root, "//tei:front//tei:list//tei:item")) == 3
    assert _heads(root) == ["县人大常委会召开第三十一次主任会议", "关于全县农村供水保障工作情况的调研报告",
                            "县人大常委会开展安全生产法执法检查"]


PETITION = """信访工作通报
2025年第10期（总第157期）
菖溪县信访局　　　　　　　　　　　　2025年10月24日
\t\t\t本期要目
关于9月份全县信访工作情况的通报\t1
关于第三季度县级领导干部包案化解信访积案情况的通报\t3
一封来自上河村的感谢信\t5

\t\t\t关于9月份全县信访工作情况的通报

\t9月份，全县信访总量比上月下降12.4%，群众满意率保持在95%以上。

\t\t\t关于第三季度县级领导干部包案化解
\t\t\t信访积案情况的通报

\t今年4月，县信访工作联席会议对排查出的23件信访积案实行县级领导干部包案化解。

\t\t\t一封来自上河村的感谢信

县信访局：

\t我们是上河村三组的村民，感谢你们帮我们解决了多年的饮水难题。

此致

敬礼！

\t\t\t\t\t上河村三组村民　吴某某等12户

\t\t\t\t\t2025年9月26日

\t\t\t\t\t（县信访局办信股整理）
"""


def test_a_title_over_two_centred_lines_the_contents_lists_and_a_letter_signed_by_many():
    """A title set over two centred lines (tab-indented) whose entry the 目录 prints with its page
    after a tab is one title; a letter signed by its first signer and how many sign with them
    (村民　吴某某等12户) ends at its signature: the date and the credit under it are no paragraph of
    the letter."""
    root = _doc(PETITION)
    assert "关于第三季度县级领导干部包案化解信访积案情况的通报" in _heads(root)
    ps = _texts(root, "//tei:body//tei:p")
    assert not any("吴某某等12户" in p or "2025年9月26日" in p for p in ps)


FARM = """第1版　要闻
菖溪农垦报
2025年10月17日　星期五
今日4版
把丰收的账算得更细些
本报评论员
　　稻谷进仓，账本摊开。今年集团中稻单产又上新台阶，这是全体职工
一季辛劳换来的成果，值得高兴。
本版责编：戴云舒　校对：阎小禾
第2版　专题
菖溪农垦报　2025年10月17日　星期五
从“看天种地”到“看数种地”
——关于青山农场推进“数字农场”建设情况的调研报告
集团党委政策研究室调研组
　　2022年，青山农场被确定为集团首批试点单位。三年来，农场在农田物联
网建设、生产管理数字化等方面作了有益探索。今年主动报名参加培训的老职工
黎满仓，成了
第3版　专题
菖溪农垦报　2025年10月17日　星期五
作业区里年龄最大的“飞手”。他说：“这东西不难学。”
　　三年来，青山农场“数字农场”建设取得了明显成效。
青山农场“数字农场”建设前后主要指标对比
指标　2021年　2024年
水稻平均亩产（公斤）　604　651
每亩生产成本（元）　1126　1068
综合机械化率（%）　91.2　98.6
（数据来源：青山农场数字农业服务中心）
三、存在的问题
　　调研中也发现，“数字农场”建设还存在一些不容忽视的问题。
本版责编：许曼青　校对：龙淑芬
"""


def test_a_farm_papers_bylines_running_heads_spread_and_table_of_figures():
    """A commentator's byline (本报评论员) and a team's (…调研组) stand apart from the title; a 报眉
    under each page label (the paper's name and the date) is a running head; a paragraph the page
    label of a spread cuts (2版 to 3版, no page credit between) goes on; rows of a name and figures
    one ideographic space apart under their heads are a table, its caption its head, and the
    source line under it (（数据来源：…）) one source note, no credit closing the article: the
    numbered sub-heading after it goes on in the same article."""
    root = _doc(FARM)
    heads = _heads(root)
    assert "把丰收的账算得更细些" in heads and "从“看天种地”到“看数种地”" in heads
    assert _texts(root, "//tei:byline") == ["本报评论员", "集团党委政策研究室调研组"]
    assert _texts(root, "//tei:body//tei:fw[@type='header'][not(@subtype)]") == ["菖溪农垦报2025年10月17日星期五"] * 2
    ps = _texts(root, "//tei:body//tei:p")
    assert any("黎满仓，成了" in p and p.endswith("作业区里年龄最大的“飞手”。他说：“这东西不难学。”") for p in ps)
    assert _texts(root, "//tei:table/tei:head") == ["青山农场“数字农场”建设前后主要指标对比"]
    rows = xpath(root, "//tei:table/tei:row")
    assert len(rows) == 4 and rows[0].get("role") == "label"
    assert [len(xpath(r, "tei:cell")) for r in rows] == [3, 3, 3, 3]
    assert _texts(root, "//tei:note[@type='source']") == ["（数据来源：青山农场数字农业服务中心）"]
    assert "（数据来源：青山农场数字农业服务中心）" not in _texts(root, "//tei:byline")
    assert _texts(root, "//tei:div[@type='subsection']/tei:p") == ["调研中也发现，“数字农场”建设还存在一些不容忽视的问题。"]


QA = """老干部工作通讯
2025年第3期（总第63期）
菖溪县委老干部局编
离退休干部关心的几个医疗待遇问题解答
　　近期，不少老同志来电咨询医疗待遇方面的问题，现将有关政策解答如下。
　　1.离休干部在外地就医，医药费怎么报销？
　　离休干部在外地随子女居住期间就医的，应当先向县医疗保障部门办理异地就
医备案，备案后在定点医疗机构住院可以直接结算。
　　2.退休干部的门诊慢特病待遇如何申请？
　　患有高血压、糖尿病等慢性病的退休干部，可以持诊断证明向医疗保障经办机
构提出申请，经鉴定符合条件的按规定比例报销。
　　3.行动不便的老同志能否委托他人办理报销手续？
　　可以。委托他人办理的，需提供委托书和双方身份证复印件。
（县委老干部局离退休干部服务中心供稿）
"""


def test_numbered_questions_over_answers_without_a_label():
    """Numbered questions each alone on its line (1.…？), the answer under it with no 答： label,
    their numbers in sequence, are the piece's sub-headings (GB/T 15834-2011 B.3.8 third level)."""
    root = _doc(QA)
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == [
        "1.离休干部在外地就医，医药费怎么报销？", "2.退休干部的门诊慢特病待遇如何申请？",
        "3.行动不便的老同志能否委托他人办理报销手续？"]
