"""Merging work packages back: the acceptance check of issue 8 and every way a merge can go."""
from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from db.connection import open_database
from tests.workbench.test_packages import (
    REVIEWERS,
    answer_review,
    copy_master,
    dump,
    export,
    figures,
    master_template,  # noqa: F401  (fixture)
    review_ids,
    with_extra_columns,
)
from workbench.audit import chain
from workbench.packages import workpackage
from workbench.review import reviews
from workbench.review.checklist_store import load_stored
from foundation.errors import Cancelled, WorkbenchError
from workbench.review.integrity import check_workspace
from foundation.jobs import CancelToken
from workbench.packages.merge import merge_packages
from workbench.packages.merge_plan import REVIEW_PART, Resolutions
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import create_round


def merge(master: Path, *files: Path, **kwargs):
    db = open_database(master)
    try:
        return merge_packages(db, list(files), actor="manager", **kwargs)
    finally:
        db.close()


def work(path: Path, reviewer: str) -> None:
    """A reviewer's offline session in their package, different for each reviewer."""
    pkg, _ = workpackage.open_package(path)
    ids = review_ids(pkg, reviewer)
    if reviewer == "Alice":            # everything completed, two findings
        for n, review_id in enumerate(ids):
            answer_review(pkg, review_id, reviewer, fail=1 if n < 2 else 0, comment="see claim 1", seconds=600 + n)
    elif reviewer == "Bob":            # half done, one in progress
        for review_id in ids[:3]:
            answer_review(pkg, review_id, reviewer, seconds=420)
        checklist = load_stored(pkg, reviews.get_review(pkg, ids[3]).checklist_id)
        first = checklist.items[0]
        reviews.set_answer(pkg, ids[3], first.id, first.option_for_outcome("pass").code, actor=reviewer)
        reviews.add_active_time(pkg, ids[3], 60, actor=reviewer)
    else:                              # two completed; an answer changed back and forth on the way
        for review_id in ids[:2]:
            answer_review(pkg, review_id, reviewer, fail=2, seconds=900)
        checklist = load_stored(pkg, reviews.get_review(pkg, ids[2]).checklist_id)
        item = checklist.items[0]
        reviews.set_answer(pkg, ids[2], item.id, item.option_for_outcome("pass").code, actor=reviewer)
        reviews.set_answer(pkg, ids[2], item.id, None, actor=reviewer)
    pkg.close()


@pytest.fixture(scope="module")
def reviewed(master_template, tmp_path_factory):  # noqa: F811
    """The round exported to three packages, each reviewed in its own workspace."""
    folder = tmp_path_factory.mktemp("reviewed")
    master = copy_master(master_template, folder)
    files = export(master, folder)
    for reviewer, path in files.items():
        work(path, reviewer)
    expected = {"per_case": [], "status": Counter(), "verdict": Counter(), "findings": Counter(),
                "active_seconds": 0.0, "answer_entries": 0}
    for path in files.values():
        pkg = open_database(path)
        each = figures(pkg)
        pkg.close()
        for key in expected:
            expected[key] += each[key]
    expected["per_case"].sort()
    return master, files, expected


