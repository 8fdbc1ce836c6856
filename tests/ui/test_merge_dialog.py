"""Work packages in the window: export dialog, opening a package, merge preview and conflicts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.connection import open_database
from tests.workbench.test_merge import conflicting, reviewed  # noqa: F401  (fixtures)
from tests.workbench.test_packages import (REVIEWERS, ROUND, copy_master, dump, export, figures,  # noqa: F401
                                           master_template)
from ui import dialogs
from ui.merge_dialog import ConflictDialog, MergeDialog
from ui.package_dialogs import ExportPackagesDialog
from workbench.review import reviews
from foundation.instance_lock import WorkspaceLock
from workbench.review.integrity import check_workspace

SHOTS = Path("/tmp/shots")


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def finish(qtbot, window):
    """Wait for the window's running background task to deliver its result."""
    task = window.tasks.tasks[-1]
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass


@pytest.fixture
def manager_window(master_template, tmp_path, window_factory):  # noqa: F811
    copy_master(master_template, tmp_path, "w.sqlite3")
    return window_factory()


def test_the_menus_offer_the_package_actions(manager_window):
    menus = {m.title(): [a.text() for a in m.actions()] for m in
             (a.menu() for a in manager_window.menuBar().actions()) if m is not None}
    assert "Open pac&kage..." in menus["&File"] and "&Merge packages..." in menus["&File"]
    assert "Export &work packages..." in menus["R&ounds"]


def test_export_writes_one_package_per_ticked_reviewer(qtbot, manager_window, tmp_path, monkeypatch, fake_dialogs):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(out))
    dialog = manager_window.packages.export_packages()
    assert isinstance(dialog, ExportPackagesDialog)
    assert [dialog.reviewers.topLevelItem(i).text(0) for i in range(3)] == list(REVIEWERS)
    assert dialog.reviewers.topLevelItem(0).text(1) == "6"
    dialog.folder_edit.clear()
    assert not dialog.export_button.isEnabled()
    dialog.choose_folder()
    dialog.reviewers.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.export_button.isEnabled()
    shoot(dialog, "export_packages")
    dialog.export_button.click()
    finish(qtbot, manager_window)
    assert sorted(p.name for p in out.iterdir()) == [f"{ROUND} - Alice.qrpkg", f"{ROUND} - Bob.qrpkg"]
    assert fake_dialogs.infos and "Alice: 6 cases" in fake_dialogs.infos[-1][1]


def test_opening_a_package_gives_a_window_on_the_reviewers_cases(qtbot, manager_window, tmp_path, fake_dialogs):
    files = export(manager_window.db_path, tmp_path, ["Bob"])
    fake_dialogs.open_path = str(files["Bob"])
    other = manager_window.packages.open_package()
    assert other is not manager_window and other.reviewer == "Bob"     # works under the package's reviewer
    assert other.model.rowCount() == 6 and other.db_path == files["Bob"] and not other.read_only
    assert not other.packages.merge_action.isEnabled() and not other.packages.export_action.isEnabled()
    # cases and rounds come from the manager's workspace, not from the reviewer's package
    assert not other.import_action.isEnabled() and not other.new_round_action.isEnabled()
    assert other.complete_action.isEnabled()
    assert other.panel.reviewer == "Bob"
    assert WorkspaceLock(files["Bob"]).acquire() is not None           # the new window holds the package
    other.close()
    qtbot.waitUntil(lambda: not manager_window.packages.windows, timeout=5000)   # deleted on close
    lock = WorkspaceLock(files["Bob"])
    assert lock.acquire() is None                                        # and the package released
    lock.release()
    broken = tmp_path / "broken.qrpkg"
    broken.write_bytes(files["Bob"].read_bytes()[:10000])
    fake_dialogs.open_path = str(broken)
    assert manager_window.packages.open_package() is None
    assert fake_dialogs.errors[-1][0] == "Cannot open the package" and "truncated" in fake_dialogs.errors[-1][1]


