"""The case side of the report and the trend counted in SQLite, not case by case in Python (issue 20).

Over all cases (no round) most cases have no review: for them only their group, their period and
their pendency matter. So the report and the trend count every case of the scope by those few
values with a GROUP BY that walks an index in its own order (schema 16 stores each case's pendency
and decision month as generated columns, held by two indexes), and read only the cases that have a
review, in one pass driven by `latest_reviews`; the findings come from the failing answers' index.

The pendency is computed in SQL where SQL and Python are sure to agree: both dates are plain
`yyyy-mm-dd...` (years 0001-9999, a real calendar day), where julianday differences are whole
days, exactly what `date.fromisoformat` gives. Any other non-empty date is counted under NEEDS_PYTHON
and decided by the report's own Python rule (`recount`), so every figure stays exactly the same.
"""
from __future__ import annotations

import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, Callable, Hashable, Iterator, Protocol

import sqlite_utils

from foundation.collector import collector_paused


class Scoped(Protocol):
    """What is needed of workbench.report.figures.Scope (which imports this module)."""

    def case_condition(self) -> tuple[str, dict[str, Any]]: ...

#: The pendency of a case whose dates SQL does not judge: Python decides (never a real pendency,
#: which is never negative).
NEEDS_PYTHON = -1
#: Marks a decision date month_sql leaves to Python (a month is never written so).
RAW = "~"


#: How Scope.reviews_cte begins without a round: every case with a review (latest_reviews).
ALL_CASES_CTE = "WITH scope(case_id, stratum, review_id, design_key) AS (SELECT c.id, NULL, lr.review_id, NULL"


def failing_answers(cte: str, reviewed_list: str, join: str = "") -> str:
    """`FROM ... WHERE ...` of the failing answers of the reviewed cases of the scope (`s`), with their
    reviews (`r`). Over all cases, read from the answers (a fiftieth of them fail) and looked up in
    latest_reviews by case, instead of every answer of every review read; in a round, from its cases."""
    if cte.startswith(ALL_CASES_CTE):
        return (f"FROM answers a CROSS JOIN reviews r ON r.id = a.review_id AND r.status IN ({reviewed_list})"
                f" CROSS JOIN scope s ON s.case_id = r.case_id AND s.review_id = r.id{join} WHERE a.outcome = 'fail'")
    return (f"FROM scope s CROSS JOIN reviews r ON r.id = s.review_id AND r.status IN ({reviewed_list}){join}"
            " CROSS JOIN answers a ON a.review_id = r.id WHERE a.outcome = 'fail'")


def plain_date(column: str) -> str:
    """SQL: the column starts with a yyyy-mm-dd that Python's date.fromisoformat reads as the same day.

    Digits where digits go, a year Python has (from 0001), a month 01-12, and a day 01-28 or, for
    the few later days, one that exists: date() alone keeps 2024-02-30, julianday rolls it over to
    March, so `date(julianday(x)) = x` tells them apart. The cheap tests go first: each function call
    costs about a second at a million cases."""
    head = f"substr({column}, 1, 10)"
    return (f"({column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND {column} >= '0001'"
            f" AND substr({column}, 6, 2) BETWEEN '01' AND '12'"
            f" AND (substr({column}, 9, 2) BETWEEN '01' AND '28' OR date(julianday({head})) = {head}))")


def pendency_sql(filing: str = "c.filing_date", decision: str = "c.decision_date") -> str:
    """SQL: decision minus filing in whole days; NULL for no pendency (a date missing, or the decision
    before the filing); NEEDS_PYTHON where a date is present but not plain."""
    days = f"CAST(julianday(substr({decision}, 1, 10)) - julianday(substr({filing}, 1, 10)) AS INTEGER)"
    return (f"(CASE WHEN {filing} IS NULL OR {decision} IS NULL THEN NULL"
            f" WHEN {plain_date(filing)} AND {plain_date(decision)} THEN nullif(max({days}, -1), -1)"
            f" ELSE {NEEDS_PYTHON} END)")


