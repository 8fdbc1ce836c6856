"""Every figure of the quality-and-efficiency report, computed in one place.

The workbook (workbench/report/sheets.py and summary_sheets.py) and the dashboard (ui/dashboard.py) both show a
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
rather than through workbench.rounds.store, so the report only depends on what is stored.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping, Sequence

import sqlite_utils

from workbench.review.checklists import SEVERITIES, Text
from workbench.report import case_counts, glossary
from workbench.importing.dates import parse_date
from foundation.errors import WorkbenchError, register
from workbench.review.reviews import STANDING_ORDER
from workbench.report.items import (
    CategoryCounter,
    CategoryFigures,
    ChecklistCache,
    ItemFigures,
    item_figures,
)
from workbench.report.strata import Design, Estimate, StratumFigures, uncovered
from workbench.stats.intervals import STRATIFIED_ESTIMATOR, StratifiedEstimate, counted_median, percentiles

register({
    "report.unknown_round": "There is no round named {name!r}{known}.",
    "report.bad_date": "{what}: {value!r} is not a date; write it like 2022-06-30.",
    "report.date_order": "The period is empty: it starts on {start}, after it ends on {end}.",
})

DEFAULT_TARGET = 0.90
CONFIDENCE = 0.95
REVIEWED_STATUSES = ("completed", "signed_off")
COMPLIANT_VERDICTS = ("compliant", "defect")
#: Plans whose round_strata partition the population, so the stratified estimator applies
#: (an acceptance round's lots are strata too).
STRATIFIED_METHODS = ("stratified", "acceptance")
#: Methods whose cases have unequal inclusion probabilities: every rate is a Hájek estimate.
WEIGHTED_METHODS = ("risk",)
IP_TYPE_ORDER = ("invention", "utility_model", "design", "trademark")

# The words for stored codes, shared with the window (resources/glossary.json).
IP_TYPE_LABELS = glossary.labels("ip_type")
SEVERITY_LABELS = glossary.labels("severity")
STATUS_LABELS = glossary.labels("status")
VERDICT_LABELS = glossary.labels("verdict")

DEFINITIONS: tuple[tuple[Text, Text], ...] = (
    (Text("Scope", "统计范围"),
     Text("The cases of the round (if one is chosen) whose decision date lies in the period (if given).",
          "所选评查轮次中（如有）结案日在所选期间内（如有）的案件。")),
    (Text("Review of a case", "案件的评查"),
     Text("The latest completed or signed-off review of the case (an open review never hides it); "
          "for a round, only the reviews made in that round.",
          "该案件最近一次已完成或已确认的评查（未完成的评查不会遮盖它）；按轮次统计时只取该轮次的评查。")),
    (Text("Reviewed", "已评查"),
     Text("The review is completed or signed off; only reviewed cases enter the figures.",
          "评查已完成或已确认；只有已评查案件计入各项指标。")),
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
     Text("95% Wilson score interval of the proportion; in a stratified round every rate is the stratified "
          "estimate with its Korn-Graubard interval instead (see Estimator).",
          "比例的 95% Wilson 得分区间；分层轮次中所有比率改为分层估计及其 Korn-Graubard 区间（见估计方法）。")),
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
#: The estimator's name (workbench.stats.intervals.STRATIFIED_ESTIMATOR) in both languages; the method
#: names and the R reference stay as proper names in the Chinese text.
STRATIFIED_ESTIMATOR_TEXT = Text(
    STRATIFIED_ESTIMATOR + ".",
    "分层比率估计，区间为 Korn-Graubard 区间（对按自由度调整的有效样本量作 Clopper-Pearson 区间；"
    "Korn 与 Graubard 1998，与 R survey::svyciprop 的 method \"beta\" 相同）。")
STRATIFIED_DEFINITION = Text(
    "Stratified estimate: p = sum of W_h * p_h with W_h = N_h / N, N summing the strata with a reviewed case "
    "(n_h reviewed cases of stratum h); within a department, examiner, IP type or item the ratio "
    "sum_h (N_h/n_h) y_h / sum_h (N_h/n_h) d_h. Variance by linearisation with the finite population correction "
    "(1 - n_h/N_h); a stratum with one reviewed case is centred on p (R survey.lonely.psu = \"adjust\"). "
    "Interval: Korn & Graubard (1998, Survey Methodology 24:193-201): Clopper-Pearson on the effective sample size "
    "n* = p(1 - p) / variance times (t_{n-1} / t_{n-H})^2; n* = n when the variance is 0; no t factor when n - H "
    "is 0. As R survey::svyciprop(method = \"beta\"); see docs/statistics.md.",
    "分层估计：p = Σ W_h·p_h，W_h = N_h / N，N 为有已评查案件的各层总体之和（n_h 为第 h 层已评查案件数）；"
    "部门、审查员、类型或评查项内为比率估计 Σ(N_h/n_h)·y_h / Σ(N_h/n_h)·d_h。方差按线性化计算并含有限总体校正 "
    "(1 − n_h/N_h)；只有一件已评查案件的层以 p 为中心（R survey.lonely.psu = \"adjust\"）。区间：Korn 与 Graubard "
    "(1998)：对有效样本量 n* = p(1 − p)/方差 乘以 (t_{n−1}/t_{n−H})² 作 Clopper-Pearson 区间；方差为 0 时 n* = n；"
    "n − H 为 0 时不作 t 校正。与 R survey::svyciprop(method = \"beta\") 相同；详见 docs/statistics.md。")

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
    """A target compliance rate as typed, by the one rule of foundation.rates: 90, 90% and 0.9
    are the same; a fraction above 0 and at most 1."""
    from foundation.rates import TARGET, parse_rate
    return parse_rate(value, "The target (--target)", TARGET)


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
    kind: str = "sample"                  # or "calibration" (schema 7): the workbook adds a Calibration sheet

    @property
    def method(self) -> str:
        return str(self.plan.get("method", ""))

    @property
    def calibration(self) -> bool:
        return self.kind == "calibration"


@dataclass(frozen=True)
class Scope:
    """The resolved filter: the round row, and the SQL that lists the cases and their reviews."""

    filter: ReportFilter
    round: RoundInfo | None

    def cte(self) -> tuple[str, dict[str, Any]]:
        """`WITH scope(case_id, stratum, review_id, design_key) AS (...)` and its named parameters.

        design_key groups the cases for the estimator: the stratum, or in a risk-based round the
        case's inclusion probability (cases of one probability weigh the same)."""
        condition, params = self.case_condition()
        if self.round is not None:
            params["round_id"] = self.round.id
            join = "JOIN round_cases rc ON rc.case_id = c.id AND rc.round_id = :round_id"
            stratum = "rc.stratum"
            key = "rc.inclusion_probability" if self.round.method in WEIGHTED_METHODS else "rc.stratum"
            # A round's figures come from that round's reviews only: the latest completed or
            # signed-off one, else the latest still open (which counts as not reviewed).
            # A calibration round counts its consensus reviews; blind calibration reviews never count.
            review = ("(SELECT r.id FROM reviews r WHERE r.case_id = c.id AND r.round_id = :round_id"
                      f" AND r.role != 'calibration' ORDER BY {STANDING_ORDER} LIMIT 1)")
        else:
            join = ""
            stratum = key = "NULL"
            # All cases: the review that stands for each case, kept by triggers (schema 6).
            review = "(SELECT lr.review_id FROM latest_reviews lr WHERE lr.case_id = c.id)"
        sql = (f"WITH scope(case_id, stratum, review_id, design_key) AS (SELECT c.id, {stratum}, {review}, {key}"
               f" FROM cases c {join} {condition})")
        return sql, params

    def case_condition(self) -> tuple[str, dict[str, Any]]:
        """`WHERE ...` on `cases c` for the period (empty without one), with its parameters."""
        params: dict[str, Any] = {}
        where = []
        if self.filter.date_from is not None:
            params["date_from"] = self.filter.date_from.isoformat()
            where.append("c.decision_date >= :date_from")
        if self.filter.date_to is not None:
            params["date_to"] = self.filter.date_to.isoformat()
            where.append("c.decision_date <= :date_to")
        return (f"WHERE {' AND '.join(where)}" if where else ""), params

    def reviews_cte(self) -> tuple[str, dict[str, Any]]:
        """As `cte`, but only the cases with a review: for the queries that join the review anyway.

        Without a round that is the cases of `latest_reviews` (a fifth of a big workspace), read
        from there instead of looking up every case's review."""
        if self.round is not None:
            return self.cte()
        condition, params = self.case_condition()
        return (f"{case_counts.ALL_CASES_CTE}"
                f" FROM latest_reviews lr CROSS JOIN cases c ON c.id = lr.case_id {condition})"), params


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
        filters=_json_object(values.get("filters")), plan=_json_object(values.get("plan")), stored=stored,
        kind=values.get("kind") or "sample"))


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
    compliance: Estimate             # compliant / reviewed: Wilson, or the stratified domain estimate
    findings: Mapping[str, int]      # severity -> findings (every severity present)
    findings_total: int              # includes findings without a severity
    median_minutes: float | None
    p90_minutes: float | None
    timed: int                       # reviewed cases with review time recorded
    below_target: bool               # the whole interval lies below the target
    defect_rate: Estimate | None = None
    error_rate: Estimate | None = None


