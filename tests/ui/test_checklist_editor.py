"""The checklist editor: create, clone, edit in both languages, reorder, preview; it validates
as you edit and saves a new version, and reviews keep the version they used."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db.connection import open_database
from ui import dialogs
from ui.checklist_editor import ChecklistEditor
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review import reviews

SHOTS = Path("/tmp/shots")


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    checklist_store.install_builtins(db)
    return db


@pytest.fixture
def editor(qtbot, db):
    editor = ChecklistEditor(db, "en")
    qtbot.addWidget(editor)
    editor.show()
    return editor


def open_template(editor, template_id):
    index = next(i for i in range(editor.template_combo.count())
                 if editor.template_combo.itemData(i) is not None
                 and checklist_store.load_stored(editor.db, editor.template_combo.itemData(i)).template_id == template_id)
    editor.template_combo.setCurrentIndex(index)
    editor.template_combo.activated.emit(index)


def select_item(editor, item_id):
    for s in range(editor.tree.topLevelItemCount()):
        top = editor.tree.topLevelItem(s)
        for i in range(top.childCount()):
            node = top.child(i)
            path = node.data(0, Qt.ItemDataRole.UserRole + 1)
            if editor.data["sections"][path[0]]["items"][path[1]]["id"] == item_id:
                editor.tree.setCurrentItem(node)
                return node
    raise KeyError(item_id)


def type_into(bilingual, en, zh):
    for language, text in (("en", en), ("zh", zh)):
        edit = bilingual.edits[language]
        if hasattr(edit, "setPlainText"):
            edit.setPlainText(text)
        else:
            edit.setText(text)
            edit.textEdited.emit(text)


def problems(editor):
    return [str(p) for p in editor.validate()]


def test_a_new_template_validates_as_you_edit_and_saves_version_1(editor, qtbot):
    editor.new_template()
    assert not editor.save_button.isDefault()   # Enter in a text field never stores a new version
    assert not editor.save_button.isEnabled()
    assert any("item-1: text has no English text" in p for p in problems(editor))
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    type_into(editor.s_title, "Search", "检索")
    select_item(editor, "item-1")
    type_into(editor.i_text, "Was the search complete?", "检索是否完整？")
    type_into(editor.i_guidance, "Every independent claim.", "每项独立权利要求。")
    editor.i_categories.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.save_button.isEnabled(), timeout=2000)   # validated as typed
    assert editor.tree.topLevelItem(0).child(0).text(0) == "Was the search complete?"
    row_id = editor.save()
    stored = checklist_store.load_stored(editor.db, row_id)
    assert (stored.template_id, stored.version) == (editor.data["id"], 1)
    assert stored.item("item-1").text.zh == "检索是否完整？"
    assert stored.item("item-1").categories == ("omitted_objection",)
    assert "Saved as version 1" in editor.status.text()


def test_editing_a_used_version_stores_the_next_and_reviews_keep_theirs(editor, db):
    db.execute("INSERT INTO cases (application_number, ip_type, title) VALUES ('202210123456.1', 'invention', 't')")
    db.conn.commit()
    opened = reviews.open_review(db, 1, reviewer="alice")
    used = checklist_store.load_stored(db, opened.checklist_id)
    open_template(editor, used.template_id)
    select_item(editor, "novelty")
    type_into(editor.i_text, "Was novelty assessed against the right date?", "新颖性判断的时间基准是否正确？")
    row_id = editor.save()
    assert row_id != opened.checklist_id
    assert checklist_store.load_stored(db, row_id).version == used.version + 1
    assert checklist_store.load_stored(db, opened.checklist_id).item("novelty").text.en == used.item("novelty").text.en
    assert reviews.get_review(db, opened.id).checklist_id == opened.checklist_id
    assert editor.save() == row_id and "Nothing changed" in editor.status.text()


def test_clone_is_a_new_template_at_version_1(editor, db):
    open_template(editor, "design-preliminary")
    editor.clone()
    assert editor.data["id"] == "design-preliminary-copy" and editor.data["version"] == 1
    assert editor.data["name"]["zh"].endswith("（副本）")
    row_id = editor.save()
    assert checklist_store.load_stored(db, row_id).version == 1
    editor.clone()
    assert editor.data["id"] == "design-preliminary-copy-copy"


def test_reordering_that_breaks_a_condition_is_reported_and_blocks_saving(editor):
    open_template(editor, "invention-substantive")
    select_item(editor, "inventive-step-three-step")         # shown only after 'inventive-step'
    editor.move_node(-1)
    assert any("inventive-step-three-step: condition refers to item 'inventive-step', which does not come before it"
               in p for p in problems(editor))
    assert not editor.save_button.isEnabled()
    assert editor.tree.currentItem().foreground(0).color().name() == "#b3261e"
    editor.move_node(1)
    assert problems(editor) == [] and editor.save_button.isEnabled()


def test_an_item_moves_across_sections_and_sections_reorder(editor):
    open_template(editor, "utility-model-preliminary")
    first_section = editor.data["sections"][0]
    first_item = first_section["items"][0]["id"]
    select_item(editor, first_item)
    editor.move_node(-1)                                       # already first: stays
    assert editor.data["sections"][0]["items"][0]["id"] == first_item
    last = first_section["items"][-1]["id"]
    select_item(editor, last)
    editor.move_node(1)                                        # into the next section
    assert editor.data["sections"][1]["items"][0]["id"] == last
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    editor.move_node(-1)
    assert editor.data["sections"][0]["items"][0]["id"] == last


def test_renaming_an_item_renames_the_conditions_on_it(editor):
    open_template(editor, "invention-substantive")
    select_item(editor, "inventive-step")
    editor.i_id.setText("inventive-step-correct")
    editor.i_id.textEdited.emit("inventive-step-correct")
    condition = next(i for s in editor.data["sections"] for i in s["items"]
                     if i["id"] == "inventive-step-three-step")["condition"]
    assert condition["item"] == "inventive-step-correct"
    assert problems(editor) == []


def test_a_graded_answer_needs_its_severity_allowed(editor):
    open_template(editor, "abnormal-screening")
    select_item(editor, "abn-duplicate-applications")
    assert [code for code, box in editor.i_answers.items()] == ["strong", "moderate", "absent", "not_assessed"]
    editor.i_severities["major"].setChecked(False)
    assert any("answer 'strong' implies severity 'major'" in p for p in problems(editor))


def test_conditions_are_chosen_from_earlier_items(editor):
    open_template(editor, "trademark-examination")
    select_item(editor, "tm-similarity-judgment")
    earlier = [editor.i_condition_item.itemData(i) for i in range(editor.i_condition_item.count())]
    assert earlier[0] is None and "tm-prior-mark-search" in earlier and "tm-conclusion" not in earlier
    index = editor.i_condition_item.findData("tm-prior-mark-search")
    editor.i_condition_item.setCurrentIndex(index)
    editor.i_condition_item.activated.emit(index)
    item = next(i for s in editor.data["sections"] for i in s["items"] if i["id"] == "tm-similarity-judgment")
    assert item["condition"] == {"item": "tm-prior-mark-search", "answers": ["fail"]}
    editor.i_condition_answers["fail"].setChecked(False)
    editor.i_condition_answers["pass"].setChecked(True)
    assert item["condition"]["answers"] == ["pass"] and problems(editor) == []


def test_structure_add_and_delete(editor, monkeypatch):
    editor.new_template()
    editor.add_item()
    editor.add_section()
    assert [len(s["items"]) for s in editor.data["sections"]] == [2, 1]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    editor.delete_node()                                       # the new section
    assert len(editor.data["sections"]) == 1
    select_item(editor, editor.data["sections"][0]["items"][1]["id"])
    editor.delete_node()
    assert len(editor.data["sections"][0]["items"]) == 1


def test_preview_and_json_show_the_template(editor):
    open_template(editor, "design-preliminary")
    editor.preview_language.setCurrentIndex(1)
    editor.tabs.setCurrentIndex(1)
    assert editor.preview.topLevelItemCount() == len(editor.data["sections"])
    first = editor.preview.topLevelItem(0).child(0).text(0)
    assert first.startswith("1.1  ") and editor.data["sections"][0]["items"][0]["text"]["zh"] in first
    assert json.loads(editor.json_view.toPlainText()) == editor.data


def test_a_file_with_problems_opens_with_them_listed(editor, tmp_path, monkeypatch):
    data = json.loads((checklist_store.BUILTIN_DIR / "utility_model_preliminary.json").read_text(encoding="utf-8"))
    data["sections"][0]["items"][1]["weight"] = -2
    data["sections"][1]["items"][0]["text"]["zh"] = ""
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: str(path))
    editor.open_file()
    bad = [editor.problem_list.item(i) for i in range(editor.problem_list.count())]
    assert len(bad) == 2 and not editor.save_button.isEnabled()
    editor._go_to_problem(bad[1])
    assert editor.i_id.text() == data["sections"][1]["items"][0]["id"]


def test_save_to_file_round_trips(editor, tmp_path, monkeypatch):
    open_template(editor, "trademark-examination")
    target = tmp_path / "out.json"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(target))
    editor.save_file()
    assert checklist_parsing.validate_file(target) == []


def test_the_window_menu_opens_the_editor(window_factory):
    window = window_factory()
    window.new_checklist_action.trigger()
    assert window.checklist_editor.isVisible() and window.checklist_editor.data["id"].startswith("new-checklist")


def test_editor_screenshot(editor):
    open_template(editor, "invention-substantive")
    select_item(editor, "inventive-step-three-step")
    SHOTS.mkdir(exist_ok=True)
    editor.grab().save(str(SHOTS / "checklist_editor_en.png"))
