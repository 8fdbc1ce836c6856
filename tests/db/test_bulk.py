import sqlite3

from db.bulk import build_again, rollback_journal, set_indexes_aside


def test_indexes_set_aside_and_built_again_are_the_schema_as_it_was():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE t (a PRIMARY KEY, b, c UNIQUE);
        CREATE INDEX t_b ON t (b);
        CREATE UNIQUE INDEX t_bc ON t (b, c);
        CREATE TABLE other (x);
        CREATE INDEX other_x ON other (x);
    """)
    before = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    kept_unique = set_indexes_aside(conn, ("t",), unique=False)
    assert [name for name, _ in kept_unique] == ["t_b"]
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert names == {"t_bc", "other_x", "sqlite_autoindex_t_1", "sqlite_autoindex_t_2"}
    build_again(conn, kept_unique)
    every = set_indexes_aside(conn, ("t",))
    assert {name for name, _ in every} == {"t_b", "t_bc"}      # constraints' own indexes stay
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, i % 7, i) for i in range(100)])
    build_again(conn, every)
    assert sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")) == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _workspace(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("CREATE TABLE t (x)")
    return conn


def test_a_lone_connection_writes_through_a_rollback_journal_then_keeps_its_log_again(tmp_path):
    path = tmp_path / "w.sqlite3"
    conn = _workspace(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with rollback_journal(conn) as switched:
        assert switched
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000      # put back after the try
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(50_000)])
        conn.execute("COMMIT")
        assert not (tmp_path / "w.sqlite3-wal").exists()      # the pages went into the file once
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 50_000


def test_with_another_connection_open_the_block_keeps_the_log_and_does_not_wait(tmp_path):
    path = tmp_path / "w.sqlite3"
    conn = _workspace(path)
    reader = sqlite3.connect(path)
    reader.execute("SELECT COUNT(*) FROM t").fetchall()
    with rollback_journal(conn) as switched:
        assert not switched
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        conn.execute("INSERT INTO t VALUES (1)")
        assert reader.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_transaction_failing_in_the_block_is_rolled_back_and_the_log_comes_back(tmp_path):
    path = tmp_path / "w.sqlite3"
    conn = _workspace(path)
    conn.execute("INSERT INTO t VALUES (0)")
    try:
        with rollback_journal(conn) as switched:
            assert switched
            with conn:        # as the demo's transaction: rolled back inside the block on the error
                conn.execute("BEGIN")
                conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1, 50_000)])
                raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT x FROM t")] == [0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_reader_that_came_during_the_block_does_not_undo_what_was_written(tmp_path):
    path = tmp_path / "w.sqlite3"
    conn = _workspace(path)
    conn.execute("PRAGMA busy_timeout = 50")
    with rollback_journal(conn) as switched:
        assert switched
        conn.execute("INSERT INTO t VALUES (1)")
        reader = sqlite3.connect(path)
        reader.execute("BEGIN")
        assert reader.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1      # holds its read lock
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"        # it could not go back yet
    reader.rollback()
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1
