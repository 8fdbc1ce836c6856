"""The queue: filters, search through the FTS index, status counts, next unreviewed."""
from __future__ import annotations

import pytest

from db.connection import open_database
from workbench.review import queue
from workbench.review import reviews
from workbench.demo.generate import build_demo
from workbench.review.queue import CaseFilter
from tests.workbench.helpers import standing_reviews


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("queue") / "q.sqlite3")
    build_demo(db, cases=600, reviewed=0.3, seed=21)
    return db


def cases_where(db, sql, params=()):
    return {r[0] for r in db.execute(f"SELECT c.id FROM cases c WHERE {sql}", params)}


def latest(db, case_id):
    row = standing_reviews(db).get(case_id)
    return row[1:] if row else ("not_reviewed", None, None)


def test_no_filter_is_every_case_in_application_number_order(db):
    ids = queue.case_ids(db)
    numbers = [db.execute("SELECT application_number FROM cases WHERE id = ?", [i]).fetchone()[0] for i in ids]
    assert len(ids) == 600 and numbers == sorted(numbers)
    assert queue.case_ids(db, sort="application_number", descending=True) == ids[::-1]


@pytest.mark.parametrize("field", ["ip_type", "department", "examiner"])
def test_case_fields(db, field):
    value = db.execute(f"SELECT {field} FROM cases GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    got = set(queue.case_ids(db, CaseFilter(**{field: value})))
    assert got == cases_where(db, f"c.{field} = ?", [value]) and got


@pytest.mark.parametrize("status", queue.STATUSES)
def test_status(db, status):
    got = set(queue.case_ids(db, CaseFilter(status=status)))
    # An opened review not answered yet is in progress for the queue (another test in this
    # module may open one on the shared workspace, in any order).
    expected = {i for i in queue.case_ids(db)
                if {"open": "in_progress"}.get(latest(db, i)[0], latest(db, i)[0]) == status}
    assert got == expected and got


@pytest.mark.parametrize("verdict", queue.VERDICTS)
def test_verdict(db, verdict):
    got = set(queue.case_ids(db, CaseFilter(verdict=verdict)))
    assert got == {i for i in queue.case_ids(db) if latest(db, i)[1] == verdict} and got


def test_reviewer_and_combined_filters(db):
    reviewer = queue.choices(db, "reviewer")[0]
    mine = set(queue.case_ids(db, CaseFilter(reviewer=reviewer)))
    assert mine == cases_where(db, "EXISTS (SELECT 1 FROM reviews r WHERE r.case_id = c.id AND r.reviewer = ?)",
                               [reviewer]) and mine
    both = set(queue.case_ids(db, CaseFilter(reviewer=reviewer, ip_type="invention", status="signed_off")))
    assert both <= mine and all(latest(db, i)[0] == "signed_off" for i in both)


def test_search_by_part_of_a_title_or_applicant(db):
    title, applicant = db.execute("SELECT title, applicant FROM cases WHERE length(title) > 8 LIMIT 1").fetchone()
    part = title[2:6]
    assert set(queue.case_ids(db, CaseFilter(search=part))) == cases_where(db, "instr(c.title, ?) > 0"
                                                                           " OR instr(c.applicant, ?) > 0"
                                                                           " OR instr(c.application_number, ?) > 0",
                                                                           [part] * 3)
    short = applicant[:2]       # two characters: below the trigram length, found all the same
    assert set(queue.case_ids(db, CaseFilter(search=short))) == cases_where(
        db, "instr(c.title, ?) > 0 OR instr(c.applicant, ?) > 0 OR instr(c.application_number, ?) > 0", [short] * 3)


def test_search_terms_combine_and_odd_input_is_safe(db):
    title = db.execute("SELECT title FROM cases WHERE title LIKE '一种%方法%' LIMIT 1").fetchone()[0]
    got = set(queue.case_ids(db, CaseFilter(search="一种 方法")))
    assert got == cases_where(db, "c.title LIKE '%一种%' AND c.title LIKE '%方法%'") and title
    for odd in ('"', "AND", "a*", "NEAR(x y)", "100%", "_", "\\", "'; DROP TABLE cases; --", "title:x"):
        queue.case_ids(db, CaseFilter(search=odd))        # never an FTS syntax error
    assert queue.case_ids(db, CaseFilter(search="100%")) == []


def test_search_by_application_number_in_any_written_form(db):
    number = db.execute("SELECT application_number FROM cases WHERE application_number LIKE '%.%' LIMIT 1"
                        ).fetchone()[0]
    case_id = db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone()[0]
    for written in (number, number.replace(".", ""), "CN" + number, "ZL" + number):
        assert queue.case_ids(db, CaseFilter(search=written)) == [case_id], written
    assert case_id in queue.case_ids(db, CaseFilter(search=number[:8]))


def test_search_index_follows_edits_of_cases(db):
    case_id = queue.case_ids(db)[0]
    with db.atomic():
        db.execute("UPDATE cases SET title = '一种量子纠缠测距装置' WHERE id = ?", [case_id])
    assert queue.case_ids(db, CaseFilter(search="纠缠测距")) == [case_id]
    assert db.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')") is not None


def test_status_counts(db):
    counts = queue.status_counts(db)
    assert sum(counts.values()) == 600
    for status in queue.STATUSES:
        assert counts[status] == len(queue.case_ids(db, CaseFilter(status=status)))
    invention = queue.status_counts(db, CaseFilter(ip_type="invention"))
    assert sum(invention.values()) == len(queue.case_ids(db, CaseFilter(ip_type="invention")))


def test_choices(db):
    departments = queue.choices(db, "department")
    assert departments == sorted(departments) and "外观设计审查部" in departments
    assert len(queue.choices(db, "reviewer")) == 8
    for field in ("department", "examiner"):       # every distinct value but the empty one, in order
        assert queue.choices(db, field) == [r[0] for r in db.execute(
            f"SELECT DISTINCT {field} FROM cases WHERE {field} != '' ORDER BY 1")]


def test_next_unreviewed_follows_the_queue_order_and_wraps():
    ids = [5, 3, 9, 1, 7]
    assert queue.next_unreviewed(ids, {9, 1}, current=3) == 7
    assert queue.next_unreviewed(ids, {9, 1}, current=7) == 5        # wraps round
    assert queue.next_unreviewed(ids, {9, 1}, current=None) == 5
    assert queue.next_unreviewed(ids, {5, 3, 9, 1}, current=7) is None
    assert queue.next_unreviewed(ids, set(), current=42) == 5         # current filtered out


def test_reviewed_case_ids(tmp_path):
    db = open_database(tmp_path / "r.sqlite3")       # it writes: not the module's shared workspace
    build_demo(db, cases=60, reviewed=0.5, seed=4)
    reviewed = queue.reviewed_case_ids(db)
    assert reviewed == cases_where(db, "EXISTS (SELECT 1 FROM reviews r WHERE r.case_id = c.id"
                                       " AND r.status IN ('completed', 'signed_off'))")
    opened = reviews.open_review(db, queue.case_ids(db, CaseFilter(status="not_reviewed"))[0], reviewer="zed")
    assert opened.case_id not in queue.reviewed_case_ids(db)


def test_latest_reviews_follow_every_change_of_reviews(tmp_path):
    db = open_database(tmp_path / "l.sqlite3")
    build_demo(db, cases=30, reviewed=0.5, seed=2)

    def consistent():
        expected = sorted((case_id, r[0], r[1], r[2]) for case_id, r in standing_reviews(db).items())
        return [tuple(r) for r in db.execute("SELECT case_id, review_id, status, verdict FROM latest_reviews"
                                             " ORDER BY 1")] == expected

    assert consistent()
    reviewed = queue.case_ids(db, CaseFilter(status="signed_off"))[0]
    second = reviews.open_review(db, reviewed, reviewer="second opinion")
    assert consistent() and queue.case_ids(db, CaseFilter(status="in_progress", search="")) != []
    item = reviews.load_case_review(db, reviewed, reviewer="second opinion").checklist.items[0]
    reviews.set_answer(db, second.id, item.id, "pass", actor="second opinion")
    assert consistent()
    with db.atomic():
        db.execute("DELETE FROM answers WHERE review_id = ?", [second.id])
        db.execute("DELETE FROM reviews WHERE id = ?", [second.id])
    assert consistent()
    assert reviewed in queue.case_ids(db, CaseFilter(status="signed_off"))


def test_counts_for_ids_agree_with_status_counts(db):
    for case_filter in (CaseFilter(), CaseFilter(ip_type="design"), CaseFilter(search="有限公司")):
        assert queue.counts_for_ids(db, queue.case_ids(db, case_filter)) == queue.status_counts(db, case_filter)
