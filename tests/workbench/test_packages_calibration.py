"""Work packages of a calibration round: each reviewer's package carries their own blind reviews
and nothing of the others' (not in a table, not in the audit copy, not in the file's bytes), and
the packages merge back in any order, each into its reviewer's own review, while forged packages,
a closed round and a final review are refused."""
from __future__ import annotations

import io
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
import sqlite_utils

from db.connection import open_database
from foundation.errors import WorkbenchError
from workbench import cli
from workbench.audit import chain
from workbench.calibration import blind
from workbench.calibration.rounds import close_calibration_round, create_calibration_round
from workbench.demo.generate import build_demo
from workbench.packages import workpackage
from workbench.packages.merge import merge_packages
from workbench.packages.merge_plan import Resolutions
from workbench.review import reviews
from workbench.review.checklist_store import load_stored
from workbench.review.integrity import check_workspace

ROUND = "Calibration 2026-2"
REVIEWERS = ("Wang Fang", "Li Na", "Zhang Wei")
MANAGER = "Chen Jing"
CASES = 4
#: A comment no other text contains, one per reviewer and place the answers were given.
MASTER_NOTE = {r: f"QXMASTER{i}NOTE" for i, r in enumerate(REVIEWERS)}
PACKAGE_NOTE = {r: f"QXPACKAGE{i}NOTE" for i, r in enumerate(REVIEWERS)}


@pytest.fixture(scope="session")
def calibration_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("calibration") / "master.sqlite3"
    db = open_database(path)
    build_demo(db, cases=80, reviewed=0.2, seed=5)
    create_calibration_round(db, name=ROUND, reviewers=REVIEWERS, actor=MANAGER, size=CASES, seed=11)
    db.close()
    return path


@pytest.fixture
def master(calibration_template, tmp_path) -> Path:
    target = tmp_path / "master.sqlite3"
    shutil.copyfile(calibration_template, target)
    return target


# -- helpers -------------------------------------------------------------------------------------

def own_reviews(db, reviewer: str) -> list[int]:
    """The reviewer's calibration reviews of the round, in draw order."""
    return [r[0] for r in db.execute(
        "SELECT r.id FROM reviews r JOIN rounds rd ON rd.id = r.round_id JOIN round_cases rc"
        " ON rc.round_id = r.round_id AND rc.case_id = r.case_id WHERE rd.name = ? AND r.role = 'calibration'"
        " AND r.reviewer = ? ORDER BY rc.draw_order", [ROUND, reviewer])]


def answer(db, review_id: int, reviewer: str, note: str, *, fail: int = 0, complete: bool = True,
           items: int | None = None) -> None:
    """Answer the items shown (the first `fail` that can fail with a finding), each with `note` in
    its comment, as the window does in the reviewer's name; then complete the review."""
    checklist = load_stored(db, reviews.get_review(db, review_id).checklist_id)
    given = failed = 0
    while items is None or given < items:
        done = reviews.get_answers(db, review_id)
        todo = [i for i in checklist.visible_items({k: a.answer for k, a in done.items()}) if i.id not in done]
        if not todo:
            break
        item = todo[0]
        if failed < fail and item.can_fail and item.severities and item.categories:
            failed += 1
            reviews.set_answer(db, review_id, item.id, item.option_for_outcome("fail").code, actor=reviewer,
                               severity=item.severities[0], category=item.categories[0], comment=f"{note} {item.id}")
        else:
            option = item.option_for_outcome("pass") or item.option_for_outcome("na")
            reviews.set_answer(db, review_id, item.id, option.code, actor=reviewer, comment=f"{note} {item.id}")
        given += 1
    if complete:
        reviews.complete(db, review_id, actor=reviewer)


def export(master: Path, folder: Path, *reviewers: str, suffix: str = "") -> dict[str, Path]:
    db = open_database(master)
    try:
        results = workpackage.export_packages(
            db, round_name=ROUND, targets=[(r, folder / f"{r}{suffix}.qrpkg") for r in reviewers], actor=MANAGER)
    finally:
        db.close()
    return {r.reviewer: r.path for r in results}


