"""Seeded draws, allocation to strata and reviewer assignment."""
from __future__ import annotations

from collections import Counter
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foundation.errors import WorkbenchError
from workbench.rounds.draw import (
    SplitMix64,
    allocate,
    assign,
    draw_random,
    draw_stratified,
    draw_systematic,
    same_person,
)

IDS = list(range(1, 101))


# --- generator ------------------------------------------------------------------

def test_splitmix64_reference_vector() -> None:
    # Published outputs of Vigna's splitmix64.c for seed 1234567.
    rng = SplitMix64(1234567)
    assert [rng.next_u64() for _ in range(5)] == [
        6457827717110365317,
        3203168211198807973,
        9817491932198370423,
        4593380528125082431,
        16408922859458223821,
    ]


def test_seed_42_fixed_outputs() -> None:
    # Hard-coded once; a change here means old samples can no longer be re-derived.
    rng = SplitMix64(42)
    assert [rng.next_u64() for _ in range(3)] == [
        13679457532755275413,
        2949826092126892291,
        5139283748462763858,
    ]
    rng = SplitMix64(42)
    assert [rng.below(100) for _ in range(10)] == [13, 91, 58, 64, 50, 62, 25, 8, 5, 74]


def test_below_stays_in_range_and_covers_it() -> None:
    rng = SplitMix64(7)
    values = [rng.below(6) for _ in range(600)]
    assert set(values) == set(range(6))
    assert SplitMix64(7).below(1) == 0


def test_negative_and_huge_seeds_are_reduced_to_64_bits() -> None:
    assert SplitMix64(-1).next_u64() == SplitMix64(2**64 - 1).next_u64()
    assert SplitMix64(2**64 + 5).next_u64() == SplitMix64(5).next_u64()


# --- draws ----------------------------------------------------------------------

def test_draw_random_fixed_output_for_seed_42() -> None:
    assert draw_random(IDS, 10, 42) == [14, 84, 87, 10, 3, 28, 88, 46, 66, 29]


def test_draw_systematic_fixed_output_for_seed_42() -> None:
    assert draw_systematic(IDS, 10, 42) == [2, 12, 22, 32, 42, 52, 62, 72, 82, 92]
    # k = 10/3, start u/n = 3/3: positions 1, 4, 7.
    assert draw_systematic(list(range(1, 11)), 3, 42) == [2, 5, 8]


@pytest.mark.parametrize("draw", [draw_random, draw_systematic])
def test_same_seed_same_draw_different_seed_different_draw(draw) -> None:
    assert draw(IDS, 20, 123) == draw(IDS, 20, 123)
    assert draw(IDS, 20, 123) != draw(IDS, 20, 124)


@given(
    ids=st.lists(st.integers(), unique=True, max_size=60),
    data=st.data(),
    seed=st.integers(),
)
def test_draws_are_subsets_of_the_right_size(ids: list[int], data, seed: int) -> None:
    n = data.draw(st.integers(min_value=0, max_value=len(ids)))
    for draw in (draw_random, draw_systematic):
        sample = draw(ids, n, seed)
        assert len(sample) == n == len(set(sample))
        assert set(sample) <= set(ids)


def test_systematic_keeps_list_order_and_even_spacing() -> None:
    sample = draw_systematic(IDS, 4, 5)
    positions = [IDS.index(i) for i in sample]
    assert positions == sorted(positions)
    assert {b - a for a, b in zip(positions, positions[1:])} == {25}


def test_full_draw_is_a_permutation() -> None:
    assert sorted(draw_random(IDS, 100, 1)) == IDS
    assert draw_systematic(IDS, 100, 1) == IDS


@pytest.mark.parametrize(
    ("ids", "n", "seed", "code"),
    [
        ([1, 2, 3], 4, 1, "sampling.n"),
        ([1, 2, 3], -1, 1, "sampling.n"),
        ([1, 2, 2], 1, 1, "sampling.duplicate_ids"),
        ([1, 2, 3], 1, "42", "sampling.seed"),
        ([1, 2, 3], 1, 4.2, "sampling.seed"),
    ],
)
def test_draw_rejects_bad_arguments(ids: list[int], n: int, seed, code: str) -> None:
    for draw in (draw_random, draw_systematic):
        with pytest.raises(WorkbenchError) as caught:
            draw(ids, n, seed)
        assert caught.value.code == code


