"""Risk-based draws (issue 17): the size measure, inclusion probabilities with take-all cases, the
randomised systematic PPS draw, risk-band strata, and the probability every draw stores (covered
by the audit, carried by work packages, never changed by a merge)."""
from __future__ import annotations

import io
import json
import math
from collections import Counter
from pathlib import Path

import pytest

from db.connection import open_database
from foundation.errors import WorkbenchError
from workbench import cli
from workbench.demo.data import generate_cases, write_csv
from workbench.importing.importer import import_file
from workbench.packages import workpackage
from workbench.packages.merge import merge_packages
from workbench.review.integrity import check_workspace
from workbench.rounds import pps
from workbench.rounds.assignment import Reviewer
from workbench.rounds.draw import allocate
from workbench.rounds.population import Filters, PopulationCase, load_population
from workbench.rounds.sampling_plan import Plan, design, draw
from workbench.rounds.store import create_round, get_round, redraw_matches
from tests.workbench.test_packages import answer_review


# -- pure: size measure, probabilities, the draw ------------------------------------------------

def test_the_size_measure_runs_from_the_floor_to_one():
    assert pps.size_measure(0.0) == pytest.approx(pps.DEFAULT_FLOOR)
    assert pps.size_measure(1.0) == pytest.approx(1.0)
    assert pps.size_measure(0.5, 0.2) == pytest.approx(0.6)


def test_probabilities_are_proportional_and_sum_to_n():
    pis = pps.inclusion_probabilities([1.0, 2.0, 3.0, 4.0], 2)
    assert pis == pytest.approx([0.2, 0.4, 0.6, 0.8])
    assert math.fsum(pis) == pytest.approx(2)


def test_cases_whose_share_exceeds_one_are_taken_with_certainty_and_the_rest_shared_again():
    # 10 / 13 * 3 > 1: the big case is certain; 2 more among the twelve small ones, and then
    # a medium case (5 of 8 remaining measure, times 2 > 1) is certain too.
    measures = [10.0, 5.0] + [0.25] * 12
    pis = pps.inclusion_probabilities(measures, 3)
    assert pis[0] == 1.0 and pis[1] == 1.0
    assert pis[2:] == pytest.approx([1 / 12] * 12)
    assert math.fsum(pis) == pytest.approx(3)


@pytest.mark.parametrize("floor", [0.0, -0.1, 1.5, float("nan"), "0.1", True])
def test_a_floor_outside_zero_to_one_is_refused(floor):
    with pytest.raises(WorkbenchError) as info:
        pps.check_floor(floor)
    assert info.value.code == "rounds.floor"


def test_the_draw_has_exactly_n_distinct_cases_and_is_fixed_by_the_seed():
    ids = list(range(100, 400))
    pis = pps.inclusion_probabilities([pps.size_measure((i % 10) / 10) for i in ids], 40)
    first = pps.draw_pps(ids, pis, 40, seed=5)
    assert len(first) == len(set(first)) == 40 and set(first) <= set(ids)
    assert pps.draw_pps(ids, pis, 40, seed=5) == first
    assert pps.draw_pps(ids, pis, 40, seed=6) != first


def test_take_all_cases_are_in_every_draw():
    ids = list(range(50))
    pis = pps.inclusion_probabilities([30.0] + [1.0] * 49, 5)
    assert pis[0] == 1.0
    assert all(0 in pps.draw_pps(ids, pis, 5, seed) for seed in range(30))


def test_each_case_is_drawn_with_its_probability():
    # 4,000 draws of 3 from 8 cases: each case's frequency within 4 standard errors of pi_i.
    ids = list(range(8))
    pis = pps.inclusion_probabilities([0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 0.3], 3)
    counts = Counter()
    runs = 4000
    for seed in range(runs):
        counts.update(pps.draw_pps(ids, pis, 3, seed))
    for i, pi in enumerate(pis):
        assert abs(counts[i] / runs - pi) < 4 * math.sqrt(pi * (1 - pi) / runs) + 1e-9, (i, counts[i], pi)


def test_the_risk_allocation_over_samples_the_high_band():
    sizes = allocate({"high": 100, "none": 900}, 100, "risk", factors={"high": 8, "none": 1})
    assert sizes == {"high": 47, "none": 53}      # 800 : 900 of 100
    assert sizes["high"] / 100 > 5 * sizes["none"] / 900


