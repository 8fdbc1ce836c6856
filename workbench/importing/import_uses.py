"""What keeps an import from being removed, counted the way the person knows the work: reviews
one by one, and the import's cases that were drawn into rounds (each case once, whatever the
number of rounds). Asked before Remove import, so the answer comes before the attempt."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from workbench.importing.history import _case_references, _quote

#: Tables whose rows are counted one by one; the others count the import's cases they hold.
ROW_COUNTED = {"reviews"}
#: Kept from the reviews themselves (the latest review per case): counted with the reviews, not again.
SHADOWS = {"latest_reviews"}


@dataclass(frozen=True)
class ImportUse:
    table: str                  # "reviews", "round_cases", or another table that refers to cases
    count: int                  # reviews (rows), or the import's cases held (round_cases and others)
    examples: tuple[str, ...]   # a few application numbers concerned


def import_uses(db: sqlite_utils.Database, import_id: int, examples: int = 3) -> tuple[ImportUse, ...]:
    """Every use of the import's cases that keeps it; empty when it can be removed. Reviews first,
    then rounds, then any other table, by name."""
    uses = []
    for table, column in _case_references(db):
        if table in SHADOWS:
            continue
        counted = "COUNT(*)" if table in ROW_COUNTED else f"COUNT(DISTINCT t.{_quote(column)})"
        count = db.execute(f"SELECT {counted} FROM {_quote(table)} t JOIN cases c ON c.id = t.{_quote(column)}"
                           " WHERE c.import_id = ?", [import_id]).fetchone()[0]
        if count:
            numbers = tuple(r[0] for r in db.execute(
                f"SELECT DISTINCT c.application_number FROM cases c JOIN {_quote(table)} t"
                f" ON t.{_quote(column)} = c.id WHERE c.import_id = ? ORDER BY 1 LIMIT ?", [import_id, examples]))
            uses.append(ImportUse(table, count, numbers))
    order = {"reviews": 0, "round_cases": 1}
    return tuple(sorted(uses, key=lambda u: (order.get(u.table, 2), u.table)))
