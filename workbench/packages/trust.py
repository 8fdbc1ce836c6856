"""What a reviewer's package may change, checked before anything of it is merged.

A package is a file the reviewer holds: its audit chain has no secret, so a reviewer can
edit it and re-hash the chain. What the package cannot move is what the manager's workspace
recorded when it wrote the package: the round, the reviewer, the cases assigned to them
(round_cases here) and the head of the audit chain at that moment (package_exports). So:

- the package's history up to that head must be exactly the history it left with;
- every entry after it that the merge copies (review and answer entries) is in the name of
  the package's reviewer and about a review of a case assigned to them in that round;
- a review may not move to another case, round or reviewer, nor change its role (a new one is
  a regular review), nor be signed off in someone else's name; review time added must be
  backed by audited time entries;
- in a calibration round (no case is assigned to one reviewer) every review the package holds
  must be a calibration review this workspace issued to the package's reviewer (its uid, case
  and reviewer), the round must still be open, and a review completed here is final: a
  package may not change it (`check_final`, on the merge's plan).

Anything else refuses the whole package (WorkbenchError naming the first offending entry).
Implausible but possible things (a clock outside the time between export and merge, more
active time than the time between the reviewer's entries) come back as warnings.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.audit import chain
from workbench.packages import share
from workbench.packages.audit_copy import ENTRY_SELECT, entry_review
from workbench.packages.merge_plan import ReviewPlan
from workbench.packages.workpackage import Identities, PackageInfo, rows

#: Entities whose entries the merge copies into the manager's workspace.
COPIED = ("review", "answer")
#: Slack for active time against the time between entries (the window stores time every 30 s).
TIME_SLACK_SECONDS = 300.0

register({
    "trust.not_exported": "{name} was not exported from this workspace (there is no record of package {package}); "
                          "only packages written here can be merged, so it is refused.",
    "trust.history_short": "{name}: its audit history was shortened (it holds {found} of the {expected} entries it "
                           "left with); the package is refused.",
    "trust.history_changed": "{name}: audit entry {entry} is not the entry it left with (its history was "
                             "rewritten); the package is refused.",
    "trust.foreign_actor": "{name}: audit entry {entry} ({action} on {entity} {entity_id}) is in the name of "
                           "{actor}, not of the package's reviewer {reviewer}; the package is refused.",
    "trust.foreign_case": "{name}: {what} concerns case {case}, which is assigned to {owner} in round {round}, "
                          "not to {reviewer}; the package is refused.",
    "trust.moved": "{name}: {what}: the review's {field} was changed from {old} to {new}, which a package may not "
                   "do; the package is refused.",
    "trust.foreign_sign_off": "{name}: {what}: signed off in the name of {signer}, not of the package's reviewer "
                              "{reviewer}; the package is refused.",
    "trust.unbacked_time": "{name}: {what}: review time grew by {added:.0f} s, but its audited time entries add "
                           "up to {logged:.0f} s; the package is refused.",
})


@dataclass(frozen=True)
class Export:
    """What this workspace recorded when it wrote the package."""

    round_id: int
    reviewer: str
    audit_count: int
    audit_head: str
    created_at: str


def recorded_export(db: sqlite_utils.Database, info: PackageInfo, name: str) -> Export:
    row = db.execute("SELECT round_id, reviewer, audit_count, audit_head, created_at FROM package_exports"
                     " WHERE package_id = ?", [info.package_id]).fetchone()
    if row is None:
        raise WorkbenchError("trust.not_exported", name=name, package=info.package_id)
    return Export(*row)


def check_package(db: sqlite_utils.Database, pkg: sqlite_utils.Database, info: PackageInfo, *, name: str,
                  round_id: int, round_name: str, merged_at: str) -> list[str]:
    """Refuse (WorkbenchError) what the package's reviewer may not do; return the warnings."""
    export = recorded_export(db, info, name)
    if export.round_id != round_id or export.reviewer != info.reviewer:
        raise WorkbenchError("merge.mismatch", name=name, detail="its round or reviewer was changed")
    calibration, closed_at = share.round_state(db, round_id)
    if calibration and closed_at is not None:
        raise WorkbenchError("trust.calibration_closed", name=name, round=round_name,
                             at=closed_at[:19].replace("T", " "))
    _check_history(db, pkg, export, name)
    checker = _Checker(db, pkg, info, export, name, round_id, round_name)
    entries = list(rows(pkg, ENTRY_SELECT + " WHERE a.id > ? ORDER BY a.id", [export.audit_count]))
    for entry in entries:
        checker.entry(entry)
    for review_row in rows(pkg, "SELECT * FROM reviews ORDER BY id"):
        checker.review(review_row, entries)
    return checker.warnings + _clock_warnings(entries, export, merged_at, name, checker.ids)


