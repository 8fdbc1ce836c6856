import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbench.helpers import HEADER, ROWS, table_state, workspace, write_csv, write_xlsx
from foundation.errors import Cancelled, WorkbenchError
from workbench.importing.importer import import_file
from foundation.jobs import CancelToken


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(db, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "cases.csv", ROWS, encoding=encoding, delimiter=delimiter)
    result = import_file(db, path)
    assert (result.read, result.accepted, result.rejected) == (3, 3, 0)
    titles = [r[0] for r in db.execute("SELECT title FROM cases ORDER BY application_number")]
    assert titles == ["一种电池散热装置", "一种图像识别方法", "一种老式装置"]


def test_fields_are_normalised_and_unknown_columns_kept(db, tmp_path):
    header = HEADER + ["备注"]
    rows = [["ＣＮ２０２２１０１２３４５６．１", "发明", "标题", "甲", "张三", "部门", "2022/1/5", "2023年6月21日", "加急"]]
    import_file(db, write_csv(tmp_path / "c.csv", rows, header=header))
    case = next(db.query("SELECT * FROM cases"))
    assert case["application_number"] == "202210123456.1"
    assert case["ip_type"] == "invention"
    assert (case["filing_date"], case["decision_date"]) == ("2022-01-05", "2023-06-21")
    assert json.loads(case["extra"]) == {"备注": "加急"}


def test_bad_rows_are_rejected_with_line_column_and_reason(db, tmp_path):
    rows = [ROWS[0],
            ["202210123456.2", "发明", "坏校验位", "甲", "张三", "部", "2022-01-05", "2023-06-21"],
            ["201710601862.3", "发明", "坏日期", "乙", "李四", "部", "2017-02-30", ""],
            ["not a number", "发明", "x", "", "", "", "", ""],
            ["202220123456", "发明", "类型不符", "", "", "", "", ""]]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows))
    assert (result.read, result.accepted, result.rejected) == (5, 1, 4)
    rejected = {r.line: r for r in result.rejected_rows}
    assert set(rejected) == {3, 4, 5, 6}
    assert rejected[3].column == "申请号" and "should be 1" in rejected[3].reason
    assert rejected[4].column == "申请日" and rejected[4].value == "2017-02-30"
    assert rejected[5].code == "id.unrecognised"
    assert rejected[6].code == "import.ip_type_mismatch"


def test_counts_add_up_and_title_blank_totals_rows_are_skipped(db, tmp_path):
    path = write_xlsx(tmp_path / "report.xlsx", ROWS + [[], ["合计", "3"], ["制表人：张三"]],
                      title_rows=[["2022年第二季度质量抽查样本"], [], ["单位：件"]])
    result = import_file(db, path)
    assert result.header_line == 4
    assert result.accepted == 3
    assert result.read == result.accepted + result.unchanged + result.updated + result.rejected + result.skipped
    skipped = sorted(i.line for i in result.issues if i.outcome == "skipped")
    assert skipped == [1, 2, 3, 8, 9, 10]


def test_xlsx_real_dates_serials_and_numeric_application_numbers(db, tmp_path):
    rows = [[202210123456, "发明", "t", "a", "e", "d", date(2022, 1, 5), 44733]]
    import_file(db, write_xlsx(tmp_path / "n.xlsx", rows))
    case = next(db.query("SELECT application_number, filing_date, decision_date FROM cases"))
    assert case == {"application_number": "202210123456.1", "filing_date": "2022-01-05",
                    "decision_date": "2022-06-21"}


def test_duplicates_in_file_name_both_lines(db, tmp_path):
    result = import_file(db, write_csv(tmp_path / "c.csv", [ROWS[0], ROWS[1], ROWS[0]]))
    assert result.duplicates == 1 and result.accepted == 2
    assert "lines 2 and 4" in result.rejected_rows[0].reason


def test_reimport_changes_nothing_and_says_so(db, tmp_path):
    path = write_csv(tmp_path / "c.csv", ROWS)
    import_file(db, path)
    before = table_state(db)
    again = import_file(db, path)
    assert (again.accepted, again.unchanged, again.changed, again.import_id) == (0, 3, False, None)
    assert table_state(db) == before


def test_conflicts_skip_by_default_and_update_on_request(db, tmp_path):
    import_file(db, write_csv(tmp_path / "a.csv", ROWS))
    changed = [list(ROWS[0])]
    changed[0][2] = "一种改进的图像识别方法"
    skipped = import_file(db, write_csv(tmp_path / "b.csv", changed))
    assert (skipped.conflicts, skipped.rejected, skipped.updated) == (1, 1, 0)
    assert "发明创造名称" in skipped.rejected_rows[0].reason
    updated = import_file(db, write_csv(tmp_path / "b.csv", changed), on_conflict="update")
    assert updated.updated == 1
    assert db.execute("SELECT title FROM cases WHERE application_number = '202210123456.1'").fetchone()[0] \
        == "一种改进的图像识别方法"


