"""Anchors: the audit chain's head, written into what leaves the workspace.

A hash chain without a secret proves nothing against someone who rewrites it and re-hashes
it (or cuts its tail off): that needs a copy of the head kept elsewhere. Every workbook
(About sheet), PDF report (`anchor_line`) and work package written records the number of
entries and the hash of the last one; `verify --anchor FILE|HASH` proves that the workspace's
chain still extends it, or says at which entry it diverges.
"""
from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from workbench.audit import chain
from foundation.errors import WorkbenchError, register

PREFIX = "audit-anchor"
_PATTERN = re.compile(r"(?:(\d+):)?([0-9a-f]{64})")

register({
    "anchor.unreadable": "Cannot read the anchor {source}: {detail}.",
    "anchor.not_found": "{source} holds no audit anchor (a workbook's About sheet, a work package or a text "
                        "file with the hash written by the workbench).",
})


@dataclass(frozen=True)
class Anchor:
    count: int | None       # entries in the chain when written; None when only the hash is known
    head: str               # hash of the last entry

    def text(self) -> str:
        return f"{PREFIX}:{self.count}:{self.head}"


def current(db: sqlite_utils.Database) -> Anchor:
    count, head = chain.head(db)
    return Anchor(count, head)


def anchor_line(db: sqlite_utils.Database) -> str:
    """The line a report (PDF or other) prints so a reader can check the workspace later."""
    return f"Audit anchor: {current(db).text()}"


def parse(text: str) -> Anchor | None:
    match = _PATTERN.search(text.lower())
    if match is None:
        return None
    return Anchor(int(match.group(1)) if match.group(1) else None, match.group(2))


def read(source: str) -> Anchor:
    """An anchor given as a hash ("N:hash" or the hash alone) or in a file: a workbook, a work
    package or a text file. Files are only read, never opened for writing."""
    path = Path(source)
    if not path.exists():
        found = parse(source)
        if found is None or len(source.strip()) > 200:
            raise WorkbenchError("anchor.not_found", source=source)
        return found
    try:
        if not path.is_file():
            raise WorkbenchError("anchor.unreadable", source=source, detail="not a regular file")
        with path.open("rb") as handle:
            magic = handle.read(16)
        if magic.startswith(b"SQLite format 3"):
            found = _from_package(path)
        elif magic.startswith(b"PK"):
            found = _from_workbook(path)
        else:
            found = parse(path.read_text(encoding="utf-8", errors="replace")[:100_000])
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as exc:
        raise WorkbenchError("anchor.unreadable", source=source, detail=str(exc)) from exc
    if found is None:
        raise WorkbenchError("anchor.not_found", source=source)
    return found


def _from_package(path: Path) -> Anchor | None:
    """A package records, in its coverage baseline, the head of the workspace that wrote it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        row = conn.execute("SELECT new_value FROM audit_log WHERE entity = 'workspace' AND entity_id = 'coverage'"
                           " ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    source = (json.loads(row[0]) or {}).get("source_anchor") if row and row[0] else None
    return Anchor(int(source["count"]), str(source["head"])) if source else None


def _from_workbook(path: Path) -> Anchor | None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/") and name.endswith(".xml") and archive.getinfo(name).file_size < 50_000_000:
                text = archive.read(name).decode("utf-8", errors="replace")
                at = text.find(PREFIX + ":")
                if at >= 0:
                    return parse(text[at:at + 200])
    return None


def check(db: sqlite_utils.Database, anchor: Anchor) -> list[str]:
    """Empty when the workspace's chain extends the anchor; else where it diverges."""
    count, _ = chain.head(db)
    if anchor.count is None:
        row = db.execute("SELECT id FROM audit_log WHERE hash = ?", [chain.stored_hash(anchor.head)]).fetchone()
        if row is None:
            return [f"the anchor {anchor.head[:16]}... is not in the audit chain: the chain was rewritten or "
                    "entries were removed after it was written"]
        return []
    if anchor.count == 0:
        return []
    if count < anchor.count:
        return [f"the audit chain has {count} entries, but the anchor was written when it had {anchor.count}: "
                f"entries {count + 1}-{anchor.count} (at least) were removed (rolled back)"]
    row = db.execute("SELECT hash FROM audit_log WHERE id = ?", [anchor.count]).fetchone()
    if row is not None and chain.hash_text(row[0]) == anchor.head:
        return []
    return [f"audit entry {anchor.count} is not the entry anchored: the chain was rewritten at or before entry "
            f"{anchor.count} (re-hashed after an edit)"]
