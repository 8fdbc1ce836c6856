"""The stratified and domain intervals against R's survey package (tests/data/stratified_reference.R).

The JSON holds what R computed; R itself is not needed to run this test. Where R gives no
interval (every reviewed case passed: NaN for "beta", [1, 1] for "logit"; or no degrees of
freedom left) the workbench still gives one; those designs are listed in BEYOND_R.
"""
import json
import math
from pathlib import Path

import pytest

from workbench.stats.distributions import beta_cdf, beta_quantile, t_quantile_upper
from workbench.stats.intervals import Stratum, clopper_pearson, stratified_proportion

REFERENCE = json.loads((Path(__file__).parent.parent / "data" / "stratified_reference.json").read_text("utf-8"))
DESIGNS = {d["name"]: d for d in REFERENCE["designs"]}
BEYOND_R = {"every reviewed case passed", "every stratum has one reviewed case", "domain with one case in each stratum"}


def estimate_of(design: dict):
    return stratified_proportion([Stratum(s["name"], s["population"], s["sample"], s["successes"], s["domain"])
                                  for s in design["strata"]], REFERENCE["confidence"])


def test_the_reference_holds_the_designs_the_issue_asks_for():
    assert len(DESIGNS) >= 6
    kinds = {
        "one-case stratum": lambda d: any(s["sample"] == 1 for s in d["strata"]),
        "all-pass stratum": lambda d: any(s["sample"] > 1 and s["successes"] == s["domain"] for s in d["strata"]),
        "all-fail stratum": lambda d: any(s["domain"] > 1 and s["successes"] == 0 for s in d["strata"]),
        "uncovered stratum": lambda d: any(s["sample"] == 0 for s in d["strata"]),
        "domain": lambda d: any(s["domain"] < s["sample"] for s in d["strata"]),
    }
    for kind, holds in kinds.items():
        assert any(holds(d) for d in DESIGNS.values()), kind
    assert {name for name, d in DESIGNS.items() if d["beta"][0] is None} == BEYOND_R


@pytest.mark.parametrize("name", sorted(set(DESIGNS) - BEYOND_R))
def test_matches_r_svyciprop_beta(name):
    design = DESIGNS[name]
    result = estimate_of(design)
    assert result.estimate == pytest.approx(design["estimate"], abs=1e-12)
    assert result.variance == pytest.approx(design["variance"], rel=1e-9, abs=1e-15)
    assert result.degrees_of_freedom == design["degf"]
    assert result.effective_n == pytest.approx(design["n_eff_df"], rel=1e-9)
    assert result.low == pytest.approx(design["beta"][0], abs=1e-9)
    assert result.high == pytest.approx(design["beta"][1], abs=1e-9)


def test_every_case_passed_goes_beyond_r_with_the_actual_sample_size():
    design = DESIGNS["every reviewed case passed"]
    assert design["beta"] == [None, None] and design["logit"][0] == pytest.approx(design["logit"][1])
    result = estimate_of(design)
    n = sum(s["sample"] for s in design["strata"])                      # 24 reviewed cases, 3 strata
    factor = (t_quantile_upper(0.05, n - 1) / t_quantile_upper(0.05, n - 3)) ** 2
    assert result.estimate == 1.0 and result.zero_variance
    assert result.effective_n == pytest.approx(n * factor)
    # Clopper-Pearson with every case a success: the lower bound is (alpha/2)^(1/n*).
    assert result.low == pytest.approx(0.025 ** (1 / (n * factor)))
    assert result.high == 1.0 and 0.8 < result.low < 0.9


@pytest.mark.parametrize("name", ["every stratum has one reviewed case", "domain with one case in each stratum"])
def test_no_degrees_of_freedom_left_goes_beyond_r_without_adjustment(name):
    design = DESIGNS[name]
    assert design["degf"] == 0 and design["beta"] == [None, None]
    result = estimate_of(design)
    # Variance and effective size as R's (its n.eff before the df factor, which R cannot form).
    assert result.variance == pytest.approx(design["variance"], rel=1e-9)
    assert result.effective_n == pytest.approx(design["n_eff"], rel=1e-9)
    assert result.degrees_of_freedom is None
    low, high = clopper_pearson(design["n_eff"] * design["estimate"], design["n_eff"], 0.95)
    assert (result.low, result.high) == (pytest.approx(low), pytest.approx(high))
    assert 0 < result.low < result.estimate < result.high < 1


def test_quantiles_match_r():
    assert beta_quantile(0.025, 2.5, 7.3) == pytest.approx(0.050504345176365519, abs=1e-12)
    assert beta_quantile(0.975, 120.4, 3.2) == pytest.approx(0.994200394577219093, abs=1e-12)
    assert beta_quantile(0.5, 0.3, 0.7) == pytest.approx(0.158774686978501500, abs=1e-12)
    assert beta_cdf(0.3, 4.5, 9.25) == pytest.approx(0.441231529566426584, abs=1e-12)
    assert t_quantile_upper(0.05, 5) == pytest.approx(2.570581835636313706, abs=1e-9)
    assert t_quantile_upper(0.05, 1) == pytest.approx(12.706204736174694148, abs=1e-8)
    assert t_quantile_upper(0.01, 200) == pytest.approx(2.600634436191548104, abs=1e-9)


@pytest.mark.parametrize("strata", [
    [Stratum("a", 30, 1, 1)],                                   # one case
    [Stratum("a", 30, 12, 12), Stratum("b", 40, 1, 1)],         # all pass
    [Stratum("a", 30, 12, 0), Stratum("b", 40, 5, 0)],          # all fail
    [Stratum("a", 30, 12, 0), Stratum("b", 40, 5, 5)],          # pure strata, mixed overall
    [Stratum("a", 30, 30, 30), Stratum("b", 40, 39, 39)],       # one case short of a census
    [Stratum("a", 30, 30, 20), Stratum("b", 40, 0, 0)],         # censused stratum, one uncovered
])
def test_never_zero_width_while_a_stratum_is_not_fully_reviewed(strata):
    result = stratified_proportion(strata)
    assert result.high - result.low > 1e-4 and not result.exact
    assert 0.0 <= result.low <= result.estimate <= result.high <= 1.0


def test_a_census_is_exact():
    result = stratified_proportion([Stratum("a", 30, 30, 27), Stratum("b", 10, 10, 10)])
    assert result.exact and result.low == result.high == result.estimate == pytest.approx(37 / 40)


def test_compliance_and_error_intervals_mirror_each_other():
    strata = [Stratum("a", 500, 20, 18), Stratum("b", 80, 6, 4), Stratum("c", 40, 1, 1)]
    errors = [Stratum(s.name, s.population, s.sample, s.sample - s.successes) for s in strata]
    ok, bad = stratified_proportion(strata), stratified_proportion(errors)
    assert ok.estimate + bad.estimate == pytest.approx(1.0)
    assert ok.low == pytest.approx(1.0 - bad.high) and ok.high == pytest.approx(1.0 - bad.low)
    assert math.isclose(ok.variance, bad.variance)
