"""Issue 20: the report and the trend count the cases of the "all cases" scope in SQLite
(workbench.report.case_counts) and read only the reviewed cases one by one. Every figure must stay
exactly what the case-by-case path gives, and what a plain computation from the tables gives, for
all cases, a period, a round and a stratified round, with dates SQL and Python might read apart."""
from __future__ import annotations

import io
import random
import statistics
from collections import Counter, defaultdict
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from db.connection import open_database
from workbench.cli import main
from workbench.report import figures, trends
from workbench.report.figures import ReportFilter, Scope, compute_report
from workbench.report.trends import MONTH, QUARTER, trend
from workbench.report.targets import set_pendency_target
from workbench.stats.intervals import counted_percentile, percentile, percentiles

TODAY = date(2026, 11, 30)
#: Dates SQLite and Python could read differently: each must be judged as Python judges it.
ODD_DATES = ("", "20240105", "2024-02-30", "2024-03-05T10:00:00", "0000-01-01", "2024-1-5", "now",
             "2023-12-31 23:59", None, "2023-02-29", "2024-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
             "2024-01-00", "2024-12-31", "2460000.5", "12:30:00.5")


def _demo(path, *extra: str) -> None:
    err = io.StringIO()
    code = main(["demo", "--cases", "400", "--reviewed", "0.5", "--seed", "11", "--db", str(path), *extra],
                out=io.StringIO(), err=err)
    assert code == 0, err.getvalue()


def _oddify(db) -> None:
    """Odd and missing dates on some cases, an in-progress review, and a pendency target."""
    rng = random.Random(4)
    ids = [row[0] for row in db.execute("SELECT id FROM cases ORDER BY id")]
    with db.conn:
        for case_id in rng.sample(ids, 80):
            column = rng.choice(("filing_date", "decision_date"))
            db.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", [rng.choice(ODD_DATES), case_id])
        # A decision before the filing: no pendency.
        db.execute("UPDATE cases SET filing_date = '2025-06-01', decision_date = '2025-01-01' WHERE id = ?", [ids[1]])
    set_pendency_target(db, "invention", 700, actor="test", now="2026-11-01T00:00:00+00:00")


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    path = tmp_path_factory.mktemp("counted") / "plain.sqlite3"
    _demo(path, "--round", "R", "--size", "30")
    db = open_database(path)
    _oddify(db)
    return db


@pytest.fixture(scope="module")
def stratified(tmp_path_factory):
    path = tmp_path_factory.mktemp("counted") / "strat.sqlite3"
    _demo(path, "--round", "S", "--size", "40", "--strata", "examiner", "--round-reviewed", "0.6")
    db = open_database(path)
    _oddify(db)
    return db


def _case_by_case(monkeypatch) -> None:
    """The general path, as rounds use it: every case of the scope read one by one."""
    monkeypatch.setattr(figures, "counted_in_sql", lambda scope: False)
    monkeypatch.setattr(trends, "counted_in_sql", lambda scope, by: False)
    monkeypatch.setattr(Scope, "reviews_cte", Scope.cte)


FILTERS = (ReportFilter(), ReportFilter(date_from=date(2025, 3, 1), date_to=date(2026, 2, 28)),
           ReportFilter(date_to=date(2025, 8, 31)))


def _every_figure(db, report_filter: ReportFilter) -> list[str]:
    shown = [repr(compute_report(db, report_filter))]
    for period in (QUARTER, MONTH):
        for by in ("decision", "review"):
            for group in (None, "department", "ip_type"):
                shown.append(repr(trend(db, report_filter, period=period, by=by, group=group, today=TODAY)))
    return shown


@pytest.mark.parametrize("report_filter", FILTERS + (ReportFilter(round_name="R"),))
def test_counted_figures_equal_the_case_by_case_figures(plain, monkeypatch, report_filter):
    counted = _every_figure(plain, report_filter)
    _case_by_case(monkeypatch)
    assert counted == _every_figure(plain, report_filter)


@pytest.mark.parametrize("report_filter", (ReportFilter(), ReportFilter(round_name="S"),
                                           ReportFilter(round_name="S", date_from=date(2025, 6, 1))))
def test_stratified_workspace_figures_are_unchanged(stratified, monkeypatch, report_filter):
    counted = _every_figure(stratified, report_filter)
    _case_by_case(monkeypatch)
    assert counted == _every_figure(stratified, report_filter)


