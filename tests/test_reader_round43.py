"""Round 43 of the reader on series it has never seen (issue 21, on heldout-aq and the cells it
still failed after round 42): each test names the class of text it reads and failed before the
change that made it pass. The texts are written for the tests (invented city 菖州 and its
offices)."""

from __future__ import annotations

from reader_doc import article_heads as _heads, one_document as _doc, texts as _texts

EVENTS = """菖州社区报
主办：菖州市青屿区菖塘街道办事处
2025年11月28日　星期五
第11期（总第86期）

第二版　社区动态

社区快讯

■桂香苑社区为困难家庭送上冬衣　11月20日，桂香苑社区走访辖区12户困难家庭，送去棉衣、棉被等过冬物资。（桂香苑社区 郑可欣）

■柳岸社区开办“四点半课堂”　11月3日起，柳岸社区利用活动室开办“四点半课堂”，由大学生志愿者照看放学后无人接送的小学生。（柳岸社区 葛明轩）

12月社区活动预告

日期　　活动　　地点　　报名电话
12月6日（周六）　　亲子垃圾分类游园会　　荷风社区党群服务站　　86213371
12月13日（周六）　　老年人智能手机课　　柳岸社区活动室　　86213372
12月20日（周六）　　冬至包饺子　　桂香苑社区食堂　　86213373

活动名额有限，请提前电话报名。

本版编辑：岑立　校对：卢晓
"""


def test_a_table_piece_after_a_columns_last_brief():
    """After a brief column's last bulleted item, closed by its credit, a line with no bullet set
    over a table (12月社区活动预告 / the rows / a note): the title of a piece of its own, outside
    the column, the table in it; no headless brief item."""
    root = _doc(EVENTS)
    assert _heads(root) == ["12月社区活动预告"]
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["社区快讯"]
    assert len(_texts(root, "//tei:div[@type='brief']")) == 2
    assert _texts(root, "//tei:div[@type='article']/tei:table/tei:row[1]/tei:cell") == ["日期", "活动", "地点", "报名电话"]


NO_BLANKS = """菖州社区报
主办：菖州市青屿区菖塘街道办事处
2025年11月28日　星期五
第11期（总第86期）
第三版　民生服务
2026年度城乡居民医保开始缴费
本报讯（通讯员 潘悦）2026年度城乡居民基本医疗保险集中缴费工作已经开始，缴费截止时间为2025年12月31日。
一、缴费标准
2026年度个人缴费标准为每人每年400元。
二、缴费方式
居民可通过手机银行、微信、支付宝等渠道缴费，也可以到社区党群服务站由工作人员协助办理。
咨询电话：86213375（街道社区服务中心医保窗口）
冬季用电用气安全提示
1.使用燃气时要有人看管，用完后及时关闭灶具开关和燃气表前阀门。
2.电动自行车不要进楼入户，请到小区集中充电点充电，充满后及时断电。
（街道应急管理办公室供稿）
第四版　邻里·文艺
初冬，在菖塘
◎ 林远舟
初冬的风穿过巷口
把最后几片梧桐叶
轻轻放在石凳上
新装的电梯停在六楼
门一开，老人探出身子
她说终于可以下楼
去看看菜市场的萝卜
傍晚，社区食堂亮了灯
我们在同一盏灯下吃饭
我们小区的“变形记”
荷风小学四年级（3）班　林小满
我家住在纺织新村。以前我们小区的路坑坑洼洼的，一下雨就变成了一个个小水塘。今年春天，小区里来了好多工人叔叔，铺上了黑黑的柏油路。
"""


def test_a_contact_line_a_poem_and_a_pupils_essay_with_no_blank_lines():
    """One paragraph to a line and no blank line anywhere: a notice's contact line with the office
    in brackets (咨询电话：…（…窗口）) ends there, and the next notice's title is a title, not a
    sub-heading of the numbered notice above; a poem's lines with commas inside stay a line each,
    and the pupil's essay title after the poem is a title, not verse."""
    root = _doc(NO_BLANKS)
    assert _heads(root) == ["2026年度城乡居民医保开始缴费", "冬季用电用气安全提示", "初冬，在菖塘", "我们小区的“变形记”"]
    assert _texts(root, "//tei:div[@type='subsection']/tei:head") == ["一、缴费标准", "二、缴费方式"]
    assert "门一开，老人探出身子" in _texts(root, "//tei:lg[@type='poem']//tei:l")
    assert "我们小区的“变形记”" not in _texts(root, "//tei:lg//tei:l")


