"""Computing and storing every case's risk: `refresh` (all cases, or only the groups an import
touched), `risk_of` (what is stored), and which indicators a workspace cannot support.

A refresh is one transaction: cancelled or failed, case_risk and risk_runs stay as they were.
Every case gets a row (score 0 and band 'none' when nothing fired), so a later incremental
refresh can tell the import's new cases from the ones it updated.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable

import sqlite_utils

from foundation.collector import collector_paused
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.audit import chain
from workbench.risk import indicators
from workbench.risk.indicators import CaseRow
from workbench.risk.judgements import KeptJudgements
from workbench.risk.sketches import StoredSketcher
from workbench.risk.settings import CODES, DEFAULT, RiskSettings, band_of, combine
from workbench.risk.workers import Workers

#: What each indicator needs: the cases it judges ('patent' or 'trademark') and groups of
#: fields, each group satisfied when any one of its fields is filled in some case of that kind.
REQUIRES: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "applicant_burst": ("patent", (("applicant",), ("filing_date",))),
    "agent_burst": ("patent", (("agent",), ("filing_date",))),
    "near_duplicate": ("patent", (("title", "abstract"), ("applicant", "agent"))),
    "bulk_same_day": ("patent", (("applicant", "agent"), ("filing_date",))),
    "natural_person_volume": ("patent", (("applicant_type",), ("applicant",), ("filing_date",))),
    "trademark_hoarding": ("trademark", (("applicant",), ("nice_classes",), ("use_shown",))),
    "trademark_bulk_same_day": ("trademark", (("applicant",), ("filing_date",))),
}
_KIND_SQL = {"patent": "ip_type != 'trademark'", "trademark": "ip_type = 'trademark'"}


@dataclass(frozen=True)
class Skipped:
    code: str
    missing: tuple[str, ...]       # the fields no case of the indicator's kind has


@dataclass(frozen=True)
class RiskRun:
    id: int
    computed_at: str
    cases: int                     # cases whose risk was (re)computed and stored
    skipped: tuple[Skipped, ...]
    incremental: bool              # only the groups of one import were recomputed
    bounded: int = 0               # near-duplicate buckets searched within minhash.BUCKET_CAP only
    sketched: int = 0              # texts sketched (the others' sketches were kept from earlier runs)
    read_back: int = 0             # near-duplicate groups whose kept judgements were read back, not judged again
    spread: int = 0                # parts of the near-duplicate work done by worker processes


@dataclass(frozen=True)
class CaseRisk:
    case_id: int
    score: float
    band: str
    indicators: tuple[dict[str, Any], ...]


def skipped_indicators(db: sqlite_utils.Database) -> tuple[Skipped, ...]:
    """The indicators this workspace cannot compute: cases of their kind exist, but a field they
    need is filled in none of them (no cases of the kind: nothing to judge, nothing skipped)."""
    filled: dict[tuple[str, str], bool] = {}

    def has(kind: str, field: str) -> bool:
        if (kind, field) not in filled:
            test = f"{field} IS NOT NULL" if field == "use_shown" else f"COALESCE({field}, '') != ''"
            filled[(kind, field)] = db.execute(
                f"SELECT EXISTS (SELECT 1 FROM cases WHERE {_KIND_SQL[kind]} AND {test})").fetchone()[0] == 1
        return filled[(kind, field)]

    result = []
    for code in CODES:
        kind, groups = REQUIRES[code]
        if not db.execute(f"SELECT EXISTS (SELECT 1 FROM cases WHERE {_KIND_SQL[kind]})").fetchone()[0]:
            continue
        missing = tuple(f for group in groups if not any(has(kind, f) for f in group) for f in group)
        if missing:
            result.append(Skipped(code, missing))
    return tuple(result)


_BARE = ", ".join("NULL" if column in ("title", "abstract") else column for column in indicators.COLUMNS)


def _rows(db: sqlite_utils.Database, where: str = "1", params: Iterable[Any] = (), *,
          texts: bool = True) -> list[CaseRow]:
    """The cases as the indicators read them; without `texts`, their title and abstract are None
    (a refresh's StoredSketcher reads those of the cases it must sketch, a few of a million)."""
    sql = f"SELECT {', '.join(indicators.COLUMNS) if texts else _BARE} FROM cases WHERE {where}"
    return list(map(CaseRow._make, db.execute(sql, list(params))))


def _last_run(db: sqlite_utils.Database) -> tuple[str, str] | None:
    row = db.execute("SELECT settings, skipped FROM risk_runs ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1])


def _skipped_json(skipped: tuple[Skipped, ...]) -> str:
    return json.dumps([{"code": s.code, "missing": list(s.missing)} for s in skipped], ensure_ascii=False)


def _scope(db: sqlite_utils.Database, import_id: int) -> tuple[list[CaseRow], set[int]] | None:
    """For an incremental refresh: the rows to compute with and the cases to store. None when
    the import updated cases already scored (their former groups are not known any more) or
    other cases have no score yet."""
    updated = db.execute("SELECT EXISTS (SELECT 1 FROM cases c JOIN case_risk r ON r.case_id = c.id"
                         " WHERE c.import_id = ?)", [import_id]).fetchone()[0]
    unscored = db.execute("SELECT EXISTS (SELECT 1 FROM cases c WHERE c.import_id IS NOT ?"
                          " AND NOT EXISTS (SELECT 1 FROM case_risk r WHERE r.case_id = c.id))", [import_id]).fetchone()[0]
    if updated or unscored:     # unscored: cases written since the last refresh outside an import's
        return None
    own = _rows(db, "import_id = ?", [import_id], texts=False)
    touched = _names(own)
    stored = {row.id for row in own} | {row.id for row in _in_groups(db, touched)}
    # Every group of a stored case, complete, so its result is what a full refresh gives.
    scope = _in_groups(db, _names(_rows(db, "id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(stored))],
                                        texts=False)))
    return scope, stored


def _names(rows: list[CaseRow]) -> tuple[set[str], set[str]]:
    return {r.applicant for r in rows if r.applicant}, {r.agent for r in rows if r.agent}


def _in_groups(db: sqlite_utils.Database, names: tuple[set[str], set[str]]) -> list[CaseRow]:
    applicants, agents = names
    return _rows(db, "applicant IN (SELECT value FROM json_each(?)) OR agent IN (SELECT value FROM json_each(?))",
                 [json.dumps(sorted(applicants), ensure_ascii=False), json.dumps(sorted(agents), ensure_ascii=False)],
                 texts=False)


def refresh(db: sqlite_utils.Database, *, import_id: int | None = None, settings: RiskSettings = DEFAULT,
            clock: Callable[[], datetime] = chain.now, progress: Progress = no_progress,
            cancel: CancelToken | None = None, workers_from: int | None = None) -> RiskRun:
    """Compute and store the risk of every case (import_id None) or of the cases in the groups
    (applicants, agents) the import's cases belong to; the incremental result equals a full
    refresh's, and a full refresh runs instead whenever it could not (no earlier run, other
    settings, other skipped indicators, or cases the import updated). One transaction. Texts to
    sketch, or cases of groups to search, are spread over worker processes from `workers_from` of
    them (default workbench.risk.workers.SPREAD_FROM)."""
    cancel = cancel or CancelToken()
    with db.atomic(), collector_paused():
        progress(0, 3, "risk")
        skipped = skipped_indicators(db)
        # The first filing day bounds every burst's history: stored with the settings, so an
        # import of older cases makes the next refresh a full one.
        data_start = db.execute("SELECT MIN(substr(filing_date, 1, 10)) FROM cases WHERE filing_date GLOB"
                                " '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'").fetchone()[0]
        settings_json = json.dumps({**settings.as_json(), "data_start": data_start}, sort_keys=True)
        scope = None
        if import_id is not None and _last_run(db) == (settings_json, _skipped_json(skipped)):
            scope = _scope(db, import_id)
        rows = _rows(db, texts=False) if scope is None else scope[0]
        cancel.check()
        progress(1, 3, "risk")
        oversized: list[int] = []
        judgements = KeptJudgements(db, settings)
        with Workers(cancel, spread_from=workers_from) as workers:
            sketcher = StoredSketcher(db, judgements, workers)
            fired = indicators.compute(rows, settings, {s.code for s in skipped}, data_start, oversized, sketcher,
                                       judgements, workers)
        judgements.save(whole=scope is None)
        cancel.check()
        progress(2, 3, "risk")
        at = clock().isoformat(timespec="seconds")
        stored = {row.id for row in rows} if scope is None else scope[1]
        _write(db, stored, fired, at, full=scope is None)
        run_id = db.execute("INSERT INTO risk_runs (computed_at, cases, settings, skipped) VALUES (?, ?, ?, ?)",
                            [at, len(stored), settings_json, _skipped_json(skipped)]).lastrowid
        cancel.check()
        progress(3, 3, "risk")
    return RiskRun(int(run_id or 0), at, len(stored), skipped, incremental=scope is not None, bounded=len(oversized),
                   sketched=sketcher.made, read_back=judgements.read_back, spread=workers.parts)


#: A case_risk row saying anything but "nothing fired" (what combine([]) and band_of give).
_NOT_EMPTY = "(indicators != '[]' OR score != 0 OR band != 'none')"


def _write(db: sqlite_utils.Database, stored: set[int], fired: dict[int, list[dict[str, Any]]], at: str, *,
           full: bool) -> None:
    """The stored cases whose risk is not what their row holds (or that have none) are written;
    the others keep their rows, so a refresh that changes little writes little (computed_at says
    when a case's risk was last computed to something other than before). Most cases have nothing
    fired and a row saying so: only the rows saying something else are read, and the cases without
    a row looked up in SQL, not a million rows compared in Python."""
    if full:
        db.execute("DELETE FROM case_risk WHERE case_id NOT IN (SELECT id FROM cases)")
        ids, scoped = [], ""
    else:
        ids, scoped = [json.dumps(sorted(stored))], " AND case_id IN (SELECT value FROM json_each(?))"
    held = {row[0]: tuple(row) for row in db.execute(
        f"SELECT case_id, score, band, indicators FROM case_risk WHERE {_NOT_EMPTY}{scoped}", ids)}
    changed = {}
    for case_id, found in fired.items():
        if case_id in stored:
            score = combine([entry["points"] for entry in found])
            value = (case_id, score, band_of(score), json.dumps(found, ensure_ascii=False, sort_keys=True))
            if held.get(case_id) != value:
                changed[case_id] = value
    for case_id in held.keys() - fired.keys():         # something fired before, nothing now
        changed[case_id] = (case_id, 0.0, "none", "[]")
    for case_id in _without_row(db, stored, full):
        changed.setdefault(case_id, (case_id, 0.0, "none", "[]"))
    db.conn.executemany("INSERT OR REPLACE INTO case_risk (case_id, score, band, indicators, computed_at)"
                        " VALUES (?, ?, ?, ?, ?)", ((*changed[key], at) for key in sorted(changed)))


def _without_row(db: sqlite_utils.Database, stored: set[int], full: bool) -> list[int]:
    """The stored cases that have no case_risk row (for a full refresh every case is stored, and
    after the orphans' deletion equal counts mean none is missing)."""
    if full:
        if db.execute("SELECT COUNT(*) FROM case_risk").fetchone()[0] == len(stored):
            return []
        return [row[0] for row in db.execute(
            "SELECT id FROM cases WHERE NOT EXISTS (SELECT 1 FROM case_risk WHERE case_id = cases.id)")]
    return [row[0] for row in db.execute(
        "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT case_id FROM case_risk)",
        [json.dumps(sorted(stored))])]


def risk_of(db: sqlite_utils.Database, case_ids: Iterable[int]) -> dict[int, CaseRisk]:
    """The stored risk of each case asked for (score 0, band 'none' without a row)."""
    ids = sorted(set(case_ids))
    result = {case_id: CaseRisk(case_id, 0.0, "none", ()) for case_id in ids}
    for case_id, score, band, found in db.execute(
            "SELECT case_id, score, band, indicators FROM case_risk WHERE case_id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)]):
        result[case_id] = CaseRisk(case_id, score, band, tuple(json.loads(found)))
    return result


def last_run(db: sqlite_utils.Database) -> RiskRun | None:
    row = db.execute("SELECT id, computed_at, cases, skipped FROM risk_runs ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    skipped = tuple(Skipped(s["code"], tuple(s["missing"])) for s in json.loads(row[3]))
    return RiskRun(row[0], row[1], row[2], skipped, incremental=False)
