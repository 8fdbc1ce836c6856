"""Examiners' responses read back from their response workbooks, checked and recorded.

Every file is checked before anything is written, and one bad file refuses them all (one
WorkbenchError naming the file, and the row and column where it applies): the file must be a
response workbook (response_book.read_response_book), written by this workspace (its uid, a
file id recorded here), its signature and every row's must verify with the workspace's key
(a row edited by hand is named with its finding), every finding must still exist, and each
Response must be Agree or Disagree (either language), a Disagree with a reason: a dispute
without one gives the manager nothing to decide on, so it is refused and the examiner asked.

Then, in one transaction, each answered row is recorded (dispute_responses: who — the examiner
the file was written for —, the file, its SHA-256, when and by whom imported) with an audit
entry ('dispute_response'). A blank row is no response and records nothing; a response equal to
the finding's latest recorded one is unchanged; the same file imported again (same bytes)
changes nothing and says so. A response to a finding already decided is kept with late = 1
and not applied (the decision stands; the list shows it as decided).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain
from workbench.feedback import signing
from workbench.feedback.findings import Finding, sent_finding
from workbench.feedback.response_book import (
    ResponseBook, column_letter, header, read_response_book, response_code,
)

register({
    "responses.no_files": "Give at least one response workbook to import.",
    "responses.foreign": "{path} was written by another workspace; import it in the workspace that sent it.",
    "responses.unknown_file": "{path} was not sent from this workspace (its file {file_id} is unknown here).",
    "responses.file_signature": "{path}: the file's signature does not verify: it was changed outside the "
                                "Response and Reason cells, or it is forged.",
    "responses.row_signature": "{path}, row {row}: finding {finding_id} was edited by hand (only its Response and "
                               "Reason may be changed).",
    "responses.row_unknown": "{path}, row {row}: finding {finding_id} is not one this file was sent with.",
    "responses.row_no_id": "{path}, row {row}: the row has no finding ID (rows cannot be added).",
    "responses.row_twice": "{path}, row {row}: finding {finding_id} is listed twice (also in row {first}).",
    "responses.row_missing": "{path}: the row of finding {finding_id} was deleted.",
    "responses.finding_gone": "{path}, row {row}: finding {finding_id} no longer exists in this workspace.",
    "responses.bad_response": "{path}, row {row}, column {column} ({header}): {value!r} is not a response; "
                              "choose Agree or Disagree (同意 or 不同意).",
    "responses.no_reason": "{path}, row {row}, column {column} ({header}): finding {finding_id} is disputed "
                           "without a reason; a Disagree needs one.",
})


@dataclass(frozen=True)
class Answer:
    """One answered or blank row of a checked file."""
    row: int
    finding: Finding
    response: str | None           # agree, disagree, or None (left blank)
    reason: str


@dataclass(frozen=True)
class FileImport:
    """What importing one file did."""
    path: str
    file_id: str
    examiner: str
    sha256: str
    already_imported: bool = False       # the same file (same bytes) was imported before: nothing changed
    recorded: tuple[int, ...] = ()       # finding IDs whose response was recorded and applies
    late: tuple[int, ...] = ()           # recorded, but the finding was decided already: kept, not applied
    unchanged: tuple[int, ...] = ()      # the same response as the one recorded already
    blank: tuple[int, ...] = ()          # no response

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "file_id": self.file_id, "examiner": self.examiner, "sha256": self.sha256,
                "already_imported": self.already_imported, "recorded": list(self.recorded),
                "late": list(self.late), "unchanged": list(self.unchanged), "blank": list(self.blank)}


@dataclass(frozen=True)
class ImportSummary:
    files: tuple[FileImport, ...] = field(default_factory=tuple)

    @property
    def recorded(self) -> int:
        return sum(len(f.recorded) for f in self.files)

    @property
    def late(self) -> int:
        return sum(len(f.late) for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {"files": [f.as_json() for f in self.files], "recorded": self.recorded, "late": self.late,
                "unchanged": sum(len(f.unchanged) for f in self.files),
                "blank": sum(len(f.blank) for f in self.files),
                "already_imported": sum(f.already_imported for f in self.files)}


def import_responses(db: sqlite_utils.Database, paths: Sequence[str | Path], *, actor: str,
                     now: str) -> ImportSummary:
    """Check every file, then record their responses in one transaction (or refuse them all)."""
    if not paths:
        raise WorkbenchError("responses.no_files")
    books = [read_response_book(p) for p in paths]
    key, workspace = signing.secret(db), signing.workspace_uid(db)
    checked = [(book, check_book(db, book, key=key, workspace=workspace)) for book in books]
    results = []
    with db.atomic():
        for book, answers in checked:
            results.append(_record(db, book, answers, actor=actor, now=now))
    return ImportSummary(tuple(results))


def check_book(db: sqlite_utils.Database, book: ResponseBook, *, key: bytes, workspace: str) -> list[Answer]:
    """The file's rows, once its identity, its signatures, its findings and its answers are right."""
    path = book.path
    if book.workspace != workspace:
        raise WorkbenchError("responses.foreign", path=path)
    sent = db.execute("SELECT examiner FROM feedback_files WHERE id = ?", [book.file_id]).fetchone()
    if sent is None:
        raise WorkbenchError("responses.unknown_file", path=path, file_id=book.file_id)
    values = signing.file_values(book.file_id, book.workspace, book.examiner, [s for _, s in book.signed_rows])
    if sent[0] != book.examiner or not signing.verify(key, values, book.signature):
        raise WorkbenchError("responses.file_signature", path=path)
    _verified_rows(book, key)
    listed = {r[0] for r in db.execute("SELECT finding_id FROM feedback_file_findings WHERE file_id = ?",
                                       [book.file_id])}
    answers = []
    for row in book.rows:
        finding_id = int(row.finding_id or 0)
        finding = sent_finding(db, finding_id)
        if finding is None:
            raise WorkbenchError("responses.finding_gone", path=path, row=row.row, finding_id=finding_id)
        if finding_id not in listed:
            raise WorkbenchError("responses.row_unknown", path=path, row=row.row, finding_id=finding_id)
        answers.append(_answer(book, row.row, finding, row.response, row.reason))
    return answers


