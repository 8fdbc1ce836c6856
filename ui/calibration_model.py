"""The Calibration view's table: one row per checklist item, one column per reviewer, then the
consensus and the item's agreement over the whole round.

It shows a `workbench.calibration.sheet.CaseSheet`, which holds only what the user may see: a
hidden reviewer's cells say so and hold nothing else. The round's agreement per item comes from
`calibration_figures` (None while the round is blind). Words for answers, severities and
agreement bands are here (translation context "Calibration"), for the view and its summary too.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.calibration.figures import CalibrationFigures, ItemAgreement
from workbench.calibration.sheet import ANSWER_DIFFERS, SEVERITY_DIFFERS, CaseSheet, ReviewerColumn
from workbench.review.checklists import Checklist, Item
from workbench.review.reviews import Answer
from workbench.stats.agreement import BAND_LABELS, REASON_LABELS, Agreement, band

DIFFERENCE_BACKGROUNDS = {ANSWER_DIFFERS: QColor("#fbdcb0"), SEVERITY_DIFFERS: QColor("#fff3c4")}
OUTCOME_COLOURS = {"pass": QColor("#1b7a3a"), "fail": QColor("#b3261e"), "na": QColor("#6b6b6b")}
HIDDEN_COLOUR = QColor("#7a7a7a")
ITEM_ROLE = Qt.ItemDataRole.UserRole


def severity_label(severity: str | None) -> str:
    labels = {"critical": QCoreApplication.translate("Calibration", "Critical"),
              "major": QCoreApplication.translate("Calibration", "Major"),
              "minor": QCoreApplication.translate("Calibration", "Minor"),
              "advisory": QCoreApplication.translate("Calibration", "Advisory")}
    return labels.get(severity or "", severity or "")


def answer_label(item: Item, answer: Answer, language: str) -> str:
    """'Fail · Major': the option's label, and the severity of a fail."""
    option = item.option(answer.answer)
    text = option.label.get(language) if option else answer.answer
    if answer.outcome == "fail" and answer.severity:
        text += " · " + severity_label(answer.severity)
    return text


def answer_details(item: Item, answer: Answer, checklist: Checklist, language: str) -> str:
    """The answer with its category and comment, for a tooltip."""
    lines = [answer_label(item, answer, language)]
    if answer.category:
        category = checklist.categories.get(answer.category)
        name = category.get(language) if category else answer.category
        lines.append(QCoreApplication.translate("Calibration", "Category: %1").replace("%1", name))
    if answer.comment:
        lines.append(QCoreApplication.translate("Calibration", "Comment: %1").replace("%1", answer.comment))
    return "\n".join(lines)


def band_label(value: float | None, language: str) -> str:
    en, zh = BAND_LABELS[band(value)]
    return zh if language.startswith("zh") else en


def reason_label(reason: str, language: str) -> str:
    en, zh = REASON_LABELS.get(reason, (reason, reason))
    return zh if language.startswith("zh") else en


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def ac1_text(agreement: Agreement, language: str) -> str:
    if agreement.value is None:
        return "–"
    return f"{agreement.value:.2f} · {band_label(agreement.value, language)}"


def interval_text(agreement: Agreement, language: str, *, as_percent: bool = False) -> str:
    """'95% interval 0.21–0.68 over 12 cases', or why the value cannot be computed."""
    if agreement.value is None:
        return reason_label(agreement.reason, language)
    if agreement.low is None or agreement.high is None:
        return QCoreApplication.translate("Calibration", "No interval (too few cases)")
    low, high = ((percent_text(agreement.low), percent_text(agreement.high)) if as_percent
                 else (f"{agreement.low:.2f}", f"{agreement.high:.2f}"))
    units = agreement.units
    text = QCoreApplication.translate("Calibration", "95% interval %1–%2 over %n case(s)", "", units)
    return text.replace("%1", low).replace("%2", high)


def status_word(column: ReviewerColumn) -> str:
    """Finished or not; whether a hidden review was started is not the user's to know."""
    if column.finished:
        return QCoreApplication.translate("Calibration", "finished")
    if column.hidden:
        return QCoreApplication.translate("Calibration", "not finished")
    if column.status == "in_progress":
        return QCoreApplication.translate("Calibration", "in progress")
    return QCoreApplication.translate("Calibration", "not started")


