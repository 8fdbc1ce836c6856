"""Is the workspace intact? SQLite's own checks, the audit hash chain, and whether the
answers stored are the answers the audit log says were given (an edit of the answers
table behind the application's back leaves the log and the table disagreeing)."""
from __future__ import annotations

import json

import sqlite_utils

from workbench.audit.chain import verify_chain
from workbench.audit.coverage import check_coverage
from workbench.review.reviews import review_integrity


def check_workspace(db: sqlite_utils.Database) -> list[str]:
    """Every problem found, one sentence each. The checks read one snapshot: run beside a window
    that is being written to (the check on opening runs in the background), separate reads
    could see a review without the audit entry committed with it, and call that tampering."""
    if db.conn.in_transaction:
        return _check(db)
    db.execute("BEGIN")           # deferred: the first read fixes the snapshot every later read sees
    try:
        return _check(db)
    finally:
        db.conn.rollback()        # nothing was written


def _check(db: sqlite_utils.Database) -> list[str]:
    problems = []
    for (message,) in db.execute("PRAGMA integrity_check"):
        if message != "ok":
            problems.append(f"database: {message}")
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        problems.append(f"database: {table} row {rowid} refers to a missing {parent} row")
    problems.extend(verify_chain(db))
    problems.extend(answers_match_audit(db))
    problems.extend(review_integrity(db))     # verdicts, statuses and frozen checklists
    problems.extend(check_coverage(db))       # cases, review owners, active time, round membership
    problems.extend(targets_match_audit(db))  # the pendency targets the trend measures against
    return problems


def targets_match_audit(db: sqlite_utils.Database) -> list[str]:
    """Each IP type's pendency target as its last audit entry set or cleared it (schema 9)."""
    logged: dict[str, int | None] = {}
    for entity_id, new_value in db.execute(
            "SELECT entity_id, new_value FROM audit_log WHERE entity = 'pendency_target' ORDER BY id"):
        logged[entity_id] = (json.loads(new_value) or {}).get("days") if new_value else None
    stored = dict(db.execute("SELECT ip_type, days FROM pendency_targets").fetchall())
    problems = []
    for ip_type in sorted(set(logged) | set(stored)):
        if logged.get(ip_type) != stored.get(ip_type):
            problems.append(f"pendency target of {ip_type}: the database holds {stored.get(ip_type)} days, the audit "
                            f"log says {logged.get(ip_type)}; changed outside the application")
    return problems


def answers_match_audit(db: sqlite_utils.Database) -> list[str]:
    logged: dict[str, dict | None] = {}
    for entity_id, new_value in db.execute(
            "SELECT entity_id, new_value FROM audit_log WHERE entity = 'answer' ORDER BY id"):
        logged[entity_id] = json.loads(new_value) if new_value else None
    stored = {f"{r[0]}/{r[1]}": {"answer": r[2], "severity": r[3], "category": r[4], "comment": r[5]}
              for r in db.execute("SELECT review_id, item_id, answer, severity, category, comment FROM answers")}
    problems = []
    for key in sorted(set(logged) | set(stored)):
        expected, actual = logged.get(key), stored.get(key)
        if expected != actual:
            review_id, item_id = key.split("/", 1)
            if actual is None:
                problems.append(f"review {review_id}, item {item_id}: the answer was deleted outside the application")
            elif expected is None:
                problems.append(f"review {review_id}, item {item_id}: an answer was added outside the application")
            else:
                fields = ", ".join(k for k in actual if actual.get(k) != expected.get(k))
                problems.append(f"review {review_id}, item {item_id}: {fields} changed outside the application")
    return problems
