"""Secondary indexes set aside for a bulk insert and built again after it.

A million rows inserted into a table with its indexes is a million random inserts into each b-tree;
built after the rows, each index is one sort. Both steps run inside the caller's transaction, so
another connection never sees the table without its indexes, and a rollback brings them back.
"""
from __future__ import annotations

import sqlite3
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
