"""Merging work packages in the window: the preview of what will change, and the conflicts
shown side by side per item for the manager to choose.

The preview is a dry run of workbench.packages.merge.merge_packages (it merges and rolls back), so what
it shows is exactly what Merge will do; the choices made here go to the real merge as
Resolutions. No business rule lives here.
"""
from __future__ import annotations

from typing import Any, Mapping

import sqlite_utils
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from foundation.words import fill
from ui.case_model import value_label
from ui.messages import error_text
from workbench.review import checklist_store
from workbench.review import checklists
from workbench.packages.merge import FileResult, MergeReport, ReviewChange
from workbench.packages.merge_plan import REVIEW_PART, PartChange, Resolutions

CHOSEN = QBrush(QColor("#dff0d8"))
LEFT_OUT = QBrush(QColor("#9e9e9e"))

Key = tuple[str, str, str]     # (package id, review uid, part)


def outcome_label(outcome: str) -> str:
    return {"pass": QCoreApplication.translate("Merge", "Pass"), "fail": QCoreApplication.translate("Merge", "Fail"), "na": QCoreApplication.translate("Merge", "N/A")}.get(outcome, outcome)


def severity_label(severity: str) -> str:
    return {"critical": QCoreApplication.translate("Merge", "Critical"), "major": QCoreApplication.translate("Merge", "Major"), "minor": QCoreApplication.translate("Merge", "Minor"),
            "advisory": QCoreApplication.translate("Merge", "Advisory")}.get(severity, severity)


class ItemTexts:
    """Item and category names of the checklist a review uses here, in the user's language."""

    def __init__(self, db: sqlite_utils.Database, language: str) -> None:
        self.db, self.language = db, language
        self._checklists: dict[int, checklists.Checklist | None] = {}

    def checklist(self, review_id: int | None) -> checklists.Checklist | None:
        if review_id is None:
            return None
        if review_id not in self._checklists:
            row = self.db.execute("SELECT checklist_id FROM reviews WHERE id = ?", [review_id]).fetchone()
            self._checklists[review_id] = checklist_store.load_stored(self.db, row[0]) if row else None
        return self._checklists[review_id]

    def item(self, review_id: int | None, item_id: str) -> str:
        if item_id == REVIEW_PART:
            return QCoreApplication.translate("Merge", "The review (status, reviewer, sign-off)")
        checklist = self.checklist(review_id)
        try:
            return f"{item_id} · {checklist.item(item_id).text.get(self.language)}" if checklist else item_id
        except KeyError:
            return item_id

    def value(self, review_id: int | None, part: str, value: Mapping[str, Any] | None) -> str:
        if value is None:
            return QCoreApplication.translate("Merge", "(not answered)") if part != REVIEW_PART else QCoreApplication.translate("Merge", "(no review)")
        if part == REVIEW_PART:
            text = value_label("status", value.get("status"))
            if value.get("reviewer"):
                text += " · " + value["reviewer"]
            if value.get("signed_off_by"):
                text += " · " + QCoreApplication.translate("Merge", "signed off by %1").replace("%1", value["signed_off_by"])
            return text
        bits = [outcome_label(value.get("outcome", ""))]
        if value.get("answer") not in ("pass", "fail", "na", None):
            bits[0] += f" ({value['answer']})"
        if value.get("severity"):
            bits.append(severity_label(value["severity"]))
        if value.get("category"):
            checklist = self.checklist(review_id)
            label = checklist.categories.get(value["category"]) if checklist else None
            bits.append(label.get(self.language) if label else value["category"])
        text = " · ".join(bits)
        return f"{text} — “{value['comment']}”" if value.get("comment") else text


def file_status(result: FileResult) -> str:
    if result.outcome == "merged":
        return QCoreApplication.translate("Merge", "Will be merged")
    if result.outcome == "unchanged":
        return QCoreApplication.translate("Merge", "Nothing new")
    if result.outcome == "already_merged":
        return QCoreApplication.translate("Merge", "Already merged on %1").replace("%1", result.merged_at[:16].replace("T", " "))
    if result.outcome == "conflicts":
        return QCoreApplication.translate("Merge", "Conflicts to decide")
    return QCoreApplication.translate("Merge", "Refused")


def review_action(change: ReviewChange) -> str:
    return {"added": QCoreApplication.translate("Merge", "Added from the package"),
            "updated": QCoreApplication.translate("Merge", "Updated from the package"),
            "kept": QCoreApplication.translate("Merge", "Kept as it is here"),
            "merged": QCoreApplication.translate("Merge", "Merged: different items changed on each side"),
            "conflict": QCoreApplication.translate("Merge", "Changed here and in the package"),
            "time": QCoreApplication.translate("Merge", "Review time added")}.get(change.action, change.action)


