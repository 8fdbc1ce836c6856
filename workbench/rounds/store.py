"""Review rounds stored: creating a round, reading it back, drawing it again, and moving its
cases between reviewers.

Creating a round: filters -> population in application-number order (rounds.population) ->
plan, sample size and per-stratum allocation -> seeded draw (rounds.sampling_plan, rounds.draw)
-> assignment to reviewers (rounds.assignment) -> one transaction with audit entries. What is
stored (filters, plan, seed and a digest of the population) is enough to draw the same sample
again, in this workspace or in another one holding the same cases: the draw depends only on
the application numbers and field values of the population, never on row ids or import order.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import sqlite_utils

from workbench.audit import chain
from workbench.review import checklist_store
from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.importing.identifiers import parse_application_number
from workbench.rounds.assignment import Reviewer, check_effort, check_reviewers, plan_assignment
from workbench.rounds.draw import same_person
from workbench.rounds.population import Filters, Population, PopulationCase, load_population, population_digest
from workbench.rounds.sampling_plan import Design, Draw, Plan, check_seed, coverage_warning, draw, random_seed

register({
    "rounds.name": "A round needs a name of 1 to {limit} characters.",
    "rounds.name_taken": "There is already a round named {name!r}; choose another name.",
    "rounds.unknown": "There is no round named {name!r}.",
    "rounds.unknown_checklist": "There is no checklist with id {checklist_id} (given for {ip_type}).",
    "rounds.not_in_round": "Case {case} is not in round {name!r}.",
    "rounds.own_case": "Case {case} was examined by {examiner}, so {reviewer} cannot review it.",
    "rounds.cap_reached": "Reviewer {reviewer} already has {count} cases, their cap in round {name!r}.",
    "rounds.review_done": "The review of case {case} is {status}; reopen it before reassigning the case.",
    "rounds.unassigned": "Round {name!r} has no unassigned cases.",
    "rounds.unknown_case": "There is no case with application number {case}.",
})

NAME_LIMIT = 120
DONE_STATUSES = ("completed", "signed_off")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class ChecklistRef:
    id: int
    template_id: str
    version: int


@dataclass(frozen=True)
class RoundCase:
    case_id: int
    application_number: str
    ip_type: str
    examiner: str
    stratum: str | None
    draw_order: int
    reviewer: str | None
    inclusion_probability: float | None = None   # None: drawn before schema 10


@dataclass(frozen=True)
class RoundResult:
    id: int
    name: str
    seed: int
    seed_source: str                      # given or random
    filters: Filters
    plan: Plan
    matching: int
    excluded: int                         # left out as drawn in an earlier round
    design: Design
    cases: tuple[RoundCase, ...]          # in draw order
    reviewers: tuple[Reviewer, ...]
    checklists: Mapping[str, ChecklistRef] = field(default_factory=dict)
    excluded_reviewed: int = 0            # left out as already reviewed

    def loads(self) -> dict[str, int]:
        """Cases per reviewer, in the order reviewers were given."""
        counts = {r.name: 0 for r in self.reviewers}
        for case in self.cases:
            if case.reviewer is not None:
                counts[case.reviewer] = counts.get(case.reviewer, 0) + 1
        return counts

    def as_json(self) -> dict[str, Any]:
        loads = self.loads()
        return {
            "round": self.name,
            "round_id": self.id,
            "seed": self.seed,
            "seed_source": self.seed_source,
            "filters": self.filters.as_json(),
            "matching": self.matching,
            "excluded": self.excluded,
            "excluded_reviewed": self.excluded_reviewed,
            "left_out": {"drawn_in_earlier_round": self.excluded, "already_reviewed": self.excluded_reviewed},
            "population": self.design.population,
            "plan": {**self.plan.as_json(), "sample_size": self.design.size,
                     "unadjusted_size": self.design.unadjusted_size,
                     "raised_for_minimum": self.design.raised_for_minimum},
            "strata": [s.as_json() for s in self.design.strata],
            "uncovered_strata": [{"stratum": s.name, "population": s.population,
                                  "share": s.population / self.design.population} for s in self.design.uncovered()],
            "warnings": [w for w in (coverage_warning(self.design),) if w],
            "reviewers": [{**r.as_json(), "assigned": loads.get(r.name, 0)} for r in self.reviewers],
            "checklists": {k: {"id": v.id, "template_id": v.template_id, "version": v.version}
                           for k, v in sorted(self.checklists.items())},
            "application_numbers": [c.application_number for c in self.cases],
            "inclusion_probabilities": probability_summary(
                [c.inclusion_probability for c in self.cases if c.inclusion_probability is not None]),
            "cases": [{"application_number": c.application_number, "ip_type": c.ip_type, "examiner": c.examiner,
                       "stratum": c.stratum, "draw_order": c.draw_order, "reviewer": c.reviewer,
                       "inclusion_probability": c.inclusion_probability}
                      for c in self.cases],
        }


def probability_summary(pis: Sequence[float]) -> dict[str, Any]:
    """The drawn cases' inclusion probabilities: least, greatest, how many were taken with certainty,
    and the sum of the design weights 1/pi (an estimate of the population size)."""
    if not pis:
        return {"min": None, "max": None, "take_all": 0, "weight_sum": 0.0}
    return {"min": min(pis), "max": max(pis), "take_all": sum(1 for p in pis if p >= 1.0),
            "weight_sum": math.fsum(1.0 / p for p in pis)}


def check_round_name(name: object) -> str:
    """A new round's name, stripped; refused when empty or too long (sampling and calibration rounds)."""
    text = name.strip() if isinstance(name, str) else ""
    if not text or len(text) > NAME_LIMIT:
        raise WorkbenchError("rounds.name", limit=NAME_LIMIT)
    return text


