"""The main window's status bar: the case counts of the queue, the read-only note, and whether
the workspace is intact (audit chain, SQLite, answers against the log), checked in the background
on opening and again on request (Review > Verify workspace integrity)."""
from __future__ import annotations

import logging
from pathlib import Path
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from ui import dialogs
from ui.case_model import CaseTableModel, value_label
from ui.workspace_check import WorkspaceCheck

log = logging.getLogger("workbench.ui")


class StatusArea(QObject):
    """The permanent notes of the window's status bar and the integrity check behind one of them."""

    def __init__(self, window: QMainWindow, db_path: Path, model: CaseTableModel, *, read_only: bool) -> None:
        super().__init__(window)
        self.window, self.db_path, self.model = window, db_path, model
        self.counts_label = QLabel()
        window.statusBar().addPermanentWidget(self.counts_label)
        if read_only:
            self.read_only_label = QLabel(self.tr("Read-only: another window is using this workspace"))
            window.statusBar().addPermanentWidget(self.read_only_label)
        self.integrity_label: QLabel | None = None     # shown once the first check is done
        self.workspace_check = WorkspaceCheck(window)
        self.workspace_check.finished.connect(self._checked)
        self._report_check = False

    def update_counts(self) -> None:
        counts, shown = self.model.counts, self.model.rowCount()
        if not self.model.complete:             # a big queue's first page, the rest on its way
            self.counts_label.setText(self.tr("Reading the queue..."))
            return
        if self.model.case_filter.active:
            parts = [self.tr("%1 of %2 cases shown").replace("%1", f"{shown:,}").replace("%2", f"{self.model.total:,}")]
        else:
            parts = [self.tr("1 case") if shown == 1 else self.tr("%1 cases").replace("%1", f"{shown:,}")]
        for status in ("not_reviewed", "in_progress", "completed", "signed_off"):
            if counts.get(status):
                parts.append(f"{value_label('status', status)} {counts[status]:,}")
        self.counts_label.setText(" · ".join(parts))

    # -- workspace integrity -----------------------------------------------------------------
    def start_check(self) -> None:
        """Check in the background so a big workspace opens at once; a warning lists anything broken."""
        self.workspace_check.start(self.db_path)

    def checking(self) -> bool:
        return self.workspace_check.running

    def verify(self) -> None:
        """Check again now and say the result either way."""
        self._report_check = True
        self.window.statusBar().showMessage(self.tr("Checking the workspace..."))
        self.workspace_check.start(self.db_path)

    def stop(self) -> None:
        self.workspace_check.stop()

    def _checked(self, problems: list) -> None:
        report, self._report_check = self._report_check, False
        if self.integrity_label is None:     # a permanent note: messages of other work stay readable
            self.integrity_label = QLabel()
            self.window.statusBar().insertPermanentWidget(0, self.integrity_label)
        if problems:
            self._show_broken(self.integrity_label, problems)
        else:
            self._show_intact(self.integrity_label, report)

    def _show_intact(self, label: QLabel, report: bool) -> None:
        label.setStyleSheet("color:#1b7a3a;")
        label.setText(self.tr("Verified intact"))
        label.setToolTip(self.tr("On opening, the audit chain, the answers and the database were "
                                 "checked and found intact."))
        if report:
            self.window.statusBar().clearMessage()
            dialogs.info(self.window, self.tr("Workspace intact"),
                         self.tr("The audit chain, the answers and the database are intact."))

    def _show_broken(self, label: QLabel, problems: list) -> None:
        log.warning("workspace %s is not intact: %s", self.db_path, problems)
        label.setStyleSheet("color:#b3261e; font-weight:bold;")
        label.setText(self.tr("Workspace NOT intact (%n problem(s))", "", len(problems)))
        label.setToolTip("\n".join(problems[:30]))
        shown = problems[:30]
        more = len(problems) - len(shown)
        text = self.tr("This workspace was changed outside the application, or is damaged. The audit trail "
                       "can no longer be trusted for what is listed below. Keep a copy of the file and tell "
                       "your quality manager or IT.") + "\n\n" + "\n".join(f"• {p}" for p in shown)
        if more:
            text += "\n" + self.tr("... and %n more (see the log file, or run: main.py verify)", "", more)
        dialogs.error(self.window, self.tr("The workspace is not intact"), text, "\n".join(problems))
