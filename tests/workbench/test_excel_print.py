"""How the workbook prints, read back from the files with openpyxl (no LibreOffice needed): print
areas, A4 landscape, repeated titles, fit or scale, header and footer codes, a named font on every
written cell, widths that hold every header word and every number format, the package's author
and no recalculation on load. A demo workspace with a stratified round and a calibration round, in both
languages."""
from __future__ import annotations

import io
import math
import re
import zipfile

import pytest
from openpyxl import load_workbook

from workbench import APP_NAME
from workbench.cli import main as cli_main
from workbench.report.excel_cells import display_width

REPORT_SHEETS = {"en": ("Summary", "By department", "By examiner", "By IP type", "Trend", "Funnel", "By checklist item"),
                 "zh": ("汇总", "按部门", "按审查员", "按类型", "趋势", "漏斗图", "按评查项")}
DATA_SHEETS = {"en": ("Findings", "Cases"), "zh": ("差错", "案件")}
CALIBRATION_SHEET = {"en": "Calibration", "zh": "校准"}      # only in a calibration round's workbook
ROUNDS = {"round": "R", "zh-round": "R", "cal": "Cal", "zh-cal": "Cal"}
KEYS = ["en", "zh", "round", "zh-round", "cal", "zh-cal"]
FONTS = {"en": "Calibri", "zh": "DengXian"}
# The widest text each number format shows here, in '0' widths (Excel shows ### when a column is narrower).
FORMAT_WIDTH = {"0.0%": 6, "#,##0": 6, "0.0": 6, "#,##0.0": 8, "yyyy-mm-dd": 10, "yyyy-mm-dd hh:mm": 16, "0%": 4,
                "0.00": 5}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    db = str(folder / "w.sqlite3")
    quiet = {"out": io.StringIO(), "err": io.StringIO()}
    assert cli_main(["demo", "--cases", "600", "--reviewed", "0.4", "--seed", "8", "--round", "R", "--size", "120",
                     "--method", "stratified", "--strata", "department", "--round-reviewed", "0.8",
                     "--calibration", "Cal", "--db", db], **quiet) == 0
    paths = {}
    for key, extra in (("en", []), ("zh", ["--language", "zh"]), ("round", ["--round", "R"]),
                       ("zh-round", ["--round", "R", "--language", "zh"]), ("cal", ["--round", "Cal"]),
                       ("zh-cal", ["--round", "Cal", "--language", "zh"])):
        paths[key] = folder / f"{key}.xlsx"
        assert cli_main(["export", str(paths[key]), "--db", db, *extra], **quiet) == 0, quiet["err"].getvalue()
    return {key: (path, load_workbook(path)) for key, path in paths.items()}


def language(key: str) -> str:
    return "zh" if key.startswith("zh") else "en"


@pytest.mark.parametrize("key", KEYS)
def test_every_sheet_prints_on_a4_landscape_with_area_titles_header_and_footer(books, key):
    _path, book = books[key]
    lang = language(key)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title    # 9: A4
        assert sheet.print_area, sheet.title
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert "&D" in sheet.oddFooter.right.text and re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", sheet.oddFooter.left.text)
        assert sheet.oddHeader.left.text == ("质量与效率报告" if lang == "zh" else "Quality and efficiency report")
        assert ROUNDS.get(key, "全部案件" if lang == "zh" else "All cases") in sheet.oddHeader.right.text
        assert sheet.oddHeader.left.font == FONTS[lang]
        if sheet.title not in (REPORT_SHEETS[lang][0],):
            assert sheet.print_title_rows == "$1:$1", sheet.title
    stratum = {"en": "By stratum", "zh": "按分层"}[lang]
    assert (stratum in book.sheetnames) == key.endswith("round")     # a stratified round's design, per stratum
    assert (CALIBRATION_SHEET[lang] in book.sheetnames) == key.endswith("cal")
    for name in (*REPORT_SHEETS[lang], *([stratum] if key.endswith("round") else []),
                 *([CALIBRATION_SHEET[lang]] if key.endswith("cal") else [])):
        sheet = book[name]
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        # The Summary on one page; the others as tall as they are.
        tall = 1 if name == REPORT_SHEETS[lang][0] else 0
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == tall, name
    for name in DATA_SHEETS[lang]:
        sheet = book[name]
        assert not sheet.sheet_properties.pageSetUpPr.fitToPage, name
        # 11 pt body at 85%: 9.35 pt printed, never below 8 pt.
        assert sheet.page_setup.scale * 11 / 100 >= 8, name
        assert sheet.print_title_cols == "$A:$A" and sheet.print_title_rows == "$1:$1", name
        last = sheet.print_area.split(":")[-1].replace("$", "")
        assert last == f"{sheet.cell(row=1, column=sheet.max_column).column_letter}{sheet.max_row}", name


