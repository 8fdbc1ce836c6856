"""Checklist items and error categories of the report.

Items are merged across the versions of a template by id. Error categories are told apart by
checklist family (the template id, shared by all its versions): the invention and trademark
checklists both use the code `search_deficiency` for different failings, and frozen checklist
versions keep the codes they were answered with, so grouping by family keeps every stored
workspace's figures right where renaming codes could not.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from workbench.review.checklist_parsing import parse_template
from workbench.review.checklists import Checklist, Text
from foundation.errors import WorkbenchError
from workbench.report.strata import Design, Estimate

NO_CATEGORY = Text("No category", "未分类")


@dataclass(frozen=True)
class ItemFigures:
    template_id: str
    checklist: Text
    item_id: str
    text: Text
    reference: Text                  # the legal reference (its Chinese form where the template gives one)
    applicable: int                  # answered pass or fail
    failed: int
    failure: Estimate                # failed / applicable (weighted in a stratified round)
    share: float | None              # of all failures
    cumulative: float | None         # Pareto: this and every item above it


@dataclass(frozen=True)
class CategoryFigures:
    code: str | None
    label: Text                      # the category, with its checklist when several families are shown
    findings: int
    share: float
    cumulative: float
    template_id: str = ""
    checklist: Text = Text("", "")


class ChecklistCache:
    """Stored checklist versions parsed once per report (ids are few; answers are many)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._by_id: dict[int, Checklist | None] = {}
        self._template: dict[int, str] = {}

    def get(self, checklist_id: int) -> Checklist | None:
        if checklist_id not in self._by_id:
            row = self.db.execute("SELECT definition, template_id, version FROM checklists WHERE id = ?",
                                  [checklist_id]).fetchone()
            checklist = None
            if row is not None:
                self._template[checklist_id] = row[1]
                try:
                    checklist = parse_template(json.loads(row[0]), source=f"{row[1]} v{row[2]}")
                except (WorkbenchError, ValueError):
                    checklist = None   # a damaged definition: items are shown by id only
            self._by_id[checklist_id] = checklist
        return self._by_id[checklist_id]

    def template_id(self, checklist_id: int) -> str:
        self.get(checklist_id)
        return self._template.get(checklist_id, f"#{checklist_id}")

    def name(self, checklist_id: int) -> Text:
        checklist = self.get(checklist_id)
        return checklist.name if checklist is not None else Text(self.template_id(checklist_id),
                                                                 self.template_id(checklist_id))

    def item_text(self, checklist_id: int, item_id: str) -> Text | None:
        checklist = self.get(checklist_id)
        if checklist is None:
            return None
        try:
            return checklist.item(item_id).text
        except KeyError:
            return None

    def category_label(self, checklist_id: int, code: str | None) -> Text:
        if not code:
            return NO_CATEGORY
        checklist = self.get(checklist_id)
        label = checklist.categories.get(code) if checklist is not None else None
        return label if label is not None else Text(code, code)


def item_figures(db: sqlite_utils.Database, cte: str, params: dict[str, Any], reviewed_list: str,
                 checklists: ChecklistCache, design: Design) -> tuple[ItemFigures, ...]:
    """Failure rate per item among the reviewed cases where it applied, largest count first."""
    # Items are merged across versions of a template by id; the newest version's text wins.
    counts: dict[tuple[str, str], dict[str | None, list[int]]] = {}
    newest: dict[tuple[str, str], tuple[int, int]] = {}     # key -> (version, checklist id)
    for checklist_id, template_id, version, item_id, stratum, applicable, failed in db.execute(
            f"{cte} SELECT r.checklist_id, k.template_id, k.version, a.item_id, s.design_key,"
            " SUM(a.outcome != 'na'), SUM(a.outcome = 'fail')"
            f" FROM scope s CROSS JOIN reviews r ON r.id = s.review_id AND r.status IN ({reviewed_list})"
            " CROSS JOIN answers a ON a.review_id = r.id JOIN checklists k ON k.id = r.checklist_id"
            " GROUP BY r.checklist_id, a.item_id, s.design_key", params):
        key = (template_id, item_id)
        total = counts.setdefault(key, {}).setdefault(stratum, [0, 0])
        total[0] += applicable
        total[1] += failed
        if key not in newest or version > newest[key][0]:
            newest[key] = (version, checklist_id)
    all_failed = sum(f for per in counts.values() for _, f in per.values())
    rows = []
    for key, per_stratum in counts.items():
        applicable = sum(a for a, _ in per_stratum.values())
        failed = sum(f for _, f in per_stratum.values())
        checklist_id = newest[key][1]
        checklist = checklists.get(checklist_id)
        text = checklists.item_text(checklist_id, key[1]) or Text(key[1], key[1])
        reference = Text("", "")
        if checklist is not None:
            try:
                found = checklist.item(key[1])
                reference = Text(found.reference, found.reference_zh)
            except KeyError:
                pass
        failure = design.rate({h: (a, f) for h, (a, f) in per_stratum.items()})
        rows.append((key, checklists.name(checklist_id), text, reference, applicable, failed, failure))
    rows.sort(key=lambda r: (-r[5], -r[4], r[0]))
    result = []
    running = 0
    for key, name, text, reference, applicable, failed, failure in rows:
        running += failed
        result.append(ItemFigures(
            template_id=key[0], checklist=name, item_id=key[1], text=text, reference=reference,
            applicable=applicable, failed=failed, failure=failure,
            share=failed / all_failed if all_failed else None,
            cumulative=running / all_failed if all_failed else None))
    return tuple(result)


class CategoryCounter:
    """Findings per (checklist family, category code); the family's newest version names both."""

    def __init__(self, checklists: ChecklistCache) -> None:
        self.checklists = checklists
        self.counts: dict[tuple[str, str | None], int] = defaultdict(int)
        self.newest: dict[tuple[str, str | None], int] = {}

    def add(self, checklist_id: int, category: str | None, count: int) -> None:
        key = (self.checklists.template_id(checklist_id), category or None)
        self.counts[key] += count
        if key not in self.newest or checklist_id > self.newest[key]:
            self.newest[key] = checklist_id

    def figures(self) -> tuple[CategoryFigures, ...]:
        """Largest first (the Pareto order), with shares; labels name the checklist when several
        families have findings, so two families' categories of the same name stay apart."""
        total = sum(self.counts.values())
        several = len({family for family, _ in self.counts}) > 1
        labelled: dict[tuple[str, str | None], tuple[Text, Text]] = {}
        for key, checklist_id in self.newest.items():
            label = self.checklists.category_label(checklist_id, key[1])
            name = self.checklists.name(checklist_id)
            if several:
                label = Text(f"{label.en} ({name.en})", f"{label.zh}（{name.zh}）")
            labelled[key] = (label, name)
        ordered = sorted(self.counts, key=lambda k: (-self.counts[k], k[1] is None, labelled[k][0].en))
        result = []
        running = 0
        for key in ordered:
            running += self.counts[key]
            result.append(CategoryFigures(key[1], labelled[key][0], self.counts[key], self.counts[key] / total,
                                          running / total, key[0], labelled[key][1]))
        return tuple(result)

