"""Every question to the user goes through here, so tests can replace it (no modal exec() in tests)."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from ui import file_dialogs


def open_file(parent: QWidget | None, title: str, name_filter: str, kind: str = "") -> str | None:
    """A file to read; `kind` (ui/file_dialogs.IMPORTS...) starts in the folder last used for it."""
    return file_dialogs.open_file(parent, title, name_filter, kind)


def save_file(parent: QWidget | None, title: str, name_filter: str, suggested: str = "", kind: str = "") -> str | None:
    return file_dialogs.save_file(parent, title, name_filter, suggested, kind)


def open_files(parent: QWidget | None, title: str, name_filter: str, kind: str = "") -> list[str]:
    return file_dialogs.open_files(parent, title, name_filter, kind)


def choose_folder(parent: QWidget | None, title: str, start: str = "", kind: str = "") -> str | None:
    return file_dialogs.choose_folder(parent, title, start, kind)


def confirm_export(parent: QWidget | None, choices: Any, rounds: Sequence[str], sheets: Callable[[str, Any], list[str]]) -> Any:
    """What File > Export workbook will write (editable): ui/export_dialogs.ExportChoices, or None."""
    from ui.export_dialogs import ask_export_choices
    return ask_export_choices(parent, choices, rounds, sheets)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def choose_item(parent: QWidget | None, title: str, label: str, items: Sequence[str]) -> str | None:
    """One of `items`, or a name typed in; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog
    value, ok = QInputDialog.getItem(parent, title, label, list(items), 0, True)
    return value.strip() if ok and value.strip() else None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A few lines of text from the user (a reason, a note); None when cancelled. OK is
    disabled until something is typed (ui/reason_dialog.py)."""
    from ui.reason_dialog import ask_reason
    return ask_reason(parent, title, label, text)


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Yes or No. No is the default button (Enter, or a key typed on from the work before the
    box appeared, never says yes to what it did not read) unless `default_yes`."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == yes


def choose(parent: QWidget | None, title: str, text: str, choices: Sequence[str], *, default: int = 0,
           escape: int | None = None) -> int | None:
    """One button per choice; returns the index of the one pressed (Escape presses `escape`),
    or None when the box was closed without a choice."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in choices]
    box.setDefaultButton(buttons[default])
    if escape is not None:
        box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def show_folder(path: str) -> bool:
    """Open a folder in the system's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))
