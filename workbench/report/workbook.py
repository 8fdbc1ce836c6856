"""The quality-and-efficiency workbook: `python main.py export OUT.xlsx`, and Export in the window.

Sheets: Summary (headline figures and two native charts), Calibration (a calibration round's
agreement: workbench.report.calibration_sheet), By department, By examiner, By IP type, [By stratum],
Trend (per quarter or month, with a line chart, p-chart signals and the last period compared:
workbench.report.trend_sheet), Funnel (departments and examiners against funnel limits, with two
scatter charts: workbench.report.funnel_sheet), By checklist item, [Screening yield] (of the cases screened
for abnormal filing, the share each risk band and indicator found: workbench.report.screening_sheet),
[Disputes] (feedback to examiners:
workbench.report.disputes_sheet), Findings, Answers, Cases, About. Findings and Answers hold the
answers of exactly the reviews the figures count; a listing longer than one sheet holds (1,048,575
rows) continues on "Cases (2)" and so on, with the same table layout. The figures come from
`workbench.report.figures` (the dashboard shows the same `Report`); the layout is in
`workbench.report.sheets`.

Written with openpyxl's write-only mode (rows stream to disk), to a temporary file in
the target folder that is renamed into place, so a failed or cancelled export never
leaves a partial workbook. Text from imported files is escaped so it can never run as
a formula when the workbook is opened.
"""
from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from zipfile import ZIP_DEFLATED

import sqlite_utils
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from workbench.audit import anchors
from workbench.report import calibration_sheet, disputes_sheet, sheets, summary_sheets
from workbench.report.case_counts import mapped
from workbench.report.dispute_figures import DisputeFigures, any_sent, dispute_figures
from workbench.report.funnel_sheet import write_funnel
from workbench.report.funnels import unit_funnel
from workbench.report.trend_sheet import period_kind, write_trend
from workbench.report.trends import QUARTER, Trend, trend
from foundation.errors import WorkbenchError, register
from workbench.report.excel_background import BACKGROUND_FROM, Background, background_listing, release
from workbench.report.excel_tables import write_split_table
from workbench.report.screening_sheet import scope_screened, scope_yield, write_screening
from foundation.files import atomic_target
from foundation.jobs import CancelToken, Progress, no_progress
from workbench import APP_NAME, __version__
from workbench.report.excel_print import font_name, header_footer
from workbench.report.openpyxl_internals import beside, name_fonts, spliced_files
from workbench.report.zip_splice import COMPRESSION, SplicingZipFile
from workbench.report.figures import (
    DEFAULT_TARGET,
    ChecklistCache,
    STRATIFIED_METHODS,
    Report,
    ReportFilter,
    Scope,
    compute_report,
    resolve_scope,
)
from workbench.report.listings import (
    answer_rows,
    case_rows,
    count_answers,
    count_cases,
    count_findings,
    finding_rows,
)

register({
    "export.unwritable": "Cannot write {path}: {detail}. Close it if it is open in another program, "
                        "or choose another folder.",
    "export.bad_suffix": "{path}: the workbook must be an .xlsx file.",
})


@dataclass
class ExportResult:
    path: str
    cases: int = 0
    findings: int = 0
    answers: int = 0
    reviewed: int = 0
    charts: int = 0
    report: Report | None = None
    #: The listings ("answers", "cases") rendered by a worker process rather than by the export's own.
    rendered_apart: tuple[str, ...] = ()


def sheet_plan(db: sqlite_utils.Database, report_filter: ReportFilter) -> tuple[str, ...]:
    """The keys of the sheets write_workbook writes for the filter, decided as it decides them
    (By stratum, Calibration, Disputes, Screening yield only where they apply) without computing
    the figures: for showing before an export. Raises WorkbenchError as resolve_scope does."""
    scope = resolve_scope(db, report_filter)
    rnd = scope.round
    stratified = rnd is not None and rnd.method in STRATIFIED_METHODS and db.execute(
        "SELECT EXISTS (SELECT 1 FROM round_strata WHERE round_id = ?)", [rnd.id]).fetchone()[0]
    return sheets.sheet_keys(rnd, strata=bool(stratified), disputes=any_sent(db, scope),
                             screening=scope_screened(db, scope))


