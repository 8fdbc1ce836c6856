"""Review rounds: a named sample of closed cases, drawn reproducibly and shared among reviewers.

Creating a round: filters -> population in application-number order -> plan -> sample
size and per-stratum allocation -> seeded draw (workbench.rounds.draw) -> assignment to
reviewers -> one transaction with audit entries. What is stored (filters, plan, seed and a
digest of the population) is enough to draw the same sample again, in this workspace or in
another one holding the same cases: the draw depends only on the application numbers and
field values of the population, never on row ids or import order.

The seed: when none is given a random one is chosen (0 to 999,999,999), reported and stored
with `seed_source = 'random'`, so two rounds over the same population are not the same
sample by accident, and any round can still be re-drawn from what it stored.

Cases drawn into an earlier round, and cases that already have a completed or signed-off
review, are left out of the population by default (`Filters.exclude_sampled`,
`Filters.exclude_reviewed`), so a case is not reviewed twice. When reviewed cases are put
back, their earlier review keeps counting in the "All cases" figures until the round's own
review is completed; the round's figures count only the round's reviews.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

import sqlite_utils

from workbench.audit import chain
from workbench.review import checklist_store
from workbench.base.errors import WorkbenchError, register
from workbench.importing.identifiers import IP_TYPES, parse_application_number, parse_ip_type
from workbench.base.jobs import CancelToken, Progress, no_progress
from workbench.base.rates import RATE, parse_rate
from workbench.rounds.acceptance import acceptance_plan, lot_verdict
from workbench.rounds.sample_size import sample_size
from workbench.rounds.draw import allocate, assign, draw_random, draw_stratified, draw_systematic, same_person

register({
    "rounds.name": "A round needs a name of 1 to {limit} characters.",
    "rounds.name_taken": "There is already a round named {name!r}; choose another name.",
    "rounds.unknown": "There is no round named {name!r}.",
    "rounds.seed": "The seed must be a whole number from 0 to {limit} (got {value!r}).",
    "rounds.method": "Unknown sampling method {value!r}: use random, systematic, stratified or acceptance.",
    "rounds.allocation": "Unknown allocation {value!r}: use proportional, equal or neyman.",
    "rounds.size_or_precision": (
        "Give either a sample size or a precision (confidence, margin of error and expected rate), not both."
    ),
    "rounds.size_missing": "Give a sample size, or a confidence level and a margin of error.",
    "rounds.precision_incomplete": "A precision needs both a confidence level and a margin of error.",
    "rounds.size": "The sample size must be a whole number of at least 1 (got {value!r}).",
    "rounds.acceptance_size": (
        "An acceptance round takes each lot's sample size from ISO 2859-1; do not give a size or a precision."
    ),
    "rounds.strata_missing": "A stratified sample needs a field to stratify by (e.g. department).",
    "rounds.strata_unused": "Strata only apply to the stratified and acceptance methods (got method {method}).",
    "rounds.strata_field": "Cannot stratify by {value!r}: use {allowed}.",
    "rounds.stratum_rate": "Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value!r}).",
    "rounds.stratum_rate_unknown": "An expected rate is given for stratum {stratum!r}, which has no cases.",
    "rounds.minimum": "The minimum per stratum must be a whole number of zero or more (got {value!r}).",
    "rounds.minimum_exceeds_size": (
        "At least {minimum} cases in each of {strata} strata makes {needed}, more than the sample of {n}: give a "
        "larger size, or a minimum of 0 per stratum (a stratum without a case is then left out of the estimate)."
    ),
    "rounds.empty_population": "No cases match the filters, so there is nothing to sample.",
    "rounds.filter_syntax": (
        "Filter {clause!r}: expected FIELD=VALUE, or decision_date with =, >=, <=, > or < and a date."
    ),
    "rounds.filter_field": "Filter {clause!r}: unknown field {field!r} (use {allowed}).",
    "rounds.filter_operator": "Filter {clause!r}: {field} can only be compared with '='.",
    "rounds.filter_date": "Filter {clause!r}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY).",
    "rounds.filter_import": "Filter {clause!r}: there is no import {value!r} (give its number or file name).",
    "rounds.filter_empty": "Filter {clause!r}: the value is empty.",
    "rounds.date_range": "The decision-date range is empty: {start} is after {end}.",
    "rounds.reviewer_name": "A reviewer needs a name (got {value!r}).",
    "rounds.reviewer_cap": "Reviewer {reviewer!r}: the cap must be a whole number of zero or more (got {value!r}).",
    "rounds.effort_type": "Effort is given for {value!r}, which is not an IP type (use {allowed}).",
    "rounds.effort": "The effort for {ip_type} must be a number of zero or more (got {value!r}).",
    "rounds.unknown_checklist": "There is no checklist with id {checklist_id} (given for {ip_type}).",
    "rounds.not_in_round": "Case {case} is not in round {name!r}.",
    "rounds.own_case": "Case {case} was examined by {examiner}, so {reviewer} cannot review it.",
    "rounds.cap_reached": "Reviewer {reviewer} already has {count} cases, their cap in round {name!r}.",
    "rounds.review_done": "The review of case {case} is {status}; reopen it before reassigning the case.",
    "rounds.not_acceptance": "Round {name!r} is not an acceptance round, so it has no lots.",
    "rounds.unassigned": "Round {name!r} has no unassigned cases.",
    "rounds.unknown_case": "There is no case with application number {case}.",
    "rounds.unassignable": (
        "No reviewer can take case {case}, examined by {examiner}: among {reviewers}, the others are its "
        "examiner or have reached their cap. Add a reviewer or raise a cap."
    ),
})

NAME_LIMIT = 120
MAX_SEED = 2**63 - 1           # SQLite INTEGER is signed 64-bit
RANDOM_SEED_LIMIT = 1_000_000_000
METHODS = ("random", "systematic", "stratified", "acceptance")
ALLOCATIONS = ("proportional", "equal", "neyman")
#: Case fields a round can be filtered on by value ("import" filters on import ids).
VALUE_FIELDS = ("ip_type", "department", "examiner", "decision", "procedure")
FILTER_FIELDS = VALUE_FIELDS + ("import", "decision_date")
#: Fields a sample can be stratified by, or lots formed from; the decision_* ones are derived.
STRATUM_FIELDS = ("ip_type", "department", "examiner", "decision", "procedure", "classification", "import",
                  "decision_year", "decision_quarter", "decision_month")
DEFAULT_LOT_FIELDS = ("examiner", "decision_month")   # "one examiner's decisions in one month"
DEFAULT_AQL = 2.5
#: Neyman allocation's default minimum per stratum: two cases, so every stratum's variance can be
#: estimated (a stratum expected at 0% or 100% would otherwise get none and drop out of the estimate).
NEYMAN_MINIMUM = 2
BLANK = "(blank)"
STRATUM_JOIN = " / "
DONE_STATUSES = ("completed", "signed_off")
#: Per case of round `?`: the round's review that stands for it (case_id, id, status, verdict):
#: the latest completed or signed-off one, else the latest still open. Only the round's own
#: reviews count for the round (the same rule as the report's round scope).
ROUND_STANDING_SQL = (
    "SELECT case_id, id, status, verdict FROM (SELECT case_id, id, status, verdict, ROW_NUMBER() OVER"
    " (PARTITION BY case_id ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC) AS n"
    " FROM reviews WHERE round_id = ?) WHERE n = 1")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# --- filters ----------------------------------------------------------------------------------

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
        f" c.classification, c.decision_date, c.import_id, {_SAMPLED_BEFORE}, {_REVIEWED_BEFORE}"
        f" FROM cases c{where}",
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
            kept.append(PopulationCase(*row[:10]))
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


def _groups(cases: Sequence[PopulationCase], fields: Sequence[str]) -> dict[str, list[PopulationCase]]:
    groups: dict[str, list[PopulationCase]] = {}
    for case in cases:
        groups.setdefault(stratum_of(case, fields), []).append(case)
    return groups


def population_digest(cases: Sequence[PopulationCase], fields: Sequence[str] = ()) -> str:
    """SHA-256 of what a draw depends on: the application numbers in order, with their strata."""
    digest = hashlib.sha256()
    for case in cases:
        digest.update(f"{case.application_number}\t{stratum_of(case, fields) if fields else ''}\n".encode())
    return digest.hexdigest()


# --- the plan -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """How many cases to draw and how.

    size, or confidence + margin (+ expected, default 0.5) for a size that estimates a
    compliance rate within +/- margin (with the finite-population correction). stratified:
    `strata` fields, `allocation`, `min_per_stratum`, and for Neyman the expected rate per
    stratum (`stratum_expected`, falling back to `expected`). acceptance: lots formed by
    `strata` (default examiner and decision month), each sampled by ISO 2859-1 at `aql`;
    a lot's nonconforming cases are the reviews with verdict error (and defect if
    `count_defects`).
    """

    method: str = "random"
    size: int | None = None
    confidence: float | None = None
    margin: float | None = None
    expected: float | None = None
    strata: tuple[str, ...] = ()
    allocation: str = "proportional"
    min_per_stratum: int | None = None   # None: NEYMAN_MINIMUM for Neyman allocation, else 0
    stratum_expected: tuple[tuple[str, float], ...] = ()
    aql: float | None = None
    level: str = "II"
    count_defects: bool = False

    def checked(self) -> Plan:
        """The plan with its defaults filled in; raises WorkbenchError for an impossible plan."""
        if self.method not in METHODS:
            raise WorkbenchError("rounds.method", value=self.method)
        precision = self.confidence is not None or self.margin is not None
        plan = self
        if self.method == "acceptance":
            if self.size is not None or precision:
                raise WorkbenchError("rounds.acceptance_size")
            plan = replace(plan, strata=self.strata or DEFAULT_LOT_FIELDS,
                           aql=DEFAULT_AQL if self.aql is None else self.aql)
            acceptance_plan(1, plan.aql, plan.level)   # validates the AQL and the level
        else:
            if self.size is not None and precision:
                raise WorkbenchError("rounds.size_or_precision")
            if self.size is None and not precision:
                raise WorkbenchError("rounds.size_missing")
            if self.size is not None and (not _is_int(self.size) or self.size < 1):
                raise WorkbenchError("rounds.size", value=self.size)
            if precision and (self.confidence is None or self.margin is None):
                raise WorkbenchError("rounds.precision_incomplete")
            if precision:
                sample_size(confidence=self.confidence, margin=self.margin,   # validates them
                            expected=0.5 if self.expected is None else self.expected)
            if self.method == "stratified" and not self.strata:
                raise WorkbenchError("rounds.strata_missing")
            if self.method in ("random", "systematic") and self.strata:
                raise WorkbenchError("rounds.strata_unused", method=self.method)
        for name in plan.strata:
            if name not in STRATUM_FIELDS:
                raise WorkbenchError("rounds.strata_field", value=name, allowed=", ".join(STRATUM_FIELDS))
        if plan.allocation not in ALLOCATIONS:
            raise WorkbenchError("rounds.allocation", value=plan.allocation)
        if plan.min_per_stratum is None:
            neyman = plan.method == "stratified" and plan.allocation == "neyman"
            plan = replace(plan, min_per_stratum=NEYMAN_MINIMUM if neyman else 0)
        if not _is_int(plan.min_per_stratum) or plan.min_per_stratum < 0:
            raise WorkbenchError("rounds.minimum", value=plan.min_per_stratum)
        for stratum, rate in plan.stratum_expected:
            if not _is_number(rate) or not 0.0 <= rate <= 1.0:
                raise WorkbenchError("rounds.stratum_rate", stratum=stratum, value=rate)
        return plan

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method}
        for name in ("size", "confidence", "margin", "expected"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if self.method in ("stratified", "acceptance"):
            data["strata"] = list(self.strata)
        if self.method == "stratified":
            data["allocation"] = self.allocation
            data["min_per_stratum"] = self.min_per_stratum
            if self.stratum_expected:
                data["stratum_expected"] = dict(self.stratum_expected)
        if self.method == "acceptance":
            data.update(aql=self.aql, level=self.level, count_defects=self.count_defects)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Plan:
        return cls(method=data.get("method", "random"), size=data.get("size"),
                   confidence=data.get("confidence"), margin=data.get("margin"), expected=data.get("expected"),
                   strata=tuple(data.get("strata", ())), allocation=data.get("allocation", "proportional"),
                   min_per_stratum=data.get("min_per_stratum", 0),
                   stratum_expected=tuple(sorted(data.get("stratum_expected", {}).items())),
                   aql=data.get("aql"), level=data.get("level", "II"),
                   count_defects=bool(data.get("count_defects", False)))

    def describe(self) -> str:
        if self.method == "acceptance":
            return (f"acceptance sampling per lot of {' + '.join(self.strata)} (ISO 2859-1, inspection level "
                    f"{self.level}, normal inspection, AQL {self.aql:g}; nonconforming = "
                    f"{'error or defect' if self.count_defects else 'error'} verdicts)")
        if self.size is not None:
            size = f"{self.size} cases"
        else:
            expected = 0.5 if self.expected is None else self.expected
            size = (f"{_percent(self.confidence)} confidence, margin ±{_percent(self.margin)}, "
                    f"expected rate {_percent(expected)}")
        if self.method != "stratified":
            return f"{self.method} sample; {size}"
        minimum = f", at least {self.min_per_stratum} per stratum" if self.min_per_stratum else ""
        return f"stratified by {' + '.join(self.strata)}, {self.allocation} allocation{minimum}; {size}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:g}%"


@dataclass(frozen=True)
class StratumPlan:
    """One stratum (or lot) of a design: its population and how many cases are drawn from it."""

    name: str
    population: int
    sample: int
    expected: float | None = None      # Neyman: the expected rate used
    code_letter: str | None = None     # acceptance: ISO 2859-1 lot plan
    accept: int | None = None
    reject: int | None = None
    plan_letter: str | None = None     # acceptance: the letter whose plan Table 2-A's arrows chose

    @property
    def letters(self) -> str:
        """"G" or "G -> H" (code letter G, plan of letter H)."""
        if self.code_letter is None:
            return ""
        return self.code_letter + (f" -> {self.plan_letter}" if self.plan_letter not in (None, self.code_letter)
                                   else "")

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"stratum": self.name, "population": self.population, "sample": self.sample}
        if self.expected is not None:
            data["expected"] = self.expected
        if self.code_letter is not None:
            data.update(code_letter=self.code_letter, plan_letter=self.plan_letter or self.code_letter,
                        accept=self.accept, reject=self.reject)
        return data


@dataclass(frozen=True)
class Design:
    """A plan applied to a population: the sample size and, when stratified, the allocation."""

    population: int
    size: int
    strata: tuple[StratumPlan, ...] = ()
    unadjusted_size: int | None = None    # precision plans: n0 before the finite-population correction
    raised_for_minimum: bool = False      # precision plans: size raised so every stratum gets its minimum

    def uncovered(self) -> tuple[StratumPlan, ...]:
        """Strata (not lots) with cases but none drawn: an estimate from the sample cannot cover them."""
        return tuple(s for s in self.strata if s.code_letter is None and s.population > 0 and s.sample == 0)

    def uncovered_share(self) -> float:
        """The share of the population in strata that get no case."""
        return sum(s.population for s in self.uncovered()) / self.population if self.population else 0.0


def design(cases: Sequence[PopulationCase], plan: Plan) -> Design:
    """Sample size and allocation for a population (pure; the wizard previews it live).

    A size from a precision is raised when the minimum per stratum needs more cases; a size
    given outright is not, and is refused instead.
    """
    plan = plan.checked()
    population = len(cases)
    if population == 0:
        raise WorkbenchError("rounds.empty_population")
    groups = _groups(cases, plan.strata) if plan.strata else {}
    if plan.method == "acceptance":
        lots = []
        for name in sorted(groups):
            lot = acceptance_plan(len(groups[name]), plan.aql, plan.level)
            lots.append(StratumPlan(name, len(groups[name]), lot.sample_size, None, lot.letter, lot.accept,
                                    lot.reject, lot.plan_letter))
        return Design(population, sum(s.sample for s in lots), tuple(lots))

    unadjusted = None
    if plan.size is not None:
        size = plan.size
        if size > population:
            raise WorkbenchError("sampling.n_exceeds_population", n=size, population=population)
    else:
        expected = 0.5 if plan.expected is None else plan.expected
        size = sample_size(confidence=plan.confidence, margin=plan.margin, expected=expected,
                           population=population)
        unadjusted = sample_size(confidence=plan.confidence, margin=plan.margin, expected=expected)
    if plan.method != "stratified":
        return Design(population, size, (), unadjusted)

    counts = {name: len(members) for name, members in groups.items()}
    rates = dict(plan.stratum_expected)
    for name in rates:
        if name not in counts:
            raise WorkbenchError("rounds.stratum_rate_unknown", stratum=name)
    expected_by: dict[str, float] | None = None
    if plan.allocation == "neyman":
        fallback = plan.expected
        expected_by = {h: rates.get(h, fallback) for h in counts if rates.get(h, fallback) is not None}
    raised = False
    needed = sum(min(plan.min_per_stratum, n) for n in counts.values())
    if plan.size is None and needed > size:
        size, raised = needed, True
    if needed > size:
        raise WorkbenchError("rounds.minimum_exceeds_size", minimum=plan.min_per_stratum, needed=needed,
                             strata=len(counts), n=size)
    allocation = allocate(counts, size, plan.allocation, expected=expected_by,
                          min_per_stratum=plan.min_per_stratum)
    strata = tuple(StratumPlan(h, counts[h], allocation[h], (expected_by or {}).get(h)) for h in sorted(counts))
    return Design(population, size, strata, unadjusted, raised)


@dataclass(frozen=True)
class DrawnCase:
    case: PopulationCase
    stratum: str | None


@dataclass(frozen=True)
class Draw:
    design: Design
    cases: tuple[DrawnCase, ...]   # in draw order


def draw(cases: Sequence[PopulationCase], plan: Plan, seed: int) -> Draw:
    """The sample: a function of the population (in its order), the plan and the seed only."""
    plan = plan.checked()
    _check_seed(seed)
    planned = design(cases, plan)
    ids = [c.id for c in cases]
    by_id = {c.id: c for c in cases}
    if plan.method == "random":
        return Draw(planned, tuple(DrawnCase(by_id[i], None) for i in draw_random(ids, planned.size, seed)))
    if plan.method == "systematic":
        return Draw(planned, tuple(DrawnCase(by_id[i], None) for i in draw_systematic(ids, planned.size, seed)))
    groups = _groups(cases, plan.strata)
    stratum_by_id = {c.id: name for name, members in groups.items() for c in members}
    drawn = draw_stratified({name: [c.id for c in members] for name, members in groups.items()},
                            {s.name: s.sample for s in planned.strata}, seed)
    return Draw(planned, tuple(DrawnCase(by_id[i], stratum_by_id[i]) for i in drawn))


def _check_seed(seed: object) -> None:
    if not _is_int(seed) or not 0 <= seed <= MAX_SEED:
        raise WorkbenchError("rounds.seed", value=seed, limit=MAX_SEED)


def random_seed() -> int:
    return secrets.randbelow(RANDOM_SEED_LIMIT)


# --- reviewers --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reviewer:
    name: str
    cap: int | None = None   # most cases in the round; None: no limit

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "cap": self.cap}


def check_reviewers(reviewers: Sequence[Reviewer]) -> tuple[Reviewer, ...]:
    result = []
    for reviewer in reviewers:
        name = reviewer.name.strip() if isinstance(reviewer.name, str) else ""
        if not name:
            raise WorkbenchError("rounds.reviewer_name", value=reviewer.name)
        if reviewer.cap is not None and (not _is_int(reviewer.cap) or reviewer.cap < 0):
            raise WorkbenchError("rounds.reviewer_cap", reviewer=name, value=reviewer.cap)
        result.append(Reviewer(name, reviewer.cap))
    return tuple(result)


def check_effort(effort: Mapping[str, float] | None) -> dict[str, float] | None:
    if effort is None:
        return None
    checked = {}
    for ip_type, value in effort.items():
        if ip_type not in IP_TYPES:
            raise WorkbenchError("rounds.effort_type", value=ip_type, allowed=", ".join(IP_TYPES))
        if not _is_number(value) or value < 0:
            raise WorkbenchError("rounds.effort", ip_type=ip_type, value=value)
        checked[ip_type] = float(value)
    return checked


def plan_assignment(cases: Sequence[PopulationCase], reviewers: Sequence[Reviewer],
                    effort: Mapping[str, float] | None = None) -> dict[int, str]:
    """Case id -> reviewer: balanced by count, or by summed effort per IP type (types not given
    count 1), within caps, never to the case's own examiner. Empty without reviewers."""
    reviewers = check_reviewers(reviewers)
    effort = check_effort(effort)
    if not reviewers or not cases:
        return {}
    caps = {r.name: r.cap for r in reviewers if r.cap is not None}
    weights = {c.id: effort.get(c.ip_type, 1.0) for c in cases} if effort else None
    try:
        return assign([(c.id, c.examiner or None) for c in cases], [r.name for r in reviewers],
                      caps=caps, effort=weights)
    except WorkbenchError as exc:
        if exc.code != "sampling.unassignable":
            raise
        number = next(c.application_number for c in cases if c.id == exc.params["case"])
        raise WorkbenchError("rounds.unassignable", case=number, examiner=exc.params["examiner"],
                             reviewers=", ".join(r.name for r in reviewers)) from None


