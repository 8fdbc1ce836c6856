"""More rows than a sheet holds (issue 20): a Cases, Findings or Answers listing past Excel's 1,048,575
data rows continues on "Cases (2)"... with the same table, never an invalid file. Tested with the
limit lowered to a few rows."""
from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook

from tests.workbench.test_excel_report import complete_the_review, db  # noqa: F401 (the fixture)
from workbench.report import excel_tables
from workbench.report.workbook import write_workbook


def test_a_listing_longer_than_a_sheet_continues_on_numbered_sheets(db, tmp_path, monkeypatch):  # noqa: F811
    complete_the_review(db)
    whole = tmp_path / "whole.xlsx"
    write_workbook(db, whole)
    expected = {name: list(load_workbook(whole)[name].iter_rows(values_only=True)) for name in ("Cases", "Answers")}
    assert len(expected["Cases"]) == 4 and len(expected["Answers"]) == 4       # the header and 3 rows each

    monkeypatch.setattr(excel_tables, "EXCEL_DATA_ROWS", 2)
    monkeypatch.setattr(excel_tables, "PROGRESS_EVERY", 1)
    seen: list[tuple[int, int, str]] = []
    out = tmp_path / "split.xlsx"
    result = write_workbook(db, out, progress=lambda done, total, label: seen.append((done, total, label)))
    assert (result.cases, result.findings, result.answers) == (3, 1, 3)
    book = load_workbook(out)
    names = book.sheetnames
    assert names[names.index("Findings"):] == ["Findings", "Answers", "Answers (2)", "Cases", "Cases (2)", "About"]
    for name in ("Cases", "Answers"):
        first = list(book[name].iter_rows(values_only=True))
        second = list(book[f"{name} (2)"].iter_rows(values_only=True))
        assert first[0] == second[0] == expected[name][0]                 # the same header on each part
        assert first[1:] + second[1:] == expected[name][1:]              # every row once, in order
        assert [len(first) - 1, len(second) - 1] == [2, 1]
        assert book[f"{name} (2)"].freeze_panes == "A2"
    tables = {t.displayName: t.ref for sheet in book.worksheets for t in sheet.tables.values()}
    assert tables["Cases"] == "A1:" + tables["Cases"].split(":")[1] and tables["Cases2"].endswith("2")
    assert len(set(tables)) == len(tables)                                 # table names unique in the file
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
    # Every part has the print header naming the workbook; progress counts on across the parts.
    assert book["Cases (2)"].oddHeader.center.text
    assert [(done, total) for done, total, label in seen if label == "Cases"] == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("limit", [1, 3])
def test_a_listing_that_fills_its_sheet_exactly_makes_no_empty_part(db, tmp_path, monkeypatch, limit):  # noqa: F811
    monkeypatch.setattr(excel_tables, "EXCEL_DATA_ROWS", limit)
    out = tmp_path / "r.xlsx"
    write_workbook(db, out)
    names = load_workbook(out).sheetnames
    cases = [n for n in names if n.startswith("Cases")]
    assert cases == (["Cases", "Cases (2)", "Cases (3)"] if limit == 1 else ["Cases"])
