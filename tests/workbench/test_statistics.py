"""Proportions, stratified estimates and percentiles against worked values."""
from __future__ import annotations

import pytest

from foundation.errors import WorkbenchError
from workbench.stats.intervals import (
    STRATIFIED_ESTIMATOR,
    Proportion,
    Stratum,
    median,
    percentile,
    stratified_proportion,
    wilson_interval,
    z_value,
)


@pytest.mark.parametrize(
    ("confidence", "z"),
    [(0.90, 1.644854), (0.95, 1.959964), (0.99, 2.575829)],
)
def test_z_value_matches_normal_tables(confidence: float, z: float) -> None:
    assert z_value(confidence) == pytest.approx(z, abs=1e-6)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (46, 50, 81.2, 96.8),
        (3527, 3988, 87.4, 89.4),
    ],
)
def test_wilson_worked_values(successes: int, n: int, low: float, high: float) -> None:
    result = wilson_interval(successes, n, 0.95)
    assert round(result.low * 100, 1) == low
    assert round(result.high * 100, 1) == high
    assert result.rate == successes / n


def test_wilson_empty_sample_has_no_estimate() -> None:
    assert wilson_interval(0, 0) == Proportion(successes=0, n=0, rate=None, low=None, high=None)


@pytest.mark.parametrize(("successes", "n"), [(0, 10), (10, 10), (1, 1)])
def test_wilson_stays_in_unit_interval_at_the_edges(successes: int, n: int) -> None:
    result = wilson_interval(successes, n)
    assert 0.0 <= result.low <= result.rate <= result.high <= 1.0


def test_wilson_wider_at_higher_confidence() -> None:
    narrow = wilson_interval(46, 50, 0.90)
    wide = wilson_interval(46, 50, 0.99)
    assert wide.low < narrow.low and wide.high > narrow.high


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((5, 4, 0.95), "statistics.successes"),
        ((-1, 4, 0.95), "statistics.successes"),
        ((0, -1, 0.95), "statistics.count"),
        ((1, 2, 1.0), "statistics.confidence"),
        ((1, 2, 0.0), "statistics.confidence"),
        ((1, 2, 95), "statistics.confidence"),
    ],
)
def test_wilson_rejects_bad_arguments(args: tuple, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        wilson_interval(*args)
    assert caught.value.code == code


def test_stratified_hand_computed_example() -> None:
    # A: N=1000, n=50, 45 ok; B: N=500, n=40, 30 ok; C not sampled.
    # W = 2/3, 1/3 -> p = 2/3*0.9 + 1/3*0.75 = 0.85
    # var = 4/9*0.95*0.9*0.1/49 + 1/9*0.92*0.75*0.25/39 = 0.00077551 + 0.00049145
    result = stratified_proportion(
        [Stratum("A", 1000, 50, 45), Stratum("B", 500, 40, 30), Stratum("C", 100, 0, 0)]
    )
    assert result.estimator == STRATIFIED_ESTIMATOR
    assert result.estimate == pytest.approx(0.85)
    assert result.variance == pytest.approx(0.000775510 + 0.000491453, abs=1e-9)
    assert result.standard_error == pytest.approx(0.0355944, abs=1e-7)
    # Korn-Graubard: n* = p(1-p)/var * (t_89 / t_88)^2 = 100.6028; R's svyciprop(method="beta") gives
    # [0.764994, 0.913378] (tests/data/stratified_reference.json).
    assert result.effective_n == pytest.approx(100.6028243, abs=1e-6)
    assert result.low == pytest.approx(0.7649937522, abs=1e-9)
    assert result.high == pytest.approx(0.9133778458, abs=1e-9)
    assert result.covered_share == pytest.approx(1500 / 1600)
    assert (result.population, result.sample, result.successes) == (1500, 90, 75)
    assert result.unsampled_strata == ("C",)
    assert result.unsampled_population == 100
    assert [s.name for s in result.strata] == ["A", "B"]


def test_stratified_single_stratum_census_has_zero_variance() -> None:
    result = stratified_proportion([Stratum("all", 20, 20, 15)])
    assert result.estimate == 0.75
    assert result.variance == 0.0 and result.exact
    assert result.low == result.high == 0.75


def test_stratified_stratum_of_one_is_centred_on_the_overall_estimate() -> None:
    # survey.lonely.psu = "adjust": the single case's deviation from p (not from its own mean).
    result = stratified_proportion([Stratum("big", 100, 10, 9), Stratum("tiny", 5, 1, 0)])
    assert result.single_case_strata == ("tiny",)
    p = (100 * 0.9 + 5 * 0.0) / 105
    expected_var = ((100 / 105) ** 2 * (1 - 10 / 100) * 0.9 * 0.1 / 9
                    + (5 / 105) ** 2 * (1 - 1 / 5) * (0.0 - p) ** 2)
    assert result.variance == pytest.approx(expected_var)


def test_stratified_interval_clipped() -> None:
    result = stratified_proportion([Stratum("a", 1000, 3, 3), Stratum("b", 1000, 3, 2)])
    assert result.high <= 1.0 and result.low >= 0.0


def test_stratified_nothing_sampled() -> None:
    result = stratified_proportion([Stratum("a", 10, 0, 0)])
    assert result.estimate is None and result.low is None and result.variance is None
    assert result.unsampled_strata == ("a",)


@pytest.mark.parametrize(
    "strata",
    [
        [Stratum("a", 10, 11, 0)],
        [Stratum("a", 10, 5, 6)],
        [Stratum("a", -1, 0, 0)],
    ],
)
def test_stratified_rejects_inconsistent_strata(strata: list[Stratum]) -> None:
    with pytest.raises(WorkbenchError) as caught:
        stratified_proportion(strata)
    assert caught.value.code == "statistics.stratum"
    assert "'a'" in str(caught.value)


def test_stratified_rejects_duplicate_names() -> None:
    with pytest.raises(WorkbenchError) as caught:
        stratified_proportion([Stratum("a", 10, 1, 1), Stratum("a", 5, 1, 1)])
    assert caught.value.code == "statistics.duplicate_stratum"


# Expected values computed with Excel PERCENTILE.INC / MEDIAN.
@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([1, 2, 3, 4], 0.9, 3.7),
        ([1, 3, 2, 4], 0.25, 1.75),
        ([15, 20, 35, 40, 50], 0.4, 29.0),
        ([15, 20, 35, 40, 50], 0.0, 15.0),
        ([15, 20, 35, 40, 50], 1.0, 50.0),
        ([7], 0.3, 7.0),
        ([2.5, 1.0], 0.5, 1.75),
    ],
)
def test_percentile_matches_excel(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == pytest.approx(expected)


def test_median() -> None:
    assert median([3, 1, 2]) == 2
    assert median([1, 2, 3, 4]) == 2.5
    assert median(iter([5.0, 1.0])) == 3.0


def test_empty_input_gives_none() -> None:
    assert median([]) is None
    assert percentile([], 0.9) is None


@pytest.mark.parametrize("q", [-0.1, 1.1, 90])
def test_percentile_rejects_q_outside_unit_interval(q: float) -> None:
    with pytest.raises(WorkbenchError) as caught:
        percentile([1, 2], q)
    assert caught.value.code == "statistics.quantile"


def test_percentile_rejects_nan() -> None:
    with pytest.raises(WorkbenchError) as caught:
        median([1.0, float("nan")])
    assert caught.value.code == "statistics.value"