@dataclass(frozen=True)
class PendencyFigures:
    ip_type: str
    cases: int
    median_days: float | None


@dataclass(frozen=True)
class SeverityFigures:
    """Reviewed cases with at least one finding of the severity, as a rate with its interval."""

    severity: str
    findings: int
    cases: int
    rate: Estimate


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
    defect_rate: Estimate
    error_rate: Estimate
    stratified: StratifiedEstimate | None
    stratified_note: str             # why a stratified round has no stratified estimate: "no_strata", "period"
    strata: tuple[StratumFigures, ...]
    pendency: tuple[PendencyFigures, ...]
    by_department: tuple[GroupFigures, ...]
    by_examiner: tuple[GroupFigures, ...]
    by_ip_type: tuple[GroupFigures, ...]
    items: tuple[ItemFigures, ...]
    categories: tuple[CategoryFigures, ...]
    severities: tuple[SeverityFigures, ...] = ()
    uncovered_strata: tuple[str, ...] = ()   # strata of a stratified round without a reviewed case
    uncovered_population: int = 0
    covered_share: float = 1.0               # share of the round's population the estimates cover
    design: Design | None = None             # the estimator's design (strata, or inclusion probabilities)

    @property
    def weighted(self) -> bool:
        """Every rate is the stratified (domain) or Hájek estimate; otherwise every rate is a Wilson share."""
        return self.stratified is not None

    @property
    def unequal(self) -> bool:
        """A risk-based round: every rate is the Hájek estimate weighted by 1/pi."""
        return self.design is not None and self.design.unequal

    @property
    def compliance(self) -> tuple[float | None, float | None, float | None]:
        """The headline compliance (rate, low, high): the stratified estimate when there is one."""
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
    by_stratum: dict[str | None, list[int]] = field(default_factory=dict)   # reviewed, compliant, defects, errors

    def add_case(self, reviewed: bool, verdict: str | None, seconds: float | None,
                 stratum: str | None = None) -> None:
        self.cases += 1
        if reviewed:
            self.add_review(verdict, seconds, stratum)

    def add_review(self, verdict: str | None, seconds: float | None, stratum: str | None = None) -> None:
        """A reviewed case's review (the case itself counted apart)."""
        self.add_reviews(verdict, 1, stratum)
        if seconds:
            self.minutes.append(seconds / 60.0)

    def add_reviews(self, verdict: str | None, count: int, stratum: str | None = None) -> None:
        """`count` reviewed cases of one verdict, their review times added apart (to `minutes`)."""
        self.reviewed += count
        counts = self.by_stratum.setdefault(stratum, [0, 0, 0, 0])
        counts[0] += count
        if verdict in COMPLIANT_VERDICTS:
            self.compliant += count
            counts[1] += count
        if verdict == "defect":
            self.defects += count
            counts[2] += count
        elif verdict == "error":
            self.errors += count
            counts[3] += count

    def add_findings(self, severity: str | None, count: int) -> None:
        self.findings_total += count
        if severity:
            self.findings[severity] = self.findings.get(severity, 0) + count

    def rate(self, design: Design, column: int) -> Estimate:
        return design.rate({h: (c[0], c[column]) for h, c in self.by_stratum.items()})

    def figures(self, key: tuple[str, ...], target: float, design: Design) -> GroupFigures:
        compliance = self.rate(design, 1)
        median_minutes, p90_minutes = percentiles(self.minutes, (0.5, 0.9))     # sorted once
        return GroupFigures(
            key=key, cases=self.cases, reviewed=self.reviewed, compliant=self.compliant, defects=self.defects,
            errors=self.errors, compliance=compliance,
            findings={s: self.findings.get(s, 0) for s in SEVERITIES}, findings_total=self.findings_total,
            median_minutes=median_minutes, p90_minutes=p90_minutes,
            timed=len(self.minutes),
            below_target=compliance.high is not None and compliance.high < target,
            defect_rate=self.rate(design, 2), error_rate=self.rate(design, 3))


