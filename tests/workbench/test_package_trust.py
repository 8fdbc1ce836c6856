"""Forged work packages (issue 21): a reviewer edits the package with sqlite3 and re-hashes its
audit chain correctly, so the chain and the package's own checks pass; only what the manager's
workspace recorded (the round's assignments, the head of the chain it wrote) can refuse it."""
from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db.connection import open_database
from tests.workbench.test_packages import (
    ROUND,
    answer_review,
    copy_master,
    export,
    master_template,  # noqa: F401  (fixture)
    review_ids,
)
from workbench.audit import coverage
from workbench.packages import workpackage
from workbench.review import reviews
from workbench.audit.chain import GENESIS, entry_hash, stored_hash
from workbench.review.checklist_store import load_stored
from workbench.cli import main as cli_main
from workbench.packages.merge import merge_packages

LATER = "2099-01-01T00:00:00.000000+00:00"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rehash(conn: sqlite3.Connection) -> None:
    """What a forger does after editing: recompute every entry's hash, so the chain is intact."""
    prev = GENESIS
    for row in conn.execute("SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value"
                            " FROM audit_log ORDER BY id").fetchall():
        digest = entry_hash(prev, *row[1:])
        conn.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [stored_hash(digest), row[0]])
        prev = digest


def append(conn: sqlite3.Connection, actor: str, entity: str, entity_id: str, case_id: int | None, action: str,
           new: object, at: str) -> int:
    return conn.execute("INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, old_value,"
                        " new_value, hash) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, '')",
                        [at, actor, entity, entity_id, case_id, action,
                         json.dumps(new, sort_keys=True, separators=(",", ":"))]).lastrowid


def reassess(conn: sqlite3.Connection, review_id: int) -> None:
    """Make verdict and score agree with the answers, as the application would."""
    db = sqlite_utils.Database(conn)
    checklist = load_stored(db, reviews.get_review(db, review_id).checklist_id)
    result = reviews.assess(checklist, reviews.get_answers(db, review_id))
    conn.execute("UPDATE reviews SET verdict = ?, score = ? WHERE id = ?", [result.verdict, result.score, review_id])


@pytest.fixture
def alice(master_template, tmp_path):  # noqa: F811
    """Alice's package, her first review answered (with a finding) in the manager's workspace before
    export, and all of it completed offline with 600 s of review time each."""
    master = copy_master(master_template, tmp_path)
    db = open_database(master)
    first = review_ids(db, "Alice")[0]
    answer_review(db, first, "Alice", fail=1, complete=False)
    db.close()
    path = export(master, tmp_path, ["Alice"])["Alice"]
    pkg, _ = workpackage.open_package(path)
    for review_id in review_ids(pkg, "Alice"):
        answer_review(pkg, review_id, "Alice", seconds=600)
    pkg.close()
    return master, path, first


def forge(path: Path, edit) -> None:
    conn = sqlite3.connect(path)
    edit(conn)
    rehash(conn)
    # ... and the package's own record of the head it left with, to match.
    count = conn.execute("SELECT audit_count FROM package_info").fetchone()[0]
    conn.execute("UPDATE package_info SET (audit_count, audit_head) = (SELECT id, lower(hex(hash)) FROM audit_log"
                 " WHERE id <= ? ORDER BY id DESC LIMIT 1)", [count])
    conn.commit()
    conn.close()
    workpackage.check_package(path)     # the package's own checks pass: only merge's can refuse it


def refused(master: Path, path: Path, code: str) -> str:
    before = sha(master)
    db = open_database(master)
    report = merge_packages(db, [path], actor="manager")
    db.close()
    assert sha(master) == before                   # byte-identical
    result = report.files[0]
    assert result.outcome == "refused" and result.error is not None and result.error.code == code, result.line()
    err = io.StringIO()
    assert cli_main(["merge", str(path), "--db", str(master)], out=io.StringIO(), err=err) == 2
    assert sha(master) == before
    return result.line()


def test_an_honest_package_merges(alice):
    master, path, _ = alice
    db = open_database(master)
    result = merge_packages(db, [path], actor="manager").files[0]
    assert result.outcome == "merged" and result.count("updated") == 6
    from workbench.review.integrity import check_workspace
    assert check_workspace(db) == []
    db.close()


def test_a_sign_off_in_another_name_is_refused(alice):
    master, path, _ = alice

    def edit(conn):
        review_id, case_id = conn.execute("SELECT id, case_id FROM reviews WHERE status = 'completed'"
                                          " ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE reviews SET status = 'signed_off', signed_off_by = 'chief.examiner',"
                     " signed_off_at = ? WHERE id = ?", [LATER, review_id])
        edit.entry = append(conn, "chief.examiner", "review", str(review_id), case_id, "sign_off",
                            {"status": "signed_off", "verdict": "compliant"}, LATER)
    forge(path, edit)
    line = refused(master, path, "trust.foreign_actor")
    assert f"audit entry {edit.entry}" in line and "chief.examiner" in line


