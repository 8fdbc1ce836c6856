import os
from datetime import datetime

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import HEADER, ROWS, mini_checklist_id, workspace, write_csv
from workbench.review import reviews
from foundation.errors import Cancelled, WorkbenchError
from workbench.report.excel_cells import safe_text
from workbench.report.workbook import write_workbook
from workbench.importing.importer import import_file
from foundation.jobs import CancelToken

PAYLOADS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "=cmd|' /C calc'!A0"]


@pytest.fixture
def db(tmp_path):
    db = workspace(tmp_path)
    rows = [list(r) for r in ROWS]
    for row, payload in zip(rows, PAYLOADS):
        row[2] = payload            # imported titles that look like formulas
    rows[0][3] = "=1+1"             # and an applicant
    import_file(db, write_csv(tmp_path / "c.csv", rows))
    checklist_id = mini_checklist_id(db)
    case_id = db.execute("SELECT id FROM cases WHERE application_number = '202210123456.1'").fetchone()[0]
    opened = reviews.open_review(db, case_id, reviewer="alice", checklist_id=checklist_id)
    reviews.set_answer(db, opened.id, "search", "fail", severity="major", category="omitted_objection",
                      comment="@comment", actor="alice")
    reviews.set_answer(db, opened.id, "novelty", "pass", actor="alice")
    return db


def complete_the_review(db):
    review_id = db.execute("SELECT id FROM reviews").fetchone()[0]
    reviews.set_answer(db, review_id, "decision", "na", actor="alice")
    reviews.complete(db, review_id, actor="alice")


def test_cases_and_findings_sheets(db, tmp_path):
    out = tmp_path / "report.xlsx"
    result = write_workbook(db, out)
    assert (result.cases, result.findings, result.answers) == (3, 0, 0)    # the review is still in progress
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Summary", "By department", "By examiner", "By IP type", "Trend", "Funnel",
                                   "By checklist item", "Findings", "Answers", "Cases", "About"]
    cases = list(workbook["Cases"].iter_rows(values_only=True))
    assert cases[0][0] == "Application number" and len(cases) == 4
    by_number = {row[0]: row for row in cases[1:]}
    reviewed = by_number["202210123456.1"]
    header = cases[0]
    assert reviewed[header.index("Review status")] == "In progress"
    assert reviewed[header.index("Verdict")] == "Error"
    assert by_number["201710601862.3"][header.index("Review status")] == "Not reviewed"
    assert isinstance(reviewed[header.index("Filing date")], datetime)
    assert [r for r in workbook["Findings"].iter_rows(min_row=2, values_only=True) if any(r)] == []
    complete_the_review(db)
    result = write_workbook(db, out)
    assert (result.cases, result.findings, result.answers) == (3, 1, 3)
    workbook = load_workbook(out)
    answers = list(workbook["Answers"].iter_rows(values_only=True))
    assert [(a[4], a[5], a[6], a[7]) for a in answers[1:]] == [
        ("Mini checklist", "decision", "N/A", None), ("Mini checklist", "novelty", "Pass", None),
        ("Mini checklist", "search", "Fail", "Major")]
    findings = list(workbook["Findings"].iter_rows(values_only=True))
    assert len(findings) == 2
    finding = dict(zip(findings[0], findings[1]))
    assert finding["Item"] == "search" and finding["Severity"] == "Major"
    assert finding["Item text"] == "Search adequate?" and finding["Category"] == "Objection omitted"
    assert finding["Reviewer"] == "alice"


def test_chinese_sheet_names(db, tmp_path):
    complete_the_review(db)        # Findings lists the findings of counted reviews only
    write_workbook(db, tmp_path / "zh.xlsx", language="zh")
    workbook = load_workbook(tmp_path / "zh.xlsx")
    assert workbook.sheetnames == ["汇总", "按部门", "按审查员", "按类型", "趋势", "漏斗图", "按评查项", "差错", "评查结果",
                                   "案件", "说明"]
    assert workbook["差错"]["H2"].value == "检索是否充分？"


def test_imported_text_never_becomes_a_formula(db, tmp_path):
    """Formula-like text is kept as text by the quote-prefix style, its value exactly as imported."""
    complete_the_review(db)
    out = tmp_path / "report.xlsx"
    write_workbook(db, out)
    workbook = load_workbook(out)
    quoted = {}
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith("'"), f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                    if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                        assert cell.quotePrefix, f"{sheet.title}!{cell.coordinate} lacks the quote prefix"
                        quoted[cell.value] = sheet.title
    imported = {title for (title,) in db.execute("SELECT title FROM cases WHERE title IS NOT NULL")}
    formula_like = {t for t in imported if t.startswith(("=", "+", "-", "@", "\t", "\r"))}
    assert len(formula_like) >= 3 and formula_like | {"=1+1", "@comment"} <= set(quoted)  # text as imported


@pytest.mark.parametrize("text, expected", [("=1", "'=1"), ("plain", "plain"), ("", ""), ("a=b", "a=b"),
                                            ("-", "'-"), ("\r\n", "'\r\n")])