def _sorted_groups(groups: Mapping[tuple[str, ...], _Group], target: float, design: Design,
                   order: Sequence[str] | None = None) -> tuple[GroupFigures, ...]:
    if order is not None:
        rank = {value: index for index, value in enumerate(order)}
        keys = sorted(groups, key=lambda k: (rank.get(k[0], len(rank)), k))
    else:
        keys = sorted(groups)
    return tuple(groups[k].figures(k, target, design) for k in keys)


@dataclass
class _Tally:
    """The cases of the scope counted once, into every group each belongs to."""
    overall: _Group = field(default_factory=_Group)
    departments: dict[tuple[str, ...], _Group] = field(default_factory=lambda: defaultdict(_Group))
    examiners: dict[tuple[str, ...], _Group] = field(default_factory=lambda: defaultdict(_Group))
    ip_types: dict[tuple[str, ...], _Group] = field(default_factory=lambda: defaultdict(_Group))
    #: stratum -> [drawn, reviewed, compliant]
    strata_counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    pendency: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))  # days, per IP type
    in_progress: int = 0

    def groups(self, department: str, examiner: str, ip_type: str) -> tuple[_Group, ...]:
        return (self.overall, self.departments[(department,)], self.examiners[(department, examiner)],
                self.ip_types[(ip_type,)])


