"""The audit log: who changed what, when, from what to what, chained by hash.

Each entry's hash covers its content and the previous entry's hash, so an edit of
the database behind the application's back (changing, deleting or inserting a row
of the log) breaks the chain at a place `verify_chain` can name.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from workbench.audit import coverage

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    entity: str
    entity_id: str
    case_id: int | None
    action: str
    old_value: Any
    new_value: Any


#: The clock "now" reads in this thread: None for the real one; `use_clock` sets another.
_CLOCK: ContextVar[Callable[[], datetime] | None] = ContextVar("workbench_clock", default=None)


def now() -> datetime:
    """This moment (UTC): the real time, or the clock `use_clock` put in force."""
    clock = _CLOCK.get()
    return datetime.now(timezone.utc) if clock is None else clock()


def now_iso() -> str:
    return now().isoformat(timespec="microseconds")


@contextmanager
def use_clock(clock: Callable[[], datetime]) -> Iterator[None]:
    """Inside the block, every time the workspace records in this thread (audit entries, reviews,
    rounds, checklists) comes from `clock`, which returns UTC moments: the demo writes a past it
    makes up, the same on every run, through the same code the window uses."""
    token = _CLOCK.set(clock)
    try:
        yield
    finally:
        _CLOCK.reset(token)


def entry_hash(prev_hash: str, at: str, actor: str, entity: str, entity_id: str, case_id: int | None,
               action: str, old_json: str | None, new_json: str | None) -> str:
    """The entry's hash in hex, as users, anchors and packages see it (`stored_hash` is what the log
    holds); it covers the previous entry's hash in hex, in every schema version."""
    payload = json.dumps([prev_hash, at, actor, entity, entity_id, case_id, action, old_json, new_json],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: How an entry is written (schema 12): its hash as 32 bytes; the previous hash is that entry's.
INSERT = ("INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, old_value, new_value, hash)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def stored_hash(hex_hash: str) -> bytes:
    """A hash as the log stores it."""
    return bytes.fromhex(hex_hash)


def hash_text(stored: bytes | str) -> str:
    """A stored hash in hex. A text is returned as it is: only an edit behind the application's
    back stores one (migration 0012 kept such values as they were), and it matches no hash."""
    return stored.hex() if isinstance(stored, bytes) else str(stored)


def last_hash(db: sqlite_utils.Database) -> str:
    """The hash of the chain's last entry in hex (GENESIS for an empty chain): what the next covers."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return hash_text(row[0]) if row else GENESIS


def _to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record(db: sqlite_utils.Database, *, actor: str, entity: str, entity_id: str | int, action: str,
           old: Any = None, new: Any = None, case_id: int | None = None) -> None:
    """Append one entry. Call inside the transaction of the write it describes.

    The first entry this version writes into a chain without a coverage baseline (a new
    workspace, or one written by an older version) is followed by one: what the workspace
    holds then is taken as given, and every later change must come with its entry."""
    baseline = not coverage.has_baseline(db)
    append(db, actor=actor, entity=entity, entity_id=entity_id, action=action, old=old, new=new, case_id=case_id)
    if baseline:   # after the entry: the write it describes is already in what the baseline records
        record_baseline(db, actor=actor, reason="first write by this version")


def append(db: sqlite_utils.Database, *, actor: str, entity: str, entity_id: str | int, action: str,
           old: Any = None, new: Any = None, case_id: int | None = None, at: str | None = None) -> None:
    """Append one entry to the chain, as it is (`at`: a given time, for generated data)."""
    at = at or now_iso()
    old_json, new_json = _to_json(old), _to_json(new)
    digest = entry_hash(last_hash(db), at, actor, entity, str(entity_id), case_id, action, old_json, new_json)
    db.execute(INSERT, [at, actor, entity, str(entity_id), case_id, action, old_json, new_json, stored_hash(digest)])


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    """The chain's anchor: (number of entries, hash of the last). Entry ids run 1..n without gaps."""
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], hash_text(row[1])) if row else (0, GENESIS)


def history(db: sqlite_utils.Database, case_id: int) -> list[AuditEntry]:
    rows = db.execute(
        "SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value"
        " FROM audit_log WHERE case_id = ? ORDER BY id", [case_id]).fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                       json.loads(r[7]) if r[7] else None, json.loads(r[8]) if r[8] else None) for r in rows]


def verify_chain(db: sqlite_utils.Database) -> list[str]:
    """Every break in the chain, as a sentence naming the entry; empty when intact.

    Each entry's hash must be the hash of its content and of the entry before it (schema 12 reads
    the previous hash from that entry). A prev_hash that migration 0012 found was not the previous
    entry's (audit_prev_hashes) is checked as before the upgrade."""
    problems = []
    kept = dict(db.execute("SELECT audit_id, prev_hash FROM audit_prev_hashes").fetchall())
    prev_hash = GENESIS
    for row in db.execute("SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value,"
                          " hash FROM audit_log ORDER BY id"):
        (entry_id, at, actor, entity, entity_id, case_id, action, old_json, new_json, stored) = row
        stored_prev, actual = kept.get(entry_id, prev_hash), hash_text(stored)
        if stored_prev != prev_hash:
            problems.append(f"audit entry {entry_id}: the entry before it was removed or changed")
        if entry_hash(stored_prev, at, actor, entity, entity_id, case_id, action, old_json, new_json) != actual:
            # Without a stored prev_hash, an entry before it removed, or rewritten and re-hashed,
            # breaks this one too.
            problems.append(f"audit entry {entry_id} ({action} on {entity} {entity_id}) was altered"
                            + ("" if entry_id in kept else ", or an entry before it was removed or rewritten"))
        prev_hash = actual
    return problems


# -- entries that record the covered state (workbench.audit.coverage reads them back) ----------

def record_baseline(db: sqlite_utils.Database, *, actor: str, reason: str,
                    extra: dict[str, Any] | None = None, at: str | None = None) -> None:
    """Record the whole covered state as it is (inside the caller's transaction)."""
    append(db, actor=actor, entity=coverage.BASELINE[0], entity_id=coverage.BASELINE[1], action=coverage.BASELINE[2],
                 new={"reason": reason, **(extra or {}), **coverage.snapshot(db)}, at=at)


def ensure_baseline(db: sqlite_utils.Database, *, actor: str) -> bool:
    """Record a baseline now if the chain has none; returns whether one was recorded. An import
    calls it before writing its cases, so a new workspace's baseline is empty and the cases are
    covered once, by the import's own entry (instead of twice, 100,000 digests each)."""
    if coverage.has_baseline(db):
        return False
    record_baseline(db, actor=actor, reason="first write by this version")
    return True

