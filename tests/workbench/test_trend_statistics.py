"""Trends and fair comparisons (issue 16): p-charts and their run rules, funnel limits with
overdispersion, and Newcombe's interval for the difference of two rates, against examples worked
by hand here and against statsmodels (values computed once by tests/data/newcombe_reference.py;
the JSON holds them, so statsmodels is not needed here)."""
from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import pytest

from foundation.errors import WorkbenchError
from workbench.stats.comparison import DIRECTION_LABELS, DOWN, NO_CHANGE, UP, rate_difference
from workbench.stats.control import (
    BEYOND_LIMITS,
    RULE_LABELS,
    RUN_OF_EIGHT,
    SIDE_LABELS,
    TWO_OF_THREE,
    Observed,
    p_chart,
)
from workbench.stats.funnel import (
    ABOVE_ALERT,
    ADDITIVE,
    BELOW_ALARM,
    BELOW_ALERT,
    BINOMIAL,
    INSIDE,
    MULTIPLICATIVE,
    NO_CASES,
    NORMAL,
    POSITION_LABELS,
    SPIEGELHALTER,
    binomial_limit,
    drawing_sizes,
    funnel,
    funnel_limits,
    overdispersion,
    position,
    spiegelhalter_limit,
)

REFERENCE = json.loads((Path(__file__).parent.parent / "data" / "newcombe_reference.json").read_text("utf-8"))
Z95 = 1.959963984540054        # NormalDist().inv_cdf(0.975)
Z998 = 3.090232306167813       # NormalDist().inv_cdf(0.999)


# --- p-chart -------------------------------------------------------------------------------------

def flat(xs, n=100):
    """Periods P0, P1... of n reviews each with the given counts; None is a period with no review."""
    return [(f"P{i}", 0, 0) if x is None else (f"P{i}", x, n) for i, x in enumerate(xs)]


def rules(chart):
    return [(s.index, s.rule, s.side) for s in chart.signals]


def test_p_chart_worked_by_hand():
    # p-bar = (24 + 2 + 0 + 68 + 16) / (100 + 25 + 0 + 400 + 25) = 110 / 550 = 0.2, p-bar (1 - p-bar) = 0.16
    # sigma_i = sqrt(0.16 / n_i) = 0.4 / sqrt(n_i): n 100 -> 0.04, n 25 -> 0.08, n 400 -> 0.02
    chart = p_chart([("Jan", 24, 100), ("Feb", 2, 25), ("Mar", 0, 0), Observed("Apr", 68, 400), ("May", 16, 25)])
    assert chart.centre == pytest.approx(0.2) and (chart.x, chart.n) == (110, 550)
    jan, feb, mar, apr, may = chart.points
    # Jan: 0.24, limits 0.2 -/+ 0.12 = 0.08..0.32, 2 sigma 0.12..0.28, 1 sigma 0.16..0.24, z = 0.04 / 0.04 = 1
    assert (jan.rate, jan.sigma, jan.z) == pytest.approx((0.24, 0.04, 1.0))
    assert (jan.lcl, jan.ucl, jan.lower_2, jan.upper_2, jan.lower_1, jan.upper_1) == pytest.approx(
        (0.08, 0.32, 0.12, 0.28, 0.16, 0.24))
    # Feb: 0.08, limits 0.2 -/+ 0.24 = -0.04 (clipped to 0)..0.44, z = -0.12 / 0.08 = -1.5
    assert (feb.rate, feb.sigma, feb.z, feb.lcl, feb.ucl) == pytest.approx((0.08, 0.08, -1.5, 0.0, 0.44))
    assert feb.lower_2 == pytest.approx(0.04) and feb.side == "below"
    # Mar: no review, a gap
    assert mar.gap and mar.rate is None and mar.ucl is None and mar.side is None and mar.centre == pytest.approx(0.2)
    # Apr: 0.17, limits 0.2 -/+ 0.06 = 0.14..0.26, z = -0.03 / 0.02 = -1.5
    assert (apr.rate, apr.sigma, apr.z, apr.lcl, apr.ucl) == pytest.approx((0.17, 0.02, -1.5, 0.14, 0.26))
    # May: 0.64 > 0.44 = 0.2 + 3 * 0.08: beyond the limits (z = 0.44 / 0.08 = 5.5); Feb and Apr are
    # within 2 sigma, so two-of-three does not fire
    assert (may.rate, may.z, may.ucl) == pytest.approx((0.64, 5.5, 0.44))
    assert rules(chart) == [(4, BEYOND_LIMITS, "above")]
    assert chart.signals[0].label == "May" and chart.signals[0].points == (4,)
    assert chart.signals_at(4) == chart.signals and chart.signals_at(0) == ()


