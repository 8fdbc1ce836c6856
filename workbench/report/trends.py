"""Quality and efficiency over time (issue 16): the figures per month or quarter, their p-charts and the
comparison of one period with another. The Trend sheet of the workbook (workbench.report.trend_sheet)
and the Dashboard's trend and control charts both show these values, so they never disagree.

Use:

    t = trend(db, ReportFilter(), period="quarter", by="decision", group="department")
    t.periods                       # Period(label "2026 Q1" | "2026-03", start, end, partial), oldest first,
                                    # every period from the first to the last, empty ones included
    t.overall.points[i]             # PeriodFigures of all cases in period i
    t.groups                        # one GroupTrend per department (or IP type), sorted by name
    for series in t.series: ...     # the overall series first (key None), then each group
    charts = control_charts(t)      # {key: stats.control.PChart} of compliance, signals listed per chart
    c = compare_periods(t)          # the last period with reviews against the one before it
    c = compare_periods(t, "2026 Q1", earlier(t, "2026 Q1", 4))   # ...or against the four before, pooled
    c.differences[key]              # stats.comparison.Difference: first - second, Newcombe interval, direction

What is counted is exactly what the report counts (workbench.report.figures): the cases of the
scope, each with the review that stands for it (`Scope.cte`); reviewed means completed or signed off;
calibration reviews never count. A case falls in the period of its decision date (`by="decision"`),
or of the day its counted review was completed, in local time as the Cases sheet shows it
(`by="review"`: only reviewed cases have one). Per period and group:
- reviewed, compliant (verdict compliant or defect), defects, errors, and the compliance, defect and
  error rates with 95% Wilson intervals. In a stratified round the per-period rates are Wilson shares
  of the reviewed cases too (`Trend.stratified_round` says so): the stratum weights describe the
  whole round's population, not a period of it, so a weighted estimate per period means nothing;
- pendency (filing to decision, days) of the cases in the period with both dates: the median over
  all, and per IP type the median and, where the workspace has a target (workbench.report.targets),
  the share decided within it with its Wilson interval (`PeriodFigures.pendency`). By decision this
  covers every case decided in the period, reviewed or not; by review, the cases reviewed in it;
- the median active review minutes of the reviewed cases with time recorded.

A p-chart judges by default each period against the pooled rate of the other periods (OTHERS, the
leave-one-out centre of stats.control.p_chart): a pooled centre that includes the period being judged
is dragged towards it, so at 85% compliance a 10-point dip of one quarter of 120 reviews stays inside
its 3-sigma limits (docs/statistics.md). `centre_from="pooled"` gives Montgomery's p-bar over every
period, `centre_from="previous"` the pooled rate of the periods before the last one with reviews.
`compare_periods` against several earlier periods pooled shows such a dip as "down".
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, Sequence

import sqlite_utils

from foundation.collector import collector_paused
from foundation.errors import WorkbenchError, register
from workbench.report.figures import (
    COMPLIANT_VERDICTS,
    CONFIDENCE,
    IP_TYPE_ORDER,
    REVIEWED_STATUSES,
    STRATIFIED_METHODS,
    ReportFilter,
    Scope,
    resolve_scope,
)
from workbench.report import case_counts
from workbench.report.targets import target_days
from workbench.stats.comparison import Difference, rate_difference
from workbench.stats.control import Observed, PChart, p_chart
from workbench.stats.intervals import Proportion, counted_median, median, wilson_interval

register({
    "trend.period": "A trend is by month or by quarter (got {value!r}).",
    "trend.by": "A trend places cases by their decision date or by their review date (got {value!r}).",
    "trend.group": "A trend is grouped by department or by IP type, or not at all (got {value!r}).",
    "trend.unknown_period": "There is no period {label!r} in this trend (periods: {known}).",
    "trend.centre": "A control chart's centre is the other periods' rate, pooled over every period or taken "
                    "from the previous ones (got {value!r}).",
})

MONTH = "month"
QUARTER = "quarter"
PERIODS = (MONTH, QUARTER)
BY_DECISION = "decision"
BY_REVIEW = "review"
BASES = (BY_DECISION, BY_REVIEW)
GROUPS = ("department", "ip_type")
OTHERS = "others"          # each period's centre: the pooled rate of the other periods (the default)
POOLED = "pooled"          # the centre line over every period
PREVIOUS = "previous"      # ...over the periods before the last one with reviews
CENTRES = (OTHERS, POOLED, PREVIOUS)


# -- periods ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """One month ("2026-03") or quarter ("2026 Q1"), first and last day; `partial` when it holds the
    `today` the trend was asked for (the period is still running)."""

    label: str
    start: date
    end: date
    partial: bool = False


def period_index(day: date, kind: str) -> int:
    """Months or quarters since year 0: consecutive periods have consecutive indexes."""
    return day.year * 12 + day.month - 1 if kind == MONTH else day.year * 4 + (day.month - 1) // 3


def make_period(index: int, kind: str, today: date | None = None) -> Period:
    if kind == MONTH:
        year, month0 = divmod(index, 12)
        start, label, months = date(year, month0 + 1, 1), f"{year:04d}-{month0 + 1:02d}", 1
    else:
        year, quarter0 = divmod(index, 4)
        start, label, months = date(year, 3 * quarter0 + 1, 1), f"{year:04d} Q{quarter0 + 1}", 3
    after = start.month - 1 + months
    end = date(start.year + after // 12, after % 12 + 1, 1) - timedelta(days=1)
    return Period(label, start, end, partial=today is not None and start <= today <= end)


def local_day(stamp: str | None) -> date | None:
    """The local calendar day of a stored UTC timestamp (as the Cases sheet shows it)."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().date()


def iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# -- the figures --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PendencyShare:
    """One IP type in one period: cases with both dates, their median pendency, and when the type has
    a target, how many were decided within it (pendency <= target days) as a rate with its interval."""

    ip_type: str
    decided: int
    median_days: float | None
    target_days: int | None
    within: int | None
    share: Proportion | None


@dataclass(frozen=True)
class PeriodFigures:
    """One period of one series. `cases`: the cases placed in the period (by review: the reviewed ones)."""

    period: Period
    cases: int
    reviewed: int
    compliant: int
    defects: int
    errors: int
    compliance: Proportion
    defect_rate: Proportion
    error_rate: Proportion
    decided: int                          # cases with a pendency (both dates, decision not before filing)
    median_pendency_days: float | None
    pendency: tuple[PendencyShare, ...]   # per IP type present, in IP_TYPE_ORDER
    timed: int                            # reviewed cases with review time recorded
    median_minutes: float | None

    def share_for(self, ip_type: str) -> PendencyShare | None:
        return next((p for p in self.pendency if p.ip_type == ip_type), None)


@dataclass(frozen=True)
class GroupTrend:
    """A series: all cases (key None), or one department or IP type (its name or code), one
    PeriodFigures per period of the trend."""

    key: str | None
    points: tuple[PeriodFigures, ...]

    def observed(self) -> list[Observed]:
        """Compliant of reviewed per period, for stats.control.p_chart."""
        return [Observed(p.period.label, p.compliant, p.reviewed) for p in self.points]

    @property
    def reviewed(self) -> int:
        return sum(p.reviewed for p in self.points)


@dataclass(frozen=True)
class Trend:
    scope: Scope
    period: str                           # MONTH or QUARTER
    by: str                               # BY_DECISION or BY_REVIEW
    group: str | None                     # "department", "ip_type" or None
    periods: tuple[Period, ...]
    overall: GroupTrend
    groups: tuple[GroupTrend, ...]
    targets: Mapping[str, int]            # the pendency targets used: ip_type -> days
    undated: int                          # cases in scope without the date that places them
    confidence: float = CONFIDENCE

    @property
    def series(self) -> tuple[GroupTrend, ...]:
        return (self.overall, *self.groups)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.periods)

    @property
    def stratified_round(self) -> bool:
        """The scope is a stratified round, whose whole-round figures are weighted; these are not."""
        rnd = self.scope.round
        return rnd is not None and rnd.method in STRATIFIED_METHODS

    def series_for(self, key: str | None) -> GroupTrend:
        return next(s for s in self.series if s.key == key)


