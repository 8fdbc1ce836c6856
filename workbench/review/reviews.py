"""Reviews: one reviewer's pass over one case with one frozen checklist version.

Every answer is committed the moment it is given, with its audit entry, and the
review's verdict and score are recomputed in the same transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import sqlite_utils

from workbench.audit import chain
from workbench.review.checklist_store import checklist_for, load_stored
from workbench.review.checklists import Checklist, Item
from foundation.errors import WorkbenchError, register

STATUSES = ("open", "in_progress", "completed", "signed_off")
VERDICTS = ("error", "defect", "compliant")

register({
    "review.unknown_case": "There is no case with id {case_id}.",
    "review.unknown_review": "There is no review with id {review_id}.",
    "review.no_checklist": "No checklist applies to {ip_type} cases; add a template for it first.",
    "review.unknown_item": "The checklist has no item {item_id}.",
    "review.bad_answer": "{answer!r} is not an answer item {item_id} allows ({allowed}).",
    "review.bad_severity": "Severity {severity!r} is not allowed for item {item_id} ({allowed}).",
    "review.bad_category": "Error category {category!r} is not allowed for item {item_id} ({allowed}).",
    "review.locked": "The review is signed off and locked; reopen it with a reason to change it.",
    "review.incomplete": "The review cannot be completed yet:\n{missing}",
    "review.not_completed": "Only a completed review can be signed off; complete it first (Ctrl+Enter).",
    "review.not_signed_off": "The review is not signed off, so there is nothing to reopen.",
    "review.reason_required": "Reopening a signed-off review needs a reason; it is kept in the audit log.",
    "review.not_yours": "This review of case {case} belongs to {owner}; {actor} can only change it after taking "
                        "it over (the take-over is kept in the audit log with both names).",
    "review.calibration_final": "Your calibration review of case {case} is completed, so its answers are final: "
                                "completing it showed you the other reviewers' answers.",
    "review.calibration_closed": "The calibration round of this review of case {case} is closed; its answers "
                                 "are final.",
    "review.calibration_take_over": "A calibration review is its reviewer's own blind judgement of case {case}; "
                                    "it cannot be taken over.",
    "review.take_over_done": "The review of case {case} is {status}; a finished review cannot be taken over.",
})

#: The statuses that make a case count as reviewed (see DESIGN: "reviewed").
REVIEWED_STATUSES = ("completed", "signed_off")
#: The order in which a case's reviews stand for it: the latest completed or signed-off one,
#: else the latest one still open or in progress. The same order as latest_reviews (schema 6).
STANDING_ORDER = "status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC"


@dataclass(frozen=True)
class Answer:
    item_id: str
    answer: str
    outcome: str                  # pass, fail, na
    severity: str | None = None
    category: str | None = None
    comment: str = ""


@dataclass(frozen=True)
class Assessment:
    """What the answers so far say about the case."""

    verdict: str                  # error, defect, compliant
    score: float | None           # weighted share of applicable items passed, 0-100
    findings: Mapping[str, int]   # severity -> count of failing answers with a severity
    answered: int
    shown: int
    unrated: int = 0              # fails whose severity is not chosen yet: not findings of any severity


@dataclass(frozen=True)
class Review:
    id: int
    case_id: int
    checklist_id: int
    reviewer: str
    status: str
    verdict: str | None
    score: float | None
    active_seconds: float
    completed_at: str | None = None
    signed_off_at: str | None = None
    signed_off_by: str | None = None
    role: str = "regular"             # regular, calibration (blind, never counted) or consensus

    @property
    def locked(self) -> bool:
        return self.status == "signed_off"


@dataclass(frozen=True)
class AnswerChange:
    """One committed change of one answer: what it was, what it is, and the new assessment."""

    review_id: int
    item_id: str
    old: Answer | None
    new: Answer | None
    assessment: Assessment
    hidden: tuple[Answer, ...] = ()   # answers of items this change hid (removed with it)

    @property
    def changed(self) -> bool:
        return self.old != self.new


def assess(checklist: Checklist, answers: Mapping[str, Answer]) -> Assessment:
    """Verdict and score from the answers to the items shown (hidden items count as n/a).

    error: any critical or major finding, or a failed auto-fail item. defect: only minor
    findings. Advisory findings never change the verdict and do not lower the score.
    A fail whose severity is not chosen yet is no finding of any severity (it is counted in
    `unrated`); the provisional verdict treats it as at least a defect until a severity is chosen.
    """
    visible = checklist.visible_items({k: a.answer for k, a in answers.items()})
    findings: dict[str, int] = {}
    error = defect = False
    passed_weight = applicable_weight = 0.0
    answered = unrated = 0
    for item in visible:
        given = answers.get(item.id)
        if given is None:
            continue
        answered += 1
        if given.outcome == "na":
            continue
        applicable_weight += item.weight
        if given.outcome == "pass":
            passed_weight += item.weight
            continue
        severity = given.severity or "minor"
        if given.severity:
            findings[severity] = findings.get(severity, 0) + 1
        else:
            unrated += 1
        if item.auto_fail or severity in ("critical", "major"):
            error = True
        elif severity == "minor":
            defect = True
        if severity == "advisory" and not item.auto_fail:
            passed_weight += item.weight
    verdict = "error" if error else "defect" if defect else "compliant"
    score = round(100.0 * passed_weight / applicable_weight, 1) if applicable_weight else None
    return Assessment(verdict, score, findings, answered, len(visible), unrated)


def missing_for_completion(checklist: Checklist, answers: Mapping[str, Answer]) -> list[str]:
    """What stops a review from being completed, one line per item."""
    missing = []
    for item in checklist.visible_items({k: a.answer for k, a in answers.items()}):
        given = answers.get(item.id)
        if given is None:
            missing.append(f"{item.id}: not answered")
        elif given.outcome == "fail":
            if not given.severity:
                missing.append(f"{item.id}: a fail needs a severity")
            if not given.category:
                missing.append(f"{item.id}: a fail needs an error category")
    return missing


# -- the workspace side -----------------------------------------------------------------------

def _review_row(db: sqlite_utils.Database, review_id: int) -> Review:
    row = db.execute("SELECT id, case_id, checklist_id, reviewer, status, verdict, score, active_seconds,"
                     " completed_at, signed_off_at, signed_off_by, role FROM reviews WHERE id = ?",
                     [review_id]).fetchone()
    if row is None:
        raise WorkbenchError("review.unknown_review", review_id=review_id)
    return Review(*row)


def get_review(db: sqlite_utils.Database, review_id: int) -> Review:
    return _review_row(db, review_id)


def latest_review_for_case(db: sqlite_utils.Database, case_id: int) -> Review | None:
    """The review that stands for the case: its latest completed or signed-off review, else
    its latest open or in-progress one (an open review never hides a completed one)."""
    row = db.execute("SELECT review_id FROM latest_reviews WHERE case_id = ?", [case_id]).fetchone()
    return _review_row(db, row[0]) if row else None


def review_for_case(db: sqlite_utils.Database, case_id: int, reviewer: str) -> Review | None:
    """The review a reviewer opening the case sees: their own latest, else the one that
    stands for the case (which belongs to someone else, so answering it asks to take it over)."""
    row = db.execute("SELECT id FROM reviews WHERE case_id = ? AND reviewer = ? ORDER BY id DESC LIMIT 1",
                     [case_id, reviewer]).fetchone()
    if row is not None:
        return _review_row(db, row[0])
    return latest_review_for_case(db, case_id)


@dataclass(frozen=True)
class CaseReview:
    """What the review screen shows for a case: its facts, the review (if any), the checklist."""

    case: Mapping[str, object]
    review: Review | None
    checklist_id: int | None
    checklist: Checklist | None
    answers: Mapping[str, Answer]


def load_case_review(db: sqlite_utils.Database, case_id: int, *, reviewer: str) -> CaseReview | None:
    """Everything needed to show a case for review; None when there is no such case.

    The checklist is the review's own frozen version, or for a case not reviewed yet the
    one that would be used (nothing is written until the first answer).
    """
    cursor = db.execute("SELECT * FROM cases WHERE id = ?", [case_id])
    row = cursor.fetchone()
    if row is None:
        return None
    case = dict(zip([d[0] for d in cursor.description], row))
    existing = review_for_case(db, case_id, reviewer)
    if existing is not None:
        checklist_id: int | None = existing.checklist_id
        answers = get_answers(db, existing.id)
    else:
        checklist_id = checklist_for(db, str(case["ip_type"]))
        answers = {}
    checklist = load_stored(db, checklist_id) if checklist_id is not None else None
    return CaseReview(case, existing, checklist_id, checklist, answers)


def open_review(db: sqlite_utils.Database, case_id: int, *, reviewer: str,
                checklist_id: int | None = None) -> Review:
    """The reviewer's current review of the case, or a new one with the applicable checklist."""
    case = db.execute("SELECT ip_type FROM cases WHERE id = ?", [case_id]).fetchone()
    if case is None:
        raise WorkbenchError("review.unknown_case", case_id=case_id)
    existing = db.execute("SELECT id FROM reviews WHERE case_id = ? AND reviewer = ? ORDER BY id DESC LIMIT 1",
                          [case_id, reviewer]).fetchone()
    if existing is not None:
        return _review_row(db, existing[0])
    with db.atomic():
        if checklist_id is None:
            checklist_id = checklist_for(db, case[0])
        if checklist_id is None:
            raise WorkbenchError("review.no_checklist", ip_type=case[0])
        round_id = round_for_new_review(db, case_id, reviewer)
        now = chain.now_iso()
        review_id = db.execute(
            "INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at, round_id)"
            " VALUES (?, ?, ?, 'open', ?, ?, ?)", [case_id, checklist_id, reviewer, now, now, round_id]).lastrowid
        opened: dict[str, object] = {"checklist_id": checklist_id, "reviewer": reviewer}
        if round_id is not None:
            opened["round_id"] = round_id
        chain.record(db, actor=reviewer, entity="review", entity_id=review_id, action="open",
                     new=opened, case_id=case_id)
    return _review_row(db, review_id)


