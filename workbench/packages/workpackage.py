"""Work packages: one reviewer's share of a round, in a file of its own, for offline work.

A package is an ordinary workspace (the same schema, so the application opens it and the
reviewer works as usual) holding only that reviewer's cases of the round, the round's row,
the frozen checklist versions, the reviews already started with their answers and audit
entries, and two things more: a `package_info` row saying what it is, and the state each
review left with (`package_bases`), which merge compares against to tell who changed what.

Rows are matched across workspaces by identity, never by row id: a case by its application
number, a checklist version by template, version and digest, a round or a review by its uid
(schema 5). Columns other issues add to reviews and answers travel along: rows are copied by
the column names SQLite reports, not by a list written here. A calibration round's package holds
the reviewer's own blind reviews only (workbench.packages.share).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import sqlite_utils

from db.connection import open_database
from workbench.audit import chain
from foundation import faults
from workbench.rounds import store
from foundation.errors import WorkbenchError, register
from foundation.files import file_kind, replace_durably, sweep_leftovers, temp_path, work_copy
from workbench.review.integrity import check_workspace
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.packages import share
from workbench.packages.audit_copy import ENTRY_SELECT, append_copied, audit_head

#: The package format this version writes and reads. A newer format is refused by name.
FORMAT_VERSION = 1
SUFFIX = ".qrpkg"
SQLITE_MAGIC = b"SQLite format 3\x00"

register({
    "package.is_package": "This workspace is itself a work package. Packages are exported from, and merged "
                          "into, the manager's workspace.",
    "package.exists": "{path} already exists; choose another name, or replace it (--force).",
    "package.unwritable": "Cannot write the package {path}: {detail}.",
    "package.workspace_broken": "The workspace is not intact, so no package was made ({problem}). "
                                "Run 'verify' to see every problem.",
    "package.unreadable": "Cannot read {name}: {detail}.",
    "package.not_sqlite": "{name} is not a work package: it is not a workbench file.",
    "package.truncated": "{name} is truncated ({found} of {expected} bytes); it was cut off when it was copied "
                         "or sent. Ask for the file again.",
    "package.damaged": "{name} is damaged ({detail}). Ask for the file again.",
    "package.not_package": "{name} is a workspace, not a work package.",
    "package.format": "{name} is a work package of format {found}, which this version does not know (it reads "
                      "format {known}). Install the newer version of the workbench.",
    "package.tampered": "{name} was changed outside the application, so it is refused: {problem}.",
})


# -- rows, columns and identities ----------------------------------------------------------------

def columns(db: sqlite_utils.Database, table: str) -> list[str]:
    """The table's columns as SQLite reports them (so columns added by later migrations travel too)."""
    return [row[1] for row in db.execute(f"PRAGMA table_info({quote(table)})")]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def rows(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def insert_row(db: sqlite_utils.Database, table: str, row: Mapping[str, Any],
               known: Sequence[str] | None = None) -> int:
    """Insert the row's values for the columns the table has; returns the new rowid."""
    names = [c for c in (known if known is not None else columns(db, table)) if c in row]
    sql = (f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in names)})"
           f" VALUES ({', '.join('?' for _ in names)})")
    return db.execute(sql, [row[c] for c in names]).lastrowid


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def workspace_uid(db: sqlite_utils.Database) -> str:
    row = db.execute("SELECT uid FROM workspace_info WHERE id = 1").fetchone()
    return row[0] if row else ""


def checklist_key(template_id: str, version: int, sha256: str) -> str:
    """A frozen checklist version's identity in any workspace."""
    return f"{template_id}@{version}#{sha256}"


