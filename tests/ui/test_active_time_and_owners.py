"""Active time counts only while the reviewer can write to the review on screen, and writing
into someone else's review asks first (issue 11). Every test runs on the window's one fake
clock, given from its construction; nothing here reads the real clock for an assertion."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.test_review_session import complete_all, demo_window, press  # noqa: F401 (fixture)
from workbench.audit import chain
from workbench.review import reviews
from workbench.review.queue import CaseFilter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(window, review_id: int) -> float:
    return reviews.get_review(window.db, review_id).active_seconds


def work(panel, clock, seconds: float) -> None:
    """`seconds` of work at the window: input at the start and at the end."""
    panel.timer.touch()
    clock.advance(seconds)
    panel.timer.touch()


def show_others(window, status: str) -> reviews.Review:
    """Show a case whose standing review is someone else's, in `status`."""
    row = window.db.execute("SELECT lr.case_id FROM latest_reviews lr JOIN reviews r ON r.id = lr.review_id"
                            " WHERE lr.status = ? AND r.reviewer <> 'alice' ORDER BY lr.case_id LIMIT 1",
                            [status]).fetchone()
    assert row is not None, f"the demo has no {status} review by someone else"
    window.filter_bar.set_filter(CaseFilter())
    window.select_case(row[0])
    shown = window.panel.review
    assert shown is not None and shown.reviewer != "alice" and shown.status == status
    return shown


# -- active time ----------------------------------------------------------------------------------

def test_time_up_to_completion_is_kept_and_none_counts_on_the_finished_review(demo_window, qtbot, clock):
    window, panel = demo_window, demo_window.panel
    for _ in range(12):
        clock.advance(10)
        press(qtbot, panel.view, Qt.Key.Key_P)
    clock.advance(10)
    press(qtbot, panel.view, Qt.Key.Key_Return, CTRL)            # complete: 130 s of work so far
    review_id = panel.review_id
    assert panel.review.status == "completed"
    assert stored(window, review_id) == pytest.approx(130)
    work(panel, clock, 60)                                        # looking at the completed review
    panel.store_time()
    assert stored(window, review_id) == pytest.approx(130)
    press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)         # sign off
    assert panel.review.status == "signed_off"
    for _ in range(5):                                            # minutes on screen, signed off
        work(panel, clock, 60)
        panel._on_tick()
    window.next_action.trigger()                                  # leaving stores what is pending
    assert stored(window, review_id) == pytest.approx(130)


def test_no_time_on_someone_elses_review(demo_window, qtbot, clock, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    for status in ("in_progress", "completed", "signed_off"):
        theirs = show_others(window, status)
        before = stored(window, theirs.id)
        work(panel, clock, 45)
        panel.store_time()
        window.next_action.trigger()
        assert stored(window, theirs.id) == before, status
    assert fake_dialogs.confirms == []                            # looking asks nothing


def test_no_time_while_a_modal_dialog_covers_the_window(demo_window, qtbot, clock):
    window, panel = demo_window, demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)
    review_id = panel.review_id
    work(panel, clock, 20)
    question = QDialog(window)                    # what ui/dialogs shows: a modal box over the window
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: panel._blocked, timeout=2000)
    clock.advance(100)
    panel._on_tick()
    question.close()
    qtbot.waitUntil(lambda: not panel._blocked, timeout=2000)
    work(panel, clock, 5)
    panel.store_time()
    assert stored(window, review_id) == pytest.approx(25)


def test_no_time_while_another_tasks_progress_dialog_is_open(demo_window, qtbot, clock):
    window, panel = demo_window, demo_window.panel
    press(qtbot, panel.view, Qt.Key.Key_P)
    review_id = panel.review_id
    work(panel, clock, 30)
    release = threading.Event()

    def job(progress, cancel):
        while not release.wait(0.02):
            progress(1, 10, "working")
        return None

    task = window.tasks.start(window, "A long task", job)
    qtbot.waitUntil(lambda: task.dialog.isVisible(), timeout=5000)       # shown after 600 ms
    assert panel._blocked
    for _ in range(3):
        clock.advance(60)
        panel._on_tick()
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: not panel._blocked, timeout=2000)
    work(panel, clock, 10)
    panel.store_time()
    assert stored(window, review_id) == pytest.approx(40)


# -- someone else's review ------------------------------------------------------------------------

WRITES = {
    "pass": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_P),
    "fail": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_F),
    "n/a": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_N),
    "clear": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_Delete),
    "comment": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_C),
    "severity": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_2),
    "complete": lambda qtbot, panel: press(qtbot, panel.view, Qt.Key.Key_Return, CTRL),
}