# --- parsing what people type (CLI and wizard) ------------------------------------------------

def parse_fraction(text: str, what: str) -> float:
    """A rate as typed, read by the one rule of workbench.base.rates (5, 5% and 0.05 are the same), 0 to 1."""
    return parse_rate(text, what, RATE)


def parse_reviewers(text: str) -> tuple[Reviewer, ...]:
    """"Li Wei,Wang Fang:40" -> reviewers, the second with a cap of 40 cases."""
    result = []
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        name, _, cap = part.replace("：", ":").partition(":")
        cap_value: int | None = None
        if cap.strip():
            try:
                cap_value = int(cap.strip())
            except ValueError:
                raise WorkbenchError("rounds.reviewer_cap", reviewer=name.strip(), value=cap.strip()) from None
        result.append(Reviewer(name.strip(), cap_value))
    if not result:
        raise WorkbenchError("rounds.reviewer_name", value=text)
    return check_reviewers(result)


def parse_effort(text: str) -> dict[str, float]:
    """"invention=3,trademark=1" -> expected effort per IP type (any unit, e.g. hours)."""
    effort: dict[str, float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        if not sep:
            raise WorkbenchError("rounds.effort", ip_type=part.strip(), value="")
        ip_type = parse_ip_type(name)
        try:
            effort[ip_type or name.strip()] = float(value)
        except ValueError:
            raise WorkbenchError("rounds.effort", ip_type=ip_type or name.strip(), value=value.strip()) from None
    return check_effort(effort) or {}


def parse_stratum_rates(items: Iterable[str]) -> tuple[tuple[str, float], ...]:
    """["电学发明审查部=0.92", ...] -> expected rate per stratum (Neyman allocation)."""
    rates: dict[str, float] = {}
    for item in items:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise WorkbenchError("rounds.stratum_rate", stratum=item, value="")
        rates[name.strip()] = parse_fraction(value, f"The expected rate of {name.strip()} (--stratum-expected)")
    return tuple(sorted(rates.items()))


# --- creating a round ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ChecklistRef:
    id: int
    template_id: str
    version: int


@dataclass(frozen=True)
class RoundCase:
    case_id: int
    application_number: str
    ip_type: str
    examiner: str
    stratum: str | None
    draw_order: int
    reviewer: str | None


@dataclass(frozen=True)
class RoundResult:
    id: int
    name: str
    seed: int
    seed_source: str                      # given or random
    filters: Filters
    plan: Plan
    matching: int
    excluded: int                         # left out as drawn in an earlier round
    design: Design
    cases: tuple[RoundCase, ...]          # in draw order
    reviewers: tuple[Reviewer, ...]
    checklists: Mapping[str, ChecklistRef] = field(default_factory=dict)
    excluded_reviewed: int = 0            # left out as already reviewed

    def loads(self) -> dict[str, int]:
        """Cases per reviewer, in the order reviewers were given."""
        counts = {r.name: 0 for r in self.reviewers}
        for case in self.cases:
            if case.reviewer is not None:
                counts[case.reviewer] = counts.get(case.reviewer, 0) + 1
        return counts

    def as_json(self) -> dict[str, Any]:
        loads = self.loads()
        return {
            "round": self.name,
            "round_id": self.id,
            "seed": self.seed,
            "seed_source": self.seed_source,
            "filters": self.filters.as_json(),
            "matching": self.matching,
            "excluded": self.excluded,
            "excluded_reviewed": self.excluded_reviewed,
            "left_out": {"drawn_in_earlier_round": self.excluded, "already_reviewed": self.excluded_reviewed},
            "population": self.design.population,
            "plan": {**self.plan.as_json(), "sample_size": self.design.size,
                     "unadjusted_size": self.design.unadjusted_size,
                     "raised_for_minimum": self.design.raised_for_minimum},
            "strata": [s.as_json() for s in self.design.strata],
            "uncovered_strata": [{"stratum": s.name, "population": s.population,
                                  "share": s.population / self.design.population} for s in self.design.uncovered()],
            "warnings": [w for w in (coverage_warning(self.design),) if w],
            "reviewers": [{**r.as_json(), "assigned": loads.get(r.name, 0)} for r in self.reviewers],
            "checklists": {k: {"id": v.id, "template_id": v.template_id, "version": v.version}
                           for k, v in sorted(self.checklists.items())},
            "application_numbers": [c.application_number for c in self.cases],
            "cases": [{"application_number": c.application_number, "ip_type": c.ip_type, "examiner": c.examiner,
                       "stratum": c.stratum, "draw_order": c.draw_order, "reviewer": c.reviewer}
                      for c in self.cases],
        }


def _check_name(name: object) -> str:
    text = name.strip() if isinstance(name, str) else ""
    if not text or len(text) > NAME_LIMIT:
        raise WorkbenchError("rounds.name", limit=NAME_LIMIT)
    return text


def name_taken(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM rounds WHERE name = ?", [name.strip()]).fetchone() is not None


def _checklists_for(db: sqlite_utils.Database, ip_types: Iterable[str],
                    given: Mapping[str, int] | None) -> dict[str, ChecklistRef]:
    from workbench.review import reviews  # noqa: F401  (registers review.no_checklist)
    checklist_store.install_builtins(db)
    refs = {}
    for ip_type in sorted(set(ip_types)):
        checklist_id = (given or {}).get(ip_type)
        if checklist_id is None:
            checklist_id = checklist_store.checklist_for(db, ip_type)
            if checklist_id is None:
                raise WorkbenchError("review.no_checklist", ip_type=ip_type)
        row = db.execute("SELECT template_id, version FROM checklists WHERE id = ?", [checklist_id]).fetchone()
        if row is None:
            raise WorkbenchError("rounds.unknown_checklist", checklist_id=checklist_id, ip_type=ip_type)
        refs[ip_type] = ChecklistRef(checklist_id, row[0], row[1])
    return refs


def _open_round_review(db: sqlite_utils.Database, round_id: int, case_id: int, reviewer: str,
                       checklist_id: int, actor: str, now: str) -> int:
    review_id = db.execute(
        "INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at, round_id)"
        " VALUES (?, ?, ?, 'open', ?, ?, ?)", [case_id, checklist_id, reviewer, now, now, round_id]).lastrowid
    chain.record(db, actor=actor, entity="review", entity_id=review_id, action="open",
                 new={"checklist_id": checklist_id, "reviewer": reviewer, "round_id": round_id}, case_id=case_id)
    return review_id


def create_round(db: sqlite_utils.Database, *, name: str, filters: Filters, plan: Plan, actor: str,
                 seed: int | None = None, reviewers: Sequence[Reviewer] = (),
                 effort: Mapping[str, float] | None = None, checklist_ids: Mapping[str, int] | None = None,
                 progress: Progress = no_progress, cancel: CancelToken | None = None) -> RoundResult:
    """Draw and store a round in one transaction; nothing is written if anything fails or is cancelled.

    seed None: a random seed, reported in the result and stored. reviewers: who shares the
    cases (none: the cases stay unassigned until `assign_remaining`). Each assigned case gets
    an open review in the round with the checklist for its IP type (`checklist_ids` overrides
    the newest applicable one). Audit entries: the round, each drawn case, each review opened.
    """
    cancel = cancel or CancelToken()
    name = _check_name(name)
    plan = plan.checked()
    seed_source = "given" if seed is not None else "random"
    seed = random_seed() if seed is None else seed
    _check_seed(seed)
    reviewers = check_reviewers(reviewers)
    effort = check_effort(effort)
    progress(0, 0, "Reading the population")
    with db.atomic():
        if name_taken(db, name):
            raise WorkbenchError("rounds.name_taken", name=name)
        now = chain.now_iso()
        # The round row is written first: the transaction then holds the write lock, so the
        # population read next cannot change before the sample is stored.
        round_id = db.execute(
            "INSERT INTO rounds (name, created_at, created_by, filters, plan, seed, seed_source, reviewers, effort)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [name, now, actor, _json(filters.as_json()), _json(plan.as_json()), seed, seed_source,
             _json([r.as_json() for r in reviewers]), None if effort is None else _json(effort)]).lastrowid
        population = load_population(db, filters, before_round=round_id, cancel=cancel)
        drawn = draw(population.cases, plan, seed)
        cancel.check()
        progress(0, 0, "Assigning reviewers")
        assignment = plan_assignment([d.case for d in drawn.cases], reviewers, effort)
        refs = _checklists_for(db, (d.case.ip_type for d in drawn.cases), checklist_ids)
        digest = population_digest(population.cases, plan.strata)
        db.execute("UPDATE rounds SET checklists = ?, matching = ?, excluded = ?, excluded_reviewed = ?,"
                   " population = ?, population_sha256 = ? WHERE id = ?",
                   [_json({k: v.id for k, v in refs.items()}), population.matching, population.excluded,
                    population.excluded_reviewed, len(population.cases), digest, round_id])
        for stratum in drawn.design.strata:
            db.execute("INSERT INTO round_strata (round_id, stratum, population, sample, expected, code_letter,"
                       " accept, reject) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [round_id, stratum.name, stratum.population, stratum.sample, stratum.expected,
                        stratum.code_letter, stratum.accept, stratum.reject])
        chain.record(db, actor=actor, entity="round", entity_id=round_id, action="create", new={
            "name": name, "filters": filters.as_json(), "plan": plan.as_json(), "seed": seed,
            "seed_source": seed_source, "matching": population.matching, "excluded": population.excluded,
            "excluded_reviewed": population.excluded_reviewed,
            "population": len(population.cases), "population_sha256": digest, "sample_size": drawn.design.size,
            "reviewers": [r.as_json() for r in reviewers], "effort": effort,
            "checklists": {k: v.id for k, v in refs.items()}})
        total = len(drawn.cases)
        cases = []
        for order, item in enumerate(drawn.cases, start=1):
            case = item.case
            reviewer = assignment.get(case.id)
            db.execute("INSERT INTO round_cases (round_id, case_id, stratum, draw_order, reviewer)"
                       " VALUES (?, ?, ?, ?, ?)", [round_id, case.id, item.stratum, order, reviewer])
            chain.record(db, actor=actor, entity="round_case", entity_id=f"{round_id}/{case.id}", action="draw",
                         new={"round": name, "stratum": item.stratum, "draw_order": order, "reviewer": reviewer},
                         case_id=case.id)
            if reviewer is not None:
                _open_round_review(db, round_id, case.id, reviewer, refs[case.ip_type].id, actor, now)
            cases.append(RoundCase(case.id, case.application_number, case.ip_type, case.examiner, item.stratum,
                                   order, reviewer))
            if order % 50 == 0:
                cancel.check()
                progress(order, total, f"Storing the sample: {order} of {total} cases")
        cancel.check()
        progress(total, total, "Storing the sample")
    return RoundResult(round_id, name, seed, seed_source, filters, plan, population.matching, population.excluded,
                       drawn.design, tuple(cases), reviewers, refs, population.excluded_reviewed)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- a stored round ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredRound:
    id: int
    name: str
    created_at: str
    created_by: str
    filters: Filters
    plan: Plan
    seed: int
    seed_source: str
    reviewers: tuple[Reviewer, ...]
    effort: Mapping[str, float] | None
    checklists: Mapping[str, int]
    matching: int
    excluded: int
    population: int
    population_sha256: str
    excluded_reviewed: int = 0


