"""The Dashboard tab: the report's figures, its filter shared with Export, refresh on change, charts."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import workspace
from tests.workbench.test_report_data import build_workspace
from ui.changes import Changes
from ui.charts import percent
from workbench.review import reviews
from workbench.report.figures import ReportFilter, compute_report


@pytest.fixture
def filled(tmp_path):
    db = workspace(tmp_path)
    info = build_workspace(db, cases=90, seed=5)
    db.close()
    return info


def show_dashboard(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=5000):
        window.tabs.setCurrentWidget(window.dashboard)
    return window.dashboard


def test_tiles_and_charts_show_the_reports_figures(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    report = compute_report(window.db, target=dashboard.target())
    assert dashboard.compliance_tile.value.text() == percent(report.overall.compliance.rate)
    assert percent(report.overall.compliance.low) in dashboard.compliance_tile.detail.text()
    assert dashboard.reviewed_tile.value.text() == str(report.reviewed)
    assert f"of {report.cases} cases" in dashboard.reviewed_tile.detail.text()
    assert dashboard.error_tile.value.text() == percent(report.error_rate.rate)
    assert dashboard.defect_tile.value.text() == percent(report.defect_rate.rate)
    assert dashboard.findings_tile.value.text() == str(report.findings_total)
    assert dashboard.minutes_tile.value.text() == f"{report.overall.median_minutes:.1f} min"
    assert [b.label for b in dashboard.compliance_chart.bars] == [g.key[0] for g in report.by_department
                                                                  if g.reviewed]
    assert [b.count for b in dashboard.pareto_chart.bars] == [c.findings for c in report.categories]
    assert dashboard.pareto_chart.cumulative()[-1] == pytest.approx(1.0)
    assert "All cases" == dashboard.round_box.currentText()


def test_charts_paint_and_explain_each_bar(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    chart = dashboard.compliance_chart
    chart.resize(520, 300)
    image = chart.grab()
    assert not image.isNull()
    first = chart.bars[0]
    tips = [chart.tooltip_at(x, y) for x in range(0, 520, 40) for y in range(0, 300, 10)]
    assert any(t and t.startswith(first.label) and percent(first.rate) in t for t in tips)
    pareto = dashboard.pareto_chart
    pareto.resize(520, 300)
    assert not pareto.grab().isNull()
    tips = [pareto.tooltip_at(x, 150) for x in range(0, 520, 10)]
    assert any(t and t.startswith(pareto.bars[0].label) for t in tips)


def test_the_filter_is_the_one_export_uses(window_factory, filled, fake_dialogs, qtbot, tmp_path):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        dashboard.set_filter(ReportFilter(round_name="2023 Q1"))
    report = dashboard.report
    assert report.scope.round.name == "2023 Q1" and report.stratified is not None
    assert dashboard.compliance_tile.value.text() == percent(report.stratified.estimate)
    assert "Stratified estimate" in dashboard.compliance_tile.detail.text()
    assert dashboard.reviewed_tile.detail.text().startswith(f"of {len(filled['drawn'])} cases")
    dashboard.target_box.setValue(75)
    fake_dialogs.save_path = str(tmp_path / "round.xlsx")
    task = window.export_workbook()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    book = load_workbook(tmp_path / "round.xlsx")
    summary = {r[0]: r[1:] for r in book["Summary"].iter_rows(values_only=True) if isinstance(r[0], str)}
    assert summary["Round"][0] == "2023 Q1"
    assert summary["Sample (cases drawn)"][0] == len(filled["drawn"])
    assert summary["Target compliance rate"][0] == 0.75
    assert summary["Compliance rate (stratified estimate)"][0] == pytest.approx(report.stratified.estimate)


def test_a_period_narrows_the_figures(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        dashboard.set_filter(ReportFilter(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31)))
    expected = compute_report(window.db, ReportFilter(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31)))
    assert dashboard.report.cases == expected.cases < 90
    assert "decided 2021-01-01 to 2021-12-31" in dashboard.scope_label.text()


def test_a_reversed_period_is_explained_and_export_refuses(window_factory, filled, fake_dialogs, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    dashboard.from_check.setChecked(True)
    dashboard.to_check.setChecked(True)
    dashboard.from_date.setDate(dashboard.to_date.date().addDays(10))
    dashboard.refresh()
    assert dashboard.message.isVisible() and "period is empty" in dashboard.message.text()
    fake_dialogs.save_path = "/never/written.xlsx"
    assert window.export_workbook() is None
    # (the workspace check may warn too: these test workspaces are filled without an audit trail)
    assert any("period is empty" in text for _, text in fake_dialogs.errors)


def test_refreshes_when_a_review_changes(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    before = dashboard.report.findings_total
    case_id = window.db.execute(
        "SELECT r.case_id FROM reviews r WHERE r.status = 'completed' AND r.id ="
        " (SELECT MAX(id) FROM reviews WHERE case_id = r.case_id) AND NOT EXISTS"
        " (SELECT 1 FROM answers a WHERE a.review_id = r.id AND a.item_id = 'search' AND a.outcome = 'fail')"
        " AND EXISTS (SELECT 1 FROM answers a WHERE a.review_id = r.id AND a.item_id = 'search')"
        " LIMIT 1").fetchone()[0]
    review_id = window.db.execute("SELECT MAX(id) FROM reviews WHERE case_id = ?", [case_id]).fetchone()[0]
    reviewer = window.db.execute("SELECT reviewer FROM reviews WHERE id = ?", [review_id]).fetchone()[0]
    reviews.set_answer(window.db, review_id, "search", "fail", severity="major", category="omitted_objection",
                      actor=reviewer)
    reviews.complete(window.db, review_id, actor=reviewer)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        window.notify(Changes(reviews=True, case_ids=frozenset([case_id])))
    assert dashboard.report.findings_total == before + 1
    assert dashboard.findings_tile.value.text() == str(before + 1)


def test_a_hidden_dashboard_waits_until_it_is_shown(window_factory, filled, qtbot):
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.dashboard
    assert window.tabs.currentWidget() is not dashboard
    window.notify(Changes(reviews=True))
    qtbot.wait(400)
    assert dashboard.report is None and dashboard.dirty
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        window.tabs.setCurrentWidget(dashboard)
    assert dashboard.report is not None and not dashboard.dirty


def test_new_rounds_appear_in_the_list(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    assert [dashboard.round_box.itemText(i) for i in range(dashboard.round_box.count())] == ["All cases", "2023 Q1"]
    window.db.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('2023 Q2', '2023-07-01', 1)")
    window.db.conn.commit()
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        window.notify(Changes(rounds=True))
    assert dashboard.round_box.findText("2023 Q2") >= 0


def test_the_target_is_a_remembered_setting(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    assert dashboard.target_box.value() == 90
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        dashboard.target_box.setValue(99)
    assert dashboard.report.target == 0.99
    assert all(b.below_target == (b.high < 0.99) for b in dashboard.compliance_chart.bars)
    again = window_factory(db_name="other.sqlite3")
    assert again.dashboard.target_box.value() == 99


def test_empty_workspace(window_factory, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    assert dashboard.compliance_tile.value.text() == "–"
    assert dashboard.compliance_chart.bars == [] and dashboard.pareto_chart.bars == []
    assert not dashboard.compliance_chart.grab().isNull()


def test_chinese_labels_in_the_charts(window_factory, filled, qtbot):
    window = window_factory(language="zh")
    dashboard = show_dashboard(qtbot, window)
    assert {b.label for b in dashboard.pareto_chart.bars} <= {"应指出而未指出", "指出不当"}


def test_export_onto_an_unwritable_place_says_why_and_leaves_nothing(window_factory, filled, fake_dialogs, qtbot,
                                                                      tmp_path):
    window = window_factory()
    target = tmp_path / "no" / "such" / "folder" / "report.xlsx"
    fake_dialogs.save_path = str(target)
    task = window.export_workbook()
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert any("Cannot write" in text and "report.xlsx" in text for _, text in fake_dialogs.errors)
    assert not (tmp_path / "no").exists()


def test_figures_are_computed_off_the_ui_thread(window_factory, filled, qtbot, monkeypatch):
    import threading

    from ui import dashboard as dashboard_module
    threads = []
    real = dashboard_module.compute_report

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(dashboard_module, "compute_report", spy)
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert dashboard.report is not None


def test_only_the_newest_refresh_is_shown(window_factory, filled, qtbot):
    window = window_factory()
    dashboard = show_dashboard(qtbot, window)
    dashboard.target_box.setValue(50)
    dashboard.refresh()
    dashboard.target_box.setValue(99)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        dashboard.refresh()
    qtbot.wait(200)                       # the older result, if it arrives late, is dropped
    assert dashboard.report.target == 0.99
