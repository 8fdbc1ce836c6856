"""Help > About: the version, where the workspace and the log are, and the bundled libraries
with their licences, read from the installed distributions' metadata where it is there (a
frozen build may not carry it: then the licence known for that library is shown)."""
from __future__ import annotations

import importlib.metadata
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from foundation.paths import log_path
from ui import dialogs
from ui.messages import app_name
from workbench import APP_NAME, __version__

translate = QCoreApplication.translate
SHORT_LICENCE = 60       # a licence field longer than this is a sentence: the known short name is shown


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


#: (shown name, distribution names to look up, the licence known when the metadata says nothing short)
BUNDLED: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("PySide6 / Qt", ("PySide6", "PySide6_Essentials", "pyside6-essentials"), "LGPL-3.0-only"),
    ("shiboken6", ("shiboken6",), "LGPL-3.0-only"),
    ("openpyxl", ("openpyxl",), "MIT"),
    ("sqlite-utils", ("sqlite-utils",), "Apache-2.0"),
    ("python-calamine", ("python-calamine",), "MIT"),
    ("PyInstaller", ("pyinstaller",), "GPL-2.0-or-later WITH Bootloader-exception"),
)


def _from_metadata(names: tuple[str, ...]) -> tuple[str, str] | None:
    """(version, licence) of the first distribution installed; licence '' when the metadata names
    none in a few words (PyInstaller's says "GPLv2-or-later with a special exception which...")."""
    for name in names:
        try:
            meta = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        licence = (meta.get("License-Expression") or meta.get("License") or "").strip()
        return meta.get("Version") or "", licence if len(licence) <= SHORT_LICENCE and "\n" not in licence else ""
    return None


def bundled_libraries() -> list[Library]:
    """The libraries the application ships with, each with its version and licence."""
    found = []
    for shown, names, known in BUNDLED:
        version, licence = _from_metadata(names) or ("", "")
        found.append(Library(shown, version, licence or known))
    found.append(Library("SQLite", sqlite3.sqlite_version, translate("About", "Public domain")))
    found.append(Library("Python", sys.version.split()[0], "PSF-2.0"))
    return found


def version_details(workspace: Path) -> str:
    """What Copy puts on the clipboard: enough for a bug report."""
    lines = [f"{APP_NAME} {__version__}",
             translate("About", "Workspace: %1").replace("%1", str(workspace)),
             translate("About", "Log folder: %1").replace("%1", str(log_path().parent)),
             f"Qt {qVersion()} · {sys.platform}"]
    lines += [f"{lib.name} {lib.version} ({lib.licence})" for lib in bundled_libraries()]
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, workspace: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("About %1").replace("%1", app_name()))
        title = QLabel(f"<h2>{app_name()}</h2>")
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label, value in (("version", self.tr("Version"), __version__),
                                  ("workspace", self.tr("Workspace"), str(workspace)),
                                  ("logs", self.tr("Log folder"), str(log_path().parent))):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.fields[key] = shown
            form.addRow(label, shown)
        self.libraries = QTreeWidget()
        self.libraries.setHeaderLabels([self.tr("Bundled library"), self.tr("Version"), self.tr("Licence")])
        self.libraries.setRootIsDecorated(False)
        self.libraries.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for lib in bundled_libraries():
            self.libraries.addTopLevelItem(QTreeWidgetItem([lib.name, lib.version, lib.licence]))
        self.libraries.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The application is built from these libraries, each under its own "
                                        "licence:")))
        layout.addWidget(self.libraries, 1)
        layout.addWidget(self._buttons())
        self.resize(620, 460)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy version details"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button = QPushButton(self.tr("Open &log folder"))
        self.logs_button.clicked.connect(lambda: dialogs.show_folder(str(log_path().parent)))
        buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        return buttons

    def copy(self) -> str:
        text = version_details(self.workspace)
        QGuiApplication.clipboard().setText(text)
        return text

    def text(self) -> str:
        """Everything the box shows, for tests."""
        rows = [self.libraries.topLevelItem(i) for i in range(self.libraries.topLevelItemCount())]
        return "\n".join([*(f.text() for f in self.fields.values()),
                          *(" ".join(r.text(c) for c in range(3)) for r in rows)])
