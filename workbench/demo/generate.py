"""`python main.py demo`: a realistic demo workspace, for trainers, benchmarks and screenshots.

Cases come from workbench.demo.data; a share of them is reviewed against the built-in
checklists with findings distributed as quality offices report them: most cases are
compliant, and the findings that exist concentrate in a few checklist items (inventive
step reasoning, claim clarity, the prior-mark search...) and in a few departments and
examiners. Reviews are written exactly as the application writes them (answers, verdict,
score, active time, and the hash-chained audit entries), so `verify` finds the workspace
intact. The same arguments always give the same cases, reviews and answers.

Everything is inserted in batches inside one transaction: cancelling, or a failure, leaves
the workspace as it was.
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
from workbench.demo.data import EXAMINERS, generate_cases, person_name
from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
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
# Reviews start on this (fixed, so the demo is reproducible) Monday, 09:00 Beijing time.
REVIEW_START = datetime.datetime(2026, 1, 5, 1, 0, tzinfo=datetime.timezone.utc)
REVIEWS_PER_REVIEWER_DAY = 12

# Expected findings per review before department and examiner factors: with the
# severity mix below, about three cases in four come out compliant.
FINDINGS_PER_REVIEW = 0.33
SEVERITY_WEIGHTS = {"critical": 4, "major": 30, "minor": 46, "advisory": 20}

# Where real quality checks find most errors, by checklist item (relative weights).
# Items of other templates get a seeded long tail.
HOT_ITEMS = {
    "inventive-step": 10, "inventive-step-three-step": 9, "claims-clarity": 6, "search-closest-prior-art": 6,
    "objection-basis": 5, "claims-support": 4, "common-general-knowledge": 4, "novelty": 3,
    "um-claims": 8, "um-notice-wording": 6, "um-obvious-novelty": 5, "um-disclosure": 4, "um-drawings": 3,
    "design-views": 8, "design-brief-description": 6, "design-product-name-class": 5, "design-existing-design": 3,
    "tm-similarity-judgment": 10, "tm-prior-mark-search": 7, "tm-goods-classification": 6,
    "tm-notice-content": 5, "tm-distinctiveness": 4,
}
# Items that often do not apply to a case.
OFTEN_NA = ("priority", "amendment", "double-patenting", "conflicting", "partial-gui", "similar-designs",
            "functional-shape", "geographical", "lapsed", "place-names", "agency-own", "applicant-response",
            "unity", "batch-copied", "abnormal-application")

AMBIGUOUS = ("不清楚", "得不到说明书的支持", "缺乏新颖性", "缺乏创造性", "缺少必要技术特征")
COMMENTS = {
    "omitted_objection": ("权利要求{n}{defect}，审查意见通知书未指出。", "应指出权利要求{n}{defect}而未指出。"),
    "improper_objection": ("通知书认定权利要求{n}{defect}，理由不能成立。", "对权利要求{n}的审查意见不当，应予纠正。"),
    "insufficient_reasoning": ("创造性评述未认定区别技术特征及其实际解决的技术问题。",
                               "认定为公知常识但未给出理由或证据。", "审查意见说理不充分，未结合权利要求{n}逐一评述。"),
    "wrong_evidence": ("对比文件D{k}的公开日晚于申请日，不能作为现有技术。", "对比文件D{k}未公开权利要求{n}的区别特征。"),
    "search_deficiency": ("检索式未覆盖独立权利要求{n}的全部技术特征。", "复核检索发现更接近的X类文件，原检索不充分。"),
    "procedural_error": ("驳回前未给予申请人针对该事实的陈述意见的机会。", "未审查申请人意见陈述中提交的修改文本。"),
    "notice_wording": ("通知书未写明所依据的法律条款。", "通知书表述有歧义，申请人难以理解。"),
    "decision_error": ("审查结论与审查意见不一致。",),
    "formality_error": ("简要说明未写明设计要点。", "费用缴纳情况未核实。", "产品名称与视图不一致。"),
    "omitted_refusal": ("与在先商标第{reg}号构成类似商品上的近似商标，应予驳回而未驳回。",),
    "improper_refusal": ("引证商标第{reg}号已失效，驳回理由不成立。", "商标整体具有显著性，以第十一条驳回不当。"),
    "classification_error": ("商品名称不规范，类似群划分错误。",),
}
ADVISORY_COMMENTS = ("建议：通知书可进一步精简。", "建议：补充检索记录。", "提示：格式不统一，不影响结论。")


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


def build_demo(db: sqlite_utils.Database, *, cases: int, reviewed: float, seed: int, path: str = "",
               round_spec: DemoRound | None = None,
               progress: Progress = no_progress, cancel: CancelToken | None = None) -> DemoResult:
    """Fill an empty workspace with `cases` generated cases, `reviewed` (0-1) of them reviewed; with
    `round_spec`, then draw that round (over every case, reviewed or not) and review its share of it."""
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
    # The indexes of the audit log and the cases take keys in random order; a large page
    # cache for the bulk insert keeps them in memory instead of re-reading pages.
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -262144")
    try:
        return _build(db, cases, review_count, seed, total_work, progress, cancel, round_spec)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _fraction(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and 0 <= value <= 1)


def _build(db: sqlite_utils.Database, cases: int, review_count: int, seed: int, total_work: int,
           progress: Progress, cancel: CancelToken, round_spec: DemoRound | None) -> DemoResult:
    with db.atomic():
        checklist_store.install_builtins(db)
        checklist_ids = {ip: checklist_store.checklist_for(db, ip) for ip in checklists.IP_TYPES}
        parsed = {cid: checklist_store.load_stored(db, cid) for cid in set(checklist_ids.values()) if cid is not None}
        facts = _insert_cases(db, cases, seed, progress, cancel, total_work)
        rng = random.Random(f"{seed}:reviews")
        model = _FindingModel(rng, parsed.values(), facts)
        chosen = sorted(rng.sample(range(len(facts)), review_count))
        rng.shuffle(chosen)     # reviewed in sampled order, not in filing order
        writer = _ReviewWriter(db)
        reviewers = _reviewers(rng)
        per_day = REVIEWERS * REVIEWS_PER_REVIEWER_DAY
        for n, index in enumerate(chosen):
            case = facts[index]
            checklist_id = checklist_ids.get(case.ip_type)
            if checklist_id is None:
                continue
            start = _work_time(n, per_day, rng)
            reviewer = _reviewer_for(case, reviewers, rng)
            writer.add_review(case, checklist_id, parsed[checklist_id], reviewer, start, model, rng)
            if writer.pending >= BATCH:
                cancel.check()
                writer.flush()
                progress(cases + n + 1, total_work, f"Reviews: {n + 1:,} of {review_count:,}")
        cancel.check()
        writer.flush()
        # The generated cases and reviews, with their review time, covered by the chain at once.
        last = db.execute("SELECT MAX(at) FROM audit_log").fetchone()[0]     # generated time: same seed, same file
        chain.record_baseline(db, actor="demo", reason="demo data generated", at=last)
        drawn = in_round = 0
        if round_spec is not None:
            progress(total_work, total_work, f"Drawing round {round_spec.name}")
            drawn, in_round = _round(db, round_spec, seed, review_count, facts, parsed, model, reviewers, writer)
            cancel.check()
    progress(total_work, total_work, "Done")
    return DemoResult(len(facts), writer.reviews, writer.answers, writer.findings, writer.entries, drawn, in_round)


def _round(db: sqlite_utils.Database, spec: DemoRound, seed: int, done: int, facts: list[_CaseFacts],
           parsed: dict[int, Checklist], model: _FindingModel, reviewers: list[_Reviewer],
           writer: _ReviewWriter) -> tuple[int, int]:
    """Draw the round over every case (reviewed ones included: the demo's population), share it among
    the demo's reviewers, and complete `spec.reviewed` of its open reviews, in the round."""
    from workbench.rounds import assignment, population, store

    result = store.create_round(
        db, name=spec.name, filters=population.Filters(exclude_sampled=False, exclude_reviewed=False),
        plan=spec.plan, seed=seed if spec.seed is None else spec.seed, actor="demo",
        reviewers=tuple(assignment.Reviewer(r.name) for r in reviewers))
    writer.resume()     # create_round extended the audit chain
    by_name = {r.name: r for r in reviewers}
    by_id = {f.id: f for f in facts}
    open_reviews = db.execute("SELECT id, case_id, checklist_id, reviewer FROM reviews WHERE round_id = ?"
                              " ORDER BY id", [result.id]).fetchall()
    rng = random.Random(f"{seed}:round:{spec.name}")
    chosen = sorted(rng.sample(range(len(open_reviews)), round(len(open_reviews) * spec.reviewed)))
    per_day = REVIEWERS * REVIEWS_PER_REVIEWER_DAY
    for n, index in enumerate(chosen):
        review_id, case_id, checklist_id, name = open_reviews[index]
        writer.add_review(by_id[case_id], checklist_id, parsed.get(checklist_id) or checklist_store.load_stored(
            db, checklist_id), by_name[name], _work_time(done + n, per_day, rng), model, rng, review_id=review_id)
        if writer.pending >= BATCH:
            writer.flush()
    writer.flush()
    return len(result.cases), len(chosen)


# -- cases ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _CaseFacts:
    id: int
    ip_type: str
    department: str
    examiner: str
    decision: str
    decision_date: datetime.date


def _insert_cases(db: sqlite_utils.Database, count: int, seed: int, progress: Progress, cancel: CancelToken,
                  total_work: int) -> list[_CaseFacts]:
    now = chain.now_iso()
    import_id = db.execute(
        "INSERT INTO imports (file_name, sha256, imported_at, mapping, rows_read, accepted)"
        " VALUES (?, ?, ?, '{}', ?, ?)",
        [f"demo (cases {count}, seed {seed})", hashlib.sha256(f"demo:{count}:{seed}".encode()).hexdigest(), now,
         count, count]).lastrowid
    first_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone()[0] or 0) + 1
    facts: list[_CaseFacts] = []
    batch: list[tuple[Any, ...]] = []
    for offset, case in enumerate(generate_cases(count, seed=seed)):
        case_id = first_id + offset
        batch.append((case_id, case.application_number, case.ip_type, case.title, case.applicant, case.examiner,
                      case.department, case.classification, case.procedure, case.decision,
                      case.filing_date.isoformat(), case.decision_date.isoformat(), import_id))
        facts.append(_CaseFacts(case_id, case.ip_type, case.department, case.examiner, case.decision,
                                case.decision_date))
        if len(batch) >= BATCH:
            cancel.check()
            _write_cases(db, batch)
            batch.clear()
            progress(offset + 1, total_work, f"Cases: {offset + 1:,} of {count:,}")
    _write_cases(db, batch)
    return facts


