"""The screening yield: of the cases an indicator (or a risk band) pointed at and that were screened with
the abnormal-application checklist, the share confirmed abnormal, with its 95% Wilson interval. It tells
the office which indicators find what they claim to find, so their thresholds and points can be tuned.

A case is *screened* when it has a completed or signed-off review with the `abnormal-screening` checklist
(calibration reviews never count; the latest by completion time stands, as everywhere else), and
*confirmed abnormal* when that review has any fail answer (a strong or moderate indication). The
indicators are those the case's current `case_risk` row lists: a case screened before a later import
changed its indicators is counted under the indicators it has now. Every screened case counts once in
each row it belongs to: per indicator, per band, and in all screened cases.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

import sqlite_utils

from workbench.risk.settings import CODES
from workbench.stats.intervals import Proportion, wilson_interval

SCREENING_TEMPLATE = "abnormal-screening"
BANDS = ("high", "medium", "low", "none")
CONFIDENCE = 0.95

#: Row kinds (YieldRow.kind).
ALL = "all"
BAND = "band"
INDICATOR = "indicator"


@dataclass(frozen=True)
class YieldRow:
    """Screened cases of one indicator or band (`key`: its code; None for all screened cases) and how
    many of them were confirmed abnormal."""

    kind: str
    key: str | None
    screened: int
    confirmed: int
    share: Proportion


@dataclass(frozen=True)
class ScreeningYield:
    """All screened cases first, then each band from high to none, then each indicator that fired on a
    screened case, in the order given by `indicator_order` (the indicators' own order by default;
    others after, by code)."""

    rows: tuple[YieldRow, ...]

    @property
    def overall(self) -> YieldRow:
        return self.rows[0]

    def row(self, kind: str, key: str | None) -> YieldRow | None:
        return next((r for r in self.rows if r.kind == kind and r.key == key), None)

    @property
    def indicators(self) -> tuple[YieldRow, ...]:
        return tuple(r for r in self.rows if r.kind == INDICATOR)


def _screened(db: sqlite_utils.Database, round_id: int | None, decided_from: str | None,
              decided_to: str | None) -> Iterable[tuple[str | None, str | None, int]]:
    """(band, indicators JSON, fail answers) of each screened case."""
    in_round = "AND r.round_id = :round_id" if round_id is not None else ""
    dated = "".join((" AND c.decision_date >= :decided_from" if decided_from else "",
                     " AND c.decision_date <= :decided_to" if decided_to else ""))
    review = ("(SELECT r.id FROM reviews r JOIN checklists k ON k.id = r.checklist_id"
              " WHERE r.case_id = c.id AND k.template_id = :template AND r.role != 'calibration'"
              f" AND r.status IN ('completed', 'signed_off') {in_round}"
              " ORDER BY r.completed_at DESC, r.id DESC LIMIT 1)")
    return db.execute(
        f"WITH screened(case_id, review_id) AS (SELECT c.id, {review} FROM cases c WHERE 1{dated})"
        " SELECT cr.band, cr.indicators,"
        " (SELECT COUNT(*) FROM answers a WHERE a.review_id = s.review_id AND a.outcome = 'fail')"
        " FROM screened s LEFT JOIN case_risk cr ON cr.case_id = s.case_id WHERE s.review_id IS NOT NULL",
        {"template": SCREENING_TEMPLATE, "round_id": round_id, "decided_from": decided_from,
         "decided_to": decided_to})


def any_screened(db: sqlite_utils.Database, *, round_id: int | None = None, decided_from: str | None = None,
                 decided_to: str | None = None) -> bool:
    """Whether screening_yield would count a screened case (a completed screening review, of the
    round when given, of a case decided within the dates), by the first such review found."""
    in_round = " AND r.round_id = :round_id" if round_id is not None else ""
    dated = "".join((" AND c.decision_date >= :decided_from" if decided_from else "",
                     " AND c.decision_date <= :decided_to" if decided_to else ""))
    return bool(db.execute(
        "SELECT EXISTS (SELECT 1 FROM reviews r JOIN checklists k ON k.id = r.checklist_id"
        " JOIN cases c ON c.id = r.case_id WHERE k.template_id = :template AND r.role != 'calibration'"
        f" AND r.status IN ('completed', 'signed_off'){in_round}{dated})",
        {"template": SCREENING_TEMPLATE, "round_id": round_id, "decided_from": decided_from,
         "decided_to": decided_to}).fetchone()[0])


def screening_yield(db: sqlite_utils.Database, *, round_id: int | None = None, decided_from: str | None = None,
                    decided_to: str | None = None, indicator_order: Iterable[str] = CODES,
                    confidence: float = CONFIDENCE) -> ScreeningYield:
    """The yield of every band and indicator over the screened cases: of one round with `round_id`,
    decided within the ISO dates `decided_from`..`decided_to` when given."""
    counts: dict[tuple[str, str | None], list[int]] = {}

    def add(kind: str, key: str | None, confirmed: bool) -> None:
        tally = counts.setdefault((kind, key), [0, 0])
        tally[0] += 1
        tally[1] += confirmed

    for band, indicators, fails in _screened(db, round_id, decided_from, decided_to):
        confirmed = fails > 0
        add(ALL, None, confirmed)
        add(BAND, band or "none", confirmed)
        for code in sorted({entry["code"] for entry in json.loads(indicators or "[]")}):
            add(INDICATOR, code, confirmed)
    order = list(indicator_order)
    codes = sorted((key for kind, key in counts if kind == INDICATOR and key is not None),
                   key=lambda code: (order.index(code) if code in order else len(order), code))
    keys = [(ALL, None)] + [(BAND, b) for b in BANDS if (BAND, b) in counts] + [(INDICATOR, c) for c in codes]
    rows = []
    for kind, key in keys:
        screened, confirmed = counts.get((kind, key), (0, 0))
        rows.append(YieldRow(kind, key, screened, confirmed, wilson_interval(confirmed, screened, confidence)))
    return ScreeningYield(tuple(rows))
