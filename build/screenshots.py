"""Screenshots of the main window for the README, in English and Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots.py [OUT_DIR] [calibration] [disputes] [trends]

Builds a generated demo workspace (2,000 cases, 40% reviewed) for dashboard-en/zh.png, and one
with the demo's closed calibration round for calibration-view-en/zh.png, and one with feedback
sent, responses returned and disputes decided for disputes-view-en/zh.png, and a demo of 20,000 cases
with pendency targets for trend-view-en/zh.png and funnel-view-en.png (the Dashboard's trend pages);
`help` adds the empty state, the Help pages and the severity legend (build/screenshots_help.py);
`queue` the main window with a review in progress, My cases, "Review not complete" and History
(build/screenshots_queue.py, which now makes main-window-en/zh.png); `workspaces` the reviewer dialog,
the recent workspaces and the status bar (build/screenshots_workspaces.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def open_window(language: str, fill: Callable[[Any], object], reviewer: str = "demo") -> Any:
    """A 1440x860 main window in `language` on a throwaway workspace that `fill` gives cases."""
    from PySide6.QtWidgets import QApplication

    from db.connection import open_database
    from ui.app import install_translations
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app, language)
    folder = Path(tempfile.mkdtemp(prefix="workbench-shots-"))
    os.environ["WORKBENCH_HOME"] = str(folder)
    db_path = folder / "demo.sqlite3"
    db = open_database(db_path)
    fill(db)
    db.close()
    window = MainWindow(db_path, reviewer, language)
    window.resize(1440, 860)
    window.show()
    return window


def save(window: Any, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    window.grab().save(str(out))
    window.close()
    return out


def shoot_dashboard(language: str, out_dir: Path) -> Path:
    from workbench.demo.generate import build_demo

    window = open_window(language, lambda db: build_demo(db, cases=2000, reviewed=0.4, seed=7))
    window.tabs.setCurrentWidget(window.dashboard)
    wait_for(window.dashboard.refreshed, window.dashboard.refresh)    # its figures are computed in the background
    return save(window, out_dir / f"dashboard-{language}.png")


def wait_for(signal: Any, start: Callable[[], object], seconds: float = 60.0) -> None:
    """Run `start` and process events until `signal` fires (or `seconds` pass)."""
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def shoot_calibration(language: str, out_dir: Path) -> Path:
    """The Calibration tab on the demo's closed calibration round, as its manager sees it, at a case
    where the reviewers disagree."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workbench.demo.calibration_demo import MANAGER, build_calibration_demo
    from workbench.demo.generate import build_demo
    from workbench.demo.timeline import REFERENCE_TODAY

    def fill(db: Any) -> None:
        build_demo(db, cases=500, reviewed=0.2, seed=7)
        build_calibration_demo(db, "Calibration 2026-1", seed=7, today=REFERENCE_TODAY)     # the demo's today

    window = open_window(language, fill, reviewer=MANAGER)
    view = window.show_calibration()
    # The case where the reviewers differ on the most items, and the first of those items.
    differing = {view.case_box.itemData(i): 0 for i in range(view.case_box.count())}
    for case_id in differing:
        view.select_case(case_id)
        differing[case_id] = sum(bool(row.difference) for row in view.sheet.rows)
    view.select_case(max(differing, key=lambda case_id: differing[case_id]))
    while view.figures is None:         # computed on a thread of its own
        QTest.qWait(50)
    contested = next(n for n, row in enumerate(view.sheet.rows) if row.difference)
    view.table.selectRow(contested)
    QApplication.processEvents()
    out = out_dir / f"calibration-view-{language}.png"
    view.grab().save(str(out))
    window.close()
    return out


DISPUTE_REASONS = {
    "en": ["The guidelines allow this wording (Part II, ch. 2, 3.2.2).", "The prior art was searched; see the file."],
    "zh": ["审查指南第二部分第二章3.2.2允许此种措辞。", "已检索现有技术，见案卷检索报告。"],
}


