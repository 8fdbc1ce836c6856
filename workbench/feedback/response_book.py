"""The response workbook an examiner answers their findings in, written and read back (xlsx).

Sheets: "Instructions" (说明), in both languages whatever the file's language; "Findings" (问题),
one row per finding with two cells to fill in, a Response chosen from a drop-down (Agree /
Disagree, 同意 / 不同意) and a Reason; and a very hidden "Signature" sheet: the format version,
the workspace's uid, the file's id, the examiner, the language, the deadline, one HMAC per
finding of what its row shows (signing.row_values of the cells as written) and one over the
whole file (signing.file_values). Every cell but Response and Reason is locked and the sheets
are protected, without a password: protection only prevents slips, it is not security. What
finds a changed row or a forged file is the signature, which needs the workspace's key. A row's
signature covers what the finding is (its ID, application number, item, severity, category and
comment, as shown); the case title, the item's text and its guideline reference are shown for
reading and are not signed (they are the workspace's words, not the finding's).

Reading (`read_response_book`) takes the cells as a spreadsheet program saved them, normalised
only where programs differ without anyone editing: a whole number written as 7.0 reads as 7, a
date as its ISO text, line breaks as LF, an empty cell and an empty string alike. Text is NOT
stripped before it is checked against its signature (a space added to a comment is an edit);
only the Response and Reason, which the examiner types, are stripped. Checking the file against
the workspace is workbench.feedback.responses.
"""
from __future__ import annotations

import hashlib
import io
import math
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

import sqlite_utils
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from foundation.errors import WorkbenchError, register
from foundation.files import atomic_target, reason, require_regular
from workbench.feedback import signing
from workbench.feedback.findings import ChecklistTexts, Finding
from workbench.importing.zip_limits import check_zip_workbook
from workbench.report.excel_cells import HEADER_FONT, TITLE_FONT, WRAP, display_width, text_value
from workbench.report.excel_print import PAGE, font_name, page_setup, print_range
from workbench.report.figures import SEVERITY_LABELS
from workbench.report.openpyxl_internals import name_fonts
from workbench.report.sheets import H
from workbench.review.checklists import Text

register({
    "responses.unwritable": "Cannot write {path}: {detail}. Close it if it is open in another program, "
                            "or choose another folder.",
    "responses.too_large": "{path} is {size} MB, too large to be a response workbook (at most {limit} MB).",
    "responses.not_xlsx": "{path} is not an Excel workbook (.xlsx); a response workbook is returned as the "
                          ".xlsx file it was sent as.",
    "responses.unreadable": "{path} cannot be read as a workbook ({detail}); it may be damaged or cut short.",
    "responses.not_response_book": "{path} is not a response workbook: it has no Signature sheet.",
    "responses.damaged_signature": "{path}: the Signature sheet is damaged ({detail}).",
    "responses.format": "{path} is a response workbook of format {version}, which this version cannot read.",
    "responses.no_findings_sheet": "{path} has no sheet {sheet}.",
    "responses.columns": "{path}: the columns of the sheet {sheet} were changed (column {column} holds {found!r}, "
                         "expected {expected!r}).",
})

FORMAT = 1
LINE_HEIGHT = 15                 # points a line of 11 pt text takes
MAX_MB = 50                      # a response workbook of 10,000 findings is about 1 MB
SIGNATURE_SHEET = "Signature"
INSTRUCTIONS = Text("Instructions", "说明")
FINDINGS = Text("Findings", "问题")
AGREE = Text("Agree", "同意")
DISAGREE = Text("Disagree", "不同意")
RESPONSES = {"agree": AGREE, "disagree": DISAGREE}
TITLE = Text("Response to quality review findings", "质量评查问题答复")

