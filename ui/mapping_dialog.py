"""Choosing the sheet, the header row and which column holds which case field, with a preview
of the first rows. Opened when the application number column cannot be found, when a workbook
has several sheets, or when the user asks to change the guess; the choice can be remembered
for files with the same headers."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.messages import error_text
from foundation.errors import WorkbenchError
from workbench.importing.headers import CASE_FIELDS
from workbench.importing.header_finding import HEADER_SCAN_ROWS
from workbench.importing.preview import FilePreview
from workbench.importing.mappings import EXTRA

Loader = Callable[[str | None, int | None], FilePreview]


@dataclass(frozen=True)
class MappingChoice:
    sheet: str | None
    header_line: int | None
    mapping: dict[str, str]           # column name -> case field or "extra"
    remember: bool


def field_label(target: str) -> str:
    labels = {
        "application_number": QCoreApplication.translate("MappingDialog", "Application number"),
        "ip_type": QCoreApplication.translate("MappingDialog", "IP type"),
        "title": QCoreApplication.translate("MappingDialog", "Title"),
        "applicant": QCoreApplication.translate("MappingDialog", "Applicant"),
        "examiner": QCoreApplication.translate("MappingDialog", "Examiner"),
        "department": QCoreApplication.translate("MappingDialog", "Department"),
        "classification": QCoreApplication.translate("MappingDialog", "Classification"),
        "procedure": QCoreApplication.translate("MappingDialog", "Procedure"),
        "decision": QCoreApplication.translate("MappingDialog", "Decision"),
        "filing_date": QCoreApplication.translate("MappingDialog", "Filing date"),
        "decision_date": QCoreApplication.translate("MappingDialog", "Decision date"),
        "agent": QCoreApplication.translate("MappingDialog", "Agent (agency)"),
        "applicant_type": QCoreApplication.translate("MappingDialog", "Applicant type"),
        "abstract": QCoreApplication.translate("MappingDialog", "Abstract"),
        "nice_classes": QCoreApplication.translate("MappingDialog", "Nice classes (trademarks)"),
        "use_shown": QCoreApplication.translate("MappingDialog", "Use shown (trademarks)"),
        EXTRA: QCoreApplication.translate("MappingDialog", "(keep as other data)"),
    }
    return labels.get(target, target)


class MappingDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, preview: FilePreview, load: Loader) -> None:
        super().__init__(parent)
        self.preview = preview
        self.load = load
        self.combos: list[QComboBox] = []
        self._updating = False
        self.setWindowTitle(self.tr("Columns of %1").replace("%1", Path(preview.path).name))
        self.resize(1100, 560)

        self.about = QLabel()
        self.about.setWordWrap(True)
        self.sheet_box = QComboBox()
        self.sheet_box.addItems(preview.sheets)
        if preview.sheet in preview.sheets:
            self.sheet_box.setCurrentText(preview.sheet)
        self.sheet_box.currentTextChanged.connect(lambda _t: self._reload(header_line=None))
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, HEADER_SCAN_ROWS)
        self.header_spin.setValue(preview.header_line or 1)
        self.header_spin.valueChanged.connect(lambda line: self._reload(header_line=line))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.sheet_box.setMinimumWidth(220)
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_label.setBuddy(self.sheet_box)
        form.addRow(self.sheet_label, self.sheet_box)
        header_label = QLabel(self.tr("&Header row:"))
        header_label.setBuddy(self.header_spin)
        form.addRow(header_label, self.header_spin)
        multi_sheet = preview.kind == "spreadsheet" and len(preview.sheets) > 1
        self.sheet_label.setVisible(multi_sheet)
        self.sheet_box.setVisible(multi_sheet)

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.remember_box = QCheckBox(self.tr("&Remember these columns for files with the same headers"))
        self.remember_box.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("For each column, choose the case field it holds. "
                                        "Columns kept as other data are stored with the case, never dropped.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.remember_box)
        layout.addWidget(self.buttons)
        self._show(preview)

    # -- filling -----------------------------------------------------------------------------
    def _describe(self, preview: FilePreview) -> str:
        if preview.kind == "spreadsheet":
            return self.tr("%1: sheet %2").replace("%1", Path(preview.path).name).replace("%2", preview.sheet or "")
        if preview.kind == "html":
            return (self.tr("%1: a web page table in %2 (saved as a spreadsheet)")
                    .replace("%1", Path(preview.path).name).replace("%2", preview.encoding or ""))
        delimiter = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}.get(
            preview.delimiter or ",", preview.delimiter or "")
        return (self.tr("%1: text in %2, separated by %3").replace("%1", Path(preview.path).name)
                .replace("%2", preview.encoding or "").replace("%3", delimiter))

    def _show(self, preview: FilePreview) -> None:
        self.preview = preview
        self.about.setText(self._describe(preview))
        self._updating = True
        if preview.header_line:
            self.header_spin.setValue(preview.header_line)
        self._updating = False
        names = preview.names
        self.table.clear()
        self.table.setColumnCount(len(names))
        self.table.setRowCount(len(preview.rows) + 1)
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels([self.tr("Field")] + [str(line) for line, _ in preview.rows])
        self.combos = []
        for column, name in enumerate(names):
            combo = QComboBox()
            for target in CASE_FIELDS + (EXTRA,):
                combo.addItem(field_label(target), target)
            combo.setCurrentIndex(combo.findData(preview.mapping.get(name, EXTRA)))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._field_chosen(c))
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, (_line, cells) in enumerate(preview.rows, start=1):
            for column, text in enumerate(cells[:len(names)]):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for column in range(len(names)):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 130), 260))
        self._check()

    def _reload(self, *, header_line: int | None) -> None:
        if self._updating:
            return
        sheet = (self.sheet_box.currentText() or None) if self.preview.kind == "spreadsheet" else None
        try:
            preview = self.load(sheet, header_line)
        except WorkbenchError as exc:
            self.status.setText(error_text(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self._show(preview)

    def _field_chosen(self, column: int) -> None:
        target = self.combos[column].currentData()
        if target != EXTRA:
            # One column per field: the column that had it before lets it go.
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == target:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(EXTRA))
                    combo.blockSignals(False)
        self._check()

    def _check(self) -> None:
        chosen = [c.currentData() for c in self.combos]
        ok = "application_number" in chosen
        for column, target in enumerate(chosen):
            colour = QColor("#e8f3e8") if target != EXTRA else QColor("white")
            for row in range(1, self.table.rowCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(colour))
        if not self.preview.names:
            self.status.setText(self.tr("This sheet has no rows."))
            ok = False
        elif ok:
            self.status.setText(self.tr("Rows without a valid application number will be reported, not imported."))
        else:
            self.status.setText(self.tr("Choose the column that holds the application number."))
        self.status.setStyleSheet("" if ok else "color: #b00020;")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    # -- the answer ----------------------------------------------------------------------------
    def choice(self) -> MappingChoice:
        mapping = {name: combo.currentData() for name, combo in zip(self.preview.names, self.combos)}
        sheet = self.preview.sheet if self.preview.kind == "spreadsheet" else None
        return MappingChoice(sheet, self.preview.header_line, mapping, self.remember_box.isChecked())

    def choose(self, column_name: str, target: str) -> None:
        """Set one column's field, as a person would with its box (for tests and scripts)."""
        combo = self.combos[self.preview.names.index(column_name)]
        combo.setCurrentIndex(combo.findData(target))


def ask_mapping(parent: QWidget | None, preview: FilePreview, load: Loader) -> MappingChoice | None:
    """Show the dialog and wait; None when cancelled. Tests replace this function."""
    dialog = MappingDialog(parent, preview=preview, load=load)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
