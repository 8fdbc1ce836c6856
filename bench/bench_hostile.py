"""Hostile files at full size: every one refused in time and memory (issue 21).

    .venv/bin/python bench/bench_hostile.py [--keep DIR] [--only NAME]

Builds each bomb of tests/workbench/hostile_files.py at the size the fault campaign used
(SpreadsheetML with ss:MergeAcross=16384, 4 MB; HTML colspan, 7.5 MB; HTML rowspan, 0.9 MB;
zip bombs named .xlsx, 2-9 MB; and a few more), then imports each with the real limits,
`python main.py import FILE` in a fresh process, and prints its exit status, time, peak
resident memory (resource.getrusage of a runner whose only child it is) and its stderr.
Targets: every input under 10 MB finishes under 30 s and 500 MB, with exit status 2 and one
line on stderr (0 and nothing on stderr for the few that are read and hold nothing to import).
Exit status 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.workbench import hostile_files as hostile  # noqa: E402

SECONDS = 30.0
MEGABYTES = 500.0

# name: (file name, builder, exit statuses allowed: 2 = refused; 0 = read, nothing in it to import)
BOMBS: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "xml-merge-across": ("merge-across.xls", lambda p: hostile.spreadsheet_xml_merge_across(p, rows=3_000), "2"),
    "xml-merge-down": ("merge-down.xls", lambda p: hostile.spreadsheet_xml_merge_down(p, rows=1_500_000), "2"),
    "xml-index-jump": ("index-jump.xls", lambda p: hostile.spreadsheet_xml_index_jump(p, rows=120_000), "2"),
    "xml-entities": ("entities.xls", lambda p: hostile.spreadsheet_xml_entities(p), "2"),
    "html-colspan": ("colspan.xls", lambda p: hostile.html_colspan(p, rows=3_000), "2"),
    "html-rowspan": ("rowspan.xls", lambda p: hostile.html_rowspan(p, rows=90_000), "2"),
    "html-unclosed-comment": ("comment.xls", lambda p: hostile.html_unclosed(p, megabytes=9), "02"),
    "html-unclosed-tag": ("tag.xls", lambda p: hostile.html_unclosed(p, megabytes=9, opening="<td title='"), "02"),
    "html-nested": ("nested.xls", lambda p: hostile.html_nested(p, depth=300_000), "02"),
    "csv-wide": ("wide.csv", lambda p: hostile.csv_wide(p, columns=9_000_000), "2"),
    "csv-blank-lines": ("blank.csv", lambda p: hostile.csv_lines(p, "\n", 9_000_000), "2"),
    "csv-rejected-rows": ("rejected.csv", lambda p: hostile.csv_lines(p, "x\n", 4_500_000), "2"),
    "xlsx-far-cell": ("far-cell.xlsx", lambda p: hostile.xlsx_far_cell(p), "2"),
    "xls-far-cell": ("far-cell.xls", lambda p: hostile.xls_far_cell(p), "2"),
    "ods-repeated": ("repeated.ods", lambda p: hostile.ods_repeated(p, rows=1_000_000, columns=16_384), "2"),
    "xlsx-many-cells": ("many-cells.xlsx", lambda p: hostile.xlsx_many_cells(p, rows=7_200), "2"),
    "xlsx-just-under": ("under.xlsx", lambda p: hostile.xlsx_many_cells(p, rows=7_000, columns=700 * 5 // 7), "02"),
    "xlsx-inflating-sheet": ("sheet-bomb.xlsx", lambda p: hostile.xlsx_inflating_sheet(p, megabytes=5_000), "2"),
    "xlsx-inflating-strings": ("strings-bomb.xlsx", lambda p: hostile.xlsx_inflating_strings(p, megabytes=2_000), "2"),
    "xlsx-lying-size": ("lying.xlsx", lambda p: hostile.xlsx_lying_size(p, megabytes=3_000), "2"),
    "xlsx-repeated-string": ("repeated-string.xlsx", lambda p: hostile.xlsx_repeated_string(p, cells=300_000), "2"),
    "xlsx-many-parts": ("parts.xlsx", lambda p: hostile.xlsx_many_parts(p, parts=60_000), "2"),
}


# A fresh interpreter runs the import as its only child, so RUSAGE_CHILDREN is that import's peak.
_RUNNER = """
import resource, subprocess, sys, time
start = time.perf_counter()
try:
    done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=%r)
    status, err = done.returncode, done.stderr
except subprocess.TimeoutExpired as exc:
    status, err = "timeout", exc.stderr or b""
seconds = time.perf_counter() - start
sys.stderr.buffer.write(err)
print(status, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def run(file: Path, db: Path) -> tuple[str, float, float, list[str]]:
    """Exit status, seconds, peak MB and the stderr lines of `main.py import FILE`."""
    done = subprocess.run([sys.executable, "-c", _RUNNER % (SECONDS * 4), sys.executable, str(ROOT / "main.py"),
                           "--db", str(db), "import", str(file)], capture_output=True, cwd=ROOT)
    status, seconds, peak = done.stdout.decode().split()
    return status, float(seconds), float(peak), done.stderr.decode("utf-8", "replace").strip().splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the files in this folder and keep them")
    parser.add_argument("--only", action="append", choices=sorted(BOMBS), help="run only these (repeatable)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        for name, (file_name, build, exits) in BOMBS.items():
            if args.only and name not in args.only:
                continue
            file = build(folder / file_name)
            size = file.stat().st_size / 1e6
            status, seconds, peak, lines = run(file, Path(temp) / f"{name}.sqlite3")
            fine = status in exits and seconds < SECONDS and peak < MEGABYTES and len(lines) == (status == "2")
            ok = ok and fine
            shown = (lines[0] if lines else "")[:160] + (f" (+{len(lines) - 1} lines)" if len(lines) > 1 else "")
            print(f"{name:24s} {size:6.2f} MB  exit {status}  {seconds:6.2f} s  {peak:6.0f} MB  "
                  f"{'OK' if fine else 'MISSED'}  {shown}", flush=True)
            file.unlink()
    print(f"targets: exit 2 with one line (or 0 where the file is read), < {SECONDS:.0f} s, < {MEGABYTES:.0f} MB"
          f" -> {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
