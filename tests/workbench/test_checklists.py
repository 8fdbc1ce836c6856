import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.connection import open_database
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review.checklist_parsing import TemplateInvalid, load_template, parse_template, validate_template

MINI = Path(__file__).resolve().parent.parent / "data" / "mini_checklist.json"


@pytest.fixture
def data():
    return json.loads(MINI.read_text(encoding="utf-8"))


def test_mini_template_loads(data):
    checklist = load_template(MINI)
    assert checklist.template_id == "mini" and checklist.version == 1
    assert [i.id for i in checklist.items] == ["search", "novelty", "novelty-reasoning", "decision"]
    assert checklist.item("decision").auto_fail
    assert checklist.item("search").weight == 2.0
    assert checklist.item("search").answers == ("pass", "fail", "na")


def test_conditions_hide_and_cascade(data):
    checklist = parse_template(data)
    assert "novelty-reasoning" not in [i.id for i in checklist.visible_items({})]
    assert "novelty-reasoning" in [i.id for i in checklist.visible_items({"novelty": "fail"})]
    assert "novelty-reasoning" not in [i.id for i in checklist.visible_items({"novelty": "pass"})]


def mutate(data, fn):
    copied = copy.deepcopy(data)
    fn(copied)
    return validate_template(copied, source="t.json")


def items(d):
    return d["sections"][0]["items"]


@pytest.mark.parametrize("change, item_id, fragment", [
    (lambda d: items(d)[1].update(id="search"), "search", "duplicate id"),
    (lambda d: items(d)[2]["condition"].update(item="nope"), "novelty-reasoning", "unknown item 'nope'"),
    (lambda d: items(d)[0].update(condition={"item": "novelty", "answers": ["fail"]}), "search",
     "does not come before it"),
    (lambda d: items(d)[2]["condition"].update(answers=["maybe"]), "novelty-reasoning", "'maybe'"),
    (lambda d: items(d)[0].update(severities=[]), "search", "no severity"),
    (lambda d: items(d)[0].update(categories=[]), "search", "no error category"),
    (lambda d: items(d)[0].update(categories=["typo"]), "search", "unknown error category 'typo'"),
    (lambda d: items(d)[0]["text"].update(zh=""), "search", "no Chinese text"),
    (lambda d: items(d)[0]["guidance"].update(en="  "), "search", "no English text"),
    (lambda d: items(d)[0].update(weight=0), "search", "weight"),
    (lambda d: items(d)[0].update(severities=["fatal"]), "search", "unknown severity 'fatal'"),
    (lambda d: items(d)[0].update(scale="graded"), "search", "unknown answer scale"),
])
def test_each_problem_is_named_with_its_item(data, change, item_id, fragment):
    problems = mutate(data, change)
    assert any(p.item_id == item_id and fragment in p.message for p in problems), problems
    assert all(p.source == "t.json" for p in problems)


def test_every_problem_is_reported_not_just_the_first(data):
    def break_many(d):
        items(d)[0]["text"]["zh"] = ""
        items(d)[1]["severities"] = []
        d["ip_types"] = ["patent"]
    problems = mutate(data, break_many)
    assert len(problems) >= 3
    with pytest.raises(TemplateInvalid) as err:
        copied = copy.deepcopy(data)
        break_many(copied)
        parse_template(copied, source="t.json")
    assert len(err.value.problems) == len(problems)
    assert "t.json" in str(err.value)


def test_graded_scale(data):
    data["scales"] = {"graded": [
        {"code": "strong", "label": {"en": "Strong", "zh": "明显"}, "outcome": "fail", "severity": "major"},
        {"code": "absent", "label": {"en": "Absent", "zh": "不存在"}, "outcome": "pass"},
        {"code": "not_assessed", "label": {"en": "Not assessed", "zh": "未评估"}, "outcome": "na"},
    ]}
    items(data)[0]["scale"] = "graded"
    checklist = parse_template(data)
    item = checklist.item("search")
    assert item.answers == ("strong", "absent", "not_assessed")
    assert item.option("strong").outcome == "fail" and item.option("strong").severity == "major"


def test_store_is_idempotent_and_freezes_versions(tmp_path, data):
    db = open_database(tmp_path / "w.sqlite3")
    first = checklist_store.store(db, parse_template(data))
    assert checklist_store.store(db, parse_template(data)) == first
    items(data)[0]["text"]["en"] = "Search complete and adequate?"
    edited = checklist_store.store(db, parse_template(data))
    assert edited != first
    rows = db.execute("SELECT version FROM checklists WHERE template_id = 'mini' ORDER BY version").fetchall()
    assert rows == [(1,), (2,)]
    assert checklist_store.load_stored(db, first).item("search").text.en == "Search adequate?"
    assert checklist_store.load_stored(db, edited).version == 2


