"""Round 34 of the reader on series it has never seen (issue 21, on heldout-aj): each test names
the class of text it reads and failed before the change that made it pass."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

from convert.reader import read_issues
from convert.tei import xpath


#: A journal whose back cover prints its title, frequency and issue line again over the colophon
#: fields; a 要目 list without leaders; a box with its own (bold) title between two columns; a
#: column the list leaves out (补白) with its piece's title.
BACK_COVER = """藜溪方志

2025年第3期（总第60期）

藜溪区地方志办公室编　　　　　　2025年9月

**本期要目**

区志编纂工作推进会召开                                1
写好大事记的几点体会                                  2

## 【工作动态】

**区志编纂工作推进会召开**

9月6日，全区志书编纂工作推进会召开，会议部署第三轮区志编纂任务。

## 【业务交流】

**写好大事记的几点体会**

大事记是志书的经，要做到以时为序、一事一条、要素齐全。

方志知识

**“生不立传”**

“生不立传”是历代修志的一条原则，指志书不为在世人物立传，以免评价失当。

【补白】

年鉴与志书的区别

年鉴一年一卷，逐年记述；志书二十年左右一修，通合古今。

· 4 ·

藜溪方志

（季刊）

2025年第3期（总第60期）

主　　办：藜溪区地方志办公室
主　　编：严　川
地　　址：藜溪区迎宾大道1号
印　　数：300册
"""


def test_the_issues_title_and_number_again_over_its_back_cover_colophon_open_no_new_issue():
    """The periodical's title, its frequency (（季刊）) and the issue's own number printed again over
    the colophon fields on the back cover (版权页), nothing else after them: one document, the
    three lines the colophon's caption (``ab type="caption"``), no untitled article."""
    docs = read_issues(BACK_COVER, "t.txt", warnings=[])
    assert len(docs) == 1
    root = _doc(BACK_COVER)
    assert _texts(root, "//tei:back//tei:ab[@type='caption']") == ["藜溪方志", "（季刊）", "2025年第3期（总第60期）"]


def test_a_knowledge_box_with_its_own_title_between_columns_is_a_box():
    """A box's name (方志知识) after a finished text, over its own title (bold) and its text, in a
    journal whose contents list names every piece: ``div type="box"``, the name its head, the
    title its second head (``type="sub"``)."""
    root = _doc(BACK_COVER)
    assert _texts(root, "//tei:div[@type='box']/tei:head[not(@type)]") == ["方志知识"]
    assert _texts(root, "//tei:div[@type='box']/tei:head[@type='sub']") == ["“生不立传”"]


def test_a_title_under_a_column_the_contents_list_leaves_out_is_its_pieces_title():
    """Right under the name of a column the contents list does not name (【补白】), over running
    text: the title of its piece (``@cert`` medium)."""
    root = _doc(BACK_COVER)
    assert "年鉴与志书的区别" in _heads(root)


#: A briefing with labelled level-1 sub-headings over (一) and 1. ones, and a plain column name
#: after a credit over brief items opened by a body's name, the first one cut by a page break.
LABELLED_LEVELS = """税务工作简报

2025年第9期

柘溪县税务局办公室　　　　2025年9月30日

县局多措并举优化办税服务

今年以来，县局围绕纳税人需求，持续优化办税缴费服务。

一、精准推送：让政策红利“找上门”

（一）建立推送机制

县局依托征管数据为纳税人精准画像，分类推送政策。

（二）开展上门辅导

对重点企业开展一户一策上门辅导。

二、流程再造：让办税缴费“少跑快办”

（一）拓展办税渠道

1.推广智能填报

电子税务局新增智能填报功能，申报时间平均缩短四成。

2.设立通办专窗

办税服务厅设立跨区域通办专窗，外地纳税人就近办理。

（纳税服务股供稿）

基层动态

**城关税务分局：**9月下旬，组织青年税务干部走进县城步行街，开展“税务进商圈”宣传活动，为个体工商户讲解定期定额核定、数电发票开具和

- 2 -

经营所得个人所得税申报等政策。（林　晓）

**桑园税务分局：**针对辖区农产品加工企业集中的特点，对23户企业开展专项辅导，帮助企业规范收购发票开具。（周雨涵）

**石桥税务分局：**联合县医保局启动城乡居民医保集中征缴工作，在各行政村设立缴费服务点。（蒋　波）
"""


