"""p-charts: a rate per period against 3-sigma limits for each period's own number of reviews, and
the standard run rules that tell a signal from noise.

Standard library only. Shewhart's p-chart with variable sample sizes and the Western Electric run
rules as Montgomery gives them (Introduction to Statistical Quality Control, 7th ed., 2013, sections
5.3.6 and 7.2.2; Western Electric Statistical Quality Control Handbook, 1956). Rates are fractions;
the chart does not care whether x counts compliant or nonconforming cases, it only says "above" or
"below" the centre line. docs/statistics.md gives the formulas and the conventions chosen here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from foundation.errors import WorkbenchError, register

register({"statistics.rate": "A target rate must be between 0 and 1 (got {value})."})

#: The run rules (Signal.rule).
BEYOND_LIMITS = "beyond_limits"      # a point beyond the 3-sigma limits
RUN_OF_EIGHT = "run_of_eight"        # eight or more plotted points in a row on one side of the centre
TWO_OF_THREE = "two_of_three"        # two of three consecutive points beyond 2 sigma, same side
RULES = (BEYOND_LIMITS, RUN_OF_EIGHT, TWO_OF_THREE)
RUN_LENGTH = 8

ABOVE = "above"
BELOW = "below"

#: (English, Simplified Chinese) for each rule code.
RULE_LABELS: dict[str, tuple[str, str]] = {
    BEYOND_LIMITS: ("A point beyond the 3-sigma limits", "一点超出3倍标准差控制限"),
    RUN_OF_EIGHT: ("Eight in a row on one side of the centre line", "连续8点位于中心线同一侧"),
    TWO_OF_THREE: ("Two of three beyond 2 sigma on the same side", "连续3点中有2点在同侧超出2倍标准差"),
}
#: (English, Simplified Chinese) for each side.
SIDE_LABELS: dict[str, tuple[str, str]] = {
    ABOVE: ("Above the centre line", "高于中心线"),
    BELOW: ("Below the centre line", "低于中心线"),
}


@dataclass(frozen=True)
class Observed:
    """x of n in one period (a p-chart point) or one unit (a funnel point)."""

    label: str
    x: int
    n: int

    @property
    def rate(self) -> float | None:
        return self.x / self.n if self.n else None


def observed(item: Observed | tuple[str, int, int]) -> Observed:
    """An Observed from itself or from a (label, x, n) tuple, with its counts checked."""
    value = item if isinstance(item, Observed) else Observed(*item)
    if isinstance(value.n, bool) or not isinstance(value.n, int) or value.n < 0:
        raise WorkbenchError("statistics.count", value=value.n)
    if isinstance(value.x, bool) or not isinstance(value.x, int) or not 0 <= value.x <= value.n:
        raise WorkbenchError("statistics.successes", value=value.x, n=value.n)
    return value


def check_rate(value: float) -> float:
    """A target or centre line given by the caller must be a rate in [0, 1]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise WorkbenchError("statistics.rate", value=value)
    return float(value)


@dataclass(frozen=True)
class ChartPoint:
    """One period of a p-chart. A period with no reviews (n == 0) is a gap: `rate` and every limit
    are None and it takes no part in the run rules.

    `sigma` = sqrt(centre (1 - centre) / n); `lcl`/`ucl` = centre -/+ 3 sigma and the zones
    `lower_2`/`upper_2` (2 sigma) and `lower_1`/`upper_1` (1 sigma), all clipped to [0, 1].
    `z` = (rate - centre) / sigma, the standardised point (None when sigma is 0).
    """

    index: int
    label: str
    x: int
    n: int
    centre: float | None
    rate: float | None
    sigma: float | None
    z: float | None
    lcl: float | None
    ucl: float | None
    lower_2: float | None
    upper_2: float | None
    lower_1: float | None
    upper_1: float | None

    @property
    def gap(self) -> bool:
        return self.rate is None

    @property
    def side(self) -> str | None:
        """ABOVE or BELOW the centre line; None on it or for a gap."""
        if self.rate is None or self.centre is None:
            return None
        return ABOVE if self.rate > self.centre else BELOW if self.rate < self.centre else None


@dataclass(frozen=True)
class Signal:
    """A run rule fired at point `index` (period `label`). `points` are the indexes of the points
    that make the pattern, this one last; `side` is ABOVE or BELOW the centre line."""

    index: int
    label: str
    rule: str
    side: str
    points: tuple[int, ...]


@dataclass(frozen=True)
class PChart:
    """A p-chart: the centre line (None when no period has a review), the totals behind it, one
    point per period in the order given, and the signals ordered by point, then rule."""

    centre: float | None
    x: int
    n: int
    points: tuple[ChartPoint, ...]
    signals: tuple[Signal, ...]

    def signals_at(self, index: int) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if s.index == index)


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def _point(index: int, item: Observed, centre: float | None) -> ChartPoint:
    if centre is None or item.n == 0:
        return ChartPoint(index, item.label, item.x, item.n, centre, None, None, None,
                          None, None, None, None, None, None)
    rate = item.x / item.n
    sigma = math.sqrt(centre * (1.0 - centre) / item.n)
    z = (rate - centre) / sigma if sigma > 0 else None
    return ChartPoint(index, item.label, item.x, item.n, centre, rate, sigma, z,
                      _clip(centre - 3 * sigma), _clip(centre + 3 * sigma),
                      _clip(centre - 2 * sigma), _clip(centre + 2 * sigma),
                      _clip(centre - sigma), _clip(centre + sigma))


