"""Estimates reported from a review sample: proportions with intervals, strata, percentiles.

Standard library only. Rates are fractions in [0, 1]; the UI formats them as percent.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Mapping, Sequence

from workbench.stats.distributions import beta_quantile, t_quantile_upper
from foundation.errors import WorkbenchError, register

register({
    "statistics.confidence": "The confidence level must be strictly between 0 and 1 (got {value}).",
    "statistics.count": "The number of cases must be zero or more (got {value}).",
    "statistics.successes": "The number of successes must be between 0 and {n} (got {value}).",
    "statistics.stratum": "Stratum {name!r}: {problem}.",
    "statistics.duplicate_stratum": "Stratum {name!r} is listed more than once.",
    "statistics.quantile": "The percentile must be between 0 and 1 (got {value}).",
    "statistics.value": "Every value must be a finite number (got {value}).",
})

STRATIFIED_ESTIMATOR = ("stratified ratio estimate with the Korn-Graubard interval (Clopper-Pearson on the degrees-of-freedom-adjusted effective sample size; Korn & Graubard 1998, as R survey::svyciprop method \"beta\")")


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
    """One stratum of a stratified sample.

    `sample` counts the stratum's reviewed cases. For a domain estimate (a department, an
    examiner... within a stratified round) `domain` counts the reviewed cases of the stratum
    that belong to the domain and `successes` those of them that succeed; `domain` None means
    the whole sample (the population estimate).
    """

    name: str
    population: int
    sample: int
    successes: int
    domain: int | None = None

    @property
    def in_domain(self) -> int:
        return self.sample if self.domain is None else self.domain


@dataclass(frozen=True)
class StratifiedEstimate:
    """A rate estimated from a stratified sample, with its Korn-Graubard interval.

    The estimate covers the strata with at least one reviewed case (`strata`); strata without
    one are listed in `unsampled_strata`, and `covered_share` is the share of the population the
    covered strata hold. `population`, `sample` and `successes` sum over the covered strata
    (`sample` and `successes` within the domain). `single_case_strata` had one reviewed case
    and were centred on the overall estimate (R's survey.lonely.psu = "adjust").
    `effective_n` is the degrees-of-freedom-adjusted effective sample size the Clopper-Pearson
    interval was computed on; `degrees_of_freedom` is n - H (None when adjusted away, see
    `stratified_proportion`). `exact`: every stratum was fully reviewed, so the estimate has
    no sampling error.
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
    single_case_strata: tuple[str, ...]
    effective_n: float | None = None
    degrees_of_freedom: int | None = None
    zero_variance: bool = False
    exact: bool = False

    @property
    def rate(self) -> float | None:
        return self.estimate

    @property
    def n(self) -> int:
        return self.sample

    @property
    def covered_share(self) -> float:
        total = self.population + self.unsampled_population
        return self.population / total if total else 0.0


def _check_stratum(stratum: Stratum) -> None:
    if stratum.population < 0:
        problem = f"population {stratum.population} is negative"
    elif not 0 <= stratum.sample <= stratum.population:
        problem = f"sample {stratum.sample} is not between 0 and the population {stratum.population}"
    elif not 0 <= stratum.in_domain <= stratum.sample:
        problem = f"domain cases {stratum.in_domain} is not between 0 and the sample {stratum.sample}"
    elif not 0 <= stratum.successes <= stratum.in_domain:
        problem = f"successes {stratum.successes} is not between 0 and the sample {stratum.in_domain}"
    else:
        return
    raise WorkbenchError("statistics.stratum", name=stratum.name, problem=problem)


def stratum_weights(strata: Sequence[Stratum]) -> dict[str, float]:
    """The weight W_h = N_h / N each stratum gets in the estimate: N sums the covered strata (those
    with a reviewed case); an uncovered stratum gets 0."""
    covered = sum(s.population for s in strata if s.sample > 0)
    return {s.name: (s.population / covered if covered and s.sample > 0 else 0.0) for s in strata}


def influence_sums(scale: float, successes: int, fails: int, estimate: float) -> tuple[float, float]:
    """The sum and the sum of squares of the influence values z_i = scale * (y_i - p) of a group of
    reviewed cases sharing one weight: `successes` with y = 1, `fails` with y = 0 (in the domain)."""
    return (scale * (successes * (1.0 - estimate) - fails * estimate),
            scale * scale * (successes * (1.0 - estimate) ** 2 + fails * estimate ** 2))


def effective_size(estimate: float, variance: float, n: int) -> tuple[float, bool]:
    """Korn & Graubard's effective sample size p(1 - p) / variance, and whether the variance is zero
    (every case passes or every case fails): then the actual number of reviewed cases `n`."""
    zero_variance = variance <= 1e-15 * max(estimate * (1.0 - estimate), 1e-300)
    return (float(n) if zero_variance else estimate * (1.0 - estimate) / variance), zero_variance


def _stratified_variance(sampled: Sequence[Stratum], estimate: float, domain_weight: float) -> float:
    """Linearised (ratio) variance of the domain mean, with the finite population correction.

    Each reviewed case i of stratum h has the influence value z_i = w_h * d_i * (y_i - p) / W_d,
    w_h = N_h / n_h, d_i = 1 in the domain, W_d the estimated domain size. A stratum adds
    (1 - n_h/N_h) * n_h/(n_h - 1) * sum (z_i - mean_h z)^2; a stratum with one reviewed case
    adds (1 - 1/N_h) * z_i^2, i.e. its value centred on the overall estimate instead of on its
    own mean, which is R's survey.lonely.psu = "adjust".
    """
    variance = 0.0
    for s in sampled:
        if s.sample >= s.population:
            continue    # fully reviewed: no sampling error in this stratum
        total, squares = influence_sums(s.population / s.sample / domain_weight, s.successes,
                                        s.in_domain - s.successes, estimate)
        fpc = 1.0 - s.sample / s.population
        if s.sample == 1:
            variance += fpc * squares
        else:
            centred = max(0.0, squares - total * total / s.sample)
            variance += fpc * s.sample / (s.sample - 1) * centred
    return variance


def clopper_pearson(successes: float, n: float, confidence: float) -> tuple[float, float]:
    """The Clopper-Pearson interval of successes out of n, both possibly non-integer (n > 0)."""
    alpha = 1.0 - confidence
    failures = n - successes
    low = 0.0 if successes <= 0 else beta_quantile(alpha / 2.0, successes, failures + 1.0)
    high = 1.0 if failures <= 0 else beta_quantile(1.0 - alpha / 2.0, successes + 1.0, failures)
    return low, high


def stratified_proportion(strata: Sequence[Stratum], confidence: float = 0.95) -> StratifiedEstimate:
    """Stratified (domain) estimate p = sum_h w_h y_h / sum_h w_h d_h with its Korn-Graubard interval.

    w_h = N_h / n_h; for the whole population d_h = n_h and p = sum W_h p_h with W_h = N_h / N,
    N summing the covered strata. The interval is Korn & Graubard's (1998) Clopper-Pearson
    interval on the effective sample size n* = p(1 - p) / variance, multiplied by
    (t_{n-1} / t_{n-H})^2 for the degrees of freedom (n reviewed cases in the domain, H strata
    holding them), as R's `svyciprop(method = "beta")` computes it. Beyond R:
    - variance 0 (every stratum all pass or all fail): n* = n, the actual number of reviewed
      cases (Korn & Graubard), so the interval keeps its width where R's is undefined;
    - n - H = 0 (every stratum has one reviewed case in the domain): the single-case strata are
      centred together, as one collapsed stratum with n - 1 degrees of freedom, so the factor is 1
      (R gives no interval);
    - every stratum fully reviewed: the estimate is exact, the interval [p, p].
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
    n = sum(s.in_domain for s in sampled)
    common = dict(
        estimator=STRATIFIED_ESTIMATOR, confidence=confidence,
        population=sum(s.population for s in sampled), sample=n,
        successes=sum(s.successes for s in sampled), strata=sampled,
        unsampled_strata=tuple(s.name for s in unsampled),
        unsampled_population=sum(s.population for s in unsampled),
        single_case_strata=tuple(s.name for s in sampled if s.sample == 1 and s.population > 1),
    )
    if n == 0:
        return StratifiedEstimate(estimate=None, low=None, high=None, variance=None, standard_error=None,
                                  **common)
    domain_weight = sum(s.population / s.sample * s.in_domain for s in sampled)
    estimate = sum(s.population / s.sample * s.successes for s in sampled) / domain_weight
    estimate = min(1.0, max(0.0, estimate))
    variance = _stratified_variance(sampled, estimate, domain_weight)
    standard_error = math.sqrt(variance)
    if all(s.sample == s.population for s in strata):
        return StratifiedEstimate(estimate=estimate, low=estimate, high=estimate, variance=0.0,
                                  standard_error=0.0, effective_n=None, exact=True, **common)
    effective, zero_variance = effective_size(estimate, variance, n)
    holding = sum(1 for s in sampled if s.in_domain > 0)
    df: int | None = n - holding
    if df is not None and df >= 1 and n - 1 > df:
        alpha = 1.0 - confidence
        effective *= (t_quantile_upper(alpha, n - 1) / t_quantile_upper(alpha, df)) ** 2
    elif df is not None and df < 1:
        df = None     # collapsed: see the docstring
    low, high = clopper_pearson(effective * estimate, effective, confidence)
    return StratifiedEstimate(estimate=estimate, low=min(low, estimate), high=max(high, estimate),
                              variance=variance, standard_error=standard_error, effective_n=effective,
                              degrees_of_freedom=df, zero_variance=zero_variance, **common)


def _finite_sorted(values: Iterable[float]) -> list[float]:
    result = list(values)
    # The usual case, plain ints and floats, checked in C (a million review times); anything
    # else goes through the one-by-one check below, which names the offending value.
    if set(map(type, result)) <= _PLAIN and not any(map(math.isnan, result)):
        result.sort()
        if not result or (math.isfinite(result[0]) and math.isfinite(result[-1])):
            return result
    return _checked_sorted(result)


_PLAIN = {int, float}


def _checked_sorted(values: Iterable[float]) -> list[float]:
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
    return percentiles(values, (q,))[0]


def percentiles(values: Iterable[float], qs: Sequence[float]) -> tuple[float | None, ...]:
    """`percentile(values, q)` for each q, the values checked and sorted once (a report asks the
    median and the 90th percentile of the same 200,000 review times)."""
    for q in qs:
        if isinstance(q, bool) or not isinstance(q, (int, float)) or not 0.0 <= q <= 1.0:
            raise WorkbenchError("statistics.quantile", value=q)
    data = _finite_sorted(values)
    return tuple(_interpolated(data, q) for q in qs)


def _interpolated(data: list[float], q: float) -> float | None:
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


def counted_percentile(counts: Mapping[int, int], q: float) -> float | None:
    """`percentile` of the values counted in `counts` (value -> how many times; a histogram of
    whole days): the same order statistics and the same arithmetic, so the very same float,
    without a list of a million values."""
    if isinstance(q, bool) or not isinstance(q, (int, float)) or not 0.0 <= q <= 1.0:
        raise WorkbenchError("statistics.quantile", value=q)
    n = sum(counts.values())
    if not n:
        return None
    rank = q * (n - 1)
    lower = math.floor(rank)
    upper = min(lower + 1, n - 1)
    low_value = high_value = None
    seen = 0
    for value in sorted(v for v, c in counts.items() if c):
        seen += counts[value]
        if low_value is None and seen > lower:
            low_value = value
        if seen > upper:
            high_value = value
            break
    return low_value + (high_value - low_value) * (rank - lower)


def counted_median(counts: Mapping[int, int]) -> float | None:
    return counted_percentile(counts, 0.5)
