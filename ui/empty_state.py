"""The Review tab of a workspace without cases: what to do next, as buttons, in place of an
empty queue and an empty panel.

The buttons trigger the window's own actions (File > Import cases..., Load demo cases...,
Open package...), so they do exactly what the menus do and are disabled when the menus are
(a read-only window, a work package). The page goes as soon as cases exist and comes back
when the last import is removed: it follows the window's one change signal (ui/changes.py).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (QGridLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
                               QWidget)

from ui import dialogs
from ui.changes import Changes

translate = QCoreApplication.translate


def has_cases(db: Any) -> bool:
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0])


def load_demo_cases(window: Any) -> Any:
    """File > Load demo cases...: the demo offer's own import (window.load_demo, on a worker with
    progress); into a workspace that already has cases only when the user says so."""
    if has_cases(window.db) and not dialogs.confirm(
            window, translate("EmptyState", "Load demo cases"),
            translate("EmptyState", "This workspace already has cases. Add the 300 demo cases to them?")):
        return None
    return window.load_demo()


class EmptyState(QObject):
    """A stack of the review area and the empty page; shows the page while there is no case."""

    def __init__(self, window: Any, review_area: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.review_area = review_area
        self.page = self._build_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(review_area)
        self.stack.addWidget(self.page)
        window.data_changed.connect(self._on_changed)
        self.refresh()

    def _build_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("empty-state")
        title = QLabel(self.tr("This workspace has no cases yet"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("Reviews start from a list of examination cases. Choose how to begin:"))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for row, (key, label, text) in enumerate((
                ("import", self.tr("Import cases..."),
                 self.tr("A case list exported from the examination system: CSV, Excel or XML.")),
                ("demo", self.tr("Load demo cases"),
                 self.tr("300 made-up examination cases, to try the review, the rounds and the Dashboard.")),
                ("package", self.tr("Open a work package..."),
                 self.tr("A sample of cases a quality manager prepared for you (a .qrpkg file).")))):
            button = QPushButton(label)
            button.setMinimumSize(220, 34)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.buttons[key] = button
            note = QLabel(text)      # one line each: a wrapped label in a centred grid gets clipped
            note.setStyleSheet("color:#555;")
            grid.addWidget(button, row, 0)
            grid.addWidget(note, row, 1)
        self.path_note = QLabel(self.tr("Workspace: %1").replace("%1", str(self.window.db_path)))
        self.path_note.setStyleSheet("color:#777;")
        self.path_note.setWordWrap(True)
        self.path_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_note = QLabel(self.tr("Help > First steps walks through the first ten minutes; F1 lists every key."))
        help_note.setStyleSheet("color:#555;")
        column = QVBoxLayout()
        for widget in (title, intro):
            column.addWidget(widget)
        column.addSpacing(12)
        column.addLayout(grid)
        column.addSpacing(18)
        column.addWidget(help_note)
        column.addWidget(self.path_note)
        box = QWidget()
        box.setLayout(column)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        return page

    def bind(self, import_action: QAction, demo_action: QAction, package_action: QAction) -> None:
        """The buttons run the menus' actions and follow their enabled state."""
        for key, action in (("import", import_action), ("demo", demo_action), ("package", package_action)):
            button = self.buttons[key]
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))

    @property
    def shown(self) -> bool:
        return self.stack.currentWidget() is self.page

    def refresh(self) -> None:
        self.stack.setCurrentWidget(self.review_area if has_cases(self.window.db) else self.page)

    def _on_changed(self, changes: Changes) -> None:
        if changes.cases:
            self.refresh()
