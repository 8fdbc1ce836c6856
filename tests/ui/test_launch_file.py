"""Started on a file (`quality-review-workbench FILE.qrpkg`, a double-click in the file manager):
the window comes up and offers the package's flow. ui.app.run is driven up to its event loop."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from tests.workbench.test_packages import copy_master, export, master_template  # noqa: F401
from ui import app as ui_app
from ui import workspace_windows
from ui.main_window import MainWindow
from ui.merge_dialog import MergeDialog

SHOTS = Path("/work/wt/deb-shots")


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch, fake_dialogs):
    """Runs ui.app.run(db, file=...) and returns the windows shown when its event loop would start."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)          # run() installs its own
    monkeypatch.setattr(workspace_windows, "reviewer_for", lambda *a, **k: "manager")
    app = QApplication.instance()
    monkeypatch.setattr(app, "setApplicationName", lambda name: None)
    monkeypatch.setattr(app, "setApplicationDisplayName", lambda name: None)
    shown: list[MainWindow] = []

    def event_loop(*_args):
        shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        for window in shown:
            qtbot.addWidget(window)
            if window.tasks.tasks:
                with qtbot.waitSignal(window.tasks.tasks[-1].ended, timeout=20000):
                    pass
        return 0
    monkeypatch.setattr(QApplication, "exec", event_loop)

    def run(db: Path | None, file: Path, language: str = "en") -> tuple[int, list[MainWindow]]:
        code = ui_app.run(db=str(db) if db else None, language=language, file=str(file))
        return code, shown
    yield run
    ui_app.install_translations(app, "en")                           # the next test's language
    for window in shown:
        if shiboken6.isValid(window.tasks.pool):    # a window deleted on close took its tasks along
            window.tasks.shutdown()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_package_started_in_its_managers_workspace_offers_the_merge_preview(started, master_template,  # noqa: F811
                                                                              tmp_path, language):
    master = copy_master(master_template, tmp_path)
    package = export(master, tmp_path, ["Bob"])["Bob"]
    code, [window] = started(master, package, language)
    assert code == 0 and window.db_path == master
    dialog = window.packages.dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    top = dialog.tree.topLevelItem(0)
    assert "Bob.qrpkg" in top.text(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.resize(900, 420)
    dialog.grab().save(str(SHOTS / f"started_on_package_merge_{language}.png"))


def test_a_reviewers_package_opens_as_the_workspace_of_the_window(started, master_template, tmp_path,  # noqa: F811
                                                                  fake_dialogs):
    master = copy_master(master_template, tmp_path)
    package = export(master, tmp_path, ["Bob"])["Bob"]
    code, [window] = started(tmp_path / "reviewer.sqlite3", package)
    assert code == 0 and window.db_path == package and window.reviewer == "Bob"
    assert "Work package for Bob" in window.statusBar().currentMessage()
    assert not (tmp_path / "reviewer.sqlite3").exists()                 # no workspace made on the way
    broken = tmp_path / "cut.qrpkg"
    broken.write_bytes(package.read_bytes()[:10000])
    code, windows = started(None, broken)
    assert code == 2 and windows == [window]                            # no new window: said in a dialog
    assert fake_dialogs.errors[-1][0] == "Cannot open the package" and "truncated" in fake_dialogs.errors[-1][1]
