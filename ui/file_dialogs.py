"""Every file dialog of the window: each kind of file starts in the folder last used for that kind.

ui/dialogs.py (the seam tests replace) calls these. The folder is kept per kind in the user's
settings (one key each), so an export does not land where the last import came from, nor the
work packages where the feedback letters went.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from foundation.paths import data_dir

IMPORTS = "imports"        # case files, dispute responses
EXPORTS = "exports"        # workbooks, PDF reports, import reports
PACKAGES = "packages"      # work packages: written, opened, merged
FEEDBACK = "feedback"      # feedback letters to examiners
CHECKLISTS = "checklists"  # checklist templates
KINDS = (IMPORTS, EXPORTS, PACKAGES, FEEDBACK, CHECKLISTS)


def settings() -> QSettings:
    """The user's settings file (the one the Dashboard keeps its target in)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def key(kind: str) -> str:
    return f"last_folder/{kind}"


def last_folder(kind: str) -> str:
    """The folder last used for this kind of file, if it still exists; else ""."""
    if not kind:
        return ""
    folder = str(settings().value(key(kind), "") or "")
    return folder if folder and Path(folder).is_dir() else ""


def remember(kind: str, path: str, *, is_folder: bool = False) -> None:
    """Keep the folder of `path` (or `path` itself, a folder) for the next dialog of this kind."""
    if kind and path:
        settings().setValue(key(kind), str(Path(path) if is_folder else Path(path).parent))


def start_path(kind: str, suggested: str = "") -> str:
    """Where a dialog opens: the suggested file name inside the kind's last folder."""
    folder = last_folder(kind)
    if not folder:
        return suggested
    if suggested and Path(suggested).is_absolute():
        return suggested
    return str(Path(folder) / suggested) if suggested else folder


def open_file(parent: QWidget | None, title: str, name_filter: str, kind: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_path(kind), name_filter)
    remember(kind, path)
    return path or None


def save_file(parent: QWidget | None, title: str, name_filter: str, suggested: str = "", kind: str = "") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, start_path(kind, suggested), name_filter)
    remember(kind, path)
    return path or None


def open_files(parent: QWidget | None, title: str, name_filter: str, kind: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_path(kind), name_filter)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def choose_folder(parent: QWidget | None, title: str, start: str = "", kind: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start or last_folder(kind))
    remember(kind, path, is_folder=True)
    return path or None
