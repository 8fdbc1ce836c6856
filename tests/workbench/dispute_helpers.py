"""A feedback round played out on a demo workspace, for the dispute figures' tests: every finding
of a scope sent (one file per examiner, half of them with a deadline already past), responses
recorded as the import records them, and the manager's decisions: an overturn, a review with two
decisions (a severity change and an overturn), upholds, an agreed finding, open disputes (one past
its deadline) and a response that came after its finding was decided.

`Played` keeps what was done, so a test can count every figure from it by hand.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from workbench.feedback.decisions import decide
from workbench.feedback.findings import FeedbackScope, Finding, issue, scope_findings
from workbench.report.figures import ReportFilter
from workbench.review import reviews
from workbench.review.checklist_store import load_stored

NOW = "2026-11-02T09:00:00+00:00"
EARLY = "2026-11-16"               # past on TODAY
LATE = "2026-12-31"
TODAY = date(2026, 11, 20)
MANAGER = "Chen Jing"


@dataclass
class Played:
    findings: list[Finding]
    deadlines: dict[str, str]                                     # examiner -> deadline
    responses: dict[int, str] = field(default_factory=dict)       # finding id -> agree/disagree (applied)
    decisions: dict[int, str] = field(default_factory=dict)       # finding id -> uphold/overturn/severity
    late: list[int] = field(default_factory=list)                 # responses after the decision
    verdicts: dict[int, str] = field(default_factory=dict)        # review id -> verdict before any decision
    roles: dict[str, list[Finding]] = field(default_factory=dict)


def send_all(db, report_filter: ReportFilter = ReportFilter()) -> tuple[list[Finding], dict[str, str]]:
    """Every finding of the scope issued, one recorded file per examiner (every other one with EARLY)."""
    groups = scope_findings(db, FeedbackScope(report_filter))
    deadlines = {name: EARLY if index % 2 == 0 else LATE for index, name in enumerate(sorted(groups))}
    sent: list[Finding] = []
    with db.atomic():
        for examiner in sorted(groups):
            findings = issue(db, groups[examiner], actor=MANAGER, now=NOW)
            file_id = str(uuid.uuid4())
            db.execute("INSERT INTO feedback_files (id, examiner, scope, language, created_at, created_by, deadline)"
                       " VALUES (?, ?, '{}', 'en', ?, ?, ?)", [file_id, examiner, NOW, MANAGER, deadlines[examiner]])
            for f in findings:
                db.execute("INSERT INTO feedback_file_findings (file_id, finding_id) VALUES (?, ?)", [file_id, f.id])
            sent += findings
    return sent, deadlines


def respond(db, finding: Finding, response: str, *, late: bool = False) -> None:
    """A response as responses.import_responses records it."""
    file_id = db.execute("SELECT file_id FROM feedback_file_findings WHERE finding_id = ?", [finding.id]).fetchone()[0]
    with db.atomic():
        db.execute("INSERT INTO dispute_responses (finding_id, response, reason, responded_by, file_id, file_sha256,"
                   " imported_at, imported_by, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [finding.id, response, "理由" if response == "disagree" else "", finding.examiner, file_id,
                    "0" * 64, NOW, MANAGER, int(late)])


def _serious(db, review_id: int) -> list[reviews.Answer]:
    return [a for a in reviews.get_answers(db, review_id).values()
            if a.outcome == "fail" and a.severity in ("major", "critical")]


def _can_overturn(db, f: Finding) -> bool:
    item = load_stored(db, f.checklist_id).item(f.item_id)
    return item.option_for_outcome("pass") is not None and not item.auto_fail


def _can_regrade(db, f: Finding) -> bool:
    item = load_stored(db, f.checklist_id).item(f.item_id)
    return not item.auto_fail and "minor" in item.severities


def pick(db, findings: list[Finding], deadlines: dict[str, str]) -> dict[str, list[Finding]]:
    """Findings for each part of the play, chosen by what they are, not by their IDs."""
    by_review: dict[int, list[Finding]] = {}
    for f in findings:
        by_review.setdefault(f.review_id, []).append(f)
    multi = single = None
    for review_id, group in sorted(by_review.items()):
        serious = _serious(db, review_id)
        if len(serious) != 1:
            continue
        major = next((f for f in group if f.item_id == serious[0].item_id), None)
        minors = [f for f in group if f.severity == "minor" and _can_overturn(db, f)]
        if multi is None and major is not None and _can_regrade(db, major) and minors:
            multi = [major, minors[0]]
        elif single is None and major is not None and _can_overturn(db, major):
            single = [major]
    assert multi and single, "the demo has no review for the play"
    used = {f.review_id for f in multi + single}
    rest = [f for f in findings if f.review_id not in used]
    early = [f for f in rest if deadlines[f.examiner] == EARLY]
    late = [f for f in rest if deadlines[f.examiner] == LATE]
    assert len(early) >= 2 and len(late) >= 3
    return {"multi": multi, "single": single, "upheld": [late[0], late[1]], "agreed": [early[0]],
            "open_overdue": [early[1]], "open": [late[2]]}


def play(db, report_filter: ReportFilter = ReportFilter()) -> Played:
    """Send, respond, decide."""
    findings, deadlines = send_all(db, report_filter)
    roles = pick(db, findings, deadlines)
    played = Played(findings, deadlines, roles=roles)
    played.verdicts = {f.review_id: reviews.get_review(db, f.review_id).verdict for f in findings}
    for role, group in roles.items():
        for f in group:
            response = "agree" if role == "agreed" else "disagree"
            respond(db, f, response)
            played.responses[f.id] = response
    major, minor = roles["multi"]
    for f, decision, severity in ((major, "severity", "minor"), (minor, "overturn", None),
                                  (roles["single"][0], "overturn", None), (roles["upheld"][0], "uphold", None),
                                  (roles["upheld"][1], "uphold", None)):
        decide(db, f.id, decision=decision, reason="决定理由", actor=MANAGER, severity=severity)
        played.decisions[f.id] = decision
    respond(db, roles["single"][0], "agree", late=True)          # came after the decision: kept, not applied
    played.late.append(roles["single"][0].id)
    return played