def name_taken(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM rounds WHERE name = ?", [name.strip()]).fetchone() is not None


def checklists_for(db: sqlite_utils.Database, ip_types: Iterable[str],
                   given: Mapping[str, int] | None) -> dict[str, ChecklistRef]:
    """The frozen checklist version of each IP type: the one `given`, else the newest applicable."""
    from workbench.review import reviews  # noqa: F401  (registers review.no_checklist)
    checklist_store.install_builtins(db)
    refs = {}
    for ip_type in sorted(set(ip_types)):
        checklist_id = (given or {}).get(ip_type)
        if checklist_id is None:
            checklist_id = checklist_store.checklist_for(db, ip_type)
            if checklist_id is None:
                raise WorkbenchError("review.no_checklist", ip_type=ip_type)
        row = db.execute("SELECT template_id, version FROM checklists WHERE id = ?", [checklist_id]).fetchone()
        if row is None:
            raise WorkbenchError("rounds.unknown_checklist", checklist_id=checklist_id, ip_type=ip_type)
        refs[ip_type] = ChecklistRef(checklist_id, row[0], row[1])
    return refs


def _open_round_review(db: sqlite_utils.Database, round_id: int, case_id: int, reviewer: str,
                       checklist_id: int, actor: str, now: str) -> int:
    review_id = db.execute(
        "INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at, round_id)"
        " VALUES (?, ?, ?, 'open', ?, ?, ?)", [case_id, checklist_id, reviewer, now, now, round_id]).lastrowid
    chain.record(db, actor=actor, entity="review", entity_id=review_id, action="open",
                 new={"checklist_id": checklist_id, "reviewer": reviewer, "round_id": round_id}, case_id=case_id)
    return review_id


@dataclass(frozen=True)
class _NewRound:
    """What create_round was asked for, checked, with its seed chosen: what its steps share."""

    name: str
    filters: Filters
    plan: Plan
    seed: int
    seed_source: str                      # given or random
    reviewers: tuple[Reviewer, ...]
    effort: dict[str, float] | None
    actor: str


def _new_round(*, name: str, filters: Filters, plan: Plan, actor: str, seed: int | None,
               reviewers: Sequence[Reviewer], effort: Mapping[str, float] | None) -> _NewRound:
    """The request checked before the transaction opens (a bad name or seed writes nothing)."""
    name = check_round_name(name)
    plan = plan.checked()
    seed_source = "given" if seed is not None else "random"
    seed = random_seed() if seed is None else seed
    check_seed(seed)
    return _NewRound(name, filters, plan, seed, seed_source, check_reviewers(reviewers), check_effort(effort), actor)


def create_round(db: sqlite_utils.Database, *, name: str, filters: Filters, plan: Plan, actor: str,
                 seed: int | None = None, reviewers: Sequence[Reviewer] = (),
                 effort: Mapping[str, float] | None = None, checklist_ids: Mapping[str, int] | None = None,
                 progress: Progress = no_progress, cancel: CancelToken | None = None) -> RoundResult:
    """Draw and store a round in one transaction; nothing is written if anything fails or is cancelled.

    seed None: a random seed, reported in the result and stored. reviewers: who shares the
    cases (none: the cases stay unassigned until `assign_remaining`). Each assigned case gets
    an open review in the round with the checklist for its IP type (`checklist_ids` overrides
    the newest applicable one). Audit entries: the round, each drawn case, each review opened.
    """
    cancel = cancel or CancelToken()
    new = _new_round(name=name, filters=filters, plan=plan, actor=actor, seed=seed, reviewers=reviewers,
                     effort=effort)
    progress(0, 0, "Reading the population")
    with db.atomic():
        if name_taken(db, new.name):
            raise WorkbenchError("rounds.name_taken", name=new.name)
        now = chain.now_iso()
        # The round row is written first: the transaction then holds the write lock, so the
        # population read next cannot change before the sample is stored.
        round_id = _insert_round(db, new, now)
        population = load_population(db, new.filters, before_round=round_id, cancel=cancel)
        drawn = draw(population.cases, new.plan, new.seed)
        cancel.check()
        progress(0, 0, "Assigning reviewers")
        assignment = plan_assignment([d.case for d in drawn.cases], new.reviewers, new.effort)
        refs = checklists_for(db, (d.case.ip_type for d in drawn.cases), checklist_ids)
        _store_design(db, new, round_id, population, drawn.design, refs)
        cases = _store_cases(db, new, round_id, drawn, assignment, refs, now, progress, cancel)
    return RoundResult(round_id, new.name, new.seed, new.seed_source, new.filters, new.plan, population.matching,
                       population.excluded, drawn.design, cases, new.reviewers, refs, population.excluded_reviewed)


def _insert_round(db: sqlite_utils.Database, new: _NewRound, now: str) -> int:
    return db.execute(
        "INSERT INTO rounds (name, created_at, created_by, filters, plan, seed, seed_source, reviewers, effort)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new.name, now, new.actor, stored_json(new.filters.as_json()), stored_json(new.plan.as_json()), new.seed,
         new.seed_source, stored_json([r.as_json() for r in new.reviewers]),
         None if new.effort is None else stored_json(new.effort)]).lastrowid


