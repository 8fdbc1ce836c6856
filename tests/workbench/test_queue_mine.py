"""My cases: the filter of a reviewer's round assignments, and Ctrl+N taking their own cases first."""
from __future__ import annotations

import pytest

from db.connection import open_database
from workbench.demo.generate import build_demo
from workbench.review import queue
from workbench.review.queue import CaseFilter
from workbench.rounds.assignment import Reviewer
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan
from workbench.rounds.store import create_round


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("mine") / "m.sqlite3")
    build_demo(db, cases=120, reviewed=0.0, seed=5)
    create_round(db, name="Q1", filters=Filters(exclude_sampled=False), plan=Plan(size=20), actor="qa", seed=7,
                 reviewers=[Reviewer("alice"), Reviewer("bob")])
    return db


def assigned(db, reviewer):
    return {r[0] for r in db.execute("SELECT case_id FROM round_cases WHERE reviewer = ?", [reviewer])}


def test_my_cases_is_the_reviewers_assignments(db):
    mine = queue.case_ids(db, CaseFilter(assigned_to="alice"))
    assert set(mine) == assigned(db, "alice") and mine
    assert CaseFilter(assigned_to="alice").active


def test_who_has_open_assignments(db):
    assert queue.has_open_assignments(db, "alice") and not queue.has_open_assignments(db, "nobody")
    db.execute("UPDATE rounds SET closed_at = '2026-01-01T00:00:00'")
    try:
        assert not queue.has_open_assignments(db, "alice")
    finally:
        db.execute("UPDATE rounds SET closed_at = NULL")


def test_next_case_takes_the_reviewers_own_cases_first_then_the_rest(db):
    ids = queue.case_ids(db)
    mine = assigned(db, "alice")
    first = next(i for i in ids if i not in mine)
    found, seen = first, []
    for _ in range(len(mine)):
        found = queue.next_case_after(db, ids, found, ids.index(found) + 1, reviewer="alice")
        seen.append(found)
    assert set(seen) == mine                       # each of alice's cases, in queue order, wrapping round
    # Another reviewer's own cases come first for them; without a reviewer, the queue's next unreviewed case.
    assert queue.next_case_after(db, ids, first, ids.index(first) + 1, reviewer="bob") in assigned(db, "bob")
    assert queue.next_case_after(db, ids, first, ids.index(first) + 1) == \
        queue.next_unreviewed_after(db, ids, first, ids.index(first) + 1)
    assert queue.next_case_after(db, ids, first, ids.index(first) + 1, reviewer="nobody") == \
        queue.next_unreviewed_after(db, ids, first, ids.index(first) + 1)
