import sqlite3

from db.bulk import build_again, set_indexes_aside


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
