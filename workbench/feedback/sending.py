"""Sending feedback: for each examiner with findings in a scope, a PDF letter and a response
workbook, recorded in one transaction.

For every examiner the findings are issued (each gets the ID letters and workbooks show; sent
again unchanged it keeps it), a `feedback_files` row names the examiner, scope, language and
response deadline (today plus the round's response days, else 14), `feedback_file_findings`
lists its findings, both files are written and an audit entry ('feedback_file') records them
with their SHA-256. Everything happens in one database transaction and a staging folder inside
OUTDIR: the files are moved into place only when all are written, and the transaction commits
only after they are; a failure or Cancel records nothing and leaves no new file (a file of an
earlier sending that was to be replaced is put back).

File names are `<examiner>-feedback.pdf` and `<examiner>-responses.xlsx` (Chinese letters:
`反馈函_<examiner>.pdf` and `异议回复表_<examiner>.xlsx`) with the name made safe for every file system; two examiners whose names come out alike get "-2", "-3" in the
order of their names, so neither overwrites the other.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import time
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.files import TEMP_MARK, FOREIGN_TEMP_AGE, host_tag, process_alive, reason, remove_quietly, \
    replace_durably
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.audit import chain
from workbench.feedback import response_book
from workbench.feedback.findings import ChecklistTexts, FeedbackScope, Finding, issue, scope_findings
from workbench.feedback.letters import Letter, reviewed_cases, write_letter
from workbench.report.figures import compute_report
from workbench.review.checklists import Text

register({
    "feedback.language": "The feedback's language must be en or zh, not {language!r}.",
    "feedback.no_findings": "No reviewed case in the scope ({scope}) has a finding: there is nothing to send.",
    "feedback.no_examiner": "The {count} finding(s) in the scope are of cases that name no examiner: there is no "
                            "one to send them to.",
    "feedback.unknown_examiner": "There is no examiner named {name!r} in this workspace.",
    "feedback.unknown_department": "There is no department named {name!r} in this workspace.",
    "feedback.unwritable": "Cannot write the feedback into {path}: {detail}.",
})

DEFAULT_RESPONSE_DAYS = 14
STAGING = ".feedback" + TEMP_MARK          # the staging folder's name starts with this
_STAGING_RE = re.compile(re.escape(STAGING) + r"(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-[0-9a-f]{8}$")
_UNSAFE = re.compile(r"[^\w.-]+")          # \w keeps letters of every script (Chinese names stay Chinese)
MAX_STEM = 80
LABELS = {"writing": Text("Writing the feedback for {examiner}", "正在生成 {examiner} 的反馈"),
          "saved": Text("Feedback written", "反馈已生成")}


@dataclass(frozen=True)
class SentLetter:
    """The files written for one examiner."""
    examiner: str
    file_id: str
    letter: Path
    workbook: Path
    findings: int
    cases: int              # reviewed cases with a finding
    reviewed: int           # reviewed cases in the scope
    pages: int


@dataclass(frozen=True)
class SendResult:
    outdir: Path
    deadline: date
    letters: tuple[SentLetter, ...]
    without_examiner: int = 0   # findings of cases that name no examiner: there is no one to send them to

    @property
    def findings(self) -> int:
        return sum(s.findings for s in self.letters)


def send_feedback(db: sqlite_utils.Database, outdir: Path, scope: FeedbackScope, *, language: str, actor: str,
                  today: date, progress: Progress = no_progress, cancel: CancelToken | None = None) -> SendResult:
    """Write and record a letter and a response workbook for every examiner with findings in the
    scope; raises WorkbenchError (unknown round, examiner or department, nothing to send, an
    unwritable folder, no CJK font) or Cancelled, recording and leaving nothing."""
    cancel = cancel or CancelToken()
    if language not in ("en", "zh"):
        raise WorkbenchError("feedback.language", language=language)
    groups = scope_findings(db, scope)
    without_examiner = len(groups.pop("", []))
    if not groups:
        if without_examiner:
            raise WorkbenchError("feedback.no_examiner", count=without_examiner)
        _nothing_to_send(db, scope)
    _require_font(language)
    outdir = Path(outdir)
    deadline = response_deadline(db, scope, today)
    report = compute_report(db, scope.filter)
    stems = file_stems(groups)
    texts = ChecklistTexts(db)
    staging = _staging(outdir)
    placed: list[tuple[Path, Path | None]] = []
    try:
        with db.atomic():
            letters = []
            for index, examiner in enumerate(sorted(groups)):
                cancel.check()
                progress(index, len(groups), LABELS["writing"].get(language).format(examiner=examiner))
                letter = Letter(examiner, str(uuid.uuid4()), scope, report, (), today, deadline,
                                file_names(stems[examiner], language)[1], language)
                letters.append(_write_one(db, staging, letter, groups[examiner], stems[examiner], actor, texts))
            cancel.check()
            placed = _place(staging, outdir, [name for s in letters for name in (s.letter.name, s.workbook.name)])
    except BaseException as exc:
        _undo(placed)
        if isinstance(exc, OSError):       # a full disk while a file was written: one line naming the folder
            raise WorkbenchError("feedback.unwritable", path=str(outdir), detail=reason(exc)) from exc
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    progress(len(groups), len(groups), LABELS["saved"].get(language))
    return SendResult(outdir, deadline, tuple(
        SentLetter(**{**s.__dict__, "letter": outdir / s.letter.name, "workbook": outdir / s.workbook.name})
        for s in letters), without_examiner)


def _write_one(db: sqlite_utils.Database, staging: Path, letter: Letter, findings: Sequence[Finding], stem: str,
               actor: str, texts: ChecklistTexts) -> SentLetter:
    """Issue one examiner's findings, record their file and write both files into the staging folder."""
    now = chain.now_iso()
    issued = issue(db, findings, actor=actor, now=now)
    file_id, examiner = letter.file_id, letter.examiner
    db.execute("INSERT INTO feedback_files (id, examiner, scope, language, created_at, created_by, deadline)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)",
               [file_id, examiner, _scope_json(letter.scope), letter.language, now, actor, letter.deadline.isoformat()])
    db.conn.executemany("INSERT INTO feedback_file_findings (file_id, finding_id) VALUES (?, ?)",
                        [(file_id, f.id) for f in issued])
    cases = reviewed_cases(db, letter.scope, examiner, issued)
    letter = Letter(**{**letter.__dict__, "cases": cases})
    pdf_path, book_path = staging / file_names(stem, letter.language)[0], staging / letter.response_book
    pages = write_letter(pdf_path, letter, texts)
    response_book.write_response_book(book_path, db=db, file_id=file_id, examiner=examiner, findings=issued,
                                      language=letter.language, deadline=letter.deadline.isoformat())
    chain.record(db, actor=actor, entity="feedback_file", entity_id=file_id, action="write",
                 new={"examiner": examiner, "scope": letter.scope.as_json(), "language": letter.language,
                      "deadline": letter.deadline.isoformat(), "findings": [f.id for f in issued],
                      "letter": pdf_path.name, "letter_sha256": _sha256(pdf_path),
                      "workbook": book_path.name, "workbook_sha256": _sha256(book_path)})
    return SentLetter(examiner, file_id, pdf_path, book_path, len(issued), sum(1 for c in cases if c.findings),
                      len(cases), pages)


