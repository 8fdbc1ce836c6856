"""Funnel plots: each unit's rate (a department, an examiner) against its number of reviewed cases,
with 95% and 99.8% limits around a target that narrow as the number grows, so a unit is judged
against the noise its own size allows and nobody is ranked.

Standard library only. Spiegelhalter (2005), "Funnel plots for comparing institutional
performance", Statistics in Medicine 24:1185-1202: binomial limits with the paper's interpolation
(appendix A.1.1), or the normal approximation; overdispersion from winsorised z-scores and the
limits widened by it (section 5.2, multiplicative, or section 5.3, additive with DerSimonian-Laird's
tau^2). The paper calls a unit between the 95% and 99.8% limits an "alert", beyond 99.8% an
"alarm". docs/statistics.md gives the formulas, the choice made for the upper binomial limit and a
worked example.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Sequence

from workbench.stats.control import Observed, check_rate, observed
from workbench.stats.distributions import beta_cdf
from workbench.stats.intervals import percentile

ALERT = 0.95       # two-sided coverage of the inner limits (about 2 standard deviations)
ALARM = 0.998      # ... and of the outer limits (about 3)

#: How the limits are computed (`method`).
BINOMIAL = "binomial"            # the paper's interpolated binomial quantiles, each tail from its own side
SPIEGELHALTER = "spiegelhalter"  # the paper's formula applied literally to both limits
NORMAL = "normal"                # target -/+ z sqrt(target (1 - target) / n)
METHODS = (BINOMIAL, SPIEGELHALTER, NORMAL)

#: How overdispersion widens the limits (`adjustment`).
NO_ADJUSTMENT = "none"
MULTIPLICATIVE = "multiplicative"   # variance times phi (section 5.2)
ADDITIVE = "additive"               # variance plus tau^2, a random-effects spread (section 5.3)
ADJUSTMENTS = (NO_ADJUSTMENT, MULTIPLICATIVE, ADDITIVE)

WINSOR = (0.10, 0.90)    # z-scores are pulled in to these percentiles before estimating phi

#: Where a unit lies (FunnelUnit.position).
BELOW_ALARM = "below_99_8"
BELOW_ALERT = "below_95"
INSIDE = "inside"
ABOVE_ALERT = "above_95"
ABOVE_ALARM = "above_99_8"
NO_CASES = "no_cases"
#: (English, Simplified Chinese) for each position.
POSITION_LABELS: dict[str, tuple[str, str]] = {
    BELOW_ALARM: ("Below the 99.8% limit", "低于99.8%控制限"),
    BELOW_ALERT: ("Below the 95% limit", "低于95%控制限"),
    INSIDE: ("Inside the limits", "在控制限内"),
    ABOVE_ALERT: ("Above the 95% limit", "高于95%控制限"),
    ABOVE_ALARM: ("Above the 99.8% limit", "高于99.8%控制限"),
    NO_CASES: ("No reviewed cases", "无已评查案件"),
}


@dataclass(frozen=True)
class FunnelLimits:
    """The limits for a unit of n cases: 95% (`low_95`, `high_95`) and 99.8% (`low_998`,
    `high_998`), two-sided, clipped to [0, 1]."""

    n: int
    target: float
    low_95: float
    high_95: float
    low_998: float
    high_998: float


@dataclass(frozen=True)
class Overdispersion:
    """How much more the units vary than binomial noise allows.

    `units`: units with at least one case (I). `phi`: the winsorised mean squared z-score,
    (1/I) sum z_i^2 with z pulled in to [`z_low`, `z_high`], its 10th and 90th percentiles; about 1
    when the units differ by chance only. `tau2`: DerSimonian-Laird's between-unit variance on the
    rate scale, 0 when I phi <= I - 1. phi and tau2 are None with fewer than two units or a target
    of 0 or 1 (no z-scores then).
    """

    units: int
    phi: float | None
    tau2: float | None
    z_low: float | None
    z_high: float | None

    @property
    def overdispersed(self) -> bool:
        return self.phi is not None and self.phi > 1.0


@dataclass(frozen=True)
class FunnelUnit:
    """One unit: `rate` = x / n, its z-score against the target (None when n or the target's
    variance is 0), its `position` (a POSITION_LABELS code) and the limits at its n (None when
    n == 0)."""

    label: str
    x: int
    n: int
    rate: float | None
    z: float | None
    position: str
    limits: FunnelLimits | None


@dataclass(frozen=True)
class Funnel:
    """A funnel plot. `widened` says the limits were widened for overdispersion (an adjustment was
    asked for and phi > 1); they are then on the normal scale, as the paper defines them."""

    target: float | None
    method: str
    adjustment: str
    overdispersion: Overdispersion
    widened: bool
    units: tuple[FunnelUnit, ...]

    def limits(self, n: int) -> FunnelLimits | None:
        """The limits this funnel draws at n cases (None without a target)."""
        if self.target is None:
            return None
        phi, tau2 = _widening(self.adjustment, self.overdispersion)
        return funnel_limits(self.target, n, method=self.method, phi=phi, tau2=tau2)

    def curve(self, sizes: Iterable[int] | None = None) -> tuple[FunnelLimits, ...]:
        """The limits at each size, for drawing; by default at `drawing_sizes` up to the largest unit."""
        if self.target is None:
            return ()
        chosen = drawing_sizes(max((u.n for u in self.units), default=0)) if sizes is None else sizes
        return tuple(self.limits(n) for n in chosen)  # type: ignore[misc]

    @property
    def outside(self) -> tuple[FunnelUnit, ...]:
        """The units beyond either 95% limit, in input order."""
        return tuple(u for u in self.units if u.position not in (INSIDE, NO_CASES))


# --- limits ------------------------------------------------------------------------------------

def _binomial_cdf(r: int, n: int, theta: float) -> float:
    """P(R <= r) for R ~ Binomial(n, theta): I_{1-theta}(n - r, r + 1)."""
    if r < 0:
        return 0.0
    if r >= n:
        return 1.0
    return beta_cdf(1.0 - theta, n - r, r + 1)


def _binomial_quantile(p: float, n: int, theta: float) -> int:
    """The smallest r with P(R <= r) >= p, searched from the normal approximation."""
    guess = n * theta + NormalDist().inv_cdf(p) * math.sqrt(n * theta * (1.0 - theta))
    r = min(n, max(0, round(guess)))
    while r > 0 and _binomial_cdf(r - 1, n, theta) >= p:
        r -= 1
    while _binomial_cdf(r, n, theta) < p:
        r += 1
    return r


def spiegelhalter_limit(p: float, n: int, theta: float) -> float:
    """The paper's p-limit on the rate scale (appendix A.1.1), before clipping.

    With r_p the smallest r such that P(R <= r) >= p,
    alpha = (P(R <= r_p) - p) / (P(R <= r_p) - P(R <= r_p - 1)) and the limit is (r_p - alpha) / n:
    the quantile of R with the probability of each count r spread evenly over (r - 1, r], so the
    limit moves smoothly with n instead of in steps.
    """
    r = _binomial_quantile(p, n, theta)
    at, below = _binomial_cdf(r, n, theta), _binomial_cdf(r - 1, n, theta)
    return (r - (at - p) / (at - below)) / n


def binomial_limit(p: float, n: int, theta: float) -> float:
    """The p-limit with the paper's interpolation taken from each tail's own side, before clipping.

    A lower limit (p < 0.5) is the paper's. An upper limit is the paper's lower limit of the other
    outcome's rate: 1 - spiegelhalter_limit(1 - p, n, 1 - theta), which comes to the paper's upper
    limit plus 1/n. Spread over (r - 1, r], a count at the upper quantile always lies above the
    paper's upper limit, so with a target of 85% every unit with all n compliant, n up to 22, would
    be "above 95%" though that happens to a unit on target more than 2.5% of the time (61% at
    n = 3). Taken from its own side each tail is conservative (a unit on target falls beyond a
    limit with at most the nominal probability) and the funnel of the error rate is exactly the
    mirror of the funnel of compliance.
    """
    if p < 0.5:
        return spiegelhalter_limit(p, n, theta)
    return 1.0 - spiegelhalter_limit(1.0 - p, n, 1.0 - theta)


def normal_limit(p: float, n: int, theta: float, phi: float = 1.0, tau2: float = 0.0) -> float:
    """theta + z_p sqrt(phi theta (1 - theta) / n + tau2), before clipping: the normal
    approximation, widened multiplicatively by phi or additively by tau2."""
    return theta + NormalDist().inv_cdf(p) * math.sqrt(phi * theta * (1.0 - theta) / n + tau2)


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def funnel_limits(target: float, n: int, *, method: str = BINOMIAL,
                  phi: float = 1.0, tau2: float = 0.0) -> FunnelLimits:
    """The 95% and 99.8% limits at n cases (n >= 1) around `target`.

    phi > 1 or tau2 > 0 widens them for overdispersion; the limits are then normal ones,
    target -/+ z sqrt(phi target (1 - target) / n + tau2), whatever the method.
    """
    target = check_rate(target)
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS} (got {method!r})")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"limits need at least one case (got n = {n!r})")
    if not phi > 0 or not tau2 >= 0:
        raise ValueError(f"phi must be positive and tau2 zero or more (got {phi!r}, {tau2!r})")

    def limit(p: float) -> float:
        if phi > 1.0 or tau2 > 0.0 or method == NORMAL:
            return normal_limit(p, n, target, max(phi, 1.0), tau2)
        if method == SPIEGELHALTER:
            return spiegelhalter_limit(p, n, target)
        return binomial_limit(p, n, target)

    alert, alarm = (1.0 - ALERT) / 2.0, (1.0 - ALARM) / 2.0
    return FunnelLimits(n=n, target=target,
                        low_95=_clip(limit(alert)), high_95=_clip(limit(1.0 - alert)),
                        low_998=_clip(limit(alarm)), high_998=_clip(limit(1.0 - alarm)))


def drawing_sizes(largest: int, points: int = 60) -> tuple[int, ...]:
    """Whole numbers of cases from 1 to `largest`, spaced evenly on a log scale (at most `points`):
    the funnel bends most at small n, so a chart needs more points there."""
    if largest < 1:
        return ()
    if largest <= points:
        return tuple(range(1, largest + 1))
    step = math.log(largest) / (points - 1)
    return tuple(sorted({min(largest, max(1, round(math.exp(i * step)))) for i in range(points)} | {largest}))


# --- overdispersion and the plot ---------------------------------------------------------------

def z_score(x: int, n: int, target: float) -> float | None:
    """(x/n - target) / sqrt(target (1 - target) / n); None when n or the variance is 0."""
    if n == 0 or target in (0.0, 1.0):
        return None
    return (x / n - target) / math.sqrt(target * (1.0 - target) / n)


def overdispersion(units: Sequence[Observed | tuple[str, int, int]], target: float) -> Overdispersion:
    """phi and tau^2 of the units around `target` (Spiegelhalter 2005, section 5).

    phi = (1/I) sum z_i^2 after winsorising the z-scores at their 10th and 90th percentiles (linear
    interpolation, as `percentile`), so one or two extreme units cannot inflate it and hide
    themselves. tau^2 = (I phi - (I - 1)) / (sum w_i - sum w_i^2 / sum w_i), w_i = 1 / s_i^2 =
    n_i / (target (1 - target)), and 0 when the numerator is negative.
    """
    target = check_rate(target)
    items = [observed(u) for u in units]
    scored = [(u.n, z_score(u.x, u.n, target)) for u in items if u.n > 0]
    zs = [z for _, z in scored if z is not None]
    if len(zs) < 2:
        return Overdispersion(units=len(scored), phi=None, tau2=None, z_low=None, z_high=None)
    low, high = percentile(zs, WINSOR[0]), percentile(zs, WINSOR[1])
    assert low is not None and high is not None
    phi = sum(min(high, max(low, z)) ** 2 for z in zs) / len(zs)
    weights = [n / (target * (1.0 - target)) for n, _ in scored]
    spread = sum(weights) - sum(w * w for w in weights) / sum(weights)
    excess = len(zs) * phi - (len(zs) - 1)
    tau2 = max(0.0, excess / spread) if spread > 0 else 0.0
    return Overdispersion(units=len(zs), phi=phi, tau2=tau2, z_low=low, z_high=high)


def _widening(adjustment: str, spread: Overdispersion) -> tuple[float, float]:
    """(phi, tau2) to widen the limits with: only when asked for and phi > 1."""
    if not spread.overdispersed or adjustment == NO_ADJUSTMENT:
        return 1.0, 0.0
    if adjustment == MULTIPLICATIVE:
        return spread.phi or 1.0, 0.0
    return 1.0, spread.tau2 or 0.0


def position(rate: float, limits: FunnelLimits) -> str:
    """Where a rate lies against the limits; a rate on a limit is inside it."""
    if rate < limits.low_998:
        return BELOW_ALARM
    if rate < limits.low_95:
        return BELOW_ALERT
    if rate > limits.high_998:
        return ABOVE_ALARM
    if rate > limits.high_95:
        return ABOVE_ALERT
    return INSIDE


def funnel(units: Sequence[Observed | tuple[str, int, int]], *, target: float | None = None,
           method: str = BINOMIAL, adjustment: str = NO_ADJUSTMENT) -> Funnel:
    """Each unit placed against the funnel around `target` (by default the overall rate,
    sum x / sum n), in the order given.

    The overdispersion is always estimated and reported; `adjustment` MULTIPLICATIVE or ADDITIVE
    widens the limits with it when phi > 1 (below 1 the units vary less than chance and the
    limits stay as they are).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS} (got {method!r})")
    if adjustment not in ADJUSTMENTS:
        raise ValueError(f"adjustment must be one of {ADJUSTMENTS} (got {adjustment!r})")
    items = [observed(u) for u in units]
    total_n = sum(u.n for u in items)
    centre = check_rate(target) if target is not None else (sum(u.x for u in items) / total_n if total_n else None)
    spread = (overdispersion(items, centre) if centre is not None
              else Overdispersion(units=0, phi=None, tau2=None, z_low=None, z_high=None))
    phi, tau2 = _widening(adjustment, spread)
    placed = []
    for u in items:
        limits = funnel_limits(centre, u.n, method=method, phi=phi, tau2=tau2) if centre is not None and u.n else None
        rate = u.x / u.n if u.n else None
        where = position(rate, limits) if rate is not None and limits is not None else NO_CASES
        z = z_score(u.x, u.n, centre) if centre is not None else None
        placed.append(FunnelUnit(label=u.label, x=u.x, n=u.n, rate=rate, z=z, position=where, limits=limits))
    return Funnel(target=centre, method=method, adjustment=adjustment, overdispersion=spread,
                  widened=(phi, tau2) != (1.0, 0.0), units=tuple(placed))