class Identities:
    """Row id <-> identity of the rows reviews refer to, cached for one workspace."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._case_numbers: dict[int, str] = {}
        self._case_ids: dict[str, int | None] = {}
        self._checklist_keys: dict[int, str] = {}
        self._round_uids: dict[int, str | None] = {}

    def case_number(self, case_id: int) -> str:
        if case_id not in self._case_numbers:
            row = self.db.execute("SELECT application_number FROM cases WHERE id = ?", [case_id]).fetchone()
            self._case_numbers[case_id] = row[0] if row else f"#{case_id}"
        return self._case_numbers[case_id]

    def case_id(self, number: str) -> int | None:
        if number not in self._case_ids:
            row = self.db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone()
            self._case_ids[number] = row[0] if row else None
        return self._case_ids[number]

    def checklist_key(self, checklist_id: int) -> str:
        if checklist_id not in self._checklist_keys:
            row = self.db.execute("SELECT template_id, version, sha256 FROM checklists WHERE id = ?",
                                  [checklist_id]).fetchone()
            self._checklist_keys[checklist_id] = checklist_key(*row) if row else f"#{checklist_id}"
        return self._checklist_keys[checklist_id]

    def round_uid(self, round_id: int | None) -> str | None:
        if round_id is None:
            return None
        if round_id not in self._round_uids:
            row = self.db.execute("SELECT uid FROM rounds WHERE id = ?", [round_id]).fetchone()
            self._round_uids[round_id] = row[0] if row else None
        return self._round_uids[round_id]


# -- the state of a review, portable between workspaces ---------------------------------------

#: Review columns replaced by the identity of the row they point to.
REFERENCES = {"case_id": "case", "checklist_id": "checklist", "round_id": "round"}


def portable_review(ids: Identities, row: Mapping[str, Any]) -> dict[str, Any]:
    """A review row with its local ids (own id, case, checklist, round) replaced by identities."""
    out: dict[str, Any] = {}
    for name, value in row.items():
        if name in ("id", "uid"):
            continue
        if name == "case_id":
            out["case"] = ids.case_number(value)
        elif name == "checklist_id":
            out["checklist"] = ids.checklist_key(value)
        elif name == "round_id":
            out["round"] = ids.round_uid(value)
        else:
            out[name] = value
    return out


def review_state(db: sqlite_utils.Database, review_id: int, ids: Identities | None = None) -> dict[str, Any]:
    """{"review": the review's portable row, "answers": item id -> answer row (all columns but review_id)}."""
    ids = ids or Identities(db)
    row = next(rows(db, "SELECT * FROM reviews WHERE id = ?", [review_id]), None)
    if row is None:
        raise KeyError(review_id)
    answers = {}
    for answer in rows(db, "SELECT * FROM answers WHERE review_id = ? ORDER BY item_id", [review_id]):
        answer.pop("review_id")
        answers[answer["item_id"]] = answer
    return {"review": portable_review(ids, row), "answers": answers}


# -- what a package is ------------------------------------------------------------------------

@dataclass(frozen=True)
class PackageInfo:
    format_version: int
    package_id: str
    round_uid: str
    round_name: str
    reviewer: str
    created_at: str
    created_by: str
    source_workspace: str
    audit_count: int
    audit_head: str


def package_info(db: sqlite_utils.Database) -> PackageInfo | None:
    """What the workspace is, if it is a work package; None for any other workspace."""
    try:
        row = db.execute("SELECT format_version, package_id, round_uid, round_name, reviewer, created_at,"
                         " created_by, source_workspace, audit_count, audit_head FROM package_info"
                         " WHERE id = 1").fetchone()
    except sqlite3.OperationalError:   # a schema without the table (cannot happen after migration)
        return None
    return PackageInfo(*row) if row else None


def package_reviewer(db: sqlite_utils.Database) -> str | None:
    """In a work package, the reviewer it was made for: the application works under that name."""
    info = package_info(db)
    return info.reviewer if info else None


@dataclass(frozen=True)
class PackageSummary:
    path: str
    info: PackageInfo
    cases: int
    reviews: Mapping[str, int]         # status -> count
    answers: int
    schema_version: int

    def lines(self) -> list[str]:
        done = sum(n for s, n in self.reviews.items() if s in ("completed", "signed_off"))
        statuses = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(self.reviews.items())) or "none"
        return [
            f"Work package {self.info.package_id}",
            f"  round:     {self.info.round_name}",
            f"  reviewer:  {self.info.reviewer}",
            f"  made:      {self.info.created_at} by {self.info.created_by or '-'}",
            f"  cases:     {self.cases} ({done} reviewed)",
            f"  reviews:   {statuses}; {self.answers} answers",
            f"  file:      {self.path}",
        ]


