"""Import of values, mappings, the import list and removing an import."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workbench.helpers import HEADER, ROWS, mini_checklist_id, table_state, workspace, write_csv, write_xlsx
from workbench.audit import chain
from workbench.importing import history
from workbench.importing import mappings
from workbench.review import reviews
from foundation.errors import WorkbenchError
from workbench.importing.identifiers import cn_check_char, parse_application_number
from workbench.importing.importer import import_file
from workbench.importing.preview import preview_file


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def test_month_first_is_decided_for_the_whole_file(db, tmp_path):
    header = ["申请号", "专利类型", "申请日", "结案日"]
    rows = [["202210123456.1", "发明", "03/04/2021", "06/21/2022"],     # the decision column is clear
            ["201710601862.3", "发明", "01/02/2017", "02/03/2019"]]
    result = import_file(db, write_csv(tmp_path / "us.csv", rows, header=header))
    assert result.month_first
    dates = db.execute("SELECT filing_date, decision_date FROM cases ORDER BY application_number").fetchall()
    assert dates == [("2017-01-02", "2019-02-03"), ("2021-03-04", "2022-06-21")]


def test_day_first_files_stay_day_first_and_mixed_files_too(db, tmp_path):
    header = ["申请号", "专利类型", "申请日", "结案日"]
    rows = [["202210123456.1", "发明", "03/04/2021", "21/06/2022"]]
    result = import_file(db, write_csv(tmp_path / "eu.csv", rows, header=header))
    assert not result.month_first
    assert db.execute("SELECT filing_date FROM cases").fetchone()[0] == "2021-04-03"
    rows = [["201710601862.3", "发明", "06/21/2017", "21/06/2022"]]     # one says month first, one day first
    mixed = import_file(db, write_csv(tmp_path / "mixed.csv", rows, header=header))
    assert not mixed.month_first and mixed.accepted == 1


@pytest.mark.parametrize("number, declared, accepted", [
    ("202210123456", "发明", True), ("202220123456", "发明", False), ("202230123456", "外观设计", True),
    ("202280123456", "发明", True), ("202290123456", "实用新型", True), ("202210123456", "商标", False),
    ("41234567", "商标", True), ("41234567", "", True), ("PCT/CN2022/123456", "", False),
    ("PCT/CN2022/123456", "发明", True), ("US29/123,456", "invention", False),
])
def test_declared_ip_type_must_agree_with_the_number(db, tmp_path, number, declared, accepted):
    result = import_file(db, write_csv(tmp_path / "t.csv", [[number, declared, "t"]],
                                       header=["申请号", "专利类型", "名称"]))
    assert result.accepted == int(accepted)
    if not accepted:
        assert result.rejected_rows[0].code in ("import.ip_type_mismatch", "import.ip_type_unknown")


def test_check_character_errors_name_the_expected_character(db, tmp_path):
    wrong = "1" if cn_check_char("202110765432") != "1" else "2"
    rows = [[f"202110765432.{wrong}", "发明", "x"], [f"EP99403122.{(7 + 1) % 10}", "发明", "y"]]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows, header=["申请号", "专利类型", "名称"]))
    reasons = [i.reason for i in result.rejected_rows]
    assert f"should be {cn_check_char('202110765432')}" in reasons[0] and "should be 7" in reasons[1]


def test_columns_beyond_the_header_and_blank_or_repeated_headers_are_kept_in_extra(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("申请号,专利类型,备注,,备注\n202210123456.1,发明,a,b,c,d\n", encoding="utf-8")
    import_file(db, path)
    extra = json.loads(db.execute("SELECT extra FROM cases").fetchone()[0])
    assert extra == {"备注": "a", "column 4": "b", "备注 (2)": "c", "column 6": "d"}


def test_totals_row_with_a_count_in_the_number_column_is_skipped_not_rejected(db, tmp_path):
    rows = ROWS + [["合计：3件", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", ""],
                   ["第 1 页，共 1 页", "", "", "", "", "", "", ""]]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows))
    assert [(i.line, i.code) for i in result.issues] == [(5, "import.totals_row"), (6, "import.blank_row"),
                                                         (7, "import.totals_row")]


def test_a_broken_row_that_only_starts_like_a_note_is_still_rejected(db, tmp_path):
    rows = [["注塑机的申请号", "发明", "一种注塑机", "甲", "乙", "丙", "2022-01-01", "2022-02-02"]]
    result = import_file(db, write_csv(tmp_path / "c.csv", rows))
    assert result.rejected == 1 and result.skipped == 0


# -- mappings -------------------------------------------------------------------------------------

def unknown_headers_file(tmp_path):
    return write_csv(tmp_path / "odd.csv", [["202210123456.1", "一种方法", "2022-01-05", "内部"]],
                     header=["Case ref", "Name", "Received", "Note"])


def test_unrecognised_headers_need_a_mapping_which_is_remembered_for_the_same_headers(db, tmp_path):
    path = unknown_headers_file(tmp_path)
    with pytest.raises(WorkbenchError) as err:
        import_file(db, path)
    assert err.value.code == "import.no_header" and "Case ref" in err.value.message()
    preview = preview_file(db, path)
    assert not preview.found and preview.header_line == 1 and preview.names == ["Case ref", "Name", "Received",
                                                                                 "Note"]
    chosen = {"Case ref": "application_number", "Name": "title", "Received": "filing_date", "Note": "extra"}
    result = import_file(db, path, mapping=chosen, remember_mapping=True)
    assert (result.accepted, result.mapping_source) == (1, "given")
    assert result.mapping == chosen
    # Another file with the same headers (spelled a little differently) needs no mapping now.
    other = write_csv(tmp_path / "odd2.csv", [["201710601862.3", "一种装置", "2017-03-01", ""]],
                      header=["CASE REF", "name", "Received ", "Note"])
    assert preview_file(db, other).source == "remembered"
    again = import_file(db, other)
    assert (again.accepted, again.mapping_source) == (1, "remembered")
    assert db.execute("SELECT filing_date FROM cases WHERE application_number = '201710601862.3'").fetchone()[0] \
        == "2017-03-01"


def test_a_partial_mapping_keeps_the_recognised_columns(db, tmp_path):
    path = write_csv(tmp_path / "c.csv", ROWS[:1])
    result = import_file(db, path, mapping={"审查部门": "extra", "申请人": "examiner", "审查员": ""})
    case = next(db.query("SELECT * FROM cases"))
    assert (case["examiner"], case["applicant"], case["department"]) == ("甲公司", "", "")
    assert json.loads(case["extra"]) == {"审查员": "张三", "审查部门": "电学发明审查部"}
    assert result.mapping["申请号"] == "application_number"


def test_a_mapping_naming_a_missing_number_column_says_so(db, tmp_path):
    with pytest.raises(WorkbenchError) as err:
        import_file(db, write_csv(tmp_path / "c.csv", ROWS), mapping={"Ref": "application_number"})
    assert err.value.code == "import.mapping_column_missing" and "Ref" in err.value.message()
    with pytest.raises(WorkbenchError) as err:
        import_file(db, write_csv(tmp_path / "c.csv", ROWS), mapping={"申请号": "colour"})
    assert err.value.code == "mapping.unknown_field"


def test_a_chosen_header_line(db, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", ROWS, title_rows=[["申请号 and 申请人 are explained below"]])
    result = import_file(db, path, header_line=2)
    assert (result.header_line, result.accepted) == (2, 3)
    with pytest.raises(WorkbenchError) as err:
        import_file(db, path, header_line=99)
    assert err.value.code == "import.no_header_line"


def test_header_signature_ignores_spelling_and_trailing_blanks():
    assert mappings.header_signature(["申请号", "Title", None]) == mappings.header_signature(["申请号：", "TITLE"])
    assert mappings.header_signature(["申请号", "Title"]) != mappings.header_signature(["Title", "申请号"])


def test_preview_shows_sheets_header_and_rows(db, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", ROWS, title_rows=[["2022 抽样"], []])
    preview = preview_file(db, path, rows=2)
    assert preview.found and preview.header_line == 3 and preview.sheets == ["Sheet"]
    assert preview.names == HEADER and preview.mapping["申请号"] == "application_number"
    assert [line for line, _ in preview.rows] == [4, 5]
    assert preview.rows[0][1][0] == "202210123456.1"
    assert [line for line, _ in preview.lines][:3] == [1, 2, 3]


# -- the list of imports and removing one -------------------------------------------------------------

def test_imports_are_listed_with_counts_and_issues(db, tmp_path):
    result = import_file(db, write_csv(tmp_path / "c.csv", ROWS + [["bad"] + [""] * 7]))
    [record] = history.list_imports(db)
    assert (record.file_name, record.sha256, record.cases, record.rows_read, record.accepted, record.rejected) == \
        ("c.csv", result.sha256, 3, 4, 3, 1)
    assert record.mapping["申请号"] == "application_number"
    assert [(i.line, i.code) for i in history.import_issues(db, record.id)] == [(5, "id.unrecognised")]


def test_removing_an_untouched_import_deletes_its_cases_and_is_audited(db, tmp_path):
    import_file(db, write_csv(tmp_path / "a.csv", ROWS[:1]))
    second = import_file(db, write_csv(tmp_path / "b.csv", ROWS[1:]))
    assert history.remove_import(db, second.import_id, actor="alice") == 2
    assert [r[0] for r in db.execute("SELECT application_number FROM cases")] == ["202210123456.1"]
    assert [r.file_name for r in history.list_imports(db)] == ["a.csv"]
    [entry] = [e for e in _audit(db) if e[0] == "remove_import"]
    assert json.loads(entry[1])["cases_deleted"] == 2 and json.loads(entry[1])["file_name"] == "b.csv"
    assert chain.verify_chain(db) == []


def test_removing_an_import_whose_cases_are_reviewed_is_refused_and_changes_nothing(db, tmp_path):
    result = import_file(db, write_csv(tmp_path / "a.csv", ROWS))
    case_id = db.execute("SELECT id FROM cases WHERE application_number = '201710601862.3'").fetchone()[0]
    reviews.open_review(db, case_id, reviewer="bob", checklist_id=mini_checklist_id(db))
    before = table_state(db)
    with pytest.raises(WorkbenchError) as err:
        history.remove_import(db, result.import_id, actor="alice")
    assert err.value.code == "imports.in_use"
    assert "201710601862.3" in err.value.message() and "reviews" in err.value.message()
    assert table_state(db) == before


def test_removing_an_unknown_import(db):
    with pytest.raises(WorkbenchError) as err:
        history.remove_import(db, 42, actor="alice")
    assert err.value.code == "imports.not_found"


def _audit(db):
    return db.execute("SELECT action, old_value FROM audit_log ORDER BY id").fetchall()


# -- the fast path of application numbers is the general one ----------------------------------------

@settings(max_examples=300, deadline=None)
@given(digits=st.text("0123456789", min_size=12, max_size=12), check=st.sampled_from(["", ".", "X"] +
                                                                                     [f".{d}" for d in "0123456789X"]))
def test_fast_path_agrees_with_the_general_path(digits, check):
    text = digits + check
    def outcome(value):
        try:
            return parse_application_number(value)
        except WorkbenchError as exc:
            return exc.code, exc.params
    assert outcome(text) == outcome(" " + text)      # the leading space takes the general path


def test_update_replaces_every_field_and_records_the_import(db, tmp_path):
    first = import_file(db, write_csv(tmp_path / "a.csv", ROWS))
    changed = [list(r) for r in ROWS]
    changed[0][2], changed[0][7] = "新名称", ""            # title changed, decision date emptied
    changed[1][5] = "新部门"
    path = write_csv(tmp_path / "b.csv", changed, header=HEADER)
    path.write_text(path.read_text(encoding="utf-8").replace("结案日", "结案日,备注", 1)
                    .replace("2019-02-20", "2019-02-20,加急"), encoding="utf-8")
    second = import_file(db, path, on_conflict="update")
    assert (second.updated, second.unchanged, second.accepted) == (2, 1, 0)
    rows = {r["application_number"]: r for r in db.query("SELECT * FROM cases")}
    a, b, c = rows["202210123456.1"], rows["201710601862.3"], rows["95115608.X"]
    assert (a["title"], a["decision_date"], a["filing_date"], a["import_id"]) == \
        ("新名称", None, "2022-01-05", second.import_id)
    assert (b["department"], json.loads(b["extra"]), b["import_id"]) == ("新部门", {"备注": "加急"}, second.import_id)
    assert c["import_id"] == first.import_id


@pytest.mark.parametrize("values, expected", [
    (["06/21/2022", "03/04/2021"], True), (["21/06/2022", "03/04/2021"], False), (["03/04/2021"], None),
    ([], None), (["06/21/2022", "21/06/2022"], False), ([44733, None, "2022-06-21"], None),
    (["０６/２１/２０２２"], True),
])
def test_month_first_evidence(values, expected):
    from workbench.importing.dates import month_first_evidence
    assert month_first_evidence(values) is expected