def test_leave_one_out_judges_each_period_against_the_others_worked_by_hand():
    # 102/120 in seven quarters and 90/120 in the fourth. Pooled: 804/960 = 0.8375, sigma_120 = 0.03368,
    # lower limit 0.7365 < 0.75: the dip is inside. Against the other seven: 714/840 = 0.85,
    # sigma = sqrt(0.85 * 0.15 / 120) = 0.032596, lower limit 0.85 - 0.097788 = 0.752212 > 0.75: beyond.
    periods = flat([102, 102, 102, 90, 102, 102, 102, 102], n=120)
    assert p_chart(periods).signals == ()
    chart = p_chart(periods, leave_one_out=True)
    assert chart.centre == pytest.approx(804 / 960)          # the pooled rate, for reference
    dip = chart.points[3]
    assert (dip.centre, dip.sigma, dip.lcl) == pytest.approx((0.85, 0.0325960, 0.752212), abs=1e-6)
    assert dip.z == pytest.approx(-0.1 / 0.0325960, abs=1e-4)
    # Each other quarter: (6 * 102 + 90) / 840 = 702/840 = 0.835714, 0.85 above it, inside its limits.
    assert all(p.centre == pytest.approx(702 / 840) and p.side == "above" for i, p in enumerate(chart.points) if i != 3)
    assert rules(chart) == [(3, BEYOND_LIMITS, "below")]


def test_leave_one_out_with_a_gap_and_a_lone_period():
    # A gap keeps the pooled centre (it has no point); a series whose only reviews are in one period
    # has nothing else to judge it by: its centre is its own rate and nothing fires.
    chart = p_chart([("A", 10, 20), ("B", 0, 0), ("C", 30, 40)], leave_one_out=True)
    assert chart.points[0].centre == pytest.approx(0.75) and chart.points[2].centre == pytest.approx(0.5)
    assert chart.points[1].gap and chart.points[1].centre == pytest.approx(40 / 60)
    lone = p_chart([("A", 0, 0), ("B", 3, 10)], leave_one_out=True)
    assert lone.points[1].centre == pytest.approx(0.3) and lone.signals == ()
    with pytest.raises(ValueError):
        p_chart(flat([1]), centre=0.5, leave_one_out=True)


def test_beyond_the_limits_fires_on_either_side_and_not_inside():
    # centre 0.2, n 100: limits 0.08..0.32
    chart = p_chart(flat([33, 20, 7, 31, 20, 9]), centre=0.2)
    assert rules(chart) == [(0, BEYOND_LIMITS, "above"), (2, BEYOND_LIMITS, "below")]   # 0.31, 0.09 inside


def test_eight_in_a_row_fires_at_the_eighth_and_each_further_point():
    chart = p_chart(flat([21] * 9 + [19]), centre=0.2)
    assert rules(chart) == [(7, RUN_OF_EIGHT, "above"), (8, RUN_OF_EIGHT, "above")]
    assert chart.signals[0].points == tuple(range(8)) and chart.signals[1].points == tuple(range(9))
    below = p_chart(flat([19] * 8), centre=0.2)
    assert rules(below) == [(7, RUN_OF_EIGHT, "below")]


