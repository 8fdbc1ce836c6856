"""The queue's first page read without ordering every case is exactly the start of the whole
ordered queue: for every column, both directions, filters that keep many cases and few, and both
ways of reading a segment (walking an index, or sorting the few)."""
from __future__ import annotations

import pytest

from db.connection import open_database
from workbench.demo.generate import build_demo
from workbench.review import queue, queue_pages
from workbench.review.queue import CaseFilter

FILTERS = (CaseFilter(), CaseFilter(status="not_reviewed"), CaseFilter(status="completed"),
           CaseFilter(ip_type="invention"), CaseFilter(verdict="error"), CaseFilter(search="有限公司"),
           CaseFilter(risk_band="none"), CaseFilter(search="no such words at all"))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("queue_pages") / "q.sqlite3")
    build_demo(db, cases=400, reviewed=0.5, seed=7)
    # Ties in every column: the application number must break them the same way on both paths.
    with db.conn:
        db.execute("UPDATE cases SET title = '同一名称', decision_date = '2024-03-01' WHERE id % 5 = 0")
        db.execute("UPDATE reviews SET verdict = NULL WHERE status = 'in_progress'")    # opened, not yet judged
        db.execute("UPDATE case_risk SET score = (case_id % 4) * 0.25 WHERE case_id % 7 = 0")
    return db


def test_the_workspace_has_what_the_segments_are_made_of(db):
    statuses = {row[0] for row in db.execute("SELECT DISTINCT status FROM latest_reviews")}
    scores = db.execute("SELECT COUNT(DISTINCT score), MIN(score) FROM case_risk").fetchone()
    assert {"completed", "signed_off"} <= statuses and scores[0] >= 3 and scores[1] == 0
    assert db.execute("SELECT COUNT(*) FROM latest_reviews WHERE verdict IS NULL").fetchone()[0] > 0


@pytest.mark.parametrize("sort", list(queue.COLUMNS))
def test_first_ids_are_the_start_of_the_whole_queue(db, sort):
    for descending in (False, True):
        for case_filter in FILTERS:
            whole = queue.case_ids(db, case_filter, sort=sort, descending=descending)
            for walk_rows in (1, 3, 10**9):        # sort nearly every segment, walk on, or walk every one
                for limit in (7, 1000):
                    got = queue_pages.first_ids(db, case_filter, sort=sort, descending=descending,
                                                limit=limit, walk_rows=walk_rows)
                    assert got == whole[:limit], (sort, descending, case_filter, walk_rows, limit)


def test_cases_never_scored_sort_as_score_zero(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=60, reviewed=0.3, seed=3)
    with db.conn:
        db.execute("DELETE FROM case_risk WHERE case_id % 3 = 0")           # some scored, some never
        db.execute("UPDATE reviews SET verdict = NULL WHERE status = 'in_progress'")    # opened, not yet judged
        db.execute("UPDATE case_risk SET score = 0.5 WHERE case_id % 3 = 1")
    for descending in (False, True):
        whole = queue.case_ids(db, sort="risk", descending=descending)
        assert queue_pages.first_ids(db, sort="risk", descending=descending, limit=100) == whole
        with db.conn:
            db.execute("DELETE FROM case_risk")
        assert queue_pages.first_ids(db, sort="risk", descending=descending, limit=100) \
            == queue.case_ids(db, sort="risk", descending=descending)


@pytest.mark.parametrize("case_filter", [*FILTERS, CaseFilter(search="velora"), CaseFilter(search="深圳 科技"),
                                         CaseFilter(search="电池"), CaseFilter(status="in_progress"),
                                         CaseFilter(risk_band="high"), CaseFilter(reviewer="冯涛"),
                                         CaseFilter(ip_type="trademark", status="not_reviewed", search="商贸")])
def test_the_filter_tested_case_by_case_selects_the_same_cases(db, case_filter):
    def selected(correlated):
        where, params = queue.where_clause(case_filter, correlated=correlated)
        return {row[0] for row in db.execute(f"SELECT c.id FROM cases c WHERE {where}", params)}
    assert selected(True) == selected(False)
    if case_filter.search in ("velora", "电池") or case_filter.reviewer:
        assert selected(True)                      # found something to agree on


def test_letters_beyond_ascii_with_a_case_are_left_to_the_search_index():
    assert "LIKE" in queue.where_clause(CaseFilter(search="velora"), correlated=True)[0]
    assert "cases_fts" in queue.where_clause(CaseFilter(search="ÉCOLE"), correlated=True)[0]


def test_a_short_word_is_looked_for_along_an_index_that_holds_the_text(db):
    """The walk for a one- or two-character word (no full-text index) reads cases_search, which
    holds the number, title and applicant (schema 13), not the case rows, and sorts nothing."""
    plans: list[str] = []
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        queue_pages.first_ids(db, CaseFilter(search="电池"))
    finally:
        db.conn.set_trace_callback(None)
    for sql in (s for s in statements if "INDEXED BY" in s):
        plans.append(" / ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)))
    assert plans and all("COVERING INDEX cases_search" in p and "TEMP B-TREE" not in p for p in plans), plans