LETTER = """菖州社区报
主办：菖州市青屿区菖塘街道办事处
2025年11月28日　星期五
第11期（总第86期）

第三版　民生服务

长者食堂推出冬季“暖心套餐”

本报讯（通讯员 严思琪）入冬以来，柳岸社区长者食堂调整了
菜单，推出一荤两素一汤的冬季“暖心套餐”，每份定价12元，
60岁以上老人凭长者卡就餐每餐优惠3元。目前，长者食堂每天
就餐的老人有150人左右，其中送餐上门的有28户。

居民来信

楼下的油烟散了，心里的疙瘩也解开了

编者按：柳岸花园小区一家烧烤店的油烟扰民问题，居民反
映了一年多。今年9月，柳岸社区把这件事搬上了居民议事会，
店主、居民和城管、环保部门的工作人员坐到一起，商定了
改造方案。问题解决后，居民冯淑琴给本报写来一封信。
我们把来信刊登出来，也希望这样的“议事”能在更多地
方办起来。

编辑同志：

我家住在柳岸花园3幢二楼，楼下临街的门面房前年开了一家烧
烤店。店里生意好，每天下午四点开始生火，一直烤到半夜，
油烟顺着窗户往屋里钻，晾在阳台上的衣服全是烟味，夏天热
得要命也不敢开窗。

今年9月，社区的小杨上门来，说社区要开一次议事会，专门
商量这件事。店主当场答应把排烟管道改到楼顶，上个月已经
改好了。

居民　冯淑琴
"""


def test_a_letter_title_over_an_editors_note_the_wrap_left_ragged():
    """A readers' letters column: its name, the letter's title, an editor's note whose last
    sentence the wrap set on lines of their own, the salutation, the letter: the name is the
    column, the line under it the letter's title."""
    root = _doc(LETTER)
    assert _heads(root) == ["长者食堂推出冬季“暖心套餐”", "楼下的油烟散了，心里的疙瘩也解开了"]
    assert _texts(root, "//tei:body//tei:div[@type='section']/tei:head") == ["居民来信"]


TAIL = """内部资料　注意保存
菖　州　团　讯
第8期（总第147期）
共青团菖州市委　　　　　　　　　　　　2025年8月22日
本期要目
我市暑期“三下乡”社会实践活动圆满收官
“青春留菖”高校毕业生专场招聘会举办
我市86名困难学子获希望工程“圆梦行动”资助
【工作动态】
菖州市2025年大中专学生志愿者暑期文化科技卫生“三下乡
”社会实践活动圆满
收官
　　7月至8月，团市委组织全市大中专学生志愿者深
入开展暑期文化科技卫生“三下乡”社会实践活动，共
组建“青春宣讲”“科技支农”“青春护苗”等各类实
践团队46支，动员在外就读的菖州籍大学生和驻市高
校学生1320人参与，开展各类服务活动640余场
次，直接服务群众2.3万人次。
（团市委青年发展部供稿）
“青春留菖”高校毕业生专场招聘会举办
　　8月9日，团市委联合市人社局在市青年之家举办
“青春留菖”高校毕业生专场招聘会，86家企业提供
电子信息、装备制造、商贸物流等领域就业岗位260
0余个，1100余名高校毕业生进场求职，初步达成
就业意向430人。
（团市委青年发展部供稿）
我市86名困难学子获希望工程“圆梦行动”资助
　　8月15日，希望工程“圆梦行动”助学金发放仪
式在市青少年活动中心举行，86名家庭困难的新录取
大学生每人获得5000元资助，资助资金由爱心企业
和社会各界捐赠，共计43万元。
（市青少年发展基金会供稿）
"""


