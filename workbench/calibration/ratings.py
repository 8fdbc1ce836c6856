"""A calibration round's answers as rating tables: one row per case, one column per reviewer.

Only completed (or signed-off) calibration reviews give ratings; an unfinished review is a
missing rating, which the agreement coefficients tolerate. The consensus answers come from
the case's completed consensus review.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import sqlite_utils

from workbench.calibration.rounds import CalibrationRound
from workbench.review.checklist_store import load_stored
from workbench.review.checklists import Checklist, Item
from workbench.review.reviews import Answer, get_answers

#: Severity as an ordinal rating: a pass is "none", the mildest.
SEVERITY_ORDER = ("none", "advisory", "minor", "major", "critical")
VERDICT_ORDER = ("compliant", "defect", "error")
DONE = ("completed", "signed_off")


@dataclass(frozen=True)
class ItemRef:
    """One checklist item of the round: a frozen checklist version's item and its IP type."""
    checklist_id: int
    ip_type: str
    item: Item

    @property
    def key(self) -> tuple[int, str]:
        return self.checklist_id, self.item.id

    @property
    def graded(self) -> bool:
        """A scale with more than pass / fail / n-a: its answers are ordered (ordinal alpha)."""
        return len([o for o in self.item.options if o.outcome != "na"]) > 2


@dataclass(frozen=True)
class Ratings:
    round: CalibrationRound
    items: tuple[ItemRef, ...]                                  # in checklist order, per IP type
    answers: Mapping[tuple[int, str], Mapping[str, Answer]]     # (case, reviewer) -> completed answers
    verdicts: Mapping[tuple[int, str], str]
    consensus: Mapping[int, Mapping[str, Answer]]               # case -> completed consensus answers
    consensus_verdicts: Mapping[int, str]
    progress: Mapping[str, tuple[int, int]]                     # reviewer -> (completed, cases)

    def cases_of(self, ref: ItemRef) -> list[int]:
        return [c.case_id for c in self.round.cases if c.ip_type == ref.ip_type]

    def item_table(self, ref: ItemRef) -> list[list[str | None]]:
        """Each case of the item's IP type: every reviewer's answer code (None: not rated)."""
        return [[self._answer(case, r, ref.item.id) for r in self.round.reviewers] for case in self.cases_of(ref)]

    def _answer(self, case_id: int, reviewer: str, item_id: str) -> str | None:
        given = self.answers.get((case_id, reviewer))
        if given is None:
            return None
        answer = given.get(item_id)
        return answer.answer if answer is not None else "na"      # a hidden item counts as not applicable

    def verdict_table(self) -> list[list[str | None]]:
        return [[self.verdicts.get((c.case_id, r)) for r in self.round.reviewers] for c in self.round.cases]

    def severity_table(self) -> list[list[str | None]]:
        """Every (case, item) pair: each reviewer's severity, 'none' for an answer that is no finding."""
        return self._pooled(_severity)

    def outcome_table(self) -> list[list[str | None]]:
        """Every (case, item) pair: each reviewer's outcome (pass, fail, na): all items pooled."""
        return self._pooled(_outcome)

    def _pooled(self, rating: Callable[[Mapping[str, Answer] | None, str], str | None]) -> list[list[str | None]]:
        return [[rating(self.answers.get((case, r)), ref.item.id) for r in self.round.reviewers]
                for ref in self.items for case in self.cases_of(ref)]


def _severity(answers: Mapping[str, Answer] | None, item_id: str) -> str | None:
    if answers is None:
        return None
    answer = answers.get(item_id)
    if answer is None or answer.outcome != "fail":
        return "none"
    return answer.severity or "minor"


def _outcome(answers: Mapping[str, Answer] | None, item_id: str) -> str | None:
    if answers is None:
        return None
    answer = answers.get(item_id)
    return answer.outcome if answer is not None else "na"


def load_ratings(db: sqlite_utils.Database, rnd: CalibrationRound) -> Ratings:
    """The round's completed calibration and consensus reviews, read once."""
    checklists: dict[int, Checklist] = {cid: load_stored(db, cid) for cid in set(rnd.checklists.values())}
    items = tuple(ItemRef(cid, ip_type, item) for ip_type, cid in sorted(rnd.checklists.items())
                  for item in checklists[cid].items)
    answers: dict[tuple[int, str], Mapping[str, Answer]] = {}
    verdicts: dict[tuple[int, str], str] = {}
    consensus: dict[int, Mapping[str, Answer]] = {}
    consensus_verdicts: dict[int, str] = {}
    done = {r: 0 for r in rnd.reviewers}
    for review_id, case_id, reviewer, role, status, verdict in db.execute(
            "SELECT id, case_id, reviewer, role, status, verdict FROM reviews WHERE round_id = ?"
            " AND role IN ('calibration', 'consensus') ORDER BY id", [rnd.id]):
        if status not in DONE:
            continue
        if role == "calibration":
            answers[(case_id, reviewer)] = get_answers(db, review_id)
            verdicts[(case_id, reviewer)] = verdict
            done[reviewer] = done.get(reviewer, 0) + 1
        else:
            consensus[case_id] = get_answers(db, review_id)
            consensus_verdicts[case_id] = verdict
    progress = {r: (done.get(r, 0), len(rnd.cases)) for r in rnd.reviewers}
    return Ratings(rnd, items, answers, verdicts, consensus, consensus_verdicts, progress)
