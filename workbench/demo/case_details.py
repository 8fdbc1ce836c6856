"""The optional case facts risk indicators read (schema 10), made up for the demo cases: the agency
that filed a case, the applicant's type, a Chinese abstract for inventions and utility models, and
for trademarks the Nice classes and whether use was shown.

Drawn from random streams of their own (workbench.demo.data passes them: one for the facts, one for
the texts, abstracts and design models), so the other facts of a seed's cases are what they were
before these fields existed. The agencies are made up (as the
applicants are): a few large ones file much of the work, a long tail of small ones the rest, and
most applicants keep to one agency. Abstracts are put together from sentence parts chosen at
random (a method's steps from operations on the department's objects, a preparation with its
conditions, a device's parts and joints), so two ordinary abstracts on the same subject share some
wording but are not near-duplicates, even among the thousands one large agency files in a quarter of a
million-case demo (workbench.demo.planted plants those): generated 300,000 cases, 27 ordinary ones
are flagged as near-duplicates, and every planted cluster member.
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

# A method's steps are put together from an operation and what it works on (the department's
# objects), so two methods of one subject seldom share more than a step: ordinary abstracts are not
# near-duplicates even among the thousands a large agency files in a quarter of a million-case demo.
_OPERATIONS = ("获取{a}", "对{a}进行{p}", "根据{a}确定{b}", "将{a}输入{m}得到{b}", "基于{a}和{b}计算{c}",
               "利用{a}修正{b}", "按照{a}调整{b}", "将{a}与预设阈值比较以确定{b}", "存储{a}并输出{b}",
               "根据{a}生成{b}", "对{a}和{b}进行{p}得到{c}", "以{a}为约束求解{b}")
_PROCESSING = ("归一化处理", "滤波处理", "特征提取", "聚类分析", "加权融合", "降噪处理", "分段处理", "编码处理",
               "插值处理", "时频变换", "主成分分析", "异常值剔除")
_MODELS = ("预训练的神经网络模型", "状态估计模型", "决策树模型", "卡尔曼滤波器", "优化模型", "预测模型", "图神经网络",
           "支持向量机模型", "循环神经网络", "强化学习智能体")
_OBJECTS = {
    "电学发明审查部": ("原始图像", "特征向量", "注意力权重", "损失函数值", "预测结果", "电池电压数据", "温度数据",
                 "充电功率", "模型参数", "样本数据集", "控制指令", "历史负荷数据", "候选区域", "标签数据"),
    "通信发明审查部": ("配置信息", "目标资源", "上行数据", "测量结果", "信道状态信息", "波束标识", "加密密钥",
                 "校验信息", "身份信息", "传输参数", "目标小区", "调度信息", "参考信号", "会话密钥"),
    "机械发明审查部": ("振动信号", "故障特征", "目标位置", "运动轨迹", "刀具磨损量", "加工参数", "热误差",
                 "主轴位置偏差", "关节角度", "负载扭矩", "位姿信息", "传感器数据", "工件尺寸", "转速信号"),
    "光电技术发明审查部": ("点云数据", "目标区域", "边缘特征", "红外图像", "融合结果", "位置信息", "深度图像",
                   "光强分布", "曝光参数", "标定参数", "像素灰度值", "回波信号", "视差图", "特征点"),
}
_GENERIC_OBJECTS = ("原始数据", "关键参数", "计算模型", "输出结果", "校验结果", "运行状态", "工艺参数",
                    "检测数据", "目标值", "修正系数", "历史记录", "评价指标")
# Processes (the chemistry, materials and medicine departments): a step with its conditions.
_PROCESSES = ("搅拌", "保温", "煅烧", "干燥", "研磨", "超声处理", "回流反应", "静置陈化", "离心分离", "真空烘干")
_CONDITIONS = ("于{t}℃下{v}{m}min", "在{t}℃下{v}{h}h", "以{r}r/min的转速{v}{m}min", "在pH为{ph}的条件下{v}{m}min")
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
               "减少了人工操作", "具有良好的推广应用价值", "降低了计算复杂度", "提升了用户体验", "缩短了响应时间",
               "增强了抗干扰能力", "降低了误报率", "节省了存储空间"),
    "composition": ("性能稳定", "制备工艺简单", "原料成本低廉", "具有良好的力学性能", "适合工业化生产",
                    "安全性高，副作用小", "环境友好", "储存期长", "生物利用度高", "耐候性好", "批次间一致性好",
                    "收率高"),
}


def abstract_for(rng: random.Random, ip_type: str, title: str, department: str) -> str:
    """A Chinese abstract in the usual form; '' for designs and trademarks (they have none)."""
    if ip_type == "utility_model":
        return f"本实用新型公开了{title}，{structure(rng)}。本实用新型{effects(rng, 'device')}。"
    if ip_type != "invention":
        return ""
    making = department in ("化学发明审查部", "材料工程发明审查部", "医药生物发明审查部")
    if "方法" in title and not (making and "及其" in title):
        steps = [_process(rng) if making else _step(rng, department) for _ in range(rng.randint(3, 4))]
        body, kind = "包括以下步骤：" + "；".join(f"S{n}，{step}" for n, step in enumerate(steps, start=1)), "method"
    elif making:
        parts = rng.sample(_INGREDIENTS, rng.randint(4, 5))
        body = "按重量份计，包括以下原料：" + "、".join(f"{p}{rng.randint(1, 80)}份" for p in parts)
        if "方法" in title:
            body += "；其制备方法为：" + "，再".join(_process(rng) for _ in range(2))
        kind = "composition"
    else:
        body, kind = structure(rng), "device"
    return f"本发明公开了{title}，{body}。本发明{effects(rng, kind)}。"


def _step(rng: random.Random, department: str) -> str:
    """One step of a method: an operation on the department's objects."""
    a, b, c = rng.sample(_OBJECTS.get(department, _GENERIC_OBJECTS), 3)
    return rng.choice(_OPERATIONS).format(a=a, b=b, c=c, p=rng.choice(_PROCESSING), m=rng.choice(_MODELS))


def _process(rng: random.Random) -> str:
    """One step of making something: the raw materials or the mixture, treated under its conditions."""
    what = rng.choice(("将原料混合后", "将所得混合物", "将前驱体", "将反应液", "将固体产物", "将滤饼"))
    return what + rng.choice(_CONDITIONS).format(t=rng.randint(25, 1200), v=rng.choice(_PROCESSES),
                                                  m=rng.randint(5, 180), h=rng.randint(1, 48),
                                                  r=rng.randrange(200, 3000, 50), ph=rng.randint(2, 12))


_GUI_PURPOSES = ("视频通话", "健康监测", "导航", "支付", "智能家居控制", "运动记录", "拍照", "音乐播放", "天气显示",
                 "日程管理", "车辆控制", "视频会议", "睡眠监测", "外卖点餐", "在线学习", "股票交易")


def design_title(rng: random.Random, product: str) -> str:
    """A design's title: the product, often with its model in brackets (手机（AX-3021）), as filed; a
    product already specified in brackets keeps them. Designs have no abstract, so the near-duplicate
    search compares their titles: the model keeps ordinary designs of one product apart."""
    if "{gui}" in product:       # a graphical user interface is named by what it is for
        product = product.format(gui=rng.choice(_GUI_PURPOSES))
    elif "（" in product:
        return product
    if rng.random() < 0.3:
        return product
    letters = "".join(rng.sample("ABCDEFGHJKLMNPQRSTUVWXYZ", rng.randint(1, 2)))
    return f"{product}（{letters}-{rng.randint(10, 9999)}）"


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
