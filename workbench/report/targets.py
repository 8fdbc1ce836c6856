"""Pendency targets: per IP type, how many days from filing to decision the office allows (it publishes
such targets each year). Kept in the workspace (table `pendency_targets`, schema 9); every change is an
audit entry, so a share "decided within target" can be traced to the target it was measured against.

`python main.py targets --set invention=600 --set design=4m` sets them, `targets` lists them; the
trend (workbench.report.trends) reports per period and IP type the share of cases decided within
the target in force now. A target given in months is stored as whole days (a month is 365.25 / 12
days), so it reads the same on every screen and in every workbook.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain

register({
    "targets.ip_type": "{value!r} is not an IP type; use one of {known}.",
    "targets.days": "{value!r} is not a pendency target; write whole days (600 or 600d) or months (20m), "
                    "more than 0 and at most {limit} days.",
    "targets.assignment": "{value!r}: write a target as TYPE=DAYS, e.g. invention=600 or design=4m.",
})

IP_TYPES = ("invention", "utility_model", "design", "trademark")
MONTH_DAYS = 365.25 / 12
MAX_DAYS = 36_525                  # a hundred years: anything longer is a typing mistake
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(d|days?|m|months?|天|个月|月)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PendencyTarget:
    """The target in force for one IP type: decided within `days` of filing."""

    ip_type: str
    days: int
    set_at: str
    set_by: str


def parse_ip_type(text: str) -> str:
    """An IP type code from how it may be typed (utility-model, Utility model)."""
    code = "_".join(str(text).strip().lower().replace("-", " ").split())
    if code not in IP_TYPES:
        raise WorkbenchError("targets.ip_type", value=text, known=", ".join(IP_TYPES))
    return code


def parse_days(text: str | int) -> int:
    """Whole days from 600, 600d or 20m (months of 365.25 / 12 days, rounded to the day)."""
    match = _DURATION.match(str(text))
    if match is None:
        raise WorkbenchError("targets.days", value=text, limit=MAX_DAYS)
    number, unit = float(match.group(1)), (match.group(2) or "d").lower()
    days = round(number * MONTH_DAYS) if unit.startswith("m") or "月" in unit else number
    if days != int(days) or not 0 < days <= MAX_DAYS:
        raise WorkbenchError("targets.days", value=text, limit=MAX_DAYS)
    return int(days)


def parse_assignment(text: str) -> tuple[str, int]:
    """("invention", 600) from "invention=600" (the command line's --set)."""
    if "=" not in text:
        raise WorkbenchError("targets.assignment", value=text)
    ip_type, days = text.split("=", 1)
    return parse_ip_type(ip_type), parse_days(days)


def pendency_targets(db: sqlite_utils.Database) -> dict[str, PendencyTarget]:
    """ip_type -> the target in force, in the order of IP_TYPES (types without a target are left out)."""
    rows = {row[0]: PendencyTarget(*row) for row in db.execute(
        "SELECT ip_type, days, set_at, set_by FROM pendency_targets")}
    return {t: rows[t] for t in IP_TYPES if t in rows}


def target_days(db: sqlite_utils.Database) -> Mapping[str, int]:
    """ip_type -> days, for the figures."""
    return {t: target.days for t, target in pendency_targets(db).items()}


def set_pendency_target(db: sqlite_utils.Database, ip_type: str, days: int | None, *, actor: str,
                        now: str | None = None) -> PendencyTarget | None:
    """Set (or with `days` None, clear) the target of one IP type, with its audit entry; returns the
    target now in force. Setting the same days again changes nothing and writes no entry."""
    ip_type = parse_ip_type(ip_type)
    if days is not None:
        days = parse_days(days)
    at = now or chain.now_iso()
    with db.atomic():
        before = db.execute("SELECT days FROM pendency_targets WHERE ip_type = ?", [ip_type]).fetchone()
        old = before[0] if before else None
        if old == days:
            return pendency_targets(db).get(ip_type)
        if days is None:
            db.execute("DELETE FROM pendency_targets WHERE ip_type = ?", [ip_type])
        else:
            db.execute("INSERT INTO pendency_targets (ip_type, days, set_at, set_by) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (ip_type) DO UPDATE SET days = excluded.days, set_at = excluded.set_at,"
                       " set_by = excluded.set_by", [ip_type, days, at, actor])
        chain.record(db, actor=actor, entity="pendency_target", entity_id=ip_type,
                     action="clear" if days is None else "set",
                     old=None if old is None else {"days": old}, new=None if days is None else {"days": days})
    return pendency_targets(db).get(ip_type)
