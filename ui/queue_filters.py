"""The filter bar above the case queue: search, then status, type, department, examiner,
reviewer and verdict. It only builds a workbench.review.queue.CaseFilter; the model runs it."""
from __future__ import annotations

import sqlite_utils
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QToolButton, QWidget

from ui.case_model import risk_band_label, value_label
from workbench.review import queue
from workbench.review.queue import CaseFilter

SEARCH_DELAY_MS = 250     # search as you type, once typing pauses


class QueueFilterBar(QWidget):
    changed = Signal(object)    # CaseFilter

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None, *, me: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.me = me          # the window's reviewer: "My cases" are their round assignments
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search application no., title or applicant (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._emit)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)

        self.status = self._combo(self.tr("Any status"), [(value_label("status", s), s) for s in queue.STATUSES])
        self.ip_type = self._combo(self.tr("Any type"), [(value_label("ip_type", t), t) for t in queue.IP_TYPES])
        self.verdict = self._combo(self.tr("Any verdict"), [(value_label("verdict", v), v) for v in queue.VERDICTS])
        self.risk_band = self._combo(self.tr("Any risk"), [(risk_band_label(b), b) for b in queue.RISK_BANDS])
        self.department = self._combo(self.tr("Any department"), [])
        self.examiner = self._combo(self.tr("Any examiner"), [])
        self.reviewer = self._combo(self.tr("Any reviewer"), [])
        self.mine = QToolButton()
        self.mine.setText(self.tr("My cases"))
        self.mine.setCheckable(True)
        self.mine.setToolTip(self.tr("Only the cases assigned to %1 in review rounds").replace("%1", me or "?"))
        self.mine.setEnabled(bool(me))
        self.mine.toggled.connect(lambda _on: self._emit())
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every case"))
        self.clear_button.clicked.connect(self.clear)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 4)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.mine, 0, 2)
        grid.addWidget(self.clear_button, 0, 3)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(self.ip_type, 1, 1)
        grid.addWidget(self.verdict, 1, 2)
        grid.addWidget(self.risk_band, 1, 3)
        grid.addWidget(self.department, 2, 0)
        grid.addWidget(self.examiner, 2, 1)
        grid.addWidget(self.reviewer, 2, 2, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.reload_choices()

    def _combo(self, anything: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(anything, None)
        for label, value in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _index: self._emit())
        return combo

    def reload_choices(self) -> None:
        """The departments, examiners and reviewers in the workspace (after an import or a round)."""
        for combo, field in ((self.department, "department"), (self.examiner, "examiner"),
                             (self.reviewer, "reviewer")):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in queue.choices(self.db, field):
                combo.addItem(value, value)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def case_filter(self) -> CaseFilter:
        return CaseFilter(search=self.search.text().strip(), status=self.status.currentData(),
                          reviewer=self.reviewer.currentData(), ip_type=self.ip_type.currentData(),
                          department=self.department.currentData(), examiner=self.examiner.currentData(),
                          verdict=self.verdict.currentData(), risk_band=self.risk_band.currentData(),
                          assigned_to=self.me if self.mine.isChecked() and self.me else None)

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show a filter (tests, remembered settings) and apply it."""
        self.blockSignals(True)
        self.search.setText(case_filter.search)
        self.mine.setChecked(bool(case_filter.assigned_to))
        for combo, value in ((self.status, case_filter.status), (self.reviewer, case_filter.reviewer),
                             (self.ip_type, case_filter.ip_type), (self.department, case_filter.department),
                             (self.examiner, case_filter.examiner), (self.verdict, case_filter.verdict),
                             (self.risk_band, case_filter.risk_band)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(0, index))
        self.blockSignals(False)
        self._emit()

    def clear(self) -> None:
        self.set_filter(CaseFilter())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def stop(self) -> None:
        """The window is closing: a search typed in its last moments must not run on a closed workspace."""
        self._search_timer.stop()
        self.blockSignals(True)

    def _emit(self) -> None:
        self._search_timer.stop()
        self.changed.emit(self.case_filter())


def choose_my_cases(bar: QueueFilterBar) -> bool:
    """At start, and after a round is drawn: a reviewer with assignments in an open round sees
    My cases, unless another filter is already chosen."""
    if bar.me and not bar.case_filter().active and queue.has_open_assignments(bar.db, bar.me):
        bar.set_filter(CaseFilter(assigned_to=bar.me))
        return True
    return False
