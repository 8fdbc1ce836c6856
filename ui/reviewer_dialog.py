"""Who the reviewer is: the small dialog that asks for the name (once per workspace and login,
and again from File > Change reviewer... or the status bar), and the name a window opens with.

The rules (what is remembered, what is refused, what is audited) are workbench.review.reviewer_names;
this module only asks and shows.
"""
from __future__ import annotations

from typing import Sequence

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget)

from ui.messages import error_text
from foundation.errors import WorkbenchError
from workbench.packages.workpackage import package_reviewer
from workbench.review import reviewer_names


class ReviewerDialog(QDialog):
    """The name to review under: typed, or picked from the names the workspace knows."""

    def __init__(self, parent: QWidget | None, db: sqlite_utils.Database, *, login: str, current: str,
                 workspace_name: str, first_time: bool) -> None:
        super().__init__(parent)
        self.db, self.login = db, login
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Who is reviewing?") if first_time else self.tr("Change reviewer"))
        intro = QLabel(self.tr("Reviews, answers and sign-offs in the workspace “%1” are recorded under this name. It is "
                               "asked once for this workspace and can be changed later with File > Change "
                               "reviewer.").replace("%1", workspace_name))
        intro.setWordWrap(True)
        self.names = QComboBox()
        self.names.setEditable(True)
        self.names.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.names.addItems(list(self._suggestions(current)))
        self.names.setEditText(current)
        self.names.lineEdit().selectAll()
        self.names.setMinimumWidth(320)
        self.note = note = QLabel(self.tr("Your computer login, %1, is kept beside the name in the audit log.")
                      .replace("%1", login))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.names.editTextChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reviewer name (type it, or pick a name this workspace knows):")))
        layout.addWidget(self.names)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def _suggestions(self, current: str) -> Sequence[str]:
        known = reviewer_names.known_names(self.db)
        return [current] + [name for name in known if name != current]

    def _edited(self, text: str) -> None:
        self.problem.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def accept(self) -> None:
        """Record the choice (audited); a refused name is explained here and the dialog stays."""
        try:
            self.chosen = reviewer_names.choose(self.db, self.names.currentText(), login=self.login).name
        except WorkbenchError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            self.names.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def run_dialog(dialog: ReviewerDialog) -> bool:
    """Show the dialog and wait (the seam tests replace to answer it)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_reviewer(parent: QWidget | None, db: sqlite_utils.Database, *, login: str, current: str,
                 workspace_name: str, first_time: bool) -> str | None:
    """Ask for the name and record it; the name chosen, or None when cancelled."""
    dialog = ReviewerDialog(parent, db, login=login, current=current, workspace_name=workspace_name,
                            first_time=first_time)
    try:
        return dialog.chosen if run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


def reviewer_for(parent: QWidget | None, db: sqlite_utils.Database, *, login: str, workspace_name: str,
                 read_only: bool) -> str:
    """The name a window on this workspace works under: a work package's reviewer, else the
    name this login chose here, else asked now (a read-only window asks nothing: it writes
    nothing). Cancelled, the login name is used and the question comes again next time."""
    fixed = package_reviewer(db)
    if fixed:
        return fixed
    chosen = reviewer_names.chosen_name(db, login)
    if chosen or read_only:
        return chosen or login
    return ask_reviewer(parent, db, login=login, current=login, workspace_name=workspace_name,
                        first_time=True) or login
