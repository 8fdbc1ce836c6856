"""The demo's coverage baseline written as a stream: the same entry, byte for byte, as
chain.record_baseline writes, without a dict of a million case digests and its JSON twice over.

The baseline's new value is _to_json({"reason", **coverage.snapshot(db)}) with its keys sorted:
"cases" {number: digest}, "inclusion", "reason", "reviews" {str(id): facts}, "round_cases". Its
two big maps are read from SQLite in the order json.dumps(sort_keys=True) writes them (numbers and
review ids as text: SQLite compares text as UTF-8 bytes, which orders as Python orders code
points) and dumped a chunk at a time (a chunk's JSON without its braces is that part of the
whole's); the entry's hash is fed piece by piece (workbench.audit.streamed.EntryHash).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from workbench.audit import chain, coverage
from workbench.audit.streamed import EntryHash

CHUNK = 10_000      # cases or reviews dumped at once


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _chunked(rows: Iterator[tuple[str, Any]]) -> Iterator[str]:
    """The members of a JSON object whose (key, value) pairs come in key order, a chunk at a time."""
    separator, chunk = "", {}
    for key, value in rows:
        chunk[key] = value
        if len(chunk) >= CHUNK:
            yield separator + _dumps(chunk)[1:-1]
            separator, chunk = ",", {}
    if chunk:
        yield separator + _dumps(chunk)[1:-1]


def _review_facts(db: sqlite_utils.Database) -> Iterator[tuple[str, dict[str, Any]]]:
    # As coverage.snapshot's "reviews", in the order of their ids as text.
    for review_id, case_id, reviewer, round_id, seconds, role in db.execute(
            "SELECT id, case_id, reviewer, round_id, active_seconds, role FROM reviews ORDER BY CAST(id AS TEXT)"):
        yield str(review_id), {"case_id": case_id, "reviewer": reviewer, "round_id": round_id,
                               "active_seconds": float(seconds or 0), "role": role}


def baseline_pieces(db: sqlite_utils.Database, reason: str) -> Iterator[str]:
    """The pieces of the baseline's new value (chain.record_baseline's, without extra), joined."""
    small = _small(db)
    yield '{"cases":{'
    yield from _chunked(coverage.ordered_case_digests(db))
    yield f'}},"inclusion":{_dumps(small["inclusion"])},"reason":{_dumps(reason)},"reviews":{{'
    yield from _chunked(_review_facts(db))
    yield f'}},"round_cases":{_dumps(small["round_cases"])}}}'


def _small(db: sqlite_utils.Database) -> dict[str, Any]:
    """coverage.snapshot's maps of round membership (few before the demo draws its round)."""
    return {
        "round_cases": {f"{r[0]}/{r[1]}": r[2] for r in db.execute(
            "SELECT round_id, case_id, reviewer FROM round_cases")},
        "inclusion": {f"{r[0]}/{r[1]}": r[2] for r in db.execute(
            "SELECT round_id, case_id, inclusion_probability FROM round_cases"
            " WHERE inclusion_probability IS NOT NULL")},
    }


def record_baseline(db: sqlite_utils.Database, *, actor: str, reason: str, at: str) -> None:
    """chain.record_baseline(db, actor=actor, reason=reason, at=at), streamed (inside the caller's
    transaction)."""
    entity, entity_id, action = coverage.BASELINE
    hashing = EntryHash(chain.last_hash(db), at, actor, entity, entity_id, action)
    pieces = []
    for piece in baseline_pieces(db, reason):
        hashing.update(piece)
        pieces.append(piece)
    new_json = "".join(pieces)
    del pieces
    db.execute(chain.INSERT, [at, actor, entity, entity_id, None, action, None, new_json,
                              chain.stored_hash(hashing.hexdigest())])

