"""Readers: encodings, delimiters, spreadsheets, and no crash on any input."""
import codecs
import datetime
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.workbench.helpers import workspace
from foundation.errors import WorkbenchError
from workbench.importing.importer import import_file
from workbench.importing.readers import detect_delimiter, open_table

TEXT = "申请号,名称\r\n202210123456.1,一种方法\r\n"


def read_all(path, **options):
    reader = open_table(path, **options)
    try:
        return reader, list(reader.rows())
    finally:
        reader.close()


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_encodings_are_detected(tmp_path, data, encoding):
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    reader, rows = read_all(path)
    assert reader.encoding == encoding
    assert rows == [(1, ["申请号", "名称"]), (2, ["202210123456.1", "一种方法"])]


def test_gb18030_is_detected_even_when_the_first_64kb_are_ascii(tmp_path):
    path = tmp_path / "late.csv"
    path.write_bytes(("a,b\r\n" + "1,2\r\n" * 20000 + "申请,号\r\n").encode("gb18030"))
    reader, rows = read_all(path)
    assert reader.encoding == "gb18030" and rows[-1][1] == ["申请", "号"]


@pytest.mark.parametrize("sample, delimiter", [
    ("a,b,c\n1,2,3\n", ","), ("a;b;c\n1;2;3\n", ";"), ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("申请号;名称,含逗号;日期\n1;x,y;2\n", ";"), ("", ","),
])
def test_delimiter_detection(sample, delimiter):
    assert detect_delimiter(sample) == delimiter


def test_delimiter_and_encoding_overrides(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes("a|b\tc\r\n".encode("gb18030"))
    reader, rows = read_all(path, delimiter="tab", encoding="gbk")
    assert rows == [(1, ["a|b", "c"])]
    with pytest.raises(WorkbenchError) as err:
        open_table(path, encoding="no-such-codec")
    assert err.value.code == "import.unknown_encoding"


def test_wrong_declared_encoding_names_the_line(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("a,b\r\n1,2\r\n申请,号\r\n".encode("gb18030"))
    with pytest.raises(WorkbenchError) as err:
        read_all(path, encoding="utf-8")
    assert err.value.code == "import.bad_encoding" and "line 3" in err.value.message()


@pytest.mark.parametrize("data, code", [
    (b"\x00\x01\x02\x03" * 100, "import.not_text"),
    (bytes(range(256)) * 10, "import.not_text"),
    (b"PK\x03\x04" + b"\x00" * 100, "import.bad_spreadsheet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "import.bad_spreadsheet"),
    (b"", "import.empty"),
])
def test_unreadable_files(tmp_path, data, code):
    path = tmp_path / "f.xlsx"
    path.write_bytes(data)
    with pytest.raises(WorkbenchError) as err:
        read_all(path)
    assert err.value.code == code


def test_a_truncated_xlsx_is_refused(tmp_path):
    book = Workbook()
    book.active.append(["申请号"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(WorkbenchError) as err:
        read_all(path)
    assert err.value.code == "import.bad_spreadsheet"


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "f.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(WorkbenchError) as err:
        read_all(path)
    assert err.value.code == "import.bad_spreadsheet"


def test_spreadsheet_rows_keep_sheet_line_numbers_and_fill_vertical_merges(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["C3"] = "标题"
    sheet.merge_cells("C3:E3")
    sheet["C5"], sheet["D5"] = "申请号", "部门"
    for row, number in ((6, "a"), (7, "b"), (8, "c")):
        sheet.cell(row, 3, number)
    sheet["D6"] = "电学部"
    sheet.merge_cells("D6:D7")
    hidden = book.create_sheet("hidden", 0)
    hidden["A1"] = "x"
    hidden.sheet_state = "hidden"
    path = tmp_path / "m.xlsx"
    book.save(path)
    reader, rows = read_all(path)
    assert reader.sheet == "Sheet" and reader.visible_sheets == ["Sheet"] and reader.sheets == ["hidden", "Sheet"]
    assert rows[2] == (3, ["标题", ""])          # a merge along a row is not repeated
    assert rows[5:] == [(6, ["a", "电学部"]), (7, ["b", "电学部"]), (8, ["c", ""])]
    assert reader.total == 8 and reader.position() == 8


def test_csv_progress_counts_bytes(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(("a,b\r\n" + "1,2\r\n" * 1000).encode())
    reader = open_table(path)
    positions = [reader.position() for _ in reader.rows()]
    assert positions[-1] == reader.total == path.stat().st_size


# -- nothing crashes -----------------------------------------------------------------------------

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".xls"]))
def test_random_bytes_only_raise_workbench_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("r") / f"f{suffix}"
    path.write_bytes(data)
    try:
        read_all(path)
    except WorkbenchError:
        pass


@FUZZ
@given(data=st.binary(max_size=2000), prefix=st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                                               codecs.BOM_UTF16_LE, codecs.BOM_UTF8]))
def test_random_bytes_behind_a_signature_only_raise_workbench_errors(tmp_path_factory, data, prefix):
    path = tmp_path_factory.mktemp("r") / "f.xlsx"
    path.write_bytes(prefix + data)
    try:
        read_all(path)
    except WorkbenchError:
        pass


@FUZZ
@given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16",
                                                            "utf-16-le", "utf-16-be"]))
