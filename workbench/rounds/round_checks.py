"""Plain-language checks on a round: lots too small for sampling, and progress per stratum or lot.

A lot no larger than its ISO 2859-1 sample size is not sampled but inspected whole (every case is
drawn); the wizard says so before the round is drawn, since the user chose sampling to review less.
"""
from __future__ import annotations

import sqlite_utils

from workbench.rounds.round_status import ROUND_STANDING_SQL
from workbench.rounds.sampling_plan import Design, StratumPlan
from workbench.rounds.store import get_round


def is_full_inspection(lot_size: int, sample_size: int) -> bool:
    """The rule: a lot whose size is at most its sample size is inspected 100% (an empty lot is not)."""
    return 0 < lot_size <= sample_size


def fully_inspected_lots(design: Design) -> tuple[StratumPlan, ...]:
    """The lots of an acceptance design whose every case is drawn."""
    return tuple(s for s in design.strata if s.code_letter is not None and is_full_inspection(s.population, s.sample))


def stratum_progress(db: sqlite_utils.Database, name: str | int) -> list[tuple[str, int, int, int]]:
    """(stratum or lot, population, cases drawn, reviews completed or signed off) for a stored round;
    a round without strata gives one row named ''."""
    stored = get_round(db, name)
    populations = {r[0]: r[1] for r in db.execute(
        "SELECT stratum, population FROM round_strata WHERE round_id = ?", [stored.id])}
    rows = db.execute(
        "SELECT COALESCE(rc.stratum, ''), COUNT(*), SUM(rv.status IN ('completed', 'signed_off')) FROM round_cases rc"
        f" LEFT JOIN ({ROUND_STANDING_SQL}) rv ON rv.case_id = rc.case_id"
        " WHERE rc.round_id = ? GROUP BY 1 ORDER BY 1", [stored.id, stored.id])
    return [(s, int(populations.get(s, stored.population if not s else 0) or 0),
             drawn, int(done or 0)) for s, drawn, done in rows]
