"""Sending feedback records what it writes, in one transaction: every examiner's letter and response
workbook with their findings, deadline and audit entry, the same IDs when sent again, and nothing
at all (no row, no file, earlier files untouched) when a file fails, a move fails or the user
cancels; file names are safe and never shared; the `feedback` command's contract (issue 15)."""
from __future__ import annotations

import hashlib
import io
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from db.connection import open_database
from foundation.errors import Cancelled, WorkbenchError
from foundation.files import host_tag
from foundation.jobs import CancelToken
from workbench.cli import feedback as feedback_cli
from workbench.cli import main
from workbench.feedback import response_book, sending
from workbench.feedback.findings import FeedbackScope, ScopeCount, count_scope, scope_findings
from workbench.feedback.sending import file_stems, safe_stem, send_feedback
from workbench.report import pdf
from workbench.report.figures import ReportFilter
from workbench.review.integrity import check_workspace

TODAY = date(2026, 11, 2)
ROUND = FeedbackScope(ReportFilter(round_name="ONE"))
PERIOD = FeedbackScope(ReportFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))
TABLES = ("feedback_findings", "feedback_files", "feedback_file_findings", "audit_log")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("send") / "w.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--cases", "300", "--reviewed", "0.5", "--seed", "21", "--db", str(path), "--round", "ONE",
                 "--size", "40"], out=out, err=err)
    assert code == 0, err.getvalue()
    return path


@pytest.fixture
def workspace(built, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    copy = tmp_path / "w.sqlite3"
    for suffix in ("", "-wal"):             # the demo's last writes may still be in the write-ahead log
        if Path(f"{built}{suffix}").exists():
            shutil.copyfile(f"{built}{suffix}", f"{copy}{suffix}")
    return copy


@pytest.fixture
def db(workspace):
    database = open_database(workspace)
    yield database
    database.close()


def counts(db) -> dict[str, int]:
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_every_examiner_gets_a_recorded_letter_and_workbook(db, tmp_path):
    db.execute("UPDATE rounds SET response_days = 10 WHERE name = 'ONE'")
    db.conn.commit()
    expected = scope_findings(db, ROUND)
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="Chen Jing", today=TODAY)
    assert result.deadline == TODAY + timedelta(days=10)
    assert [s.examiner for s in result.letters] == sorted(expected)
    assert result.findings == sum(len(v) for v in expected.values())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        name for s in result.letters for name in (s.letter.name, s.workbook.name))
    for s in result.letters:
        assert s.letter.name == f"{s.examiner}-feedback.pdf" and s.workbook.name == f"{s.examiner}-responses.xlsx"
        assert s.letter.read_bytes().startswith(b"%PDF") and s.pages >= 1
        row = db.execute("SELECT examiner, scope, language, created_by, deadline FROM feedback_files WHERE id = ?",
                         [s.file_id]).fetchone()
        assert row[0] == s.examiner and json.loads(row[1])["round"] == "ONE"
        assert row[2:] == ("en", "Chen Jing", "2026-11-12")
        listed = {r[0] for r in db.execute("SELECT ff.item_id || '@' || ff.review_id FROM feedback_file_findings x"
                                           " JOIN feedback_findings ff ON ff.id = x.finding_id WHERE x.file_id = ?",
                                           [s.file_id])}
        assert listed == {f"{f.item_id}@{f.review_id}" for f in expected[s.examiner]}
        entry = db.execute("SELECT actor, action, new_value FROM audit_log WHERE entity = 'feedback_file'"
                           " AND entity_id = ?", [s.file_id]).fetchone()
        audited = json.loads(entry[2])
        assert entry[:2] == ("Chen Jing", "write") and audited["examiner"] == s.examiner
        assert audited["letter_sha256"] == sha256(s.letter) and audited["workbook_sha256"] == sha256(s.workbook)
        assert len(audited["findings"]) == s.findings
    assert check_workspace(db) == []


