"""Review > Pendency targets… (issue 16): the target per IP type in days or months, set through the
domain (one audit entry per change), and the Trend page's "decided within the target" chart computed
again; refused from a read-only window."""
from __future__ import annotations

import pytest

from db.connection import open_database
from tests.ui import trend_helpers as th
from ui.targets_dialog import as_months
from workbench.demo.generate import build_demo
from workbench.report.figures import ReportFilter
from workbench.report.targets import pendency_targets, set_pendency_target
from workbench.report.trends import QUARTER, trend


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=400, reviewed=0.4, seed=5)
    set_pendency_target(db, "design", 120, actor="earlier", now="2026-01-02T08:00:00+00:00")
    db.close()


def audit_entries(db) -> list[tuple]:
    return list(db.execute("SELECT actor, action, entity_id FROM audit_log WHERE entity = 'pendency_target'"
                           " ORDER BY id"))


def test_the_dialog_shows_the_targets_in_force(window_factory, demo, qtbot):
    window = window_factory()
    dialog = window.trend_actions.edit_targets()
    design = dialog.row("design")
    assert design.check.isChecked() and design.number.value() == 120 and design.unit.currentData() == "d"
    assert design.hint.text() == "120 days · set by earlier on 2026-01-02"
    invention = dialog.row("invention")
    assert not invention.check.isChecked() and not invention.number.isEnabled()
    assert invention.hint.text() == "no target"
    invention.check.setChecked(True)
    invention.number.setValue(20)
    invention.unit.setCurrentIndex(invention.unit.findData("m"))
    assert invention.hint.text() == "609 days"
    dialog.reject()


def test_saving_sets_the_targets_through_the_domain_and_the_trend_follows(window_factory, demo, qtbot):
    window = window_factory("en")
    dashboard = window.dashboard
    dashboard.today = lambda: th.TODAY
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignals([dashboard.refreshed, dashboard.trends.refreshed], timeout=10000):
        window.trend_actions.show_trends()
    page = dashboard.trends.trend_page
    assert [s.name for s in page.target_chart.series] == ["Design"]
    dialog = window.trend_actions.edit_targets()
    invention = dialog.row("invention")
    invention.check.setChecked(True)
    invention.number.setValue(20)
    invention.unit.setCurrentIndex(invention.unit.findData("m"))
    dialog.row("design").check.setChecked(False)
    before = len(audit_entries(window.db))
    with qtbot.waitSignal(dashboard.trends.refreshed, timeout=10000):
        assert dialog.save()
    assert {t: x.days for t, x in pendency_targets(window.db).items()} == {"invention": 609}
    assert audit_entries(window.db)[before:] == [("alice", "set", "invention"), ("alice", "clear", "design")]
    assert "Pendency targets saved (2 IP types changed)." in window.statusBar().currentMessage()
    t = trend(window.db, ReportFilter(), period=QUARTER, group="department", today=th.TODAY)
    assert [s.name for s in page.target_chart.series] == ["Invention"]
    shares = [p.share_for("invention").share if p.share_for("invention") else None for p in t.overall.points]
    assert list(page.target_chart.series[0].values) == [s.rate if s else None for s in shares]
    point = next(i for i, v in enumerate(page.target_chart.series[0].values) if v is not None)
    page.target_chart.resize(500, 260)
    page.target_chart.grab()
    where = page.target_chart.points[(0, point)]
    assert "decided within 609 days" in page.target_chart.tooltip_at(where.x(), where.y())


def test_saving_nothing_changed_writes_nothing(window_factory, demo, qtbot):
    window = window_factory()
    dialog = window.trend_actions.edit_targets()
    before = audit_entries(window.db)
    assert dialog.save()
    assert audit_entries(window.db) == before


def test_a_read_only_window_cannot_set_targets(window_factory, demo, qtbot, tmp_path):
    from ui.main_window import MainWindow
    window = MainWindow(tmp_path / "w.sqlite3", "bob", "en", read_only=True)
    qtbot.addWidget(window)
    assert not window.trend_actions.targets_action.isEnabled()
    assert window.trend_actions.view_action.isEnabled()
    window.close()


def test_months_are_shown_as_months_when_they_are_whole_months():
    assert as_months(609) == 20 and as_months(122) == 4 and as_months(600) is None and as_months(30) == 1
