"""Figures of a risk-based round (issue 17): every rate is the Hájek estimate weighted by 1/pi, named
in the workbook (English and Chinese); a risk-band stratified round keeps the stratified estimator."""
from __future__ import annotations

import dataclasses
import io

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from workbench.cli import main
from workbench.report.figures import ReportFilter, compute_report
from workbench.report.workbook import write_workbook
from workbench.review.integrity import check_workspace
from workbench.rounds import store
from workbench.stats.intervals import STRATIFIED_ESTIMATOR, StratifiedEstimate, wilson_interval
from workbench.stats.weighted import WEIGHTED_ESTIMATOR


def scored(load):
    """load_population with risk scores as the risk package would give them (a fifth of the cases score high)."""
    def wrapper(*args, **kwargs):
        population = load(*args, **kwargs)
        cases = tuple(dataclasses.replace(c, risk_score=0.9 if int(c.application_number[-3]) % 5 == 0 else 0.0,
                                          risk_band="high" if int(c.application_number[-3]) % 5 == 0 else "none")
                      for c in population.cases)
        return dataclasses.replace(population, cases=cases)
    return wrapper


@pytest.fixture(scope="module")
def risk_round(tmp_path_factory):
    path = tmp_path_factory.mktemp("risk") / "w.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store, "load_population", scored(store.load_population))
        out, err = io.StringIO(), io.StringIO()
        code = main(["demo", "--cases", "900", "--reviewed", "0.3", "--seed", "5", "--db", str(path),
                     "--round", "RISK", "--size", "60", "--method", "risk", "--round-seed", "3"], out=out, err=err)
    assert code == 0, err.getvalue()
    return open_database(path)


def test_the_round_has_unequal_probabilities_and_an_intact_workspace(risk_round):
    pis = {p for (p,) in risk_round.execute("SELECT inclusion_probability FROM round_cases")}
    assert len(pis) == 2 and max(pis) / min(pis) == pytest.approx(0.91 / 0.1)
    assert check_workspace(risk_round) == []


def test_every_rate_of_a_risk_round_is_the_hajek_estimate(risk_round):
    report = compute_report(risk_round, ReportFilter(round_name="RISK"))
    assert report.unequal and report.weighted
    assert report.stratified.estimator == WEIGHTED_ESTIMATOR
    for group in (report.overall, *report.by_department, *report.by_examiner, *report.by_ip_type):
        if group.reviewed == 0:
            continue
        for rate in (group.compliance, group.defect_rate, group.error_rate):
            assert isinstance(rate, StratifiedEstimate) and rate.estimator == WEIGHTED_ESTIMATOR
            assert rate.low <= rate.rate <= rate.high
        assert group.compliance.rate + group.error_rate.rate == pytest.approx(1.0)
    assert all(i.failure.estimator == WEIGHTED_ESTIMATOR for i in report.items if i.failure.rate is not None)
    assert all(s.rate.estimator == WEIGHTED_ESTIMATOR for s in report.severities)


def test_the_weights_are_those_drawn(risk_round):
    """The headline is sum w y / sum w over the round's reviewed cases, by hand from the stored pi."""
    rows = risk_round.execute(
        "SELECT rc.inclusion_probability, r.verdict FROM round_cases rc JOIN reviews r ON r.case_id = rc.case_id"
        " AND r.round_id = rc.round_id AND r.status IN ('completed', 'signed_off')").fetchall()
    weight = sum(1 / p for p, _ in rows)
    expected = sum(1 / p for p, verdict in rows if verdict in ("compliant", "defect")) / weight
    report = compute_report(risk_round, ReportFilter(round_name="RISK"))
    assert report.compliance[0] == pytest.approx(expected)
    assert report.compliance[0] != pytest.approx(wilson_interval(report.overall.compliant, report.reviewed).rate)


@pytest.mark.parametrize("language, words", [("en", "Hájek ratio estimate"), ("zh", "Hájek 比率估计")])
def test_the_workbook_names_the_estimator(risk_round, tmp_path, language, words):
    target = tmp_path / f"risk-{language}.xlsx"
    write_workbook(risk_round, target, report_filter=ReportFilter(round_name="RISK"), language=language)
    book = load_workbook(target, read_only=True)
    text = " ".join(str(cell) for sheet in book.worksheets[:1] + book.worksheets[-1:]
                    for row in sheet.iter_rows(values_only=True) for cell in row if cell)
    assert words in text
    assert ("weighted estimate" if language == "en" else "加权估计") in text


def test_a_risk_band_round_keeps_the_stratified_estimator(tmp_path):
    path = tmp_path / "b.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store, "load_population", scored(store.load_population))
        code = main(["demo", "--cases", "600", "--reviewed", "0.3", "--seed", "5", "--db", str(path), "--round",
                     "BAND", "--size", "40", "--strata", "risk_band", "--allocation", "risk"],
                    out=io.StringIO(), err=io.StringIO())
    assert code == 0
    db = open_database(path)
    report = compute_report(db, ReportFilter(round_name="BAND"))
    assert not report.unequal and report.stratified.estimator == STRATIFIED_ESTIMATOR
    sizes = dict(db.execute("SELECT stratum, sample * 1.0 / population FROM round_strata").fetchall())
    assert sizes["high"] > 3 * sizes["none"]