def fresh(master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "master.sqlite3"
    shutil.copyfile(master, target)
    return target


# -- the acceptance check --------------------------------------------------------------------------

@pytest.mark.parametrize("order", list(itertools.permutations(REVIEWERS)))
def test_three_packages_merged_in_any_order_and_twice_give_the_same_figures(reviewed, tmp_path, order):
    template, files, expected = reviewed
    master = fresh(template, tmp_path)
    for reviewer in order:
        report = merge(master, files[reviewer])
        assert [f.outcome for f in report.files] == ["merged"], report.files[0].line()
    after_first = dump(master)
    again = merge(master, *(files[r] for r in order))
    assert [f.outcome for f in again.files] == ["already_merged"] * 3
    assert all("already merged" in f.line() and "nothing was changed" in f.line() for f in again.files)
    assert dump(master) == after_first

    db = open_database(master)
    result = figures(db)
    assert result["per_case"] == expected["per_case"]   # every review arrived, none twice
    for key in ("status", "verdict", "findings", "active_seconds", "answer_entries"):
        assert result[key] == expected[key], key
    assert result["reviews"] == 18 and result["status"]["completed"] == 11
    assert sum(result["findings"].values()) == 2 + 2 * 2
    assert result["active_seconds"] == 6 * 600 + 15 + 3 * 420 + 60 + 2 * 900
    assert check_workspace(db) == []
    actors = {r[0] for r in db.execute("SELECT actor FROM audit_log WHERE entity = 'answer'")}
    assert actors == set(REVIEWERS)                  # each answer with its reviewer's identity
    assert db.execute("SELECT COUNT(*) FROM package_merges").fetchone()[0] == 3


def test_all_three_in_one_call_give_the_same_figures(reviewed, tmp_path):
    template, files, expected = reviewed
    master = fresh(template, tmp_path)
    report = merge(master, *files.values())
    assert [f.outcome for f in report.files] == ["merged"] * 3 and report.changed and not report.refused
    alice = next(f for f in report.files if f.reviewer == "Alice")
    assert (alice.count("updated"), alice.count("added"), alice.count("kept")) == (6, 0, 0)
    assert alice.active_seconds == 6 * 600 + 15
    db = open_database(master)
    assert figures(db)["per_case"] == expected["per_case"]
    assert check_workspace(db) == []


def test_the_same_package_sent_again_after_opening_is_nothing_new(reviewed, tmp_path):
    template, files, _ = reviewed
    master = fresh(template, tmp_path)
    merge(master, files["Bob"])
    resent = tmp_path / "Bob again.qrpkg"
    shutil.copyfile(files["Bob"], resent)
    conn = sqlite3.connect(resent)                   # rewritten on the way: other bytes, same content
    conn.execute("VACUUM")
    conn.close()
    assert workpackage.file_sha256(resent) != workpackage.file_sha256(files["Bob"])
    before = dump(master)
    report = merge(master, resent)
    assert report.files[0].outcome == "unchanged" and "nothing new" in report.files[0].line()
    assert dump(master) == before


def test_a_later_copy_of_a_package_merges_on_top_of_the_first(reviewed, tmp_path):
    template, files, _ = reviewed
    master = fresh(template, tmp_path)
    later = tmp_path / "Bob later.qrpkg"
    shutil.copyfile(files["Bob"], later)
    merge(master, files["Bob"])
    pkg, _ = workpackage.open_package(later)            # Bob went on working after sending the first copy
    unfinished = review_ids(pkg, "Bob")[3]
    answer_review(pkg, unfinished, "Bob")
    pkg.close()
    report = merge(master, later)
    result = report.files[0]
    assert result.outcome == "merged" and not result.conflicts
    assert [(r.action, r.application_number) for r in result.reviews] == [
        ("updated", r.application_number) for r in result.reviews] and len(result.reviews) == 1
    db = open_database(master)
    assert db.execute("SELECT status FROM reviews WHERE uid = ?", [result.reviews[0].review_uid]).fetchone() == \
        ("completed",)
    assert check_workspace(db) == []


# -- conflicts ---------------------------------------------------------------------------------------

@pytest.fixture
def conflicting(master_template, tmp_path):  # noqa: F811
    """Alice corrects an answer of her first review in the master (at the office) after the package
    left; Alice, offline, answers the same item otherwise and completes the review. (Only the
    review's reviewer writes into it: anyone else would have to take it over first.)"""
    master = copy_master(master_template, tmp_path)
    files = export(master, tmp_path, ["Alice"])
    db = open_database(master)
    first = review_ids(db, "Alice")[0]
    checklist = load_stored(db, reviews.get_review(db, first).checklist_id)
    item = next(i for i in checklist.items if i.can_fail and i.severities and i.categories and i.condition is None)
    reviews.set_answer(db, first, item.id, item.option_for_outcome("fail").code, actor="Alice",
                      severity=item.severities[0], category=item.categories[0], comment="manager's correction")
    uid = db.execute("SELECT uid FROM reviews WHERE id = ?", [first]).fetchone()[0]
    db.close()
    pkg, summary = workpackage.open_package(files["Alice"])
    answer_review(pkg, first, "Alice")
    pkg.close()
    return master, files["Alice"], summary.info.package_id, uid, item.id, first


def test_a_conflict_is_refused_without_a_choice_and_listed_side_by_side(conflicting):
    master, path, _, _, item_id, _ = conflicting
    before = dump(master)
    report = merge(master, path)
    result = report.files[0]
    assert result.outcome == "conflicts" and result.error.code == "merge.conflicts"
    assert report.refused == (result,)
    parts = {p.part: p for _, p in result.conflicts}
    assert set(parts) == {item_id, REVIEW_PART}
    assert parts[item_id].master["comment"] == "manager's correction" and parts[item_id].master["outcome"] == "fail"
    assert parts[item_id].package["outcome"] == "pass" and parts[item_id].base is None
    assert parts[REVIEW_PART].master["status"] == "in_progress" and parts[REVIEW_PART].package["status"] == "completed"
    assert dump(master) == before                    # nothing overwritten, nothing merged
    from workbench.packages.merge import describe
    listing = "\n".join(describe(result))
    assert f"item {item_id}: here fail" in listing and "| package pass" in listing


def test_the_manager_chooses_per_item(conflicting):
    master, path, package_id, uid, item_id, review_id = conflicting
    partial = Resolutions(choices={(package_id, uid, item_id): "master"})
    assert merge(master, path, resolutions=partial).files[0].outcome == "conflicts"
    chosen = Resolutions(choices={(package_id, uid, item_id): "master", (package_id, uid, REVIEW_PART): "package"})
    result = merge(master, path, resolutions=chosen).files[0]
    assert result.outcome == "merged" and len(result.conflicts) == 2
    db = open_database(master)
    kept = reviews.get_answers(db, review_id)[item_id]
    assert (kept.outcome, kept.comment) == ("fail", "manager's correction")   # the manager's choice
    row = reviews.get_review(db, review_id)
    assert row.status == "completed" and row.verdict in ("error", "defect")     # recomputed from both sides
    assert check_workspace(db) == []                 # the log says the merge kept the manager's answer
    last = db.execute("SELECT actor, action FROM audit_log WHERE entity = 'answer' AND entity_id = ?"
                      " ORDER BY id DESC LIMIT 1", [f"{review_id}/{item_id}"]).fetchone()
    assert last == ("manager", "merge")
    merged = db.execute("SELECT new_value FROM audit_log WHERE entity = 'review' AND action = 'merge'").fetchone()
    assert item_id in merged[0] and package_id in merged[0]


@pytest.mark.parametrize("prefer", ["package", "master"])
def test_prefer_decides_every_conflict(conflicting, prefer):
    master, path, _, _, item_id, review_id = conflicting
    result = merge(master, path, resolutions=Resolutions(prefer=prefer)).files[0]
    assert result.outcome == "merged"
    db = open_database(master)
    answer = reviews.get_answers(db, review_id)[item_id]
    assert answer.outcome == ("pass" if prefer == "package" else "fail")
    assert reviews.get_review(db, review_id).status == ("completed" if prefer == "package" else "in_progress")
    assert len(reviews.get_answers(db, review_id)) > 1   # Alice's other answers arrive either way
    assert check_workspace(db) == []
    with pytest.raises(WorkbenchError):
        Resolutions(prefer="mine")


def test_changes_to_different_items_merge_without_a_conflict(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    files = export(master, tmp_path, ["Bob"])
    db = open_database(master)
    first = review_ids(db, "Bob")[0]
    checklist = load_stored(db, reviews.get_review(db, first).checklist_id)
    last_item = checklist.items[-1]
    # Bob answered one item at the office before leaving with the package (only he writes his review).
    reviews.set_answer(db, first, last_item.id, last_item.option_for_outcome("pass").code, actor="Bob",
                      comment="checked at the office")
    db.close()
    pkg, _ = workpackage.open_package(files["Bob"])
    first_item = checklist.items[0]
    reviews.set_answer(pkg, first, first_item.id, first_item.option_for_outcome("pass").code, actor="Bob")
    pkg.close()
    result = merge(master, files["Bob"]).files[0]
    assert result.outcome == "merged" and not result.conflicts
    assert [r.action for r in result.reviews] == ["merged"]
    db = open_database(master)
    answers = reviews.get_answers(db, first)
    assert answers[last_item.id].comment == "checked at the office" and first_item.id in answers
    assert check_workspace(db) == []


def test_a_review_opened_in_both_places_is_one_review_not_two(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    db = open_database(master)
    create_round(db, name="later", filters=Filters(), plan=Plan(size=3), seed=2, actor="manager")
    round_id = db.execute("SELECT id FROM rounds WHERE name = 'later'").fetchone()[0]
    cases = [r[0] for r in db.execute("SELECT case_id FROM round_cases WHERE round_id = ?", [round_id])]
    with db.atomic():    # assigned without opening reviews, audited as the application assigns
        for case_id in cases:
            db.execute("UPDATE round_cases SET reviewer = 'Dave' WHERE round_id = ? AND case_id = ?",
                       [round_id, case_id])
            chain.record(db, actor="manager", entity="round_case", entity_id=f"{round_id}/{case_id}",
                         action="assign", old={"reviewer": None}, new={"reviewer": "Dave"}, case_id=case_id)
    out = tmp_path / "dave.qrpkg"
    workpackage.export_package(db, round_name="later", reviewer="Dave", out=out, actor="manager")
    # Here the manager starts one of Dave's cases under Dave's name; Dave starts all three offline.
    here = reviews.open_review(db, cases[0], reviewer="Dave")
    db.execute("UPDATE reviews SET round_id = ? WHERE id = ?", [round_id, here.id])
    db.conn.commit()
    db.close()
    pkg, _ = workpackage.open_package(out)
    for case_id in cases:
        opened = reviews.open_review(pkg, case_id, reviewer="Dave")
        pkg.execute("UPDATE reviews SET round_id = ? WHERE id = ?", [round_id, opened.id])
        pkg.conn.commit()
        answer_review(pkg, opened.id, "Dave")
    pkg.close()
    result = merge(master, out, resolutions=Resolutions(prefer="package")).files[0]
    assert result.outcome == "merged"
    assert Counter(r.action for r in result.reviews) == Counter({"added": 2, "conflict": 1})
    # No base for the one opened in both places: its status and answers were decided by --prefer.
    assert all(p.side == "package" for r in result.reviews for p in r.parts)
    db = open_database(master)
    per_case = db.execute("SELECT case_id, COUNT(*) FROM reviews WHERE reviewer = 'Dave' GROUP BY case_id")
    assert sorted(n for _, n in per_case) == [1, 1, 1]
    assert check_workspace(db) == []


# -- refused files -----------------------------------------------------------------------------------

def other_workspace_package(master_template, folder: Path) -> Path:  # noqa: F811
    """A package of a round with the same name, drawn in another workspace."""
    other = folder / "other"
    other.mkdir()
    from tests.workbench.test_packages import build_master
    build_master(other / "master.sqlite3")
    return export(other / "master.sqlite3", other, ["Alice"])["Alice"]


@pytest.mark.parametrize("damage, code", [
    ("truncated", "package.truncated"),
    ("answers edited", "package.tampered"),
    ("audit edited", "package.tampered"),
    ("audit entry removed", "package.tampered"),
    ("unknown format", "package.format"),
    ("another round", "merge.unknown_round"),
    ("not a package", "package.not_package"),
    ("newer schema", "merge.too_new"),
    ("not sqlite", "package.not_sqlite"),
    ("reviewer changed", "merge.mismatch"),
])
def test_refused_packages_leave_the_workspace_unchanged(master_template, tmp_path, damage, code):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    good = export(master, tmp_path, ["Alice", "Bob"])
    for reviewer, path in good.items():
        work(path, reviewer)
    path = good["Alice"]
    sql = {"answers edited": "UPDATE answers SET answer = 'fail', outcome = 'fail'"
                             " WHERE (review_id, item_id) = (SELECT review_id, item_id FROM answers LIMIT 1 OFFSET 2)",
           "audit edited": "UPDATE audit_log SET new_value = '{}' WHERE id = (SELECT MAX(id) FROM audit_log)",
           "audit entry removed": "DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 1 FROM audit_log)",
           "unknown format": "UPDATE package_info SET format_version = 2",
           "newer schema": "PRAGMA user_version = 999",
           "reviewer changed": "UPDATE package_info SET reviewer = 'Bob'"}.get(damage)
    if sql:
        conn = sqlite3.connect(path)
        conn.execute(sql)
        conn.commit()
        conn.close()
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "another round":
        path = other_workspace_package(master_template, tmp_path)
    elif damage == "not a package":
        path = copy_master(master_template, tmp_path, "somebody's workspace.sqlite3")
    elif damage == "not sqlite":
        path = tmp_path / "notes.qrpkg"
        path.write_text("just some text, not a package\n" * 20)
    before = dump(master)
    report = merge(master, path)
    result = report.files[0]
    assert result.outcome == "refused" and result.error.code == code, result.line()
    assert path.name in result.line() and "\n" not in result.line()
    assert dump(master) == before
    # With a good file in the same call: the good one is merged, the bad one still refused.
    report = merge(master, path, good["Bob"])
    assert [f.outcome for f in report.files] == ["refused", "merged"]
    db = open_database(master)
    assert check_workspace(db) == []
    assert db.execute("SELECT COUNT(*) FROM package_merges").fetchone()[0] == 1


def test_merging_into_a_package_is_refused(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    files = export(master, tmp_path, ["Alice", "Bob"])
    with pytest.raises(WorkbenchError) as err:
        merge(files["Alice"], files["Bob"])
    assert err.value.code == "package.is_package"


def test_dry_run_shows_what_will_change_and_changes_nothing(reviewed, tmp_path):
    template, files, _ = reviewed
    master = fresh(template, tmp_path)
    before = dump(master)
    preview = merge(master, *files.values(), dry_run=True)
    assert preview.dry_run and [f.outcome for f in preview.files] == ["merged"] * 3
    assert dump(master) == before
    real = merge(master, *files.values())
    assert [f.line() for f in real.files] == [f.line() for f in preview.files]


def test_cancel_rolls_the_whole_merge_back(reviewed, tmp_path):
    template, files, _ = reviewed
    master = fresh(template, tmp_path)
    before = dump(master)
    token = CancelToken()
    seen = []

    def progress(done, total, label):
        seen.append(label)
        if len(seen) == 5:
            token.cancel()
    with pytest.raises(Cancelled):
        merge(master, *files.values(), progress=progress, cancel=token)
    assert dump(master) == before


def test_columns_other_migrations_add_travel_both_ways(master_template, tmp_path, monkeypatch):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    with_extra_columns(open_database(master)).close()
    monkeypatch.setattr(workpackage, "open_database", lambda path: with_extra_columns(open_database(path)))
    path = export(master, tmp_path, ["Carol"])["Carol"]
    pkg, _ = workpackage.open_package(path)
    first = review_ids(pkg, "Carol")[0]
    answer_review(pkg, first, "Carol")
    pkg.execute("UPDATE reviews SET note = 'hard case' WHERE id = ?", [first])
    pkg.execute("UPDATE answers SET note = 'looked twice' WHERE review_id = ?", [first])
    pkg.conn.commit()
    pkg.close()
    assert merge(master, path).files[0].outcome == "merged"
    db = open_database(master)
    assert db.execute("SELECT note FROM reviews WHERE id = ?", [first]).fetchone() == ("hard case",)
    assert {r[0] for r in db.execute("SELECT note FROM answers WHERE review_id = ?", [first])} == {"looked twice"}


def test_audit_entries_keep_their_time_and_actor_and_are_never_copied_twice(reviewed, tmp_path):
    template, files, _ = reviewed
    master = fresh(template, tmp_path)
    merge(master, files["Carol"])
    db = open_database(master)
    pkg = open_database(files["Carol"])
    # Written in the package, except its coverage baseline (what it held when written: never merged).
    native = pkg.execute("SELECT at, actor, action, old_value, new_value FROM audit_log a WHERE NOT EXISTS"
                         " (SELECT 1 FROM audit_origins o WHERE o.audit_id = a.id) AND a.entity != 'workspace'"
                         " ORDER BY id").fetchall()
    copied = db.execute("SELECT a.at, a.actor, a.action, a.old_value, a.new_value FROM audit_log a"
                        " JOIN audit_origins o ON o.audit_id = a.id ORDER BY a.id").fetchall()
    assert copied == native and chain.verify_chain(db) == []
    origins = [r[0] for r in db.execute("SELECT origin_hash FROM audit_origins")]
    assert len(origins) == len(set(origins))


def test_cases_imported_offline_stay_out_and_the_reviews_merge(master_template, tmp_path):  # noqa: F811
    from tests.workbench.helpers import ROWS, write_csv
    from workbench.importing.importer import import_file
    master = copy_master(master_template, tmp_path)
    path = export(master, tmp_path, ["Bob"])["Bob"]
    work(path, "Bob")
    pkg, _ = workpackage.open_package(path)
    import_file(pkg, write_csv(tmp_path / "extra.csv", ROWS))      # the reviewer loads other cases too
    pkg.close()
    cases_before = open_database(master).execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    result = merge(master, path).files[0]
    assert result.outcome == "merged" and result.count("updated") == 4
    db = open_database(master)
    assert db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == cases_before
    assert db.execute("SELECT COUNT(*) FROM audit_log a JOIN audit_origins o ON o.audit_id = a.id"
                      " WHERE a.entity = 'import'").fetchone()[0] == 0
    assert check_workspace(db) == []


def test_a_package_copied_while_still_open_brings_its_last_changes(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    path = export(master, tmp_path, ["Alice"])["Alice"]
    pkg, _ = workpackage.open_package(path)        # the application still has it open: changes sit in the -wal
    first = review_ids(pkg, "Alice")[0]
    answer_review(pkg, first, "Alice", complete=False)
    assert Path(f"{path}-wal").stat().st_size > 0
    result = merge(master, path).files[0]
    assert result.outcome == "merged" and result.count("updated") == 1
    reviews.add_active_time(pkg, first, 60, actor="Alice")      # more work, still not closed: a new state, not "already merged"
    again = merge(master, path).files[0]
    pkg.close()
    assert again.outcome == "merged" and again.count("time") == 1
    db = open_database(master)
    assert reviews.get_review(db, first).status == "in_progress" and check_workspace(db) == []