@pytest.mark.parametrize("xs", [
    [21] * 7,                          # seven only
    [21] * 7 + [19] + [21] * 7,        # broken by a point on the other side
    [21] * 4 + [20] + [21] * 4,        # broken by a point on the centre line
])
def test_eight_in_a_row_does_not_fire_on_shorter_runs(xs):
    assert rules(p_chart(flat(xs), centre=0.2)) == []


def test_a_gap_is_no_point_and_does_not_break_a_run():
    chart = p_chart(flat([21] * 4 + [None] + [21] * 4), centre=0.2)
    assert rules(chart) == [(8, RUN_OF_EIGHT, "above")]
    assert chart.signals[0].points == (0, 1, 2, 3, 5, 6, 7, 8)


def test_two_of_three_beyond_two_sigma_on_the_same_side():
    # centre 0.2, n 100: 2 sigma = 0.12..0.28, 3 sigma = 0.08..0.32
    chart = p_chart(flat([20, 30, 21, 29]), centre=0.2)
    assert rules(chart) == [(3, TWO_OF_THREE, "above")]
    assert chart.signals[0].points == (1, 3)
    low = p_chart(flat([11, 10]), centre=0.2)
    assert rules(low) == [(1, TWO_OF_THREE, "below")]
    # a point beyond 3 sigma is beyond 2 sigma too
    assert rules(p_chart(flat([30, 33]), centre=0.2)) == [(1, BEYOND_LIMITS, "above"), (1, TWO_OF_THREE, "above")]


@pytest.mark.parametrize("xs", [
    [30, 21, 20, 29],      # three points apart
    [30, 10],              # opposite sides
    [30, 27, 22],          # one beyond only
])
def test_two_of_three_does_not_fire(xs):
    assert rules(p_chart(flat(xs), centre=0.2)) == []


def test_two_of_three_skips_gaps():
    assert rules(p_chart(flat([30, None, None, 20, 29]), centre=0.2)) == [(4, TWO_OF_THREE, "above")]


def test_each_period_has_limits_for_its_own_number_of_reviews():
    # centre 0.5: a 58% month is +1.6 sigma with 100 reviews (sigma 0.05) but +3.2 with 400 (0.025)
    chart = p_chart([("small", 58, 100), ("big", 232, 400)], centre=0.5)
    assert [p.z for p in chart.points] == pytest.approx([1.6, 3.2])
    assert rules(chart) == [(1, BEYOND_LIMITS, "above")]


@pytest.mark.parametrize("x", [0, 1])
def test_degenerate_centre_collapses_the_limits(x):
    chart = p_chart(flat([x * 100] * 10))
    assert chart.centre == x
    for point in chart.points:
        assert point.sigma == 0.0 and point.z is None and point.side is None
        assert point.lcl == point.ucl == point.lower_2 == point.upper_1 == x
    assert chart.signals == ()     # every point lies on the centre line


def test_a_point_off_a_degenerate_standard_is_beyond_it():
    chart = p_chart(flat([0, 0, 1]), centre=0.0)
    assert rules(chart) == [(2, BEYOND_LIMITS, "above")]


def test_no_reviews_at_all_gives_no_centre_and_no_signal():
    chart = p_chart(flat([None, None]))
    assert chart.centre is None and chart.signals == () and all(p.gap for p in chart.points)
    assert p_chart([]).points == ()


@pytest.mark.parametrize("bad, code", [
    (("A", 5, 3), "statistics.successes"), (("A", -1, 3), "statistics.successes"),
    (("A", 0, -2), "statistics.count"), (("A", 1.5, 3), "statistics.successes"),
])
def test_p_chart_rejects_impossible_counts(bad, code):
    with pytest.raises(WorkbenchError) as caught:
        p_chart([bad])
    assert caught.value.code == code


def test_p_chart_rejects_a_centre_outside_0_1():
    with pytest.raises(WorkbenchError) as caught:
        p_chart(flat([1]), centre=1.2)
    assert caught.value.code == "statistics.rate"


def test_rule_and_side_labels_are_bilingual():
    assert set(RULE_LABELS) == {BEYOND_LIMITS, RUN_OF_EIGHT, TWO_OF_THREE} and set(SIDE_LABELS) == {"above", "below"}
    assert all(en and zh and en != zh for en, zh in [*RULE_LABELS.values(), *SIDE_LABELS.values()])


