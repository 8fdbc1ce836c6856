"""Bulk writes: secondary indexes set aside for a bulk insert and built again after it, and a
workspace written alone through a rollback journal instead of its write-ahead log.

A million rows inserted into a table with its indexes is a million random inserts into each b-tree;
built after the rows, each index is one sort. Both steps run inside the caller's transaction, so
another connection never sees the table without its indexes, and a rollback brings them back.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class _Executes(Protocol):
    def execute(self, sql: str, parameters: list[object] = ...) -> sqlite3.Cursor: ...


def set_indexes_aside(db: _Executes, tables: tuple[str, ...], *, unique: bool = True) -> list[tuple[str, str]]:
    """Drops the indexes of `tables` written in SQL (not a constraint's own, which cannot be
    dropped), the unique ones too unless `unique` is False (a bulk insert that relies on them to
    refuse a duplicate keeps them). Returns each one's (name, SQL), in the schema's order."""
    marks = ", ".join("?" for _ in tables)
    where = "" if unique else " AND sql NOT LIKE 'CREATE UNIQUE%'"
    indexes = [(name, sql) for name, sql in db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}){where} ORDER BY rowid", list(tables))]
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    return indexes


def build_again(db: _Executes, indexes: list[tuple[str, str]]) -> None:
    """The indexes `set_indexes_aside` dropped, each from its own SQL."""
    for _name, sql in indexes:
        db.execute(sql)


@contextmanager
def rollback_journal(conn: sqlite3.Connection) -> Iterator[bool]:
    """The workspace in rollback-journal mode for the block when this is its only connection (yields
    whether it was switched), its write-ahead log again after.

    A transaction that writes a whole new workspace (the demo's: 3 GB at a million cases) goes twice
    through the disk in WAL mode, once into the log and once, at the commit's checkpoint, into the
    file; a rollback journal keeps only the pages that existed before (a few, in a new workspace) and
    writes the rest into the file once. It is as atomic: a failure or a power cut rolls the journal
    back. Another connection keeps the log: WAL cannot be left while it is open, and a reader could
    not read beside a writer that spills its pages into the file, so the switch is tried without
    waiting and the block runs in WAL mode when it fails. For the same reason a connection opened
    during the block waits for its transaction (and says the workspace is busy after the timeout):
    meant for filling a new workspace, which nobody else reads yet.
    """
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    switched = False
    if mode == "wal" and not conn.in_transaction:
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            switched = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:      # locked by another connection
            switched = False
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        yield switched
    finally:
        if switched and not conn.in_transaction:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                # Someone opened the workspace meanwhile and reads it: what was written stays written,
                # in a rollback-journal file, which every connection opens in WAL mode again.
                pass
