"""Issue 19, Language: the Chinese window speaks Chinese in its file dialogs' filters and suggested
file names, and (the walk) shows no English word where a reviewer reads it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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


# Words the Chinese window may show: file formats, keys, product and library names. Each other English
# word found is a place still to translate; the ones below in KNOWN are in files other helpers own (issue 19).
ALLOWED = {"pdf", "csv", "xlsx", "xls", "xlsm", "json", "qrpkg", "sqlite3", "excel", "ctrl", "shift", "enter",
           "esc", "tab", "del", "qt", "ipc", "id", "url", "html", "xml", "txt", "tsv", "htm"}
KNOWN: set[str] = set()
PRODUCT = "Quality Review Workbench"                  # the product's name stays English in both languages
DATA = {"alice"}                                       # the reviewer's name (window_factory's), data not words


def _visible_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QAbstractItemView
    texts = [window.windowTitle()]
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        for action in (menu_action.menu().actions() if menu_action.menu() else []):
            texts.append(action.text())
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window):
            texts.append(widget.text())
    texts += [w.text() for w in window.statusBar().findChildren(QLabel)]
    return texts


def _english_words(text: str) -> set[str]:
    import re
    plain = re.sub(r"<[^>]+>|&\w+;", " ", text).replace("&", "").replace(PRODUCT, " ")
    plain = re.sub(r"\S*[/\\]\S*", " ", plain)        # paths are the person's data, not the interface's words
    return {w for w in re.findall(r"[A-Za-z]{3,}", plain) if w.lower() not in ALLOWED}


def test_the_chinese_window_shows_no_english_words(zh, window_factory, capsys):
    window = window_factory(language="zh")
    window.show()
    found = {}
    for text in _visible_texts(window):
        for word in _english_words(text):
            found.setdefault(word, text)
    with capsys.disabled():
        print("\nEnglish in the Chinese window:", found)
    assert set(found) - DATA <= KNOWN, found


def test_the_product_is_named_in_chinese_in_titles_help_and_about(zh, window_factory, tmp_path):
    from ui.help_about import AboutDialog
    from ui.messages import app_name
    assert app_name() == "质量评查工作台"
    window = window_factory(language="zh")
    about = AboutDialog(tmp_path / "w.sqlite3", window)
    assert about.windowTitle() == "关于质量评查工作台"
    assert "质量评查工作台" in window.menus.help.about_action.text()
    about.deleteLater()


def test_sentences_are_spaced_in_english_and_run_on_in_chinese():
    from ui.messages import gap, sentences
    assert sentences(["Drawn: 95 of 300.", "139 before the correction."]) == "Drawn: 95 of 300. 139 before the correction."
    assert sentences(["样本量：300 件中抽取 95 件。", "有限总体校正前为 139 件。"]) == "样本量：300 件中抽取 95 件。有限总体校正前为 139 件。"
    assert gap("") == "" and gap("φ = 1.20：") == "" and gap("rate 90%") == " "
