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
workspace as it was; when the demo's connection is the workspace's only one, that transaction goes
through a rollback journal instead of the write-ahead log (db.bulk.rollback_journal). Two per-row
triggers are set aside for the bulk inserts and put back after them in the same transaction: the
quick-search index is built once (FTS5 rebuild) and each case's latest review chosen at once, the
same rows the triggers would have written. `timings` (demo --timings,
bench/bench_demo.py) receives each phase's seconds.
"""
from __future__ import annotations

import datetime
import hashlib
import math
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from db.bulk import build_again, rollback_journal, set_indexes_aside
from workbench.audit import chain
from workbench.review import checklist_store
from workbench.review import checklists
from workbench.review.checklists import Checklist
from workbench.demo import baseline, draws, planted, timeline
from workbench.demo.data import EXAMINERS, generate_cases, person_name
from workbench.demo.findings import CaseFacts, FindingModel, Reviewer
from workbench.demo.timeline import REFERENCE_TODAY, DemoClock
from workbench.demo.writer import ReviewWriter
from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
from workbench import risk

register({
    "demo.not_empty": "The workspace {path} already holds {count} cases; build the demo in a new workspace "
                      "(--db NEW.sqlite3).",
    "demo.bad_count": "--cases must be between 1 and {limit}, not {value}.",
    "demo.bad_fraction": "--reviewed must be a fraction between 0 and 1 (e.g. 0.2), not {value}.",
    "demo.bad_round_fraction": "--round-reviewed must be a fraction between 0 and 1 (e.g. 0.8), not {value}.",
})

MAX_CASES = 1_000_000
#: The page cache during the demo, in KiB (its bulk inserts and index builds; the default is 2 MB).
CACHE_KIB = 262_144
BATCH = 5000
REVIEWERS = 8
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
               progress: Progress = no_progress, cancel: CancelToken | None = None,
               timings: Timings | None = None) -> DemoResult:
    """Fill an empty workspace with `cases` generated cases decided in the 24 months before `today`,
    `reviewed` (0-1) of them reviewed; with `round_spec`, then draw that round (over every case imported
    by its day, reviewed or not) and review its share of it. `timings` receives each phase's seconds."""
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
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        # Written alone, the new workspace goes through the disk once (db.bulk.rollback_journal).
        with chain.use_clock(clock.now), rollback_journal(db.conn):
            return _build(db, _Plan(cases, review_count, seed, today, total_work, clock), progress, cancel,
                          round_spec, timings or Timings())
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


class Timings:
    """Seconds spent in each phase of the demo, in the order they began (for --timings and the bench)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        self.seconds.setdefault(name, 0.0)      # listed in the order the phases begin
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def _build(db: sqlite_utils.Database, plan: _Plan, progress: Progress, cancel: CancelToken,
           round_spec: DemoRound | None, timings: Timings) -> DemoResult:
    with timings.phase("total"), db.atomic():
        checklist_store.install_builtins(db)
        checklist_ids = {ip: checklist_store.checklist_for(db, ip) for ip in checklists.IP_TYPES}
        parsed = {cid: checklist_store.load_stored(db, cid) for cid in set(checklist_ids.values()) if cid is not None}
        with _indexes_off(db, _BULK_TABLES, timings):
            with timings.phase("cases"):
                facts = _insert_cases(db, plan, progress, cancel, timings)
            rng = draws.Random(f"{plan.seed}:reviews")
            model = FindingModel(rng, parsed.values(), facts, plan.today)
            with timings.phase("review order"):
                order, still_open = _review_order(facts, plan)
            writer = ReviewWriter(db, timeline.end_of(plan.today))
            reviewers = _reviewers(rng)
            with timings.phase("reviews"), _trigger_off(db, _LATEST_TRIGGER, _LATEST_REVIEWS, "reviews: latest",
                                                        timings):
                _write_reviews(order, still_open, facts, checklist_ids, parsed, model, reviewers, rng, writer, plan,
                               progress, cancel, timings)
        with timings.phase("audit baseline"):
            # The generated cases and reviews, with their review time, covered by the chain at once.
            baseline.record_baseline(db, actor="demo", reason="demo data generated", at=writer.latest)
        progress(plan.total_work, plan.total_work, "Risk indicators")
        with timings.phase("risk refresh"):
            risk.refresh(db, cancel=cancel)      # before the round: a risk-based draw reads the scores
        drawn = in_round = 0
        if round_spec is not None:
            progress(plan.total_work, plan.total_work, f"Drawing round {round_spec.name}")
            with timings.phase("round"):
                drawn, in_round = _round(db, round_spec, plan, facts, parsed, model, reviewers, writer)
            cancel.check()
        committing = time.perf_counter()
    timings.seconds["commit"] = time.perf_counter() - committing
    progress(plan.total_work, plan.total_work, "Done")
    return DemoResult(len(facts), writer.reviews, writer.answers, writer.findings, writer.entries, drawn, in_round)


def _write_reviews(order: list[int], still_open: set[int], facts: list[CaseFacts], checklist_ids: dict[str, Any],
                   parsed: dict[int, Checklist], model: FindingModel, reviewers: list[Reviewer], rng: random.Random,
                   writer: ReviewWriter, plan: _Plan, progress: Progress, cancel: CancelToken,
                   timings: Timings) -> None:
    """The regular reviews, in the order they start (so the audit log runs forward in time)."""
    origin = _origin(plan.today)
    mask = (1 << _INDEX_BITS) - 1
    for n, key in enumerate(order):
        index = key & mask
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
            with timings.phase("reviews: written"):
                writer.flush()
            progress(plan.cases + n + 1, plan.total_work, f"Reviews: {n + 1:,} of {plan.reviews:,}")
    cancel.check()
    with timings.phase("reviews: written"):
        writer.flush()


def _review_order(facts: list[CaseFacts], plan: _Plan) -> tuple[list[int], set[int]]:
    """The reviewed cases in the order their reviews start, each as (whole seconds from _origin to the
    start) << _INDEX_BITS | index: written in that order, the audit log runs forward in time, and one
    int a review keeps a million of them small. Also the indexes of the OPEN_SHARE still in progress.

    Cases are taken in random order, each with a review start drawn within REVIEW_LAG_DAYS of its
    import; a start after today means the case is not reviewed yet, and the next one is taken. So
    the latest decisions are the least reviewed, as in an office, and no day gets more than its
    share; only when more is asked for than is ready are the rest reviewed by today."""
    rng = draws.Random(f"{plan.seed}:review-times")
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
           writer: ReviewWriter) -> tuple[int, int]:
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

#: The trigger that adds each new case to the quick-search index, and the one that keeps each case's
#: latest review (db/migrations); the demo fills both at once after its bulk inserts.
_SEARCH_TRIGGER = "cases_fts_insert"
_LATEST_TRIGGER = "latest_reviews_insert"
# What the latest-review trigger selects for one case, for every case at once: the first by its order.
_LATEST_REVIEWS = """
INSERT INTO latest_reviews (case_id, review_id, status, verdict)
SELECT case_id, id, status, verdict FROM (
    SELECT case_id, id, status, verdict, row_number() OVER (PARTITION BY case_id
        ORDER BY status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC) AS rank
    FROM reviews WHERE role != 'calibration')
