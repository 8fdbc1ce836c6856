"""Tamper evidence (issue 21): each kind of direct edit with sqlite3 is named by verify, and the
edits no local check can see (a re-hashed chain, a cut-off tail) are found against an anchor."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from tests.workbench.test_package_trust import rehash
from tests.workbench.test_packages import ROUND, answer_review, copy_master, export, master_template  # noqa: F401
from workbench.audit import anchors
from workbench.review import reviews
from workbench.cli import main as cli_main
from workbench.report.workbook import write_workbook
from workbench.review.integrity import check_workspace


@pytest.fixture
def worked(master_template, tmp_path):  # noqa: F811
    """The manager's workspace with two of Alice's reviews done (time measured), and its anchor."""
    path = copy_master(master_template, tmp_path)
    db = open_database(path)
    ids = [r[0] for r in db.execute("SELECT id FROM reviews WHERE reviewer = 'Alice' ORDER BY id")]
    for review_id in ids[:2]:
        answer_review(db, review_id, "Alice", fail=1, seconds=300)
    assert check_workspace(db) == []
    anchor = anchors.current(db)
    db.close()
    return path, ids, anchor


def _first_review(conn):
    return conn.execute("SELECT id, case_id FROM reviews WHERE status = 'completed' ORDER BY id LIMIT 1").fetchone()


def reviewer_changed(conn):
    conn.execute("UPDATE reviews SET reviewer = 'Mallory' WHERE id = ?", [_first_review(conn)[0]])


def review_moved(conn):
    review_id, case_id = _first_review(conn)
    other = conn.execute("SELECT id FROM cases WHERE id != ? AND id NOT IN (SELECT case_id FROM reviews)"
                         " LIMIT 1", [case_id]).fetchone()[0]
    conn.execute("UPDATE reviews SET case_id = ? WHERE id = ?", [other, review_id])


def active_time_changed(conn):
    conn.execute("UPDATE reviews SET active_seconds = active_seconds * 100 WHERE id = ?", [_first_review(conn)[0]])


def department_changed(conn):
    conn.execute("UPDATE cases SET department = 'Elsewhere' WHERE id = (SELECT MIN(id) FROM cases)")


def examiner_changed(conn):
    conn.execute("UPDATE cases SET examiner = 'Somebody Else' WHERE id = (SELECT MIN(id) FROM cases)")


def ip_type_changed(conn):
    conn.execute("UPDATE cases SET ip_type = CASE ip_type WHEN 'design' THEN 'trademark' ELSE 'design' END"
                 " WHERE id = (SELECT MIN(id) FROM cases)")


def decision_date_changed(conn):
    conn.execute("UPDATE cases SET decision_date = '1999-01-01' WHERE id = (SELECT MIN(id) FROM cases)")


def case_deleted(conn):
    conn.execute("DELETE FROM cases WHERE id = (SELECT MAX(id) FROM cases WHERE id NOT IN"
                 " (SELECT case_id FROM reviews) AND id NOT IN (SELECT case_id FROM round_cases))")


def case_added(conn):
    conn.execute("INSERT INTO cases (application_number, ip_type) VALUES ('2099123456789', 'invention')")


def round_member_reassigned(conn):
    conn.execute("UPDATE round_cases SET reviewer = 'Mallory' WHERE rowid = (SELECT MIN(rowid) FROM round_cases)")


def round_member_removed(conn):
    conn.execute("DELETE FROM round_cases WHERE rowid = (SELECT MIN(rowid) FROM round_cases)")


def review_added(conn):
    conn.execute("INSERT INTO reviews (case_id, checklist_id, reviewer, status, created_at, updated_at)"
                 " SELECT MAX(id), (SELECT MIN(id) FROM checklists), 'Mallory', 'open', 'x', 'x' FROM cases")


def review_deleted(conn):
    review_id = conn.execute("SELECT MAX(id) FROM reviews WHERE id NOT IN (SELECT review_id FROM answers)"
                             ).fetchone()[0]
    conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])


EDITS = {
    reviewer_changed: "reviewer was changed",
    review_moved: "case was changed",
    active_time_changed: "active time was changed",
    department_changed: "were changed outside",
    examiner_changed: "were changed outside",
    ip_type_changed: "were changed outside",
    decision_date_changed: "were changed outside",
    case_deleted: "was deleted outside",
    case_added: "was added outside",
    round_member_reassigned: "reassigned outside",
    round_member_removed: "removed from the round",
    review_added: "was added outside",
    review_deleted: "was deleted outside",
}


@pytest.mark.parametrize("edit", list(EDITS), ids=[e.__name__ for e in EDITS])
def test_verify_names_every_direct_edit(worked, edit):
    path, _, _ = worked
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    edit(conn)
    conn.commit()
    conn.close()
    err = io.StringIO()
    assert cli_main(["verify", "--db", str(path)], out=io.StringIO(), err=err) == 2
    assert EDITS[edit] in err.getvalue(), err.getvalue()


def test_an_answer_rewritten_with_its_entry_and_the_chain_rehashed_is_found_by_the_anchor(worked, tmp_path):
    path, ids, anchor = worked
    conn = sqlite3.connect(path)
    entry_id, entity_id = conn.execute("SELECT id, entity_id FROM audit_log WHERE entity = 'answer' AND"
                                       " new_value LIKE '%\"fail\"%' ORDER BY id LIMIT 1").fetchone()
    review_id, item = entity_id.split("/", 1)
    conn.execute("UPDATE answers SET comment = 'rewritten' WHERE review_id = ? AND item_id = ?", [review_id, item])
    conn.execute("UPDATE audit_log SET new_value = replace(new_value, '\"comment\":\"\"', '\"comment\":\"rewritten\"')"
                 " WHERE entity = 'answer' AND entity_id = ?", [entity_id])
    rehash(conn)
    conn.commit()
    conn.close()
    assert cli_main(["verify", "--db", str(path)], out=io.StringIO(), err=io.StringIO()) == 0   # no local trace
    text = tmp_path / "anchor.txt"
    text.write_text(anchor.text() + "\n", encoding="utf-8")
    for given in (str(text), anchor.text(), anchor.head):
        err = io.StringIO()
        assert cli_main(["verify", "--db", str(path), "--anchor", given], out=io.StringIO(), err=err) == 2
        assert "rewritten" in err.getvalue()
    assert f"audit entry {anchor.count}" in err.getvalue() or "not in the audit chain" in err.getvalue()


def test_a_tail_rollback_is_found_by_the_anchor(worked):
    path, ids, anchor = worked
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    # The last review deleted with its answers and every audit entry about it.
    last = ids[1]
    first_entry = conn.execute("SELECT MIN(id) FROM audit_log WHERE (entity = 'review' AND entity_id = ?)"
                               " OR (entity = 'answer' AND entity_id LIKE ?) AND id > 0",
                               [str(last), f"{last}/%"]).fetchone()[0]
    first_entry = conn.execute("SELECT MIN(id) FROM audit_log WHERE id > (SELECT MAX(id) FROM audit_log"
                               " WHERE entity = 'review' AND entity_id = ? AND action = 'complete')",
                               [str(ids[0])]).fetchone()[0] or first_entry
    conn.execute("DELETE FROM audit_log WHERE id >= ?", [first_entry])
    conn.execute("DELETE FROM answers WHERE review_id = ?", [last])
    conn.execute("UPDATE reviews SET status = 'open', verdict = NULL, score = NULL, completed_at = NULL,"
                 " active_seconds = 0 WHERE id = ?", [last])
    conn.commit()
    conn.close()
    assert cli_main(["verify", "--db", str(path)], out=io.StringIO(), err=io.StringIO()) == 0   # no local trace
    err = io.StringIO()
    assert cli_main(["verify", "--db", str(path), "--anchor", anchor.text()], out=io.StringIO(), err=err) == 2
    assert "removed (rolled back)" in err.getvalue() and f"entries {first_entry}-" in err.getvalue()


def test_workbooks_and_packages_carry_the_anchor_and_an_intact_workspace_extends_it(worked, tmp_path):
    path, ids, anchor = worked
    db = open_database(path)
    workbook = tmp_path / "report.xlsx"
    write_workbook(db, workbook)
    written = anchors.read(str(workbook))
    db.close()
    assert written == anchor
    package = export(path, tmp_path, ["Bob"])["Bob"]
    before = package.read_bytes()
    assert anchors.read(str(package)) == anchor and package.read_bytes() == before   # only read
    db = open_database(path)
    reviews.add_active_time(db, ids[2], 30, actor="Alice")       # the chain grows: it still extends both
    db.close()
    out = io.StringIO()
    assert cli_main(["verify", "--db", str(path), "--anchor", str(workbook), "--anchor", str(package)],
                    out=out, err=io.StringIO()) == 0
    assert "extends 2 anchors" in out.getvalue()


def test_an_unreadable_anchor_is_exit_2(worked, tmp_path):
    path, _, _ = worked
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here", encoding="utf-8")
    for given in (str(empty), "not-a-hash"):
        err = io.StringIO()
        assert cli_main(["verify", "--db", str(path), "--anchor", given], out=io.StringIO(), err=err) == 2
        assert "holds no audit anchor" in err.getvalue()


def test_an_older_workspace_is_not_reported_as_tampered(tmp_path):
    """Facts stored before this version covered them are taken as given at its first write."""
    import shutil
    source = Path(__file__).resolve().parent.parent / "data" / "schema_v6.sqlite3"
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(source, path)
    db = open_database(path)
    assert check_workspace(db) == []
    review_id = db.execute("SELECT id, reviewer FROM reviews WHERE status IN ('open', 'in_progress')").fetchone()
    if review_id is not None:
        reviews.add_active_time(db, review_id[0], 30, actor=review_id[1])
    else:
        from workbench.audit import chain
        with db.atomic():
            chain.record(db, actor="x", entity="note", entity_id="1", action="note")
    assert check_workspace(db) == []
    db.execute("UPDATE cases SET examiner = 'Somebody Else' WHERE id = (SELECT MIN(id) FROM cases)")
    db.conn.commit()
    assert any("were changed outside" in p for p in check_workspace(db))
    db.close()


def test_the_sql_digest_of_a_case_is_the_python_digest(tmp_path):
    """case_digests builds the hashed text in SQL; it must be case_digest's text exactly, for any
    characters (CJK, astral, separators, NULLs), or every verify would report tampering."""
    from db.connection import open_database
    from workbench.audit import coverage
    db = open_database(tmp_path / "d.sqlite3")
    rows = [("CN1|2:3", "invention", "一种|装置:7", "𠀀甲公司", "", "", "a" * 300, "x", "y", "2020-01-02", None, "{}",
             "", "", "", "", None),
            ("CN2", "design", "-", "1:-|", "张三", "部", "", "", "", None, "2021-02-03", '{"k": "v|2:"}',
             "代理|1:", "company", "摘要𠀀-", "", None),
            ("CN3", "trademark", "", "", "", "", "", "", "", None, None, "{}", "", "", "", "9,35", 0)]
    for row in rows:
        db.execute(f"INSERT INTO cases ({', '.join(coverage.CASE_FIELDS)}) VALUES"
                   f" ({', '.join('?' * len(coverage.CASE_FIELDS))})", list(row))
    assert coverage.case_digests(db) == {row[0]: coverage.case_digest(row) for row in rows}


def test_the_check_reads_one_snapshot_while_another_connection_writes(tmp_path):
    """The check on opening runs beside the window: a review and its audit entry committed between
    two of its reads must not be reported as a review added outside the application."""
    import sqlite3

    from db.connection import open_database
    from workbench.demo.generate import build_demo
    from workbench.review import reviews
    from workbench.review.integrity import check_workspace

    path = tmp_path / "w.sqlite3"
    writer = open_database(path)
    build_demo(writer, cases=60, reviewed=0.2, seed=3)
    reader = open_database(path, read_only=True)
    unreviewed = writer.execute("SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM reviews)").fetchone()[0]
    real_execute = reader.execute
    state = {"wrote": False}

    def execute(sql, *args, **kwargs):
        result = real_execute(sql, *args, **kwargs)
        # While the coverage check reads the audit log, the window opens a review (row and entry together).
        if not state["wrote"] and "entity IN ('workspace', 'import', 'review', 'round_case')" in str(sql):
            state["wrote"] = True
            reviews.open_review(writer, unreviewed, reviewer="demo")
        return result

    reader.execute = execute
    assert check_workspace(reader) == []
    assert state["wrote"]
    assert check_workspace(open_database(path, read_only=True)) == []      # and the new review is there
    reader.close()
    writer.close()
