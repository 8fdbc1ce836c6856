"""Time in the demo workspace: decisions in the 24 months before --today and nothing after it, realistic
pendency, reviews between the decision and today at any size, the planted department dip and examiner
outlier, and the same workspace for the same seed and today."""
from __future__ import annotations

import datetime
import hashlib
import io
import math
import random
import re
import statistics
from collections import defaultdict

import pytest

from db.connection import open_database
from workbench.cli import main
from workbench.demo import findings, generate, timeline
from workbench.demo.calibration_demo import build_calibration_demo
from workbench.demo.findings import CaseFacts
from workbench.demo.generate import DemoRound, build_demo
from workbench.rounds.sampling_plan import Plan

TODAY = datetime.date(2026, 6, 30)
EDGE_TODAY = datetime.date(2025, 3, 1)      # a Saturday, and the first of a month
#: What identifies the workspace file rather than its contents: random by design (its id, its secret, the
#: uid of each review and round, which packages use to tell records of different workspaces apart).
IDENTITY_TABLES = {"workspace_info", "workspace_secret"}
IDENTITY_COLUMNS = {"uid"}
ISO_DAY = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A workspace big enough for the planted patterns to stand out of the noise: ~170 reviews a
    quarter in the dip department, ~70 for the outlier examiner and 50 to 350 for the others."""
    db = open_database(tmp_path_factory.mktemp("planted") / "planted.sqlite3")
    build_demo(db, cases=20_000, reviewed=0.3, seed=2022, today=TODAY)
    return db


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    """Built by the command, with a round and a calibration session, on an awkward today."""
    path = tmp_path_factory.mktemp("edge") / "edge.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    assert main(["demo", "--cases", "1200", "--reviewed", "0.5", "--seed", "3", "--today", EDGE_TODAY.isoformat(),
                 "--round", "R", "--size", "60", "--round-reviewed", "0.7", "--calibration", "C",
                 "--db", str(path)], out=out, err=err) == 0, err.getvalue()
    return open_database(path)


def _tables(db) -> list[str]:
    return [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if name not in IDENTITY_TABLES]


def _columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")') if row[1] not in IDENTITY_COLUMNS]


def _digest(db) -> str:
    """Every table's contents but the workspace's identity, in a stable order."""
    digest = hashlib.sha256()
    for table in _tables(db):
        columns = ", ".join(f'"{c}"' for c in _columns(db, table))
        digest.update(table.encode())
        for row in sorted(repr(r) for r in db.execute(f'SELECT {columns} FROM "{table}"')):
            digest.update(row.encode())
    return digest.hexdigest()


def _day(stamp: str) -> datetime.date:
    return datetime.date.fromisoformat(stamp[:10])


# -- nothing after today ----------------------------------------------------------------------

@pytest.mark.parametrize("table, column", [
    ("cases", "filing_date"), ("cases", "decision_date"), ("imports", "imported_at"), ("checklists", "created_at"),
    ("reviews", "created_at"), ("reviews", "updated_at"), ("reviews", "completed_at"), ("reviews", "signed_off_at"),
    ("answers", "answered_at"), ("audit_log", "at"), ("rounds", "created_at"), ("rounds", "closed_at"),
])
def test_no_date_lies_after_today(edge, table, column):
    dates = [_day(v) for (v,) in edge.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")]
    assert dates and max(dates) <= EDGE_TODAY


def test_no_date_anywhere_lies_after_today(edge):
    """Every date written in any table (JSON audit values and round filters included)."""
    seen = 0
    for table in _tables(edge):
        columns = ", ".join(f'"{c}"' for c in _columns(edge, table))
        for row in edge.execute(f'SELECT {columns} FROM "{table}"'):
            for value in row:
                for found in ISO_DAY.findall(value) if isinstance(value, str) else ():
                    seen += 1
                    assert datetime.date.fromisoformat(found) <= EDGE_TODAY, (table, value[:200])
    assert seen > 10_000


def test_every_review_lies_between_the_import_and_today(edge):
    rows = edge.execute(
        "SELECT c.decision_date, i.imported_at, r.created_at, COALESCE(r.signed_off_at, r.completed_at, r.updated_at),"
        " r.role FROM reviews r JOIN cases c ON c.id = r.case_id JOIN imports i ON i.id = c.import_id").fetchall()
    assert {role for *_, role in rows} == {"regular", "calibration", "consensus"}
    for decided, imported, created, ended, _role in rows:
        assert decided < created[:10] and imported < created <= ended and _day(ended) <= EDGE_TODAY
    answered = edge.execute("SELECT COUNT(*) FROM answers a JOIN reviews r ON r.id = a.review_id"
                            " WHERE a.answered_at < r.created_at").fetchone()[0]
    assert answered == 0


def test_the_reviews_still_in_progress_are_the_latest_started(planted):
    open_starts = [at for (at,) in planted.execute("SELECT created_at FROM reviews WHERE status = 'in_progress'")]
    finished = planted.execute("SELECT MAX(created_at), COUNT(*) FROM reviews WHERE status != 'in_progress'").fetchone()
    assert len(open_starts) == round(0.02 * (len(open_starts) + finished[1]))
    assert min(open_starts) >= finished[0] and _day(min(open_starts)) > TODAY - datetime.timedelta(days=30)


def test_the_round_and_the_session_come_before_today_over_cases_imported_before_them(edge):
    for name, created, closed in edge.execute("SELECT name, created_at, closed_at FROM rounds"):
        drawn, later = edge.execute(
            "SELECT COUNT(*), SUM(i.imported_at >= r.created_at) FROM round_cases rc JOIN rounds r ON r.id = rc.round_id"
            " JOIN cases c ON c.id = rc.case_id JOIN imports i ON i.id = c.import_id WHERE r.name = ?",
            [name]).fetchone()
        assert drawn > 0 and later == 0 and _day(created) < EDGE_TODAY
        assert closed is None or created < closed


def test_review_starts_do_not_depend_on_how_many_reviews_there_are():
    """The old clock gave the n-th review a day n / 96 working days on, so a million cases ran into
    2033; now a start depends only on its case's decision. All 200,000 cases reviewed: those whose
    drawn start lay after today (not ready) are reviewed by today."""
    rng = random.Random(1)
    first, last = timeline.decision_window(TODAY)
    span = (last - first).days
    facts = [CaseFacts(n, "invention", "d", "e", "授权", first + datetime.timedelta(days=rng.randint(0, span)))
             for n in range(200_000)]
    plan = generate._Plan(len(facts), len(facts), 7, TODAY, 0, None)
    order, still_open = generate._review_order(facts, plan)
    assert len(still_open) == round(0.02 * len(facts))
    starts = [generate._origin(TODAY) + datetime.timedelta(seconds=key >> generate._INDEX_BITS) for key in order]
    assert starts == sorted(starts) and len(order) == len(facts)
    assert max(starts).date() <= TODAY and min(starts).date() > first
    mask = (1 << generate._INDEX_BITS) - 1
    assert sorted(key & mask for key in order) == list(range(len(facts)))
    assert all(facts[key & mask].decision_date < start.date() for key, start in zip(order[::997], starts[::997]))


def test_a_fifth_reviewed_leaves_the_latest_decisions_mostly_unreviewed_and_no_day_crowded(planted):
    per_month: dict[str, int] = defaultdict(int)
    for (created,) in planted.execute("SELECT created_at FROM reviews"):
        per_month[created[:7]] += 1
    usual = statistics.median(per_month.values())
    assert max(per_month.values()) < 1.4 * usual                  # the last month is no busier
    shares = dict(planted.execute("SELECT substr(c.decision_date, 1, 7), AVG(r.id IS NOT NULL) FROM cases c"
                                  " LEFT JOIN reviews r ON r.case_id = c.id GROUP BY 1"))
    assert shares["2026-06"] < 0.05 and shares["2026-01"] > 0.25


@pytest.mark.parametrize("today", [TODAY, EDGE_TODAY, datetime.date(2024, 12, 29), datetime.date(2025, 6, 2)])
def test_a_review_starts_after_the_import_in_office_hours_by_today(today):
    rng = random.Random(today.toordinal())
    first, last = timeline.decision_window(today)
    for offset in range((last - first).days + 1):
        decided = first + datetime.timedelta(days=offset)
        start = timeline.review_start(rng, decided, today)
        local = start.astimezone(timeline.BEIJING)
        assert timeline.import_day(decided, today) <= local.date() <= today and decided < local.date()
        assert 9 <= local.hour <= 16 and start.date() == local.date()
        ready = timeline.review_start(rng, decided, today, by_today=False)
        assert ready is None or timeline.import_day(decided, today) <= ready.astimezone(timeline.BEIJING).date() <= today


def test_the_demo_clock_keeps_office_hours_and_never_passes_its_limit():
    limit = timeline.end_of(TODAY)
    clock = timeline.DemoClock(timeline.beijing(TODAY - datetime.timedelta(days=6), 9 * 60), limit,
                               random.Random(3))
    readings = [clock.now() for _ in range(3000)]
    assert readings == sorted(readings) and len(set(readings)) == len(readings)
    assert max(readings) <= limit + datetime.timedelta(milliseconds=5)
    assert all(9 <= r.astimezone(timeline.BEIJING).hour < 17 for r in readings if r < limit)
    clock.move_to(timeline.beijing(TODAY - datetime.timedelta(days=30), 0))        # never back
    assert clock.now() > readings[-1]


# -- what the dates look like ----------------------------------------------------------------------

def test_decisions_fill_the_24_months_before_today_on_working_days(planted):
    decided = [datetime.date.fromisoformat(d) for (d,) in planted.execute("SELECT decision_date FROM cases")]
    assert min(decided) >= datetime.date(2024, 7, 1) and max(decided) <= TODAY - datetime.timedelta(days=1)
    assert all(d.weekday() < 5 for d in decided)
    per_month = defaultdict(int)
    for day in decided:
        per_month[(day.year, day.month)] += 1
    assert len(per_month) == 24 and min(per_month.values()) > 0.6 * len(decided) / 24


@pytest.mark.parametrize("ip_type, low, high", [
    ("invention", 16, 22), ("utility_model", 2, 8), ("design", 2, 8), ("trademark", 3, 9),
])
def test_pendency_medians_are_realistic(planted, ip_type, low, high):
    months = [(datetime.date.fromisoformat(d) - datetime.date.fromisoformat(f)).days / 30.44 for d, f in planted.execute(
        "SELECT decision_date, filing_date FROM cases WHERE ip_type = ?", [ip_type])]
    assert low <= statistics.median(months) <= high
    assert min(months) > 1


def test_each_month_is_imported_after_it_ends(planted):
    rows = planted.execute("SELECT i.imported_at, MAX(c.decision_date), COUNT(*), i.rows_read FROM imports i"
                           " JOIN cases c ON c.import_id = i.id GROUP BY i.id").fetchall()
    assert len(rows) == 24
    for imported, last_decided, count, rows_read in rows:
        assert last_decided < imported[:10] <= TODAY.isoformat() and count == rows_read


# -- the planted patterns ----------------------------------------------------------------------------

def _finished(db) -> list[tuple[str, str, str, str]]:
    return db.execute("SELECT c.department, c.examiner, c.decision_date, r.verdict FROM reviews r"
                      " JOIN cases c ON c.id = r.case_id WHERE r.status IN ('completed', 'signed_off')").fetchall()


def _quarter(iso: str) -> int:
    return timeline.quarter(datetime.date.fromisoformat(iso))


def test_the_planted_department_dips_for_two_quarters_and_recovers(planted):
    dip = findings.dip_quarters(TODAY)
    assert [timeline.quarter_label(q) for q in dip] == ["2025 Q3", "2025 Q4"]
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])       # quarter -> [reviewed, compliant]
    for department, _examiner, decided, verdict in _finished(planted):
        if department == findings.DIP_DEPARTMENT:
            counts[_quarter(decided)][0] += 1
            counts[_quarter(decided)][1] += verdict == "compliant"

    def rate(quarters):
        return 100 * sum(counts[q][1] for q in quarters) / sum(counts[q][0] for q in quarters)

    others = [q for q in counts if q not in dip]
    # (today's quarter is the least reviewed: its latest decisions mostly wait for their review)
    assert len(others) == 6 and all(counts[q][0] >= 150 for q in counts if q != timeline.quarter(TODAY))
    assert rate(others) - rate(dip) >= 8
    by_rate = sorted(counts, key=lambda q: rate([q]))
    assert set(by_rate[:2]) == set(dip)                  # its two worst quarters...
    assert rate([dip[1] + 1]) - rate(dip) >= 5           # ...and the next one has recovered


def test_no_other_department_dips_then(planted):
    dip = findings.dip_quarters(TODAY)
    counts = {True: [0, 0], False: [0, 0]}
    for department, _examiner, decided, verdict in _finished(planted):
        if department != findings.DIP_DEPARTMENT:
            counts[_quarter(decided) in dip][0] += 1
            counts[_quarter(decided) in dip][1] += verdict == "compliant"
    assert abs(counts[True][1] / counts[True][0] - counts[False][1] / counts[False][0]) < 0.04


def test_the_planted_examiner_is_far_outside_the_funnel_and_no_one_else_is(planted):
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])       # examiner -> [reviewed, errors]
    for _department, examiner, _decided, verdict in _finished(planted):
        counts[examiner][0] += 1
        counts[examiner][1] += verdict == "error"
    overall = sum(e for _n, e in counts.values()) / sum(n for n, _e in counts.values())

    def z(examiner):      # distance from the overall rate, in standard errors at the examiner's size
        n, errors = counts[examiner]
        return (errors / n - overall) / math.sqrt(overall * (1 - overall) / n)

    outlier = findings.OUTLIER_EXAMINER
    n, errors = counts[outlier]
    assert n >= 60 and errors / n >= 2 * overall and z(outlier) > 3.09 + 1       # far beyond the 99.8% limit
    others = [e for e in counts if e != outlier]
    assert len(others) >= 35 and all(abs(z(e)) < 3.09 for e in others)
    assert errors / n > max(counts[e][1] / counts[e][0] for e in others) + 0.1


# -- the same seed and today, the same workspace ---------------------------------------------------

def _build(path, *, seed: int, today: datetime.date) -> object:
    db = open_database(path)
    build_demo(db, cases=300, reviewed=0.5, seed=seed, today=today,
               round_spec=DemoRound("R", Plan(method="random", size=20), reviewed=0.5))
    build_calibration_demo(db, "C", seed=seed, size=4, today=today)
    return db


def test_the_same_seed_and_today_give_the_same_tables(tmp_path):
    first = _build(tmp_path / "a.sqlite3", seed=3, today=EDGE_TODAY)
    second = _build(tmp_path / "b.sqlite3", seed=3, today=EDGE_TODAY)
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(_build(tmp_path / "c.sqlite3", seed=4, today=EDGE_TODAY))


def test_a_later_today_moves_every_date_on(tmp_path):
    earlier = _build(tmp_path / "a.sqlite3", seed=3, today=EDGE_TODAY)
    later_today = EDGE_TODAY + datetime.timedelta(days=400)
    later = _build(tmp_path / "b.sqlite3", seed=3, today=later_today)
    for db, today in ((earlier, EDGE_TODAY), (later, later_today)):
        first, last = timeline.decision_window(today)
        low, high = db.execute("SELECT MIN(decision_date), MAX(decision_date) FROM cases").fetchone()
        assert first.isoformat() <= low and high <= last.isoformat()
        assert _day(db.execute("SELECT MAX(at) FROM audit_log").fetchone()[0]) <= today
    assert _digest(earlier) != _digest(later)
    shift = [_day(a) - _day(b) for (a,), (b,) in zip(later.execute("SELECT MIN(created_at) FROM reviews"),
                                                   earlier.execute("SELECT MIN(created_at) FROM reviews"))]
    assert shift[0] > datetime.timedelta(days=300)


# -- the command ---------------------------------------------------------------------------------

def test_the_default_today_is_read_through_the_commands_clock(tmp_path, monkeypatch):
    from workbench.cli import demo as demo_command
    monkeypatch.setattr(demo_command, "today", lambda: datetime.date(2024, 2, 29))
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "d.sqlite3"
    assert main(["demo", "--cases", "50", "--db", str(path)], out=out, err=err) == 0, err.getvalue()
    assert "decided 2022-03-01 to 2024-02-28, nothing dated after 2024-02-29" in out.getvalue()
    db = open_database(path)
    assert db.execute("SELECT MAX(decision_date) FROM cases").fetchone()[0] < "2024-02-29"


def test_a_today_that_is_not_a_date_is_refused(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["demo", "--today", "soon", "--db", str(tmp_path / "x.sqlite3")], out=out, err=err) == 2
    assert "--today" in err.getvalue() and "2022-06-30" in err.getvalue() and "Traceback" not in err.getvalue()
