"""A round's population: which cases its filters select, counted live for the wizard or loaded
in application-number order for a draw, and the stratum (or lot) each case falls in.

Cases drawn into an earlier round, and cases that already have a completed or signed-off
review, are left out of the population by default (`Filters.exclude_sampled`,
`Filters.exclude_reviewed`), so a case is not reviewed twice. When reviewed cases are put
back, their earlier review keeps counting in the "All cases" figures until the round's own
review is completed; the round's figures count only the round's reviews.
"""
from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken
from workbench.importing.identifiers import parse_ip_type

register({
    "rounds.filter_syntax": (
        "Filter {clause!r}: expected FIELD=VALUE, or decision_date with =, >=, <=, > or < and a date."
    ),
    "rounds.filter_field": "Filter {clause!r}: unknown field {field!r} (use {allowed}).",
    "rounds.filter_operator": "Filter {clause!r}: {field} can only be compared with '='.",
    "rounds.filter_date": "Filter {clause!r}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY).",
    "rounds.filter_import": "Filter {clause!r}: there is no import {value!r} (give its number or file name).",
    "rounds.filter_empty": "Filter {clause!r}: the value is empty.",
    "rounds.date_range": "The decision-date range is empty: {start} is after {end}.",
})

#: Case fields a round can be filtered on by value ("import" filters on import ids).
VALUE_FIELDS = ("ip_type", "department", "examiner", "decision", "procedure")
FILTER_FIELDS = VALUE_FIELDS + ("import", "decision_date")
BLANK = "(blank)"
STRATUM_JOIN = " / "


@dataclass(frozen=True)
class Filters:
    """Which cases a round samples from. Values of one field are alternatives (OR); fields combine
    with AND. Dates are ISO strings, both ends inclusive."""

    ip_type: tuple[str, ...] = ()
    department: tuple[str, ...] = ()
    examiner: tuple[str, ...] = ()
    decision: tuple[str, ...] = ()
    procedure: tuple[str, ...] = ()
    imports: tuple[int, ...] = ()
    decided_from: str | None = None
    decided_to: str | None = None
    exclude_sampled: bool = True   # leave out cases drawn in an earlier round
    exclude_reviewed: bool = True  # leave out cases with a completed or signed-off review

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {f: list(getattr(self, f)) for f in VALUE_FIELDS if getattr(self, f)}
        if self.imports:
            data["imports"] = list(self.imports)
        if self.decided_from:
            data["decided_from"] = self.decided_from
        if self.decided_to:
            data["decided_to"] = self.decided_to
        data["exclude_sampled"] = self.exclude_sampled
        data["exclude_reviewed"] = self.exclude_reviewed
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Filters:
        return cls(**{f: tuple(data.get(f, ())) for f in VALUE_FIELDS},
                   imports=tuple(int(i) for i in data.get("imports", ())),
                   decided_from=data.get("decided_from"), decided_to=data.get("decided_to"),
                   exclude_sampled=bool(data.get("exclude_sampled", True)),
                   # Rounds drawn before schema 6 never left reviewed cases out.
                   exclude_reviewed=bool(data.get("exclude_reviewed", False)))

    def describe(self) -> str:
        parts = []
        for name in VALUE_FIELDS:
            values = getattr(self, name)
            if values:
                parts.append(f"{name} = {' or '.join(values)}")
        if self.imports:
            parts.append("import " + " or ".join(str(i) for i in self.imports))
        if self.decided_from and self.decided_to:
            parts.append(f"decided {self.decided_from} to {self.decided_to}")
        elif self.decided_from:
            parts.append(f"decided on or after {self.decided_from}")
        elif self.decided_to:
            parts.append(f"decided on or before {self.decided_to}")
        return "; ".join(parts) if parts else "all cases"


