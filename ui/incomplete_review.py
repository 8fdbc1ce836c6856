""""Review not complete": how many items are still missing what, in one sentence per kind,
and a button that goes to the first of them (instead of a list of every item's text)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("IncompleteReview", text)


def counted(n: int, one: str, many: str) -> str:
    """'1 item …' / '3 items …': English plurals right, each form translated on its own."""
    return tr(one) if n == 1 else tr(many).replace("%1", f"{n:,}")


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
    lines = []
    if unanswered:
        lines.append(counted(unanswered, "1 item is not answered yet.", "%1 items are not answered yet."))
    if severity:
        lines.append(counted(severity, "1 fail still needs a severity (1-4).", "%1 fails still need a severity (1-4)."))
    if category:
        lines.append(counted(category, "1 fail still needs an error category (K).",
                             "%1 fails still need an error category (K)."))
    return tr("The review cannot be completed yet:") + "\n" + "\n".join(lines)


def go_label(unanswered: int) -> str:
    return tr("Go to the first unanswered item") if unanswered else tr("Go to the first item to finish")