def database_file(db: sqlite_utils.Database) -> str:
    for _seq, name, file in db.execute("PRAGMA database_list"):
        if name == "main":
            return file or ":memory:"
    return ""


def write_workbook(db: sqlite_utils.Database, out_path: str | Path, *, language: str = "en",
                   report_filter: ReportFilter = ReportFilter(), target: float = DEFAULT_TARGET,
                   progress: Progress = no_progress, cancel: CancelToken | None = None,
                   today: date | None = None, trend_period: str | None = None,
                   workers_from: int = BACKGROUND_FROM) -> ExportResult:
    """Write the workbook for the filter; raises WorkbenchError (unknown round, unwritable target).
    `today` is the day response deadlines are counted on (the Disputes sheet), by default today.
    The Trend sheet is by `trend_period` ("month" or "quarter"; by default months when the decisions
    in scope span a year or less, else quarters). A listing of `workers_from` rows or more is rendered
    by a worker process (the self-test asks it of every listing, to try the frozen application's)."""
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        raise WorkbenchError("export.bad_suffix", path=str(out_path))
    cancel = cancel or CancelToken()
    language = "zh" if language.startswith("zh") else "en"
    with atomic_target(out_path) as temp_name, beside(out_path):
        scope = resolve_scope(db, report_filter)
        workbook = Workbook(write_only=True)
        try:
            # The listings' workers start first (they need only the scope, whether the stratum is shown and
            # the cell styles, registered through the first sheet, Summary): Answers, the longest, renders
            # beside the figures; Cases waits until the report's sheets, whose figures take the most memory.
            summary = workbook.create_sheet(sheets.sheet_name("summary", language))
            stratum = _stratum_shown(db, scope)
            answers = count_answers(db, scope)
            with ExitStack() as workers:
                workers.enter_context(mapped(db))      # the figures and listings read the workspace mapped
                start = partial(_start, workers, db, summary, scope, language, out_path, workers_from)
                background = {"answers": start("answers", stratum, answers),
                              "cases": start("cases", stratum, count_cases(db, scope), held=True)}
                progress(0, 0, summary_sheets.S["computing"].get(language))
                report = compute_report(db, scope, target=target)
                disputes = dispute_figures(db, report.scope, today=today or date.today(), report=report)
                cancel.check()
                if bool(report.strata) != stratum:     # decided as the figures decide it: never expected
                    _stop(background)
                result = ExportResult(str(out_path), reviewed=report.reviewed, report=report)
                screened = scope_yield(db, report.scope)
                keys = sheets.sheet_keys(report.scope.round, strata=bool(report.strata), disputes=disputes.any_sent,
                                         screening=screened.overall.screened > 0)
                names = {key: sheets.sheet_name(key, language) for key in keys}
                created = {key: summary if key == "summary" else workbook.create_sheet(names[key]) for key in keys}
                result.charts = _report_sheets(db, created, report, disputes, language, progress, cancel,
                                               trend_period)
                release(background["cases"])
                if "screening" in created:
                    write_screening(created["screening"], screened, language, progress, cancel)
                cancel.check()
                _listings(db, created, names, report, language, progress, cancel, result, background, answers)
                _finish(db, workbook, created, report, language, progress, cancel, temp_name)
        except BaseException:
            _discard(workbook)
            raise
    progress(1, 1, summary_sheets.S["saved"].get(language))
    return result


