"""The response workbook an examiner answers (issue 15): instructions in both languages, one row
per finding with a Response drop-down and a Reason, every other cell locked, text never a
formula, a very hidden Signature sheet whose HMACs match what each row shows, written atomically.

`send` is the small stand-in for sending feedback that tests/workbench/test_dispute_import.py
uses too: it issues an examiner's findings, records the file and writes the workbook.
"""
from __future__ import annotations

import dataclasses
import uuid
import zipfile
from pathlib import Path
from typing import Callable, Sequence

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from foundation.errors import WorkbenchError
from workbench.demo.generate import build_demo
from workbench.feedback import signing
from workbench.feedback.findings import FeedbackScope, Finding, issue, scope_findings
from workbench.feedback.response_book import (
    COLUMNS, FIELDS, KEYS, SIGNATURE_SHEET, read_response_book, response_code, shown, write_response_book,
)
from workbench.report.figures import ReportFilter

NOW = "2026-11-02T09:00:00+00:00"
DEADLINE = "2026-11-16"
HOSTILE = "=HYPERLINK(\"http://x\",\"click\")"


@dataclasses.dataclass(frozen=True)
class Sent:
    path: Path
    file_id: str
    examiner: str
    findings: tuple[Finding, ...]


def demo_workspace(path: Path, seed: int = 21):
    database = open_database(path)
    build_demo(database, cases=300, reviewed=1.0, seed=seed)
    return database


def send(db, path: Path, *, language: str = "en", examiner: str | None = None,
         tweak: Callable[[list[Finding]], list[Finding]] | None = None) -> Sent:
    """Issue one examiner's findings (the one with the most, unless named), record the file as
    sending does and write its response workbook."""
    groups = scope_findings(db, FeedbackScope(ReportFilter()))
    examiner = examiner or max(sorted(groups), key=lambda name: len(groups[name]))
    findings = list(groups[examiner])
    if tweak is not None:
        findings = tweak(findings)
    file_id = str(uuid.uuid4())
    with db.atomic():
        findings = issue(db, findings, actor="Chen Jing", now=NOW)
        db.execute("INSERT INTO feedback_files (id, examiner, scope, language, created_at, created_by, deadline)"
                   " VALUES (?, ?, '{}', ?, ?, 'Chen Jing', ?)", [file_id, examiner, language, NOW, DEADLINE])
        for f in findings:
            db.execute("INSERT INTO feedback_file_findings (file_id, finding_id) VALUES (?, ?)", [file_id, f.id])
    write_response_book(path, db=db, file_id=file_id, examiner=examiner, findings=findings, language=language,
                        deadline=DEADLINE)
    return Sent(path, file_id, examiner, tuple(findings))


def with_comments(*comments: str) -> Callable[[list[Finding]], list[Finding]]:
    """The first findings with these comments (as if the reviewer had written them)."""
    def tweak(findings: list[Finding]) -> list[Finding]:
        changed = [dataclasses.replace(f, comment=c) for f, c in zip(findings, comments)]
        return changed + findings[len(changed):]
    return tweak


def fill(source: Path, target: Path, answers: dict[int, Sequence[str | None]],
         edit: Callable[[object], None] | None = None) -> Path:
    """The examiner's answers (row -> response, reason) written with openpyxl, as a spreadsheet
    program saves them; `edit(workbook)` for what else is changed."""
    book = load_workbook(source)
    sheet = book.worksheets[1]
    for row, (response, reason) in answers.items():
        sheet.cell(row=row, column=KEYS.index("response") + 1).value = response
        sheet.cell(row=row, column=KEYS.index("reason") + 1).value = reason
    if edit is not None:
        edit(book)
    book.save(target)
    return target


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = demo_workspace(tmp_path / "w.sqlite3")
    yield database
    database.close()


def _column(key: str) -> int:
    return KEYS.index(key) + 1


