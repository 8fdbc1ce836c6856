"""Calibration rounds (issue 14): every reviewer reviews every case blind with the same frozen
checklist; nobody sees another's answers before completing their own (nor anyone before the
close); calibration reviews never count in quality figures, the consensus counts once; the
agreement and deviation figures match counts made here from the database."""
from __future__ import annotations

import io
import json

import pytest

from db.connection import open_database
from foundation.errors import WorkbenchError
from tests.workbench.test_packages import answer_review
from workbench import cli
from workbench.calibration import blind, consensus, rounds
from workbench.calibration.figures import calibration_figures, drift
from workbench.demo.calibration_demo import build_calibration_demo
from workbench.demo.generate import build_demo
from workbench.report.figures import ReportFilter, compute_report
from workbench.review import reviews
from workbench.rounds.population import Filters

REVIEWERS = ("Wang Fang", "Li Na", "Zhang Wei")


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "w.sqlite3")
    build_demo(database, cases=200, reviewed=0.3, seed=11)
    yield database
    database.close()


def invention_round(db, name: str = "C1", size: int = 4, seed: int = 5) -> rounds.CalibrationRound:
    return rounds.create_calibration_round(
        db, name=name, reviewers=REVIEWERS, actor="Chen Jing", size=size, seed=seed,
        filters=Filters(ip_type=("invention",), exclude_sampled=False, exclude_reviewed=False))


def review_of(db, rnd, case_id: int, reviewer: str) -> int:
    return db.execute("SELECT id FROM reviews WHERE round_id = ? AND case_id = ? AND reviewer = ?"
                      " AND role = 'calibration'", [rnd.id, case_id, reviewer]).fetchone()[0]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli.main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_every_reviewer_gets_a_blind_review_of_every_case_on_one_frozen_checklist(db):
    rnd = invention_round(db)
    assert len(rnd.cases) == 4 and rnd.reviewers == REVIEWERS and rnd.source == "drawn" and rnd.seed == 5
    rows = db.execute("SELECT case_id, reviewer, checklist_id, status, role FROM reviews WHERE round_id = ?",
                      [rnd.id]).fetchall()
    assert sorted((c, r) for c, r, *_ in rows) == sorted((c.case_id, r) for c in rnd.cases for r in REVIEWERS)
    assert {(ck, st, role) for _c, _r, ck, st, role in rows} == {(rnd.checklists["invention"], "open", "calibration")}
    # The same seed draws the same cases; nobody reviews a case they examined.
    again = invention_round(db, name="C1 again")
    assert [c.case_id for c in again.cases] == [c.case_id for c in rnd.cases]
    assert not any(c.examiner in REVIEWERS for c in rnd.cases)
    opened = db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'review' AND action = 'open'"
                        " AND new_value LIKE '%\"role\":\"calibration\"%'").fetchone()[0]
    assert opened == 2 * 4 * 3


def test_bad_requests_change_nothing(db):
    before = db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    with pytest.raises(WorkbenchError, match="at least two different reviewers"):
        rounds.create_calibration_round(db, name="X", reviewers=["Li Na", " li na "], actor="m", size=2)
    with pytest.raises(WorkbenchError, match="one way"):
        rounds.create_calibration_round(db, name="X", reviewers=REVIEWERS, actor="m", size=2, from_round="R")
    number, examiner = db.execute("SELECT application_number, examiner FROM cases LIMIT 1").fetchone()
    with pytest.raises(WorkbenchError, match="cannot review their own case"):
        rounds.create_calibration_round(db, name="X", reviewers=[examiner, "Li Na"], actor="m",
                                        case_numbers=[number])
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == before
    assert db.execute("SELECT COUNT(*) FROM rounds").fetchone()[0] == 0


def test_hand_picked_cases_keep_their_order(db):
    numbers = [r[0] for r in db.execute("SELECT application_number FROM cases WHERE examiner NOT IN (?, ?, ?)"
                                        " ORDER BY id DESC LIMIT 3", REVIEWERS)]
    rnd = rounds.create_calibration_round(db, name="Hard ones", reviewers=REVIEWERS[:2], actor="m",
                                          case_numbers=numbers)
    assert [c.application_number for c in rnd.cases] == numbers and rnd.source == "chosen" and rnd.seed is None


