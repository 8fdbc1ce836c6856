"""Issue 16, trends and fair comparisons: the figures per period (report.trends), their p-charts and
period comparisons, funnels of departments and examiners (report.funnels), pendency targets
(report.targets, the `targets` command), and the Trend and Funnel sheets, whose figures are recomputed
here from the Cases sheet of the same workbook.

The planted workspace is the issue's check: department "Dept A" reviews 120 cases a quarter at 85%
compliance and drops 10 points in its last quarter; "Dept C" reviews 120 a quarter at 95% and drops 10
points in 2025 Q2; in "Dept E" examiner "Small" has 3 reviewed cases with 1 error, "Large" 60 with 20.
"""
from __future__ import annotations

import io
import json
import statistics
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import mini_checklist_id, workspace
from tests.workbench.test_report_data import build_workspace, wilson
from foundation.errors import WorkbenchError
from workbench.cli import main as cli_main
from workbench.report.figures import ReportFilter
from workbench.report.funnels import funnels
from workbench.report.targets import parse_days, pendency_targets, set_pendency_target
from workbench.report.trends import (
    BY_REVIEW,
    MONTH,
    POOLED,
    PREVIOUS,
    compare_periods,
    control_charts,
    earlier,
    trend,
)
from workbench.report.workbook import write_workbook
from workbench.stats.comparison import DOWN, NO_CHANGE
from workbench.stats.control import BEYOND_LIMITS, BELOW
from workbench.stats.funnel import BELOW_ALARM, INSIDE

QUARTERS = [(2024, q) for q in range(1, 5)] + [(2025, q) for q in range(1, 5)]
REVIEWED = {"Completed", "Signed off"}
WITHOUT_ERROR = {"Compliant", "Defect"}


class Cases:
    """Cases and their reviews written straight into the tables, numbered in order."""

    def __init__(self, db) -> None:
        self.db = db
        self.checklist_id = mini_checklist_id(db)
        self.count = 0

    def add(self, *, department: str, examiner: str = "X", decided: date | None, filed: date | None | str = "default",
            ip_type: str = "invention", verdict: str | None = "compliant", status: str | None = "completed",
            completed: datetime | None = None, seconds: float = 600.0, role: str = "regular") -> int:
        self.count += 1
        if filed == "default":
            filed = decided - timedelta(days=400) if decided else None
        case_id = self.db.execute(
            "INSERT INTO cases (application_number, ip_type, examiner, department, filing_date, decision_date)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [f"2024{self.count:08d}.X", ip_type, examiner, department, filed.isoformat() if filed else None,
             decided.isoformat() if decided else None]).lastrowid
        if status is not None:
            self.review(case_id, verdict=verdict, status=status, seconds=seconds, role=role,
                        completed=completed or datetime.combine(decided or date(2025, 1, 1), datetime.min.time(),
                                                                timezone.utc) + timedelta(days=20, hours=12))
        return case_id

    def review(self, case_id: int, *, verdict: str | None, status: str, completed: datetime, seconds: float = 600.0,
               role: str = "regular") -> None:
        at = completed.isoformat(timespec="microseconds")
        done = status in ("completed", "signed_off")
        self.db.execute(
            "INSERT INTO reviews (case_id, checklist_id, reviewer, status, verdict, active_seconds, created_at,"
            " updated_at, completed_at, role) VALUES (?, ?, 'qa', ?, ?, ?, ?, ?, ?, ?)",
            [case_id, self.checklist_id, status, verdict if done else None, seconds, at, at, at if done else None,
             role])


def quarter_day(year: int, quarter: int, i: int) -> date:
    return date(year, 3 * quarter - 2, 1) + timedelta(days=i % 85)


