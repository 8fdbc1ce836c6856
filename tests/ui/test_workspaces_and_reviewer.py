"""Workspaces in the window and who the reviewer is (issue 19): File > New/Open/Recent workspaces
give a window on the chosen workspace (its lock respected), the reviewer's name is asked once
per workspace, shown in the status bar and title, changed with an audit entry, and a rename
never bypasses the take-over question."""
from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from db.connection import open_database
from foundation.instance_lock import WorkspaceLock
from ui import reviewer_dialog, workspace_actions, workspace_windows
from workbench.review import checklist_store, reviewer_names, reviews

LOGIN = "wwang"


def open_window(path, language, **kw):
    from ui.main_window import MainWindow
    return workspace_windows.open_window(MainWindow, path, language, **kw)


class NameDialogs:
    """Stands in for showing the reviewer dialog: types each scripted name and presses OK."""

    def __init__(self, *names: str) -> None:
        self.names = list(names)
        self.shown: list[reviewer_dialog.ReviewerDialog] = []

    def __call__(self, dialog: reviewer_dialog.ReviewerDialog) -> bool:
        self.shown.append(dialog)
        dialog.names.setEditText(self.names.pop(0))
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def names(monkeypatch, fake_dialogs, tmp_path):
    """The login is wwang; every window opened by the test is closed at its end."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    for module in (workspace_windows, workspace_actions):
        monkeypatch.setattr(module, "reviewer_name", lambda: LOGIN)
    fake = NameDialogs()
    monkeypatch.setattr(reviewer_dialog, "run_dialog", fake)
    yield fake
    for window, _lock in list(workspace_windows._windows.values()):
        window.tasks.shutdown()
        window.close()
    QApplication.sendPostedEvents(None, 0)      # deleted on close: the locks go with them
    workspace_windows.release_all()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One case and the built-in checklists, made once (installing them is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "w.sqlite3"
    db = open_database(path)
    checklist_store.install_builtins(db)
    db.execute("INSERT INTO cases (application_number, ip_type, title) VALUES ('CN1', 'invention', '一种方法')")
    db.conn.commit()
    db.close()
    return path


@pytest.fixture
def make_workspace(template):
    def make(path, *, review_by: str | None = None):
        """A copy of the template; optionally with a review begun by `review_by`."""
        shutil.copy(template, path)
        if review_by:
            db = open_database(path)
            review = reviews.open_review(db, 1, reviewer=review_by)
            checklist = checklist_store.load_stored(db, review.checklist_id)
            item = checklist.items[0]
            reviews.set_answer(db, review.id, item.id, item.option_for_outcome("pass").code, actor=review_by,
                               checklist=checklist)
            db.close()
        return path
    return make


def test_the_recent_list_keeps_the_newest_first_once_and_at_most_eight(names, tmp_path):
    paths = [str(tmp_path / f"w{i}.sqlite3") for i in range(10)]
    for path in paths:
        workspace_windows.remember(tmp_path / f"w{path[-9]}.sqlite3")
    workspace_windows.remember(tmp_path / "w5.sqlite3")
    kept = workspace_windows.recent_paths()
    assert len(kept) == 8 and kept[0].endswith("w5.sqlite3") and kept.count(kept[0]) == 1
    assert kept[1].endswith("w9.sqlite3") and not any(p.endswith(("w0.sqlite3", "w1.sqlite3")) for p in kept)


def test_opening_a_workspace_from_the_menu_gives_a_window_on_it(names, make_workspace, tmp_path, fake_dialogs):
    names.names = ["王伟"]
    first = open_window(make_workspace(tmp_path / "a.sqlite3"), "en")
    other = make_workspace(tmp_path / "2024 评查.sqlite3")
    names.names = ["王伟"]
    assert first.reviewer == "王伟" and len(names.shown) == 1      # asked on the first opening
    fake_dialogs.open_path = str(other)
    second = first.workspaces.open_action.trigger() or workspace_windows.window_on(other)
    assert second is not None and second is not first and second.db_path == other
    assert len(names.shown) == 2                                  # a new workspace: asked there too
    assert not first.isVisible() and second.isVisible()
    assert second.windowTitle().startswith("2024 评查 — 王伟")
    assert second.workspaces.reviewer_button.text() == "Reviewer: 王伟"
    assert WorkspaceLock(other).acquire() is not None              # the new window holds its lock
    recent = workspace_windows.recent_paths()
    assert recent[0] == str(other.resolve()) and recent[1] == str((tmp_path / "a.sqlite3").resolve())
    second.workspaces.fill_recent()
    labels = [a.text() for a in second.workspaces.recent_menu.actions() if a.text()]
    assert labels[0].startswith("&1 2024 评查") and labels[-1] == "Clear the list"
    (tmp_path / "a.sqlite3").unlink()                              # a recent workspace gone: shown, disabled
    second.workspaces.fill_recent()
    gone = second.workspaces.recent_menu.actions()[1]
    assert gone.text().endswith("(missing)") and not gone.isEnabled()


def test_a_workspace_held_by_another_window_opens_read_only_and_asks_no_name(names, make_workspace, tmp_path,
                                                                            monkeypatch):
    from ui import dialogs
    first = open_window(make_workspace(tmp_path / "a.sqlite3"), "en", reviewer="王伟")
    other = make_workspace(tmp_path / "b.sqlite3")
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, choices, **k: asked.append(title) or 0)
    with WorkspaceLock(other) as elsewhere:
        assert elsewhere.acquire() is None
        second = first.workspaces.open_path(other)
        assert asked == ["Workspace in use"] and second.read_only
        assert "(read-only)" in second.windowTitle() and not second.workspaces.reviewer_action.isEnabled()
        assert names.shown == []                                   # nothing is recorded, nothing asked


def test_a_running_task_ends_before_another_workspace_opens(names, make_workspace, tmp_path, monkeypatch):
    from ui import dialogs
    first = open_window(make_workspace(tmp_path / "a.sqlite3"), "en", reviewer="王伟")
    other = make_workspace(tmp_path / "b.sqlite3")
    class Running:
        cancelled = False

        def cancel(self):
            self.cancelled = True
    running = Running()
    first.tasks.tasks.append(running)
    answers = [1, 0]                                               # Keep working, then Cancel the task
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: answers.pop(0))
    assert first.workspaces.open_path(other) is None and first.isVisible() and not running.cancelled
    assert workspace_windows.window_on(other) is None
    names.names = ["王伟"]
    second = first.workspaces.open_path(other)
    assert running.cancelled and second is not None and not first.isVisible()


def test_the_name_is_asked_once_per_workspace_then_remembered(names, make_workspace, tmp_path):
    path = make_workspace(tmp_path / "a.sqlite3")
    names.names = ["王伟"]
    window = open_window(path, "en")
    dialog = names.shown[0]
    assert dialog.windowTitle() == "Who is reviewing?" and LOGIN in dialog.note.text()
    assert dialog.names.currentText() == "王伟"
    assert window.reviewer == "王伟" and window.panel.reviewer == "王伟"
    window.close()
    QApplication.sendPostedEvents(None, 0)
    again = open_window(path, "en")
    assert again.reviewer == "王伟" and len(names.shown) == 1
    assert again.workspaces.reviewer_button.text() == "Reviewer: 王伟"


def test_changing_the_reviewer_is_audited_with_both_names_and_the_login(names, make_workspace, tmp_path):
    window = open_window(make_workspace(tmp_path / "a.sqlite3"), "en", reviewer="王伟")
    reviewer_names.choose(window.db, "王伟", login=LOGIN)
    names.names = ["王伟（质检）"]
    window.workspaces.reviewer_button.click()
    renamed = workspace_windows.window_on(tmp_path / "a.sqlite3")
    assert renamed is not window and renamed.reviewer == "王伟（质检）" and renamed.panel.reviewer == "王伟（质检）"
    assert renamed.workspaces.reviewer_button.text() == "Reviewer: 王伟（质检）"
    assert WorkspaceLock(tmp_path / "a.sqlite3").acquire() is not None    # the lock went to the new window
    old, new, actor = renamed.db.execute("SELECT old_value, new_value, actor FROM audit_log WHERE entity ="
                                         " 'reviewer' ORDER BY id DESC LIMIT 1").fetchone()
    assert (json.loads(old), json.loads(new), actor) == (
        {"name": "王伟"}, {"name": "王伟（质检）", "login": LOGIN}, "王伟（质检）")


def test_renaming_to_the_owner_of_a_begun_review_is_refused_and_the_take_over_still_asked(
        names, make_workspace, tmp_path, fake_dialogs, qtbot):
    path = make_workspace(tmp_path / "a.sqlite3", review_by="李娜")
    window = open_window(path, "en", reviewer="王伟")
    names.names = ["李娜"]
    assert window.workspaces.change_reviewer() is None
    refused = names.shown[0]
    assert refused.problem.isVisibleTo(refused) and "take it over" in refused.problem.text()
    assert workspace_windows.window_on(path) is window and window.reviewer == "王伟"
    qtbot.waitUntil(lambda: window.panel.case_id is not None, timeout=5000)
    panel = window.panel
    assert panel.review is not None and panel.review.reviewer == "李娜"
    pending = next(r for r in panel._visible_rows() if r.data(0, 256) not in panel.answers)
    panel.view.setCurrentItem(pending)
    panel.answer_current("pass")
    assert len(fake_dialogs.confirms) == 1 and "belongs to 李娜" in fake_dialogs.confirms[0]
    assert reviews.get_review(window.db, panel.review.id).reviewer == "李娜"      # No: still hers
