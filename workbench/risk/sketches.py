"""Each case's near-duplicate sketch kept in the workspace (case_sketches, schema 15), so a refresh
sketches only the texts that are new or changed since the last one.

Sketching (normalising a text, hashing its 3-grams, picking the band keys) is the larger part of a
refresh's work in pure Python, about 60 us a text; reading a kept sketch back is a few. A kept row
is used only when its digest (of the minimum length, the title and the abstract) equals the case's
now, so an edited case, or another `near_duplicate_min_chars`, is sketched again; what is used is
exactly what `indicators.choose` would make, so the scores cannot differ (tested).
"""
from __future__ import annotations

import hashlib
import sys
from array import array
from typing import Iterator

import sqlite_utils

from workbench.risk import minhash
from workbench.risk.indicators import CaseRow, Chosen, choose
from workbench.risk.judgements import KeptJudgements
from workbench.risk.settings import RiskSettings

_SWAP = sys.byteorder != "little"       # blobs are little-endian whatever the machine
_BY_ID = 50_000                         # fewer cases than this: their rows looked up, not the whole table read


def digest(row: CaseRow, min_chars: int) -> bytes:
    """What a kept sketch was made from: a different digest, a different sketch."""
    text = f"{min_chars}\x1f{row.title}\x1f{row.abstract}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=8).digest()


def placement(row: CaseRow) -> bytes:
    """Where a case takes part in the near-duplicate search: its kind, groups and filing day."""
    text = f"{row.ip_type}\x1f{row.applicant}\x1f{row.agent}\x1f{row.filing_date}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=8).digest()


def _blob(values: array) -> bytes:
    if _SWAP:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _values(typecode: str, blob: bytes) -> array:
    values = array(typecode)
    values.frombytes(blob)
    if _SWAP:
        values.byteswap()
    return values


class StoredSketcher:
    """An `indicators.Sketcher` that reads kept sketches and keeps the ones it makes. Counts what it
    did: `kept` sketches read back, `made` cases sketched. It tells `judgements` (the refresh's) which
    cases' rows are current since when (`since`), has the kept pairs of the cases sketched again
    forgotten, and records each case's placement and the generation that wrote its row."""

    def __init__(self, db: sqlite_utils.Database, judgements: KeptJudgements | None = None) -> None:
        self.db = db
        self.judgements = judgements
        self.kept = 0
        self.made = 0

    def __call__(self, rows: list[CaseRow], s: RiskSettings) -> Chosen:
        digests = {row.id: digest(row, s.near_duplicate_min_chars) for row in rows}
        places = {row.id: placement(row) for row in rows}
        # Without a refresh's judgements, still the next generation, and kept pairs forgotten: a row
        # claiming an older one could pass for a case unchanged since a group was searched.
        judgements = self.judgements or KeptJudgements(self.db, s)
        generation, since = judgements.generation, judgements.since
        chosen: Chosen = {}
        moved: list[tuple[bytes, int, int]] = []
        same: dict[bytes, minhash.Sketch] = {}      # identical grams, one sketch object
        for case_id, field, grams, bands, placed, made in self._stored(digests):
            sketch = same.get(grams)
            if sketch is None and field is not None:
                sketch = same[grams] = minhash.Sketch(_values("I", grams), _values("q", bands))
            chosen[case_id] = None if field is None else (field, sketch)
            if placed == places[case_id]:
                since[case_id] = made
            else:
                moved.append((places[case_id], generation, case_id))
        self.db.conn.executemany("UPDATE case_sketches SET placed = ?, made = ? WHERE case_id = ?", moved)
        missing = [row for row in rows if row.id not in chosen]
        made = choose(missing, s)
        judgements.forget(list(made))
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO case_sketches (case_id, digest, field, grams, bands, placed, made)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((case_id, digests[case_id], *_columns(entry), places[case_id], generation)
             for case_id, entry in made.items()))
        chosen.update(made)
        self.kept += len(chosen) - len(made)
        self.made += len(made)
        return chosen

    def _stored(self, digests: dict[int, bytes]) -> Iterator[tuple[int, str | None, bytes, bytes, bytes | None, int]]:
        """(case, field, grams, bands, placed, made) of the kept sketches whose digest is the case's now."""
        sql = "SELECT case_id, digest, field, grams, bands, placed, made FROM case_sketches"
        params: list[str] = []
        if len(digests) < _BY_ID:
            sql += " WHERE case_id IN (SELECT value FROM json_each(?))"
            params.append("[" + ",".join(map(str, digests)) + "]")
        for case_id, kept, field, grams, bands, placed, made in self.db.execute(sql, params):
            if digests.get(case_id) == kept:
                yield case_id, field, grams, bands, placed, made


def _columns(entry: tuple[str, minhash.Sketch] | None) -> tuple[str | None, bytes | None, bytes | None]:
    if entry is None:
        return None, None, None
    field, sketch = entry
    return field, _blob(sketch.grams), _blob(sketch.bands)
