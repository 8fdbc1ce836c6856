"""Counts in the window's sentences: Qt's tr(text, "", n) messages read "1 finding" / "2 findings"
in English (the sources write "finding(s)"), and the count shows with thousands separators in both
languages, as the workbook and the CLI write it (foundation.words.number)."""
from __future__ import annotations

from PySide6.QtCore import QTranslator

from foundation.words import number, resolve


class CountingTranslator(QTranslator):
    """Installed last, so Qt asks it first: it takes the translation from `inner` (None in English),
    resolves the English "(s)" by n and puts n in with its separators, so Qt finds no %n left."""

    def __init__(self, inner: QTranslator | None = None, parent: object = None) -> None:
        super().__init__(parent)
        self.inner = inner

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        # None, not "": Qt takes an empty string as the translation and a null one as "ask the next".
        text = self.inner.translate(context, source, disambiguation, n) if self.inner is not None else ""
        if n < 0 or "%n" not in (text or source):
            return text or None
        text = text or resolve(source, n)
        return text.replace("%Ln", number(n)).replace("%n", number(n))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False
