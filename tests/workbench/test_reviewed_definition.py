"""One definition of "reviewed", everywhere (issue 11).

A case counts as reviewed in a scope when it has a completed or signed-off review there; its
figures come from its latest such review (a round's figures from that round's reviews only).
An open or in-progress review never hides a completed one. The queue, `round-status` and the
report (workbook and Dashboard) must agree on every count; tests/ui/test_reviewed_everywhere.py
adds the window's case panel and Dashboard.
"""
from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from tests.workbench.helpers import standing_reviews
from tests.workbench.test_packages import answer_review
from workbench import cli
from workbench.review import queue
from workbench.review import reviews
from workbench.rounds import population, round_status, store
from workbench.demo.generate import build_demo
from workbench.report.figures import ReportFilter, compute_report
from workbench.rounds.assignment import Reviewer
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import create_round

REVIEWED = ("completed", "signed_off")


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    build_demo(db, cases=240, reviewed=0.4, seed=7)
    yield db, path
    db.close()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli.main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def signed_off_case(db) -> tuple[int, int]:
    return db.execute("SELECT case_id, review_id FROM latest_reviews WHERE status = 'signed_off'"
                      " ORDER BY case_id LIMIT 1").fetchone()


def queue_reviewed(db) -> int:
    counts = queue.status_counts(db)
    return counts["completed"] + counts["signed_off"]


def test_a_round_leaves_reviewed_cases_out_by_default_and_says_so(demo):
    db, _ = demo
    done = {c for c, r in standing_reviews(db).items() if r[1] in REVIEWED}
    counted = population.count_population(db, Filters())
    assert counted.reviewed == len(done) > 0 and counted.population == 240 - len(done)
    result = create_round(db, name="R", filters=Filters(), plan=Plan(size=40), seed=3, actor="qa",
                          reviewers=[Reviewer("Zhao Lei"), Reviewer("Qian Li")])
    assert result.excluded_reviewed == len(done) and result.design.population == 240 - len(done)
    assert not {c.case_id for c in result.cases} & done
    assert result.as_json()["left_out"] == {"drawn_in_earlier_round": 0, "already_reviewed": len(done)}
    assert round_status.status_json(db, "R")["excluded_reviewed"] == len(done)
    assert store.redraw_matches(db, "R") == []          # stored, so the same draw comes again


def test_drawing_a_round_over_a_signed_off_case_hides_nothing(demo):
    db, _ = demo
    case_id, signed = signed_off_case(db)
    verdict = reviews.get_review(db, signed).verdict
    before = compute_report(db)
    queue_before = queue_reviewed(db)
    assert before.reviewed == queue_before
    # Put reviewed cases back into the population: the case gets a new open review in the round.
    everyone = create_round(db, name="again", filters=Filters(exclude_reviewed=False), plan=Plan(size=240), seed=1,
                            actor="qa", reviewers=[Reviewer("Zhao Lei"), Reviewer("Qian Li")])
    assert case_id in {c.case_id for c in everyone.cases}
    assert db.execute("SELECT COUNT(*) FROM reviews WHERE case_id = ? AND round_id IS NOT NULL AND status = 'open'",
                      [case_id]).fetchone()[0] == 1
    # All cases: the signed-off review still stands, with its verdict and findings.
    after = compute_report(db)
    assert (after.reviewed, after.findings_total, after.overall.compliant) == \
        (before.reviewed, before.findings_total, before.overall.compliant)
    assert queue_reviewed(db) == queue_before == after.reviewed
    assert reviews.latest_review_for_case(db, case_id).id == signed
    assert queue.case_ids(db, queue.CaseFilter(status="signed_off", verdict=verdict)).count(case_id) == 1
    # The round: its own reviews only, none completed yet, in round-status and the report alike.
    in_round = compute_report(db, ReportFilter(round_name="again"))
    assert in_round.reviewed == 0 and in_round.cases == 240
    assert sum(done for _, _, done in round_status.reviewer_progress(db, "again")) == 0