def plant(db) -> None:
    """The issue's planted workspace (see the module docstring)."""
    cases = Cases(db)
    with db.atomic():
        for department, base, dip, dip_quarter in (("Dept A", 102, 90, (2025, 4)), ("Dept C", 114, 102, (2025, 2))):
            for index, (year, quarter) in enumerate(QUARTERS):
                compliant = dip if (year, quarter) == dip_quarter else base
                for i in range(120):
                    # The errors spread evenly over the eight examiners, quarter after quarter.
                    rank = i * 7 % 120
                    verdict = "error" if rank >= compliant else "defect" if rank % 10 == 0 else "compliant"
                    cases.add(department=department, examiner=f"{department[-1]}{(i + 3 * index) % 8 + 1}",
                              decided=quarter_day(year, quarter, i), verdict=verdict, seconds=300.0 + i)
        for i in range(3):
            cases.add(department="Dept E", examiner="Small", decided=date(2025, 2, 3 + i),
                      verdict="error" if i == 0 else "compliant")
        for i in range(60):
            year, quarter = QUARTERS[i % 8]
            cases.add(department="Dept E", examiner="Large", decided=quarter_day(year, quarter, i),
                      verdict="error" if i % 3 == 0 else "compliant")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    db = workspace(folder)
    plant(db)
    out = folder / "planted.xlsx"
    write_workbook(db, out)
    yield db, load_workbook(out)
    db.close()


# -- the planted change -----------------------------------------------------------------------------

def test_a_one_quarter_dip_of_ten_points_at_85_percent_shows_against_the_quarters_before(planted):
    db, _book = planted
    t = trend(db, period="quarter", group="department")
    assert t.labels == tuple(f"{y} Q{q}" for y, q in QUARTERS)
    a = t.series_for("Dept A")
    assert [p.reviewed for p in a.points] == [120] * 8 and [p.compliant for p in a.points] == [102] * 7 + [90]
    # By default each quarter is judged against the other seven: 714/840 = 0.85, lower limit 0.7522.
    default = control_charts(t)["Dept A"]
    assert [(s.label, s.rule, s.side) for s in default.signals] == [("2025 Q4", BEYOND_LIMITS, BELOW)]
    assert default.points[-1].centre == pytest.approx(0.85) and default.points[-1].lcl == pytest.approx(0.7522, abs=1e-4)
    assert default.points[0].centre == pytest.approx((6 * 102 + 90) / 840)
    # The pooled centre includes the dip itself: no rule fires (docs/statistics.md says why).
    assert control_charts(t, centre_from=POOLED)["Dept A"].signals == ()
    # Judged against the quarters before it, the last quarter is beyond its 3-sigma limit.
    chart = control_charts(t, centre_from=PREVIOUS)["Dept A"]
    assert chart.centre == pytest.approx(0.85)
    assert [(s.label, s.rule, s.side) for s in chart.signals] == [("2025 Q4", BEYOND_LIMITS, BELOW)]
    # Against the quarter before alone the interval still holds zero; against the four before, pooled, it does not.
    alone = compare_periods(t).differences["Dept A"]
    assert (alone.low, alone.high) == (pytest.approx(-0.200, abs=5e-4), pytest.approx(0.002, abs=5e-4))
    assert alone.direction == NO_CHANGE
    pooled = compare_periods(t, "2025 Q4", earlier(t, "2025 Q4", 4))
    assert pooled.first == ("2025 Q4",) and pooled.second == ("2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3")
    assert pooled.differences["Dept A"].direction == DOWN and pooled.differences["Dept A"].high < 0
    assert pooled.differences["Dept A"].second.n == 480
    assert (pooled.differences["Dept A"].low, pooled.differences["Dept A"].high) == (
        pytest.approx(-0.189, abs=5e-4), pytest.approx(-0.023, abs=5e-4))          # as docs/statistics.md says


def test_a_dip_in_the_middle_fires_at_its_quarter_against_the_others_and_pooled(planted):
    db, _book = planted
    t = trend(db, period="quarter", group="department")
    pooled = control_charts(t, centre_from=POOLED)["Dept C"]
    assert pooled.centre == pytest.approx(900 / 960)
    assert [(s.label, s.rule, s.side) for s in pooled.signals] == [("2025 Q2", BEYOND_LIMITS, BELOW)]
    point = pooled.points[t.labels.index("2025 Q2")]
    assert point.lcl == pytest.approx(900 / 960 - 3 * (900 / 960 * 60 / 960 / 120) ** 0.5)
    # The default judges 2025 Q2 against the other seven quarters: 798/840 = 0.95, a limit nearer to it.
    chart = control_charts(t)["Dept C"]
    assert [(s.label, s.rule, s.side) for s in chart.signals] == [("2025 Q2", BEYOND_LIMITS, BELOW)]
    point = chart.points[t.labels.index("2025 Q2")]
    assert point.centre == pytest.approx(0.95)
    assert point.lcl == pytest.approx(0.95 - 3 * (0.95 * 0.05 / 120) ** 0.5)


