"""How the workbook prints, and in which font: A4 landscape, margins, the header (report title and
scope) and footer (exported at, page N of M, printed on), print areas and repeated titles.

Report sheets (Summary, the By ... sheets) are fitted to one page wide; data sheets (Findings,
Cases) print at 85% (9.35 pt from the 11 pt body) across as many pages as they need, with the
header row and the key column repeated. Every font of the workbook is named (Calibri, or
DengXian, Excel's Chinese default, in the Chinese workbook) so that no spreadsheet program
falls back to a serif face; `openpyxl_internals.name_fonts` applies the name to every font.
"""
from __future__ import annotations

from datetime import datetime

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.excel_cells import xml_text
from workbench.review.checklists import Text

FONT_NAMES = {"en": "Calibri", "zh": "DengXian"}
DATA_SCALE = 85                  # percent: 11 pt body text prints at 9.35 pt
PAGE = Text("Page &P of &N", "第 &P 页，共 &N 页")
EXPORTED = Text("Exported {when}", "导出于 {when}")
PRINTED = Text("Printed &D", "打印于 &D")


def font_name(language: str) -> str:
    return FONT_NAMES["zh" if language.startswith("zh") else "en"]


def _escaped(text: str) -> str:
    """Text for a header or footer: '&' starts a code there, so a literal one is doubled, and a
    character XML cannot hold (a round named by someone else) is replaced as in every cell."""
    return xml_text(text).replace("&", "&&")


def page_setup(sheet: Worksheet, *, fit_width: bool, scale: int | None = None, pages_tall: int = 0) -> None:
    """A4 landscape with narrow margins; fitted to one page wide (and `pages_tall` pages tall, 0 for
    as many as it needs), or printed at `scale` percent."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25)
    sheet.print_options.gridLines = False
    if fit_width:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = pages_tall
    else:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
        sheet.page_setup.scale = scale or DATA_SCALE


def header_footer(sheet: Worksheet, *, title: str, scope: str, exported_at: datetime, language: str) -> None:
    """The report title and scope at the top, the export time and page N of M at the bottom."""
    size = 9
    sheet.oddHeader.left.text = _escaped(title)
    sheet.oddHeader.left.size = size
    sheet.oddHeader.center.text = "&A"            # the sheet's name
    sheet.oddHeader.center.size = size
    sheet.oddHeader.right.text = _escaped(scope)
    sheet.oddHeader.right.size = size
    sheet.oddFooter.left.text = _escaped(EXPORTED.get(language).format(when=exported_at.strftime("%Y-%m-%d %H:%M")))
    sheet.oddFooter.left.size = size
    sheet.oddFooter.center.text = PAGE.get(language)
    sheet.oddFooter.center.size = size
    sheet.oddFooter.right.text = PRINTED.get(language)
    sheet.oddFooter.right.size = size
    name = font_name(language)
    for part in (sheet.oddHeader.left, sheet.oddHeader.center, sheet.oddHeader.right,
                 sheet.oddFooter.left, sheet.oddFooter.center, sheet.oddFooter.right):
        part.font = name


def print_range(sheet: Worksheet, *, columns: int, rows: int, title_rows: str | None = "1:1",
                title_columns: str | None = None) -> None:
    """The print area (A1 to the last written cell) and the rows and columns repeated on every page."""
    sheet.print_area = f"A1:{get_column_letter(max(1, columns))}{max(1, rows)}"
    if title_rows:
        sheet.print_title_rows = title_rows
    if title_columns:
        sheet.print_title_cols = title_columns
