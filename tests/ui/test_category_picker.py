"""The category picker as a real window drives it: with the completer's popup open, the popup
takes the keys and hands Enter to the line edit by calling its event() directly, past any
event filter (seen under Xvfb with real key events). This test delivers Enter the same way."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from workbench import review


def to_novelty(panel, qtbot):
    """The novelty item: several error categories, so the picker has to choose."""
    panel.view.setFocus()
    while panel.current_item().id != "novelty":
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    item = panel.current_item()
    assert len(item.categories) > 1 and "omitted_objection" in item.categories
    return item


def test_enter_handed_over_by_the_popup_takes_the_first_match(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()
    window.select_case(window.model.case_id(0))
    panel = window.panel
    item = to_novelty(panel, qtbot)
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    qtbot.keyClick(panel.view, Qt.Key.Key_2)
    qtbot.keyClick(panel.view, Qt.Key.Key_K)                      # into the category field
    line = panel.category_combo.lineEdit()
    qtbot.keyClicks(line, "omit")                                  # what the reviewer typed
    line.event(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    answer = review.get_answers(window.db, panel.review_id)[item.id]
    assert (answer.outcome, answer.severity, answer.category) == ("fail", "major", "omitted_objection")
    assert panel.current_item().id == item.id


def test_enter_with_nothing_matching_keeps_the_category_empty(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()
    window.select_case(window.model.case_id(0))
    panel = window.panel
    item = to_novelty(panel, qtbot)
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    qtbot.keyClick(panel.view, Qt.Key.Key_K)
    line = panel.category_combo.lineEdit()
    qtbot.keyClicks(line, "zzz no such category")
    line.event(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert review.get_answers(window.db, panel.review_id)[item.id].category is None
