"""A demo calibration round with realistic disagreement: three reviewers review the same invention cases
blind; they agree on most items, but each checklist has two or three contested items on which
one reviewer is stricter and another more lenient than the group. The round is then closed and
the consensus (the majority answer, as a calibration meeting would mostly settle it) recorded.

Everything is written through the domain (`workbench.calibration`, `workbench.review.reviews`),
so the audit log holds each answer as if given in the window. Given the demo's `today`, the session
happens in the week before it (timeline.CALIBRATION_DAYS): the blind reviews first, the close two days
before today, the consensus meeting the day before, over the cases imported before the session.
"""
from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

import sqlite_utils

from workbench.audit import chain
from workbench.calibration import consensus, rounds
from workbench.demo import timeline
from workbench.review import reviews
from workbench.review.checklist_store import load_stored
from workbench.review.checklists import Checklist, Item
from workbench.rounds.population import Filters

REVIEWERS = ("Wang Fang", "Li Na", "Zhang Wei")
MANAGER = "Chen Jing"
FAIL_RATE = 0.06        # a fail on an ordinary item, as the group sees it
NOISE = 0.02            # an ordinary item answered differently by one reviewer


@dataclass(frozen=True)
class _Answer:
    code: str
    severity: str | None
    category: str | None


def _fail(item: Item, rng: random.Random) -> _Answer:
    option = rng.choice([o for o in item.options if o.outcome == "fail"])
    severity = option.severity or rng.choice(item.severities or ("minor",))
    return _Answer(option.code, severity, rng.choice(item.categories) if item.categories else None)


def _pass(item: Item) -> _Answer:
    option = item.option_for_outcome("pass") or item.options[0]
    return _Answer(option.code, None, None)


def _contested(checklist: Checklist, rng: random.Random) -> list[str]:
    failing = [i.id for i in checklist.items if i.can_fail and i.condition is None]
    return rng.sample(failing, min(len(failing), rng.choice((2, 3))))


def _truth(checklist: Checklist, rng: random.Random) -> dict[str, _Answer]:
    return {i.id: (_fail(i, rng) if i.can_fail and rng.random() < FAIL_RATE else _pass(i)) for i in checklist.items}


def _judged(item: Item, truth: _Answer, leaning: float, contested: bool, rng: random.Random) -> _Answer:
    """One reviewer's answer: on a contested item a strict reviewer (leaning > 0) fails what the
    group passes, a lenient one (leaning < 0) passes what it fails; elsewhere a little noise."""
    failed = item.option(truth.code) is not None and item.option(truth.code).outcome == "fail"
    flip = abs(leaning) if contested else NOISE
    if contested and (leaning > 0) == failed:
        flip = NOISE
    if item.can_fail and rng.random() < flip:
        return _pass(item) if failed else _fail(item, rng)
    return truth


def _answer_all(db: sqlite_utils.Database, review_id: int, checklist: Checklist, chosen: Mapping[str, _Answer],
                actor: str, note: str | None = None) -> None:
    """Answer every visible item in checklist order (an answer may show or hide later items)."""
    given: dict[str, str] = {}
    while True:
        pending = [i for i in checklist.visible_items(given) if i.id not in given]
        if not pending:
            break
        item = pending[0]
        answer = chosen.get(item.id) or _pass(item)
        reviews.set_answer(db, review_id, item.id, answer.code, actor=actor, severity=answer.severity,
                           category=answer.category, comment=note if answer.severity else None, checklist=checklist)
        given[item.id] = answer.code


def _majority(answers: Sequence[_Answer]) -> _Answer:
    code, _n = Counter(a.code for a in answers).most_common(1)[0]
    return next(a for a in answers if a.code == code)


def build_calibration_demo(db: sqlite_utils.Database, name: str, *, seed: int = 7, size: int = 12,
                           reviewers: Sequence[str] = REVIEWERS, close: bool = True,
                           today: datetime.date | None = None) -> rounds.CalibrationRound:
    """Create, review, close and settle a calibration round of `size` cases drawn with `seed`; with
    `today`, dated in the week before it (else now, by the real clock)."""
    if today is None:
        return _build(db, name, seed, size, reviewers, close, None, None)
    first_day, _last = timeline.decision_window(today)
    day = max(timeline.working_day_before(today - datetime.timedelta(days=timeline.CALIBRATION_DAYS)), first_day)
    clock = timeline.DemoClock(timeline.beijing(day, 8 * 60 + 50), timeline.end_of(today),
                               random.Random(f"{seed}:calibration-clock"))
    with chain.use_clock(clock.now):
        return _build(db, name, seed, size, reviewers, close, clock, today)


def _build(db: sqlite_utils.Database, name: str, seed: int, size: int, reviewers: Sequence[str], close: bool,
           clock: timeline.DemoClock | None, today: datetime.date | None) -> rounds.CalibrationRound:
    """The session; with the demo's clock, over the cases imported before it, and the close and the
    consensus meeting each on their day."""
    rng = random.Random(seed)
    decided_to = None
    if clock is not None and today is not None:
        decided_to = timeline.imported_through(clock.now().date(), today).isoformat()
    # One field, as a calibration session usually has: every case then answers the same items.
    field = Filters(ip_type=("invention",), exclude_sampled=False, exclude_reviewed=False, decided_to=decided_to)
    rnd = rounds.create_calibration_round(db, name=name, reviewers=reviewers, actor=MANAGER, size=size, seed=seed,
                                          filters=field)
    checklists = {ip: load_stored(db, cid) for ip, cid in rnd.checklists.items()}
    contested = {ip: _contested(c, rng) for ip, c in checklists.items()}
    leanings = {r: lean for r, lean in zip(reviewers, (0.55, -0.45, 0.0, 0.3, -0.3))}
    agreed: dict[int, dict[str, _Answer]] = {}
    for case in rnd.cases:
        checklist = checklists[case.ip_type]
        truth = _truth(checklist, rng)
        given = {}
        for reviewer in reviewers:
            review_id = db.execute("SELECT id FROM reviews WHERE round_id = ? AND case_id = ? AND reviewer = ?"
                                   " AND role = 'calibration'", [rnd.id, case.case_id, reviewer]).fetchone()[0]
            answers = {i.id: _judged(i, truth[i.id], leanings.get(reviewer, 0.0), i.id in contested[case.ip_type],
                                     rng) for i in checklist.items}
            _answer_all(db, review_id, checklist, answers, reviewer, "校准评查意见")
            reviews.complete(db, review_id, actor=reviewer)
            given[reviewer] = answers
        agreed[case.case_id] = {i.id: _majority([given[r][i.id] for r in reviewers]) for i in checklist.items}
    if not close:
        return rnd
    _session(clock, today, 2, 14 * 60)
    rounds.close_calibration_round(db, rnd.id, actor=MANAGER)
    _session(clock, today, 1, 9 * 60 + 30)
    for case in rnd.cases:
        review = consensus.open_consensus(db, rnd.id, case.case_id, actor=MANAGER)
        _answer_all(db, review.id, checklists[case.ip_type], agreed[case.case_id], MANAGER, "校准会议一致意见")
        reviews.complete(db, review.id, actor=MANAGER)
    return rounds.get_calibration_round(db, rnd.id)


def _session(clock: timeline.DemoClock | None, today: datetime.date | None, days_before: int, minutes: int) -> None:
    """Move the demo's clock on to `minutes` after midnight (Beijing) on the working day `days_before`
    days before today, or the one before it."""
    if clock is not None and today is not None:
        clock.move_to(timeline.moment_on(today - datetime.timedelta(days=days_before), minutes, today))
