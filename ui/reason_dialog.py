"""The dialog that asks for a reason (reopening a signed-off review, taking over, reassigning):
OK stays disabled until something is typed, so an empty reason is never an error afterwards."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.edit.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.resize(420, 220)
        self._typed()

    def _typed(self) -> None:
        self.ok.setEnabled(bool(self.text()))

    def text(self) -> str:
        return self.edit.toPlainText().strip()


def ask_reason(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    dialog = ReasonDialog(parent, title, label, text)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text() else None
