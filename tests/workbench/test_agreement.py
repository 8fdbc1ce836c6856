"""Agreement between reviewers (calibration, issue 14) against published worked examples and against
statsmodels, krippendorff and irrCAC (values computed once by tests/data/agreement_reference.py; the
JSON holds them, so those packages are not needed here)."""
from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from foundation.errors import WorkbenchError
from workbench.stats.agreement import (
    BAND_LABELS,
    NO_COMPLETE_UNITS,
    ONE_CATEGORY,
    REASON_LABELS,
    TOO_FEW_RATERS,
    TOO_FEW_UNITS,
    Agreement,
    agreement,
    band,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    kappa,
    krippendorff_alpha,
    percent_agreement,
)

N = None
REFERENCE = json.loads((Path(__file__).parent.parent / "data" / "agreement_reference.json").read_text("utf-8"))
TABLES = {table["name"]: table for table in REFERENCE["tables"]}

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
# units with missing values (one row per unit here, one column per observer).
KRIPPENDORFF_2011 = [
    [1, 1, N, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [N, 5, 5, 5], [N, N, 1, 1], [N, 3, N, N],
]
# Wikipedia, "Fleiss' kappa", worked example: how many of 14 raters put each of 10 subjects in each
# of 5 categories; kappa = 0.210 (P-bar = 0.378, P-bar_e = 0.213).
FLEISS_COUNTS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                 [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
FLEISS_TABLE = [[category for category, count in enumerate(row, 1) for _ in range(count)] for row in FLEISS_COUNTS]
# 30 cases, 2 reviewers: 28 both "pass", one each way "pass"/"fail".
PARADOX = [["pass", "pass"]] * 28 + [["pass", "fail"], ["fail", "pass"]]


# --- published worked examples ------------------------------------------------------------------

def test_wikipedia_fleiss_example():
    assert all(len(row) == 14 for row in FLEISS_TABLE)
    assert round(fleiss_kappa(FLEISS_TABLE), 3) == 0.210
    assert kappa(FLEISS_TABLE) == fleiss_kappa(FLEISS_TABLE)
    assert round(percent_agreement(FLEISS_TABLE), 3) == 0.378      # Fleiss' P-bar


def test_krippendorff_2011_reliability_data():
    assert round(krippendorff_alpha(KRIPPENDORFF_2011), 3) == 0.743
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "ordinal"), 3) == 0.815
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "ordinal", order=[1, 2, 3, 4, 5]), 3) == 0.815


def test_gwet_ac1_of_the_same_data_as_irrcac_documents_it():
    # irrCAC's `raw_4raters` example is Krippendorff's table: AC1 0.77544, pa 0.81818, pe 0.19032.
    assert round(gwet_ac1(KRIPPENDORFF_2011), 5) == 0.77544
    assert round(percent_agreement(KRIPPENDORFF_2011), 5) == 0.81818


def test_the_published_tables_in_the_reference_are_the_ones_tested_here():
    assert TABLES["Krippendorff 2011"]["ratings"] == KRIPPENDORFF_2011
    assert TABLES["Wikipedia Fleiss' kappa example"]["ratings"] == FLEISS_TABLE


# --- independent implementations ------------------------------------------------------------

def test_the_reference_holds_what_the_issue_asks_for():
    assert REFERENCE["versions"].keys() >= {"statsmodels", "krippendorff", "irrCAC"}
    tables = REFERENCE["tables"]
    assert len(tables) >= 40
    widths = {len(t["ratings"][0]) for t in tables}
    assert {2, 3, 4, 5, 6} <= widths
    assert any(None in row for t in tables for row in t["ratings"])
    for name in ("everybody agrees, two categories", "one category", "one case only, two raters",
                 "a rater with all ratings missing", "units with a single rating", "kappa paradox"):
        assert name in TABLES
    for key in ("cohen_kappa", "fleiss_kappa", "alpha_nominal", "alpha_ordinal", "ac1", "percent"):
        assert sum(t[key] is not None for t in tables) >= 8, key


