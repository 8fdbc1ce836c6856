"""Workspaces and the reviewer in the window: File > New workspace..., Open workspace...,
Recent workspaces, Change reviewer...; the reviewer in the status bar (click to change) and
the window title ("2024 评查 — 王伟").

Another workspace, or the same one under another reviewer's name, gets a new window built by
ui/workspace_windows.open_window (the steps of start-up: lock, name, schema upgrade, integrity
check); this window closes once it is shown. A background task (import, export...) must end
first: the user cancels it or keeps working. Answers are stored as they are given, so nothing
else needs asking.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from ui import dialogs, workspace_windows
from ui.reviewer_dialog import ask_reviewer
from ui.workspace import reviewer_name
from workbench.packages.workpackage import package_reviewer


class WorkspaceActions(QObject):
    """The window's workspace and reviewer actions; `window` is the main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.fixed_name = bool(package_reviewer(window.db))     # a work package's reviewer is its own
        self.new_action = QAction(self.tr("&New workspace..."), window)
        self.new_action.triggered.connect(lambda: self.new_workspace())
        self.open_action = QAction(self.tr("Open &workspace..."), window)
        self.open_action.triggered.connect(lambda: self.open_workspace())
        self.recent_menu = QMenu(self.tr("&Recent workspaces"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.reviewer_action = QAction(self.tr("Change re&viewer..."), window)
        self.reviewer_action.triggered.connect(lambda: self.change_reviewer())
        self.reviewer_button = QToolButton()
        self.reviewer_button.setAutoRaise(True)
        self.reviewer_button.setObjectName("reviewer-button")
        self.reviewer_button.clicked.connect(lambda: self.change_reviewer())
        window.statusBar().addPermanentWidget(self.reviewer_button)
        if window.read_only or self.fixed_name:
            why = (self.tr("A work package is reviewed under the name of the reviewer it was made for.")
                   if self.fixed_name else self.tr("A read-only window records nothing, not even a name."))
            for widget in (self.reviewer_action, self.reviewer_button):
                widget.setEnabled(False)
                widget.setToolTip(why)
        self.fill_recent()
        self.show_reviewer()

    def show_reviewer(self) -> None:
        w = self.window
        self.reviewer_button.setText(self.tr("Reviewer: %1").replace("%1", w.reviewer))
        if self.reviewer_button.isEnabled():
            self.reviewer_button.setToolTip(self.tr("Reviewing as %1 (computer login %2). Click to change.")
                                            .replace("%1", w.reviewer).replace("%2", reviewer_name()))
        name = Path(w.db_path).stem
        if w.read_only:
            name = self.tr("%1 (read-only)").replace("%1", name)
        # Qt appends the application's display name ("— Quality Review Workbench") itself.
        w.setWindowTitle(self.tr("%1 — %2").replace("%1", name).replace("%2", w.reviewer))

    # -- the recent list -------------------------------------------------------------------------
    def fill_recent(self) -> None:
        """Up to 8 workspaces, newest first; a missing file is shown, disabled."""
        menu = self.recent_menu
        menu.clear()
        paths = workspace_windows.recent_paths()
        for number, text in enumerate(paths, start=1):
            path = Path(text)
            label = "&%d %s — %s" % (number, path.stem, path.parent)
            action = menu.addAction(label if path.exists() else self.tr("%1 (missing)").replace("%1", label))
            action.setData(text)
            action.setToolTip(text)
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            menu.addAction(self.tr("No workspaces opened yet")).setEnabled(False)
            return
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear the list"))
        clear.triggered.connect(lambda: workspace_windows.set_recent([]))

    # -- opening ---------------------------------------------------------------------------------
    def new_workspace(self) -> Any:
        path = dialogs.save_file(self.window, self.tr("New workspace"), self.tr("Workspaces (*.sqlite3)"),
                                 str(Path(self.window.db_path).parent / (self.tr("workspace") + ".sqlite3")))
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path + ".sqlite3")
        if target.exists():
            dialogs.error(self.window, self.tr("New workspace"),
                          self.tr("%1 exists already. Open it with File > Open workspace, or choose another "
                                  "name.").replace("%1", str(target)))
            return None
        return self.open_path(target)

    def open_workspace(self) -> Any:
        filters = self.tr("Workspaces (*.sqlite3 *.db);;Work packages (*.qrpkg);;All files (*)")
        path = dialogs.open_file(self.window, self.tr("Open workspace"), filters)
        return self.open_path(Path(path)) if path else None

    def open_path(self, path: Path) -> Any:
        """A window on the workspace at `path`, replacing this one; None if it did not open."""
        w = self.window
        if Path(path).resolve() == Path(w.db_path).resolve():
            w.statusBar().showMessage(self.tr("%1 is open in this window.").replace("%1", str(path)), 8000)
            return w
        if Path(path).suffix.lower() == ".qrpkg":          # checked, and opened in a window of its own
            return w.packages.open_package(str(path))
        other = workspace_windows.window_on(path)
        if other is not None:
            other.raise_()
            other.activateWindow()
            return other
        if not self._tasks_ended():
            return None
        w.panel.flush()
        new = workspace_windows.open_window(type(w), path, w.language, parent=w, geometry=w.saveGeometry())
        if new is not None:
            w.close()
        return new

    # -- the reviewer ----------------------------------------------------------------------------
    def change_reviewer(self) -> Any:
        """Ask for the name (audited with the old name and the login); the window is built again
        under it, on the same case, so every part of it works under the new name."""
        w = self.window
        if w.read_only or self.fixed_name or not self._tasks_ended():
            return None
        w.panel.flush()        # the time so far was spent under the old name
        name = ask_reviewer(w, w.db, login=reviewer_name(), current=w.reviewer,
                            workspace_name=Path(w.db_path).stem, first_time=False)
        if not name or name == w.reviewer:
            return None
        case_id, lock = w.panel.case_id, workspace_windows.hand_over_lock(w)
        new = workspace_windows.open_window(type(w), Path(w.db_path), w.language, parent=w, claim=(lock, False),
                                            reviewer=name, geometry=w.saveGeometry())
        if new is None:
            workspace_windows.give_back_lock(w, lock)
            return None
        if case_id is not None:
            QTimer.singleShot(0, lambda: new.select_case(case_id))
        new.statusBar().showMessage(self.tr("You now review as %1; the change is kept in the audit log.")
                                    .replace("%1", name), 15000)
        w.close()
        return new

    def _tasks_ended(self) -> bool:
        """No background task may outlive its window: cancel it, or stay."""
        tasks = self.window.tasks
        if not tasks.tasks:
            return True
        choice = dialogs.choose(self.window, self.tr("A task is still running"),
                                self.tr("An import, export or other task is still running in this window. "
                                        "Cancel it first, or keep working and try again when it is done."),
                                [self.tr("Cancel the task"), self.tr("Keep working")], default=1, escape=1)
        if choice != 0:
            return False
        tasks.shutdown()
        return True
