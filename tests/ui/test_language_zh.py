"""Issue 19, Language: the Chinese window speaks Chinese in its file dialogs' filters and suggested
file names, and (the walk) shows no English word where a reviewer reads it."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui import dialogs


@pytest.fixture
def zh():
    from ui.app import install_translations
    install_translations(QApplication.instance(), "zh")
    yield
    install_translations(QApplication.instance(), "en")


@pytest.fixture
def asked(monkeypatch):
    """Every file question: (filter, suggested name); answered with Cancel."""
    questions: list[tuple[str, str]] = []

    def ask(_parent, _title, file_filter, suggested="", *_a, **_k):
        questions.append((file_filter, str(suggested)))
    def ask_many(*args, **kwargs):
        ask(*args, **kwargs)
        return []
    monkeypatch.setattr(dialogs, "open_file", ask)
    monkeypatch.setattr(dialogs, "save_file", ask)
    monkeypatch.setattr(dialogs, "open_files", ask_many)
    return questions


def test_file_filters_and_suggested_names_are_chinese(zh, window_factory, asked):
    window = window_factory(language="zh")
    window.import_cases()
    window.import_cases_mapped()
    window.export_workbook()
    window.packages.open_package()
    window.packages.merge_packages()
    window.workspaces.new_workspace()
    window.workspaces.open_workspace()
    editor = window.edit_checklists()
    editor.open_file()
    filters = [f for f, _ in asked]
    assert filters[0].startswith("案件清单 (*.csv") and filters[0].endswith(";;所有文件 (*)")
    assert "Excel 工作簿 (*.xlsx)" in filters
    assert "工作包 (*.qrpkg);;所有文件 (*)" in filters
    assert "评查表模板 (*.json);;所有文件 (*)" in filters
    assert "工作区 (*.sqlite3)" in filters
    assert not [f for f in filters if "files" in f or "Work" in f]
    names = [name for _, name in asked if name]
    assert any(name.startswith("质量评查") and name.endswith(".xlsx") for name in names)
    assert any(name.endswith("工作区.sqlite3") for name in names)
    editor.close()


def test_english_window_keeps_english_names(window_factory, asked):
    window = window_factory(language="en")
    window.export_workbook()
    window.import_cases()
    assert asked[0][1].startswith("quality-review") and asked[1][0].startswith("Case lists (*.csv")


def test_checklist_problems_are_listed_in_chinese(zh, qtbot, tmp_path):
    from db.connection import open_database
    from ui.checklist_editor import ChecklistEditor
    from workbench.review import checklist_store
    db = open_database(tmp_path / "c.sqlite3")
    checklist_store.install_builtins(db)
    editor = ChecklistEditor(db, "zh")
    qtbot.addWidget(editor)
    editor.new_template()
    data = dict(editor.data, sections=[{"id": "s1", "title": {"en": "One", "zh": "一"}, "items": []}])
    editor._load(data, None)
    editor.validate()
    shown = [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]
    assert "分组 's1' 没有评查项" in shown, shown
