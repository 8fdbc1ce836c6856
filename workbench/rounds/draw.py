"""Drawing review samples and sharing them among reviewers: pure functions over case ids.

Every draw is reproducible from its seed on any machine and Python version: the
generator is SplitMix64 written out here, not `random`, whose algorithms may change
between versions. Callers pass ids in a stable order (e.g. by application number);
the same ids, size and seed always give the same sample, so a sample can be
re-derived and audited later from what the database records.
"""
from __future__ import annotations

import hashlib
import math
from collections import deque
from fractions import Fraction
from typing import Literal, Mapping, Sequence

from foundation.errors import WorkbenchError, register

register({
    "sampling.seed": "The seed must be a whole number (got {value!r}).",
    "sampling.n": "The sample size must be between 0 and {available} (got {value}).",
    "sampling.duplicate_ids": "Case {case} appears more than once.",
    "sampling.method": "Unknown allocation method {value!r}: use proportional, equal, neyman or risk.",
    "sampling.population": "Stratum {stratum!r}: the population must be zero or more (got {value}).",
    "sampling.n_exceeds_population": "A sample of {n} is larger than the population of {population}.",
    "sampling.minimum": "The minimum per stratum must be zero or more (got {value}).",
    "sampling.minimum_exceeds_n": (
        "A minimum of {minimum} per stratum needs {needed} cases, more than the sample of {n}."
    ),
    "sampling.expected_missing": "Stratum {stratum!r} has no expected rate (needed for Neyman allocation).",
    "sampling.expected": "Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value}).",
    "sampling.unknown_stratum": "Stratum {stratum!r} has an allocation but no cases.",
    "sampling.allocation_exceeds_stratum": (
        "Stratum {stratum!r}: cannot draw {n} cases from {available}."
    ),
    "sampling.duplicate_reviewer": "Reviewer {reviewer!r} is listed more than once.",
    "sampling.unknown_reviewer": "A cap is given for {reviewer!r}, who is not a reviewer.",
    "sampling.cap": "Reviewer {reviewer!r}: the cap must be zero or more (got {value}).",
    "sampling.effort": "Case {case}: the effort must be a finite number of zero or more (got {value}).",
    "sampling.unassignable": (
        "No reviewer can take case {case} (examiner {examiner}): "
        "the others are its examiner or have reached their cap."
    ),
})

_MASK64 = (1 << 64) - 1


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _seed64(seed: int) -> int:
    if not _is_int(seed):
        raise WorkbenchError("sampling.seed", value=seed)
    return seed & _MASK64  # negative and huge seeds map onto the 64-bit state