def test_labelled_sub_headings_nest_by_their_numbers_level():
    """Numbered sub-headings of a label and its theme (一、精准推送：让政策红利“找上门”) nest by their
    number's level (GB/T 15834-2011 B.3.8): （一） and 1. under them, 二、 a sibling of 一、."""
    root = _doc(LABELLED_LEVELS)
    top = _texts(root, "//tei:div[@type='article']/tei:div[@type='subsection']/tei:head")
    assert top == ["一、精准推送：让政策红利“找上门”", "二、流程再造：让办税缴费“少跑快办”"]
    assert _texts(root, "//tei:div[@type='subsection'][tei:head[starts-with(., '二、')]]"
                        "/tei:div[@type='subsection']/tei:div[@type='subsection']/tei:head") == ["1.推广智能填报", "2.设立通办专窗"]


def test_a_plain_column_name_after_a_credit_over_run_in_items_is_their_column():
    """A short plain name after a piece's credit (基层动态) over items each opened by a body's name
    and a colon, the first one cut by a page break: the column (``div type="section"``), each item
    a ``div type="brief"``, the first too."""
    root = _doc(LABELLED_LEVELS)
    assert _texts(root, "//tei:div[@type='section']/tei:head") == ["基层动态"]
    assert _texts(root, "//tei:div[@type='section']/tei:div[@type='brief']/tei:head") == [
        "城关税务分局", "桑园税务分局", "石桥税务分局"]


#: A briefing with a notice's name in 【】 over numbered advice, and a masthead whose 编印 unit and
#: date stand apart by one space.
TIPS_BOX = """消防工作简报

第5期（总第112期）

杞溪县消防救援大队 2025年5月30日

全县火灾形势总体平稳

1—5月，全县共接报火灾48起，与去年同期相比下降15.8%。

（县消防救援大队防火监督科）

【温馨提示】

①电动自行车要在室外安全区域停放充电，不要推入楼道和室内。

②外出前要关闭不必要的电器电源，不要在一个插座上接用多个大功率电器。
"""


def test_a_notices_name_in_brackets_over_numbered_advice_is_a_box():
    """A notice's name in 【】 (【温馨提示】) over untitled advice in numbered items and nothing titled
    after it: a box set beside the stories (``div type="box"``, the name its head), no column."""
    root = _doc(TIPS_BOX)
    assert _texts(root, "//tei:div[@type='box']/tei:head") == ["【温馨提示】"]
    assert xpath(root, "//tei:div[@type='section']") == []


def test_a_body_and_a_date_one_space_apart_under_the_issue_number_are_the_masthead():
    """The 编印 unit and the date one space apart (a copy that turned the gap into a space) under the
    issue number: the masthead's imprint and date, the issue date in the header; the title under
    them the first article's."""
    root = _doc(TIPS_BOX)
    assert _heads(root) == ["全县火灾形势总体平稳"]
    assert xpath(root, "string(//tei:monogr//tei:imprint/tei:date/@when)") == "2025-05-30"


