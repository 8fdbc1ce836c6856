"""The Calibration tab: a calibration round's case, its checklist items against each reviewer's
answers, disagreements highlighted, the consensus beside them and the round's agreement per
item; above it who has finished what and, once the round is closed, the agreement and each
reviewer's deviation from the consensus (ui/calibration_summary.py).

Blind: the view shows a `workbench.calibration.sheet.CaseSheet`, read for the window's user, so an
answer the user may not see is never read into it. After the close the consensus is recorded
here by keyboard (ui/calibration_consensus.py): P/F/N, 1-4, K, C, M (majority), U (every
unanimous item), Delete, Enter/Up/Down between items, PageDown/PageUp between cases, Ctrl+Enter
completes the consensus. Every write goes through `workbench.calibration` and ends in one
`changed` signal; agreement figures are computed on a thread of their own.
"""
from __future__ import annotations

import logging
from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui import dialogs
from ui.list_tables import one_line_rows
from ui.calibration_consensus import ConsensusEditor
from ui.calibration_model import CalibrationTableModel
from ui.calibration_summary import CalibrationSummary
from ui.case_model import value_label
from ui.changes import Changes, review_changes
from ui.messages import error_text
from ui.tasks import QuietTask
from ui.when_shown import FreshWhenShown
from workbench.calibration import consensus, rounds, sheet
from workbench.calibration.figures import CalibrationFigures

log = logging.getLogger("workbench.ui.calibration")

FIGURES_DELAY_MS = 400
SEVERITY_KEYS = {Qt.Key.Key_1: "critical", Qt.Key.Key_2: "major", Qt.Key.Key_3: "minor", Qt.Key.Key_4: "advisory"}
OUTCOME_KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_F: "fail", Qt.Key.Key_N: "na"}
PLAIN_KEYS = {Qt.Key.Key_M: "majority", Qt.Key.Key_U: "unanimous", Qt.Key.Key_K: "category",
              Qt.Key.Key_C: "note", Qt.Key.Key_Delete: "clear", Qt.Key.Key_Backspace: "clear",
              Qt.Key.Key_Return: "next", Qt.Key.Key_Enter: "next", Qt.Key.Key_Down: "next", Qt.Key.Key_Up: "prev",
              Qt.Key.Key_PageDown: "next_case", Qt.Key.Key_PageUp: "prev_case"}


