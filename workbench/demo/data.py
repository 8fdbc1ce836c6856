"""Realistic closed examination cases for the demo workspace, tests and benchmarks.

The cases are made up but look like an office export: Chinese applicants,
titles, examiners, departments, IPC/Locarno/Nice classes, decisions in realistic
proportions, and valid application numbers. The same seed always gives the same
cases, and cases are generated one at a time so a 100,000-case benchmark file
never sits in memory.

Cases are decided on working days in the 24 months before a given "today" (never on or
after it; workbench.demo.timeline), and filed a realistic time before their decision: an
invention about 19 months (median; 8 to 48), a utility model about 6, a design about 4, a
trademark about 4 and a half (the office's published examination periods, filing to decision).

Regenerate the shipped samples with `python -m workbench.demo.data` (their "today" is the
fixed timeline.REFERENCE_TODAY, so they are the same on any day).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import math
import os
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from workbench.demo import case_details, draws
from workbench.demo.timeline import REFERENCE_TODAY, decision_window, is_working_day
from workbench.importing.identifiers import cn_check_char

#: The export headers, in the order of DemoCase's fields.
COLUMNS = (
    "申请号", "专利类型", "发明创造名称", "申请人", "审查员", "审查部门",
    "主分类号", "审查程序", "结案方式", "申请日", "结案日",
)
#: The optional columns risk indicators read (schema 10), after COLUMNS, in the order of DemoCase's fields.
RISK_COLUMNS = ("代理机构", "申请人类型", "摘要", "商品/服务类别", "是否提交使用证据")
APPLICANT_TYPE_LABELS = {"natural_person": "自然人", "company": "企业", "university": "大专院校", "institute": "科研单位"}
IP_TYPE_LABELS = {
    "invention": "发明",
    "utility_model": "实用新型",
    "design": "外观设计",
    "trademark": "商标",
}

SAMPLE_COUNT = 300
SAMPLE_SEED = 2022
SAMPLES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "samples"


@dataclass(frozen=True)
class DemoCase:
    """One closed case, with the fields of an office export (ip_type as in IP_TYPES)."""

    application_number: str
    ip_type: str
    title: str
    applicant: str
    examiner: str
    department: str
    classification: str
    procedure: str
    decision: str
    filing_date: datetime.date
    decision_date: datetime.date
    # Schema 10's optional facts (workbench.demo.case_details), and for a case planted by
    # workbench.demo.planted the pattern it was planted for.
    agent: str = ""
    applicant_type: str = ""
    abstract: str = ""
    nice_classes: str = ""
    use_shown: int | None = None
    planted: str = ""

    def row(self) -> tuple[object, ...]:
        """The values under COLUMNS: the IP type in Chinese, dates as dates."""
        values = [getattr(self, f.name) for f in fields(self)[:len(COLUMNS)]]
        return (values[0], IP_TYPE_LABELS[self.ip_type], *values[2:])

    def risk_row(self) -> tuple[object, ...]:
        """The values under RISK_COLUMNS, in the words of an export."""
        use = {1: "是", 0: "否"}.get(self.use_shown, "") if self.use_shown is not None else ""
        return (self.agent, APPLICANT_TYPE_LABELS.get(self.applicant_type, ""), self.abstract, self.nice_classes, use)


# --- What the cases are made of ---------------------------------------------------------

_IP_TYPES = ("invention", "utility_model", "design", "trademark")
_IP_TYPE_WEIGHTS = (45, 25, 15, 15)

#: Months from filing to the decision (pendency): the median, the spread (sigma of its log) and
#: the shortest and longest. Inventions wait for substantive examination; the others are
#: examined in months.
PENDENCY_MONTHS: dict[str, tuple[float, float, float, float]] = {
    "invention": (19.0, 0.28, 8.0, 48.0),
    "utility_model": (6.0, 0.35, 2.0, 18.0),
    "design": (4.0, 0.35, 1.5, 12.0),
    "trademark": (4.5, 0.2, 3.0, 10.0),
}
_DAYS_PER_MONTH = 30.44
_PROCEDURES = {
    "invention": "实质审查",
    "utility_model": "初步审查",
    "design": "初步审查",
    "trademark": "商标注册审查",
}
_DECISIONS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "invention": (("授权", "驳回", "视撤"), (55, 25, 20)),
    "utility_model": (("授权", "驳回"), (88, 12)),
    "design": (("授权", "驳回"), (91, 9)),
    "trademark": (("核准注册", "驳回", "部分驳回"), (62, 14, 24)),
}
# Share of Chinese patent applications that entered through the PCT (type digit 8 or 9).
_PCT_SHARE = {"invention": 0.06, "utility_model": 0.01}
_TYPE_DIGITS = {"invention": ("1", "8"), "utility_model": ("2", "9"), "design": ("3", "3")}

# Trademark registration numbers run on from year to year; roughly where each year began. They
# stay below 85,000,000: eight bare digits from 85 on would read as a patent number of 1985-2003.
_TRADEMARK_YEAR_BASE = {
    2018: 28_000_000,
    2019: 36_000_000,
    2020: 43_000_000,
    2021: 52_000_000,
    2022: 61_000_000,
    2023: 69_000_000,
    2024: 74_000_000,
    2025: 79_000_000,
}
_TRADEMARK_CEILING = 85_000_000

EXAMINERS: dict[str, tuple[str, ...]] = {
    "电学发明审查部": ("王海涛", "李静", "张伟", "刘洋"),
    "通信发明审查部": ("陈晨", "杨帆", "赵磊", "黄丽娟"),
    "机械发明审查部": ("周建国", "吴敏", "徐志强", "孙鹏"),
    "化学发明审查部": ("马晓燕", "朱丹", "胡明", "郭婷婷"),
    "医药生物发明审查部": ("何雪", "高翔", "林芳", "罗文"),
    "光电技术发明审查部": ("郑凯", "梁慧", "谢宇", "宋佳"),
    "材料工程发明审查部": ("唐亮", "许倩", "韩冬", "冯雅琪"),
    "实用新型审查部": ("邓超", "曹颖", "彭立", "曾红"),
    "外观设计审查部": ("萧然", "田甜", "董佳慧"),
    "商标审查一处": ("袁浩", "潘莉", "蒋涛"),
    "商标审查二处": ("蔡琳", "余洁", "杜鑫"),
}


@dataclass(frozen=True)
class _Subject:
    core: str  # "{q}" marks where a technical qualifier may go
    classification: str
    suffixes: tuple[str, ...]


@dataclass(frozen=True)
class _Field:
    department: str
    weight: int
    qualifiers: tuple[str, ...]
    subjects: tuple[_Subject, ...]
    industries: tuple[str, ...]  # what an applicant company in this field calls itself


_METHOD = ("", "及装置", "及系统", "、装置、电子设备及存储介质", "、装置及存储介质")
_PRODUCT = ("", "及其制备方法", "及其制备方法和应用", "及其应用")

_INVENTION_FIELDS = (
    _Field(
        "电学发明审查部", 22,
        ("基于深度学习的", "基于注意力机制的", "基于联邦学习的", "基于知识图谱的",
         "基于Transformer的", "轻量化的", ""),
        (
            _Subject("{q}图像识别方法", "G06V 10/82", _METHOD),
            _Subject("{q}目标检测方法", "G06V 10/25", _METHOD),
            _Subject("{q}神经网络模型的训练方法", "G06N 3/08", _METHOD),
            _Subject("{q}文本情感分类方法", "G06F 16/35", _METHOD),
            _Subject("{q}个性化推荐方法", "G06F 16/9535", _METHOD),
            _Subject("{q}锂离子电池剩余寿命预测方法", "G01R 31/367", _METHOD),
            _Subject("储能电站的功率分配方法", "H02J 3/32", _METHOD),
            _Subject("电动汽车有序充电控制方法", "B60L 53/62", _METHOD),
            _Subject("永磁同步电机无位置传感器控制方法", "H02P 21/18", _METHOD),
            _Subject("锂离子电池热管理系统", "H01M 10/613", ("", "及其控制方法")),
        ),
        ("智能科技", "信息技术", "电子", "新能源科技", "数据科技"),
    ),
    _Field(
        "通信发明审查部", 16,
        ("基于区块链的", "基于国密算法的", "基于零知识证明的", ""),
        (
            _Subject("上行资源分配方法", "H04W 72/04", ("、装置及存储介质", "及通信装置")),
            _Subject("小区切换方法", "H04W 36/00", ("及终端设备", "、装置及存储介质")),
            _Subject("波束管理方法", "H04B 7/06", ("及相关设备", "及通信装置")),
            _Subject("{q}身份认证方法", "H04L 9/32", ("", "及系统", "、装置及存储介质")),
            _Subject("视频编码方法", "H04N 19/176", ("及装置", "、解码方法及装置")),
            _Subject("数据传输方法", "H04W 28/06", ("及通信装置", "、装置及系统")),
            _Subject("物联网设备的接入认证方法", "H04W 12/06", ("", "及系统")),
            _Subject("信道状态信息反馈方法", "H04L 5/00", ("及网络设备", "及终端")),
        ),
        ("通信技术", "网络科技", "通讯设备", "信息技术"),
    ),
    _Field(
        "机械发明审查部", 16,
        ("基于强化学习的", "基于视觉伺服的", ""),
        (
            _Subject("{q}机械臂轨迹规划方法", "B25J 9/16", ("", "及系统")),
            _Subject("盾构机刀盘磨损检测装置", "E21D 9/06", ("", "及检测方法")),
            _Subject("齿轮箱故障诊断方法", "G01M 13/028", ("", "及系统")),
            _Subject("自动化焊接机器人", "B23K 37/02", ("", "及其控制方法")),
            _Subject("风力发电机组叶片除冰装置", "F03D 80/40", ("",)),
            _Subject("汽车制动能量回收系统", "B60L 7/10", ("", "及其控制方法")),
            _Subject("智能仓储物流分拣装置", "B65G 1/137", ("", "及分拣方法")),
            _Subject("数控机床主轴热误差补偿方法", "B23Q 15/18", ("",)),
        ),
        ("精密机械", "智能装备", "机器人", "重工", "汽车零部件"),
    ),
    _Field(
        "化学发明审查部", 12,
        ("",),
        (
            _Subject("高镍三元锂离子电池正极材料", "H01M 4/525", _PRODUCT),
            _Subject("高效脱硫催化剂", "B01J 23/28", _PRODUCT),
            _Subject("阻燃聚氨酯发泡材料", "C08G 18/48", _PRODUCT),
            _Subject("高盐工业废水的处理方法", "C02F 9/00", ("",)),
            _Subject("水性环保涂料", "C09D 175/04", _PRODUCT),
            _Subject("二氧化碳捕集吸收剂", "B01D 53/14", _PRODUCT),
            _Subject("可降解聚乳酸复合材料", "C08L 67/04", _PRODUCT),
        ),
        ("化工", "新材料", "环保科技", "化学"),
    ),
    _Field(
        "医药生物发明审查部", 12,
        ("",),
        (
            _Subject("用于治疗非小细胞肺癌的药物组合物", "A61K 31/506", ("", "及其应用")),
            _Subject("检测新型冠状病毒的引物探针组合", "C12Q 1/6851", ("", "及试剂盒")),
            _Subject("靶向PD-L1的单克隆抗体", "C07K 16/28", ("", "及其应用")),
            _Subject("治疗慢性胃炎的中药组合物", "A61K 36/9066", ("", "及其制备方法")),
            _Subject("间充质干细胞无血清培养基", "C12N 5/0775", ("", "及培养方法")),
            _Subject("植物乳杆菌", "C12N 1/20", ("", "及其在发酵食品中的应用")),
        ),
        ("生物医药", "医药科技", "生物科技", "制药"),
    ),
    _Field(
        "光电技术发明审查部", 10,
        ("基于深度学习的", "基于多传感器融合的", ""),
        (
            _Subject("{q}激光雷达点云处理方法", "G01S 17/89", _METHOD),
            _Subject("OLED显示面板", "H10K 59/12", ("", "及其制备方法", "及显示装置")),
            _Subject("光纤光栅温度传感器", "G01K 11/3206", ("", "及其封装方法")),
            _Subject("Micro LED巨量转移方法", "H01L 25/075", ("",)),
            _Subject("{q}红外图像增强方法", "G06T 5/00", _METHOD),
            _Subject("半导体激光器", "H01S 5/024", ("", "及其封装结构")),
            _Subject("液晶显示模组", "G02F 1/1333", ("", "及电子设备")),
        ),
        ("光电科技", "显示技术", "半导体", "激光技术"),
    ),
    _Field(
        "材料工程发明审查部", 12,
        ("",),
        (
            _Subject("高强度耐腐蚀铝合金", "C22C 21/10", _PRODUCT),
            _Subject("碳纤维增强树脂基复合材料", "C08J 5/04", _PRODUCT),
            _Subject("耐高温热障涂层", "C23C 4/11", _PRODUCT),
            _Subject("超高性能混凝土", "C04B 28/04", _PRODUCT),
            _Subject("钛合金表面微弧氧化处理方法", "C23C 8/10", ("",)),
            _Subject("石墨烯导热膜", "C01B 32/184", _PRODUCT),
            _Subject("3D打印用球形金属粉末", "B22F 9/08", _PRODUCT),
        ),
        ("新材料", "材料科技", "合金材料", "建材"),
    ),
)

_UTILITY_MODIFIERS = ("", "", "新型", "便携式", "可调节式", "多功能", "智能", "防水型", "高效")
_UTILITY_SUBJECTS = (
    ("电池散热装置", "H01M 10/613"),
    ("电动汽车充电桩", "B60L 53/31"),
    ("建筑施工用脚手架", "E04G 1/15"),
    ("水泥搅拌装置", "B28C 5/14"),
    ("电缆固定夹", "H02G 3/32"),
    ("农田灌溉装置", "A01G 25/02"),
    ("机械加工用夹具", "B23Q 3/06"),
    ("实验室用试管架", "B01L 9/06"),
    ("茶叶揉捻机", "A23F 3/12"),
    ("骨科手术用牵引架", "A61F 5/04"),
    ("汽车座椅调节机构", "B60N 2/02"),
    ("污水处理用格栅", "E03F 5/14"),
    ("LED照明灯具", "F21V 29/70"),
    ("手机支架", "F16M 13/02"),
)
_UTILITY_INDUSTRIES = ("机械设备", "五金制品", "农业科技", "建筑工程", "电子", "智能科技", "医疗器械")

_DESIGN_SUBJECTS = (
    ("手机（折叠屏）", "14-03"),
    ("手机", "14-03"),
    ("智能手表", "10-02"),
    ("无线耳机", "14-01"),
    ("电动汽车", "12-08"),
    ("台灯（LED）", "26-05"),
    ("座椅（办公用）", "06-01"),
    ("包装盒（月饼）", "09-03"),
    ("电饭煲", "07-02"),
    ("空气净化器", "23-04"),
    ("扫地机器人", "15-05"),
    ("带{gui}图形用户界面的电脑", "14-02"),
    ("运动鞋", "02-04"),
    ("保温杯", "07-01"),
    ("无人机", "12-07"),
)
_DESIGN_INDUSTRIES = ("电子", "家居用品", "电器", "包装制品", "服饰", "汽车", "智能科技")

# Nice classes by how often marks are filed in them; goods classes 1-34 go to the
# first trademark division, services 35-45 to the second.
_NICE_CLASSES = (9, 35, 25, 42, 30, 3, 41, 43, 5, 29, 11, 16, 20, 28, 33, 32)
_NICE_WEIGHTS = (15, 14, 10, 8, 8, 7, 6, 6, 5, 5, 4, 4, 4, 4, 3, 3)
_TRADEMARK_INDUSTRIES = ("商贸", "食品", "服饰", "文化传媒", "餐饮管理", "化妆品", "酒业", "电子商务")
_LATIN_MARKS = ("VELORA", "QINGYUN", "KAIMO", "SUNVIA", "MOOKA", "ZENTRO", "LUMORA", "AVENTO")
_MARK_SUFFIXES = ("", "", "", "优品", "生活", "坊", "记", "家")

_BRAND_FIRST = tuple("星云极蓝青华瑞鑫悦德嘉优锦恒泰博睿宏远天润安盛达")
_BRAND_SECOND = tuple("辰帆光鲸禾智源诚途美创迅联驰航芯瀚森")
_CITIES = (
    "北京", "上海", "深圳市", "广州", "杭州", "苏州", "成都", "武汉", "南京", "西安",
    "合肥", "青岛", "宁波", "东莞市", "厦门", "长沙", "天津", "重庆", "无锡", "佛山市",
)
_UNIVERSITIES = (
    "清华大学", "浙江大学", "华中科技大学", "哈尔滨工业大学", "西安电子科技大学",
    "北京航空航天大学", "东南大学", "中南大学", "四川大学", "华南理工大学",
    "电子科技大学", "大连理工大学", "江南大学", "中国药科大学", "北京化工大学",
)
_INSTITUTES = (
    "中国科学院自动化研究所", "中国科学院上海硅酸盐研究所", "中国科学院大连化学物理研究所",
    "中国科学院长春光学精密机械与物理研究所", "中国电子科技集团公司第五十四研究所",
    "中国科学院金属研究所", "中国医学科学院药物研究所", "北京有色金属研究总院",
)
_SURNAMES = tuple(
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢"
    "蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟"
)
_GIVEN = tuple("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲燕彬鹏辉宇浩凯健俊帆晨鑫婷雪琳欣怡涵轩")

# Who applies, by IP type: (company, university, institute, individual).
_APPLICANT_WEIGHTS = {
    "invention": (70, 18, 7, 5),
    "utility_model": (75, 8, 2, 15),
    "design": (80, 0, 0, 20),
    "trademark": (85, 0, 0, 15),
}


# --- Generation -------------------------------------------------------------------------


def generate_cases(count: int, *, seed: int, today: datetime.date = REFERENCE_TODAY) -> Iterator[DemoCase]:
    """Yield `count` made-up closed cases decided in the 24 months before `today`; the same seed
    and today give the same cases.

    Application numbers are unique within one call. Cases are made one at a time,
    so taking the first few of a huge count costs only those few.
    """
    rng = draws.Random(seed)
    details = draws.Random(f"{seed}:details")      # its own stream: the other facts stay as they were
    texts = draws.Random(f"{seed}:texts")          # abstracts and design models: theirs
    numbers = _Numbering()
    window = decision_window(today)
    for _ in range(count):
        yield _make_case(rng, numbers, window, details, texts)


def _decision_day(rng: random.Random, window: tuple[datetime.date, datetime.date]) -> datetime.date:
    """A working day in the window, every one equally likely."""
    first, last = window
    while True:
        day = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
        if is_working_day(day):
            return day


def pendency_days(rng: random.Random, ip_type: str) -> int:
    """Days from filing to decision: log-normal around the IP type's median, within its bounds."""
    median, sigma, shortest, longest = PENDENCY_MONTHS[ip_type]
    months = min(longest, max(shortest, math.exp(rng.gauss(math.log(median), sigma))))
    return round(months * _DAYS_PER_MONTH)


