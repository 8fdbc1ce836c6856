"""Funnel plots of compliance for departments and examiners (issue 16): each unit's rate against its
number of reviewed cases, inside or outside limits that narrow as that number grows, around the
scope's overall rate. The Funnel sheet, the By examiner sheet's mark and the Dashboard's funnel chart
all show these values.

Use:

    f = funnels(db, ReportFilter(), unit="examiner")     # or unit_funnel(report, "examiner")
    f.funnel                                # stats.funnel.Funnel: target, overdispersion, units, limits
    for key, u in f.rows: ...               # key ("Dept",) or ("Dept", "Examiner"); u a FunnelUnit
                                            # (label, x compliant, n reviewed, rate, z, position, limits)
    f.position(("Dept", "Name"))            # a stats.funnel.POSITION_LABELS code
    f.outside                               # the rows beyond a 95% limit
    f.funnel.curve()                        # FunnelLimits at sizes 1..the largest unit, for drawing

Units are the report's own groups (workbench.report.figures: reviewed and compliant counted as every
figure counts them), in the report's order: by department name, then examiner name. Nobody is ranked.
The target is the overall compliance of the scope, compliant / reviewed. In a stratified round the
units' rates and the target are unweighted shares of the reviewed cases: the funnel compares units
with each other, not with the population.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.report.figures import GroupFigures, Report, ReportFilter, Scope, compute_report
from workbench.stats.funnel import BINOMIAL, INSIDE, NO_ADJUSTMENT, NO_CASES, Funnel, FunnelUnit, funnel

register({"funnel.unit": "A funnel plot compares departments or examiners (got {value!r})."})

UNITS = ("department", "examiner")


@dataclass(frozen=True)
class UnitFunnel:
    """A funnel of one kind of unit; `keys[i]` is the report's key of `funnel.units[i]`."""

    unit: str
    keys: tuple[tuple[str, ...], ...]
    funnel: Funnel

    @property
    def target(self) -> float | None:
        return self.funnel.target

    @property
    def rows(self) -> tuple[tuple[tuple[str, ...], FunnelUnit], ...]:
        return tuple(zip(self.keys, self.funnel.units))

    @property
    def outside(self) -> tuple[tuple[tuple[str, ...], FunnelUnit], ...]:
        """The units beyond either 95% limit, with their keys."""
        return tuple((k, u) for k, u in self.rows if u.position not in (INSIDE, NO_CASES))

    def position(self, key: tuple[str, ...]) -> str | None:
        return next((u.position for k, u in self.rows if k == key), None)


def unit_label(key: tuple[str, ...]) -> str:
    """How a unit is named on a chart: the department, or "department / examiner"."""
    return " / ".join(part or "-" for part in key)


def unit_funnel(report: Report, unit: str = "department", *, adjustment: str = NO_ADJUSTMENT,
                method: str = BINOMIAL) -> UnitFunnel:
    """The funnel of the report's departments or examiners around its overall rate."""
    if unit not in UNITS:
        raise WorkbenchError("funnel.unit", value=unit)
    groups: tuple[GroupFigures, ...] = report.by_department if unit == "department" else report.by_examiner
    overall = report.overall
    target = overall.compliant / overall.reviewed if overall.reviewed else None
    units = [(unit_label(g.key), g.compliant, g.reviewed) for g in groups]
    return UnitFunnel(unit=unit, keys=tuple(g.key for g in groups),
                      funnel=funnel(units, target=target, method=method, adjustment=adjustment))


def funnels(db: sqlite_utils.Database, report_filter: ReportFilter | Scope = ReportFilter(), *,
            unit: str = "department", adjustment: str = NO_ADJUSTMENT, method: str = BINOMIAL) -> UnitFunnel:
    """The funnel of compliance per department or examiner of the scope (computes the report)."""
    if unit not in UNITS:
        raise WorkbenchError("funnel.unit", value=unit)
    return unit_funnel(compute_report(db, report_filter), unit, adjustment=adjustment, method=method)