# -- a plain reference, straight from the tables -------------------------------------------------

def _iso(value):
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _reference(db, report_filter: ReportFilter):
    """Per case: its groups, pendency and standing review, by the definitions in figures.py."""
    standing = {}
    for case_id, status, verdict, seconds in db.execute(
            "SELECT case_id, status, verdict, active_seconds FROM reviews"
            " ORDER BY status IN ('completed', 'signed_off'), completed_at, id"):
        standing[case_id] = (status, verdict, seconds)      # the last one wins: the standing review
    cases = []
    for case_id, ip_type, department, examiner, filing, decision in db.execute(
            "SELECT id, ip_type, department, examiner, filing_date, decision_date FROM cases"):
        lo, hi = report_filter.date_from, report_filter.date_to
        if (lo and not (decision is not None and decision >= lo.isoformat())) or \
                (hi and not (decision is not None and decision <= hi.isoformat())):
            continue
        start, end = _iso(filing), _iso(decision)
        days = (end - start).days if start and end and end >= start else None
        cases.append((ip_type, department, examiner, end, days, standing.get(case_id, (None, None, None))))
    return cases


@pytest.mark.parametrize("report_filter", FILTERS)
def test_report_matches_a_plain_computation(plain, report_filter):
    report = compute_report(plain, report_filter)
    cases = _reference(plain, report_filter)
    reviewed = [c for c in cases if c[5][0] in ("completed", "signed_off")]
    assert report.cases == len(cases)
    assert report.reviewed == len(reviewed)
    assert report.in_progress == sum(c[5][0] == "in_progress" for c in cases)
    assert report.overall.compliant == sum(c[5][1] in ("compliant", "defect") for c in reviewed)
    minutes = [c[5][2] / 60.0 for c in reviewed if c[5][2]]
    assert report.overall.median_minutes == (statistics.median(minutes) if minutes else None)
    assert {g.key[0]: g.cases for g in report.by_department} == Counter(c[1] for c in cases)
    assert {g.key: g.cases for g in report.by_examiner} == Counter((c[1], c[2]) for c in cases)
    assert {g.key[0]: g.reviewed for g in report.by_ip_type if g.reviewed} == Counter(c[0] for c in reviewed)
    days = defaultdict(list)
    for c in cases:
        if c[4] is not None:
            days[c[0]].append(c[4])
    assert {p.ip_type: (p.cases, p.median_days) for p in report.pendency} == \
        {t: (len(d), statistics.median(d)) for t, d in days.items()}


def test_trend_matches_a_plain_computation(plain):
    t = trend(plain, ReportFilter(), period=QUARTER, group="department", today=TODAY)
    cases = [c for c in _reference(plain, ReportFilter())]
    assert t.undated == sum(c[3] is None for c in cases)
    per_period = defaultdict(list)
    for c in cases:
        if c[3] is not None:
            per_period[f"{c[3].year:04d} Q{(c[3].month - 1) // 3 + 1}"].append(c)
    for point in t.overall.points:
        placed = per_period.get(point.period.label, [])
        days = [c[4] for c in placed if c[4] is not None]
        assert (point.cases, point.decided) == (len(placed), len(days))
        assert point.median_pendency_days == (statistics.median(days) if days else None)
        assert point.reviewed == sum(c[5][0] in ("completed", "signed_off") for c in placed)
        invention = [d for c in placed if c[0] == "invention" and (d := c[4]) is not None]
        share = point.share_for("invention")
        assert (share.within if share else 0) == sum(d <= 700 for d in invention)


def test_sql_pendency_agrees_with_python_or_leaves_it_to_python():
    import itertools
    import sqlite3
    from workbench.report.case_counts import NEEDS_PYTHON, pendency_sql
    values = ODD_DATES + ("0001-01-01", "9999-12-31", "2024-06-15", "2024-19-01", "2024-02-28", "1900-02-29",
                          "2000-02-29", "2024-06-31", "-001-01-01", " 2024-01-01", "2024-01-01Z")
    conn = sqlite3.connect(":memory:")
    left = 0
    for filing, decision in itertools.product(values, values):
        days = conn.execute(f"SELECT {pendency_sql('?1', '?2')}", [filing, decision]).fetchone()[0]
        if days == NEEDS_PYTHON:
            left += 1
        else:
            assert days == figures._days_between(filing, decision), (filing, decision)
    assert left < len(values) ** 2
    plain = conn.execute(f"SELECT {pendency_sql('?1', '?2')}", ["2024-02-29", "2024-03-31T08:00"]).fetchone()[0]
    assert plain == 31          # judged in SQL, not left to Python


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=0, max_size=30),
       st.sampled_from((0.0, 0.1, 0.5, 0.9, 1.0, 0.37)))
