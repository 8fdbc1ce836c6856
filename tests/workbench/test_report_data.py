"""The report's figures, recomputed here the slow and obvious way from the stored rows."""
from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest

from workbench.stats.distributions import t_quantile_upper
from workbench.stats.intervals import clopper_pearson

from tests.workbench.helpers import MINI_CHECKLIST, workspace
from workbench.review import checklist_parsing
from workbench.review import checklist_store
from workbench.review import checklists
from foundation.errors import WorkbenchError
from workbench.report.figures import (
    ReportFilter,
    compute_report,
    parse_filter_date,
    parse_target,
    resolve_scope,
)
from workbench.review.reviews import Answer, assess

DEPARTMENTS = ("电学发明审查部", "机械发明审查部", "=DEPT()")
EXAMINERS = {"电学发明审查部": ("王海涛", "李静"), "机械发明审查部": ("周建国", "吴敏"), "=DEPT()": ("+x", "@y")}
IP_TYPES = ("invention", "utility_model", "design", "trademark")
STATUS_WEIGHTS = (("none", 2), ("open", 1), ("in_progress", 2), ("completed", 8), ("signed_off", 3))


def _answers(rng: random.Random, checklist: checklists.Checklist, *, partial: bool) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for item in checklist.items:
        visible = {i.id for i in checklist.visible_items({k: a.answer for k, a in answers.items()})}
        if item.id not in visible or (partial and rng.random() < 0.4):
            continue
        roll = rng.random()
        if roll < 0.2 and item.can_fail:
            answers[item.id] = Answer(item.id, "fail", "fail", rng.choice(item.severities),
                                      rng.choice(item.categories), rng.choice(["", "=1+1", "missed D1", "-x"]))
        elif roll < 0.28 and item.option_for_outcome("na"):
            answers[item.id] = Answer(item.id, "na", "na")
        else:
            answers[item.id] = Answer(item.id, "pass", "pass")
    return answers


def _insert_review(db, rng, checklist, checklist_id, case_id, status, *, reviewer, round_id=None,
                   when: datetime) -> None:
    answers = {} if status == "open" else _answers(rng, checklist, partial=status == "in_progress")
    result = assess(checklist, answers)
    at = when.isoformat(timespec="microseconds")
    done = status in ("completed", "signed_off")
    review_id = db.execute(
        "INSERT INTO reviews (case_id, checklist_id, reviewer, status, verdict, score, active_seconds, created_at,"
        " updated_at, completed_at, round_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [case_id, checklist_id, reviewer, status, result.verdict if answers else None, result.score,
         rng.choice([0, rng.uniform(60, 3600)]) if rng.random() < 0.3 else rng.uniform(60, 3600), at, at,
         at if done else None, round_id]).lastrowid
    for a in answers.values():
        db.execute("INSERT INTO answers (review_id, item_id, answer, outcome, severity, category, comment,"
                   " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [review_id, a.item_id, a.answer, a.outcome, a.severity, a.category, a.comment, at])


def build_workspace(db, *, cases: int = 80, seed: int = 7, stratified_round: bool = True) -> dict:
    """Cases, reviews (some superseded, some for a round) and answers, by direct inserts.

    Verdicts and scores come from `review.assess`, so they agree with the answers as in real use.
    """
    rng = random.Random(seed)
    checklist = checklist_parsing.load_template(MINI_CHECKLIST)
    checklist_id = checklist_store.store(db, checklist)
    base = datetime(2023, 3, 1, 8, 0, tzinfo=timezone.utc)
    with db.atomic():
        ids = []
        for i in range(cases):
            department = DEPARTMENTS[i % len(DEPARTMENTS)]
            filing = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 900))
            decision = filing + timedelta(days=rng.randrange(100, 1500)) if rng.random() < 0.95 else None
            case_id = db.execute(
                "INSERT INTO cases (application_number, ip_type, title, applicant, examiner, department,"
                " filing_date, decision_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [f"2020{i:08d}.{i % 10}", IP_TYPES[i % 4], rng.choice(["一种装置", "=HYPERLINK(\"x\")", "+1", "#N/A"]),
                 "甲公司", rng.choice(EXAMINERS[department]), department, filing.isoformat(),
                 decision.isoformat() if decision else None]).lastrowid
            ids.append(case_id)
        round_id = None
        drawn: list[int] = []
        if stratified_round:
            drawn = [c for c in ids if rng.random() < 0.6]
            round_id = db.execute(
                "INSERT INTO rounds (name, created_at, filters, plan, seed, population) VALUES (?, ?, ?, ?, ?, ?)",
                ["2023 Q1", base.isoformat(), json.dumps({"ip_type": list(IP_TYPES)}),
                 json.dumps({"method": "stratified", "strata": ["department"], "size": len(drawn)}), 4242,
                 len(ids)]).lastrowid
            by_department = defaultdict(list)
            for order, case_id in enumerate(drawn):
                department = db.execute("SELECT department FROM cases WHERE id = ?", [case_id]).fetchone()[0]
                by_department[department].append(case_id)
                db.execute("INSERT INTO round_cases (round_id, case_id, stratum, draw_order) VALUES (?, ?, ?, ?)",
                           [round_id, case_id, department, order])
            for department in DEPARTMENTS:
                population = db.execute("SELECT COUNT(*) FROM cases WHERE department = ?", [department]).fetchone()[0]
                db.execute("INSERT INTO round_strata (round_id, stratum, population, sample) VALUES (?, ?, ?, ?)",
                           [round_id, department, population, len(by_department[department])])
        statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
        for n, case_id in enumerate(ids):
            when = base + timedelta(hours=n)
            if rng.random() < 0.15:   # an older review by someone else: superseded, never counted
                _insert_review(db, rng, checklist, checklist_id, case_id, "completed", reviewer="carol", when=when)
            status = rng.choice(statuses)
            if status != "none":
                _insert_review(db, rng, checklist, checklist_id, case_id, status, reviewer=rng.choice(["alice", "bob"]),
                               round_id=round_id if case_id in drawn and rng.random() < 0.8 else None,
                               when=when + timedelta(minutes=5))
    return {"checklist_id": checklist_id, "round_id": round_id, "cases": ids, "drawn": drawn}