@dataclass
class _Cell:
    """The counts of one series in one period, while the rows are read."""
    cases: int = 0
    reviewed: int = 0
    compliant: int = 0
    defects: int = 0
    errors: int = 0
    minutes: list[float] = field(default_factory=list)
    days: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))   # per IP type

    def add(self, ip_type: str, reviewed: bool, verdict: str | None, seconds: float | None,
            days: int | None) -> None:
        self.add_cases(ip_type, days)
        if reviewed:
            self.add_review(verdict, seconds)

    def add_cases(self, ip_type: str, days: int | None, count: int = 1) -> None:
        """`count` cases of one IP type and one pendency, their reviews counted apart."""
        self.cases += count
        if days is not None:
            self.days[ip_type][days] += count

    def add_review(self, verdict: str | None, seconds: float | None) -> None:
        self.add_reviews(verdict, 1)
        if seconds:
            self.minutes.append(seconds / 60.0)

    def add_reviews(self, verdict: str | None, count: int) -> None:
        """`count` reviewed cases of one verdict, their minutes added apart."""
        self.reviewed += count
        self.compliant += count * (verdict in COMPLIANT_VERDICTS)
        self.defects += count * (verdict == "defect")
        self.errors += count * (verdict == "error")

    def figures(self, period: Period, targets: Mapping[str, int], confidence: float) -> PeriodFigures:
        shares = []
        for ip_type in sorted(self.days, key=_ip_rank):
            days = self.days[ip_type]
            decided = sum(days.values())
            target = targets.get(ip_type)
            within = sum(n for d, n in days.items() if d <= target) if target is not None else None
            shares.append(PendencyShare(
                ip_type, decided, counted_median(days), target, within,
                wilson_interval(within, decided, confidence) if within is not None else None))
        every: Counter[int] = Counter()
        for days in self.days.values():
            every.update(days)
        return PeriodFigures(
            period=period, cases=self.cases, reviewed=self.reviewed, compliant=self.compliant,
            defects=self.defects, errors=self.errors,
            compliance=wilson_interval(self.compliant, self.reviewed, confidence),
            defect_rate=wilson_interval(self.defects, self.reviewed, confidence),
            error_rate=wilson_interval(self.errors, self.reviewed, confidence),
            decided=sum(every.values()), median_pendency_days=counted_median(every), pendency=tuple(shares),
            timed=len(self.minutes), median_minutes=median(self.minutes))


def _ip_rank(ip_type: str) -> tuple[int, str]:
    return (IP_TYPE_ORDER.index(ip_type) if ip_type in IP_TYPE_ORDER else len(IP_TYPE_ORDER), ip_type)


def _pendency(filing: str | None, decision: str | None) -> int | None:
    """Decision minus filing in days, as the report counts it (None when missing or negative)."""
    start, end = iso_day(filing), iso_day(decision)
    if start is None or end is None or end < start:
        return None
    return (end - start).days


def _check(period: str, by: str, group: str | None) -> None:
    if period not in PERIODS:
        raise WorkbenchError("trend.period", value=period)
    if by not in BASES:
        raise WorkbenchError("trend.by", value=by)
    if group is not None and group not in GROUPS:
        raise WorkbenchError("trend.group", value=group)


def trend(db: sqlite_utils.Database, report_filter: ReportFilter | Scope = ReportFilter(), *,
          period: str = QUARTER, by: str = BY_DECISION, group: str | None = None, today: date | None = None,
          confidence: float = CONFIDENCE, reads: case_counts.SharedReads | None = None) -> Trend:
    """The figures per period of the scope, overall and per `group` (`reads`: the reviewed cases read
    once for this trend and the report of the same scope, as the Dashboard refreshes both).

    Periods run from the first that holds a case to the last, empty ones included; by decision date,
    they also cover the filter's dates when it has them. With `today` they run at least to the period
    holding it, which is marked `partial`. Raises report.unknown_round and the trend.* errors."""
    _check(period, by, group)
    scope = report_filter if isinstance(report_filter, Scope) else resolve_scope(db, report_filter)
    targets = dict(target_days(db))
    cells: dict[tuple[str | None, int], _Cell] = defaultdict(_Cell)
    keys: set[str] = set()
    undated = 0
    counted = counted_in_sql(scope, by)
    if counted:
        undated = _count_all_cases(db, scope, period, group, cells, keys, reads or case_counts.SharedReads())
    for ip_type, department, filing, decision, status, verdict, seconds, completed in (
            () if counted else _rows(db, scope, reviewed_only=by == BY_REVIEW)):
        reviewed = status in REVIEWED_STATUSES
        day = iso_day(decision) if by == BY_DECISION else local_day(completed)
        if day is None:
            undated += 1
            continue
        index = period_index(day, period)
        values = (ip_type, reviewed, verdict, seconds, _pendency(filing, decision))
        cells[(None, index)].add(*values)
        if group is not None:
            key = department if group == "department" else ip_type
            keys.add(key)
            cells[(key, index)].add(*values)
    periods = _periods(scope, by, period, {i for _k, i in cells}, today)
    empty = _Cell()

    def series(key: str | None) -> GroupTrend:
        return GroupTrend(key, tuple(cells.get((key, period_index(p.start, period)), empty).figures(
            p, targets, confidence) for p in periods))

    ordered = sorted(keys, key=_ip_rank) if group == "ip_type" else sorted(keys)
    return Trend(scope=scope, period=period, by=by, group=group, periods=periods, overall=series(None),
                 groups=tuple(series(k) for k in ordered), targets=targets, undated=undated,
                 confidence=confidence)