def test_unreadable_file_is_one_problem(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    problems = checklist_parsing.validate_file(path)
    assert len(problems) == 1 and "line 1" in problems[0].message


def graded(d, item_severities):
    d["scales"] = {"graded": [
        {"code": "strong", "label": {"en": "Strong", "zh": "明显"}, "outcome": "fail", "severity": "major"},
        {"code": "absent", "label": {"en": "Absent", "zh": "不存在"}, "outcome": "pass"},
    ]}
    items(d)[0].update(scale="graded", severities=item_severities)


@pytest.mark.parametrize("change, item_id, fragment", [
    # a graded answer implies a severity the item does not allow: it could never be recorded
    (lambda d: graded(d, ["minor"]), "search", "implies severity 'major'"),
    (lambda d: items(d)[0].update(severites=["major"]), "search", "unknown field 'severites'"),
    (lambda d: items(d)[0].update(weight=float("nan")), "search", "weight nan"),
    (lambda d: items(d)[0].update(weight=float("inf")), "search", "weight inf"),
    (lambda d: items(d)[0].update(answers=["pass", "pass", "fail"]), "search", "'pass' twice"),
    (lambda d: items(d)[0].update(severities=["major", "major"]), "search", "'major' twice"),
    (lambda d: items(d)[0].update(categories=[["omitted_objection"]]), "search", "is not a code"),
    (lambda d: items(d)[0].update(answers=[{"code": "pass"}]), "search", "is not a code"),
    (lambda d: items(d)[0].update(scale=["pass_fail"]), "search", "unknown answer scale"),
    (lambda d: d["sections"][1]["items"][0].update(answers=["pass", "na"]), "decision", "auto_fail is set but no answer can fail"),
    (lambda d: items(d)[2]["condition"].update(answers=[["fail"]]), "novelty-reasoning", "is not a code"),
    (lambda d: items(d)[2]["condition"].update(when="x"), "novelty-reasoning", "unknown field 'when'"),
    (lambda d: items(d)[0]["text"].update(fr="Recherche"), "search", "unknown field 'fr'"),
])
def test_more_problems_are_named_with_their_item(data, change, item_id, fragment):
    test_each_problem_is_named_with_its_item(data, change, item_id, fragment)


def test_scale_option_severity_needs_a_failing_outcome(data):
    data["scales"] = {"graded": [
        {"code": "absent", "label": {"en": "Absent", "zh": "不存在"}, "outcome": "pass", "severity": "minor"}]}
    problems = validate_template(data, source="t.json")
    assert any("only an answer with outcome 'fail' can imply a severity" in p.message for p in problems)


def test_comment_keys_are_allowed(data):
    data["_comment"] = "drafted by the quality office"
    items(data)[0]["$note"] = "see the 2023 guidelines"
    assert validate_template(data) == []


def test_a_key_written_twice_is_reported(tmp_path, data):
    text = json.dumps(data, ensure_ascii=False).replace('"weight": 2', '"weight": 2, "weight": 5', 1)
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    problems = checklist_parsing.validate_file(path)
    assert any("'weight' appears twice" in p.message and "search" in p.message for p in problems)
    with pytest.raises(TemplateInvalid):
        load_template(path)


JSON_VALUES = [None, True, 0, -1, 1.5, float("nan"), "", "x", "pass", "major", "search", [], [1], ["pass"],
               [["a"]], [{}], {}, {"en": "a"}, {"en": "a", "zh": "b"}]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(JSON_VALUES), st.booleans()),
                min_size=1, max_size=3))
def test_any_broken_template_gives_problems_never_a_crash(edits):
    """Whatever a template author writes, the validator answers with problems, not a traceback."""
    base = json.loads(MINI.read_text(encoding="utf-8"))
    paths = [p for p in _paths(base) if p]
    document = copy.deepcopy(base)
    for index, value, delete in edits:
        path = paths[index % len(paths)]
        node = document
        try:
            for key in path[:-1]:
                node = node[key]
            if delete and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue
    problems = validate_template(document, source="fuzz.json")
    assert all(isinstance(p, checklist_parsing.Problem) and p.message for p in problems)
    if not problems:
        checklist = parse_template(document)
        checklist.visible_items({})