# --- funnel limits -------------------------------------------------------------------------------

def exact_cdf(r: int, n: int, theta: Fraction) -> Fraction:
    """P(R <= r), R ~ Binomial(n, theta), summed exactly."""
    return sum((math.comb(n, k) * theta ** k * (1 - theta) ** (n - k) for k in range(r + 1)), Fraction(0))


def exact_paper_limit(p: float, n: int, theta: Fraction) -> float:
    """Spiegelhalter's appendix A.1.1, computed independently with exact fractions."""
    target = Fraction(p)
    r = next(r for r in range(n + 1) if exact_cdf(r, n, theta) >= target)
    at, below = exact_cdf(r, n, theta), exact_cdf(r - 1, n, theta) if r else Fraction(0)
    return float((r - (at - target) / (at - below)) / n)


def test_normal_limits_worked_by_hand():
    # theta0 = 0.85, theta0 (1 - theta0) = 0.1275
    # n = 3:   s = sqrt(0.1275 / 3) = 0.2061553; 1.959964 s = 0.4040569, 3.090232 s = 0.6370677
    # n = 60:  s = 0.0460977;                   1.959964 s = 0.0903499, 3.090232 s = 0.1424527
    # n = 200: s = 0.0252488;                   1.959964 s = 0.0494867, 3.090232 s = 0.0780245
    three, sixty, two_hundred = (funnel_limits(0.85, n, method=NORMAL) for n in (3, 60, 200))
    assert (three.low_95, three.high_95, three.low_998, three.high_998) == pytest.approx(
        (0.4459431, 1.0, 0.2129323, 1.0), abs=1e-7)                  # the upper limits clipped at 1
    assert (sixty.low_95, sixty.high_95, sixty.low_998, sixty.high_998) == pytest.approx(
        (0.7596501, 0.9403499, 0.7075473, 0.9924527), abs=1e-7)
    assert (two_hundred.low_95, two_hundred.high_95, two_hundred.low_998, two_hundred.high_998) == pytest.approx(
        (0.8005133, 0.8994867, 0.7719755, 0.9280245), abs=1e-7)
    assert sixty.low_95 == pytest.approx(0.85 - Z95 * math.sqrt(0.1275 / 60), abs=1e-15)
    assert sixty.low_998 == pytest.approx(0.85 - Z998 * math.sqrt(0.1275 / 60), abs=1e-15)


def test_binomial_limits_for_three_cases_worked_by_hand():
    # R ~ Binomial(3, 0.85): P(0) = 0.15^3 = 0.003375, P(1) = 3 * 0.85 * 0.15^2 = 0.057375,
    # P(2) = 3 * 0.85^2 * 0.15 = 0.325125, P(3) = 0.85^3 = 0.614125; F(1) = 0.06075, F(2) = 0.385875.
    # Lower 95% (p = 0.025): r = 1, alpha = (0.06075 - 0.025) / 0.057375 = 0.6230937, limit (1 - alpha) / 3
    lower = (1 - (0.06075 - 0.025) / 0.057375) / 3
    assert lower == pytest.approx(0.1256354, abs=1e-7)
    # Lower 99.8% (p = 0.001): r = 0, alpha = (0.003375 - 0.001) / 0.003375 = 0.7037, limit -0.2346 -> 0
    # The paper's upper 95% (p = 0.975): r = 3, alpha = (1 - 0.975) / 0.614125 = 0.0407083, limit 0.9864306;
    # upper 99.8%: alpha = 0.001 / 0.614125, limit 0.9994572. Taken from the upper side (the failures'
    # lower limit) each is 1/3 higher, so clipped to 1.
    paper_upper = (3 - (1 - 0.975) / 0.614125) / 3
    assert paper_upper == pytest.approx(0.9864306, abs=1e-7)
    limits = funnel_limits(0.85, 3)
    assert (limits.low_95, limits.high_95, limits.low_998, limits.high_998) == pytest.approx((lower, 1.0, 0.0, 1.0))
    paper = funnel_limits(0.85, 3, method=SPIEGELHALTER)
    assert (paper.low_95, paper.high_95, paper.low_998, paper.high_998) == pytest.approx(
        (lower, paper_upper, 0.0, (3 - 0.001 / 0.614125) / 3))
    assert binomial_limit(0.975, 3, 0.85) == pytest.approx(paper_upper + 1 / 3)