# -- plans over a population --------------------------------------------------------------------

def population(count: int = 400) -> list[PopulationCase]:
    bands = ("none", "low", "medium", "high")
    return [PopulationCase(i, f"2023{i:08d}.X", "invention", f"E{i % 5}", "D", "grant", "first", "G06F",
                           "2023-05-01", 1, risk_score=(i % 4) / 3, risk_band=bands[i % 4]) for i in range(1, count + 1)]


def test_a_risk_plan_stores_its_floor_and_refuses_strata_and_a_floor_elsewhere():
    plan = Plan(method="risk", size=10).checked()
    assert plan.floor == pps.DEFAULT_FLOOR
    assert Plan.from_json(Plan(method="risk", size=10, floor=0.25).checked().as_json()).floor == 0.25
    assert "floor 0.25" in Plan(method="risk", size=10, floor=0.25).describe()
    for bad, code in ((Plan(method="risk", size=10, strata=("department",)), "rounds.strata_unused"),
                      (Plan(method="random", size=10, floor=0.2), "rounds.floor_unused"),
                      (Plan(method="stratified", size=10, strata=("department",), allocation="risk"),
                       "rounds.allocation_risk")):
        with pytest.raises(WorkbenchError) as info:
            bad.checked()
        assert info.value.code == code


def test_every_method_gives_each_drawn_case_its_inclusion_probability():
    cases = population()
    risk = draw(cases, Plan(method="risk", size=40), seed=3)
    by_score = {c.case.risk_score: c.probability for c in risk.cases}
    assert by_score[1.0] == pytest.approx(by_score[0.0] * 10)       # floor 0.1: ten times as likely
    assert sum(c.case.risk_band == "high" for c in risk.cases) > 2 * sum(c.case.risk_band == "none" for c in risk.cases)
    simple = draw(cases, Plan(method="random", size=40), seed=3)
    assert {c.probability for c in simple.cases} == {0.1}
    banded = draw(cases, Plan(method="stratified", size=40, strata=("risk_band",), allocation="risk"), seed=3)
    sizes = {s.name: s.sample for s in banded.design.strata}
    assert sizes["high"] > sizes["medium"] > sizes["low"] > sizes["none"]
    for c in banded.cases:
        assert c.probability == pytest.approx(sizes[c.stratum] / 100)


def test_the_risk_band_stratifies_like_any_other_field():
    planned = design(population(), Plan(method="stratified", size=40, strata=("risk_band",)))
    assert {s.name: s.sample for s in planned.strata} == {"high": 10, "low": 10, "medium": 10, "none": 10}


# -- stored rounds -------------------------------------------------------------------------------

