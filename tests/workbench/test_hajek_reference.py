"""The Hájek estimator of risk-based rounds against R's survey package (tests/data/hajek_reference.R).

The JSON holds what R computed (svydesign(ids = ~1, probs = ~pi), svymean over a subset,
svyciprop(method = "beta")); R itself is not needed to run this test. Where R's interval is
undefined (variance 0) the workbench gives Clopper-Pearson on the domain's reviewed cases.
"""
import json
import math
from pathlib import Path

import pytest

from foundation.errors import WorkbenchError
from workbench.stats.intervals import clopper_pearson, wilson_interval
from workbench.stats.weighted import WEIGHTED_ESTIMATOR, WeightGroup, hajek_proportion

REFERENCE = json.loads((Path(__file__).parent.parent / "data" / "hajek_reference.json").read_text("utf-8"))
DESIGNS = {d["name"]: d for d in REFERENCE["designs"]}
BEYOND_R = {"domain: one case", "every domain case fails", "every reviewed case passed"}


def estimate_of(design: dict):
    return hajek_proportion([WeightGroup(g["probability"], g["sample"], g["successes"], g["domain"])
                             for g in design["groups"]], REFERENCE["confidence"])


def test_the_reference_holds_domains_take_all_cases_and_edges():
    assert len(DESIGNS) >= 8
    assert any(any(g["probability"] == 1 for g in d["groups"]) for d in DESIGNS.values())
    assert any(any(g["domain"] < g["sample"] for g in d["groups"]) for d in DESIGNS.values())
    assert {name for name, d in DESIGNS.items() if d["beta"][0] is None} == BEYOND_R


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_estimate_and_variance_match_r(name):
    design = DESIGNS[name]
    result = estimate_of(design)
    assert result.estimate == pytest.approx(design["estimate"], abs=1e-12)
    assert result.variance == pytest.approx(design["variance"], rel=1e-9, abs=1e-15)
    assert result.standard_error == pytest.approx(design["se"], rel=1e-9, abs=1e-15)
    assert result.estimator == WEIGHTED_ESTIMATOR


@pytest.mark.parametrize("name", sorted(set(DESIGNS) - BEYOND_R))
def test_korn_graubard_interval_matches_r(name):
    design = DESIGNS[name]
    result = estimate_of(design)
    assert result.low == pytest.approx(design["beta"][0], abs=1e-7)
    assert result.high == pytest.approx(design["beta"][1], abs=1e-7)
    assert result.degrees_of_freedom == design["degf"]


@pytest.mark.parametrize("name", sorted(BEYOND_R))
def test_where_r_has_no_interval_the_domain_cases_give_its_width(name):
    design = DESIGNS[name]
    result = estimate_of(design)
    d = sum(g["domain"] for g in design["groups"])
    assert result.zero_variance
    assert result.effective_n == d
    assert (result.low, result.high) == pytest.approx(clopper_pearson(result.estimate * d, d, 0.95))
    assert result.low <= result.estimate <= result.high


def test_equal_probabilities_give_the_simple_share():
    result = hajek_proportion([WeightGroup(0.05, 80, 70)])
    assert result.estimate == pytest.approx(70 / 80)
    assert result.population == 1600          # the estimated number of cases, sum of the weights


def test_weights_pull_the_estimate_towards_the_low_risk_cases():
    # 10 low-risk cases (pi 0.01) all pass, 10 high-risk (pi 0.1) all fail: the naive share is 50%,
    # the population has ten times as many low-risk cases, so about 91% pass.
    result = hajek_proportion([WeightGroup(0.01, 10, 10), WeightGroup(0.1, 10, 0)])
    assert result.estimate == pytest.approx(1000 / 1100)
    assert wilson_interval(10, 20).rate == 0.5


def test_an_empty_domain_has_no_estimate():
    result = hajek_proportion([WeightGroup(0.1, 10, 0, 0)])
    assert result.estimate is None and result.low is None and result.sample == 0


@pytest.mark.parametrize("group", [WeightGroup(0.0, 5, 3), WeightGroup(1.5, 5, 3), WeightGroup(0.1, 5, 6),
                                   WeightGroup(0.1, 5, 3, 2), WeightGroup(0.1, -1, 0)])
def test_impossible_groups_are_refused(group):
    with pytest.raises(WorkbenchError) as info:
        hajek_proportion([group])
    assert info.value.code == "statistics.weight_group"


def test_standard_error_is_the_root_of_the_variance():
    result = estimate_of(DESIGNS["two probabilities, interior rate"])
    assert math.isclose(result.standard_error ** 2, result.variance)
