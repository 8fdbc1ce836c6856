"""A calibration round's figures: agreement per checklist item, on the verdict, on severity and
over all items pooled; each reviewer's deviation from the consensus; and drift across rounds.

Agreement is computed by `workbench.stats.agreement` (percent agreement, Cohen's or Fleiss'
kappa, Krippendorff's alpha, Gwet's AC1, each with a bootstrap interval over cases). Kappa and
AC1 are shown side by side: with compliance near 90% nearly every answer is "pass", chance
agreement is then close to 1 and kappa collapses although reviewers agree (the kappa paradox);
AC1's chance term does not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import sqlite_utils

from workbench.calibration.ratings import SEVERITY_ORDER, VERDICT_ORDER, ItemRef, Ratings, load_ratings
from workbench.calibration.rounds import CalibrationRound, calibration_rounds, get_calibration_round
from workbench.stats.agreement import Agreement, agreement

SEED = 20240101          # the bootstrap's seed: the same workspace always gives the same intervals
REPLICATES = 1000


@dataclass(frozen=True)
class ItemAgreement:
    ref: ItemRef
    figures: Mapping[str, Agreement]      # percent, kappa, alpha, ac1
    cases: int                            # cases rated by at least two reviewers
    disagreements: int                    # of those, cases where the reviewers' answers differ
    consensus_deviations: Mapping[str, tuple[int, int]]   # reviewer -> (differing, compared)


@dataclass(frozen=True)
class ReviewerDeviation:
    """How often a reviewer's answer differs from the consensus answer, over every item of every
    case with a completed consensus; and the same for the verdict."""
    reviewer: str
    compared: int
    differing: int
    verdicts_compared: int
    verdicts_differing: int

    @property
    def rate(self) -> float | None:
        return self.differing / self.compared if self.compared else None

    @property
    def verdict_rate(self) -> float | None:
        return self.verdicts_differing / self.verdicts_compared if self.verdicts_compared else None


@dataclass(frozen=True)
class CalibrationFigures:
    round: CalibrationRound
    ratings: Ratings
    items: tuple[ItemAgreement, ...]      # most disagreement first
    verdict: Mapping[str, Agreement]
    severity: Mapping[str, Agreement]
    overall: Mapping[str, Agreement]      # every (case, item) answer's outcome, pooled
    deviations: tuple[ReviewerDeviation, ...]


def _rated(row: list[str | None]) -> list[str]:
    return [v for v in row if v is not None]


def _item_agreement(ratings: Ratings, ref: ItemRef, *, seed: int, replicates: int) -> ItemAgreement:
    table = ratings.item_table(ref)
    codes = [o.code for o in ref.item.options]
    level = "ordinal" if ref.graded else "nominal"
    figures = agreement(table, level=level, order=codes if ref.graded else None, categories=codes, seed=seed,
                        replicates=replicates)
    rated = [r for r in (_rated(row) for row in table) if len(r) >= 2]
    deviations: dict[str, tuple[int, int]] = {}
    for case, row in zip(ratings.cases_of(ref), table):
        agreed = ratings.consensus.get(case)
        if agreed is None:
            continue
        target = agreed[ref.item.id].answer if ref.item.id in agreed else "na"
        for reviewer, given in zip(ratings.round.reviewers, row):
            if given is not None:
                differing, compared = deviations.get(reviewer, (0, 0))
                deviations[reviewer] = (differing + (given != target), compared + 1)
    return ItemAgreement(ref, figures, len(rated), sum(len(set(r)) > 1 for r in rated), deviations)


def _sort_key(item: ItemAgreement) -> tuple:
    """Most disagreement first: the lowest percent agreement, then the most disagreeing cases."""
    percent = item.figures["percent"].value
    return (percent if percent is not None else 2.0, -item.disagreements, item.ref.ip_type, item.ref.item.id)


def _deviations(ratings: Ratings, items: tuple[ItemAgreement, ...]) -> tuple[ReviewerDeviation, ...]:
    result = []
    for reviewer in ratings.round.reviewers:
        differing = sum(i.consensus_deviations.get(reviewer, (0, 0))[0] for i in items)
        compared = sum(i.consensus_deviations.get(reviewer, (0, 0))[1] for i in items)
        pairs = [(ratings.verdicts.get((case, reviewer)), verdict)
                 for case, verdict in ratings.consensus_verdicts.items()]
        pairs = [(given, agreed) for given, agreed in pairs if given is not None]
        result.append(ReviewerDeviation(reviewer, compared, differing, len(pairs),
                                        sum(given != agreed for given, agreed in pairs)))
    return tuple(result)


def calibration_figures(db: sqlite_utils.Database, name: str | int, *, seed: int = SEED,
                        replicates: int = REPLICATES) -> CalibrationFigures:
    """Every figure of a calibration round from its completed reviews (callers keep them from
    anyone while the round is blind: see `status` and the workbook)."""
    rnd = get_calibration_round(db, name)
    ratings = load_ratings(db, rnd)
    items = tuple(sorted((_item_agreement(ratings, ref, seed=seed, replicates=replicates) for ref in ratings.items),
                         key=_sort_key))
    verdict = agreement(ratings.verdict_table(), level="ordinal", order=VERDICT_ORDER, categories=VERDICT_ORDER,
                        seed=seed, replicates=replicates)
    severity = agreement(ratings.severity_table(), level="ordinal", order=SEVERITY_ORDER,
                         categories=SEVERITY_ORDER, seed=seed, replicates=replicates)
    overall = _pooled_agreement(ratings, seed=seed, replicates=replicates)
    return CalibrationFigures(rnd, ratings, items, verdict, severity, overall, _deviations(ratings, items))


def _pooled_agreement(ratings: Ratings, *, seed: int, replicates: int) -> Mapping[str, Agreement]:
    """Agreement over every (case, item) answer's outcome, pooled."""
    return agreement(ratings.outcome_table(), level="nominal", categories=("pass", "fail", "na"), seed=seed,
                     replicates=replicates)


@dataclass(frozen=True)
class DriftRow:
    """One closed calibration round in the drift table: overall agreement and each reviewer's
    deviation from the consensus (None where there is no consensus to compare with)."""
    round: str
    closed_at: str
    cases: int
    overall: Mapping[str, Agreement]
    deviations: Mapping[str, float | None]


def drift(db: sqlite_utils.Database, *, replicates: int = 200, seed: int = SEED) -> list[DriftRow]:
    """Every closed calibration round, oldest first: did training bring reviewers together?"""
    rows = []
    for rnd in calibration_rounds(db):
        if not rnd.closed:
            continue
        # Only the pooled agreement needs its interval; the items give the deviations, so they are
        # computed without a bootstrap (a thousand draws per item per round for nothing otherwise).
        ratings = load_ratings(db, rnd)
        items = tuple(_item_agreement(ratings, ref, seed=seed, replicates=0) for ref in ratings.items)
        rows.append(DriftRow(rnd.name, rnd.closed_at or "", len(rnd.cases),
                             _pooled_agreement(ratings, seed=seed, replicates=replicates),
                             {d.reviewer: d.rate for d in _deviations(ratings, items)}))
    return rows
