"""The Dashboard's Disputes panel (issue 15): compliance before and after the manager's decisions with
their 95% intervals, the dispute and overturn rates, open disputes and what is past its response
deadline, and the checklist items most often overturned. Shown only when a finding of the filter's
scope was sent. Every figure comes from `workbench.report.dispute_figures` (the workbook's Disputes
sheet shows the same); this module only words them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.charts import percent
from workbench.report.dispute_figures import DisputeFigures, ItemDisputes
from workbench.stats.intervals import Proportion, StratifiedEstimate
from workbench.stats.weighted import WEIGHTED_ESTIMATOR

TOP_ITEMS = 5


class DisputesPanel(QGroupBox):
    """Figures on the left, the most overturned checklist items on the right."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Disputes"), parent)
        self.language = language
        self.figures: DisputeFigures | None = None
        self.before = QLabel()
        self.after = QLabel()
        self.dispute_rate = QLabel()
        self.overturn_rate = QLabel()
        self.open = QLabel()
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, (caption, label) in enumerate((
                (self.tr("Compliance before disputes"), self.before),
                (self.tr("Compliance after disputes (today)"), self.after),
                (self.tr("Dispute rate"), self.dispute_rate),
                (self.tr("Overturn rate"), self.overturn_rate),
                (self.tr("Open disputes"), self.open))):
            grid.addWidget(QLabel(caption), row, 0, Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        left = QWidget()
        left.setLayout(grid)

        self.items_title = QLabel(self.tr("Checklist items most often overturned"))
        font = self.items_title.font()
        font.setBold(True)
        self.items_title.setFont(font)
        self.items = QGridLayout()
        self.items.setHorizontalSpacing(12)
        self.items_note = QLabel(self.tr("An item whose findings are often overturned is usually badly worded: "
                                         "review its wording first. A reviewer often overturned needs calibration "
                                         "(the Disputes sheet of the workbook lists every item and reviewer)."))
        self.items_note.setWordWrap(True)
        self.items_note.setStyleSheet("color: #595959;")
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items_title)
        column.addLayout(self.items)
        column.addWidget(self.items_note)
        column.addStretch(1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 1)
        layout.addWidget(line)
        layout.addWidget(right, 1)

    # -- showing -------------------------------------------------------------------------------
    def show_figures(self, figures: DisputeFigures) -> None:
        """The figures of the scope; the panel hides itself when nothing of the scope was sent."""
        self.figures = figures
        self.setVisible(figures.any_sent)
        if not figures.any_sent:
            return
        c = figures.totals
        self.before.setText(self._estimate(figures.compliance_before))
        self.after.setText(self._estimate(figures.compliance_after) + "\n" + self.tr(
            "The decisions changed the verdict of %n reviewed case(s).", "", figures.verdicts_changed))
        self.dispute_rate.setText(self.tr("%1 · %2 of %3 findings sent disputed").replace(
            "%1", percent(c.dispute_rate)).replace("%2", str(c.disputed)).replace("%3", str(c.sent)))
        self.overturn_rate.setText(self.tr("%1 · %2 of %3 decided: %4 overturned, %5 severity changed, %6 upheld")
                                   .replace("%1", percent(c.overturn_rate)).replace("%2", str(c.changed))
                                   .replace("%3", str(c.decided)).replace("%4", str(c.overturned))
                                   .replace("%5", str(c.regraded)).replace("%6", str(c.upheld)))
        self.open.setText(self.tr("%1 awaiting a decision, %2 of them past the response deadline · %3 findings "
                                  "unanswered past the deadline · %4 agreed").replace("%1", str(c.open)).replace(
            "%2", str(figures.open_past_deadline)).replace("%3", str(figures.unanswered_past_deadline)).replace(
            "%4", str(c.agreed)))
        overdue = figures.open_past_deadline + figures.unanswered_past_deadline
        self.open.setStyleSheet("color: #C0504D;" if overdue else "")
        self._show_items(figures.most_overturned(TOP_ITEMS))

    def _estimate(self, estimate: Proportion | StratifiedEstimate) -> str:
        if estimate.rate is None:
            return self.tr("no reviewed cases")
        text = self.tr("%1 (95% interval %2–%3)").replace("%1", percent(estimate.rate)).replace(
            "%2", percent(estimate.low)).replace("%3", percent(estimate.high))
        if isinstance(estimate, StratifiedEstimate):
            text += " · " + (self.tr("weighted estimate") if estimate.estimator == WEIGHTED_ESTIMATOR
                             else self.tr("stratified estimate"))
        return text

    def _show_items(self, items: tuple[ItemDisputes, ...]) -> None:
        while self.items.count():
            widget = self.items.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if not items:
            self.items.addWidget(QLabel(self.tr("No finding has been overturned.")), 0, 0)
            return
        for row, item in enumerate(items):
            text = item.text.get(self.language) if item.text is not None else ""
            name = QLabel(item.item_id)
            name.setToolTip(f"{item.checklist.get(self.language)}\n{text}")
            k = item.counts
            figures = QLabel(self.tr("%1 of %2 decided (%3) · %4 of %5 sent disputed").replace(
                "%1", str(k.changed)).replace("%2", str(k.decided)).replace("%3", percent(k.overturn_rate)).replace(
                "%4", str(k.disputed)).replace("%5", str(k.sent)))
            self.items.addWidget(name, row, 0)
            self.items.addWidget(figures, row, 1)
        self.items.setColumnStretch(1, 1)
