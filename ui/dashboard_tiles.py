"""The Dashboard's headline tiles, in an even grid, each saying in plain words what it counts.

A director reads "Compliant (no error): 1 of 1 reviewed" beside "With minor findings only
(defect): 1 of 1" without having to know that a defect is not an error; the 95% interval comes
after the count, as "likely between". The pendency tile lists every IP type present.
"""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from foundation.words import fill, number
from ui.case_model import value_label
from ui.charts import percent
from workbench.report.figures import Report
from workbench.stats.intervals import Proportion

COLUMNS = 4
ALARM_STYLE = "color: #C0504D;"


class Tile(QFrame):
    """One headline figure: a caption (what is counted), the value, a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None, *, scale: float = 1.9) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Ignored: the grid's equal stretch alone sets the width, so a long figure never widens its column.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setMinimumHeight(110)

    def show_figure(self, value: str, detail: str, *, alarm: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.value.setStyleSheet(ALARM_STYLE if alarm else "")


class TileBoard(QWidget):
    """Eight cells of equal width in two rows: the rates first, then the work; pendency takes two."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compliance = Tile(self.tr("Compliant (no error)"))
        self.defect = Tile(self.tr("With minor findings only (defect)"))
        self.error = Tile(self.tr("With an error (critical or major finding)"))
        self.reviewed = Tile(self.tr("Cases reviewed"))
        self.findings = Tile(self.tr("Findings recorded"))
        self.minutes = Tile(self.tr("Review time per case"))
        self.pendency = Tile(self.tr("Days from filing to decision, by IP type"), scale=1.4)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        cells = ((self.compliance, 1), (self.defect, 1), (self.error, 1), (self.reviewed, 1),
                 (self.findings, 1), (self.minutes, 1), (self.pendency, 2))
        index = 0
        for tile, span in cells:
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS, 1, span)
            index += span
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        for row in range(2):
            grid.setRowStretch(row, 1)

    def share(self, p: Proportion) -> str:
        """'3 of 40 reviewed · likely between 2.6% and 19.9% (95% interval)'."""
        if p.rate is None:
            return self.tr("no reviewed cases")
        return fill(self.tr("%3 of %4 reviewed · likely between %1 and %2 (95% interval)"),
                    percent(p.low), percent(p.high), p.successes, p.n)

    def show_rates(self, report: Report) -> None:
        """Compliance (stratified when the round is), cases reviewed, defect and error rates."""
        rate, low, high = report.compliance
        overall = report.overall
        if report.stratified is not None and rate is not None:
            # A risk-based round weights each case by 1/pi (Hájek); a stratified one by its stratum.
            words = self.tr("Hájek estimate; 95% interval %1–%2 · %3 reviewed") if report.unequal \
                else self.tr("Stratified estimate; 95% interval %1–%2 · %3 reviewed")
            detail = fill(words, percent(low), percent(high), report.reviewed)
            alarm = high is not None and high < report.target
        else:
            detail = self.share(overall.compliance)
            alarm = overall.below_target
        self.compliance.show_figure(percent(rate), detail + "\n" + self.tr("Target %1").replace(
            "%1", percent(report.target, 0)), alarm=alarm)
        self.reviewed.show_figure(
            number(report.reviewed),
            fill(self.tr("of %1 cases · %2 in progress · %3 not reviewed"), report.cases, report.in_progress,
                 report.not_reviewed))
        self.defect.show_figure(percent(report.defect_rate.rate), self.share(report.defect_rate))
        self.error.show_figure(percent(report.error_rate.rate), self.share(report.error_rate))

    def show_work(self, report: Report) -> None:
        """Findings by severity, review time per case, examination pendency of every IP type."""
        overall = report.overall
        severities = {"critical": self.tr("critical"), "major": self.tr("major"), "minor": self.tr("minor"),
                      "advisory": self.tr("advisory")}
        self.findings.show_figure(number(overall.findings_total), " · ".join(
            f"{overall.findings[key]:,} {name}" for key, name in severities.items()))
        if overall.median_minutes is None:
            self.minutes.show_figure("–", self.tr("no review time recorded"))
        else:
            self.minutes.show_figure(
                self.tr("%1 min").replace("%1", f"{overall.median_minutes:.1f}"),
                fill(self.tr("half the cases took less; 9 in 10 took under %1 min · %2 cases timed"),
                     f"{overall.p90_minutes:.1f}", overall.timed))
        shown = [p for p in report.pendency if p.median_days is not None]
        if shown:
            self.pendency.show_figure(
                "   ".join(self.tr("%1 %2 d").replace("%1", value_label("ip_type", p.ip_type))
                           .replace("%2", f"{p.median_days:.0f}").replace(" ", "\u00a0") for p in shown),   # wrap between types
                self.tr("median days; cases: %1").replace("%1", self.tr(", ").join(     # 、 in Chinese
                    f"{value_label('ip_type', p.ip_type)} {p.cases:,}" for p in shown)))
        else:
            self.pendency.show_figure("–", self.tr("no cases with both dates"))