def _check_history(db: sqlite_utils.Database, pkg: sqlite_utils.Database, export: Export, name: str) -> None:
    """The package's chain up to the recorded head is the one it left with. The chain itself was
    verified when the package was opened, so the head's hash vouches for every entry before it."""
    if not export.audit_count:
        return
    head = pkg.execute("SELECT hash FROM audit_log WHERE id = ?", [export.audit_count]).fetchone()
    if head is not None and chain.hash_text(head[0]) == export.audit_head:
        return
    held = pkg.execute("SELECT COUNT(*) FROM audit_log WHERE id <= ?", [export.audit_count]).fetchone()[0]
    # Name the first entry that is not one this workspace wrote (each keeps its origin hash).
    # (The package's coverage baseline was written in the package itself, not copied from here.)
    for entry in rows(pkg, ENTRY_SELECT + " WHERE a.id <= ? AND a.entity != 'workspace' ORDER BY a.id",
                      [export.audit_count]):
        known = db.execute("SELECT 1 FROM audit_log WHERE hash = ? UNION ALL SELECT 1 FROM audit_origins"
                           " WHERE origin_hash = ? LIMIT 1", [entry["origin"], entry["origin"]]).fetchone()
        if known is None:
            raise WorkbenchError("trust.history_changed", name=name, entry=entry["id"])
    if held < export.audit_count:
        raise WorkbenchError("trust.history_short", name=name, found=held, expected=export.audit_count)
    raise WorkbenchError("trust.history_changed", name=name, entry=export.audit_count)


