"""The words the case panel shows for the optional facts risk indicators read (schema 10): the
applicant type and whether use was shown in the user's language, the Nice classes as a list. A
case without them (imported from an export that had no such column) shows no row for them."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.case_model import value_label

#: Shown only when the case has them.
OPTIONAL_FACTS = ("agent", "applicant_type", "abstract", "nice_classes", "use_shown")


def fact_titles() -> dict[str, str]:
    return {
        "agent": QCoreApplication.translate("CaseFacts", "Agent"),
        "applicant_type": QCoreApplication.translate("CaseFacts", "Applicant type"),
        "abstract": QCoreApplication.translate("CaseFacts", "Abstract"),
        "nice_classes": QCoreApplication.translate("CaseFacts", "Nice classes"),
        "use_shown": QCoreApplication.translate("CaseFacts", "Use shown"),
    }


def fact_text(key: str, value: Any) -> str:
    """A stored fact in the user's language ('' when not given)."""
    if key == "applicant_type":
        return {
            "natural_person": QCoreApplication.translate("CaseFacts", "Natural person"),
            "company": QCoreApplication.translate("CaseFacts", "Company"),
            "university": QCoreApplication.translate("CaseFacts", "University"),
            "institute": QCoreApplication.translate("CaseFacts", "Research institute"),
        }.get(value or "", value or "")
    if key == "use_shown":
        if value is None or value == "":
            return ""
        return (QCoreApplication.translate("CaseFacts", "Yes, evidence of use filed") if int(value)
                else QCoreApplication.translate("CaseFacts", "No"))
    if key == "nice_classes":
        return value.replace(",", ", ") if value else ""
    return value_label(key, value)
