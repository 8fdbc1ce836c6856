"""Responses read back from returned response workbooks (issue 15): the round trip through a
real xlsx (also one saved by LibreOffice), every refusal writing nothing, the same file again
changing nothing, a late response kept but not applied, and `disputes` on the command line."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from foundation.errors import WorkbenchError
from tests.workbench.helpers import ROWS, write_csv, write_xlsx
from tests.workbench.test_response_book import DEADLINE, HOSTILE, demo_workspace, fill, send, with_comments
from workbench import cli
from workbench.feedback.decisions import decide, dispute_rows
from workbench.feedback.response_book import SIGNATURE_SHEET
from workbench.feedback.responses import import_responses
from workbench.review import reviews
from workbench.review.integrity import check_workspace

LATER = "2026-11-05T10:00:00+00:00"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = demo_workspace(tmp_path / "w.sqlite3")
    yield database
    database.close()


def counts(db) -> tuple[int, int]:
    return (db.execute("SELECT COUNT(*) FROM dispute_responses").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])


def states(db) -> dict[int, str]:
    return {r.finding_id: r.state for r in dispute_rows(db)}


def test_the_round_trip_records_each_answer_with_who_and_which_file(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    a, b, c, d = (f.id for f in sent.findings[:4])
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None), 3: (" disagree ", "  指南允许  "),
                                                        4: ("不同意", "The claim is supported."), 5: (None, None)})
    summary = import_responses(db, [filled], actor="Chen Jing", now=LATER)
    (result,) = summary.files
    assert (result.recorded, result.late, result.unchanged) == ((a, b, c), (), ())
    assert set(result.blank) == {f.id for f in sent.findings[3:]} and not result.already_imported
    assert states(db)[a] == "agreed" and states(db)[b] == states(db)[c] == "open" and states(db)[d] == "no_response"
    rows = db.execute("SELECT finding_id, response, reason, responded_by, file_id, file_sha256, imported_at,"
                      " imported_by, late FROM dispute_responses ORDER BY id").fetchall()
    assert [r[:3] for r in rows] == [(a, "agree", ""), (b, "disagree", "指南允许"),
                                     (c, "disagree", "The claim is supported.")]
    assert {r[3:] for r in rows} == {(sent.examiner, sent.file_id, result.sha256, LATER, "Chen Jing", 0)}
    audited = db.execute("SELECT entity_id, actor, new_value FROM audit_log WHERE entity = 'dispute_response'"
                         " ORDER BY id").fetchall()
    assert len(audited) == 3 and all(e[1] == "Chen Jing" for e in audited) and "指南允许" in audited[1][2]
    assert check_workspace(db) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_file_saved_by_libreoffice_verifies_and_an_edit_is_still_found(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx", language="zh",
                tweak=with_comments(HOSTILE, "  leading and trailing spaces  ", "两行\r\n第二行", "007"))
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("不同意", "理由：见审查指南"), 3: ("同意", None)})
    edited = fill(sent.path, tmp_path / "edited.xlsx", {2: ("同意", None)}, edit=_edit_cell(1, "I3", "  leading"))
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()     # its own profile: another soffice may be running
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(filled), str(edited)], check=True, capture_output=True, timeout=300)
    saved = out / "filled.xlsx"
    assert saved.read_bytes() != filled.read_bytes()
    assert SIGNATURE_SHEET in load_workbook(saved).sheetnames          # the hidden sheet survives
    with pytest.raises(WorkbenchError, match=rf"edited.xlsx, row 3: finding {sent.findings[1].id} was edited"):
        import_responses(db, [out / "edited.xlsx"], actor="Chen Jing", now=LATER)
    (result,) = import_responses(db, [saved], actor="Chen Jing", now=LATER).files
    assert result.recorded == (sent.findings[0].id, sent.findings[1].id)
    assert states(db)[sent.findings[0].id] == "open"


def _edit_cell(sheet_index: int, cell: str, value):
    def edit(book):
        book.worksheets[sheet_index][cell].value = value
    return edit


def _signature_cell(row: int, value):
    def edit(book):
        book[SIGNATURE_SHEET].cell(row=row, column=2).value = value
    return edit


def _delete_row(book):
    book.worksheets[1].delete_rows(3)


def _copy_row(book):
    sheet = book.worksheets[1]
    last = sheet.max_row
    for column in range(1, 12):
        sheet.cell(row=last + 1, column=column).value = sheet.cell(row=2, column=column).value


def _add_row(book):
    sheet = book.worksheets[1]
    sheet.cell(row=sheet.max_row + 2, column=3).value = "my own note"


def _insert_column(book):
    book.worksheets[1].insert_cols(2)


REFUSALS = {
    "comment edited": (_edit_cell(1, "I3", "nothing wrong here"), r"row 3: finding \d+ was edited by hand"),
    "severity edited": (_edit_cell(1, "G2", "Advisory"), r"row 2: finding \d+ was edited by hand"),
    "finding id edited": (_edit_cell(1, "A2", 999), r"row 2: finding 999 is not one this file was sent with"),
    "row signature edited": (_signature_cell(10, "0" * 64), "the file's signature does not verify"),
    "file signature edited": (_signature_cell(7, "f" * 64), "the file's signature does not verify"),
    "examiner edited": (_signature_cell(4, "Someone Else"), "the file's signature does not verify"),
    "file id edited": (_signature_cell(3, "0bff3834-4020-4c21-b8a5-2c0b1e4f5a71"), "was not sent from this workspace"),
    "row deleted": (_delete_row, r"the row of finding \d+ was deleted"),
    "row copied": (_copy_row, r"row \d+: finding \d+ is listed twice \(also in row 2\)"),
    "row added": (_add_row, r"row \d+: the row has no finding ID"),
    "column inserted": (_insert_column, r"the columns of the sheet Findings were changed \(column B holds '', "
                                        r"expected 'Application number'\)"),
    "not a response": (_edit_cell(1, "J2", "Maybe"), r"row 2, column J \(Response\): 'Maybe' is not a response"),
    "no reason": (_edit_cell(1, "J3", "Disagree"), r"row 3, column K \(Reason\): finding \d+ is disputed without a "
                                                   "reason"),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_a_changed_file_is_refused_naming_where(db, tmp_path, name):
    edit, message = REFUSALS[name]
    sent = send(db, tmp_path / "r.xlsx")
    bad = fill(sent.path, tmp_path / "bad.xlsx", {2: ("Agree", None)}, edit=edit)
    before = counts(db)
    with pytest.raises(WorkbenchError, match=message) as refused:
        import_responses(db, [bad], actor="Chen Jing", now=LATER)
    assert str(bad) in str(refused.value) and counts(db) == before


def test_one_bad_file_refuses_them_all(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    good = fill(sent.path, tmp_path / "good.xlsx", {2: ("Agree", None)})
    bad = fill(sent.path, tmp_path / "bad.xlsx", {2: ("Agree", None)}, edit=_edit_cell(1, "I2", "edited"))
    with pytest.raises(WorkbenchError, match="bad.xlsx, row 2"):
        import_responses(db, [good, bad], actor="Chen Jing", now=LATER)
    assert counts(db)[0] == 0


def test_a_file_of_another_workspace_is_refused(db, tmp_path):
    other = demo_workspace(tmp_path / "other.sqlite3")          # the same demo, another workspace
    try:
        sent = send(other, tmp_path / "theirs.xlsx")
    finally:
        other.close()
    send(db, tmp_path / "ours.xlsx")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None)})
    with pytest.raises(WorkbenchError, match="filled.xlsx was written by another workspace"):
        import_responses(db, [filled], actor="Chen Jing", now=LATER)
    assert counts(db)[0] == 0


def _truncated(sent, tmp_path: Path) -> Path:
    data = sent.path.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) - 300])
    return tmp_path / "cut.xlsx"


def _half(sent, tmp_path: Path) -> Path:
    data = sent.path.read_bytes()
    (tmp_path / "half.xlsx").write_bytes(data[: len(data) // 2])
    return tmp_path / "half.xlsx"


def _unrelated(sent, tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "cases.xlsx", ROWS)


def _csv(sent, tmp_path: Path) -> Path:
    return write_csv(tmp_path / "renamed.xlsx", ROWS)


def _ods(sent, tmp_path: Path) -> Path:
    with zipfile.ZipFile(tmp_path / "saved-as.xlsx", "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")
    return tmp_path / "saved-as.xlsx"


def _missing(sent, tmp_path: Path) -> Path:
    return tmp_path / "nowhere.xlsx"


@pytest.mark.parametrize("make, message", [
    (_truncated, "cut.xlsx cannot be read as a workbook"),
    (_half, "half.xlsx cannot be read as a workbook"),
    (_unrelated, "cases.xlsx is not a response workbook: it has no Signature sheet"),
    (_csv, r"renamed.xlsx is not an Excel workbook \(.xlsx\)"),
    (_ods, r"saved-as.xlsx is not an Excel workbook \(.xlsx\)"),
    (_missing, "There is no file .*nowhere.xlsx"),
])
def test_a_file_that_is_no_response_workbook_is_refused(db, tmp_path, make, message):
    sent = send(db, tmp_path / "r.xlsx")
    with pytest.raises(WorkbenchError, match=message):
        import_responses(db, [make(sent, tmp_path)], actor="Chen Jing", now=LATER)
    assert counts(db)[0] == 0


def test_a_finding_that_no_longer_exists_is_refused(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None)})
    gone = sent.findings[1].id
    db.execute("DELETE FROM feedback_file_findings WHERE finding_id = ?", [gone])
    db.execute("DELETE FROM feedback_findings WHERE id = ?", [gone])
    with pytest.raises(WorkbenchError, match=f"filled.xlsx, row 3: finding {gone} no longer exists"):
        import_responses(db, [filled], actor="Chen Jing", now=LATER)
    assert counts(db)[0] == 0


def test_the_same_file_again_changes_nothing_and_says_so(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None), 3: ("Disagree", "why")})
    import_responses(db, [filled], actor="Chen Jing", now=LATER)
    before = counts(db)
    (again,) = import_responses(db, [filled], actor="Chen Jing", now=LATER).files
    assert again.already_imported and again.recorded == () and counts(db) == before
    # Saved again with one more answer: only that one is recorded, the others are unchanged.
    more = fill(filled, tmp_path / "more.xlsx", {4: ("Agree", "")})
    (third,) = import_responses(db, [more], actor="Chen Jing", now=LATER).files
    assert third.recorded == (sent.findings[2].id,) and third.unchanged == (sent.findings[0].id, sent.findings[1].id)
    # The examiner changes their mind: the latest response counts.
    changed = fill(more, tmp_path / "changed.xlsx", {2: ("Disagree", "on reflection")})
    import_responses(db, [changed], actor="Chen Jing", now=LATER)
    assert states(db)[sent.findings[0].id] == "open"


def test_a_response_to_a_decided_finding_is_kept_but_not_applied(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    decided = sent.findings[0]
    verdict = reviews.get_review(db, decided.review_id).verdict
    decide(db, decided.id, decision="uphold", reason="成立", actor="Chen Jing")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Disagree", "too late"), 3: ("Agree", None)})
    (result,) = import_responses(db, [filled], actor="Chen Jing", now=LATER).files
    assert result.late == (decided.id,) and result.recorded == (sent.findings[1].id,)
    assert db.execute("SELECT late FROM dispute_responses WHERE finding_id = ?", [decided.id]).fetchone()[0] == 1
    row = next(r for r in dispute_rows(db) if r.finding_id == decided.id)
    assert row.state == "decided" and row.decision == "uphold" and row.response is None
    assert reviews.get_review(db, decided.review_id).verdict == verdict


# --- the command line ---------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_disputes_import_prints_what_it_recorded(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    decide(db, sent.findings[2].id, decision="uphold", reason="成立", actor="Chen Jing")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None), 4: ("Disagree", "late")})
    code, out, err = run("disputes", "import", str(filled), "--db", str(tmp_path / "w.sqlite3"))
    assert code == 0 and err == ""
    assert f"({sent.examiner}): 1 response recorded, 0 unchanged" in out
    assert f"1 kept but not applied: finding {sent.findings[2].id} had been decided already" in out
    code, out, _ = run("disputes", "import", str(filled), "--json", "--db", str(tmp_path / "w.sqlite3"))
    assert code == 0 and json.loads(out)["files"][0]["already_imported"] is True


def test_disputes_import_refuses_with_one_line_and_writes_nothing(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    good = fill(sent.path, tmp_path / "good.xlsx", {2: ("Agree", None)})
    bad = fill(sent.path, tmp_path / "bad.xlsx", {2: ("Agree", None)}, edit=_edit_cell(1, "I2", "edited"))
    code, out, err = run("disputes", "import", str(good), str(bad), "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("error: ") and "bad.xlsx, row 2" in err and "edited by hand" in err
    assert counts(db)[0] == 0


def test_disputes_list_tells_the_state_and_what_is_overdue(db, tmp_path, monkeypatch):
    sent = send(db, tmp_path / "r.xlsx")
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Agree", None), 3: ("Disagree", "我不同意")})
    import_responses(db, [filled], actor="Chen Jing", now=LATER)
    monkeypatch.setattr("workbench.cli.disputes.today", lambda: date(2026, 11, 17))
    code, out, _ = run("disputes", "list", "--json", "--db", str(tmp_path / "w.sqlite3"))
    data = json.loads(out)
    assert code == 0 and data["today"] == "2026-11-17"
    by_id = {d["finding"]: d for d in data["disputes"]}
    first, second, third = (by_id[f.id] for f in sent.findings[:3])
    assert (first["state"], second["state"], third["state"]) == ("agreed", "open", "no_response")
    assert third["overdue"] and not second["overdue"] and second["reason"] == "我不同意"
    assert third["deadline"] == DEADLINE
    monkeypatch.setattr("workbench.cli.disputes.today", lambda: date(2026, 11, 16))
    assert json.loads(run("disputes", "list", "--json", "--db", str(tmp_path / "w.sqlite3"))[1])["counts"]["overdue"] == 0
    code, out, _ = run("disputes", "list", "--open", "--db", str(tmp_path / "w.sqlite3"))
    assert code == 0 and out.splitlines()[0] == "1 dispute waiting for a decision."
    assert f"  {sent.findings[1].id}  {sent.examiner}" in out and "reason: 我不同意" in out


def test_disputes_decide_prints_the_verdict_before_and_after(db, tmp_path):
    sent = send(db, tmp_path / "r.xlsx")
    target = sent.findings[0]
    before = reviews.get_review(db, target.review_id).verdict
    code, out, err = run("disputes", "decide", "--finding", str(target.id), "--overturn", "--reason", "允许",
                         "--db", str(tmp_path / "w.sqlite3"))
    after = reviews.get_review(db, target.review_id).verdict
    assert code == 0 and err == ""
    assert out.strip() == f"Finding {target.id}: overturned. The case's verdict was {before}, is now {after}."
    code, _, err = run("disputes", "decide", "--finding", str(target.id), "--uphold", "--reason", "again",
                       "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and "already decided" in err
    code, _, err = run("disputes", "decide", "--finding", str(target.id), "--uphold", "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and "--reason" in err and err.count("\n") == 1


def test_disputes_decide_refuses_an_unknown_finding(db, tmp_path):
    code, out, err = run("disputes", "decide", "--finding", "424242", "--severity", "minor", "--reason", "x",
                         "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and out == "" and "no finding with ID 424242" in err
