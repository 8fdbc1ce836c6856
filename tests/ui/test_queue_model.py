"""The queue model on a workspace bigger than it counts at once: the ids read once, the status
counts from a worker, a case's change counted without reading the queue again."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from db.connection import open_database
from ui import case_model
from ui.case_model import STATUS_COLUMN, CaseTableModel
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


def test_a_big_queue_shows_its_first_page_then_appends_the_rest(db, qtbot, monkeypatch):
    monkeypatch.setattr(case_model, "LAZY_CASES", 10)
    monkeypatch.setattr(case_model, "PAGE_SIZE", 40)
    model = CaseTableModel(db)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    for column, order in ((STATUS_COLUMN, Qt.SortOrder.DescendingOrder), (2, Qt.SortOrder.AscendingOrder)):
        resets.clear(), inserted.clear()
        model.sort(column, order)
        key, descending = case_model.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        whole = queue.case_ids(db, sort=key, descending=descending)
        assert not model.complete and model.rowCount() == 40 and model.counts_pending
        assert [model.case_id(r) for r in range(40)] == whole[:40]
        assert model.data(model.index(0, 0)) == db.execute(
            "SELECT application_number FROM cases WHERE id = ?", [whole[0]]).fetchone()[0]
        qtbot.waitUntil(lambda: model.complete and not model.counts_pending, timeout=10_000)
        assert [model.case_id(r) for r in range(model.rowCount())] == whole
        assert resets == [1] and inserted == [(40, 299)]      # the rows on screen were kept
        assert model.counts == queue.status_counts(db) and model.total == 300
    model.shutdown()


def test_a_big_queue_read_at_once_when_asked_before_the_worker_is_done(db, qtbot, monkeypatch):
    monkeypatch.setattr(case_model, "LAZY_CASES", 10)
    monkeypatch.setattr(case_model, "PAGE_SIZE", 40)
    model = CaseTableModel(db)
    ids = queue.case_ids(db)
    assert not model.complete
    reviewed = queue.reviewed_case_ids(db)
    assert model.next_unreviewed(ids[-1]) == queue.next_unreviewed(ids, reviewed, ids[-1])
    assert model.complete and model.rowCount() == 300 and model.row_of(ids[-1]) == 299
    qtbot.waitUntil(lambda: not model.counts_pending, timeout=10_000)
    assert model.rowCount() == 300 and model.counts == queue.status_counts(db)
    model.shutdown()


def test_a_filter_that_keeps_fewer_than_a_page_is_read_whole(db, monkeypatch):
    monkeypatch.setattr(case_model, "LAZY_CASES", 10)
    monkeypatch.setattr(case_model, "PAGE_SIZE", 40)
    model = CaseTableModel(db)
    model.set_filter(CaseFilter(status="completed"))
    expected = queue.case_ids(db, CaseFilter(status="completed"))
    assert 0 < len(expected) < 40
    assert model.complete and [model.case_id(r) for r in range(model.rowCount())] == expected
    assert model.counts == queue.status_counts(db, CaseFilter(status="completed"))
    model.shutdown()


def test_the_window_keeps_the_case_on_screen_when_a_big_queue_is_sorted(demo_file, window_factory, tmp_path, qtbot,
                                                                       monkeypatch):
    monkeypatch.setattr(case_model, "LAZY_CASES", 10)
    monkeypatch.setattr(case_model, "PAGE_SIZE", 40)
    (tmp_path / "w.sqlite3").write_bytes(demo_file.read_bytes())
    window = window_factory()
    qtbot.waitUntil(lambda: window.model.complete and not window.model.counts_pending, timeout=10_000)
    assert window.status_area.counts_label.text().startswith("300 cases")
    target = queue.case_ids(window.db, sort="title", descending=True)[250]
    window.select_case(target)
    window.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)       # by title: the case is past the first page
    assert window.status_area.counts_label.text() == "Reading the queue..."
    assert window.model.row_of(target) is None and window.panel.case_id == target
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    assert window.model.case_id(window.table.currentIndex().row()) == target == window.panel.case_id
    qtbot.waitUntil(lambda: not window.model.counts_pending, timeout=10_000)
    assert window.status_area.counts_label.text().startswith("300 cases")


def test_a_worker_still_reading_a_stale_queue_is_interrupted(db, qtbot, monkeypatch):
    monkeypatch.setattr(case_model, "LAZY_CASES", 10)
    monkeypatch.setattr(case_model, "PAGE_SIZE", 40)
    running = threading.Event()
    original = queue.queue_ids

    def endless(reader, *args, **kwargs):
        if reader is not db:                          # the first worker, on its own connection: a query without end
            reader.conn.create_function("tick", 1, lambda i: running.set() or i)
            reader.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                           " SELECT COUNT(tick(i)) FROM n").fetchone()
        return original(reader, *args, **kwargs)

    monkeypatch.setattr(queue, "queue_ids", endless)
    model = CaseTableModel(db)
    assert running.wait(10)
    monkeypatch.setattr(queue, "queue_ids", original)
    model.sort(2, Qt.SortOrder.AscendingOrder)        # interrupts it: the new queue is read at once
    qtbot.waitUntil(lambda: model.complete and not model.counts_pending, timeout=10_000)
    assert [model.case_id(r) for r in range(model.rowCount())] == queue.case_ids(db, sort="title")
    model.shutdown()
