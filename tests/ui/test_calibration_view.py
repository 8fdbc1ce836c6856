"""The Calibration tab: disagreements highlighted, Close round (No by default), the agreement
per item and deviations once closed, the consensus recorded by keyboard and completed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.workbench.calibration_helpers import ROUND, answer_all, calibration_workspace, first_case, review_of
from ui.calibration_model import DIFFERENCE_BACKGROUNDS
from workbench.calibration import rounds, sheet
from workbench.calibration.sheet import ANSWER_DIFFERS, SEVERITY_DIFFERS
from workbench.review import reviews

ALICE = {"novelty": ("fail", "major", "omitted_objection", ""), "unity": ("fail", "minor", "omitted_objection", "")}
BOB = {"unity": ("fail", "major", "omitted_objection", "")}


@pytest.fixture
def answered(tmp_path):
    """Alice and bob have finished the first case; they differ on novelty and on unity's severity."""
    db = calibration_workspace(tmp_path)
    case = first_case(db)
    answer_all(db, review_of(db, case, "alice"), "alice", ALICE)
    answer_all(db, review_of(db, case, "bob"), "bob", BOB)
    db.close()
    return case


def calibration_tab(window, qtbot, case):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    view = window.show_calibration()
    view.select_case(case)
    return view


def go_to(view, item_id):
    view.table.selectRow(view.model.row_of(item_id))


def test_disagreements_are_highlighted(answered, window_factory, qtbot):
    view = calibration_tab(window_factory(reviewer="alice"), qtbot, answered)
    background = view.model.data(view.model.index(view.model.row_of("novelty"), 0), Qt.ItemDataRole.BackgroundRole)
    assert background.color() == DIFFERENCE_BACKGROUNDS[ANSWER_DIFFERS]
    unity = view.model.data(view.model.index(view.model.row_of("unity"), 3), Qt.ItemDataRole.BackgroundRole)
    assert unity.color() == DIFFERENCE_BACKGROUNDS[SEVERITY_DIFFERS]
    assert view.model.data(view.model.index(view.model.row_of("subject-matter"), 0),
                           Qt.ItemDataRole.BackgroundRole) is None
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "alice (you)\nfinished"
    assert view.table.isColumnHidden(view.model.consensus_column)        # no consensus while blind


def test_the_model_passes_the_model_tester(answered, window_factory, qtbot, qtmodeltester):
    view = calibration_tab(window_factory(reviewer="alice"), qtbot, answered)
    qtmodeltester.check(view.model)


def test_keys_are_refused_while_the_round_is_blind(answered, window_factory, qtbot):
    window = window_factory(reviewer="carol")
    view = calibration_tab(window, qtbot, answered)
    with qtbot.waitSignal(view.message) as said:
        qtbot.keyClick(view.table, Qt.Key.Key_P)
    assert "blind" in said.args[0]
    assert sheet.case_sheet(window.db, ROUND, answered, actor="carol").consensus_review_id is None


def test_close_asks_first_and_no_keeps_the_round_blind(answered, window_factory, fake_dialogs, qtbot):
    window = window_factory(reviewer="carol")
    view = calibration_tab(window, qtbot, answered)
    assert not view.close_round()
    assert fake_dialogs.confirm_defaults == [False] and "cannot be undone" in fake_dialogs.confirms[0]
    assert "4 reviews are not finished" in fake_dialogs.confirms[0]      # two cases, two reviewers each
    assert not rounds.get_calibration_round(window.db, ROUND).closed
    fake_dialogs.confirm_answer = True
    with qtbot.waitSignal(view.figures_shown, timeout=10000):
        assert view.close_round()
    assert rounds.get_calibration_round(window.db, ROUND).closed_by == "carol"
    assert not view.table.isColumnHidden(view.model.consensus_column + 2)
    ac1 = view.model.data(view.model.index(view.model.row_of("novelty"), view.model.consensus_column + 2))
    assert ac1 != "–" or view.figures.items
    assert "no consensus to compare with yet" in view.summary.deviation_labels["bob"].text()
    assert "All answers" in view.summary.overall.text() and "AC1" in view.summary.overall.text()
    assert "bob" in [view.model.headerData(c, Qt.Orientation.Horizontal) for c in (1, 2)][1]
    assert view.model.data(view.model.index(view.model.row_of("novelty"), 1)).startswith("Fail · Major")


