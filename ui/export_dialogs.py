"""The two small dialogs around File > Export: what the workbook will hold (editable) before it is
written, and "Open file" / "Show in folder" once it is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from foundation.errors import WorkbenchError
from workbench.report.figures import ReportFilter

LANGUAGES = (("en", "English"), ("zh", "中文"))


@dataclass(frozen=True)
class ExportChoices:
    """What an export writes: the scope, the target, the language of its sheets."""
    report_filter: ReportFilter
    target: float
    language: str


class ExportConfirmDialog(QDialog):
    """Round, decision dates, target, language and the sheets, before the workbook is written."""

    def __init__(self, parent: QWidget | None, choices: ExportChoices, rounds: Sequence[str],
                 sheets: Callable[[str, ReportFilter], list[str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export workbook"))
        self.sheets = sheets
        self.round_box = QComboBox()
        self.round_box.addItem(self.tr("All cases"), None)
        for name in rounds:
            self.round_box.addItem(name, name)
        self.round_box.setCurrentIndex(max(self.round_box.findData(choices.report_filter.round_name), 0)
                                       if choices.report_filter.round_name else 0)
        flt = choices.report_filter
        self.from_check, self.from_date = self._date_row(self.tr("Decided from"), flt.date_from)
        self.to_check, self.to_date = self._date_row(self.tr("Decided up to"), flt.date_to)
        self.target_box = QSpinBox()
        self.target_box.setRange(1, 100)
        self.target_box.setSuffix("%")
        self.target_box.setValue(round(choices.target * 100))
        self.language_box = QComboBox()
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(0 if choices.language.startswith("en") else 1)
        self.sheet_label = QLabel()
        self.sheet_label.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #C0504D;")
        self.problem.hide()
        self._layout()
        self._show_sheets()
        for changed in (self.language_box.currentIndexChanged, self.round_box.currentIndexChanged,
                        self.from_check.toggled, self.to_check.toggled, self.from_date.dateChanged,
                        self.to_date.dateChanged):
            changed.connect(self._show_sheets)       # which sheets apply depends on the round and dates

    def _date_row(self, text: str, value: object) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        edit = QDateEdit(QDate.currentDate() if value is None else QDate(value.year, value.month, value.day))  # type: ignore[attr-defined]
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(value is not None)
        check.setChecked(value is not None)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Round:"), self.round_box)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            form.addRow(check, row)
        form.addRow(self.tr("Target:"), self.target_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Sheets:"), self.sheet_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = buttons.addButton(self.tr("Choose file and export..."), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The workbook will hold these figures, with the cases and findings:")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.write_button.setDefault(True)      # once in the dialog: set before, the dialog never knew it
        self.setMinimumWidth(520)
        self.round_box.setFocus()               # not Cancel: Enter writes, as the default button says

    def _show_sheets(self, *_args: object) -> None:
        language = self.language_box.currentData()
        try:
            names = self.sheets(language, self.choices().report_filter)
        except WorkbenchError:
            return                              # a period that ends before it starts: said on Export
        self.sheet_label.setText(("、" if language == "zh" else ", ").join(names))
        self.adjustSize()

    def choices(self) -> ExportChoices:
        """What is chosen; raises WorkbenchError for a period that ends before it starts."""
        flt = ReportFilter(
            round_name=self.round_box.currentData(),
            date_from=self.from_date.date().toPython() if self.from_check.isChecked() else None,
            date_to=self.to_date.date().toPython() if self.to_check.isChecked() else None)
        return ExportChoices(flt, self.target_box.value() / 100.0, self.language_box.currentData())

    def _accept(self) -> None:
        from ui.messages import error_text
        try:
            self.choices()
        except WorkbenchError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            return
        self.accept()


def ask_export_choices(parent: QWidget | None, choices: ExportChoices, rounds: Sequence[str],
                       sheets: Callable[[str, ReportFilter], list[str]]) -> ExportChoices | None:
    dialog = ExportConfirmDialog(parent, choices, rounds, sheets)
    return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDoneDialog(QDialog):
    """The file was written: open it, or open the folder that holds it."""

    def __init__(self, parent: QWidget | None, path: Path, summary: str,
                 opener: Callable[[Path], bool] = open_path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export finished"))
        self.path, self.opener = path, opener
        text = QLabel(summary)
        text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open file"))
        self.folder_button = QPushButton(self.tr("Show in folder"))
        close = QPushButton(self.tr("Close"))
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(lambda: self._open(self.path.parent))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.open_button.setDefault(True)       # once in the dialog (see ExportConfirmDialog)
        self.setMinimumWidth(440)

    def _open(self, path: Path) -> None:
        self.opener(path)
        self.accept()

