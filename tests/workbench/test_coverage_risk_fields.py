"""The audit coverage digest of a case covers the fields risk indicators read (schema 10), while a
case without them keeps the digest it had before schema 10."""
import shutil
from pathlib import Path

from db.connection import open_database
from tests.data.make_schema_fixture import Writer
from tests.workbench.helpers import workspace, write_csv
from workbench.audit import coverage
from workbench.review.integrity import check_workspace
from workbench.importing.importer import import_file

DATA = Path(__file__).resolve().parent.parent / "data"


def schema_9_digest(values):
    """The digest as schema 9 wrote it: the twelve fields it knew."""
    return coverage.case_digest(list(values)[:len(coverage.BASE_FIELDS)])


def test_a_case_without_the_new_fields_keeps_its_schema_9_digest():
    base = ("CN1", "invention", "一种装置", "甲公司", "张三", "部", "G06F", "实质审查", "授权", "2020-01-02",
            None, "{}")
    import hashlib
    text = "|".join("-" if v is None else f"{len(str(v))}:{v}" for v in base)
    assert coverage.case_digest(base + ("", "", "", "", None)) == hashlib.sha256(text.encode()).hexdigest()[:16]
    assert coverage.case_digest(base + ("甲代理", "", "", "", None)) != schema_9_digest(base)
    assert coverage.case_digest(base + ("", "", "", "", 0)) != coverage.case_digest(base + ("", "", "", "", None))


def test_editing_the_agent_outside_the_application_is_found(tmp_path):
    db = workspace(tmp_path)
    header = ["申请号", "专利类型", "名称", "代理机构", "申请人类型"]
    import_file(db, write_csv(tmp_path / "a.csv", [["202210123456.1", "发明", "一种方法", "甲代理", "企业"],
                                                   ["201710601862.3", "发明", "一种装置", "", ""]], header=header))
    assert check_workspace(db) == []
    db.execute("UPDATE cases SET agent = '乙代理' WHERE application_number = '202210123456.1'")
    db.execute("UPDATE cases SET use_shown = 0 WHERE application_number = '201710601862.3'")
    db.conn.commit()
    problems = check_workspace(db)
    assert any("202210123456.1" in p and "changed outside" in p for p in problems)
    assert any("201710601862.3" in p and "changed outside" in p for p in problems)


def test_a_workspace_upgraded_from_schema_9_verifies_and_keeps_its_digests(tmp_path):
    """The schema 9 fixture, with the coverage baseline schema 9 wrote (its digests over the twelve
    fields it knew), opened by this version: every digest it recorded still holds."""
    import sqlite_utils

    copy = tmp_path / "v9.sqlite3"
    shutil.copy(DATA / "schema_v9.sqlite3", copy)
    old = sqlite_utils.Database(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 9
    fields = ", ".join(coverage.BASE_FIELDS)
    state = {
        "cases": {row[0]: schema_9_digest(row) for row in old.execute(f"SELECT {fields} FROM cases")},
        "reviews": {str(r[0]): {"case_id": r[1], "reviewer": r[2], "round_id": r[3], "active_seconds": float(r[4] or 0),
                                "role": r[5]}
                    for r in old.execute("SELECT id, case_id, reviewer, round_id, active_seconds, role FROM reviews")},
        "round_cases": {f"{r[0]}/{r[1]}": r[2] for r in old.execute(
            "SELECT round_id, case_id, reviewer FROM round_cases")},
    }
    assert len(state["cases"]) > 0
    with old.conn:   # as schema 9 wrote it (hashes in hex, prev_hash beside)
        Writer(old.conn).audit(actor="v9", entity="workspace", entity_id="coverage", action="baseline",
                               case_id=None, new=state)
    old.close()

    db = open_database(copy)          # migrates to the newest schema
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 10
    assert coverage.has_baseline(db)
    assert check_workspace(db) == []
    assert coverage.expected_state(db)["cases"] == coverage.case_digests(db)
