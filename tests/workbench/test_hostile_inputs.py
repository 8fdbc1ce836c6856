"""Hostile files are refused before they allocate: each bomb of the fault campaign, built
small with the limits of workbench.importing.read_limits lowered, stops with a sentence naming the file,
the limit and where it was hit, and leaves the workspace as it was (issue 21).
bench/bench_hostile.py builds the same files at full size and measures time and memory."""
from __future__ import annotations

import sys
import zipfile

import pytest

from tests.workbench import hostile_files as hostile
from tests.workbench.helpers import ROWS, table_state, workspace, write_csv, write_xlsx
from workbench.importing import read_limits
from foundation.errors import WorkbenchError
from workbench.importing.importer import import_file
from workbench.importing.readers import open_table, visible_sheets


@pytest.fixture
def small_limits(monkeypatch):
    """Limits a thousand times lower: the same code paths, on files of a few kilobytes."""
    for name, value in {"MAX_COLUMNS": 50, "MAX_CELLS": 20_000, "MAX_SPAN_CELLS": 500, "MAX_ROW_ISSUES": 100,
                        "MAX_ZIP_ENTRIES": 20, "MAX_UNPACKED_MB": 1, "MAX_RATIO": 50, "RATIO_FLOOR": 64 * 1024,
                        "MAX_SHEET_CELLS": 2_000, "MAX_TEXT_MB": 1}.items():
        monkeypatch.setattr(read_limits, name, value)


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def refused(db, path, code: str) -> str:
    before = table_state(db)
    with pytest.raises(WorkbenchError) as caught:
        import_file(db, path)
    assert caught.value.code == code, caught.value.message()
    assert table_state(db) == before
    message = caught.value.message()
    assert str(path) in message and "\n" not in message
    return message


# name, builder (small), error code, words the sentence must hold
BOMBS = [
    ("xml merge across", lambda p: hostile.spreadsheet_xml_merge_across(p / "a.xls", rows=3, cells=2, across=60),
     "import.limit_columns", ["line 2", "50 columns"]),
    ("xml merge across, many rows", lambda p: hostile.spreadsheet_xml_merge_across(p / "a.xls", rows=40, cells=2,
                                                                                   across=20),
     "import.limit_span_cells", ["line 14", "500 cells"]),
    ("xml merge down", lambda p: hostile.spreadsheet_xml_merge_down(p / "d.xls", rows=100, cells=20, down=10**9),
     "import.limit_span_cells", ["line 28", "500 cells"]),
    ("xml index jump", lambda p: hostile.spreadsheet_xml_index_jump(p / "i.xls", rows=3, index=51),
     "import.limit_columns", ["line 2", "50 columns"]),
    ("xml huge index", lambda p: hostile.spreadsheet_xml_index_jump(p / "i.xls", rows=3, index=10**40),
     "import.limit_columns", ["line 2"]),
    ("xml index jumps, many rows", lambda p: hostile.spreadsheet_xml_index_jump(p / "i.xls", rows=40, index=40),
     "import.limit_span_cells", ["line 14", "500 cells"]),
    ("xml entity expansion", lambda p: hostile.spreadsheet_xml_entities(p / "e.xls"),
     "import.bad_spreadsheet", ["amplification"]),
    ("html colspan", lambda p: hostile.html_colspan(p / "c.xls", rows=3, cells=2, span=30),
     "import.limit_columns", ["line 2", "50 columns"]),
    ("html colspan, many rows", lambda p: hostile.html_colspan(p / "c.xls", rows=40, cells=2, span=20),
     "import.limit_span_cells", ["line 15", "500 cells"]),
    ("html rowspan", lambda p: hostile.html_rowspan(p / "r.xls", rows=100, cells=20, span=10**12),
     "import.limit_span_cells", ["line 28", "500 cells"]),
    ("csv wide row", lambda p: hostile.csv_wide(p / "w.csv", columns=51),
     "import.limit_columns", ["line 2", "50 columns"]),
    ("csv cells", lambda p: hostile.csv_lines(p / "n.csv", "201710601862.3" + ",x" * 40 + "\n", 600),
     "import.limit_cells", ["20,000 cells"]),
    ("csv blank lines", lambda p: hostile.csv_lines(p / "b.csv", "\n", 200),
     "import.limit_issues", ["line 102", "100 rows"]),
    ("csv rejected rows", lambda p: hostile.csv_lines(p / "x.csv", "x\n", 200),
     "import.limit_issues", ["line 102", "100 rows"]),
    ("xlsx far cell", lambda p: hostile.xlsx_far_cell(p / "f.xlsx"),
     "import.limit_sheet_cells", ["1,048,576 rows by 16,384 columns", "2,000 cells"]),
    ("xlsx far row", lambda p: hostile.xlsx_far_cell(p / "f.xlsx", row=1001, column="C"),
     "import.limit_sheet_cells", ["1,001 rows by 3 columns"]),
    ("xlsx many cells", lambda p: hostile.xlsx_many_cells(p / "m.xlsx", rows=100, columns=30),
     "import.limit_sheet_cells", ["101 rows by 30 columns"]),
    ("xls far cell", lambda p: hostile.xls_far_cell(p / "f.xls"),
     "import.limit_sheet_cells", ["65,536 rows by 256 columns", "2,000 cells"]),
    ("xls far row", lambda p: hostile.xls_far_cell(p / "f.xls", row=999, column=1),
     "import.limit_sheet_cells", ["1,000 rows by 11 columns"]),
    ("ods repeated cells", lambda p: hostile.ods_repeated(p / "r.ods", rows=100, columns=30),
     "import.limit_sheet_cells", ["101 rows by 30 columns"]),
    ("xlsx repeated shared string", lambda p: hostile.xlsx_repeated_string(p / "s.xlsx", cells=200, length=10_000),
     "import.limit_text", ["xl/worksheets/sheet1.xml", "1 MB"]),
    ("ods repeated text", lambda p: hostile.ods_repeated(p / "t.ods", rows=10, columns=10, text="y" * 20_000),
     "import.limit_text", ["content.xml", "1 MB"]),
    ("xlsx inflating sheet", lambda p: hostile.xlsx_inflating_sheet(p / "s.xlsx", megabytes=2),
     "import.limit_unpacked", ["1 MB", "xl/worksheets/sheet1.xml"]),
    ("xlsx inflating strings", lambda p: hostile.xlsx_inflating_strings(p / "t.xlsx", megabytes=2),
     "import.limit_unpacked", ["xl/sharedStrings.xml"]),
    ("xlsx many parts", lambda p: hostile.xlsx_many_parts(p / "p.xlsx", parts=30),
     "import.limit_zip_entries", ["20 parts"]),
]