def round_for_new_review(db: sqlite_utils.Database, case_id: int, reviewer: str) -> int | None:
    """The round a review opened outside any round's draw belongs to: the newest round that
    drew the case, left it unassigned or gave it to this reviewer, and has no review of it
    yet. None when no round waits for it (the review then counts only in "All cases")."""
    row = db.execute(
        "SELECT rc.round_id FROM round_cases rc WHERE rc.case_id = ?"
        " AND (rc.reviewer IS NULL OR rc.reviewer = '' OR rc.reviewer = ?)"
        " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.round_id = rc.round_id AND r.case_id = rc.case_id)"
        " AND NOT EXISTS (SELECT 1 FROM rounds rd WHERE rd.id = rc.round_id AND rd.kind = 'calibration')"
        " ORDER BY rc.round_id DESC LIMIT 1", [case_id, reviewer]).fetchone()
    return row[0] if row else None


def _check_owner(db: sqlite_utils.Database, review: Review, actor: str) -> None:
    """Only the review's reviewer writes into it; anyone else takes it over first."""
    if review.reviewer != actor:
        number = db.execute("SELECT application_number FROM cases WHERE id = ?", [review.case_id]).fetchone()
        raise WorkbenchError("review.not_yours", case=number[0] if number else review.case_id,
                             owner=review.reviewer, actor=actor)


