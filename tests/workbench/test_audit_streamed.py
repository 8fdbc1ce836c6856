"""The import's audit entry written as a stream (issue 20) is the entry the dict would give, byte
for byte: the same JSON, the same hash, so verify and old workspaces read it as before."""
from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workbench.helpers import ROWS, workspace, write_csv
from workbench.audit import chain, coverage, streamed
from workbench.importing.importer import import_file

_TEXT = st.text(alphabet=st.sampled_from(['"', "\\", "\x00", "\n", "\x1f", "a", "9", "/", ".", "甲", "𠀀", "\u2028",
                                          "\ud7ff", " "]), max_size=8)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_TEXT, st.text(max_size=4), max_size=30), _TEXT, _TEXT, st.integers(1, 7))
def test_the_pieces_join_to_the_json_of_the_dict(digests, file_name, sha256, chunk):
    streamed.CHUNK, saved = chunk, streamed.CHUNK
    try:
        pieces = list(streamed.import_entry_pieces(sorted(digests.items()), file_name, sha256))
    finally:
        streamed.CHUNK = saved
    new = {"file_name": file_name, "sha256": sha256, "cases": digests}
    assert "".join(pieces) == chain._to_json(new)


@settings(max_examples=80, deadline=None)
@given(st.lists(_TEXT, max_size=6), _TEXT)
def test_the_hash_fed_in_pieces_is_the_entry_hash(pieces, actor):
    hashing = streamed.EntryHash("ab" * 32, "2026-12-02T01:00:00.000000+00:00", actor, "import", "7", "import")
    for piece in pieces:
        hashing.update(piece)
    expected = chain.entry_hash("ab" * 32, "2026-12-02T01:00:00.000000+00:00", actor, "import", "7", None,
                                "import", None, "".join(pieces))
    assert hashing.hexdigest() == expected


def test_an_imported_entry_holds_every_written_case_and_verifies(tmp_path):
    db = workspace(tmp_path)
    rows = [list(r) for r in ROWS]
    import_file(db, write_csv(tmp_path / "a.csv", rows[:2]))
    changed = [rows[0][:2] + ["另一个名称"] + rows[0][3:], rows[2]]
    random.Random(3).shuffle(changed)
    result = import_file(db, write_csv(tmp_path / "文件 \"b\".csv", changed), on_conflict="update")
    entry = db.execute("SELECT new_value FROM audit_log WHERE entity = 'import' AND entity_id = ?",
                       [str(result.import_id)]).fetchone()[0]
    digests = coverage.case_digests(db, "import_id = ?", [result.import_id])
    assert sorted(digests) == ["202210123456.1", "95115608.X"]      # the updated case and the new one
    assert entry == chain._to_json({"file_name": '文件 "b".csv', "sha256": result.sha256, "cases": digests})
    assert chain.verify_chain(db) == []
    assert coverage.check_coverage(db) == []
    assert json.loads(entry)["cases"] == digests


def test_sqlite_gives_the_digests_in_the_order_json_sorts_them(tmp_path):
    db = workspace(tmp_path)
    numbers = ["9", "10", "a", "B", "甲", "\uffff", "𠀀", "é", "e\u0301", "Z9", "z", ""]
    for number in numbers:
        db.execute("INSERT INTO cases (application_number, ip_type) VALUES (?, 'design')", [number])
    ordered = list(coverage.ordered_case_digests(db))
    assert ordered == sorted(coverage.case_digests(db).items())