def counted_in_sql(scope: Scope, by: str) -> bool:
    """Whether the cases are counted in SQLite (every case by decision date, no round) rather than
    read one by one: the same figures, for the general path's work on a fifth of the cases."""
    return scope.round is None and by == BY_DECISION


def _rows(db: sqlite_utils.Database, scope: Scope, reviewed_only: bool) -> Iterable[tuple[Any, ...]]:
    """Every case of the scope with its review; only the reviewed ones when only they count."""
    if reviewed_only:
        cte, params = scope.reviews_cte()
        statuses = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
        return db.execute(
            f"{cte} SELECT c.ip_type, c.department, c.filing_date, c.decision_date, r.status, r.verdict,"
            " r.active_seconds, r.completed_at FROM scope s CROSS JOIN cases c ON c.id = s.case_id"
            f" CROSS JOIN reviews r ON r.id = s.review_id WHERE r.status IN ({statuses})", params)
    cte, params = scope.cte()
    return db.execute(
        f"{cte} SELECT c.ip_type, c.department, c.filing_date, c.decision_date, r.status, r.verdict,"
        " r.active_seconds, r.completed_at FROM scope s JOIN cases c ON c.id = s.case_id"
        " LEFT JOIN reviews r ON r.id = s.review_id", params)


@collector_paused()
def _count_all_cases(db: sqlite_utils.Database, scope: Scope, period: str, group: str | None,
                     cells: dict[tuple[str | None, int], _Cell], keys: set[str],
                     reads: case_counts.SharedReads) -> int:
    """By decision date without a round: every case counted by group, IP type, month and pendency
    in SQLite (workbench.report.case_counts; summed over departments there when the trend is not
    grouped by them), then the reviewed cases counted per verdict. Returns the cases without a
    decision date."""
    condition, params = scope.case_condition()
    key = "c.department" if group == "department" else "NULL"
    walked = f"c.department, c.ip_type, {case_counts.MONTH}, {case_counts.PENDENCY}"
    counted = (case_counts.counted_sql(walked, condition) if group == "department" else
               case_counts.folded_sql(walked, "ip_type, decision_month, pendency_days", condition))
    counts = case_counts.grouped_counts(db, counted, params)
    needs = f"{condition} AND" if condition else "WHERE"
    case_counts.recount(counts, db, f"SELECT {key}, c.ip_type, {case_counts.MONTH}, c.filing_date,"
                        f" c.decision_date FROM cases c {needs} {case_counts.PENDENCY} = {case_counts.NEEDS_PYTHON}",
                        params, _pendency)
    undated = 0
    places = _places({month for _d, _t, month, _p in counts}, period)
    for (department, ip_type, month, days), count in counts.items():
        index = places[month]
        if index is None:
            undated += count
            continue
        cells[(None, index)].add_cases(ip_type, days, count)
        if group is not None:
            name = department if group == "department" else ip_type
            keys.add(name)
            cells[(name, index)].add_cases(ip_type, days, count)
    _count_reviews(reads.reviewed(db, condition, params, REVIEWED_STATUSES), period, group, cells)
    return undated


def _places(months: Iterable[str | None], period: str) -> dict[str | None, int | None]:
    """The period index of each stored decision month (case_counts.month_sql); None: undated."""
    places: dict[str | None, int | None] = {}
    for month in months:
        day = case_counts.month_day(month, iso_day)
        places[month] = None if day is None else period_index(day, period)
    return places


def _count_reviews(read: case_counts.Reviewed, period: str, group: str | None,
                   cells: dict[tuple[str | None, int], _Cell]) -> None:
    """The reviewed cases (case_counts.SharedReads.reviewed) placed by decision month (month_sql: the
    period the case-by-case path's iso_day gives) and counted per verdict, their minutes listed per
    cell: as a `_Cell.add_review` per case. A case without a decision date is undated (counted so
    with the cases)."""
    places = _places({row[case_counts.MONTH_OF] for row in read.counts}, period)

    def cells_of(department: str, ip_type: str, month: str | None) -> list[_Cell]:
        index = places[month]
        if index is None:
            return []
        if group is None:
            return [cells[(None, index)]]
        return [cells[(None, index)], cells[(department if group == "department" else ip_type, index)]]

    for department, _examiner, ip_type, month, status, verdict, count, _timed in read.counts:
        if status in read.reviewed:
            for cell in cells_of(department, ip_type, month):
                cell.add_reviews(verdict, count)
    for (department, _examiner, ip_type, month), values in read.runs():
        for cell in cells_of(department, ip_type, month):
            cell.minutes.extend(values)


