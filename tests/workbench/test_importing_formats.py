"""Each committed fixture (tests/data/import, made by make_fixtures.py / make_xls.py) imports
with the counts and line numbers a person would expect from looking at the file."""
import json
from pathlib import Path

import pytest

from tests.workbench.helpers import table_state, workspace
from foundation.errors import WorkbenchError
from workbench.importing.identifiers import cn_check_char
from workbench.importing.importer import import_file

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def outcome_lines(result, outcome):
    return [(i.line, i.code) for i in result.issues if i.outcome == outcome]


def counts(result):
    assert result.read == result.accepted + result.unchanged + result.updated + result.rejected + result.skipped
    return result.read, result.accepted, result.rejected, result.skipped


def case(db, number):
    return next(db.query("SELECT * FROM cases WHERE application_number = ?", [number]))


def test_gb18030_csv_with_title_lines_totals_and_signature(db):
    result = import_file(db, FIXTURES / "gb18030_title_rows.csv")
    assert result.encoding == "gb18030" and result.delimiter == ","
    assert result.header_line == 4
    assert counts(result) == (11, 4, 2, 5)
    assert outcome_lines(result, "skipped") == [(1, "import.title_row"), (2, "import.title_row"),
                                               (3, "import.blank_row"), (11, "import.totals_row"),
                                               (12, "import.totals_row")]
    rejected = {i.line: i for i in result.rejected_rows}
    assert rejected[7].column == "申请号码" and "should be 1" in rejected[7].reason
    assert rejected[8].column == "申请日期" and rejected[8].value == "2020-02-30"
    assert outcome_lines(result, "warning") == [(9, "import.decision_before_filing")]
    first = case(db, "202210123456." + cn_check_char("202210123456"))
    assert (first["title"], first["examiner"], first["department"], first["classification"]) == \
        ("一种图像识别方法", "张伟", "电学发明审查部", "G06V 10/82")
    assert (first["procedure"], first["decision"]) == ("实质审查", "授权")
    assert (first["filing_date"], first["decision_date"]) == ("2022-01-05", "2023-06-21")
    assert json.loads(first["extra"]) == {"序号": "1"}
    assert json.loads(case(db, "201710601862.3")["extra"]) == {"序号": "2", "备注": "复审中"}
    assert case(db, "95115608.X")["ip_type"] == "invention"     # full-width digits


def test_excel_unicode_text_with_us_numbers_and_month_first_dates(db):
    result = import_file(db, FIXTURES / "excel_unicode_text.txt")
    assert (result.encoding, result.delimiter, result.month_first) == ("utf-16", "\t", True)
    assert counts(result) == (5, 4, 1, 0)          # the two blank lines at the end are not rows
    assert outcome_lines(result, "rejected") == [(6, "import.ip_type_mismatch")]
    us = case(db, "US16/123,456")
    assert (us["filing_date"], us["decision_date"]) == ("2021-03-04", "2022-06-21")   # 03/04 read as March
    assert (us["department"], us["decision"], us["procedure"]) == ("1745", "Allowance", "Non-final rejection")
    assert case(db, "US29/765,432")["ip_type"] == "design"
    assert case(db, "US29/765,432")["filing_date"] == "2020-12-01"
    assert case(db, "EP99403122.7")["ip_type"] == "invention"
    assert case(db, "PCT/CN2022/123456")["ip_type"] == "utility_model"


def test_semicolons_excel_text_marks_scientific_numbers_duplicates_and_repeated_header(db):
    result = import_file(db, FIXTURES / "utf8_bom_semicolon.csv")
    assert (result.encoding, result.delimiter) == ("utf-8-sig", ";")
    assert counts(result) == (6, 3, 2, 1)
    assert outcome_lines(result, "rejected") == [(4, "import.scientific_number"), (5, "import.duplicate_in_file")]
    assert "lines 2 and 5" in result.rejected_rows[1].reason
    assert outcome_lines(result, "skipped") == [(6, "import.header_row")]
    numbers = [r[0] for r in db.execute("SELECT application_number FROM cases ORDER BY 1")]
    assert numbers == ["202220654321." + cn_check_char("202220654321"),
                       "202230111111." + cn_check_char("202230111111"), "41234567"]


def test_utf16_big_endian_without_bom(db):
    result = import_file(db, FIXTURES / "utf16_be_no_bom.csv")
    assert result.encoding == "utf-16-be"
    assert counts(result) == (2, 2, 0, 0)


