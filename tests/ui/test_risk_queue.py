"""The queue's Risk column and band filter, and the case panel's Risk box."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.case_model import COLUMNS
from workbench import risk
from workbench.review import queue
from workbench.review.queue import CaseFilter
from tests.workbench.helpers import workspace
from tests.workbench.test_risk import planted


def test_queue_filters_and_sorts_by_risk(tmp_path):
    db = workspace(tmp_path)
    cluster, hoard = planted(db)
    risk.refresh(db)
    assert set(queue.case_ids(db, CaseFilter(risk_band="high"))) == set(hoard)
    assert set(queue.case_ids(db, CaseFilter(risk_band="medium"))) == set(cluster)
    everyone = queue.case_ids(db)
    assert set(queue.case_ids(db, CaseFilter(risk_band="none"))) == set(everyone) - set(hoard) - set(cluster)
    ordered = queue.case_ids(db, sort="risk", descending=True)
    assert set(ordered[:len(hoard)]) == set(hoard) and set(ordered[len(hoard):len(hoard) + len(cluster)]) == set(cluster)


def test_risk_column_filter_and_case_panel(window_factory, tmp_path, qtbot):
    db = workspace(tmp_path)
    cluster, hoard = planted(db)
    risk.refresh(db)
    db.close()
    window = window_factory()
    bar = window.filter_bar
    bar.risk_band.setCurrentIndex(bar.risk_band.findData("medium"))
    qtbot.waitUntil(lambda: window.model.rowCount() == len(cluster), timeout=5_000)
    column = [key for key, _ in COLUMNS].index("risk")
    assert window.model.headerData(column, Qt.Orientation.Horizontal) == "Risk"
    assert window.model.data(window.model.index(0, column)) == "0.50 medium"
    window.select_case(cluster[0])
    box = window.panel.risk_box
    assert not box.isHidden()
    assert "Score 0.50, medium risk" in box.text.text()
    assert "have a near-duplicate title" in box.text.text()
    bar.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() > len(cluster), timeout=5_000)
    plain = window.db.execute("SELECT case_id FROM case_risk WHERE band = 'none' LIMIT 1").fetchone()[0]
    window.select_case(plain)
    assert window.panel.case_id == plain and box.isHidden()
