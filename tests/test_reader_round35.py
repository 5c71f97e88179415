"""Round 35 of the reader on series it has never seen (issue 21, on heldout-ak): each test names
the class of text it reads and failed before the change that made it pass."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

CASES = """平安建设简报

2025年第12期

苕溪县委政法委员会编　　　　2025年6月30日

【典型案例】

一条排水沟引出的邻里积怨

**基本案情**　禾坪村村民杨某与邻居石某两家房屋相邻，中间有一条共用排水沟，双方多次争吵。

**化解过程**　网格员当天将纠纷上报镇综治中心，调解员组织双方到“共享法庭”，最终达成协议。

**典型意义**　相邻关系纠纷看似事小，处理不及时极易激化。

“刷单返利”骗局被民警及时拦下

**基本案情**　今年5月，王女士在社交软件上结识自称“网店客服”的网友，先后转账3.8万元。

**处置情况**　县公安局反诈中心发现风险，立即指令辖区派出所民警上门劝阻，成功冻结2.9万元。

**警方提示**　凡是要求先垫付资金再返利的“刷单”，都是诈骗。
"""


def test_a_cases_run_in_part_labels_are_no_brief_items():
    """In a 【典型案例】 column, a case's parts each opened by its label run in (**基本案情**　…,
    典型意义, 警方提示: the case-report practice of 典型案例): paragraphs of the case under its title, no
    brief items with heads of their own."""
    root = _doc(CASES)
    assert _heads(root) == ["一条排水沟引出的邻里积怨", "“刷单返利”骗局被民警及时拦下"]
    assert _texts(root, "//tei:div[@type='brief']") == []


ESSAY = """蕨溪职院报

第9期（总第156期）

蕨溪职业技术学院党委宣传部编　　　　2025年11月20日

【蕨风副刊】

那年秋天的实训车间

机电2301班　韦思琪

　　第一次走进实训车间，是在入学后的第三周。机床的轰鸣声里，师傅手把手教我们认刀具、量尺寸。

　　那年秋天，我在车间里学会的不只是手艺，还有耐心。
"""


def test_a_vocational_class_and_a_name_under_an_essay_title_is_its_byline():
    """A vocational college's class (机电2301班: the major's short name, the intake year and the class
    number) and a student's name under an essay's title: the essay's byline, the title its head."""
    root = _doc(ESSAY)
    assert _heads(root) == ["那年秋天的实训车间"]
    assert _texts(root, "//tei:div[@type='article']/tei:byline") == ["机电2301班韦思琪"]
