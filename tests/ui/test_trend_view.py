"""The Dashboard's Trend, Control chart and Period comparison pages (issue 16): they draw the numbers
of workbench.report.trends for the Dashboard's filter, recompute when a chooser changes, show a
planted dip as a signal and as a change, and paint in both languages."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QAction

from db.connection import open_database
from tests.ui import trend_helpers as th
from ui.charts import percent
from ui.trend_text import interval
from workbench.demo.generate import build_demo
from workbench.report.figures import ReportFilter
from workbench.report.trends import (BY_REVIEW, MONTH, POOLED, PREVIOUS, QUARTER, compare_periods, control_charts,
                                     earlier, trend)
from workbench.stats.control import BEYOND_LIMITS, BELOW, RULE_LABELS, SIDE_LABELS


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=600, reviewed=0.5, seed=11)
    db.close()


@pytest.fixture
def planted(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    th.planted(db)
    db.close()


def show_trends(qtbot, window):
    """The Dashboard at its Trend page, figures and trend computed."""
    dashboard = window.dashboard
    dashboard.today = lambda: th.TODAY
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignals([dashboard.refreshed, dashboard.trends.refreshed], timeout=10000):
        window.trend_actions.show_trends()
    return dashboard.trends


def recomputed(qtbot, panel, change) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=10000):
        change()


def test_the_trend_page_draws_the_trends_rates_bands_and_tooltips(window_factory, demo, qtbot):
    window = window_factory()
    panel = show_trends(qtbot, window)
    page = panel.trend_page
    t = trend(window.db, ReportFilter(), period=QUARTER, group="department", today=th.TODAY)
    assert panel.trend == t
    chart = page.chart
    assert chart.labels == t.labels
    assert "per quarter, by decision date" in chart.title
    overall, *groups = chart.series
    assert overall.reference and list(overall.values) == [p.compliance.rate for p in t.overall.points]
    largest = sorted(t.groups, key=lambda g: -g.reviewed)[:5]
    assert [s.name for s in groups] == [g.key for g in t.groups if g in largest]      # by name, not by rate
    for line, series in zip(groups, (g for g in t.groups if g in largest)):
        assert list(line.values) == [p.compliance.rate for p in series.points]
        assert not line.banded                        # several lines: no bands over each other
    assert page.band_note.isVisibleTo(page)
    chart.resize(900, 420)
    assert not chart.grab().isNull()
    index = next(i for i, p in enumerate(t.overall.points) if p.reviewed)
    point, figure = chart.points[(0, index)], t.overall.points[index]
    tip = next(line for line in chart.tooltip_at(point.x(), point.y()).split("\n") if line.startswith("All"))
    assert tip.startswith(f"All cases · {figure.period.label}: {percent(figure.compliance.rate)}")
    assert interval(figure.compliance.low, figure.compliance.high) in tip
    assert f"{figure.compliant} of {figure.reviewed} reviewed" in tip
    # One department alone: its band, all cases beside it for reference.
    page.show_box.setCurrentIndex(page.show_box.findData(t.groups[0].key))
    overall, line = chart.series
    assert line.banded and list(line.lows) == [p.compliance.low for p in t.groups[0].points]
    assert list(line.highs) == [p.compliance.high for p in t.groups[0].points]
    assert not page.band_note.isVisibleTo(page)


def test_the_efficiency_charts_show_pendency_and_review_minutes(window_factory, demo, qtbot):
    window = window_factory()
    page = show_trends(qtbot, window).trend_page
    t = trend(window.db, ReportFilter(), period=QUARTER, group="department", today=th.TODAY)
    names = [s.name for s in page.pendency_chart.series]
    assert names == ["Invention", "Utility model", "Design", "Trademark"]
    invention = page.pendency_chart.series[0]
    assert list(invention.values) == [s.median_days if (s := p.share_for("invention")) else None
                                      for p in t.overall.points]
    assert list(page.minutes_chart.series[0].values) == [p.median_minutes for p in t.overall.points]
    assert page.target_chart.series == [] and not page.target_chart.has_data()   # no target set yet


def test_every_chooser_recomputes_from_the_domain(window_factory, demo, qtbot):
    window = window_factory()
    panel = show_trends(qtbot, window)
    page = panel.trend_page
    recomputed(qtbot, panel, lambda: panel.period_box.setCurrentIndex(panel.period_box.findData(MONTH)))
    months = trend(window.db, ReportFilter(), period=MONTH, group="department", today=th.TODAY)
    assert panel.trend == months and page.chart.labels == months.labels
    assert "per month, by decision date" in page.chart.title
    recomputed(qtbot, panel, lambda: panel.by_box.setCurrentIndex(panel.by_box.findData(BY_REVIEW)))
    assert panel.trend.by == BY_REVIEW and "per month, by review date" in page.chart.title
    recomputed(qtbot, panel, lambda: panel.group_box.setCurrentIndex(panel.group_box.findData("ip_type")))
    by_type = trend(window.db, ReportFilter(), period=MONTH, by=BY_REVIEW, group="ip_type", today=th.TODAY)
    assert panel.trend == by_type
    assert [page.show_box.itemText(i) for i in range(page.show_box.count())] == [
        "All cases", "Every IP type", "Invention", "Utility model", "Design", "Trademark"]
    page.rate_box.setCurrentIndex(page.rate_box.findData("error_rate"))
    assert page.chart.title.startswith("Error rate per month")
    assert list(page.chart.series[1].values) == [p.error_rate.rate for p in by_type.groups[0].points]
    recomputed(qtbot, panel, lambda: panel.group_box.setCurrentIndex(panel.group_box.findData(None)))
    assert [s.name for s in page.chart.series] == ["All cases"] and page.chart.series[0].banded
    assert not page.show_box.isEnabled()


def test_a_planted_dip_is_a_signal_against_the_quarters_before(window_factory, planted, qtbot):
    window = window_factory()
    panel = show_trends(qtbot, window)
    control = panel.control_page
    window.dashboard.tabs.setCurrentWidget(control)
    assert panel.choosers.isVisible()
    control.series_box.setCurrentIndex(control.series_box.findData("Dept A"))
    t = panel.trend
    # By default each quarter is judged against the others: the dip is a signal.
    assert control.centre_box.currentData() == "others"
    assert control.p_chart == control_charts(t)["Dept A"]
    rows = [[control.signals.item(r, c).text() for c in range(3)] for r in range(control.signals.rowCount())]
    assert rows == [[th.DIP, RULE_LABELS[BEYOND_LIMITS][0], SIDE_LABELS[BELOW][0]]]
    assert "pooled rate of the other periods" in control.centre_label.text()
    control.centre_box.setCurrentIndex(control.centre_box.findData(POOLED))
    assert control.p_chart == control_charts(t, centre_from=POOLED)["Dept A"]
    assert control.signals.rowCount() == 0 and control.no_signals.isVisibleTo(control)    # pooled: inside
    control.centre_box.setCurrentIndex(control.centre_box.findData(PREVIOUS))
    expected = control_charts(t, centre_from=PREVIOUS)["Dept A"]
    assert control.p_chart == expected and expected.centre == pytest.approx(0.85)
    rows = [[control.signals.item(r, c).text() for c in range(3)] for r in range(control.signals.rowCount())]
    assert rows == [[th.DIP, RULE_LABELS[BEYOND_LIMITS][0], SIDE_LABELS[BELOW][0]]]
    beyond, _other = control.chart.marked()
    assert beyond == {t.labels.index(th.DIP)}
    assert "the periods before 2025 Q4" in control.centre_label.text()
    control.centre_box.setCurrentIndex(control.centre_box.findData("others"))
    control.chart.resize(900, 420)
    assert not control.chart.grab().isNull()
    where = control.chart.points[t.labels.index(th.DIP)]
    tip = control.chart.tooltip_at(where.x(), where.y())
    assert tip.startswith("Dept A · 2025 Q4: 75.0%, 90 of 120 reviewed") and RULE_LABELS[BEYOND_LIMITS][0] in tip


def test_the_comparison_marks_a_change_only_when_the_interval_excludes_zero(window_factory, planted, qtbot):
    window = window_factory()
    panel = show_trends(qtbot, window)
    page = panel.comparison_page
    window.dashboard.tabs.setCurrentWidget(page)
    t = panel.trend
    # By default against the four quarters before, pooled: a clear fall.
    assert page.first_box.currentData() == th.DIP and page.second_box.currentData() == "__pooled__"
    assert page.comparison == compare_periods(t, th.DIP, earlier(t, th.DIP, 4))
    assert page.table.item(1, 4).text() == "▼ Down"
    page.second_box.setCurrentIndex(page.second_box.findData("__before__"))
    assert page.comparison == compare_periods(t)
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header[1:3] == [th.DIP, "2025 Q3"]
    cells = {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in range(1, 5)]
             for r in range(page.table.rowCount())}
    assert list(cells) == ["All cases", "Dept A", "Dept B"]
    alone = compare_periods(t).differences["Dept A"]
    assert cells["Dept A"][:2] == ["75.0% (90 of 120)", "85.0% (102 of 120)"]
    assert cells["Dept A"][2] == f"{alone.difference * 100:+.1f} points ({alone.low * 100:+.1f} to " \
                                 f"{alone.high * 100:+.1f} points)"
    assert cells["Dept A"][3] == "No clear change"             # the interval holds zero: no arrow
    page.second_box.setCurrentIndex(page.second_box.findData("__pooled__"))
    pooled = compare_periods(t, th.DIP, earlier(t, th.DIP, 4))
    assert page.comparison == pooled
    assert page.table.horizontalHeaderItem(2).text() == "2024 Q4 to 2025 Q3"
    assert page.table.item(1, 4).text() == "▼ Down"
    assert page.table.item(2, 4).text() == "No clear change"
    page.second_box.setCurrentIndex(page.second_box.findData("2024 Q1"))
    assert page.comparison == compare_periods(t, th.DIP, "2024 Q1")


def test_chinese_pages_word_the_signals_and_paint(window_factory, planted, qtbot, tmp_path):
    from ui.app import install_translations
    from PySide6.QtWidgets import QApplication
    install_translations(QApplication.instance(), "zh")
    try:
        window = window_factory(language="zh")
        panel = show_trends(qtbot, window)
        tabs = window.dashboard.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == ["概览", "趋势", "控制图", "漏斗图", "期间对比"]
        assert panel.trend_page.chart.title.startswith("各季度合格率")
        control = panel.control_page
        control.series_box.setCurrentIndex(control.series_box.findData("Dept A"))
        assert control.signals.item(0, 1).text() == RULE_LABELS[BEYOND_LIMITS][1]
        assert control.signals.item(0, 2).text() == SIDE_LABELS[BELOW][1]
        page = panel.comparison_page
        page.second_box.setCurrentIndex(page.second_box.findData("__pooled__"))
        assert page.table.item(1, 4).text() == "▼ 下降"
        for widget in panel.pages():
            tabs.setCurrentWidget(widget)
            assert not window.grab().isNull()
    finally:
        install_translations(QApplication.instance(), "en")


def test_ctrl_shift_t_opens_the_trend_page(window_factory, demo, qtbot):
    window = window_factory()
    action = window.trend_actions.view_action
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    assert action in window.findChildren(QAction) and action in window.keys_first.actions
    review_menu = next(m for m in window.menuBar().actions() if m.text() == "&Review").menu()
    assert action in review_menu.actions() and window.trend_actions.targets_action in review_menu.actions()
    window.show()
    qtbot.waitExposed(window)
    action.trigger()
    assert window.tabs.currentWidget() is window.dashboard
    assert window.dashboard.tabs.currentWidget() is window.dashboard.trends.trend_page


def test_an_empty_workspace_shows_each_page_empty(window_factory, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    window = window_factory()
    panel = show_trends(qtbot, window)
    assert panel.trend.periods == ()
    page = panel.trend_page
    assert not page.chart.has_data() and page.chart.empty_text == "No case in scope has a date to place it in a period."
    assert not panel.control_page.chart.has_data() and panel.control_page.signals.rowCount() == 0
    assert panel.comparison_page.comparison is None and panel.comparison_page.empty.isVisibleTo(panel.comparison_page)
    assert not panel.funnel_page.chart.has_data() and panel.funnel_page.outside.rowCount() == 0
    for widget in panel.pages():
        window.dashboard.tabs.setCurrentWidget(widget)
        assert not window.grab().isNull()


def test_unreviewed_periods_are_gaps_and_say_so(window_factory, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=50, reviewed=0.0, seed=3)
    db.close()
    window = window_factory()
    page = show_trends(qtbot, window).trend_page
    assert page.chart.labels and not page.chart.has_data()
    assert page.chart.empty_text == "No reviewed case in these periods."
    assert page.pendency_chart.has_data()            # pendency counts every decided case, reviewed or not


def test_the_trend_waits_until_a_trend_page_is_shown_and_then_follows_the_last_refresh(window_factory, demo, qtbot):
    """The Dashboard opens on its overview: a refresh there computes its figures, not the trend (most
    of the work over a big workspace); showing a trend page computes it for the newest refresh."""
    window = window_factory()
    dashboard = window.dashboard
    dashboard.today = lambda: th.TODAY
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(dashboard)
    dashboard.tabs.setCurrentIndex(0)                    # the overview
    panel = dashboard.trends
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.refresh()
    panel._pool.waitForDone(10_000)
    assert panel.trend is None and not panel.showing()
    later = ReportFilter(date_from=date(2025, 4, 1))
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.set_filter(later)
    with qtbot.waitSignal(panel.refreshed, timeout=10000):
        dashboard.tabs.setCurrentWidget(panel.control_page)
    assert panel.trend == trend(window.db, later, period=QUARTER, group="department", today=th.TODAY)
    assert panel.trend != trend(window.db, ReportFilter(), period=QUARTER, group="department", today=th.TODAY)
    with qtbot.assertNotEmitted(panel.refreshed, wait=200):
        dashboard.tabs.setCurrentWidget(panel.trend_page)      # nothing changed since: not computed again
