"""The lot verdicts of acceptance rounds (Rounds > Lot verdicts...): each lot's ISO 2859-1 plan
and, once its reviews are done, its verdict (workbench.rounds.round_status.lot_verdicts)."""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.round_labels import describe_plan, fill_rounds, stratum_label
from workbench.rounds import round_status, store


class LotVerdictsDialog(QDialog):
    """Acceptance rounds: each lot's ISO 2859-1 plan and, once its reviews are done, its verdict.

    Kept beside the wizard that creates these rounds; read-only, refreshed when shown or when
    another round is picked.
    """

    COLUMNS = ("lot", "lot_size", "code_letter", "sample_size", "accept", "reject", "reviewed", "nonconforming",
               "verdict")

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Lot verdicts"))
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Lot"), self.tr("Lot size"), self.tr("Code letter"), self.tr("Sample"), self.tr("Ac"),
            self.tr("Re"), self.tr("Reviewed"), self.tr("Nonconforming"), self.tr("Verdict")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Acceptance round:")))
        top.addWidget(self.round_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(900, 520)       # filled when shown (showEvent): once per opening, not twice

    def reload_rounds(self) -> None:
        fill_rounds(self.round_box, self.db,
                    lambda round_id: store.get_round(self.db, round_id).plan.method == "acceptance")
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.reload_rounds()
        super().showEvent(event)

    def refresh(self, *_: Any) -> None:
        round_id = self.round_box.currentData()
        if round_id is None:
            self.plan_label.setText(self.tr("No acceptance round yet: draw one with Rounds > New review round, "
                                            "method Acceptance per lot."))
            self.table.setRowCount(0)
            return
        stored = store.get_round(self.db, round_id)
        self.plan_label.setText(describe_plan(stored.plan) + " · " + (
            self.tr("nonconforming: error or defect verdicts") if stored.plan.count_defects
            else self.tr("nonconforming: error verdicts")))
        lots = round_status.lot_verdicts(self.db, round_id)
        self.table.setRowCount(len(lots))
        for row, lot in enumerate(lots):
            verdict = {"accept": self.tr("Accept"), "reject": self.tr("Reject")}.get(
                lot.verdict or "", self.tr("Pending: %n to review", "", lot.sample_size - lot.reviewed))
            values = (stratum_label(lot.lot, stored.plan.strata), lot.lot_size, lot.code_letter, lot.sample_size,
                      lot.accept, lot.reject, lot.reviewed, lot.nonconforming, verdict)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if 0 < column < len(values) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == len(values) - 1 and lot.verdict:
                    item.setForeground(QColor("#1b7f3b" if lot.verdict == "accept" else "#b00020"))
                self.table.setItem(row, column, item)
