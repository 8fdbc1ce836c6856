"""Under the Disputes view's table: the finding in full (what the examiner and the reviewer said,
the checklist item with its guidance and legal reference) and the decision panel.

The detail is rich text built from the finding as it was sent (`findings.sent_finding`), its
frozen checklist item (`findings.ChecklistTexts`) and the decision recorded, if any. The panel
only collects the decision (Uphold / Overturn / Change severity, a severity the item allows, a
reason) and says what came of it; the view writes it through `decisions.decide`. Keys: U, O and
S choose the decision and move to the Reason (S to the severity first), R goes to the Reason,
Ctrl+Enter decides, Esc goes back to the table.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QRadioButton, QTextBrowser, QWidget)

from ui.calibration_model import severity_label
from ui.case_model import value_label
from ui.disputes_model import decision_label, response_label
from ui.round_labels import ERROR_STYLE
from workbench.feedback.decisions import Decision, DisputeRow
from workbench.feedback.findings import Finding
from workbench.review.checklists import Checklist, Item

DECISIONS = ("uphold", "overturn", "severity")


def verdict_text(verdict: str | None) -> str:
    return value_label("verdict", verdict) if verdict else "–"


class FindingDetail(QTextBrowser):
    """The selected finding, read only."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setOpenLinks(False)
        self.setMinimumWidth(360)

    def show_finding(self, row: DisputeRow | None, finding: Finding | None, item: Item | None,
                     checklist: Checklist | None, decided: Decision | None) -> None:
        if row is None or finding is None:
            self.setHtml("<p>%s</p>" % escape(self.tr("Select a finding to see it in full.")))
            return
        lang = self.language
        parts = [self._heading(row, finding)]
        if item is not None:
            parts.append(f"<p><b>{escape(item.id)}</b> {escape(item.text.get(lang))}</p>")
            if item.guidance.get(lang):
                parts.append(self._para(self.tr("Guidance"), item.guidance.get(lang)))
            if item.reference:
                parts.append(self._para(self.tr("Legal reference"), item.reference_in(self.language)))
        else:
            parts.append(f"<p><b>{escape(row.item_id)}</b></p>")
        graded = severity_label(finding.severity) if finding.severity else "–"
        category = checklist.categories.get(finding.category) if checklist and finding.category else None
        if category is not None or finding.category:
            graded += " · " + (category.get(lang) if category else finding.category or "")
        parts.append(self._para(self.tr("Severity and category"), graded))
        parts.append(self._para(self.tr("Reviewer's comment (%1)").replace("%1", finding.reviewer),
                                finding.comment or "–"))
        parts.append(self._response(row))
        if row.decision:
            parts.append(self._decision(row, decided))
        self.setHtml("".join(parts))

    def _heading(self, row: DisputeRow, finding: Finding) -> str:
        text = self.tr("Finding %1 · %2 · case %3 (%4)").replace("%1", str(row.finding_id)).replace(
            "%2", row.examiner).replace("%3", row.application_number).replace(
            "%4", value_label("ip_type", finding.ip_type))
        title = f"<p style='color:#555'>{escape(finding.title)}</p>" if finding.title else ""
        return f"<h3>{escape(text)}</h3>{title}"

    @staticmethod
    def _para(label: str, text: str) -> str:
        body = escape(text).replace("\n", "<br>")
        return f"<p><b>{escape(label)}:</b> {body}</p>"

    def _response(self, row: DisputeRow) -> str:
        if row.response is None:
            text = self.tr("no response yet (respond by %1)").replace("%1", row.deadline or "–")
        else:
            text = response_label(row.response)
            if row.reason:
                text += " — " + row.reason
        return self._para(self.tr("Examiner's response"), text)

    def _decision(self, row: DisputeRow, decided: Decision | None) -> str:
        text = decision_label(row.decision)
        if decided is not None and decided.decision == "severity" and decided.new_severity:
            text += " → " + severity_label(decided.new_severity)
        if row.decision_reason:
            text += " — " + row.decision_reason
        if decided is not None:
            text += "\n" + self.tr("The case's verdict: %1 → %2").replace(
                "%1", verdict_text(decided.verdict_before)).replace("%2", verdict_text(decided.verdict_after))
        return self._para(self.tr("Decision"), text)


