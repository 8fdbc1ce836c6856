"""Review rounds: filters, plans, reproducible draws, assignment, storage, reassignment, lot verdicts."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.connection import open_database
from workbench.audit import chain
from workbench.demo.data import generate_cases, write_csv
from foundation.errors import Cancelled, WorkbenchError
from workbench.importing.importer import import_file
from foundation.jobs import CancelToken
from workbench.rounds.assignment import Reviewer, parse_effort, parse_reviewers
from workbench.rounds.population import (
    Filters,
    PopulationCase,
    PopulationCount,
    count_population,
    field_values,
    load_population,
    parse_where,
    stratum_of,
)
from workbench.rounds.round_status import lot_verdicts, reviewer_progress
from workbench.rounds.sampling_plan import Plan, design, draw, parse_fraction, parse_stratum_rates
from workbench.rounds.store import assign_remaining, create_round, get_round, reassign, redraw_matches, round_cases
from workbench.rounds.draw import same_person

CASES = list(generate_cases(300, seed=11))


@pytest.fixture(scope="module")
def csv_files(tmp_path_factory) -> dict[str, Path]:
    """The same 300 cases written in three different row orders."""
    folder = tmp_path_factory.mktemp("cases")
    shuffled = CASES[:]
    random.Random(5).shuffle(shuffled)
    files = {"forward": CASES, "reversed": CASES[::-1], "shuffled": shuffled}
    for name, cases in files.items():
        write_csv(folder / f"{name}.csv", cases)
    return {name: folder / f"{name}.csv" for name in files}


def workspace(path: Path | None = None, source: Path | None = None):
    db = open_database(path)
    if source is not None:
        import_file(db, source)
    return db


@pytest.fixture
def db(csv_files):
    return workspace(None, csv_files["forward"])


def synthetic(sizes: dict[str, int]) -> list[PopulationCase]:
    """A population with `sizes[department]` cases per department, in application-number order."""
    cases = []
    number = 0
    for department, size in sorted(sizes.items()):
        for _ in range(size):
            number += 1
            cases.append(PopulationCase(number, f"2022{number:08d}.X", "invention", f"examiner {number % 7}",
                                        department, "授权", "实质审查", "G06F", "2022-05-17", 1))
    return sorted(cases, key=lambda c: c.application_number)


def reviewers_of(db) -> list[str]:
    """Three reviewers who are themselves the examiners of many cases."""
    return [row[0] for row in db.execute(
        "SELECT examiner FROM cases GROUP BY examiner ORDER BY COUNT(*) DESC, examiner LIMIT 3")]


# --- filters --------------------------------------------------------------------------------

def test_parse_where_fields_values_and_date_periods(db) -> None:
    filters = parse_where(db, ["ip_type=发明", "ip_type=utility model", "department=电学发明审查部",
                               "decision_date>=2022-01", "decision_date<2023-Q3"])
    assert filters.ip_type == ("invention", "utility_model")
    assert filters.department == ("电学发明审查部",)
    assert (filters.decided_from, filters.decided_to) == ("2022-01-01", "2023-06-30")
    assert parse_where(db, ["decision_date=2022-02"]).decided_to == "2022-02-28"
    assert parse_where(db, ["decided>2022"]).decided_from == "2023-01-01"
    assert parse_where(db, ["decision_date<=2024-02-29"]).decided_to == "2024-02-29"
    assert parse_where(db, ["import=1"]).imports == (1,)
    assert parse_where(db, ["import=forward.csv"]).imports == (1,)


@pytest.mark.parametrize("clause, code", [
    ("colour=red", "rounds.filter_field"),
    ("department>=x", "rounds.filter_operator"),
    ("decision_date>=2022-13-01", "rounds.filter_date"),
    ("decision_date=yesterday", "rounds.filter_date"),
    ("examiner=", "rounds.filter_empty"),
    ("just text", "rounds.filter_syntax"),
    ("ip_type=cat", "id.bad_ip_type"),
    ("import=77", "rounds.filter_import"),
    ("import=other.csv", "rounds.filter_import"),
])
def test_parse_where_refuses_bad_clauses_naming_them(db, clause, code) -> None:
    with pytest.raises(WorkbenchError) as err:
        parse_where(db, [clause])
    assert err.value.code == code
    if code.startswith("rounds."):
        assert clause in str(err.value)


def test_empty_date_range_is_refused(db) -> None:
    with pytest.raises(WorkbenchError) as err:
        parse_where(db, ["decision_date>=2023", "decision_date<2022-06"])
    assert err.value.code == "rounds.date_range"


def test_population_matches_filters_and_count(db) -> None:
    filters = parse_where(db, ["ip_type=invention", "decision_date>=2025-01-01", "decision_date<=2025-12-31"])
    population = load_population(db, filters)
    expected = db.execute("SELECT application_number FROM cases WHERE ip_type = 'invention'"
                          " AND decision_date BETWEEN '2025-01-01' AND '2025-12-31'").fetchall()
    assert sorted(r[0] for r in expected) == [c.application_number for c in population.cases]
    assert 0 < len(population.cases) < 300
    assert count_population(db, filters) == PopulationCount(len(population.cases), 0, 0)
    assert [c.application_number for c in population.cases] == sorted(c.application_number for c in population.cases)


def test_field_values_for_pick_lists(db) -> None:
    values = dict(field_values(db, "department"))
    assert sum(values.values()) == 300 and "实用新型审查部" in values
    with pytest.raises(WorkbenchError):
        field_values(db, "title; DROP TABLE cases")


def test_stratum_names_from_fields() -> None:
    case = synthetic({"D": 1})[0]
    assert stratum_of(case, ["department", "decision_month"]) == "D / 2022-05"
    assert stratum_of(case, ["decision_quarter"]) == "2022-Q2"
    assert stratum_of(case.__class__(**{**case.__dict__, "examiner": ""}), ["examiner"]) == "(blank)"


# --- sample size and allocation -------------------------------------------------------------

@pytest.mark.parametrize("expected, unlimited, with_fpc", [(0.9, 139, 130), (0.5, 385, 323)])
def test_precision_plan_gives_the_worked_sizes(expected, unlimited, with_fpc) -> None:
    population = synthetic({"A": 2000})
    planned = design(population, Plan(confidence=0.95, margin=0.05, expected=expected))
    assert (planned.unadjusted_size, planned.size, planned.population) == (unlimited, with_fpc, 2000)


def test_iso_lot_281_to_500_is_letter_h_with_50_cases() -> None:
    population = synthetic({"D": 400})   # one examiner-month would do as well; one department here
    planned = design(population, Plan(method="acceptance", strata=("department",), aql=2.5))
    (lot,) = planned.strata
    assert (lot.population, lot.code_letter, lot.sample, lot.accept, lot.reject) == (400, "H", 50, 3, 4)


TINY = {"big": 500, "one": 1, "two": 2, "three": 3, "mid": 40}


@pytest.mark.parametrize("allocation", ["proportional", "equal", "neyman"])
@pytest.mark.parametrize("minimum", [0, 2, 5])
@pytest.mark.parametrize("size", [10, 57, 300])
def test_allocation_with_tiny_strata_sums_to_the_size(allocation, minimum, size) -> None:
    population = synthetic(TINY)
    plan = Plan(method="stratified", strata=("department",), size=size, allocation=allocation,
                min_per_stratum=minimum, expected=0.9)
    try:
        planned = design(population, plan)
    except WorkbenchError as err:
        # Only a minimum that cannot fit in the size given is refused.
        assert err.code == "rounds.minimum_exceeds_size"
        assert sum(min(minimum, n) for n in TINY.values()) > size
        return
    by_name = {s.name: s for s in planned.strata}
    assert sum(s.sample for s in planned.strata) == size == planned.size
    for name, n in TINY.items():
        assert min(minimum, n) <= by_name[name].sample <= n
    drawn = draw(population, plan, seed=3)
    assert Counter(d.stratum for d in drawn.cases) == {s.name: s.sample for s in planned.strata if s.sample}


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=8),
       fraction=st.floats(min_value=0.01, max_value=1.0), minimum=st.integers(min_value=0, max_value=4),
       allocation=st.sampled_from(["proportional", "equal", "neyman"]))
def test_allocation_always_sums_and_respects_bounds(sizes, fraction, minimum, allocation) -> None:
    strata = {f"s{i}": n for i, n in enumerate(sizes)}
    population = synthetic(strata)
    size = max(1, min(len(population), round(fraction * len(population))))
    if sum(min(minimum, n) for n in sizes) > size:
        minimum = 0
    planned = design(population, Plan(method="stratified", strata=("department",), size=size,
                                      allocation=allocation, min_per_stratum=minimum, expected=0.8))
    assert sum(s.sample for s in planned.strata) == size
    assert all(min(minimum, s.population) <= s.sample <= s.population for s in planned.strata)


def test_precision_size_is_raised_to_give_every_stratum_its_minimum() -> None:
    population = synthetic({f"d{i:02d}": 30 for i in range(40)})
    planned = design(population, Plan(method="stratified", strata=("department",), confidence=0.95,
                                      margin=0.1, expected=0.9, min_per_stratum=3))
    assert planned.raised_for_minimum and planned.size == 120
    assert all(s.sample == 3 for s in planned.strata)


def test_neyman_uses_the_expected_rate_of_each_stratum() -> None:
    population = synthetic({"A": 100, "B": 100})
    planned = design(population, Plan(method="stratified", strata=("department",), size=40, allocation="neyman",
                                      stratum_expected=(("A", 0.5),), expected=0.99))
    by_name = {s.name: s for s in planned.strata}
    # S_A = 0.5, S_B = sqrt(0.99 * 0.01) ~ 0.0995: A gets about five times B's share.
    assert (by_name["A"].sample, by_name["B"].sample) == (33, 7)
    assert (by_name["A"].expected, by_name["B"].expected) == (0.5, 0.99)
    with pytest.raises(WorkbenchError) as err:
        design(population, Plan(method="stratified", strata=("department",), size=40, allocation="neyman",
                                stratum_expected=(("C", 0.5),), expected=0.9))
    assert err.value.code == "rounds.stratum_rate_unknown"
    with pytest.raises(WorkbenchError) as err:
        design(population, Plan(method="stratified", strata=("department",), size=40, allocation="neyman"))
    assert err.value.code == "sampling.expected_missing"


@pytest.mark.parametrize("plan, code", [
    (Plan(), "rounds.size_missing"),
    (Plan(size=5, confidence=0.95, margin=0.05), "rounds.size_or_precision"),
    (Plan(confidence=0.95), "rounds.precision_incomplete"),
    (Plan(size=0), "rounds.size"),
    (Plan(method="cluster", size=5), "rounds.method"),
    (Plan(method="stratified", size=5), "rounds.strata_missing"),
    (Plan(method="random", size=5, strata=("department",)), "rounds.strata_unused"),
    (Plan(method="stratified", size=5, strata=("title",)), "rounds.strata_field"),
    (Plan(method="stratified", size=5, strata=("department",), allocation="optimal"), "rounds.allocation"),
    (Plan(method="stratified", size=5, strata=("department",), min_per_stratum=-1), "rounds.minimum"),
    (Plan(method="acceptance", size=5), "rounds.acceptance_size"),
    (Plan(method="acceptance", aql=3.0), "sample_size.aql"),
    (Plan(confidence=1.5, margin=0.05), "sample_size.confidence"),
    (Plan(size=301), "sampling.n_exceeds_population"),
    (Plan(method="stratified", size=5, strata=("department",), min_per_stratum=1), "rounds.minimum_exceeds_size"),
    (Plan(method="acceptance", aql=15.0), "sample_size.aql_per_hundred"),
    (Plan(method="acceptance", level="S-5"), "sample_size.level"),
])
def test_impossible_plans_are_refused(db, plan, code) -> None:
    with pytest.raises(WorkbenchError) as err:
        design(load_population(db, Filters()).cases, plan)
    assert err.value.code == code


def test_empty_population_is_refused() -> None:
    with pytest.raises(WorkbenchError) as err:
        design([], Plan(size=1))
    assert err.value.code == "rounds.empty_population"


# --- reproducible draws -------------------------------------------------------------------

def test_draw_is_pinned_for_a_fixed_population_and_seed() -> None:
    # Hard-coded once: if this changes, stored rounds can no longer be re-drawn from their seed.
    population = synthetic({"A": 30, "B": 12, "C": 5})

    def numbers(plan: Plan) -> list[int]:
        return [int(d.case.application_number[4:12]) for d in draw(population, plan, 20220517).cases]

    assert numbers(Plan(size=5)) == PINNED["random"]
    assert numbers(Plan(method="systematic", size=5)) == PINNED["systematic"]
    assert numbers(Plan(method="stratified", strata=("department",), size=6, min_per_stratum=1)) == PINNED["stratified"]


PINNED = {
    "random": [7, 11, 35, 15, 38],
    "systematic": [2, 11, 21, 30, 39],
    "stratified": [18, 14, 26, 19, 33, 46],   # A (1-30) 4, B (31-42) 1, C (43-47) 1
}

PLANS = {
    "random": Plan(size=40),
    "systematic": Plan(method="systematic", confidence=0.95, margin=0.1, expected=0.9),
    "stratified": Plan(method="stratified", strata=("ip_type", "decision_year"), size=50, allocation="neyman",
                       expected=0.9, stratum_expected=(("trademark / 2025", 0.6),), min_per_stratum=1),
    "acceptance": Plan(method="acceptance", strata=("department",), aql=4.0),
}


@pytest.mark.parametrize("method", sorted(PLANS))
def test_same_plan_and_seed_draw_the_same_cases_in_two_workspaces(tmp_path, csv_files, method) -> None:
    first = workspace(tmp_path / "one.sqlite3", csv_files["reversed"])
    second = workspace(tmp_path / "two.sqlite3", csv_files["shuffled"])
    # Row ids differ between the workspaces, so agreement cannot come from them.
    number = CASES[0].application_number
    ids = [w.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone()[0]
           for w in (first, second)]
    assert ids[0] != ids[1]
    names = reviewers_of(first)
    results = [create_round(w, name="Q2", filters=Filters(), plan=PLANS[method], seed=987654321, actor="qa",
                            reviewers=[Reviewer(n) for n in names]) for w in (first, second)]
    drawn = [[(c.application_number, c.stratum, c.reviewer) for c in r.cases] for r in results]
    assert drawn[0] == drawn[1] and len(drawn[0]) == results[0].design.size > 0
    assert [s for s in results[0].design.strata] == [s for s in results[1].design.strata]
    other = create_round(first, name="other seed", filters=Filters(exclude_sampled=False), plan=PLANS[method],
                         seed=987654322, actor="qa")
    assert [c.application_number for c in other.cases] != [c[0] for c in drawn[0]]


def test_stored_round_draws_again_identically_and_notices_a_changed_population(db, csv_files, tmp_path) -> None:
    create_round(db, name="R", filters=Filters(ip_type=("invention",)), plan=PLANS["random"], seed=1, actor="qa")
    create_round(db, name="later", filters=Filters(), plan=Plan(size=30), seed=2, actor="qa")
    assert redraw_matches(db, "R") == []        # later rounds do not change an earlier one's population
    extra = tmp_path / "extra.csv"
    write_csv(extra, [c for c in generate_cases(20, seed=999) if c.ip_type == "invention"])
    import_file(db, extra)
    assert "population" in redraw_matches(db, "R")[0]


def test_random_seed_is_chosen_reported_and_stored(db) -> None:
    result = create_round(db, name="R", filters=Filters(), plan=Plan(size=10), actor="qa")
    stored = get_round(db, "R")
    assert result.seed_source == stored.seed_source == "random"
    assert stored.seed == result.seed and 0 <= result.seed < 1_000_000_000
    again = draw(load_population(db, Filters(exclude_sampled=False)).cases, Plan(size=10), stored.seed)
    assert [d.case.application_number for d in again.cases] == [c.application_number for c in result.cases]


def test_cases_of_earlier_rounds_are_left_out_unless_asked(db) -> None:
    first = create_round(db, name="one", filters=Filters(), plan=Plan(size=100), seed=1, actor="qa")
    second = create_round(db, name="two", filters=Filters(), plan=Plan(size=100), seed=1, actor="qa")
    assert (second.matching, second.excluded, second.design.population) == (300, 100, 200)
    assert not {c.case_id for c in first.cases} & {c.case_id for c in second.cases}
    assert count_population(db, Filters()) == PopulationCount(300, 200, 0)
    third = create_round(db, name="three", filters=Filters(exclude_sampled=False), plan=Plan(size=100), seed=1,
                         actor="qa")
    assert third.excluded == 0 and [c.case_id for c in third.cases] == [c.case_id for c in first.cases]


# --- storing, assigning -------------------------------------------------------------------

def test_round_is_stored_with_reviews_checklists_strata_and_audit(db) -> None:
    names = reviewers_of(db)
    result = create_round(db, name="2022 all", filters=Filters(), plan=PLANS["stratified"], seed=5, actor="qa",
                          reviewers=[Reviewer(n) for n in names])
    rows = db.execute("SELECT r.case_id, r.reviewer, r.status, r.round_id, k.definition, c.ip_type FROM reviews r"
                      " JOIN checklists k ON k.id = r.checklist_id JOIN cases c ON c.id = r.case_id").fetchall()
    assert len(rows) == len(result.cases) == 50
    assert all(status == "open" and round_id == result.id for _, _, status, round_id, _, _ in rows)
    assert all(f'"{ip_type}"' in definition for *_, definition, ip_type in rows)   # checklist for its IP type
    assert [(c.case_id, c.reviewer) for c in round_cases(db, result.id)] == [(c.case_id, c.reviewer)
                                                                           for c in result.cases]
    strata = db.execute("SELECT SUM(population), SUM(sample) FROM round_strata WHERE round_id = ?",
                        [result.id]).fetchone()
    assert strata == (300, 50)
    actions = Counter(db.execute("SELECT entity || ':' || action FROM audit_log"
                                 " WHERE entity NOT IN ('import', 'workspace')").fetchall())   # coverage entries
    assert actions == {("round:create",): 1, ("round_case:draw",): 50, ("review:open",): 50}
    assert chain.verify_chain(db) == []
    assert get_round(db, "2022 all").plan == Plan.from_json(result.plan.as_json())


def test_no_reviewer_is_given_a_case_they_examined(db) -> None:
    names = reviewers_of(db)
    # Sample only the reviewers' own cases: every case has a conflict with one of them.
    result = create_round(db, name="own", filters=Filters(examiner=tuple(names)), plan=Plan(size=20), seed=8,
                          actor="qa", reviewers=[Reviewer(n) for n in names])
    assert len(result.cases) == 20
    assert all(not same_person(c.reviewer, c.examiner) for c in result.cases)
    assert max(result.loads().values()) - min(result.loads().values()) <= 1


def test_caps_and_effort_balance(db) -> None:
    names = reviewers_of(db)
    capped = create_round(db, name="caps", filters=Filters(), plan=Plan(size=30), seed=8, actor="qa",
                          reviewers=[Reviewer(names[0], 5), Reviewer(names[1]), Reviewer(names[2])])
    assert capped.loads()[names[0]] == 5 and sum(capped.loads().values()) == 30
    weighted = create_round(db, name="effort", filters=Filters(), plan=Plan(size=30), seed=9, actor="qa",
                            reviewers=[Reviewer(n) for n in names], effort={"invention": 4.0})
    effort = Counter()
    for case in weighted.cases:
        effort[case.reviewer] += 4.0 if case.ip_type == "invention" else 1.0
    assert max(effort.values()) - min(effort.values()) <= 4.0


def test_failure_or_cancel_leaves_nothing_written(db) -> None:
    before = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("rounds", "round_cases", "reviews", "audit_log")]
    examiner = reviewers_of(db)[0]
    with pytest.raises(WorkbenchError) as err:
        create_round(db, name="x", filters=Filters(examiner=(examiner,)), plan=Plan(size=3), seed=1, actor="qa",
                     reviewers=[Reviewer(examiner)])
    assert err.value.code == "rounds.unassignable" and examiner in str(err.value)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        create_round(db, name="x", filters=Filters(), plan=Plan(size=3), seed=1, actor="qa", cancel=token)
    after = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("rounds", "round_cases", "reviews", "audit_log")]
    assert before == after


def test_round_names_are_required_and_unique(db) -> None:
    create_round(db, name=" Q1 ", filters=Filters(), plan=Plan(size=1), seed=1, actor="qa")
    assert get_round(db, "Q1").name == "Q1"
    for name, code in (("Q1", "rounds.name_taken"), ("  ", "rounds.name"), ("x" * 200, "rounds.name")):
        with pytest.raises(WorkbenchError) as err:
            create_round(db, name=name, filters=Filters(), plan=Plan(size=1), seed=1, actor="qa")
        assert err.value.code == code
    with pytest.raises(WorkbenchError) as err:
        create_round(db, name="neg", filters=Filters(), plan=Plan(size=1), seed=-1, actor="qa")
    assert err.value.code == "rounds.seed"
    with pytest.raises(WorkbenchError) as err:
        get_round(db, "nope")
    assert err.value.code == "rounds.unknown"


# --- reassignment -------------------------------------------------------------------------

def test_reassignment_moves_the_review_and_keeps_the_trail(db) -> None:
    names = reviewers_of(db)
    result = create_round(db, name="R", filters=Filters(), plan=Plan(size=12), seed=4, actor="qa",
                          reviewers=[Reviewer(names[0]), Reviewer(names[1], 6)])
    case = next(c for c in result.cases if c.reviewer == names[0] and not same_person(c.examiner, "Zhou Li"))
    reassign(db, "R", case.case_id, "Zhou Li", actor="manager", reason="leave")
    review = db.execute("SELECT reviewer FROM reviews WHERE round_id = ? AND case_id = ?",
                        [result.id, case.case_id]).fetchone()
    assert review == ("Zhou Li",)
    history = [(e.entity, e.action, e.old_value, e.new_value) for e in chain.history(db, case.case_id)]
    assert ("round_case", "reassign", {"reviewer": names[0]}, {"reviewer": "Zhou Li", "reason": "leave"}) in history
    assert ("review", "reassign", {"reviewer": names[0]}, {"reviewer": "Zhou Li", "reason": "leave"}) in history
    assert ("round_case", "draw") in [(e, a) for e, a, _, _ in history]
    assert "Zhou Li" in [r.name for r in get_round(db, "R").reviewers]
    assert dict((r, n) for r, n, _ in reviewer_progress(db, "R"))["Zhou Li"] == 1


def test_reassignment_refuses_own_case_full_cap_and_finished_review(db) -> None:
    names = reviewers_of(db)
    result = create_round(db, name="R", filters=Filters(), plan=Plan(size=40), seed=4, actor="qa",
                          reviewers=[Reviewer(names[0]), Reviewer(names[1], 10), Reviewer("Outsider")])
    own = next(c for c in result.cases if not same_person(c.examiner, names[0]) and c.reviewer != names[1]
               and any(same_person(c.examiner, n) for n in names[1:2]))
    with pytest.raises(WorkbenchError) as err:
        reassign(db, "R", own.case_id, own.examiner, actor="m")
    assert err.value.code == "rounds.own_case"
    movable = next(c for c in result.cases if c.reviewer != names[1] and not same_person(c.examiner, names[1]))
    assert result.loads()[names[1]] == 10
    with pytest.raises(WorkbenchError) as err:
        reassign(db, "R", movable.case_id, names[1], actor="m")
    assert err.value.code == "rounds.cap_reached"
    db.execute("UPDATE reviews SET status = 'completed', verdict = 'compliant' WHERE round_id = ? AND case_id = ?",
               [result.id, movable.case_id])
    with pytest.raises(WorkbenchError) as err:
        reassign(db, "R", movable.case_id, "Somebody", actor="m")
    assert err.value.code == "rounds.review_done"
    with pytest.raises(WorkbenchError) as err:
        reassign(db, "R", 10_000, "Somebody", actor="m")
    assert err.value.code == "rounds.not_in_round"


def test_unassigned_round_is_assigned_later(db) -> None:
    result = create_round(db, name="R", filters=Filters(), plan=Plan(size=9), seed=4, actor="qa")
    assert all(c.reviewer is None for c in result.cases)
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    names = reviewers_of(db)
    assignment = assign_remaining(db, "R", [Reviewer(n) for n in names], actor="qa")
    assert sorted(Counter(assignment.values()).values()) == [3, 3, 3]
    assert db.execute("SELECT COUNT(*) FROM reviews WHERE round_id = ?", [result.id]).fetchone()[0] == 9
    with pytest.raises(WorkbenchError) as err:
        assign_remaining(db, "R", [Reviewer("x")], actor="qa")
    assert err.value.code == "rounds.unassigned"


# --- acceptance lots ----------------------------------------------------------------------

def _finish(db, round_id: int, case_ids, verdict: str) -> None:
    for case_id in case_ids:
        db.execute("UPDATE reviews SET status = 'completed', verdict = ? WHERE round_id = ? AND case_id = ?",
                   [verdict, round_id, case_id])


@pytest.mark.parametrize("count_defects", [False, True])
def test_lot_verdict_once_the_lot_is_reviewed(db, count_defects) -> None:
    result = create_round(db, name="lots", filters=Filters(), actor="qa", seed=3, reviewers=[Reviewer("Q A")],
                          plan=Plan(method="acceptance", strata=("department",), aql=2.5,
                                    count_defects=count_defects))
    lots = {lot.lot: lot for lot in lot_verdicts(db, "lots")}
    big = lots["实用新型审查部"]
    # 76 cases: letter E, whose cell at AQL 2.5 points down to F's plan: 20 drawn, Ac 1, Re 2.
    assert (big.lot_size, big.code_letter, big.sample_size, big.accept, big.reject) == (76, "E", 20, 1, 2)
    assert all(lot.verdict is None for lot in lots.values())
    members = [c.case_id for c in result.cases if c.stratum == big.lot]
    _finish(db, result.id, members[:-1], "compliant")
    _finish(db, result.id, members[:1], "defect")
    assert {lot.lot: lot for lot in lot_verdicts(db, "lots")}[big.lot].verdict is None   # one still open
    _finish(db, result.id, members[-1:], "error")
    lot = {lot.lot: lot for lot in lot_verdicts(db, "lots")}[big.lot]
    assert lot.reviewed == 20
    assert (lot.nonconforming, lot.verdict) == ((2, "reject") if count_defects else (1, "accept"))
    create_round(db, name="plain", filters=Filters(exclude_sampled=False), plan=Plan(size=3), seed=1, actor="qa")
    with pytest.raises(WorkbenchError) as err:
        lot_verdicts(db, "plain")
    assert err.value.code == "rounds.not_acceptance"


# --- parsing helpers ----------------------------------------------------------------------

def test_parsing_reviewers_effort_rates() -> None:
    assert parse_reviewers("Li Wei, 王芳：40,") == (Reviewer("Li Wei"), Reviewer("王芳", 40))
    assert parse_effort("发明=3, trademark=1") == {"invention": 3.0, "trademark": 1.0}
    assert parse_stratum_rates(["电学=0.9", "a=b=95%"]) == (("a=b", 0.95), ("电学", 0.9))
    # One rule for every rate: % or above 1 is a percentage, otherwise a fraction.
    assert parse_fraction("95", "C") == parse_fraction("95%", "C") == parse_fraction("0.95", "C") == 0.95
    assert parse_fraction("5%", "E") == parse_fraction("5", "E") == 0.05
    assert parse_fraction("1", "E") == 1.0 and parse_fraction("1%", "E") == 0.01
    for call, code in ((lambda: parse_reviewers("a:x"), "rounds.reviewer_cap"),
                       (lambda: parse_reviewers(" , "), "rounds.reviewer_name"),
                       (lambda: parse_effort("invention=-1"), "rounds.effort"),
                       (lambda: parse_effort("patents=1"), "id.bad_ip_type"),
                       (lambda: parse_fraction("150", "E"), "rates.range"),
                       (lambda: parse_fraction("five", "E"), "rates.number")):
        with pytest.raises(WorkbenchError) as err:
            call()
        assert err.value.code == code
