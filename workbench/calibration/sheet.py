"""What one person may see of a calibration case: the checklist items against each reviewer's
answers, the disagreements and the consensus, with the blind rule applied here, so a view
never holds an answer its user may not see.

While the round is open a reviewer sees their own answers and, of every other reviewer, only
whether they have finished the case; once they have completed their own review of the case the
others' answers appear (`blind.hidden_reviews`). Someone not reviewing in the round sees
progress only until the round is closed. Agreement figures exist only for a closed round.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping

import sqlite_utils

from foundation.errors import WorkbenchError
from workbench.calibration import blind
from workbench.calibration.figures import CalibrationFigures, calibration_figures
from workbench.calibration.rounds import CalibrationCase, CalibrationRound, get_calibration_round
from workbench.review.checklist_store import load_stored
from workbench.review.checklists import Checklist, Item
from workbench.review.reviews import REVIEWED_STATUSES, Answer, get_answers

#: How the answers shown for an item differ: not at all, in severity only, or in the answer.
AGREED, SEVERITY_DIFFERS, ANSWER_DIFFERS = "", "severity", "answer"


@dataclass(frozen=True)
class ReviewerColumn:
    """One reviewer's calibration review of the case, as the actor may see it."""
    reviewer: str
    review_id: int
    status: str                          # open, in_progress, completed, signed_off
    hidden: bool                         # its answers are withheld from the actor
    answers: Mapping[str, Answer]        # empty when hidden

    @property
    def finished(self) -> bool:
        return self.status in REVIEWED_STATUSES

    def shown(self, item_id: str) -> str | None:
        """The answer code shown for an item: None when hidden or not answered yet; 'na' for an
        item a finished review left unanswered (its condition did not hold), as the ratings count it."""
        if self.hidden:
            return None
        answer = self.answers.get(item_id)
        if answer is not None:
            return answer.answer
        return "na" if self.finished else None


@dataclass(frozen=True)
class ItemRow:
    item: Item
    number: str                          # "2.3": section and place, as the review form numbers it
    difference: str                      # AGREED, SEVERITY_DIFFERS or ANSWER_DIFFERS among the answers shown
    consensus: Answer | None


@dataclass(frozen=True)
class CaseSheet:
    round: CalibrationRound
    case: CalibrationCase
    checklist: Checklist
    actor: str
    columns: tuple[ReviewerColumn, ...]  # in the round's order of reviewers
    rows: tuple[ItemRow, ...]            # every item of the checklist, in its order
    consensus_review_id: int | None
    consensus_status: str | None
    consensus_reviewer: str | None

    @property
    def participant(self) -> bool:
        return any(c.reviewer == self.actor for c in self.columns)

    @property
    def blind(self) -> bool:
        return not self.round.closed

    @property
    def own(self) -> ReviewerColumn | None:
        return next((c for c in self.columns if c.reviewer == self.actor), None)

    @property
    def anything_hidden(self) -> bool:
        return any(c.hidden for c in self.columns)

    @property
    def consensus_answers(self) -> dict[str, Answer]:
        return {r.item.id: r.consensus for r in self.rows if r.consensus is not None}

    def row(self, item_id: str) -> ItemRow:
        return next(r for r in self.rows if r.item.id == item_id)


def _numbers(checklist: Checklist) -> dict[str, str]:
    return {item.id: f"{s}.{i}" for s, section in enumerate(checklist.sections, start=1)
            for i, item in enumerate(section.items, start=1)}


def difference(item_id: str, columns: tuple[ReviewerColumn, ...]) -> str:
    """Whether the answers shown for an item differ (two or more reviewers' answers needed):
    in the answer itself, or only in the severity of a fail."""
    given = [(c.shown(item_id), c.answers.get(item_id)) for c in columns]
    given = [(code, answer) for code, answer in given if code is not None]
    if len(given) < 2:
        return AGREED
    if len({code for code, _ in given}) > 1:
        return ANSWER_DIFFERS
    severities = {answer.severity for _, answer in given if answer is not None and answer.outcome == "fail"}
    return SEVERITY_DIFFERS if len(severities) > 1 else AGREED


