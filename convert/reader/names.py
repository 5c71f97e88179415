"""Names: reporters in bylines as ``<persName>``, offices and bodies as ``<orgName>`` (TEI P5 §13.2).

A reader pass over elements already built; it may only wrap runs of an element's own text in a
``persName``/``orgName`` child and never adds, removes or changes a character
(TEI-CONVENTIONS.md points 7 and 8). A name is tagged only where the evidence is unambiguous:

- a byline whose text is a credit word (``记者``, ``通讯员``, ``文/`` …) followed by names
  separated by spaces or 、，: each name of two or three Han characters is a ``persName``. A run
  of four or more characters (``雷霄许峰``: two names printed without a space, or one name with a
  two-character surname) is left untagged, as is a byline holding markup (bold, a correction);
- the name of a publishing or supervising body in the masthead's imprint and the colophon's
  主管/主办/编辑/出版 fields: the whole value is an ``orgName`` when it ends in a word that names
  an office or body (办公室, 部, 局, 中心, 委员会 …) and holds no punctuation.
"""

from __future__ import annotations

import re

from lxml import etree

from convert.tei import E, t

#: A credit word at the start of a byline, after an optional opening bracket.
CREDIT_RE = re.compile(
    r"^(\s*[（(]?\s*(?:本报|学生|小)?(?:特约)?(?:记者|通讯员|实习生|摄影|撰稿|供稿|文\s*[/／]|图\s*[/／]|文图)\s*[:：]?\s*)"
)
#: One name of two or three Han characters (a Chinese personal name, TEI P5 §13.2.1).
PERSON_RE = re.compile(r"[\u4e00-\u9fff]{2,3}")
#: The common Chinese surnames (the most frequent 200 or so of the 百家姓 in today's use, and the
#: common double ones): a bare name standing alone under a title must begin with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐"
    "易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管"
    "柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏"
    "鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝"
    "智幸奉植衡富尧闭由阎萧傅洪贝凤寿郦钮")
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
                   "司徒", "夏侯", "轩辕", "端木", "西门", "南宫")


def looks_like_person(name: str) -> bool:
    """*name* (whitespace aside) reads as a Chinese personal name: two to four Han characters
    beginning with a common surname (:data:`SURNAMES`, :data:`DOUBLE_SURNAMES`)."""
    key = re.sub(r"\s+", "", name)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", key):
        return False
    return key[:2] in DOUBLE_SURNAMES or (key[0] in SURNAMES and len(key) <= 3)
#: A credit word standing between names (``记者 张三 通讯员 李四``): not a name.
CREDIT_WORD_RE = re.compile(r"^(?:本报)?(?:特约)?(?:记者|通讯员|实习生|摄影|撰稿|供稿|编辑|校对|文图|文|图|摄)$")
#: Separators between names in a byline.
NAME_SEP_RE = re.compile(r"[\s、，,/／]+")
#: The end of a body's name (TEI P5 §13.2.2 ``orgName``): an office, department, bureau, centre …
#: (a 会 only as an association's name: 推进会, 座谈会 are meetings); the 科 and 股 inside a county
#: office (业务股, 研究一科: the units below a 局 or 办 in a county's establishment); the short names
#: of the people's organisations (人民团体: 妇联 for 妇女联合会, 文联, 侨联, 残联, 工商联, 科协 for 科学技术
#: 协会 …), which a body's name ends in as often as in the full word (``白沙镇妇联``); a unit's
#: 妇委会 (妇女工作委员会, ``县医院妇委会``); an observatory or a broadcaster (气象台, 电视台, 电台:
#: 台 alone names no body, 平台 and 舞台 are none)
ORG_END_RE = re.compile(
    r"(?:办公室|办事处|委员会|管委会|妇委会|人民政府|政府|宣传部|传媒中心|中心|部|局|处|室|厅|委|办|社|院|所|站|队|科|股|公司|集团|银行|支行|分行|信用社"
    r"|气象台|电视台|电台"
    # a group a body sets up for one task (联合调研组, 课题组, 督查组, 领导小组, 工作专班; a company's
    # 清算组, which signs its 注销公告 under the company law)
    r"|(?:调研|课题|工作|督查|督导|检查|巡查|考核|专项|指导|清算)组|领导小组|工作专班"
    # a court's divisions and its tribunals (人民法院组织法: 审判庭, 人民法庭): 民一庭, 立案庭, 官桥人民法庭
    r"|人民法庭|审判庭|立案庭|执行庭|行政庭|家事庭|少年庭|[民刑][一二三四五六]?庭"
    r"|协会|学会|商会|工会|联合会|总会|理事会|研究会|促进会|联谊会|分会"
    # a body's touring group (科普报告团, 宣讲团, 讲师团: 报告团 signs the lecture it gives)
    r"|报告团|宣讲团|讲师团|服务团|艺术团|考察团|代表团"
    # a road company's field units (石门养护工区, 柘溪服务区)
    r"|工区|服务区"
    r"|妇联|文联|侨联|残联|青联|学联|台联|社科联|工商联|科协|作协)$"
)
#: The end of a unit that signs for a person without being an office (作者单位 under an author line,
#: the unit of a run-in closing credit ``（滨江社区　罗丹）``): an archive, library or museum (馆), a
#: school (大学, 中学, 小学, 学校, 幼儿园, 党校), a grassroots body (基层群众性自治组织: 社区, 居委会,
#: 村委会), a place of one (街道, 村, 镇, 乡), a works or farm (厂, 林场, 农场) or a works' shop floor
#: (车间, 班组, 工段: a worker signs a union paper's poem with the workshop)
SIGNING_UNIT_END_RE = re.compile(r"(?:馆|大学|学校|中学|小学|幼儿园|党校|社区|居委会|村委会|街道|村|镇|乡|厂|车间|班组|工段|林场|农场|牧场|渔场)$")