def test_a_title_the_wrap_cut_before_its_last_word():
    """A title wrapped over three lines, the last one word (收官) over an indented paragraph:
    the contents entry ends with that word, the title above it does not: the title's tail."""
    root = _doc(TAIL)
    assert _heads(root)[0] == "菖州市2025年大中专学生志愿者暑期文化科技卫生“三下乡”社会实践活动圆满收官"


COLUMNS = """民政工作通讯
2025年第3期（总第58期）
菖州市民政局编　　　　　　　　　　2025年9月10日
目　　录
【卷首语】
把群众的“小事”当作民政的大事…………………………顾延川　1
【民政简讯】
临溪区完成殡葬领域突出问题专项整治等3则………………………4
【民政文苑】
网格员的夜……………………………………………叶知微　5
【卷首语】
把群众的“小事”当作民政的大事
市民政局党组书记、局长　顾延川
民政工作千头万绪，落到群众身上，往往是一件件具体的小
事：一位独居老人中午能不能吃上一口热饭，一个困难家庭
的救助金能不能按时到账，一对新人领证时能不能少排一会
儿队。这些事看起来不大，却是群众评价民政工作最直接的
尺子。
做好民政工作，关键在于把群众放在心上。要多到困难群众
家里坐一坐，多到养老机构、社区食堂里看一看，听听服务
对象怎么说。
【民政简讯】
临溪区完成殡葬领域突出问题专项整治　近日，临溪区完成
殡葬领域突出问题专项整治，共排查问题12个，已全部整
改到位。
青荷区新增老年助餐点8个　今年以来，青荷区新增老年助
餐点8个，全区助餐点达到46个。
栖凤县开展婚姻登记颁证服务　8月22日，栖凤县婚姻登
记处为12对新人举行集体颁证仪式。
【民政文苑】
网格员的夜
临溪区民政局　叶知微
晚饭后的灯一盏一盏亮起
她把登记表折进口袋
沿着三号楼的楼梯
一层一层地往上走
五楼的张奶奶还没睡
电视开着，没有声音
她帮老人把药盒摆好
又把窗户关紧了一些
"""


def test_a_poem_with_its_byline_after_a_brief_column():
    """A brief column, then another column in 【】 with a poem and its author line (a unit and a
    name): the brief column ended at the new column's name, so the author line is the poem's
    byline, not a brief item's head, and the poem's lines stay lines."""
    root = _doc(COLUMNS)
    assert "临溪区民政局叶知微" in _texts(root, "//tei:byline")
    assert len(_texts(root, "//tei:lg[@type='poem']//tei:l")) == 8


SALUTATION = """统战工作简报
第6期（总第71期）
中共菖阳县委统战部编　　　　　　　　2025年6月30日
【来信选登】
一封来自台胞的感谢信
5月下旬，县委统战部（县台办）收到在我县投资兴业的台胞郑明远寄来的一封感谢信，对县有关部门帮助其企业解决新厂房消防验收难题表示感谢。现将来信摘登如下：
尊敬的菖阳县委统战部（县台办）：
我是来自台湾彰化的郑明远，2016年在菖阳经济开发区投资创办了一家精密五金公司。去年，公司新建的二号厂房在消防验收时未能通过，我一时不知道该怎么办，抱着试试看的心情给县台办打了电话。
没想到第二天一早，县台办的同志就带着消防、住建部门的工作人员来到厂里，不到一个月，二号厂房顺利通过验收并投入生产。
此致
敬礼！
台胞　郑明远
2025年5月20日
"""


def test_a_letters_salutation_naming_a_body_in_brackets():
    """A lead ending in a colon (现将来信摘登如下：) over a letter whose salutation names a body
    with its other name in brackets (尊敬的…统战部（县台办）：), one paragraph to a line: the lead,
    the salutation and the letter's first paragraph are three blocks."""
    root = _doc(SALUTATION)
    paras = _texts(root, "//tei:body//tei:p")
    assert paras[0].endswith("现将来信摘登如下：")
    assert paras[1] == "尊敬的菖阳县委统战部（县台办）："
    assert paras[2].startswith("我是来自台湾彰化的郑明远")
