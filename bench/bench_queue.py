"""The queue on a big workspace: opening the window, sorting, filtering and searching (issue 20).

    .venv/bin/python bench/bench_queue.py [--cases N] [--reviews R] [--seed S] [--rebuild]
    .venv/bin/python bench/bench_queue.py --cases 1000000 --reviews 200000 --seed 5
    .venv/bin/python bench/bench_queue.py --workspace PATH [--json FILE]

The demo workspace is built once and kept in the temporary folder (bench_review.demo_workspace);
each run works on a fresh copy of it. Everything runs in offscreen Qt.

- window open: MainWindow built, shown and painted once (the first paint), what the user waits
  for. Target: 1.0 s. The status counts arrive later from a worker: shown, no target.
- sort: the queue model sorted by each column, both ways, until its first row is read. Target: 300 ms.
- filter and search: the queue model given a filter (the bench_review filters) until its
  first row is read, the work the UI thread does. Target: p99 100 ms.

Exit status 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_review import demo_workspace, fresh_copy, percentile  # noqa: E402

OPEN_S = 1.0
SORT_MS = 300.0
FILTER_MS = 100.0


#: The figures of this run, for --json: {name: {"value", "unit", "goal"}}.
FIGURES: dict[str, dict[str, Any]] = {}


def line(name: str, value: str, target: str, ok: bool | None) -> bool:
    mark = "" if ok is None else ("OK" if ok else "MISSED")
    print(f"{name:<52} {value:>22}   {target:<16} {mark}", flush=True)
    return ok is not False


def figure(key: str, value: float, unit: str, goal: float | None) -> None:
    FIGURES[key] = {"value": round(value, 3), "unit": unit, "goal": goal}


def _wait(app: Any, condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)


def bench_open(app: Any, db_path: Path) -> bool:
    from PySide6.QtCore import QEvent, QObject

    from ui.main_window import MainWindow

    class FirstPaint(QObject):
        at: float | None = None

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    painted = FirstPaint()
    started = time.perf_counter()
    window = MainWindow(db_path, "bench", "en")
    window.table.viewport().installEventFilter(painted)
    window.show()
    _wait(app, lambda: painted.at is not None, 60)
    opened = (painted.at or time.perf_counter()) - started
    ok = line("window open to the queue's first paint", f"{opened:.2f} s", f"<= {OPEN_S:g} s", opened <= OPEN_S)
    figure("window_open", opened, "s", OPEN_S)
    _wait(app, lambda: not getattr(window.model, "counts_pending", False), 60)
    counted = time.perf_counter() - started
    line("  whole queue and status counts (from a worker)", f"{counted:.2f} s", "", None)
    figure("window_counts", counted, "s", None)
    window.status_area.stop()
    window.close()
    return ok


def _first_row(model: Any) -> None:
    if model.rowCount():
        model.data(model.index(0, 0))


def bench_sort(db: Any) -> bool:
    from PySide6.QtCore import Qt

    from ui.case_model import COLUMNS, CaseTableModel
    model = CaseTableModel(db)
    ok = True
    slowest = 0.0
    for column, (key, _expr) in enumerate(COLUMNS):
        timings = []
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            started = time.perf_counter()
            model.sort(column, order)
            _first_row(model)
            timings.append((time.perf_counter() - started) * 1000)
        worst = max(timings)
        slowest = max(slowest, worst)
        ok &= line(f"sort by {key} (slower of both ways)", f"{worst:.0f} ms", f"<= {SORT_MS:g} ms", worst <= SORT_MS)
    figure("sort_slowest", slowest, "ms", SORT_MS)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    getattr(model, "shutdown", lambda: None)()      # counts still being computed
    return ok


def bench_filter(db: Any) -> bool:
    from ui.case_model import CaseTableModel
    from workbench.review import queue
    from workbench.review.queue import CaseFilter
    model = CaseTableModel(db)
    department = queue.choices(db, "department")[0]
    reviewer = queue.choices(db, "reviewer")[0]
    number = db.execute("SELECT application_number FROM cases ORDER BY id LIMIT 1 OFFSET 5000").fetchone()[0]
    searches = [CaseFilter(search="图像识别"), CaseFilter(search="电池"), CaseFilter(search="有限公司"),
                CaseFilter(search="深圳 科技"), CaseFilter(search=number), CaseFilter(search=number[:7]),
                CaseFilter(search="VELORA"), CaseFilter(ip_type="trademark", status="not_reviewed", search="商贸")]
    filters = [CaseFilter(status="completed"), CaseFilter(status="not_reviewed"), CaseFilter(verdict="error"),
               CaseFilter(department=department, verdict="error"), CaseFilter(reviewer=reviewer),
               CaseFilter(risk_band="high"), CaseFilter(ip_type="design")]
    ok = True
    for name, group in (("search", searches), ("filter", filters)):
        timings = []
        for _ in range(3):
            for case_filter in group:
                started = time.perf_counter()
                model.set_filter(case_filter)
                _first_row(model)
                timings.append((time.perf_counter() - started) * 1000)
                model.set_filter(CaseFilter())
        p99 = percentile(timings, 99)
        ok &= line(f"{name}: p50 / p99 (n={len(timings)})", f"{statistics.median(timings):.0f} / {p99:.0f} ms",
                   f"p99 <= {FILTER_MS:g} ms", p99 <= FILTER_MS)
        figure(f"{name}_p99", p99, "ms", FILTER_MS)
    getattr(model, "shutdown", lambda: None)()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=None, help="default: a fifth of the cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true", help="build the demo workspace again")
    parser.add_argument("--workspace", type=Path, help="measure this workspace (a copy of it) instead of the demo")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    reviews = args.reviews if args.reviews is not None else args.cases // 5

    from PySide6.QtWidgets import QApplication

    from db.connection import open_database
    source = args.workspace or demo_workspace(args.cases, reviews, args.seed, args.rebuild)
    print(f"workspace: {source.name} ({source.stat().st_size / 1e6:.0f} MB)")
    app = QApplication.instance() or QApplication(sys.argv)
    work = fresh_copy(source)
    open_database(work).close()     # a workspace cached by an older version is upgraded first, untimed
    try:
        ok = bench_open(app, work)
        db = open_database(work)
        ok &= bench_sort(db)
        ok &= bench_filter(db)
        db.close()
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(FIGURES, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
