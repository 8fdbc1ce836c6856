"""Every figure of the quality-and-efficiency report, computed in one place.

The workbook (workbench/excel_sheets.py) and the dashboard (ui/dashboard.py) both show a
`Report` from `compute_report`, so the screen and the file never disagree; the tests
recompute each figure from the exported Cases and Findings sheets.

Definitions (also written to the workbook's About sheet, see DEFINITIONS):
- scope: the cases of the round, if one is chosen, whose decision date lies in the period, if given;
- the review of a case: its latest completed or signed-off review (by completion time), else its
  latest open one; for a round, only the reviews made in that round;
- reviewed: that review is completed or signed off; only reviewed cases enter the figures;
- compliant: reviewed without error, i.e. verdict `compliant` or `defect` (a defect is a minor
  finding, not an error); defect rate and error rate count the verdicts `defect` and `error`;
- findings: the failing answers of the reviews that count;
- review minutes: the active time of reviewed cases that have time recorded;
- pendency: decision date minus filing date in days, over the cases in scope with both dates.

Rounds are read straight from their tables (rounds, round_cases, round_strata, reviews.round_id)
rather than through workbench.rounds, so the report only depends on what is stored.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator, Mapping, Sequence

import sqlite_utils

from workbench.checklists import SEVERITIES, Checklist, Text, parse_template
from workbench.dates import parse_date
from workbench.errors import WorkbenchError, register
from workbench.review import STANDING_ORDER
from workbench.statistics import (
    Proportion,
    StratifiedEstimate,
    Stratum,
    median,
    percentile,
    stratified_proportion,
    wilson_interval,
)

register({
    "report.unknown_round": "There is no round named {name!r}{known}.",
    "report.bad_date": "{what}: {value!r} is not a date; write it like 2022-06-30.",
    "report.date_order": "The period is empty: it starts on {start}, after it ends on {end}.",
    "report.target": "The target must be a percentage above 0 and at most 100 (got {value!r}).",
})

DEFAULT_TARGET = 0.90
CONFIDENCE = 0.95
REVIEWED_STATUSES = ("completed", "signed_off")
COMPLIANT_VERDICTS = ("compliant", "defect")
#: Plans whose round_strata partition the population, so the stratified estimator applies
#: (an acceptance round's lots are strata too).
STRATIFIED_METHODS = ("stratified", "acceptance")
IP_TYPE_ORDER = ("invention", "utility_model", "design", "trademark")

IP_TYPE_LABELS = {
    "invention": Text("Invention", "发明"),
    "utility_model": Text("Utility model", "实用新型"),
    "design": Text("Design", "外观设计"),
    "trademark": Text("Trademark", "商标"),
}
SEVERITY_LABELS = {
    "critical": Text("Critical", "严重"),
    "major": Text("Major", "重大"),
    "minor": Text("Minor", "一般"),
    "advisory": Text("Advisory", "提示"),
}
STATUS_LABELS = {
    "not_reviewed": Text("Not reviewed", "未评查"),
    "open": Text("Open", "待评查"),
    "in_progress": Text("In progress", "评查中"),
    "completed": Text("Completed", "已完成"),
    "signed_off": Text("Signed off", "已签发"),
}
VERDICT_LABELS = {
    "error": Text("Error", "差错"),
    "defect": Text("Defect", "瑕疵"),
    "compliant": Text("Compliant", "合格"),
}
NO_CATEGORY = Text("No category", "未分类")

DEFINITIONS: tuple[tuple[Text, Text], ...] = (
    (Text("Scope", "统计范围"),
     Text("The cases of the round (if one is chosen) whose decision date lies in the period (if given).",
          "所选评查轮次中（如有）结案日在所选期间内（如有）的案件。")),
    (Text("Review of a case", "案件的评查"),
     Text("The latest completed or signed-off review of the case (an open review never hides it); "
          "for a round, only the reviews made in that round.",
          "该案件最近一次已完成或已签发的评查（未完成的评查不会遮盖它）；按轮次统计时只取该轮次的评查。")),
    (Text("Reviewed", "已评查"),
     Text("The review is completed or signed off; only reviewed cases enter the figures.",
          "评查已完成或已签发；只有已评查案件计入各项指标。")),
    (Text("Compliance rate", "合格率"),
     Text("Reviewed cases without error (verdict compliant or defect) / reviewed cases.",
          "无差错的已评查案件（结论为合格或瑕疵）/ 已评查案件。")),
    (Text("Defect rate", "瑕疵率"),
     Text("Reviewed cases with only minor findings (verdict defect) / reviewed cases.",
          "仅有一般问题的已评查案件（结论为瑕疵）/ 已评查案件。")),
    (Text("Error rate", "差错率"),
     Text("Reviewed cases with a critical or major finding (verdict error) / reviewed cases.",
          "有严重或重大问题的已评查案件（结论为差错）/ 已评查案件。")),
    (Text("Interval", "置信区间"),
     Text("95% Wilson score interval of the proportion.", "比例的 95% Wilson 得分区间。")),
    (Text("Findings", "问题"),
     Text("Failing checklist answers of the reviews that count.", "计入统计的评查中判为不合格的评查项。")),
    (Text("Review minutes", "评查用时"),
     Text("Active review time of reviewed cases with time recorded; percentiles interpolate linearly "
          "between values, as Excel's PERCENTILE.INC.",
          "有计时记录的已评查案件的有效评查时间；百分位数在相邻值之间线性插值，与 Excel 的 PERCENTILE.INC 相同。")),
    (Text("Pendency", "审查周期"),
     Text("Decision date minus filing date, in days, over the cases in scope with both dates.",
          "结案日减申请日（天），统计范围内两个日期齐全的案件。")),
    (Text("Below target", "低于目标"),
     Text("A row is highlighted when the whole interval of its compliance rate lies below the target.",
          "合格率的整个置信区间低于目标值时，该行突出显示。")),
)
STRATIFIED_DEFINITION = Text(
    "Stratified estimate: p = sum of W_h * p_h with W_h = N_h / N (each stratum weighted by its share of the "
    "population); variance = sum of W_h^2 * (1 - n_h/N_h) * p_h * (1 - p_h) / (n_h - 1); interval p +/- z * "
    "sqrt(variance). n_h counts the reviewed cases of stratum h.",
    "分层估计：p = Σ W_h·p_h，W_h = N_h / N（各层按其在总体中的比重加权）；方差 = Σ W_h²·(1 − n_h/N_h)·p_h·(1 − p_h) / "
    "(n_h − 1)；区间为 p ± z·√方差。n_h 为第 h 层的已评查案件数。")


# -- the filter and the scope ----------------------------------------------------------------

@dataclass(frozen=True)
class ReportFilter:
    """What the report covers: a round, a period of decision dates, or both (None: everything)."""

    round_name: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise WorkbenchError("report.date_order", start=self.date_from.isoformat(),
                                 end=self.date_to.isoformat())


def parse_filter_date(value: str | None, what: str) -> date | None:
    """A date from the command line or a form; raises report.bad_date naming the option."""
    if value is None or not str(value).strip():
        return None
    try:
        parsed = parse_date(str(value).strip())
    except WorkbenchError:
        parsed = None
    if parsed is None:
        raise WorkbenchError("report.bad_date", what=what, value=value)
    return parsed


def parse_target(value: float | str) -> float:
    """A target given as a percentage (90) or a fraction (0.9) -> a fraction in (0, 1]."""
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise WorkbenchError("report.target", value=value) from None
    if number > 1.0:
        number /= 100.0
    if not math.isfinite(number) or not 0.0 < number <= 1.0:
        raise WorkbenchError("report.target", value=value)
    return number


@dataclass(frozen=True)
class RoundInfo:
    """A round as stored: enough to say how its sample was drawn and to draw it again."""

    id: int
    name: str
    created_at: str
    seed: int
    population: int
    filters: Mapping[str, Any]
    plan: Mapping[str, Any]
    stored: tuple[tuple[str, Any], ...]   # every column of the rounds row, for the About sheet

    @property
    def method(self) -> str:
        return str(self.plan.get("method", ""))


@dataclass(frozen=True)
class Scope:
    """The resolved filter: the round row, and the SQL that lists the cases and their reviews."""

    filter: ReportFilter
    round: RoundInfo | None

    def cte(self) -> tuple[str, dict[str, Any]]:
        """`WITH scope(case_id, stratum, review_id) AS (...)` and its named parameters."""
        params: dict[str, Any] = {}
        where = []
        if self.round is not None:
            params["round_id"] = self.round.id
            join = "JOIN round_cases rc ON rc.case_id = c.id AND rc.round_id = :round_id"
            stratum = "rc.stratum"
            # A round's figures come from that round's reviews only: the latest completed or
            # signed-off one, else the latest still open (which counts as not reviewed).
            review = ("(SELECT r.id FROM reviews r WHERE r.case_id = c.id AND r.round_id = :round_id"
                      f" ORDER BY {STANDING_ORDER} LIMIT 1)")
        else:
            join = ""
            stratum = "NULL"
            # All cases: the review that stands for each case, kept by triggers (schema 6).
            review = "(SELECT lr.review_id FROM latest_reviews lr WHERE lr.case_id = c.id)"
        if self.filter.date_from is not None:
            params["date_from"] = self.filter.date_from.isoformat()
            where.append("c.decision_date >= :date_from")
        if self.filter.date_to is not None:
            params["date_to"] = self.filter.date_to.isoformat()
            where.append("c.decision_date <= :date_to")
        condition = f"WHERE {' AND '.join(where)}" if where else ""
        sql = (f"WITH scope(case_id, stratum, review_id) AS (SELECT c.id, {stratum}, {review}"
               f" FROM cases c {join} {condition})")
        return sql, params


def list_round_names(db: sqlite_utils.Database) -> list[str]:
    """Round names, newest first (for the dashboard's filter)."""
    return [row[0] for row in db.execute("SELECT name FROM rounds ORDER BY id DESC")]


def resolve_scope(db: sqlite_utils.Database, report_filter: ReportFilter) -> Scope:
    """The scope of a filter; raises report.unknown_round naming the rounds there are."""
    if report_filter.round_name is None:
        return Scope(report_filter, None)
    cursor = db.execute("SELECT * FROM rounds WHERE name = ?", [report_filter.round_name.strip()])
    row = cursor.fetchone()
    if row is None:
        names = list_round_names(db)
        known = f" (rounds: {', '.join(names[:10])}{', ...' if len(names) > 10 else ''})" if names \
            else " (this workspace has no rounds yet)"
        raise WorkbenchError("report.unknown_round", name=report_filter.round_name, known=known)
    stored = tuple(zip((d[0] for d in cursor.description), row))
    values = dict(stored)
    return Scope(report_filter, RoundInfo(
        id=values["id"], name=values["name"], created_at=values.get("created_at") or "",
        seed=values.get("seed"), population=values.get("population") or 0,
        filters=_json_object(values.get("filters")), plan=_json_object(values.get("plan")), stored=stored))


def _json_object(text: Any) -> Mapping[str, Any]:
    try:
        value = json.loads(text or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


# -- the figures --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupFigures:
    """The figures of one group of cases (a department, an examiner, an IP type, or all)."""

    key: tuple[str, ...]
    cases: int                       # in scope, reviewed or not
    reviewed: int
    compliant: int
    defects: int
    errors: int
    compliance: Proportion           # compliant / reviewed with its Wilson interval
    findings: Mapping[str, int]      # severity -> findings (every severity present)
    findings_total: int              # includes findings without a severity
    median_minutes: float | None
    p90_minutes: float | None
    timed: int                       # reviewed cases with review time recorded
    below_target: bool               # the whole interval lies below the target


@dataclass(frozen=True)
class PendencyFigures:
    ip_type: str
    cases: int
    median_days: float | None


@dataclass(frozen=True)
class ItemFigures:
    template_id: str
    checklist: Text
    item_id: str
    text: Text
    reference: str
    applicable: int                  # answered pass or fail
    failed: int
    failure: Proportion              # failed / applicable
    share: float | None              # of all failures
    cumulative: float | None         # Pareto: this and every item above it


@dataclass(frozen=True)
class CategoryFigures:
    code: str | None
    label: Text
    findings: int
    share: float
    cumulative: float


@dataclass(frozen=True)
class StratumFigures:
    name: str
    population: int
    weight: float
    drawn: int
    reviewed: int
    compliant: int
    compliance: Proportion


@dataclass(frozen=True)
class Report:
    scope: Scope
    target: float
    confidence: float
    population: int                  # the round's population, else the cases in scope
    drawn: int | None                # cases drawn into the round (within the period), else None
    cases: int                       # cases in scope
    reviewed: int
    in_progress: int
    not_reviewed: int
    overall: GroupFigures
    defect_rate: Proportion
    error_rate: Proportion
    stratified: StratifiedEstimate | None
    stratified_note: str             # why a stratified round has no stratified estimate: "no_strata", "period"
    strata: tuple[StratumFigures, ...]
    pendency: tuple[PendencyFigures, ...]
    by_department: tuple[GroupFigures, ...]
    by_examiner: tuple[GroupFigures, ...]
    by_ip_type: tuple[GroupFigures, ...]
    items: tuple[ItemFigures, ...]
    categories: tuple[CategoryFigures, ...]

    @property
    def compliance(self) -> tuple[float | None, float | None, float | None]:
        """The headline compliance (rate, low, high): the stratified estimate when there is one."""
        if self.stratified is not None and self.stratified.estimate is not None:
            return self.stratified.estimate, self.stratified.low, self.stratified.high
        c = self.overall.compliance
        return c.rate, c.low, c.high

    @property
    def findings_total(self) -> int:
        return self.overall.findings_total


@dataclass
class _Group:
    cases: int = 0
    reviewed: int = 0
    compliant: int = 0
    defects: int = 0
    errors: int = 0
    minutes: list[float] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)
    findings_total: int = 0

    def add_case(self, reviewed: bool, verdict: str | None, seconds: float | None) -> None:
        self.cases += 1
        if not reviewed:
            return
        self.reviewed += 1
        if verdict in COMPLIANT_VERDICTS:
            self.compliant += 1
        if verdict == "defect":
            self.defects += 1
        elif verdict == "error":
            self.errors += 1
        if seconds:
            self.minutes.append(seconds / 60.0)

    def add_findings(self, severity: str | None, count: int) -> None:
        self.findings_total += count
        if severity:
            self.findings[severity] = self.findings.get(severity, 0) + count

    def figures(self, key: tuple[str, ...], target: float, confidence: float) -> GroupFigures:
        compliance = wilson_interval(self.compliant, self.reviewed, confidence)
        return GroupFigures(
            key=key, cases=self.cases, reviewed=self.reviewed, compliant=self.compliant, defects=self.defects,
            errors=self.errors, compliance=compliance,
            findings={s: self.findings.get(s, 0) for s in SEVERITIES}, findings_total=self.findings_total,
            median_minutes=median(self.minutes), p90_minutes=percentile(self.minutes, 0.9),
            timed=len(self.minutes),
            below_target=compliance.high is not None and compliance.high < target)


class ChecklistCache:
    """Stored checklist versions parsed once per report (ids are few; answers are many)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._by_id: dict[int, Checklist | None] = {}

    def get(self, checklist_id: int) -> Checklist | None:
        if checklist_id not in self._by_id:
            row = self.db.execute("SELECT definition, template_id, version FROM checklists WHERE id = ?",
                                  [checklist_id]).fetchone()
            checklist = None
            if row is not None:
                try:
                    checklist = parse_template(json.loads(row[0]), source=f"{row[1]} v{row[2]}")
                except (WorkbenchError, ValueError):
                    checklist = None   # a damaged definition: items are shown by id only
            self._by_id[checklist_id] = checklist
        return self._by_id[checklist_id]

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


def _sorted_groups(groups: Mapping[tuple[str, ...], _Group], target: float, confidence: float,
                   order: Sequence[str] | None = None) -> tuple[GroupFigures, ...]:
    if order is not None:
        rank = {value: index for index, value in enumerate(order)}
        keys = sorted(groups, key=lambda k: (rank.get(k[0], len(rank)), k))
    else:
        keys = sorted(groups)
    return tuple(groups[k].figures(k, target, confidence) for k in keys)


def compute_report(db: sqlite_utils.Database, report_filter: ReportFilter | Scope = ReportFilter(), *,
                   target: float = DEFAULT_TARGET, confidence: float = CONFIDENCE) -> Report:
    """Every figure of the report for the filter; raises report.unknown_round."""
    scope = report_filter if isinstance(report_filter, Scope) else resolve_scope(db, report_filter)
    cte, params = scope.cte()
    reviewed_list = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)

    overall = _Group()
    departments: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    examiners: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    ip_types: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    strata_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])   # drawn, reviewed, compliant
    pendency: dict[str, list[float]] = defaultdict(list)
    pendency_cases: dict[str, int] = defaultdict(int)
    in_progress = 0
    for (ip_type, department, examiner, filing, decision, stratum, status, verdict, seconds) in db.execute(
            f"{cte} SELECT c.ip_type, c.department, c.examiner, c.filing_date, c.decision_date, s.stratum,"
            " r.status, r.verdict, r.active_seconds"
            " FROM scope s JOIN cases c ON c.id = s.case_id LEFT JOIN reviews r ON r.id = s.review_id", params):
        reviewed = status in REVIEWED_STATUSES
        if status == "in_progress":
            in_progress += 1
        for group in (overall, departments[(department,)], examiners[(department, examiner)],
                      ip_types[(ip_type,)]):
            group.add_case(reviewed, verdict, seconds)
        if stratum is not None:
            counts = strata_counts[stratum]
            counts[0] += 1
            if reviewed:
                counts[1] += 1
                counts[2] += verdict in COMPLIANT_VERDICTS
        days = _days_between(filing, decision)
        if days is not None:
            pendency[ip_type].append(days)
            pendency_cases[ip_type] += 1

    checklists = ChecklistCache(db)
    category_counts: dict[str | None, int] = defaultdict(int)
    category_labels: dict[str | None, tuple[int, Text]] = {}     # code -> (checklist id, label)
    # One pass over the findings for the severities of every group and the categories.
    for department, examiner, ip_type, severity, checklist_id, category, count in db.execute(
            f"{cte} SELECT c.department, c.examiner, c.ip_type, a.severity, r.checklist_id, a.category, COUNT(*)"
            " FROM scope s JOIN cases c ON c.id = s.case_id"
            f" JOIN reviews r ON r.id = s.review_id AND r.status IN ({reviewed_list})"
            " JOIN answers a ON a.review_id = r.id AND a.outcome = 'fail'"
            " GROUP BY c.department, c.examiner, c.ip_type, a.severity, r.checklist_id, a.category", params):
        for group in (overall, departments[(department,)], examiners[(department, examiner)],
                      ip_types[(ip_type,)]):
            group.add_findings(severity, count)
        category = category or None
        category_counts[category] += count
        if category not in category_labels or checklist_id > category_labels[category][0]:
            # The newest checklist version names the category.
            category_labels[category] = (checklist_id, checklists.category_label(checklist_id, category))

    items = _item_figures(db, cte, params, reviewed_list, checklists, confidence)
    categories = _category_figures(category_counts, {c: label for c, (_, label) in category_labels.items()})

    overall_figures = overall.figures((), target, confidence)
    stratified, note, strata = _stratified(db, scope, strata_counts, confidence)
    drawn = None
    population = overall.cases
    if scope.round is not None:
        drawn = overall.cases
        population = scope.round.population
    return Report(
        scope=scope, target=target, confidence=confidence, population=population, drawn=drawn,
        cases=overall.cases, reviewed=overall.reviewed, in_progress=in_progress,
        not_reviewed=overall.cases - overall.reviewed - in_progress,
        overall=overall_figures,
        defect_rate=wilson_interval(overall.defects, overall.reviewed, confidence),
        error_rate=wilson_interval(overall.errors, overall.reviewed, confidence),
        stratified=stratified, stratified_note=note, strata=strata,
        pendency=tuple(PendencyFigures(t, pendency_cases[t], median(pendency[t]))
                       for t in sorted(pendency, key=_ip_rank)),
        by_department=_sorted_groups(departments, target, confidence),
        by_examiner=_sorted_groups(examiners, target, confidence),
        by_ip_type=_sorted_groups(ip_types, target, confidence, IP_TYPE_ORDER),
        items=items, categories=categories)


def _ip_rank(ip_type: str) -> tuple[int, str]:
    return (IP_TYPE_ORDER.index(ip_type) if ip_type in IP_TYPE_ORDER else len(IP_TYPE_ORDER), ip_type)


def _days_between(filing: str | None, decision: str | None) -> int | None:
    if not filing or not decision:
        return None
    try:
        days = (date.fromisoformat(decision[:10]) - date.fromisoformat(filing[:10])).days
    except ValueError:
        return None
    return days if days >= 0 else None


def _item_figures(db: sqlite_utils.Database, cte: str, params: dict[str, Any], reviewed_list: str,
                  checklists: ChecklistCache, confidence: float) -> tuple[ItemFigures, ...]:
    # Items are merged across versions of a template by id; the newest version's text wins.
    counts: dict[tuple[str, str], list[int]] = {}
    newest: dict[tuple[str, str], tuple[int, int]] = {}     # key -> (version, checklist id)
    for checklist_id, template_id, version, item_id, applicable, failed in db.execute(
            f"{cte} SELECT r.checklist_id, k.template_id, k.version, a.item_id,"
            " SUM(a.outcome != 'na'), SUM(a.outcome = 'fail')"
            f" FROM scope s JOIN reviews r ON r.id = s.review_id AND r.status IN ({reviewed_list})"
            " JOIN checklists k ON k.id = r.checklist_id JOIN answers a ON a.review_id = r.id"
            " GROUP BY r.checklist_id, a.item_id", params):
        key = (template_id, item_id)
        total = counts.setdefault(key, [0, 0])
        total[0] += applicable
        total[1] += failed
        if key not in newest or version > newest[key][0]:
            newest[key] = (version, checklist_id)
    all_failed = sum(f for _, f in counts.values())
    rows = []
    for key, (applicable, failed) in counts.items():
        checklist_id = newest[key][1]
        checklist = checklists.get(checklist_id)
        text = checklists.item_text(checklist_id, key[1]) or Text(key[1], key[1])
        reference = ""
        if checklist is not None:
            try:
                reference = checklist.item(key[1]).reference
            except KeyError:
                pass
        rows.append((key, checklist.name if checklist is not None else Text(key[0], key[0]), text, reference,
                     applicable, failed))
    rows.sort(key=lambda r: (-r[5], -r[4], r[0]))
    result = []
    running = 0
    for key, name, text, reference, applicable, failed in rows:
        running += failed
        result.append(ItemFigures(
            template_id=key[0], checklist=name, item_id=key[1], text=text, reference=reference,
            applicable=applicable, failed=failed, failure=wilson_interval(failed, applicable, confidence),
            share=failed / all_failed if all_failed else None,
            cumulative=running / all_failed if all_failed else None))
    return tuple(result)


def _category_figures(counts: Mapping[str | None, int],
                      labels: Mapping[str | None, Text]) -> tuple[CategoryFigures, ...]:
    """Findings per error category, largest first (the Pareto order), with shares."""
    total = sum(counts.values())
    ordered = sorted(counts, key=lambda c: (-counts[c], c is None, labels[c].en))
    result = []
    running = 0
    for code in ordered:
        running += counts[code]
        result.append(CategoryFigures(code, labels[code], counts[code], counts[code] / total, running / total))
    return tuple(result)


def _stratified(db: sqlite_utils.Database, scope: Scope, counts: Mapping[str, list[int]],
                confidence: float) -> tuple[StratifiedEstimate | None, str, tuple[StratumFigures, ...]]:
    if scope.round is None or scope.round.method not in STRATIFIED_METHODS:
        return None, "", ()
    stored = db.execute("SELECT stratum, population, sample FROM round_strata WHERE round_id = ?"
                        " ORDER BY stratum", [scope.round.id]).fetchall()
    if not stored:
        return None, "no_strata", ()
    total_population = sum(row[1] for row in stored)
    strata = []
    for name, population, _sample in stored:
        drawn, reviewed, compliant = counts.get(name, (0, 0, 0))
        strata.append(StratumFigures(
            name=name, population=population,
            weight=population / total_population if total_population else 0.0,
            drawn=drawn, reviewed=reviewed, compliant=compliant,
            compliance=wilson_interval(compliant, reviewed, confidence)))
    if scope.filter.date_from is not None or scope.filter.date_to is not None:
        # The stored stratum populations describe the whole round, not a period within it.
        return None, "period", tuple(strata)
    estimate = stratified_proportion(
        [Stratum(s.name, s.population, min(s.reviewed, s.population), min(s.compliant, s.population))
         for s in strata], confidence)
    return estimate, "", tuple(strata)


# -- the rows of the Cases and Findings sheets --------------------------------------------------

CASE_FIELDS = ("application_number", "ip_type", "title", "applicant", "examiner", "department",
               "classification", "procedure", "decision", "filing_date", "decision_date", "stratum",
               "status", "verdict", "score", "findings", "active_seconds", "reviewer", "completed_at")
FINDING_FIELDS = ("application_number", "ip_type", "title", "examiner", "department", "reviewer",
                  "item_id", "item_text", "severity", "category", "comment", "answered_at", "status")


def count_cases(db: sqlite_utils.Database, scope: Scope) -> int:
    cte, params = scope.cte()
    return db.execute(f"{cte} SELECT COUNT(*) FROM scope", params).fetchone()[0]


def count_findings(db: sqlite_utils.Database, scope: Scope) -> int:
    cte, params = scope.cte()
    return db.execute(f"{cte} SELECT COUNT(*) FROM scope s JOIN answers a ON a.review_id = s.review_id"
                      " AND a.outcome = 'fail'", params).fetchone()[0]


def case_rows(db: sqlite_utils.Database, scope: Scope) -> Iterator[tuple[Any, ...]]:
    """One tuple per case in scope (fields CASE_FIELDS), reviewed or not, by application number."""
    cte, params = scope.cte()
    return db.execute(
        f"{cte}, counted(review_id, n) AS (SELECT a.review_id, COUNT(*) FROM scope s"
        " JOIN answers a ON a.review_id = s.review_id AND a.outcome = 'fail' GROUP BY a.review_id)"
        " SELECT c.application_number, c.ip_type, c.title, c.applicant, c.examiner, c.department,"
        " c.classification, c.procedure, c.decision, c.filing_date, c.decision_date, s.stratum,"
        " COALESCE(r.status, 'not_reviewed'), r.verdict, r.score, COALESCE(f.n, 0), r.active_seconds,"
        " r.reviewer, r.completed_at"
        " FROM scope s JOIN cases c ON c.id = s.case_id LEFT JOIN reviews r ON r.id = s.review_id"
        " LEFT JOIN counted f ON f.review_id = s.review_id ORDER BY c.application_number", params)


def finding_rows(db: sqlite_utils.Database, scope: Scope, language: str,
                 checklists: ChecklistCache | None = None) -> Iterator[tuple[Any, ...]]:
    """One tuple per finding of the reviews in scope (fields FINDING_FIELDS), item text and category label
    in the language. Findings of reviews still in progress are listed too, with their status, so the
    sheet shows all open work; the figures count only reviewed cases."""
    cte, params = scope.cte()
    checklists = checklists or ChecklistCache(db)
    texts: dict[tuple[int, str], str] = {}
    labels: dict[tuple[int, str | None], str] = {}
    for row in db.execute(
            f"{cte} SELECT c.application_number, c.ip_type, c.title, c.examiner, c.department, r.reviewer,"
            " r.checklist_id, a.item_id, a.severity, a.category, a.comment, a.answered_at, r.status"
            " FROM scope s JOIN cases c ON c.id = s.case_id JOIN reviews r ON r.id = s.review_id"
            " JOIN answers a ON a.review_id = r.id AND a.outcome = 'fail'"
            " ORDER BY c.application_number, a.item_id", params):
        checklist_id, item_id, category = row[6], row[7], row[9]
        text = texts.get((checklist_id, item_id))
        if text is None:
            found = checklists.item_text(checklist_id, item_id)
            text = texts[(checklist_id, item_id)] = found.get(language) if found is not None else ""
        label = labels.get((checklist_id, category))
        if label is None:
            label = labels[(checklist_id, category)] = (
                checklists.category_label(checklist_id, category).get(language) if category else "")
        yield (row[0], row[1], row[2], row[3], row[4], row[5], item_id, text, row[8], label, row[10], row[11],
               row[12])
