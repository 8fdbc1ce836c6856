"""File dialogs start in the folder last used for their kind; the export confirmation and the after-export dialog."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui import dialogs, file_dialogs
from ui.export_dialogs import ExportChoices, ExportConfirmDialog, ExportDoneDialog
from workbench.report.figures import ReportFilter


def test_each_kind_of_file_starts_in_its_own_last_folder(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    imports, exports = tmp_path / "in", tmp_path / "out"
    imports.mkdir()
    exports.mkdir()
    starts: list[str] = []

    def fake_open(parent, title, start, name_filter):
        starts.append(start)
        return str(imports / "cases.csv"), ""

    def fake_save(parent, title, start, name_filter):
        starts.append(start)
        return str(exports / "report.xlsx"), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda p, t, start: starts.append(start) or "")
    assert dialogs.open_file(None, "Import", "*", kind=file_dialogs.IMPORTS) == str(imports / "cases.csv")
    assert dialogs.save_file(None, "Export", "*", "q.xlsx", kind=file_dialogs.EXPORTS) == str(exports / "report.xlsx")
    dialogs.open_file(None, "Import", "*", kind=file_dialogs.IMPORTS)
    dialogs.save_file(None, "Export", "*", "q.xlsx", kind=file_dialogs.EXPORTS)
    dialogs.choose_folder(None, "Packages", kind=file_dialogs.PACKAGES)    # cancelled: nothing remembered
    assert starts == ["", "q.xlsx", str(imports), str(exports / "q.xlsx"), ""]
    assert file_dialogs.last_folder(file_dialogs.PACKAGES) == ""
    exports.rmdir()                     # a folder since removed is not offered
    assert file_dialogs.start_path(file_dialogs.EXPORTS, "q.xlsx") == "q.xlsx"


def test_the_export_confirmation_shows_and_edits_the_choices(qtbot):
    choices = ExportChoices(ReportFilter("R1", date(2026, 1, 1), None), 0.9, "en")
    def sheets(language: str, report_filter: ReportFilter) -> list[str]:
        stratified = report_filter.round_name == "R2"        # the sheets depend on the round chosen
        if language == "en":
            return ["Summary", *(["By stratum"] if stratified else []), "Cases"]
        return ["汇总", *(["按分层"] if stratified else []), "案件"]

    dialog = ExportConfirmDialog(None, choices, ["R1", "R2"], sheets)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.round_box and dialog.write_button.isDefault()   # Enter writes
    assert dialog.choices() == choices
    assert dialog.sheet_label.text() == "Summary, Cases"
    dialog.round_box.setCurrentIndex(dialog.round_box.findData("R2"))
    assert dialog.sheet_label.text() == "Summary, By stratum, Cases"
    dialog.from_check.setChecked(False)
    dialog.target_box.setValue(85)
    dialog.language_box.setCurrentIndex(1)
    assert dialog.choices() == ExportChoices(ReportFilter("R2", None, None), 0.85, "zh")
    assert dialog.sheet_label.text() == "汇总、按分层、案件"
    dialog.from_check.setChecked(True)          # a period that ends before it starts is refused in place
    dialog.from_date.setDate(date(2026, 5, 1))
    dialog.to_check.setChecked(True)
    dialog.to_date.setDate(date(2026, 4, 1))
    dialog.write_button.click()
    assert dialog.result() == 0 and not dialog.problem.isHidden()


def test_after_export_open_the_file_or_its_folder(qtbot, tmp_path):
    opened: list[Path] = []
    path = tmp_path / "out.xlsx"
    dialog = ExportDoneDialog(None, path, "Wrote it.", opener=lambda p: opened.append(p) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.open_button.isDefault()       # Enter opens the file
    dialog.open_button.click()
    dialog.folder_button.click()
    assert opened == [path, tmp_path]
