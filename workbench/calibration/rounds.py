"""Calibration rounds: creating one (cases drawn, hand-picked or taken from another round; every
reviewer reviews every case) and closing its blind phase.

A calibration round is a row of `rounds` with kind 'calibration'. Its cases are `round_cases`
rows with no single reviewer; each (case, reviewer) pair has its own review with role
'calibration', opened at creation with the checklist version frozen for the case's IP type,
so every reviewer answers the same questions. Everything is one transaction with its audit
entries: the round, each case, each review opened.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.audit import chain
from workbench.importing.identifiers import parse_application_number
from workbench.rounds.draw import draw_random, same_person
from workbench.rounds.population import Filters, load_population
from workbench.rounds.sampling_plan import check_seed, random_seed
from workbench.rounds.store import case_by_number, check_round_name, checklists_for, get_round, name_taken, stored_json

register({
    "calibration.reviewers": "A calibration round needs at least two different reviewers (got {count}).",
    "calibration.source": "Choose the cases one way: --size (drawn), --cases or --from-round.",
    "calibration.round_empty": "Round {name!r} has no case that none of the reviewers examined.",
    "calibration.size": "Ask for at least one case (--size N).",
    "calibration.too_few": "Only {available} cases match; {size} were asked for.",
    "calibration.own_case": "Case {case} was examined by {examiner}, who is one of the reviewers; a reviewer "
                            "cannot review their own case.",
    "calibration.not_calibration": "Round {name!r} is not a calibration round.",
    "calibration.closed": "Calibration round {name!r} was closed on {at}; its blind phase is over.",
    "calibration.not_closed": "Calibration round {name!r} is still blind; close it first "
                              "(calibrate --close --round NAME).",
})

#: What rounds.plan holds for a calibration round: how its cases were chosen.
SOURCES = ("drawn", "chosen", "from_round")


@dataclass(frozen=True)
class CalibrationCase:
    case_id: int
    application_number: str
    ip_type: str
    examiner: str


@dataclass(frozen=True)
class CalibrationRound:
    id: int
    name: str
    reviewers: tuple[str, ...]
    cases: tuple[CalibrationCase, ...]          # in the order chosen or drawn
    checklists: Mapping[str, int]               # IP type -> the frozen checklist version's id
    source: str                                 # drawn, chosen or from_round
    seed: int | None
    created_at: str
    closed_at: str | None = None
    closed_by: str | None = None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def as_json(self) -> dict[str, Any]:
        return {"round": self.name, "round_id": self.id, "kind": "calibration", "source": self.source,
                "seed": self.seed, "reviewers": list(self.reviewers), "created_at": self.created_at,
                "closed_at": self.closed_at, "closed_by": self.closed_by,
                "checklists": dict(sorted(self.checklists.items())),
                "cases": [{"application_number": c.application_number, "ip_type": c.ip_type} for c in self.cases]}


def _check_reviewers(reviewers: Sequence[str]) -> tuple[str, ...]:
    names: list[str] = []
    for raw in reviewers:
        name = raw.strip()
        if name and not any(same_person(name, n) for n in names):
            names.append(name)
    if len(names) < 2:
        raise WorkbenchError("calibration.reviewers", count=len(names))
    return tuple(names)


def split_case_numbers(text: str) -> list[str]:
    """Application numbers pasted as a list, repeats dropped: one per line, or separated by tabs,
    semicolons or a comma and a space. A piece that holds spaces or commas but is not one
    application number ("CN 202210123456.1" and "US 10/123,456" are) is split at them too."""
    parts: list[str] = []
    for chunk in re.split(r"[\r\n\t;；，、]+|,\s+", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.search(r"[\s,]", chunk) and not _is_number(chunk):
            parts.extend(p for p in re.split(r"[\s,]+", chunk) if p)
        else:
            parts.append(chunk)
    return list(dict.fromkeys(parts))


def _is_number(text: str) -> bool:
    try:
        parse_application_number(text)
    except WorkbenchError:
        return False
    return True


def _case(db: sqlite_utils.Database, case_id: int) -> CalibrationCase:
    row = db.execute("SELECT id, application_number, ip_type, examiner FROM cases WHERE id = ?", [case_id]).fetchone()
    return CalibrationCase(row[0], row[1], row[2], row[3] or "")


def _not_own(case: CalibrationCase, reviewers: Sequence[str]) -> bool:
    return not any(case.examiner and same_person(case.examiner, r) for r in reviewers)


def choose_cases(db: sqlite_utils.Database, reviewers: Sequence[str], *, size: int | None = None,
                 seed: int | None = None, filters: Filters | None = None, case_numbers: Sequence[str] = (),
                 from_round: str | None = None) -> tuple[str, int | None, list[CalibrationCase]]:
    """(source, seed, cases): drawn at random from the filtered cases (none examined by a
    reviewer), hand-picked by application number, or every case of another round."""
    given = [size is not None, bool(case_numbers), from_round is not None]
    if sum(given) != 1:
        raise WorkbenchError("calibration.source")
    if case_numbers:
        cases = [_case(db, case_by_number(db, n)) for n in dict.fromkeys(n.strip() for n in case_numbers if n.strip())]
        for case in cases:
            if not _not_own(case, reviewers):
                raise WorkbenchError("calibration.own_case", case=case.application_number, examiner=case.examiner)
        return "chosen", None, cases
    if from_round is not None:
        stored = get_round(db, from_round)
        ids = [r[0] for r in db.execute("SELECT case_id FROM round_cases WHERE round_id = ? ORDER BY draw_order",
                                        [stored.id])]
        cases = [c for c in (_case(db, i) for i in ids) if _not_own(c, reviewers)]
        if not cases:
            raise WorkbenchError("calibration.round_empty", name=stored.name)
        return "from_round", None, cases
    seed = random_seed() if seed is None else seed
    check_seed(seed)
    population = load_population(db, filters or Filters(exclude_sampled=False, exclude_reviewed=False))
    eligible = [CalibrationCase(c.id, c.application_number, c.ip_type, c.examiner) for c in population.cases]
    eligible = [c for c in eligible if _not_own(c, reviewers)]
    if size is None or size < 1:
        raise WorkbenchError("calibration.size")
    if size > len(eligible):
        raise WorkbenchError("calibration.too_few", available=len(eligible), size=size)
    by_id = {c.case_id: c for c in eligible}
    return "drawn", seed, [by_id[i] for i in draw_random([c.case_id for c in eligible], size, seed)]


def create_calibration_round(db: sqlite_utils.Database, *, name: str, reviewers: Sequence[str], actor: str,
                             size: int | None = None, seed: int | None = None, filters: Filters | None = None,
                             case_numbers: Sequence[str] = (), from_round: str | None = None,
                             progress: Progress = no_progress, cancel: CancelToken | None = None) -> CalibrationRound:
    """Create the round and open one blind review per reviewer and case, in one transaction
    (cancelled: nothing is written)."""
    names = _check_reviewers(reviewers)
    cancel = cancel or CancelToken()
    with db.atomic():
        name = check_round_name(name)
        if name_taken(db, name):
            raise WorkbenchError("rounds.name_taken", name=name)
        source, seed, cases = choose_cases(db, names, size=size, seed=seed, filters=filters,
                                           case_numbers=case_numbers, from_round=from_round)
        refs = {ip_type: ref.id for ip_type, ref in checklists_for(db, {c.ip_type for c in cases}, None).items()}
        now = chain.now_iso()
        plan = {"method": "calibration", "source": source, "size": len(cases)}
        if from_round is not None:
            plan["from_round"] = from_round
        round_id = db.execute(
            "INSERT INTO rounds (name, created_at, created_by, filters, plan, seed, seed_source, checklists, reviewers,"
            " matching, population, kind) VALUES (?, ?, ?, ?, ?, ?, 'given', ?, ?, ?, ?, 'calibration')",
            [name, now, actor, stored_json((filters or Filters()).as_json() if source == "drawn" else {}),
             stored_json(plan), seed if seed is not None else 0, stored_json(refs), stored_json([{"name": r} for r in names]),
             len(cases), len(cases)]).lastrowid
        chain.record(db, actor=actor, entity="round", entity_id=round_id, action="create", new={
            "name": name, "kind": "calibration", "plan": plan, "seed": seed, "reviewers": list(names),
            "checklists": refs, "cases": [c.application_number for c in cases]})
        _store_cases(db, round_id, name, cases, names, refs, actor, now, progress, cancel)
    return get_calibration_round(db, round_id)


def _store_cases(db: sqlite_utils.Database, round_id: int, name: str, cases: Sequence[CalibrationCase],
                 reviewers: Sequence[str], refs: Mapping[str, int], actor: str, now: str, progress: Progress,
                 cancel: CancelToken) -> None:
    for order, case in enumerate(cases, start=1):
        cancel.check()
        progress(order - 1, len(cases), "")
        db.execute("INSERT INTO round_cases (round_id, case_id, stratum, draw_order, reviewer)"
                   " VALUES (?, ?, NULL, ?, NULL)", [round_id, case.case_id, order])
        chain.record(db, actor=actor, entity="round_case", entity_id=f"{round_id}/{case.case_id}", action="draw",
                     new={"round": name, "draw_order": order, "reviewers": list(reviewers)}, case_id=case.case_id)
        for reviewer in reviewers:
            review_id = db.execute(
                "INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at, round_id, role)"
                " VALUES (?, ?, ?, 'open', ?, ?, ?, 'calibration')",
                [case.case_id, refs[case.ip_type], reviewer, now, now, round_id]).lastrowid
            chain.record(db, actor=actor, entity="review", entity_id=review_id, action="open",
                         new={"checklist_id": refs[case.ip_type], "reviewer": reviewer, "round_id": round_id,
                              "role": "calibration"}, case_id=case.case_id)


def get_calibration_round(db: sqlite_utils.Database, name: str | int) -> CalibrationRound:
    """A calibration round by name or id; refused for a sampling round."""
    stored = get_round(db, name)
    row = db.execute("SELECT kind, plan, seed, checklists, reviewers, created_at, closed_at, closed_by FROM rounds"
                     " WHERE id = ?", [stored.id]).fetchone()
    if row[0] != "calibration":
        raise WorkbenchError("calibration.not_calibration", name=stored.name)
    plan = json.loads(row[1])
    cases = tuple(CalibrationCase(*r) for r in db.execute(
        "SELECT c.id, c.application_number, c.ip_type, COALESCE(c.examiner, '') FROM round_cases rc"
        " JOIN cases c ON c.id = rc.case_id WHERE rc.round_id = ? ORDER BY rc.draw_order", [stored.id]))
    source = plan.get("source", "drawn")
    return CalibrationRound(stored.id, stored.name, tuple(r["name"] for r in json.loads(row[4])), cases,
                            json.loads(row[3]), source, row[2] if source == "drawn" else None, row[5], row[6], row[7])


def is_calibration(db: sqlite_utils.Database, round_id: int | None) -> bool:
    if round_id is None:
        return False
    row = db.execute("SELECT kind FROM rounds WHERE id = ?", [round_id]).fetchone()
    return bool(row) and row[0] == "calibration"


def calibration_rounds(db: sqlite_utils.Database) -> list[CalibrationRound]:
    """Every calibration round, oldest first (the order drift is read in)."""
    return [get_calibration_round(db, r[0]) for r in db.execute(
        "SELECT id FROM rounds WHERE kind = 'calibration' ORDER BY created_at, id")]


def close_calibration_round(db: sqlite_utils.Database, name: str | int, *, actor: str) -> CalibrationRound:
    """End the blind phase: everyone may now see every answer, and the consensus can be recorded.
    Reviews still unfinished stay as they are and count as missing ratings."""
    with db.atomic():
        rnd = get_calibration_round(db, name)
        if rnd.closed:
            raise WorkbenchError("calibration.closed", name=rnd.name, at=rnd.closed_at)
        now = chain.now_iso()
        db.execute("UPDATE rounds SET closed_at = ?, closed_by = ? WHERE id = ?", [now, actor, rnd.id])
        unfinished = db.execute("SELECT COUNT(*) FROM reviews WHERE round_id = ? AND role = 'calibration'"
                                " AND status NOT IN ('completed', 'signed_off')", [rnd.id]).fetchone()[0]
        chain.record(db, actor=actor, entity="round", entity_id=rnd.id, action="close",
                     new={"name": rnd.name, "closed_at": now, "unfinished_reviews": unfinished})
    return get_calibration_round(db, rnd.id)
