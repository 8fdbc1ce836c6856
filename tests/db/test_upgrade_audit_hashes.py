"""Migration 0012: the audit log's hashes stored as 32 bytes, prev_hash read from the entry before.

An upgraded log verifies, keeps every hash (so an anchor written before the upgrade still
matches), and an edit of an upgraded entry is found, as in a workspace created at schema 12.
What an edit left before the upgrade (a broken prev_hash, a hash that is not hex) is still named.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db.connection import open_database
from db.migrate import _unhex
from tests.data.make_schema_fixture import Writer
from workbench.audit import anchors, chain
from workbench.review import reviews
from workbench.review.integrity import check_workspace

V10 = Path(__file__).resolve().parent.parent / "data" / "schema_v10.sqlite3"


@pytest.fixture
def v10(tmp_path) -> Path:
    path = tmp_path / "v10.sqlite3"
    shutil.copyfile(V10, path)
    return path


def hex_log(path: Path) -> list[tuple[int, str, str]]:
    """(id, prev_hash, hash) of a schema 10 log, as stored."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def edit(path: Path, sql: str, params: list | tuple = ()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_an_upgraded_log_keeps_every_hash_as_bytes_and_verifies(v10):
    before = hex_log(v10)
    db = open_database(v10)
    stored = db.execute("SELECT id, hash FROM audit_log ORDER BY id").fetchall()
    assert [(i, h.hex()) for i, h in stored] == [(i, h) for i, _, h in before]
    assert all(isinstance(h, bytes) and len(h) == 32 for _, h in stored)
    assert "prev_hash" not in {c[1] for c in db.execute("PRAGMA table_info(audit_log)")}
    assert db.execute("SELECT COUNT(*) FROM audit_prev_hashes").fetchone()[0] == 0   # an intact log
    assert chain.verify_chain(db) == [] and check_workspace(db) == []
    # The anchor of the log as schema 10 left it still matches: the hashes did not change.
    assert anchors.check(db, anchors.Anchor(before[-1][0], before[-1][2])) == []
    assert anchors.check(db, anchors.Anchor(None, before[3][2])) == []
    db.close()


@pytest.mark.parametrize("upgraded", [True, False], ids=["upgraded_v10", "fresh"])
def test_an_edited_entry_is_found_in_an_upgraded_and_in_a_fresh_workspace(v10, tmp_path, upgraded):
    path = v10 if upgraded else tmp_path / "fresh.sqlite3"
    db = open_database(path)
    if not upgraded:
        for n in range(5):
            chain.append(db, actor="alice", entity="answer", entity_id=f"1/item{n}", action="answer", new={"n": n})
        db.conn.commit()
    anchor = anchors.current(db)
    assert chain.verify_chain(db) == []
    db.close()
    edit(path, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    db = open_database(path)
    problems = chain.verify_chain(db)
    assert problems and problems[0].startswith("audit entry 3 (") and "altered" in problems[0]
    db.close()
    # Re-hashed after the edit: the chain is whole again, but the anchor taken before says where.
    conn = sqlite3.connect(path)
    prev = chain.GENESIS
    for row in conn.execute("SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value"
                            " FROM audit_log ORDER BY id").fetchall():
        prev = chain.entry_hash(prev, *row[1:])
        conn.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [chain.stored_hash(prev), row[0]])
    conn.commit()
    conn.close()
    db = open_database(path)
    assert chain.verify_chain(db) == []
    assert anchors.check(db, anchor) and "rewritten" in anchors.check(db, anchor)[0]
    db.close()


def test_a_removed_entry_is_found_after_the_upgrade(v10):
    db = open_database(v10)
    db.close()
    edit(v10, "DELETE FROM audit_log WHERE id = 4")
    db = open_database(v10)
    problems = chain.verify_chain(db)
    assert len(problems) == 1 and problems[0].startswith("audit entry 5 (") and "removed" in problems[0]
    db.close()


def test_what_an_edit_left_before_the_upgrade_is_still_named_after_it(v10):
    """A prev_hash that was not the entry before's, and a hash that is not hex: kept as they were."""
    log = hex_log(v10)
    edit(v10, "UPDATE audit_log SET prev_hash = ? WHERE id = 6", [log[0][2]])
    edit(v10, "UPDATE audit_log SET hash = 'forged' WHERE id = 9")
    db = open_database(v10)
    assert db.execute("SELECT audit_id, prev_hash FROM audit_prev_hashes").fetchall() == [
        (6, log[0][2]), (10, log[8][2])]    # entry 10's prev_hash is not the 'forged' hash before it
    assert db.execute("SELECT hash FROM audit_log WHERE id = 9").fetchone()[0] == "forged"
    problems = chain.verify_chain(db)
    assert "audit entry 6: the entry before it was removed or changed" in problems
    assert any(p.startswith("audit entry 6 (") and p.endswith("was altered") for p in problems)
    assert any(p.startswith("audit entry 9 (") for p in problems)
    assert "audit entry 10: the entry before it was removed or changed" in problems   # chained to 9 as it was
    db.close()


def test_work_goes_on_after_the_upgrade_chained_to_the_old_entries(v10):
    db = open_database(v10)
    count, head = chain.head(db)
    review_id, owner = db.execute("SELECT id, reviewer FROM reviews WHERE status = 'in_progress'"
                                  " ORDER BY id LIMIT 1").fetchone()
    reviews.set_answer(db, review_id, "novelty", "pass", actor=owner)
    entry = db.execute("SELECT at, actor, entity, entity_id, case_id, action, old_value, new_value, hash"
                       " FROM audit_log WHERE id = ?", [count + 1]).fetchone()
    assert chain.entry_hash(head, *entry[:8]) == entry[8].hex()
    assert check_workspace(db) == []
    db.close()


def test_origin_hashes_of_copied_entries_are_upgraded_to_bytes(v10):
    digest = chain.entry_hash(chain.GENESIS, "2023", "bob", "answer", "1/x", None, "answer", None, None)
    package = sqlite3.connect(V10).execute("SELECT package_id FROM package_exports").fetchone()[0]
    edit(v10, "INSERT INTO audit_origins (audit_id, origin_hash, package_id) VALUES (3, ?, ?)", [digest, package])
    db = open_database(v10)
    assert db.execute("SELECT audit_id, origin_hash FROM audit_origins").fetchall() == [(3, bytes.fromhex(digest))]
    db.close()


def test_unhex_for_older_sqlite_is_sqlites_own():
    assert _unhex("00ff10") == b"\x00\xff\x10"
    assert _unhex("") == b""
    for not_hex in ("00 ff", "xyz", "abc", None, 12):
        assert _unhex(not_hex) is None


def test_the_schema_10_writer_still_writes_what_schema_10_verifies(tmp_path):
    """make_schema_fixture's Writer chains an entry in the format of the schema it writes into."""
    db = open_database(tmp_path / "w.sqlite3")
    writer = Writer(db.conn)
    for n in range(3):
        writer.audit(actor="x", entity="answer", entity_id=f"1/{n}", action="answer", case_id=None, new={"n": n})
    db.conn.commit()
    assert chain.verify_chain(sqlite_utils.Database(db.conn)) == []
    db.close()
