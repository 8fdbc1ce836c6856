"""Estimation sample sizes and ISO 2859-1 acceptance plans against worked values."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foundation.errors import WorkbenchError
from workbench.rounds.acceptance import (
    AQLS,
    LETTERS,
    AcceptancePlan,
    acceptance_plan,
    code_letter,
    lot_verdict,
    sample_size_for_letter,
)
from workbench.rounds.sample_size import sample_size


@pytest.mark.parametrize(
    ("expected", "population", "n"),
    [
        (0.9, None, 139),
        (0.9, 2000, 130),
        (0.5, None, 385),
        (0.5, 2000, 323),
    ],
)
def test_sample_size_worked_values(expected: float, population: int | None, n: int) -> None:
    assert sample_size(confidence=0.95, margin=0.05, expected=expected, population=population) == n


def test_sample_size_grows_with_confidence() -> None:
    sizes = [sample_size(confidence=c, margin=0.05, expected=0.5) for c in (0.90, 0.95, 0.99)]
    assert sizes == sorted(sizes) and len(set(sizes)) == 3
    # 1.645^2 * 0.25 / 0.0025 = 270.6 and 2.576^2 * 100 = 663.5
    assert sizes == [271, 385, 664]


def test_sample_size_certain_rate_still_needs_one_case() -> None:
    assert sample_size(confidence=0.95, margin=0.05, expected=1.0) == 1
    assert sample_size(confidence=0.95, margin=0.05, expected=0.0, population=10) == 1


@given(
    population=st.integers(min_value=1, max_value=100_000),
    expected=st.floats(min_value=0.0, max_value=1.0),
    margin=st.floats(min_value=0.001, max_value=0.5),
)
def test_sample_size_never_more_than_population(population: int, expected: float, margin: float) -> None:
    n = sample_size(confidence=0.95, margin=margin, expected=expected, population=population)
    assert 1 <= n <= population


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        (dict(confidence=1.0, margin=0.05, expected=0.5), "sample_size.confidence"),
        (dict(confidence=0.0, margin=0.05, expected=0.5), "sample_size.confidence"),
        (dict(confidence=0.02, margin=0.05, expected=0.5), "sample_size.confidence"),
        (dict(confidence=95, margin=0.05, expected=0.5), "sample_size.confidence"),
        (dict(confidence=0.95, margin=0.0, expected=0.5), "sample_size.margin"),
        (dict(confidence=0.95, margin=0.6, expected=0.5), "sample_size.margin"),
        (dict(confidence=0.95, margin=float("nan"), expected=0.5), "sample_size.margin"),
        (dict(confidence=0.95, margin=0.05, expected=-0.1), "sample_size.expected"),
        (dict(confidence=0.95, margin=0.05, expected=1.5), "sample_size.expected"),
        (dict(confidence=0.95, margin=0.05, expected=0.5, population=0), "sample_size.population"),
        (dict(confidence=0.95, margin=0.05, expected=0.5, population=2.5), "sample_size.population"),
    ],
)
def test_sample_size_rejects_bad_arguments(kwargs: dict, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        sample_size(**kwargs)
    assert caught.value.code == code


# ISO 2859-1 Table 1 -------------------------------------------------------

LOT_RANGES = [
    (2, 8), (9, 15), (16, 25), (26, 50), (51, 90), (91, 150), (151, 280), (281, 500),
    (501, 1200), (1201, 3200), (3201, 10000), (10001, 35000), (35001, 150000),
    (150001, 500000), (500001, 10_000_000),
]
TABLE_1 = {
    "I": "AABCCDEFGHJKLMN",
    "II": "ABCDEFGHJKLMNPQ",
    "III": "BCDEFGHJKLMNPQR",
}


@pytest.mark.parametrize("level", ["I", "II", "III"])
def test_code_letter_full_table_at_range_edges(level: str) -> None:
    for (low, high), letter in zip(LOT_RANGES, TABLE_1[level]):
        assert code_letter(low, level) == letter, (level, low)
        assert code_letter(high, level) == letter, (level, high)


def test_code_letter_defaults_to_level_ii_and_accepts_a_single_case() -> None:
    assert code_letter(400) == "H"
    assert code_letter(1) == "A"


@pytest.mark.parametrize(("lot", "level", "code"), [(0, "II", "sample_size.lot_size"), (10, "S-5", "sample_size.level")])
def test_code_letter_rejects_bad_arguments(lot: int, level: str, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        code_letter(lot, level)
    assert caught.value.code == code


def test_sample_size_for_every_letter() -> None:
    sizes = [sample_size_for_letter(letter) for letter in LETTERS]
    assert sizes == [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000]
    with pytest.raises(WorkbenchError) as caught:
        sample_size_for_letter("I")  # the standard skips I and O
    assert caught.value.code == "sample_size.letter"


# ISO 2859-1 Table 2-A, normal inspection, single sampling -----------------

def test_worked_example_lot_281_to_500_at_aql_2_5() -> None:
    for lot in (281, 400, 500):
        plan = acceptance_plan(lot, 2.5)
        assert plan == AcceptancePlan(
            letter="H", sample_size=50, accept=3, reject=4, plan_letter="H", full_inspection=False
        )


# (lot size at level II, AQL) -> (letter, plan row, n, Ac, Re), read from Table 2-A.
@pytest.mark.parametrize(
    ("lot", "aql", "expected"),
    [
        (1000, 1.0, ("J", "J", 80, 2, 3)),
        (200, 4.0, ("G", "G", 32, 3, 4)),
        (2000, 0.65, ("K", "K", 125, 2, 3)),
        (80, 1.0, ("E", "E", 13, 0, 1)),  # E at 1.0 is Ac 0 itself, no arrow
        (120, 1.0, ("F", "E", 13, 0, 1)),  # F at 1.0: up arrow to E
        (200, 1.0, ("G", "H", 50, 1, 2)),  # G at 1.0: down arrow to H
        (400, 0.65, ("H", "J", 80, 1, 2)),  # H at 0.65: down arrow to J
        (1000, 2.5, ("J", "J", 80, 5, 6)),
        (3000, 2.5, ("K", "K", 125, 7, 8)),
        (5000, 2.5, ("L", "L", 200, 10, 11)),
        (20000, 2.5, ("M", "M", 315, 14, 15)),
        (100000, 2.5, ("N", "N", 500, 21, 22)),
        (1_000_000, 2.5, ("Q", "N", 500, 21, 22)),  # up arrows past Ac 21
        (1_000_000, 1.0, ("Q", "Q", 1250, 21, 22)),
        (1_000_000, 0.065, ("Q", "Q", 1250, 2, 3)),
        (5000, 0.065, ("L", "L", 200, 0, 1)),
        (1000, 0.065, ("J", "L", 200, 0, 1)),  # down arrow to the Ac 0 plan
        (20000, 0.065, ("M", "L", 200, 0, 1)),  # M at 0.065: up arrow to L
        (50000, 0.065, ("N", "P", 800, 1, 2)),  # N at 0.065: down arrow to P
        (600, 10.0, ("J", "J", 80, 14, 15)),
        (5000, 10.0, ("L", "K", 125, 21, 22)),
        (300, 6.5, ("H", "H", 50, 7, 8)),
    ],
)
def test_table_2a_plans(lot: int, aql: float, expected: tuple) -> None:
    plan = acceptance_plan(lot, aql)
    assert (plan.letter, plan.plan_letter, plan.sample_size, plan.accept, plan.reject) == expected
    assert plan.full_inspection is False


@pytest.mark.parametrize(
    ("lot", "aql", "expected"),
    [
        (8, 6.5, ("A", "A", 2, 0, 1)),
        (5, 0.65, ("A", "F", 5, 0, 1)),  # F's n = 20 exceeds the lot: inspect all 5
        (3, 10.0, ("A", "C", 3, 1, 2)),  # A at 10 points down to C (n = 5)
        (15, 4.0, ("B", "B", 3, 0, 1)),
        (15, 6.5, ("B", "A", 2, 0, 1)),  # B at 6.5: up arrow to A
    ],
)
def test_small_lots(lot: int, aql: float, expected: tuple) -> None:
    plan = acceptance_plan(lot, aql)
    assert (plan.letter, plan.plan_letter, plan.sample_size, plan.accept, plan.reject) == expected
    assert plan.full_inspection is (plan.sample_size == lot)


def test_sample_size_reaching_the_lot_means_full_inspection() -> None:
    plan = acceptance_plan(40, 0.10)  # D, arrow down to K (n = 125)
    assert plan.plan_letter == "K"
    assert plan.sample_size == 40 and plan.full_inspection


@pytest.mark.parametrize("level", ["I", "II", "III"])
@pytest.mark.parametrize("aql", AQLS)
def test_every_plan_is_consistent(level: str, aql: float) -> None:
    for low, high in LOT_RANGES:
        plan = acceptance_plan(high, aql, level)
        assert plan.reject == plan.accept + 1
        assert plan.accept in (0, 1, 2, 3, 5, 7, 10, 14, 21)
        assert plan.sample_size <= high
        assert plan.accept < plan.sample_size or plan.full_inspection


def test_level_iii_uses_its_letter() -> None:
    plan = acceptance_plan(400, 2.5, "III")
    assert (plan.letter, plan.sample_size, plan.accept) == ("J", 80, 5)


@pytest.mark.parametrize("aql", [0.05, 3.0, 12, "2.5"])
def test_unknown_aql_is_rejected(aql: float) -> None:
    with pytest.raises(WorkbenchError) as caught:
        acceptance_plan(500, aql)
    assert caught.value.code == "sample_size.aql"


def test_aql_given_as_close_float() -> None:
    assert acceptance_plan(500, 0.1 + 0.2 - 0.2) == acceptance_plan(500, 0.1)


def test_lot_verdict() -> None:
    plan = acceptance_plan(500, 2.5)
    assert lot_verdict(plan, 0) == "accept"
    assert lot_verdict(plan, 3) == "accept"
    assert lot_verdict(plan, 4) == "reject"
    assert lot_verdict(plan, 50) == "reject"
    for bad in (-1, 51):
        with pytest.raises(WorkbenchError) as caught:
            lot_verdict(plan, bad)
        assert caught.value.code == "sample_size.nonconforming"


@pytest.mark.parametrize(("kwargs", "expected"), [
    # The float formula overflows here; exact arithmetic gives the true sizes.
    (dict(confidence=0.95, margin=1e-170, expected=0.5, population=1000), 1000),
    (dict(confidence=0.95, margin=1e-155, expected=0.5, population=1000), 1000),
    (dict(confidence=0.95, margin=5e-324, expected=0.5, population=7), 7),
    # 1 - (1 - c)/2 rounds to 1.0 for this confidence: z comes from the lower tail instead.
    (dict(confidence=0.9999999999999999, margin=0.05, expected=0.5), 6877),
])
def test_extreme_but_valid_inputs_have_an_answer(kwargs: dict, expected: int) -> None:
    assert sample_size(**kwargs) == expected


def test_a_tiny_margin_without_a_population_is_a_very_large_exact_number() -> None:
    n = sample_size(confidence=0.95, margin=1e-155, expected=0.5)
    # z^2/4 / 1e-310 = 0.9604 * 1e310 (z = 1.95996...): 310 digits.
    assert len(str(n)) == 310 and str(n).startswith("9603")