#: A school class (班级), the unit a pupil signs for in a school paper (校报 practice: the author line
#: of a student's essay or poem is the class and the name, ``高二（3）班　宁诗雨``): a grade (高一 …
#: 高三, 初一 … 初三, 一年级 … 九年级, 七年级, 2022级, 高2022级, 22级), in a vocational school the
#: major's short name after a year's grade (``2022级汽修2班``, ``23级数控（1）班``: 级 + 专业 + 班号; a grade without 年级, ``五（3）班``),
#: and the class number (Arabic in brackets or bare, or Chinese numerals) before 班; a
#: kindergarten's class (大一班, 中二班, 小三班, 托班), a vocational college's class (机电2301班), an
#: interest class of a 老年大学 (书法二班, 太极拳班). Also a graduate's standing
#: (``2019届数控专业毕业生``, ``2015届校友``: 届 + 专业 + 毕业生/校友), what a former pupil signs a
#: letter to the school with. One pass, no nested repetition: linear.
SCHOOL_CLASS_RE = re.compile(
    # (the school's name may stand before the class: ``荷风小学四年级（3）班``)
    r"^(?:[\u4e00-\u9fff]{2,12}?(?:小学|中学|学校|幼儿园))?"
    r"(?:[大中小][一二三四五六七八九十]班|托班|(?:[高初][一二三]|[一二三四五六七八九](?:年级)?|[高初]?\d{4}级|(?:\d{4}|\d{2})级[\u4e00-\u9fff]{1,6})"
    r"(?:[（(]\d{1,2}[）)]|\d{1,2}|[一二三四五六七八九十]{1,2})班"
    r"|(?:\d{4}|\d{2})届[\u4e00-\u9fff]{0,8}(?:毕业生|校友)"
    # a vocational college's class: its major's short name, the intake year and the class number
    # (机电2301班: 2023's first 机电 class)
    r"|[\u4e00-\u9fff]{2,6}\d{4}班"
    # an interest class of a 老年大学 or a 培训 school: its subject and its number or none
    # (书法二班, 花鸟画班, 太极拳班, 诗词（2）班; a 工作专班 is a task team, a 培训班 or 学习班 a
    # course, 值班 a duty: no class)
    r"|[\u4e00-\u9fff]{2,5}(?<!专)(?<!领导)(?<!培训)(?<!训练)(?<!学习)(?<!研修)(?<!进修)"
    r"(?:[一二三四五六七八九十]|\d{1,2}|[（(]\d{1,2}[）)])?班)$")


