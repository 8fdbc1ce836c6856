"""A small calibration round for tests: three cases, reviewers alice and bob, answered through
the domain as the window would."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import sqlite_utils

from tests.workbench.helpers import ROWS, workspace, write_csv
from workbench.calibration import rounds
from workbench.importing.importer import import_file
from workbench.review import checklist_store, reviews

ROUND = "Calibration test"
REVIEWERS = ("alice", "bob")
NUMBERS = [row[0] for row in ROWS]


def calibration_workspace(tmp_path: Path, name: str = "w.sqlite3") -> sqlite_utils.Database:
    """Three invention cases and an open calibration round of all three for alice and bob."""
    db = workspace(tmp_path, name)
    import_file(db, write_csv(tmp_path / "cases.csv", ROWS))
    checklist_store.install_builtins(db)
    rounds.create_calibration_round(db, name=ROUND, reviewers=REVIEWERS, actor="manager", case_numbers=NUMBERS)
    return db


def review_of(db: sqlite_utils.Database, case_id: int, reviewer: str) -> int:
    return db.execute("SELECT id FROM reviews WHERE case_id = ? AND reviewer = ? AND role = 'calibration'",
                      [case_id, reviewer]).fetchone()[0]


def answer_all(db: sqlite_utils.Database, review_id: int, actor: str,
               chosen: Mapping[str, tuple[str, str | None, str | None, str]] = {}, *, complete: bool = True) -> None:
    """Answer every shown item: pass, or (answer, severity, category, comment) from `chosen`."""
    review = reviews.get_review(db, review_id)
    checklist = checklist_store.load_stored(db, review.checklist_id)
    given: dict[str, str] = {}
    while pending := [i for i in checklist.visible_items(given) if i.id not in given]:
        item = pending[0]
        answer, severity, category, comment = chosen.get(item.id, ("pass", None, None, ""))
        reviews.set_answer(db, review_id, item.id, answer, actor=actor, severity=severity, category=category,
                           comment=comment or None)
        given[item.id] = answer
    if complete:
        reviews.complete(db, review_id, actor=actor)


def first_case(db: sqlite_utils.Database) -> int:
    return rounds.get_calibration_round(db, ROUND).cases[0].case_id