def on_answered_item(panel) -> None:
    """Make an answered item current (a clear or a comment needs one)."""
    for row in panel._visible_rows():
        if row.data(0, Qt.ItemDataRole.UserRole) in panel.answers:
            panel.view.setCurrentItem(row)
            return
    pytest.fail("no answered item")


@pytest.mark.parametrize("write", sorted(WRITES))
def test_writing_into_someone_elses_unfinished_review_asks_and_no_writes_nothing(
        demo_window, qtbot, clock, fake_dialogs, write):
    window, panel = demo_window, demo_window.panel
    theirs = show_others(window, "in_progress")
    on_answered_item(panel)
    answers = reviews.get_answers(window.db, theirs.id)
    entries = len(chain.history(window.db, theirs.case_id))
    fake_dialogs.confirm_answer = False
    work(panel, clock, 30)
    WRITES[write](qtbot, panel)
    assert fake_dialogs.confirms == [
        f"This case's review belongs to {theirs.reviewer} (In progress). Take it over? Your answers then go into "
        "this review, and the take-over is kept in the audit log with both names."]
    assert fake_dialogs.confirm_defaults == [False]                  # No is the default
    assert reviews.get_answers(window.db, theirs.id) == answers
    assert len(chain.history(window.db, theirs.case_id)) == entries
    assert reviews.get_review(window.db, theirs.id).reviewer == theirs.reviewer
    work(panel, clock, 30)
    panel.store_time()
    assert stored(window, theirs.id) == theirs.active_seconds       # nothing credited


def test_yes_takes_the_review_over_then_writes_and_time_counts_from_then(demo_window, qtbot, clock, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    theirs = show_others(window, "in_progress")
    pending = next(r for r in panel._visible_rows() if r.data(0, Qt.ItemDataRole.UserRole) not in panel.answers)
    panel.view.setCurrentItem(pending)
    item_id = pending.data(0, Qt.ItemDataRole.UserRole)
    fake_dialogs.confirm_answer = True
    work(panel, clock, 50)                                         # before the take-over: not credited
    press(qtbot, panel.view, Qt.Key.Key_P)
    assert len(fake_dialogs.confirms) == 1
    now = reviews.get_review(window.db, theirs.id)
    assert now.reviewer == "alice" and reviews.get_answers(window.db, theirs.id)[item_id].outcome == "pass"
    entry = next(e for e in chain.history(window.db, theirs.case_id) if e.action == "take_over")
    assert (entry.actor, entry.old_value["reviewer"], entry.new_value["reviewer"]) == (
        "alice", theirs.reviewer, "alice")
    assert panel.review_labels["reviewer"].text() == "alice"
    assert window.undo_action.isEnabled()
    work(panel, clock, 20)
    panel.store_time()
    assert stored(window, theirs.id) == pytest.approx(theirs.active_seconds + 20)
    press(qtbot, panel.view, Qt.Key.Key_P)                         # alice's now: no question
    assert len(fake_dialogs.confirms) == 1


@pytest.mark.parametrize("status", ["completed", "signed_off"])
def test_beside_someone_elses_finished_review_the_user_may_start_their_own(
        demo_window, qtbot, clock, fake_dialogs, status):
    window, panel = demo_window, demo_window.panel
    theirs = show_others(window, status)
    reviews_before = window.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    fake_dialogs.confirm_answer = False
    press(qtbot, panel.view, Qt.Key.Key_P)
    label = {"completed": "Completed", "signed_off": "Signed off"}[status]
    assert fake_dialogs.confirms == [f"This case's review by {theirs.reviewer} is finished ({label}) and stays as "
                                     "it is. Start your own review of the case?"]
    assert fake_dialogs.confirm_defaults == [False]
    assert window.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == reviews_before
    fake_dialogs.confirm_answer = True
    press(qtbot, panel.view, Qt.Key.Key_P)
    own = reviews.review_for_case(window.db, theirs.case_id, "alice")
    assert own.id != theirs.id and own.reviewer == "alice" and own.status == "open"
    assert panel.review_id == own.id and panel.answers == {}
    assert panel.review_labels["reviewer"].text() == "alice"
    assert reviews.get_review(window.db, theirs.id) == theirs        # theirs stays as it was
    press(qtbot, panel.view, Qt.Key.Key_P)                           # answering one's own asks nothing
    assert len(fake_dialogs.confirms) == 2 and len(reviews.get_answers(window.db, own.id)) == 1


def test_undo_is_off_on_a_signed_off_review(demo_window, qtbot, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    complete_all(qtbot, panel)
    assert window.undo_action.isEnabled()           # a completed review: undo reopens the answer
    press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)
    assert panel.locked
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    answers = reviews.get_answers(window.db, panel.review_id)
    press(qtbot, panel.view, Qt.Key.Key_Z, CTRL)
    assert reviews.get_answers(window.db, panel.review_id) == answers
    assert fake_dialogs.errors == []