def is_signing_unit(text: str) -> bool:
    """True when *text* (whitespace aside, maybe in round brackets: ``（柘原县档案馆）``) reads as
    the unit a person signs for: a body's name (:func:`is_org_name`), or at most 24 Han characters,
    two or more before an end of :data:`SIGNING_UNIT_END_RE` (``滨江社区``, ``南塘村``,
    ``县第一中学``), or a school class (:data:`SCHOOL_CLASS_RE`: ``高二（3）班``, the unit a pupil
    signs for in a school paper). The one test behind an author's unit under a byline and a
    closing credit's unit."""
    key = re.sub(r"\s+", "", text)
    if len(key) > 2 and key[0] in "（(" and key[-1] in "）)":
        key = key[1:-1]
    if len(key) > 24:
        return False
    if SCHOOL_CLASS_RE.match(key):
        return True
    if is_org_name(key):
        return True
    end = SIGNING_UNIT_END_RE.search(key)
    return end is not None and re.fullmatch(r"[\u4e00-\u9fff]{2,}", key[:end.start()]) is not None


#: Labels of colophon fields whose value is a responsible body.
ORG_FIELD_RE = re.compile(r"^(?:主管|主办|承办|协办|编辑出版|编辑|出版|编印|印刷|出版单位|编辑单位)(?:单位)?[：:]?$")


def is_org_name(text: str) -> bool:
    """True when *text* (whitespace aside) reads as one office's or body's name: 4–40 characters,
    no punctuation or digits, ending in a word for an office or body (:data:`ORG_END_RE`); the
    body's other name may follow in brackets (:data:`ORG_ALIAS_RE`, itself a body's name)."""
    key = re.sub(r"\s+", "", text)
    m = ORG_ALIAS_RE.search(key)
    if m and ORG_END_RE.search(m.group(1)) and not _ORG_BAD_RE.search(m.group(1)):
        key = key[: m.start()]  # the body's other name in brackets: 县发展和改革局（县信用办）
    return 4 <= len(key) <= 40 and ORG_END_RE.search(key) is not None and _ORG_BAD_RE.search(key) is None


#: What no body's name holds: digits, punctuation, brackets (:func:`is_org_name`).
_ORG_BAD_RE = re.compile(r"[\d，,。；;、：:（）()《》“”\"'!！?？/／@.]")
#: The other name of a body in brackets after its name, a body's name itself (an office a bureau
#: hosts, 挂牌: ``县发展和改革局（县信用办）``, ``县委办公室（县委督查室）``).
ORG_ALIAS_RE = re.compile(r"[（(]([^（）()]{3,12})[）)]$")


def _wrap_text_spans(el: etree._Element, spans: list[tuple[int, int]], name: str) -> None:
    """Wrap ``el.text[a:b]`` for each ``(a, b)`` in *spans* (ascending, not overlapping) in a new
    child *name*; *el* must have no children. Characters are moved, never changed."""
    text = el.text or ""
    el.text = text[: spans[0][0]]
    for k, (a, b) in enumerate(spans):
        child = etree.SubElement(el, t(name))
        child.text = text[a:b]
        end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        child.tail = text[b:end]


def tag_byline(byline: etree._Element) -> int:
    """Tag the reporters named in *byline* (a ``<byline>`` holding text only) as ``persName``.

    ``(记者 刘丽军 李立营)`` → ``(记者 <persName>刘丽军</persName> <persName>李立营</persName>)``.
    Returns how many names were tagged (0 when the byline is not of that shape).
    """
    if len(byline) or not byline.text:
        return 0
    text = byline.text
    m = CREDIT_RE.match(text)
    if not m:
        return _tag_other_credit(byline)
    rest_start = m.end()
    rest = text[rest_start:].strip().rstrip("）)").strip()
    if re.fullmatch(r"[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]", rest) and looks_like_person(rest):
        a = text.index(rest, rest_start)  # a two-character name set apart: 柳　芸
        _wrap_text_spans(byline, [(a, a + len(rest))], "persName")
        return 1
    close = re.search(r"\s*[）)]?\s*$", text[rest_start:])
    rest_end = rest_start + (close.start() if close else len(text) - rest_start)
    spans = []
    pos = rest_start
    for token in NAME_SEP_RE.split(text[rest_start:rest_end]):
        if not token:
            continue
        a = text.index(token, pos)
        pos = a + len(token)
        if PERSON_RE.fullmatch(token) and not CREDIT_WORD_RE.match(token):
            spans.append((a, pos))
    if spans:
        _wrap_text_spans(byline, spans, "persName")
    return len(spans)


