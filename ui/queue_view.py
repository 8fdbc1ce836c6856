"""The case queue's table: which columns show first, how wide, and remembering that.

Status and Verdict come right after the application number (a reviewer's first questions of a
row), the Title column takes what the window's width leaves, and the other columns are sized
to their contents once, from the first page of rows (never by reading every row of a million
cases). The header's state (order, widths) is kept in the user's settings and restored at start.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from foundation.paths import data_dir
from ui.case_model import COLUMNS, PAGE_SIZE

SETTINGS_KEY = "queue/header"
#: The order the columns are shown in at first (keys of ui.case_model.COLUMNS).
FIRST_ORDER = ("application_number", "status", "verdict", "title", "ip_type", "risk", "examiner", "department",
               "decision_date")
TITLE = [key for key, _ in COLUMNS].index("title")
MAX_WIDTH = 180                 # a long department or examiner name does not push Title away


def settings() -> QSettings:
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class QueueHeader:
    """Sets up the queue table's header and keeps its state in the settings."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.header = table.horizontalHeader()
        self.header.setStretchLastSection(False)
        self.header.setSectionsMovable(True)
        self.header.setResizeContentsPrecision(PAGE_SIZE)      # the first page, no more
        self._save_timer = QTimer(table)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save)
        if not self.restore():
            self.lay_out()
        self.header.sectionResized.connect(lambda *_: self._save_timer.start())
        self.header.sectionMoved.connect(lambda *_: self._save_timer.start())

    def lay_out(self) -> None:
        """The first layout: the order above, columns to their contents, Title stretching."""
        keys = [key for key, _ in COLUMNS]
        for visual, key in enumerate(FIRST_ORDER):
            self.header.moveSection(self.header.visualIndex(keys.index(key)), visual)
        for column in range(len(COLUMNS)):
            if column == TITLE:
                continue
            self.header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(MAX_WIDTH, max(48, self.table.columnWidth(column))))
        self.header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)

    def restore(self) -> bool:
        state = settings().value(SETTINGS_KEY)
        if not isinstance(state, (QByteArray, bytes)) or not self.header.restoreState(QByteArray(state)):
            return False
        if self.header.count() != len(COLUMNS):      # a version with other columns: start afresh
            return False
        return True

    def save(self) -> None:
        self._save_timer.stop()
        store = settings()
        store.setValue(SETTINGS_KEY, self.header.saveState())
        store.sync()