@pytest.mark.parametrize("name, build, code, words", BOMBS, ids=[b[0] for b in BOMBS])
def test_bomb_is_refused_naming_the_limit(small_limits, db, tmp_path, name, build, code, words):
    message = refused(db, build(tmp_path), code)
    for word in words:
        assert word in message


def test_part_inflating_too_much_is_refused_under_the_size_limit(small_limits, db, tmp_path, monkeypatch):
    monkeypatch.setattr(read_limits, "MAX_UNPACKED_MB", 100)
    message = refused(db, hostile.xlsx_inflating_sheet(tmp_path / "s.xlsx", megabytes=2), "import.limit_ratio")
    assert "xl/worksheets/sheet1.xml" in message and "50 times" in message


def test_inline_text_counts_with_the_sheet(small_limits, db, tmp_path, monkeypatch):
    monkeypatch.setattr(read_limits, "MAX_UNPACKED_MB", 100)
    message = refused(db, hostile.xlsx_inline_text(tmp_path / "t.xlsx", cells=200, length=6_000), "import.limit_text")
    assert "xl/worksheets/sheet1.xml" in message and "1 MB" in message


def test_size_that_lies_is_found_while_reading(small_limits, db, tmp_path, monkeypatch):
    monkeypatch.setattr(read_limits, "MAX_UNPACKED_MB", 100)
    monkeypatch.setattr(read_limits, "MAX_RATIO", 10_000)
    path = hostile.xlsx_lying_size(tmp_path / "l.xlsx", megabytes=2)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    message = refused(db, path, "import.bad_spreadsheet")
    assert "xl/worksheets/sheet1.xml" in message


def test_visible_sheets_checks_the_zip_before_calamine(small_limits, tmp_path):
    path = hostile.xlsx_far_cell(tmp_path / "f.xlsx")
    with pytest.raises(WorkbenchError) as caught:
        visible_sheets(path)
    assert caught.value.code == "import.limit_sheet_cells"