def _period(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The days a date, month (2022-05), quarter (2022-Q2) or year (2022) covers; None if not a date."""
    value = text.strip().replace("/", "-").replace(".", "-")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
            day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", value):
            first = datetime.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, _month_end(datetime.date(int(m[1]), 3 * int(m[2]), 1))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            first = datetime.date(int(m[1]), int(m[2]), 1)
            return first, _month_end(first)
        if m := re.fullmatch(r"(\d{4})", value):
            return datetime.date(int(m[1]), 1, 1), datetime.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _month_end(first: datetime.date) -> datetime.date:
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


_CLAUSE = re.compile(r"\s*([A-Za-z_]+)\s*(>=|<=|=|>|<)\s*(.*?)\s*$", re.S)
_FIELD_ALIASES = {"type": "ip_type", "iptype": "ip_type", "imports": "import", "import_id": "import",
                  "decided": "decision_date", "date": "decision_date"}


def parse_where(db: sqlite_utils.Database, clauses: Iterable[str], base: Filters = Filters()) -> Filters:
    """Filters from `FIELD=VALUE` clauses (the CLI's --where). A field given twice matches either
    value; decision_date takes =, >=, <=, > or < with a day, month, quarter or year, and bounds
    combine into one range. IP types may be written in English or Chinese; an import is its
    number or its file name."""
    values: dict[str, list[Any]] = {name: list(getattr(base, name)) for name in VALUE_FIELDS}
    imports = list(base.imports)
    start = datetime.date.fromisoformat(base.decided_from) if base.decided_from else None
    end = datetime.date.fromisoformat(base.decided_to) if base.decided_to else None
    for clause in clauses:
        match = _CLAUSE.fullmatch(clause)
        if match is None:
            raise WorkbenchError("rounds.filter_syntax", clause=clause)
        name, operator, value = match[1].lower(), match[2], match[3]
        name = _FIELD_ALIASES.get(name, name)
        if name not in FILTER_FIELDS:
            raise WorkbenchError("rounds.filter_field", clause=clause, field=name, allowed=", ".join(FILTER_FIELDS))
        if not value:
            raise WorkbenchError("rounds.filter_empty", clause=clause)
        if name != "decision_date" and operator != "=":
            raise WorkbenchError("rounds.filter_operator", clause=clause, field=name)
        if name == "ip_type":
            values[name].append(parse_ip_type(value))
        elif name == "import":
            imports.append(_import_id(db, clause, value))
        elif name == "decision_date":
            period = _period(value)
            if period is None:
                raise WorkbenchError("rounds.filter_date", clause=clause, value=value)
            low, high = period
            one_day = datetime.timedelta(days=1)
            bounds = {"=": (low, high), ">=": (low, None), ">": (high + one_day, None),
                      "<=": (None, high), "<": (None, low - one_day)}[operator]
            if bounds[0] is not None:
                start = bounds[0] if start is None else max(start, bounds[0])
            if bounds[1] is not None:
                end = bounds[1] if end is None else min(end, bounds[1])
        else:
            values[name].append(value)
    if start is not None and end is not None and start > end:
        raise WorkbenchError("rounds.date_range", start=start.isoformat(), end=end.isoformat())
    return replace(base, **{k: tuple(dict.fromkeys(v)) for k, v in values.items()},
                   imports=tuple(dict.fromkeys(imports)),
                   decided_from=start.isoformat() if start else None,
                   decided_to=end.isoformat() if end else None)


def _import_id(db: sqlite_utils.Database, clause: str, value: str) -> int:
    if value.isdigit():
        row = db.execute("SELECT id FROM imports WHERE id = ?", [int(value)]).fetchone()
    else:
        row = db.execute("SELECT MAX(id) FROM imports WHERE file_name = ?", [value]).fetchone()
        row = row if row and row[0] is not None else None
    if row is None:
        raise WorkbenchError("rounds.filter_import", clause=clause, value=value)
    return int(row[0])


# Whether a case was drawn in a round created before round `?` (all rounds: a large id).
_SAMPLED_BEFORE = "EXISTS (SELECT 1 FROM round_cases rc WHERE rc.case_id = c.id AND rc.round_id < ?)"
_ALL_ROUNDS = 2**62
# Whether a case had a completed or signed-off review before the time `?` (ISO; now: a far date).
_REVIEWED_BEFORE = ("EXISTS (SELECT 1 FROM reviews r WHERE r.case_id = c.id"
                    " AND r.status IN ('completed', 'signed_off') AND r.completed_at < ?)")
_NOW_ON = "9999"


def _where(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name in VALUE_FIELDS:   # column names come from this constant, never from input
        values = getattr(filters, name)
        if values:
            clauses.append(f"c.{name} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if filters.imports:
        clauses.append(f"c.import_id IN ({', '.join('?' * len(filters.imports))})")
        params.extend(filters.imports)
    if filters.decided_from:
        clauses.append("c.decision_date >= ?")
        params.append(filters.decided_from)
    if filters.decided_to:
        clauses.append("c.decision_date <= ?")
        params.append(filters.decided_to)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class PopulationCount:
    """A live count of a round's population, with what is left out and why."""

    matching: int              # cases matching the filters
    sampled: int               # of those, left out as drawn in an earlier round
    reviewed: int              # of the rest, left out as already reviewed

    @property
    def excluded(self) -> int:
        return self.sampled + self.reviewed

    @property
    def population(self) -> int:
        return self.matching - self.excluded


def count_population(db: sqlite_utils.Database, filters: Filters) -> PopulationCount:
    """How many cases match the filters, and how many of those are left out and why."""
    where, params = _where(filters)
    matching, sampled, reviewed = db.execute(
        f"SELECT COUNT(*), COALESCE(SUM({_SAMPLED_BEFORE}), 0),"
        f" COALESCE(SUM(NOT {_SAMPLED_BEFORE} AND {_REVIEWED_BEFORE}), 0) FROM cases c{where}",
        [_ALL_ROUNDS, _ALL_ROUNDS, _NOW_ON, *params]).fetchone()
    sampled = sampled if filters.exclude_sampled else 0
    if filters.exclude_reviewed and not filters.exclude_sampled:
        reviewed = db.execute(f"SELECT COALESCE(SUM({_REVIEWED_BEFORE}), 0) FROM cases c{where}",
                              [_NOW_ON, *params]).fetchone()[0]
    return PopulationCount(matching, sampled, reviewed if filters.exclude_reviewed else 0)


@dataclass(frozen=True)
class PopulationCase:
    id: int
    application_number: str
    ip_type: str
    examiner: str
    department: str
    decision: str
    procedure: str
    classification: str
    decision_date: str | None
    import_id: int | None
    risk_score: float = 0.0         # case_risk.score; 0 for a case without a row
    risk_band: str = "none"         # case_risk.band; 'none' for a case without a row


@dataclass(frozen=True)
class Population:
    cases: tuple[PopulationCase, ...]   # in application-number order
    matching: int
    excluded: int                       # left out as drawn in an earlier round
    excluded_reviewed: int = 0          # left out as already reviewed (and not drawn before)


def load_population(db: sqlite_utils.Database, filters: Filters, *, before_round: int | None = None,
                    cancel: CancelToken | None = None) -> Population:
    """The cases a round samples from, in application-number order (unique, so a total order that
    does not depend on import order or row ids). before_round: only rounds created before it
    count as earlier rounds, and only reviews completed before it was drawn as earlier
    reviews (for re-drawing a stored round)."""
    where, params = _where(filters)
    reviewed_before = _NOW_ON
    if before_round is not None:
        row = db.execute("SELECT created_at FROM rounds WHERE id = ?", [before_round]).fetchone()
        reviewed_before = row[0] if row else _NOW_ON
    cursor = db.execute(
        "SELECT c.id, c.application_number, c.ip_type, c.examiner, c.department, c.decision, c.procedure,"
        f" c.classification, c.decision_date, c.import_id, {_SAMPLED_BEFORE}, {_REVIEWED_BEFORE},"
        " COALESCE(cr.score, 0.0), COALESCE(cr.band, 'none')"
        f" FROM cases c LEFT JOIN case_risk cr ON cr.case_id = c.id{where}",
        [before_round if before_round is not None else _ALL_ROUNDS, reviewed_before, *params])
    kept: list[PopulationCase] = []
    matching = sampled = reviewed = 0
    while rows := cursor.fetchmany(5000):
        if cancel is not None:
            cancel.check()
        for row in rows:
            matching += 1
            if filters.exclude_sampled and row[10]:
                sampled += 1
                continue
            if filters.exclude_reviewed and row[11]:
                reviewed += 1
                continue
            kept.append(PopulationCase(*row[:10], risk_score=row[12], risk_band=row[13]))
    kept.sort(key=lambda c: c.application_number)   # code-point order: the same everywhere
    return Population(tuple(kept), matching, sampled, reviewed)


def field_values(db: sqlite_utils.Database, name: str) -> list[tuple[str, int]]:
    """The values of a filter field with their case counts, most frequent first (for pick lists)."""
    if name not in VALUE_FIELDS:
        raise WorkbenchError("rounds.filter_field", clause=name, field=name, allowed=", ".join(VALUE_FIELDS))
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT c.{name}, COUNT(*) FROM cases c WHERE c.{name} != '' GROUP BY 1 ORDER BY 2 DESC, 1")]


def stratum_of(case: PopulationCase, fields: Sequence[str]) -> str:
    """The stratum (or lot) name of a case: its values of `fields`, joined by " / "."""
    parts = []
    for name in fields:
        date = case.decision_date or ""
        if name == "decision_year":
            value = date[:4]
        elif name == "decision_month":
            value = date[:7]
        elif name == "decision_quarter":
            value = f"{date[:4]}-Q{(int(date[5:7]) + 2) // 3}" if len(date) >= 7 else ""
        elif name == "import":
            value = "" if case.import_id is None else str(case.import_id)
        else:
            value = getattr(case, name) or ""
        parts.append(value or BLANK)
    return STRATUM_JOIN.join(parts)


def group_by_stratum(cases: Sequence[PopulationCase], fields: Sequence[str]) -> dict[str, list[PopulationCase]]:
    """Stratum name -> its cases, each list in the population's order."""
    groups: dict[str, list[PopulationCase]] = {}
    for case in cases:
        groups.setdefault(stratum_of(case, fields), []).append(case)
    return groups


def population_digest(cases: Sequence[PopulationCase], fields: Sequence[str] = (), *, scores: bool = False) -> str:
    """SHA-256 of what a draw depends on: the application numbers in order, with their strata (and
    their risk scores, for a risk-based draw)."""
    digest = hashlib.sha256()
    for case in cases:
        score = f"\t{case.risk_score!r}" if scores else ""
        digest.update(f"{case.application_number}\t{stratum_of(case, fields) if fields else ''}{score}\n".encode())
    return digest.hexdigest()

