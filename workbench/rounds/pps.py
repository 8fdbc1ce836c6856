"""Risk-based draws: probability proportional to a size measure built from the risk score.

The size measure of case i is m_i = F + (1 - F) * s_i, s_i its risk score in [0, 1] (0 for a
case without a score) and F the floor (default 0.1). The floor keeps every case of the
population drawable (pi_i > 0), which is what makes the weighted estimates unbiased; F = 0.1
lets the riskiest case be at most ten times as likely to be drawn as a case with no indicator,
so the design weights 1/pi_i differ by at most a factor of ten and the variance they add (Kish's
design effect 1 + CV^2 of the weights) stays moderate, while a sample still holds several times
as many high-risk cases as a simple random one.

First-order inclusion probabilities: pi_i = n m_i / sum m, where a case whose pi_i would exceed 1
is taken with certainty (pi_i = 1) and the rest of the sample is shared again among the others,
until no pi_i exceeds 1 (take-all cases). The draw is systematic PPS over the population in a
seeded random order (randomised systematic sampling, Goodman & Kish 1950; Hartley & Rao 1962):
a fixed-size sample without replacement with exactly these pi_i, reproducible from the seed.
Pure functions; the generator is draw.SplitMix64.
"""
from __future__ import annotations

import math
from typing import Sequence

from foundation.errors import WorkbenchError, register
from workbench.rounds.draw import SplitMix64

register({
    "rounds.floor": "The floor of the risk size measure must be above 0 and at most 1 (got {value!r}).",
    "rounds.score": "Case {case}: the risk score must be between 0 and 1 (got {value!r}).",
})

DEFAULT_FLOOR = 0.1
_UNIT = 2 ** 53     # a uniform start in (0, 1] with 53 random bits


def check_floor(floor: object) -> float:
    """The floor as a float; refuses anything outside (0, 1]."""
    if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not math.isfinite(floor) \
            or not 0.0 < floor <= 1.0:
        raise WorkbenchError("rounds.floor", value=floor)
    return float(floor)


def size_measure(score: float, floor: float = DEFAULT_FLOOR) -> float:
    """m = F + (1 - F) * score: F for a case without risk, 1 for the riskiest."""
    return floor + (1.0 - floor) * score


def inclusion_probabilities(measures: Sequence[float], n: int) -> list[float]:
    """pi_i = n m_i / sum m, capped at 1 iteratively (take-all cases); the pi_i sum to n.

    Each pass sets the cases whose share reaches 1 to 1 and shares what is left of n among the
    others in proportion to m_i; it stops when no share exceeds 1 (at most n passes).
    """
    total_cases = len(measures)
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= total_cases:
        raise WorkbenchError("sampling.n", value=n, available=total_cases)
    for i, m in enumerate(measures):
        if not m > 0 or not math.isfinite(m):
            raise WorkbenchError("rounds.score", case=i, value=m)
    pis = [0.0] * total_cases
    open_ = list(range(total_cases))
    remaining = n
    while open_ and remaining > 0:
        total = math.fsum(measures[i] for i in open_)
        certain = [i for i in open_ if remaining * measures[i] >= total]
        if not certain:
            for i in open_:
                pis[i] = remaining * measures[i] / total
            break
        for i in certain:
            pis[i] = 1.0
        remaining -= len(certain)
        taken = set(certain)
        open_ = [i for i in open_ if i not in taken]
    return pis


def random_order(count: int, rng: SplitMix64) -> list[int]:
    """A random permutation of range(count): the indexes sorted by a 64-bit random key each (ties, with
    probability about count^2 / 2^65, keep index order). Three times as fast as Fisher-Yates here."""
    keys = rng.many(count)
    return sorted(range(count), key=keys.__getitem__)


def draw_pps(ids: Sequence[int], pis: Sequence[float], n: int, seed: int) -> list[int]:
    """Randomised systematic PPS: exactly n ids, id i drawn with probability pis[i] (which sum to n).

    The population is put in a random order from the seed; the cumulative sums C_k of the pi in
    that order cut (0, n] into intervals of length pi, and the points u, u + 1, ..., u + n - 1
    (u uniform in (0, 1]) each select the case whose interval holds them. An interval of length
    at most 1 holds at most one point, so no case is drawn twice and a take-all case always is.
    Returns ids in selection order.
    """
    if len(ids) != len(pis):
        raise ValueError("ids and pis differ in length")
    if n == 0:
        return []
    rng = SplitMix64(seed)
    order = random_order(len(ids), rng)
    start = (rng.below(_UNIT) + 1) / _UNIT
    drawn: list[int] = []
    cumulative = 0.0
    point = start
    last = len(order) - 1
    for position, index in enumerate(order):
        # The last interval ends at n exactly, so float drift in the sum cannot lose a point.
        cumulative = float(n) if position == last else cumulative + pis[index]
        if point <= cumulative and len(drawn) < n:
            drawn.append(ids[index])
            point += 1.0
    return drawn
