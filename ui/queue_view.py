"""The case queue's table: which columns show first, how wide, and remembering that.

Status and Verdict come right after the application number (a reviewer's first questions of a
row), the Title column takes what the window's width leaves (at least MIN_TITLE), and the other columns are sized
to their contents once, from the first page of rows (never by reading every row of a million
cases). The header's state (order, widths) is kept in the user's settings and restored at start.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from foundation.paths import data_dir
from ui.case_model import COLUMNS, PAGE_SIZE, provisional_label, value_label

#: v2: layouts saved before the coded and number columns were sized to their words were often too
#: narrow for them ("202110…") without the user asking; those are laid out afresh once.
SETTINGS_KEY = "queue/header/v2"
#: The order the columns are shown in at first (keys of ui.case_model.COLUMNS).
FIRST_ORDER = ("application_number", "status", "verdict", "title", "ip_type", "risk", "examiner", "department",
               "decision_date")
TITLE = [key for key, _ in COLUMNS].index("title")
MAX_WIDTH = 180                 # a long department or examiner name does not push Title away
MIN_TITLE = 180                 # Title never narrower than this: the columns after it scroll instead
#: Columns showing a code in words: wide enough for every word it can show, whatever the first page
#: holds (an empty workspace's first layout has no rows at all).
CODED = {"status": ("not_reviewed", "open", "in_progress", "completed", "signed_off"),
         "verdict": ("error", "defect", "compliant"),
         "ip_type": ("invention", "utility_model", "design", "trademark")}


def settings() -> QSettings:
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class QueueHeader(QObject):
    """Sets up the queue table's header and keeps its state in the settings. Title takes the
    width the columns before it leave (as a stretching column would) but never less than
    MIN_TITLE, until the user sizes it by hand."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._fitting = False
        self.title_sized_by_hand = False
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
        self.header.sectionResized.connect(self._resized)
        self.header.sectionMoved.connect(lambda *_: self._save_timer.start())
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.fit_title()
        return False

    def fit_title(self) -> None:
        """Title as wide as the viewport leaves after the columns shown before it."""
        if self.title_sized_by_hand:
            return
        before = sum(self.header.sectionSize(self.header.logicalIndex(v))
                     for v in range(self.header.visualIndex(TITLE)) if not self.header.isSectionHidden(
                         self.header.logicalIndex(v)))
        width = max(MIN_TITLE, self.table.viewport().width() - before)
        self._fitting = True
        self.header.resizeSection(TITLE, width)
        self._fitting = False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section == TITLE and not self._fitting:
            self.title_sized_by_hand = True
        elif section != TITLE:
            self.fit_title()
        self._save_timer.start()

    def lay_out(self) -> None:
        """The first layout: the order above, columns to their contents, Title stretching."""
        keys = [key for key, _ in COLUMNS]
        for visual, key in enumerate(FIRST_ORDER):
            self.header.moveSection(self.header.visualIndex(keys.index(key)), visual)
        for column in range(len(COLUMNS)):
            self.header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if column != TITLE:
                self.table.resizeColumnToContents(column)
                self.table.setColumnWidth(column, min(MAX_WIDTH, max(48, self.table.columnWidth(column),
                                                                     self._widest_word(keys[column]))))
        self.fit_title()

    def _widest_word(self, key: str) -> int:
        """The width of the longest word a coded column can show (or of an application number),
        with the cell's margins."""
        metrics = self.table.fontMetrics()
        if key == "application_number":      # the longest stored form (a Chinese header is short)
            return metrics.horizontalAdvance("202400000000.0") + 16
        words = [value_label(key, code) for code in CODED.get(key, ())]
        if key == "verdict":
            words += [provisional_label(code) for code in CODED[key]]
        return max((metrics.horizontalAdvance(w) for w in words), default=0) + 16

    def restore(self) -> bool:
        state = settings().value(SETTINGS_KEY)
        if not isinstance(state, (QByteArray, bytes)) or not self.header.restoreState(QByteArray(state)):
            return False
        if self.header.count() != len(COLUMNS):      # a version with other columns: start afresh
            return False
        self.title_sized_by_hand = True              # the widths the user left, Title's too
        return True

    def save(self) -> None:
        self._save_timer.stop()
        store = settings()
        store.setValue(SETTINGS_KEY, self.header.saveState())
        store.sync()