def work(path: Path, reviewer: str, *, fail: int) -> None:
    """The reviewer's offline session in the package, as the window opens it."""
    pkg, _ = workpackage.open_package(path)
    try:
        assert workpackage.package_reviewer(pkg) == reviewer
        for review_id in own_reviews(pkg, reviewer):
            answer(pkg, review_id, reviewer, PACKAGE_NOTE[reviewer], fail=fail)
    finally:
        pkg.close()


def merge(master: Path, *files: Path, **kwargs):
    db = open_database(master)
    try:
        return merge_packages(db, list(files), actor=MANAGER, **kwargs)
    finally:
        db.close()


def every_text(path: Path) -> list[str]:
    """Every text value of every table of the file."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [value if isinstance(value, str) else value.decode("utf-8", "replace")
                for table in tables for row in conn.execute(f'SELECT * FROM "{table}"')
                for value in row if isinstance(value, (str, bytes))]
    finally:
        conn.close()


def assert_only_own(path: Path, reviewer: str, secrets: list[str]) -> None:
    """The package holds `reviewer`'s reviews only, and none of `secrets` anywhere: no table, no
    text value, no byte of the file (a deleted row would linger in a free page)."""
    raw = path.read_bytes() + (Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b"")
    texts = every_text(path)
    for secret in secrets:
        assert secret.encode("utf-8") not in raw, secret
        assert not any(secret in text for text in texts), secret
    conn = sqlite3.connect(path)
    try:
        assert {r[0] for r in conn.execute("SELECT DISTINCT reviewer || '/' || role FROM reviews")} == {
            f"{reviewer}/calibration"}
        held = {str(r[0]) for r in conn.execute("SELECT id FROM reviews")}
        for entity, entity_id, actor in conn.execute("SELECT entity, entity_id, actor FROM audit_log"):
            assert actor in (reviewer, MANAGER, "demo"), (entity, entity_id, actor)
            if entity in ("review", "answer"):
                assert entity_id.split("/", 1)[0] in held, (entity, entity_id)
    finally:
        conn.close()


def others_secrets(db, reviewer: str, notes: dict[str, str]) -> list[str]:
    """The other reviewers' notes and the uids of their calibration reviews."""
    others = [r for r in REVIEWERS if r != reviewer]
    uids = [r[0] for o in others for r in db.execute(
        "SELECT uid FROM reviews WHERE reviewer = ? AND role = 'calibration'", [o])]
    return [notes[o] for o in others] + uids