class DecisionPanel(QGroupBox):
    decide_requested = Signal()
    back = Signal()                    # Esc in the panel: the keyboard goes back to the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decision"), parent)
        self.choice = QButtonGroup(self)
        labels = (self.tr("&Uphold (U)"), self.tr("&Overturn (O)"), self.tr("Change &severity (S):"))
        tips = (self.tr("The finding stands as sent"),
                self.tr("The finding is withdrawn: the reviewer's answer becomes a pass"),
                self.tr("The finding stands with another severity the item allows"))
        self.buttons: dict[str, QRadioButton] = {}
        for index, (code, label, tip) in enumerate(zip(DECISIONS, labels, tips)):
            button = QRadioButton(label)
            button.setToolTip(tip)
            self.choice.addButton(button, index)
            self.buttons[code] = button
        self.severity = QComboBox()
        self.severity.setMinimumContentsLength(8)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why (required; kept in the audit log)"))
        self.reason.setMinimumHeight(64)
        self.reason.setMaximumHeight(150)
        reason_label = QLabel(self.tr("&Reason (R):"))
        reason_label.setBuddy(self.reason)
        self.decide_button = QPushButton(self.tr("Decide (Ctrl+Enter)"))
        self.decide_button.setAutoDefault(False)
        self.decide_button.clicked.connect(self.decide_requested)
        self.hint = QLabel(self.tr("U uphold · O overturn · S change severity · R reason · Ctrl+Enter decides · "
                                   "Esc back to the list"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice.idToggled.connect(lambda *_: self._update())
        for widget in (self.reason, self.severity, *self.buttons.values()):
            widget.installEventFilter(self)
        self._layout(reason_label)
        self.show_row(None, None, writable=False)

    def _layout(self, reason_label: QLabel) -> None:
        choices = QHBoxLayout()
        for code in DECISIONS:
            choices.addWidget(self.buttons[code])
        choices.addWidget(self.severity)
        choices.addStretch(1)
        grid = QGridLayout(self)
        grid.addLayout(choices, 0, 0, 1, 2)
        grid.addWidget(reason_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.reason, 1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.decide_button)
        grid.addLayout(bottom, 2, 0, 1, 2)
        grid.addWidget(self.status, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)           # what is left of the height stays below

    # -- what is decided ---------------------------------------------------------------------
    def show_row(self, row: DisputeRow | None, item: Item | None, *, writable: bool) -> None:
        """A new finding selected: the choices it allows, nothing chosen, the reason empty; the
        last decision's outcome stays in the status line."""
        self.choice.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.choice.setExclusive(True)
        self.reason.clear()
        self.severity.clear()
        current = row.severity if row is not None else None
        for severity in (item.severities if item is not None else ()):
            if severity != current:           # a change of severity is to another one
                self.severity.addItem(severity_label(severity), severity)
        self.setTitle(self.tr("Decision on finding %1").replace("%1", str(row.finding_id)) if row is not None
                      else self.tr("Decision"))
        open_to_decide = writable and row is not None and not row.decision
        for widget in (*self.buttons.values(), self.reason, self.decide_button):
            widget.setEnabled(open_to_decide)
        can_pass = item is not None and item.option_for_outcome("pass") is not None
        self.buttons["overturn"].setEnabled(open_to_decide and can_pass)
        self.buttons["severity"].setEnabled(open_to_decide and self.severity.count() > 0)
        self._update()

    def _update(self) -> None:
        self.severity.setEnabled(self.buttons["severity"].isChecked() and self.buttons["severity"].isEnabled())

    def decision(self) -> str | None:
        return next((code for code, button in self.buttons.items() if button.isChecked()), None)

    def chosen_severity(self) -> str | None:
        return self.severity.currentData() if self.decision() == "severity" else None

    def reason_text(self) -> str:
        return self.reason.toPlainText()

    def choose(self, code: str) -> bool:
        """U, O or S: the decision chosen, the keyboard on to what it needs next."""
        button = self.buttons[code]
        if not button.isEnabled():
            return False
        button.setChecked(True)
        (self.severity if code == "severity" else self.reason).setFocus()
        return True

    def focus_reason(self) -> bool:
        if not self.reason.isEnabled():
            return False
        self.reason.setFocus()
        return True

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "font-weight: bold;")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
            self.decide_requested.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.back.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is self.severity:
            self.reason.setFocus()           # the severity chosen: on to the reason
            return True
        return super().eventFilter(watched, event)
