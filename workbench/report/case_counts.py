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
from collections import Counter, defaultdict
from contextlib import contextmanager
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


#: A reviewed standing review's case groups and checklist: department, examiner, IP type, checklist id.
Standing = dict[int, tuple[str, str, str, int]]


@collector_paused()
def tally_all_cases(db: sqlite_utils.Database, scope: Scoped, tally: Any, reviewed: tuple[str, ...],
                    days_between: Callable[[Any, Any], int | None], reads: SharedReads | None = None) -> Standing:
    """The report's tally (workbench.report.figures._Tally) without a round: every case counted by
    its groups and pendency in SQLite, then the cases with a review read in one pass (`reads`: shared
    with the trend of the same refresh). Returns the reviewed standing reviews of the scope, for
    `tally_findings`."""
    condition, params = scope.case_condition()
    counts = grouped_counts(db, counted_sql(f"c.department, c.examiner, c.ip_type, {PENDENCY}", condition), params)
    needs = f"{condition} AND" if condition else "WHERE"
    recount(counts, db, f"SELECT c.department, c.examiner, c.ip_type, c.filing_date, c.decision_date"
            f" FROM cases c {needs} {PENDENCY} = {NEEDS_PYTHON}",
            params, days_between)
    for (department, examiner, ip_type, days), count in counts.items():
        for group in tally.groups(department, examiner, ip_type):
            group.cases += count
        if days is not None:
            tally.pendency[ip_type][days] += count
    rows = (reads or SharedReads()).reviewed(db, condition, params)
    standing = _tally_reviews(rows, tally, reviewed)
    release(rows)
    return standing


