"""The five places that say how many cases are reviewed agree (issue 11): the queue's status
counts, the case panel, the Dashboard (All cases and the round), `round-status --json` and the
exported workbook (`export` and `export --round`), on one workspace where a signed-off case
was drawn into a new round with include-reviewed and some of the round's reviews are done."""
from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from tests.workbench.test_packages import answer_review
from workbench import cli
from workbench.demo.generate import build_demo
from workbench.review.queue import CaseFilter
from workbench.report.figures import ReportFilter
from workbench.rounds.assignment import Reviewer
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import create_round

ROUND = "again"


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def exported_reviewed(path, workbook, *extra: str) -> int:
    run("export", str(workbook), *extra, "--db", str(path))
    rows = load_workbook(workbook)["Summary"].iter_rows(values_only=True)
    summary = {row[0]: row[1:] for row in rows if isinstance(row[0], str)}
    return summary["Reviewed (completed or signed off)"][0]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    build_demo(db, cases=240, reviewed=0.4, seed=7)
    signed = {row[0] for row in db.execute("SELECT case_id FROM latest_reviews WHERE status = 'signed_off'")}
    result = create_round(db, name=ROUND, filters=Filters(exclude_reviewed=False), plan=Plan(size=80), seed=1,
                          actor="qa", reviewers=[Reviewer("Zhao Lei"), Reviewer("Qian Li")])
    drawn_signed = sorted(signed & {c.case_id for c in result.cases})
    assert drawn_signed, "the round drew no signed-off case"
    round_reviews = db.execute("SELECT id, reviewer, case_id FROM reviews WHERE round_id = ? ORDER BY id",
                               [result.id]).fetchall()
    others = [r for r in round_reviews if r[2] != drawn_signed[0]]
    for review_id, reviewer, _ in others[:14]:                 # completed in the round
        answer_review(db, review_id, reviewer, fail=1 if review_id % 4 == 0 else 0)
    for review_id, reviewer, _ in others[14:18]:               # started, not finished
        answer_review(db, review_id, reviewer, complete=False)
    db.close()
    return path, drawn_signed[0]


def test_queue_panel_dashboard_round_status_and_export_agree(workspace, window_factory, qtbot, tmp_path):
    path, signed_case = workspace
    window = window_factory()
    window.filter_bar.set_filter(CaseFilter())
    counts = window.model.counts
    queue_reviewed = counts["completed"] + counts["signed_off"]

    # the case panel: the signed-off case still shows as signed off, as in the queue
    window.select_case(signed_case)
    assert window.panel.review_labels["status"].text() == "Signed off"
    assert window.model.data(window.model.index(window.model.row_of(signed_case), 6)) == "Signed off"

    # the Dashboard, All cases and the round
    window.show()
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=20_000):
        window.tabs.setCurrentWidget(window.dashboard)
    dashboard_all = window.dashboard.report.reviewed
    assert window.dashboard.reviewed_tile.value.text().replace(",", "") == str(dashboard_all)
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=20_000):
        window.dashboard.set_filter(ReportFilter(round_name=ROUND))
    dashboard_round = window.dashboard.report.reviewed

    status = json.loads(run("round-status", "--round", ROUND, "--json", "--db", str(path)))
    round_status = sum(r["done"] for r in status["reviewers"])

    export_all = exported_reviewed(path, tmp_path / "all.xlsx")
    export_round = exported_reviewed(path, tmp_path / "round.xlsx", "--round", ROUND)

    assert queue_reviewed == dashboard_all == export_all
    assert dashboard_round == round_status == export_round == 14
    assert export_all > export_round            # the earlier reviews count in All cases, not in the round