def _application_number(db: sqlite_utils.Database, case_id: int) -> str:
    row = db.execute("SELECT application_number FROM cases WHERE id = ?", [case_id]).fetchone()
    return row[0] if row else str(case_id)


def _check_calibration(db: sqlite_utils.Database, review: Review) -> None:
    """A calibration review is final once completed (its reviewer has then seen the others'
    answers) and once its round is closed."""
    if review.role != "calibration":
        return
    if review.status in REVIEWED_STATUSES:
        raise WorkbenchError("review.calibration_final", case=_application_number(db, review.case_id))
    closed = db.execute("SELECT closed_at FROM rounds WHERE id = (SELECT round_id FROM reviews WHERE id = ?)",
                        [review.id]).fetchone()
    if closed and closed[0]:
        raise WorkbenchError("review.calibration_closed", case=_application_number(db, review.case_id))


def take_over(db: sqlite_utils.Database, review_id: int, *, actor: str, reason: str = "") -> Review:
    """Make `actor` the reviewer of someone else's unfinished review, audited with both names.

    Answers already given stay (their audit entries name who gave them). A completed or
    signed-off review is finished work and is never taken over: open a review of your own.
    """
    with db.atomic():
        current = _review_row(db, review_id)
        if current.reviewer == actor:
            return current
        if current.role == "calibration":
            raise WorkbenchError("review.calibration_take_over", case=_application_number(db, current.case_id))
        if current.status in REVIEWED_STATUSES:
            number = db.execute("SELECT application_number FROM cases WHERE id = ?", [current.case_id]).fetchone()
            raise WorkbenchError("review.take_over_done", case=number[0] if number else current.case_id,
                                 status=current.status.replace("_", " "))
        now = chain.now_iso()
        db.execute("UPDATE reviews SET reviewer = ?, updated_at = ? WHERE id = ?", [actor, now, review_id])
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="take_over",
                     old={"reviewer": current.reviewer}, new={"reviewer": actor, "reason": reason.strip()},
                     case_id=current.case_id)
    return _review_row(db, review_id)