# -- checking a file ---------------------------------------------------------------------------

def check_file(path: Path) -> None:
    """Refuse, naming the reason, a file that is not a SQLite database or is cut short."""
    name = path.name
    kind = file_kind(path)   # a named pipe would block the read below for ever
    if kind is not None:
        raise WorkbenchError("package.unreadable", name=name, detail=f"it is {kind}, not a regular file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise WorkbenchError("package.unreadable", name=name, detail=exc.strerror or str(exc)) from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise WorkbenchError("package.not_sqlite", name=name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid when written by the same change as the counter.
    if pages and header[24:28] == header[92:96] and size < page_size * pages:
        raise WorkbenchError("package.truncated", name=name, found=size, expected=page_size * pages)
    if page_size < 512 or size % page_size:
        raise WorkbenchError("package.truncated", name=name, found=size,
                             expected=(size // max(page_size, 512) + 1) * max(page_size, 512))


def summarise(db: sqlite_utils.Database, path: Path | str, *, name: str | None = None) -> PackageSummary:
    """Check that the open workspace is an intact work package this version can read.

    Refused: not a package, an unknown format, a damaged file, and any sign of an edit behind
    the application's back (the audit chain, the answers against the audit log, the audit
    entries the package left with).
    """
    name = name or Path(path).name
    try:
        info = package_info(db)
        if info is None:
            raise WorkbenchError("package.not_package", name=name)
        if info.format_version != FORMAT_VERSION:
            raise WorkbenchError("package.format", name=name, found=info.format_version, known=FORMAT_VERSION)
        problems = check_workspace(db)
        damaged = [p for p in problems if p.startswith("database:")]
        if damaged:
            raise WorkbenchError("package.damaged", name=name, detail=damaged[0].removeprefix("database: "))
        if problems:
            raise WorkbenchError("package.tampered", name=name, problem=problems[0])
        if info.audit_count:
            row = db.execute("SELECT hash FROM audit_log WHERE id = ?", [info.audit_count]).fetchone()
            if row is None or chain.hash_text(row[0]) != info.audit_head:
                raise WorkbenchError("package.tampered", name=name,
                                     problem="the audit entries it left with were changed")
        statuses = dict(db.execute("SELECT status, COUNT(*) FROM reviews GROUP BY status").fetchall())
        return PackageSummary(
            str(path), info, db.execute("SELECT COUNT(*) FROM cases").fetchone()[0], statuses,
            db.execute("SELECT COUNT(*) FROM answers").fetchone()[0],
            db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise WorkbenchError("package.damaged", name=name, detail=str(exc)) from exc


def open_package(path: str | Path) -> tuple[sqlite_utils.Database, PackageSummary]:
    """Open a package where it is, as the reviewer's workspace (upgrading its schema if it is older)."""
    path = Path(path)
    check_file(path)
    try:
        db = open_database(path)
    except WorkbenchError as exc:
        raise _as_package_error(exc, path) from exc
    try:
        return db, summarise(db, path)
    except BaseException:
        db.close()
        raise


def _as_package_error(exc: WorkbenchError, path: Path) -> WorkbenchError:
    """Opening a package failed: say it in a package's terms when the file itself is at fault."""
    if exc.code == "db.not_a_database":
        return WorkbenchError("package.damaged", name=path.name, detail=exc.params.get("detail", ""))
    if exc.code == "db.foreign":
        return WorkbenchError("package.not_sqlite", name=path.name)
    return exc   # busy, unreadable, too new: the true cause as it is


def check_package(path: str | Path, *, scratch: Path | None = None) -> PackageSummary:
    """Validate a package without writing to it (`open --check`): it is opened read-only (on
    read-only media, immutable); one of an older schema is checked on a work copy in `scratch`'s
    folder (default: the data folder), upgraded there, and the copy removed."""
    path = Path(path)
    check_file(path)
    try:
        db = open_database(path, read_only=True)
    except WorkbenchError as exc:
        if exc.code != "db.read_only_outdated":
            raise _as_package_error(exc, path) from exc
        from foundation.paths import data_dir
        with work_copy(path, near=scratch or data_dir() / path.name) as copy:
            db = open_database(copy)
            try:
                return summarise(db, path)
            finally:
                db.close()
    try:
        return summarise(db, path)
    finally:
        db.close()


# -- exporting ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    round_name: str
    reviewer: str
    cases: int
    reviews: int
    started: int                  # reviews that already have answers

    def line(self) -> str:
        return (f"Wrote {self.path}: work package for {self.reviewer} in round {self.round_name!r}: "
                f"{self.cases} cases, {self.reviews} reviews ({self.started} already started).")


def round_reviewers(db: sqlite_utils.Database, round_name: str | int) -> list[tuple[str, int]]:
    """(reviewer, cases assigned) in a round, by name (in a calibration round: their reviews)."""
    return share.round_reviewers(db, store.get_round(db, round_name).id)


def default_file_name(round_name: str, reviewer: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_ ." else "_" for ch in f"{round_name} - {reviewer}")
    return " ".join(keep.split()).strip(" .") + SUFFIX


def export_package(db: sqlite_utils.Database, *, round_name: str, reviewer: str, out: str | Path, actor: str,
                   overwrite: bool = False, progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> ExportResult:
    """Write one reviewer's work package for a round to `out`."""
    return export_packages(db, round_name=round_name, targets=[(reviewer, Path(out))], actor=actor,
                           overwrite=overwrite, progress=progress, cancel=cancel)[0]


def export_packages(db: sqlite_utils.Database, *, round_name: str, targets: Sequence[tuple[str, Path]],
                    actor: str, overwrite: bool = False, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> list[ExportResult]:
    """Write a work package per (reviewer, file), recording each in this workspace, in one transaction.

    Each file is written beside its target under a temporary name and moved into place only
    when every package is complete, so a failure or Cancel leaves no package and no record.
    """
    cancel = cancel or CancelToken()
    if package_info(db) is not None:
        raise WorkbenchError("package.is_package")
    stored = store.get_round(db, round_name)
    plan = [(share.reviewer_in_round(db, stored.id, stored.name, reviewer), Path(out)) for reviewer, out in targets]
    for _, out in plan:
        if out.exists() and not overwrite:
            raise WorkbenchError("package.exists", path=str(out))
        if not out.parent.is_dir():
            raise WorkbenchError("package.unwritable", path=str(out), detail="the folder does not exist")
    temps: list[Path] = []
    results: list[ExportResult] = []
    for folder in {out.parent for _, out in plan}:
        sweep_leftovers(folder)
    try:
        with db.atomic():
            for index, (reviewer, out) in enumerate(plan):
                temp = temp_path(out)   # named so that a killed run's file is removed by the next
                temps.append(temp)
                label = f"{reviewer}: "
                results.append(_export_one(
                    db, stored, reviewer, out, temp, actor,
                    lambda done, total, text, i=index, lab=label: progress(
                        i * 1000 + (1000 * done // total if total else 0), 1000 * len(plan), lab + text),
                    cancel))
            cancel.check()
            for temp, (_, out) in zip(temps, plan):
                faults.checkpoint("package.before_rename")
                replace_durably(temp, out)
    except OSError as exc:
        raise WorkbenchError("package.unwritable", path=str(getattr(exc, "filename", "") or plan[0][1]),
                             detail=exc.strerror or str(exc)) from exc
    finally:
        for temp in temps:
            for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
                leftover.unlink(missing_ok=True)
    progress(1, 1, "Done")
    return results


def _json_list(values: Iterable[Any]) -> str:
    return json.dumps(list(values))


@dataclass(frozen=True)
class _Extract:
    """What one reviewer's package holds of the round: ids, and the same as JSON lists for the queries."""
    case_ids: list[int]
    review_ids: list[int]
    cases_json: str
    reviews_json: str
    checklists_json: str


def _export_one(db: sqlite_utils.Database, stored: store.StoredRound, reviewer: str, out: Path, temp: Path,
                actor: str, progress: Progress, cancel: CancelToken) -> ExportResult:
    package_id = str(uuid.uuid4())
    now = chain.now_iso()
    round_uid = db.execute("SELECT uid FROM rounds WHERE id = ?", [stored.id]).fetchone()[0]
    # Written first, so this transaction holds the write lock while it reads what it exports.
    db.execute("INSERT INTO package_exports (package_id, round_id, reviewer, file_name, created_at, created_by,"
               " cases, reviews, audit_count, audit_head) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, '')",
               [package_id, stored.id, reviewer, out.name, now, actor])
    extract = _extract(db, stored, reviewer)
    total = len(extract.case_ids) + len(extract.review_ids) + 1
    pkg = open_database(temp)
    try:
        with pkg.atomic():
            _copy_rows(db, pkg, stored, extract, lambda: progress(len(extract.case_ids), total, "Copying the cases"))
            cancel.check()
            _copy_history(db, pkg, stored, extract, package_id, actor)
            started = _record_bases(db, pkg, extract, package_id,
                                    lambda done: progress(len(extract.case_ids) + done, total,
                                                          "Recording the reviews"), cancel)
            count, head = audit_head(pkg)
            pkg.execute("INSERT INTO package_info (id, format_version, package_id, round_uid, round_name, reviewer,"
                        " created_at, created_by, source_workspace, audit_count, audit_head)"
                        " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [FORMAT_VERSION, package_id, round_uid, stored.name, reviewer, now, actor,
                         workspace_uid(db), count, head])
        problems = check_workspace(pkg)
        if problems:   # the package is an exact extract, so the workspace itself is not intact
            raise WorkbenchError("package.workspace_broken", problem=problems[0])
        # A package travels as one file: no write-ahead log beside it.
        pkg.execute("PRAGMA journal_mode = DELETE")
    finally:
        pkg.close()
    db.execute("UPDATE package_exports SET cases = ?, reviews = ?, audit_count = ?, audit_head = ?"
               " WHERE package_id = ?", [len(extract.case_ids), len(extract.review_ids), count, head, package_id])
    progress(total, total, "Package written")
    return ExportResult(out, package_id, stored.name, reviewer, len(extract.case_ids), len(extract.review_ids),
                        started)


def _extract(db: sqlite_utils.Database, stored: store.StoredRound, reviewer: str) -> _Extract:
    """The reviewer's cases of the round, their reviews (the round's, or the reviewer's own outside
    any round; in a calibration round only their own calibration reviews) and every checklist
    version they use."""
    case_ids, review_ids = share.share(db, stored.id, reviewer)
    cases_json = _json_list(case_ids)
    reviews_json = _json_list(review_ids)
    checklist_ids = set(stored.checklists.values())
    checklist_ids.update(r[0] for r in db.execute(
        "SELECT DISTINCT checklist_id FROM reviews WHERE id IN (SELECT value FROM json_each(?))", [reviews_json]))
    return _Extract(case_ids, review_ids, cases_json, reviews_json, _json_list(sorted(checklist_ids)))


def _copy_rows(db: sqlite_utils.Database, pkg: sqlite_utils.Database, stored: store.StoredRound,
               extract: _Extract, cases_copied: Callable[[], None]) -> None:
    """The rows the package holds, copied by the column names the package's schema has."""
    cases_json, reviews_json = extract.cases_json, extract.reviews_json
    _copy(db, pkg, "imports", "SELECT * FROM imports WHERE id IN (SELECT DISTINCT import_id FROM cases"
                              " WHERE id IN (SELECT value FROM json_each(?)))", [cases_json])
    _copy(db, pkg, "cases", "SELECT * FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
          [cases_json])
    cases_copied()
    _copy(db, pkg, "checklists", "SELECT * FROM checklists WHERE id IN (SELECT value FROM json_each(?))"
                                 " ORDER BY id", [extract.checklists_json])
    _copy(db, pkg, "rounds", "SELECT * FROM rounds WHERE id = ?", [stored.id])
    _copy(db, pkg, "round_strata", "SELECT * FROM round_strata WHERE round_id = ?", [stored.id])
    # The package's cases are the reviewer's (a calibration round's have no single reviewer).
    _copy(db, pkg, "round_cases", "SELECT * FROM round_cases WHERE round_id = ? AND case_id IN"
                                  " (SELECT value FROM json_each(?))", [stored.id, cases_json])
    _copy(db, pkg, "reviews", "SELECT * FROM reviews WHERE id IN (SELECT value FROM json_each(?))"
                              " ORDER BY id", [reviews_json])
    _copy(db, pkg, "answers", "SELECT * FROM answers WHERE review_id IN (SELECT value FROM json_each(?))"
                              " ORDER BY review_id, item_id", [reviews_json])


def _copy_history(db: sqlite_utils.Database, pkg: sqlite_utils.Database, stored: store.StoredRound,
                  extract: _Extract, package_id: str, actor: str) -> None:
    """The history of what the package holds, re-chained in the package; each entry keeps the hash
    it was first written with, so merging it back never copies it twice. Entries about reviews and
    answers are chosen by review id: none about a review the package does not hold (in a
    calibration round, nothing of the other reviewers' blind reviews). Merge checks the package's
    chain against the head recorded here at export, so the copy need not be a contiguous piece
    of this workspace's chain."""
    cases_json, reviews_json = extract.cases_json, extract.reviews_json
    entries = rows(db, ENTRY_SELECT + " WHERE (a.entity = 'review' AND a.entity_id IN"
                   " (SELECT CAST(value AS TEXT) FROM json_each(?)))"
                   " OR (a.entity = 'answer' AND CAST(substr(a.entity_id, 1, instr(a.entity_id, '/') - 1)"
                   " AS INTEGER) IN (SELECT value FROM json_each(?)))"
                   " OR (a.entity = 'round' AND a.entity_id = ?)"
                   " OR (a.entity NOT IN ('review', 'answer', 'round')"
                   " AND a.case_id IN (SELECT value FROM json_each(?)))"
                   " ORDER BY a.id", [reviews_json, reviews_json, str(stored.id), cases_json])
    for entry in entries:
        append_copied(pkg, entry, source=package_id)
    # What the package holds, covered by its chain from the start (before the head the
    # manager's workspace records, so the reviewer cannot move it).
    # It also carries the head of this workspace's chain: an anchor (verify --anchor PACKAGE).
    source_count, source_head = audit_head(db)
    chain.record_baseline(pkg, actor=actor, reason=f"work package {package_id}",
                          extra={"source_anchor": {"count": source_count, "head": source_head}})


def _record_bases(db: sqlite_utils.Database, pkg: sqlite_utils.Database, extract: _Extract, package_id: str,
                  recorded: Callable[[int], None], cancel: CancelToken) -> int:
    """The state each review leaves with, here and in the package (what merge compares against);
    returns how many reviews already have answers."""
    ids = Identities(db)
    started = 0
    for done, review_id in enumerate(extract.review_ids, start=1):
        state = canonical(review_state(db, review_id, ids))
        review_uid = db.execute("SELECT uid FROM reviews WHERE id = ?", [review_id]).fetchone()[0]
        for target in (db, pkg):
            target.execute("INSERT INTO package_bases (package_id, review_uid, state) VALUES (?, ?, ?)",
                           [package_id, review_uid, state])
        started += db.execute("SELECT EXISTS (SELECT 1 FROM answers WHERE review_id = ?)",
                              [review_id]).fetchone()[0]
        if done % 50 == 0:
            cancel.check()
            recorded(done)
    return started


def _copy(src: sqlite_utils.Database, dst: sqlite_utils.Database, table: str, sql: str,
          params: Sequence[Any]) -> int:
    known = columns(dst, table)
    count = 0
    for row in rows(src, sql, params):
        insert_row(dst, table, row, known)
        count += 1
    return count


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
