"""Feedback to examiners in the window: Review > Feedback to examiners… (ui/feedback_dialog.py),
Review > Import dispute responses… and the Disputes tab (ui/disputes_view.py, Ctrl+Shift+D).

Made by the main window before its menus (as ui/package_dialogs.PackageActions), kept as
`window.feedback`. The work is `workbench.feedback` run as background tasks on their own
connections; every write ends in the window's one "what changed" notification (ui/changes.py).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from foundation.words import fill
from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui import dialogs, file_dialogs
from ui.changes import Changes
from ui.disputes_view import DisputesView
from ui.errors import report_unexpected
from ui.messages import error_text, gap
from ui.tasks import Task
from workbench.audit.chain import now_iso
from workbench.feedback.decisions import dispute_rows
from workbench.feedback.responses import ImportSummary, import_responses
from workbench.feedback.sending import SendResult

class FeedbackActions(QObject):
    def __init__(self, window: Any, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self.last_import: ImportSummary | None = None
        self.disputes = DisputesView(window.db, window.reviewer, window.language, read_only=window.read_only,
                                     today=lambda: self.today())
        self.disputes.changed.connect(window.notify)
        self.disputes.message.connect(lambda text: window.statusBar().showMessage(text, 10000))
        window.tabs.addTab(self.disputes, self.tr("Disputes"))
        self.send_action = self._action(self.tr("Feed&back to examiners..."), self.send_feedback)
        self.import_action = self._action(self.tr("Import dispute res&ponses..."), self.import_responses)
        self.view_action = self._action(self.tr("&Disputes view"), self.show_disputes, "Ctrl+Shift+D")
        # Feedback is sent and answered in the master workspace, never from a read-only window.
        self.write_actions = (self.send_action, self.import_action)

    def _action(self, text: str, slot: Callable[..., Any], *keys: str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda: slot())
        return action

    # -- the Disputes tab ----------------------------------------------------------------------
    def show_disputes(self) -> DisputesView:
        self.window.tabs.setCurrentWidget(self.disputes)
        self.disputes.focus_table()
        return self.disputes

    def shown(self) -> bool:
        return self.window.tabs.currentWidget() is self.disputes

    # -- feedback ------------------------------------------------------------------------------
    def send_feedback(self) -> Any:
        """The feedback dialog (non-modal); once written, the Disputes tab lists the findings sent."""
        from ui.feedback_dialog import FeedbackDialog
        w = self.window
        w.panel.flush()
        self.dialog = FeedbackDialog(w.db, w.db_path, w.tasks, w.reviewer, w.language, w,
                                     today=lambda: self.today())
        self.dialog.sent.connect(self._sent)
        self.dialog.open()
        return self.dialog

    def _sent(self, result: SendResult) -> None:
        self.window.notify(Changes(disputes=True, what="feedback"))
        self.window.statusBar().showMessage(
            fill(self.tr("Feedback written for %1 examiner(s) into %2; responses are due by %3."),
                 len(result.letters), str(result.outdir), result.deadline.isoformat()), 15000)

    # -- responses -----------------------------------------------------------------------------
    def import_responses(self) -> Task | None:
        paths = dialogs.open_files(self.window, self.tr("Import dispute responses"),
                                   self.tr("Response workbooks (*.xlsx);;All files (*)"),
                                   kind=file_dialogs.IMPORTS)
        return self.start_import([Path(p) for p in paths]) if paths else None

    def start_import(self, paths: list[Path]) -> Task:
        """Every file checked, then recorded in one transaction, on a worker; one message after."""
        db_path, actor = self.window.db_path, self.window.reviewer

        def job(_progress: Progress, _cancel: CancelToken) -> ImportSummary:
            db = open_database(db_path)     # each thread its own connection
            try:
                return import_responses(db, paths, actor=actor, now=now_iso())
            finally:
                db.close()

        title = self.tr("Importing %1").replace("%1", paths[0].name) if len(paths) == 1 else \
            self.tr("Importing %1 response workbooks").replace("%1", str(len(paths)))
        task = self.window.tasks.start(self.window, title, job)
        task.finished.connect(self._imported)
        task.failed.connect(self._import_failed)
        return task

    def _imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        if any(f.recorded or f.late for f in summary.files):
            self.window.notify(Changes(disputes=True, what="dispute_responses"))
        dialogs.info(self.window, self.tr("Dispute responses imported"), self.summary_text(summary))

    def summary_text(self, summary: ImportSummary) -> str:
        lines = []
        for f in summary.files:
            name = Path(f.path).name
            if f.already_imported:
                lines.append(self.tr("%1: already imported (the same file); nothing changed.").replace("%1", name))
                continue
            line = fill(self.tr("%1 (%2): %3 response(s) recorded, %4 unchanged, %5 left blank."), name,
                        f.examiner, len(f.recorded), len(f.unchanged), len(f.blank))
            if f.late:
                line += gap(line) + fill(self.tr("%1 came after the finding was decided (%2): kept, not applied."),
                                   len(f.late), ", ".join(map(str, f.late)))
            lines.append(line)
        disputed = sum(r.state == "open" for r in dispute_rows(self.window.db))
        lines += ["", fill(self.tr("%1 dispute(s) wait for a decision in the Disputes tab (Ctrl+Shift+D)."),
                           disputed)]
        return "\n".join(lines)

    def _import_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, WorkbenchError):
            report_unexpected(self.window, exc)
            return
        dialogs.error(self.window, self.tr("Responses not imported"),
                      error_text(exc) + "\n\n" + self.tr("Nothing was recorded from any of the files."))
