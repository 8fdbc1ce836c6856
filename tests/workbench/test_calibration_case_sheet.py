"""What one person may see of a calibration case (workbench.calibration.sheet), the History
without hidden reviews (blind.visible_history), the unanimous consensus, pasted case lists and
a cancelled creation."""
from __future__ import annotations

import pytest

from foundation.errors import Cancelled, WorkbenchError
from foundation.jobs import CancelToken
from tests.workbench.calibration_helpers import ROUND, answer_all, calibration_workspace, first_case, review_of
from workbench.calibration import blind, consensus, rounds, sheet
from workbench.review import reviews

SECRET = "bob's unique remark 7f3a"
BOB_FAIL = {"novelty": ("fail", "major", "omitted_objection", SECRET)}


@pytest.fixture
def db(tmp_path):
    database = calibration_workspace(tmp_path)
    yield database
    database.close()


def test_a_reviewer_sees_only_their_own_answers_until_they_finish_the_case(db):
    case = first_case(db)
    answer_all(db, review_of(db, case, "bob"), "bob", BOB_FAIL)
    answer_all(db, review_of(db, case, "alice"), "alice", complete=False)
    seen = sheet.case_sheet(db, ROUND, case, actor="alice")
    alice, bob = seen.columns
    assert seen.blind and seen.participant and seen.own is alice
    assert not alice.hidden and alice.answers["novelty"].answer == "pass"
    assert bob.hidden and bob.finished and bob.answers == {}
    assert all(row.difference == sheet.AGREED for row in seen.rows)     # nothing to compare yet
    assert sheet.majority(seen, "novelty") is None
    reviews.complete(db, review_of(db, case, "alice"), actor="alice")
    seen = sheet.case_sheet(db, ROUND, case, actor="alice")
    bob = seen.columns[1]
    assert not bob.hidden and bob.answers["novelty"].comment == SECRET
    assert seen.row("novelty").difference == sheet.ANSWER_DIFFERS
    assert seen.row("subject-matter").difference == sheet.AGREED


def test_someone_outside_the_round_sees_progress_only_until_it_is_closed(db):
    case = first_case(db)
    for reviewer in ("alice", "bob"):
        answer_all(db, review_of(db, case, reviewer), reviewer, BOB_FAIL if reviewer == "bob" else {})
    seen = sheet.case_sheet(db, ROUND, case, actor="manager")
    assert not seen.participant and seen.own is None
    assert all(c.hidden and c.finished and c.answers == {} for c in seen.columns)
    progress = sheet.round_progress(db, ROUND)
    assert progress.finished[case] == ("alice", "bob")
    assert progress.reviewers == {"alice": (1, 3), "bob": (1, 3)}
    assert sheet.visible_figures(db, ROUND) is None
    rounds.close_calibration_round(db, ROUND, actor="manager")
    seen = sheet.case_sheet(db, ROUND, case, actor="manager")
    assert not seen.blind and not seen.anything_hidden
    assert seen.columns[1].answers["novelty"].comment == SECRET
    figures = sheet.visible_figures(db, ROUND)
    assert figures is not None and figures.round.name == ROUND


def test_differences_in_the_answer_and_in_severity_only(db):
    case = first_case(db)
    answer_all(db, review_of(db, case, "alice"), "alice", {
        "novelty": ("fail", "minor", "omitted_objection", ""), "unity": ("fail", "major", "omitted_objection", ""),
        "inventive-step": ("na", None, None, "")})
    answer_all(db, review_of(db, case, "bob"), "bob", {
        "novelty": ("fail", "major", "omitted_objection", ""), "unity": ("pass", None, None, "")})
    seen = sheet.case_sheet(db, ROUND, case, actor="alice")
    assert seen.row("novelty").difference == sheet.SEVERITY_DIFFERS
    assert seen.row("unity").difference == sheet.ANSWER_DIFFERS
    # alice's n/a hides the three-step item she then did not answer: it counts as n/a, bob passed it
    alice, bob = seen.columns
    assert alice.shown("inventive-step-three-step") == "na" and bob.shown("inventive-step-three-step") == "pass"
    assert seen.row("inventive-step-three-step").difference == sheet.ANSWER_DIFFERS
    assert seen.rows[0].number == "1.1"