class SplitMix64:
    """Sebastiano Vigna's SplitMix64: tiny, fast, and fully specified by its constants."""

    def __init__(self, seed: int) -> None:
        self._state = _seed64(seed)

    def next_u64(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK64
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def many(self, count: int) -> list[int]:
        """The next `count` values of next_u64, computed with local variables (a risk-based draw
        needs one per case of the population)."""
        state, mask, values = self._state, _MASK64, []
        append = values.append
        for _ in range(count):
            state = (state + 0x9E3779B97F4A7C15) & mask
            z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & mask
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
            append(z ^ (z >> 31))
        self._state = state
        return values

    def below(self, bound: int) -> int:
        """Uniform integer in [0, bound): rejection sampling, so no modulo bias."""
        if not _is_int(bound) or bound < 1:
            raise ValueError(f"bound must be a positive integer, got {bound!r}")
        limit = (1 << 64) - (1 << 64) % bound  # largest multiple of bound <= 2^64
        while True:
            value = self.next_u64()
            if value < limit:
                return value % bound


def _check_draw(ids: Sequence[int], n: int) -> None:
    seen: set[int] = set()
    for case_id in ids:
        if case_id in seen:
            raise WorkbenchError("sampling.duplicate_ids", case=case_id)
        seen.add(case_id)
    if not _is_int(n) or not 0 <= n <= len(ids):
        raise WorkbenchError("sampling.n", value=n, available=len(ids))


def draw_random(ids: Sequence[int], n: int, seed: int) -> list[int]:
    """Simple random sample of n ids without replacement, in draw order.

    Partial Fisher-Yates: step i swaps a uniformly chosen remaining id into place i.
    """
    _check_draw(ids, n)
    rng = SplitMix64(seed)
    pool = list(ids)
    for i in range(n):
        j = i + rng.below(len(pool) - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:n]


def draw_systematic(ids: Sequence[int], n: int, seed: int) -> list[int]:
    """Systematic sample: every k-th id from a random start, k = N/n as an exact fraction.

    Positions are floor(start + i*k) with start uniform in [0, k). Drawing
    start = u/n with u uniform in [0, N) selects exactly the same positions as a
    continuous start (floor((u + i*N)/n) does not depend on the fraction of u), and
    stays in integer arithmetic. Returns ids in list order.
    """
    _check_draw(ids, n)
    if n == 0:
        return []
    population = len(ids)
    u = SplitMix64(seed).below(population)
    return [ids[(u + i * population) // n] for i in range(n)]


# --- allocation to strata ----------------------------------------------------

AllocationMethod = Literal["proportional", "equal", "neyman", "risk"]


def _clamp(value: Fraction, low: int, high: int) -> Fraction:
    return min(max(value, Fraction(low)), Fraction(high))


def _fill(
    names: list[str],
    weight: dict[str, Fraction],
    lower: dict[str, int],
    upper: dict[str, int],
    n: int,
) -> dict[str, Fraction] | None:
    """Exact targets x_h = clamp(lam * w_h, lower_h, upper_h) summing to n; None if impossible.

    The sum is piecewise linear and non-decreasing in lam, with kinks where a
    stratum reaches its minimum or its population; find the piece that crosses n.
    This is what gives a capped stratum's excess to the others, in proportion.
    """
    def total(lam: Fraction) -> Fraction:
        return sum((_clamp(lam * weight[h], lower[h], upper[h]) for h in names), Fraction(0))

    reach = sum(upper[h] if weight[h] > 0 else lower[h] for h in names)
    if reach < n:
        return None
    kinks = sorted({Fraction(bound, 1) / weight[h]
                    for h in names if weight[h] > 0
                    for bound in (lower[h], upper[h])})
    previous, reached = Fraction(0), total(Fraction(0))
    lam = previous
    for kink in kinks:
        if reached >= n:
            break
        at_kink = total(kink)
        if at_kink >= n:
            lam = previous + (n - reached) * (kink - previous) / (at_kink - reached)
            break
        previous, reached = kink, at_kink
    return {h: _clamp(lam * weight[h], lower[h], upper[h]) for h in names}


def allocate(
    strata: Mapping[str, int],
    n: int,
    method: AllocationMethod = "proportional",
    *,
    expected: Mapping[str, float] | None = None,
    min_per_stratum: int = 0,
    factors: Mapping[str, float] | None = None,
) -> dict[str, int]:
    """Share a sample of n among strata (name -> population); the result sums to n exactly.

    proportional: n_h ~ N_h. equal: the same for every non-empty stratum. neyman:
    n_h ~ N_h * S_h with S_h = sqrt(p_h (1 - p_h)) from `expected` (the rate
    expected in each stratum), so strata expected near 0% or 100% get few cases:
    a stratum with S_h = 0 gets only its minimum unless the others are exhausted.
    risk: n_h ~ N_h * f_h with f_h from `factors` (1 when absent): over-sampling
    of the strata with a higher factor, e.g. the high risk band.

    Each stratum gets at least min(min_per_stratum, N_h) and at most N_h; what a
    full stratum cannot take goes to the others in proportion. Fractional shares
    are rounded by largest remainder (ties in name order), so the result is
    deterministic and sums to n. Keys come back sorted.
    """
    names = sorted(strata)
    _check_allocation(strata, names, n, method, min_per_stratum)
    upper = {h: strata[h] for h in names}
    lower = {h: min(min_per_stratum, upper[h]) for h in names}
    needed = sum(lower.values())
    if needed > n:
        raise WorkbenchError("sampling.minimum_exceeds_n", n=n, minimum=min_per_stratum, needed=needed)
    weight = _weights(names, upper, method, expected, factors)
    targets = _fill(names, weight, lower, upper, n)
    if targets is None:
        # The weighted strata are all full: the rest goes to zero-weight strata by size.
        lower2 = {h: upper[h] if weight[h] > 0 else lower[h] for h in names}
        weight2 = {h: Fraction(0) if weight[h] > 0 else Fraction(upper[h]) for h in names}
        targets = _fill(names, weight2, lower2, upper, n)
        assert targets is not None  # n <= population was checked
    return _round_largest_remainder(names, targets, n)


def _check_allocation(strata: Mapping[str, int], names: list[str], n: int, method: str,
                      min_per_stratum: int) -> None:
    for h in names:
        if not _is_int(strata[h]) or strata[h] < 0:
            raise WorkbenchError("sampling.population", stratum=h, value=strata[h])
    population = sum(strata[h] for h in names)
    if not _is_int(n) or n < 0:
        raise WorkbenchError("sampling.n", value=n, available=population)
    if n > population:
        raise WorkbenchError("sampling.n_exceeds_population", n=n, population=population)
    if method not in ("proportional", "equal", "neyman", "risk"):
        raise WorkbenchError("sampling.method", value=method)
    if not _is_int(min_per_stratum) or min_per_stratum < 0:
        raise WorkbenchError("sampling.minimum", value=min_per_stratum)


def _weights(names: list[str], upper: Mapping[str, int], method: str,
             expected: Mapping[str, float] | None,
             factors: Mapping[str, float] | None = None) -> dict[str, Fraction]:
    """Each stratum's weight: N_h (proportional), 1 per non-empty stratum (equal), N_h * S_h (neyman)
    or N_h * f_h (risk)."""
    if method == "proportional":
        return {h: Fraction(upper[h]) for h in names}
    if method == "risk":
        return {h: upper[h] * Fraction((factors or {}).get(h, 1.0)) for h in names}
    if method == "equal":
        return {h: Fraction(1 if upper[h] > 0 else 0) for h in names}
    weight = {}
    for h in names:
        p = (expected or {}).get(h)
        if p is None:
            raise WorkbenchError("sampling.expected_missing", stratum=h)
        if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
            raise WorkbenchError("sampling.expected", stratum=h, value=p)
        weight[h] = upper[h] * Fraction(math.sqrt(p * (1.0 - p)))
    return weight


def _round_largest_remainder(names: list[str], targets: Mapping[str, Fraction], n: int) -> dict[str, int]:
    result = {h: math.floor(targets[h]) for h in names}
    short = n - sum(result.values())
    # Each target is within its integer bounds, so a fractional part > 0 leaves room for +1.
    by_remainder = sorted(names, key=lambda h: (-(targets[h] - result[h]), h))
    for h in by_remainder[:short]:
        result[h] += 1
    return result


def _stratum_seed(seed: int, stratum: str) -> int:
    # sha256, not hash(): str hashes are salted per process.
    digest = hashlib.sha256(f"{_seed64(seed)}\x00{stratum}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def draw_stratified(
    strata_ids: Mapping[str, Sequence[int]], allocation: Mapping[str, int], seed: int
) -> list[int]:
    """Random sample within each stratum, strata in name order, each in draw order.

    Each stratum draws with its own seed derived from `seed` and its name, so
    changing one stratum's cases or allocation leaves the other strata's draws as
    they were.
    """
    _seed64(seed)
    for h in sorted(allocation):
        if h not in strata_ids:
            raise WorkbenchError("sampling.unknown_stratum", stratum=h)
    seen: set[int] = set()
    for h in sorted(strata_ids):
        for case_id in strata_ids[h]:
            if case_id in seen:
                raise WorkbenchError("sampling.duplicate_ids", case=case_id)
            seen.add(case_id)
    sample: list[int] = []
    for h in sorted(strata_ids):
        ids = strata_ids[h]
        size = allocation.get(h, 0)
        if not _is_int(size) or not 0 <= size <= len(ids):
            raise WorkbenchError("sampling.allocation_exceeds_stratum", stratum=h, n=size, available=len(ids))
        sample.extend(draw_random(ids, size, _stratum_seed(seed, h)))
    return sample


# --- sharing cases among reviewers --------------------------------------------

def same_person(a: str, b: str) -> bool:
    """Names compared ignoring spaces and case: "Li Wei" is "liwei"."""
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def assign(
    cases: Sequence[tuple[int, str | None]],
    reviewers: Sequence[str],
    *,
    caps: Mapping[str, int] | None = None,
    effort: Mapping[int, float] | None = None,
) -> dict[int, str]:
    """Give every case (id, examiner name) to a reviewer who is not its examiner.

    Balances the number of cases per reviewer, or the summed effort when `effort`
    (case id -> expected hours or points) is given: cases with the fewest eligible
    reviewers go first, then the largest efforts, each to the least loaded reviewer
    (ties: fewer cases, then the order of `reviewers`). caps: most cases per
    reviewer (absent means no limit). When every eligible reviewer is full, cases
    already given are moved along a chain to make room (augmenting path), so
    `sampling.unassignable` is raised only when no valid assignment exists at all.
    Deterministic; the result lists cases in input order.
    """
    names = list(reviewers)
    limit = _reviewer_limits(names, caps)
    weights = _case_weights(cases, effort)
    eligible = [
        [r for r, name in enumerate(names) if examiner is None or not same_person(name, examiner)]
        for _, examiner in cases
    ]
    shares = _Shares(eligible, limit, weights)
    order = sorted(range(len(cases)), key=lambda i: (len(eligible[i]), -weights[i], i))
    for i in order:
        if not shares.place(i):
            case_id, examiner = cases[i]
            raise WorkbenchError("sampling.unassignable", case=case_id, examiner=examiner)
    return {cases[i][0]: names[shares.owner[i]] for i in range(len(cases))}


def _reviewer_limits(names: list[str], caps: Mapping[str, int] | None) -> list[int | None]:
    """Each reviewer's cap, in the order of `names` (None: no limit); refuses a reviewer twice."""
    for i, name in enumerate(names):
        if any(same_person(name, other) for other in names[:i]):
            raise WorkbenchError("sampling.duplicate_reviewer", reviewer=name)
    limit: list[int | None] = [None] * len(names)
    for name, cap in (caps or {}).items():
        if name not in names:
            raise WorkbenchError("sampling.unknown_reviewer", reviewer=name)
        if not _is_int(cap) or cap < 0:
            raise WorkbenchError("sampling.cap", reviewer=name, value=cap)
        limit[names.index(name)] = cap
    return limit


def _case_weights(cases: Sequence[tuple[int, str | None]], effort: Mapping[int, float] | None) -> list[float]:
    """Each case's effort, in case order (1 each without `effort`); refuses a case twice."""
    seen: set[int] = set()
    weights: list[float] = []
    for case_id, _ in cases:
        if case_id in seen:
            raise WorkbenchError("sampling.duplicate_ids", case=case_id)
        seen.add(case_id)
        if effort is None:
            weights.append(1.0)
            continue
        value = effort.get(case_id)
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or value < 0:
            raise WorkbenchError("sampling.effort", case=case_id, value=value)
        weights.append(float(value))
    return weights


class _Shares:
    """Who holds which case while `assign` works: reviewers and cases are indexes."""

    def __init__(self, eligible: list[list[int]], limit: list[int | None], weights: list[float]) -> None:
        self.eligible = eligible
        self.limit = limit
        self.weights = weights
        self.load = [0.0] * len(limit)
        self.held: list[set[int]] = [set() for _ in limit]  # case indexes per reviewer
        self.owner: dict[int, int] = {}

    def place(self, case: int) -> bool:
        """Give a case to the least loaded eligible reviewer with room, moving others' cases if need be."""
        candidates = [r for r in self.eligible[case] if self.has_room(r)]
        if candidates:
            self.give(case, min(candidates, key=lambda r: (self.load[r], len(self.held[r]), r)))
            return True
        return self.make_room(case)

    def has_room(self, r: int) -> bool:
        cap = self.limit[r]
        return cap is None or len(self.held[r]) < cap

    def give(self, case: int, r: int) -> None:
        previous = self.owner.get(case)
        if previous is not None:
            self.held[previous].discard(case)
            self.load[previous] -= self.weights[case]
        self.owner[case] = r
        self.held[r].add(case)
        self.load[r] += self.weights[case]

    def make_room(self, case: int) -> bool:
        # Breadth-first search for a chain case -> full reviewer -> one of their
        # cases -> another reviewer ... ending at a reviewer with room.
        came_from: dict[int, tuple[int | None, int]] = {}
        queue: deque[int] = deque()
        for r in self.eligible[case]:
            came_from[r] = (None, case)
            queue.append(r)
        while queue:
            r = queue.popleft()
            for moved in sorted(self.held[r]):
                for r2 in self.eligible[moved]:
                    if r2 in came_from:
                        continue
                    came_from[r2] = (r, moved)
                    if self.has_room(r2):
                        self._shift_along(came_from, r2)
                        return True
                    queue.append(r2)
        return False

    def _shift_along(self, came_from: Mapping[int, tuple[int | None, int]], end: int) -> None:
        """Move each case of the chain found by make_room one reviewer on, from its end back."""
        target: int | None = end
        while target is not None:
            source, shifted = came_from[target]
            self.give(shifted, target)
            target = source
