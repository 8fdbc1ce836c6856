"""Reading workbooks (xlsx, xlsm, xls, xlsb, ods) with python-calamine.

A workbook is checked (zip_limits, xls_limits) before calamine allocates its sheets, every
cell made is counted against read_limits, and cells merged down several rows are repeated
down the rows they cover.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from foundation.errors import WorkbenchError, register
from workbench.importing.read_limits import CellBudget
from workbench.importing.table_reader import TableReader, short
from workbench.importing.xls_limits import check_xls_workbook
from workbench.importing.zip_limits import check_zip_workbook

register({
    "import.bad_spreadsheet": "{path}: the spreadsheet cannot be read ({detail}).",
    "import.no_sheet": "{path}: there is no sheet named {sheet!r} (sheets: {sheets}).",
    "import.no_data_sheet": "{path}: every sheet is empty.",
})

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def looks_like_spreadsheet(head: bytes) -> bool:
    # Zip (xlsx, ods) or OLE2 (xls) signatures, whatever the file is called.
    return head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def workbook_visible_sheets(path: Path) -> list[str]:
    """The sheets a person sees in a workbook, read without reading the sheets."""
    import python_calamine
    check_zip_workbook(path)
    check_xls_workbook(path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return _visible(workbook) or list(workbook.sheet_names)
        finally:
            workbook.close()
    except Exception as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc


def _visible(workbook: Any) -> list[str]:
    return [m.name for m in workbook.sheets_metadata
            if str(m.visible).rsplit(".", 1)[-1].lower() == "visible"
            and str(m.typ).rsplit(".", 1)[-1].lower() == "worksheet"]


def open_spreadsheet(path: Path, sheet: str | None) -> TableReader:
    import python_calamine

    check_zip_workbook(path)
    check_xls_workbook(path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        visible = _visible(workbook)
    except Exception as exc:  # calamine raises several of its own types, and OSError/ValueError
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc
    try:
        if sheet is not None:
            if sheet not in names:
                raise WorkbenchError("import.no_sheet", path=str(path), sheet=sheet, sheets=", ".join(names))
            chosen = workbook.get_sheet_by_name(sheet)
        else:
            # The first visible sheet with data: a hidden sheet of lookup lists is not the export.
            chosen = None
            for name in visible or names:
                candidate = workbook.get_sheet_by_name(name)
                if candidate.height > 0 and candidate.width > 0:
                    chosen = candidate
                    break
            if chosen is None:
                raise WorkbenchError("import.no_data_sheet", path=str(path))
        merged = list(chosen.merged_cell_ranges or ())
        start_column = chosen.start[1] if chosen.start else 0
    except WorkbenchError:
        raise
    except Exception as exc:
        raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc
    total = (chosen.end[0] + 1) if chosen.end else 0
    done = [0]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        budget = CellBudget(path)
        fill = _MergedFill(merged, start_column, budget)
        try:
            for index, cells in enumerate(chosen.iter_rows()):
                done[0] = index + 1
                cells = list(cells)
                budget.row(index + 1, len(cells))
                if fill.active(index):
                    fill.apply(index, cells)
                yield index + 1, cells   # calamine yields rows from the sheet's first row
        except WorkbenchError:
            raise
        except Exception as exc:
            raise WorkbenchError("import.bad_spreadsheet", path=str(path), detail=short(exc)) from exc

    return TableReader(path=path, kind="spreadsheet", rows=rows, total=total, position=lambda: done[0],
                       sheet=chosen.name, sheets=names, visible_sheets=visible or names, close=workbook.close)


class _MergedFill:
    """Cells merged down several rows hold their value in the top cell only; a report that
    merges one department over a group of cases means it for every one of them, so the
    value is repeated down the merged rows. Merges within a single row are left alone."""

    def __init__(self, ranges: list[Any], start_column: int, budget: CellBudget) -> None:
        self.budget = budget
        self.starts: dict[int, list[tuple[int, int, int]]] = {}
        for (top, left), (bottom, right) in ranges:
            if bottom > top:
                self.starts.setdefault(top, []).append((bottom, left - start_column, right - start_column))
        self.running: list[tuple[int, int, list[Any]]] = []   # (last row, first column, values)

    def active(self, row: int) -> bool:
        return bool(self.running) or row in self.starts

    def apply(self, row: int, cells: list[Any]) -> None:
        self.running = [r for r in self.running if r[0] >= row]
        for first, values in ((r[1], r[2]) for r in self.running):
            # Each merge running over this row costs its width (at least one), so thousands of
            # merges spanning a whole sheet stop at the limit instead of running for hours.
            self.budget.fill(row + 1, max(1, len(values)), len(cells))
            for offset, value in enumerate(values):
                column = first + offset
                if 0 <= column < len(cells) and cells[column] in ("", None):
                    cells[column] = value
        for bottom, left, right in self.starts.pop(row, ()):
            # Columns beyond the row hold nothing to repeat.
            right = min(right, len(cells) - 1)
            values = [cells[c] for c in range(max(left, 0), right + 1)]
            self.running.append((bottom, max(left, 0), values))
