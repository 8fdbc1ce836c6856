"""How many cases to review: estimation sample sizes and ISO 2859-1 acceptance plans.

Two different questions. `sample_size` answers "how many cases to estimate a rate
within +/- margin"; `acceptance_plan` (workbench.rounds.acceptance, re-exported here) answers
"how many cases to accept or reject a lot (e.g. one examiner's month) at an agreed AQL"
using ISO 2859-1 Table 2-A, normal inspection, single sampling.
"""
from __future__ import annotations

import math
import sys
from fractions import Fraction
from statistics import NormalDist

from foundation.errors import WorkbenchError, register
from workbench.stats.intervals import z_value

register({
    "sample_size.confidence": "The confidence level must be at least 50% and below 100%, e.g. 0.95 "
                              "(got {value}).",
    "sample_size.margin": "The margin of error must be greater than 0 and at most 0.5 (got {value}).",
    "sample_size.expected": "The expected rate must be between 0 and 1 (got {value}).",
    "sample_size.population": "The population must be at least 1 case (got {value}).",
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

    z = _z(confidence)
    spread = expected * (1.0 - expected)
    if spread == 0.0:
        return 1   # a 0% or 100% expectation gives 0 by the formula; a review still needs one case
    squared = margin * margin
    n = z * z * spread / squared if squared >= sys.float_info.min else math.inf
    if not n < _FLOAT_LIMIT or (population is not None and population > _FLOAT_LIMIT):
        # Margins like 1e-155 overflow floats (e^2 underflows), populations past 1e15 lose
        # precision: the same formula in exact rationals gives the true answer.
        return _exact_size(z, spread, margin, population)
    if population is not None and n > 1.0:   # n0 <= 1 gives n <= 1: one case either way
        # n0 / (1 + (n0 - 1)/N) written as n0 N / (N + n0 - 1): no 0/0 when N = 1 and n0 is tiny.
        n = n * population / (population + n - 1.0)
    # Rounding to 9 decimals first keeps 138.00000000001-style float noise from adding a case.
    result = max(1, math.ceil(round(n, 9)))
    return min(result, population) if population is not None else result


_FLOAT_LIMIT = 1e15   # above this, 9-decimal rounding is meaningless: use exact arithmetic


def _exact_size(z: float, spread: float, margin: float, population: int | None) -> int:
    n = Fraction(z) ** 2 * Fraction(spread) / Fraction(margin) ** 2
    if population is not None:
        n = n * population / (population + n - 1)
    result = max(1, math.ceil(n))
    return min(result, population) if population is not None else result


def _z(confidence: float) -> float:
    """z_value, except where 1 - (1 - c)/2 rounds to 1.0 (c = 0.9999999999999999): then the
    lower tail, which stays exact, so every confidence below 100% has a finite z."""
    if 1.0 - (1.0 - confidence) / 2.0 < 1.0:
        return z_value(confidence)
    return -NormalDist().inv_cdf((1.0 - confidence) / 2.0)