def _store_design(db: sqlite_utils.Database, new: _NewRound, round_id: int, population: Population,
                  design: Design, refs: Mapping[str, ChecklistRef]) -> None:
    """The population's counts and digest, the strata (or lots) and the round's audit entry."""
    digest = population_digest(population.cases, new.plan.strata, scores=new.plan.method == "risk")
    db.execute("UPDATE rounds SET checklists = ?, matching = ?, excluded = ?, excluded_reviewed = ?,"
               " population = ?, population_sha256 = ? WHERE id = ?",
               [stored_json({k: v.id for k, v in refs.items()}), population.matching, population.excluded,
                population.excluded_reviewed, len(population.cases), digest, round_id])
    for stratum in design.strata:
        db.execute("INSERT INTO round_strata (round_id, stratum, population, sample, expected, code_letter,"
                   " accept, reject) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [round_id, stratum.name, stratum.population, stratum.sample, stratum.expected,
                    stratum.code_letter, stratum.accept, stratum.reject])
    chain.record(db, actor=new.actor, entity="round", entity_id=round_id, action="create", new={
        "name": new.name, "filters": new.filters.as_json(), "plan": new.plan.as_json(), "seed": new.seed,
        "seed_source": new.seed_source, "matching": population.matching, "excluded": population.excluded,
        "excluded_reviewed": population.excluded_reviewed,
        "population": len(population.cases), "population_sha256": digest, "sample_size": design.size,
        "reviewers": [r.as_json() for r in new.reviewers], "effort": new.effort,
        "checklists": {k: v.id for k, v in refs.items()}})


