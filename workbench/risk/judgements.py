"""The near-duplicate judgements kept in the workspace (near_pairs, near_groups; schemas 17 and 18),
so a refresh judges only the candidate pairs whose judgement it cannot read back, and does not
search a group exactly as it was when last searched.

Why a pair's judgement can be read back (docs/risk.md, "Kept judgements"): within a group's texts
of one field, a pair (x before y in filing order) is a candidate when the two share a band, y is
filed within the window after x, and fewer than BUCKET_CAP texts of that band's bucket lie between
them. Adding texts to a bucket only pushes its members apart; only a text leaving it (a case
deleted, or its text, field, filing day, kind, applicant or agent changed) can bring two closer. So
when every case a group had when it was last searched whole is still in it, unchanged, each pair of
those cases that is a candidate now was a candidate then, was judged then, and was kept when found
similar: a kept pair is similar with the kept count of shared hashes, an absent one is not. When
the group has no other case either, its candidates are the very same, and so are its similar
pairs: what its search found (near_groups.found) is read back.

Which cases are unchanged since a group's search: a case's sketch row is deleted when its texts
change and marked (placed NULL) when its kind, applicant, agent or filing date does (schema 18's
triggers), and holds the generation that last wrote it; a case whose row is current and no newer
than the group's search was in the group then as it is now. The group is trusted when as many such
cases are in it as it had then (they are among its cases of then, so they are all of them).
"""
from __future__ import annotations

import hashlib
import json
import sys
from array import array
from typing import Iterable

import sqlite_utils

from workbench.risk import minhash
from workbench.risk.settings import RiskSettings

_COUNTER = b""          # near_groups' row holding the last generation used


class KeptJudgements:
    """The judgements one refresh reads and keeps. `since`: case -> the generation of its sketch
    row, for the cases whose row is current (filled by the sketcher); `generation`: this refresh's."""

    def __init__(self, db: sqlite_utils.Database, s: RiskSettings) -> None:
        self.db = db
        self.settings = json.dumps([s.near_duplicate_window_days, s.near_duplicate_min, s.near_duplicate_similarity,
                                    s.near_duplicate_min_chars, minhash.BUCKET_CAP])
        self.generation = 1 + (db.execute("SELECT COALESCE(MAX(run), 0) FROM near_groups").fetchone()[0] or 0)
        self.since: dict[int, int] = {}
        self.groups = {key: (members, run, cut, found, cut_sizes) for key, members, run, cut, found, cut_sizes
                       in db.execute("SELECT key, members, run, cut, found, cut_sizes FROM near_groups"
                                     " WHERE key != ?", [_COUNTER])}
        self._kept: dict[tuple[int, int], int] | None = None
        self.fresh: dict[tuple[int, int], int] = {}         # pairs judged similar in this refresh
        self.searched: dict[bytes, tuple[int, list[int], array]] = {}   # groups searched whole: key ->
        #                                                 cases, cut buckets' sizes, similar pairs
        self.read_back = 0                                   # groups whose trusted pairs were read back

    def _key(self, kind: str, name: str) -> bytes:
        text = f"{kind}\x1f{name}\x1f{self.settings}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(text, digest_size=8).digest()

    @property
    def kept(self) -> dict[tuple[int, int], int]:
        """The kept similar pairs (read on first use: only a trusted group needs them)."""
        if self._kept is None:
            self._kept = {(a, b): shared for a, b, shared in self.db.execute("SELECT a, b, shared FROM near_pairs")}
        return self._kept

    def trusted(self, kind: str, name: str, members: list[int]) -> tuple[frozenset[int], bool]:
        """The group's cases whose pairs' judgements can be read back (see the module's docstring),
        and whether the group is as it was when searched: its candidate pairs are then the same, and
        its similar pairs what that search found (`found`)."""
        record = self.groups.get(self._key(kind, name))
        if record is None:
            return frozenset(), False
        count, run = record[:2]
        unchanged = frozenset(case for case in members if self.since.get(case, run + 1) <= run)
        if len(unchanged) != count:
            return frozenset(), False
        self.read_back += 1
        return unchanged, len(members) == count

    def found(self, kind: str, name: str) -> tuple[dict[tuple[int, int], int], list[int]] | None:
        """What the group's last search found: its similar pairs with their counts of shared
        hashes, and the sizes of the buckets it cut at the cap. None if not kept."""
        record = self.groups.get(self._key(kind, name))
        if record is None or record[3] is None:
            return None
        values = _ints(record[3])
        pairs = {(values[i], values[i + 1]): values[i + 2] for i in range(0, len(values), 3)}
        return pairs, list(_ints(record[4] or b""))

    def searched_whole(self, kind: str, name: str, members: int, cut: list[int],
                       similar: Iterable[tuple[int, int]], shared: dict[tuple[int, int], int] | None = None) -> None:
        """A group searched (or read back) whole: its size, the sizes of its buckets cut at the cap
        and its `similar` pairs with their counts of shared hashes (`shared`, or as judged in this
        refresh or kept)."""
        counts = shared if shared is not None else self.fresh
        found = array("q")
        for pair in similar:
            found.extend((*pair, counts[pair] if pair in counts else self.kept[pair]))
        self.searched[self._key(kind, name)] = (members, cut, found)

    def forget(self, cases: list[int]) -> None:
        """Cases sketched again: their kept pairs may no longer hold."""
        if cases and self.db.execute("SELECT EXISTS (SELECT 1 FROM near_pairs)").fetchone()[0]:
            ids = json.dumps(cases)
            self.db.execute("DELETE FROM near_pairs WHERE a IN (SELECT value FROM json_each(?))", [ids])
            self.db.execute("DELETE FROM near_pairs WHERE b IN (SELECT value FROM json_each(?))", [ids])
            self._kept = None

    def save(self, *, whole: bool) -> None:
        """Keeps the pairs found similar here and, when every group was searched whole (a full
        refresh), each group's size; moves the generation counter on either way."""
        self.db.conn.executemany("INSERT OR REPLACE INTO near_pairs (a, b, shared) VALUES (?, ?, ?)",
                                 ((a, b, shared) for (a, b), shared in sorted(self.fresh.items())))   # in key order
        rows = [(key, members, self.generation, bool(cut), _blob(found), _blob(array("q", cut)) if cut else None)
                for key, (members, cut, found) in self.searched.items()] if whole else []
        rows.append((_COUNTER, 0, self.generation, False, None, None))
        self.db.conn.executemany("INSERT OR REPLACE INTO near_groups (key, members, run, cut, found, cut_sizes)"
                                 " VALUES (?, ?, ?, ?, ?, ?)", rows)


def _blob(values: array) -> bytes:
    """8-byte integers, little-endian whatever the machine."""
    if sys.byteorder != "little":
        values = array("q", values)
        values.byteswap()
    return values.tobytes()


def _ints(blob: bytes) -> array:
    values = array("q")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values