def test_the_funnel_marks_the_examiner_with_60_reviewed_and_20_errors_not_the_one_with_3_and_1(planted):
    db, _book = planted
    f = funnels(db, unit="examiner")
    assert f.target == pytest.approx((804 + 900 + 2 + 40) / (960 + 960 + 63))
    assert f.position(("Dept E", "Small")) == INSIDE
    assert f.position(("Dept E", "Large")) == BELOW_ALARM
    # Dept C, better than the rest, has examiners above the 95% limit; below the limits there is only Large.
    assert [key for key, u in f.outside if u.position.startswith("below")] == [("Dept E", "Large")]
    assert list(f.keys) == sorted(f.keys)                      # by name, never by rate
    departments = funnels(db, unit="department")
    assert [k for k, _u in departments.rows] == [("Dept A",), ("Dept C",), ("Dept E",)]
    with pytest.raises(WorkbenchError):
        funnels(db, unit="reviewer")


def test_the_workbook_shows_the_planted_changes(planted):
    _db, book = planted
    rows = list(book["Trend"].iter_rows(values_only=True))
    signals = [r for r in rows if r[0] == "Dept C" and r[2] == "A point beyond the 3-sigma limits"]
    assert [(r[1], r[9]) for r in signals] == [("2025 Q2", "Below the centre line")]
    dip = [r for r in rows if r[0] == "Dept A" and r[2] == "A point beyond the 3-sigma limits"]
    assert [(r[1], r[9], r[12], r[13]) for r in dip] == [
        ("2025 Q4", "Below the centre line", pytest.approx(0.75), pytest.approx(0.85))]   # rate, its centre
    compared = [r for r in rows if r[0] == "Dept A" and r[1] == "2025 Q4" and isinstance(r[4], str)]
    assert [(r[4], r[12]) for r in compared] == [("2025 Q3", "No clear change"), ("2024 Q4 to 2025 Q3", "▼ Down")]
    examiners = list(book["By examiner"].iter_rows(values_only=True))
    header = examiners[0]
    funnel = header.index("Funnel plot")
    marks = {(r[0], r[1]): r[funnel] for r in examiners[1:]}
    assert marks[("Dept E", "Large")] == "Below the 99.8% limit" and marks[("Dept E", "Small")] is None
    assert [k for k, v in marks.items() if v and v.startswith("Below")] == [("Dept E", "Large")]
    keys = [(r[0], r[1]) for r in examiners[1:]]
    rates = [r[header.index("Compliance rate")] for r in examiners[1:]]
    assert keys == sorted(keys) and rates != sorted(rates) and rates != sorted(rates, reverse=True)
    units = {r[1]: r for r in book["Funnel"].iter_rows(values_only=True) if r[0] == "Dept E"}
    assert units["Large"][2:5] == (60, 40, pytest.approx(40 / 60)) and units["Large"][10] == "Below the 99.8% limit"
    assert units["Small"][2:4] == (3, 2) and units["Small"][10] == "Inside the limits"


# -- the figures per period -------------------------------------------------------------------------