def test_round_status_and_the_rounds_report_agree_as_work_is_done(demo):
    db, _ = demo
    result = create_round(db, name="Q", filters=Filters(exclude_reviewed=False), plan=Plan(size=60), seed=5,
                          actor="qa", reviewers=[Reviewer("Zhao Lei"), Reviewer("Qian Li")])
    round_reviews = db.execute("SELECT id, reviewer FROM reviews WHERE round_id = ? ORDER BY id",
                               [result.id]).fetchall()
    for review_id, reviewer in round_reviews[:25]:
        answer_review(db, review_id, reviewer, fail=1 if review_id % 3 == 0 else 0)
    for review_id, reviewer in round_reviews[25:30]:             # started, not finished
        answer_review(db, review_id, reviewer, complete=False)
    report = compute_report(db, ReportFilter(round_name="Q"))
    progress = round_status.reviewer_progress(db, "Q")
    assert report.reviewed == sum(done for _, _, done in progress) == 25
    assert report.in_progress == 5
    expected = standing_reviews(db, round_id=result.id)
    assert report.reviewed == sum(r[1] in REVIEWED for r in expected.values())
    # All cases: a case reviewed earlier and again in the round now stands on the newer review.
    everywhere = standing_reviews(db)
    assert compute_report(db).reviewed == sum(r[1] in REVIEWED for r in everywhere.values()) == queue_reviewed(db)
    for case_id, row in expected.items():
        if row[1] in REVIEWED:
            assert reviews.latest_review_for_case(db, case_id).id == row[0] == everywhere[case_id][0]


def test_the_command_line_agrees_with_itself(demo, tmp_path):
    db, path = demo
    code, out, err = run("sample", "--round", "ACC", "--method", "acceptance", "--strata", "department",
                         "--aql", "1.0", "--seed", "3", "--include-reviewed", "--reviewers", "Zhao Lei,Qian Li",
                         "--json", "--db", str(path))
    assert code == 0, err
    drawn = json.loads(out)
    assert drawn["left_out"]["already_reviewed"] == 0           # --include-reviewed put them back
    round_id = drawn["round_id"]
    for review_id, reviewer in db.execute("SELECT id, reviewer FROM reviews WHERE round_id = ? ORDER BY id LIMIT 12",
                                          [round_id]).fetchall():
        answer_review(db, review_id, reviewer)
    code, out, err = run("round-status", "--round", "ACC", "--json", "--db", str(path))
    assert code == 0, err
    status = json.loads(out)
    done = sum(r["done"] for r in status["reviewers"])
    assert done == 12 == sum(lot["reviewed"] for lot in status["lots"])
    workbook = tmp_path / "acc.xlsx"
    code, _, err = run("export", str(workbook), "--round", "ACC", "--db", str(path))
    assert code == 0, err
    summary = {row[0]: row[1:] for row in load_workbook(workbook)["Summary"].iter_rows(values_only=True)
               if isinstance(row[0], str)}
    assert summary["Reviewed (completed or signed off)"][0] == done
    # Without --include-reviewed the earlier reviewed cases stay out, and --json says how many.
    code, out, err = run("sample", "--round", "NEW", "--size", "10", "--seed", "4", "--json", "--db", str(path))
    assert code == 0, err
    left_out = json.loads(out)["left_out"]
    assert left_out["already_reviewed"] == sum(r[1] in REVIEWED for c, r in standing_reviews(db).items()
                                               if c not in {x for (x,) in db.execute(
                                                   "SELECT case_id FROM round_cases rc JOIN rounds r"
                                                   " ON r.id = rc.round_id WHERE r.name = 'ACC'")})


def test_a_review_opened_in_the_window_for_a_round_case_belongs_to_the_round(demo):
    db, _ = demo
    result = create_round(db, name="U", filters=Filters(), plan=Plan(size=5), seed=2, actor="qa")   # unassigned
    case_id = result.cases[0].case_id
    opened = reviews.open_review(db, case_id, reviewer="Zhao Lei")
    assert db.execute("SELECT round_id FROM reviews WHERE id = ?", [opened.id]).fetchone()[0] == result.id
    answer_review(db, opened.id, "Zhao Lei")
    assert compute_report(db, ReportFilter(round_name="U")).reviewed == 1