def _disputes_workspace(db: Any, language: str) -> None:
    """Feedback sent to every examiner (one department a month earlier, so its silence is overdue),
    a few workbooks returned with agreements and disputes, and two disputes decided."""
    from datetime import date

    from foundation.errors import WorkbenchError
    from workbench.demo.generate import build_demo
    from workbench.feedback.decisions import decide, dispute_rows
    from workbench.feedback.findings import FeedbackScope
    from workbench.feedback.response_book import KEYS
    from workbench.feedback.responses import import_responses
    from workbench.feedback.sending import send_feedback
    from workbench.report.figures import ReportFilter
    from workbench.review import queue
    from openpyxl import load_workbook

    build_demo(db, cases=500, reviewed=0.4, seed=7)
    out = Path(tempfile.mkdtemp(prefix="workbench-feedback-"))
    first, *others = queue.choices(db, "department")
    letters = []
    for department, day in [(first, date(2026, 10, 1))] + [(d, date(2026, 10, 30)) for d in others]:
        try:
            letters += send_feedback(db, out, FeedbackScope(ReportFilter(), department=department),
                                     language=language, actor="Chen Jing", today=day).letters
        except WorkbenchError as exc:       # a department without findings has nothing to send
            if exc.code != "feedback.no_findings":
                raise
    returned = []
    for n, letter in enumerate(sorted(letters, key=lambda s: -s.findings)[:4]):
        book = load_workbook(letter.workbook)
        sheet = book.worksheets[1]
        reason = DISPUTE_REASONS[language][n % 2]
        for row in range(2, min(sheet.max_row, 4) + 1):
            disputed = (row + n) % 2 == 0
            sheet.cell(row=row, column=KEYS.index("response") + 1).value = "Disagree" if disputed else "Agree"
            sheet.cell(row=row, column=KEYS.index("reason") + 1).value = reason if disputed else None
        book.save(out / f"returned-{n}.xlsx")
        returned.append(out / f"returned-{n}.xlsx")
    import_responses(db, returned, actor="Chen Jing", now="2026-11-04T09:00:00+00:00")
    disputed = [r for r in dispute_rows(db) if r.state == "open"]
    decide(db, disputed[0].finding_id, decision="uphold", reason=DISPUTE_REASONS[language][1], actor="Chen Jing")
    decide(db, disputed[1].finding_id, decision="overturn", reason=DISPUTE_REASONS[language][0], actor="Chen Jing")


def shoot_disputes(language: str, out_dir: Path) -> Path:
    """The Disputes tab listing every finding sent, open disputes first, at the first of them."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    window = open_window(language, lambda db: _disputes_workspace(db, language), reviewer="Chen Jing")
    window.feedback.today = lambda: date(2026, 11, 5)
    view = window.feedback.show_disputes()
    view.select("all")
    view.table.selectRow(0)
    QApplication.processEvents()
    out = out_dir / f"disputes-view-{language}.png"
    view.grab().save(str(out))
    window.close()
    return out


TREND_GROUP = "实用新型审查部"       # the demo's department whose quality dips for two quarters
TARGETS = (("invention", "20m"), ("utility_model", "6m"), ("design", "4m"), ("trademark", "5m"))


def _trends_workspace(db: Any) -> None:
    from workbench.demo.generate import build_demo
    from workbench.report.targets import set_pendency_target

    build_demo(db, cases=20000, reviewed=0.2, seed=7)
    for ip_type, days in TARGETS:
        set_pendency_target(db, ip_type, days, actor="Chen Jing")


def shoot_trends(language: str, out_dir: Path, fill: Callable[[Any], object] = _trends_workspace) -> list[Path]:
    """The Dashboard's Trend page (the demo's dipping department beside all cases, its 95% band, pendency
    against the targets) in both languages, and in English the Funnel plot of the examiners."""
    from PySide6.QtTest import QTest

    window = open_window(language, fill, reviewer="Chen Jing")
    dashboard = window.dashboard
    window.trend_actions.show_trends()
    dashboard.refresh()
    panel = dashboard.trends
    for _ in range(400):                       # both computed in the background
        QTest.qWait(50)
        if dashboard.report is not None and panel.trend is not None:
            break
    page = panel.trend_page
    page.show_box.setCurrentIndex(max(page.show_box.findData(TREND_GROUP), 1))
    QTest.qWait(50)
    shots = [out_dir / f"trend-view-{language}.png"]
    window.grab().save(str(shots[0]))
    if language == "en":
        funnel = panel.funnel_page
        dashboard.tabs.setCurrentWidget(funnel)
        funnel.unit_box.setCurrentIndex(funnel.unit_box.findData("examiner"))
        QTest.qWait(50)
        shots.append(out_dir / "funnel-view-en.png")
        window.grab().save(str(shots[1]))
    window.close()
    return shots


def main() -> None:
    only = {a for a in sys.argv[1:] if a in ("calibration", "disputes", "trends", "help", "queue", "workspaces")}
    args = [a for a in sys.argv[1:] if a not in only]
    out_dir = Path(args[0]) if args else ROOT / "docs"
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        if not only or "queue" in only:    # main-window, my-cases, not-complete, history (build/screenshots_queue.py)
            from build.screenshots_queue import shoot_queue
            print(*shoot_queue(language, out_dir), sep="\n")
        if not only:
            print(shoot_dashboard(language, out_dir))
        if not only or "calibration" in only:
            print(shoot_calibration(language, out_dir))
        if not only or "disputes" in only:
            print(shoot_disputes(language, out_dir))
        if not only or "trends" in only:
            print(*shoot_trends(language, out_dir), sep="\n")
        if not only or "help" in only:     # the empty state, the Help pages, the severity legend
            from build.screenshots_help import shoot_help
            print(*shoot_help(language, out_dir), sep="\n")
    if not only or "workspaces" in only:   # the reviewer dialog, recent workspaces, the status bar (both languages)
        from build.screenshots_workspaces import shoot_workspaces
        print(*shoot_workspaces(out_dir), sep="\n")


if __name__ == "__main__":
    main()
