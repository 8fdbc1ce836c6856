"""The two lines under the checklist that say what severities 1-4 mean before a key is pressed.

Names from the glossary (resources/glossary.json), meanings and verdicts from
workbench.review.severities; the full sentence of each is its tooltip. A fixed grid, two
severities a line: the text never changes while answering, so the panes do not move, and a
line never breaks inside a severity's words.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from workbench.report.glossary import labels
from workbench.review.severities import MEANINGS


class SeverityLegend(QFrame):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("severity-legend")
        names, verdicts = labels("severity"), labels("verdict")
        zh = language.startswith("zh")
        colon, opening, closing = ("：", "（", "）") if zh else (": ", " (", ")")     # full-width in Chinese
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(1)
        title = QLabel(self.tr("Severity"))
        title.setStyleSheet("color:#555;")
        grid.addWidget(title, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.entries: list[QLabel] = []
        for index, m in enumerate(MEANINGS):
            verdict = verdicts[m.verdict].get(language) if m.verdict else ""
            effect = f"{opening}{verdict if zh else verdict.lower()}{closing}" if verdict else ""
            entry = QLabel(f"<b>{m.key}</b>&nbsp;{html.escape(names[m.code].get(language))}{colon}"
                           f"{html.escape(m.short.get(language) + effect)}")
            entry.setTextFormat(Qt.TextFormat.RichText)
            entry.setToolTip(f"<b>{m.key} {html.escape(names[m.code].get(language))}</b>{colon}"
                             f"{html.escape(m.meaning.get(language))}")
            self.entries.append(entry)
            grid.addWidget(entry, index // 2, 1 + index % 2)
        grid.setColumnStretch(3, 1)
        self.setStyleSheet("QFrame#severity-legend { background:#f6f6f4; border:1px solid #e0e0dc; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return " · ".join(entry.text() for entry in self.entries)

    def tool_tips(self) -> str:
        return "\n".join(entry.toolTip() for entry in self.entries)
