"""The strip above the Calibration view's table: whether the round is blind and what that means
for the user, each reviewer's progress and, once the round is closed, the round's agreement
(percent and Gwet's AC1 with its band) and each reviewer's deviation from the consensus.

Progress comes from `sheet.round_progress` (all anyone may know of a blind round); agreement and
deviations from `calibration_figures`, which the view asks for only after the close.
"""
from __future__ import annotations

from html import escape
from typing import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.calibration_model import ac1_text, interval_text, percent_text
from ui.review_panel import local_time
from workbench.calibration.figures import CalibrationFigures, ReviewerDeviation
from workbench.calibration.sheet import RoundProgress
from workbench.stats.agreement import Agreement

BLIND_STYLE = "background:#eef1f8; border:1px solid #b8c2dc; padding:6px;"
CLOSED_STYLE = "background:#e6f4ea; border:1px solid #9fd3ae; padding:6px;"


class CalibrationSummary(QFrame):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.overall.setTextFormat(Qt.TextFormat.RichText)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(self.grid)
        layout.addWidget(self.overall)
        self.bars: dict[str, QProgressBar] = {}
        self.deviation_labels: dict[str, QLabel] = {}

    def show_round(self, progress: RoundProgress, actor: str, figures: CalibrationFigures | None, *,
                   computing: bool = False) -> None:
        rnd = progress.round
        self.state.setText(self._state_text(progress, actor))
        self.state.setStyleSheet(CLOSED_STYLE if rnd.closed else BLIND_STYLE)
        self._fill_grid(progress, actor)
        deviations = {d.reviewer: d for d in figures.deviations} if figures is not None else {}
        for reviewer, label in self.deviation_labels.items():
            label.setText(self._deviation_text(deviations.get(reviewer)) if rnd.closed else "")
        if not rnd.closed:
            self.overall.setText(self.tr("The agreement between the reviewers and the consensus follow once "
                                     "the round is closed."))
        elif figures is None:
            self.overall.setText(self.tr("Computing the agreement…") if computing else "")
        else:
            self.overall.setText(self._overall_text(figures))

    def _state_text(self, progress: RoundProgress, actor: str) -> str:
        rnd = progress.round
        if rnd.closed:
            return self.tr("Closed on %1 by %2: every answer can be seen. Consensus completed for %3 of %4 cases.") \
                .replace("%1", local_time(rnd.closed_at)).replace("%2", rnd.closed_by or "?") \
                .replace("%3", str(progress.consensus_completed)).replace("%4", str(len(rnd.cases)))
        if actor in rnd.reviewers:
            return self.tr("Blind: you review in this round. You see your own answers; another reviewer's "
                           "answers to a case appear once you have completed your own review of it.")
        return self.tr("Blind: you do not review in this round, so you see only who has finished what until "
                       "the round is closed.")

    def _fill_grid(self, progress: RoundProgress, actor: str) -> None:
        """One row per reviewer: name, progress bar, deviation from the consensus."""
        names = list(progress.reviewers)
        if names != list(self.bars):
            while self.grid.count():
                widget = self.grid.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
            self.bars, self.deviation_labels = {}, {}
            for row, name in enumerate(names):
                label = QLabel(self.tr("%1 (you)").replace("%1", name) if name == actor else name)
                bar = QProgressBar()
                bar.setMaximumWidth(220)
                bar.setMinimumWidth(160)
                bar.setFormat(self.tr("%v of %m cases"))
                deviation = QLabel()
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(bar, row, 1)
                self.grid.addWidget(deviation, row, 2)
                self.bars[name], self.deviation_labels[name] = bar, deviation
        for name, (done, total) in progress.reviewers.items():
            bar = self.bars[name]
            bar.setMaximum(max(total, 1))
            bar.setValue(done)

    def _deviation_text(self, deviation: ReviewerDeviation | None) -> str:
        if deviation is None or deviation.rate is None:
            return self.tr("no consensus to compare with yet")
        text = self.tr("differs from the consensus in %1 of %2 answers").replace(
            "%1", f"{deviation.rate * 100:.1f}%").replace("%2", str(deviation.compared))
        if deviation.verdict_rate is not None:
            text += self.tr(" · verdict differs in %1 of %2 cases").replace(
                "%1", str(deviation.verdicts_differing)).replace("%2", str(deviation.verdicts_compared))
        return text

    def _figure(self, agreement: Mapping[str, Agreement]) -> str:
        percent, ac1 = agreement["percent"], agreement["ac1"]
        return self.tr("agreement %1, AC1 %2").replace("%1", f"<b>{percent_text(percent.value)}</b>") \
            .replace("%2", f"<b>{ac1_text(ac1, self.language)}</b>")

    def _intervals(self, title: str, agreement: Mapping[str, Agreement]) -> str:
        return self.tr("%1: agreement %2; AC1 %3").replace("%1", title).replace(
            "%2", interval_text(agreement["percent"], self.language, as_percent=True)).replace(
            "%3", interval_text(agreement["ac1"], self.language))

    def _overall_text(self, figures: CalibrationFigures) -> str:
        parts = ((self.tr("All answers"), figures.overall), (self.tr("Verdict"), figures.verdict),
                 (self.tr("Severity"), figures.severity))
        self.overall.setToolTip("\n".join(self._intervals(title, values) for title, values in parts))
        return " &nbsp;·&nbsp; ".join(self.tr("%1: %2").replace("%1", escape(title)).replace("%2", self._figure(values))
                                      for title, values in parts)
