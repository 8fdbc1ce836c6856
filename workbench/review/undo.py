"""Undo and redo of answers, one stack per review.

A step is the answer to one item before and after a change. Undoing a step is not a
rollback: it is an ordinary answer change (audited as 'undo', or 'redo') that puts the
old answer back, so the audit log keeps the whole story and the chain stays intact.
The stacks live for the session; what is on disk is always the latest answer.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import sqlite_utils

from workbench.review import reviews
from workbench.review.checklists import Checklist
from foundation.errors import WorkbenchError, register
from workbench.review.reviews import Answer, AnswerChange

register({
    "undo.stale": "The answer to item {item_id} was changed elsewhere since; nothing was undone or redone.",
})

LIMIT = 500   # steps kept per review


@dataclass(frozen=True)
class Step:
    review_id: int
    item_id: str
    before: Answer | None
    after: Answer | None
    hidden: tuple[Answer, ...] = ()   # answers the change removed from items it hid; undo brings them back

    @property
    def comment_only(self) -> bool:
        """Only the comment changed: typing pauses make many such steps, merged into one."""
        return (self.before is not None and self.after is not None
                and replace(self.before, comment=self.after.comment) == self.after)


class UndoStack:
    """The undo and redo steps of one review."""

    def __init__(self, review_id: int, limit: int = LIMIT) -> None:
        self.review_id = review_id
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def next_undo(self) -> Step | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Step | None:
        return self._redo[-1] if self._redo else None

    def push(self, change: AnswerChange) -> None:
        """Remember a change just made (a new change forgets what could be redone)."""
        if not change.changed:
            return
        step = Step(change.review_id, change.item_id, change.old, change.new, change.hidden)
        top = self.next_undo()
        if top is not None and step.comment_only and top.comment_only and top.item_id == step.item_id:
            self._undo.pop()
            step = Step(step.review_id, step.item_id, top.before, step.after)
            if step.before == step.after:     # typed and deleted again: nothing to undo
                self._redo.clear()
                return
        self._undo.append(step)
        del self._undo[:-self.limit]
        self._redo.clear()

    def undo(self, db: sqlite_utils.Database, *, actor: str, checklist: Checklist | None = None) -> Step | None:
        """Put back the answer before the last change; the step undone, or None if there is none."""
        if not self._undo:
            return None
        step = self._undo[-1]
        self._apply(db, step, step.after, step.before, actor=actor, checklist=checklist, action="undo")
        self._redo.append(self._undo.pop())
        return step

    def redo(self, db: sqlite_utils.Database, *, actor: str, checklist: Checklist | None = None) -> Step | None:
        if not self._redo:
            return None
        step = self._redo[-1]
        self._apply(db, step, step.before, step.after, actor=actor, checklist=checklist, action="redo")
        self._undo.append(self._redo.pop())
        return step

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _apply(self, db: sqlite_utils.Database, step: Step, expected: Answer | None, target: Answer | None, *,
               actor: str, checklist: Checklist | None, action: str) -> None:
        current = reviews.get_answers(db, step.review_id).get(step.item_id)
        if current != expected:
            # Changed by someone else (another window, a merge): undoing blindly would lose it.
            self.clear()
            raise WorkbenchError("undo.stale", item_id=step.item_id)
        with db.atomic():
            self._set(db, step.review_id, step.item_id, target, actor=actor, checklist=checklist, action=action)
            if action == "undo":       # the answers the change had hidden are shown again: put them back
                for answer in step.hidden:
                    self._set(db, step.review_id, answer.item_id, answer, actor=actor, checklist=checklist,
                              action=action)

    @staticmethod
    def _set(db: sqlite_utils.Database, review_id: int, item_id: str, target: Answer | None, *, actor: str,
             checklist: Checklist | None, action: str) -> None:
        if target is None:
            reviews.change_answer(db, review_id, item_id, None, actor=actor, checklist=checklist, action=action)
        else:
            reviews.change_answer(db, review_id, item_id, target.answer, actor=actor, severity=target.severity,
                                 category=target.category, comment=target.comment, checklist=checklist,
                                 action=action)


class UndoHistory:
    """The stacks of every review touched in this session."""

    def __init__(self) -> None:
        self._stacks: dict[int, UndoStack] = {}

    def stack(self, review_id: int) -> UndoStack:
        stack = self._stacks.get(review_id)
        if stack is None:
            stack = self._stacks[review_id] = UndoStack(review_id)
        return stack