def _periods(scope: Scope, by: str, kind: str, used: set[int], today: date | None) -> tuple[Period, ...]:
    """Every period from the first to the last that holds a case, widened to the filter's dates (by
    decision date) and to today's period."""
    bounds = set(used)
    if by == BY_DECISION:
        bounds |= {period_index(d, kind) for d in (scope.filter.date_from, scope.filter.date_to) if d is not None}
    if today is not None and bounds:
        bounds.add(period_index(today, kind))
    if not bounds:
        return ()
    return tuple(make_period(i, kind, today) for i in range(min(bounds), max(bounds) + 1))


# -- control charts and comparisons ---------------------------------------------------------------

def control_charts(t: Trend, *, centre_from: str = OTHERS) -> dict[str | None, PChart]:
    """A p-chart of compliance for every series (key None: all cases), one point per period.

    OTHERS: each period against the pooled rate of the series' other periods. POOLED: the centre is
    the series' pooled rate. PREVIOUS: the pooled rate of the periods before
    the series' last period with reviews (the pooled rate when there are none before it)."""
    if centre_from not in CENTRES:
        raise WorkbenchError("trend.centre", value=centre_from)
    charts: dict[str | None, PChart] = {}
    for series in t.series:
        points = series.observed()
        centre = None
        if centre_from == PREVIOUS:
            last = max((i for i, p in enumerate(points) if p.n), default=0)
            x, n = sum(p.x for p in points[:last]), sum(p.n for p in points[:last])
            centre = x / n if n else None
        charts[series.key] = p_chart(points, centre=centre, leave_one_out=centre_from == OTHERS)
    return charts


@dataclass(frozen=True)
class Comparison:
    """Compliance in the `first` period(s) against the `second` (each pooled when several), per series:
    `differences[key]` is first - second with Newcombe's interval (key None: all cases)."""

    first: tuple[str, ...]
    second: tuple[str, ...]
    differences: Mapping[str | None, Difference]

    @property
    def overall(self) -> Difference:
        return self.differences[None]


def _labels(t: Trend, chosen: str | Sequence[str]) -> tuple[str, ...]:
    labels = (chosen,) if isinstance(chosen, str) else tuple(chosen)
    for label in labels:
        if label not in t.labels:
            shown = ", ".join(t.labels[:3] + (("...",) if len(t.labels) > 4 else ()) + t.labels[3:][-1:])
            raise WorkbenchError("trend.unknown_period", label=label, known=shown or "none")
    return labels


def last_reviewed(t: Trend) -> str | None:
    """The label of the last period in which any case was reviewed."""
    return next((p.period.label for p in reversed(t.overall.points) if p.reviewed), None)


def earlier(t: Trend, label: str, count: int = 1) -> tuple[str, ...]:
    """The labels of the `count` periods before `label` (fewer at the start of the trend)."""
    index = t.labels.index(_labels(t, label)[0])
    return t.labels[max(0, index - count):index]


def compare_periods(t: Trend, first: str | Sequence[str] | None = None,
                    second: str | Sequence[str] | None = None) -> Comparison:
    """Compliance in `first` against `second`, per series. By default the last period with reviews
    against the one before it; a sequence of labels is pooled (x and n summed)."""
    if first is None:
        latest = last_reviewed(t)
        first = (latest,) if latest is not None else ()
    firsts = _labels(t, first)
    seconds = _labels(t, second) if second is not None else (earlier(t, firsts[-1]) if firsts else ())

    def pooled(series: GroupTrend, labels: tuple[str, ...]) -> tuple[int, int]:
        chosen = [p for p in series.points if p.period.label in labels]
        return sum(p.compliant for p in chosen), sum(p.reviewed for p in chosen)

    differences = {s.key: rate_difference(*pooled(s, firsts), *pooled(s, seconds), confidence=t.confidence)
                   for s in t.series}
    return Comparison(first=firsts, second=seconds, differences=differences)
