"""The Disputes tab (issue 15): every finding sent with its response, state and deadline (open
disputes first, overdue ones highlighted), the finding in full, and the manager's decision by
keyboard: a reason required, overturning asked first (No by default), the verdict before and
after shown and the window told."""
from __future__ import annotations

from foundation.words import count
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.feedback_helpers import DEADLINE, TODAY, demo_workspace, fill, most_findings, send
from ui.disputes_model import COLUMNS, OVERDUE_BACKGROUND
from workbench.feedback.findings import ChecklistTexts, sent_finding
from workbench.feedback.responses import import_responses
from workbench.review import reviews

SHOTS = Path("/tmp/shots")
LATER = date(2026, 11, 20)              # after the deadline
REASON = "Guidelines Part II, 8.4: the objection was not owed."


@pytest.fixture
def disputed(tmp_path):
    """Feedback sent for every reviewed case; one examiner disputes their first finding and
    agrees with the second. Returns (workspace, letter, [disputed id, agreed id])."""
    path = demo_workspace(tmp_path / "w.sqlite3")
    result = send(path, tmp_path / "sent", round_name=None)
    letter = most_findings(result)
    filled = fill(letter.workbook, tmp_path / "filled.xlsx", {2: ("Disagree", REASON), 3: ("Agree", None)})
    from db.connection import open_database
    db = open_database(path)
    summary = import_responses(db, [filled], actor="Chen Jing", now="2026-11-05T10:00:00+00:00")
    db.close()
    return path, letter, list(summary.files[0].recorded)


def disputes_tab(window_factory, qtbot, *, today: date = TODAY, language: str = "en"):
    window = window_factory(reviewer="Chen Jing", language=language)
    window.feedback.today = lambda: today
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    seen: list = []
    window.data_changed.connect(seen.append)
    view = window.feedback.show_disputes()
    return window, view, seen


