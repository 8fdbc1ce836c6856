"""The Disputes tab: every finding sent to an examiner, with the examiner's response, the state
and the response deadline; the selected finding in full; and the manager's decision on it.

The list is `workbench.feedback.decisions.dispute_rows`, narrowed by `decisions.select_rows`
(disputes waiting for a decision by default; overdue; each state; all with the open first). A
decision goes through `decisions.decide` (a reason is required; overturning asks first, No by
default) and ends in one `changed` signal, after which the window refreshes every view; the
verdict before and after stays on screen. Keys in the table: U uphold, O overturn, S change
severity, R reason, Ctrl+Enter decides (ui/disputes_panel.py).
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

import sqlite_utils
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from foundation.words import fill
from foundation.errors import WorkbenchError
from ui import dialogs
from ui.list_tables import one_line_rows
from ui.calibration_model import severity_label
from ui.changes import Changes
from ui.disputes_model import COLUMNS, DisputeTableModel, decision_label, selection_label
from ui.disputes_panel import DecisionPanel, FindingDetail, verdict_text
from ui.messages import error_text
from ui.when_shown import FreshWhenShown
from workbench.feedback import decisions
from workbench.feedback.decisions import Decision, DisputeRow
from workbench.feedback.findings import ChecklistTexts, Finding, sent_finding

log = logging.getLogger("workbench.ui.disputes")

KEYS = {Qt.Key.Key_U: "uphold", Qt.Key.Key_O: "overturn", Qt.Key.Key_S: "severity", Qt.Key.Key_R: "reason"}


class DisputesTable(QTableView):
    """Turns the decision keys into commands, as the Calibration view's table does."""

    key_command = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in KEYS:
            self.key_command.emit(KEYS[Qt.Key(key)])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_command.emit("decide" if mods & Qt.KeyboardModifier.ControlModifier else "reason")
        else:
            super().keyPressEvent(event)


