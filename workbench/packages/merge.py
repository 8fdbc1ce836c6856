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

This module runs a merge and reports it; the comparison is workbench.packages.merge_plan and
the writing workbench.packages.merge_apply.
"""
from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import sqlite_utils

from db.connection import Workspace, open_database
from workbench.audit import chain
from workbench.packages import trust
from foundation.errors import WorkbenchError, register
from foundation.words import count, number as grouped
from foundation.files import work_copy
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.packages.audit_copy import append_copied, entry_review
from workbench.packages.merge_apply import MergeWriter
from workbench.packages.merge_plan import REVIEW_PART, PartChange, Planner, Resolutions, ReviewPlan
from workbench.packages.workpackage import PackageSummary, canonical, check_file, file_sha256, package_info, summarise

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
})


# -- what a merge does ----------------------------------------------------------------------------

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
                f"{count(self.count('added'), 'review')} added, {grouped(updated)} updated, "
                f"{grouped(self.count('kept'))} kept as they are here"
                + (f", {count(decided, 'conflicting item')} decided" if decided else "")
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


class _Merger:
    """Merges one package file: checks, plans, writes, copies the audit entries, records the merge."""

    def __init__(self, db: sqlite_utils.Database, pkg: sqlite_utils.Database, summary: PackageSummary,
                 path: Path, sha: str, actor: str, resolutions: Resolutions, progress: Progress,
                 cancel: CancelToken) -> None:
        self.db, self.pkg, self.info, self.path, self.sha = db, pkg, summary.info, path, sha
        self.name = path.name
        self.actor, self.progress, self.cancel = actor, progress, cancel
        self.planner = Planner(db, pkg, self.info.package_id, resolutions, progress, cancel)
        self.ids = self.planner.ids
        self.writer = MergeWriter(db, pkg, self.info, self.name, actor, self.ids)
        self.warnings: list[str] = []

    def run(self) -> FileResult:
        round_id, round_name = self._round()
        self.warnings = trust.check_package(self.db, self.pkg, self.info, name=self.name,
                                                    round_id=round_id, round_name=round_name,
                                                    merged_at=chain.now_iso())
        return replace(self._run(round_id, round_name), warnings=tuple(self.warnings))

    def _run(self, round_id: int, round_name: str) -> FileResult:
        self._check_cases()
        plans = self.planner.plan()
        trust.check_final(self.db, plans, name=self.name)
        entries, not_merged = self.writer.new_entries()
        self._check_entries(plans, entries)
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
        touched = self._write_reviews(plans, writes)
        appended, copied_for = self._copy_entries(plans, entries, touched)
        self.writer.reconcile(touched)
        reviews = self._report(plans)
        self._record_reviews(plans, writes, copied_for)
        for plan in plans:    # the base moves on to the state merged: sending it again changes nothing
            self.db.execute("INSERT INTO package_bases (package_id, review_uid, state) VALUES (?, ?, ?)"
                            " ON CONFLICT (package_id, review_uid) DO UPDATE SET state = excluded.state",
                            [self.info.package_id, plan.uid, canonical(plan.package)])
        result = FileResult(str(self.path), "merged", None, self.sha, self.info.package_id, round_name,
                            self.info.reviewer, reviews, appended)
        self._record_file(result, round_id, not_merged)
        self.progress(1, 1, "merged")
        return result

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

    def _check_entries(self, plans: Sequence[ReviewPlan], entries: Sequence[Mapping[str, Any]]) -> None:
        """Every entry about a review is about one the package holds."""
        by_package_id = {p.package_id: p for p in plans}
        for entry in entries:
            review_id = entry_review(entry)
            if review_id is not None and review_id not in by_package_id:
                raise WorkbenchError("merge.orphan_entry", name=self.name, entry=entry["id"], review=review_id)

    # -- the steps of a merge -----------------------------------------------------------------
    def _write_reviews(self, plans: Sequence[ReviewPlan], writes: Sequence[ReviewPlan]) -> dict[int, set[str]]:
        """Each review that changes, written; returns the answers changed, per review here."""
        touched: dict[int, set[str]] = {}
        for done, plan in enumerate(writes, start=1):
            self.writer.write(plan, touched)
            if done % 20 == 0:
                self.cancel.check()
                self.progress(len(plans) + done * len(plans) // max(1, len(writes)), 2 * len(plans),
                              "merging the reviews")
        return touched

    def _copy_entries(self, plans: Sequence[ReviewPlan], entries: Sequence[Mapping[str, Any]],
                      touched: dict[int, set[str]]) -> tuple[int, set[int | None]]:
        """The package's new audit entries, appended here in order; returns how many, and the
        (package) reviews they were about."""
        master_of = {p.package_id: p.master_id for p in plans}
        case_of = {pkg_id: self.ids.case_id(number) for pkg_id, number in
                   self.pkg.execute("SELECT id, application_number FROM cases")}
        appended = 0
        copied_for: set[int | None] = set()
        for entry in entries:
            translated = self.writer.translate(entry, master_of, case_of)
            if translated is None:
                continue
            append_copied(self.db, translated, source=self.info.package_id)
            copied_for.add(entry_review(entry))
            appended += 1
            if translated["entity"] == "answer":
                review_id, item = translated["entity_id"].split("/", 1)
                touched.setdefault(int(review_id), set()).add(item)
            if appended % 200 == 0:
                self.cancel.check()
        return appended, copied_for

    def _record_reviews(self, plans: Sequence[ReviewPlan], writes: Sequence[ReviewPlan],
                        copied_for: set[int | None]) -> None:
        """An entry per review merged, and per review whose copied entries changed nothing of it here."""
        for plan in writes:
            if plan.master_id is not None:
                self.writer.record_review_merge(plan)
        written = {p.master_id for p in writes}
        for plan in plans:
            if plan.master_id is not None and plan.master_id not in written and plan.package_id in copied_for:
                self.writer.record_state(plan.master_id)

    def _record_file(self, result: FileResult, round_id: int, not_merged: int) -> None:
        """The file merged, by its digest: merging it again is recognised and changes nothing."""
        self.db.execute(
            "INSERT INTO package_merges (package_id, file_name, sha256, merged_at, merged_by, round_id, reviewer,"
            " reviews_added, reviews_updated, reviews_kept, conflicts, audit_entries, active_seconds, summary)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [self.info.package_id, self.name, self.sha, chain.now_iso(), self.actor, round_id, self.info.reviewer,
             result.count("added"), result.count("updated", "merged", "time", "conflict"), result.count("kept"),
             len(result.conflicts), result.audit_entries, result.active_seconds,
             canonical({"reviews": [{"case": r.application_number, "uid": r.review_uid, "action": r.action,
                                     "parts": {p.part: p.side for p in r.parts}} for r in result.reviews],
                        "audit_entries_not_merged": not_merged, "warnings": self.warnings})])

    def _report(self, plans: Sequence[ReviewPlan]) -> tuple[ReviewChange, ...]:
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
            bits.append(f"{count(taken, 'answer')} from the package")
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