def case_sheet(db: sqlite_utils.Database, round_name: str | int, case_id: int, *, actor: str) -> CaseSheet:
    """The case in the round as `actor` may see it now (answers of hidden reviews never read)."""
    rnd = get_calibration_round(db, round_name)
    case = next((c for c in rnd.cases if c.case_id == case_id), None)
    if case is None:
        raise WorkbenchError("calibration.not_in_round", case=case_id, name=rnd.name)
    checklist = load_stored(db, rnd.checklists[case.ip_type])
    hidden = blind.hidden_reviews(db, actor, case_id)
    found = {row[1]: row for row in db.execute(
        "SELECT id, reviewer, status FROM reviews WHERE round_id = ? AND case_id = ? AND role = 'calibration'"
        " ORDER BY id", [rnd.id, case_id])}
    columns = []
    for reviewer in rnd.reviewers:
        review_id, _name, status = found[reviewer]
        withheld = review_id in hidden
        columns.append(ReviewerColumn(reviewer, review_id, status, withheld,
                                      {} if withheld else get_answers(db, review_id)))
    agreed = db.execute("SELECT id, status, reviewer FROM reviews WHERE round_id = ? AND case_id = ?"
                        " AND role = 'consensus' ORDER BY id DESC LIMIT 1", [rnd.id, case_id]).fetchone()
    consensus = get_answers(db, agreed[0]) if agreed else {}
    numbers = _numbers(checklist)
    cols = tuple(columns)
    rows = tuple(ItemRow(item, numbers[item.id], difference(item.id, cols), consensus.get(item.id))
                 for item in checklist.items)
    return CaseSheet(rnd, case, checklist, actor, cols, rows, agreed[0] if agreed else None,
                     agreed[1] if agreed else None, agreed[2] if agreed else None)


def majority(sheet: CaseSheet, item_id: str) -> Answer | None:
    """The answer more than half of the finished reviewers shown gave to an item (answer,
    severity and category alike), as a proposal for the consensus; None when there is none."""
    given = [c.answers.get(item_id) for c in sheet.columns if c.finished and not c.hidden]
    if not given:
        return None
    counts = Counter((a.answer, a.severity, a.category) if a is not None else None for a in given)
    top, count = counts.most_common(1)[0]
    if top is None or 2 * count <= len(given):
        return None
    code, severity, category = top
    return next(a for a in given if a is not None and (a.answer, a.severity, a.category) == (code, severity, category))


def unanimous(sheet: CaseSheet, item_id: str) -> Answer | None:
    """The answer every finished reviewer shown gave to an item (two or more of them, answer,
    severity and category alike); None otherwise."""
    given = [c.answers.get(item_id) for c in sheet.columns if c.finished and not c.hidden]
    if len(given) < 2 or any(a is None for a in given):
        return None
    first = given[0]
    assert first is not None
    same = all(a is not None and (a.answer, a.severity, a.category) == (first.answer, first.severity, first.category)
               for a in given)
    return first if same else None


@dataclass(frozen=True)
class RoundProgress:
    """Who has finished what: all anyone may know of a blind round."""
    round: CalibrationRound
    finished: Mapping[int, tuple[str, ...]]        # case -> reviewers who finished it
    reviewers: Mapping[str, tuple[int, int]]       # reviewer -> (cases finished, cases)
    consensus: Mapping[int, str]                   # case -> status of its consensus review

    @property
    def consensus_completed(self) -> int:
        return sum(status in REVIEWED_STATUSES for status in self.consensus.values())


def round_progress(db: sqlite_utils.Database, round_name: str | int) -> RoundProgress:
    rnd = get_calibration_round(db, round_name)
    finished: dict[int, list[str]] = {c.case_id: [] for c in rnd.cases}
    consensus: dict[int, str] = {}
    for case_id, reviewer, role, status in db.execute(
            "SELECT case_id, reviewer, role, status FROM reviews WHERE round_id = ? ORDER BY id", [rnd.id]):
        if role == "consensus":
            consensus[case_id] = status
        elif status in REVIEWED_STATUSES and case_id in finished:
            finished[case_id].append(reviewer)
    totals = {r: (sum(r in names for names in finished.values()), len(rnd.cases)) for r in rnd.reviewers}
    return RoundProgress(rnd, {k: tuple(v) for k, v in finished.items()}, totals, consensus)


def visible_figures(db: sqlite_utils.Database, round_name: str | int) -> CalibrationFigures | None:
    """The round's agreement figures once it is closed; None while it is blind (they would tell a
    reviewer who has not finished how the others answered)."""
    rnd = get_calibration_round(db, round_name)
    return calibration_figures(db, rnd.id) if rnd.closed else None
