"""Review > Pendency targets…: per IP type, how long from filing to decision the office allows, in
days or months (the office publishes such targets each year). Saving calls
`workbench.report.targets.set_pendency_target` for each target that changed (each change is an
audit entry) and then says so through the window's one change notification, so the Trend page's
"decided within the target" chart is computed again.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QSpinBox,
                               QVBoxLayout, QWidget)

import sqlite_utils

from foundation.errors import WorkbenchError
from ui import dialogs
from ui.case_model import value_label
from ui.messages import error_text
from workbench.report.targets import IP_TYPES, MAX_DAYS, MONTH_DAYS, parse_days, pendency_targets, set_pendency_target

DAYS = "d"
MONTHS = "m"
MAX_MONTHS = 120


def as_months(days: int) -> int | None:
    """Whole months when `days` is what that many months are stored as (20 months: 609 days)."""
    months = round(days / MONTH_DAYS)
    return months if 1 <= months <= MAX_MONTHS and round(months * MONTH_DAYS) == days else None


class _Row:
    """One IP type's line: on/off, the number, days or months, and what is stored."""

    def __init__(self, ip_type: str) -> None:
        self.ip_type = ip_type
        self.check = QCheckBox(value_label("ip_type", ip_type))
        self.number = QSpinBox()
        self.number.setRange(1, MAX_DAYS)
        self.unit = QComboBox()
        self.unit.addItem(QCoreApplication.translate("TargetsDialog", "days"), DAYS)
        self.unit.addItem(QCoreApplication.translate("TargetsDialog", "months"), MONTHS)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #595959;")
        self.check.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.number.setEnabled(on)
        self.unit.setEnabled(on)

    def show(self, days: int | None) -> None:
        self.check.setChecked(days is not None)
        months = as_months(days) if days is not None else None
        self.unit.setCurrentIndex(1 if months is not None else 0)
        self.number.setValue(months if months is not None else (days or 1))

    def text(self) -> str | None:
        """What the user asks for, as the domain reads it ("600d", "20m"), or None for no target."""
        if not self.check.isChecked():
            return None
        return f"{self.number.value()}{self.unit.currentData()}"


class TargetsDialog(QDialog):
    """Non-modal; `saved` carries the IP types whose target changed."""

    saved = Signal(list)

    def __init__(self, db: sqlite_utils.Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setWindowTitle(self.tr("Pendency targets"))
        intro = QLabel(self.tr("How long from filing to decision each IP type may take. The Trend page shows, "
                               "per period, the share of cases decided within it. Months are stored as whole "
                               "days (a month is 365.25 / 12 days); every change is kept in the audit log."))
        intro.setWordWrap(True)
        self.rows = [_Row(ip_type) for ip_type in IP_TYPES]
        grid = QGridLayout()
        for line, row in enumerate(self.rows):
            for column, widget in enumerate((row.check, row.number, row.unit, row.hint)):
                grid.addWidget(widget, line, column)
            row.number.valueChanged.connect(self._update_hints)
            row.unit.currentIndexChanged.connect(self._update_hints)
            row.check.toggled.connect(self._update_hints)
        grid.setColumnStretch(3, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(560, 260)
        self.load()

    def row(self, ip_type: str) -> _Row:
        return next(r for r in self.rows if r.ip_type == ip_type)

    def load(self) -> None:
        """Show the targets in force."""
        self.targets = pendency_targets(self.db)
        self.stored = {t: target.days for t, target in self.targets.items()}
        for row in self.rows:
            row.show(self.stored.get(row.ip_type))
        self._update_hints()

    def _update_hints(self, *_args: object) -> None:
        for row in self.rows:
            row.hint.setText(self._hint(row))

    def _hint(self, row: _Row) -> str:
        text = row.text()
        if text is None:
            return self.tr("no target")
        try:
            days = parse_days(text)
        except WorkbenchError as exc:
            return error_text(exc)
        hint = self.tr("%1 days").replace("%1", str(days))
        target = self.targets.get(row.ip_type)
        if target is not None and target.days == days:
            hint += " · " + self.tr("set by %1 on %2").replace("%1", target.set_by).replace("%2", target.set_at[:10])
        return hint

    def save(self) -> bool:
        """Set each target that changed (all or none); close and say what changed."""
        changed = []
        try:
            wanted = {row.ip_type: (parse_days(row.text()) if row.text() is not None else None) for row in self.rows}
            with self.db.atomic():
                for ip_type, days in wanted.items():
                    if days != self.stored.get(ip_type):
                        set_pendency_target(self.db, ip_type, days, actor=self.actor)
                        changed.append(ip_type)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Pendency targets"), error_text(exc))
            return False
        if changed:
            self.saved.emit(changed)
        self.accept()
        return True
