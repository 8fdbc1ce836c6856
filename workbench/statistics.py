"""Estimates reported from a review sample: proportions with intervals, strata, percentiles.

Standard library only. Rates are fractions in [0, 1]; the UI formats them as percent.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Sequence

from workbench.errors import WorkbenchError, register

register({
    "statistics.confidence": "The confidence level must be strictly between 0 and 1 (got {value}).",
    "statistics.count": "The number of cases must be zero or more (got {value}).",
    "statistics.successes": "The number of successes must be between 0 and {n} (got {value}).",
    "statistics.stratum": "Stratum {name!r}: {problem}.",
    "statistics.duplicate_stratum": "Stratum {name!r} is listed more than once.",
    "statistics.quantile": "The percentile must be between 0 and 1 (got {value}).",
    "statistics.value": "Every value must be a finite number (got {value}).",
})

STRATIFIED_ESTIMATOR = "stratified (proportional weights by population share)"


def _check_confidence(confidence: float) -> None:
    if not isinstance(confidence, (int, float)) or not 0.0 < confidence < 1.0:
        raise WorkbenchError("statistics.confidence", value=confidence)


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile: 0.95 -> 1.959964.

    `NormalDist.inv_cdf` is exact to double precision, so 1.96-style rounding never
    leaks into sample sizes or intervals.
    """
    _check_confidence(confidence)
    return NormalDist().inv_cdf(1.0 - (1.0 - confidence) / 2.0)


@dataclass(frozen=True)
class Proportion:
    """An observed rate with its Wilson score interval; all None when n == 0."""

    successes: int
    n: int
    rate: float | None
    low: float | None
    high: float | None


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> Proportion:
    """Wilson score interval for successes out of n.

    Chosen over the normal (Wald) interval because it stays inside [0, 1] and keeps
    its coverage for the small samples and near-100% rates typical of quality review.
    """
    _check_confidence(confidence)
    if n < 0:
        raise WorkbenchError("statistics.count", value=n)
    if not 0 <= successes <= n:
        raise WorkbenchError("statistics.successes", value=successes, n=n)
    if n == 0:
        return Proportion(successes=0, n=0, rate=None, low=None, high=None)
    z = z_value(confidence)
    p = successes / n
    z2n = z * z / n
    centre = (p + z2n / 2.0) / (1.0 + z2n)
    half = z / (1.0 + z2n) * math.sqrt(p * (1.0 - p) / n + z2n / (4.0 * n))
    # At 0% and 100% the bound is exactly 0 or 1; set it so float noise cannot leak.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Proportion(successes=successes, n=n, rate=p, low=low, high=high)


@dataclass(frozen=True)
class Stratum:
    """One stratum of a stratified sample: its population, sample size and successes."""

    name: str
    population: int
    sample: int
    successes: int


@dataclass(frozen=True)
class StratifiedEstimate:
    """A population rate estimated from a stratified sample.

    `population`, `sample` and `successes` sum over the sampled strata only: strata
    without a sample are listed in `unsampled_strata` and their population
    (`unsampled_population`) is not covered by the estimate. Strata with a single
    sampled case give no variance information and contribute zero variance; they
    are listed in `strata_without_variance` so a report can warn that the interval
    is then too narrow.
    """

    estimator: str
    confidence: float
    estimate: float | None
    low: float | None
    high: float | None
    variance: float | None
    standard_error: float | None
    population: int
    sample: int
    successes: int
    strata: tuple[Stratum, ...]
    unsampled_strata: tuple[str, ...]
    unsampled_population: int
    strata_without_variance: tuple[str, ...]


def _check_stratum(stratum: Stratum) -> None:
    if stratum.population < 0:
        problem = f"population {stratum.population} is negative"
    elif not 0 <= stratum.sample <= stratum.population:
        problem = f"sample {stratum.sample} is not between 0 and the population {stratum.population}"
    elif not 0 <= stratum.successes <= stratum.sample:
        problem = f"successes {stratum.successes} is not between 0 and the sample {stratum.sample}"
    else:
        return
    raise WorkbenchError("statistics.stratum", name=stratum.name, problem=problem)


def stratified_proportion(strata: Sequence[Stratum], confidence: float = 0.95) -> StratifiedEstimate:
    """Stratified estimate p_st = sum W_h p_h with W_h = N_h / N.

    Variance: sum W_h^2 (1 - n_h/N_h) p_h (1 - p_h) / (n_h - 1), i.e. with the finite
    population correction, since review samples are often a large share of a
    stratum. Interval: p_st +/- z * sqrt(variance), clipped to [0, 1].
    N sums the sampled strata only (see `StratifiedEstimate`).
    """
    _check_confidence(confidence)
    seen: set[str] = set()
    for stratum in strata:
        if stratum.name in seen:
            raise WorkbenchError("statistics.duplicate_stratum", name=stratum.name)
        seen.add(stratum.name)
        _check_stratum(stratum)

    sampled = tuple(s for s in strata if s.sample > 0)
    unsampled = tuple(s for s in strata if s.sample == 0)
    population = sum(s.population for s in sampled)
    common = dict(
        estimator=STRATIFIED_ESTIMATOR,
        confidence=confidence,
        population=population,
        sample=sum(s.sample for s in sampled),
        successes=sum(s.successes for s in sampled),
        strata=sampled,
        unsampled_strata=tuple(s.name for s in unsampled),
        unsampled_population=sum(s.population for s in unsampled),
        strata_without_variance=tuple(s.name for s in sampled if s.sample <= 1),
    )
    if not sampled:
        return StratifiedEstimate(
            estimate=None, low=None, high=None, variance=None, standard_error=None, **common
        )

    estimate = 0.0
    variance = 0.0
    for s in sampled:
        weight = s.population / population
        p = s.successes / s.sample
        estimate += weight * p
        if s.sample > 1:
            fpc = 1.0 - s.sample / s.population
            variance += weight * weight * fpc * p * (1.0 - p) / (s.sample - 1)
    standard_error = math.sqrt(variance)
    half = z_value(confidence) * standard_error
    return StratifiedEstimate(
        estimate=estimate,
        low=max(0.0, estimate - half),
        high=min(1.0, estimate + half),
        variance=variance,
        standard_error=standard_error,
        **common,
    )


def _finite_sorted(values: Iterable[float]) -> list[float]:
    result = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise WorkbenchError("statistics.value", value=value)
        result.append(value)
    result.sort()
    return result


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th quantile (q in [0, 1]) by linear interpolation between order statistics.

    Same definition as Excel's PERCENTILE.INC and numpy's default, so figures in
    the exported workbook match what a reviewer recomputes in Excel.
    None for no values.
    """
    if isinstance(q, bool) or not isinstance(q, (int, float)) or not 0.0 <= q <= 1.0:
        raise WorkbenchError("statistics.quantile", value=q)
    data = _finite_sorted(values)
    if not data:
        return None
    rank = q * (len(data) - 1)
    lower = math.floor(rank)
    upper = min(lower + 1, len(data) - 1)
    fraction = rank - lower
    return data[lower] + (data[upper] - data[lower]) * fraction


def median(values: Iterable[float]) -> float | None:
    """The median (mean of the two middle values for an even count); None for no values."""
    return percentile(values, 0.5)
