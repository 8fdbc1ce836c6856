"""ISO 2859-1 single sampling for normal inspection: Table 1 (code letters) and Table 2-A.

A lot (e.g. one examiner's decisions in one month) gets a code letter from its size and
the inspection level (Table 1); the letter's row of Table 2-A at the agreed AQL gives the
sample size n and the acceptance number Ac (reject at Re = Ac + 1). Where Table 2-A prints
an arrow instead of a plan, the plan of the first row below (down arrow) or above (up
arrow) is used, sample size included; that row's letter is kept as `plan_letter`, so a
plan reads "code letter G -> plan of H". When n reaches the lot size every case is
inspected, with the same Ac and Re.

AQLs 0.010 to 10 are percent nonconforming (a case is conforming or not). The standard's
AQLs 15 to 1000 exist only for nonconformities per 100 units (a count of findings that can
exceed the number of cases); `acceptance_plan` offers them only when asked to count
nonconformities (`per_hundred_units=True`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from foundation.errors import WorkbenchError, register

register({
    "sample_size.lot_size": "The lot size must be at least 1 case (got {value}).",
    "sample_size.level": "The inspection level must be S-1, S-2, S-3, S-4, I, II or III (got {value!r}).",
    "sample_size.letter": "Unknown sample size code letter {value!r}.",
    "sample_size.aql": "The AQL must be one of {allowed} (got {value}).",
    "sample_size.aql_per_hundred": (
        "AQL {value} counts nonconformities per 100 units: ISO 2859-1 offers AQLs above 10 only for a count "
        "of findings per 100 cases, and this plan counts nonconforming cases. Use an AQL from 0.010 to 10."
    ),
    "sample_size.nonconforming": "The number of nonconforming cases must be between 0 and {sample_size} (got {value}).",
})

LETTERS = "ABCDEFGHJKLMNPQR"
SAMPLE_SIZES = (2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000)

#: Inspection levels in the order of Table 1: special S-1..S-4 (small samples, where large
#: sampling risks are acceptable), then general I, II (the usual one), III.
LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")
DEFAULT_LEVEL = "II"

# Table 1: upper bound of each lot-size range (the last is open), and the code letter per level.
_LOT_UPPER = (8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, None)
_LEVEL_LETTERS = {
    "S-1": "AAAABBBBCCCCDDD",
    "S-2": "AAABBBCCCDDDEEE",
    "S-3": "AABBCCDDEEFFGGH",
    "S-4": "AABCCDEEFGGHJJK",
    "I": "AABCCDEFGHJKLMN",
    "II": "ABCDEFGHJKLMNPQ",
    "III": "BCDEFGHJKLMNPQR",
}

#: Every column of Table 2-A. Up to 10: percent nonconforming or nonconformities per 100
#: units; above 10: nonconformities per 100 units only.
ALL_AQLS = (0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10.0,
            15.0, 25.0, 40.0, 65.0, 100.0, 150.0, 250.0, 400.0, 650.0, 1000.0)
#: The AQLs for percent nonconforming cases, the workbench's lot verdicts.
AQLS = ALL_AQLS[:16]
PER_HUNDRED_AQLS = ALL_AQLS[16:]

# Table 2-A is diagonal: a cell depends on row + column (rows A = 0.., columns 0.010 = 0..).
# Ac 0 sits where row + column == 14 (A at 6.5 ... Q at 0.010); one diagonal to the right is
# an up arrow, the next a down arrow, then one Ac per diagonal. Left of Ac 0 the arrows point
# down; right of the last plan they point up. Ac 30 and 44 are printed only in rows A to E.
_ZERO = 14
_ACCEPT = {14: 0, 17: 1, 18: 2, 19: 3, 20: 5, 21: 7, 22: 10, 23: 14, 24: 21, 25: 30, 26: 44}
_LAST_ROW_WITH_30_AND_44 = LETTERS.index("E")
_UP, _DOWN = "up", "down"


def table_2a_cell(row: int, column: int) -> int | str:
    """Ac of Table 2-A at (row, column), or the direction of its arrow ("up" or "down")."""
    diagonal = row + column
    if diagonal in _ACCEPT and (diagonal < 25 or row <= _LAST_ROW_WITH_30_AND_44):
        return _ACCEPT[diagonal]
    if diagonal < _ZERO:
        return _DOWN
    if diagonal == _ZERO + 1:
        return _UP if row > 0 else _DOWN             # row A has no plan above: its arrow points down
    if diagonal == _ZERO + 2:
        return _DOWN if row < len(LETTERS) - 1 else _UP   # row R has no plan below: its arrow points up
    return _UP


@dataclass(frozen=True)
class AcceptancePlan:
    """A single sampling plan for one lot.

    letter: the code letter of the lot (Table 1). plan_letter: the row of Table 2-A
    actually used after following its arrows; sample_size is that row's, or the
    whole lot when the lot is not larger (full_inspection). Accept the lot with at
    most `accept` nonconforming cases in the sample, reject it at `reject` or more.
    """

    letter: str
    sample_size: int
    accept: int
    reject: int
    plan_letter: str
    full_inspection: bool

    def describe(self) -> str:
        """"code letter G -> plan of H: n=50, Ac 3, Re 4": the lot's letter and the one whose plan applies."""
        letters = f"code letter {self.letter}" + (f" -> plan of {self.plan_letter}"
                                                   if self.plan_letter != self.letter else "")
        size = f"n={self.sample_size}" + (" (every case of the lot)" if self.full_inspection else "")
        return f"{letters}: {size}, Ac {self.accept}, Re {self.reject}"