def test_one_row_per_finding_with_what_the_examiner_needs(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    book = load_workbook(sent.path)
    assert book.sheetnames == ["Instructions", "Findings", SIGNATURE_SHEET]
    sheet = book["Findings"]
    assert [c.value for c in sheet[1]] == [title.en for _, title, _ in COLUMNS]
    assert sheet.max_row == len(sent.findings) + 1 >= 3
    for row, finding in enumerate(sent.findings, start=2):
        values = {key: sheet.cell(row=row, column=_column(key)).value for key in KEYS}
        assert values["finding"] == finding.id and values["application"] == finding.application_number
        assert values["item"] == finding.item_id and values["item_text"] and values["reference"]
        assert values["severity"] == {"critical": "Critical", "major": "Major", "minor": "Minor",
                                      "advisory": "Advisory"}[finding.severity]
        assert (values["comment"] or "") == finding.comment
        assert values["response"] is None and values["reason"] is None


def test_only_response_and_reason_can_be_changed(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    book = load_workbook(sent.path)
    assert book.security.lockStructure
    for sheet in book.worksheets:
        assert sheet.protection.sheet, sheet.title
    findings = book["Findings"]
    last = len(sent.findings) + 1
    for row in findings.iter_rows(min_row=1, max_row=last, max_col=len(COLUMNS)):
        for cell in row:
            editable = cell.row > 1 and cell.column in (_column("response"), _column("reason"))
            assert cell.protection.locked is not editable, cell.coordinate
    validations = findings.data_validations.dataValidation
    assert len(validations) == 1
    choice = validations[0]
    assert choice.type == "list" and choice.formula1 == '"Agree,Disagree"' and choice.showErrorMessage
    assert str(choice.sqref) == f"J2:J{last}"
    assert book[SIGNATURE_SHEET].sheet_state == "veryHidden"
    assert findings.page_setup.orientation == "landscape" and int(findings.page_setup.paperSize) == 9   # A4


def test_the_instructions_are_in_both_languages_with_the_deadline(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx", language="zh")
    book = load_workbook(sent.path)
    assert book.sheetnames == ["说明", "问题", SIGNATURE_SHEET]
    text = "\n".join(str(c.value) for row in book["说明"].iter_rows() for c in row if c.value is not None)
    for words in ("Respond by: 2026-11-16", "答复期限：2026-11-16", "Only the Response and Reason cells",
                  "只能修改“答复”和“理由”", "send it back", "发回", "not a security measure", "并非安全措施"):
        assert words in text
    assert text.index("质量评查问题答复") < text.index("Response to quality review findings")   # its language first
    findings = book["问题"]
    assert findings.cell(row=1, column=_column("response")).value == "答复"
    assert findings.data_validations.dataValidation[0].formula1 == '"同意,不同意"'
    assert {findings.cell(row=r, column=_column("severity")).value for r in range(2, findings.max_row + 1)} \
        <= {"严重", "重大", "一般", "提示"}


def test_text_never_becomes_a_formula(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx", tweak=with_comments(HOSTILE, "-1 claim missing", "@SUM(A1)"))
    with zipfile.ZipFile(sent.path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    sheet = load_workbook(sent.path)["Findings"]
    cell = sheet.cell(row=2, column=_column("comment"))
    assert cell.value == HOSTILE and cell.quotePrefix and cell.data_type in ("s", "f")   # openpyxl re-reads
    assert sheet.cell(row=3, column=_column("comment")).quotePrefix
    # The quoted text is what is signed: the row verifies as it is.
    book = read_response_book(sent.path)
    assert book.rows[0].shown[-1] == HOSTILE


def test_the_signature_sheet_signs_what_each_row_shows(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    key = signing.secret(db)
    book = read_response_book(sent.path)
    assert (book.version, book.workspace, book.file_id, book.examiner, book.language, book.deadline) == \
        (1, signing.workspace_uid(db), sent.file_id, sent.examiner, "en", DEADLINE)
    assert [fid for fid, _ in book.signed_rows] == [f.id for f in sent.findings]
    for row, (finding_id, signature) in zip(book.rows, book.signed_rows):
        assert row.finding_id == finding_id and signing.verify(key, signing.row_values(*row.shown), signature)
    values = signing.file_values(sent.file_id, book.workspace, sent.examiner, [s for _, s in book.signed_rows])
    assert signing.verify(key, values, book.signature)
    raw = load_workbook(sent.path)[SIGNATURE_SHEET]
    assert [raw.cell(row=i, column=1).value for i in range(1, len(FIELDS) + 1)] == list(FIELDS)


def test_the_file_is_replaced_only_when_complete(db, tmp_path, monkeypatch):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"the previous file")
    from openpyxl import Workbook

    def broken(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(WorkbenchError, match="Cannot write .*r.xlsx: the disk is full"):
        send(db, target)
    assert target.read_bytes() == b"the previous file"
    assert [p.name for p in tmp_path.iterdir() if "qrw-tmp" in p.name] == []


@pytest.mark.parametrize("value, text", [(None, ""), ("", ""), (7, "7"), (7.0, "7"), (7.5, "7.5"),
                                         ("a\r\nb\rc", "a\nb\nc"), ("  kept  ", "  kept  ")])
def test_cells_read_back_as_the_text_that_was_signed(value, text):
    assert shown(value) == text


@pytest.mark.parametrize("typed, code", [("Agree", "agree"), (" agree ", "agree"), ("DISAGREE", "disagree"),
                                         ("同意", "agree"), ("不同意", "disagree"), ("", None), ("  ", None)])
def test_responses_are_read_in_either_language(typed, code):
    assert response_code(typed) == code


@pytest.mark.parametrize("typed", ["yes", "Agreed", "不", "1"])
def test_anything_else_is_not_a_response(typed):
    with pytest.raises(ValueError):
        response_code(typed)
