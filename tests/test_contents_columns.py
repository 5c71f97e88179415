"""A contents list printed in two columns side by side (a journal's 目录 as ``pdftotext -layout``
leaves it: one text line holds a left-column entry and a right-column one): each cell is an entry
of its own, linked to its article; the TEI keeps the rows in source order with ``@sortKey`` the
reading order; PDF and EPUB show the list column by column. Texts made for these tests."""

from __future__ import annotations

import re
import subprocess
import zipfile

from lxml import etree

from degrade import assert_round_trips

from convert.cli import main
from convert.reader import read_issues
from convert.tei import XML_ID, contents_reading_order, xpath

TWO_COLUMNS = """                              晚        晴

                           枫江县老干部活动中心刊

                 2025年第1期（总第20期）

枫江县老干部活动中心编印                                  2025年3月

                              目        录

  【中心动态】                            【诗文园地】
  活动中心春季课程开课………………1        咏梅……………………………方守仁  4
  门球队参加市老年门球赛………………1          山村早春………………………林秀芝  4
  中心开展健康讲座进社区………………2        【经验交流】
  【学员心声】                              学好太极先练站桩……………陈立德  5
  退休后我学会了用手机…………吴桂兰  3

【中心动态】

                        活动中心春季课程开课

    3月3日，县老干部活动中心春季课程开课，书法、声乐、太极拳等十个班同时开课，
报名学员四百余人。
    中心负责同志介绍，本季课程新增了手机摄影班和养生讲座，每周安排授课两次。

                        门球队参加市老年门球赛

    3月12日，县老干部门球队赴市里参加老年门球邀请赛，经过三天比赛获得第三名。
    队员们表示，回来后要加强配合训练，争取明年取得更好成绩。

                        中心开展健康讲座进社区

    3月20日，中心邀请县医院医生走进城东社区，为老同志讲解春季常见病的预防知识。
    讲座结束后，医生们还为到场的老同志测量了血压。

【学员心声】

                        退休后我学会了用手机

                               吴桂兰

    刚退休那两年，我连手机上的视频通话都不会用，想孙子了只能打电话。
    去年秋天，我报名参加了中心的手机应用班，从拍照、发语音学起，现在已经能自己网上缴费了。

【诗文园地】

                              咏梅

                              方守仁

                    寒枝独放一身香，
                    不与群芳竞艳妆。

                            山村早春

                              林秀芝

                    溪水潺潺绕石桥，
                    新芽点点上枝梢。

【经验交流】

                        学好太极先练站桩

                               陈立德

    学太极拳的人，往往急于学套路，其实站桩才是基本功。
    站桩能练腿力，也能让人心静下来，每天站上十分钟，半年就能见到效果。
"""


def _read(text):
    docs = read_issues(text, "wanqing.txt", warnings=[])
    assert len(docs) == 1
    return docs[0]


def test_a_contents_list_in_two_columns_links_every_entry_to_its_article_in_reading_order():
    doc = _read(TWO_COLUMNS)
    root = doc.root
    heads = {div.get(XML_ID): "".join(xpath(div, "tei:head")[0].itertext()).strip()
             for div in xpath(root, "//tei:body//tei:div[@type='article'][tei:head]")}
    sections = {div.get(XML_ID): "".join(xpath(div, "tei:head")[0].itertext()).strip()
                for div in xpath(root, "//tei:body//tei:div[@type='section']")}
    items = xpath(root, "//tei:front/tei:div[@type='contents']/tei:list/tei:item")
    # source order, row by row: each cell an item of its own
    printed = [re.sub(r"[…\s\d]|方守仁|林秀芝|陈立德|吴桂兰", "", "".join(xpath(i, "tei:ref")[0].itertext())) for i in items]
    assert printed == ["【中心动态】", "【诗文园地】", "活动中心春季课程开课", "咏梅", "门球队参加市老年门球赛", "山村早春",
                       "中心开展健康讲座进社区", "【经验交流】", "【学员心声】", "学好太极先练站桩", "退休后我学会了用手机"]
    # reading order: the left column top to bottom, then the right one
    reading = sorted(items, key=lambda i: i.get("sortKey"))
    assert [printed[items.index(i)] for i in reading] == [
        "【中心动态】", "活动中心春季课程开课", "门球队参加市老年门球赛", "中心开展健康讲座进社区", "【学员心声】",
        "退休后我学会了用手机", "【诗文园地】", "咏梅", "山村早春", "【经验交流】", "学好太极先练站桩"]
    # every entry names its own article (or its column's section), none two run together
    for item in items:
        ref = xpath(item, "tei:ref")[0]
        target = ref.get("target", "")[1:]
        text = "".join(ref.itertext()).strip()
        assert heads.get(target, sections.get(target)) == text, (text, target)
    # the authors in the right column are the entries' authors
    assert [n.text for n in xpath(root, "//tei:front//tei:name[@type='author']")] == [
        "方守仁", "林秀芝", "陈立德", "吴桂兰"]
    assert_round_trips([doc], TWO_COLUMNS)