def same(value: float | None, reference: float | None) -> bool:
    if reference is None:
        return value is None
    return value is not None and math.isclose(value, reference, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_matches_statsmodels_krippendorff_and_irrcac(name):
    table = TABLES[name]
    ratings = table["ratings"]
    raters = sum(any(row[j] is not None for row in ratings) for j in range(len(ratings[0])))
    assert same(cohen_kappa(ratings) if raters == 2 else None, table["cohen_kappa"])
    assert same(fleiss_kappa(ratings), table["fleiss_kappa"])
    assert same(krippendorff_alpha(ratings), table["alpha_nominal"])
    assert same(krippendorff_alpha(ratings, "ordinal"), table["alpha_ordinal"])
    assert same(gwet_ac1(ratings, table.get("categories")), table["ac1"])
    assert same(percent_agreement(ratings), table["percent"])


@pytest.mark.parametrize("name", sorted(TABLES))
def test_agreement_reports_the_same_values(name):
    table = TABLES[name]
    result = agreement(table["ratings"], categories=table.get("categories"), replicates=30)
    assert set(result) == {"percent", "kappa", "alpha", "ac1"}
    assert same(result["percent"].value, table["percent"])
    assert same(result["alpha"].value, table["alpha_nominal"])
    assert same(result["ac1"].value, table["ac1"])
    expected = table["cohen_kappa"] if result["kappa"].measure == "cohen_kappa" else table["fleiss_kappa"]
    assert same(result["kappa"].value, expected)
    for figure in result.values():
        assert (figure.value is None) == bool(figure.reason)


# --- degenerate tables ---------------------------------------------------------------------

def test_everybody_agrees_on_two_categories():
    result = agreement([["yes", "yes", "yes"], ["no", "no", "no"], ["yes", "yes", "yes"]])
    for figure in result.values():
        assert (figure.value, figure.low, figure.high, figure.reason) == (1.0, 1.0, 1.0, "")
    assert cohen_kappa([["yes", "yes"], ["no", "no"]]) == 1.0


def test_everybody_answers_the_same_single_category():
    table = [["pass", "pass", "pass"], ["pass", "pass", N], ["pass", "pass", "pass"]]
    result = agreement(table)
    assert (result["kappa"].value, result["kappa"].reason) == (None, ONE_CATEGORY)
    assert (result["alpha"].value, result["alpha"].reason) == (None, ONE_CATEGORY)
    assert result["kappa"].low is None and result["alpha"].high is None
    assert result["percent"].value == 1.0
    assert result["ac1"].value == 1.0          # Gwet: AC1 is defined here (irrCAC gives 1 too)
    assert cohen_kappa([["pass", "pass"], ["pass", "pass"]]) is None
    assert gwet_ac1([["pass", "pass"]], categories=["pass", "fail"]) == 1.0


def test_one_case_only_has_values_but_no_interval():
    result = agreement([["pass", "fail"]])
    assert result["percent"].value == 0.0
    assert result["kappa"].value == 0.0 and result["alpha"].value == 0.0
    for figure in result.values():
        assert figure.units == 1 and figure.low is None and figure.high is None


def test_a_rater_with_no_rating_is_not_a_rater():
    with_empty = [["a", N, "a"], ["b", N, "b"], ["a", N, "b"], ["b", N, "b"]]
    without = [[row[0], row[2]] for row in with_empty]
    assert agreement(with_empty, replicates=0) == agreement(without, replicates=0)
    assert agreement(with_empty, replicates=0)["kappa"].measure == "cohen_kappa"
    assert cohen_kappa(with_empty) == cohen_kappa(without)


def test_a_unit_with_a_single_rating_enters_no_pair():
    table = [["a", "a", N], ["b", "b", "b"], ["a", "b", "a"], ["b", "b", "a"], ["a", "a", "a"]]
    lonely = table + [[N, "b", N]]
    for coefficient in (percent_agreement, fleiss_kappa, krippendorff_alpha):
        assert coefficient(lonely) == coefficient(table)
    assert agreement(lonely, replicates=0)["alpha"].units == 5
    # Gwet's category shares count every rated unit, so AC1 moves (as irrCAC's does).
    assert gwet_ac1(lonely) != gwet_ac1(table)


@pytest.mark.parametrize(("table", "reason"), [
    ([], TOO_FEW_RATERS),
    ([[N, N], [N, N]], TOO_FEW_RATERS),
    ([["a"], ["b"], ["a"]], TOO_FEW_RATERS),
    ([["a", N, N], ["b", N, N]], TOO_FEW_RATERS),
    ([["a", N], [N, "b"], ["a", N]], TOO_FEW_UNITS),
])
def test_nothing_to_compare_gives_a_reason_not_an_error(table, reason):
    result = agreement(table)
    for figure in result.values():
        assert isinstance(figure, Agreement)
        assert (figure.value, figure.low, figure.high, figure.reason) == (None, None, None, reason)
    assert percent_agreement(table) is None and kappa(table) is None
    assert krippendorff_alpha(table, "ordinal") is None and gwet_ac1(table) is None


def test_fleiss_kappa_uses_only_units_rated_by_every_rater():
    table = [["a", "a", "b"], ["a", "b", "b"], ["b", "b", "b"], ["a", N, "a"], [N, "b", "a"]]
    assert fleiss_kappa(table) == fleiss_kappa(table[:3])
    result = agreement(table, replicates=0)
    assert result["kappa"].units == 3 and result["alpha"].units == 5
    gaps = [["a", "a", N], ["b", N, "b"], [N, "a", "b"]]
    assert fleiss_kappa(gaps) is None
    assert agreement(gaps)["kappa"].reason == NO_COMPLETE_UNITS
    assert agreement(gaps)["alpha"].value is not None


def test_nan_is_a_missing_rating():
    nan = float("nan")
    assert agreement([[1.0, nan], [2.0, 2.0], [1.0, 1.0]], replicates=0) == \
        agreement([[1.0, N], [2.0, 2.0], [1.0, 1.0]], replicates=0)


# --- categories, order and bad input ---------------------------------------------------------

def test_order_ranks_the_ordinal_categories():
    table = [["low", "mid"], ["mid", "mid"], ["high", "mid"], ["low", "low"], ["high", "high"], ["mid", "high"]]
    order = ["low", "mid", "high"]
    ranked = krippendorff_alpha(table, "ordinal", order=order)
    numbers = {"low": 1, "mid": 2, "high": 3}
    assert ranked == pytest.approx(krippendorff_alpha([[numbers[v] for v in row] for row in table], "ordinal"))
    assert krippendorff_alpha(table, "ordinal", order=order[::-1]) == pytest.approx(ranked)
    assert krippendorff_alpha(table, "ordinal", order=["mid", "low", "high"]) != pytest.approx(ranked)
    assert krippendorff_alpha(table, "nominal", order=order) == krippendorff_alpha(table)
    assert agreement(table, level="ordinal", order=order, replicates=0)["alpha"].value == ranked
    assert agreement(table, level="ordinal", order=order)["alpha"].measure == "krippendorff_alpha_ordinal"


def test_categories_set_ac1s_chance_agreement():
    table = TABLES["unused category"]
    assert gwet_ac1(table["ratings"], [1, 2, 3]) == pytest.approx(table["ac1"], abs=1e-12)
    assert gwet_ac1(table["ratings"]) != pytest.approx(table["ac1"])
    result = agreement(table["ratings"], categories=[1, 2, 3], replicates=0)
    assert result["ac1"].value == gwet_ac1(table["ratings"], [1, 2, 3])
    assert agreement(table["ratings"], order=[1, 2, 3], replicates=0)["ac1"].value == result["ac1"].value


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, 2]], level="interval")
    with pytest.raises(ValueError):
        agreement([[1, 2]], level="ratio")
    with pytest.raises(ValueError):
        krippendorff_alpha([["a", 1], [2, "b"]], "ordinal")          # cannot be sorted: needs an order
    assert krippendorff_alpha([["a", 1], [2, "b"], ["a", "a"]]) is not None
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, 2], [3, 3]], "ordinal", order=[1, 2])   # 3 is not in the order
    with pytest.raises(ValueError):
        gwet_ac1([[1, 2]], categories=[1, 1, 2])
    with pytest.raises(ValueError):
        cohen_kappa([[1, 1, 2], [2, 2, 2]])
    with pytest.raises(ValueError):
        percent_agreement([[1, 2], [1]])
    with pytest.raises(WorkbenchError) as raised:
        agreement([[1, 2]], confidence=1.5)
    assert raised.value.code == "statistics.confidence"


