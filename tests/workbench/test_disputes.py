"""Findings sent to examiners keep their IDs; the manager's decisions change the verdict through
the code that computes verdicts, are audited, and leave `verify` clean (issue 15)."""
from __future__ import annotations

from datetime import date

import pytest

from db.connection import open_database
from foundation.errors import WorkbenchError
from workbench.demo.generate import build_demo
from workbench.feedback.decisions import decide, dispute_rows, recorded_decision, select_rows
from workbench.feedback.findings import FeedbackScope, issue, scope_findings
from workbench.report.figures import ReportFilter, compute_report
from workbench.review import reviews
from workbench.review.checklist_store import load_stored
from workbench.review.integrity import check_workspace

NOW = "2026-11-02T09:00:00+00:00"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "w.sqlite3")
    build_demo(database, cases=300, reviewed=0.5, seed=21)
    yield database
    database.close()


def sent(db) -> list:
    findings = [f for group in scope_findings(db, FeedbackScope(ReportFilter())).values() for f in group]
    with db.atomic():
        return issue(db, findings, actor="Chen Jing", now=NOW)


def test_the_findings_sent_are_the_findings_the_report_counts(db):
    groups = scope_findings(db, FeedbackScope(ReportFilter()))
    report = compute_report(db, ReportFilter())
    assert sum(len(g) for g in groups.values()) == report.overall.findings_total
    assert all(f.examiner == name for name, group in groups.items() for f in group)
    one = next(iter(groups))
    assert list(scope_findings(db, FeedbackScope(ReportFilter(), examiner=one))) == [one]


def test_a_finding_sent_again_unchanged_keeps_its_id(db):
    first = sent(db)
    again = sent(db)
    assert [f.id for f in first] == [f.id for f in again] and len({f.id for f in first}) == len(first)
    assert db.execute("SELECT COUNT(*) FROM feedback_findings").fetchone()[0] == len(first)


def _error_finding(db, findings):
    """A finding that alone makes its review an error (its only major or critical one)."""
    for f in findings:
        answers = reviews.get_answers(db, f.review_id)
        serious = [a for a in answers.values() if a.outcome == "fail" and a.severity in ("major", "critical")]
        checklist = load_stored(db, f.checklist_id)
        item = checklist.item(f.item_id)
        if len(serious) == 1 and serious[0].item_id == f.item_id and not item.auto_fail \
                and item.option_for_outcome("pass") and "minor" in item.severities:
            return f
    raise AssertionError("the demo has no such finding")


def test_overturning_a_finding_changes_the_verdict_and_the_figures(db):
    findings = sent(db)
    target = _error_finding(db, findings)
    before = compute_report(db, ReportFilter())
    decision = decide(db, target.id, decision="overturn", reason="审查指南第二部分第八章允许", actor="Chen Jing")
    assert (decision.verdict_before, decision.verdict_after) == ("error", reviews.get_review(db, target.review_id).verdict)
    assert decision.verdict_after != "error"
    after = compute_report(db, ReportFilter())
    assert after.overall.compliant == before.overall.compliant + 1
    assert after.overall.findings_total == before.overall.findings_total - 1
    answer = reviews.get_answers(db, target.review_id)[target.item_id]
    assert answer.outcome == "pass" and answer.comment == target.comment
    assert check_workspace(db) == []                   # the change is audited like any answer
    entry = db.execute("SELECT actor, new_value FROM audit_log WHERE entity = 'dispute' AND entity_id = ?",
                       [str(target.id)]).fetchone()
    assert entry[0] == "Chen Jing" and "审查指南" in entry[1]
    row = next(r for r in dispute_rows(db) if r.finding_id == target.id)
    assert row.state == "decided" and row.decision == "overturn"
    with pytest.raises(WorkbenchError, match="already decided"):
        decide(db, target.id, decision="uphold", reason="again", actor="Chen Jing")