def state(path: Path) -> list[tuple]:
    """Every review of the round with its answers, by uid."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT r.uid, r.reviewer, r.role, r.status, r.verdict, r.score, r.completed_at, r.active_seconds,"
            " a.item_id, a.answer, a.outcome, a.severity, a.category, a.comment FROM reviews r"
            " JOIN rounds rd ON rd.id = r.round_id LEFT JOIN answers a ON a.review_id = r.id WHERE rd.name = ?"
            " ORDER BY r.uid, a.item_id", [ROUND]).fetchall()
    finally:
        conn.close()


# -- writing a package ---------------------------------------------------------------------------

def test_a_package_carries_only_the_reviewers_own_reviews_even_after_others_completed(master, tmp_path):
    a, b, c = REVIEWERS
    db = open_database(master)
    first = own_reviews(db, a)[0]
    case_id = reviews.get_review(db, first).case_id
    for review_id in own_reviews(db, b):            # B finished everything in the manager's workspace
        answer(db, review_id, b, MASTER_NOTE[b], fail=1)
    answer(db, own_reviews(db, c)[0], c, MASTER_NOTE[c], complete=False, items=2)
    answer(db, first, a, MASTER_NOTE[a])             # A finished one case: there, A may now see B's answers
    b_first = next(r for r in own_reviews(db, b) if reviews.get_review(db, r).case_id == case_id)
    assert blind.can_see(db, b_first, a) and not blind.can_see(db, own_reviews(db, b)[1], a)
    assert workpackage.round_reviewers(db, ROUND) == [(r, CASES) for r in sorted(REVIEWERS)]
    uids = {r[0] for r in db.execute("SELECT uid FROM reviews WHERE reviewer = ? AND role = 'calibration'", [a])}
    secrets = others_secrets(db, a, MASTER_NOTE)
    db.close()

    result = export(master, tmp_path, a)[a]
    assert result.name == f"{a}.qrpkg"
    assert_only_own(result, a, secrets)
    assert MASTER_NOTE[a].encode() in result.read_bytes()      # the scan does see what the package holds
    conn = sqlite3.connect(result)
    assert {r[0] for r in conn.execute("SELECT uid FROM reviews")} == uids
    assert conn.execute("SELECT COUNT(*) FROM round_cases WHERE reviewer IS NULL").fetchone()[0] == CASES
    conn.close()

    # Opened as the window opens it: the reviewer's own reviews, nothing hidden because nothing else is there.
    pkg, summary = workpackage.open_package(result)
    assert summary.cases == CASES and summary.reviews == {"completed": 1, "open": CASES - 1}
    assert blind.hidden_reviews(pkg, a) == set()
    for review_id in own_reviews(pkg, a):
        shown = reviews.load_case_review(pkg, reviews.get_review(pkg, review_id).case_id, reviewer=a)
        assert shown.review.id == review_id and shown.review.role == "calibration"
        if review_id != first:
            answer(pkg, review_id, a, PACKAGE_NOTE[a], fail=2)
    with pytest.raises(WorkbenchError) as final:                 # completed before the package left: final
        reviews.set_answer(pkg, first, next(iter(reviews.get_answers(pkg, first))), None, actor=a)
    assert final.value.code == "review.calibration_final"
    pkg.close()
    assert_only_own(result, a, secrets)
    assert workpackage.check_package(result).reviews == {"completed": CASES}


def test_an_unlisted_reviewer_and_a_closed_round_get_no_package(master, tmp_path):
    with pytest.raises(WorkbenchError) as unlisted:
        export(master, tmp_path, "Zhao Lei")
    assert unlisted.value.code == "package.calibration_reviewer"
    assert "Li Na, Wang Fang, Zhang Wei" in str(unlisted.value) and ROUND in str(unlisted.value)
    assert export(master, tmp_path, "wang  FANG")["Wang Fang"].exists()        # the same person, spelt loosely
    db = open_database(master)
    close_calibration_round(db, ROUND, actor=MANAGER)
    db.close()
    with pytest.raises(WorkbenchError) as closed:
        export(master, tmp_path, "Li Na")
    assert closed.value.code == "package.calibration_closed" and "final" in str(closed.value)
    assert not (tmp_path / "Li Na.qrpkg").exists()


# -- merging them back ---------------------------------------------------------------------------

def test_three_packages_merge_in_any_order_each_into_its_reviewers_review(master, tmp_path):
    files = export(master, tmp_path, *REVIEWERS)
    for fail, reviewer in enumerate(REVIEWERS):
        work(files[reviewer], reviewer, fail=fail)
    db = open_database(master)
    secrets = {r: others_secrets(db, r, PACKAGE_NOTE) for r in REVIEWERS}
    owner = {r[0]: r[1] for r in db.execute("SELECT uid, reviewer FROM reviews WHERE role = 'calibration'")}
    db.close()
    for reviewer, path in files.items():
        assert_only_own(path, reviewer, secrets[reviewer])
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    shutil.copyfile(master, first)
    shutil.copyfile(master, second)

    results = [merge(first, files[r]).files[0] for r in REVIEWERS]                  # one at a time
    results += merge(second, *(files[r] for r in reversed(REVIEWERS))).files        # all at once, reversed
    for result in results:
        assert result.outcome == "merged", result.line()
        assert not result.conflicts and result.count("updated") == CASES and len(result.reviews) == CASES
    assert state(first) == state(second)
    merged = state(first)
    assert {row[3] for row in merged} == {"completed"} and len({row[0] for row in merged}) == CASES * 3
    for uid, reviewer, role, *_, comment in merged:
        assert role == "calibration" and owner[uid] == reviewer       # each review stayed its reviewer's
        assert comment.startswith(PACKAGE_NOTE[reviewer])
    for path in (first, second):
        db = open_database(path)
        assert check_workspace(db) == []
        review_id = own_reviews(db, "Li Na")[0]
        with pytest.raises(WorkbenchError) as final:          # merged completed: final as in the workspace
            reviews.set_answer(db, review_id, next(iter(reviews.get_answers(db, review_id))), None, actor="Li Na")
        assert final.value.code == "review.calibration_final"
        db.close()
    assert {f.outcome for f in merge(first, *files.values()).files} == {"already_merged"}


def test_a_review_completed_here_is_final_against_a_later_package(master, tmp_path):
    a = REVIEWERS[0]
    package = export(master, tmp_path, a)[a]
    work(package, a, fail=1)
    db = open_database(master)
    answer(db, own_reviews(db, a)[0], a, MASTER_NOTE[a])          # meanwhile completed here, differently
    db.close()
    before = state(master)
    for prefer in (None, "package"):
        result = merge(master, package, resolutions=Resolutions(prefer=prefer)).files[0]
        assert result.outcome == "refused" and result.error.code == "trust.calibration_final"
        assert a in result.line() and "final" in result.line()
    assert state(master) == before


def test_a_package_is_not_merged_into_a_closed_round(master, tmp_path):
    a = REVIEWERS[1]
    package = export(master, tmp_path, a)[a]
    work(package, a, fail=0)
    db = open_database(master)
    close_calibration_round(db, ROUND, actor=MANAGER)
    db.close()
    before = state(master)
    result = merge(master, package).files[0]
    assert result.outcome == "refused" and result.error.code == "trust.calibration_closed"
    assert state(master) == before


# -- forged packages -----------------------------------------------------------------------------

def _edit(path: Path, *statements: tuple[str, list]) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def _first(path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT id, case_id, uid FROM reviews ORDER BY id LIMIT 1").fetchone()
    conn.close()
    return row


def _other_uid(master: Path, reviewer: str, case_id: int) -> str:
    conn = sqlite3.connect(master)
    row = conn.execute("SELECT uid FROM reviews WHERE reviewer = ? AND case_id = ? AND role = 'calibration'",
                       [reviewer, case_id]).fetchone()
    conn.close()
    return row[0]


def _rechained(path: Path, **entry) -> None:
    """An entry appended and hashed as the application would: a forger can always do that."""
    db = sqlite_utils.Database(path)
    with db.conn:
        chain.append(db, **entry)
    db.close()


def forge_reviewer(path: Path, master: Path) -> None:
    _edit(path, ("UPDATE package_info SET reviewer = ?", [REVIEWERS[1]]))


def forge_new_uid(path: Path, master: Path) -> None:
    _edit(path, ("UPDATE reviews SET uid = ? WHERE id = ?", [str(uuid.uuid4()), _first(path)[0]]))


def forge_other_reviewers_uid(path: Path, master: Path) -> None:
    review_id, case_id, _ = _first(path)
    _edit(path, ("UPDATE reviews SET uid = ? WHERE id = ?", [_other_uid(master, REVIEWERS[1], case_id), review_id]))


def forge_hand_over(path: Path, master: Path) -> None:
    review_id, case_id, _ = _first(path)
    _edit(path, ("UPDATE reviews SET reviewer = ? WHERE id = ?", [REVIEWERS[1], review_id]))
    _rechained(path, actor=REVIEWERS[0], entity="review", entity_id=review_id, action="take_over",
               new={"reviewer": REVIEWERS[1]}, case_id=case_id)


def forge_other_reviewers_review(path: Path, master: Path) -> None:
    review_id, case_id, _ = _first(path)
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT checklist_id, round_id, created_at FROM reviews WHERE id = ?", [review_id]).fetchone()
    conn.close()
    new_id = 100_000
    _edit(path, ("INSERT INTO reviews (id, uid, case_id, checklist_id, reviewer, status, created_at, updated_at,"
                 " round_id, role) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, 'calibration')",
                 [new_id, _other_uid(master, REVIEWERS[1], case_id), case_id, row[0], REVIEWERS[1], row[2], row[2],
                  row[1]]))
    _rechained(path, actor=REVIEWERS[0], entity="review", entity_id=new_id, action="open",
               new={"checklist_id": row[0], "reviewer": REVIEWERS[1], "round_id": row[1], "role": "calibration"},
               case_id=case_id)


def forge_consensus(path: Path, master: Path) -> None:
    """The role changed, with an entry that makes the package's own log agree (verify covers the
    role): a forger can always append one, so the merge's trust check must refuse it."""
    review_id, case_id, _ = _first(path)
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT checklist_id, round_id, reviewer, active_seconds FROM reviews WHERE id = ?",
                       [review_id]).fetchone()
    conn.close()
    _edit(path, ("UPDATE reviews SET role = 'consensus', active_seconds = 0 WHERE id = ?", [review_id]))
    _rechained(path, actor=row[2], entity="review", entity_id=review_id, action="open",
               new={"checklist_id": row[0], "reviewer": row[2], "round_id": row[1], "role": "consensus"},
               case_id=case_id)