def _make_case(rng: random.Random, numbers: _Numbering, window: tuple[datetime.date, datetime.date],
               details: random.Random, texts: random.Random) -> DemoCase:
    ip_type = rng.choices(_IP_TYPES, _IP_TYPE_WEIGHTS)[0]
    decided = _decision_day(rng, window)
    filing = decided - datetime.timedelta(days=pendency_days(rng, ip_type))
    decisions, weights = _DECISIONS[ip_type]

    if ip_type == "invention":
        field = rng.choices(_INVENTION_FIELDS, [f.weight for f in _INVENTION_FIELDS])[0]
        subject = rng.choice(field.subjects)
        title = "一种" + subject.core.format(q=rng.choice(field.qualifiers))
        title += rng.choice(subject.suffixes)
        department, classification, industries = (
            field.department, subject.classification, field.industries
        )
    elif ip_type == "utility_model":
        name, classification = rng.choice(_UTILITY_SUBJECTS)
        title = "一种" + rng.choice(_UTILITY_MODIFIERS) + name
        department, industries = "实用新型审查部", _UTILITY_INDUSTRIES
    elif ip_type == "design":
        product, classification = rng.choice(_DESIGN_SUBJECTS)
        title = case_details.design_title(texts, product)
        department, industries = "外观设计审查部", _DESIGN_INDUSTRIES
    else:
        title = _mark(rng)
        nice = rng.choices(_NICE_CLASSES, _NICE_WEIGHTS)[0]
        classification = f"第{nice}类"
        department = "商标审查一处" if nice <= 34 else "商标审查二处"
        industries = _TRADEMARK_INDUSTRIES

    number = numbers.next(rng, ip_type, filing.year)
    applicant, applicant_type = _applicant(rng, ip_type, industries)
    trademark = ip_type == "trademark"
    return DemoCase(
        application_number=number,
        ip_type=ip_type,
        title=title,
        applicant=applicant,
        examiner=rng.choice(EXAMINERS[department]),
        department=department,
        classification=classification,
        procedure=_PROCEDURES[ip_type],
        decision=rng.choices(decisions, weights)[0],
        filing_date=filing,
        decision_date=decided,
        agent=case_details.agent_for(details, ip_type, applicant, applicant_type),
        applicant_type=applicant_type,
        abstract=case_details.abstract_for(texts, ip_type, title, department),
        nice_classes=case_details.nice_classes_for(details, nice) if trademark else "",
        use_shown=case_details.use_shown_for(details) if trademark else None,
    )


