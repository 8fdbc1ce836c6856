"""Sign-off and reopen, undo and redo of answers, and the single-choice shortcut."""
from __future__ import annotations

import pytest

from tests.workbench.test_review import setup  # noqa: F401 (fixture)
from workbench.audit import chain
from workbench.review import reviews
from foundation.errors import WorkbenchError
from workbench.review.integrity import check_workspace
from workbench.review.undo import UndoStack


def complete_all(db, opened):
    for item in ("search", "novelty", "decision"):
        reviews.set_answer(db, opened.id, item, "pass", actor="alice")
    reviews.complete(db, opened.id, actor="alice")


def test_sign_off_locks_and_is_audited(setup):
    db, opened = setup
    complete_all(db, opened)
    signed = reviews.sign_off(db, opened.id, actor="mgr")
    assert signed.status == "signed_off" and signed.locked and signed.signed_off_by == "mgr"
    assert signed.signed_off_at
    last = chain.history(db, opened.case_id)[-1]
    assert (last.action, last.actor, last.new_value["status"]) == ("sign_off", "mgr", "signed_off")
    for attempt in (lambda: reviews.set_answer(db, opened.id, "search", "na", actor="alice"),
                    lambda: reviews.complete(db, opened.id, actor="alice"),
                    lambda: reviews.sign_off(db, opened.id, actor="mgr")):
        with pytest.raises(WorkbenchError) as err:
            attempt()
        assert err.value.code == "review.locked"
    assert check_workspace(db) == []


def test_only_a_completed_review_can_be_signed_off(setup):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    with pytest.raises(WorkbenchError) as err:
        reviews.sign_off(db, opened.id, actor="mgr")
    assert err.value.code == "review.not_completed"


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_reopen_needs_a_reason(setup, reason):
    db, opened = setup
    complete_all(db, opened)
    reviews.sign_off(db, opened.id, actor="mgr")
    with pytest.raises(WorkbenchError) as err:
        reviews.reopen(db, opened.id, actor="mgr", reason=reason)
    assert err.value.code == "review.reason_required"
    assert reviews.get_review(db, opened.id).locked


def test_reopen_unlocks_with_the_reason_in_the_audit_log(setup):
    db, opened = setup
    complete_all(db, opened)
    reviews.sign_off(db, opened.id, actor="mgr")
    reopened = reviews.reopen(db, opened.id, actor="mgr", reason="  Examiner disputed the search finding ")
    assert reopened.status == "completed" and not reopened.locked and reopened.signed_off_by is None
    last = chain.history(db, opened.case_id)[-1]
    assert last.action == "reopen" and last.new_value["reason"] == "Examiner disputed the search finding"
    assert last.old_value["signed_off_by"] == "mgr"
    reviews.set_answer(db, opened.id, "search", "fail", severity="minor", actor="alice")
    assert reviews.get_review(db, opened.id).status == "in_progress"   # changed: complete it again
    with pytest.raises(WorkbenchError) as err:
        reviews.reopen(db, opened.id, actor="mgr", reason="again")
    assert err.value.code == "review.not_signed_off"


def test_a_single_allowed_severity_or_category_is_filled_in(setup):
    db, opened = setup
    # 'search' allows one category; 'decision' one severity and one category.
    reviews.set_answer(db, opened.id, "search", "fail", actor="alice")
    reviews.set_answer(db, opened.id, "decision", "fail", actor="alice")
    answers = reviews.get_answers(db, opened.id)
    assert answers["search"].category == "omitted_objection" and answers["search"].severity is None
    assert (answers["decision"].severity, answers["decision"].category) == ("minor", "improper_objection")


def change(db, stack, review_id, item, answer, **kw):
    stack.push(reviews.change_answer(db, review_id, item, answer, actor="alice", **kw))


