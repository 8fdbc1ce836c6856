"""Work packages out to the reviewer: what a package holds, and what is refused."""
from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from db.connection import open_database
from workbench.packages import workpackage
from workbench.review import reviews
from workbench.review.checklist_store import load_stored
from workbench.demo.data import generate_cases, write_csv
from foundation.errors import Cancelled, WorkbenchError
from workbench.importing.importer import import_file
from workbench.review.integrity import check_workspace
from foundation.jobs import CancelToken
from workbench.rounds.assignment import Reviewer
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import create_round

ROUND = "2022 Q2"
REVIEWERS = ("Alice", "Bob", "Carol")


# -- helpers shared by the package, merge, CLI and window tests --------------------------------------

def build_master(path: Path) -> None:
    """A manager's workspace: 60 cases, a round of 18 shared by three reviewers (an open review each)."""
    db = open_database(path)
    source = path.with_suffix(".csv")
    write_csv(source, generate_cases(60, seed=3))
    import_file(db, source)
    create_round(db, name=ROUND, filters=Filters(), plan=Plan(size=18), seed=7, actor="manager",
                 reviewers=[Reviewer(name) for name in REVIEWERS])
    db.close()


@pytest.fixture(scope="session")
def master_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "master.sqlite3"
    build_master(path)
    return path


def copy_master(template: Path, folder: Path, name: str = "master.sqlite3") -> Path:
    target = folder / name
    shutil.copyfile(template, target)
    return target


def answer_review(db, review_id: int, actor: str, *, fail: int = 0, complete: bool = True,
                  comment: str = "", seconds: float = 0) -> None:
    """Answer every item shown: pass, except the first `fail` items that can fail; `seconds` of
    active time are measured while answering (time counts only before the review is completed)."""
    checklist = load_stored(db, reviews.get_review(db, review_id).checklist_id)
    failed = 0
    while True:
        given = reviews.get_answers(db, review_id)
        todo = [i for i in checklist.visible_items({k: a.answer for k, a in given.items()}) if i.id not in given]
        if not todo:
            break
        for item in todo:
            option = item.option_for_outcome("pass") or item.option_for_outcome("na")
            if failed < fail and item.can_fail and item.severities and item.categories:
                failed += 1
                reviews.set_answer(db, review_id, item.id, item.option_for_outcome("fail").code, actor=actor,
                                  severity=item.severities[0], category=item.categories[0], comment=comment)
            else:
                reviews.set_answer(db, review_id, item.id, option.code, actor=actor)
    if seconds:
        assert reviews.add_active_time(db, review_id, seconds, actor=actor)
    if complete:
        reviews.complete(db, review_id, actor=actor)


def review_ids(db, reviewer: str | None = None) -> list[int]:
    if reviewer is None:
        return [r[0] for r in db.execute("SELECT id FROM reviews ORDER BY id")]
    return [r[0] for r in db.execute("SELECT id FROM reviews WHERE reviewer = ? ORDER BY id", [reviewer])]


def figures(db) -> dict:
    """What the report is made of: statuses, verdicts, findings, time, per case."""
    per_case = sorted(db.execute(
        "SELECT c.application_number, r.reviewer, r.status, r.verdict, r.score, r.active_seconds,"
        " (SELECT COUNT(*) FROM answers a WHERE a.review_id = r.id),"
        " (SELECT group_concat(item_id || ':' || answer || ':' || IFNULL(severity, ''), ',') FROM"
        "  (SELECT * FROM answers a WHERE a.review_id = r.id ORDER BY item_id))"
        " FROM reviews r JOIN cases c ON c.id = r.case_id").fetchall())
    return {
        "reviews": len(per_case),
        "status": Counter(r[2] for r in per_case),
        "verdict": Counter(r[3] for r in per_case),
        "findings": Counter(r[0] for r in db.execute("SELECT severity FROM findings")),
        "active_seconds": round(sum(r[5] for r in per_case), 3),
        "per_case": per_case,
        "answer_entries": db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'answer'"
                                     " AND action != 'merge'").fetchone()[0],
    }


