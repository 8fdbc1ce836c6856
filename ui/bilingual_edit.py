"""An English and a Chinese text side by side (the checklist editor's names, questions and
guidance), and the text of such a pair in the language wanted."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget


def bilingual_text(value: Any, language: str) -> str:
    """The text of {"en": ..., "zh": ...} in `language`, the other language when that is empty."""
    if not isinstance(value, dict):
        return ""
    first, second = ("zh", "en") if language.startswith("zh") else ("en", "zh")
    return str(value.get(first) or value.get(second) or "")


class BilingualEdit(QWidget):
    """An English and a Chinese text, side by side."""

    edited = Signal()

    def __init__(self, multiline: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiline = multiline
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for language, hint in (("en", self.tr("English")), ("zh", self.tr("Chinese"))):
            edit: QLineEdit | QPlainTextEdit
            if multiline:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
                edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                edit.setMaximumHeight(84)
                edit.textChanged.connect(self.edited.emit)
            else:
                edit = QLineEdit()
                edit.textEdited.connect(lambda _t: self.edited.emit())
            edit.setPlaceholderText(hint)
            self.edits[language] = edit
            layout.addWidget(edit)

    def value(self) -> dict[str, str]:
        return {language: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())
                for language, edit in self.edits.items()}

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for language, edit in self.edits.items():
            text = str(value.get(language) or "")
            edit.blockSignals(True)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(text)
            else:
                edit.setText(text)
            edit.blockSignals(False)