@pytest.fixture
def workspace(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    source = tmp_path / "cases.csv"
    write_csv(source, generate_cases(120, seed=4))
    import_file(db, source)
    ids = [r[0] for r in db.execute("SELECT id FROM cases ORDER BY id")]
    with db.atomic():   # scores as the risk package would store them (a third of the cases have none)
        for i in ids:
            if i % 3:
                score = (i % 7) / 6
                db.execute("INSERT INTO case_risk (case_id, score, band, computed_at) VALUES (?, ?, ?, ?)",
                           [i, score, "high" if score > 0.6 else "low" if score > 0 else "none", "2026-01-01"])
    yield db
    db.close()


def test_the_population_reads_scores_and_bands_with_zero_for_cases_without_a_row(workspace):
    cases = load_population(workspace, Filters()).cases
    assert {c.risk_band for c in cases} == {"none", "low", "high"}
    unscored = [c for c in cases if c.id % 3 == 0]
    assert unscored and all(c.risk_score == 0.0 and c.risk_band == "none" for c in unscored)


def test_a_risk_round_stores_each_probability_and_verify_finds_an_edited_one(workspace):
    result = create_round(workspace, name="R", filters=Filters(), plan=Plan(method="risk", size=30), seed=9,
                          actor="m")
    stored = dict(workspace.execute("SELECT case_id, inclusion_probability FROM round_cases WHERE round_id = ?",
                                    [result.id]).fetchall())
    assert len(stored) == 30 and all(0 < p <= 1 for p in stored.values())
    assert {c.case_id: c.inclusion_probability for c in result.cases} == stored
    summary = result.as_json()["inclusion_probabilities"]
    assert summary["min"] == min(stored.values()) and summary["max"] == max(stored.values())
    assert redraw_matches(workspace, "R") == []
    assert get_round(workspace, "R").plan.floor == pps.DEFAULT_FLOOR
    assert check_workspace(workspace) == []
    case_id = next(iter(stored))
    workspace.execute("UPDATE round_cases SET inclusion_probability = 0.9 WHERE case_id = ?", [case_id])
    problems = check_workspace(workspace)
    assert any("inclusion probability was changed outside the application" in p for p in problems), problems


def test_a_changed_score_is_a_changed_population_for_the_redraw(workspace):
    create_round(workspace, name="R", filters=Filters(), plan=Plan(method="risk", size=30), seed=9, actor="m")
    workspace.execute("UPDATE case_risk SET score = 1.0 WHERE case_id = (SELECT MIN(case_id) FROM case_risk)")
    assert "has changed since the draw" in redraw_matches(workspace, "R")[0]


def test_packages_carry_the_probabilities_and_a_merge_leaves_them_as_drawn(workspace, tmp_path):
    result = create_round(workspace, name="R", filters=Filters(), plan=Plan(method="risk", size=12), seed=2,
                          actor="m", reviewers=[Reviewer("Alice"), Reviewer("Bob")])
    before = workspace.execute("SELECT case_id, inclusion_probability FROM round_cases ORDER BY case_id").fetchall()
    [package] = workpackage.export_packages(workspace, round_name="R", targets=[("Alice", tmp_path / "a.qrpkg")],
                                            actor="m")
    pkg = open_database(package.path)
    held = dict(pkg.execute("SELECT case_id, inclusion_probability FROM round_cases").fetchall())
    assert held and all(held[k] == dict(before)[k] for k in held)
    for (review_id,) in pkg.execute("SELECT id FROM reviews WHERE reviewer = 'Alice'").fetchall():
        answer_review(pkg, review_id, "Alice")
    assert check_workspace(pkg) == []
    pkg.close()
    merge_packages(workspace, [package.path], actor="m")
    assert workspace.execute("SELECT case_id, inclusion_probability FROM round_cases ORDER BY case_id").fetchall() \
        == before
    assert check_workspace(workspace) == []
    assert result.id == get_round(workspace, "R").id


# -- the command line ---------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_sample_method_risk_prints_the_probabilities_and_json_summarises_them(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    path = str(tmp_path / "w.sqlite3")
    code, out, err = run("sample", "--round", "R", "--size", "20", "--method", "risk", "--floor", "0.2",
                         "--seed", "4", "--db", path)
    assert code == 0, err
    assert "floor 0.2" in out and "Inclusion probabilities:" in out
    code, out, err = run("sample", "--round", "S", "--size", "10", "--method", "risk", "--seed", "4", "--json",
                         "--db", path)
    data = json.loads(out)
    assert data["plan"]["method"] == "risk" and data["plan"]["floor"] == 0.1
    summary = data["inclusion_probabilities"]
    assert 0 < summary["min"] <= summary["max"] <= 1
    assert len(data["cases"]) == 10 and all(c["inclusion_probability"] for c in data["cases"])
    code, out, err = run("round-status", "--round", "R", "--db", path)
    assert code == 0 and "Inclusion probabilities:" in out and "floor 0.2" in out


def test_sample_by_risk_band_over_samples_by_default(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    code, out, err = run("sample", "--round", "B", "--size", "30", "--strata", "risk-band", "--seed", "1", "--json",
                         "--db", str(tmp_path / "w.sqlite3"))
    assert code == 0, err
    data = json.loads(out)
    assert data["plan"]["allocation"] == "risk" and data["plan"]["strata"] == ["risk_band"]
    rate = {s["stratum"]: s["sample"] / s["population"] for s in data["strata"]}
    assert rate["high"] > rate["low"] > rate["none"]
    for case in data["cases"]:
        assert case["inclusion_probability"] == pytest.approx(rate[case["stratum"]])


@pytest.mark.parametrize("argv, words", [
    (("--method", "random", "--floor", "0.2"), "--floor"),
    (("--method", "risk", "--floor", "0"), "floor"),
    (("--method", "risk", "--floor", "x"), "floor"),
])
def test_bad_risk_options_are_one_line_errors(workspace, tmp_path, monkeypatch, argv, words):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    code, out, err = run("sample", "--round", "X", "--size", "5", *argv, "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
