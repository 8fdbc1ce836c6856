""""Review not complete": how many items are still missing what, in one sentence per kind,
and a button that goes to the first of them (instead of a list of every item's text)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication


def missing_counts(items: Sequence[str]) -> tuple[int, int, int, str | None]:
    """From the workbench's 'item: what' lines: items not answered, fails without a severity,
    fails without a category, and the first item concerned (in checklist order)."""
    unanswered = severity = category = 0
    for entry in items:
        what = entry.partition(": ")[2]
        if what == "not answered":
            unanswered += 1
        elif what == "a fail needs a severity":
            severity += 1
        elif what == "a fail needs an error category":
            category += 1
    first = items[0].partition(": ")[0] if items else None
    return unanswered, severity, category, first


def missing_text(unanswered: int, severity: int, category: int) -> str:
    """One sentence per kind of gap, English plurals right (each form translated on its own)."""
    lines = []
    if unanswered:
        one = QCoreApplication.translate("IncompleteReview", "1 item is not answered yet.")
        many = QCoreApplication.translate("IncompleteReview", "%1 items are not answered yet.")
        lines.append(one if unanswered == 1 else many.replace("%1", f"{unanswered:,}"))
    if severity:
        one = QCoreApplication.translate("IncompleteReview", "1 fail still needs a severity (1-4).")
        many = QCoreApplication.translate("IncompleteReview", "%1 fails still need a severity (1-4).")
        lines.append(one if severity == 1 else many.replace("%1", f"{severity:,}"))
    if category:
        one = QCoreApplication.translate("IncompleteReview", "1 fail still needs an error category (K).")
        many = QCoreApplication.translate("IncompleteReview", "%1 fails still need an error category (K).")
        lines.append(one if category == 1 else many.replace("%1", f"{category:,}"))
    return QCoreApplication.translate("IncompleteReview", "The review cannot be completed yet:") + "\n" + "\n".join(lines)


def go_label(unanswered: int) -> str:
    if unanswered:
        return QCoreApplication.translate("IncompleteReview", "Go to the first unanswered item")
    return QCoreApplication.translate("IncompleteReview", "Go to the first item to finish")