def review_details(change: ReviewChange) -> str:
    taken = sum(1 for p in change.parts if p.part != REVIEW_PART and p.side == "package")
    kept = sum(1 for p in change.parts if p.part != REVIEW_PART and p.side == "master")
    bits = []
    if taken:
        bits.append(QCoreApplication.translate("Merge", "%n answer(s) from the package", "", taken))
    if kept and change.action != "kept":
        bits.append(QCoreApplication.translate("Merge", "%n kept from here", "", kept))
    status = next((p for p in change.parts if p.part == REVIEW_PART and p.side == "package" and p.package), None)
    if status is not None:
        bits.append(QCoreApplication.translate("Merge", "status %1").replace("%1", value_label("status", status.package.get("status"))))
    if change.undecided:
        bits.append(QCoreApplication.translate("Merge", "%n conflict(s) to decide", "", len(change.undecided)))
    if change.active_seconds >= 30:
        bits.append(QCoreApplication.translate("Merge", "+%1 min review time").replace("%1", str(round(change.active_seconds / 60))))
    return "; ".join(bits)


class ConflictDialog(QDialog):
    """Each item changed both here and in a package, side by side; the manager keeps one side per item."""

    def __init__(self, db: sqlite_utils.Database, report: MergeReport, choices: Mapping[Key, str],
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts: changed here and in the package"))
        self.resize(1180, 520)
        self.texts = ItemTexts(db, language)
        self.rows: list[tuple[Key, FileResult, ReviewChange, PartChange]] = [
            ((result.package_id, change.review_uid, part.part), result, change, part)
            for result in report.files for change in result.reviews for part in change.conflicts]

        intro = QLabel(self.tr("These items were changed here and in a package since it was exported. Nothing is "
                               "overwritten until you choose, for each item, the answer to keep."))
        intro.setWordWrap(True)
        headers = [self.tr("Case"), self.tr("Item"), self.tr("When exported"), self.tr("Here"),
                   self.tr("In the package"), self.tr("Keep")]
        self.table = QTableWidget(len(self.rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 260, 170, 210, 210, 150)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        self._fill_rows(choices)

        self.all_here = QPushButton(self.tr("Keep all here"))
        self.all_here.clicked.connect(lambda: self.choose_all("master"))
        self.all_package = QPushButton(self.tr("Take all from the packages"))
        self.all_package.clicked.connect(lambda: self.choose_all("package"))
        self.remaining = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_here)
        bottom.addWidget(self.all_package)
        bottom.addWidget(self.remaining, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        for row in range(len(self.rows)):
            self._update_row(row)

    def _fill_rows(self, choices: Mapping[Key, str]) -> None:
        """One row per conflicting item: the case, the item, the three answers, and the side to keep."""
        for row, (key, result, change, part) in enumerate(self.rows):
            case = QTableWidgetItem(change.application_number)
            case.setToolTip(f"{change.title}\n{result.name} · {change.reviewer}")
            self.table.setItem(row, 0, case)
            self.table.setItem(row, 1, QTableWidgetItem(self.texts.item(change.review_id, part.part)))
            base = QTableWidgetItem(self.texts.value(change.review_id, part.part, part.base))
            base.setForeground(LEFT_OUT)
            self.table.setItem(row, 2, base)
            self.table.setItem(row, 3, QTableWidgetItem(self.texts.value(change.review_id, part.part, part.master)))
            self.table.setItem(row, 4, QTableWidgetItem(self.texts.value(change.review_id, part.part, part.package)))
            combo = QComboBox()
            combo.addItem(self.tr("Choose..."), None)
            combo.addItem(self.tr("Here"), "master")
            combo.addItem(self.tr("The package"), "package")
            chosen = choices.get(key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.currentIndexChanged.connect(lambda _=0, r=row: self._update_row(r))
            self.table.setCellWidget(row, 5, combo)
            self.combos.append(combo)
        self.table.resizeRowsToContents()

    def choose_all(self, side: str) -> None:
        for combo in self.combos:
            combo.setCurrentIndex(combo.findData(side))

    def choose(self, row: int, side: str) -> None:
        self.combos[row].setCurrentIndex(self.combos[row].findData(side))

    def _update_row(self, row: int) -> None:
        side = self.combos[row].currentData()
        for column, which in ((3, "master"), (4, "package")):
            cell = self.table.item(row, column)
            font = QFont(cell.font())
            font.setBold(side == which)
            cell.setFont(font)
            cell.setBackground(CHOSEN if side == which else QBrush())
            cell.setForeground(LEFT_OUT if side is not None and side != which else QBrush())
        undecided = self.undecided()
        self.remaining.setText(self.tr("%n item(s) still to decide", "", undecided) if undecided else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(undecided == 0)

    def undecided(self) -> int:
        return sum(1 for combo in self.combos if combo.currentData() is None)

    def choices(self) -> dict[Key, str]:
        return {key: combo.currentData() for (key, *_), combo in zip(self.rows, self.combos)
                if combo.currentData() is not None}


class MergeDialog(QDialog):
    """What merging the chosen packages will change, file by file and review by review."""

    merge_requested = Signal(object)      # Resolutions

    def __init__(self, db: sqlite_utils.Database, report: MergeReport, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.report, self.language = db, report, language
        self.choices: dict[Key, str] = {}
        self.conflict_dialog: ConflictDialog | None = None
        self.setWindowTitle(self.tr("Merge work packages"))
        self.resize(1000, 560)

        intro = QLabel(self.tr("This is what merging will change in this workspace. Nothing has been changed yet."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Package / case"), self.tr("Change"), self.tr("Details")])
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 260)
        self.tree.setUniformRowHeights(True)
        self._fill()

        self.conflicts_label = QLabel()
        self.resolve_button = QPushButton(self.tr("Resolve conflicts..."))
        self.resolve_button.clicked.connect(self.resolve_conflicts)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.conflicts_label, 1)
        bottom.addWidget(self.resolve_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self._update()

    def _fill(self) -> None:
        for result in self.report.files:
            top = QTreeWidgetItem([result.name, file_status(result), self._file_details(result)])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setToolTip(0, result.path)
            if result.refused:
                top.setForeground(1, QBrush(QColor("#b00020")))
            reason = None
            if result.outcome == "refused":   # the whole reason, on a line of its own
                reason = QTreeWidgetItem([top.text(2)])
                reason.setForeground(0, QBrush(QColor("#b00020")))
                reason.setToolTip(0, top.text(2))
                top.setText(2, "")
                top.addChild(reason)
            for change in result.reviews:
                child = QTreeWidgetItem([f"{change.application_number}  {change.title}", review_action(change),
                                         review_details(change)])
                child.setToolTip(0, change.title)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            if reason is not None:
                reason.setFirstColumnSpanned(True)
            top.setExpanded(result.outcome in ("merged", "conflicts", "refused"))

    def _file_details(self, result: FileResult) -> str:
        if result.outcome == "refused" and result.error is not None:
            return error_text(result.error)
        if result.outcome in ("unchanged", "already_merged"):
            return self.tr("Nothing will change.")
        parts = [self.tr("%1, round %2").replace("%1", result.reviewer).replace("%2", result.round_name)]
        for count, text in ((result.count("added"), self.tr("%n review(s) added", "", result.count("added"))),
                            (result.count("updated", "merged", "time", "conflict"),
                             self.tr("%n updated", "", result.count("updated", "merged", "time", "conflict"))),
                            (result.count("kept"), self.tr("%n kept as they are here", "", result.count("kept")))):
            if count:
                parts.append(text)
        parts.append(self.tr("%n audit entries", "", result.audit_entries))
        return "; ".join(parts)

    def conflict_keys(self) -> list[Key]:
        return [(r.package_id, c.review_uid, p.part) for r in self.report.files for c in r.reviews
                for p in c.conflicts]

    def undecided(self) -> int:
        return sum(1 for key in self.conflict_keys() if key not in self.choices)

    def resolutions(self) -> Resolutions:
        return Resolutions(choices=dict(self.choices))

    def _update(self) -> None:
        total, undecided = len(self.conflict_keys()), self.undecided()
        self.resolve_button.setVisible(total > 0)
        files = self.report.files
        merging = sum(1 for f in files if f.outcome == "merged" or (f.outcome == "conflicts" and not undecided))
        refused = sum(1 for f in files if f.outcome == "refused")
        summary = fill(self.tr("%1 of %2 package(s) will be merged"), merging, len(files))
        if refused:
            summary += self.tr("; %n refused", "", refused)
        if total:
            summary += "; " + (self.tr("%n conflict(s) to decide", "", undecided) if undecided
                               else self.tr("all %n conflict(s) decided", "", total))
        self.conflicts_label.setText(summary + ".")
        mergeable = any(f.outcome == "merged" for f in self.report.files) or (
            total > 0 and undecided == 0)
        self.merge_button.setEnabled(mergeable and undecided == 0)
        self.merge_button.setToolTip("" if undecided == 0 else self.tr("Decide the conflicts first."))

    def resolve_conflicts(self) -> ConflictDialog:
        self.conflict_dialog = ConflictDialog(self.db, self.report, self.choices, self.language, self)
        self.conflict_dialog.accepted.connect(self._conflicts_decided)
        self.conflict_dialog.open()
        return self.conflict_dialog

    def _conflicts_decided(self) -> None:
        if self.conflict_dialog is not None:
            self.choices.update(self.conflict_dialog.choices())
        self._update()

    def accept(self) -> None:
        if self.undecided():
            return
        self.merge_requested.emit(self.resolutions())
        super().accept()

