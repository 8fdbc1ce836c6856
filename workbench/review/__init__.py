"""Reviewing one case: checklist templates (`checklists`), read and validated
(`checklist_parsing`), stored as versioned, frozen versions (`checklist_store`), reviews and their
answers committed one at a time with their audit entries, verdicts, take-over and active time
(`reviews`), undo and redo of answers (`undo`), the active-time clock (`timing`), the case queue
with its filters and search under the one definition of "reviewed" (`queue`), and the integrity
check behind `verify` and the check on opening (`integrity`).

May import: foundation, workbench.audit, workbench.importing (identifiers for search).
"""
