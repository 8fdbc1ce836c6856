"""`python main.py demo`: a realistic demo workspace, for trainers, benchmarks and screenshots.

Cases come from workbench.demo.data, decided in the 24 months before the demo's `today`; a share
of them is reviewed against the built-in checklists with findings distributed as quality offices
report them (workbench.demo.findings): most cases are compliant, and the findings that exist
concentrate in a few checklist items (inventive step reasoning, claim clarity, the prior-mark
search...). Reviews are written exactly as the application writes them (answers, verdict, score,
active time, and the hash-chained audit entries), so `verify` finds the workspace intact.

Time (workbench.demo.timeline): each month's decisions are imported on the first working day of
the next month; a case is reviewed within weeks of its import, in Beijing office hours (so the
latest decisions are the least reviewed, and every month has about as many reviews), the latest
started reviews are still in progress, and no date anywhere (decision, filing, review, answer,
sign-off, round, calibration, audit entry) lies after `today`. The round (`round_spec`) is drawn
ROUND_DAYS before `today` over the cases imported by then, and reviewed up to `today`.

Planted for the trend, control-chart and funnel views to find (details in workbench.demo.findings):
- 实用新型审查部 (DIP_DEPARTMENT): compliance falls by about 13 points for the cases it decided in
  the third and second quarters before `today`'s quarter, and recovers; with today 2026-06-30
  (the library's default, timeline.REFERENCE_TODAY) those are 2025 Q3 and 2025 Q4.
- 林芳 of 医药生物发明审查部 (OUTLIER_EXAMINER): 35-40% of her reviewed cases are errors against
  about 13% overall (`demo --cases 20000`: ~50 reviewed, 15-22 errors), the only examiner outside
  the funnel.

Planted for risk indicators and risk-based draws to find (workbench.demo.planted, truth in each
case's extra under "demo_planted", read by planted.planted_cases): about 3% of the cases of a demo of
300 cases or more are an agency's bursts of near-duplicates, natural persons filing many patents in a
year and trademark hoarders across 30 classes; their reviews come out about 55% compliant against
about 87% for the others.

The same arguments (seed and today) always give the same workspace: every table holds the same
bytes, but for what identifies the workspace file (workspace_info, workspace_secret and the random
uid of each review and round, by which packages tell records of different workspaces apart).
Everything is inserted in batches inside one transaction: cancelling, or a failure, leaves the
workspace as it was.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
import random
from dataclasses import dataclass
from typing import Any, Iterator

import sqlite_utils

from workbench.audit import chain
from workbench.review import checklist_store
from workbench.review import checklists
from workbench.review.checklists import Checklist, Item
from workbench.demo import planted, timeline
from workbench.demo.data import EXAMINERS, generate_cases, person_name
from workbench.demo.findings import CaseFacts, FindingModel, Reviewer, finding, not_applicable
from workbench.demo.timeline import REFERENCE_TODAY, DemoClock
from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
from workbench import risk
from workbench.review.reviews import Answer, assess

register({
    "demo.not_empty": "The workspace {path} already holds {count} cases; build the demo in a new workspace "
                      "(--db NEW.sqlite3).",
    "demo.bad_count": "--cases must be between 1 and {limit}, not {value}.",
    "demo.bad_fraction": "--reviewed must be a fraction between 0 and 1 (e.g. 0.2), not {value}.",
    "demo.bad_round_fraction": "--round-reviewed must be a fraction between 0 and 1 (e.g. 0.8), not {value}.",
})

MAX_CASES = 1_000_000
BATCH = 5000
REVIEWERS = 8
#: A review's active time is capped (a review started at 16:00 then ends the same evening).
MAX_ACTIVE_SECONDS = 3 * 3600
#: The share of the reviews still in progress: the latest started (at least one).
OPEN_SHARE = 0.02
# Reviews are sorted by start with one integer each: the start (seconds into the decision window)
# above the case's index, which takes _INDEX_BITS (2 ** 20 > MAX_CASES).
_INDEX_BITS = 20


@dataclass(frozen=True)
class DemoRound:
    """A round the demo draws after its reviews (`plan` as `sample` takes it), and the share of the
    round's cases then reviewed in the round with the demo's answers."""

    name: str
    plan: Any                      # workbench.rounds.sampling_plan.Plan
    reviewed: float = 1.0
    seed: int | None = None        # the draw's seed; None: the demo's seed


@dataclass(frozen=True)
class DemoResult:
    cases: int
    reviews: int
    answers: int
    findings: int
    audit_entries: int
    round_cases: int = 0
    round_reviews: int = 0


def build_demo(db: sqlite_utils.Database, *, cases: int, reviewed: float, seed: int,
               today: datetime.date = REFERENCE_TODAY, path: str = "", round_spec: DemoRound | None = None,
               progress: Progress = no_progress, cancel: CancelToken | None = None) -> DemoResult:
    """Fill an empty workspace with `cases` generated cases decided in the 24 months before `today`,
    `reviewed` (0-1) of them reviewed; with `round_spec`, then draw that round (over every case imported
    by its day, reviewed or not) and review its share of it."""
    if isinstance(cases, bool) or not isinstance(cases, int) or not 1 <= cases <= MAX_CASES:
        raise WorkbenchError("demo.bad_count", value=cases, limit=MAX_CASES)
    if not _fraction(reviewed):
        raise WorkbenchError("demo.bad_fraction", value=reviewed)
    if round_spec is not None:
        if not _fraction(round_spec.reviewed):
            raise WorkbenchError("demo.bad_round_fraction", value=round_spec.reviewed)
        round_spec.plan.checked()     # a bad plan is refused before anything is generated
    cancel = cancel or CancelToken()
    existing = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    if existing:
        raise WorkbenchError("demo.not_empty", path=path or "(this workspace)", count=existing)
    review_count = round(cases * reviewed)
    total_work = cases + review_count
    first_day, _last_day = timeline.decision_window(today)
    # The checklists are installed before the first decision; the domain code the demo calls reads this clock.
    clock = DemoClock(timeline.beijing(first_day, 8 * 60), timeline.end_of(today), random.Random(f"{seed}:clock"))
    # The indexes of the audit log and the cases take keys in random order; a large page
    # cache for the bulk insert keeps them in memory instead of re-reading pages.
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -262144")
    try:
        with chain.use_clock(clock.now):
            return _build(db, _Plan(cases, review_count, seed, today, total_work, clock), progress, cancel,
                          round_spec)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")


@dataclass(frozen=True)
class _Plan:
    cases: int
    reviews: int
    seed: int
    today: datetime.date
    total_work: int
    clock: DemoClock


def _fraction(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and 0 <= value <= 1)


def _build(db: sqlite_utils.Database, plan: _Plan, progress: Progress, cancel: CancelToken,
           round_spec: DemoRound | None) -> DemoResult:
    with db.atomic():
        checklist_store.install_builtins(db)
        checklist_ids = {ip: checklist_store.checklist_for(db, ip) for ip in checklists.IP_TYPES}
        parsed = {cid: checklist_store.load_stored(db, cid) for cid in set(checklist_ids.values()) if cid is not None}
        facts = _insert_cases(db, plan, progress, cancel)
        rng = random.Random(f"{plan.seed}:reviews")
        model = FindingModel(rng, parsed.values(), facts, plan.today)
        order, still_open = _review_order(facts, plan)
        writer = _ReviewWriter(db)
        reviewers = _reviewers(rng)
        origin = _origin(plan.today)
        for n, key in enumerate(order):
            index = key & ((1 << _INDEX_BITS) - 1)
            case = facts[index]
            checklist_id = checklist_ids.get(case.ip_type)
            if checklist_id is None:
                continue
            start = origin + datetime.timedelta(seconds=key >> _INDEX_BITS)
            drawing = _own_stream(case, plan.seed, "review") or rng
            reviewer = _reviewer_for(case, reviewers, drawing)
            writer.add_review(case, checklist_id, parsed[checklist_id], reviewer, start, model, drawing,
                              still_open=index in still_open)
            if writer.pending >= BATCH:
                cancel.check()
                writer.flush()
                progress(plan.cases + n + 1, plan.total_work, f"Reviews: {n + 1:,} of {plan.reviews:,}")
        cancel.check()
        writer.flush()
        # The generated cases and reviews, with their review time, covered by the chain at once.
        last = db.execute("SELECT MAX(at) FROM audit_log").fetchone()[0]     # generated time: same seed, same file
        chain.record_baseline(db, actor="demo", reason="demo data generated", at=last)
        progress(plan.total_work, plan.total_work, "Risk indicators")
        risk.refresh(db, cancel=cancel)      # before the round: a risk-based draw reads the scores
        drawn = in_round = 0
        if round_spec is not None:
            progress(plan.total_work, plan.total_work, f"Drawing round {round_spec.name}")
            drawn, in_round = _round(db, round_spec, plan, facts, parsed, model, reviewers, writer)
            cancel.check()
    progress(plan.total_work, plan.total_work, "Done")
    return DemoResult(len(facts), writer.reviews, writer.answers, writer.findings, writer.entries, drawn, in_round)


def _review_order(facts: list[CaseFacts], plan: _Plan) -> tuple[list[int], set[int]]:
    """The reviewed cases in the order their reviews start, each as (whole seconds from _origin to the
    start) << _INDEX_BITS | index: written in that order, the audit log runs forward in time, and one
    int a review keeps a million of them small. Also the indexes of the OPEN_SHARE still in progress.

    Cases are taken in random order, each with a review start drawn within REVIEW_LAG_DAYS of its
    import; a start after today means the case is not reviewed yet, and the next one is taken. So
    the latest decisions are the least reviewed, as in an office, and no day gets more than its
    share; only when more is asked for than is ready are the rest reviewed by today."""
    rng = random.Random(f"{plan.seed}:review-times")
    origin = _origin(plan.today)
    candidates = list(range(len(facts)))
    rng.shuffle(candidates)
    keys: list[int] = []
    later: list[int] = []
    for index in candidates:
        if len(keys) == plan.reviews:
            break
        drawing = _own_stream(facts[index], plan.seed, "start") or rng
        start = timeline.review_start(drawing, facts[index].decision_date, plan.today, by_today=False)
        if start is None:
            later.append(index)
        else:
            keys.append(int((start - origin).total_seconds()) << _INDEX_BITS | index)
    for index in later[:plan.reviews - len(keys)]:
        start = timeline.review_start(_own_stream(facts[index], plan.seed, "later") or rng,
                                      facts[index].decision_date, plan.today)
        assert start is not None
        keys.append(int((start - origin).total_seconds()) << _INDEX_BITS | index)
    keys.sort()
    still_open = max(1, round(OPEN_SHARE * len(keys))) if keys else 0
    mask = (1 << _INDEX_BITS) - 1
    return keys, {key & mask for key in keys[len(keys) - still_open:]}


def _origin(today: datetime.date) -> datetime.datetime:
    """Midnight (Beijing) before the first decision: every review starts after it."""
    return timeline.beijing(timeline.decision_window(today)[0], 0)


def _round(db: sqlite_utils.Database, spec: DemoRound, plan: _Plan, facts: list[CaseFacts],
           parsed: dict[int, Checklist], model: FindingModel, reviewers: list[Reviewer],
           writer: _ReviewWriter) -> tuple[int, int]:
    """Draw the round ROUND_DAYS before today over every case imported by then (reviewed ones included:
    the demo's population), share it among the demo's reviewers, and complete `spec.reviewed` of its
    open reviews, in the round, on the working days up to today."""
    from workbench.rounds import assignment, population, store

    first_day, _last_day = timeline.decision_window(plan.today)
    day = max(timeline.working_day_before(plan.today - datetime.timedelta(days=timeline.ROUND_DAYS)), first_day)
    plan.clock.move_to(timeline.beijing(day, 8 * 60 + 45))
    decided_to = timeline.imported_through(day, plan.today).isoformat()
    result = store.create_round(
        db, name=spec.name, plan=spec.plan, seed=plan.seed if spec.seed is None else spec.seed, actor="demo",
        filters=population.Filters(exclude_sampled=False, exclude_reviewed=False, decided_to=decided_to),
        reviewers=tuple(assignment.Reviewer(r.name) for r in reviewers))
    writer.resume()     # create_round extended the audit chain
    by_name = {r.name: r for r in reviewers}
    by_id = {f.id: f for f in facts}
    open_reviews = db.execute("SELECT id, case_id, checklist_id, reviewer FROM reviews WHERE round_id = ?"
                              " ORDER BY id", [result.id]).fetchall()
    rng = random.Random(f"{plan.seed}:round:{spec.name}")
    chosen = sorted(rng.sample(range(len(open_reviews)), round(len(open_reviews) * spec.reviewed)))
    days = timeline.working_days(day, plan.today)
    for n, index in enumerate(chosen):
        review_id, case_id, checklist_id, name = open_reviews[index]
        start = timeline.spread(n, len(chosen), days, rng)
        writer.add_review(by_id[case_id], checklist_id, parsed.get(checklist_id) or checklist_store.load_stored(
            db, checklist_id), by_name[name], start, model, rng, review_id=review_id)
        if writer.pending >= BATCH:
            writer.flush()
    writer.flush()
    return len(result.cases), len(chosen)


# -- cases ---------------------------------------------------------------------------------

def _insert_cases(db: sqlite_utils.Database, plan: _Plan, progress: Progress,
                  cancel: CancelToken) -> list[CaseFacts]:
    """The cases, each with the import of its decision month (see _MonthlyImports)."""
    imports = _MonthlyImports(db, plan)
    first_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone()[0] or 0) + 1
    facts: list[CaseFacts] = []
    batch: list[tuple[Any, ...]] = []
    cases = planted.plant(generate_cases(plan.cases, seed=plan.seed, today=plan.today), plan.cases,
                          seed=plan.seed, today=plan.today)
    for offset, case in enumerate(cases):
        case_id = first_id + offset
        batch.append((case_id, case.application_number, case.ip_type, case.title, case.applicant, case.examiner,
                      case.department, case.classification, case.procedure, case.decision,
                      case.filing_date.isoformat(), case.decision_date.isoformat(), imports.take(case.decision_date),
                      case.agent, case.applicant_type, case.abstract, case.nice_classes, case.use_shown,
                      f'{{"{planted.KEY}": "{case.planted}"}}' if case.planted else "{}"))
        facts.append(CaseFacts(case_id, case.ip_type, case.department, case.examiner, case.decision,
                               case.decision_date, bool(case.planted)))
        if len(batch) >= BATCH:
            cancel.check()
            _write_cases(db, batch)
            batch.clear()
            progress(offset + 1, plan.total_work, f"Cases: {offset + 1:,} of {plan.cases:,}")
    _write_cases(db, batch)
    imports.finish()
    return facts


class _MonthlyImports:
    """One import a month, as an office exports its closed cases: the month's decisions, imported on
    the first working day of the next month (the current month's on today, at 08:30 Beijing)."""

    def __init__(self, db: sqlite_utils.Database, plan: _Plan) -> None:
        self.db = db
        first_day, last_day = timeline.decision_window(plan.today)
        self.first_month = timeline.month_key(first_day)
        self.ids: list[int] = []
        self.counts: list[int] = []
        for key in range(self.first_month, timeline.month_key(last_day) + 1):
            month = datetime.date(key // 12, key % 12 + 1, 1)
            label = f"{month:%Y-%m}"
            at = timeline.beijing(timeline.import_day(month, plan.today), 8 * 60 + 30)
            self.ids.append(db.execute(
                "INSERT INTO imports (file_name, sha256, imported_at, mapping) VALUES (?, ?, ?, '{}')",
                [f"demo cases decided {label} (seed {plan.seed})",
                 hashlib.sha256(f"demo:{plan.cases}:{plan.seed}:{plan.today}:{label}".encode()).hexdigest(),
                 at.isoformat(timespec="microseconds")]).lastrowid)
            self.counts.append(0)

    def take(self, decided: datetime.date) -> int:
        """The import of a case decided on `decided` (counted)."""
        index = timeline.month_key(decided) - self.first_month
        self.counts[index] += 1
        return self.ids[index]

    def finish(self) -> None:
        """Record each import's count; a month without cases (a small demo) has no import."""
        for import_id, count in zip(self.ids, self.counts):
            if count:
                self.db.execute("UPDATE imports SET rows_read = ?, accepted = ? WHERE id = ?",
                                [count, count, import_id])
            else:
                self.db.execute("DELETE FROM imports WHERE id = ?", [import_id])


def _write_cases(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        db.conn.executemany(
            "INSERT INTO cases (id, application_number, ip_type, title, applicant, examiner, department,"
            " classification, procedure, decision, filing_date, decision_date, import_id, agent, applicant_type,"
            " abstract, nice_classes, use_shown, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)


# -- who reviews ---------------------------------------------------------------------------------

def _reviewers(rng: random.Random) -> list[Reviewer]:
    examiners = {name for names in EXAMINERS.values() for name in names}
    names: list[str] = []
    while len(names) < REVIEWERS:
        name = person_name(rng)
        if name not in examiners and name not in names:
            names.append(name)
    return [Reviewer(name, rng.uniform(0.75, 1.35), rng.uniform(0.8, 1.25)) for name in names]


def _own_stream(case: CaseFacts, seed: int, purpose: str) -> random.Random | None:
    """A planted case's own random stream (None for the others): planting changes no draw of the
    other cases' reviews, so the dip and the outlier stay as they were for a seed."""
    return random.Random(f"{seed}:planted:{purpose}:{case.id}") if case.planted else None


def _reviewer_for(case: CaseFacts, reviewers: list[Reviewer], rng: random.Random) -> Reviewer:
    return rng.choice(reviewers)


# -- writing reviews as the application writes them --------------------------------------------

def _iso(moment: datetime.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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


class _ReviewWriter:
    """Buffers reviews, answers and chained audit entries; flush() writes them in batches."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
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
               old: Any, new: Any) -> None:
        stamp, old_json, new_json = _iso(at), _json(old), _json(new)
        digest = chain.entry_hash(self.prev_hash, stamp, actor, entity, entity_id, case_id, action, old_json,
                                  new_json)
        self.audit_rows.append((stamp, actor, entity, entity_id, case_id, action, old_json, new_json,
                                chain.stored_hash(digest)))
        self.prev_hash = digest
        self.entries += 1

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
            self._audit(start, reviewer.name, "review", str(review_id), case.id, "open",
                        None, {"checklist_id": checklist_id, "reviewer": reviewer.name})
        steps, answers = self._steps(case, checklist, reviewer, model, rng, fate)
        active = _active_seconds(case, checklist, reviewer, answers, fate, rng)
        clock = self._write_answers(review_id, case, reviewer.name, steps, start, active, rng)
        result = assess(checklist, answers)
        if existing:    # an open review (a round's) is past the baseline: its time needs its own entry
            self._audit(clock, reviewer.name, "review", str(review_id), case.id, "time", None,
                        {"seconds": round(active, 1)})
        ending = self._finish(review_id, case, reviewer.name, fate, result.verdict, clock, rng)
        verdict = result.verdict if answers else None
        if existing:
            self.completed_rows.append((ending.status, verdict, result.score, round(active, 1), _iso(ending.clock),
                                        ending.completed_at, ending.signed_at, ending.signed_by, review_id))
        else:
            self.review_rows.append((review_id, case.id, checklist_id, reviewer.name, ending.status, verdict,
                                     result.score, round(active, 1), _iso(start), _iso(ending.clock),
                                     ending.completed_at, ending.signed_at, ending.signed_by))
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
                self._audit(clock, name, "answer", entity_id, case.id, "answer", None, _answer_json(changed_from))
                clock += datetime.timedelta(seconds=rng.uniform(20, 200))
            self._audit(clock, name, "answer", entity_id, case.id, "answer",
                        _answer_json(changed_from) if changed_from else None, _answer_json(given))
            self.answer_rows.append((review_id, item.id, given.answer, given.outcome, given.severity,
                                     given.category, given.comment, _iso(clock)))
        return clock

    def _finish(self, review_id: int, case: CaseFacts, name: str, fate: str, verdict: str,
                clock: datetime.datetime, rng: random.Random) -> _Ending:
        """Completion and sign-off as the fate says, each with its audit entry."""
        ending = _Ending("in_progress" if fate == "in_progress" else "completed", clock)
        if fate != "in_progress":
            clock += datetime.timedelta(seconds=rng.uniform(10, 90))
            ending.completed_at, ending.clock = _iso(clock), clock
            self._audit(clock, name, "review", str(review_id), case.id, "complete",
                        {"status": "in_progress"}, {"status": "completed", "verdict": verdict})
        if fate == "signed_off":
            clock += datetime.timedelta(seconds=rng.uniform(30, 600))
            ending.status, ending.signed_at, ending.signed_by, ending.clock = "signed_off", _iso(clock), name, clock
            self._audit(clock, name, "review", str(review_id), case.id, "sign_off",
                        {"status": "completed"}, {"status": "signed_off", "verdict": verdict})
        return ending

    def _answers(self, case: CaseFacts, checklist: Checklist, reviewer: Reviewer, model: FindingModel,
                 rng: random.Random, answers: dict[str, Answer]) -> Iterator[_Step]:
        """Each shown item's answer in checklist order (a condition sees the answers before it)."""
        given_codes: dict[str, str] = {}
        factor = model.factor(case, reviewer)
        planted = model.planted_item.get(checklist.template_id) if model.planted_error(case) else None
        planted = planted or model.missed_abnormal(case, checklist, rng)
        for item in checklist.items:
            if item.condition is not None and given_codes.get(item.condition.item) not in item.condition.answers:
                continue
            changed_from = None
            if item.id == planted:
                code, severity, category, comment = finding(item, rng, major=True)
                answer = Answer(item.id, code, "fail", severity, category, comment)
            elif not_applicable(item, case, rng):
                option = item.option_for_outcome("na")
                answer = Answer(item.id, option.code, "na")
            elif item.can_fail and rng.random() < model.fail_rate(checklist, item, factor):
                code, severity, category, comment = finding(item, rng)
                answer = Answer(item.id, code, "fail", severity, category, comment)
                passing = item.option_for_outcome("pass")
                if passing is not None and rng.random() < 0.08:
                    changed_from = Answer(item.id, passing.code, "pass")
            else:
                option = item.option_for_outcome("pass") or item.options[0]
                answer = Answer(item.id, option.code, option.outcome)
            given_codes[item.id] = answer.answer
            answers[item.id] = answer
            yield item, answer, changed_from

    def flush(self) -> None:
        conn = self.db.conn
        if self.review_rows:
            conn.executemany(
                "INSERT INTO reviews (id, case_id, checklist_id, reviewer, status, verdict, score, active_seconds,"
                " created_at, updated_at, completed_at, signed_off_at, signed_off_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.review_rows)
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
