"""Round 49 of the reader on series it has never seen (issue 21): the remaining cells of the older
held-out sets (y, ad, ag) and, after its first measure, heldout-av. Each test names the class of
text it reads and failed before the change that made it pass. The texts are written for the tests
(invented places 菖江, 菖州, 菖川 and 菖阳 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

SCHOOL_PAPER = """菖溪中学报

2025年6月20日　第3期

本报讯　近日，学校举行了同课异构活动，理科教师都参加了。活动结束后，备课组把教学设计汇编成册，供全校理科教师参考。

                           让每一堂课都有“回应”
                 ——访省级骨干教师、高二物理备课组长顾映雪

                            本报学生记者　石小满

    顾映雪老师在我校任教已经十九年，去年被评为省级骨干教师。她的物理课被学生称为最热闹的课，常常下课铃响了还有学生围着她问问题。

                            见习记者　柳青青

    这段话是另一篇稿子的开头，写的是学校的图书馆在暑假期间照常开放，欢迎同学们前来借阅。
"""


def test_a_school_papers_student_reporter_line_is_a_byline():
    """本报学生记者　X under a title and its ——subtitle (a school paper's reporter line: the paper's
    own 学生记者), and a 见习记者 line: bylines, no line of the subtitle."""
    root = _doc(SCHOOL_PAPER)
    assert _texts(root, "//tei:head[@type='sub']") == ["——访省级骨干教师、高二物理备课组长顾映雪"]
    assert "本报学生记者石小满" in _texts(root, "//tei:byline")


DIRECTORY = """菖州镇报

2025年10月24日　第20期

镇里修好了三座便民桥
　　本报讯　入秋以来，镇里组织力量修好了三座便民桥，沿河五个村的群众出行更方便了。

便民信息

镇党政综合办公室　8826 1001
镇便民服务中心　8826 1005
镇派出所　8826 1110
镇卫生院（急诊）　8826 1120
菖州供电所（故障抢修）　8826 1195
镇自来水厂（报修）　8826 1166

停电通知
　　因线路检修，10月28日8:00至17:00，镇东片区停电，请用户提前做好准备。
"""


def test_a_directory_boxs_entries_with_a_bracketed_service_are_no_table():
    """A directory box's entries, a name (with what the number is for in brackets: 镇卫生院（急诊）)
    and a telephone number grouped by a space (8826 1120): one entry a line, no table whose
    cells split the number."""
    root = _doc(DIRECTORY)
    assert not root.xpath("//tei:table", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    assert "镇卫生院（急诊）8826 1120".replace(" ", "") in _texts(root, "//tei:p")
    assert _heads(root) == ["镇里修好了三座便民桥", "便民信息", "停电通知"]


SPEECHES = """菖阳县民族宗教工作简报
第5期
菖阳县民族宗教事务局编　　2025年5月20日
宗教活动场所规范化管理经验交流会召开
5月15日，全县宗教活动场所规范化管理经验交流会召开，各乡镇分管负责同志作了交流发言。现将发言内容摘编如下。
1.菖口镇：网格管理让场所服务“零距离”
我镇有依法登记的宗教活动场所6处，点多面广，分布分散
。去年以来，我们把宗教活动场所全部纳入全镇综合治理网格，
每处场所明确1名网格员和1名驻点联系干部，实行“一月一
走访、一季一检查”。网格员发现场所存在消防器材过期、大
型活动未报备等问题的，当天上报、当天交办，去年共发现
并督促整改问题21个。
（菖口镇人民政府　罗慧敏）
2.东源乡：财务公开让信教群众心里“亮堂堂”
针对个别场所账目不清、群众有议论的情况，我乡指导4处
宗教活动场所统一使用县里印制的财务账簿，聘请乡财政
所退休会计每月上门帮助记账，收支情况每季度在场所公示栏
张贴公示。财务制度理顺后，场所管理组织成员之间的矛盾
少了，信教群众对场所管理的满意度明显提高。
（东源乡人民政府　向立新）
3.石桥镇：“一场所一档案”让管理有据可查
我们按照县局统一模板，为全镇5处宗教活动场所逐一建立档案
，内容包括登记证书、管理组织成员名单、教职人员备案、房
屋安全鉴定、消防检查记录和重大活动报备等12类材料
。档案由镇统战办统一保管、动态更新，县局年度检查时，检查
组调阅档案就能掌握场所的基本情况，减少了重复填报，
基层负担明显减轻。
（石桥镇人民政府　田春燕）
"""


def test_a_numbered_head_with_a_colon_is_no_wrapped_line_of_the_measure():
    """Speakers' points numbered 1. 2. 3. (unit：point, one colon and no other clause mark) over a
    ragged hard wrap without blank lines: the numbered heads are no wrapped lines when the wrap's
    width is estimated, so the third, narrower than the wrap, ends on its line (a sub-heading)."""
    root = _doc(SPEECHES)
    subs = _texts(root, "//tei:div[@type='subsection']/tei:head")
    assert "3.石桥镇：“一场所一档案”让管理有据可查" in subs
