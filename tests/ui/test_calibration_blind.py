"""Blind in the whole window: a reviewer of an open calibration round never sees, anywhere, what
another reviewer answered to a case until they have completed their own review of it.

The leak test opens every view of the case (the queue, the review panel, History, the
Dashboard, the Calibration tab) and walks the text of every widget: labels, buttons, line and
text edits, combo box items, tooltips, and every cell, tooltip and header of every item view's
model."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QPlainTextEdit,
                               QTabBar, QTextEdit, QWidget)

from tests.workbench.calibration_helpers import ROUND, answer_all, calibration_workspace, first_case, review_of
from ui.changes import review_changes
from workbench.review import reviews
from workbench.review.queue import CaseFilter

SECRET = "bob thinks novelty was missed: Zq81"
BOB = {"novelty": ("fail", "critical", "omitted_objection", SECRET)}
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole,
         Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.EditRole)


def model_texts(model, parent=QModelIndex()) -> list[str]:
    texts = []
    columns = model.columnCount(parent)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns if orientation == Qt.Orientation.Horizontal else model.rowCount(parent)
        texts += [str(model.headerData(s, orientation, role)) for s in range(count) for role in ROLES[:2]]
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            texts += [str(model.data(index, role)) for role in ROLES]
        first = model.index(row, 0, parent)
        if model.rowCount(first):           # a tree: its children too
            texts += model_texts(model, first)
    return texts


def window_texts(window) -> str:
    """Every text the window holds for its user to see, joined."""
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    models = set()
    for widget in window.findChildren(QWidget):
        texts += [widget.toolTip(), widget.windowTitle(), widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts += [str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) + widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None and id(widget.model()) not in models:
            models.add(id(widget.model()))
            texts += model_texts(widget.model())
    return "\n".join(t for t in texts if t)


def open_every_view(window, qtbot, case_id: int) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.select_case(case_id)
    window.history_dock.show()
    window.history.show_case(case_id)
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=10000):
        window.tabs.setCurrentWidget(window.dashboard)
    window.show_calibration()
    window.calibration.select_case(case_id)


def bob_cells(window) -> list[str]:
    view = window.calibration
    column = 1 + [c.reviewer for c in view.sheet.columns].index("bob")
    return [str(view.model.data(view.model.index(row, column), role))
            for row in range(view.model.rowCount()) for role in ROLES]


def test_another_reviewers_answers_appear_nowhere_until_you_finish_the_case(tmp_path, window_factory, qtbot):
    db = calibration_workspace(tmp_path)
    case = first_case(db)
    answer_all(db, review_of(db, case, "bob"), "bob", BOB)
    answer_all(db, review_of(db, case, "alice"), "alice", complete=False)
    db.close()
    window = window_factory(reviewer="alice")
    open_every_view(window, qtbot, case)

    assert window.panel.review.role == "calibration" and window.panel.review.reviewer == "alice"
    assert not window.panel.lock_banner.isHidden() and "blind" in window.panel.lock_banner.text()
    text = window_texts(window)
    assert SECRET not in text and "Zq81" not in text
    assert "bob" not in [window.history.tree.topLevelItem(i).text(1)
                         for i in range(window.history.tree.topLevelItemCount())]
    cells = set(bob_cells(window)) - {"None"}
    assert cells <= {"hidden", "Hidden until you complete your own review of this case."}
    assert "finished" in window.calibration.model.headerData(2, Qt.Orientation.Horizontal)

    # alice completes her own review in the Review tab: bob's answers now appear for this case
    window.tabs.setCurrentIndex(0)
    assert window.complete_current()
    window.show_calibration()
    novelty = window.calibration.model.row_of("novelty")
    bob = 1 + [c.reviewer for c in window.calibration.sheet.columns].index("bob")
    index = window.calibration.model.index(novelty, bob)
    assert window.calibration.model.data(index).startswith("Fail · Critical")
    assert SECRET in window.calibration.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert SECRET in window_texts(window)                      # History too, now
    # the other cases stay blind: alice has not finished them
    other = [c for c in window.calibration.progress.round.cases if c.case_id != case][0]
    window.calibration.select_case(other.case_id)
    assert not window.calibration.sheet.columns[1].answers


def test_someone_outside_the_round_sees_progress_only(tmp_path, window_factory, qtbot):
    db = calibration_workspace(tmp_path)
    case = first_case(db)
    answer_all(db, review_of(db, case, "bob"), "bob", BOB)
    answer_all(db, review_of(db, case, "alice"), "alice")
    db.close()
    window = window_factory(reviewer="carol")
    open_every_view(window, qtbot, case)
    assert window.panel.review is None            # no calibration review stands for the case
    text = window_texts(window)
    assert SECRET not in text
    assert "2 of 2 finished" in window.calibration.case_box.currentText()
    assert window.calibration.summary.bars["bob"].value() == 1
    assert not window.calibration.close_button.isHidden() and window.calibration.editor.isHidden()


def test_the_queue_shows_a_reviewers_calibration_cases_as_theirs(tmp_path, window_factory, qtbot):
    db = calibration_workspace(tmp_path)
    case = first_case(db)
    answer_all(db, review_of(db, case, "bob"), "bob", BOB)
    db.close()
    window = window_factory(reviewer="alice")
    window.apply_filter(CaseFilter(reviewer="alice"))
    assert window.model.rowCount() == 3
    window.apply_filter(CaseFilter(reviewer="bob"))
    assert window.model.rowCount() == 3
    # bob's completed calibration review does not count: the case is not reviewed for the figures
    row = window.model.row_of(case)
    assert window.model.data(window.model.index(row, 6)) == "Not reviewed"
    window.select_case(case)
    assert window.panel.review.reviewer == "alice" and window.panel.answers == {}


def test_a_completed_calibration_review_is_final_in_the_panel(tmp_path, window_factory, fake_dialogs, qtbot):
    db = calibration_workspace(tmp_path)
    case = first_case(db)
    answer_all(db, review_of(db, case, "alice"), "alice")
    db.close()
    window = window_factory(reviewer="alice")
    window.select_case(case)
    assert "final" in window.panel.lock_banner.text()
    window.panel.view.setFocus()
    qtbot.keyClick(window.panel.view, Qt.Key.Key_F)
    assert fake_dialogs.errors and "final" in fake_dialogs.errors[-1][1]
    assert reviews.get_answers(window.db, review_of(window.db, case, "alice"))["search-independent-claims"].answer \
        == "pass"
    window.notify(review_changes("answer", [case]))
    assert window.calibration.dirty                 # read when the tab is next shown, not now
    window.show()
    window.show_calibration()
    assert ROUND in window.calibration.round_box.itemText(0) and not window.calibration.dirty
    assert window.calibration.case_id == case       # the Review tab's case