def compute_report(db: sqlite_utils.Database, report_filter: ReportFilter | Scope = ReportFilter(), *,
                   target: float = DEFAULT_TARGET, confidence: float = CONFIDENCE, items: bool = True,
                   reads: case_counts.SharedReads | None = None) -> Report:
    """Every figure of the report for the filter; raises report.unknown_round. Without `items` the
    per-item figures are left out (no items): the Dashboard shows none, and at a million cases they
    are seconds of work (every answer of every review). `reads`: the reviewed cases read once for
    this report and a trend of the same scope (the Dashboard's refresh)."""
    scope = report_filter if isinstance(report_filter, Scope) else resolve_scope(db, report_filter)
    cte, params = scope.cte()
    reviewed_list = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
    tally = _Tally()
    standing = None
    if counted_in_sql(scope):
        standing = case_counts.tally_all_cases(db, scope, tally, REVIEWED_STATUSES, _days_between, reads)
    else:
        _tally_cases(db, cte, params, tally)
    cte, params = scope.reviews_cte()      # the queries below join each case's review
    design, note, strata = _design(db, scope, tally.strata_counts, confidence)
    checklists = ChecklistCache(db)
    categories = CategoryCounter(checklists)
    with_one = None
    if standing is not None:
        with_one = case_counts.tally_findings(db, standing, tally, categories, SEVERITIES, reads)
    else:
        _tally_findings(db, cte, params, reviewed_list, tally, categories)
    overall, overall_figures = tally.overall, tally.overall.figures((), target, design)
    missing, missing_population, covered = uncovered(design)
    return Report(
        scope=scope, target=target, confidence=confidence,
        population=overall.cases if scope.round is None else scope.round.population,
        drawn=None if scope.round is None else overall.cases,
        cases=overall.cases, reviewed=overall.reviewed, in_progress=tally.in_progress,
        not_reviewed=overall.cases - overall.reviewed - tally.in_progress,
        overall=overall_figures,
        defect_rate=overall_figures.defect_rate, error_rate=overall_figures.error_rate,
        stratified=overall_figures.compliance if isinstance(overall_figures.compliance, StratifiedEstimate)
        else None, stratified_note=note, strata=strata,
        pendency=tuple(PendencyFigures(t, sum(tally.pendency[t].values()), counted_median(tally.pendency[t]))
                       for t in sorted(tally.pendency, key=_ip_rank)),
        by_department=_sorted_groups(tally.departments, target, design),
        by_examiner=_sorted_groups(tally.examiners, target, design),
        by_ip_type=_sorted_groups(tally.ip_types, target, design, IP_TYPE_ORDER),
        items=item_figures(db, cte, params, reviewed_list, checklists, design) if items else (),
        categories=categories.figures(),
        severities=_severities(db, cte, params, reviewed_list, overall, design, with_one),
        uncovered_strata=missing, uncovered_population=missing_population,
        covered_share=covered if design.stratified else 1.0, design=design)