def test_sent_twice_the_findings_keep_their_ids_and_the_files_are_replaced(db, tmp_path):
    first = send_feedback(db, tmp_path / "out", PERIOD, language="en", actor="m", today=TODAY)
    ids = db.execute("SELECT id, review_id, item_id FROM feedback_findings ORDER BY id").fetchall()
    again = send_feedback(db, tmp_path / "out", PERIOD, language="en", actor="m", today=TODAY + timedelta(days=1))
    assert db.execute("SELECT id, review_id, item_id FROM feedback_findings ORDER BY id").fetchall() == ids
    assert again.deadline == TODAY + timedelta(days=15)          # a period has 14 days
    assert db.execute("SELECT COUNT(*) FROM feedback_files").fetchone()[0] == 2 * len(first.letters)
    assert len(list((tmp_path / "out").iterdir())) == 2 * len(first.letters)   # replaced, not numbered


@pytest.mark.parametrize("failing_call", [1, 3])
def test_a_workbook_that_fails_records_nothing_and_leaves_no_file(db, tmp_path, monkeypatch, failing_call):
    out = tmp_path / "out"
    send_feedback(db, out, ROUND, language="en", actor="m", today=TODAY)
    before, files = counts(db), files_in(out)
    real, calls = response_book.write_response_book, []

    def halfway(path, **kwargs):
        calls.append(path)
        if len(calls) == failing_call:
            Path(path).write_bytes(b"PK\x03\x04 half a workbook")
            raise RuntimeError("disk trouble halfway")
        real(path, **kwargs)
    monkeypatch.setattr(response_book, "write_response_book", halfway)
    with pytest.raises(RuntimeError, match="halfway"):
        send_feedback(db, out, ROUND, language="en", actor="m", today=TODAY + timedelta(days=3))
    assert counts(db) == before
    assert files_in(out) == files, "no new file, no staging folder, the earlier files untouched"


def test_a_move_that_fails_puts_the_earlier_files_back(db, tmp_path, monkeypatch):
    out = tmp_path / "out"
    send_feedback(db, out, ROUND, language="en", actor="m", today=TODAY)
    before, files = counts(db), files_in(out)
    real, moves = sending.replace_durably, []

    def third_fails(temp, target):
        moves.append(target)
        if len(moves) == 3:
            raise OSError(28, "No space left on device")
        real(temp, target)
    monkeypatch.setattr(sending, "replace_durably", third_fails)
    with pytest.raises(WorkbenchError, match="disk is full"):
        send_feedback(db, out, ROUND, language="en", actor="m", today=TODAY + timedelta(days=3))
    assert counts(db) == before and files_in(out) == files


def test_cancel_records_nothing_and_leaves_no_file(db, tmp_path):
    token = CancelToken()
    seen = []

    def progress(done, total, label):
        seen.append((done, total, label))
        if done == 2:
            token.cancel()
    before = counts(db)
    with pytest.raises(Cancelled):
        send_feedback(db, tmp_path / "out", ROUND, language="en", actor="m", today=TODAY, progress=progress,
                      cancel=token)
    assert counts(db) == before and files_in(tmp_path / "out") == {}
    assert [s[0] for s in seen] == [0, 1, 2] and all(s[1] > 2 for s in seen) and "Writing the feedback" in seen[0][2]


def test_file_names_are_safe_and_never_shared():
    names = ["Li Na", "Li_Na", "li na", "a/b\\c:d", "..", "王 芳", "x" * 300, "Li_Na-2"]
    stems = file_stems(names)
    assert len({s.casefold() for s in stems.values()}) == len(names)     # unique also where case does not count
    assert (stems["Li Na"], stems["Li_Na"], stems["Li_Na-2"], stems["li na"]) == \
        ("Li_Na", "Li_Na-2", "Li_Na-2-2", "li_na-3")                      # the first in name order keeps its name
    assert (stems["a/b\\c:d"], stems[".."], stems["王 芳"]) == ("a_b_c_d", "examiner", "王_芳")
    assert stems["x" * 300] == "x" * 80 and safe_stem(".hidden.") == "hidden"
    for stem in stems.values():
        assert not set(stem) & set('/\\:*?"<>| ')


