"""A work package written before migration 0012 (audit hashes in hex, prev_hash beside) merges into
an upgraded workspace as one written after it: the package is upgraded on opening, merge's trust
checks compare the hex heads the manager's workspace recorded at export with the upgraded log, and
the entries copied in are the same. An edit of the old package's history is still refused."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db.connection import open_database
from tests.db.older_schema import drop_later_objects, worked_package
from tests.workbench.test_packages import master_template  # noqa: F401 (fixture)
from workbench.audit.chain import GENESIS, hash_text, use_clock
from workbench.packages.merge import merge_packages
from workbench.review.integrity import check_workspace

V10 = Path(__file__).resolve().parent.parent / "data" / "schema_v10.sqlite3"
ENTRY = "at, actor, entity, entity_id, case_id, action, old_value, new_value"


def as_schema_10(path: Path) -> None:
    """Put a workspace back in the form schema 10 stored its audit log (the DDL of the schema 10
    fixture). Only undoes migration 0012: objects a later migration made are dropped, and the columns
    a later one added to an existing table (schema 16's generated columns of the cases)."""
    old = sqlite3.connect(V10)
    ddl = {name: sql for name, sql in old.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    conn = sqlite3.connect(path)
    log = conn.execute(f"SELECT id, {ENTRY}, hash FROM audit_log ORDER BY id").fetchall()
    origins = conn.execute("SELECT audit_id, origin_hash, package_id FROM audit_origins").fetchall()
    drop_later_objects(conn, old)
    old.close()
    conn.execute("DROP TABLE audit_origins")
    conn.execute("DROP TABLE audit_log")
    for name in ("audit_log", "audit_log_entity", "audit_log_case", "audit_origins"):
        conn.execute(ddl[name])
    prev = GENESIS
    for row in log:
        conn.execute(f"INSERT INTO audit_log (id, {ENTRY}, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [*row[:-1], prev, hash_text(row[-1])])
        prev = hash_text(row[-1])
    conn.executemany("INSERT INTO audit_origins VALUES (?, ?, ?)", [(a, hash_text(o), p) for a, o, p in origins])
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def worked(master_template, tmp_path_factory):  # noqa: F811
    """Alice's package, exported and worked on: the manager's workspace and the package as schema 12
    leaves them, and both as schema 10 would have."""
    folder = tmp_path_factory.mktemp("before_v12")
    master, package = worked_package(master_template, folder)
    old_master, old_package = folder / "old-master.sqlite3", folder / "old-Alice.qrpkg"
    shutil.copyfile(master, old_master)
    shutil.copyfile(package, old_package)
    as_schema_10(old_master)
    as_schema_10(old_package)
    return master, package, old_master, old_package


def merged(master: Path, package: Path, folder: Path) -> list[tuple]:
    target = shutil.copyfile(master, folder / "master.sqlite3")
    db = open_database(target)
    try:
        with use_clock(lambda: datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)):
            report = merge_packages(db, [shutil.copyfile(package, folder / "Alice.qrpkg")], actor="manager")
        assert report.files[0].outcome == "merged"
        assert check_workspace(db) == []
        return db.execute(f"SELECT {ENTRY} FROM audit_log ORDER BY id").fetchall()
    finally:
        db.close()


def test_a_package_written_before_the_upgrade_merges_as_one_written_after(worked, tmp_path):
    master, package, old_master, old_package = worked
    (tmp_path / "new").mkdir()
    (tmp_path / "old").mkdir()
    assert merged(old_master, old_package, tmp_path / "old") == merged(master, package, tmp_path / "new")


def test_an_old_package_with_its_history_rewritten_is_still_refused(worked, tmp_path):
    master, _, old_master, old_package = worked
    forged = shutil.copyfile(old_package, tmp_path / "Alice.qrpkg")
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 1")
    conn.commit()
    conn.close()
    db = open_database(shutil.copyfile(old_master, tmp_path / "master.sqlite3"))
    try:
        result = merge_packages(db, [forged], actor="manager").files[0]
    finally:
        db.close()
    assert result.outcome == "refused" and result.error.code == "package.tampered", result.line()