# The Findings sheet's columns: (key, header, width). Response and Reason are the only cells an
# examiner can change; the signed ones are id, application, item, severity, category, comment.
COLUMNS: tuple[tuple[str, Text, int], ...] = (
    ("finding", Text("Finding ID", "问题编号"), 8),
    ("application", H["application_number"], 16),
    ("title", H["title"], 20),
    ("item", H["item_id"], 10),
    ("item_text", Text("Checklist item", "评查项内容"), 30),
    ("reference", H["reference"], 14),
    ("severity", H["severity"], 8),
    ("category", H["category"], 12),
    ("comment", Text("Reviewer's comment", "评查人意见"), 34),
    ("response", Text("Response", "答复"), 10),
    ("reason", Text("Reason", "理由"), 30),
)
KEYS = tuple(key for key, _, _ in COLUMNS)
RESPONSE_COLUMN = KEYS.index("response") + 1
REASON_COLUMN = KEYS.index("reason") + 1
SIGNED = ("finding", "application", "item", "severity", "category", "comment")   # signing.row_values' order
FIELDS = ("format", "workspace", "file", "examiner", "language", "deadline", "signature")

FIELD_WORDS = {
    "choice_title": Text("Response", "答复"),
    "choice_error": Text("Choose Agree or Disagree from the list.", "请从列表中选择“同意”或“不同意”。"),
    "choice_prompt": Text("Agree or Disagree; if you disagree, write your reason in the next column.",
                          "同意或不同意；如不同意，请在右侧一列填写理由。"),
    "for": Text("Examiner", "审查员"),
    "deadline": Text("Respond by", "答复期限"),
}

INSTRUCTION_LINES = (
    Text("The sheet “Findings” lists the findings of the quality review of your cases, one row each: the case, "
         "the checklist item, its guideline reference, the severity, the category and the reviewer's comment.",
         "“问题”工作表逐行列出对您所审案件的质量评查中发现的问题：案件、评查项、审查指南依据、严重程度、差错类别"
         "和评查人意见。"),
    Text("For each finding, choose a Response from the drop-down list: Agree or Disagree (同意 and 不同意 "
         "are accepted as well).",
         "请对每个问题在“答复”一列的下拉列表中选择“同意”或“不同意”（也接受 Agree 或 Disagree）。"),
    Text("If you disagree, write your Reason in the next column: a Disagree without a reason is not accepted. "
         "A reason with Agree is welcome but not needed.",
         "如不同意，请在右侧“理由”一列写明理由：没有理由的“不同意”不予接受。同意时可填写理由，但非必需。"),
    Text("A finding left blank counts as no response. Please respond by {deadline}; findings without a "
         "response after that date are listed as overdue.",
         "留空的问题视为未答复。请于 {deadline} 前答复；逾期未答复的问题将列为逾期。"),
    Text("Only the Response and Reason cells can be changed. Do not change, add, delete or move other cells, "
         "rows or sheets, and do not copy the rows into another file: the file carries a signature of its "
         "findings, and a file changed anywhere else is refused when it is read back.",
         "只能修改“答复”和“理由”两列的单元格。请勿修改、增加、删除或移动其他单元格、行或工作表，也不要把内容复制到"
         "其他文件：本文件带有问题内容的签名，在其他位置有改动的文件在读回时将被拒绝。"),
    Text("Save the file as an Excel workbook (.xlsx), keeping its name, and send it back to the quality "
         "manager who sent it to you (by e-mail or through the shared folder). Microsoft Excel, WPS and "
         "LibreOffice can all open and save it.",
         "请将文件保存为 Excel 工作簿（.xlsx）并保留原文件名，发回给向您发送本文件的质量管理人员（通过电子邮件或"
         "共享文件夹）。Microsoft Excel、WPS 和 LibreOffice 均可打开和保存本文件。"),
    Text("The sheet protection only prevents changes made by mistake; it is not a security measure. What shows "
         "that a file was changed is its signature.",
         "工作表保护只用于防止误改，并非安全措施；文件是否被改动由其签名判定。"),
)


@dataclass(frozen=True)
class BookRow:
    """One row of the Findings sheet as read back."""
    row: int                         # the sheet's row number
    finding_id: int | None           # None: the cell holds no whole number
    shown: tuple[str, ...]           # the signed cells (SIGNED), normalised
    response: str                    # as typed, stripped ('' when blank)
    reason: str


@dataclass(frozen=True)
class ResponseBook:
    """A response workbook as read back, before it is checked against a workspace."""
    path: str
    sha256: str
    version: int
    workspace: str
    file_id: str
    examiner: str
    language: str
    deadline: str
    signature: str
    signed_rows: tuple[tuple[int, str], ...]    # (finding id, row signature), in the file's order
    rows: tuple[BookRow, ...]
    sheet: str                                  # the Findings sheet's name in this file