def test_decision_before_filing_is_flagged_not_lost(db, tmp_path):
    row = list(ROWS[0])
    row[6], row[7] = "2023-06-21", "2022-01-05"
    result = import_file(db, write_csv(tmp_path / "c.csv", [row]))
    assert result.accepted == 1
    assert [i.code for i in result.issues if i.outcome == "warning"] == ["import.decision_before_filing"]


def test_cancel_leaves_workspace_unchanged(db, tmp_path, monkeypatch):
    from workbench.importing import row_validation
    monkeypatch.setattr(row_validation, "BATCH", 500)
    import_file(db, write_csv(tmp_path / "first.csv", ROWS[:1]))
    before = table_state(db)
    many = [[f"2022101{n:05d}", "发明", f"t{n}", "", "", "", "", ""] for n in range(1200)]
    token = CancelToken()

    def progress(done, total, label):
        token.cancel()
    with pytest.raises(Cancelled):
        import_file(db, write_csv(tmp_path / "many.csv", many), progress=progress, cancel=token)
    assert table_state(db) == before


def test_failure_midway_leaves_workspace_unchanged(db, tmp_path, monkeypatch):
    import_file(db, write_csv(tmp_path / "first.csv", ROWS[:1]))     # so rows are checked for conflicts
    before = table_state(db)
    many = [[f"2022101{n:05d}", "发明", f"t{n}", "", "", "", "", ""] for n in range(1200)]
    from workbench.importing import case_writes, row_validation
    monkeypatch.setattr(row_validation, "BATCH", 500)
    calls = {"n": 0}
    original = case_writes.store_batch

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)
    monkeypatch.setattr(case_writes, "store_batch", failing)
    with pytest.raises(RuntimeError):
        import_file(db, write_csv(tmp_path / "many.csv", many))
    assert calls["n"] == 2
    assert table_state(db) == before


def test_failure_while_reading_leaves_an_empty_workspace_empty(db, tmp_path, monkeypatch):
    many = [[f"2022101{n:05d}", "发明", f"t{n}", "", "", "", "", ""] for n in range(1200)]
    from workbench.importing import row_parser, row_validation
    monkeypatch.setattr(row_validation, "BATCH", 500)
    original = row_parser.RowParser.parse
    calls = {"n": 0}

    def failing(self, cells):
        calls["n"] += 1
        if calls["n"] == 1100:       # on the validating thread, after two batches were stored
            raise MemoryError("out of memory")
        return original(self, cells)
    monkeypatch.setattr(row_parser.RowParser, "parse", failing)
    with pytest.raises(MemoryError):
        import_file(db, write_csv(tmp_path / "many.csv", many))
    assert table_state(db) == [[], [], []]


@pytest.mark.parametrize("content, code", [
    (b"", "import.empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "import.not_text"),
    (b"PK\x03\x04 this is not really a zip", "import.bad_spreadsheet"),
    ("名字,年龄\n张三,3\n".encode(), "import.no_header"),
])
def test_unusable_files_are_refused_with_the_file_named(db, tmp_path, content, code):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(WorkbenchError) as err:
        import_file(db, path)
    assert err.value.code == code
    assert "broken.csv" in err.value.message()
    assert db.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0


def test_mapping_overrides_headers(db, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["202210123456.1", "Some title"]], header=["Case ref", "Name"])
    with pytest.raises(WorkbenchError):
        import_file(db, path)
    result = import_file(db, path, mapping={"Case ref": "application_number", "Name": "title"})
    assert result.accepted == 1
    assert db.execute("SELECT title FROM cases").fetchone()[0] == "Some title"


def test_import_is_recorded(db, tmp_path):
    result = import_file(db, write_csv(tmp_path / "c.csv", ROWS + [["bad"] + [""] * 7]))
    record = next(db.query("SELECT * FROM imports"))
    assert record["file_name"] == "c.csv" and record["sha256"] == result.sha256
    assert (record["rows_read"], record["accepted"], record["rejected"]) == (4, 3, 1)
    assert db.execute("SELECT line, outcome FROM import_issues").fetchall() == [(5, "rejected")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000))
def test_random_bytes_never_crash(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("fuzz")
    db = workspace(folder)
    path = folder / "random.csv"
    path.write_bytes(content)
    try:
        result = import_file(db, path)
    except WorkbenchError:
        return
    assert result.read == result.accepted + result.unchanged + result.updated + result.rejected + result.skipped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=9), max_size=15))
def test_random_csv_rows_never_crash(tmp_path_factory, cells):
    folder = tmp_path_factory.mktemp("fuzz")
    db = workspace(folder)
    try:
        path = write_csv(folder / "random.csv", cells)
    except UnicodeEncodeError:
        return
    try:
        result = import_file(db, path)
    except WorkbenchError:
        return
    assert result.read == result.accepted + result.unchanged + result.updated + result.rejected + result.skipped
