"""How many cases to review: estimation sample sizes and ISO 2859-1 acceptance plans.

Two different questions. `sample_size` answers "how many cases to estimate a rate
within +/- margin"; `acceptance_plan` answers "how many cases to accept or reject
a lot (e.g. one examiner's month) at an agreed AQL" using ISO 2859-1 Table 2-A,
normal inspection, single sampling.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from workbench.errors import WorkbenchError, register
from workbench.statistics import z_value

register({
    "sample_size.confidence": "The confidence level must be at least 50% and below 100%, e.g. 0.95 "
                              "(got {value}).",
    "sample_size.margin": "The margin of error must be greater than 0 and at most 0.5 (got {value}).",
    "sample_size.expected": "The expected rate must be between 0 and 1 (got {value}).",
    "sample_size.population": "The population must be at least 1 case (got {value}).",
    "sample_size.lot_size": "The lot size must be at least 1 case (got {value}).",
    "sample_size.level": "The inspection level must be I, II or III (got {value!r}).",
    "sample_size.letter": "Unknown sample size code letter {value!r}.",
    "sample_size.aql": "The AQL must be one of {allowed} (got {value}).",
    "sample_size.nonconforming": "The number of nonconforming cases must be between 0 and {sample_size} (got {value}).",
})


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def sample_size(
    *, confidence: float, margin: float, expected: float, population: int | None = None
) -> int:
    """Cases to review so a rate near `expected` is known within +/- `margin`.

    confidence: e.g. 0.95. margin: half-width of the interval as a fraction (0.05).
    expected: the anticipated rate (0.5 when unknown: the largest sample).
    population: the number of cases sampled from; None for "very large".
    n0 = z^2 p (1-p) / e^2, then the finite population correction
    n = n0 / (1 + (n0 - 1) / N), rounded up. At least 1 and never more than N.
    """
    # Below 50% a "confidence level" is a typing slip (2 meant as 0.2? as 92%?), not a plan.
    if not _is_number(confidence) or not 0.5 <= confidence < 1.0:
        raise WorkbenchError("sample_size.confidence", value=confidence)
    if not _is_number(margin) or not 0.0 < margin <= 0.5:
        raise WorkbenchError("sample_size.margin", value=margin)
    if not _is_number(expected) or not 0.0 <= expected <= 1.0:
        raise WorkbenchError("sample_size.expected", value=expected)
    if population is not None and (
        isinstance(population, bool) or not isinstance(population, int) or population < 1
    ):
        raise WorkbenchError("sample_size.population", value=population)

    z = z_value(confidence)
    n = z * z * expected * (1.0 - expected) / (margin * margin)
    if population is not None and n > 1.0:   # n0 <= 1 gives n <= 1: one case either way
        # n0 / (1 + (n0 - 1)/N) written as n0 N / (N + n0 - 1): no 0/0 when N = 1 and n0 is tiny.
        n = n * population / (population + n - 1.0)
    # Rounding to 9 decimals first keeps 138.00000000001-style float noise from adding a case.
    # A 0% or 100% expectation gives 0 by the formula; a review still needs one case.
    result = max(1, math.ceil(round(n, 9)))
    return min(result, population) if population is not None else result


# --- ISO 2859-1 ------------------------------------------------------------

LETTERS = "ABCDEFGHJKLMNPQR"
_SAMPLE_SIZES = (2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000)

# Table 1: upper bound of each lot-size range, and the code letter per general level.
_LOT_UPPER = (8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, None)
_LEVEL_LETTERS = {
    "I": "AABCCDEFGHJKLMN",
    "II": "ABCDEFGHJKLMNPQ",
    "III": "BCDEFGHJKLMNPQR",
}

#: The AQLs (percent nonconforming) this module offers, each with its column in
#: Table 2-A counted from 0.010 (0.010, 0.015, 0.025, 0.040 are not offered).
AQLS = (0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10.0)
_AQL_COLUMN = {aql: column for column, aql in enumerate(AQLS, start=4)}

# Table 2-A is diagonal: a plan depends only on letter row + AQL column. On the
# diagonal row + column == 14 sits Ac 0 (e.g. A at 6.5, E at 1.0, L at 0.065),
# then an up arrow, a down arrow, then these Ac values one diagonal each.
_ZERO_DIAGONAL = 14
_ACCEPT_BY_DIAGONAL = {14: 0, 17: 1, 18: 2, 19: 3, 20: 5, 21: 7, 22: 10, 23: 14, 24: 21}
_UP, _DOWN = "up", "down"


def _cell(row: int, column: int) -> int | str:
    """Ac of Table 2-A at (row, column), or the direction of its arrow."""
    diagonal = row + column
    if diagonal in _ACCEPT_BY_DIAGONAL:
        return _ACCEPT_BY_DIAGONAL[diagonal]
    if diagonal == _ZERO_DIAGONAL + 1:
        # Row A has no plan above, so the printed table points down there (A at AQL 10).
        return _UP if row > 0 else _DOWN
    if diagonal == _ZERO_DIAGONAL + 2 or diagonal < _ZERO_DIAGONAL:
        return _DOWN
    # Past Ac 21 (only for AQL > 10 does the table go on to 30 and 44).
    return _UP


@dataclass(frozen=True)
class AcceptancePlan:
    """A single sampling plan for one lot.

    letter: the code letter of the lot (Table 1). plan_letter: the row of Table 2-A
    actually used after following its arrows; sample_size is that row's, or the
    whole lot when the lot is not larger (full_inspection). Accept the lot with at
    most `accept` nonconforming cases in the sample, reject it at `reject` or more.
    """

    letter: str
    sample_size: int
    accept: int
    reject: int
    plan_letter: str
    full_inspection: bool


def code_letter(lot_size: int, level: str = "II") -> str:
    """ISO 2859-1 Table 1 code letter for a lot, at general inspection level I, II or III.

    A lot of 1 case is treated like the first range (2 to 8).
    """
    if isinstance(lot_size, bool) or not isinstance(lot_size, int) or lot_size < 1:
        raise WorkbenchError("sample_size.lot_size", value=lot_size)
    letters = _LEVEL_LETTERS.get(level)
    if letters is None:
        raise WorkbenchError("sample_size.level", value=level)
    for index, upper in enumerate(_LOT_UPPER):
        if upper is None or lot_size <= upper:
            return letters[index]
    raise AssertionError("unreachable: the last range is open")


def sample_size_for_letter(letter: str) -> int:
    """The sample size of a Table 2-A row: A 2, B 3, ... R 2000."""
    if not isinstance(letter, str) or len(letter) != 1 or letter not in LETTERS:
        raise WorkbenchError("sample_size.letter", value=letter)
    return _SAMPLE_SIZES[LETTERS.index(letter)]


def _aql_column(aql: float) -> int:
    if _is_number(aql):
        for value, column in _AQL_COLUMN.items():
            if math.isclose(aql, value, rel_tol=1e-9):
                return column
    raise WorkbenchError("sample_size.aql", value=aql, allowed=", ".join(f"{a:g}" for a in AQLS))


def acceptance_plan(lot_size: int, aql: float, level: str = "II") -> AcceptancePlan:
    """ISO 2859-1 single sampling plan for normal inspection (Table 1 and Table 2-A).

    Arrows are followed to the first plan below or above, whose sample size and
    Ac/Re then apply. When that sample size reaches the lot size every case is
    inspected, with the same Ac/Re.
    """
    letter = code_letter(lot_size, level)
    column = _aql_column(aql)
    row = LETTERS.index(letter)
    cell = _cell(row, column)
    while isinstance(cell, str):
        row += 1 if cell == _DOWN else -1
        cell = _cell(row, column)
    plan_letter = LETTERS[row]
    size = _SAMPLE_SIZES[row]
    return AcceptancePlan(
        letter=letter,
        sample_size=min(size, lot_size),
        accept=cell,
        reject=cell + 1,
        plan_letter=plan_letter,
        full_inspection=size >= lot_size,
    )


def lot_verdict(plan: AcceptancePlan, nonconforming: int) -> Literal["accept", "reject"]:
    """Accept the lot when the sample holds at most `plan.accept` nonconforming cases."""
    if (
        isinstance(nonconforming, bool)
        or not isinstance(nonconforming, int)
        or not 0 <= nonconforming <= plan.sample_size
    ):
        raise WorkbenchError(
            "sample_size.nonconforming", value=nonconforming, sample_size=plan.sample_size
        )
    return "accept" if nonconforming <= plan.accept else "reject"