def test_periods_run_without_holes_and_by_review_date_when_asked(tmp_path):
    db = workspace(tmp_path)
    cases = Cases(db)
    with db.atomic():
        cases.add(department="D", decided=date(2024, 2, 10), verdict="error", seconds=120.0)
        cases.add(department="D", decided=date(2024, 3, 20), completed=datetime(2024, 4, 15, 12, tzinfo=timezone.utc))
        cases.add(department="D", decided=date(2024, 11, 5), verdict="defect", seconds=0.0)
        cases.add(department="D", decided=date(2024, 12, 5), status=None)                  # not reviewed
        cases.add(department="D", decided=date(2024, 12, 6), status="in_progress")         # not reviewed
        cases.add(department="D", decided=None,                                             # no decision date
                  completed=datetime(2025, 1, 21, 12, tzinfo=timezone.utc))
        # Only a calibration review: never counted.
        cases.add(department="D", decided=date(2024, 12, 7), verdict="error", role="calibration")
    t = trend(db, period="quarter")
    assert t.labels == ("2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4") and t.undated == 1
    q1, q2, q3, q4 = t.overall.points
    assert (q1.cases, q1.reviewed, q1.compliant, q1.errors) == (2, 2, 1, 1)
    assert q1.median_minutes == pytest.approx(6.0) and q1.timed == 2
    assert (q2.cases, q2.reviewed, q2.compliance.rate) == (0, 0, None) and q3.reviewed == 0
    assert (q4.cases, q4.reviewed, q4.defects, q4.compliance.rate, q4.timed) == (4, 1, 1, 1.0, 0)
    assert control_charts(t)[None].points[1].gap
    # By review date the undated case has a period (its review's), the April review moves to Q2.
    by_review = trend(db, period="quarter", by=BY_REVIEW)
    assert by_review.labels == ("2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1") and by_review.undated == 0
    assert [p.reviewed for p in by_review.overall.points] == [1, 1, 0, 1, 1]
    assert [p.cases for p in by_review.overall.points] == [1, 1, 0, 1, 1]    # by review: reviewed cases only
    months = trend(db, period=MONTH, today=date(2025, 2, 1))
    assert months.labels[0] == "2024-02" and months.labels[-1] == "2025-02" and len(months.labels) == 13
    assert [p.label for p in months.periods if p.partial] == ["2025-02"]
    narrowed = trend(db, ReportFilter(date_from=date(2023, 11, 15)), period="quarter")
    assert narrowed.labels[0] == "2023 Q4"


def test_errors_name_the_bad_choice(tmp_path):
    db = workspace(tmp_path)
    Cases(db).add(department="D", decided=date(2024, 2, 10))
    for kwargs, code in (({"period": "week"}, "trend.period"), ({"by": "filing"}, "trend.by"),
                         ({"group": "examiner"}, "trend.group")):
        with pytest.raises(WorkbenchError) as caught:
            trend(db, **kwargs)
        assert caught.value.code == code
    t = trend(db)
    with pytest.raises(WorkbenchError) as caught:
        compare_periods(t, "2030 Q1")
    assert caught.value.code == "trend.unknown_period" and "2024 Q1" in str(caught.value)
    with pytest.raises(WorkbenchError):
        control_charts(t, centre_from="median")
    only = compare_periods(t)
    assert only.first == ("2024 Q1",) and only.second == () and only.overall.difference is None


