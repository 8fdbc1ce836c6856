"""The "New review round" wizard: filters with the live population count, the plan with the
sample size per stratum, the assignment to reviewers, then confirm and draw. One module per
page (ui/round_filters_page.py, ui/round_plan_page.py, ui/round_assignment_page.py); the confirm
page and the draw are here.

Every number shown comes from workbench.rounds.store (count_population, design, draw,
plan_assignment), so the preview is exactly what the draw will do. The draw itself runs as a
background task on its own connection, in one transaction (workbench.rounds.store.create_round).
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from db.connection import open_database
from ui.case_model import value_label
from ui.errors import show_failure
from ui.round_assignment_page import AssignmentPage
from ui.round_filters_page import FiltersPage
from ui.round_labels import describe_filters, describe_plan
from ui.messages import labelled, listed
from ui.round_plan_page import PlanPage
from ui.tasks import Task, TaskRunner
from foundation.jobs import CancelToken, Progress
from workbench.review import checklist_store
from workbench.rounds import store


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Confirm"))
        self.setSubTitle(self.tr("Drawing stores the round, its cases and their reviews in one step; "
                                 "it is recorded in the audit log."))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Draw sample"))

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        w = self.w
        filters, plan = w.filters_page.filters(), w.plan_page.plan()
        design = w.plan_page.design
        loads: dict[str, int] = {}
        for name in w.assignment_page.assignment.values():
            loads[name] = loads.get(name, 0) + 1
        drawn = w.assignment_page.drawn
        types = sorted({d.case.ip_type for d in drawn.cases}) if drawn else []
        lists = []
        for ip_type in types:
            checklist_id = checklist_store.checklist_for(w.db, ip_type)
            row = w.db.execute("SELECT name_en, name_zh, version FROM checklists WHERE id = ?",
                               [checklist_id]).fetchone() if checklist_id is not None else None
            name = (row[1] if w.language.startswith("zh") else row[0]) + f" v{row[2]}" if row else \
                self.tr("the built-in checklist")
            lists.append(labelled(value_label('ip_type', ip_type), name))
        rows = [
            (self.tr("Round"), w.filters_page.name.text().strip()),
            (self.tr("Cases"), describe_filters(filters)),
            (self.tr("Population"), str(w.filters_page.population())),
            (self.tr("Plan"), describe_plan(plan)),
            (self.tr("Sample size"), str(design.size if design else "-")),
            (self.tr("Seed"), w.plan_page.seed.text()),
            (self.tr("Reviewers"), listed([self.tr("%1 (%2)").replace("%1", n).replace("%2", str(c))
                                           for n, c in loads.items()]) or self.tr("not assigned yet")),
            (self.tr("Checklists"), listed(lists, clauses=True)),
        ]
        self.text.setText("\n".join(labelled(label, value) for label, value in rows))
        self.status.setText("")


class RoundWizard(QWizard):
    """Emits round_created(RoundResult) once the round is drawn and stored."""

    round_created = Signal(object)

    def __init__(self, db: sqlite_utils.Database, db_path: Path, tasks: TaskRunner, actor: str,
                 parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.db, self.db_path, self.tasks, self.actor, self.language = db, db_path, tasks, actor, language
        self.result: store.RoundResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("New review round"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.filters_page = FiltersPage(self)
        self.plan_page = PlanPage(self)
        self.assignment_page = AssignmentPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.filters_page, self.plan_page, self.assignment_page, self.confirm_page):
            self.addPage(page)
        self.resize(1000, 680)

    def accept(self) -> None:
        """Finish: draw in the background; the wizard closes when the round is stored."""
        if self.result is not None:
            super().accept()
            return
        if self.task is not None and self.task.running:
            return
        name = self.filters_page.name.text().strip()
        filters, plan = self.filters_page.filters(), self.plan_page.plan()
        seed = self.plan_page.seed_value()
        reviewers = self.assignment_page.reviewers()
        effort = self.assignment_page.effort_values()
        db_path, actor = self.db_path, self.actor

        def job(progress: Progress, cancel: CancelToken) -> store.RoundResult:
            db = open_database(db_path)     # each thread its own connection
            try:
                return store.create_round(db, name=name, filters=filters, plan=plan, seed=seed, actor=actor,
                                           reviewers=reviewers, effort=effort, progress=progress, cancel=cancel)
            finally:
                db.close()

        self._set_busy(True)
        self.task = self.tasks.start(self, self.tr("Drawing %1").replace("%1", name), job)
        self.task.finished.connect(self._drawn)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)

    def _set_busy(self, busy: bool) -> None:
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(not busy)

    def _drawn(self, result: store.RoundResult) -> None:
        self.result = result
        self._set_busy(False)
        self.round_created.emit(result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_failure(self, self.tr("Cannot draw the round"), exc)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.confirm_page.status.setText(self.tr("Cancelled; nothing was changed."))
