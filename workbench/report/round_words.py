"""A round's design in the report's words, in either language: its plan, filters and stored fields,
and the names of its strata, so no stored code (`utility_model`, `exclude_reviewed`...) or JSON
reaches a reader. The About sheet keeps the stored JSON beside the words in the English workbook.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from workbench.report import glossary
from workbench.review.checklists import Text

T = Text

#: How rounds join a case's field values into a stratum name (workbench.rounds.population.STRATUM_JOIN;
#: report may not import rounds, tests/test_architecture.py).
STRATUM_JOIN = " / "

FIELDS = {"ip_type": T("IP type", "类型"), "department": T("department", "审查部门"),
          "examiner": T("examiner", "审查员"), "decision": T("decision", "审查决定"),
          "procedure": T("procedure", "审查程序"), "classification": T("classification", "分类号"),
          "import": T("import batch", "导入批次"), "imports": T("import batch", "导入批次"),
          "decision_date": T("decision date", "结案日")}

#: The round's stored columns that the About sheet lists besides its plan, seed and filters.
STORED_ZH = {"created_by": "创建者", "seed_source": "随机种子来源", "checklists": "各类型评查表",
             "reviewers": "评查人", "effort": "评查工作量", "matching": "符合筛选条件的案件数",
             "excluded": "排除的案件数", "excluded_reviewed": "排除的已评查案件数",
             "population_sha256": "总体清单 SHA-256", "uid": "轮次唯一标识", "status": "状态",
             "closed_at": "关闭时间", "closed_by": "关闭人", "lots": "批数", "kind": "轮次类型",
             "response_days": "答复期限（天）"}
KINDS_ZH = {"sample": "抽样评查轮次", "calibration": "校准轮次"}

SEED_SOURCES_ZH = {"given": "指定", "random": "随机生成"}
LEVELS = {"I": T("general inspection level I", "一般检验水平 I"), "II": T("general inspection level II", "一般检验水平 II"),
          "III": T("general inspection level III", "一般检验水平 III")}
#: Each plan key's words; {v} is the value as shown.
PLAN = {"size": T("size: {v}", "样本量：{v}"), "strata": T("strata: {v}", "分层字段：{v}"),
        "allocation": T("allocation: {v}", "分配：{v}"), "min_per_stratum": T("at least {v} per stratum", "每层最少：{v}"),
        "confidence": T("confidence: {v}", "置信水平：{v}"), "margin": T("margin of error: ±{v}", "允许误差：±{v}"),
        "expected": T("expected compliance: {v}", "预期合格率：{v}"),
        "stratum_expected": T("expected compliance per stratum: {v}", "各层预期合格率：{v}"),
        "aql": T("AQL: {v}", "AQL：{v}"), "level": T("inspection level: {v}", "检验水平：{v}"),
        "count_defects": T("defects count as nonconforming: {v}", "瑕疵计入不合格：{v}"),
        "source": T("cases {v}", "案件：{v}"), "from_round": T("from round {v}", "来自轮次：{v}")}
#: A calibration round's method and how its cases were chosen (workbench.calibration.rounds.SOURCES): the
#: glossary's methods are the round wizard's, and a calibration round is not drawn there.
CALIBRATION = T("calibration (every reviewer reviews every case, blind)", "校准（每名评查人盲评全部案件）")
SOURCES = {"drawn": T("drawn at random", "随机抽取"), "chosen": T("chosen by hand", "人工选定"),
           "from_round": T("taken from another round", "取自另一轮次")}
FILTERS = {"decided_from": T("decided from {v}", "结案日起：{v}"), "decided_to": T("decided to {v}", "结案日止：{v}"),
           "exclude_sampled": T("exclude cases drawn in earlier rounds: {v}", "排除以前轮次已抽取的案件：{v}"),
           "exclude_reviewed": T("exclude reviewed cases: {v}", "排除已评查的案件：{v}")}
METHOD = T("method: {v}", "方法：{v}")
YES, NO = T("yes", "是"), T("no", "否")
NONE = T("none", "无")


def _zh(language: str) -> bool:
    return language.startswith("zh")


def _field(name: str, language: str = "zh") -> str:
    return FIELDS[name].get(language) if name in FIELDS else name


def _code(group: str, value: Any, language: str = "zh") -> str:
    if group == "method" and value == "calibration":
        return CALIBRATION.get(language)
    label = glossary.labels(group).get(str(value))
    return label.get(language) if label is not None else str(value)


def _yes(value: Any, language: str = "zh") -> str:
    return (YES if value else NO).get(language)


def _list(values: Any, language: str) -> str:
    return ("、" if _zh(language) else ", ").join(values)


def _pair(name: str, value: str, language: str) -> str:
    return f"{name}：{value}" if _zh(language) else f"{name}: {value}"


def stratum_label(name: str | None, language: str) -> str | None:
    """A stratum's name with IP-type codes in the sheet's words (外观设计 or Design, not design)."""
    if not name:
        return name
    ip_types = glossary.labels("ip_type")
    return STRATUM_JOIN.join(ip_types[p].get(language) if p in ip_types else p for p in name.split(STRATUM_JOIN))


def _percent(value: Any, digits: int) -> str:
    return f"{value:.{digits}%}" if isinstance(value, float) else str(value)


def _plan_value(key: str, value: Any, language: str) -> str:
    if key == "strata":
        return _list((_field(f, language) for f in value), language)
    if key == "allocation":
        return _code("allocation", value, language)
    if key in ("confidence", "expected"):
        return _percent(value, 0)
    if key == "margin":
        return _percent(value, 1)
    if key == "stratum_expected":
        pairs = value.items() if isinstance(value, Mapping) else value
        return _list((f"{stratum_label(str(n), language)} {r}" for n, r in pairs), language)
    if key == "level":
        return LEVELS[str(value)].get(language) if str(value) in LEVELS else str(value)
    if key == "count_defects":
        return _yes(value, language)
    if key == "source":
        return SOURCES[str(value)].get(language) if str(value) in SOURCES else str(value)
    return _value(value, language)


def plan_text(plan: Mapping[str, Any], language: str = "zh") -> str:
    """方法：分层抽样；分层字段：审查部门、类型 … or method: Stratified; strata: department, IP type …"""
    parts = [METHOD.get(language).format(v=_code("method", plan.get("method", "random"), language))]
    for key, value in plan.items():
        if key == "method" or value in (None, [], (), ""):
            continue
        shown = _plan_value(key, value, language)
        parts.append(PLAN[key].get(language).format(v=shown) if key in PLAN else _pair(key, shown, language))
    return ("；" if _zh(language) else "; ").join(parts)


def filters_text(filters: Mapping[str, Any], language: str = "zh", *, set_only: bool = False) -> str:
    """类型：发明、外观设计；排除已评查的案件：否 … or IP type: Invention, Design; exclude reviewed cases: no …
    With `set_only`, the filters that narrow the population (no 'exclude …: no')."""
    parts = []
    for key, value in filters.items():
        if set_only and value in (False, None, [], ()):
            continue
        if key == "ip_type":
            parts.append(_pair(_field(key, language), _list((_code("ip_type", v, language) for v in value), language),
                               language))
        elif key in FIELDS:
            parts.append(_pair(_field(key, language), _list((str(v) for v in value), language), language))
        elif key in FILTERS:
            shown = _yes(value, language) if isinstance(value, bool) else str(value)
            parts.append(FILTERS[key].get(language).format(v=shown))
        else:
            parts.append(_pair(key, _value(value, language), language))
    if not parts:
        return NONE.get(language)
    return ("；" if _zh(language) else "; ").join(parts)


def stored_label(name: str) -> str:
    return STORED_ZH.get(name, name)


def stored_value(name: str, value: Any) -> Any:
    """A stored round column's value in words (JSON lists and maps spelled out)."""
    if isinstance(value, (int, float)) or value is None:
        return value
    text = str(value)
    if name == "seed_source":
        return SEED_SOURCES_ZH.get(text, text)
    if name == "kind":
        return KINDS_ZH.get(text, text)
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


def _value(value: Any, language: str = "zh") -> str:
    if isinstance(value, bool):
        return _yes(value, language)
    if isinstance(value, Mapping):
        return ("；" if _zh(language) else "; ").join(
            _pair(_field(str(k), language), _value(v, language), language) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return _list((_value(v, language) for v in value), language)
    return "" if value is None else str(value)


def method_words(method: str, language: str) -> str:
    """A round's sampling method in the report's words (the glossary's, or calibration)."""
    return _code("method", method, language)


def plan_shown(plan: Mapping[str, Any], language: str) -> str:
    """A round's plan as a report shows it, in the report's words."""
    return plan_text(plan, language)


def filters_shown(filters: Mapping[str, Any], language: str, *, set_only: bool = False) -> str:
    """A round's filters as a report shows them, in the report's words."""
    return filters_text(filters, language, set_only=set_only)


def stored_json(value: Mapping[str, Any]) -> str:
    """A round's plan or filters as stored, for the English About sheet's record."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
