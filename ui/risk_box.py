"""Beside the case: its risk score and band, and one sentence per indicator that fired (the
same words as `risk --explain`), in the interface language."""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ui.case_model import risk_band_label
from workbench import risk


class RiskBox(QGroupBox):
    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Risk"))
        self.language = language
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.text)
        self.hide()

    def show_case(self, db: sqlite_utils.Database, case_id: int | None) -> None:
        """Shown only for a case some indicator fired on."""
        found = risk.risk_of(db, [case_id])[case_id] if case_id is not None else None
        if found is None or not found.indicators:
            self.hide()
            return
        head = self.tr("Score %1, %2 risk").replace("%1", f"{found.score:.2f}").replace(
            "%2", risk_band_label(found.band))
        sentences = [f"• {text}" for _, text in risk.explain_indicators(found.indicators, self.language)]
        self.text.setText("\n".join([head, *sentences]))
        self.show()
