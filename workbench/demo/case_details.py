"""The optional case facts risk indicators read (schema 10), made up for the demo cases: the agency
that filed a case, the applicant's type, a Chinese abstract for inventions and utility models, and
for trademarks the Nice classes and whether use was shown.

Drawn from a random stream of their own (workbench.demo.data passes it), so the other facts of a
seed's cases are what they were before these fields existed. The agencies are made up (as the
applicants are): a few large ones file much of the work, a long tail of small ones the rest, and
most applicants keep to one agency. Abstracts are put together from sentence parts chosen at
random, so two ordinary abstracts on the same subject share some wording but are not near-duplicates
(workbench.demo.planted plants those).
"""
from __future__ import annotations

import random
import zlib

# -- agencies ---------------------------------------------------------------------------------

_AGENCY_CITIES = ("北京", "上海", "深圳", "广州", "杭州", "苏州", "成都", "武汉", "南京", "西安", "合肥", "青岛",
                  "宁波", "东莞", "厦门", "长沙", "天津", "重庆", "无锡", "佛山", "济南", "郑州", "福州", "昆明")
_AGENCY_FIRST = tuple("华信诚正中智联科知金汇德创卓鼎恒瑞同远")
_AGENCY_SECOND = tuple("信明达源邦和泽盛通慧新成立航")
_PATENT_FORMS = ("知识产权代理有限公司", "专利代理事务所（普通合伙）", "专利商标代理有限公司",
                 "知识产权代理事务所（特殊普通合伙）", "专利代理有限公司")
_TRADEMARK_FORMS = ("商标代理有限公司", "知识产权代理有限公司", "商标事务所有限公司")
PATENT_AGENCIES = 80
TRADEMARK_AGENCIES = 40


def _agencies(count: int, forms: tuple[str, ...], salt: str) -> tuple[str, ...]:
    rng = random.Random(f"demo-agencies:{salt}")      # the same names for every seed
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(_AGENCY_CITIES) + rng.choice(_AGENCY_FIRST) + rng.choice(_AGENCY_SECOND) + rng.choice(forms)
        if name not in names:
            names.append(name)
    return tuple(names)


PATENT_AGENTS = _agencies(PATENT_AGENCIES, _PATENT_FORMS, "patent")
TRADEMARK_AGENTS = _agencies(TRADEMARK_AGENCIES, _TRADEMARK_FORMS, "trademark")
# A few large agencies, a long tail of small ones.
_PATENT_WEIGHTS = tuple(1 / (rank + 1) ** 0.9 for rank in range(PATENT_AGENCIES))
_TRADEMARK_WEIGHTS = tuple(1 / (rank + 1) ** 0.9 for rank in range(TRADEMARK_AGENCIES))
#: The share of cases filed through an agency, by IP type, for organisations and for natural persons.
AGENT_SHARE = {"invention": (0.92, 0.45), "utility_model": (0.80, 0.35), "design": (0.75, 0.30),
               "trademark": (0.85, 0.50)}
#: How often an applicant files through its usual agency.
_LOYALTY = 0.8


def agent_for(rng: random.Random, ip_type: str, applicant: str, applicant_type: str) -> str:
    """The agency that filed the case, or '' (filed by the applicant itself)."""
    organisation, person = AGENT_SHARE[ip_type]
    if rng.random() >= (person if applicant_type == "natural_person" else organisation):
        return ""
    pool, weights = ((TRADEMARK_AGENTS, _TRADEMARK_WEIGHTS) if ip_type == "trademark"
                     else (PATENT_AGENTS, _PATENT_WEIGHTS))
    if rng.random() < _LOYALTY:       # its usual agency, the same in every demo
        return pool[zlib.crc32(applicant.encode("utf-8")) % len(pool)]
    return rng.choices(pool, weights)[0]


# -- abstracts --------------------------------------------------------------------------------

_STEPS = {
    "电学发明审查部": ("获取待处理的原始数据并进行归一化预处理", "构建多尺度特征提取网络提取特征向量",
                 "将特征向量输入注意力模块得到加权特征", "根据加权特征计算损失函数并迭代更新模型参数",
                 "利用训练完成的模型输出预测结果", "对预测结果进行后处理并输出至控制单元",
                 "采集电池的电压、电流和温度数据", "基于历史数据建立状态估计模型"),
    "通信发明审查部": ("终端设备接收网络设备发送的配置信息", "根据所述配置信息确定目标资源",
                 "在所述目标资源上发送上行数据", "网络设备根据测量结果确定切换目标",
                 "对待传输数据进行加密并生成校验信息", "根据信道状态反馈调整发送参数",
                 "建立设备与服务器之间的安全连接", "对接收到的身份信息进行验证"),
    "机械发明审查部": ("采集设备运行过程中的振动信号", "对信号进行小波分解提取故障特征",
                 "根据目标位置规划机械臂的运动轨迹", "控制执行机构按照规划轨迹运动",
                 "检测刀具的磨损量并与阈值比较", "根据检测结果调整加工参数",
                 "建立热误差补偿模型", "实时修正主轴位置偏差"),
    "光电技术发明审查部": ("获取激光雷达采集的点云数据", "对点云数据进行滤波和分割",
                   "提取目标区域的边缘特征", "将多传感器数据进行时空对齐与融合",
                   "对红外图像进行直方图均衡化处理", "根据融合结果输出目标的位置信息",
                   "在基板上依次形成阳极层、发光层和阴极层", "对器件进行封装和老化测试"),
}
_GENERIC_STEPS = ("获取原始数据并进行预处理", "提取关键特征参数", "根据特征参数建立计算模型", "根据模型输出结果进行控制",
                  "对结果进行校验并存储")