def get_answers(db: sqlite_utils.Database, review_id: int) -> dict[str, Answer]:
    rows = db.execute("SELECT item_id, answer, outcome, severity, category, comment FROM answers"
                      " WHERE review_id = ?", [review_id]).fetchall()
    return {r[0]: Answer(*r) for r in rows}


def _answer_dict(answer: Answer | None) -> dict | None:
    if answer is None:
        return None
    return {"answer": answer.answer, "severity": answer.severity, "category": answer.category,
            "comment": answer.comment}


def set_answer(db: sqlite_utils.Database, review_id: int, item_id: str, answer: str | None, *, actor: str,
               severity: str | None = None, category: str | None = None, comment: str | None = None,
               checklist: Checklist | None = None) -> Assessment:
    """Give, change or (answer=None) clear one answer; committed at once with its audit entry.

    `comment=None` keeps the comment already written. Severity and category only apply to a
    failing answer; a scale option that implies a severity supplies it when none is given,
    and so does an item that allows only one severity (or only one category).
    """
    return change_answer(db, review_id, item_id, answer, actor=actor, severity=severity, category=category,
                         comment=comment, checklist=checklist).assessment


def change_answer(db: sqlite_utils.Database, review_id: int, item_id: str, answer: str | None, *, actor: str,
                  severity: str | None = None, category: str | None = None, comment: str | None = None,
                  checklist: Checklist | None = None, action: str | None = None) -> AnswerChange:
    """set_answer, returning the change made (for undo). `action` names it in the audit log
    ('undo', 'redo'); by default 'answer', or 'clear' when the answer is removed.

    An answer that hides other items (their condition no longer holds) removes their
    answers in the same transaction, each audited as 'hide': what is stored is what counts,
    so a finding on an item that no longer applies never reaches the figures.
    """
    review = _review_row(db, review_id)
    if review.status == "signed_off":
        raise WorkbenchError("review.locked")
    _check_owner(db, review, actor)
    _check_calibration(db, review)
    checklist = checklist or load_stored(db, review.checklist_id)
    try:
        item = checklist.item(item_id)
    except KeyError:
        raise WorkbenchError("review.unknown_item", item_id=item_id) from None
    with db.atomic():
        answers = get_answers(db, review_id)
        old = answers.get(item_id)
        new = _new_answer(item, answer, severity, category, comment, old) if answer is not None else None
        if new == old:
            return AnswerChange(review_id, item_id, old, new, assess(checklist, answers))
        now = chain.now_iso()
        _store_answer(db, review_id, item_id, new, now)
        if new is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = new
        chain.record(db, actor=actor, entity="answer", entity_id=f"{review_id}/{item_id}",
                     action=action or ("answer" if new is not None else "clear"),
                     old=_answer_dict(old), new=_answer_dict(new), case_id=review.case_id)
        hidden = _drop_hidden_answers(db, checklist, review, answers, actor)
        result = assess(checklist, answers)
        status = "in_progress" if review.status in ("open", "completed") and answers else review.status
        db.execute("UPDATE reviews SET verdict = ?, score = ?, status = ?, updated_at = ?,"
                   " completed_at = CASE WHEN ? = 'completed' THEN completed_at END WHERE id = ?",
                   [result.verdict if answers else None, result.score, status, now, status, review_id])
    return AnswerChange(review_id, item_id, old, new, result, hidden)


