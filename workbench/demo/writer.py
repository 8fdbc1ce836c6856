"""Writing the demo's reviews as the application writes them: each review's row, its answers and
its hash-chained audit entries (open, each answer, time, completion, sign-off), buffered and
inserted in batches with executemany inside the demo's transaction.

A million-case demo writes some four million audit entries, so their texts are made in a tight
loop: the JSON of the few values that recur (a passing answer, a review's opening, its verdict) is
made once and reused, and each entry's hash payload is put together from pieces already in JSON
form; each review's random uid is given (the format of the reviews_uid_on_insert trigger's, which
then has nothing to fill in). The result is the same text and the same hash workbench.audit.chain makes (`entry_hash`, which
the writer checks itself against on a sample entry before using its own; tests compare them).
Every stamp is checked against the demo's last moment: nothing is dated after its today.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
import random
import uuid
from dataclasses import dataclass
from typing import Any, Iterator

import sqlite_utils

from workbench.audit import chain
from workbench.demo.findings import (CaseFacts, FindingModel, ItemPlan, Reviewer, finding, item_plans,
                                     planned_not_applicable)
from workbench.review.checklists import Checklist, Item
from workbench.review.reviews import Answer, assess

#: A review's active time is capped (a review started at 16:00 then ends the same evening).
MAX_ACTIVE_SECONDS = 3 * 3600


def _iso(moment: datetime.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def quote(text: str) -> str:
    """`text` as json.dumps(text, ensure_ascii=False) writes it: plainly quoted when it holds nothing
    JSON escapes (quotes, backslashes, control characters: none is printable), else by json."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'
    return json.dumps(text, ensure_ascii=False)


class _Quoted(dict[str, str]):
    """Memo of quote() for the texts that recur (actors, entities, actions, recurring JSON values)."""

    def __missing__(self, text: str) -> str:
        if len(self) > 50_000:       # a finding's comment seldom recurs: keep the memo small
            self.clear()
        self[text] = quoted = quote(text)
        return quoted


