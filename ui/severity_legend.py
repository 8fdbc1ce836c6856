"""The line under the checklist that says what severities 1-4 mean before a key is pressed.

Names from the glossary (resources/glossary.json), meanings and verdicts from
workbench.review.severities; the full sentence of each is its tooltip. The text never changes
while answering, so the line keeps one height and the panes above and below do not move.
"""
from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from workbench.report.glossary import labels
from workbench.review.severities import MEANINGS


class SeverityLegend(QLabel):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("severity-legend")
        names, verdicts = labels("severity"), labels("verdict")
        zh = language.startswith("zh")
        colon, opening, closing = ("：", "（", "）") if zh else (": ", " (", ")")     # full-width in Chinese
        parts = []
        for m in MEANINGS:
            effect = f"{opening}{verdicts[m.verdict].get(language)}{closing}" if m.verdict else ""
            parts.append(f"<b>{m.key}</b>&nbsp;{html.escape(names[m.code].get(language))}{colon}"
                         f"{html.escape(m.short.get(language) + effect)}")
        self.setText(f"<span style='color:#444'>{html.escape(self.tr('Severity'))}</span>&nbsp;&nbsp;"
                     + " &nbsp;·&nbsp; ".join(parts))
        self.setToolTip("<br>".join(f"<b>{m.key} {html.escape(names[m.code].get(language))}</b>{colon}"
                                    f"{html.escape(m.meaning.get(language))}" for m in MEANINGS))
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#severity-legend { color:#333; background:#f6f6f4; border:1px solid #e0e0dc;"
                           " padding:3px 6px; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