#: A company paper hard-wrapped without blank lines: a 导读 whose entries print the page first in
#: brackets, and a 副刊 poem under its title and its author's standing and name.
PAPER = """檫源邮政报
主办：中国邮政集团有限公司檫源县分公司
2025年11月14日　星期五
第22期（总第486期）　　本期4版
本期导读
【2版】金融服务跟着茶季走
【4版】副刊·檫树开花的时候
分公司召开旺季寄递保障会
本报讯（通讯员 游春燕）11月6日，分公司召开旺季寄递保障会，部署“双11”寄递工作。
第2版　综合
金融服务跟着茶季走
本报讯（通讯员 陈立伟）茶季到来，分公司组织金融服务队走进茶园，为茶农上门办理业务。
第4版　副刊
檫树开花的时候
文／郑小满
村口那棵檫树，每年春天都开满黄花，父亲挑着邮担从树下走过。
七绝·夜过分拣中心
退休职工　叶秉南
千包万件似潮来，
彻夜灯明百线开。
莫道山村千里远，
晨曦伴送到窗台。
"""


def test_contents_entries_that_print_their_page_first_in_brackets_are_entries():
    """A 导读 whose entries open with their page in brackets (【2版】金融服务跟着茶季走): a contents
    list, each entry linked to its story, never a heading."""
    root = _doc(PAPER)
    assert _texts(root, "//tei:front//tei:div[@type='contents']//tei:item") == [
        "【2版】金融服务跟着茶季走", "【4版】副刊·檫树开花的时候"]
    assert not any(h.startswith("【") for h in _heads(root))


def test_a_poem_under_its_title_and_a_retired_workers_name_is_verse():
    """A classical poem (七绝) under its title and the author's standing and name (退休职工　叶秉南):
    the author line is the piece's byline, the four lines its ``lg``."""
    root = _doc(PAPER)
    div = xpath(root, "//tei:div[tei:head[.='七绝·夜过分拣中心']]")[0]
    assert _texts(div, "tei:byline") == ["退休职工叶秉南"]
    assert len(xpath(div, ".//tei:l")) == 4


def test_the_issues_running_head_cut_by_a_wrap_after_a_credit_opens_no_new_issue():
    """heldout-aj's 红十字通讯 in wrap-headings (seeds 0 and 1): the odd pages' running head
    2025年第2期 cut by the wrap (``20`` / ``25年第2期``, ``2025年`` / ``第2期``) at a page's top, right
    after a piece's credit and the page's folio: a running head, no masthead of a second issue."""
    import random
    from pathlib import Path

    from degrade import DEGRADATIONS

    path = Path(__file__).resolve().parent.parent / "bench/heldout/aj/hongshizi-mizhou-2025-no2.txt"
    for seed in (0, 1):
        text, _ = DEGRADATIONS["wrap-headings"](path.read_text(encoding="utf-8"),
                                                random.Random(f"{seed}:wrap-headings:{path.name}"))
        assert len(read_issues(text, path.name, warnings=[])) == 1, seed


def test_every_writer_renders_a_document_number_in_the_title_page(tmp_path):
    """The 发文字号 the title page holds (``docImprint/idno type="docNumber"``) is rendered by every
    writer: the PDF's text (pdftotext), the EPUB's title page, the OFD and the plain text give it back.
    Failed before: the PDF and EPUB writers had no handler for ``idno`` and refused the document."""
    import subprocess
    import zipfile

    from test_reader_round33 import DOC_NUMBER_NOTICE

    from convert.options import WriterOptions
    from convert.tei import to_bytes
    from convert.writers import epub as epub_writer, ofd as ofd_writer, pdf as pdf_writer
    from convert.writers.txt import render

    root = _doc(DOC_NUMBER_NOTICE)
    number = "柘督通〔2025〕2号"
    assert number in render(root)
    pdf = tmp_path / "t.pdf"
    pdf_writer.write(root, WriterOptions(pdfa="2b", source_name="t.txt", tei_bytes=to_bytes(root)), pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert number in "".join(text.split())
    epub = tmp_path / "t.epub"
    epub_writer.write(root, WriterOptions(source_name="t.txt"), epub)
    with zipfile.ZipFile(epub) as z:
        assert any(number in z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
    ofd = tmp_path / "t.ofd"
    ofd_writer.write(root, WriterOptions(source_name="t.txt"), ofd)
    assert ofd.stat().st_size > 0
