"""The case queue: which cases a filter and a search select, in which order, and how many
there are of each review status.

A case's status and verdict are those of its latest review (no review: 'not_reviewed').
Search uses the cases_fts index (trigram FTS5: any part of three or more characters of an
application number, title or applicant); shorter terms fall back to LIKE, and a term that
reads as an application number in any written form is looked up in its stored form.
"""
from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import sqlite_utils

from foundation.errors import WorkbenchError
from workbench.importing.identifiers import parse_application_number

STATUSES = ("not_reviewed", "in_progress", "completed", "signed_off")
VERDICTS = ("error", "defect", "compliant")
IP_TYPES = ("invention", "utility_model", "design", "trademark")
RISK_BANDS = ("none", "low", "medium", "high")      # case_risk.band (workbench.risk, read here by SQL only)

# latest_reviews (schema 3) holds each reviewed case's latest review, kept by triggers.
STATUS_SQL = "COALESCE((SELECT lr.status FROM latest_reviews lr WHERE lr.case_id = c.id), 'not_reviewed')"
VERDICT_SQL = "(SELECT lr.verdict FROM latest_reviews lr WHERE lr.case_id = c.id)"

#: The queue's columns: key -> SQL over `cases c` (also what ORDER BY uses).
COLUMNS: dict[str, str] = {
    "application_number": "c.application_number",
    "ip_type": "c.ip_type",
    "title": "c.title",
    "applicant": "c.applicant",
    "examiner": "c.examiner",
    "department": "c.department",
    "decision_date": "c.decision_date",
    "status": STATUS_SQL,
    "verdict": VERDICT_SQL,
    "risk": "COALESCE((SELECT cr.score FROM case_risk cr WHERE cr.case_id = c.id), 0)",   # no row: score 0
}


@dataclass(frozen=True)
class CaseFilter:
    """What the queue shows; None (or empty search) means any."""

    search: str = ""
    status: str | None = None        # of STATUSES; 'in_progress' includes reviews opened but not answered
    reviewer: str | None = None      # a review by them, or an assignment to them in a round
    ip_type: str | None = None
    department: str | None = None
    examiner: str | None = None
    verdict: str | None = None
    risk_band: str | None = None     # of RISK_BANDS; a case without a risk row is 'none'
    assigned_to: str | None = None   # "My cases": assigned to them in a round (round_cases.reviewer)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search_terms(text: str) -> list[str]:
    return [t for t in text.split() if t]


def where_clause(case_filter: CaseFilter, *, correlated: bool = False) -> tuple[str, list[Any]]:
    """SQL conditions over `cases c` for the filter, and their parameters.

    `correlated`: the same selection as conditions that test one case at a time (EXISTS, LIKE),
    for walking an index in order and stopping at the first page, instead of sets built whole."""
    clauses: list[str] = []
    params: list[Any] = []
    for column in ("ip_type", "department", "examiner"):
        value = getattr(case_filter, column)
        if value:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    for clause, values in _related_conditions(case_filter, correlated):
        clauses.append(clause)
        params.extend(values)
    fts_terms: list[str] = []
    for term in search_terms(case_filter.search):
        number = _as_application_number(term)
        if number is not None and number != term:
            clauses.append("(c.application_number = ? OR c.application_number LIKE ? ESCAPE '\\')")
            params.extend([number, _like(term)])
        elif len(term) < 3 or (correlated and _folds_like_fts(term)):
            columns = ["c.title", "c.applicant"]
            if term.isascii():          # stored application numbers are ASCII: 深圳 is in none of them
                columns.append("c.application_number")
            clauses.append("(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns) + ")")
            params.extend([_like(term)] * len(columns))
        else:
            fts_terms.append(_fts_phrase(term))
    if fts_terms:
        clauses.append("c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)")
        params.append(" AND ".join(fts_terms))
    return (" AND ".join(clauses) if clauses else "1"), params


def stored_statuses(status: str) -> list[str]:
    """The stored review statuses a status filter means ('in_progress' includes reviews opened
    but not answered)."""
    return ["open", "in_progress"] if status == "in_progress" else [status]