#: The stored pendency_sql() and month_sql() of a case (schema 16: generated columns, indexed).
PENDENCY = "c.pendency_days"
MONTH = "c.decision_month"


def month_sql(decision: str = "c.decision_date") -> str:
    """SQL: 'yyyy-mm' of a plain decision date; any other date behind RAW, for Python to place."""
    return f"(CASE WHEN {plain_date(decision)} THEN substr({decision}, 1, 7) ELSE '{RAW}' || {decision} END)"


def month_day(month: str | None, iso_day: Callable[[Any], date | None]) -> date | None:
    """The day that places a case (its month's first day), from month_sql; None for no decision date."""
    if month is None:
        return None
    if month.startswith(RAW):
        return iso_day(month[len(RAW):])
    return date(int(month[:4]), int(month[5:7]), 1)


def recount(counts: Counter[tuple[Any, ...]], db: sqlite_utils.Database, sql: str, params: dict[str, Any],
            days_between: Callable[[Any, Any], int | None]) -> None:
    """Replace the NEEDS_PYTHON pendencies (the last item of each counted key) by Python's verdict.

    `sql` lists those cases: the key's other items, then the filing and the decision date."""
    if NEEDS_PYTHON not in map(itemgetter(-1), counts):      # walked in C: 140,000 keys at a million cases
        return
    for key in [k for k in counts if k[-1] == NEEDS_PYTHON]:
        del counts[key]
    for *rest, filing, decision in db.execute(sql, params):
        key: tuple[Hashable, ...] = (*rest, days_between(filing, decision))
        counts[key] += 1


#: Bytes of the workspace read through a memory map while counting (SQLite caps it at 2 GB): the
#: reviewed pass looks up a fifth of the cases and reviews, and a mapped page costs no read() call
#: and no copy (about a third less CPU at a million cases).
MAP_BYTES = 2_147_418_112


@contextmanager
def mapped(db: sqlite_utils.Database) -> Iterator[None]:
    """The connection reads through a memory map for the duration (its own setting restored)."""
    before = db.execute("PRAGMA mmap_size").fetchone()[0]
    db.execute(f"PRAGMA mmap_size = {MAP_BYTES}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA mmap_size = {int(before)}")


def counted_sql(columns: str, condition: str) -> str:
    """SQL: the cases of the scope counted by `columns` (ending with the pendency), in SQLite.

    The stored pendency and month (schema 16's generated columns, held by an index in this order)
    make the GROUP BY one walk of that index, no table read and no sort."""
    return f"SELECT {columns}, COUNT(*) FROM cases c {condition} GROUP BY {columns}"