def get_round(db: sqlite_utils.Database, name: str | int) -> StoredRound:
    """A round by name (or id)."""
    column = "id" if _is_int(name) else "name"
    row = db.execute("SELECT id, name, created_at, created_by, filters, plan, seed, seed_source, reviewers,"
                     f" effort, checklists, matching, excluded, population, population_sha256, excluded_reviewed"
                     " FROM rounds"
                     f" WHERE {column} = ?", [name.strip() if isinstance(name, str) else name]).fetchone()
    if row is None:
        raise WorkbenchError("rounds.unknown", name=name)
    return StoredRound(row[0], row[1], row[2], row[3], Filters.from_json(json.loads(row[4])),
                       Plan.from_json(json.loads(row[5])), row[6], row[7],
                       tuple(Reviewer(r["name"], r.get("cap")) for r in json.loads(row[8])),
                       json.loads(row[9]) if row[9] else None, json.loads(row[10]), row[11], row[12], row[13],
                       row[14], row[15])


def list_rounds(db: sqlite_utils.Database) -> list[tuple[int, str, str, int]]:
    """(id, name, created_at, cases drawn), newest first."""
    return [tuple(r) for r in db.execute(
        "SELECT r.id, r.name, r.created_at, (SELECT COUNT(*) FROM round_cases rc WHERE rc.round_id = r.id)"
        " FROM rounds r ORDER BY r.id DESC")]


