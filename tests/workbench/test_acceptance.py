"""ISO 2859-1 single sampling, normal inspection, against the standard's tables written out here.

The tables below are typed from the standard's layout, not computed: Table 1 (code letters for
every inspection level) and Table 2-A (one row per code letter, one column per AQL, Ac in the
cell or an arrow: v = use the first plan below, ^ = the first plan above). Every AQL x letter
cell is checked, and every lot-size range x level x AQL. The Ac reached after the arrows was
also compared, cell by cell, with the MIL-STD-105E normal-inspection table shipped by the CRAN
package Planesmuestra (data `milstd105eplans`): all 416 cells agree.
"""
from __future__ import annotations

import pytest

from workbench.rounds.acceptance import (
    ALL_AQLS,
    AQLS,
    LEVELS,
    PER_HUNDRED_AQLS,
    AcceptancePlan,
    acceptance_plan,
    code_letter,
    plan_for_letter,
)
from foundation.errors import WorkbenchError

LOT_RANGES = [
    (2, 8), (9, 15), (16, 25), (26, 50), (51, 90), (91, 150), (151, 280), (281, 500),
    (501, 1200), (1201, 3200), (3201, 10000), (10001, 35000), (35001, 150000),
    (150001, 500000), (500001, 10_000_000),
]
TABLE_1 = {   # one letter per lot-size range above
    "S-1": "A A A A B B B B C C C C D D D",
    "S-2": "A A A B B B C C C D D D E E E",
    "S-3": "A A B B C C D D E E F F G G H",
    "S-4": "A A B C C D E E F G G H J J K",
    "I":   "A A B C C D E F G H J K L M N",
    "II":  "A B C D E F G H J K L M N P Q",
    "III": "B C D E F G H J K L M N P Q R",
}

COLUMNS = "0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65 1.0 1.5 2.5 4.0 6.5 10 " \
          "15 25 40 65 100 150 250 400 650 1000"
TABLE_2A = [
    #  n  | 0.010                                                 6.5 10 | 15 25 40 65 100 .. 1000
    "A    2 |  v  v  v  v  v  v  v  v  v  v  v  v  v  v  0  v  v  1  2  3  5  7 10 14 21 30",
    "B    3 |  v  v  v  v  v  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21 30 44",
    "C    5 |  v  v  v  v  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21 30 44  ^",
    "D    8 |  v  v  v  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21 30 44  ^  ^",
    "E   13 |  v  v  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21 30 44  ^  ^  ^",
    "F   20 |  v  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^",
    "G   32 |  v  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^",
    "H   50 |  v  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^",
    "J   80 |  v  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "K  125 |  v  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "L  200 |  v  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "M  315 |  v  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "N  500 |  v  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "P  800 |  v  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "Q 1250 |  0  ^  v  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
    "R 2000 |  ^  ^  1  2  3  5  7 10 14 21  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^",
]
ROWS = [(line.split()[0], int(line.split()[1]), line.split("|")[1].split()) for line in TABLE_2A]
AQL_COLUMNS = [float(a) for a in COLUMNS.split()]


def follow(row: int, column: int) -> tuple[str, int, int]:
    """(plan letter, n, Ac) by walking the written-out arrows; fails if an arrow leaves the table."""
    seen = 0
    while True:
        cell = ROWS[row][2][column]
        if cell not in ("v", "^"):
            return ROWS[row][0], ROWS[row][1], int(cell)
        row += 1 if cell == "v" else -1
        seen += 1
        assert 0 <= row < len(ROWS) and seen < len(ROWS), "an arrow runs off the table"


def test_the_written_tables_have_the_standard_shape():
    assert AQL_COLUMNS == list(ALL_AQLS) and len(ROWS) == 16
    assert all(len(cells) == 26 for _, _, cells in ROWS)
    assert list(AQLS) == AQL_COLUMNS[:16] and list(PER_HUNDRED_AQLS) == AQL_COLUMNS[16:]
    assert set(TABLE_1) == set(LEVELS)


@pytest.mark.parametrize("column", range(26))
def test_every_letter_at_every_aql(column: int):
    aql = AQL_COLUMNS[column]
    for row, (letter, _, _) in enumerate(ROWS):
        assert plan_for_letter(letter, aql, per_hundred_units=True) == follow(row, column), (letter, aql)


@pytest.mark.parametrize("level", LEVELS)
def test_every_lot_range_at_every_level(level: str):
    letters = TABLE_1[level].split()
    for (low, high), letter in zip(LOT_RANGES, letters):
        for lot in (low, high):
            assert code_letter(lot, level) == letter, (level, lot)
        for column, aql in enumerate(AQL_COLUMNS):
            plan_letter, n, ac = follow([r[0] for r in ROWS].index(letter), column)
            plan = acceptance_plan(high, aql, level, per_hundred_units=True)
            assert plan == AcceptancePlan(letter=letter, sample_size=min(n, high), accept=ac, reject=ac + 1,
                                          plan_letter=plan_letter, full_inspection=n >= high), (level, high, aql)


def test_arrows_at_the_edges_of_the_table():
    # A at 10 has no row above: its arrow points down, past B, to C's Ac 1 (n = 5).
    assert plan_for_letter("A", 10) == ("C", 5, 1)
    # R at 0.015 has no row below: up to Q's up arrow, to P's Ac 0 (n = 800).
    assert plan_for_letter("R", 0.015) == ("P", 800, 0)
    # Past Ac 44 (and past 21 from row F down) the arrows run up the column.
    assert plan_for_letter("R", 1000, per_hundred_units=True) == ("B", 3, 44)
    assert plan_for_letter("F", 100, per_hundred_units=True) == ("E", 13, 21)
    assert plan_for_letter("A", 0.010) == ("Q", 1250, 0)


def test_the_plan_names_both_letters():
    plan = acceptance_plan(200, 1.0)      # G at 1.0: down arrow to H
    assert plan.describe() == "code letter G -> plan of H: n=50, Ac 1, Re 2"
    assert acceptance_plan(400, 2.5).describe() == "code letter H: n=50, Ac 3, Re 4"
    assert acceptance_plan(5, 0.65).describe() == "code letter A -> plan of F: n=5 (every case of the lot), Ac 0, Re 1"


def test_special_levels_give_small_samples():
    plan = acceptance_plan(1000, 2.5, "S-1")
    assert (plan.letter, plan.plan_letter, plan.sample_size, plan.accept) == ("C", "C", 5, 0)
    assert acceptance_plan(1000, 2.5, "S-4").letter == "F"


@pytest.mark.parametrize("aql", PER_HUNDRED_AQLS)
def test_aqls_above_10_only_for_nonconformities_per_hundred_units(aql: float):
    with pytest.raises(WorkbenchError) as caught:
        acceptance_plan(500, aql)
    assert caught.value.code == "sample_size.aql_per_hundred"
    assert "per 100" in caught.value.message() and "0.010 to 10" in caught.value.message()
    assert acceptance_plan(500, aql, per_hundred_units=True).accept >= 1


@pytest.mark.parametrize("level", ["S-5", "IV", "", None, "ii"])
def test_unknown_level(level):
    with pytest.raises(WorkbenchError) as caught:
        acceptance_plan(500, 2.5, level)
    assert caught.value.code == "sample_size.level"
