"""Round 44 of the reader on series it has never seen (issue 21, on heldout-ar, measured once after
round 43): each test names the class of text it reads and failed before the change that made it
pass. The texts are written for the tests (invented places 蘋州 and 菖川 and their offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

BRIEFING = """# 宣传思想工作简报

**第8期（总第95期）**

中共蘋州市委宣传部编　　　　　　　　2025年5月28日

编者按：5月是我市第十二个“文明实践月”。本期集中刊发南塘镇推动新时代文明实践站提质增效的做法。新时代文明实践站建起来不容易，用起来、活起来更要下功夫。希望各乡镇（街道）对照检查本地实践站的运

— 1 —

行情况，在阵地、队伍、项目上补短板，让实践站真正成为群众愿意去、经常去的地方。

**【经验交流】**

## 南塘镇推动新时代文明实践站从“建起来”到“活起来”

南塘镇下辖15个行政村和2个社区，2021年实现新时代文明实践站全覆盖，但前几年不少实践站存在“有牌子没活动、有场地没人气”的问题。

### 一、盘活阵地，让实践站“有地方去”

**（一）整合闲置资源。**镇里对村级活动场所进行全面摸底，把闲置的村小学校舍改造成实践站活动室，共盘活闲置场地11处。

**（二）延长开放时间。**实践站实行“错时开放”，工作日晚上和周末全天向群众开放，由村干部和志愿者轮流值守。

**（三）配齐基本设施。**镇里统筹资金48万元，为各实践站添置了投影设备、图书柜和文体器材。

### 二、建强队伍，让实践站“有人干事”

镇里按照“1+N”模式组建志愿服务队伍，目前全镇注册志愿者达到2760人。

（南塘镇党委宣传办供稿）

---

报：市委常委

送：市人大常委会、市政府、市政协

发：各乡镇（街道）党（工）委

（共印150份）
"""


def test_numbered_run_in_points_an_issue_note_cut_by_a_page_and_a_standard_character():
    """A 简报 set in partial Markdown: the issue's editor's note, cut by the first page's end, goes
    on after the folio (no headless piece of its rest); bold run-in points （一）…。 under a ###
    sub-heading are the article's paragraphs, no column of brief items; 蘋 of the place's name is
    a standard character (通用规范汉字表), no stray Traditional one."""
    root = _doc(BRIEFING)
    assert _heads(root) == ["南塘镇推动新时代文明实践站从“建起来”到“活起来”"]
    assert _texts(root, "//tei:div[@type='brief']") == []
    assert _texts(root, "//tei:div[@type='editorial']/tei:p")[0].endswith("经常去的地方。")
    assert _texts(root, "//tei:body/tei:div[@type='article'][not(tei:head)]") == []
    assert _texts(root, "//tei:orig") == []


SCHOOL = """内部资料　免费交流

菖川老年大学校刊

2025年第3期（总第62期）

菖川县老年大学校务委员会编印　　　　　　2025年9月

【卷首语】

三十而立再启程

校长　沈毓华

金风送爽，丹桂飘香。在这个收获的季节里，我们迎来了菖川县老年大学建校三十周年。

三十年前，学校在县老干部活动中心的两间旧平房里起步，只开了书法、保健两个班，学员不足百人。

【校史回眸】

在两间平房里起步的日子

韩秀英口述　林晓岚整理

1995年秋天，县里决定办老年大学，我那时刚从县一中退休，被请去当了第一批教师，教书法。

【学员园地】

我的“第二青春”

花鸟画班　邓桂芳

我年轻时在县纺织厂当挡车工，一辈子没摸过画笔。退休后报了花鸟画班，从画一片叶子学起，如今已经能画一整幅荷塘了。

【书画苑】

师生书画摄影作品展开幕

9月16日，我校主办的师生书画摄影作品展在县文化馆一楼展厅开幕，展出书法、国画、摄影作品186件。

行书　《菖川赋》（局部）　卢文彬等

书法作品占了展厅的一半。楷书端庄，隶书古朴，行草则各有面目。

【来信】

写给学校的一封信

尊敬的校领导：

我是书法二班的学员古月华，今年七十六岁。三年来，老师们耐心教我们写字，我从心里感谢学校。

此致

敬礼！

学员　古月华

