"""Review > Feedback to examiners: the scope (a review round, or a period of decision dates;
optionally one department or one examiner), the language of the letters and the folder they
are written into, with a preview of who gets feedback on how many findings.

The preview is `workbench.feedback.findings.count_scope`, the grouping sending uses, run without
writing. Writing runs `workbench.feedback.sending.send_feedback` as a background task on its
own connection, with progress and Cancel: all or nothing, so a Cancel or a failure records and
leaves nothing. Afterwards one message lists the files and the response deadline, with a button
that opens the folder.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import sqlite_utils
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from foundation.words import fill
from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui import dialogs, file_dialogs
from ui.errors import show_failure
from ui.messages import error_text
from ui.round_labels import ERROR_STYLE
from ui.tasks import Task, TaskRunner
from workbench.feedback.findings import FeedbackScope, ScopeCount, count_scope
from workbench.feedback.sending import SendResult, replaced_files, response_deadline, send_feedback
from workbench.report.figures import ReportFilter, list_round_names
from workbench.review import queue

PREVIEW_DELAY_MS = 300
ROUND, PERIOD = 0, 1
LISTED = 12            # examiners listed by name in the message after writing


class FeedbackDialog(QDialog):
    """Emits sent(SendResult) once the feedback is written and recorded."""

    sent = Signal(object)

    def __init__(self, db: sqlite_utils.Database, db_path: Path, tasks: TaskRunner, actor: str, language: str,
                 parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.db, self.db_path, self.tasks, self.actor, self.today = db, db_path, tasks, actor, today
        self.task: Task | None = None
        self.result_sent: SendResult | None = None
        self.previewed: ScopeCount | None = None
        self.setWindowTitle(self.tr("Feedback to examiners"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        intro = QLabel(self.tr("Each examiner with findings in the scope gets a letter (PDF) and a response "
                               "workbook (Excel) in which to agree with each finding or dispute it. The findings "
                               "are recorded as sent, with the date the responses are due."))
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.addButton(self.tr("Write feedback"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._build_scope())
        layout.addLayout(self._build_output(language))
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(680, self.sizeHint().height())
        self.preview()

    # -- layout ------------------------------------------------------------------------------
    def _build_scope(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scope"))
        self.source = QButtonGroup(self)
        self.round_button = QRadioButton(self.tr("Review &round:"))
        self.period_button = QRadioButton(self.tr("Cases &decided from"))
        self.source.addButton(self.round_button, ROUND)
        self.source.addButton(self.period_button, PERIOD)
        self.round_box = QComboBox()
        self.round_box.setMinimumContentsLength(20)
        for name in list_round_names(self.db):
            self.round_box.addItem(name, name)
        today = self.today()
        self.from_date = QDateEdit(QDate(today.year, 1, 1))
        self.to_date = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.department = self._choices(self.tr("Every department"), queue.choices(self.db, "department"))
        self.examiner = self._choices(self.tr("Every examiner"), queue.choices(self.db, "examiner"))
        period = QHBoxLayout()
        period.addWidget(self.from_date)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_date)
        period.addStretch(1)
        grid = QGridLayout(box)
        grid.addWidget(self.round_button, 0, 0)
        grid.addWidget(self.round_box, 0, 1)
        grid.addWidget(self.period_button, 1, 0)
        grid.addLayout(period, 1, 1)
        grid.addWidget(QLabel(self.tr("Department:")), 2, 0)
        grid.addWidget(self.department, 2, 1)
        grid.addWidget(QLabel(self.tr("Examiner:")), 3, 0)
        grid.addWidget(self.examiner, 3, 1)
        grid.setColumnStretch(1, 1)
        has_rounds = self.round_box.count() > 0
        self.round_button.setEnabled(has_rounds)
        (self.round_button if has_rounds else self.period_button).setChecked(True)
        self.source.idToggled.connect(self._source_toggled)
        self._source_toggled(self.source.checkedId(), True)
        for signal in (self.round_box.currentIndexChanged, self.from_date.dateChanged, self.to_date.dateChanged,
                       self.department.currentIndexChanged, self.examiner.currentIndexChanged):
            signal.connect(self._changed)
        return box

    @staticmethod
    def _choices(anything: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, None)
        for value in values:
            combo.addItem(value, value)
        return combo

    def _build_output(self, language: str) -> QFormLayout:
        self.language_box = QComboBox()
        self.language_box.addItem("English", "en")
        self.language_box.addItem("中文", "zh")
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The folder the files are written into"))
        self.folder.textChanged.connect(self._changed)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form = QFormLayout()
        form.addRow(self.tr("&Language of the letters:"), self.language_box)
        form.addRow(folder_label, row)
        return form

    def _source_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.round_box.setEnabled(index == ROUND)
            self.from_date.setEnabled(index == PERIOD)
            self.to_date.setEnabled(index == PERIOD)
            self._changed()

    def choose_folder(self) -> None:
        path = dialogs.choose_folder(self, self.tr("Write the feedback into"), self.folder.text().strip(),
                                     kind=file_dialogs.FEEDBACK)
        if path:
            self.folder.setText(path)

    # -- the preview ---------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self.write_button.setEnabled(False)
        self._timer.start()

    def scope(self) -> FeedbackScope:
        """The scope chosen; raises WorkbenchError for a period that ends before it begins."""
        if self.source.checkedId() == ROUND:
            report_filter = ReportFilter(round_name=self.round_box.currentData())
        else:
            report_filter = ReportFilter(date_from=self.from_date.date().toPython(),
                                         date_to=self.to_date.date().toPython())
        return FeedbackScope(report_filter, department=self.department.currentData(),
                             examiner=self.examiner.currentData())

    def preview(self) -> bool:
        """Who would get feedback, on how many findings; whether it can be written as chosen."""
        self._timer.stop()
        text, ok = self._preview_text()
        self.status.setText(text)
        self.status.setStyleSheet("font-weight: bold;" if ok or self.previewed else ERROR_STYLE)
        self.write_button.setEnabled(ok)
        return ok

    def _preview_text(self) -> tuple[str, bool]:
        self.previewed = None
        try:
            counted = count_scope(self.db, self.scope())
        except WorkbenchError as exc:
            return error_text(exc), False
        if not counted.examiners:
            return self.tr("No reviewed case in this scope has a finding: there is nothing to send."), False
        self.previewed = counted
        text = fill(self.tr("%1 finding(s) for %2 examiner(s): each gets a letter and a response workbook. "
                            "Responses will be due by %3."), counted.findings, len(counted.examiners),
                    response_deadline(self.db, self.scope(), self.today()).isoformat())
        if counted.without_examiner:
            text += "\n" + fill(self.tr("%1 finding(s) of cases that name no examiner will not be sent."),
                                counted.without_examiner)
        if not self.folder.text().strip():
            return text + "\n" + self.tr("Choose the folder to write into."), False
        return text, True

    # -- writing -------------------------------------------------------------------------------
    def accept(self) -> None:
        """Write in the background; the dialog closes once the feedback is written."""
        if self.result_sent is not None:
            super().accept()
            return
        if (self.task is not None and self.task.running) or not self.preview() or self.previewed is None:
            return
        folder = Path(self.folder.text().strip()).expanduser()
        replaced = replaced_files(folder, self.previewed.examiners, self.language_box.currentData())
        if replaced and not dialogs.confirm(
                self, self.tr("Replace files"),
                fill(self.tr("%1 file(s) in %2 from an earlier sending have the same names and will be replaced "
                             "(e.g. %3). Replace them?"), len(replaced), str(folder), replaced[0].name)):
            return
        self.start(folder)

    def start(self, folder: Path) -> Task:
        scope, language, today = self.scope(), self.language_box.currentData(), self.today()
        db_path, actor = self.db_path, self.actor

        def job(progress: Progress, cancel: CancelToken) -> SendResult:
            db = open_database(db_path)     # each thread its own connection
            try:
                return send_feedback(db, folder, scope, language=language, actor=actor, today=today,
                                     progress=progress, cancel=cancel)
            finally:
                db.close()

        self._set_busy(True)
        self.task = self.tasks.start(self, self.tr("Writing feedback into %1").replace("%1", folder.name), job)
        self.task.finished.connect(self._written)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        return self.task

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def _written(self, result: SendResult) -> None:
        self.result_sent = result
        self._set_busy(False)
        self.sent.emit(result)
        answer = dialogs.choose(self, self.tr("Feedback written"), self.result_text(result),
                                [self.tr("Open folder"), self.tr("Close")], default=0, escape=1)
        if answer == 0:
            dialogs.show_folder(str(result.outdir))
        super().accept()

    def result_text(self, result: SendResult) -> str:
        lines = [fill(self.tr("Feedback written for %1 examiner(s), %2 finding(s). Responses are due by %3."),
                      len(result.letters), result.findings, result.deadline.isoformat()),
                 "", self.tr("In %1:").replace("%1", str(result.outdir))]
        for letter in result.letters[:LISTED]:
            lines.append(f"  {letter.letter.name}, {letter.workbook.name}")
        if len(result.letters) > LISTED:
            lines.append("  " + fill(self.tr("… and the files of %1 more examiner(s)"), len(result.letters) - LISTED))
        if result.without_examiner:
            lines += ["", fill(self.tr("%1 finding(s) of cases that name no examiner were not sent."),
                               result.without_examiner)]
        return "\n".join(lines)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_failure(self, self.tr("Feedback not written"), exc)
        self.preview()

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.preview()
        self.status.setText(self.tr("Cancelled: no file was written and nothing was recorded."))
