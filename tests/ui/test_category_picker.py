"""The category picker as a real window drives it: with the completer's popup open, the popup
takes the keys and hands Enter to the line edit by calling its event() directly, past any
event filter (seen under Xvfb with real key events). These tests deliver Enter the same way."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from workbench.review import reviews


def type_category(window_factory, fake_dialogs, cases_csv, qtbot, keys: list[Qt.Key], typed: str):
    """Fail the novelty item (several categories, so the picker has to choose), press `keys`,
    type `typed` into the category field and hand it Enter as the popup does; its answer."""
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()
    window.select_case(window.model.case_id(0))
    panel = window.panel
    panel.view.setFocus()
    while panel.current_item().id != "novelty":
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    item = panel.current_item()
    assert len(item.categories) > 1 and "omitted_objection" in item.categories
    for key in [Qt.Key.Key_F, *keys, Qt.Key.Key_K]:
        qtbot.keyClick(panel.view, key)
    line = panel.category_combo.lineEdit()
    qtbot.keyClicks(line, typed)
    line.event(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert panel.current_item().id == item.id
    return reviews.get_answers(window.db, panel.review_id)[item.id]


def test_enter_handed_over_by_the_popup_takes_the_first_match(window_factory, fake_dialogs, cases_csv, qtbot):
    answer = type_category(window_factory, fake_dialogs, cases_csv, qtbot, [Qt.Key.Key_2], "omit")
    assert (answer.outcome, answer.severity, answer.category) == ("fail", "major", "omitted_objection")


def test_enter_with_nothing_matching_keeps_the_category_empty(window_factory, fake_dialogs, cases_csv, qtbot):
    answer = type_category(window_factory, fake_dialogs, cases_csv, qtbot, [], "zzz no such category")
    assert answer.category is None
