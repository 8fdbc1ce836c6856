"""Checklist templates in a workspace: the built-in ones, and the frozen versions stored.

A stored version never changes once stored; reviews name the version they used.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.paths import resource_dir
from workbench.audit import chain
from workbench.review.checklist_parsing import load_template, parse_template
from workbench.review.checklists import Checklist, Text, canonical_json

BUILTIN_DIR = resource_dir() / "checklists"

register({
    "checklist.unknown": "No checklist template {template_id} version {version} in this workspace.",
})


def builtin_template_paths() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.json"))


def builtin_templates() -> list[Checklist]:
    return [load_template(path) for path in builtin_template_paths()]


def store(db: sqlite_utils.Database, checklist: Checklist) -> int:
    """Store a template version in the workspace (idempotent); returns its row id.

    A stored version never changes: storing different content under a used
    (template id, version) pair stores it as the next free version instead.
    """
    definition = checklist.canonical_json()
    digest = hashlib.sha256(definition.encode("utf-8")).hexdigest()
    with db.atomic():
        row = db.execute("SELECT id, sha256 FROM checklists WHERE template_id = ? AND version = ?",
                         [checklist.template_id, checklist.version]).fetchone()
        if row is not None and row[1] == digest:
            return row[0]
        version = checklist.version
        if row is not None:
            same = db.execute("SELECT id FROM checklists WHERE template_id = ? AND sha256 = ?",
                              [checklist.template_id, digest]).fetchone()
            if same is not None:
                return same[0]
            version = db.execute("SELECT MAX(version) + 1 FROM checklists WHERE template_id = ?",
                                 [checklist.template_id]).fetchone()[0]
            data = dict(checklist.definition)
            data["version"] = version
            definition = canonical_json(data)
            digest = hashlib.sha256(definition.encode("utf-8")).hexdigest()
        cursor = db.execute(
            "INSERT INTO checklists (template_id, version, name_en, name_zh, definition, sha256, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [checklist.template_id, version, checklist.name.en, checklist.name.zh, definition, digest,
             chain.now().isoformat(timespec="seconds")])
        return cursor.lastrowid


_PARSED: dict[str, Checklist] = {}   # stored definition text -> parsed checklist
_PARSED_LIMIT = 64


def load_stored(db: sqlite_utils.Database, checklist_id: int) -> Checklist:
    """A stored version, parsed. Versions are frozen, so a parse is kept and reused (keyed by
    the stored text itself, so even a definition edited outside the application is re-read)."""
    row = db.execute("SELECT definition, template_id, version FROM checklists WHERE id = ?",
                     [checklist_id]).fetchone()
    if row is None:
        raise WorkbenchError("checklist.unknown", template_id=f"#{checklist_id}", version="?")
    cached = _PARSED.get(row[0])
    if cached is not None:
        return cached
    checklist = parse_template(json.loads(row[0]), source=f"{row[1]} v{row[2]}")
    if len(_PARSED) >= _PARSED_LIMIT:
        _PARSED.clear()
    _PARSED[row[0]] = checklist
    return checklist


def stored_templates(db: sqlite_utils.Database) -> list[tuple[int, str, int, Text]]:
    """Every stored version, newest first within a template: (row id, template id, version, name)."""
    return [(row[0], row[1], row[2], Text(row[3], row[4])) for row in db.execute(
        "SELECT id, template_id, version, name_en, name_zh FROM checklists ORDER BY template_id, version DESC")]


def is_used(db: sqlite_utils.Database, checklist_id: int) -> bool:
    """Has any review used this version (then it is frozen for good)?"""
    return db.execute("SELECT 1 FROM reviews WHERE checklist_id = ? LIMIT 1", [checklist_id]).fetchone() is not None


def next_version(db: sqlite_utils.Database, template_id: str) -> int:
    row = db.execute("SELECT MAX(version) FROM checklists WHERE template_id = ?", [template_id]).fetchone()
    return (row[0] or 0) + 1


def install_builtins(db: sqlite_utils.Database) -> dict[str, int]:
    """Make sure each built-in template is stored; returns template id -> row id."""
    return {checklist.template_id: store(db, checklist) for checklist in builtin_templates()}


def checklist_for(db: sqlite_utils.Database, ip_type: str) -> int | None:
    """The newest stored template version that applies to an IP type (not a screening one)."""
    rows = db.execute("SELECT id, definition FROM checklists ORDER BY version DESC, id DESC").fetchall()
    for row_id, definition in rows:
        data = json.loads(definition)
        if ip_type in data.get("ip_types", []) and "screening" not in data.get("procedures", []):
            return row_id
    return None

