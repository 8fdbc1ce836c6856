"""What a checklist template is: its sections, items, answer scales and texts in both languages.

Parsing and validating a template is in checklist_parsing; the versions stored in a
workspace are in checklist_store.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

IP_TYPES = ("invention", "utility_model", "design", "trademark")
OUTCOMES = ("pass", "fail", "na")
SEVERITIES = ("critical", "major", "minor", "advisory")
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Text:
    """A text in both interface languages."""

    en: str
    zh: str

    def get(self, language: str) -> str:
        return self.zh if language.startswith("zh") and self.zh else self.en


@dataclass(frozen=True)
class ScaleOption:
    code: str
    label: Text
    outcome: str             # pass, fail or na
    severity: str | None = None   # the severity a fail on this option implies, if any


PASS_FAIL = (
    ScaleOption("pass", Text("Pass", "合格"), "pass"),
    ScaleOption("fail", Text("Fail", "不合格"), "fail"),
    ScaleOption("na", Text("N/A", "不适用"), "na"),
)


@dataclass(frozen=True)
class Condition:
    """The item is shown only when `item` was answered with one of `answers`."""

    item: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    id: str
    section_id: str
    text: Text
    guidance: Text
    reference: str
    options: tuple[ScaleOption, ...]
    severities: tuple[str, ...]
    categories: tuple[str, ...]
    weight: float = 1.0
    auto_fail: bool = False
    condition: Condition | None = None
    reference_zh: str = ""     # the legal reference in Chinese (专利法第22条第2款), where the template gives it

    def reference_in(self, language: str) -> str:
        """The legal reference in the language, the English (abbreviated) one when no Chinese is given."""
        return Text(self.reference, self.reference_zh).get(language)

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    def option(self, code: str) -> ScaleOption | None:
        return next((o for o in self.options if o.code == code), None)

    def option_for_outcome(self, outcome: str) -> ScaleOption | None:
        return next((o for o in self.options if o.outcome == outcome), None)

    @property
    def can_fail(self) -> bool:
        return any(o.outcome == "fail" for o in self.options)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    template_id: str
    version: int
    name: Text
    description: Text
    ip_types: tuple[str, ...]
    procedures: tuple[str, ...]
    categories: Mapping[str, Text]
    sections: tuple[Section, ...]
    definition: Mapping[str, Any]   # the parsed JSON, stored canonically in the workspace

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def visible_items(self, answers: Mapping[str, str]) -> list[Item]:
        """Items whose condition holds for the given answers (item id -> answer code).

        A condition on an item that is itself hidden does not hold: hiding cascades.
        """
        shown: dict[str, bool] = {}
        visible = []
        for item in self.items:
            ok = True
            if item.condition is not None:
                ok = shown.get(item.condition.item, False) and \
                    answers.get(item.condition.item) in item.condition.answers
            shown[item.id] = ok
            if ok:
                visible.append(item)
        return visible

    def canonical_json(self) -> str:
        return canonical_json(self.definition)



def canonical_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