class DisputesView(FreshWhenShown, QWidget):
    changed = Signal(object)        # Changes: a decision was written
    message = Signal(str)           # a short note for the status bar

    def __init__(self, db: sqlite_utils.Database, actor: str, language: str, parent: QWidget | None = None, *,
                 read_only: bool = False, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.db, self.actor, self.language, self.read_only, self.today = db, actor, language, read_only, today
        self.texts = ChecklistTexts(db)       # checklist versions are frozen: read once
        self.all_rows: list[DisputeRow] = []
        self.finding: Finding | None = None
        self.dirty = True
        self._build()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.selection = QComboBox()
        for which in decisions.SELECTIONS:
            self.selection.addItem(selection_label(which), which)
        self.selection.activated.connect(lambda _i: self.refresh())
        show_label = QLabel(self.tr("Sh&ow:"))
        show_label.setBuddy(self.selection)
        self.counts = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(show_label)
        bar.addWidget(self.selection)
        bar.addSpacing(16)
        bar.addWidget(self.counts, 1)
        self.empty = QLabel(self.tr("No finding has been sent yet. Review > Feedback to examiners… writes each "
                                    "examiner's letter and response workbook; Review > Import dispute responses… "
                                    "reads the workbooks they return."))
        self.empty.setWordWrap(True)
        self.model = DisputeTableModel(self.texts, self.language, self)
        self.table = DisputesTable()
        self.table.setModel(self.model)
        one_line_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("item"), QHeaderView.ResizeMode.Stretch)
        self.table.key_command.connect(self._on_key)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.detail = FindingDetail(self.language)
        self.panel = DecisionPanel()
        self.panel.decide_requested.connect(self.decide)
        self.panel.back.connect(self.table.setFocus)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self.panel)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 320])       # the list above, the finding and the decision below
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

    # -- refreshing ------------------------------------------------------------------------------
    def catch_up(self, *, shown: bool) -> None:
        """Something was written: read again."""
        self.refresh()

    def refresh(self) -> None:
        """Read the findings sent again, keeping the selected one (or its place in the list)."""
        self.dirty = False
        current = self.current_row()
        place = max(self.table.currentIndex().row(), 0)
        today = self.today()
        self.all_rows = decisions.dispute_rows(self.db)
        self.model.show(decisions.select_rows(self.all_rows, self.selection.currentData(), today), today)
        self.empty.setVisible(not self.all_rows)
        self.splitter.setVisible(bool(self.all_rows))
        self._show_counts(today)
        row = self.model.row_of(current.finding_id) if current is not None else None
        if row is None and self.model.rowCount():
            row = min(place, self.model.rowCount() - 1)
        if row is not None:
            self.table.selectRow(row)
        self._show_current()

    def _show_counts(self, today: date) -> None:
        rows = self.all_rows
        disputed = sum(r.state == "open" for r in rows)
        overdue = sum(r.overdue(today) for r in rows)
        self.counts.setText(fill(self.tr("%1 finding(s) sent · %2 disputed, to decide · %3 overdue · %4 shown"),
                                 len(rows), disputed, overdue, self.model.rowCount()))

    def select(self, which: str) -> None:
        """Show one of decisions.SELECTIONS."""
        self.selection.setCurrentIndex(max(self.selection.findData(which), 0))
        self.refresh()

    def current_row(self) -> DisputeRow | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _show_current(self) -> None:
        row = self.current_row()
        self.finding = sent_finding(self.db, row.finding_id) if row is not None else None
        item = self.texts.item(self.finding) if self.finding is not None else None
        checklist = self.texts.checklist(self.finding.checklist_id) if item is not None and self.finding else None
        decided = decisions.recorded_decision(self.db, row.finding_id) if row is not None and row.decision else None
        self.detail.show_finding(row, self.finding, item, checklist, decided)
        self.panel.show_row(row, item, writable=not self.read_only)

    def focus_table(self) -> None:
        self.table.setFocus()

    # -- deciding --------------------------------------------------------------------------------
    def _on_key(self, command: str) -> None:
        if command == "decide":
            self.decide()
        elif command == "reason":
            self.panel.focus_reason() or self._refuse(self._why_not())
        elif not self.panel.choose(command):
            self._refuse(self._why_not(command))

    def _why_not(self, command: str = "") -> str:
        row = self.current_row()
        if self.read_only:
            return self.tr("Read-only: another window is using this workspace.")
        if row is None:
            return self.tr("Select a finding first.")
        if row.decision:
            return self.tr("Finding %1 is decided already (%2).").replace("%1", str(row.finding_id)).replace(
                "%2", decision_label(row.decision))
        if command == "overturn":
            return self.tr("This item has no passing answer: change the severity instead.")
        return self.tr("The item allows no other severity.")

    def _refuse(self, text: str) -> None:
        QApplication.beep()
        self.panel.say(text, error=True)
        self.message.emit(text)

    def decide(self) -> bool:
        """Ctrl+Enter: the decision chosen on the selected finding, with its reason."""
        row, finding = self.current_row(), self.finding
        if row is None or finding is None or self.read_only or row.decision:
            self._refuse(self._why_not())
            return False
        decision = self.panel.decision()
        if decision is None:
            self._refuse(self.tr("Choose the decision first: U uphold, O overturn, S change severity."))
            return False
        if decision == "overturn" and self.panel.reason_text().strip() and not dialogs.confirm(
                self, self.tr("Overturn finding"),
                self.tr("Overturn finding %1? The reviewer's answer to item %2 of case %3 becomes a pass and the "
                        "case's verdict is computed again. A decision cannot be undone.")
                .replace("%1", str(row.finding_id)).replace("%2", row.item_id).replace("%3", row.application_number)):
            return False
        try:
            done = decisions.decide(self.db, row.finding_id, decision=decision, reason=self.panel.reason_text(),
                                    actor=self.actor, severity=self.panel.chosen_severity())
        except WorkbenchError as exc:
            self._refuse(error_text(exc))
            if exc.code == "disputes.reason":
                self.panel.focus_reason()
            return False
        self._decided(row, done, finding.case_id)
        return True

    def _decided(self, row: DisputeRow, done: Decision, case_id: int) -> None:
        what = decision_label(done.decision)
        if done.decision == "severity" and done.new_severity:
            what += " → " + severity_label(done.new_severity)
        text = self.tr("Finding %1 (%2, case %3): %4. The case's verdict: %5 → %6.").replace(
            "%1", str(done.finding_id)).replace("%2", row.examiner).replace("%3", row.application_number).replace(
            "%4", what).replace("%5", verdict_text(done.verdict_before)).replace("%6", verdict_text(done.verdict_after))
        self.refresh()
        self.panel.say(text)
        self.message.emit(text)
        self.table.setFocus()
        self.changed.emit(Changes(reviews=done.decision != "uphold", disputes=True, case_ids=frozenset([case_id]),
                                  what="dispute_decision"))