def round_cases(db: sqlite_utils.Database, round_id: int) -> list[RoundCase]:
    return [RoundCase(*r) for r in db.execute(
        "SELECT rc.case_id, c.application_number, c.ip_type, c.examiner, rc.stratum, rc.draw_order, rc.reviewer"
        " FROM round_cases rc JOIN cases c ON c.id = rc.case_id WHERE rc.round_id = ? ORDER BY rc.draw_order",
        [round_id])]


def redraw_matches(db: sqlite_utils.Database, name: str | int) -> list[str]:
    """Draw a stored round again from its filters, plan and seed; what differs (empty: identical)."""
    stored = get_round(db, name)
    population = load_population(db, stored.filters, before_round=stored.id)
    if population_digest(population.cases, stored.plan.strata) != stored.population_sha256:
        return [f"the population of round {stored.name!r} has changed since the draw "
                f"({stored.population} cases then, {len(population.cases)} now)"]
    again = [d.case.application_number for d in draw(population.cases, stored.plan, stored.seed).cases]
    kept = [c.application_number for c in round_cases(db, stored.id)]
    if again != kept:
        return [f"round {stored.name!r}: drawing again from its seed gives other cases than those stored"]
    return []


def _round_review(db: sqlite_utils.Database, round_id: int, case_id: int) -> tuple[int, str, str] | None:
    row = db.execute("SELECT id, status, reviewer FROM reviews WHERE round_id = ? AND case_id = ?"
                     " ORDER BY id DESC LIMIT 1", [round_id, case_id]).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def reassign(db: sqlite_utils.Database, name: str | int, case_id: int, reviewer: str, *, actor: str,
             reason: str = "") -> None:
    """Give a case of a round to another reviewer; the audit log keeps who had it and why it moved.

    Refused for the case's own examiner, beyond the reviewer's cap, or once the review is
    completed or signed off. Answers already given stay with the review (their audit entries
    name who gave them).
    """
    stored = get_round(db, name)
    new = _check_name_of_reviewer(reviewer)
    with db.atomic():
        row = db.execute(
            "SELECT rc.reviewer, c.application_number, c.examiner, c.ip_type FROM round_cases rc"
            " JOIN cases c ON c.id = rc.case_id WHERE rc.round_id = ? AND rc.case_id = ?",
            [stored.id, case_id]).fetchone()
        if row is None:
            raise WorkbenchError("rounds.not_in_round", case=case_id, name=stored.name)
        old, number, examiner, ip_type = row
        if old == new:
            return
        if examiner and same_person(examiner, new):
            raise WorkbenchError("rounds.own_case", case=number, examiner=examiner, reviewer=new)
        cap = next((r.cap for r in stored.reviewers if same_person(r.name, new)), None)
        if cap is not None:
            held = db.execute("SELECT COUNT(*) FROM round_cases WHERE round_id = ? AND reviewer = ?",
                              [stored.id, new]).fetchone()[0]
            if held >= cap:
                raise WorkbenchError("rounds.cap_reached", reviewer=new, count=held, name=stored.name)
        existing = _round_review(db, stored.id, case_id)
        if existing is not None and existing[1] in DONE_STATUSES:
            raise WorkbenchError("rounds.review_done", case=number, status=existing[1].replace("_", " "))
        now = chain.now_iso()
        db.execute("UPDATE round_cases SET reviewer = ? WHERE round_id = ? AND case_id = ?",
                   [new, stored.id, case_id])
        chain.record(db, actor=actor, entity="round_case", entity_id=f"{stored.id}/{case_id}", action="reassign",
                     old={"reviewer": old}, new={"reviewer": new, "reason": reason}, case_id=case_id)
        if existing is None:
            checklist_id = stored.checklists.get(ip_type) or _checklists_for(db, [ip_type], None)[ip_type].id
            _open_round_review(db, stored.id, case_id, new, checklist_id, actor, now)
        else:
            db.execute("UPDATE reviews SET reviewer = ?, updated_at = ? WHERE id = ?", [new, now, existing[0]])
            chain.record(db, actor=actor, entity="review", entity_id=existing[0], action="reassign",
                         old={"reviewer": existing[2]}, new={"reviewer": new, "reason": reason}, case_id=case_id)
        if not any(same_person(r.name, new) for r in stored.reviewers):
            db.execute("UPDATE rounds SET reviewers = ? WHERE id = ?",
                       [_json([r.as_json() for r in (*stored.reviewers, Reviewer(new))]), stored.id])


