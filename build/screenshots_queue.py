"""Screenshots of the queue and the review panel (issue 19): the main window at its default size
with a review in progress, "My cases" after a round is drawn, the History panel, and the
"Review not complete" dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots.py [OUT_DIR] queue
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from build.screenshots import open_window

REVIEWER = "王伟"


def _workspace(db: Any) -> None:
    """A demo of 300 cases with a round drawn for the window's reviewer and another."""
    from workbench.demo.generate import build_demo
    from workbench.rounds import assignment, population, sampling_plan, store
    build_demo(db, cases=300, reviewed=0.3, seed=19)
    store.create_round(db, name="2024 Q1", actor=REVIEWER, seed=19, filters=population.Filters(),
                       plan=sampling_plan.Plan(size=30),
                       reviewers=[assignment.Reviewer(REVIEWER), assignment.Reviewer("李娜")])


def _window(language: str) -> Any:
    window = open_window(language, _workspace, reviewer=REVIEWER)
    window.resize(1400, 860)       # MainWindow's own default size
    return window


def _answer(window: Any) -> None:
    """A review in progress: three passes, a fail without its severity yet, a comment."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    window.select_first()
    view = window.panel.view
    view.setFocus()
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_Up):
        QTest.keyClick(view, key)
    QTest.keyClick(view, Qt.Key.Key_C)
    window.panel.comment.insertPlainText("检索报告引用了 D1 和 D2" if window.language == "zh" else
                                         "The search report cites D1 and D2")
    QTest.keyClick(window.panel.comment, Qt.Key.Key_Escape)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_P, Qt.Key.Key_F):
        QTest.keyClick(view, key)
    QApplication.processEvents()


def _grab(widget: Any, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    widget.grab().save(str(out))
    return out


def shoot_queue(language: str, out_dir: Path, shots_dir: Path | None = None) -> list[Path]:
    """main-window-LANG.png and (en) my-cases-en.png into out_dir; the History panel and the
    'not complete' dialog into shots_dir (or out_dir)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from ui import dialogs
    shots_dir = shots_dir or out_dir
    window = _window(language)
    saved = []
    if language == "en":
        saved.append(_grab(window, out_dir / "my-cases-en.png"))
    _answer(window)
    saved.append(_grab(window, out_dir / f"main-window-{language}.png"))

    boxes: list[QMessageBox] = []

    def choose(parent: Any, title: str, text: str, choices: Any, **_kw: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        for label in choices:
            box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        box.show()
        boxes.append(box)
    dialogs.choose = choose
    window.panel.complete()
    saved.append(_grab(boxes[-1], shots_dir / f"not-complete-{language}.png"))
    boxes[-1].close()

    window.history_action.trigger()
    window.resizeDocks([window.history_dock], [260], Qt.Orientation.Vertical)
    saved.append(_grab(window, shots_dir / f"history-{language}.png"))
    window.close()
    return saved
