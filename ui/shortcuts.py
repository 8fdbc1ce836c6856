"""The window's keys win wherever the keyboard focus is.

A QLineEdit, QPlainTextEdit, QSpinBox or editable QComboBox claims some Ctrl keys for its own
editing through a ShortcutOverride event: under X11's key bindings Ctrl+E is "end of line" in
the search box, so Export did nothing and the file name typed next landed in the search; Ctrl+Z
and Ctrl+Shift+Z are the text's own undo and redo everywhere. This filter sees the override
first: a key that an enabled action of the window holds goes to the action, not the widget.
A key no enabled action holds is left to the widget (Ctrl+Z in the search box undoes typing
while there is no answer to undo).
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowKeysFirst(QObject):
    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = [a for a in actions if a.shortcuts()]
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)     # removed by Qt when the window (our parent) goes

    def action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        return next((a for a in self.actions if a.isEnabled() and pressed in a.shortcuts()), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget) \
                and watched.window() is self.window and isinstance(event, QKeyEvent):
            # Not letting the widget see the override leaves it unaccepted: the shortcut fires.
            return self.action_for(event) is not None
        return False
