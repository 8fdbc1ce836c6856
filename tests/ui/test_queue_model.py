"""The queue model on a workspace bigger than it counts at once: the ids read once, the status
counts from a worker, a case's change counted without reading the queue again."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.connection import open_database
from ui import case_model
from ui.case_model import CaseTableModel
from workbench.demo.generate import build_demo
from workbench.review import queue
from workbench.review import reviews
from workbench.review.queue import CaseFilter


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("queue_model") / "q.sqlite3"
    db = open_database(path)
    build_demo(db, cases=300, reviewed=0.4, seed=11)
    db.close()
    return path


@pytest.fixture
def db(demo_file, tmp_path):
    copy = tmp_path / "q.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    db = open_database(copy)
    yield db
    db.close()


def wait_counted(qtbot, model):
    qtbot.waitUntil(lambda: not model.counts_pending, timeout=10_000)


def test_a_long_queue_is_counted_by_a_worker(db, qtbot, monkeypatch):
    monkeypatch.setattr(case_model, "SYNC_COUNT_ROWS", 10)
    model = CaseTableModel(db)
    assert model.rowCount() == 300 and model.counts_pending
    assert sum(model.counts.values()) == 0           # nothing shown until the counts come
    wait_counted(qtbot, model)
    assert model.counts == queue.status_counts(db)
    model.set_filter(CaseFilter(ip_type="invention"))
    model.set_filter(CaseFilter(ip_type="design"))   # the first filter's counts, if late, are dropped
    wait_counted(qtbot, model)
    assert model.counts == queue.status_counts(db, CaseFilter(ip_type="design"))
    assert model.total == 300
    model.shutdown()


@pytest.mark.parametrize("page_cached", [True, False])
def test_a_changed_case_is_counted_again(db, qtbot, monkeypatch, page_cached):
    monkeypatch.setattr(case_model, "SYNC_COUNT_ROWS", 10)
    model = CaseTableModel(db)
    wait_counted(qtbot, model)
    case_id = queue.case_ids(db, CaseFilter(status="not_reviewed"))[-1]
    row = model.row_of(case_id)
    if page_cached:
        model.data(model.index(row, 0))
    before = dict(model.counts)
    reviews.open_review(db, case_id, reviewer="zed")
    with qtbot.waitSignal(model.dataChanged, timeout=1_000):
        model.refresh_case(case_id)
    wait_counted(qtbot, model)
    assert model.counts == {**before, "not_reviewed": before["not_reviewed"] - 1,
                            "in_progress": before["in_progress"] + 1} == queue.status_counts(db)
    assert model.data(model.index(row, case_model.STATUS_COLUMN)) == "Open"
    model.shutdown()


def test_rows_next_unreviewed_and_sorting(db):
    model = CaseTableModel(db)
    ids = queue.case_ids(db)
    model.data(model.index(0, 0))                    # the first page cached, the rest not
    assert [model.row_of(i) for i in (ids[0], ids[150], ids[-1])] == [0, 150, 299]
    assert model.row_of(10**9) is None
    reviewed = queue.reviewed_case_ids(db)
    for current in (None, ids[0], ids[-1]):
        assert model.next_unreviewed(current) == queue.next_unreviewed(ids, reviewed, current)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.case_id(r) for r in range(model.rowCount())] == ids[::-1]


def test_the_window_reads_the_queue_once_on_opening(window_factory, monkeypatch):
    calls = []
    original = queue.queue_ids
    monkeypatch.setattr(queue, "queue_ids", lambda *a, **k: calls.append(k) or original(*a, **k))
    window = window_factory()
    assert len(calls) == 1 and window.table.horizontalHeader().sortIndicatorSection() == 0
