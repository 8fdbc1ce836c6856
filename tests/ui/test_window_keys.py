"""Every window shortcut works wherever the keyboard focus is (issue 11: Ctrl+E did nothing in
the search box, which took it as end-of-line, and the file name typed next landed in the search).

Each of the window's QAction shortcuts is pressed with the focus in each kind of widget the
window holds. Offscreen Qt uses the Windows key bindings, where a QLineEdit does not claim
Ctrl+E; the 'greedy' line edit claims every key through ShortcutOverride, as a widget under
X11's bindings (Ctrl+E end of line, Ctrl+K, Ctrl+U...) does, so the test fails here too if a
widget's binding can swallow a window key."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from db.connection import open_database
from workbench.demo.generate import build_demo


class GreedyLineEdit(QLineEdit):
    """Claims every key as its own binding, as a line edit under X11 key bindings claims Ctrl+E."""

    def event(self, event: QEvent) -> bool:  # noqa: D401 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)


@pytest.fixture
def keys_window(tmp_path, window_factory, qtbot):
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=20, reviewed=0.0, seed=4)
    db.close()
    window = window_factory()
    window.greedy = GreedyLineEdit()
    window.filter_bar.layout().addWidget(window.greedy, 3, 0, 1, 4)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: not window.status_area.checking(), timeout=10_000)
    window.select_first()
    return window


def focus_targets(window) -> dict:
    panel = window.panel
    return {"search box (QLineEdit)": window.filter_bar.search,
            "X11-style line edit": window.greedy,
            "queue (QTableView)": window.table,
            "checklist (QTreeWidget)": panel.view,
            "comment (QPlainTextEdit)": panel.comment,
            "category picker (editable QComboBox)": panel.category_combo,
            "severity (QComboBox)": panel.severity_combo,
            "department filter (QComboBox)": window.filter_bar.department,
            "Dashboard target (QSpinBox)": window.dashboard.target_box,
            "Dashboard date (QDateEdit)": window.dashboard.from_date}


def window_shortcuts(window) -> list[tuple[QAction, QKeySequence]]:
    found = [(a, k) for a in window.findChildren(QAction) for k in a.shortcuts()]
    return sorted(found, key=lambda pair: pair[1].toString())


def test_the_window_has_the_shortcuts_the_readme_lists(keys_window):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    platform_redo = set(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)) - {QKeySequence("Ctrl+Shift+Z")}
    for _action, key in window_shortcuts(keys_window):
        if key in platform_redo:     # the platform's own redo keys (Ctrl+Y), beside the documented Ctrl+Shift+Z
            continue
        text = key.toString(QKeySequence.SequenceFormat.PortableText).replace("Return", "Enter")
        assert f"`{text}`" in readme or f"`{text}`/" in readme, f"README does not list {text}"


def test_every_window_shortcut_works_with_the_focus_in_every_kind_of_widget(keys_window, qtbot):
    window = keys_window
    shortcuts = window_shortcuts(window)
    assert {k.toString() for _, k in shortcuts} >= {"Ctrl+E", "Ctrl+F", "Ctrl+N", "Ctrl+Z", "Ctrl+Shift+Z",
                                                     "Ctrl+H", "Ctrl+Shift+S", "Ctrl+Return", "Ctrl+O", "Ctrl+Q"}
    fired: list[QAction] = []
    for action, _key in shortcuts:
        action.triggered.disconnect()          # what it does is tested elsewhere; here: does it fire
        action.triggered.connect(lambda _checked=False, a=action: fired.append(a))
        action.setEnabled(True)
    missed = []
    for name, widget in focus_targets(window).items():
        for action, key in shortcuts:
            window.tabs.setCurrentIndex(1 if "Dashboard" in name else 0)
            widget.setEnabled(True)
            widget.setFocus()
            QApplication.processEvents()
            focused = QApplication.focusWidget()
            assert focused is widget or focused.focusProxy() is widget, name
            fired.clear()
            combination = key[0]
            qtbot.keyClick(focused, combination.key(), combination.keyboardModifiers())
            if fired != [action]:
                missed.append(f"{key.toString()} with the focus in the {name}")
    assert missed == []


def test_ctrl_e_in_the_search_box_exports_and_the_search_keeps_its_text(keys_window, qtbot, fake_dialogs):
    window = keys_window
    search = window.filter_bar.search
    search.setFocus()
    qtbot.keyClicks(search, "2023")
    asked = []
    fake_dialogs.save_path = None                  # the save dialog is cancelled
    original = window.export_workbook

    def export():
        asked.append(True)
        return original()
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(export)
    qtbot.keyClick(window.greedy, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True, True]
    assert search.text() == "2023"