class _Numbering:
    """Unique application numbers: each (year, type) series counts up by small random steps.

    Counting up instead of remembering every number issued keeps memory constant
    for any number of cases.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._last: dict[tuple[int, str], int] = {}
        self.start = start       # where each series starts, as a share of its room (planted cases: high)

    def next(self, rng: random.Random, ip_type: str, year: int) -> str:
        if ip_type == "trademark":
            # 8-digit registration numbers; a year's series stays below the next year's.
            base, limit = _trademark_series(year)
            return str(base + self._step(rng, (year, "TM"), limit=limit))
        domestic, pct = _TYPE_DIGITS[ip_type]
        digit = pct if rng.random() < _PCT_SHARE.get(ip_type, 0.0) else domestic
        serial = self._step(rng, (year, digit), limit=9_999_999)
        digits = f"{year}{digit}{serial:07d}"
        return f"{digits}.{cn_check_char(digits)}"

    def _step(self, rng: random.Random, key: tuple[int, str], *, limit: int) -> int:
        last = self._last.get(key)
        serial = int(limit * self.start) + rng.randrange(300_000) if last is None else last + rng.randint(1, 20)
        if serial > limit:
            raise ValueError(f"demo numbering for {key} is exhausted; ask for fewer cases")
        self._last[key] = serial
        return serial


def _trademark_series(year: int) -> tuple[int, int]:
    """Where a year's trademark numbers start, and how far its series may run. Years outside the
    table share the room below 2018's numbers, nine years apart, two million each."""
    if year in _TRADEMARK_YEAR_BASE:
        base = _TRADEMARK_YEAR_BASE[year]
        following = _TRADEMARK_YEAR_BASE.get(year + 1, _TRADEMARK_CEILING)
        return base, following - base - 1
    return 10_000_000 + (year % 9) * 2_000_000, 1_999_999