def dump(path: Path) -> list[str]:
    """The whole database as SQL, to show nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def export(master: Path, folder: Path, reviewers=REVIEWERS) -> dict[str, Path]:
    db = open_database(master)
    try:
        results = workpackage.export_packages(
            db, round_name=ROUND, targets=[(r, folder / f"{r}.qrpkg") for r in reviewers], actor="manager")
    finally:
        db.close()
    return {r.reviewer: r.path for r in results}


# -- the package ---------------------------------------------------------------------------------

@pytest.fixture
def master(master_template, tmp_path) -> Path:
    return copy_master(master_template, tmp_path)


def test_every_review_and_round_has_a_uid_filled_by_the_trigger(master):
    db = open_database(master)
    uids = [r[0] for r in db.execute("SELECT uid FROM reviews")]
    assert len(uids) == 18 and all(len(u) == 36 and u[14] == "4" for u in uids) and len(set(uids)) == 18
    assert db.execute("SELECT uid FROM rounds").fetchone()[0]
    assert workpackage.workspace_uid(db)


def test_a_package_holds_only_the_reviewers_cases_with_round_checklists_and_history(master, tmp_path):
    db = open_database(master)
    alice_review = review_ids(db, "Alice")[0]
    answer_review(db, alice_review, "Alice", complete=False)     # started before the package leaves
    result = workpackage.export_package(db, round_name=ROUND, reviewer="alice", out=tmp_path / "a.qrpkg",
                                     actor="manager")
    assert (result.reviewer, result.cases, result.reviews, result.started) == ("Alice", 6, 6, 1)
    expected_cases = {r[0] for r in db.execute(
        "SELECT c.application_number FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
        " WHERE rc.reviewer = 'Alice'")}

    pkg, summary = workpackage.open_package(result.path)
    assert summary.info.reviewer == "Alice" and summary.info.round_name == ROUND
    assert summary.info.format_version == workpackage.FORMAT_VERSION
    assert summary.info.source_workspace == workpackage.workspace_uid(db)
    assert {r[0] for r in pkg.execute("SELECT application_number FROM cases")} == expected_cases
    assert {r[0] for r in pkg.execute("SELECT reviewer FROM round_cases")} == {"Alice"}
    assert pkg.execute("SELECT uid, name FROM rounds").fetchall() == db.execute(
        "SELECT uid, name FROM rounds").fetchall()
    used = {r[0] for r in pkg.execute("SELECT DISTINCT checklist_id FROM reviews")}
    assert used <= {r[0] for r in pkg.execute("SELECT id FROM checklists")}
    # The started review came with its answers and their audit entries, and the chain is valid.
    assert reviews.get_answers(pkg, alice_review) == reviews.get_answers(db, alice_review)
    assert check_workspace(pkg) == []
    copied = pkg.execute("SELECT COUNT(*) FROM audit_log a JOIN audit_origins o ON o.audit_id = a.id"
                         " WHERE a.entity = 'answer'").fetchone()[0]
    assert copied == len(reviews.get_answers(db, alice_review))
    assert pkg.execute("SELECT COUNT(*) FROM package_bases").fetchone()[0] == 6
    assert workpackage.package_reviewer(pkg) == "Alice"
    assert pkg.execute("PRAGMA journal_mode").fetchone()[0] == "wal"   # opened as a workspace
    pkg.close()
    recorded = db.execute("SELECT reviewer, cases, reviews FROM package_exports").fetchall()
    assert recorded == [("Alice", 6, 6)]
    assert workpackage.package_reviewer(db) is None
    assert any("cases:     6 (0 reviewed)" in line for line in summary.lines())


def with_extra_columns(db):
    """What a later migration of another issue may do: add columns to reviews and answers."""
    for table in ("reviews", "answers"):
        if "note" not in workpackage.columns(db, table):
            db.execute(f"ALTER TABLE {table} ADD COLUMN note TEXT")
    return db


def test_export_carries_columns_other_migrations_add(master, tmp_path, monkeypatch):
    db = with_extra_columns(open_database(master))
    first = review_ids(db, "Bob")[0]
    db.execute("UPDATE reviews SET note = 'second opinion asked' WHERE id = ?", [first])
    db.conn.commit()
    monkeypatch.setattr(workpackage, "open_database", lambda path: with_extra_columns(open_database(path)))
    result = workpackage.export_package(db, round_name=ROUND, reviewer="Bob", out=tmp_path / "b.qrpkg", actor="m")
    pkg = open_database(result.path)
    assert pkg.execute("SELECT note FROM reviews WHERE id = ?", [first]).fetchone()[0] == "second opinion asked"
    assert any("second opinion asked" in r[0] for r in pkg.execute("SELECT state FROM package_bases"))


def test_unknown_reviewer_is_refused_naming_the_reviewers(master, tmp_path):
    db = open_database(master)
    with pytest.raises(WorkbenchError) as err:
        workpackage.export_package(db, round_name=ROUND, reviewer="Dave", out=tmp_path / "d.qrpkg", actor="m")
    assert err.value.code == "package.no_reviewer" and "Alice, Bob, Carol" in str(err.value)
    with pytest.raises(WorkbenchError) as err:
        workpackage.export_package(db, round_name="no such round", reviewer="Bob", out=tmp_path / "d.qrpkg",
                                actor="m")
    assert err.value.code == "rounds.unknown"
    assert not list(tmp_path.glob("*.qrpkg")) and not list(tmp_path.glob(".*.tmp"))


def test_an_existing_file_is_kept_unless_replacing_is_asked(master, tmp_path):
    db = open_database(master)
    out = tmp_path / "a.qrpkg"
    out.write_text("keep me")
    with pytest.raises(WorkbenchError) as err:
        workpackage.export_package(db, round_name=ROUND, reviewer="Alice", out=out, actor="m")
    assert err.value.code == "package.exists" and out.read_text() == "keep me"
    workpackage.export_package(db, round_name=ROUND, reviewer="Alice", out=out, actor="m", overwrite=True)
    workpackage.check_package(out)


def test_cancel_leaves_no_file_and_no_record(master, tmp_path):
    db = open_database(master)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        workpackage.export_packages(db, round_name=ROUND, actor="m", cancel=token,
                                 targets=[(r, tmp_path / f"{r}.qrpkg") for r in REVIEWERS])
    assert not list(tmp_path.glob("*.qrpkg")) and not list(tmp_path.glob(".*"))
    assert db.execute("SELECT COUNT(*) FROM package_exports").fetchone()[0] == 0


def test_packages_are_not_exported_from_a_package(master, tmp_path):
    paths = export(master, tmp_path, ["Alice"])
    pkg, _ = workpackage.open_package(paths["Alice"])
    with pytest.raises(WorkbenchError) as err:
        workpackage.export_package(pkg, round_name=ROUND, reviewer="Alice", out=tmp_path / "x.qrpkg", actor="Alice")
    assert err.value.code == "package.is_package"


def test_reviewer_works_in_the_package_as_a_workspace(master, tmp_path):
    paths = export(master, tmp_path, ["Carol"])
    pkg, _ = workpackage.open_package(paths["Carol"])
    first = review_ids(pkg, "Carol")[0]
    answer_review(pkg, first, "Carol", fail=1, seconds=120)
    pkg.close()
    summary = workpackage.check_package(paths["Carol"])     # reopened: still an intact package
    assert summary.reviews == {"completed": 1, "open": 5}


@pytest.mark.parametrize("damage, code", [
    ("truncate", "package.truncated"),
    ("junk", "package.not_sqlite"),
    ("empty", "package.not_sqlite"),
    ("workspace", "package.not_package"),
    ("format", "package.format"),
    ("answers", "package.tampered"),
    ("audit", "package.tampered"),
    ("history", "package.tampered"),
])
def test_a_damaged_or_tampered_package_is_refused_on_opening(master, tmp_path, damage, code):
    paths = export(master, tmp_path, ["Alice"])
    path = paths["Alice"]
    pkg, _ = workpackage.open_package(path)
    answer_review(pkg, review_ids(pkg)[0], "Alice")
    pkg.close()
    if damage == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "junk":
        path.write_bytes(b"PK\x03\x04 this is a zip, not a package" * 40)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "workspace":
        path = master
    else:
        conn = sqlite3.connect(path)
        sql = {"format": "UPDATE package_info SET format_version = 99",
               "answers": "UPDATE answers SET comment = 'edited' WHERE (review_id, item_id) = (SELECT review_id, item_id FROM answers LIMIT 1)",
               "audit": "UPDATE audit_log SET actor = 'someone else' WHERE id = (SELECT MAX(id) FROM audit_log)",
               "history": "UPDATE audit_log SET actor = 'x' WHERE id = 1"}[damage]
        conn.execute(sql)
        if damage == "history":   # rewrite the whole chain so it is consistent again
            from workbench.audit import chain
            prev = chain.GENESIS
            for row in conn.execute("SELECT id, at, actor, entity, entity_id, case_id, action, old_value,"
                                    " new_value FROM audit_log ORDER BY id").fetchall():
                digest = chain.entry_hash(prev, *row[1:])
                conn.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [chain.stored_hash(digest), row[0]])
                prev = digest
        conn.commit()
        conn.close()
    with pytest.raises(WorkbenchError) as err:
        workpackage.check_package(path)
    assert err.value.code == code
    assert "\n" not in str(err.value)


def test_default_file_names_are_safe():
    assert workpackage.default_file_name("2022 Q2/发明", "Li Na") == "2022 Q2_发明 - Li Na.qrpkg"
