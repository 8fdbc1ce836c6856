"""Putting a workspace back in the form an older schema stored it, for tests of what an upgrade
does to data written before it (packages exported, audit entries made, under the older version)."""
from __future__ import annotations

import sqlite3


def drop_later_objects(conn: sqlite3.Connection, older: sqlite3.Connection) -> None:
    """Drop what later migrations added to `conn` beyond the `older` fixture's schema: tables,
    views, triggers and indexes it does not have, and columns added to tables it has."""
    known = {name for (name,) in older.execute("SELECT name FROM sqlite_master WHERE sql IS NOT NULL")}
    columns = {name: {c[1] for c in older.execute(f'PRAGMA table_xinfo("{name}")')}
               for (name,) in older.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL").fetchall():
        if name not in known and kind in ("index", "trigger", "view", "table"):
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    for table, had in columns.items():
        for column in [c[1] for c in conn.execute(f'PRAGMA table_xinfo("{table}")') if c[1] not in had]:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