def test_cells_without_references_count_row_by_row(small_limits, tmp_path):
    """Some writers leave out r="A1": a row's unreferenced cells follow one another."""
    cells = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(60))
    wide = hostile._SHEET_HEAD + hostile._HEADER_CELLS + f"<row>{cells}</row>" + hostile._SHEET_TAIL
    with pytest.raises(WorkbenchError) as caught:
        open_table(hostile._xlsx(tmp_path / "wide.xlsx", wide))
    assert caught.value.code == "import.limit_sheet_cells" and "by 62 columns" in caught.value.message()
    narrow = (hostile._SHEET_HEAD + hostile._HEADER_CELLS
              + '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>' * 40 + hostile._SHEET_TAIL)
    reader = open_table(hostile._xlsx(tmp_path / "narrow.xlsx", narrow))
    assert len(list(reader.rows())) == 41


def test_a_long_narrow_sheet_is_measured_exactly(small_limits, tmp_path):
    """Columns A to Z are first counted as 26; a sheet that would fail so is looked at again."""
    path = hostile.xlsx_far_cell(tmp_path / "n.xlsx", row=500, column="C")      # 500 x 26 > 2,000 > 500 x 3
    assert len(list(open_table(path).rows())) == 500


def test_merged_ranges_of_a_workbook_count_as_filled_cells(small_limits, db, tmp_path, monkeypatch):
    from openpyxl import Workbook

    monkeypatch.setattr(read_limits, "MAX_SHEET_CELLS", 10_000)

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["申请号", "专利类型", "审查部门"])
    for row in range(2, 800):
        sheet.append([f"20171060{row:04d}", "发明", "机械发明审查部" if row % 50 == 2 else None])
        if row % 50 == 2:
            sheet.merge_cells(f"C{row}:C{row + 49}")
    workbook.save(tmp_path / "merged.xlsx")
    refused(db, tmp_path / "merged.xlsx", "import.limit_span_cells")


def test_limits_leave_ordinary_files_alone(db, tmp_path):
    """With the real limits, a merged report and an ordinary CSV and workbook import as before."""
    assert import_file(db, write_csv(tmp_path / "c.csv", ROWS)).accepted == len(ROWS)
    assert import_file(db, write_xlsx(tmp_path / "c.xlsx", ROWS), on_conflict="update").read == len(ROWS)
    shared = hostile.xlsx_repeated_string(tmp_path / "s.xlsx", cells=50, length=1_000)
    assert len(list(open_table(shared).rows())) == 51
    ods = list(open_table(hostile.ods_repeated(tmp_path / "r.ods", rows=3, columns=2)).rows())
    assert [cells for _, cells in ods] == [["申请号", "专利类型"]] + [["x", "x"]] * 3
    legacy = hostile.xls_far_cell(tmp_path / "legacy.xls", row=6, column=10)     # where it is anyway
    assert len(list(open_table(legacy).rows())) == 7
    path = hostile.html_rowspan(tmp_path / "r.xls", rows=3, cells=2, span=4)
    rows = list(open_table(path).rows())
    assert [cells for _, cells in rows[1:]] == [["x", "x"]] * 4


def test_cli_refuses_a_bomb_with_one_line_and_exit_2(tmp_path):
    """The real limits, a full-width merge: exit 2, one line, in well under the time it took."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = hostile.spreadsheet_xml_merge_across(tmp_path / "m.xls", rows=5, cells=3, across=16_384)
    out = subprocess.run([sys.executable, str(root / "main.py"), "--db", str(tmp_path / "w.sqlite3"), "import",
                          str(path)], capture_output=True, text=True, cwd=root, timeout=120,
                         env={"WORKBENCH_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "16,384 columns" in lines[0] and "line 2" in lines[0]


@pytest.mark.parametrize("command", [["checklist", "validate"], ["import", "--mapping"]])
def test_json_nested_too_deeply_is_bad_input(tmp_path, command):
    import io

    from workbench import cli

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000, encoding="utf-8")
    data = write_csv(tmp_path / "c.csv", ROWS)
    argv = (["checklist", "validate", str(deep)] if command[0] == "checklist"
            else ["--db", str(tmp_path / "w.sqlite3"), "import", str(data), "--mapping", str(deep)])
    err = io.StringIO()
    assert cli.main(argv, out=io.StringIO(), err=err) == 2
    assert "nested too deeply" in err.getvalue() and "Traceback" not in err.getvalue()
