"""The review panel's answers: the checklist's key commands turned into calls of
workbench.review.reviews (each answer committed at once, as one undoable step), and undo and
redo of those steps. Every write ends in one `changed` signal saying what changed.

ReviewAnswers is a part of ui.review_panel.ReviewPanel, which holds the state.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.changes import review_changes
from ui.messages import error_text
from ui.review_items import ChecklistView
from foundation.errors import WorkbenchError
from workbench.review import reviews
from workbench.review.checklists import Checklist, Item
from workbench.review.undo import Step, UndoHistory


class ReviewAnswers:
    """Answering by key, writing, undo and redo (a part of ReviewPanel, which holds the state)."""

    db: sqlite_utils.Database
    reviewer: str
    read_only: bool
    case_id: int | None
    review_id: int | None
    review: reviews.Review | None
    checklist: Checklist | None
    checklist_id: int | None
    answers: dict[str, reviews.Answer]
    undo_history: UndoHistory
    view: ChecklistView
    changed: Signal
    undo_changed: Signal
    message: Signal

    # -- answering -------------------------------------------------------------------------
    def _on_key(self, command: str, value: Any) -> None:
        self._touch()
        if command == "next":
            self.move(1)
        elif command == "prev":
            self.move(-1)
        elif command == "undo":
            self.undo()
        elif command == "redo":
            self.redo()
        elif command == "complete":
            self.complete()
        elif not self._can_write():
            return
        elif command == "outcome":
            self.answer_current(value)
        elif command == "severity":
            self.set_severity(value)
        elif command == "comment":
            self._open_comment()
        elif command == "category":
            self._open_category_picker()
        elif command == "clear":
            item = self.current_item()
            if item is not None and item.id in self.answers:
                self._write(item, None)

    def _can_write(self) -> bool:
        if self.read_only:
            self._refuse(self.tr("Read-only: another window is using this workspace."))
            return False
        if self._someone_elses():
            return self._ask_to_write()
        if self.locked:
            self._refuse(self.tr("This review is signed off. Reopen it (Review menu) to change it."))
            return False
        return self.checklist is not None

    def _refuse(self, text: str) -> None:
        QApplication.beep()
        self.message.emit(text)

    def answer_current(self, outcome: str) -> None:
        item = self.current_item()
        if item is None:
            return
        option = item.option_for_outcome(outcome)
        if option is None:
            self._refuse(self.tr("Item %1 does not allow that answer.").replace("%1", self.item_label(item.id)))
            return
        given = self.answers.get(item.id)
        if given is not None and given.answer == option.code:
            if outcome != "fail":
                self.move(1)
            return
        if self._write(item, option.code) and outcome != "fail":
            self.move(1)   # a fail stays put: severity and category come next

    def set_severity(self, severity: str) -> None:
        item = self.current_item()
        given = self.answers.get(item.id) if item else None
        if item is None or given is None or given.outcome != "fail":
            self._refuse(self.tr("A severity is given to a fail (F)."))
            return
        if severity not in item.severities:
            self._refuse(self.tr("Item %1 allows %2.").replace("%1", self.item_label(item.id))
                         .replace("%2", ", ".join(self._severity_label(s) for s in item.severities)))
            return
        self._write(item, given.answer, severity=severity, category=given.category)

    def set_category(self, category: str | None) -> None:
        item = self.current_item()
        given = self.answers.get(item.id) if item else None
        if item is None or given is None or given.outcome != "fail" or category not in item.categories:
            return
        self._write(item, given.answer, severity=given.severity, category=category)

    def _ensure_review(self) -> int:
        if self.review_id is None:
            assert self.case_id is not None
            opened = reviews.open_review(self.db, self.case_id, reviewer=self.reviewer,
                                        checklist_id=self.checklist_id)
            self.review_id = opened.id
            self.review = opened
        return self.review_id

    def _write(self, item: Item, answer: str | None, **details: Any) -> bool:
        if self.read_only:
            return False
        if self._someone_elses() and not self._ask_to_write():
            self._reload_answers()      # what was typed or picked goes; the review is not changed
            return False
        try:
            review_id = self._ensure_review()
            change = reviews.change_answer(self.db, review_id, item.id, answer, actor=self.reviewer,
                                          checklist=self.checklist, **details)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Answer not saved"), error_text(exc))
            self._reload_answers()
            return False
        self.undo_history.stack(review_id).push(change)
        self._after_change()
        return True

    def _reload_answers(self) -> None:
        if self.review_id is not None:
            self.answers = reviews.get_answers(self.db, self.review_id)
            self.review = reviews.get_review(self.db, self.review_id)
        self._refresh_rows()

    def _after_change(self, what: str = "answer") -> None:
        self._reload_answers()
        self.undo_changed.emit()
        if self.case_id is not None:
            self.changed.emit(review_changes(what, [self.case_id]))

    # -- undo and redo -------------------------------------------------------------------------
    def _stack(self):
        return self.undo_history.stack(self.review_id) if self.review_id is not None else None

    def _undoable(self) -> bool:
        """Undo and redo write answers: never into a signed-off (locked) or someone else's review."""
        return not self.read_only and not self.locked and not self._someone_elses()

    def can_undo(self) -> bool:
        stack = self._stack()
        return bool(stack and stack.can_undo and self._undoable())

    def can_redo(self) -> bool:
        stack = self._stack()
        return bool(stack and stack.can_redo and self._undoable())

    def undo_text(self) -> str:
        stack = self._stack()
        step = stack.next_undo() if stack else None
        return self.tr("Undo answer to %1").replace("%1", self.item_label(step.item_id)) if step else ""

    def redo_text(self) -> str:
        stack = self._stack()
        step = stack.next_redo() if stack else None
        return self.tr("Redo answer to %1").replace("%1", self.item_label(step.item_id)) if step else ""

    def undo(self) -> None:
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        stack = self._stack()
        if stack is None or not self._undoable() or not (stack.can_redo if redo else stack.can_undo):
            QApplication.beep()
            return
        self._commit_comment()
        try:
            step: Step | None = (stack.redo if redo else stack.undo)(self.db, actor=self.reviewer,
                                                                       checklist=self.checklist)
        except WorkbenchError as exc:
            dialogs.error(self, self.tr("Redo not possible") if redo else self.tr("Undo not possible"),
                          error_text(exc))
            self._after_change("redo" if redo else "undo")
            return
        self._after_change("redo" if redo else "undo")
        if step is not None:
            row = self._row_of(step.item_id)
            if row is not None and not row.isHidden():
                self.view.setCurrentItem(row)
            self.view.setFocus()
            self.message.emit((self.tr("Redone: %1") if redo else self.tr("Undone: %1"))
                              .replace("%1", self.item_label(step.item_id)))