def case_by_number(db: sqlite_utils.Database, text: str) -> int:
    """The id of the case with an application number, written as stored or in any form the import reads."""
    row = db.execute("SELECT id FROM cases WHERE application_number = ?", [text.strip()]).fetchone()
    if row is None:
        try:
            number = parse_application_number(text).normalized
        except WorkbenchError:
            number = None
        row = db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone() if number else None
    if row is None:
        raise WorkbenchError("rounds.unknown_case", case=text)
    return row[0]


def _check_name_of_reviewer(reviewer: str) -> str:
    return check_reviewers([Reviewer(reviewer)])[0].name


def assign_remaining(db: sqlite_utils.Database, name: str | int, reviewers: Sequence[Reviewer], *, actor: str,
                     effort: Mapping[str, float] | None = None) -> dict[int, str]:
    """Share a round's unassigned cases among reviewers (e.g. a round drawn before its reviewers
    were known); caps count the cases a reviewer already holds in the round."""
    stored = get_round(db, name)
    reviewers = check_reviewers(reviewers)
    effort = check_effort(effort)
    with db.atomic():
        rows = db.execute(
            "SELECT c.id, c.application_number, c.ip_type, c.examiner, c.department, c.decision, c.procedure,"
            " c.classification, c.decision_date, c.import_id FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
            " WHERE rc.round_id = ? AND rc.reviewer IS NULL ORDER BY rc.draw_order", [stored.id]).fetchall()
        if not rows:
            raise WorkbenchError("rounds.unassigned", name=stored.name)
        held = dict(db.execute("SELECT reviewer, COUNT(*) FROM round_cases WHERE round_id = ? AND reviewer"
                               " IS NOT NULL GROUP BY 1", [stored.id]).fetchall())
        room = [Reviewer(r.name, None if r.cap is None else max(0, r.cap - held.get(r.name, 0))) for r in reviewers]
        cases = [PopulationCase(*r) for r in rows]
        assignment = plan_assignment(cases, room, effort)
        refs = _checklists_for(db, (c.ip_type for c in cases), stored.checklists)
        now = chain.now_iso()
        for case in cases:
            reviewer = assignment[case.id]
            db.execute("UPDATE round_cases SET reviewer = ? WHERE round_id = ? AND case_id = ?",
                       [reviewer, stored.id, case.id])
            chain.record(db, actor=actor, entity="round_case", entity_id=f"{stored.id}/{case.id}", action="assign",
                         old={"reviewer": None}, new={"reviewer": reviewer}, case_id=case.id)
            _open_round_review(db, stored.id, case.id, reviewer, refs[case.ip_type].id, actor, now)
        merged = list(stored.reviewers) + [r for r in reviewers
                                           if not any(same_person(r.name, s.name) for s in stored.reviewers)]
        db.execute("UPDATE rounds SET reviewers = ?, effort = COALESCE(effort, ?) WHERE id = ?",
                   [_json([r.as_json() for r in merged]), None if effort is None else _json(effort), stored.id])
    return assignment