#: A credit that names a body, or a body and a person: ``（县林业局供稿）``, ``（县林业局　邓志远）``,
#: ``区委党史研究室　董立言``, ``□ 吴静秋``, ``◎ 邢晓川``, a bare name; a photo credit's 摄 after the name
#: (``县妇联　俞　岚　摄``) is the verb, no part of it.
OTHER_CREDIT_RE = re.compile(
    r"^(?P<open>\s*[（(]?\s*|\s*[□◎○◇●■▲☆★◆]\s*)(?:(?P<org>[^\s（）()]{2,30}?)(?P<verb>供稿|提供)"
    r"|(?P<unit>[^\s（）()]{2,30}?)[ \t\u3000]+(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})(?<!摄)"
    r"|(?P<alone>[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3})(?<!摄))(?:[ \u3000]*摄)?\s*[）)]?\s*$")


#: An author's name and unit in round brackets after it (作者单位): ``方晓岚（县总工会办公室）``.
NAME_UNIT_CREDIT_RE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3})[ \u3000]*"
                                 r"[（(](?P<unit>[^（）()\s]{2,40})[）)]\s*$")


def _tag_other_credit(byline: etree._Element) -> int:
    """Tag the body (``orgName``, :func:`is_org_name`) and the person (``persName``, a common
    surname first: :func:`looks_like_person`) of a credit of the forms of :data:`OTHER_CREDIT_RE`
    or of a name with the unit in brackets after it (:data:`NAME_UNIT_CREDIT_RE`).
    Returns how many were tagged (0 when the evidence is not clear)."""
    text = byline.text or ""
    spans: list[tuple[int, int, str]] = []
    if (nu := NAME_UNIT_CREDIT_RE.match(text)) and looks_like_person(nu.group("name")):
        spans.append((nu.start("name"), nu.end("name"), "persName"))
        if is_org_name(nu.group("unit")):
            spans.append((nu.start("unit"), nu.end("unit"), "orgName"))
    elif (m := OTHER_CREDIT_RE.match(text)) is None:
        return 0
    elif m.group("org") and is_org_name(m.group("org")):
        spans.append((m.start("org"), m.end("org"), "orgName"))
    elif m.group("unit") and looks_like_person(m.group("name")):
        if is_org_name(m.group("unit")):
            spans.append((m.start("unit"), m.end("unit"), "orgName"))
        spans.append((m.start("name"), m.end("name"), "persName"))
    elif m.group("alone") and looks_like_person(m.group("alone")):
        spans.append((m.start("alone"), m.end("alone"), "persName"))
    if not spans:
        return 0
    el = byline
    el.text = text[: spans[0][0]]
    for k, (a, b, name) in enumerate(spans):
        child = etree.SubElement(el, t(name))
        child.text = text[a:b]
        child.tail = text[b : spans[k + 1][0] if k + 1 < len(spans) else len(text)]
    return sum(1 for *_, name in spans if name == "persName")


def org_name(text: str) -> etree._Element | str:
    """An ``<orgName>`` holding *text* when :func:`is_org_name`, else *text* itself."""
    return E.orgName(text) if is_org_name(text) else text


def tag_colophon_orgs(gloss: etree._Element) -> int:
    """In a colophon's ``<list type="gloss">``, wrap the whole text of each ``<item>`` whose
    ``<label>`` names a responsibility (主管, 主办, 编辑出版 …) in ``<orgName>`` when it reads as
    one body's name. Returns how many were tagged."""
    n = 0
    label = None
    for child in gloss:
        if not isinstance(child.tag, str):
            continue
        local = child.tag.rsplit("}", 1)[-1]
        if local == "label":
            label = "".join(child.itertext()).strip()
            continue
        if (local == "item" and label and ORG_FIELD_RE.match(label) and not len(child)
                and child.text and is_org_name(child.text)):
            lead = len(child.text) - len(child.text.lstrip())
            trail = len(child.text.rstrip())
            _wrap_text_spans(child, [(lead, trail)], "orgName")
            n += 1
        label = None
    return n