def test_a_new_severity_regrades_and_upholding_changes_nothing(db):
    findings = sent(db)
    target = _error_finding(db, findings)
    decide(db, target.id, decision="severity", severity="minor", reason="轻微", actor="Chen Jing")
    assert reviews.get_review(db, target.review_id).verdict == "defect"
    other = next(f for f in findings if f.review_id != target.review_id)
    verdict = reviews.get_review(db, other.review_id).verdict
    assert decide(db, other.id, decision="uphold", reason="成立", actor="Chen Jing").verdict_after == verdict
    assert reviews.get_answers(db, other.review_id)[other.item_id].severity == other.severity
    assert check_workspace(db) == []


def test_refusals_write_nothing(db):
    findings = sent(db)
    count = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(WorkbenchError, match="needs a reason"):
        decide(db, findings[0].id, decision="overturn", reason="  ", actor="m")
    with pytest.raises(WorkbenchError, match="no finding with ID 999999"):
        decide(db, 999999, decision="uphold", reason="x", actor="m")
    with pytest.raises(WorkbenchError, match="one decision"):
        decide(db, findings[0].id, decision="severity", reason="x", actor="m")
    with pytest.raises(WorkbenchError, match="not allowed"):
        decide(db, findings[0].id, decision="severity", severity="fatal", reason="x", actor="m")
    # The reviewer changed the finding after it was sent: decide the new one, not the old.
    f = findings[1]
    review = reviews.get_review(db, f.review_id)
    db.execute("UPDATE reviews SET status = 'in_progress' WHERE id = ?", [review.id])   # reopened for the test
    reviews.set_answer(db, f.review_id, f.item_id, f.answer, actor=review.reviewer, severity=f.severity,
                       category=f.category, comment=f.comment + " (revised)")
    before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(WorkbenchError, match="changed by its reviewer"):
        decide(db, f.id, decision="uphold", reason="x", actor="m")
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before > count
    assert db.execute("SELECT COUNT(*) FROM dispute_decisions").fetchone()[0] == 0


def test_the_selections_of_the_disputes_view(db):
    findings = sent(db)
    db.execute("INSERT INTO feedback_files (id, examiner, scope, language, created_at, created_by, deadline)"
               " VALUES ('f', 'x', '{}', 'en', ?, 'm', '2026-11-16')", [NOW])
    for f in findings:
        db.execute("INSERT INTO feedback_file_findings (file_id, finding_id) VALUES ('f', ?)", [f.id])
    agreed, disputed, decided = findings[0].id, findings[1].id, findings[2].id
    for finding_id, response in ((agreed, "agree"), (disputed, "disagree"), (decided, "disagree")):
        db.execute("INSERT INTO dispute_responses (finding_id, response, reason, responded_by, file_id, file_sha256,"
                   " imported_at, imported_by, late) VALUES (?, ?, 'r', 'x', 'f', 'h', ?, 'm', 0)",
                   [finding_id, response, NOW])
    db.conn.commit()
    assert recorded_decision(db, decided) is None
    done = decide(db, decided, decision="uphold", reason="stands", actor="m")
    assert recorded_decision(db, decided) == done
    rows = dispute_rows(db)
    before, after = date(2026, 11, 16), date(2026, 11, 17)
    assert [r.finding_id for r in select_rows(rows, "open", before)] == [disputed]
    assert [r.finding_id for r in select_rows(rows, "agreed", before)] == [agreed]
    assert [r.finding_id for r in select_rows(rows, "decided", before)] == [decided]
    assert select_rows(rows, "overdue", before) == []                       # due that day, not yet overdue
    waiting = {f.id for f in findings} - {agreed, disputed, decided}
    assert {r.finding_id for r in select_rows(rows, "overdue", after)} == waiting
    assert {r.finding_id for r in select_rows(rows, "no_response", before)} == waiting
    everything = select_rows(rows, "all", after)
    assert [r.state for r in everything[:1]] == ["open"] and len(everything) == len(rows)
    assert [r.finding_id for r in everything[-2:]] == [agreed, decided]       # open first, settled last
    with pytest.raises(ValueError):
        select_rows(rows, "pending", before)
