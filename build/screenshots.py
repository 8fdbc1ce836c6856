"""Screenshots of the main window for the README, in English and Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots.py [OUT_DIR] [calibration]

Builds a throwaway workspace from the bundled demo samples, answers a few items of the
first invention case by keyboard, and saves main-window-en.png and main-window-zh.png;
then a generated demo workspace (2,000 cases, 40% reviewed) for dashboard-en/zh.png, and one
with the demo's closed calibration round for calibration-view-en/zh.png.
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


def shoot(language: str, out_dir: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from workbench.importing.importer import import_file
    from foundation.paths import resource_dir

    window = open_window(language, lambda db: import_file(db, resource_dir() / "samples" / "demo_cases.csv"))
    window.select_first()
    view = window.panel.view
    view.setFocus()
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_2):
        QTest.keyClick(view, key)
    return save(window, out_dir / f"main-window-{language}.png")


def shoot_dashboard(language: str, out_dir: Path) -> Path:
    from workbench.demo.generate import build_demo

    window = open_window(language, lambda db: build_demo(db, cases=2000, reviewed=0.4, seed=7))
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.refresh()
    return save(window, out_dir / f"dashboard-{language}.png")


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


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "calibration"]
    out_dir = Path(args[0]) if args else ROOT / "docs"
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        if "calibration" not in sys.argv[1:]:       # "calibration": only the Calibration tab's shots
            print(shoot(language, out_dir))
            print(shoot_dashboard(language, out_dir))
        print(shoot_calibration(language, out_dir))


if __name__ == "__main__":
    main()
