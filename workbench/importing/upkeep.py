"""The search index and the case indexes kept up in bulk during an import, not row by row.

The full-text index (trigram FTS5, filled by the trigger cases_fts_insert) costs most of an
import's SQL time when it is filled one row at a time: each INSERT statement flushes FTS5's
pending terms into a small segment that is merged again and again. During an import the
trigger is dropped and the new cases are indexed by one INSERT ... SELECT per 20,000 rows;
into a workspace without cases the case indexes are likewise built once at the end (a sort,
instead of 1,000,000 random inserts into six b-trees). Both come back with their own SQL
before the import's transaction ends, so another connection never sees the workspace without
them, and a failed or cancelled import rolls the whole change back with everything else.

While the import fills it, FTS5 gathers up to 64 MB of terms before writing a segment (its
`hashsize`, 1 MB by default): fewer, larger segments to merge. Filling the index alone in batches
of 20,000 took 4.7 -> 3.6 s of CPU for 300,000 cases (5 MB more memory) and 15.8 -> 13.0 s for
1,000,000. The setting is put back as it was (a workspace keeps no row for it unless it had one),
so it lasts only as long as the import; a failed import's rollback takes it back too.

Only the trigger this schema defines is deferred: a workspace whose trigger says something
else keeps it live, so nothing it does is skipped.
"""
from __future__ import annotations

import sqlite_utils

from db.bulk import build_again, set_indexes_aside

FTS_TRIGGER = "cases_fts_insert"
#: The trigger's SQL as migration 0003 writes it (sqlite_master keeps the text as written).
FTS_TRIGGER_SQL = (
    "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN\n"
    "    INSERT INTO cases_fts (rowid, application_number, title, applicant)\n"
    "    VALUES (new.id, new.application_number, new.title, new.applicant);\n"
    "END")
#: What the trigger does, for many rows at once: the cases after `?` (by id).
_FILL_FTS = ("INSERT INTO cases_fts (rowid, application_number, title, applicant)"
             " SELECT id, application_number, title, applicant FROM cases WHERE id > ? ORDER BY id")
FTS_ROWS = 20_000            # new cases indexed at a time (a batch's insert overlaps the next's validation)
FTS_HASH_BYTES = 64 * 1024 * 1024       # FTS5 terms gathered in memory before a segment is written
_FTS_DEFAULT_HASH = 1024 * 1024         # FTS5's own default
_SET_HASH = "INSERT INTO cases_fts (cases_fts, rank) VALUES ('hashsize', ?)"


class DeferredUpkeep:
    """Drops the FTS insert trigger (and, into an empty workspace, the case indexes) for the
    length of an import; `catch_up` indexes the cases inserted since the last call, `restore`
    indexes the rest and recreates what was dropped. Call both inside the import's transaction."""

    def __init__(self, db: sqlite_utils.Database, *, indexes: bool) -> None:
        self.db = db
        self.indexed_to = db.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone()[0]
        self.pending = 0
        trigger = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                             [FTS_TRIGGER]).fetchone()
        self.trigger = trigger is not None and trigger[0] == FTS_TRIGGER_SQL
        self.hashsize: list[int] = []      # the workspace's own setting, if it has one
        if self.trigger:
            db.execute(f"DROP TRIGGER {FTS_TRIGGER}")
            self.hashsize = [row[0] for row in db.execute("SELECT v FROM cases_fts_config WHERE k = 'hashsize'")]
            db.execute(_SET_HASH, [FTS_HASH_BYTES])
        self.indexes = set_indexes_aside(db, ("cases",)) if indexes else []

    def inserted(self, rows: int) -> None:
        """`rows` more cases were inserted; index them once enough have gathered."""
        self.pending += rows
        if self.pending >= FTS_ROWS:
            self.catch_up()

    def catch_up(self) -> None:
        if not self.trigger:
            return
        self.db.execute(_FILL_FTS, [self.indexed_to])
        self.indexed_to = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone()[0]
        self.pending = 0

    def restore(self) -> None:
        self.catch_up()
        build_again(self.db, self.indexes)
        if self.trigger:
            self.db.execute(FTS_TRIGGER_SQL)
            self._restore_hashsize()

    def _restore_hashsize(self) -> None:
        if self.hashsize:
            self.db.execute(_SET_HASH, [self.hashsize[0]])
            return
        # The default set (so this connection uses it again), then its row dropped: the
        # workspace as it was; another connection reads the same default from no row.
        self.db.execute(_SET_HASH, [_FTS_DEFAULT_HASH])
        self.db.execute("DELETE FROM cases_fts_config WHERE k = 'hashsize'")