def _new_answer(item: Item, answer: str, severity: str | None, category: str | None, comment: str | None,
                old: Answer | None) -> Answer:
    """The answer as it will be stored, checked against what the item allows. Severity and
    category only belong to a failing answer; a single allowed choice is filled in."""
    option = item.option(answer)
    if option is None:
        raise WorkbenchError("review.bad_answer", answer=answer, item_id=item.id, allowed=", ".join(item.answers))
    if option.outcome == "fail":
        severity = severity or option.severity
        # Only one choice allowed: it is the answer, no key press needed.
        if severity is None and len(item.severities) == 1:
            severity = item.severities[0]
        if category is None and len(item.categories) == 1:
            category = item.categories[0]
        if severity is not None and severity not in item.severities:
            raise WorkbenchError("review.bad_severity", severity=severity, item_id=item.id,
                                 allowed=", ".join(item.severities))
        if category is not None and category not in item.categories:
            raise WorkbenchError("review.bad_category", category=category, item_id=item.id,
                                 allowed=", ".join(item.categories))
    else:
        severity = category = None
    keep_comment = old.comment if old is not None else ""
    return Answer(item.id, answer, option.outcome, severity, category, keep_comment if comment is None else comment)


def _store_answer(db: sqlite_utils.Database, review_id: int, item_id: str, new: Answer | None, now: str) -> None:
    """Write (or, for None, delete) one answer row."""
    if new is None:
        db.execute("DELETE FROM answers WHERE review_id = ? AND item_id = ?", [review_id, item_id])
        return
    db.execute(
        "INSERT INTO answers (review_id, item_id, answer, outcome, severity, category, comment, answered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id, item_id) DO UPDATE SET"
        " answer = excluded.answer, outcome = excluded.outcome, severity = excluded.severity,"
        " category = excluded.category, comment = excluded.comment, answered_at = excluded.answered_at",
        [review_id, item_id, new.answer, new.outcome, new.severity, new.category, new.comment, now])


def _drop_hidden_answers(db: sqlite_utils.Database, checklist: Checklist, review: Review,
                         answers: dict[str, Answer], actor: str) -> tuple[Answer, ...]:
    """Remove (from `answers` and the workspace) the answers of items the answers now hide,
    each audited as 'hide'; returns them."""
    shown = {i.id for i in checklist.visible_items({k: a.answer for k, a in answers.items()})}
    hidden = tuple(answers[k] for k in list(answers) if k not in shown)
    for gone in hidden:
        db.execute("DELETE FROM answers WHERE review_id = ? AND item_id = ?", [review.id, gone.item_id])
        answers.pop(gone.item_id)
        chain.record(db, actor=actor, entity="answer", entity_id=f"{review.id}/{gone.item_id}", action="hide",
                     old=_answer_dict(gone), new=None, case_id=review.case_id)
    return hidden


def complete(db: sqlite_utils.Database, review_id: int, *, actor: str) -> Assessment:
    """Mark the review completed; refused with the list of what is missing."""
    review = _review_row(db, review_id)
    if review.status == "signed_off":
        raise WorkbenchError("review.locked")
    _check_owner(db, review, actor)
    _check_calibration(db, review)
    checklist = load_stored(db, review.checklist_id)
    with db.atomic():
        answers = get_answers(db, review_id)
        missing = missing_for_completion(checklist, answers)
        if missing:
            raise WorkbenchError("review.incomplete", missing="\n".join(f"  - {m}" for m in missing),
                                 items=missing)
        result = assess(checklist, answers)
        now = chain.now_iso()
        db.execute("UPDATE reviews SET status = 'completed', verdict = ?, score = ?, updated_at = ?,"
                   " completed_at = ? WHERE id = ?", [result.verdict, result.score, now, now, review_id])
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="complete",
                     old={"status": review.status}, new={"status": "completed", "verdict": result.verdict},
                     case_id=review.case_id)
    return result


def sign_off(db: sqlite_utils.Database, review_id: int, *, actor: str) -> Review:
    """Lock a completed review: no answer can change until it is reopened with a reason."""
    with db.atomic():
        review = _review_row(db, review_id)
        if review.status == "signed_off":
            raise WorkbenchError("review.locked")
        if review.status != "completed":
            raise WorkbenchError("review.not_completed")
        now = chain.now_iso()
        db.execute("UPDATE reviews SET status = 'signed_off', signed_off_at = ?, signed_off_by = ?, updated_at = ?"
                   " WHERE id = ?", [now, actor, now, review_id])
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="sign_off",
                     old={"status": review.status}, new={"status": "signed_off", "verdict": review.verdict},
                     case_id=review.case_id)
    return _review_row(db, review_id)


