"""Rounds > New calibration round: a name, two or more reviewers, and the cases chosen one way:
drawn at random (with a seed, from one IP type or department if wished), hand-picked by
application number, or every case of another round.

The preview under the choices is `workbench.calibration.rounds.choose_cases` itself, run without
writing, so it names exactly the cases the round will get, or the reason it cannot be made.
Creating runs `create_calibration_round` as a background task on its own connection (progress,
Cancel, one transaction), as the round wizard draws a round.
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui.case_model import value_label
from ui.errors import show_failure
from ui.messages import error_text
from ui.round_labels import ERROR_STYLE
from ui.tasks import Task, TaskRunner
from workbench.calibration import rounds
from workbench.calibration.rounds import CalibrationRound
from workbench.importing.identifiers import IP_TYPES
from workbench.review import queue
from workbench.rounds import population, sampling_plan, store

PREVIEW_DELAY_MS = 300
DRAW, CHOSEN, FROM_ROUND = 0, 1, 2


class NewCalibrationDialog(QDialog):
    """Emits round_created(CalibrationRound) once the round is stored."""

    round_created = Signal(object)

    def __init__(self, db: sqlite_utils.Database, db_path: Path, tasks: TaskRunner, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.db_path, self.tasks, self.actor = db, db_path, tasks, actor
        self.task: Task | None = None
        self.result_round: CalibrationRound | None = None
        self.previewed: list[rounds.CalibrationCase] = []
        self.setWindowTitle(self.tr("New calibration round"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        self.name = QLineEdit()
        self.name.setMaxLength(store.NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("e.g. Calibration 2026 spring, inventions"))
        intro = QLabel(self.tr("Every reviewer reviews every case of the round on the same checklist, blind: "
                               "no one sees another's answers to a case before finishing their own. After the "
                               "round is closed the agreement is measured and a consensus recorded."))
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(self.tr("Create round"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Round name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._build_reviewers())
        layout.addWidget(self._build_cases(), 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._changed)
        self.resize(760, 600)
        self.preview()

    # -- layout ------------------------------------------------------------------------------
    def _build_reviewers(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reviewers (tick two or more)"))
        self.reviewer_list = QListWidget()
        self.reviewer_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reviewer_list.setMaximumHeight(120)
        self.reviewer_list.itemChanged.connect(self._changed)
        for name in queue.choices(self.db, "reviewer"):
            self.add_reviewer(name, checked=False)
        self.new_reviewer = QLineEdit()
        self.new_reviewer.setPlaceholderText(self.tr("Add reviewers: names separated by commas, then Enter"))
        self.new_reviewer.returnPressed.connect(self._add_typed)
        add = QPushButton(self.tr("Add"))
        add.setAutoDefault(False)
        add.clicked.connect(self._add_typed)
        row = QHBoxLayout()
        row.addWidget(self.new_reviewer, 1)
        row.addWidget(add)
        layout = QVBoxLayout(box)
        layout.addWidget(self.reviewer_list)
        layout.addLayout(row)
        return box

    def _build_cases(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cases"))
        self.source = QButtonGroup(self)
        grid = QGridLayout(box)
        for index, text in ((DRAW, self.tr("Draw at random")), (CHOSEN, self.tr("Hand-picked application numbers")),
                            (FROM_ROUND, self.tr("Every case of the round"))):
            button = QRadioButton(text)
            self.source.addButton(button, index)
            grid.addWidget(button, [0, 2, 4][index], 0, Qt.AlignmentFlag.AlignTop)
        self.source.button(DRAW).setChecked(True)
        grid.addLayout(self._build_draw(), 0, 1)
        self.numbers = QPlainTextEdit()
        self.numbers.setPlaceholderText(self.tr("Paste application numbers: one per line, or separated by commas"))
        self.numbers.setMinimumHeight(80)
        grid.addWidget(self.numbers, 2, 1)
        self.from_round = QComboBox()
        for _id, name, _created, count in store.list_rounds(self.db):
            self.from_round.addItem(self.tr("%1 (%2 cases)").replace("%1", name).replace("%2", str(count)), name)
        grid.addWidget(self.from_round, 4, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(1, 1)
        self.source.idToggled.connect(self._source_toggled)
        self.numbers.textChanged.connect(self._changed)
        self.from_round.currentIndexChanged.connect(self._changed)
        self._source_toggled(DRAW, True)
        return box

    def _build_draw(self) -> QGridLayout:
        self.size = QSpinBox()
        self.size.setRange(1, 10_000)
        self.size.setValue(10)
        self.size.setSuffix(self.tr(" cases"))
        self.seed = QLineEdit(str(sampling_plan.random_seed()))
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,18}")))
        self.seed.setMaximumWidth(180)
        new_seed = QPushButton(self.tr("New seed"))
        new_seed.setAutoDefault(False)
        new_seed.clicked.connect(lambda: self.seed.setText(str(sampling_plan.random_seed())))
        self.ip_type = QComboBox()
        self.ip_type.addItem(self.tr("Any IP type"), None)
        for ip_type in IP_TYPES:
            self.ip_type.addItem(value_label("ip_type", ip_type), ip_type)
        self.department = QComboBox()
        self.department.addItem(self.tr("Any department"), None)
        for value, count in population.field_values(self.db, "department"):
            self.department.addItem(f"{value} ({count})", value)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Size:")), 0, 0)
        grid.addWidget(self.size, 0, 1)
        grid.addWidget(QLabel(self.tr("Seed:")), 0, 2)
        grid.addWidget(self.seed, 0, 3)
        grid.addWidget(new_seed, 0, 4)
        grid.addWidget(QLabel(self.tr("IP type:")), 1, 0)
        grid.addWidget(self.ip_type, 1, 1)
        grid.addWidget(QLabel(self.tr("Department:")), 1, 2)
        grid.addWidget(self.department, 1, 3, 1, 2)
        grid.setColumnStretch(5, 1)
        self.draw_widgets = (self.size, self.seed, new_seed, self.ip_type, self.department)
        for signal in (self.size.valueChanged, self.seed.textChanged, self.ip_type.currentIndexChanged,
                       self.department.currentIndexChanged):
            signal.connect(self._changed)
        return grid

    def _source_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        for widget in self.draw_widgets:
            widget.setEnabled(index == DRAW)
        self.numbers.setEnabled(index == CHOSEN)
        self.from_round.setEnabled(index == FROM_ROUND)
        self._changed()

    # -- reviewers ---------------------------------------------------------------------------
    def add_reviewer(self, name: str, *, checked: bool = True) -> None:
        name = name.strip()
        if not name:
            return
        for i in range(self.reviewer_list.count()):
            item = self.reviewer_list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.reviewer_list.addItem(item)

    def _add_typed(self) -> None:
        for name in self.new_reviewer.text().replace("，", ",").split(","):
            self.add_reviewer(name)
        self.new_reviewer.clear()

    def reviewers(self) -> list[str]:
        return [self.reviewer_list.item(i).text() for i in range(self.reviewer_list.count())
                if self.reviewer_list.item(i).checkState() == Qt.CheckState.Checked]

    # -- the preview -----------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self.create_button.setEnabled(False)
        self._timer.start()

    def choice(self) -> dict:
        """The keyword arguments of choose_cases / create_calibration_round for the cases chosen."""
        source = self.source.checkedId()
        if source == CHOSEN:
            return {"case_numbers": rounds.split_case_numbers(self.numbers.toPlainText())}
        if source == FROM_ROUND:
            return {"from_round": self.from_round.currentData()}
        ip_type, department = self.ip_type.currentData(), self.department.currentData()
        seed = int(self.seed.text()) if self.seed.text().isdigit() else None
        return {"size": self.size.value(), "seed": seed, "filters": population.Filters(
            ip_type=(ip_type,) if ip_type else (), department=(department,) if department else (),
            exclude_sampled=False, exclude_reviewed=False)}

    def preview(self) -> bool:
        """Check the choices as the creation will, without writing; say what the round will hold."""
        self._timer.stop()
        self.previewed = []
        problem = self._problem()
        reviewers = self.reviewers()
        if not problem:
            try:
                self.previewed = rounds.choose_cases(self.db, reviewers, **self.choice())[2]
            except WorkbenchError as exc:
                problem = error_text(exc)
        if problem:
            self._show_status(problem, error=True)
            return False
        numbers = ", ".join(c.application_number for c in self.previewed[:6])
        if len(self.previewed) > 6:
            numbers += ", …"
        self._show_status(self.tr("%1 cases (%2) · %3 reviewers · %4 blind reviews").replace(
            "%1", str(len(self.previewed))).replace("%2", numbers).replace("%3", str(len(reviewers))).replace(
            "%4", str(len(self.previewed) * len(reviewers))), error=False)
        self.create_button.setEnabled(True)
        return True

    def _problem(self) -> str:
        """Why the round cannot be made as chosen ('' when it can), in the user's words."""
        name = self.name.text().strip()
        if not name:
            return self.tr("Give the round a name.")
        if store.name_taken(self.db, name):
            return self.tr("There is already a round with this name.")
        if len(self.reviewers()) < 2:
            return self.tr("Tick two or more reviewers.")
        if self.source.checkedId() == CHOSEN and not self.choice()["case_numbers"]:
            return self.tr("Paste the application numbers of the cases.")
        if self.source.checkedId() == FROM_ROUND and self.from_round.currentData() is None:
            return self.tr("There is no round to take the cases from.")
        return ""

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "font-weight: bold;")

    # -- creating ------------------------------------------------------------------------------
    def accept(self) -> None:
        """Create in the background; the dialog closes once the round is stored."""
        if self.result_round is not None:
            super().accept()
            return
        if self.new_reviewer.hasFocus():       # Enter there adds the names typed, nothing more
            return
        if (self.task is not None and self.task.running) or not self.preview():
            return
        name, reviewers, choice = self.name.text().strip(), self.reviewers(), self.choice()
        db_path, actor = self.db_path, self.actor

        def job(progress: Progress, cancel: CancelToken) -> CalibrationRound:
            db = open_database(db_path)     # each thread its own connection
            try:
                return rounds.create_calibration_round(db, name=name, reviewers=reviewers, actor=actor,
                                                       progress=progress, cancel=cancel, **choice)
            finally:
                db.close()

        self._set_busy(True)
        self.task = self.tasks.start(self, self.tr("Creating %1").replace("%1", name), job)
        self.task.finished.connect(self._created)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def _created(self, result: CalibrationRound) -> None:
        self.result_round = result
        self._set_busy(False)
        self.round_created.emit(result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_failure(self, self.tr("Cannot create the calibration round"), exc)
        self.preview()

    def _cancelled(self) -> None:
        self._set_busy(False)
        self._show_status(self.tr("Cancelled; nothing was changed."), error=False)