def response_code(typed: str) -> str | None:
    """'agree' or 'disagree' for the words of either language (any case), None for a blank cell;
    ValueError for anything else."""
    word = typed.strip().casefold()
    if not word:
        return None
    for code, text in RESPONSES.items():
        if word in (text.en.casefold(), text.zh):
            return code
    raise ValueError(typed)


def column_letter(key: str) -> str:
    return get_column_letter(KEYS.index(key) + 1)


def header(key: str, language: str) -> str:
    return COLUMNS[KEYS.index(key)][1].get(language)


def shown(value: Any) -> str:
    """A cell's value as it is signed and compared: the same text whatever program saved it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


# --- writing -----------------------------------------------------------------------------------

def write_response_book(path: Path, *, db: sqlite_utils.Database, file_id: str, examiner: str,
                        findings: Sequence[Finding], language: str, deadline: str) -> None:
    """Write the signed, protected response workbook for these already issued findings (each
    has its ID), atomically: a temporary file beside `path` renamed over it when complete."""
    if any(f.id is None for f in findings):
        raise ValueError("write_response_book needs issued findings (with their IDs)")
    key, workspace = signing.secret(db), signing.workspace_uid(db)
    book = Workbook()
    _instructions(book.active, examiner=examiner, deadline=deadline, language=language)
    sheet = book.create_sheet(FINDINGS.get(language))
    signatures = _findings(sheet, key, findings, ChecklistTexts(db), language)
    fields = {"format": FORMAT, "workspace": workspace, "file": file_id, "examiner": examiner,
              "language": language, "deadline": deadline,
              "signature": signing.sign(key, signing.file_values(file_id, workspace, examiner,
                                                                 [s for _, s in signatures]))}
    _signature_sheet(book.create_sheet(SIGNATURE_SHEET), fields, signatures)
    book.security = WorkbookProtection(lockStructure=True)     # sheets stay as they are (and hidden)
    name_fonts(book, font_name(language))
    with atomic_target(Path(path), "responses.unwritable") as temp_name:
        book.save(temp_name)


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write a value into a cell of a normal worksheet, text never becoming a formula: text a
    spreadsheet would run ('=1+1', '-x', '#N/A') is a text cell with the quote-prefix style."""
    cell = sheet.cell(row=row, column=column)
    safe = text_value(sheet, value)
    if isinstance(safe, Cell):
        cell.value = safe.value
        cell.data_type = "s"
        cell.quotePrefix = bool(safe.quotePrefix)
    else:
        cell.value = safe
    return cell