def reopen(db: sqlite_utils.Database, review_id: int, *, actor: str, reason: str) -> Review:
    """Unlock a signed-off review. It stays completed until an answer changes; the reason is audited."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkbenchError("review.reason_required")
    with db.atomic():
        review = _review_row(db, review_id)
        if review.status != "signed_off":
            raise WorkbenchError("review.not_signed_off")
        now = chain.now_iso()
        db.execute("UPDATE reviews SET status = 'completed', signed_off_at = NULL, signed_off_by = NULL,"
                   " updated_at = ? WHERE id = ?", [now, review_id])
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="reopen",
                     old={"status": "signed_off", "signed_off_by": review.signed_off_by},
                     new={"status": "completed", "reason": reason}, case_id=review.case_id)
    return _review_row(db, review_id)


def review_integrity(db: sqlite_utils.Database) -> list[str]:
    """What a direct edit of the database would leave inconsistent in reviews, one line each:
    a frozen checklist whose definition no longer matches its digest, a verdict or score the
    answers do not give, a review marked completed or signed off that the audit log never saw
    completed or signed off."""
    import hashlib

    problems: list[str] = []
    parsed: dict[int, Checklist | None] = {}
    for row_id, template_id, version, definition, digest in db.execute(
            "SELECT id, template_id, version, definition, sha256 FROM checklists ORDER BY id"):
        if hashlib.sha256(definition.encode("utf-8")).hexdigest() != digest:
            problems.append(f"checklist {template_id} version {version}: its definition was changed outside "
                            "the application")
            parsed[row_id] = None
            continue
        try:
            parsed[row_id] = load_stored(db, row_id)
        except WorkbenchError:
            parsed[row_id] = None
    answers: dict[int, dict[str, Answer]] = {}
    for row in db.execute("SELECT review_id, item_id, answer, outcome, severity, category, comment FROM answers"):
        answers.setdefault(row[0], {})[row[1]] = Answer(*row[1:])
    lifecycle: dict[str, set[str]] = {}
    for entity_id, action in db.execute("SELECT entity_id, action FROM audit_log WHERE entity = 'review'"):
        lifecycle.setdefault(entity_id, set()).add(action)
    for review_id, case_id, checklist_id, status, verdict, score in db.execute(
            "SELECT r.id, c.application_number, r.checklist_id, r.status, r.verdict, r.score"
            " FROM reviews r LEFT JOIN cases c ON c.id = r.case_id ORDER BY r.id"):
        given = answers.get(review_id, {})
        checklist = parsed.get(checklist_id)
        if checklist is not None and given:
            result = assess(checklist, given)
            if verdict != result.verdict or (score is None) != (result.score is None) or \
                    (score is not None and abs(score - result.score) > 0.05):
                problems.append(f"review {review_id} (case {case_id}): verdict {verdict} and score {score} are not "
                                f"what its answers give ({result.verdict}, {result.score}); changed outside the "
                                "application")
        seen = lifecycle.get(str(review_id), set())
        if status == "signed_off" and not seen & {"sign_off", "merge"}:
            problems.append(f"review {review_id} (case {case_id}): marked signed off, but the audit log never "
                            "saw it signed off")
        elif status == "completed" and not seen & {"complete", "reopen", "merge"}:
            problems.append(f"review {review_id} (case {case_id}): marked completed, but the audit log never "
                            "saw it completed")
    return problems


def can_write(review: Review | None, actor: str) -> bool:
    """Whether `actor` may write answers and active time into the review right now: it is
    theirs and not finished. Active time counts only then (never on a completed or
    signed-off review, never on someone else's)."""
    return review is not None and review.reviewer == actor and review.status not in REVIEWED_STATUSES


def add_active_time(db: sqlite_utils.Database, review_id: int, seconds: float, *, actor: str) -> bool:
    """Add measured active review time to the actor's own unfinished review; returns whether
    it was added. Time measured on a finished or someone else's review is dropped."""
    if seconds <= 0:
        return False
    with db.atomic():
        current = _review_row(db, review_id)
        if not can_write(current, actor):
            return False
        db.execute("UPDATE reviews SET active_seconds = active_seconds + ? WHERE id = ?", [seconds, review_id])
        # An entry per store (every 30 s): the time is covered by the chain like any other fact,
        # and a package's time is backed by entries merge can weigh against their timestamps.
        chain.record(db, actor=actor, entity="review", entity_id=review_id, action="time",
                     new={"seconds": seconds}, case_id=current.case_id)
    return True