@pytest.mark.parametrize("n", [3, 60, 200])
@pytest.mark.parametrize("p", [0.001, 0.025, 0.975, 0.999])
def test_binomial_limits_match_exact_fractions(n, p):
    theta = Fraction(85, 100)
    paper = exact_paper_limit(p, n, theta)
    assert spiegelhalter_limit(p, n, 0.85) == pytest.approx(paper, abs=1e-12)
    mirrored = exact_paper_limit(p, n, theta) if p < 0.5 else 1 - exact_paper_limit(1 - p, n, 1 - theta)
    assert binomial_limit(p, n, 0.85) == pytest.approx(mirrored, abs=1e-12)


def test_binomial_limits_at_sixty_and_two_hundred():
    # values of the exact-fraction computation above, to 7 places
    sixty, two_hundred = funnel_limits(0.85, 60), funnel_limits(0.85, 200)
    assert (sixty.low_95, sixty.high_95, sixty.low_998, sixty.high_998) == pytest.approx(
        (0.7455708, 0.9438476, 0.6845756, 0.9816445), abs=1e-7)
    assert (two_hundred.low_95, two_hundred.high_95, two_hundred.low_998, two_hundred.high_998) == pytest.approx(
        (0.7962994, 0.9002235, 0.7649447, 0.9249626), abs=1e-7)


@pytest.mark.parametrize("theta", [0.85, 0.5, 0.03])
def test_binomial_limits_hold_their_level_from_both_sides(theta):
    """A unit exactly on target falls below a lower limit, or above an upper one, with at most the
    nominal 2.5% / 0.1%; the paper's literal upper limit does not."""
    exact = Fraction(theta).limit_denominator(1000)
    for n in range(1, 61):
        pmf = [math.comb(n, k) * exact ** k * (1 - exact) ** (n - k) for k in range(n + 1)]
        limits = funnel_limits(theta, n)
        for tail, low, high in ((Fraction(25, 1000), limits.low_95, limits.high_95),
                                (Fraction(1, 1000), limits.low_998, limits.high_998)):
            assert sum(pmf[k] for k in range(n + 1) if k / n < low) <= tail
            assert sum(pmf[k] for k in range(n + 1) if k / n > high) <= tail
    paper = funnel_limits(0.85, 3, method=SPIEGELHALTER)
    assert 1.0 > paper.high_95       # 3 of 3, which happens 61% of the time, lies above the paper's limit


def test_the_error_funnel_mirrors_the_compliance_funnel():
    for n in (1, 2, 3, 7, 20, 60, 333):
        compliance, errors = funnel_limits(0.85, n), funnel_limits(0.15, n)
        assert compliance.low_95 == pytest.approx(1 - errors.high_95, abs=1e-12)
        assert compliance.high_998 == pytest.approx(1 - errors.low_998, abs=1e-12)


def test_binomial_limits_approach_the_normal_ones_for_large_n():
    binomial, normal = funnel_limits(0.85, 20000), funnel_limits(0.85, 20000, method=NORMAL)
    assert binomial.low_95 == pytest.approx(normal.low_95, abs=2e-4)
    assert binomial.high_998 == pytest.approx(normal.high_998, abs=2e-4)


@pytest.mark.parametrize("method", [BINOMIAL, NORMAL])
def test_limits_at_a_target_of_0_or_1(method):
    perfect = funnel_limits(1.0, 10, method=method)
    assert perfect.high_95 == perfect.high_998 == 1.0
    assert position(0.9, perfect) == BELOW_ALARM and position(1.0, perfect) == INSIDE
    none = funnel_limits(0.0, 10, method=method)
    assert none.low_95 == none.low_998 == 0.0 and position(0.1, none) == "above_99_8"


