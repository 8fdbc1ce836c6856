"""Beta and Student t quantiles in plain Python, for the Clopper-Pearson and Korn-Graubard intervals.

The standard library has the normal distribution only; the interval of a stratified estimate
needs quantiles of the beta distribution with non-integer parameters (an effective sample size
is rarely a whole number) and of Student's t. Both come from the regularised incomplete beta
function I_x(a, b), evaluated by its continued fraction (Numerical Recipes, 3rd ed., 6.4; the
modified Lentz method) and inverted by bisection, which cannot fail to converge and gives
about 15 significant digits: the tests compare with R's qbeta and qt to 1e-9.
"""
from __future__ import annotations

import math
from statistics import NormalDist

_EPS = 1e-16
_TINY = 1e-300
# Continued-fraction terms needed grow like sqrt(max(a, b)); past this size a normal
# approximation of the beta distribution is accurate to far more digits than a report shows.
_LARGE = 1e7


def _continued_fraction(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 100_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS:
            break
    return h


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b) for a, b > 0."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    if a + b > _LARGE:
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1.0)))
        return NormalDist(mean, sd).cdf(x)
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    front = math.exp(log_front)
    # The fraction converges fast on the side of the mode; use the symmetry otherwise.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(p: float, a: float, b: float) -> float:
    """The p-quantile of Beta(a, b), a, b > 0 (R's qbeta), by bisection on beta_cdf."""
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    low, high = 0.0, 1.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if mid in (low, high):
            break
        if beta_cdf(mid, a, b) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2.0


def t_quantile_upper(alpha: float, df: float) -> float:
    """t such that P(|T| > t) = alpha for Student's t with df degrees of freedom (df > 0).

    P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2), so t follows from a beta quantile.
    """
    x = beta_quantile(alpha, df / 2.0, 0.5)
    return math.sqrt(df * (1.0 / x - 1.0))
