"""Merging work packages back into the manager's workspace.

Each review is compared three ways: the state it left with (the base), the state here (the
master) and the state in the package. The unit of comparison is a part of the review: its own
row (status, reviewer, sign-off...) or one checklist item's answer. A part changed only in the
package is taken from it; changed only here, it is kept; changed in both to different values,
it is a conflict, and the manager chooses the side (nothing is overwritten silently: a file
with an undecided conflict is not merged at all). Timestamps and values derived from the
answers (verdict, score) do not make a conflict; review time is added up, not chosen.

The package's audit entries arrive with their original time and actor, re-chained here; each
keeps the hash it was first written with (`audit_origins`), so an entry is never copied
twice. That, the digest of every file merged and the base moved on to the state merged make
a merge idempotent: merging the same package again changes nothing and says so.

All files are merged in one transaction (each in a savepoint of its own, so a refused file
leaves no trace); Cancel rolls everything back. A dry run merges and rolls back: the preview
is exactly what the merge will do.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import sqlite_utils

from db.connection import Workspace, open_database
from workbench.audit import chain
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.audit import coverage
from workbench.packages import trust
from workbench.review import reviews
from workbench.base.errors import WorkbenchError, register
from workbench.base.files import work_copy
from workbench.base.jobs import CancelToken, Progress, no_progress
from workbench.packages.workpackage import (
    ENTRY_SELECT,
    Identities,
    PackageSummary,
    append_copied,
    canonical,
    check_file,
    columns,
    file_sha256,
    insert_row,
    package_info,
    quote,
    review_state,
    rows,
    summarise,
)

SIDES = ("master", "package")
REVIEW_PART = "@review"             # the review's own row; item ids cannot start with "@"
#: Review columns that follow from the answers or only measure: never a conflict.
DERIVED = frozenset({"active_seconds", "verdict", "score"})
#: Audit entries about what is managed in the manager's workspace, not in a package: never merged.
MANAGED_HERE = frozenset({"round", "round_case", "import"})
ANSWER_FIELDS = ("answer", "severity", "category", "comment")   # what integrity replays from the log

register({
    "merge.unknown_round": "{name} is from round {round!r}, which this workspace does not have (the package "
                           "was exported from another workspace).",
    "merge.unknown_case": "{name} holds case {case}, which this workspace does not have.",
    "merge.mismatch": "{name} does not match the package exported here under its id ({detail}); it is refused.",
    "merge.orphan_entry": "{name}: audit entry {entry} is about review {review}, which is not in the package; "
                          "the package is refused.",
    "merge.too_new": "{name} was written by a newer version of the workbench (schema version {found}; this "
                     "version reads up to {supported}). Install the newer version to merge it.",
    "merge.conflicts": "{name}: {count} item(s) in {reviews} review(s) were changed both here and in the package "
                       "since it was exported; nothing of it was merged. Choose with --prefer master or "
                       "--prefer package, or merge it in the application.",
    "merge.bad_side": "Unknown side {side!r}: use master or package.",
})


# -- what a merge does ----------------------------------------------------------------------------

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


@dataclass(frozen=True)
class ReviewChange:
    review_uid: str
    application_number: str
    title: str
    reviewer: str
    review_id: int | None              # here (None: the review is new and the merge was not applied)
    action: str                        # added, updated, kept, merged, conflict, time
    parts: tuple[PartChange, ...]
    active_seconds: float              # review time added here

    @property
    def conflicts(self) -> tuple[PartChange, ...]:
        return tuple(p for p in self.parts if p.conflict)

    @property
    def undecided(self) -> tuple[PartChange, ...]:
        return tuple(p for p in self.parts if p.side is None)


@dataclass(frozen=True)
class FileResult:
    path: str
    outcome: str                       # merged, unchanged, already_merged, conflicts, refused
    error: WorkbenchError | None = None
    sha256: str = ""
    package_id: str = ""
    round_name: str = ""
    reviewer: str = ""
    reviews: tuple[ReviewChange, ...] = ()
    audit_entries: int = 0
    merged_at: str = ""                # already_merged: when it was merged before
    warnings: tuple[str, ...] = ()     # implausible but possible (a wrong clock, much review time)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def count(self, *actions: str) -> int:
        return sum(1 for r in self.reviews if r.action in actions)

    @property
    def conflicts(self) -> list[tuple[ReviewChange, PartChange]]:
        return [(r, p) for r in self.reviews for p in r.conflicts]

    @property
    def active_seconds(self) -> float:
        return sum(r.active_seconds for r in self.reviews)

    @property
    def refused(self) -> bool:
        return self.outcome in ("refused", "conflicts")

    def line(self) -> str:
        """One sentence for the command line."""
        if self.error is not None:
            return self.error.message()
        if self.outcome == "already_merged":
            return f"{self.name}: already merged on {self.merged_at[:19].replace('T', ' ')}; nothing was changed."
        if self.outcome == "unchanged":
            return f"{self.name}: nothing new; this workspace already holds all of it. Nothing was changed."
        decided = len(self.conflicts)
        updated = self.count("updated", "merged", "time", "conflict")
        return (f"{self.name}: merged the package of {self.reviewer} (round {self.round_name!r}): "
                f"{self.count('added')} review(s) added, {updated} updated, "
                f"{self.count('kept')} kept as they are here"
                + (f", {decided} conflicting item(s) decided" if decided else "")
                + f"; {self.audit_entries} audit entries added; review time +{duration(self.active_seconds)}.")


@dataclass(frozen=True)
class MergeReport:
    files: tuple[FileResult, ...]
    dry_run: bool = False

    @property
    def refused(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.refused)

    @property
    def changed(self) -> bool:
        return any(f.outcome == "merged" for f in self.files)


def duration(seconds: float) -> str:
    minutes = int(round(seconds / 60))
    return f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m"


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


# -- merging ----------------------------------------------------------------------------------------

def merge_packages(db: sqlite_utils.Database, paths: Sequence[str | Path], *, actor: str,
                   resolutions: Resolutions = Resolutions(), dry_run: bool = False,
                   progress: Progress = no_progress, cancel: CancelToken | None = None) -> MergeReport:
    """Merge work package files into this workspace in one transaction; see the module docstring.

    A refused file (damaged, tampered, from another round, an unknown format, or with a
    conflict `resolutions` does not decide) is reported with its reason and changes nothing;
    the other files are merged. `dry_run` reports what would happen and changes nothing.
    """
    cancel = cancel or CancelToken()
    if package_info(db) is not None:
        raise WorkbenchError("package.is_package")
    results: list[FileResult] = []
    total = len(paths)
    try:
        with db.atomic():
            for index, path in enumerate(paths):
                def sub(done: int, count: int, label: str, i: int = index) -> None:
                    progress(i * 1000 + (1000 * done // count if count else 0), 1000 * total,
                             f"{Path(paths[i]).name}: {label}")
                results.append(_merge_file(db, Path(path), actor, resolutions, sub, cancel))
            cancel.check()
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    progress(1, 1, "Done")
    return MergeReport(tuple(results), dry_run)


def _merge_file(db: sqlite_utils.Database, path: Path, actor: str, resolutions: Resolutions,
                progress: Progress, cancel: CancelToken) -> FileResult:
    progress(0, 0, "checking the file")
    try:
        check_file(path)
        sha = file_sha256(path)
        wal = Path(f"{path}-wal")
        if wal.is_file() and wal.stat().st_size:   # its last changes are in the log beside it: they count too
            sha = hashlib.sha256((sha + file_sha256(wal)).encode("ascii")).hexdigest()
    except WorkbenchError as exc:
        return FileResult(str(path), "refused", exc)
    before = db.execute("SELECT merged_at, package_id, reviewer, (SELECT name FROM rounds WHERE id = round_id)"
                        " FROM package_merges WHERE sha256 = ? ORDER BY id LIMIT 1", [sha]).fetchone()
    if before is not None:
        return FileResult(str(path), "already_merged", None, sha, before[1], before[3] or "", before[2],
                          merged_at=before[0])
    # Work on a copy: the file as received is never touched (nor upgraded, nor checkpointed). The
    # copy sits beside this workspace, on its disk, named so the next run removes a killed one's.
    with work_copy(path, near=db.path if isinstance(db, Workspace) else None) as copy:
        try:
            pkg = open_database(copy)
        except WorkbenchError as exc:
            if exc.code == "db.too_new":
                exc = WorkbenchError("merge.too_new", name=path.name, found=exc.params["found"],
                                     supported=exc.params["supported"])
            elif exc.code.startswith("db."):
                exc = WorkbenchError("package.damaged", name=path.name, detail=exc.params.get("detail", exc.code))
            return FileResult(str(path), "refused", exc, sha)
        try:
            summary = summarise(pkg, path, name=path.name)
            with db.atomic():    # a savepoint: a refusal part-way leaves nothing of this file
                return _Merger(db, pkg, summary, path, sha, actor, resolutions, progress, cancel).run()
        except WorkbenchError as exc:
            return FileResult(str(path), "refused", exc, sha)
        except sqlite3.DatabaseError as exc:   # the package's pages fail to read part-way
            return FileResult(str(path), "refused", WorkbenchError("package.damaged", name=path.name,
                                                                   detail=str(exc)), sha)
        finally:
            pkg.close()


@dataclass
class _Plan:
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


class _Merger:
    def __init__(self, db: sqlite_utils.Database, pkg: sqlite_utils.Database, summary: PackageSummary,
                 path: Path, sha: str, actor: str, resolutions: Resolutions, progress: Progress,
                 cancel: CancelToken) -> None:
        self.db, self.pkg, self.info, self.path, self.sha = db, pkg, summary.info, path, sha
        self.name = path.name
        self.actor, self.resolutions, self.progress, self.cancel = actor, resolutions, progress, cancel
        self.ids = Identities(db)
        self.pkg_ids = Identities(pkg)
        self.master_checklists: dict[str, int] = {}
        self.warnings: list[str] = []

    # -- checks -------------------------------------------------------------------------------
    def _round(self) -> tuple[int, str]:
        row = self.db.execute("SELECT id, name FROM rounds WHERE uid = ?", [self.info.round_uid]).fetchone()
        if row is None:
            raise WorkbenchError("merge.unknown_round", name=self.name, round=self.info.round_name)
        return row[0], row[1]

    def _check_cases(self) -> None:
        """Every case reviewed in the package must be here (other cases it holds are not merged)."""
        for (number,) in self.pkg.execute("SELECT application_number FROM cases WHERE id IN"
                                          " (SELECT case_id FROM reviews) ORDER BY id"):
            if self.ids.case_id(number) is None:
                raise WorkbenchError("merge.unknown_case", name=self.name, case=number)

    # -- planning -----------------------------------------------------------------------------
    def _bases(self) -> dict[str, dict[str, Any]]:
        """Bases recorded here (moved on at each merge) win over the package's own copy."""
        for source in (self.db, self.pkg):
            found = {uid: json.loads(state) for uid, state in source.execute(
                "SELECT review_uid, state FROM package_bases WHERE package_id = ?", [self.info.package_id])}
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
        round_id = self._master_round_id(portable.get("round"))
        for (candidate,) in self.db.execute(
                "SELECT id FROM reviews WHERE case_id = ? AND reviewer = ? AND round_id IS ? ORDER BY id",
                [case_id, portable.get("reviewer"), round_id]):
            if candidate not in claimed:
                return candidate
        return None

    def _master_round_id(self, round_uid: str | None) -> int | None:
        if round_uid is None:
            return None
        row = self.db.execute("SELECT id FROM rounds WHERE uid = ?", [round_uid]).fetchone()
        return row[0] if row else None

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
                changed_by, side = "both", self.resolutions.side(self.info.package_id, uid, name)
            return PartChange(name, b, m, p, changed_by, side)

        def section(state: Mapping[str, Any] | None, key: str) -> Any:
            return None if state is None else state[key]

        found = [part(REVIEW_PART, section(base, "review"), section(master, "review"), package["review"])]
        answers = [section(s, "answers") or {} for s in (base, master, package)]
        for item in sorted(set().union(*answers)):
            found.append(part(item, *(a.get(item) for a in answers)))
        return [p for p in found if p is not None]

    def _plan(self) -> list[_Plan]:
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
            plan = _Plan(uid, package_review_id, master_id, base, master, package, parts, delta)
            plan.action = self._action(plan)
            plans.append(plan)
            if done % 20 == 0:
                self.cancel.check()
                self.progress(done, 2 * len(review_rows), "comparing the reviews")
        return plans

    @staticmethod
    def _action(plan: _Plan) -> str:
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

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> FileResult:
        round_id, round_name = self._round()
        self.warnings = trust.check_package(self.db, self.pkg, self.info, name=self.name,
                                                    round_id=round_id, round_name=round_name,
                                                    merged_at=chain.now_iso())
        return replace(self._run(round_id, round_name), warnings=tuple(self.warnings))

    def _run(self, round_id: int, round_name: str) -> FileResult:
        self._check_cases()
        plans = self._plan()
        entries, not_merged = self._new_entries()
        by_package_id = {p.package_id: p for p in plans}
        for entry in entries:
            review_id = _entry_review(entry)
            if review_id is not None and review_id not in by_package_id:
                raise WorkbenchError("merge.orphan_entry", name=self.name, entry=entry["id"], review=review_id)
        undecided = [p for plan in plans for p in plan.parts if p.side is None]
        if undecided:
            reviews = self._report(plans)
            return FileResult(str(self.path), "conflicts",
                              WorkbenchError("merge.conflicts", name=self.name, count=len(undecided),
                                             reviews=sum(1 for r in reviews if r.undecided)),
                              self.sha, self.info.package_id, round_name, self.info.reviewer, reviews, len(entries))
        writes = [p for p in plans if p.action not in ("unchanged", "kept")]
        if not writes and not entries:
            return FileResult(str(self.path), "unchanged", None, self.sha, self.info.package_id, round_name,
                              self.info.reviewer, self._report(plans))
        touched: dict[int, set[str]] = {}
        for done, plan in enumerate(writes, start=1):
            self._write(plan, touched)
            if done % 20 == 0:
                self.cancel.check()
                self.progress(len(plans) + done * len(plans) // max(1, len(writes)), 2 * len(plans),
                              "merging the reviews")
        master_of = {p.package_id: p.master_id for p in plans}
        case_of = {pkg_id: self.ids.case_id(number) for pkg_id, number in
                   self.pkg.execute("SELECT id, application_number FROM cases")}
        appended = 0
        copied_for: set[int | None] = set()
        for entry in entries:
            translated = self._translate(entry, master_of, case_of)
            if translated is None:
                continue
            append_copied(self.db, translated, source=self.info.package_id)
            copied_for.add(_entry_review(entry))
            appended += 1
            if translated["entity"] == "answer":
                review_id, item = translated["entity_id"].split("/", 1)
                touched.setdefault(int(review_id), set()).add(item)
            if appended % 200 == 0:
                self.cancel.check()
        self._reconcile(touched)
        reviews = self._report(plans)
        changes = {r.review_uid: r for r in reviews}
        for plan in writes:
            if plan.master_id is not None:
                self._record_review_merge(plan, changes[plan.uid])
        # Reviews whose copied entries (time, say) changed nothing of them here: the log says
        # what they hold, so replaying it gives the review as stored (coverage).
        written = {p.master_id for p in writes}
        for plan in plans:
            if plan.master_id is not None and plan.master_id not in written and plan.package_id in copied_for:
                chain.record(self.db, actor=self.actor, entity="review", entity_id=plan.master_id, action="merge",
                             case_id=coverage.review_fact(self.db, plan.master_id)["case_id"],
                             new={"package": self.info.package_id, "file": self.name,
                                  "state": coverage.review_fact(self.db, plan.master_id)})
        for plan in plans:
            self.db.execute("INSERT INTO package_bases (package_id, review_uid, state) VALUES (?, ?, ?)"
                            " ON CONFLICT (package_id, review_uid) DO UPDATE SET state = excluded.state",
                            [self.info.package_id, plan.uid, canonical(plan.package)])
        result = FileResult(str(self.path), "merged", None, self.sha, self.info.package_id, round_name,
                            self.info.reviewer, reviews, appended)
        self.db.execute(
            "INSERT INTO package_merges (package_id, file_name, sha256, merged_at, merged_by, round_id, reviewer,"
            " reviews_added, reviews_updated, reviews_kept, conflicts, audit_entries, active_seconds, summary)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [self.info.package_id, self.name, self.sha, chain.now_iso(), self.actor, round_id, self.info.reviewer,
             result.count("added"), result.count("updated", "merged", "time", "conflict"), result.count("kept"),
             len(result.conflicts), appended, result.active_seconds,
             canonical({"reviews": [{"case": r.application_number, "uid": r.review_uid, "action": r.action,
                                     "parts": {p.part: p.side for p in r.parts}} for r in reviews],
                        "audit_entries_not_merged": not_merged, "warnings": self.warnings})])
        self.progress(1, 1, "merged")
        return result

    # -- audit entries ------------------------------------------------------------------------
    def _new_entries(self) -> tuple[list[dict[str, Any]], int]:
        """The package's entries this workspace does not hold yet, in order: those about the reviews
        and the cases reviewed (not those about the round, imports or other cases: not merged)."""
        entries = list(rows(self.pkg, ENTRY_SELECT + " ORDER BY a.id"))
        known: set[str] = set()
        origins = [e["origin"] for e in entries]
        for start in range(0, len(origins), 500):
            chunk = json.dumps(origins[start:start + 500])
            known.update(r[0] for r in self.db.execute(
                "SELECT hash FROM audit_log WHERE hash IN (SELECT value FROM json_each(?))", [chunk]))
            known.update(r[0] for r in self.db.execute(
                "SELECT origin_hash FROM audit_origins WHERE origin_hash IN (SELECT value FROM json_each(?))",
                [chunk]))
        new = [e for e in entries if e["origin"] not in known]
        reviewed = {r[0] for r in self.pkg.execute("SELECT DISTINCT case_id FROM reviews")}
        kept = [e for e in new if e["entity"] in ("review", "answer")
                or (e["entity"] not in MANAGED_HERE and e["case_id"] in reviewed)]
        return kept, len(new) - len(kept)

    def _translate(self, entry: Mapping[str, Any], master_of: Mapping[int, int | None],
                   case_of: Mapping[int, int | None]) -> dict[str, Any] | None:
        out = dict(entry)
        if entry["case_id"] is not None:
            out["case_id"] = case_of.get(entry["case_id"])
        review_id = _entry_review(entry)
        if review_id is not None:
            master_id = master_of.get(review_id)
            if master_id is None:     # a review the merge did not bring here (kept absent by choice)
                return None
            if entry["entity"] == "review":
                out["entity_id"] = str(master_id)
            else:
                out["entity_id"] = f"{master_id}/{entry['entity_id'].split('/', 1)[1]}"
        return out

    def _reconcile(self, touched: Mapping[int, set[str]]) -> None:
        """Where an answer kept here is not the last one the log now tells (package entries were
        appended after it), say in the log that the merge kept it, so log and answers agree."""
        for review_id, items in sorted(touched.items()):
            case_id = self.db.execute("SELECT case_id FROM reviews WHERE id = ?", [review_id]).fetchone()[0]
            for item in sorted(items):
                logged_row = self.db.execute(
                    "SELECT new_value FROM audit_log WHERE entity = 'answer' AND entity_id = ?"
                    " ORDER BY id DESC LIMIT 1", [f"{review_id}/{item}"]).fetchone()
                logged = json.loads(logged_row[0]) if logged_row and logged_row[0] else None
                stored_row = self.db.execute(
                    f"SELECT {', '.join(ANSWER_FIELDS)} FROM answers WHERE review_id = ? AND item_id = ?",
                    [review_id, item]).fetchone()
                stored = dict(zip(ANSWER_FIELDS, stored_row)) if stored_row else None
                if logged != stored:
                    chain.record(self.db, actor=self.actor, entity="answer", entity_id=f"{review_id}/{item}",
                                 action="merge", old=logged, new=stored, case_id=case_id)

    def _record_review_merge(self, plan: _Plan, change: ReviewChange) -> None:
        chain.record(self.db, actor=self.actor, entity="review", entity_id=plan.master_id, action="merge",
                     case_id=self.ids.case_id(plan.package["review"]["case"]), new={
                         "package": self.info.package_id, "file": self.name, "reviewer": self.info.reviewer,
                         "from_package": [p.part for p in change.parts if p.side == "package"],
                         "kept": [p.part for p in change.parts if p.side == "master"],
                         "decided": {p.part: p.side for p in change.parts if p.conflict},
                         "active_seconds_added": plan.active_delta,
                         "state": coverage.review_fact(self.db, plan.master_id)})

    # -- writing a review -----------------------------------------------------------------------
    def _master_checklist(self, key: str) -> int:
        if key not in self.master_checklists:
            template_id, rest = key.split("@", 1)
            version, digest = rest.split("#", 1)
            row = self.db.execute("SELECT id FROM checklists WHERE template_id = ? AND version = ? AND sha256 = ?",
                                  [template_id, int(version), digest]).fetchone()
            if row is None:   # a version only the package has: stored here too (frozen, like any other)
                definition = self.pkg.execute(
                    "SELECT definition FROM checklists WHERE template_id = ? AND version = ? AND sha256 = ?",
                    [template_id, int(version), digest]).fetchone()[0]
                found = checklist_store.store(self.db, checklist_parsing.parse_template(json.loads(definition)))
            else:
                found = row[0]
            self.master_checklists[key] = found
        return self.master_checklists[key]

    def _master_row(self, portable: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for name, value in portable.items():
            if name == "case":
                out["case_id"] = self.ids.case_id(value)
            elif name == "checklist":
                out["checklist_id"] = self._master_checklist(value)
            elif name == "round":
                out["round_id"] = self._master_round_id(value)
            else:
                out[name] = value
        return out

    def _write(self, plan: _Plan, touched: dict[int, set[str]]) -> None:
        by_part = {p.part: p for p in plan.parts}
        review_part = by_part.get(REVIEW_PART)
        if plan.master is None:
            if review_part is None or review_part.side != "package":
                return            # absent here, and the manager kept it so
            final_review = dict(plan.package["review"])
            answers: dict[str, Any] = {}
        else:
            final_review = dict(plan.package["review"] if review_part and review_part.side == "package"
                                else plan.master["review"])
            answers = dict(plan.master["answers"])
        for part in plan.parts:
            if part.part != REVIEW_PART and part.side == "package":
                if part.package is None:
                    answers.pop(part.part, None)
                else:
                    answers[part.part] = part.package
        sides = {p.side for p in plan.parts}
        if plan.master is not None and sides <= {"master"}:    # nothing taken: only review time added
            source = plan.master["review"]
        elif sides <= {"package"}:
            source = plan.package["review"]
        else:
            source = None
        if source is not None:
            final_review["verdict"], final_review["score"] = source.get("verdict"), source.get("score")
        else:
            self._assess(final_review, answers)
        before = plan.master["review"].get("active_seconds") if plan.master else 0.0
        final_review["active_seconds"] = float(before or 0.0) + plan.active_delta
        row = self._master_row(final_review)
        if plan.master_id is None:
            row["uid"] = plan.uid
            plan.master_id = insert_row(self.db, "reviews", row)
        else:
            known = set(columns(self.db, "reviews")) - {"id", "uid"}
            names = [n for n in row if n in known]
            self.db.execute(f"UPDATE reviews SET {', '.join(f'{quote(n)} = ?' for n in names)} WHERE id = ?",
                            [row[n] for n in names] + [plan.master_id])
        answer_columns = columns(self.db, "answers")
        for part in plan.parts:
            if part.part == REVIEW_PART or part.side != "package":
                continue
            touched.setdefault(plan.master_id, set()).add(part.part)
            if part.package is None:
                self.db.execute("DELETE FROM answers WHERE review_id = ? AND item_id = ?",
                                [plan.master_id, part.part])
                continue
            values = {**part.package, "review_id": plan.master_id}
            names = [c for c in answer_columns if c in values]
            updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in names
                                if c not in ("review_id", "item_id"))
            self.db.execute(f"INSERT INTO answers ({', '.join(quote(c) for c in names)})"
                            f" VALUES ({', '.join('?' for _ in names)})"
                            f" ON CONFLICT (review_id, item_id) DO UPDATE SET {updates}",
                            [values[c] for c in names])

    def _assess(self, final_review: dict[str, Any], answers: Mapping[str, Mapping[str, Any]]) -> None:
        """Answers taken from both sides: the verdict and score follow from the answers now held;
        a review whose answers no longer suffice for completion is in progress again."""
        checklist = checklist_store.load_stored(self.db, self._master_checklist(final_review["checklist"]))
        given = {k: reviews.Answer(k, a["answer"], a["outcome"], a.get("severity"), a.get("category"),
                                  a.get("comment") or "") for k, a in answers.items()}
        result = reviews.assess(checklist, given)
        final_review["verdict"] = result.verdict if given else None
        final_review["score"] = result.score
        if final_review.get("status") in ("completed", "signed_off") and reviews.missing_for_completion(
                checklist, given):
            final_review["status"] = "in_progress" if given else "open"
            for name in ("completed_at", "signed_off_at", "signed_off_by"):
                if name in final_review:
                    final_review[name] = None

    # -- reporting ----------------------------------------------------------------------------
    def _report(self, plans: Sequence[_Plan]) -> tuple[ReviewChange, ...]:
        out = []
        for plan in plans:
            if plan.action == "unchanged":
                continue
            portable = plan.package["review"]
            number = portable["case"]
            case_id = self.ids.case_id(number)
            title = self.db.execute("SELECT title FROM cases WHERE id = ?", [case_id]).fetchone()[0]
            out.append(ReviewChange(plan.uid, number, title, str(portable.get("reviewer") or ""), plan.master_id,
                                    plan.action, tuple(plan.parts), plan.active_delta))
        return tuple(out)