def test_safe_text(text, expected):
    assert safe_text(text) == expected


def test_written_through_a_temporary_file(db, tmp_path, monkeypatch):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"previous version")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_workbook(db, out, cancel=token)
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_target_open_in_another_program_gives_a_clear_error_and_no_file(db, tmp_path, monkeypatch):
    # On Windows, Excel holding the file open makes the final rename fail like this.
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"the copy Excel has open")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WorkbenchError) as err:
        write_workbook(db, out)
    assert err.value.code == "export.unwritable"
    assert "report.xlsx" in err.value.message() and "Permission denied" in err.value.message()
    assert out.read_bytes() == b"the copy Excel has open"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "report.xlsx", "w.sqlite3", "w.sqlite3-shm",
                                                           "w.sqlite3-wal"]


def test_missing_folder_gives_a_clear_error(db, tmp_path):
    with pytest.raises(WorkbenchError) as err:
        write_workbook(db, tmp_path / "no" / "such" / "report.xlsx")
    assert err.value.code == "export.unwritable"


def test_target_is_a_directory(db, tmp_path):
    target = tmp_path / "report.xlsx"
    target.mkdir()
    with pytest.raises(WorkbenchError) as err:
        write_workbook(db, target)
    assert err.value.code == "export.unwritable"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_not_xlsx(db, tmp_path):
    with pytest.raises(WorkbenchError):
        write_workbook(db, tmp_path / "report.csv")


# -- the command line: python main.py export OUT.xlsx [--round NAME] [--from DATE --to DATE] ---------------

def run_cli(*args):
    import io

    from workbench.cli import main
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def round_db(tmp_path):
    from tests.workbench.test_report_data import build_workspace
    db = workspace(tmp_path)
    build_workspace(db, cases=40, seed=3)
    db.close()
    return str(tmp_path / "w.sqlite3")


def test_cli_export_of_a_round_within_a_period(round_db, tmp_path):
    out = tmp_path / "q1.xlsx"
    code, stdout, stderr = run_cli("export", str(out), "--round", "2023 Q1", "--from", "2020-01-01",
                                   "--to", "2022-12-31", "--target", "85", "--language", "zh", "--db", round_db)
    assert code == 0, stderr
    assert stdout.startswith(f"Wrote {out}:")
    book = load_workbook(out)
    about = {r[0]: r[1] for r in book["说明"].iter_rows(values_only=True) if r[0]}
    assert about["评查轮次"] == "2023 Q1" and about["目标合格率"] == 0.85
    assert about["结案日起"] == datetime(2020, 1, 1) and about["结案日止"] == datetime(2022, 12, 31)
    decided = [r[0] for r in book["案件"].iter_rows(min_row=2, min_col=11, max_col=11, values_only=True)]
    assert decided and all(datetime(2020, 1, 1) <= d <= datetime(2022, 12, 31) for d in decided)


@pytest.mark.parametrize("args, words", [
    (("--round", "2099 Q9"), ["2099 Q9", "2023 Q1"]),
    (("--from", "2022-02-30"), ["--from", "2022-02-30"]),
    (("--to", "soon"), ["--to", "soon"]),
    (("--from", "2023-01-01", "--to", "2022-01-01"), ["2023-01-01", "2022-01-01"]),
    (("--target", "0"), ["target"]),
])
def test_cli_bad_filters_exit_2_with_one_line_and_no_file(round_db, tmp_path, args, words):
    out = tmp_path / "bad.xlsx"
    code, stdout, stderr = run_cli("export", str(out), *args, "--db", round_db)
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert all(word in stderr for word in words), stderr
    assert not out.exists()


# -- data rows written as markup (workbench.report.excel_rows) read back exactly like openpyxl's own cells ------

TRICKY = ["<b>bold</b> & co", "  leading and trailing  ", "line\nbreak", "ctrl\x01\x1fchars", "😀 emoji 汉字",
          "#N/A", "#DIV/0!", "=SUM(A1)", "-1", "@x", "'quoted", '"double" \'single\'', "tab\tinside", "x" * 40000,
          "", None, "]]>", "&amp; already"]


def _markup_and_cells(tmp_path, columns, rows, data=False):
    from openpyxl import Workbook

    from workbench.report.excel_cells import converter
    from workbench.report.excel_tables import write_table
    ours = Workbook(write_only=True)
    write_table(ours.create_sheet("t"), columns=columns, rows=rows, language="en", table_name="T",
                progress=lambda *a: None, cancel=CancelToken(), data=data)
    ours.save(tmp_path / "ours.xlsx")
    plain = Workbook(write_only=True)
    sheet = plain.create_sheet("t")
    sheet.append([c.title("en") for c in columns])
    convert = [converter(sheet, c, "en") for c in columns]
    for row in rows:
        sheet.append([f(v) for f, v in zip(convert, row)])
    plain.save(tmp_path / "plain.xlsx")
    return load_workbook(tmp_path / "ours.xlsx")["t"], load_workbook(tmp_path / "plain.xlsx")["t"]