# -- an independent recomputation ------------------------------------------------------------------

def wilson(k: int, n: int, z: float = 1.959963984540054):
    if n == 0:
        return None, None, None
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return p, max(0.0, centre - half) if k else 0.0, min(1.0, centre + half) if k < n else 1.0


def excel_percentile(values, q):
    values = sorted(values)
    if not values:
        return None
    rank = q * (len(values) - 1)
    low = int(math.floor(rank))
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def counted_reviews(db, round_id=None, date_from=None, date_to=None):
    """case id -> (case row, review row or None), chosen by reading every row in Python."""
    cases = {r[0]: r for r in db.execute("SELECT id, ip_type, department, examiner, filing_date, decision_date"
                                          " FROM cases")}
    if round_id is not None:
        in_round = {r[0] for r in db.execute("SELECT case_id FROM round_cases WHERE round_id = ?", [round_id])}
        cases = {k: v for k, v in cases.items() if k in in_round}
    if date_from or date_to:
        cases = {k: v for k, v in cases.items() if v[5] and (not date_from or v[5] >= date_from)
                 and (not date_to or v[5] <= date_to)}
    reviews = defaultdict(list)
    for row in db.execute("SELECT id, case_id, status, verdict, active_seconds, round_id, completed_at FROM reviews"):
        reviews[row[1]].append(row)
    chosen = {}
    for case_id, case in cases.items():
        candidates = reviews.get(case_id, [])
        if round_id is not None:       # a round counts only its own reviews
            candidates = [r for r in candidates if r[5] == round_id]
        done = [r for r in candidates if r[2] in ("completed", "signed_off")]
        if done:                       # the latest completed one; an open review never hides it
            chosen[case_id] = (case, max(done, key=lambda r: (r[6], r[0])))
        else:
            chosen[case_id] = (case, max(candidates, key=lambda r: r[0]) if candidates else None)
    return chosen


@pytest.fixture
def built(tmp_path):
    db = workspace(tmp_path)
    info = build_workspace(db)
    return db, info


