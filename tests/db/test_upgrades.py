"""Upgrading a workspace from every earlier schema version keeps its data.

Each tests/data/schema_vN.sqlite3 is a workspace as version N left it (made by
tests/data/make_schema_fixture.py, which says how to add one). A copy of each is opened
with the current code: it must reach the latest schema, take a backup first, keep every
row it held, stay intact (integrity, foreign keys, audit chain, answers = audit log), and
go on working (search, a new answer). A version whose migration holds no statements (a
number once reserved and left empty) has its predecessor's schema, so its fixture would be
the same file; such versions need none.
"""
from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from db.migrate import latest_version, migrate, migrations, schema_version, split_statements
from workbench.audit.chain import GENESIS, hash_text
from workbench.review import checklist_store
from workbench.review import reviews
from foundation.errors import WorkbenchError
from workbench.review.integrity import check_workspace

DATA = Path(__file__).resolve().parent.parent / "data"
MAKE = "tests/data/make_schema_fixture.py"
FIXTURES = sorted(DATA.glob("schema_v*.sqlite3"), key=lambda p: int(re.findall(r"\d+", p.name)[0]))


def fixture_version(path: Path) -> int:
    return int(re.fullmatch(r"schema_v(\d+)\.sqlite3", path.name).group(1))


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding data: not SQLite's own, not full-text indexes or their shadow tables."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    return sorted(name for name, _ in rows if not name.startswith("sqlite_") and name not in virtual
                  and not any(name.startswith(f"{v}_") for v in virtual))


