"""Putting a workspace back in the form an older schema stored it, for tests of what an upgrade
does to data written before it (packages exported, audit entries made, under the older version)."""
from __future__ import annotations

import sqlite3
from pathlib import Path


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
        # The last added first: a generated column (schema 20's) depends on columns added before it.
        for column in reversed([c[1] for c in conn.execute(f'PRAGMA table_xinfo("{table}")') if c[1] not in had]):
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


def worked_package(master_template: Path, folder: Path) -> tuple[Path, Path]:
    """A manager's workspace and Alice's work package from it, each of her reviews answered (one
    fail each), as the current schema leaves them: the data an older schema's form is made from."""
    from tests.workbench.test_packages import answer_review, copy_master, export, review_ids
    from workbench.packages import workpackage
    master = copy_master(master_template, folder)
    package = export(master, folder, ["Alice"])["Alice"]
    pkg, _ = workpackage.open_package(package)
    for review_id in review_ids(pkg, "Alice"):
        answer_review(pkg, review_id, "Alice", fail=1, seconds=300)
    pkg.close()
    return master, package