def test_overall_figures_match_an_independent_count(built):
    db, _ = built
    report = compute_report(db)
    chosen = counted_reviews(db)
    reviewed = [(c, r) for c, r in chosen.values() if r and r[2] in ("completed", "signed_off")]
    compliant = sum(r[3] in ("compliant", "defect") for _, r in reviewed)
    assert report.cases == len(chosen) == 80
    assert report.reviewed == len(reviewed) > 20
    assert report.overall.compliant == compliant
    rate, low, high = wilson(compliant, len(reviewed))
    assert report.overall.compliance.rate == pytest.approx(rate)
    assert report.overall.compliance.low == pytest.approx(low)
    assert report.overall.compliance.high == pytest.approx(high)
    assert report.error_rate.successes == sum(r[3] == "error" for _, r in reviewed)
    assert report.defect_rate.successes == sum(r[3] == "defect" for _, r in reviewed)
    assert report.in_progress == sum(1 for c, r in chosen.values() if r and r[2] == "in_progress")
    minutes = [r[4] / 60 for _, r in reviewed if r[4]]
    assert report.overall.median_minutes == pytest.approx(excel_percentile(minutes, 0.5))
    assert report.overall.p90_minutes == pytest.approx(excel_percentile(minutes, 0.9))
    review_ids = [r[0] for _, r in reviewed]
    severities = defaultdict(int)
    for (severity,) in db.execute(f"SELECT severity FROM answers WHERE outcome = 'fail' AND review_id IN"
                                  f" ({','.join(map(str, review_ids))})"):
        severities[severity] += 1
    assert dict(report.overall.findings) == {s: severities.get(s, 0) for s in ("critical", "major", "minor",
                                                                                "advisory")}
    assert report.findings_total == sum(severities.values())


def test_breakdowns_and_target_flags(built):
    db, _ = built
    report = compute_report(db, target=0.95)
    chosen = counted_reviews(db)
    groups = defaultdict(lambda: [0, 0])
    for case, review in chosen.values():
        if review and review[2] in ("completed", "signed_off"):
            groups[(case[2], case[3])][0] += 1
            groups[(case[2], case[3])][1] += review[3] in ("compliant", "defect")
    by_examiner = {g.key: g for g in report.by_examiner}
    assert set(by_examiner) == {k for k in {(c[2], c[3]) for c, _ in chosen.values()}}
    for key, (n, k) in groups.items():
        figures = by_examiner[key]
        assert (figures.reviewed, figures.compliant) == (n, k)
        assert figures.below_target == (wilson(k, n)[2] < 0.95)
    assert sum(g.cases for g in report.by_department) == report.cases
    assert [g.key[0] for g in report.by_ip_type] == [t for t in IP_TYPES if any(c[1] == t for c, _ in chosen.values())]


def test_pendency_by_ip_type(built):
    db, _ = built
    report = compute_report(db)
    days = defaultdict(list)
    for case, _ in counted_reviews(db).values():
        if case[4] and case[5]:
            days[case[1]].append((date.fromisoformat(case[5]) - date.fromisoformat(case[4])).days)
    assert {p.ip_type: (p.cases, p.median_days) for p in report.pendency} == \
        {t: (len(v), excel_percentile(v, 0.5)) for t, v in days.items()}


def test_items_in_pareto_order_with_reference(built):
    db, _ = built
    report = compute_report(db)
    failed = [i.failed for i in report.items]
    assert failed == sorted(failed, reverse=True) and failed[0] > 0
    search = next(i for i in report.items if i.item_id == "search")
    assert search.reference.get("en") == search.reference.get("zh") == "GPE II-7" and search.text.zh == "检索是否充分？"
    chosen = counted_reviews(db)
    ids = [str(r[0]) for _, r in chosen.values() if r and r[2] in ("completed", "signed_off")]
    applicable, fails = db.execute(
        f"SELECT SUM(outcome != 'na'), SUM(outcome = 'fail') FROM answers WHERE item_id = 'search'"
        f" AND review_id IN ({','.join(ids)})").fetchone()
    assert (search.applicable, search.failed) == (applicable, fails)
    assert report.items[-1].cumulative == pytest.approx(1.0)
    categories = report.categories
    assert [c.findings for c in categories] == sorted((c.findings for c in categories), reverse=True)
    assert sum(c.findings for c in categories) == report.findings_total
    assert categories[-1].cumulative == pytest.approx(1.0)
    assert {c.label.en for c in categories} <= {"Objection omitted", "Objection improper"}


