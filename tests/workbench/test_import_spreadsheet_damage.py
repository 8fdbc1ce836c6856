"""Issue 13: a spreadsheet program that turned text into dates is caught at import.

A design's Locarno class `07-02`, opened and saved in a spreadsheet program, comes back as the
date 2 July (`2026-07-02` in a CSV, a date cell in a workbook): recovered as `07-02` and marked.
A date in any other text field is flagged (the row kept); a date where the application number
should be rejects the row with a reason that says so.
"""
from datetime import date, datetime

import pytest

from tests.workbench.helpers import HEADER, ROWS, workspace, write_csv, write_xlsx
from workbench.importing.importer import import_file

DAMAGED_HEADER = HEADER + ["洛迦诺分类号"]


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def _design(number: str, classification: object) -> list[object]:
    return [number, "外观设计", "一种杯子", "甲公司", "张三", "外观审查部", "2022-01-05", "2023-06-21", classification]


def _warnings(result):
    return [(i.line, i.column, i.value, i.code, (i.params or {}).get("recovered")) for i in result.issues
            if i.outcome == "warning"]


def _classes(db):
    return dict(db.execute("SELECT application_number, classification FROM cases"))


def test_locarno_class_read_back_as_a_date_is_recovered_from_csv(db, tmp_path):
    rows = [_design("202230123456.2", "2026-07-02"), _design("202230654321.9", "07-02"),
            _design("202130000001.7", "2026/12/05")]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows, header=DAMAGED_HEADER))
    assert (result.accepted, result.rejected) == (3, 0)
    assert _classes(db) == {"202230123456.2": "07-02", "202230654321.9": "07-02", "202130000001.7": "12-05"}
    assert _warnings(result) == [
        (2, "洛迦诺分类号", "2026-07-02", "import.classification_recovered", "07-02"),
        (4, "洛迦诺分类号", "2026/12/05", "import.classification_recovered", "12-05")]
    assert "07-02" in result.issues[0].reason and result.as_json()["warnings"][0]["code"] == \
        "import.classification_recovered"


def test_locarno_class_as_a_date_cell_in_a_workbook_is_recovered(db, tmp_path):
    rows = [_design("202230123456.2", date(2026, 7, 2)), _design("202230654321.9", datetime(2026, 2, 14))]
    result = import_file(db, write_xlsx(tmp_path / "c.xlsx", rows, header=DAMAGED_HEADER))
    assert _classes(db) == {"202230123456.2": "07-02", "202230654321.9": "02-14"}
    assert [w[3] for w in _warnings(result)] == ["import.classification_recovered"] * 2


def test_a_date_in_another_text_field_is_flagged_and_the_row_kept(db, tmp_path):
    invention = list(ROWS[0]) + ["2026-03-04"]      # an IPC class cannot be a date: flagged, not recovered
    invention[3] = "2026-01-02"                      # applicant
    result = import_file(db, write_csv(tmp_path / "c.csv", [invention], header=DAMAGED_HEADER))
    assert result.accepted == 1
    assert _warnings(result) == [(2, "申请人", "2026-01-02", "import.date_in_text_field", None),
                                 (2, "洛迦诺分类号", "2026-03-04", "import.date_in_text_field", None)]
    stored = db.execute("SELECT applicant, classification FROM cases").fetchone()
    assert tuple(stored) == ("2026-01-02", "2026-03-04")      # kept as read; the report marks the cell


def test_a_date_where_the_application_number_should_be_is_rejected_with_that_reason(db, tmp_path):
    rows = [list(ROWS[0]), ["2026-07-02"] + list(ROWS[1][1:])]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows))
    assert (result.accepted, result.rejected) == (1, 1)
    assert [(i.line, i.code) for i in result.rejected_rows] == [(3, "import.number_is_date")]


def test_ordinary_classifications_and_text_raise_nothing(db, tmp_path):
    rows = [_design("202230123456.2", "07-02"), _design("202230654321.9", "32-00")]
    rows[0][2] = "2026年的杯子"
    result = import_file(db, write_csv(tmp_path / "c.csv", rows, header=DAMAGED_HEADER))
    assert _warnings(result) == [] and result.accepted == 2