_INGREDIENTS = ("环氧树脂", "聚乳酸", "纳米二氧化硅", "石墨烯", "碳纤维", "硅烷偶联剂", "抗氧剂", "增韧剂", "阻燃剂",
                "氧化铝", "碳酸钙", "聚乙二醇", "黄芪", "丹参", "甘草", "白术", "当归", "无水乙醇", "去离子水", "分散剂")
_PARTS = ("底座", "支撑架", "壳体", "安装板", "连接杆", "固定块", "滑轨", "转轴", "弹簧", "卡扣", "电机", "散热片",
          "风扇", "密封圈", "调节螺栓", "导向杆", "齿轮", "挡板", "把手", "控制器", "传感器", "限位块", "滚轮", "夹板")
_PLACES = ("顶部", "底部", "一侧", "两侧", "内部", "外壁", "上端", "下端", "中部")
_JOINS = ("固定连接有", "转动连接有", "滑动连接有", "可拆卸连接有", "设有", "安装有")
_EFFECTS = {
    "device": ("结构简单，使用方便", "提高了工作效率", "降低了生产成本", "延长了使用寿命", "便于安装和维护",
               "运行平稳可靠", "降低了能耗", "减少了人工操作", "具有良好的推广应用价值", "占用空间小"),
    "method": ("有效提高了识别精度", "提高了计算效率和实时性", "提高了系统的稳定性和可靠性", "降低了能耗",
               "减少了人工操作", "具有良好的推广应用价值", "降低了计算复杂度", "提升了用户体验"),
    "composition": ("性能稳定", "制备工艺简单", "原料成本低廉", "具有良好的力学性能", "适合工业化生产",
                    "安全性高，副作用小", "环境友好"),
}


def abstract_for(rng: random.Random, ip_type: str, title: str, department: str) -> str:
    """A Chinese abstract in the usual form; '' for designs and trademarks (they have none)."""
    if ip_type == "utility_model":
        return f"本实用新型公开了{title}，{structure(rng)}。本实用新型{effects(rng, 'device')}。"
    if ip_type != "invention":
        return ""
    if "方法" in title:
        steps = rng.sample(_STEPS.get(department, _GENERIC_STEPS), 3)
        body, kind = "包括以下步骤：" + "；".join(f"S{n}，{step}" for n, step in enumerate(steps, start=1)), "method"
    elif department in ("化学发明审查部", "材料工程发明审查部", "医药生物发明审查部"):
        parts = rng.sample(_INGREDIENTS, 4)
        body = "按重量份计，包括以下原料：" + "、".join(f"{p}{rng.randint(1, 80)}份" for p in parts)
        kind = "composition"
    else:
        body, kind = structure(rng), "device"
    return f"本发明公开了{title}，{body}。本发明{effects(rng, kind)}。"


def structure(rng: random.Random) -> str:
    """How a device is built: a base part and three parts joined to it or to each other."""
    parts = rng.sample(_PARTS, 4)
    joints = [f"所述{parts[0]}的{rng.choice(_PLACES)}{rng.choice(_JOINS)}{parts[1]}",
              f"所述{parts[1]}的{rng.choice(_PLACES)}{rng.choice(_JOINS)}{rng.choice(('两个', '三个', '四个', ''))}{parts[2]}",
              f"所述{parts[2]}与{parts[3]}{rng.choice(('固定连接', '转动连接', '相互配合', '抵接'))}"]
    return f"包括{parts[0]}，" + "，".join(joints)


def effects(rng: random.Random, kind: str) -> str:
    first, second = rng.sample(_EFFECTS[kind], 2)
    return f"{first}，{second}"


# -- trademarks -------------------------------------------------------------------------------

#: Classes filed together with a mark's first class (a multi-class application).
_RELATED_CLASSES = {9: (35, 42, 38), 35: (9, 41, 42), 25: (18, 35, 14), 42: (9, 35), 30: (29, 32, 35),
                    3: (5, 21, 35), 41: (35, 16), 43: (35, 30), 5: (3, 10, 35), 29: (30, 31), 11: (7, 21),
                    16: (35, 41), 20: (21, 24), 28: (25, 41), 33: (32, 35), 32: (33, 30)}
MULTI_CLASS_SHARE = 0.12
#: Use shown for an ordinary mark: yes, no, unknown.
USE_SHOWN_WEIGHTS = (55, 35, 10)


def nice_classes_for(rng: random.Random, first_class: int) -> str:
    """The mark's classes, '9' or, for a multi-class application, '9,35,42'."""
    classes = {first_class}
    if rng.random() < MULTI_CLASS_SHARE:
        related = _RELATED_CLASSES.get(first_class, (35,))
        classes.update(rng.sample(related, rng.randint(1, len(related))))
    return ",".join(str(c) for c in sorted(classes))


def use_shown_for(rng: random.Random) -> int | None:
    return rng.choices((1, 0, None), USE_SHOWN_WEIGHTS)[0]
