"""Screenshots of the main window for the README, in English and Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots.py [OUT_DIR]

Builds a throwaway workspace from the bundled demo samples, answers a few items of the
first invention case by keyboard, and saves main-window-en.png and main-window-zh.png;
then a generated demo workspace (2,000 cases, 40% reviewed) for dashboard-en/zh.png.
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


def open_window(language: str, fill: Callable[[Any], object]) -> Any:
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
    window = MainWindow(db_path, "demo", language)
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


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        print(shoot(language, out_dir))
        print(shoot_dashboard(language, out_dir))


if __name__ == "__main__":
    main()