def test_a_percentile_of_counts_is_the_percentile_of_the_values(values, q):
    assert counted_percentile(Counter(values), q) == percentile(values, q)


# -- schema 16: the stored pendency and month, and the indexes the counts walk -------------------

def test_stored_pendency_and_month_are_the_counted_expressions(plain):
    """The generated columns hold exactly case_counts.pendency_sql and month_sql (the rule above),
    and keep up with a case whose dates change."""
    from workbench.report.case_counts import month_sql, pendency_sql
    table = plain.execute("SELECT sql FROM sqlite_master WHERE name = 'cases'").fetchone()[0]
    assert " ".join(table.split()).count(" ".join(pendency_sql("filing_date", "decision_date").split())) == 1
    assert " ".join(table.split()).count(" ".join(month_sql("decision_date").split())) == 1
    mismatched = plain.execute(
        f"SELECT COUNT(*) FROM cases c WHERE c.pendency_days IS NOT {pendency_sql()}"
        f" OR c.decision_month IS NOT {month_sql()}").fetchone()[0]
    assert mismatched == 0
    case_id = plain.execute("SELECT MIN(id) FROM cases").fetchone()[0]
    before = plain.execute("SELECT filing_date, decision_date FROM cases WHERE id = ?", [case_id]).fetchone()
    try:
        with plain.conn:
            plain.execute("UPDATE cases SET filing_date = '2024-02-28', decision_date = '2024-03-01T09:00'"
                          " WHERE id = ?", [case_id])
        assert plain.execute("SELECT pendency_days, decision_month FROM cases WHERE id = ?",
                             [case_id]).fetchone() == (2, "2024-03")
    finally:
        with plain.conn:
            plain.execute("UPDATE cases SET filing_date = ?, decision_date = ? WHERE id = ?", [*before, case_id])


def test_the_counts_walk_an_index_without_reading_the_cases(plain):
    from workbench.report import case_counts
    for columns in ("c.department, c.examiner, c.ip_type, c.pendency_days",
                    "c.department, c.ip_type, c.decision_month, c.pendency_days"):
        plan = " ".join(row[3] for row in plain.execute(
            "EXPLAIN QUERY PLAN " + case_counts.counted_sql(columns, "")))
        # SQLite 3.40 names an index holding generated columns "USING INDEX", yet reads no row.
        assert "USING INDEX cases_" in plan and "TEMP B-TREE" not in plan, plan
    plan = " ".join(row[3] for row in plain.execute(
        "EXPLAIN QUERY PLAN SELECT review_id, severity, category, COUNT(*) FROM answers WHERE outcome = 'fail'"
        " GROUP BY review_id, severity, category"))
    assert "answers_failing" in plan and "TEMP B-TREE" not in plan, plan


def test_findings_of_reviews_that_do_not_count_stay_out(plain, monkeypatch):
    """A failing answer of an open review, and of a review that no longer stands for its case, is
    not a finding: the all-cases path agrees with the case-by-case one."""
    from workbench.report.figures import SEVERITIES
    review_id, case_id, *before = plain.execute(
        "SELECT r.id, r.case_id, r.status, r.verdict, r.completed_at FROM latest_reviews lr"
        " JOIN reviews r ON r.id = lr.review_id WHERE r.status IN ('completed', 'signed_off')"
        " ORDER BY r.id LIMIT 1").fetchone()
    with plain.conn:
        plain.execute("UPDATE reviews SET status = 'in_progress', verdict = NULL, completed_at = NULL"
                      " WHERE id = ?", [review_id])
        plain.execute("INSERT OR REPLACE INTO answers (review_id, item_id, answer, outcome, severity, category,"
                      " answered_at) VALUES (?, 'zz-test', 'fail', 'fail', ?, 'test', '2026-01-01T00:00:00Z')",
                      [review_id, SEVERITIES[0]])
    try:
        counted = repr(compute_report(plain, ReportFilter(), items=False))
        _case_by_case(monkeypatch)
        assert counted == repr(compute_report(plain, ReportFilter(), items=False))
        assert case_id in {row[0] for row in plain.execute("SELECT case_id FROM latest_reviews")}
    finally:
        monkeypatch.undo()
        with plain.conn:
            plain.execute("DELETE FROM answers WHERE review_id = ? AND item_id = 'zz-test'", [review_id])
            plain.execute("UPDATE reviews SET status = ?, verdict = ?, completed_at = ? WHERE id = ?",
                          [*before, review_id])


