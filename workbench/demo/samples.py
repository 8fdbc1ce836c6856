"""Writing demo cases as an office export (CSV and XLSX), and the shipped samples
(`python -m workbench.demo.data` or `python -m workbench.demo.samples`): the classic columns
(data.COLUMNS), and with `risk_fields` the optional ones risk indicators read (data.RISK_COLUMNS).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.demo.data import (COLUMNS, REFERENCE_TODAY, RISK_COLUMNS, SAMPLE_COUNT, SAMPLE_SEED, SAMPLES_DIR,
                                 DemoCase, generate_cases)


def _values(case: DemoCase, risk_fields: bool) -> tuple[object, ...]:
    return case.row() + case.risk_row() if risk_fields else case.row()



def write_csv(path: str | os.PathLike[str], cases: Iterable[DemoCase], *, risk_fields: bool = False) -> int:
    """Write cases as an export CSV (UTF-8 with BOM, so Excel reads the Chinese); the count."""
    written = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS + RISK_COLUMNS if risk_fields else COLUMNS)
        for case in cases:
            writer.writerow([v.isoformat() if isinstance(v, datetime.date) else v
                             for v in _values(case, risk_fields)])
            written += 1
    return written


def write_xlsx(path: str | os.PathLike[str], cases: Iterable[DemoCase], *, risk_fields: bool = False) -> int:
    """Write cases as an export workbook with real date cells; the count.

    Uses openpyxl's write-only mode, which streams rows to disk.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("结案案件")
    for letter, width in zip("ABCDEFGHIJKLMNOP", (18, 10, 44, 34, 10, 20, 16, 14, 10, 12, 12, 34, 10, 60, 14, 10)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in COLUMNS + RISK_COLUMNS if risk_fields else COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    written = 0
    for case in cases:
        row: list[object] = []
        for value in _values(case, risk_fields):
            if isinstance(value, datetime.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                row.append(cell)
            else:
                row.append(value)
        sheet.append(row)
        written += 1
    workbook.save(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.demo.data",
        description="Write the demo sample cases as CSV and XLSX, with the optional columns risk indicators read.",
    )
    parser.add_argument("--count", type=int, default=SAMPLE_COUNT)
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=REFERENCE_TODAY,
                        help=f"decisions fall in the 24 months before this day (default {REFERENCE_TODAY})")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # Generate twice rather than keep a list: the same seed gives the same cases.
    for name, write in (("demo_cases.csv", write_csv), ("demo_cases.xlsx", write_xlsx)):
        path = args.out / name
        count = write(path, generate_cases(args.count, seed=args.seed, today=args.today), risk_fields=True)
        print(f"wrote {count} cases to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