# --- acceptance: the verdict per lot ----------------------------------------------------------

@dataclass(frozen=True)
class LotVerdict:
    lot: str
    lot_size: int
    code_letter: str
    sample_size: int
    accept: int
    reject: int
    reviewed: int          # sampled cases whose review in the round is completed or signed off
    nonconforming: int     # of those, nonconforming (verdict error, or defect when the plan counts defects)
    verdict: str | None    # accept or reject once every sampled case of the lot is reviewed

    def as_json(self) -> dict[str, Any]:
        return {"lot": self.lot, "lot_size": self.lot_size, "code_letter": self.code_letter,
                "sample_size": self.sample_size, "accept": self.accept, "reject": self.reject,
                "reviewed": self.reviewed, "nonconforming": self.nonconforming, "verdict": self.verdict}


def lot_verdicts(db: sqlite_utils.Database, name: str | int) -> list[LotVerdict]:
    """Each lot of an acceptance round with its ISO 2859-1 plan and, when its reviews are done, its verdict."""
    stored = get_round(db, name)
    if stored.plan.method != "acceptance":
        raise WorkbenchError("rounds.not_acceptance", name=stored.name)
    bad = ("error", "defect") if stored.plan.count_defects else ("error",)
    # The review that stands for each case in the round, found in one pass (a correlated
    # subquery per case took a minute on a 20,000-case round).
    tallies = {row[0]: row[1:] for row in db.execute(
        f"SELECT rc.stratum, COUNT(*), SUM(rv.status IN ('completed', 'signed_off')),"
        f" SUM(rv.status IN ('completed', 'signed_off') AND rv.verdict IN ({', '.join('?' * len(bad))}))"
        f" FROM round_cases rc LEFT JOIN ({ROUND_STANDING_SQL}) rv ON rv.case_id = rc.case_id"
        " WHERE rc.round_id = ? GROUP BY rc.stratum",
        [*bad, stored.id, stored.id])}
    result = []
    for lot, population, sample, letter, accept, reject in db.execute(
            "SELECT stratum, population, sample, code_letter, accept, reject FROM round_strata"
            " WHERE round_id = ? ORDER BY stratum", [stored.id]):
        drawn, reviewed, nonconforming = tallies.get(lot, (0, 0, 0))
        reviewed, nonconforming = int(reviewed or 0), int(nonconforming or 0)
        verdict = None
        if drawn and reviewed == drawn:
            plan = acceptance_plan(population, stored.plan.aql, stored.plan.level)
            verdict = lot_verdict(plan, nonconforming)
        result.append(LotVerdict(lot, population, letter, sample, accept, reject, reviewed, nonconforming, verdict))
    return result