def test_examiners_whose_names_come_out_alike_do_not_overwrite_each_other(db, tmp_path):
    first, second = sorted(scope_findings(db, ROUND))[:2]
    with db.atomic():
        db.execute("UPDATE cases SET examiner = 'Li/Na' WHERE examiner = ?", [first])
        db.execute("UPDATE cases SET examiner = 'Li:Na' WHERE examiner = ?", [second])
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="m", today=TODAY)
    named = {s.examiner: s.letter.name for s in result.letters}
    assert {named["Li/Na"], named["Li:Na"]} == {"Li_Na-feedback.pdf", "Li_Na-2-feedback.pdf"}
    assert len(list((tmp_path / "out").iterdir())) == 2 * len(result.letters)


def test_refusals_write_nothing(db, tmp_path, monkeypatch):
    before = counts(db)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cases = [
        (dict(outdir=blocker, scope=ROUND), "not a folder"),
        (dict(outdir=blocker / "inside", scope=ROUND), "Cannot write the feedback"),
        (dict(outdir=tmp_path / "o", scope=FeedbackScope(ReportFilter(round_name="NOPE"))), "no round named 'NOPE'"),
        (dict(outdir=tmp_path / "o", scope=FeedbackScope(ROUND.filter, examiner="Nobody")), "no examiner named"),
        (dict(outdir=tmp_path / "o", scope=FeedbackScope(ROUND.filter, department="Nowhere")), "no department named"),
        (dict(outdir=tmp_path / "o", scope=FeedbackScope(ReportFilter(date_from=date(1990, 1, 1),
                                                                      date_to=date(1990, 1, 2)))), "nothing to send"),
    ]
    for kwargs, message in cases:
        with pytest.raises(WorkbenchError, match=message):
            send_feedback(db, language="en", actor="m", today=TODAY, **kwargs)
    monkeypatch.setattr(pdf, "CJK_FAMILIES", ())
    with pytest.raises(WorkbenchError, match="fonts-wqy-microhei"):
        send_feedback(db, tmp_path / "o", ROUND, language="zh", actor="m", today=TODAY)
    assert counts(db) == before and not (tmp_path / "o").exists()


def test_findings_of_cases_without_an_examiner_are_counted_not_sent(db, tmp_path):
    first = sorted(scope_findings(db, ROUND))[0]
    unnamed = len(scope_findings(db, ROUND)[first])
    with db.atomic():
        db.execute("UPDATE cases SET examiner = '' WHERE examiner = ?", [first])
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="m", today=TODAY)
    assert result.without_examiner == unnamed and first not in {s.examiner for s in result.letters}
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(("examiner", "-"))]
    before = counts(db)
    with db.atomic():
        db.execute("UPDATE cases SET examiner = ''")
    with pytest.raises(WorkbenchError, match="name no examiner"):
        send_feedback(db, tmp_path / "again", ROUND, language="en", actor="m", today=TODAY)
    assert counts(db) == before and not (tmp_path / "again").exists()


def test_the_preview_counts_what_sending_sends_and_names_the_files_it_would_replace(db, tmp_path):
    db.execute("UPDATE rounds SET response_days = 10 WHERE name = 'ONE'")
    db.conn.commit()
    counted = count_scope(db, ROUND)
    assert counts(db)["feedback_findings"] == 0                     # a preview writes nothing
    assert sending.response_deadline(db, ROUND, TODAY) == TODAY + timedelta(days=10)
    assert sending.response_deadline(db, PERIOD, TODAY) == TODAY + timedelta(days=14)
    assert sending.replaced_files(tmp_path / "out", counted.examiners) == []
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="m", today=TODAY)
    assert counted == ScopeCount(tuple(s.examiner for s in result.letters), result.findings, 0)
    replaced = sending.replaced_files(tmp_path / "out", counted.examiners)
    assert sorted(replaced) == sorted(p for s in result.letters for p in (s.letter, s.workbook))
    assert sending.replaced_files(tmp_path / "out", ["Nobody here"]) == []
    first = counted.examiners[0]
    with db.atomic():
        db.execute("UPDATE cases SET examiner = '' WHERE examiner = ?", [first])
    again = count_scope(db, ROUND)
    assert first not in again.examiners and again.without_examiner == len(scope_findings(db, ROUND).get("", []))


