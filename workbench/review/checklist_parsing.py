"""Checklist templates: parsing and validating a template file or its JSON.

The format is documented in resources/checklists/FORMAT.md. Validation collects every
problem (file, item id, what is wrong) instead of stopping at the first, so a template
author can fix them all in one pass. What a checklist is lives in checklists; the frozen
versions stored in a workspace in checklist_store.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from foundation.errors import WorkbenchError, register
from workbench.review.checklists import (
    IP_TYPES, LANGUAGES, OUTCOMES, PASS_FAIL, SEVERITIES, Checklist, Condition, Item, ScaleOption, Section, Text,
    canonical_json)

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.\-]*")

# The fields each object of the format may have; anything else is most likely a typo
# ("severites") that would otherwise be silently ignored. Keys starting with "_" or "$"
# are comments for template authors.
TEMPLATE_KEYS = frozenset({"format", "id", "version", "name", "description", "ip_types", "procedures",
                           "categories", "scales", "sections"})
SECTION_KEYS = frozenset({"id", "title", "items"})
ITEM_KEYS = frozenset({"id", "text", "guidance", "reference", "scale", "answers", "severities", "categories",
                       "weight", "auto_fail", "condition"})
OPTION_KEYS = frozenset({"code", "label", "outcome", "severity"})
CONDITION_KEYS = frozenset({"item", "answers"})
TEXT_KEYS = frozenset(LANGUAGES)

register({
    "checklist.invalid": "{source}: the checklist template has {count} problem(s):\n{problems}",
    "checklist.unreadable": "{source}: cannot read the checklist template ({detail}).",
})


@dataclass(frozen=True)
class Problem:
    source: str
    item_id: str | None
    message: str
    zh: str = ""          # the message in Chinese, where one was written (else the English shows)

    def text(self, language: str) -> str:
        return Text(self.message, self.zh).get(language)

    def __str__(self) -> str:
        where = f" item {self.item_id}:" if self.item_id else ""
        return f"{self.source}:{where} {self.message}"


class TemplateInvalid(WorkbenchError):
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("checklist.invalid", source=source, count=len(problems),
                         problems="\n".join(f"  - {p}" for p in problems))


def read_json(path: str | Path) -> dict[str, Any]:
    return _read_json(path)[0]


def _read_json(path: str | Path) -> tuple[dict[str, Any], list[str]]:
    """The parsed file and the keys written twice in one object (JSON keeps only the last,
    so the first would be lost without a word)."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                owner = next((v for k, v in items if k == "id" and isinstance(v, str)), None)
                duplicates.append(f"the key {key!r} appears twice in one object"
                                  + (f" (the one with id {owner!r})" if owner else ""))
            result[key] = value
        return result

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"), object_pairs_hook=pairs)
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError("checklist.unreadable", source=str(path), detail=str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise WorkbenchError("checklist.unreadable", source=str(path),
                             detail=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:         # "[[[[..." a hundred thousand deep: no template
        raise WorkbenchError("checklist.unreadable", source=str(path), detail="the JSON is nested too deeply") from exc
    if not isinstance(data, dict):
        raise WorkbenchError("checklist.unreadable", source=str(path), detail="the top level is not an object")
    return data, duplicates


def load_template(path: str | Path) -> Checklist:
    """Read and validate a template file; raises TemplateInvalid listing every problem."""
    data, duplicates = _read_json(path)
    if duplicates:
        problems = [Problem(str(path), None, d) for d in duplicates]
        raise TemplateInvalid(str(path), problems + validate_template(data, source=str(path)))
    return parse_template(data, source=str(path))


def parse_template(data: Mapping[str, Any], *, source: str = "<template>") -> Checklist:
    checklist, problems = _build(data, source)
    if problems:
        raise TemplateInvalid(source, problems)
    assert checklist is not None
    return checklist


def validate_template(data: Mapping[str, Any], *, source: str = "<template>") -> list[Problem]:
    return _build(data, source)[1]


def validate_file(path: str | Path) -> list[Problem]:
    try:
        data, duplicates = _read_json(path)
    except WorkbenchError as exc:
        return [Problem(str(path), None, exc.params.get("detail", exc.message()))]
    return [Problem(str(path), None, d) for d in duplicates] + validate_template(data, source=str(path))


_KIND_ZH = {"section": "分组", "item": "评查项"}   # what a duplicate id was first used by

# -- building and validating -------------------------------------------------------------

class _Collector:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, item_id: str | None, message: str, zh: str = "") -> None:
        self.problems.append(Problem(self.source, item_id, message, zh))

    def text(self, value: Any, where: Text, item_id: str | None, *, required: bool = True) -> Text:
        if value is None and not required:
            return Text("", "")
        if not isinstance(value, dict):
            self.add(item_id, f"{where.en} must be an object with 'en' and 'zh' texts",
                     f"{where.zh}必须是含有 'en' 和 'zh' 两种文本的对象")
            return Text("", "")
        self.keys(value, TEXT_KEYS, where, item_id)
        texts = {}
        for language in LANGUAGES:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                if required and language == "en":
                    self.add(item_id, f"{where.en} has no English text ('en')", f"{where.zh}缺少英文文本（'en'）")
                elif required:
                    self.add(item_id, f"{where.en} has no Chinese text ('zh')", f"{where.zh}缺少中文文本（'zh'）")
                text = ""
            texts[language] = text.strip()
        return Text(texts["en"], texts["zh"])

    def keys(self, value: Mapping[str, Any], allowed: frozenset[str], where: Text, item_id: str | None) -> None:
        for key in value:
            if key not in allowed and not key.startswith(("_", "$")):
                self.add(item_id, f"{where.en} has an unknown field {key!r} (expected {', '.join(sorted(allowed))})",
                         f"{where.zh}含有未知字段 {key!r}（应为 {'、'.join(sorted(allowed))} 之一）")

    def codes(self, value: Any, where: Text, item_id: str | None) -> list[str]:
        """A list of codes: each a text, none twice. Returns the usable ones."""
        if not isinstance(value, list):
            self.add(item_id, f"{where.en} must be a list", f"{where.zh} 必须是列表")
            return []
        found: list[str] = []
        for code in value:
            if not isinstance(code, str):
                self.add(item_id, f"{where.en}: {code!r} is not a code (a text is expected)",
                         f"{where.zh}：{code!r} 不是代码（应为文本）")
            elif code in found:
                self.add(item_id, f"{where.en} lists {code!r} twice", f"{where.zh} 中 {code!r} 出现两次")
            else:
                found.append(code)
        return found

    def identifier(self, value: Any, where: Text, item_id: str | None) -> str:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.add(item_id, f"{where.en} {value!r} must be lowercase letters, digits, '-', '_' or '.'",
                     f"{where.zh} {value!r} 只能由小写字母、数字、“-”、“_”或“.”组成")
            return str(value)
        return value


def _field(en: str, zh: str, **params: Any) -> Text:
    """The name of a template's part in both languages, for the collector's whole sentences."""
    values = {k: repr(v) for k, v in params.items()}
    return Text(en.format(**values), zh.format(**values))


def _build(data: Mapping[str, Any], source: str) -> tuple[Checklist | None, list[Problem]]:
    c = _Collector(source)
    if not isinstance(data, Mapping):
        c.add(None, "the template must be a JSON object",
              "模板必须是一个 JSON 对象")
        return None, c.problems
    c.keys(data, TEMPLATE_KEYS, Text("the template", "模板"), None)
    if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        c.add(None, f"unknown template format {data.get('format')!r} (this version reads format {FORMAT_VERSION})",
              f"未知的模板格式 {data.get('format')!r}（本版本读取格式 {FORMAT_VERSION}）")
    template_id = c.identifier(data.get("id"), Text("template id", "模板 ID"), None)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.add(None, f"version {version!r} must be a whole number of at least 1",
              f"版本号 {version!r} 必须是不小于 1 的整数")
        version = 0
    name = c.text(data.get("name"), Text("name", "名称（name）"), None)
    description = c.text(data.get("description"), Text("description", "说明（description）"), None, required=False)
    ip_types = _build_ip_types(c, data)
    procedures = _build_procedures(c, data)
    categories = _build_categories(c, data)
    scales = _build_scales(c, data)
    sections, order = _build_sections(c, data, scales, categories)
    _check_conditions(c, sections, order)
    if c.problems:
        return None, c.problems
    checklist = Checklist(template_id, version, name, description, tuple(ip_types), tuple(procedures),
                          categories, tuple(sections), json.loads(canonical_json(data)))
    return checklist, []


def _build_ip_types(c: _Collector, data: Mapping[str, Any]) -> list[str]:
    ip_types = data.get("ip_types")
    if not isinstance(ip_types, list) or not ip_types:
        c.add(None, "ip_types must list at least one of " + ", ".join(IP_TYPES),
              "ip_types 必须至少列出以下之一：" + "、".join(IP_TYPES))
        ip_types = []
    else:
        ip_types = c.codes(ip_types, Text("ip_types", "ip_types"), None)
    for ip_type in ip_types:
        if ip_type not in IP_TYPES:
            c.add(None, f"unknown IP type {ip_type!r} (expected one of {', '.join(IP_TYPES)})",
              f"未知的知识产权类型 {ip_type!r}（应为 {'、'.join(IP_TYPES)} 之一）")
    return ip_types


def _build_procedures(c: _Collector, data: Mapping[str, Any]) -> list[str]:
    procedures = data.get("procedures", [])
    if not isinstance(procedures, list) or not all(isinstance(p, str) and p for p in procedures):
        c.add(None, "procedures must be a list of procedure codes",
              "procedures 必须是程序代码的列表")
        return []
    if len(set(procedures)) != len(procedures):
        c.add(None, "procedures lists a procedure twice",
              "procedures 中有重复的程序")
    return procedures


def _build_categories(c: _Collector, data: Mapping[str, Any]) -> dict[str, Text]:
    categories: dict[str, Text] = {}
    raw_categories = data.get("categories", {})
    if not isinstance(raw_categories, dict):
        c.add(None, "categories must map a category code to its English and Chinese labels",
              "categories 必须把每个类别代码对应到其英文和中文名称")
        raw_categories = {}
    for code, label in raw_categories.items():
        c.identifier(code, Text("category", "类别"), None)
        categories[code] = c.text(label, _field("category {code}", "类别 {code} ", code=code), None)
    return categories


def _build_scales(c: _Collector, data: Mapping[str, Any]) -> dict[str, tuple[ScaleOption, ...]]:
    """The built-in pass/fail scale and the template's own, by name."""
    scales: dict[str, tuple[ScaleOption, ...]] = {"pass_fail": PASS_FAIL}
    raw_scales = data.get("scales", {})
    if not isinstance(raw_scales, dict):
        c.add(None, "scales must map a scale name to its list of options",
              "scales 必须把每个量表名称对应到其选项列表")
        raw_scales = {}
    for scale_name, options in raw_scales.items():
        if scale_name == "pass_fail":
            c.add(None, "the scale 'pass_fail' is built in and cannot be redefined",
              "量表 'pass_fail' 为内置量表，不能重新定义")
            continue
        scales[scale_name] = _build_scale(c, scale_name, options)
    return scales


def _build_sections(c: _Collector, data: Mapping[str, Any], scales: Mapping[str, tuple[ScaleOption, ...]],
                    categories: Mapping[str, Text]) -> tuple[list[Section], dict[str, int]]:
    """The sections with their items, and each item's position in the whole template."""
    sections: list[Section] = []
    seen_ids: dict[str, str] = {}
    order: dict[str, int] = {}
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        c.add(None, "the template has no sections",
              "模板没有任何分组")
        raw_sections = []
    for raw_section in raw_sections:
        if not isinstance(raw_section, dict):
            c.add(None, "each section must be an object",
              "每个分组都必须是一个对象")
            continue
        c.keys(raw_section, SECTION_KEYS, _field("section {id}", "分组 {id} ", id=raw_section.get('id')), None)
        section_id = c.identifier(raw_section.get("id"), Text("section id", "分组 ID"), None)
        if section_id in seen_ids:
            c.add(section_id, f"duplicate id (also used by a {seen_ids[section_id]})",
              f"标识重复（已被一个{_KIND_ZH.get(seen_ids[section_id], seen_ids[section_id])}使用）")
        seen_ids[section_id] = "section"
        title = c.text(raw_section.get("title"), _field("section {id} title", "分组 {id} 的标题", id=section_id), None)
        items = []
        raw_items = raw_section.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            c.add(None, f"section {section_id!r} has no items",
              f"分组 {section_id!r} 没有评查项")
            raw_items = []
        for raw_item in raw_items:
            item = _build_item(c, raw_item, section_id, scales, categories, seen_ids)
            if item is not None:
                items.append(item)
                order[item.id] = len(order)
        sections.append(Section(section_id, title, tuple(items)))
    return sections, order


def _check_conditions(c: _Collector, sections: list[Section], order: Mapping[str, int]) -> None:
    """Conditions: on an earlier item, with answers that item allows."""
    by_id = {item.id: item for section in sections for item in section.items}
    for item in by_id.values():
        if item.condition is None:
            continue
        target = by_id.get(item.condition.item)
        if target is None:
            c.add(item.id, f"condition refers to unknown item {item.condition.item!r}",
              f"条件引用了未知的评查项 {item.condition.item!r}")
        elif order[target.id] >= order[item.id]:
            c.add(item.id, f"condition refers to item {target.id!r}, which does not come before it",
              f"条件引用的评查项 {target.id!r} 不在本项之前")
        else:
            for answer in item.condition.answers:
                if answer not in target.answers:
                    c.add(item.id, f"condition answer {answer!r} is not an answer item {target.id!r} allows",
              f"条件中的答案 {answer!r} 不是评查项 {target.id!r} 允许的答案")


def _build_scale(c: _Collector, scale_name: str, options: Any) -> tuple[ScaleOption, ...]:
    if not isinstance(options, list) or not options:
        c.add(None, f"scale {scale_name!r} has no options",
              f"量表 {scale_name!r} 没有选项")
        return ()
    built = []
    codes = set()
    for option in options:
        if not isinstance(option, dict):
            c.add(None, f"scale {scale_name!r}: each option must be an object",
              f"量表 {scale_name!r}：每个选项都必须是一个对象")
            continue
        c.keys(option, OPTION_KEYS, _field("scale {s} option {o}", "量表 {s} 的选项 {o} ", s=scale_name, o=option.get('code')), None)
        code = c.identifier(option.get("code"), _field("scale {s} option code", "量表 {s} 的选项代码", s=scale_name), None)
        if code in codes:
            c.add(None, f"scale {scale_name!r} has option {code!r} twice",
              f"量表 {scale_name!r} 中选项 {code!r} 出现两次")
        codes.add(code)
        label = c.text(option.get("label"), _field("scale {s} option {o} label", "量表 {s} 的选项 {o} 的标签", s=scale_name, o=code), None)
        outcome = option.get("outcome")
        if outcome not in OUTCOMES:
            c.add(None, f"scale {scale_name!r} option {code!r}: outcome {outcome!r} must be pass, fail or na",
              f"量表 {scale_name!r} 选项 {code!r}：结果 {outcome!r} 必须是 pass、fail 或 na")
        severity = option.get("severity")
        if severity is not None and severity not in SEVERITIES:
            c.add(None, f"scale {scale_name!r} option {code!r}: unknown severity {severity!r}",
              f"量表 {scale_name!r} 选项 {code!r}：未知的严重程度 {severity!r}")
            severity = None
        elif severity is not None and outcome != "fail":
            c.add(None, f"scale {scale_name!r} option {code!r}: only an answer with outcome 'fail' can imply "
                        f"a severity (this one's outcome is {outcome!r})",
                  f"量表 {scale_name!r} 选项 {code!r}：只有结果为 fail 的答案才能带有严重程度（此答案的结果为 {outcome!r}）")
        built.append(ScaleOption(code, label, str(outcome), severity))
    return tuple(built)


def _build_item(c: _Collector, raw: Any, section_id: str, scales: Mapping[str, tuple[ScaleOption, ...]],
                categories: Mapping[str, Text], seen_ids: dict[str, str]) -> Item | None:
    if not isinstance(raw, dict):
        c.add(None, f"section {section_id!r}: each item must be an object",
              f"分组 {section_id!r}：每个评查项都必须是一个对象")
        return None
    item_id = c.identifier(raw.get("id"), Text("item id", "评查项 ID"), None)
    c.keys(raw, ITEM_KEYS, Text("the item", "评查项"), item_id)
    if item_id in seen_ids:
        c.add(item_id, f"duplicate id (also used by a {seen_ids[item_id]})",
              f"标识重复（已被一个{_KIND_ZH.get(seen_ids[item_id], seen_ids[item_id])}使用）")
    seen_ids[item_id] = "item"
    text = c.text(raw.get("text"), Text("text", "评查项文本（text）"), item_id)
    guidance = c.text(raw.get("guidance"), Text("guidance", "评查指引（guidance）"), item_id)
    reference, reference_zh = raw.get("reference", ""), ""
    if isinstance(reference, dict):         # {"en": "PL 22.2", "zh": "专利法第22条第2款"}
        both = c.text(reference, Text("reference", "法律依据（reference）"), item_id)
        reference, reference_zh = both.en, both.zh
    elif not isinstance(reference, str):
        c.add(item_id, "reference must be a text, or an object with 'en' and 'zh' texts",
              "reference 必须是文本，或含有 'en' 和 'zh' 两种文本的对象")
        reference = ""
    options = _item_options(c, raw, item_id, scales)
    severities = c.codes(raw.get("severities", []), Text("severities", "severities"), item_id)
    for severity in severities:
        if severity not in SEVERITIES:
            c.add(item_id, f"unknown severity {severity!r} (expected {', '.join(SEVERITIES)})",
              f"未知的严重程度 {severity!r}（应为 {'、'.join(SEVERITIES)} 之一）")
    item_categories = c.codes(raw.get("categories", []), Text("categories", "categories"), item_id)
    for category in item_categories:
        if category not in categories:
            c.add(item_id, f"unknown error category {category!r} (not defined under 'categories')",
              f"未知的差错类别 {category!r}（未在 categories 中定义）")
    can_fail = any(o.outcome == "fail" for o in options)
    _check_fail_choices(c, item_id, options, severities, item_categories)
    weight = _item_weight(c, raw, item_id)
    auto_fail = raw.get("auto_fail", False)
    if not isinstance(auto_fail, bool):
        c.add(item_id, "auto_fail must be true or false",
              "auto_fail 必须是 true 或 false")
        auto_fail = False
    elif auto_fail and not can_fail:
        c.add(item_id, "auto_fail is set but no answer can fail",
              "设置了 auto_fail，但没有任何答案会不合格")
    condition = _item_condition(c, raw, item_id)
    return Item(item_id, section_id, text, guidance, reference, tuple(options), tuple(severities),
                tuple(item_categories), weight, auto_fail, condition, reference_zh)


def _item_options(c: _Collector, raw: Mapping[str, Any], item_id: str,
                  scales: Mapping[str, tuple[ScaleOption, ...]]) -> tuple[ScaleOption, ...]:
    """The item's answers: its scale's options, or the ones of them it lists under 'answers'."""
    scale_name = raw.get("scale", "pass_fail")
    scale = scales.get(scale_name) if isinstance(scale_name, str) else None
    if scale is None:
        c.add(item_id, f"unknown answer scale {scale_name!r}",
              f"未知的答案量表 {scale_name!r}")
        scale = PASS_FAIL
    if "answers" not in raw:
        return scale
    answers = c.codes(raw["answers"], Text("answers", "answers"), item_id)
    if not answers:
        c.add(item_id, "answers must list at least one answer",
              "answers 必须至少列出一个答案")
        return scale
    known = {o.code: o for o in scale}
    for answer in answers:
        if answer not in known:
            c.add(item_id, f"answer {answer!r} is not on the scale {scale_name!r}",
              f"答案 {answer!r} 不在量表 {scale_name!r} 中")
    return tuple(known[a] for a in answers if a in known)


def _check_fail_choices(c: _Collector, item_id: str, options: tuple[ScaleOption, ...], severities: list[str],
                        categories: list[str]) -> None:
    """An item that can fail must allow a severity and a category for the failure."""
    can_fail = any(o.outcome == "fail" for o in options)
    if can_fail and not severities:
        c.add(item_id, "a fail is allowed but no severity is",
              "允许不合格，但未允许任何严重程度")
    if can_fail and not categories:
        c.add(item_id, "a fail is allowed but no error category is",
              "允许不合格，但未允许任何差错类别")
    for option in options:
        # A graded answer such as 'strong' implies its severity; the item must allow it,
        # or giving that answer could never be recorded.
        if option.outcome == "fail" and option.severity is not None and severities \
                and option.severity not in severities:
            c.add(item_id, f"answer {option.code!r} implies severity {option.severity!r}, which the item "
                           f"does not allow (allowed: {', '.join(severities)})",
                  f"答案 {option.code!r} 带有严重程度 {option.severity!r}，但本项不允许（允许：{'、'.join(severities)}）")


def _item_weight(c: _Collector, raw: Mapping[str, Any], item_id: str) -> float:
    weight = raw.get("weight", 1)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not math.isfinite(weight) \
            or weight <= 0:
        c.add(item_id, f"weight {weight!r} must be a number greater than 0",
              f"权重 {weight!r} 必须是大于 0 的数")
        weight = 1
    return float(weight)


def _item_condition(c: _Collector, raw: Mapping[str, Any], item_id: str) -> Condition | None:
    """The item's condition; whether it names an earlier item is checked once all are built."""
    if raw.get("condition") is None:
        return None
    raw_condition = raw["condition"]
    if not isinstance(raw_condition, dict) or not isinstance(raw_condition.get("item"), str) \
            or not isinstance(raw_condition.get("answers"), list) or not raw_condition["answers"]:
        c.add(item_id, "condition must name an item and the answers that show this one",
              "条件必须指明一个评查项以及使本项显示的答案")
        return None
    c.keys(raw_condition, CONDITION_KEYS, Text("condition", "条件"), item_id)
    condition = Condition(raw_condition["item"], tuple(c.codes(raw_condition["answers"], Text("condition answers", "条件的 answers"), item_id)))
    if condition.item == item_id:
        c.add(item_id, "condition refers to the item itself",
              "条件引用了本项自身")
    return condition