def _entry_review(entry: Mapping[str, Any]) -> int | None:
    """The (package) review an audit entry is about, if it is about one."""
    if entry["entity"] == "review":
        text = str(entry["entity_id"])
    elif entry["entity"] == "answer":
        text = str(entry["entity_id"]).split("/", 1)[0]
    else:
        return None
    return int(text) if text.isdigit() else None


def describe_part(part: PartChange, side: str) -> str:
    """One side of a part, in words, for the command line."""
    value = part.master if side == "master" else part.package if side == "package" else part.base
    if value is None:
        return "(none)"
    if part.part == REVIEW_PART:
        bits = [f"status {value.get('status')}", f"reviewer {value.get('reviewer')}"]
        if value.get("signed_off_by"):
            bits.append(f"signed off by {value['signed_off_by']}")
        return ", ".join(bits)
    bits = [str(value.get("answer"))]
    bits += [str(value[k]) for k in ("severity", "category") if value.get(k)]
    text = " ".join(bits)
    return f"{text} ({value['comment']!r})" if value.get("comment") else text


def describe(result: FileResult, *, details: bool = True) -> list[str]:
    """What a file did (or would do), for the command line: a sentence, then a line per review."""
    lines = [result.line()] + [f"  warning: {w}" for w in result.warnings]
    if not details:
        return lines
    for change in result.reviews:
        text = {"added": "added from the package", "updated": "updated from the package",
                "kept": "kept as it is here (changed here, not in the package)",
                "merged": "merged (different items changed here and in the package)",
                "conflict": "changed both here and in the package", "time": "review time added"}[change.action]
        bits = []
        taken = sum(1 for p in change.parts if p.part != REVIEW_PART and p.side == "package")
        kept = sum(1 for p in change.parts if p.part != REVIEW_PART and p.side == "master")
        if taken:
            bits.append(f"{taken} answer(s) from the package")
        if kept and change.action != "kept":
            bits.append(f"{kept} kept from here")
        status = next((p for p in change.parts if p.part == REVIEW_PART and p.side == "package"), None)
        if status is not None and status.package is not None:
            bits.append(f"status {status.package.get('status', '').replace('_', ' ')}")
        if change.active_seconds >= 30:
            bits.append(f"+{duration(change.active_seconds)}")
        lines.append(f"  {change.application_number}: {text}" + (f": {', '.join(bits)}" if bits else ""))
        for part in change.conflicts:
            label = "the review" if part.part == REVIEW_PART else f"item {part.part}"
            decided = f" -> {part.side}" if part.side else ""
            lines.append(f"    {label}: here {describe_part(part, 'master')} | package "
                         f"{describe_part(part, 'package')}{decided}")
    return lines