2025年7月10日
"""


def test_an_elderly_universitys_bylines_artwork_caption_and_letter():
    """A 老年大学's journal: a short office and a name (校长　X), an oral history's byline with the
    roles after the names (X口述　Y整理), an interest class and a name (花鸟画班　X) are bylines
    under their titles; an artwork's caption (行书　《…》（局部）　X等) is a figure of its own; a
    member's letter signed 学员　X over its date ends there."""
    root = _doc(SCHOOL)
    assert _heads(root) == ["三十而立再启程", "在两间平房里起步的日子", "我的“第二青春”", "师生书画摄影作品展开幕",
                            "写给学校的一封信"]
    assert _texts(root, "//tei:byline")[:3] == ["校长沈毓华", "韩秀英口述林晓岚整理", "花鸟画班邓桂芳"]
    assert _texts(root, "//tei:figure/tei:head") == ["行书《菖川赋》（局部）"]
    assert not any("2025年7月10日" in p for p in _texts(root, "//tei:p"))


PAPER = """菖川广播电视报

中共菖川县委宣传部主办　菖川县融媒体中心编印

2025年12月12日　星期五　第48期（总第1416期）

本期导读

● 红崖村的路和日子　　4版

第4版　专题

红崖村的路和日子

本报记者　苗青

从县城出发，沿着菖水河往东南方向走40多公里，就到了石门乡红崖村。村民郑桂芬在自家院里开了个农家乐，她一边擀面一边说：“过去做梦也想不到，咱这山沟沟里还能

第5版　专题

来这么多城里人。”

红崖村的变化，是我县“四好农村路”建设的一个缩影。（记者 苗青）

数说五年

● 新改建农村公路412公里

● 改造危桥37座

● 聘用农村公路护路员1160名

记者手记：路的那头是日子

采访红崖村那几天，听到最多的一句话是“多亏了这条路”。修一条路不容易，管好一条路更难。（贺一鸣）

本版责编：陶然

第6版　荧屏

菖川新闻综合频道节目预告（12月15日—12月21日）

每日固定节目

06:30　菖川新闻（重播）

07:00　早安菖川

19:30　菖川新闻

本周特别节目

12月16日（星期二）20:40　健康菖川：冬季谨防一氧化碳中毒

12月20日、21日　14:00　周末剧场：山那边的灯火（1—4集）

（节目如有变动，以当日播出为准）

菖川县融媒体中心关于有线电视网络升级期间部分频道暂停传输的公告

因有线电视网络升级改造，12月16日0:00至6:00，部分频道将暂停传输。由此给您带来的不便，敬请谅解。

特此公告。

菖川县融媒体中心

2025年12月10日

荧屏导视

《长街向暖》：一条老街的烟火四十年

菖川新闻综合频道将于12月15日起每晚19:45播出30集电视剧《长街向暖》。全剧没有大起大落的情节，却在柴米油盐中写出了普通人的坚守与温情。

本版责编：邱晓彤

第7版　生活服务

一周天气预报

12日（星期五）　晴转多云　-9℃～2℃　西北风2—3级

13日（星期六）　多云　-8℃～1℃　北风2级

14日（星期日）　阴转小雪　-7℃～-1℃　东北风2级

气象提示：受冷空气影响，14日我县有一次小雪天气过程，请广大群众注意防寒保暖。

（县气象局提供）

冬季取暖，谨防一氧化碳中毒

每年入冬以后，都是一氧化碳中毒的高发期。使用煤炉取暖的家庭，睡觉前要检查炉火是否封好、门窗是否留有通风缝隙。（县疾控中心 荀晓梅）

读者来信

楼道里的灯什么时候能亮？

编辑同志：

我家住在城关镇南关社区供销社家属院3号楼。从11月中旬开始，我们这个单元的楼道灯就坏了，希望有关部门帮忙催一催。

城关镇南关社区居民　马秀芬

本版责编：邱晓彤
"""


def test_a_county_tv_papers_pages():
    """A county radio-and-TV paper: a quote a spread's page label cut goes on after it; a bulleted
    box's last item ends on its line, and 记者手记：… under it is a title, no reporter line; a
    programme's title over its groups (每日固定节目, 本周特别节目) and timed or dated items, some with
    a strand's name and a colon; a column's name after a notice over a title where the 导读 names
    no column; a week's forecast after a page label, its day rows no title; a comma title after a
    credit; a letter's title that asks a question."""
    root = _doc(PAPER)
    assert _heads(root) == ["红崖村的路和日子", "数说五年", "记者手记：路的那头是日子",
                            "菖川新闻综合频道节目预告（12月15日—12月21日）",
                            "菖川县融媒体中心关于有线电视网络升级期间部分频道暂停传输的公告",
                            "《长街向暖》：一条老街的烟火四十年", "一周天气预报", "冬季取暖，谨防一氧化碳中毒",
                            "楼道里的灯什么时候能亮？"]
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["荧屏导视", "读者来信"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == ["每日固定节目", "本周特别节目"]
    assert any(p.endswith("咱这山沟沟里还能第5版专题来这么多城里人。”") for p in _texts(root, "//tei:p"))