def test_a_finding_erased_from_the_history_is_refused(alice):
    master, path, first = alice

    def edit(conn):
        item = conn.execute("SELECT item_id FROM answers WHERE review_id = ? AND outcome = 'fail'",
                            [first]).fetchone()[0]
        gone = [r[0] for r in conn.execute("SELECT id FROM audit_log WHERE entity = 'answer' AND entity_id = ?",
                                           [f"{first}/{item}"])]
        conn.execute("DELETE FROM audit_origins WHERE audit_id IN (SELECT value FROM json_each(?))",
                     [json.dumps(gone)])
        conn.execute("DELETE FROM audit_log WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(gone)])
        conn.execute("DELETE FROM answers WHERE review_id = ? AND item_id = ?", [first, item])
        reassess(conn, first)
        conn.execute("UPDATE reviews SET status = 'in_progress', completed_at = NULL WHERE id = ?", [first])
    forge(path, edit)
    line = refused(master, path, "trust.history_short")
    assert "shortened" in line


def test_a_review_of_someone_elses_case_is_refused(alice):
    master, path, _ = alice
    db = open_database(master)
    bob_review = review_ids(db, "Bob")[0]
    case = dict(zip(coverage.CASE_FIELDS, db.execute(
        f"SELECT {', '.join(coverage.CASE_FIELDS)} FROM cases WHERE id = (SELECT case_id FROM reviews WHERE id = ?)",
        [bob_review]).fetchone()))
    case_id = db.execute("SELECT case_id FROM reviews WHERE id = ?", [bob_review]).fetchone()[0]
    round_id = db.execute("SELECT id FROM rounds WHERE name = ?", [ROUND]).fetchone()[0]
    db.close()

    def edit(conn):
        checklist_id = conn.execute("SELECT checklist_id FROM reviews LIMIT 1").fetchone()[0]
        conn.execute(f"INSERT INTO cases (id, {', '.join(case)}) VALUES (?, {', '.join('?' * len(case))})",
                     [case_id, *case.values()])
        append(conn, "Alice", "import", "99", None, "import",
               {"cases": {case["application_number"]: coverage.case_digest(case.values())}}, LATER)
        review_id = conn.execute("INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at,"
                                 " updated_at, round_id) VALUES (?, ?, 'Alice', 'open', ?, ?, ?)",
                                 [case_id, checklist_id, LATER, LATER, round_id]).lastrowid
        edit.entry = append(conn, "Alice", "review", str(review_id), case_id, "open",
                            {"checklist_id": checklist_id, "reviewer": "Alice", "round_id": round_id}, LATER)
    forge(path, edit)
    line = refused(master, path, "trust.foreign_case")
    assert f"audit entry {edit.entry}" in line and "assigned to Bob" in line


def test_a_new_review_with_a_consensus_role_is_refused(alice):
    """A consensus review counts as the case's review: only the manager's workspace opens one."""
    master, path, _ = alice

    def edit(conn):
        case_id, checklist_id, round_id = conn.execute("SELECT case_id, checklist_id, round_id FROM reviews"
                                                       " ORDER BY id LIMIT 1").fetchone()
        review_id = conn.execute("INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at,"
                                 " updated_at, round_id, role) VALUES (?, ?, 'Alice', 'open', ?, ?, ?, 'consensus')",
                                 [case_id, checklist_id, LATER, LATER, round_id]).lastrowid
        append(conn, "Alice", "review", str(review_id), case_id, "open",
               {"checklist_id": checklist_id, "reviewer": "Alice", "round_id": round_id, "role": "consensus"}, LATER)
    forge(path, edit)
    line = refused(master, path, "trust.moved")
    assert "role was changed from regular to consensus" in line


def test_review_time_multiplied_without_entries_is_refused(alice):
    """Time the log does not back: the package's own coverage check refuses it (its chain covers
    active time from the moment it was written)."""
    master, path, _ = alice
    forge_time = sqlite3.connect(path)
    forge_time.execute("UPDATE reviews SET active_seconds = active_seconds * 100")
    rehash(forge_time)
    forge_time.commit()
    forge_time.close()
    before = sha(master)
    db = open_database(master)
    result = merge_packages(db, [path], actor="manager").files[0]
    db.close()
    assert result.outcome == "refused" and result.error.code == "package.tampered"
    assert "active time" in result.line() and sha(master) == before


def test_review_time_multiplied_with_forged_entries_is_merged_but_flagged(alice):
    """Time entries re-written to back it: possible (a long session), so merged, but implausible
    against the time between the reviewer's entries, so flagged in the preview and the report."""
    master, path, _ = alice

    def edit(conn):
        for entry_id, new in conn.execute("SELECT id, new_value FROM audit_log WHERE action = 'time'").fetchall():
            seconds = json.loads(new)["seconds"] * 100
            conn.execute("UPDATE audit_log SET new_value = ? WHERE id = ?",
                         [json.dumps({"seconds": seconds}, separators=(",", ":")), entry_id])
        conn.execute("UPDATE reviews SET active_seconds = active_seconds * 100")
    forge(path, edit)
    db = open_database(master)
    preview = merge_packages(db, [path], actor="manager", dry_run=True).files[0]
    assert preview.outcome == "merged" and any("implausible" in w for w in preview.warnings)
    result = merge_packages(db, [path], actor="manager").files[0]
    db.close()
    assert result.outcome == "merged" and len(result.warnings) == 6
    out = io.StringIO()
    assert cli_main(["merge", str(path), "--db", str(master), "--dry-run"], out=out, err=io.StringIO()) == 0


def test_entries_dated_outside_export_and_merge_are_flagged(alice):
    master, path, _ = alice

    def edit(conn):
        conn.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)", [LATER])
    forge(path, edit)
    db = open_database(master)
    result = merge_packages(db, [path], actor="manager").files[0]
    db.close()
    assert result.outcome == "merged"
    assert any("clock may be wrong" in w for w in result.warnings)


def test_a_package_not_written_here_is_refused(alice, tmp_path):
    master, path, _ = alice
    db = open_database(master)
    db.execute("DELETE FROM package_exports")
    db.conn.commit()
    db.close()
    refused(master, path, "trust.not_exported")
