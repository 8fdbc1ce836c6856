"""How far a stored round has come: progress per reviewer, the verdict per lot of an acceptance
round, and the whole status (with a re-draw check) as the CLI's round-status prints it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.rounds.acceptance import acceptance_plan, lot_verdict
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import get_round, probability_summary, redraw_matches

register({
    "rounds.not_acceptance": "Round {name!r} is not an acceptance round, so it has no lots.",
})

#: Per case of round `?`: the round's review that stands for it (case_id, id, status, verdict):
#: the latest completed or signed-off one, else the latest still open. Only the round's own
#: reviews count for the round (the same rule as the report's round scope); in a calibration
#: round that is the consensus review, never a reviewer's blind calibration review.
ROUND_STANDING_SQL = (
    "SELECT case_id, id, status, verdict FROM (SELECT case_id, id, status, verdict, ROW_NUMBER() OVER"
    " (PARTITION BY case_id ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC) AS n"
    " FROM reviews WHERE round_id = ? AND role != 'calibration') WHERE n = 1")


@dataclass(frozen=True)
class LotVerdict:
    lot: str
    lot_size: int
    code_letter: str
    sample_size: int
    accept: int
    reject: int
    reviewed: int          # sampled cases whose review in the round is completed or signed off
    nonconforming: int     # of those, nonconforming (verdict error, or defect when the plan counts defects)
    verdict: str | None    # accept or reject once every sampled case of the lot is reviewed

    def as_json(self) -> dict[str, Any]:
        return {"lot": self.lot, "lot_size": self.lot_size, "code_letter": self.code_letter,
                "sample_size": self.sample_size, "accept": self.accept, "reject": self.reject,
                "reviewed": self.reviewed, "nonconforming": self.nonconforming, "verdict": self.verdict}


def lot_verdicts(db: sqlite_utils.Database, name: str | int) -> list[LotVerdict]:
    """Each lot of an acceptance round with its ISO 2859-1 plan and, when its reviews are done, its verdict."""
    stored = get_round(db, name)
    if stored.plan.method != "acceptance":
        raise WorkbenchError("rounds.not_acceptance", name=stored.name)
    bad = ("error", "defect") if stored.plan.count_defects else ("error",)
    # The review that stands for each case in the round, found in one pass (a correlated
    # subquery per case took a minute on a 20,000-case round).
    tallies = {row[0]: row[1:] for row in db.execute(
        f"SELECT rc.stratum, COUNT(*), SUM(rv.status IN ('completed', 'signed_off')),"
        f" SUM(rv.status IN ('completed', 'signed_off') AND rv.verdict IN ({', '.join('?' * len(bad))}))"
        f" FROM round_cases rc LEFT JOIN ({ROUND_STANDING_SQL}) rv ON rv.case_id = rc.case_id"
        " WHERE rc.round_id = ? GROUP BY rc.stratum",
        [*bad, stored.id, stored.id])}
    result = []
    for lot, population, sample, letter, accept, reject in db.execute(
            "SELECT stratum, population, sample, code_letter, accept, reject FROM round_strata"
            " WHERE round_id = ? ORDER BY stratum", [stored.id]):
        drawn, reviewed, nonconforming = tallies.get(lot, (0, 0, 0))
        reviewed, nonconforming = int(reviewed or 0), int(nonconforming or 0)
        verdict = None
        if drawn and reviewed == drawn:
            plan = acceptance_plan(population, stored.plan.aql, stored.plan.level)
            verdict = lot_verdict(plan, nonconforming)
        result.append(LotVerdict(lot, population, letter, sample, accept, reject, reviewed, nonconforming, verdict))
    return result


def reviewer_progress(db: sqlite_utils.Database, name: str | int) -> list[tuple[str, int, int]]:
    """(reviewer, cases assigned, reviews completed or signed off) for a round; unassigned as ''."""
    stored = get_round(db, name)
    return [(r[0] or "", r[1], int(r[2] or 0)) for r in db.execute(
        "SELECT rc.reviewer, COUNT(*), SUM(rv.status IN ('completed', 'signed_off')) FROM round_cases rc"
        f" LEFT JOIN ({ROUND_STANDING_SQL}) rv ON rv.case_id = rc.case_id"
        " WHERE rc.round_id = ? GROUP BY 1 ORDER BY 1", [stored.id, stored.id])]



def status_json(db: sqlite_utils.Database, name: str | int) -> dict[str, Any]:
    """A stored round: its plan, progress per reviewer, lot verdicts (acceptance) and a re-draw check."""
    stored = get_round(db, name)
    strata = [dict(zip(("stratum", "population", "sample", "expected", "code_letter", "accept", "reject"), r))
              for r in db.execute("SELECT stratum, population, sample, expected, code_letter, accept, reject"
                                  " FROM round_strata WHERE round_id = ? ORDER BY stratum", [stored.id])]
    return {
        "round": stored.name, "round_id": stored.id, "created_at": stored.created_at,
        "created_by": stored.created_by, "seed": stored.seed, "seed_source": stored.seed_source,
        "filters": stored.filters.as_json(), "plan": stored.plan.as_json(), "matching": stored.matching,
        "excluded": stored.excluded, "excluded_reviewed": stored.excluded_reviewed,
        "population": stored.population, "strata": strata,
        "reviewers": [{"reviewer": r or None, "assigned": n, "done": done}
                      for r, n, done in reviewer_progress(db, stored.id)],
        "lots": [with_plan_letter(lot.as_json(), stored.plan)
                 for lot in lot_verdicts(db, stored.id)] if stored.plan.method == "acceptance" else [],
        "inclusion_probabilities": probability_summary([r[0] for r in db.execute(
            "SELECT inclusion_probability FROM round_cases WHERE round_id = ? AND inclusion_probability"
            " IS NOT NULL", [stored.id])]),
        "redraw_problems": redraw_matches(db, stored.id),
    }


def with_plan_letter(lot: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """A lot of round-status with the letter whose plan Table 2-A's arrows chose (and the plan in words)."""
    chosen = acceptance_plan(lot["lot_size"], plan.aql, plan.level)
    return {**lot, "plan_letter": chosen.plan_letter, "plan": chosen.describe()}

