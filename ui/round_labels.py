"""The words of the round wizard and of the lot verdicts: field, method and allocation names,
strata, and the filters and plan of a round described in the user's language (translation
context "RoundWizard"; the CLI describes them in English with Filters.describe)."""
from __future__ import annotations

from typing import Callable, Sequence

import sqlite_utils
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from ui.case_model import value_label
from ui.messages import labelled, listed
from workbench.rounds import population, sampling_plan, store


ERROR_STYLE = "color: #b00020;"


def fill_rounds(box: QComboBox, db: sqlite_utils.Database, keep: Callable[[int], bool] = lambda _id: True) -> None:
    """The workspace's rounds (those `keep` accepts) in a chooser, the one chosen before still chosen,
    without a change signal for the refill itself."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for round_id, name, _created, _count in store.list_rounds(db):
        if keep(round_id):
            box.addItem(name, round_id)
    index = box.findData(current)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)


def field_label(name: str) -> str:
    return {
        "ip_type": QCoreApplication.translate("RoundWizard", "IP type"),
        "department": QCoreApplication.translate("RoundWizard", "Department"),
        "examiner": QCoreApplication.translate("RoundWizard", "Examiner"),
        "decision": QCoreApplication.translate("RoundWizard", "Decision"),
        "procedure": QCoreApplication.translate("RoundWizard", "Procedure"),
        "classification": QCoreApplication.translate("RoundWizard", "Classification"),
        "import": QCoreApplication.translate("RoundWizard", "Import"),
        "decision_year": QCoreApplication.translate("RoundWizard", "Decision year"),
        "decision_quarter": QCoreApplication.translate("RoundWizard", "Decision quarter"),
        "decision_month": QCoreApplication.translate("RoundWizard", "Decision month"),
        "risk_band": QCoreApplication.translate("RoundWizard", "Risk band"),
    }.get(name, name)


def stratum_label(name: str, fields: Sequence[str]) -> str:
    """A stratum name with IP-type codes in the user's language."""
    parts = name.split(population.STRATUM_JOIN)
    if len(parts) != len(fields):
        return name
    return population.STRATUM_JOIN.join(value_label(f, p) if f == "ip_type" else p for f, p in zip(fields, parts))


def method_label(method: str) -> str:
    return {
        "random": QCoreApplication.translate("RoundWizard", "Simple random"),
        "systematic": QCoreApplication.translate("RoundWizard", "Systematic (random start)"),
        "stratified": QCoreApplication.translate("RoundWizard", "Stratified"),
        "acceptance": QCoreApplication.translate("RoundWizard", "Acceptance per lot (ISO 2859-1)"),
        "risk": QCoreApplication.translate("RoundWizard", "Risk-based (probability by risk score)"),
    }[method]


def allocation_label(allocation: str) -> str:
    return {
        "proportional": QCoreApplication.translate("RoundWizard", "Proportional"),
        "equal": QCoreApplication.translate("RoundWizard", "Equal"),
        "neyman": QCoreApplication.translate("RoundWizard", "Neyman (expected rate per stratum)"),
        "risk": QCoreApplication.translate("RoundWizard", "Over-sample high risk bands"),
    }[allocation]


def describe_filters(filters: population.Filters) -> str:
    """The filters in the user's language (the CLI uses Filters.describe, in English)."""
    parts = []
    for name in population.VALUE_FIELDS:
        values = getattr(filters, name)
        if values:
            parts.append(labelled(field_label(name), listed([value_label(name, v) for v in values])))
    if filters.imports:
        parts.append(labelled(field_label("import"), listed([f"#{i}" for i in filters.imports])))
    if filters.decided_from and filters.decided_to:
        parts.append(QCoreApplication.translate("RoundWizard", "decided %1 to %2").replace("%1", filters.decided_from)
                     .replace("%2", filters.decided_to))
    elif filters.decided_from:
        parts.append(QCoreApplication.translate("RoundWizard", "decided on or after %1").replace("%1", filters.decided_from))
    elif filters.decided_to:
        parts.append(QCoreApplication.translate("RoundWizard", "decided on or before %1").replace("%1", filters.decided_to))
    return listed(parts, clauses=True) if parts else QCoreApplication.translate("RoundWizard", "all cases")


def describe_plan(plan: sampling_plan.Plan) -> str:
    fields = " + ".join(field_label(f) for f in plan.strata)
    if plan.method == "acceptance":
        return (QCoreApplication.translate("RoundWizard", "%1: lots by %2, AQL %3").replace("%1", method_label(plan.method))
                .replace("%2", fields).replace("%3", f"{plan.aql:g}"))
    if plan.size is not None:
        size = QCoreApplication.translate("RoundWizard", "%1 cases").replace("%1", str(plan.size))
    else:
        expected = 0.5 if plan.expected is None else plan.expected
        size = (QCoreApplication.translate("RoundWizard", "confidence %1, margin ±%2, expected compliance %3")
                .replace("%1", f"{100 * plan.confidence:g}%").replace("%2", f"{100 * plan.margin:g}%")
                .replace("%3", f"{100 * expected:g}%"))
    parts = [method_label(plan.method), size]
    if plan.method == "risk":
        floor = sampling_plan.DEFAULT_FLOOR if plan.floor is None else plan.floor
        parts.append(QCoreApplication.translate("RoundWizard", "floor %1").replace("%1", f"{floor:g}"))
    if plan.method == "stratified":
        parts.append(QCoreApplication.translate("RoundWizard", "by %1, %2 allocation, at least %3 per stratum")
                     .replace("%1", fields).replace("%2", allocation_label(plan.allocation))
                     .replace("%3", str(plan.min_per_stratum)))
    return listed(parts, clauses=True)