def _applicant(rng: random.Random, ip_type: str, industries: tuple[str, ...]) -> tuple[str, str]:
    """The applicant's name and type (as the schema writes it)."""
    kind = rng.choices(("company", "university", "institute", "natural_person"),
                       _APPLICANT_WEIGHTS[ip_type])[0]
    if kind == "university":
        return rng.choice(_UNIVERSITIES), kind
    if kind == "institute":
        return rng.choice(_INSTITUTES), kind
    if kind == "natural_person":
        return person_name(rng), kind
    return company_name(rng, industries), kind


def company_name(rng: random.Random, industries: tuple[str, ...]) -> str:
    form = "股份有限公司" if rng.random() < 0.25 else "有限公司"
    return rng.choice(_CITIES) + _brand(rng) + rng.choice(industries) + form


def _brand(rng: random.Random) -> str:
    return rng.choice(_BRAND_FIRST) + rng.choice(_BRAND_SECOND)


def _mark(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(_LATIN_MARKS)
    return _brand(rng) + rng.choice(_MARK_SUFFIXES)


def person_name(rng: random.Random) -> str:
    """A plausible Chinese personal name (surname and one or two given characters)."""
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(_SURNAMES) + given


# --- Writing ----------------------------------------------------------------------------


def _values(case: DemoCase, risk_fields: bool) -> tuple[object, ...]:
    return case.row() + case.risk_row() if risk_fields else case.row()



def write_csv(path: str | os.PathLike[str], cases: Iterable[DemoCase], *, risk_fields: bool = False) -> int:
    """Write cases as an export CSV (UTF-8 with BOM, so Excel reads the Chinese); the count."""
    written = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS + RISK_COLUMNS if risk_fields else COLUMNS)
        for case in cases:
            writer.writerow([v.isoformat() if isinstance(v, datetime.date) else v
                             for v in _values(case, risk_fields)])
            written += 1
    return written


