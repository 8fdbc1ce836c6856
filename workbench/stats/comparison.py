"""The difference between two independent rates (this period against the previous one, or any two),
with Newcombe's hybrid score interval.

Standard library only. Newcombe (1998), "Interval estimation for the difference between independent
proportions: comparison of eleven methods", Statistics in Medicine 17:873-890, method 10: the
interval is built from the two Wilson score intervals, so it stays inside [-1, 1], needs no
continuity correction and keeps its coverage at 0% and 100%, where the Wald interval collapses.
tests/data/newcombe_reference.py checks it against statsmodels.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.stats.intervals import Proportion, wilson_interval

UP = "up"
DOWN = "down"
NO_CHANGE = "none"

#: (English, Simplified Chinese) for each `Difference.direction`.
DIRECTION_LABELS: dict[str, tuple[str, str]] = {
    UP: ("Up", "上升"),
    DOWN: ("Down", "下降"),
    NO_CHANGE: ("No clear change", "无明显变化"),
}


@dataclass(frozen=True)
class Difference:
    """first.rate - second.rate with its Newcombe hybrid score interval.

    `first` and `second` are the two rates with their own Wilson intervals. `difference`, `low` and
    `high` are None when either rate has no cases. `direction` is UP when the whole interval lies
    above 0, DOWN when it lies below 0, else NO_CHANGE (also when there is no interval): a marker
    appears only for a change the data can tell from noise.
    """

    first: Proportion
    second: Proportion
    confidence: float
    difference: float | None
    low: float | None
    high: float | None
    direction: str


def rate_difference(x1: int, n1: int, x2: int, n2: int,
                      confidence: float = 0.95) -> Difference:
    """Newcombe's method 10 for p1 - p2, p1 = x1/n1 and p2 = x2/n2.

    With (l1, u1) and (l2, u2) the Wilson intervals of p1 and p2 and d = p1 - p2:

        low  = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
        high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)

    Each rate contributes the half of its own interval on the side the difference moves toward, so
    the interval is asymmetric where the rates are near 0 or 1.
    """
    first = wilson_interval(x1, n1, confidence)      # checks the counts and the confidence
    second = wilson_interval(x2, n2, confidence)
    if first.rate is None or second.rate is None:
        return Difference(first=first, second=second, confidence=confidence, difference=None,
                          low=None, high=None, direction=NO_CHANGE)
    p1, l1, u1 = first.rate, first.low, first.high
    p2, l2, u2 = second.rate, second.low, second.high
    assert l1 is not None and u1 is not None and l2 is not None and u2 is not None
    d = p1 - p2
    low = max(-1.0, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2))
    high = min(1.0, d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))
    direction = UP if low > 0.0 else DOWN if high < 0.0 else NO_CHANGE
    return Difference(first=first, second=second, confidence=confidence, difference=d,
                      low=low, high=high, direction=direction)