def candidates(db: sqlite_utils.Database, case_filter: CaseFilter, cap: int) -> int:
    """How many cases selecting the filter's cases as a set must look at, counted no further than
    `cap`: those of its most selective indexed condition (a column's value, the latest review, the
    risk band, a reviewer, the search index), or `cap` when it has none (a short word's LIKE
    looks at every case)."""
    counts = []
    for column in ("ip_type", "department", "examiner"):
        if getattr(case_filter, column):
            counts.append((f"SELECT 1 FROM cases WHERE {column} = ?", [getattr(case_filter, column)]))
    if case_filter.status and case_filter.status != "not_reviewed":
        statuses = stored_statuses(case_filter.status)
        counts.append((f"SELECT 1 FROM latest_reviews WHERE status IN ({', '.join('?' * len(statuses))})", statuses))
    if case_filter.verdict:
        counts.append(("SELECT 1 FROM latest_reviews WHERE verdict = ?", [case_filter.verdict]))
    if case_filter.risk_band and case_filter.risk_band != "none":
        counts.append(("SELECT 1 FROM case_risk WHERE band = ?", [case_filter.risk_band]))
    if case_filter.reviewer:
        counts.append(("SELECT 1 FROM reviews WHERE reviewer = ? UNION ALL SELECT 1 FROM round_cases WHERE reviewer = ?",
                       [case_filter.reviewer] * 2))
    phrases = [_fts_phrase(t) for t in search_terms(case_filter.search)
               if len(t) >= 3 and not (_as_application_number(t) not in (None, t))]
    if phrases:
        counts.append(("SELECT 1 FROM cases_fts WHERE cases_fts MATCH ?", [" AND ".join(phrases)]))
    if not counts:
        return cap
    return min(db.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT ?)", [*params, cap]).fetchone()[0]
               for sql, params in counts)


def _folds_like_fts(term: str) -> bool:
    """LIKE finds what the trigram index finds (any part of the three columns, ASCII letters in
    either case) unless the term has letters beyond ASCII with a case, which only FTS folds."""
    return all(ch.isascii() or ch.lower() == ch.upper() for ch in term)


def _related_conditions(case_filter: CaseFilter, correlated: bool) -> list[tuple[str, list[Any]]]:
    """The conditions on the latest review, the risk and the reviewer: as sets (IN a subquery,
    built once, for selecting) or per case (EXISTS, for walking)."""
    found: list[tuple[str, list[Any]]] = []

    def side(table: str, alias: str, condition: str, values: list[Any], negate: bool = False) -> None:
        if correlated:
            test = f"EXISTS (SELECT 1 FROM {table} {alias} WHERE {alias}.case_id = c.id AND {condition})"
        else:
            test = f"c.id IN (SELECT case_id FROM {table} {alias} WHERE {condition})"
        found.append(((f"NOT {test}" if correlated else test.replace(" IN ", " NOT IN ", 1)) if negate else test,
                      values))

    status = case_filter.status
    if status == "not_reviewed":
        # NOT IN builds the set of reviewed cases once; NOT EXISTS looked each case up (a third slower)
        side("latest_reviews", "lr", "1", [], negate=True)
    elif status:
        statuses = stored_statuses(status)
        side("latest_reviews", "lr", f"lr.status IN ({', '.join('?' * len(statuses))})", statuses)
    if case_filter.verdict:
        side("latest_reviews", "lr", "lr.verdict = ?", [case_filter.verdict])
    if case_filter.risk_band == "none":
        side("case_risk", "cr", "cr.band != 'none'", [], negate=True)
    elif case_filter.risk_band:
        side("case_risk", "cr", "cr.band = ?", [case_filter.risk_band])
    if case_filter.assigned_to:
        side("round_cases", "rc", "rc.reviewer = ?", [case_filter.assigned_to])
    if case_filter.reviewer:
        reviewer = case_filter.reviewer
        if correlated:
            found.append(("(EXISTS (SELECT 1 FROM reviews r WHERE r.case_id = c.id AND r.reviewer = ?)"
                          " OR EXISTS (SELECT 1 FROM round_cases rc WHERE rc.case_id = c.id AND rc.reviewer = ?))",
                          [reviewer, reviewer]))
        else:
            found.append(("c.id IN (SELECT case_id FROM reviews WHERE reviewer = ?"
                          " UNION SELECT case_id FROM round_cases WHERE reviewer = ?)", [reviewer, reviewer]))
    return found


def _as_application_number(term: str) -> str | None:
    """The stored form when the term is a whole application number written another way
    (CN prefix, no dot before the check digit, full-width digits)."""
    if not any(ch.isdigit() for ch in term):
        return None
    try:
        return parse_application_number(term).normalized
    except WorkbenchError:
        return None


