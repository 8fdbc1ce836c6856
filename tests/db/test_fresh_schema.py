"""A new workspace is made in one transaction from what the migrations make (db.migrate.create_fresh):
it must be exactly what running every migration one by one gives, but for the rows that identify
each workspace, which must be its own."""
import sqlite3

import pytest

from db import migrate as migrating
from db.connection import open_database
from db.migrate import PER_WORKSPACE_ROWS, create_fresh, latest_version, migrate, migrations, schema_version
from foundation.errors import WorkbenchError


def one_by_one() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    migrate(conn, None, migrations())     # steps given: every migration in turn, no template
    return conn


def fresh() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    assert create_fresh(conn, None)
    return conn


def schema_of(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"), key=repr)


def contents(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr)
            for name in tables if not conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                                   (name,)).fetchone()[0].startswith("CREATE VIRTUAL")}


def test_fresh_schema_is_the_migrations_schema_with_the_same_rows():
    made, stepped = fresh(), one_by_one()
    assert schema_version(made) == schema_version(stepped) == latest_version()
    assert schema_of(made) == schema_of(stepped)
    assert len(schema_of(made)) > 90          # every table, index, trigger and view
    ours, theirs = contents(made), contents(stepped)
    assert ours.keys() == theirs.keys()
    for table in ours:
        if table in PER_WORKSPACE_ROWS:
            assert len(ours[table]) == len(theirs[table]) == 1, table
        else:
            assert ours[table] == theirs[table], table
    assert made.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert made.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_the_named_tables_hold_rows_of_each_workspace_own():
    """Two runs of the migrations differ only in the tables create_fresh draws afresh, and each of
    those does differ (a migration adding another such table must be named in PER_WORKSPACE_ROWS)."""
    first, second = contents(one_by_one()), contents(one_by_one())
    differing = {table for table in first if first[table] != second[table]}
    assert differing == set(PER_WORKSPACE_ROWS)


def test_each_fresh_workspace_has_its_own_identity_and_key(tmp_path):
    first, second = open_database(tmp_path / "a.sqlite3"), open_database(tmp_path / "b.sqlite3")
    for table in PER_WORKSPACE_ROWS:
        one = first.execute(f"SELECT * FROM {table}").fetchall()
        other = second.execute(f"SELECT * FROM {table}").fetchall()
        assert one != other, table
    uid = first.execute("SELECT uid FROM workspace_info").fetchone()[0]
    assert len(uid) == 36 and uid[14] == "4"
    secret = first.execute("SELECT secret FROM workspace_secret").fetchone()[0]
    assert len(bytes.fromhex(secret)) == 32
    created = first.execute("SELECT created_at FROM workspace_info").fetchone()[0]
    assert created.endswith("Z") and len(created) == len("2026-01-01T00:00:00.000Z")


def test_a_database_that_is_not_blank_is_left_to_the_migrations():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE somebody_elses (a)")
    assert create_fresh(conn, None) is False
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["somebody_elses"]
    assert schema_version(conn) == 0


def test_a_failure_while_making_it_leaves_the_database_blank(monkeypatch):
    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(PER_WORKSPACE_ROWS, "workspace_secret", broken)
    conn = sqlite3.connect(":memory:")
    with pytest.raises(WorkbenchError) as err:
        migrate(conn, None)
    assert err.value.code == "db.migration_failed"
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
    assert schema_version(conn) == 0


def test_the_template_is_made_once_per_set_of_migrations(monkeypatch):
    made = []
    real = migrating._read_template
    monkeypatch.setattr(migrating, "_templates", {})
    monkeypatch.setattr(migrating, "_read_template", lambda conn, v: made.append(v) or real(conn, v))
    fresh(), fresh()
    assert made == [latest_version()]
