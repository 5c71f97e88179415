"""Round 30 of the reader on series it has never seen (issue 21): each test names the class of
text it reads and failed before the change that made it pass."""

from __future__ import annotations

from degrade import assert_round_trips

from convert.reader import read_issues
from convert.tei import xpath
from convert.validators.tei import own_schema


def _doc(text: str, name: str = "t.txt"):
    docs = read_issues(text, name, warnings=[])
    assert len(docs) == 1
    own_schema().assertValid(docs[0].root)
    assert_round_trips(docs, text)
    return docs[0].root


def _texts(root, path: str) -> list[str]:
    return ["".join(e.itertext()).replace("\u3000", "").replace(" ", "").strip() for e in xpath(root, path)]


def _heads(root) -> list[str]:
    return _texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]")


MENU_COLUMN = """# 蓁河幼儿园园报

2025年第3期（总第20期）

蓁河县实验幼儿园编　　　　　　2025年5月30日

**【园务动态】**

## 我园开展消防疏散演练

5月20日上午，我园开展消防安全疏散演练，全园幼儿在老师带领下有序撤离到操场。

**【一周食谱】**

5月26日—5月30日幼儿一周食谱

| 星期 | 早餐 | 午餐 |
| --- | --- | --- |
| 星期一 | 小米粥、鸡蛋饼 | 米饭、番茄炒蛋 |
| 星期二 | 牛奶、花卷 | 米饭、土豆烧鸡块 |
| 星期三 | 豆浆、菜包 | 水饺、凉拌黄瓜 |

温馨提示

端午节放假三天，请家长看护好孩子，注意出行安全。
"""


def test_a_caption_under_a_column_name_over_the_table_the_column_holds_is_the_tables_head():
    """A caption right under a column's name (【一周食谱】) over a table that is all the column holds
    (a box's name or the end after it) names the table: its head (TEI P5 §14.1.1), not an
    article's title."""
    root = _doc(MENU_COLUMN)
    assert _heads(root) == ["我园开展消防疏散演练"]
    assert _texts(root, "//tei:table/tei:head") == ["5月26日—5月30日幼儿一周食谱"]
    assert xpath(root, "//tei:table/tei:head/@cert") == ["medium"]


INDENTED_WITH_TITLE_BLANKS = """菰川社科工作通讯
2025年第1期（总第50期）
菰川县社会科学界联合会编　　　　　　2025年3月

【学术动态】

县社科联召开年度课题评审会

　　3月12日，县社科联召开2025年度社科研究课题评审会，评审专家对申报的42项课
题逐一评议，确定立项课题18项，其中重点课题4项、一般课题14项。会议要求各课题组
按计划推进研究，确保按期结项。（县社科联办公室供稿）

关于开展2025年度全县社科普及周活动的启事

　　为普及社会科学知识，提升全民人文素养，县社科联决定于5月开展全县社科普及
周活动，活动由县社科联主办，各乡镇和县直单位承办。现将有关事项启事如下：
　　一、活动主题。社科普及进万家，助力县域高质量发展，各单位结合实际组织开
展宣讲、展览、咨询等活动。
　　二、活动时间。2025年5月12日至18日，各单位于5月30日前报送活动总结。
　　三、联系方式。县社科联普及部，联系电话：0735-6632181。
　　县社科联热忱欢迎各单位和广大社科工作者积极参与，共同办好普及周活动，让社
会科学知识走进千家万户。

【社科人物】

潜心地方文献整理的退休教师

　　今年七十三岁的邓远山是县一中退休教师，退休后十余年如一日整理地方文献，先
后点校整理县内旧志、家谱和碑刻资料40余种，累计200余万字。他说，地方文献是一方
水土的记忆，能为后人留下一些可靠的资料，是自己最大的心愿。
"""


def test_an_indented_item_under_a_sentence_ending_in_a_colon_opens_a_paragraph_where_blank_lines_stand_around_titles():
    """A hard-wrapped text that marks its paragraphs by the first-line indent (段首空两字) and sets
    blank lines only around its titles and column names (the paragraph under a title the only
    one after a blank line) is still indent-marked: the indented 一、活动主题。… under a sentence
    ending in a colon opens a paragraph of its own, not the rest of the one above."""
    root = _doc(INDENTED_WITH_TITLE_BLANKS)
    paras = _texts(root, "//tei:body//tei:p")
    assert any(p.endswith("现将有关事项启事如下：") for p in paras)
    assert any(p.startswith("一、活动主题。") for p in paras)
    assert _heads(root) == ["县社科联召开年度课题评审会", "关于开展2025年度全县社科普及周活动的启事",
                            "潜心地方文献整理的退休教师"]
