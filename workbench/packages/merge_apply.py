"""Applying a planned merge here: each review's merged state written, the package's audit
entries copied and re-chained, and the log reconciled with what the merge kept.

The package's audit entries arrive with their original time and actor; each keeps the hash it
was first written with (`audit_origins`), so an entry is never copied twice. Where the merge
kept an answer the copied log would contradict, or changed a review, an entry of its own says
so: replaying the log gives every review and answer as stored (coverage).
"""
from __future__ import annotations

import json
from typing import Any, Mapping

import sqlite_utils

from workbench.audit import chain, coverage
from workbench.packages.audit_copy import ENTRY_SELECT, entry_review
from workbench.packages.merge_plan import REVIEW_PART, ReviewPlan, master_round_id
from workbench.packages.workpackage import Identities, PackageInfo, columns, insert_row, quote, rows
from workbench.review import checklist_parsing, checklist_store, reviews

#: Audit entries about what is managed in the manager's workspace, not in a package: never merged.
MANAGED_HERE = frozenset({"round", "round_case", "import"})
ANSWER_FIELDS = ("answer", "severity", "category", "comment")   # what integrity replays from the log


class MergeWriter:
    """Writes one package's planned reviews and audit entries into this workspace (`db`)."""

    def __init__(self, db: sqlite_utils.Database, pkg: sqlite_utils.Database, info: PackageInfo, name: str,
                 actor: str, ids: Identities) -> None:
        self.db, self.pkg, self.info, self.name, self.actor, self.ids = db, pkg, info, name, actor, ids
        self.master_checklists: dict[str, int] = {}

    # -- audit entries ------------------------------------------------------------------------
    def new_entries(self) -> tuple[list[dict[str, Any]], int]:
        """The package's entries this workspace does not hold yet, in order: those about the reviews
        and the cases reviewed (not those about the round, imports or other cases: not merged)."""
        entries = list(rows(self.pkg, ENTRY_SELECT + " ORDER BY a.id"))
        known: set[bytes | str] = set()
        origins = [e["origin"] for e in entries]
        for start in range(0, len(origins), 500):   # hashes as stored (32 bytes): bound, not in JSON
            chunk = origins[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            known.update(r[0] for r in self.db.execute(f"SELECT hash FROM audit_log WHERE hash IN ({marks})", chunk))
            known.update(r[0] for r in self.db.execute(
                f"SELECT origin_hash FROM audit_origins WHERE origin_hash IN ({marks})", chunk))
        new = [e for e in entries if e["origin"] not in known]
        reviewed = {r[0] for r in self.pkg.execute("SELECT DISTINCT case_id FROM reviews")}
        kept = [e for e in new if e["entity"] in ("review", "answer")
                or (e["entity"] not in MANAGED_HERE and e["case_id"] in reviewed)]
        return kept, len(new) - len(kept)

    def translate(self, entry: Mapping[str, Any], master_of: Mapping[int, int | None],
                  case_of: Mapping[int, int | None]) -> dict[str, Any] | None:
        """The entry with this workspace's case and review ids; None for a review not brought here."""
        out = dict(entry)
        if entry["case_id"] is not None:
            out["case_id"] = case_of.get(entry["case_id"])
        review_id = entry_review(entry)
        if review_id is not None:
            master_id = master_of.get(review_id)
            if master_id is None:     # a review the merge did not bring here (kept absent by choice)
                return None
            if entry["entity"] == "review":
                out["entity_id"] = str(master_id)
            else:
                out["entity_id"] = f"{master_id}/{entry['entity_id'].split('/', 1)[1]}"
        return out

    def reconcile(self, touched: Mapping[int, set[str]]) -> None:
        """Where an answer kept here is not the last one the log now tells (package entries were
        appended after it), say in the log that the merge kept it, so log and answers agree."""
        for review_id, items in sorted(touched.items()):
            case_id = self.db.execute("SELECT case_id FROM reviews WHERE id = ?", [review_id]).fetchone()[0]
            for item in sorted(items):
                # Found through the case's entries (audit_log_case; schema 14 indexes the entity
                # alone): an answer's entries carry its case; one without a case is read as before.
                logged_row = self.db.execute(
                    "SELECT new_value FROM audit_log WHERE (case_id = ? OR case_id IS NULL)"
                    " AND +entity = 'answer' AND entity_id = ? ORDER BY id DESC LIMIT 1",
                    [case_id, f"{review_id}/{item}"]).fetchone()
                logged = json.loads(logged_row[0]) if logged_row and logged_row[0] else None
                stored_row = self.db.execute(
                    f"SELECT {', '.join(ANSWER_FIELDS)} FROM answers WHERE review_id = ? AND item_id = ?",
                    [review_id, item]).fetchone()
                stored = dict(zip(ANSWER_FIELDS, stored_row)) if stored_row else None
                if logged != stored:
                    chain.record(self.db, actor=self.actor, entity="answer", entity_id=f"{review_id}/{item}",
                                 action="merge", old=logged, new=stored, case_id=case_id)

    def record_review_merge(self, plan: ReviewPlan) -> None:
        """The merge of a review written here, in the log: what came from where, and the state now."""
        parts = plan.parts
        chain.record(self.db, actor=self.actor, entity="review", entity_id=plan.master_id, action="merge",
                     case_id=self.ids.case_id(plan.package["review"]["case"]), new={
                         "package": self.info.package_id, "file": self.name, "reviewer": self.info.reviewer,
                         "from_package": [p.part for p in parts if p.side == "package"],
                         "kept": [p.part for p in parts if p.side == "master"],
                         "decided": {p.part: p.side for p in parts if p.conflict},
                         "active_seconds_added": plan.active_delta,
                         "state": coverage.review_fact(self.db, plan.master_id)})

    def record_state(self, master_id: int) -> None:
        """A review whose copied entries (time, say) changed nothing of it here: the log says what it
        holds, so replaying it gives the review as stored (coverage)."""
        chain.record(self.db, actor=self.actor, entity="review", entity_id=master_id, action="merge",
                     case_id=coverage.review_fact(self.db, master_id)["case_id"],
                     new={"package": self.info.package_id, "file": self.name,
                          "state": coverage.review_fact(self.db, master_id)})

    # -- writing a review -----------------------------------------------------------------------
    def write(self, plan: ReviewPlan, touched: dict[int, set[str]]) -> None:
        """The review as merged, stored here (added or updated), with the answers taken from the
        package; `touched` collects the answers changed, per review here."""
        merged = self._merged_state(plan)
        if merged is None:
            return            # absent here, and the manager kept it so
        final_review, answers = merged
        self._derive(plan, final_review, answers)
        before = plan.master["review"].get("active_seconds") if plan.master else 0.0
        final_review["active_seconds"] = float(before or 0.0) + plan.active_delta
        self._store_review(plan, self._master_row(final_review))
        self._store_answers(plan, touched)

    def _merged_state(self, plan: ReviewPlan) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The review row and answers the merge keeps: each part from the side it takes."""
        review_part = next((p for p in plan.parts if p.part == REVIEW_PART), None)
        if plan.master is None:
            if review_part is None or review_part.side != "package":
                return None
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
        return final_review, answers

    def _derive(self, plan: ReviewPlan, final_review: dict[str, Any], answers: Mapping[str, Any]) -> None:
        """Verdict and score: a side's own when everything came from it, else assessed again."""
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

    def _store_review(self, plan: ReviewPlan, row: dict[str, Any]) -> None:
        if plan.master_id is None:
            row["uid"] = plan.uid
            plan.master_id = insert_row(self.db, "reviews", row)
        else:
            known = set(columns(self.db, "reviews")) - {"id", "uid"}
            names = [n for n in row if n in known]
            self.db.execute(f"UPDATE reviews SET {', '.join(f'{quote(n)} = ?' for n in names)} WHERE id = ?",
                            [row[n] for n in names] + [plan.master_id])

    def _store_answers(self, plan: ReviewPlan, touched: dict[int, set[str]]) -> None:
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
        """A portable review row (identities) as a row here (ids)."""
        out = {}
        for name, value in portable.items():
            if name == "case":
                out["case_id"] = self.ids.case_id(value)
            elif name == "checklist":
                out["checklist_id"] = self._master_checklist(value)
            elif name == "round":
                out["round_id"] = master_round_id(self.db, value)
            else:
                out[name] = value
        return out