def _check_level(level: object) -> str:
    if level not in _LEVEL_LETTERS:
        raise WorkbenchError("sample_size.level", value=level)
    return str(level)


def code_letter(lot_size: int, level: str = DEFAULT_LEVEL) -> str:
    """ISO 2859-1 Table 1 code letter for a lot at an inspection level (S-1..S-4, I, II, III).

    A lot of 1 case is treated like the first range (2 to 8).
    """
    if isinstance(lot_size, bool) or not isinstance(lot_size, int) or lot_size < 1:
        raise WorkbenchError("sample_size.lot_size", value=lot_size)
    letters = _LEVEL_LETTERS[_check_level(level)]
    for index, upper in enumerate(_LOT_UPPER):
        if upper is None or lot_size <= upper:
            return letters[index]
    raise AssertionError("unreachable: the last range is open")


def sample_size_for_letter(letter: str) -> int:
    """The sample size of a Table 2-A row: A 2, B 3, ... R 2000."""
    if not isinstance(letter, str) or len(letter) != 1 or letter not in LETTERS:
        raise WorkbenchError("sample_size.letter", value=letter)
    return SAMPLE_SIZES[LETTERS.index(letter)]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def aql_column(aql: float, *, per_hundred_units: bool = False) -> int:
    """The column of Table 2-A for an AQL; above 10 only when counting nonconformities per 100 units."""
    if _is_number(aql):
        for column, value in enumerate(ALL_AQLS):
            if math.isclose(aql, value, rel_tol=1e-9):
                if value > 10.0 and not per_hundred_units:
                    raise WorkbenchError("sample_size.aql_per_hundred", value=f"{value:g}")
                return column
    offered = ALL_AQLS if per_hundred_units else AQLS
    raise WorkbenchError("sample_size.aql", value=aql, allowed=", ".join(f"{a:g}" for a in offered))


def plan_for_letter(letter: str, aql: float, *, per_hundred_units: bool = False) -> tuple[str, int, int]:
    """(plan letter, n, Ac) of Table 2-A for a code letter at an AQL, arrows followed."""
    sample_size_for_letter(letter)   # validates the letter
    column = aql_column(aql, per_hundred_units=per_hundred_units)
    row = LETTERS.index(letter)
    cell = table_2a_cell(row, column)
    while isinstance(cell, str):
        row += 1 if cell == _DOWN else -1
        cell = table_2a_cell(row, column)
    return LETTERS[row], SAMPLE_SIZES[row], cell


def acceptance_plan(lot_size: int, aql: float, level: str = DEFAULT_LEVEL, *,
                    per_hundred_units: bool = False) -> AcceptancePlan:
    """ISO 2859-1 single sampling plan for normal inspection (Table 1 and Table 2-A).

    per_hundred_units: the lot is judged by its count of nonconformities (findings) in the
    sample rather than by nonconforming cases; only then are AQLs above 10 offered.
    """
    letter = code_letter(lot_size, level)
    plan_letter, size, accept = plan_for_letter(letter, aql, per_hundred_units=per_hundred_units)
    return AcceptancePlan(letter=letter, sample_size=min(size, lot_size), accept=accept, reject=accept + 1,
                          plan_letter=plan_letter, full_inspection=size >= lot_size)


def lot_verdict(plan: AcceptancePlan, nonconforming: int) -> Literal["accept", "reject"]:
    """Accept the lot when the sample holds at most `plan.accept` nonconforming cases."""
    if (
        isinstance(nonconforming, bool)
        or not isinstance(nonconforming, int)
        or not 0 <= nonconforming <= plan.sample_size
    ):
        raise WorkbenchError(
            "sample_size.nonconforming", value=nonconforming, sample_size=plan.sample_size
        )
    return "accept" if nonconforming <= plan.accept else "reject"