def fit_height(sheet: Worksheet, row: int, texts: Sequence[tuple[Any, int]]) -> None:
    """A row tall enough for its wrapped texts (spreadsheet programs do not grow a row written
    by a library): each text's lines at its column's width, CJK characters counting double."""
    lines = 1
    for value, width in texts:
        if value is None or value == "":
            continue
        wrapped = sum(math.ceil(max(1, display_width(part)) / max(1, width - 1)) for part in str(value).split("\n"))
        lines = max(lines, wrapped)
    sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def _protect(sheet: Worksheet) -> None:
    """Locked cells cannot be changed; columns and rows can still be resized. No password: this
    prevents slips, not edits (the signature finds those)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _row_cells(f: Finding, texts: ChecklistTexts, language: str) -> dict[str, Any]:
    item = texts.item(f)
    category = ""
    if f.category:
        label = texts.checklist(f.checklist_id).categories.get(f.category) if item is not None else None
        category = label.get(language) if label is not None else f.category
    severity = SEVERITY_LABELS[f.severity].get(language) if f.severity in SEVERITY_LABELS else (f.severity or "")
    return {"finding": f.id, "application": f.application_number, "title": f.title, "item": f.item_id,
            "item_text": item.text.get(language) if item is not None else "",
            "reference": item.reference_in(language) if item is not None else "", "severity": severity,
            "category": category, "comment": f.comment, "response": None, "reason": None}


def _findings(sheet: Worksheet, key: bytes, findings: Sequence[Finding], texts: ChecklistTexts,
              language: str) -> list[tuple[int, str]]:
    """The Findings sheet; returns (finding id, signature of its row) in row order."""
    for column, (_, title, width) in enumerate(COLUMNS, start=1):
        cell = put(sheet, 1, column, title.get(language))
        cell.font, cell.alignment = HEADER_FONT, WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_height(sheet, 1, [(title.get(language), width) for _, title, width in COLUMNS])
    open_cell = Protection(locked=False)
    signatures = []
    for row, finding in enumerate(findings, start=2):
        values = _row_cells(finding, texts, language)
        cells = {k: put(sheet, row, column, values[k]) for column, k in enumerate(KEYS, start=1)}
        for k, cell in cells.items():
            cell.alignment = WRAP
            if k in ("response", "reason"):
                cell.protection = open_cell
        fit_height(sheet, row, [(values[k], width) for k, _, width in COLUMNS])
        signed = [shown(cells[k].value) for k in SIGNED]       # what the row shows, as written
        signatures.append((int(finding.id or 0), signing.sign(key, signing.row_values(*signed))))
    last = len(findings) + 1
    if findings:
        words = f'"{AGREE.get(language)},{DISAGREE.get(language)}"'
        choice = DataValidation(type="list", formula1=words, allow_blank=True, showErrorMessage=True,
                                showInputMessage=True, errorTitle=FIELD_WORDS["choice_title"].get(language),
                                error=FIELD_WORDS["choice_error"].get(language),
                                promptTitle=header("response", language),
                                prompt=FIELD_WORDS["choice_prompt"].get(language))
        letter = column_letter("response")
        choice.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(choice)
    sheet.freeze_panes = "B2"
    _protect(sheet)
    page_setup(sheet, fit_width=True)
    print_range(sheet, columns=len(COLUMNS), rows=last, title_rows="1:1")
    sheet.oddFooter.center.text = PAGE.get(language)
    return signatures


def _instructions(sheet: Worksheet, *, examiner: str, deadline: str, language: str) -> None:
    """How to answer, in the file's language first and then the other one."""
    sheet.title = INSTRUCTIONS.get(language)
    width = 110
    sheet.column_dimensions["A"].width = 4
    sheet.column_dimensions["B"].width = width
    row = 1
    languages = ("zh", "en") if language.startswith("zh") else ("en", "zh")
    for lang in languages:
        put(sheet, row, 1, TITLE.get(lang)).font = TITLE_FONT
        sheet.row_dimensions[row].height = 24
        row += 1
        for key, value in (("for", examiner), ("deadline", deadline)):
            put(sheet, row, 2, FIELD_WORDS[key].get(lang) + ("：" if lang == "zh" else ": ") + value).font = HEADER_FONT
            row += 1
        for number, line in enumerate(INSTRUCTION_LINES, start=1):
            put(sheet, row, 1, number).alignment = WRAP
            text = line.get(lang).format(deadline=deadline)
            put(sheet, row, 2, text).alignment = WRAP
            fit_height(sheet, row, [(text, width)])
            row += 1
        row += 1
    _protect(sheet)
    page_setup(sheet, fit_width=True, pages_tall=1)


def _signature_sheet(sheet: Worksheet, fields: dict[str, Any], signatures: list[tuple[int, str]]) -> None:
    """Key-value rows, a blank row, then one row per finding: its ID and its row's signature."""
    for row, name in enumerate(FIELDS, start=1):
        put(sheet, row, 1, name)
        put(sheet, row, 2, fields[name])
    start = len(FIELDS) + 2
    put(sheet, start, 1, "finding")
    put(sheet, start, 2, "row signature")
    for row, (finding_id, signature) in enumerate(signatures, start=start + 1):
        put(sheet, row, 1, finding_id)
        put(sheet, row, 2, signature)
    sheet.sheet_state = "veryHidden"
    _protect(sheet)


# --- reading -----------------------------------------------------------------------------------

