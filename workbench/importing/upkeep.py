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
Likewise FTS5 merges its segments only when 16 of a size have gathered (its `automerge`, 4 by
default) while the import fills it: each term's entries are rewritten fewer times. Filling the
index alone in batches of 20,000, alternating runs: 300,000 cases 1.79-1.96 -> 1.21-1.55 s of CPU,
1,000,000 cases 8.2-9.3 -> 7.5-7.8 s (5 segments left instead of 9; later writes merge at the
default again; the same search results).

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
FTS_AUTOMERGE = 16                      # segments of a level gathered before FTS5 merges them
#: The settings an import uses: each with FTS5's own default, which a workspace without a row has.
FTS_SETTINGS = {"hashsize": (FTS_HASH_BYTES, 1024 * 1024), "automerge": (FTS_AUTOMERGE, 4)}
_SET = "INSERT INTO cases_fts (cases_fts, rank) VALUES (?, ?)"


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
        self.settings: dict[str, object] = {}      # the workspace's own settings, where it has them
        if self.trigger:
            db.execute(f"DROP TRIGGER {FTS_TRIGGER}")
            marks = ", ".join("?" for _ in FTS_SETTINGS)
            self.settings = dict(db.execute(f"SELECT k, v FROM cases_fts_config WHERE k IN ({marks})",
                                            list(FTS_SETTINGS)).fetchall())
            for name, (value, _default) in FTS_SETTINGS.items():
                db.execute(_SET, [name, value])
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
            self._restore_settings()

    def _restore_settings(self) -> None:
        for name, (_value, default) in FTS_SETTINGS.items():
            if name in self.settings:
                self.db.execute(_SET, [name, self.settings[name]])
                continue
            # The default set (so this connection uses it again), then its row dropped: the
            # workspace as it was; another connection reads the same default from no row.
            self.db.execute(_SET, [name, default])
            self.db.execute("DELETE FROM cases_fts_config WHERE k = ?", [name])