def test_the_reading_order_copy_nests_each_columns_entries_under_its_name():
    doc = _read(TWO_COLUMNS)
    lst = xpath(doc.root, "//tei:front/tei:div[@type='contents']/tei:list")[0]
    ordered = contents_reading_order(lst)
    assert ordered is not lst and not xpath(ordered, ".//@sortKey")
    outline = [("".join(xpath(i, "tei:ref")[0].itertext()).strip(),
                [re.sub(r"\s", "", "".join(xpath(e, "tei:ref")[0].itertext())) for e in xpath(i, "tei:list/tei:item")])
               for i in xpath(ordered, "tei:item")]
    assert outline == [("【中心动态】", ["活动中心春季课程开课", "门球队参加市老年门球赛", "中心开展健康讲座进社区"]),
                       ("【学员心声】", ["退休后我学会了用手机"]), ("【诗文园地】", ["咏梅", "山村早春"]),
                       ("【经验交流】", ["学好太极先练站桩"])]
    # the document itself is unchanged: still flat, in source order
    assert len(xpath(lst, "tei:item")) == 11 and not xpath(lst, "tei:item/tei:list")


def test_pdf_and_epub_show_a_two_column_contents_column_by_column(tmp_path):
    src = tmp_path / "wanqing.txt"
    src.write_text(TWO_COLUMNS, encoding="utf-8")
    assert main([str(src), "--to", "pdf,epub", "-o", str(tmp_path), "-q", "-j", "1"]) == 0
    text = subprocess.run(["pdftotext", "-l", "2", str(tmp_path / "wanqing.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s", "", text)
    order = ["中心开展健康讲座进社区", "退休后我学会了用手机", "咏梅", "学好太极先练站桩"]
    at = [flat.find(t) for t in order]
    assert all(a >= 0 for a in at) and at == sorted(at), at
    with zipfile.ZipFile(tmp_path / "wanqing.epub") as z:
        name = next(n for n in z.namelist() if n.endswith("contents.xhtml"))
        page = etree.fromstring(z.read(name))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    top = page.xpath("//x:nav//x:ol[@class='toc'][not(ancestor::x:ol)]/x:li", namespaces=ns)
    names = [re.sub(r"\s", "", "".join(li.xpath("./x:a//text() | ./x:span//text()", namespaces=ns))) for li in top]
    assert names == ["【中心动态】", "【学员心声】", "【诗文园地】", "【经验交流】"]
    inner = top[2].xpath("./x:ol[@class='toc']/x:li", namespaces=ns)
    assert [re.sub(r"[\s…\d]|方守仁|林秀芝", "", "".join(li.itertext())) for li in inner] == ["咏梅", "山村早春"]


ONE_COLUMN_GAPS = """棣　花

2025年第2期（总第42期）

目　　录

卷首语
写给春天的几句话　　　　　　　　编　者　1
散　文
老街的早晨　　　　　　　　　　　　许青禾　2
河边的柳树　　　　　　　　　　　　蔡文远　3

卷首语

写给春天的几句话

　　春天来了，我们的刊物也迎来了新的一年。

——编　者

散　文

老街的早晨

许青禾

　　天还没亮，老街上的豆浆店就开了门。

河边的柳树

蔡文远

　　河边的柳树又绿了，像是一夜之间的事。
"""


def test_a_one_column_contents_with_wide_gaps_is_not_read_as_two_columns():
    doc = _read(ONE_COLUMN_GAPS)
    items = xpath(doc.root, "//tei:front/tei:div[@type='contents']//tei:item")
    assert not any(i.get("sortKey") for i in items)
    refs = ["".join(r.itertext()).strip().split("\u3000")[0] for r in xpath(doc.root, "//tei:front//tei:list/tei:item/tei:list/tei:item/tei:ref")]
    assert refs == ["写给春天的几句话", "老街的早晨", "河边的柳树"]
    assert_round_trips([doc], ONE_COLUMN_GAPS)


WRAPPED_IN_COLUMN = TWO_COLUMNS.replace(
    """  门球队参加市老年门球赛………………1          山村早春………………………林秀芝  4
  中心开展健康讲座进社区………………2        【经验交流】
  【学员心声】                              学好太极先练站桩……………陈立德  5
  退休后我学会了用手机…………吴桂兰  3
""",
    """  门球队参加市老年门球赛………………1        山村早春的溪水和新发的柳芽
  中心开展健康讲座进社区…2                ………………………………林秀芝  4
  【学员心声】                            【经验交流】
  退休后我学会了用手机…………吴桂兰  3      学好太极先练站桩……………陈立德  5
""").replace("                            山村早春\n", "                            山村早春的溪水和新发的柳芽\n")


def test_an_entry_wrapped_within_its_column_is_one_entry_in_two_linked_items():
    assert WRAPPED_IN_COLUMN.count("山村早春的溪水和新发的柳芽") == 2  # the text made as meant
    doc = _read(WRAPPED_IN_COLUMN)
    root = doc.root
    heads = {div.get(XML_ID): "".join(xpath(div, "tei:head")[0].itertext()).strip()
             for div in xpath(root, "//tei:body//tei:div[@type='article'][tei:head]")}
    items = xpath(root, "//tei:front/tei:div[@type='contents']/tei:list/tei:item")
    first = next(i for i in items if i.get("next"))
    rest = next(i for i in items if i.get("prev"))
    assert rest.get("prev") == "#" + first.get(XML_ID) and first.get("next") == "#" + rest.get(XML_ID)
    assert heads[xpath(first, "tei:ref/@target")[0][1:]] == "山村早春的溪水和新发的柳芽"
    assert xpath(rest, "tei:name[@type='author']")[0].text == "林秀芝"
    # the left cell printed between the two parts is an entry of its own, with its one-character leader
    between = items[items.index(first) + 1]
    assert items.index(rest) == items.index(first) + 2
    assert heads[xpath(between, "tei:ref/@target")[0][1:]] == "中心开展健康讲座进社区"
    assert xpath(between, "tei:num[@type='page']")[0].text == "2"
    before = items[items.index(first) - 1]
    assert heads[xpath(before, "tei:ref/@target")[0][1:]] == "门球队参加市老年门球赛"
    # every article the list names is linked once
    linked = [r[1:] for r in xpath(root, "//tei:front//tei:ref/@target") if r[1:] in heads]
    assert sorted(linked) == sorted(heads)
    # read as a reader reads it: one entry again, under its column
    ordered = contents_reading_order(xpath(root, "//tei:front/tei:div[@type='contents']/tei:list")[0])
    poems = xpath(ordered, "tei:item[tei:ref='【诗文园地】']/tei:list/tei:item")
    assert [re.sub(r"[\s…\d]|方守仁|林秀芝", "", "".join(p.itertext())) for p in poems] == ["咏梅", "山村早春的溪水和新发的柳芽"]
    assert len(xpath(poems[1], "tei:lb")) == 1 and xpath(poems[1], "tei:name")[0].text == "林秀芝"
    assert_round_trips([doc], WRAPPED_IN_COLUMN)


def test_the_first_entry_of_the_left_column_wrapped_belongs_to_the_list():
    """The list's first row of entries holds a left-column title whose leader and author the row
    below prints: the title is the list's (it was taken for a masthead line), linked in parts."""
    text = TWO_COLUMNS.replace(
        "  活动中心春季课程开课………………1        咏梅……………………………方守仁  4\n",
        "  活动中心春季课程开课和新增的手机班        咏梅……………………………方守仁  4\n"
        "  　…………………………………1                山村小景………………………林秀芝  4\n").replace(
        "                        活动中心春季课程开课\n", "                        活动中心春季课程开课和新增的手机班\n")
    doc = _read(text)
    root = doc.root
    first = xpath(root, "//tei:front/tei:div[@type='contents']/tei:list/tei:item[@next]")
    assert len(first) == 1
    target = xpath(first[0], "tei:ref/@target")[0][1:]
    head = xpath(root, f"//tei:div[@xml:id='{target}']/tei:head")[0]
    assert "".join(head.itertext()).strip() == "活动中心春季课程开课和新增的手机班"
    assert not any("活动中心春季课程开课" in "".join(p.itertext()) for p in xpath(root, "//tei:titlePage//*"))
    assert_round_trips([doc], text)