# --- the bootstrap --------------------------------------------------------------------------

def test_the_same_seed_gives_the_same_intervals():
    table = TABLES["random 8"]["ratings"]
    assert agreement(table, seed=7) == agreement(table, seed=7)
    assert agreement(table, seed=7)["alpha"].low != agreement(table, seed=8)["alpha"].low


@pytest.mark.parametrize("name", ["random 6", "random 8", "random 14", "random 29", "random 31", "Krippendorff 2011"])
def test_the_interval_holds_the_estimate(name):
    for key, figure in agreement(TABLES[name]["ratings"]).items():
        assert figure.low is not None, key
        assert figure.low <= figure.value <= figure.high, key
        assert figure.high - figure.low > 0.01, key


def test_the_interval_is_the_percentiles_of_the_replicates():
    table = TABLES["random 7"]["ratings"]
    narrow = agreement(table, confidence=0.5)["percent"]
    wide = agreement(table, confidence=0.99)["percent"]
    assert wide.low < narrow.low < narrow.high < wide.high
    rng = random.Random(20240101)
    values = []
    for _ in range(1000):
        drawn = rng.choices(table, k=len(table))
        values.append(percent_agreement(drawn))
    values.sort()
    default = agreement(table)["percent"]
    assert default.low == pytest.approx(values[24] + 0.975 * (values[25] - values[24]))
    assert default.high == pytest.approx(values[974] + 0.025 * (values[975] - values[974]))