def _write_cases(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        db.conn.executemany(
            "INSERT INTO cases (id, application_number, ip_type, title, applicant, examiner, department,"
            " classification, procedure, decision, filing_date, decision_date, import_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


# -- who reviews, and when ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Reviewer:
    name: str
    speed: float        # multiplies the time a review takes
    strictness: float   # multiplies the findings they record


def _reviewers(rng: random.Random) -> list[_Reviewer]:
    examiners = {name for names in EXAMINERS.values() for name in names}
    names: list[str] = []
    while len(names) < REVIEWERS:
        name = person_name(rng)
        if name not in examiners and name not in names:
            names.append(name)
    return [_Reviewer(name, rng.uniform(0.75, 1.35), rng.uniform(0.8, 1.25)) for name in names]


def _reviewer_for(case: _CaseFacts, reviewers: list[_Reviewer], rng: random.Random) -> _Reviewer:
    return rng.choice(reviewers)


def _work_time(n: int, per_day: int, rng: random.Random) -> datetime.datetime:
    """The n-th review starts on working day n // per_day, spread over the working hours."""
    day, slot = divmod(n, per_day)
    weeks, weekday = divmod(day, 5)
    date = REVIEW_START + datetime.timedelta(days=weeks * 7 + weekday)
    minutes = (slot / per_day) * 8 * 60 + rng.uniform(0, 20)
    return date + datetime.timedelta(minutes=minutes)


# -- where findings fall ---------------------------------------------------------------------

class _FindingModel:
    """Per-item fail rates (concentrated in a few items), and department and examiner factors."""

    def __init__(self, rng: random.Random, templates: Any, facts: list[_CaseFacts]) -> None:
        self.rates: dict[tuple[str, str], float] = {}
        for checklist in templates:
            self._item_rates(rng, checklist)
        departments = sorted({f.department for f in facts})
        # A couple of departments account for a large share of the errors.
        troubled = set(rng.sample(departments, min(2, len(departments))))
        self.department = {d: (rng.uniform(1.8, 2.4) if d in troubled else rng.uniform(0.55, 1.1))
                           for d in departments}
        examiners = sorted({f.examiner for f in facts})
        self.examiner = {e: (rng.uniform(1.6, 2.4) if rng.random() < 0.12 else rng.uniform(0.7, 1.1))
                         for e in examiners}

    def _item_rates(self, rng: random.Random, checklist: Checklist) -> None:
        items = list(checklist.items)
        tail = [i for i in items if i.id not in HOT_ITEMS]
        rng.shuffle(tail)
        weights = {i.id: float(HOT_ITEMS[i.id]) for i in items if i.id in HOT_ITEMS}
        for rank, item in enumerate(tail, start=1):
            weights[item.id] = 2.5 / rank ** 1.2        # a long, thin tail
        for item in items:
            if item.auto_fail:
                weights[item.id] = 0.15                  # a wrong conclusion is rare
        total = sum(weights.values()) or 1.0
        for item in items:
            self.rates[(checklist.template_id, item.id)] = FINDINGS_PER_REVIEW * weights[item.id] / total

    def fail_rate(self, checklist: Checklist, item: Item, case: _CaseFacts, reviewer: _Reviewer) -> float:
        rate = self.rates.get((checklist.template_id, item.id), 0.0)
        return min(0.9, rate * self.department.get(case.department, 1.0) * self.examiner.get(case.examiner, 1.0)
                   * reviewer.strictness)


def _not_applicable(item: Item, case: _CaseFacts, rng: random.Random) -> bool:
    if "na" not in item.answers and not any(o.outcome == "na" for o in item.options):
        return False
    if item.id == "grant-text":
        return case.decision != "授权"
    if item.id == "tm-refusal-scope":
        return case.decision != "部分驳回"
    if any(word in item.id for word in OFTEN_NA):
        return rng.random() < 0.45
    return rng.random() < 0.02


def _finding(item: Item, rng: random.Random) -> tuple[str, str | None, str, str]:
    """A failing answer: option code, severity, category, comment."""
    options = [o for o in item.options if o.outcome == "fail"]
    option = rng.choices(options, [3 if o.severity in (None, "minor") else 1 for o in options])[0]
    severity = option.severity
    if severity is None:
        allowed = list(item.severities)
        severity = rng.choices(allowed, [SEVERITY_WEIGHTS[s] for s in allowed])[0]
    category = rng.choices(item.categories, [1 / (1 + i) for i in range(len(item.categories))])[0]
    if severity == "advisory":
        comment = rng.choice(ADVISORY_COMMENTS)
    else:
        texts = COMMENTS.get(category, ("见审查记录。",))
        comment = rng.choice(texts).format(n=rng.randint(1, 12), k=rng.randint(1, 4), defect=rng.choice(AMBIGUOUS),
                                           reg=rng.randint(10_000_000, 69_999_999))
    return option.code, severity, category, comment


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


def _active_seconds(case: _CaseFacts, checklist: Checklist, reviewer: _Reviewer, answers: dict[str, Answer],
                    fate: str, rng: random.Random) -> float:
    """Active time: the IP type's usual minutes at the reviewer's speed, more per finding; a review in
    progress has spent its share so far."""
    findings = sum(1 for a in answers.values() if a.outcome == "fail")
    active = rng.lognormvariate(math.log(_REVIEW_MINUTES[case.ip_type] * 60 * reviewer.speed), 0.35) + 150 * findings
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
        last = self.db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        self.prev_hash = last[0] if last else chain.GENESIS

    @property
    def pending(self) -> int:
        return len(self.audit_rows)

    def _audit(self, at: datetime.datetime, actor: str, entity: str, entity_id: str, case_id: int, action: str,
               old: Any, new: Any) -> None:
        stamp, old_json, new_json = _iso(at), _json(old), _json(new)
        digest = chain.entry_hash(self.prev_hash, stamp, actor, entity, entity_id, case_id, action, old_json,
                                  new_json)
        self.audit_rows.append((stamp, actor, entity, entity_id, case_id, action, old_json, new_json,
                                self.prev_hash, digest))
        self.prev_hash = digest
        self.entries += 1

    def add_review(self, case: _CaseFacts, checklist_id: int, checklist: Checklist, reviewer: _Reviewer,
                   start: datetime.datetime, model: _FindingModel, rng: random.Random,
                   review_id: int | None = None) -> None:
        """A new review, or (review_id) the completion of an open one, e.g. a round's.

        The random draws happen in one fixed order (fate, answers, time, each step, completion,
        sign-off): the same seed must give the same workspace."""
        existing = review_id is not None
        if review_id is None:
            review_id = self.next_review
            self.next_review += 1
        # Of the reviews started: most are signed off, some completed, a few still in progress.
        # An open review being completed is finished (completed or signed off).
        fate = rng.choices(("signed_off", "completed", "in_progress"), (70, 22, 0 if existing else 8))[0]
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

    def _steps(self, case: _CaseFacts, checklist: Checklist, reviewer: _Reviewer, model: _FindingModel,
               rng: random.Random, fate: str) -> tuple[list[_Step], dict[str, Answer]]:
        """The answers given, in order; a review still in progress stops part of the way."""
        answers: dict[str, Answer] = {}
        steps = list(self._answers(case, checklist, reviewer, model, rng, answers))
        if fate == "in_progress":
            steps = steps[:rng.randint(1, max(1, len(steps) - 1))]
            answers = {item.id: given for item, given, _ in steps}
        return steps, answers

    def _write_answers(self, review_id: int, case: _CaseFacts, name: str, steps: list[_Step],
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

    def _finish(self, review_id: int, case: _CaseFacts, name: str, fate: str, verdict: str,
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

    def _answers(self, case: _CaseFacts, checklist: Checklist, reviewer: _Reviewer, model: _FindingModel,
                 rng: random.Random, answers: dict[str, Answer]) -> Iterator[_Step]:
        """Each shown item's answer in checklist order (a condition sees the answers before it)."""
        given_codes: dict[str, str] = {}
        for item in checklist.items:
            if item.condition is not None and given_codes.get(item.condition.item) not in item.condition.answers:
                continue
            changed_from = None
            if _not_applicable(item, case, rng):
                option = item.option_for_outcome("na")
                answer = Answer(item.id, option.code, "na")
            elif item.can_fail and rng.random() < model.fail_rate(checklist, item, case, reviewer):
                code, severity, category, comment = _finding(item, rng)
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
            conn.executemany(
                "INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, old_value, new_value,"
                " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.audit_rows)
        self.review_rows.clear()
        self.completed_rows.clear()
        self.answer_rows.clear()
        self.audit_rows.clear()


def _answer_json(answer: Answer) -> dict[str, Any]:
    return {"answer": answer.answer, "severity": answer.severity, "category": answer.category,
            "comment": answer.comment}
