"""Failures shown to the user: a WorkbenchError in its own words, anything else as a friendly
sentence with the traceback in the log file. Low in ui/ so every window and dialog can use it."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import dialogs
from ui.messages import error_text
from foundation.errors import WorkbenchError
from foundation.paths import log_path

log = logging.getLogger("workbench.ui")


def report_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    """A friendly sentence for the user, the full traceback for the log file."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    dialogs.error(parent, QCoreApplication.translate("App", "Unexpected error"),
                  QCoreApplication.translate("App", "Something went wrong and the last action may not have "
                                                    "finished. Your saved answers are safe.\n\nDetails were "
                                                    "written to the log file:\n%1").replace("%1", str(log_path())))


def show_failure(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """A background task failed: its error under `title`, or the unexpected-error note."""
    if isinstance(exc, WorkbenchError):
        dialogs.error(parent, title, error_text(exc))
    else:
        report_unexpected(parent, exc)