def test_blind_until_the_actor_completes_and_for_everyone_else_until_the_close(db):
    rnd = invention_round(db)
    case = rnd.cases[0].case_id
    wang, li, zhang = (review_of(db, rnd, case, r) for r in REVIEWERS)
    answer_review(db, li, "Li Na", fail=1, comment="Li's own finding")
    # Wang has not finished: Li's and Zhang's reviews are hidden from him; his own never is.
    assert blind.hidden_reviews(db, "Wang Fang", case) == {li, zhang}
    assert blind.can_see(db, wang, "Wang Fang") and not blind.can_see(db, li, "Wang Fang")
    assert blind.hidden_reviews(db, "Chen Jing", case) == {wang, li, zhang}      # the manager, before the close
    answer_review(db, wang, "Wang Fang")
    assert blind.hidden_reviews(db, "Wang Fang", case) == set()
    assert blind.hidden_reviews(db, "Zhang Wei", case) == {wang, li}
    other_case = rnd.cases[1].case_id
    assert review_of(db, rnd, other_case, "Li Na") in blind.hidden_reviews(db, "Wang Fang")   # per case
    rounds.close_calibration_round(db, rnd.name, actor="Chen Jing")
    assert blind.hidden_reviews(db, "Chen Jing") == set() and blind.hidden_reviews(db, "Zhang Wei") == set()
    assert blind.is_hidden_entry("answer", f"{li}/item-1", {li}) and not blind.is_hidden_entry("case", str(li), {li})


def test_a_completed_calibration_review_is_final_and_none_is_taken_over(db):
    rnd = invention_round(db)
    case = rnd.cases[0].case_id
    wang = review_of(db, rnd, case, "Wang Fang")
    with pytest.raises(WorkbenchError, match="cannot be taken over"):
        reviews.take_over(db, wang, actor="Li Na")
    answer_review(db, wang, "Wang Fang")
    item = next(iter(reviews.get_answers(db, wang)))
    with pytest.raises(WorkbenchError, match="answers are final"):
        reviews.set_answer(db, wang, item, "fail", actor="Wang Fang")
    li = review_of(db, rnd, case, "Li Na")
    rounds.close_calibration_round(db, rnd.name, actor="Chen Jing")
    with pytest.raises(WorkbenchError, match="is closed"):
        reviews.set_answer(db, li, item, "pass", actor="Li Na")
    with pytest.raises(WorkbenchError, match="was closed"):
        rounds.close_calibration_round(db, rnd.name, actor="Chen Jing")


def test_calibration_reviews_never_count_and_the_consensus_counts_once(db):
    rnd = invention_round(db)
    case = rnd.cases[0].case_id
    standing_before = db.execute("SELECT review_id FROM latest_reviews WHERE case_id = ?", [case]).fetchone()
    report_before = compute_report(db, ReportFilter())
    for reviewer in REVIEWERS:
        answer_review(db, review_of(db, rnd, case, reviewer), reviewer, fail=1)
    # Three completed calibration reviews: the case's standing review and every figure are unchanged.
    assert db.execute("SELECT review_id FROM latest_reviews WHERE case_id = ?", [case]).fetchone() == standing_before
    after = compute_report(db, ReportFilter())
    assert (after.reviewed, after.overall.findings_total) == (report_before.reviewed,
                                                              report_before.overall.findings_total)
    assert compute_report(db, ReportFilter(round_name=rnd.name)).reviewed == 0
    with pytest.raises(WorkbenchError, match="still blind"):
        consensus.open_consensus(db, rnd.name, case, actor="Chen Jing")
    rounds.close_calibration_round(db, rnd.name, actor="Chen Jing")
    agreed = consensus.open_consensus(db, rnd.name, case, actor="Chen Jing")
    answer_review(db, agreed.id, "Chen Jing", fail=1)
    counted = compute_report(db, ReportFilter())
    was_reviewed = standing_before is not None and db.execute(
        "SELECT status FROM reviews WHERE id = ?", [standing_before[0]]).fetchone()[0] in ("completed", "signed_off")
    assert counted.reviewed == report_before.reviewed + (0 if was_reviewed else 1)
    assert db.execute("SELECT review_id FROM latest_reviews WHERE case_id = ?", [case]).fetchone()[0] == agreed.id
    in_round = compute_report(db, ReportFilter(round_name=rnd.name))
    assert in_round.reviewed == 1 and in_round.overall.findings_total == 1


def _answers(db, review_id: int) -> dict[str, str]:
    return dict(db.execute("SELECT item_id, answer FROM answers WHERE review_id = ?", [review_id]).fetchall())