def _ids_query(case_filter: CaseFilter, sort: str, descending: bool) -> tuple[str, list[Any]]:
    expression = COLUMNS[sort]
    direction = "DESC" if descending else "ASC"
    where, params = where_clause(case_filter)
    if where != "1":
        # Sort what the filter selected; walking an index in order and testing each of the
        # 100,000 rows against the filter is several times slower.
        expression = f"+{expression}"
    return (f"SELECT c.id FROM cases c WHERE {where}"
            f" ORDER BY {expression} {direction}, c.application_number {direction}"), params


@dataclass(frozen=True)
class QueueIds:
    """The queue's case ids in order: compact (8 bytes an id, not a Python int and a list slot),
    and as the JSON array SQLite returned, which counts_for_ids and reviewed_among pass back."""

    ids: array
    json: str


def queue_ids(db: sqlite_utils.Database, case_filter: CaseFilter = CaseFilter(), *,
              sort: str = "application_number", descending: bool = False,
              stopped: Callable[[], bool] = lambda: False) -> QueueIds:
    """case_ids, read in one step: one JSON text from SQLite is a third faster than a row per id."""
    sql, params = _ids_query(case_filter, sort, descending)
    # An aggregate over a subquery with ORDER BY keeps its order (SQLite never flattens it).
    text = db.execute(f"SELECT json_group_array(id) FROM ({sql})", params).fetchone()[0] or "[]"
    return QueueIds(parse_ids(text, stopped=stopped), text)


def parse_ids(text: str, chunk: int = 1 << 18, stopped: Callable[[], bool] = lambda: False) -> array:
    """A JSON array of ids read a slice of about `chunk` characters at a time: a worker reading a
    million ids lets the window's thread run between slices instead of holding it for one long parse."""
    ids = array("q")
    start, end = 1, len(text) - 1          # inside the brackets
    while start < end and not stopped():        # a worker whose queue went stale stops early
        stop = text.find(",", start + chunk, end)
        stop = end if stop < 0 else stop
        ids.extend(json.loads(f"[{text[start:stop]}]"))
        start = stop + 1
    return ids


def case_ids(db: sqlite_utils.Database, case_filter: CaseFilter = CaseFilter(), *,
             sort: str = "application_number", descending: bool = False) -> list[int]:
    """The ids of the cases the filter selects, in queue order (ties by application number)."""
    sql, params = _ids_query(case_filter, sort, descending)
    return [row[0] for row in db.execute(sql, params)]


def status_counts(db: sqlite_utils.Database, case_filter: CaseFilter = CaseFilter()) -> dict[str, int]:
    """Cases per status of their latest review ('open' counts as in progress)."""
    where, params = where_clause(case_filter)
    counts = dict.fromkeys(STATUSES, 0)
    if where == "1":     # the whole workspace: count the few reviewed cases, not every case
        total = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        rows = db.execute("SELECT status, COUNT(*) FROM latest_reviews GROUP BY 1").fetchall()
    else:
        total = db.execute(f"SELECT COUNT(*) FROM cases c WHERE {where}", params).fetchone()[0]
        rows = db.execute(f"SELECT lr.status, COUNT(*) FROM cases c JOIN latest_reviews lr ON lr.case_id = c.id"
                          f" WHERE {where} GROUP BY 1", params).fetchall()
    for status, count in rows:
        key = "in_progress" if status == "open" else status
        counts[key] = counts.get(key, 0) + count
    counts["not_reviewed"] = total - sum(counts[s] for s in STATUSES if s != "not_reviewed")
    return counts


def choices(db: sqlite_utils.Database, field: str) -> list[str]:
    """The values a filter can take in this workspace, sorted (departments, examiners, reviewers)."""
    if field == "reviewer":
        rows = db.execute("SELECT reviewer FROM reviews UNION SELECT reviewer FROM round_cases"
                          " WHERE reviewer IS NOT NULL AND reviewer != '' ORDER BY 1")
    elif field in ("department", "examiner"):
        # From one distinct value to the next along the column's index: a few lookups per value,
        # where DISTINCT reads the whole index (a tenth of a second at a million cases).
        rows = db.execute(f"WITH RECURSIVE d(v) AS (SELECT MIN({field}) FROM cases WHERE {field} > ''"
                          f" UNION ALL SELECT (SELECT MIN({field}) FROM cases WHERE {field} > d.v) FROM d"
                          f" WHERE d.v IS NOT NULL) SELECT v FROM d WHERE v IS NOT NULL")
    else:
        raise ValueError(field)
    return [row[0] for row in rows]


