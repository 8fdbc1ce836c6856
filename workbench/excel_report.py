"""The Excel workbook for quality-and-efficiency reporting.

Written with openpyxl's write-only mode (rows stream to disk), to a temporary file in
the target folder that is renamed into place, so a failed or cancelled export never
leaves a partial workbook. Text from imported files is escaped so it can never run as
a formula when the workbook is opened.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from workbench import __version__
from workbench.checklists import Checklist, load_stored
from workbench.errors import Cancelled, WorkbenchError, register
from workbench.jobs import CancelToken, Progress, no_progress

register({
    "export.unwritable": "Cannot write {path}: {detail}. Close it if it is open in another program, "
                        "or choose another folder.",
    "export.bad_suffix": "{path}: the workbook must be an .xlsx file.",
})

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
DATE_FORMAT = "yyyy-mm-dd"
PROGRESS_EVERY = 2000


def safe_text(value: str) -> str:
    """Text that Excel shows as text and never runs: a leading formula trigger gets an apostrophe.

    The apostrophe is the escape OWASP recommends for spreadsheet exports; it is visible,
    which is right: the reader sees that the source text began with '='.
    """
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    key: str
    header_en: str
    header_zh: str
    width: int
    kind: str = "text"     # text, date, number, percent

    def header(self, language: str) -> str:
        return self.header_zh if language.startswith("zh") else self.header_en


CASE_COLUMNS = (
    Column("application_number", "Application number", "申请号", 18),
    Column("ip_type", "IP type", "类型", 14),
    Column("title", "Title", "名称", 40),
    Column("applicant", "Applicant", "申请人", 28),
    Column("examiner", "Examiner", "审查员", 12),
    Column("department", "Department", "审查部门", 18),
    Column("classification", "Classification", "分类号", 14),
    Column("procedure", "Procedure", "审查程序", 14),
    Column("decision", "Decision", "结案方式", 12),
    Column("filing_date", "Filing date", "申请日", 12, "date"),
    Column("decision_date", "Decision date", "结案日", 12, "date"),
    Column("status", "Review status", "评查状态", 14),
    Column("verdict", "Verdict", "结论", 12),
    Column("score", "Score", "得分", 8, "number"),
    Column("active_minutes", "Active minutes", "评查用时(分钟)", 10, "number"),
    Column("reviewer", "Reviewer", "评查人", 12),
    Column("completed_at", "Review completed", "评查完成时间", 20),
)

FINDING_COLUMNS = (
    Column("application_number", "Application number", "申请号", 18),
    Column("ip_type", "IP type", "类型", 14),
    Column("title", "Title", "名称", 40),
    Column("examiner", "Examiner", "审查员", 12),
    Column("department", "Department", "审查部门", 18),
    Column("reviewer", "Reviewer", "评查人", 12),
    Column("item_id", "Item", "评查项", 22),
    Column("item_text", "Item text", "评查项内容", 50),
    Column("severity", "Severity", "严重程度", 10),
    Column("category", "Category", "差错类别", 20),
    Column("comment", "Comment", "说明", 40),
    Column("answered_at", "Review date", "评查日期", 20),
)


@dataclass
class ExportResult:
    path: str
    cases: int = 0
    findings: int = 0


def _cell(sheet: Worksheet, value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return safe_text(value)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=safe_text(value))
        cell.data_type = "s"   # never let openpyxl infer a formula from text
        return cell
    return value


def _write_table(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[dict[str, Any]], language: str,
                 progress: Progress, cancel: CancelToken, label: str, total: int) -> int:
    for index, column in enumerate(columns):
        sheet.column_dimensions[_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header(language))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, row.get(c.key), c.kind) for c in columns])
        count += 1
        if count % PROGRESS_EVERY == 0:
            cancel.check()
            progress(count, total, label)
    if count:
        sheet.auto_filter.ref = f"A1:{_letter(len(columns) - 1)}{count + 1}"
    return count


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


def case_rows(db: sqlite_utils.Database) -> Iterable[dict[str, Any]]:
    """Every case with its latest review, if any."""
    return db.query(
        "SELECT c.application_number, c.ip_type, c.title, c.applicant, c.examiner, c.department,"
        " c.classification, c.procedure, c.decision, c.filing_date, c.decision_date,"
        " COALESCE(r.status, 'not_reviewed') AS status, r.verdict, r.score,"
        " ROUND(r.active_seconds / 60.0, 1) AS active_minutes, r.reviewer, r.completed_at"
        " FROM cases c LEFT JOIN reviews r ON r.id = ("
        "   SELECT id FROM reviews WHERE case_id = c.id ORDER BY id DESC LIMIT 1)"
        " ORDER BY c.application_number")


def finding_rows(db: sqlite_utils.Database, language: str) -> Iterable[dict[str, Any]]:
    checklists: dict[int, Checklist] = {}
    for row in db.query(
            "SELECT c.application_number, c.ip_type, c.title, c.examiner, c.department, r.reviewer,"
            " r.checklist_id, a.item_id, a.severity, a.category, a.comment, a.answered_at"
            " FROM answers a JOIN reviews r ON r.id = a.review_id JOIN cases c ON c.id = r.case_id"
            " WHERE a.outcome = 'fail' ORDER BY c.application_number, a.item_id"):
        checklist_id = row.pop("checklist_id")
        if checklist_id not in checklists:
            checklists[checklist_id] = load_stored(db, checklist_id)
        checklist = checklists[checklist_id]
        try:
            row["item_text"] = checklist.item(row["item_id"]).text.get(language)
        except KeyError:
            row["item_text"] = ""
        category = checklist.categories.get(row["category"] or "")
        if category is not None:
            row["category"] = category.get(language)
        yield row


def write_workbook(db: sqlite_utils.Database, out_path: str | Path, *, language: str = "en",
                   progress: Progress = no_progress, cancel: CancelToken | None = None) -> ExportResult:
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        raise WorkbenchError("export.bad_suffix", path=str(out_path))
    cancel = cancel or CancelToken()
    zh = language.startswith("zh")
    total_cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    total_findings = db.execute("SELECT COUNT(*) FROM answers WHERE outcome = 'fail'").fetchone()[0]
    result = ExportResult(str(out_path))
    workbook = Workbook(write_only=True)
    with atomic_target(out_path) as temp_name:
        try:
            cases_sheet = workbook.create_sheet("案件" if zh else "Cases")
            result.cases = _write_table(cases_sheet, CASE_COLUMNS, case_rows(db), language, progress, cancel,
                                        "Cases", total_cases)
            findings_sheet = workbook.create_sheet("差错" if zh else "Findings")
            result.findings = _write_table(findings_sheet, FINDING_COLUMNS, finding_rows(db, language), language,
                                           progress, cancel, "Findings", total_findings)
            about = workbook.create_sheet("关于" if zh else "About")
            for key, value in (("Product", f"Quality Review Workbench {__version__}"),
                               ("Exported at", datetime.now().isoformat(timespec="seconds")),
                               ("Cases", result.cases), ("Findings", result.findings)):
                about.append([key, value])
            cancel.check()
        except BaseException:
            _discard(workbook)
            raise
        workbook.save(temp_name)
    progress(1, 1, "Saved")
    return result


@contextmanager
def atomic_target(out_path: Path) -> Iterator[str]:
    """A temporary file beside the target, renamed over it when the block succeeds.

    The temporary file is made first, so an unwritable folder is reported before any work;
    on any failure no partial file remains and the previous target is untouched.
    """
    folder = out_path.parent if str(out_path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{out_path.stem}-", suffix=".tmp", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise WorkbenchError("export.unwritable", path=str(out_path), detail=exc.strerror or str(exc)) from exc
    try:
        yield temp_name
        os.replace(temp_name, out_path)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise WorkbenchError("export.unwritable", path=str(out_path), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        _remove_quietly(temp_name)
        raise


def _discard(workbook: Workbook) -> None:
    """Close and delete the temporary files of a write-only workbook that will not be saved."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        try:
            sheet.close()
        except Exception:
            pass
        if writer is not None:
            try:
                writer.cleanup()
            except Exception:
                pass


def _remove_quietly(name: str) -> None:
    try:
        os.remove(name)
    except OSError:
        pass