def _tally_cases(db: sqlite_utils.Database, cte: str, params: dict[str, Any], tally: _Tally) -> None:
    """One pass over the cases in scope: reviews, verdicts and time per group, strata, pendency."""
    for (ip_type, department, examiner, filing, decision, stratum, status, verdict, seconds) in db.execute(
            f"{cte} SELECT c.ip_type, c.department, c.examiner, c.filing_date, c.decision_date, s.design_key,"
            " r.status, r.verdict, r.active_seconds"
            " FROM scope s JOIN cases c ON c.id = s.case_id LEFT JOIN reviews r ON r.id = s.review_id", params):
        reviewed = status in REVIEWED_STATUSES
        if status == "in_progress":
            tally.in_progress += 1
        for group in tally.groups(department, examiner, ip_type):
            group.add_case(reviewed, verdict, seconds, stratum)
        if stratum is not None:
            counts = tally.strata_counts[stratum]
            counts[0] += 1
            if reviewed:
                counts[1] += 1
                counts[2] += verdict in COMPLIANT_VERDICTS
        days = _days_between(filing, decision)
        if days is not None:
            tally.pendency[ip_type][days] += 1


def counted_in_sql(scope: Scope) -> bool:
    """Whether the cases are counted in SQLite (no round: most cases have no review) rather than
    read one by one; the figures are the same either way."""
    return scope.round is None


def _tally_findings(db: sqlite_utils.Database, cte: str, params: dict[str, Any], reviewed_list: str,
                    tally: _Tally, categories: CategoryCounter) -> None:
    """One pass over the findings of reviewed cases: the severities of every group and the categories."""
    for department, examiner, ip_type, severity, checklist_id, category, count in db.execute(
            f"{cte} SELECT c.department, c.examiner, c.ip_type, a.severity, r.checklist_id, a.category, COUNT(*)"
            f" {case_counts.failing_answers(cte, reviewed_list, ' CROSS JOIN cases c ON c.id = s.case_id')}"
            " GROUP BY c.department, c.examiner, c.ip_type, a.severity, r.checklist_id, a.category", params):
        for group in tally.groups(department, examiner, ip_type):
            group.add_findings(severity, count)
        categories.add(checklist_id, category, count)


def _severities(db: sqlite_utils.Database, cte: str, params: dict[str, Any], reviewed_list: str,
                overall: _Group, design: Design,
                counted: dict[str, dict[str | None, int]] | None = None) -> tuple[SeverityFigures, ...]:
    """Per severity: reviewed cases with at least one such finding, per stratum, as a rate
    (`counted`: those cases already counted, by case_counts.tally_findings)."""
    with_one: dict[str, dict[str | None, int]] = counted if counted is not None else {s: {} for s in SEVERITIES}
    for severity, stratum, cases in () if counted is not None else db.execute(
            f"{cte} SELECT a.severity, s.design_key, COUNT(DISTINCT r.id)"
            f" {case_counts.failing_answers(cte, reviewed_list)} AND a.severity IS NOT NULL GROUP BY a.severity, s.design_key", params):
        if severity in with_one:
            with_one[severity][stratum] = cases
    return tuple(SeverityFigures(
        severity, overall.findings.get(severity, 0), sum(with_one[severity].values()),
        design.rate({h: (c[0], with_one[severity].get(h, 0)) for h, c in overall.by_stratum.items()}))
        for severity in SEVERITIES)


def _design(db: sqlite_utils.Database, scope: Scope, counts: Mapping[str, list[int]],
            confidence: float) -> tuple[Design, str, tuple[StratumFigures, ...]]:
    """The round's strata when its rates are stratified estimates, with a note when they are not."""
    plain = Design({}, {}, confidence)
    if scope.round is not None and scope.round.method in WEIGHTED_METHODS:
        # Each case's weight holds within any period or group: the Hájek estimate of a domain.
        probabilities = {p: p for (p,) in db.execute(
            "SELECT DISTINCT inclusion_probability FROM round_cases WHERE round_id = ?"
            " AND inclusion_probability IS NOT NULL", [scope.round.id])}
        if not probabilities:
            return plain, "no_strata", ()
        return Design({}, {key: c[1] for key, c in counts.items()}, confidence, probabilities), "", ()
    if scope.round is None or scope.round.method not in STRATIFIED_METHODS:
        return plain, "", ()
    stored = db.execute("SELECT stratum, population FROM round_strata WHERE round_id = ?"
                        " ORDER BY stratum", [scope.round.id]).fetchall()
    if not stored:
        return plain, "no_strata", ()
    design = Design({name: population for name, population in stored},
                    {name: counts.get(name, (0, 0, 0))[1] for name, _ in stored}, confidence)
    strata = design.strata_figures({name: tuple(counts.get(name, (0, 0, 0))) for name, _ in stored})
    if scope.filter.date_from is not None or scope.filter.date_to is not None:
        # The stored stratum populations describe the whole round, not a period within it.
        return plain, "period", strata
    return design, "", strata


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
