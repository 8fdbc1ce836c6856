import pytest

from tests.workbench.helpers import MINI_CHECKLIST, ROWS, mini_checklist_id, workspace, write_csv
from workbench.audit import chain
from workbench.review import reviews
from workbench.review.checklist_parsing import load_template
from workbench.review.checklist_store import load_stored
from foundation.errors import WorkbenchError
from workbench.importing.importer import import_file
from workbench.review.reviews import Answer, assess
from workbench.review.timing import ActiveTimer

CHECKLIST = load_template(MINI_CHECKLIST)


def a(item_id, outcome, severity=None, category=None):
    return Answer(item_id, outcome, outcome, severity, category)


@pytest.mark.parametrize("answers, verdict", [
    ([], "compliant"),
    ([a("search", "pass"), a("novelty", "pass"), a("decision", "pass")], "compliant"),
    ([a("search", "fail", "minor")], "defect"),
    ([a("search", "fail", "major")], "error"),
    ([a("novelty", "fail", "critical")], "error"),
    ([a("novelty", "fail", "advisory")], "compliant"),
    ([a("decision", "fail", "minor")], "error"),            # auto-fail item
    ([a("search", "fail", "minor"), a("novelty", "fail", "advisory")], "defect"),
    ([a("search", "fail")], "defect"),                      # severity not chosen yet counts as minor
])
def test_verdict(answers, verdict):
    assert assess(CHECKLIST, {x.item_id: x for x in answers}).verdict == verdict


def test_hidden_items_do_not_count():
    answers = {x.item_id: x for x in [a("novelty", "pass"), a("novelty-reasoning", "fail", "minor")]}
    result = assess(CHECKLIST, answers)
    assert result.verdict == "compliant" and result.answered == 1 and result.shown == 3


def test_weighted_score():
    # search weight 2 passes, novelty weight 1 fails, decision weight 3 n/a
    answers = {x.item_id: x for x in [a("search", "pass"), a("novelty", "fail", "major"), a("decision", "na")]}
    assert assess(CHECKLIST, answers).score == pytest.approx(66.7)


@pytest.fixture
def setup(tmp_path):
    db = workspace(tmp_path)
    import_file(db, write_csv(tmp_path / "c.csv", ROWS))
    checklist_id = mini_checklist_id(db)
    case_id = db.execute("SELECT id FROM cases ORDER BY id LIMIT 1").fetchone()[0]
    opened = reviews.open_review(db, case_id, reviewer="alice", checklist_id=checklist_id)
    return db, opened


def test_answers_commit_at_once_with_audit_and_verdict(setup, tmp_path):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "fail", severity="major", category="omitted_objection",
                      comment="missed D1", actor="alice")
    # A second connection sees it: it was committed, not held in a transaction.
    other = workspace(tmp_path)
    row = other.execute("SELECT answer, severity, category, comment FROM answers").fetchone()
    assert row == ("fail", "major", "omitted_objection", "missed D1")
    assert other.execute("SELECT status, verdict FROM reviews").fetchone() == ("in_progress", "error")
    entries = chain.history(db, opened.case_id)
    assert [e.action for e in entries] == ["open", "answer"]
    assert entries[-1].new_value["severity"] == "major" and entries[-1].old_value is None
    assert entries[-1].actor == "alice"


def test_changing_an_answer_records_old_and_new(setup):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    reviews.set_answer(db, opened.id, "search", "fail", severity="minor", category="omitted_objection", actor="alice")
    last = chain.history(db, opened.case_id)[-1]
    assert last.old_value["answer"] == "pass" and last.new_value["answer"] == "fail" and last.actor == "alice"


def test_someone_elses_review_is_refused_until_taken_over(setup):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    for write in (lambda: reviews.set_answer(db, opened.id, "search", "na", actor="bob"),
                  lambda: reviews.complete(db, opened.id, actor="bob")):
        with pytest.raises(WorkbenchError) as err:
            write()
        assert err.value.code == "review.not_yours" and "alice" in str(err.value) and "bob" in str(err.value)
    assert reviews.get_answers(db, opened.id)["search"].answer == "pass"
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before
    taken = reviews.take_over(db, opened.id, actor="bob", reason="alice is on leave")
    assert taken.reviewer == "bob"
    entry = chain.history(db, opened.case_id)[-1]
    assert (entry.action, entry.actor, entry.old_value, entry.new_value) == (
        "take_over", "bob", {"reviewer": "alice"}, {"reviewer": "bob", "reason": "alice is on leave"})
    reviews.set_answer(db, opened.id, "search", "na", actor="bob")
    assert reviews.get_answers(db, opened.id)["search"].answer == "na"
    with pytest.raises(WorkbenchError) as err:                              # alice now asks in turn
        reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    assert err.value.code == "review.not_yours"


