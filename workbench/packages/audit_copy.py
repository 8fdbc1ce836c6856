"""Audit entries copied between workspaces: into a package when it is exported, back into the
manager's workspace when it is merged. Each copy is chained where it arrives, keeping its time,
actor and the hash it was first written with (`audit_origins`), so an entry is never copied twice.
"""
from __future__ import annotations

from typing import Any, Mapping

import sqlite_utils

from workbench.audit import chain

#: An audit entry with the hash it had where it was first written (both as stored: 32 bytes).
ENTRY_SELECT = ("SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.case_id, a.action, a.old_value,"
                " a.new_value, a.hash, COALESCE(o.origin_hash, a.hash) AS origin"
                " FROM audit_log a LEFT JOIN audit_origins o ON o.audit_id = a.id")


def audit_head(db: sqlite_utils.Database) -> tuple[int, str]:
    """(number of entries, hash of the last in hex), as package_info and package_exports record it."""
    return chain.head(db)


def append_copied(db: sqlite_utils.Database, entry: Mapping[str, Any], *, source: str) -> int:
    """Append an entry written elsewhere, chained here, keeping its time and actor and its origin hash."""
    digest = chain.entry_hash(chain.last_hash(db), entry["at"], entry["actor"], entry["entity"],
                              str(entry["entity_id"]), entry["case_id"], entry["action"], entry["old_value"],
                              entry["new_value"])
    audit_id = db.execute(chain.INSERT, [
        entry["at"], entry["actor"], entry["entity"], str(entry["entity_id"]), entry["case_id"], entry["action"],
        entry["old_value"], entry["new_value"], chain.stored_hash(digest)]).lastrowid
    db.execute("INSERT INTO audit_origins (audit_id, origin_hash, package_id) VALUES (?, ?, ?)",
               [audit_id, entry["origin"], source])
    return audit_id


def entry_review(entry: Mapping[str, Any]) -> int | None:
    """The (package) review an audit entry is about, if it is about one."""
    if entry["entity"] == "review":
        text = str(entry["entity_id"])
    elif entry["entity"] == "answer":
        text = str(entry["entity_id"]).split("/", 1)[0]
    else:
        return None
    return int(text) if text.isdigit() else None
