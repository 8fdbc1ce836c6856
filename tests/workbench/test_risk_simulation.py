"""Proof by simulation (issue 17) on a small synthetic population with a planted abnormal share:
risk-based draws find at least three times as many abnormal cases per 100 reviews as simple random
draws of the same size, and over 1,000 seeded draws the weighted (Hájek) compliance estimate is
unbiased to within 0.5 points with 95% intervals covering the truth at least 93% of the time,
where counting the same samples unweighted is several points off. Pure functions: a few seconds."""
from __future__ import annotations

import pytest

from workbench.rounds.risk_simulation import simulate, synthetic_population


@pytest.fixture(scope="module")
def figures():
    cases = synthetic_population(2000, seed=7)
    return simulate(cases, size=100, draws=1000)


def test_the_population_has_a_known_truth(figures):
    assert figures.population == 2000 and figures.draws == 1000
    assert 0.03 < figures.abnormal_share < 0.08
    assert 0.85 < figures.true_rate < 0.93


def test_risk_draws_find_three_times_as_many_abnormal_cases(figures):
    assert figures.abnormal_per_100_random == pytest.approx(100 * figures.abnormal_share, abs=0.5)
    assert figures.yield_ratio >= 3.0, figures


def test_the_weighted_estimate_is_unbiased_and_its_intervals_cover(figures):
    assert abs(figures.bias) <= 0.005, figures
    assert figures.coverage >= 0.93, figures


def test_counted_unweighted_the_same_samples_make_compliance_look_worse(figures):
    assert figures.naive_bias < -0.02, figures
