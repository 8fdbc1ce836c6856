import sqlite3

import pytest

from db.connection import open_database
from db.migrate import latest_version, migrate, migrations, schema_version, split_statements
from foundation.errors import WorkbenchError


def test_new_database_is_at_latest_version(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    assert schema_version(db.conn) == latest_version() >= 1
    assert {"imports", "cases", "checklists", "reviews", "answers", "audit_log"} <= set(db.table_names())


def test_pragmas(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_database_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkbenchError) as err:
        open_database(path)
    assert err.value.code == "db.too_new"
    assert path.read_bytes() == before
    assert "999" in str(err.value) and str(latest_version()) in str(err.value)


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(WorkbenchError) as err:
        open_database(path)
    assert err.value.code == "db.not_a_database"


def fake_steps(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (a);", encoding="utf-8")
    (folder / "0002_second.sql").write_text("ALTER TABLE t ADD COLUMN b;", encoding="utf-8")
    return migrations(folder)


def test_backup_taken_before_upgrading_existing_data(tmp_path):
    steps = fake_steps(tmp_path)
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    migrate(conn, path, steps[:1])
    assert not list(tmp_path.glob("old.backup-*"))  # a new database needs no backup
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    taken = migrate(conn, path, steps)
    assert schema_version(conn) == 2
    backups = list(tmp_path.glob("old.backup-v1-*.sqlite3"))
    assert backups == [taken]
    old = sqlite3.connect(taken)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT * FROM t").fetchall() == [(1,)]


def test_failed_migration_leaves_database_at_previous_version(tmp_path):
    steps = fake_steps(tmp_path)
    (tmp_path / "migrations" / "0002_second.sql").write_text("ALTER TABLE t ADD COLUMN b;\nCREATE TABLE t (x);",
                                                             encoding="utf-8")
    path = tmp_path / "w.sqlite3"
    conn = sqlite3.connect(path)
    migrate(conn, None, steps[:1])
    with pytest.raises(WorkbenchError) as err:
        migrate(conn, None, steps)
    assert err.value.code == "db.migration_failed" and "already exists" in str(err.value)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(t)")] == ["a"]


def test_a_foreign_database_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "w.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE cases (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkbenchError) as err:
        open_database(path)
    assert err.value.code == "db.foreign"
    assert path.read_bytes() == before


def test_split_statements_keeps_triggers_whole():
    script = """
    -- comment
    CREATE TABLE t (a);
    CREATE TRIGGER tr AFTER INSERT ON t BEGIN
        UPDATE t SET a = 1;
        UPDATE t SET a = 2;
    END;
    """
    parts = split_statements(script)
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")
