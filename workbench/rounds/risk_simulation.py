"""Proof by simulation that risk-based draws find more abnormal cases and still estimate without bias.

Pure functions over a population held in memory (no database per draw): each draw is the same
`rounds.pps` draw a round uses; its compliance estimate is the report's Hájek estimate with the
Korn-Graubard interval (`stats.weighted`). The test (tests/workbench/test_risk_simulation.py) runs
it on a few thousand cases, the benchmark (bench/bench_risk_sampling.py) on 100,000.

`synthetic_population` plants a known truth: a share of abnormal cases whose risk scores are
mostly high and whose compliance is lower, among normal cases that mostly score 0.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Sequence

from workbench.rounds.draw import draw_random
from workbench.rounds.pps import DEFAULT_FLOOR, draw_pps, inclusion_probabilities, size_measure
from workbench.stats.weighted import WeightGroup, hajek_proportion


@dataclass(frozen=True)
class SimCase:
    """One case of a simulated population: its risk score, whether it is abnormal, whether it complies."""

    score: float
    abnormal: bool
    compliant: bool


@dataclass(frozen=True)
class SimulationFigures:
    """What the simulation measured over `draws` seeded draws of `size` cases each."""

    population: int
    size: int
    draws: int
    true_rate: float                   # the population's compliance rate
    abnormal_share: float              # the population's share of abnormal cases
    abnormal_per_100_risk: float       # abnormal cases per 100 reviews, risk-based draws
    abnormal_per_100_random: float     # the same for simple random draws of the same size
    mean_estimate: float               # mean of the weighted (Hájek) compliance estimates
    coverage: float                    # share of the 95% intervals that hold the true rate
    naive_mean: float                  # mean of the unweighted shares of the risk-based samples

    @property
    def yield_ratio(self) -> float:
        return self.abnormal_per_100_risk / self.abnormal_per_100_random if self.abnormal_per_100_random else math.inf

    @property
    def bias(self) -> float:
        return self.mean_estimate - self.true_rate

    @property
    def naive_bias(self) -> float:
        return self.naive_mean - self.true_rate


def synthetic_population(count: int, *, seed: int = 1, abnormal_share: float = 0.05,
                         normal_compliance: float = 0.92, abnormal_compliance: float = 0.60) -> list[SimCase]:
    """`count` cases: abnormal ones score uniformly in [0.4, 1]; of the normal ones 80% score 0 and
    the rest uniformly in [0, 0.5] (indicators are not perfect); compliance is lower when abnormal."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        abnormal = rng.random() < abnormal_share
        if abnormal:
            score = rng.uniform(0.4, 1.0)
        else:
            score = 0.0 if rng.random() < 0.8 else rng.uniform(0.0, 0.5)
        compliant = rng.random() < (abnormal_compliance if abnormal else normal_compliance)
        cases.append(SimCase(round(score, 4), abnormal, compliant))
    return cases


def weighted_estimate(sample: Sequence[int], pis: Sequence[float], cases: Sequence[SimCase]):
    """The Hájek compliance estimate of one sample (indexes into `cases`), as the report computes it."""
    groups: dict[float, list[int]] = {}
    for i in sample:
        counts = groups.setdefault(pis[i], [0, 0])
        counts[0] += 1
        counts[1] += cases[i].compliant
    return hajek_proportion([WeightGroup(p, n, y) for p, (n, y) in groups.items()])


def simulate(cases: Sequence[SimCase], *, size: int, draws: int, floor: float = DEFAULT_FLOOR,
             first_seed: int = 1) -> SimulationFigures:
    """`draws` risk-based draws (seeds first_seed, first_seed + 1, ...) and as many simple random ones."""
    ids = list(range(len(cases)))
    pis = inclusion_probabilities([size_measure(c.score, floor) for c in cases], size)
    truth = sum(c.compliant for c in cases) / len(cases)
    found_risk = found_random = covered = 0
    estimates = naive = 0.0
    for seed in range(first_seed, first_seed + draws):
        sample = draw_pps(ids, pis, size, seed)
        found_risk += sum(cases[i].abnormal for i in sample)
        found_random += sum(cases[i].abnormal for i in draw_random(ids, size, seed))
        estimate = weighted_estimate(sample, pis, cases)
        estimates += estimate.rate
        covered += estimate.low <= truth <= estimate.high
        naive += sum(cases[i].compliant for i in sample) / size
    return SimulationFigures(
        population=len(cases), size=size, draws=draws, true_rate=truth,
        abnormal_share=sum(c.abnormal for c in cases) / len(cases),
        abnormal_per_100_risk=100 * found_risk / (draws * size),
        abnormal_per_100_random=100 * found_random / (draws * size),
        mean_estimate=estimates / draws, coverage=covered / draws, naive_mean=naive / draws)