def test_pendency_within_target_by_hand(tmp_path):
    db = workspace(tmp_path)
    cases = Cases(db)
    q1, q2 = date(2025, 2, 10), date(2025, 5, 10)
    with db.atomic():
        for days in (100, 599, 600, 601, 900):
            cases.add(department="D", decided=q1, filed=q1 - timedelta(days=days), status=None)
        for days in (50, 120, 121):
            cases.add(department="D", ip_type="design", decided=q1, filed=q1 - timedelta(days=days))
        cases.add(department="D", ip_type="trademark", decided=q1, filed=q1 - timedelta(days=300))
        cases.add(department="D", decided=q1, filed=None)                        # no filing date: no pendency
        cases.add(department="D", decided=q1, filed=q1 + timedelta(days=3))     # decided before filing: none
        for days in (700, 800):
            cases.add(department="D", decided=q2, filed=q2 - timedelta(days=days))
    set_pendency_target(db, "invention", 600, actor="manager")
    set_pendency_target(db, "design", "4m", actor="manager")       # 122 days
    t = trend(db)
    first, second = t.overall.points
    invention, design, trademark = first.pendency
    assert (invention.ip_type, invention.decided, invention.median_days) == ("invention", 5, 600)
    assert (invention.target_days, invention.within) == (600, 3)
    assert (invention.share.rate, invention.share.low, invention.share.high) == pytest.approx(wilson(3, 5))
    assert (design.decided, design.target_days, design.within, design.median_days) == (3, 122, 3, 120)
    assert (trademark.target_days, trademark.within, trademark.share) == (None, None, None)
    assert first.decided == 9 and first.median_pendency_days == 300
    assert second.share_for("invention").within == 0 and second.share_for("design") is None
    department = trend(db, group="department").series_for("D").points[0]
    assert department.share_for("invention").within == 3
    out = tmp_path / "pendency.xlsx"
    write_workbook(db, out, trend_period="quarter")      # five months of decisions would be shown by month
    rows = table_after(list(load_workbook(out)["Trend"].iter_rows(values_only=True)),
                       "Pendency against targets, by IP type")
    shown = {(r[0], r[1]): (r[2], r[3], r[5], r[7], r[8]) for r in rows}
    assert shown[("2025 Q1", "Invention")] == (5, 600, 600, 3, pytest.approx(0.6))
    assert shown[("2025 Q1", "Design")] == (3, 120, 122, 3, 1.0)
    assert shown[("2025 Q1", "Trademark")] == (1, 300, "no target", None, None)
    assert shown[("2025 Q2", "Invention")] == (2, 750, 600, 0, 0.0)
    write_workbook(db, out)                              # by default: months, the decisions span five
    assert load_workbook(out)["Trend"]["A1"].value == "Trend: quality and efficiency by month"


def test_targets_are_audited_and_set_by_the_command_line(tmp_path):
    path = str(tmp_path / "w.sqlite3")
    db = workspace(tmp_path)

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        code = cli_main(["targets", *args, "--db", path], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    assert run()[1].startswith("No pendency targets are set")
    code, out, _err = run("--set", "invention=600", "--set", "design=4m", "--set", "Utility-model=300d")
    assert code == 0
    assert "invention" in out and "600 days" in out and "122 days" in out and "utility model" in out
    assert {t: v.days for t, v in pendency_targets(db).items()} == {"invention": 600, "utility_model": 300,
                                                                    "design": 122}
    # One bad assignment refuses them all: nothing changes.
    code, _out, err = run("--set", "invention=700", "--set", "patent=5")
    assert code == 2 and "'patent' is not an IP type" in err
    code, _out, err = run("--set", "invention=0")
    assert code == 2 and "is not a pendency target" in err
    assert pendency_targets(db)["invention"].days == 600
    code, out, _err = run("--clear", "design", "--set", "invention=660", "--json")
    assert code == 0 and json.loads(out)["invention"]["days"] == 660 and "design" not in json.loads(out)
    entries = [(e, a, json.loads(o) if o else None, json.loads(n) if n else None) for e, a, o, n in db.execute(
        "SELECT entity_id, action, old_value, new_value FROM audit_log WHERE entity = 'pendency_target' ORDER BY id")]
    assert entries == [("invention", "set", None, {"days": 600}), ("design", "set", None, {"days": 122}),
                       ("utility_model", "set", None, {"days": 300}), ("design", "clear", {"days": 122}, None),
                       ("invention", "set", {"days": 600}, {"days": 660})]
    assert run("--set", "invention=660")[0] == 0       # the same again: no entry
    assert db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'pendency_target'").fetchone()[0] == 5
    assert cli_main(["verify", "--db", path], out=io.StringIO(), err=io.StringIO()) == 0
    assert parse_days("20m") == 609 and parse_days(" 600 d ") == 600


# -- the Trend sheet against the Cases sheet of the same workbook ------------------------------------

def records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:] if any(v is not None for v in row)]


def table_after(rows: list[tuple], title: str) -> list[tuple]:
    """The data rows of the table under the section `title` (after its two header rows), to the blank row."""
    start = next(i for i, r in enumerate(rows) if r[0] == title) + 3
    end = next(i for i in range(start, len(rows)) if all(v is None for v in rows[i]))
    return rows[start:end]


