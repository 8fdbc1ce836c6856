"""Planning a merge: each review of a package compared three ways, part by part.

The three states are the one the review left with (the base), the one here (the master) and the
one in the package. A part is the review's own row (status, reviewer, sign-off...) or one
checklist item's answer. A part changed only in the package is taken from it; changed only
here, it is kept; changed in both to different values, it is a conflict, decided by the
manager's `Resolutions` (or left undecided: then the file is not merged). Timestamps and
values derived from the answers (verdict, score) do not make a conflict; review time is added
up, not chosen. Nothing here writes: workbench.packages.merge_apply does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.jobs import CancelToken, Progress
from workbench.packages.workpackage import Identities, review_state

SIDES = ("master", "package")
REVIEW_PART = "@review"             # the review's own row; item ids cannot start with "@"
#: Review columns that follow from the answers or only measure: never a conflict.
DERIVED = frozenset({"active_seconds", "verdict", "score"})

register({
    "merge.bad_side": "Unknown side {side!r}: use master or package.",
})


@dataclass(frozen=True)
class Resolutions:
    """The manager's choices for conflicts: per (package id, review uid, part), else `prefer`."""

    prefer: str | None = None
    choices: Mapping[tuple[str, str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for side in [self.prefer, *self.choices.values()]:
            if side is not None and side not in SIDES:
                raise WorkbenchError("merge.bad_side", side=side)

    def side(self, package_id: str, review_uid: str, part: str) -> str | None:
        return self.choices.get((package_id, review_uid, part)) or self.prefer


@dataclass(frozen=True)
class PartChange:
    """One part of a review that differs between here and the package."""

    part: str                          # REVIEW_PART or a checklist item id
    base: Mapping[str, Any] | None     # as the package left (None: there was none)
    master: Mapping[str, Any] | None   # here
    package: Mapping[str, Any] | None  # in the package
    changed_by: str                    # package, master or both
    side: str | None                   # the side taken; None: a conflict not decided yet

    @property
    def conflict(self) -> bool:
        return self.changed_by == "both"


@dataclass
class ReviewPlan:
    """One package review against here."""

    uid: str
    package_id: int                     # the review's id in the package
    master_id: int | None               # its counterpart here
    base: dict[str, Any] | None
    master: dict[str, Any] | None
    package: dict[str, Any]
    parts: list[PartChange]
    active_delta: float
    action: str = "unchanged"


def _comparable(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What counts as a change: not timestamps, not values derived from the answers."""
    if value is None:
        return None
    return {k: v for k, v in value.items() if k not in DERIVED and not k.endswith("_at")}


def _same(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    return _comparable(a) == _comparable(b)


def master_round_id(db: sqlite_utils.Database, round_uid: str | None) -> int | None:
    """The round of that uid here, if there is one."""
    if round_uid is None:
        return None
    row = db.execute("SELECT id FROM rounds WHERE uid = ?", [round_uid]).fetchone()
    return row[0] if row else None


class Planner:
    """Plans every review of one package (`pkg`) against this workspace (`db`)."""

    def __init__(self, db: sqlite_utils.Database, pkg: sqlite_utils.Database, package_id: str,
                 resolutions: Resolutions, progress: Progress, cancel: CancelToken) -> None:
        self.db, self.pkg, self.package_id = db, pkg, package_id
        self.resolutions, self.progress, self.cancel = resolutions, progress, cancel
        self.ids = Identities(db)
        self.pkg_ids = Identities(pkg)

    def plan(self) -> list[ReviewPlan]:
        bases = self._bases()
        claimed: set[int] = set()
        plans = []
        review_rows = list(self.pkg.execute("SELECT id, uid FROM reviews ORDER BY id"))
        for done, (package_review_id, uid) in enumerate(review_rows, start=1):
            package = review_state(self.pkg, package_review_id, self.pkg_ids)
            master_id = self._counterpart(uid, package, claimed)
            if master_id is not None:
                claimed.add(master_id)
            master = review_state(self.db, master_id, self.ids) if master_id is not None else None
            base = bases.get(uid)
            parts = self._parts(uid, base, master, package)
            before = (base or {}).get("review", {}).get("active_seconds") or 0.0
            delta = max(0.0, float(package["review"].get("active_seconds") or 0.0) - float(before))
            plan = ReviewPlan(uid, package_review_id, master_id, base, master, package, parts, delta)
            plan.action = _action(plan)
            plans.append(plan)
            if done % 20 == 0:
                self.cancel.check()
                self.progress(done, 2 * len(review_rows), "comparing the reviews")
        return plans

    def _bases(self) -> dict[str, dict[str, Any]]:
        """Bases recorded here (moved on at each merge) win over the package's own copy."""
        for source in (self.db, self.pkg):
            found = {uid: json.loads(state) for uid, state in source.execute(
                "SELECT review_uid, state FROM package_bases WHERE package_id = ?", [self.package_id])}
            if found:
                return found
        return {}

    def _counterpart(self, uid: str, state: Mapping[str, Any], claimed: set[int]) -> int | None:
        row = self.db.execute("SELECT id FROM reviews WHERE uid = ?", [uid]).fetchone()
        if row is not None:
            return row[0]
        # A review of the same case by the same reviewer in the same round, opened here after the
        # package left: the same piece of work, so compared with it rather than counted twice.
        portable = state["review"]
        case_id = self.ids.case_id(portable["case"])
        round_id = master_round_id(self.db, portable.get("round"))
        for (candidate,) in self.db.execute(
                "SELECT id FROM reviews WHERE case_id = ? AND reviewer = ? AND round_id IS ? ORDER BY id",
                [case_id, portable.get("reviewer"), round_id]):
            if candidate not in claimed:
                return candidate
        return None

    def _parts(self, uid: str, base: Mapping[str, Any] | None, master: Mapping[str, Any] | None,
               package: Mapping[str, Any]) -> list[PartChange]:
        def part(name: str, b: Any, m: Any, p: Any) -> PartChange | None:
            if _same(m, p):
                return None
            if _same(p, b):
                changed_by, side = "master", "master"
            elif _same(m, b):
                changed_by, side = "package", "package"
            else:
                changed_by, side = "both", self.resolutions.side(self.package_id, uid, name)
            return PartChange(name, b, m, p, changed_by, side)

        def section(state: Mapping[str, Any] | None, key: str) -> Any:
            return None if state is None else state[key]

        found = [part(REVIEW_PART, section(base, "review"), section(master, "review"), package["review"])]
        answers = [section(s, "answers") or {} for s in (base, master, package)]
        for item in sorted(set().union(*answers)):
            found.append(part(item, *(a.get(item) for a in answers)))
        return [p for p in found if p is not None]


def _action(plan: ReviewPlan) -> str:
    """What merging the review does: added, updated, kept, merged, conflict, time or unchanged."""
    changed_by = {p.changed_by for p in plan.parts}
    if not changed_by:
        return "time" if plan.active_delta > 0 else "unchanged"
    if plan.master is None and any(p.part == REVIEW_PART and p.side == "package" for p in plan.parts):
        return "added"
    if "both" in changed_by:
        return "conflict"
    if changed_by == {"package"}:
        return "updated"
    if changed_by == {"master"}:
        return "time" if plan.active_delta > 0 else "kept"
    return "merged"
