"""Screenshots of the first hour (issue 19): the empty state, the Help pages and the severity legend.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots_help.py [OUT_DIR]

Saves empty-state-LANG.png, help-keys-LANG.png, about-LANG.png, first-steps-LANG.png and
review-severity-LANG.png for English and Chinese (build/screenshots.py help runs it too).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build.screenshots import ROOT, open_window, save  # noqa: E402  (after the path is set)


def grab(widget: Any, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    widget.grab().save(str(out))
    return out


def shoot_help(language: str, out_dir: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from foundation.paths import resource_dir
    from workbench.importing.importer import import_file

    shots = []
    window = open_window(language, lambda db: None)
    window.resize(1280, 760)
    shots.append(save(window, out_dir / f"empty-state-{language}.png"))

    window = open_window(language, lambda db: import_file(db, resource_dir() / "samples" / "demo_cases.csv"))
    window.select_first()
    window.panel.view.setFocus()
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_F):
        QTest.keyClick(window.panel.view, key)      # a fail, its severity not yet chosen: the legend says which
    shots.append(grab(window.panel, out_dir / f"review-severity-{language}.png"))
    help_ = window.menus.help
    shots.append(grab(help_.show_keys(), out_dir / f"help-keys-{language}.png"))
    shots.append(grab(help_.show_about(), out_dir / f"about-{language}.png"))
    shots.append(grab(help_.show_first_steps(), out_dir / f"first-steps-{language}.png"))
    for dialog in (help_.keys_page, help_.about_box, help_.first_steps_page):
        dialog.close()
    window.close()
    return shots


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        print(*shoot_help(language, out_dir), sep="\n")


if __name__ == "__main__":
    main()