def test_the_literal_paper_limits_put_a_perfect_unit_above_a_perfect_target():
    # target 1: R = n surely; r_p = n and alpha = (1 - p) / 1, so the upper limit is (n - 0.025) / n
    assert funnel_limits(1.0, 10, method=SPIEGELHALTER).high_95 == pytest.approx(0.9975)
    assert funnel_limits(1.0, 10).high_95 == 1.0


# --- the funnel: the planted examiners, overdispersion -------------------------------------

def office() -> list[tuple[str, int, int]]:
    """Twenty examiners near 85% compliance, one with 3 reviewed cases and 1 error, one with 60 and 20."""
    ordinary = [(f"E{i:02d}", 34 + i % 3, 40) for i in range(20)]       # 34..36 of 40
    return ordinary + [("Three cases", 2, 3), ("Sixty cases", 40, 60)]


@pytest.mark.parametrize("method", [BINOMIAL, SPIEGELHALTER, NORMAL])
def test_three_cases_one_error_is_not_marked_sixty_with_twenty_is(method):
    plot = funnel(office(), method=method)
    assert 0.84 < plot.target < 0.87
    units = {u.label: u for u in plot.units}
    assert units["Three cases"].position == INSIDE
    assert units["Sixty cases"].position == BELOW_ALARM
    assert [u.label for u in plot.outside] == ["Sixty cases"]


def test_the_planted_examiners_with_an_overdispersion_adjustment():
    for adjustment in (MULTIPLICATIVE, ADDITIVE):
        plot = funnel(office(), adjustment=adjustment)
        units = {u.label: u for u in plot.units}
        assert units["Three cases"].position == INSIDE and units["Sixty cases"].position == BELOW_ALARM


def test_overdispersion_worked_by_hand():
    # target 0.5, n = 100: s = sqrt(0.25 / 100) = 0.05; rates 0.40..0.60 give z = -2, -1, 0, 1, 2.
    # 10th percentile: rank 0.1 * 4 = 0.4 -> -2 + 0.4 * (-1 - -2) = -1.6; 90th: 1.6.
    # Winsorised: -1.6, -1, 0, 1, 1.6; phi = (2.56 + 1 + 0 + 1 + 2.56) / 5 = 7.12 / 5 = 1.424.
    # w_i = 1 / 0.0025 = 400: sum w = 2000, sum w^2 / sum w = 5 * 160000 / 2000 = 400;
    # tau^2 = (5 * 1.424 - 4) / (2000 - 400) = 3.12 / 1600 = 0.00195.
    units = [(f"U{x}", x, 100) for x in (40, 45, 50, 55, 60)]
    spread = overdispersion(units, 0.5)
    assert (spread.units, spread.z_low, spread.z_high) == (5, pytest.approx(-1.6), pytest.approx(1.6))
    assert spread.phi == pytest.approx(1.424) and spread.tau2 == pytest.approx(0.00195)
    assert spread.overdispersed

    plain = funnel(units, target=0.5, method=NORMAL)
    # 0.5 -/+ 1.959964 * 0.05 = 0.4020..0.5980: 0.40 and 0.60 lie outside
    assert [u.position for u in plain.units] == [BELOW_ALERT, INSIDE, INSIDE, INSIDE, ABOVE_ALERT]
    assert not plain.widened

    widened = funnel(units, target=0.5, adjustment=MULTIPLICATIVE)
    # 0.5 -/+ 1.959964 * sqrt(1.424) * 0.05 = 0.5 -/+ 1.959964 * 1.1933147 * 0.05 = 0.5 -/+ 0.1169427
    assert widened.widened and widened.limits(100).low_95 == pytest.approx(0.5 - Z95 * math.sqrt(1.424) * 0.05)
    assert widened.limits(100).low_95 == pytest.approx(0.3830573, abs=1e-7)
    assert [u.position for u in widened.units] == [INSIDE] * 5

    additive = funnel(units, target=0.5, adjustment=ADDITIVE)
    # 0.5 -/+ 1.959964 * sqrt(0.0025 + 0.00195) = 0.5 -/+ 1.959964 * 0.0667083 = 0.5 -/+ 0.1307459
    assert additive.limits(100).high_95 == pytest.approx(0.6307459, abs=1e-7)
    # at n = 10 000 the additive limits keep the between-unit spread, the multiplicative ones do not
    assert additive.limits(10000).high_95 == pytest.approx(0.5 + Z95 * math.sqrt(0.000025 + 0.00195))
    assert widened.limits(10000).high_95 == pytest.approx(0.5 + Z95 * math.sqrt(1.424) * 0.005)