class CalibrationTable(QTableView):
    """Turns the consensus keys into commands, as the review form's checklist does."""

    key_command = Signal(str, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in OUTCOME_KEYS:
            self.key_command.emit("outcome", OUTCOME_KEYS[Qt.Key(key)])
        elif plain and key in SEVERITY_KEYS:
            self.key_command.emit("severity", SEVERITY_KEYS[Qt.Key(key)])
        elif plain and key in PLAIN_KEYS:
            self.key_command.emit(PLAIN_KEYS[Qt.Key(key)], None)
        elif mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_command.emit("complete", None)
        else:
            super().keyPressEvent(event)


class CalibrationView(FreshWhenShown, QWidget):
    changed = Signal(object)        # Changes: the view wrote into the workspace
    message = Signal(str)           # a short note for the status bar
    open_case = Signal(int)         # show this case in the Review tab
    figures_shown = Signal()        # the round's agreement figures are on screen (tests wait for it)

    def __init__(self, db: sqlite_utils.Database, actor: str, language: str, parent: QWidget | None = None, *,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.db, self.actor, self.language, self.read_only = db, actor, language, read_only
        self.round_id: int | None = None
        self.case_id: int | None = None
        self.sheet: sheet.CaseSheet | None = None
        self.progress: sheet.RoundProgress | None = None
        self.figures: CalibrationFigures | None = None
        self.dirty = True
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._figures_timer = QTimer(self)
        self._figures_timer.setSingleShot(True)
        self._figures_timer.setInterval(FIGURES_DELAY_MS)
        self._figures_timer.timeout.connect(self._compute_figures)
        self._build()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.empty = QLabel(self.tr("No calibration round yet. Rounds > New calibration round… creates one: "
                                    "several reviewers review the same cases blind, then agree a consensus."))
        self.empty.setWordWrap(True)
        self.summary = CalibrationSummary(self.language)
        self.model = CalibrationTableModel(self.language, self)
        self.table = CalibrationTable()
        self.table.setModel(self.model)
        # One line per item, as the review form's list: the current item's whole text is in the
        # consensus box below, every cell's in its tooltip.
        one_line_rows(self.table)
        self.table.key_command.connect(self._on_key)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_editor())
        self.editor = ConsensusEditor(self.language)
        self.editor.back.connect(self.table.setFocus)
        self.editor.answer_chosen.connect(lambda code: self.write_answer(code))
        self.editor.severity_chosen.connect(self.set_severity)
        self.editor.category_chosen.connect(self.set_category)
        self.editor.note_committed.connect(self.set_note)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        layout.addWidget(self.empty)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor)

    def _build_bar(self) -> QHBoxLayout:
        self.round_box = QComboBox()
        self.round_box.setMinimumContentsLength(22)
        self.round_box.activated.connect(lambda _i: self.select_round(self.round_box.currentData()))
        self.case_box = QComboBox()
        self.case_box.setMinimumContentsLength(38)
        self.case_box.activated.connect(lambda _i: self.select_case(self.case_box.currentData()))
        self.review_button = QPushButton(self.tr("Review this case"))
        self.review_button.setToolTip(self.tr("Show the case in the Review tab, with your own review of it"))
        self.review_button.clicked.connect(lambda: self.case_id is not None and self.open_case.emit(self.case_id))
        self.unanimous_button = QPushButton(self.tr("Record unanimous items (U)"))
        self.unanimous_button.setToolTip(self.tr("Record as the consensus every item all reviewers answered "
                                                 "alike; the group then settles the highlighted ones"))
        self.unanimous_button.clicked.connect(self.record_unanimous)
        self.complete_button = QPushButton(self.tr("Complete consensus (Ctrl+Enter)"))
        self.complete_button.clicked.connect(self.complete_consensus)
        self.close_button = QPushButton(self.tr("Close round…"))
        self.close_button.setToolTip(self.tr("End the blind phase: every answer becomes visible, agreement is "
                                             "computed and the consensus can be recorded"))
        self.close_button.clicked.connect(self.close_round)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Calibration round:")))
        bar.addWidget(self.round_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Case:")))
        bar.addWidget(self.case_box)
        bar.addStretch(1)
        for button in (self.review_button, self.unanimous_button, self.complete_button, self.close_button):
            bar.addWidget(button)
        return bar

    # -- choosing what to show ----------------------------------------------------------------
    def reload_rounds(self) -> None:
        """Refill the round list, newest first, keeping the round shown."""
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for rnd in reversed(rounds.calibration_rounds(self.db)):
            state = self.tr("closed") if rnd.closed else self.tr("blind")
            self.round_box.addItem(f"{rnd.name} ({state})", rnd.id)
        if self.round_id is None or self.round_box.findData(self.round_id) < 0:
            self.round_id = self.round_box.itemData(0)
            self.case_id = None
        self.round_box.setCurrentIndex(max(self.round_box.findData(self.round_id), 0))
        self.round_box.blockSignals(False)

    def select_round(self, round_id: int | None) -> None:
        if round_id != self.round_id:
            self.round_id, self.case_id, self.figures = round_id, None, None
        self.refresh()

    def select_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()
        self.table.setFocus()

    def show_case_of(self, case_id: int | None) -> None:
        """Show the newest calibration round holding the case, at that case (the Review tab's case)."""
        if case_id is None:
            return
        for rnd in reversed(rounds.calibration_rounds(self.db)):
            if any(c.case_id == case_id for c in rnd.cases):
                if rnd.id != self.round_id:
                    self.round_id, self.figures = rnd.id, None
                self.case_id = case_id
                self.refresh()
                return

    def _fill_cases(self, progress: sheet.RoundProgress) -> None:
        self.case_box.blockSignals(True)
        self.case_box.clear()
        reviewers = len(progress.round.reviewers)
        for n, case in enumerate(progress.round.cases, start=1):
            done = len(progress.finished.get(case.case_id, ()))
            text = self.tr("%1. %2 · %3 · %4 of %5 finished").replace("%1", str(n)).replace(
                "%2", case.application_number).replace("%3", value_label("ip_type", case.ip_type)).replace(
                "%4", str(done)).replace("%5", str(reviewers))
            if progress.consensus.get(case.case_id) in ("completed", "signed_off"):
                text += " · " + self.tr("consensus ✓")
            self.case_box.addItem(text, case.case_id)
        if self.case_id is None or self.case_box.findData(self.case_id) < 0:
            self.case_id = self.case_box.itemData(0)
        self.case_box.setCurrentIndex(max(self.case_box.findData(self.case_id), 0))
        self.case_box.blockSignals(False)

    def step_case(self, step: int) -> None:
        index = self.case_box.currentIndex() + step
        if 0 <= index < self.case_box.count():
            self.select_case(self.case_box.itemData(index))
        else:
            QApplication.beep()

    # -- refreshing ------------------------------------------------------------------------------
    def catch_up(self, *, shown: bool) -> None:
        """Something was written: read again."""
        self.refresh()

    def refresh(self) -> None:  # long: one read of the round, the case and what the actions may do
        """Read the round's progress and the case as the user may see it; figures follow on a thread."""
        self.dirty = False
        current = self.model.item_id(self.table.currentIndex().row())
        self.reload_rounds()
        has_round = self.round_id is not None
        for widget in (self.summary, self.table):
            widget.setVisible(has_round)
        self.empty.setVisible(not has_round)
        if not has_round:
            self.sheet = self.progress = None
            self.model.show(None, None)
            self._update_actions()
            return
        try:
            self.progress = sheet.round_progress(self.db, self.round_id)
            self._fill_cases(self.progress)
            self.sheet = sheet.case_sheet(self.db, self.round_id, self.case_id, actor=self.actor) \
                if self.case_id is not None else None
        except WorkbenchError as exc:          # the round went (an import removed, a merge)
            log.info("calibration view: %s", exc.message())
            self.round_id = self.case_id = None
            self.refresh()
            return
        closed = self.progress.round.closed
        if not closed or (self.figures is not None and self.figures.round.id != self.round_id):
            self.figures = None
        self.model.show(self.sheet, self.figures)
        self._size_columns(closed)
        row = self.model.row_of(current) if current else None
        self.table.selectRow(row if row is not None else 0)
        self.summary.show_round(self.progress, self.actor, self.figures, computing=closed)
        self._show_editor()
        self._update_actions()
        if closed:
            self._figures_timer.start()

    def _size_columns(self, closed: bool) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # While blind there is neither a consensus nor agreement to show.
        for column in (self.model.consensus_column, self.model.consensus_column + 1, self.model.consensus_column + 2):
            self.table.setColumnHidden(column, not closed)

    def _compute_figures(self) -> None:
        """The round's agreement, off the UI thread (a second or more on a big round)."""
        if self.round_id is None:
            return
        self._generation += 1
        generation, round_id = self._generation, self.round_id
        path = next((row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"), "")
        if not path:                              # an in-memory workspace has no second connection
            self._figures_done(generation, sheet.visible_figures(self.db, round_id))
            return

        def job(_progress: Progress, _cancel: CancelToken) -> CalibrationFigures | None:
            db = open_database(path, read_only=True)
            try:
                return sheet.visible_figures(db, round_id)
            finally:
                db.close()

        task = QuietTask(self, job, self._pool)
        task.finished.connect(lambda figures: self._figures_done(generation, figures))
        task.failed.connect(lambda exc: self._figures_failed(generation, exc))

    def _figures_done(self, generation: int, figures: CalibrationFigures | None) -> None:
        if generation != self._generation or figures is None or figures.round.id != self.round_id:
            return
        self.figures = figures
        self.model.set_figures(figures)
        if self.progress is not None:
            self.summary.show_round(self.progress, self.actor, figures)
        self.figures_shown.emit()

    def _figures_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            log.error("calibration figures failed", exc_info=(type(exc), exc, exc.__traceback__))
            self.summary.overall.setText(error_text(exc))

    def shutdown(self) -> None:
        self._figures_timer.stop()
        self._pool.waitForDone(10_000)

    # -- the current item ----------------------------------------------------------------------
    def current_row(self) -> sheet.ItemRow | None:
        row = self.table.currentIndex().row()
        return self.sheet.rows[row] if self.sheet is not None and 0 <= row < len(self.sheet.rows) else None

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _show_editor(self) -> None:
        self.editor.show_item(self.sheet, self.current_row(), writable=self._may_record(), hint=self._hint())

    def _hint(self) -> str:
        if self.sheet is None:
            return ""
        if self.sheet.blind:
            return self.tr("The consensus is recorded once the round is closed.")
        return self.tr("P pass · F fail · N n/a · 1-4 severity · K category · C note · M majority answer · "
                       "U every unanimous item · Delete clears · Enter next item · PageDown/PageUp next/previous "
                       "case · Ctrl+Enter completes the consensus")

    def _may_record(self) -> bool:
        return self.sheet is not None and not self.sheet.blind and not self.read_only

    def _update_actions(self) -> None:
        rnd = self.progress.round if self.progress is not None else None
        closed = rnd is not None and rnd.closed
        self.close_button.setVisible(rnd is not None and not closed)
        self.close_button.setEnabled(not self.read_only)
        for widget in (self.unanimous_button, self.complete_button, self.editor):
            widget.setVisible(closed)
            widget.setEnabled(self._may_record() or widget is self.editor)
        self.review_button.setEnabled(self.case_id is not None)
        self.case_box.setEnabled(rnd is not None)

    def focus_table(self) -> None:
        self.table.setFocus()

    # -- keys and writes ---------------------------------------------------------------------------
    def _on_key(self, command: str, value: Any) -> None:
        moves = {"next": lambda: self.move(1), "prev": lambda: self.move(-1),
                 "next_case": lambda: self.step_case(1), "prev_case": lambda: self.step_case(-1)}
        if command in moves:
            moves[command]()
            return
        if not self._can_write():
            return
        actions = {"outcome": lambda: self.answer_outcome(value), "severity": lambda: self.set_severity(value),
                   "majority": self.take_majority, "unanimous": self.record_unanimous,
                   "complete": self.complete_consensus, "clear": lambda: self.write_answer(None),
                   "category": lambda: self.editor.open_categories() or self._refuse(
                       self.tr("A category is given to a fail (F).")),
                   "note": lambda: self.editor.open_note()}
        actions[command]()

    def _can_write(self) -> bool:
        if self.read_only:
            self._refuse(self.tr("Read-only: another window is using this workspace."))
            return False
        if self.sheet is None:
            return False
        if self.sheet.blind:
            self._refuse(self.tr("The round is still blind: the consensus is recorded once it is closed "
                                 "(Close round…)."))
            return False
        return True

    def _refuse(self, text: str) -> None:
        QApplication.beep()
        self.message.emit(text)

    def _write(self, answer: str | None, **details: Any) -> bool:
        row = self.current_row()
        if row is None or self.round_id is None or self.case_id is None or not self._can_write():
            return False
        try:
            consensus.set_consensus_answer(self.db, self.round_id, self.case_id, row.item.id, answer,
                                           actor=self.actor, **details)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Consensus not saved"), error_text(exc))
            self.refresh()
            return False
        self._after_write("consensus")
        return True

    def _after_write(self, what: str) -> None:
        self.refresh()
        if self.case_id is not None:
            self.changed.emit(review_changes(what, [self.case_id]))

    def write_answer(self, code: str | None) -> bool:
        row = self.current_row()
        if row is None:
            return False
        if code is None:
            return row.consensus is not None and self._write(None)
        option = row.item.option(code)
        kept = row.consensus if row.consensus is not None and option is not None and option.outcome == "fail" \
            and row.consensus.outcome == "fail" else None
        return self._write(code, severity=kept.severity if kept else None, category=kept.category if kept else None)

    def answer_outcome(self, outcome: str) -> None:
        row = self.current_row()
        if row is None:
            return
        option = row.item.option_for_outcome(outcome)
        if option is None:
            self._refuse(self.tr("Item %1 does not allow that answer.").replace("%1", row.number))
            return
        if (row.consensus is None or row.consensus.answer != option.code) and not self.write_answer(option.code):
            return
        if outcome != "fail":
            self.move(1)          # a fail stays put: severity and category come next

    def set_severity(self, severity: str) -> None:
        row = self.current_row()
        agreed = row.consensus if row is not None else None
        if row is None or agreed is None or agreed.outcome != "fail" or severity not in row.item.severities:
            self._refuse(self.tr("A severity is given to a fail (F) and must be one the item allows."))
            return
        self._write(agreed.answer, severity=severity, category=agreed.category)

    def set_category(self, category: str) -> None:
        row = self.current_row()
        agreed = row.consensus if row is not None else None
        if row is not None and agreed is not None and agreed.outcome == "fail":
            self._write(agreed.answer, severity=agreed.severity, category=category)

    def set_note(self, text: str) -> None:
        row = self.current_row()
        agreed = row.consensus if row is not None else None
        if agreed is None:
            self._refuse(self.tr("Choose the agreed answer first; the note goes with it."))
        else:
            self._write(agreed.answer, severity=agreed.severity, category=agreed.category, note=text.strip())
        self.table.setFocus()

    def take_majority(self) -> None:
        row = self.current_row()
        proposal = sheet.majority(self.sheet, row.item.id) if row is not None and self.sheet is not None else None
        if proposal is None:
            self._refuse(self.tr("The reviewers have no majority answer on this item: choose one."))
            return
        if self._write(proposal.answer, severity=proposal.severity, category=proposal.category):
            self.move(1)

    def record_unanimous(self) -> None:
        if not self._can_write() or self.round_id is None or self.case_id is None:
            return
        try:
            count = consensus.record_unanimous(self.db, self.round_id, self.case_id, actor=self.actor)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Consensus not saved"), error_text(exc))
            self.refresh()
            return
        self._after_write("consensus")
        self.message.emit(self.tr("%n item(s) the reviewers answered alike recorded; settle the highlighted ones.",
                                  "", count))

    def complete_consensus(self) -> bool:
        if not self._can_write() or self.round_id is None or self.case_id is None:
            return False
        try:
            consensus.complete_consensus(self.db, self.round_id, self.case_id, actor=self.actor)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Consensus not complete"), self._missing_text(exc))
            self.refresh()
            return False
        self._after_write("consensus_complete")
        self.message.emit(self.tr("Consensus completed: it now counts as the case's review. PageDown opens the "
                                  "next case."))
        return True

    def _missing_text(self, exc: WorkbenchError) -> str:
        items = exc.params.get("items") if exc.code == "review.incomplete" else None
        if not items or self.sheet is None:
            return error_text(exc)
        reasons = {"not answered": self.tr("not answered"), "a fail needs a severity": self.tr("a fail needs a severity"),
                   "a fail needs an error category": self.tr("a fail needs an error category")}
        lines = []
        for entry in items:
            item_id, _, what = entry.partition(": ")
            row = next((r for r in self.sheet.rows if r.item.id == item_id), None)
            label = f"{row.number} {row.item.text.get(self.language)}" if row else item_id
            lines.append(f"  - {label}: {reasons.get(what, what)}")
        return self.tr("The consensus cannot be completed yet:") + "\n" + "\n".join(lines)

    def close_round(self) -> bool:
        rnd = self.progress.round if self.progress is not None else None
        if rnd is None or rnd.closed or self.read_only:
            return False
        unfinished = sum(total - done for done, total in self.progress.reviewers.values()) \
            if self.progress is not None else 0
        question = self.tr("Close calibration round %1? Its blind phase ends: every reviewer can see every answer, "
                           "agreement is computed and the consensus can be recorded. This cannot be undone.") \
            .replace("%1", rnd.name)
        if unfinished:
            question += "\n\n" + self.tr("%n review(s) are not finished; they stay unfinished and count as "
                                         "missing answers.", "", unfinished)
        if not dialogs.confirm(self, self.tr("Close calibration round"), question):
            return False
        try:
            rounds.close_calibration_round(self.db, rnd.id, actor=self.actor)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Round not closed"), error_text(exc))
            return False
        self.refresh()
        self.changed.emit(Changes(reviews=True, rounds=True, what="close_calibration"))
        self.message.emit(self.tr("Calibration round %1 is closed; record the consensus case by case.")
                          .replace("%1", rnd.name))
        return True
