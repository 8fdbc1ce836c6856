"""Lots so small that acceptance sampling inspects them whole; progress per stratum of a stored round."""
from __future__ import annotations

from tests.workbench.test_rounds import PLANS, csv_files, db, reviewers_of, synthetic  # noqa: F401 (fixtures)
from tests.workbench.calibration_helpers import answer_all
from workbench.rounds import sampling_plan
from workbench.rounds.assignment import Reviewer
from workbench.rounds.round_checks import fully_inspected_lots, is_full_inspection, stratum_progress
from workbench.rounds.store import Filters, create_round


def test_a_lot_no_larger_than_its_sample_is_inspected_whole() -> None:
    assert is_full_inspection(13, 13) and is_full_inspection(3, 13)
    assert not is_full_inspection(600, 80) and not is_full_inspection(0, 2)
    plan = sampling_plan.Plan(method="acceptance", strata=("department",), aql=1.0, level="II")
    design = sampling_plan.design(synthetic({"A": 3, "B": 13, "C": 600}), plan)
    assert [s.name for s in fully_inspected_lots(design)] == ["A", "B"]
    # Strata of a stratified plan are never "lots".
    stratified = sampling_plan.design(synthetic({"A": 3, "B": 13}), sampling_plan.Plan(
        method="stratified", strata=("department",), size=16))
    assert fully_inspected_lots(stratified) == ()


def test_progress_per_stratum_counts_drawn_and_reviewed(db) -> None:  # noqa: F811
    result = create_round(db, name="R", filters=Filters(), plan=PLANS["acceptance"], seed=5, actor="qa",
                          reviewers=[Reviewer(n) for n in reviewers_of(db)])
    rows = stratum_progress(db, "R")
    assert sum(drawn for _, _, drawn, _ in rows) == len(result.cases)
    assert sum(population for _, population, _, _ in rows) == 300
    assert all(done == 0 for *_, done in rows)
    first = result.cases[0]
    review_id = db.execute("SELECT id FROM reviews WHERE case_id = ? AND round_id = ?",
                           [first.case_id, result.id]).fetchone()[0]
    answer_all(db, review_id, first.reviewer)
    assert sum(done for *_, done in stratum_progress(db, "R")) == 1