def _store_cases(db: sqlite_utils.Database, new: _NewRound, round_id: int, drawn: Draw,
                 assignment: Mapping[int, str], refs: Mapping[str, ChecklistRef], now: str,
                 progress: Progress, cancel: CancelToken) -> tuple[RoundCase, ...]:
    """Each drawn case in draw order, with its audit entry and, when assigned, its open review."""
    total = len(drawn.cases)
    cases = []
    for order, item in enumerate(drawn.cases, start=1):
        case = item.case
        reviewer = assignment.get(case.id)
        db.execute("INSERT INTO round_cases (round_id, case_id, stratum, draw_order, reviewer, inclusion_probability)"
                   " VALUES (?, ?, ?, ?, ?, ?)", [round_id, case.id, item.stratum, order, reviewer, item.probability])
        # The probability is in the draw entry: the figures weight by it, so `verify` must see an edit.
        chain.record(db, actor=new.actor, entity="round_case", entity_id=f"{round_id}/{case.id}", action="draw",
                     new={"round": new.name, "stratum": item.stratum, "draw_order": order, "reviewer": reviewer,
                          "inclusion_probability": item.probability},
                     case_id=case.id)
        if reviewer is not None:
            _open_round_review(db, round_id, case.id, reviewer, refs[case.ip_type].id, new.actor, now)
        cases.append(RoundCase(case.id, case.application_number, case.ip_type, case.examiner, item.stratum,
                               order, reviewer, item.probability))
        if order % 50 == 0:
            cancel.check()
            progress(order, total, f"Storing the sample: {order} of {total} cases")
    cancel.check()
    progress(total, total, "Storing the sample")
    return tuple(cases)