def test_markup_rows_read_back_like_openpyxl_cells(tmp_path):
    from workbench.review.checklists import Text
    from workbench.report.excel_cells import Column
    from workbench.report.figures import STATUS_LABELS
    columns = (Column("t", Text("Text", "文本")), Column("l", Text("Label", "标签"), "label", STATUS_LABELS),
               Column("d", Text("Date", "日期"), "date"), Column("dt", Text("When", "时间"), "datetime"),
               Column("i", Text("Count", "数"), "integer"), Column("x", Text("Score", "分"), "decimal"),
               Column("p", Text("Rate", "率"), "percent"), Column("m", Text("Minutes", "分钟"), "minutes"))
    rows = [(text, status, day, moment, count, score, rate, seconds) for text, status, day, moment, count, score, rate,
            seconds in zip(
                TRICKY, ["completed", "in_progress", "unknown_code", None, "=code"] * 4,
                ["2022-06-21", "1999-12-31", None, "not a date", "2022-02-28T10:00:00"] * 4,
                ["2023-03-01T08:05:00.123456+00:00", None, "2023-12-31T23:59:59+08:00", "garbage"] * 5,
                [0, 1, 12345678, None, -3] * 4, [99.5, None, 0.1, 100.0] * 5,
                [0.95, 1.0, 0.0, None, 1e-9] * 4, [90.0, 0, None, 12345.6] * 5)]
    ours, plain = _markup_and_cells(tmp_path, columns, rows)
    assert ours.max_row == plain.max_row == len(rows) + 1
    for mine, theirs in zip(ours.iter_rows(min_row=2), plain.iter_rows(min_row=2)):
        for a, b in zip(mine, theirs):
            assert (a.value, a.data_type, a.number_format, a.quotePrefix) == (
                b.value, b.data_type, b.number_format, b.quotePrefix), a.coordinate
    texts = [c.value for c in ours["A"][1:]]
    assert texts[:3] == ["<b>bold</b> & co", "  leading and trailing  ", "line\nbreak"]
    assert texts[3] == "ctrl\ufffd\ufffdchars" and texts[5] == "#N/A" and ours["A7"].data_type == "s"
    assert texts[7] == "=SUM(A1)" and texts[8] == "-1" and texts[9] == "@x"
    assert all(ours[f"A{n}"].quotePrefix for n in (9, 10, 11)) and not ours["A2"].quotePrefix
    assert len(texts[13]) == 32_767 and texts[15] is None


def test_data_sheet_rows_remembered_by_value_read_back_like_openpyxl_cells(tmp_path, monkeypatch):
    """A data sheet's columns remember each value's markup (forgetting when full) and rows go in batches:
    the same cells as openpyxl's own, across batch boundaries, repeats and forgotten values."""
    from workbench.report import excel_rows, excel_tables
    from workbench.review.checklists import Text
    from workbench.report.excel_cells import Column
    from workbench.report.figures import STATUS_LABELS
    monkeypatch.setattr(excel_rows, "REMEMBERED", 3)
    monkeypatch.setattr(excel_tables, "WIDTH_SAMPLE", 4)
    monkeypatch.setattr(excel_tables, "PROGRESS_EVERY", 7)
    columns = (Column("t", Text("Text", "文本")), Column("l", Text("Label", "标签"), "label", STATUS_LABELS),
               Column("d", Text("Date", "日期"), "date"), Column("dt", Text("When", "时间"), "datetime"),
               Column("i", Text("Count", "数"), "integer"), Column("m", Text("Minutes", "分钟"), "minutes"))
    base = [(text, status, day, moment, count, seconds) for text, status, day, moment, count, seconds in zip(
        TRICKY[:13], ["completed", "=code", None, "signed_off"] * 4, ["2022-06-21", None, "not a date"] * 5,
        ["2023-03-01T08:05:00+00:00", None, "garbage"] * 5, [0, 1, None, 7, 1.0] * 3, [90.0, 0, None, 3] * 4)]
    rows = base + base[::-1] + base
    ours, plain = _markup_and_cells(tmp_path, columns, rows, data=True)
    assert ours.max_row == plain.max_row == len(rows) + 1
    for mine, theirs in zip(ours.iter_rows(min_row=2), plain.iter_rows(min_row=2)):
        for a, b in zip(mine, theirs):
            assert (a.value, a.data_type, a.number_format, a.quotePrefix) == (
                b.value, b.data_type, b.number_format, b.quotePrefix), a.coordinate
    assert ours["A9"].value == "=SUM(A1)" and ours["A9"].quotePrefix


def test_a_carriage_return_survives(tmp_path):
    from workbench.review.checklists import Text
    from workbench.report.excel_cells import Column
    ours, _ = _markup_and_cells(tmp_path, (Column("t", Text("Text", "文本")),), [("\r\nstarts with CR",), ("a\rb",)])
    assert [ours["A2"].value, ours["A3"].value] == ["\r\nstarts with CR", "a\rb"]
    assert ours["A2"].quotePrefix and not ours["A3"].quotePrefix
