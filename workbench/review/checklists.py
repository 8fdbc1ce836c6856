"""Checklist templates: parsing, validation, and the frozen versions stored in a workspace.

The format is documented in resources/checklists/FORMAT.md. Validation collects every
problem (file, item id, what is wrong) instead of stopping at the first, so a template
author can fix them all in one pass.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

import sqlite_utils

from workbench.base.errors import WorkbenchError, register
from workbench.base.paths import resource_dir

BUILTIN_DIR = resource_dir() / "checklists"
FORMAT_VERSION = 1
IP_TYPES = ("invention", "utility_model", "design", "trademark")
OUTCOMES = ("pass", "fail", "na")
SEVERITIES = ("critical", "major", "minor", "advisory")
LANGUAGES = ("en", "zh")
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
    "checklist.unknown": "No checklist template {template_id} version {version} in this workspace.",
})


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


@dataclass(frozen=True)
class Problem:
    source: str
    item_id: str | None
    message: str

    def __str__(self) -> str:
        where = f" item {self.item_id}:" if self.item_id else ""
        return f"{self.source}:{where} {self.message}"


class TemplateInvalid(WorkbenchError):
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("checklist.invalid", source=source, count=len(problems),
                         problems="\n".join(f"  - {p}" for p in problems))


def canonical_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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


def builtin_template_paths() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.json"))


def builtin_templates() -> list[Checklist]:
    return [load_template(path) for path in builtin_template_paths()]


# -- building and validating -------------------------------------------------------------

class _Collector:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, item_id: str | None, message: str) -> None:
        self.problems.append(Problem(self.source, item_id, message))

    def text(self, value: Any, where: str, item_id: str | None, *, required: bool = True) -> Text:
        if value is None and not required:
            return Text("", "")
        if not isinstance(value, dict):
            self.add(item_id, f"{where} must be an object with 'en' and 'zh' texts")
            return Text("", "")
        self.keys(value, TEXT_KEYS, where, item_id)
        texts = {}
        for language in LANGUAGES:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                if required:
                    self.add(item_id, f"{where} has no {'English' if language == 'en' else 'Chinese'} "
                                      f"text ('{language}')")
                text = ""
            texts[language] = text.strip()
        return Text(texts["en"], texts["zh"])

    def keys(self, value: Mapping[str, Any], allowed: frozenset[str], where: str, item_id: str | None) -> None:
        for key in value:
            if key not in allowed and not key.startswith(("_", "$")):
                self.add(item_id, f"{where} has an unknown field {key!r} (expected {', '.join(sorted(allowed))})")

    def codes(self, value: Any, where: str, item_id: str | None) -> list[str]:
        """A list of codes: each a text, none twice. Returns the usable ones."""
        if not isinstance(value, list):
            self.add(item_id, f"{where} must be a list")
            return []
        found: list[str] = []
        for code in value:
            if not isinstance(code, str):
                self.add(item_id, f"{where}: {code!r} is not a code (a text is expected)")
            elif code in found:
                self.add(item_id, f"{where} lists {code!r} twice")
            else:
                found.append(code)
        return found

    def identifier(self, value: Any, where: str, item_id: str | None) -> str:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.add(item_id, f"{where} {value!r} must be lowercase letters, digits, '-', '_' or '.'")
            return str(value)
        return value


def _build(data: Mapping[str, Any], source: str) -> tuple[Checklist | None, list[Problem]]:
    c = _Collector(source)
    if not isinstance(data, Mapping):
        c.add(None, "the template must be a JSON object")
        return None, c.problems
    c.keys(data, TEMPLATE_KEYS, "the template", None)
    if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        c.add(None, f"unknown template format {data.get('format')!r} (this version reads format {FORMAT_VERSION})")
    template_id = c.identifier(data.get("id"), "template id", None)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.add(None, f"version {version!r} must be a whole number of at least 1")
        version = 0
    name = c.text(data.get("name"), "name", None)
    description = c.text(data.get("description"), "description", None, required=False)
    ip_types = data.get("ip_types")
    if not isinstance(ip_types, list) or not ip_types:
        c.add(None, "ip_types must list at least one of " + ", ".join(IP_TYPES))
        ip_types = []
    else:
        ip_types = c.codes(ip_types, "ip_types", None)
    for ip_type in ip_types:
        if ip_type not in IP_TYPES:
            c.add(None, f"unknown IP type {ip_type!r} (expected one of {', '.join(IP_TYPES)})")
    procedures = data.get("procedures", [])
    if not isinstance(procedures, list) or not all(isinstance(p, str) and p for p in procedures):
        c.add(None, "procedures must be a list of procedure codes")
        procedures = []
    elif len(set(procedures)) != len(procedures):
        c.add(None, "procedures lists a procedure twice")

    categories: dict[str, Text] = {}
    raw_categories = data.get("categories", {})
    if not isinstance(raw_categories, dict):
        c.add(None, "categories must map a category code to its English and Chinese labels")
        raw_categories = {}
    for code, label in raw_categories.items():
        c.identifier(code, "category", None)
        categories[code] = c.text(label, f"category {code!r}", None)

    scales: dict[str, tuple[ScaleOption, ...]] = {"pass_fail": PASS_FAIL}
    raw_scales = data.get("scales", {})
    if not isinstance(raw_scales, dict):
        c.add(None, "scales must map a scale name to its list of options")
        raw_scales = {}
    for scale_name, options in raw_scales.items():
        if scale_name == "pass_fail":
            c.add(None, "the scale 'pass_fail' is built in and cannot be redefined")
            continue
        scales[scale_name] = _build_scale(c, scale_name, options)

    sections: list[Section] = []
    seen_ids: dict[str, str] = {}
    order: dict[str, int] = {}
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        c.add(None, "the template has no sections")
        raw_sections = []
    for raw_section in raw_sections:
        if not isinstance(raw_section, dict):
            c.add(None, "each section must be an object")
            continue
        c.keys(raw_section, SECTION_KEYS, f"section {raw_section.get('id')!r}", None)
        section_id = c.identifier(raw_section.get("id"), "section id", None)
        if section_id in seen_ids:
            c.add(section_id, f"duplicate id (also used by a {seen_ids[section_id]})")
        seen_ids[section_id] = "section"
        title = c.text(raw_section.get("title"), f"section {section_id!r} title", None)
        items = []
        raw_items = raw_section.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            c.add(None, f"section {section_id!r} has no items")
            raw_items = []
        for raw_item in raw_items:
            item = _build_item(c, raw_item, section_id, scales, categories, seen_ids, order)
            if item is not None:
                items.append(item)
                order[item.id] = len(order)
        sections.append(Section(section_id, title, tuple(items)))

    # Conditions: on an earlier item, with answers that item allows.
    by_id = {item.id: item for section in sections for item in section.items}
    for item in by_id.values():
        if item.condition is None:
            continue
        target = by_id.get(item.condition.item)
        if target is None:
            c.add(item.id, f"condition refers to unknown item {item.condition.item!r}")
        elif order[target.id] >= order[item.id]:
            c.add(item.id, f"condition refers to item {target.id!r}, which does not come before it")
        else:
            for answer in item.condition.answers:
                if answer not in target.answers:
                    c.add(item.id, f"condition answer {answer!r} is not an answer item {target.id!r} allows")

    if c.problems:
        return None, c.problems
    checklist = Checklist(template_id, version, name, description, tuple(ip_types), tuple(procedures),
                          categories, tuple(sections), json.loads(canonical_json(data)))
    return checklist, []


def _build_scale(c: _Collector, scale_name: str, options: Any) -> tuple[ScaleOption, ...]:
    if not isinstance(options, list) or not options:
        c.add(None, f"scale {scale_name!r} has no options")
        return ()
    built = []
    codes = set()
    for option in options:
        if not isinstance(option, dict):
            c.add(None, f"scale {scale_name!r}: each option must be an object")
            continue
        c.keys(option, OPTION_KEYS, f"scale {scale_name!r} option {option.get('code')!r}", None)
        code = c.identifier(option.get("code"), f"scale {scale_name!r} option code", None)
        if code in codes:
            c.add(None, f"scale {scale_name!r} has option {code!r} twice")
        codes.add(code)
        label = c.text(option.get("label"), f"scale {scale_name!r} option {code!r} label", None)
        outcome = option.get("outcome")
        if outcome not in OUTCOMES:
            c.add(None, f"scale {scale_name!r} option {code!r}: outcome {outcome!r} must be pass, fail or na")
        severity = option.get("severity")
        if severity is not None and severity not in SEVERITIES:
            c.add(None, f"scale {scale_name!r} option {code!r}: unknown severity {severity!r}")
            severity = None
        elif severity is not None and outcome != "fail":
            c.add(None, f"scale {scale_name!r} option {code!r}: only an answer with outcome 'fail' can imply "
                        f"a severity (this one's outcome is {outcome!r})")
        built.append(ScaleOption(code, label, str(outcome), severity))
    return tuple(built)


def _build_item(c: _Collector, raw: Any, section_id: str, scales: Mapping[str, tuple[ScaleOption, ...]],
                categories: Mapping[str, Text], seen_ids: dict[str, str], order: Mapping[str, int]) -> Item | None:
    if not isinstance(raw, dict):
        c.add(None, f"section {section_id!r}: each item must be an object")
        return None
    item_id = c.identifier(raw.get("id"), "item id", None)
    c.keys(raw, ITEM_KEYS, "the item", item_id)
    if item_id in seen_ids:
        c.add(item_id, f"duplicate id (also used by a {seen_ids[item_id]})")
    seen_ids[item_id] = "item"
    text = c.text(raw.get("text"), "text", item_id)
    guidance = c.text(raw.get("guidance"), "guidance", item_id)
    reference = raw.get("reference", "")
    if not isinstance(reference, str):
        c.add(item_id, "reference must be a text")
        reference = ""
    scale_name = raw.get("scale", "pass_fail")
    scale = scales.get(scale_name) if isinstance(scale_name, str) else None
    if scale is None:
        c.add(item_id, f"unknown answer scale {scale_name!r}")
        scale = PASS_FAIL
    options = scale
    if "answers" in raw:
        answers = c.codes(raw["answers"], "answers", item_id)
        if not answers:
            c.add(item_id, "answers must list at least one answer")
        else:
            known = {o.code: o for o in scale}
            for answer in answers:
                if answer not in known:
                    c.add(item_id, f"answer {answer!r} is not on the scale {scale_name!r}")
            options = tuple(known[a] for a in answers if a in known)
    severities = c.codes(raw.get("severities", []), "severities", item_id)
    for severity in severities:
        if severity not in SEVERITIES:
            c.add(item_id, f"unknown severity {severity!r} (expected {', '.join(SEVERITIES)})")
    item_categories = c.codes(raw.get("categories", []), "categories", item_id)
    for category in item_categories:
        if category not in categories:
            c.add(item_id, f"unknown error category {category!r} (not defined under 'categories')")
    can_fail = any(o.outcome == "fail" for o in options)
    if can_fail and not severities:
        c.add(item_id, "a fail is allowed but no severity is")
    if can_fail and not item_categories:
        c.add(item_id, "a fail is allowed but no error category is")
    for option in options:
        # A graded answer such as 'strong' implies its severity; the item must allow it,
        # or giving that answer could never be recorded.
        if option.outcome == "fail" and option.severity is not None and severities \
                and option.severity not in severities:
            c.add(item_id, f"answer {option.code!r} implies severity {option.severity!r}, which the item "
                           f"does not allow (allowed: {', '.join(severities)})")
    weight = raw.get("weight", 1)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not math.isfinite(weight) \
            or weight <= 0:
        c.add(item_id, f"weight {weight!r} must be a number greater than 0")
        weight = 1
    auto_fail = raw.get("auto_fail", False)
    if not isinstance(auto_fail, bool):
        c.add(item_id, "auto_fail must be true or false")
        auto_fail = False
    elif auto_fail and not can_fail:
        c.add(item_id, "auto_fail is set but no answer can fail")
    condition = None
    if raw.get("condition") is not None:
        raw_condition = raw["condition"]
        if not isinstance(raw_condition, dict) or not isinstance(raw_condition.get("item"), str) \
                or not isinstance(raw_condition.get("answers"), list) or not raw_condition["answers"]:
            c.add(item_id, "condition must name an item and the answers that show this one")
        else:
            c.keys(raw_condition, CONDITION_KEYS, "condition", item_id)
            condition = Condition(raw_condition["item"],
                                  tuple(c.codes(raw_condition["answers"], "condition answers", item_id)))
            if condition.item == item_id:
                c.add(item_id, "condition refers to the item itself")
    return Item(item_id, section_id, text, guidance, reference, tuple(options), tuple(severities),
                tuple(item_categories), float(weight), auto_fail, condition)


# -- frozen versions in a workspace ---------------------------------------------------------

def store(db: sqlite_utils.Database, checklist: Checklist) -> int:
    """Store a template version in the workspace (idempotent); returns its row id.

    A stored version never changes: storing different content under a used
    (template id, version) pair stores it as the next free version instead.
    """
    definition = checklist.canonical_json()
    digest = hashlib.sha256(definition.encode("utf-8")).hexdigest()
    with db.atomic():
        row = db.execute("SELECT id, sha256 FROM checklists WHERE template_id = ? AND version = ?",
                         [checklist.template_id, checklist.version]).fetchone()
        if row is not None and row[1] == digest:
            return row[0]
        version = checklist.version
        if row is not None:
            same = db.execute("SELECT id FROM checklists WHERE template_id = ? AND sha256 = ?",
                              [checklist.template_id, digest]).fetchone()
            if same is not None:
                return same[0]
            version = db.execute("SELECT MAX(version) + 1 FROM checklists WHERE template_id = ?",
                                 [checklist.template_id]).fetchone()[0]
            data = dict(checklist.definition)
            data["version"] = version
            definition = canonical_json(data)
            digest = hashlib.sha256(definition.encode("utf-8")).hexdigest()
        cursor = db.execute(
            "INSERT INTO checklists (template_id, version, name_en, name_zh, definition, sha256, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [checklist.template_id, version, checklist.name.en, checklist.name.zh, definition, digest,
             datetime.now(timezone.utc).isoformat(timespec="seconds")])
        return cursor.lastrowid


_PARSED: dict[str, Checklist] = {}   # stored definition text -> parsed checklist
_PARSED_LIMIT = 64


def load_stored(db: sqlite_utils.Database, checklist_id: int) -> Checklist:
    """A stored version, parsed. Versions are frozen, so a parse is kept and reused (keyed by
    the stored text itself, so even a definition edited outside the application is re-read)."""
    row = db.execute("SELECT definition, template_id, version FROM checklists WHERE id = ?",
                     [checklist_id]).fetchone()
    if row is None:
        raise WorkbenchError("checklist.unknown", template_id=f"#{checklist_id}", version="?")
    cached = _PARSED.get(row[0])
    if cached is not None:
        return cached
    checklist = parse_template(json.loads(row[0]), source=f"{row[1]} v{row[2]}")
    if len(_PARSED) >= _PARSED_LIMIT:
        _PARSED.clear()
    _PARSED[row[0]] = checklist
    return checklist


def stored_templates(db: sqlite_utils.Database) -> list[tuple[int, str, int, Text]]:
    """Every stored version, newest first within a template: (row id, template id, version, name)."""
    return [(row[0], row[1], row[2], Text(row[3], row[4])) for row in db.execute(
        "SELECT id, template_id, version, name_en, name_zh FROM checklists ORDER BY template_id, version DESC")]


def is_used(db: sqlite_utils.Database, checklist_id: int) -> bool:
    """Has any review used this version (then it is frozen for good)?"""
    return db.execute("SELECT 1 FROM reviews WHERE checklist_id = ? LIMIT 1", [checklist_id]).fetchone() is not None


def next_version(db: sqlite_utils.Database, template_id: str) -> int:
    row = db.execute("SELECT MAX(version) FROM checklists WHERE template_id = ?", [template_id]).fetchone()
    return (row[0] or 0) + 1


def install_builtins(db: sqlite_utils.Database) -> dict[str, int]:
    """Make sure each built-in template is stored; returns template id -> row id."""
    return {checklist.template_id: store(db, checklist) for checklist in builtin_templates()}


def checklist_for(db: sqlite_utils.Database, ip_type: str) -> int | None:
    """The newest stored template version that applies to an IP type (not a screening one)."""
    rows = db.execute("SELECT id, definition FROM checklists ORDER BY version DESC, id DESC").fetchall()
    for row_id, definition in rows:
        data = json.loads(definition)
        if ip_type in data.get("ip_types", []) and "screening" not in data.get("procedures", []):
            return row_id
    return None