@pytest.mark.parametrize("report_filter", FILTERS)
def test_a_shared_read_gives_the_figures_of_separate_reads(plain, monkeypatch, report_filter):
    """The Dashboard's refresh reads the reviewed cases once for the report and every trend of the
    same scope (case_counts.SharedReads): the same figures as each reading them on its own, and one read."""
    from workbench.report import case_counts
    alone = _every_figure(plain, report_filter)
    reads = case_counts.SharedReads()
    calls = []
    for name in ("review_counts", "review_minutes"):
        real = getattr(case_counts, name)
        monkeypatch.setattr(case_counts, name, lambda *args, real=real, name=name: calls.append(name) or real(*args))
    shared = [repr(compute_report(plain, report_filter, reads=reads))]
    for period in (QUARTER, MONTH):
        for by in ("decision", "review"):
            for group in (None, "department", "ip_type"):
                shared.append(repr(trend(plain, report_filter, period=period, by=by, group=group, today=TODAY,
                                         reads=reads)))
    assert shared == alone
    assert sorted(calls) == ["review_counts", "review_minutes"]     # one read, in its two queries


def report_and_trend_on_two_threads(plain, reads, period, group) -> list[str]:
    """As the Dashboard runs them: the report and a trend on two threads, each with its own
    connection, sharing `reads`."""
    import threading
    path = plain.execute("PRAGMA database_list").fetchone()[2]
    results = {}

    def run(name, compute):
        db = open_database(path, read_only=True)
        try:
            results[name] = repr(compute(db))
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=("report", lambda db: compute_report(
                   db, ReportFilter(), items=False, reads=reads))),
               threading.Thread(target=run, args=("trend", lambda db: trend(
                   db, ReportFilter(), period=period, group=group, today=TODAY, reads=reads)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return [results.get("report"), results.get("trend")]


def alone(plain, period, group) -> list[str]:
    return [repr(compute_report(plain, ReportFilter(), items=False)),
            repr(trend(plain, ReportFilter(), period=period, group=group, today=TODAY))]


def test_two_threads_share_one_read(plain):
    """Whichever thread is free reads the next part of the reviewed cases."""
    from workbench.report import case_counts
    reads = case_counts.SharedReads(findings=True)
    assert report_and_trend_on_two_threads(plain, reads, MONTH, "ip_type") == alone(plain, MONTH, "ip_type")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.integers(min_value=-5, max_value=40), st.floats(min_value=-1e6, max_value=1e6)),
                max_size=30))
def test_percentiles_sorted_once_are_each_percentile(values):
    qs = (0.5, 0.9, 0.0, 1.0, 0.37)
    assert percentiles(values, qs) == tuple(percentile(values, q) for q in qs)


def test_a_read_for_two_users_is_let_go_after_both_and_read_afresh_after(plain):
    """The Dashboard's SharedReads(users=2): both users get one read; then the read is let go (it
    lives only in the users' figures), and a later user reads the same afresh."""
    from workbench.report import case_counts
    from workbench.report.figures import REVIEWED_STATUSES
    alone = case_counts.SharedReads().reviewed(plain, "", {}, REVIEWED_STATUSES)
    reads = case_counts.SharedReads(users=2)
    assert reads.reviewed(plain, "", {}, REVIEWED_STATUSES) == alone
    assert reads._reads                       # kept for the second user
    second = reads.reviewed(plain, "", {}, REVIEWED_STATUSES)
    assert second == alone and not reads._reads
    assert reads.reviewed(plain, "", {}, REVIEWED_STATUSES) == alone
    assert alone.counts and alone.minutes