def test_a_finished_review_is_never_taken_over(setup):
    db, opened = setup
    for item in ("search", "novelty", "decision"):
        reviews.set_answer(db, opened.id, item, "pass", actor="alice")
    reviews.complete(db, opened.id, actor="alice")
    with pytest.raises(WorkbenchError) as err:
        reviews.take_over(db, opened.id, actor="bob")
    assert err.value.code == "review.take_over_done"
    own = reviews.open_review(db, opened.case_id, reviewer="bob")            # bob reviews it afresh instead
    assert own.id != opened.id and own.reviewer == "bob"
    assert reviews.latest_review_for_case(db, opened.case_id).id == opened.id   # alice's still stands


def test_same_answer_twice_writes_nothing(setup):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    count = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == count


@pytest.mark.parametrize("kwargs, code", [
    ({"item_id": "nope", "answer": "pass"}, "review.unknown_item"),
    ({"item_id": "search", "answer": "maybe"}, "review.bad_answer"),
    ({"item_id": "search", "answer": "fail", "severity": "critical"}, "review.bad_severity"),
    ({"item_id": "search", "answer": "fail", "category": "improper_objection"}, "review.bad_category"),
])
def test_invalid_answers_are_refused(setup, kwargs, code):
    db, opened = setup
    with pytest.raises(WorkbenchError) as err:
        reviews.set_answer(db, opened.id, actor="alice", **kwargs)
    assert err.value.code == code
    assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 0


def test_complete_lists_what_is_missing(setup):
    db, opened = setup
    reviews.set_answer(db, opened.id, "novelty", "fail", actor="alice")
    with pytest.raises(WorkbenchError) as err:
        reviews.complete(db, opened.id, actor="alice")
    message = err.value.message()
    for fragment in ("search: not answered", "novelty: a fail needs a severity",
                     "novelty: a fail needs an error category", "novelty-reasoning: not answered",
                     "decision: not answered"):
        assert fragment in message
    assert db.execute("SELECT status FROM reviews").fetchone()[0] == "in_progress"


def test_complete_and_reopen_by_answering(setup):
    db, opened = setup
    for item in ("search", "novelty", "decision"):
        reviews.set_answer(db, opened.id, item, "pass", actor="alice")
    result = reviews.complete(db, opened.id, actor="alice")
    assert result.verdict == "compliant" and result.score == 100.0
    assert db.execute("SELECT status FROM reviews").fetchone()[0] == "completed"
    reviews.set_answer(db, opened.id, "search", "na", actor="alice")
    assert db.execute("SELECT status, completed_at FROM reviews").fetchone() == ("in_progress", None)


def test_signed_off_review_is_locked(setup):
    db, opened = setup
    db.execute("UPDATE reviews SET status = 'signed_off' WHERE id = ?", [opened.id])
    with pytest.raises(WorkbenchError) as err:
        reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    assert err.value.code == "review.locked"


def test_open_review_reuses_the_reviewers_review(setup):
    db, opened = setup
    again = reviews.open_review(db, opened.case_id, reviewer="alice")
    assert again.id == opened.id
    other = reviews.open_review(db, opened.case_id, reviewer="bob", checklist_id=opened.checklist_id)
    assert other.id != opened.id


def test_active_time_is_added(setup):
    db, opened = setup
    assert reviews.add_active_time(db, opened.id, 42.5, actor="alice")
    assert not reviews.add_active_time(db, opened.id, 0, actor="alice")
    assert reviews.get_review(db, opened.id).active_seconds == 42.5


def test_active_time_is_never_added_to_someone_elses_or_a_finished_review(setup):
    db, opened = setup
    assert not reviews.add_active_time(db, opened.id, 30, actor="bob")      # only on screen for bob
    checklist = load_stored(db, opened.checklist_id)
    for item in checklist.items:
        reviews.set_answer(db, opened.id, item.id, item.option_for_outcome("pass").code, actor="alice")
    reviews.complete(db, opened.id, actor="alice")
    assert not reviews.add_active_time(db, opened.id, 30, actor="alice")    # completed: viewing is not work
    reviews.sign_off(db, opened.id, actor="alice")
    assert not reviews.add_active_time(db, opened.id, 30, actor="alice")    # signed off and locked
    assert reviews.get_review(db, opened.id).active_seconds == 0


def test_active_timer_pauses_when_idle_and_inactive():
    now = [0.0]
    timer = ActiveTimer(clock=lambda: now[0])
    timer.touch()
    now[0] = 30
    timer.touch()                 # 30 s of work
    now[0] = 30 + 600
    timer.touch()                 # 10 minutes idle count as 2 minutes at most
    assert timer.take() == pytest.approx(30 + 120)
    timer.pause()
    now[0] += 1000                # window inactive: nothing counts
    assert timer.take() == 0
    timer.touch()
    now[0] += 5
    assert timer.take() == pytest.approx(5)


def test_a_fail_without_a_severity_is_no_finding_yet():
    result = assess(CHECKLIST, {x.item_id: x for x in [a("search", "fail"), a("novelty", "fail", "major")]})
    assert result.findings == {"major": 1} and result.unrated == 1
    assert assess(CHECKLIST, {"search": a("search", "fail", "minor")}).findings == {"minor": 1}