def _verified_rows(book: ResponseBook, key: bytes) -> dict[int, int]:
    """finding id -> its row, once every signed finding has exactly one row whose cells verify."""
    signatures = dict(book.signed_rows)
    seen: dict[int, int] = {}
    for row in book.rows:
        if row.finding_id is None:
            raise WorkbenchError("responses.row_no_id", path=book.path, row=row.row)
        if row.finding_id in seen:
            raise WorkbenchError("responses.row_twice", path=book.path, row=row.row, finding_id=row.finding_id,
                                 first=seen[row.finding_id])
        signature = signatures.get(row.finding_id)
        if signature is None:
            raise WorkbenchError("responses.row_unknown", path=book.path, row=row.row, finding_id=row.finding_id)
        if not signing.verify(key, signing.row_values(*row.shown), signature):
            raise WorkbenchError("responses.row_signature", path=book.path, row=row.row, finding_id=row.finding_id)
        seen[row.finding_id] = row.row
    for finding_id, _ in book.signed_rows:
        if finding_id not in seen:
            raise WorkbenchError("responses.row_missing", path=book.path, finding_id=finding_id)
    return seen


def _answer(book: ResponseBook, row: int, finding: Finding, typed: str, reason: str) -> Answer:
    try:
        response = response_code(typed)
    except ValueError:
        raise WorkbenchError("responses.bad_response", path=book.path, row=row, column=column_letter("response"),
                             header=header("response", book.language), value=typed[:40]) from None
    if response == "disagree" and not reason:
        raise WorkbenchError("responses.no_reason", path=book.path, row=row, column=column_letter("reason"),
                             header=header("reason", book.language), finding_id=finding.id)
    return Answer(row, finding, response, reason)


def _record(db: sqlite_utils.Database, book: ResponseBook, answers: list[Answer], *, actor: str,
            now: str) -> FileImport:
    """Record one checked file's responses (inside the caller's transaction)."""
    base = FileImport(path=book.path, file_id=book.file_id, examiner=book.examiner, sha256=book.sha256)
    if db.execute("SELECT 1 FROM dispute_responses WHERE file_sha256 = ? LIMIT 1", [book.sha256]).fetchone():
        return FileImport(**{**base.__dict__, "already_imported": True})
    recorded, late, unchanged, blank = [], [], [], []
    for answer in answers:
        finding_id = int(answer.finding.id or 0)
        if answer.response is None:
            blank.append(finding_id)
            continue
        latest = db.execute("SELECT response, reason FROM dispute_responses WHERE finding_id = ?"
                            " ORDER BY id DESC LIMIT 1", [finding_id]).fetchone()
        if latest is not None and tuple(latest) == (answer.response, answer.reason):
            unchanged.append(finding_id)
            continue
        decided = db.execute("SELECT 1 FROM dispute_decisions WHERE finding_id = ?", [finding_id]).fetchone()
        response_id = db.execute(
            "INSERT INTO dispute_responses (finding_id, response, reason, responded_by, file_id, file_sha256,"
            " imported_at, imported_by, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [finding_id, answer.response, answer.reason, book.examiner, book.file_id, book.sha256, now, actor,
             int(decided is not None)]).lastrowid
        chain.record(db, actor=actor, entity="dispute_response", entity_id=response_id, action="import",
                     new={"finding": finding_id, "response": answer.response, "reason": answer.reason,
                          "responded_by": book.examiner, "file": book.file_id, "sha256": book.sha256,
                          "late": decided is not None}, case_id=answer.finding.case_id)
        (late if decided else recorded).append(finding_id)
    return FileImport(**{**base.__dict__, "recorded": tuple(recorded), "late": tuple(late),
                         "unchanged": tuple(unchanged), "blank": tuple(blank)})