# --- allocation -----------------------------------------------------------------

def test_proportional_allocation() -> None:
    assert allocate({"b": 300, "a": 700}, 100) == {"a": 70, "b": 30}
    # 1000/1065, 10/1065, 55/1065 of 100 = 93.90, 0.94, 5.16
    assert allocate({"a": 1000, "b": 10, "d": 55}, 100) == {"a": 94, "b": 1, "d": 5}


def test_minimum_is_a_floor_not_an_addition() -> None:
    result = allocate({"a": 1000, "b": 10, "c": 0, "d": 55}, 100, min_per_stratum=5)
    assert result == {"a": 90, "b": 5, "c": 0, "d": 5}


def test_minimum_limited_by_small_strata() -> None:
    result = allocate({"a": 500, "b": 2}, 20, min_per_stratum=5)
    assert result == {"a": 18, "b": 2}


def test_equal_allocation_redistributes_what_a_small_stratum_cannot_take() -> None:
    assert allocate({"a": 1000, "b": 10, "d": 55}, 100, "equal") == {"a": 45, "b": 10, "d": 45}
    assert allocate({"a": 1000, "b": 1000, "c": 1000}, 10, "equal") == {"a": 4, "b": 3, "c": 3}


def test_neyman_allocation() -> None:
    # N*S: 1000*sqrt(.95*.05) = 217.9, 10*0.5 = 5, 55*0 = 0 -> 97.8, 2.2, 0
    expected = {"a": 0.95, "b": 0.5, "d": 1.0}
    assert allocate({"a": 1000, "b": 10, "d": 55}, 100, "neyman", expected=expected) == {
        "a": 98, "b": 2, "d": 0,
    }
    assert allocate(
        {"a": 1000, "b": 10, "d": 55}, 100, "neyman", expected=expected, min_per_stratum=3
    ) == {"a": 94, "b": 3, "d": 3}


def test_neyman_fills_zero_variance_strata_only_when_the_others_are_full() -> None:
    result = allocate({"a": 10, "b": 100}, 50, "neyman", expected={"a": 0.5, "b": 1.0})
    assert result == {"a": 10, "b": 40}


def test_largest_remainder_ties_go_in_name_order() -> None:
    assert allocate({"c": 1, "a": 1, "b": 1}, 2) == {"a": 1, "b": 1, "c": 0}


@given(
    strata=st.dictionaries(
        st.text(alphabet="abcdefgh", min_size=1, max_size=3),
        st.one_of(st.integers(0, 3), st.integers(0, 5000)),
        min_size=1,
        max_size=8,
    ),
    data=st.data(),
)
def test_allocation_sums_to_n_within_bounds(strata: dict[str, int], data) -> None:
    population = sum(strata.values())
    n = data.draw(st.integers(0, population))
    minimum = data.draw(st.integers(0, 6))
    method = data.draw(st.sampled_from(["proportional", "equal", "neyman"]))
    expected = {h: data.draw(st.sampled_from([0.0, 0.1, 0.5, 0.97, 1.0])) for h in strata}
    needed = sum(min(minimum, size) for size in strata.values())
    if needed > n:
        with pytest.raises(WorkbenchError) as caught:
            allocate(strata, n, method, expected=expected, min_per_stratum=minimum)
        assert caught.value.code == "sampling.minimum_exceeds_n"
        return
    result = allocate(strata, n, method, expected=expected, min_per_stratum=minimum)
    assert list(result) == sorted(strata)
    assert sum(result.values()) == n
    for h, size in strata.items():
        assert min(minimum, size) <= result[h] <= size


@given(
    strata=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 3000), min_size=1),
    data=st.data(),
)
def test_proportional_allocation_within_one_of_the_exact_share(strata: dict[str, int], data) -> None:
    population = sum(strata.values())
    n = data.draw(st.integers(0, population))
    result = allocate(strata, n)
    for h, size in strata.items():
        assert abs(result[h] - n * size / population) < 1


