"""The Hájek estimator for a sample drawn with unequal probabilities (a risk-based round).

Each reviewed case i carries its first-order inclusion probability pi_i and design weight
w_i = 1 / pi_i. A rate, overall or within a domain (a department, an examiner, an IP type, the
cases a checklist item applies to), is the ratio p = sum w_i d_i y_i / sum w_i d_i (d_i = 1 in
the domain, y_i = 1 for a success), which is unbiased to first order whatever the pi_i are, as
long as every case of the population could be drawn (pi_i > 0).

Variance: the with-replacement (Hansen-Hurwitz) approximation of the linearised estimator,
v = n/(n - 1) sum (z_i - mean z)^2 over all n reviewed cases, z_i = w_i d_i (y_i - p) / sum w d,
with no finite population correction (conservative for a without-replacement draw). This is
what R's survey package computes for svydesign(ids = ~1, probs = ~pi) and svymean over a subset.
Interval: Korn & Graubard's Clopper-Pearson interval on the effective sample size
n* = p(1 - p) / v (R svyciprop(method = "beta")); with one stratum the degrees-of-freedom factor
(t_{d-1} / t_{d-1})^2 is 1. As for the stratified estimator, n* = d (the domain's reviewed cases)
when the variance is 0, so an all-pass sample still has an interval of honest width.

Cases are passed grouped by inclusion probability (`WeightGroup`): a round has few distinct
probabilities per group of cases, and the sums need only counts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from foundation.errors import WorkbenchError, register
from workbench.stats.intervals import (StratifiedEstimate, _check_confidence, clopper_pearson, effective_size,
                                       influence_sums)

register({
    "statistics.weight_group": "Inclusion probability {probability!r}: {problem}.",
})

WEIGHTED_ESTIMATOR = (
    "Hájek ratio estimate weighted by the design weights 1/pi (inclusion probabilities of the risk-based draw), "
    "with the with-replacement (Hansen-Hurwitz) variance of the linearised estimator and the Korn-Graubard "
    "interval (Clopper-Pearson on the effective sample size; as R survey::svyciprop method \"beta\")")


@dataclass(frozen=True)
class WeightGroup:
    """Reviewed cases sharing one inclusion probability: `sample` of them, `domain` of those in the
    domain (None: all) and `successes` of those that succeed."""

    probability: float
    sample: int
    successes: int
    domain: int | None = None

    @property
    def in_domain(self) -> int:
        return self.sample if self.domain is None else self.domain


def _check(group: WeightGroup) -> None:
    p = group.probability
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 < p <= 1.0:
        problem = "the probability must be above 0 and at most 1"
    elif group.sample < 0:
        problem = f"sample {group.sample} is negative"
    elif not 0 <= group.in_domain <= group.sample:
        problem = f"domain cases {group.in_domain} is not between 0 and the sample {group.sample}"
    elif not 0 <= group.successes <= group.in_domain:
        problem = f"successes {group.successes} is not between 0 and the domain cases {group.in_domain}"
    else:
        return
    raise WorkbenchError("statistics.weight_group", probability=p, problem=problem)


def hajek_variance(groups: Sequence[WeightGroup], estimate: float, domain_weight: float) -> float:
    """With-replacement variance of the linearised ratio: n/(n-1) * sum (z_i - mean z)^2."""
    n = sum(g.sample for g in groups)
    if n < 2:
        return 0.0
    total = squares = 0.0
    for g in groups:
        group_total, group_squares = influence_sums(1.0 / g.probability / domain_weight, g.successes,
                                                    g.in_domain - g.successes, estimate)
        total += group_total
        squares += group_squares
    return n / (n - 1) * max(0.0, squares - total * total / n)


def hajek_proportion(groups: Sequence[WeightGroup], confidence: float = 0.95) -> StratifiedEstimate:
    """The Hájek (domain) rate with its Korn-Graubard interval, as a StratifiedEstimate with no strata
    (`estimator` says which estimator it is; `population` is the estimated domain size sum w d)."""
    _check_confidence(confidence)
    for group in groups:
        _check(group)
    d = sum(g.in_domain for g in groups)
    successes = sum(g.successes for g in groups)
    domain_weight = math.fsum(g.in_domain / g.probability for g in groups)
    common = dict(estimator=WEIGHTED_ESTIMATOR, confidence=confidence, population=round(domain_weight),
                  sample=d, successes=successes, strata=(), unsampled_strata=(), unsampled_population=0,
                  single_case_strata=())
    if d == 0:
        return StratifiedEstimate(estimate=None, low=None, high=None, variance=None, standard_error=None, **common)
    estimate = math.fsum(g.successes / g.probability for g in groups) / domain_weight
    estimate = min(1.0, max(0.0, estimate))
    variance = hajek_variance(groups, estimate, domain_weight)
    effective, zero_variance = effective_size(estimate, variance, d)
    low, high = clopper_pearson(effective * estimate, effective, confidence)
    return StratifiedEstimate(estimate=estimate, low=min(low, estimate), high=max(high, estimate),
                              variance=variance, standard_error=math.sqrt(variance), effective_n=effective,
                              degrees_of_freedom=d - 1 if d > 1 else None, zero_variance=zero_variance,
                              **common)