def reviewed_rows(db: sqlite_utils.Database, columns: str, condition: str,
                  params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """`columns` of every case with a review, by increasing review time: read from latest_reviews
    alone, which carries its case's groups and decision date and its review's time and checklist
    (schema 19, kept by triggers; the lookups of the case and the review were two thirds of the
    read). The table is named `c`, so a condition on the case's decision date applies as it is."""
    with mapped(db):
        return db.execute(f"SELECT {columns} FROM latest_reviews c {condition} ORDER BY c.active_seconds",
                          params).fetchall()


#: What the report and the trend need of each case with a review, in this order (SharedReads.reviewed):
#: the case's department, examiner, IP type and decision date, its standing review's status, verdict,
#: active seconds, id and checklist (latest_reviews' copies, named `c`: reviewed_rows).
REVIEWED_COLUMNS = ("c.department, c.examiner, c.ip_type, c.decision_date, c.status, c.verdict, c.active_seconds,"
                    " c.review_id, c.checklist_id")
DEPARTMENT, EXAMINER, IP_TYPE, DECISION, STATUS, VERDICT, SECONDS, REVIEW, CHECKLIST = range(9)


class SharedReads:
    """The cases with a review read once for every figure of one refresh (issue 20).

    The Dashboard asks the report and the trend of the same scope on two threads; each used to read
    the 200,000 reviewed cases of a million on its own (about a second of CPU each). Given the same
    SharedReads, they read those cases once between them: the read is cut in PARTS by case id, each
    side takes the parts no one has taken yet (so two threads read half each, SQLite's share of the
    work on both cores), then, with `findings`, the report's failing answers if no one has, then waits
    for the rest of the parts and gets the same list (never modified). A new refresh makes a new one:
    nothing is kept past it, so no change to the workspace is missed.

    With `users`, the parts are let go once that many calls of `reviewed` have taken their rows, so
    the rows die with the callers' lists, on their threads, freed in slices (`release`); a later
    call reads afresh. Without it they live as long as this object, wherever that ends: freeing two
    million values at once held the interpreter for 40-75 ms, and it could be the window's thread."""

    PARTS = 2

    def __init__(self, findings: bool = False, users: int | None = None) -> None:
        self._lock = threading.Lock()
        self._users = users
        self._reads: dict[tuple[Any, ...], list[_Task]] = {}
        #: The report's failing answers (`failing`), read by whichever side is free first.
        self._failing = _Task(_failing_rows) if findings else None

    def reviewed(self, db: sqlite_utils.Database, condition: str,
                 params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """REVIEWED_COLUMNS of the cases of the scope (`condition` on `c`) with a review: each part
        by review time (a group's minutes arrive as a few sorted runs)."""
        key = (condition, tuple(sorted(params.items())))
        with self._lock:
            if self._users is not None and self._users <= 0:      # every user served: read afresh
                return [row for cases in _case_ranges(db, self.PARTS)
                        for row in _reviewed_part(db, condition, params, cases)]
            parts = self._reads.get(key)
            if parts is None:
                parts = self._reads[key] = [_Task(lambda db, cases=cases: _reviewed_part(db, condition, params, cases))
                                            for cases in _case_ranges(db, self.PARTS)]
        for task in (*parts, *((self._failing,) if self._failing else ())):
            if task.claim():
                task.run(db)
        rows = [row for task in parts for row in task.result(db)]
        with self._lock:
            if self._users is not None:
                self._users -= 1
                if self._users <= 0:
                    self._reads.clear()         # the callers' lists hold the rows now
        return rows

    def failing(self, db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
        """Every failing answer counted by review, severity and category (`_failing_rows`)."""
        return (self._failing or _Task(_failing_rows)).result(db)


class _Task:
    """One read of a SharedReads, run once by the first thread that claims it."""

    def __init__(self, read: Callable[[sqlite_utils.Database], list[tuple[Any, ...]]]) -> None:
        self._read = read
        self._claimed = threading.Lock()
        self._done = threading.Event()
        self._rows: list[tuple[Any, ...]] = []
        self._error: BaseException | None = None

    def claim(self) -> bool:
        """True once: the caller then runs it."""
        return self._claimed.acquire(blocking=False)

    def run(self, db: sqlite_utils.Database) -> None:
        try:
            self._rows = self._read(db)
        except BaseException as exc:      # handed to every thread waiting for these rows
            self._error = exc
        finally:
            self._done.set()

    def result(self, db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
        """The rows, read here if no thread has claimed the read yet, else when that thread is done."""
        if self.claim():
            self.run(db)
        self._done.wait()
        if self._error is not None:
            raise RuntimeError("the Dashboard's shared read failed") from self._error
        return self._rows


def _case_ranges(db: sqlite_utils.Database, parts: int) -> list[tuple[int, int] | None]:
    """`parts` ranges of case ids of about equal width covering latest_reviews ([None]: no case)."""
    low, high = db.execute("SELECT MIN(case_id), MAX(case_id) FROM latest_reviews").fetchone()
    if low is None:
        return [None]
    step = max(1, -(-(high - low + 1) // parts))
    return [(start, min(start + step - 1, high)) for start in range(low, high + 1, step)]


def _failing_rows(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    """review id, severity, category and count of every failing answer: one walk of schema 16's
    partial index of the failing answers."""
    with mapped(db):
        return db.execute("SELECT review_id, severity, category, COUNT(*) FROM answers WHERE outcome = 'fail'"
                          " GROUP BY review_id, severity, category").fetchall()


def _reviewed_part(db: sqlite_utils.Database, condition: str, params: dict[str, Any],
                   cases: tuple[int, int] | None) -> list[tuple[Any, ...]]:
    """The reviewed rows of the cases with an id in `cases` (None: every case)."""
    if cases is None:
        return reviewed_rows(db, REVIEWED_COLUMNS, condition, params)
    within = f"{condition} AND" if condition else "WHERE"
    return reviewed_rows(db, REVIEWED_COLUMNS, f"{within} c.case_id BETWEEN :part_from AND :part_to",
                         {**params, "part_from": cases[0], "part_to": cases[1]})


#: Rows counted per call into C (`counted`): about 10 ms at a time.
SLICE = 20_000


def release(rows: list[Any]) -> None:
    """Empty `rows` a slice at a time from the end: the values no one else holds are freed between
    turns of the interpreter lock, not in one C call the window's thread waits for."""
    while rows:
        del rows[-SLICE:]


def counted(rows: list[tuple[Any, ...]], key: Callable[[tuple[Any, ...]], Hashable]) -> Counter[Any]:
    """Counter(map(key, rows)), in slices: one C call over 200,000 rows keeps the interpreter lock
    for a tenth of a second or more, and the window's thread waits for it (issue 20's hold)."""
    counts: Counter[Any] = Counter()
    for start in range(0, len(rows), SLICE):
        counts.update(map(key, rows[start:start + SLICE]))
    return counts


def _tally_reviews(rows: list[tuple[Any, ...]], tally: Any, reviewed: tuple[str, ...]) -> Standing:
    """The standing reviews counted per group and verdict (in C), their minutes listed per group:
    the same figures as a `_Group.add_review` per case, without four method calls per review."""
    minutes: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    standing: Standing = {}
    kept = [row for row in rows if row[STATUS] in reviewed]
    groups, checklist = itemgetter(DEPARTMENT, EXAMINER, IP_TYPE), itemgetter(DEPARTMENT, EXAMINER, IP_TYPE, CHECKLIST)
    for start in range(0, len(kept), SLICE):          # the tuples made in C, a slice per call
        part = kept[start:start + SLICE]
        standing.update(zip(map(itemgetter(REVIEW), part), map(checklist, part)))
        for group, seconds in zip(map(groups, part), map(itemgetter(SECONDS), part)):
            if seconds:
                minutes[group].append(seconds / 60.0)
    for (department, examiner, ip_type, status, verdict), count in counted(
            rows, itemgetter(DEPARTMENT, EXAMINER, IP_TYPE, STATUS, VERDICT)).items():
        if status == "in_progress":
            tally.in_progress += count
        if status in reviewed:
            for group in tally.groups(department, examiner, ip_type):
                group.add_reviews(verdict, count)
    for (department, examiner, ip_type), values in minutes.items():
        for group in tally.groups(department, examiner, ip_type):
            group.minutes.extend(values)
    return standing


@collector_paused()
def tally_findings(db: sqlite_utils.Database, standing: Standing, tally: Any, categories: Any,
                   severities: tuple[str, ...], reads: SharedReads | None = None) -> dict[str, dict[str | None, int]]:
    """The findings (failing answers) of the standing reviews counted per group, severity and
    category, as workbench.report.figures._tally_findings does over all cases; returns per severity
    the reviews with at least one such finding (one stratum: None). One walk of the failing
    answers' index (schema 16), no lookup: the reviews' groups are those `tally_all_cases` read."""
    counts: Counter[tuple[Any, ...]] = Counter()
    with_one: dict[str, set[int]] = {severity: set() for severity in severities}
    failing = (reads or SharedReads()).failing(db)
    for review_id, severity, category, count in failing:
        groups = standing.get(review_id)
        if groups is None:
            continue                     # not a reviewed standing review of the scope
        counts[(*groups, severity, category)] += count
        if severity in with_one:
            with_one[severity].add(review_id)
    for (department, examiner, ip_type, checklist_id, severity, category), count in counts.items():
        for group in tally.groups(department, examiner, ip_type):
            group.add_findings(severity, count)
        categories.add(checklist_id, category, count)
    return {severity: {None: len(ids)} if ids else {} for severity, ids in with_one.items()}
