"""Rounds > Round progress: how far a round has come, per reviewer and per stratum or lot, as the
CLI's round-status says it (workbench.rounds.round_status, workbench.rounds.round_checks)."""
from __future__ import annotations

from typing import Any, Sequence

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from foundation.words import fill
from ui.round_labels import describe_plan, fill_rounds, stratum_label
from workbench.rounds import round_checks, round_status, store


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[Any, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


def share(done: int, total: int) -> str:
    return f"{100 * done / total:.0f}%" if total else "–"


class RoundProgressDialog(QDialog):
    """Per reviewer: assigned, reviewed, left; per stratum or lot: drawn, reviewed, left (and the lot verdict)."""

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Round progress"))
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.reviewers = _table([self.tr("Reviewer"), self.tr("Assigned"), self.tr("Reviewed"), self.tr("Left"),
                                 self.tr("Done")])
        self.strata = _table([self.tr("Stratum or lot"), self.tr("Population"), self.tr("Drawn"),
                              self.tr("Reviewed"), self.tr("Left"), self.tr("Done"), self.tr("Lot verdict")])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round:")))
        top.addWidget(self.round_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        for title, table, stretch in ((self.tr("Per reviewer"), self.reviewers, 1),
                                      (self.tr("Per stratum or lot"), self.strata, 2)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            layout.addWidget(box, stretch)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(820, 600)       # filled when shown (showEvent): once per opening, not twice

    def reload_rounds(self) -> None:
        fill_rounds(self.round_box, self.db)
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.reload_rounds()
        super().showEvent(event)

    def refresh(self, *_: Any) -> None:
        round_id = self.round_box.currentData()
        if round_id is None:
            self.summary.setText(self.tr("No review round yet: draw one with Rounds > New review round."))
            _fill(self.reviewers, [])
            _fill(self.strata, [])
            return
        stored = store.get_round(self.db, round_id)
        people = round_status.reviewer_progress(self.db, round_id)
        drawn, done = sum(n for _, n, _ in people), sum(d for _, _, d in people)
        self.summary.setText(fill(self.tr("%1 · %2 of %3 cases reviewed (%4), %5 left."),
                                  describe_plan(stored.plan), done, drawn, share(done, drawn), drawn - done))
        _fill(self.reviewers, [(name or self.tr("(not assigned)"), n, d, n - d, share(d, n)) for name, n, d in people])
        verdicts: dict[str, str] = {}
        if stored.plan.method == "acceptance":
            words = {"accept": self.tr("Accept"), "reject": self.tr("Reject")}
            verdicts = {lot.lot: words.get(lot.verdict or "", self.tr("Pending"))
                        for lot in round_status.lot_verdicts(self.db, round_id)}
        rows = round_checks.stratum_progress(self.db, round_id)
        _fill(self.strata, [(stratum_label(s, stored.plan.strata) if s else self.tr("(whole round)"), population,
                             n, d, n - d, share(d, n), verdicts.get(s, "")) for s, population, n, d in rows])
        self.strata.setColumnHidden(6, stored.plan.method != "acceptance")
        for row in range(self.strata.rowCount()):
            item = self.strata.item(row, 6)
            if item.text() in (self.tr("Accept"), self.tr("Reject")):
                item.setForeground(QColor("#1b7f3b" if item.text() == self.tr("Accept") else "#b00020"))


def show_round_progress(window: Any) -> RoundProgressDialog:
    """Rounds > Round progress (non-modal, refreshed each time it is shown)."""
    if getattr(window, "round_progress", None) is None:
        window.round_progress = RoundProgressDialog(window.db, window)
    window.round_progress.show()
    window.round_progress.raise_()
    return window.round_progress
