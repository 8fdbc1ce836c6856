"""One "what changed" notification (issue 11): every domain write made from the window ends with
exactly one Changes, and the one handler brings the queue, the case panel, History, the
Dashboard and the actions up to date. The case panel no longer goes stale after a round is
drawn or packages are merged."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_merge_dialog import finish
from tests.ui.test_review_session import demo_window, press, twelve_item_template  # noqa: F401 (fixture)
from tests.workbench.test_merge import reviewed  # noqa: F401 (fixture)
from tests.workbench.test_packages import master_template  # noqa: F401 (fixture)
from ui import dialogs
from ui.case_model import value_label
from ui.changes import Changes
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review import reviews
from workbench.rounds import assignment, population, sampling_plan, store
from workbench.review.queue import CaseFilter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def notes(demo_window):
    seen: list[Changes] = []
    demo_window.filter_bar.set_filter(CaseFilter())        # every case in the queue; the one on screen stays
    demo_window.data_changed.connect(seen.append)
    return seen


def queue_status(window, case_id: int) -> str:
    row = window.model.row_of(case_id)
    return window.model.data(window.model.index(row, 6))


def standing_status(window, case_id: int) -> str:
    row = window.db.execute("SELECT status FROM latest_reviews WHERE case_id = ?", [case_id]).fetchone()
    return value_label("status", row[0] if row else "not_reviewed")


def assert_views_follow(window, case_id: int) -> None:
    """Queue, panel, actions and Dashboard show what the workspace holds."""
    panel = window.panel
    assert queue_status(window, case_id) == standing_status(window, case_id)
    shown = reviews.get_review(window.db, panel.review_id) if panel.review_id else None
    assert panel.review == shown
    assert panel.review_labels["status"].text() == value_label("status", shown.status if shown else "open")
    assert window.undo_action.isEnabled() == panel.can_undo()
    assert window.sign_off_action.isEnabled() == (not panel.locked)
    assert window.reopen_action.isEnabled() == panel.locked
    assert window.dashboard.dirty or window.dashboard.isVisible()


def test_each_review_write_notifies_once_and_every_view_follows(demo_window, qtbot, notes, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    case_id = panel.case_id
    window.history_action.trigger()
    steps = [("answer", lambda: press(qtbot, panel.view, Qt.Key.Key_P)),
             ("undo", lambda: press(qtbot, panel.view, Qt.Key.Key_Z, CTRL)),
             ("redo", lambda: press(qtbot, panel.view, Qt.Key.Key_Z, CTRL | SHIFT))]

    def answer_next() -> None:
        pending = [r for r in panel._visible_rows() if r.data(0, Qt.ItemDataRole.UserRole) not in panel.answers]
        panel.view.setCurrentItem(pending[0])
        press(qtbot, panel.view, Qt.Key.Key_P)
    steps += [("answer", answer_next)] * 11
    steps += [("complete", lambda: press(qtbot, panel.view, Qt.Key.Key_Return, CTRL)),
              ("sign_off", lambda: press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)),
              ("reopen", window.reopen_action.trigger)]
    fake_dialogs.text_answer = "a second look"
    for what, step in steps:
        notes.clear()
        window.dashboard.dirty = False
        step()
        assert [(n.what, n.reviews, n.case_ids) for n in notes] == [(what, True, frozenset([case_id]))], what
        assert_views_follow(window, case_id)
        newest = window.history.tree.topLevelItem(0).text(2)
        assert newest, what                                   # History shows the step
    assert queue_status(window, case_id) == "Completed" and not panel.locked
    assert fake_dialogs.errors == []


def test_drawing_a_round_refreshes_the_case_on_screen_and_undo_goes_off(demo_window, qtbot, notes, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    case_id = panel.case_id
    for _ in range(12):
        press(qtbot, panel.view, Qt.Key.Key_P)
    press(qtbot, panel.view, Qt.Key.Key_Return, CTRL)
    press(qtbot, panel.view, Qt.Key.Key_S, CTRL | SHIFT)
    signed = panel.review_id
    assert not window.undo_action.isEnabled()                      # nothing to undo in a locked review
    number = window.db.execute("SELECT application_number FROM cases WHERE id = ?", [case_id]).fetchone()[0]
    result = store.create_round(window.db, name="again", actor="qa", seed=1,
                                 filters=population.Filters(exclude_reviewed=False, exclude_sampled=False),
                                 plan=sampling_plan.Plan(size=20), reviewers=[assignment.Reviewer("alice")])
    assert any(c.case_id == case_id for c in result.cases), number
    notes.clear()
    window._round_created(result)                                  # what the wizard's round_created calls
    assert [(n.what, n.rounds) for n in notes] == [("round", True)]
    # alice's new round review is on screen; the signed-off one still counts, and says so
    assert panel.review_id != signed and panel.review.status == "open"
    assert panel.review_labels["status"].text() == "Open"
    assert not panel.lock_banner.isVisible() and window.complete_action.isEnabled()
    assert panel.review_labels["standing"].isVisibleTo(panel)
    assert panel.review_labels["standing"].text() == "Signed off (review by alice)"
    assert queue_status(window, case_id) == "Signed off"
    assert not window.undo_action.isEnabled()
    assert_views_follow(window, case_id)


def test_reassigning_refreshes_the_case_on_screen(demo_window, qtbot, notes, fake_dialogs):
    window, panel = demo_window, demo_window.panel
    drawn = store.create_round(window.db, name="R", actor="qa", seed=2, filters=population.Filters(),
                                plan=sampling_plan.Plan(size=20),
                                reviewers=[assignment.Reviewer("alice"), assignment.Reviewer("bob")])
    window._round_created(drawn)
    assert window.filter_bar.case_filter().assigned_to == "alice"      # My cases, once alice has some
    window.filter_bar.clear()               # every case: the one given to bob stays in the queue
    case_id = window.db.execute("SELECT case_id FROM round_cases WHERE reviewer = 'alice' LIMIT 1").fetchone()[0]
    window.select_case(case_id)
    assert panel.review.reviewer == "alice"
    fake_dialogs.item_answer, fake_dialogs.text_answer = "bob", "holiday"
    notes.clear()
    assert window.reassign_case()
    assert [(n.what, n.case_ids) for n in notes] == [("reassign", frozenset([case_id]))]
    assert panel.review.reviewer == "bob" and panel.review_labels["reviewer"].text() == "bob"
    assert_views_follow(window, case_id)


def test_merging_packages_refreshes_the_case_on_screen(qtbot, reviewed, tmp_path, window_factory,  # noqa: F811
                                                       monkeypatch, fake_dialogs):
    template, files, _expected = reviewed
    shutil.copyfile(template, tmp_path / "w.sqlite3")
    window = window_factory()
    seen: list[Changes] = []
    window.data_changed.connect(seen.append)
    case_id, review_id = window.db.execute(
        "SELECT r.case_id, r.id FROM reviews r WHERE r.reviewer = 'Alice' AND r.status = 'open' LIMIT 1").fetchone()
    window.select_case(case_id)
    assert window.panel.review_id == review_id and window.panel.review_labels["status"].text() == "Open"
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(files["Alice"])])
    window.packages.merge_packages()
    finish(qtbot, window)
    assert seen == []                                              # a preview changes nothing
    window.packages.dialog.merge_button.click()
    finish(qtbot, window)
    assert [n.what for n in seen] == ["merge"]
    merged = reviews.get_review(window.db, review_id)
    assert merged.status == "completed"
    assert window.panel.review == merged and window.panel.review_labels["status"].text() == "Completed"
    assert queue_status(window, case_id) == "Completed"
    assert_views_follow(window, case_id)


def test_demo_load_import_removal_and_a_checklist_saved_notify_once(window_factory, qtbot, fake_dialogs):
    window = window_factory()
    seen: list[Changes] = []
    window.data_changed.connect(seen.append)
    fake_dialogs.confirm_answer = True
    window.offer_demo()                                            # loads the bundled demo cases
    assert fake_dialogs.confirm_defaults == [True]                 # loading samples into an empty workspace
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert [(n.what, n.cases) for n in seen] == [("import", True)]
    assert window.model.rowCount() == 300 and window.panel.case_id is not None
    assert "300 cases" in window.status_area.counts_label.text()

    seen.clear()
    case_id = window.panel.case_id
    assert window.panel.review_id is None and window.panel.checklist.template_id != "twelve"
    editor = window.edit_checklists()
    row_id = checklist_store.store(window.db, checklist_parsing.parse_template(twelve_item_template()))
    editor.saved.emit(row_id)                                      # what the editor does once stored
    assert [(n.what, n.checklists) for n in seen] == [("checklist", True)]
    # a case not reviewed yet shows the checklist its review would now use
    assert window.panel.case_id == case_id and window.panel.checklist.template_id == "twelve"
    editor.close()

    seen.clear()
    window.show_imports()
    dialog = window.imports_dialog
    dialog.table.selectRow(0)
    task = dialog.remove_selected()
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert [(n.what, n.cases) for n in seen] == [("remove_import", True)]
    assert window.model.rowCount() == 0 and window.panel.case_id is None
    assert window.panel.review_labels["status"].text() == ""