@pytest.mark.parametrize("key", KEYS)
def test_every_written_cell_has_a_named_font_and_titles_have_sizes(books, key):
    _path, book = books[key]
    name = FONTS[language(key)]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == name and cell.font.sz, (sheet.title, cell.coordinate, cell.font)
    summary = book.worksheets[0]
    assert summary["A1"].font.sz == 16 and summary["A1"].font.b
    assert summary["A3"].font.b and summary["A3"].font.sz == 11          # a section head


@pytest.mark.parametrize("key", KEYS)
def test_columns_hold_every_header_word_and_every_number(books, key):
    _path, book = books[key]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or cell.coordinate in sheet.merged_cells:
                    continue
                dimension = sheet.column_dimensions[cell.column_letter]
                if dimension.hidden:
                    continue
                width = dimension.width
                if isinstance(cell.value, str) and (cell.alignment.wrap_text or cell.row == 1):
                    # A wrapped header: its longest word fits (a table header also holds its filter button).
                    # Lines break at spaces, after a slash and after a hyphen (an item id such as
                    # abnormal-application-indicators on the Calibration sheet).
                    words = re.split(r"[\s/]+|(?<=-)", cell.value)
                    longest = max(display_width(w) for w in words) if any(words) else 0
                    if re.search(r"[\u4e00-\u9fff]", cell.value):
                        longest = min(longest, 8)        # CJK text wraps between any two characters
                    assert longest <= width, (sheet.title, cell.coordinate, cell.value, width)
                elif not isinstance(cell.value, str):
                    needed = FORMAT_WIDTH.get(cell.number_format, display_width(cell.value))
                    assert needed + 1 <= width, (sheet.title, cell.coordinate, cell.value, cell.number_format, width)


def test_round_summary_layout(books):
    _path, book = books["round"]
    sheet = book["Summary"]
    rows = list(sheet.iter_rows(values_only=True))
    # The chart's helper columns are hidden and outside the print area.
    department = next(i for i, r in enumerate(rows) if r[0] == "Compliance by department")
    assert rows[department][11:13] == ("Interval −", "Interval +")
    assert sheet.column_dimensions["L"].hidden and sheet.column_dimensions["M"].hidden
    # Printed: the figures, on one page; the rows behind the charts, below, are not.
    efficiency = next(i for i, r in enumerate(rows) if r[0] == "Efficiency")
    last = efficiency + next(i for i, r in enumerate(rows[efficiency:]) if not any(r))
    assert sheet.print_area.replace("$", "").endswith(f"!A1:K{last}") and department > last
    assert not sheet.row_breaks.brk
    # The strata: counted on the Summary, listed on their own sheet, every column wide enough.
    count = next(r for r in rows if isinstance(r[0], str) and r[0].startswith("Strata (figures on the By stratum"))
    strata = list(book["By stratum"].iter_rows(values_only=True))
    assert count[1] == len(strata) - 1 and strata[0][:2] == ("Stratum", "Population")
    # The notes and the round's filters are wrapped in merged cells left of the charts.
    note = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("Every rate"))
    assert f"A{note + 1}:F{note + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet[f"A{note + 1}"].alignment.wrap_text
    assert sheet.row_dimensions[note + 1].height >= 14 * math.ceil(len(rows[note][0]) / 120)
    filters = next(i for i, r in enumerate(rows) if r[0] == "Round filters")
    assert f"B{filters + 1}:F{filters + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    # The demo round is drawn over the cases imported by its day; About lists every filter.
    assert rows[filters][1] == "decided to 2026-05-31"
    charts = sheet._charts
    assert len(charts) == 2 and all(c.anchor._from.col == 6 for c in charts)    # both start at column G


