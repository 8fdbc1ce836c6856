"""Review speed on a big workspace: 100,000 cases with 20,000 reviews (issue 5).

    .venv/bin/python bench/bench_review.py [--cases N] [--reviews R] [--seed S] [--rebuild] [--no-ui]

The demo workspace (`main.py demo`) is built once and kept in the temporary folder; each run
works on a fresh copy of it, so every run starts from the same state.

- answer: giving one answer through workbench.review.reviews, committed with synchronous=FULL, the
  workspace's setting (an fsync per answer: it survives a power cut), timed per answer over
  whole checklists of not-yet-reviewed cases, the first answer of a case including the
  creation of its review. Target: 99th percentile < 10 ms. Also shown, not a target: the
  same with synchronous=NORMAL (survives a crash of the application, not a power cut).
- open next case: what Ctrl+N does in the workbench: find the next unreviewed case in the
  queue order, read the case, its review, answers and frozen checklist. Target: p99 < 50 ms.
- the same in the window (offscreen Qt): the main window's Ctrl+N, from the key to the
  checklist shown, history panel included. Target: p99 < 50 ms.
- search: what the window's thread does on a change of filter or search on a workspace this big
  (more than ui/case_model.LAZY_CASES cases): the queue's first page (queue_pages.first_ids).
  Target: p99 < 100 ms. Also shown, not a target: the whole filtered queue with its status
  counts, which a worker reads and appends while the first page is on screen.

Exit status 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWER_MS = 10.0
OPEN_MS = 50.0
SEARCH_MS = 100.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, values: list[float], target: float | None) -> bool:
    p99 = percentile(values, 99)
    ok = target is None or p99 < target
    mark = "" if target is None else (f"  target < {target:g} ms: " + ("OK" if ok else "MISSED"))
    print(f"{name:<44} n={len(values):<5} p50 {statistics.median(values):6.2f} ms   p99 {p99:6.2f} ms   "
          f"max {max(values):6.2f} ms{mark}")
    return ok


def demo_workspace(cases: int, reviews: int, seed: int, rebuild: bool) -> Path:
    from db.connection import open_database
    from workbench.demo.generate import build_demo
    folder = Path(tempfile.gettempdir()) / "workbench-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"review-{cases}-{reviews}-s{seed}.sqlite3"
    if rebuild or not path.exists():
        for stale in folder.glob(path.name + "*"):
            stale.unlink()
        print(f"building the demo workspace {path} ...", flush=True)
        started = time.perf_counter()
        db = open_database(path)
        result = build_demo(db, cases=cases, reviewed=reviews / cases, seed=seed, path=str(path))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        print(f"  {result.cases} cases, {result.reviews} reviews, {result.answers} answers, "
              f"{result.audit_entries} audit entries in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def fresh_copy(path: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="workbench-bench-run-")) / "workspace.sqlite3"
    shutil.copyfile(path, work)
    return work


def bench_answers(db_path: Path, cases: int, rng: random.Random, *, synchronous: str = "NORMAL") -> list[float]:
    from db.connection import open_database
    from workbench.review import queue
    from workbench.review import reviews
    from workbench.review.queue import CaseFilter
    db = open_database(db_path)
    db.execute(f"PRAGMA synchronous = {synchronous}")
    candidates = queue.case_ids(db, CaseFilter(status="not_reviewed"))
    timings: list[float] = []
    for case_id in rng.sample(candidates, cases):
        loaded = reviews.load_case_review(db, case_id, reviewer="bench")
        checklist = loaded.checklist
        review_id = None
        answers: dict[str, str] = {}
        while True:
            pending = [i for i in checklist.visible_items(answers) if i.id not in answers]
            if not pending:
                break
            item = pending[0]
            details: dict = {}
            if item.can_fail and rng.random() < 0.1:
                option = item.option_for_outcome("fail")
                details = {"severity": option.severity or rng.choice(item.severities),
                           "category": rng.choice(item.categories), "comment": "对比文件D1公开了区别特征。"}
            else:
                option = item.option_for_outcome("pass") or item.options[0]
            started = time.perf_counter()
            if review_id is None:       # the first answer of a case creates its review, as the window does
                review_id = reviews.open_review(db, case_id, reviewer="bench", checklist_id=loaded.checklist_id).id
            reviews.set_answer(db, review_id, item.id, option.code, actor="bench", checklist=checklist, **details)
            timings.append((time.perf_counter() - started) * 1000)
            answers[item.id] = option.code
    db.close()
    return timings


def bench_open_next(db_path: Path, opens: int) -> list[float]:
    from db.connection import open_database
    from workbench.review import queue
    from workbench.review import reviews
    db = open_database(db_path)
    ids = queue.queue_ids(db).ids             # the queue's order, loaded once as the window does
    timings = []
    current = None
    for _ in range(opens):
        started = time.perf_counter()
        # as the queue model does: the row of the case on screen, then SQLite asked a few ids at a time
        start = ids.index(current) + 1 if current is not None else 0
        current = queue.next_unreviewed_after(db, ids, current, start)
        loaded = reviews.load_case_review(db, current, reviewer="bench")
        loaded.checklist.visible_items({k: a.answer for k, a in loaded.answers.items()})
        timings.append((time.perf_counter() - started) * 1000)
    db.close()
    return timings


def bench_search(db_path: Path) -> tuple[list[float], list[float]]:
    """Per filter: the first page (the window's thread), and the whole queue with counts (its worker)."""
    from db.connection import open_database
    from ui.case_model import PAGE_SIZE          # the rows the window shows first
    from workbench.review import queue, queue_pages
    from workbench.review.queue import CaseFilter
    db = open_database(db_path)
    department = queue.choices(db, "department")[0]
    reviewer = queue.choices(db, "reviewer")[0]
    number = db.execute("SELECT application_number FROM cases ORDER BY id LIMIT 1 OFFSET 5000").fetchone()[0]
    filters = [CaseFilter(search="图像识别"), CaseFilter(search="电池"), CaseFilter(search="有限公司"),
               CaseFilter(search="深圳 科技"), CaseFilter(search=number), CaseFilter(search=number[:7]),
               CaseFilter(search="VELORA"), CaseFilter(status="completed"), CaseFilter(verdict="error"),
               CaseFilter(department=department, verdict="error"), CaseFilter(reviewer=reviewer),
               CaseFilter(ip_type="trademark", status="not_reviewed", search="商贸")]
    first_page, whole = [], []
    for _ in range(5):
        for case_filter in filters:
            started = time.perf_counter()
            queue_pages.first_ids(db, case_filter, limit=PAGE_SIZE)
            first_page.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            loaded = queue.queue_ids(db, case_filter)
            queue.counts_for_ids(db, loaded.json)
            whole.append((time.perf_counter() - started) * 1000)
    db.close()
    return first_page, whole


def bench_window(db_path: Path, opens: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(db_path, "bench", "en")
    window.show()
    _wait(app, lambda: not window.status_area.checking(), 120)    # the check on opening runs first
    window.select_first()
    app.processEvents()
    timings = []
    for _ in range(opens):
        started = time.perf_counter()
        window.next_action.trigger()
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
        panel = window.panel
        if panel.checklist is None:
            raise RuntimeError("the window showed no checklist")
    window.close()
    return timings


def _wait(app, condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--answer-cases", type=int, default=60, help="cases answered in full (default 60)")
    parser.add_argument("--opens", type=int, default=300)
    parser.add_argument("--rebuild", action="store_true", help="build the demo workspace again")
    parser.add_argument("--no-ui", action="store_true", help="skip the offscreen window measurement")
    args = parser.parse_args()

    source = demo_workspace(args.cases, args.reviews, args.seed, args.rebuild)
    print(f"workspace: {args.cases:,} cases, {args.reviews:,} reviews ({source.stat().st_size / 1e6:.0f} MB)")
    ok = True
    work = fresh_copy(source)
    try:
        rng = random.Random(args.seed)
        ok &= summary("answer, fsync each (synchronous=FULL)", bench_answers(work, args.answer_cases, rng,
                                                                              synchronous="FULL"), ANSWER_MS)
        summary("answer, synchronous=NORMAL (for comparison)", bench_answers(work, args.answer_cases // 3, rng),
                None)
        ok &= summary("open next case with its checklist", bench_open_next(work, args.opens), OPEN_MS)
        first_page, whole = bench_search(work)
        ok &= summary("queue search/filter, first page", first_page, SEARCH_MS)
        summary("  whole queue + status counts (a worker)", whole, None)
        if not args.no_ui:
            ok &= summary("Ctrl+N in the window (offscreen Qt)", bench_window(work, min(args.opens, 200)), OPEN_MS)
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