def write_xlsx(path: str | os.PathLike[str], cases: Iterable[DemoCase], *, risk_fields: bool = False) -> int:
    """Write cases as an export workbook with real date cells; the count.

    Uses openpyxl's write-only mode, which streams rows to disk.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("结案案件")
    for letter, width in zip("ABCDEFGHIJKLMNOP", (18, 10, 44, 34, 10, 20, 16, 14, 10, 12, 12, 34, 10, 60, 14, 10)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in COLUMNS + RISK_COLUMNS if risk_fields else COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    written = 0
    for case in cases:
        row: list[object] = []
        for value in _values(case, risk_fields):
            if isinstance(value, datetime.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                row.append(cell)
            else:
                row.append(value)
        sheet.append(row)
        written += 1
    workbook.save(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.demo.data",
        description="Write the demo sample cases as CSV and XLSX, with the optional columns risk indicators read.",
    )
    parser.add_argument("--count", type=int, default=SAMPLE_COUNT)
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=REFERENCE_TODAY,
                        help=f"decisions fall in the 24 months before this day (default {REFERENCE_TODAY})")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # Generate twice rather than keep a list: the same seed gives the same cases.
    for name, write in (("demo_cases.csv", write_csv), ("demo_cases.xlsx", write_xlsx)):
        path = args.out / name
        count = write(path, generate_cases(args.count, seed=args.seed, today=args.today), risk_fields=True)
        print(f"wrote {count} cases to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
