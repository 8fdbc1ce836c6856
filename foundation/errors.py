"""Error values of the domain.

The domain raises errors as a code plus parameters; the CLI prints the English
text from here and the UI translates the same text through Qt (see ui/messages.py).
"""
from __future__ import annotations

from typing import Any

from foundation.words import resolve_template


class WorkbenchError(Exception):
    """Bad input or a refused operation: the user can act on it (CLI exit 2)."""

    #: English message templates, keyed by code. Modules add their own with `register`.
    templates: dict[str, str] = {}

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        template = self.templates.get(self.code)
        if template is None:
            return f"{self.code}: {self.params}" if self.params else self.code
        try:
            return resolve_template(template, self.params).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{template} {self.params}"


def register(templates: dict[str, str]) -> None:
    """Add English message templates for error codes (each module registers its own)."""
    for code, text in templates.items():
        existing = WorkbenchError.templates.get(code)
        if existing is not None and existing != text:
            raise ValueError(f"error code {code!r} registered twice with different text")
        WorkbenchError.templates[code] = text


class Cancelled(Exception):
    """The user cancelled a long operation; nothing was changed."""