def test_the_consensus_is_recorded_by_keyboard_and_completed(answered, window_factory, fake_dialogs, qtbot):
    window = window_factory(reviewer="carol")
    view = calibration_tab(window, qtbot, answered)
    fake_dialogs.confirm_answer = True
    view.close_round()
    view.table.setFocus()
    go_to(view, "novelty")
    qtbot.keyClick(view.table, Qt.Key.Key_F)              # the group agrees with alice: a fail...
    qtbot.keyClick(view.table, Qt.Key.Key_1)              # ...critical
    agreed = view.current_row().consensus
    assert (agreed.answer, agreed.severity) == ("fail", "critical") and view.current_row().item.id == "novelty"
    view.set_category("improper_objection")
    qtbot.keyClick(view.table, Qt.Key.Key_C)
    assert QApplication.focusWidget() is view.editor.note
    qtbot.keyClicks(view.editor.note, "the objection was owed")
    qtbot.keyClick(view.editor.note, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.table
    agreed = view.current_row().consensus
    assert (agreed.category, agreed.comment) == ("improper_objection", "the objection was owed")
    go_to(view, "unity")
    qtbot.keyClick(view.table, Qt.Key.Key_M)              # no majority between minor and major
    assert view.current_row().consensus is None
    qtbot.keyClick(view.table, Qt.Key.Key_F)
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    qtbot.keyClick(view.table, Qt.Key.Key_K)              # the category list opens: Down, Enter takes the first
    popup = QApplication.focusWidget()
    assert popup is view.editor.category_combo.view()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert view.current_row().consensus.category == "omitted_objection"
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.current_row().item.id != "unity"
    with qtbot.waitSignal(window.data_changed):
        qtbot.keyClick(view.table, Qt.Key.Key_U)           # every item they answered alike
    assert len(view.sheet.consensus_answers) == len(view.sheet.checklist.visible_items(
        {k: a.answer for k, a in view.sheet.consensus_answers.items()}))
    assert window.complete_current()                      # Ctrl+Enter on this tab
    standing = reviews.latest_review_for_case(window.db, answered)
    assert (standing.role, standing.status, standing.verdict) == ("consensus", "completed", "error")
    assert "consensus ✓" in view.case_box.currentText()
    row = window.model.row_of(answered)
    assert window.model.data(window.model.index(row, 6)) == "Completed"       # the queue counts it now


def test_an_incomplete_consensus_names_the_missing_items(answered, window_factory, fake_dialogs, qtbot):
    window = window_factory(reviewer="carol")
    view = calibration_tab(window, qtbot, answered)
    fake_dialogs.confirm_answer = True
    view.close_round()
    go_to(view, "novelty")
    qtbot.keyClick(view.table, Qt.Key.Key_F)
    assert not view.complete_consensus()
    title, text = fake_dialogs.errors[-1]
    assert title == "Consensus not complete"
    assert "3.1 Was novelty" in text and "a fail needs a severity" in text


def test_the_case_and_round_pickers_and_page_keys(answered, window_factory, qtbot):
    window = window_factory(reviewer="alice")
    view = calibration_tab(window, qtbot, answered)
    assert view.case_box.count() == 3 and "2 of 2 finished" in view.case_box.itemText(0)
    qtbot.keyClick(view.table, Qt.Key.Key_PageDown)
    assert view.case_id == view.case_box.itemData(1) and "0 of 2 finished" in view.case_box.currentText()
    assert all(c.hidden for c in view.sheet.columns if c.reviewer != "alice")
    qtbot.keyClick(view.table, Qt.Key.Key_PageUp)
    assert view.case_id == answered
    with qtbot.waitSignal(view.open_case) as opened:
        view.review_button.click()
    assert opened.args == [answered] and window.tabs.currentIndex() == 0 and window.panel.case_id == answered


def test_no_calibration_round_yet(tmp_path, window_factory, qtbot, cases_csv):
    window = window_factory()
    window.show()
    view = window.show_calibration()
    assert not view.empty.isHidden() and view.table.isHidden()
    assert "New calibration round" in view.empty.text()



def test_ctrl_z_never_undoes_a_review_answer_from_the_calibration_tab(answered, window_factory, qtbot):
    window = window_factory(reviewer="carol")
    window.show()
    window.select_first()
    window.panel.view.setFocus()
    qtbot.keyClick(window.panel.view, Qt.Key.Key_P)
    case = window.panel.case_id
    answered_before = dict(window.panel.answers)
    window.show_calibration()
    window.undo_action.trigger()
    assert window.panel.answers == answered_before and "Review tab" in window.statusBar().currentMessage()
    window.tabs.setCurrentIndex(0)
    window.undo_action.trigger()
    assert window.panel.case_id == case and window.panel.answers == {}
