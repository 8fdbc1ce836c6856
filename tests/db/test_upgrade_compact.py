"""Migration 0014: answers stored WITHOUT ROWID in key order, the audit log indexed by entity alone.

An upgraded workspace keeps every answer and verifies; an edit of an upgraded entry is found; a
package exported before the upgrade merges as one exported after it; the merge's lookup of an
answer's last entry (now through the case's entries) finds what the lookup by entity found.
"""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db.connection import open_database
from tests.db.older_schema import drop_later_objects, worked_package
from tests.workbench.test_packages import master_template  # noqa: F401 (fixture)
from workbench.audit import chain
from workbench.packages.merge import merge_packages
from workbench.review.integrity import check_workspace

DATA = Path(__file__).resolve().parent.parent / "data"
V13 = DATA / "schema_v13.sqlite3"
ANSWERS = "review_id, item_id, answer, outcome, severity, category, comment, answered_at"


def table_sql(conn: sqlite3.Connection, name: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]


@pytest.fixture
def upgraded(tmp_path):
    """The schema 13 fixture's answers (in rowid order) and the fixture opened, so upgraded."""
    path = shutil.copyfile(V13, tmp_path / "v13.sqlite3")
    conn = sqlite3.connect(path)
    before = conn.execute(f"SELECT {ANSWERS} FROM answers ORDER BY rowid").fetchall()
    conn.close()
    db = open_database(path)
    yield before, db
    db.close()


def test_an_upgraded_workspace_keeps_its_answers_in_key_order_and_verifies(upgraded):
    before, db = upgraded
    assert "WITHOUT ROWID" in table_sql(db.conn, "answers")
    assert db.execute(f"SELECT {ANSWERS} FROM answers").fetchall() == sorted(before, key=lambda r: (r[0], r[1]))
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_answers%'").fetchall()
    assert [r[2] for r in db.execute("PRAGMA index_info(audit_log_entity)")] == ["entity"]
    assert db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == sum(r[3] == "fail" for r in before)
    assert chain.verify_chain(db) == [] and check_workspace(db) == []


def test_an_edit_of_an_upgraded_entry_is_found(upgraded):
    _, db = upgraded
    entry = db.execute("SELECT id FROM audit_log WHERE entity = 'answer' ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("""UPDATE audit_log SET new_value = '{"answer":"pass"}' WHERE id = ?""", [entry])
    assert any(p.startswith(f"audit entry {entry} ") for p in chain.verify_chain(db))


def test_the_last_entry_of_an_answer_is_found_through_its_case(upgraded):
    """merge_apply.reconcile's lookup (by case) gives what the lookup by entity and id gave."""
    _, db = upgraded
    answers = db.execute("SELECT a.review_id, a.item_id, r.case_id FROM answers a"
                         " JOIN reviews r ON r.id = a.review_id").fetchall()
    assert answers
    for review_id, item, case_id in answers:
        by_entity = db.execute("SELECT new_value FROM audit_log WHERE entity = 'answer' AND entity_id = ?"
                               " ORDER BY id DESC LIMIT 1", [f"{review_id}/{item}"]).fetchone()
        by_case = db.execute("SELECT new_value FROM audit_log WHERE (case_id = ? OR case_id IS NULL)"
                             " AND +entity = 'answer' AND entity_id = ? ORDER BY id DESC LIMIT 1",
                             [case_id, f"{review_id}/{item}"]).fetchone()
        assert by_case == by_entity


def as_schema_13(path: Path) -> None:
    """Put a workspace back in the form schema 13 stored it (undoes migration 0014 and any later
    one): the answers in a rowid table, written in another order than their key's."""
    old = sqlite3.connect(V13)
    answers_ddl, index_ddl = table_sql(old, "answers"), table_sql(old, "audit_log_entity")
    conn = sqlite3.connect(path)
    drop_later_objects(conn, old)
    old.close()
    rows = conn.execute(f"SELECT {ANSWERS} FROM answers").fetchall()
    view = table_sql(conn, "findings")
    conn.execute("DROP VIEW findings")
    conn.execute("DROP TABLE answers")
    conn.execute(answers_ddl)
    conn.executemany(f"INSERT INTO answers ({ANSWERS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows[::-1])
    conn.execute(view)
    conn.execute("DROP INDEX audit_log_entity")
    conn.execute(index_ddl)
    conn.execute("PRAGMA user_version = 13")
    conn.commit()
    conn.close()


def merged(master: Path, package: Path, folder: Path) -> tuple[list[tuple], list[tuple]]:
    target = shutil.copyfile(master, folder / "master.sqlite3")
    db = open_database(target)
    try:
        with chain.use_clock(lambda: datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)):
            report = merge_packages(db, [shutil.copyfile(package, folder / "Alice.qrpkg")], actor="manager")
        assert report.files[0].outcome == "merged", report.files[0].line()
        assert check_workspace(db) == [] and chain.verify_chain(db) == []
        return (db.execute("SELECT at, actor, entity, entity_id, case_id, action, old_value, new_value, hash"
                           " FROM audit_log ORDER BY id").fetchall(),
                db.execute(f"SELECT {ANSWERS} FROM answers ORDER BY review_id, item_id").fetchall())
    finally:
        db.close()


def test_a_package_exported_before_the_upgrade_merges_as_one_exported_after(master_template, tmp_path):  # noqa: F811
    master, package = worked_package(master_template, tmp_path)
    old_master = shutil.copyfile(master, tmp_path / "old-master.sqlite3")
    old_package = shutil.copyfile(package, tmp_path / "old-Alice.qrpkg")
    as_schema_13(old_master)
    as_schema_13(old_package)
    for folder in ("new", "old"):
        (tmp_path / folder).mkdir()
    new = merged(master, package, tmp_path / "new")
    assert new[1] and merged(old_master, old_package, tmp_path / "old") == new
