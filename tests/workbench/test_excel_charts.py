"""The Summary's charts carry cached points equal to the cells they are drawn from, small text, and
Pareto labels short enough for the chart (the table keeps the full text)."""
from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from tests.workbench.helpers import workspace
from tests.workbench.test_report_data import build_workspace
from workbench.report.excel_charts import LABEL_CHARS, _width, short_label
from workbench.report.workbook import write_workbook

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module", params=["en", "zh"])
def exported(tmp_path_factory, request):
    folder = tmp_path_factory.mktemp("charts")
    db = workspace(folder)
    build_workspace(db, cases=80, seed=5)
    out = folder / "report.xlsx"
    write_workbook(db, out, language=request.param)
    db.close()
    with zipfile.ZipFile(out) as archive:
        charts = [ET.fromstring(archive.read(f"xl/charts/chart{n}.xml")) for n in (1, 2)]
    return load_workbook(out).worksheets[0], charts


def cell_values(sheet, formula: str) -> list:
    min_col, min_row, max_col, max_row = range_boundaries(formula.split("!")[-1])
    return [sheet.cell(row=r, column=c).value for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def cached(cache) -> list:
    count = int(cache.find(f"{C}ptCount").get("val"))
    points = {int(pt.get("idx")): pt.find(f"{C}v").text for pt in cache.findall(f"{C}pt")}
    return [points.get(i) for i in range(count)]


def test_every_reference_caches_the_values_of_its_cells(exported):
    sheet, charts = exported
    numbers = strings = 0
    for chart in charts:
        for ref in chart.iter(f"{C}numRef"):
            cache = ref.find(f"{C}numCache")
            assert cache is not None, ref.find(f"{C}f").text
            values = cell_values(sheet, ref.find(f"{C}f").text)
            assert values and all(isinstance(v, (int, float)) for v in values)
            assert [float(v) for v in cached(cache)] == pytest.approx(values)
            numbers += len(values)
        for ref in chart.iter(f"{C}strRef"):
            cache = ref.find(f"{C}strCache")
            assert cache is not None, ref.find(f"{C}f").text
            assert cached(cache) == cell_values(sheet, ref.find(f"{C}f").text)
            strings += 1
    # rates, interval minus and plus; counts and cumulative shares; categories and series names
    assert numbers >= 5 and strings >= 5


def test_titles_and_labels_are_small(exported):
    _sheet, charts = exported
    for chart in charts:
        title = chart.find(f"{C}chart/{C}title")
        assert {r.get("sz") for r in title.iter(f"{A}rPr")} == {"1100"}
        axes = [ax for tag in ("catAx", "valAx") for ax in chart.iter(f"{C}{tag}")]
        assert axes and all(ax.find(f"{C}txPr") is not None for ax in axes)
        sizes = {int(p.get("sz")) for ax in axes for p in ax.find(f"{C}txPr").iter(f"{A}defRPr")}
        assert sizes and all(800 <= s <= 900 for s in sizes)


def test_pareto_labels_are_short_on_the_chart_only(exported):
    sheet, charts = exported
    (categories,) = {ref.find(f"{C}f").text for ref in charts[1].iter(f"{C}cat") for ref in ref.iter(f"{C}strRef")}
    labels = cell_values(sheet, categories)
    full = [sheet.cell(row=r, column=1).value for r in range(range_boundaries(categories.split("!")[1])[1],
                                                                  range_boundaries(categories.split("!")[1])[3] + 1)]
    assert labels == [short_label(text) for text in full]
    assert all(_width(label) <= 2 * LABEL_CHARS for label in labels)    # short enough for the chart
    assert sheet.column_dimensions[categories.split("$")[1]].hidden     # in a hidden helper column


@pytest.mark.parametrize("text, expected", [
    ("Short category", "Short category"),
    ("Objection improper or on wrong grounds (Utility model: preliminary examination)", "Objection impro… (Utility…)"),
    ("Objection omitted (Utility model: preliminary examination)", "Objection omitt… (Utility…)"),
    ("Notice drafting problem (Trademark: registration examination)", "Notice drafting… (Trademark)"),
    ("应指出而未指出（外观设计专利初步审查）", "应指出而未指出（外观…）"),
    ("An uncategorised very long label", "An uncategorise…"),
])
def test_short_label(text, expected):
    assert short_label(text) == expected