@pytest.mark.parametrize("forge, code", [
    (forge_reviewer, "merge.mismatch"),
    (forge_new_uid, "trust.not_issued"),
    (forge_other_reviewers_uid, "trust.not_issued"),
    (forge_hand_over, "trust.moved"),
    (forge_other_reviewers_review, "trust.not_issued"),
    (forge_consensus, "trust.moved"),
], ids=lambda v: getattr(v, "__name__", v))
def test_a_forged_calibration_package_is_refused(master, tmp_path, forge, code):
    a = REVIEWERS[0]
    package = export(master, tmp_path, a)[a]
    work(package, a, fail=1)
    forge(package, master)
    before = state(master)
    result = merge(master, package).files[0]
    assert result.outcome == "refused" and result.error.code == code, result.line()
    assert state(master) == before


# -- the command line ----------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_package_and_merge_a_calibration_round_on_the_command_line(master, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    files = {r: tmp_path / f"{r}.qrpkg" for r in REVIEWERS[:2]}
    for reviewer, path in files.items():
        code, out, err = run("package", "--round", ROUND, "--reviewer", reviewer, str(path), "--db", str(master))
        assert code == 0 and err == ""
        assert out.startswith(f"Wrote {path}: work package for {reviewer} in round '{ROUND}': {CASES} cases, "
                              f"{CASES} reviews")
    code, out, err = run("package", "--round", ROUND, "--reviewer", "Zhao Lei", str(tmp_path / "z.qrpkg"),
                         "--db", str(master))
    assert code == 2 and "not a reviewer of calibration round" in err and not (tmp_path / "z.qrpkg").exists()
    for fail, (reviewer, path) in enumerate(files.items()):
        work(path, reviewer, fail=fail)
    code, out, err = run("merge", *map(str, reversed(list(files.values()))), "--db", str(master))
    assert code == 0 and err == "" and out.count("merged the package of") == 2
    assert f"{CASES} updated" in out
    db = open_database(master)
    for reviewer in files:
        assert {reviews.get_review(db, r).status for r in own_reviews(db, reviewer)} == {"completed"}
    assert {reviews.get_review(db, r).status for r in own_reviews(db, REVIEWERS[2])} == {"open"}
    close_calibration_round(db, ROUND, actor=MANAGER)
    db.close()
    code, out, err = run("package", "--round", ROUND, "--reviewer", REVIEWERS[2], str(tmp_path / "c.qrpkg"),
                         "--db", str(master))
    assert code == 2 and "was closed on" in err
