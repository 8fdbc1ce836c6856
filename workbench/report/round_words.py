"""A round's design in the Chinese workbook's words: its plan, filters and stored fields, and the
names of its strata, so no stored code (`utility_model`, `exclude_reviewed`...) reaches a Chinese
reader. The English workbook keeps the stored JSON, which its readers and tests rely on.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from workbench.report import glossary

#: How rounds join a case's field values into a stratum name (workbench.rounds.population.STRATUM_JOIN;
#: report may not import rounds, tests/test_architecture.py).
STRATUM_JOIN = " / "

FIELDS_ZH = {"ip_type": "类型", "department": "审查部门", "examiner": "审查员", "decision": "审查决定",
             "procedure": "审查程序", "import": "导入批次", "imports": "导入批次", "decision_date": "结案日"}

#: The round's stored columns that the About sheet lists besides its plan, seed and filters.
STORED_ZH = {"created_by": "创建者", "seed_source": "随机种子来源", "checklists": "各类型评查表",
             "reviewers": "评查员", "effort": "评查工作量", "matching": "符合筛选条件的案件数",
             "excluded": "排除的案件数", "excluded_reviewed": "排除的已评查案件数",
             "population_sha256": "总体清单 SHA-256", "uid": "轮次唯一标识", "status": "状态",
             "closed_at": "关闭时间", "lots": "批数"}

SEED_SOURCES_ZH = {"given": "指定", "random": "随机生成"}
LEVELS_ZH = {"I": "一般检验水平 I", "II": "一般检验水平 II", "III": "一般检验水平 III"}


def _field(name: str) -> str:
    return FIELDS_ZH.get(name, name)


def _code(group: str, value: Any) -> str:
    label = glossary.labels(group).get(str(value))
    return label.zh if label is not None else str(value)


def _yes(value: Any) -> str:
    return "是" if value else "否"


def stratum_label(name: str | None, language: str) -> str | None:
    """A stratum's name with IP-type codes in the sheet's words (外观设计, not design)."""
    if not name or not language.startswith("zh"):
        return name
    ip_types = glossary.labels("ip_type")
    return STRATUM_JOIN.join(ip_types[p].zh if p in ip_types else p for p in name.split(STRATUM_JOIN))


def plan_text(plan: Mapping[str, Any]) -> str:
    """方法：分层抽样；分层字段：审查部门、类型；分配：按比例分配；样本量：60 …"""
    parts = [f"方法：{_code('method', plan.get('method', 'random'))}"]
    for key, value in plan.items():
        if key == "method" or value in (None, [], (), ""):
            continue
        if key == "size":
            parts.append(f"样本量：{value}")
        elif key == "strata":
            parts.append("分层字段：" + "、".join(_field(f) for f in value))
        elif key == "allocation":
            parts.append(f"分配：{_code('allocation', value)}")
        elif key == "min_per_stratum":
            parts.append(f"每层最少：{value}")
        elif key == "confidence":
            parts.append(f"置信水平：{value:.0%}" if isinstance(value, float) else f"置信水平：{value}")
        elif key == "margin":
            parts.append(f"允许误差：±{value:.1%}" if isinstance(value, float) else f"允许误差：{value}")
        elif key == "expected":
            parts.append(f"预期合格率：{value:.0%}" if isinstance(value, float) else f"预期合格率：{value}")
        elif key == "stratum_expected":
            pairs = value.items() if isinstance(value, Mapping) else value
            parts.append("各层预期合格率：" + "、".join(f"{stratum_label(str(n), 'zh')} {r}" for n, r in pairs))
        elif key == "aql":
            parts.append(f"AQL：{value}")
        elif key == "level":
            parts.append(f"检验水平：{LEVELS_ZH.get(str(value), value)}")
        elif key == "count_defects":
            parts.append(f"瑕疵计入不合格：{_yes(value)}")
        else:
            parts.append(f"{key}：{_value(value)}")
    return "；".join(parts)


def filters_text(filters: Mapping[str, Any]) -> str:
    """类型：发明、外观设计；排除已抽取的案件：否；…"""
    parts = []
    for key, value in filters.items():
        if key == "ip_type":
            parts.append("类型：" + "、".join(_code("ip_type", v) for v in value))
        elif key in FIELDS_ZH:
            parts.append(f"{_field(key)}：" + "、".join(str(v) for v in value))
        elif key == "decided_from":
            parts.append(f"结案日起：{value}")
        elif key == "decided_to":
            parts.append(f"结案日止：{value}")
        elif key == "exclude_sampled":
            parts.append(f"排除以前轮次已抽取的案件：{_yes(value)}")
        elif key == "exclude_reviewed":
            parts.append(f"排除已评查的案件：{_yes(value)}")
        else:
            parts.append(f"{key}：{_value(value)}")
    return "；".join(parts) if parts else "无"


def stored_label(name: str) -> str:
    return STORED_ZH.get(name, name)


def stored_value(name: str, value: Any) -> Any:
    """A stored round column's value in words (JSON lists and maps spelled out)."""
    if isinstance(value, (int, float)) or value is None:
        return value
    text = str(value)
    if name == "seed_source":
        return SEED_SOURCES_ZH.get(text, text)
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if name == "checklists" and isinstance(data, Mapping):
        return "；".join(f"{_code('ip_type', k)}：评查表 {v}" for k, v in data.items())
    if name == "reviewers" and isinstance(data, list):
        return "、".join(_reviewer(r) for r in data)
    return _value(data)


def _reviewer(entry: Any) -> str:
    if not isinstance(entry, Mapping):
        return str(entry)
    cap = entry.get("cap")
    return str(entry.get("name", "")) + (f"（上限 {cap} 件）" if cap is not None else "")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return _yes(value)
    if isinstance(value, Mapping):
        return "；".join(f"{_field(str(k))}：{_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "、".join(_value(v) for v in value)
    return "" if value is None else str(value)


def plan_shown(plan: Mapping[str, Any], language: str) -> str:
    """A round's plan as a report shows it: in words in Chinese, as compact JSON in English."""
    return plan_text(plan) if language.startswith("zh") else _json(plan)


def filters_shown(filters: Mapping[str, Any], language: str) -> str:
    """A round's filters as a report shows them: in words in Chinese, as compact JSON in English."""
    return filters_text(filters) if language.startswith("zh") else _json(filters)


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