def test_the_findings_are_read_once_for_the_report_even_by_the_last_user(plain, monkeypatch):
    """The Dashboard's overview alone (SharedReads(findings=True, users=1)): the report's `reviewed`
    call reads the findings with the counts and lets go of the counts as the last user; its
    `findings` call that follows gets those findings, not a second read."""
    from workbench.report import case_counts
    calls = []
    real = case_counts.findings_counts
    monkeypatch.setattr(case_counts, "findings_counts", lambda db, standing: calls.append(1) or real(db, standing))
    reads = case_counts.SharedReads(findings=True, users=1)
    shared = compute_report(plain, ReportFilter(), items=False, reads=reads)
    assert len(calls) == 1 and not reads._reads
    calls.clear()
    assert shared == compute_report(plain, ReportFilter(), items=False) and len(calls) == 1


def test_the_reviewed_minutes_come_in_runs_of_their_counted_groups(plain):
    """Reviewed.runs: each (department, examiner, IP type, month) with its reviewed cases' minutes,
    sorted: the same as listing them case by case from the tables."""
    from collections import defaultdict
    from workbench.report import case_counts
    from workbench.report.figures import REVIEWED_STATUSES
    read = case_counts.SharedReads().reviewed(plain, "", {}, REVIEWED_STATUSES)
    expected = defaultdict(list)
    for department, examiner, ip_type, month, seconds in plain.execute(
            f"SELECT c.department, c.examiner, c.ip_type, {case_counts.month_sql()}, r.active_seconds"
            " FROM latest_reviews lr JOIN cases c ON c.id = lr.case_id JOIN reviews r ON r.id = lr.review_id"
            " WHERE r.status IN ('completed', 'signed_off')"):
        if seconds:
            expected[(department, examiner, ip_type, month)].append(seconds / 60.0)
    runs = defaultdict(list)
    for key, values in read.runs():
        assert values == sorted(values) and values
        runs[key].extend(values)
    assert {key: sorted(values) for key, values in runs.items()} == {
        key: sorted(values) for key, values in expected.items()}
    assert len(runs) > 3


def test_the_reviewed_cases_are_counted_by_walking_an_index(plain):
    """Schema 20: latest_reviews' decision month is month_sql of its decision date, and the counts and
    the minutes walk latest_reviews_counts in its order (no sort), with or without a period."""
    from workbench.report import case_counts
    from workbench.report.case_counts import month_sql
    table = plain.execute("SELECT sql FROM sqlite_master WHERE name = 'latest_reviews'").fetchone()[0]
    assert " ".join(table.split()).count(" ".join(month_sql("decision_date").split())) == 1
    assert plain.execute(f"SELECT COUNT(*) FROM latest_reviews c WHERE c.decision_month IS NOT {month_sql()}"
                         ).fetchone()[0] == 0
    for condition in ("", "WHERE c.decision_date >= :date_from"):
        for sql, values in ((f"SELECT {case_counts.REVIEW_GROUP}, COUNT(*) FROM latest_reviews c {condition}"
                             f" GROUP BY {case_counts.REVIEW_GROUP} ORDER BY {case_counts.REVIEW_GROUP}", {}),
                            case_counts.minutes_sql(condition, ("completed", "signed_off"))):
            plan = " ".join(row[3] for row in plain.execute("EXPLAIN QUERY PLAN " + sql,
                                                            {"date_from": "2024-01-01", **values}))
            assert "latest_reviews_counts" in plan and "TEMP B-TREE" not in plan, plan


def test_the_dashboards_two_users_on_two_threads_give_the_same_figures(plain):
    from workbench.report import case_counts
    reads = case_counts.SharedReads(findings=True, users=2)
    assert report_and_trend_on_two_threads(plain, reads, QUARTER, "department") == alone(plain, QUARTER, "department")
    assert not reads._reads


