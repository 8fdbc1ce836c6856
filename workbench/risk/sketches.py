"""Each case's near-duplicate sketch kept in the workspace (case_sketches, schema 15), so a refresh
sketches only the texts that are new or changed since the last one.

Sketching (normalising a text, hashing its 3-grams, picking the band keys) is the larger part of a
refresh's work in pure Python, about 60 us a text; reading a kept sketch back is a few. The
workspace keeps the rows current itself (schema 18's triggers): changing a case's title or abstract
deletes its row, changing its kind, applicant, agent or filing date clears `placed`. A kept row is
used when it was made for the minimum length compared now (`digest`); what is used is exactly what
`indicators.choose` would make, so the scores cannot differ (tested). A refresh reads the texts of
the cases it must sketch only: the rows it computes with carry none.
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


def digest(min_chars: int) -> bytes:
    """What a kept sketch was made for besides its texts: a different digest, a different sketch."""
    return hashlib.blake2b(f"{min_chars}".encode(), digest_size=8).digest()


#: `placed` of a row written since its case last moved (any value but NULL; schema 17 kept a digest).
PLACED = b"\x01"


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
        made_for = digest(s.near_duplicate_min_chars)
        wanted = {row.id for row in rows}
        # Without a refresh's judgements, still the next generation, and kept pairs forgotten: a row
        # claiming an older one could pass for a case unchanged since a group was searched.
        judgements = self.judgements or KeptJudgements(self.db, s)
        generation, since = judgements.generation, judgements.since
        chosen: Chosen = {}
        moved: list[tuple[bytes, int, int]] = []
        same: dict[bytes, minhash.Sketch] = {}      # identical grams, one sketch object
        for case_id, field, grams, bands, placed, made in self._stored(wanted, made_for):
            sketch = same.get(grams)
            if sketch is None and field is not None:
                sketch = same[grams] = minhash.Sketch(_values("I", grams), _values("q", bands))
            chosen[case_id] = None if field is None else (field, sketch)
            if placed is not None:
                since[case_id] = made
            else:
                moved.append((PLACED, generation, case_id))
        self.db.conn.executemany("UPDATE case_sketches SET placed = ?, made = ? WHERE case_id = ?", moved)
        made = choose(self._with_texts([row for row in rows if row.id not in chosen]), s)
        judgements.forget(list(made))
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO case_sketches (case_id, digest, field, grams, bands, placed, made)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((case_id, made_for, *_columns(entry), PLACED, generation) for case_id, entry in made.items()))
        chosen.update(made)
        self.kept += len(chosen) - len(made)
        self.made += len(made)
        return chosen

    def _stored(self, wanted: set[int], made_for: bytes) -> Iterator[tuple[int, str | None, bytes, bytes, bytes | None, int]]:
        """(case, field, grams, bands, placed, made) of the kept sketches of `wanted` cases made for
        the minimum length compared now."""
        sql = "SELECT case_id, field, grams, bands, placed, made FROM case_sketches WHERE digest = ?"
        params: list[object] = [made_for]
        if len(wanted) < _BY_ID:
            sql += " AND case_id IN (SELECT value FROM json_each(?))"
            params.append("[" + ",".join(map(str, wanted)) + "]")
        for row in self.db.execute(sql, params):
            if row[0] in wanted:
                yield row

    def _with_texts(self, rows: list[CaseRow]) -> list[CaseRow]:
        """The rows with their titles and abstracts, read for those that carry none."""
        bare = [row.id for row in rows if row.title is None]
        if not bare:
            return rows
        texts: dict[int, tuple[str, str]] = {}
        for start in range(0, len(bare), _BY_ID):
            ids = "[" + ",".join(map(str, bare[start:start + _BY_ID])) + "]"
            texts.update((case_id, (title, abstract)) for case_id, title, abstract in self.db.execute(
                "SELECT id, title, abstract FROM cases WHERE id IN (SELECT value FROM json_each(?))", [ids]))
        return [row if row.title is not None else row._replace(title=texts[row.id][0], abstract=texts[row.id][1])
                for row in rows]


def _columns(entry: tuple[str, minhash.Sketch] | None) -> tuple[str | None, bytes | None, bytes | None]:
    if entry is None:
        return None, None, None
    field, sketch = entry
    return field, _blob(sketch.grams), _blob(sketch.bands)