def test_undo_and_redo_are_audited_answer_changes(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    assert not stack.can_undo and stack.undo(db, actor="alice") is None
    change(db, stack, opened.id, "search", "pass")
    change(db, stack, opened.id, "novelty", "fail", severity="major", category="omitted_objection")
    change(db, stack, opened.id, "novelty", "fail", severity="minor", category="omitted_objection")
    step = stack.undo(db, actor="alice")
    assert step.item_id == "novelty"
    assert reviews.get_answers(db, opened.id)["novelty"].severity == "major"
    stack.undo(db, actor="alice")
    assert "novelty" not in reviews.get_answers(db, opened.id)
    assert stack.can_redo
    stack.redo(db, actor="alice")
    assert reviews.get_answers(db, opened.id)["novelty"].severity == "major"
    actions = [e.action for e in chain.history(db, opened.case_id)]
    assert actions[-3:] == ["undo", "undo", "redo"]
    assert reviews.get_review(db, opened.id).verdict == "error"      # the verdict follows the undo
    assert check_workspace(db) == []                                # answers still match the audit replay


def test_a_new_change_forgets_the_redo_steps(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    change(db, stack, opened.id, "search", "pass")
    stack.undo(db, actor="alice")
    change(db, stack, opened.id, "search", "na")
    assert not stack.can_redo and stack.next_undo().after.answer == "na"


def test_comment_edits_of_one_item_undo_in_one_step(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    change(db, stack, opened.id, "novelty", "fail", severity="major", category="omitted_objection")
    for text in ("mis", "missed D1", "missed D1 entirely"):
        change(db, stack, opened.id, "novelty", "fail", severity="major", category="omitted_objection",
               comment=text)
    stack.undo(db, actor="alice")
    assert reviews.get_answers(db, opened.id)["novelty"].comment == ""
    stack.undo(db, actor="alice")
    assert "novelty" not in reviews.get_answers(db, opened.id)


def test_undo_refuses_when_the_answer_changed_elsewhere(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    change(db, stack, opened.id, "search", "pass")
    reviews.set_answer(db, opened.id, "search", "na", actor="alice")    # alice's other window
    with pytest.raises(WorkbenchError) as err:
        stack.undo(db, actor="alice")
    assert err.value.code == "undo.stale"
    assert reviews.get_answers(db, opened.id)["search"].answer == "na" and not stack.can_undo


def test_undo_is_refused_on_a_signed_off_review(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    for item in ("search", "novelty", "decision"):
        change(db, stack, opened.id, item, "pass")
    reviews.complete(db, opened.id, actor="alice")
    reviews.sign_off(db, opened.id, actor="alice")
    with pytest.raises(WorkbenchError) as err:
        stack.undo(db, actor="alice")
    assert err.value.code == "review.locked"
    assert stack.can_undo       # nothing was lost: it can be undone after reopening
    reviews.reopen(db, opened.id, actor="alice", reason="typo")
    stack.undo(db, actor="alice")
    assert "decision" not in reviews.get_answers(db, opened.id)


def test_active_timer_taken_often_still_stops_after_the_idle_limit():
    from workbench.review.timing import ActiveTimer
    now = [0.0]
    timer = ActiveTimer(clock=lambda: now[0], idle_after=120)
    timer.touch()
    total = 0.0
    for _ in range(600):          # the window takes the time every second for ten minutes
        now[0] += 1
        total += timer.take()
    assert total == pytest.approx(120)
    timer.touch()                 # back at work
    now[0] += 30
    timer.pause()                 # the window lost focus
    now[0] += 300
    total += timer.take()
    assert total == pytest.approx(150)


@pytest.mark.parametrize("tamper, fragment", [
    ("UPDATE reviews SET verdict = 'compliant'", "are not what its answers give (error"),
    ("UPDATE reviews SET score = 100", "are not what its answers give"),
    ("UPDATE reviews SET status = 'signed_off'", "marked signed off, but the audit log never saw it signed off"),
    ("UPDATE checklists SET definition = replace(definition, '\"weight\":3', '\"weight\":1')",
     "its definition was changed outside the application"),
])
def test_reviews_edited_behind_the_applications_back_are_reported(setup, tamper, fragment, tmp_path):
    db, opened = setup
    reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    reviews.set_answer(db, opened.id, "novelty", "fail", severity="major", category="omitted_objection",
                      actor="alice")
    reviews.set_answer(db, opened.id, "decision", "pass", actor="alice")
    assert check_workspace(db) == []
    db.execute(tamper)
    db.conn.commit()
    problems = check_workspace(db)
    assert any(fragment in p for p in problems), problems

    import io
    from workbench.cli import main
    out, err = io.StringIO(), io.StringIO()
    assert main(["verify", "--db", str(tmp_path / "w.sqlite3")], out=out, err=err) == 2
    assert fragment in err.getvalue()


def test_an_answer_that_hides_items_removes_their_answers_and_undo_restores_them(setup):
    db, opened = setup
    stack = UndoStack(opened.id)
    change(db, stack, opened.id, "novelty", "fail", severity="major", category="omitted_objection")
    change(db, stack, opened.id, "novelty-reasoning", "fail", severity="minor", category="improper_objection",
           comment="no reasons given")
    assert {f[1] for f in db.execute("SELECT * FROM findings")} == {"novelty", "novelty-reasoning"}
    change(db, stack, opened.id, "novelty", "pass")        # the reasoning item no longer applies
    assert "novelty-reasoning" not in reviews.get_answers(db, opened.id)
    assert [f[1] for f in db.execute("SELECT * FROM findings")] == []     # nothing left to count
    last = chain.history(db, opened.case_id)[-1]
    assert (last.action, last.entity_id.split("/")[1], last.new_value) == ("hide", "novelty-reasoning", None)
    stack.undo(db, actor="alice")
    restored = reviews.get_answers(db, opened.id)
    assert restored["novelty"].outcome == "fail" and restored["novelty-reasoning"].comment == "no reasons given"
    stack.redo(db, actor="alice")
    assert "novelty-reasoning" not in reviews.get_answers(db, opened.id)
    assert check_workspace(db) == []