def test_too_few_defined_replicates_give_no_interval():
    table = TABLES["random 8"]["ratings"]
    assert agreement(table, replicates=19)["kappa"].low is None
    assert agreement(table, replicates=20)["kappa"].low is not None
    assert agreement(table, replicates=0)["ac1"].high is None
    assert agreement(table, replicates=0)["ac1"].value == gwet_ac1(table)


# --- bands and the kappa paradox -----------------------------------------------------------

@pytest.mark.parametrize(("value", "code"), [
    (-1.0, "poor"), (-0.0001, "poor"), (0.0, "slight"), (0.2, "slight"), (0.2001, "fair"), (0.21, "fair"),
    (0.4, "fair"), (0.41, "moderate"), (0.6, "moderate"), (0.61, "substantial"), (0.8, "substantial"),
    (0.81, "almost_perfect"), (1.0, "almost_perfect"), (None, "undefined"), (float("nan"), "undefined"),
])
def test_landis_koch_bands(value, code):
    assert band(value) == code


def test_every_band_and_reason_has_english_and_chinese_words():
    assert set(BAND_LABELS) == {"poor", "slight", "fair", "moderate", "substantial", "almost_perfect", "undefined"}
    assert set(REASON_LABELS) == {TOO_FEW_RATERS, TOO_FEW_UNITS, NO_COMPLETE_UNITS, ONE_CATEGORY}
    for english, chinese in [*BAND_LABELS.values(), *REASON_LABELS.values()]:
        assert english.isascii() and english
        assert any("\u4e00" <= character <= "\u9fff" for character in chinese)
    assert len({chinese for _, chinese in BAND_LABELS.values()}) == len(BAND_LABELS)


def test_the_kappa_paradox():
    """High agreement on a rare 'fail': kappa says poor, AC1 and percent agreement say almost perfect.
    This is why the workbench shows them side by side."""
    result = agreement(PARADOX)
    assert result["percent"].value == pytest.approx(28 / 30)
    assert result["kappa"].measure == "cohen_kappa"
    assert result["kappa"].value == pytest.approx(-1 / 29)           # p_o = 28/30, p_e = (29/30)^2 + (1/30)^2
    assert band(result["kappa"].value) == "poor" and band(result["alpha"].value) == "poor"
    assert result["ac1"].value > 0.9 and band(result["ac1"].value) == "almost_perfect"
    assert result["kappa"].high < 0.2 < 0.8 < result["ac1"].low
    assert result["ac1"].value == pytest.approx(TABLES["kappa paradox"]["ac1"])