@pytest.mark.parametrize(
    ("args", "kwargs", "code"),
    [
        (({"a": 10}, 11), {}, "sampling.n_exceeds_population"),
        (({"a": 10}, -1), {}, "sampling.n"),
        (({"a": -1}, 0), {}, "sampling.population"),
        (({"a": 10}, 5, "random"), {}, "sampling.method"),
        (({"a": 10, "b": 10}, 5), {"min_per_stratum": 3}, "sampling.minimum_exceeds_n"),
        (({"a": 10}, 5), {"min_per_stratum": -1}, "sampling.minimum"),
        (({"a": 10}, 5, "neyman"), {}, "sampling.expected_missing"),
        (({"a": 10}, 5, "neyman"), {"expected": {"a": 1.5}}, "sampling.expected"),
    ],
)
def test_allocate_rejects_bad_arguments(args: tuple, kwargs: dict, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        allocate(*args, **kwargs)
    assert caught.value.code == code


# --- stratified draw --------------------------------------------------------------

STRATA_IDS = {"x": list(range(1, 51)), "y": list(range(100, 120))}


def test_draw_stratified_fixed_output_for_seed_42() -> None:
    assert draw_stratified(STRATA_IDS, {"x": 3, "y": 2}, 42) == [3, 23, 18, 117, 106]


def test_draw_stratified_reproducible_and_seed_sensitive() -> None:
    allocation = {"x": 5, "y": 4}
    sample = draw_stratified(STRATA_IDS, allocation, 9)
    assert sample == draw_stratified(STRATA_IDS, allocation, 9)
    assert sample != draw_stratified(STRATA_IDS, allocation, 10)
    assert Counter(i >= 100 for i in sample) == {False: 5, True: 4}


def test_a_stratum_draw_does_not_depend_on_other_strata() -> None:
    one = draw_stratified(STRATA_IDS, {"x": 5, "y": 4}, 9)
    other = draw_stratified({"x": STRATA_IDS["x"], "z": [7000, 7001]}, {"x": 5, "z": 1}, 9)
    assert one[:5] == other[:5]


@pytest.mark.parametrize(
    ("strata_ids", "allocation", "code"),
    [
        (STRATA_IDS, {"x": 1, "w": 1}, "sampling.unknown_stratum"),
        (STRATA_IDS, {"y": 21}, "sampling.allocation_exceeds_stratum"),
        ({"x": [1, 2], "y": [2, 3]}, {"x": 1}, "sampling.duplicate_ids"),
    ],
)
def test_draw_stratified_rejects_bad_arguments(strata_ids, allocation, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        draw_stratified(strata_ids, allocation, 1)
    assert caught.value.code == code


# --- assignment -------------------------------------------------------------------

def test_same_person_ignores_spaces_and_case() -> None:
    assert same_person("Li Wei", " liwei ")
    assert same_person("ANNA  Berg", "anna berg")
    assert not same_person("Anna Berg", "Anna Bergman")


def test_balanced_counts_without_conflicts() -> None:
    cases = [(i, None) for i in range(1, 11)]
    result = assign(cases, ["Ann", "Bo", "Cy"])
    assert list(result) == list(range(1, 11))
    assert sorted(Counter(result.values()).values()) == [3, 3, 4]


@given(
    n_cases=st.integers(0, 60),
    n_reviewers=st.integers(1, 7),
)
def test_counts_differ_by_at_most_one_without_conflicts(n_cases: int, n_reviewers: int) -> None:
    reviewers = [f"R{i}" for i in range(n_reviewers)]
    result = assign([(i, "Someone Else") for i in range(n_cases)], reviewers)
    counts = [list(result.values()).count(r) for r in reviewers]
    assert max(counts) - min(counts) <= 1


@given(
    reviewers=st.lists(st.sampled_from(["Ann", "Bo", "Cy", "Di", "Ed"]), min_size=2, max_size=5, unique=True),
    data=st.data(),
)
def test_no_reviewer_gets_their_own_case(reviewers: list[str], data) -> None:
    spellings = [name for r in reviewers for name in (r, r.upper(), f" {r.lower()} ")]
    examiners = data.draw(st.lists(st.one_of(st.none(), st.sampled_from(spellings + ["Zed"])), max_size=40))
    cases = [(100 + i, examiner) for i, examiner in enumerate(examiners)]
    result = assign(cases, reviewers)
    assert set(result) == {case_id for case_id, _ in cases}
    for case_id, examiner in cases:
        assert examiner is None or not same_person(result[case_id], examiner)


def test_assignment_is_deterministic() -> None:
    cases = [(i, ["Ann", "Bo", None][i % 3]) for i in range(30)]
    assert assign(cases, ["Ann", "Bo", "Cy"]) == assign(cases, ["Ann", "Bo", "Cy"])


def test_caps_are_respected() -> None:
    cases = [(i, None) for i in range(10)]
    result = assign(cases, ["Ann", "Bo", "Cy"], caps={"Ann": 1, "Bo": 2})
    assert Counter(result.values()) == {"Ann": 1, "Bo": 2, "Cy": 7}


def test_full_reviewers_are_rearranged_rather_than_failing() -> None:
    # Greedily, case 1 goes to Bo and case 2 to Ann, leaving case 3 (Cy's) stuck;
    # moving case 2 on to Cy makes room for it with Ann.
    cases = [(1, "Ann"), (2, "Bo"), (3, "Cy")]
    caps = {"Ann": 1, "Bo": 1, "Cy": 1}
    result = assign(cases, ["Ann", "Bo", "Cy"], caps=caps)
    assert sorted(result.values()) == ["Ann", "Bo", "Cy"]
    assert all(not same_person(result[c], e) for c, e in cases)


@given(
    examiners=st.lists(st.sampled_from([None, "Ann", "Bo", "Cy"]), max_size=6),
    caps=st.fixed_dictionaries({"Ann": st.integers(0, 3), "Bo": st.integers(0, 3), "Cy": st.integers(0, 3)}),
)
def test_unassignable_only_when_no_valid_assignment_exists(examiners, caps) -> None:
    reviewers = ["Ann", "Bo", "Cy"]
    cases = list(enumerate(examiners))

    def valid(choice: tuple[str, ...]) -> bool:
        counts = Counter(choice)
        return all(counts[r] <= caps[r] for r in reviewers) and all(
            examiner != reviewer for (_, examiner), reviewer in zip(cases, choice)
        )

    feasible = any(valid(choice) for choice in product(reviewers, repeat=len(cases)))
    if feasible:
        result = assign(cases, reviewers, caps=caps)
        assert valid(tuple(result[case_id] for case_id, _ in cases))
    else:
        with pytest.raises(WorkbenchError) as caught:
            assign(cases, reviewers, caps=caps)
        assert caught.value.code == "sampling.unassignable"


def test_effort_balancing() -> None:
    cases = [(1, None), (2, None), (3, None), (4, None), (5, None)]
    effort = {1: 8.0, 2: 5.0, 3: 4.0, 4: 2.0, 5: 1.0}
    result = assign(cases, ["Ann", "Bo"], effort=effort)
    loads = Counter()
    for case_id, reviewer in result.items():
        loads[reviewer] += effort[case_id]
    assert sorted(loads.values()) == [10.0, 10.0]


def test_unassignable_case_is_named() -> None:
    with pytest.raises(WorkbenchError) as caught:
        assign([(1, None), (7, "ann")], ["Ann"])
    assert caught.value.code == "sampling.unassignable"
    assert caught.value.params["case"] == 7
    assert "7" in str(caught.value)


def test_unassignable_when_caps_are_exhausted() -> None:
    with pytest.raises(WorkbenchError) as caught:
        assign([(1, None), (2, None), (3, None)], ["Ann", "Bo"], caps={"Ann": 1, "Bo": 1})
    assert caught.value.code == "sampling.unassignable"


@pytest.mark.parametrize(
    ("cases", "reviewers", "kwargs", "code"),
    [
        ([(1, None), (1, None)], ["Ann"], {}, "sampling.duplicate_ids"),
        ([(1, None)], ["Ann", "ANN "], {}, "sampling.duplicate_reviewer"),
        ([(1, None)], ["Ann"], {"caps": {"Bo": 1}}, "sampling.unknown_reviewer"),
        ([(1, None)], ["Ann"], {"caps": {"Ann": -1}}, "sampling.cap"),
        ([(1, None)], ["Ann"], {"effort": {}}, "sampling.effort"),
        ([(1, None)], ["Ann"], {"effort": {1: -2.0}}, "sampling.effort"),
    ],
)
def test_assign_rejects_bad_arguments(cases, reviewers, kwargs, code: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        assign(cases, reviewers, **kwargs)
    assert caught.value.code == code


def test_no_cases_no_assignment() -> None:
    assert assign([], ["Ann"]) == {}
    assert assign([], []) == {}