def test_a_staging_folder_left_by_a_killed_run_is_removed(db, tmp_path):
    out = tmp_path / "out"
    left = out / f"{sending.STAGING}{host_tag()}-{2 ** 22 + 7}-deadbeef"
    left.mkdir(parents=True)
    (left / "x-feedback.pdf").write_bytes(b"%PDF half")
    result = send_feedback(db, out, ROUND, language="en", actor="m", today=TODAY)
    assert not left.exists() and len(list(out.iterdir())) == 2 * len(result.letters)


# -- the command line -------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_the_feedback_command_prints_one_line_per_examiner_and_the_deadline(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(feedback_cli, "today", lambda: TODAY)
    code, out, err = run("feedback", "--round", "ONE", str(tmp_path / "out"), "--db", str(workspace))
    assert code == 0, err
    lines = out.splitlines()
    db = open_database(workspace, read_only=True)
    examiners = sorted(scope_findings(db, ROUND))
    assert [line.split(":")[0] for line in lines[:-1]] == examiners
    assert all("-feedback.pdf" in line and "-responses.xlsx" in line and "finding" in line for line in lines[:-1])
    assert lines[-1].startswith("Responses are due by 2026-11-16:") and f"{len(examiners)} examiners" in lines[-1]
    one = sorted(scope_findings(db, PERIOD))[-1]
    code, out, err = run("feedback", "--from", "2025-01-01", "--to", "2025-12-31", "--examiner", one,
                         "--language", "en", str(tmp_path / "one"), "--db", str(workspace))
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{one}:") and len(out.splitlines()) == 2
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [f"{one}-feedback.pdf", f"{one}-responses.xlsx"]


@pytest.mark.parametrize("argv, message", [
    (("--round", "NOPE"), "no round named 'NOPE'"),
    ((), "Choose the scope"),
    (("--round", "ONE", "--from", "2021-01-01", "--to", "2021-12-31"), "Choose the scope"),
    (("--from", "2021-01-01"), "Choose the scope"),
    (("--from", "2021-13-01", "--to", "2021-12-31"), "--from"),
    (("--from", "1990-01-01", "--to", "1990-12-31"), "nothing to send"),
    (("--round", "ONE", "--examiner", "Nobody"), "no examiner named 'Nobody'"),
    (("--round", "ONE", "--language", "fr"), "invalid choice"),
])
def test_bad_input_exits_2_with_one_line(workspace, tmp_path, argv, message):
    code, out, err = run("feedback", *argv, str(tmp_path / "out"), "--db", str(workspace))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_an_unwritable_folder_exits_2(workspace, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for target in (blocker, blocker / "inside"):
        code, out, err = run("feedback", "--round", "ONE", str(target), "--db", str(workspace))
        assert code == 2 and "Cannot write the feedback" in err and len(err.strip().splitlines()) == 1
    db = open_database(workspace, read_only=True)
    assert db.execute("SELECT COUNT(*) FROM feedback_files").fetchone()[0] == 0
    assert blocker.read_text() == "x"


def test_chinese_letters_have_chinese_file_names_that_are_safe(tmp_path):
    stems = sending.file_stems(["李娜", "Li/Na"])
    assert sending.file_names(stems["李娜"], "zh") == ("反馈函_李娜.pdf", "异议回复表_李娜.xlsx")
    assert sending.file_names(stems["Li/Na"], "zh") == ("反馈函_Li_Na.pdf", "异议回复表_Li_Na.xlsx")
    assert sending.file_names(stems["李娜"], "en") == ("李娜-feedback.pdf", "李娜-responses.xlsx")
    (tmp_path / "反馈函_李娜.pdf").write_bytes(b"%PDF")
    assert sending.replaced_files(tmp_path, ["李娜"], "zh") == [tmp_path / "反馈函_李娜.pdf"]
    assert sending.replaced_files(tmp_path, ["李娜"], "en") == []