def test_the_collector_is_paused_while_counting_and_resumed_as_it_was():
    """Paused by the first of overlapping counts (any thread), resumed by the last, only if it ran."""
    import gc
    import threading
    from foundation.collector import collector_paused
    seen, inner_done = [], threading.Event()

    @collector_paused()
    def outer():
        seen.append(("outer", gc.isenabled()))
        worker = threading.Thread(target=inner)
        worker.start()
        inner_done.wait(10)
        seen.append(("outer after inner", gc.isenabled()))
        worker.join(10)

    @collector_paused()
    def inner():
        seen.append(("inner", gc.isenabled()))
        inner_done.set()

    @collector_paused()
    def failing():
        raise ValueError("boom")

    was = gc.isenabled()
    try:
        gc.enable()
        outer()
        assert seen == [("outer", False), ("inner", False), ("outer after inner", False)]
        assert gc.isenabled()
        with pytest.raises(ValueError):
            failing()
        assert gc.isenabled()
        gc.disable()
        outer()
        assert not gc.isenabled()          # it did not run before: left as it was
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


# -- schema 19: latest_reviews carries the groups, decision date, review time and checklist ----------

def _copies_that_differ(db) -> list[tuple]:
    """latest_reviews rows whose copies differ from their case and their review."""
    return db.execute(
        "SELECT lr.case_id FROM latest_reviews lr LEFT JOIN cases c ON c.id = lr.case_id"
        " LEFT JOIN reviews r ON r.id = lr.review_id"
        " WHERE c.id IS NULL OR r.id IS NULL OR lr.department IS NOT c.department OR lr.examiner IS NOT c.examiner"
        " OR lr.ip_type IS NOT c.ip_type OR lr.decision_date IS NOT c.decision_date"
        " OR lr.active_seconds IS NOT r.active_seconds OR lr.checklist_id IS NOT r.checklist_id").fetchall()


def test_latest_reviews_copies_follow_every_change_and_the_figures_stay_the_same(tmp_path, monkeypatch):
    path = tmp_path / "copies.sqlite3"
    _demo(path)
    db = open_database(path)
    assert _copies_that_differ(db) == [] and db.execute("SELECT COUNT(*) FROM latest_reviews").fetchone()[0] > 50
    _oddify(db)                                  # cases' dates changed
    rows = db.execute("SELECT case_id, review_id FROM latest_reviews ORDER BY case_id").fetchall()
    other_checklist = db.execute("SELECT MAX(id) FROM checklists").fetchone()[0]
    plain_case = db.execute("SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM latest_reviews)"
                            " ORDER BY id LIMIT 1").fetchone()[0]
    with db.conn:
        db.execute("UPDATE cases SET department = 'Moved', examiner = 'E. New', ip_type = 'design'"
                   " WHERE id IN (?, ?)", [rows[0][0], rows[1][0]])
        db.execute("UPDATE reviews SET active_seconds = active_seconds + 61.5 WHERE id IN (?, ?)",
                   [rows[2][1], rows[3][1]])
        db.execute("UPDATE reviews SET checklist_id = ? WHERE id = ?", [other_checklist, rows[4][1]])
        # A second review of a case, finished later: it becomes the standing one, then is deleted.
        db.execute("INSERT INTO reviews (case_id, checklist_id, reviewer, status, verdict, active_seconds,"
                   " created_at, updated_at) SELECT case_id, checklist_id, 'second', 'in_progress', NULL, 33,"
                   " created_at, updated_at FROM reviews WHERE id = ?", [rows[5][1]])
        second = db.execute("SELECT MAX(id) FROM reviews").fetchone()[0]
        db.execute("UPDATE reviews SET status = 'completed', verdict = 'defect', completed_at = '2099-01-01T00:00:00Z',"
                   " active_seconds = 95 WHERE id = ?", [second])
        assert db.execute("SELECT review_id FROM latest_reviews WHERE case_id = ?", [rows[5][0]]).fetchone()[0] == second
        db.execute("INSERT INTO reviews (case_id, checklist_id, reviewer, status, active_seconds, created_at,"
                   " updated_at) VALUES (?, ?, 'first', 'in_progress', 12, '2026-01-01', '2026-01-01')",
                   [plain_case, other_checklist])
    assert _copies_that_differ(db) == []

    def figures() -> list[str]:
        return [repr(compute_report(db, ReportFilter(), items=False)),
                repr(trend(db, ReportFilter(), period=MONTH, group="department", today=TODAY))]

    counted = figures()
    _case_by_case(monkeypatch)
    assert counted == figures()
    monkeypatch.undo()
    with db.conn:
        db.execute("DELETE FROM reviews WHERE id = ?", [second])
    assert _copies_that_differ(db) == []
    db.close()
