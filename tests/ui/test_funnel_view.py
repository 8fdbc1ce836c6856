"""The Dashboard's Funnel plot page (issue 16): departments or examiners of the Dashboard's scope against
the funnel limits of workbench.report.funnels, a planted outlier (60 reviewed, 20 errors) listed and
marked while an examiner with 3 reviewed and 1 error is not, the overdispersion chooser, and tooltips
with each unit's figures."""
from __future__ import annotations

from datetime import date

import pytest

from db.connection import open_database
from tests.ui import trend_helpers as th
from ui.charts import percent
from ui.funnel_chart import POSITION_COLOURS, axis_start, log_ticks
from ui.trend_text import interval
from workbench.demo.generate import build_demo
from workbench.report.figures import ReportFilter
from workbench.report.funnels import funnels
from workbench.stats.funnel import ADDITIVE, INSIDE, MULTIPLICATIVE, NO_ADJUSTMENT, POSITION_LABELS


@pytest.fixture
def outlier(tmp_path, monkeypatch):
    """A demo workspace with "Outlier" (60 reviewed, 20 errors) and "Small" (3 reviewed, 1 error) of
    "Quality Dept", both reviewed through the review domain."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=600, reviewed=0.5, seed=11)
    th.add_examiner(db, "Outlier", "Quality Dept", reviewed=60, errors=20, decided=date(2024, 3, 1))
    th.add_examiner(db, "Small", "Quality Dept", reviewed=3, errors=1, decided=date(2024, 5, 1))
    db.close()


def show_funnel(qtbot, window):
    dashboard = window.dashboard
    dashboard.today = lambda: th.TODAY
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        window.tabs.setCurrentWidget(dashboard)
    page = dashboard.trends.funnel_page
    dashboard.tabs.setCurrentWidget(page)
    return page


def outside_rows(page) -> list[list[str]]:
    table = page.outside
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_planted_examiner_is_listed_and_marked_the_small_one_is_not(window_factory, outlier, qtbot):
    window = window_factory()
    page = show_funnel(qtbot, window)
    assert not window.dashboard.trends.choosers.isVisible()     # the funnel has its own choosers
    assert page.funnel == funnels(window.db, ReportFilter(), unit="department")
    page.unit_box.setCurrentIndex(page.unit_box.findData("examiner"))
    expected = funnels(window.db, ReportFilter(), unit="examiner")
    assert page.funnel == expected
    names = [u.label for _k, u in expected.outside]
    assert "Quality Dept / Outlier" in names and "Quality Dept / Small" not in names
    rows = outside_rows(page)
    assert [r[0] for r in rows] == sorted(names)                # by name: nobody is ranked
    unit = next(u for _k, u in expected.outside if u.label == "Quality Dept / Outlier")
    assert (unit.n, unit.x, unit.position) == (60, 40, unit.position) and unit.position != INSIDE
    row = next(r for r in rows if r[0] == "Quality Dept / Outlier")
    assert row == ["Quality Dept / Outlier", "60", "40", percent(40 / 60),
                   interval(unit.limits.low_95, unit.limits.high_95),
                   interval(unit.limits.low_998, unit.limits.high_998), POSITION_LABELS[unit.position][0]]
    assert page.outside_title.text() == f"Outside the 95% limits: {len(names)} of " \
                                        f"{sum(1 for u in expected.funnel.units if u.n)}"


def test_the_chart_paints_each_unit_with_its_figures(window_factory, outlier, qtbot):
    window = window_factory()
    page = show_funnel(qtbot, window)
    page.unit_box.setCurrentIndex(page.unit_box.findData("examiner"))
    chart = page.chart
    chart.resize(900, 480)
    assert not chart.grab().isNull()
    funnel = page.funnel.funnel
    assert chart.funnel == funnel and chart.curve == funnel.curve()
    index = next(i for i, u in enumerate(funnel.units) if u.label == "Quality Dept / Outlier")
    where = chart.points[index]
    tip = chart.tooltip_at(where.x(), where.y())
    assert tip.startswith("Quality Dept / Outlier: 66.7% compliant, 40 of 60 reviewed")
    assert POSITION_LABELS[funnel.units[index].position][0] in tip
    assert "Limits at 60 reviewed: 95% " in tip
    small = next(i for i, u in enumerate(funnel.units) if u.label == "Quality Dept / Small")
    assert funnel.units[small].position == INSIDE
    assert POSITION_COLOURS[funnel.units[index].position] != POSITION_COLOURS[INSIDE]
    # Every unit with reviewed cases is painted, and the log axis starts at a round number below the smallest.
    assert set(chart.points) == {i for i, u in enumerate(funnel.units) if u.n}
    assert axis_start(3) == 2 and axis_start(38) == 20 and axis_start(1) == 1
    assert log_ticks(250, 20) == [20, 50, 100, 200]


@pytest.mark.parametrize("adjustment", [NO_ADJUSTMENT, MULTIPLICATIVE, ADDITIVE])
def test_the_overdispersion_chooser_places_the_units_again(window_factory, outlier, qtbot, adjustment):
    window = window_factory()
    page = show_funnel(qtbot, window)
    page.unit_box.setCurrentIndex(page.unit_box.findData("examiner"))
    page.adjustment_box.setCurrentIndex(page.adjustment_box.findData(adjustment))
    expected = funnels(window.db, ReportFilter(), unit="examiner", adjustment=adjustment)
    assert page.funnel == expected
    phi = expected.funnel.overdispersion.phi
    text = page.phi_label.text()
    assert f"φ = {phi:.2f}" in text
    if phi > 1:
        assert "> 1: the units vary more than chance" in text
        assert ("widened" in text) == (adjustment != NO_ADJUSTMENT)
    else:
        assert "the limits are not widened" in text


def test_the_funnel_follows_the_dashboards_filter(window_factory, outlier, qtbot):
    window = window_factory()
    page = show_funnel(qtbot, window)
    dashboard = window.dashboard
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.set_filter(ReportFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)))
    assert page.funnel == funnels(window.db, ReportFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)))
