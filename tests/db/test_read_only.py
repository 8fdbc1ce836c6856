"""Opening a workspace read-only: what the second instance sees while the first one writes."""
from __future__ import annotations

import sqlite3

import pytest

from db.connection import open_database
from db.migrate import latest_version
from foundation.errors import WorkbenchError


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.sqlite3"
    writer = open_database(path)
    writer.execute("INSERT INTO cases (application_number, ip_type, title) VALUES ('CN1', 'invention', '一种方法')")
    writer.conn.commit()
    yield path, writer
    writer.close()


def test_reads_what_the_writer_committed_even_while_it_is_open(workspace):
    path, writer = workspace
    reader = open_database(path, read_only=True)
    assert reader.execute("SELECT title FROM cases").fetchall() == [("一种方法",)]
    writer.execute("INSERT INTO cases (application_number, ip_type) VALUES ('CN2', 'design')")
    writer.conn.commit()
    assert reader.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 2
    reader.close()


@pytest.mark.parametrize("statement", [
    "INSERT INTO cases (application_number, ip_type) VALUES ('CN9', 'design')",
    "UPDATE cases SET title = 'x'",
    "CREATE TABLE t (a)",
    "PRAGMA user_version = 99",
])
def test_every_write_is_refused(workspace, statement):
    path, _ = workspace
    reader = open_database(path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        reader.execute(statement)
    reader.close()
    assert open_database(path).execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_opens_a_closed_wal_workspace_and_leaves_it_unchanged(tmp_path):
    path = tmp_path / "w.sqlite3"
    open_database(path).close()
    before = path.read_bytes()
    reader = open_database(path, read_only=True)
    assert reader.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0
    reader.close()
    # SQLite may leave its -wal/-shm companions (a read-only reader cannot remove them);
    # the database itself is byte for byte what it was.
    assert path.read_bytes() == before


def test_a_missing_workspace_is_not_created(tmp_path):
    with pytest.raises(WorkbenchError) as err:
        open_database(tmp_path / "absent.sqlite3", read_only=True)
    assert err.value.code == "db.read_only_missing"
    assert not (tmp_path / "absent.sqlite3").exists()


def test_an_outdated_workspace_is_not_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(WorkbenchError) as err:
        open_database(path, read_only=True)
    assert err.value.code == "db.read_only_outdated"
    assert "1" in str(err.value) and str(latest_version()) in str(err.value)
    assert not list(tmp_path.glob("*backup*"))


def test_a_newer_workspace_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(WorkbenchError) as err:
        open_database(path, read_only=True)
    assert err.value.code == "db.too_new" and "999" in str(err.value)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"not sqlite" * 200)
    with pytest.raises(WorkbenchError) as err:
        open_database(path, read_only=True)
    assert err.value.code == "db.not_a_database"
