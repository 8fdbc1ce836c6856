"""Who the reviewer is (issue 19): a name chosen once per workspace and login, kept in the audit
log, and never a way round the take-over question of someone else's unfinished review."""
from __future__ import annotations

import json
import shutil

import pytest

from foundation.errors import WorkbenchError
from tests.workbench.helpers import workspace
from workbench.audit import chain
from workbench.audit.coverage import check_coverage
from workbench.review import checklist_store, reviewer_names, reviews


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Two cases and the built-in checklists, made once (installing them is the slow part)."""
    folder = tmp_path_factory.mktemp("template")
    db = workspace(folder)
    checklist_store.install_builtins(db)
    for number in ("CN1", "CN2"):
        db.execute("INSERT INTO cases (application_number, ip_type, title) VALUES (?, 'invention', 't')", [number])
    db.conn.commit()
    db.close()
    return folder / "w.sqlite3"


@pytest.fixture
def db(template, tmp_path):
    shutil.copy(template, tmp_path / "w.sqlite3")
    db = workspace(tmp_path)
    yield db
    db.close()


def case_id(db, number: str) -> int:
    return db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone()[0]


def answer_first_item(db, review: reviews.Review, actor: str) -> None:
    checklist = checklist_store.load_stored(db, review.checklist_id)
    item = checklist.items[0]
    reviews.set_answer(db, review.id, item.id, item.option_for_outcome("pass").code, actor=actor,
                       checklist=checklist)


def reviewer_entries(db) -> list[chain.AuditEntry]:
    rows = db.execute("SELECT id, at, actor, entity, entity_id, case_id, action, old_value, new_value"
                      " FROM audit_log WHERE entity = 'reviewer' ORDER BY id").fetchall()
    return [chain.AuditEntry(*r[:7], json.loads(r[7]) if r[7] else None, json.loads(r[8]) if r[8] else None)
            for r in rows]


def test_nothing_is_remembered_until_chosen_then_the_choice_is_kept_per_login(db):
    assert reviewer_names.chosen_name(db, "wwang") is None
    choice = reviewer_names.choose(db, "  王伟 ", login="wwang")
    assert (choice.name, choice.old_name) == ("王伟", "wwang")
    assert reviewer_names.chosen_name(db, "wwang") == "王伟"
    assert reviewer_names.chosen_name(db, "lna") is None            # another login is asked for its own
    assert reviewer_names.choose(db, "王伟", login="wwang").old_name == "王伟"     # unchanged: no entry
    assert len(reviewer_entries(db)) == 1


def test_a_rename_is_audited_with_the_old_and_new_name_and_the_login(db):
    reviewer_names.choose(db, "王伟", login="wwang")
    reviewer_names.choose(db, "王伟（质检）", login="wwang")
    first, rename = reviewer_entries(db)
    assert (first.action, first.actor, first.entity_id, first.old_value, first.new_value) == (
        "choose", "王伟", "wwang", {"name": "wwang"}, {"name": "王伟", "login": "wwang"})
    assert (rename.action, rename.actor, rename.old_value, rename.new_value) == (
        "rename", "王伟（质检）", {"name": "王伟"}, {"name": "王伟（质检）", "login": "wwang"})
    assert reviewer_names.chosen_name(db, "wwang") == "王伟（质检）"
    assert chain.verify_chain(db) == [] and check_coverage(db) == []


@pytest.mark.parametrize("name, code", [("", "reviewer.empty"), ("   ", "reviewer.empty"),
                                        ("a\nb", "reviewer.bad_characters"), ("x" * 81, "reviewer.too_long")])
def test_unusable_names_are_refused(db, name, code):
    with pytest.raises(WorkbenchError) as err:
        reviewer_names.choose(db, name, login="wwang")
    assert err.value.code == code and reviewer_names.chosen_name(db, "wwang") is None


def test_known_names_come_from_reviews_rounds_and_earlier_choices(db):
    reviews.open_review(db, case_id(db, "CN1"), reviewer="李娜")
    db.execute("INSERT INTO rounds (name, created_at, seed, reviewers) VALUES ('R1', '2024-01-01', 1, ?)",
               ['[{"name": "张强", "cap": null}]'])
    db.execute("INSERT INTO round_cases (round_id, case_id, draw_order, reviewer) VALUES (1, ?, 1, '赵敏')",
               [case_id(db, "CN2")])
    db.conn.commit()
    reviewer_names.choose(db, "王伟", login="wwang")
    assert reviewer_names.known_names(db) == sorted(["李娜", "张强", "赵敏", "王伟"])


def test_the_name_of_someone_with_a_begun_review_is_refused(db):
    """The take-over protection: renaming oneself to the owner's name does not make their
    unfinished review one's own; the review stays theirs and writing into it still needs the
    take-over (reviews.take_over, asked by the window)."""
    reviewer_names.choose(db, "李娜", login="lna")
    theirs = reviews.open_review(db, case_id(db, "CN1"), reviewer="李娜")
    answer_first_item(db, theirs, "李娜")
    reviewer_names.choose(db, "王伟", login="wwang")
    with pytest.raises(WorkbenchError) as err:
        reviewer_names.choose(db, "李娜", login="wwang")
    assert err.value.code == "reviewer.name_taken" and "take it over" in str(err.value)
    assert reviewer_names.chosen_name(db, "wwang") == "王伟"
    assert not reviews.can_write(reviews.get_review(db, theirs.id), "王伟")
    with pytest.raises(WorkbenchError) as err:
        answer_first_item(db, reviews.get_review(db, theirs.id), "王伟")
    assert err.value.code == "review.not_yours"
    # Their own login keeps the name, and so do its reviews.
    assert reviewer_names.choose(db, "李娜", login="lna").name == "李娜"


def test_a_begun_review_under_a_name_nobody_chose_is_protected_too(db):
    """Reviews written before names were asked (or merged from a package) carry a name no login
    claimed: begun ones still keep the name from a newcomer."""
    theirs = reviews.open_review(db, case_id(db, "CN1"), reviewer="李娜")
    answer_first_item(db, theirs, "李娜")
    with pytest.raises(WorkbenchError):
        reviewer_names.choose(db, "李娜", login="wwang")


def test_an_assigned_reviewer_takes_their_name_the_first_time(db):
    """Cases drawn for 李娜 (open reviews, nothing answered), and no login has her name yet: she
    chooses it on her first day; once hers, another login cannot take it while they are open."""
    reviews.open_review(db, case_id(db, "CN1"), reviewer="李娜")
    assert reviewer_names.choose(db, "李娜", login="lna").name == "李娜"
    with pytest.raises(WorkbenchError):
        reviewer_names.choose(db, "李娜", login="wwang")


def test_a_login_keeps_its_own_login_name_and_finished_work_does_not_block_a_name(db):
    mine = reviews.open_review(db, case_id(db, "CN1"), reviewer="wwang")      # before names were asked
    answer_first_item(db, mine, "wwang")
    assert reviewer_names.choose(db, "wwang", login="wwang").name == "wwang"
    db.execute("UPDATE reviews SET status = 'completed'")     # only finished work under 李娜's name
    db.conn.commit()
    assert reviewer_names.choose(db, "Li Na", login="other").name == "Li Na"
