"""Screenshots of the workspace and reviewer parts of the window (issue 19).

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots_workspaces.py [OUT_DIR]

Saves reviewer-dialog-en/zh.png (the question asked once per workspace) and
reviewer-dialog-names-en/zh.png (its list of the names the workspace knows), file-menu-recent-en.png (File > Recent workspaces) and
status-bar-reviewer-zh.png (the window with the reviewer in its status bar).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKSPACE = "2024 评查"


def demo_workspace(folder: Path) -> Path:
    from db.connection import open_database
    from workbench.demo.generate import build_demo
    path = folder / f"{WORKSPACE}.sqlite3"
    db = open_database(path)
    build_demo(db, cases=60, reviewed=0.4, seed=8)
    db.close()
    return path


def shoot_dialog(language: str, path: Path, out_dir: Path) -> list[Path]:
    """The dialog, then with its list of names open (a popup of its own: drawn over it)."""
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    from db.connection import open_database
    from ui.reviewer_dialog import ReviewerDialog
    db = open_database(path)
    dialog = ReviewerDialog(None, db, login="wwang", current="wwang", workspace_name=WORKSPACE, first_time=True)
    dialog.show()
    QApplication.processEvents()
    outs = [out_dir / f"reviewer-dialog-{language}.png", out_dir / f"reviewer-dialog-names-{language}.png"]
    dialog.grab().save(str(outs[0]))
    dialog.names.setMaxVisibleItems(6)
    dialog.names.showPopup()
    QApplication.processEvents()
    popup = dialog.names.view().window()
    corner = dialog.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
    shot = QPixmap(dialog.width(), max(dialog.height(), corner.y() + popup.height() + 8))
    shot.fill()
    painter = QPainter(shot)
    painter.drawPixmap(0, 0, dialog.grab())
    painter.drawPixmap(corner, popup.grab())
    painter.end()
    dialog.names.hidePopup()
    shot.save(str(outs[1]))
    dialog.close()
    db.close()
    return outs


def shoot_window(language: str, path: Path, out_dir: Path) -> list[Path]:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    from ui import workspace_windows
    from ui.main_window import MainWindow
    folder = path.parent
    workspace_windows.set_recent([str(path), str(folder / "2023 评查.sqlite3"), str(folder / "trademarks.sqlite3")])
    (folder / "trademarks.sqlite3").write_bytes(b"")
    window = MainWindow(path, "王伟", language)
    window.resize(1440, 860)
    window.show()
    window.select_first()
    QApplication.processEvents()
    shots = []
    if language == "zh":
        shots.append(out_dir / "status-bar-reviewer-zh.png")
        window.grab().save(str(shots[-1]))
    else:
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.popup(window.mapToGlobal(QPoint(0, 0)))
        window.workspaces.fill_recent()
        recent = window.workspaces.recent_menu
        QApplication.processEvents()
        left, right = file_menu.grab(), recent.grab()
        y = file_menu.actionGeometry(window.workspaces.recent_menu.menuAction()).top()
        canvas = QPixmap(left.width() + right.width(), max(left.height(), y + right.height()))
        canvas.fill()
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, left)
        painter.drawPixmap(left.width(), y, right)
        painter.end()
        shots.append(out_dir / "file-menu-recent-en.png")
        canvas.save(str(shots[-1]))
        file_menu.hide()
    window.close()
    return shots


def shoot_workspaces(out_dir: Path) -> list[Path]:
    """The reviewer dialog, the File menu's recent workspaces and the status bar, in both languages."""
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translations
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="workbench-shots-"))
    os.environ["WORKBENCH_HOME"] = str(folder)
    app = QApplication.instance() or QApplication(sys.argv)
    path = demo_workspace(folder)
    shots: list[Path] = []
    for language in ("en", "zh"):
        install_translations(app, language)
        shots += shoot_dialog(language, path, out_dir) + shoot_window(language, path, out_dir)
    return shots


def main() -> None:
    print(*shoot_workspaces(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"), sep="\n")


if __name__ == "__main__":
    main()