def test_merge_shows_a_preview_then_merges(qtbot, reviewed, tmp_path, window_factory, monkeypatch,  # noqa: F811
                                           fake_dialogs):
    template, files, expected = reviewed
    shutil.copyfile(template, tmp_path / "w.sqlite3")
    window = window_factory()
    broken = tmp_path / "cut.qrpkg"
    broken.write_bytes(files["Carol"].read_bytes()[:20480])
    paths = [str(files["Alice"]), str(files["Bob"]), str(broken)]
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: paths)
    before = dump(window.db_path)
    window.packages.merge_packages()
    finish(qtbot, window)
    dialog = window.packages.dialog
    assert isinstance(dialog, MergeDialog) and dump(window.db_path) == before     # a preview changes nothing
    tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [t.text(1) for t in tops] == ["Will be merged", "Will be merged", "Refused"]
    assert tops[0].childCount() == 6 and tops[0].child(0).text(1) == "Updated from the package"
    assert "cut.qrpkg is truncated" in tops[2].child(0).text(0)
    assert dialog.merge_button.isEnabled() and not dialog.resolve_button.isVisible()
    dialog.resize(1100, 560)
    shoot(dialog, "merge_preview")
    dialog.merge_button.click()
    finish(qtbot, window)
    assert fake_dialogs.errors and "cut.qrpkg is truncated" in fake_dialogs.errors[-1][1]
    assert "Alice.qrpkg: 0 added, 6 updated" in fake_dialogs.errors[-1][1]
    db = open_database(window.db_path)
    done = figures(db)
    assert done["status"]["completed"] == 6 + 3 and check_workspace(db) == []


def test_conflicts_are_shown_side_by_side_and_chosen_per_item(qtbot, conflicting, window_factory,  # noqa: F811
                                                              monkeypatch, fake_dialogs):
    master, path, _, _, item_id, review_id = conflicting
    window = window_factory(db_name=master.name)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(path)])
    window.packages.merge_packages()
    finish(qtbot, window)
    dialog = window.packages.dialog
    assert dialog.report.files[0].outcome == "conflicts"
    assert not dialog.merge_button.isEnabled() and "2 conflicts to decide" in dialog.conflicts_label.text()
    conflicts = dialog.resolve_conflicts()
    assert isinstance(conflicts, ConflictDialog) and conflicts.table.rowCount() == 2
    rows = {conflicts.rows[r][3].part: r for r in range(2)}
    item_row = rows[item_id]
    here, there = conflicts.table.item(item_row, 3).text(), conflicts.table.item(item_row, 4).text()
    assert here.startswith("Fail · ") and "manager's correction" in here and there.startswith("Pass")
    assert conflicts.table.item(item_row, 2).text() == "(not answered)"
    ok = conflicts.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    conflicts.choose(item_row, "master")
    assert not ok.isEnabled() and conflicts.table.item(item_row, 3).font().bold()
    conflicts.choose(1 - item_row, "package")
    assert ok.isEnabled()
    conflicts.resize(1200, 300)
    shoot(conflicts, "merge_conflicts")
    ok.click()
    assert dialog.undecided() == 0 and dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    finish(qtbot, window)
    assert fake_dialogs.infos and not fake_dialogs.errors
    db = open_database(master)
    assert reviews.get_answers(db, review_id)[item_id].comment == "manager's correction"
    assert reviews.get_review(db, review_id).status == "completed"
    assert check_workspace(db) == []


def test_take_all_from_the_packages(qtbot, conflicting, window_factory, monkeypatch, fake_dialogs):  # noqa: F811
    master, path, _, _, item_id, review_id = conflicting
    window = window_factory(db_name=master.name)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(path)])
    window.packages.merge_packages()
    finish(qtbot, window)
    conflicts = window.packages.dialog.resolve_conflicts()
    conflicts.all_package.click()
    conflicts.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window.packages.dialog.merge_button.click()
    finish(qtbot, window)
    db = open_database(master)
    assert reviews.get_answers(db, review_id)[item_id].outcome == "pass"
