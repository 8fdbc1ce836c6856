"""Every stored fact a figure depends on is covered by the audit chain.

The audit log already tells every answer given; this module makes it tell the rest, and
checks it: the facts of each case (a digest per case, recorded in the entry of the import
that wrote it), who owns each review, its case, round, role and active time (the review's
open / take-over / reassign / time / merge entries), round membership (draw / assign /
reassign entries) and each drawn case's inclusion probability (the draw entry), which the
figures of a risk-based round weight by. Replaying the log from its first baseline gives what the tables must
hold; `check_coverage` names every difference, so an edit without a matching entry is found.

A baseline entry ('workspace', 'coverage', 'baseline') records the whole state at once: after the first entry
this version writes into a workspace (new, or written by a version before coverage: what it held then is taken as given, never as tampering),
after a demo is generated, and in each work package as it is written. A workspace without
one has not been written by this version: nothing is checked beyond the chain and answers.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Iterator

import sqlite_utils

#: The case columns covered: every fact imported (figures filter and group by them).
BASE_FIELDS = ("application_number", "ip_type", "title", "applicant", "examiner", "department",
               "classification", "procedure", "decision", "filing_date", "decision_date", "extra")
#: The facts risk indicators read (schema 10). A case without any of them hashes as before schema 10,
#: so a workspace upgraded from schema 9 verifies against the digests its imports recorded.
RISK_FIELDS = ("agent", "applicant_type", "abstract", "nice_classes", "use_shown")
CASE_FIELDS = BASE_FIELDS + RISK_FIELDS
BASELINE = ("workspace", "coverage", "baseline")     # entity, entity_id, action
TIME_TOLERANCE = 0.5                                 # seconds: float sums in a different order


def case_digest(values: Iterable[Any]) -> str:
    """16 hex digits of SHA-256 over the covered fields (CASE_FIELDS, in order). Each field is
    written with its length (None as '-'), so no text can shift into its neighbour; about five
    times cheaper than a JSON dump per case, which a 100,000-case import does twice. The risk
    fields are written only when one of them is given ('' and None are not)."""
    values = list(values)
    if all(v is None or v == "" for v in values[len(BASE_FIELDS):]):
        values = values[:len(BASE_FIELDS)]
    text = "|".join("-" if v is None else f"{len(str(v))}:{v}" for v in values)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _field_text(field: str) -> str:
    return f"CASE WHEN {field} IS NULL THEN '-' ELSE length({field}) || ':' || {field} END"


# The text case_digest hashes, built by SQLite itself (a tenth of the time of building it in
# Python for 100,000 cases). length() counts characters, as Python's len() does.
_DIGEST_TEXT = (" || '|' || ".join(_field_text(f) for f in BASE_FIELDS)
                + " || CASE WHEN " + " AND ".join(f"({f} IS NULL OR {f} = '')" for f in RISK_FIELDS)
                + " THEN '' ELSE '|' || " + " || '|' || ".join(_field_text(f) for f in RISK_FIELDS) + " END")


def case_digests(db: sqlite_utils.Database, where: str = "1", params: list[Any] | None = None) -> dict[str, str]:
    """application number -> case_digest, for the cases `where` selects."""
    sha256 = hashlib.sha256
    cursor = db.execute(f"SELECT application_number, {_DIGEST_TEXT} FROM cases WHERE {where}", params or [])
    return {number: sha256(text.encode("utf-8")).hexdigest()[:16] for number, text in cursor}


def ordered_case_digests(db: sqlite_utils.Database, where: str = "1",
                         params: list[Any] | None = None) -> Iterator[tuple[str, str]]:
    """(application number, case_digest) of the cases `where` selects, in number order, one at a
    time: an import of a million cases never holds them all (workbench.audit.streamed)."""
    sha256 = hashlib.sha256
    cursor = db.execute(f"SELECT application_number, {_DIGEST_TEXT} FROM cases WHERE {where}"
                        " ORDER BY application_number", params or [])
    for number, text in cursor:
        yield number, sha256(text.encode("utf-8")).hexdigest()[:16]


def review_fact(db: sqlite_utils.Database, review_id: int) -> dict[str, Any]:
    row = db.execute("SELECT case_id, reviewer, round_id, active_seconds, role FROM reviews WHERE id = ?",
                     [review_id]).fetchone()
    return {"case_id": row[0], "reviewer": row[1], "round_id": row[2], "active_seconds": float(row[3] or 0.0),
            "role": row[4]}


def snapshot(db: sqlite_utils.Database) -> dict[str, Any]:
    """The covered state as stored now."""
    return {
        "cases": case_digests(db),
        "reviews": {str(r[0]): {"case_id": r[1], "reviewer": r[2], "round_id": r[3], "active_seconds": float(r[4] or 0),
                                "role": r[5]}
                    for r in db.execute("SELECT id, case_id, reviewer, round_id, active_seconds, role FROM reviews")},
        "round_cases": {f"{r[0]}/{r[1]}": r[2] for r in db.execute(
            "SELECT round_id, case_id, reviewer FROM round_cases")},
        # Only the probabilities stored (rounds drawn before schema 10 have none).
        "inclusion": {f"{r[0]}/{r[1]}": r[2] for r in db.execute(
            "SELECT round_id, case_id, inclusion_probability FROM round_cases"
            " WHERE inclusion_probability IS NOT NULL")},
    }


def has_baseline(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ?)",
                      list(BASELINE[:2])).fetchone()[0] == 1


def expected_state(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """What the audit log says the covered tables hold; None without a baseline."""
    start = db.execute("SELECT MIN(id) FROM audit_log WHERE entity = ? AND entity_id = ?",
                       list(BASELINE[:2])).fetchone()[0]
    if start is None:
        return None
    cases: dict[str, str] = {}
    reviews: dict[str, dict[str, Any]] = {}
    members: dict[str, Any] = {}
    inclusion: dict[str, float] = {}
    for entity, entity_id, case_id, action, old_json, new_json in db.execute(
            "SELECT entity, entity_id, case_id, action, old_value, new_value FROM audit_log WHERE id >= ?"
            " AND entity IN ('workspace', 'import', 'review', 'round_case') ORDER BY id", [start]):
        new = json.loads(new_json) if new_json else {}
        if entity == "workspace":
            if action == BASELINE[2]:
                cases, reviews, members = dict(new["cases"]), dict(new["reviews"]), dict(new["round_cases"])
                inclusion = dict(new.get("inclusion") or {})
        elif entity == "import":
            if action == "import":
                cases.update(new.get("cases") or {})
            elif action == "remove_import":
                for number in (json.loads(old_json) if old_json else {}).get("cases") or []:
                    cases.pop(number, None)
        elif entity == "review":
            if action == "open":
                reviews[entity_id] = {"case_id": case_id, "reviewer": new.get("reviewer"),
                                      "round_id": new.get("round_id"), "active_seconds": 0.0,
                                      "role": new.get("role", "regular")}
            elif entity_id in reviews and action in ("take_over", "reassign"):
                reviews[entity_id]["reviewer"] = new.get("reviewer")
            elif entity_id in reviews and action == "time":
                reviews[entity_id]["active_seconds"] += float(new.get("seconds") or 0.0)
            elif action == "merge" and "state" in new:
                reviews[entity_id] = dict(new["state"])
        elif action in ("draw", "assign", "reassign"):
            members[entity_id] = new.get("reviewer")
            if action == "draw" and new.get("inclusion_probability") is not None:
                inclusion[entity_id] = new["inclusion_probability"]
    return {"cases": cases, "reviews": reviews, "round_cases": members, "inclusion": inclusion}


def check_coverage(db: sqlite_utils.Database) -> list[str]:
    """Every stored fact that differs from what the audit log says, one sentence each."""
    expected = expected_state(db)
    if expected is None:
        return []
    stored = snapshot(db)
    problems: list[str] = []
    want, have = expected["cases"], stored["cases"]
    for number in sorted(set(want) | set(have)):
        if number not in have:
            problems.append(f"case {number} was deleted outside the application")
        elif number not in want:
            problems.append(f"case {number} was added outside the application")
        elif want[number] != have[number]:
            problems.append(f"case {number}: its facts (IP type, examiner, department, dates...) were changed "
                            "outside the application")
    numbers = {r[0]: r[1] for r in db.execute("SELECT id, application_number FROM cases")}
    want, have = expected["reviews"], stored["reviews"]
    for key in sorted(set(want) | set(have), key=lambda k: int(k) if k.isdigit() else 0):
        if key not in have:
            problems.append(f"review {key} was deleted outside the application")
            continue
        case = numbers.get(have[key]["case_id"], have[key]["case_id"])
        if key not in want:
            problems.append(f"review {key} (case {case}) was added outside the application")
            continue
        for field in ("case_id", "reviewer", "round_id", "active_seconds", "role"):
            a, b = want[key].get(field), have[key].get(field)
            if field == "role":       # a baseline or merge written before schema 7 knew only regular reviews
                a = a or "regular"
            same = abs(float(a or 0) - float(b or 0)) <= TIME_TOLERANCE if field == "active_seconds" else a == b
            if not same:
                label = {"case_id": "case", "round_id": "round", "active_seconds": "active time",
                         "role": "role (regular, calibration or consensus)"}.get(field, field)
                if field == "case_id":
                    a, b = numbers.get(a, a), numbers.get(b, b)
                problems.append(f"review {key} (case {case}): its {label} was changed outside the application "
                                f"(the audit log says {a}, the database holds {b})")
    want, have = expected["round_cases"], stored["round_cases"]
    for key in sorted(set(want) | set(have)):
        round_id, _, case_id = key.partition("/")
        case = numbers.get(int(case_id), case_id) if case_id.isdigit() else case_id
        if key not in have:
            problems.append(f"round {round_id}: case {case} was removed from the round outside the application")
        elif key not in want:
            problems.append(f"round {round_id}: case {case} was added to the round outside the application")
        elif want[key] != have[key]:
            problems.append(f"round {round_id}: case {case} was reassigned outside the application "
                            f"(the audit log says {want[key]}, the database holds {have[key]})")
    problems.extend(_inclusion_problems(expected["inclusion"], stored["inclusion"], numbers))
    return problems


def _inclusion_problems(want: dict[str, float], have: dict[str, float], numbers: dict[int, str]) -> list[str]:
    """A drawn case whose stored inclusion probability is not the one its draw entry recorded."""
    problems = []
    for key in sorted(set(want) | set(have)):
        a, b = want.get(key), have.get(key)
        if a is not None and b is not None and abs(a - b) <= 1e-12 * max(abs(a), 1e-300):
            continue
        round_id, _, case_id = key.partition("/")
        case = numbers.get(int(case_id), case_id) if case_id.isdigit() else case_id
        problems.append(f"round {round_id}: case {case}: its inclusion probability was changed outside the "
                        f"application (the audit log says {a}, the database holds {b})")
    return problems