def test_round_scope_counts_only_the_rounds_reviews_and_gives_the_stratified_estimate(built):
    db, info = built
    report = compute_report(db, ReportFilter(round_name="2023 Q1"))
    chosen = counted_reviews(db, round_id=info["round_id"])
    assert report.cases == len(info["drawn"]) == report.drawn
    assert report.population == 80
    per_stratum = defaultdict(lambda: [0, 0])
    for case, review in chosen.values():
        if review and review[2] in ("completed", "signed_off"):
            per_stratum[case[2]][0] += 1
            per_stratum[case[2]][1] += review[3] in ("compliant", "defect")
    populations = dict(db.execute("SELECT stratum, population FROM round_strata"))
    total = sum(populations[s] for s in per_stratum)
    estimate = sum(populations[s] / total * k / n for s, (n, k) in per_stratum.items())
    variance = sum((populations[s] / total) ** 2 * (1 - n / populations[s]) * (k / n) * (1 - k / n) / (n - 1)
                   for s, (n, k) in per_stratum.items() if n > 1)
    st = report.stratified
    assert st is not None and "stratified" in st.estimator
    assert st.estimate == pytest.approx(estimate)
    assert st.variance == pytest.approx(variance)
    assert report.compliance[0] == pytest.approx(estimate)
    # Korn-Graubard: Clopper-Pearson on n* = p(1-p)/variance * (t_{n-1}/t_{n-H})^2.
    n = sum(n for n, _ in per_stratum.values())
    effective = estimate * (1 - estimate) / variance * (
        t_quantile_upper(0.05, n - 1) / t_quantile_upper(0.05, n - len(per_stratum))) ** 2
    low, high = clopper_pearson(effective * estimate, effective, 0.95)
    assert report.compliance[1:] == (pytest.approx(low), pytest.approx(high))
    assert [s.name for s in report.strata] == sorted(populations)
    assert report.scope.round.seed == 4242 and report.scope.round.method == "stratified"


def test_a_period_narrowing_a_round_drops_the_stratified_estimate(built):
    db, _ = built
    report = compute_report(db, ReportFilter(round_name="2023 Q1", date_from=date(2021, 1, 1)))
    assert report.stratified is None and report.stratified_note == "period"
    assert report.overall.compliance.rate is not None


def test_period_filter_on_decision_date(built):
    db, _ = built
    report = compute_report(db, ReportFilter(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31)))
    chosen = counted_reviews(db, date_from="2021-01-01", date_to="2021-12-31")
    assert 0 < report.cases == len(chosen) < 80
    assert report.reviewed == sum(1 for _, r in chosen.values() if r and r[2] in ("completed", "signed_off"))


def test_empty_workspace_has_no_rates(tmp_path):
    report = compute_report(workspace(tmp_path))
    assert report.cases == report.reviewed == 0
    assert report.compliance == (None, None, None)
    assert report.items == () and report.categories == () and report.by_department == ()


def test_unknown_round_names_the_rounds_there_are(built):
    db, _ = built
    with pytest.raises(WorkbenchError) as caught:
        resolve_scope(db, ReportFilter(round_name="2099"))
    assert caught.value.code == "report.unknown_round"
    assert "2023 Q1" in caught.value.message()


@pytest.mark.parametrize("text, expected", [("2022-06-30", date(2022, 6, 30)), ("2022/6/30", date(2022, 6, 30)),
                                            ("", None), (None, None)])
def test_filter_dates(text, expected):
    assert parse_filter_date(text, "--from") == expected


@pytest.mark.parametrize("text", ["yesterday", "2022-02-30", "13/13/2022"])
def test_bad_filter_dates_name_the_option(text):
    with pytest.raises(WorkbenchError) as caught:
        parse_filter_date(text, "--to")
    assert caught.value.code == "report.bad_date" and "--to" in caught.value.message()


def test_period_must_not_be_reversed():
    with pytest.raises(WorkbenchError) as caught:
        ReportFilter(date_from=date(2022, 2, 1), date_to=date(2022, 1, 1))
    assert caught.value.code == "report.date_order"


@pytest.mark.parametrize("text, expected", [("90", 0.9), ("0.95", 0.95), ("85%", 0.85), (100, 1.0)])
def test_target(text, expected):
    assert parse_target(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["0", "-5", "150", "abc", "nan"])
def test_bad_target(text):
    with pytest.raises(WorkbenchError):
        parse_target(text)