def test_figures_match_counts_made_from_the_database(db):
    rnd = build_calibration_demo(db, "Demo calibration", seed=3, size=8)
    figures = calibration_figures(db, rnd.name, replicates=50)
    # Percent agreement and disagreeing cases per item, recounted from the answers table.
    by_case = {c.case_id: {r: _answers(db, review_of(db, rnd, c.case_id, r)) for r in REVIEWERS} for c in rnd.cases}
    for item in figures.items:
        rows = [[given[r].get(item.ref.item.id, "na") for r in REVIEWERS] for given in by_case.values()]
        pairs = [sum(a == b for i, a in enumerate(row) for b in row[i + 1:]) / 3 for row in rows]
        assert item.figures["percent"].value == pytest.approx(sum(pairs) / len(pairs))
        assert item.disagreements == sum(len(set(row)) > 1 for row in rows)
    percents = [i.figures["percent"].value for i in figures.items]
    assert percents == sorted(percents) and percents[0] < 1.0       # most disagreement first, and some
    # Deviation from the consensus, per reviewer, recounted.
    agreed = {c: _answers(db, db.execute("SELECT id FROM reviews WHERE round_id = ? AND case_id = ?"
                                         " AND role = 'consensus'", [rnd.id, c]).fetchone()[0]) for c in by_case}
    for deviation in figures.deviations:
        pairs = [(given[deviation.reviewer].get(item, "na"), answer) for c, given in by_case.items()
                 for item, answer in agreed[c].items()]
        extra = [1 for c, given in by_case.items() for item in given[deviation.reviewer] if item not in agreed[c]]
        assert deviation.compared == len(pairs) + len(extra)
        assert deviation.differing == sum(a != b for a, b in pairs) + len(extra)
    # The demo's strict reviewer differs from the consensus more than the neutral one.
    rates = {d.reviewer: d.rate for d in figures.deviations}
    assert rates["Wang Fang"] > rates["Zhang Wei"]


def test_drift_lists_closed_rounds_oldest_first(db):
    build_calibration_demo(db, "Spring", seed=3, size=6)
    invention_round(db, name="Open one")                      # still blind: not in the drift
    build_calibration_demo(db, "Autumn", seed=4, size=6)
    rows = drift(db, replicates=20)
    assert [r.round for r in rows] == ["Spring", "Autumn"]
    assert all(set(r.deviations) == set(REVIEWERS) and r.cases == 6 for r in rows)


def test_the_command_line(db, tmp_path):
    path = db.execute("PRAGMA database_list").fetchone()[2]
    code, out, err = run("calibrate", "--round", "CLI", "--reviewers", "Wang Fang,Li Na", "--size", "3",
                         "--seed", "9", "--where", "ip_type=invention", "--json", "--db", path)
    assert code == 0, err
    created = json.loads(out)
    assert created["kind"] == "calibration" and len(created["cases"]) == 3 and created["seed"] == 9
    code, out, err = run("calibration-status", "--round", "CLI", "--json", "--db", path)
    status = json.loads(out)
    assert status["blind"] and "items" not in status and "overall" not in status
    assert [p["completed"] for p in status["progress"]] == [0, 0]
    code, out, err = run("calibrate", "--round", "CLI", "--close", "--size", "3", "--db", path)
    assert code == 2 and "--close takes only --round" in err
    assert run("calibrate", "--round", "CLI", "--close", "--db", path)[0] == 0
    code, out, err = run("calibration-status", "--round", "CLI", "--db", path)
    assert code == 0 and "closed" in out and "Items, most disagreement first" in out
    code, out, err = run("calibration-status", "--round", "nope", "--db", path)
    assert code == 2 and "no round named" in err


def test_verify_finds_a_calibration_review_turned_into_a_counted_one(db):
    """A review's role decides whether it counts: an edit outside the application is found."""
    from workbench.audit.coverage import check_coverage
    rnd = invention_round(db)
    review = review_of(db, rnd, rnd.cases[0].case_id, "Li Na")
    answer_review(db, review, "Li Na", fail=1)
    assert check_coverage(db) == []
    db.execute("UPDATE reviews SET role = 'regular' WHERE id = ?", [review])
    problems = check_coverage(db)
    assert len(problems) == 1 and f"review {review}" in problems[0] and "role" in problems[0]
    assert "the audit log says calibration, the database holds regular" in problems[0]


def test_round_status_of_a_calibration_round_is_its_calibration_status(db):
    path = db.execute("PRAGMA database_list").fetchone()[2]
    invention_round(db, name="Blind one")
    code, out, err = run("round-status", "--round", "Blind one", "--json", "--db", path)
    status = json.loads(out)
    assert code == 0 and status["kind"] == "calibration" and status["blind"]
    assert [p["reviewer"] for p in status["progress"]] == list(REVIEWERS)


def test_a_calibration_rounds_design_is_in_words_in_both_languages():
    from workbench.report import round_words
    from workbench.report.summary_sheets import method_label
    plan = {"method": "calibration", "source": "from_round", "from_round": "2026 Q1", "size": 3}
    assert round_words.plan_text(plan, "zh") == "方法：校准（每名评查人盲评全部案件）；案件：取自另一轮次；来自轮次：2026 Q1；样本量：3"
    assert round_words.plan_text(plan, "en").startswith("method: calibration (every reviewer reviews every case")
    assert method_label("calibration", "zh") == "校准（每名评查人盲评全部案件）"