def _others(item: Observed, x: int, n: int, pooled: float | None) -> float | None:
    """The pooled rate of every period but `item` (the pooled rate when no other period has reviews)."""
    rest = n - item.n
    return (x - item.x) / rest if rest else pooled


def _beyond(point: ChartPoint, low: float | None, high: float | None) -> str | None:
    """ABOVE or BELOW when the point lies strictly outside (low, high). The limits are clipped to
    [0, 1]; a rate cannot pass a limit clipped at 0 or 1, exactly as it cannot pass the unclipped one."""
    assert point.rate is not None and low is not None and high is not None
    return ABOVE if point.rate > high else BELOW if point.rate < low else None


def _rule_beyond_limits(plotted: list[ChartPoint]) -> list[Signal]:
    signals = []
    for point in plotted:
        side = _beyond(point, point.lcl, point.ucl)
        if side:
            signals.append(Signal(point.index, point.label, BEYOND_LIMITS, side, (point.index,)))
    return signals


def _rule_run(plotted: list[ChartPoint]) -> list[Signal]:
    """Eight plotted points in a row strictly on one side: a signal at the 8th and at every further
    point of the same run. A point on the centre line ends the run; a gap does not (it is no point)."""
    signals: list[Signal] = []
    run: list[ChartPoint] = []
    run_side: str | None = None
    for point in plotted:
        side = point.side
        if side is None:
            run = []
        elif side == run_side:
            run.append(point)
        else:
            run = [point]
        run_side = side
        if len(run) >= RUN_LENGTH:
            signals.append(Signal(point.index, point.label, RUN_OF_EIGHT, side,  # type: ignore[arg-type]
                                  tuple(p.index for p in run)))
    return signals


def _rule_two_of_three(plotted: list[ChartPoint]) -> list[Signal]:
    """A signal at a point beyond 2 sigma when one of the two plotted points before it is beyond 2
    sigma on the same side (zone A or beyond, so a point beyond 3 sigma counts). Signalling only at
    a point that is itself beyond loses no pattern: one ending on a point inside 2 sigma already
    fired at its second point beyond."""
    signals = []
    for position, point in enumerate(plotted):
        side = _beyond(point, point.lower_2, point.upper_2)
        if side is None:
            continue
        before = [p for p in plotted[max(0, position - 2):position] if _beyond(p, p.lower_2, p.upper_2) == side]
        if before:
            signals.append(Signal(point.index, point.label, TWO_OF_THREE, side,
                                  tuple(p.index for p in before) + (point.index,)))
    return signals


def p_chart(periods: Iterable[Observed | tuple[str, int, int]], centre: float | None = None, *,
            leave_one_out: bool = False) -> PChart:
    """A p-chart of x of n per period, in the order given (oldest first).

    The centre line is p-bar = sum x / sum n over every period, unless `centre` gives a standard
    (a target rate). Each period gets its own limits p-bar -/+ 3 sqrt(p-bar (1 - p-bar) / n_i),
    clipped to [0, 1]. When p-bar is 0 or 1 every limit collapses onto the centre line: every
    point then lies on it (with an estimated centre) and no rule can fire.

    `leave_one_out`: each period's centre is the pooled rate of the *other* periods,
    (sum x - x_i) / (sum n - n_i), so a period does not pull its own centre line towards itself; its
    limits are 3 sigma around that centre. This is the revision of trial limits without the point
    being judged (Montgomery 7.3.1) done for every point: at 85% compliance and 120 reviews a quarter,
    a one-quarter dip to 75% lies beyond its limit, where the pooled centre, dragged down by the dip,
    leaves it inside. A period with no other reviews to compare with is judged against the pooled rate.
    `PChart.centre` stays the pooled rate, for reference.
    """
    items = [observed(item) for item in periods]
    x = sum(item.x for item in items)
    n = sum(item.n for item in items)
    if leave_one_out and centre is not None:
        raise ValueError("a given centre and leave_one_out exclude each other")
    line = check_rate(centre) if centre is not None else (x / n if n else None)
    points = tuple(_point(index, item, _others(item, x, n, line) if leave_one_out else line)
                   for index, item in enumerate(items))
    plotted = [p for p in points if not p.gap]
    signals: list[Signal] = []
    if line is not None:
        signals = (_rule_beyond_limits(plotted) + _rule_run(plotted) + _rule_two_of_three(plotted))
    signals.sort(key=lambda s: (s.index, RULES.index(s.rule)))
    return PChart(centre=line, x=x, n=n, points=points, signals=tuple(signals))
