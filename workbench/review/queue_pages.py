"""The queue's first rows in any order, without ordering every case.

A window on a million cases must show its first page at once after a sort or a filter; the whole
ordered list of ids (workbench.review.queue.queue_ids) follows from a worker. `first_ids` gives
exactly the first rows of that list:

- A column of the cases table is walked along its index (column, application number), which
  schema 12 keeps for every queue column: a few hundred index steps. Under a filter the walk
  tests each case it passes (per case: EXISTS, LIKE), which is quick while the filter keeps many
  cases; when WALK_ROWS cases did not fill the page, the filter keeps few (a search, one examiner)
  and those are selected as a set and sorted.
- A column that comes from another table (status, verdict, risk) takes few distinct values; the
  queue in that order is a run of segments, one per value, each in application-number order. The
  values are visited in order and each segment is read as above until the page is full.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from workbench.review.queue import COLUMNS, CaseFilter, candidates, where_clause

FIRST_PAGE = 200
#: How many cases a walk along an index tests before it leaves the filter's few cases to a sort.
WALK_ROWS = 5_000
#: A filter whose best index leaves fewer cases than this to look at has them sorted at once.
SORT_ROWS = 5_000
LONGEST_WALK = 200_000
#: The index that holds the cases in each column's order (schema 12), named so that a walk under a
#: filter is never traded by the planner for the filter's own index and a sort of most of the cases.
#: In application-number order, cases_search (schema 13) also holds the title and the applicant, so a
#: search by a short word tests them without reading the cases.
ORDER_INDEX = {"application_number": "cases_search", "ip_type": "cases_ip_type", "title": "cases_title",
               "examiner": "cases_examiner", "department": "cases_department",
               "decision_date": "cases_decision_date", "applicant": "cases_applicant"}


@dataclass(frozen=True)
class Segment:
    """The cases whose sort key has one value: `walk` tests one case (correlated, for walking an
    index), `select` picks them all (for sorting a few); both SQL over `cases c`. `size_sql` selects
    a row per case of the segment from its own table, to tell a small segment ('' for a segment of
    the cases missing from that table, which is large)."""

    walk: str
    select: str
    params: tuple[Any, ...]
    size_sql: str = ""


def first_ids(db: sqlite_utils.Database, case_filter: CaseFilter = CaseFilter(), *,
              sort: str = "application_number", descending: bool = False,
              limit: int = FIRST_PAGE, walk_rows: int = WALK_ROWS) -> list[int]:
    """The first `limit` ids of queue.case_ids(db, case_filter, sort=sort, descending=descending)."""
    where = Where(*where_clause(case_filter), *where_clause(case_filter, correlated=True), case_filter)
    if sort not in _SEGMENTS:
        return _read(db, where, sort, descending, limit, walk_rows)
    ids: list[int] = []
    for segment in _SEGMENTS[sort](db, descending):
        if _at_most(db, segment.size_sql, segment.params, walk_rows):
            part = _sorted(db, where.narrowed(segment.select, segment.params), "application_number",
                           descending, limit - len(ids))
        else:
            part = _read(db, where.narrowed(segment.walk, segment.params), "application_number", descending,
                         limit - len(ids), walk_rows)
        ids += part
        if len(ids) >= limit:
            break
    return ids


@dataclass(frozen=True)
class Where:
    """A filter as a set (`select`, for sorting the few it keeps) and per case (`walk`)."""

    select: str
    params: list[Any]
    walk: str
    walk_params: list[Any]
    case_filter: CaseFilter

    def narrowed(self, condition: str, params: tuple[Any, ...]) -> Where:
        return Where(f"{self.select} AND {condition}", [*self.params, *params],
                     f"{self.walk} AND {condition}", [*self.walk_params, *params], self.case_filter)


def _order(expression: str, d: str) -> str:
    """The column's order with the application number as tie-break; by the number alone when it is
    the column (a second, equal term made SQLite sort each run of equal numbers on cases_search)."""
    if expression == "c.application_number":
        return f"c.application_number {d}"
    return f"{expression} {d}, c.application_number {d}"


def _direction(descending: bool) -> str:
    return "DESC" if descending else "ASC"


def _read(db: sqlite_utils.Database, where: Where, sort: str, descending: bool, limit: int,
          walk_rows: int) -> list[int]:
    """Walk the column's index testing each case, at most `walk_rows` of them. When that did not
    fill the page: a filter that keeps few cases has them sorted; otherwise the walk goes on, now
    testing each case against the filter's cases built once as a set (the search index's matches,
    the reviewed cases...), as far as the density seen says the page needs, up to LONGEST_WALK."""
    d, expression = _direction(descending), COLUMNS[sort]
    if where.walk == "1":
        walk = (f"SELECT c.id FROM cases c INDEXED BY {ORDER_INDEX[sort]}"
                f" ORDER BY {_order(expression, d)} LIMIT ?")
        return [row[0] for row in db.execute(walk, [limit])]
    index, within, within_params = _walk_index(sort, where.case_filter)

    def walk(keep: str, params: list[Any], rows: int) -> list[int]:
        sql = (f"SELECT id FROM (SELECT c.id AS id, ({keep}) AS keep FROM cases c INDEXED BY {index} WHERE {within}"
               f" ORDER BY {_order(expression, d)} LIMIT ?) WHERE keep LIMIT ?")
        return [row[0] for row in db.execute(sql, [*params, *within_params, rows, limit])]

    ids = walk(where.walk, where.walk_params, walk_rows)
    if len(ids) < limit and candidates(db, where.case_filter, SORT_ROWS) >= SORT_ROWS:
        budget = min(2 * walk_rows * limit // len(ids) if ids else LONGEST_WALK, LONGEST_WALK)
        ids = walk(where.select, where.params, budget)
        if len(ids) < limit and budget >= (db.execute("SELECT MAX(id) FROM cases").fetchone()[0] or 0):
            return ids               # the walk passed every case: these are all the filter keeps
    return ids if len(ids) == limit else _sorted(db, where, sort, descending, limit)


def _walk_index(sort: str, case_filter: CaseFilter) -> tuple[str, str, list[Any]]:
    """The index to walk, and the part of it: in application-number order under a filter on one
    examiner, department or IP type, the range of that value in the column's index (value,
    application number) holds only those cases, in order; applications of one kind cluster in
    number order, so a walk of all of them could pass thousands of other kinds before a match."""
    if sort == "application_number":
        for column in ("examiner", "department", "ip_type"):      # the most selective first
            if getattr(case_filter, column):
                return ORDER_INDEX[column], f"c.{column} = ?", [getattr(case_filter, column)]
    return ORDER_INDEX[sort], "1", []


def _sorted(db: sqlite_utils.Database, where: Where, sort: str, descending: bool, limit: int) -> list[int]:
    d, expression = _direction(descending), COLUMNS[sort]
    sql = (f"SELECT c.id FROM cases c WHERE {where.select}"
           f" ORDER BY +{expression} {d}, +c.application_number {d} LIMIT ?")
    return [row[0] for row in db.execute(sql, [*where.params, limit])]


def _at_most(db: sqlite_utils.Database, sql: str, params: tuple[Any, ...], rows: int) -> bool:
    """Whether the rows `sql` selects are fewer than `rows` (counted no further)."""
    if not sql:
        return False
    return db.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT ?)", [*params, rows]).fetchone()[0] < rows


def _status_segments(db: sqlite_utils.Database, descending: bool) -> Iterator[Segment]:
    """queue.STATUS_SQL: the latest review's status as stored, 'not_reviewed' without one."""
    values = {row[0] for row in db.execute("SELECT DISTINCT status FROM latest_reviews")} | {"not_reviewed"}
    for value in sorted(values, reverse=descending):
        if value == "not_reviewed":
            yield Segment("NOT EXISTS (SELECT 1 FROM latest_reviews lr WHERE lr.case_id = c.id)",
                          "c.id NOT IN (SELECT case_id FROM latest_reviews)", ())
        else:
            yield Segment("EXISTS (SELECT 1 FROM latest_reviews lr WHERE lr.case_id = c.id AND lr.status = ?)",
                          "c.id IN (SELECT case_id FROM latest_reviews WHERE status = ?)", (value,),
                          "SELECT 1 FROM latest_reviews WHERE status = ?")


