"""The demo workspace: realistic, reproducible, intact, and all-or-nothing."""
from __future__ import annotations

import io
from collections import Counter

import pytest

from db.connection import open_database
from workbench.cli import main
from workbench.demo.generate import build_demo
from foundation.errors import Cancelled, WorkbenchError
from workbench.review.integrity import check_workspace
from foundation.jobs import CancelToken


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    result = build_demo(db, cases=1500, reviewed=0.4, seed=11)
    return db, result


def test_counts(demo_db):
    db, result = demo_db
    assert result.cases == 1500 and db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1500
    assert result.reviews == 600 == db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    assert result.answers == db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    assert result.findings == db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] > 0


def test_the_workspace_verifies_intact(demo_db):
    db, _ = demo_db
    assert check_workspace(db) == []


def test_most_cases_are_compliant_and_statuses_are_mixed(demo_db):
    db, _ = demo_db
    verdicts = Counter(v for (v,) in db.execute("SELECT verdict FROM reviews"))
    total = sum(verdicts.values())
    assert 0.6 < verdicts["compliant"] / total < 0.9
    assert verdicts["error"] > 0 and verdicts["defect"] > 0
    statuses = Counter(s for (s,) in db.execute("SELECT status FROM reviews"))
    assert statuses["signed_off"] > statuses["completed"] > statuses["in_progress"] > 0


def test_findings_concentrate_in_a_few_items(demo_db):
    """(Departments and examiners are ordinary but for the planted dip and outlier: test_demo_timeline.)"""
    db, _ = demo_db
    per_item = sorted((n for (n,) in db.execute("SELECT COUNT(*) FROM findings GROUP BY item_id")), reverse=True)
    items = db.execute("SELECT COUNT(DISTINCT item_id) FROM answers").fetchone()[0]
    top = per_item[:max(1, items // 5)]            # a fifth of the items...
    assert sum(top) / sum(per_item) > 0.5          # ...hold more than half the findings


def test_findings_are_complete_and_time_is_measured(demo_db):
    db, _ = demo_db
    incomplete = db.execute("SELECT COUNT(*) FROM answers WHERE outcome = 'fail'"
                            " AND (severity IS NULL OR category IS NULL OR comment = '')").fetchone()[0]
    assert incomplete == 0
    assert db.execute("SELECT MIN(active_seconds) FROM reviews").fetchone()[0] > 0
    # The reviewer is never the examiner of the case.
    assert db.execute("SELECT COUNT(*) FROM reviews r JOIN cases c ON c.id = r.case_id"
                      " WHERE r.reviewer = c.examiner").fetchone()[0] == 0


def _content(db):
    return [db.execute(sql).fetchall() for sql in (
        "SELECT application_number, title, applicant, examiner, decision FROM cases ORDER BY id",
        "SELECT case_id, reviewer, status, verdict, score, active_seconds, created_at FROM reviews ORDER BY id",
        "SELECT * FROM answers ORDER BY review_id, item_id",
        "SELECT at, actor, action, old_value, new_value FROM audit_log ORDER BY id")]


def test_the_same_seed_gives_the_same_workspace(tmp_path):
    first, second, other = (open_database(tmp_path / f"{n}.sqlite3") for n in ("a", "b", "c"))
    build_demo(first, cases=200, reviewed=0.5, seed=3)
    build_demo(second, cases=200, reviewed=0.5, seed=3)
    build_demo(other, cases=200, reviewed=0.5, seed=4)
    assert _content(first) == _content(second)
    assert _content(first) != _content(other)


def test_a_workspace_with_cases_is_refused(demo_db):
    db, _ = demo_db
    with pytest.raises(WorkbenchError) as err:
        build_demo(db, cases=10, reviewed=0.1, seed=1)
    assert err.value.code == "demo.not_empty"


@pytest.mark.parametrize("cases, reviewed, code", [
    (0, 0.1, "demo.bad_count"), (10, 1.5, "demo.bad_fraction"), (10, -0.1, "demo.bad_fraction"),
    (10, float("nan"), "demo.bad_fraction"),
])
def test_bad_arguments(tmp_path, cases, reviewed, code):
    with pytest.raises(WorkbenchError) as err:
        build_demo(open_database(tmp_path / "w.sqlite3"), cases=cases, reviewed=reviewed, seed=1)
    assert err.value.code == code


def test_cancel_leaves_the_workspace_untouched(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    token = CancelToken()
    seen = []

    def progress(done, total, label=""):
        seen.append(done)
        token.cancel()

    with pytest.raises(Cancelled):
        build_demo(db, cases=12_000, reviewed=0.1, seed=1, progress=progress, cancel=token)
    assert seen
    for table in ("cases", "reviews", "answers", "audit_log", "checklists", "imports"):
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_demo_written_alone_skips_the_log_and_beside_a_reader_keeps_it(tmp_path):
    alone = open_database(tmp_path / "alone.sqlite3")
    build_demo(alone, cases=300, reviewed=0.3, seed=2)
    assert alone.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Its pages went into the file, not through the log (which the switch to DELETE removed).
    assert not (tmp_path / "alone.sqlite3-wal").exists()
    shared = open_database(tmp_path / "shared.sqlite3")
    reader = open_database(tmp_path / "shared.sqlite3")
    assert reader.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0
    build_demo(shared, cases=300, reviewed=0.3, seed=2)
    assert reader.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 300     # read beside it, in WAL
    assert shared.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for table in ("cases", "answers", "audit_log"):
        assert (alone.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                == shared.execute(f"SELECT COUNT(*) FROM {table}").fetchone()), table


def test_command_line(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "cli.sqlite3"
    assert main(["demo", "--cases", "120", "--reviewed", "0.25", "--seed", "5", "--db", str(path)],
                out=out, err=err) == 0, err.getvalue()
    assert "120 cases, 30 reviews" in out.getvalue()
    assert main(["verify", "--db", str(path)], out=out, err=err) == 0
    assert main(["demo", "--cases", "10", "--db", str(path)], out=out, err=err) == 2
    assert "already holds 120 cases" in err.getvalue() and "Traceback" not in err.getvalue()


def test_a_demo_round_reviewed_in_the_round_is_intact_for_verify(tmp_path):
    from workbench.demo.generate import DemoRound
    from workbench.rounds.sampling_plan import Plan
    db = open_database(tmp_path / "r.sqlite3")
    spec = DemoRound("R", Plan(method="stratified", strata=("department",), size=40), reviewed=0.5)
    result = build_demo(db, cases=300, reviewed=0.5, seed=3, round_spec=spec)
    assert (result.round_cases, result.round_reviews) == (40, 20)
    # The round's reviews are completed after the demo's baseline: their answers, completion and
    # active time each have an audit entry, so verify's coverage check finds nothing to report.
    assert check_workspace(db) == []
