"""The queue's ids read in one step, counts over them in SQL, and next unreviewed asked of SQLite
a few ids at a time (the queue model of a million cases keeps no status of every case)."""
from __future__ import annotations

import json

import pytest

from db.connection import open_database
from workbench.demo.generate import build_demo
from workbench.review import queue
from workbench.review.queue import CaseFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("queue_ids") / "q.sqlite3")
    build_demo(db, cases=400, reviewed=0.5, seed=7)
    return db


@pytest.mark.parametrize("sort", list(queue.COLUMNS))
def test_queue_ids_are_case_ids_in_the_same_order(db, sort):
    for descending in (False, True):
        for case_filter in (CaseFilter(), CaseFilter(status="not_reviewed"), CaseFilter(search="有限公司")):
            loaded = queue.queue_ids(db, case_filter, sort=sort, descending=descending)
            expected = queue.case_ids(db, case_filter, sort=sort, descending=descending)
            assert list(loaded.ids) == expected == json.loads(loaded.json)


def test_an_empty_queue(db):
    loaded = queue.queue_ids(db, CaseFilter(search="no such words at all"))
    assert len(loaded.ids) == 0 and queue.counts_for_ids(db, loaded.json) == dict.fromkeys(queue.STATUSES, 0)


def test_counts_for_the_json_text_and_for_a_list_agree(db):
    for case_filter in (CaseFilter(), CaseFilter(ip_type="design"), CaseFilter(verdict="error")):
        loaded = queue.queue_ids(db, case_filter)
        assert queue.counts_for_ids(db, loaded.json) == queue.counts_for_ids(db, loaded.ids) \
            == queue.status_counts(db, case_filter)


def test_next_unreviewed_after_walks_past_long_runs_of_reviewed_cases(db):
    reviewed = queue.reviewed_case_ids(db)
    everyone = queue.case_ids(db)
    done = [i for i in everyone if i in reviewed]
    assert len(done) > 150        # more than the first batches SQLite is asked about
    ids = done + [i for i in everyone if i not in reviewed]
    for current in (None, done[0], done[100], ids[-1], ids[len(done)], 10**9):
        start = ids.index(current) + 1 if current in ids else 0
        assert queue.next_unreviewed_after(db, ids, current, start) == queue.next_unreviewed(ids, reviewed, current)
    assert queue.next_unreviewed_after(db, done, None, 0) is None
    assert queue.reviewed_among(db, ids[:5]) == set(ids[:5]) & reviewed


@pytest.mark.parametrize("ids", [[], [7], [3, 1, 2], list(range(1000, 0, -3))])
def test_ids_parsed_a_slice_at_a_time_are_the_ids(ids):
    text = json.dumps(ids, separators=(",", ":"))
    for chunk in (1, 2, 5, 1 << 18):
        assert list(queue.parse_ids(text, chunk)) == ids