def read_response_book(path: str | Path) -> ResponseBook:
    """A returned response workbook's identity, signatures and rows; refused (WorkbenchError
    naming the file) when it is not an xlsx, is damaged or cut short, or is no response workbook."""
    name = str(path)
    data = _file_bytes(name)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package: all mean "unreadable"
        raise WorkbenchError("responses.unreadable", path=name, detail=_short(exc)) from exc
    if SIGNATURE_SHEET not in book.sheetnames:
        raise WorkbenchError("responses.not_response_book", path=name)
    fields, signed_rows = _signature_fields(name, book[SIGNATURE_SHEET])
    language = fields["language"]
    sheet_name = next((n for n in (FINDINGS.get(language), FINDINGS.en, FINDINGS.zh) if n in book.sheetnames), None)
    if sheet_name is None:
        raise WorkbenchError("responses.no_findings_sheet", path=name, sheet=f"{FINDINGS.en} ({FINDINGS.zh})")
    rows = _finding_rows(name, book[sheet_name], language)
    return ResponseBook(path=name, sha256=hashlib.sha256(data).hexdigest(), version=int(fields["format"]),
                        workspace=fields["workspace"], file_id=fields["file"], examiner=fields["examiner"],
                        language=language, deadline=fields["deadline"], signature=fields["signature"],
                        signed_rows=signed_rows, rows=rows, sheet=sheet_name)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _file_bytes(name: str) -> bytes:
    """The file's bytes, once it is known to be a zip package within the reading limits."""
    source = require_regular(name)
    try:
        size = source.stat().st_size
        if size > MAX_MB << 20:
            raise WorkbenchError("responses.too_large", path=name, size=f"{size / (1 << 20):,.0f}", limit=MAX_MB)
        data = source.read_bytes()
    except OSError as exc:
        raise WorkbenchError("file.unreadable", path=name, detail=reason(exc)) from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK\x03\x04"):          # a zip whose end is missing: cut short
            raise WorkbenchError("responses.unreadable", path=name, detail="the file ends before its directory")
        raise WorkbenchError("responses.not_xlsx", path=name)
    with zipfile.ZipFile(io.BytesIO(data)) as package:     # an .ods, a .docx, any other zip
        if not any(part.lower().endswith("workbook.xml") for part in package.namelist()):
            raise WorkbenchError("responses.not_xlsx", path=name)
    try:
        check_zip_workbook(source)                   # a zip bomb is refused before it is unpacked
    except WorkbenchError as exc:
        raise WorkbenchError("responses.unreadable", path=name, detail=exc.message()) from exc
    return data


def _signature_fields(name: str, sheet: Worksheet) -> tuple[dict[str, str], tuple[tuple[int, str], ...]]:
    rows = [tuple(shown(v) for v in row[:2]) + ("",) * (2 - len(row[:2]))
            for row in sheet.iter_rows(max_col=2, values_only=True)]
    fields: dict[str, str] = {}
    for number, field in enumerate(FIELDS, start=1):
        if number > len(rows) or rows[number - 1][0] != field:
            raise WorkbenchError("responses.damaged_signature", path=name,
                                 detail=f"row {number} should hold {field!r}")
        fields[field] = rows[number - 1][1]
    if not fields["format"].isdigit():
        raise WorkbenchError("responses.damaged_signature", path=name, detail="no format version")
    if int(fields["format"]) != FORMAT:
        raise WorkbenchError("responses.format", path=name, version=fields["format"])
    signed = []
    for number, (finding, signature) in enumerate(rows[len(FIELDS) + 2:], start=len(FIELDS) + 3):
        if not finding and not signature:
            continue
        if not finding.isdigit() or not signature:
            raise WorkbenchError("responses.damaged_signature", path=name, detail=f"row {number}")
        signed.append((int(finding), signature))
    return fields, tuple(signed)


def _finding_rows(name: str, sheet: Worksheet, language: str) -> tuple[BookRow, ...]:
    headers = [shown(v) for v in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    headers += [""] * (len(COLUMNS) - len(headers))
    for column, found in enumerate(headers, start=1):
        expected = COLUMNS[column - 1][1].get(language) if column <= len(COLUMNS) else ""
        if found != expected:
            raise WorkbenchError("responses.columns", path=name, sheet=sheet.title, column=get_column_letter(column),
                                 found=found, expected=expected)
    rows = []
    signed = [KEYS.index(k) for k in SIGNED]
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = [shown(v) for v in values] + [""] * (len(COLUMNS) - len(values))
        if not any(cells):
            continue
        first = cells[0]
        rows.append(BookRow(row=number, finding_id=int(first) if first.isdigit() and first.isascii() else None,
                            shown=tuple(cells[i] for i in signed), response=cells[RESPONSE_COLUMN - 1].strip(),
                            reason=cells[REASON_COLUMN - 1].strip()))
    return tuple(rows)