def _verdict_segments(db: sqlite_utils.Database, descending: bool) -> Iterator[Segment]:
    """queue.VERDICT_SQL: the latest review's verdict; NULL (first when ascending) without one."""
    values = sorted(row[0] for row in db.execute(
        "SELECT DISTINCT verdict FROM latest_reviews WHERE verdict IS NOT NULL"))
    none = Segment("NOT EXISTS (SELECT 1 FROM latest_reviews lr WHERE lr.case_id = c.id AND lr.verdict IS NOT NULL)",
                   "c.id NOT IN (SELECT case_id FROM latest_reviews WHERE verdict IS NOT NULL)", ())
    segments = [none] + [
        Segment("EXISTS (SELECT 1 FROM latest_reviews lr WHERE lr.case_id = c.id AND lr.verdict = ?)",
                "c.id IN (SELECT case_id FROM latest_reviews WHERE verdict = ?)", (value,),
                "SELECT 1 FROM latest_reviews WHERE verdict = ?") for value in values]
    yield from (reversed(segments) if descending else segments)


def _risk_segments(db: sqlite_utils.Database, descending: bool) -> Iterator[Segment]:
    """The risk score, 0 for a case without a row: scores are visited one at a time along the
    score index, so only as many as the page needs are ever looked up."""
    step = ("SELECT MAX(score) FROM case_risk WHERE score < ?" if descending
            else "SELECT MIN(score) FROM case_risk WHERE score > ?")
    value: float | None = db.execute(
        f"SELECT {'MAX' if descending else 'MIN'}(score) FROM case_risk").fetchone()[0]
    zero_done = False
    while True:
        if not zero_done and (value is None or (value <= 0 if descending else value >= 0)):
            zero_done = True     # score 0: the cases without a row among them
            yield Segment("NOT EXISTS (SELECT 1 FROM case_risk cr WHERE cr.case_id = c.id AND cr.score != 0)",
                          "c.id NOT IN (SELECT case_id FROM case_risk WHERE score != 0)", ())
            if value == 0:
                value = db.execute(step, [0]).fetchone()[0]
            continue
        if value is None:
            return
        yield Segment("EXISTS (SELECT 1 FROM case_risk cr WHERE cr.case_id = c.id AND cr.score = ?)",
                      "c.id IN (SELECT case_id FROM case_risk WHERE score = ?)", (value,),
                      "SELECT 1 FROM case_risk WHERE score = ?")
        value = db.execute(step, [value]).fetchone()[0]


_SEGMENTS = {"status": _status_segments, "verdict": _verdict_segments, "risk": _risk_segments}