class CalibrationTableModel(QAbstractTableModel):
    """Items by reviewers for one case of a calibration round."""

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.sheet: CaseSheet | None = None
        self.agreement: dict[tuple[int, str], ItemAgreement] = {}

    def show(self, sheet: CaseSheet | None, figures: CalibrationFigures | None) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.set_figures(figures, reset=False)
        self.endResetModel()

    def set_figures(self, figures: CalibrationFigures | None, *, reset: bool = True) -> None:
        """The round's agreement per item (after the close); kept apart from the case, which changes more often."""
        self.agreement = {(i.ref.checklist_id, i.ref.item.id): i for i in figures.items} if figures else {}
        if reset and self.sheet is not None and self.rowCount():
            first = self.consensus_column + 1
            self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, first + 1))

    # -- columns ---------------------------------------------------------------------------
    @property
    def reviewers(self) -> int:
        return len(self.sheet.columns) if self.sheet else 0

    @property
    def consensus_column(self) -> int:
        return 1 + self.reviewers

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.sheet is None else self.reviewers + 4

    def item_id(self, row: int) -> str | None:
        if self.sheet is None or not 0 <= row < len(self.sheet.rows):
            return None
        return self.sheet.rows[row].item.id

    def row_of(self, item_id: str) -> int | None:
        if self.sheet is None:
            return None
        return next((n for n, r in enumerate(self.sheet.rows) if r.item.id == item_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.sheet is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        if role == Qt.ItemDataRole.ToolTipRole and 1 <= section <= self.reviewers:
            column = self.sheet.columns[section - 1]
            return self.tr("%1: %2 this case").replace("%1", column.reviewer).replace("%2", status_word(column))
        if role == Qt.ItemDataRole.ToolTipRole and section > self.consensus_column:
            return self.tr("Agreement between the reviewers on this item over every case of the round "
                      "(shown once the round is closed)")
        return None

    def _header(self, section: int) -> str:
        assert self.sheet is not None
        if section == 0:
            return self.tr("Checklist item")
        if section <= self.reviewers:
            column = self.sheet.columns[section - 1]
            name = self.tr("%1 (you)").replace("%1", column.reviewer) if column.reviewer == self.sheet.actor \
                else column.reviewer
            return f"{name}\n{status_word(column)}"
        if section == self.consensus_column:
            return self.tr("Consensus")
        return self.tr("Agreement\n(round)") if section == self.consensus_column + 1 else self.tr("AC1\n(round)")

    # -- cells -----------------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.sheet is None or not 0 <= index.row() < len(self.sheet.rows):
            return None
        row = self.sheet.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = DIFFERENCE_BACKGROUNDS.get(row.difference)
            return QBrush(colour) if colour is not None else None
        if role == ITEM_ROLE:
            return row.item.id
        if column == 0:
            return self._item_cell(row, role)
        if column <= self.reviewers:
            return self._reviewer_cell(self.sheet.columns[column - 1], row.item, role)
        if column == self.consensus_column:
            if role == Qt.ItemDataRole.FontRole:
                bold = QFont()
                bold.setBold(True)
                return bold
            return self._answer_cell(row.item, row.consensus, role)
        return self._agreement_cell(row.item, column - self.consensus_column - 1, role)

    def _item_cell(self, row: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.number}  {row.item.text.get(self.language)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [row.item.text.get(self.language), row.item.guidance.get(self.language)]
            if row.difference == ANSWER_DIFFERS:
                tip.append(self.tr("The reviewers' answers differ."))
            elif row.difference == SEVERITY_DIFFERS:
                tip.append(self.tr("The reviewers agree on the answer but not on its severity."))
            return "\n\n".join(t for t in tip if t)
        return None

    def _reviewer_cell(self, column: ReviewerColumn, item: Item, role: int) -> Any:
        assert self.sheet is not None
        if not column.hidden:
            if column.finished and item.id not in column.answers:
                return self._answer_cell(item, None, role, not_shown=True)
            return self._answer_cell(item, column.answers.get(item.id), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("hidden")
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.sheet.participant:
                return self.tr("Hidden until you complete your own review of this case.")
            return self.tr("Hidden until the round is closed.")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HIDDEN_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _answer_cell(self, item: Item, answer: Answer | None, role: int, *, not_shown: bool = False) -> Any:
        assert self.sheet is not None
        if answer is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("n/a (not shown)") if not_shown else "–"
            if role == Qt.ItemDataRole.ToolTipRole and not_shown:
                return self.tr("The item did not apply after this reviewer's earlier answers; it counts as n/a.")
            if role == Qt.ItemDataRole.ForegroundRole and not_shown:
                return QBrush(OUTCOME_COLOURS["na"])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = answer_label(item, answer, self.language)
            return text + " ✎" if answer.comment else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return answer_details(item, answer, self.sheet.checklist, self.language)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = OUTCOME_COLOURS.get(answer.outcome)
            return QBrush(colour) if colour is not None else None
        return None

    def _agreement_cell(self, item: Item, which: int, role: int) -> Any:
        assert self.sheet is not None
        found = self.agreement.get((self.sheet.round.checklists[self.sheet.case.ip_type], item.id))
        if found is None:
            return "–" if role == Qt.ItemDataRole.DisplayRole else None
        figure = found.figures["percent" if which == 0 else "ac1"]
        if role == Qt.ItemDataRole.DisplayRole:
            return percent_text(figure.value) if which == 0 else ac1_text(figure, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [interval_text(figure, self.language, as_percent=which == 0),
                     self.tr("%1 of %2 cases answered differently").replace("%1", str(found.disagreements))
                     .replace("%2", str(found.cases))]
            if which == 1:
                lines.append(self.tr("Gwet's AC1 is shown beside the percent agreement: kappa falls when nearly "
                                "every answer is a pass even though the reviewers agree."))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
