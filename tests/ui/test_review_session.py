"""A reviewer's session in the window, driven by the keyboard: answering, findings with the
category picker and comments, undo and redo, completing, signing off and reopening, the
History panel, the queue's filters and search, active time, and the check on opening."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.connection import open_database
from tests.workbench.helpers import MINI_CHECKLIST
from workbench.audit import chain
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review import reviews
from workbench.demo.generate import build_demo
from workbench.review.queue import CaseFilter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SHOTS = Path("/tmp/shots")


def twelve_item_template() -> dict:
    """Twelve pass/fail items in three sections, applying to every IP type."""
    data = json.loads(MINI_CHECKLIST.read_text(encoding="utf-8"))
    data["id"], data["version"] = "twelve", 1
    item = {"guidance": {"en": "Check it.", "zh": "检查。"}, "reference": "PL 1", "severities": ["major", "minor"],
            "categories": ["omitted_objection", "improper_objection"]}
    data["sections"] = [{"id": f"s{s}", "title": {"en": f"Part {s}", "zh": f"第{s}部分"}, "items": [
        dict(item, id=f"q{s}-{i}", text={"en": f"Question {s}.{i}?", "zh": f"问题{s}.{i}？"}) for i in range(1, 5)]}
        for s in range(1, 4)]
    return data


@pytest.fixture
def demo_window(tmp_path, window_factory, qtbot):
    """A window on a small demo workspace (cases, reviews by others) with the twelve-item checklist."""
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=40, reviewed=0.25, seed=8)
    db.close()
    window = window_factory()
    checklist_store.store(window.db, checklist_parsing.parse_template(twelve_item_template()))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: not window.status_area.checking(), timeout=10_000)
    window.filter_bar.set_filter(CaseFilter(status="not_reviewed"))
    window.select_first()
    return window


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier, counter=None):
    assert widget is not None, "nothing has the keyboard focus"   # QTest would abort the process
    qtbot.keyClick(widget, key, modifier)
    if counter is not None:
        counter.append(key)


def test_twelve_items_all_pass_take_at_most_15_key_presses(demo_window, qtbot, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    assert panel.checklist.template_id == "twelve" and len(panel.checklist.items) == 12
    first_case = panel.case_id
    assert QApplication.focusWidget() is panel.view          # ready to answer, no click needed
    keys: list = []
    for _ in range(12):
        press(qtbot, QApplication.focusWidget(), Qt.Key.Key_P, counter=keys)
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return, CTRL, counter=keys)     # complete
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_N, CTRL, counter=keys)          # next case
    assert len(keys) <= 15
    assert fake_dialogs.errors == []
    done = reviews.review_for_case(window.db, first_case, "alice")
    assert (done.status, done.verdict, done.score) == ("completed", "compliant", 100.0)
    assert len(reviews.get_answers(window.db, done.id)) == 12
    assert panel.case_id != first_case and panel.review_id is None     # the next case, nothing written yet
    assert QApplication.focusWidget() is panel.view and panel.current_item().id == "q1-1"


def test_a_finding_by_keyboard_with_the_category_picker_and_a_comment(demo_window, qtbot, fake_dialogs):
    panel = demo_window.panel
    view = panel.view
    press(qtbot, view, Qt.Key.Key_F)
    item = panel.current_item()
    assert "needs" in panel.hint.text() and panel.view.currentItem().text(2) == "needed"
    press(qtbot, view, Qt.Key.Key_2)                                   # major
    press(qtbot, view, Qt.Key.Key_K)                                   # the category picker
    picker = QApplication.focusWidget()
    assert picker in (panel.category_combo, panel.category_combo.lineEdit())
    qtbot.keyClicks(picker, "prop")                                    # any part of the label
    assert panel.category_combo.completer().popup().isVisible()
    press(qtbot, picker, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view
    press(qtbot, view, Qt.Key.Key_C)
    assert QApplication.focusWidget() is panel.comment
    qtbot.keyClicks(panel.comment, "D1 discloses every feature")
    press(qtbot, panel.comment, Qt.Key.Key_Escape)                     # back to the list, committed
    assert QApplication.focusWidget() is view
    given = reviews.get_answers(demo_window.db, panel.review_id)[item.id]
    assert (given.outcome, given.severity, given.category, given.comment) == (
        "fail", "major", "improper_objection", "D1 discloses every feature")
    assert "Error" in panel.verdict_label.text()
    press(qtbot, view, Qt.Key.Key_Return)                              # on to the next item
    assert panel.current_item().id != item.id


def test_a_comment_is_committed_within_a_second_of_typing(demo_window, qtbot):
    panel = demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_F)
    item = panel.current_item()
    press(qtbot, panel.view, Qt.Key.Key_C)
    qtbot.keyClicks(panel.comment, "still typing")
    qtbot.waitUntil(lambda: reviews.get_answers(demo_window.db, panel.review_id)[item.id].comment == "still typing",
                    timeout=1000)


def test_undo_and_redo_by_keyboard(demo_window, qtbot, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    view = panel.view
    press(qtbot, view, Qt.Key.Key_P)
    press(qtbot, view, Qt.Key.Key_F)
    press(qtbot, view, Qt.Key.Key_3)
    assert window.undo_action.isEnabled() and "Question 1.2" in window.undo_action.text()
    press(qtbot, view, Qt.Key.Key_Z, CTRL)                              # the severity goes
    answers = reviews.get_answers(window.db, panel.review_id)
    assert answers["q1-2"].outcome == "fail" and answers["q1-2"].severity is None
    press(qtbot, view, Qt.Key.Key_Z, CTRL)                              # the fail goes
    press(qtbot, view, Qt.Key.Key_Z, CTRL)                              # the first pass goes
    assert reviews.get_answers(window.db, panel.review_id) == {}
    assert panel.current_item().id == "q1-1" and not window.undo_action.isEnabled()
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)                      # redo
    assert reviews.get_answers(window.db, panel.review_id)["q1-1"].outcome == "pass"
    actions = [e.action for e in chain.history(window.db, panel.case_id)]
    assert actions[-4:] == ["undo", "undo", "undo", "redo"]
    assert fake_dialogs.errors == []


def complete_all(qtbot, panel):
    for _ in range(12):
        press(qtbot, panel.view, Qt.Key.Key_P)
    press(qtbot, panel.view, Qt.Key.Key_Return, CTRL)


def test_sign_off_locks_and_reopening_asks_for_a_reason(demo_window, qtbot, fake_dialogs, monkeypatch):
    window, panel = demo_window, demo_window.panel
    complete_all(qtbot, panel)
    press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)               # sign off
    assert reviews.get_review(window.db, panel.review_id).status == "signed_off"
    assert panel.lock_banner.isVisible() and "alice" in panel.lock_banner.text()
    assert window.reopen_action.isEnabled() and not window.sign_off_action.isEnabled()
    press(qtbot, panel.view, Qt.Key.Key_Up)
    press(qtbot, panel.view, Qt.Key.Key_F)                              # refused: locked
    assert all(a.outcome == "pass" for a in reviews.get_answers(window.db, panel.review_id).values())
    assert "signed off" in window.statusBar().currentMessage()

    from ui import dialogs
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: None)      # cancelled
    window.reopen_action.trigger()
    assert panel.locked
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "Examiner's objection to item 1.1 accepted")
    window.reopen_action.trigger()
    assert not panel.locked and not panel.lock_banner.isVisible()
    entry = chain.history(window.db, panel.case_id)[-1]
    assert (entry.action, entry.new_value["reason"]) == ("reopen", "Examiner's objection to item 1.1 accepted")
    assert fake_dialogs.errors == []


def test_sign_off_of_an_unfinished_review_counts_what_is_missing_and_goes_to_it(demo_window, qtbot, fake_dialogs):
    panel = demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_F)
    press(qtbot, panel.view, Qt.Key.Key_Down)
    press(qtbot, panel.view, Qt.Key.Key_P)
    fake_dialogs.choose_answer = 0                     # "Go to the first unanswered item"
    demo_window.sign_off_action.trigger()
    title, text, buttons = fake_dialogs.choices[-1]
    assert title == "Review not complete" and fake_dialogs.errors == []
    assert "10 items are not answered yet." in text and "1 fail still needs a severity" in text
    assert "Question" not in text
    assert buttons == ["Go to the first unanswered item", "Close"]
    assert panel.current_item().id == "q1-1"           # the first item still missing something
    assert reviews.get_review(demo_window.db, panel.review_id).status == "in_progress"


def test_history_panel_speaks_in_sentences(demo_window, qtbot):
    window, panel = demo_window, demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)
    press(qtbot, panel.view, Qt.Key.Key_Up)
    press(qtbot, panel.view, Qt.Key.Key_F)
    press(qtbot, panel.view, Qt.Key.Key_2)
    window.history_action.trigger()
    assert window.history_dock.isVisible()
    tree = window.history.tree
    rows = [[tree.topLevelItem(r).text(c) for c in range(3)] for r in range(tree.topLevelItemCount())]
    assert rows[0][1] == "alice" and rows[0][2] == "alice answered “Question 1.1?”: Fail · Major"
    assert rows[1][2] == "alice answered “Question 1.1?”: Fail"
    assert rows[-1][2].startswith("alice opened a review with the checklist ")
    press(qtbot, panel.view, Qt.Key.Key_Z, CTRL)
    assert tree.topLevelItem(0).text(2) == "alice undid the answer to “Question 1.1?”: back to Fail"


def test_history_of_a_demo_review_reads_in_words(demo_window):
    window = demo_window
    window.filter_bar.set_filter(CaseFilter(status="signed_off"))
    window.select_first()
    window.history_action.trigger()
    tree = window.history.tree
    whats = " / ".join(tree.topLevelItem(r).text(2) for r in range(tree.topLevelItemCount()))
    assert "opened a review" in whats and "completed the review, verdict" in whats and "signed off the review" in whats
    assert "_" not in whats


def test_queue_filters_search_and_counts(demo_window, qtbot):
    window = demo_window
    window.filter_bar.clear()
    assert window.model.rowCount() == 40 and "40 cases" in window.status_area.counts_label.text()
    window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findData("signed_off"))
    signed = window.model.rowCount()
    assert 0 < signed < 40
    assert f"{signed} of 40 cases shown" in window.status_area.counts_label.text()
    assert all(window.model.data(window.model.index(r, 6)) == "Signed off" for r in range(signed))
    window.filter_bar.clear()
    title, number = window.db.execute("SELECT title, application_number FROM cases ORDER BY id LIMIT 1").fetchone()
    window.filter_bar.search.setText(title[1:5])                       # part of a Chinese title
    qtbot.waitUntil(lambda: window.model.rowCount() < 40, timeout=2000)
    assert any(window.model.data(window.model.index(r, 2)) == title for r in range(window.model.rowCount()))
    press(qtbot, window.panel.view, Qt.Key.Key_F, CTRL)                # Ctrl+F: to the search box
    assert QApplication.focusWidget() is window.filter_bar.search
    qtbot.keyClicks(window.filter_bar.search, number.replace(".", ""))  # typed without the dot
    press(qtbot, window.filter_bar.search, Qt.Key.Key_Return)         # Enter opens the case found
    assert window.model.rowCount() == 1 and window.model.data(window.model.index(0, 0)) == number
    assert window.panel.case_id == window.model.case_id(0)
    assert QApplication.focusWidget() is window.panel.view


def test_next_unreviewed_follows_the_filtered_queue(demo_window, qtbot):
    window = demo_window
    window.filter_bar.set_filter(CaseFilter(ip_type="trademark"))
    ids = [window.model.case_id(r) for r in range(window.model.rowCount())]
    window.next_action.trigger()
    assert window.panel.case_id in ids
    assert window.db.execute("SELECT status FROM latest_reviews WHERE case_id = ?",
                             [window.panel.case_id]).fetchone() in (None, ("in_progress",), ("open",))


def test_active_time_pauses_and_is_stored(demo_window, qtbot, clock):
    window, panel = demo_window, demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)          # the review exists from the first answer
    clock.advance(40)
    panel.timer.touch()                             # 40 s of work
    clock.advance(600)                              # ten minutes away: two count
    panel.set_window_active(False)                  # the window loses focus
    clock.advance(900)                              # nothing counts while inactive
    panel.set_window_active(True)
    clock.advance(5)
    case_id = panel.case_id
    review_id = panel.review_id
    window.next_action.trigger()                    # leaving the case stores the time
    assert panel.case_id != case_id
    stored = reviews.get_review(window.db, review_id).active_seconds
    assert stored == pytest.approx(40 + 120 + 5)


def test_glancing_at_a_case_writes_nothing(demo_window):
    window, panel = demo_window, demo_window.panel
    before = window.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    window.next_action.trigger()
    window.next_action.trigger()
    assert window.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == before


def test_a_workspace_edited_behind_the_applications_back_is_reported_on_opening(
        tmp_path, window_factory, fake_dialogs, qtbot):
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=30, reviewed=0.5, seed=3)
    with db.atomic():
        db.execute("UPDATE answers SET answer = 'fail', outcome = 'fail'"
                   " WHERE (review_id, item_id) = (SELECT review_id, item_id FROM answers WHERE outcome = 'pass' LIMIT 1)")
        db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 7")
    db.close()
    window = window_factory()
    qtbot.waitUntil(lambda: bool(fake_dialogs.errors), timeout=10_000)
    title, text = fake_dialogs.errors[0]
    assert title == "The workspace is not intact"
    assert "audit entry 7" in text and "changed outside the application" in text
    assert "NOT intact" in window.status_area.integrity_label.text()


def test_an_intact_workspace_is_verified_quietly(demo_window, fake_dialogs, qtbot):
    assert fake_dialogs.errors == []
    demo_window.verify_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_dialogs.infos), timeout=10_000)
    assert fake_dialogs.infos[0][0] == "Workspace intact"


def test_screenshots_in_english_and_chinese(tmp_path, window_factory, qtbot):
    """The review screen on a demo workspace, with a finding and the History panel (looked at by eye)."""
    from ui.app import install_translations
    db = open_database(tmp_path / "shots.sqlite3")
    build_demo(db, cases=300, reviewed=0.3, seed=2022)
    db.close()
    SHOTS.mkdir(exist_ok=True)
    try:
        for language in ("en", "zh"):
            install_translations(QApplication.instance(), language)
            window = window_factory(language=language, db_name="shots.sqlite3")
            window.show()
            qtbot.waitUntil(lambda: not window.status_area.checking(), timeout=10_000)
            window.filter_bar.set_filter(CaseFilter(ip_type="invention", status="signed_off", verdict="error"))
            window.select_first()
            window.history_action.trigger()
            qtbot.wait(50)
            window.grab().save(str(SHOTS / f"review_{language}.png"))
            window.close()
    finally:
        install_translations(QApplication.instance(), "en")
    assert (SHOTS / "review_zh.png").stat().st_size > 10_000


def test_the_category_picker_matches_either_language_and_the_code(tmp_path, window_factory, qtbot):
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=10, reviewed=0.0, seed=8)
    db.close()
    window = window_factory(language="zh")
    checklist_store.store(window.db, checklist_parsing.parse_template(twelve_item_template()))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.select_first()
    panel = window.panel
    press(qtbot, panel.view, Qt.Key.Key_F)
    press(qtbot, panel.view, Qt.Key.Key_K)
    assert QApplication.focusWidget() in (panel.category_combo, panel.category_combo.lineEdit())
    qtbot.keyClicks(QApplication.focusWidget(), "omit")        # English, in the Chinese interface
    popup = panel.category_combo.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 1
    assert popup.model().index(0, 0).data() == "应指出而未指出"   # shown in the interface language
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return)
    assert panel.answers[panel.current_item().id].category == "omitted_objection"


def test_closing_the_window_keeps_a_comment_being_typed_and_asks_nothing(demo_window, qtbot, fake_dialogs,
                                                                         tmp_path):
    window, panel = demo_window, demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_F)
    item, review_id = panel.current_item().id, panel.review_id
    press(qtbot, panel.view, Qt.Key.Key_C)
    qtbot.keyClicks(panel.comment, "half a thought")        # no pause: the timer has not fired yet
    window.close()
    assert fake_dialogs.confirms == [] and fake_dialogs.errors == []
    db = open_database(tmp_path / "w.sqlite3")
    assert reviews.get_answers(db, review_id)[item].comment == "half a thought"