A4_LANDSCAPE_POINTS = (842, 595)


def printed_scale(sheet) -> float:
    """The scale a spreadsheet program prints the sheet's print area at when fitted to its pages,
    from the column widths and row heights (a column unit about 7 px of 0.75 pt, a row 15 pt unless set)."""
    area = sheet.print_area.split("!")[-1].replace("$", "")
    first, last = area.split(":")
    last_col = "".join(ch for ch in last if ch.isalpha())
    last_row = int("".join(ch for ch in last if ch.isdigit()))
    from openpyxl.utils import column_index_from_string, get_column_letter
    width = sum((sheet.column_dimensions[get_column_letter(c)].width or 8.43) * 7 * 0.75 + 3.75
                for c in range(1, column_index_from_string(last_col) + 1))
    breaks = [0] + [b.id for b in sheet.row_breaks.brk] + [last_row]
    tallest = max(sum(sheet.row_dimensions[r].height or 15 for r in range(a + 1, b + 1))
                  for a, b in zip(breaks, breaks[1:]))
    m = sheet.page_margins
    page_w = A4_LANDSCAPE_POINTS[0] - 72 * (m.left + m.right)
    page_h = A4_LANDSCAPE_POINTS[1] - 72 * (m.top + m.bottom)
    return min(1.0, page_w / width, page_h / tallest)


@pytest.mark.parametrize("key", KEYS)
def test_the_summary_fits_its_pages_at_nine_points_or_more(books, key):
    """The Summary's print area fits one A4 page with its 11 pt body at 9 pt or more (LibreOffice
    with Carlito prints it at about 9.8 pt)."""
    _path, book = books[key]
    sheet = book.worksheets[0]
    assert printed_scale(sheet) * 11 >= 9, sheet.print_area


@pytest.mark.parametrize("key", ["cal", "zh-cal"])
def test_the_calibration_sheet_prints_one_page_wide_at_eight_points_or_more(books, key):
    """Fitted to one page wide (and as many tall as it needs), its 11 pt body prints at 8 pt or more;
    its title repeats on every page, and its charts lie inside the print area."""
    _path, book = books[key]
    sheet = book[CALIBRATION_SHEET[language(key)]]
    area = sheet.print_area.split("!")[-1].replace("$", "")
    from openpyxl.utils import column_index_from_string, get_column_letter
    last_col = column_index_from_string("".join(ch for ch in area.split(":")[1] if ch.isalpha()))
    width = sum((sheet.column_dimensions[get_column_letter(c)].width or 8.43) * 7 * 0.75 + 3.75
                for c in range(1, last_col + 1))
    m = sheet.page_margins
    assert min(1.0, (A4_LANDSCAPE_POINTS[0] - 72 * (m.left + m.right)) / width) * 11 >= 8
    assert sheet.print_title_rows == "$1:$1" and sheet["A1"].font.sz == 16
    last_row = int("".join(ch for ch in area.split(":")[1] if ch.isdigit()))
    assert len(sheet._charts) == 2 and all(c.anchor._from.row < last_row - 10 for c in sheet._charts)


@pytest.mark.parametrize("key", ["en", "zh"])
def test_package_details(books, key):
    path, book = books[key]
    assert book.properties.creator.startswith(APP_NAME) and "openpyxl" not in book.properties.creator
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode()
    assert "fullCalcOnLoad" not in workbook_xml
    about = book.worksheets[-1]
    database = [r[1] for r in about.iter_rows(values_only=True) if r[0] in ("Database file", "数据库文件")]
    assert database == ["w.sqlite3"]


@pytest.mark.parametrize("key", KEYS)
def test_the_sheets_shown_before_an_export_are_the_sheets_written(books, key):
    from db.connection import open_database
    from workbench.report import sheets
    from workbench.report.figures import ReportFilter
    from workbench.report.workbook import sheet_plan
    path, book = books[key]
    db = open_database(path.parent / "w.sqlite3", read_only=True)
    try:
        planned = sheet_plan(db, ReportFilter(round_name=ROUNDS.get(key)))
    finally:
        db.close()
    assert [sheets.sheet_name(k, language(key)) for k in planned] == book.sheetnames
