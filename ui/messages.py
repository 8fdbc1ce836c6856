"""Workbench errors in the user's language: the English template is the translation source."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.errors import WorkbenchError

CONTEXT = "WorkbenchError"


def error_text(exc: BaseException) -> str:
    if isinstance(exc, WorkbenchError):
        template = WorkbenchError.templates.get(exc.code)
        if template is not None:
            translated = QCoreApplication.translate(CONTEXT, template)
            try:
                return translated.format(**exc.params)
            except (KeyError, IndexError, ValueError):
                return exc.message()
        return exc.message()
    return str(exc)