WHERE rank = 1"""


@contextmanager
def _trigger_off(db: sqlite_utils.Database, name: str, then: str, phase: str, timings: Timings) -> Iterator[None]:
    """Without the row-by-row trigger `name` inside the block, then `then` for all the rows at once and
    the trigger back (the same result: on a failure the transaction's rollback brings the trigger back)."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]).fetchone()
    if row is not None:
        db.execute(f"DROP TRIGGER {name}")
    yield
    if row is not None:
        with timings.phase(phase):
            db.execute(then)
        db.execute(row[0])


#: The tables the demo fills in bulk: their secondary indexes are set aside meanwhile and built again
#: after (one sort each instead of a million inserts at random places, which at a million cases no
#: longer fit the page cache); the unique ones (application numbers, answers' keys) stay and check.
_BULK_TABLES = ("cases", "reviews", "audit_log")


@contextmanager
def _indexes_off(db: sqlite_utils.Database, tables: tuple[str, ...], timings: Timings) -> Iterator[None]:
    """Without the secondary indexes of `tables` inside the block (the unique ones stay: they refuse
    a duplicate), then each built again from its own SQL (on a failure the transaction's rollback
    brings them back)."""
    indexes = set_indexes_aside(db, tables, unique=False)
    yield
    with timings.phase("indexes"):
        build_again(db, indexes)


def _insert_cases(db: sqlite_utils.Database, plan: _Plan, progress: Progress,
                  cancel: CancelToken, timings: Timings) -> list[CaseFacts]:
    """The cases, each with the import of its decision month (see _MonthlyImports)."""
    # FTS5's rebuild indexes every case (there were none before) at once.
    with _trigger_off(db, _SEARCH_TRIGGER, "INSERT INTO cases_fts (cases_fts) VALUES ('rebuild')",
                      "cases: search index", timings):
        return _insert_case_rows(db, plan, progress, cancel, timings)


def _insert_case_rows(db: sqlite_utils.Database, plan: _Plan, progress: Progress,
                      cancel: CancelToken, timings: Timings) -> list[CaseFacts]:
    imports = _MonthlyImports(db, plan)
    first_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone()[0] or 0) + 1
    facts: list[CaseFacts] = []
    days: dict[datetime.date, datetime.date] = {}       # one date object a day for the million facts
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
                               days.setdefault(case.decision_date, case.decision_date), bool(case.planted)))
        if len(batch) >= BATCH:
            cancel.check()
            with timings.phase("cases: written"):
                _write_cases(db, batch)
            batch.clear()
            progress(offset + 1, plan.total_work, f"Cases: {offset + 1:,} of {plan.cases:,}")
    with timings.phase("cases: written"):
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
