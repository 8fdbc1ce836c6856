"""Reviewing one case: versioned, frozen checklist templates (`checklists`), reviews and their
answers committed one at a time with their audit entries, verdicts, take-over and active time
(`reviews`), undo and redo of answers (`undo`), the active-time clock (`timing`), the case queue
with its filters and search under the one definition of "reviewed" (`queue`), and the integrity
check behind `verify` and the check on opening (`integrity`).

May import: workbench.base, workbench.audit, workbench.importing (identifiers for search).
"""
