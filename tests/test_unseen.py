"""Bulletins of the two genres that are not among the samples (hand-made in tests/fixtures):
jump lines at the start, a brief-news column, a reprint credit, bold sub-headings, a colophon."""

from __future__ import annotations

from pathlib import Path

from sampledata import first_difference, nows, source_content

from convert.reader import load, read_file
from convert.tei import xpath
from convert.writers.txt import render

FIXTURES = Path(__file__).parent / "fixtures"


def assert_round_trip(root, path):
    """The plain text of *root* gives back exactly the content characters of *path*."""
    got, want = nows(render(root)), source_content(path.read_text(encoding="utf-8"))
    assert got == want, first_difference(got, want)


def texts(root, path):
    return [nows("".join(el.itertext())) for el in xpath(root, path)]


def test_newsletter_page_two():
    path = FIXTURES / "newsletter-page2.txt"
    root = read_file(path)
    assert xpath(root, "string(//tei:sourceDesc/tei:biblStruct/@type)") == "newsletter"
    assert xpath(root, "string(//tei:sourceDesc/tei:biblStruct/tei:monogr/tei:imprint/tei:date/@when)") == "2021-03-15"
    # a distribution notice is no imprint statement (TEI P5 4.6): a typed note on the title page
    assert texts(root, "//tei:titlePage/tei:note[@type='notice']")[-1] == "内部资料免费交流"
    assert xpath(root, "string(//tei:publicationStmt/tei:availability/@status)") == "restricted"
    first = xpath(root, "//tei:body/tei:div[1]")[0]
    assert first.get("type") == "article" and not xpath(first, "tei:head")  # printed with no title
    assert texts(first, "tei:note[@type='continuation']") == ["（上接一版）"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == ["我区启动春季植树活动"]
    column = xpath(root, "//tei:div[@type='section']")[0]
    assert texts(column, "tei:head") == ["要闻简报"]
    briefs = xpath(column, "tei:div[@type='brief']")
    assert len(briefs) == 4
    assert texts(briefs[2], "tei:note[@type='source']") == ["摘自《郑州日报》"]
    assert texts(briefs[3], "tei:byline") == ["（通讯员赵亮）"]
    assert any("绿化面积三百亩" in p for p in texts(root, "//tei:p"))
    assert_round_trip(root, path)


def test_monthly_with_sub_headings():
    path = FIXTURES / "monthly-subheads.txt"
    root = read_file(path)
    assert xpath(root, "string(//tei:sourceDesc/tei:biblStruct/@type)") == "monthly"
    assert texts(root, "//tei:body/tei:div[@type='section']/tei:head") == ["本月关注", "工作动态"]
    art = xpath(root, "//tei:div[@type='article']")[0]
    assert texts(art, "tei:div[@type='subsection']/tei:head") == ["一、项目建设成效明显", "二、下一步工作安排"]
    assert not xpath(art, ".//tei:head/tei:hi")  # bold was the heading's markup
    assert any("确保项目按期完成" in p for p in texts(root, "//tei:p"))
    assert xpath(root, "string(//tei:back//tei:ab[@type='printRun']/tei:num/@value)") == "120"
    targets = xpath(root, "//tei:div[@type='contents']//tei:ref/@target")
    assert targets == ["#s1", "#a1", "#s2", "#a2"]
    assert_round_trip(root, path)


def test_monthly_with_contents_heading_and_wrong_markdown_levels():
    """「目录」 heads the contents list; sections are ###, articles ## (levels the wrong way round);
    …… leaders; a printed title that differs from the body heading (督导 vs 督导工作)."""
    path = FIXTURES / "monthly-wrong-levels.txt"
    root = read_file(path)
    assert texts(root, "//tei:div[@type='contents']/tei:head") == ["目录"]
    assert not xpath(root, "//tei:titlePage/tei:docTitle")  # 目录 is no title
    assert texts(root, "//tei:body/tei:div[@type='section']/tei:head") == ["本月关注", "工作动态"]
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "全区防汛救灾工作会议召开", "我区开展灾后重建督导工作", "区史志办开展年鉴资料征集工作"]
    assert xpath(root, "//tei:div[@type='contents']//tei:item/tei:ref/@target") == ["#s1", "#a1", "#a2", "#s2", "#a3"]
    assert any("当前最重要的工作来抓" in p for p in texts(root, "//tei:p"))
    assert_round_trip(root, path)


def test_newsletter_title_with_subtitle():
    """A title with a ——subtitle is the title and its subtitle (head, head type="sub"), not a
    masthead line plus an article."""
    path = FIXTURES / "newsletter-subtitle.txt"
    root = read_file(path)
    assert texts(root, "//tei:titlePage/*") == ["上街时报", "2021年6月8星期二", "第11期(总第702期)"]
    first = xpath(root, "//tei:div[@type='article']")[0]
    assert texts(first, "tei:head[not(@type)]") == ["凝心聚力谋发展砥砺奋进新征程"]
    assert texts(first, "tei:head[@type='sub']") == ["——我区召开2021年重点工作推进会"]
    assert texts(root, "//tei:div[@type='article']/tei:head[not(@type)]")[1] == "区领导调研企业复工复产"
    assert len(xpath(root, "//tei:div[@type='brief']")) == 2
    assert_round_trip(root, path)


def test_clean_text_defects_of_issue_11():
    """A ``##`` heading holding ！ is a heading; a paragraph cut after a closing quote
    (…全面落实“六保” / 任务，…) is one <p>; bare sub-headings ``X，Y`` with siblings are
    sub-headings, not the first half of a cut paragraph; the markup confirms the article titles
    (no @cert), the X，Y sub-headings rest on their shape (@cert, issue 21)."""
    path = FIXTURES / "newsletter-subheads.txt"
    warnings: list[str] = []
    root = load(path, warnings=warnings)
    assert texts(root, "//tei:div[@type='article']/tei:head") == [
        "榜单揭晓！郑州获评“2020中国最具幸福感城市”", "我区召开“六稳”“六保”工作推进会",
        "区税务局多措并举优化营商环境", "我区开展冬季安全生产大检查"]
    art = xpath(root, "//tei:div[@type='article']")[2]
    assert texts(art, "tei:div[@type='subsection']/tei:head") == [
        "惠企政策精准送，咨询诉求及时答", "办税流程再简化，服务效率再提升", "线上线下齐发力，纳税服务更暖心"]
    assert all(len(xpath(sub, "tei:p")) == 1 for sub in xpath(art, "tei:div[@type='subsection']"))
    assert any("全面落实“六保”任务，扎实做好" in p for p in texts(root, "//tei:p"))
    assert [t for d in xpath(root, "//tei:div[@type='article']") for t in texts(d, "tei:byline")] == [
        "(记者王敏)", "(记者李华张伟)", "(通讯员赵亮)", "(记者孙丽)"]
    assert xpath(root, "//tei:div[@type='article']/tei:head/@cert") == []
    assert xpath(art, "tei:div[@type='subsection']/tei:head/@cert") == ["medium"] * 3
    assert len(warnings) <= 1 and xpath(root, "//tei:text//tei:p/@cert") == []
    assert_round_trip(root, path)