def stored_json(value: Any) -> str:
    """A round's JSON column as stored: compact, keys sorted, text as written."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- a stored round ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredRound:
    id: int
    name: str
    created_at: str
    created_by: str
    filters: Filters
    plan: Plan
    seed: int
    seed_source: str
    reviewers: tuple[Reviewer, ...]
    effort: Mapping[str, float] | None
    checklists: Mapping[str, int]
    matching: int
    excluded: int
    population: int
    population_sha256: str
    excluded_reviewed: int = 0


def get_round(db: sqlite_utils.Database, name: str | int) -> StoredRound:
    """A round by name (or id)."""
    column = "id" if _is_int(name) else "name"
    row = db.execute("SELECT id, name, created_at, created_by, filters, plan, seed, seed_source, reviewers,"
                     f" effort, checklists, matching, excluded, population, population_sha256, excluded_reviewed"
                     " FROM rounds"
                     f" WHERE {column} = ?", [name.strip() if isinstance(name, str) else name]).fetchone()
    if row is None:
        raise WorkbenchError("rounds.unknown", name=name)
    return StoredRound(row[0], row[1], row[2], row[3], Filters.from_json(json.loads(row[4])),
                       Plan.from_json(json.loads(row[5])), row[6], row[7],
                       tuple(Reviewer(r["name"], r.get("cap")) for r in json.loads(row[8])),
                       json.loads(row[9]) if row[9] else None, json.loads(row[10]), row[11], row[12], row[13],
                       row[14], row[15])


def list_rounds(db: sqlite_utils.Database) -> list[tuple[int, str, str, int]]:
    """(id, name, created_at, cases drawn), newest first."""
    return [tuple(r) for r in db.execute(
        "SELECT r.id, r.name, r.created_at, (SELECT COUNT(*) FROM round_cases rc WHERE rc.round_id = r.id)"
        " FROM rounds r ORDER BY r.id DESC")]


def round_cases(db: sqlite_utils.Database, round_id: int) -> list[RoundCase]:
    return [RoundCase(*r) for r in db.execute(
        "SELECT rc.case_id, c.application_number, c.ip_type, c.examiner, rc.stratum, rc.draw_order, rc.reviewer,"
        " rc.inclusion_probability FROM round_cases rc JOIN cases c ON c.id = rc.case_id WHERE rc.round_id = ? ORDER BY rc.draw_order",
        [round_id])]


def redraw_matches(db: sqlite_utils.Database, name: str | int) -> list[str]:
    """Draw a stored round again from its filters, plan and seed; what differs (empty: identical)."""
    stored = get_round(db, name)
    population = load_population(db, stored.filters, before_round=stored.id)
    if population_digest(population.cases, stored.plan.strata,
                         scores=stored.plan.method == "risk") != stored.population_sha256:
        return [f"the population of round {stored.name!r} has changed since the draw "
                f"({stored.population} cases then, {len(population.cases)} now)"]
    again = [d.case.application_number for d in draw(population.cases, stored.plan, stored.seed).cases]
    kept = [c.application_number for c in round_cases(db, stored.id)]
    if again != kept:
        return [f"round {stored.name!r}: drawing again from its seed gives other cases than those stored"]
    return []


def _round_review(db: sqlite_utils.Database, round_id: int, case_id: int) -> tuple[int, str, str] | None:
    row = db.execute("SELECT id, status, reviewer FROM reviews WHERE round_id = ? AND case_id = ?"
                     " ORDER BY id DESC LIMIT 1", [round_id, case_id]).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def reassign(db: sqlite_utils.Database, name: str | int, case_id: int, reviewer: str, *, actor: str,
             reason: str = "") -> None:
    """Give a case of a round to another reviewer; the audit log keeps who had it and why it moved.

    Refused for the case's own examiner, beyond the reviewer's cap, or once the review is
    completed or signed off. Answers already given stay with the review (their audit entries
    name who gave them).
    """
    stored = get_round(db, name)
    new = _check_name_of_reviewer(reviewer)
    with db.atomic():
        row = db.execute(
            "SELECT rc.reviewer, c.application_number, c.examiner, c.ip_type FROM round_cases rc"
            " JOIN cases c ON c.id = rc.case_id WHERE rc.round_id = ? AND rc.case_id = ?",
            [stored.id, case_id]).fetchone()
        if row is None:
            raise WorkbenchError("rounds.not_in_round", case=case_id, name=stored.name)
        old, number, examiner, ip_type = row
        if old == new:
            return
        if examiner and same_person(examiner, new):
            raise WorkbenchError("rounds.own_case", case=number, examiner=examiner, reviewer=new)
        cap = next((r.cap for r in stored.reviewers if same_person(r.name, new)), None)
        if cap is not None:
            held = db.execute("SELECT COUNT(*) FROM round_cases WHERE round_id = ? AND reviewer = ?",
                              [stored.id, new]).fetchone()[0]
            if held >= cap:
                raise WorkbenchError("rounds.cap_reached", reviewer=new, count=held, name=stored.name)
        existing = _round_review(db, stored.id, case_id)
        if existing is not None and existing[1] in DONE_STATUSES:
            raise WorkbenchError("rounds.review_done", case=number, status=existing[1].replace("_", " "))
        now = chain.now_iso()
        db.execute("UPDATE round_cases SET reviewer = ? WHERE round_id = ? AND case_id = ?",
                   [new, stored.id, case_id])
        chain.record(db, actor=actor, entity="round_case", entity_id=f"{stored.id}/{case_id}", action="reassign",
                     old={"reviewer": old}, new={"reviewer": new, "reason": reason}, case_id=case_id)
        if existing is None:
            checklist_id = stored.checklists.get(ip_type) or checklists_for(db, [ip_type], None)[ip_type].id
            _open_round_review(db, stored.id, case_id, new, checklist_id, actor, now)
        else:
            db.execute("UPDATE reviews SET reviewer = ?, updated_at = ? WHERE id = ?", [new, now, existing[0]])
            chain.record(db, actor=actor, entity="review", entity_id=existing[0], action="reassign",
                         old={"reviewer": existing[2]}, new={"reviewer": new, "reason": reason}, case_id=case_id)
        if not any(same_person(r.name, new) for r in stored.reviewers):
            db.execute("UPDATE rounds SET reviewers = ? WHERE id = ?",
                       [stored_json([r.as_json() for r in (*stored.reviewers, Reviewer(new))]), stored.id])


def case_by_number(db: sqlite_utils.Database, text: str) -> int:
    """The id of the case with an application number, written as stored or in any form the import reads."""
    row = db.execute("SELECT id FROM cases WHERE application_number = ?", [text.strip()]).fetchone()
    if row is None:
        try:
            number = parse_application_number(text).normalized
        except WorkbenchError:
            number = None
        row = db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone() if number else None
    if row is None:
        raise WorkbenchError("rounds.unknown_case", case=text)
    return row[0]


def _check_name_of_reviewer(reviewer: str) -> str:
    return check_reviewers([Reviewer(reviewer)])[0].name


def assign_remaining(db: sqlite_utils.Database, name: str | int, reviewers: Sequence[Reviewer], *, actor: str,
                     effort: Mapping[str, float] | None = None) -> dict[int, str]:
    """Share a round's unassigned cases among reviewers (e.g. a round drawn before its reviewers
    were known); caps count the cases a reviewer already holds in the round."""
    stored = get_round(db, name)
    reviewers = check_reviewers(reviewers)
    effort = check_effort(effort)
    with db.atomic():
        rows = db.execute(
            "SELECT c.id, c.application_number, c.ip_type, c.examiner, c.department, c.decision, c.procedure,"
            " c.classification, c.decision_date, c.import_id FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
            " WHERE rc.round_id = ? AND rc.reviewer IS NULL ORDER BY rc.draw_order", [stored.id]).fetchall()
        if not rows:
            raise WorkbenchError("rounds.unassigned", name=stored.name)
        held = dict(db.execute("SELECT reviewer, COUNT(*) FROM round_cases WHERE round_id = ? AND reviewer"
                               " IS NOT NULL GROUP BY 1", [stored.id]).fetchall())
        room = [Reviewer(r.name, None if r.cap is None else max(0, r.cap - held.get(r.name, 0))) for r in reviewers]
        cases = [PopulationCase(*r) for r in rows]
        assignment = plan_assignment(cases, room, effort)
        refs = checklists_for(db, (c.ip_type for c in cases), stored.checklists)
        now = chain.now_iso()
        for case in cases:
            reviewer = assignment[case.id]
            db.execute("UPDATE round_cases SET reviewer = ? WHERE round_id = ? AND case_id = ?",
                       [reviewer, stored.id, case.id])
            chain.record(db, actor=actor, entity="round_case", entity_id=f"{stored.id}/{case.id}", action="assign",
                         old={"reviewer": None}, new={"reviewer": reviewer}, case_id=case.id)
            _open_round_review(db, stored.id, case.id, reviewer, refs[case.ip_type].id, actor, now)
        merged = list(stored.reviewers) + [r for r in reviewers
                                           if not any(same_person(r.name, s.name) for s in stored.reviewers)]
        db.execute("UPDATE rounds SET reviewers = ?, effort = COALESCE(effort, ?) WHERE id = ?",
                   [stored_json([r.as_json() for r in merged]), None if effort is None else stored_json(effort),
                    stored.id])
    return assignment