def test_units_varying_less_than_chance_are_not_widened():
    units = [(f"U{i}", 50, 100) for i in range(6)]
    plot = funnel(units, target=0.5, adjustment=MULTIPLICATIVE)
    assert plot.overdispersion.phi == 0.0 and plot.overdispersion.tau2 == 0.0
    assert not plot.widened and plot.limits(100) == funnel_limits(0.5, 100)


def test_winsorising_keeps_one_extreme_unit_from_hiding_itself():
    units = [(f"U{i}", 85 + (i % 3) - 1, 100) for i in range(19)] + [("Outlier", 40, 100)]
    spread = overdispersion(units, 0.85)
    raw = sum(((x / n - 0.85) / math.sqrt(0.1275 / n)) ** 2 for _, x, n in units) / len(units)
    assert raw > 5 and spread.phi < 1
    plot = funnel(units, target=0.85, adjustment=MULTIPLICATIVE)
    assert [u.label for u in plot.outside] == ["Outlier"]


def test_overdispersion_needs_two_units_and_a_variance():
    assert overdispersion([("A", 3, 4)], 0.5).phi is None
    assert overdispersion([("A", 4, 4), ("B", 6, 6)], 1.0).tau2 is None
    assert overdispersion([("A", 0, 0), ("B", 2, 5)], 0.5).units == 1


def test_a_unit_without_cases_is_listed_but_not_placed():
    plot = funnel([("Busy", 80, 100), ("Idle", 0, 0)])
    idle = plot.units[1]
    assert idle.position == NO_CASES and idle.rate is None and idle.limits is None and idle.z is None
    assert plot.target == 0.8 and plot.overdispersion.units == 1


def test_no_cases_at_all():
    plot = funnel([("Idle", 0, 0)])
    assert plot.target is None and plot.limits(10) is None and plot.curve() == ()
    assert funnel([]).units == ()


def test_z_scores_and_the_curve():
    plot = funnel([("A", 30, 40), ("B", 90, 100)], target=0.8)
    assert plot.units[0].z == pytest.approx((0.75 - 0.8) / math.sqrt(0.16 / 40))
    curve = plot.curve()
    assert curve[0].n == 1 and curve[-1].n == 100 and len(curve) <= 61
    assert curve[-1] == plot.limits(100) and plot.curve([5, 50])[1] == funnel_limits(0.8, 50)
    assert all(a.low_95 <= b.low_95 + 1e-9 for a, b in zip(curve[10:], curve[11:]))   # the funnel narrows


def test_drawing_sizes():
    assert drawing_sizes(0) == () and drawing_sizes(5) == (1, 2, 3, 4, 5)
    sizes = drawing_sizes(5000, points=40)
    assert sizes[0] == 1 and sizes[-1] == 5000 and len(sizes) <= 41 and list(sizes) == sorted(set(sizes))
    assert sum(1 for s in sizes if s <= 50) > sum(1 for s in sizes if s > 500)      # dense where it bends