def test_majority_and_unanimous_answers(tmp_path):
    db = calibration_workspace(tmp_path)
    number = rounds.get_calibration_round(db, ROUND).cases[0].application_number
    three = rounds.create_calibration_round(db, name="three", reviewers=["x", "y", "z"], actor="m",
                                            case_numbers=[number])
    case = three.cases[0].case_id
    ids = {r: db.execute("SELECT id FROM reviews WHERE round_id = ? AND reviewer = ?", [three.id, r]).fetchone()[0]
           for r in ("x", "y", "z")}
    answer_all(db, ids["x"], "x", {"novelty": ("fail", "major", "omitted_objection", "")})
    answer_all(db, ids["y"], "y", {"novelty": ("fail", "major", "omitted_objection", "")})
    answer_all(db, ids["z"], "z", {"unity": ("fail", "minor", "omitted_objection", "")})
    seen = sheet.case_sheet(db, three.id, case, actor="x")
    assert sheet.majority(seen, "novelty").severity == "major"
    assert sheet.unanimous(seen, "novelty") is None
    assert sheet.majority(seen, "unity").answer == "pass"
    assert sheet.unanimous(seen, "claims-clarity").answer == "pass"
    db.close()


def test_the_history_leaves_out_hidden_reviews(db):
    case = first_case(db)
    bob_review = review_of(db, case, "bob")
    answer_all(db, bob_review, "bob", BOB_FAIL)

    def texts(actor):
        return [str(e.new_value) for e in blind.visible_history(db, case, actor)]

    def of_bob(actor):
        return [e for e in blind.visible_history(db, case, actor)
                if blind.is_hidden_entry(e.entity, e.entity_id, {bob_review})]

    assert not any(SECRET in t for t in texts("alice")) and of_bob("alice") == []
    assert of_bob("manager") == []
    assert any(SECRET in t for t in texts("bob"))
    assert len(blind.visible_history(db, case, "bob")) > len(blind.visible_history(db, case, "alice"))
    answer_all(db, review_of(db, case, "alice"), "alice")
    assert any(SECRET in t for t in texts("alice"))


def test_unanimous_items_become_the_consensus_and_the_rest_waits_for_the_group(db):
    case = first_case(db)
    answer_all(db, review_of(db, case, "alice"), "alice", {"unity": ("fail", "minor", "omitted_objection", "")})
    answer_all(db, review_of(db, case, "bob"), "bob", BOB_FAIL | {"unity": ("fail", "minor", "omitted_objection", "")})
    with pytest.raises(WorkbenchError) as refused:
        consensus.record_unanimous(db, ROUND, case, actor="manager")
    assert refused.value.code == "calibration.not_closed"
    rounds.close_calibration_round(db, ROUND, actor="manager")
    consensus.set_consensus_answer(db, ROUND, case, "claims-clarity", "fail", actor="manager", severity="minor",
                                   category="omitted_objection", note="agreed in the meeting")
    recorded = consensus.record_unanimous(db, ROUND, case, actor="manager")
    agreed = sheet.case_sheet(db, ROUND, case, actor="manager").consensus_answers
    assert "novelty" not in agreed                                   # the group decides it
    assert agreed["claims-clarity"].answer == "fail"                 # given first, not overwritten
    assert agreed["unity"].severity == "minor" and agreed["subject-matter"].answer == "pass"
    shown = len(sheet.case_sheet(db, ROUND, case, actor="manager").checklist.items)
    assert recorded == shown - 2
    assert consensus.record_unanimous(db, ROUND, case, actor="manager") == 0


@pytest.mark.parametrize("text, expected", [
    ("202210123456.1\n201710601862.3\n", ["202210123456.1", "201710601862.3"]),
    ("202210123456.1, 201710601862.3;95115608.X", ["202210123456.1", "201710601862.3", "95115608.X"]),
    ("202210123456.1 201710601862.3\t202210123456.1", ["202210123456.1", "201710601862.3"]),
    ("CN 202210123456.1\nUS 10/123,456", ["CN 202210123456.1", "US 10/123,456"]),
    ("202210123456.1，201710601862.3、95115608.X", ["202210123456.1", "201710601862.3", "95115608.X"]),
    ("  \n ", []),
])
def test_a_pasted_list_of_application_numbers(text, expected):
    assert rounds.split_case_numbers(text) == expected


def test_a_cancelled_creation_writes_nothing_and_progress_counts_the_cases(db):
    before = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("rounds", "reviews", "audit_log")]
    token = CancelToken()
    seen = []

    def progress(done, total, label=""):
        seen.append((done, total))
        if done == 1:
            token.cancel()

    with pytest.raises(Cancelled):
        rounds.create_calibration_round(db, name="cancelled", reviewers=["x", "y"], actor="m", size=3, seed=1,
                                        progress=progress, cancel=token)
    assert [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("rounds", "reviews", "audit_log")] == before
    assert seen[:2] == [(0, 3), (1, 3)]
    made = rounds.create_calibration_round(db, name="made", reviewers=["x", "y"], actor="m", size=3, seed=1,
                                           progress=lambda done, total, label="": seen.append((done, total)))
    assert len(made.cases) == 3
