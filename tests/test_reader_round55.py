"""Round 55 of the reader on series it has never seen (issue 21): the remaining cells of heldout-ay, then
heldout-az after its first measure. Each test names the class of text it reads and failed before the change
that made it pass. The texts are written for the tests (invented places 菖溪, 菖州 and 菖川 and their
offices); a hard wrap is made by :func:`_wrap`."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

TEI = "{http://www.tei-c.org/ns/1.0}"


def _wrap(paragraph: str, width: int) -> str:
    """*paragraph* cut every *width* characters, as a hard wrap leaves it."""
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


def _paragraphs(root) -> list[str]:
    return ["".join(p.itertext()) for p in root.iter(f"{TEI}p")]


MASTHEAD = "内部资料\n\n菖州市菖溪街道社区工作简报\n\n2025年第9期（总第61期）\n\n菖州市菖溪街道党工委办公室　　　　　　　2025年9月22日\n\n"

RHYME = ["守住钱袋不上当，", "陌生来电先挂断；", "中奖返利全是假，", "转账之前问一问。",
         "养老投资别轻信，", "保健神药是圈套；", "遇事多和儿女说，", "平安晚年乐陶陶。"]


def test_a_rhyme_a_report_quotes_is_verse_with_its_title_and_author():
    """A 顺口溜 a report quotes under its paragraph (its title, the author's bare name, two stanzas
    of seven-character lines each closing its clause, a blank line after every line): one
    ``lg type="poem"`` inside the report with its ``head`` and ``byline``, two stanzas of four
    ``l``; the report's credit after it. Before, the title, the name and the lines ran together
    in paragraphs."""
    lines = RHYME[:4] + [""] + RHYME[4:]
    text = (MASTHEAD + "【平安社区】\n\n菖溪社区开展防范养老诈骗宣传\n\n"
            "9月以来，菖溪社区联合辖区派出所开展防范养老诈骗宣传活动，民警和网格员走进小区，为老年居民讲解常见骗局。\n\n"
            "社区网格员把常见的骗局编成顺口溜，印在宣传单上，教给社区老年合唱队在活动中表演。\n\n"
            "防骗顺口溜\n\n韩小梅\n\n" + "\n\n".join(lines) + "\n\n（菖溪社区供稿）\n\n"
            "菖溪街道召开秋季安全生产工作会议\n\n"
            "9月18日，街道召开秋季安全生产工作会议，部署节前安全隐患排查整治工作，各社区和辖区企业负责人参加会议。\n")
    root = _doc(text)
    assert _heads(root) == ["菖溪社区开展防范养老诈骗宣传", "菖溪街道召开秋季安全生产工作会议"]
    poems = list(root.iter(f"{TEI}lg"))
    poem = [lg for lg in poems if lg.get("type") == "poem"]
    assert len(poem) == 1
    assert _texts(poem[0], "tei:head") == ["防骗顺口溜"]
    assert _texts(poem[0], "tei:byline") == ["韩小梅"]
    assert [_texts(st, "tei:l") for st in poem[0].iterfind(f"{TEI}lg")] == [RHYME[:4], RHYME[4:]]
    assert poem[0].getparent().get("type") == "article"
    assert not any(v in p for v in RHYME + ["防骗顺口溜", "韩小梅"] for p in _paragraphs(root))


def test_a_letters_date_under_its_signature_is_a_line_of_its_own():
    """A letter's signature, a group's name with no punctuation, over its date alone (…全体居民 /
    2025年9月6日: 书信 practice), a blank line between: two lines of the text, never one
    paragraph; before, the date ran into the signature."""
    text = (MASTHEAD + "【居民心声】\n\n一封来自菖溪小区的感谢信\n\n尊敬的菖溪街道党工委、办事处：\n\n"
            "我们是菖溪小区的居民。今年夏天，社区帮我们修好了漏水多年的屋顶，又在楼道里装上了扶手，大家都十分感激。\n\n"
            "此致\n\n敬礼！\n\n菖溪小区3号楼全体居民\n\n2025年9月6日\n")
    root = _doc(text)
    paras = _paragraphs(root)
    assert "菖溪小区3号楼全体居民" in paras
    assert "2025年9月6日" in paras


def test_an_addressee_line_of_bodies_under_a_title_in_a_text_without_blank_lines():
    """A 主送 line naming bodies as 县直有关单位 (GB/T 9704-2012 7.3.3: the bodies addressed, a colon
    after the last) under a document's title, the text hard-wrapped with no blank line: a line of
    its own; before, it ran into the first sentence under it."""
    body = ("8月份，县营商环境投诉举报中心共受理涉企诉求412件，较7月份增加37件，已办结398件，办结率96.6%，"
            "企业满意率98.1%。现将有关情况通报如下。")
    text = ("菖溪县优化营商环境工作简报\n第9期\n菖溪县优化营商环境工作领导小组办公室　　　2025年9月10日\n"
            "关于8月份涉企诉求办理情况的通报\n各乡镇人民政府、街道办事处，县直有关单位：\n" + _wrap(body, 24) + "\n")
    root = _doc(text)
    assert "各乡镇人民政府、街道办事处，县直有关单位：" in [
        "".join(t.split()) for t in _paragraphs(root) + _texts(root, "//tei:opener") + _texts(root, "//tei:salute")]


def test_a_line_wider_than_the_title_above_it_opens_the_text():
    """In a text a scan wrapped again (no blank lines, about 24 wide), a title narrower than the
    measure over a line as wide as a wrapped one and wider than the title, running text under
    it: the line is the text's first, not the title's rest; before, the two were one title."""
    text = ("菖川县卫生健康工作简报\n第12期\n菖川县卫生健康局办公室　　　　2025年12月19日\n"
            "菖川县举办家庭医生签约服务技能竞赛\n"
            "12月10日，县卫生健康局举办家庭医生签约服务技能\n"
            "竞赛，全县各乡镇卫生院的12支代表队参加比赛，竞赛\n"
            "设理论考试和实操考核两个环节。\n"
            + _wrap("竞赛中，各代表队围绕慢性病随访、健康档案管理、家庭病床服务等内容展开比拼，评委现场打分，最终评出团体一等奖2个、"
                    "二等奖3个、三等奖4个。县卫生健康局有关负责人表示，将以竞赛为契机，进一步提升家庭医生团队的服务能力，"
                    "让群众在家门口享受到更加优质的健康服务。", 24) + "\n"
            "2026年度城乡居民医保参保缴费政策解读\n"
            "2026年度城乡居民基本医疗保险集中参保缴费工作已\n"
            "于9月1日启动，集中缴费期将于12月31日结束。\n"
            "截至12月15日，全县已有38.6万人完成缴费，参保\n"
            "率为92.1%。为方便群众及时参保，现将有关政策解读\n"
            "如下。\n")
    root = _doc(text)
    assert _heads(root) == ["菖川县举办家庭医生签约服务技能竞赛", "2026年度城乡居民医保参保缴费政策解读"]


def test_entries_labelled_by_bodies_under_a_leads_colon_are_lines_of_their_own():
    """Under a lead ending in a colon (…门诊安排如下：), the entries of a list each opened by a
    body's name and a colon (县人民医院：…), the text hard-wrapped with no blank lines and the
    lead filling its line: the first entry opens a line; before, it ran into the lead."""
    lead = "2026年元旦假期为1月1日至3日。经县卫生健康局统筹安排，假期期间县级医疗机构门诊安排如下："
    items = ["县人民医院：1月1日普通门诊停诊，开设专家门诊；1月2日、3日门诊正常开诊。",
             "县中医院：假期门诊正常开诊，中医内科、针灸推拿科照常接诊。"]
    text = ("菖川健康报\n2025年12月19日\n\n元旦期间县级医疗机构门诊安排\n" + _wrap(lead, 23) + "\n"
            + "\n".join(_wrap(t, 23) for t in items) + "\n")
    root = _doc(text)
    paras = ["".join(p.split()) for p in _paragraphs(root)]
    assert not any("如下：县人民医院" in p for p in paras)
    assert any(p.startswith("县人民医院：") for p in paras)
