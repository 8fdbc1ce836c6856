"""The dispute figures (issue 15) recomputed by hand from what a feedback round did: compliance before
and after the decisions with the report's estimator, the dispute and overturn rates per checklist item
and per reviewer (the most overturned first), and what is past its deadline on an injected day."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from db.connection import open_database
from tests.workbench import dispute_helpers as dh
from workbench.demo.generate import DemoRound, build_demo
from workbench.report.dispute_figures import DisputeCounts, dispute_figures
from workbench.report.figures import ReportFilter, compute_report
from workbench.review import reviews
from workbench.rounds.sampling_plan import Plan
from workbench.stats.intervals import StratifiedEstimate, wilson_interval


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "w.sqlite3")
    build_demo(database, cases=300, reviewed=0.5, seed=21)
    yield database
    database.close()


def expected_counts(played: dh.Played, findings) -> DisputeCounts:
    """What became of these findings, counted from what the play did."""
    counts = defaultdict(int)
    for f in findings:
        counts["sent"] += 1
        decision, response = played.decisions.get(f.id), played.responses.get(f.id)
        if decision:
            counts["decided"] += 1
            counts["disputed"] += 1
            counts[{"uphold": "upheld", "overturn": "overturned", "severity": "regraded"}[decision]] += 1
        elif response == "agree":
            counts["agreed"] += 1
        elif response == "disagree":
            counts["disputed"] += 1
            counts["open"] += 1
    return DisputeCounts(**counts)


def template_of(db, checklist_id: int) -> str:
    return db.execute("SELECT template_id FROM checklists WHERE id = ?", [checklist_id]).fetchone()[0]


def most_overturned_first(rows):
    def key(row):
        c = row[1]
        rate = c.changed / c.decided if c.decided else -1.0
        return (-c.changed, -rate, -c.disputed, -c.sent, row[0])
    return sorted(rows, key=key)


def test_every_figure_recomputed_by_hand(db):
    before = compute_report(db, ReportFilter())
    played = dh.play(db)
    after = compute_report(db, ReportFilter())
    figures = dispute_figures(db, ReportFilter(), today=dh.TODAY)

    # Compliance before: the verdicts as they were before any decision, counted again.
    verdict_now = {r: reviews.get_review(db, r).verdict for r in played.verdicts}
    changed = {r for r, v in played.verdicts.items() if verdict_now[r] != v}
    assert changed == {played.roles["multi"][0].review_id, played.roles["single"][0].review_id}
    assert all(played.verdicts[r] == "error" and verdict_now[r] in ("defect", "compliant") for r in changed)
    assert figures.verdicts_changed == 2
    assert figures.compliant_after == after.overall.compliant == before.overall.compliant + 2
    assert figures.compliant_before == before.overall.compliant
    assert figures.reviewed == before.reviewed == after.reviewed
    assert figures.compliance_before == wilson_interval(before.overall.compliant, before.reviewed)
    assert figures.compliance_before == before.overall.compliance
    assert figures.compliance_after == wilson_interval(after.overall.compliant, after.reviewed)

    # Totals, and the rates.
    totals = figures.totals
    assert totals == expected_counts(played, played.findings)
    assert (totals.sent, totals.disputed, totals.decided, totals.changed) == (len(played.findings), 7, 5, 3)
    assert (totals.agreed, totals.open, totals.upheld, totals.overturned, totals.regraded) == (1, 2, 2, 2, 1)
    assert totals.no_response == len(played.findings) - 8
    assert totals.dispute_rate == pytest.approx(7 / len(played.findings))
    assert totals.overturn_rate == pytest.approx(3 / 5)

    # Per checklist item and per reviewer, the most overturned first.
    by_item, by_reviewer = defaultdict(list), defaultdict(list)
    for f in played.findings:
        by_item[(template_of(db, f.checklist_id), f.item_id)].append(f)
        by_reviewer[f.reviewer].append(f)
    items = most_overturned_first([(key, expected_counts(played, group)) for key, group in by_item.items()])
    assert [((i.template_id, i.item_id), i.counts) for i in figures.items] == items
    assert all(i.text is not None and i.text.en and i.reference for i in figures.items)
    reviewers = most_overturned_first([(name, expected_counts(played, group)) for name, group in by_reviewer.items()])
    assert [(r.reviewer, r.counts) for r in figures.reviewers] == reviewers
    top = figures.most_overturned(10)
    assert [(i.template_id, i.item_id) for i in top] == [k for k, c in items if c.changed]
    assert top[0].counts.changed >= 1 and len(figures.most_overturned(1)) == 1

    # Past the deadline on TODAY: unanswered or open, in a file due EARLY.
    late_ones = {f.id: (dh.TODAY - date.fromisoformat(dh.EARLY)).days for f in played.findings
                 if played.deadlines[f.examiner] == dh.EARLY and f.id not in played.decisions
                 and played.responses.get(f.id) != "agree"}
    assert {p.finding_id: p.days for p in figures.past_deadline} == late_ones
    assert {p.finding_id for p in figures.past_deadline if p.state == "open"} == {played.roles["open_overdue"][0].id}
    assert figures.open_past_deadline == 1
    assert figures.unanswered_past_deadline == len(late_ones) - 1 > 0
    assert all(p.deadline == date.fromisoformat(dh.EARLY) and p.state in ("open", "no_response") for p in figures.past_deadline)


def test_the_deadline_is_the_day_given(db):
    dh.play(db)
    assert dispute_figures(db, ReportFilter(), today=date(2026, 11, 16)).past_deadline == ()   # due that day
    later = dispute_figures(db, ReportFilter(), today=date(2027, 1, 1))
    assert {p.deadline.isoformat() for p in later.past_deadline} == {dh.EARLY, dh.LATE}
    assert max(p.days for p in later.past_deadline) == (date(2027, 1, 1) - date.fromisoformat(dh.EARLY)).days
    assert [p.days for p in later.past_deadline] == sorted((p.days for p in later.past_deadline), reverse=True)


def test_a_review_with_two_decisions_is_assessed_with_both_undone(db):
    """The verdict stored with the later decision is the one after the first: not the verdict before disputes."""
    played = dh.play(db)
    major, minor = played.roles["multi"]
    stored = dict(db.execute("SELECT finding_id, verdict_before FROM dispute_decisions WHERE finding_id IN (?, ?)",
                             [major.id, minor.id]).fetchall())
    assert (stored[major.id], stored[minor.id]) == ("error", "defect")
    assert reviews.get_review(db, major.review_id).verdict == "defect"
    figures = dispute_figures(db, ReportFilter(), today=dh.TODAY)
    # Counted as not compliant before (error), compliant after (defect): both decisions undone.
    assert figures.compliant_after - figures.compliant_before == 2


def test_nothing_sent_gives_empty_figures(db):
    figures = dispute_figures(db, ReportFilter(), today=dh.TODAY)
    assert not figures.any_sent and not figures.any_disputed
    assert figures.totals == DisputeCounts() and figures.totals.dispute_rate is None
    assert figures.totals.overturn_rate is None
    assert figures.items == figures.reviewers == figures.past_deadline == ()
    assert figures.compliance_before == figures.compliance_after == compute_report(db).overall.compliance


def test_sent_but_undisputed_changes_nothing(db):
    findings, _ = dh.send_all(db)
    figures = dispute_figures(db, ReportFilter(), today=date(2026, 11, 1))
    assert figures.any_sent and not figures.any_disputed
    assert figures.totals.sent == len(findings) == figures.totals.no_response
    assert figures.compliance_before == figures.compliance_after and figures.verdicts_changed == 0
    assert figures.most_overturned() == () and figures.past_deadline == ()


def test_a_period_counts_the_findings_of_its_cases(db):
    played = dh.play(db)
    decided = {f.id: f for f in played.findings if f.id in played.decisions}
    day = db.execute("SELECT decision_date FROM cases WHERE id = ?",
                     [played.roles["single"][0].case_id]).fetchone()[0]
    period = ReportFilter(date_from=date.fromisoformat(day[:10]), date_to=date.fromisoformat(day[:10]))
    figures = dispute_figures(db, period, today=dh.TODAY)
    in_period = {r[0] for r in db.execute("SELECT id FROM cases WHERE decision_date >= ? AND decision_date <= ?",
                                          [day[:10], day[:10]])}
    mine = [f for f in played.findings if f.case_id in in_period]
    assert figures.totals == expected_counts(played, mine) and figures.totals.overturned >= 1
    assert len(mine) < len(played.findings) and set(decided) - {f.id for f in mine}
    report = compute_report(db, period)
    assert figures.compliant_after == report.overall.compliant
    assert figures.compliant_before == report.overall.compliant - 1     # the overturned review is in it


@pytest.fixture
def round_db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "r.sqlite3")
    spec = DemoRound("R1", Plan(method="stratified", strata=("department",), size=120), reviewed=0.9)
    build_demo(database, cases=400, reviewed=0.3, seed=11, round_spec=spec)
    yield database
    database.close()


def test_a_stratified_round_uses_the_stratified_estimate_before_and_after(round_db):
    db = round_db
    rnd = ReportFilter(round_name="R1")
    outside, _ = dh.send_all(db)                  # All cases: findings of reviews outside the round too
    before = compute_report(db, rnd)
    assert before.stratified is not None
    played = dh.play(db, rnd)
    after = compute_report(db, rnd)
    figures = dispute_figures(db, rnd, today=dh.TODAY, report=after)
    assert isinstance(figures.compliance_before, StratifiedEstimate)
    assert figures.compliance_before == before.overall.compliance
    assert figures.compliance_after == after.overall.compliance != before.overall.compliance
    assert figures.compliant_before == before.overall.compliant == figures.compliant_after - 2
    # Only the round's own reviews' findings: those sent for All cases from other reviews are left out.
    round_reviews = {r[0] for r in db.execute("SELECT id FROM reviews WHERE round_id = (SELECT id FROM rounds"
                                              " WHERE name = 'R1')")}
    assert {f.review_id for f in played.findings} <= round_reviews
    assert any(f.review_id not in round_reviews for f in outside)
    assert figures.totals == expected_counts(played, played.findings)
    assert dispute_figures(db, rnd, today=dh.TODAY) == figures       # the report computed here, or given


def test_responses_imported_from_real_files_count(db, tmp_path):
    from tests.workbench.test_response_book import fill, send
    from workbench.feedback.responses import import_responses
    sent = send(db, tmp_path / "r.xlsx")
    first, second = sent.findings[0], sent.findings[1]
    filled = fill(sent.path, tmp_path / "filled.xlsx", {2: ("Disagree", "不同意的理由"), 3: ("Agree", None)})
    import_responses(db, [filled], actor=dh.MANAGER, now=dh.NOW)
    totals = dispute_figures(db, ReportFilter(), today=dh.TODAY).totals
    assert (totals.sent, totals.disputed, totals.agreed, totals.open) == (len(sent.findings), 1, 1, 1)
    assert {first.id, second.id} and totals.no_response == len(sent.findings) - 2