def reviewer_progress(db: sqlite_utils.Database, name: str | int) -> list[tuple[str, int, int]]:
    """(reviewer, cases assigned, reviews completed or signed off) for a round; unassigned as ''."""
    stored = get_round(db, name)
    return [(r[0] or "", r[1], int(r[2] or 0)) for r in db.execute(
        "SELECT rc.reviewer, COUNT(*), SUM(rv.status IN ('completed', 'signed_off')) FROM round_cases rc"
        f" LEFT JOIN ({ROUND_STANDING_SQL}) rv ON rv.case_id = rc.case_id"
        " WHERE rc.round_id = ? GROUP BY 1 ORDER BY 1", [stored.id, stored.id])]


# --- text for the command line ------------------------------------------------------------------

def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def coverage_warning(design: Design) -> str | None:
    """"Warning: ..." naming every stratum that gets no case and its share of the population, or None."""
    empty = design.uncovered()
    if not empty:
        return None
    names = ", ".join(f"{s.name} ({100 * s.population / design.population:.1f}% of the population)" for s in empty)
    return (f"Warning: {len(empty)} stratum(s) get no case, so the estimate will not cover them "
            f"({100 * design.uncovered_share():.1f}% of the population): {names}. "
            "Give a minimum per stratum (--min-per-stratum) to include them.")


