"""The Dashboard refreshed over all cases of a big workspace (issue 20).

    .venv/bin/python bench/bench_dashboard.py [--cases N] [--workspace PATH [--in-place]] [--repeat R] [--json FILE]

The Dashboard widget, offscreen, on its overview, asked to refresh with no round and no period
(every case): the time from the request until its figures are shown; then its Trend page shown,
the time until the trend (computed when a trend page is shown, grouped by department as it opens)
is drawn. Each the best of R runs. The figures are computed on worker threads; the longest the
window's own thread was kept busy meanwhile (the gap between two turns of its event loop) is
printed beside them. Goals (at every size, up to 1,000,000 cases): each <= 1.5 s; the window's
thread never held for more than 100 ms.

Exit status 1 when a goal is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_review import demo_workspace, fresh_copy  # noqa: E402

REFRESH_S = 1.5
STALL_MS = 100.0


def refresh_once(app: Any, dashboard: Any) -> tuple[float, float, float, float, float]:
    """On the overview: seconds until the figures are shown, and the CPU seconds the process spent
    meanwhile (every thread: the machine may be shared, and wall time then waits for other work);
    then the Trend page shown: seconds until its trend is drawn, and its CPU seconds; the longest
    event-loop gap in ms over both."""
    dashboard.tabs.setCurrentIndex(0)
    figures, stall_figures, figures_cpu = _until(app, dashboard.refreshed, dashboard.refresh)
    trend, stall_trend, trend_cpu = _until(app, dashboard.trends.refreshed, dashboard.show_trends)
    return figures, trend, max(stall_figures, stall_trend), figures_cpu, trend_cpu


def _until(app: Any, signal: Any, action: Any) -> tuple[float, float, float]:
    done: list[bool] = []

    def mark() -> None:
        done.append(True)
    signal.connect(mark)
    started = last = time.perf_counter()
    cpu = time.process_time()
    action()
    stall = (time.perf_counter() - started) * 1000     # the request itself runs on the window's thread
    while not done and time.perf_counter() - started < 120:
        app.processEvents()
        now = time.perf_counter()
        stall, last = max(stall, (now - last) * 1000), now
        time.sleep(0.001)
    signal.disconnect(mark)        # this run's slot only
    return time.perf_counter() - started, stall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workspace", type=Path, help="measure this workspace (a copy of it) instead of the demo")
    parser.add_argument("--in-place", action="store_true",
                        help="open --workspace itself, not a copy (it is only read; a million-case copy is 3 GB)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from db.connection import open_database
    from ui.dashboard import DashboardView
    from ui.tasks import prefer_the_window
    prefer_the_window()               # as the application does at start
    source = args.workspace or demo_workspace(args.cases, args.cases // 5, args.seed, False)
    app = QApplication.instance() or QApplication(sys.argv)
    work = source if args.in_place and args.workspace else fresh_copy(source)
    db = open_database(work)          # an older workspace is upgraded here, untimed
    cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    # The goal is for the action (every figure on screen within 1.5 s at a million cases),
    # so it holds at every size; scaled down linearly it asked 0.15 s at 100,000, less than the
    # worker threads, the connections and the charts take there with no case counted at all.
    goal = REFRESH_S
    dashboard = DashboardView(db, "en")
    dashboard.resize(1280, 800)
    dashboard.show()
    runs = [refresh_once(app, dashboard) for _ in range(args.repeat)]
    best = min(runs)
    trend_best = min(runs, key=lambda run: run[1])
    seconds, trend_seconds, stall = best[0], trend_best[1], max(r[2] for r in runs)
    dashboard.shutdown()
    db.close()
    ok_time, ok_trend, ok_stall = seconds <= goal, trend_seconds <= goal, stall <= STALL_MS
    print(f"workspace: {cases:,} cases")
    print(f"Dashboard refresh, all cases (best of {args.repeat})   {seconds:6.2f} s   goal <= {goal:.2f} s   "
          f"{'OK' if ok_time else 'MISSED'}")
    print(f"  CPU time of that refresh, every thread       {best[3]:6.2f} s   (load average {os.getloadavg()[0]:.2f})")
    print(f"its Trend page shown, trend drawn               {trend_seconds:6.2f} s   goal <= {goal:.2f} s   "
          f"{'OK' if ok_trend else 'MISSED'}")
    print(f"  CPU time of that trend, every thread         {trend_best[4]:6.2f} s")
    print(f"  longest hold of the window's thread          {stall:6.0f} ms  goal <= {STALL_MS:.0f} ms   "
          f"{'OK' if ok_stall else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps({
            "dashboard_refresh": {"value": round(seconds, 3), "unit": "s", "goal": round(goal, 3)},
            "dashboard_refresh_cpu": {"value": round(best[3], 3), "unit": "s"},
            "dashboard_trend_page": {"value": round(trend_seconds, 3), "unit": "s", "goal": round(goal, 3)},
            "dashboard_stall": {"value": round(stall, 1), "unit": "ms", "goal": STALL_MS}}, indent=1), encoding="utf-8")
    if work != source:      # the copy's folder, with the backup an upgrade of an older copy leaves there
        shutil.rmtree(work.parent, ignore_errors=True)
    return 0 if ok_time and ok_trend and ok_stall else 1


if __name__ == "__main__":
    sys.exit(main())