def _stratum_shown(db: sqlite_utils.Database, scope: Scope) -> bool:
    """Whether the Answers and Cases sheets show the stratum (sheets.case_columns), decided before the
    figures as compute_report decides it: a round drawn by strata or lots, with its strata stored."""
    rnd = scope.round
    return bool(rnd is not None and rnd.method in STRATIFIED_METHODS and db.execute(
        "SELECT EXISTS (SELECT 1 FROM round_strata WHERE round_id = ?)", [rnd.id]).fetchone()[0])


def _start(workers: ExitStack, db: sqlite_utils.Database, sheet: Worksheet, scope: Scope, language: str,
           target: Path, workers_from: int, listing: str, stratum: bool, total: int,
           held: bool = False) -> Background | None:
    """The worker of the listing ("answers" or "cases"; None when this process writes it itself), ended
    with `workers`; `sheet`: a sheet of the workbook, in which its cell styles are registered."""
    columns = sheets.ANSWER_COLUMNS if listing == "answers" else sheets.CASE_COLUMNS
    return workers.enter_context(background_listing(
        listing, database_file(db), sheet, scope=scope, language=language,
        columns=sheets.listing_columns(columns, stratum), picked=sheets.listing_picked(columns, stratum),
        total=total, target=target, workers_from=workers_from, held=held))


def _stop(background: dict[str, Background | None]) -> None:
    """The workers ended: their listings are written here."""
    for listing, worker in background.items():
        if worker is not None:
            worker.close()
        background[listing] = None


def _finish(db: sqlite_utils.Database, workbook: Workbook, created: dict[str, Worksheet], report: Report,
            language: str, progress: Progress, cancel: CancelToken, temp_name: str) -> None:
    """The About sheet, every sheet's print frame, and the saved workbook (while the workers' files are
    still there: their parts are spliced in)."""
    exported_at = datetime.now().replace(microsecond=0)
    # The file's name, not its folder: a printed workbook should not show where it was made.
    summary_sheets.write_about(created["about"], report, language, database_file=Path(database_file(db)).name,
                               exported_at=exported_at, anchor=anchors.current(db).text())
    _print_frame(workbook, report, language, exported_at)
    cancel.check()
    progress(0, 0, summary_sheets.S["saving"].get(language))
    _save(workbook, temp_name)


def _listings(db: sqlite_utils.Database, created: dict[str, Worksheet], names: dict[str, str], report: Report,
              language: str, progress: Progress, cancel: CancelToken, result: ExportResult,
              background: dict[str, Background | None], answers: int) -> None:
    """Findings, Answers and Cases, each continued on "NAME (2)"... past a sheet's rows. A listing a
    worker renders (`background`) is written after those this process renders, to give it the most
    time. `answers`: how many answers are listed."""
    result.findings = write_split_table(
        created["findings"], name=names["findings"], columns=sheets.FINDING_COLUMNS,
        rows=finding_rows(db, report.scope, language, ChecklistCache(db)), language=language,
        table_name=sheets.TABLE_NAMES["findings"], progress=progress, cancel=cancel,
        total=count_findings(db, report.scope))
    order = sorted(("answers", "cases"), key=lambda listing: background[listing] is not None)
    for listing in order:
        worker = background[listing]
        written = None if worker is None else worker.write(
            created[listing], name=names[listing], table_name=sheets.TABLE_NAMES[listing], progress=progress,
            cancel=cancel)
        if written is None:     # no worker, or it failed (and wrote nothing): written here
            written = _here(db, listing, created, names, report, language, progress, cancel, answers)
        else:
            result.rendered_apart += (listing,)
        setattr(result, listing, written)


def _here(db: sqlite_utils.Database, listing: str, created: dict[str, Worksheet], names: dict[str, str],
          report: Report, language: str, progress: Progress, cancel: CancelToken, answers: int) -> int:
    """The Answers or Cases listing rendered in this process."""
    if listing == "answers":
        columns, rows, total = sheets.ANSWER_COLUMNS, answer_rows(db, report.scope, language,
                                                                  ChecklistCache(db)), answers
    else:
        columns, rows, total = sheets.CASE_COLUMNS, case_rows(db, report.scope), report.cases
    return write_split_table(
        created[listing], name=names[listing], columns=sheets.case_columns(report, columns),
        rows=sheets.case_values(report, rows, columns), language=language, table_name=sheets.TABLE_NAMES[listing],
        progress=progress, cancel=cancel, total=total)