def grouped_counts(db: sqlite_utils.Database, sql: str, params: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    """The rows of a counted_sql query as key -> count."""
    with mapped(db):          # the GROUP BY gives each key once
        return Counter({row[:-1]: row[-1] for row in db.execute(sql, params)})


def folded_sql(walked: str, kept: str, condition: str) -> str:
    """SQL: as counted_sql(walked) (one walk of its index), then summed in SQLite over the walked
    columns not `kept` (names of the walk's columns, without `c.`), under a first key of NULL: a trend
    not grouped by department gets a third of the rows (and no folding in Python)."""
    return (f"SELECT NULL, {kept}, SUM(n) FROM (SELECT {walked}, COUNT(*) AS n FROM cases c {condition}"
            f" GROUP BY {walked}) GROUP BY {kept}")


#: What the reviewed cases are counted by (Reviewed), in the order of schema 20's index
#: latest_reviews_counts: the case's department, examiner, IP type and decision month (month_sql, a
#: generated column), the review's status and verdict (latest_reviews' copies; the table is named `c`).
REVIEW_GROUP = "c.department, c.examiner, c.ip_type, c.decision_month, c.status, c.verdict"
#: The items of a Reviewed.counts row.
DEPARTMENT, EXAMINER, IP_TYPE, MONTH_OF, STATUS, VERDICT, CASES, TIMED = range(8)


@dataclass(frozen=True)
class Standing:
    """The reviewed standing reviews of a scope, whose failing answers `tally_findings` counts."""

    condition: str
    params: tuple[tuple[str, Any], ...]
    reviewed: tuple[str, ...]


@dataclass(frozen=True)
class Reviewed:
    """The cases of a scope with a review, counted in SQLite: no Python value per case but a minute.

    `counts`: (department, examiner, IP type, decision month (month_sql), status, verdict, cases, timed)
    in increasing order; `minutes`: the active minutes (`seconds / 60`) of the `reviewed` ones with
    time recorded (nonzero), in the same order and increasing within each counted row."""

    reviewed: tuple[str, ...]
    counts: list[tuple[Any, ...]]
    minutes: list[float]

    def runs(self) -> Iterator[tuple[tuple[Any, ...], list[float]]]:
        """(department, examiner, IP type, month) and minutes of it, sorted: one run per counted row
        of a reviewed status with any (a group and month may have several, one per verdict)."""
        start = 0
        for row in self.counts:
            if row[TIMED] and row[STATUS] in self.reviewed:
                yield row[:STATUS], self.minutes[start:start + row[TIMED]]
                start += row[TIMED]


def _within(condition: str) -> str:
    return f"{condition} AND" if condition else "WHERE"


def _statuses(reviewed: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The statuses as an IN list of bound parameters (:reviewed_0, ...), with their values."""
    names = [f"reviewed_{i}" for i in range(len(reviewed))]
    return ", ".join(f":{name}" for name in names), dict(zip(names, reviewed))


def review_counts(db: sqlite_utils.Database, condition: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Reviewed.counts: one GROUP BY over latest_reviews (schema 19 carries the case's groups and decision
    date and the review's time), a walk of schema 20's index in its order: no sort, no table read."""
    with mapped(db):
        return db.execute(f"SELECT {REVIEW_GROUP}, COUNT(*), COUNT(CASE WHEN c.active_seconds <> 0 THEN 1 END)"
                          f" FROM latest_reviews c {condition} GROUP BY {REVIEW_GROUP} ORDER BY {REVIEW_GROUP}",
                          params).fetchall()


def minutes_sql(condition: str, reviewed: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """SQL of review_minutes, with the statuses' parameters: `+c.status`, so that the planner walks
    latest_reviews_counts rather than the status index and a sort (which it prefers on a big workspace)."""
    listed, values = _statuses(reviewed)
    return (f"SELECT c.active_seconds / 60.0 FROM latest_reviews c {_within(condition)}"
            f" +c.status IN ({listed}) AND c.active_seconds <> 0 ORDER BY {REVIEW_GROUP}, c.active_seconds", values)


def review_minutes(db: sqlite_utils.Database, condition: str, params: dict[str, Any],
                   reviewed: tuple[str, ...]) -> list[float]:
    """Reviewed.minutes: one float per reviewed case with time, divided in SQLite (the same IEEE
    division as Python's `seconds / 60.0`), in review_counts' order: the same index walked."""
    sql, values = minutes_sql(condition, reviewed)
    with mapped(db):
        rows = db.execute(sql, {**params, **values}).fetchall()
    return list(map(itemgetter(0), rows))


def findings_counts(db: sqlite_utils.Database, standing: Standing) -> list[tuple[Any, ...]]:
    """The failing answers of the reviewed standing reviews of the scope, counted in SQLite: rows
    (0, department, examiner, IP type, checklist, severity, category, answers), then per severity
    (1, ..., severity, None, reviews with at least one). One walk of schema 16's partial index of the
    failing answers (a fiftieth of them), each answer's case and standing row looked up by key."""
    listed, values = _statuses(standing.reviewed)
    sql = (f"WITH s AS MATERIALIZED (SELECT c.department, c.examiner, c.ip_type, c.checklist_id, a.review_id,"
           f" a.severity, a.category FROM answers a CROSS JOIN reviews r ON r.id = a.review_id"
           f" CROSS JOIN latest_reviews c ON c.case_id = r.case_id AND c.review_id = a.review_id"
           f" {_within(standing.condition)} a.outcome = 'fail' AND c.status IN ({listed}))"
           f" SELECT 0, department, examiner, ip_type, checklist_id, severity, category, COUNT(*) FROM s"
           f" GROUP BY department, examiner, ip_type, checklist_id, severity, category"
           f" UNION ALL SELECT 1, NULL, NULL, NULL, NULL, severity, NULL, COUNT(DISTINCT review_id) FROM s"
           f" GROUP BY severity")
    with mapped(db):
        return db.execute(sql, {**dict(standing.params), **values}).fetchall()


@collector_paused()
def tally_all_cases(db: sqlite_utils.Database, scope: Scoped, tally: Any, reviewed: tuple[str, ...],
                    days_between: Callable[[Any, Any], int | None], reads: SharedReads | None = None) -> Standing:
    """The report's tally (workbench.report.figures._Tally) without a round: every case counted by
    its groups and pendency in SQLite, then the cases with a review counted by group and verdict
    (`reads`: shared with the trend of the same refresh). Returns the reviewed standing reviews of
    the scope, for `tally_findings`."""
    condition, params = scope.case_condition()
    counts = grouped_counts(db, counted_sql(f"c.department, c.examiner, c.ip_type, {PENDENCY}", condition), params)
    recount(counts, db, f"SELECT c.department, c.examiner, c.ip_type, c.filing_date, c.decision_date"
            f" FROM cases c {_within(condition)} {PENDENCY} = {NEEDS_PYTHON}",
            params, days_between)
    for (department, examiner, ip_type, days), count in counts.items():
        for group in tally.groups(department, examiner, ip_type):
            group.cases += count
        if days is not None:
            tally.pendency[ip_type][days] += count
    _tally_reviews((reads or SharedReads()).reviewed(db, condition, params, reviewed), tally)
    return Standing(condition, tuple(sorted(params.items())), reviewed)


def _tally_reviews(read: Reviewed, tally: Any) -> None:
    """The standing reviews counted per group and verdict, their minutes listed per group: the same
    figures as a `_Group.add_review` per case."""
    for department, examiner, ip_type, _month, status, verdict, count, _timed in read.counts:
        if status == "in_progress":
            tally.in_progress += count
        if status in read.reviewed:
            for group in tally.groups(department, examiner, ip_type):
                group.add_reviews(verdict, count)
    for (department, examiner, ip_type, _month), values in read.runs():
        for group in tally.groups(department, examiner, ip_type):
            group.minutes.extend(values)


class SharedReads:
    """The cases with a review read once for every figure of one refresh (issue 20).

    The Dashboard asks the report and the trend of the same scope on two threads. Given the same
    SharedReads, they read the reviewed cases once between them: the read is two queries (the counts
    and the minutes, `Reviewed`), each thread runs the ones no one has taken yet (SQLite's sorts on
    both cores, without the interpreter lock), then, with `findings`, the report's failing answers
    if no one has, then waits for the rest and gets the same value (never modified). A new refresh
    makes a new one: nothing is kept past it, so no change to the workspace is missed.

    With `users`, the counts and minutes are let go once that many calls of `reviewed` have taken them
    (they die with the callers' figures); a later call reads afresh. The findings (a few hundred rows)
    stay for the report's `findings` call that follows its `reviewed` one, even as the last user."""

    def __init__(self, findings: bool = False, users: int | None = None) -> None:
        self._lock = threading.Lock()
        self._users = users
        self._findings = findings
        self._reads: dict[tuple[Any, ...], tuple[_Task, ...]] = {}
        self._found: dict[tuple[Any, ...], _Task] = {}       # the findings' reads, by the same key

    def _tasks(self, condition: str, params: dict[str, Any], reviewed: tuple[str, ...]) -> tuple[_Task, ...]:
        """The counts, the minutes and (with `findings`) the failing answers of the scope, made once."""
        key = (condition, tuple(sorted(params.items())), reviewed)
        with self._lock:
            tasks = self._reads.get(key)
            if tasks is None:
                standing = Standing(condition, key[1], reviewed)
                if self._findings and key not in self._found:
                    self._found[key] = _Task(lambda db: findings_counts(db, standing))
                tasks = self._reads[key] = (
                    _Task(lambda db: review_counts(db, condition, params)),
                    _Task(lambda db: review_minutes(db, condition, params, reviewed)),
                    *((self._found[key],) if self._findings else ()))
            return tasks

    def reviewed(self, db: sqlite_utils.Database, condition: str, params: dict[str, Any],
                 reviewed: tuple[str, ...]) -> Reviewed:
        """The cases of the scope (`condition` on `c`) with a review, counted; `reviewed`: the statuses
        that count as reviewed (their minutes are read)."""
        with self._lock:
            fresh = self._users is not None and self._users <= 0      # every user served: read afresh
        if fresh:
            return Reviewed(reviewed, review_counts(db, condition, params),
                            review_minutes(db, condition, params, reviewed))
        tasks = self._tasks(condition, params, reviewed)
        for task in (*tasks[2:], *tasks[:2]):     # the findings first: the longest, and the report's only
            if task.claim():
                task.run(db)
        read = Reviewed(reviewed, tasks[0].result(db), tasks[1].result(db))
        with self._lock:
            if self._users is not None:
                self._users -= 1
                if self._users <= 0:
                    self._reads.clear()         # the callers hold the reads now
        return read

    def findings(self, db: sqlite_utils.Database, standing: Standing) -> list[tuple[Any, ...]]:
        """findings_counts of the scope: run by whichever thread was free, else here."""
        with self._lock:
            task = self._found.get((standing.condition, standing.params, standing.reviewed))
        return findings_counts(db, standing) if task is None else task.result(db)


class _Task:
    """One read of a SharedReads, run once by the first thread that claims it."""

    def __init__(self, read: Callable[[sqlite_utils.Database], Any]) -> None:
        self._read = read
        self._claimed = threading.Lock()
        self._done = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None

    def claim(self) -> bool:
        """True once: the caller then runs it."""
        return self._claimed.acquire(blocking=False)

    def run(self, db: sqlite_utils.Database) -> None:
        try:
            self._value = self._read(db)
        except BaseException as exc:      # handed to every thread waiting for this read
            self._error = exc
        finally:
            self._done.set()

    def result(self, db: sqlite_utils.Database) -> Any:
        """The value, read here if no thread has claimed the read yet, else when that thread is done."""
        if self.claim():
            self.run(db)
        self._done.wait()
        if self._error is not None:
            raise RuntimeError("the Dashboard's shared read failed") from self._error
        return self._value


@collector_paused()
def tally_findings(db: sqlite_utils.Database, standing: Standing, tally: Any, categories: Any,
                   severities: tuple[str, ...], reads: SharedReads | None = None) -> dict[str, dict[str | None, int]]:
    """The findings (failing answers) of the standing reviews counted per group, severity and
    category, as workbench.report.figures._tally_findings does over all cases; returns per severity
    the reviews with at least one such finding (one stratum: None). Counted in SQLite
    (`findings_counts`), only the counts come to Python."""
    with_one: dict[str, dict[str | None, int]] = {severity: {} for severity in severities}
    for kind, department, examiner, ip_type, checklist_id, severity, category, count in (
            (reads or SharedReads()).findings(db, standing)):
        if kind:
            if severity in with_one and count:
                with_one[severity] = {None: count}
            continue
        for group in tally.groups(department, examiner, ip_type):
            group.add_findings(severity, count)
        categories.add(checklist_id, category, count)
    return with_one
