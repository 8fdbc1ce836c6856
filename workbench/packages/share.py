"""A reviewer's share of a round, for a work package: who the round's reviewers are, and which
cases and reviews the reviewer's package holds.

In a sampling round: the cases assigned to the reviewer (round_cases.reviewer) and their
reviews, the round's and the reviewer's own outside any round. In a calibration round no case
is assigned to one reviewer (round_cases.reviewer is NULL): each listed reviewer has a review of
every case (role 'calibration'), blind to the others' until they complete their own. Their
package holds the cases where they have a calibration review in the round and those reviews,
nothing of the other reviewers: not their reviews, answers nor audit entries (the audit copy is
chosen by review id, see workpackage._copy_history), whatever the blind state here.

Merging checks the other way round (workbench.packages.trust): each review a calibration
package holds must be one this workspace issued to the package's reviewer in that round, the
round must still be open, and a review completed here stays final.

Plain SQL on rounds.kind and reviews.role: this package does not import workbench.calibration.
"""
from __future__ import annotations

import json

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.rounds.draw import same_person

#: A calibration review that counts as finished: its answers are final (the reviewer may then
#: see the other reviewers' answers).
FINISHED = ("completed", "signed_off")

register({
    "package.no_reviewer": "Reviewer {reviewer!r} has no cases in round {round!r} (its reviewers: {reviewers}).",
    "package.calibration_reviewer": "{reviewer!r} is not a reviewer of calibration round {round!r} "
                                    "(its reviewers: {reviewers}).",
    "package.calibration_closed": "Calibration round {round!r} was closed on {at}; its reviews are final, so no "
                                  "work package is written for it.",
    "trust.calibration_closed": "{name}: calibration round {round!r} was closed on {at}; its reviews are final, "
                                "so the package is refused.",
    "trust.not_issued": "{name}: {what}: this workspace issued no such calibration review of case {case} to "
                        "{reviewer} in round {round!r}; the package is refused.",
    "trust.calibration_final": "{name}: the calibration review of case {case} by {reviewer} is completed here, so "
                               "its answers are final; the package would change it, so it is refused.",
})


def round_state(db: sqlite_utils.Database, round_id: int) -> tuple[bool, str | None]:
    """(is a calibration round, closed at)."""
    row = db.execute("SELECT kind, closed_at FROM rounds WHERE id = ?", [round_id]).fetchone()
    return (row is not None and row[0] == "calibration", row[1] if row else None)


def is_calibration(db: sqlite_utils.Database, round_id: int) -> bool:
    return round_state(db, round_id)[0]


def round_reviewers(db: sqlite_utils.Database, round_id: int) -> list[tuple[str, int]]:
    """(reviewer, cases) in a round, by name: the cases assigned to them, in a calibration round
    their calibration reviews."""
    if is_calibration(db, round_id):
        sql = ("SELECT reviewer, COUNT(*) FROM reviews WHERE round_id = ? AND role = 'calibration'"
               " GROUP BY reviewer ORDER BY reviewer")
    else:
        sql = ("SELECT reviewer, COUNT(*) FROM round_cases WHERE round_id = ? AND reviewer IS NOT NULL"
               " GROUP BY reviewer ORDER BY reviewer")
    return [(r[0], r[1]) for r in db.execute(sql, [round_id])]


def reviewer_in_round(db: sqlite_utils.Database, round_id: int, round_name: str, reviewer: str) -> str:
    """The reviewer's name as the round has it. Refused: anyone with no cases in the round, and
    a closed calibration round (its reviews are final)."""
    calibration, closed_at = round_state(db, round_id)
    if calibration and closed_at is not None:
        raise WorkbenchError("package.calibration_closed", round=round_name, at=closed_at[:19].replace("T", " "))
    names = [name for name, _ in round_reviewers(db, round_id)]
    if reviewer in names:
        return reviewer
    matches = [n for n in names if same_person(n, reviewer)]
    if len(matches) == 1:
        return matches[0]
    if calibration:
        raise WorkbenchError("package.calibration_reviewer", reviewer=reviewer, round=round_name,
                             reviewers=", ".join(names) or "none")
    raise WorkbenchError("package.no_reviewer", reviewer=reviewer, round=round_name,
                         reviewers=", ".join(names) or "none assigned")


def share(db: sqlite_utils.Database, round_id: int, reviewer: str) -> tuple[list[int], list[int]]:
    """(case ids in draw order, review ids) of the reviewer's package. In a calibration round the
    cases where `reviewer` has a calibration review, and only those reviews: nobody else's,
    whoever may see it here."""
    if is_calibration(db, round_id):
        found = db.execute(
            "SELECT r.case_id, r.id FROM reviews r JOIN round_cases rc ON rc.round_id = r.round_id"
            " AND rc.case_id = r.case_id WHERE r.round_id = ? AND r.role = 'calibration' AND r.reviewer = ?"
            " ORDER BY rc.draw_order, r.id", [round_id, reviewer]).fetchall()
        return list(dict.fromkeys(r[0] for r in found)), [r[1] for r in found]
    case_ids = [r[0] for r in db.execute("SELECT case_id FROM round_cases WHERE round_id = ? AND reviewer = ?"
                                         " ORDER BY draw_order", [round_id, reviewer])]
    review_ids = [r[0] for r in db.execute(
        "SELECT id FROM reviews WHERE case_id IN (SELECT value FROM json_each(?))"
        " AND (round_id = ? OR (round_id IS NULL AND reviewer = ?)) ORDER BY id",
        [json.dumps(case_ids), round_id, reviewer])]
    return case_ids, review_ids


def issued(db: sqlite_utils.Database, round_id: int, reviewer: str, *, case_id: int | None = None,
           uid: str | None = None) -> bool:
    """Whether this workspace holds a calibration review of `reviewer` in the round (of that case,
    or with that uid)."""
    sql = "SELECT 1 FROM reviews WHERE round_id = ? AND role = 'calibration' AND reviewer = ?"
    params: list[object] = [round_id, reviewer]
    if case_id is not None:
        sql += " AND case_id = ?"
        params.append(case_id)
    if uid is not None:
        sql += " AND uid = ?"
        params.append(uid)
    return db.execute(sql + " LIMIT 1", params).fetchone() is not None