def _report_sheets(db: sqlite_utils.Database, created: dict[str, Worksheet], report: Report,
                   disputes: DisputeFigures, language: str, progress: Progress, cancel: CancelToken,
                   trend_period: str | None) -> int:
    """Summary (with its charts), Calibration, the By ... sheets (By department and By examiner
    marking the units outside the funnel), Trend, Funnel and Disputes; returns the charts written."""
    layout = summary_sheets.write_summary(created["summary"], report, language, disputes=disputes)
    charts = summary_sheets.add_summary_charts(created["summary"], layout, language)
    if "calibration" in created:      # a calibration round: its agreement, or only progress while blind
        calibration_sheet.write_round(db, created["calibration"], report.scope.round.id, language, progress)
    funnels = {kind: unit_funnel(report, kind) for kind in ("department", "examiner")}
    for kind in ("department", "examiner", "ip_type"):
        sheets.write_breakdown(created[kind], kind, report, language, progress, cancel, funnels.get(kind))
    if "stratum" in created:
        sheets.write_strata(created["stratum"], report, language, progress, cancel)
    charts += write_trend(created["trend"], _trend(db, report, trend_period), language)
    charts += write_funnel(created["funnel"], funnels["department"], funnels["examiner"], language)
    cancel.check()
    sheets.write_items(created["item"], report, language, progress, cancel)
    if "disputes" in created:
        disputes_sheet.write_disputes(created["disputes"], disputes, language, weighted=report.weighted)
    return charts


def _trend(db: sqlite_utils.Database, report: Report, period: str | None) -> Trend:
    """The Trend sheet's figures by decision date and department, by the period asked for or chosen."""
    quarters = trend(db, report.scope, period=period or QUARTER, group="department")
    chosen = period or period_kind(quarters)
    return quarters if chosen == quarters.period else trend(db, report.scope, period=chosen, group="department")


def _print_frame(workbook: Workbook, report: Report, language: str, exported_at: datetime) -> None:
    """Every sheet's header and footer, named fonts, and the package's author (the application)."""
    S = summary_sheets.S
    rnd = report.scope.round
    scope = S["labelled"].get(language).format(name=S["round"].get(language), value=rnd.name) if rnd \
        else S["no_round"].get(language)
    for sheet in workbook.worksheets:
        header_footer(sheet, title=S["title"].get(language), scope=scope, exported_at=exported_at,
                      language=language)
    name_fonts(workbook, font_name(language))
    workbook.properties.creator = f"{APP_NAME} {__version__}"
    workbook.properties.lastModifiedBy = APP_NAME
    workbook.properties.title = S["title"].get(language)
    workbook.calculation.fullCalcOnLoad = None      # no formulas: nothing to recalculate on opening


def _save(workbook: Workbook, path: str) -> None:
    """Workbook.save, but the zip archive is closed here even when writing fails (a full disk):
    left to the garbage collector, its second failure printed "Exception ignored" tracebacks."""
    workbook.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)
    with SplicingZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=COMPRESSION) as archive:
        archive.splices = spliced_files(workbook)
        ExcelWriter(workbook, archive).save()


def _discard(workbook: Workbook) -> None:
    """Close and delete the temporary files of a write-only workbook that will not be saved."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        try:
            sheet.close()
        except Exception:
            pass
        try:   # the sheet's XML stream, if close() failed before closing it (a full disk)
            if writer is not None and writer.xf is not None:
                writer.xf.close()
        except Exception:
            pass
        if writer is not None:
            try:
                writer.cleanup()
            except Exception:
                pass