def describe_round(result: RoundResult) -> list[str]:
    """The plan, the allocation, the assignment and every drawn case, as lines of English text."""
    d = result.design
    lines = [f"Round {result.name!r}: {result.matching} cases match ({result.filters.describe()})"
             + (f"; {result.excluded} drawn in earlier rounds left out" if result.excluded else "")
             + (f"; {result.excluded_reviewed} already reviewed left out (--include-reviewed puts them back)"
                if result.excluded_reviewed else "")
             + f"; population {d.population}."]
    lines.append(f"Plan: {result.plan.describe()}.")
    if d.unadjusted_size is not None:
        lines.append(f"Sample size: {d.size} (n0 = {d.unadjusted_size}, finite population correction for "
                     f"N = {d.population})" + (", raised to give every stratum its minimum" if d.raised_for_minimum
                                               else "") + ".")
    else:
        lines.append(f"Sample size: {d.size}.")
    how = "chosen at random; give --seed to draw the same cases again" if result.seed_source == "random" else "given"
    lines.append(f"Seed: {result.seed} ({how}).")
    if d.strata:
        acceptance = result.plan.method == "acceptance"
        width = max(len("Stratum"), *(_width(s.name) for s in d.strata))
        head = f"  {_pad('Lot' if acceptance else 'Stratum', width)}  Population  Sample"
        lines.append(head + ("  Letter (plan)  Ac  Re" if acceptance else "  Expected" if any(
            s.expected is not None for s in d.strata) else ""))
        for s in d.strata:
            line = f"  {_pad(s.name, width)}  {s.population:>10}  {s.sample:>6}"
            if acceptance:
                line += f"  {s.letters:>13}  {s.accept:>2}  {s.reject:>2}"
            elif s.expected is not None:
                line += f"  {_percent(s.expected):>8}"
            lines.append(line)
    warning = coverage_warning(d)
    if warning:
        lines.append(warning)
    if result.reviewers:
        lines.append("Assigned: " + ", ".join(f"{name} {count}" for name, count in result.loads().items()) + ".")
    else:
        lines.append("No reviewers given: the cases are not assigned yet.")
    if result.checklists:
        lines.append("Checklists: " + ", ".join(f"{k} {v.template_id} v{v.version}"
                                                for k, v in sorted(result.checklists.items())) + ".")
    lines.append(f"Drawn ({len(result.cases)} cases, in draw order):")
    for case in result.cases:
        parts = [f"{case.draw_order:>5}", f"{case.application_number:<16}", f"{case.ip_type:<13}"]
        if case.stratum is not None:
            parts.append(case.stratum)
        if case.reviewer is not None:
            parts.append(f"-> {case.reviewer}")
        lines.append("  " + "  ".join(parts))
    return lines


def status_json(db: sqlite_utils.Database, name: str | int) -> dict[str, Any]:
    """A stored round: its plan, progress per reviewer, lot verdicts (acceptance) and a re-draw check."""
    stored = get_round(db, name)
    strata = [dict(zip(("stratum", "population", "sample", "expected", "code_letter", "accept", "reject"), r))
              for r in db.execute("SELECT stratum, population, sample, expected, code_letter, accept, reject"
                                  " FROM round_strata WHERE round_id = ? ORDER BY stratum", [stored.id])]
    return {
        "round": stored.name, "round_id": stored.id, "created_at": stored.created_at,
        "created_by": stored.created_by, "seed": stored.seed, "seed_source": stored.seed_source,
        "filters": stored.filters.as_json(), "plan": stored.plan.as_json(), "matching": stored.matching,
        "excluded": stored.excluded, "excluded_reviewed": stored.excluded_reviewed,
        "population": stored.population, "strata": strata,
        "reviewers": [{"reviewer": r or None, "assigned": n, "done": done}
                      for r, n, done in reviewer_progress(db, stored.id)],
        "lots": [with_plan_letter(lot.as_json(), stored.plan)
                 for lot in lot_verdicts(db, stored.id)] if stored.plan.method == "acceptance" else [],
        "redraw_problems": redraw_matches(db, stored.id),
    }


def with_plan_letter(lot: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """A lot of round-status with the letter whose plan Table 2-A's arrows chose (and the plan in words)."""
    chosen = acceptance_plan(lot["lot_size"], plan.aql, plan.level)
    return {**lot, "plan_letter": chosen.plan_letter, "plan": chosen.describe()}


def describe_status(status: Mapping[str, Any]) -> list[str]:
    plan = Plan.from_json(status["plan"])
    lines = [f"Round {status['round']!r}, drawn {status['created_at'][:16].replace('T', ' ')} UTC"
             + (f" by {status['created_by']}" if status["created_by"] else "")
             + f": {status['population']} cases in the population, seed {status['seed']}.",
             f"Plan: {plan.describe()}."]
    for row in status["reviewers"]:
        who = row["reviewer"] or "(unassigned)"
        lines.append(f"  {_pad(who, 12)}  {row['done']:>4} of {row['assigned']:>4} reviewed")
    if status["lots"]:
        width = max(3, *(_width(lot["lot"]) for lot in status["lots"]))
        lines.append(f"  {_pad('Lot', width)}  Size  Letter (plan)  Sample  Ac  Re  Reviewed  Nonconforming  Verdict")
        for lot in status["lots"]:
            verdict = lot["verdict"] or f"pending ({lot['sample_size'] - lot['reviewed']} to review)"
            plan_letter = lot.get("plan_letter", lot["code_letter"])
            letters = lot["code_letter"] + (f" -> {plan_letter}" if plan_letter != lot["code_letter"] else "")
            lines.append(f"  {_pad(lot['lot'], width)}  {lot['lot_size']:>4}  {letters:>13}"
                         f"  {lot['sample_size']:>6}  {lot['accept']:>2}  {lot['reject']:>2}  {lot['reviewed']:>8}"
                         f"  {lot['nonconforming']:>13}  {verdict}")
    problems = status["redraw_problems"]
    lines.append("Re-drawn from the stored filters, plan and seed: " + ("; ".join(problems) if problems
                                                                         else "the same cases."))
    return lines
