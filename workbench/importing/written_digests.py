"""The audit digests of the cases an import into an empty workspace writes, computed from the
parsed records on the validating thread (issue 20): building the digested text in SQL after the
rows are stored cost the storing thread about 7 us a case.

The digest is coverage.case_digest of the case as stored. A record holds exactly what is stored
(text as str, an unknown date or use_shown as None, use_shown as int) in this path, where every
accepted row is inserted as it is; a text with NUL (which SQLite's length() stops at) or a value of
another type makes the import fall back to the digests SQLite builds. Each digest is kept as its
8 bytes in insertion order, that is in case id order.
"""
from __future__ import annotations

import hashlib
import itertools
import operator
from typing import Any, Iterator

import sqlite_utils

from workbench.audit.coverage import BASE_FIELDS, CASE_FIELDS
from workbench.importing.row_parser import STORED_FIELDS

_IN_CASE_ORDER = operator.itemgetter(*(STORED_FIELDS.index(f) for f in CASE_FIELDS))
_RISK_FROM = len(BASE_FIELDS)
_FIELD = "{}:{}".format
#: "len:text|len:text..." of the base fields, filled from (len, text) pairs in one C-level call
#: (a third cheaper than a join of a format per field).
_BASE_TEXT = "|".join(["%d:%s"] * _RISK_FROM)
_PAIRS = itertools.chain.from_iterable


class WrittenDigests:
    """`add` each batch of (line, record) in the order it is inserted; `ordered` the digests after."""

    def __init__(self) -> None:
        self.digests = bytearray()
        self.exact = True           # False: a record this module cannot digest as SQLite would

    def add(self, batch: list[tuple[int, tuple[Any, ...]]]) -> None:
        if not self.exact:
            return
        sha256, out = hashlib.sha256, self.digests
        for _line, record in batch:
            values = _IN_CASE_ORDER(record)
            risk = values[_RISK_FROM:]
            try:      # most rows: every value a text, joined by C-level maps
                if risk.count(None) + risk.count("") == len(risk):
                    values = values[:_RISK_FROM]
                    text = _BASE_TEXT % tuple(_PAIRS(zip(map(len, values), values)))
                else:
                    text = "|".join(map(_FIELD, map(len, values), values))
            except TypeError:     # a date or use_shown unknown (None), use_shown 0/1: as str() writes it
                if any(v is not None and type(v) not in (str, int) for v in values):
                    self.exact = False
                    return
                text = "|".join(["-" if v is None else f"{len(str(v))}:{v}" for v in values])
            if "\x00" in text:
                self.exact = False
                return
            out += sha256(text.encode("utf-8")).digest()[:8]

    def ordered(self, db: sqlite_utils.Database, import_id: int) -> Iterator[tuple[str, str]] | None:
        """(number, digest) of the import's cases in number order; None when the stored cases are not
        the records added one for one in id order (then SQLite's digests are to be used)."""
        count = len(self.digests) // 8
        first, last, stored = db.execute("SELECT MIN(id), MAX(id), COUNT(*) FROM cases WHERE import_id = ?",
                                         [import_id]).fetchone()
        if not self.exact or stored != count or (count and last - first + 1 != count):
            return None
        # Every case this import's (as into an empty workspace): walked along the number's own index,
        # not found by the import's and sorted (half the time).
        everyone = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == stored
        return self._walk(db, import_id, first or 0, everyone)

    def _walk(self, db: sqlite_utils.Database, import_id: int, first: int,
              everyone: bool) -> Iterator[tuple[str, str]]:
        digests = self.digests
        cursor = (db.execute("SELECT application_number, id FROM cases ORDER BY application_number") if everyone
                  else db.execute("SELECT application_number, id FROM cases WHERE import_id = ?"
                                  " ORDER BY application_number", [import_id]))
        for number, case_id in cursor:
            start = (case_id - first) * 8
            yield number, digests[start:start + 8].hex()
