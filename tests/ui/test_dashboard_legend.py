"""The Dashboard a director reads: tiles that say what they count, an even grid, pendency of every
IP type, a legend of the chart marks, and Copy / Save as PNG on each chart."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QImage

from tests.ui.test_dashboard import filled, show_dashboard  # noqa: F401 (fixture)
from tests.ui.test_language_zh import zh  # noqa: F401 (fixture)
from ui.case_model import value_label
from workbench.report.figures import compute_report


def test_tiles_legend_and_chart_tools(window_factory, filled, qtbot, fake_dialogs, tmp_path):  # noqa: F811
    window = window_factory()
    window.resize(1300, 900)
    dashboard = show_dashboard(qtbot, window)
    report = compute_report(window.db, target=dashboard.target())
    # Each rate tile names what it counts, and says "n of N reviewed" before the interval.
    assert dashboard.compliance_tile.caption.text() == "Compliant (no error)"
    assert dashboard.defect_tile.caption.text() == "With minor findings only (defect)"
    p = report.overall.compliance
    assert dashboard.compliance_tile.detail.text().startswith(f"{p.successes} of {p.n} reviewed · likely between")
    assert dashboard.defect_tile.detail.text().startswith(
        f"{report.defect_rate.successes} of {report.defect_rate.n} reviewed")
    # Every IP type with decided cases is in the pendency tile, not only the largest.
    types = [value_label("ip_type", x.ip_type) for x in report.pendency if x.median_days is not None]
    shown = dashboard.pendency_tile.value.text().replace("\u00a0", " ")
    assert len(types) > 1 and all(t in shown for t in types)
    # An even grid: the four tiles of a row are equally wide, the pendency tile two of them.
    first_row = [dashboard.compliance_tile, dashboard.defect_tile, dashboard.error_tile, dashboard.reviewed_tile]
    widths = {tile.width() for tile in first_row}
    assert max(widths) - min(widths) <= 1
    assert abs(dashboard.pendency_tile.width() - 2 * dashboard.compliance_tile.width()) <= 10
    assert dashboard.legend.isVisible() and any("Below target" in t for t in dashboard.legend.texts)
    # Copy chart puts its picture on the clipboard; Save writes a PNG where the dialog said.
    tools = dashboard.chart_tools[0]
    assert tools.copy_action in dashboard.compliance_chart.actions()
    tools.copy_action.trigger()
    assert not QGuiApplication.clipboard().image().isNull()
    fake_dialogs.save_path = str(tmp_path / "chart")
    assert tools.save() == str(tmp_path / "chart.png")
    assert QImage(str(tmp_path / "chart.png")).width() == dashboard.compliance_chart.width()


def test_the_chinese_pendency_tile_lists_the_types_with_the_enumeration_comma(zh, window_factory, filled,  # noqa: F811
                                                                             qtbot):
    window = window_factory(language="zh")
    dashboard = show_dashboard(qtbot, window)
    detail = dashboard.pendency_tile.detail.text()
    types = [value_label("ip_type", x.ip_type) for x in compute_report(window.db).pendency if x.median_days is not None]
    assert len(types) >= 2 and "、" in detail and ", " not in detail, detail