def test_random_text_reads_back_or_is_refused(tmp_path_factory, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    path = tmp_path_factory.mktemp("r") / "f.csv"
    path.write_bytes(data)
    try:
        read_all(path)
    except WorkbenchError:
        pass


CELLS = st.one_of(
    st.none(), st.text(max_size=15), st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(min_value=datetime.date(1900, 3, 1)),
    st.sampled_from(["申请号", "申请日", "合计", "202210123456.1", "2022-02-30", "06/21/2022", "发明", "=1+1"]),
)


@FUZZ
@given(rows=st.lists(st.lists(CELLS, max_size=8), max_size=12), header=st.booleans())
def test_random_cells_in_a_workbook_never_crash_the_import(tmp_path_factory, rows, header):
    folder = tmp_path_factory.mktemp("x")
    book = Workbook()
    sheet = book.active
    if header:
        sheet.append(["申请号", "专利类型", "名称", "申请日", "结案日"])
    path = folder / "random.xlsx"
    try:
        for row in rows:
            sheet.append(row)
        book.save(path)
    except Exception:       # openpyxl refuses some control characters; not our reader's business
        return
    db = workspace(folder)
    try:
        result = import_file(db, path)
    except WorkbenchError:
        return
    assert result.read == result.accepted + result.unchanged + result.updated + result.rejected + result.skipped


def test_excel_sep_hint_line_sets_the_delimiter(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"sep=;\r\na;b,c\r\n1;2,3\r\n")
    reader, rows = read_all(path)
    assert reader.delimiter == ";" and rows[1:] == [(2, ["a", "b,c"]), (3, ["1", "2,3"])]


def test_a_quote_never_closed_is_refused_naming_its_line(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(("申请号,名称\r\n1,\"open\r\n" + "2,x\r\n" * 300).encode())
    with pytest.raises(WorkbenchError) as err:
        read_all(path)
    assert err.value.code == "import.unclosed_quote" and "line 2" in err.value.message()


@pytest.mark.parametrize("given, used", [("tab", "\t"), ("\\t", "\t"), ("semicolon", ";"), ("|", "|")])
def test_delimiter_names(tmp_path, given, used):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\r\n")
    assert open_table(path, delimiter=given).delimiter == used


@pytest.mark.parametrize("given", ["::", "", '"'])
def test_unusable_delimiters_are_refused(tmp_path, given):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\r\n")
    with pytest.raises(WorkbenchError) as err:
        open_table(path, delimiter=given)
    assert err.value.code == "import.bad_delimiter"


def test_html_tables_spans_and_nesting(tmp_path):
    path = tmp_path / "page.xls"
    path.write_text("<table><tr><th colspan=2>A</th><th rowspan=3>B</th></tr>"
                    "<tr><td>1<td>2</tr><tr><td><table><tr><td>inner</td></tr></table></td><td>3</td></tr>"
                    "</table>", encoding="utf-8")
    reader, rows = read_all(path)
    assert reader.kind == "html"
    assert rows == [(1, ["A", "", "B"]), (2, ["1", "2", "B"]), (3, ["inner", "3", "B"])]


@FUZZ
@given(body=st.text(alphabet=st.sampled_from(list("<>/=\"' abtdrhcolspanwy12&;#\n")), max_size=300))
def test_random_html_only_raises_workbench_errors(tmp_path_factory, body):
    path = tmp_path_factory.mktemp("h") / "f.xls"
    path.write_text("<html><table>" + body, encoding="utf-8")
    try:
        read_all(path)
    except WorkbenchError:
        pass


def test_utf8_with_a_broken_byte_is_not_read_as_gb18030_nonsense(tmp_path):
    text = ("申请号,名称\r\n" + "202210123456.1,一种图像识别方法\r\n" * 50).encode()
    path = tmp_path / "damaged.csv"
    path.write_bytes(text[:300] + b"\xff" + text[300:])
    with pytest.raises(WorkbenchError) as err:
        read_all(path)
    assert err.value.code == "import.bad_encoding" and "utf-8" in err.value.message()
    assert "line 8" in err.value.message()


@FUZZ
@given(body=st.text(alphabet=st.sampled_from(list("<>/=\"' RowCelDatss:IndexMergeDownAcross12\n")), max_size=300))
def test_random_xml_spreadsheets_only_raise_workbench_errors(tmp_path_factory, body):
    path = tmp_path_factory.mktemp("x") / "f.xls"
    path.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table>'
                    + body, encoding="utf-8")
    try:
        read_all(path)
    except WorkbenchError:
        pass


def test_a_folder_is_not_a_file(tmp_path):
    from foundation.errors import WorkbenchError
    from workbench.importing.readers import open_table
    folder = tmp_path / "cases.csv"
    folder.mkdir()
    with pytest.raises(WorkbenchError) as err:
        open_table(folder)
    assert err.value.code == "import.not_a_file" and "cases.csv" in err.value.message()


def test_a_cell_past_the_limit_is_named_with_its_line(tmp_path):
    from foundation.errors import WorkbenchError
    from workbench.importing.readers import CSV_FIELD_LIMIT, open_table
    path = tmp_path / "long.csv"
    path.write_text("申请号,名称\n202210123456.1,short\n202210123457,x" + "x" * (CSV_FIELD_LIMIT + 10) + "\n",
                    encoding="utf-8")
    with pytest.raises(WorkbenchError) as err:
        list(open_table(path).rows())
    assert err.value.code == "import.huge_cell" and "line 3" in err.value.message()