def label_of(day: datetime, period: str) -> str:
    return f"{day.year}-{day.month:02d}" if period == MONTH else f"{day.year} Q{(day.month - 1) // 3 + 1}"


def expected(cases: list[dict]) -> list:
    reviewed = [c for c in cases if c["Review status"] in REVIEWED]
    rates = [wilson(sum(c["Verdict"] in verdicts for c in reviewed), len(reviewed))
             for verdicts in (WITHOUT_ERROR, {"Defect"}, {"Error"})]
    days = [(c["Decision date"] - c["Filing date"]).days for c in cases if c["Filing date"] and c["Decision date"]]
    days = [d for d in days if d >= 0]
    minutes = [c["Active minutes"] for c in reviewed if c["Active minutes"]]
    return [len(reviewed), *[v for rate in rates for v in rate], statistics.median(days) if days else None,
            statistics.median(minutes) if minutes else None]


def assert_row(row: tuple, want: list, where: str) -> None:
    for got, value in zip(row, want):
        assert got == (pytest.approx(value) if isinstance(value, float) else value), where


@pytest.mark.parametrize("period", ["quarter", "month"])
def test_trend_sheet_recomputed_from_the_cases_sheet(tmp_path, period):
    db = workspace(tmp_path)
    build_workspace(db, cases=160, seed=16)
    out = tmp_path / "trend.xlsx"
    write_workbook(db, out, trend_period=period)
    book = load_workbook(out)
    cases = records(book["Cases"])
    by_period: dict[str, list[dict]] = defaultdict(list)
    for c in cases:
        if c["Decision date"]:
            by_period[label_of(c["Decision date"], period)].append(c)
    rows = list(book["Trend"].iter_rows(values_only=True))
    word = "quarter" if period == "quarter" else "month"
    overall = table_after(rows, f"All cases by {word}")
    assert [r[0] for r in overall][0] == min(by_period) and overall[-1][0] == max(by_period)
    assert set(by_period) <= {r[0] for r in overall}
    for row in overall:
        assert_row(row[2:], expected(by_period.get(row[0], [])), row[0])
    groups = table_after(rows, f"By department and {word}")
    assert len(groups) == len({(c["Department"], p) for p, cs in by_period.items() for c in cs})
    for row in groups:
        chosen = [c for c in by_period[row[1]] if c["Department"] == row[0]]
        assert_row(row[2:], expected(chosen), f"{row[0]} {row[1]}")
    undated = sum(c["Decision date"] is None for c in cases)
    assert ("Cases without a decision date (not in any period)", undated) in {(r[0], r[2]) for r in rows}


def test_a_stratified_round_says_its_period_rates_are_unweighted(tmp_path):
    db = workspace(tmp_path)
    build_workspace(db, cases=80, seed=3)
    out = tmp_path / "round.xlsx"
    write_workbook(db, out, report_filter=ReportFilter(round_name="2023 Q1"))
    rows = list(load_workbook(out)["Trend"].iter_rows(values_only=True))
    assert any(isinstance(r[2], str) and "these per-period rates are unweighted" in r[2] for r in rows)
    assert trend(db, ReportFilter(round_name="2023 Q1")).stratified_round


def test_verify_finds_a_pendency_target_changed_outside_the_application(tmp_path):
    from db.connection import open_database
    from workbench.report.targets import set_pendency_target
    from workbench.review.integrity import check_workspace
    db = open_database(tmp_path / "t.sqlite3")
    set_pendency_target(db, "invention", 600, actor="Chen Jing")
    set_pendency_target(db, "design", 120, actor="Chen Jing")
    assert check_workspace(db) == []
    db.execute("UPDATE pendency_targets SET days = 900 WHERE ip_type = 'invention'")
    db.execute("DELETE FROM pendency_targets WHERE ip_type = 'design'")
    problems = check_workspace(db)
    assert len(problems) == 2
    assert "invention: the database holds 900 days, the audit log says 600" in problems[1]
    assert "design: the database holds None days" in problems[0]
    db.close()