def reviewed_case_ids(db: sqlite_utils.Database) -> set[int]:
    """Cases with a completed or signed-off review: the ones 'next unreviewed' skips."""
    return {row[0] for row in db.execute(
        "SELECT DISTINCT case_id FROM reviews WHERE status IN ('completed', 'signed_off')")}


def next_unreviewed(ids: list[int], reviewed: set[int], current: int | None) -> int | None:
    """The first case after `current` in queue order that is not reviewed yet, wrapping round."""
    start = 0
    if current is not None:
        try:
            start = ids.index(current) + 1
        except ValueError:
            start = 0
    for case_id in ids[start:] + ids[:start]:
        if case_id not in reviewed and case_id != current:
            return case_id
    return None


def ids_json(ids: Sequence[int] | str) -> str:
    """The ids as the JSON array SQLite's json_each reads (a text given is taken as one already)."""
    return ids if isinstance(ids, str) else json.dumps(list(ids))


def counts_for_ids(db: sqlite_utils.Database, ids: Sequence[int] | str) -> dict[str, int]:
    """status_counts for the case ids the caller already has (the queue's own list, or its JSON
    text): no second pass of the filter's search; SQLite counts, on whichever thread calls."""
    text = ids_json(ids)
    counts = dict.fromkeys(STATUSES, 0)
    rows = db.execute("SELECT lr.status, COUNT(*) FROM json_each(?) j JOIN latest_reviews lr ON lr.case_id = j.value"
                      " GROUP BY 1", [text]).fetchall()
    for status, count in rows:
        counts["in_progress" if status == "open" else status] += count
    total = len(ids) if not isinstance(ids, str) else db.execute("SELECT json_array_length(?)", [text]).fetchone()[0]
    counts["not_reviewed"] = total - sum(counts.values())
    return counts


def reviewed_among(db: sqlite_utils.Database, ids: Sequence[int]) -> set[int]:
    """Which of these cases are reviewed (latest review completed or signed off)."""
    return {row[0] for row in db.execute(
        "SELECT case_id FROM latest_reviews WHERE status IN ('completed', 'signed_off')"
        " AND case_id IN (SELECT value FROM json_each(?))", [ids_json(ids)])}


def next_unreviewed_after(db: sqlite_utils.Database, ids: Sequence[int], current: int | None,
                          start: int) -> int | None:
    """next_unreviewed over the queue's ids from row `start` (the row after `current`), asking
    SQLite about a few ids at a time: most cases are unreviewed, so the first batch is usually enough
    and no set of every reviewed case is kept."""
    size = 64
    for low, high in ((start, len(ids)), (0, start)):
        position = low
        while position < high:
            chunk = ids[position:min(high, position + size)]
            reviewed = reviewed_among(db, chunk)
            for case_id in chunk:
                if case_id not in reviewed and case_id != current:
                    return case_id
            position += len(chunk)
            size = min(size * 4, 32_768)
    return None


def has_open_assignments(db: sqlite_utils.Database, reviewer: str) -> bool:
    """Is the reviewer assigned cases in a round not closed? Then "My cases" is their queue at start."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM round_cases rc JOIN rounds r ON r.id = rc.round_id"
                      " WHERE rc.reviewer = ? AND r.closed_at IS NULL)", [reviewer]).fetchone()[0] == 1


def assigned_unreviewed(db: sqlite_utils.Database, reviewer: str) -> set[int]:
    """The cases assigned to the reviewer in rounds not closed whose latest review is not yet
    completed or signed off: their own work still to do (a few hundred, not the whole queue)."""
    return {row[0] for row in db.execute(
        "SELECT rc.case_id FROM round_cases rc JOIN rounds r ON r.id = rc.round_id"
        " WHERE rc.reviewer = ? AND r.closed_at IS NULL AND rc.case_id NOT IN"
        " (SELECT case_id FROM latest_reviews WHERE status IN ('completed', 'signed_off'))", [reviewer])}


def next_case_after(db: sqlite_utils.Database, ids: Sequence[int], current: int | None, start: int, *,
                    reviewer: str | None = None) -> int | None:
    """Ctrl+N: the reviewer's own next unreviewed assigned case (in queue order from row `start`,
    wrapping round) first; when none of theirs is left in the queue, its next unreviewed case."""
    mine = assigned_unreviewed(db, reviewer) - {current} if reviewer else set()
    if mine:
        start = min(max(start, 0), len(ids))
        for low, high in ((start, len(ids)), (0, start)):
            for position in range(low, high):
                if ids[position] in mine:
                    return ids[position]
    return next_unreviewed_after(db, ids, current, start)
