"""Each case's near-duplicate sketch kept in the workspace (case_sketches and case_grams, schemas 15
and 18), so a refresh sketches only the texts that are new or changed since the last one.

Sketching (normalising a text, hashing its 3-grams, picking the band keys) is the larger part of a
refresh's work in pure Python, about 60 us a text; reading a kept sketch back is a few. A refresh
first reads the outline of every compared case (the field compared, its count of 3-gram hashes,
whether and when it moved: a narrow row) and the hashes and band keys (case_grams) only of the cases
in groups it must search again: an unchanged group is read back from what its last search found.

The workspace keeps the rows current itself (schema 18's triggers): changing a case's title or
abstract deletes its sketch, changing its kind, applicant, agent or filing date clears `placed`. A
kept row is used when it was made for the minimum length compared now (`digest`); what is used is
exactly what `indicators.choose` would make, so the scores cannot differ (tested). The texts are
read only for the cases sketched: the rows a refresh computes with carry none.
"""
from __future__ import annotations

import hashlib
import sys
from array import array
from typing import Iterable

import sqlite_utils

from workbench.risk import minhash
from workbench.risk.indicators import CaseRow, Chosen, Outline, choose
from workbench.risk.judgements import KeptJudgements
from workbench.risk.settings import DEFAULT, RiskSettings
from workbench.risk.workers import Workers

_SWAP = sys.byteorder != "little"       # blobs are little-endian whatever the machine
_BY_ID = 50_000                         # fewer cases than this: their rows looked up, not the whole table read

#: `placed` of a row written since its case last moved (any value but NULL; schema 17 kept a digest).
PLACED = b"\x01"


def digest(min_chars: int) -> bytes:
    """What a kept sketch was made for besides its texts: a different digest, a different sketch."""
    return hashlib.blake2b(f"{min_chars}".encode(), digest_size=8).digest()


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


def _id_list(ids: Iterable[int]) -> str:
    return "[" + ",".join(map(str, ids)) + "]"


class StoredSketcher:
    """An `indicators.Sketcher` that reads kept sketches and keeps the ones it makes. Counts what it
    did: `kept` outlines read back, `made` cases sketched. It tells `judgements` (the refresh's) which
    cases' rows are current since when (`since`), has the kept pairs of the cases sketched again
    forgotten, and records the generation that wrote each row."""

    def __init__(self, db: sqlite_utils.Database, judgements: KeptJudgements | None = None,
                 workers: Workers | None = None) -> None:
        self.db = db
        self.judgements = judgements
        self.workers = workers
        self.kept = 0
        self.made = 0
        self._fresh: Chosen = {}        # sketched here: their hashes are in memory already
        self._outline: Outline = {}
        self._rows: list[CaseRow] = []
        self._settings: RiskSettings = DEFAULT

    def outline(self, rows: list[CaseRow], s: RiskSettings) -> Outline:
        made_for = digest(s.near_duplicate_min_chars)
        # Without a refresh's judgements, still the next generation, and kept pairs forgotten: a row
        # claiming an older one could pass for a case unchanged since a group was searched.
        judgements = self.judgements or KeptJudgements(self.db, s)
        generation, since = judgements.generation, judgements.since
        wanted = {row.id for row in rows}
        outline: Outline = {}
        moved: list[tuple[bytes, int, int]] = []
        sql = "SELECT case_id, field, size, placed, made FROM case_sketches WHERE digest = ?"
        params: list[object] = [made_for]
        if len(wanted) < _BY_ID:
            sql += " AND case_id IN (SELECT value FROM json_each(?))"
            params.append(_id_list(wanted))
        for case_id, field, size, placed, made in self.db.execute(sql, params):
            if case_id not in wanted:
                continue
            outline[case_id] = None if field is None else (field, size)
            if placed is not None:
                since[case_id] = made
            else:
                moved.append((PLACED, generation, case_id))
        self.db.conn.executemany("UPDATE case_sketches SET placed = ?, made = ? WHERE case_id = ?", moved)
        missing = wanted - outline.keys()
        made = choose(self._with_texts([row for row in rows if row.id in missing] if missing else []), s, self.workers)
        judgements.forget(list(made))
        self._keep(made, made_for, generation)
        self._fresh.update(made)
        outline.update((case_id, None if entry is None else (entry[0], len(entry[1].grams)))
                       for case_id, entry in made.items())
        self.kept += len(outline) - len(made)
        self.made += len(made)
        self._outline, self._rows, self._settings = outline, rows, s
        return outline

    def sketches(self, case_ids: set[int]) -> Chosen:
        """The sketches of these cases (outlined before, each with a text compared)."""
        chosen: Chosen = {case_id: self._fresh[case_id] for case_id in case_ids if case_id in self._fresh}
        wanted = case_ids - chosen.keys()
        if not wanted:
            return chosen
        sql, params = "SELECT case_id, grams, bands FROM case_grams", []
        if len(wanted) < _BY_ID:
            sql += " WHERE case_id IN (SELECT value FROM json_each(?))"
            params.append(_id_list(wanted))
        same: dict[bytes, minhash.Sketch] = {}      # identical grams, one sketch object
        for case_id, grams, bands in self.db.execute(sql, params):
            if case_id in wanted:
                sketch = same.get(grams)
                if sketch is None:
                    sketch = same[grams] = minhash.Sketch(_values("I", grams), _values("q", bands))
                chosen[case_id] = (self._outline[case_id][0], sketch)
        lost = wanted - chosen.keys()
        if lost:    # hashes deleted by hand (derived data): made again from the texts, and kept
            made = choose(self._with_texts([row for row in self._rows if row.id in lost]), self._settings, self.workers)
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO case_grams (case_id, grams, bands) VALUES (?, ?, ?)",
                ((case_id, _blob(entry[1].grams), _blob(entry[1].bands)) for case_id, entry in made.items() if entry))
            chosen.update((case_id, entry) for case_id, entry in made.items() if entry)
        return chosen

    def _keep(self, made: Chosen, made_for: bytes, generation: int) -> None:
        # In case order: appended to the tables' b-trees, not inserted all over them.
        ordered = sorted(made.items())
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO case_sketches (case_id, digest, field, size, placed, made) VALUES (?, ?, ?, ?, ?, ?)",
            ((case_id, made_for, entry and entry[0], entry and len(entry[1].grams), PLACED, generation)
             for case_id, entry in ordered))
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO case_grams (case_id, grams, bands) VALUES (?, ?, ?)",
            ((case_id, _blob(entry[1].grams), _blob(entry[1].bands)) for case_id, entry in ordered if entry))
        self.db.conn.execute("DELETE FROM case_grams WHERE case_id IN (SELECT value FROM json_each(?))",
                             [_id_list(case_id for case_id, entry in made.items() if entry is None)])

    def _with_texts(self, rows: list[CaseRow]) -> list[CaseRow]:
        """The rows with their titles and abstracts, read for those that carry none."""
        bare = [row.id for row in rows if row.title is None]
        if not bare:
            return rows
        texts: dict[int, tuple[str, str]] = {}
        for start in range(0, len(bare), _BY_ID):
            texts.update((case_id, (title, abstract)) for case_id, title, abstract in self.db.execute(
                "SELECT id, title, abstract FROM cases WHERE id IN (SELECT value FROM json_each(?))",
                [_id_list(bare[start:start + _BY_ID])]))
        return [row if row.title is not None else row._replace(title=texts[row.id][0], abstract=texts[row.id][1])
                for row in rows]
