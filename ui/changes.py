"""What a write changed: the one notification every domain write made from the window ends with.

As Anki's OpChanges: an operation says which kinds of data it changed (and, when it knows,
which cases); one handler in the main window refreshes every view that shows them (queue,
case panel, Dashboard, History, the actions' enabled state). No dialog or panel refreshes
another view by hand, so no view keeps a stale copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Changes:
    cases: bool = False          # cases added, updated or removed (import, removal of an import, demo)
    reviews: bool = False        # answers, statuses, verdicts, reviewers (answer, undo, sign-off, take-over...)
    rounds: bool = False         # rounds drawn, cases reassigned
    checklists: bool = False     # a checklist version stored
    disputes: bool = False       # feedback sent, examiners' responses imported, a dispute decided
    targets: bool = False        # pendency targets set or cleared (the Trend page's figures)
    case_ids: frozenset[int] = frozenset()   # the cases concerned; empty means "any case may have changed"
    what: str = ""               # the operation, for the log and tests ("answer", "merge"...)

    @property
    def all_cases(self) -> bool:
        """Whether every case may be concerned (the queue is read again, not repainted row by row)."""
        return self.cases or self.rounds or (self.reviews and not self.case_ids)

    def concerns(self, case_id: int | None) -> bool:
        """Whether what is shown of this case may have changed."""
        if case_id is None:
            return False
        return self.all_cases or case_id in self.case_ids or self.checklists


def review_changes(what: str, case_ids: Iterable[int]) -> Changes:
    """A write into the reviews of the given cases."""
    return Changes(reviews=True, case_ids=frozenset(case_ids), what=what)