def test_xlsx_report_with_merged_title_hidden_sheet_totals_and_notes(db):
    result = import_file(db, FIXTURES / "report_title_merged.xlsx")
    assert result.sheet == "抽查样本"          # the hidden lookup sheet before it is not chosen
    assert result.header_line == 4
    assert counts(result) == (12, 4, 1, 7)
    assert outcome_lines(result, "skipped") == [(1, "import.title_row"), (2, "import.title_row"),
                                               (3, "import.blank_row"), (10, "import.blank_row"),
                                               (11, "import.totals_row"), (12, "import.totals_row"),
                                               (13, "import.totals_row")]
    assert outcome_lines(result, "rejected") == [(9, "import.missing_number")]
    assert outcome_lines(result, "warning") == [(8, "import.decision_before_filing")]
    numeric = case(db, "202210123456.1")          # stored as a number cell
    assert (numeric["filing_date"], numeric["decision_date"]) == ("2022-01-05", "2023-06-21")  # date, serial
    merged = case(db, "201710601862.3")
    assert merged["department"] == "电学发明审查部"      # merged down from the row above
    assert merged["filing_date"] == "2017-03-01"          # a datetime cell


def test_xlsx_other_sheet_by_name(db):
    with pytest.raises(WorkbenchError) as err:
        import_file(db, FIXTURES / "report_title_merged.xlsx", sheet="说明")
    assert err.value.code == "import.no_header"
    with pytest.raises(WorkbenchError) as err:
        import_file(db, FIXTURES / "report_title_merged.xlsx", sheet="Sheet9")
    assert err.value.code == "import.no_sheet" and "抽查样本" in err.value.message()


def test_legacy_xls(db):
    result = import_file(db, FIXTURES / "legacy_template.xls")
    assert result.header_line == 3
    assert counts(result) == (6, 2, 1, 3)
    assert outcome_lines(result, "skipped") == [(1, "import.title_row"), (2, "import.blank_row"),
                                               (7, "import.totals_row")]
    assert outcome_lines(result, "rejected") == [(6, "id.bad_check")]
    assert "should be 3" in result.rejected_rows[0].reason
    number_cell = case(db, "201310123456." + cn_check_char("201310123456"))
    assert (number_cell["filing_date"], number_cell["decision_date"]) == ("2013-01-05", "2015-06-30")
    serials = case(db, "201320654321." + cn_check_char("201320654321"))
    assert (serials["filing_date"], serials["decision_date"]) == ("2013-05-06", "2013-11-22")


def test_an_image_renamed_csv_is_refused_and_nothing_changes(db):
    before = table_state(db)
    with pytest.raises(WorkbenchError) as err:
        import_file(db, FIXTURES / "image_renamed.csv")
    assert err.value.code == "import.not_text" and "image_renamed.csv" in err.value.message()
    assert table_state(db) == before


@pytest.mark.parametrize("name", ["gb18030_title_rows.csv", "excel_unicode_text.txt", "utf8_bom_semicolon.csv",
                                  "report_title_merged.xlsx", "legacy_template.xls"])
def test_reimporting_each_fixture_changes_nothing(db, name):
    first = import_file(db, FIXTURES / name)
    before = table_state(db)
    again = import_file(db, FIXTURES / name)
    assert again.accepted == 0 and again.unchanged == first.accepted and not again.changed
    assert table_state(db) == before


def test_web_export_html_table_named_xls(db):
    result = import_file(db, FIXTURES / "web_export.xls")
    assert result.encoding == "gb18030" and result.header_line == 2
    assert counts(result) == (5, 2, 1, 2)
    assert outcome_lines(result, "skipped") == [(1, "import.title_row"), (6, "import.totals_row")]
    assert outcome_lines(result, "rejected") == [(5, "id.bad_check")]
    first = case(db, "202210123456.1")
    assert first["title"] == "一种 图像\n识别方法" and first["decision_date"] == "2023-06-21"
    assert case(db, "202220123450.X")["department"] == "电学发明审查部"     # rowspan repeated


def test_xml_spreadsheet_2003(db):
    from workbench.importing.readers import visible_sheets
    assert visible_sheets(FIXTURES / "xml_spreadsheet_2003.xls") == ["封面", "案件"]
    result = import_file(db, FIXTURES / "xml_spreadsheet_2003.xls")
    assert result.sheet == "案件" and result.header_line == 3      # the empty cover sheet is passed over
    assert counts(result) == (4, 1, 1, 2)
    assert outcome_lines(result, "skipped") == [(1, "import.title_row"), (6, "import.totals_row")]
    assert outcome_lines(result, "rejected") == [(5, "date.impossible")]
    first = case(db, "202210123456.1")               # a Number cell
    assert (first["department"], first["filing_date"], first["decision_date"]) == \
        ("电学发明审查部", "2022-01-05", "2023-06-21")
    with pytest.raises(WorkbenchError) as err:
        import_file(db, FIXTURES / "xml_spreadsheet_2003.xls", sheet="封面")
    assert err.value.code == "import.no_header"
