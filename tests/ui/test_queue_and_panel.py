"""The queue and the review panel around it (issue 19): columns that fit and are remembered,
My cases, the provisional verdict, panes that keep still, the comment marker, actions disabled
when they cannot act, the reason dialog."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.test_language_zh import zh  # noqa: F401 (fixture)
from tests.ui.test_review_session import demo_window, press, twelve_item_template  # noqa: F401 (fixture)
from ui.case_model import COLUMNS
from ui.reason_dialog import ReasonDialog
from ui.review_items import COMMENT_COLUMN, COMMENT_MARK
from workbench.review import reviews
from workbench.review.queue import CaseFilter
from workbench.rounds import assignment, population, sampling_plan, store

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def column(key: str) -> int:
    return [k for k, _ in COLUMNS].index(key)


def test_status_and_verdict_are_in_view_at_the_default_size_and_title_stretches(demo_window, qtbot):
    table = demo_window.table
    header = table.horizontalHeader()
    width = table.viewport().width()
    for key in ("application_number", "status", "verdict"):
        left = header.sectionViewportPosition(column(key))
        assert 0 <= left and left + header.sectionSize(column(key)) <= width, key
    title = header.sectionSize(column("title"))
    assert title >= 180 and header.sectionViewportPosition(column("title")) + title == width   # fills the rest
    demo_window.resize(1700, 860)
    qtbot.waitUntil(lambda: header.sectionSize(column("title")) > title)          # and stretches with it


def test_column_order_and_widths_are_remembered(demo_window, window_factory):
    header = demo_window.table.horizontalHeader()
    header.moveSection(header.visualIndex(column("risk")), 1)
    header.resizeSection(column("examiner"), 151)
    demo_window.queue_header.save()
    again = window_factory().table.horizontalHeader()
    assert again.visualIndex(column("risk")) == 1 and again.sectionSize(column("examiner")) == 151


def test_my_cases_at_start_and_ctrl_n_takes_the_reviewers_own_cases_first(demo_window, window_factory, qtbot):
    store.create_round(demo_window.db, name="R", actor="qa", seed=2, filters=population.Filters(),
                       plan=sampling_plan.Plan(size=12),
                       reviewers=[assignment.Reviewer("alice"), assignment.Reviewer("bob")])
    mine = {r[0] for r in demo_window.db.execute("SELECT case_id FROM round_cases WHERE reviewer = 'alice'")}
    window = window_factory()
    assert window.filter_bar.mine.isChecked() and window.filter_bar.case_filter() == CaseFilter(assigned_to="alice")
    assert {window.model.case_id(r) for r in range(window.model.rowCount())} == mine
    window.filter_bar.clear()                                 # the whole queue: Ctrl+N still goes to hers
    window.select_case(next(i for i in (window.model.case_id(r) for r in range(window.model.rowCount()))
                            if i not in mine))
    seen = []
    for _ in range(len(mine)):
        window.next_unreviewed()
        seen.append(window.panel.case_id)
    assert set(seen) == mine
    assert not window_factory(reviewer="carol").filter_bar.mine.isChecked()     # no assignments: every case


def test_an_in_progress_verdict_reads_as_provisional_and_an_unrated_fail_is_no_minor(demo_window, qtbot):
    panel = demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)
    assert "so far: Compliant" in panel.verdict_label.text() and "dashed" in panel.verdict_label.styleSheet()
    press(qtbot, panel.view, Qt.Key.Key_F)
    text = panel.verdict_label.text()
    assert "so far:" in text and "1 fail without a severity yet" in text and "minor" not in text
    press(qtbot, panel.view, Qt.Key.Key_3)
    assert "findings: 1 minor" in panel.verdict_label.text()
    # The queue says the same: the row's verdict in brackets, grey italics, "so far" in its tooltip.
    model, row = demo_window.model, demo_window.model.row_of(panel.case_id)
    cell = model.index(row, column("verdict"))
    qtbot.waitUntil(lambda: model.data(cell) == "(Defect)")
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == "so far: Defect"
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()


def test_answering_keeps_the_panes_still_and_the_current_item_in_view(demo_window, qtbot):
    panel = demo_window.panel
    widths = [panel.view.columnWidth(c) for c in range(1, 5)]
    heights = (panel.verdict_label.height(), panel.hint.minimumHeight())
    press(qtbot, panel.view, Qt.Key.Key_F)
    press(qtbot, panel.view, Qt.Key.Key_2)
    press(qtbot, panel.view, Qt.Key.Key_K)
    press(qtbot, panel.category_combo.lineEdit(), Qt.Key.Key_Return)
    panel.view.setFocus()
    assert [panel.view.columnWidth(c) for c in range(1, 5)] == widths
    assert (panel.verdict_label.height(), panel.hint.minimumHeight()) == heights
    panel.view.setFixedHeight(90)                            # a short list: moving down scrolls
    for _ in range(9):
        press(qtbot, panel.view, Qt.Key.Key_Down)
    rect = panel.view.visualItemRect(panel.view.currentItem())
    assert panel.view.viewport().rect().contains(rect.center())


def test_a_comment_shows_its_marker_and_a_wrapping_tooltip(demo_window, qtbot):
    panel = demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)
    press(qtbot, panel.view, Qt.Key.Key_Up)
    press(qtbot, panel.view, Qt.Key.Key_C)
    note = "The search report cites D1 and D2; D2 is not discussed in the reasons of the decision at all."
    qtbot.keyClicks(panel.comment, note)
    press(qtbot, panel.comment, Qt.Key.Key_Escape)
    row = panel.view.currentItem()
    assert row.text(COMMENT_COLUMN) == COMMENT_MARK
    assert note in row.toolTip(COMMENT_COLUMN) and row.toolTip(COMMENT_COLUMN).startswith("<table width=")
    assert panel.view.topLevelItem(0).child(1).text(COMMENT_COLUMN) == ""


def test_undo_and_complete_are_disabled_on_a_signed_off_review(demo_window, qtbot, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    assert not window.undo_action.isEnabled()                # nothing to undo yet
    for _ in range(12):
        press(qtbot, panel.view, Qt.Key.Key_P)
    press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)
    assert reviews.get_review(window.db, panel.review_id).status == "signed_off"
    assert not window.undo_action.isEnabled() and not window.complete_action.isEnabled()
    assert not panel.complete_button.isEnabled() and window.reopen_action.isEnabled()
    assert fake_dialogs.errors == []


def test_the_reason_dialog_allows_ok_only_once_a_reason_is_typed(qtbot):
    dialog = ReasonDialog(None, "Reopen review", "Why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.edit, "   ")
    assert not ok.isEnabled()                                # blanks are no reason
    qtbot.keyClicks(dialog.edit, "objection accepted")
    assert ok.isEnabled() and dialog.text() == "objection accepted"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_coded_columns_fit_every_word_even_when_laid_out_on_an_empty_workspace(window_factory, request, language):
    from ui.case_model import value_label
    if language == "zh":
        request.getfixturevalue("zh")           # a Chinese header is narrower than a number under it
    window = window_factory(language=language)  # no cases yet: the first layout sees no rows
    assert window.model.rowCount() == 0
    header, metrics = window.table.horizontalHeader(), window.table.fontMetrics()
    for key, code in (("status", "not_reviewed"), ("status", "in_progress"), ("verdict", "compliant"),
                      ("ip_type", "utility_model"), ("application_number", "202310022744.2")):
        assert header.sectionSize(column(key)) >= metrics.horizontalAdvance(value_label(key, code)) + 12, key


def test_a_layout_saved_by_an_earlier_version_is_laid_out_afresh(window_factory):
    from ui import queue_view
    first = window_factory().table.horizontalHeader()
    first.resizeSection(column("application_number"), 40)      # as the first layout of a Chinese
    store = queue_view.settings()                                # window saved it before the fix
    store.remove(queue_view.SETTINGS_KEY)
    store.setValue("queue/header", first.saveState())
    store.sync()
    again = window_factory().table.horizontalHeader()
    assert again.sectionSize(column("application_number")) > 80


def test_the_next_case_of_the_same_checklist_shows_its_own_answers_in_the_rows_kept(demo_window, qtbot):
    window, panel = demo_window, demo_window.panel
    first, checklist_id = panel.case_id, panel.checklist_id
    press(qtbot, panel.view, Qt.Key.Key_F)
    press(qtbot, panel.view, Qt.Key.Key_2)
    press(qtbot, panel.view, Qt.Key.Key_C)
    qtbot.keyClicks(panel.comment, "D2 not discussed")        # typed, not yet committed: Ctrl+N saves it
    kept = panel.view.topLevelItem(0).child(0)
    press(qtbot, panel.comment, Qt.Key.Key_N, CTRL)
    for _ in range(40):                                        # Ctrl+N until a case of the same checklist
        if panel.checklist_id == checklist_id:
            break
        window.next_action.trigger()
    second = panel.case_id
    assert second != first and panel.view.topLevelItem(0).child(0) is kept      # the rows were not rebuilt
    rows = [panel.view.topLevelItem(0).child(j) for j in range(2)]
    assert [(r.text(1), r.text(2), r.text(COMMENT_COLUMN)) for r in rows] == [("", "", "")] * 2
    assert panel.view.currentItem() is rows[0] and panel.answers == {}
    saved = reviews.load_case_review(window.db, first, reviewer=panel.reviewer).answers
    assert [a.comment for a in saved.values()] == ["D2 not discussed"]
    assert reviews.load_case_review(window.db, second, reviewer=panel.reviewer).review is None
    window.select_case(first)
    assert rows[0].text(1) != "" and rows[0].text(COMMENT_COLUMN) == COMMENT_MARK
    assert panel.view.currentItem() is rows[1]                # back where the reviewer left off