class Hasher:
    """chain.entry_hash, with the recurring parts' JSON made once (the same payload, the same hash)."""

    def __init__(self) -> None:
        self._quoted = _Quoted()

    def __call__(self, prev_hash: str, at: str, actor: str, entity: str, entity_id: str, case_id: int | None,
                 action: str, old_json: str | None, new_json: str | None) -> str:
        q = self._quoted
        payload = "".join((
            '["', prev_hash, '","', at, '",', q[actor], ",", q[entity], ",", quote(entity_id), ",",
            "null" if case_id is None else str(case_id), ",", q[action], ",",
            "null" if old_json is None else q[old_json], ",", "null" if new_json is None else q[new_json], "]"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def entry_hasher() -> Any:    # -> Callable with chain.entry_hash's signature
    """The fast Hasher when it gives chain.entry_hash's hash on a sample entry (Chinese, quotes, a null
    case), else chain.entry_hash itself: a change of the chain's hashing can never be undone here."""
    fast = Hasher()
    sample = ("0" * 64, "2026-01-05T01:02:03.000004+00:00", "王芳", "answer", "7/inv-1", None, "answer",
              '{"answer":"fail","comment":"权利要求1\\"不清楚\\""}', _json({"a": "b\n", "n": 1}))
    return fast if fast(*sample) == chain.entry_hash(*sample) else chain.entry_hash


#: One answer as given: the item, the answer, and the passing answer it replaced (if the reviewer changed it).
_Step = tuple[Item, Answer, Answer | None]

#: Minutes a review of each IP type takes a reviewer of average speed.
_REVIEW_MINUTES = {"invention": 26, "utility_model": 13, "design": 10, "trademark": 9}


@dataclass
class _Ending:
    """How a review ends: its status and the moments of completion and sign-off."""
    status: str
    clock: datetime.datetime
    completed_at: str | None = None
    signed_at: str | None = None
    signed_by: str | None = None


def _active_seconds(case: CaseFacts, checklist: Checklist, reviewer: Reviewer, answers: dict[str, Answer],
                    fate: str, rng: random.Random) -> float:
    """Active time: the IP type's usual minutes at the reviewer's speed, more per finding; a review in
    progress has spent its share so far."""
    findings = sum(1 for a in answers.values() if a.outcome == "fail")
    active = rng.lognormvariate(math.log(_REVIEW_MINUTES[case.ip_type] * 60 * reviewer.speed), 0.35) + 150 * findings
    active = min(active, MAX_ACTIVE_SECONDS)     # so a review started by 16:00 ends the same evening
    if fate == "in_progress":
        active *= len(answers) / max(1, len(checklist.items))
    return active


class ReviewWriter:
    """Buffers reviews, answers and chained audit entries; flush() writes them in batches."""

    def __init__(self, db: sqlite_utils.Database, last_moment: datetime.datetime) -> None:
        self.db = db
        self.limit = _iso(last_moment)      # no stamp after it (the demo's today)
        self.hash = entry_hasher()
        self.texts: dict[Any, str | None] = {}      # recurring JSON values, made once
        self.item_plans: dict[int, tuple[Checklist, tuple[ItemPlan, ...]]] = {}
        #: The latest stamp in the log (the baseline after the generated reviews is dated then).
        self.latest: str = db.execute("SELECT COALESCE(MAX(at), '') FROM audit_log").fetchone()[0]
        self.resume()
        self.review_rows: list[tuple[Any, ...]] = []
        self.completed_rows: list[tuple[Any, ...]] = []
        self.answer_rows: list[tuple[Any, ...]] = []
        self.audit_rows: list[tuple[Any, ...]] = []
        self.reviews = self.answers = self.findings = self.entries = 0

    def resume(self) -> None:
        """Continue after others wrote reviews or audit entries (call with nothing pending)."""
        self.next_review = (self.db.execute("SELECT COALESCE(MAX(id), 0) FROM reviews").fetchone()[0] or 0) + 1
        self.prev_hash = chain.last_hash(self.db)

    @property
    def pending(self) -> int:
        return len(self.audit_rows)

    def _audit(self, at: datetime.datetime, actor: str, entity: str, entity_id: str, case_id: int, action: str,
               old_json: str | None, new_json: str | None) -> None:
        """One chained entry at `at`."""
        self._entry(_iso(at), actor, entity, entity_id, case_id, action, old_json, new_json)

    def _entry(self, stamp: str, actor: str, entity: str, entity_id: str, case_id: int, action: str,
               old_json: str | None, new_json: str | None) -> None:
        """One chained entry, stamped `stamp` (an _iso moment: the callers have it already)."""
        if stamp > self.latest:
            if stamp > self.limit:
                raise RuntimeError(f"demo: an audit entry dated {stamp}, after the demo's today ({self.limit})")
            self.latest = stamp
        digest = self.hash(self.prev_hash, stamp, actor, entity, entity_id, case_id, action, old_json, new_json)
        self.audit_rows.append((stamp, actor, entity, entity_id, case_id, action, old_json, new_json,
                                chain.stored_hash(digest)))
        self.prev_hash = digest
        self.entries += 1

    def _text(self, key: Any, value: Any) -> str | None:
        """The JSON of a recurring `value`, made once for its `key`."""
        text = self.texts.get(key, self)
        if text is self:
            self.texts[key] = text = _json(value)
        return text   # type: ignore[return-value]

    def _answer_text(self, answer: Answer) -> str | None:
        if answer.severity is None and not answer.comment:     # passing and n/a answers recur
            return self._text(("answer", answer.answer, answer.category), _answer_json(answer))
        return _json(_answer_json(answer))

    def add_review(self, case: CaseFacts, checklist_id: int, checklist: Checklist, reviewer: Reviewer,
                   start: datetime.datetime, model: FindingModel, rng: random.Random,
                   review_id: int | None = None, still_open: bool = False) -> None:
        """A new review, or (review_id) the completion of an open one, e.g. a round's.

        The random draws happen in one fixed order (fate, answers, time, each step, completion,
        sign-off): the same seed must give the same workspace."""
        existing = review_id is not None
        if review_id is None:
            review_id = self.next_review
            self.next_review += 1
        # Of the reviews finished, most are signed off and some only completed; `still_open` ones (the
        # latest started) are in progress. An open review being completed (a round's) is finished.
        fate = "in_progress" if still_open and not existing else rng.choices(("signed_off", "completed"), (70, 22))[0]
        if not existing:
            self._entry(_iso(start), reviewer.name, "review", str(review_id), case.id, "open", None,
                        self._text(("open", checklist_id, reviewer.name),
                                   {"checklist_id": checklist_id, "reviewer": reviewer.name}))
        steps, answers = self._steps(case, checklist, reviewer, model, rng, fate)
        active = _active_seconds(case, checklist, reviewer, answers, fate, rng)
        clock = self._write_answers(review_id, case, reviewer.name, steps, start, active, rng)
        result = assess(checklist, answers)
        if existing:    # an open review (a round's) is past the baseline: its time needs its own entry
            self._entry(_iso(clock), reviewer.name, "review", str(review_id), case.id, "time", None,
                        _json({"seconds": round(active, 1)}))
        ending = self._finish(review_id, case, reviewer.name, fate, result.verdict, clock, rng)
        verdict = result.verdict if answers else None
        if existing:
            self.completed_rows.append((ending.status, verdict, result.score, round(active, 1), _iso(ending.clock),
                                        ending.completed_at, ending.signed_at, ending.signed_by, review_id))
        else:
            self.review_rows.append((review_id, case.id, checklist_id, reviewer.name, ending.status, verdict,
                                     result.score, round(active, 1), _iso(start), _iso(ending.clock),
                                     ending.completed_at, ending.signed_at, ending.signed_by, str(uuid.uuid4())))
        self.reviews += 1
        self.answers += len(answers)
        self.findings += sum(1 for a in answers.values() if a.outcome == "fail")

    def _steps(self, case: CaseFacts, checklist: Checklist, reviewer: Reviewer, model: FindingModel,
               rng: random.Random, fate: str) -> tuple[list[_Step], dict[str, Answer]]:
        """The answers given, in order; a review still in progress stops part of the way."""
        answers: dict[str, Answer] = {}
        steps = list(self._answers(case, checklist, reviewer, model, rng, answers))
        if fate == "in_progress":
            steps = steps[:rng.randint(1, max(1, len(steps) - 1))]
            answers = {item.id: given for item, given, _ in steps}
        return steps, answers

    def _write_answers(self, review_id: int, case: CaseFacts, name: str, steps: list[_Step],
                       start: datetime.datetime, active: float, rng: random.Random) -> datetime.datetime:
        """Each answer's row and audit entries, spread over the active time; returns the clock after the last."""
        clock = start
        per_step = active / max(1, len(steps))
        for item, given, changed_from in steps:
            clock += datetime.timedelta(seconds=per_step * rng.uniform(0.5, 1.5))
            entity_id = f"{review_id}/{item.id}"
            if changed_from is not None:     # the reviewer first passed it, then thought again
                self._entry(_iso(clock), name, "answer", entity_id, case.id, "answer", None,
                            self._answer_text(changed_from))
                clock += datetime.timedelta(seconds=rng.uniform(20, 200))
            stamp = _iso(clock)
            self._entry(stamp, name, "answer", entity_id, case.id, "answer",
                        self._answer_text(changed_from) if changed_from else None, self._answer_text(given))
            self.answer_rows.append((review_id, item.id, given.answer, given.outcome, given.severity,
                                     given.category, given.comment, stamp))
        return clock

    def _finish(self, review_id: int, case: CaseFacts, name: str, fate: str, verdict: str,
                clock: datetime.datetime, rng: random.Random) -> _Ending:
        """Completion and sign-off as the fate says, each with its audit entry."""
        ending = _Ending("in_progress" if fate == "in_progress" else "completed", clock)
        if fate != "in_progress":
            clock += datetime.timedelta(seconds=rng.uniform(10, 90))
            ending.completed_at, ending.clock = _iso(clock), clock
            self._entry(ending.completed_at, name, "review", str(review_id), case.id, "complete",
                        self._text("in_progress", {"status": "in_progress"}),
                        self._text(("completed", verdict), {"status": "completed", "verdict": verdict}))
        if fate == "signed_off":
            clock += datetime.timedelta(seconds=rng.uniform(30, 600))
            ending.status, ending.signed_at, ending.signed_by, ending.clock = "signed_off", _iso(clock), name, clock
            self._entry(ending.signed_at, name, "review", str(review_id), case.id, "sign_off",
                        self._text("completed", {"status": "completed"}),
                        self._text(("signed_off", verdict), {"status": "signed_off", "verdict": verdict}))
        return ending

    def _answers(self, case: CaseFacts, checklist: Checklist, reviewer: Reviewer, model: FindingModel,
                 rng: random.Random, answers: dict[str, Answer]) -> Iterator[_Step]:
        """Each shown item's answer in checklist order (a condition sees the answers before it)."""
        given_codes: dict[str, str] = {}
        factor = model.factor(case, reviewer)
        planted = model.planted_item.get(checklist.template_id) if model.planted_error(case) else None
        planted = planted or model.missed_abnormal(case, checklist, rng)
        for plan in self._plans(checklist, model):
            item = plan.item
            if plan.condition is not None and given_codes.get(plan.condition.item) not in plan.condition.answers:
                continue
            changed_from = None
            if item.id == planted:
                code, severity, category, comment = finding(item, rng, major=True)
                answer = Answer(item.id, code, "fail", severity, category, comment)
            elif planned_not_applicable(plan, case, rng):
                answer = Answer(item.id, plan.na_option.code, "na")
            elif plan.can_fail and rng.random() < min(0.9, plan.rate * factor):     # FindingModel.fail_rate
                code, severity, category, comment = finding(item, rng)
                answer = Answer(item.id, code, "fail", severity, category, comment)
                if plan.passing is not None and rng.random() < 0.08:
                    changed_from = Answer(item.id, plan.passing.code, "pass")
            else:
                answer = plan.default
            given_codes[item.id] = answer.answer
            answers[item.id] = answer
            yield item, answer, changed_from

    def _plans(self, checklist: Checklist, model: FindingModel) -> tuple[ItemPlan, ...]:
        """The checklist's item plans, made once (kept with the checklist, whose id is their key)."""
        kept = self.item_plans.get(id(checklist))
        if kept is None or kept[0] is not checklist:
            kept = self.item_plans[id(checklist)] = (checklist, item_plans(checklist, model))
        return kept[1]

    def flush(self) -> None:
        conn = self.db.conn
        if self.review_rows:
            conn.executemany(
                "INSERT INTO reviews (id, case_id, checklist_id, reviewer, status, verdict, score, active_seconds,"
                " created_at, updated_at, completed_at, signed_off_at, signed_off_by, uid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.review_rows)
        if self.completed_rows:
            conn.executemany(
                "UPDATE reviews SET status = ?, verdict = ?, score = ?, active_seconds = ?, updated_at = ?,"
                " completed_at = ?, signed_off_at = ?, signed_off_by = ? WHERE id = ?", self.completed_rows)
        if self.answer_rows:
            conn.executemany(
                "INSERT INTO answers (review_id, item_id, answer, outcome, severity, category, comment, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.answer_rows)
        if self.audit_rows:
            conn.executemany(chain.INSERT, self.audit_rows)
        self.review_rows.clear()
        self.completed_rows.clear()
        self.answer_rows.clear()
        self.audit_rows.clear()


def _answer_json(answer: Answer) -> dict[str, Any]:
    return {"answer": answer.answer, "severity": answer.severity, "category": answer.category,
            "comment": answer.comment}