def test_funnel_rejects_bad_arguments():
    with pytest.raises(ValueError):
        funnel([("A", 1, 2)], method="poisson")
    with pytest.raises(ValueError):
        funnel([("A", 1, 2)], adjustment="both")
    with pytest.raises(ValueError):
        funnel_limits(0.5, 0)
    with pytest.raises(WorkbenchError) as caught:
        funnel([("A", 1, 2)], target=-0.1)
    assert caught.value.code == "statistics.rate"
    with pytest.raises(WorkbenchError):
        funnel([("A", 3, 2)])


def test_position_labels_are_bilingual():
    assert all(en and zh and en != zh for en, zh in POSITION_LABELS.values())


# --- difference of two rates: Newcombe's hybrid score interval -----------------------------------

@pytest.mark.parametrize("case", REFERENCE["cases"], ids=lambda c: f"{c['x1']}/{c['n1']}-{c['x2']}/{c['n2']}@{c['confidence']}")
def test_newcombe_matches_statsmodels(case):
    found = rate_difference(case["x1"], case["n1"], case["x2"], case["n2"], case["confidence"])
    assert found.difference == pytest.approx(case["x1"] / case["n1"] - case["x2"] / case["n2"], abs=1e-15)
    assert found.low == pytest.approx(case["low"], abs=1e-12)
    assert found.high == pytest.approx(case["high"], abs=1e-12)


@pytest.mark.parametrize("counts, published", [
    # Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
])
def test_newcombe_1998_worked_examples(counts, published):
    found = rate_difference(*counts)
    assert (round(found.low, 4), round(found.high, 4)) == published


def test_newcombe_by_hand_from_the_two_wilson_intervals():
    # 56/70 = 0.8, Wilson 0.6918..0.8770; 48/80 = 0.6, Wilson 0.4905..0.7004 (95%)
    # low  = 0.2 - sqrt(0.1082^2 + 0.1004^2) = 0.2 - 0.1476 = 0.0524
    # high = 0.2 + sqrt(0.0770^2 + 0.1095^2) = 0.2 + 0.1339 = 0.3339
    found = rate_difference(56, 70, 48, 80)
    l1, u1, l2, u2 = found.first.low, found.first.high, found.second.low, found.second.high
    assert (round(l1, 4), round(u1, 4), round(l2, 4), round(u2, 4)) == (0.6918, 0.8770, 0.4905, 0.7004)
    assert found.low == pytest.approx(0.2 - math.sqrt((0.8 - l1) ** 2 + (u2 - 0.6) ** 2))
    assert found.high == pytest.approx(0.2 + math.sqrt((u1 - 0.8) ** 2 + (0.6 - l2) ** 2))


def test_direction_only_when_the_interval_excludes_zero():
    assert rate_difference(56, 70, 48, 80).direction == UP
    assert rate_difference(48, 80, 56, 70).direction == DOWN
    assert rate_difference(5, 56, 0, 29).direction == NO_CHANGE          # 8.9% vs 0%, but the interval holds 0
    assert rate_difference(17, 20, 17, 20).direction == NO_CHANGE
    assert set(DIRECTION_LABELS) == {UP, DOWN, NO_CHANGE}


def test_a_ten_point_dip_in_a_quarter_of_120_reviews():
    """85% then 75% with 120 reviews each: the interval still holds 0 (just), so no marker; against
    the four quarters before it pooled (480 reviews at 85%) the dip is clear."""
    dip = rate_difference(90, 120, 102, 120)
    assert dip.difference == pytest.approx(-0.1) and dip.direction == NO_CHANGE
    assert (round(dip.low, 4), round(dip.high, 4)) == (-0.1997, 0.0016)
    pooled = rate_difference(90, 120, 408, 480)
    assert pooled.direction == DOWN and pooled.high == pytest.approx(-0.0228, abs=1e-4)


def test_no_interval_without_cases():
    found = rate_difference(0, 0, 3, 10)
    assert found.difference is None and found.low is None and found.direction == NO_CHANGE
    assert found.second.rate == 0.3


def test_newcombe_rejects_impossible_counts():
    with pytest.raises(WorkbenchError):
        rate_difference(5, 4, 1, 2)
    with pytest.raises(WorkbenchError):
        rate_difference(1, 4, 1, 2, confidence=1.5)
