"""Two instances on one workspace: the second is told who holds it and may look read-only."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.connection import open_database
from workbench.review import checklist_store
from workbench.review import reviews
from foundation.instance_lock import LockHolder, WorkspaceLock, current_holder


@pytest.fixture
def reviewed_workspace(tmp_path):
    """A workspace with one case whose review has a failing answer with a comment."""
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    db.execute("INSERT INTO cases (application_number, ip_type, title, applicant) VALUES"
               " ('CN202210123456.1', 'invention', '一种图像识别方法', '甲公司')")
    db.conn.commit()
    checklist_store.install_builtins(db)
    case_id = db.execute("SELECT id FROM cases").fetchone()[0]
    opened = reviews.open_review(db, case_id, reviewer="alice")
    checklist = checklist_store.load_stored(db, opened.checklist_id)
    first = checklist.items[0]
    reviews.set_answer(db, opened.id, first.id, first.option_for_outcome("fail").code, actor="alice",
                      severity=first.severities[0], category=first.categories[0], comment="检索不充分",
                      checklist=checklist)
    db.close()
    return path


def counts(path):
    db = open_database(path, read_only=True)
    try:
        return tuple(db.execute(f"SELECT COUNT(*), TOTAL(LENGTH({column})) FROM {table}").fetchone()
                     for table, column in (("answers", "answer || comment"), ("audit_log", "hash"),
                                           ("reviews", "status || active_seconds")))
    finally:
        db.close()


class Choices:
    """Stands in for dialogs.choose: records the question, answers from a script."""

    def __init__(self, *answers, before=None):
        self.answers = list(answers)
        self.asked: list[tuple[str, str, list[str]]] = []
        self.before = before

    def __call__(self, parent, title, text, choices, **_):
        self.asked.append((title, text, list(choices)))
        if self.before:
            self.before()
        return self.answers.pop(0)


def test_a_free_workspace_is_locked_for_this_instance(tmp_path, monkeypatch):
    from ui import dialogs, workspace
    monkeypatch.setattr(dialogs, "choose", Choices())      # would fail if asked
    lock, read_only = workspace.claim_workspace(tmp_path / "w.sqlite3")
    assert lock is not None and lock.held and read_only is False
    assert WorkspaceLock(tmp_path / "w.sqlite3").acquire() is not None
    lock.release()


@pytest.mark.parametrize("answer, expected", [(0, (None, True)), (2, None), (None, None)])
def test_the_second_instance_is_told_who_holds_it(tmp_path, monkeypatch, qapp, answer, expected):
    from ui import dialogs, workspace
    with WorkspaceLock(tmp_path / "w.sqlite3") as first:
        assert first.acquire() is None
        choices = Choices(answer)
        monkeypatch.setattr(dialogs, "choose", choices)
        assert workspace.claim_workspace(tmp_path / "w.sqlite3") == expected
    [(title, text, buttons)] = choices.asked
    me = current_holder()
    assert title == "Workspace in use"
    assert str(tmp_path / "w.sqlite3") in text and me.user in text and me.host in text and str(me.pid) in text
    assert buttons == ["Open read-only", "Try again", "Quit"]


def test_try_again_takes_the_lock_once_the_other_window_closed(tmp_path, monkeypatch, qapp):
    from ui import dialogs, workspace
    first = WorkspaceLock(tmp_path / "w.sqlite3")
    assert first.acquire() is None
    choices = Choices(1, before=first.release)   # the other window closes while the question is up
    monkeypatch.setattr(dialogs, "choose", choices)
    lock, read_only = workspace.claim_workspace(tmp_path / "w.sqlite3")
    assert lock.held and read_only is False and len(choices.asked) == 1
    lock.release()


def test_an_unknown_holder_is_still_named_as_another_window(qapp, tmp_path):
    from ui.workspace import in_use_text
    assert "another window" in in_use_text(tmp_path / "w.sqlite3", LockHolder())


def test_read_only_window_shows_the_review_and_changes_nothing(reviewed_workspace, qtbot, monkeypatch, clock):
    from ui import dialogs
    from ui.main_window import MainWindow
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda *args, **kw: errors.append(args))
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: pytest.fail("a read-only window offers nothing"))
    before = counts(reviewed_workspace)
    window = MainWindow(reviewed_workspace, "bob", "en", read_only=True, clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.offer_demo()
    assert "(read-only)" in window.windowTitle()
    assert window.status_area.read_only_label.isVisible()
    assert not window.import_action.isEnabled() and not window.complete_action.isEnabled()
    assert window.export_action.isEnabled() and window.next_action.isEnabled()

    window.select_first()
    panel = window.panel
    [(item_id, given)] = panel.answers.items()
    row = next(r for r in panel._rows() if r.data(0, Qt.ItemDataRole.UserRole) == item_id)
    panel.view.setCurrentItem(row)
    assert given.outcome == "fail" and row.text(1)
    assert panel.comment.toPlainText() == "检索不充分"
    assert panel.comment.isReadOnly() and not panel.complete_button.isEnabled()
    assert not panel.severity_combo.isEnabled() and not panel.category_combo.isEnabled()
    panel.view.setFocus()
    for key in (Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_N, Qt.Key.Key_2, Qt.Key.Key_Delete):
        qtbot.keyClick(panel.view, key)
    panel.set_severity("minor")
    panel.complete()
    panel.timer.touch()
    clock.advance(60)                   # a minute at the read-only window: nothing is stored
    qtbot.wait(20)
    window.close()
    assert errors == []
    assert counts(reviewed_workspace) == before


def test_read_only_window_exports(reviewed_workspace, qtbot, monkeypatch, tmp_path, clock):
    from ui import dialogs
    from ui.main_window import MainWindow
    monkeypatch.setattr(dialogs, "save_file", lambda *args, **kwargs: str(tmp_path / "out.xlsx"))
    monkeypatch.setattr(dialogs, "confirm_export", lambda parent, choices, rounds, sheets: choices)
    window = MainWindow(reviewed_workspace, "bob", "en", read_only=True, clock=clock)
    qtbot.addWidget(window)
    task = window.export_workbook()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    window.tasks.shutdown()
    assert (tmp_path / "out.xlsx").stat().st_size > 0


def test_run_opens_read_only_when_the_user_chooses_it(reviewed_workspace, monkeypatch, qapp, tmp_path):
    """The whole start-up: lock refused, the question, a read-only window, the lock left alone."""
    from ui import app, dialogs, main_window
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    opened = []

    class Recorder(main_window.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(main_window, "MainWindow", Recorder)
    monkeypatch.setattr(dialogs, "choose", Choices(0))
    monkeypatch.setattr(dialogs, "error", lambda *args: pytest.fail(f"error shown: {args[1:]}"))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0, raising=False)
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(app, "install_translations", lambda *args: None)
    monkeypatch.setattr("sys.excepthook", app._excepthook)
    with WorkspaceLock(reviewed_workspace) as first:
        assert first.acquire() is None
        assert app.run(db=str(reviewed_workspace), language="en") == 0
        assert first.held
    QApplication.processEvents()        # what exec() would have run first: offer_demo, select_first
    [window] = opened
    assert window.read_only and "(read-only)" in window.windowTitle()
    assert window.panel.case_id is not None
    window.close()
    window.deleteLater()


def test_run_releases_its_lock_on_exit(reviewed_workspace, monkeypatch, qapp, tmp_path):
    from ui import app, dialogs, main_window
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    opened = []
    monkeypatch.setattr(main_window, "MainWindow",
                        type("Recorder", (main_window.MainWindow,), {
                            "showEvent": lambda self, event: opened.append(self)}))
    monkeypatch.setattr(dialogs, "choose", Choices())
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: False)
    monkeypatch.setattr(dialogs, "error", lambda *args: pytest.fail(f"error shown: {args[1:]}"))
    from ui import reviewer_dialog          # the reviewer's name, asked once per workspace: cancelled
    monkeypatch.setattr(reviewer_dialog, "run_dialog", lambda dialog: False)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0, raising=False)
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(app, "install_translations", lambda *args: None)
    monkeypatch.setattr("sys.excepthook", app._excepthook)
    assert app.run(db=str(reviewed_workspace), language="en") == 0
    QApplication.processEvents()
    [window] = opened
    assert not window.read_only
    other = WorkspaceLock(reviewed_workspace)
    assert other.acquire() is None        # released when run() returned
    other.release()
    window.close()
    window.deleteLater()
