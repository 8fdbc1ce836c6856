"""The Dashboard's Disputes panel (issue 15): hidden until findings are sent, then the dispute figures of
the filter's scope (the same the workbook's Disputes sheet shows), in either language."""
from __future__ import annotations

import pytest

from db.connection import open_database
from tests.workbench import dispute_helpers as dh
from ui.charts import percent
from workbench.demo.generate import build_demo
from workbench.report.dispute_figures import dispute_figures
from workbench.report.figures import ReportFilter


def demo(tmp_path, *, play: bool) -> None:
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=300, reviewed=0.5, seed=21)
    if play:
        dh.play(db)
    db.close()


def show(qtbot, window):
    dashboard = window.dashboard
    dashboard.today = lambda: dh.TODAY
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        window.tabs.setCurrentWidget(dashboard)
    return dashboard


def test_the_panel_is_hidden_until_findings_are_sent(window_factory, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    demo(tmp_path, play=False)
    dashboard = show(qtbot, window_factory())
    assert dashboard.disputes is not None and not dashboard.disputes.any_sent
    assert not dashboard.disputes_panel.isVisible()


def test_the_panel_shows_the_dispute_figures(window_factory, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    demo(tmp_path, play=True)
    window = window_factory()
    dashboard = show(qtbot, window)
    panel = dashboard.disputes_panel
    assert panel.isVisible()
    figures = dispute_figures(window.db, ReportFilter(), today=dh.TODAY)
    assert dashboard.disputes == figures
    c = figures.totals
    before, after = figures.compliance_before, figures.compliance_after
    assert panel.before.text() == f"{percent(before.rate)} (95% interval {percent(before.low)}–{percent(before.high)})"
    assert panel.after.text().startswith(f"{percent(after.rate)} (95% interval")
    assert "changed the verdict of 2 reviewed cases" in panel.after.text()
    assert panel.dispute_rate.text() == f"{percent(c.dispute_rate)} · {c.disputed} of {c.sent} findings sent disputed"
    assert panel.overturn_rate.text().startswith(f"{percent(c.overturn_rate)} · 3 of 5 decided: 2 overturned, "
                                                 "1 severity changed, 2 upheld")
    assert panel.open.text().startswith(f"2 awaiting a decision, 1 of them past the response deadline · "
                                        f"{figures.unanswered_past_deadline} findings unanswered")
    top = figures.most_overturned(5)
    names = [panel.items.itemAtPosition(row, 0).widget().text() for row in range(len(top))]
    assert names == [i.item_id for i in top] and len(top) >= 2
    first = panel.items.itemAtPosition(0, 1).widget().text()
    assert first.startswith(f"{top[0].counts.changed} of {top[0].counts.decided} decided")
    # Another scope: its own figures (a period without any finding sent hides the panel).
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.set_filter(ReportFilter(date_from=dh.TODAY.replace(year=2040)))
    assert not panel.isVisible() and not dashboard.disputes.any_sent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_panel_paints_in_both_languages(window_factory, tmp_path, qtbot, monkeypatch, language):
    from PySide6.QtWidgets import QApplication
    from ui.app import install_translations
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    demo(tmp_path, play=True)
    install_translations(QApplication.instance(), language)
    try:
        window = window_factory(language)
        window.resize(1400, 900)
        dashboard = show(qtbot, window)
        panel = dashboard.disputes_panel
        assert panel.isVisible() and not panel.grab().isNull()
        if language == "zh":
            assert panel.title() == "异议" and "异议" in panel.dispute_rate.text()
            assert "改判" in panel.items.itemAtPosition(0, 1).widget().text()
    finally:
        install_translations(QApplication.instance(), "en")