class _Checker:
    def __init__(self, db: sqlite_utils.Database, pkg: sqlite_utils.Database, info: PackageInfo, export: Export,
                 name: str, round_id: int, round_name: str) -> None:
        self.db, self.pkg, self.info, self.export = db, pkg, info, export
        self.name, self.round_id, self.round_name = name, round_id, round_name
        self.ids = Identities(db)
        self.pkg_ids = Identities(pkg)
        self.warnings: list[str] = []
        self.bases = {uid: json.loads(state) for uid, state in db.execute(
            "SELECT review_uid, state FROM package_bases WHERE package_id = ?", [info.package_id])}
        self.review_case = {r[0]: r[1] for r in pkg.execute("SELECT id, case_id FROM reviews")}
        self.calibration = share.is_calibration(db, round_id)

    def _not_issued(self, case_number: str, what: str) -> WorkbenchError:
        return WorkbenchError("trust.not_issued", name=self.name, what=what, case=case_number,
                              reviewer=self.info.reviewer, round=self.round_name)

    def _assigned(self, case_number: str, what: str) -> None:
        case_id = self.ids.case_id(case_number)
        if self.calibration:     # no case is assigned: the reviewer's are those with a review of theirs
            if case_id is None or not share.issued(self.db, self.round_id, self.info.reviewer, case_id=case_id):
                raise self._not_issued(case_number, what)
            return
        row = self.db.execute("SELECT reviewer FROM round_cases WHERE round_id = ? AND case_id = ?",
                              [self.round_id, case_id]).fetchone() if case_id is not None else None
        owner = row[0] if row else None
        if owner != self.info.reviewer:
            raise WorkbenchError("trust.foreign_case", name=self.name, what=what, case=case_number,
                                 owner=owner or "nobody (not in the round)", round=self.round_name,
                                 reviewer=self.info.reviewer)

    def entry(self, entry: Mapping[str, Any]) -> None:
        if entry["entity"] not in COPIED:
            return        # about the round, imports or coverage: never merged, changes nothing here
        what = f"audit entry {entry['id']} ({entry['action']} on {entry['entity']} {entry['entity_id']})"
        if entry["actor"] != self.info.reviewer:
            raise WorkbenchError("trust.foreign_actor", name=self.name, entry=entry["id"], action=entry["action"],
                                 entity=entry["entity"], entity_id=entry["entity_id"], actor=entry["actor"],
                                 reviewer=self.info.reviewer)
        review_id = entry_review(entry)
        case_id = self.review_case.get(review_id) if review_id is not None else None
        if case_id is not None:
            self._assigned(self.pkg_ids.case_number(case_id), what)

    def review(self, row: Mapping[str, Any], entries: list[Mapping[str, Any]]) -> None:
        own = [e for e in entries if entry_review(e) == row["id"]]
        case = self.pkg_ids.case_number(row["case_id"])
        what = (f"audit entry {own[0]['id']} ({own[0]['action']} on review {row['id']})" if own
                else f"the review of case {case}")
        base = (self.bases.get(row["uid"]) or {}).get("review")
        if self.calibration and (base is None or not share.issued(self.db, self.round_id, self.info.reviewer,
                                                                  uid=row["uid"])):
            raise self._not_issued(case, f"review {row['uid']}")
        round_uid = self.pkg_ids.round_uid(row["round_id"])
        now = {"case": case, "round": round_uid, "reviewer": row["reviewer"]}
        role = row.get("role") or "regular"
        was = "regular" if base is None else base.get("role", role)   # bases written before schema 7 have none
        if was != role:
            raise WorkbenchError("trust.moved", name=self.name, what=what, field="role", old=was, new=role)
        if base is None:
            if row["reviewer"] != self.info.reviewer:
                raise WorkbenchError("trust.moved", name=self.name, what=what, field="reviewer",
                                     old=self.info.reviewer, new=row["reviewer"])
            if round_uid not in (None, self.info.round_uid):
                raise WorkbenchError("trust.moved", name=self.name, what=what, field="round",
                                     old=self.info.round_name, new=round_uid)
            self._assigned(case, what)
            before = 0.0
        else:
            for field, value in now.items():
                if base.get(field) != value:
                    raise WorkbenchError("trust.moved", name=self.name, what=what, field=field,
                                         old=base.get(field), new=value)
            changed = any(base.get(k) != v for k, v in row.items() if k not in ("id", "uid", "case_id",
                                                                                  "checklist_id", "round_id"))
            if changed or own:
                self._assigned(case, what)
            before = float(base.get("active_seconds") or 0.0)
        signer = row.get("signed_off_by")
        if signer and signer != self.info.reviewer and signer != (base or {}).get("signed_off_by"):
            raise WorkbenchError("trust.foreign_sign_off", name=self.name, what=what, signer=signer,
                                 reviewer=self.info.reviewer)
        self._time(row, own, before, what, case)

    def _time(self, row: Mapping[str, Any], own: list[Mapping[str, Any]], before: float, what: str,
              case: str) -> None:
        added = float(row.get("active_seconds") or 0.0) - before
        logged = sum(float((json.loads(e["new_value"]) or {}).get("seconds") or 0.0)
                     for e in own if e["entity"] == "review" and e["action"] == "time" and e["new_value"])
        if added > logged + 1.0:
            raise WorkbenchError("trust.unbacked_time", name=self.name, what=what, added=added, logged=logged)
        stamps = [_when(e["at"]) for e in own]
        stamps = [s for s in stamps if s is not None]
        if logged and stamps:
            span = (max(stamps) - min(stamps)).total_seconds()
            if logged > span + TIME_SLACK_SECONDS:
                self.warnings.append(
                    f"case {case}: {logged:.0f} s of review time recorded, but the reviewer's entries span only "
                    f"{span:.0f} s; implausible, check with {self.info.reviewer}")


def check_final(db: sqlite_utils.Database, plans: Sequence[ReviewPlan], *, name: str) -> None:
    """A calibration review completed (or signed off) here is final: refuse a package that would
    change any part of it (the reviewer has seen the others' answers since; review time aside)."""
    for plan in plans:
        master = (plan.master or {}).get("review") or {}
        if master.get("role") != "calibration" or master.get("status") not in share.FINISHED:
            continue
        if any(part.changed_by != "master" for part in plan.parts):
            raise WorkbenchError("trust.calibration_final", name=name, case=master.get("case"),
                                 reviewer=master.get("reviewer"))


def _clock_warnings(entries: list[Mapping[str, Any]], export: Export, merged_at: str, name: str,
                    ids: Identities) -> list[str]:
    """Entries dated before the package was written or after now: a wrong clock, or an edit."""
    start, end = _when(export.created_at), _when(merged_at)
    odd = [e for e in entries if e["entity"] in COPIED and (when := _when(e["at"])) is not None
           and start is not None and end is not None and not start <= when <= end]
    if not odd:
        return []
    first = odd[0]
    return [f"{len(odd)} audit entr{'y is' if len(odd) == 1 else 'ies are'} dated outside the time between "
            f"the package's export ({export.created_at[:19]}) and this merge, first entry {first['id']} at "
            f"{first['at'][:19]}; the reviewer's clock may be wrong"]


def _when(text: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