def snapshot(conn: sqlite3.Connection) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table's columns and rows, in rowid order (a table WITHOUT ROWID: in key order)."""
    result = {}
    for table in user_tables(conn):
        cursor = conn.execute(f'SELECT * FROM "{table}"' + ("" if without_rowid(conn, table) else " ORDER BY rowid"))
        result[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    return result


def without_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:
        return True
    return False


def schema_of(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted((kind, name, " ".join(sql.split())) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"))


def as_written_before_v12(tables: dict[str, tuple[list[str], list[tuple]]]) -> None:
    """Schema 11 stores the audit log's hashes as 32 bytes and reads each prev_hash from the entry
    before (audit_prev_hashes keeps one that was not that): put the upgraded rows in the form an
    older version wrote them (hex, prev_hash beside), to compare with the fixture's."""
    columns, rows = tables["audit_log"]
    at = columns.index("hash")
    kept = dict(tables["audit_prev_hashes"][1])
    written, prev = [], GENESIS
    for row in rows:
        written.append(row[:at] + (kept.get(row[0], prev), hash_text(row[at])) + row[at + 1:])
        prev = hash_text(row[at])
    tables["audit_log"] = (columns[:at] + ["prev_hash"] + columns[at:], written)
    columns, rows = tables["audit_origins"]
    at = columns.index("origin_hash")
    tables["audit_origins"] = (columns, [row[:at] + (hash_text(row[at]),) + row[at + 1:] for row in rows])


@pytest.fixture(params=FIXTURES, ids=[p.stem for p in FIXTURES])
def old_workspace(request, tmp_path):
    """A copy of one fixture (the original stays untouched), with its version and contents."""
    path = tmp_path / "workspace.sqlite3"
    shutil.copyfile(request.param, path)
    conn = sqlite3.connect(path)
    before = snapshot(conn)
    conn.close()
    return path, fixture_version(request.param), before


def test_every_schema_version_with_statements_has_a_fixture():
    have = {fixture_version(p) for p in FIXTURES}
    for step in migrations():
        if split_statements(step.sql()):
            assert step.version in have, (
                f"no fixture for schema version {step.version} ({step.path.name}); make it with "
                f"`.venv/bin/python {MAKE} {step.version}` and commit tests/data/schema_v{step.version}.sqlite3")
        else:
            assert step.version not in have, "an empty migration needs no fixture: it is its predecessor's schema"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_schema_is_what_its_migrations_make(fixture, tmp_path):
    """A released migration never changes: its fixture pins the schema it made."""
    version = fixture_version(fixture)
    fresh = sqlite3.connect(tmp_path / "fresh.sqlite3")
    migrate(fresh, None, migrations()[:version])
    stored = sqlite3.connect(fixture)
    assert schema_version(stored) == version
    differences = sorted(set(schema_of(stored)) ^ set(schema_of(fresh)))
    assert not differences, (
        f"{fixture.name} does not match migrations 1-{version} as they are now: {differences[:3]}... "
        f"Either a released migration was edited (do not: add a new one), or the fixture was made before "
        f"an unreleased migration changed; then remake it with `.venv/bin/python {MAKE} {version}`.")


def test_upgrade_keeps_every_row_and_backs_up_first(old_workspace):
    path, version, before = old_workspace
    db = open_database(path)
    assert schema_version(db.conn) == latest_version()
    after = snapshot(db.conn)
    if version < 12:
        as_written_before_v12(after)
    for table, (columns, rows) in before.items():
        assert table in after, f"table {table} of schema version {version} is gone"
        new_columns, new_rows = after[table]
        kept = [tuple(row[new_columns.index(c)] for c in columns) for row in new_rows]
        if without_rowid(db.conn, table):   # stored in key order now (answers, schema 14): the same rows
            kept, rows = sorted(kept, key=repr), sorted(rows, key=repr)
        assert kept == rows, f"{table}: rows changed by the upgrade from schema version {version}"
    assert before["cases"][1] and before["answers"][1] and before["audit_log"][1]   # the fixture holds data
    db.close()

    backups = sorted(path.parent.glob(f"workspace.backup-v{version}-*.sqlite3"))
    if version == latest_version():
        assert backups == []              # nothing to migrate, nothing to back up
        return
    assert len(backups) == 1, "exactly one backup, taken before the first migration"
    backup = sqlite3.connect(backups[0])
    assert schema_version(backup) == version
    assert snapshot(backup) == before
    backup.close()


def test_upgraded_workspace_is_intact_and_keeps_working(old_workspace):
    path, version, _ = old_workspace
    db = open_database(path)
    assert check_workspace(db) == []

    # The reviews read back through the domain code as they were written.
    first = reviews.get_review(db, 1)
    answers = reviews.get_answers(db, first.id)
    assert answers["novelty"].outcome == "fail" and answers["novelty"].severity == "major"
    assert answers["novelty"].comment.startswith("未指出D1")
    assert first.verdict == "error" and first.status in ("completed", "signed_off")
    checklist = checklist_store.load_stored(db, first.checklist_id)
    assert reviews.assess(checklist, answers).verdict == "error"

    # Search finds cases that were imported before search existed.
    assert db.execute("SELECT COUNT(*) FROM cases_fts WHERE cases_fts MATCH '图像识别'").fetchone()[0] == 1

    # Work goes on: a new answer on the open review, chained after the old audit entries.
    open_review, owner = db.execute("SELECT id, reviewer FROM reviews WHERE status = 'in_progress'"
                                    " ORDER BY id LIMIT 1").fetchone()
    reviews.set_answer(db, open_review, "novelty", "pass", actor=owner)
    assert reviews.get_answers(db, open_review)["novelty"].outcome == "pass"
    assert check_workspace(db) == []
    db.close()


def test_a_workspace_from_a_newer_version_is_refused_and_left_alone(old_workspace):
    path, _, _ = old_workspace
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with pytest.raises(WorkbenchError) as err:
        open_database(path)
    assert err.value.code == "db.too_new"
    message = str(err.value)
    assert f"schema version {latest_version() + 1}" in message and f"up to {latest_version()}" in message
    assert path.read_bytes() == original
    assert not list(path.parent.glob("*.backup-*"))
