"""Workbench errors in the user's language: the English template is the translation source."""
from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication

from foundation.errors import WorkbenchError
from workbench.importing.identifiers import IP_TYPES

CONTEXT = "WorkbenchError"


def _localised(value: Any) -> Any:
    """IP type names inside a translated message follow the message's language; counts get separators."""
    if not isinstance(value, str):
        return value
    key = value.replace(" ", "_")
    key = next((key[len(a):] for a in ("a_", "an_") if key.startswith(a) and key[len(a):] in IP_TYPES), key)
    if key in IP_TYPES:               # "utility model", or "a utility model" where English needs the article
        from ui.case_model import value_label
        return value_label("ip_type", key)
    return value


def localised_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """A translated message's parameters in the user's language (IP types by their names)."""
    return {k: _localised(v) for k, v in (params or {}).items()}


def error_text(exc: BaseException) -> str:
    if isinstance(exc, WorkbenchError):
        template = WorkbenchError.templates.get(exc.code)
        if template is not None:
            translated = QCoreApplication.translate(CONTEXT, template)
            if translated == template:
                return exc.message()      # English: its plurals resolved by the counts
            try:
                return translated.format(**localised_params(exc.params))
            except (KeyError, IndexError, ValueError):
                return exc.message()
        return exc.message()
    return str(exc)