def cell(view, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return view.model.data(view.model.index(row, COLUMNS.index(key)), role)


def decisions(window) -> list[tuple]:
    return window.db.execute("SELECT finding_id, decision, new_severity, reason FROM dispute_decisions").fetchall()


def ctrl_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_open_disputes_are_listed_first_with_the_finding_in_full(disputed, window_factory, qtbot):
    _path, letter, (open_id, agreed_id) = disputed
    window, view, _seen = disputes_tab(window_factory, qtbot)
    assert view.model.rowCount() == 1 and cell(view, 0, "finding") == str(open_id)       # disputed, to decide
    assert [cell(view, 0, k) for k in ("examiner", "state", "response", "deadline")] == \
        [letter.examiner, "Disputed", "Disagree", DEADLINE]
    finding = sent_finding(window.db, open_id)
    item = ChecklistTexts(window.db).item(finding)
    shown = view.detail.toPlainText()
    for text in (REASON, finding.comment, item.text.en, item.guidance.en, item.reference, finding.reviewer):
        assert text and text in shown, text
    view.select("all")
    total = window.db.execute("SELECT COUNT(*) FROM feedback_findings").fetchone()[0]
    assert view.model.rowCount() == total and cell(view, 0, "finding") == str(open_id)   # open first
    states = {cell(view, row, "state") for row in range(view.model.rowCount())}
    assert states == {"Disputed", "Agreed", "No response"}
    assert cell(view, view.model.row_of(agreed_id), "response") == "Agree"
    assert view.counts.text().startswith(f"{count(total, 'finding')} sent · 1 disputed, to decide · 0 overdue")


def test_overdue_findings_are_highlighted(disputed, window_factory, qtbot):
    _path, _letter, (open_id, agreed_id) = disputed
    window, view, _seen = disputes_tab(window_factory, qtbot, today=LATER)
    view.select("overdue")
    total = window.db.execute("SELECT COUNT(*) FROM feedback_findings").fetchone()[0]
    assert view.model.rowCount() == total - 2
    assert {cell(view, row, "state") for row in range(view.model.rowCount())} == {"No response · overdue"}
    assert cell(view, 0, "deadline", Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert view.model.row_of(open_id) is None and view.model.row_of(agreed_id) is None


def test_the_model_passes_the_model_tester(disputed, window_factory, qtbot, qtmodeltester):
    _window, view, _seen = disputes_tab(window_factory, qtbot)
    view.select("all")
    qtmodeltester.check(view.model)


def test_a_decision_needs_a_reason_and_shows_the_verdict_before_and_after(disputed, window_factory, qtbot):
    _path, _letter, (open_id, _agreed) = disputed
    window, view, seen = disputes_tab(window_factory, qtbot)
    qtbot.keyClick(view.table, Qt.Key.Key_U)
    assert view.panel.decision() == "uphold" and view.panel.reason.hasFocus()
    ctrl_enter(qtbot, view.panel.reason)                       # no reason: refused
    assert "needs a reason" in view.panel.status.text() and decisions(window) == []
    assert view.panel.reason.hasFocus() and not [c for c in seen if c.disputes]
    qtbot.keyClicks(view.panel.reason, "It stands.")
    ctrl_enter(qtbot, view.panel.reason)
    assert decisions(window) == [(open_id, "uphold", sent_finding(window.db, open_id).severity, "It stands.")]
    verdict = reviews.get_review(window.db, sent_finding(window.db, open_id).review_id).verdict
    label = {"error": "Error", "defect": "Defect", "compliant": "Compliant"}[verdict]
    assert f"Finding {open_id}" in view.panel.status.text() and f"{label} → {label}" in view.panel.status.text()
    (changes,) = [c for c in seen if c.disputes]
    assert changes.what == "dispute_decision" and not changes.reviews             # upholding changes no answer
    assert view.model.rowCount() == 0 and "0 disputed, to decide" in view.counts.text()
    view.select("decided")
    assert cell(view, 0, "state") == "Upheld" and "It stands." in view.detail.toPlainText()
    qtbot.keyClick(view.table, Qt.Key.Key_O)                   # a decided finding is not decided again
    assert "decided already" in view.panel.status.text()


def test_overturning_asks_first_and_no_changes_nothing(disputed, window_factory, fake_dialogs, qtbot):
    _path, _letter, (open_id, _agreed) = disputed
    window, view, seen = disputes_tab(window_factory, qtbot)
    finding = sent_finding(window.db, open_id)
    before = reviews.get_review(window.db, finding.review_id).verdict
    qtbot.keyClick(view.table, Qt.Key.Key_O)
    qtbot.keyClicks(view.panel.reason, REASON)
    ctrl_enter(qtbot, view.panel.reason)
    assert fake_dialogs.confirms and fake_dialogs.confirm_defaults == [False]
    assert f"Overturn finding {open_id}?" in fake_dialogs.confirms[0] and decisions(window) == []
    fake_dialogs.confirm_answer = True
    assert window.complete_current()                          # Ctrl+Enter from the window, on this tab
    assert decisions(window)[0][:2] == (open_id, "overturn")
    after = reviews.get_review(window.db, finding.review_id).verdict
    assert reviews.get_answers(window.db, finding.review_id)[finding.item_id].outcome == "pass"
    labels = {"error": "Error", "defect": "Defect", "compliant": "Compliant"}
    assert f"Overturned. The case's verdict: {labels[before]} → {labels[after]}." in view.panel.status.text()
    (changes,) = [c for c in seen if c.disputes]
    assert changes.reviews and changes.case_ids == frozenset([finding.case_id])


def test_a_new_severity_is_one_the_item_allows(disputed, window_factory, qtbot):
    _path, _letter, (open_id, _agreed) = disputed
    window, view, _seen = disputes_tab(window_factory, qtbot)
    finding = sent_finding(window.db, open_id)
    allowed = [s for s in ChecklistTexts(window.db).item(finding).severities if s != finding.severity]
    qtbot.keyClick(view.table, Qt.Key.Key_S)
    combo = view.panel.severity
    assert combo.hasFocus() and [combo.itemData(i) for i in range(combo.count())] == allowed
    combo.setCurrentIndex(combo.count() - 1)
    qtbot.keyClick(combo, Qt.Key.Key_Return)                  # on to the reason
    assert view.panel.reason.hasFocus()
    qtbot.keyClicks(view.panel.reason, "Less serious than graded.")
    ctrl_enter(qtbot, view.panel.reason)
    assert decisions(window) == [(open_id, "severity", allowed[-1], "Less serious than graded.")]
    assert reviews.get_answers(window.db, finding.review_id)[finding.item_id].severity == allowed[-1]


def test_keys_in_the_table_and_escape_back(disputed, window_factory, qtbot):
    _window, view, _seen = disputes_tab(window_factory, qtbot)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert view.panel.reason.hasFocus()
    qtbot.keyClick(view.panel.reason, Qt.Key.Key_Escape)
    assert view.table.hasFocus()
    ctrl_enter(qtbot, view.table)                              # nothing chosen yet
    assert "Choose the decision first" in view.panel.status.text()


def test_no_feedback_sent_yet(tmp_path, window_factory, qtbot):
    demo_workspace(tmp_path / "w.sqlite3")
    _window, view, _seen = disputes_tab(window_factory, qtbot)
    assert view.empty.isVisible() and not view.splitter.isVisible()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_screenshot(disputed, window_factory, qtbot, language):
    from ui.app import install_translations
    install_translations(QApplication.instance(), language)
    try:
        _window, view, _seen = disputes_tab(window_factory, qtbot, today=LATER, language=language)
        view.select("all")
        QApplication.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert view.grab().save(str(SHOTS / f"disputes-view-{language}.png"))
    finally:
        install_translations(QApplication.instance(), "en")
