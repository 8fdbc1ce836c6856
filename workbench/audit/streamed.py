"""An import's audit entry written as a stream: the same entry, byte for byte, without holding it twice.

The entry of an import records a digest of every case it wrote ({"cases": {number: digest},
"file_name", "sha256"}, keys sorted). At one million cases the dict of digests, its JSON and the
entry hash's JSON of that JSON held about 250 MB. Here the digests come from SQLite in number
order (the order json.dumps(sort_keys=True) writes them: SQLite compares text as UTF-8 bytes,
which orders as Python orders code points), are written in chunks, and the entry's hash is fed
chunk by chunk: JSON escapes a string character by character, so the escape of the whole text
is the escapes of its chunks joined. Only the entry's text itself is held, once.
"""
from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring   # what json.dumps(ensure_ascii=False) writes a str as
from typing import Any, Iterable, Iterator

import sqlite_utils

from workbench.audit import chain, coverage

CHUNK = 10_000     # cases written to one piece of the entry's text


def import_entry_pieces(digests: Iterable[tuple[str, str]], file_name: str, sha256: str) -> Iterator[str]:
    """The pieces of _to_json({"cases": dict(digests), "file_name": ..., "sha256": ...}), joined;
    `digests` in the order of their numbers, each number once."""
    yield '{"cases":{'
    separator = ""
    batch: list[str] = []
    for number, digest in digests:
        batch.append(f"{encode_basestring(number)}:{encode_basestring(digest)}")
        if len(batch) >= CHUNK:
            yield separator + ",".join(batch)
            separator, batch = ",", []
    if batch:
        yield separator + ",".join(batch)
    yield f'}},"file_name":{encode_basestring(file_name)},"sha256":{encode_basestring(sha256)}}}'


class EntryHash:
    """chain.entry_hash of an entry whose new value is given in pieces (old value and case none)."""

    def __init__(self, prev_hash: str, at: str, actor: str, entity: str, entity_id: str, action: str) -> None:
        head = json.dumps([prev_hash, at, actor, entity, entity_id, None, action, None],
                          ensure_ascii=False, separators=(",", ":"))
        self.digest = hashlib.sha256(head[:-1].encode("utf-8") + b',"')

    def update(self, piece: str) -> None:
        self.digest.update(encode_basestring(piece)[1:-1].encode("utf-8"))

    def hexdigest(self) -> str:
        finished = self.digest.copy()
        finished.update(b'"]')
        return finished.hexdigest()


def record_import(db: sqlite_utils.Database, import_id: int, *, actor: str, file_name: str, sha256: str,
                  digests: Iterable[tuple[str, str]] | None = None) -> None:
    """The audit entry of an import: the digests of the cases it wrote (inserted or updated: they
    carry its id), streamed; `digests` in number order if the caller has them, else SQLite builds
    them. Written as record(new={"file_name", "sha256", "cases": {number: digest}}) would write it.
    Call inside the import's transaction."""
    baseline = not coverage.has_baseline(db)
    at, entity_id = chain.now_iso(), str(import_id)
    hashing = EntryHash(chain.last_hash(db), at, actor, "import", entity_id, "import")
    pieces = []
    if digests is None:
        digests = coverage.ordered_case_digests(db, "import_id = ?", [import_id])
    for piece in import_entry_pieces(digests, file_name, sha256):
        hashing.update(piece)
        pieces.append(piece)
    new_json: Any = "".join(pieces)
    del pieces
    db.execute(chain.INSERT, [at, actor, "import", entity_id, None, "import", None, new_json,
                              chain.stored_hash(hashing.hexdigest())])
    del new_json
    if baseline:   # as chain.record does: after the entry, which the baseline then covers
        chain.record_baseline(db, actor=actor, reason="first write by this version")
