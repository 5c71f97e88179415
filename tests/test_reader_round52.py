"""Round 52 of the reader on series it has never seen (issue 21): the remaining cells of heldout-aw
and heldout-ae, then heldout-ax after its first measure. Each test names the class of text it
reads and failed before the change that made it pass. The texts are written for the tests
(invented places 菖溪 and 菖州 and their offices); a hard wrap is made by :func:`_wrap`."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts


def _wrap(paragraph: str, width: int) -> str:
    """*paragraph* cut every *width* characters, as a hard wrap leaves it."""
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


PARAS = [
    "今年以来，菖溪县坚持把信用修复作为优化营商环境的重要抓手，指导经营主体主动纠正失信行为，累计帮助一百二十家企业完成信用修复，企业获得感明显增强。",
    "县信用办建立了修复事项清单，明确办理时限和材料要求，对符合条件的申请一律当场受理，对材料不全的一次性告知，做到企业少跑腿、数据多跑路。",
    "下一步，县信用办将继续开展信用修复进企业活动，编印信用修复操作手册，组织信用服务机构为中小企业提供免费辅导，让守信者处处受益。",
]
MASTHEAD = "内部资料　注意保存\n\n# 菖溪县社会信用体系建设简报\n\n第7期（总第43期）\n\n"


def test_a_bureaus_imprint_with_its_office_in_brackets_gives_the_date():
    """The 编印 line of a bureau that hosts an office under its other name
    (…发展和改革局（县信用办）　　2025年7月21日, 挂牌): the body and the date, the issue's date in the
    header; before, the bracketed name made the line a kicker over the first title."""
    text = (MASTHEAD + "菖溪县发展和改革局（县信用办）　　　　　　　2025年7月21日\n\n---\n\n"
            "## 县里召开信用修复工作推进会\n\n" + "\n\n".join(PARAS) + "\n")
    root = _doc(text)
    assert "2025年7月21日" in _texts(root, "//tei:teiHeader//tei:date")
    assert _heads(root) == ["县里召开信用修复工作推进会"]
    assert _texts(root, "//tei:head[@type='kicker']") == []


PIPE_ROWS = [
    "| 类别 | 认定部门 | 新增数量 | 主要认定依据 |",
    "| --- | --- | --- | --- |",
    "| 红名单 | 县税务局 | 41 | 2024年度纳税信用A级 |",
    "| 红名单 | 县住房城乡建设局 | 9 | 建筑市场信用评价A级且无不良记录 |",
    "| 黑名单 | 县人力资源和社会保障局 | 3 | 拖欠农民工工资失信联合惩戒对象 |",
    "| 黑名单 | 县税务局 | 2 | 重大税收违法失信主体 |",
]


def test_a_pipe_tables_rows_cut_by_a_hard_wrap_are_put_together():
    """A Markdown pipe table hard-wrapped with the text (``| 红名单 | 县税务局 | 41 | 2024`` /
    ``年度纳税信用A级 |``; ``…| 3`` / `` | 拖欠…对象 |``): each row whole, its four cells, no title
    read in it; before, cut rows were titles and two rows ran together."""
    text = (MASTHEAD + "菖溪县发展和改革局　　　　　　　2025年7月21日\n\n---\n\n## 县里召开信用修复工作推进会\n\n"
            + "\n\n".join(_wrap(p, 22) for p in PARAS) + "\n\n" + "\n".join(_wrap(r, 22) for r in PIPE_ROWS)
            + "\n\n" + _wrap(PARAS[2], 22) + "\n")
    root = _doc(text)
    assert _heads(root) == ["县里召开信用修复工作推进会"]
    got = [_texts(row, "tei:cell") for row in root.iterfind(".//{http://www.tei-c.org/ns/1.0}row")]
    assert len(got) == len(PIPE_ROWS)
    assert [len(r) for r in got] == [4] * len(PIPE_ROWS)
    assert got[4] == ["|黑名单|", "县人力资源和社会保障局|", "3|", "拖欠农民工工资失信联合惩戒对象|"]
    assert got[5] == ["|黑名单|", "县税务局|", "2|", "重大税收违法失信主体|"]


def test_a_title_with_one_comma_over_a_news_lead_in_a_text_without_blank_lines():
    """A report's title holding a comma (…完成修订，明确事项136项) between a paragraph that ended and
    a lead that opens with its time (近日，…), in a hard-wrapped text with no blank lines: the
    next report's title (``@cert`` medium); before, it was the first line of a paragraph."""
    text = ("菖溪县机构编制工作简报\n\n第8期\n\n中共菖溪县委机构编制委员会办公室　　　2025年8月20日\n\n"
            "县委编办召开全县机构编制业务培训会\n"
            + _wrap("8月12日，县委编办举办全县机构编制业务培训会，县直各单位分管机构编制工作的负责同志共110余人参加。"
                    "培训围绕机构编制法规、实名制管理等内容进行讲解，并现场演示了系统的操作流程。", 22)
            + "\n乡镇“属地管理”事项清单完成修订，明确事项136项\n"
            + _wrap("近日，县委编办会同县司法局完成全县乡镇（街道）“属地管理”事项责任清单修订工作。修订后的清单共明确事项"
                    "136项，比原清单减少19项，逐项列明县直部门和乡镇的主体责任与配合责任。", 22)
            + "\n" + _wrap("清单经县委编委会审议通过后，已印发各乡镇（街道）和县直有关部门执行。", 22)
            + "\n（县委编办综合股供稿）\n")
    root = _doc(text)
    assert _heads(root) == ["县委编办召开全县机构编制业务培训会", "乡镇“属地管理”事项清单完成修订，明确事项136项"]
    assert _texts(root, "//tei:div[@type='article'][2]/tei:head[@cert='medium']") == [
        "乡镇“属地管理”事项清单完成修订，明确事项136项"]