def _scope_json(scope: FeedbackScope) -> str:
    return json.dumps(scope.as_json(), ensure_ascii=False, sort_keys=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def response_deadline(db: sqlite_utils.Database, scope: FeedbackScope, today: date) -> date:
    """The day responses to feedback written today are due."""
    return today + timedelta(days=_response_days(db, scope))


def _response_days(db: sqlite_utils.Database, scope: FeedbackScope) -> int:
    """A round's response days; a period has the default."""
    if scope.filter.round_name is None:
        return DEFAULT_RESPONSE_DAYS
    row = db.execute("SELECT response_days FROM rounds WHERE name = ?", [scope.filter.round_name.strip()]).fetchone()
    return int(row[0]) if row and row[0] is not None else DEFAULT_RESPONSE_DAYS


def _nothing_to_send(db: sqlite_utils.Database, scope: FeedbackScope) -> None:
    """The clearest reason there is nothing to send: a name that does not exist, else no findings."""
    for column, name, code in (("examiner", scope.examiner, "feedback.unknown_examiner"),
                               ("department", scope.department, "feedback.unknown_department")):
        known = name is None or db.execute(f"SELECT 1 FROM cases WHERE {column} = ? LIMIT 1", [name]).fetchone()
        if not known:
            raise WorkbenchError(code, name=name)
    flt = scope.filter
    parts = [flt.round_name] if flt.round_name else []
    if flt.date_from or flt.date_to:
        parts.append(f"{flt.date_from or '…'} – {flt.date_to or '…'}")
    parts += [name for name in (scope.department, scope.examiner) if name is not None]
    raise WorkbenchError("feedback.no_findings", scope=" / ".join(parts) or "*")


def _require_font(language: str) -> None:
    """A Chinese letter needs a CJK font: refused before anything is written (as the PDF report)."""
    if language == "zh":
        from workbench.report.pdf import cjk_family
        if cjk_family() is None:
            raise WorkbenchError("pdf.no_cjk_font")


# -- file names --------------------------------------------------------------------------------

def safe_stem(name: str) -> str:
    """An examiner's name as the start of a file name on every system: letters of any script,
    digits, '.', '-' and '_'; anything else becomes '_'."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip("._")[:MAX_STEM].strip("._")
    return stem or "examiner"


def file_stems(examiners: Iterable[str]) -> dict[str, str]:
    """examiner -> a file-name stem no other examiner shares (compared without case, as Windows and
    macOS do); the first in name order keeps the plain stem, the next get -2, -3..."""
    stems: dict[str, str] = {}
    used: set[str] = set()
    for examiner in sorted(examiners):
        base = safe_stem(examiner)
        stem, number = base, 2
        while stem.casefold() in used:
            stem, number = f"{base}-{number}", number + 1
        used.add(stem.casefold())
        stems[examiner] = stem
    return stems


def file_names(stem: str, language: str = "en") -> tuple[str, str]:
    """The letter's and the response workbook's file names for an examiner's stem, in the letter's
    language (the stem is already safe; the Chinese words are letters to every file system)."""
    if language == "zh":
        return f"反馈函_{stem}.pdf", f"异议回复表_{stem}.xlsx"
    return f"{stem}-feedback.pdf", f"{stem}-responses.xlsx"


def replaced_files(outdir: Path, examiners: Iterable[str], language: str = "en") -> list[Path]:
    """The files already in OUTDIR (an earlier sending's) that sending to these examiners would
    replace, for a question before anything is written."""
    return [outdir / name for stem in file_stems(examiners).values() for name in file_names(stem, language)
            if (outdir / name).exists()]


# -- the staging folder and moving into place ---------------------------------------------------

def _staging(outdir: Path) -> Path:
    """A fresh staging folder inside OUTDIR (made first, so an unwritable folder is reported
    before any work), after removing those that killed runs left there."""
    if outdir.exists() and not outdir.is_dir():
        raise WorkbenchError("feedback.unwritable", path=str(outdir), detail="it is a file, not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        _sweep(outdir)
        staging = outdir / f"{STAGING}{host_tag()}-{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()
    except OSError as exc:
        raise WorkbenchError("feedback.unwritable", path=str(outdir), detail=reason(exc)) from exc
    return staging


def _sweep(outdir: Path) -> None:
    for entry in outdir.iterdir():
        match = _STAGING_RE.match(entry.name)
        if match is None or not entry.is_dir() or entry.is_symlink():
            continue
        try:
            stale = not process_alive(int(match["pid"])) if match["host"] == host_tag() \
                else time.time() - entry.stat().st_mtime > FOREIGN_TEMP_AGE
        except OSError:
            continue
        if stale:
            shutil.rmtree(entry, ignore_errors=True)


def _place(staging: Path, outdir: Path, names: Sequence[str]) -> list[tuple[Path, Path | None]]:
    """Move the staged files into OUTDIR; a file they replace is kept in the staging folder until
    the transaction commits, and put back if anything fails."""
    for name in names:
        target = outdir / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise WorkbenchError("feedback.unwritable", path=str(target), detail="it is not a regular file")
    placed: list[tuple[Path, Path | None]] = []
    previous = staging / "previous"
    try:
        for name in names:
            target, kept = outdir / name, None
            if target.exists():
                previous.mkdir(exist_ok=True)
                kept = previous / name
                os.replace(target, kept)
            placed.append((target, kept))
            replace_durably(staging / name, target)
    except OSError as exc:
        _undo(placed)
        raise WorkbenchError("feedback.unwritable", path=str(outdir), detail=reason(exc)) from exc
    except BaseException:
        _undo(placed)
        raise
    return placed


def _undo(placed: Sequence[tuple[Path, Path | None]]) -> None:
    for target, kept in reversed(placed):
        remove_quietly(target)
        if kept is not None:
            try:
                os.replace(kept, target)
            except OSError:
                pass
