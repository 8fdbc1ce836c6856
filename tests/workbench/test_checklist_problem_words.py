"""Issue 19, Language: every problem the checklist validator reports is a whole sentence in each
language; the Chinese one holds no English words glued in from field-name fragments ("section 'x'
title", "the item"), only the template's own codes and field names."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from workbench.review.checklist_parsing import (CONDITION_KEYS, ITEM_KEYS, OPTION_KEYS, SECTION_KEYS, TEMPLATE_KEYS,
                                                TEXT_KEYS, validate_template)

MINI = Path(__file__).resolve().parent.parent / "data" / "mini_checklist.json"
FIELD_NAMES = set().union(CONDITION_KEYS, ITEM_KEYS, OPTION_KEYS, SECTION_KEYS, TEMPLATE_KEYS, TEXT_KEYS)


def english_words(zh: str) -> list[str]:
    """Latin words of a Chinese message that are neither quoted codes nor the template's field names."""
    unquoted = re.sub(r"'[^']*'|“[^”]*”", "", zh)
    return [w for w in re.findall(r"[A-Za-z_]{2,}", unquoted) if w not in FIELD_NAMES | {"ID", "JSON", "pass", "fail", "na"}]


def broken(data: dict) -> dict:
    """The mini template with one fault for each of the validator's field-name sentences."""
    d = copy.deepcopy(data)
    d["id"] = "Not An Id"
    d["extra"] = 1
    d["name"] = "a string"
    d["categories"] = {"typo": {"en": "Typo"}}
    d["scales"] = {"grade": [{"code": "Good", "outcome": "pass", "label": {"en": "", "zh": ""}, "x": 1}]}
    section = d["sections"][0]
    section["colour"] = "red"
    section["title"] = {"en": "Search"}
    first, second = section["items"][0], section["items"][1]
    first["text"] = {"en": "", "zh": "", "fr": "x"}
    first["guidance"] = 3
    first["severities"] = ["major", "major", 7]
    first["categories"] = "typo"
    first["wat"] = True
    second["condition"] = {"item": "search", "answers": "fail", "when": 1}
    return d


def test_each_problem_is_a_whole_sentence_in_both_languages():
    problems = validate_template(broken(json.loads(MINI.read_text(encoding="utf-8"))), source="t.json")
    assert len(problems) >= 12
    assert [p for p in problems if not p.zh] == []                    # no problem without its Chinese sentence
    assert [(p.zh, english_words(p.zh)) for p in problems if english_words(p.zh)] == []
    sentences = {p.message: p.zh for p in problems}
    assert sentences["section 's1' title has no Chinese text ('zh')"] == "分组 's1' 的标题缺少中文文本（'zh'）"
    assert sentences["the item has an unknown field 'wat' (expected answers, auto_fail, categories, condition, "
                     "guidance, id, reference, scale, severities, text, weight)"].startswith("评查项含有未知字段 'wat'")
    assert sentences["severities lists 'major' twice"] == "severities 中 'major' 出现两次"


def test_builtin_references_have_their_chinese_form():
    from workbench.review.checklist_store import builtin_templates
    for checklist in builtin_templates():
        for item in checklist.items:
            zh = item.reference_in("zh")
            assert zh != item.reference and not re.search(r"\b(PL|IR|GPE|TL|TLIR) \d|Part [IV]|Ch\. ", zh), \
                f"{checklist.template_id} {item.id}: {zh}"
            assert item.reference_in("en") == item.reference
    invention = next(c for c in builtin_templates() if c.template_id == "invention-substantive")
    assert "专利法第22条第2款" in " ".join(i.reference_zh for i in invention.items)
    assert "专利审查指南第二部分第七章" in " ".join(i.reference_zh for i in invention.items)


def test_a_reference_may_be_given_in_both_languages_or_as_one_text():
    data = json.loads(MINI.read_text(encoding="utf-8"))
    first = data["sections"][0]["items"][0]
    first["reference"] = {"en": "PL 22.3", "zh": "专利法第22条第3款"}
    assert validate_template(data) == []
    first["reference"] = {"en": "PL 22.3"}
    assert [p.zh for p in validate_template(data)] == ["法律依据（reference）缺少中文文本（'zh'）"]
