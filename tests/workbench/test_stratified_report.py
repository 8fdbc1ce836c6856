"""Stratified rounds made with `demo --round`: one estimator per report, coverage, category families."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from workbench.cli import main
from workbench.report.workbook import write_workbook
from workbench.review.integrity import check_workspace
from workbench.report.figures import ReportFilter, compute_report
from workbench.stats.intervals import StratifiedEstimate


def demo(path, *extra: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--cases", "1200", "--reviewed", "0.5", "--seed", "8", "--db", str(path), *extra],
                out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """Every drawn case reviewed in the round: equal allocation by examiner (the issue's reproduction)."""
    path = tmp_path_factory.mktemp("strat") / "full.sqlite3"
    text = demo(path, "--round", "ONE", "--size", "41", "--strata", "examiner", "--allocation", "equal",
                "--round-seed", "21")
    assert "Round 'ONE': 41 cases drawn, 41 reviewed in the round." in text
    return open_database(path)


@pytest.fixture(scope="module")
def partial(tmp_path_factory):
    """A third of the round reviewed: some strata have no reviewed case."""
    path = tmp_path_factory.mktemp("strat") / "partial.sqlite3"
    demo(path, "--round", "PART", "--size", "60", "--strata", "examiner", "--allocation", "equal",
         "--round-reviewed", "0.3")
    return open_database(path)


def test_the_demo_round_is_reviewed_in_the_round(full):
    rows = full.execute("SELECT r.status, r.verdict, r.round_id FROM round_cases rc"
                        " JOIN reviews r ON r.case_id = rc.case_id AND r.round_id = rc.round_id").fetchall()
    assert len(rows) == 41
    assert all(status in ("completed", "signed_off") and verdict for status, verdict, _ in rows)
    assert check_workspace(full) == []


def test_the_headline_interval_has_width_and_every_rate_is_weighted(full):
    report = compute_report(full, ReportFilter(round_name="ONE"))
    st = report.stratified
    assert isinstance(st, StratifiedEstimate) and report.weighted
    assert st.sample == 41 and st.high - st.low > 0.1          # was [p, p] before Korn-Graubard
    assert report.overall.below_target == (st.high < report.target)
    for group in (report.overall, *report.by_department, *report.by_examiner, *report.by_ip_type):
        if group.reviewed == 0:
            continue
        for rate in (group.compliance, group.defect_rate, group.error_rate):
            assert isinstance(rate, StratifiedEstimate)
            assert rate.low <= rate.rate <= rate.high
        # compliance + error rate = 100% in every scope
        assert group.compliance.rate + group.error_rate.rate == pytest.approx(1.0)
    assert all(isinstance(i.failure, StratifiedEstimate) for i in report.items)
    assert all(isinstance(s.rate, StratifiedEstimate) for s in report.severities)
    assert report.uncovered_strata == () and report.covered_share == 1.0


def test_unstratified_scopes_keep_wilson_and_add_up(full):
    report = compute_report(full, ReportFilter())
    assert not report.weighted
    for group in (report.overall, *report.by_department, *report.by_ip_type):
        assert group.compliance.rate + group.error_rate.rate == pytest.approx(1.0)
        assert not isinstance(group.compliance, StratifiedEstimate)


def test_uncovered_strata_are_said_out_loud(partial, tmp_path):
    report = compute_report(partial, ReportFilter(round_name="PART"))
    assert report.uncovered_strata
    total = sum(s.population for s in report.strata)
    assert report.uncovered_population == sum(s.population for s in report.strata
                                              if s.name in report.uncovered_strata)
    assert report.covered_share == pytest.approx(1 - report.uncovered_population / total)
    # The Weight column shows the weight used: 0 for an uncovered stratum, the covered ones sum to 1.
    assert sum(s.weight for s in report.strata) == pytest.approx(1.0)
    assert all(s.weight == 0 for s in report.strata if s.name in report.uncovered_strata)
    out = tmp_path / "part.xlsx"
    write_workbook(partial, out, report_filter=ReportFilter(round_name="PART"))
    summary = [row[0] for row in load_workbook(out)["Summary"].iter_rows(values_only=True) if row[0]]
    share = f"{100 * report.covered_share:.1f}%"
    assert any(str(t).startswith(f"The estimate covers {share} of the population") for t in summary)


def test_categories_are_told_apart_by_checklist_family(full):
    report = compute_report(full, ReportFilter())
    search = [c for c in report.categories if c.code == "search_deficiency"]
    assert {c.template_id for c in search} == {"invention-substantive", "trademark-examination"}
    assert len({c.label.en for c in search}) == 2
    assert all(c.checklist.en in c.label.en for c in search)
    counted = dict(full.execute(
        "SELECT k.template_id, COUNT(*) FROM answers a JOIN reviews r ON r.id = a.review_id"
        " JOIN checklists k ON k.id = r.checklist_id WHERE a.outcome = 'fail' AND a.category = 'search_deficiency'"
        " AND r.status IN ('completed', 'signed_off') AND r.id = (SELECT MAX(id) FROM reviews WHERE case_id = r.case_id)"
        " GROUP BY k.template_id"))
    assert {c.template_id: c.findings for c in search} == counted


def test_demo_round_options_need_a_round(tmp_path):
    err = io.StringIO()
    code = main(["demo", "--cases", "10", "--db", str(tmp_path / "x.sqlite3"), "--strata", "examiner"],
                out=io.StringIO(), err=err)
    assert code == 2 and "--strata describes the demo's round" in err.getvalue()
    assert not (tmp_path / "x.sqlite3").exists() or open_database(tmp_path / "x.sqlite3").execute(
        "SELECT COUNT(*) FROM cases").fetchone()[0] == 0
