"""Workbench errors in the user's language: the English template is the translation source."""
from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication

from foundation.errors import WorkbenchError
from workbench.importing.identifiers import IP_TYPES

CONTEXT = "WorkbenchError"


_CLOSES_CHINESE = "。！？；：）」』"


def gap(sentence: str) -> str:
    """What goes between this sentence and the next: a space in English, nothing after a Chinese
    one (the full stop 。 already separates them)."""
    if not sentence or sentence[-1] in _CLOSES_CHINESE or ord(sentence[-1]) >= 0x2E80:
        return ""
    return " "


def sentences(parts: list[str]) -> str:
    """Sentences run together as the language writes them (see gap)."""
    text = ""
    for part in parts:
        text = text + gap(text) + part if text else part
    return text


def labelled(label: str, value: str) -> str:
    """'Label: value', with the full-width colon in Chinese (评查轮次：2026Q4)."""
    return QCoreApplication.translate("Punctuation", "%1: %2").replace("%1", label).replace("%2", value)


def listed(parts: list[str], *, clauses: bool = False) -> str:
    """Items of a list ('a, b'), or clauses ('a; b'), with Chinese punctuation in Chinese (、 and ；)."""
    separator = (QCoreApplication.translate("Punctuation", "; ") if clauses
                 else QCoreApplication.translate("Punctuation", ", "))
    return separator.join(parts)


def app_name() -> str:
    """The product's name in the window's language (质量评查工作台 in Chinese): window titles, the
    Help menu and About. Files and logs keep workbench.APP_NAME."""
    return QCoreApplication.translate("App", "Quality Review Workbench")


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
