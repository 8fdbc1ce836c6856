"""The third page of the round wizard: reviewers with optional caps, and the drawn cases shared
among them by count or by expected effort (workbench.rounds.assignment.plan_assignment)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCompleter, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
                               QWizardPage)

from ui.case_model import value_label
from ui.messages import error_text
from ui.round_labels import ERROR_STYLE
from foundation.errors import WorkbenchError
from workbench.importing.identifiers import IP_TYPES
from workbench.review import queue
from workbench.rounds import assignment, sampling_plan, store


class NameDelegate(QStyledItemDelegate):
    """Reviewer names are typed with the names the workspace already knows offered as completions."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802 (Qt name)
        editor = QLineEdit(parent)
        completer = QCompleter(self.names, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor


class AssignmentPage(QWizardPage):
    """Reviewers with optional caps, balanced by count or by expected effort per IP type."""

    def __init__(self, wizard: Any) -> None:
        """`wizard` is the RoundWizard (its db and plan page); not imported here, as it imports this page."""
        super().__init__()
        self.w = wizard
        self.drawn: sampling_plan.Draw | None = None
        self.assignment: dict[int, str] = {}
        self.setTitle(self.tr("Reviewers"))
        self.setSubTitle(self.tr("Share the cases among reviewers. No one is given a case they examined. "
                                 "Leave the list empty to assign the cases later."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Reviewer"), self.tr("Cap (blank: none)"),
                                              self.tr("Assigned")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 100)
        self.table.itemChanged.connect(self._changed)
        self.names = NameDelegate(queue.choices(self.w.db, "reviewer"), self.table)
        self.table.setItemDelegateForColumn(0, self.names)
        self.add_button = QPushButton(self.tr("Add reviewer"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(lambda: self.add_reviewer(""))
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        balance_row, effort_row = self._build_balance()
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(balance_row)
        layout.addLayout(effort_row)
        layout.addWidget(self.status)
        for reviewer in self._previous_reviewers():
            self.add_reviewer(reviewer.name, reviewer.cap)

    def _build_balance(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Balance by count or by effort, and the expected hours per case of each IP type."""
        self.by_count = QRadioButton(self.tr("Balance the number of cases"))
        self.by_effort = QRadioButton(self.tr("Balance the expected effort (hours per case):"))
        self.by_count.setChecked(True)
        self.effort: dict[str, QDoubleSpinBox] = {}
        balance_row = QHBoxLayout()
        balance_row.addWidget(self.by_count)
        balance_row.addSpacing(24)
        balance_row.addWidget(self.by_effort)
        balance_row.addStretch(1)
        effort_row = QHBoxLayout()
        effort_row.addSpacing(24)
        for ip_type, hours in zip(IP_TYPES, (3.0, 1.5, 1.0, 1.0)):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 100.0)
            spin.setSingleStep(0.5)
            spin.setValue(hours)
            spin.valueChanged.connect(self._changed)
            self.effort[ip_type] = spin
            effort_row.addWidget(QLabel(value_label("ip_type", ip_type)))
            effort_row.addWidget(spin)
        effort_row.addStretch(1)
        self.by_effort.toggled.connect(self._changed)
        return balance_row, effort_row

    def _previous_reviewers(self) -> tuple[assignment.Reviewer, ...]:
        latest = store.list_rounds(self.w.db)
        return store.get_round(self.w.db, latest[0][0]).reviewers if latest else ()

    def add_reviewer(self, name: str, cap: int | None = None) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem("" if cap is None else str(cap)))
        assigned = QTableWidgetItem("")
        assigned.setFlags(Qt.ItemFlag.ItemIsEnabled)
        assigned.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, assigned)
        self.table.blockSignals(False)
        if not name:
            self.table.editItem(self.table.item(row, 0))
        self._changed()

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.rowCount() - 1]:
            if row >= 0:
                self.table.removeRow(row)
        self._changed()

    def reviewers(self) -> tuple[assignment.Reviewer, ...]:
        result = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            cap_text = (self.table.item(row, 1).text() if self.table.item(row, 1) else "").strip()
            if not name:
                continue
            try:
                cap = int(cap_text) if cap_text else None
            except ValueError:
                raise WorkbenchError("rounds.reviewer_cap", reviewer=name, value=cap_text) from None
            result.append(assignment.Reviewer(name, cap))
        return assignment.check_reviewers(result)

    def effort_values(self) -> dict[str, float] | None:
        return {t: spin.value() for t, spin in self.effort.items()} if self.by_effort.isChecked() else None

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        plan_page = self.w.plan_page
        self.drawn = sampling_plan.draw(plan_page.population, plan_page.plan(), plan_page.seed_value())
        self.names.names = queue.choices(self.w.db, "reviewer")     # names of rounds drawn since the wizard opened
        self._changed()

    def _changed(self, *_: Any) -> None:
        self.assignment = {}
        problem = ""
        try:
            reviewers = self.reviewers()
            if self.drawn is not None:
                self.assignment = assignment.plan_assignment([d.case for d in self.drawn.cases], reviewers,
                                                         self.effort_values())
        except WorkbenchError as exc:
            problem = error_text(exc)
            self.assignment = {}
            reviewers = ()
        loads: dict[str, int] = {}
        for name in self.assignment.values():
            loads[name] = loads.get(name, 0) + 1
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            self.table.item(row, 2).setText(str(loads.get(name, 0)) if name and not problem else "")
        self.table.blockSignals(False)
        if problem:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(problem)
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("The %n case(s) will stay unassigned.", "",
                                        len(self.drawn.cases) if self.drawn else 0) if not reviewers else "")
        self.problem = problem
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return not getattr(self, "problem", "")
