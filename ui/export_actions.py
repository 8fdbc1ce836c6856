"""File > Export workbook and Export report as PDF: confirm what goes in, choose the file (in the
folder of the last export), write on a worker, then offer to open the file or its folder."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from db.connection import open_database
from foundation.errors import WorkbenchError
from foundation.jobs import CancelToken, Progress
from ui import dialogs
from ui.errors import show_failure
from ui.export_dialogs import ExportChoices, ExportDoneDialog, open_path
from ui.file_dialogs import EXPORTS
from ui.messages import error_text
from ui.tasks import Task
from workbench.report import sheets as report_sheets
from workbench.report.figures import ReportFilter, list_round_names
from workbench.report.workbook import sheet_plan, write_workbook

translate = QCoreApplication.translate


def suggested_name(round_name: str | None, suffix: str) -> str:
    """The suggested file name, in the window's language (质量评查-轮次名.xlsx in Chinese)."""
    base = translate("MainWindow", "quality-review")
    if not round_name:
        return base + suffix
    return base + "-%s%s" % ("".join(
        c if c.isalnum() or c in "-_ " else "-" for c in round_name).strip(), suffix)


def sheet_names(window: Any) -> Callable[[str, ReportFilter], list[str]]:
    """The sheets the workbook will have for a round and period, as the export decides them (By
    stratum, Calibration, Disputes and Screening yield only where they apply)."""
    def names(language: str, report_filter: ReportFilter) -> list[str]:
        return [report_sheets.sheet_name(k, language) for k in sheet_plan(window.db, report_filter)]
    return names


def export(window: Any, pdf: bool = False) -> Task | None:
    """The Dashboard's round, period and target; for a workbook confirmed (and editable) first."""
    try:
        choices = ExportChoices(window.dashboard.report_filter(), window.dashboard.target(), window.language)
    except WorkbenchError as exc:
        dialogs.error(window, translate("MainWindow", "Export failed"), error_text(exc))
        return None
    suffix = ".pdf" if pdf else ".xlsx"
    if not pdf:
        chosen = dialogs.confirm_export(window, choices, list_round_names(window.db), sheet_names(window))
        if chosen is None:
            return None
        choices = chosen
    suggested = suggested_name(choices.report_filter.round_name, suffix)
    if pdf:
        path = dialogs.save_file(window, translate("MainWindow", "Export report as PDF"),
                                 translate("MainWindow", "PDF document (*.pdf)"), suggested, kind=EXPORTS)
    else:
        path = dialogs.save_file(window, translate("MainWindow", "Export workbook"),
                                 translate("MainWindow", "Excel workbook (*.xlsx)"), suggested, kind=EXPORTS)
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    return start(window, Path(path), choices)


def start(window: Any, path: Path, choices: ExportChoices | None = None) -> Task:
    """The workbook, or the PDF report for a .pdf path, written on a worker with progress and Cancel."""
    if choices is None:
        choices = ExportChoices(window.dashboard.report_filter(), window.dashboard.target(), window.language)
    db_path, read_only = window.db_path, window.read_only
    writer: Callable[..., Any] = write_workbook
    if path.suffix.lower() == ".pdf":
        from workbench.report.pdf_report import write_pdf_report
        writer = write_pdf_report

    def job(progress: Progress, cancel: CancelToken) -> Any:
        db = open_database(db_path, read_only=read_only)
        try:
            return writer(db, path, language=choices.language, report_filter=choices.report_filter,
                          target=choices.target, progress=progress, cancel=cancel)
        finally:
            db.close()

    window.panel.flush()
    task = window.tasks.start(window, translate("MainWindow", "Exporting %1").replace("%1", path.name), job)
    task.finished.connect(lambda result: finished(window, result))
    task.failed.connect(lambda exc: show_failure(window, translate("MainWindow", "Export failed"), exc))
    task.cancelled.connect(lambda: window.statusBar().showMessage(
        translate("MainWindow", "Export cancelled; no file was written."), 8000))
    return task


def finished(window: Any, result: Any) -> ExportDoneDialog:
    """Say what was written, in the status bar (with links) and in a small dialog with buttons."""
    path = Path(result.path)
    summary = translate("MainWindow", "Wrote %1: %2 cases, %3 findings.").replace("%1", str(path)) \
        .replace("%2", str(result.cases)).replace("%3", str(result.findings))
    window.statusBar().showMessage(summary, 15000)
    links = getattr(window, "export_links", None)
    if links is None:
        links = window.export_links = QLabel()
        links.linkActivated.connect(lambda href: open_path(Path(href[len("file:"):]) if href.startswith("file:")
                                                           else Path(href)))
        window.statusBar().addPermanentWidget(links)
    links.setText('<a href="file:%s">%s</a> · <a href="file:%s">%s</a>' % (
        path, translate("MainWindow", "Open file"), path.parent, translate("MainWindow", "Show in folder")))
    links.show()
    window.export_done_dialog = ExportDoneDialog(window, path, summary)
    window.export_done_dialog.show()
    return window.export_done_dialog
