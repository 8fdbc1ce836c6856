"""The built-in checklist templates in resources/checklists/ are valid and cite the law."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbench.review.checklist_parsing import TemplateInvalid, load_template

CHECKLIST_DIR = Path(__file__).resolve().parents[2] / "resources" / "checklists"
TEMPLATE_FILES = sorted(CHECKLIST_DIR.glob("*.json"))

EXPECTED = {
    "invention-substantive": "invention_substantive.json",
    "utility-model-preliminary": "utility_model_preliminary.json",
    "design-preliminary": "design_preliminary.json",
    "trademark-examination": "trademark_examination.json",
    "abnormal-screening": "abnormal_screening.json",
}

# Citations each template must make somewhere in its item references.
KEY_REFERENCES = {
    "invention-substantive": ["PL 2.2", "PL 5", "PL 25", "PL 22.2", "PL 22.3", "PL 22.4", "PL 26.3",
                              "PL 26.4", "PL 33", "PL 31.1", "PL 9", "PL 37", "PL 38", "IR 59",
                              "GPE Part II Ch. 4"],
    "utility-model-preliminary": ["PL 2.3", "PL 5", "PL 25", "PL 22.2", "PL 26.3", "PL 26.4", "PL 31.1",
                                  "PL 33", "PL 9", "PL 18", "PL 29", "IR 50"],
    "design-preliminary": ["PL 2.4", "PL 5.1", "PL 25.1(6)", "PL 23.1", "PL 27.1", "PL 27.2", "PL 31.2",
                           "PL 33", "IR 50"],
    "trademark-examination": ["TL 4.1", "TL 8", "TL 10.1", "TL 10.2", "TL 11.1", "TL 12", "TL 16.1",
                              "TL 19.4", "TL 22", "TL 29", "TL 30", "TL 31", "TL 50"],
    "abnormal-screening": ["Art. 3(1)", "Art. 3(2)", "Art. 3(3)", "Art. 3(4)", "Art. 3(5)", "Art. 3(6)",
                           "Art. 3(7)", "Art. 3(8)", "Art. 3(9)", "TL 4.1", "PL 20.1"],
}

CJK = re.compile(r"[\u4e00-\u9fff]")


def _load(path: Path):
    try:
        return load_template(path)
    except TemplateInvalid as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"{path.name} is invalid:\n" + "\n".join(str(p) for p in exc.problems))


def _templates() -> dict:
    return {checklist.template_id: checklist for checklist in map(_load, TEMPLATE_FILES)}


def _citations(checklist) -> list[str]:
    """Every citation of every item reference; references separate citations with ';'."""
    return [part.strip() for item in checklist.items for part in item.reference.split(";") if part.strip()]


def _cites(citations: list[str], key: str) -> bool:
    """'PL 9' is cited by 'PL 9' or 'PL 9.1', not by 'PL 90'; 'Art. 3(1)' anywhere in a citation."""
    pattern = re.compile(re.escape(key) + r"(?![\d])")
    if key[0].isalpha() and key.split()[0] in {"PL", "IR", "TL", "TLIR", "GPE"}:
        return any(pattern.match(citation) for citation in citations)
    return any(pattern.search(citation) for citation in citations)


def test_the_folder_has_templates():
    assert TEMPLATE_FILES, f"no templates in {CHECKLIST_DIR}"


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_template_is_valid(path):
    checklist = _load(path)
    assert checklist.version >= 1
    assert checklist.items
    ids = [item.id for item in checklist.items]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_every_item_has_reference_and_both_languages(path):
    checklist = _load(path)
    for item in checklist.items:
        assert item.reference.strip(), f"{path.name}: item {item.id} has no reference"
        assert item.text.en.strip() and item.text.zh.strip(), item.id
        assert CJK.search(item.text.zh), f"{path.name}: item {item.id} has no Chinese text"
        assert item.guidance.en.strip() and CJK.search(item.guidance.zh), item.id


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_items_are_questions(path):
    checklist = _load(path)
    for item in checklist.items:
        assert item.text.en.rstrip().endswith("?"), f"{path.name}: {item.id} is not a question"
        assert item.text.zh.rstrip().endswith("？"), f"{path.name}: {item.id} is not a question"


def test_expected_templates_exist_under_their_file_names():
    templates = _templates()
    assert set(EXPECTED) <= set(templates)
    for template_id, file_name in EXPECTED.items():
        assert load_template(CHECKLIST_DIR / file_name).template_id == template_id


@pytest.mark.parametrize("template_id", sorted(KEY_REFERENCES))
def test_key_references_are_cited(template_id):
    checklist = _templates()[template_id]
    citations = _citations(checklist)
    missing = [key for key in KEY_REFERENCES[template_id] if not _cites(citations, key)]
    assert not missing, f"{template_id} does not cite {missing}"


def test_cites_matches_whole_article_numbers():
    assert _cites(["PL 9.1"], "PL 9")
    assert not _cites(["PL 90"], "PL 9")
    assert not _cites(["PL 22.25"], "PL 22.2")
    assert _cites(["Measures (2021) Art. 3(1)"], "Art. 3(1)")


def test_substantive_templates_have_a_decisive_item():
    templates = _templates()
    for template_id in ("invention-substantive", "utility-model-preliminary", "design-preliminary",
                        "trademark-examination"):
        assert any(item.auto_fail for item in templates[template_id].items), template_id


def test_invention_template_conditions_point_to_earlier_items():
    checklist = _templates()["invention-substantive"]
    conditional = [item for item in checklist.items if item.condition is not None]
    assert conditional
    order = {item.id: index for index, item in enumerate(checklist.items)}
    for item in conditional:
        assert order[item.condition.item] < order[item.id]
    # The three-step reasoning is shown only when inventive step was assessed.
    hidden = {item.id for item in checklist.items} - \
        {item.id for item in checklist.visible_items({"inventive-step": "na"})}
    assert "inventive-step-three-step" in hidden
    shown = {item.id for item in checklist.visible_items({"inventive-step": "fail"})}
    assert "inventive-step-three-step" in shown


def test_invention_template_separates_omitted_and_improper_objections():
    checklist = _templates()["invention-substantive"]
    for code in ("omitted_objection", "improper_objection", "insufficient_reasoning", "wrong_evidence",
                 "procedural_error", "search_deficiency", "notice_wording", "decision_error"):
        assert code in checklist.categories
    for item_id in ("novelty", "inventive-step", "sufficiency-of-disclosure", "amendment-scope"):
        categories = checklist.item(item_id).categories
        assert "omitted_objection" in categories and "improper_objection" in categories


def test_screening_template_uses_the_graded_scale():
    path = CHECKLIST_DIR / EXPECTED["abnormal-screening"]
    raw = json.loads(path.read_text(encoding="utf-8"))
    checklist = load_template(path)
    assert set(checklist.ip_types) == {"invention", "utility_model", "design", "trademark"}
    assert [section.id for section in checklist.sections] == ["patent", "trademark"]
    assert len(checklist.sections[0].items) == 9
    graded = {o["code"]: (o["outcome"], o.get("severity")) for o in raw["scales"]["graded"]}
    assert graded == {"strong": ("fail", "major"), "moderate": ("fail", "minor"),
                      "absent": ("pass", None), "not_assessed": ("na", None)}
    for item in checklist.items:
        assert item.answers == ("strong", "moderate", "absent", "not_assessed"), item.id
        assert set(item.severities) == {"critical", "major", "minor"}, item.id
        assert item.condition is None
