"""The fence around openpyxl's private parts (workbench/report/openpyxl_internals.py) holds only
for the openpyxl it was written against: this fails loudly on any other version, or when the
private names it replaces change shape."""
import inspect

import openpyxl
from openpyxl import Workbook
from openpyxl.worksheet import _writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

from workbench.report import openpyxl_internals

CHECK = ("check workbench/report/openpyxl_internals.py (it replaces WriteOnlyWorksheet._values_to_row, "
         "WorksheetWriter.write_row and _writer.create_temporary_file), then move SUPPORTED")


def test_the_openpyxl_in_use_is_the_one_the_fence_was_written_for():
    assert openpyxl.__version__ == openpyxl_internals.SUPPORTED, \
        f"openpyxl {openpyxl.__version__} is not {openpyxl_internals.SUPPORTED}: {CHECK}"


def test_the_private_names_replaced_still_have_their_shape():
    assert list(inspect.signature(WriteOnlyWorksheet._values_to_row).parameters) == ["self", "values", "row_idx"], CHECK
    assert list(inspect.signature(WorksheetWriter.write_row).parameters) == ["self", "xf", "row", "row_idx"], CHECK
    assert callable(_writer.create_temporary_file) and isinstance(_writer.ALL_TEMP_FILES, list), CHECK


def test_rows_written_through_the_fence_read_back(tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("S")
    sheet.append(["head"])
    openpyxl_internals.install_row_writer(
        sheet, lambda xf, values, row: xf._file(f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{values[0]}'
                                              f'</t></is></c></row>'))
    sheet.append(["body"])
    book.save(tmp_path / "f.xlsx")
    values = [r[0] for r in openpyxl.load_workbook(tmp_path / "f.xlsx")["S"].iter_rows(values_only=True)]
    assert values == ["head", "body"]


def test_markup_copied_as_bytes_follows_what_was_written_before(tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("S")
    sheet.append(["head"])
    made = tmp_path / "rows"
    made.write_bytes(b"xx" + '<row r="3"><c r="A3" t="inlineStr"><is><t>汉字</t></is></c></row>'.encode() + b"yy")
    openpyxl_internals.install_row_writer(
        sheet, lambda xf, values, row: (xf._file(f'<row r="2"><c r="A2" t="inlineStr"><is><t>{values[0]}</t></is></c>'
                                                 '</row>') if values[0] != "copy" else
                                        openpyxl_internals.copy_markup(xf, str(made), 2, made.stat().st_size - 2)))
    sheet.append(["body"])
    sheet.append(["copy"])
    book.save(tmp_path / "f.xlsx")
    values = [r[0] for r in openpyxl.load_workbook(tmp_path / "f.xlsx")["S"].iter_rows(values_only=True)]
    assert values == ["head", "body", "汉字"]
